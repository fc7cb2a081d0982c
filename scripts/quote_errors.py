#!/usr/bin/env python3
"""List the quotation errors of `loupe annotate` on a PolNeAR-style gold file, by class, so rule
changes go after the biggest general classes (issue 9, item 5). Prints to stdout only: the
listing quotes article text, so keep it out of the repository.

  quote_errors.py GOLD.jsonl [--loupe target/ci/loupe] [--pred PRED.jsonl] [--show CLASS] [--n 30]

Matching is score.py's: insides (marks, spaces, commas, full stops stripped) overlap with
Jaccard >= 0.8, one to one; a speaker is right when its span overlaps a gold speaker span.
Classes: fp (predicted, not gold), miss (gold, not predicted), spk_none (matched, gold has a
speaker, we gave none), spk_wrong (matched, our speaker overlaps no gold speaker), each with a
sub-class from simple surface facts (length, cue, pronoun speaker, same name elsewhere …).
"""
import argparse, collections, json, subprocess, sys

MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e \n\t,."
PRON = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them"}


def inside(t, s, e):
    while s < e and t[s] in MARKS:
        s += 1
    while e > s and t[e - 1] in MARKS:
        e -= 1
    return s, e


def match(text, gq, pq):
    used, pairs = set(), []
    for gi, g in enumerate(gq):
        gs, ge = inside(text, g["start"], g["end"])
        best, bj = None, 0.8
        for i, p in enumerate(pq):
            if i in used:
                continue
            ps, pe = inside(text, p["start"], p["end"])
            inter = max(0, min(ge, pe) - max(gs, ps))
            union = max(ge, pe) - min(gs, ps)
            j = inter / union if union > 0 else float((ps, pe) == (gs, ge))
            if j >= bj:
                best, bj = i, j
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def ctx(t, s, e, w=160):
    a, b = max(0, s - w), min(len(t), e + w)
    return (t[a:s] + "[[" + t[s:e] + "]]" + t[e:b]).replace("\n", " / ")


def words(s):
    return len(s.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--loupe", default="target/ci/loupe")
    ap.add_argument("--pred")
    ap.add_argument("--show", default="")
    ap.add_argument("--n", type=int, default=25)
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8")]
    if a.pred:
        preds = [json.loads(l) for l in open(a.pred, encoding="utf-8") if l.strip()]
    else:
        inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in gold)
        out = subprocess.run([a.loupe, "annotate", "--jsonl", "-q"], input=inp, capture_output=True, text=True)
        preds = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    pred = {d["id"]: d for d in preds}
    cls = collections.Counter()
    ex = collections.defaultdict(list)
    for g in gold:
        t = g["text"]
        gq = g.get("quotes", [])
        pq = pred.get(g["id"], {}).get("quotes", [])
        pairs = match(t, gq, pq)
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        for i, p in enumerate(pq):
            if i in mp:
                continue
            body = t[p["start"]:p["end"]]
            overl = any(q["start"] < p["end"] and p["start"] < q["end"] for q in gq)
            sub = "overlap_gold" if overl else ("short<=4w" if words(body) <= 4 else ("single_mark" if body[:1] in "'\u2018" else "long"))
            sub += "+cue" if p.get("cue") else "+nocue"
            k = "fp/" + sub
            cls[k] += 1
            ex[k].append(ctx(t, p["start"], p["end"]))
        for gi, q in enumerate(gq):
            if gi in mg:
                continue
            body = t[q["start"]:q["end"]]
            overl = any(p["start"] < q["end"] and q["start"] < p["end"] for p in pq)
            sub = "overlap_pred" if overl else ("short<=4w" if words(body) <= 4 else "long")
            sub += "+spk" if q.get("speaker") else "+nospk"
            k = "miss/" + sub
            cls[k] += 1
            ex[k].append(ctx(t, q["start"], q["end"]))
        for gi, pi in pairs:
            q, p = gq[gi], pq[pi]
            if not q.get("speaker"):
                continue
            sp = p.get("speaker")
            gs = q["speaker"]
            gtxt = " | ".join(t[s["start"]:s["end"]] for s in gs)
            if not sp:
                sub = "cue" if q.get("cue") else "nocue"
                k = "spk_none/gold_" + sub
            elif any(sp["start"] < s["end"] and s["start"] < sp["end"] for s in gs):
                continue
            else:
                st = t[sp["start"]:sp["end"]]
                same = any(st.lower() in t[s["start"]:s["end"]].lower() or t[s["start"]:s["end"]].lower() in st.lower() for s in gs)
                far = min(abs(s["start"] - p["start"]) for s in gs) > 400
                if same:
                    sub = "same_text_other_mention"
                elif st.lower() in PRON:
                    sub = "pronoun"
                elif far:
                    sub = "gold_far"
                else:
                    sub = "other"
                sub += "+cue" if p.get("cue") else "+nocue"
                k = "spk_wrong/" + sub
            cls[k] += 1
            desc = f"pred={t[sp['start']:sp['end']] if sp else None!r} gold={gtxt!r}"
            e0 = min([q["start"]] + [s["start"] for s in gs] + ([sp["start"]] if sp else []))
            e1 = max([q["end"]] + [s["end"] for s in gs] + ([sp["end"]] if sp else []))
            ex[k].append(desc + "  ::  " + t[max(0, e0 - 80):min(len(t), e1 + 80)].replace("\n", " / "))
    for k, v in sorted(cls.items(), key=lambda kv: (kv[0].split("/")[0], -kv[1])):
        print(f"{v:5d}  {k}")
    if a.show:
        for k in sorted(ex):
            if k.startswith(a.show):
                print(f"\n== {k} ({len(ex[k])})")
                for e in ex[k][: a.n]:
                    print(" -", e[:900])


if __name__ == "__main__":
    main()
