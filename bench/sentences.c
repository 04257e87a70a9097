/*
 * bench/sentences.c: quality of the sentence splitter.
 *
 *   sentences [--data DIR] [--baseline FILE] [--export-gum FILE] [-v]
 *
 * 1. The Golden Rules (DIR/sentences/): the first 52 cases of
 *    pragmatic_segmenter_english_spec_cases.json ("#001".."#052") are the 52
 *    English Golden Rules; the remaining 125 cases of that file and pySBD's
 *    48-rule file are reported too.  A case passes when the sentences equal
 *    the expected ones after white space is collapsed to single spaces (the
 *    expected strings of the PDF rules have their line breaks joined; spans
 *    into the input cannot do that, so both sides are collapsed).
 * 2. UD English-GUM dev (DIR/gum/en_gum-ud-dev.conllu): each document's raw
 *    text is rebuilt from the tokens: a token is followed by one space
 *    unless its MISC has SpaceAfter=No (multi-word token lines "n-m" give
 *    the surface form and replace their words; empty nodes are skipped);
 *    consecutive sentences of a paragraph are joined the same way (the last
 *    token's SpaceAfter decides); every "# newpar" starts a new paragraph,
 *    separated by a blank line ("\n\n").  Gold boundaries are the byte
 *    offsets where each sentence's last token ends.  The last boundary of
 *    each document is left out (every system gets it).  Scored: precision,
 *    recall and F1 of predicted sentence ends against gold ends, exact
 *    offsets; also over the ends inside paragraphs only (those that no
 *    blank line gives away).
 * Systems side by side: storyline (sl_split_sentences on the raw document),
 * a trivial regex baseline (a boundary after [.!?]+ and closing quotes or
 * brackets followed by white space and an upper-case letter, digit or
 * opening quote; and at blank lines), and optionally NLTK punkt: run
 * bench/punkt_baseline.py on the file written by --export-gum, and pass its
 * predictions with --baseline (see bench/run-sentences.sh).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storyline.h"

/* ------------------------------------------------------------------ helpers */

typedef struct strbuf {
    char *p;
    size_t n, cap;
} strbuf;

static void sb_put(strbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        while (b->n + n + 1 > b->cap)
            b->cap = b->cap ? b->cap * 2 : 1024;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    strbuf b = {NULL, 0, 0};
    char tmp[65536];
    size_t k;
    if (!f)
        return NULL;
    while ((k = fread(tmp, 1, sizeof(tmp), f)) > 0)
        sb_put(&b, tmp, k);
    fclose(f);
    if (!b.p)
        sb_put(&b, "", 0);
    *len = b.n;
    return b.p;
}

/* s[0..n) with white space runs collapsed to one space and trimmed. */
static char *collapse(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    size_t i, k = 0;
    int sp = 0;
    if (!out)
        abort();
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            sp = 1;
            continue;
        }
        if (sp && k)
            out[k++] = ' ';
        sp = 0;
        out[k++] = (char)c;
    }
    out[k] = '\0';
    return out;
}

/* ------------------------------------------------------------------ golden rules */

typedef struct tally {
    int pass, total;
} tally;

/* Compares predicted sentence strings with the expected ones. */
static int same_sentences(char **got, size_t ngot, json_t *expected)
{
    size_t i;
    if (json_array_size(expected) != ngot)
        return 0;
    for (i = 0; i < ngot; i++) {
        const char *e = json_string_value(json_array_get(expected, i));
        char *ce = collapse(e ? e : "", e ? strlen(e) : 0);
        int ok = strcmp(ce, got[i]) == 0;
        free(ce);
        if (!ok)
            return 0;
    }
    return 1;
}

static void print_case(const char *name, char **got, size_t ngot, json_t *expected)
{
    size_t i;
    printf("  FAIL %s\n", name);
    for (i = 0; i < json_array_size(expected); i++)
        printf("    want: %s\n", json_string_value(json_array_get(expected, i)));
    for (i = 0; i < ngot; i++)
        printf("    got:  %s\n", got[i]);
}

/* Runs the cases [from, to) of a case file; `base` (may be NULL) gives a
 * baseline's sentences per case (a JSON array of arrays). */
