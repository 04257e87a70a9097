/*
 * cleanrules.c: compiling and matching the cleaner's rules (see cleanrules.h).
 *
 * A pattern compiles to a short array of elements; matching is a recursive
 * glob over them (one recursion level per element, loops for the variable
 * ones), so the stack depth is the pattern length.  Text is compared one
 * folded code point at a time (ASCII and utf8proc lower case; curly quotes,
 * dashes and odd spaces read as ' " - and space), which keeps every
 * position on a character boundary and lets a rule written in ASCII match
 * typographic text.  Work is bounded twice: a rule sees at most
 * SL_RULE_WINDOW bytes of a paragraph, and one match attempt may take at
 * most MATCH_BUDGET steps (a failed budget is a non-match: keeping a line is
 * the safe side).
 */
#include "text/cleanrules.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/data.h"
#include "util/mem.h"
#include "util/utf8.h"

#define MATCH_BUDGET 20000
#define NAME_TOKENS 6   /* words in one {name} */
#define MAX_ENDS 24     /* candidate ends tried for {name}/{names} */
#define DEFAULT_MAX 300 /* bytes, when a rule gives no max= */
#define WORD_CAP 1001   /* words are counted up to this */
#define CUT_MAX_WORDS 16 /* a caption or strip rule cuts at most this many words */
#define ANY_LEN ((size_t)-1)

enum {
    P_LIT,
    P_SPACE,
    P_STAR,
    P_KEEP,
    P_NAME,
    P_NAMES,
    P_NUM,
    P_WORD,
    P_EMAIL,
    P_HANDLE,
    P_URL,
    P_PUNCT,
    P_STOP,
    P_SET,
    P_SEQ
};

typedef struct sl_pelem {
    int type;
    uint32_t *cp;  /* P_LIT: folded code points */
    size_t ncp;
    size_t set;    /* P_SET, P_SEQ: index of the set */
} sl_pelem;

typedef struct phrase {
    uint32_t *cp; /* folded; ' ' stands for a run of white space */
    size_t n;
} phrase;

typedef struct cset {
    char *name;
    phrase *ph;
    size_t n, cap;
} cset;

/* What a paragraph must show for a rule to have a chance, checked on raw
 * bytes before the matcher runs: most rules fail here in a few steps. */
typedef struct prefilter {
    size_t min_len;   /* the fewest bytes a text it matches can have */
    size_t max_len;   /* the rule's max= */
    uint32_t first;   /* the first folded code point, or 0 */
    char must[32];    /* an ASCII literal the text must contain (lower case), or "" */
    size_t nmust;
    char tail[32];    /* an ASCII literal the text must end with (lower case), or "" */
    size_t ntail;
} prefilter;

struct sl_cleanrules {
    sl_rule *rules;
    size_t n, cap;
    prefilter *pf;   /* one per rule */
    size_t cpf;
    size_t *cand[129]; /* by a text's first folded character (128: not ASCII):
                        * the rules that may match it, in order */
    size_t ncand[129];
    cset *sets;
    size_t nsets, csets;
};

/* ------------------------------------------------------------------ characters */

/* The folded code point at s[i] (i < n); *adv its length.  Bytes that are
 * not UTF-8 fold to values above U+10FFFF, equal to no pattern character. */
static uint32_t fold_at(const char *s, size_t n, size_t i, size_t *adv)
{
    unsigned char c = (unsigned char)s[i];
    uint32_t cp;
    int k;
    if (c < 0x80) {
        *adv = 1;
        if (c >= 'A' && c <= 'Z')
            return (uint32_t)c + 32;
        if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            return ' ';
        return c;
    }
    k = sl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k < 0) {
        *adv = 1;
        return 0x110000u + c;
    }
    *adv = (size_t)k;
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000: case 0x1680:
        return ' ';
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return ' ';
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

static int is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp >= 0x110000)
        return 0;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int word_at(const char *s, size_t n, size_t i)
{
    size_t adv;
    return i < n && is_word_cp(fold_at(s, n, i, &adv));
}

static int word_before(const char *s, size_t n, size_t i)
{
    size_t adv;
    if (i == 0)
        return 0;
    return is_word_cp(fold_at(s, n, sl_utf8_back(s, i - 1), &adv));
}

static int space_at(const char *s, size_t n, size_t i, size_t *adv)
{
    return i < n && fold_at(s, n, i, adv) == ' ';
}

/* Upper-case letter (not folded) at s[i]. */
static int upper_at(const char *s, size_t n, size_t i)
{
    unsigned char c;
    uint32_t cp;
    if (i >= n)
        return 0;
    c = (unsigned char)s[i];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (sl_utf8_decode((const unsigned char *)s + i, n - i, &cp) < 0)
        return 0;
    return utf8proc_isupper((utf8proc_int32_t)cp) ||
           utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LT;
}

static size_t next_char(const char *s, size_t n, size_t i)
{
    size_t adv;
    (void)fold_at(s, n, i, &adv);
    return i + adv;
}

/* Compares the folded text at s[i] with cp[0..m); a ' ' in cp matches a run
 * of white space.  Returns the end or (size_t)-1. */
static size_t lit_at(const char *s, size_t n, size_t i, const uint32_t *cp, size_t m)
{
    size_t k, adv;
    for (k = 0; k < m; k++) {
        if (i >= n)
            return ANY_LEN;
        if (cp[k] == ' ') {
            if (!space_at(s, n, i, &adv))
                return ANY_LEN;
            while (space_at(s, n, i, &adv))
                i += adv;
            continue;
        }
        if (fold_at(s, n, i, &adv) != cp[k])
            return ANY_LEN;
        i += adv;
    }
    return i;
}

static int lower_byte(char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : (unsigned char)c;
}

/* ------------------------------------------------------------------ names */

/* Words that may not open a {name}: capitalised at a sentence start, they
 * would make "By The Numbers" a byline. */
static int name_stopword(const char *s, size_t a, size_t b)
{
    static const char *const stop[] = {"the", "a", "an", "this", "that", "these", "those", "in",
                                       "on", "at", "for", "to", "and", "or", "but", "of", "with",
                                       "from", "by", "as", "if", "it", "he", "she", "we", "they",
                                       "i", "his", "her", "its", "our", "their", "my", "your"};
    size_t k, j;
    for (k = 0; k < sizeof(stop) / sizeof(stop[0]); k++) {
        size_t m = strlen(stop[k]);
        if (b - a != m)
            continue;
        for (j = 0; j < m; j++) {
            char c = s[a + j];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (c != stop[k][j])
                break;
        }
        if (j == m)
            return 1;
    }
    return 0;
}

