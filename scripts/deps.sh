#!/bin/sh
# Installs the Debian packages storyline builds and tests with, when missing.
# As root it runs apt-get itself; otherwise it prints the exact command and fails.
# Each package is here on purpose:
#   libutf8proc-dev  NFC normalization and case folding
#   libstemmer-dev   Snowball stemmers (English; Porter for ROUGE -m)
#   libxml2-dev      the HTML parser behind main-text extraction
#   libjansson-dev   JSON/JSONL input and the JSON output contract
#   libglpk-dev      the ILP solver behind the concept-coverage summarizer
#   wordnet-base     WordNet's irregular forms, which ROUGE -m looks up (read at build time)
#   libcmocka-dev    unit tests
#   pkg-config make gcc  the build itself
#   clang libclang-rt-14-dev  libFuzzer targets (make fuzz)
set -e
need="pkg-config make gcc libutf8proc-dev libstemmer-dev libxml2-dev libjansson-dev libglpk-dev libcmocka-dev wordnet-base"
[ -n "$SL_DEPS_EXTRA" ] && need="$need $SL_DEPS_EXTRA"
missing=""
for p in $need; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "storyline: installing missing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || true
    apt-get install -y -qq --no-install-recommends $missing >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n apt-get update -qq >&2 || true
    sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
else
    echo "storyline: not root; run this, then try again:" >&2
    echo "    sudo apt-get install -y$missing" >&2
    exit 1
fi
