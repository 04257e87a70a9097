#!/bin/sh
# Sentence splitter quality (bench/sentences.md): the Golden Rules and UD
# English-GUM dev, storyline side by side with NLTK punkt (trained here, see
# bench/punkt_baseline.py) and a regex baseline.  Skips when ../shared/data
# is absent; skips punkt when no python3 with nltk is found.
set -u
B=${B:-build}
DATA=${DATA:-../shared/data}
if [ ! -d "$DATA/sentences" ] && [ ! -d "$DATA/gum" ]; then
    echo "sentences: $DATA/sentences and $DATA/gum absent, skipped"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
py=""
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import nltk' 2>/dev/null; then py=$p; break; fi
done
set --
if [ -n "$py" ] && [ -f "$DATA/gum/en_gum-ud-dev.conllu" ]; then
    "$B/bench/sentences" --data "$DATA" --export-gum "$tmp/gum.json" &&
        "$py" bench/punkt_baseline.py "$DATA" "$tmp/gum.json" "$tmp/punkt.json" &&
        set -- --baseline "$tmp/punkt.json"
else
    echo "sentences: no python3 with nltk (apt-get install python3-nltk): punkt baseline skipped"
fi
exec "$B/bench/sentences" --data "$DATA" "$@"
