/*
 * entities.h: HTML character references in text.
 *
 * Named references (the HTML5 list in data/repair/entities.txt, only the
 * forms ending in ';', plus all-caps spellings such as &EACUTE;) and
 * numeric ones (&#8217; &#x2019;), decoded as ftfy's unescape_html does:
 * "&" + up to 24 letters/digits + ";", nothing looser, so "this&not that"
 * stays.  Numeric references follow HTML5: 0x80-0x9F mean Windows-1252,
 * 0, surrogates and values past U+10FFFF give U+FFFD, other controls and
 * noncharacters give nothing.  References to '\n' and '\r' are left as
 * they are: repair never adds a line break.
 */
#ifndef SL_TEXT_ENTITIES_H
#define SL_TEXT_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "core/ctx.h"
#include "text/cps.h"

/* Decodes the references in v[0..n) into out (cleared first); returns
 * whether anything was decoded. */
int sl_entities_decode(sl_ctx *ctx, const uint32_t *v, size_t n, sl_cps *out);

#endif
