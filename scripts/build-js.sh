#!/usr/bin/env bash
# Builds the `loupe` JS package into target/js/: the core library for wasm32 (as for the page),
# bound by wasm-bindgen for ES modules *with* TypeScript declarations (the document types come
# from src/view.rs through tsify), plus the two entry points in js/ (index.js for browsers and
# bundlers, node.js for Node) and a package.json whose "exports" picks between them. The page's
# own bundle (scripts/build-wasm.sh → www/pkg/) is built separately and is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/js
cargo build --release --target wasm32-unknown-unknown -p loupe --lib --no-default-features
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/release/loupe.wasm
# No wasm-opt: Debian's binaryen 108 turns this module into one whose externref table Node 20
# rejects at instantiation ("WebAssembly.Table.set(): Argument 1 is invalid"), for 1.6% fewer
# bytes; the package ships wasm-bindgen's output as it is.
cp js/index.js js/node.js js/index.d.ts js/README.md "$out/"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
cat > "$out/package.json" <<JSON
{
  "name": "loupe",
  "version": "$version",
  "description": "News-article annotator: entities, quotations and who said them (WebAssembly).",
  "license": "MIT",
  "type": "module",
  "exports": {
    ".": {
      "types": "./index.d.ts",
      "node": "./node.js",
      "default": "./index.js"
    }
  },
  "types": "./index.d.ts",
  "files": ["index.js", "node.js", "index.d.ts", "loupe.js", "loupe.d.ts", "loupe_bg.wasm", "loupe_bg.wasm.d.ts", "README.md"],
  "sideEffects": ["./index.js", "./node.js"]
}
JSON
echo "build-js: $(wc -c < "$out/loupe_bg.wasm") bytes in $out/loupe_bg.wasm" >&2
