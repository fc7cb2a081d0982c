"""Documents per second of the Python face, for BENCHMARKS.md (not a test: nothing asserted).

    target/py/bin/python python/benches/rate.py [N_DOCS]      # default 3000 invented documents

Times, on the same invented documents (python/tests/corpus.py): `loupe annotate --jsonl` (one
process, the reference), `annotate_many` with 1 thread and with every core, two Python threads
calling it at once (faster than one only because the GIL is released), and the Dask recipe
on a LocalCluster of 2 single-threaded worker processes (cluster start-up not counted). Best of
three runs each.
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE / "tests"))
sys.path.insert(0, str(HERE / "recipes"))
import corpus  # noqa: E402
from common import cli  # noqa: E402
from dask_jsonl import annotate_jsonl  # noqa: E402

import loupe  # noqa: E402


def best(run, repeat=3):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def two_threads(texts):
    """Two Python threads, each annotating half: only faster than one if the GIL is released."""
    from concurrent.futures import ThreadPoolExecutor

    half = len(texts) // 2
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda part: loupe.annotate_many(part, threads=1), [texts[:half], texts[half:]]))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    records = corpus.documents(n)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    print(f"{n} invented documents, {words / n:.0f} words each, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        data = "".join(json.dumps(r) + "\n" for r in records).encode()
        (tmp / "in.jsonl").write_bytes(data)
        rows.append(("loupe annotate --jsonl (CLI, 1 process)", best(lambda: subprocess.run(
            [cli(), "annotate", "--jsonl"], input=data, capture_output=True, check=True))))
        rows.append(("annotate_many, threads=1", best(lambda: loupe.annotate_many(texts, threads=1))))
        rows.append((f"annotate_many, threads={os.cpu_count()} (default)", best(lambda: loupe.annotate_many(texts))))
        rows.append(("[loupe.annotate(t) for t in texts]", best(lambda: [loupe.annotate(t) for t in texts])))
        rows.append(("2 Python threads × annotate_many(half, threads=1) (GIL released)", best(lambda: two_threads(texts))))

        from dask.distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
        with cluster, Client(cluster):
            paths = []
            for k in range(4):
                path = tmp / f"in-{k}.jsonl"
                path.write_text("".join(json.dumps(r) + "\n" for r in records[k::4]))
                paths.append(str(path))
            out = iter(range(100))
            rows.append(("dask recipe, LocalCluster 2 processes × 1 thread", best(
                lambda: annotate_jsonl(paths, str(tmp / f"out{next(out)}"), blocksize="256KiB", threads=1))))
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} s | {n / seconds:,.0f} |")


if __name__ == "__main__":
    main()
