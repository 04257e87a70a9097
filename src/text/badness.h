/*
 * badness.h: how much a piece of text looks like mojibake.
 *
 * The method is ftfy's (badness.py): the few hundred characters that UTF-8
 * turns into when a single-byte code page decodes it fall into classes
 * (data/repair/classes.txt), and some short sequences of those classes are
 * rare in real text but common in mojibake (data/repair/badness.txt: an
 * accented small letter followed by a currency sign, a capital A-circumflex
 * before a no-break space, a C1 control, ...).  The badness of a text is the
 * number of such sequences in it; repair only changes text that has some,
 * and prefers the reading that has fewer.
 *
 * Matching is linear: every rule has an "anchor" position that only
 * non-ASCII characters can fill, and rules are tried only where a character
 * of the anchor's class occurs.
 */
#ifndef SL_TEXT_BADNESS_H
#define SL_TEXT_BADNESS_H

#include <stddef.h>
#include <stdint.h>

#include "core/ctx.h"

typedef struct sl_badness sl_badness;

/* The compiled classes and rules of the context (built on first use from
 * the data files); never NULL (empty when the data is missing). */
const sl_badness *sl_badness_get(sl_ctx *ctx);

/* Number of mojibake-like sequences in v[0..n), which is taken to start at a
 * line start; counting stops at `limit` when it is not 0. */
size_t sl_badness_count(const sl_badness *b, const uint32_t *v, size_t n, size_t limit);

/* Whether v[0..n) has at least one mojibake-like sequence. */
int sl_badness_any(const sl_badness *b, const uint32_t *v, size_t n);

/* Whether cp belongs to any class (a cheap pre-test: text without such
 * characters has badness 0). */
int sl_badness_relevant(const sl_badness *b, uint32_t cp);

#endif
