/*
 * charmap.c: code-page tables built with iconv (see charmap.h).
 *
 * Each single-byte code page is decoded byte by byte through iconv into a
 * 256-entry table; the reverse direction is an index over the characters
 * they produce (all below U+2600 except four, which go in a short list).
 * Where glibc's MACINTOSH table differs from Unicode's MacRoman mapping
 * (0xC6, 0xF0) we follow Unicode, as Python and ftfy do.  A code page that
 * iconv does not know is left out (its bit is never set), except Latin-1
 * and cp1252, which are small enough to be known here.
 */
#include "text/charmap.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "text/ranges.h"
#include "util/mem.h"

#define CM_DIRECT 0x2600 /* characters below this are indexed directly */

typedef struct cm_entry {
    uint32_t cp;
    uint16_t mask;            /* code pages that encode cp */
    uint8_t clue;             /* SL_CLUE_* */
    uint8_t byte[SL_CM_N];    /* its byte in each code page of mask */
} cm_entry;

struct sl_charmap {
    uint32_t dec[SL_CM_N][256];
    uint16_t idx[CM_DIRECT]; /* 1 + index into ents, or 0 */
    cm_entry *ents;
    size_t nents, cents;
    cm_entry *high;          /* the few characters >= CM_DIRECT */
    size_t nhigh, chigh;
};

struct sl_gbk {
    uint16_t enc[0x10000];    /* lead << 8 | trail, or 0 */
    uint8_t defined[0x10000 / 8]; /* bit per byte pair: GBK or GB18030 decodes it */
};

static const char *const cm_names[SL_CM_N] = {"latin1", "cp1252", "cp1251", "cp1250", "cp1253",
                                              "cp1254", "cp1257", "latin2", "macroman", "cp437"};
static const char *const cm_iconv[SL_CM_N] = {"ISO-8859-1", "CP1252", "CP1251", "CP1250",
                                              "CP1253",     "CP1254", "CP1257", "ISO-8859-2",
                                              "MACINTOSH",  "IBM437"};

/* cp1252's 0x80-0x9F, for when iconv lacks it; 0 marks the undefined bytes. */
static const unsigned short cp1252_hi[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

const char *sl_charmap_name(int enc)
{
    return enc >= 0 && enc < SL_CM_N ? cm_names[enc] : "?";
}

/* Decodes the n bytes at in with cd into one character; 0 when they are not
 * exactly one character of the code page. */
static uint32_t iconv_one(iconv_t cd, const unsigned char *in, size_t n)
{
    char ibuf[4], obuf[16];
    char *ip = ibuf, *op = obuf;
    size_t il = n, ol = sizeof(obuf);
    const unsigned char *o = (const unsigned char *)obuf;
    memcpy(ibuf, in, n);
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0)
        return 0;
    if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
        return 0;
    if (op - obuf != 4)
        return 0;
    return (uint32_t)o[0] | (uint32_t)o[1] << 8 | (uint32_t)o[2] << 16 | (uint32_t)o[3] << 24;
}

/* iconv_open's failure value is (iconv_t)-1; the one cast lives here. */
static int cd_failed(iconv_t cd)
{
    return cd == (iconv_t)-1; /* NOLINT(performance-no-int-to-ptr): iconv's API */
}

static cm_entry *cm_find(const sl_charmap *cm, uint32_t cp)
{
    size_t i;
    if (cp < CM_DIRECT)
        return cm->idx[cp] ? &cm->ents[cm->idx[cp] - 1] : NULL;
    for (i = 0; i < cm->nhigh; i++)
        if (cm->high[i].cp == cp)
            return &cm->high[i];
    return NULL;
}

static cm_entry *cm_add(sl_charmap *cm, uint32_t cp)
{
    cm_entry *e = cm_find(cm, cp), z;
    if (e)
        return e;
    memset(&z, 0, sizeof(z));
    z.cp = cp;
    if (cp < CM_DIRECT) {
        SL_PUSH(cm->ents, cm->nents, cm->cents, z);
        cm->idx[cp] = (uint16_t)cm->nents;
        return &cm->ents[cm->nents - 1];
    }
    SL_PUSH(cm->high, cm->nhigh, cm->chigh, z);
    return &cm->high[cm->nhigh - 1];
}

/* The code pages whose lead and continuation bytes count as UTF-8 clues:
 * the ones mojibake usually comes from (not Latin-2, MacRoman, cp437). */
#define CLUE_PAGES                                                                            \
    ((1u << SL_CM_LATIN1) | (1u << SL_CM_CP1252) | (1u << SL_CM_CP1251) | (1u << SL_CM_CP1250) | \
     (1u << SL_CM_CP1253) | (1u << SL_CM_CP1254) | (1u << SL_CM_CP1257))

