#!/bin/sh
# Debris removal on real scraped articles: lines removed per rule with a
# sample of each (for reading precision), blocks by kind, and the time
# cleaning adds over the repair-only baseline.  Reads
# ../shared/data/multinews-dev; skips when absent.
#   sh bench/run-clean.sh [extra args for build/bench/clean, e.g. --rule byline --all]
set -eu
B=${B:-build}
data=${MULTINEWS_DATA:-../shared/data/multinews-dev}
if [ ! -d "$data" ]; then
    echo "clean: $data not found; skipped"
    exit 0
fi
[ -x "$B/bench/clean" ] || make -s "$B/bench/clean"
echo "== clean: $data"
"$B/bench/clean" "$data" --runs 5 "$@"
