#!/bin/sh
# browser.sh: the HTML report in a real browser, Debian's headless Chromium.
#
#   sh tests/browser.sh EXE [--update-docs]
#
# 1. Builds the report of the bundled example (examples/) and of a hostile
#    HTML article (tests/data/report/hostile.html: scripts, handlers,
#    javascript: links, </style> tricks, remote images, styles, frames,
#    forms, a refresh and a <base>).
# 2. End to end with `chromium --dump-dom` (the DOM after loading, as a
#    driver like Playwright would read it; Playwright itself would need npm
#    downloads at test time, which the project avoids): the key elements
#    exist in the DOM, and the hostile article left no script, no handler
#    attribute, no javascript: link and no fetching element.
# 3. Network: every load is recorded with --log-net-log, with every host
#    mapped to "not found" (--host-resolver-rules) so that nothing could
#    leave the machine anyway; the log must hold no http(s) or ws(s)
#    request made for the page (the browser's own housekeeping requests,
#    marked as such in the log, are not the page's).  A control page that does fetch (tests/data/report/
#    control.html) must show up in its log, so the check can fail.
# 4. Screenshots at phone (390x844) and desktop (1280x900) widths go to
#    build/report/; with --update-docs they are copied to
#    docs/report-phone.png and docs/report-desktop.png (the README's).
#
# Without Chromium: as root, the set-up installs it (SL_DEPS_EXTRA=chromium
# scripts/deps.sh); otherwise the test is skipped with a message.
set -u
exe=$1
update_docs=${2:-}
out=build/report
fail=0
n=0

find_chromium() {
    for c in chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
    done
    return 1
}

browser=$(find_chromium)
if [ -z "$browser" ] && [ "$(id -u)" = 0 ] && [ -z "${SL_NO_INSTALL:-}" ]; then
    echo "browser: installing Debian's chromium for the report tests" >&2
    SL_DEPS_EXTRA=chromium sh scripts/deps.sh >/dev/null 2>&1 || true
    browser=$(find_chromium)
fi
if [ -z "$browser" ]; then
    echo "browser: SKIPPED: no chromium (apt-get install chromium, or run as root to let the set-up install it)"
    exit 0
fi

