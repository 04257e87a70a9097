/*
 * timeml.c: the temporal tagger against TimeML gold annotation, and its speed.
 *
 *   timeml [-v] [-r RUNS] [--news DIR] TML_DIR...
 *
 * Quality: every .tml file under the directories (TimeBank, AQUAINT of
 * TBAQ-cleaned) is stripped of its tags to the raw text of <TEXT> (with the
 * gold TIMEX3 extents as offsets into it), tagged with the document creation
 * time of its <DCT> (the DCT timex itself is not scored, as in TempEval-3),
 * and scored with the TempEval-3 conventions (UzZaman et al. 2013):
 * strict match = the same extent, relaxed match = overlapping extents;
 * precision counts system expressions that match, recall gold ones that do;
 * the value (and type) F1 counts a relaxed match only when its attribute is
 * also equal (attribute precision over all system expressions, recall over
 * all gold ones).  -v lists the misses, the false alarms and the wrong values.
 *
 * Speed: tagging all TimeML texts, and 1 MB of news text (--news: the
 * documents under DIR, e.g. multinews-dev, concatenated), median of RUNS runs,
 * side by side with a baseline run over the same text: a trivial POSIX
 * regular-expression year finder.
 */
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "storyline.h"

typedef struct gold {
    size_t start, end;
    char type[16];
    char value[48];
} gold;

typedef struct doc {
    char *name;
    char *text;
    size_t len;
    char dct[48];
    gold *g;
    size_t ng;
} doc;

typedef struct counts {
    size_t sys, gold, strict_sys, strict_gold, relax_sys, relax_gold, value_ok, type_ok;
} counts;

static char *read_file(const char *path, size_t *len)
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

static void attr(const char *tag, size_t n, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name), i;
    out[0] = '\0';
    for (i = 0; i + nl + 2 < n; i++) {
        if (memcmp(tag + i, name, nl) == 0 && tag[i + nl] == '=' && tag[i + nl + 1] == '"' &&
            (i == 0 || tag[i - 1] == ' ')) {
            size_t s = i + nl + 2, e = s;
            while (e < n && tag[e] != '"')
                e++;
            if (e - s >= cap)
                e = s + cap - 1;
            memcpy(out, tag + s, e - s);
            out[e - s] = '\0';
            return;
        }
    }
}

/* Strips the tags of <TEXT>, decoding the five XML entities, and records
 * the TIMEX3 extents. */
static int load_tml(const char *path, doc *d)
{
    size_t len, i, cap = 0;
    char *s = read_file(path, &len), *t, *te, *dct;
    size_t open_start = 0;
    char open_type[16] = "", open_value[48] = "";
    int open = 0;
    if (!s)
        return -1;
    memset(d, 0, sizeof(*d));
    d->name = strdup(path);
    dct = strstr(s, "<DCT>");
    if (dct) {
        char *tx = strstr(dct, "<TIMEX3");
        char *gt = tx ? strchr(tx, '>') : NULL;
        if (gt)
            attr(tx, (size_t)(gt - tx), "value", d->dct, sizeof(d->dct));
    }
    t = strstr(s, "<TEXT>");
    te = t ? strstr(t, "</TEXT>") : NULL;
    if (!t || !te) {
        free(s);
        return -1;
    }
    t += 6;
    d->text = malloc((size_t)(te - t) + 1);
    for (i = 0; t + i < te;) {
        char c = t[i];
        if (c == '<') {
            char *gt = memchr(t + i, '>', (size_t)(te - (t + i)));
            size_t tl;
            if (!gt)
                break;
            tl = (size_t)(gt - (t + i)) + 1;
            if (tl > 8 && memcmp(t + i, "<TIMEX3 ", 8) == 0) {
                open = 1;
                open_start = d->len;
                attr(t + i, tl, "type", open_type, sizeof(open_type));
                attr(t + i, tl, "value", open_value, sizeof(open_value));
            } else if (tl >= 9 && memcmp(t + i, "</TIMEX3>", 9) == 0 && open) {
                gold g;
                g.start = open_start;
                g.end = d->len;
                memcpy(g.type, open_type, sizeof(g.type));
                memcpy(g.value, open_value, sizeof(g.value));
                if (d->ng == cap) {
                    cap = cap ? cap * 2 : 64;
                    d->g = realloc(d->g, cap * sizeof(gold));
                }
                d->g[d->ng++] = g;
                open = 0;
            }
            i += tl;
            continue;
        }
        if (c == '&') {
            static const char *const ents[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                                                  {"&quot;", "\""}, {"&apos;", "'"}};
            size_t k;
            for (k = 0; k < 5; k++)
                if (strncmp(t + i, ents[k][0], strlen(ents[k][0])) == 0)
                    break;
            if (k < 5) {
                d->text[d->len++] = ents[k][1][0];
                i += strlen(ents[k][0]);
                continue;
            }
        }
        d->text[d->len++] = c;
        i++;
    }
    d->text[d->len] = '\0';
    free(s);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *dir, char ***paths, size_t *n, size_t *cap)
{
    DIR *D = opendir(dir);
    struct dirent *e;
    if (!D)
        return;
    while ((e = readdir(D))) {
        char p[4096];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
        if (stat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            walk(p, paths, n, cap);
        } else {
            size_t l = strlen(p);
            if ((l > 4 && strcmp(p + l - 4, ".tml") == 0) || (l > 4 && strcmp(p + l - 4, ".txt") == 0)) {
                if (*n == *cap) {
                    *cap = *cap ? *cap * 2 : 256;
                    *paths = realloc(*paths, *cap * sizeof(char *));
                }
                (*paths)[(*n)++] = strdup(p);
            }
        }
    }
    closedir(D);
}

