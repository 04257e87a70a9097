/*
 * fuzz_rouge.c: libFuzzer target for the ROUGE evaluator: tokenization,
 * truncation, stemming and every metric on arbitrary bytes.
 *
 * Input: byte 0 picks the switches (stemming, stopwords, -l/-b, sentence
 * splitting, '<' cut, -f B, jackknife, unlimited skip gap); the rest is the
 * system summary and its references, separated by NUL bytes.  Each run also
 * averages two summaries with a small bootstrap.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "storyline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    const char *text, *refs[4];
    size_t lens[4], nref = 0, len, i, start, n;
    unsigned char sw;
    sl_rouge *r;

    if (size < 1)
        return 0;
    if (!ctx)
        ctx = sl_ctx_new();
    sw = data[0];
    text = (const char *)data + 1;
    len = size - 1;
    if (sw & 1)
        o.flags |= SL_ROUGE_STEM;
    if (sw & 2)
        o.flags |= SL_ROUGE_STOPWORDS;
    if (sw & 4)
        o.word_limit = 1 + (sw >> 5);
    else if (sw & 8)
        o.byte_limit = 1 + (sw >> 4);
    if (sw & 16)
        o.flags |= SL_ROUGE_SPLIT;
    if (sw & 32)
        o.flags |= SL_ROUGE_NO_SEE_CUT;
    if (sw & 64)
        o.flags |= (sw & 1) ? SL_ROUGE_BEST : SL_ROUGE_JACKKNIFE;
    if (sw & 128)
        o.skip_gap = -1;
    o.max_ngram = 3;
    o.resamples = 10;

    /* the summary, then up to 3 references, NUL-separated */
    start = 0;
    for (i = 0; i <= len && nref < 4; i++) {
        if (i == len || text[i] == '\0') {
            refs[nref] = text + start;
            lens[nref] = i - start;
            nref++;
            start = i + 1;
        }
    }
    if (nref < 2) {
        refs[1] = refs[0];
        lens[1] = lens[0];
        nref = 2;
    }
    sl_rouge_score(ctx, &o, refs[0], lens[0], refs + 1, lens + 1, nref - 1, res, &n);
    if (sl_rouge_new(ctx, &o, &r) == SL_OK) {
        sl_rouge_add(r, "b", refs[0], lens[0], refs + 1, lens + 1, nref - 1);
        sl_rouge_add(r, "a", refs[nref - 1], lens[nref - 1], refs, lens, 1);
        sl_rouge_average(r, res, &n);
        if (sl_rouge_count(r))
            sl_rouge_instance(r, 0, res, &n);
        sl_rouge_free(r);
    }
    return 0;
}
