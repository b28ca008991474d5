#!/usr/bin/env bash
# Scores the blameless checker against its corpus (crates/afterword-core/
# corpus): precision, recall and F1 on the development and held-out
# sentences, overall and per category, and the planted blame caught in whole
# postmortems, all with no participant list. Lists every miss and extra flag
# unless QUIET=1.
set -euo pipefail
cd "$(dirname "$0")/.."
args=(--misses)
[ "${QUIET:-}" = 1 ] && args=()
cargo run --quiet --release -p afterword-core --example lint_quality -- "${args[@]}" "$@"
