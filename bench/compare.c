/*
 * compare: speed and quality of the comparison of sources (bench/compare.md).
 *
 *   compare speed DATA_DIR [SIZES...]   entities + comparison of synthetic
 *                                       stories of 10, 100, 300 articles
 *   compare quality DIR                 precision and recall on labelled
 *                                       clusters (tests/data/compare/NN-*.txt)
 *   compare clusters DATA_DIR           each cluster of DATA_DIR compared as one
 *                                       story: counts, every disagreement and
 *                                       every agreement, for review by hand
 *   compare facts FILE|DIR...           every fact extracted, for review
 *   compare items FILE|DIR...           the agreements and disagreements
 *
 * Speed: a story of N articles is the first N doc*.txt files of DATA_DIR's
 * clusters in sorted order (Multi-News dev has about 350), read once; then
 * entities + comparison run five times in the same process and the median
 * is reported, with the baseline (every pair of facts of a kind compared,
 * no inverted index) side by side, and whether both give the same items.
 *
 * Quality: each labelled file holds JSON lines (the articles) and lines
 * "disagree KIND VALUE | VALUE ..." and "agree KIND VALUE" (see
 * tests/data/compare/README).  A reported disagreement matches a label of
 * its kind whose values are all among its claims' values; an agreement, a
 * label of its kind with its value among its claims' values.  Unmatched
 * reports are false positives, unmatched labels false negatives.
 *
 *   compare pairs MIN FILE|DIR...      pairs of facts whose contexts have a
 *                                       cosine of at least MIN, for tuning
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "story/compare.h"
#include "story/facts.h"
#include "story/sentvec.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static sl_corpus *read_inputs(sl_ctx *ctx, int argc, char **argv)
{
    sl_corpus *c = sl_corpus_new(ctx);
    int i;
    for (i = 0; i < argc; i++)
        sl_corpus_add_path(ctx, c, argv[i], NULL);
    return c;
}

/* ------------------------------------------------------------------ speed */

static char **paths;
static size_t npaths, cpaths;

/* The doc*.txt files under dir, clusters and files in sorted order. */
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
    if (n)
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

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof(*v), cmp_dbl);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Whether two results hold the same items. */
static int same_items(const sl_cmp_result *a, const sl_cmp_result *b)
{
    size_t k, i, j;
    if (a->nagree != b->nagree || a->ndisagree != b->ndisagree)
        return 0;
    for (k = 0; k < 2; k++) {
        const sl_cmp_item *x = k ? a->agree : a->disagree, *y = k ? b->agree : b->disagree;
        size_t n = k ? a->nagree : a->ndisagree;
        for (i = 0; i < n; i++) {
            if (strcmp(x[i].about, y[i].about) != 0 || x[i].nclaims != y[i].nclaims)
                return 0;
            for (j = 0; j < x[i].nclaims; j++)
                if (strcmp(x[i].claims[j].value, y[i].claims[j].value) != 0 ||
                    x[i].claims[j].doc != y[i].claims[j].doc)
                    return 0;
        }
    }
    return 1;
}

#define RUNS 5

