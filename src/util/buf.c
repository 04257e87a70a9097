/*
 * buf.c: the growable byte buffer; see buf.h.
 */
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/utf8.h"

void sl_buf_grow(sl_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need < b->len)
        sl_oom();
    if (need > b->cap)
        b->ptr = sl_xgrow(b->ptr, &b->cap, need, 1);
}

void sl_buf_put(sl_buf *b, const char *s, size_t n)
{
    sl_buf_grow(b, n);
    if (n)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void sl_buf_puts(sl_buf *b, const char *s)
{
    sl_buf_put(b, s, strlen(s));
}

void sl_buf_put_cp(sl_buf *b, unsigned cp)
{
    char tmp[4];
    int n = sl_utf8_encode(cp, tmp);
    sl_buf_put(b, tmp, (size_t)n);
}

void sl_buf_vprintf(sl_buf *b, const char *fmt, va_list ap)
{
    /* Most messages fit a small stack buffer: format once there, and only
     * format again into the buffer when they do not. */
    char tmp[256];
    va_list ap2;
    int n;
    va_copy(ap2, ap);
    n = vsnprintf(tmp, sizeof(tmp), fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    if ((size_t)n < sizeof(tmp)) {
        sl_buf_put(b, tmp, (size_t)n);
        return;
    }
    sl_buf_grow(b, (size_t)n);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void sl_buf_printf(sl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sl_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void sl_buf_truncate(sl_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->ptr[len] = '\0';
    }
}

void sl_buf_clear(sl_buf *b)
{
    sl_buf_truncate(b, 0);
}

char *sl_buf_detach(sl_buf *b)
{
    char *p = b->ptr ? b->ptr : sl_xstrdup("");
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

void sl_buf_free(sl_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}

const char *sl_buf_cstr(const sl_buf *b)
{
    return b->ptr ? b->ptr : "";
}
