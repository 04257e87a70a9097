/*
 * summary.c: the summarization driver and what the methods share: choosing
 * within the budget without repeats, ranked selection, PageRank, ordering
 * (see summary.h).
 *
 * Ordering: chronological by document date, then by position in the
 * document, then by document.  A document without a date sorts with the
 * earliest dated one, so undated clusters read lead sentences first.
 */
#include "story/summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static const char *const method_names[SL_SUM_NMETHODS + 1] = {
    "coverage", "lead", "centroid", "lexrank", "textrank", "mmr", "submodular", "ilp", NULL,
};

const char *const *sl_sum_method_names(void)
{
    return method_names;
}

const char *sl_sum_method_name(sl_sum_method m)
{
    return (unsigned)m < SL_SUM_NMETHODS ? method_names[m] : "unknown";
}

int sl_sum_method_parse(const char *name)
{
    int i;
    if (!name)
        return -1;
    if (strcmp(name, "default") == 0)
        return SL_SUM_DEFAULT;
    for (i = 0; i < SL_SUM_NMETHODS; i++)
        if (strcmp(name, method_names[i]) == 0)
            return i;
    return -1;
}

/* ------------------------------------------------------------------ choosing */

int sl_sum_can(const sl_sumrun *r, uint32_t i)
{
    return !r->red.blocked[i] && r->set->s[i].quality >= SL_SUM_MIN_QUALITY &&
           sl_budget_fits(&r->budget, &r->set->s[i]);
}

void sl_sum_choose(sl_sumrun *r, uint32_t i, double score)
{
    sl_budget_add(&r->budget, &r->set->s[i]);
    sl_redund_add(&r->red, r->set, i);
    r->chosen[r->nchosen] = i;
    r->cscore[r->nchosen] = score;
    r->nchosen++;
}