static void speed(const char *dir, const size_t *sizes, size_t nsizes)
{
    size_t si;
    collect(dir);
    if (!npaths) {
        printf("compare: no doc*.txt under %s\n", dir);
        return;
    }
    printf("%zu articles available under %s; median of %d runs, one core\n\n", npaths, dir, RUNS);
    printf("| articles | sentences | facts | entities ms | compare ms | entities + compare ms | "
           "all pairs of facts ms | ratio | same items | all pairs of sentences ms | agree | disagree |\n");
    printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (si = 0; si < nsizes; si++) {
        size_t n = sizes[si], i, nsent = 0, r;
        sl_ctx *ctx = sl_ctx_new();
        sl_corpus *c = sl_corpus_new(ctx);
        double te[RUNS], tc[RUNS], tb[RUNS], ts = 0;
        sl_cmp_result res, base;
        sl_cmp_opts o;
        sl_entities *e = NULL;
        sl_svset sv;
        for (i = 0; i < n; i++)
            sl_corpus_add_path(ctx, c, paths[i % npaths], NULL);
        for (i = 0; i < c->n; i++)
            nsent += c->docs[i]->nsents;
        memset(&res, 0, sizeof(res));
        memset(&base, 0, sizeof(base));
        for (r = 0; r < RUNS; r++) {
            double t0 = now(), t1, t2;
            sl_entities_free(e);
            e = sl_entities_new(ctx, c);
            t1 = now();
            sl_cmp_result_free(&res);
            sl_compare(ctx, c->docs, c->n, e, NULL, &res);
            t2 = now();
            te[r] = (t1 - t0) * 1000;
            tc[r] = (t2 - t1) * 1000;
        }
        memset(&o, 0, sizeof(o));
        o.all_pairs = 1;
        for (r = 0; r < RUNS; r++) {
            double t0 = now();
            sl_cmp_result_free(&base);
            sl_compare(ctx, c->docs, c->n, e, &o, &base);
            tb[r] = (now() - t0) * 1000;
        }
        /* what aligning every pair of sentences by their cosine costs alone */
        sl_svset_build(ctx, c->docs, c->n, NULL, 0, &sv);
        {
            double t0 = now(), sink = 0;
            uint32_t a, b;
            for (a = 0; a < sv.n; a++)
                for (b = a + 1; b < sv.n; b++)
                    if (sv.s[a].doc != sv.s[b].doc)
                        sink += sl_sv_cos(&sv, a, b);
            ts = (now() - t0) * 1000;
            if (sink < 0)
                printf("?");
        }
        sl_svset_free(&sv);
        {
            double me = median(te, RUNS), mc = median(tc, RUNS), mb = median(tb, RUNS);
            printf("| %zu | %zu | %zu | %.1f | %.1f | %.1f | %.1f | %.1fx | %s | %.1f | %zu | %zu |\n", c->n, nsent,
                   res.nfacts, me, mc, me + mc, mb, mc > 0 ? mb / mc : 0, same_items(&res, &base) ? "yes" : "no",
                   ts, res.nagree, res.ndisagree);
        }
        fflush(stdout);
        sl_cmp_result_free(&res);
        sl_cmp_result_free(&base);
        sl_entities_free(e);
        sl_corpus_free(c);
        sl_ctx_free(ctx);
    }
}

/* ------------------------------------------------------------------ review */

static void dump_facts(sl_ctx *ctx, sl_corpus *c)
{
    sl_svset sv;
    sl_factset fs;
    sl_entities *e = sl_entities_new(ctx, c);
    size_t i;
    sl_svset_build(ctx, c->docs, c->n, NULL, 0, &sv);
    sl_facts_extract(ctx, &sv, e, 0, &fs);
    for (i = 0; i < fs.n; i++) {
        const sl_fact *f = &fs.f[i];
        const sl_doc *d = c->docs[f->doc];
        size_t a = d->toks[f->t0].start, b = d->toks[f->t1 - 1].end;
        const char *head = "";
        size_t hl = 0;
        if (f->head_tok != SL_FACT_NONE) {
            head = d->text.ptr + d->toks[f->head_tok].start;
            hl = d->toks[f->head_tok].end - d->toks[f->head_tok].start;
        }
        printf("%s s%u %-8s %-28s [%.6g, %.6g] head=%.*s(%x) dim=%s flags=%x  «%.*s»\n",
               sl_doc_id(d), f->sent, sl_fact_kind_name(f->kind), f->value, f->lo, f->hi, (int)hl,
               head, f->head, sl_fact_dim(ctx, f->dim), f->flags, (int)(b - a), d->text.ptr + a);
    }
    sl_factset_free(&fs);
    sl_svset_free(&sv);
    sl_entities_free(e);
}

static void dump_pairs(sl_ctx *ctx, sl_corpus *c, double min)
{
    sl_svset sv;
    sl_factset fs;
    sl_entities *e = sl_entities_new(ctx, c);
    size_t i, j;
    sl_svset_build(ctx, c->docs, c->n, NULL, 0, &sv);
    sl_facts_extract(ctx, &sv, e, 0, &fs);
    for (i = 0; i < fs.n; i++)
        for (j = i + 1; j < fs.n; j++) {
            const sl_fact *a = &fs.f[i], *b = &fs.f[j];
            double sim;
            if (a->doc == b->doc || a->kind != b->kind)
                continue;
            sim = sl_fact_sim(&fs, a, b);
            if (sim < min)
                continue;
            printf("%.3f %-8s heads=%d rel=%d  %s s%u %s  |  %s s%u %s\n", sim, sl_fact_kind_name(a->kind),
                   sl_fact_heads_match(&fs, &sv, a, b), sl_fact_relate(a, b, 0), sl_doc_id(c->docs[a->doc]),
                   a->sent, a->value, sl_doc_id(c->docs[b->doc]), b->sent, b->value);
        }
    sl_factset_free(&fs);
    sl_svset_free(&sv);
    sl_entities_free(e);
}

