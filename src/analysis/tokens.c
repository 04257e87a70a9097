/*
 * tokens.c: the word tokenizer (see tokens.h).
 *
 * A token is one of
 *   - a word: letters and digits, with inner apostrophes ("don't", "Korea’s"),
 *     inner hyphens ("Jong-un", "68-year") and the periods of an abbreviation
 *     made of single letters ("U.S.", "a.m.");
 *   - a number: digits with inner "," or "." followed by a digit ("28,000",
 *     "3.5");
 *   - one punctuation or symbol character.
 * ASCII goes through a 256-entry class table; other bytes are decoded and
 * classified by utf8proc only when met.  Normal forms are NFC + case fold
 * (utf8proc), with the typographic apostrophe folded to "'", so "Korea’s" and
 * "Korea's" are one word.
 */
#include "analysis/tokens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/data.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

enum { C_SPACE = 0, C_ALPHA, C_DIGIT, C_PUNCT, C_APOS, C_HYPHEN, C_DOT, C_COMMA, C_HIGH };

static const unsigned char byte_class[256] = {
    /* control characters are spaces */
    [0] = C_SPACE,
    ['!'] = C_PUNCT, ['"'] = C_PUNCT, ['#'] = C_PUNCT, ['$'] = C_PUNCT, ['%'] = C_PUNCT,
    ['&'] = C_PUNCT, ['\''] = C_APOS, ['('] = C_PUNCT, [')'] = C_PUNCT, ['*'] = C_PUNCT,
    ['+'] = C_PUNCT, [','] = C_COMMA, ['-'] = C_HYPHEN, ['.'] = C_DOT, ['/'] = C_PUNCT,
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    [':'] = C_PUNCT, [';'] = C_PUNCT, ['<'] = C_PUNCT, ['='] = C_PUNCT, ['>'] = C_PUNCT,
    ['?'] = C_PUNCT, ['@'] = C_PUNCT,
    ['A'] = C_ALPHA, ['B'] = C_ALPHA, ['C'] = C_ALPHA, ['D'] = C_ALPHA, ['E'] = C_ALPHA,
    ['F'] = C_ALPHA, ['G'] = C_ALPHA, ['H'] = C_ALPHA, ['I'] = C_ALPHA, ['J'] = C_ALPHA,
    ['K'] = C_ALPHA, ['L'] = C_ALPHA, ['M'] = C_ALPHA, ['N'] = C_ALPHA, ['O'] = C_ALPHA,
    ['P'] = C_ALPHA, ['Q'] = C_ALPHA, ['R'] = C_ALPHA, ['S'] = C_ALPHA, ['T'] = C_ALPHA,
    ['U'] = C_ALPHA, ['V'] = C_ALPHA, ['W'] = C_ALPHA, ['X'] = C_ALPHA, ['Y'] = C_ALPHA,
    ['Z'] = C_ALPHA,
    ['['] = C_PUNCT, ['\\'] = C_PUNCT, [']'] = C_PUNCT, ['^'] = C_PUNCT, ['_'] = C_PUNCT,
    ['`'] = C_PUNCT,
    ['a'] = C_ALPHA, ['b'] = C_ALPHA, ['c'] = C_ALPHA, ['d'] = C_ALPHA, ['e'] = C_ALPHA,
    ['f'] = C_ALPHA, ['g'] = C_ALPHA, ['h'] = C_ALPHA, ['i'] = C_ALPHA, ['j'] = C_ALPHA,
    ['k'] = C_ALPHA, ['l'] = C_ALPHA, ['m'] = C_ALPHA, ['n'] = C_ALPHA, ['o'] = C_ALPHA,
    ['p'] = C_ALPHA, ['q'] = C_ALPHA, ['r'] = C_ALPHA, ['s'] = C_ALPHA, ['t'] = C_ALPHA,
    ['u'] = C_ALPHA, ['v'] = C_ALPHA, ['w'] = C_ALPHA, ['x'] = C_ALPHA, ['y'] = C_ALPHA,
    ['z'] = C_ALPHA,
    ['{'] = C_PUNCT, ['|'] = C_PUNCT, ['}'] = C_PUNCT, ['~'] = C_PUNCT,
#define H8(x) [x] = C_HIGH, [x + 1] = C_HIGH, [x + 2] = C_HIGH, [x + 3] = C_HIGH, \
              [x + 4] = C_HIGH, [x + 5] = C_HIGH, [x + 6] = C_HIGH, [x + 7] = C_HIGH
    H8(0x80), H8(0x88), H8(0x90), H8(0x98), H8(0xA0), H8(0xA8), H8(0xB0), H8(0xB8),
    H8(0xC0), H8(0xC8), H8(0xD0), H8(0xD8), H8(0xE0), H8(0xE8), H8(0xF0), H8(0xF8),
#undef H8
};

