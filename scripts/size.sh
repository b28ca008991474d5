#!/usr/bin/env bash
# The size report of a release build (run `trunk build --release` first):
#
#   scripts/size.sh
#
# Prints raw, gzip (level 9) and brotli (quality 11) sizes of
#  - what the page downloads before the home screen is interactive: index.html
#    and every file it links to (the JS glue, the wasm, the styles);
#  - each part of the wasm loaded later (src/parts.rs), with the shared
#    pieces it needs, and what a visit that opens a draft downloads;
#  - the whole app: every file of dist/ the service worker precaches;
# then where the wasm goes, per crate and per module, read from cargo's
# output before wasm-bindgen and wasm-opt (names kept): see
# scripts/wasm-top.mjs. Nothing to install: Node does the compression.
set -euo pipefail
cd "$(dirname "$0")/.."
export DIST="${DIST:-dist}"
[ -f "$DIST/index.html" ] || { echo "no $DIST/: run 'trunk build --release' first" >&2; exit 1; }
node --input-type=module - <<'JS'
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const DIST = process.env.DIST;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = (file) => {
  const data = fs.readFileSync(file);
  return {
    raw: data.length,
    gz: zlib.gzipSync(data, { level: 9 }).length,
    br: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const row = (label, s) => console.log(`size: ${label}: ${kb(s.raw)} raw, ${kb(s.gz)} gzip, ${kb(s.br)} brotli`);
const sum = (list) => list.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });

const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
const linked = new Set(["index.html"]);
for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
  const name = m[1].replace(/^\.?\//, "").split("?")[0];
  if (/\.(js|wasm|css)$/.test(name) && fs.existsSync(path.join(DIST, name))) linked.add(name);
}
// The JS glue fetches the main wasm next to it even when no link names it;
// the parts (split_*.wasm and the chunk_*.wasm they share) come later.
for (const f of fs.readdirSync(DIST)) if (/_bg\.wasm$/.test(f)) linked.add(f);

const first = [...linked].sort().map((f) => ({ f, s: sizes(path.join(DIST, f)) }));
for (const { f, s } of first) row(f, s);
row("before the home screen is interactive", sum(first.map((x) => x.s)));
// The parts loader names each part's file and the shared pieces it waits for.
const loaderFile = fs.readdirSync(DIST).find((f) => /^afterword-parts-[0-9a-f]+\.js$/.test(f));
const partsOf = new Map();
if (loaderFile) {
  const loader = fs.readFileSync(path.join(DIST, loaderFile), "utf8");
  const chunkFile = new Map();
  const re = /(?:export )?const (__wasm_split_load_(\w+)|__chunk_\d+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{[^]*?new URL\("\.\/([^"]+)"[^]*?\n, \[([^\]]*)\]/g;
  const entries = [...loader.matchAll(re)];
  for (const m of entries) if (!m[2]) chunkFile.set(m[1], m[3]);
  for (const m of entries) {
    if (!m[2]) continue;
    const deps = m[4].split(",").map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
    partsOf.set(m[2], [m[3], ...deps]);
  }
  // The checker's name lists and model come with the editor.
  const checker = fs.readdirSync(DIST).find((f) => /^checker-[0-9a-f]{16}\.bin$/.test(f));
  if (checker && partsOf.has("editor")) partsOf.get("editor").push(checker);
  {
  }
}
if (partsOf.size === 0) console.log("size: parts loaded later: none (the app is one wasm file)");
const inParts = new Set();
for (const [name, files] of [...partsOf].sort()) {
  for (const f of files) inParts.add(f);
  row(`part "${name}" (${files.length} files)`, sum(files.map((f) => sizes(path.join(DIST, f)))));
}
if (partsOf.has("editor")) {
  const withEditor = [...first.map((x) => x.s), ...partsOf.get("editor").map((f) => sizes(path.join(DIST, f)))];
  row("once a draft is open (the above and the editor's part)", sum(withEditor));
}

const all = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else all.push(p);
  }
};
walk(DIST);
row(`whole app (${all.length} files in dist/)`, sum(all.map(sizes)));
JS
target=$(cargo metadata --format-version 1 --no-deps --offline 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).target_directory)}catch{console.log("target")}})')
wasm="$target/wasm32-unknown-unknown/release/afterword.wasm"
if [ -f "$wasm" ]; then
  echo "The whole app, before it is split:"
  node scripts/wasm-top.mjs "$wasm" "${ROWS:-20}" || echo "size: the per-crate figures could not be read from $wasm" >&2
else
  echo "no $wasm: the per-crate figures need the release build's cargo output" >&2
fi
# What stays in the main module (the home screen's download), as the
# splitter left it, names still in.
main="$target/afterword-parts/split/afterword.wasm"
if [ -f "$main" ]; then
  echo "The main module only (what every visit downloads):"
  node scripts/wasm-top.mjs "$main" "${ROWS:-20}" || echo "size: the per-crate figures could not be read from $main" >&2
fi
