#!/usr/bin/env bash
# Installs what building and testing Afterword needs, skipping whatever is
# already there. Safe to run any number of times.
#
#   scripts/setup.sh            build tools (wasm target, Trunk, wasm-bindgen, wasm-split, wasm-opt)
#   scripts/setup.sh --test     the same, plus Chromium and the end-to-end test packages
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
# The wasm-bindgen command-line tool must match the library version exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

if ! have trunk || ! trunk --version | grep -qF "$TRUNK_VERSION"; then
  say "Installing Trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! have wasm-bindgen || ! wasm-bindgen --version | grep -qF "$WASM_BINDGEN_VERSION"; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # No --locked: its lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Splits the wasm into parts loaded on demand (scripts/build_wasm.py). Its
# runtime half (wasm_split_helpers, through Leptos) is in Cargo.lock; the
# two must speak the same format, so the tool's version is pinned with it.
WASM_SPLIT_VERSION=0.2.4
if ! have wasm-split-cli || [ "$(cat "$HOME/.cargo/.afterword-wasm-split" 2>/dev/null)" != "$WASM_SPLIT_VERSION" ]; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (two minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
  echo "$WASM_SPLIT_VERSION" > "$HOME/.cargo/.afterword-wasm-split"
fi

# npm packages: wasm-opt (binaryen) always; Playwright and axe for tests,
# PouchDB Server (a CouchDB-compatible server) and Ajv for the team library's.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@axe-core/playwright ] \
   || [ ! -x node_modules/.bin/pouchdb-server ] || [ ! -d node_modules/ajv ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (wasm-opt, Playwright, axe, PouchDB Server, Ajv)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if $want_test; then
  if ! have chromium || ! have chromedriver; then
    say "Installing Chromium and ChromeDriver from Debian"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      sudo apt-get update -qq
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
  fi
fi

# Trunk builds offline: fetch crates now (a no-op when they are cached).
cargo fetch --quiet
