"""The Dask recipe (recipes/dask_jsonl.py) on a LocalCluster of 2 worker processes gives, line
for line, what `loupe annotate --jsonl` gives for the same invented documents."""

import json
import os
import pathlib
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
sys.path.insert(0, str(pathlib.Path(__file__).parents[1] / "recipes"))
import corpus  # noqa: E402
from common import cli_jsonl  # noqa: E402
from dask_jsonl import annotate_jsonl  # noqa: E402

N_DOCS = int(os.environ.get("LOUPE_DASK_DOCS", "3000"))
N_FILES = 4


def test_dask_recipe_equals_the_cli():
    from dask.distributed import Client, LocalCluster

    records = corpus.documents(N_DOCS)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        paths = []
        for k in range(N_FILES):
            path = tmp / f"in-{k}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in records[k::N_FILES]), encoding="utf-8")
            paths.append(str(path))
        expected = cli_jsonl(b"".join(pathlib.Path(p).read_bytes() for p in paths))
        assert len(expected) == N_DOCS

        cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
        with cluster, Client(cluster):
            started = time.perf_counter()
            # Small blocks: many partitions, some cutting a file in the middle.
            written = annotate_jsonl(paths, str(tmp / "out"), blocksize="64KiB", threads=1)
            seconds = time.perf_counter() - started
        print(f"\ndask LocalCluster(2 processes): {N_DOCS} docs in {len(written)} partitions, "
              f"{seconds:.2f} s, {N_DOCS / seconds:,.0f} docs/s")

        got = [line for p in sorted(written) for line in pathlib.Path(p).read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(expected)
    for n, (g, e) in enumerate(zip(got, expected)):
        assert json.loads(g) == json.loads(e), f"line {n + 1} differs"


if __name__ == "__main__":
    test_dask_recipe_equals_the_cli()
    print("1 passed, 0 failed")
