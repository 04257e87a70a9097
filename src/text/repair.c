/*
 * repair.c: byte decoding and text repair (see repair.h).
 *
 * sl_repair_text works line by line (ftfy's fix_text does too: mojibake
 * rarely crosses a line, and lines bound the work).  A line of printable
 * ASCII without '&' is copied as it is; any other line is decoded into code
 * points and goes through these steps, each logged where it changed
 * something:
 *   1. HTML character references (entities.h), unless SL_REPAIR_NO_ENTITIES
 *      or the text looks like markup ('<' before a letter, '/', '!' or '?':
 *      decoding "&lt;b&gt;" there would forge tags);
 *   2. mojibake (mojibake.h), the only step under SL_REPAIR_ENCODING_ONLY;
 *   3. control characters: C0 controls other than tab, DEL, leftover C1
 *      controls and terminal escape sequences are removed; vertical tab and
 *      form feed become a space, as does a CR inside a line (one before the
 *      line's '\n' is removed);
 *   4. invisible characters: soft hyphen, zero-width space, word joiner,
 *      BOM/ZWNBSP, the deprecated format controls U+206A-U+206F,
 *      interlinear annotation marks, the object replacement character and
 *      noncharacters are removed.  Joiners (ZWJ, ZWNJ) and bidirectional
 *      controls are kept: emoji and right-to-left text need them;
 *   5. odd spaces: line and paragraph separators (U+2028, U+2029; they
 *      become a space, since repair never adds a line break), the typographic
 *      spaces U+2000-U+200A, U+205F and the Ogham space mark become a plain
 *      space.  No-break spaces (U+00A0, U+202F) and the ideographic space
 *      stay: they carry meaning;
 *   6. Unicode NFC (utf8proc), only where a character could change.
 * Lines longer than SL_REPAIR_CHUNK bytes are repaired in pieces.
 */
#include "text/repair.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/cps.h"
#include "text/entities.h"
#include "text/mojibake.h"
#include "util/utf8.h"

#define SL_REPAIR_CHUNK ((size_t)1 << 20) /* bytes of one line repaired at once */
#define LOG_CONTEXT 30                      /* characters of word context in the log */
#define LOG_MAX 160                         /* characters of one logged text */
#define LOG_BYTES 480                       /* bytes of one logged decoded line */
#define SYNC_WINDOW 64                      /* how far the log's diff looks to resync */
#define SYNC_LEN 3                          /* equal characters that resync it */

/* cp1252's 0x80-0x9F; the five bytes it leaves undefined map to the C1
 * control of the same value, as Latin-1 does (WHATWG's decoder agrees). */