static void *charmap_make(sl_ctx *ctx)
{
    static const char *const loose_names[] = {"loose"};
    sl_charmap *cm = sl_xcalloc(1, sizeof(*cm));
    sl_ranges loose = {NULL, 0, 0, 0};
    int e, b;
    (void)ctx;
    /* continuations that stand for themselves (dashes, quotes, bullet,
     * ellipsis) are no strict clues */
    sl_ranges_load(&loose, "repair/clues", loose_names, 1);
    for (e = 0; e < SL_CM_N; e++) {
        iconv_t cd = iconv_open("UTF-32LE", cm_iconv[e]);
        int have = !cd_failed(cd);
        for (b = 0; b < 256; b++) {
            unsigned char byte = (unsigned char)b;
            uint32_t cp = 0;
            if (b < 0x80)
                cp = (uint32_t)b;
            else if (have)
                cp = iconv_one(cd, &byte, 1);
            else if (e == SL_CM_LATIN1)
                cp = (uint32_t)b;
            else if (e == SL_CM_CP1252)
                cp = b < 0xA0 ? cp1252_hi[b - 0x80] : (uint32_t)b;
            else
                cp = 0xFFFFFFFFu; /* code page unavailable */
            if (e == SL_CM_MACROMAN && b == 0xC6)
                cp = 0x2206;
            if (e == SL_CM_MACROMAN && b == 0xF0)
                cp = 0xF8FF;
            if (cp == 0 && b >= 0x80)
                cp = (1u << e) & SL_CM_SLOPPY ? (uint32_t)b : 0xFFFFFFFFu;
            if ((1u << e) & SL_CM_SLOPPY && b == 0x1A)
                cp = 0xFFFD;
            cm->dec[e][b] = cp;
        }
        if (have)
            iconv_close(cd);
    }
    for (e = 0; e < SL_CM_N; e++) {
        for (b = 0; b < 256; b++) {
            uint32_t cp = cm->dec[e][b];
            cm_entry *ent;
            if (cp == 0xFFFFFFFFu || cp < 0x80)
                continue;
            ent = cm_add(cm, cp);
            if (!(ent->mask & (1u << e))) {
                ent->mask |= (uint16_t)(1u << e);
                ent->byte[e] = (uint8_t)b;
            }
            if ((1u << e) & CLUE_PAGES) {
                if (b >= 0xC2 && b <= 0xDF)
                    ent->clue |= SL_CLUE_FIRST2;
                else if (b >= 0xE0 && b <= 0xEF)
                    ent->clue |= SL_CLUE_FIRST3;
                else if (b == 0xF0 || b == 0xF3)
                    ent->clue |= SL_CLUE_FIRST4;
                else if (b >= 0x80 && b <= 0xBF)
                    ent->clue |= sl_ranges_get(&loose, cp) ? SL_CLUE_CONT
                                                           : SL_CLUE_CONT | SL_CLUE_STRICT;
            }
        }
    }
    sl_ranges_free(&loose);
    return cm;
}

static void charmap_free(void *p)
{
    sl_charmap *cm = p;
    if (!cm)
        return;
    free(cm->ents);
    free(cm->high);
    free(cm);
}

const sl_charmap *sl_charmap_get(sl_ctx *ctx)
{
    return sl_ctx_resource(ctx, "repair.charmap", charmap_make, charmap_free);
}

uint32_t sl_charmap_decode(const sl_charmap *cm, int enc, unsigned char b)
{
    return cm->dec[enc][b];
}

unsigned sl_charmap_mask(const sl_charmap *cm, uint32_t cp)
{
    const cm_entry *e;
    if (cp < 0x80)
        return cp == 0x1A ? SL_CM_ALL & ~SL_CM_SLOPPY : SL_CM_ALL;
    e = cm_find(cm, cp);
    return e ? e->mask : 0;
}

int sl_charmap_encode(const sl_charmap *cm, int enc, uint32_t cp)
{
    const cm_entry *e;
    if (cp < 0x80)
        return cp == 0x1A && ((1u << enc) & SL_CM_SLOPPY) ? -1 : (int)cp;
    e = cm_find(cm, cp);
    return e && (e->mask & (1u << enc)) ? e->byte[enc] : -1;
}

unsigned sl_charmap_clues(const sl_charmap *cm, uint32_t cp)
{
    const cm_entry *e;
    if (cp < 0x80)
        return cp == ' ' ? SL_CLUE_CONT : 0;
    e = cm_find(cm, cp);
    return e ? e->clue : 0;
}

/* ------------------------------------------------------------------ GBK */

static void *gbk_make(sl_ctx *ctx)
{
    iconv_t gbk = iconv_open("UTF-32LE", "GBK");
    iconv_t gb18030 = iconv_open("UTF-32LE", "GB18030");
    sl_gbk *g;
    unsigned lead, trail;
    int k;
    (void)ctx;
    if (cd_failed(gbk) && cd_failed(gb18030))
        return NULL;
    g = sl_xcalloc(1, sizeof(*g));
    for (lead = 0x81; lead <= 0xFE; lead++) {
        for (trail = 0x40; trail <= 0xFE; trail++) {
            unsigned char pair[2];
            uint32_t cp;
            if (trail == 0x7F)
                continue;
            pair[0] = (unsigned char)lead;
            pair[1] = (unsigned char)trail;
            for (k = 0; k < 2; k++) {
                iconv_t cd = k ? gb18030 : gbk;
                if (cd_failed(cd))
                    continue;
                cp = iconv_one(cd, pair, 2);
                if (!cp)
                    continue;
                g->defined[(lead << 8 | trail) >> 3] |= (uint8_t)(1u << (trail & 7));
                if (cp >= 0x80 && cp < 0x10000 && !g->enc[cp])
                    g->enc[cp] = (uint16_t)(lead << 8 | trail);
            }
        }
    }
    if (!cd_failed(gbk))
        iconv_close(gbk);
    if (!cd_failed(gb18030))
        iconv_close(gb18030);
    return g;
}

const sl_gbk *sl_gbk_get(sl_ctx *ctx)
{
    return sl_ctx_resource(ctx, "repair.gbk", gbk_make, free);
}

unsigned sl_gbk_encode(const sl_gbk *g, uint32_t cp)
{
    return g && cp < 0x10000 ? g->enc[cp] : 0;
}

int sl_gbk_defined(const sl_gbk *g, unsigned lead, unsigned trail)
{
    unsigned v = (lead & 0xFF) << 8 | (trail & 0xFF);
    return g && (g->defined[v >> 3] >> (v & 7) & 1);
}