static void run_cases(sl_ctx *ctx, json_t *cases, size_t from, size_t to, json_t *base,
                      tally *ours, tally *theirs, int verbose)
{
    size_t i, j, n;
    for (i = from; i < to && i < json_array_size(cases); i++) {
        json_t *c = json_array_get(cases, i);
        const char *text = json_string_value(json_object_get(c, "text"));
        const char *name = json_string_value(json_object_get(c, "name"));
        if (!name)
            name = json_string_value(json_object_get(c, "rule"));
        json_t *exp = json_object_get(c, "expected");
        sl_span *sp = NULL;
        char **got;
        size_t len = text ? strlen(text) : 0;
        if (!text || !exp)
            continue;
        sl_split_sentences(ctx, text, len, &sp, &n);
        got = calloc(n + 1, sizeof(*got));
        for (j = 0; j < n; j++)
            got[j] = collapse(text + sp[j].start, sp[j].end - sp[j].start);
        ours->total++;
        if (same_sentences(got, n, exp))
            ours->pass++;
        else if (verbose)
            print_case(name ? name : "?", got, n, exp);
        for (j = 0; j < n; j++)
            free(got[j]);
        free(got);
        sl_free(sp);
        if (base && theirs) {
            json_t *b = json_array_get(base, i);
            size_t nb = json_array_size(b);
            got = calloc(nb + 1, sizeof(*got));
            for (j = 0; j < nb; j++) {
                const char *s = json_string_value(json_array_get(b, j));
                got[j] = collapse(s ? s : "", s ? strlen(s) : 0);
            }
            theirs->total++;
            if (b && same_sentences(got, nb, exp))
                theirs->pass++;
            for (j = 0; j < nb; j++)
                free(got[j]);
            free(got);
        }
    }
}

/* ------------------------------------------------------------------ GUM */

typedef struct gdoc {
    char *id;
    strbuf text;
    size_t *ends;     /* gold sentence ends */
    unsigned char *para_end; /* per gold end: also a paragraph end */
    size_t nends, cends;
} gdoc;

static void push_end(gdoc *d, size_t e, int para)
{
    if (d->nends == d->cends) {
        d->cends = d->cends ? d->cends * 2 : 64;
        d->ends = realloc(d->ends, d->cends * sizeof(*d->ends));
        d->para_end = realloc(d->para_end, d->cends);
        if (!d->ends || !d->para_end)
            abort();
    }
    d->ends[d->nends] = e;
    d->para_end[d->nends++] = (unsigned char)para;
}

/* The i-th tab-separated field of a CoNLL-U line. */
static const char *field(const char *line, int i, size_t *len)
{
    const char *p = line, *e;
    while (i-- > 0) {
        p = strchr(p, '\t');
        if (!p)
            return NULL;
        p++;
    }
    e = strchr(p, '\t');
    *len = e ? (size_t)(e - p) : strlen(p);
    return p;
}

/* Whether s[0..n) contains the string sub. */
static int has_sub(const char *s, size_t n, const char *sub)
{
    size_t k = strlen(sub), i;
    for (i = 0; i + k <= n; i++)
        if (memcmp(s + i, sub, k) == 0)
            return 1;
    return 0;
}

