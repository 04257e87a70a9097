/*
 * mojibake.c: undoing UTF-8 that was decoded with the wrong encoding (see
 * mojibake.h).
 *
 * Single-byte code pages follow ftfy's fix_encoding (ftfy/__init__.py and
 * ftfy/fixes.py, Robyn Speer), restated on arrays of code points:
 *   1. text without badness (badness.h) is left alone;
 *   2. for each code page able to encode the whole line, in a fixed order:
 *      encode; put back the 0xA0 bytes that some program turned into spaces
 *      (restore_a0); in sloppy code pages turn the traces of lossy decoding
 *      (U+FFFD as byte 0x1A, '?') into U+FFFD (replace_lossy); decode as
 *      UTF-8 allowing CESU-8 surrogate pairs; the first success wins;
 *   3. else fix each stretch that looks like UTF-8 read as a code page
 *      (lead-byte character + continuation characters) and has badness of
 *      its own, recursively (decode_inconsistent);
 *   4. else read Latin-1 as Windows-1252, or at least its C1 controls.
 * The steps repeat while they change the line, which undoes double and
 * triple encoding.  Each step is linear; recursion and repetition are
 * bounded (MAX_DEPTH, MAX_STEPS).
 *
 * GBK is storyline's own: see gbk_line() below.
 */
#include "text/mojibake.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/badness.h"
#include "text/charmap.h"
#include "text/ranges.h"
#include "util/mem.h"

#define MAX_STEPS 16 /* fix steps per line */
#define MAX_DEPTH 3  /* nesting of decode_inconsistent */
#define MAX_SEGMENT 256 /* GBK characters decoded from one start: bounds the work on
                         * a run that decodes far but reads implausibly */

typedef struct bytes {
    unsigned char *p;
    size_t n, cap;
} bytes;

typedef struct mj {
    sl_ctx *ctx;
    const sl_charmap *cm;
    const sl_badness *bd;
} mj;

static void bytes_push(bytes *b, unsigned char c)
{
    if (b->n >= b->cap)
        b->p = sl_xgrow(b->p, &b->cap, b->n + 1, 1);
    b->p[b->n++] = c;
}

static unsigned char byte_at(const bytes *b, size_t i)
{
    return i < b->n ? b->p[i] : 0;
}

/* ------------------------------------------------------------------ rules */

const char *sl_mojibake_rule(int rule)
{
    static const char *const pages[SL_CM_N] = {
        "mojibake-latin1", "mojibake-cp1252", "mojibake-cp1251", "mojibake-cp1250",
        "mojibake-cp1253", "mojibake-cp1254", "mojibake-cp1257", "mojibake-latin2",
        "mojibake-macroman", "mojibake-cp437"};
    if (rule >= 0 && rule < SL_CM_N)
        return pages[rule];
    switch (rule) {
    case SL_MOJI_MIXED: return "mojibake-mixed";
    case SL_MOJI_LATIN1_CP1252: return "latin1-as-cp1252";
    case SL_MOJI_C1: return "c1-controls";
    case SL_MOJI_GBK: return "mojibake-gbk";
    case SL_MOJI_GBK_LOSSY: return "mojibake-gbk-lossy";
    }
    return "mojibake";
}

const char *sl_mojibake_reason(int rule)
{
    static const char *const pages[SL_CM_N] = {
        "UTF-8 had been decoded as Latin-1",
        "UTF-8 had been decoded as Windows-1252",
        "UTF-8 had been decoded as Windows-1251",
        "UTF-8 had been decoded as Windows-1250",
        "UTF-8 had been decoded as Windows-1253",
        "UTF-8 had been decoded as Windows-1254",
        "UTF-8 had been decoded as Windows-1257",
        "UTF-8 had been decoded as ISO-8859-2",
        "UTF-8 had been decoded as MacRoman",
        "UTF-8 had been decoded as cp437"};
    if (rule >= 0 && rule < SL_CM_N)
        return pages[rule];
    switch (rule) {
    case SL_MOJI_MIXED: return "parts of the line were UTF-8 decoded as a single-byte code page";
    case SL_MOJI_LATIN1_CP1252: return "Latin-1 text was meant as Windows-1252";
    case SL_MOJI_C1: return "C1 control characters were Windows-1252 punctuation";
    case SL_MOJI_GBK: return "UTF-8 had been decoded as GBK";
    case SL_MOJI_GBK_LOSSY:
        return "UTF-8 had been decoded as GBK, losing a byte; the character was inferred from its context";
    }
    return "mojibake was undone";
}

/* ------------------------------------------------------------------ byte-level fixes */

/* Bytes that may follow a lead byte where a space stood for 0xA0 (ftfy
 * leaves out 0x85 and 0xA0 themselves). */
static int a0_cont(unsigned char c)
{
    return c >= 0x80 && c <= 0xBF && c != 0x85 && c != 0xA0;
}

static int cont_byte(unsigned char c)
{
    return c >= 0x80 && c <= 0xBF;
}

/* Length of the "UTF-8 with a space where 0xA0 belongs" sequence at b[i],
 * with *sp set to the offset of that space; 0 when there is none. */
