/*
 * facts.h: what the sentences of a story assert, as comparable facts
 * (issue 5, comparing sources).  Four kinds:
 *
 *   number    a count or measure with what it counts: "28,000 troops",
 *             "more than 212 people aboard", "$5 billion", "two miles";
 *   date      when something happened: "July 27, 1953", "in 1945",
 *             "sixty-five years ago", "on Tuesday" (resolved against the
 *             article's own date, never the clock), ranges "1950 to 1953";
 *   duration  how long: "68-year war", "three years of fighting";
 * (dates and durations are the temporal tagger's, src/analysis/timex.h,
 * with what they date or measure read here);
 *   actor     who did an action of data/compare/actions.txt: the entities
 *             before the verb in its clause ("the United States and Soviet
 *             Union split the country"), the antecedent of "who", or the
 *             agent after "by" of a passive ("signed by North Korea").
 *
 * Every value is an interval, so compatibility is intersection: a figure
 * is widened by its rounding ("28,000" covers 27,500-28,500) and by its
 * approximator ("about", "more than": data/compare/approx.txt), a date
 * covers the days of its precision (1953 = 1953-01-01..1953-12-31), and a
 * measure is converted to the base unit of its dimension
 * (data/compare/units.txt).  A fact that only bounds a value ("since
 * 1953", "the last 40") is flagged and never conflicts.
 *
 * Each fact also has a context vector: the story's TF-IDF weights of the
 * stems, entities and years of its sentence, damped with the distance to
 * the fact, so that two facts of different articles "speak of the same
 * thing" when these vectors are close (compare.c).  Word lists are data
 * (data/compare/); the grammar is here.
 *
 * Memory: everything lives in the set's arena and arrays, freed by
 * sl_factset_free.
 */
#ifndef SL_STORY_FACTS_H
#define SL_STORY_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"
#include "story/sentvec.h"
#include "util/arena.h"

enum { SL_FK_NUMBER = 1, SL_FK_DATE, SL_FK_DURATION, SL_FK_ACTOR, SL_FK_END };

/* The name of a kind ("number", ...); static. */
const char *sl_fact_kind_name(int kind);

#define SL_FF_PARTIAL 1u  /* a part or a rate of a larger count ("the last 40", "$5 per share") */
#define SL_FF_BOUND 2u    /* a date that only bounds the event ("since 1953", "until Friday") */
#define SL_FF_RANGE 4u    /* an explicit range ("1950 to 1953", "200-250") */
#define SL_FF_RELATIVE 8u /* resolved against the article's date ("last year", "Tuesday") */
#define SL_FF_GENERIC 16u /* the head is the generic word of its class ("people") */
#define SL_FF_TITLE 32u   /* said in a headline, heading or caption */
#define SL_FF_STATE 64u   /* the head is a state of its class ("aboard", "killed") */
#define SL_FF_WINDOW 128u /* a duration that is a span looked over ("the last 2,000 years"):
                             it may agree, never conflict */
#define SL_FF_MANY 256u   /* an action many do apart ("met", "attacked"): doers never conflict */
#define SL_FF_ONENAME 512u /* a doer is a person named by one word ("Williams"): who it is,
                              the tagger may not have merged */

#define SL_FACT_NONE UINT32_MAX

/* Actor types, for the rule that a person and an organization are not two
 * answers to one question ("Pompeo signed" vs "the United States signed"). */
enum { SL_ACT_PERSON = 1, SL_ACT_OTHER = 2, SL_ACT_MIXED = 3 };

typedef struct sl_fact {
    uint32_t doc, sent;       /* document index in the set, sentence in the document */
    uint32_t t0, t1;          /* its value's tokens [t0, t1) (document token indexes) */
    uint32_t anchor0, anchor1; /* tokens the context distance is measured from */
    uint32_t head_tok;        /* token of the head noun or the verb, or SL_FACT_NONE */
    int kind;                 /* SL_FK_* */
    unsigned flags;           /* SL_FF_* */
    uint32_t head;            /* number/duration: head group (see facts.c); actor: action group; 0 none */
    uint32_t hclass;          /* number: class of the head group (0 none) */
    uint32_t dim;             /* number: unit dimension (0 a plain count) */
    double lo, hi;            /* the interval of values (base unit; dates: day numbers) */
    double lo_end, hi_start;  /* a range of dates: the last day of its start, the first day
                                 of its end (for a point: hi and lo) */
    double point;             /* the figure as stated, in the base unit (dates: first day) */
    double round;             /* durations: the unit stated, in days (for the article-date slack) */
    sl_precision prec;        /* dates: precision */
    uint32_t *ents;           /* actor: the doers' name ids (names[] of the set), sorted */
    uint32_t nents;
    uint32_t parts[8];        /* actor: hashes of the words of the doers' names */
    uint32_t nparts;
    int atype;                /* actor: SL_ACT_* */
    const char *value;        /* the value for people ("more than 28,000", "1953-07-27",
                                 "P68Y", "United States and Soviet Union"); arena */
    uint32_t c0, c1;          /* its context entries [c0, c1) in the set, by term */
    uint32_t head_term;       /* the context term of its head word, or SL_FACT_NONE */
    uint32_t locs[4];         /* places named near it (entity indexes), sorted */
    uint32_t nlocs;
} sl_fact;

