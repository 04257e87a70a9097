/*
 * fuzz_timeline.c: libFuzzer target for the story's timeline and the
 * digest's document dates (src/story/timeline.c) with its three renderings.
 *
 * The first byte picks a date for the first article (none, a day, a week, a
 * year) and whether --date overrides every article; the rest, split in
 * three, becomes three articles of one story.  Every entry must be well
 * formed: a parseable date, its days in order, sources in range and
 * ascending.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "analysis/dates.h"
#include "storyline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    static const char *const dates[] = {NULL, "2018-04-27", "2018-W30", "2019", "0001-01-01", "9999-12-31"};
    static const char *const formats[] = {"json", "text", "md"};
    const char *text = (const char *)data + 1, *date;
    sl_corpus *c;
    sl_digest *d = NULL;
    sl_digest_opts o = SL_DIGEST_OPTS_INIT;
    size_t len, third, i, k;
    char head[64];
    if (!ctx)
        ctx = sl_ctx_new();
    if (size == 0 || size > 8192)
        return 0;
    len = size - 1;
    third = len / 3;
    date = dates[(data[0] & 0x7f) % (sizeof(dates) / sizeof(dates[0]))];
    c = sl_corpus_new(ctx);
    if (date) {
        /* the first article dated by a dateline it carries */
        snprintf(head, sizeof(head), "%s\n", date);
    } else {
        head[0] = '\0';
    }
    {
        char buf[8192 + 64];
        size_t hl = strlen(head);
        memcpy(buf, head, hl);
        memcpy(buf + hl, text, third);
        sl_corpus_add_buffer(ctx, c, "a.txt", buf, hl + third, NULL);
    }
    sl_corpus_add_buffer(ctx, c, "b.txt", text + third, third, NULL);
    sl_corpus_add_buffer(ctx, c, "c.txt", text + 2 * third, len - 2 * third, NULL);
    if (data[0] & 0x80)
        o.date = "2018-04-27";
    if (sl_digest_new(ctx, c, &o, &d) == SL_OK) {
        for (i = 0; i < sl_digest_timeline_count(d); i++) {
            sl_timeline_entry e;
            sl_tpoint p;
            long f, l;
            if (sl_digest_timeline_entry(d, i, &e) != SL_OK || !e.text || !e.ndocs)
                __builtin_trap();
            if (sl_tpoint_parse(e.date, strlen(e.date), &p) < 0 || sl_tpoint_days(&p, &f, &l) < 0 || f > l)
                __builtin_trap();
            for (k = 0; k < e.ndocs; k++)
                if (e.docs[k] >= sl_corpus_count(c) || (k && e.docs[k] <= e.docs[k - 1]))
                    __builtin_trap();
        }
        for (i = 0; i < 3; i++) {
            char *out = NULL;
            size_t n = 0;
            if (sl_digest_render(d, formats[i], NULL, &out, &n) == SL_OK)
                sl_free(out);
        }
        sl_digest_free(d);
    }
    sl_corpus_free(c);
    return 0;
}
