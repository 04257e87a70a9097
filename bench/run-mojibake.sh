#!/bin/sh
# Mojibake repair quality: ftfy's test cases (../shared/data/mojibake), and
# real text in 33 languages that must stay unchanged (the message
# translations under /usr/share/locale, when msgunfmt is installed).
# Figures: bench/mojibake.md.
set -u
B=${B:-build}
data=../shared/data/mojibake
if [ -d "$data" ]; then
    "$B/bench/mojibake" "$data"
else
    echo "mojibake: $data absent, skipped"
fi
if command -v msgunfmt >/dev/null 2>&1 && [ -d /usr/share/locale ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    for l in zh_CN zh_TW ja ko fr de ru es pt el pl cs tr ar he vi uk it hu ro sk sv fi da nl ca lt lv et hr sr sl bg; do
        for f in /usr/share/locale/$l/LC_MESSAGES/*.mo; do
            [ -f "$f" ] && msgunfmt "$f" 2>/dev/null
        done | sed -n 's/^msgstr[^"]*"\(..*\)"$/\1/p' > "$tmp/$l.txt"
        [ -s "$tmp/$l.txt" ] || rm -f "$tmp/$l.txt"
    done
    set -- "$tmp"/*.txt
    if [ -f "$1" ]; then
        (cd "$tmp" && "$OLDPWD/$B/bench/repair_negative" *.txt)
    else
        echo "negative: no translations found, skipped"
    fi
else
    echo "negative: msgunfmt or /usr/share/locale absent, skipped"
fi
