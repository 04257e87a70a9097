/*
 * tokens.c: the word tokenizer (see tokens.h).
 *
 * A token is one of
 *   - a URL ("https://…", "www.…") or an e-mail address: one token, flagged
 *     SL_TOK_URL, kept as written (norm and stem are the text itself);
 *   - a hashtag or mention ("#MeToo", "@user") after a non-word character:
 *     one token, flagged SL_TOK_TAG, case-folded, not stemmed;
 *   - a number: digits with inner "," "." ":" "/" before a digit ("28,000",
 *     "1,000.50", "5:30", "12/03/2019"), an optional currency sign in front
 *     ("$12.75", "€5") and "%" behind ("3.5%"), or an ordinal ("21st");
 *   - a word: letters and digits with inner apostrophes ("don't",
 *     "Korea’s"), inner hyphens ("Jong-un", "68-year-old") and the periods of
 *     an abbreviation of single letters ("U.S.", "a.m."), which may go on
 *     with a hyphen or a possessive ("U.S.-based", "U.K.'s");
 *   - one punctuation or symbol character.
 * Format characters (soft hyphen, zero-width joiners) inside a word are kept
 * in it and dropped from its normal form; elsewhere they count as space.
 *
 * ASCII goes through a 256-entry class table (SQLite's tokenize.c); other
 * bytes are decoded and classified by utf8proc only when met.  Normal forms
 * are NFC + case fold (utf8proc), with the typographic apostrophes folded to
 * "'" and Unicode hyphens to "-", so "Korea’s" and "Korea's" are one word.
 *
 * Speed: a token's surface form decides everything about it (normal form,
 * stem, flags), so each distinct surface form is folded, stemmed and looked
 * up once per context and language; later occurrences cost one hash lookup.
 */
#include "analysis/tokens.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "analysis/lang.h"
#include "core/data.h"
#include "util/buf.h"
#include "util/intern.h"
#include "util/mem.h"
#include "util/utf8.h"

enum {
    C_SPACE = 0, C_ALPHA, C_DIGIT, C_PUNCT, C_APOS, C_HYPHEN, C_DOT, C_COMMA, C_COLON,
    C_SLASH, C_PERCENT, C_HASH, C_AT, C_CURRENCY, C_IGNORE, C_HIGH
};

#define H8(x) [(x)] = C_HIGH, [(x) + 1] = C_HIGH, [(x) + 2] = C_HIGH, [(x) + 3] = C_HIGH, \
              [(x) + 4] = C_HIGH, [(x) + 5] = C_HIGH, [(x) + 6] = C_HIGH, [(x) + 7] = C_HIGH
#define R8(x, c) [(x)] = (c), [(x) + 1] = (c), [(x) + 2] = (c), [(x) + 3] = (c), \
                 [(x) + 4] = (c), [(x) + 5] = (c), [(x) + 6] = (c), [(x) + 7] = (c)
static const unsigned char byte_class[256] = {
    /* control characters are spaces (0 = C_SPACE) */
    ['!'] = C_PUNCT, ['"'] = C_PUNCT, ['#'] = C_HASH, ['$'] = C_CURRENCY, ['%'] = C_PERCENT,
    ['&'] = C_PUNCT, ['\''] = C_APOS, ['('] = C_PUNCT, [')'] = C_PUNCT, ['*'] = C_PUNCT,
    ['+'] = C_PUNCT, [','] = C_COMMA, ['-'] = C_HYPHEN, ['.'] = C_DOT, ['/'] = C_SLASH,
    R8('0', C_DIGIT), ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    [':'] = C_COLON, [';'] = C_PUNCT, ['<'] = C_PUNCT, ['='] = C_PUNCT, ['>'] = C_PUNCT,
    ['?'] = C_PUNCT, ['@'] = C_AT,
    R8('A', C_ALPHA), R8('I', C_ALPHA), R8('Q', C_ALPHA), ['Y'] = C_ALPHA, ['Z'] = C_ALPHA,
    ['['] = C_PUNCT, ['\\'] = C_PUNCT, [']'] = C_PUNCT, ['^'] = C_PUNCT, ['_'] = C_PUNCT,
    ['`'] = C_PUNCT,
    R8('a', C_ALPHA), R8('i', C_ALPHA), R8('q', C_ALPHA), ['y'] = C_ALPHA, ['z'] = C_ALPHA,
    ['{'] = C_PUNCT, ['|'] = C_PUNCT, ['}'] = C_PUNCT, ['~'] = C_PUNCT, [0x7F] = C_SPACE,
    H8(0x80), H8(0x88), H8(0x90), H8(0x98), H8(0xA0), H8(0xA8), H8(0xB0), H8(0xB8),
    H8(0xC0), H8(0xC8), H8(0xD0), H8(0xD8), H8(0xE0), H8(0xE8), H8(0xF0), H8(0xF8),
};
#undef H8
#undef R8

