/*
 * timeline: quality and speed of the story's timeline (src/story/timeline.c).
 *
 *   timeline [-r RUNS] [--news DATA_DIR] CLUSTER_DIR
 *
 * Quality: every CLUSTER_DIR/NAME.jsonl is a hand-made story with its
 * expected timeline in NAME.expected (lines "date[/end] TAB ids").  The
 * story is digested as `storyline digest` does (document dates with rule 3,
 * then the timeline), and scored:
 *   entry precision  system entries that match an expected one / system entries
 *   entry recall     expected entries matched / expected entries
 *   merge accuracy   matched entries citing exactly the expected documents
 * An entry matches an expected one with the same date (and end) that shares
 * a document with it; each is matched once, the largest overlap first.  The
 * baseline beside it is the tagger alone: one entry per dated expression
 * (resolved against the same document dates), no clause, no merging.
 *
 * Speed (with --news): stories of the first 10, 100 and 300 doc*.txt files
 * of a Multi-News directory (sorted), read once, with the dates they give
 * (few: Multi-News keeps no metadata) and again all dated 2016-06-01 (so
 * that "last year" and "Friday" resolve, as in a dated feed).  RUNS times
 * each: the tagger alone over every document with its date (the baseline:
 * work the timeline cannot avoid), the whole timeline, and rule 3 of the
 * article dates over the documents' own dates (sl_story_infer_dates, the
 * digest's other new stage).  Medians, one core.  Also the timeline of
 * each real cluster of the directory.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis/dates.h"
#include "analysis/timex.h"
#include "core/doc.h"
#include "story/timeline.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof(*v), cmp_dbl);
    return n ? v[n / 2] : 0;
}

/* The sorted names in dir with the given suffix (NULL: any), or NULL. */
static char **list_dir(const char *dir, const char *prefix, const char *suffix, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    if (!d)
        return NULL;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.')
            continue;
        if (prefix && strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        if (suffix && (l < strlen(suffix) || strcmp(e->d_name + l - strlen(suffix), suffix) != 0))
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof(*names));
        }
        names[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, *n, sizeof(*names), cmp_str);
    return names;
}

