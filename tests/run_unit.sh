#!/bin/sh
# Runs each unit-test binary; prints a summary; fails if any fails.
# Usage: run_unit.sh BUILD_DIR BIN...
set -u
b=$1; shift
fail=0; n=0
for t in "$@"; do
    n=$((n + 1))
    if ! "$t" > "$t.log" 2>&1; then
        echo "FAIL $t"; sed -n '1,80p' "$t.log"; fail=$((fail + 1))
    fi
done
echo "unit: $((n - fail)) of $n test programs passed"
[ "$fail" = 0 ]
