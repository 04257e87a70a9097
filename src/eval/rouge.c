/*
 * rouge.c: ROUGE-N, ROUGE-L and ROUGE-S(U) with ROUGE-1.5.5's semantics.
 *
 * Follows Lin (2004), "ROUGE: A Package for Automatic Evaluation of
 * Summaries", as implemented by the ROUGE-1.5.5 Perl script, whose figures
 * are the ones published and compared.  Where the script differs from the
 * paper, the script wins, quirks included, and each is named where it is
 * reproduced:
 *  - text: each sentence is lower-cased (ASCII only), cut to the -l/-b
 *    budget, then every byte other than [a-z0-9] separates tokens; words of
 *    more than 3 letters are stemmed with -m (rouge_porter.c);
 *  - -l counts Perl's split(/\s+/) fields of the raw sentence (so "--" or an
 *    en dash is a word, and a leading blank is one too); -b counts bytes, and
 *    the ROUGE-L reader never advances its byte count (readText_LCS), so it
 *    keeps every sentence shorter than the budget;
 *  - n-grams run across sentence ends; with -u the skip-bigram loop adds the
 *    unigram of every token but the last;
 *  - -f A pools matches and counts over the references, -f B takes the one
 *    with the best recall; R and P are rounded to 5 places before F;
 *  - ROUGE-L is the summary-level union LCS: for each reference sentence,
 *    the words of one LCS (the script's traceback order) with each system
 *    sentence are marked, and marked words count while unigram budgets of
 *    both texts last.
 * Invariants: a rouge_text's ids index the scorer's vocabulary; every table
 * is sized from counts checked against the SL_ROUGE_MAX_* caps first, so no
 * input makes the work or memory grow faster than those caps allow.
 */
#include "eval/rouge.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ctx.h"
#include "core/data.h"
#include "eval/rouge_porter.h"
#include "util/buf.h"
#include "util/intern.h"
#include "util/mem.h"

#define NONE UINT32_MAX

/* A word list of data/rouge/, interned; for the exceptions, each key's
 * base form too (pointing into the static data). */
typedef struct word_table {
    sl_intern keys;
    const char **val;
    uint32_t *vlen;
} word_table;

struct rouge_scorer {
    sl_ctx *ctx;
    sl_rouge_opts o;
    sl_intern raw;        /* tokens as read */
    uint32_t *raw_final;  /* raw id -> vocabulary id, NONE for a stopword */
    size_t nfinal, cfinal;
    sl_intern vocab;      /* tokens as scored (stems with -m) */
    const word_table *stop; /* the SMART stopwords, with -s (lives as the ctx) */
    const word_table *exc;  /* WordNet's irregular forms, with -m (lives as the ctx) */
    sl_buf lc;            /* the lower-cased sentences of the text being made */
    unsigned char *bits;  /* LCS traceback, one bit a cell */
    size_t cbits;
    uint32_t *rows;       /* two LCS rows */
    size_t crows;
    unsigned char *mask;  /* hit mask of one reference sentence */
    size_t cmask;
};

struct rouge_text {
    uint32_t *tok;  /* the n-gram view (readText) */
    size_t ntok, ctok;
    uint32_t *ltok; /* the ROUGE-L view (readText_LCS), sentence after sentence */
    size_t nltok, cltok;
    size_t *unit;   /* sentence u is ltok[unit[u] .. unit[u + 1]) */
    size_t nunit, cunit;
};

/* ------------------------------------------------------------------ options */

int rouge_opts_check(sl_ctx *ctx, const sl_rouge_opts *o)
{
    if (!o || o->version != SL_ROUGE_OPTS_VERSION)
        return sl_fail(ctx, SL_EINVAL, "rouge: options not initialised with SL_ROUGE_OPTS_INIT");
    if (o->max_ngram < 0 || o->max_ngram > SL_ROUGE_MAX_N)
        return sl_fail(ctx, SL_EINVAL, "rouge: -n must be between 0 and %d", SL_ROUGE_MAX_N);
    if (o->word_limit && o->byte_limit)
        return sl_fail(ctx, SL_EINVAL, "rouge: give a length limit in words (-l) or bytes (-b), not both");
    if (!(o->alpha >= 0 && o->alpha <= 1))
        return sl_fail(ctx, SL_EINVAL, "rouge: alpha (-p) must be between 0 and 1");
    if (!(o->confidence >= 0 && o->confidence <= 100))
        return sl_fail(ctx, SL_EINVAL, "rouge: confidence (-c) must be between 0 and 100");
    if (o->resamples < 0 || o->resamples > 1000000)
        return sl_fail(ctx, SL_EINVAL, "rouge: resamples (-r) must be between 0 and 1000000");
    if (o->count_mode < 0 || o->count_mode > 2)
        return sl_fail(ctx, SL_EINVAL, "rouge: count mode (-t) must be 0, 1 or 2");
    if ((o->flags & SL_ROUGE_SKIP_UNIGRAMS) && !(o->flags & SL_ROUGE_SKIP))
        return sl_fail(ctx, SL_EINVAL, "rouge: -u needs skip-bigrams (-2)");
    if (o->max_ngram == 0 && (o->flags & SL_ROUGE_NO_LCS) && !(o->flags & SL_ROUGE_SKIP))
        return sl_fail(ctx, SL_EINVAL, "rouge: no metric left to compute");
    if (o->flags & SL_ROUGE_STOPWORDS)
        return sl_fail(ctx, SL_EUNSUPPORTED,
                       "rouge: -s is not supported: it needs ROUGE's own SMART stopword list, "
                       "a third-party file storyline does not ship");
    return SL_OK;
}

