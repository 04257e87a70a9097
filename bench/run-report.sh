#!/bin/sh
# Speed of the digest writers (bench/report.md): every format rendered from
# one digest of all Multi-News dev articles, with entities, at 1x and 4x the
# articles; median of 5 runs, ratio to the JSON writer of the same run.
#
#   sh bench/run-report.sh [BUILD_DIR]
set -eu
B=${1:-build}
DATA=../shared/data/multinews-dev
if [ ! -d "$DATA" ]; then
    echo "run-report: $DATA is absent; skipping the report benchmark"
    exit 0
fi
make -s "$B/bench/report" >/dev/null
for k in 1 4; do
    "$B/bench/report" --data ../shared/data --copies "$k" --runs 5
    echo
done
