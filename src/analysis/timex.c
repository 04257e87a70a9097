/*
 * timex.c: the temporal tagger: grammar, resolution and the public
 * sl_tag_dates (see timex.h).
 *
 * Tagging is three passes over the tokens of timex_lex.c:
 *   1. match: at each token every pattern family is tried (numeric forms,
 *      month dates, weekdays, times, relative expressions, amounts of time,
 *      years/decades/seasons/quarters, fixed expressions, holidays, sets,
 *      each optionally behind a modifier) and the longest match wins;
 *      numbers that look like dates but are not ("555-1234", "2.10.3",
 *      "50/6/2018", "$2019") are matched too, as rejections, so that no part
 *      of them is tagged;
 *   2. resolve: in text order, each meaning is resolved against the
 *      document's date, or for "the following day" and "a year earlier"
 *      against the time mentioned last; weekdays and dates without a year
 *      pick their week or year by the tense of their sentence (past tense
 *      and reporting verbs look back, future tense looks ahead);
 *   3. link ranges ("from 1910 to 1945", "1950-53", "June 12-14").
 *
 * Everything is linear in the text: each pattern looks at a bounded number
 * of tokens, tense cues are searched within 25 tokens.
 */
#include "analysis/timex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/timex_lex.h"
#include "util/mem.h"

static const char *const pod_codes[] = {"", "MO", "AF", "EV", "NI"};

/* ------------------------------------------------------------------ parser state */

typedef struct tx_parser {
    const tx_lexicon *lx;
    const char *s;        /* the text */
    size_t len;
    tx_tok *t;            /* tokens, followed by 4 empty sentinels */
    size_t n;
    const sl_tpoint *dct; /* may be NULL; only used to pick a century for "'80s" */
} tx_parser;

/* A match: tokens [a, b), or a rejection (type 0) that consumes them. */
typedef struct tx_m {
    size_t a, b;
    int type;   /* SL_TIMEX_*, 0 for a rejection */
    int mod;    /* TXM_* */
    int range;  /* 1: the next match is the other end of a range */
    sl_tx_sem sem;
} tx_m;

#define MAXM 2

static const tx_word *W(const tx_parser *p, size_t i)
{
    return i < p->n && p->t[i].word >= 0 ? &p->lx->words[p->t[i].word] : NULL;
}

static int kw(const tx_parser *p, size_t i, int k)
{
    return i < p->n && p->t[i].word >= 0 && p->t[i].word == p->lx->kw[k];
}

static int pc(const tx_parser *p, size_t i, char c)
{
    return i < p->n && p->t[i].kind == TK_PUNCT && p->t[i].ch == c;
}

static int has(const tx_parser *p, size_t i, unsigned cat)
{
    const tx_word *w = W(p, i);
    return w && (w->cats & cat);
}

static int tight(const tx_parser *p, size_t i)
{
    return i < p->n && p->t[i].gap == 0;
}

static int is_num(const tx_parser *p, size_t i)
{
    return i < p->n && p->t[i].kind == TK_NUM;
}

static void sem_init(sl_tx_sem *s)
{
    memset(s, 0, sizeof(*s));
    s->hh = -1;
    s->p.hh = -1;
}

static void m_init(tx_m *m, size_t a, size_t b, int type)
{
    memset(m, 0, sizeof(*m));
    m->a = a, m->b = b, m->type = type;
    sem_init(&m->sem);
}

static sl_precision unit_prec(int u)
{
    switch (u) {
    case TXU_Y: return SL_PREC_YEAR;
    case TXU_Q: case TXU_HY: return SL_PREC_QUARTER;
    case TXU_M: return SL_PREC_MONTH;
    case TXU_W: case TXU_WE: case TXU_FN: return SL_PREC_WEEK;
    case TXU_D: return SL_PREC_DAY;
    case TXU_H: case TXU_MIN: case TXU_S: return SL_PREC_TIME;
    case TXU_DE: return SL_PREC_DECADE;
    case TXU_CE: case TXU_ML: return SL_PREC_CENTURY;
    }
    return SL_PREC_NONE;
}

/* ------------------------------------------------------------------ small parsers */

/* The longest phrase of `kind` starting at token i; returns its end (0 if none). */
static size_t phrase_at(const tx_parser *p, size_t i, int kind, const tx_phrase **out)
{
    const int *list;
    if (i >= p->n || p->t[i].word < 0 || !(p->lx->words[p->t[i].word].cats & TXC_PHRASE))
        return 0;
    for (list = p->lx->first[p->t[i].word]; *list >= 0; list++) {
        const tx_phrase *ph = &p->lx->phrases[*list];
        int k;
        if (ph->kind != kind || i + (size_t)ph->n > p->n)
            continue;
        for (k = 1; k < ph->n; k++) {
            const tx_tok *t = &p->t[i + (size_t)k];
            if (t->gap == 3)
                break;
            if (ph->elems[k] >= 0 ? t->word != ph->elems[k] : (t->kind != TK_PUNCT || t->ch != (char)-ph->elems[k]))
                break;
        }
        if (k == ph->n) {
            if (out)
                *out = ph;
            return i + (size_t)ph->n;
        }
    }
    return 0;
}

/* A four-digit year 1000-2999 at i (no suffix, no separators). */
static int year_at(const tx_parser *p, size_t i)
{
    const tx_tok *t = &p->t[i];
    if (i >= p->n || t->kind != TK_NUM || t->nd != 4 || t->suf || t->grouped || t->val < 1000 || t->val > 2999)
        return 0;
    if (tight(p, i + 1) && (pc(p, i + 1, '%') || ((pc(p, i + 1, '.') || pc(p, i + 1, ',') || pc(p, i + 1, ':') ||
                                                   pc(p, i + 1, '/') || pc(p, i + 1, '-')) &&
                                                  tight(p, i + 2) && is_num(p, i + 2))))
        return 0;
    return (int)t->val;
}

/* A day of the month at i: "27", "27th", "fourth", "twenty-first". */
static size_t daynum_at(const tx_parser *p, size_t i, int *d)
{
    const tx_tok *t = &p->t[i];
    const tx_word *w;
    if (i >= p->n)
        return 0;
    if (t->kind == TK_NUM) {
        if (t->nd > 2 || t->grouped || (t->suf && t->suf != TKS_ORD) || t->val < 1 || t->val > 31)
            return 0;
        if (tight(p, i + 1) && (pc(p, i + 1, '%') || ((pc(p, i + 1, ':') || pc(p, i + 1, '/') || pc(p, i + 1, '.') ||
                                                        pc(p, i + 1, ',')) &&
                                                       tight(p, i + 2) && is_num(p, i + 2))))
            return 0;
        *d = (int)t->val;
        return i + 1;
    }
    w = W(p, i);
    if (w && (w->cats & TXC_ORD) && w->ord <= 31) {
        *d = w->ord;
        return i + 1;
    }
    if (w && (w->cats & TXC_NUM) && w->num_kind == TXN_TENS && w->num <= 30 && pc(p, i + 1, '-') &&
        tight(p, i + 1) && tight(p, i + 2) && has(p, i + 2, TXC_ORD) && W(p, i + 2)->ord < 10) {
        *d = w->num + W(p, i + 2)->ord;
        return *d <= 31 ? i + 3 : 0;
    }
    return 0;
}

/* A month name at i, with the period of an abbreviation; *fl gets its flags
 * and TXF_ABBR is cleared when a period follows ("Sept." is certain). */
static size_t month_at(const tx_parser *p, size_t i, int *m, int *fl)
{
    const tx_word *w = W(p, i);
    if (!w || !(w->cats & TXC_MONTH))
        return 0;
    *m = w->month;
    *fl = w->month_fl;
    if ((w->month_fl & TXF_AMBIG) && !p->t[i].cap)
        return 0;
    if ((w->month_fl & TXF_ABBR) && pc(p, i + 1, '.') && tight(p, i + 1)) {
        *fl &= ~TXF_ABBR;
        return i + 2;
    }
    return i + 1;
}

/* A number: digits ("35", "1,000", "1.5") or words ("sixty-five", "two
 * hundred", "a", "a few", "several", "a couple of").  *vague is set for an
 * unknown amount; *article for "a"/"an".  Returns the end or 0. */
static size_t number_at(const tx_parser *p, size_t i, double *v, int *vague, int *article)
{
    const tx_word *w = W(p, i);
    *vague = 0;
    *article = 0;
    if (i >= p->n)
        return 0;
    if (p->t[i].kind == TK_NUM) {
        const tx_tok *t = &p->t[i];
        if (t->suf)
            return 0;
        if (pc(p, i + 1, '.') && tight(p, i + 1) && tight(p, i + 2) && is_num(p, i + 2) && !p->t[i + 2].suf &&
            p->t[i + 2].nd <= 3 && !(pc(p, i + 3, '.') && tight(p, i + 3))) {
            double f = (double)p->t[i + 2].val;
            int k;
            for (k = 0; k < p->t[i + 2].nd; k++)
                f /= 10;
            *v = (double)t->val + f;
            return i + 3;
        }
        if (tight(p, i + 1) && (pc(p, i + 1, ':') || pc(p, i + 1, '/') || pc(p, i + 1, '.') || pc(p, i + 1, ',')) &&
            tight(p, i + 2) && is_num(p, i + 2))
            return 0;
        *v = (double)t->val;
        /* "2 1/2" */
        if (p->t[i + 1].kind == TK_NUM && p->t[i + 1].gap && p->t[i + 1].val == 1 && p->t[i + 1].nd == 1 &&
            pc(p, i + 2, '/') && tight(p, i + 2) && tight(p, i + 3) && is_num(p, i + 3) && p->t[i + 3].val == 2 &&
            p->t[i + 3].nd == 1) {
            *v += 0.5;
            return i + 4;
        }
        return i + 1;
    }
    if (!w)
        return 0;
    if ((w->cats & TXC_NUM) && w->num_kind == TXN_ARTICLE) {
        const tx_word *n2 = W(p, i + 1);
        if (n2 && (n2->cats & TXC_NUM) && n2->num_kind == TXN_VAGUE) {
            /* "a few" */
            *vague = 1;
            return i + 2;
        }
        if (kw(p, i + 1, KW_COUPLE)) { /* "a couple (of)" */
            *v = 2;
            return kw(p, i + 2, KW_OF) ? i + 3 : i + 2;
        }
        if (kw(p, i + 1, KW_DOZEN)) { /* "a dozen" */
            *v = 12;
            return i + 2;
        }
        if (n2 && (n2->cats & TXC_NUM) && n2->num_kind == TXN_MULT) { /* "a hundred" */
            *v = n2->num;
            return i + 2;
        }
        *v = 1;
        *article = 1;
        return i + 1;
    }
    if ((w->cats & TXC_NUM) && w->num_kind == TXN_VAGUE) {
        *vague = 1;
        return i + 1;
    }
    if ((w->cats & TXC_NUM) && (w->num_kind == TXN_CARD || w->num_kind == TXN_TENS)) {
        double val = w->num;
        size_t j = i + 1;
        const tx_word *x;
        if (kw(p, i, KW_COUPLE) && kw(p, j, KW_OF)) { /* "couple of" */
            *v = 2;
            return j + 1;
        }
        if (w->num_kind == TXN_TENS) {
            /* "sixty-five", "twenty four" */
            size_t k = pc(p, j, '-') && tight(p, j) && tight(p, j + 1) ? j + 1 : j;
            x = W(p, k);
            if (x && (x->cats & TXC_NUM) && x->num_kind == TXN_CARD && x->num >= 1 && x->num <= 9) {
                val += x->num;
                j = k + 1;
            }
        }
        x = W(p, j);
        if (x && (x->cats & TXC_NUM) && x->num_kind == TXN_MULT) {
            size_t k;
            const tx_word *y;
            val *= x->num;
            j++;
            k = kw(p, j, KW_AND) ? j + 1 : j;
            y = W(p, k);
            if (y && (y->cats & TXC_NUM) && (y->num_kind == TXN_CARD || y->num_kind == TXN_TENS) && y->num < 100) {
                double rest = y->num;
                size_t e = k + 1;
                if (y->num_kind == TXN_TENS) {
                    size_t q = pc(p, e, '-') && tight(p, e) ? e + 1 : e;
                    const tx_word *z = W(p, q);
                    if (z && (z->cats & TXC_NUM) && z->num_kind == TXN_CARD && z->num <= 9) {
                        rest += z->num;
                        e = q + 1;
                    }
                }
                val += rest;
                j = e;
            }
        }
        *v = val;
        return j;
    }
    return 0;
}

/* "a.m.", "am", "p.m.", "PM" at i; *pm set for the afternoon. */
static size_t ampm_at(const tx_parser *p, size_t i, int *pm)
{
    if (kw(p, i, KW_AM) || kw(p, i, KW_PM)) {
        *pm = kw(p, i, KW_PM);
        return pc(p, i + 1, '.') && tight(p, i + 1) ? i + 2 : i + 1;
    }
    if ((kw(p, i, KW_A) || kw(p, i, KW_P)) && pc(p, i + 1, '.') && tight(p, i + 1) && tight(p, i + 2) &&
        kw(p, i + 2, KW_M)) {
        *pm = kw(p, i, KW_P);
        return pc(p, i + 3, '.') && tight(p, i + 3) ? i + 4 : i + 3;
    }
    return 0;
}

/* A time zone or "local time" after a time. */
static size_t zone_at(const tx_parser *p, size_t i)
{
    if (has(p, i, TXC_ZONE) && p->t[i].cap)
        return i + 1;
    if (kw(p, i, KW_LOCAL) && kw(p, i + 1, KW_TIME))
        return i + 2;
    return 0;
}

/* A clock time at i: "10:35 a.m.", "10 a.m.", "10am", "10 o'clock", "22:15"
 * (after "at" and the like), "noon", "12 noon", "4 in the morning". */
