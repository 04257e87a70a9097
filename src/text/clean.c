/*
 * clean.c: from repaired text to the paragraphs of the story (see clean.h).
 *
 * sl_paragraphs_from_text finds paragraphs in plain text: blank lines
 * separate them; inside a block each line is a paragraph, unless the text is
 * hard-wrapped (most line breaks fall where the next word would not have
 * fitted the text's width, many of them mid-sentence) or a line plainly goes
 * on (no closing punctuation, next line starts with a lower-case word).
 * Joined lines stay in one sl_para, '\n' and all; sl_clean_paras reflows
 * them.  Three streaming passes over the text and no storage per line, only
 * per paragraph.
 *
 * sl_clean_paras decides for each paragraph, in order: debris (the first
 * rule of data/clean/ that matches: removed, kept as date evidence, or cut
 * to its caption), a repeat of the headline, the headline itself (plain
 * text: the first non-empty paragraph, when it reads as one), or story text,
 * classed as body, heading, list item or caption.  Whatever leaves the text
 * is logged with its input line, rule and reason.  Story sentences are never
 * cut: rules match whole paragraphs, and a paragraph with dangling link text
 * ("issued a in which") is story, not debris.
 */
#include "text/clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text/cleanrules.h"
#include "util/mem.h"
#include "util/utf8.h"

#define END_PARAS 6        /* "end" rules look at this many last paragraphs */
#define WRAP_MAX_WIDTH 100 /* hard-wrapped text is at most this wide */
#define HEADLINE_MAX_WORDS 25
#define HEADLINE_MAX_BYTES 250

/* ------------------------------------------------------------------ small helpers */

static int is_blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *adv)
{
    uint32_t cp;
    int k = sl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    *adv = k < 0 ? 1 : (size_t)k;
    return k < 0 ? 0xFFFD : cp;
}

/* The last code point of s[0..n) after trailing spaces (0 if none). */
static uint32_t last_cp(const char *s, size_t n)
{
    size_t adv;
    while (n > 0 && is_blank_byte(s[n - 1]))
        n--;
    if (n == 0)
        return 0;
    return cp_at(s, n, sl_utf8_back(s, n - 1), &adv);
}

static int is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_isupper((utf8proc_int32_t)cp) ||
           utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LT;
}

static int is_letter_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return 1;
    default:
        return 0;
    }
}

static int is_alnum_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return is_letter_cp(cp) || utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ND;
}

static int is_quote_cp(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D;
}

/* Closing punctuation that ends a line as a unit (no continuation expected). */
static int is_closing_cp(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == ')' || cp == ']' ||
           cp == 0x2026 || is_quote_cp(cp);
}

static size_t count_words(const char *s, size_t n)
{
    size_t i = 0, w = 0;
    while (i < n) {
        while (i < n && (is_blank_byte(s[i]) || s[i] == '\n'))
            i++;
        if (i >= n)
            break;
        w++;
        while (i < n && !is_blank_byte(s[i]) && s[i] != '\n')
            i++;
    }
    return w;
}

/* A list item's marker at the start of s: "- ", "* ", "• ", "1. ", "a) ",
 * "_Word" (AP's lists). */
static int list_marker(const char *s, size_t n)
{
    size_t adv, i = 0;
    uint32_t c;
    if (n < 2)
        return 0;
    c = cp_at(s, n, 0, &adv);
    if (c == '-' || c == '*' || c == 0x2022 || c == 0xB7 || c == 0x2013 || c == 0x2014 ||
        c == 0x25AA || c == 0x25E6 || c == 0x25BA || c == 0x25B6 || c == 0x2023)
        return adv < n && (s[adv] == ' ' || s[adv] == '\t');
    if (c == '_')
        return adv < n && (unsigned char)s[adv] >= 'A' && (unsigned char)s[adv] <= 'Z';
    while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) && n > 2 && s[1] == ')')
        return s[2] == ' ';
    return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

/* ------------------------------------------------------------------ paragraphs */

typedef struct lscan {
    const char *t;
    size_t len, pos, lineno;
} lscan;