size_t rouge_metric_names(const sl_rouge_opts *o, char names[][24])
{
    size_t n = 0;
    int i;
    for (i = 1; i <= o->max_ngram; i++)
        snprintf(names[n++], 24, "ROUGE-%d", i);
    if (!(o->flags & SL_ROUGE_NO_LCS))
        snprintf(names[n++], 24, "ROUGE-L");
    if (o->flags & SL_ROUGE_SKIP) {
        const char *s = (o->flags & SL_ROUGE_SKIP_UNIGRAMS) ? "SU" : "S";
        if (o->skip_gap >= 0)
            snprintf(names[n++], 24, "ROUGE-%s%d", s, o->skip_gap);
        else
            snprintf(names[n++], 24, "ROUGE-%s*", s);
    }
    return n;
}

/* ------------------------------------------------------------------ scorer */

static void word_table_free(void *p)
{
    word_table *t = p;
    sl_intern_free(&t->keys);
    free(t->val);
    free(t->vlen);
    free(t);
}

/* Reads data/rouge/NAME.txt: one word a line, or with `pairs` a word, a
 * space and its base form (a later line for the same word wins, as in the
 * script's database builder). */
static word_table *word_table_make(const char *name, int pairs)
{
    word_table *t = sl_xcalloc(1, sizeof(*t));
    size_t len = 0, pos = 0, n, cap = 0;
    const char *text = sl_data_get(name, &len), *line;
    sl_intern_init(&t->keys);
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        const char *sp = pairs ? memchr(line, ' ', n) : NULL;
        size_t kn = sp ? (size_t)(sp - line) : n;
        uint32_t id;
        if (pairs && !sp)
            continue;
        id = sl_intern_add(&t->keys, line, kn);
        if (!pairs)
            continue;
        if (id >= cap) {
            t->val = sl_xgrow(t->val, &cap, id + 1, sizeof(*t->val));
            t->vlen = sl_xrealloc(t->vlen, cap * sizeof(*t->vlen));
        }
        t->val[id] = sp + 1;
        t->vlen[id] = (uint32_t)(line + n - sp - 1);
    }
    return t;
}

static void *make_exceptions(sl_ctx *ctx)
{
    (void)ctx;
    return word_table_make("rouge/wordnet_exceptions", 1);
}

rouge_scorer *rouge_scorer_new(sl_ctx *ctx, const sl_rouge_opts *o)
{
    rouge_scorer *s = sl_xcalloc(1, sizeof(*s));
    s->ctx = ctx;
    s->o = *o;
    sl_intern_init(&s->raw);
    sl_intern_init(&s->vocab);
    if (o->flags & SL_ROUGE_STEM)
        s->exc = sl_ctx_resource(ctx, "rouge.exceptions", make_exceptions, word_table_free);
    return s;
}

void rouge_scorer_free(rouge_scorer *s)
{
    if (!s)
        return;
    sl_intern_free(&s->raw);
    sl_intern_free(&s->vocab);
    free(s->raw_final);
    sl_buf_free(&s->lc);
    free(s->bits);
    free(s->rows);
    free(s->mask);
    free(s);
}

/* ------------------------------------------------------------------ preparing a text */

/* Perl's \s on a byte string. */
static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static int is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* The number of fields of Perl's split(/\s+/, s): its words, plus an empty
 * leading field when s starts with white space before some word. */
static size_t perl_fields(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    while (i < n) {
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        if (i < n)
            words++;
        while (i < n && !is_space((unsigned char)s[i]))
            i++;
    }
    return words + (words && is_space((unsigned char)s[0]) ? 1 : 0);
}