/* Lower-case particles inside names ("Ludwig van Beethoven", "Bank of America"). */
static int name_particle(const char *s, size_t a, size_t b)
{
    static const char *const part[] = {"de", "da", "del", "della", "der", "den", "van", "von",
                                       "la", "le", "du", "bin", "al", "el", "di", "dos", "ter",
                                       "ten", "of", "y"};
    size_t k;
    for (k = 0; k < sizeof(part) / sizeof(part[0]); k++)
        if (strlen(part[k]) == b - a && memcmp(s + a, part[k], b - a) == 0)
            return 1;
    return 0;
}

/* End of a name token starting at i: letters, digits and ' - & inside; a
 * period only inside ("D.C", "CBSDFW.COM") or after an initial ("J."), so
 * that a sentence's final period is not taken into the name. */
static size_t token_end(const char *s, size_t n, size_t i)
{
    size_t adv, seg = 0;
    while (i < n) {
        uint32_t c = fold_at(s, n, i, &adv);
        if (c == '.') {
            if (!(seg == 1 || (i + 1 < n && is_word_cp((unsigned char)s[i + 1]))))
                break;
            seg = 0;
        } else if (is_word_cp(c)) {
            seg++;
        } else if (c == '\'' || c == '-' || c == '&') {
            seg = 0;
        } else {
            break;
        }
        i += adv;
    }
    return i;
}

/* Fills ends[] with the positions where a {name} starting at i may end (at
 * most NAME_TOKENS tokens); returns their number, shortest first. */
static size_t name_ends(const char *s, size_t n, size_t i, size_t *ends, size_t cap)
{
    size_t ne = 0, tokens = 0, p = i, adv;
    if (i >= n || word_before(s, n, i) || !upper_at(s, n, i))
        return 0;
    {
        size_t e = token_end(s, n, i);
        if (name_stopword(s, i, e))
            return 0;
    }
    while (p < n && tokens < NAME_TOKENS && ne < cap) {
        size_t e;
        if (upper_at(s, n, p) || (tokens > 0 && p < n && s[p] >= '0' && s[p] <= '9')) {
            e = token_end(s, n, p);
            if (e == p)
                break;
            ends[ne++] = e;
            tokens++;
        } else if (tokens > 0) {
            e = token_end(s, n, p);
            if (e == p || !name_particle(s, p, e))
                break;
            tokens++;
        } else {
            break;
        }
        p = e;
        /* separator: one space, or '/' with optional spaces */
        {
            size_t q = p;
            while (space_at(s, n, q, &adv))
                q += adv;
            if (q < n && s[q] == '/') {
                q++;
                while (space_at(s, n, q, &adv))
                    q += adv;
            } else if (q == p || q - p > 1) {
                break;
            }
            p = q;
        }
    }
    return ne;
}

/* Separator between names: ", " " and " ", and " " & " "; " */
static size_t names_sep(const char *s, size_t n, size_t i)
{
    static const char *const seps[] = {", and ", " and ", ", ", " & ", "; "};
    size_t k;
    for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
        size_t m = strlen(seps[k]);
        if (n - i >= m && memcmp(s + i, seps[k], m) == 0)
            return i + m;
    }
    return ANY_LEN;
}

static size_t names_ends(const char *s, size_t n, size_t i, size_t *ends, size_t cap)
{
    size_t ne = 0, tmp[MAX_ENDS], k;
    for (;;) {
        size_t m = name_ends(s, n, i, tmp, MAX_ENDS), q;
        if (m == 0 || ne >= cap)
            break;
        for (k = 0; k < m && ne < cap; k++)
            ends[ne++] = tmp[k];
        q = names_sep(s, n, tmp[m - 1]);
        if (q == ANY_LEN)
            break;
        i = q;
    }
    return ne;
}

/* ------------------------------------------------------------------ other classes */

static size_t munch_num(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

static size_t munch_word(const char *s, size_t n, size_t i)
{
    size_t adv;
    while (i < n && !space_at(s, n, i, &adv))
        i = next_char(s, n, i);
    return i;
}

static int email_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '%' || c == '+' || c == '-';
}

static size_t munch_email(const char *s, size_t n, size_t i)
{
    size_t a = i, at, dot = 0;
    while (i < n && email_char(s[i]))
        i++;
    if (i == a || i >= n || s[i] != '@')
        return a;
    at = ++i;
    while (i < n && (email_char(s[i]) && s[i] != '_' && s[i] != '%' && s[i] != '+')) {
        if (s[i] == '.')
            dot = i;
        i++;
    }
    while (i > at && (s[i - 1] == '.' || s[i - 1] == '-'))
        i--;
    if (!dot || dot >= i || dot == at)
        return a;
    return i;
}

static size_t munch_handle(const char *s, size_t n, size_t i)
{
    size_t a = i;
    if (i >= n || s[i] != '@')
        return a;
    i++;
    while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
        i++;
    return i - a > 1 ? i : a;
}

static int ci_prefix(const char *s, size_t n, size_t i, const char *p)
{
    size_t m = strlen(p), k;
    if (n - i < m)
        return 0;
    for (k = 0; k < m; k++) {
        char c = s[i + k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != p[k])
            return 0;
    }
    return 1;
}

static size_t munch_url(const char *s, size_t n, size_t i)
{
    if (!(ci_prefix(s, n, i, "http://") || ci_prefix(s, n, i, "https://") || ci_prefix(s, n, i, "www.")))
        return i;
    return munch_word(s, n, i);
}

static size_t munch_punct(const char *s, size_t n, size_t i)
{
    size_t adv;
    while (i < n) {
        uint32_t c = fold_at(s, n, i, &adv);
        if (c == ' ' || is_word_cp(c))
            break;
        i += adv;
    }
    return i;
}

/* {stop}: the text before i (spaces, closing quotes and brackets skipped)
 * ends with . ! ? or i is the start. */