static const unsigned short cp1252_hi[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static unsigned cp1252_to_cp(unsigned char c)
{
    return c >= 0x80 && c < 0xA0 ? cp1252_hi[c - 0x80] : c;
}

/* ------------------------------------------------------------------ decoding */

/* The code point of a CESU-8 surrogate pair (Java's "modified UTF-8") at
 * s[0..n), or 0. */
static uint32_t cesu_pair(const unsigned char *s, size_t n)
{
    uint32_t hi, lo;
    if (n < 6 || s[0] != 0xED || s[1] < 0xA0 || s[1] > 0xAF || (s[2] & 0xC0) != 0x80 ||
        s[3] != 0xED || s[4] < 0xB0 || s[4] > 0xBF || (s[5] & 0xC0) != 0x80)
        return 0;
    hi = 0xD000 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    lo = 0xD000 | (uint32_t)(s[4] & 0x3F) << 6 | (s[5] & 0x3F);
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

/* Logs a line that needed cp1252 decoding; a long one is cut to LOG_BYTES
 * bytes around its first such byte, at offset `bad`. */
static void log_decoded_line(sl_editlog *log, size_t line, const char *s, size_t n, size_t bad)
{
    char tmp[LOG_BYTES + 8];
    if (n > LOG_BYTES) {
        size_t a = bad > LOG_BYTES / 3 ? sl_utf8_back(s, bad - LOG_BYTES / 3) : 0, k = 0, e;
        e = a + LOG_BYTES < n ? sl_utf8_back(s, a + LOG_BYTES) : n;
        if (a) {
            memcpy(tmp, "\xE2\x80\xA6", 3);
            k = 3;
        }
        memcpy(tmp + k, s + a, e - a);
        k += e - a;
        if (e < n) {
            memcpy(tmp + k, "\xE2\x80\xA6", 3);
            k += 3;
        }
        s = tmp;
        n = k;
    }
    sl_editlog_add(log, SL_EDIT_REPAIR, "invalid-utf8", "bytes that are not UTF-8 were decoded as cp1252",
                   line, NULL, 0, s, n);
}

/* Decoding goes line by line: valid stretches are copied in one piece, a
 * surrogate pair in CESU-8 becomes its character, any other byte that is
 * not UTF-8 is read as cp1252. */
void sl_decode_input(const char *in, size_t len, sl_buf *out, sl_editlog *log)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, line = 1;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    sl_buf_grow(out, len - i);
    while (i < len) {
        size_t line_start = out->len, bad = 0, first_bad = 0, e = i;
        while (e < len && s[e] != '\n' && s[e] != '\r')
            e++;
        while (i < e) {
            size_t a = i;
            while (i < e && s[i] < 0x80)
                i++;
            while (i < e && s[i] >= 0x80) {
                uint32_t cp;
                int k = sl_utf8_decode(s + i, e - i, &cp);
                if (k < 0)
                    break;
                i += (size_t)k;
            }
            if (i > a)
                sl_buf_put(out, in + a, i - a);
            if (i < e && s[i] >= 0x80) {
                uint32_t cp = cesu_pair(s + i, e - i);
                if (!bad)
                    first_bad = out->len - line_start;
                if (cp) {
                    sl_buf_put_cp(out, cp);
                    i += 6;
                } else {
                    sl_buf_put_cp(out, cp1252_to_cp(s[i]));
                    i++;
                }
                bad++;
            }
        }
        if (bad && log)
            log_decoded_line(log, line, out->ptr + line_start, out->len - line_start, first_bad);
        if (e < len) {
            sl_buf_putc(out, '\n');
            i = e + 1 + (s[e] == '\r' && e + 1 < len && s[e + 1] == '\n');
            line++;
        }
    }
    sl_buf_put(out, "", 0); /* terminated even when empty */
}

/* ------------------------------------------------------------------ the edit log */

typedef struct rp {
    sl_ctx *ctx;
    unsigned flags;
    sl_editlog *log;
    size_t line;      /* 1-based line being repaired */
    int entities;     /* decode character references */
    sl_mojibake_doc moji; /* evidence carried from line to line */
    sl_cps cur, tmp;  /* the line and a scratch copy */
    sl_buf b1, b2;    /* log scratch */
} rp;

typedef struct span {
    size_t ai, ae, bi, be; /* a[ai..ae) became b[bi..be) */
} span;

static int log_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000;
}

static void put_logged(sl_buf *b, const uint32_t *v, size_t n)
{
    b->len = 0;
    if (n > LOG_MAX) {
        sl_cps_to_utf8(v, LOG_MAX, b);
        sl_buf_puts(b, "\xE2\x80\xA6");
    } else {
        sl_cps_to_utf8(v, n, b);
    }
    if (!b->ptr)
        sl_buf_put(b, "", 0);
}

/* Logs what changed from a[0..an) to b[0..bn) as one edit per changed spot,
 * each widened to whole words.  The spots are found by walking both texts
 * and, at a difference, looking for the nearest place where SYNC_LEN
 * characters agree again: repairs change short stretches and keep the rest. */