static void print_items(const sl_corpus *c, const char *what, const sl_cmp_item *v, size_t n)
{
    size_t i, j;
    for (i = 0; i < n; i++) {
        printf("%s %s | %s%s%s\n", what, v[i].kind, v[i].about, v[i].value ? " = " : "",
               v[i].value ? v[i].value : "");
        for (j = 0; j < v[i].nclaims; j++)
            printf("    %-20s s%-3zu %-24s %.160s\n", sl_doc_id(c->docs[v[i].claims[j].doc]),
                   v[i].claims[j].sentence, v[i].claims[j].value, v[i].claims[j].text);
    }
}

static sl_cmp_opts qopts;

static void dump_items(sl_ctx *ctx, sl_corpus *c)
{
    sl_entities *e = sl_entities_new(ctx, c);
    sl_cmp_result r;
    const char *env = getenv("CMP_OPTS");
    if (env)
        sscanf(env, "%lf %lf %lf", &qopts.align, &qopts.conflict, &qopts.decay);
    sl_compare(ctx, c->docs, c->n, e, &qopts, &r);
    print_items(c, "DISAGREE", r.disagree, r.ndisagree);
    print_items(c, "AGREE", r.agree, r.nagree);
    printf("(%zu facts, %zu aligned pairs)\n", r.nfacts, r.npairs);
    sl_cmp_result_free(&r);
    sl_entities_free(e);
}

/* ------------------------------------------------------------------ quality */

typedef struct label {
    char *values[8];
    size_t nvalues;
    char kind[16];
    int disagree;
    int matched;
} label;

/* Splits an actor value into names ("A, B and C"); compares as sets. */
static size_t names(const char *v, char out[][96], size_t max)
{
    size_t n = 0;
    const char *p = v;
    while (*p && n < max) {
        const char *e = p, *next = NULL;
        for (; *e; e++) {
            if (e[0] == ',' && e[1] == ' ') {
                next = e + 2;
                break;
            }
            if (!strncmp(e, " and ", 5)) {
                next = e + 5;
                break;
            }
        }
        snprintf(out[n], 96, "%.*s", (int)(e - p), p);
        n++;
        p = next ? next : e;
    }
    return n;
}

static int same_value(const char *kind, const char *a, const char *b)
{
    char x[8][96], y[8][96];
    size_t nx, ny, i, j;
    if (strcmp(kind, "actor") != 0)
        return strcmp(a, b) == 0;
    nx = names(a, x, 8);
    ny = names(b, y, 8);
    if (nx != ny)
        return 0;
    for (i = 0; i < nx; i++) {
        for (j = 0; j < ny; j++)
            if (!strcmp(x[i], y[j]))
                break;
        if (j == ny)
            return 0;
    }
    return 1;
}

static int item_has(const sl_cmp_item *it, const char *v)
{
    size_t j;
    if (it->value && same_value(it->kind, it->value, v))
        return 1;
    for (j = 0; j < it->nclaims; j++)
        if (same_value(it->kind, it->claims[j].value, v))
            return 1;
    return 0;
}

static int label_matches(const label *l, const sl_cmp_item *it)
{
    size_t i;
    if (strcmp(l->kind, it->kind) != 0)
        return 0;
    for (i = 0; i < l->nvalues; i++)
        if (!item_has(it, l->values[i]))
            return 0;
    return 1;
}

typedef struct tally {
    size_t tp, fp, fn;
} tally;

