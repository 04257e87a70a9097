/*
 * submodular.c: summarization as budgeted maximization of a monotone
 * submodular function (Lin and Bilmes 2011, "A class of submodular functions
 * for document summarization"):
 *
 *   F(S) = L(S) + lambda R(S)
 *   L(S) = sum_i rho_i min(C_i(S), alpha C_i(V)),  C_i(S) = sum_{j in S} w_ij
 *   R(S) = sum_k sqrt(sum_{j in S and P_k} r_j),   r_j = (1/N) sum_i rho_i w_ij
 *
 * w is the TF-IDF cosine, alpha = SUB_A / N (the paper's a / N, a tuned on
 * Multi-News dev), lambda = SUB_LAMBDA, and P_k a
 * partition of the sentences into clusters of similar ones.  L rewards
 * covering every sentence of the story until it is saturated; R rewards
 * drawing from many clusters.  rho_i is 1 for a generic summary; with a
 * query it weights sentence i by its relevance (0.1 + relevance / the best
 * relevance), so the summary covers the query's part of the story, and each
 * gain is also multiplied by 0.5 + 0.5 relevance / the best relevance, so
 * the sentences chosen are themselves about the query.
 *
 * The greedy algorithm of the paper: add the sentence with the best gain /
 * cost^0.3 (cost in words) that fits, until none does; gains only shrink as
 * S grows, so the evaluation is lazy (Minoux's accelerated greedy) and each
 * step re-evaluates only a few candidates.  Each evaluation is one sparse
 * row through the inverted index; C_i(V) and r_j are X (X^T v) products.
 *
 * Departures: the clusters come from one leader-clustering pass (a sentence
 * joins the most similar earlier leader with cosine >= SUB_CLUSTER_COS, else
 * leads a new cluster; sentences taken in order of r_j) instead of k-means;
 * every gain is multiplied by the sentence's quality (sentvec.h); and the
 * paper's final comparison with the best single sentence is left out (a
 * story always has more than one sentence worth having).
 *
 * "coverage", the default method, is the same objective with a lead prior:
 * gains are multiplied by (1 - SUB_PRIOR) + SUB_PRIOR / (1 + position), news
 * being written lead first (position counts the document's standalone body
 * sentences).  On Multi-News dev the prior adds about 1.5 ROUGE-1 and 2
 * ROUGE-2 points over the plain objective (bench/summary.md).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "story/summary.h"
#include "util/mem.h"

#define SUB_A 10.0
#define SUB_LAMBDA 6.0
#define SUB_COST_EXP 0.3
#define SUB_CLUSTER_COS 0.25
#define SUB_PRIOR 0.95
#define SUB_PRIOR_QUERY 0.5

typedef struct cand {
    double key;     /* gain / cost^r, an upper bound until fresh */
    uint32_t i;
    uint32_t stamp; /* number chosen when key was computed */
} cand;

/* Max-heap on key, ties to the earlier sentence, so runs are reproducible. */
static int above(const cand *a, const cand *b)
{
    return a->key > b->key || (a->key == b->key && a->i < b->i);
}

static void heap_push(cand *h, size_t *n, cand c)
{
    size_t i = (*n)++;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!above(&c, &h[p]))
            break;
        h[i] = h[p];
        i = p;
    }
    h[i] = c;
}

static cand heap_pop(cand *h, size_t *n)
{
    cand top = h[0], last = h[--*n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        const cand *best = &last;
        if (l < *n && above(&h[l], best)) {
            m = l;
            best = &h[l];
        }
        if (r < *n && above(&h[r], best))
            m = r;
        if (m == i)
            break;
        h[i] = h[m];
        i = m;
    }
    if (*n)
        h[i] = last;
    return top;
}

typedef struct sub_state {
    sl_svset *set;
    double *rho;     /* weight of each sentence to cover */
    double *sat;     /* alpha C_i(V) */
    double *cov;     /* C_i(S) */
    double *r;       /* singleton rewards */
    uint32_t *part;  /* cluster of each sentence */
    double *mass;    /* per cluster: sum of r over chosen members */
    double *factor;  /* quality (and prior) per sentence */
    double *acc;     /* scratch row */
    uint32_t *touched;
} sub_state;