static void free_list(char **v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* ------------------------------------------------------------------ quality */

typedef struct entry {
    char date[48], end[48];
    unsigned docs;  /* bit set of document indices (stories under 32 documents) */
    int matched;
} entry;

typedef struct score {
    size_t sys, gold, matched, exact;
} score;

static int popcount(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

static void match(entry *sys, size_t ns, entry *gold, size_t ng, score *sc)
{
    size_t i, j;
    for (i = 0; i < ns; i++)
        sys[i].matched = 0;
    for (j = 0; j < ng; j++)
        gold[j].matched = 0;
    for (;;) {
        int best = 0;
        size_t bi = 0, bj = 0;
        for (j = 0; j < ng; j++)
            for (i = 0; i < ns; i++) {
                int ov;
                if (gold[j].matched || sys[i].matched || strcmp(gold[j].date, sys[i].date) != 0 ||
                    strcmp(gold[j].end, sys[i].end) != 0)
                    continue;
                ov = popcount(gold[j].docs & sys[i].docs) * 64 - popcount(gold[j].docs ^ sys[i].docs);
                if (popcount(gold[j].docs & sys[i].docs) && (!best || ov > best)) {
                    best = ov;
                    bi = i;
                    bj = j;
                }
            }
        if (!best)
            break;
        sys[bi].matched = gold[bj].matched = 1;
        sc->matched++;
        sc->exact += sys[bi].docs == gold[bj].docs;
    }
    sc->sys += ns;
    sc->gold += ng;
}

static int doc_index(const sl_corpus *c, const char *id, size_t n)
{
    size_t i;
    for (i = 0; i < sl_corpus_count(c); i++)
        if (strlen(sl_doc_id(sl_corpus_doc(c, i))) == n && strncmp(sl_doc_id(sl_corpus_doc(c, i)), id, n) == 0)
            return (int)i;
    return -1;
}

static size_t read_expected(const char *path, const sl_corpus *c, entry **out)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    size_t n = 0, cap = 0;
    *out = NULL;
    if (!f)
        return 0;
    while (fgets(line, sizeof(line), f)) {
        char *tab = strchr(line, '\t'), *p, *slash;
        entry e;
        if (line[0] == '#' || !tab)
            continue;
        memset(&e, 0, sizeof(e));
        *tab = '\0';
        slash = strchr(line, '/');
        if (slash) {
            *slash = '\0';
            snprintf(e.end, sizeof(e.end), "%.47s", slash + 1);
        }
        snprintf(e.date, sizeof(e.date), "%.47s", line);
        for (p = tab + 1; *p && *p != '\n';) {
            size_t k = strcspn(p, ",\n");
            int di = doc_index(c, p, k);
            if (di < 0 || di >= 32) {
                fprintf(stderr, "timeline: %s: unknown document '%.*s'\n", path, (int)k, p);
                exit(2);
            }
            e.docs |= 1u << di;
            p += k;
            if (*p == ',')
                p++;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = realloc(*out, cap * sizeof(**out));
        }
        (*out)[n++] = e;
    }
    fclose(f);
    return n;
}

/* The tagger alone: one entry per dated expression. */
static size_t baseline_entries(sl_ctx *ctx, const sl_corpus *c, const sl_digest *d, entry **out)
{
    size_t i, k, n = 0, cap = 0;
    *out = NULL;
    for (i = 0; i < sl_corpus_count(c) && i < 32; i++) {
        sl_date dt;
        sl_timex *tx = NULL;
        size_t ntx = 0, len;
        const char *text = sl_doc_text(sl_corpus_doc(c, i), &len);
        int known = sl_digest_doc_date(d, i, &dt) == SL_OK && strncmp(dt.value, "XXXX", 4) != 0;
        if (sl_tag_dates(ctx, text, len, known ? dt.value : NULL, &tx, &ntx) < 0)
            continue;
        for (k = 0; k < ntx; k++) {
            entry e;
            if ((tx[k].type != SL_TIMEX_DATE && tx[k].type != SL_TIMEX_TIME) || tx[k].precision == SL_PREC_NONE ||
                (tx[k].flags & SL_TIMEX_UNRESOLVED))
                continue;
            memset(&e, 0, sizeof(e));
            snprintf(e.date, sizeof(e.date), "%.*s", tx[k].type == SL_TIMEX_TIME ? 10 : 47, tx[k].value);
            if ((tx[k].flags & SL_TIMEX_RANGE) && tx[k].pair > (long)k)
                snprintf(e.end, sizeof(e.end), "%s", tx[tx[k].pair].value);
            e.docs = 1u << i;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                *out = realloc(*out, cap * sizeof(**out));
            }
            (*out)[n++] = e;
        }
        sl_free(tx);
    }
    return n;
}

