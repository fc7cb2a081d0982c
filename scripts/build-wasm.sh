#!/usr/bin/env bash
# Builds the browser bundle: the core `loupe` library for wasm32 (no features: the CLI and the
# trainers are other crates of the workspace), bound for ES modules with wasm-bindgen into www/pkg/ (generated, never committed). wasm-opt shrinks it
# further when it happens to be installed; the build does not depend on it.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown -p loupe --lib --no-default-features
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/loupe.wasm

if command -v wasm-opt >/dev/null 2>&1; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals -o www/pkg/loupe_bg.wasm.opt www/pkg/loupe_bg.wasm \
    && mv www/pkg/loupe_bg.wasm.opt www/pkg/loupe_bg.wasm \
    || echo "build-wasm: wasm-opt failed; keeping the unoptimised module" >&2
fi
echo "build-wasm: $(wc -c < www/pkg/loupe_bg.wasm) bytes in www/pkg/loupe_bg.wasm" >&2