mkdir -p "$out"
tmp=$(mktemp -d /tmp/storyline-browser-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export STORYLINE_NO_PROGRESS=1

bad() {
    echo "FAIL browser: $*"
    fail=$((fail + 1))
}

# chromium LOGNAME ARGS... : one headless run with its own profile and net log
run_chromium() {
    log=$1; shift
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --no-default-browser-check \
        --disable-default-apps --disable-extensions --disable-breakpad --mute-audio --disable-dev-shm-usage \
        --disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication \
        --host-resolver-rules='MAP * ~NOTFOUND' --hide-scrollbars \
        --user-data-dir="$tmp/profile-$log" --log-net-log="$tmp/$log.netlog" "$@" 2>"$tmp/$log.err"
}

# requests LOGNAME: the http(s)/ws(s) URLs the page asked for, one a line.
# The net log has one event a line; a request's start names its initiator:
# the page's ("null" for a file:// page), or "not an origin" for the
# browser's own housekeeping (component updates, clock, account checks),
# which no page content can cause and which the resolver rule also stops.
requests() {
    grep '"initiator":' "$tmp/$1.netlog" 2>/dev/null | grep -v '"initiator":"not an origin"' |
        grep -oE '"url":"(https?|wss?)://[^"]*"' | sort -u
}

check_dom() { # NAME FILE NEEDLE...: each needle (fixed string) occurs in the DOM
    name=$1; file=$2; shift 2
    for needle in "$@"; do
        n=$((n + 1))
        grep -qF -- "$needle" "$file" || bad "$name: the DOM lacks $needle"
    done
}

check_no_dom() { # NAME FILE EREGEX...: no match in the DOM (case-insensitive)
    name=$1; file=$2; shift 2
    for re in "$@"; do
        n=$((n + 1))
        if grep -qiE -- "$re" "$file"; then
            bad "$name: the DOM holds /$re/: $(grep -oiE -- "$re" "$file" | head -1)"
        fi
    done
}

# ------------------------------------------------------------------ the reports
"$exe" digest --format html -o "$tmp/example.html" examples/ || bad "digest of examples/ failed"
"$exe" digest --format html --input-format html -o "$tmp/hostile.html" tests/data/report/hostile.html ||
    bad "digest of the hostile article failed"

# ------------------------------------------------------------------ the DOM, end to end
run_chromium example --dump-dom "file://$tmp/example.html" > "$tmp/example.dom"
if [ ! -s "$tmp/example.dom" ]; then
    bad "chromium gave no DOM for the example report"; sed -n '1,20p' "$tmp/example.err"
else
    check_dom example "$tmp/example.dom" '<h1>' '<section class="summary" id="summary">' \
        'class="chip" href="#doc-' '<section class="timeline" id="timeline">' \
        '<section id="sources">' '<article class="source" id="doc-0">' \
        '<article class="source" id="doc-3">' '<details class="text" open="">' \
        '<details class="edits">' '<span class="s cited" id="doc-'
    check_no_dom example "$tmp/example.dom" '<script' ' on[a-z]+="' 'href="javascript:'
    # once the timeline stage finds events, both drawings and the list must be there
    if grep -q 'id="ev-1"' "$tmp/example.dom"; then
        check_dom example "$tmp/example.dom" '<svg class="tl tl-h"' '<svg class="tl tl-v"' \
            '<a href="#ev-1">'
    else
        check_dom example "$tmp/example.dom" 'No dated events found.'
    fi
    # every chip's target is in the DOM
    for t in $(grep -oE 'class="chip" href="#[^"]*"' "$tmp/example.dom" | sed 's/.*href="#//; s/"$//' | sort -u); do
        n=$((n + 1))
        grep -qF "id=\"$t\"" "$tmp/example.dom" || bad "example: chip target #$t is missing"
    done
fi

run_chromium hostile --dump-dom "file://$tmp/hostile.html" > "$tmp/hostile.dom"
if [ ! -s "$tmp/hostile.dom" ]; then
    bad "chromium gave no DOM for the hostile report"; sed -n '1,20p' "$tmp/hostile.err"
else
    check_dom hostile "$tmp/hostile.dom" 'The storm hit the coast on Monday' \
        '&lt;script&gt;alert(7)&lt;/script&gt;'
    check_no_dom hostile "$tmp/hostile.dom" '<script' ' on[a-z]+="' 'href="javascript:' \
        'src="javascript:' '<(img|iframe|object|embed|video|audio|image|form|input|link|base)[ >]' \
        'http-equiv="refresh"' 'storyline-test\.invalid/(style|import|bg|photo|svg|frame|object|poster|video)' \
        '@import'
fi

# ------------------------------------------------------------------ the network
n=$((n + 1))
run_chromium control --dump-dom "file://$PWD/tests/data/report/control.html" > "$tmp/control.dom"
if ! requests control | grep -q 'storyline-test.invalid/control.png'; then
    bad "the net log check is blind: the control page's request was not seen (see $tmp/control.netlog)"
fi
for page in example hostile; do
    n=$((n + 1))
    if [ ! -s "$tmp/$page.netlog" ]; then
        bad "$page: chromium wrote no net log"
    elif requests "$page" | grep -q .; then
        bad "$page: the report reached for the network:"; requests "$page" | sed 's/^/    /' | head -10
    fi
done

# ------------------------------------------------------------------ screenshots
shot() { # NAME WIDTH HEIGHT
    n=$((n + 1))
    rm -f "$out/report-$1.png"
    run_chromium "shot-$1" --screenshot="$PWD/$out/report-$1.png" --window-size="$2,$3" \
        "file://$tmp/example.html" >/dev/null
    if [ ! -s "$out/report-$1.png" ]; then
        bad "no $1 screenshot"; sed -n '1,10p' "$tmp/shot-$1.err"; return
    fi
    # a PNG of the asked width (IHDR width: bytes 16-19, big-endian)
    w=$(od -An -tu1 -j16 -N4 "$out/report-$1.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
    [ "$w" = "$2" ] || bad "$1 screenshot is $w pixels wide, expected $2"
    if requests "shot-$1" | grep -q .; then
        bad "$1 screenshot: the report reached for the network"
    fi
}
shot phone 390 844
shot desktop 1280 900

if [ "$update_docs" = "--update-docs" ] && [ "$fail" = 0 ]; then
    cp "$out/report-phone.png" docs/report-phone.png
    cp "$out/report-desktop.png" docs/report-desktop.png
    cp "$tmp/example.html" "$out/example.html"
    echo "browser: docs/report-phone.png and docs/report-desktop.png updated"
fi

echo "browser: $((n - fail)) passed, $fail failed (screenshots in $out/)"
[ "$fail" = 0 ]