static size_t altered_at(const bytes *b, size_t i, size_t *sp)
{
    unsigned char c = b->p[i], c1 = byte_at(b, i + 1), c2 = byte_at(b, i + 2),
                  c3 = byte_at(b, i + 3);
    if ((c == 0xC2 || c == 0xC3 || c == 0xC5 || c == 0xCE || c == 0xD0 || c == 0xD9) && c1 == ' ' &&
        i + 1 < b->n) {
        *sp = 1;
        return 2;
    }
    if ((c == 0xE2 || c == 0xE3) && c1 == ' ' && a0_cont(c2)) {
        *sp = 1;
        return 3;
    }
    if (c >= 0xE0 && c <= 0xE3 && a0_cont(c1) && c2 == ' ' && i + 2 < b->n) {
        *sp = 2;
        return 3;
    }
    if (c == 0xF0) {
        if (c1 == ' ' && cont_byte(c2) && cont_byte(c3)) {
            *sp = 1;
            return 4;
        }
        if (cont_byte(c1) && c2 == ' ' && cont_byte(c3)) {
            *sp = 2;
            return 4;
        }
        if (cont_byte(c1) && cont_byte(c2) && c3 == ' ' && i + 3 < b->n) {
            *sp = 3;
            return 4;
        }
    }
    return 0;
}

static int has_altered(const bytes *b)
{
    size_t i, sp;
    for (i = 0; i < b->n; i++)
        if (b->p[i] >= 0xC2 && altered_at(b, i, &sp))
            return 1;
    return 0;
}

static int starts_with(const bytes *b, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i + n <= b->n && memcmp(b->p + i, s, n) == 0;
}

/* Puts back 0xA0 bytes that became spaces (ftfy's restore_byte_a0).  First
 * "\xC3 " alone: it is usually the word "à" before a space ("Ã la mode"),
 * so the space is kept and 0xA0 inserted, except before the Portuguese
 * contractions às, àquele, àquela, àquilo. */
static void restore_a0(bytes *b)
{
    bytes o = {NULL, 0, 0};
    size_t i = 0, sp;
    while (i < b->n) {
        if (b->p[i] == 0xC3 && byte_at(b, i + 1) == ' ' && i + 1 < b->n &&
            !(i + 2 < b->n && b->p[i + 2] == ' ') && !starts_with(b, i + 2, "quele") &&
            !starts_with(b, i + 2, "quela") && !starts_with(b, i + 2, "quilo") &&
            !starts_with(b, i + 2, "s ")) {
            bytes_push(&o, 0xC3);
            bytes_push(&o, 0xA0);
            bytes_push(&o, ' ');
            i += 2;
            continue;
        }
        bytes_push(&o, b->p[i++]);
    }
    for (i = 0; i < o.n;) {
        size_t k = o.p[i] >= 0xC2 ? altered_at(&o, i, &sp) : 0;
        if (k) {
            o.p[i + sp] = 0xA0;
            i += k;
        } else {
            i++;
        }
    }
    free(b->p);
    *b = o;
}

static int lossy_mark(unsigned char c, int allow_q)
{
    return c == 0x1A || (allow_q && c == '?');
}

/* Length of a UTF-8 sequence at b[i] with lost bytes (0x1A, at most one
 * '?'), or 0 (ftfy's LOSSY_UTF8_RE). */
static size_t lossy_at(const bytes *b, size_t i)
{
    unsigned char c = b->p[i], c1 = byte_at(b, i + 1), c2 = byte_at(b, i + 2),
                  c3 = byte_at(b, i + 3), c4 = byte_at(b, i + 4), c5 = byte_at(b, i + 5);
#define LC(x) (lossy_mark((x), 0) || cont_byte(x)) /* lost or continuation */
    if (c >= 0xC2 && c <= 0xDF && c1 == 0x1A)
        return 2;
    if ((c == 0xC2 || c == 0xC3) && c1 == '?')
        return 2;
    if (c == 0xED && c1 >= 0xA0 && c1 <= 0xAF && c3 == 0xED && c4 >= 0xB0 && c4 <= 0xBF) {
        if (lossy_mark(c2, 1) && (lossy_mark(c5, 1) || cont_byte(c5)))
            return 6;
        if ((lossy_mark(c2, 1) || cont_byte(c2)) && lossy_mark(c5, 1))
            return 6;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (lossy_mark(c1, 1) && LC(c2))
            return 3;
        if (LC(c1) && lossy_mark(c2, 1))
            return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (lossy_mark(c1, 1) && LC(c2) && LC(c3))
            return 4;
        if (LC(c1) && lossy_mark(c2, 1) && LC(c3))
            return 4;
        if (LC(c1) && LC(c2) && lossy_mark(c3, 1))
            return 4;
    }
    if (c == 0x1A)
        return 1;
#undef LC
    return 0;
}

/* Replaces lossy sequences by the UTF-8 of U+FFFD (ftfy's
 * replace_lossy_sequences). */
static void replace_lossy(bytes *b)
{
    bytes o = {NULL, 0, 0};
    size_t i = 0;
    while (i < b->n) {
        size_t k = (b->p[i] >= 0xC2 || b->p[i] == 0x1A) ? lossy_at(b, i) : 0;
        if (k && i + k <= b->n) {
            bytes_push(&o, 0xEF);
            bytes_push(&o, 0xBF);
            bytes_push(&o, 0xBD);
            i += k;
        } else {
            bytes_push(&o, b->p[i++]);
        }
    }
    free(b->p);
    *b = o;
}

/* Decodes b as UTF-8 where CESU-8 surrogate pairs are allowed; 0 when b is
 * not that.  (Java's C0 80 for NUL is refused: a NUL has no place here.) */
