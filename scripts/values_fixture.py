#!/usr/bin/env python3
"""Build and check the value-expression test set (issue 11).

Why: the gold spans of tests/fixtures/values.jsonl are code-point offsets, which nobody can
edit by hand. The set is written in tests/fixtures/values.src with the spans marked inline, and
this script computes the offsets, so a sentence can be reworded without recounting anything.

Source format (UTF-8):
  %% ...                  a comment line (ignored)
  @ [YYYY-MM-DD]          starts a record; the optional date is the article's reference date
  text lines              the record's text, up to the next "@" line; newlines inside are kept
                          (hard-wrapped paste), leading/trailing blank lines are dropped
  [[LABEL span text]]     a gold value: LABEL is one of the seven OntoNotes value types
  {{span text}}           a number inside a name ("Route 66"): not a value; kept in the
                          JSONL as "traps" so a scorer can count predictions that hit a name

Usage:
  python3 scripts/values_fixture.py            # write tests/fixtures/values.jsonl
  python3 scripts/values_fixture.py --check    # validate the JSONL (and that it is up to date)

  Another set (the held-out one) with its own files, id prefix and minimum counts:
  python3 scripts/values_fixture.py --src tests/fixtures/values-holdout.src \
      --out tests/fixtures/values-holdout.jsonl --id-prefix h \
      --min-per-type 15 --min-total 200 --min-traps 10 [--check]
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tests" / "fixtures" / "values.src"
OUT = ROOT / "tests" / "fixtures" / "values.jsonl"

LABELS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
MARK = re.compile(r"\[\[([A-Z]+) ([^\[\]]+?)\]\]|\{\{([^{}]+?)\}\}")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class SourceError(Exception):
    """A malformed line in values.src, with its line number."""


def parse_record(raw, lineno):
    """Turns marked-up text into (plain text, values, traps) with code-point offsets."""
    text, values, traps, pos = [], [], [], 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos : m.start()]
        if "[[" in before or "]]" in before or "{{" in before or "}}" in before:
            raise SourceError(f"line {lineno}: unbalanced or nested marker near {before[-30:]!r}")
        text.append(before)
        length += len(before)
        if m.group(1) is not None:
            label, span = m.group(1), m.group(2)
            if label not in LABELS:
                raise SourceError(f"line {lineno}: unknown label {label}")
            values.append({"start": length, "end": length + len(span), "label": label, "text": span})
        else:
            span = m.group(3)
            traps.append({"start": length, "end": length + len(span), "text": span})
        text.append(span)
        length += len(span)
        pos = m.end()
    rest = raw[pos:]
    if "[[" in rest or "]]" in rest or "{{" in rest or "}}" in rest:
        raise SourceError(f"line {lineno}: unbalanced marker near {rest[:30]!r}")
    text.append(rest)
    return "".join(text), values, traps


ID_PREFIX = "v"
MIN_PER_TYPE, MIN_TOTAL, MIN_TRAPS = 25, 320, 15


def build():
    """Reads values.src and returns the list of records."""
    records, current = [], None

    def flush():
        if current is None:
            return
        lines = current["lines"]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            raise SourceError(f"line {current['lineno']}: empty record")
        text, values, traps = parse_record("\n".join(lines), current["lineno"])
        rec = {"id": f"{ID_PREFIX}{len(records) + 1:03d}", "text": text}
        if current["date"]:
            rec["date"] = current["date"]
        rec["values"] = values
        if traps:
            rec["traps"] = traps
        records.append(rec)

    for lineno, line in enumerate(SRC.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("%%"):
            continue
        if line.startswith("@"):
            flush()
            date = line[1:].strip()
            if date and not DATE_RE.match(date):
                raise SourceError(f"line {lineno}: bad date {date!r}")
            current = {"lineno": lineno, "date": date, "lines": []}
        elif current is None:
            if line.strip():
                raise SourceError(f"line {lineno}: text before the first '@'")
        else:
            current["lines"].append(line)
    flush()
    return records


def dump(records):
    """The JSONL text: one record a line, non-ASCII kept as is."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def check():
    """Validates values.jsonl; returns a list of problems (empty when all is well)."""
    problems = []
    counts, traps, ids = Counter(), 0, set()
    no_value = 0
    lines = OUT.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: not JSON ({e})")
            continue
        rid, text = rec.get("id"), rec.get("text")
        if not isinstance(rid, str) or not isinstance(text, str) or not text:
            problems.append(f"line {n}: missing id or text")
            continue
        if rid in ids:
            problems.append(f"{rid}: duplicate id")
        ids.add(rid)
        if "date" in rec and not DATE_RE.match(str(rec["date"])):
            problems.append(f"{rid}: bad date {rec['date']!r}")
        spans = []
        for v in rec.get("values", []):
            s, e, label = v.get("start"), v.get("end"), v.get("label")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                problems.append(f"{rid}: bad offsets {v}")
                continue
            if label not in LABELS:
                problems.append(f"{rid}: bad label {label}")
            if text[s:e] != v.get("text"):
                problems.append(f"{rid}: text[{s}:{e}]={text[s:e]!r} != {v.get('text')!r}")
            if text[s:e] != text[s:e].strip():
                problems.append(f"{rid}: span {v.get('text')!r} has outer whitespace")
            counts[label] += 1
            spans.append((s, e, "value"))
        if not rec.get("values"):
            no_value += 1
        for t in rec.get("traps", []):
            s, e = t.get("start"), t.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)) or text[s:e] != t.get(
                "text"
            ):
                problems.append(f"{rid}: bad trap {t}")
                continue
            traps += 1
            spans.append((s, e, "trap"))
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                problems.append(f"{rid}: overlapping spans {text[a[0]:a[1]]!r} / {text[b[0]:b[1]]!r}")
    try:
        if dump(build()) != "\n".join(lines) + "\n":
            problems.append(f"{OUT.name} is stale: run scripts/values_fixture.py to rebuild it from {SRC.name}")
    except SourceError as e:
        problems.append(f"{SRC.name}: {e}")
    total = sum(counts.values())
    print(f"{len(lines)} records ({no_value} without values), {total} values, {traps} name traps")
    for label in LABELS:
        print(f"  {label:<9} {counts[label]:>4}")
    for label in LABELS:
        if counts[label] < MIN_PER_TYPE:
            problems.append(f"only {counts[label]} {label} expressions (want >= {MIN_PER_TYPE})")
    if total < MIN_TOTAL:
        problems.append(f"only {total} values (want >= {MIN_TOTAL})")
    if traps < MIN_TRAPS:
        problems.append(f"only {traps} name traps (want >= {MIN_TRAPS})")
    return problems