/* Parses the CoNLL-U file into documents. */
static gdoc *load_gum(char *data, size_t *ndocs)
{
    gdoc *docs = NULL;
    size_t nd = 0, cd = 0;
    gdoc *d = NULL;
    char *line = data, *next;
    int new_par = 0, space_pending = 0, in_sent = 0;
    long skip_to = 0;
    for (; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (strncmp(line, "# newdoc", 8) == 0) {
            if (d && in_sent)
                push_end(d, d->text.n, 1);
            if (nd == cd) {
                cd = cd ? cd * 2 : 16;
                docs = realloc(docs, cd * sizeof(*docs));
                if (!docs)
                    abort();
            }
            d = &docs[nd++];
            memset(d, 0, sizeof(*d));
            {
                const char *eq = strstr(line, "= ");
                d->id = strdup(eq ? eq + 2 : "?");
            }
            new_par = 0;
            space_pending = 0;
            in_sent = 0;
            continue;
        }
        if (!d)
            continue;
        if (strncmp(line, "# newpar", 8) == 0 && (line[8] == '\0' || line[8] == ' ')) {
            new_par = 1;
            continue;
        }
        if (line[0] == '#')
            continue;
        if (line[0] == '\0') {
            /* end of a sentence */
            if (in_sent)
                push_end(d, d->text.n, 0);
            in_sent = 0;
            skip_to = 0;
            continue;
        }
        {
            size_t fl, ml;
            const char *idf = field(line, 0, &fl), *form = field(line, 1, &fl), *misc;
            long a = strtol(idf, NULL, 10), b = a;
            const char *dash = strchr(idf, '-'), *dot = strchr(idf, '.');
            char *tab = strchr(idf, '\t');
            if (dot && (!tab || dot < tab))
                continue; /* empty node */
            if (dash && (!tab || dash < tab))
                b = strtol(dash + 1, NULL, 10);
            else if (a <= skip_to)
                continue; /* a word of a multi-word token already written */
            if (dash && (!tab || dash < tab))
                skip_to = b;
            field(line, 1, &fl);
            misc = field(line, 9, &ml);
            if (new_par && d->text.n) {
                /* the sentence before ended a paragraph */
                if (d->nends)
                    d->para_end[d->nends - 1] = 1;
                sb_put(&d->text, "\n\n", 2);
            } else if (space_pending) {
                sb_put(&d->text, " ", 1);
            }
            new_par = 0;
            sb_put(&d->text, form, fl);
            space_pending = !(misc && has_sub(misc, ml, "SpaceAfter=No"));
            in_sent = 1;
        }
    }
    if (d && in_sent)
        push_end(d, d->text.n, 1);
    if (d && d->nends)
        d->para_end[d->nends - 1] = 1;
    *ndocs = nd;
    return docs;
}

typedef struct prf {
    size_t tp, pred, gold;
} prf;

/* Scores predicted ends against a document's gold ends (the document's own
 * final end excluded); `inner` scores only ends that are not paragraph
 * ends. */
static void score(const gdoc *d, const size_t *pred, size_t npred, prf *all, prf *inner)
{
    size_t i, j = 0, last = d->nends ? d->ends[d->nends - 1] : 0;
    unsigned char *hit = calloc(d->nends + 1, 1);
    for (i = 0; i < npred; i++) {
        size_t e = pred[i];
        int para = 0;
        if (e >= last)
            continue;
        /* a prediction at a paragraph break is never counted as "inner" */
        if (e + 2 <= d->text.n && d->text.p[e] == '\n' && d->text.p[e + 1] == '\n')
            para = 1;
        all->pred++;
        if (!para)
            inner->pred++;
        while (j < d->nends && d->ends[j] < e)
            j++;
        if (j < d->nends && d->ends[j] == e && !hit[j]) {
            hit[j] = 1;
            all->tp++;
            if (!d->para_end[j])
                inner->tp++;
        }
    }
    for (i = 0; i + 1 < d->nends; i++) {
        all->gold++;
        if (!d->para_end[i])
            inner->gold++;
    }
    free(hit);
}

static void print_prf(const char *name, const prf *p)
{
    double P = p->pred ? (double)p->tp / (double)p->pred : 0, R = p->gold ? (double)p->tp / (double)p->gold : 0;
    printf("  %-34s P %.4f  R %.4f  F1 %.4f   (tp %zu, predicted %zu, gold %zu)\n", name, P, R,
           P + R > 0 ? 2 * P * R / (P + R) : 0, p->tp, p->pred, p->gold);
}

/* The regex baseline: ends after [.!?]+ and closers, followed by white space
 * and an upper-case letter, a digit or an opening quote; and at blank lines. */
