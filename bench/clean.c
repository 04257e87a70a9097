/*
 * bench/clean.c: what the debris cleaner removes from real scraped articles,
 * rule by rule, and what it costs.
 *
 *   clean DIR [--samples N] [--runs K] [--rule NAME] [--all]
 *
 * Reads every DIR/<cluster>/doc*.txt (../shared/data/multinews-dev) through
 * the normal pipeline (sentences off) and prints, per rule: the paragraphs it
 * removed (or kept as evidence, or cut to a caption), and a spread sample of
 * them, so precision can be judged by reading.  Also: documents, bytes in
 * and kept, blocks by kind, titles found.  Timing: the median of K runs of
 * the whole read+repair+clean, side by side with the baseline run of the
 * same inputs with SL_OPT_REPAIR_ONLY (read+repair, no cleaning); the ratio
 * is what cleaning adds.  A last line times one pathological 10 MB line.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "storyline.h"

typedef struct rule_stat {
    char name[64];
    size_t count;
    char **samples; /* every removed text of the rule, in corpus order */
    size_t nsamples, cap;
    char **where;
} rule_stat;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The doc*.txt files of DIR's cluster folders, sorted (README and the
 * manifest are not articles). */
static char **list_docs(const char *dir, size_t *n)
{
    char **out = NULL;
    size_t cap = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    *n = 0;
    if (!d)
        return NULL;
    while ((e = readdir(d)) != NULL) {
        char sub[4096];
        DIR *d2;
        struct dirent *f;
        if (e->d_name[0] == '.')
            continue;
        snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
        if (!(d2 = opendir(sub)))
            continue;
        while ((f = readdir(d2)) != NULL) {
            size_t m = strlen(f->d_name);
            if (strncmp(f->d_name, "doc", 3) != 0 || m < 5 || strcmp(f->d_name + m - 4, ".txt") != 0)
                continue;
            if (*n == cap) {
                cap = cap ? cap * 2 : 256;
                out = realloc(out, cap * sizeof(*out));
                if (!out)
                    abort();
            }
            out[*n] = malloc(strlen(sub) + m + 2);
            if (!out[*n])
                abort();
            sprintf(out[*n], "%s/%s", sub, f->d_name);
            (*n)++;
        }
        closedir(d2);
    }
    closedir(d);
    qsort(out, *n, sizeof(*out), cmp_str);
    return out;
}

static char **g_docs;
static size_t g_ndocs;

static double load_ms(unsigned flags, sl_corpus **keep)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_ingest_opts o = SL_INGEST_OPTS_INIT;
    double t0, t1;
    size_t i;
    o.flags = flags | SL_OPT_NO_SENTENCES;
    o.format = "text";
    t0 = now_ms();
    for (i = 0; i < g_ndocs; i++)
        (void)sl_corpus_add_path(ctx, c, g_docs[i], &o);
    t1 = now_ms();
    if (keep) {
        *keep = c;
        return t1 - t0; /* the context lives to the end of the program with the corpus */
    }
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    return t1 - t0;
}

static rule_stat *stat_for(rule_stat **st, size_t *n, size_t *cap, const char *name)
{
    size_t i;
    for (i = 0; i < *n; i++)
        if (strcmp((*st)[i].name, name) == 0)
            return &(*st)[i];
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *st = realloc(*st, *cap * sizeof(**st));
        if (!*st)
            abort();
    }
    memset(&(*st)[*n], 0, sizeof(**st));
    snprintf((*st)[*n].name, sizeof((*st)[*n].name), "%s", name);
    return &(*st)[(*n)++];
}

static char *dupstr(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (!p)
        abort();
    memcpy(p, s, n + 1);
    return p;
}

