"""Helpers shared by the Python tests: where the repository and the `loupe` CLI are."""

import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def cli():
    """The `loupe` binary: $LOUPE_CLI, else target/ci/loupe (scripts/python-test.sh builds it)."""
    path = pathlib.Path(os.environ.get("LOUPE_CLI", ROOT / "target" / "ci" / "loupe"))
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; build it with `cargo build --profile ci -p loupe-cli`")
    return str(path)


def cli_jsonl(data: bytes) -> list:
    """Output lines of `loupe annotate --jsonl` for the JSONL bytes `data`."""
    out = subprocess.run([cli(), "annotate", "--jsonl"], input=data, capture_output=True, check=True)
    return out.stdout.decode("utf-8").splitlines()
