/*
 * fuzz_ingest.c: libFuzzer target over the readers and the whole text
 * pipeline: JSON, JSONL, Multi-News and plain text (HTML has its own
 * target).  The first byte picks the format, so the fuzzer explores each
 * reader with the rest.  Any bytes must give documents or diagnostics,
 * never a crash, a leak, or a document whose offsets leave its text.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *user, const char *input, int code, const char *msg)
{
    (void)user;
    (void)input;
    (void)code;
    (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = {"json", "jsonl", "multinews", "text", NULL};
    static sl_ctx *ctx;
    sl_ingest_opts o = SL_INGEST_OPTS_INIT;
    sl_corpus *c;
    size_t i, j;
    if (!size)
        return 0;
    if (!ctx) {
        ctx = sl_ctx_new();
        sl_ctx_set_diag(ctx, ignore, NULL);
    }
    o.format = formats[data[0] % 5];
    o.flags = data[0] & 0x80 ? SL_OPT_REPAIR_ONLY : 0;
    c = sl_corpus_new(ctx);
    sl_corpus_add_buffer(ctx, c, "fuzz.in", (const char *)data + 1, size - 1, &o);
    for (i = 0; i < sl_corpus_count(c); i++) {
        const sl_doc *d = sl_corpus_doc(c, i);
        size_t len;
        sl_doc_text(d, &len);
        for (j = 0; j < sl_doc_block_count(d); j++) {
            const sl_block *b = sl_doc_block(d, j);
            if (b->start > b->end || b->end > len)
                __builtin_trap();
        }
        for (j = 0; j < sl_doc_sentence_count(d); j++) {
            const sl_sentence *s = sl_doc_sentence(d, j);
            if (s->start > s->end || s->end > len)
                __builtin_trap();
        }
    }
    sl_corpus_free(c);
    return 0;
}