static int decode_variants(const bytes *b, sl_cps *out)
{
    size_t i = 0;
    out->n = 0;
    sl_cps_reserve(out, b->n);
    while (i < b->n) {
        unsigned char c = b->p[i];
        uint32_t cp;
        int k;
        if (c < 0x80) {
            out->v[out->n++] = c;
            i++;
            continue;
        }
        if (c == 0xED && i + 5 < b->n && b->p[i + 1] >= 0xA0 && b->p[i + 1] <= 0xAF &&
            cont_byte(b->p[i + 2]) && b->p[i + 3] == 0xED && b->p[i + 4] >= 0xB0 &&
            b->p[i + 4] <= 0xBF && cont_byte(b->p[i + 5])) {
            uint32_t hi = 0xD000 | (uint32_t)(b->p[i + 1] & 0x3F) << 6 | (b->p[i + 2] & 0x3F);
            uint32_t lo = 0xD000 | (uint32_t)(b->p[i + 4] & 0x3F) << 6 | (b->p[i + 5] & 0x3F);
            out->v[out->n++] = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
            continue;
        }
        k = sl_utf8_decode(b->p + i, b->n - i, &cp);
        if (k < 0)
            return 0;
        out->v[out->n++] = cp;
        i += (size_t)k;
    }
    return 1;
}

/* ------------------------------------------------------------------ one step */

static void fix_loop(mj *m, sl_cps *line, int depth);

/* Whether encoding v with code page enc and decoding as UTF-8 works; the
 * result goes to out. */
static int try_codepage(mj *m, const uint32_t *v, size_t n, int enc, sl_cps *out)
{
    bytes b = {NULL, 0, 0};
    size_t i;
    int ok;
    b.p = sl_xmalloc(n + 1);
    b.cap = n + 1;
    for (i = 0; i < n; i++) {
        int c = sl_charmap_encode(m->cm, enc, v[i]);
        b.p[b.n++] = (unsigned char)(c < 0 ? '?' : c);
    }
    if (enc != SL_CM_MACROMAN && has_altered(&b))
        restore_a0(&b);
    if ((1u << enc) & SL_CM_SLOPPY)
        replace_lossy(&b);
    ok = decode_variants(&b, out);
    free(b.p);
    return ok;
}

static int clue_cont(const mj *m, uint32_t cp)
{
    return (sl_charmap_clues(m->cm, cp) & SL_CLUE_CONT) != 0;
}

/* End of the UTF-8-looking stretch starting at v[i] (i itself when there is
 * none): lead characters each followed by their continuation characters. */
static size_t utf8_run_end(const mj *m, const uint32_t *v, size_t n, size_t i)
{
    size_t k = i;
    while (k < n) {
        unsigned c = v[k] < 0x80 ? 0 : sl_charmap_clues(m->cm, v[k]);
        if ((c & SL_CLUE_FIRST2) && k + 1 < n && clue_cont(m, v[k + 1]))
            k += 2;
        else if ((c & SL_CLUE_FIRST3) && k + 2 < n && clue_cont(m, v[k + 1]) && clue_cont(m, v[k + 2]))
            k += 3;
        else if ((c & SL_CLUE_FIRST4) && k + 3 < n && clue_cont(m, v[k + 1]) &&
                 clue_cont(m, v[k + 2]) && clue_cont(m, v[k + 3]))
            k += 4;
        else
            break;
    }
    return k;
}

/* A stretch may start at i unless the character before it is a strict
 * continuation: fixing a few characters of a bigger garble makes it worse. */
static int run_may_start(const mj *m, const uint32_t *v, size_t i)
{
    return i == 0 || v[i - 1] < 0x80 || !(sl_charmap_clues(m->cm, v[i - 1]) & SL_CLUE_STRICT);
}

/* Fixes the UTF-8-looking stretches of v that have badness of their own
 * (ftfy's decode_inconsistent_utf8). */
static void decode_inconsistent(mj *m, const uint32_t *v, size_t n, sl_cps *out, int depth)
{
    size_t i = 0;
    out->n = 0;
    while (i < n) {
        size_t j;
        if (v[i] >= 0x80 && run_may_start(m, v, i) && (j = utf8_run_end(m, v, n, i)) > i) {
            if (j - i < n && sl_badness_any(m->bd, v + i, j - i)) {
                sl_cps sub = {NULL, 0, 0};
                sl_cps_append(&sub, v + i, j - i);
                fix_loop(m, &sub, depth + 1);
                sl_cps_append(out, sub.v, sub.n);
                sl_cps_free(&sub);
            } else {
                sl_cps_append(out, v + i, j - i);
            }
            i = j;
            continue;
        }
        sl_cps_push(out, v[i]);
        i++;
    }
}

/* One step of fixing v[0..n) into out; returns the rule applied, or -1 when
 * nothing changed. */
