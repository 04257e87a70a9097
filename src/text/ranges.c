/*
 * ranges.c: code point sets from data files (see ranges.h).
 *
 * The sets are small (tens of ranges): a lookup finds by binary search the
 * last range starting at or below the character and walks back while a
 * range could still reach it (none is wider than maxw), so overlapping
 * classes (a kana is both "cjk" and "hanzi") need nothing special.
 */
#include "text/ranges.h"

#include <stdlib.h>
#include <string.h>

#include "core/data.h"
#include "util/mem.h"

static int parse_hex(const char **p, const char *end, uint32_t *out)
{
    uint32_t v = 0;
    int nd = 0;
    while (*p < end && nd < 7) {
        char c = **p;
        int d = c >= '0' && c <= '9'                   ? c - '0'
                : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                         : -1;
        if (d < 0)
            break;
        v = v * 16 + (uint32_t)d;
        (*p)++;
        nd++;
    }
    *out = v;
    return nd > 0 && v <= 0x10FFFF;
}

int sl_hex_range(const char **p, const char *end, uint32_t *lo, uint32_t *hi)
{
    while (*p < end && (**p == ' ' || **p == '\t'))
        (*p)++;
    if (*p >= end || **p == '#' || !parse_hex(p, end, lo))
        return 0;
    *hi = *lo;
    if (*p < end && **p == '-') {
        (*p)++;
        if (!parse_hex(p, end, hi) || *hi < *lo)
            return 0;
    }
    return 1;
}

static int cmp_range(const void *a, const void *b)
{
    uint32_t x = ((const sl_range *)a)->lo, y = ((const sl_range *)b)->lo;
    return x < y ? -1 : x > y;
}

void sl_ranges_load(sl_ranges *rs, const char *name, const char *const *names, int nnames)
{
    size_t len, pos = 0, n;
    const char *text = sl_data_get(name, &len), *line;
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        const char *p = line, *end = line + n;
        uint32_t lo, hi;
        int i;
        while (p < end && *p != ' ' && *p != '\t')
            p++;
        for (i = 0; i < nnames; i++)
            if (strlen(names[i]) == (size_t)(p - line) && memcmp(names[i], line, (size_t)(p - line)) == 0)
                break;
        if (i == nnames)
            continue;
        while (sl_hex_range(&p, end, &lo, &hi)) {
            sl_range r;
            r.lo = lo;
            r.hi = hi;
            r.bits = 1u << i;
            if (hi - lo > rs->maxw)
                rs->maxw = hi - lo;
            SL_PUSH(rs->r, rs->n, rs->cap, r);
        }
    }
    if (rs->n)
        qsort(rs->r, rs->n, sizeof(*rs->r), cmp_range);
}

unsigned sl_ranges_get(const sl_ranges *rs, uint32_t cp)
{
    size_t lo = 0, hi = rs->n, i;
    unsigned bits = 0;
    while (lo < hi) { /* the first range starting above cp */
        size_t mid = (lo + hi) / 2;
        if (rs->r[mid].lo <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = lo; i-- > 0;) {
        if (rs->r[i].hi >= cp)
            bits |= rs->r[i].bits;
        if (cp - rs->r[i].lo > rs->maxw)
            break; /* this and all before end below cp */
    }
    return bits;
}

void sl_ranges_free(sl_ranges *rs)
{
    free(rs->r);
    memset(rs, 0, sizeof(*rs));
}
