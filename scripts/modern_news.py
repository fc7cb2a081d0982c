#!/usr/bin/env python3
"""The modern-news entity dev set (eval/modern-news): agreement, validation and scoring.

Why: Loupe is trained on 1996 Reuters (CoNLL-2003) but meant for today's news. This set puts
CoNLL-2003 labels on 40 PolNeAR dev articles (2016 US political news) so we can see how far the
model carries over. The repository holds only ids, sha256 and code-point offsets; the article
text is read at run time from ../shared/data/polnear/dev.jsonl and never copied in.

Subcommands:
    agree [A B]            exact span+label F1 of pass A vs pass B, per label, and untyped span F1
                           (defaults: eval/modern-news/pass-a.jsonl and pass-b.jsonl)
    check [FILE ...]       validate gold/pass files: 40 ids, sha256 of each text matches ../shared,
                           spans sorted, non-overlapping, trimmed, labels PER/ORG/LOC/MISC
    score PRED.jsonl       P/R/F1 overall, per label and untyped spans of predictions in the
                           reference scorer's format {"id","entities":[{start,end,label}]}
                           (any other keys, e.g. Loupe's full --jsonl documents, are ignored)
    gold-jsonl             print the gold in ../shared/tools/score.py's format, with the text
                           taken from ../shared (write it to /tmp, never into the repo)
    texts                  print {"id","text"} lines for the 40 articles (input for
                           `loupe annotate --jsonl`; again: /tmp only)

The set files hold one JSON object a line: {"id","sha256","entities":[[start,end,"LABEL"],...]}.
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET_DIR = ROOT / "eval" / "modern-news"
GOLD = SET_DIR / "gold.jsonl"
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
LABELS = ("PER", "ORG", "LOC", "MISC")
N_ARTICLES = 40


def load_texts(dev=DEV):
    """The first N_ARTICLES dev articles, in file order: {id: text}."""
    texts = {}
    with open(dev, encoding="utf-8") as f:
        for line in f:
            if len(texts) == N_ARTICLES:
                break
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    return texts


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entity_tuple(e):
    """(start, end, label) from either the compact list form or the scorer's object form."""
    if isinstance(e, dict):
        return (e["start"], e["end"], e["label"])
    start, end, label = e
    return (start, end, label)


