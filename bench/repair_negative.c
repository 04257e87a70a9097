/*
 * repair_negative.c (bench): real text that repair must leave alone.
 *
 *   build/bench/repair_negative FILE...
 *
 * Each FILE holds lines of real text in one language (run-mojibake.sh
 * takes them from the system's message translations); every line that is
 * valid UTF-8 goes through sl_repair_text with SL_REPAIR_ENCODING_ONLY, and
 * a line that comes out changed is a false repair.  Prints, per file, how
 * many lines changed, and the first few of them.  Then each run of Chinese
 * or Japanese characters found (up to four of them) is also set inside six
 * English frames ("The company (X) said", "the brandX is", "2018X2019",
 * ...), the places where GBK mojibake sits, and counted the same way.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storyline.h"
#include "text/repair.h"
#include "util/buf.h"
#include "util/utf8.h"

static int cjk(uint32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

/* Repairs each English frame around the CJK word w[0..n); counts. */
static void frames(sl_ctx *ctx, const char *w, size_t n, size_t *total, size_t *changed)
{
    static const char *const fr[][2] = {
        {"The company (", ") said on Monday."}, {"Visit ", " Center today."},
        {"the brand", " is new"},               {"in 2018", "2019 sales"},
        {"\"", "\" means something"},          {"", ""}};
    size_t i;
    for (i = 0; i < sizeof(fr) / sizeof(fr[0]); i++) {
        sl_buf in = SL_BUF_INIT, out = SL_BUF_INIT;
        sl_buf_puts(&in, fr[i][0]);
        sl_buf_put(&in, w, n);
        sl_buf_puts(&in, fr[i][1]);
        sl_repair_text(ctx, in.ptr, in.len, SL_REPAIR_ENCODING_ONLY, &out, NULL);
        (*total)++;
        if (out.len != in.len || memcmp(out.ptr, in.ptr, in.len) != 0) {
            if ((*changed)++ < 3)
                printf("  changed: %s\n       to: %s\n", in.ptr, out.ptr);
        }
        sl_buf_free(&in);
        sl_buf_free(&out);
    }
}

/* Every run of CJK characters in s[0..n), cut to four. */
static void cjk_words(sl_ctx *ctx, const char *s, size_t n, size_t *total, size_t *changed)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = sl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        size_t a = i, end, count = 0;
        if (k < 0)
            return;
        if (!cjk(cp)) {
            i += (size_t)k;
            continue;
        }
        end = i;
        while (end < n && count < 4) {
            k = sl_utf8_decode((const unsigned char *)s + end, n - end, &cp);
            if (k < 0 || !cjk(cp))
                break;
            end += (size_t)k;
            count++;
        }
        frames(ctx, s + a, end - a, total, changed);
        i = end;
        while (i < n && (k = sl_utf8_decode((const unsigned char *)s + i, n - i, &cp)) > 0 && cjk(cp))
            i += (size_t)k;
    }
}

int main(int argc, char **argv)
{
    size_t words = 0, words_changed = 0;
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
            if (strncmp(argv[a], "zh", 2) == 0 || strncmp(argv[a], "ja", 2) == 0)
                cjk_words(ctx, line, (size_t)n, &words, &words_changed);
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
    printf("%-28s %6zu of %6zu changed\n", "CJK words in English frames", words_changed, words);
    sl_ctx_free(ctx);
    return 0;
}
