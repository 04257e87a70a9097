/*
 * bench/rouge.c: how long the ROUGE evaluator takes to score the 100
 * rouge-fixture clusters (the lead baseline against multinews-dev refs).
 *
 *   build/bench/rouge [DATA_ROOT] [RUNS]      (defaults ../shared/data, 7)
 *
 * The texts are read into memory first, so the figures are the library's
 * work only: preparing, scoring and averaging (bootstrap included).  Each
 * configuration runs RUNS times; the median is printed, and its ratio to
 * the first configuration (flag set A, the benchmarks' flags), measured in
 * the same run.  Skips with a message when the data is absent.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "storyline.h"

#define MAX_CLUSTERS 1000

typedef struct cluster {
    char id[128];
    char *sys, *ref;
    size_t sys_len, ref_len;
} cluster;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *p;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    p = malloc((size_t)n + 1);
    if (!p || fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        fclose(f);
        return NULL;
    }
    fclose(f);
    p[n] = '\0';
    *len = (size_t)n;
    return p;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    const char *root = argc > 1 ? argv[1] : "../shared/data";
    int runs = argc > 2 ? atoi(argv[2]) : 7, c, k;
    static cluster cl[MAX_CLUSTERS];
    size_t n = 0, i;
    char path[1024];
    struct {
        const char *name;
        size_t word_limit;
        unsigned flags;
        int resamples;
    } conf[] = {
        {"A: -n 2 -m -2 4 -u -c 95 -r 1000 -l 100", 100, SL_ROUGE_STEM, 1000},
        {"B: -n 2 -2 4 -u -c 95 -r 1000", 0, 0, 1000},
        {"A without bootstrap (-r 0)", 100, SL_ROUGE_STEM, 0},
        {"A without ROUGE-L (-x -r 0)", 100, SL_ROUGE_STEM | SL_ROUGE_NO_LCS, 0},
    };
    double first = 0;
    DIR *d;
    struct dirent *e;
    sl_ctx *ctx;

    if (runs < 1)
        runs = 1;
    snprintf(path, sizeof(path), "%s/rouge-fixture/system", root);
    d = opendir(path);
    if (!d) {
        printf("rouge bench: skipped: %s is absent\n", path);
        return 0;
    }
    while ((e = readdir(d)) != NULL && n < MAX_CLUSTERS) {
        size_t len = strlen(e->d_name);
        if (len < 5 || len >= sizeof(cl[n].id) || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        memcpy(cl[n].id, e->d_name, len - 4);
        cl[n].id[len - 4] = '\0';
        snprintf(path, sizeof(path), "%s/rouge-fixture/system/%s", root, e->d_name);
        cl[n].sys = slurp(path, &cl[n].sys_len);
        snprintf(path, sizeof(path), "%s/multinews-dev/%s/ref1.txt", root, cl[n].id);
        cl[n].ref = slurp(path, &cl[n].ref_len);
        if (cl[n].sys && cl[n].ref)
            n++;
    }
    closedir(d);
    ctx = sl_ctx_new();
    printf("rouge bench: %zu clusters, median of %d runs (library time, texts in memory)\n", n,
           runs);
    printf("%-42s %10s %8s %s\n", "configuration", "median ms", "ratio", "ROUGE-1 R");
    for (c = 0; c < (int)(sizeof(conf) / sizeof(conf[0])); c++) {
        double *t = malloc((size_t)runs * sizeof(double)), med, r1 = 0;
        if (!t)
            return 1;
        for (k = 0; k < runs; k++) {
            sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
            sl_rouge_result res[SL_ROUGE_MAX_METRICS];
            sl_rouge *r;
            size_t nm;
            double t0;
            o.flags |= conf[c].flags;
            o.word_limit = conf[c].word_limit;
            o.resamples = conf[c].resamples;
            t0 = now();
            if (sl_rouge_new(ctx, &o, &r) != SL_OK) {
                fprintf(stderr, "rouge bench: %s\n", sl_errmsg(ctx));
                exit(1);
            }
            for (i = 0; i < n; i++) {
                const char *refs[1] = {cl[i].ref};
                if (sl_rouge_add(r, cl[i].id, cl[i].sys, cl[i].sys_len, refs, &cl[i].ref_len, 1) !=
                    SL_OK) {
                    fprintf(stderr, "rouge bench: %s\n", sl_errmsg(ctx));
                    exit(1);
                }
            }
            if (sl_rouge_average(r, res, &nm) != SL_OK) {
                fprintf(stderr, "rouge bench: %s\n", sl_errmsg(ctx));
                exit(1);
            }
            t[k] = now() - t0;
            r1 = res[0].recall;
            sl_rouge_free(r);
        }
        qsort(t, (size_t)runs, sizeof(double), cmp_double);
        med = t[runs / 2];
        if (c == 0)
            first = med;
        printf("%-42s %10.2f %8.2f %.5f\n", conf[c].name, med * 1e3, med / first, r1);
        free(t);
    }
    for (i = 0; i < n; i++) {
        free(cl[i].sys);
        free(cl[i].ref);
    }
    sl_ctx_free(ctx);
    return 0;
}
