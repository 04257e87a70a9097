/*
 * sentvec.h: the sentences of one story as sparse TF-IDF vectors, with an
 * inverted index, their lengths for the budget and a quality factor.  Every
 * summarization method (summary.h) works on this one structure.
 *
 * Terms are the Snowball stems of the tokens that are words or numbers and
 * not stopwords (the tokens of src/analysis/tokens.c; nothing is tokenized
 * again here).  IDF is computed over the story's sentences, smoothed as
 * log(1 + N/df), because there is no background collection and a cluster of
 * 2-10 documents is too few for a document-level IDF.
 *
 * Each vector is normalized to unit length, so a dot product is the cosine
 * (the "idf-modified cosine" of Erkan and Radev 2004).  The inverted index
 * lists, for each term, the sentences holding it and their weights: the
 * similarity of one sentence to all others costs the sum of its terms'
 * posting lengths, never n.
 *
 * All memory lives in the set's arena and is freed by sl_svset_free.
 */
#ifndef SL_STORY_SENTVEC_H
#define SL_STORY_SENTVEC_H

#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"
#include "util/arena.h"

/* Quality flags of a sentence: why it is a weaker summary sentence. */
#define SL_SV_TITLE 1u      /* a headline or heading block */
#define SL_SV_CAPTION 2u    /* a photo caption */
#define SL_SV_DEBRIS 4u     /* boilerplate: URL, e-mail, copyright, share prompt */
#define SL_SV_SHORT 8u      /* under 6 words */
#define SL_SV_LONG 16u      /* over 80 words: likely a splitting failure */
#define SL_SV_UNENDED 32u   /* no final punctuation: headline, caption or debris */
#define SL_SV_DANGLING 64u  /* starts with a pronoun or connective that needs context */
#define SL_SV_FRAGMENT 128u /* a quote fragment: lower-case start or unbalanced quotes */
#define SL_SV_SHOUTING 256u /* mostly capitalized words: a headline or a label */
#define SL_SV_ITEM 512u     /* a list item */
#define SL_SV_LEADIN 2048u  /* ends with a colon: introduces what follows */
#define SL_SV_OFFTOPIC 1024u /* its document shares little with the others: a
                                scraping leftover (error page, archive notice) */

/* One sentence of the story. */
typedef struct sl_sv {
    uint32_t doc, sent;   /* document index in the set, sentence index in the document */
    uint32_t rank;        /* position among the document's body sentences (0 = lead) */
    uint32_t words;       /* white-space separated words of the text (the budget's unit) */
    uint32_t bytes;       /* bytes of the text with white space runs made one space */
    uint32_t t0, t1;      /* its distinct terms: entries [t0, t1) of the set */
    uint32_t ntok;        /* content tokens, repeats counted */
    unsigned flags;       /* SL_SV_* */
    float quality;        /* (0, 1]: 1 for a standalone body sentence */
    uint64_t hash;        /* of the case-folded tokens, to catch exact duplicates */
} sl_sv;

typedef struct sl_svset {
    sl_ctx *ctx;
    sl_arena arena;
    sl_doc *const *docs;
    size_t ndocs;
    sl_sv *s;             /* the sentences, documents in order */
    size_t n;
    uint32_t *term;       /* per entry: local term id */
    float *tf;            /* per entry: count in the sentence */
    float *w;             /* per entry: normalized tf-idf weight */
    size_t nnz;
    size_t nterms;
    uint32_t *stem;       /* local term id -> vocabulary stem id */
    uint32_t *df;         /* sentences holding the term */
    uint32_t *ddf;        /* documents holding the term */
    float *idf;
    uint32_t *post_off;   /* term t's postings are [post_off[t], post_off[t+1]) */
    uint32_t *post_s;     /* sentence of each posting */
    float *post_w;        /* its weight */
    uint32_t *doc_first;  /* first sentence of document d; doc_first[ndocs] == n */
    uint32_t *doc_body;   /* body sentences of document d (for relative positions) */
    float *qw;            /* query weight per term (normalized), or NULL without a query */
    float *qrel;          /* per sentence: cosine with the query, or NULL */
} sl_svset;

/* Builds the set over the documents' sentences (their tokens must exist).
 * `query` (may be NULL) is tokenized with the same pipeline; a query with no
 * content word is ignored.  Returns 0; never fails except by aborting on
 * out-of-memory. */
int sl_svset_build(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, const char *query,
                   size_t query_len, sl_svset *set);
void sl_svset_free(sl_svset *set);

/* The local id of a vocabulary stem id, or UINT32_MAX when the story does
 * not hold it. */
uint32_t sl_svset_term(const sl_svset *set, uint32_t stem);

/* Writes the sentence's text with white space runs made one space. */
void sl_sv_text(const sl_svset *set, const sl_sv *s, sl_buf *out);

/* Dot products of sentence i with every sentence sharing a term: *out gets
 * the touched sentences (caller's scratch arrays of size set->n: `acc` must be
 * all zero on entry and is all zero again after the caller resets the touched
 * entries with sl_sv_row_reset).  Returns the number touched. */
size_t sl_sv_row(const sl_svset *set, uint32_t i, double *acc, uint32_t *touched);
void sl_sv_row_reset(double *acc, const uint32_t *touched, size_t n);

/* The cosine of two sentences (merge of their sorted term lists). */
double sl_sv_cos(const sl_svset *set, uint32_t a, uint32_t b);

/* ------------------------------------------------------------------ budget */

/* The length limits of a summary; 0 means no limit of that kind.  Bytes are
 * counted as the summary's sentences joined by one space. */
typedef struct sl_budget {
    size_t words, sentences, bytes;   /* limits */
    size_t used_words, used_sentences, used_bytes;
} sl_budget;

int sl_budget_fits(const sl_budget *b, const sl_sv *s);
void sl_budget_add(sl_budget *b, const sl_sv *s);

/* ------------------------------------------------------------------ redundancy */

/* Which sentences may no longer be chosen because they say what a chosen one
 * says: the cosine is at least SL_REDUNDANT_COS, or the shorter's terms are
 * nearly all in the other (one outlet's trimmed copy of another's sentence),
 * or the token texts are identical.  Also keeps each sentence's greatest
 * cosine with the chosen ones, for MMR. */
#define SL_REDUNDANT_COS 0.5
typedef struct sl_redund {
    unsigned char *blocked; /* per sentence */
    float *maxsim;          /* per sentence: max cosine with a chosen sentence */
    double *acc;            /* scratch, zero between calls */
    uint32_t *touched;      /* scratch */
    uint32_t *shared;       /* scratch: shared term counts */
} sl_redund;

void sl_redund_init(sl_redund *r, sl_svset *set);
/* Marks what sentence i makes redundant (i itself included). */
void sl_redund_add(sl_redund *r, const sl_svset *set, uint32_t i);
/* Whether sentences a and b are redundant with each other (same test). */
int sl_sv_redundant(const sl_svset *set, uint32_t a, uint32_t b);

#endif