static int one_step(mj *m, const uint32_t *v, size_t n, sl_cps *out, int depth)
{
    unsigned mask = SL_CM_ALL;
    size_t i;
    int ascii = 1, has_c1 = 0, has_run = 0, e;
    out->n = 0;
    for (i = 0; i < n; i++) {
        if (v[i] >= 0x80) {
            ascii = 0;
            if (v[i] <= 0x9F)
                has_c1 = 1;
        }
    }
    if (ascii || !sl_badness_any(m->bd, v, n))
        return -1;
    for (i = 0; i < n && mask; i++)
        mask &= sl_charmap_mask(m->cm, v[i]);
    for (e = 0; e < SL_CM_N; e++) {
        if ((mask & (1u << e)) && try_codepage(m, v, n, e, out) &&
            !sl_cps_equal(out->v, out->n, v, n))
            return e;
    }
    for (i = 0; i < n && !has_run; i++)
        if (v[i] >= 0x80 && run_may_start(m, v, i) && utf8_run_end(m, v, n, i) > i)
            has_run = 1;
    if (has_run && depth <= MAX_DEPTH) {
        decode_inconsistent(m, v, n, out, depth);
        if (!sl_cps_equal(out->v, out->n, v, n))
            return SL_MOJI_MIXED;
    }
    if (!has_c1)
        return -1;
    out->n = 0;
    if (mask & (1u << SL_CM_LATIN1)) {
        /* every character is Latin-1: read its C1 controls as Windows-1252,
         * if that code page defines them all */
        int ok = 1;
        for (i = 0; i < n && ok; i++) {
            uint32_t c = v[i];
            if (c >= 0x80 && c <= 0x9F) {
                c = sl_charmap_decode(m->cm, SL_CM_CP1252, (unsigned char)c);
                ok = c != v[i];
            }
            sl_cps_push(out, c);
        }
        if (ok)
            return SL_MOJI_LATIN1_CP1252;
        out->n = 0;
    }
    for (i = 0; i < n; i++)
        sl_cps_push(out, v[i] >= 0x80 && v[i] <= 0x9F
                             ? sl_charmap_decode(m->cm, SL_CM_CP1252, (unsigned char)v[i])
                             : v[i]);
    return sl_cps_equal(out->v, out->n, v, n) ? -1 : SL_MOJI_C1;
}

/* ftfy's fix_encoding on line, in place, without logging. */
static void fix_loop(mj *m, sl_cps *line, int depth)
{
    sl_cps out = {NULL, 0, 0};
    int k;
    for (k = 0; k < MAX_STEPS; k++) {
        if (one_step(m, line->v, line->n, &out, depth) < 0)
            break;
        sl_cps_swap(line, &out);
    }
    sl_cps_free(&out);
}

/* ------------------------------------------------------------------ GBK
 *
 * UTF-8 decoded as GBK pairs up the bytes: the two first bytes of "’"
 * (E2 80) become 鈥, the third pairs with the next byte, often an ASCII
 * letter (99 73 = 檚 for "’s").  So each maximal run of two-byte GBK
 * characters is encoded back to GBK and decoded as UTF-8, from its start:
 * the longest prefix that decodes completely and reads plausibly replaces
 * its characters; else the first character is kept and the rest tried.
 *
 * GBK has no lead byte 0x80, so a UTF-8 continuation byte 0x80 that falls
 * at a lead position is always dropped ("”—" is E2 80 9D E2 [80] 94): it
 * is put back where decoding would otherwise fail.
 *
 * Where a third byte met a byte that cannot follow it in GBK (a space, a
 * digit, punctuation, the end of the text), the decoder dropped it: "鈥 "
 * is E2 80 and a lost byte.  A second pass (lossy) completes such runs:
 * after E2 80 the lost byte is inferred from the neighbours (infer_punct:
 * a dash between spaces, a closing quote after an opened one, an
 * apostrophe after a letter, an en dash between digits, a bullet starting
 * a line; before an ASCII letter only 0xA1-0xA7 leave a gap, so "…");
 * after E2 82 it is the euro sign, after E2 84 the trade mark sign, after
 * E2 96 at a line start "►"; other lost bytes become U+FFFD when the run
 * has other evidence.  A U+FFFD that a decoder wrote for the lost byte is
 * taken in.
 *
 * Plausible means: no controls, marks, unassigned or private characters,
 * and one of
 *  - punctuation or symbols (quotes, dashes, ™, €, arrows, emoji) among
 *    letters: GBK only fakes them with rare characters of row 0xE2;
 *  - Latin letters (or Latin-1 signs) inside or next to ASCII letters or
 *    digits ("caf茅" is "café"), with no capital right after a small letter
 *    and no sign glued to a letter;
 *  - a whole run of four or more Greek or Cyrillic letters, or three or
 *    more CJK characters (Cyrillic or Chinese UTF-8 read as GBK);
 *  - once the document has shown GBK mojibake, any whole run of Latin.
 * Anything next to an undecodable ideograph or kana needs the first kind:
 * real Chinese and Japanese text then surrounds it, and while it almost
 * never re-encodes to valid UTF-8 as a whole, single characters often do
 * (位 is CE BB, "λ").
 */

typedef struct u8dec {
    uint32_t cp;
    int need, len, nb;
    unsigned char b[4];
} u8dec;

/* Feeds one byte; returns 1 with *cp set when a character is complete, 0
 * when more bytes are needed, -1 when the bytes are not UTF-8. */
static int u8_feed(u8dec *d, unsigned char c, uint32_t *cp)
{
    if (d->need == 0) {
        if (c < 0x80) {
            *cp = c;
            return 1;
        }
        if (c < 0xC2 || c > 0xF4)
            return -1;
        d->len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        d->need = d->len - 1;
        d->cp = c & (c < 0xE0 ? 0x1Fu : c < 0xF0 ? 0x0Fu : 0x07u);
        d->b[0] = c;
        d->nb = 1;
        return 0;
    }
    if (!cont_byte(c))
        return -1;
    if (d->nb == 1 && ((d->b[0] == 0xE0 && c < 0xA0) || (d->b[0] == 0xED && c > 0x9F) ||
                       (d->b[0] == 0xF0 && c < 0x90) || (d->b[0] == 0xF4 && c > 0x8F)))
        return -1;
    d->cp = d->cp << 6 | (c & 0x3Fu);
    d->b[d->nb++] = c;
    if (--d->need == 0) {
        *cp = d->cp;
        return 1;
    }
    return 0;
}