typedef struct tline {
    size_t a, b;    /* the line without its indentation and trailing blanks */
    size_t indent;  /* bytes of indentation */
    size_t cps;     /* code points in [a, b) */
    size_t fw;      /* code points of its first word */
    size_t lineno;  /* 1-based */
    int blank;
} tline;

static int next_line(lscan *sc, tline *l)
{
    size_t e, i;
    if (sc->pos >= sc->len)
        return 0;
    {
        const char *nl = memchr(sc->t + sc->pos, '\n', sc->len - sc->pos);
        e = nl ? (size_t)(nl - sc->t) : sc->len;
    }
    l->lineno = ++sc->lineno;
    l->a = sc->pos;
    while (l->a < e && is_blank_byte(sc->t[l->a]))
        l->a++;
    l->indent = l->a - sc->pos;
    l->b = e;
    while (l->b > l->a && is_blank_byte(sc->t[l->b - 1]))
        l->b--;
    l->blank = l->b == l->a;
    l->cps = l->fw = 0;
    for (i = l->a; i < l->b; i++)
        if (((unsigned char)sc->t[i] & 0xC0) != 0x80)
            l->cps++;
    for (i = l->a; i < l->b && !is_blank_byte(sc->t[i]); i++)
        if (((unsigned char)sc->t[i] & 0xC0) != 0x80)
            l->fw++;
    sc->pos = e < sc->len ? e + 1 : e;
    return 1;
}

/* Would the first word of `b` have fitted after `a` in a text `width` wide?
 * When not, the break between them is where a wrapping editor put it. */
static int wrap_break(const tline *a, const tline *b, size_t width)
{
    return a->cps * 2 >= width && a->cps + 1 + b->fw + 4 > width;
}