static int stop_before(const char *s, size_t n, size_t i)
{
    size_t adv, look = 0;
    while (i > 0) {
        if (++look > 64)
            return 0; /* a run of quotes or blanks: no sentence end worth the walk */
        size_t j = sl_utf8_back(s, i - 1);
        uint32_t c = fold_at(s, n, j, &adv);
        if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']') {
            i = j;
            continue;
        }
        return c == '.' || c == '!' || c == '?' || c == 0x2026;
    }
    return 1;
}

/* The longest phrase of set `cs` at i that ends at a word boundary. */
static size_t phrase_ends(const cset *cs, const char *s, size_t n, size_t i, size_t *ends, size_t cap)
{
    size_t k, ne = 0, adv;
    uint32_t c0;
    if (i >= n)
        return 0;
    c0 = fold_at(s, n, i, &adv);
    for (k = 0; k < cs->n && ne < cap; k++) {
        const phrase *ph = &cs->ph[k];
        size_t e;
        if (ph->cp[0] != c0)
            continue;
        e = lit_at(s, n, i, ph->cp, ph->n);
        if (e == ANY_LEN)
            continue;
        if (ph->n && is_word_cp(ph->cp[ph->n - 1]) && word_at(s, n, e))
            continue;
        ends[ne++] = e;
    }
    return ne;
}

static int seq_sep(uint32_t c)
{
    return c == ' ' || c == '|' || c == ',' || c == '/' || c == 0xB7 || c == 0x2022 || c == ':' ||
           c == '&' || c == '+' || c == '-' || c == '.';
}

/* ------------------------------------------------------------------ matching */

typedef struct mstate {
    const char *s; /* the whole text: look-behind may reach before the window */
    size_t n;      /* end of the window: the match must end here */
    const sl_cleanrules *r;
    size_t steps;
    size_t keep_a, keep_b;
} mstate;

static int match_el(mstate *st, const sl_pelem *e, size_t ne, size_t pos);

/* Tries the candidate ends (longest first). */
static int try_ends(mstate *st, const sl_pelem *e, size_t ne, const size_t *ends, size_t k)
{
    while (k-- > 0)
        if (match_el(st, e + 1, ne - 1, ends[k]))
            return 1;
    return 0;
}

