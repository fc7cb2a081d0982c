#!/usr/bin/env bash
# Runs every test of the project, the way CI does (.ci/run calls this):
#   1. installs what is missing (scripts/setup.sh: wasm32 target, wasm-bindgen-cli, chromium,
#      node modules);
#   2. Rust: unit, integration, property, doc tests and the figures check against
#      ../shared/data (release build: the 10 MB robustness test and the evaluations need it);
#      the benchmarks are compiled, not timed;
#   3. the page (scripts/e2e.sh): WASM build, wasm-bindgen tests of the UTF-16 offsets, and the
#      browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "rust tests (profile ci: release without LTO)"
cargo test --profile ci --no-fail-fast
cargo bench --no-run --quiet

step "WASM and browser end-to-end tests"
bash scripts/e2e.sh