static void log_change(rp *st, const char *rule, const char *reason, const uint32_t *a, size_t an,
                       const uint32_t *b, size_t bn)
{
    span *sp = NULL;
    size_t nsp = 0, csp = 0, i = 0, j = 0, pre = 0, suf = 0, k;
    if (!st->log || sl_cps_equal(a, an, b, bn))
        return;
    if (st->log->max && st->log->n >= st->log->max) {
        st->log->dropped++; /* full: spare the diff */
        return;
    }
    while (pre < an && pre < bn && a[pre] == b[pre])
        pre++;
    while (suf < an - pre && suf < bn - pre && a[an - 1 - suf] == b[bn - 1 - suf])
        suf++;
    i = j = pre;
    while (i < an - suf || j < bn - suf) {
        size_t d, ii = 0, jj = 0, ae = an - suf, be = bn - suf;
        int found = 0;
        span s;
        if (i < ae && j < be && a[i] == b[j]) {
            i++;
            j++;
            continue;
        }
        for (d = 1; d <= 2 * SYNC_WINDOW && !found; d++) {
            size_t di;
            for (di = 0; di <= d && !found; di++) {
                size_t dj = d - di;
                if (di > SYNC_WINDOW || dj > SYNC_WINDOW)
                    continue;
                ii = i + di;
                jj = j + dj;
                if (ii > ae || jj > be)
                    continue;
                if (ii == ae && jj == be)
                    found = 1;
                else if (ii + SYNC_LEN <= ae && jj + SYNC_LEN <= be &&
                         memcmp(a + ii, b + jj, SYNC_LEN * sizeof(*a)) == 0)
                    found = 1;
            }
        }
        if (!found) {
            ii = ae;
            jj = be;
        }
        s.ai = i;
        s.ae = ii;
        s.bi = j;
        s.be = jj;
        SL_PUSH(sp, nsp, csp, s);
        i = ii;
        j = jj;
    }
    /* widen to words, merging spots that meet */
    for (k = 0; k < nsp; k++) {
        size_t lo = k ? sp[k - 1].ae : 0, hi = k + 1 < nsp ? sp[k + 1].ai : an, c;
        for (c = 0; c < LOG_CONTEXT && sp[k].ai > lo && !log_space(a[sp[k].ai - 1]); c++) {
            sp[k].ai--;
            sp[k].bi--;
        }
        for (c = 0; c < LOG_CONTEXT && sp[k].ae < hi && !log_space(a[sp[k].ae]); c++) {
            sp[k].ae++;
            sp[k].be++;
        }
    }
    for (k = 0; k < nsp; k++) {
        span s = sp[k];
        while (k + 1 < nsp && sp[k + 1].ai <= s.ae) {
            s.ae = sp[k + 1].ae;
            s.be = sp[k + 1].be;
            k++;
        }
        put_logged(&st->b1, a + s.ai, s.ae - s.ai);
        put_logged(&st->b2, b + s.bi, s.be - s.bi);
        sl_editlog_add(st->log, SL_EDIT_REPAIR, rule, reason, st->line, st->b1.ptr, st->b1.len,
                       st->b2.ptr, st->b2.len);
    }
    free(sp);
}

static void log_mojibake(void *user, int rule, const uint32_t *before, size_t bn,
                         const uint32_t *after, size_t an)
{
    log_change(user, sl_mojibake_rule(rule), sl_mojibake_reason(rule), before, bn, after, an);
}

/* ------------------------------------------------------------------ clean-up steps */

enum { K_KEEP, K_DROP, K_SPACE };

/* What step 3 does with cp (K_KEEP, K_DROP or K_SPACE); `last` says cp
 * ends the line. */
static int control_action(uint32_t cp, int last)
{
    if (cp == '\t')
        return K_KEEP;
    if (cp == '\r')
        return last ? K_DROP : K_SPACE;
    if (cp == 0x0B || cp == 0x0C)
        return K_SPACE;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
        return K_DROP;
    return K_KEEP;
}

