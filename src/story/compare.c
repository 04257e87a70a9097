/*
 * compare.c: agreements and disagreements between the articles of a story
 * (see compare.h for the method, facts.h for what a fact is).
 *
 * Cost: extraction is linear in the tokens.  Alignment walks, for each fact,
 * the postings of its context terms among the facts of its kind, so it
 * costs the sum of the posting lengths it touches, not the number of pairs;
 * a term held by more than MAX_POSTING facts is too common to align
 * anything by itself and is left out of the walk (its weight still counts
 * in the cosine of the pairs found through other terms).  Each fact is
 * paired with at most MAX_PARTNERS later facts, the most similar, so that
 * a story that repeats one sentence thousands of times stays linear.  The
 * baseline (opts->all_pairs) computes the cosine of every pair of facts of
 * a kind, with the same cap.
 * Output is deterministic: facts, pairs and items are ordered by position.
 */
#include "story/compare.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/dates.h"
#include "story/facts.h"
#include "story/sentvec.h"
#include "util/buf.h"
#include "util/mem.h"

#define MAX_POSTING 512  /* facts of a kind holding a term beyond which it aligns nothing alone */
#define MAX_PARTNERS 48  /* most similar later facts examined per fact */
#define MAX_STATES 512 /* facts of an article searched for the other's value */
#define NONE32 UINT32_MAX

typedef struct edge {
    uint32_t a, b;   /* facts, a < b */
    float sim;
    int conflict;
} edge;

typedef struct cmp {
    sl_ctx *ctx;
    sl_svset sv;
    sl_factset fs;
    const sl_entities *ents;
    sl_cmp_opts o;
    long *docday;    /* per document: its day number, or LONG_MIN when unknown */
    unsigned char *ambiguous; /* per fact: its article gives several values for it */
    edge *e;
    size_t ne, ce;
    uint32_t *uf;    /* union-find over facts */
} cmp;

typedef struct idpos {
    uint32_t id, pos;
} idpos;

