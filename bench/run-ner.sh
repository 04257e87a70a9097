#!/bin/sh
# NER quality on GUM dev (5-fold cross-validation, against a capitalized-run
# baseline) and speed on 1 MB of Multi-News dev text; see bench/ner.md.
# Skips with a message when ../shared/data is absent.
set -e
b=${B:-build}
if [ ! -f ../shared/data/gum/en_gum-ud-dev.conllu ] && [ ! -d ../shared/data/multinews-dev ]; then
    echo "ner: ../shared/data absent; skipped"
    exit 0
fi
"$b/bench/ner" --runs 5
