/*
 * compare.h: comparing sources (issue 5): the facts that two or more
 * articles of a story state alike (agreements) and the ones they state
 * differently (disagreements), each with its sentences and sources.
 *
 * Method (compare.c):
 *   1. facts: every sentence's numbers, dates, durations and actors
 *      (facts.h), each with a context vector;
 *   2. alignment: for each kind, an inverted index over the context terms
 *      gives the pairs of facts of different articles whose contexts have
 *      a cosine of at least `align` and whose heads match (what they count,
 *      the action they name): they speak of the same thing.  Near but
 *      different values (212 and 214 people; 2011 and 2012) need only a
 *      cosine of `near`: sources rarely give close figures for two
 *      different things of one kind in one story, and often for one; the
 *      same holds for equal specific values (the same day, "212 people");
 *   3. relation: aligned values are the same when their intervals meet
 *      (and, for figures, lie within 25% of each other), else in conflict.
 *      A conflict becomes a disagreement only when the contexts are closer
 *      still (`conflict`; `date_conflict` for dates), they share more than
 *      the head word, neither value is a part, a rate, a bound or a window,
 *      both measures name what they measure, neither article gives several
 *      values for the thing or also states the other's value, the sentences
 *      are not placed apart (or, for counts, dated apart), and the figures
 *      are less than a factor of three apart;
 *   4. items: aligned facts, and the facts of one article that repeat one
 *      statement (the headline's figure and the body's), are connected.  A
 *      connected set holding a conflict is a disagreement (its claims: the
 *      conflicting facts, their repeats, and the facts that agree with them
 *      directly); else it is an agreement when two or more articles are in
 *      it and all its values fit together.  A disputed fact is only
 *      reported as a disagreement.  Items come most sources first.
 */
#ifndef SL_STORY_COMPARE_H
#define SL_STORY_COMPARE_H

#include "story/digest.h"

#define SL_CMP_ALIGN 0.15    /* context cosine: two facts speak of the same thing */
#define SL_CMP_CONFLICT 0.25 /* context cosine needed to report a disagreement */
#define SL_CMP_DATE_CONFLICT 0.30 /* the same for dates, which have no head noun to
                                     confirm that they date one event */
#define SL_CMP_NEAR 0.10     /* the same for near values (sl_fact_near: 212 and 214) */

typedef struct sl_cmp_opts {
    double align, conflict, near, date_conflict; /* 0: the defaults above */
    double decay;            /* context decay (facts.h); 0: SL_FACT_DECAY */
    int all_pairs;           /* the baseline: compare every pair of facts, no index */
} sl_cmp_opts;

typedef struct sl_cmp_result {
    sl_cmp_item *agree;      /* owned; see digest.h */
    size_t nagree;
    sl_cmp_item *disagree;
    size_t ndisagree;
    size_t nfacts;           /* facts extracted */
    size_t npairs;           /* aligned pairs examined */
} sl_cmp_result;

/* Compares the documents' statements.  `ents` (may be NULL: no actors)
 * must have been built from the same documents.  `opts` may be NULL.
 * Returns 0; aborts only when out of memory. */
int sl_compare(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, const sl_entities *ents,
               const sl_cmp_opts *opts, sl_cmp_result *out);

/* Frees the items of a result (and zeroes it). */
void sl_cmp_result_free(sl_cmp_result *r);
void sl_cmp_items_free(sl_cmp_item *v, size_t n);

#endif