static int match_el(mstate *st, const sl_pelem *e, size_t ne, size_t pos)
{
    const char *s = st->s;
    size_t n = st->n, adv, end;
    size_t ends[MAX_ENDS];
    if (++st->steps > MATCH_BUDGET)
        return 0;
    if (ne == 0)
        return pos == n;
    switch (e->type) {
    case P_LIT:
        end = lit_at(s, n, pos, e->cp, e->ncp);
        if (end == ANY_LEN)
            return 0;
        return match_el(st, e + 1, ne - 1, end);
    case P_SPACE:
        end = pos;
        while (space_at(s, n, end, &adv))
            end += adv;
        if (end == pos && pos > 0 && pos < n && word_before(s, n, pos) && word_at(s, n, pos))
            return 0;
        return match_el(st, e + 1, ne - 1, end);
    case P_STAR:
    case P_KEEP: {
        size_t p = pos;
        if (ne == 1) {
            if (e->type == P_KEEP) {
                st->keep_a = pos;
                st->keep_b = n;
            }
            return 1;
        }
        for (;;) {
            /* cheap rejections before recursing: a literal's first letter,
             * or {stop} right after a letter */
            if (e[1].type == P_LIT && e[1].cp[0] < 0x80 && is_word_cp(e[1].cp[0])) {
                while (p < n && lower_byte(s[p]) != (int)e[1].cp[0])
                    p++;
                while (p < n && ((unsigned char)s[p] & 0xC0) == 0x80)
                    p++;
            } else if (e[1].type == P_STOP) {
                while (p < n && p > 0 && ((unsigned char)s[p - 1] < 0x80 && is_word_cp((unsigned char)s[p - 1])))
                    p++;
                while (p < n && ((unsigned char)s[p] & 0xC0) == 0x80)
                    p++;
            }
            if (match_el(st, e + 1, ne - 1, p)) {
                if (e->type == P_KEEP) {
                    st->keep_a = pos;
                    st->keep_b = p;
                }
                return 1;
            }
            if (p >= n || st->steps > MATCH_BUDGET)
                return 0;
            p = next_char(s, n, p);
        }
    }
    case P_NAME:
        return try_ends(st, e, ne, ends, name_ends(s, n, pos, ends, MAX_ENDS));
    case P_NAMES:
        return try_ends(st, e, ne, ends, names_ends(s, n, pos, ends, MAX_ENDS));
    case P_NUM:
        end = munch_num(s, n, pos);
        return end > pos && match_el(st, e + 1, ne - 1, end);
    case P_WORD:
        end = munch_word(s, n, pos);
        return end > pos && match_el(st, e + 1, ne - 1, end);
    case P_EMAIL:
        end = munch_email(s, n, pos);
        return end > pos && match_el(st, e + 1, ne - 1, end);
    case P_HANDLE:
        end = munch_handle(s, n, pos);
        return end > pos && match_el(st, e + 1, ne - 1, end);
    case P_URL:
        end = munch_url(s, n, pos);
        return end > pos && match_el(st, e + 1, ne - 1, end);
    case P_PUNCT:
        end = munch_punct(s, n, pos);
        return end > pos && match_el(st, e + 1, ne - 1, end);
    case P_STOP:
        return stop_before(s, n, pos) && match_el(st, e + 1, ne - 1, pos);
    case P_SET: {
        size_t k = phrase_ends(&st->r->sets[e->set], s, n, pos, ends, MAX_ENDS);
        size_t i, j;
        /* longest first: sort the few ends */
        for (i = 1; i < k; i++)
            for (j = i; j > 0 && ends[j - 1] > ends[j]; j--) {
                size_t t = ends[j];
                ends[j] = ends[j - 1];
                ends[j - 1] = t;
            }
        return try_ends(st, e, ne, ends, k);
    }
    case P_SEQ: {
        const cset *cs = &st->r->sets[e->set];
        size_t p = pos, count = 0;
        for (;;) {
            size_t q = p, k, i, best = ANY_LEN;
            if (count > 0)
                while (q < n && seq_sep(fold_at(s, n, q, &adv)))
                    q += adv;
            k = phrase_ends(cs, s, n, q, ends, MAX_ENDS);
            for (i = 0; i < k; i++)
                if (best == ANY_LEN || ends[i] > best)
                    best = ends[i];
            if (best == ANY_LEN || best == q)
                break;
            p = best;
            count++;
        }
        if (count == 0)
            return 0;
        if (ne == 1)
            while (p < n && seq_sep(fold_at(s, n, p, &adv)))
                p += adv;
        return match_el(st, e + 1, ne - 1, p);
    }
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------ compiling */

static void free_elems(sl_pelem *el, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        free(el[i].cp);
    free(el);
}

static size_t find_set(const sl_cleanrules *r, const char *name, size_t len)
{
    size_t i;
    for (i = 0; i < r->nsets; i++)
        if (strlen(r->sets[i].name) == len && memcmp(r->sets[i].name, name, len) == 0)
            return i;
    return ANY_LEN;
}

/* Folds text into code points; white-space runs become one ' '. */
static uint32_t *fold_text(const char *s, size_t n, size_t *out_n)
{
    uint32_t *cp = sl_xcalloc(n + 1, sizeof(*cp));
    size_t i = 0, m = 0, adv;
    while (i < n) {
        uint32_t c = fold_at(s, n, i, &adv);
        i += adv;
        if (c == ' ' && (m == 0 || cp[m - 1] == ' '))
            continue;
        cp[m++] = c;
    }
    while (m > 0 && cp[m - 1] == ' ')
        m--;
    *out_n = m;
    return cp;
}

/* Compiles pat[0..len) into *out; returns 0 or -1 with a message in err. */
static int compile(const sl_cleanrules *r, const char *pat, size_t len, sl_pelem **out, size_t *nout,
                   const char **err)
{
    sl_pelem *el = NULL;
    size_t nel = 0, cel = 0, i = 0, nkeep = 0;
    uint32_t *lit = sl_xcalloc(len + 1, sizeof(*lit));
    size_t nlit = 0;
    *err = NULL;

#define FLUSH_LIT()                                                        \
    do {                                                                   \
        if (nlit) {                                                        \
            sl_pelem le;                                                   \
            memset(&le, 0, sizeof(le));                                    \
            le.type = P_LIT;                                               \
            le.cp = sl_xmalloc(nlit * sizeof(*le.cp));                     \
            memcpy(le.cp, lit, nlit * sizeof(*le.cp));                     \
            le.ncp = nlit;                                                 \
            SL_PUSH(el, nel, cel, le);                                     \
            nlit = 0;                                                      \
        }                                                                  \
    } while (0)
#define PUSH_TYPE(t)                                                       \
    do {                                                                   \
        sl_pelem pe;                                                       \
        memset(&pe, 0, sizeof(pe));                                        \
        pe.type = (t);                                                     \
        SL_PUSH(el, nel, cel, pe);                                         \
    } while (0)

    while (i < len) {
        size_t adv;
        uint32_t c;
        if (pat[i] == '*') {
            FLUSH_LIT();
            if (!nel || el[nel - 1].type != P_STAR)
                PUSH_TYPE(P_STAR);
            i++;
            continue;
        }
        if (pat[i] == '{') {
            const char *close = memchr(pat + i, '}', len - i);
            const char *name = pat + i + 1;
            size_t nl;
            int t = -1;
            if (!close) {
                *err = "'{' without '}'";
                break;
            }
            nl = (size_t)(close - name);
            FLUSH_LIT();
#define IS(w) (nl == strlen(w) && memcmp(name, w, nl) == 0)
            if (IS("keep"))
                t = P_KEEP, nkeep++;
            else if (IS("name"))
                t = P_NAME;
            else if (IS("names"))
                t = P_NAMES;
            else if (IS("num"))
                t = P_NUM;
            else if (IS("word"))
                t = P_WORD;
            else if (IS("email"))
                t = P_EMAIL;
            else if (IS("handle"))
                t = P_HANDLE;
            else if (IS("url"))
                t = P_URL;
            else if (IS("punct"))
                t = P_PUNCT;
            else if (IS("stop"))
                t = P_STOP;
#undef IS
            if (t >= 0) {
                PUSH_TYPE(t);
            } else if (nl > 4 && (memcmp(name, "set:", 4) == 0 || memcmp(name, "seq:", 4) == 0)) {
                size_t si = find_set(r, name + 4, nl - 4);
                sl_pelem pe;
                if (si == ANY_LEN) {
                    *err = "unknown set";
                    break;
                }
                memset(&pe, 0, sizeof(pe));
                pe.type = name[2] == 't' ? P_SET : P_SEQ;
                pe.set = si;
                SL_PUSH(el, nel, cel, pe);
            } else {
                *err = "unknown {class}";
                break;
            }
            i = (size_t)(close - pat) + 1;
            continue;
        }
        if (pat[i] == '\\' && i + 1 < len)
            i++;
        else if (pat[i] == '\\') {
            *err = "'\\' at the end";
            break;
        }
        c = fold_at(pat, len, i, &adv);
        i += adv;
        if (c == ' ') {
            FLUSH_LIT();
            if (nel && el[nel - 1].type != P_SPACE)
                PUSH_TYPE(P_SPACE);
            continue;
        }
        lit[nlit++] = c;
    }
    FLUSH_LIT();
#undef FLUSH_LIT
#undef PUSH_TYPE
    free(lit);
    if (!*err && nkeep > 1)
        *err = "more than one {keep}";
    if (!*err && nel == 0)
        *err = "empty pattern";
    if (!*err && el[nel - 1].type == P_SPACE)
        nel--, free(el[nel].cp);
    if (*err) {
        free_elems(el, nel);
        return -1;
    }
    *out = el;
    *nout = nel;
    return 0;
}

/* ------------------------------------------------------------------ loading */

sl_cleanrules *sl_cleanrules_new(void)
{
    return sl_xcalloc(1, sizeof(sl_cleanrules));
}

void sl_cleanrules_free(sl_cleanrules *r)
{
    size_t i, j;
    if (!r)
        return;
    for (i = 0; i < r->n; i++) {
        free(r->rules[i].name);
        free(r->rules[i].reason);
        free(r->rules[i].pattern);
        free_elems(r->rules[i].el, r->rules[i].nel);
    }
    free(r->rules);
    free(r->pf);
    for (i = 0; i < 129; i++)
        free(r->cand[i]);
    for (i = 0; i < r->nsets; i++) {
        for (j = 0; j < r->sets[i].n; j++)
            free(r->sets[i].ph[j].cp);
        free(r->sets[i].ph);
        free(r->sets[i].name);
    }
    free(r->sets);
    free(r);
}

size_t sl_cleanrules_count(const sl_cleanrules *r)
{
    return r ? r->n : 0;
}

const sl_rule *sl_cleanrules_get(const sl_cleanrules *r, size_t i)
{
    return r && i < r->n ? &r->rules[i] : NULL;
}

/* Splits a line at runs of tabs into at most `max` fields. */
static size_t split_tabs(const char *s, size_t n, const char **f, size_t *fl, size_t max)
{
    size_t nf = 0, i = 0;
    while (i < n && nf < max) {
        size_t a = i;
        while (i < n && s[i] != '\t')
            i++;
        f[nf] = s + a;
        fl[nf] = i - a;
        nf++;
        while (i < n && s[i] == '\t')
            i++;
    }
    if (i < n)
        return max + 1;
    return nf;
}

/* Describes the first bad line: the file, the line's start (the generator
 * drops comments, so a line number would mislead) and what is wrong. */
static void bad_line(sl_buf *err, size_t *nbad, const char *file, const char *line, size_t n,
                     const char *what)
{
    if (err && *nbad == 0)
        sl_buf_printf(err, "%s: \"%.*s\": %s", file ? file : "rules", (int)(n > 60 ? 60 : n), line,
                      what);
    (*nbad)++;
}

/* A literal that can be checked on raw bytes: ASCII, and none of the
 * characters a typographic form folds to (' " - space). */
static int plain_literal(const sl_pelem *e)
{
    size_t k;
    if (e->type != P_LIT || e->ncp >= 32)
        return 0;
    for (k = 0; k < e->ncp; k++) {
        uint32_t c = e->cp[k];
        if (c >= 0x80 || c == '\'' || c == '"' || c == '-' || c == ' ')
            return 0;
    }
    return 1;
}

static void make_prefilter(const sl_cleanrules *r, const sl_rule *rule, prefilter *pf)
{
    size_t k, best = 0;
    memset(pf, 0, sizeof(*pf));
    pf->max_len = rule->max;
    for (k = 0; k < rule->nel; k++) {
        const sl_pelem *e = &rule->el[k];
        switch (e->type) {
        case P_LIT: pf->min_len += e->ncp; break;
        case P_NAME: case P_NAMES: case P_NUM: case P_WORD: case P_PUNCT: pf->min_len += 1; break;
        case P_EMAIL: pf->min_len += 5; break;
        case P_HANDLE: pf->min_len += 2; break;
        case P_URL: pf->min_len += 4; break;
        case P_SET:
        case P_SEQ: {
            const cset *cs = &r->sets[e->set];
            size_t j, m = ANY_LEN;
            for (j = 0; j < cs->n; j++)
                if (cs->ph[j].n < m)
                    m = cs->ph[j].n;
            pf->min_len += cs->n ? m : 0;
            break;
        }
        default: break;
        }
    }
    pf->first = rule->el[0].type == P_LIT ? rule->el[0].cp[0] : 0;
    for (k = 0; k < rule->nel; k++) {
        const sl_pelem *e = &rule->el[k];
        size_t j;
        if (!plain_literal(e) || e->ncp <= best)
            continue;
        best = e->ncp;
        for (j = 0; j < e->ncp; j++)
            pf->must[j] = (char)e->cp[j];
        pf->nmust = e->ncp;
    }
    if (plain_literal(&rule->el[rule->nel - 1])) {
        const sl_pelem *e = &rule->el[rule->nel - 1];
        for (k = 0; k < e->ncp; k++)
            pf->tail[k] = (char)e->cp[k];
        pf->ntail = e->ncp;
    }
}

/* Case-insensitive search of the lower-case ASCII m[0..k) in s[0..n). */
static int ci_contains(const char *s, size_t n, const char *m, size_t k)
{
    size_t i, j;
    if (k > n)
        return 0;
    if (k == 1 && !(m[0] >= 'a' && m[0] <= 'z'))
        return memchr(s, m[0], n) != NULL;
    for (i = 0; i + k <= n; i++) {
        if (lower_byte(s[i]) != m[0])
            continue;
        for (j = 1; j < k && lower_byte(s[i + j]) == m[j]; j++)
            ;
        if (j == k)
            return 1;
    }
    return 0;
}

static int ci_ends_with(const char *s, size_t n, const char *m, size_t k)
{
    size_t j;
    if (k > n)
        return 0;
    for (j = 0; j < k; j++)
        if (lower_byte(s[n - k + j]) != m[j])
            return 0;
    return 1;
}

size_t sl_cleanrules_add_sets(sl_cleanrules *r, const char *text, size_t len, const char *file,
                              sl_buf *err)
{
    size_t pos = 0, n, nbad = 0;
    const char *line;
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        const char *f[2];
        size_t fl[2], si;
        phrase ph;
        if (n == 0 || line[0] == '#')
            continue;
        if (split_tabs(line, n, f, fl, 2) != 2 || fl[0] == 0 || fl[1] == 0) {
            bad_line(err, &nbad, file, line, n, "expected: set <TAB> phrase");
            continue;
        }
        si = find_set(r, f[0], fl[0]);
        if (si == ANY_LEN) {
            cset cs;
            memset(&cs, 0, sizeof(cs));
            cs.name = sl_xstrndup(f[0], fl[0]);
            SL_PUSH(r->sets, r->nsets, r->csets, cs);
            si = r->nsets - 1;
        }
        ph.cp = fold_text(f[1], fl[1], &ph.n);
        if (ph.n == 0) {
            free(ph.cp);
            bad_line(err, &nbad, file, line, n, "empty phrase");
            continue;
        }
        SL_PUSH(r->sets[si].ph, r->sets[si].n, r->sets[si].cap, ph);
    }
    return nbad;
}

static int parse_size(const char *s, size_t n, size_t *out)
{
    size_t v = 0, i;
    if (n == 0 || n > 9)
        return -1;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (size_t)(s[i] - '0');
    }
    *out = v;
    return 0;
}

