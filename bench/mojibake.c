/*
 * mojibake.c (bench): ftfy's test cases against storyline's repair.
 *
 *   build/bench/mojibake [DIR]      (DIR defaults to ../shared/data/mojibake)
 *
 * Each case of DIR/{synthetic,in-the-wild,negative,language-names}.json is
 * run through sl_repair_text with SL_REPAIR_ENCODING_ONLY and compared with
 * "fixed-encoding", or "fixed" when absent: exactly ftfy's own test of
 * fix_encoding (its fix_text adds transforms such as un-curling quotes that
 * storyline does not make).  known-failures.json (cases ftfy itself fails)
 * is reported apart: how many of them storyline happens to fix.
 * Prints one line per file and each failing case; exit status 0.
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storyline.h"
#include "text/repair.h"

static void put_repr(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    putchar('"');
    for (; *u; u++) {
        if (*u < 0x20 || *u == 0x7F)
            printf("\\x%02x", *u);
        else if (*u == 0xC2 && u[1] >= 0x80 && u[1] <= 0xA0) {
            printf("\\u%04x", u[1]);
            u++;
        } else if (*u == '"' || *u == '\\')
            printf("\\%c", *u);
        else
            putchar(*u);
    }
    putchar('"');
}

/* s with curly quotes made straight (ftfy's uncurl_quotes, which its
 * "fixed" includes and storyline never does), in place. */
static void uncurl(char *s)
{
    char *w = s;
    while (*s) {
        if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            (unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9F) {
            *w++ = (unsigned char)s[2] >= 0x9C ? '"' : '\'';
            s += 3;
        } else {
            *w++ = *s++;
        }
    }
    *w = '\0';
}

static int run_file(sl_ctx *ctx, const char *dir, const char *name, int known, int *total_pass,
                    int *total)
{
    char path[4096];
    json_error_t err;
    json_t *root;
    size_t i, n, pass = 0, loose = 0, full_pass = 0;
    snprintf(path, sizeof(path), "%s/%s.json", dir, name);
    root = json_load_file(path, 0, &err);
    if (!root || !json_is_array(root)) {
        printf("%-16s cannot read %s: %s\n", name, path, err.text);
        json_decref(root);
        return -1;
    }
    n = json_array_size(root);
    for (i = 0; i < n; i++) {
        json_t *c = json_array_get(root, i);
        const char *orig = json_string_value(json_object_get(c, "original"));
        json_t *fe = json_object_get(c, "fixed-encoding");
        const char *want = json_string_value(fe ? fe : json_object_get(c, "fixed"));
        const char *label = json_string_value(json_object_get(c, "label"));
        sl_buf out = SL_BUF_INIT;
        if (!orig || !want)
            continue;
        sl_repair_text(ctx, orig, strlen(orig), SL_REPAIR_ENCODING_ONLY, &out, NULL);
        if (strcmp(sl_buf_cstr(&out), want) == 0) {
            pass++;
            if (known)
                printf("  fixed known failure: %s\n", label ? label : "");
        } else if (known) {
            /* ftfy's expectation there is fix_text's: compare without quote style */
            char *a = strdup(sl_buf_cstr(&out)), *b = strdup(want);
            uncurl(a);
            uncurl(b);
            if (strcmp(a, b) == 0) {
                loose++;
                printf("  fixed known failure but for curly quotes: %s\n", label ? label : "");
            }
            free(a);
            free(b);
        } else {
            printf("  FAIL %s: %s\n    original ", name, label ? label : "");
            put_repr(orig);
            printf("\n    expected ");
            put_repr(want);
            printf("\n    got      ");
            put_repr(sl_buf_cstr(&out));
            printf("\n");
        }
        if (!known) {
            /* the full repair against ftfy's fix_text, quote style aside */
            const char *fixed = json_string_value(json_object_get(c, "fixed"));
            sl_buf full = SL_BUF_INIT;
            char *a, *b;
            sl_repair_text(ctx, orig, strlen(orig), 0, &full, NULL);
            a = strdup(sl_buf_cstr(&full));
            b = strdup(fixed ? fixed : want);
            uncurl(a);
            uncurl(b);
            if (strcmp(a, b) == 0)
                full_pass++;
            else if (getenv("BENCH_VERBOSE"))
                printf("  full repair differs from fix_text: %s\n    got  %s\n    want %s\n", label, a, b);
            free(a);
            free(b);
            sl_buf_free(&full);
        }
        sl_buf_free(&out);
    }
    if (known)
        printf("%-16s %zu of %zu fixed, %zu more but for curly quotes (ftfy fails all)\n", name, pass,
               n, loose);
    else
        printf("%-16s %zu of %zu pass   (full repair = fix_text but quote style: %zu)\n", name, pass,
               n, full_pass);
    if (!known) {
        *total_pass += (int)pass;
        *total += (int)n;
    }
    json_decref(root);
    return 0;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/data/mojibake";
    static const char *const files[] = {"synthetic", "in-the-wild", "negative", "language-names"};
    sl_ctx *ctx;
    size_t i;
    int pass = 0, total = 0;
    FILE *f;
    char probe[4096];
    snprintf(probe, sizeof(probe), "%s/synthetic.json", dir);
    if (!(f = fopen(probe, "r"))) {
        printf("mojibake: %s absent, skipped\n", dir);
        return 0;
    }
    fclose(f);
    ctx = sl_ctx_new();
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        run_file(ctx, dir, files[i], 0, &pass, &total);
    run_file(ctx, dir, "known-failures", 1, &pass, &total);
    printf("total            %d of %d pass\n", pass, total);
    sl_ctx_free(ctx);
    return 0;
}
