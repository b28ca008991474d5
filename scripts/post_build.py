#!/usr/bin/env python3
"""Trunk post-build hook.

1. Moves the loader Trunk writes inline into index.html to a file of its own
   (boot-<hash>.js), so the page runs under a Content-Security-Policy that
   allows no inline script.
2. Lists every file of the build in the service worker and stamps it with a
   version derived from their contents. A new deployment therefore always
   changes sw.js, which is what makes browsers install the new version; the
   list lets the worker cache the whole app shell, including Trunk's hashed
   file names, before it takes over."""
import hashlib
import json
import os
import re
import sys

SKIP = {"sw.js"}


INLINE_MODULE = re.compile(r'<script type="module">\s*(.*?)</script>', re.S)


def externalise_loader(stage):
    index_path = os.path.join(stage, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    match = INLINE_MODULE.search(html)
    if not match:
        return
    code = match.group(1).strip() + "\n"
    name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    with open(os.path.join(stage, name), "w", encoding="utf-8") as f:
        f.write(code)
    html = html[: match.start()] + f'<script type="module" src="./{name}"></script>' + html[match.end():]
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)


def main():
    stage = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
    if not stage:
        sys.exit("post_build: set TRUNK_STAGING_DIR or pass the build folder")
    externalise_loader(stage)
    files = []
    for root, _dirs, names in os.walk(stage):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), stage).replace(os.sep, "/")
            if rel not in SKIP and not rel.startswith("schema/"):
                files.append(rel)
    files.sort()
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode())
        with open(os.path.join(stage, rel), "rb") as f:
            digest.update(f.read())
    build = digest.hexdigest()[:16]
    sw_path = os.path.join(stage, "sw.js")
    with open(sw_path, encoding="utf-8") as f:
        source = f.read()
    source, n1 = re.subn(r'^const BUILD = .*;$', f"const BUILD = {json.dumps(build)};", source, count=1, flags=re.M)
    precache = files
    source, n2 = re.subn(r'^const FILES = .*;$', f"const FILES = {json.dumps(precache)};", source, count=1, flags=re.M)
    if n1 != 1 or n2 != 1:
        sys.exit("post_build: sw.js lacks the BUILD/FILES lines")
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(source)
    print(f"service worker: build {build}, {len(precache)} files precached")


if __name__ == "__main__":
    main()