/* Starts with a word of lower-case ASCII letters ("and", not "iPhone"). */
static int lower_word_start(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    return i > 0 && (i == n || !((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
                                 (unsigned char)s[i] >= 0x80));
}

static int starts_with_link(const char *s, size_t n)
{
    return (n >= 7 && memcmp(s, "http://", 7) == 0) || (n >= 8 && memcmp(s, "https://", 8) == 0) ||
           (n >= 4 && memcmp(s, "www.", 4) == 0);
}

/* Does the last word of s hold "://"? */
static int ends_with_link(const char *s, size_t n)
{
    size_t i = n;
    while (i > 0 && !is_blank_byte(s[i - 1]))
        i--;
    for (; i + 3 <= n; i++)
        if (memcmp(s + i, "://", 3) == 0)
            return 1;
    return 0;
}

static int joins(const char *t, const tline *a, const tline *b, int wrapped, size_t width)
{
    uint32_t end;
    if (list_marker(t + b->a, b->b - b->a))
        return 0;
    if (wrapped && wrap_break(a, b, width) && b->indent <= a->indent + 1)
        return 1;
    /* a line that plainly goes on; not a list of links */
    end = last_cp(t + a->a, a->b - a->a);
    return a->cps >= 25 && !is_closing_cp(end) && lower_word_start(t + b->a, b->b - b->a) &&
           !starts_with_link(t + b->a, b->b - b->a) && !ends_with_link(t + a->a, a->b - a->a);
}

void sl_paragraphs_from_text(const char *text, size_t len, sl_para **out, size_t *n)
{
    lscan sc;
    tline prev, cur, *lines = NULL;
    size_t nonblank = 0, wide = 0, width = 0, pairs = 0, full = 0, mid = 0, cap = 0;
    size_t nlines = 0, clines = 0, li;
    int have_prev = 0, wrapped, open = 0;
    sl_para p;

    memset(&prev, 0, sizeof(prev));

    *out = NULL;
    *n = 0;
    if (!text || len == 0)
        return;
    memset(&p, 0, sizeof(p));

    /* pass 1: the lines, kept for the passes after, and the text's width */
    memset(&sc, 0, sizeof(sc));
    sc.t = text;
    sc.len = len;
    while (next_line(&sc, &cur)) {
        SL_PUSH(lines, nlines, clines, cur);
        if (cur.blank)
            continue;
        nonblank++;
        if (cur.cps > WRAP_MAX_WIDTH)
            wide++;
        else if (cur.cps > width)
            width = cur.cps;
    }
    /* pass 2: are the breaks inside blocks those of a wrapping editor? */
    for (li = 0; li < nlines; li++) {
        cur = lines[li];
        if (!cur.blank && have_prev) {
            uint32_t e = last_cp(text + prev.a, prev.b - prev.a);
            pairs++;
            if (wrap_break(&prev, &cur, width))
                full++;
            if (!(e == '.' || e == '!' || e == '?' || is_quote_cp(e) || e == ':'))
                mid++;
        }
        prev = cur;
        have_prev = !cur.blank;
    }
    wrapped = pairs >= 2 && width >= 30 && wide * 10 <= nonblank && full * 10 >= pairs * 6 &&
              mid * 4 >= pairs;

    /* pass 3: the paragraphs */
    have_prev = 0;
    for (li = 0; li < nlines; li++) {
        cur = lines[li];
        if (cur.blank) {
            if (open)
                SL_PUSH(*out, *n, cap, p);
            open = 0;
            have_prev = 0;
            continue;
        }
        if (open && have_prev && joins(text, &prev, &cur, wrapped, width)) {
            p.len = cur.b - (size_t)(p.text - text);
        } else {
            if (open)
                SL_PUSH(*out, *n, cap, p);
            p.text = text + cur.a;
            p.len = cur.b - cur.a;
            p.kind = SL_BLOCK_BODY;
            p.line = cur.lineno;
            open = 1;
        }
        prev = cur;
        have_prev = 1;
    }
    if (open)
        SL_PUSH(*out, *n, cap, p);
    free(lines);
}

/* ------------------------------------------------------------------ words of headlines */

typedef struct wspan {
    size_t a, b;
} wspan;

/* The words (runs of letters and digits) of s[0..n). */
static size_t words_of(const char *s, size_t n, wspan **w, size_t *cap)
{
    size_t i = 0, k = 0, adv;
    while (i < n) {
        uint32_t c = cp_at(s, n, i, &adv);
        if (is_alnum_cp(c)) {
            wspan ws;
            ws.a = i;
            while (i < n && is_alnum_cp(cp_at(s, n, i, &adv)))
                i += adv;
            ws.b = i;
            SL_PUSH(*w, k, *cap, ws);
        } else {
            i += adv;
        }
    }
    return k;
}

static int same_word(const char *s, wspan x, const char *t, wspan y)
{
    size_t i = x.a, j = y.a, ai, aj;
    while (i < x.b && j < y.b) {
        uint32_t a = cp_at(s, x.b, i, &ai), b = cp_at(t, y.b, j, &aj);
        if (a != b && utf8proc_tolower((utf8proc_int32_t)a) != utf8proc_tolower((utf8proc_int32_t)b))
            return 0;
        i += ai;
        j += aj;
    }
    return i == x.b && j == y.b;
}

/* Does the gap s[a..b) hold a separator an outlet name is set off with? */
static int outlet_gap(const char *s, size_t a, size_t b)
{
    size_t i = a, adv;
    while (i < b) {
        uint32_t c = cp_at(s, b, i, &adv);
        if (c == '|' || c == '-' || c == ':' || c == 0xB7 || c == 0x2022 || c == 0x2013 || c == 0x2014)
            return 1;
        i += adv;
    }
    return 0;
}

/* Is p a repeat of the headline t, maybe with the outlet's name before or
 * after it ("Title Newsweek", "Title | CNN", "CNN: Title")?  The extra words
 * must be few and set off (a separator, or capitalised), so that a story
 * sentence opening with the headline's words is not taken for it. */
static int repeats_headline(const char *t, size_t tn, const char *p, size_t pn)
{
    wspan *wt = NULL, *wp = NULL;
    size_t ct = 0, cp = 0, nt, np, k, extra;
    const char *ls, *ss;
    wspan *lw, *sw;
    size_t nl, ns, adv;
    int ok = 0;
    if (pn > tn * 2 + 100)
        return 0;
    nt = words_of(t, tn, &wt, &ct);
    np = words_of(p, pn, &wp, &cp);
    if (nt == 0 || np == 0)
        goto done;
    if (np >= nt) {
        ls = p, lw = wp, nl = np, ss = t, sw = wt, ns = nt;
    } else {
        ls = t, lw = wt, nl = nt, ss = p, sw = wp, ns = np;
    }
    extra = nl - ns;
    if (extra > 0 && (ns < 3 || extra > 6))
        goto done;
    /* the short one opens the long one */
    for (k = 0; k < ns && same_word(ls, lw[k], ss, sw[k]); k++)
        ;
    if (k == ns) {
        if (extra == 0 || outlet_gap(ls, lw[ns - 1].b, lw[ns].a) ||
            is_upper_cp(cp_at(ls, lw[ns].b, lw[ns].a, &adv))) {
            ok = 1;
            goto done;
        }
    }
    /* the short one closes the long one */
    if (extra > 0) {
        for (k = 0; k < ns && same_word(ls, lw[extra + k], ss, sw[k]); k++)
            ;
        if (k == ns) {
            size_t j, caps = 1;
            for (j = 0; j < extra; j++)
                caps &= (size_t)is_upper_cp(cp_at(ls, lw[j].b, lw[j].a, &adv));
            ok = caps || outlet_gap(ls, lw[extra - 1].b, lw[extra].a);
        }
    }
done:
    free(wt);
    free(wp);
    return ok;
}

/* ------------------------------------------------------------------ headlines and headings */

/* Abbreviations a period does not end a sentence after. */
static int abbrev_before(const char *s, size_t dot)
{
    static const char *const ab[] = {"mr", "mrs", "ms", "dr", "rev", "sen", "rep", "gov", "gen", "lt",
                                     "col", "sgt", "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs",
                                     "no", "mt", "ft", "capt", "prof", "pres", "det", "adm", "maj",
                                     "jan", "feb", "aug", "sept", "oct", "nov", "dec"};
    size_t a = dot, k;
    while (a > 0 && ((s[a - 1] >= 'a' && s[a - 1] <= 'z') || (s[a - 1] >= 'A' && s[a - 1] <= 'Z')))
        a--;
    if (dot - a <= 1)
        return 1; /* an initial: "J. Smith", "U.S." */
    if (a > 0 && s[a - 1] == '.')
        return 1;
    for (k = 0; k < sizeof(ab) / sizeof(ab[0]); k++) {
        size_t m = strlen(ab[k]), j;
        if (dot - a != m)
            continue;
        for (j = 0; j < m; j++)
            if ((s[a + j] | 0x20) != ab[k][j])
                break;
        if (j == m)
            return 1;
    }
    return 0;
}

/* Does s hold a sentence end before its last character? */
static int inner_sentence_break(const char *s, size_t n)
{
    size_t i;
    for (i = 1; i + 2 < n; i++) {
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
            ((s[i + 2] >= 'A' && s[i + 2] <= 'Z') || s[i + 2] == '"') &&
            (s[i] != '.' || !abbrev_before(s, i)))
            return 1;
    }
    return 0;
}

