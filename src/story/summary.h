/*
 * summary.h: extractive summaries of one story (internal API).
 *
 * From the sentences of a cluster of articles, choose those a reader needs
 * within a length budget, never two that say the same thing, and order them.
 * The methods, one file per family:
 *   lead        first sentences of each article, round robin       (lead.c)
 *   centroid    MEAD: centroid + position + first-sentence overlap (centroid.c)
 *   lexrank     continuous LexRank (Erkan and Radev 2004)          (lexrank.c)
 *   textrank    TextRank (Mihalcea and Tarau 2004)                 (textrank.c)
 *   mmr         maximal marginal relevance (Carbonell and Goldstein 1998) (mmr.c)
 *   submodular  coverage + diversity, greedy (Lin and Bilmes 2011)  (submodular.c)
 *   ilp         bigram concept coverage, exact ILP with GLPK (Gillick and Favre 2009) (ilp.c)
 *   coverage    the default: submodular coverage with a lead prior  (submodular.c)
 *
 * Shared rules, enforced here for every method:
 *  - the budget (words, sentences, bytes) is never exceeded and sentences are
 *    never cut: a sentence that does not fit is skipped, a shorter one may
 *    still fill the rest;
 *  - no two chosen sentences are redundant (sentvec.h's test), so two
 *    outlets' versions of one sentence never both appear;
 *  - the quality factor of sentvec.h (headline, caption, debris, dangling
 *    start...) multiplies each method's score, and debris is never chosen;
 *  - the result is ordered by document date, then position in the document.
 * A run allocates everything in the sentence set's arena.
 */
#ifndef SL_STORY_SUMMARY_H
#define SL_STORY_SUMMARY_H

#include <stddef.h>

#include "core/doc.h"
#include "story/sentvec.h"

typedef enum sl_sum_method {
    SL_SUM_COVERAGE = 0, /* the default */
    SL_SUM_LEAD,
    SL_SUM_CENTROID,
    SL_SUM_LEXRANK,
    SL_SUM_TEXTRANK,
    SL_SUM_MMR,
    SL_SUM_SUBMODULAR,
    SL_SUM_ILP,
    SL_SUM_NMETHODS
} sl_sum_method;

#define SL_SUM_DEFAULT SL_SUM_COVERAGE

/* The name of a method ("lexrank"); static.  Parsing returns -1 when unknown. */
const char *sl_sum_method_name(sl_sum_method m);
int sl_sum_method_parse(const char *name);
/* All names, the default first, NULL-terminated; static. */
const char *const *sl_sum_method_names(void);

typedef struct sl_sum_opts {
    sl_sum_method method;
    size_t words, sentences, bytes; /* limits; 0 = none of that kind */
    const char *query;              /* NULL or the question to focus on */
    size_t query_len;
    const sl_date *dates;           /* per document: the date to order by, or NULL for its own */
} sl_sum_opts;

/* One chosen sentence. */
typedef struct sl_sum_pick {
    size_t doc;   /* index into the documents given */
    size_t sent;  /* sentence index in that document */
    double score; /* the method's score, relative to the best chosen one (1) */
} sl_sum_pick;

/* Summarizes the documents as one story.  On success *picks (caller frees
 * with free) holds *n sentences in reading order; *n may be 0 (no sentence,
 * or none fits the budget).  Returns 0 or SL_EINVAL. */
int sl_summarize(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, const sl_sum_opts *opts,
                 sl_sum_pick **picks, size_t *n);

/* ------------------------------------------------------------------ for the methods */

/* A summarization run: the sentences, the budget, the redundancy state and
 * what has been chosen. */
typedef struct sl_sumrun {
    sl_svset *set;
    const sl_sum_opts *opts;
    sl_budget budget;
    sl_redund red;
    uint32_t *chosen;  /* in order of choice */
    double *cscore;    /* the score each was chosen with */
    size_t nchosen;
} sl_sumrun;

/* Below this quality a sentence is never chosen: page debris (a URL, "All
 * rights reserved"), or a weak sentence of an off-topic page.  Captions and
 * headlines (0.3) stay above it, to be chosen when they alone carry a fact. */
#define SL_SUM_MIN_QUALITY 0.1f

/* Whether sentence i fits the rest of the budget, is not debris and says
 * something new. */
int sl_sum_can(const sl_sumrun *r, uint32_t i);
/* Chooses sentence i (which must pass sl_sum_can). */
void sl_sum_choose(sl_sumrun *r, uint32_t i, double score);
/* Chooses greedily in order of score * quality (ties: earlier position,
 * earlier document), skipping what does not fit or repeats. */
void sl_sum_take_ranked(sl_sumrun *r, const double *score);
/* A lead prior in (0, 1]: 1 for a document's first body sentence. */
double sl_sum_position_prior(const sl_svset *set, uint32_t i);

/* PageRank by power iteration over a sparse row-stochastic graph given as
 * rows (row_off, col, w: out-edges with positive weights, normalized here),
 * with teleport vector `tele` (sums to 1; NULL for uniform) and jump
 * probability `jump`.  Rows without edges teleport.  Writes p (size n). */
void sl_pagerank(size_t n, const uint32_t *row_off, const uint32_t *col, const float *w,
                 const double *tele, double jump, double *p);

/* The teleport vector of a query-focused graph method: each sentence's
 * cosine with the query plus a little so every sentence can be reached
 * (Otterbacher et al. 2005's biased LexRank); NULL without a query.
 * Lives in the set's arena. */
double *sl_sum_query_teleport(sl_svset *set);

/* The methods: each chooses through sl_sum_choose. */
void sl_sum_lead(sl_sumrun *r);
void sl_sum_centroid(sl_sumrun *r);
void sl_sum_lexrank(sl_sumrun *r);
void sl_sum_textrank(sl_sumrun *r);
void sl_sum_mmr(sl_sumrun *r);
void sl_sum_submodular(sl_sumrun *r, int with_prior);
void sl_sum_ilp(sl_sumrun *r);

/* Continuous LexRank scores of every sentence, exposed for the scale
 * benchmark and the tests: p (size set->n) gets the stationary
 * distribution. */
void sl_lexrank_scores(sl_svset *set, const double *tele, double *p);

#endif
