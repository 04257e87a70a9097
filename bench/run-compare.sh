#!/bin/sh
# Comparison of sources (bench/compare.md): quality on the labelled clusters
# (tests/data/compare, then its held-out set), the seeds and the bundled
# example for review, every Multi-News dev cluster compared as one story,
# then the speed of entities + comparison against the all-pairs baselines.
#
#   sh bench/run-compare.sh [BUILD_DIR]
set -eu
B=${1:-build}
make -s "$B/bench/compare" >/dev/null
echo "== quality: tests/data/compare (the clusters the method was written with)"
"$B/bench/compare" quality tests/data/compare -v
echo
echo "== quality: tests/data/compare/heldout (written after the thresholds were set)"
"$B/bench/compare" quality tests/data/compare/heldout -v
echo
if [ -d ../shared/seeds ]; then
    echo "== the seeds (../shared/seeds) as one story"
    "$B/bench/compare" items ../shared/seeds
    echo
fi
echo "== the bundled example (examples/)"
"$B/bench/compare" items examples
echo
DATA=../shared/data/multinews-dev
if [ ! -d "$DATA" ]; then
    echo "run-compare: $DATA is absent; skipping the Multi-News review and the speed benchmark"
    exit 0
fi
echo "== Multi-News dev: each cluster as one story (summary line; items in \$TMP)"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
"$B/bench/compare" clusters "$DATA" > "$TMP/clusters.txt"
tail -1 "$TMP/clusters.txt"
echo
echo "== speed: stories of 10, 100, 300 and 1,000 articles from $DATA"
"$B/bench/compare" speed "$DATA" 10 100 300 1000
