"""Annotate JSON-lines files with Dask: the Python counterpart of `loupe annotate --jsonl`.

Each input line is {"id": ..., "text": ...}; each output line is {"id": ..., <document>}, the
line `loupe annotate --jsonl` writes for it. `dask.bag.read_text` splits the files into
partitions, every partition is annotated in one `loupe.annotate_many` call (the GIL is released,
so a worker's threads all annotate), and `to_textfiles` writes one JSONL file per partition,
numbered in input order.

    python python/recipes/dask_jsonl.py in/*.jsonl --out out/            # a LocalCluster
    python python/recipes/dask_jsonl.py in/*.jsonl --out out/ --scheduler tcp://host:8786

From Python: `annotate_jsonl(paths, out_dir)` returns the written paths; it runs on the current
Dask client (or the scheduler dask is configured with).
"""

import argparse
import json
import os

import dask.bag as db


def annotate_records(records, threads=None):
    """Output lines (JSON text) for a list of {"id", "text"} records, in order."""
    import loupe  # imported on the worker

    records = list(records)  # a partition may come as an iterator
    docs = loupe.annotate_many([r["text"] for r in records], threads=threads)
    return [json.dumps({"id": r.get("id"), **doc}, ensure_ascii=False) for r, doc in zip(records, docs)]


def annotate_jsonl(paths, out_dir, blocksize="16MiB", threads=1):
    """Annotates the JSONL files `paths` (a list or glob) into `out_dir`/NNNNNN.jsonl.

    `threads` annotation threads per task: 1 suits one single-threaded worker process per core
    (what the LocalCluster below starts); give more to workers that run fewer tasks than cores.
    """
    bag = (
        db.read_text(paths, blocksize=blocksize, encoding="utf-8")
        .filter(lambda line: line.strip() != "")
        .map(json.loads)
        .map_partitions(annotate_records, threads=threads)
    )
    os.makedirs(out_dir, exist_ok=True)
    return bag.to_textfiles(
        os.path.join(out_dir, "*.jsonl"), name_function=lambda i: f"{i:06d}", encoding="utf-8", last_endline=True
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="JSONL files or globs")
    ap.add_argument("--out", required=True, help="output directory (NNNNNN.jsonl, in input order)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    ap.add_argument("--workers", type=int, default=None, help="LocalCluster worker processes")
    ap.add_argument("--threads", type=int, default=1, help="annotation threads per task (default: 1)")
    args = ap.parse_args()

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True))
    with client:
        for path in annotate_jsonl(args.inputs, args.out, threads=args.threads):
            print(path)


if __name__ == "__main__":
    main()