/* The last code point before any closing quotes at the end of s. */
static uint32_t end_before_quotes(const char *s, size_t n)
{
    size_t adv, len = n;
    for (;;) {
        uint32_t c;
        while (n > 0 && is_blank_byte(s[n - 1]))
            n--;
        if (n == 0)
            return 0;
        n = sl_utf8_back(s, n - 1);
        c = cp_at(s, len, n, &adv);
        if (!is_quote_cp(c))
            return c;
    }
}

static int memmem_ci(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit), i, j;
    for (i = 0; i + m <= n; i++) {
        for (j = 0; j < m && (s[i + j] | 0x20) == lit[j]; j++)
            ;
        if (j == m)
            return 1;
    }
    return 0;
}

/* Reads s as a headline: short, one line, starting with a capital, and
 * either without a final period (most headlines), a question or exclamation,
 * or a short statement of one sentence. */
static int reads_as_headline(const char *s, size_t n)
{
    size_t words, adv, i = 0;
    uint32_t first, end;
    if (n == 0 || n > HEADLINE_MAX_BYTES || memchr(s, '\n', n))
        return 0;
    words = count_words(s, n);
    if (words < 2 || words > HEADLINE_MAX_WORDS)
        return 0;
    first = cp_at(s, n, 0, &adv);
    while (is_quote_cp(first) && i + adv < n) {
        i += adv;
        first = cp_at(s, n, i, &adv);
    }
    if (!(is_upper_cp(first) || (first >= '0' && first <= '9')))
        return 0;
    end = end_before_quotes(s, n);
    if (end == ',' || end == ';' || end == ':' || end == ')' || end == 0x2026 ||
        (n >= 3 && memcmp(s + n - 3, "...", 3) == 0))
        return 0;
    if (inner_sentence_break(s, n))
        return 0;
    /* an embedded post's header ("Name @handle"), a link: not a headline */
    if (memchr(s, '@', n) || memmem_ci(s, n, "http") || memmem_ci(s, n, "www."))
        return 0;
    if (end == '.')
        return words <= 8;
    if (end == '?' || end == '!')
        return words <= 20;
    return 1;
}

