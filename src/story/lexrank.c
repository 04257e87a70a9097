/*
 * lexrank.c: continuous LexRank (Erkan and Radev 2004): the stationary
 * distribution of a random walk on the sentences, where the walk moves from
 * a sentence to another in proportion to their idf-modified cosine, and
 * jumps anywhere with probability 0.15.  With a query, it jumps with
 * probability 0.8, landing in proportion to relevance (biased LexRank,
 * Otterbacher, Erkan and Radev 2005).
 *
 * Scale: the similarity matrix is S = X X^T minus its diagonal, X the unit
 * TF-IDF rows, so a step of the walk is computed as X (X^T v) in O(nnz(X))
 * without ever forming S, dense or sparse: exact continuous LexRank (no
 * threshold, no pruning) in linear time per iteration.  A sentence does not
 * vote for itself (the diagonal is removed), so an isolated sentence gets
 * only the jump mass.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "story/summary.h"
#include "util/mem.h"

#define LEXRANK_JUMP 0.15
/* With a query, biased LexRank jumps far more often, and to the relevant
 * sentences: the question bias d of Otterbacher et al., who found high
 * values (0.7-0.95) best on DUC questions. */
#define LEXRANK_QUERY_JUMP 0.8

/* out[t] = sum_i v[i] x_i[t] */
static void xt_times(const sl_svset *set, const double *v, double *out)
{
    size_t i;
    uint32_t k;
    memset(out, 0, (set->nterms ? set->nterms : 1) * sizeof(*out));
    for (i = 0; i < set->n; i++)
        if (v[i] != 0)
            for (k = set->s[i].t0; k < set->s[i].t1; k++)
                out[set->term[k]] += v[i] * set->w[k];
}

/* x_i . h and |x_i|^2 */
static double x_dot(const sl_svset *set, size_t i, const double *h, double *sq)
{
    double dot = 0, s2 = 0;
    uint32_t k;
    for (k = set->s[i].t0; k < set->s[i].t1; k++) {
        dot += set->w[k] * h[set->term[k]];
        s2 += (double)set->w[k] * set->w[k];
    }
    *sq = s2;
    return dot;
}

void sl_lexrank_scores(sl_svset *set, const double *tele, double *p)
{
    double jump = tele ? LEXRANK_QUERY_JUMP : LEXRANK_JUMP;
    size_t n = set->n, i, it;
    double *rowsum = sl_xcalloc(n ? n : 1, sizeof(*rowsum));
    double *q = sl_xcalloc(n ? n : 1, sizeof(*q));
    double *ones = sl_xcalloc(n ? n : 1, sizeof(*ones));
    double *h = sl_xcalloc(set->nterms ? set->nterms : 1, sizeof(*h));
    if (!n)
        goto done;
    for (i = 0; i < n; i++) {
        ones[i] = 1;
        p[i] = 1.0 / (double)n;
    }
    xt_times(set, ones, h);
    for (i = 0; i < n; i++) {
        double sq, d = x_dot(set, i, h, &sq) - sq;
        rowsum[i] = d > 1e-9 ? d : 0;
    }
    for (it = 0; it < 200; it++) {
        double lost = 0, diff = 0;
        for (i = 0; i < n; i++) {
            if (rowsum[i] > 0) {
                q[i] = p[i] / rowsum[i];
            } else {
                q[i] = 0;
                lost += p[i];
            }
        }
        xt_times(set, q, h);
        for (i = 0; i < n; i++) {
            double sq, in = x_dot(set, i, h, &sq) - q[i] * sq;
            double t = tele ? tele[i] : 1.0 / (double)n;
            double v = (1 - jump) * (in + lost * t) + jump * t;
            if (v < 0)
                v = 0; /* rounding */
            diff += fabs(v - p[i]);
            p[i] = v;
        }
        if (diff < 1e-9)
            break;
    }
done:
    free(rowsum);
    free(q);
    free(ones);
    free(h);
}

void sl_sum_lexrank(sl_sumrun *r)
{
    double *p = sl_xcalloc(r->set->n, sizeof(*p));
    sl_lexrank_scores(r->set, sl_sum_query_teleport(r->set), p);
    sl_sum_take_ranked(r, p);
    free(p);
}