/* The length of the prefix of s holding its first k fields. */
static size_t perl_fields_prefix(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    if (k && n && is_space((unsigned char)s[0]))
        k--; /* the empty leading field */
    while (k) {
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        while (i < n && !is_space((unsigned char)s[i]))
            i++;
        k--;
    }
    return i;
}

/* The vocabulary id a raw token is scored as, or NONE when it is dropped. */
static uint32_t final_id(rouge_scorer *s, const char *w, size_t n)
{
    uint32_t raw = sl_intern_add(&s->raw, w, n), id;
    while (s->nfinal <= raw)
        SL_PUSH(s->raw_final, s->nfinal, s->cfinal, NONE - 1); /* NONE - 1: not yet known */
    if (s->raw_final[raw] != NONE - 1)
        return s->raw_final[raw];
    if (s->stop && sl_intern_find(&s->stop->keys, w, n) != SL_INTERN_NONE) {
        id = NONE;
    } else if (s->exc && n > 3) {
        /* the script's MorphStem: WordNet's base form of an irregular
         * form, as it is, else the Porter stem */
        uint32_t e = sl_intern_find(&s->exc->keys, w, n);
        if (e != SL_INTERN_NONE) {
            id = sl_intern_add(&s->vocab, s->exc->val[e], s->exc->vlen[e]);
        } else {
            char *tmp = sl_xmalloc(n);
            size_t k;
            memcpy(tmp, w, n);
            k = rouge_porter_stem(tmp, n);
            id = sl_intern_add(&s->vocab, tmp, k);
            free(tmp);
        }
    } else {
        id = sl_intern_add(&s->vocab, w, n);
    }
    s->raw_final[raw] = id;
    return id;
}

/* Appends the tokens of lc[0..n) to (*arr, *na); fails past the word cap. */
static int tokenize(rouge_scorer *s, const char *name, const char *lc, size_t n, uint32_t **arr,
                    size_t *na, size_t *ca)
{
    size_t i = 0;
    while (i < n) {
        size_t j;
        uint32_t id;
        if (!is_alnum((unsigned char)lc[i])) {
            i++;
            continue;
        }
        for (j = i; j < n && is_alnum((unsigned char)lc[j]); j++)
            ;
        id = final_id(s, lc + i, j - i);
        if (id != NONE) {
            if (*na >= SL_ROUGE_MAX_TOKENS)
                return sl_fail(s->ctx, SL_ETOOBIG, "%s has over %zu words, the most ROUGE scores",
                               name, (size_t)SL_ROUGE_MAX_TOKENS);
            SL_PUSH(*arr, *na, *ca, id);
        }
        i = j;
    }
    return SL_OK;
}

typedef struct piece {
    size_t off, len; /* in the scorer's lc buffer */
} piece;

/* The script's readText (lcs = 0) or readText_LCS (lcs = 1): which prefix of
 * each sentence survives the -l/-b budget.  Fills keep[] (one length per
 * sentence, in order) and returns how many sentences take part. */
static size_t budget(const sl_rouge_opts *o, const char *lc, const piece *p, size_t n, int lcs,
                     size_t *keep)
{
    size_t i, total = 0;
    for (i = 0; i < n; i++) {
        const char *t = lc + p[i].off;
        if (o->word_limit) {
            size_t f = perl_fields(t, p[i].len);
            if (total + f < o->word_limit) {
                keep[i] = p[i].len;
                total += f;
            } else {
                keep[i] = perl_fields_prefix(t, p[i].len, o->word_limit - total);
                return i + 1;
            }
        } else if (o->byte_limit) {
            /* readText_LCS never adds to its byte count: a quirk kept on purpose */
            size_t used = lcs ? 0 : total;
            if (used + p[i].len < o->byte_limit) {
                keep[i] = p[i].len;
                total += p[i].len;
            } else {
                keep[i] = o->byte_limit - used;
                return i + 1;
            }
        } else {
            keep[i] = p[i].len;
        }
    }
    return n;
}