/* The class of the non-ASCII character at text[i]; *adv gets its length. */
static int cls_high(const char *text, size_t len, size_t i, size_t *adv)
{
    uint32_t cp;
    int k;
    *adv = 1;
    k = sl_utf8_decode((const unsigned char *)text + i, len - i, &cp);
    if (k < 0)
        return C_PUNCT;
    *adv = (size_t)k;
    if (cp == 0x2019 || cp == 0x02BC)
        return C_APOS;
    if (cp == 0x2010 || cp == 0x2011)
        return C_HYPHEN;
    if (cp == 0x200B)
        return C_SPACE; /* zero-width space: a word break */
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_ALPHA;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return C_SPACE;
    case UTF8PROC_CATEGORY_CF:
        return C_IGNORE; /* soft hyphen, zero-width joiners, BOM */
    case UTF8PROC_CATEGORY_SC:
        return C_CURRENCY;
    default:
        return C_PUNCT;
    }
}

/* The class of the character at text[i]; *adv gets its length. */
static inline int cls_at(const char *text, size_t len, size_t i, size_t *adv)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *adv = 1;
        return byte_class[c];
    }
    return cls_high(text, len, i, adv);
}

static int is_wordc(int c)
{
    return c == C_ALPHA || c == C_DIGIT;
}