static void quality(const char *dir)
{
    size_t nf, f;
    char **files = list_dir(dir, NULL, ".jsonl", &nf);
    score sys, base;
    memset(&sys, 0, sizeof(sys));
    memset(&base, 0, sizeof(base));
    if (!nf) {
        printf("timeline: no *.jsonl in %s\n", dir);
        return;
    }
    printf("Quality on %zu hand-made stories (%s):\n", nf, dir);
    printf("%-12s %5s %5s | %-28s | %-28s\n", "story", "gold", "docs", "timeline: P / R / merge", "tagger alone: P / R / merge");
    for (f = 0; f < nf; f++) {
        char path[4096], exp[4096];
        sl_ctx *ctx = sl_ctx_new();
        sl_corpus *c = sl_corpus_new(ctx);
        sl_digest *d = NULL;
        entry *gold, *se = NULL, *be = NULL;
        size_t ng, ns = 0, nb, i, k;
        score s1, s2;
        memset(&s1, 0, sizeof(s1));
        memset(&s2, 0, sizeof(s2));
        snprintf(path, sizeof(path), "%s/%s", dir, files[f]);
        snprintf(exp, sizeof(exp), "%s/%.*s.expected", dir, (int)(strlen(files[f]) - 6), files[f]);
        if (sl_corpus_add_path(ctx, c, path, NULL) < 0 || sl_digest_new(ctx, c, NULL, &d) < 0) {
            fprintf(stderr, "timeline: %s: %s\n", path, sl_errmsg(ctx));
            exit(2);
        }
        ng = read_expected(exp, c, &gold);
        se = calloc(sl_digest_timeline_count(d) + 1, sizeof(*se));
        for (i = 0; i < sl_digest_timeline_count(d); i++) {
            sl_timeline_entry e;
            sl_digest_timeline_entry(d, i, &e);
            snprintf(se[ns].date, sizeof(se[ns].date), "%s", e.date);
            snprintf(se[ns].end, sizeof(se[ns].end), "%s", e.end);
            for (k = 0; k < e.ndocs; k++)
                if (e.docs[k] < 32)
                    se[ns].docs |= 1u << e.docs[k];
            ns++;
        }
        match(se, ns, gold, ng, &s1);
        nb = baseline_entries(ctx, c, d, &be);
        match(be, nb, gold, ng, &s2);
        printf("%-12.*s %5zu %5zu | %5zu: %.2f / %.2f / %.2f     | %5zu: %.2f / %.2f / %.2f\n",
               (int)(strlen(files[f]) - 6), files[f], ng, sl_corpus_count(c), ns,
               ns ? (double)s1.matched / ns : 0, ng ? (double)s1.matched / ng : 0,
               s1.matched ? (double)s1.exact / s1.matched : 0, nb, nb ? (double)s2.matched / nb : 0,
               ng ? (double)s2.matched / ng : 0, s2.matched ? (double)s2.exact / s2.matched : 0);
        sys.sys += s1.sys, sys.gold += s1.gold, sys.matched += s1.matched, sys.exact += s1.exact;
        base.sys += s2.sys, base.gold += s2.gold, base.matched += s2.matched, base.exact += s2.exact;
        free(gold);
        free(se);
        free(be);
        sl_digest_free(d);
        sl_corpus_free(c);
        sl_ctx_free(ctx);
    }
    printf("%-12s %5zu %5s | %5zu: %.2f / %.2f / %.2f     | %5zu: %.2f / %.2f / %.2f\n", "all", sys.gold, "",
           sys.sys, sys.sys ? (double)sys.matched / sys.sys : 0, sys.gold ? (double)sys.matched / sys.gold : 0,
           sys.matched ? (double)sys.exact / sys.matched : 0, base.sys,
           base.sys ? (double)base.matched / base.sys : 0, base.gold ? (double)base.matched / base.gold : 0,
           base.matched ? (double)base.exact / base.matched : 0);
    free_list(files, nf);
}

/* ------------------------------------------------------------------ speed */

typedef struct times {
    double tag, tl, infer;
    size_t events, merged, bytes;
} times;

static void time_story(sl_ctx *ctx, sl_corpus *c, int runs, const sl_tpoint *all, times *t)
{
    size_t n = c->n, i, k;
    sl_tpoint *dates = calloc(n + 1, sizeof(*dates));
    sl_story_date *sd = calloc(n + 1, sizeof(*sd));
    double *a = calloc((size_t)runs, sizeof(double)), *b = calloc((size_t)runs, sizeof(double)),
           *r = calloc((size_t)runs, sizeof(double));
    int run;
    memset(t, 0, sizeof(*t));
    for (i = 0; i < n; i++) {
        if (all)
            dates[i] = *all;
        else
            sl_doc_date_point(c->docs[i], &dates[i]);
        t->bytes += c->docs[i]->text.len;
    }
    for (run = 0; run < runs; run++) {
        double t0 = now();
        sl_tl_event *ev = NULL;
        size_t nev = 0;
        for (i = 0; i < n; i++) { /* baseline: the tagger alone */
            sl_tx *tx = NULL;
            size_t ntx = 0;
            const sl_tpoint *ref = dates[i].prec != SL_PREC_NONE && dates[i].y != SL_YEAR_UNKNOWN ? &dates[i] : NULL;
            sl_tx_tag(ctx, sl_buf_cstr(&c->docs[i]->text), c->docs[i]->text.len, ref, &tx, &ntx);
            free(tx);
        }
        a[run] = now() - t0;
        t0 = now();
        sl_timeline_build(ctx, c->docs, n, dates, &ev, &nev);
        b[run] = now() - t0;
        t->events = nev;
        t->merged = 0;
        for (k = 0; k < nev; k++) {
            t->merged += ev[k].ndocs > 1;
            free(ev[k].text);
            free(ev[k].docs);
        }
        free(ev);
        for (i = 0; i < n; i++) {
            sl_doc_date_point(c->docs[i], &sd[i].p);
            sd[i].evidence = NULL;
        }
        t0 = now();
        sl_story_infer_dates(ctx, c->docs, n, sd);
        r[run] = now() - t0;
        for (i = 0; i < n; i++)
            free(sd[i].inferred);
    }
    t->tag = median(a, (size_t)runs) * 1000;
    t->tl = median(b, (size_t)runs) * 1000;
    t->infer = median(r, (size_t)runs) * 1000;
    free(a);
    free(b);
    free(r);
    free(dates);
    free(sd);
}