static size_t *regex_split(const char *t, size_t n, size_t *np)
{
    size_t *out = NULL, k = 0, cap = 0, i = 0;
    while (i < n) {
        size_t e = 0;
        if (t[i] == '.' || t[i] == '!' || t[i] == '?') {
            size_t j = i;
            while (j < n && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
                j++;
            while (j < n && (t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == ']' ||
                             (j + 2 < n && (unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 &&
                              ((unsigned char)t[j + 2] == 0x9D || (unsigned char)t[j + 2] == 0x99))))
                j += (unsigned char)t[j] == 0xE2 ? 3 : 1;
            if (j < n && (t[j] == ' ' || t[j] == '\n')) {
                size_t r = j;
                while (r < n && (t[r] == ' ' || t[r] == '\n'))
                    r++;
                if (r < n && ((t[r] >= 'A' && t[r] <= 'Z') || (t[r] >= '0' && t[r] <= '9') ||
                              t[r] == '"' || t[r] == '\'' || (unsigned char)t[r] == 0xE2))
                    e = j;
            }
            i = j;
        } else if (t[i] == '\n' && i + 1 < n && t[i + 1] == '\n') {
            size_t b = i;
            while (b > 0 && t[b - 1] == ' ')
                b--;
            e = b;
            i += 2;
        } else {
            i++;
        }
        if (e) {
            if (k == cap) {
                cap = cap ? cap * 2 : 64;
                out = realloc(out, cap * sizeof(*out));
                if (!out)
                    abort();
            }
            if (!k || out[k - 1] != e)
                out[k++] = e;
        }
    }
    *np = k;
    return out;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static void run_gum(sl_ctx *ctx, gdoc *docs, size_t nd, json_t *base, int verbose)
{
    prf ours_all = {0, 0, 0}, ours_in = {0, 0, 0}, re_all = {0, 0, 0}, re_in = {0, 0, 0},
        pk_all = {0, 0, 0}, pk_in = {0, 0, 0};
    size_t i, j;
    for (i = 0; i < nd; i++) {
        gdoc *d = &docs[i];
        sl_span *sp = NULL;
        size_t n, *ends, nr;
        prf a = {0, 0, 0}, b = {0, 0, 0};
        sl_split_sentences(ctx, d->text.p, d->text.n, &sp, &n);
        ends = malloc((n + 1) * sizeof(*ends));
        for (j = 0; j < n; j++)
            ends[j] = sp[j].end;
        score(d, ends, n, &a, &b);
        if (verbose) {
            printf("  %-36s gold %4zu  predicted %4zu  tp %4zu\n", d->id, a.gold, a.pred, a.tp);
            if (verbose > 1) {
                size_t g = 0;
                for (j = 0; j < n; j++) {
                    while (g < d->nends && d->ends[g] < ends[j]) {
                        printf("    MISSED  ...%.60s|\n", d->text.p + (d->ends[g] > 60 ? d->ends[g] - 60 : 0));
                        g++;
                    }
                    if (g < d->nends && d->ends[g] == ends[j])
                        g++;
                    else
                        printf("    EXTRA   ...%.60s|\n", d->text.p + (ends[j] > 60 ? ends[j] - 60 : 0));
                }
            }
        }
        ours_all.tp += a.tp; ours_all.pred += a.pred; ours_all.gold += a.gold;
        ours_in.tp += b.tp; ours_in.pred += b.pred; ours_in.gold += b.gold;
        free(ends);
        sl_free(sp);
        ends = regex_split(d->text.p, d->text.n, &nr);
        score(d, ends, nr, &re_all, &re_in);
        free(ends);
        if (base) {
            json_t *arr = json_array_get(base, i);
            size_t np = json_array_size(arr);
            ends = malloc((np + 1) * sizeof(*ends));
            for (j = 0; j < np; j++)
                ends[j] = (size_t)json_integer_value(json_array_get(arr, j));
            qsort(ends, np, sizeof(*ends), cmp_size);
            score(d, ends, np, &pk_all, &pk_in);
            free(ends);
        }
    }
    printf("GUM dev (%zu documents), all sentence ends:\n", nd);
    print_prf("storyline", &ours_all);
    if (base)
        print_prf("NLTK punkt (trained, see .md)", &pk_all);
    print_prf("regex baseline", &re_all);
    printf("GUM dev, ends inside paragraphs only:\n");
    print_prf("storyline", &ours_in);
    if (base)
        print_prf("NLTK punkt (trained, see .md)", &pk_in);
    print_prf("regex baseline", &re_in);
}

/* ------------------------------------------------------------------ main */

static json_t *load_json(const char *path)
{
    json_error_t err;
    json_t *j = json_load_file(path, 0, &err);
    return j;
}

int main(int argc, char **argv)
{
    const char *dir = "../shared/data", *base_path = NULL, *export_path = NULL;
    int verbose = 0, i;
    char path[1024];
    sl_ctx *ctx = sl_ctx_new();
    json_t *prag, *pysbd, *base = NULL;
    char *conllu;
    size_t len;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--baseline") == 0 && i + 1 < argc)
            base_path = argv[++i];
        else if (strcmp(argv[i], "--export-gum") == 0 && i + 1 < argc)
            export_path = argv[++i];
        else if (strcmp(argv[i], "-v") == 0)
            verbose++;
        else {
            fprintf(stderr, "usage: sentences [--data DIR] [--baseline FILE] [--export-gum FILE] [-v]\n");
            return 2;
        }
    }
    if (base_path && !(base = load_json(base_path))) {
        fprintf(stderr, "sentences: cannot read %s\n", base_path);
        return 1;
    }

    snprintf(path, sizeof(path), "%s/gum/en_gum-ud-dev.conllu", dir);
    conllu = read_file(path, &len);
    if (export_path) {
        gdoc *docs;
        size_t nd, k;
        json_t *arr = json_array();
        if (!conllu) {
            fprintf(stderr, "sentences: %s absent\n", path);
            return 1;
        }
        docs = load_gum(conllu, &nd);
        for (k = 0; k < nd; k++)
            json_array_append_new(arr, json_pack("{s:s, s:s%}", "id", docs[k].id, "text",
                                                 docs[k].text.p, docs[k].text.n));
        json_dump_file(arr, export_path, JSON_COMPACT);
        json_decref(arr);
        return 0;
    }

    snprintf(path, sizeof(path), "%s/sentences/pragmatic_segmenter_english_spec_cases.json", dir);
    prag = load_json(path);
    snprintf(path, sizeof(path), "%s/sentences/golden_rules_en_pysbd48.json", dir);
    pysbd = load_json(path);
    if (!prag) {
        printf("Golden Rules: skipped (%s/sentences absent)\n", dir);
    } else {
        json_t *cases = json_object_get(prag, "cases");
        json_t *pc = json_is_array(pysbd) ? pysbd : pysbd ? json_object_get(pysbd, "cases") : NULL;
        tally g = {0, 0}, f = {0, 0}, p = {0, 0}, bg = {0, 0}, bf = {0, 0}, bp = {0, 0};
        json_t *bprag = base ? json_object_get(base, "pragmatic") : NULL;
        json_t *bpysbd = base ? json_object_get(base, "pysbd") : NULL;
        if (verbose)
            printf("Golden Rules (#001-#052):\n");
        run_cases(ctx, cases, 0, 52, bprag, &g, &bg, verbose);
        if (verbose)
            printf("Further spec cases:\n");
        run_cases(ctx, cases, 52, json_array_size(cases), bprag, &f, &bf, verbose);
        if (verbose)
            printf("pySBD 48:\n");
        if (pc)
            run_cases(ctx, pc, 0, json_array_size(pc), bpysbd, &p, &bp, verbose);
        printf("Golden Rules (pragmatic_segmenter English #001-#052): storyline %d/%d (%.2f%%)", g.pass,
               g.total, 100.0 * g.pass / (g.total ? g.total : 1));
        if (bprag)
            printf(", punkt %d/%d (%.2f%%)", bg.pass, bg.total, 100.0 * bg.pass / (bg.total ? bg.total : 1));
        printf("\nFurther spec cases (#053 on):                        storyline %d/%d (%.2f%%)", f.pass,
               f.total, 100.0 * f.pass / (f.total ? f.total : 1));
        if (bprag)
            printf(", punkt %d/%d (%.2f%%)", bf.pass, bf.total, 100.0 * bf.pass / (bf.total ? bf.total : 1));
        printf("\npySBD 48 Golden Rules:                                storyline %d/%d (%.2f%%)", p.pass,
               p.total, 100.0 * p.pass / (p.total ? p.total : 1));
        if (bpysbd)
            printf(", punkt %d/%d (%.2f%%)", bp.pass, bp.total, 100.0 * bp.pass / (bp.total ? bp.total : 1));
        printf("\n");
        json_decref(prag);
        json_decref(pysbd);
    }

    if (!conllu) {
        printf("GUM: skipped (%s/gum absent)\n", dir);
    } else {
        size_t nd, k;
        gdoc *docs = load_gum(conllu, &nd);
        run_gum(ctx, docs, nd, base ? json_object_get(base, "gum") : NULL, verbose);
        for (k = 0; k < nd; k++) {
            free(docs[k].id);
            free(docs[k].text.p);
            free(docs[k].ends);
            free(docs[k].para_end);
        }
        free(docs);
        free(conllu);
    }
    json_decref(base);
    sl_ctx_free(ctx);
    return 0;
}
