/*
 * digest.h: the digest object (internal view).  One struct holds all a
 * digest says about a story; each stage adds its part here (schema 1: the
 * summary; later the timeline, entities and comparison), and the writers of
 * src/output/ render it, so the CLI and the service only see storyline.h.
 */
#ifndef SL_STORY_DIGEST_H
#define SL_STORY_DIGEST_H

#include "core/doc.h"
#include "storyline.h"

#define SL_DIGEST_SCHEMA 2 /* 2: timeline, entities and comparison keys always present */
#define SL_DIGEST_DEFAULT_WORDS 100

/* A dated event of the story's timeline (issue 4): the sentence or clause that
 * carries a date, resolved against its own article's date; events that
 * several sources date the same way are one entry listing every source. */
typedef struct sl_tl_event {
    char date[32];           /* TimeML value of the (start) date: "1953-07-27", "2018-W17", "1950" */
    char end[32];            /* for a range, the value of its end; "" for a point */
    sl_precision precision;  /* of `date` */
    long first_day, last_day; /* the days it covers (proleptic Gregorian day numbers), for order and axes */
    char *text;              /* the clause or sentence; owned */
    size_t *docs;            /* indices of the documents that tell it, ascending; owned */
    size_t ndocs;
    size_t doc, sentence;    /* where `text` comes from */
    char mod[16];            /* TimeML mod of the date ("START" for "early 2019"), or "" */
    char label[80];          /* the date for readers: "27 Jul 1953", "1910-1945" (en dash) */
    size_t rank;             /* salience order: 0 for the most salient (see timeline.c) */
} sl_tl_event;

/* One source's statement in a comparison (issue 5). */
typedef struct sl_claim {
    size_t doc, sentence;    /* where it is said */
    char *text;              /* the sentence; owned */
    char *value;             /* the value it gives ("28,000", "1953-07-27", "the United Nations"); owned */
} sl_claim;

/* A fact two or more sources state (agreement) or fill differently
 * (disagreement). */
typedef struct sl_cmp_item {
    char *about;             /* what the fact is about, e.g. "troops in South Korea"; owned */
    char *kind;              /* "number", "date", "duration", "actor", ...; static */
    char *value;             /* for an agreement, the value all give; NULL for a disagreement */
    sl_claim *claims;        /* owned */
    size_t nclaims;
} sl_cmp_item;

struct sl_digest {
    sl_ctx *ctx;
    const sl_corpus *corpus;
    const char *method;       /* static name */
    char *query;              /* NULL when none */
    size_t words, sentences, bytes; /* the budget in force (0 = no limit of that kind) */
    size_t used_words, used_bytes;  /* what the summary takes */
    char **doc_ids;           /* unique per document */
    sl_summary_item *items;   /* the summary, reading order; texts owned */
    size_t nitems;
    sl_tl_event *timeline;    /* chronological; owned (filled by the timeline stage) */
    size_t ntimeline;
    sl_date *dates;           /* per document: its date in this digest (override, its own,
                                 or the story's); owned (filled by the date stage) */
    char **date_ev;           /* per document: owned evidence behind dates[i].evidence, or NULL */
    struct sl_entities *entities; /* owned (filled by the entity stage) */
    sl_cmp_item *agree;       /* owned (filled by the comparison stage) */
    size_t nagree;
    sl_cmp_item *disagree;
    size_t ndisagree;
};

#endif