static void quality_file(const char *path, tally *dis, tally *agr, int verbose)
{
    FILE *f = fopen(path, "r");
    char line[8192];
    char *docs = NULL;
    size_t ndocs = 0, nl = 0, i, k;
    label labels[32];
    sl_ctx *ctx;
    sl_corpus *c;
    sl_entities *e;
    sl_cmp_result r;
    if (!f)
        return;
    memset(labels, 0, sizeof(labels));
    while (fgets(line, sizeof(line), f)) {
        size_t len = strlen(line);
        if (line[0] == '{') {
            char *grown = realloc(docs, ndocs + len + 1);
            if (!grown)
                break;
            docs = grown;
            memcpy(docs + ndocs, line, len + 1);
            ndocs += len;
        } else if ((!strncmp(line, "disagree ", 9) || !strncmp(line, "agree ", 6)) && nl < 32) {
            label *l = &labels[nl++];
            char *p, *kind, *rest;
            while (len && (line[len - 1] == '\n' || line[len - 1] == ' '))
                line[--len] = '\0';
            l->disagree = line[0] == 'd';
            p = strchr(line, ' ') + 1;
            kind = p;
            rest = strchr(p, ' ');
            if (!rest)
                continue;
            *rest++ = '\0';
            snprintf(l->kind, sizeof(l->kind), "%s", kind);
            while (rest && l->nvalues < 8) {
                char *bar = strstr(rest, " | ");
                if (bar)
                    *bar = '\0';
                l->values[l->nvalues++] = strdup(rest);
                rest = bar ? bar + 3 : NULL;
            }
        }
    }
    fclose(f);
    ctx = sl_ctx_new();
    c = sl_corpus_new(ctx);
    sl_corpus_add_buffer(ctx, c, "cluster.jsonl", docs ? docs : "", ndocs, NULL);
    e = sl_entities_new(ctx, c);
    sl_compare(ctx, c->docs, c->n, e, &qopts, &r);
    for (k = 0; k < 2; k++) {
        const sl_cmp_item *v = k ? r.agree : r.disagree;
        size_t n = k ? r.nagree : r.ndisagree;
        tally *t = k ? agr : dis;
        for (i = 0; i < n; i++) {
            size_t j;
            for (j = 0; j < nl; j++)
                if (!labels[j].matched && labels[j].disagree == !k && label_matches(&labels[j], &v[i]))
                    break;
            if (j < nl) {
                labels[j].matched = 1;
                t->tp++;
            } else {
                size_t q;
                t->fp++;
                if (verbose) {
                    printf("  %s: unexpected %s %s | %s:", path, k ? "agreement" : "disagreement", v[i].kind,
                           v[i].about);
                    for (q = 0; q < v[i].nclaims; q++)
                        printf(" %s=%s", sl_doc_id(c->docs[v[i].claims[q].doc]), v[i].claims[q].value);
                    printf("\n");
                }
            }
        }
    }
    for (i = 0; i < nl; i++) {
        size_t q;
        if (!labels[i].matched) {
            (labels[i].disagree ? dis : agr)->fn++;
            if (verbose) {
                printf("  %s: missed %s %s", path, labels[i].disagree ? "disagreement" : "agreement",
                       labels[i].kind);
                for (q = 0; q < labels[i].nvalues; q++)
                    printf(" %s%s", q ? "| " : "", labels[i].values[q]);
                printf("\n");
            }
        }
        for (q = 0; q < labels[i].nvalues; q++)
            free(labels[i].values[q]);
    }
    sl_cmp_result_free(&r);
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    free(docs);
}

static void report(const char *what, const tally *t)
{
    double p = t->tp + t->fp ? (double)t->tp / (double)(t->tp + t->fp) : 1;
    double r = t->tp + t->fn ? (double)t->tp / (double)(t->tp + t->fn) : 1;
    printf("| %s | %zu | %zu | %zu | %.2f | %.2f | %.2f |\n", what, t->tp, t->fp, t->fn, p, r,
           p + r > 0 ? 2 * p * r / (p + r) : 0);
}

static void quality(const char *dir, int verbose)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **files = NULL;
    size_t n = 0, i;
    tally dis = {0, 0, 0}, agr = {0, 0, 0};
    if (!d) {
        fprintf(stderr, "compare: cannot open %s\n", dir);
        return;
    }
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (len > 4 && !strcmp(de->d_name + len - 4, ".txt") && de->d_name[0] >= '0' && de->d_name[0] <= '9') {
            char path[4096];
            snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
            files = realloc(files, (n + 1) * sizeof(*files));
            files[n++] = strdup(path);
        }
    }
    closedir(d);
    if (n)
        qsort(files, n, sizeof(*files), cmp_str);
    for (i = 0; i < n; i++) {
        quality_file(files[i], &dis, &agr, verbose);
        free(files[i]);
    }
    free(files);
    printf("%zu clusters\n\n| | found | false | missed | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n", n);
    report("disagreements", &dis);
    report("agreements", &agr);
}