/* The class of the character at text[i]; *adv gets its length. */
static int cls_at(const char *text, size_t len, size_t i, size_t *adv)
{
    unsigned char c = (unsigned char)text[i];
    uint32_t cp;
    int k;
    *adv = 1;
    if (byte_class[c] != C_HIGH)
        return byte_class[c];
    k = sl_utf8_decode((const unsigned char *)text + i, len - i, &cp);
    if (k < 0)
        return C_PUNCT;
    *adv = (size_t)k;
    if (cp == 0x2019 || cp == 0x02BC)
        return C_APOS;
    if (cp == 0x2010 || cp == 0x2011)
        return C_HYPHEN;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_ALPHA;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    default:
        return C_PUNCT;
    }
}

static int is_wordc(int c)
{
    return c == C_ALPHA || c == C_DIGIT;
}

/* Longest token kept whole; longer runs (a 10 MB line of letters) are cut so
 * that no single word costs more than a bounded amount of work. */
#define MAX_TOKEN 256

/* Scans one word or number starting at i; returns its end. */
static size_t scan_word(const char *text, size_t len, size_t i, int *has_alpha, int *has_digit,
                        int *abbrev)
{
    size_t j = i, adv, adv2;
    int single_letters = 1, run = 0;
    *has_alpha = *has_digit = *abbrev = 0;
    while (j < len && j - i < MAX_TOKEN) {
        int c = cls_at(text, len, j, &adv);
        if (c == C_ALPHA) {
            *has_alpha = 1;
            run++;
            if (run > 1)
                single_letters = 0;
            j += adv;
        } else if (c == C_DIGIT) {
            *has_digit = 1;
            single_letters = 0;
            j += adv;
        } else if ((c == C_APOS || c == C_HYPHEN) && j + adv < len &&
                   is_wordc(cls_at(text, len, j + adv, &adv2)) && j > i) {
            run = 0;
            single_letters = 0;
            j += adv;
        } else if ((c == C_COMMA || c == C_DOT) && *has_digit && !*has_alpha && j + 1 < len &&
                   cls_at(text, len, j + 1, &adv2) == C_DIGIT) {
            j += 1;
        } else if (c == C_DOT && single_letters && run == 1 && *has_alpha) {
            /* "U.S." / "a.m.": single letters each followed by a period */
            size_t k = j + 1;
            if (k < len && cls_at(text, len, k, &adv2) == C_ALPHA &&
                (k + adv2 >= len || cls_at(text, len, k + adv2, &adv) != C_ALPHA)) {
                *abbrev = 1;
                run = 0;
                j = k;
            } else {
                if (*abbrev)
                    j++; /* the final period of "U.S." */
                break;
            }
        } else {
            break;
        }
    }
    return j;
}

typedef struct stopset {
    unsigned char *is_stop; /* indexed by vocabulary id */
    size_t n;
} stopset;

static void stopset_free(void *p)
{
    stopset *s = p;
    if (s)
        free(s->is_stop);
    free(s);
}

static void *stopset_make(sl_ctx *ctx)
{
    stopset *s = sl_xcalloc(1, sizeof(*s));
    size_t len, pos = 0, n;
    const char *line, *text;
    char name[64];
    snprintf(name, sizeof(name), "%s/stopwords", strcmp(ctx->language, "english") == 0 ? "en" : ctx->language);
    text = sl_data_get(name, &len);
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        uint32_t id = sl_intern_add(&ctx->vocab, line, n);
        if (id >= s->n) {
            size_t old = s->n;
            s->is_stop = sl_xgrow(s->is_stop, &s->n, id + 1, 1);
            memset(s->is_stop + old, 0, s->n - old);
        }
        s->is_stop[id] = 1;
    }
    return s;
}

