/*
 * unit.h: what every cmocka unit test includes.
 */
#ifndef SL_TESTS_UNIT_H
#define SL_TESTS_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "storyline.h"

#include <stdio.h>
#include <stdlib.h>

/* Reads a file into memory (NUL-terminated); NULL when absent, so tests of
 * optional data (../shared) can skip.  Caller frees. */
static inline char *unit_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *p = NULL;
    size_t n = 0, cap = 0, k;
    if (!f)
        return NULL;
    for (;;) {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 65536;
            p = realloc(p, cap + 1);
            if (!p)
                abort();
        }
        k = fread(p + n, 1, cap - n, f);
        if (k == 0)
            break;
        n += k;
    }
    fclose(f);
    p[n] = '\0';
    if (len)
        *len = n;
    return p;
}

#endif
