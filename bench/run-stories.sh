#!/bin/sh
# Story grouping quality (B-cubed F1) and time on the Multi-News dev clusters,
# all articles mixed into one corpus.  Figures: bench/stories.md / BENCH.md.
set -e
cd "$(dirname "$0")/.."
data=../shared/data/multinews-dev
[ -d "$data" ] || { echo "bench/stories: $data is absent; skipped"; exit 0; }
make -s build/bench/stories
build/bench/stories "$data" 0.08 0.10 0.12 0.15 0.20
