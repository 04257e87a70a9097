/*
 * ctx.c: contexts, error messages and the small shared services (see ctx.h).
 */
#include "core/ctx.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#ifndef SL_VERSION_STRING
#define SL_VERSION_STRING "0.0.0"
#endif

const char *sl_version(void)
{
    return SL_VERSION_STRING;
}

const char *sl_strerror(int code)
{
    switch (code) {
    case SL_OK: return "success";
    case SL_EINVAL: return "invalid argument";
    case SL_ENOENT: return "no such file or directory";
    case SL_EIO: return "input/output error";
    case SL_EFORMAT: return "malformed input";
    case SL_EBINARY: return "binary data, not text";
    case SL_ETOOBIG: return "input over the size limit";
    case SL_EEMPTY: return "no text in input";
    case SL_ELIMIT: return "input over a count or nesting limit";
    case SL_EPARTIAL: return "some inputs failed";
    case SL_EUNSUPPORTED: return "not supported";
    default: return "unknown error";
    }
}

void sl_free(void *p)
{
    free(p);
}

sl_ctx *sl_ctx_new(void)
{
    sl_ctx *ctx = calloc(1, sizeof(*ctx));
    if (!ctx)
        return NULL;
    strcpy(ctx->language, "english");
    sl_intern_init(&ctx->vocab);
    return ctx;
}

void sl_ctx_free(sl_ctx *ctx)
{
    size_t i;
    if (!ctx)
        return;
    /* Later resources may refer to earlier ones: free newest first. */
    for (i = ctx->nres; i-- > 0;)
        if (ctx->res[i].destroy)
            ctx->res[i].destroy(ctx->res[i].ptr);
    free(ctx->res);
    if (ctx->stemmer)
        sb_stemmer_delete(ctx->stemmer);
    sl_intern_free(&ctx->vocab);
    sl_buf_free(&ctx->err);
    free(ctx);
}

const char *sl_errmsg(const sl_ctx *ctx)
{
    return ctx ? sl_buf_cstr(&ctx->err) : "";
}

int sl_ctx_set_language(sl_ctx *ctx, const char *language)
{
    struct sb_stemmer *st;
    if (!ctx || !language || strlen(language) >= sizeof(ctx->language))
        return SL_EINVAL;
    st = sb_stemmer_new(language, "UTF_8");
    if (!st)
        return sl_fail(ctx, SL_EUNSUPPORTED, "no stemmer for language '%s'", language);
    if (ctx->stemmer)
        sb_stemmer_delete(ctx->stemmer);
    ctx->stemmer = st;
    strcpy(ctx->language, language);
    return SL_OK;
}

void sl_ctx_set_diag(sl_ctx *ctx, sl_diag_fn fn, void *user)
{
    ctx->diag = fn;
    ctx->diag_user = user;
}

void sl_ctx_set_progress(sl_ctx *ctx, sl_progress_fn fn, void *user)
{
    ctx->progress = fn;
    ctx->progress_user = user;
}

int sl_fail(sl_ctx *ctx, int code, const char *fmt, ...)
{
    va_list ap;
    if (!ctx)
        return code;
    sl_buf_clear(&ctx->err);
    va_start(ap, fmt);
    sl_buf_vprintf(&ctx->err, fmt, ap);
    va_end(ap);
    return code;
}

void sl_diag(sl_ctx *ctx, const char *input, int code, const char *fmt, ...)
{
    sl_buf msg = SL_BUF_INIT;
    va_list ap;
    if (!ctx->diag)
        return;
    va_start(ap, fmt);
    sl_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    ctx->diag(ctx->diag_user, input ? input : "-", code, sl_buf_cstr(&msg));
    sl_buf_free(&msg);
}

void *sl_ctx_resource(sl_ctx *ctx, const char *key, void *(*make)(sl_ctx *ctx),
                      void (*destroy)(void *ptr))
{
    size_t i;
    sl_resource r;
    for (i = 0; i < ctx->nres; i++)
        if (ctx->res[i].key == key || strcmp(ctx->res[i].key, key) == 0)
            return ctx->res[i].ptr;
    r.key = key;
    r.ptr = make(ctx);
    r.destroy = destroy;
    SL_PUSH(ctx->res, ctx->nres, ctx->cres, r);
    return r.ptr;
}

const char *sl_ctx_stem(sl_ctx *ctx, const char *word, size_t len, size_t *out_len)
{
    const sb_symbol *s;
    if (!ctx->stemmer)
        ctx->stemmer = sb_stemmer_new(ctx->language, "UTF_8");
    if (!ctx->stemmer || len > 512) {
        *out_len = len;
        return word;
    }
    s = sb_stemmer_stem(ctx->stemmer, (const sb_symbol *)word, (int)len);
    if (!s) {
        *out_len = len;
        return word;
    }
    *out_len = (size_t)sb_stemmer_length(ctx->stemmer);
    return (const char *)s;
}
