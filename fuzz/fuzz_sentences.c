/*
 * fuzz_sentences.c: libFuzzer target for the sentence splitter.
 *
 * Checks the guarantees of src/analysis/sentences.h on any bytes: spans in
 * order, not overlapping, within the text, non-empty, trimmed of ASCII white
 * space at both ends, and no non-space ASCII byte left outside every span;
 * and that a split with a base offset appends the same spans shifted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/sentences.h"
#include "storyline.h"

static int ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    const char *t = (const char *)data;
    sl_span *sp = NULL, *sp2 = NULL;
    size_t n = 0, n2 = 0, cap2 = 0, i, k, pos = 0;
    if (!ctx)
        ctx = sl_ctx_new();
    if (sl_split_sentences(ctx, t, size, &sp, &n) != SL_OK)
        abort();
    for (i = 0; i < n; i++) {
        if (sp[i].start >= sp[i].end || sp[i].end > size)
            abort();
        if (i && sp[i - 1].end > sp[i].start)
            abort();
        if (ascii_space((unsigned char)t[sp[i].start]) || ascii_space((unsigned char)t[sp[i].end - 1]))
            abort();
        for (k = pos; k < sp[i].start; k++)
            if ((unsigned char)t[k] < 0x80 && !ascii_space((unsigned char)t[k]))
                abort(); /* text dropped between sentences */
        pos = sp[i].end;
    }
    for (k = pos; k < size; k++)
        if ((unsigned char)t[k] < 0x80 && !ascii_space((unsigned char)t[k]))
            abort();
    /* appending with a base gives the same spans, shifted */
    sl_sentences_split(ctx, "Lead.", 5, 0, &sp2, &n2, &cap2);
    sl_sentences_split(ctx, t, size, 1000, &sp2, &n2, &cap2);
    if (n2 != n + 1)
        abort();
    for (i = 0; i < n; i++)
        if (sp2[i + 1].start != sp[i].start + 1000 || sp2[i + 1].end != sp[i].end + 1000)
            abort();
    free(sp2);
    sl_free(sp);
    return 0;
}
