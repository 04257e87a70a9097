#!/bin/sh
# Summary quality and speed on Multi-News dev (bench/summary.md):
# every method at a 250-word budget, scored with storyline rouge under the
# project's ROUGE conventions (../shared/data/README.md), then the scale
# benchmark (bench/summary_scale.c).
#
#   sh bench/run-summary.sh [BUILD_DIR]
set -eu
B=${1:-build}
DATA=../shared/data/multinews-dev
if [ ! -d "$DATA" ]; then
    echo "run-summary: $DATA is absent; skipping the summary benchmark"
    exit 0
fi
make -s "$B/storyline" "$B/bench/summary_rouge" "$B/bench/summary_scale" >/dev/null
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
FLAGS="-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 250 -a"
echo "ROUGE on $DATA, 250 words, storyline rouge $FLAGS"
printf '%-11s %7s %7s %7s %7s %10s\n' method R-1 R-2 R-SU4 R-L-F ms/cluster
for m in coverage lead centroid lexrank textrank mmr submodular ilp; do
    mkdir -p "$TMP/$m"
    # three runs; the median time of each cluster's run, the middle run kept
    t1=$("$B/bench/summary_rouge" "$DATA" "$TMP/$m" "$m" 250 | sed 's/.*median_ms \([0-9.]*\).*/\1/')
    t2=$("$B/bench/summary_rouge" "$DATA" "$TMP/$m" "$m" 250 | sed 's/.*median_ms \([0-9.]*\).*/\1/')
    t3=$("$B/bench/summary_rouge" "$DATA" "$TMP/$m" "$m" 250 | sed 's/.*median_ms \([0-9.]*\).*/\1/')
    t=$(printf '%s\n%s\n%s\n' "$t1" "$t2" "$t3" | sort -n | sed -n 2p)
    "$B/storyline" rouge $FLAGS --format json "$TMP/$m" "$DATA" > "$TMP/$m.json"
    r1=$(grep '"ROUGE-1"' "$TMP/$m.json" | sed 's/.*"recall": \([0-9.]*\).*/\1/')
    r2=$(grep '"ROUGE-2"' "$TMP/$m.json" | sed 's/.*"recall": \([0-9.]*\).*/\1/')
    su=$(grep '"ROUGE-SU4"' "$TMP/$m.json" | sed 's/.*"recall": \([0-9.]*\).*/\1/')
    lf=$(grep '"ROUGE-L"' "$TMP/$m.json" | sed 's/.*"f": \([0-9.]*\).*/\1/')
    awk -v m="$m" -v a="$r1" -v b="$r2" -v c="$su" -v d="$lf" -v t="$t" \
        'BEGIN { printf "%-11s %7.2f %7.2f %7.2f %7.2f %10s\n", m, 100*a, 100*b, 100*c, 100*d, t }'
done
echo
echo "95% confidence intervals of the default (coverage) and of LexRank:"
for m in coverage lexrank textrank; do
    "$B/storyline" rouge $FLAGS "$TMP/$m" "$DATA" | grep -E "ROUGE-(1|2|SU4) Average_R" | sed "s/^[^ ]*/$m/"
done
echo
"$B/bench/summary_scale" "$DATA"
