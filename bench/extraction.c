/*
 * extraction.c: article-body extraction quality and speed on real pages.
 *
 *   extraction HTML_DIR GROUND_TRUTH.json [--runs N] [--worst N] [--dump ID] [--tsv FILE]
 *
 * HTML_DIR holds <id>.html (run-extraction.sh unpacks the benchmark's
 * .html.gz files there); GROUND_TRUTH maps each id to {"articleBody": ...}.
 *
 * The metric is scrapinghub/article-extraction-benchmark's evaluate.py:
 * tokens are runs of Unicode word characters (Python's \w: letters, digits,
 * numbers, underscore), shingles are 4-grams (a text of fewer tokens is one
 * shingle), true/false positives and false negatives are counted on the
 * shingle multisets and normalized per page; precision is averaged over the
 * pages where something was predicted, recall over the pages with a gold
 * body, and F1 is computed from the two averages.
 *
 * Two systems in the same run: sl_html_extract (the text of the BODY,
 * HEADING, ITEM and QUOTE blocks joined by newlines: the gold bodies hold no
 * headline and almost no captions) and the "all text of the page" baseline
 * (sl_html_page_text, like html-text).  Speed is the median of --runs passes
 * over all pages, parsing included.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "ingest/html.h"
#include "util/buf.h"
#include "util/mem.h"

typedef struct page {
    const char *id;
    char *html;
    size_t len;
    const char *gold;
} page;

typedef struct score {
    double tp, fp, fn;
} score;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *p = NULL;
    size_t n = 0, cap = 0, k;
    if (!f)
        return NULL;
    for (;;) {
        if (cap - n < 65536)
            p = sl_xgrow(p, &cap, n + 65536, 1);
        k = fread(p + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    fclose(f);
    *len = n;
    return p;
}

static int is_word_cp(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return cp == '_';
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The sorted hashes of the text's 4-gram shingles. */
static uint64_t *shingles(const char *s, size_t n, size_t *count)
{
    size_t *ts = NULL, *tl = NULL, nt = 0, ct = 0, cl = 0, i = 0, k;
    uint64_t *h = NULL;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        size_t start;
        if (r <= 0) {
            i++;
            continue;
        }
        if (!is_word_cp(cp)) {
            i += (size_t)r;
            continue;
        }
        start = i;
        while (i < n) {
            r = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (r <= 0 || !is_word_cp(cp))
                break;
            i += (size_t)r;
        }
        SL_PUSH(ts, nt, ct, start);
        nt--;
        SL_PUSH(tl, nt, cl, i - start);
    }
    *count = 0;
    if (nt) {
        size_t ng = nt >= 4 ? nt - 3 : 1;
        h = sl_xcalloc(ng, sizeof(*h));
        for (k = 0; k < ng; k++) {
            uint64_t x = 1469598103934665603ull;
            size_t j, e = k + 4 < nt ? k + 4 : nt;
            for (j = k; j < e; j++) {
                size_t b;
                for (b = 0; b < tl[j]; b++) {
                    x ^= (unsigned char)s[ts[j] + b];
                    x *= 1099511628211ull;
                }
                x ^= 0xff;
                x *= 1099511628211ull;
            }
            h[k] = x;
        }
        qsort(h, ng, sizeof(*h), cmp_u64);
        *count = ng;
    }
    free(ts);
    free(tl);
    return h;
}

static score match(const char *gold, const char *pred, size_t plen)
{
    size_t ng, np, i = 0, j = 0;
    uint64_t *g = shingles(gold, strlen(gold), &ng), *p = shingles(pred, plen, &np);
    score s = {0, 0, 0};
    double sum;
    while (i < ng || j < np) {
        if (j >= np || (i < ng && g[i] < p[j])) {
            s.fn++;
            i++;
        } else if (i >= ng || p[j] < g[i]) {
            s.fp++;
            j++;
        } else {
            s.tp++;
            i++;
            j++;
        }
    }
    sum = s.tp + s.fp + s.fn;
    if (sum > 0) {
        s.tp /= sum;
        s.fp /= sum;
        s.fn /= sum;
    }
    free(g);
    free(p);
    return s;
}

static double prec(score s)
{
    if (s.fp == 0 && s.fn == 0)
        return 1;
    if (s.tp == 0 && s.fp == 0)
        return 0;
    return s.tp / (s.tp + s.fp);
}

