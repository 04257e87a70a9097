/*
 * bench/stories.c: how well articles are grouped into stories.
 *
 *   build/bench/stories DATA_DIR [threshold...]
 *
 * Reads every doc*.txt of every cluster folder of DATA_DIR (Multi-News dev:
 * one folder per story) into one corpus, clusters it, and scores the result
 * against the folders with B-cubed precision, recall and F1 (Bagga and
 * Baldwin 1998; per-document, averaged).  Baselines side by side in the same
 * run: single linkage at the same threshold, one story for everything, and
 * every article its own story.  Also the clustering time (median of 5).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/doc.h"
#include "story/cluster.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_dir(const char *path, size_t *n)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    if (!d)
        return NULL;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
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

static void bcubed(const size_t *gold, const size_t *sys, size_t n, double *p, double *r)
{
    size_t i, j;
    double sp = 0, sr = 0;
    for (i = 0; i < n; i++) {
        size_t same_sys = 0, same_gold = 0, both = 0;
        for (j = 0; j < n; j++) {
            int s = sys[j] == sys[i], g = gold[j] == gold[i];
            same_sys += (size_t)s;
            same_gold += (size_t)g;
            both += (size_t)(s && g);
        }
        sp += (double)both / (double)same_sys;
        sr += (double)both / (double)same_gold;
    }
    *p = sp / (double)n;
    *r = sr / (double)n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *name, const size_t *gold, const size_t *sys, size_t n, size_t k)
{
    double p, r;
    bcubed(gold, sys, n, &p, &r);
    printf("| %-34s | %5zu | %.3f | %.3f | %.3f |\n", name, k, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/data/multinews-dev";
    size_t nclusters, i, j, ndocs;
    char **clusters = list_dir(dir, &nclusters);
    sl_ctx *ctx;
    sl_corpus *c;
    size_t *gold = NULL, gcap = 0, *sys;
    double thresholds[16];
    int nthr = 0, t;
    if (!clusters) {
        printf("stories: %s is absent; skipped\n", dir);
        return 0;
    }
    for (t = 2; t < argc && nthr < 16; t++)
        thresholds[nthr++] = atof(argv[t]);
    if (!nthr) {
        thresholds[nthr++] = 0.08;
        thresholds[nthr++] = 0.12;
        thresholds[nthr++] = 0.16;
        thresholds[nthr++] = 0.20;
    }
    ctx = sl_ctx_new();
    c = sl_corpus_new(ctx);
    for (i = 0; i < nclusters; i++) {
        char path[4096];
        size_t nf;
        char **files;
        snprintf(path, sizeof(path), "%s/%s", dir, clusters[i]);
        files = list_dir(path, &nf);
        for (j = 0; files && j < nf; j++) {
            if (strncmp(files[j], "doc", 3) == 0) {
                char fp[8192];
                size_t before = sl_corpus_count(c);
                snprintf(fp, sizeof(fp), "%s/%s", path, files[j]);
                sl_corpus_add_path(ctx, c, fp, NULL);
                while (before < sl_corpus_count(c)) {
                    if (before >= gcap) {
                        gcap = gcap ? gcap * 2 : 256;
                        gold = realloc(gold, gcap * sizeof(*gold));
                    }
                    gold[before++] = i;
                }
            }
            free(files[j]);
        }
        free(files);
    }
    ndocs = sl_corpus_count(c);
    sys = calloc(ndocs, sizeof(*sys));
    printf("stories: %zu articles in %zu gold stories (%s)\n\n", ndocs, nclusters, dir);
    printf("| method | stories | B3 P | B3 R | B3 F1 |\n|---|---|---|---|---|\n");
    for (t = 0; t < nthr; t++) {
        sl_cluster_opts o;
        sl_clusters *cs;
        char name[64];
        double times[5];
        int rep;
        memset(&o, 0, sizeof(o));
        o.threshold = thresholds[t];
        for (rep = 0; rep < 5; rep++) {
            double t0 = now();
            cs = sl_cluster_docs(ctx, c, &o);
            times[rep] = now() - t0;
            if (rep < 4)
                sl_cluster_free(cs);
        }
        qsort(times, 5, sizeof(double), cmp_d);
        snprintf(name, sizeof(name), "average link, t=%.2f (%.1f ms)", thresholds[t], times[2] * 1e3);
        report(name, gold, cs->doc_cluster, ndocs, cs->n);
        sl_cluster_free(cs);
        o.single_link = 1;
        cs = sl_cluster_docs(ctx, c, &o);
        snprintf(name, sizeof(name), "single link, t=%.2f", thresholds[t]);
        report(name, gold, cs->doc_cluster, ndocs, cs->n);
        sl_cluster_free(cs);
    }
    for (i = 0; i < ndocs; i++)
        sys[i] = 0;
    report("baseline: one story", gold, sys, ndocs, 1);
    for (i = 0; i < ndocs; i++)
        sys[i] = i;
    report("baseline: every article alone", gold, sys, ndocs, ndocs);
    free(sys);
    free(gold);
    for (i = 0; i < nclusters; i++)
        free(clusters[i]);
    free(clusters);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    return 0;
}
