/*
 * schema_check: validates JSON files against a JSON Schema (the subset of
 * tests/schema_valid.c).
 *
 *   schema_check SCHEMA.json FILE...      ("-" reads standard input)
 *
 * Prints one line per invalid file, naming the first violation by its JSON
 * pointer; exits 0 when all are valid, 1 otherwise, 2 on misuse.  The spec
 * runner calls it on every `digest --format json` output of the suite.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema_valid.h"

static char *slurp(FILE *f, size_t *len)
{
    char *p = NULL;
    size_t n = 0, cap = 0, k;
    for (;;) {
        if (cap - n < 65536) {
            cap = cap ? cap * 2 : 65536;
            p = realloc(p, cap);
            if (!p) {
                fprintf(stderr, "schema_check: out of memory\n");
                exit(2);
            }
        }
        k = fread(p + n, 1, cap - n, f);
        if (k == 0)
            break;
        n += k;
    }
    *len = n;
    return p;
}

int main(int argc, char **argv)
{
    int i, bad = 0;
    if (argc < 3) {
        fprintf(stderr, "usage: schema_check SCHEMA.json FILE...\n");
        return 2;
    }
    for (i = 2; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
        char err[1024], *text;
        size_t len;
        int n;
        if (!f) {
            fprintf(stderr, "schema_check: %s: cannot open\n", argv[i]);
            bad = 1;
            continue;
        }
        text = slurp(f, &len);
        if (f != stdin)
            fclose(f);
        n = sv_validate_text(argv[1], text, len, err, sizeof(err));
        free(text);
        if (n < 0) {
            fprintf(stderr, "schema_check: %s\n", err);
            return 2;
        }
        if (n > 0) {
            printf("%s: invalid (%d violation%s): %s\n", argv[i], n, n == 1 ? "" : "s", err);
            bad = 1;
        }
    }
    return bad;
}