def load_set(path):
    """Ordered list of (id, sha256 or None, [(start, end, label)]) from a JSONL file."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                rows.append((d["id"], d.get("sha256"), [entity_tuple(e) for e in d.get("entities", [])]))
            except (ValueError, KeyError, TypeError) as err:
                sys.exit(f"{path}:{n}: not a set line ({err})")
    return rows


def as_map(rows):
    return {doc_id: set(ents) for doc_id, _, ents in rows}


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def compare(gold, pred):
    """Counts (tp, predicted, gold) per label, for all labels together and for untyped spans.

    Only documents in `gold` count; labels outside LABELS are ignored, as in score.py."""
    counts = {k: [0, 0, 0] for k in LABELS + ("all", "spans")}
    for doc_id, g in gold.items():
        g = {e for e in g if e[2] in LABELS}
        p = {e for e in pred.get(doc_id, set()) if e[2] in LABELS}
        for label in LABELS:
            gl = {e for e in g if e[2] == label}
            pl = {e for e in p if e[2] == label}
            counts[label][0] += len(gl & pl)
            counts[label][1] += len(pl)
            counts[label][2] += len(gl)
        counts["all"][0] += len(g & p)
        counts["all"][1] += len(p)
        counts["all"][2] += len(g)
        gs = {e[:2] for e in g}
        ps = {e[:2] for e in p}
        counts["spans"][0] += len(gs & ps)
        counts["spans"][1] += len(ps)
        counts["spans"][2] += len(gs)
    return counts


def print_table(counts, gold_name, pred_name):
    print(f"{'':8} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {pred_name:>8} {gold_name:>8}")
    for key in ("all",) + LABELS + ("spans",):
        tp, npred, ngold = counts[key]
        p, r, f = prf(tp, npred, ngold)
        name = {"all": "overall", "spans": "untyped"}.get(key, key)
        print(f"{name:8} {100 * p:7.2f} {100 * r:7.2f} {100 * f:7.2f} {tp:6} {npred:8} {ngold:8}")


def cmd_agree(args):
    a = as_map(load_set(args.a))
    b = as_map(load_set(args.b))
    if set(a) != set(b):
        sys.exit("the two passes cover different ids")
    # F1 is symmetric: treating A as the reference and B as the prediction only names the columns.
    print(f"agreement of {Path(args.a).name} (A) and {Path(args.b).name} (B), exact match")
    print_table(compare(a, b), "A", "B")


def check_file(path, texts):
    """Problems found in one set file, as strings (empty when the file is valid)."""
    problems = []
    rows = load_set(path)
    ids = [r[0] for r in rows]
    if ids != list(texts):
        problems.append(f"ids are not the first {N_ARTICLES} dev ids in file order ({len(ids)} lines)")
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    for doc_id, digest, ents in rows:
        text = texts.get(doc_id)
        if text is None:
            problems.append(f"{doc_id}: not among the first {N_ARTICLES} dev articles")
            continue
        if digest != sha256(text):
            problems.append(f"{doc_id}: sha256 does not match the text in ../shared")
        if ents != sorted(ents):
            problems.append(f"{doc_id}: spans not sorted")
        prev_end = -1
        for start, end, label in sorted(ents):
            where = f"{doc_id} [{start},{end})"
            if label not in LABELS:
                problems.append(f"{where}: label {label!r} not one of {', '.join(LABELS)}")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                problems.append(f"{where}: offsets out of range or empty")
                continue
            if start < prev_end:
                problems.append(f"{where}: overlaps the previous span")
            prev_end = max(prev_end, end)
            if text[start].isspace() or text[end - 1].isspace():
                problems.append(f"{where}: not trimmed")
    return problems


def cmd_check(args):
    texts = load_texts()
    files = args.files or [GOLD, SET_DIR / "pass-a.jsonl", SET_DIR / "pass-b.jsonl"]
    bad = 0
    for path in files:
        problems = check_file(path, texts)
        n = sum(len(r[2]) for r in load_set(path))
        print(f"{path}: {'ok' if not problems else f'{len(problems)} problem(s)'} ({n} entities)")
        for p in problems:
            print("  " + p)
        bad += len(problems)
    sys.exit(1 if bad else 0)


def cmd_score(args):
    gold = as_map(load_set(args.gold))
    pred = as_map(load_set(args.pred))
    missing = [k for k in gold if k not in pred]
    if missing:
        print(f"warning: {len(missing)} gold document(s) have no prediction line", file=sys.stderr)
    print(f"{args.pred} against {args.gold} ({len(gold)} documents, exact span and label)")
    print_table(compare(gold, pred), "gold", "pred")


def cmd_gold_jsonl(args):
    texts = load_texts()
    for doc_id, digest, ents in load_set(args.gold):
        text = texts[doc_id]
        if digest != sha256(text):
            sys.exit(f"{doc_id}: sha256 does not match the text in ../shared")
        out = {"id": doc_id, "text": text, "entities": [{"start": s, "end": e, "label": l} for s, e, l in ents]}
        print(json.dumps(out, ensure_ascii=False))


def cmd_texts(args):
    for doc_id, text in load_texts().items():
        print(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("agree", help="inter-annotator agreement of two passes")
    p.add_argument("a", nargs="?", default=SET_DIR / "pass-a.jsonl")
    p.add_argument("b", nargs="?", default=SET_DIR / "pass-b.jsonl")
    p.set_defaults(func=cmd_agree)
    p = sub.add_parser("check", help="validate set files against ../shared")
    p.add_argument("files", nargs="*")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("score", help="score predictions against the gold")
    p.add_argument("pred")
    p.add_argument("--gold", default=GOLD)
    p.set_defaults(func=cmd_score)
    p = sub.add_parser("gold-jsonl", help="gold in score.py's format, text from ../shared")
    p.add_argument("--gold", default=GOLD)
    p.set_defaults(func=cmd_gold_jsonl)
    p = sub.add_parser("texts", help="{id,text} lines of the 40 articles, for loupe annotate --jsonl")
    p.set_defaults(func=cmd_texts)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
