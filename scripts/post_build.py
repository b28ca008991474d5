#!/usr/bin/env python3
"""Trunk post-build hook.

1. Moves the loader Trunk writes inline into index.html to a file of its own
   (boot-<hash>.js), so the page runs under a Content-Security-Policy that
   allows no inline script.
2. Writes afterword-embed.js (from src/embed.js): the stable-named module a
   page imports to embed the editor, filled with this build's hashed file
   names (the app's JS, its wasm and its stylesheets, in page order).
3. Lists every file of the build in the service worker and stamps it with a
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
        return None
    code = match.group(1).strip() + "\n"
    name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    with open(os.path.join(stage, name), "w", encoding="utf-8") as f:
        f.write(code)
    html = html[: match.start()] + f'<script type="module" src="./{name}"></script>' + html[match.end():]
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)
    return code


STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(?:\./)?([^"]+)"')
APP_JS = re.compile(r"from '\./(afterword-[0-9a-f]+\.js)'")
APP_WASM = re.compile(r"module_or_path: '\./(afterword-[0-9a-f]+_bg\.wasm)'")


def write_embed_module(stage, loader):
    """The page-facing embedding module; see src/embed.js."""
    with open(os.path.join(stage, "index.html"), encoding="utf-8") as f:
        html = f.read()
    styles = STYLESHEET.findall(html)
    js = APP_JS.search(loader)
    wasm = APP_WASM.search(loader)
    if not (styles and js and wasm):
        sys.exit("post_build: cannot find the app's stylesheets, JS or wasm for afterword-embed.js")
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "src", "embed.js"), encoding="utf-8") as f:
        source = f.read()
    source = (
        source.replace("__AFTERWORD_JS__", js.group(1))
        .replace("__AFTERWORD_WASM__", wasm.group(1))
        .replace("__AFTERWORD_STYLES__", json.dumps(styles))
    )
    if "__AFTERWORD_" in source:
        sys.exit("post_build: src/embed.js has a placeholder this script does not know")
    with open(os.path.join(stage, "afterword-embed.js"), "w", encoding="utf-8") as f:
        f.write(source)


def main():
    stage = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
    if not stage:
        sys.exit("post_build: set TRUNK_STAGING_DIR or pass the build folder")
    loader = externalise_loader(stage)
    if loader is None:
        # Already moved (the hook ran twice on this folder): read it back.
        boot = [n for n in os.listdir(stage) if n.startswith("boot-") and n.endswith(".js")]
        if len(boot) != 1:
            sys.exit("post_build: no inline loader and no single boot-*.js")
        with open(os.path.join(stage, boot[0]), encoding="utf-8") as f:
            loader = f.read()
    write_embed_module(stage, loader)
    files = []
    for root, _dirs, names in os.walk(stage):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), stage).replace(os.sep, "/")
            if rel not in SKIP:
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
