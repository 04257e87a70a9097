#!/bin/sh
# outputs.sh: what the spec runner cannot see, since it runs the CLI with
# pipes: behaviour on a terminal and across runs.
#
#   sh tests/outputs.sh EXE
#
#  - determinism: two runs over the same input give byte-identical output,
#    in every format;
#  - on a terminal (a pseudo-terminal made by util-linux's `script`): text
#    is coloured unless NO_COLOR is set (and not empty) or --color never;
#    it wraps at the terminal's width, which beats $COLUMNS; $COLUMNS counts
#    when standard output is a pipe; a progress bar is drawn on stderr for
#    many files, and never with STORYLINE_NO_PROGRESS or into a pipe.
set -u
exe=$1
tmp=$(mktemp -d /tmp/storyline-outputs-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
esc=$(printf '\033')

bad() {
    echo "FAIL outputs: $*"
    fail=$((fail + 1))
}

ok() { n=$((n + 1)); }

# widest line of a file in columns, colour codes and carriage returns removed
widest() {
    sed "s/$esc\[[0-9;]*[A-Za-z]//g; s/\r//g" "$1" | LC_ALL=C.UTF-8 wc -L
}

# ------------------------------------------------------------------ determinism
for fmt in text json md html; do
    for input in examples/ tests/data/report/hostile.html; do
        ok
        STORYLINE_NO_PROGRESS=1 "$exe" digest --format "$fmt" "$input" > "$tmp/a" 2>/dev/null
        STORYLINE_NO_PROGRESS=1 "$exe" digest --format "$fmt" "$input" > "$tmp/b" 2>/dev/null
        if [ ! -s "$tmp/a" ] || ! cmp -s "$tmp/a" "$tmp/b"; then
            bad "$fmt of $input differs between two runs (or is empty)"
        fi
    done
done
ok
STORYLINE_NO_PROGRESS=1 "$exe" digest --format json --method lead examples/ > "$tmp/a"
(cd examples && STORYLINE_NO_PROGRESS=1 "../$exe" digest --format json --method lead .) > "$tmp/b" 2>/dev/null ||
    STORYLINE_NO_PROGRESS=1 "$exe" digest --format json --method lead examples/ > "$tmp/b"
# paths differ with the working directory; everything else must not
sed 's/"path": "[^"]*"/"path": ""/' "$tmp/a" > "$tmp/a2"
sed 's/"path": "[^"]*"/"path": ""/' "$tmp/b" > "$tmp/b2"
cmp -s "$tmp/a2" "$tmp/b2" || bad "json depends on the working directory beyond the paths"

# ------------------------------------------------------------------ pipes
ok
COLUMNS=40 NO_COLOR= STORYLINE_NO_PROGRESS=1 "$exe" digest examples/ > "$tmp/pipe"
[ "$(widest "$tmp/pipe")" -le 40 ] || bad "COLUMNS=40 into a pipe: a line of $(widest "$tmp/pipe") columns"
ok
grep -q "$esc" "$tmp/pipe" && bad "colour into a pipe"

# ------------------------------------------------------------------ terminals
if ! command -v script >/dev/null 2>&1; then
    echo "outputs: terminal checks SKIPPED: no script(1) (util-linux)"
else
    # tty NAME ENV... -- ARGS: runs the CLI on a 50-column pseudo-terminal; its
    # screen (stdout and stderr) goes to $tmp/NAME
    tty() {
        name=$1; shift
        envs=""
        while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
        shift
        script -qec "stty cols 50 rows 40; env $envs $exe $*" /dev/null > "$tmp/$name" 2>&1 < /dev/null
    }
    tty color -u NO_COLOR STORYLINE_NO_PROGRESS=1 -- digest examples/
    ok
    grep -q "$esc\[1;36m\[1\]" "$tmp/color" || bad "no colour on a terminal"
    ok
    [ "$(widest "$tmp/color")" -le 50 ] || bad "terminal of 50 columns: a line of $(widest "$tmp/color")"
    tty columns -u NO_COLOR COLUMNS=200 STORYLINE_NO_PROGRESS=1 -- digest examples/
    ok
    [ "$(widest "$tmp/columns")" -le 50 ] || bad "COLUMNS beat the terminal's width: $(widest "$tmp/columns")"
    tty nocolor NO_COLOR=1 STORYLINE_NO_PROGRESS=1 -- digest examples/
    ok
    grep -q "$esc\[[0-9;]*m" "$tmp/nocolor" && bad "colour on a terminal despite NO_COLOR=1"
    tty emptynocolor NO_COLOR= STORYLINE_NO_PROGRESS=1 -- digest examples/
    ok
    grep -q "$esc\[1;36m" "$tmp/emptynocolor" || bad "an empty NO_COLOR turned colour off"
    tty never -u NO_COLOR STORYLINE_NO_PROGRESS=1 -- digest --color never examples/
    ok
    grep -q "$esc\[[0-9;]*m" "$tmp/never" && bad "colour on a terminal despite --color never"

    # progress: 30 files on a terminal
    mkdir -p "$tmp/many"
    i=0
    while [ $i -lt 30 ]; do
        echo "Report $i. The Harlow dam failed after heavy rain, officials said on day $i." > "$tmp/many/r$i.txt"
        i=$((i + 1))
    done
    tty progress -u STORYLINE_NO_PROGRESS -- digest "$tmp/many" ">" /dev/null
    ok
    grep -q "reading \[#*-*\] *[0-9]*%  [0-9]*/[0-9]* files" "$tmp/progress" || bad "no progress bar on a terminal"
    tty noprogress STORYLINE_NO_PROGRESS=1 -- digest "$tmp/many" ">" /dev/null
    ok
    grep -q "reading" "$tmp/noprogress" && bad "a progress bar despite STORYLINE_NO_PROGRESS"
    ok
    "$exe" digest "$tmp/many" > /dev/null 2> "$tmp/piped-err"
    grep -q "reading" "$tmp/piped-err" && bad "a progress bar into a pipe"
fi

ok
if grep -lE 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp"/* 2>/dev/null | grep -q .; then
    bad "a sanitizer report: $(grep -lE 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp"/* | head -1)"
fi

echo "outputs: $((n - fail)) passed, $fail failed"
[ "$fail" = 0 ]