static char **doc_paths;
static size_t ndoc_paths, cdoc_paths;

static void speed(const char *data, int runs)
{
    size_t ncl, k, sizes[] = {10, 100, 300}, s;
    char **clusters = list_dir(data, NULL, NULL, &ncl);
    double *per = calloc(ncl + 1, sizeof(double)), *per_tag = calloc(ncl + 1, sizeof(double));
    size_t nper = 0, ev = 0, merged = 0;
    if (!clusters) {
        printf("timeline: %s is absent; no speed run\n", data);
        return;
    }
    for (k = 0; k < ncl; k++) {
        char dir[4096];
        size_t nd, j;
        char **docs;
        snprintf(dir, sizeof(dir), "%s/%s", data, clusters[k]);
        docs = list_dir(dir, "doc", ".txt", &nd);
        for (j = 0; j < nd; j++) {
            char p[8192];
            snprintf(p, sizeof(p), "%s/%s", dir, docs[j]);
            if (ndoc_paths == cdoc_paths) {
                cdoc_paths = cdoc_paths ? cdoc_paths * 2 : 256;
                doc_paths = realloc(doc_paths, cdoc_paths * sizeof(*doc_paths));
            }
            doc_paths[ndoc_paths++] = strdup(p);
        }
        if (nd) { /* the real cluster */
            sl_ctx *ctx = sl_ctx_new();
            sl_corpus *c = sl_corpus_new(ctx);
            times t;
            for (j = 0; j < nd; j++) {
                char p[8192];
                snprintf(p, sizeof(p), "%s/%s", dir, docs[j]);
                sl_corpus_add_path(ctx, c, p, NULL);
            }
            time_story(ctx, c, runs, NULL, &t);
            per[nper] = t.tl;
            per_tag[nper] = t.tag;
            nper++;
            ev += t.events;
            merged += t.merged;
            sl_corpus_free(c);
            sl_ctx_free(ctx);
        }
        free_list(docs, nd);
    }
    printf("\nSpeed on %s (median of %d runs, one core):\n", data, runs);
    printf("%-25s %5s %10s %14s %12s %8s %14s %8s\n", "story", "docs", "bytes", "tagger alone", "timeline",
           "ratio", "rule 3 dates", "events");
    for (s = 0; s < 2 * sizeof(sizes) / sizeof(sizes[0]); s++) {
        sl_ctx *ctx = sl_ctx_new();
        sl_corpus *c = sl_corpus_new(ctx);
        times t;
        size_t i, size = sizes[s % 3];
        sl_tpoint day;
        sl_tpoint_day(&day, 2016, 6, 1);
        for (i = 0; i < size && i < ndoc_paths; i++)
            sl_corpus_add_path(ctx, c, doc_paths[i], NULL);
        time_story(ctx, c, runs, s >= 3 ? &day : NULL, &t);
        printf("first %-3zu articles%s %5zu %10zu %11.2f ms %9.2f ms %7.2fx %11.2f ms %8zu\n", size,
               s >= 3 ? ", dated" : "       ", c->n, t.bytes, t.tag, t.tl, t.tag > 0 ? t.tl / t.tag : 0, t.infer,
               t.events);
        sl_corpus_free(c);
        sl_ctx_free(ctx);
    }
    printf("%zu real clusters: median %.2f ms per cluster (tagger alone %.2f ms); %zu events, %zu told by "
           "two or more articles\n",
           nper, median(per, nper), median(per_tag, nper), ev, merged);
    free(per);
    free(per_tag);
    free_list(clusters, ncl);
    free_list(doc_paths, ndoc_paths);
}

int main(int argc, char **argv)
{
    const char *news = NULL, *dir = NULL;
    int runs = 7, i;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--news") == 0 && i + 1 < argc)
            news = argv[++i];
        else
            dir = argv[i];
    }
    if (!dir || runs < 1) {
        fprintf(stderr, "usage: timeline [-r RUNS] [--news DATA_DIR] CLUSTER_DIR\n");
        return 2;
    }
    quality(dir);
    if (news)
        speed(news, runs);
    return 0;
}