/* A heading inside the story: a short line that is not a sentence. */
static int reads_as_heading(const char *s, size_t n)
{
    size_t words, adv, i = 0;
    uint32_t first, end;
    if (n == 0 || n > 80 || memchr(s, '\n', n))
        return 0;
    words = count_words(s, n);
    if (words < 1 || words > 10)
        return 0;
    first = cp_at(s, n, 0, &adv);
    while (is_quote_cp(first) && i + adv < n) {
        i += adv;
        first = cp_at(s, n, i, &adv);
    }
    if (!(is_upper_cp(first) || (first >= '0' && first <= '9')))
        return 0;
    /* 'Live in hope' is a heading; "Yes," she said." is not */
    end = end_before_quotes(s, n);
    if (end == '.' || end == ',' || end == ';' || end == ':' || end == '?' || end == '!' ||
        end == 0x2026 || end == ')' || end == '-' || end == 0x2013 || end == 0x2014)
        return 0;
    /* headings carry no addresses or handles */
    if (memchr(s, '@', n) || memmem_ci(s, n, "http") || memmem_ci(s, n, "www."))
        return 0;
    for (i = 0; i < n; i++)
        if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0xC0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ cleaning */

typedef struct item {
    size_t a, b;          /* the reflowed paragraph in the flow buffer */
    size_t ka, kb;        /* what of it is kept */
    size_t line;          /* input line (0 unknown) */
    sl_block_kind kind;
    int kept;
    int caption_next;     /* a gallery heading: the next line is a caption */
    int adjacent;         /* the next paragraph is the next input line */
} item;

/* Appends p to flow with its line breaks reflowed: a break and the blanks
 * around it become one space, or nothing after a word broken by a hyphen. */
static void reflow(sl_buf *flow, const char *s, size_t n)
{
    size_t i = 0, start = flow->len;
    while (i < n) {
        if (s[i] == '\n' || is_blank_byte(s[i])) {
            size_t j = i;
            int nl = 0;
            while (j < n && (s[j] == '\n' || is_blank_byte(s[j]))) {
                nl |= s[j] == '\n';
                j++;
            }
            if (!nl) {
                sl_buf_put(flow, s + i, j - i);
            } else if (flow->len - start >= 2 && flow->ptr[flow->len - 1] == '-' &&
                       ((flow->ptr[flow->len - 2] | 0x20) >= 'a' && (flow->ptr[flow->len - 2] | 0x20) <= 'z') &&
                       j < n && s[j] >= 'a' && s[j] <= 'z') {
                /* "well-\nknown" -> "well-known" */
            } else {
                sl_buf_putc(flow, ' ');
            }
            i = j;
        } else {
            size_t j = i;
            while (j < n && s[j] != '\n' && !is_blank_byte(s[j]))
                j++;
            sl_buf_put(flow, s + i, j - i);
            i = j;
        }
    }
    while (flow->len > start && is_blank_byte(flow->ptr[flow->len - 1]))
        flow->len--;
    if (flow->ptr)
        flow->ptr[flow->len] = '\0';
}

static size_t newlines(const char *s, size_t n)
{
    size_t k = 0;
    const char *p = s, *e = s + n;
    while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        k++;
        p++;
    }
    return k;
}

static void *rules_make(sl_ctx *ctx)
{
    sl_cleanrules *r = sl_cleanrules_new();
    (void)ctx;
    (void)sl_cleanrules_load_default(r, NULL); /* the shipped data is checked by test_clean */
    return r;
}

