/*
 * utf8.c: UTF-8 decoding; see utf8.h.
 */
#include "util/utf8.h"

int sl_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    uint32_t v;
    int len, i;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2) {
        goto bad;
    } else if (c < 0xE0) {
        len = 2;
        v = c & 0x1F;
    } else if (c < 0xF0) {
        len = 3;
        v = c & 0x0F;
    } else if (c < 0xF5) {
        len = 4;
        v = c & 0x07;
    } else {
        goto bad;
    }
    if ((size_t)len > n)
        goto bad;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            goto bad;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
        (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
        goto bad;
    *cp = v;
    return len;
bad:
    *cp = c;
    return -1;
}

size_t sl_utf8_valid_prefix(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        k = sl_utf8_decode(u + i, n - i, &cp);
        if (k < 0)
            return i;
        i += (size_t)k;
    }
    return n;
}

int sl_utf8_cp_len(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

int sl_utf8_encode(uint32_t cp, char *out)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t sl_utf8_back(const char *s, size_t i)
{
    int k = 0;
    while (i > 0 && k < 3 && ((unsigned char)s[i] & 0xC0) == 0x80) {
        i--;
        k++;
    }
    return i;
}
