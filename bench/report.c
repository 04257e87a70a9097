/*
 * bench/report.c: speed of the digest writers (src/output/).
 *
 *   report [--data DIR] [--copies K] [--runs N]
 *
 * Reads every article of DIR/multinews-dev (CLUSTER/docNN.txt) into one
 * corpus (K copies of each, to see how the writers scale), builds one digest
 * with a 250-word summary and its entities (sl_entities_new, so that the
 * report's entity section and the JSON mentions have real work), then times
 * sl_digest_render for each format, `runs` times after a warm-up, and prints
 * the median in milliseconds, the output size, and the ratio to the JSON
 * writer of the same run (the baseline: the writer schema 1 already had).
 * Time is CPU time of the process (CLOCK_PROCESS_CPUTIME_ID).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "story/digest.h"
#include "storyline.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds DIR/CLUSTER/docNN.txt to the corpus, in sorted order; returns the count. */
static size_t add_articles(sl_ctx *ctx, sl_corpus *c, const char *dir)
{
    DIR *d = opendir(dir), *sd;
    struct dirent *e;
    char **names = NULL, path[4096];
    size_t n = 0, cap = 0, i, added = 0;
    if (!d)
        return 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* files among the folders fail opendir below */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof(*names));
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), cmp_str);
    for (i = 0; i < n; i++) {
        char **docs = NULL;
        size_t nd = 0, cd = 0, j;
        sd = snprintf(path, sizeof(path), "%s/%s", dir, names[i]) < (int)sizeof(path) ? opendir(path)
                                                                               : NULL;
        while (sd && (e = readdir(sd)) != NULL) {
            if (strncmp(e->d_name, "doc", 3) != 0)
                continue;
            if (nd == cd) {
                cd = cd ? cd * 2 : 8;
                docs = realloc(docs, cd * sizeof(*docs));
            }
            docs[nd++] = strdup(e->d_name);
        }
        if (sd)
            closedir(sd);
        qsort(docs, nd, sizeof(*docs), cmp_str);
        for (j = 0; j < nd; j++) {
            if (snprintf(path, sizeof(path), "%s/%s/%s", dir, names[i], docs[j]) < (int)sizeof(path) &&
                sl_corpus_add_path(ctx, c, path, NULL) >= 0)
                added++;
            free(docs[j]);
        }
        free(docs);
        free(names[i]);
    }
    free(names);
    return added;
}

int main(int argc, char **argv)
{
    const char *data = "../shared/data";
    static const char *const formats[] = {"json", "text", "md", "html"};
    int copies = 1, runs = 5, i, k, f;
    char dir[4096];
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_digest *d = NULL;
    sl_digest_opts o = SL_DIGEST_OPTS_INIT;
    double base = 0;
    size_t ndocs = 0;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--copies") == 0 && i + 1 < argc)
            copies = atoi(argv[++i]);
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
    }
    if (copies < 1)
        copies = 1;
    if (runs < 1)
        runs = 1;
    snprintf(dir, sizeof(dir), "%s/multinews-dev", data);
    for (k = 0; k < copies; k++)
        ndocs += add_articles(ctx, c, dir);
    if (!ndocs) {
        printf("report: no articles under %s; skipped\n", dir);
        return 0;
    }
    o.words = 250;
    if (sl_digest_new(ctx, c, &o, &d) != SL_OK) {
        fprintf(stderr, "report: %s\n", sl_errmsg(ctx));
        return 1;
    }
    d->entities = sl_entities_new(ctx, c);
    printf("%zu documents (%d cop%s), %zu entities\n", ndocs, copies, copies == 1 ? "y" : "ies",
           sl_entities_count(d->entities));
    printf("%-6s %10s %12s %10s\n", "format", "median ms", "bytes", "x json");
    for (f = 0; f < 4; f++) {
        double *t = malloc((size_t)runs * sizeof(*t)), med;
        size_t len = 0;
        for (i = -1; i < runs; i++) {
            char *out = NULL;
            double t0 = now_ms();
            if (sl_digest_render(d, formats[f], NULL, &out, &len) != SL_OK) {
                fprintf(stderr, "report: %s failed\n", formats[f]);
                return 1;
            }
            if (i >= 0)
                t[i] = now_ms() - t0;
            sl_free(out);
        }
        qsort(t, (size_t)runs, sizeof(*t), cmp_dbl);
        med = t[runs / 2];
        if (f == 0)
            base = med;
        printf("%-6s %10.2f %12zu %10.2f\n", formats[f], med, len, base > 0 ? med / base : 0);
        free(t);
    }
    sl_digest_free(d);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    return 0;
}