static size_t clock_at(const tx_parser *p, size_t i, int *hh, int *mi)
{
    const tx_tok *t = &p->t[i];
    const tx_word *w = W(p, i);
    size_t j, e;
    int pm = 0, h, m = 0;
    if (i >= p->n)
        return 0;
    if (w && (w->cats & TXC_POD) && w->hhmm >= 0) {
        *hh = w->hhmm / 100, *mi = w->hhmm % 100;
        return i + 1;
    }
    if (t->kind != TK_NUM || t->nd > 2 || t->grouped)
        return 0;
    h = (int)t->val;
    j = i + 1;
    if (t->suf == TKS_AM || t->suf == TKS_PM) {
        if (h < 1 || h > 12)
            return 0;
        *hh = t->suf == TKS_PM ? (h % 12) + 12 : h % 12;
        *mi = 0;
        return i + 1;
    }
    if (t->suf)
        return 0;
    if (pc(p, j, ':') && tight(p, j) && tight(p, j + 1) && is_num(p, j + 1) && p->t[j + 1].nd == 2 &&
        !p->t[j + 1].suf) {
        m = (int)p->t[j + 1].val;
        if (m > 59 || h > 24)
            return 0;
        j += 2;
        if (pc(p, j, ':') && tight(p, j) && tight(p, j + 1) && is_num(p, j + 1) && p->t[j + 1].nd == 2)
            j += 2; /* seconds */
        if ((e = ampm_at(p, j, &pm))) {
            if (h < 1 || h > 12)
                return 0;
            *hh = pm ? (h % 12) + 12 : h % 12;
            *mi = m;
            return e;
        }
        /* a 24-hour time needs a reason to be one: "at 22:15", "22:15 GMT" */
        if (zone_at(p, j) || (i > 0 && (kw(p, i - 1, KW_AT) || kw(p, i - 1, KW_BY) || kw(p, i - 1, KW_UNTIL) ||
                                        kw(p, i - 1, KW_SINCE) || kw(p, i - 1, KW_BEFORE) ||
                                        kw(p, i - 1, KW_AFTER) || kw(p, i - 1, KW_ABOUT) || kw(p, i - 1, KW_AROUND)))) {
            *hh = h, *mi = m;
            return j;
        }
        return 0;
    }
    if (h < 1 || h > 12)
        return 0;
    if ((e = ampm_at(p, j, &pm))) {
        *hh = pm ? (h % 12) + 12 : h % 12;
        *mi = 0;
        return e;
    }
    if (kw(p, j, KW_OCLOCK)) {
        *hh = h, *mi = 0;
        return j + 1;
    }
    if (kw(p, j, KW_IN) && kw(p, j + 1, KW_THE) && has(p, j + 2, TXC_POD) && W(p, j + 2)->pod) {
        int pod = W(p, j + 2)->pod;
        *hh = pod == SL_POD_MO ? h % 12 : (h % 12) + 12;
        *mi = 0;
        return j + 3;
    }
    if (h == 12 && has(p, j, TXC_POD) && W(p, j)->hhmm >= 0) { /* "12 noon" */
        *hh = W(p, j)->hhmm / 100, *mi = 0;
        return j + 1;
    }
    return 0;
}

/* A year in words at i: "nineteen ninety-six", "nineteen twelve", "two
 * thousand and one"; returns the end and sets *y, or 0. */
static size_t yearwords_at(const tx_parser *p, size_t i, int *y)
{
    size_t j = i;
    const tx_word *w = W(p, j), *x;
    if (!w || !(w->cats & TXC_NUM))
        return 0;
    if ((w->num_kind == TXN_CARD && w->num >= 11 && w->num <= 19) || (w->num_kind == TXN_TENS && w->num == 20)) {
        size_t k = j + 1;
        x = W(p, k);
        if (!x || !(x->cats & TXC_NUM))
            return 0;
        if (x->num_kind == TXN_TENS) {
            int rest = x->num;
            k++;
            if (pc(p, k, '-') && tight(p, k) && has(p, k + 1, TXC_NUM) && W(p, k + 1)->num_kind == TXN_CARD &&
                W(p, k + 1)->num <= 9) {
                rest += W(p, k + 1)->num;
                k += 2;
            }
            *y = w->num * 100 + rest;
        } else if (x->num_kind == TXN_CARD && x->num >= 10 && x->num <= 19) {
            *y = w->num * 100 + x->num;
            k++;
        } else {
            return 0;
        }
        j = k;
    } else if (w->num_kind == TXN_CARD && w->num == 2 && kw(p, j + 1, KW_THOUSAND)) {
        size_t k = j + 2;
        *y = 2000;
        if (kw(p, k, KW_AND))
            k++;
        x = W(p, k);
        if (x && (x->cats & TXC_NUM) && (x->num_kind == TXN_CARD || x->num_kind == TXN_TENS) && x->num < 100) {
            *y += x->num;
            k++;
        } else if (kw(p, k - 1, KW_AND)) {
            k--;
        }
        j = k;
    } else {
        return 0;
    }
    if (*y < 1100 || *y > 2099 || has(p, j, TXC_UNIT))
        return 0;
    return j;
}

/* A year at i, in digits or in words; returns the end or 0. */
static size_t any_year_at(const tx_parser *p, size_t i, int *y)
{
    if ((*y = year_at(p, i)))
        return i + 1;
    return yearwords_at(p, i, y);
}

/* ------------------------------------------------------------------ pattern families */

/* A year alone, with the guards that keep counts, addresses and money out.
 * Returns 1 when the year at i reads as a year. */
static int year_reads_as_year(const tx_parser *p, size_t i)
{
    size_t e = i + 1;
    if (i > 0 && tight(p, i) && (pc(p, i - 1, '$') || pc(p, i - 1, '#') || pc(p, i - 1, '+') ||
                                 p->t[i - 1].kind == TK_WORD || p->t[i - 1].kind == TK_NUM))
        return 0;
    if (i > 0 && has(p, i - 1, TXC_NONYEAR_BEFORE))
        return 0;
    if (i > 1 && pc(p, i - 1, '.') && has(p, i - 2, TXC_NONYEAR_BEFORE))
        return 0;
    if (has(p, e, TXC_NONYEAR_AFTER) || has(p, e, TXC_ADDRESS))
        return 0;
    if (p->t[e].kind == TK_WORD && p->t[e].cap && e < p->n && p->t[e].gap < 2 &&
        (has(p, e + 1, TXC_ADDRESS) || (p->t[e + 1].cap && p->t[e + 1].kind == TK_WORD && has(p, e + 2, TXC_ADDRESS))))
        return 0;
    /* a year is not tightly glued to letters: "2019-style" is fine, "2019x" is a token of its own */
    return 1;
}

static void set_year(tx_m *m, int y)
{
    m->sem.kind = SL_TXK_POINT;
    m->sem.p.prec = SL_PREC_YEAR;
    m->sem.p.y = y;
}

/* Validates and sets a day; returns 0 for "February 30". */
static int set_day(tx_m *m, int y, int mo, int d)
{
    if (y ? !sl_ymd_valid(y, mo, d) : (d > (mo == 2 ? 29 : sl_days_in_month(2001, mo)) || mo < 1 || mo > 12))
        return 0;
    m->sem.kind = SL_TXK_POINT;
    m->sem.p.prec = SL_PREC_DAY;
    m->sem.p.y = y ? y : SL_YEAR_UNKNOWN;
    m->sem.p.m = mo;
    m->sem.p.d = d;
    m->sem.dir = SL_TXD_TENSE;
    m->sem.anchor = y ? SL_TXA_NONE : SL_TXA_DCT;
    return 1;
}

