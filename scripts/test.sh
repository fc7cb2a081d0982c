#!/usr/bin/env bash
# Runs every test of the project, the way CI does (.ci/run calls this):
#   1. installs what is missing (scripts/setup.sh: wasm32 target, wasm-bindgen-cli, chromium,
#      node modules);
#   2. Rust: unit, integration, property and doc tests, and the figures check against
#      ../shared/data (release build: the 10 MB robustness test and the evaluations need it);
#   3. WASM: UTF-16 offsets through the real binding (wasm-bindgen-test under Node);
#   4. the page end to end in headless Chromium (scripts/e2e.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "rust tests (release)"
cargo test --release --all-targets
cargo test --release --doc

if [ -f scripts/wasm-test.sh ]; then
  step "wasm binding tests"
  bash scripts/wasm-test.sh
fi

step "browser end-to-end tests"
bash scripts/e2e.sh
