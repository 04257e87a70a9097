/*
 * data.c: serves the tables generated from data/ (see data.h).
 */
#include "core/data.h"

#include <string.h>

#include "sl_data.inc"

const char *sl_data_get(const char *name, size_t *len)
{
    const struct sl_data_file *f;
    for (f = sl_data_files; f->name; f++) {
        if (strcmp(f->name, name) == 0) {
            if (len)
                *len = f->len;
            return (const char *)f->bytes;
        }
    }
    if (len)
        *len = 0;
    return NULL;
}

int sl_data_next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *n)
{
    size_t p = *pos, e;
    if (!text || p >= len)
        return 0;
    e = p;
    while (e < len && text[e] != '\n')
        e++;
    *line = text + p;
    *n = e - p;
    *pos = e < len ? e + 1 : e;
    return 1;
}