static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void print_counts(const char *label, const counts *c)
{
    double sp = c->sys ? (double)c->strict_sys / (double)c->sys : 0;
    double sr = c->gold ? (double)c->strict_gold / (double)c->gold : 0;
    double rp = c->sys ? (double)c->relax_sys / (double)c->sys : 0;
    double rr = c->gold ? (double)c->relax_gold / (double)c->gold : 0;
    double vp = c->sys ? (double)c->value_ok / (double)c->sys : 0;
    double vr = c->gold ? (double)c->value_ok / (double)c->gold : 0;
    double tp = c->sys ? (double)c->type_ok / (double)c->sys : 0;
    double tr = c->gold ? (double)c->type_ok / (double)c->gold : 0;
    printf("%-9s %5zu %5zu  %5.3f %5.3f %5.3f  %5.3f %5.3f %5.3f  %5.3f %5.3f %5.3f  %5.3f\n", label, c->gold,
           c->sys, sp, sr, f1(sp, sr), rp, rr, f1(rp, rr), vp, vr, f1(vp, vr), f1(tp, tr));
}

static int type_index(const char *t)
{
    return strcmp(t, "DATE") == 0 ? 0 : strcmp(t, "TIME") == 0 ? 1 : strcmp(t, "DURATION") == 0 ? 2 : 3;
}

/* The trivial baseline: four-digit years 1000-2099 found by a POSIX regex. */
static size_t regex_years(const regex_t *re, const char *text, size_t len)
{
    size_t found = 0, off = 0;
    regmatch_t m[1];
    (void)len;
    while (regexec(re, text + off, 1, m, off ? REG_NOTBOL : 0) == 0) {
        found++;
        off += (size_t)m[0].rm_eo;
        if (m[0].rm_eo == 0)
            off++;
        if (off >= len)
            break;
    }
    return found;
}

static void speed(sl_ctx *ctx, const char *label, const char *text, size_t len, int runs, const regex_t *re)
{
    double *ts = malloc((size_t)runs * sizeof(double)), *tb = malloc((size_t)runs * sizeof(double));
    size_t n = 0, nb = 0;
    int r;
    for (r = 0; r < runs; r++) {
        sl_timex *tx;
        double t0 = now_sec();
        sl_tag_dates(ctx, text, len, "2018-04-27", &tx, &n);
        ts[r] = now_sec() - t0;
        sl_free(tx);
        t0 = now_sec();
        nb = regex_years(re, text, len);
        tb[r] = now_sec() - t0;
    }
    qsort(ts, (size_t)runs, sizeof(double), cmp_double);
    qsort(tb, (size_t)runs, sizeof(double), cmp_double);
    printf("%-24s %8.2f MB  tagger %8.1f ms %7.1f MB/s (%zu found)   regex-year baseline %7.1f ms %7.1f MB/s "
           "(%zu found)   ratio %.2fx\n",
           label, (double)len / 1e6, ts[runs / 2] * 1e3, (double)len / 1e6 / ts[runs / 2], n, tb[runs / 2] * 1e3,
           (double)len / 1e6 / tb[runs / 2], nb, ts[runs / 2] / tb[runs / 2]);
    free(ts);
    free(tb);
}