/* Parses "action cond cond ..." into rule; returns NULL or a message. */
static const char *parse_action(const char *s, size_t n, sl_rule *rule)
{
    size_t i = 0, word = 0;
    rule->max = DEFAULT_MAX;
    while (i < n) {
        size_t a, m;
        const char *w;
        while (i < n && s[i] == ' ')
            i++;
        a = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == a)
            break;
        w = s + a;
        m = i - a;
#define IS(x) (m == strlen(x) && memcmp(w, x, m) == 0)
#define HAS(x) (m > strlen(x) && memcmp(w, x, strlen(x)) == 0)
        if (word++ == 0) {
            if (IS("remove"))
                rule->action = SL_RULE_REMOVE;
            else if (IS("evidence"))
                rule->action = SL_RULE_EVIDENCE;
            else if (IS("caption"))
                rule->action = SL_RULE_CAPTION;
            else if (IS("strip"))
                rule->action = SL_RULE_STRIP;
            else
                return "unknown action";
        } else if (IS("nostop")) {
            rule->flags |= SL_RULE_NOSTOP;
        } else if (IS("notfirst")) {
            rule->flags |= SL_RULE_NOTFIRST;
        } else if (IS("end")) {
            rule->flags |= SL_RULE_END;
        } else if (IS("bracket")) {
            rule->flags |= SL_RULE_BRACKET;
        } else if (IS("then=caption")) {
            rule->flags |= SL_RULE_THEN_CAPTION;
        } else if (IS("max=none")) {
            rule->max = ANY_LEN;
        } else if (HAS("max=")) {
            if (parse_size(w + 4, m - 4, &rule->max) < 0)
                return "bad max=";
        } else if (HAS("words=")) {
            if (parse_size(w + 6, m - 6, &rule->max_words) < 0 || rule->max_words >= WORD_CAP)
                return "bad words=";
        } else if (HAS("minwords=")) {
            if (parse_size(w + 9, m - 9, &rule->min_words) < 0 || rule->min_words >= WORD_CAP)
                return "bad minwords=";
        } else {
            return "unknown condition";
        }
#undef IS
#undef HAS
    }
    return word ? NULL : "no action";
}