static int invisible(uint32_t cp)
{
    return cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF ||
           (cp >= 0x206A && cp <= 0x206F) || (cp >= 0xFFF9 && cp <= 0xFFFC) ||
           (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

static int odd_space(uint32_t cp)
{
    return cp == 0x2028 || cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x205F ||
           cp == 0x1680;
}

/* Step 3 into out; terminal escapes (ESC [ parameters letter) go whole. */
static void drop_controls(const uint32_t *v, size_t n, sl_cps *out)
{
    size_t i = 0;
    out->n = 0;
    while (i < n) {
        int act;
        if (v[i] == 0x1B && i + 1 < n && v[i + 1] == '[') {
            size_t k = i + 2;
            while (k < n && ((v[k] >= '0' && v[k] <= '9') || v[k] == ';'))
                k++;
            if (k < n && ((v[k] | 0x20) >= 'a' && (v[k] | 0x20) <= 'z')) {
                i = k + 1;
                continue;
            }
        }
        act = control_action(v[i], i + 1 == n);
        if (act == K_KEEP)
            sl_cps_push(out, v[i]);
        else if (act == K_SPACE)
            sl_cps_push(out, ' ');
        i++;
    }
}

/* Whether NFC could change a text that contains cp (below U+0300 nothing
 * composes or decomposes on its own). */
static int nfc_sensitive(uint32_t cp)
{
    const utf8proc_property_t *p;
    if (cp < 0x300)
        return 0;
    if (cp >= 0x1100 && cp <= 0x11FF)
        return 1; /* Hangul jamo compose */
    p = utf8proc_get_property((utf8proc_int32_t)cp);
    if (p->combining_class != 0 || p->comp_exclusion)
        return 1;
    if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0)
        return 1; /* canonical decomposition: a singleton, or precomposed */
    switch (p->category) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return 1;
    default:
        return 0;
    }
}

static int nfc(const uint32_t *v, size_t n, sl_cps *out, sl_buf *scratch)
{
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t k;
    size_t i = 0;
    scratch->len = 0;
    sl_cps_to_utf8(v, n, scratch);
    k = utf8proc_map((const utf8proc_uint8_t *)(scratch->ptr ? scratch->ptr : ""),
                     (utf8proc_ssize_t)scratch->len, &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k < 0) {
        free(dst);
        return 0;
    }
    out->n = 0;
    while (i < (size_t)k) {
        uint32_t cp;
        int m = sl_utf8_decode(dst + i, (size_t)k - i, &cp);
        if (m < 0) {
            free(dst);
            return 0;
        }
        sl_cps_push(out, cp);
        i += (size_t)m;
    }
    free(dst);
    return 1;
}

/* ------------------------------------------------------------------ lines */

/* Repairs one line (or piece of one) s[0..n) into out. */
static void repair_line(rp *st, const char *s, size_t n, sl_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i;
    int changed = 0, invalid = 0, amp = 0, nonascii = 0, ctrl = 0, invis = 0, space = 0,
        nfc_need = 0;
    /* the fast path: printable ASCII (and tabs), no '&' to decode */
    for (i = 0; i < n; i++) {
        unsigned char c = u[i];
        if (c >= 0x7F || (c < 0x20 && c != '\t') || (c == '&' && st->entities))
            break;
    }
    if (i == n) {
        sl_buf_put(out, s, n);
        return;
    }
    st->cur.n = 0;
    sl_cps_reserve(&st->cur, n);
    for (i = 0; i < n;) {
        uint32_t cp;
        int k = sl_utf8_decode(u + i, n - i, &cp);
        if (k < 0) {
            cp = cp1252_to_cp(u[i]);
            k = 1;
            invalid = 1;
        }
        amp |= cp == '&';
        st->cur.v[st->cur.n++] = cp;
        i += (size_t)k;
    }
    if (invalid) {
        /* the caller broke the contract; decode as sl_decode_input would */
        sl_buf_clear(&st->b1);
        changed = 1;
        if (st->log) {
            sl_cps_to_utf8(st->cur.v, st->cur.n, &st->b1);
            sl_editlog_add(st->log, SL_EDIT_REPAIR, "invalid-utf8",
                           "bytes that are not UTF-8 were decoded as cp1252", st->line, NULL, 0,
                           st->b1.ptr, st->b1.len);
        }
    }
    if (amp && st->entities && sl_entities_decode(st->ctx, st->cur.v, st->cur.n, &st->tmp)) {
        log_change(st, "html-entity", "HTML character references were decoded", st->cur.v,
                   st->cur.n, st->tmp.v, st->tmp.n);
        sl_cps_swap(&st->cur, &st->tmp);
        changed = 1;
    }
    for (i = 0; i < st->cur.n && !nonascii; i++)
        nonascii = st->cur.v[i] >= 0x80;
    if (nonascii && sl_mojibake_fix(st->ctx, &st->cur, &st->moji, log_mojibake, st))
        changed = 1;
    if (!(st->flags & SL_REPAIR_ENCODING_ONLY)) {
        for (i = 0; i < st->cur.n; i++) {
            uint32_t c = st->cur.v[i];
            if (c < 0x80) {
                if (c < 0x20 || c == 0x7F)
                    ctrl |= c != '\t';
                continue;
            }
            if (c <= 0x9F)
                ctrl = 1;
            else if (invisible(c))
                invis = 1;
            else if (odd_space(c))
                space = 1;
            else if (!nfc_need && nfc_sensitive(c))
                nfc_need = 1;
        }
        if (ctrl) {
            drop_controls(st->cur.v, st->cur.n, &st->tmp);
            log_change(st, "control-char", "control characters were removed", st->cur.v, st->cur.n,
                       st->tmp.v, st->tmp.n);
            sl_cps_swap(&st->cur, &st->tmp);
            changed = 1;
        }
        if (invis) {
            st->tmp.n = 0;
            for (i = 0; i < st->cur.n; i++)
                if (!invisible(st->cur.v[i]))
                    sl_cps_push(&st->tmp, st->cur.v[i]);
            log_change(st, "invisible-char",
                       "invisible characters (soft hyphen, zero-width space, BOM) were removed",
                       st->cur.v, st->cur.n, st->tmp.v, st->tmp.n);
            sl_cps_swap(&st->cur, &st->tmp);
            changed = 1;
        }
        if (space) {
            st->tmp.n = 0;
            for (i = 0; i < st->cur.n; i++)
                sl_cps_push(&st->tmp, odd_space(st->cur.v[i]) ? ' ' : st->cur.v[i]);
            log_change(st, "odd-space", "line separators and typographic spaces became plain spaces",
                       st->cur.v, st->cur.n, st->tmp.v, st->tmp.n);
            sl_cps_swap(&st->cur, &st->tmp);
            changed = 1;
        }
        if (nfc_need && nfc(st->cur.v, st->cur.n, &st->tmp, &st->b1) &&
            !sl_cps_equal(st->cur.v, st->cur.n, st->tmp.v, st->tmp.n)) {
            log_change(st, "nfc", "characters were composed to Unicode NFC", st->cur.v, st->cur.n,
                       st->tmp.v, st->tmp.n);
            sl_cps_swap(&st->cur, &st->tmp);
            changed = 1;
        }
    }
    if (changed)
        sl_cps_to_utf8(st->cur.v, st->cur.n, out);
    else
        sl_buf_put(out, s, n);
}

