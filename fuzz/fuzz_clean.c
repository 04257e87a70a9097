/*
 * fuzz_clean.c: libFuzzer target over the cleaner: sl_paragraphs_from_text
 * and sl_clean_paras on any text (made valid UTF-8 first, as the pipeline
 * does), and the rule matcher on any pattern and line.  Any input must give
 * a result without crashing, leaking or running long, and the result must
 * be well formed: blocks in order, inside the text, separated by one blank
 * line, without line breaks.  Seeds are in fuzz/corpus/clean/.
 *
 * The first byte picks the mode: bit 0 the matcher (pattern up to the first
 * newline, the rest the line), bit 1 SL_OPT_REPAIR_ONLY, bit 2 a known title.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/clean.h"
#include "text/cleanrules.h"
#include "text/repair.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const sl_cleaned *c)
{
    size_t i, prev = 0;
    for (i = 0; i < c->nblocks; i++) {
        const sl_block *b = &c->blocks[i];
        if (b->start >= b->end || b->end > c->text.len || (i > 0 && b->start != prev + 2))
            __builtin_trap();
        if (i > 0 && memcmp(c->text.ptr + prev, "\n\n", 2) != 0)
            __builtin_trap();
        if (memchr(c->text.ptr + b->start, '\n', b->end - b->start))
            __builtin_trap();
        prev = b->end;
    }
    if (prev != c->text.len)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    static sl_cleanrules *rules;
    sl_buf text = SL_BUF_INIT;
    sl_para *p = NULL;
    size_t n = 0;
    sl_cleaned c;
    sl_editlog log;
    unsigned mode;
    if (!ctx) {
        ctx = sl_ctx_new();
        rules = sl_cleanrules_new();
        (void)sl_cleanrules_load_default(rules, NULL);
    }
    if (size == 0)
        return 0;
    mode = data[0];
    sl_decode_input((const char *)data + 1, size - 1, &text, NULL);
    if (mode & 1) {
        const char *s = sl_buf_cstr(&text), *nl = memchr(s, '\n', text.len);
        if (nl) {
            char pat[256];
            size_t pl = (size_t)(nl - s), ka, kb;
            if (pl < sizeof(pat)) {
                memcpy(pat, s, pl);
                pat[pl] = '\0';
                if (sl_pattern_match(rules, pat, nl + 1, text.len - pl - 1, &ka, &kb) == 1 &&
                    (ka > kb || kb > text.len - pl - 1))
                    __builtin_trap();
            }
        }
    }
    memset(&log, 0, sizeof(log));
    log.max = 2000;
    sl_paragraphs_from_text(sl_buf_cstr(&text), text.len, &p, &n);
    sl_clean_paras(ctx, p, n, 1, (mode & 4) && n ? "Storm Hits Coast" : NULL,
                   (mode & 2) ? SL_OPT_REPAIR_ONLY : 0, &c, &log);
    check(&c);
    sl_cleaned_free(&c);
    sl_editlog_free(&log);
    free(p);
    sl_buf_free(&text);
    return 0;
}
