#!/bin/sh
# Generates the table of irregular forms (named rouge/wordnet_exceptions) that
# ROUGE-1.5.5's -m looks up before Porter stemming (its WordNet-2.0.exc.db,
# built by buildExeptionDB.pl from WordNet's *.exc files).
#
# Source: WordNet 3.0's adj.exc, adv.exc, noun.exc, verb.exc from Debian's
# wordnet-base package, a build dependency (scripts/deps.sh); the Makefile
# runs this at build time into build/gen/, so no WordNet data is kept in the
# repository.  As ROUGE's builder does, each line maps
# its first word to its second, and a later line (files in alphabetical
# order) overwrites an earlier one.  Only keys ROUGE can look up are kept:
# lower-case letters and digits, longer than 3 characters.
set -eu
src=${1:-/usr/share/wordnet}
out=${2:?usage: gen-rouge-exceptions.sh WORDNET_DIR OUT}
[ -r "$src/verb.exc" ] || { echo "gen-rouge-exceptions: no $src/verb.exc (apt-get install wordnet-base)" >&2; exit 1; }
{
cat <<'HDR'
# Irregular word forms and their base forms, looked up by `storyline rouge -m`
# before Porter stemming, as ROUGE-1.5.5's MorphStem does with its WordNet
# exception database.  Generated at build time by scripts/gen-rouge-exceptions.sh
# from the *.exc files of WordNet 3.0 (Debian's wordnet-base).
# Format: inflected-form base-form.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# Permission to use, copy, modify and distribute this software and database
# and its documentation for any purpose and without fee or royalty is hereby
# granted, provided that you agree to comply with the following copyright
# notice and statements, including the disclaimer, and that the same appear
# on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
# THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or
# database.  Title to copyright in this software, database and any
# associated documentation shall at all times remain with Princeton
# University and LICENSEE agrees to preserve same.
HDR
cat "$src/adj.exc" "$src/adv.exc" "$src/noun.exc" "$src/verb.exc" |
    awk 'NF >= 2 && $1 ~ /^[a-z0-9]+$/ && length($1) > 3 { base[$1] = $2 }
         END { for (k in base) print k, base[k] }' | LC_ALL=C sort
} > "$out"

