/*
 * api.c: the public text-level calls (sl_repair, sl_split_sentences,
 * sl_tokenize, sl_vocab_str), thin wrappers over the stage modules.
 */
#include <stdlib.h>

#include "analysis/sentences.h"
#include "analysis/tokens.h"
#include "core/ctx.h"
#include "text/repair.h"
#include "util/buf.h"

int sl_repair(sl_ctx *ctx, const char *text, size_t len, unsigned flags, char **out, size_t *out_len)
{
    sl_buf dec = SL_BUF_INIT, rep = SL_BUF_INIT;
    if (!ctx || (!text && len) || !out)
        return SL_EINVAL;
    sl_decode_input(text ? text : "", len, &dec, NULL);
    if (flags & SL_OPT_AS_GIVEN) {
        rep = dec;
    } else {
        sl_repair_text(ctx, sl_buf_cstr(&dec), dec.len, 0, &rep, NULL);
        sl_buf_free(&dec);
    }
    if (out_len)
        *out_len = rep.len;
    *out = sl_buf_detach(&rep);
    return SL_OK;
}

int sl_split_sentences(sl_ctx *ctx, const char *text, size_t len, sl_span **spans, size_t *n)
{
    size_t cap = 0;
    if (!ctx || (!text && len) || !spans || !n)
        return SL_EINVAL;
    *spans = NULL;
    *n = 0;
    sl_sentences_split(ctx, text ? text : "", len, 0, spans, n, &cap);
    return SL_OK;
}

int sl_tokenize(sl_ctx *ctx, const char *text, size_t len, sl_token **toks, size_t *n)
{
    size_t cap = 0;
    if (!ctx || (!text && len) || !toks || !n)
        return SL_EINVAL;
    *toks = NULL;
    *n = 0;
    sl_tokens_scan(ctx, text ? text : "", len, 0, toks, n, &cap);
    return SL_OK;
}

const char *sl_vocab_str(const sl_ctx *ctx, unsigned id)
{
    return sl_intern_str(&ctx->vocab, id, NULL);
}
