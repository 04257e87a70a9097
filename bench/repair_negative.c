/*
 * repair_negative.c (bench): real text that repair must leave alone.
 *
 *   build/bench/repair_negative FILE...
 *
 * Each FILE holds lines of real text in one language (run-mojibake.sh
 * takes them from the system's message translations); every line that is
 * valid UTF-8 goes through sl_repair_text with SL_REPAIR_ENCODING_ONLY, and
 * a line that comes out changed is a false repair.  Prints, per file, how
 * many lines changed, and the first few of them.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storyline.h"
#include "text/repair.h"
#include "util/buf.h"
#include "util/utf8.h"

int main(int argc, char **argv)
{
    sl_ctx *ctx = sl_ctx_new();
    size_t all = 0, all_changed = 0;
    int a;
    for (a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        char *line = NULL;
        size_t cap = 0, total = 0, changed = 0, shown = 0;
        ssize_t n;
        if (!f) {
            printf("%s: cannot open\n", argv[a]);
            continue;
        }
        while ((n = getline(&line, &cap, f)) > 0) {
            sl_buf out = SL_BUF_INIT;
            if (line[n - 1] == '\n')
                n--;
            if (sl_utf8_valid_prefix(line, (size_t)n) != (size_t)n)
                continue;
            total++;
            sl_repair_text(ctx, line, (size_t)n, SL_REPAIR_ENCODING_ONLY, &out, NULL);
            if (out.len != (size_t)n || memcmp(out.ptr, line, (size_t)n) != 0) {
                changed++;
                if (shown++ < 3)
                    printf("  changed: %.*s\n       to: %s\n", (int)n, line, out.ptr);
            }
            sl_buf_free(&out);
        }
        free(line);
        fclose(f);
        printf("%-28s %6zu of %6zu lines changed\n", argv[a], changed, total);
        all += total;
        all_changed += changed;
    }
    printf("%-28s %6zu of %6zu lines changed\n", "total", all_changed, all);
    sl_ctx_free(ctx);
    return 0;
}