int sl_is_stopword(sl_ctx *ctx, unsigned norm_id)
{
    stopset *s = sl_ctx_resource(ctx, "tokens.stopwords", stopset_make, stopset_free);
    return norm_id < s->n && s->is_stop[norm_id];
}

/* Case-folds and NFC-normalizes text[0..n) into out, folding ’ to '. */
static void fold(const char *text, size_t n, sl_buf *out)
{
    size_t i;
    int ascii = 1;
    for (i = 0; i < n; i++)
        if ((unsigned char)text[i] >= 0x80) {
            ascii = 0;
            break;
        }
    sl_buf_clear(out);
    if (ascii) {
        for (i = 0; i < n; i++) {
            char c = text[i];
            sl_buf_putc(out, c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return;
    }
    {
        utf8proc_uint8_t *m = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)n, &m,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
        if (r < 0) {
            sl_buf_put(out, text, n);
            return;
        }
        for (i = 0; i < (size_t)r; i++) {
            if (i + 2 < (size_t)r && m[i] == 0xE2 && m[i + 1] == 0x80 && m[i + 2] == 0x99) {
                sl_buf_putc(out, '\'');
                i += 2;
            } else {
                sl_buf_putc(out, (char)m[i]);
            }
        }
        free(m);
    }
}

static int is_upper_ascii(char c)
{
    return c >= 'A' && c <= 'Z';
}

void sl_tokens_scan(sl_ctx *ctx, const char *text, size_t len, size_t base, sl_token **toks,
                    size_t *n, size_t *cap)
{
    size_t i = 0, adv;
    sl_buf norm = SL_BUF_INIT;
    while (i < len) {
        int c = cls_at(text, len, i, &adv);
        sl_token t;
        if (c == C_SPACE) {
            i += adv;
            continue;
        }
        memset(&t, 0, sizeof(t));
        t.start = base + i;
        if (is_wordc(c)) {
            int has_alpha, has_digit, abbrev;
            size_t e = scan_word(text, len, i, &has_alpha, &has_digit, &abbrev);
            size_t slen;
            const char *stem;
            t.end = base + e;
            t.flags = has_alpha ? SL_TOK_WORD : SL_TOK_NUMBER;
            fold(text + i, e - i, &norm);
            t.norm = sl_intern_add(&ctx->vocab, norm.ptr, norm.len);
            if (has_alpha && !has_digit && norm.len <= 64) {
                stem = sl_ctx_stem(ctx, norm.ptr, norm.len, &slen);
                t.stem = sl_intern_add(&ctx->vocab, stem, slen);
            } else {
                t.stem = t.norm;
            }
            if (has_alpha && sl_is_stopword(ctx, t.norm))
                t.flags |= SL_TOK_STOP;
            if (has_alpha) {
                /* capitalization from the first letter and the whole word */
                size_t k, letters = 0, upper = 0;
                uint32_t cp;
                int first = 1;
                for (k = i; k < e;) {
                    int kl = sl_utf8_decode((const unsigned char *)text + k, e - k, &cp);
                    if (kl < 0)
                        kl = 1;
                    if (utf8proc_isupper((utf8proc_int32_t)cp) || is_upper_ascii((char)cp)) {
                        upper++;
                        letters++;
                        if (first)
                            t.flags |= SL_TOK_CAP;
                        first = 0;
                    } else if (utf8proc_islower((utf8proc_int32_t)cp)) {
                        letters++;
                        first = 0;
                    }
                    k += (size_t)kl;
                }
                if (letters >= 2 && upper == letters)
                    t.flags |= SL_TOK_UPPER;
            }
            i = e;
        } else {
            t.end = base + i + adv;
            t.flags = SL_TOK_PUNCT;
            fold(text + i, adv, &norm);
            t.norm = t.stem = sl_intern_add(&ctx->vocab, norm.ptr, norm.len);
            i += adv;
        }
        SL_PUSH(*toks, *n, *cap, t);
    }
    sl_buf_free(&norm);
}
