/*
 * summary_rouge: writes the summary of every Multi-News dev cluster with one
 * method, one sentence a line, for `storyline rouge`; prints the median and
 * mean time per cluster (reading excluded: the summary alone).
 *
 *   summary_rouge DATA_DIR OUT_DIR METHOD WORDS
 *
 * DATA_DIR holds one directory per cluster with doc*.txt (and ref*.txt,
 * which are not read); OUT_DIR/<cluster>.txt is written.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "storyline.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static char **list_dir(const char *path, const char *prefix, size_t *n)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    if (!d)
        return NULL;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            v = realloc(v, cap * sizeof(*v));
        }
        v[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(v, *n, sizeof(*v), cmp_str);
    return v;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    size_t nc, c, i, nd;
    char **clusters, path[4096];
    double *times, total = 0;
    if (argc != 5) {
        fprintf(stderr, "usage: summary_rouge DATA_DIR OUT_DIR METHOD WORDS\n");
        return 2;
    }
    clusters = list_dir(argv[1], "", &nc);
    times = calloc(nc ? nc : 1, sizeof(*times));
    for (c = 0; c < nc; c++) {
        sl_ctx *ctx = sl_ctx_new();
        sl_corpus *corpus = sl_corpus_new(ctx);
        sl_digest_opts o = SL_DIGEST_OPTS_INIT;
        sl_digest *dg = NULL;
        char **docs;
        FILE *f;
        double t0;
        snprintf(path, sizeof(path), "%s/%s", argv[1], clusters[c]);
        docs = list_dir(path, "doc", &nd);
        if (!docs) {
            sl_corpus_free(corpus);
            sl_ctx_free(ctx);
            continue; /* MANIFEST.tsv, README.txt */
        }
        for (i = 0; i < nd; i++) {
            snprintf(path, sizeof(path), "%s/%s/%s", argv[1], clusters[c], docs[i]);
            sl_corpus_add_path(ctx, corpus, path, NULL);
            free(docs[i]);
        }
        free(docs);
        o.method = argv[3];
        o.words = (size_t)atol(argv[4]);
        t0 = now();
        if (sl_digest_new(ctx, corpus, &o, &dg) < 0) {
            fprintf(stderr, "summary_rouge: %s\n", sl_errmsg(ctx));
            return 1;
        }
        times[c] = now() - t0;
        total += times[c];
        snprintf(path, sizeof(path), "%s/%s.txt", argv[2], clusters[c]);
        f = fopen(path, "w");
        if (!f) {
            perror(path);
            return 1;
        }
        for (i = 0; i < sl_digest_summary_count(dg); i++)
            fprintf(f, "%s\n", sl_digest_summary_item(dg, i)->text);
        fclose(f);
        sl_digest_free(dg);
        sl_corpus_free(corpus);
        sl_ctx_free(ctx);
    }
    {
        size_t k = 0;
        for (c = 0; c < nc; c++)
            if (times[c] > 0)
                times[k++] = times[c];
        qsort(times, k, sizeof(*times), cmp_dbl);
        printf("%s clusters %zu median_ms %.3f mean_ms %.3f\n", argv[3], k,
               k ? 1000 * times[k / 2] : 0, k ? 1000 * total / k : 0);
    }
    for (c = 0; c < nc; c++)
        free(clusters[c]);
    free(clusters);
    free(times);
    return 0;
}
