/*
 * mem.h: allocation that never returns NULL.
 *
 * Out-of-memory is not a recoverable condition for storyline (as in cmark and
 * Redis's zmalloc): the wrappers print one line and abort.  Oversized input is
 * caught up front against documented caps, so it never reaches this path.
 */
#ifndef SL_UTIL_MEM_H
#define SL_UTIL_MEM_H

#include <stddef.h>

/* The wrappers never return NULL; saying so lets the static analyzer (make
 * lint) follow arrays grown through them. */
#if defined(__GNUC__)
#define SL_NONNULL_RET __attribute__((returns_nonnull))
#else
#define SL_NONNULL_RET
#endif

SL_NONNULL_RET void *sl_xmalloc(size_t n);
SL_NONNULL_RET void *sl_xcalloc(size_t count, size_t size);
SL_NONNULL_RET void *sl_xrealloc(void *p, size_t n);
/* Grows an array of `*cap` items of `size` bytes so that it holds `need`. */
SL_NONNULL_RET void *sl_xgrow(void *p, size_t *cap, size_t need, size_t size);
SL_NONNULL_RET char *sl_xstrdup(const char *s);
SL_NONNULL_RET char *sl_xstrndup(const char *s, size_t n);
/* Aborts with a message; used when a size computation would overflow. */
_Noreturn void sl_oom(void);

/* Appends one item to a (ptr, n, cap) triple, growing it as needed. */
#define SL_PUSH(arr, n, cap, item)                                              \
    do {                                                                        \
        if ((n) >= (cap))                                                       \
            (arr) = sl_xgrow((arr), &(cap), (n) + 1, sizeof(*(arr)));           \
        (arr)[(n)++] = (item);                                                  \
    } while (0)

#endif
