#!/usr/bin/env bash
# Builds the browser bundle: the core `loupe` library for wasm32 (no features: the CLI and the
# trainers are other crates of the workspace), bound for ES modules with wasm-bindgen into
# www/pkg/ (generated, never committed), shrunk by wasm-opt (Debian's binaryen, installed by
# scripts/setup.sh; required: an unoptimised module is bigger and slower to compile), and
# finally stamped into the service worker's precache list (scripts/precache.mjs writes
# www/pkg/precache.js: every file of the page with a hash of its bytes, and a version).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wasm-opt >/dev/null 2>&1; then
  echo "build-wasm: wasm-opt is missing; run scripts/setup.sh (it installs Debian's binaryen)" >&2
  exit 1
fi
cargo build --release --target wasm32-unknown-unknown -p loupe --lib --no-default-features
# wasm-opt runs on rustc's output, before wasm-bindgen: Debian's binaryen (108) cannot parse the
# externref table wasm-bindgen adds (`table.fill`), and this order keeps the custom section
# wasm-bindgen reads.
opt=target/wasm-opt
mkdir -p "$opt"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$opt/loupe.wasm" target/wasm32-unknown-unknown/release/loupe.wasm
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg "$opt/loupe.wasm"
node scripts/precache.mjs
echo "build-wasm: $(wc -c < www/pkg/loupe_bg.wasm) bytes in www/pkg/loupe_bg.wasm" >&2
