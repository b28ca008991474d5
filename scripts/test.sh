#!/usr/bin/env bash
# Runs every check Afterword has: formatting, lints, the core's native tests,
# the components' tests in headless Chromium, the release build and its size,
# and the end-to-end flows in Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting"
cargo fmt --all -- --check

step "Lints"
cargo clippy --workspace --exclude afterword --all-targets --all-features -- -D warnings
cargo clippy -p afterword --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p afterword --target wasm32-unknown-unknown --no-default-features --features split -- -D warnings

step "Core and command line (native)"
cargo test --workspace --exclude afterword --all-features

step "Fuzzing every parser (20,000 mutated inputs each)"
cargo run --quiet --profile fuzz -p afterword-core --example fuzz -- --cases 20000

step "Components (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p afterword --target wasm32-unknown-unknown

step "Release build"
trunk build --release
scripts/size.sh

step "End-to-end flows (Playwright in Chromium)"
node --test --test-concurrency=1 tests/e2e/

step "Fault suite (storage full or off, tabs, crashes, huge drafts)"
node scripts/faults.mjs
