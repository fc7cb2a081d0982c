#!/usr/bin/env bash
# Installs what the browser build needs on a fresh Debian machine, and nothing that is already
# there, so it is cheap to run before every build (serve.sh does):
#   - the wasm32 target for the Rust toolchain
#   - wasm-bindgen-cli at exactly the version Cargo.toml pins (the CLI and the crate must match)
#   - wasm-opt from Debian's binaryen (build-wasm.sh always runs it)
# With --tests (test.sh and e2e.sh), also what only the tests need:
#   - rustfmt + clippy (scripts/test.sh lints)
#   - Debian's chromium for the end-to-end tests (Playwright's own browser download is not used)
#   - node_modules from package-lock.json (playwright-core; csv-parse, which the export tests read CSV with; typescript)
set -euo pipefail
cd "$(dirname "$0")/.."

tests=false
case "${1:-}" in
  --tests) tests=true ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--tests]" >&2; exit 2 ;;
esac

say() { printf 'setup: %s\n' "$*" >&2; }
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# The version pinned in Cargo.toml, e.g. wasm-bindgen = "=0.2.130".
want=$(sed -n 's/^wasm-bindgen *= *"=\{0,1\}\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
if [ -z "$want" ]; then
  say "cannot find the wasm-bindgen version in Cargo.toml; pin it as wasm-bindgen = \"=X.Y.Z\""
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}')"
  # --locked reproduces upstream's tested dependency set; if the registry no longer offers one
  # of those exact versions (yanked, or a mirror behind), resolve afresh within semver.
  if ! cargo install wasm-bindgen-cli --version "=$want" --locked; then
    say "the locked dependency set is unavailable; retrying without --locked"
    cargo install wasm-bindgen-cli --version "=$want"
  fi
fi

if ! command -v wasm-opt >/dev/null 2>&1; then
  say "installing Debian's binaryen (wasm-opt)"
  apt_install binaryen
fi

$tests || exit 0

for c in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$c"; then
    say "adding the $c component"
    rustup component add "$c"
  fi
done

if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium"
  apt_install chromium
fi

if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node modules (npm ci)"
  npm ci --no-audit --no-fund
fi
