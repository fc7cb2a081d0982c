#!/usr/bin/env bash
# One command from a fresh clone to a running page: installs what is missing, builds the WASM
# bundle, and serves www/ on http://127.0.0.1:8080 (or the next free port), printing the URL.
# Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-wasm.sh
exec node scripts/serve.mjs --port "${PORT:-8080}"
