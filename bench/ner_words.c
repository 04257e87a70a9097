/*
 * ner_words: builds data/ner/words.txt, the word representations the NER
 * tagger learns from unlabeled text.
 *
 *   ner_words [--out FILE] [--k K] [--min N] [--news DIR] [--timeml DIR]
 *             [--extraction FILE] [--gum FILE] [--exclude GOLD]
 *
 * Reads unlabeled news text: the Multi-News dev documents (less the clusters
 * of the hand-annotated news evaluation set, bench/data/ner-news/gold.txt,
 * so that the evaluation stays unseen), the TimeBank and AQUAINT articles
 * (text between <TEXT> and </TEXT>, tags removed) and the article bodies of
 * the extraction set, and GUM's sentences (its text only).  Every case-folded word seen at least --min times gets
 *   - a case profile: how often it is capitalized inside ordinary sentences
 *     (not first in a sentence, not in headline-like lines), in 5 buckets
 *     (1 always lower ... 5 always capitalized; 0 is "unseen");
 *   - a distributional cluster: spherical k-means (K clusters) over its
 *     left and right neighbours among the most frequent words, weighted by
 *     positive pointwise mutual information (in the spirit of Brown
 *     clusters and of Clark 2003's distributional clustering; Ratinov and
 *     Roth 2009 show such clusters help feature-based NER).
 * Output lines: "word case cluster", most frequent first.  Deterministic.
 */
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/sentences.h"
#include "analysis/tokens.h"
#include "core/ctx.h"
#include "util/buf.h"
#include "util/mem.h"

#define NCTX 800 /* context words: the most frequent */

typedef struct wstat {
    unsigned count, cap, low;
} wstat;

typedef struct corpus_ids {
    uint32_t *ids; /* norm id per word token; UINT32_MAX between sentences */
    size_t n, cap;
} corpus_ids;

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    sl_buf b = SL_BUF_INIT;
    char tmp[65536];
    size_t k;
    if (!f)
        return NULL;
    while ((k = fread(tmp, 1, sizeof(tmp), f)) > 0)
        sl_buf_put(&b, tmp, k);
    fclose(f);
    *len = b.len;
    return sl_buf_detach(&b);
}

static wstat *st;
static size_t nst;

static void grow_stats(size_t id)
{
    if (id >= nst) {
        size_t old = nst;
        st = sl_xgrow(st, &nst, id + 1, sizeof(*st));
        memset(st + old, 0, (nst - old) * sizeof(*st));
    }
}

/* Adds a text: counts and the id stream. */
static void add_text(sl_ctx *ctx, const char *text, size_t len, corpus_ids *c)
{
    sl_span *sp = NULL;
    size_t ns = 0, cs = 0, s;
    sl_token *toks = NULL;
    size_t nt = 0, ct = 0;
    sl_sentences_split(ctx, text, len, 0, &sp, &ns, &cs);
    for (s = 0; s < ns; s++) {
        size_t i, words = 0, caps = 0;
        int first = 1, headline;
        nt = 0;
        sl_tokens_scan(ctx, text + sp[s].start, sp[s].end - sp[s].start, sp[s].start, &toks, &nt,
                       &ct);
        for (i = 0; i < nt; i++)
            if (toks[i].flags & SL_TOK_WORD) {
                words++;
                if (toks[i].flags & (SL_TOK_CAP | SL_TOK_UPPER))
                    caps++;
            }
        headline = words >= 3 && caps * 10 > words * 6;
        for (i = 0; i < nt; i++) {
            uint32_t id = toks[i].norm;
            if (!(toks[i].flags & (SL_TOK_WORD | SL_TOK_NUMBER))) {
                /* punctuation is context too, as its own id */
                SL_PUSH(c->ids, c->n, c->cap, id);
                grow_stats(id);
                st[id].count++;
                continue;
            }
            grow_stats(id);
            st[id].count++;
            SL_PUSH(c->ids, c->n, c->cap, id);
            if ((toks[i].flags & SL_TOK_WORD) && !first && !headline &&
                !(toks[i].flags & SL_TOK_UPPER && toks[i].end - toks[i].start > 1)) {
                if (toks[i].flags & SL_TOK_CAP)
                    st[id].cap++;
                else
                    st[id].low++;
            }
            if (toks[i].flags & SL_TOK_WORD)
                first = 0;
        }
        SL_PUSH(c->ids, c->n, c->cap, UINT32_MAX);
    }
    free(toks);
    free(sp);
}

