/*
 * data.h: the word lists, rules and models compiled in from data/.
 *
 * tools/datagen turns data/<name>.txt into bytes inside the library (comment
 * and blank lines dropped, one entry per line).  Modules read them through
 * these calls and build their own tables, usually once per context.
 */
#ifndef SL_CORE_DATA_H
#define SL_CORE_DATA_H

#include <stddef.h>

/* The bytes of data/NAME.txt (NAME "en/stopwords" for data/en/stopwords.txt),
 * lines separated by '\n', or NULL when there is no such file.  Static. */
const char *sl_data_get(const char *name, size_t *len);

/* Iterates over the lines of a data text: returns 1 and sets *line and *n for the
 * next line starting at *pos, or 0 at the end. */
int sl_data_next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *n);

#endif