/* May a text whose first folded character falls in bucket c (c < 128: that
 * ASCII character; 128: any other) match rule i? */
static int may_start(const sl_cleanrules *r, size_t i, size_t c)
{
    const sl_rule *rule = &r->rules[i];
    uint32_t f = r->pf[i].first;
    if (f)
        return c < 128 ? f == c : f >= 128;
    if (rule->el[0].type == P_SET || rule->el[0].type == P_SEQ) {
        const cset *cs = &r->sets[rule->el[0].set];
        size_t k;
        for (k = 0; k < cs->n; k++)
            if (c < 128 ? cs->ph[k].cp[0] == c : cs->ph[k].cp[0] >= 128)
                return 1;
        return 0;
    }
    switch (rule->el[0].type) {
    case P_NAME:
    case P_NAMES:
        return c == 128 || (c >= 'a' && c <= 'z'); /* folded capitals */
    case P_NUM:
        return c >= '0' && c <= '9';
    case P_HANDLE:
        return c == '@';
    case P_EMAIL:
        return c < 128 && (is_word_cp((uint32_t)c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
    case P_URL:
        return c == 'h' || c == 'w';
    case P_PUNCT:
        return c == 128 || (c != ' ' && !is_word_cp((uint32_t)c));
    default:
        return 1;
    }
}

static void build_index(sl_cleanrules *r)
{
    size_t c, i;
    for (c = 0; c < 129; c++) {
        free(r->cand[c]);
        r->cand[c] = sl_xcalloc(r->n + 1, sizeof(size_t));
        r->ncand[c] = 0;
        for (i = 0; i < r->n; i++)
            if (may_start(r, i, c))
                r->cand[c][r->ncand[c]++] = i;
    }
}

size_t sl_cleanrules_add(sl_cleanrules *r, const char *text, size_t len, const char *file, sl_buf *err)
{
    size_t pos = 0, n, nbad = 0;
    const char *line;
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        const char *f[4], *msg;
        size_t fl[4];
        sl_rule rule;
        if (n == 0 || line[0] == '#')
            continue;
        if (split_tabs(line, n, f, fl, 4) != 4 || !fl[0] || !fl[1] || !fl[2] || !fl[3]) {
            bad_line(err, &nbad, file, line, n, "expected: name <TAB> action <TAB> pattern <TAB> reason");
            continue;
        }
        memset(&rule, 0, sizeof(rule));
        if ((msg = parse_action(f[1], fl[1], &rule)) != NULL ||
            compile(r, f[2], fl[2], &rule.el, &rule.nel, &msg) < 0) {
            bad_line(err, &nbad, file, line, n, msg);
            continue;
        }
        if ((rule.action == SL_RULE_CAPTION || rule.action == SL_RULE_STRIP)) {
            size_t k, has = 0;
            for (k = 0; k < rule.nel; k++)
                has |= rule.el[k].type == P_KEEP;
            if (!has && rule.action == SL_RULE_STRIP) {
                free_elems(rule.el, rule.nel);
                bad_line(err, &nbad, file, line, n, "strip needs {keep}");
                continue;
            }
        }
        rule.name = sl_xstrndup(f[0], fl[0]);
        rule.pattern = sl_xstrndup(f[2], fl[2]);
        rule.reason = sl_xstrndup(f[3], fl[3]);
        if (r->n >= r->cpf)
            r->pf = sl_xgrow(r->pf, &r->cpf, r->n + 1, sizeof(*r->pf));
        make_prefilter(r, &rule, &r->pf[r->n]);
        SL_PUSH(r->rules, r->n, r->cap, rule);
    }
    build_index(r);
    return nbad;
}

size_t sl_cleanrules_load_default(sl_cleanrules *r, sl_buf *err)
{
    size_t len, flen, pos = 0, n, nbad = 0;
    const char *fam = sl_data_get("clean/families", &flen), *line, *text;
    text = sl_data_get("clean/sets", &len);
    if (text)
        nbad += sl_cleanrules_add_sets(r, text, len, "data/clean/sets.txt", err);
    while (sl_data_next_line(fam, flen, &pos, &line, &n)) {
        sl_buf name = SL_BUF_INIT, file = SL_BUF_INIT;
        if (n == 0)
            continue;
        sl_buf_puts(&name, "clean/");
        sl_buf_put(&name, line, n);
        sl_buf_printf(&file, "data/%s.txt", sl_buf_cstr(&name));
        text = sl_data_get(sl_buf_cstr(&name), &len);
        if (!text) {
            if (err && nbad == 0)
                sl_buf_printf(err, "%s: missing rule file", sl_buf_cstr(&file));
            nbad++;
        } else {
            nbad += sl_cleanrules_add(r, text, len, sl_buf_cstr(&file), nbad ? NULL : err);
        }
        sl_buf_free(&name);
        sl_buf_free(&file);
    }
    return nbad;
}

/* ------------------------------------------------------------------ the matcher */

/* Matches el against s[lo..n) (s before lo is context for look-behind). */
static int run(const sl_cleanrules *r, const sl_pelem *el, size_t nel, const char *s, size_t lo,
               size_t n, size_t *ka, size_t *kb)
{
    mstate st;
    st.s = s;
    st.n = n;
    st.r = r;
    st.steps = 0;
    st.keep_a = st.keep_b = lo;
    if (!match_el(&st, el, nel, lo))
        return 0;
    *ka = st.keep_a;
    *kb = st.keep_b;
    return 1;
}

/* Does the text end a sentence (closing quotes and brackets aside)? */
static int ends_sentence(const char *s, size_t n)
{
    size_t i = n, adv;
    while (i > 0) {
        size_t j = sl_utf8_back(s, i - 1);
        uint32_t c = fold_at(s, n, j, &adv);
        if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']') {
            i = j;
            continue;
        }
        return c == '.' || c == '!' || c == '?' || c == 0x2026;
    }
    return 0;
}