def main():
    global SRC, OUT, ID_PREFIX, MIN_PER_TYPE, MIN_TOTAL, MIN_TRAPS
    ap = argparse.ArgumentParser(description="Build or check a value-expression test set.")
    ap.add_argument("--check", action="store_true", help="validate the JSONL instead of writing it")
    ap.add_argument("--src", type=Path, default=SRC, help="marked-up source (default: values.src)")
    ap.add_argument("--out", type=Path, default=OUT, help="JSONL file (default: values.jsonl)")
    ap.add_argument("--id-prefix", default=ID_PREFIX, help="record id prefix (default: v)")
    ap.add_argument("--min-per-type", type=int, default=MIN_PER_TYPE)
    ap.add_argument("--min-total", type=int, default=MIN_TOTAL)
    ap.add_argument("--min-traps", type=int, default=MIN_TRAPS)
    args = ap.parse_args()
    SRC, OUT, ID_PREFIX = args.src.resolve(), args.out.resolve(), args.id_prefix
    MIN_PER_TYPE, MIN_TOTAL, MIN_TRAPS = args.min_per_type, args.min_total, args.min_traps
    if args.check:
        problems = check()
        for p in problems:
            print("ERROR:", p)
        sys.exit(1 if problems else 0)
    try:
        records = build()
    except SourceError as e:
        sys.exit(f"{SRC.name}: {e}")
    OUT.write_text(dump(records), encoding="utf-8")
    try:
        shown = OUT.relative_to(ROOT)
    except ValueError:
        shown = OUT
    print(f"wrote {shown}: {len(records)} records")


if __name__ == "__main__":
    main()
