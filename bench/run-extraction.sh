#!/bin/sh
# Article-body extraction quality (4-gram shingle P/R/F1 as in
# scrapinghub/article-extraction-benchmark) and speed, against the
# "all page text" baseline.  Reads ../shared/data/extraction; skips when absent.
#   sh bench/run-extraction.sh [extra args for build/bench/extraction]
set -eu
B=${B:-build}
data=${EXTRACTION_DATA:-../shared/data/extraction}
if [ ! -f "$data/ground-truth.json" ] || [ ! -d "$data/html" ]; then
    echo "extraction: $data not found; skipped"
    exit 0
fi
[ -x "$B/bench/extraction" ] || make -s "$B/bench/extraction"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for f in "$data"/html/*.html.gz; do
    zcat "$f" > "$tmp/$(basename "$f" .gz)"
done
echo "== extraction: $data"
"$B/bench/extraction" "$tmp" "$data/ground-truth.json" --runs 5 "$@"
