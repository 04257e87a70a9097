/*
 * repair_speed.c (bench): throughput of sl_decode_input + sl_repair_text.
 *
 *   build/bench/repair_speed [DIR]   (DIR defaults to ../shared/data/multinews-dev)
 *
 * Texts: the clean English documents of DIR (doc*.txt, concatenated and
 * repeated to about 8 MB); the same text with every apostrophe, quote and
 * spaced hyphen curled (so nearly every line has punctuation to break),
 * then turned into Windows-1252 mojibake (its UTF-8 bytes read as cp1252,
 * as a browser would), or into GBK mojibake (its UTF-8 read as GBK,
 * dropping the bytes GBK cannot pair, as the seeds show).  The mojibake
 * texts are also repaired once and compared line by line with the curled
 * text ("round trip").
 * Each is timed over 7 runs; the median is reported in MB/s of input, next
 * to two baselines over the same bytes in the same run: memcpy, and a UTF-8
 * validation pass (sl_utf8_valid_prefix).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "storyline.h"
#include "text/repair.h"
#include "util/buf.h"
#include "util/utf8.h"

#define RUNS 7
#define TARGET ((size_t)8 << 20)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void read_into(const char *path, sl_buf *b)
{
    FILE *f = fopen(path, "rb");
    char tmp[65536];
    size_t k;
    if (!f)
        return;
    while ((k = fread(tmp, 1, sizeof(tmp), f)) > 0)
        sl_buf_put(b, tmp, k);
    fclose(f);
    sl_buf_putc(b, '\n');
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* All DIR/x/doc*.txt, in sorted order. */
static void read_corpus(const char *dir, sl_buf *b)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            names = realloc(names, cap * sizeof(*names));
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), cmp_str);
    for (i = 0; i < n; i++) {
        char path[4096];
        int k;
        for (k = 1; k <= 10; k++) {
            snprintf(path, sizeof(path), "%s/%s/doc%02d.txt", dir, names[i], k);
            read_into(path, b);
        }
        free(names[i]);
    }
    free(names);
}

static const unsigned short cp1252_hi[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static void to_cp1252_mojibake(const sl_buf *in, sl_buf *out)
{
    size_t i;
    for (i = 0; i < in->len; i++) {
        unsigned char c = (unsigned char)in->ptr[i];
        if (c < 0x80)
            sl_buf_putc(out, c);
        else
            sl_buf_put_cp(out, c < 0xA0 ? cp1252_hi[c - 0x80] : c);
    }
}

/* Curls straight quotes and spaced hyphens, so the text has the punctuation
 * GBK mangles. */
static void curl(const sl_buf *in, sl_buf *out)
{
    size_t i;
    for (i = 0; i < in->len; i++) {
        char c = in->ptr[i];
        char prev = i ? in->ptr[i - 1] : ' ';
        int opening = prev == ' ' || prev == '\n' || prev == '(' || prev == '[';
        if (c == '\'')
            sl_buf_puts(out, opening ? "\xE2\x80\x98" : "\xE2\x80\x99");
        else if (c == '"')
            sl_buf_puts(out, opening ? "\xE2\x80\x9C" : "\xE2\x80\x9D");
        else if (c == '-' && prev == ' ' && i + 1 < in->len && in->ptr[i + 1] == ' ')
            sl_buf_puts(out, "\xE2\x80\x94");
        else
            sl_buf_putc(out, c);
    }
}

static void to_gbk_mojibake(const sl_buf *in, sl_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", "GBK");
    size_t i = 0;
    while (i < in->len) {
        unsigned char c = (unsigned char)in->ptr[i];
        char ib[2], ob[8], *ip = ib, *op = ob;
        size_t il = 2, ol = sizeof(ob);
        if (c < 0x80) {
            sl_buf_putc(out, c);
            i++;
            continue;
        }
        if (i + 1 < in->len) {
            memcpy(ib, in->ptr + i, 2);
            iconv(cd, NULL, NULL, NULL, NULL);
            if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0) {
                sl_buf_put(out, ob, (size_t)(op - ob));
                i += 2;
                continue;
            }
        }
        i++; /* dropped, as the decoder of the seeds did */
    }
    iconv_close(cd);
}

static void repeat_to(const sl_buf *in, sl_buf *out)
{
    while (in->len && out->len < TARGET)
        sl_buf_put(out, in->ptr, in->len);
}

static volatile size_t sink;

static double time_repair(sl_ctx *ctx, const sl_buf *text)
{
    double t[RUNS];
    int r;
    for (r = 0; r < RUNS; r++) {
        sl_buf dec = SL_BUF_INIT, out = SL_BUF_INIT;
        double t0 = now();
        sl_decode_input(text->ptr, text->len, &dec, NULL);
        sl_repair_text(ctx, dec.ptr, dec.len, 0, &out, NULL);
        t[r] = now() - t0;
        sink += out.len;
        sl_buf_free(&dec);
        sl_buf_free(&out);
    }
    qsort(t, RUNS, sizeof(t[0]), cmp_d);
    return (double)text->len / 1e6 / t[RUNS / 2];
}

