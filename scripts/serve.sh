#!/usr/bin/env bash
# Builds Afterword (installing what is missing) and serves it on
# http://127.0.0.1:8080, rebuilding when a file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve --release "$@"