static int cmp_idpos_pos(const void *a, const void *b)
{
    const idpos *x = a, *y = b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int cmp_idpos(const void *a, const void *b)
{
    const idpos *x = a, *y = b;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static uint32_t uf_find(uint32_t *uf, uint32_t x)
{
    while (uf[x] != x) {
        uf[x] = uf[uf[x]];
        x = uf[x];
    }
    return x;
}

static void uf_union(uint32_t *uf, uint32_t a, uint32_t b)
{
    a = uf_find(uf, a);
    b = uf_find(uf, b);
    if (a < b)
        uf[b] = a;
    else if (b < a)
        uf[a] = b;
}

/* The slack for durations: how far apart the two articles were written. */
static double slack_days(const cmp *c, const sl_fact *a, const sl_fact *b)
{
    long x = c->docday[a->doc], y = c->docday[b->doc];
    if (x == LONG_MIN || y == LONG_MIN)
        return 366;
    return (double)labs(x - y);
}

/* Whether a's article also states b's value for the same thing: then it is
 * not contradicting b (it tells two facts apart, or hedges). */
static int states_too(const cmp *c, const sl_fact *a, const sl_fact *b)
{
    const sl_factset *fs = &c->fs;
    uint32_t i, ai = (uint32_t)(a - fs->f), lo = fs->doc_first[a->doc], hi = fs->doc_first[a->doc + 1];
    /* an article of news length has fewer facts than the window; a longer
     * one is searched around the fact */
    if (ai - lo > MAX_STATES / 2)
        lo = ai - MAX_STATES / 2;
    if (hi - ai > MAX_STATES / 2)
        hi = ai + MAX_STATES / 2;
    for (i = lo; i < hi; i++) {
        const sl_fact *x = &fs->f[i];
        if (x == a || x->kind != a->kind)
            continue;
        if (!sl_fact_heads_match(fs, &c->sv, x, b))
            continue;
        if (sl_fact_relate(x, b, slack_days(c, x, b)) != SL_REL_SAME)
            continue;
        if (sl_fact_sim(fs, x, b) >= c->o.align * 0.5)
            return 1;
    }
    return 0;
}

/* Whether two facts' sentences are dated differently: each states a date
 * and no date of one is compatible with a date of the other ("749 children
 * since 1998" and "30 children since 1990" count over different spans).
 * Used for counts only: how long a strike lasted does not change with the
 * day a sentence also names. */
static void sentence_facts(const sl_factset *fs, const sl_fact *a, uint32_t *lo, uint32_t *hi)
{
    uint32_t i = (uint32_t)(a - fs->f), l = i, h = i + 1;
    while (l > fs->doc_first[a->doc] && fs->f[l - 1].sent == a->sent)
        l--;
    while (h < fs->doc_first[a->doc + 1] && fs->f[h].sent == a->sent)
        h++;
    *lo = l;
    *hi = h;
}

static int dated_apart(const cmp *c, const sl_fact *a, const sl_fact *b)
{
    const sl_factset *fs = &c->fs;
    uint32_t i, j, alo, ahi, blo, bhi;
    int da = 0, db = 0;
    sentence_facts(fs, a, &alo, &ahi);
    sentence_facts(fs, b, &blo, &bhi);
    for (i = alo; i < ahi; i++) {
        const sl_fact *x = &fs->f[i];
        if (x->kind != SL_FK_DATE || x == a || (x->flags & SL_FF_BOUND))
            continue;
        da = 1;
        for (j = blo; j < bhi; j++) {
            const sl_fact *y = &fs->f[j];
            if (y->kind != SL_FK_DATE || y == b || (y->flags & SL_FF_BOUND))
                continue;
            db = 1;
            if (x->lo <= y->hi && y->lo <= x->hi)
                return 0;
        }
    }
    return da && db;
}

/* Whether both facts name places near them and none is shared ("46 killed
 * in the U.S." and "10 killed in New York City"). */
static int placed_apart(const sl_fact *a, const sl_fact *b)
{
    uint32_t i, j;
    if (!a->nlocs || !b->nlocs)
        return 0;
    for (i = 0; i < a->nlocs; i++)
        for (j = 0; j < b->nlocs; j++)
            if (a->locs[i] == b->locs[j])
                return 0;
    return 1;
}

/* Whether a conflict between two aligned facts may be reported: what it
 * is about is named on both sides, they are not placed or dated apart,
 * neither article gives several values for the thing, and neither also
 * states the other's value. */
static int may_conflict(const cmp *c, uint32_t i, uint32_t j)
{
    const sl_fact *a = &c->fs.f[i], *b = &c->fs.f[j];
    if (c->ambiguous[i] || c->ambiguous[j])
        return 0;
    /* "0.8 percent" and "0.6 percent", "$1.8 billion" and "$8.3 billion":
     * without what they measure, measures are too often of two things */
    if (a->kind == SL_FK_NUMBER && a->dim && (!a->head || !b->head))
        return 0;
    if (a->kind == SL_FK_DURATION && !a->head && !b->head)
        return 0;
    /* figures a factor of three or more apart are rarely one quantity
     * misreported, and often two ("90,000 customers" in one province,
     * "670,000" of another utility) */
    if (a->kind != SL_FK_DATE && a->kind != SL_FK_ACTOR) {
        double x = a->hi == HUGE_VAL ? a->lo : a->point, y = b->hi == HUGE_VAL ? b->lo : b->point;
        if (x <= 0 || y <= 0 || (x > y ? x / y : y / x) >= 3)
            return 0;
    }
    if (a->kind == SL_FK_NUMBER && dated_apart(c, a, b))
        return 0;
    /* the contexts must share more than the head word */
    if (sl_fact_sim_beyond_head(&c->fs, a, b) < (sl_fact_near(a, b) ? c->o.near : c->o.align) / 2)
        return 0;
    if (placed_apart(a, b))
        return 0;
    return !states_too(c, a, b) && !states_too(c, b, a);
}

/* Examines a pair with a context cosine of at least o.near and records
 * the edge it makes, if any. */
static void consider(cmp *c, uint32_t i, uint32_t j, double sim)
{
    const sl_fact *a = &c->fs.f[i], *b = &c->fs.f[j];
    int rel, near;
    edge e;
    if (!sl_fact_heads_match(&c->fs, &c->sv, a, b))
        return;
    near = sl_fact_near(a, b);
    rel = sl_fact_relate(a, b, slack_days(c, a, b));
    if (rel == SL_REL_NONE)
        return;
    if (sim < c->o.align) {
        /* weaker context evidence: near but different values, or the same
         * specific value */
        if (rel == SL_REL_CONFLICT ? !near
                                   : !(sl_fact_specific(a) && sl_fact_specific(b) &&
                                       a->lo == b->lo && a->hi == b->hi))
            return;
    }
    /* near years need the plain alignment; near figures, only `near` */
    if (rel == SL_REL_CONFLICT &&
        ((sim < (a->kind == SL_FK_DATE ? c->o.date_conflict : c->o.conflict) && !near) ||
         (near && a->kind == SL_FK_DATE && sim < c->o.align) || !may_conflict(c, i, j)))
        return;
    if (rel == SL_REL_SAME &&
        (!sl_fact_close(a, b) || (a->kind == SL_FK_NUMBER && dated_apart(c, a, b)) || placed_apart(a, b)))
        return;
    e.a = i < j ? i : j;
    e.b = i < j ? j : i;
    e.sim = (float)sim;
    e.conflict = rel == SL_REL_CONFLICT;
    SL_PUSH(c->e, c->ne, c->ce, e);
}

typedef struct partner {
    uint32_t fact;
    double sim;
} partner;

static int cmp_partner(const void *x, const void *y)
{
    const partner *a = x, *b = y;
    if (a->sim != b->sim)
        return a->sim > b->sim ? -1 : 1;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

static int cmp_partner_fact(const void *x, const void *y)
{
    const partner *a = x, *b = y;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

/* Considers fact i with its candidates (cosine at least o.near): the
 * MAX_PARTNERS most similar, in fact order.  Returns how many. */
static size_t examine(cmp *c, uint32_t i, partner *cand, size_t n)
{
    size_t k;
    if (!n)
        return 0;
    if (n > MAX_PARTNERS) {
        qsort(cand, n, sizeof(*cand), cmp_partner);
        n = MAX_PARTNERS;
    }
    qsort(cand, n, sizeof(*cand), cmp_partner_fact);
    for (k = 0; k < n; k++)
        consider(c, i, cand[k].fact, cand[k].sim);
    return n;
}

/* Alignment through the inverted index of one kind's context terms. */
static size_t align_indexed(cmp *c, const uint32_t *ids, size_t n)
{
    const sl_factset *fs = &c->fs;
    size_t T = fs->nterms, i, k, pairs = 0;
    uint32_t *off = sl_xcalloc(T + 2, sizeof(*off));
    uint32_t *pf;
    float *pw;
    double *acc = sl_xcalloc(n ? n : 1, sizeof(*acc));
    uint32_t *touched = sl_xmalloc((n ? n : 1) * sizeof(*touched));
    size_t total = 0, np = 0, cp = 0;
    partner *cand = NULL;

    /* postings: term -> (local fact index, weight), facts ascending */
    for (i = 0; i < n; i++) {
        const sl_fact *f = &fs->f[ids[i]];
        for (k = f->c0; k < f->c1; k++)
            off[fs->cterm[k] + 1]++;
    }
    for (k = 0; k < T; k++)
        off[k + 1] += off[k];
    total = off[T];
    pf = sl_xmalloc((total ? total : 1) * sizeof(*pf));
    pw = sl_xmalloc((total ? total : 1) * sizeof(*pw));
    {
        uint32_t *fill = sl_xmalloc((T + 1) * sizeof(*fill));
        memcpy(fill, off, (T + 1) * sizeof(*fill));
        for (i = 0; i < n; i++) {
            const sl_fact *f = &fs->f[ids[i]];
            for (k = f->c0; k < f->c1; k++) {
                uint32_t t = fs->cterm[k];
                pf[fill[t]] = (uint32_t)i;
                pw[fill[t]] = fs->cw[k];
                fill[t]++;
            }
        }
        free(fill);
    }
    /* each fact against the later ones sharing a term */
    for (i = 0; i < n; i++) {
        const sl_fact *f = &fs->f[ids[i]];
        size_t nt = 0, m;
        for (k = f->c0; k < f->c1; k++) {
            uint32_t t = fs->cterm[k], p, end = off[t + 1];
            if (end - off[t] > MAX_POSTING)
                continue;
            /* postings are ascending: skip to the facts after i */
            {
                uint32_t lo = off[t], hi = end;
                while (lo < hi) {
                    uint32_t mid = lo + (hi - lo) / 2;
                    if (pf[mid] <= i)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                p = lo;
            }
            for (; p < end; p++) {
                uint32_t g = pf[p];
                if (fs->f[ids[g]].doc == f->doc)
                    continue;
                if (acc[g] == 0)
                    touched[nt++] = g;
                acc[g] += (double)fs->cw[k] * pw[p];
            }
        }
        np = 0;
        for (m = 0; m < nt; m++) {
            uint32_t g = touched[m];
            if (acc[g] >= c->o.near) {
                /* the exact cosine, common terms included */
                double sim = sl_fact_sim(fs, f, &fs->f[ids[g]]);
                if (sim >= c->o.near) {
                    partner p;
                    p.fact = ids[g];
                    p.sim = sim;
                    SL_PUSH(cand, np, cp, p);
                }
            }
            acc[g] = 0;
        }
        pairs += examine(c, ids[i], cand, np);
    }
    free(cand);
    free(off);
    free(pf);
    free(pw);
    free(acc);
    free(touched);
    return pairs;
}

/* The baseline: every pair of facts of the kind. */
static size_t align_all_pairs(cmp *c, const uint32_t *ids, size_t n)
{
    size_t i, j, pairs = 0, np, cp = 0;
    partner *cand = NULL;
    for (i = 0; i < n; i++) {
        np = 0;
        for (j = i + 1; j < n; j++) {
            const sl_fact *a = &c->fs.f[ids[i]], *b = &c->fs.f[ids[j]];
            double sim;
            if (a->doc == b->doc)
                continue;
            sim = sl_fact_sim(&c->fs, a, b);
            if (sim >= c->o.near) {
                partner p;
                p.fact = ids[j];
                p.sim = sim;
                SL_PUSH(cand, np, cp, p);
            }
        }
        pairs += examine(c, ids[i], cand, np);
    }
    free(cand);
    return pairs;
}

/* Marks the facts whose own article gives another, conflicting value for
 * the same thing in a similar context (temperatures inside and outside a
 * car, the death toll of two places): such a thing has several values and
 * a conflict with another article means nothing.  Each fact is compared
 * with at most MAX_SELF facts of its article before and after it. */
#define MAX_SELF 32

static void mark_ambiguous(cmp *c)
{
    const sl_factset *fs = &c->fs;
    size_t d, i, j;
    c->ambiguous = sl_xcalloc(fs->n ? fs->n : 1, 1);
    for (d = 0; d < fs->ndocs; d++) {
        size_t a = fs->doc_first[d], b = fs->doc_first[d + 1];
        for (i = a; i < b; i++) {
            const sl_fact *f = &fs->f[i];
            if (f->kind == SL_FK_ACTOR)
                continue; /* several doers of an action are its doers */
            for (j = i + 1; j < b && j <= i + MAX_SELF; j++) {
                const sl_fact *g = &fs->f[j];
                if (g->kind != f->kind || !sl_fact_heads_match(fs, &c->sv, f, g))
                    continue;
                if (f->kind != SL_FK_NUMBER && g->sent == f->sent)
                    continue; /* dates or spans of one sentence are of its different
                                 events ("10 hours into the 16-hour flight") */
                if (sl_fact_relate(f, g, 0) != SL_REL_CONFLICT)
                    continue;
                if (sl_fact_sim(fs, f, g) < c->o.align)
                    continue;
                c->ambiguous[i] = c->ambiguous[j] = 1;
            }
        }
    }
}

/* Joins the facts of one article that repeat one statement: same kind,
 * same value, matching heads (the headline's "212 aboard" and the body's
 * "212 people aboard").  Sorting by value keeps it n log n. */
static const sl_factset *sort_fs;

static int cmp_by_value(const void *x, const void *y)
{
    const sl_fact *a = &sort_fs->f[*(const uint32_t *)x], *b = &sort_fs->f[*(const uint32_t *)y];
    int r;
    if (a->kind != b->kind)
        return a->kind - b->kind;
    if ((r = strcmp(a->value, b->value)) != 0)
        return r;
    return *(const uint32_t *)x < *(const uint32_t *)y ? -1 : 1;
}

static void join_repeats(cmp *c)
{
    const sl_factset *fs = &c->fs;
    size_t d, i, j;
    uint32_t *ids = NULL;
    size_t cap = 0;
    for (d = 0; d < fs->ndocs; d++) {
        size_t n = fs->doc_first[d + 1] - fs->doc_first[d];
        if (n < 2)
            continue;
        if (n > cap)
            ids = sl_xgrow(ids, &cap, n, sizeof(*ids));
        for (i = 0; i < n; i++)
            ids[i] = (uint32_t)(fs->doc_first[d] + i);
        sort_fs = fs;
        qsort(ids, n, sizeof(*ids), cmp_by_value);
        for (i = 0; i < n;) {
            size_t end = i + 1;
            while (end < n && fs->f[ids[end]].kind == fs->f[ids[i]].kind &&
                   strcmp(fs->f[ids[end]].value, fs->f[ids[i]].value) == 0)
                end++;
            /* each joins the first earlier one it matches (at most 8 tried) */
            for (j = i + 1; j < end; j++) {
                size_t q;
                for (q = i; q < j && q < i + 8; q++)
                    if (sl_fact_heads_match(fs, &c->sv, &fs->f[ids[q]], &fs->f[ids[j]]) &&
                        !((fs->f[ids[q]].flags ^ fs->f[ids[j]].flags) &
                          (SL_FF_PARTIAL | SL_FF_BOUND | SL_FF_RANGE)) &&
                        sl_fact_sim(fs, &fs->f[ids[q]], &fs->f[ids[j]]) >= c->o.near) {
                        edge e;
                        e.a = ids[q] < ids[j] ? ids[q] : ids[j];
                        e.b = ids[q] < ids[j] ? ids[j] : ids[q];
                        e.sim = 1;
                        e.conflict = 0;
                        SL_PUSH(c->e, c->ne, c->ce, e);
                        break;
                    }
            }
            i = end;
        }
    }
    sort_fs = NULL;
    free(ids);
}

/* ------------------------------------------------------------------ items */

/* The sentence of a fact, white space made one space (caller frees). */
static char *sentence_text(const cmp *c, const sl_fact *f)
{
    const sl_doc *d = c->sv.docs[f->doc];
    const sl_sentence *st = &d->sents[f->sent];
    sl_buf b = SL_BUF_INIT;
    size_t i;
    int space = 0;
    for (i = st->start; i < st->end; i++) {
        char ch = d->text.ptr[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v') {
            space = 1;
            continue;
        }
        if (space && b.len)
            sl_buf_putc(&b, ' ');
        space = 0;
        sl_buf_putc(&b, ch);
    }
    if (!b.ptr)
        sl_buf_puts(&b, "");
    return sl_buf_detach(&b);
}

static void put_token(sl_buf *b, const sl_doc *d, size_t k)
{
    if (b->len)
        sl_buf_putc(b, ' ');
    sl_buf_put(b, d->text.ptr + d->toks[k].start, d->toks[k].end - d->toks[k].start);
}

static int content_token(const sl_doc *d, size_t k)
{
    return (d->toks[k].flags & SL_TOK_WORD) && !(d->toks[k].flags & SL_TOK_STOP);
}

/* The noun phrase of a head: the head, listed words after it ("aboard"),
 * "and crew", and one short prepositional phrase ("in South Korea"). */
static void head_phrase(const cmp *c, const sl_fact *f, sl_buf *b)
{
    const sl_doc *d = c->sv.docs[f->doc];
    size_t a = f->head_tok, e, end = d->sent_tok[f->sent + 1], k;
    if (f->head_tok == SL_FACT_NONE)
        return;
    /* from the word after the figure when the words up to the head are
     * content words: "people aboard", "navy helicopters" */
    {
        size_t st = f->t1;
        if (st < a && sl_fact_is_prep(c->ctx, d, st))
            st++; /* "years of brutal fighting" */
        for (k = st; k < a && content_token(d, k); k++)
            ;
        if (k == a && st < a)
            a = st;
    }
    e = f->head_tok + 1;
    /* "passengers and crew": a coordination made the head generic */
    if ((f->flags & SL_FF_GENERIC) && e + 1 < end && d->toks[e].end - d->toks[e].start == 3 &&
        memcmp(d->text.ptr + d->toks[e].start, "and", 3) == 0 && content_token(d, e + 1))
        e += 2;
    if (e < end && content_token(d, e) && !(d->toks[e].flags & SL_TOK_CAP) &&
        d->toks[e].end - d->toks[e].start == 6 && memcmp(d->text.ptr + d->toks[e].start, "aboard", 6) == 0)
        e++;
    /* a prepositional phrase of up to three words, to the next punctuation */
    if (e + 1 < end && (d->toks[e].flags & SL_TOK_STOP) && (d->toks[e].flags & SL_TOK_WORD)) {
        size_t p = e + 1, n = 0, last = 0;
        while (p < end && n < 4) {
            if (d->toks[p].flags & SL_TOK_PUNCT)
                break;
            if (content_token(d, p))
                last = p + 1;
            else if (!(d->toks[p].flags & SL_TOK_STOP))
                break;
            p++;
            n++;
        }
        if (last && (d->toks[last - 1].flags & SL_TOK_CAP)) {
            /* only where it names a place or a thing: "in South Korea" */
            static const char *const preps[] = {"in", "on", "at", "from", "to", NULL};
            const char *w = d->text.ptr + d->toks[e].start;
            size_t wl = d->toks[e].end - d->toks[e].start, q;
            for (q = 0; preps[q]; q++)
                if (strlen(preps[q]) == wl && memcmp(preps[q], w, wl) == 0)
                    break;
            if (preps[q])
                e = last;
        }
    }
    for (k = a; k < e; k++)
        put_token(b, d, k);
}

/* Up to three words the claims' contexts share, in the order of rep's
 * sentence: what a date or an unnamed duration is about. */
static void shared_words(const cmp *c, const sl_fact *rep, const uint32_t *facts, size_t n, sl_buf *b)
{
    const sl_factset *fs = &c->fs;
    const sl_doc *d = c->sv.docs[rep->doc];
    size_t nst = c->sv.nterms, k, i, j, nents = sl_entities_count(c->ents);
    struct best {
        uint32_t term;
        double score;
        size_t tok;
    } top[3];
    size_t ntop = 0;
    for (k = rep->c0; k < rep->c1; k++) {
        uint32_t t = fs->cterm[k];
        double best = 0;
        if (t >= nst + nents)
            continue; /* years */
        for (i = 0; i < n; i++) {
            const sl_fact *g = &fs->f[facts[i]];
            if (g == rep || g->doc == rep->doc)
                continue;
            for (j = g->c0; j < g->c1; j++)
                if (fs->cterm[j] == t && (double)fs->cw[k] * fs->cw[j] > best)
                    best = (double)fs->cw[k] * fs->cw[j];
        }
        if (best <= 0)
            continue;
        if (ntop < 3 || best > top[ntop - 1].score) {
            size_t q = ntop < 3 ? ntop++ : 2;
            while (q > 0 && top[q - 1].score < best) {
                top[q] = top[q - 1];
                q--;
            }
            top[q].term = t;
            top[q].score = best;
            top[q].tok = SIZE_MAX;
        }
    }
    /* the nearest token of each term */
    for (i = 0; i < ntop; i++) {
        size_t bestd = SIZE_MAX;
        for (k = d->sent_tok[rep->sent]; k < d->sent_tok[rep->sent + 1]; k++) {
            size_t dist = k < rep->anchor0 ? rep->anchor0 - k : k - rep->anchor0;
            int match;
            if (top[i].term >= nst) {
                const sl_entity *e = sl_entities_get(c->ents, top[i].term - nst);
                size_t m;
                match = 0;
                for (m = 0; e && m < e->nmentions; m++)
                    if (e->mentions[m].doc == rep->doc && d->toks[k].start >= e->mentions[m].start &&
                        d->toks[k].end <= e->mentions[m].end)
                        match = 1;
            } else {
                match = content_token(d, k) && sl_svset_term(&c->sv, d->toks[k].stem) == top[i].term;
            }
            if (match && dist < bestd) {
                bestd = dist;
                top[i].tok = k;
            }
        }
    }
    /* in sentence order; an entity by its canonical name */
    for (i = 1; i < ntop; i++) {
        struct best x = top[i];
        j = i;
        while (j > 0 && top[j - 1].tok > x.tok) {
            top[j] = top[j - 1];
            j--;
        }
        top[j] = x;
    }
    for (i = 0; i < ntop; i++) {
        if (top[i].tok == SIZE_MAX)
            continue;
        if (top[i].term >= nst) {
            const sl_entity *e = sl_entities_get(c->ents, top[i].term - nst);
            if (b->len)
                sl_buf_putc(b, ' ');
            sl_buf_puts(b, e ? e->name : "");
        } else {
            put_token(b, d, top[i].tok);
        }
    }
}

static const char *dim_name(const char *dim)
{
    static const char *const map[][2] = {{"length", "distance"}, {"mass", "weight"},
                                         {"percent", "percentage"}, {"speed", "speed"},
                                         {"area", "area"}, {NULL, NULL}};
    size_t i;
    for (i = 0; map[i][0]; i++)
        if (strcmp(map[i][0], dim) == 0)
            return map[i][1];
    return "amount";
}

/* What an item is about, in a few words, from its representative fact. */
static char *about_text(const cmp *c, const sl_fact *rep, const uint32_t *facts, size_t n,
                        const char *dimname)
{
    sl_buf b = SL_BUF_INIT, w = SL_BUF_INIT;
    const sl_doc *d = c->sv.docs[rep->doc];
    switch (rep->kind) {
    case SL_FK_NUMBER:
        if (rep->head & 0x40000000u) {
            const sl_entity *e = sl_entities_get(c->ents, rep->head & ~0x40000000u);
            sl_buf_printf(&b, "age of %s", e ? e->name : "");
            break;
        }
        head_phrase(c, rep, &w);
        if (rep->dim)
            sl_buf_printf(&b, "%s%s%s", dimname, w.len ? " of " : "", w.len ? w.ptr : "");
        else
            sl_buf_printf(&b, "number of %s", w.len ? w.ptr : "things");
        break;
    case SL_FK_DURATION:
        head_phrase(c, rep, &w);
        if (w.len) {
            sl_buf_printf(&b, "duration of %s", w.ptr);
        } else {
            shared_words(c, rep, facts, n, &w);
            sl_buf_printf(&b, "duration%s%s", w.len ? ": " : "", w.len ? w.ptr : "");
        }
        break;
    case SL_FK_DATE:
        shared_words(c, rep, facts, n, &w);
        sl_buf_printf(&b, "date%s%s", w.len ? ": " : "", w.len ? w.ptr : "");
        break;
    case SL_FK_ACTOR: {
        size_t k = rep->head_tok, end = d->sent_tok[rep->sent + 1], m = 0;
        sl_buf_puts(&b, "who ");
        sl_buf_put(&b, d->text.ptr + d->toks[k].start, d->toks[k].end - d->toks[k].start);
        if (k + 1 < end && (d->toks[k + 1].flags & SL_TOK_WORD) && rep->t1 <= k + 1) {
            /* active: the object, up to three words */
            size_t p = k + 1, last = 0;
            while (p < end && m < 4 && !(d->toks[p].flags & SL_TOK_PUNCT)) {
                if (sl_fact_is_prep(c->ctx, d, p) && (last || !(d->toks[p].flags & SL_TOK_STOP)))
                    break; /* "the country" of "split the country along ..." */
                if (content_token(d, p))
                    last = p + 1;
                p++;
                m++;
            }
            for (p = k + 1; p < last; p++)
                put_token(&w, d, p);
            if (w.len)
                sl_buf_printf(&b, " %s", w.ptr);
        } else {
            shared_words(c, rep, facts, n, &w);
            if (w.len)
                sl_buf_printf(&b, ": %s", w.ptr);
        }
        break;
    }
    default:
        break;
    }
    sl_buf_free(&w);
    if (!b.ptr)
        sl_buf_puts(&b, "");
    return sl_buf_detach(&b);
}

/* How good a claim a fact makes: its value is the agreed one, it is not in
 * a headline, it is precise. */
static int claim_rank(const sl_fact *f, const char *agreed)
{
    return (agreed && strcmp(f->value, agreed) == 0) * 4 + !(f->flags & SL_FF_TITLE) * 2 +
           !(f->flags & SL_FF_RANGE);
}

/* Claims: one per document (per document and value in a disagreement), the
 * best by claim_rank, then the first.  `facts` are in position order. */
typedef struct cand {
    uint32_t fact;
    int rank;
} cand;

static const sl_factset *cand_fs;
static int cand_by_value;

static int cmp_cand(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    const sl_fact *fa = &cand_fs->f[a->fact], *fb = &cand_fs->f[b->fact];
    int r;
    if (fa->doc != fb->doc)
        return fa->doc < fb->doc ? -1 : 1;
    if (cand_by_value && (r = strcmp(fa->value, fb->value)) != 0)
        return r;
    if (a->rank != b->rank)
        return b->rank - a->rank;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

static int cmp_claim_pos(const void *x, const void *y)
{
    const sl_claim *a = x, *b = y;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return a->sentence < b->sentence ? -1 : a->sentence > b->sentence;
}

static void add_claims(const cmp *c, sl_cmp_item *it, const uint32_t *facts, size_t n, int by_value,
                       const char *agreed)
{
    cand *v = sl_xmalloc((n ? n : 1) * sizeof(*v));
    size_t i;
    for (i = 0; i < n; i++) {
        v[i].fact = facts[i];
        v[i].rank = claim_rank(&c->fs.f[facts[i]], agreed);
    }
    cand_fs = &c->fs;
    cand_by_value = by_value;
    qsort(v, n, sizeof(*v), cmp_cand);
    it->claims = sl_xcalloc(n ? n : 1, sizeof(*it->claims));
    for (i = 0; i < n; i++) {
        const sl_fact *f = &c->fs.f[v[i].fact];
        sl_claim *cl;
        if (i > 0) {
            const sl_fact *p = &c->fs.f[v[i - 1].fact];
            if (p->doc == f->doc && (!by_value || strcmp(p->value, f->value) == 0))
                continue; /* the first of its group is the best */
        }
        cl = &it->claims[it->nclaims++];
        cl->doc = f->doc;
        cl->sentence = f->sent;
        cl->text = sentence_text(c, f);
        cl->value = sl_xstrdup(f->value);
    }
    if (it->nclaims > 1)
        qsort(it->claims, it->nclaims, sizeof(*it->claims), cmp_claim_pos);
    cand_fs = NULL;
    free(v);
}

/* Documents of an item: its claims are in document order. */
static size_t item_docs(const sl_cmp_item *it)
{
    size_t i, n = 0;
    for (i = 0; i < it->nclaims; i++)
        n += i == 0 || it->claims[i].doc != it->claims[i - 1].doc;
    return n;
}

static int kind_rank(const char *k)
{
    static const char *const order[] = {"number", "date", "duration", "actor"};
    int i;
    for (i = 0; i < 4; i++)
        if (strcmp(order[i], k) == 0)
            return i;
    return 4;
}

typedef struct sitem {
    sl_cmp_item it;
    size_t ndocs;
} sitem;

static int cmp_items(const void *x, const void *y)
{
    const sitem *p = x, *q = y;
    const sl_cmp_item *a = &p->it, *b = &q->it;
    if (p->ndocs != q->ndocs)
        return p->ndocs > q->ndocs ? -1 : 1;
    if (kind_rank(a->kind) != kind_rank(b->kind))
        return kind_rank(a->kind) - kind_rank(b->kind);
    if (a->claims[0].doc != b->claims[0].doc)
        return a->claims[0].doc < b->claims[0].doc ? -1 : 1;
    if (a->claims[0].sentence != b->claims[0].sentence)
        return a->claims[0].sentence < b->claims[0].sentence ? -1 : 1;
    return strcmp(a->about, b->about);
}

/* Orders items: most sources first, then by kind and position. */
static void sort_items(sl_cmp_item *v, size_t n)
{
    sitem *s = sl_xmalloc((n ? n : 1) * sizeof(*s));
    size_t i;
    for (i = 0; i < n; i++) {
        s[i].it = v[i];
        s[i].ndocs = item_docs(&v[i]);
    }
    qsort(s, n, sizeof(*s), cmp_items);
    for (i = 0; i < n; i++)
        v[i] = s[i].it;
    free(s);
}

/* An agreement's value: for actors the doers named by two claims or more,
 * else the most precise value. */
static char *agreed_value(const cmp *c, const uint32_t *facts, size_t n)
{
    const sl_fact *best = &c->fs.f[facts[0]];
    size_t i;
    if (best->kind == SL_FK_ACTOR) {
        sl_buf b = SL_BUF_INIT;
        uint32_t *ids = NULL;
        size_t nids = 0, cids = 0, k, j, named = 0;
        for (i = 0; i < n; i++) {
            const sl_fact *f = &c->fs.f[facts[i]];
            for (k = 0; k < f->nents; k++)
                SL_PUSH(ids, nids, cids, f->ents[k]);
        }
        /* ids named twice or more, in the order they are first named */
        {
            idpos *v = sl_xmalloc((nids ? nids : 1) * sizeof(*v));
            size_t nv = 0;
            for (k = 0; k < nids; k++) {
                v[k].id = ids[k];
                v[k].pos = (uint32_t)k;
            }
            qsort(v, nids, sizeof(*v), cmp_idpos);
            for (k = 0; k < nids; k = j) {
                for (j = k; j < nids && v[j].id == v[k].id; j++)
                    ;
                if (j - k >= 2)
                    v[nv++] = v[k]; /* the first position of the id */
            }
            qsort(v, nv, sizeof(*v), cmp_idpos_pos);
            for (k = 0; k < nv; k++)
                ids[k] = v[k].id;
            nids = nv;
            free(v);
        }
        for (k = 0; k < nids; k++) {
            if (named++)
                sl_buf_puts(&b, ", ");
            if (ids[k] < c->fs.nnames)
                sl_buf_puts(&b, c->fs.names[ids[k]]);
        }
        free(ids);
        if (!named)
            sl_buf_puts(&b, best->value);
        return sl_buf_detach(&b);
    }
    for (i = 1; i < n; i++) {
        const sl_fact *f = &c->fs.f[facts[i]];
        if (f->hi - f->lo < best->hi - best->lo ||
            (f->hi - f->lo == best->hi - best->lo && (best->flags & SL_FF_TITLE) && !(f->flags & SL_FF_TITLE)))
            best = f;
    }
    return sl_xstrdup(best->value);
}

/* The fact that names an item: a body sentence with a head, else the first. */
static const sl_fact *representative(const cmp *c, const uint32_t *facts, size_t n)
{
    size_t i;
    const sl_fact *rep = &c->fs.f[facts[0]];
    for (i = 0; i < n; i++) {
        const sl_fact *f = &c->fs.f[facts[i]];
        int fr = (f->head_tok != SL_FACT_NONE) * 2 + !(f->flags & SL_FF_TITLE);
        int rr = (rep->head_tok != SL_FACT_NONE) * 2 + !(rep->flags & SL_FF_TITLE);
        if (fr > rr)
            rep = f;
    }
    return rep;
}

typedef struct member {
    uint32_t root, fact;
} member;

static int cmp_member(const void *x, const void *y)
{
    const member *a = x, *b = y;
    if (a->root != b->root)
        return a->root < b->root ? -1 : 1;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

typedef struct redge {
    uint32_t root, edge;
} redge;

static int cmp_redge(const void *x, const void *y)
{
    const redge *a = x, *b = y;
    if (a->root != b->root)
        return a->root < b->root ? -1 : 1;
    return a->edge < b->edge ? -1 : a->edge > b->edge;
}

/* Components of the aligned facts become items (see compare.h, step 4). */
static void build_items(cmp *c, sl_cmp_result *out)
{
    size_t nf = c->fs.n, i, k, nm = 0, ca = 0, cd = 0, g, eg = 0;
    unsigned char *state, *claim;
    member *mem;
    redge *re;
    uint32_t *facts = NULL;
    size_t cfacts = 0;

    c->uf = sl_xmalloc((nf ? nf : 1) * sizeof(*c->uf));
    for (i = 0; i < nf; i++)
        c->uf[i] = (uint32_t)i;
    for (k = 0; k < c->ne; k++)
        uf_union(c->uf, c->e[k].a, c->e[k].b);
    state = sl_xcalloc(nf ? nf : 1, 1); /* 1 in an edge, 2 in a conflict */
    claim = sl_xcalloc(nf ? nf : 1, 1);
    for (k = 0; k < c->ne; k++) {
        unsigned char v = c->e[k].conflict ? 2 : 1;
        if (state[c->e[k].a] < v)
            state[c->e[k].a] = v;
        if (state[c->e[k].b] < v)
            state[c->e[k].b] = v;
    }
    mem = sl_xmalloc((nf ? nf : 1) * sizeof(*mem));
    for (i = 0; i < nf; i++)
        if (state[i]) {
            mem[nm].root = uf_find(c->uf, (uint32_t)i);
            mem[nm].fact = (uint32_t)i;
            nm++;
        }
    qsort(mem, nm, sizeof(*mem), cmp_member);
    re = sl_xmalloc((c->ne ? c->ne : 1) * sizeof(*re));
    for (k = 0; k < c->ne; k++) {
        re[k].root = uf_find(c->uf, c->e[k].a);
        re[k].edge = (uint32_t)k;
    }
    if (c->ne)
        qsort(re, c->ne, sizeof(*re), cmp_redge);

    for (g = 0; g < nm;) {
        uint32_t r = mem[g].root;
        size_t end = g, n = 0, j, ndocs = 0, e0;
        int conflict = 0;
        sl_cmp_item it;
        const sl_fact *rep;
        while (end < nm && mem[end].root == r)
            end++;
        while (eg < c->ne && re[eg].root < r)
            eg++;
        e0 = eg;
        while (eg < c->ne && re[eg].root == r)
            eg++;
        for (j = g; j < end; j++)
            conflict |= state[mem[j].fact] == 2;
        if (conflict) {
            /* the conflicting facts, their article's repeats of them, and
             * the facts that agree with them directly (with their repeats):
             * not the whole component, which can chain on to other things */
            int pass;
            for (j = g; j < end; j++)
                claim[mem[j].fact] = state[mem[j].fact] == 2;
            for (pass = 0; pass < 4; pass++) {
                for (k = e0; k < eg; k++) {
                    const edge *e = &c->e[re[k].edge];
                    int repeat = c->fs.f[e->a].doc == c->fs.f[e->b].doc;
                    if (e->conflict || (pass != 1 && !repeat))
                        continue;
                    /* pass 1 takes one step across articles (marked 2 so
                     * that it does not chain within the pass) */
                    if (claim[e->a] == 1 && !claim[e->b])
                        claim[e->b] = pass == 1 ? 2 : 1;
                    else if (claim[e->b] == 1 && !claim[e->a])
                        claim[e->a] = pass == 1 ? 2 : 1;
                }
                for (j = g; j < end; j++)
                    if (claim[mem[j].fact] == 2)
                        claim[mem[j].fact] = 1;
            }
        } else {
            for (j = g; j < end; j++)
                claim[mem[j].fact] = 1;
        }
        for (j = g; j < end; j++)
            if (claim[mem[j].fact]) {
                if (n >= cfacts)
                    facts = sl_xgrow(facts, &cfacts, n + 1, sizeof(*facts));
                facts[n++] = mem[j].fact;
                claim[mem[j].fact] = 0;
            }
        g = end;
        for (j = 0; j < n; j++) /* facts are in position order */
            ndocs += j == 0 || c->fs.f[facts[j]].doc != c->fs.f[facts[j - 1]].doc;
        if (ndocs < 2)
            continue;
        /* an agreement reached through a chain of compatible values ("more
         * than 15,000", "16,271", "more than 18,000") whose ends do not fit
         * together is no agreement */
        if (!conflict && n <= 64) {
            size_t q, r2;
            int clash = 0;
            for (q = 0; q < n && !clash; q++)
                for (r2 = q + 1; r2 < n && !clash; r2++) {
                    const sl_fact *fa = &c->fs.f[facts[q]], *fb = &c->fs.f[facts[r2]];
                    clash = fa->doc != fb->doc &&
                            sl_fact_relate(fa, fb, slack_days(c, fa, fb)) == SL_REL_CONFLICT;
                }
            if (clash)
                continue;
        }
        memset(&it, 0, sizeof(it));
        rep = representative(c, facts, n);
        it.kind = (char *)sl_fact_kind_name(rep->kind);
        it.about = about_text(c, rep, facts, n,
                              rep->kind == SL_FK_NUMBER && rep->dim ? dim_name(sl_fact_dim(c->ctx, rep->dim)) : "");
        if (conflict) {
            add_claims(c, &it, facts, n, 1, NULL);
            SL_PUSH(out->disagree, out->ndisagree, cd, it);
        } else {
            it.value = agreed_value(c, facts, n);
            add_claims(c, &it, facts, n, 0, it.value);
            SL_PUSH(out->agree, out->nagree, ca, it);
        }
    }
    sort_items(out->agree, out->nagree);
    sort_items(out->disagree, out->ndisagree);
    free(facts);
    free(mem);
    free(re);
    free(state);
    free(claim);
}

int sl_compare(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, const sl_entities *ents,
               const sl_cmp_opts *opts, sl_cmp_result *out)
{
    cmp c;
    size_t kind, i;
    memset(out, 0, sizeof(*out));
    memset(&c, 0, sizeof(c));
    c.ctx = ctx;
    c.ents = ents;
    if (opts)
        c.o = *opts;
    if (c.o.align <= 0)
        c.o.align = SL_CMP_ALIGN;
    if (c.o.conflict <= 0)
        c.o.conflict = SL_CMP_CONFLICT;
    if (c.o.near <= 0)
        c.o.near = SL_CMP_NEAR;
    if (c.o.date_conflict <= 0)
        c.o.date_conflict = c.o.conflict > SL_CMP_DATE_CONFLICT ? c.o.conflict : SL_CMP_DATE_CONFLICT;
    if (c.o.near > c.o.align)
        c.o.near = c.o.align;
    if (!ndocs)
        return SL_OK;
    sl_svset_build(ctx, docs, ndocs, NULL, 0, &c.sv);
    sl_facts_extract(ctx, &c.sv, ents, c.o.decay, &c.fs);
    out->nfacts = c.fs.n;
    c.docday = sl_xmalloc(ndocs * sizeof(*c.docday));
    for (i = 0; i < ndocs; i++) {
        sl_tpoint p;
        long first, last;
        c.docday[i] = LONG_MIN;
        sl_doc_date_point(docs[i], &p);
        if (p.prec >= SL_PREC_DAY && sl_tpoint_days(&p, &first, &last) == 0)
            c.docday[i] = first;
    }
    mark_ambiguous(&c);
    for (kind = SL_FK_NUMBER; kind < SL_FK_END; kind++) {
        uint32_t *ids = NULL;
        size_t n = 0, cap = 0;
        for (i = 0; i < c.fs.n; i++)
            if (c.fs.f[i].kind == (int)kind)
                SL_PUSH(ids, n, cap, (uint32_t)i);
        out->npairs += c.o.all_pairs ? align_all_pairs(&c, ids, n) : align_indexed(&c, ids, n);
        free(ids);
    }
    join_repeats(&c);
    build_items(&c, out);
    free(c.uf);
    free(c.e);
    free(c.docday);
    free(c.ambiguous);
    sl_factset_free(&c.fs);
    sl_svset_free(&c.sv);
    return SL_OK;
}

void sl_cmp_items_free(sl_cmp_item *v, size_t n)
{
    size_t i, j;
    for (i = 0; i < n; i++) {
        for (j = 0; j < v[i].nclaims; j++) {
            free(v[i].claims[j].text);
            free(v[i].claims[j].value);
        }
        free(v[i].claims);
        free(v[i].about);
        free(v[i].value);
    }
    free(v);
}

void sl_cmp_result_free(sl_cmp_result *r)
{
    if (!r)
        return;
    sl_cmp_items_free(r->agree, r->nagree);
    sl_cmp_items_free(r->disagree, r->ndisagree);
    memset(r, 0, sizeof(*r));
}
