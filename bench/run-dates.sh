#!/bin/sh
# run-dates.sh: the temporal tagger against TimeML gold annotation (TBAQ-cleaned:
# TimeBank and AQUAINT, the TempEval-3 training data) and its speed on TimeML
# text and on 1 MB of news text (multinews-dev), each beside a regex-year
# baseline over the same text.  Figures go in bench/dates.md.
#
#   sh bench/run-dates.sh            (from the repository root; make bench runs it)
#   build/bench/timeml -v DIR        lists every miss, false alarm and wrong value
set -u
B=${B:-build}
data=../shared/data/timeml/TBAQ-cleaned
news=../shared/data/multinews-dev
if [ ! -d "$data" ]; then
    echo "bench dates: $data is absent; skipped"
    exit 0
fi
[ -x "$B/bench/timeml" ] || make -s "$B/bench/timeml" >/dev/null || exit 1
echo "== bench dates: temporal tagger on $data"
if [ -d "$news" ]; then
    "$B/bench/timeml" -r 9 --news "$news" "$data"
else
    echo "($news is absent: no news-text speed run)"
    "$B/bench/timeml" -r 9 "$data"
fi
