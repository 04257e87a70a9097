/*
 * fuzz_html.c: libFuzzer target over sl_html_extract and the page-text
 * reader: any bytes must give a result (or an error code) without crashing,
 * leaking or running long.  Seeds are in fuzz/corpus/html/.
 */
#include <stddef.h>
#include <stdint.h>

#include "ingest/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    sl_html_doc d;
    sl_buf b = SL_BUF_INIT;
    size_t i, total = 0;
    if (!ctx)
        ctx = sl_ctx_new();
    if (sl_html_extract(ctx, (const char *)data, size, &d) == SL_OK) {
        /* every block is non-empty, NUL-terminated at its length */
        for (i = 0; i < d.nblocks; i++) {
            if (!d.blocks[i].len || d.blocks[i].text[d.blocks[i].len] != '\0')
                __builtin_trap();
            total += d.blocks[i].len;
        }
    }
    (void)total;
    sl_html_doc_free(&d);
    sl_html_page_text(ctx, (const char *)data, size, &b);
    sl_buf_free(&b);
    return 0;
}
