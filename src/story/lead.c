/*
 * lead.c: the lead baseline: the first sentences of each article, round
 * robin (all first sentences, then all second ones...), the multi-document
 * form of the classic news baseline (Multi-News's "First-k").
 *
 * Headlines, captions and headings are not the lead and are skipped (unless
 * the document has nothing else); so is
 * what the shared rules reject (repeats, what does not fit).  With a query,
 * articles take their turn in order of their best sentence's relevance to
 * it, most relevant first.
 */
#include <stdlib.h>

#include "story/summary.h"
#include "util/mem.h"

typedef struct doc_rel {
    double rel;
    uint32_t doc;
} doc_rel;

static int cmp_rel(const void *a, const void *b)
{
    const doc_rel *x = a, *y = b;
    if (x->rel != y->rel)
        return x->rel > y->rel ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

void sl_sum_lead(sl_sumrun *r)
{
    const sl_svset *set = r->set;
    doc_rel *order = sl_xcalloc(set->ndocs ? set->ndocs : 1, sizeof(*order));
    uint32_t *next = sl_xcalloc(set->ndocs ? set->ndocs : 1, sizeof(*next));
    unsigned char *skip_titles = sl_xcalloc(set->ndocs ? set->ndocs : 1, 1);
    size_t d, left;
    uint32_t i, round = 0;

    for (d = 0; d < set->ndocs; d++) {
        /* a document that is all headline (a page of one line, which the
         * cleaner takes for the headline) has no lead but that */
        unsigned char all_title = 1;
        for (i = set->doc_first[d]; i < set->doc_first[d + 1]; i++)
            if (!(set->s[i].flags & (SL_SV_TITLE | SL_SV_CAPTION)))
                all_title = 0;
        skip_titles[d] = !all_title;
        order[d].doc = (uint32_t)d;
        if (set->qrel)
            for (i = set->doc_first[d]; i < set->doc_first[d + 1]; i++)
                if (set->qrel[i] > order[d].rel)
                    order[d].rel = set->qrel[i];
        next[d] = set->doc_first[d];
    }
    qsort(order, set->ndocs, sizeof(*order), cmp_rel);
    /* each round takes at most one sentence from each document */
    do {
        left = 0;
        for (d = 0; d < set->ndocs; d++) {
            uint32_t doc = order[d].doc;
            for (i = next[doc]; i < set->doc_first[doc + 1]; i++) {
                const sl_sv *s = &set->s[i];
                if ((s->flags & (SL_SV_TITLE | SL_SV_CAPTION)) && skip_titles[doc])
                    continue;
                if (sl_sum_can(r, i)) {
                    sl_sum_choose(r, i, 1.0 / (1.0 + round));
                    i++;
                    break;
                }
            }
            next[doc] = i;
            if (i < set->doc_first[doc + 1])
                left++;
        }
        round++;
    } while (left);
    free(order);
    free(next);
    free(skip_titles);
}
