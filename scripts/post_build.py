#!/usr/bin/env python3
"""Trunk post-build hook.

1. Builds the WebAssembly in parts (scripts/build_wasm.py) and links its
   loader (boot-<hash>.js) from index.html: a file of its own, so the page
   runs under a Content-Security-Policy that allows no inline script.
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_wasm  # noqa: E402

SKIP = {"sw.js"}


def add_loader(stage, parts):
    """Links the app's modules from index.html: the JS glue and the parts
    loader preloaded, the main wasm fetched early, the loader run as a module
    (a file of its own, so the page runs under a Content-Security-Policy that
    allows no inline script)."""
    index_path = os.path.join(stage, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    tags = (
        f'<link rel="modulepreload" href="./{parts["js"]}" crossorigin="anonymous">'
        f'<link rel="modulepreload" href="./{parts["loader"]}" crossorigin="anonymous">'
        f'<link rel="preload" href="./{parts["wasm"]}" crossorigin="anonymous" as="fetch" type="application/wasm">'
        f'<script type="module" src="./{parts["boot"]}"></script>'
    )
    if "</head>" not in html or parts["boot"] in html:
        sys.exit("post_build: index.html has no </head>, or already links the loader")
    html = html.replace("</head>", tags + "\n</head>", 1)
    # The placeholder that keeps Trunk from building the wasm itself.
    html = re.sub(r'\s*<!--[^>]*not by Trunk\. -->\s*<link data-trunk rel="rust"[^>]*>', "", html)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)


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
    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    parts = build_wasm.build(stage, release)
    add_loader(stage, parts)
    write_embed_module(stage, parts["boot_code"])
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
