#!/bin/sh
# Speed of the per-document text pipeline (bench/throughput.md): MB/s on one
# core over the Multi-News dev documents, median of several runs, with a
# memcpy + UTF-8 validation and a wc -w-like baseline in the same run, and
# peak memory.  Skips when ../shared/data is absent.
set -u
B=${B:-build}
DATA=${DATA:-../shared/data}
if [ ! -d "$DATA/multinews-dev" ]; then
    echo "throughput: $DATA/multinews-dev absent, skipped"
    exit 0
fi
exec "$B/bench/throughput" --data "$DATA" --runs "${RUNS:-11}" "$@"
