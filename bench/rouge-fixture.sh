#!/bin/sh
# Checks `storyline rouge` against ../shared/data/rouge-fixture/expected.txt:
# the figures the reference ROUGE-1.5.5 script gives the lead baseline's
# summaries (rouge-fixture/system/) against multinews-dev/<cluster>/ref1.txt,
# under flag sets A and B.  Each of the 24 figures must be within 0.05 points;
# prints them side by side and exits 1 otherwise.  Skips (exit 0) when the
# shared data is absent.
#
#   sh bench/rouge-fixture.sh [STORYLINE] [DATA_ROOT]
set -u
exe=${1:-build/storyline}
data=${2:-../shared/data}
fix=$data/rouge-fixture
if [ ! -r "$fix/expected.txt" ] || [ ! -d "$data/multinews-dev" ]; then
    echo "rouge-fixture: skipped: $fix or $data/multinews-dev is absent"
    exit 0
fi
[ -x "$exe" ] || { echo "rouge-fixture: $exe not built (make)" >&2; exit 2; }

A="-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100 -a"
B="-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0
for set in A B; do
    eval flags=\$$set
    # shellcheck disable=SC2086
    if ! "$exe" rouge $flags --format json "$fix/system" "$data/multinews-dev" > "$tmp/$set.json"; then
        echo "rouge-fixture: storyline rouge failed for flag set $set" >&2
        exit 1
    fi
    # "ROUGE-1": {"recall": 0.34650, "precision": 0.35613, "f": 0.34862, ...
    sed -n 's/^ *"\(ROUGE-[^"]*\)": {"recall": \([0-9.]*\), "precision": \([0-9.]*\), "f": \([0-9.]*\).*/\1 \2 \3 \4/p' \
        "$tmp/$set.json" > "$tmp/$set.got"
    # the expected block of this set: lines after "# flags $set" up to the next "# flags"
    awk -v set="$set" '/^# flags / { on = ($3 == set ":") ; next } on && /^ROUGE-/' \
        "$fix/expected.txt" > "$tmp/$set.want"
    awk -v set="$set" '
        NR == FNR { r[$1] = $2 * 100; p[$1] = $3 * 100; f[$1] = $4 * 100; next }
        {
            split($2, a, "="); split($3, b, "="); split($4, c, "=")
            if (!($1 in r)) { printf "%s %-9s missing\n", set, $1; bad = 1; next }
            d = r[$1] - a[2]; if (d < 0) d = -d; e = p[$1] - b[2]; if (e < 0) e = -e
            g = f[$1] - c[2]; if (g < 0) g = -g
            ok = (d <= 0.05 && e <= 0.05 && g <= 0.05) ? "ok" : "OFF"
            if (ok != "ok") bad = 1
            printf "%s %-9s R %6.2f (want %6.2f)  P %6.2f (want %6.2f)  F %6.2f (want %6.2f)  %s\n",
                   set, $1, r[$1], a[2], p[$1], b[2], f[$1], c[2], ok
            n++
        }
        END { if (n != 4) bad = 1; exit bad }' "$tmp/$set.got" "$tmp/$set.want" || fail=1
done
if [ "$fail" = 0 ]; then
    echo "rouge-fixture: all 24 figures within 0.05 points"
else
    echo "rouge-fixture: FAILED: some figures are off by more than 0.05 points"
fi
exit "$fail"
