/*
 * fuzz_dates.c: libFuzzer target for the temporal tagger, the metadata date
 * parser, TimeML values, and the article-date rules.
 *
 * The first byte picks the document date the tagger gets (none, a day, a
 * week, a year); the rest is the text.  The same bytes go through
 * sl_parse_date and sl_tpoint_parse (which must never read past len), and,
 * split in two, become a two-article story for sl_corpus_infer_dates.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "analysis/dates.h"
#include "analysis/timex.h"
#include "storyline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    static const char *const dcts[] = {NULL, "2018-04-27", "2018-W30", "2019", "2018-12-31T23:59", "0001-01-01",
                                       "9999-12-31"};
    const char *text = (const char *)data;
    sl_timex *tx = NULL;
    size_t n = 0, i;
    sl_ymd v;
    sl_tpoint p;
    char out[64];
    if (!ctx)
        ctx = sl_ctx_new();
    if (size == 0)
        return 0;
    /* the tagger */
    if (sl_tag_dates(ctx, text + 1, size - 1, dcts[data[0] % (sizeof(dcts) / sizeof(dcts[0]))], &tx, &n) == 0) {
        for (i = 0; i < n; i++)
            if (tx[i].start > tx[i].end || tx[i].end > size - 1 || tx[i].value[sizeof(tx[i].value) - 1] != '\0')
                __builtin_trap();
        sl_free(tx);
    }
    /* the metadata parser and TimeML values, on bytes without a terminating NUL */
    if (sl_parse_date(text, size, &v) != SL_PREC_NONE && !sl_ymd_valid(v.y, v.m ? v.m : 1, v.d ? v.d : 1))
        __builtin_trap();
    if (sl_tpoint_parse(text, size, &p) == 0) {
        sl_tpoint q = p;
        sl_tpoint_format(&p, out, sizeof(out));
        sl_tpoint_truncate(&q, SL_PREC_WEEK);
        sl_tpoint_shift(&q, SL_PREC_MONTH, (long)size - 100);
        sl_tpoint_format(&q, out, sizeof(out));
    }
    /* the article-date rules over a story of two articles */
    if (size < 4096) {
        sl_corpus *c = sl_corpus_new(ctx);
        size_t half = size / 2;
        sl_corpus_add_buffer(ctx, c, "a.txt", text, half, NULL);
        sl_corpus_add_buffer(ctx, c, "b.txt", text + half, size - half, NULL);
        sl_corpus_infer_dates(ctx, c);
        if (data[0] & 1)
            sl_corpus_set_date(ctx, c, "2018-04-27");
        sl_corpus_free(c);
    }
    return 0;
}