static void rules_destroy(void *p)
{
    sl_cleanrules_free(p);
}

static int has_digit(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

static void put_block(sl_cleaned *out, const char *s, size_t n, sl_block_kind kind)
{
    sl_block b;
    if (out->text.len)
        sl_buf_puts(&out->text, "\n\n");
    b.start = out->text.len;
    sl_buf_put(&out->text, s, n);
    b.end = out->text.len;
    b.kind = kind;
    SL_PUSH(out->blocks, out->nblocks, out->cblocks, b);
}

static void take_title(sl_cleaned *out, const char *s, size_t n, size_t line, sl_editlog *log)
{
    out->title = sl_xstrndup(s, n);
    sl_editlog_add(log, SL_EDIT_TITLE, "first-line-title", "the first line reads as a headline", line, s,
                   n, NULL, 0);
}

/* SL_OPT_REPAIR_ONLY: every input line is a paragraph, nothing leaves. */
static void repair_only(const sl_para *in, size_t n, int find_title, sl_cleaned *out, sl_editlog *log)
{
    size_t i, nlines = 0, total = 0;
    for (i = 0; i < n; i++)
        total += newlines(in[i].text, in[i].len) + 1;
    for (i = 0; i < n; i++) {
        const char *s = in[i].text, *e = s + in[i].len;
        size_t line = in[i].line;
        while (s < e) {
            const char *nl = memchr(s, '\n', (size_t)(e - s));
            const char *le = nl ? nl : e, *a = s, *b = le;
            while (a < b && is_blank_byte(*a))
                a++;
            while (b > a && is_blank_byte(b[-1]))
                b--;
            if (b > a) {
                sl_block_kind kind = in[i].kind;
                if (nlines == 0 && find_title && total > 1 && reads_as_headline(a, (size_t)(b - a))) {
                    kind = SL_BLOCK_TITLE;
                    take_title(out, a, (size_t)(b - a), line, log);
                }
                put_block(out, a, (size_t)(b - a), kind);
                nlines++;
            }
            if (line)
                line++;
            s = nl ? nl + 1 : e;
        }
    }
}

static void log_remove(sl_editlog *log, const sl_rule *rule, size_t line, const char *s, size_t n,
                       const char *after, size_t an)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    sl_editlog_add(log, rule->action == SL_RULE_EVIDENCE ? SL_EDIT_EVIDENCE : SL_EDIT_REMOVE, rule->name,
                   rule->reason, line, s, n, after, an);
}

