/*
 * ranges.h: sets of code points read from the data files of repair.
 *
 * The files under data/repair/ name characters as "CLASS FIRST[-LAST] ..." lines:
 * hex code points, ranges with '-', the rest after '#' a note for people.
 * A range set keeps the ranges of the classes a module asks for, each with
 * the bit of its class, and answers which classes a character is in.
 */
#ifndef SL_TEXT_RANGES_H
#define SL_TEXT_RANGES_H

#include <stddef.h>
#include <stdint.h>

typedef struct sl_range {
    uint32_t lo, hi; /* inclusive */
    unsigned bits;   /* 1 << index of its class */
} sl_range;

typedef struct sl_ranges {
    sl_range *r;   /* sorted by lo */
    size_t n, cap;
    uint32_t maxw; /* the widest range's hi - lo */
} sl_ranges;

/* Parses "XXXX" or "XXXX-YYYY" at *p (hex, at most U+10FFFF); advances *p.
 * Returns 0 when there is none. */
int sl_hex_range(const char **p, const char *end, uint32_t *lo, uint32_t *hi);

/* Adds the ranges of data file `name` whose class is names[i] (bit i);
 * lines of other classes are skipped. */
void sl_ranges_load(sl_ranges *rs, const char *name, const char *const *names, int nnames);

/* The bits of the classes cp belongs to (0 for none). */
unsigned sl_ranges_get(const sl_ranges *rs, uint32_t cp);

void sl_ranges_free(sl_ranges *rs);

#endif