static double time_memcpy(const sl_buf *text)
{
    double t[RUNS];
    char *dst = malloc(text->len + 1);
    int r;
    for (r = 0; r < RUNS; r++) {
        double t0 = now();
        memcpy(dst, text->ptr, text->len);
        t[r] = now() - t0;
        sink += (unsigned char)dst[text->len / 2];
    }
    free(dst);
    qsort(t, RUNS, sizeof(t[0]), cmp_d);
    return (double)text->len / 1e6 / t[RUNS / 2];
}

static double time_validate(const sl_buf *text)
{
    double t[RUNS];
    int r;
    for (r = 0; r < RUNS; r++) {
        double t0 = now();
        sink += sl_utf8_valid_prefix(text->ptr, text->len);
        t[r] = now() - t0;
    }
    qsort(t, RUNS, sizeof(t[0]), cmp_d);
    return (double)text->len / 1e6 / t[RUNS / 2];
}

/* Lines of the repaired mojibake that equal the repaired original (so the
 * clean-up steps, such as dropping soft hyphens, apply to both), and a few
 * that do not. */
static void round_trip(sl_ctx *ctx, const char *name, const sl_buf *orig0, const sl_buf *moji)
{
    sl_buf dec = SL_BUF_INIT, out = SL_BUF_INIT, ref = SL_BUF_INIT;
    const sl_buf *orig = &ref;
    const char *a, *b, *ae, *be;
    size_t lines = 0, same = 0, shown = 0;
    sl_repair_text(ctx, orig0->ptr, orig0->len, 0, &ref, NULL);
    sl_decode_input(moji->ptr, moji->len, &dec, NULL);
    sl_repair_text(ctx, dec.ptr, dec.len, 0, &out, NULL);
    a = orig->ptr;
    ae = a + orig->len;
    b = out.ptr;
    be = b + out.len;
    while (a < ae && b < be) {
        const char *na = memchr(a, '\n', (size_t)(ae - a)), *nb = memchr(b, '\n', (size_t)(be - b));
        size_t la = na ? (size_t)(na - a) : (size_t)(ae - a), lb = nb ? (size_t)(nb - b) : (size_t)(be - b);
        lines++;
        if (la == lb && memcmp(a, b, la) == 0)
            same++;
        else if (shown++ < (getenv("BENCH_VERBOSE") ? 100000u : 8u)) {
            size_t d = 0, from;
            while (d < la && d < lb && a[d] == b[d])
                d++;
            from = d > 40 ? d - 40 : 0;
            while (from > 0 && ((unsigned char)a[from] & 0xC0) == 0x80)
                from--;
            printf("  %s differs:\n    want ...%.*s\n    got  ...%.*s\n", name,
                   (int)((la - from) > 90 ? 90 : la - from), a + from,
                   (int)((lb - from) > 90 ? 90 : lb - from), b + from);
        }
        a += la + 1;
        b += lb + 1;
    }
    printf("%-22s round trip: %zu of %zu lines restored exactly\n", name, same, lines);
    sl_buf_free(&ref);
    sl_buf_free(&dec);
    sl_buf_free(&out);
}

static void report(sl_ctx *ctx, const char *name, const sl_buf *text)
{
    double rep = time_repair(ctx, text), cpy = time_memcpy(text), val = time_validate(text);
    printf("%-22s %6.1f MB  repair %7.1f MB/s   memcpy %8.1f MB/s (x%.0f)   utf8-validate %7.1f MB/s (x%.1f)\n",
           name, (double)text->len / 1e6, rep, cpy, cpy / rep, val, val / rep);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/data/multinews-dev";
    sl_buf base = SL_BUF_INIT, clean = SL_BUF_INIT, m1252 = SL_BUF_INIT, curled = SL_BUF_INIT,
           mgbk = SL_BUF_INIT, t1 = SL_BUF_INIT, t2 = SL_BUF_INIT;
    sl_ctx *ctx;
    read_corpus(dir, &base);
    if (!base.len) {
        printf("repair_speed: %s absent, skipped\n", dir);
        return 0;
    }
    ctx = sl_ctx_new();
    repeat_to(&base, &clean);
    curl(&base, &curled);
    to_cp1252_mojibake(&curled, &t1);
    repeat_to(&t1, &m1252);
    to_gbk_mojibake(&curled, &t2);
    repeat_to(&t2, &mgbk);
    printf("median of %d runs; input %s (%.2f MB, repeated)\n", RUNS, dir, (double)base.len / 1e6);
    report(ctx, "clean English", &clean);
    report(ctx, "cp1252 mojibake", &m1252);
    report(ctx, "GBK mojibake", &mgbk);
    round_trip(ctx, "cp1252 mojibake", &curled, &t1);
    round_trip(ctx, "GBK mojibake", &curled, &t2);
    sl_ctx_free(ctx);
    sl_buf_free(&base);
    sl_buf_free(&clean);
    sl_buf_free(&m1252);
    sl_buf_free(&curled);
    sl_buf_free(&mgbk);
    sl_buf_free(&t1);
    sl_buf_free(&t2);
    return 0;
}