/* Reads an ISO 8601 date or date-time at byte s[0..len): returns its length. */
static size_t iso_bytes(const char *s, size_t len, sl_tpoint *pt)
{
    size_t i = 10;
    if (len < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    if (len > 10 && s[10] == 'T' && len >= 16 && s[13] == ':') {
        i = 16;
        if (i + 2 < len && s[i] == ':' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9')
            i += 3;
        while (i < len && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9')))
            i++;
        if (i < len && s[i] == 'Z')
            i++;
        else if (i + 2 < len && (s[i] == '+' || s[i] == '-') && s[i + 1] >= '0' && s[i + 1] <= '9') {
            size_t z = i + 1;
            while (z < len && z < i + 6 && ((s[z] >= '0' && s[z] <= '9') || s[z] == ':'))
                z++;
            i = z;
        }
        {
            char buf[40];
            size_t k = i < sizeof(buf) - 1 ? i : sizeof(buf) - 1;
            memcpy(buf, s, k);
            buf[k] = '\0';
            /* keep the local time: drop the zone before parsing (sl_tpoint_parse ignores it anyway) */
            if (sl_tpoint_parse(buf, k, pt) == 0)
                return i;
        }
        i = 10;
    }
    if (sl_tpoint_parse(s, 10, pt) == 0 && pt->prec == SL_PREC_DAY && pt->y != SL_YEAR_UNKNOWN)
        return (i < len && ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')) ? 0 : i;
    return 0;
}

/* Maps a byte offset back to the first token starting at or after it. */
static size_t tok_after(const tx_parser *p, size_t from, size_t byte)
{
    while (from < p->n && p->t[from].start < byte)
        from++;
    return from;
}

/* Numbers joined by - / . : without spaces: ISO and slashed dates, clock
 * times, year ranges, years, decades; anything else made of digits and
 * separators ("555-1234", "2.10.3", "3-1", "50/6/2018") is rejected whole. */
static int p_cluster(const tx_parser *p, size_t i, tx_m *out)
{
    size_t e = i + 1, k;
    const tx_tok *t = &p->t[i];
    long v[4];
    int nd[4], nparts = 0, hh, mi;
    char sep[3] = {0, 0, 0};
    tx_m *m = &out[0];
    if (t->kind != TK_NUM)
        return 0;
    if (i > 0 && tight(p, i) && (p->t[i - 1].kind == TK_WORD || p->t[i - 1].kind == TK_NUM))
        return 0; /* "F16", "A4": part of a name */
    /* (ch is tested first: strchr finds the terminating NUL too) */
    while (e < p->n && tight(p, e) && p->t[e].kind == TK_PUNCT && p->t[e].ch && strchr("-/.:", p->t[e].ch) &&
           tight(p, e + 1) && is_num(p, e + 1))
        e += 2;
    for (k = i; k < e && nparts < 4; k += 2) {
        v[nparts] = p->t[k].val;
        nd[nparts] = p->t[k].nd;
        if (nparts > 0 && nparts <= 3)
            sep[nparts - 1] = p->t[k - 1].ch;
        nparts++;
    }
    /* ISO 8601 date or date-time, read on the bytes */
    if (nparts >= 3 && nd[0] == 4 && sep[0] == '-' && !t->suf) {
        sl_tpoint pt;
        size_t bl = iso_bytes(p->s + t->start, p->len - t->start, &pt);
        if (bl) {
            m_init(m, i, tok_after(p, i, t->start + bl), pt.prec == SL_PREC_TIME ? SL_TIMEX_TIME : SL_TIMEX_DATE);
            m->sem.kind = SL_TXK_POINT;
            m->sem.p = pt;
            return 1;
        }
        goto reject;
    }
    if ((e - i + 1) / 2 > 3)
        goto reject;
    /* money, percentages and numbers glued to signs are no dates */
    if (i > 0 && tight(p, i) && (pc(p, i - 1, '$') || pc(p, i - 1, '#')))
        goto reject;
    if (tight(p, e) && pc(p, e, '%'))
        goto reject;
    if (nparts == 1) {
        int y;
        if (t->suf == TKS_S && t->nd == 4 && t->val % 10 == 0 && t->val >= 1000 && t->val <= 2990) {
            m_init(m, i, i + 1, SL_TIMEX_DATE);
            m->sem.kind = SL_TXK_POINT;
            m->sem.p.prec = SL_PREC_DECADE;
            m->sem.p.y = (int)t->val;
            return 1;
        }
        if (t->nd == 4 && !t->suf && kw(p, i + 1, KW_POSS) && t->val % 10 == 0 && t->val >= 1000) { /* 1990's */
            m_init(m, i, i + 2, SL_TIMEX_DATE);
            m->sem.kind = SL_TXK_POINT;
            m->sem.p.prec = SL_PREC_DECADE;
            m->sem.p.y = (int)t->val;
            return 1;
        }
        if ((y = year_at(p, i)) && year_reads_as_year(p, i)) {
            m_init(m, i, i + 1, SL_TIMEX_DATE);
            set_year(m, y);
            return 1;
        }
        return 0;
    }
    if (nparts == 2) {
        if (sep[0] == ':') {
            if (clock_at(p, i, &hh, &mi))
                return 0; /* times are p_time's */
            goto reject;
        }
        if (sep[0] == '.')
            return 0; /* a decimal: amounts are p_quantity's */
        if (sep[0] == '-' && nd[0] == 4 && v[0] >= 1000 && v[0] <= 2999 && !p->t[i].suf && !p->t[e - 1].suf) {
            long y2 = nd[1] == 4 ? v[1] : nd[1] == 2 ? v[0] - v[0] % 100 + v[1] : -1;
            if (y2 > v[0] && y2 - v[0] <= 100 && (nd[1] == 4 || nd[1] == 2)) {
                m_init(&out[0], i, i + 1, SL_TIMEX_DATE);
                set_year(&out[0], (int)v[0]);
                out[0].range = 1;
                m_init(&out[1], i + 2, i + 3, SL_TIMEX_DATE);
                set_year(&out[1], (int)y2);
                return 2;
            }
            if (nd[1] == 2 && v[1] >= 1 && v[1] <= 12) { /* 2018-06 */
                m_init(m, i, i + 3, SL_TIMEX_DATE);
                m->sem.kind = SL_TXK_POINT;
                m->sem.p.prec = SL_PREC_MONTH;
                m->sem.p.y = (int)v[0];
                m->sem.p.m = (int)v[1];
                return 1;
            }
        }
        if (sep[0] == '/' && nd[1] == 4 && v[0] >= 1 && v[0] <= 12 && nd[0] <= 2 && v[1] >= 1000 && v[1] <= 2999) {
            m_init(m, i, i + 3, SL_TIMEX_DATE); /* 06/2018 */
            m->sem.kind = SL_TXK_POINT;
            m->sem.p.prec = SL_PREC_MONTH;
            m->sem.p.y = (int)v[1];
            m->sem.p.m = (int)v[0];
            return 1;
        }
        goto reject;
    }
    /* three parts */
    if (sep[0] == sep[1] && (sep[0] == '/' || sep[0] == '-' || sep[0] == '.')) {
        long y = -1, mo = -1, d = -1;
        if (nd[0] == 4 && sep[0] != '.' && nd[1] <= 2 && nd[2] <= 2) {
            y = v[0], mo = v[1], d = v[2];
        } else if (nd[2] == 4 && nd[0] <= 2 && nd[1] <= 2) {
            y = v[2];
            if (sep[0] == '.' || v[0] > 12)
                d = v[0], mo = v[1];
            else
                mo = v[0], d = v[1];
        } else if (nd[2] == 2 && nd[0] <= 2 && nd[1] <= 2 && sep[0] == '/') {
            /* 6/12/98: the century that brings it nearest the document's date */
            int base = p->dct && p->dct->prec >= SL_PREC_YEAR && p->dct->y > 0 ? p->dct->y : 2000;
            long c = base - base % 100 + v[2];
            if (c > base + 20)
                c -= 100;
            y = c;
            mo = v[0], d = v[1];
        }
        if (y >= 1000 && y <= 2999 && sl_ymd_valid((int)y, (int)mo, (int)d) && !p->t[e - 1].suf) {
            m_init(m, i, e, SL_TIMEX_DATE);
            set_day(m, (int)y, (int)mo, (int)d);
            return 1;
        }
    }
reject:
    m_init(m, i, e, 0);
    return 1;
}

/* "'80s", "the '80s": a decade by two digits. */
static int p_decade_apos(const tx_parser *p, size_t i, tx_m *m)
{
    size_t j = i;
    int c = 1900;
    if (kw(p, j, KW_THE))
        j++;
    if (!pc(p, j, '\'') || !tight(p, j + 1) || !is_num(p, j + 1) || p->t[j + 1].nd != 2 || p->t[j + 1].suf != TKS_S ||
        p->t[j + 1].val % 10)
        return 0;
    if (p->dct && p->dct->prec >= SL_PREC_YEAR && p->dct->y > 0) {
        c = p->dct->y - p->dct->y % 100;
        if (c + p->t[j + 1].val > p->dct->y)
            c -= 100;
    }
    m_init(m, i, j + 2, SL_TIMEX_DATE);
    m->sem.kind = SL_TXK_POINT;
    m->sem.p.prec = SL_PREC_DECADE;
    m->sem.p.y = c + (int)p->t[j + 1].val;
    return 1;
}

/* A time of day after a date: "at 10 a.m.", ", 10:30 a.m.". */
static size_t time_after(const tx_parser *p, size_t j, int *hh, int *mi)
{
    size_t e, k = j;
    if (kw(p, k, KW_AT) || pc(p, k, ','))
        k++;
    if (kw(p, k, KW_ABOUT) || kw(p, k, KW_AROUND))
        k++;
    if ((e = clock_at(p, k, hh, mi)) && (W(p, k) == NULL || p->t[k].kind == TK_NUM || kw(p, j, KW_AT))) {
        size_t z = zone_at(p, e);
        return z ? z : e;
    }
    return 0;
}

/* Month dates: "July 27, 1953", "27 July, 1953", "the 27th of July",
 * "July 1997", "July of 1997", "July", with a leading weekday ("Friday,
 * Oct. 23") and a trailing time ("at 10 a.m.").  "June 12-14" is a range. */
static int p_monthdate(const tx_parser *p, size_t i, tx_m *out)
{
    tx_m *m = &out[0];
    size_t j = i, e;
    int mo = 0, fl = 0, d = 0, y = 0, wd = 0, day_first = 0, hh, mi, count = 1;
    const tx_word *w = W(p, j);
    if (w && (w->cats & TXC_WDAY) && !(w->wday_fl & TXF_PLURAL)) {
        wd = w->wday;
        j++;
        if (pc(p, j, '.') && tight(p, j))
            j++;
        if (pc(p, j, ','))
            j++;
    }
    if ((e = month_at(p, j, &mo, &fl))) {
        size_t k;
        j = e;
        if ((e = daynum_at(p, j, &d)) && !(tight(p, e) && pc(p, e, '-') && !is_num(p, e + 1))) {
            j = e;
            if (pc(p, j, ',') && (y = year_at(p, j + 1)))
                j += 2;
            else if ((y = year_at(p, j)))
                j++;
        } else {
            d = 0;
            k = j;
            if (pc(p, k, ','))
                k++;
            if (kw(p, k, KW_OF))
                k++;
            if ((y = year_at(p, k)) && year_reads_as_year(p, k))
                j = k + 1;
            else if ((e = yearwords_at(p, k, &y)))
                j = e; /* "January nineteen ninety-seven" */
            else
                y = 0;
        }
    } else if ((e = daynum_at(p, j + (kw(p, j, KW_THE) && !wd ? 1 : 0), &d))) {
        size_t k = e;
        if (kw(p, j, KW_THE) && !wd && !kw(p, k, KW_OF))
            return 0; /* "the 27th of July" needs its "of" */
        if (kw(p, k, KW_OF))
            k++;
        if (!(e = month_at(p, k, &mo, &fl)))
            return 0;
        day_first = 1;
        j = e;
        if (pc(p, j, ',') && (y = year_at(p, j + 1)))
            j += 2;
        else if ((y = year_at(p, j)))
            j++;
    } else {
        return 0;
    }
    /* "July last year", "June 12 this year": the year of a relative year */
    if (!y && has(p, j, TXC_REL) && !(W(p, j)->rel_fl & TXF_ANAPHORIC) && kw(p, j + 1, KW_YEAR) &&
        !(fl & TXF_ABBR && !d)) {
        int rdir = W(p, j)->rel;
        m_init(m, i, j + 2, SL_TIMEX_DATE);
        if (d ? !set_day(m, 0, mo, d) : 0) {
            m->type = 0;
            return 1;
        }
        if (!d) {
            m->sem.kind = SL_TXK_POINT;
            m->sem.p.prec = SL_PREC_MONTH;
            m->sem.p.y = SL_YEAR_UNKNOWN;
            m->sem.p.m = mo;
        }
        m->sem.anchor = SL_TXA_DCT;
        m->sem.ymove = 1;
        m->sem.dir = rdir < 0 ? SL_TXD_BEFORE : rdir > 0 ? SL_TXD_AFTER : SL_TXD_THIS;
        return 1;
    }
    /* an abbreviated or ambiguous month alone is no date */
    if (!d && !y) {
        if (wd || (fl & TXF_ABBR) || !p->t[i].cap)
            return 0;
        if (fl & TXF_AMBIG) {
            /* "May" alone only after a word that asks for a month */
            if (i == 0 || !(kw(p, i - 1, KW_IN) || kw(p, i - 1, KW_SINCE) || kw(p, i - 1, KW_UNTIL) ||
                            kw(p, i - 1, KW_TILL) || kw(p, i - 1, KW_BY) || kw(p, i - 1, KW_DURING) ||
                            kw(p, i - 1, KW_OF) || kw(p, i - 1, KW_FROM) || kw(p, i - 1, KW_THROUGH) ||
                            kw(p, i - 1, KW_BEFORE) || kw(p, i - 1, KW_AFTER) || kw(p, i - 1, KW_EARLIER) ||
                            has(p, i - 1, TXC_REL) || phrase_at(p, i - 1, TXP_MOD_DATE, NULL) == i ||
                            (pc(p, i - 1, '-') && i > 1 && kw(p, i - 2, KW_MID))))
                return 0;
        }
        m_init(m, i, j, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_POINT;
        m->sem.p.prec = SL_PREC_MONTH;
        m->sem.p.y = SL_YEAR_UNKNOWN;
        m->sem.p.m = mo;
        m->sem.dir = SL_TXD_TENSE;
        m->sem.anchor = SL_TXA_DCT;
        return 1;
    }
    if (!d) {
        if (wd)
            return 0;
        m_init(m, i, j, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_POINT;
        m->sem.p.prec = SL_PREC_MONTH;
        m->sem.p.y = y;
        m->sem.p.m = mo;
        return 1;
    }
    m_init(m, i, j, SL_TIMEX_DATE);
    if (!set_day(m, y, mo, d)) {
        m->type = 0; /* "February 30": not a date, and no part of it either */
        return 1;
    }
    if ((e = time_after(p, j, &hh, &mi))) {
        m->b = e;
        m->type = SL_TIMEX_TIME;
        m->sem.hh = hh, m->sem.mi = mi;
    } else if (!day_first && !y &&
               ((tight(p, j) && pc(p, j, '-') && tight(p, j + 1)) ||
                ((kw(p, j, KW_AND) || kw(p, j, KW_TO) || kw(p, j, KW_THROUGH)) && is_num(p, j + 1)))) {
        /* "June 12-14", "April 24 and 25" */
        int d2;
        size_t e2 = daynum_at(p, j + 1, &d2);
        if (e2 && (has(p, e2, TXC_MONTH) || has(p, e2, TXC_UNIT) || (p->t[e2].kind == TK_WORD && !p->t[e2].cap &&
                                                                     !W(p, e2))))
            e2 = 0; /* "June 12 and 25 July", "April 24 and 25 people" */
        if (e2 && d2 > d) {
            tx_m *m2 = &out[1];
            int y2 = 0;
            if (pc(p, e2, ',') && (y2 = year_at(p, e2 + 1)))
                e2 += 2;
            else if ((y2 = year_at(p, e2)))
                e2++;
            if (y2 && !y) {
                m->sem.p.y = y2;
                m->sem.anchor = SL_TXA_NONE;
            }
            m_init(m2, j + 1, e2, SL_TIMEX_DATE);
            if (set_day(m2, y2 ? y2 : y, mo, d2)) {
                m->range = 1;
                count = 2;
            }
        }
    }
    return count;
}

/* Weekdays: "Friday", "last Friday", "next Tuesday", "this past Sunday",
 * "Friday morning", "Mondays" (a set). */
static int p_weekday(const tx_parser *p, size_t i, tx_m *m)
{
    size_t j = i;
    int dir = SL_TXD_TENSE, pod = 0;
    const tx_word *w = W(p, j);
    if (w && (w->cats & TXC_REL) && !kw(p, j, KW_THE) && !(w->rel_fl & TXF_ANAPHORIC && w->rel != 1)) {
        const tx_word *w2 = W(p, j + 1);
        if (kw(p, j, KW_THIS) && w2 && (w2->cats & TXC_REL) && w2->rel != 0) {
            dir = w2->rel < 0 ? SL_TXD_BEFORE : SL_TXD_AFTER; /* "this past", "this coming" */
            j += 2;
        } else {
            dir = w->rel < 0 ? SL_TXD_BEFORE : w->rel > 0 ? SL_TXD_AFTER : SL_TXD_THIS;
            j++;
        }
        w = W(p, j);
    }
    if (!w || !(w->cats & TXC_WDAY) || (w->wday_fl & TXF_ABBR))
        return 0;
    if (w->wday_fl & TXF_PLURAL) {
        if (j != i)
            return 0;
        m_init(m, i, j + 1, SL_TIMEX_SET);
        m->sem.kind = SL_TXK_LITERAL;
        snprintf(m->sem.lit, sizeof(m->sem.lit), "XXXX-WXX-%d", w->wday);
        return 1;
    }
    if (!p->t[j].cap && j == i)
        return 0;
    /* "The Sunday Times", "Monday Night Football": part of a name */
    if (j == i && p->t[j + 1].kind == TK_WORD && p->t[j + 1].cap && p->t[j + 1].gap < 2 &&
        !(W(p, j + 1) && (W(p, j + 1)->cats & (TXC_POD | TXC_MONTH | TXC_NUM | TXC_ORD | TXC_UNIT | TXC_REL))) &&
        !(i > 0 && (kw(p, i - 1, KW_ON) || kw(p, i - 1, KW_BY) || kw(p, i - 1, KW_SINCE) || kw(p, i - 1, KW_UNTIL))) &&
        i > 0 && p->t[i - 1].kind == TK_WORD && p->t[i - 1].cap)
        return 0;
    m_init(m, i, j + 1, SL_TIMEX_DATE);
    m->sem.kind = SL_TXK_WEEKDAY;
    m->sem.anchor = SL_TXA_DCT;
    m->sem.wday = w->wday;
    m->sem.dir = dir;
    j++;
    if (has(p, j, TXC_POD) && (pod = W(p, j)->pod) != 0) {
        m->sem.pod = pod;
        m->type = SL_TIMEX_TIME;
        m->b = j + 1;
        if (kw(p, j + 1, KW_LOCAL) && kw(p, j + 2, KW_TIME))
            m->sem.local = 1; /* "Friday morning local time": maybe tomorrow where the article was written */
    } else {
        int hh, mi;
        size_t e = time_after(p, j, &hh, &mi);
        if (e) {
            m->sem.hh = hh, m->sem.mi = mi;
            m->type = SL_TIMEX_TIME;
            m->b = e;
        }
    }
    return 1;
}

/* A fixed expression from data/timex/deictic.txt. */
static int p_deictic(const tx_parser *p, size_t i, tx_m *m)
{
    const tx_phrase *ph;
    size_t e = phrase_at(p, i, TXP_DEICTIC, &ph);
    if (!e)
        return 0;
    /* "VICE News Tonight", "the Today show": a capital inside a sentence
     * makes a name (headlines in capitals excepted) */
    if (p->t[i].cap == 1 && i > 0 && p->t[i].gap < 3 &&
        !(p->t[i - 1].kind == TK_PUNCT && strchr(".!?\"'(:;~-", p->t[i - 1].ch)) &&
        !(p->t[i - 1].kind == TK_OTHER))
        return 0;
    m_init(m, i, e, SL_TIMEX_DATE);
    if (ph->a == TXD_DAY) {
        m->sem.kind = SL_TXK_SHIFT;
        m->sem.anchor = SL_TXA_DCT;
        m->sem.unit = SL_PREC_DAY;
        m->sem.n = ph->b;
        m->sem.prec = SL_PREC_DAY;
        if (ph->c) {
            m->sem.pod = ph->c;
            m->type = SL_TIMEX_TIME;
        } else if (has(p, e, TXC_POD) && W(p, e)->pod) { /* "today morning" is rare; "yesterday night" */
            m->sem.pod = W(p, e)->pod;
            m->type = SL_TIMEX_TIME;
            m->b = e + 1;
        } else {
            int hh, mi;
            size_t t2 = time_after(p, e, &hh, &mi);
            if (t2) {
                m->sem.hh = hh, m->sem.mi = mi;
                m->type = SL_TIMEX_TIME;
                m->b = t2;
            }
        }
    } else if (ph->a == TXD_UNIT) {
        m->sem.kind = SL_TXK_SHIFT;
        m->sem.anchor = SL_TXA_DCT;
        m->sem.unit = unit_prec(ph->c);
        m->sem.n = ph->b;
        m->sem.prec = m->sem.unit;
        m->mod = ph->d;
    } else {
        m->sem.kind = SL_TXK_LITERAL;
        memcpy(m->sem.lit, ph->lit, sizeof(m->sem.lit) < sizeof(ph->lit) ? sizeof(m->sem.lit) : sizeof(ph->lit));
        m->type = ph->a == TXD_SET ? SL_TIMEX_SET : ph->a == TXD_DUR ? SL_TIMEX_DURATION : SL_TIMEX_DATE;
        /* "current" and "future" as adjectives of a time unit belong to p_relative */
    }
    return 1;
}

/* Times of day: "10:35 a.m.", "noon Thursday", "10 p.m. Wednesday", "5 p.m.
 * EST Nov. 9", "midnight Friday". */
static int p_time(const tx_parser *p, size_t i, tx_m *m)
{
    int hh, mi;
    size_t e = clock_at(p, i, &hh, &mi), z;
    tx_m d[MAXM];
    if (!e)
        return 0;
    if ((z = zone_at(p, e)))
        e = z;
    m_init(m, i, e, SL_TIMEX_TIME);
    m->sem.kind = SL_TXK_SHIFT;
    m->sem.anchor = SL_TXA_DCT;
    m->sem.unit = SL_PREC_DAY;
    m->sem.n = 0;
    m->sem.prec = SL_PREC_DAY;
    /* a day after the time */
    {
        size_t k = e;
        if (pc(p, k, ',') || kw(p, k, KW_ON))
            k++;
        if (p_monthdate(p, k, d) >= 1 && d[0].type == SL_TIMEX_DATE) {
            m->sem = d[0].sem;
            m->b = d[0].b;
        } else if (p_weekday(p, k, d) && d[0].type == SL_TIMEX_DATE) {
            m->sem = d[0].sem;
            m->b = d[0].b;
        } else if (p_deictic(p, k, d) && d[0].type == SL_TIMEX_DATE && d[0].sem.kind == SL_TXK_SHIFT) {
            m->sem = d[0].sem;
            m->b = d[0].b;
        }
    }
    m->sem.hh = hh, m->sem.mi = mi, m->sem.pod = 0;
    return 1;
}

/* Relative dates: "last year", "this week", "next month", "the current
 * quarter", "the following day", "last summer", "next July", "the
 * year-earlier quarter", "year-ago". */
static int p_relative(const tx_parser *p, size_t i, tx_m *m)
{
    size_t j = i;
    int the = 0, dir, anaph, u;
    const tx_word *w, *x;
    if (kw(p, j, KW_THE)) {
        the = 1;
        j++;
    }
    /* "year-earlier", "the year-ago quarter" */
    if (kw(p, j, KW_YEAR) && pc(p, j + 1, '-') && tight(p, j + 1) && tight(p, j + 2) &&
        (kw(p, j + 2, KW_EARLIER) || kw(p, j + 2, KW_AGO))) {
        size_t e = j + 3;
        m_init(m, i, e, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_SHIFT;
        m->sem.anchor = kw(p, j + 2, KW_AGO) ? SL_TXA_DCT : SL_TXA_PREVIOUS;
        m->sem.unit = SL_PREC_YEAR;
        m->sem.n = -1;
        m->sem.prec = SL_PREC_YEAR;
        m->sem.year_ago = 1;
        if (kw(p, e, KW_QUARTER) || kw(p, e, KW_PERIOD))
            m->b = e + 1;
        else if (the)
            return 0;
        return 1;
    }
    w = W(p, j);
    /* "the quarter", "the latest quarter", "the latest period": the quarter the
     * report is about (financial news), see the tagger's topic quarter */
    if (the && (kw(p, j, KW_QUARTER) || (kw(p, j, KW_LATEST) && (kw(p, j + 1, KW_QUARTER) || kw(p, j + 1, KW_PERIOD))))) {
        size_t e = kw(p, j, KW_QUARTER) ? j + 1 : j + 2;
        tx_m d[MAXM];
        if (kw(p, e, KW_OF) || pc(p, j + 1, '-'))
            return 0;
        if ((kw(p, e, KW_ENDED) || kw(p, e, KW_ENDING)) && p_monthdate(p, e + 1, d) >= 1 &&
            d[0].type == SL_TIMEX_DATE && d[0].sem.p.prec >= SL_PREC_MONTH) {
            /* "the quarter ended Sept. 30": the quarter of that day */
            *m = d[0];
            m->a = i;
            m->b = e;
            m->sem.trunc = SL_PREC_QUARTER;
            return 1;
        }
        m_init(m, i, e, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_SHIFT;
        m->sem.anchor = SL_TXA_DCT;
        m->sem.unit = SL_PREC_QUARTER;
        m->sem.n = -1;
        m->sem.prec = SL_PREC_QUARTER;
        m->sem.topic = 1;
        return 1;
    }
    /* "the weekend" */
    if (the && has(p, j, TXC_UNIT) && W(p, j)->unit == TXU_WE && !(W(p, j)->unit_fl & TXF_PLURAL)) {
        m_init(m, i, j + 1, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_SHIFT;
        m->sem.anchor = SL_TXA_DCT;
        m->sem.unit = SL_PREC_WEEK;
        m->sem.prec = SL_PREC_WEEK;
        m->sem.we = 1;
        m->sem.dir = SL_TXD_TENSE;
        return 1;
    }
    /* "the week of March 6" */
    if (the && kw(p, j, KW_WEEK) && kw(p, j + 1, KW_OF)) {
        tx_m d[MAXM];
        if (p_monthdate(p, j + 2, d) >= 1 && d[0].type == SL_TIMEX_DATE && d[0].sem.p.prec == SL_PREC_DAY) {
            *m = d[0];
            m->a = i;
            m->sem.trunc = SL_PREC_WEEK;
            return 1;
        }
        return 0;
    }
    if (!w || !(w->cats & TXC_REL))
        return 0;
    dir = w->rel;
    anaph = (w->rel_fl & TXF_ANAPHORIC) != 0;
    if (the && kw(p, j, KW_THIS))
        return 0;
    if (the && kw(p, j, KW_NEXT))
        anaph = 1; /* "the next day": the narrative's next day */
    j++;
    x = W(p, j);
    if (kw(p, j - 1, KW_THIS) && x && (x->cats & TXC_REL) && x->rel != 0) { /* "this past summer" */
        dir = x->rel;
        j++;
        x = W(p, j);
    }
    if (!x)
        return 0;
    /* "the next morning", "the following night" */
    if (anaph && dir == 1 && (x->cats & TXC_POD) && x->pod) {
        m_init(m, i, j + 1, SL_TIMEX_TIME);
        m->sem.kind = SL_TXK_SHIFT;
        m->sem.anchor = SL_TXA_PREVIOUS;
        m->sem.unit = SL_PREC_DAY;
        m->sem.n = 1;
        m->sem.prec = SL_PREC_DAY;
        m->sem.pod = x->pod;
        return 1;
    }
    if ((x->cats & TXC_UNIT) && !(x->unit_fl & TXF_PLURAL)) {
        u = x->unit;
        /* "the past decade" is the last ten years */
        if ((u == TXU_DE || u == TXU_CE) && dir < 0 && kw(p, j - 1, KW_PAST)) {
            m_init(m, i, j + 1, SL_TIMEX_DURATION);
            m->sem.kind = SL_TXK_LITERAL;
            snprintf(m->sem.lit, sizeof(m->sem.lit), "%s", u == TXU_DE ? "P10Y" : "P100Y");
            return 1;
        }
        if (u == TXU_S || u == TXU_MIN || u == TXU_H || u == TXU_HY || u == TXU_FN || u == TXU_ML)
            return 0;
        if (u == TXU_D && !anaph && !the)
            return 0; /* "next day" without "the" is rare; "this day" is an idiom */
        if (u == TXU_D && dir == 0 && !anaph)
            return 0;
        /* "the last day of" is a part of something else */
        if (kw(p, j + 1, KW_OF) && u != TXU_Y)
            return 0;
        m_init(m, i, j + 1, SL_TIMEX_DATE);
        /* "this year's third quarter", "next year's first half" */
        if (u == TXU_Y && !anaph && kw(p, j + 1, KW_POSS) && has(p, j + 2, TXC_ORD) && W(p, j + 2)->ord <= 4) {
            size_t q = j + 3;
            int ord = W(p, j + 2)->ord, qu;
            if (pc(p, q, '-') && tight(p, q))
                q++;
            qu = has(p, q, TXC_UNIT) ? W(p, q)->unit : 0;
            if ((qu == TXU_Q || (qu == TXU_HY && ord <= 2)) && !(W(p, q)->unit_fl & TXF_PLURAL)) {
                m->b = q + 1;
                m->sem.kind = SL_TXK_POINT;
                m->sem.anchor = SL_TXA_DCT;
                m->sem.p.prec = SL_PREC_QUARTER;
                m->sem.p.y = SL_YEAR_UNKNOWN;
                m->sem.p.q = qu == TXU_Q ? ord : 0;
                m->sem.p.half = qu == TXU_HY ? ord : 0;
                m->sem.ymove = 1;
                m->sem.dir = dir < 0 ? SL_TXD_BEFORE : dir > 0 ? SL_TXD_AFTER : SL_TXD_THIS;
                return 1;
            }
        }
        m->sem.kind = SL_TXK_SHIFT;
        m->sem.anchor = anaph ? SL_TXA_PREVIOUS : SL_TXA_DCT;
        m->sem.unit = u == TXU_WE ? SL_PREC_WEEK : unit_prec(u);
        m->sem.n = dir;
        m->sem.prec = m->sem.unit;
        m->sem.we = u == TXU_WE;
        return 1;
    }
    if ((x->cats & TXC_MONTH) && !anaph) {
        int mo, fl, d;
        size_t e = month_at(p, j, &mo, &fl), e2;
        if (!e)
            return 0;
        m_init(m, i, e, SL_TIMEX_DATE);
        if ((e2 = daynum_at(p, e, &d))) { /* "last Oct. 23" */
            if (!set_day(m, 0, mo, d)) {
                m->type = 0;
                m->b = e2;
                return 1;
            }
            m->b = e2;
        } else {
            if (fl & TXF_ABBR)
                return 0;
            m->sem.kind = SL_TXK_POINT;
            m->sem.p.prec = SL_PREC_MONTH;
            m->sem.p.y = SL_YEAR_UNKNOWN;
            m->sem.p.m = mo;
        }
        m->sem.anchor = SL_TXA_DCT;
        m->sem.dir = dir < 0 ? SL_TXD_BEFORE : dir > 0 ? SL_TXD_AFTER : SL_TXD_THIS;
        return 1;
    }
    if ((x->cats & TXC_SEASON) && !anaph) {
        m_init(m, i, j + 1, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_POINT;
        m->sem.anchor = SL_TXA_DCT;
        m->sem.p.prec = SL_PREC_SEASON;
        m->sem.p.y = SL_YEAR_UNKNOWN;
        m->sem.p.season = x->season;
        m->sem.dir = dir < 0 ? SL_TXD_BEFORE : dir > 0 ? SL_TXD_AFTER : SL_TXD_THIS;
        return 1;
    }
    return 0;
}

/* Writes a TimeML duration for v units of u ("P3Y", "PT5H", "PXY", "P1.5M"). */
static void duration_value(double v, int vague, int u, char *out, size_t n)
{
    const char *letter = "Y";
    int time = 0;
    double mul = 1;
    switch (u) {
    case TXU_Y: letter = "Y"; break;
    case TXU_Q: letter = "Q"; break; /* TimeBank writes quarters as Q: "P2Q" */
    case TXU_M: letter = "M"; break;
    case TXU_W: letter = "W"; break;
    case TXU_D: letter = "D"; break;
    case TXU_H: letter = "H", time = 1; break;
    case TXU_MIN: letter = "M", time = 1; break;
    case TXU_S: letter = "S", time = 1; break;
    case TXU_DE: letter = vague ? "DE" : "Y", mul = 10; break;
    case TXU_CE: letter = vague ? "CE" : "Y", mul = 100; break;
    case TXU_ML: letter = vague ? "ML" : "Y", mul = 1000; break;
    case TXU_WE: letter = "WE"; break;
    case TXU_FN: letter = "W", mul = 2; break;
    case TXU_HY: letter = "M", mul = 6; break;
    }
    if (vague) {
        snprintf(out, n, "P%sX%s", time ? "T" : "", letter);
        return;
    }
    v *= mul;
    if (v != (double)(long)v) {
        /* a half: in the next smaller unit when that is exact */
        if (u == TXU_Y && v - (double)(long)v == 0.5)
            snprintf(out, n, v < 1 ? "P6M" : "P%ldY6M", (long)v);
        else if (u == TXU_Y)
            snprintf(out, n, "P%ldM", (long)(v * 12 + 0.5));
        else if (u == TXU_D)
            snprintf(out, n, "PT%ldH", (long)(v * 24 + 0.5));
        else if (u == TXU_H && v - (double)(long)v == 0.5)
            snprintf(out, n, v < 1 ? "PT30M" : "PT%ldH30M", (long)v);
        else if (u == TXU_MIN && v - (double)(long)v == 0.5)
            snprintf(out, n, "PT%ldM30S", (long)v);
        else if (u == TXU_W)
            snprintf(out, n, "P%ldD", (long)(v * 7 + 0.5));
        else
            snprintf(out, n, "P%s%.1f%s", time ? "T" : "", v, letter);
        return;
    }
    snprintf(out, n, "P%s%ld%s", time ? "T" : "", (long)v, letter);
}

/* Amounts of time: "three years", "35 years", "68-year", "the past two
 * months", "the first nine months", "half an hour", "a year and a half";
 * and shifts: "two days ago", "a year earlier", "three weeks later",
 * "sixty-five years ago this week", "two years from now". */
static int p_quantity(const tx_parser *p, size_t i, tx_m *m)
{
    size_t j = i, e;
    int the = 0, rel = 0, vague = 0, article = 0, hyph = 0, u, ord_first = 0, half = 0;
    double v = 0;
    const tx_word *w, *x;
    if (kw(p, j, KW_THE)) {
        the = 1;
        j++;
    }
    w = W(p, j);
    if (w && (w->cats & TXC_REL) && (w->rel_fl & TXF_DURATION)) {
        rel = w->rel;
        j++;
    } else if (the && w && (w->cats & TXC_ORD) && w->ord == 1) { /* "the first nine months" */
        ord_first = 1;
        j++;
    }
    if (kw(p, j, KW_HALF) && has(p, j + 1, TXC_NUM) && W(p, j + 1)->num_kind == TXN_ARTICLE) {
        v = 0.5; /* "half an hour" */
        e = j + 2;
        half = 1;
    } else if (!(e = number_at(p, j, &v, &vague, &article))) {
        /* "for years", "for decades": a bare plural */
        x = W(p, j);
        if (!the && !rel && i > 0 && x && (x->cats & TXC_UNIT) && (x->unit_fl & TXF_PLURAL) &&
            x->unit != TXU_WE && x->unit != TXU_HY && x->unit != TXU_Q &&
            (kw(p, i - 1, KW_FOR) || kw(p, i - 1, KW_WITHIN) ||
             (kw(p, i - 1, KW_IN) && ((p->t[j + 1].kind == TK_PUNCT && p->t[j + 1].ch != '-') ||
                                      p->t[j + 1].kind == 0)))) {
            m_init(m, i, j + 1, SL_TIMEX_DURATION);
            m->sem.kind = SL_TXK_LITERAL;
            duration_value(0, 1, x->unit, m->sem.lit, sizeof(m->sem.lit));
            return 1;
        }
        return 0;
    }
    if ((rel || ord_first) && article)
        return 0; /* "the last a" is no amount */
    if (the && !rel && !ord_first && (article || vague))
        return 0;
    j = e;
    if (pc(p, j, '-') && tight(p, j) && tight(p, j + 1) && !article && !vague) {
        hyph = 1; /* "68-year", "two-day" */
        j++;
    } else if (kw(p, j, KW_MORE) || kw(p, j, KW_ADDITIONAL) || kw(p, j, KW_EXTRA) || kw(p, j, KW_FURTHER)) {
        j++; /* "two more weeks", "an additional year" */
    }
    x = W(p, j);
    if (!x || !(x->cats & TXC_UNIT) || x->unit == TXU_HY)
        return 0;
    if (article && ((x->unit_fl & TXF_PLURAL) || x->unit == TXU_S))
        return 0; /* "a second time" is no duration */
    if (!article && !vague && !half && v != 1 && !(x->unit_fl & TXF_PLURAL) && !hyph) {
        /* "two year" only before a noun ("a five year plan"); "second" stays an ordinal */
        const tx_tok *nx = &p->t[j + 1];
        if (x->unit == TXU_S || x->unit == TXU_MIN || nx->kind != TK_WORD || nx->cap || W(p, j + 1) ||
            (j + 1 < p->n && (nx->end - nx->start) < 3))
            return 0;
    }
    if (vague && !(x->unit_fl & TXF_PLURAL))
        return 0;
    u = x->unit;
    j++;
    if (pc(p, j, '-') && tight(p, j) && (kw(p, j + 1, KW_EARLIER) || kw(p, j + 1, KW_AGO)))
        return 0; /* "a year-earlier loss": p_relative's "year-earlier" */
    if (kw(p, j, KW_OLD))
        return 0; /* "52 years old": an age */
    if (u == TXU_Q && (article || hyph || (kw(p, j, KW_OF) && !vague && v < 4)))
        return 0; /* "about three-quarters", "a quarter of", "three quarters of": fractions */
    if (p->t[j - 1].cap == 1 && is_num(p, e - 1) && j - 1 > i)
        return 0; /* "60 Minutes": a name */
    if (article && !rel && !the && i > 0 &&
        !(kw(p, j, KW_AGO) || kw(p, j, KW_EARLIER) || kw(p, j, KW_LATER) || kw(p, j, KW_BEFORE) ||
          kw(p, j, KW_AFTER)) &&
        (is_num(p, i - 1) || pc(p, i - 1, '%') || kw(p, i - 1, KW_MILLION) || kw(p, i - 1, KW_BILLION) ||
         kw(p, i - 1, KW_HUNDRED) || kw(p, i - 1, KW_THOUSAND) || has(p, i - 1, TXC_NUM) ||
         (p->t[i - 1].kind == TK_WORD && !W(p, i - 1) && i > 1 && is_num(p, i - 2))))
        return 0; /* "$1.76 a year", "four flights a week": a rate */
    /* "a year and a half" */
    if (kw(p, j, KW_AND) && has(p, j + 1, TXC_NUM) && W(p, j + 1)->num_kind == TXN_ARTICLE && kw(p, j + 2, KW_HALF)) {
        v += 0.5;
        j += 3;
    }
    /* "a 68-year-old man" is an age, not a time of the story (TimeBank does
     * not mark ages); "a two-day-long visit" is a duration */
    if (pc(p, j, '-') && tight(p, j) && tight(p, j + 1)) {
        if (kw(p, j + 1, KW_OLD))
            return 0;
        if (hyph && kw(p, j + 1, KW_LONG))
            j += 2;
    }
    m_init(m, i, j, SL_TIMEX_DURATION);
    /* shifts */
    if (!rel && !ord_first && !the && !hyph) {
        int ago = kw(p, j, KW_AGO), later = kw(p, j, KW_LATER), earlier = kw(p, j, KW_EARLIER);
        int from_now = kw(p, j, KW_FROM) && kw(p, j + 1, KW_NOW), hence = kw(p, j, KW_HENCE);
        if (ago || later || earlier || from_now || hence) {
            m->b = from_now ? j + 2 : j + 1;
            m->type = SL_TIMEX_DATE;
            if (vague) {
                m->sem.kind = SL_TXK_LITERAL;
                strcpy(m->sem.lit, ago || earlier ? "PAST_REF" : "FUTURE_REF");
                return 1;
            }
            if (v != (double)(long)v || u == TXU_S || u == TXU_MIN || u == TXU_HY || u == TXU_ML || v > 10000 ||
                (u == TXU_H && !ago && !from_now && !hence)) {
                /* "1.5 years ago", "an hour later": the amount is what can be said */
                m->type = SL_TIMEX_DURATION;
                m->b = j;
                duration_value(v, 0, u, m->sem.lit, sizeof(m->sem.lit));
                m->sem.kind = SL_TXK_LITERAL;
                return 1;
            }
            m->sem.kind = SL_TXK_SHIFT;
            m->sem.anchor = earlier || later ? SL_TXA_PREVIOUS : SL_TXA_DCT;
            m->sem.n = (long)v * (ago || earlier ? -1 : 1);
            switch (u) {
            case TXU_DE: m->sem.unit = SL_PREC_YEAR, m->sem.n *= 10; break;
            case TXU_CE: m->sem.unit = SL_PREC_YEAR, m->sem.n *= 100; break;
            case TXU_FN: m->sem.unit = SL_PREC_WEEK, m->sem.n *= 2; break;
            case TXU_WE: m->sem.unit = SL_PREC_WEEK, m->sem.we = 1; break;
            default: m->sem.unit = unit_prec(u); break;
            }
            m->sem.prec = m->sem.unit;
            m->sem.year_ago = u == TXU_Y && v == 1 && article;
            if (u == TXU_H)
                m->type = SL_TIMEX_TIME;
            /* "sixty-five years ago this week", "a year ago today" */
            if (ago) {
                size_t k = m->b;
                const tx_word *y = W(p, k + 1);
                if (kw(p, k, KW_TODAY)) {
                    m->sem.prec = SL_PREC_DAY;
                    m->b = k + 1;
                } else if (kw(p, k, KW_THIS) && y && (y->cats & TXC_UNIT) && !(y->unit_fl & TXF_PLURAL) &&
                           unit_prec(y->unit) > m->sem.prec && y->unit != TXU_HY) {
                    m->sem.prec = unit_prec(y->unit);
                    m->sem.we = y->unit == TXU_WE;
                    m->b = k + 2;
                }
            }
            return 1;
        }
    }
    m->sem.kind = SL_TXK_LITERAL;
    duration_value(v, vague, u, m->sem.lit, sizeof(m->sem.lit));
    return 1;
}

/* Years and what is made of them: decades ("the 1950s", "the sixties"),
 * centuries ("the 20th century"), seasons ("spring 2018", "the summer of
 * 1953", "this summer" is p_relative's), quarters and halves ("the third
 * quarter", "third-quarter", "Q3 2018", "the first half of 1990"), "fiscal
 * 1989", "the year 2000". */
static int p_yearish(const tx_parser *p, size_t i, tx_m *m)
{
    size_t j = i, e;
    int the = 0, y, fiscal = 0;
    const tx_word *w;
    if (kw(p, j, KW_THE)) {
        the = 1;
        j++;
    }
    if (kw(p, j, KW_FISCAL)) {
        fiscal = 1;
        j++;
        if (kw(p, j, KW_YEAR) && (y = year_at(p, j + 1))) { /* "fiscal year 1989" */
            m_init(m, i, j + 2, SL_TIMEX_DATE);
            set_year(m, y);
            return 1;
        }
        if ((y = year_at(p, j))) {
            m_init(m, i, j + 1, SL_TIMEX_DATE);
            set_year(m, y);
            return 1;
        }
    }
    if (the && kw(p, j, KW_YEAR) && (y = year_at(p, j + 1))) {
        m_init(m, i, j + 2, SL_TIMEX_DATE);
        set_year(m, y);
        return 1;
    }
    /* "the 1950s", "the 1990's" */
    if (the && is_num(p, j) && p->t[j].nd == 4 && p->t[j].val % 10 == 0 && p->t[j].val >= 1000 &&
        p->t[j].val <= 2990 && (p->t[j].suf == TKS_S || (!p->t[j].suf && kw(p, j + 1, KW_POSS)))) {
        m_init(m, i, p->t[j].suf ? j + 1 : j + 2, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_POINT;
        m->sem.p.prec = SL_PREC_DECADE;
        m->sem.p.y = (int)p->t[j].val;
        return 1;
    }
    /* "the 1988 third quarter", "the 1988 period" */
    if (the && (y = year_at(p, j)) && (has(p, j + 1, TXC_ORD) || kw(p, j + 1, KW_PERIOD) || kw(p, j + 1, KW_QUARTER))) {
        size_t k = j + 1;
        int q = 0;
        if (has(p, k, TXC_ORD) && W(p, k)->ord <= 4) {
            q = W(p, k)->ord;
            k++;
            if (pc(p, k, '-') && tight(p, k))
                k++;
            if (!kw(p, k, KW_QUARTER))
                return 0;
        } else if (kw(p, k, KW_PERIOD) || kw(p, k, KW_QUARTER)) {
            /* "the 1988 period": the quarter the report is about, in 1988 */
            m_init(m, i, k + 1, SL_TIMEX_DATE);
            set_year(m, y);
            m->sem.topic = 1;
            return 1;
        } else {
            return 0;
        }
        m_init(m, i, k + 1, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_POINT;
        m->sem.p.prec = SL_PREC_QUARTER;
        m->sem.p.y = y;
        m->sem.p.q = q;
        return 1;
    }
    w = W(p, j);
    if (!w && !(is_num(p, j) && p->t[j].suf == TKS_ORD))
        return 0;
    /* decades by name: "the sixties" */
    if (w && (w->cats & TXC_DECADE) && the && !fiscal) {
        int c = 1900;
        if (p->dct && p->dct->prec >= SL_PREC_YEAR && p->dct->y > 0) {
            c = p->dct->y - p->dct->y % 100;
            if (c + w->decade > p->dct->y)
                c -= 100;
        }
        m_init(m, i, j + 1, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_POINT;
        m->sem.p.prec = SL_PREC_DECADE;
        m->sem.p.y = c + w->decade;
        return 1;
    }
    /* centuries: "the 20th century", "the twenty-first century" */
    {
        int ord = 0;
        size_t k = j;
        if (p->t[k].kind == TK_NUM && p->t[k].suf == TKS_ORD && p->t[k].nd <= 2) {
            ord = (int)p->t[k].val;
            k++;
        } else if (w && (w->cats & TXC_ORD)) {
            ord = w->ord;
            k++;
        } else if (w && (w->cats & TXC_NUM) && w->num_kind == TXN_TENS && pc(p, k + 1, '-') && has(p, k + 2, TXC_ORD)) {
            ord = w->num + W(p, k + 2)->ord;
            k += 3;
        }
        if (ord >= 1 && ord <= 30 && has(p, k, TXC_UNIT) && W(p, k)->unit == TXU_CE && !(W(p, k)->unit_fl & TXF_PLURAL)) {
            m_init(m, i, k + 1, SL_TIMEX_DATE);
            m->sem.kind = SL_TXK_POINT;
            m->sem.p.prec = SL_PREC_CENTURY;
            m->sem.p.y = (ord - 1) * 100;
            if (m->sem.p.y == 0)
                m->type = 0; /* TimeML has no value for the first century */
            return 1;
        }
        /* quarters and halves: "the third quarter", "third-quarter", "the first half of 1990" */
        if (ord >= 1 && ord <= 4 && k == j + 1) {
            size_t q = k;
            int unit;
            if (pc(p, q, '-') && tight(p, q) && tight(p, q + 1))
                q++;
            if (kw(p, q, KW_FISCAL))
                q++;
            unit = has(p, q, TXC_UNIT) ? W(p, q)->unit : 0;
            if ((unit == TXU_Q || (unit == TXU_HY && ord <= 2)) && !(W(p, q)->unit_fl & TXF_PLURAL) &&
                (the || fiscal || q > k ||
                 (unit == TXU_Q && !(i > 0 && (kw(p, i - 1, KW_A) || kw(p, i - 1, KW_AN) || kw(p, i - 1, KW_EVERY) ||
                                              kw(p, i - 1, KW_EACH) || has(p, i - 1, TXC_NUM)))))) {
                e = q + 1;
                m_init(m, i, e, SL_TIMEX_DATE);
                m->sem.kind = SL_TXK_POINT;
                m->sem.p.prec = SL_PREC_QUARTER;
                m->sem.p.y = SL_YEAR_UNKNOWN;
                if (unit == TXU_Q)
                    m->sem.p.q = ord;
                else
                    m->sem.p.half = ord;
                if (kw(p, e, KW_OF) && (y = year_at(p, e + 1))) {
                    m->sem.p.y = y;
                    m->b = e + 2;
                } else if (kw(p, e, KW_OF) && kw(p, e + 1, KW_FISCAL) && (y = year_at(p, e + 2))) {
                    m->sem.p.y = y;
                    m->b = e + 3;
                } else if (kw(p, e, KW_OF) && kw(p, e + 1, KW_THIS) && kw(p, e + 2, KW_YEAR)) {
                    m->sem.dir = SL_TXD_THIS;
                    m->sem.anchor = SL_TXA_DCT;
                    m->b = e + 3;
                } else if (kw(p, e, KW_OF) && has(p, e + 1, TXC_REL) && kw(p, e + 2, KW_YEAR) &&
                           !(W(p, e + 1)->rel_fl & TXF_ANAPHORIC)) {
                    /* "the first quarter of next year": do it as a year shift then the quarter */
                    m->sem.dir = W(p, e + 1)->rel < 0 ? SL_TXD_BEFORE : W(p, e + 1)->rel > 0 ? SL_TXD_AFTER : SL_TXD_THIS;
                    m->sem.anchor = SL_TXA_DCT;
                    m->sem.ymove = 1;
                    m->b = e + 3;
                } else {
                    m->sem.dir = SL_TXD_TENSE;
                    m->sem.anchor = SL_TXA_DCT;
                }
                return 1;
            }
        }
    }
    if (!w)
        return 0;
    /* "Q3", "Q3 2018" */
    if ((w->cats & TXC_QNAME) && p->t[j].cap) {
        m_init(m, i, j + 1, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_POINT;
        m->sem.p.prec = SL_PREC_QUARTER;
        m->sem.p.q = w->quarter;
        m->sem.p.y = SL_YEAR_UNKNOWN;
        m->sem.dir = SL_TXD_TENSE;
        m->sem.anchor = SL_TXA_DCT;
        if ((y = year_at(p, j + 1))) {
            m->sem.p.y = y;
            m->sem.anchor = SL_TXA_NONE;
            m->b = j + 2;
        }
        return 1;
    }
    /* seasons: "spring 2018", "the summer of 1953", "the spring" */
    if ((w->cats & TXC_SEASON) && !fiscal) {
        size_t k = j + 1;
        if (kw(p, k, KW_OF))
            k++;
        m_init(m, i, j + 1, SL_TIMEX_DATE);
        m->sem.kind = SL_TXK_POINT;
        m->sem.p.prec = SL_PREC_SEASON;
        m->sem.p.season = w->season;
        m->sem.p.y = SL_YEAR_UNKNOWN;
        m->sem.dir = SL_TXD_TENSE;
        m->sem.anchor = SL_TXA_DCT;
        if ((e = any_year_at(p, k, &y))) {
            m->sem.p.y = y;
            m->sem.anchor = SL_TXA_NONE;
            m->b = e;
            return 1;
        }
        /* a season alone: only as "the summer", "in summer", and never "the fall of ..." */
        if (w->season_fl & TXF_AMBIG)
            return 0;
        if (!the && !(i > 0 && (kw(p, i - 1, KW_IN) || kw(p, i - 1, KW_DURING) || kw(p, i - 1, KW_SINCE) ||
                                kw(p, i - 1, KW_UNTIL) || kw(p, i - 1, KW_BY))))
            return 0;
        if (kw(p, j + 1, KW_OF))
            return 0;
        return 1;
    }
    return 0;
}

/* Holidays: "Christmas", "Christmas 2018", "last Thanksgiving", "Easter week". */
static int p_holiday(const tx_parser *p, size_t i, tx_m *m)
{
    size_t j = i, e;
    int dir = SL_TXD_TENSE, y;
    const tx_phrase *ph;
    const tx_word *w = W(p, j);
    if (w && (w->cats & TXC_REL) && !(w->rel_fl & TXF_ANAPHORIC)) {
        dir = w->rel < 0 ? SL_TXD_BEFORE : w->rel > 0 ? SL_TXD_AFTER : SL_TXD_THIS;
        j++;
    }
    if (!(e = phrase_at(p, j, TXP_HOLIDAY, &ph)) || !p->t[j].cap)
        return 0;
    m_init(m, i, e, SL_TIMEX_DATE);
    m->sem.kind = SL_TXK_HOLIDAY;
    m->sem.anchor = SL_TXA_DCT;
    m->sem.hol[0] = ph->a, m->sem.hol[1] = ph->b, m->sem.hol[2] = ph->c, m->sem.hol[3] = ph->d;
    m->sem.p.y = SL_YEAR_UNKNOWN;
    m->sem.p.prec = ph->a == TXH_EASTER_WEEK ? SL_PREC_WEEK : SL_PREC_DAY;
    m->sem.dir = dir;
    if (pc(p, e, ',') && (y = year_at(p, e + 1))) {
        m->sem.p.y = y;
        m->b = e + 2;
    } else if ((y = year_at(p, e))) {
        m->sem.p.y = y;
        m->b = e + 1;
    }
    if (m->sem.p.y != SL_YEAR_UNKNOWN)
        m->sem.anchor = SL_TXA_NONE;
    return 1;
}

/* Sets: "every day", "each year", "every two weeks", "every Monday", "each
 * July", "twice a year", "three times a week", "once a month". */
static int p_set(const tx_parser *p, size_t i, tx_m *m)
{
    size_t j = i, e;
    const tx_word *w;
    if (kw(p, j, KW_EVERY) || kw(p, j, KW_EACH)) {
        double v = 1;
        int vague, article;
        j++;
        if ((e = number_at(p, j, &v, &vague, &article)) && !vague && !article)
            j = e;
        else
            v = 1;
        w = W(p, j);
        if (!w)
            return 0;
        m_init(m, i, j + 1, SL_TIMEX_SET);
        m->sem.kind = SL_TXK_LITERAL;
        if ((w->cats & TXC_UNIT) && w->unit != TXU_HY && ((w->unit_fl & TXF_PLURAL) != 0) == (v != 1)) {
            duration_value(v, 0, w->unit, m->sem.lit, sizeof(m->sem.lit));
            return 1;
        }
        if (v != 1)
            return 0;
        if ((w->cats & TXC_WDAY) && !(w->wday_fl & (TXF_ABBR | TXF_PLURAL))) {
            snprintf(m->sem.lit, sizeof(m->sem.lit), "XXXX-WXX-%d", w->wday);
            return 1;
        }
        if ((w->cats & TXC_MONTH) && !(w->month_fl & TXF_ABBR)) {
            snprintf(m->sem.lit, sizeof(m->sem.lit), "XXXX-%02d", w->month);
            return 1;
        }
        if ((w->cats & TXC_SEASON)) {
            static const char *const codes[] = {"", "SP", "SU", "FA", "WI"};
            snprintf(m->sem.lit, sizeof(m->sem.lit), "XXXX-%s", codes[w->season]);
            return 1;
        }
        if ((w->cats & TXC_POD) && w->pod) {
            static const char *const codes[] = {"", "MO", "AF", "EV", "NI"};
            snprintf(m->sem.lit, sizeof(m->sem.lit), "XXXX-XX-XXT%s", codes[w->pod]);
            return 1;
        }
        return 0;
    }
    /* "twice a year", "three times a week", "once a month" */
    {
        double v;
        int vague, article;
        if (kw(p, j, KW_ONCE) || kw(p, j, KW_TWICE)) {
            j++;
        } else if ((e = number_at(p, j, &v, &vague, &article)) && !article && kw(p, e, KW_TIMES)) {
            j = e + 1;
        } else {
            return 0;
        }
        if (!(kw(p, j, KW_A) || kw(p, j, KW_AN) || kw(p, j, KW_PER) || kw(p, j, KW_EACH) || kw(p, j, KW_EVERY)))
            return 0;
        w = W(p, j + 1);
        if (!w || !(w->cats & TXC_UNIT) || (w->unit_fl & TXF_PLURAL) || w->unit == TXU_HY)
            return 0;
        m_init(m, i, j + 2, SL_TIMEX_SET);
        m->sem.kind = SL_TXK_LITERAL;
        duration_value(1, 0, w->unit, m->sem.lit, sizeof(m->sem.lit));
        return 1;
    }
}

/* Years in words: "nineteen ninety-six", "the year two thousand". */
static int p_yearwords(const tx_parser *p, size_t i, tx_m *m)
{
    size_t j = i, e;
    int y;
    if (kw(p, j, KW_THE) && kw(p, j + 1, KW_YEAR))
        j += 2;
    if (!(e = yearwords_at(p, j, &y)))
        return 0;
    m_init(m, i, e, SL_TIMEX_DATE);
    set_year(m, y);
    return 1;
}

typedef int (*pattern_fn)(const tx_parser *p, size_t i, tx_m *out);


/* Runs patterns at i and keeps the longest match (the first on ties);
 * returns the number of matches written to out (0-2). */
static int longest(const tx_parser *p, size_t i, const pattern_fn *fns, size_t nfns, tx_m *out)
{
    size_t k;
    int best = 0;
    for (k = 0; k < nfns; k++) {
        tx_m tmp[MAXM];
        int c = fns[k](p, i, tmp);
        size_t end = c ? tmp[c - 1].b : 0;
        if (c && (best == 0 || end > out[best - 1].b)) {
            memcpy(out, tmp, sizeof(tx_m) * (size_t)c);
            best = c;
        }
    }
    return best;
}

/* "early 2019", "late last year", "the end of July", "mid-1990s", "earlier
 * this year", "late Friday". */
static int p_datemod(const tx_parser *p, size_t i, tx_m *out)
{
    static const pattern_fn inner[] = {p_cluster, p_monthdate, p_yearish, p_relative, p_weekday,
                                       p_deictic, p_holiday, p_decade_apos};
    const tx_phrase *ph;
    size_t j = phrase_at(p, i, TXP_MOD_DATE, &ph);
    int c;
    if (!j && kw(p, i, KW_THE) && !kw(p, i + 1, KW_THE))
        j = phrase_at(p, i + 1, TXP_MOD_DATE, &ph); /* "the early 1980s", "the mid-1990s" */
    if (!j)
        return 0;
    if (pc(p, j, '-') && tight(p, j) && tight(p, j + 1))
        j++; /* "mid-July" */
    c = longest(p, j, inner, sizeof(inner) / sizeof(inner[0]), out);
    if (c == 0 && kw(p, j, KW_THE) && has(p, j + 1, TXC_UNIT) && !(W(p, j + 1)->unit_fl & TXF_PLURAL) &&
        !kw(p, j + 2, KW_OF) && ph->a != TXM_NONE) {
        /* "the end of the year", "the beginning of the month": the current one */
        int u = W(p, j + 1)->unit;
        if (u == TXU_Y || u == TXU_M || u == TXU_W || u == TXU_Q || u == TXU_DE || u == TXU_CE) {
            m_init(&out[0], j, j + 2, SL_TIMEX_DATE);
            out[0].sem.kind = SL_TXK_SHIFT;
            out[0].sem.anchor = SL_TXA_DCT;
            out[0].sem.unit = unit_prec(u);
            out[0].sem.prec = unit_prec(u);
            c = 1;
        }
    }
    if (c == 0 || out[0].type == 0 || out[0].a != j)
        return 0;
    if (out[0].type == SL_TIMEX_DURATION || out[0].type == SL_TIMEX_SET)
        return 0;
    if (out[0].sem.kind == SL_TXK_LITERAL)
        return 0;
    /* "earlier"/"later" only with "this ..." and "today": "earlier this year" */
    if ((kw(p, i, KW_EARLIER) || kw(p, i, KW_LATER)) &&
        !(kw(p, j, KW_THIS) || kw(p, j, KW_TODAY) || (out[0].sem.kind == SL_TXK_SHIFT && out[0].sem.n == 0 &&
                                                        out[0].sem.anchor == SL_TXA_DCT)))
        return 0;
    out[0].a = i;
    out[0].mod = ph->a;
    if (c == 2)
        out[1].mod = ph->a;
    return c;
}

/* "about three years", "more than four decades ago", "around 7:15 p.m.",
 * "nearly two weeks", "some 35 years". */
static int p_quantmod(const tx_parser *p, size_t i, tx_m *out)
{
    static const pattern_fn inner[] = {p_quantity, p_time, p_cluster};
    const tx_phrase *ph;
    size_t j = phrase_at(p, i, TXP_MOD_QUANT, &ph);
    const tx_word *w;
    int c;
    if (!j)
        return 0;
    w = W(p, j);
    if (!(is_num(p, j) || (w && (w->cats & TXC_NUM) && w->num_kind != TXN_VAGUE) || kw(p, j, KW_HALF) ||
          (w && (w->cats & TXC_POD) && w->hhmm >= 0)))
        return 0;
    c = longest(p, j, inner, sizeof(inner) / sizeof(inner[0]), out);
    if (c != 1 || out[0].type == 0 || out[0].a != j)
        return 0;
    if (out[0].type == SL_TIMEX_DATE && out[0].sem.kind == SL_TXK_POINT && ph->a != TXM_APPROX)
        return 0; /* "over 2000" is a count, "about 1950" a year */
    out[0].a = i;
    out[0].mod = ph->a;
    return 1;
}

/* Every pattern family; at each token the longest match wins, the first on ties. */
static const pattern_fn patterns[] = {p_cluster, p_monthdate, p_weekday,  p_time,     p_relative,
                                      p_quantity, p_yearish,  p_deictic,  p_holiday,  p_set,
                                      p_datemod, p_quantmod,  p_decade_apos, p_yearwords};

/* ------------------------------------------------------------------ tense */

/* Sentence numbers of tokens: a sentence ends at . ! ? followed by a space
 * and a capital, at ; and at blank lines. */
static void sentences(const tx_parser *p, size_t *sent)
{
    size_t i, s = 0;
    for (i = 0; i < p->n; i++) {
        const tx_tok *t = &p->t[i];
        if (i > 0 && t->gap == 3)
            s++;
        sent[i] = s;
        if (t->kind == TK_PUNCT && (t->ch == '!' || t->ch == '?' || t->ch == ';'))
            s++;
        else if (t->kind == TK_PUNCT && t->ch == '.' && i + 1 < p->n && p->t[i + 1].gap &&
                 ((p->t[i + 1].kind == TK_WORD && p->t[i + 1].cap) || p->t[i + 1].kind == TK_PUNCT))
            s++;
    }
}

/* The tense cue of token k: -1 past, +1 future, 0 none. */
static int tense_of(const tx_parser *p, size_t k, int sentence_start)
{
    const tx_tok *t = &p->t[k];
    const tx_word *w;
    const char *s;
    size_t n;
    if (t->kind != TK_WORD)
        return 0;
    w = W(p, k);
    if (w && (w->cats & TXC_TENSE)) {
        if (w->tense_to && !kw(p, k + 1, KW_TO))
            return 0;
        /* "was to", "had been due to", "were expected to": the future of a past */
        if (w->tense > 0 && k > 0 &&
            (kw(p, k - 1, KW_WAS) || kw(p, k - 1, KW_WERE) || kw(p, k - 1, KW_HAD) ||
             (k > 1 && (kw(p, k - 2, KW_WAS) || kw(p, k - 2, KW_WERE) || kw(p, k - 2, KW_HAD)))))
            return -1;
        return w->tense;
    }
    if (w && (w->cats & (TXC_MONTH | TXC_WDAY | TXC_UNIT | TXC_NUM | TXC_ORD)))
        return 0;
    if (t->cap && !sentence_start)
        return 0; /* names: "Ahmed", "Fred" */
    s = p->s + t->start;
    n = t->end - t->start;
    if (n >= 4 && (s[n - 2] | 32) == 'e' && (s[n - 1] | 32) == 'd') {
        /* a passive participle ("will be held") leaves the tense to its auxiliary */
        if (k > 0 && (kw(p, k - 1, KW_BE) || kw(p, k - 1, KW_BEEN) || kw(p, k - 1, KW_BEING) ||
                      kw(p, k - 1, KW_IS) || kw(p, k - 1, KW_ARE)))
            return 0;
        return -1;
    }
    return 0;
}

/* How far (tokens) a tense cue may stand from the expression it decides. */
#define CUE_WINDOW 15

static int tense_at(const tx_parser *p, const size_t *sent, size_t a, size_t b, int right_only)
{
    size_t k, dl = (size_t)-1, dr = (size_t)-1;
    int tl = 0, tr = 0;
    for (k = a; !right_only && k > 0 && a - k < (size_t)CUE_WINDOW;) {
        k--;
        if (sent[k] != sent[a])
            break;
        if ((tl = tense_of(p, k, k == 0 || sent[k - 1] != sent[k])) != 0) {
            dl = a - k;
            break;
        }
    }
    for (k = b; k < p->n && k - b < (size_t)CUE_WINDOW; k++) {
        if (b > 0 && sent[k] != sent[b - 1])
            break;
        if ((tr = tense_of(p, k, 0)) != 0) {
            const tx_word *w = W(p, k);
            dr = k - b + 1;
            if (w && w->tense_report)
                dr += 12; /* "..., Castro said": when it was said, not when it happens */
            break;
        }
    }
    if (tl && (!tr || dl <= dr))
        return tl;
    return tr;
}

/* ------------------------------------------------------------------ resolution */

/* The day number that stands for a reference point, and whether the
 * reference is precise to the day. */
static int ref_day(const sl_tpoint *ref, long *day, int *exact)
{
    long f, l;
    if (!ref || sl_tpoint_days(ref, &f, &l) < 0)
        return -1;
    *day = f + (l - f) / 2;
    *exact = ref->prec >= SL_PREC_DAY;
    return 0;
}

static long holiday_day(const int *hol, int y, int *ok)
{
    *ok = 1;
    switch (hol[0]) {
    case TXH_FIXED: return sl_days_from_ymd(y, hol[1], hol[2]);
    case TXH_NTH: {
        long first = sl_days_from_ymd(y, hol[1], 1);
        int wd = sl_weekday(first);
        return first + ((hol[2] - wd + 7) % 7) + 7L * (hol[3] - 1);
    }
    case TXH_LAST: {
        long last = sl_days_from_ymd(y, hol[1], sl_days_in_month(y, hol[1]));
        int wd = sl_weekday(last);
        return last - ((wd - hol[2] + 7) % 7);
    }
    case TXH_AFTER: {
        long from = sl_days_from_ymd(y, hol[1], hol[2]);
        return from + ((hol[3] - sl_weekday(from) + 7) % 7);
    }
    case TXH_EASTER: return sl_easter(y) + hol[1];
    case TXH_EASTER_WEEK: return sl_easter(y);
    }
    *ok = 0;
    return 0;
}

/* The candidate of year y for a point without a year (or a holiday). */
static int candidate(const sl_tx_sem *sem, int y, sl_tpoint *c)
{
    *c = sem->p;
    c->y = y;
    if (y < SL_YEAR_MIN || y > SL_YEAR_MAX)
        return -1;
    if (sem->kind == SL_TXK_HOLIDAY) {
        int ok;
        long d = holiday_day(sem->hol, y, &ok);
        sl_ymd t;
        if (!ok)
            return -1;
        sl_ymd_from_days(d, &t);
        sl_tpoint_day(c, t.y, t.m, t.d);
        if (sem->hol[0] == TXH_EASTER_WEEK) {
            sl_tpoint_truncate(c, SL_PREC_WEEK);
        }
        return 0;
    }
    if (c->prec >= SL_PREC_DAY && !sl_ymd_valid(y, c->m, c->d))
        return -1; /* February 29 of a common year */
    return 0;
}

/* How far (days) the tense may move a date without a year away from its
 * nearest occurrence, looking back and looking ahead. */
#define PAST_WINDOW 300
#define FUTURE_WINDOW 120
/* News reports the past more than it announces the future: a future
 * occurrence counts as this much farther away, in percent. */
#define FUTURE_PENALTY 150

/* Picks the year of a point without one: "last December", "next summer",
 * "July 27" in a past-tense sentence. */
static int resolve_year(const sl_tx_sem *sem, const sl_tpoint *ref, int tense, sl_tpoint *out)
{
    long rday;
    int exact, k, dir = sem->dir;
    if (ref_day(ref, &rday, &exact) < 0)
        return -1;
    if (sem->ymove) {
        /* "the first quarter of next year": the year moves, the quarter follows */
        sl_tpoint yr = *ref;
        sl_tpoint_truncate(&yr, SL_PREC_YEAR);
        if (dir != SL_TXD_THIS && sl_tpoint_shift(&yr, SL_PREC_YEAR, dir == SL_TXD_BEFORE ? -1 : 1) < 0)
            return -1;
        return candidate(sem, yr.y, out);
    }
    if (dir == SL_TXD_THIS || (!exact && ref->prec <= SL_PREC_YEAR)) {
        sl_tpoint yr = *ref;
        sl_tpoint_truncate(&yr, SL_PREC_YEAR);
        return candidate(sem, yr.y, out);
    }
    {
        /* the candidates of the year before, the same year and the year after */
        sl_tpoint cand[3];
        long f[3], l[3], dist[3];
        int ok[3], closest = -1, pick = -1;
        sl_ymd t;
        sl_ymd_from_days(rday, &t);
        for (k = 0; k < 3; k++) {
            ok[k] = candidate(sem, t.y + k - 1, &cand[k]) == 0 && sl_tpoint_days(&cand[k], &f[k], &l[k]) == 0;
            if (!ok[k])
                continue;
            dist[k] = rday < f[k] ? (f[k] - rday) * FUTURE_PENALTY / 100 : rday > l[k] ? rday - l[k] : 0;
            if (closest < 0 || dist[k] < dist[closest])
                closest = k;
        }
        for (k = 0; k < 3; k++) {
            int fits;
            if (!ok[k])
                continue;
            switch (dir) {
            case SL_TXD_BEFORE: fits = l[k] < rday && (pick < 0 || f[k] > f[pick]); break;
            case SL_TXD_AFTER: fits = f[k] > rday && (pick < 0 || f[k] < f[pick]); break;
            default:
                /* the tense may overrule the nearest occurrence, but only nearby:
                 * "Dec. 28" said on Jan. 5 in the past tense is last year's */
                fits = tense < 0   ? f[k] <= rday && (pick < 0 || f[k] > f[pick])
                       : tense > 0 ? l[k] >= rday && (pick < 0 || f[k] < f[pick])
                                   : 0;
                break;
            }
            if (fits)
                pick = k;
        }
        if (dir == SL_TXD_TENSE && (pick < 0 || dist[pick] > (tense < 0 ? PAST_WINDOW : FUTURE_WINDOW)))
            pick = closest;
        if (pick < 0)
            return -1;
        *out = cand[pick];
        return 0;
    }
}

static void add_time(const sl_tx_sem *sem, sl_tpoint *out)
{
    if (out->prec < SL_PREC_DAY)
        return;
    if (sem->hh >= 0) {
        out->prec = SL_PREC_TIME;
        out->hh = sem->hh, out->mi = sem->mi, out->pod = 0;
    } else if (sem->pod) {
        out->prec = SL_PREC_TIME;
        out->hh = -1, out->mi = 0, out->pod = sem->pod;
    }
}

int sl_tx_resolve(const sl_tx_sem *sem, const sl_tpoint *ref, int tense, sl_tpoint *out)
{
    memset(out, 0, sizeof(*out));
    out->hh = -1;
    switch (sem->kind) {
    case SL_TXK_POINT:
        if (sem->p.y != SL_YEAR_UNKNOWN) {
            *out = sem->p;
        } else if (!ref || ref->prec < SL_PREC_YEAR || ref->y == SL_YEAR_UNKNOWN ||
                   resolve_year(sem, ref, tense, out) < 0) {
            return -1;
        }
        if (sem->trunc) {
            if (out->y == SL_YEAR_UNKNOWN)
                return -1;
            sl_tpoint_truncate(out, sem->trunc);
            return 0;
        }
        add_time(sem, out);
        return 0;
    case SL_TXK_HOLIDAY: {
        int rc = sem->p.y != SL_YEAR_UNKNOWN ? candidate(sem, sem->p.y, out)
                 : (!ref || ref->prec < SL_PREC_YEAR || ref->y == SL_YEAR_UNKNOWN) ? -1
                                                                                   : resolve_year(sem, ref, tense, out);
        if (rc < 0)
            return -1;
        add_time(sem, out);
        return 0;
    }
    case SL_TXK_SHIFT: {
        sl_tpoint q;
        sl_precision need = sem->prec < sem->unit ? sem->unit : sem->prec;
        long n = sem->n;
        if (!ref || ref->prec == SL_PREC_NONE || ref->y == SL_YEAR_UNKNOWN)
            return -1;
        if (need > SL_PREC_DAY)
            need = SL_PREC_DAY;
        if (ref->prec < need && !(ref->prec == SL_PREC_WEEK && need == SL_PREC_WEEK))
            return -1;
        q = *ref;
        if (sem->we && sem->dir == SL_TXD_TENSE && n == 0 && ref->prec >= SL_PREC_DAY && tense < 0 &&
            sl_weekday(sl_days_from_ymd(ref->y, ref->m, ref->d)) < 6)
            n = -1; /* "the weekend" said on a weekday in the past tense: the one before */
        if (n && sl_tpoint_shift(&q, sem->unit, n) < 0)
            return -1;
        sl_tpoint_truncate(&q, sem->prec);
        if (q.prec < sem->prec)
            return -1;
        if (sem->we && q.prec == SL_PREC_WEEK)
            q.we = 1;
        *out = q;
        add_time(sem, out);
        return 0;
    }
    case SL_TXK_WEEKDAY: {
        long rday, d, best = 0;
        int exact, found = 0;
        sl_ymd t;
        if (ref_day(ref, &rday, &exact) < 0 || !exact)
            return -1;
        for (d = rday - 7; d <= rday + 7; d++) {
            int ok;
            if (sl_weekday(d) != sem->wday)
                continue;
            switch (sem->dir) {
            case SL_TXD_BEFORE: ok = d < rday; break;
            case SL_TXD_AFTER: ok = d > rday; break;
            case SL_TXD_THIS: ok = d >= rday; break;
            default: ok = tense > 0 ? d >= rday : d <= rday + (sem->local ? 1 : 0); break;
            }
            if (!ok)
                continue;
            if (!found || (sem->dir == SL_TXD_BEFORE || (sem->dir == SL_TXD_TENSE && tense <= 0) ? d > best : d < best)) {
                best = d;
                found = 1;
            }
        }
        if (!found)
            return -1;
        sl_ymd_from_days(best, &t);
        sl_tpoint_day(out, t.y, t.m, t.d);
        add_time(sem, out);
        return 0;
    }
    }
    return -1;
}

int sl_tx_invert(const sl_tx_sem *sem, const sl_tpoint *known, sl_tpoint *ref)
{
    sl_tpoint q;
    if (sem->kind != SL_TXK_SHIFT || !known || known->prec < sem->prec || known->y == SL_YEAR_UNKNOWN)
        return -1;
    q = *known;
    if (sem->n && sl_tpoint_shift(&q, sem->unit, -sem->n) < 0)
        return -1;
    sl_tpoint_truncate(&q, sem->prec > SL_PREC_DAY ? SL_PREC_DAY : sem->prec);
    q.we = 0;
    *ref = q;
    return 0;
}

void sl_tx_underspecified(const sl_tx_sem *sem, char *out, size_t n)
{
    sl_tpoint p;
    switch (sem->kind) {
    case SL_TXK_LITERAL: snprintf(out, n, "%s", sem->lit); return;
    case SL_TXK_WEEKDAY:
        if (sem->hh >= 0)
            snprintf(out, n, "XXXX-WXX-%dT%02d:%02d", sem->wday, sem->hh, sem->mi);
        else if (sem->pod >= 1 && sem->pod <= 4)
            snprintf(out, n, "XXXX-WXX-%dT%s", sem->wday, pod_codes[sem->pod]);
        else
            snprintf(out, n, "XXXX-WXX-%d", sem->wday);
        return;
    case SL_TXK_POINT:
    case SL_TXK_HOLIDAY:
        p = sem->p;
        p.y = SL_YEAR_UNKNOWN;
        if (sem->kind == SL_TXK_HOLIDAY) {
            if (sem->hol[0] == TXH_FIXED) {
                p.prec = SL_PREC_DAY, p.m = sem->hol[1], p.d = sem->hol[2];
            } else {
                snprintf(out, n, "XXXX-XX-XX");
                return;
            }
        }
        add_time(sem, &p);
        sl_tpoint_format(&p, out, n);
        return;
    case SL_TXK_SHIFT:
        switch (sem->prec) {
        case SL_PREC_CENTURY: snprintf(out, n, "XX"); return;
        case SL_PREC_DECADE: snprintf(out, n, "XXX"); return;
        case SL_PREC_YEAR: snprintf(out, n, "XXXX"); return;
        case SL_PREC_SEASON: snprintf(out, n, "XXXX-XX"); return;
        case SL_PREC_QUARTER: snprintf(out, n, "XXXX-QX"); return;
        case SL_PREC_MONTH: snprintf(out, n, "XXXX-XX"); return;
        case SL_PREC_WEEK: snprintf(out, n, "XXXX-WXX%s", sem->we ? "-WE" : ""); return;
        default: break;
        }
        if (sem->hh >= 0)
            snprintf(out, n, "XXXX-XX-XXT%02d:%02d", sem->hh, sem->mi);
        else if (sem->pod >= 1 && sem->pod <= 4)
            snprintf(out, n, "XXXX-XX-XXT%s", pod_codes[sem->pod]);
        else
            snprintf(out, n, "XXXX-XX-XX");
        return;
    }
    snprintf(out, n, "XXXX");
}

/* ------------------------------------------------------------------ the tagger */

/* Whether a quarter has ended by the document's date (reports are about
 * quarters that have; "fourth-quarter" forecasts are not the topic). */
static int quarter_is_past(const sl_tpoint *q, const sl_tpoint *dct)
{
    long f, l, df, dl;
    if (!dct || sl_tpoint_days(q, &f, &l) < 0 || sl_tpoint_days(dct, &df, &dl) < 0)
        return 1;
    return l <= dl;
}

/* What the tagger carries from one chunk of a long text to the next. */
typedef struct tx_state {
    sl_tpoint prev;     /* the time mentioned last */
    sl_tpoint topic_q;  /* the quarter a report is about */
    size_t sentences;   /* sentences before the chunk */
    sl_tx *res;         /* the results so far */
    size_t n, cap;
} tx_state;

/* Tags one chunk text[0..len) that starts at byte `base` of the whole text. */
static void tag_chunk(sl_ctx *ctx, const char *text, size_t len, size_t base, const sl_tpoint *dct, tx_state *st)
{
    tx_parser p;
    tx_m *ms = NULL;
    size_t nm = 0, cm = 0, i, k, k0 = st->n, *sent;
    sl_tpoint none;
    memset(&p, 0, sizeof(p));
    memset(&none, 0, sizeof(none));
    p.lx = sl_tx_lexicon(ctx);
    p.s = text;
    p.len = len;
    p.dct = dct && dct->prec != SL_PREC_NONE ? dct : NULL;
    sl_tx_tokenize(p.lx, text, len, &p.t, &p.n);
    p.t = sl_xrealloc(p.t, (p.n + 4) * sizeof(tx_tok));
    memset(p.t + p.n, 0, 4 * sizeof(tx_tok));
    for (k = 0; k < 4; k++) {
        p.t[p.n + k].word = -1;
        p.t[p.n + k].start = p.t[p.n + k].end = len;
        p.t[p.n + k].gap = 3;
    }

    /* 1. match */
    for (i = 0; i < p.n;) {
        tx_m best[MAXM];
        int c;
        /* every pattern starts with a number, a word of the lexicon or an apostrophe ('80s) */
        if ((p.t[i].kind == TK_WORD && p.t[i].word < 0) || p.t[i].kind == TK_OTHER ||
            (p.t[i].kind == TK_PUNCT && p.t[i].ch != '\'')) {
            i++;
            continue;
        }
        c = longest(&p, i, patterns, sizeof(patterns) / sizeof(patterns[0]), best);
        if (!c) {
            i++;
            continue;
        }
        for (k = 0; k < (size_t)c; k++)
            SL_PUSH(ms, nm, cm, best[k]);
        i = best[c - 1].b > i ? best[c - 1].b : i + 1;
    }

    /* 2. resolve, in text order */
    sent = sl_xcalloc(p.n + 1, sizeof(size_t));
    sentences(&p, sent);
    for (i = 0; i < nm; i++) {
        tx_m *m = &ms[i];
        sl_tx *r;
        const sl_tpoint *ref;
        int rc;
        if (m->type == 0 || m->b <= m->a)
            continue;
        if (st->n == st->cap)
            st->res = sl_xgrow(st->res, &st->cap, st->n + 1, sizeof(sl_tx));
        r = &st->res[st->n];
        memset(r, 0, sizeof(*r));
        r->sem = m->sem;
        r->tok_a = m->a;
        r->tok_b = m->b;
        r->pub.start = base + p.t[m->a].start;
        r->pub.end = base + p.t[m->b - 1].end;
        r->pub.type = (sl_timex_type)m->type;
        r->pub.pair = -1;
        r->sentence = st->sentences + sent[m->a];
        snprintf(r->pub.mod, sizeof(r->pub.mod), "%s", sl_tx_mod_name(m->mod));
        if (m->sem.kind == SL_TXK_WEEKDAY && kw(&p, m->b, KW_POSS)) {
            /* "Wednesday's ruling": a thing that happened, unless its verb says
             * otherwise ("Friday's meeting will be held") */
            r->tense = tense_at(&p, sent, m->a, m->b, 1);
            if (r->tense == 0)
                r->tense = -1;
        } else {
            r->tense = tense_at(&p, sent, m->a, m->b, 0);
        }
        ref = m->sem.anchor == SL_TXA_PREVIOUS && st->prev.prec != SL_PREC_NONE ? &st->prev : p.dct;
        if (m->sem.topic && st->topic_q.prec == SL_PREC_QUARTER) {
            r->value = st->topic_q; /* "the quarter": the one the report is about */
            if (m->sem.kind == SL_TXK_POINT)
                r->value.y = m->sem.p.y; /* "the 1988 period" */
            rc = 0;
        } else {
            rc = m->sem.kind == SL_TXK_LITERAL ? -1 : sl_tx_resolve(&m->sem, ref, r->tense, &r->value);
        }
        /* "a year ago", "a year earlier" in a report about a quarter mean that
         * quarter a year before (TimeBank's financial news) */
        if (rc == 0 && m->sem.year_ago && st->topic_q.prec == SL_PREC_QUARTER) {
            sl_tpoint q = st->topic_q;
            if (sl_tpoint_shift(&q, SL_PREC_YEAR, m->sem.n) == 0)
                r->value = q;
        }
        if (m->sem.kind == SL_TXK_LITERAL) {
            snprintf(r->pub.value, sizeof(r->pub.value), "%s", m->sem.lit);
            r->value = none;
        } else if (rc == 0) {
            sl_tpoint_format(&r->value, r->pub.value, sizeof(r->pub.value));
            r->pub.precision = r->value.prec;
        } else {
            sl_tx_underspecified(&m->sem, r->pub.value, sizeof(r->pub.value));
            r->value = none;
            r->pub.flags |= SL_TIMEX_UNRESOLVED;
        }
        if (m->sem.anchor == SL_TXA_DCT || (m->sem.kind == SL_TXK_POINT && m->sem.p.y == SL_YEAR_UNKNOWN))
            r->pub.flags |= SL_TIMEX_RELATIVE;
        if (m->sem.anchor == SL_TXA_PREVIOUS)
            r->pub.flags |= SL_TIMEX_ANAPHORIC | (st->prev.prec == SL_PREC_NONE ? SL_TIMEX_RELATIVE : 0);
        if (m->sem.kind == SL_TXK_SHIFT) {
            r->pub.rel_unit = m->sem.unit;
            r->pub.rel_offset = m->sem.n;
        }
        if (m->range && i + 1 < nm && ms[i + 1].type) {
            r->pub.flags |= SL_TIMEX_RANGE;
            r->pub.pair = (long)st->n + 1;
        }
        if (i > 0 && ms[i - 1].range && ms[i - 1].type && st->n > k0) {
            r->pub.flags |= SL_TIMEX_RANGE;
            r->pub.pair = (long)st->n - 1;
        }
        if (rc == 0 && r->value.prec != SL_PREC_NONE && r->value.y != SL_YEAR_UNKNOWN &&
            (r->pub.type == SL_TIMEX_DATE || r->pub.type == SL_TIMEX_TIME)) {
            st->prev = r->value;
            if (r->value.prec == SL_PREC_QUARTER && r->value.q && !m->sem.topic &&
                !(m->sem.kind == SL_TXK_SHIFT && m->sem.unit == SL_PREC_YEAR) && quarter_is_past(&r->value, p.dct))
                st->topic_q = r->value;
        }
        st->n++;
    }

    /* 3. ranges written with words: "from 1910 to 1945", "between 1950 and 1953" */
    for (i = k0; i + 1 < st->n; i++) {
        sl_tx *a = &st->res[i], *b = &st->res[i + 1];
        size_t ta = a->tok_a, te = a->tok_b, tb = b->tok_a;
        if (a->pub.flags & SL_TIMEX_RANGE || b->pub.flags & SL_TIMEX_RANGE)
            continue;
        if (a->pub.type != SL_TIMEX_DATE || b->pub.type != SL_TIMEX_DATE)
            continue;
        if (tb != te + 1 || ta == 0)
            continue;
        if ((kw(&p, ta - 1, KW_FROM) && (kw(&p, te, KW_TO) || kw(&p, te, KW_THROUGH) || kw(&p, te, KW_THRU) ||
                                         kw(&p, te, KW_UNTIL) || kw(&p, te, KW_TILL) || pc(&p, te, '-'))) ||
            (kw(&p, ta - 1, KW_BETWEEN) && kw(&p, te, KW_AND))) {
            a->pub.flags |= SL_TIMEX_RANGE;
            b->pub.flags |= SL_TIMEX_RANGE;
            a->pub.pair = (long)i + 1;
            b->pub.pair = (long)i;
        }
    }
    st->sentences += p.n ? sent[p.n - 1] + 1 : 0;
    free(sent);
    free(ms);
    free(p.t);
}

/* Long texts are tagged in chunks of about this many bytes, cut at a blank
 * line, a line break or a space, so that memory stays bounded (a token
 * costs 40 bytes); the time last mentioned carries over. */
#define TX_CHUNK ((size_t)1 << 20)

static size_t chunk_end(const char *text, size_t len, size_t pos)
{
    size_t lim, i, line = 0, space = 0;
    if (len - pos <= TX_CHUNK + TX_CHUNK / 4)
        return len;
    lim = pos + TX_CHUNK + TX_CHUNK / 4;
    for (i = pos + TX_CHUNK; i < lim; i++) {
        if (text[i] == '\n' && i + 1 < lim && text[i + 1] == '\n')
            return i + 1;
        if (text[i] == '\n' && !line)
            line = i + 1;
        if (text[i] == ' ' && !space)
            space = i + 1;
    }
    return line ? line : space ? space : pos + TX_CHUNK;
}

void sl_tx_tag(sl_ctx *ctx, const char *text, size_t len, const sl_tpoint *dct, sl_tx **out, size_t *nout)
{
    tx_state st;
    size_t pos = 0;
    memset(&st, 0, sizeof(st));
    while (pos < len) {
        size_t end = chunk_end(text, len, pos);
        tag_chunk(ctx, text + pos, end - pos, pos, dct, &st);
        pos = end;
    }
    if (!st.res)
        st.res = sl_xcalloc(1, sizeof(sl_tx));
    *out = st.res;
    *nout = st.n;
}

int sl_tx_doc_cue(sl_ctx *ctx, const char *text, size_t start, size_t *cue_start)
{
    tx_parser p;
    size_t ws = start, k;
    int kind = 0;
    while (ws > 0 && start - ws < 64 && text[ws - 1] != '\n')
        ws--;
    if (ws > 0 && text[ws - 1] != '\n') /* cut in a line: start at a word */
        while (ws < start && text[ws] != ' ')
            ws++;
    memset(&p, 0, sizeof(p));
    p.lx = sl_tx_lexicon(ctx);
    p.s = text + ws;
    p.len = start - ws;
    sl_tx_tokenize(p.lx, p.s, p.len, &p.t, &p.n);
    p.t = sl_xrealloc(p.t, (p.n + 4) * sizeof(tx_tok));
    memset(p.t + p.n, 0, 4 * sizeof(tx_tok));
    for (k = 0; k < 4; k++)
        p.t[p.n + k].word = -1;
    for (k = 0; k < p.n && !kind; k++) {
        const tx_phrase *ph;
        size_t e = phrase_at(&p, k, TXP_DOCCUE, &ph), rest;
        if (!e)
            continue;
        /* only "on", ":" or "at" may stand between the cue and the date */
        for (rest = e; rest < p.n; rest++)
            if (!(kw(&p, rest, KW_ON) || pc(&p, rest, ':') || kw(&p, rest, KW_AT) || pc(&p, rest, ',')))
                break;
        if (rest == p.n) {
            kind = ph->a;
            if (cue_start)
                *cue_start = ws + p.t[k].start;
        }
    }
    free(p.t);
    return kind;
}

/* ------------------------------------------------------------------ public API */

const char *sl_timex_type_name(sl_timex_type t)
{
    switch (t) {
    case SL_TIMEX_DATE: return "DATE";
    case SL_TIMEX_TIME: return "TIME";
    case SL_TIMEX_DURATION: return "DURATION";
    case SL_TIMEX_SET: return "SET";
    }
    return "DATE";
}

int sl_tag_dates(sl_ctx *ctx, const char *text, size_t len, const char *dct, sl_timex **out, size_t *n)
{
    sl_tpoint d;
    sl_tx *tx;
    size_t k, i;
    if (!ctx || !out || !n || (!text && len))
        return SL_EINVAL;
    *out = NULL;
    *n = 0;
    memset(&d, 0, sizeof(d));
    if (dct && *dct) {
        sl_ymd v;
        sl_precision pr;
        if (sl_tpoint_parse(dct, strlen(dct), &d) < 0) {
            /* metadata forms too: "April 27, 2018", "Fri, 27 Apr 2018 10:00:00 GMT" */
            if ((pr = sl_parse_date(dct, strlen(dct), &v)) == SL_PREC_NONE)
                return sl_fail(ctx, SL_EINVAL, "malformed document date '%s' (expected YYYY-MM-DD)", dct);
            sl_tpoint_day(&d, v.y, v.m, v.d ? v.d : 1);
            sl_tpoint_truncate(&d, pr);
        }
        if (d.y == SL_YEAR_UNKNOWN)
            return sl_fail(ctx, SL_EINVAL, "document date '%s' has no year", dct);
    }
    if (len > SL_MAX_DOC_BYTES)
        return sl_fail(ctx, SL_ETOOBIG, "text of %zu bytes is over the limit of %zu", len, (size_t)SL_MAX_DOC_BYTES);
    sl_tx_tag(ctx, text ? text : "", len, d.prec ? &d : NULL, &tx, &k);
    if (k) {
        *out = sl_xmalloc(k * sizeof(sl_timex));
        for (i = 0; i < k; i++)
            (*out)[i] = tx[i].pub;
    }
    *n = k;
    free(tx);
    return SL_OK;
}
