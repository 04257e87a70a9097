#!/bin/sh
# Repair speed (sl_decode_input + sl_repair_text) on clean English and on
# Windows-1252 and GBK mojibake of it, next to memcpy and UTF-8 validation
# over the same bytes; plus the round trip (mojibake repaired vs. original).
# Figures: bench/mojibake.md.
set -u
B=${B:-build}
data=../shared/data/multinews-dev
if [ -d "$data" ]; then
    "$B/bench/repair_speed" "$data"
else
    echo "repair_speed: $data absent, skipped"
fi
