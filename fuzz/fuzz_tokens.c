/*
 * fuzz_tokens.c: libFuzzer target for the word tokenizer.
 *
 * On any bytes: tokens in order, not overlapping, within the text,
 * non-empty, never starting with ASCII white space, with exactly one of the
 * kinds word/number/punct, and vocabulary ids that resolve to strings.  The
 * context (and its growing vocabulary) is renewed every few thousand inputs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "storyline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    static unsigned runs;
    const char *t = (const char *)data;
    sl_token *tk = NULL;
    size_t n = 0, i;
    if (!ctx || ++runs % 4096 == 0) {
        sl_ctx_free(ctx);
        ctx = sl_ctx_new();
    }
    if (sl_tokenize(ctx, t, size, &tk, &n) != SL_OK)
        abort();
    for (i = 0; i < n; i++) {
        unsigned kind = tk[i].flags & (SL_TOK_WORD | SL_TOK_NUMBER | SL_TOK_PUNCT);
        unsigned char c;
        if (tk[i].start >= tk[i].end || tk[i].end > size)
            abort();
        if (i && tk[i - 1].end > tk[i].start)
            abort();
        c = (unsigned char)t[tk[i].start];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            abort();
        if (kind != SL_TOK_WORD && kind != SL_TOK_NUMBER && kind != SL_TOK_PUNCT)
            abort();
        if (!sl_vocab_str(ctx, tk[i].norm) || !sl_vocab_str(ctx, tk[i].stem))
            abort();
        if ((tk[i].flags & SL_TOK_WORD) && sl_vocab_str(ctx, tk[i].norm)[0] == '\0')
            abort();
    }
    sl_free(tk);
    return 0;
}
