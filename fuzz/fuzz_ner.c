/*
 * fuzz_ner.c: the NER tagger on arbitrary bytes (sl_ner_tag), and alias
 * merging over the same bytes read as a document (sl_entities_new).
 * Checks that every mention is a non-empty range inside the input.
 */
#include <stdint.h>
#include <stdlib.h>

#include "storyline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    sl_mention *ms;
    size_t n, i;
    if (!ctx)
        ctx = sl_ctx_new();
    if (sl_ner_tag(ctx, (const char *)data, size, &ms, &n) == SL_OK) {
        for (i = 0; i < n; i++)
            if (ms[i].start >= ms[i].end || ms[i].end > size)
                abort();
        sl_free(ms);
    }
    if (size < 4096) {
        sl_corpus *c = sl_corpus_new(ctx);
        sl_entities *e;
        sl_corpus_add_buffer(ctx, c, "fuzz.txt", (const char *)data, size, NULL);
        e = sl_entities_new(ctx, c);
        if (e) {
            char *json;
            size_t len;
            if (sl_entities_json(e, c, &json, &len) == SL_OK)
                sl_free(json);
        }
        sl_entities_free(e);
        sl_corpus_free(c);
    }
    return 0;
}
