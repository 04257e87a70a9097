#!/bin/sh
# run-timeline.sh: the story's timeline (bench/timeline.md).  Quality on the
# hand-made stories of tests/data/timeline (expected entries beside each),
# against the tagger alone; speed on stories of 10, 100 and 300 Multi-News
# articles and on each real cluster, against the tagger alone, when
# ../shared/data/multinews-dev is present.
#
#   sh bench/run-timeline.sh            (from the repository root; make bench runs it)
set -u
B=${B:-build}
news=../shared/data/multinews-dev
[ -x "$B/bench/timeline" ] || make -s "$B/bench/timeline" >/dev/null || exit 1
echo "== bench timeline"
if [ -d "$news" ]; then
    "$B/bench/timeline" -r 9 --news "$news" tests/data/timeline
else
    echo "($news is absent: quality only, no speed run)"
    "$B/bench/timeline" tests/data/timeline
fi
