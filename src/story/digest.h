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

#define SL_DIGEST_SCHEMA 1
#define SL_DIGEST_DEFAULT_WORDS 100

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
};

#endif
