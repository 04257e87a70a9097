/*
 * cps.h: a growable array of code points, the working form of one line
 * while repair.c and mojibake.c take it apart and put it back together.
 *
 * Invariant: v[0..n) are Unicode scalar values (no surrogates, <= 0x10FFFF).
 * A zeroed sl_cps is a valid empty array.
 */
#ifndef SL_TEXT_CPS_H
#define SL_TEXT_CPS_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

typedef struct sl_cps {
    uint32_t *v; /* the code points */
    size_t n;    /* used */
    size_t cap;  /* allocated */
} sl_cps;

static inline void sl_cps_reserve(sl_cps *c, size_t extra)
{
    if (c->n + extra > c->cap)
        c->v = sl_xgrow(c->v, &c->cap, c->n + extra, sizeof(*c->v));
}

static inline void sl_cps_push(sl_cps *c, uint32_t cp)
{
    if (c->n >= c->cap)
        c->v = sl_xgrow(c->v, &c->cap, c->n + 1, sizeof(*c->v));
    c->v[c->n++] = cp;
}

static inline void sl_cps_append(sl_cps *c, const uint32_t *v, size_t n)
{
    sl_cps_reserve(c, n);
    if (n)
        memcpy(c->v + c->n, v, n * sizeof(*v));
    c->n += n;
}

static inline int sl_cps_equal(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    return an == bn && (an == 0 || memcmp(a, b, an * sizeof(*a)) == 0);
}

static inline void sl_cps_swap(sl_cps *a, sl_cps *b)
{
    sl_cps t = *a;
    *a = *b;
    *b = t;
}

static inline void sl_cps_free(sl_cps *c)
{
    free(c->v);
    memset(c, 0, sizeof(*c));
}

/* Appends the UTF-8 form of v[0..n) to out. */
static inline void sl_cps_to_utf8(const uint32_t *v, size_t n, sl_buf *out)
{
    size_t i;
    sl_buf_grow(out, n * 4);
    for (i = 0; i < n; i++) {
        if (v[i] < 0x80)
            out->ptr[out->len++] = (char)v[i];
        else
            out->len += (size_t)sl_utf8_encode(v[i], out->ptr + out->len);
    }
    out->ptr[out->len] = '\0';
}

#endif