/* Cluster names of the evaluation set: "= CLUSTER/docNN.txt P" lines. */
static int excluded(const char *gold_text, const char *cluster)
{
    const char *p = gold_text;
    size_t n = strlen(cluster);
    while (p && (p = strstr(p, cluster)) != NULL) {
        if (p >= gold_text + 2 && p[-1] == ' ' && p[-2] == '=' && p[n] == '/')
            return 1;
        p += n;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_multinews(sl_ctx *ctx, const char *dir, const char *gold, corpus_ids *c)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **names = NULL;
    size_t nn = 0, cn = 0, i, used = 0;
    if (!d) {
        fprintf(stderr, "ner_words: %s absent\n", dir);
        return;
    }
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.' && !strchr(de->d_name, '.')) {
            char *s = sl_xstrdup(de->d_name);
            SL_PUSH(names, nn, cn, s);
        }
    closedir(d);
    qsort(names, nn, sizeof(*names), cmp_str);
    for (i = 0; i < nn; i++) {
        int k;
        if (gold && excluded(gold, names[i])) {
            free(names[i]);
            continue;
        }
        used++;
        for (k = 1; k <= 10; k++) {
            char path[4096];
            size_t len;
            char *t;
            snprintf(path, sizeof(path), "%s/%s/doc%02d.txt", dir, names[i], k);
            if ((t = read_all(path, &len)) != NULL) {
                add_text(ctx, t, len, c);
                free(t);
            }
        }
        free(names[i]);
    }
    free(names);
    fprintf(stderr, "ner_words: %zu Multi-News clusters\n", used);
}

static void add_timeml(sl_ctx *ctx, const char *dir, corpus_ids *c)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **names = NULL;
    size_t nn = 0, cn = 0, i;
    if (!d) {
        fprintf(stderr, "ner_words: %s absent\n", dir);
        return;
    }
    while ((de = readdir(d)) != NULL)
        if (strstr(de->d_name, ".tml")) {
            char *s = sl_xstrdup(de->d_name);
            SL_PUSH(names, nn, cn, s);
        }
    closedir(d);
    qsort(names, nn, sizeof(*names), cmp_str);
    for (i = 0; i < nn; i++) {
        char path[4096];
        size_t len, k;
        char *t, *a, *e;
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        free(names[i]);
        if ((t = read_all(path, &len)) == NULL)
            continue;
        a = strstr(t, "<TEXT>");
        e = a ? strstr(a, "</TEXT>") : NULL;
        if (a && e) {
            sl_buf b = SL_BUF_INIT;
            int in = 0;
            for (k = (size_t)(a - t) + 6; k < (size_t)(e - t); k++) {
                if (t[k] == '<')
                    in = 1;
                else if (t[k] == '>')
                    in = 0;
                else if (!in)
                    sl_buf_putc(&b, t[k]);
            }
            add_text(ctx, b.ptr ? b.ptr : "", b.len, c);
            sl_buf_free(&b);
        }
        free(t);
    }
    free(names);
}

static void add_extraction(sl_ctx *ctx, const char *path, corpus_ids *c)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err), *v;
    const char *key;
    if (!root) {
        fprintf(stderr, "ner_words: %s absent\n", path);
        return;
    }
    json_object_foreach(root, key, v)
    {
        json_t *body = json_object_get(v, "articleBody");
        if (json_is_string(body))
            add_text(ctx, json_string_value(body), json_string_length(body), c);
    }
    json_decref(root);
}