typedef struct sl_factset {
    sl_arena arena;
    sl_fact *f;               /* by document, sentence, position */
    size_t n, cap;
    uint32_t *cterm;          /* context entries: term id */
    float *cw;                /* its weight (the vector has unit length) */
    size_t nc, cc;
    size_t nterms;            /* size of the term space (stems, entities, years) */
    uint32_t *doc_first;      /* facts of document d are [doc_first[d], doc_first[d+1]) */
    size_t ndocs;
    const char **names;       /* actor name ids -> names, entity or noun phrase (arena) */
    size_t nnames;
} sl_factset;

/* The distance (in tokens) at which a context word weighs half. */
#define SL_FACT_DECAY 4.0

/* Extracts the facts of every sentence of the set's documents (debris
 * excluded).  `ents` (may be NULL) gives the entities: actors need them and
 * contexts use them.  A context word at distance d from the fact weighs
 * idf / (1 + d / decay) (decay 0: SL_FACT_DECAY).  Returns 0; aborts only
 * when out of memory. */
int sl_facts_extract(sl_ctx *ctx, const sl_svset *sv, const sl_entities *ents, double decay,
                     sl_factset *out);
void sl_factset_free(sl_factset *fs);

/* The cosine of two facts' contexts. */
double sl_fact_sim(const sl_factset *fs, const sl_fact *a, const sl_fact *b);

/* The same without the head words' terms: what else the contexts share
 * ("led" alone does not make two leaders of one thing). */
double sl_fact_sim_beyond_head(const sl_factset *fs, const sl_fact *a, const sl_fact *b);

/* Whether two facts of one kind can be about the same thing by what they
 * count or do: the same head group, or a generic head and a state of the
 * same class ("people" and "aboard"); a missing head matches when the
 * other's head word is in its sentence. */
int sl_fact_heads_match(const sl_factset *fs, const sl_svset *sv, const sl_fact *a, const sl_fact *b);

/* How two facts' values relate: SL_REL_SAME (compatible: they can both be
 * true of one thing), SL_REL_CONFLICT (they cannot), or SL_REL_NONE (not
 * comparable: a part against a whole, a bound against a point...).
 * `slack_days` widens durations by the difference of the articles' dates. */
enum { SL_REL_NONE = 0, SL_REL_SAME, SL_REL_CONFLICT };
int sl_fact_relate(const sl_fact *a, const sl_fact *b, double slack_days);

/* Whether token k of document d is a preposition (a stopword or one of
 * data/compare/markers.txt's "prep"): it ends an object phrase. */
int sl_fact_is_prep(sl_ctx *ctx, const sl_doc *d, size_t k);

/* The name of a unit dimension of data/compare/units.txt ("time", "length",
 * "usd"...); "" for 0 or an unknown id.  Static for the context's life. */
const char *sl_fact_dim(sl_ctx *ctx, uint32_t dim);

/* Whether two facts' values are near (numbers and durations within 10%,
 * dates of one precision no further apart than one of them lasts): two
 * sources that give near but different figures for the same kind of thing
 * in one story are most often reporting one quantity, so such pairs are
 * aligned on weaker context evidence (compare.c). */
int sl_fact_near(const sl_fact *a, const sl_fact *b);

/* Whether two compatible figures are close enough to be one statement:
 * within 25% of each other, bounds by their bound ("at least 23" and "at
 * least 241" are both true of 300 but do not say the same).  Dates and
 * actors: always. */
int sl_fact_close(const sl_fact *a, const sl_fact *b);

/* Whether a fact's value is specific enough that two sources giving it
 * exactly are likely speaking of one thing: a day, a range of dates, a
 * precise figure of 10 or more ("212", "69 days"; not "two"). */
int sl_fact_specific(const sl_fact *f);


#endif