static size_t count_words(const char *s, size_t n)
{
    size_t i = 0, w = 0;
    while (i < n && w < WORD_CAP) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        w++;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
    }
    return w;
}

/* Byte pairs (lower-cased) seen in a text, hashed into 1024 bits: a rule
 * whose literal has a pair the text lacks cannot match, and that is known
 * without scanning the text again for each rule. */
#define PAIR_BIT(a, b) ((((unsigned)(a) * 33u) ^ (unsigned)(b)) & 1023u)

#define LOW_MAX 1024 /* lines up to this long get a lower-cased copy for searching */

typedef struct variant {
    uint64_t pairs[16]; /* byte pairs present, built on demand (pairs_done) */
    int pairs_done;
    int low_done;       /* low[] holds s lower-cased (ASCII), when n <= LOW_MAX */
    char low[LOW_MAX];
    const char *s;
    size_t n, off;  /* off: where s starts in the line */
    int bracket;    /* the inner text of a line wrapped in [ ] */
    uint32_t first; /* its first folded code point */
    size_t words;   /* counted on demand; (size_t)-1 before */
    int stop;       /* ends a sentence; -1 before */
} variant;

/* The variant lower-cased (ASCII letters), made once; NULL for a line over
 * LOW_MAX bytes. */
static const char *variant_low(variant *v)
{
    size_t i;
    if (v->n > LOW_MAX)
        return NULL;
    if (!v->low_done) {
        for (i = 0; i < v->n; i++) {
            char c = v->s[i];
            v->low[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
        v->low_done = 1;
    }
    return v->low;
}

/* Whether the variant's bytes [lo, n) hold the lower-case literal m: on the
 * lower-cased copy, memchr finds each candidate start, so a rule's required
 * literal costs a vectorized scan instead of a byte-by-byte fold. */
static int variant_contains(variant *v, size_t lo, size_t n, const char *m, size_t k)
{
    const char *p, *end;
    if (v->n > LOW_MAX)
        return ci_contains(v->s + lo, n - lo, m, k);
    variant_low(v);
    if (k == 0)
        return 1;
    if (k > n - lo)
        return 0;
    p = v->low + lo;
    end = v->low + n - k + 1;
    while (p < end && (p = memchr(p, m[0], (size_t)(end - p))) != NULL) {
        if (memcmp(p + 1, m + 1, k - 1) == 0)
            return 1;
        p++;
    }
    return 0;
}

static int has_keep(const sl_rule *rule)
{
    size_t k;
    for (k = 0; k < rule->nel; k++)
        if (rule->el[k].type == P_KEEP)
            return 1;
    return 0;
}

static int rule_on_variant(const sl_cleanrules *r, size_t ri, variant *v, sl_rule_hit *hit)
{
    const sl_rule *rule = &r->rules[ri];
    const char *s = v->s;
    size_t n = v->n, lo = 0, ka, kb;
    int first = rule->el[0].type, last = rule->el[rule->nel - 1].type;
    const prefilter *pf = &r->pf[ri];
    if (n < pf->min_len || n > pf->max_len || (pf->first && pf->first != v->first))
        return 0;
    if ((rule->flags & SL_RULE_BRACKET) && !v->bracket)
        return 0;
    if (pf->nmust) {
        size_t k;
        if (!v->pairs_done) {
            /* built only for a line that passed the cheap filters: most long
             * story paragraphs never get here */
            const unsigned char *low = (const unsigned char *)variant_low(v);
            if (low) {
                for (k = 0; k + 1 < v->n; k++) {
                    unsigned bit = PAIR_BIT(low[k], low[k + 1]);
                    v->pairs[bit >> 6] |= (uint64_t)1 << (bit & 63);
                }
            } else {
                for (k = 0; k + 1 < v->n; k++) {
                    unsigned bit = PAIR_BIT(lower_byte(v->s[k]), lower_byte(v->s[k + 1]));
                    v->pairs[bit >> 6] |= (uint64_t)1 << (bit & 63);
                }
            }
            v->pairs_done = 1;
        }
        for (k = 0; k + 1 < pf->nmust; k++) {
            unsigned bit = PAIR_BIT(pf->must[k], pf->must[k + 1]);
            if (!(v->pairs[bit >> 6] & ((uint64_t)1 << (bit & 63))))
                return 0;
        }
    }
    if (rule->max_words || rule->min_words) {
        if (v->words == ANY_LEN)
            v->words = count_words(v->s, v->n);
        if (rule->max_words && v->words > rule->max_words)
            return 0;
        if (v->words < rule->min_words)
            return 0;
    }
    if (rule->flags & SL_RULE_NOSTOP) {
        if (v->stop < 0)
            v->stop = ends_sentence(v->s, v->n);
        if (v->stop)
            return 0;
    }
    if (n > SL_RULE_WINDOW) {
        if (last == P_STAR) {
            n = SL_RULE_WINDOW;
            while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
                n--;
        } else if (first == P_STAR || first == P_KEEP) {
            lo = n - SL_RULE_WINDOW;
            while (lo < n && ((unsigned char)s[lo] & 0xC0) == 0x80)
                lo++;
        }
    }
    if ((pf->ntail && !ci_ends_with(s + lo, n - lo, pf->tail, pf->ntail)) ||
        (pf->nmust && !variant_contains(v, lo, n, pf->must, pf->nmust)))
        return 0;
    if (!run(r, rule->el, rule->nel, s, lo, n, &ka, &kb))
        return 0;
    /* what a caption or strip rule cuts is a credit or a label: a few words,
     * never a stretch of text */
    if ((rule->action == SL_RULE_CAPTION || rule->action == SL_RULE_STRIP) && has_keep(rule)) {
        size_t a = ka == lo ? 0 : ka, b = (last == P_KEEP && kb == n) ? v->n : kb;
        if (count_words(s, a) + count_words(s + b, v->n - b) > CUT_MAX_WORDS)
            return 0;
    }
    hit->rule = rule;
    hit->has_keep = has_keep(rule);
    hit->keep_start = hit->keep_end = 0;
    if (hit->has_keep) {
        /* a {keep} that opens a tail window keeps the text from its start;
         * a * that closes a head window reaches the end */
        hit->keep_start = v->off + (ka == lo ? 0 : ka);
        hit->keep_end = v->off + (last == P_KEEP && kb == n ? v->n : kb);
    }
    return 1;
}

/* Leading list decoration that hides the text a rule should see: dashes,
 * asterisks, bullets ("—With assistance from ...", "**SUBSCRIBE ..."). */
static size_t skip_decoration(const char *s, size_t n)
{
    size_t i = 0, adv;
    while (i < n) {
        uint32_t c = fold_at(s, n, i, &adv);
        if (c == '-' && s[i] == '-') {
            /* an ASCII hyphen only as a bullet ("- text", "--text") */
            if (!(i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '-')))
                break;
        } else if (!(c == ' ' || c == '*' || c == '-' || c == 0x2022 || c == 0xB7)) {
            break;
        }
        i += adv;
    }
    return i;
}

static void variant_init(variant *v, const char *s, size_t n, size_t off, int bracket)
{
    size_t adv;
    v->s = s;
    v->n = n;
    v->off = off;
    v->bracket = bracket;
    v->first = n ? fold_at(s, n, 0, &adv) : 0;
    v->words = ANY_LEN;
    v->stop = -1;
    memset(v->pairs, 0, sizeof(v->pairs));
    v->pairs_done = 0;
    v->low_done = 0;
}


int sl_cleanrules_match(const sl_cleanrules *r, const char *line, size_t len,
                        const sl_line_info *li, sl_rule_hit *hit)
{
    variant v[2];
    size_t nv = 1, a, b, i, k;
    memset(hit, 0, sizeof(*hit));
    if (!r || len == 0)
        return 0;
    b = len;
    while (b > 0 && (line[b - 1] == ' ' || line[b - 1] == '\t'))
        b--;
    if (b == 0)
        return 0;
    a = skip_decoration(line, b);
    if (a == b)
        a = 0; /* all decoration ("——"): the rules see it as it is */
    variant_init(&v[0], line + a, b - a, a, 0);
    /* a line wrapped in ( ) or [ ]: rules also see the inside */
    if (b - a >= 3 && (line[a] == '(' || line[a] == '[') &&
        line[b - 1] == (line[a] == '(' ? ')' : ']')) {
        size_t depth = 0;
        char open = line[a], close = line[b - 1];
        for (i = a; i < b; i++) {
            if (line[i] == open)
                depth++;
            else if (line[i] == close && --depth == 0)
                break;
        }
        if (i == b - 1) {
            size_t ia = a + 1, ib = b - 1;
            while (ia < ib && line[ia] == ' ')
                ia++;
            while (ib > ia && line[ib - 1] == ' ')
                ib--;
            if (ib > ia)
                variant_init(&v[nv++], line + ia, ib - ia, ia, open == '[');
        }
    }
    /* the rules either variant may meet, merged in rule order */
    {
        const size_t *c0 = r->cand[v[0].first < 128 ? v[0].first : 128];
        size_t n0 = r->ncand[v[0].first < 128 ? v[0].first : 128];
        const size_t *c1 = nv > 1 ? r->cand[v[1].first < 128 ? v[1].first : 128] : NULL;
        size_t n1 = nv > 1 ? r->ncand[v[1].first < 128 ? v[1].first : 128] : 0;
        size_t i0 = 0, i1 = 0;
        while (i0 < n0 || i1 < n1) {
            const sl_rule *rule;
            if (i1 >= n1 || (i0 < n0 && c0[i0] <= c1[i1])) {
                i = c0[i0];
                if (i1 < n1 && c1[i1] == i)
                    i1++;
                i0++;
            } else {
                i = c1[i1++];
            }
            rule = &r->rules[i];
            if ((rule->flags & SL_RULE_NOTFIRST) && li && li->first)
                continue;
            if ((rule->flags & SL_RULE_END) && !(li && li->end))
                continue;
            for (k = 0; k < nv; k++)
                if (rule_on_variant(r, i, &v[k], hit))
                    return 1;
        }
    }
    return 0;
}

int sl_pattern_match(const sl_cleanrules *r, const char *pattern, const char *line, size_t len,
                     size_t *keep_start, size_t *keep_end)
{
    sl_pelem *el;
    size_t nel, ka = 0, kb = 0;
    const char *err;
    sl_cleanrules empty;
    int m;
    memset(&empty, 0, sizeof(empty));
    if (compile(r ? r : &empty, pattern, strlen(pattern), &el, &nel, &err) < 0)
        return -1;
    m = run(r ? r : &empty, el, nel, line, 0, len, &ka, &kb);
    free_elems(el, nel);
    if (m && keep_start) {
        *keep_start = ka;
        *keep_end = kb;
    }
    return m;
}