/* GUM's sentences ("# text = " lines of the CoNLL-U), a document a block. */
static void add_gum(sl_ctx *ctx, const char *path, corpus_ids *c)
{
    FILE *f = fopen(path, "r");
    char line[16384];
    sl_buf b = SL_BUF_INIT;
    if (!f) {
        fprintf(stderr, "ner_words: %s absent\n", path);
        return;
    }
    while (fgets(line, sizeof(line), f)) {
        if (!strncmp(line, "# newdoc id", 11) && b.len) {
            add_text(ctx, b.ptr, b.len, c);
            sl_buf_clear(&b);
        }
        if (!strncmp(line, "# text = ", 9))
            sl_buf_puts(&b, line + 9);
    }
    if (b.len)
        add_text(ctx, b.ptr, b.len, c);
    sl_buf_free(&b);
    fclose(f);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_by_count(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (st[x].count != st[y].count)
        return st[x].count > st[y].count ? -1 : 1;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    const char *out = "data/ner/words.txt", *news = "../shared/data/multinews-dev",
               *timeml = "../shared/data/timeml/TBAQ-cleaned",
               *extraction = "../shared/data/extraction/ground-truth.json",
               *gold = "bench/data/ner-news/gold.txt",
               *gum = "../shared/data/gum/en_gum-ud-dev.conllu";
    int k = 256, min = 3, a, it;
    sl_ctx *ctx = sl_ctx_new();
    corpus_ids c = {NULL, 0, 0};
    uint32_t *vocab = NULL, *rank;
    size_t nv = 0, cv = 0, i, j, total = 0;
    char *gold_text = NULL;
    size_t gl;
    float *cent;
    uint32_t **nzi;
    float **nzv;
    size_t *nnz;
    int *assign;
    FILE *f;
    for (a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--out") && a + 1 < argc)
            out = argv[++a];
        else if (!strcmp(argv[a], "--k") && a + 1 < argc)
            k = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--min") && a + 1 < argc)
            min = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--news") && a + 1 < argc)
            news = argv[++a];
        else if (!strcmp(argv[a], "--timeml") && a + 1 < argc)
            timeml = argv[++a];
        else if (!strcmp(argv[a], "--extraction") && a + 1 < argc)
            extraction = argv[++a];
        else if (!strcmp(argv[a], "--gum") && a + 1 < argc)
            gum = argv[++a];
        else if (!strcmp(argv[a], "--exclude") && a + 1 < argc)
            gold = argv[++a];
        else {
            fprintf(stderr, "usage: ner_words [--out FILE] [--k K] [--min N] [--news DIR] "
                            "[--timeml DIR] [--extraction FILE] [--gum FILE] [--exclude GOLD]\n");
            return 2;
        }
    }
    if (k < 2)
        k = 2;
    gold_text = read_all(gold, &gl);
    add_multinews(ctx, news, gold_text, &c);
    {
        char p[4096];
        snprintf(p, sizeof(p), "%s/TimeBank", timeml);
        add_timeml(ctx, p, &c);
        snprintf(p, sizeof(p), "%s/AQUAINT", timeml);
        add_timeml(ctx, p, &c);
    }
    add_extraction(ctx, extraction, &c);
    add_gum(ctx, gum, &c);
    free(gold_text);
    if (!c.n) {
        fprintf(stderr, "ner_words: no text\n");
        return 1;
    }
    /* the vocabulary: words seen min times, most frequent first */
    for (i = 0; i < nst; i++) {
        total += st[i].count;
        if (st[i].count >= (unsigned)min) {
            uint32_t id = (uint32_t)i;
            SL_PUSH(vocab, nv, cv, id);
        }
    }
    qsort(vocab, nv, sizeof(*vocab), cmp_by_count);
    fprintf(stderr, "ner_words: %zu tokens, %zu words seen %d times or more\n", total, nv, min);
    rank = sl_xmalloc((nst + 1) * sizeof(*rank));
    for (i = 0; i < nst; i++)
        rank[i] = UINT32_MAX;
    for (i = 0; i < nv; i++)
        rank[vocab[i]] = (uint32_t)i;
    /* sparse PPMI context vectors: column c < NCTX is "left neighbour is the
     * c-th most frequent word", NCTX a sentence start, then the same for the
     * right neighbour */
    {
        uint64_t *pairs = NULL;
        size_t np = 0, cp = 0, p, q;
        size_t dim = 2 * (NCTX + 1);
        double *colsum = sl_xcalloc(dim, sizeof(double)), *rowsum, all = 0;
        for (i = 0; i < c.n; i++) {
            uint32_t w = c.ids[i], l, r, col;
            if (w == UINT32_MAX || rank[w] == UINT32_MAX)
                continue;
            l = i > 0 ? c.ids[i - 1] : UINT32_MAX;
            r = i + 1 < c.n ? c.ids[i + 1] : UINT32_MAX;
            col = l == UINT32_MAX ? NCTX : rank[l] < NCTX ? rank[l] : UINT32_MAX;
            if (col != UINT32_MAX) {
                uint64_t pr = (uint64_t)rank[w] << 32 | col;
                SL_PUSH(pairs, np, cp, pr);
            }
            col = r == UINT32_MAX ? NCTX : rank[r] < NCTX ? rank[r] : UINT32_MAX;
            if (col != UINT32_MAX) {
                uint64_t pr = (uint64_t)rank[w] << 32 | (NCTX + 1 + col);
                SL_PUSH(pairs, np, cp, pr);
            }
        }
        qsort(pairs, np, sizeof(*pairs), cmp_u64);
        nzi = sl_xcalloc(nv + 1, sizeof(*nzi));
        nzv = sl_xcalloc(nv + 1, sizeof(*nzv));
        nnz = sl_xcalloc(nv + 1, sizeof(*nnz));
        rowsum = sl_xcalloc(nv + 1, sizeof(double));
        for (p = 0; p < np; p = q) {
            size_t w = (size_t)(pairs[p] >> 32), col = (size_t)(pairs[p] & 0xffffffffu);
            for (q = p; q < np && pairs[q] == pairs[p]; q++)
                ;
            nzi[w] = sl_xrealloc(nzi[w], (nnz[w] + 1) * sizeof(uint32_t));
            nzv[w] = sl_xrealloc(nzv[w], (nnz[w] + 1) * sizeof(float));
            nzi[w][nnz[w]] = (uint32_t)col;
            nzv[w][nnz[w]++] = (float)(q - p);
            colsum[col] += (double)(q - p);
            rowsum[w] += (double)(q - p);
            all += (double)(q - p);
        }
        free(pairs);
        for (i = 0; i < nv; i++) {
            double nn = 0;
            for (j = 0; j < nnz[i]; j++) {
                double pmi = log((double)nzv[i][j] * all / (rowsum[i] * colsum[nzi[i][j]]));
                nzv[i][j] = pmi > 0 ? (float)pmi : 0.0f;
                nn += (double)nzv[i][j] * nzv[i][j];
            }
            nn = nn > 0 ? sqrt(nn) : 1;
            for (j = 0; j < nnz[i]; j++)
                nzv[i][j] = (float)(nzv[i][j] / nn);
        }
        free(rowsum);
        free(colsum);
        /* spherical k-means; the seeds are words spread over the 4,000 most
         * frequent, so frequent function words get clusters of their own */
        cent = sl_xcalloc((size_t)k * dim, sizeof(float));
        assign = sl_xcalloc(nv + 1, sizeof(int));
        {
            size_t span = nv < 4000 ? nv : 4000;
            for (a = 0; a < k; a++) {
                size_t w = (size_t)a * span / (size_t)k;
                for (j = 0; j < nnz[w]; j++)
                    cent[(size_t)a * dim + nzi[w][j]] = nzv[w][j];
            }
        }
        for (it = 0; it < 15; it++) {
            size_t moved = 0;
            for (i = 0; i < nv; i++) {
                int best = 0;
                float bs = -1;
                for (a = 0; a < k; a++) {
                    const float *cc = cent + (size_t)a * dim;
                    float sc = 0;
                    for (j = 0; j < nnz[i]; j++)
                        sc += cc[nzi[i][j]] * nzv[i][j];
                    if (sc > bs) {
                        bs = sc;
                        best = a;
                    }
                }
                if (assign[i] != best || it == 0)
                    moved++;
                assign[i] = best;
            }
            fprintf(stderr, "ner_words: k-means iteration %d, %zu moved\n", it, moved);
            if (!moved)
                break;
            {
                float *nc = sl_xcalloc((size_t)k * dim, sizeof(float));
                for (i = 0; i < nv; i++)
                    for (j = 0; j < nnz[i]; j++)
                        nc[(size_t)assign[i] * dim + nzi[i][j]] += nzv[i][j];
                for (a = 0; a < k; a++) {
                    double nn = 0;
                    float *cc = nc + (size_t)a * dim;
                    for (j = 0; j < dim; j++)
                        nn += (double)cc[j] * cc[j];
                    if (nn <= 0) { /* empty: keep the old centroid */
                        memcpy(cc, cent + (size_t)a * dim, dim * sizeof(float));
                        continue;
                    }
                    nn = sqrt(nn);
                    for (j = 0; j < dim; j++)
                        cc[j] = (float)(cc[j] / nn);
                }
                free(cent);
                cent = nc;
            }
        }
    }
    f = fopen(out, "w");
    if (!f) {
        fprintf(stderr, "ner_words: %s: cannot write\n", out);
        return 1;
    }
    fprintf(f, "# Word representations for the NER tagger (src/analysis/ner.c), learned\n"
               "# from unlabeled news text by bench/ner_words.c; do not edit.  A line:\n"
               "# case-folded word, case profile (1 always lower case inside sentences\n"
               "# ... 5 always capitalized; 0 too rare to tell), distributional cluster.\n");
    for (i = 0; i < nv; i++) {
        size_t len;
        const char *w = sl_vocab_str(ctx, vocab[i]);
        const wstat *x = &st[vocab[i]];
        unsigned n = x->cap + x->low, cb;
        unsigned char c0 = (unsigned char)w[0];
        len = strlen(w);
        if (!len || !((c0 >= 'a' && c0 <= 'z') || (c0 >= '0' && c0 <= '9') || c0 >= 0x80) ||
            strchr(w, ' '))
            continue;
        if (n < 2)
            cb = 0;
        else {
            double r = (double)x->cap / n;
            cb = r <= 0.05 ? 1 : r <= 0.35 ? 2 : r < 0.65 ? 3 : r < 0.95 ? 4 : 5;
        }
        fprintf(f, "%s %u %d\n", w, cb, assign[i]);
    }
    if (fclose(f) != 0)
        return 1;
    for (i = 0; i < nv; i++) {
        free(nzi[i]);
        free(nzv[i]);
    }
    free(nzi);
    free(nzv);
    free(nnz);
    free(cent);
    free(assign);
    free(rank);
    free(vocab);
    free(c.ids);
    free(st);
    sl_ctx_free(ctx);
    return 0;
}