static double rec(score s)
{
    if (s.fp == 0 && s.fn == 0)
        return 1;
    if (s.tp == 0 && s.fn == 0)
        return 0;
    return s.tp / (s.tp + s.fn);
}

static double f1_of(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void totals(const score *s, size_t n, double *P, double *R)
{
    double sp = 0, sr = 0;
    size_t np = 0, nr = 0, i;
    for (i = 0; i < n; i++) {
        if (s[i].tp + s[i].fp > 0) {
            sp += prec(s[i]);
            np++;
        }
        if (s[i].tp + s[i].fn > 0) {
            sr += rec(s[i]);
            nr++;
        }
    }
    *P = np ? sp / np : 0;
    *R = nr ? sr / nr : 0;
}

static void body_text(const sl_html_doc *d, sl_buf *b)
{
    size_t i;
    for (i = 0; i < d->nblocks; i++) {
        sl_block_kind k = d->blocks[i].kind;
        if (k == SL_BLOCK_TITLE || k == SL_BLOCK_CAPTION)
            continue;
        sl_buf_put(b, d->blocks[i].text, d->blocks[i].len);
        sl_buf_putc(b, '\n');
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof(*v), cmp_dbl);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct worst {
    size_t i;
    double f;
} worst;

static int cmp_worst(const void *a, const void *b)
{
    double x = ((const worst *)a)->f, y = ((const worst *)b)->f;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    const char *dir, *gt_path, *dump = NULL, *tsv = NULL;
    int runs = 5, nworst = 12, a, r;
    json_t *gt;
    json_error_t err;
    const char *key;
    json_t *val;
    page *pages = NULL;
    size_t n = 0, cap = 0, i, bytes = 0;
    score *ours, *base;
    sl_ctx *ctx;
    double P, R, bP, bR, *t_ours, *t_base;
    worst *w;
    FILE *tf = NULL;
    size_t has_title = 0, has_date = 0, has_site = 0, has_url = 0, has_lang = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: extraction HTML_DIR GROUND_TRUTH.json [--runs N] [--worst N] [--dump ID] [--tsv FILE]\n");
        return 2;
    }
    dir = argv[1];
    gt_path = argv[2];
    for (a = 3; a + 1 < argc; a += 2) {
        if (strcmp(argv[a], "--runs") == 0)
            runs = atoi(argv[a + 1]);
        else if (strcmp(argv[a], "--worst") == 0)
            nworst = atoi(argv[a + 1]);
        else if (strcmp(argv[a], "--dump") == 0)
            dump = argv[a + 1];
        else if (strcmp(argv[a], "--tsv") == 0)
            tsv = argv[a + 1];
    }
    if (runs < 1)
        runs = 1;
    gt = json_load_file(gt_path, 0, &err);
    if (!gt) {
        fprintf(stderr, "extraction: %s: %s\n", gt_path, err.text);
        return 1;
    }
    ctx = sl_ctx_new();
    json_object_foreach(gt, key, val) {
        page p;
        sl_buf path = SL_BUF_INIT;
        if (dump && strcmp(key, dump) != 0)
            continue;
        sl_buf_printf(&path, "%s/%s.html", dir, key);
        p.id = key;
        p.html = read_file(sl_buf_cstr(&path), &p.len);
        p.gold = json_string_value(json_object_get(val, "articleBody"));
        if (!p.gold)
            p.gold = "";
        sl_buf_free(&path);
        if (!p.html) {
            fprintf(stderr, "extraction: %s: missing page\n", key);
            continue;
        }
        bytes += p.len;
        SL_PUSH(pages, n, cap, p);
    }
    if (!n) {
        fprintf(stderr, "extraction: no pages\n");
        return 1;
    }
    ours = sl_xcalloc(n, sizeof(*ours));
    base = sl_xcalloc(n, sizeof(*base));
    w = sl_xcalloc(n, sizeof(*w));
    if (tsv)
        tf = fopen(tsv, "w");
    for (i = 0; i < n; i++) {
        sl_html_doc d;
        sl_buf t = SL_BUF_INIT, b = SL_BUF_INIT;
        sl_html_extract(ctx, pages[i].html, pages[i].len, &d);
        body_text(&d, &t);
        has_title += d.title != NULL;
        has_date += d.date != NULL;
        has_site += d.site != NULL;
        has_url += d.url != NULL;
        has_lang += d.lang != NULL;
        sl_html_page_text(ctx, pages[i].html, pages[i].len, &b);
        ours[i] = match(pages[i].gold, sl_buf_cstr(&t), t.len);
        base[i] = match(pages[i].gold, sl_buf_cstr(&b), b.len);
        w[i].i = i;
        w[i].f = f1_of(prec(ours[i]), rec(ours[i]));
        if (dump) {
            size_t k;
            printf("title: %s\ndate: %s (%s)\nsite: %s\nurl: %s\nauthor: %s\nlang: %s\n",
                   d.title ? d.title : "-", d.date ? d.date : "-",
                   d.date_evidence ? d.date_evidence : "-", d.site ? d.site : "-",
                   d.url ? d.url : "-", d.author ? d.author : "-", d.lang ? d.lang : "-");
            for (k = 0; k < d.nblocks; k++)
                printf("[%s] %s\n", sl_block_kind_name(d.blocks[k].kind), d.blocks[k].text);
            printf("---- P %.3f R %.3f\n---- gold:\n%s\n", prec(ours[i]), rec(ours[i]), pages[i].gold);
        }
        if (tf)
            fprintf(tf, "%s\t%.3f\t%.3f\t%.3f\n", pages[i].id, prec(ours[i]), rec(ours[i]), w[i].f);
        sl_html_doc_free(&d);
        sl_buf_free(&t);
        sl_buf_free(&b);
    }
    if (tf)
        fclose(tf);
    if (dump)
        return 0;
    totals(ours, n, &P, &R);
    totals(base, n, &bP, &bR);
    printf("pages: %zu (%.1f MB of HTML)\n", n, (double)bytes / 1e6);
    printf("%-28s %9s %9s %9s\n", "system", "precision", "recall", "F1");
    printf("%-28s %9.3f %9.3f %9.3f\n", "storyline sl_html_extract", P, R, f1_of(P, R));
    printf("%-28s %9.3f %9.3f %9.3f\n", "baseline: all page text", bP, bR, f1_of(bP, bR));
    printf("metadata found: title %zu, date %zu, site %zu, url %zu, lang %zu of %zu pages\n", has_title,
           has_date, has_site, has_url, has_lang, n);
    qsort(w, n, sizeof(*w), cmp_worst);
    printf("worst pages (F1, P, R, id):\n");
    for (i = 0; i < n && (int)i < nworst; i++) {
        size_t k = w[i].i;
        printf("  %.3f %.3f %.3f %s\n", w[i].f, prec(ours[k]), rec(ours[k]), pages[k].id);
    }
    t_ours = sl_xcalloc((size_t)runs, sizeof(double));
    t_base = sl_xcalloc((size_t)runs, sizeof(double));
    for (r = 0; r < runs; r++) {
        double t0 = now();
        for (i = 0; i < n; i++) {
            sl_html_doc d;
            sl_html_extract(ctx, pages[i].html, pages[i].len, &d);
            sl_html_doc_free(&d);
        }
        t_ours[r] = now() - t0;
        t0 = now();
        for (i = 0; i < n; i++) {
            sl_buf b = SL_BUF_INIT;
            sl_html_page_text(ctx, pages[i].html, pages[i].len, &b);
            sl_buf_free(&b);
        }
        t_base[r] = now() - t0;
    }
    {
        double mo = median(t_ours, (size_t)runs), mb = median(t_base, (size_t)runs);
        printf("speed (median of %d runs):\n", runs);
        printf("  %-26s %8.1f pages/s %7.1f MB/s\n", "sl_html_extract", n / mo, bytes / 1e6 / mo);
        printf("  %-26s %8.1f pages/s %7.1f MB/s\n", "baseline: all page text", n / mb, bytes / 1e6 / mb);
        printf("  extraction takes %.2fx the time of the baseline\n", mo / mb);
    }
    for (i = 0; i < n; i++)
        free(pages[i].html);
    free(pages);
    free(ours);
    free(base);
    free(w);
    free(t_ours);
    free(t_base);
    sl_ctx_free(ctx);
    json_decref(gt);
    return 0;
}
