#!/usr/bin/env bash
# The size report of a release build (run `trunk build --release` first):
#
#   scripts/size.sh
#
# Prints raw, gzip (level 9) and brotli (quality 11) sizes of
#  - what the page downloads before the home screen is interactive: index.html
#    and every file it links to (the JS glue, the wasm, the styles);
#  - each part loaded later (none yet: the whole app is one wasm file);
#  - the whole app: every file of dist/ the service worker precaches;
# then where the wasm goes, per crate and per module, read from cargo's
# output before wasm-bindgen and wasm-opt (names kept): see
# scripts/wasm-top.mjs. Nothing to install: Node does the compression.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run 'trunk build --release' first" >&2; exit 1; }
node --input-type=module - <<'JS'
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

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

const html = fs.readFileSync("dist/index.html", "utf8");
const linked = new Set(["index.html"]);
for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
  const name = m[1].replace(/^\.?\//, "").split("?")[0];
  if (/\.(js|wasm|css)$/.test(name) && fs.existsSync(path.join("dist", name))) linked.add(name);
}
// The JS glue fetches the wasm next to it even when no link names it.
for (const f of fs.readdirSync("dist")) if (f.endsWith(".wasm")) linked.add(f);

const first = [...linked].sort().map((f) => ({ f, s: sizes(path.join("dist", f)) }));
for (const { f, s } of first) row(f, s);
row("before the home screen is interactive", sum(first.map((x) => x.s)));
console.log("size: parts loaded later: none (the app is one wasm file)");

const all = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else all.push(p);
  }
};
walk("dist");
row(`whole app (${all.length} files in dist/)`, sum(all.map(sizes)));
JS
wasm=target/wasm32-unknown-unknown/release/afterword.wasm
if [ -f "$wasm" ]; then
  node scripts/wasm-top.mjs "$wasm" "${ROWS:-20}" || echo "size: the per-crate figures could not be read from $wasm" >&2
else
  echo "no $wasm: the per-crate figures need the release build's cargo output" >&2
fi
