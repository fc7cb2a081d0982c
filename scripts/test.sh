#!/usr/bin/env bash
# Runs every test of the project, the way CI does (.ci/run calls this):
#   1. installs what is missing (scripts/setup.sh --tests: wasm32 target, wasm-bindgen-cli, chromium,
#      node modules);
#   2. lint: `cargo fmt --check` (rustfmt.toml) and clippy with warnings as errors, on every
#      crate of the workspace and on the wasm32 library build;
#   3. Rust: unit, integration, property and doc tests of the whole workspace (core, cli/,
#      train/) and the figures check against ../shared/data, which fails rather than skips when
#      CI is set (profile ci: release speed for the 10 MB robustness test and the evaluations);
#      the benchmarks are compiled, not timed;
#   4. the page (scripts/e2e.sh): WASM build, wasm-bindgen tests of the UTF-16 offsets, and the
#      browser tests in headless Chromium;
#   5. the Python package (scripts/python-test.sh: venv, pip install ., pytest incl. the Dask
#      recipe on a LocalCluster) and the JS module (scripts/js-test.sh: Node, a browser page, tsc).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "setup"
bash scripts/setup.sh --tests

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --profile ci -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p loupe --lib --profile ci -- -D warnings

step "rust tests (profile ci: release without LTO)"
cargo test --workspace --profile ci --no-fail-fast
cargo bench --workspace --no-run --quiet

step "WASM and browser end-to-end tests"
bash scripts/e2e.sh

step "Python package (Dask on a LocalCluster) and JS module (Node, browser, tsc)"
bash scripts/python-test.sh
bash scripts/js-test.sh