static int is_alnum_ascii(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int ci_prefix(const char *s, size_t n, const char *p)
{
    size_t i, k = strlen(p);
    if (n < k)
        return 0;
    for (i = 0; i < k; i++)
        if ((s[i] | (s[i] >= 'A' && s[i] <= 'Z' ? 32 : 0)) != p[i])
            return 0;
    return 1;
}

/* Longest word or number kept whole; longer runs (a 10 MB line of letters)
 * are cut so that no token costs more than a bounded amount of work. */
#define MAX_TOKEN 256
/* Longest URL kept whole. */
#define MAX_URL 2048

/* What the scanner found. */
typedef struct scan {
    size_t end;
    unsigned kind;  /* SL_TOK_WORD / NUMBER / PUNCT, plus URL / TAG */
    int has_alpha, has_digit;
} scan;

/* A URL at i ("http://", "https://", "ftp://", "www."): up to white space
 * or <>", without trailing sentence punctuation. */
static size_t scan_url(const char *t, size_t len, size_t i)
{
    size_t j = i, adv;
    int open = 0;
    while (j < len && j - i < MAX_URL) {
        unsigned char c = (unsigned char)t[j];
        int cls = cls_at(t, len, j, &adv);
        if (cls == C_SPACE || c == '<' || c == '>' || c == '"' ||
            (c >= 0x80 && cls != C_ALPHA && cls != C_DIGIT))
            break;
        open += c == '(' ? 1 : c == ')' ? -1 : 0;
        j += adv;
    }
    while (j > i) {
        unsigned char c = (unsigned char)t[j - 1];
        if ((c && strchr(".,;:!?'", c)) || c == ']' || c == '}' || (c == ')' && open < 0)) {
            open += c == ')';
            j--;
        } else {
            break;
        }
    }
    return j;
}

/* An e-mail address starting at i, or i: local part, "@", a domain with a
 * dot, ending in a letter or digit. */
static size_t scan_email(const char *t, size_t len, size_t i)
{
    size_t j = i, at, last = 0;
    int dots = 0;
    while (j < len && j - i < 64 &&
           (is_alnum_ascii((unsigned char)t[j]) || (t[j] && strchr("._%+-", t[j]))))
        j++;
    if (j == i || j >= len || t[j] != '@')
        return i;
    at = j++;
    while (j < len && j - at < 256 && (is_alnum_ascii((unsigned char)t[j]) || t[j] == '-' || t[j] == '.')) {
        if (t[j] == '.')
            dots++;
        else if (is_alnum_ascii((unsigned char)t[j]) && dots)
            last = j + 1;
        j++;
    }
    return last > at + 1 ? last : i;
}

/* A hashtag or mention at i ('#' or '@' then letters, digits, '_'); 0 when
 * there is none.  A hashtag needs a letter: "#1" is "#" and a number. */
static size_t scan_tag(const char *t, size_t len, size_t i)
{
    size_t j = i + 1, adv;
    int alpha = 0;
    while (j < len && j - i < MAX_TOKEN) {
        int c = cls_at(t, len, j, &adv);
        if (c == C_ALPHA)
            alpha = 1;
        else if (c != C_DIGIT && t[j] != '_')
            break;
        j += adv;
    }
    if (j == i + 1 || (t[i] == '#' && !alpha))
        return 0;
    return j;
}

/* A word or number starting at i. */
static void scan_word(const char *text, size_t len, size_t i, scan *s)
{
    size_t j = i, adv, adv2;
    int single_letters = 1, run = 0, abbrev = 0;
    s->has_alpha = s->has_digit = 0;
    while (j < len && j - i < MAX_TOKEN) {
        int c = cls_at(text, len, j, &adv);
        if (c == C_ALPHA) {
            s->has_alpha = 1;
            if (++run > 1)
                single_letters = 0;
            j += adv;
        } else if (c == C_DIGIT) {
            s->has_digit = 1;
            single_letters = 0;
            j += adv;
        } else if (c == C_IGNORE && j + adv < len && is_wordc(cls_at(text, len, j + adv, &adv2))) {
            j += adv; /* a soft hyphen inside a word */
        } else if ((c == C_APOS || c == C_HYPHEN) && j + adv < len &&
                   is_wordc(cls_at(text, len, j + adv, &adv2))) {
            run = 0;
            single_letters = 0;
            j += adv;
        } else if ((c == C_COMMA || c == C_DOT || c == C_COLON || c == C_SLASH) && s->has_digit &&
                   !s->has_alpha && j + 1 < len && cls_at(text, len, j + 1, &adv2) == C_DIGIT) {
            j += 1; /* 1,000.50  5:30  12/03/2019 */
        } else if (c == C_PERCENT && s->has_digit && !s->has_alpha) {
            j += 1; /* 3.5% */
            break;
        } else if (c == C_DOT && single_letters && run == 1 && s->has_alpha) {
            /* "U.S." / "a.m.": single letters each followed by a period */
            size_t k = j + 1;
            if (k < len && cls_at(text, len, k, &adv2) == C_ALPHA &&
                (k + adv2 >= len || cls_at(text, len, k + adv2, &adv) != C_ALPHA)) {
                abbrev = 1;
                run = 0;
                j = k;
                continue;
            }
            if (!abbrev)
                break;
            j++; /* the final period of "U.S." */
            c = j < len ? cls_at(text, len, j, &adv) : C_SPACE;
            if (c == C_HYPHEN && j + adv < len && is_wordc(cls_at(text, len, j + adv, &adv2))) {
                single_letters = 0; /* "U.S.-based" */
                run = 0;
                j += adv;
            } else if (c == C_APOS && j + adv < len && (text[j + adv] == 's' || text[j + adv] == 'S') &&
                       (j + adv + 1 >= len || !is_wordc(cls_at(text, len, j + adv + 1, &adv2)))) {
                j += adv + 1; /* "U.K.'s" */
                break;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    s->end = j;
    s->kind = s->has_alpha ? SL_TOK_WORD : SL_TOK_NUMBER;
    /* ordinals: 1st 2nd 3rd 4th 21st */
    if (s->has_alpha && s->has_digit && j - i >= 3 && j - i <= 8) {
        size_t k = i;
        while (k < j && text[k] >= '0' && text[k] <= '9')
            k++;
        if (j - k == 2 && k > i &&
            (ci_prefix(text + k, 2, "st") || ci_prefix(text + k, 2, "nd") ||
             ci_prefix(text + k, 2, "rd") || ci_prefix(text + k, 2, "th")))
            s->kind = SL_TOK_NUMBER;
    }
}

/* Scans the token starting at i, whose first character has class cls and
 * length adv. */
static void scan_token(const char *t, size_t len, size_t i, int cls, size_t adv, scan *s)
{
    size_t e, adv2;
    s->has_alpha = s->has_digit = 0;
    if (cls == C_ALPHA && (ci_prefix(t + i, len - i, "http://") || ci_prefix(t + i, len - i, "https://") ||
                           ci_prefix(t + i, len - i, "ftp://") || ci_prefix(t + i, len - i, "www."))) {
        s->end = scan_url(t, len, i);
        s->kind = SL_TOK_WORD | SL_TOK_URL;
        return;
    }
    if (is_wordc(cls)) {
        scan_word(t, len, i, s);
        /* an e-mail address: the word stops at "@" or inside the local part */
        if (s->end < len && is_alnum_ascii((unsigned char)t[i]) &&
            (t[s->end] == '@' || t[s->end] == '.' || t[s->end] == '_' || t[s->end] == '+' ||
             t[s->end] == '-' || t[s->end] == '%') &&
            (e = scan_email(t, len, i)) > i) {
            s->end = e;
            s->kind = SL_TOK_WORD | SL_TOK_URL;
        }
        return;
    }
    if ((cls == C_HASH || cls == C_AT) &&
        (i == 0 || !is_alnum_ascii((unsigned char)t[i - 1])) && (e = scan_tag(t, len, i)) > 0) {
        s->end = e;
        s->kind = SL_TOK_WORD | SL_TOK_TAG;
        return;
    }
    if (cls == C_CURRENCY && i + adv < len && cls_at(t, len, i + adv, &adv2) == C_DIGIT) {
        scan_word(t, len, i + adv, s);
        return; /* $12.75, €5 */
    }
    s->end = i + adv;
    s->kind = SL_TOK_PUNCT;
}

/* ------------------------------------------------------------------ the cache */

typedef struct tok_info {
    uint32_t norm, stem;  /* vocabulary ids */
    unsigned flags;       /* SL_TOK_* */
} tok_info;

/* A remembered surface form: its facts and then its bytes, in one place so
 * that a lookup touches one slot and one entry. */
typedef struct surf_entry {
    tok_info info;
    uint32_t len;         /* bytes of the surface form that follow */
} surf_entry;

/* Bounds of the surface cache; beyond them new forms are computed every
 * time, so memory stays bounded on adversarial input. */
#define MAX_SURFACES ((size_t)1 << 20)
#define MAX_SURF_POOL ((size_t)64 << 20)

typedef struct tok_cache {
    char lang[32];          /* the language it was built for */
    uint64_t *slots;        /* hash << 32 | (pool offset / 4 + 1), or 0 */
    size_t nslots, nsurf;   /* power of two; entries in use */
    char *pool;             /* surf_entry records, 4-byte aligned */
    size_t pool_len, pool_cap;
    unsigned char *stop;    /* per vocabulary id: a stopword */
    size_t nstop;
    sl_buf norm;            /* scratch for normal forms */
} tok_cache;

static void cache_clear(tok_cache *tc)
{
    free(tc->slots);
    free(tc->pool);
    free(tc->stop);
    sl_buf_free(&tc->norm);
    memset(tc, 0, sizeof(*tc));
}

static void cache_free(void *p)
{
    tok_cache *tc = p;
    if (!tc)
        return;
    cache_clear(tc);
    free(tc);
}

static uint32_t surf_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static surf_entry *entry_at(const tok_cache *tc, uint64_t slot)
{
    return (surf_entry *)(void *)(tc->pool + ((size_t)(uint32_t)slot - 1) * 4);
}

/* The slot holding s[0..n) with hash h, or the empty slot where it would go. */
static size_t surf_probe(const tok_cache *tc, const char *s, size_t n, uint32_t h)
{
    size_t mask = tc->nslots - 1, i = h & mask;
    for (;;) {
        uint64_t v = tc->slots[i];
        if (!v)
            return i;
        if ((uint32_t)(v >> 32) == h) {
            const surf_entry *e = entry_at(tc, v);
            if (e->len == n && memcmp(e + 1, s, n) == 0)
                return i;
        }
        i = (i + 1) & mask;
    }
}

static const tok_info *surf_find(const tok_cache *tc, const char *s, size_t n, uint32_t h)
{
    uint64_t v;
    if (!tc->nslots)
        return NULL;
    v = tc->slots[surf_probe(tc, s, n, h)];
    return v ? &entry_at(tc, v)->info : NULL;
}

static void surf_add(tok_cache *tc, const char *s, size_t n, uint32_t h, const tok_info *in)
{
    size_t need = (sizeof(surf_entry) + n + 3) & ~(size_t)3, i;
    surf_entry *e;
    if (tc->nsurf >= MAX_SURFACES || tc->pool_len + need > MAX_SURF_POOL)
        return;
    if ((tc->nsurf + 1) * 2 > tc->nslots) {
        size_t ns = tc->nslots ? tc->nslots * 2 : 4096, k;
        uint64_t *slots = sl_xcalloc(ns, sizeof(*slots));
        for (k = 0; k < tc->nslots; k++) {
            uint64_t v = tc->slots[k];
            if (v) {
                size_t j = (uint32_t)(v >> 32) & (ns - 1);
                while (slots[j])
                    j = (j + 1) & (ns - 1);
                slots[j] = v;
            }
        }
        free(tc->slots);
        tc->slots = slots;
        tc->nslots = ns;
    }
    i = surf_probe(tc, s, n, h);
    if (tc->slots[i])
        return;
    tc->pool = sl_xgrow(tc->pool, &tc->pool_cap, tc->pool_len + need, 1);
    e = (surf_entry *)(void *)(tc->pool + tc->pool_len);
    e->info = *in;
    e->len = (uint32_t)n;
    memcpy(e + 1, s, n);
    tc->slots[i] = (uint64_t)h << 32 | (uint64_t)(tc->pool_len / 4 + 1);
    tc->pool_len += need;
    tc->nsurf++;
}

/* Interns the stopwords of ctx's language into the vocabulary and marks them
 * (data/<code>/stopwords.txt; none when the language has no list). */
static void cache_build(tok_cache *tc, sl_ctx *ctx)
{
    size_t len, pos = 0, n;
    const char *line, *text = sl_lang_data(ctx, "stopwords", 0, &len);
    strcpy(tc->lang, ctx->language);
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        uint32_t id = sl_intern_add(&ctx->vocab, line, n);
        if (id >= tc->nstop) {
            size_t old = tc->nstop;
            tc->stop = sl_xgrow(tc->stop, &tc->nstop, id + 1, 1);
            memset(tc->stop + old, 0, tc->nstop - old);
        }
        tc->stop[id] = 1;
    }
}

static void *cache_make(sl_ctx *ctx)
{
    tok_cache *tc = sl_xcalloc(1, sizeof(*tc));
    cache_build(tc, ctx);
    return tc;
}

/* The cache of ctx's current language (rebuilt when it changed). */
static tok_cache *cache_get(sl_ctx *ctx)
{
    tok_cache *tc = sl_ctx_resource(ctx, "tokens.cache", cache_make, cache_free);
    if (strcmp(tc->lang, ctx->language) != 0) {
        cache_clear(tc);
        cache_build(tc, ctx);
    }
    return tc;
}

int sl_is_stopword(sl_ctx *ctx, unsigned norm_id)
{
    tok_cache *tc = cache_get(ctx);
    return norm_id < tc->nstop && tc->stop[norm_id];
}

/* Case-folds and NFC-normalizes text[0..n) into out, folding ’ ʼ to ' and
 * the Unicode hyphens to '-', dropping format characters. */
static void fold(const char *text, size_t n, sl_buf *out)
{
    size_t i;
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r;
    sl_buf_clear(out);
    for (i = 0; i < n; i++)
        if ((unsigned char)text[i] >= 0x80)
            break;
    if (i == n) {
        sl_buf_grow(out, n);
        for (i = 0; i < n; i++) {
            char c = text[i];
            out->ptr[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        out->len = n;
        out->ptr[n] = '\0';
        return;
    }
    r = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)n, &m,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    if (r < 0) {
        sl_buf_put(out, text, n);
        return;
    }
    for (i = 0; i < (size_t)r; i++) {
        if (i + 2 < (size_t)r && m[i] == 0xE2 && m[i + 1] == 0x80 &&
            (m[i + 2] == 0x99 || m[i + 2] == 0x90 || m[i + 2] == 0x91)) {
            sl_buf_putc(out, m[i + 2] == 0x99 ? '\'' : '-');
            i += 2;
        } else if (i + 1 < (size_t)r && m[i] == 0xCA && m[i + 1] == 0xBC) {
            sl_buf_putc(out, '\'');
            i += 1;
        } else {
            sl_buf_putc(out, (char)m[i]);
        }
    }
    free(m);
    if (!out->ptr)
        sl_buf_put(out, "", 0);
}

/* Capitalization flags of a word: SL_TOK_CAP when its first letter is upper
 * case, SL_TOK_UPPER when all of two or more letters are. */
static unsigned case_flags(const char *t, size_t n)
{
    size_t k, letters = 0, upper = 0;
    int first = 1;
    unsigned f = 0;
    for (k = 0; k < n;) {
        unsigned char c = (unsigned char)t[k];
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                upper++;
                letters++;
                if (first)
                    f |= SL_TOK_CAP;
                first = 0;
            } else if (c >= 'a' && c <= 'z') {
                letters++;
                first = 0;
            }
            k++;
        } else {
            uint32_t cp;
            int kl = sl_utf8_decode((const unsigned char *)t + k, n - k, &cp);
            if (kl < 0) {
                k++;
                continue;
            }
            if (utf8proc_isupper((utf8proc_int32_t)cp)) {
                upper++;
                letters++;
                if (first)
                    f |= SL_TOK_CAP;
                first = 0;
            } else if (utf8proc_islower((utf8proc_int32_t)cp)) {
                letters++;
                first = 0;
            }
            k += (size_t)kl;
        }
    }
    if (letters >= 2 && upper == letters)
        f |= SL_TOK_UPPER;
    return f;
}

/* Everything about a surface form, computed from scratch. */
static tok_info describe(sl_ctx *ctx, tok_cache *tc, const char *t, size_t n, const scan *s)
{
    tok_info in;
    in.flags = s->kind;
    if (s->kind & SL_TOK_URL) {
        in.norm = in.stem = sl_intern_add(&ctx->vocab, t, n);
        return in;
    }
    fold(t, n, &tc->norm);
    if (tc->norm.len == 0) {
        /* only default-ignorable characters (U+17B4 ...): keep them as written */
        sl_buf_clear(&tc->norm);
        sl_buf_put(&tc->norm, t, n);
    }
    in.norm = sl_intern_add(&ctx->vocab, tc->norm.ptr, tc->norm.len);
    in.stem = in.norm;
    if (s->kind & SL_TOK_WORD) {
        if (!(s->kind & SL_TOK_TAG) && !s->has_digit && tc->norm.len <= 64) {
            size_t slen;
            const char *stem = sl_ctx_stem(ctx, tc->norm.ptr, tc->norm.len, &slen);
            in.stem = sl_intern_add(&ctx->vocab, stem, slen);
        }
        if (in.norm < tc->nstop && tc->stop[in.norm])
            in.flags |= SL_TOK_STOP;
        in.flags |= case_flags(t, n);
    }
    return in;
}

void sl_tokens_scan(sl_ctx *ctx, const char *text, size_t len, size_t base, sl_token **toks,
                    size_t *n, size_t *cap)
{
    tok_cache *tc = cache_get(ctx);
    size_t i = 0, adv;
    while (i < len) {
        int cls;
        scan s;
        sl_token t;
        tok_info in;
        const tok_info *hit;
        uint32_t h;
        cls = cls_at(text, len, i, &adv);
        if (cls == C_SPACE || cls == C_IGNORE) {
            i += adv;
            continue;
        }
        scan_token(text, len, i, cls, adv, &s);
        h = surf_hash(text + i, s.end - i);
        if ((hit = surf_find(tc, text + i, s.end - i, h)) != NULL) {
            in = *hit;
        } else {
            in = describe(ctx, tc, text + i, s.end - i, &s);
            surf_add(tc, text + i, s.end - i, h, &in);
        }
        t.start = base + i;
        t.end = base + s.end;
        t.norm = in.norm;
        t.stem = in.stem;
        t.flags = in.flags;
        SL_PUSH(*toks, *n, *cap, t);
        i = s.end;
    }
}
