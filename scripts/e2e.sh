#!/usr/bin/env bash
# The page's whole test run: install what is missing, build the WASM bundle, run the WASM-level
# tests, start a server on a free port, run the browser tests against it, stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
scripts/build-wasm.sh
scripts/wasm-test.sh

log=$(mktemp)
node scripts/serve.mjs --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 50); do
  url=$(head -n1 "$log" 2>/dev/null || true)
  case "$url" in http*) break ;; esac
  sleep 0.1
done
case "${url:-}" in http*) ;; *) echo "e2e: the server did not start:" >&2; cat "$log" >&2; exit 1 ;; esac
echo "e2e: testing $url" >&2
LOUPE_URL="$url" node --test --test-concurrency=1 tests/e2e/
