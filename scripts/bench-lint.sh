#!/usr/bin/env bash
# Compares lint throughput on the same ~10,000-word postmortem: our linter
# (release build of the lint_throughput example) and alex, the npm prose
# linter for insensitive writing. Prints words per second for both.
#
# alex is installed once into .tools/alex/ under the repository root.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
alex_dir="$root/.tools/alex"
words="${WORDS:-10000}"

if [ ! -f "$alex_dir/node_modules/alex/index.js" ]; then
  echo "Installing alex into .tools/alex/ …" >&2
  mkdir -p "$alex_dir"
  npm install --prefix "$alex_dir" --no-audit --no-fund --loglevel=error alex@11 >&2
fi

echo "Building the throughput example (release) …" >&2
cargo build --quiet --release -p afterword-core --example lint_throughput
bin="${CARGO_TARGET_DIR:-$root/target}/release/examples/lint_throughput"

doc="$(mktemp --suffix=.md)"
trap 'rm -f "$doc"' EXIT
"$bin" --emit --words "$words" > "$doc"

"$bin" --rounds "${ROUNDS:-50}" "$doc"
node "$root/scripts/alex-throughput.mjs" "$alex_dir" "$doc" "${ALEX_ROUNDS:-5}"
