/*
 * lang.h: which word lists belong to the context's language.
 *
 * The context names its language as Snowball does ("english", "german", or
 * an ISO code libstemmer accepts, "en", "de").  Word lists live under
 * data/<ISO 639-1 code>/ (data/en/stopwords.txt); a language without a list
 * of its own falls back to English where the caller allows it, since
 * abbreviations like "Dr." or "U.S." mean the same in most news languages.
 */
#ifndef SL_ANALYSIS_LANG_H
#define SL_ANALYSIS_LANG_H

#include <stddef.h>

#include "core/ctx.h"

/* The ISO 639-1 code of a Snowball language name ("english" -> "en",
 * "porter" -> "en"); the name itself when it is not a known name (it may
 * already be a code).  Static storage or `language` itself. */
const char *sl_lang_code(const char *language);

/* The bytes of data/<code>/<list>.txt for ctx's language (see data.h), or of
 * data/en/<list>.txt when the language has none and `fallback` is set;
 * NULL (and *len = 0) when there is none. */
const char *sl_lang_data(const sl_ctx *ctx, const char *list, int fallback, size_t *len);

#endif
