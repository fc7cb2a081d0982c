#!/usr/bin/env bash
# Tests the Python package (python/): a venv in target/py with pinned maturin, dask, distributed
# and pytest; `pip install .` of the repository (profile ci, like the other tests: release speed
# without fat LTO); the `loupe` CLI the tests compare against; then pytest over python/tests
# (the API, the type stubs, and the Dask recipe on a 2-process LocalCluster vs the CLI).
# Needs Rust, Python >= 3.10 with venv and pip, and the package registry; a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'python-test: %s\n' "$*" >&2; }
venv=target/py
if [ ! -x "$venv/bin/python" ]; then
  say "creating $venv"
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  maturin==1.16.0 dask==2026.8.0 distributed==2026.8.0 pytest==9.2.0

say "building and installing the package (pip install ., profile ci)"
MATURIN_PEP517_ARGS="--profile ci" "$venv/bin/pip" install --quiet --disable-pip-version-check \
  --force-reinstall --no-deps .
cargo build --quiet --profile ci -p loupe-cli

# From the root, so `import loupe` is the installed package, not python/loupe without its
# native module.
LOUPE_CLI=target/ci/loupe "$venv/bin/pytest" -q -p no:cacheprovider python/tests "$@"