/* ------------------------------------------------------------------ clusters */

static void clusters(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, i, na = 0, nd = 0, nf = 0, nc = 0;
    if (!d) {
        printf("compare: cannot open %s\n", dir);
        return;
    }
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || strchr(e->d_name, '.'))
            continue;
        names = realloc(names, (n + 1) * sizeof(*names));
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof(*names), cmp_str);
    for (i = 0; i < n; i++) {
        char path[4096];
        sl_ctx *ctx = sl_ctx_new();
        sl_corpus *c = sl_corpus_new(ctx);
        sl_entities *en;
        sl_cmp_result r;
        DIR *cd;
        struct dirent *ce;
        char **docs = NULL;
        size_t ndocs = 0, k;
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        if (!(cd = opendir(path))) {
            sl_corpus_free(c);
            sl_ctx_free(ctx);
            continue;
        }
        while ((ce = readdir(cd)))
            if (!strncmp(ce->d_name, "doc", 3)) {
                docs = realloc(docs, (ndocs + 1) * sizeof(*docs));
                docs[ndocs++] = strdup(ce->d_name);
            }
        closedir(cd);
        if (ndocs)
            qsort(docs, ndocs, sizeof(*docs), cmp_str);
        for (k = 0; k < ndocs; k++) {
            char p2[4200];
            snprintf(p2, sizeof(p2), "%s/%s", path, docs[k]);
            sl_corpus_add_path(ctx, c, p2, NULL);
            free(docs[k]);
        }
        free(docs);
        en = sl_entities_new(ctx, c);
        sl_compare(ctx, c->docs, c->n, en, NULL, &r);
        nc++;
        nf += r.nfacts;
        na += r.nagree;
        nd += r.ndisagree;
        if (r.ndisagree || r.nagree)
            printf("=== %s (%zu articles, %zu facts)\n", names[i], c->n, r.nfacts);
        print_items(c, "DISAGREE", r.disagree, r.ndisagree);
        print_items(c, "AGREE", r.agree, r.nagree);
        sl_cmp_result_free(&r);
        sl_entities_free(en);
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        free(names[i]);
    }
    free(names);
    printf("\n%zu clusters, %zu facts, %zu agreements, %zu disagreements\n", nc, nf, na, nd);
}

int main(int argc, char **argv)
{
    sl_ctx *ctx;
    sl_corpus *c;
    if (argc < 3) {
        fprintf(stderr, "usage: compare speed DATA_DIR [N...] | quality DIR | clusters DATA_DIR | "
                        "facts FILE... | items FILE... | pairs MIN FILE...\n");
        return 2;
    }
    ctx = sl_ctx_new();
    if (strcmp(argv[1], "pairs") == 0 && argc > 3) {
        c = read_inputs(ctx, argc - 3, argv + 3);
        dump_pairs(ctx, c, atof(argv[2]));
        sl_corpus_free(c);
    }
    if (strcmp(argv[1], "clusters") == 0)
        clusters(argv[2]);
    if (strcmp(argv[1], "speed") == 0) {
        size_t sizes[16], ns = 0;
        int a;
        for (a = 3; a < argc && ns < 16; a++)
            sizes[ns++] = (size_t)atol(argv[a]);
        if (!ns) {
            sizes[0] = 10;
            sizes[1] = 100;
            sizes[2] = 300;
            ns = 3;
        }
        speed(argv[2], sizes, ns);
    }
    if (strcmp(argv[1], "quality") == 0) {
        /* quality DIR [-v] [ALIGN CONFLICT DECAY] */
        int a = 3, verbose = argc > 3 && !strcmp(argv[3], "-v");
        a += verbose;
        if (argc > a + 2) {
            qopts.align = atof(argv[a]);
            qopts.conflict = atof(argv[a + 1]);
            qopts.decay = atof(argv[a + 2]);
        }
        quality(argv[2], verbose);
    }
    if (strcmp(argv[1], "facts") == 0 || strcmp(argv[1], "items") == 0) {
        c = read_inputs(ctx, argc - 2, argv + 2);
        if (argv[1][0] == 'f')
            dump_facts(ctx, c);
        else
            dump_items(ctx, c);
        sl_corpus_free(c);
    }
    sl_ctx_free(ctx);
    return 0;
}
