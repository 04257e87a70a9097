/*
 * sentences.c: sentence boundaries (see sentences.h).
 *
 * One forward pass.  Ordinary bytes are skipped through a byte-class table;
 * the pass stops at
 *   - terminal punctuation (. ! ? … and the full-width forms): the whole
 *     cluster ("?!", "....", ". . . .", closing quotes and brackets) is read
 *     and judged by the word before it and the word after it;
 *   - white space: a blank line ends the sentence; a single line break ends
 *     it when the line reads as a headline, caption or list item (no
 *     terminal punctuation, next line not a continuation);
 *   - bullets and list markers ("2.", "b)", "•"), which start a new sentence
 *     when they continue a list.
 * The rules follow pragmatic_segmenter's Golden Rules (Kevin Dias) and pySBD
 * (Sadvilkar & Neumann 2020), with news conventions (AP style abbreviations,
 * datelines, "5 p.m. Friday") added.  Abbreviation and word lists are data:
 * data/en/abbrev_nonfinal.txt, abbrev_numeric.txt, abbrev_final.txt,
 * abbrev_time.txt, sentence_starters.txt, time_words.txt,
 * time_prepositions.txt and line_continuations.txt.
 *
 * Linear time: the word before a period is read at most MAX_WORD bytes back
 * and never before the current sentence; the word after at most MAX_WORD
 * bytes ahead; facts about a whitespace-delimited chunk (is it a URL?) and
 * about a paragraph (does it have terminal punctuation? its longest line)
 * are computed once per chunk and paragraph and cached.
 */
#include "analysis/sentences.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "analysis/lang.h"
#include "core/data.h"
#include "util/intern.h"
#include "util/mem.h"
#include "util/utf8.h"

/* ------------------------------------------------------------------ word lists */

enum {
    W_NONFINAL = 1 << 0,  /* abbreviation that never ends a sentence */
    W_NUMERIC = 1 << 1,   /* abbreviation before a number */
    W_FINAL = 1 << 2,     /* abbreviation that may end a sentence */
    W_TIME = 1 << 3,      /* a.m., p.m. */
    W_STARTER = 1 << 4,   /* common sentence opener */
    W_TIMEWORD = 1 << 5,  /* continues a clock time: Friday, EST */
    W_TIMEPREP = 1 << 6,  /* opens a fronted time phrase: At, By */
    W_CONT = 1 << 7       /* does not end a line: the, of, and */
};

typedef struct sent_tables {
    char lang[32];          /* the language they were built for */
    sl_intern keys;         /* ASCII-lower-cased entries */
    unsigned short *cls;    /* per key: classes matching any capitalization in the low
                               byte, classes matching capitalized words only in the high */
    size_t n;               /* allocated entries of cls */
} sent_tables;

static void tables_clear(sent_tables *tb)
{
    sl_intern_free(&tb->keys);
    free(tb->cls);
    tb->cls = NULL;
    tb->n = 0;
}

static void tables_free(void *p)
{
    sent_tables *tb = p;
    if (!tb)
        return;
    tables_clear(tb);
    free(tb);
}

