/*
 * ner.h: named-entity recognition over tokenized text (internal view).
 *
 * The tagger labels tokens with BIO tags of four types (PERSON, LOCATION,
 * ORGANIZATION, OTHER) using an averaged perceptron (Collins 2002) over
 * hashed features, decoded by Viterbi under the BIO constraint over the
 * "islands" of each sentence: runs of capitalized words (after truecasing
 * headline and all-caps sentences) and the lower-case connectors between
 * them; every other token is O.  Features: the word and its neighbours,
 * word shape, affixes, capitalization, sentence position, gazetteers (the
 * lists in data/ner/), title and role words, runs of capitalized words,
 * evidence from the rest of the document, and word representations learned
 * from unlabeled news (data/ner/words.txt: case profile and distributional
 * cluster, bench/ner_words.c).  Decoded mentions then follow storyline's
 * conventions and the gazetteers' word (ner.c: complete_runs,
 * resolve_mentions, doc_consistency): titles and roles are not part of
 * names; nationality, people and party words ("South Korean",
 * "Republicans") are no entities; a name keeps one type per document.
 *
 * The model (data/ner/model.txt) is trained by bench/train_ner.c on GUM and
 * hand-annotated news paragraphs; the same feature code serves training and
 * tagging, so this header exposes the pieces the trainer needs: features as
 * 64-bit keys, the weight table, the islands and the decoder.
 */
#ifndef SL_ANALYSIS_NER_H
#define SL_ANALYSIS_NER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/ctx.h"

/* Tags: O, then B and I for each type (type t: B = 2t-1, I = 2t). */
enum { NER_O = 0, NER_NTYPES = 4, NER_NTAGS = 1 + 2 * NER_NTYPES };

/* Entity types, as in storyline.h's sl_entity_type (1-based). */
enum { NER_PER = 1, NER_LOC = 2, NER_ORG = 3, NER_OTH = 4 };

static inline int ner_tag_type(int tag) { return tag ? (tag + 1) / 2 : 0; }
static inline int ner_tag_is_b(int tag) { return tag && (tag & 1); }
static inline int ner_tag_b(int type) { return 2 * type - 1; }
static inline int ner_tag_i(int type) { return 2 * type; }

/* Tokenized text to tag: a document, or a buffer split and tokenized. */
typedef struct ner_view {
    const char *text;
    size_t len;
    const sl_token *toks;
    size_t ntoks;
    const size_t *sent_tok;     /* sentence i has tokens [sent_tok[i], sent_tok[i+1]) */
    size_t nsents;
    const sl_block_kind *kinds; /* kind of each sentence, or NULL (all BODY) */
} ner_view;

/* A mention found by the tagger. */
typedef struct ner_mention {
    size_t start, end;         /* byte range in the view's text */
    size_t tok_start, tok_end; /* token range [tok_start, tok_end) */
    size_t sent;               /* sentence index */
    int type;                  /* NER_PER ... NER_OTH */
    float conf;                /* 0..1 */
} ner_mention;

/* The model: hashed feature weights, transition weights and the lexicon of
 * words seen in lower case in the training text. */
typedef struct ner_model ner_model;

ner_model *ner_model_new(void);
void ner_model_free(ner_model *m);
/* Parses the text form written by ner_model_write; returns 0 or -1 on a
 * malformed line (the model is then partially loaded). */
int ner_model_parse(ner_model *m, const char *text, size_t len);
/* Writes the text form: weights scaled by 1000 and rounded; those whose
 * magnitude is below `min_abs` are dropped, and features left without weights. */
void ner_model_write(const ner_model *m, FILE *f, float min_abs);
/* Row of weights (NER_NTAGS floats) of a feature key; with `insert`, adds a
 * zero row when absent, else returns NULL.  Pointers are valid until the next
 * insertion. */
float *ner_model_row(ner_model *m, uint64_t key, int insert);
size_t ner_model_nrows(const ner_model *m);
/* Row by index (0 <= i < nrows), with its key. */
float *ner_model_row_at(ner_model *m, size_t i, uint64_t *key);
/* Transition weights: (NER_NTAGS + 1) rows of NER_NTAGS; row NER_NTAGS is the
 * start of a sentence. */
float *ner_model_trans(ner_model *m);
/* Adds a case-folded word to the lexicon of common lower-case words. */
void ner_model_lex_add(ner_model *m, const char *w, size_t n);

