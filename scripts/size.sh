#!/usr/bin/env bash
# Prints the size of the built app: raw, gzip and brotli, per file type.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run 'trunk build --release' first" >&2; exit 1; }
python3 - <<'PY'
import glob, gzip, os
try:
    import brotli  # optional
except ImportError:
    brotli = None
rows = []
for path in sorted(glob.glob("dist/*.wasm") + glob.glob("dist/*.js") + glob.glob("dist/*.css")):
    data = open(path, "rb").read()
    gz = len(gzip.compress(data, 9))
    br = len(brotli.compress(data)) if brotli else None
    rows.append((os.path.basename(path), len(data), gz, br))
for name, raw, gz, br in rows:
    extra = f", {br/1024:.1f} KB brotli" if br is not None else ""
    print(f"size: {name}: {raw/1024:.1f} KB raw, {gz/1024:.1f} KB gzip{extra}")
PY
