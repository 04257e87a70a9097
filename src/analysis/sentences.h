/*
 * sentences.h: sentence boundaries in news English.
 *
 * A rule-based splitter in the tradition of pragmatic_segmenter and pySBD
 * ("Golden Rules"): it knows abbreviations (U.S., Gen., Jr., a.m., No. 1;
 * word lists under data/en/abbrev_*.txt), initials (J. R. R. Tolkien), numbers
 * and decimals, ellipses (... . . . . …), quotes and brackets after a full
 * stop, e-mail addresses and URLs, numbered and bulleted lists, headlines and
 * captions without final punctuation (a line without terminal punctuation
 * followed by a line break), hard-wrapped lines, and paragraph structure (a
 * blank line always ends a sentence).
 *
 * Guarantees: the spans come out in order, do not overlap, lie within the
 * text, are never empty, start and end on a character that is not white
 * space (ASCII or Unicode), and together cover every character that is not
 * white space.  The work is linear in the input: every look-behind and
 * look-ahead is bounded, or cached per chunk and per paragraph.
 */
#ifndef SL_ANALYSIS_SENTENCES_H
#define SL_ANALYSIS_SENTENCES_H

#include <stddef.h>

#include "core/ctx.h"

/* Appends the sentences of text[0..len) to the array (*spans, *n, *cap),
 * each as [base + start, base + end), trimmed of white space.  Uses the word
 * lists of ctx's language (English when it has none). */
void sl_sentences_split(sl_ctx *ctx, const char *text, size_t len, size_t base, sl_span **spans,
                        size_t *n, size_t *cap);

#endif