/* out = X (X^T v): out_i = sum_j v_j w_ij, the diagonal included. */
static void x_xt(const sl_svset *set, const double *v, double *out)
{
    double *h = sl_xcalloc(set->nterms ? set->nterms : 1, sizeof(*h));
    size_t i;
    uint32_t k;
    for (i = 0; i < set->n; i++)
        for (k = set->s[i].t0; k < set->s[i].t1; k++)
            h[set->term[k]] += v[i] * set->w[k];
    for (i = 0; i < set->n; i++) {
        double d = 0;
        for (k = set->s[i].t0; k < set->s[i].t1; k++)
            d += set->w[k] * h[set->term[k]];
        out[i] = d;
    }
    free(h);
}

/* The marginal gain F(S + k) - F(S), times k's factor. */
static double gain(sub_state *st, uint32_t k)
{
    size_t nt = sl_sv_row(st->set, k, st->acc, st->touched), t;
    double g = 0;
    for (t = 0; t < nt; t++) {
        uint32_t i = st->touched[t];
        double before = st->cov[i] < st->sat[i] ? st->cov[i] : st->sat[i];
        double after = st->cov[i] + st->acc[i];
        if (after > st->sat[i])
            after = st->sat[i];
        g += st->rho[i] * (after - before);
    }
    sl_sv_row_reset(st->acc, st->touched, nt);
    g += SUB_LAMBDA * (sqrt(st->mass[st->part[k]] + st->r[k]) - sqrt(st->mass[st->part[k]]));
    return g * st->factor[k];
}

static void add(sub_state *st, uint32_t k)
{
    size_t nt = sl_sv_row(st->set, k, st->acc, st->touched), t;
    for (t = 0; t < nt; t++)
        st->cov[st->touched[t]] += st->acc[st->touched[t]];
    sl_sv_row_reset(st->acc, st->touched, nt);
    st->mass[st->part[k]] += st->r[k];
}

