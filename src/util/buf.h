/*
 * buf.h: the owning, growable byte buffer (cmark's cmark_strbuf, Redis's sds).
 *
 * Invariant: once anything has been put, ptr[len] == '\0', so the contents can
 * be handed to C string functions; the text itself may contain NUL bytes.
 * A zeroed sl_buf is a valid empty buffer.
 */
#ifndef SL_UTIL_BUF_H
#define SL_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct sl_buf {
    char *ptr;  /* NULL until the first put */
    size_t len; /* bytes used, not counting the terminating NUL */
    size_t cap; /* bytes allocated */
} sl_buf;

#define SL_BUF_INIT {NULL, 0, 0}

void sl_buf_grow(sl_buf *b, size_t extra);
void sl_buf_put(sl_buf *b, const char *s, size_t n);
void sl_buf_puts(sl_buf *b, const char *s);
/* Appends one byte; inline because decoders and folders call it per byte. */
static inline void sl_buf_putc(sl_buf *b, int c)
{
    if (b->len + 2 > b->cap)
        sl_buf_grow(b, 1);
    b->ptr[b->len++] = (char)c;
    b->ptr[b->len] = '\0';
}
/* Appends a code point as UTF-8 (invalid ones become U+FFFD). */
void sl_buf_put_cp(sl_buf *b, unsigned cp);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void sl_buf_printf(sl_buf *b, const char *fmt, ...);
void sl_buf_vprintf(sl_buf *b, const char *fmt, va_list ap);
void sl_buf_truncate(sl_buf *b, size_t len);
void sl_buf_clear(sl_buf *b);
/* Returns the contents (caller frees; never NULL) and resets the buffer. */
char *sl_buf_detach(sl_buf *b);
void sl_buf_free(sl_buf *b);
/* The contents as a C string ("" when empty); valid until the next change. */
const char *sl_buf_cstr(const sl_buf *b);

#endif