/* The shipped model of the context (data/ner/model.txt); an empty model when
 * none is compiled in.  Lives as long as the context. */
const ner_model *ner_default_model(sl_ctx *ctx);

/* What the tagger computes once per view before features: the truecased
 * shape, gazetteer matches, runs of capitalized words and document evidence
 * of every token. */
typedef struct ner_prep ner_prep;

ner_prep *ner_prepare(sl_ctx *ctx, const ner_model *m, const ner_view *v);
void ner_prep_free(ner_prep *p);

/* Most feature keys one token has. */
#define NER_MAX_KEYS 96

/* Writes the feature keys of token i into keys; returns how many. */
size_t ner_token_keys(const ner_prep *p, size_t i, uint64_t *keys);

/* Viterbi decoding of tokens [from, to) (one sentence) under the BIO
 * constraint; writes the tags and, when conf is not NULL, a confidence per
 * token. */
void ner_decode(const ner_model *m, const ner_prep *p, size_t from, size_t to, int *tags,
                float *conf);

/* Viterbi over emission scores em[n][NER_NTAGS] with the model's
 * transitions, under the BIO constraint, from transition row `from`
 * (NER_NTAGS: a sentence start; NER_O: after a token outside names) and,
 * with end_o, into an O token after the span; for the trainer. */
void ner_viterbi(const ner_model *m, const float *em, size_t n, int from, int end_o, int *tags,
                 float *conf);

/* The islands of sentence [a, b) that the tagger decodes: runs of
 * capitalized words and the lower-case connectors between them; every other
 * token is O.  Writes start and end of each into spans (room for b - a
 * pairs); returns how many. */
size_t ner_islands(const ner_prep *p, size_t a, size_t b, size_t *spans);

/* Turns tags into mentions (appended to *out); trims possessive endings. */
void ner_tags_to_mentions(const ner_view *v, const int *tags, const float *conf,
                          ner_mention **out, size_t *n, size_t *cap);

/* Tags a whole view with model m (the default when NULL). */
void ner_tag_view(sl_ctx *ctx, const ner_model *m, const ner_view *v, ner_mention **out,
                  size_t *n);

/* Splits text into sentences and tokens and tags it with model m (the
 * default when NULL); *out (caller frees) holds *n mentions. */
void ner_tag_text(sl_ctx *ctx, const ner_model *m, const char *text, size_t len,
                  ner_mention **out, size_t *n);

/* The end of a mention's text without a possessive "'s" / "’s" / "'". */
size_t ner_trim_possessive(const char *text, size_t start, size_t end);

/* Whether the case-folded word or phrase (tokens joined by one space) is a
 * title or role ("president", "gen .", "prime minister"). */
int ner_is_title(sl_ctx *ctx, const sl_token *toks, size_t n);

/* Whether the tokens are a nationality, people or party word or phrase
 * ("South Korean", "Republicans"): storyline does not list these. */
int ner_is_demonym(sl_ctx *ctx, const sl_token *toks, size_t n);

/* Gazetteer flags of a single case-folded word (NER_G_*), for other stages. */
enum {
    NER_G_GIVEN = 1u << 0,
    NER_G_SURNAME = 1u << 1,
    NER_G_TITLE = 1u << 2,    /* word of a title phrase */
    NER_G_PARTICLE = 1u << 3,
    NER_G_ORGWORD = 1u << 4,
    NER_G_LOCWORD = 1u << 5,
    NER_G_COMMON = 1u << 6,
    NER_G_DEMONYM = 1u << 7,  /* whole entry */
    NER_G_LOC = 1u << 8,      /* whole entry: country or place */
    NER_G_ORG = 1u << 9,      /* whole entry */
    NER_G_TITLEP = 1u << 10,  /* whole entry: title phrase */
    NER_G_PREFIX = 1u << 11,  /* a proper prefix of a multi-word entry */
    NER_G_ACRONYM = 1u << 12, /* entry written in capitals: match only capitals */
    NER_G_CALENDAR = 1u << 13, /* month or day name */
    NER_G_OTHER = 1u << 14     /* whole entry: an event, work, law or product */
};
unsigned ner_word_flags(sl_ctx *ctx, const char *w, size_t n);

#endif