static int cmp_r_desc(const void *a, const void *b, const double *r)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (r[x] != r[y])
        return r[x] > r[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* qsort has no user pointer in C11: sort indices by r with a merge sort. */
static void sort_by_r(uint32_t *idx, size_t n, const double *r)
{
    uint32_t *tmp;
    size_t width, i;
    if (n < 2)
        return;
    tmp = sl_xmalloc(n * sizeof(*tmp));
    for (width = 1; width < n; width *= 2) {
        for (i = 0; i < n; i += 2 * width) {
            size_t a = i, m = i + width < n ? i + width : n, b = m, e = i + 2 * width < n ? i + 2 * width : n, o = i;
            while (a < m && b < e)
                tmp[o++] = cmp_r_desc(&idx[b], &idx[a], r) < 0 ? idx[b++] : idx[a++];
            while (a < m)
                tmp[o++] = idx[a++];
            while (b < e)
                tmp[o++] = idx[b++];
        }
        memcpy(idx, tmp, n * sizeof(*idx));
    }
    free(tmp);
}

/* Leader clustering in order of r: a sentence joins the most similar leader
 * seen so far when the cosine reaches SUB_CLUSTER_COS. */
static void partition(sub_state *st, size_t *nparts)
{
    sl_svset *set = st->set;
    size_t n = set->n, i, k = 0;
    uint32_t *order = sl_xmalloc(n * sizeof(*order));
    unsigned char *leader = sl_xcalloc(n, 1);
    for (i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    sort_by_r(order, n, st->r);
    for (i = 0; i < n; i++) {
        uint32_t s = order[i], best = UINT32_MAX;
        double bestv = SUB_CLUSTER_COS;
        size_t nt = sl_sv_row(set, s, st->acc, st->touched), t;
        for (t = 0; t < nt; t++) {
            uint32_t j = st->touched[t];
            if (leader[j] && j != s && st->acc[j] >= bestv &&
                (st->acc[j] > bestv || best == UINT32_MAX || j < best)) {
                bestv = st->acc[j];
                best = j;
            }
        }
        sl_sv_row_reset(st->acc, st->touched, nt);
        if (best == UINT32_MAX) {
            leader[s] = 1;
            st->part[s] = (uint32_t)k++;
        } else {
            st->part[s] = st->part[best];
        }
    }
    *nparts = k;
    free(order);
    free(leader);
}

void sl_sum_submodular(sl_sumrun *run, int with_prior)
{
    sl_svset *set = run->set;
    size_t n = set->n, i, nparts = 0, nh = 0;
    double *ones = sl_xcalloc(n, sizeof(*ones));
    double *cv = sl_xcalloc(n, sizeof(*cv));
    cand *heap = sl_xmalloc(n * sizeof(*heap));
    sub_state st;
    double maxq = 0;

    memset(&st, 0, sizeof(st));
    st.set = set;
    st.rho = sl_xcalloc(n, sizeof(*st.rho));
    st.sat = sl_xcalloc(n, sizeof(*st.sat));
    st.cov = sl_xcalloc(n, sizeof(*st.cov));
    st.r = sl_xcalloc(n, sizeof(*st.r));
    st.part = sl_xcalloc(n, sizeof(*st.part));
    st.mass = sl_xcalloc(n, sizeof(*st.mass));
    st.factor = sl_xcalloc(n, sizeof(*st.factor));
    st.acc = sl_xcalloc(n, sizeof(*st.acc));
    st.touched = sl_xcalloc(n, sizeof(*st.touched));

    if (set->qrel)
        for (i = 0; i < n; i++)
            if (set->qrel[i] > maxq)
                maxq = set->qrel[i];
    for (i = 0; i < n; i++) {
        ones[i] = 1;
        st.rho[i] = maxq > 0 ? 0.1 + set->qrel[i] / maxq : 1.0;
        st.factor[i] = set->s[i].quality;
        if (with_prior) {
            /* a question may be answered anywhere in an article: a weaker prior */
            double beta = maxq > 0 ? SUB_PRIOR_QUERY : SUB_PRIOR;
            st.factor[i] *= (1 - beta) + beta / (1.0 + set->s[i].rank);
        }
        if (maxq > 0)
            st.factor[i] *= 0.5 + 0.5 * set->qrel[i] / maxq;
    }
    x_xt(set, ones, cv);
    for (i = 0; i < n; i++)
        st.sat[i] = SUB_A / (double)n * cv[i];
    x_xt(set, st.rho, st.r);
    for (i = 0; i < n; i++)
        st.r[i] /= (double)n;
    partition(&st, &nparts);

    for (i = 0; i < n; i++) {
        cand c;
        if (set->s[i].t1 == set->s[i].t0 || set->s[i].words == 0)
            continue;
        c.i = (uint32_t)i;
        c.stamp = 0;
        c.key = gain(&st, (uint32_t)i) / pow((double)set->s[i].words, SUB_COST_EXP);
        if (c.key > 0)
            heap_push(heap, &nh, c);
    }
    while (nh) {
        cand c = heap_pop(heap, &nh);
        if (!sl_sum_can(run, c.i))
            continue; /* budgets only shrink and blocks stay: it never comes back */
        if (c.stamp == run->nchosen) {
            sl_sum_choose(run, c.i, c.key);
            add(&st, c.i);
            continue;
        }
        c.key = gain(&st, c.i) / pow((double)set->s[c.i].words, SUB_COST_EXP);
        c.stamp = (uint32_t)run->nchosen;
        if (c.key > 0)
            heap_push(heap, &nh, c);
    }

    free(ones);
    free(cv);
    free(heap);
    free(st.rho);
    free(st.sat);
    free(st.cov);
    free(st.r);
    free(st.part);
    free(st.mass);
    free(st.factor);
    free(st.acc);
    free(st.touched);
}
