#!/usr/bin/env python3
"""Builds the app's WebAssembly in parts (called by scripts/post_build.py,
which Trunk runs after every build).

1. `cargo build` of the `afterword` binary for wasm32 with the `split`
   feature and without the checker's data built in: the screens in
   src/parts.rs become split points, and the data is a file of its own. The linker
   keeps its relocations (`--emit-relocs`, .cargo/config.toml).
2. `wasm-split-cli` moves the code only a split point reaches into a part of
   its own (`split_<name>.wasm`), and code shared by some parts into small
   shared parts (`chunk_<n>.wasm`); the rest stays in the main module, with a
   small JS module that fetches a part the first time it is needed.
3. `wasm-bindgen` makes the main module's JS glue; in release builds
   `wasm-opt -Oz` shrinks every module.
4. Every file gets the build's content hash in its name, the references
   between them are rewritten to match, and a loader (boot-<hash>.js) starts
   the app. The checker's data file (written by build.rs, already named by
   its content) is copied next to them.

Prints the files it wrote, as JSON on the last line, for post_build.py."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
WASM_OPT_FEATURES = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
]


def run(cmd, **kw):
    print("build_wasm:", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def target_dir():
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)["target_directory"]


def build(stage, release):
    profile = "release" if release else "debug"
    cmd = ["cargo", "build", "--target", "wasm32-unknown-unknown", "--bin", "afterword", "--no-default-features", "--features", "split", "--locked",
           "--message-format", "json-render-diagnostics"]
    if release:
        cmd.append("--release")
    print("build_wasm:", " ".join(cmd), file=sys.stderr)
    messages = subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True).stdout
    # build.rs writes the checker's data file into its OUT_DIR.
    out_dirs = [m["out_dir"] for m in map(json.loads, messages.splitlines())
                if m.get("reason") == "build-script-executed"]
    data = [os.path.join(d, f) for d in out_dirs for f in os.listdir(d) if re.fullmatch(r"checker-[0-9a-f]{16}\.bin", f)]
    if len(data) != 1:
        sys.exit(f"build_wasm: expected one checker data file from build.rs, found {data}")
    source = os.path.join(target_dir(), "wasm32-unknown-unknown", profile, "afterword.wasm")
    work = os.path.join(target_dir(), "afterword-parts")
    shutil.rmtree(work, ignore_errors=True)
    split_dir = os.path.join(work, "split")
    out = os.path.join(work, "out")
    os.makedirs(split_dir)
    os.makedirs(out)

    run(["wasm-split-cli", source, split_dir, "--out-name", "afterword"])
    run(["wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", out, "--out-name", "afterword",
         os.path.join(split_dir, "afterword.wasm")])
    parts = sorted(f for f in os.listdir(split_dir) if f.endswith(".wasm") and f != "afterword.wasm")
    for f in parts:
        shutil.copy(os.path.join(split_dir, f), os.path.join(out, f))
    shutil.copy(os.path.join(split_dir, "__wasm_split.js"), os.path.join(out, "__wasm_split.js"))
    if release:
        for f in ["afterword_bg.wasm"] + parts:
            path = os.path.join(out, f)
            run(["wasm-opt", "-Oz", "--strip-debug", *WASM_OPT_FEATURES, path, "-o", path],
                stderr=subprocess.DEVNULL)

    # One hash for the whole build: the modules name each other, so a
    # change anywhere renames them all together.
    digest = hashlib.sha256()
    for f in sorted(os.listdir(out)):
        digest.update(f.encode())
        with open(os.path.join(out, f), "rb") as fh:
            digest.update(fh.read())
    h = digest.hexdigest()[:16]

    names = {f: f"{f[:-5]}-{h}.wasm" for f in parts}
    names["afterword_bg.wasm"] = f"afterword-{h}_bg.wasm"
    names["afterword.js"] = f"afterword-{h}.js"
    names["__wasm_split.js"] = f"afterword-parts-{h}.js"

    with open(os.path.join(out, "__wasm_split.js"), encoding="utf-8") as fh:
        link = fh.read()
    link = link.replace('"./afterword.js"', f'"./{names["afterword.js"]}"')
    for old in parts:
        link, n = re.subn(re.escape(f'"./{old}"'), f'"./{names[old]}"', link)
        if n != 1:
            sys.exit(f"build_wasm: the parts loader names {old} {n} times, expected once")
    with open(os.path.join(out, "afterword.js"), encoding="utf-8") as fh:
        glue = fh.read()
    glue, n = re.subn(r'from "\./__wasm_split\.js"', f'from "./{names["__wasm_split.js"]}"', glue)
    if n == 0:
        sys.exit("build_wasm: the JS glue does not import the parts loader")

    written = {}
    for f, new in names.items():
        dest = os.path.join(stage, new)
        if f == "__wasm_split.js":
            with open(dest, "w", encoding="utf-8") as fh:
                fh.write(link)
        elif f == "afterword.js":
            with open(dest, "w", encoding="utf-8") as fh:
                fh.write(glue)
        else:
            shutil.copy(os.path.join(out, f), dest)
        written[f] = new

    checker = os.path.basename(data[0])
    shutil.copy(data[0], os.path.join(stage, checker))

    boot = (
        f"import init, * as bindings from './{names['afterword.js']}';\n"
        f"const wasm = await init({{ module_or_path: './{names['afterword_bg.wasm']}' }});\n"
        "window.wasmBindings = bindings;\n"
        'dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));\n'
    )
    boot_name = f"boot-{hashlib.sha256(boot.encode()).hexdigest()[:16]}.js"
    with open(os.path.join(stage, boot_name), "w", encoding="utf-8") as fh:
        fh.write(boot)
    return {
        "js": names["afterword.js"],
        "wasm": names["afterword_bg.wasm"],
        "loader": names["__wasm_split.js"],
        "parts": [names[p] for p in parts],
        "boot": boot_name,
        "checker": checker,
        "boot_code": boot,
    }


def main():
    stage = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
    if not stage:
        sys.exit("build_wasm: set TRUNK_STAGING_DIR or pass the build folder")
    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    print(json.dumps(build(stage, release)))


if __name__ == "__main__":
    main()
