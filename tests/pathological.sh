#!/bin/sh
# Pathological inputs with an expected outcome (cmark's pathological_tests):
# each must end with the documented exit code and message, never a crash or a
# hang.  `timeout` is only a hang guard; no case asserts a timing.
# Usage: pathological.sh EXE
set -u
exe=$1
tmp=$(mktemp -d /tmp/storyline-patho-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0; n=0
export STORYLINE_NO_PROGRESS=1

# check NAME WANT_EXIT STDERR_SUBSTRING CMD...
check() {
    name=$1; want=$2; msg=$3; shift 3
    n=$((n + 1))
    timeout 300 "$@" > "$tmp/out" 2> "$tmp/err"
    got=$?
    if [ "$got" = 124 ]; then
        echo "FAIL pathological: $name: hung (killed after 300 s)"; fail=$((fail + 1)); return
    fi
    if [ "$got" != "$want" ]; then
        echo "FAIL pathological: $name: exit $got, expected $want"; sed -n '1,20p' "$tmp/err"
        fail=$((fail + 1)); return
    fi
    if [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then
        echo "FAIL pathological: $name: stderr lacks '$msg'"; sed -n '1,20p' "$tmp/err"
        fail=$((fail + 1)); return
    fi
    if grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp/err"; then
        echo "FAIL pathological: $name: sanitizer report"; sed -n '1,30p' "$tmp/err"
        fail=$((fail + 1)); return
    fi
}

# A 200 MB text file: refused by size, after reading only its start.
head -c 209715200 /dev/zero | tr '\0' 'a' > "$tmp/big.txt"
check "200 MB text file" 3 "big.txt: over the limit of 64 MiB" "$exe" clean "$tmp/big.txt"
# ... and the other inputs are still processed.
printf 'A small article.\n' > "$tmp/small.txt"
check "200 MB file beside a small one" 1 "big.txt: over the limit" "$exe" clean "$tmp/big.txt" "$tmp/small.txt"
grep -q "A small article." "$tmp/out" || { echo "FAIL pathological: small file lost"; fail=$((fail + 1)); }
rm -f "$tmp/big.txt"

# A JSONL file of 70 MB whose middle line alone is over the document limit.
{ echo '{"id":"a","text":"First."}'
  printf '{"id":"b","text":"'; head -c 69206016 /dev/zero | tr '\0' 'x'; echo '"}'
  echo '{"id":"c","text":"Third."}'; } > "$tmp/feed.jsonl"
check "70 MB JSONL line" 1 "feed.jsonl:2: line is over the limit" "$exe" sentences "$tmp/feed.jsonl"
grep -q "Third." "$tmp/out" || { echo "FAIL pathological: line after the huge one lost"; fail=$((fail + 1)); }
rm -f "$tmp/feed.jsonl"

# A 10 MB line without spaces: processed, in bounded time.
head -c 10485760 /dev/zero | tr '\0' 'x' > "$tmp/long.txt"
check "10 MB line without spaces" 0 "" "$exe" sentences "$tmp/long.txt"
rm -f "$tmp/long.txt"

# A million dots.
head -c 1000000 /dev/zero | tr '\0' '.' > "$tmp/dots.txt"
check "a million dots" 0 "" "$exe" sentences "$tmp/dots.txt"

# Deeply nested HTML and truncated HTML.
{ printf '<html><body>'; i=0; while [ $i -lt 1000 ]; do printf '<div><div><div><div><div><div><div><div><div><div>'; i=$((i + 1)); done
  printf '<p>Deep text.</p></body></html>'; } > "$tmp/deep.html"
check "10,000 nested divs" 0 "" "$exe" clean "$tmp/deep.html"
printf '<html><head><title>T</title></head><body><article><p>The story begins and then the con' > "$tmp/trunc.html"
check "truncated HTML" 0 "" "$exe" clean "$tmp/trunc.html"

# 100,000 files in one folder.
mkdir "$tmp/many"
( cd "$tmp/many" && seq 1 100000 | sed 's/$/. A sentence./' | split -l 1 -a 5 - f )
check "100,000 files in one folder" 0 "" "$exe" sentences "$tmp/many"
[ "$(grep -c 'A sentence.' "$tmp/out")" -ge 100000 ] || { echo "FAIL pathological: not every file read"; fail=$((fail + 1)); }
rm -rf "$tmp/many"

# Unreadable paths: a dangling symlink, a directory with nothing in it.
ln -s "$tmp/nowhere" "$tmp/dangling.txt"
check "dangling symlink" 3 "dangling.txt: cannot open" "$exe" clean "$tmp/dangling.txt"
mkdir "$tmp/emptydir"
check "empty directory" 3 "emptydir: no files in directory" "$exe" clean "$tmp/emptydir"

# 600,000 capitalized names and name parts without a sentence end: tagging
# and alias merging stay linear (short forms fitting thousands of names).
awk 'BEGIN { srand(7); split("Kim of the Paris de van al-Bashir President Monday Jong Un", w, " ");
  for (i = 0; i < 600000; i++) printf "%s ", w[int(rand() * 11) + 1]; print "" }' > "$tmp/names.txt"
check "600,000 name parts in one sentence" 0 "" "$exe" entities "$tmp/names.txt"
rm -f "$tmp/names.txt"

echo "pathological: $((n - fail)) of $n passed"
[ "$fail" = 0 ]
