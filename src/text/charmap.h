/*
 * charmap.h: the legacy code pages that UTF-8 gets mistaken for.
 *
 * Single-byte code pages (the ten of ftfy's CHARMAP_ENCODINGS, in the order
 * in which mojibake repair tries them) and the two-byte part of GBK/GB18030.
 * The tables are built at run time with glibc's iconv, once per context
 * (sl_ctx_resource), so no code page is copied into the source.
 *
 * "Sloppy" code pages (the windows-125x ones) decode the bytes their
 * standard leaves undefined as the Latin-1 character of the same value, and
 * decode byte 0x1A as U+FFFD: U+FFFD, the trace of a lossy decoder, can thus
 * be encoded back to a placeholder byte (ftfy's "sloppy" codecs).
 *
 * The UTF-8 "clues" are the characters a code page decodes UTF-8 lead and
 * continuation bytes to; they let repair find mojibake inside text that is
 * otherwise fine (ftfy's UTF8_DETECTOR_RE).
 */
#ifndef SL_TEXT_CHARMAP_H
#define SL_TEXT_CHARMAP_H

#include <stddef.h>
#include <stdint.h>

#include "core/ctx.h"

enum {
    SL_CM_LATIN1,
    SL_CM_CP1252,
    SL_CM_CP1251,
    SL_CM_CP1250,
    SL_CM_CP1253,
    SL_CM_CP1254,
    SL_CM_CP1257,
    SL_CM_LATIN2,
    SL_CM_MACROMAN,
    SL_CM_CP437,
    SL_CM_N
};

#define SL_CM_ALL ((1u << SL_CM_N) - 1)
/* The sloppy code pages (see above). */
#define SL_CM_SLOPPY                                                                           \
    ((1u << SL_CM_CP1252) | (1u << SL_CM_CP1251) | (1u << SL_CM_CP1250) | (1u << SL_CM_CP1253) | \
     (1u << SL_CM_CP1254) | (1u << SL_CM_CP1257))

/* UTF-8 clue flags of a character. */
#define SL_CLUE_FIRST2 0x01u /* decodes from a lead byte 0xC2-0xDF */
#define SL_CLUE_FIRST3 0x02u /* from a lead byte 0xE0-0xEF */
#define SL_CLUE_FIRST4 0x04u /* from lead byte 0xF0 or 0xF3 */
#define SL_CLUE_CONT 0x08u   /* from a continuation byte 0x80-0xBF (or is a space) */
#define SL_CLUE_STRICT 0x10u /* a continuation that does not stand for itself */

typedef struct sl_charmap sl_charmap;

/* The tables of the context (built on first use); never NULL. */
const sl_charmap *sl_charmap_get(sl_ctx *ctx);

/* Short name ("cp1252") of code page `enc`. */
const char *sl_charmap_name(int enc);
/* The character byte b decodes to in code page enc. */
uint32_t sl_charmap_decode(const sl_charmap *cm, int enc, unsigned char b);
/* The set (bit per code page) of code pages that can encode cp. */
unsigned sl_charmap_mask(const sl_charmap *cm, uint32_t cp);
/* The byte cp encodes to in code page enc, or -1. */
int sl_charmap_encode(const sl_charmap *cm, int enc, uint32_t cp);
/* SL_CLUE_* flags of cp. */
unsigned sl_charmap_clues(const sl_charmap *cm, uint32_t cp);

/* GBK's two-byte characters (GB18030's where GBK has none). */
typedef struct sl_gbk sl_gbk;

/* The table of the context (built on first use, 128 KB); NULL when iconv
 * knows neither GBK nor GB18030. */
const sl_gbk *sl_gbk_get(sl_ctx *ctx);
/* The two bytes (lead << 8 | trail) that cp encodes to, or 0 when cp is not
 * a two-byte GBK character. */
unsigned sl_gbk_encode(const sl_gbk *g, uint32_t cp);
/* Whether the bytes lead, trail form a character in GBK (or GB18030). */
int sl_gbk_defined(const sl_gbk *g, unsigned lead, unsigned trail);

#endif
