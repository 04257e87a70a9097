/*
 * centroid.c: MEAD's centroid-based score (Radev, Jing, Stys and Tam 2004).
 *
 * The centroid is the story's average document as TF-IDF: for each term, its
 * count per document averaged over the documents, times its IDF; only the
 * CENTROID_SIZE heaviest terms are kept (MEAD's centroid is the words above a
 * threshold).  A sentence scores
 *   C  the centroid weight of its distinct terms,
 * + P  its position, (m - rank) / m * C_max of its document (m body sentences),
 * + F  its overlap (term-count dot product) with the document's first sentence,
 * with MEAD's default weights 1, 1, 1.  With a query, the score is
 * multiplied by 0.1 + the sentence's cosine with the query / the best one
 * (MEAD adds a QueryCosine feature; a product keeps a strongly central
 * sentence from drowning the question, which an added feature could not).  Selection is then
 * the shared ranked greedy, whose redundancy test plays MEAD's reranker.
 */
#include <stdlib.h>

#include "story/summary.h"
#include "util/mem.h"

#define CENTROID_SIZE 100

static int cmp_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x > y ? -1 : x < y;
}

void sl_sum_centroid(sl_sumrun *r)
{
    sl_svset *set = r->set;
    size_t nt = set->nterms, i, d;
    double *cen = sl_xcalloc(nt ? nt : 1, sizeof(*cen));
    double *sorted = sl_xcalloc(nt ? nt : 1, sizeof(*sorted));
    double *score = sl_xcalloc(set->n, sizeof(*score));
    double *c = sl_xcalloc(set->n, sizeof(*c));
    double cut = 0;
    uint32_t k;

    for (k = 0; k < set->nnz; k++)
        cen[set->term[k]] += set->tf[k];
    for (i = 0; i < nt; i++) {
        cen[i] = cen[i] / (double)set->ndocs * set->idf[i];
        sorted[i] = cen[i];
    }
    if (nt > CENTROID_SIZE) {
        qsort(sorted, nt, sizeof(*sorted), cmp_desc);
        cut = sorted[CENTROID_SIZE - 1];
    }
    for (i = 0; i < set->n; i++)
        for (k = set->s[i].t0; k < set->s[i].t1; k++)
            if (cen[set->term[k]] >= cut)
                c[i] += cen[set->term[k]];

    for (d = 0; d < set->ndocs; d++) {
        uint32_t a = set->doc_first[d], b = set->doc_first[d + 1], first = b;
        double cmax = 0, m = set->doc_body[d] ? set->doc_body[d] : 1;
        for (i = a; i < b; i++) {
            if (c[i] > cmax)
                cmax = c[i];
            if (first == b && set->s[i].rank == 0 && set->s[i].quality >= 0.5f &&
                !(set->s[i].flags & (SL_SV_TITLE | SL_SV_CAPTION)))
                first = (uint32_t)i;
        }
        for (i = a; i < b; i++) {
            double p = set->s[i].rank < m ? (m - set->s[i].rank) / m * cmax : 0;
            double f = 0;
            if (first < b) {
                uint32_t x = set->s[i].t0, y = set->s[first].t0;
                while (x < set->s[i].t1 && y < set->s[first].t1) {
                    if (set->term[x] == set->term[y])
                        f += (double)set->tf[x++] * set->tf[y++];
                    else if (set->term[x] < set->term[y])
                        x++;
                    else
                        y++;
                }
            }
            score[i] = c[i] + p + f;
        }
    }
    if (set->qrel) {
        double maxq = 0;
        for (i = 0; i < set->n; i++)
            if (set->qrel[i] > maxq)
                maxq = set->qrel[i];
        for (i = 0; i < set->n && maxq > 0; i++)
            score[i] *= 0.1 + set->qrel[i] / maxq;
    }
    sl_sum_take_ranked(r, score);
    free(cen);
    free(sorted);
    free(score);
    free(c);
}
