#!/usr/bin/env bash
# Tests the `loupe` JS package as a developer uses it: builds it (scripts/build-js.sh), links it
# as tests/js/node_modules/loupe, imports it from Node by name and from a page in headless
# Chromium (node --test tests/js/; the browser test reuses tests/e2e/browser.mjs), and
# type-checks tests/js/example.ts against the generated declarations (tsc from package.json's
# devDependencies; scripts/setup.sh --tests installs the node modules).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-js.sh
mkdir -p tests/js/node_modules
ln -sfn ../../../target/js tests/js/node_modules/loupe
node --test tests/js/
node_modules/.bin/tsc -p tests/js/tsconfig.json
echo "js-test: tests/js/example.ts type-checks against target/js/index.d.ts" >&2