void sl_clean_paras(sl_ctx *ctx, const sl_para *in, size_t n, int find_title,
                    const char *known_title, unsigned flags, sl_cleaned *out, sl_editlog *log)
{
    sl_cleanrules *own = NULL;
    const sl_cleanrules *rules;
    sl_buf flow = SL_BUF_INIT;
    item *it;
    size_t i, last_kept = 0, nkept_left;
    int seen_kept = 0, seen_any = 0, title_kept = 0, title_open = find_title;
    size_t known_len = known_title ? strlen(known_title) : 0;

    memset(out, 0, sizeof(*out));
    if (n == 0)
        return;
    if (flags & SL_OPT_REPAIR_ONLY) {
        repair_only(in, n, find_title, out, log);
        return;
    }
    if (ctx) {
        rules = sl_ctx_resource(ctx, "clean.rules", rules_make, rules_destroy);
    } else {
        own = rules_make(NULL);
        rules = own;
    }

    it = sl_xcalloc(n, sizeof(*it));
    for (i = 0; i < n; i++) {
        it[i].a = flow.len;
        reflow(&flow, in[i].text, in[i].len);
        it[i].b = flow.len;
        it[i].ka = it[i].a;
        it[i].kb = it[i].b;
        it[i].line = in[i].line;
        it[i].kind = in[i].kind;
        it[i].kept = it[i].b > it[i].a;
        if (i + 1 < n && in[i].line && in[i + 1].line == in[i].line + newlines(in[i].text, in[i].len) + 1)
            it[i].adjacent = 1;
        if (it[i].kept)
            last_kept = i;
    }

    nkept_left = 0;
    for (i = 0; i < n; i++)
        nkept_left += it[i].kept;

    for (i = 0; i < n; i++) {
        item *c = &it[i];
        const char *s = flow.ptr + c->a;
        size_t len = c->b - c->a;
        sl_line_info li;
        sl_rule_hit hit;
        if (!c->kept)
            continue;
        nkept_left--;
        /* "the first non-empty line is the title": past it, no headline */
        if (seen_any)
            title_open = 0;
        seen_any = 1;
        li.first = !seen_kept;
        li.end = i + END_PARAS > last_kept;
        /* the headline again, maybe with the outlet's name: before the rules,
         * so "In Pictures: <headline> Newsweek" is named for what it is */
        if (c->kind == SL_BLOCK_TITLE && !title_kept) {
            /* the reader's headline (an HTML h1) stays, once */
            title_kept = 1;
            title_open = 0;
            seen_kept = 1;
            continue;
        }
        if ((known_len && repeats_headline(known_title, known_len, s, len)) ||
            (out->title && repeats_headline(out->title, strlen(out->title), s, len))) {
            sl_editlog_add(log, SL_EDIT_REMOVE, "repeated-headline", "the line repeats the headline",
                           c->line, s, len, NULL, 0);
            c->kept = 0;
            continue;
        }
        if (sl_cleanrules_match(rules, s, len, &li, &hit)) {
            const sl_rule *r = hit.rule;
            size_t ka = hit.keep_start, kb = hit.keep_end;
            while (ka < kb && (s[ka] == ' ' || s[ka] == '\t'))
                ka++;
            while (kb > ka && (s[kb - 1] == ' ' || s[kb - 1] == '\t'))
                kb--;
            if ((r->action == SL_RULE_CAPTION || r->action == SL_RULE_STRIP) && hit.has_keep &&
                count_words(s + ka, kb - ka) >= 2) {
                c->ka = c->a + ka;
                c->kb = c->a + kb;
                if (r->action == SL_RULE_CAPTION)
                    c->kind = SL_BLOCK_CAPTION;
                /* log what goes: the credit or label before and after the kept part */
                if (ka > 0)
                    log_remove(log, r, c->line, s, ka, NULL, 0);
                if (kb < len)
                    log_remove(log, r, c->line, s + kb, len - kb, NULL, 0);
                seen_kept = 1;
                title_open = 0;
                continue;
            }
            if (r->action == SL_RULE_CAPTION && !hit.has_keep) {
                c->kind = SL_BLOCK_CAPTION;
                seen_kept = 1;
                title_open = 0;
                continue;
            }
            log_remove(log, r, c->line, s, len, NULL, 0);
            if (r->action == SL_RULE_EVIDENCE && !out->date_evidence && has_digit(s, len))
                out->date_evidence = sl_xstrndup(s, len);
            if ((r->flags & SL_RULE_THEN_CAPTION) && c->adjacent && i + 1 < n)
                it[i + 1].caption_next = 1;
            c->kept = 0;
            continue;
        }
        if (title_open) {
            title_open = 0;
            if (nkept_left > 0 && reads_as_headline(s, len)) {
                c->kind = SL_BLOCK_TITLE;
                take_title(out, s, len, c->line, log);
                seen_kept = 1;
                continue;
            }
        }
        if (c->kind == SL_BLOCK_BODY) {
            if (c->caption_next)
                c->kind = SL_BLOCK_CAPTION;
            else if (list_marker(s, len))
                c->kind = SL_BLOCK_ITEM;
            else if (seen_kept && reads_as_heading(s, len))
                c->kind = SL_BLOCK_HEADING;
        }
        seen_kept = 1;
    }

    for (i = 0; i < n; i++)
        if (it[i].kept && it[i].kb > it[i].ka)
            put_block(out, flow.ptr + it[i].ka, it[i].kb - it[i].ka, it[i].kind);

    free(it);
    sl_buf_free(&flow);
    sl_cleanrules_free(own);
}

void sl_cleaned_free(sl_cleaned *c)
{
    sl_buf_free(&c->text);
    free(c->blocks);
    free(c->title);
    free(c->date_evidence);
    memset(c, 0, sizeof(*c));
}
