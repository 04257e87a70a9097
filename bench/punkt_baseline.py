#!/usr/bin/env python3
"""NLTK punkt as a side-by-side baseline for bench/sentences.

punkt's pretrained English model is not available offline, so punkt is
trained here, unsupervised (PunktTrainer, NLTK's defaults), on the raw text
of the Multi-News dev documents (../shared/data/multinews-dev/*/doc*.txt),
which is the kind of text storyline reads.  It is then applied:
  - to each GUM document, paragraph by paragraph (split at blank lines, as
    storyline's document pipeline does), giving byte offsets of sentence ends;
  - to each Golden Rule case, giving the sentence strings.
Writes one JSON object {"gum": [[end, ...], ...], "pragmatic": [[sent, ...],
...], "pysbd": [[sent, ...], ...]} that bench/sentences reads with
--baseline and scores with its own scorer.

usage: punkt_baseline.py DATA_DIR GUM_EXPORT.json OUT.json
"""
import glob
import json
import os
import re
import sys

from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer


def train(data_dir):
    paths = sorted(glob.glob(os.path.join(data_dir, "multinews-dev", "*", "doc*.txt")))
    text = "\n\n".join(open(p, encoding="utf-8", errors="replace").read() for p in paths)
    trainer = PunktTrainer()
    trainer.train(text, finalize=True)
    return PunktSentenceTokenizer(trainer.get_params()), len(paths), len(text)


def gum_ends(tok, text):
    """Byte offsets of sentence ends, punkt run per paragraph."""
    ends = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        para = m.group(0)
        base = m.start()
        for _, e in tok.span_tokenize(para):
            ends.append(len(text[: base + e].encode("utf-8")))
    return ends


def main():
    data_dir, gum_path, out_path = sys.argv[1:4]
    tok, ndocs, nchars = train(data_dir)
    sys.stderr.write("punkt: trained on %d Multi-News dev documents (%d characters)\n" % (ndocs, nchars))
    out = {"gum": [], "pragmatic": [], "pysbd": []}
    if os.path.exists(gum_path):
        for doc in json.load(open(gum_path, encoding="utf-8")):
            out["gum"].append(gum_ends(tok, doc["text"]))
    prag = os.path.join(data_dir, "sentences", "pragmatic_segmenter_english_spec_cases.json")
    if os.path.exists(prag):
        for case in json.load(open(prag, encoding="utf-8"))["cases"]:
            out["pragmatic"].append(tok.tokenize(case["text"]))
    pysbd = os.path.join(data_dir, "sentences", "golden_rules_en_pysbd48.json")
    if os.path.exists(pysbd):
        for case in json.load(open(pysbd, encoding="utf-8")):
            out["pysbd"].append(tok.tokenize(case["text"]))
    json.dump(out, open(out_path, "w", encoding="utf-8"))


if __name__ == "__main__":
    main()
