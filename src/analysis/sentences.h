/*
 * sentences.h: sentence boundaries in news English.
 *
 * Handles abbreviations (U.S., Gen., Jr., a.m.), initials, numbers and
 * decimals, ellipses, quotes and brackets around sentence ends, lists,
 * headlines and captions without final punctuation, and paragraph and line
 * structure.  Linear in the input; no allocation per byte.
 */
#ifndef SL_ANALYSIS_SENTENCES_H
#define SL_ANALYSIS_SENTENCES_H

#include <stddef.h>

#include "core/ctx.h"

/* Appends the sentences of text[0..len) to the array (*spans, *n, *cap),
 * each as [base + start, base + end), trimmed of white space. */
void sl_sentences_split(sl_ctx *ctx, const char *text, size_t len, size_t base, sl_span **spans,
                        size_t *n, size_t *cap);

#endif