int main(int argc, char **argv)
{
    char **paths = NULL;
    size_t np = 0, cp = 0, i, j, k;
    int verbose = 0, runs = 5, a;
    const char *news = NULL;
    doc *docs;
    size_t nd = 0;
    counts all, by_type[4];
    sl_ctx *ctx = sl_ctx_new();
    regex_t re;
    static const char *const type_names[4] = {"DATE", "TIME", "DURATION", "SET"};

    memset(&all, 0, sizeof(all));
    memset(by_type, 0, sizeof(by_type));
    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[a], "-r") == 0 && a + 1 < argc)
            runs = atoi(argv[++a]);
        else if (strcmp(argv[a], "--news") == 0 && a + 1 < argc)
            news = argv[++a];
        else
            walk(argv[a], &paths, &np, &cp);
    }
    if (runs < 1)
        runs = 1;
    if (np == 0) {
        fprintf(stderr, "timeml: no .tml files found\n");
        sl_ctx_free(ctx);
        return 1;
    }
    qsort(paths, np, sizeof(char *), cmp_str);
    docs = calloc(np, sizeof(doc));
    for (i = 0; i < np; i++)
        if (load_tml(paths[i], &docs[nd]) == 0)
            nd++;
    if (nd == 0) {
        fprintf(stderr, "timeml: no readable .tml files\n");
        free(docs);
        sl_ctx_free(ctx);
        return 1;
    }
    for (i = 0; i < nd; i++) {
        doc *d = &docs[i];
        sl_timex *tx;
        size_t n;
        if (sl_tag_dates(ctx, d->text, d->len, d->dct[0] ? d->dct : NULL, &tx, &n) < 0) {
            fprintf(stderr, "timeml: %s: %s\n", d->name, sl_errmsg(ctx));
            continue;
        }
        all.sys += n;
        all.gold += d->ng;
        for (j = 0; j < d->ng; j++)
            by_type[type_index(d->g[j].type)].gold++;
        for (k = 0; k < n; k++) {
            int strict = 0, relax = 0, ti = type_index(sl_timex_type_name(tx[k].type));
            by_type[ti].sys++;
            for (j = 0; j < d->ng; j++) {
                if (tx[k].start < d->g[j].end && d->g[j].start < tx[k].end) {
                    relax = 1;
                    if (tx[k].start == d->g[j].start && tx[k].end == d->g[j].end)
                        strict = 1;
                }
            }
            all.strict_sys += (size_t)strict;
            all.relax_sys += (size_t)relax;
            by_type[ti].strict_sys += (size_t)strict;
            by_type[ti].relax_sys += (size_t)relax;
            if (!relax && verbose)
                printf("FP\t%s\t%s\t%s\t%.*s\n", d->name + (strrchr(d->name, '/') ? strrchr(d->name, '/') - d->name + 1 : 0),
                       sl_timex_type_name(tx[k].type), tx[k].value, (int)(tx[k].end - tx[k].start),
                       d->text + tx[k].start);
        }
        for (j = 0; j < d->ng; j++) {
            const gold *g = &d->g[j];
            int strict = 0, relax = 0, vok = 0, tok = 0, ti = type_index(g->type);
            const sl_timex *first = NULL;
            for (k = 0; k < n; k++) {
                if (tx[k].start < g->end && g->start < tx[k].end) {
                    if (!first)
                        first = &tx[k];
                    relax = 1;
                    if (tx[k].start == g->start && tx[k].end == g->end)
                        strict = 1;
                }
            }
            if (first) {
                vok = strcmp(first->value, g->value) == 0;
                tok = strcmp(sl_timex_type_name(first->type), g->type) == 0;
            }
            all.strict_gold += (size_t)strict;
            all.relax_gold += (size_t)relax;
            all.value_ok += (size_t)vok;
            all.type_ok += (size_t)tok;
            by_type[ti].strict_gold += (size_t)strict;
            by_type[ti].relax_gold += (size_t)relax;
            by_type[ti].value_ok += (size_t)vok;
            by_type[ti].type_ok += (size_t)tok;
            if (verbose) {
                const char *base = strrchr(d->name, '/') ? strrchr(d->name, '/') + 1 : d->name;
                size_t cs = g->start > 40 ? g->start - 40 : 0, ce = g->end + 40 < d->len ? g->end + 40 : d->len;
                char ctxbuf[200];
                size_t q, o = 0;
                for (q = cs; q < ce && o + 1 < sizeof(ctxbuf); q++)
                    ctxbuf[o++] = d->text[q] == '\n' || d->text[q] == '\t' ? ' ' : d->text[q];
                ctxbuf[o] = '\0';
                if (!relax)
                    printf("FN\t%s\t%s\t%s\t%.*s\t| %s\n", base, g->type, g->value, (int)(g->end - g->start),
                           d->text + g->start, ctxbuf);
                else if (!vok)
                    printf("VAL\t%s\t%s\tgold=%s\tsys=%s\t%.*s\t[%.*s]\tdct=%s\t| %s\n", base, g->type, g->value,
                           first->value, (int)(g->end - g->start), d->text + g->start,
                           (int)(first->end - first->start), d->text + first->start, d->dct, ctxbuf);
            }
        }
        sl_free(tx);
    }
    printf("TimeML: %zu documents, %zu gold TIMEX3 (the DCT excluded)\n", nd, all.gold);
    printf("%-9s %5s %5s  %-17s  %-17s  %-17s  %s\n", "", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1",
           "value P/R/F1", "type F1");
    for (k = 0; k < 4; k++)
        print_counts(type_names[k], &by_type[k]);
    print_counts("overall", &all);

    /* speed */
    if (regcomp(&re, "(^|[^0-9])(1[0-9]|20)[0-9][0-9]([^0-9]|$)", REG_EXTENDED) != 0)
        return 1;
    {
        size_t total = 0;
        char *all_text, *p;
        for (i = 0; i < nd; i++)
            total += docs[i].len + 2;
        all_text = malloc(total + 1);
        p = all_text;
        for (i = 0; i < nd; i++) {
            memcpy(p, docs[i].text, docs[i].len);
            p += docs[i].len;
            *p++ = '\n';
            *p++ = '\n';
        }
        *p = '\0';
        printf("\nspeed (median of %d runs, one core)\n", runs);
        speed(ctx, "TimeML text", all_text, total, runs, &re);
        free(all_text);
    }
    if (news) {
        char **np2 = NULL;
        size_t nn = 0, cn = 0, total = 0, cap = 1 << 20;
        char *buf = malloc(cap + 1);
        walk(news, &np2, &nn, &cn);
        qsort(np2, nn, sizeof(char *), cmp_str);
        for (i = 0; i < nn && total < cap; i++) {
            size_t l;
            char *s = read_file(np2[i], &l);
            const char *base = strrchr(np2[i], '/') ? strrchr(np2[i], '/') + 1 : np2[i];
            if (s && strncmp(base, "doc", 3) == 0) {
                if (l > cap - total)
                    l = cap - total;
                memcpy(buf + total, s, l);
                total += l;
            }
            free(s);
        }
        for (i = 0; i < nn; i++)
            free(np2[i]);
        free(np2);
        buf[total] = '\0';
        if (total)
            speed(ctx, "news text (multinews)", buf, total, runs, &re);
        free(buf);
    }
    regfree(&re);
    for (i = 0; i < nd; i++) {
        free(docs[i].name);
        free(docs[i].text);
        free(docs[i].g);
    }
    free(docs);
    for (i = 0; i < np; i++)
        free(paths[i]);
    free(paths);
    sl_ctx_free(ctx);
    return 0;
}