int rouge_text_make(rouge_scorer *s, const char *name, const char *text, const sl_span *sents,
                    size_t nsent, rouge_text **out)
{
    rouge_text *t = sl_xcalloc(1, sizeof(*t));
    piece *p = nsent ? sl_xmalloc(nsent * sizeof(*p)) : NULL;
    size_t *keep = nsent ? sl_xmalloc(nsent * sizeof(*keep)) : NULL;
    size_t i, np = 0, k;
    int rc = SL_OK;

    *out = NULL;
    sl_buf_clear(&s->lc);
    for (i = 0; i < nsent; i++) {
        const char *a = text + sents[i].start;
        size_t n = sents[i].end - sents[i].start, j;
        if (!(s->o.flags & SL_ROUGE_NO_SEE_CUT)) {
            const char *lt = memchr(a, '<', n);
            if (lt)
                n = (size_t)(lt - a);
        }
        if (n == 0)
            continue; /* the script skips empty lines */
        p[np].off = s->lc.len;
        p[np].len = n;
        np++;
        sl_buf_grow(&s->lc, n);
        for (j = 0; j < n; j++) {
            char c = a[j];
            s->lc.ptr[s->lc.len + j] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        s->lc.len += n;
        s->lc.ptr[s->lc.len] = '\0';
    }
    /* the n-gram view */
    k = budget(&s->o, s->lc.ptr, p, np, 0, keep);
    for (i = 0; i < k && rc == SL_OK; i++)
        rc = tokenize(s, name, s->lc.ptr + p[i].off, keep[i], &t->tok, &t->ntok, &t->ctok);
    /* the ROUGE-L view, sentence by sentence */
    if (rc == SL_OK && !(s->o.flags & SL_ROUGE_NO_LCS)) {
        k = budget(&s->o, s->lc.ptr, p, np, 1, keep);
        SL_PUSH(t->unit, t->nunit, t->cunit, 0);
        for (i = 0; i < k && rc == SL_OK; i++) {
            rc = tokenize(s, name, s->lc.ptr + p[i].off, keep[i], &t->ltok, &t->nltok, &t->cltok);
            SL_PUSH(t->unit, t->nunit, t->cunit, t->nltok);
        }
        t->nunit--; /* unit[] has one more entry than there are sentences */
    }
    free(p);
    free(keep);
    if (rc != SL_OK) {
        rouge_text_free(t);
        return rc;
    }
    *out = t;
    return SL_OK;
}

void rouge_text_free(rouge_text *t)
{
    if (!t)
        return;
    free(t->tok);
    free(t->ltok);
    free(t->unit);
    free(t);
}

/* ------------------------------------------------------------------ gram tables */

/* A multiset of grams of k ids; gram g is base[g * stride .. g * stride + k). */
typedef struct grams {
    const uint32_t *base;
    size_t stride, k, n; /* n grams: the script's _cn_ */
    uint32_t *slot;      /* index + 1 of a gram's first occurrence; 0 = empty */
    uint32_t *count;     /* its number of occurrences */
    size_t mask;
} grams;

static uint64_t hash_key(const uint32_t *p, size_t k)
{
    uint64_t h = 0x9E3779B97F4A7C15ull;
    size_t i;
    for (i = 0; i < k; i++) {
        h ^= p[i];
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    return h;
}

static size_t grams_find(const grams *g, const uint32_t *key)
{
    size_t i = (size_t)hash_key(key, g->k) & g->mask;
    for (;;) {
        uint32_t v = g->slot[i];
        if (v == 0)
            return (size_t)-1;
        if (memcmp(g->base + (size_t)(v - 1) * g->stride, key, g->k * sizeof(uint32_t)) == 0)
            return i;
        i = (i + 1) & g->mask;
    }
}

static void grams_build(grams *g, const uint32_t *base, size_t n, size_t stride, size_t k)
{
    size_t ns = 2, i;
    while (ns < n + n / 2 + 1) /* load at most 2/3 */
        ns *= 2;
    g->base = base;
    g->stride = stride;
    g->k = k;
    g->n = n;
    g->mask = ns - 1;
    g->slot = sl_xcalloc(ns, sizeof(*g->slot));
    g->count = sl_xcalloc(ns, sizeof(*g->count));
    for (i = 0; i < n; i++) {
        const uint32_t *key = base + i * stride;
        size_t j = (size_t)hash_key(key, k) & g->mask;
        for (;;) {
            uint32_t v = g->slot[j];
            if (v == 0) {
                g->slot[j] = (uint32_t)i + 1;
                g->count[j] = 1;
                break;
            }
            if (memcmp(base + (size_t)(v - 1) * stride, key, k * sizeof(uint32_t)) == 0) {
                g->count[j]++;
                break;
            }
            j = (j + 1) & g->mask;
        }
    }
}

static void grams_free(grams *g)
{
    free(g->slot);
    free(g->count);
    memset(g, 0, sizeof(*g));
}

/* Matches of the model's grams in the peer's, each clipped to the model's
 * count (the script's ngramScore). */
static double grams_hits(const grams *model, const grams *peer)
{
    double hits = 0;
    size_t i;
    for (i = 0; i <= model->mask; i++) {
        size_t j;
        if (!model->slot[i])
            continue;
        j = grams_find(peer, model->base + (size_t)(model->slot[i] - 1) * model->stride);
        if (j != (size_t)-1)
            hits += peer->count[j] < model->count[i] ? peer->count[j] : model->count[i];
    }
    return hits;
}

/* How many skip-bigrams (and unigrams with -u) createSkipBigram makes of n
 * tokens: for every token but the last, its unigram and its pairs with the
 * next gap + 1 tokens. */
static size_t skip_count(const sl_rouge_opts *o, size_t n)
{
    size_t i, c = 0;
    for (i = 0; i + 1 < n; i++) {
        size_t after = n - 1 - i;
        if (o->skip_gap >= 0 && after > (size_t)o->skip_gap + 1)
            after = (size_t)o->skip_gap + 1;
        c += after + ((o->flags & SL_ROUGE_SKIP_UNIGRAMS) ? 1 : 0);
        if (c > SL_ROUGE_MAX_SKIP)
            return c;
    }
    return c;
}

/* The skip-bigrams of t as pairs of ids (a unigram is (id, NONE)). */
static uint32_t *skip_pairs(const sl_rouge_opts *o, const uint32_t *t, size_t n, size_t count)
{
    uint32_t *p = sl_xmalloc((count ? count : 1) * 2 * sizeof(uint32_t));
    size_t i, j, k = 0;
    for (i = 0; i + 1 < n; i++) {
        if (o->flags & SL_ROUGE_SKIP_UNIGRAMS) {
            p[k++] = t[i];
            p[k++] = NONE;
        }
        for (j = i + 1; j < n && (o->skip_gap < 0 || j - i <= (size_t)o->skip_gap + 1); j++) {
            p[k++] = t[i];
            p[k++] = t[j];
        }
    }
    return p;
}

/* ------------------------------------------------------------------ ROUGE-L */

/* Marks in mask[] the reference words of the LCS of x[0..m) and y[0..n) that
 * the script's traceback finds: from the end, diagonal on equal words, else
 * up when the cell above is at least the one to the left. */
static void lcs_mark(rouge_scorer *s, const uint32_t *x, size_t m, const uint32_t *y, size_t n)
{
    size_t i, j, nbits = m * n;
    uint32_t *prev, *cur;
    if (!m || !n)
        return;
    if ((nbits + 7) / 8 > s->cbits)
        s->bits = sl_xgrow(s->bits, &s->cbits, (nbits + 7) / 8, 1);
    if (2 * (n + 1) > s->crows)
        s->rows = sl_xgrow(s->rows, &s->crows, 2 * (n + 1), sizeof(uint32_t));
    memset(s->bits, 0, (nbits + 7) / 8);
    prev = s->rows;
    cur = s->rows + n + 1;
    memset(prev, 0, (n + 1) * sizeof(uint32_t));
    for (i = 1; i <= m; i++) {
        uint32_t *tmp;
        cur[0] = 0;
        for (j = 1; j <= n; j++) {
            if (x[i - 1] == y[j - 1]) {
                cur[j] = prev[j - 1] + 1;
            } else if (prev[j] >= cur[j - 1]) {
                size_t b = (i - 1) * n + (j - 1);
                cur[j] = prev[j];
                s->bits[b >> 3] |= (unsigned char)(1u << (b & 7));
            } else {
                cur[j] = cur[j - 1];
            }
        }
        tmp = prev;
        prev = cur;
        cur = tmp;
    }
    i = m;
    j = n;
    while (i > 0 && j > 0) {
        size_t b = (i - 1) * n + (j - 1);
        if (x[i - 1] == y[j - 1]) {
            i--;
            j--;
            s->mask[i] = 1;
        } else if (s->bits[b >> 3] & (1u << (b & 7))) {
            i--;
        } else {
            j--;
        }
    }
}

/* The union-LCS hits of a model against the peer (the script's lcs()):
 * mcount/pcount are the unigram budgets, used up as words are counted. */
static double lcs_hits(rouge_scorer *s, const rouge_text *model, const rouge_text *peer,
                       const grams *m1, uint32_t *mcount, const grams *p1, uint32_t *pcount)
{
    double hits = 0;
    size_t u, v, k;
    for (u = 0; u < model->nunit; u++) {
        const uint32_t *x = model->ltok + model->unit[u];
        size_t m = model->unit[u + 1] - model->unit[u];
        if (m > s->cmask)
            s->mask = sl_xgrow(s->mask, &s->cmask, m, 1);
        if (m)
            memset(s->mask, 0, m);
        for (v = 0; v < peer->nunit; v++)
            lcs_mark(s, x, m, peer->ltok + peer->unit[v], peer->unit[v + 1] - peer->unit[v]);
        for (k = 0; k < m; k++) {
            size_t a, b;
            if (!s->mask[k])
                continue;
            a = grams_find(m1, &x[k]);
            b = grams_find(p1, &x[k]);
            if (a != (size_t)-1 && b != (size_t)-1 && mcount[a] > 0 && pcount[b] > 0) {
                hits++;
                mcount[a]--;
                pcount[b]--;
            }
        }
    }
    return hits;
}

/* ------------------------------------------------------------------ scoring */

/* ROUGE prints every score with "%7.5f" and computes on with that text. */
static double round5(double x)
{
    return nearbyint(x * 1e5) / 1e5;
}

/* One metric against one model. */
typedef struct model_stat {
    double hits, mcount, pcount;
    double score; /* what -f B compares: the recall, rounded except for ROUGE-L */
} model_stat;

static void finish(const sl_rouge_opts *o, double hits, double mcount, double pcount,
                   rouge_stats *out)
{
    double r = mcount != 0 ? round5(hits / mcount) : 0;
    double p = pcount != 0 ? round5(hits / pcount) : 0;
    double den = (1 - o->alpha) * p + o->alpha * r;
    out->model_count = mcount;
    out->peer_count = pcount;
    out->hits = hits;
    out->recall = r;
    out->precision = p;
    out->f = den > 0 ? round5(p * r / den) : 0;
}

/* Pools the models (all but `skip`) as -f A does, or picks the best as -f B. */
static void combine(const sl_rouge_opts *o, const model_stat *ms, size_t nm, size_t skip,
                    rouge_stats *out)
{
    double hits = 0, mcount = 0, pcount = 0, best = -1;
    size_t i;
    for (i = 0; i < nm; i++) {
        if (i == skip)
            continue;
        if (o->flags & SL_ROUGE_BEST) {
            if (ms[i].score > best) {
                best = ms[i].score;
                hits = ms[i].hits;
                mcount = ms[i].mcount;
                pcount = ms[i].pcount;
            }
        } else {
            hits += ms[i].hits;
            mcount += ms[i].mcount;
            pcount += ms[i].pcount;
        }
    }
    finish(o, hits, mcount, pcount, out);
}

/* The instance's figures from the per-model ones: plain, or with
 * SL_ROUGE_JACKKNIFE the mean over the leave-one-out sets of references. */
static void aggregate(const sl_rouge_opts *o, const model_stat *ms, size_t nm, rouge_stats *out)
{
    rouge_stats sum, one;
    size_t k;
    if (!(o->flags & SL_ROUGE_JACKKNIFE) || nm < 2) {
        combine(o, ms, nm, (size_t)-1, out);
        return;
    }
    memset(&sum, 0, sizeof(sum));
    for (k = 0; k < nm; k++) {
        combine(o, ms, nm, k, &one);
        sum.model_count += one.model_count;
        sum.peer_count += one.peer_count;
        sum.hits += one.hits;
        sum.recall += one.recall;
        sum.precision += one.precision;
        sum.f += one.f;
    }
    out->model_count = sum.model_count / (double)nm;
    out->peer_count = sum.peer_count / (double)nm;
    out->hits = sum.hits / (double)nm;
    out->recall = round5(sum.recall / (double)nm);
    out->precision = round5(sum.precision / (double)nm);
    out->f = round5(sum.f / (double)nm);
}

static void stat_ngram(model_stat *st, double hits, size_t mcount, size_t pcount)
{
    st->hits = hits;
    st->mcount = (double)mcount;
    st->pcount = (double)pcount;
    st->score = mcount ? round5(hits / (double)mcount) : 0;
}

int rouge_score(rouge_scorer *s, const rouge_text *peer, const rouge_text *const *refs,
                size_t nrefs, rouge_stats *out, size_t *nout)
{
    const sl_rouge_opts *o = &s->o;
    model_stat *ms = sl_xcalloc(nrefs ? nrefs : 1, sizeof(*ms));
    size_t r, nm = 0;
    int n, rc = SL_OK;

    *nout = 0;
    /* check the caps before any work */
    if (!(o->flags & SL_ROUGE_NO_LCS))
        for (r = 0; r < nrefs; r++)
            if (peer->nltok && refs[r]->nltok > SL_ROUGE_MAX_LCS / peer->nltok) {
                free(ms);
                return sl_fail(s->ctx, SL_ETOOBIG,
                               "ROUGE-L: %zu system words by %zu reference words is over the "
                               "limit of %zu (-x skips ROUGE-L)",
                               peer->nltok, refs[r]->nltok, (size_t)SL_ROUGE_MAX_LCS);
            }
    if (o->flags & SL_ROUGE_SKIP) {
        if (skip_count(o, peer->ntok) > SL_ROUGE_MAX_SKIP)
            rc = SL_ETOOBIG;
        for (r = 0; r < nrefs; r++)
            if (skip_count(o, refs[r]->ntok) > SL_ROUGE_MAX_SKIP)
                rc = SL_ETOOBIG;
        if (rc != SL_OK) {
            free(ms);
            return sl_fail(s->ctx, SL_ETOOBIG, "ROUGE-S: over %zu skip-bigrams in one text "
                                               "(give a gap with -2)",
                           (size_t)SL_ROUGE_MAX_SKIP);
        }
    }

    for (n = 1; n <= o->max_ngram; n++) {
        grams pg;
        size_t pn = peer->ntok >= (size_t)n ? peer->ntok - (size_t)n + 1 : 0;
        grams_build(&pg, peer->tok, pn, 1, (size_t)n);
        for (r = 0; r < nrefs; r++) {
            grams mg;
            size_t mn = refs[r]->ntok >= (size_t)n ? refs[r]->ntok - (size_t)n + 1 : 0;
            grams_build(&mg, refs[r]->tok, mn, 1, (size_t)n);
            stat_ngram(&ms[r], grams_hits(&mg, &pg), mn, pn);
            grams_free(&mg);
        }
        grams_free(&pg);
        aggregate(o, ms, nrefs, &out[nm++]);
    }

    if (!(o->flags & SL_ROUGE_NO_LCS)) {
        grams p1;
        uint32_t *pcount;
        grams_build(&p1, peer->tok, peer->ntok, 1, 1);
        pcount = sl_xmalloc((p1.mask + 1) * sizeof(uint32_t));
        for (r = 0; r < nrefs; r++) {
            grams m1;
            double base = (double)refs[r]->nltok, hits;
            grams_build(&m1, refs[r]->tok, refs[r]->ntok, 1, 1);
            memcpy(pcount, p1.count, (p1.mask + 1) * sizeof(uint32_t));
            hits = lcs_hits(s, refs[r], peer, &m1, m1.count, &p1, pcount);
            ms[r].hits = hits;
            ms[r].mcount = base;
            ms[r].pcount = (double)peer->ntok;
            ms[r].score = base > 0 ? hits / base : 0;
            grams_free(&m1);
        }
        free(pcount);
        grams_free(&p1);
        aggregate(o, ms, nrefs, &out[nm++]);
    }

    if (o->flags & SL_ROUGE_SKIP) {
        grams pg;
        size_t pc = skip_count(o, peer->ntok);
        uint32_t *pp = skip_pairs(o, peer->tok, peer->ntok, pc);
        grams_build(&pg, pp, pc, 2, 2);
        for (r = 0; r < nrefs; r++) {
            grams mg;
            size_t mc = skip_count(o, refs[r]->ntok);
            uint32_t *mp = skip_pairs(o, refs[r]->tok, refs[r]->ntok, mc);
            grams_build(&mg, mp, mc, 2, 2);
            stat_ngram(&ms[r], grams_hits(&mg, &pg), mc, pc);
            grams_free(&mg);
            free(mp);
        }
        grams_free(&pg);
        free(pp);
        aggregate(o, ms, nrefs, &out[nm++]);
    }
    free(ms);
    *nout = nm;
    return SL_OK;
}

/* ------------------------------------------------------------------ averages */

void rouge_rng_seed(rouge_rng *r, uint32_t seed)
{
    r->x = 0x330Eull + ((uint64_t)seed << 16);
}

double rouge_rng_next(rouge_rng *r)
{
    r->x = (r->x * 0x5DEECE66Dull + 0xBull) & 0xFFFFFFFFFFFFull;
    return ldexp((double)r->x, -48);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The three figures of one instance as computeAverages sees them: R, P, F
 * with -t 0, else the model count, peer count and hits. */
static void instance_values(const sl_rouge_opts *o, const rouge_stats *st, double v[3])
{
    if (o->count_mode == 0) {
        v[0] = st->recall;
        v[1] = st->precision;
        v[2] = st->f;
    } else {
        v[0] = st->model_count;
        v[1] = st->peer_count;
        v[2] = st->hits;
    }
}

/* R, P, F of pooled counts (-t 1). */
static void pooled(const sl_rouge_opts *o, const double sum[3], double out[3])
{
    double r = sum[0] > 0 ? sum[2] / sum[0] : 0;
    double p = sum[1] > 0 ? sum[2] / sum[1] : 0;
    double den = (1 - o->alpha) * p + o->alpha * r;
    out[0] = r;
    out[1] = p;
    out[2] = den > 0 ? r * p / den : 0;
}

/* Linear interpolation between two ranks of the sorted samples; ranks past
 * the end read as 0, as Perl's undefined elements do. */
static double rank(const double *a, size_t n, long i)
{
    return i >= 0 && (size_t)i < n ? a[i] : 0;
}

void rouge_average(const sl_rouge_opts *o, const rouge_stats *stats, size_t n, size_t stride,
                   size_t m, sl_rouge_result *out)
{
    double sum[3] = {0, 0, 0}, mean[3], lo[3], hi[3], v[3];
    size_t i, k;

    for (i = 0; i < n; i++) {
        instance_values(o, &stats[i * stride + m], v);
        for (k = 0; k < 3; k++)
            sum[k] += v[k];
    }
    out->model_count = out->peer_count = out->hits = 0;
    for (i = 0; i < n; i++) {
        out->model_count += stats[i * stride + m].model_count;
        out->peer_count += stats[i * stride + m].peer_count;
        out->hits += stats[i * stride + m].hits;
    }
    if (o->count_mode == 0) {
        for (k = 0; k < 3; k++)
            mean[k] = n ? round5(sum[k] / (double)n) : 0;
    } else {
        pooled(o, sum, mean);
        for (k = 0; k < 3; k++)
            mean[k] = round5(mean[k]);
    }
    memcpy(lo, mean, sizeof(lo));
    memcpy(hi, mean, sizeof(hi));

    if (o->resamples > 0 && o->count_mode != 2 && n > 0) {
        size_t nr = (size_t)o->resamples, s;
        double *smp = sl_xmalloc(3 * nr * sizeof(double));
        double delta = (double)nr * ((100 - o->confidence) / 2.0) / 100.0, ratio;
        long ua, la;
        for (s = 0; s < nr; s++) {
            rouge_rng rng;
            double acc[3] = {0, 0, 0}, res[3];
            rouge_rng_seed(&rng, (uint32_t)s);
            for (i = 0; i < n; i++) {
                size_t idx = (size_t)((double)n * rouge_rng_next(&rng));
                instance_values(o, &stats[idx * stride + m], v);
                for (k = 0; k < 3; k++)
                    acc[k] += v[k];
            }
            if (o->count_mode == 0) {
                for (k = 0; k < 3; k++)
                    res[k] = acc[k] / (double)n;
            } else {
                pooled(o, acc, res);
            }
            for (k = 0; k < 3; k++)
                smp[k * nr + s] = res[k];
        }
        ua = (long)((double)nr - delta - 1);
        la = (long)delta;
        ratio = (double)nr - delta - 1 - (double)ua;
        for (k = 0; k < 3; k++) {
            double *a = smp + k * nr, total = 0;
            qsort(a, nr, sizeof(double), cmp_double);
            for (s = 0; s < nr; s++)
                total += a[s];
            mean[k] = round5(total / (double)nr);
            lo[k] = round5(rank(a, nr, la) + (rank(a, nr, la + 1) - rank(a, nr, la)) * ratio);
            hi[k] = round5(rank(a, nr, ua) + (rank(a, nr, ua + 1) - rank(a, nr, ua)) * ratio);
        }
        free(smp);
    }
    out->recall = mean[0];
    out->precision = mean[1];
    out->f = mean[2];
    out->recall_low = lo[0];
    out->recall_high = hi[0];
    out->precision_low = lo[1];
    out->precision_high = hi[1];
    out->f_low = lo[2];
    out->f_high = hi[2];
}

/* ------------------------------------------------------------------ sentences */

void rouge_sentences(sl_ctx *ctx, const sl_rouge_opts *o, const char *text, size_t len,
                     sl_span **spans, size_t *n)
{
    size_t i = 0, cap = 0;
    if ((o->flags & SL_ROUGE_SPLIT) && sl_split_sentences(ctx, text, len, spans, n) == SL_OK)
        return;
    *spans = NULL;
    *n = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        sl_span sp;
        sp.start = i;
        sp.end = end;
        SL_PUSH(*spans, *n, cap, sp);
        i = end + 1;
    }
}
