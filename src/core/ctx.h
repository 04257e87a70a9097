/*
 * ctx.h: the context every library call works in (internal view).
 *
 * A context holds the last error message, the diagnostics and progress
 * callbacks, the language resources (stemmer, word lists) and the interning
 * vocabulary shared by tokens, summaries and entities.  Nothing here is
 * global: the service runs one context per worker.
 *
 * Stage modules keep their lazily built tables (abbreviation sets, rule
 * lists, models) as named resources on the context, so adding a stage never
 * touches this struct: see sl_ctx_resource().
 */
#ifndef SL_CORE_CTX_H
#define SL_CORE_CTX_H

#include <stdarg.h>

#include "storyline.h"
#include "util/buf.h"
#include "util/intern.h"

struct sb_stemmer;

typedef struct sl_resource {
    const char *key;            /* static string naming the resource */
    void *ptr;                  /* what make() built */
    void (*destroy)(void *ptr); /* frees it with the context */
} sl_resource;

struct sl_ctx {
    sl_buf err;                 /* last error message */
    sl_diag_fn diag;            /* diagnostics callback or NULL */
    void *diag_user;
    sl_progress_fn progress;    /* progress callback or NULL */
    void *progress_user;
    char language[32];          /* Snowball algorithm name, e.g. "english" */
    struct sb_stemmer *stemmer; /* created lazily for `language` */
    sl_intern vocab;            /* words, stems and other interned strings */
    sl_resource *res;           /* lazily built tables of the stages */
    size_t nres, cres;
};

/* Sets the error message and returns `code`, so callers can write
 * `return sl_fail(ctx, SL_EFORMAT, "%s: ...", name);`. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
int sl_fail(sl_ctx *ctx, int code, const char *fmt, ...);

/* Reports a problem with one input through the diagnostics callback. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
void sl_diag(sl_ctx *ctx, const char *input, int code, const char *fmt, ...);

/* Returns the resource named `key`, building it with make(ctx) on first use.
 * `key` must be a string with static storage.  The resource lives as long as
 * the context and is freed with destroy (which may be NULL). */
void *sl_ctx_resource(sl_ctx *ctx, const char *key, void *(*make)(sl_ctx *ctx),
                      void (*destroy)(void *ptr));

/* Stems a case-folded word with the context's stemmer; returns a pointer
 * valid until the next call (libstemmer's rule), or the word itself when no
 * stemmer is available. */
const char *sl_ctx_stem(sl_ctx *ctx, const char *word, size_t len, size_t *out_len);

#endif
