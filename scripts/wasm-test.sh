#!/usr/bin/env bash
# Runs the WASM-level tests (tests/wasm_offsets.rs, tests/wasm_progress.rs, tests/wasm_edits.rs) under Node with wasm-bindgen-test-runner,
# which `cargo install wasm-bindgen-cli` provides (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown -p loupe --no-default-features --test wasm_offsets --test wasm_progress --test wasm_edits "$@"
