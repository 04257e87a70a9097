/*
 * timeline.h: the story's timeline (internal API) and the dates a digest
 * gives its documents.  The rules are in the header of timeline.c.
 */
#ifndef SL_STORY_TIMELINE_H
#define SL_STORY_TIMELINE_H

#include <stddef.h>

#include "analysis/dates.h"
#include "story/digest.h"

/* Caps that keep a story of any size linear (see timeline.c). */
#define SL_TL_MAX_CANDIDATES 20000 /* dated clauses considered per story */
#define SL_TL_MAX_COMPARE 256      /* events a clause is compared with */
#define SL_TL_TEXT_CAP 25          /* entries the text and Markdown forms show */

/* Fills d->dates and d->date_ev: the override `date` (already checked with
 * sl_date_parse_override; NULL for none) for every document, else each
 * document's own date, else the story's (sl_story_infer_dates). */
void sl_digest_dates_build(sl_digest *d, const char *date);
void sl_digest_dates_free(sl_digest *d);

/* Builds the timeline of the documents, each resolved against dates[i]
 * (prec NONE: unknown).  *out (caller frees each text and docs, then the
 * array) gets *n events in chronological order, ranked and labelled. */
void sl_timeline_build(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, const sl_tpoint *dates,
                       sl_tl_event **out, size_t *n);

/* Writes the reader's label of a date ("27 Jul 1953", "week of 23 Jul 2018",
 * "early 2019") and, with `end` of non-NONE precision, of a range
 * ("1910-1945", with an en dash) into out[0..n), NUL-terminated.  `mod` may be NULL. */
void sl_tl_label(const sl_tpoint *start, const sl_tpoint *end, const char *mod, char *out, size_t n);

#endif