static int is_upper_ascii(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_lower_ascii(int c)
{
    return c >= 'a' && c <= 'z';
}

static int is_alpha_ascii(int c)
{
    return is_upper_ascii(c) || is_lower_ascii(c);
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Whether c is one of the characters of set (never for NUL). */
static int in_set(int c, const char *set)
{
    return c != 0 && strchr(set, c) != NULL;
}

/* Longest word looked up in the tables. */
#define MAX_KEY 32

/* Lower-cases the ASCII letters of s[0..n) into key; 0 when too long. */
static size_t make_key(const char *s, size_t n, char *key)
{
    size_t i;
    if (n == 0 || n >= MAX_KEY)
        return 0;
    for (i = 0; i < n; i++)
        key[i] = (char)(is_upper_ascii((unsigned char)s[i]) ? s[i] + 32 : s[i]);
    return n;
}

/* Adds the entries of data list `list` with class `cls`.  An entry starting
 * with a capital letter ("Mass", "U.S") matches capitalized words only; an
 * all-lower-case one ("etc", "a.m") matches any capitalization. */
static void tables_load(sent_tables *tb, const sl_ctx *ctx, const char *list, unsigned cls)
{
    size_t len, pos = 0, n;
    const char *line, *text = sl_lang_data(ctx, list, 1, &len);
    char key[MAX_KEY];
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        size_t k = make_key(line, n, key);
        uint32_t id;
        if (!k)
            continue;
        id = sl_intern_add(&tb->keys, key, k);
        if (id >= tb->n) {
            size_t old = tb->n;
            tb->cls = sl_xgrow(tb->cls, &tb->n, id + 1, sizeof(*tb->cls));
            memset(tb->cls + old, 0, (tb->n - old) * sizeof(*tb->cls));
        }
        tb->cls[id] |= (unsigned short)(is_upper_ascii((unsigned char)line[0]) ? cls << 8 : cls);
    }
}

static void tables_build(sent_tables *tb, const sl_ctx *ctx)
{
    sl_intern_init(&tb->keys);
    strcpy(tb->lang, ctx->language);
    tables_load(tb, ctx, "abbrev_nonfinal", W_NONFINAL);
    tables_load(tb, ctx, "abbrev_numeric", W_NUMERIC);
    tables_load(tb, ctx, "abbrev_final", W_FINAL);
    tables_load(tb, ctx, "abbrev_time", W_TIME);
    tables_load(tb, ctx, "sentence_starters", W_STARTER);
    tables_load(tb, ctx, "time_words", W_TIMEWORD);
    tables_load(tb, ctx, "time_prepositions", W_TIMEPREP);
    tables_load(tb, ctx, "line_continuations", W_CONT);
}

static void *tables_make(sl_ctx *ctx)
{
    sent_tables *tb = sl_xcalloc(1, sizeof(*tb));
    tables_build(tb, ctx);
    return tb;
}

/* The tables of ctx's current language (rebuilt when it changed). */
static const sent_tables *tables_get(sl_ctx *ctx)
{
    sent_tables *tb = sl_ctx_resource(ctx, "sentences.tables", tables_make, tables_free);
    if (strcmp(tb->lang, ctx->language) != 0) {
        tables_clear(tb);
        tables_build(tb, ctx);
    }
    return tb;
}

/* The classes of the word s[0..n); `capital` says whether it starts with a
 * capital letter. */
static unsigned lookup(const sent_tables *tb, const char *s, size_t n, int capital)
{
    char key[MAX_KEY];
    size_t k = make_key(s, n, key);
    uint32_t id;
    if (!k)
        return 0;
    id = sl_intern_find(&tb->keys, key, k);
    if (id == SL_INTERN_NONE || id >= tb->n)
        return 0;
    return (tb->cls[id] & 0xFFu) | (capital ? (unsigned)tb->cls[id] >> 8 : 0u);
}

/* ------------------------------------------------------------------ characters */

enum { K_OTHER = 0, K_TERM, K_SPACE, K_HIGH };

#define H8(x) [(x)] = K_HIGH, [(x) + 1] = K_HIGH, [(x) + 2] = K_HIGH, [(x) + 3] = K_HIGH, \
              [(x) + 4] = K_HIGH, [(x) + 5] = K_HIGH, [(x) + 6] = K_HIGH, [(x) + 7] = K_HIGH
static const unsigned char byte_kind[256] = {
    ['.'] = K_TERM, ['!'] = K_TERM, ['?'] = K_TERM,
    [' '] = K_SPACE, ['\t'] = K_SPACE, ['\n'] = K_SPACE, ['\r'] = K_SPACE, ['\f'] = K_SPACE,
    ['\v'] = K_SPACE,
    H8(0x80), H8(0x88), H8(0x90), H8(0x98), H8(0xA0), H8(0xA8), H8(0xB0), H8(0xB8),
    H8(0xC0), H8(0xC8), H8(0xD0), H8(0xD8), H8(0xE0), H8(0xE8), H8(0xF0), H8(0xF8),
};
#undef H8

static int is_ascii_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static unsigned char byte_at(const char *t, size_t n, size_t i)
{
    return i < n ? (unsigned char)t[i] : 0;
}

/* Length of the non-ASCII white-space character at t[i] (NBSP, the
 * U+2000 spaces, U+2028/2029, ideographic space, BOM, ...), or 0.  *breaks
 * gets the line breaks it stands for (U+2029 is a paragraph). */
static int uspace_len(const char *t, size_t n, size_t i, int *breaks)
{
    unsigned char a = byte_at(t, n, i), b = byte_at(t, n, i + 1), c = byte_at(t, n, i + 2);
    *breaks = 0;
    if (a == 0xC2 && (b == 0xA0 || b == 0x85)) {
        *breaks = b == 0x85;
        return 2;
    }
    if (i + 2 >= n)
        return 0;
    if (a == 0xE2 && b == 0x80) {
        if ((c >= 0x80 && c <= 0x8B) || c == 0xAF)
            return 3;
        if (c == 0xA8 || c == 0xA9) {
            *breaks = c == 0xA8 ? 1 : 2;
            return 3;
        }
        return 0;
    }
    if ((a == 0xE2 && b == 0x81 && c == 0x9F) || (a == 0xE3 && b == 0x80 && c == 0x80) ||
        (a == 0xEF && b == 0xBB && c == 0xBF) || (a == 0xE1 && b == 0x9A && c == 0x80))
        return 3;
    return 0;
}

/* Length of the white-space character at t[i] (ASCII or not), or 0. */
static int space_len(const char *t, size_t n, size_t i)
{
    int br;
    if (i >= n)
        return 0;
    if (is_ascii_space((unsigned char)t[i]))
        return 1;
    return (unsigned char)t[i] >= 0x80 ? uspace_len(t, n, i, &br) : 0;
}

/* Length of the white-space character that ends just before t[i] and starts
 * at or after lo, or 0. */
static int space_len_before(const char *t, size_t lo, size_t i)
{
    int br;
    if (i <= lo)
        return 0;
    if (is_ascii_space((unsigned char)t[i - 1]))
        return 1;
    if (i - lo >= 2 && uspace_len(t, i, i - 2, &br) == 2)
        return 2;
    if (i - lo >= 3 && uspace_len(t, i, i - 3, &br) == 3)
        return 3;
    return 0;
}

/* Terminal punctuation other than ASCII . ! ? */
enum { T_NONE = 0, T_ELLIPSIS, T_EXCL, T_FULLSTOP };

static int uterm_len(const char *t, size_t n, size_t i, int *kind)
{
    unsigned char a = byte_at(t, n, i), b = byte_at(t, n, i + 1), c = byte_at(t, n, i + 2);
    *kind = T_NONE;
    if (a == 0xE2 && b == 0x80 && c == 0xA6)
        *kind = T_ELLIPSIS; /* … */
    else if (a == 0xE2 && b == 0x80 && c == 0xBC)
        *kind = T_EXCL; /* ‼ */
    else if (a == 0xE2 && b == 0x81 && c >= 0x87 && c <= 0x89)
        *kind = T_EXCL; /* ⁇ ⁈ ⁉ */
    else if (a == 0xEF && b == 0xBC && (c == 0x81 || c == 0x9F || c == 0x8E))
        *kind = T_FULLSTOP; /* ！ ？ ． */
    else if (a == 0xE3 && b == 0x80 && c == 0x82)
        *kind = T_FULLSTOP; /* 。 */
    else if (a == 0xEF && b == 0xBD && c == 0xA1)
        *kind = T_FULLSTOP; /* ｡ */
    return *kind ? 3 : 0;
}

/* Length of a bullet character at t[i] (• ‣ ⁃ ◦ ● ▪ ■ ► ...), or 0. */
static int bullet_len(const char *t, size_t n, size_t i)
{
    unsigned char a = byte_at(t, n, i), b = byte_at(t, n, i + 1), c = byte_at(t, n, i + 2);
    if (a != 0xE2)
        return 0;
    if ((b == 0x80 && (c == 0xA2 || c == 0xA3)) || (b == 0x81 && c == 0x83) ||
        (b == 0x88 && c == 0x99) || (b == 0x96 && (c == 0xA0 || c == 0xA1 || c == 0xAA ||
                                                  c == 0xAB || c == 0xB6 || c == 0xB8 ||
                                                  c == 0xBA)) ||
        (b == 0x97 && (c == 0x86 || c == 0x87 || c == 0x8B || c == 0x8F || c == 0xA6)) ||
        (b == 0x9C && (c == 0x93 || c == 0x94)) || (b == 0x9E && (c == 0xA2 || c == 0xA4)))
        return 3;
    return 0;
}

/* Length of a closing quote or bracket at t[i], or 0. */
static int closer_len(const char *t, size_t n, size_t i)
{
    unsigned char a = byte_at(t, n, i), b = byte_at(t, n, i + 1), c = byte_at(t, n, i + 2);
    if (a == '"' || a == '\'' || a == ')' || a == ']' || a == '}')
        return 1;
    if (a == 0xC2 && b == 0xBB)
        return 2; /* » */
    if (a == 0xE2 && b == 0x80 && (c == 0x99 || c == 0x9D || c == 0xBA))
        return 3; /* ’ ” › */
    if (a == 0xE3 && b == 0x80 && (c == 0x8D || c == 0x8F || c == 0x91 || c == 0x89 || c == 0x8B))
        return 3; /* 」 』 】 〉 》 */
    if (a == 0xEF && b == 0xBC && (c == 0x89 || c == 0xBD))
        return 3; /* ） ］ */
    return 0;
}

/* Length of an opening quote or bracket at t[i], or 0. */
static int opener_len(const char *t, size_t n, size_t i)
{
    unsigned char a = byte_at(t, n, i), b = byte_at(t, n, i + 1), c = byte_at(t, n, i + 2);
    if (a == '"' || a == '\'' || a == '(' || a == '[' || a == '{' || a == '`' || a == '*' ||
        a == '_')
        return 1;
    if (a == 0xC2 && (b == 0xAB || b == 0xBF || b == 0xA1))
        return 2; /* « ¿ ¡ */
    if (a == 0xE2 && b == 0x80 && (c == 0x98 || c == 0x9C || c == 0x9E || c == 0xB9))
        return 3; /* ‘ “ „ ‹ */
    if (a == 0xE3 && b == 0x80 && (c == 0x8C || c == 0x8E || c == 0x90 || c == 0x88 || c == 0x8A))
        return 3; /* 「 『 【 〈 《 */
    if (a == 0xEF && b == 0xBC && (c == 0x88 || c == 0xBB))
        return 3; /* （ ［ */
    return 0;
}

/* Whether a line starting at t[i] opens with an ASCII or dash bullet:
 * "- ", "* ", "+ ", "– ", "— ", "· ". */
static int line_bullet(const char *t, size_t n, size_t i)
{
    unsigned char a = byte_at(t, n, i), b = byte_at(t, n, i + 1), c = byte_at(t, n, i + 2);
    size_t k = 0;
    if (a == '-' || a == '*' || a == '+')
        k = 1;
    else if (a == 0xE2 && b == 0x80 && (c == 0x93 || c == 0x94))
        k = 3;
    else if (a == 0xC2 && b == 0xB7)
        k = 2;
    return k && i + k < n && (t[i + k] == ' ' || t[i + k] == '\t');
}

/* ------------------------------------------------------------------ the splitter */

#define NONE ((size_t)-1)

/* How far the word before or after a period is read. */
#define MAX_WORD 64

/* List-marker kinds and styles: "3." "3.)" "3)" "c." "c)". */
enum { MK_DIGIT = 1, MK_LOWER, MK_UPPER };
enum { MS_DOT = 1, MS_DOTPAREN, MS_PAREN };

typedef struct splitter {
    const char *t;
    size_t n;
    size_t base;
    const sent_tables *tab;
    sl_span **spans;
    size_t *ns, *cs;
    size_t start;         /* first byte of the sentence being built */
    size_t line_start;    /* first byte of the current line */
    size_t after_cluster; /* end of the last terminal cluster: white space there is judged */
    size_t chunk_a, chunk_b; /* cached whitespace-delimited chunk [a, b) */
    int chunk_url;        /* it is a URL or e-mail address */
    size_t para_from, para_end; /* cached paragraph facts hold for [from, end) */
    size_t para_last_term;      /* last terminal punctuation in it, or NONE */
    size_t para_max_line;       /* longest line (bytes) from para_from on */
    int mk_kind, mk_style;      /* the last list marker that opened or continued a list */
    unsigned mk_value;
    int mk_valid;
} splitter;

/* Appends [a, b) trimmed of white space, if anything is left. */
static void emit(splitter *sp, size_t a, size_t b)
{
    sl_span s;
    int k;
    while (a < b && (k = space_len(sp->t, b, a)) > 0)
        a += (size_t)k;
    while (b > a && (k = space_len_before(sp->t, a, b)) > 0)
        b -= (size_t)k;
    if (b <= a)
        return;
    s.start = sp->base + a;
    s.end = sp->base + b;
    SL_PUSH(*sp->spans, *sp->ns, *sp->cs, s);
}

/* Ends the current sentence at b (its text is [start, b)); the next one
 * starts at `next`. */
static void cut(splitter *sp, size_t b, size_t next)
{
    emit(sp, sp->start, b);
    sp->start = next;
}

/* Whether [from, to) holds only white space, bullets and opening quotes or
 * brackets (nothing of a sentence yet).  Bounded: long gaps say no. */
static int only_openers(const splitter *sp, size_t from, size_t to)
{
    size_t i = from;
    if (to < from || to - from > 32)
        return to <= from;
    while (i < to) {
        int k = space_len(sp->t, sp->n, i);
        if (!k)
            k = opener_len(sp->t, sp->n, i);
        if (!k)
            k = bullet_len(sp->t, sp->n, i);
        if (!k && (sp->t[i] == '-' || sp->t[i] == '+'))
            k = 1;
        if (!k && line_bullet(sp->t, sp->n, i))
            k = (unsigned char)sp->t[i] == 0xC2 ? 2 : 3;
        if (!k)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* ---------------------------------------------------------------- chunks (URLs) */

/* Makes the chunk cache describe the whitespace-delimited chunk around i. */
static void chunk_at(splitter *sp, size_t i)
{
    const char *t = sp->t;
    size_t a = i, b = i, k;
    int url = 0;
    if (i >= sp->chunk_a && i < sp->chunk_b)
        return;
    while (a > 0 && !is_ascii_space((unsigned char)t[a - 1]))
        a--;
    while (b < sp->n && !is_ascii_space((unsigned char)t[b]))
        b++;
    /* skip opening punctuation: "(www.x.com" */
    k = a;
    while (k < b && opener_len(t, sp->n, k))
        k += (size_t)opener_len(t, sp->n, k);
    if (b - k >= 4 && (memcmp(t + k, "www.", 4) == 0 || memcmp(t + k, "WWW.", 4) == 0))
        url = 1;
    for (; !url && k + 2 < b; k++) {
        if (t[k] == ':' && t[k + 1] == '/' && t[k + 2] == '/')
            url = 1;
        else if (t[k] == '@' && k > a && k + 1 < b &&
                 (is_alpha_ascii((unsigned char)t[k - 1]) || is_digit((unsigned char)t[k - 1])) &&
                 (is_alpha_ascii((unsigned char)t[k + 1]) || is_digit((unsigned char)t[k + 1])))
            url = 1;
    }
    sp->chunk_a = a;
    sp->chunk_b = b;
    sp->chunk_url = url;
}

/* ---------------------------------------------------------------- paragraphs */

/* Makes the paragraph cache hold for position j: the last terminal
 * punctuation of the paragraph and its longest line from j on. */
static void para_at(splitter *sp, size_t j)
{
    const char *t = sp->t;
    size_t k = j, line_begin = j, maxl = 0, last = NONE;
    int content = 0;
    if (j >= sp->para_from && j < sp->para_end)
        return;
    while (k < sp->n) {
        unsigned char c = (unsigned char)t[k];
        if (c == '\n' || c == '\r') {
            if (!content && k > j)
                break; /* a blank line ends the paragraph */
            if (k - line_begin > maxl)
                maxl = k - line_begin;
            k++;
            if (c == '\r' && k < sp->n && t[k] == '\n')
                k++;
            line_begin = k;
            content = 0;
            continue;
        }
        if (c == '.' || c == '!' || c == '?' || c == ':')
            last = k;
        if (c != ' ' && c != '\t')
            content = 1;
        k++;
    }
    if (content && k - line_begin > maxl)
        maxl = k - line_begin;
    sp->para_from = j;
    sp->para_end = k > j ? k : j + 1;
    sp->para_last_term = last;
    sp->para_max_line = maxl;
}

/* ---------------------------------------------------------------- words */

enum { WC_EMPTY = 0, WC_WORD, WC_NUMBER, WC_UPPER1, WC_LOWER1, WC_ACRONYM, WC_LONG };

typedef struct word {
    size_t a, b;     /* [a, b): the word, opening punctuation stripped */
    int cls;         /* WC_* */
    unsigned flags;  /* W_* from the tables */
} word;

/* Single letters with periods between them: "U.S", "a.m", "Ph.D", "W.Va". */
static int is_acronym(const char *s, size_t n)
{
    size_t i, run = 0;
    int dots = 0;
    for (i = 0; i < n; i++) {
        if (is_alpha_ascii((unsigned char)s[i])) {
            if (++run > 2)
                return 0;
        } else if (s[i] == '.' && run > 0) {
            run = 0;
            dots++;
        } else {
            return 0;
        }
    }
    return dots > 0 && run > 0;
}

/* The class of a single non-ASCII letter s[0..n), or WC_WORD. */
static int single_letter(const char *s, size_t n)
{
    uint32_t cp;
    int k = sl_utf8_decode((const unsigned char *)s, n, &cp);
    if (k <= 0 || (size_t)k != n)
        return WC_WORD;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return WC_UPPER1;
    case UTF8PROC_CATEGORY_LL: return WC_LOWER1;
    default: return WC_WORD;
    }
}

/* The word that ends at i (just before a period): the whitespace-delimited
 * chunk, not reaching before the current sentence, with opening quotes and
 * brackets stripped. */
static word word_before(const splitter *sp, size_t i)
{
    const char *t = sp->t;
    size_t lo = sp->start, a = i, k;
    word w;
    int sl;
    if (i > MAX_WORD && i - MAX_WORD > lo)
        lo = i - MAX_WORD;
    while (a > lo && !space_len_before(t, lo, a))
        a--;
    w.a = a;
    w.b = i;
    w.flags = 0;
    if (a == lo && lo > sp->start && !space_len_before(t, 0, a)) {
        w.cls = WC_LONG;
        return w;
    }
    while (w.a < i) {
        unsigned char c = (unsigned char)t[w.a];
        if (c < 0x80 && !is_alpha_ascii(c) && !is_digit(c))
            w.a++;
        else if ((sl = opener_len(t, i, w.a)) > 0 || (sl = bullet_len(t, i, w.a)) > 0)
            w.a += (size_t)sl;
        else
            break;
    }
    a = w.a;
    if (a == i) {
        w.cls = WC_EMPTY;
        return w;
    }
    {
        int digits = 0, other = 0;
        for (k = a; k < i; k++) {
            unsigned char c = (unsigned char)t[k];
            if (is_digit(c))
                digits = 1;
            else if (c != ',' && c != '.')
                other = 1;
        }
        if (digits && !other) {
            w.cls = WC_NUMBER;
            return w;
        }
    }
    if (i - a == 1 && is_alpha_ascii((unsigned char)t[a]))
        w.cls = is_upper_ascii((unsigned char)t[a]) ? WC_UPPER1 : WC_LOWER1;
    else if ((unsigned char)t[a] >= 0x80 && i - a <= 4 && single_letter(t + a, i - a) != WC_WORD)
        w.cls = single_letter(t + a, i - a);
    else if (is_acronym(t + a, i - a))
        w.cls = WC_ACRONYM;
    else
        w.cls = WC_WORD;
    w.flags = lookup(sp->tab, t + a, i - a, is_upper_ascii((unsigned char)t[a]));
    if (!w.flags) {
        /* "Det.-Sgt", "(D-Mass": the part after the last hyphen or slash */
        for (k = i; k > a && t[k - 1] != '-' && t[k - 1] != '/'; k--)
            ;
        if (k > a && k < i)
            w.flags = lookup(sp->tab, t + k, i - k, is_upper_ascii((unsigned char)t[k]));
    }
    return w;
}

/* The case of the word before position a: 1 lower-case, 2 capitalized,
 * 0 none (start of sentence, punctuation, number). */
static int prev_word_case(const splitter *sp, size_t a)
{
    const char *t = sp->t;
    size_t lo = sp->start, k = a;
    if (a > MAX_WORD && a - MAX_WORD > lo)
        lo = a - MAX_WORD;
    while (k > lo && space_len_before(t, lo, k))
        k -= (size_t)space_len_before(t, lo, k);
    if (k == a || k == lo)
        return 0;
    while (k > lo && !space_len_before(t, lo, k))
        k--;
    while (k < a && opener_len(t, a, k))
        k += (size_t)opener_len(t, a, k);
    if (k >= a)
        return 0;
    if (is_lower_ascii((unsigned char)t[k]))
        return 1;
    if (is_upper_ascii((unsigned char)t[k]))
        return 2;
    if ((unsigned char)t[k] >= 0x80) {
        uint32_t cp;
        if (sl_utf8_decode((const unsigned char *)t + k, a - k, &cp) > 0) {
            if (utf8proc_islower((utf8proc_int32_t)cp))
                return 1;
            if (utf8proc_isupper((utf8proc_int32_t)cp))
                return 2;
        }
    }
    return 0;
}

enum { NX_NONE = 0, NX_CAP, NX_LOWER, NX_DIGIT, NX_ELLIPSIS, NX_BULLET, NX_PUNCT };

typedef struct next_word {
    int kind;        /* NX_* */
    unsigned flags;  /* W_* of the word (starter, time word) */
} next_word;

/* What comes at j (the first character after white space): a capitalized
 * word (also "iPhone": lower-case with a capital inside), a lower-case one,
 * a number, an ellipsis, a bullet, or punctuation; opening quotes and
 * brackets are looked through. */
static next_word word_after(const splitter *sp, size_t j)
{
    const char *t = sp->t;
    size_t n = sp->n, lim = j + 8, k;
    next_word nx = {NX_NONE, 0};
    int ol;
    unsigned char c;
    while (j < n && j < lim && (ol = opener_len(t, n, j)) > 0)
        j += (size_t)ol;
    /* a dialogue or list dash: "What do you see? - Posted like ..." */
    if (line_bullet(t, n, j) && t[j] != '*' && t[j] != '+') {
        j += (unsigned char)t[j] == '-' ? 1 : (unsigned char)t[j] == 0xC2 ? 2 : 3;
        while (j < n && t[j] == ' ')
            j++;
    }
    if (j >= n)
        return nx;
    c = (unsigned char)t[j];
    if (is_upper_ascii(c)) {
        nx.kind = NX_CAP;
    } else if (is_lower_ascii(c)) {
        nx.kind = NX_LOWER;
        for (k = j + 1; k < n && k < j + MAX_KEY && is_alpha_ascii((unsigned char)t[k]); k++)
            if (is_upper_ascii((unsigned char)t[k]))
                nx.kind = NX_CAP; /* iPhone, eBay */
    } else if (is_digit(c)) {
        nx.kind = NX_DIGIT;
    } else if ((c == '$' || c == '#') && is_digit(byte_at(t, n, j + 1))) {
        nx.kind = NX_DIGIT;
    } else if (c == '.') {
        if (byte_at(t, n, j + 1) == '.' || (byte_at(t, n, j + 1) == ' ' && byte_at(t, n, j + 2) == '.'))
            nx.kind = NX_ELLIPSIS;
        else
            nx.kind = is_digit(byte_at(t, n, j + 1)) ? NX_DIGIT : NX_PUNCT;
    } else if (c >= 0x80) {
        int tk;
        uint32_t cp;
        if (uterm_len(t, n, j, &tk) && tk == T_ELLIPSIS) {
            nx.kind = NX_ELLIPSIS;
        } else if (bullet_len(t, n, j)) {
            nx.kind = NX_BULLET;
        } else if (sl_utf8_decode((const unsigned char *)t + j, n - j, &cp) > 0) {
            switch (utf8proc_category((utf8proc_int32_t)cp)) {
            case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LO:
            case UTF8PROC_CATEGORY_LM:
                nx.kind = NX_CAP;
                break;
            case UTF8PROC_CATEGORY_LL:
                nx.kind = NX_LOWER;
                break;
            case UTF8PROC_CATEGORY_ND:
            case UTF8PROC_CATEGORY_SC: /* £ € ¥ */
                nx.kind = NX_DIGIT;
                break;
            default:
                nx.kind = NX_PUNCT;
            }
        } else {
            nx.kind = NX_PUNCT;
        }
    } else {
        nx.kind = NX_PUNCT;
    }
    if (nx.kind == NX_CAP || nx.kind == NX_LOWER) {
        for (k = j; k < n && k - j < MAX_KEY && is_alpha_ascii((unsigned char)t[k]); k++)
            ;
        if (k > j)
            nx.flags = lookup(sp->tab, t + j, k - j, is_upper_ascii(c));
        /* a list item "(ii) ...", "b) ...": a letter or a small Roman numeral */
        if (nx.kind == NX_LOWER && byte_at(t, n, k) == ')' && k - j <= 4) {
            size_t m = j;
            while (m < k && in_set(t[m], "ivxlc"))
                m++;
            if (m == k || k - j == 1)
                nx.kind = NX_BULLET;
        }
    }
    return nx;
}

/* Skips white space from j; *breaks gets the line breaks in it. */
static size_t skip_space(const splitter *sp, size_t j, int *breaks)
{
    const char *t = sp->t;
    *breaks = 0;
    while (j < sp->n) {
        unsigned char c = (unsigned char)t[j];
        int k, br;
        if (c == '\n') {
            (*breaks)++;
            j++;
        } else if (c == '\r') {
            (*breaks)++;
            j++;
            if (j < sp->n && t[j] == '\n')
                j++;
        } else if (c == '\f') {
            *breaks += 2;
            j++;
        } else if (c == ' ' || c == '\t' || c == '\v') {
            j++;
        } else if (c >= 0x80 && (k = uspace_len(t, sp->n, j, &br)) > 0) {
            *breaks += br;
            j += (size_t)k;
        } else {
            break;
        }
    }
    return j;
}

/* ---------------------------------------------------------------- list markers */

/* Reads a list marker at j ("12." "3.)" "4)" "b." "c)"), followed by white
 * space; returns 1 and its kind, style and value. */
static int marker_at(const splitter *sp, size_t j, int *kind, int *style, unsigned *value)
{
    const char *t = sp->t;
    size_t n = sp->n, k = j;
    unsigned char c = byte_at(t, n, j);
    if (is_digit(c)) {
        unsigned v = 0;
        while (k < n && k - j < 3 && is_digit((unsigned char)t[k]))
            v = v * 10 + (unsigned)(t[k++] - '0');
        if (is_digit(byte_at(t, n, k)))
            return 0;
        *kind = MK_DIGIT;
        *value = v;
    } else if (is_alpha_ascii(c)) {
        *kind = is_lower_ascii(c) ? MK_LOWER : MK_UPPER;
        *value = (unsigned)(c | 32) - 'a';
        k++;
    } else {
        return 0;
    }
    if (byte_at(t, n, k) == '.' && byte_at(t, n, k + 1) == ')') {
        *style = MS_DOTPAREN;
        k += 2;
    } else if (byte_at(t, n, k) == '.') {
        *style = MS_DOT;
        k++;
    } else if (byte_at(t, n, k) == ')') {
        *style = MS_PAREN;
        k++;
    } else {
        return 0;
    }
    return k < n && space_len(t, n, k) > 0;
}

/* Whether characters a, b may open a list marker ("1." "12" "b)"); a cheap
 * test before marker_at. */
static int may_mark(char a, char b)
{
    if (is_digit((unsigned char)a))
        return is_digit((unsigned char)b) || b == '.' || b == ')';
    return is_alpha_ascii((unsigned char)a) && (b == '.' || b == ')');
}

/* At j, the first character after white space or a bullet: a list marker
 * that follows the previous one ("... first item 2. The second") starts a new
 * sentence; one at the start of a sentence may open a list. */
static void check_marker(splitter *sp, size_t j)
{
    int kind, style;
    unsigned value;
    if (!marker_at(sp, j, &kind, &style, &value))
        return;
    if (only_openers(sp, sp->start, j)) {
        sp->mk_valid = 1;
    } else if (sp->mk_valid && kind == sp->mk_kind && style == sp->mk_style &&
               value == sp->mk_value + 1 && kind != MK_UPPER) {
        cut(sp, j, j);
    } else {
        return;
    }
    sp->mk_kind = kind;
    sp->mk_style = style;
    sp->mk_value = value;
}

/* ---------------------------------------------------------------- line breaks */

/* A single line break between [.., i) and the next line at j, where the line
 * does not end with terminal punctuation: does the sentence end here?  Yes
 * for headlines, captions and list lines; no for a line broken inside a
 * sentence (next line in lower case in a paragraph that has sentence
 * punctuation, a line ending with a comma or "the", a hard-wrapped line). */
static int line_break_ends(splitter *sp, size_t i, size_t j, size_t line_len)
{
    const char *t = sp->t;
    size_t k;
    unsigned char prev;
    next_word nx;
    int kind, style;
    unsigned value;
    if (j >= sp->n || only_openers(sp, sp->start, i))
        return 0;
    if (bullet_len(t, sp->n, j) || line_bullet(t, sp->n, j) || marker_at(sp, j, &kind, &style, &value))
        return 1;
    nx = word_after(sp, j);
    if (nx.kind == NX_LOWER) {
        para_at(sp, j);
        return sp->para_last_term == NONE || sp->para_last_term < j;
    }
    if (nx.kind == NX_PUNCT && (closer_len(t, sp->n, j) || in_set(t[j], ".,;:!?%")))
        return 0;
    prev = (unsigned char)t[i - 1];
    if (in_set(prev, ",;:-&/(") ||
        (i >= 3 && (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80 &&
         (prev == 0x93 || prev == 0x94)))
        return 0;
    for (k = i; k > sp->start && i - k < MAX_KEY && is_alpha_ascii((unsigned char)t[k - 1]); k--)
        ;
    if (k < i && (k == sp->start || !is_alpha_ascii((unsigned char)t[k - 1])) &&
        (lookup(sp->tab, t + k, i - k, 0) & W_CONT))
        return 0;
    para_at(sp, j);
    if (line_len >= 40 && line_len * 4 >= sp->para_max_line * 3)
        return 0; /* hard-wrapped prose */
    return 1;
}

/* White space at i: paragraph breaks and line breaks.  Returns the end of
 * the run. */
static size_t on_space(splitter *sp, size_t i)
{
    int breaks;
    size_t j = skip_space(sp, i, &breaks), line_len = i - sp->line_start;
    if (breaks) {
        size_t k = j;
        while (k > i && (sp->t[k - 1] == ' ' || sp->t[k - 1] == '\t'))
            k--;
        sp->line_start = k;
    }
    if (breaks >= 2) {
        cut(sp, i, j);
        sp->mk_valid = 0;
    } else if (breaks == 1 && i != sp->after_cluster && line_break_ends(sp, i, j, line_len)) {
        cut(sp, i, j);
    }
    if (j + 1 < sp->n && may_mark(sp->t[j], sp->t[j + 1]))
        check_marker(sp, j);
    return j;
}

/* A bullet at i (length len): preceded by white space, it starts a sentence. */
static size_t on_bullet(splitter *sp, size_t i, size_t len)
{
    if (i == 0 || space_len_before(sp->t, 0, i))
        cut(sp, i, i);
    if (i + len < sp->n && !space_len(sp->t, sp->n, i + len))
        check_marker(sp, i + len);
    return i + len;
}

/* ---------------------------------------------------------------- terminal clusters */

typedef struct cluster {
    size_t end;        /* after the cluster and its closing quotes/brackets */
    size_t term_end;   /* after the last terminal character */
    size_t first_end;  /* after the first terminal character */
    int dots;          /* ASCII periods */
    int excl;          /* ! ? and their variants */
    int hellip;        /* … */
    int full;          /* a full-width or CJK stop */
    int spaced;        /* ". . ." */
    int first_attached; /* the first character directly follows a word */
    int possessive;    /* ".'s": "Jr.'s" */
} cluster;

static void scan_cluster(const splitter *sp, size_t i, cluster *cl)
{
    const char *t = sp->t;
    size_t n = sp->n, j = i;
    int k, tk;
    memset(cl, 0, sizeof(*cl));
    cl->first_attached = i > 0 && !space_len_before(t, 0, i);
    for (;;) {
        unsigned char c = byte_at(t, n, j);
        if (c == '.') {
            cl->dots++;
            j++;
        } else if (c == '!' || c == '?') {
            cl->excl++;
            j++;
        } else if (c >= 0x80 && (k = uterm_len(t, n, j, &tk)) > 0) {
            if (tk == T_ELLIPSIS)
                cl->hellip++;
            else if (tk == T_EXCL)
                cl->excl++;
            else
                cl->full++;
            j += (size_t)k;
        } else if (c == ' ' && j > i && t[j - 1] == '.' && byte_at(t, n, j + 1) == '.' &&
                   byte_at(t, n, j + 2) != '.' && cl->excl == 0) {
            cl->spaced = 1;
            j++;
        } else {
            break;
        }
        if (!cl->first_end)
            cl->first_end = j;
    }
    cl->term_end = j;
    if ((byte_at(t, n, j) == '\'' && byte_at(t, n, j + 1) == 's' &&
         !is_alpha_ascii(byte_at(t, n, j + 2))) ||
        (byte_at(t, n, j) == 0xE2 && byte_at(t, n, j + 1) == 0x80 && byte_at(t, n, j + 2) == 0x99 &&
         byte_at(t, n, j + 3) == 's' && !is_alpha_ascii(byte_at(t, n, j + 4))))
        cl->possessive = 1;
    while ((k = closer_len(t, n, j)) > 0)
        j += (size_t)k;
    cl->end = j;
}

/* A short fronted phrase ending at a ("At 5 a.m."): the sentence so far
 * opens with a time preposition and has at most three words before a. */
static int fronted_phrase(const splitter *sp, size_t a)
{
    const char *t = sp->t;
    size_t k = sp->start, e;
    int words = 0;
    if (a < k || a - k > 40)
        return 0;
    while (k < a && space_len(t, a, k))
        k += (size_t)space_len(t, a, k);
    for (e = k; e < a && is_alpha_ascii((unsigned char)t[e]); e++)
        ;
    if (e == k || !(lookup(sp->tab, t + k, e - k, is_upper_ascii((unsigned char)t[k])) & W_TIMEPREP))
        return 0;
    for (; k < a; k++)
        if (!is_ascii_space((unsigned char)t[k]) && (k == sp->start || is_ascii_space((unsigned char)t[k - 1])))
            words++;
    return words <= 3;
}

/* A terminal cluster with no white space after it ("world.Today",
 * "1,000.That", "3.14", "U.S.A", "Yahoo!J"): a boundary only between a word
 * of two or more letters (or a number) and a capitalized word. */
static size_t glued(const splitter *sp, size_t i, const cluster *cl)
{
    const char *t = sp->t;
    word w;
    if (cl->full)
        return cl->end;
    if (cl->spaced || !is_upper_ascii(byte_at(t, sp->n, cl->end)) ||
        !is_lower_ascii(byte_at(t, sp->n, cl->end + 1)))
        return NONE;
    w = word_before(sp, i);
    if (w.cls == WC_NUMBER && cl->dots == 1 && !cl->excl)
        return cl->end;
    if (w.cls == WC_WORD && w.b - w.a >= 2 && is_lower_ascii((unsigned char)t[w.b - 1]) &&
        !(w.flags & (W_NONFINAL | W_NUMERIC | W_FINAL | W_TIME)))
        return cl->end;
    return NONE;
}

/* A citation or footnote glued to the end of a sentence and followed by a
 * capitalized word: "a martyr.[1] The emperor", "in July.[17][18] The",
 * "Journal (1987).1 According".  Returns where the sentence ends, or 0. */
static size_t glued_note(const splitter *sp, size_t i, const cluster *cl)
{
    const char *t = sp->t;
    size_t n = sp->n, k = cl->end, m;
    next_word nx;
    if (cl->dots != 1 || cl->excl || cl->spaced || i == 0)
        return 0;
    while (byte_at(t, n, k) == '[') {
        for (m = k + 1; m < n && m - k <= 4 && is_digit((unsigned char)t[m]); m++)
            ;
        if (m == k + 1 || byte_at(t, n, m) != ']')
            return 0;
        k = m + 1;
    }
    if (k == cl->end) {
        unsigned char p = (unsigned char)t[i - 1];
        if (!(is_lower_ascii(p) || p == ')'))
            return 0;
        for (m = k; m < n && m - k < 3 && is_digit((unsigned char)t[m]); m++)
            ;
        if (m == k)
            return 0;
        k = m;
    }
    if (k >= n)
        return k;
    if (!space_len(t, n, k))
        return 0;
    m = k;
    while (m < n && space_len(t, n, m))
        m += (size_t)space_len(t, n, m);
    nx = word_after(sp, m);
    return nx.kind == NX_CAP || m >= n ? k : 0;
}

/* A single period at i followed by white space and nx: the abbreviation,
 * initial, number and list rules. */
static size_t period(const splitter *sp, size_t i, const cluster *cl, next_word nx)
{
    word w = word_before(sp, i);
    int pc;
    if ((w.cls == WC_NUMBER && w.b - w.a <= 3) || w.cls == WC_UPPER1 || w.cls == WC_LOWER1) {
        if (only_openers(sp, sp->start, w.a))
            return NONE; /* "1. The first item", "a. Text", "Q. What ..." */
    }
    switch (nx.kind) {
    case NX_LOWER:
    case NX_PUNCT:
        return NONE;
    case NX_NONE:
    case NX_ELLIPSIS:
    case NX_BULLET:
        return cl->end;
    case NX_DIGIT:
        if ((w.flags & (W_NONFINAL | W_NUMERIC | W_FINAL | W_TIME)) || w.cls == WC_ACRONYM ||
            w.cls == WC_UPPER1 || w.cls == WC_LOWER1)
            return NONE; /* "No. 1", "Jan. 20", "p. 55" */
        return cl->end;
    default:
        break;
    }
    /* a capitalized word follows */
    if (w.flags & W_NONFINAL)
        return NONE;
    if (w.flags & W_TIME) {
        if ((nx.flags & W_TIMEWORD) || fronted_phrase(sp, w.a))
            return NONE;
        return cl->end;
    }
    if ((w.flags & W_FINAL) || w.cls == WC_ACRONYM)
        return (nx.flags & W_STARTER) ? cl->end : NONE;
    if (w.cls == WC_UPPER1) {
        pc = prev_word_case(sp, w.a);
        if (pc == 1 && (sp->t[w.a] == 'I' || (nx.flags & W_STARTER)))
            return cl->end; /* "you and I. Did", "vitamin C. The" */
        return NONE;        /* an initial: "George W. Bush" */
    }
    if (w.cls == WC_LOWER1)
        return (nx.flags & W_STARTER) ? cl->end : NONE;
    return cl->end;
}

/* A citation or omission mark at j that belongs to the sentence before it:
 * "[17]", "[6, 21]", "[…]", "[...]".  Returns its end, or 0. */
static size_t citation_at(const splitter *sp, size_t j)
{
    const char *t = sp->t;
    size_t k = j + 1;
    if (byte_at(t, sp->n, j) != '[')
        return 0;
    while (k < sp->n && k - j < 16) {
        unsigned char c = (unsigned char)t[k];
        if (is_digit(c) || c == ',' || c == ' ' || c == '-' || c == '.')
            k++;
        else if (c == 0xE2 && byte_at(t, sp->n, k + 1) == 0x80 &&
                 (byte_at(t, sp->n, k + 2) == 0xA6 || byte_at(t, sp->n, k + 2) == 0x93))
            k += 3; /* … – */
        else
            break;
    }
    if (k == j + 1 || byte_at(t, sp->n, k) != ']')
        return 0;
    k++;
    return k >= sp->n || space_len(t, sp->n, k) ? k : 0;
}

/* A parenthesized credit closing a paragraph after a sentence: "... on
 * March 18, 2014. (File/FOX5)", "(AP Photo/Evan Vucci)".  Returns its end, or
 * 0. */
static size_t credit_at(const splitter *sp, size_t j)
{
    const char *t = sp->t;
    size_t k = j + 1;
    int breaks;
    if (byte_at(t, sp->n, j) != '(')
        return 0;
    while (k < sp->n && k - j < 80 && !in_set(t[k], "().!?\n"))
        k++;
    if (k == j + 1 || byte_at(t, sp->n, k) != ')')
        return 0;
    k++;
    j = skip_space(sp, k, &breaks);
    return j >= sp->n || breaks >= 1 ? k : 0;
}

/* Terminal punctuation at i.  Returns where scanning goes on. */
static size_t on_terminal(splitter *sp, size_t i)
{
    const char *t = sp->t;
    cluster cl;
    size_t r, b = NONE;
    int breaks;
    scan_cluster(sp, i, &cl);
    chunk_at(sp, i);
    if (sp->chunk_url && cl.end < sp->chunk_b)
        return cl.end; /* inside a URL or e-mail address */
    sp->after_cluster = cl.end;
    r = skip_space(sp, cl.end, &breaks);
    if (r >= sp->n || breaks >= 2) {
        b = cl.end;
    } else if (cl.possessive) {
        b = NONE;
    } else if (r == cl.end) {
        size_t note = glued_note(sp, i, &cl);
        if (note) {
            sp->after_cluster = note;
            cut(sp, note, note);
            return note;
        }
        b = glued(sp, i, &cl);
    } else if (cl.full) {
        b = cl.end;
    } else {
        next_word nx = word_after(sp, r);
        if (cl.excl) {
            b = nx.kind == NX_LOWER || nx.kind == NX_PUNCT ? NONE : cl.end;
        } else if (cl.spaced) {
            /* ". . ." inside a sentence; ". . . ." ends one: after the
             * first period when it is attached to the word ("compounds.
             * . . . The"), else after the last ("period . . . . Next") */
            if (cl.dots + cl.hellip >= 4 && nx.kind == NX_CAP)
                b = cl.first_attached ? cl.first_end : cl.end;
        } else if (cl.dots >= 2 || cl.hellip) {
            /* "slowly... And", but not "[...]", and an ellipsis standing
             * between two sentences opens the second: "first. ... But" */
            if (!(i > 0 && t[i - 1] == '[' && byte_at(t, sp->n, cl.term_end) == ']') &&
                nx.kind == NX_CAP && !only_openers(sp, sp->start, i))
                b = cl.end;
        } else {
            b = period(sp, i, &cl, nx);
        }
    }
    if (b == cl.end && breaks == 0 && r > cl.end) {
        size_t c = citation_at(sp, r);
        if (!c)
            c = credit_at(sp, r);
        if (c) {
            /* "... in Dulwich. [17] He" */
            sp->after_cluster = c;
            cut(sp, c, c);
            return c;
        }
    }
    if (b != NONE)
        cut(sp, b, b);
    return cl.end;
}

/* ---------------------------------------------------------------- the pass */

void sl_sentences_split(sl_ctx *ctx, const char *text, size_t len, size_t base, sl_span **spans,
                        size_t *n, size_t *cap)
{
    splitter sp;
    size_t i = 0;
    memset(&sp, 0, sizeof(sp));
    sp.t = text;
    sp.n = len;
    sp.base = base;
    sp.tab = tables_get(ctx);
    sp.spans = spans;
    sp.ns = n;
    sp.cs = cap;
    sp.after_cluster = NONE;
    if (len)
        check_marker(&sp, 0);
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        switch (byte_kind[c]) {
        case K_OTHER:
            i++;
            while (i < len && byte_kind[(unsigned char)text[i]] == K_OTHER)
                i++;
            break;
        case K_TERM:
            i = on_terminal(&sp, i);
            break;
        case K_SPACE:
            /* the common case, one space between words, needs no judgement */
            if (c == ' ' && i + 2 < len && byte_kind[(unsigned char)text[i + 1]] == K_OTHER &&
                !may_mark(text[i + 1], text[i + 2])) {
                i += 2;
                break;
            }
            i = on_space(&sp, i);
            break;
        default: {
            int k, tk, br;
            if (c < 0xC2) {
                i++;
            } else if (uspace_len(text, len, i, &br) > 0) {
                i = on_space(&sp, i);
            } else if (uterm_len(text, len, i, &tk) > 0) {
                i = on_terminal(&sp, i);
            } else if ((k = bullet_len(text, len, i)) > 0) {
                i = on_bullet(&sp, i, (size_t)k);
            } else {
                i++;
            }
        }
        }
    }
    emit(&sp, sp.start, len);
}