static int ascii_alnum(uint32_t cp)
{
    return cp < 0x80 && ((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'));
}

/* The quotations open at a point of a line, innermost last: 'd' for “,
 * 's' for ‘ (or ’ used as an opening mark). */
#define QDEPTH 16
typedef struct qstack {
    unsigned char k[QDEPTH];
    int n;
} qstack;

/* The state of one GBK pass over a line. */
typedef struct gbkfix {
    const sl_gbk *g;
    const uint32_t *v; /* the line */
    size_t n;
    sl_cps *out;       /* the repaired line so far */
    sl_cps tmp;        /* what the current run decodes to */
    int lossy;         /* second pass: also complete runs that lost a byte */
    int relaxed;       /* GBK mojibake was seen: a lone letter may be repaired too */
    int en_dash;       /* the document spaces en dashes, not em dashes */
    int changed;
    size_t qpos;       /* out scanned for quotes up to here */
    qstack q;          /* quotations open in out */
    const sl_ranges *kinds; /* data/repair/decoded.txt */
    size_t bpos;       /* out scanned for blanks up to here */
    int blank;         /* out is white space only */
} gbkfix;

static int ascii_lower(uint32_t cp)
{
    return cp >= 'a' && cp <= 'z';
}

static int ascii_letter(uint32_t cp)
{
    return cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

/* Kinds of characters (data/repair/decoded.txt), in the order of the names
 * in kinds_make(). */
enum { K_STRONG = 1, K_LATIN = 2, K_SIGN = 4, K_UNIT = 8, K_GREEK = 16, K_CYRILLIC = 32,
       K_CJK = 64, K_NEUTRAL = 128, K_HANZI = 256 };

static void *kinds_make(sl_ctx *ctx)
{
    static const char *const names[] = {"strong", "latin", "sign",    "unit", "greek",
                                        "cyrillic", "cjk", "neutral", "hanzi"};
    sl_ranges *rs = sl_xcalloc(1, sizeof(*rs));
    (void)ctx;
    sl_ranges_load(rs, "repair/decoded", names, (int)(sizeof(names) / sizeof(names[0])));
    return rs;
}

static void kinds_free(void *p)
{
    if (p)
        sl_ranges_free(p);
    free(p);
}

static unsigned kind(const gbkfix *f, uint32_t cp)
{
    return cp < 0x80 ? 0 : sl_ranges_get(f->kinds, cp);
}

/* A letter that Latin mojibake may sit next to. */
static int gbk_letter(const gbkfix *f, uint32_t cp)
{
    return ascii_letter(cp) || (kind(f, cp) & K_LATIN);
}

/* Whether dec[0..dn), decoded from run characters that end before v[e], reads as
 * the text the author wrote (see above).  `lopen` says the segment starts
 * the run or follows a repaired segment, `ropen` that it ends the run (or
 * was cut at MAX_SEGMENT): else a real CJK character touches it. */
static int gbk_plausible(const gbkfix *f, size_t e, int lopen, int ropen, const uint32_t *dec,
                         size_t dn, int allow_fffd)
{
    size_t i, nonascii = 0, neutral = 0, nstrong = 0, nlatin = 0, nsign = 0, ngreek = 0, ncyr = 0,
              ncjk = 0;
    int cased = 1, glued = 0, inner_letter = 0, whole = lopen && ropen;
    uint32_t left = f->out->n ? f->out->v[f->out->n - 1] : 0, right = e < f->n ? f->v[e] : 0;
    uint32_t prev = left;
    for (i = 0; i < dn; prev = dec[i], i++) {
        uint32_t x = dec[i], next = i + 1 < dn ? dec[i + 1] : right;
        unsigned k;
        if (x < 0x80) {
            if (x < 0x20 || x == 0x7F)
                return 0;
            inner_letter |= ascii_letter(x);
            continue;
        }
        nonascii++;
        k = kind(f, x);
        if ((x == 0xFFFD && allow_fffd) || (k & K_NEUTRAL)) {
            neutral++;
            continue;
        }
        switch (utf8proc_category((utf8proc_int32_t)x)) {
        case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CC:
        case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CF:
            return 0;
        case UTF8PROC_CATEGORY_LU:
            if (ascii_lower(prev) || ((kind(f, prev) & K_LATIN) && utf8proc_islower((utf8proc_int32_t)prev)))
                cased = 0; /* a capital right after a small letter */
            break;
        default:
            break;
        }
        if (k & K_STRONG)
            nstrong++;
        else if (k & K_LATIN)
            nlatin++;
        else if (k & K_SIGN) {
            nsign++;
            if (!(k & K_UNIT) && (gbk_letter(f, prev) || gbk_letter(f, next)))
                glued = 1; /* a sign glued to a letter (but 25°C, km², µg) */
        } else if (k & K_GREEK)
            ngreek++;
        else if (k & K_CYRILLIC)
            ncyr++;
        else if (k & K_CJK)
            ncjk++;
        else
            return 0; /* anything else: not what UTF-8 text is made of */
    }
    if (!nonascii)
        return 0;
    if (nstrong && !ncjk)
        return 1; /* punctuation among letters */
    if (!lopen || !ropen || (kind(f, left) & K_HANZI) || (kind(f, right) & K_HANZI))
        return 0; /* inside real CJK text */
    if (neutral == nonascii) /* a soft hyphen or direction mark inside a word */
        return inner_letter || ascii_letter(left) || ascii_letter(right);
    if ((nlatin || nsign) && !ngreek && !ncyr && !ncjk) {
        if (!cased || glued)
            return 0;
        if (whole && f->relaxed)
            return 1;
        if (nlatin) /* letters inside or next to ASCII letters: caf茅 */
            return inner_letter || ascii_letter(left) || ascii_letter(right);
        return (left >= '0' && left <= '9') || (right >= '0' && right <= '9'); /* 拢5 */
    }
    if ((ngreek == 0) != (ncyr == 0) && !nlatin && !nsign && !ncjk)
        return whole && !ascii_letter(left) && !ascii_letter(right) &&
               ngreek + ncyr >= (f->relaxed ? 2u : 4u);
    return ncjk == nonascii && whole && nonascii >= 3;
}

/* Whether a quote mark after cp opens a quotation. */
static int opens(uint32_t cp)
{
    return cp == 0 || cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '(' || cp == '[' ||
           cp == '{' || cp == 0x2014 || cp == 0x2013;
}

static void q_open(qstack *q, unsigned char k)
{
    if (q->n == QDEPTH) {
        memmove(q->k, q->k + 1, QDEPTH - 1);
        q->n--;
    }
    q->k[q->n++] = k;
}

static void q_close(qstack *q, unsigned char k)
{
    int i;
    for (i = q->n; i-- > 0;) {
        if (q->k[i] == k) {
            q->n = i;
            return;
        }
    }
}

static int q_top(const qstack *q)
{
    return q->n ? q->k[q->n - 1] : 0;
}

/* Follows the quotations v[*pos..n) opens and closes (`before` is the
 * character before v[0]); ’ after a space opens a single-quoted one (’Cindy Brady’), between letters it is an
 * apostrophe, elsewhere it closes one (or is an apostrophe: the Koreas’). */
static void quotes_scan(const uint32_t *v, size_t n, size_t *pos, uint32_t before, qstack *q)
{
    for (; *pos < n; (*pos)++) {
        size_t i = *pos;
        switch (v[i]) {
        case 0x201C: q_open(q, 'd'); break;
        case 0x201D: q_close(q, 'd'); break;
        case 0x2018: q_open(q, 's'); break;
        case 0x2019:
            if (opens(i ? v[i - 1] : before))
                q_open(q, 's');
            else if (!(i + 1 < n && ascii_alnum(v[i + 1])) && q_top(q) == 's')
                q_close(q, 's');
            break;
        }
    }
}

/* 鈥 followed by a lost byte: the GBK form of E2 80 xx, xx dropped. */
static int lossy_punct_at(const uint32_t *v, size_t n, size_t i)
{
    return v[i] == 0x9225 && (i + 1 == n || v[i + 1] < 0x80 || v[i + 1] == 0xFFFD);
}

/* Whether a closing quote follows v[from..n) in the same sentence, before
 * any opening one: then the mark being inferred is an apostrophe
 * ("“Two Chicks Talkin’ Politics”"), not the closer. */
static int closer_ahead(const uint32_t *v, size_t n, size_t from)
{
    size_t i, lim = n - from > 120 ? from + 120 : n;
    for (i = from; i < lim; i++) {
        uint32_t c = v[i];
        if (c == 0x201D)
            return 1;
        if (c == 0x201C || (c == 0x9225 && !lossy_punct_at(v, n, i)))
            return 0;
        if (lossy_punct_at(v, n, i))
            return i > 0 && !opens(v[i - 1]);
        if (c == '.' || c == '!' || c == '?' || c == ';')
            return i + 1 < n && lossy_punct_at(v, n, i + 1);
    }
    return 0;
}

/* The general punctuation character (U+2000-U+203F) whose last UTF-8 byte
 * was lost between `left` and `right` (0: line start or end), where the
 * right neighbour is a space, digit or punctuation (it could not pair with
 * the lost byte); `top` is the innermost open quotation, `ahead` says a
 * closing quote comes later, `en_dash` that the text spaces en dashes (as
 * British papers do) rather than em dashes (as most American ones do). */
static uint32_t infer_punct(uint32_t left, uint32_t right, int top, int ahead, int en_dash)
{
    int rsp = right == 0 || right == ' ' || right == '\t';
    int rdigit = right >= '0' && right <= '9';
    if (opens(left) && rsp)
        return en_dash ? 0x2013 : 0x2014; /* a dash between spaces */
    if (opens(left))
        return 0x201C; /* an opening quote */
    if (left == 0x2019 && top == 'd')
        return 0x201D; /* ‘I win.’” */
    if (left == 0x2019 || left == 0x201D)
        return 0x2014; /* no quote closes twice: trade’— ruin */
    if (rdigit && ascii_alnum(left))
        return 0x2013; /* 1950–53 */
    if (left == '.' || left == ',' || left == '!' || left == '?')
        return top == 's' ? 0x2019 : 0x201D;
    if (top == 'd' && !ahead)
        return 0x201D;
    if (top == 's')
        return 0x2019;
    if (left < 0x80 && ((left | 0x20) >= 'a' && (left | 0x20) <= 'z'))
        return 0x2019; /* Talkin’, the Koreas’ */
    return 0x201D;
}

/* The character whose last UTF-8 byte (or last two, 0x80 and another) the
 * GBK decoder dropped at the end of a run: d holds the bytes before, left
 * and right are its neighbours, `after` indexes the right one; 0 when no
 * byte could have been dropped there. */
static uint32_t infer_lost(gbkfix *f, const u8dec *d, uint32_t left, uint32_t right, size_t after)
{
    /* a letter after the lost byte means the two formed a pair that GBK
     * does not define: only bytes 0xA1-0xA7 (… • ‡) do that */
    int letter_right = right >= 0x40 && right < 0x7F;
    unsigned char b1 = d->need == 2 ? 0x80 : d->b[1];
    uint32_t c = 0xFFFD;
    for (; f->bpos < f->out->n; f->bpos++)
        if (f->out->v[f->bpos] != ' ' && f->out->v[f->bpos] != '\t')
            f->blank = 0;
    if (d->len == 3 && d->b[0] == 0xE2 && b1 == 0x80) {
        qstack q;
        size_t pos = 0;
        if (f->blank && !f->tmp.n && (letter_right || right == ' ' || right == '\t'))
            return 0x2022; /* a bulleted line */
        if (letter_right)
            return 0x2026; /* mission…Compare */
        quotes_scan(f->out->v, f->out->n, &f->qpos, 0, &f->q);
        q = f->q;
        /* the run decoded so far */
        quotes_scan(f->tmp.v, f->tmp.n, &pos, f->out->n ? f->out->v[f->out->n - 1] : 0, &q);
        return infer_punct(left, right, q_top(&q), closer_ahead(f->v, f->n, after), f->en_dash);
    }
    if (d->len == 3 && d->b[0] == 0xE2 && b1 == 0x82)
        c = 0x20AC; /* € */
    else if (d->len == 3 && d->b[0] == 0xE2 && b1 == 0x84)
        c = 0x2122; /* ™ */
    else if (d->len == 3 && d->b[0] == 0xE2 && b1 == 0x96 && f->blank && !f->tmp.n)
        c = 0x25BA; /* ► starting a line */
    if (letter_right && (c == 0xFFFD || sl_gbk_defined(f->g, 0x80 | (c & 0x3F), right)))
        return 0;
    return c;
}

/* Feeds the two bytes of a GBK character (after a lost 0x80 when
 * `lost80`); 0 when they do not continue valid UTF-8. */
static int feed_pair(u8dec *d, unsigned pair, int lost80, sl_cps *tmp)
{
    unsigned char b[3];
    int i, nb = 0;
    if (lost80)
        b[nb++] = 0x80;
    b[nb++] = (unsigned char)(pair >> 8);
    b[nb++] = (unsigned char)(pair & 0xFF);
    for (i = 0; i < nb; i++) {
        uint32_t cp;
        int rc = u8_feed(d, b[i], &cp);
        if (rc < 0)
            return 0;
        if (rc)
            sl_cps_push(tmp, cp);
    }
    return 1;
}

/* Completes a run whose decoding ended with bytes missing (d), in the lossy
 * pass; returns 1 (and how many characters after the run it consumed) when
 * it did. */
static int gbk_tail(gbkfix *f, const u8dec *d, size_t s, size_t re, int lopen, size_t *skip)
{
    const uint32_t *v = f->v;
    uint32_t right = re < f->n ? v[re] : 0, left, lost;
    size_t k;
    *skip = right == 0xFFFD ? 1 : 0;
    if (*skip)
        right = re + 1 < f->n ? v[re + 1] : 0;
    left = f->tmp.n ? f->tmp.v[f->tmp.n - 1] : f->out->n ? f->out->v[f->out->n - 1] : 0;
    if (!(d->need == 1 || (d->need == 2 && d->b[0] == 0xE2)) || (right >= 0x80) ||
        (kind(f, left) & K_HANZI))
        return 0;
    lost = infer_lost(f, d, left, right, re + *skip);
    if (!lost)
        return 0;
    /* U+FFFD only where the rest of the run proves the mojibake */
    for (k = 0; lost == 0xFFFD && k < f->tmp.n && !(kind(f, f->tmp.v[k]) & K_STRONG); k++)
        ;
    if (lost == 0xFFFD && k == f->tmp.n)
        return 0;
    sl_cps_push(&f->tmp, lost);
    if (!gbk_plausible(f, re, lopen, 1, f->tmp.v, f->tmp.n, lost == 0xFFFD)) {
        f->tmp.n--;
        return 0;
    }
    sl_cps_append(f->out, f->tmp.v, f->tmp.n);
    f->changed = 1;
    return 1;
}

/* Repairs the run v[rs..re) into out; returns how many characters after
 * the run it consumed (a U+FFFD standing for the lost byte).
 *
 * The work is bounded: a segment is decoded at most MAX_SEGMENT characters
 * far, with at most two lost 0x80 bytes put back, and after a character
 * that stays as it is (real CJK text) only characters whose GBK form
 * starts like UTF-8 punctuation or emoji (0xE2, 0xF0) are tried as starts,
 * the only kind gbk_plausible would accept there. */
static size_t gbk_run(gbkfix *f, size_t rs, size_t re)
{
    size_t s = rs;
    int prev_fixed = 0; /* v[s - 1] was part of a repaired segment */
    while (s < re) {
        u8dec d;
        size_t k, ends[4], dns[4], skip;
        int nends = 0, bad = 0, t, accepted = 0, lost80 = 0, lopen = s == rs || prev_fixed;
        unsigned lead = sl_gbk_encode(f->g, f->v[s]) >> 8;
        if (!lopen && lead != 0xE2 && lead != 0xF0) {
            sl_cps_push(f->out, f->v[s]);
            s++;
            continue;
        }
        memset(&d, 0, sizeof(d));
        f->tmp.n = 0;
        for (k = s; k < re && k - s < MAX_SEGMENT && !bad; k++) {
            unsigned pair = sl_gbk_encode(f->g, f->v[k]);
            u8dec saved = d;
            size_t saved_n = f->tmp.n;
            if (!feed_pair(&d, pair, 0, &f->tmp)) {
                /* GBK has no lead byte 0x80: a continuation byte 0x80 that
                 * fell at a lead position was dropped.  Put it back. */
                d = saved;
                f->tmp.n = saved_n;
                if (!saved.need || lost80 == 2 || !feed_pair(&d, pair, 1, &f->tmp))
                    bad = 1;
                lost80++;
            }
            if (!bad && d.need == 0) {
                ends[nends % 4] = k + 1;
                dns[nends % 4] = f->tmp.n;
                nends++;
            }
        }
        if (f->lossy && !bad && k == re && d.need && gbk_tail(f, &d, s, re, lopen, &skip))
            return skip;
        /* the longest complete prefix that reads plausibly (of the last 4) */
        for (t = 0; t < nends && t < 4 && !accepted; t++) {
            int slot = (nends - 1 - t) % 4;
            if (gbk_plausible(f, ends[slot], lopen, ends[slot] == re || ends[slot] - s >= MAX_SEGMENT,
                              f->tmp.v, dns[slot], 0)) {
                sl_cps_append(f->out, f->tmp.v, dns[slot]);
                s = ends[slot];
                f->changed = 1;
                accepted = 1;
            }
        }
        prev_fixed = accepted;
        if (!accepted) {
            sl_cps_push(f->out, f->v[s]);
            s++;
        }
    }
    return 0;
}

/* One GBK pass over a line into out; returns whether it changed anything. */
static int gbk_line(sl_ctx *ctx, const sl_gbk *g, const uint32_t *v, size_t n, sl_cps *out,
                    int lossy, int relaxed, int en_dash)
{
    gbkfix f;
    size_t i = 0;
    memset(&f, 0, sizeof(f));
    f.g = g;
    f.v = v;
    f.n = n;
    f.out = out;
    f.lossy = lossy;
    f.relaxed = relaxed;
    f.en_dash = en_dash;
    f.kinds = sl_ctx_resource(ctx, "repair.decoded", kinds_make, kinds_free);
    f.blank = 1;
    out->n = 0;
    while (i < n) {
        size_t r;
        if (v[i] < 0x80 || !sl_gbk_encode(g, v[i])) {
            sl_cps_push(out, v[i]);
            i++;
            continue;
        }
        for (r = i; r < n && v[r] >= 0x80 && sl_gbk_encode(g, v[r]); r++)
            ;
        i = r + gbk_run(&f, i, r);
        f.relaxed |= f.changed;
    }
    sl_cps_free(&f.tmp);
    return f.changed;
}

static int has_ideograph(const uint32_t *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (v[i] >= 0x4E00 && v[i] <= 0x9FFF)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ entry */

/* Counts the en and em dashes that stand between spaces in v. */
static void count_dashes(const uint32_t *v, size_t n, sl_mojibake_doc *doc)
{
    size_t i;
    if (!doc)
        return;
    for (i = 1; i + 1 < n; i++) {
        if ((v[i] == 0x2013 || v[i] == 0x2014) && v[i - 1] == ' ' && v[i + 1] == ' ') {
            doc->en_dashes += v[i] == 0x2013;
            doc->em_dashes += v[i] == 0x2014;
        }
    }
}

int sl_mojibake_fix(sl_ctx *ctx, sl_cps *line, sl_mojibake_doc *doc, sl_mojibake_log_fn fn,
                    void *user)
{
    mj m;
    sl_cps out = {NULL, 0, 0};
    const sl_gbk *g;
    int k, rule, changed = 0, gbk_seen = doc && doc->gbk;
    m.ctx = ctx;
    m.cm = sl_charmap_get(ctx);
    m.bd = sl_badness_get(ctx);
    g = has_ideograph(line->v, line->n) ? sl_gbk_get(ctx) : NULL;
    for (k = g ? 0 : 1; k < 2; k++) {
        /* pass 0 decodes whole characters; pass 1 infers lost bytes, with
         * the dashes of the text so far as evidence of its style */
        if (k)
            count_dashes(line->v, line->n, doc);
        if (g && has_ideograph(line->v, line->n) &&
            gbk_line(ctx, g, line->v, line->n, &out, k, gbk_seen, doc && doc->en_dashes > doc->em_dashes)) {
            if (fn)
                fn(user, k ? SL_MOJI_GBK_LOSSY : SL_MOJI_GBK, line->v, line->n, out.v, out.n);
            sl_cps_swap(line, &out);
            gbk_seen = 1;
            changed = 1;
            if (doc)
                doc->gbk = 1;
        }
    }
    for (k = 0; k < MAX_STEPS; k++) {
        rule = one_step(&m, line->v, line->n, &out, 0);
        if (rule < 0)
            break;
        if (fn)
            fn(user, rule, line->v, line->n, out.v, out.n);
        sl_cps_swap(line, &out);
        changed = 1;
    }
    sl_cps_free(&out);
    return changed;
}
