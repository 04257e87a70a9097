/*
 * tokens.h: words, their normal forms and stems.
 *
 * A byte-class table drives the scanner (SQLite's tokenize.c); non-ASCII bytes
 * are decoded only where a word needs it.  Tokens are words, numbers (with
 * currency signs, "%", ordinals), URLs and e-mail addresses, hashtags and
 * mentions, and single punctuation characters (tokens.c has the rules).
 * Each word is NFC-normalized and case-folded with utf8proc, stemmed with the
 * Snowball stemmer of the context's language, and both forms are interned in
 * the context's vocabulary; stopwords come from data/<lang>/stopwords.txt.
 * Invariant: tokens come out in order, never overlap, never start with white
 * space, and have exactly one of SL_TOK_WORD, SL_TOK_NUMBER, SL_TOK_PUNCT.
 */
#ifndef SL_ANALYSIS_TOKENS_H
#define SL_ANALYSIS_TOKENS_H

#include <stddef.h>

#include "core/ctx.h"

/* Appends the tokens of text[0..len) to (*toks, *n, *cap), with offsets
 * shifted by base. */
void sl_tokens_scan(sl_ctx *ctx, const char *text, size_t len, size_t base, sl_token **toks,
                    size_t *n, size_t *cap);

/* Whether the vocabulary id of a case-folded word is a stopword of the
 * context's language (data/<code>/stopwords.txt; no word is one when the
 * language has no list). */
int sl_is_stopword(sl_ctx *ctx, unsigned norm_id);

#endif
