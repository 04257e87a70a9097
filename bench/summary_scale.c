/*
 * summary_scale: time and memory of summarization as a story grows from 10
 * to 1,000 articles, against a dense-matrix LexRank baseline.
 *
 *   summary_scale DATA_DIR
 *
 * Synthetic stories: the first N doc*.txt files of DATA_DIR's clusters in
 * sorted order, cycling when N exceeds them (Multi-News dev has about 350).
 * For each size and method a child process reads the story, then summarizes
 * it three times (250 words); it reports the median time and the peak
 * resident memory the summary added over the corpus (ru_maxrss).  Reading
 * and tokenizing are excluded: they are the same for every method.
 *
 * The baseline is LexRank as the popular Python packages do it: the full
 * n x n cosine matrix, row-normalized, and power iteration over it.  It is
 * skipped where the matrix would pass 4 GiB.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "story/summary.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static char **paths;
static size_t npaths, cpaths;

static void collect(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    if (!d)
        return;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof(*names));
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), cmp_str);
    for (i = 0; i < n; i++) {
        char p[4096];
        snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
        if (strncmp(names[i], "doc", 3) == 0) {
            if (npaths == cpaths) {
                cpaths = cpaths ? cpaths * 2 : 256;
                paths = realloc(paths, cpaths * sizeof(*paths));
            }
            paths[npaths++] = strdup(p);
        } else if (!strchr(names[i], '.')) {
            collect(p);
        }
        free(names[i]);
    }
    free(names);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* LexRank with a dense n x n matrix; returns the best sentence. */
static size_t dense_lexrank(sl_svset *set)
{
    size_t n = set->n, i, j, it, best = 0;
    double *m = malloc(n * n * sizeof(*m)), *p = malloc(n * sizeof(*p)), *q = malloc(n * sizeof(*q));
    for (i = 0; i < n; i++) {
        double sum = 0;
        for (j = 0; j < n; j++) {
            m[i * n + j] = i == j ? 0 : sl_sv_cos(set, (uint32_t)i, (uint32_t)j);
            sum += m[i * n + j];
        }
        for (j = 0; j < n; j++)
            m[i * n + j] = sum > 0 ? m[i * n + j] / sum : 1.0 / n;
        p[i] = 1.0 / n;
    }
    for (it = 0; it < 200; it++) {
        double diff = 0;
        for (j = 0; j < n; j++)
            q[j] = 0;
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                q[j] += p[i] * m[i * n + j];
        for (j = 0; j < n; j++) {
            double v = 0.15 / n + 0.85 * q[j];
            diff += fabs(v - p[j]);
            p[j] = v;
        }
        if (diff < 1e-9)
            break;
    }
    for (i = 1; i < n; i++)
        if (p[i] > p[best])
            best = i;
    free(m);
    free(p);
    free(q);
    return best;
}

/* In a child: read `size` documents, run `method` three times. */
static void measure(size_t size, const char *method)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    size_t i, nsent = 0;
    double t[3];
    long base;
    for (i = 0; i < size; i++)
        sl_corpus_add_path(ctx, c, paths[i % npaths], NULL);
    for (i = 0; i < c->n; i++)
        nsent += c->docs[i]->nsents;
    if (strcmp(method, "lexrank-dense") == 0 && (double)nsent * nsent * 8 > 4.0 * (1u << 30)) {
        printf("%6zu %8zu  %-14s %12s %10s\n", size, nsent, method, "skipped", "(n*n)");
        exit(0);
    }
    base = maxrss_kb();
    for (i = 0; i < 3; i++) {
        double t0 = now();
        if (strcmp(method, "lexrank-dense") == 0) {
            sl_svset set;
            sl_svset_build(ctx, c->docs, c->n, NULL, 0, &set);
            (void)dense_lexrank(&set);
            sl_svset_free(&set);
        } else {
            sl_sum_opts o;
            sl_sum_pick *p = NULL;
            size_t n;
            memset(&o, 0, sizeof(o));
            o.method = (sl_sum_method)sl_sum_method_parse(method);
            o.words = 250;
            sl_summarize(ctx, c->docs, c->n, &o, &p, &n);
            free(p);
        }
        t[i] = now() - t0;
    }
    qsort(t, 3, sizeof(*t), cmp_dbl);
    printf("%6zu %8zu  %-14s %10.1f ms %7.1f MB\n", size, nsent, method, 1000 * t[1],
           (maxrss_kb() - base) / 1024.0);
    fflush(stdout);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    exit(0);
}

int main(int argc, char **argv)
{
    static const size_t sizes[] = {10, 30, 100, 300, 1000};
    static const char *const methods[] = {"coverage", "lexrank", "textrank", "mmr", "ilp", "lexrank-dense"};
    size_t s, m;
    if (argc != 2) {
        fprintf(stderr, "usage: summary_scale DATA_DIR\n");
        return 2;
    }
    collect(argv[1]);
    if (!npaths) {
        printf("summary_scale: no doc*.txt under %s; skipped\n", argv[1]);
        return 0;
    }
    printf("Scale: synthetic stories of the first N of %zu dev articles (cycled), 250 words,\n"
           "median of 3 runs, one core; memory = peak RSS added by the summary.\n", npaths);
    printf("%6s %8s  %-14s %13s %10s\n", "docs", "sents", "method", "time", "memory");
    for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
        for (m = 0; m < sizeof(methods) / sizeof(methods[0]); m++) {
            pid_t pid;
            fflush(stdout);
            pid = fork();
            if (pid == 0)
                measure(sizes[s], methods[m]);
            if (pid > 0)
                waitpid(pid, NULL, 0);
        }
    return 0;
}
