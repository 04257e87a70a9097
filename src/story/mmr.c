/*
 * mmr.c: maximal marginal relevance (Carbonell and Goldstein 1998): choose,
 * one at a time, the sentence maximizing
 *     lambda * Sim1(s, Q) - (1 - lambda) * max over chosen c of Sim2(s, c)
 * with lambda = 0.7, Sim2 the TF-IDF cosine, and Q the story's centroid (the
 * sum of its sentence vectors) for a generic summary, or the query mixed
 * with the centroid (0.7 / 0.3) for a focused one.  Sim1 is multiplied by
 * the sentence's quality.  The greatest similarity to the chosen sentences
 * is kept up to date through the inverted index (sentvec.c), so each step
 * costs one pass over the candidates.
 */
#include <math.h>
#include <stdlib.h>

#include "story/summary.h"
#include "util/mem.h"

#define MMR_LAMBDA 0.7

void sl_sum_mmr(sl_sumrun *r)
{
    sl_svset *set = r->set;
    size_t n = set->n, i;
    double *cen = sl_xcalloc(set->nterms ? set->nterms : 1, sizeof(*cen));
    double *rel = sl_xcalloc(n, sizeof(*rel));
    double norm = 0;
    uint32_t k;

    for (k = 0; k < set->nnz; k++)
        cen[set->term[k]] += set->w[k];
    for (k = 0; k < set->nterms; k++)
        norm += cen[k] * cen[k];
    norm = norm > 0 ? sqrt(norm) : 1;
    for (i = 0; i < n; i++) {
        double dot = 0;
        for (k = set->s[i].t0; k < set->s[i].t1; k++)
            dot += set->w[k] * cen[set->term[k]];
        rel[i] = dot / norm;
        if (set->qrel)
            rel[i] = 0.3 * rel[i] + 0.7 * set->qrel[i];
        rel[i] *= set->s[i].quality;
    }
    for (;;) {
        double best = -INFINITY;
        size_t bi = n;
        for (i = 0; i < n; i++) {
            double v;
            if (rel[i] <= 0 || !sl_sum_can(r, (uint32_t)i))
                continue;
            v = MMR_LAMBDA * rel[i] - (1 - MMR_LAMBDA) * r->red.maxsim[i];
            if (v > best) {
                best = v;
                bi = i;
            }
        }
        if (bi == n)
            break;
        sl_sum_choose(r, (uint32_t)bi, rel[bi]);
    }
    free(cen);
    free(rel);
}