static int by_count(const void *a, const void *b)
{
    const rule_stat *x = a, *y = b;
    return x->count < y->count ? 1 : x->count > y->count ? -1 : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *only = NULL;
    size_t samples = 12, runs = 5, i, j, nst = 0, cst = 0, ndocs, titles = 0, bytes_out = 0, evid = 0;
    size_t kinds[8] = {0}, empty = 0;
    int all = 0;
    rule_stat *st = NULL;
    sl_corpus *c;
    double *tc, *tb;

    for (i = 1; i < (size_t)argc; i++) {
        if (strcmp(argv[i], "--samples") == 0 && i + 1 < (size_t)argc)
            samples = (size_t)atoi(argv[++i]);
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < (size_t)argc)
            runs = (size_t)atoi(argv[++i]);
        else if (strcmp(argv[i], "--rule") == 0 && i + 1 < (size_t)argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--all") == 0)
            all = 1;
        else
            dir = argv[i];
    }
    if (!dir) {
        fprintf(stderr, "usage: clean DIR [--samples N] [--runs K] [--rule NAME] [--all]\n");
        return 2;
    }
    if (runs < 1)
        runs = 1;

    g_docs = list_docs(dir, &g_ndocs);
    if (g_ndocs == 0) {
        fprintf(stderr, "clean: no DIR/*/doc*.txt under %s\n", dir);
        return 1;
    }
    (void)load_ms(0, &c);
    ndocs = sl_corpus_count(c);
    for (i = 0; i < ndocs; i++) {
        const sl_doc *d = sl_corpus_doc(c, i);
        size_t len;
        (void)sl_doc_text(d, &len);
        bytes_out += len;
        empty += len == 0;
        for (j = 0; j < sl_doc_block_count(d); j++) {
            const sl_block *b = sl_doc_block(d, j);
            if ((unsigned)b->kind < 8)
                kinds[b->kind]++;
        }
        for (j = 0; j < sl_doc_edit_count(d); j++) {
            const sl_edit *e = sl_doc_edit(d, j);
            rule_stat *r;
            char where[512];
            if (e->kind == SL_EDIT_REPAIR)
                continue;
            if (e->kind == SL_EDIT_TITLE) {
                titles++;
                if (!(only && strcmp(only, "title") == 0))
                    continue;
            }
            evid += e->kind == SL_EDIT_EVIDENCE;
            r = stat_for(&st, &nst, &cst, e->kind == SL_EDIT_TITLE ? "title" : e->rule);
            r->count++;
            if (r->nsamples == r->cap) {
                r->cap = r->cap ? r->cap * 2 : 16;
                r->samples = realloc(r->samples, r->cap * sizeof(*r->samples));
                r->where = realloc(r->where, r->cap * sizeof(*r->where));
                if (!r->samples || !r->where)
                    abort();
            }
            snprintf(where, sizeof(where), "%s:%zu", sl_doc_path(d), e->line);
            r->samples[r->nsamples] = dupstr(e->before);
            r->where[r->nsamples++] = dupstr(where);
        }
    }

    printf("documents %zu (empty after cleaning %zu), text kept %zu bytes, titles found %zu, "
           "date evidence lines %zu\n",
           ndocs, empty, bytes_out, titles, evid);
    printf("blocks: body %zu, title %zu, heading %zu, caption %zu, item %zu, quote %zu\n", kinds[0],
           kinds[1], kinds[2], kinds[3], kinds[4], kinds[5]);

    qsort(st, nst, sizeof(*st), by_count);
    printf("\n%-22s %6s\n", "rule", "lines");
    {
        size_t total = 0;
        for (i = 0; i < nst; i++) {
            printf("%-22s %6zu\n", st[i].name, st[i].count);
            total += st[i].count;
        }
        printf("%-22s %6zu\n", "total", total);
    }
    for (i = 0; i < nst; i++) {
        size_t k, step, shown = 0;
        if (only && strcmp(only, st[i].name) != 0)
            continue;
        printf("\n== %s (%zu)\n", st[i].name, st[i].count);
        step = all || samples == 0 || st[i].nsamples <= samples ? 1 : st[i].nsamples / samples;
        for (k = 0; k < st[i].nsamples && (all || shown < samples); k += step, shown++) {
            const char *s = st[i].samples[k];
            printf("  %.160s%s    [%s]\n", s, strlen(s) > 160 ? "..." : "", st[i].where[k]);
        }
    }

    /* timing: cleaning vs the repair-only baseline, same inputs, interleaved */
    tc = calloc(runs, sizeof(*tc));
    tb = calloc(runs, sizeof(*tb));
    if (!tc || !tb)
        abort();
    for (i = 0; i < runs; i++) {
        tb[i] = load_ms(SL_OPT_REPAIR_ONLY, NULL);
        tc[i] = load_ms(0, NULL);
    }
    qsort(tc, runs, sizeof(*tc), cmp_double);
    qsort(tb, runs, sizeof(*tb), cmp_double);
    printf("\ntime, median of %zu runs: read+repair+clean %.1f ms, baseline read+repair (repair-only) "
           "%.1f ms, ratio %.2f\n",
           runs, tc[runs / 2], tb[runs / 2], tb[runs / 2] > 0 ? tc[runs / 2] / tb[runs / 2] : 0.0);

    /* one pathological line: 10 MB of words without a line break */
    {
        size_t n = (size_t)10 << 20, k;
        char *big = malloc(n);
        sl_ctx *ctx = sl_ctx_new();
        sl_corpus *bc = sl_corpus_new(ctx);
        sl_ingest_opts o = SL_INGEST_OPTS_INIT;
        double t0, t1, tr;
        if (!big)
            abort();
        for (k = 0; k < n; k++)
            big[k] = "Click here to share this photo: REUTERS/Jorge "[k % 46];
        o.flags = SL_OPT_NO_SENTENCES | SL_OPT_REPAIR_ONLY;
        o.format = "text";
        t0 = now_ms();
        (void)sl_corpus_add_buffer(ctx, bc, "big.txt", big, n, &o);
        tr = now_ms() - t0;
        sl_corpus_free(bc);
        bc = sl_corpus_new(ctx);
        o.flags = SL_OPT_NO_SENTENCES;
        t0 = now_ms();
        (void)sl_corpus_add_buffer(ctx, bc, "big.txt", big, n, &o);
        t1 = now_ms();
        printf("one 10 MB line: read+repair+clean %.1f ms, repair-only %.1f ms\n", t1 - t0, tr);
        sl_corpus_free(bc);
        sl_ctx_free(ctx);
        free(big);
    }

    for (i = 0; i < nst; i++) {
        for (j = 0; j < st[i].nsamples; j++) {
            free(st[i].samples[j]);
            free(st[i].where[j]);
        }
        free(st[i].samples);
        free(st[i].where);
    }
    free(st);
    for (i = 0; i < g_ndocs; i++)
        free(g_docs[i]);
    free(g_docs);
    free(tc);
    free(tb);
    sl_corpus_free(c);
    return 0;
}
