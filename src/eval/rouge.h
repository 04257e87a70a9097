/*
 * rouge.h: ROUGE evaluation with ROUGE-1.5.5's semantics (internal view).
 *
 * A scorer holds the settings and the vocabulary of one evaluation.  Each
 * summary (system "peer" or reference "model", in the script's words) is
 * prepared once into a rouge_text: its sentences cut and truncated as the
 * script's readText (n-grams) and readText_LCS (ROUGE-L units) do, tokenized,
 * filtered and stemmed into vocabulary ids.  rouge_score() then gives one
 * rouge_stats per metric, and rouge_average() the corpus figures.
 *
 * The public calls (sl_rouge_*, rouge_api.c) are thin wrappers over these.
 */
#ifndef SL_EVAL_ROUGE_H
#define SL_EVAL_ROUGE_H

#include <stddef.h>
#include <stdint.h>

#include "storyline.h"

typedef struct rouge_scorer rouge_scorer;
typedef struct rouge_text rouge_text;

/* One metric of one summary: ROUGE-1.5.5's per-evaluation figures. */
typedef struct rouge_stats {
    double model_count; /* reference n-grams (or LCS words), summed over references in -f A */
    double peer_count;  /* system n-grams, counted once per reference in -f A */
    double hits;        /* clipped matches */
    double recall, precision, f; /* rounded to 5 places, F from the rounded R and P */
} rouge_stats;

/* Checks the options; SL_EINVAL with a message on ctx when they are wrong. */
int rouge_opts_check(sl_ctx *ctx, const sl_rouge_opts *o);

/* A scorer for valid options (checked by rouge_opts_check); never NULL. */
rouge_scorer *rouge_scorer_new(sl_ctx *ctx, const sl_rouge_opts *o);
void rouge_scorer_free(rouge_scorer *s);

/* Metric names in scoring order into names[SL_ROUGE_MAX_METRICS]; returns
 * how many. */
size_t rouge_metric_names(const sl_rouge_opts *o, char names[][24]);

/* Splits text into the sentences ROUGE sees: its lines, or with
 * SL_ROUGE_SPLIT the sentences of sl_split_sentences().  *spans is freed
 * with free(). */
void rouge_sentences(sl_ctx *ctx, const sl_rouge_opts *o, const char *text, size_t len,
                     sl_span **spans, size_t *n);

/* Prepares a summary from its sentences (spans into text).  `name` is for
 * messages.  Returns 0, or SL_ETOOBIG (message on the scorer's ctx). */
int rouge_text_make(rouge_scorer *s, const char *name, const char *text, const sl_span *sents,
                    size_t nsent, rouge_text **out);
void rouge_text_free(rouge_text *t);

/* Scores a system summary against its references: out[0 .. *n) in the order
 * of rouge_metric_names().  Returns 0 or SL_ETOOBIG (ROUGE-L or skip-bigram
 * caps; message on ctx). */
int rouge_score(rouge_scorer *s, const rouge_text *peer, const rouge_text *const *refs,
                size_t nrefs, rouge_stats *out, size_t *n);

/* Averages metric m over n instances, given as stats[i * stride + m] in the
 * byte order of their ids, as ROUGE-1.5.5's computeAverages does. */
void rouge_average(const sl_rouge_opts *o, const rouge_stats *stats, size_t n, size_t stride,
                   size_t m, sl_rouge_result *out);

/* Perl's srand()/rand() since 5.20 (a 48-bit drand48 generator): the
 * sequence the reference script draws its bootstrap samples from. */
typedef struct rouge_rng {
    uint64_t x;
} rouge_rng;
void rouge_rng_seed(rouge_rng *r, uint32_t seed);
double rouge_rng_next(rouge_rng *r); /* in [0, 1) */

#endif
