/*
 * mem.c: the allocation wrappers; see mem.h for the policy.
 */
#include "util/mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void sl_oom(void)
{
    fputs("storyline: out of memory\n", stderr);
    abort();
}

void *sl_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        sl_oom();
    return p;
}

void *sl_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        sl_oom();
    return p;
}

void *sl_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        sl_oom();
    return q;
}

/* Doubling keeps appends amortized O(1); the overflow checks keep a hostile
 * count from wrapping into a small allocation. */
void *sl_xgrow(void *p, size_t *cap, size_t need, size_t size)
{
    size_t c = *cap ? *cap : 8;
    if (need <= *cap)
        return p;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            sl_oom();
        c *= 2;
    }
    if (size && c > SIZE_MAX / size)
        sl_oom();
    p = sl_xrealloc(p, c * size);
    *cap = c;
    return p;
}

char *sl_xstrdup(const char *s)
{
    return sl_xstrndup(s, strlen(s));
}

char *sl_xstrndup(const char *s, size_t n)
{
    char *p = sl_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