typedef struct ranked {
    double key;
    uint32_t rank, doc, i;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

void sl_sum_take_ranked(sl_sumrun *r, const double *score)
{
    size_t n = r->set->n, i;
    ranked *rk = sl_xmalloc((n ? n : 1) * sizeof(*rk));
    for (i = 0; i < n; i++) {
        rk[i].key = score[i] * r->set->s[i].quality;
        rk[i].rank = r->set->s[i].rank;
        rk[i].doc = r->set->s[i].doc;
        rk[i].i = (uint32_t)i;
    }
    qsort(rk, n, sizeof(*rk), cmp_ranked);
    for (i = 0; i < n; i++)
        if (rk[i].key > 0 && sl_sum_can(r, rk[i].i))
            sl_sum_choose(r, rk[i].i, rk[i].key);
    free(rk);
}

double sl_sum_position_prior(const sl_svset *set, uint32_t i)
{
    return 1.0 / sqrt(1.0 + set->s[i].rank);
}

/* ------------------------------------------------------------------ PageRank */

void sl_pagerank(size_t n, const uint32_t *row_off, const uint32_t *col, const float *w,
                 const double *tele, double jump, double *p)
{
    double *out = sl_xcalloc(n ? n : 1, sizeof(*out));
    double *next = sl_xcalloc(n ? n : 1, sizeof(*next));
    size_t i, it;
    uint32_t e;
    if (!n) {
        free(out);
        free(next);
        return;
    }
    for (i = 0; i < n; i++) {
        for (e = row_off[i]; e < row_off[i + 1]; e++)
            out[i] += w[e];
        p[i] = 1.0 / (double)n;
    }
    for (it = 0; it < 200; it++) {
        double lost = 0, diff = 0;
        memset(next, 0, n * sizeof(*next));
        for (i = 0; i < n; i++) {
            if (out[i] <= 0) {
                lost += p[i];
                continue;
            }
            for (e = row_off[i]; e < row_off[i + 1]; e++)
                next[col[e]] += p[i] * w[e] / out[i];
        }
        /* the mass of rows without edges teleports too */
        for (i = 0; i < n; i++) {
            double t = tele ? tele[i] : 1.0 / (double)n;
            double v = (1 - jump) * (next[i] + lost * t) + jump * t;
            diff += fabs(v - p[i]);
            p[i] = v;
        }
        if (diff < 1e-9)
            break;
    }
    free(out);
    free(next);
}

double *sl_sum_query_teleport(sl_svset *set)
{
    double *t, sum = 0;
    size_t i;
    if (!set->qrel || !set->n)
        return NULL;
    t = sl_arena_alloc(&set->arena, set->n * sizeof(*t));
    for (i = 0; i < set->n; i++) {
        t[i] = set->qrel[i] + 0.01;
        sum += t[i];
    }
    for (i = 0; i < set->n; i++)
        t[i] /= sum;
    return t;
}

/* ------------------------------------------------------------------ ordering */

typedef struct order_key {
    char date[11];  /* YYYY-MM-DD, coarser dates padded with 00 */
    uint32_t rank, doc, sent;
    double score;
} order_key;

static int cmp_order(const void *a, const void *b)
{
    const order_key *x = a, *y = b;
    int c = strcmp(x->date, y->date);
    if (c)
        return c;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->sent < y->sent ? -1 : x->sent > y->sent;
}

/* A sortable day from a TimeML value: "2018-04-27", "2018-04" -> "2018-04-00",
 * "2018" or "2018-W30" -> "2018-00-00"; "" when there is no year. */
static void date_key(const sl_date *date, char out[11])
{
    const char *v = date->value;
    size_t i;
    out[0] = '\0';
    if (date->precision == SL_PREC_NONE)
        return;
    for (i = 0; i < 4; i++)
        if (v[i] < '0' || v[i] > '9')
            return;
    memcpy(out, "0000-00-00", 11);
    memcpy(out, v, 4);
    if (v[4] == '-' && v[5] >= '0' && v[5] <= '9' && v[6] >= '0' && v[6] <= '9') {
        memcpy(out + 5, v + 5, 2);
        if (v[7] == '-' && v[8] >= '0' && v[8] <= '9' && v[9] >= '0' && v[9] <= '9')
            memcpy(out + 8, v + 8, 2);
    }
}

/* ------------------------------------------------------------------ driver */

int sl_summarize(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, const sl_sum_opts *opts,
                 sl_sum_pick **picks, size_t *n)
{
    sl_svset set;
    sl_sumrun r;
    order_key *keys;
    char first_date[11] = "";
    double best = 0;
    size_t i;

    if (!ctx || (!docs && ndocs) || !opts || !picks || !n || (unsigned)opts->method >= SL_SUM_NMETHODS)
        return SL_EINVAL;
    *picks = NULL;
    *n = 0;
    sl_svset_build(ctx, docs, ndocs, opts->query, opts->query ? opts->query_len : 0, &set);

    memset(&r, 0, sizeof(r));
    r.set = &set;
    r.opts = opts;
    r.budget.words = opts->words;
    r.budget.sentences = opts->sentences;
    r.budget.bytes = opts->bytes;
    sl_redund_init(&r.red, &set);
    r.chosen = sl_arena_alloc(&set.arena, (set.n ? set.n : 1) * sizeof(*r.chosen));
    r.cscore = sl_arena_alloc(&set.arena, (set.n ? set.n : 1) * sizeof(*r.cscore));

    if (set.n) {
        switch (opts->method) {
        case SL_SUM_LEAD: sl_sum_lead(&r); break;
        case SL_SUM_CENTROID: sl_sum_centroid(&r); break;
        case SL_SUM_LEXRANK: sl_sum_lexrank(&r); break;
        case SL_SUM_TEXTRANK: sl_sum_textrank(&r); break;
        case SL_SUM_MMR: sl_sum_mmr(&r); break;
        case SL_SUM_SUBMODULAR: sl_sum_submodular(&r, 0); break;
        case SL_SUM_ILP: sl_sum_ilp(&r); break;
        case SL_SUM_COVERAGE: default: sl_sum_submodular(&r, 1); break;
        }
    }

    keys = sl_xcalloc(r.nchosen ? r.nchosen : 1, sizeof(*keys));
    for (i = 0; i < ndocs; i++) {
        char k[11];
        date_key(opts->dates ? &opts->dates[i] : &docs[i]->date, k);
        if (k[0] && (!first_date[0] || strcmp(k, first_date) < 0))
            memcpy(first_date, k, sizeof(k));
    }
    for (i = 0; i < r.nchosen; i++) {
        const sl_sv *s = &set.s[r.chosen[i]];
        date_key(opts->dates ? &opts->dates[s->doc] : &docs[s->doc]->date, keys[i].date);
        if (!keys[i].date[0])
            memcpy(keys[i].date, first_date, sizeof(first_date));
        keys[i].rank = s->rank;
        keys[i].doc = s->doc;
        keys[i].sent = s->sent;
        keys[i].score = r.cscore[i];
        if (r.cscore[i] > best)
            best = r.cscore[i];
    }
    qsort(keys, r.nchosen, sizeof(*keys), cmp_order);
    *picks = sl_xcalloc(r.nchosen ? r.nchosen : 1, sizeof(**picks));
    for (i = 0; i < r.nchosen; i++) {
        (*picks)[i].doc = keys[i].doc;
        (*picks)[i].sent = keys[i].sent;
        (*picks)[i].score = best > 0 ? keys[i].score / best : 0;
    }
    *n = r.nchosen;
    free(keys);
    sl_svset_free(&set);
    return SL_OK;
}