/* Whether the text has something that looks like an HTML tag. */
static int looks_like_markup(const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL && p + 1 < end) {
        char c = p[1];
        if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '/' || c == '!' || c == '?')
            return 1;
        p++;
    }
    return 0;
}

/* Where to cut a long line: after a space near the limit, else at a
 * character boundary. */
static size_t chunk_end(const char *s, size_t n)
{
    size_t k, lim = SL_REPAIR_CHUNK;
    if (n <= lim)
        return n;
    for (k = lim; k > lim - 1024; k--)
        if (s[k - 1] == ' ')
            return k;
    return sl_utf8_back(s, lim) ? sl_utf8_back(s, lim) : lim;
}

void sl_repair_text(sl_ctx *ctx, const char *in, size_t len, unsigned flags, sl_buf *out,
                    sl_editlog *log)
{
    rp st;
    size_t pos = 0;
    memset(&st, 0, sizeof(st));
    st.ctx = ctx;
    st.flags = flags;
    st.log = log;
    st.line = 1;
    st.entities = !(flags & (SL_REPAIR_NO_ENTITIES | SL_REPAIR_ENCODING_ONLY)) &&
                  len && memchr(in, '&', len) && !looks_like_markup(in, len);
    sl_buf_grow(out, len + len / 8);
    while (pos < len) {
        const char *nl = memchr(in + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - in) : len;
        while (pos < e) {
            size_t k = chunk_end(in + pos, e - pos);
            repair_line(&st, in + pos, k, out);
            pos += k;
        }
        if (nl) {
            sl_buf_putc(out, '\n');
            pos = e + 1;
            st.line++;
        }
    }
    sl_buf_put(out, "", 0); /* terminated even when empty */
    sl_cps_free(&st.cur);
    sl_cps_free(&st.tmp);
    sl_buf_free(&st.b1);
    sl_buf_free(&st.b2);
}
