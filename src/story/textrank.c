/*
 * textrank.c: TextRank for sentences (Mihalcea and Tarau 2004): PageRank
 * (jump 0.15) on the graph whose edge weight between two sentences is their
 * content overlap, the number of distinct terms they share, divided by
 * log |S_i| + log |S_j| (|S| in words).  With a query, the walk jumps with
 * probability 0.8 to sentences in proportion to relevance, as in biased
 * LexRank.
 *
 * Scale: the overlaps are accumulated row by row through the inverted index,
 * so only pairs that share a term cost anything.  The overlap is not a dot
 * product of fixed vectors (the denominator adds lengths), so unlike
 * LexRank the graph must be stored: each sentence keeps its TEXTRANK_EDGES
 * heaviest edges (all of them in clusters of ordinary size), bounding memory
 * at n * TEXTRANK_EDGES edges.
 */
#include <math.h>
#include <stdlib.h>

#include "story/summary.h"
#include "util/mem.h"

#define TEXTRANK_EDGES 200
#define TEXTRANK_JUMP 0.15
#define TEXTRANK_QUERY_JUMP 0.8 /* as biased LexRank (lexrank.c) */

typedef struct edge {
    float w;
    uint32_t j;
} edge;

static int heavier(const edge *a, const edge *b)
{
    return a->w > b->w || (a->w == b->w && a->j < b->j);
}

/* Moves the k heaviest edges to e[0..k) (quickselect, expected linear). */
static void select_top(edge *e, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        edge pivot = e[lo + (hi - lo) / 2], t;
        size_t lt = lo, gt = hi, m = lo;
        /* three-way partition: heavier | equal to the pivot | lighter */
        while (m < gt) {
            if (heavier(&e[m], &pivot)) {
                t = e[m], e[m] = e[lt], e[lt] = t;
                lt++, m++;
            } else if (heavier(&pivot, &e[m])) {
                gt--;
                t = e[m], e[m] = e[gt], e[gt] = t;
            } else {
                m++;
            }
        }
        if (k <= lt)
            hi = lt;
        else if (k >= gt)
            lo = gt;
        else
            return; /* the k-th is among the pivot's equals */
    }
}

void sl_sum_textrank(sl_sumrun *r)
{
    sl_svset *set = r->set;
    size_t n = set->n, i, nedges = 0, cedges = 0;
    uint32_t *cnt = sl_xcalloc(n, sizeof(*cnt));
    uint32_t *touched = sl_xcalloc(n, sizeof(*touched));
    double *loglen = sl_xcalloc(n, sizeof(*loglen));
    edge *row = sl_xcalloc(n, sizeof(*row));
    uint32_t *row_off = sl_xcalloc(n + 1, sizeof(*row_off));
    uint32_t *col = NULL;
    float *w = NULL;
    double *p = sl_xcalloc(n, sizeof(*p));

    for (i = 0; i < n; i++)
        loglen[i] = log(set->s[i].words > 0 ? (double)set->s[i].words : 1.0);
    for (i = 0; i < n; i++) {
        size_t nt = 0, ne = 0, k;
        uint32_t e, q;
        for (e = set->s[i].t0; e < set->s[i].t1; e++) {
            uint32_t t = set->term[e];
            for (q = set->post_off[t]; q < set->post_off[t + 1]; q++) {
                uint32_t j = set->post_s[q];
                if (j == i)
                    continue;
                if (cnt[j]++ == 0)
                    touched[nt++] = j;
            }
        }
        for (k = 0; k < nt; k++) {
            uint32_t j = touched[k];
            double den = loglen[i] + loglen[j];
            if (den > 0) {
                row[ne].w = (float)(cnt[j] / den);
                row[ne].j = j;
                ne++;
            }
            cnt[j] = 0;
        }
        if (ne > TEXTRANK_EDGES) {
            select_top(row, ne, TEXTRANK_EDGES);
            ne = TEXTRANK_EDGES;
        }
        if (nedges + ne > cedges) {
            size_t c2 = cedges;
            col = sl_xgrow(col, &c2, nedges + ne, sizeof(*col));
            w = sl_xgrow(w, &cedges, nedges + ne, sizeof(*w));
        }
        for (k = 0; k < ne; k++) {
            col[nedges] = row[k].j;
            w[nedges] = row[k].w;
            nedges++;
        }
        row_off[i + 1] = (uint32_t)nedges;
    }
    {
        const double *tele = sl_sum_query_teleport(set);
        sl_pagerank(n, row_off, col, w, tele, tele ? TEXTRANK_QUERY_JUMP : TEXTRANK_JUMP, p);
    }
    sl_sum_take_ranked(r, p);
    free(cnt);
    free(touched);
    free(loglen);
    free(row);
    free(row_off);
    free(col);
    free(w);
    free(p);
}
