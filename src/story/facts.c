/*
 * facts.c: the facts of a story's sentences (see facts.h).
 *
 * One pass per sentence, in this order, each claiming the tokens it reads
 * so that the next does not read them again:
 *   1. times: the temporal tagger (src/analysis/timex.h) runs once over each
 *      article with the article's own date; its dates and ranges become date
 *      facts (anaphoric and unresolved ones are left out, and so are
 *      datelines, notes of the article's own date and photo captions), its
 *      durations duration facts with the noun they measure read here ("68-
 *      year war", "three years of fighting", "12 years in prison"); the words
 *      around a date say whether it is a bound ("since 1953") or names one
 *      of a series ("the 2012 Super Bowl");
 *   2. numbers: a figure (digits, words, "$5", "30%", times "million"), its
 *      approximator, its unit, and the noun it counts;
 *   3. actors: an action verb and the entities that do it.
 * Then each fact gets its context vector.  Anything not understood is
 * skipped: a fact missed costs a comparison, a fact misread costs a false
 * disagreement.
 */
#include "story/facts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/dates.h"
#include "analysis/timex.h"
#include "analysis/tokens.h"
#include "core/data.h"
#include "util/buf.h"
#include "util/intern.h"
#include "util/mem.h"

#define NONE32 UINT32_MAX
#ifndef SL_FACT_HEAD_WEIGHT
#define SL_FACT_HEAD_WEIGHT 0.5f /* weight of the head noun or verb in a fact's context */
#endif
#define YEAR_MIN 1000
#define YEAR_MAX 2199
#define NYEARS (YEAR_MAX - YEAR_MIN + 1)
#define UNLISTED 0x80000000u /* head group of a noun not in heads.txt: the bit | its stem */
#define AGE_HEAD 0x40000000u /* head group of an age: the bit | the person's entity */
#define MAX_PHRASE 4

/* ------------------------------------------------------------------ word lists */

enum {
    W_NUM = 1u << 0, W_MULT = 1u << 1, W_UNIT = 1u << 2, W_PREFIX = 1u << 3,
    W_HEAD = 1u << 8, W_ACTION = 1u << 9, W_PARTITIVE = 1u << 10, W_PARTAFTER = 1u << 11,
    W_BOUND = 1u << 12, W_POINT = 1u << 13, W_RELPRON = 1u << 15,
    W_PASSIVE = 1u << 16, W_CLAUSE = 1u << 17, W_AGENT = 1u << 18,
    W_ORGHEAD = 1u << 21, W_PREP = 1u << 23, W_RATE = 1u << 24, W_WINDOW = 1u << 25,
    W_COND = 1u << 26, W_ORABOVE = 1u << 27, W_ORBELOW = 1u << 28
};

typedef struct unit {
    char dim[12];      /* "time", "length", "usd", ... */
    uint32_t dim_id;   /* 1-based */
    double factor;     /* base units per unit */
} unit;

typedef struct winfo {
    uint32_t norm;
    unsigned is;       /* W_* */
    double num;        /* W_NUM / W_MULT: value */
    int unit;          /* W_UNIT / W_PREFIX: index into units */
    uint32_t group, hclass; /* W_HEAD */
    int generic, state;
    uint32_t action;   /* W_ACTION: 1-based group */
} winfo;

typedef struct approx {
    uint32_t ids[MAX_PHRASE]; /* norm ids, in text order */
    int n;
    int mode;          /* AP_* */
} approx;

enum { AP_ABOUT = 1, AP_NEARLY, AP_GT, AP_GE, AP_LT, AP_LE };

typedef struct lists {
    winfo *w;          /* sorted by norm */
    size_t nw;
    unit *units;
    size_t nunits;
    approx *ap;        /* longest first */
    size_t nap;
    char **dims;       /* dimension names, 1-based ids */
    size_t ndims;
    char **actions;    /* action group names, 1-based */
    size_t nactions;
    uint64_t many;     /* bit g-1: action group g is one many do apart ("~") */
    struct sign {
        char s[8];     /* a currency sign as written before a figure: "$", "€" */
        int unit;
    } signs[16];
    size_t nsigns;
    int percent_unit;  /* the unit of "%", or -1 */
    uint32_t n_a, n_an, n_the, n_to, n_from, n_between, n_and, n_or, n_of, n_year, n_old,
        n_hyphen, n_endash, n_comma, n_through, n_am, n_pm, n_am2, n_pm2, n_oclock, n_colon,
        n_no, n_number, n_hash, n_per, n_percent, n_lparen, n_rparen, n_this, n_week,
        n_and2, n_nor, n_with, n_not, n_s, n_emdash, n_dot, n_slash, n_in;
    uint32_t aux[24];  /* norm ids of words allowed between a doer and its verb */
    size_t naux;
    uint32_t det[16];  /* determiners: a verb form after one is a noun ("the split") */
    size_t ndet;
} lists;

static int cmp_winfo(const void *a, const void *b)
{
    uint32_t x = ((const winfo *)a)->norm, y = ((const winfo *)b)->norm;
    return x < y ? -1 : x > y;
}

static int cmp_approx(const void *a, const void *b)
{
    const approx *x = a, *y = b;
    return y->n - x->n;
}

/* The norm id of a one-token word, or NONE32. */
static uint32_t norm_of(sl_ctx *ctx, const char *w, size_t n, sl_token **toks, size_t *ctoks)
{
    size_t nt = 0;
    sl_tokens_scan(ctx, w, n, 0, toks, &nt, ctoks);
    return nt == 1 ? (*toks)[0].norm : NONE32;
}

/* The entry for a norm id, created when absent (list building only). */
static winfo *entry(winfo **w, size_t *nw, size_t *cw, uint32_t norm)
{
    size_t i;
    winfo e;
    for (i = 0; i < *nw; i++)
        if ((*w)[i].norm == norm)
            return &(*w)[i];
    memset(&e, 0, sizeof(e));
    e.norm = norm;
    SL_PUSH(*w, *nw, *cw, e);
    return &(*w)[*nw - 1];
}

/* Splits a line at white space into at most `max` fields. */
static size_t fields(const char *line, size_t n, const char **f, size_t *fl, size_t max)
{
    size_t i = 0, k = 0;
    while (i < n && k < max) {
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i >= n)
            break;
        f[k] = line + i;
        while (i < n && line[i] != ' ' && line[i] != '\t')
            i++;
        fl[k] = (size_t)(line + i - f[k]);
        k++;
    }
    return k;
}

static uint32_t dim_id(lists *l, const char *s, size_t n, size_t *cap)
{
    size_t i;
    for (i = 0; i < l->ndims; i++)
        if (strlen(l->dims[i]) == n && memcmp(l->dims[i], s, n) == 0)
            return (uint32_t)i + 1;
    SL_PUSH(l->dims, l->ndims, *cap, sl_xstrndup(s, n));
    return (uint32_t)l->ndims;
}

static void lists_free(void *p)
{
    lists *l = p;
    size_t i;
    if (!l)
        return;
    free(l->w);
    free(l->units);
    free(l->ap);
    for (i = 0; i < l->ndims; i++)
        free(l->dims[i]);
    free(l->dims);
    for (i = 0; i < l->nactions; i++)
        free(l->actions[i]);
    free(l->actions);
    free(l);
}

static void *lists_make(sl_ctx *ctx)
{
    lists *l = sl_xcalloc(1, sizeof(*l));
    size_t cw = 0, cu = 0, cap_ap = 0, cdims = 0, cact = 0, len, pos, n, ctoks = 0;
    const char *text, *line;
    sl_token *toks = NULL;
    uint32_t group = 0, hclass = 0;
    const char *f[64];
    size_t fl[64], nf, i;
    winfo *e;

    l->percent_unit = -1;

    /* numbers */
    text = sl_data_get("compare/numbers", &len);
    pos = 0;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        uint32_t id;
        if ((nf = fields(line, n, f, fl, 3)) < 2)
            continue;
        if ((id = norm_of(ctx, f[0], fl[0], &toks, &ctoks)) == NONE32)
            continue;
        e = entry(&l->w, &l->nw, &cw, id);
        {
            char tmp[32];
            size_t k = fl[1] < sizeof(tmp) - 1 ? fl[1] : sizeof(tmp) - 1;
            memcpy(tmp, f[1], k);
            tmp[k] = '\0';
            e->num = strtod(tmp, NULL);
        }
        e->is |= nf >= 3 && f[2][0] == 'x' ? W_MULT : W_NUM;
    }

    /* units */
    text = sl_data_get("compare/units", &len);
    pos = 0;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        unit u;
        int prefix = 0;
        const char **g = f;
        size_t *gl = fl;
        uint32_t id;
        char tmp[32];
        size_t k;
        nf = fields(line, n, f, fl, 6);
        if (nf >= 1 && fl[0] == 6 && memcmp(f[0], "prefix", 6) == 0) {
            prefix = 1;
            g++;
            gl++;
            nf--;
        }
        if (nf < 3)
            continue;
        memset(&u, 0, sizeof(u));
        k = gl[1] < sizeof(u.dim) - 1 ? gl[1] : sizeof(u.dim) - 1;
        memcpy(u.dim, g[1], k);
        u.dim_id = dim_id(l, g[1], k, &cdims);
        k = gl[2] < sizeof(tmp) - 1 ? gl[2] : sizeof(tmp) - 1;
        memcpy(tmp, g[2], k);
        tmp[k] = '\0';
        u.factor = strtod(tmp, NULL);
        if (u.factor <= 0)
            continue;
        if ((id = norm_of(ctx, g[0], gl[0], &toks, &ctoks)) == NONE32) {
            if (!(gl[0] == 1 && g[0][0] == '%') && !prefix)
                continue;
            id = sl_intern_add(&ctx->vocab, g[0], gl[0]); /* a sign the tokenizer glues to figures */
        }
        SL_PUSH(l->units, l->nunits, cu, u);
        /* the tokenizer keeps a sign with its figure ("$5", "30%"): the
         * figure reader looks for these bytes */
        if (prefix && gl[0] < sizeof(l->signs[0].s) && l->nsigns < 16) {
            memcpy(l->signs[l->nsigns].s, g[0], gl[0]);
            l->signs[l->nsigns].s[gl[0]] = '\0';
            l->signs[l->nsigns++].unit = (int)l->nunits - 1;
        }
        if (gl[0] == 1 && g[0][0] == '%')
            l->percent_unit = (int)l->nunits - 1;
        e = entry(&l->w, &l->nw, &cw, id);
        e->is |= prefix ? W_PREFIX : W_UNIT;
        e->unit = (int)l->nunits - 1;
    }

    /* approximators: phrases */
    text = sl_data_get("compare/approx", &len);
    pos = 0;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        approx a;
        size_t nt = 0, k;
        const char *m;
        nf = fields(line, n, f, fl, 8);
        if (nf < 2)
            continue;
        m = f[nf - 1];
        memset(&a, 0, sizeof(a));
        if (fl[nf - 1] == 1 && m[0] == '~')
            a.mode = AP_ABOUT;
        else if (fl[nf - 1] == 2 && m[0] == '<' && m[1] == '~')
            a.mode = AP_NEARLY;
        else if (fl[nf - 1] == 2 && m[0] == '>' && m[1] == '=')
            a.mode = AP_GE;
        else if (fl[nf - 1] == 2 && m[0] == '<' && m[1] == '=')
            a.mode = AP_LE;
        else if (fl[nf - 1] == 1 && m[0] == '>')
            a.mode = AP_GT;
        else if (fl[nf - 1] == 1 && m[0] == '<')
            a.mode = AP_LT;
        else
            continue;
        sl_tokens_scan(ctx, f[0], (size_t)(f[nf - 2] + fl[nf - 2] - f[0]), 0, &toks, &nt, &ctoks);
        if (!nt || nt > MAX_PHRASE)
            continue;
        for (k = 0; k < nt; k++)
            a.ids[k] = toks[k].norm;
        a.n = (int)nt;
        SL_PUSH(l->ap, l->nap, cap_ap, a);
    }
    if (l->nap)
        qsort(l->ap, l->nap, sizeof(*l->ap), cmp_approx);

    /* heads: GENERIC... | GROUP ; GROUP ; ... */
    text = sl_data_get("compare/heads", &len);
    pos = 0;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        int generic = 1, state = 0;
        hclass++;
        group++;
        nf = fields(line, n, f, fl, 64);
        for (i = 0; i < nf; i++) {
            uint32_t id;
            if (fl[i] == 1 && f[i][0] == '|') {
                generic = 0;
                state = 0;
                group++;
                continue;
            }
            if (fl[i] == 1 && f[i][0] == ';') {
                state = 0;
                group++;
                continue;
            }
            if (fl[i] == 1 && f[i][0] == '*') {
                state = 1;
                continue;
            }
            if ((id = norm_of(ctx, f[i], fl[i], &toks, &ctoks)) == NONE32)
                continue;
            e = entry(&l->w, &l->nw, &cw, id);
            e->is |= W_HEAD;
            e->group = group;
            e->hclass = hclass;
            e->generic = generic;
            e->state = state;
        }
    }

    /* actions: GROUP: FORMS */
    text = sl_data_get("compare/actions", &len);
    pos = 0;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        nf = fields(line, n, f, fl, 64);
        if (nf < 2 || f[0][fl[0] - 1] != ':')
            continue;
        SL_PUSH(l->actions, l->nactions, cact, sl_xstrndup(f[0], fl[0] - 1));
        {
            size_t g = l->nactions; /* the group just added, 1-based */
            if (g >= 1 && g <= 64 && f[0][0] == '~')
                l->many |= (uint64_t)1 << (g - 1);
        }
        for (i = 1; i < nf; i++) {
            uint32_t id = norm_of(ctx, f[i], fl[i], &toks, &ctoks);
            if (id == NONE32)
                continue;
            e = entry(&l->w, &l->nw, &cw, id);
            e->is |= W_ACTION;
            e->action = (uint32_t)l->nactions;
        }
    }

    /* markers */
    text = sl_data_get("compare/markers", &len);
    pos = 0;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        static const struct {
            const char *kind;
            unsigned bit;
        } kinds[] = {{"partitive", W_PARTITIVE}, {"part-after", W_PARTAFTER}, {"bound", W_BOUND},
                     {"point", W_POINT},         {"relative", W_RELPRON},     {"passive", W_PASSIVE},
                     {"clause", W_CLAUSE},       {"agent", W_AGENT},          {"orghead", W_ORGHEAD},
                     {"prep", W_PREP},           {"rate", W_RATE},            {"window", W_WINDOW},
                     {"cond", W_COND},           {"orabove", W_ORABOVE},      {"orbelow", W_ORBELOW}};
        size_t k;
        uint32_t id;
        nf = fields(line, n, f, fl, 3);
        if (nf < 2)
            continue;
        for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
            if (strlen(kinds[k].kind) == fl[0] && memcmp(kinds[k].kind, f[0], fl[0]) == 0)
                break;
        if (k == sizeof(kinds) / sizeof(kinds[0]))
            continue;
        if ((id = norm_of(ctx, f[1], fl[1], &toks, &ctoks)) == NONE32)
            continue;
        e = entry(&l->w, &l->nw, &cw, id);
        e->is |= kinds[k].bit;
    }
    if (l->nw)
        qsort(l->w, l->nw, sizeof(*l->w), cmp_winfo);

    /* single words the grammar names */
#define NORM(field, word) l->field = norm_of(ctx, word, strlen(word), &toks, &ctoks)
    NORM(n_a, "a");
    NORM(n_an, "an");
    NORM(n_the, "the");
    NORM(n_to, "to");
    NORM(n_from, "from");
    NORM(n_between, "between");
    NORM(n_and, "and");
    NORM(n_or, "or");
    NORM(n_of, "of");
    NORM(n_year, "year");
    NORM(n_old, "old");
    NORM(n_hyphen, "-");
    NORM(n_endash, "\xE2\x80\x93");
    NORM(n_comma, ",");
    NORM(n_through, "through");
    NORM(n_am, "a.m.");
    NORM(n_pm, "p.m.");
    NORM(n_am2, "am");
    NORM(n_pm2, "pm");
    NORM(n_oclock, "o'clock");
    NORM(n_colon, ":");
    NORM(n_no, "no.");
    NORM(n_number, "number");
    NORM(n_hash, "#");
    NORM(n_per, "per");
    NORM(n_percent, "percent");
    NORM(n_lparen, "(");
    NORM(n_rparen, ")");
    NORM(n_this, "this");
    NORM(n_week, "week");
    NORM(n_and2, "&");
    NORM(n_nor, "nor");
    NORM(n_with, "with");
    NORM(n_not, "not");
    NORM(n_s, "'s");
    NORM(n_emdash, "\xE2\x80\x94");
    NORM(n_dot, ".");
    NORM(n_slash, "/");
    NORM(n_in, "in");
#undef NORM
    {
        static const char *const aux[] = {"has", "have", "had", "will", "would", "did", "does",
                                          "do", "could", "can", "may", "might", "should", "must",
                                          "also", "then", "jointly", "finally", "reportedly",
                                          "later", "first", "both", "together", "never"};
        static const char *const det[] = {"the", "a", "an", "this", "that", "these", "those",
                                          "his", "her", "its", "their", "our", "my", "your",
                                          "whose", "every"};
        for (i = 0; i < sizeof(aux) / sizeof(aux[0]); i++) {
            uint32_t id = norm_of(ctx, aux[i], strlen(aux[i]), &toks, &ctoks);
            if (id != NONE32)
                l->aux[l->naux++] = id;
        }
        for (i = 0; i < sizeof(det) / sizeof(det[0]); i++) {
            uint32_t id = norm_of(ctx, det[i], strlen(det[i]), &toks, &ctoks);
            if (id != NONE32)
                l->det[l->ndet++] = id;
        }
    }
    free(toks);
    return l;
}

static const winfo *lookup(const lists *l, uint32_t norm)
{
    size_t lo = 0, hi = l->nw;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (l->w[mid].norm < norm)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->nw && l->w[lo].norm == norm ? &l->w[lo] : NULL;
}

static int in_ids(const uint32_t *ids, size_t n, uint32_t id)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (ids[i] == id)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ the sentence scanner */

typedef struct scan {
    sl_ctx *ctx;
    const lists *L;
    const sl_doc *doc;
    const sl_entities *ents;
    const uint32_t *ent;   /* per document token: entity index or NONE32 */
    size_t a, b;           /* the sentence's tokens */
    unsigned char *used;   /* per token of the sentence */
    unsigned sflags;       /* SL_FF_TITLE for headlines, captions */
    int caption;           /* a photo caption: its date is the photo's */
    /* output */
    sl_factset *fs;
    uint32_t docidx, sentidx;
    sl_buf tmp;
    sl_intern *pseudo;     /* names of noun-phrase actors */
    sl_intern *names;      /* doers' names, case-folded: one id per name, so that two
                              entities the tagger left apart under one name are one */
    char **name_text;      /* name id -> the name as first written */
    size_t nname_text, cname_text;
} scan;

static const sl_token *TK(const scan *s, size_t k)
{
    return &s->doc->toks[k];
}

static const winfo *WI(const scan *s, size_t k)
{
    return k < s->b ? lookup(s->L, s->doc->toks[k].norm) : NULL;
}

static int is_w(const scan *s, size_t k, unsigned bits)
{
    const winfo *w = WI(s, k);
    return w && (w->is & bits);
}

static int norm_is(const scan *s, size_t k, uint32_t norm)
{
    return k >= s->a && k < s->b && s->doc->toks[k].norm == norm;
}

static int is_used(const scan *s, size_t k)
{
    return k < s->a || k >= s->b || s->used[k - s->a];
}

static void mark(scan *s, size_t a, size_t b)
{
    size_t k;
    for (k = a; k < b && k < s->b; k++)
        if (k >= s->a)
            s->used[k - s->a] = 1;
}

static const char *tok_text(const scan *s, size_t k, size_t *n)
{
    const sl_token *t = TK(s, k);
    *n = t->end - t->start;
    return s->doc->text.ptr + t->start;
}

static const char *tok_norm(const scan *s, size_t k)
{
    return sl_vocab_str(s->ctx, TK(s, k)->norm);
}

/* Parses digits with thousands commas and one decimal point ("28,000",
 * "3.5"); *unit gets the place of the last significant digit (1000 for
 * "28,000", 0.1 for "3.5").  Returns 0 when it is not such a number. */
static int parse_digits(const char *p, size_t n, double *v, double *place_out)
{
    double x = 0, frac = 0.1, place = 1;
    size_t i, group = 0;
    int dot = 0, digits = 0, comma = 0;
    int trailing = 0;
    for (i = 0; i < n; i++) {
        char c = p[i];
        if (c >= '0' && c <= '9') {
            if (dot) {
                x += (c - '0') * frac;
                place = frac;
                frac /= 10;
            } else {
                x = x * 10 + (c - '0');
                trailing = c == '0' ? trailing + 1 : 0;
            }
            digits++;
            group++;
        } else if (c == ',' && !dot && digits && i + 3 < n + 0 + 1) {
            if (comma && group != 3)
                return 0;
            if (!comma && group > 3)
                return 0;
            comma = 1;
            group = 0;
        } else if (c == '.' && !dot && digits) {
            if (comma && group != 3)
                return 0;
            dot = 1;
        } else {
            return 0;
        }
    }
    if (!digits || (comma && !dot && group != 3) || x > 1e15)
        return 0;
    if (!dot) {
        place = 1;
        /* a round figure ("28,000") is precise to its last nonzero digit */
        while (trailing-- > 0 && place * 10 <= x)
            place *= 10;
    }
    *v = x;
    *place_out = place;
    return 1;
}

/* A number word or compound ("sixty-five", "twenty-one"); 0 when not one. */
static int word_number(const scan *s, uint32_t norm, double *v)
{
    const winfo *w = lookup(s->L, norm);
    const char *str, *h;
    if (w && (w->is & W_NUM)) {
        *v = w->num;
        return 1;
    }
    str = sl_vocab_str(s->ctx, norm);
    h = strchr(str, '-');
    if (h && !strchr(h + 1, '-')) {
        double a = 0, b = 0;
        const winfo *wa, *wb;
        uint32_t na = sl_intern_find(&s->ctx->vocab, str, (size_t)(h - str));
        uint32_t nb = sl_intern_find(&s->ctx->vocab, h + 1, strlen(h + 1));
        wa = na != SL_INTERN_NONE ? lookup(s->L, na) : NULL;
        wb = nb != SL_INTERN_NONE ? lookup(s->L, nb) : NULL;
        if (wa && wb && (wa->is & W_NUM) && (wb->is & W_NUM)) {
            a = wa->num;
            b = wb->num;
            if (a >= 20 && a <= 90 && b >= 1 && b <= 9) {
                *v = a + b;
                return 1;
            }
        }
    }
    return 0;
}

/* Reads a cardinal at token k: digits or words, with multipliers ("1.5
 * million", "two hundred", "a dozen").  *n gets the tokens read, *unit the
 * precision of the figure.  `allow_a`: "a"/"an" counts as one before a
 * multiplier ("a million"). */
/* A figure as the tokenizer keeps it: a currency sign, digits, then "%",
 * a multiplier ("$1.2bn", "5m" after a sign) or a unit ("5km").  Sets *unit
 * (-1 none) and multiplies x and its place by the multiplier.  Returns 0
 * for what is not a figure: a time ("5:30"), a date ("12/03/2019"), an
 * ordinal ("21st"). */
static int split_figure(const scan *s, const char *p, size_t len, double *x, double *u, int *unit_out)
{
    size_t i, d = 0;
    const char *rest;
    size_t rl;
    *unit_out = -1;
    for (i = 0; i < s->L->nsigns; i++) {
        size_t sl = strlen(s->L->signs[i].s);
        if (len > sl && memcmp(p, s->L->signs[i].s, sl) == 0) {
            *unit_out = s->L->signs[i].unit;
            p += sl;
            len -= sl;
            break;
        }
    }
    while (d < len && ((p[d] >= '0' && p[d] <= '9') || p[d] == ',' || p[d] == '.'))
        d++;
    while (d > 0 && (p[d - 1] == ',' || p[d - 1] == '.'))
        d--;
    if (!d || !parse_digits(p, d, x, u))
        return 0;
    rest = p + d;
    rl = len - d;
    if (!rl)
        return 1;
    if (rl == 1 && rest[0] == '%' && s->L->percent_unit >= 0 && *unit_out < 0) {
        *unit_out = s->L->percent_unit;
        return 1;
    }
    /* multipliers glued to a figure: "bn", "mn", and "m" or "k" after a sign */
    {
        double m = 0;
        if ((rl == 2 && !memcmp(rest, "bn", 2)) || (rl == 1 && rest[0] == 'b' && *unit_out >= 0))
            m = 1e9;
        else if ((rl == 2 && !memcmp(rest, "mn", 2)) || (rl == 1 && rest[0] == 'm' && *unit_out >= 0))
            m = 1e6;
        else if (rl == 1 && (rest[0] == 'k' || rest[0] == 'K') && *unit_out >= 0)
            m = 1e3;
        if (m > 0) {
            *x *= m;
            *u *= m;
            return 1;
        }
    }
    /* a unit glued to a figure: "5km", "10kg" */
    if (*unit_out < 0) {
        uint32_t id = sl_intern_find(&s->ctx->vocab, rest, rl);
        const winfo *w = id != SL_INTERN_NONE ? lookup(s->L, id) : NULL;
        if (w && (w->is & W_UNIT)) {
            *unit_out = w->unit;
            return 1;
        }
    }
    return 0;
}

static int read_count(const scan *s, size_t k, double *v, double *place, size_t *n, int allow_a,
                      double *mult, int *unit_out)
{
    const sl_token *t;
    size_t j = k;
    double x, u, mm = 1;
    int un = -1;
    if (unit_out)
        *unit_out = -1;
    if (k >= s->b || is_used(s, k))
        return 0;
    t = TK(s, k);
    if (t->flags & (SL_TOK_NUMBER | SL_TOK_WORD) && !word_number(s, t->norm, &x)) {
        size_t len;
        const char *p = tok_text(s, k, &len);
        if (!split_figure(s, p, len, &x, &u, &un))
            return 0;
        if (un >= 0 && !unit_out)
            return 0;
    } else if ((t->flags & SL_TOK_WORD) && word_number(s, t->norm, &x)) {
        u = 1;
        if (x >= 100)
            u = x;
    } else if (allow_a && (t->norm == s->L->n_a || t->norm == s->L->n_an) && k + 1 < s->b &&
               is_w(s, k + 1, W_MULT) && !is_used(s, k + 1)) {
        x = 1;
        u = 1;
    } else {
        return 0;
    }
    j = k + 1;
    while (j < s->b && !is_used(s, j) && is_w(s, j, W_MULT)) {
        double m = WI(s, j)->num;
        x *= m;
        u *= m;
        mm *= m;
        j++;
    }
    *v = x;
    *place = u;
    *n = j - k;
    if (mult)
        *mult = mm;
    if (unit_out)
        *unit_out = un;
    return 1;
}

/* Whether token k names a unit of time ("year", "days"). */
static int is_time_unit(const scan *s, size_t k)
{
    const winfo *w = WI(s, k);
    return w && (w->is & W_UNIT) && strcmp(s->L->units[w->unit].dim, "time") == 0;
}

/* ------------------------------------------------------------------ emitting facts */

static sl_fact *new_fact(scan *s, int kind, size_t t0, size_t t1)
{
    sl_fact f;
    memset(&f, 0, sizeof(f));
    f.doc = s->docidx;
    f.sent = s->sentidx;
    f.t0 = (uint32_t)t0;
    f.t1 = (uint32_t)t1;
    f.anchor0 = (uint32_t)t0;
    f.anchor1 = (uint32_t)t1;
    f.head_tok = NONE32;
    f.kind = kind;
    f.flags = s->sflags;
    SL_PUSH(s->fs->f, s->fs->n, s->fs->cap, f);
    mark(s, t0, t1);
    return &s->fs->f[s->fs->n - 1];
}

/* The text of tokens [a, b) as written, white space made one space. */
static const char *span_text(scan *s, size_t a, size_t b)
{
    const char *p = s->doc->text.ptr;
    size_t i, start = TK(s, a)->start, end = TK(s, b - 1)->end;
    int space = 0;
    sl_buf_clear(&s->tmp);
    for (i = start; i < end; i++) {
        char c = p[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = 1;
            continue;
        }
        if (space)
            sl_buf_putc(&s->tmp, ' ');
        space = 0;
        sl_buf_putc(&s->tmp, c);
    }
    return sl_arena_strndup(&s->fs->arena, s->tmp.ptr ? s->tmp.ptr : "", s->tmp.len);
}

/* The head run after position k: up to three content words; returns the
 * head token or NONE32: a listed head word first (a specific one after a
 * generic one); else, with noun_last, the last word (a noun phrase after
 * "of" or a "68-year" adjective ends with its noun); else the first
 * plural-looking word, since a count's noun is plural and the run may run
 * on into a verb ("two countries spent"), else the last word.  *next gets
 * the token after the run. */
static uint32_t head_run(const scan *s, size_t k, size_t *next, int noun_last)
{
    size_t j, first = NONE32, last = NONE32, plural = NONE32, listed = NONE32, n = 0;
    for (j = k; j < s->b && n < 3; j++, n++) {
        const sl_token *t = TK(s, j);
        const winfo *w = WI(s, j);
        const char *p;
        size_t len;
        if (is_used(s, j) || !(t->flags & SL_TOK_WORD) || (t->flags & SL_TOK_STOP))
            break;
        if (s->ent[j] != NONE32)
            break;
        if ((t->flags & SL_TOK_CAP) && !(s->sflags & SL_FF_TITLE))
            break; /* a count's noun is written small: "10 Caption", "Back to Gallery" are not */
        if (w && (w->is & (W_UNIT | W_MULT | W_NUM | W_CLAUSE)))
            break;
        if (w && (w->is & W_HEAD)) {
            if (listed == NONE32 || (WI(s, listed)->generic && !w->generic))
                listed = j;
            if (!w->generic)
                break;
            continue;
        }
        p = tok_norm(s, j);
        len = strlen(p);
        /* adverbs modify a verb after them ("three years actively fighting") */
        if (len > 4 && p[len - 2] == 'l' && p[len - 1] == 'y')
            continue;
        /* a participle ends a noun run ("a deal signed") */
        if (first != NONE32 && len > 4 && p[len - 2] == 'e' && p[len - 1] == 'd')
            break;
        if (first == NONE32)
            first = j;
        last = j;
        if (plural == NONE32 && len > 3 && p[len - 1] == 's' && p[len - 2] != 's' && p[len - 2] != 'u' &&
            p[len - 2] != '\'')
            plural = j;
    }
    *next = j;
    if (listed != NONE32)
        return (uint32_t)listed;
    if (noun_last) /* "of brutal fighting": the noun ends the phrase */
        return last == NONE32 ? NONE32 : (uint32_t)last;
    if (plural != NONE32)
        return (uint32_t)plural;
    return last == NONE32 ? NONE32 : (uint32_t)last;
}

/* Sets a number's or duration's head from token h (NONE32: none). */
static void set_head(scan *s, sl_fact *f, uint32_t h)
{
    const winfo *w;
    f->head_tok = h;
    if (h == NONE32)
        return;
    w = WI(s, h);
    if (w && (w->is & W_HEAD)) {
        f->head = w->group;
        f->hclass = w->hclass;
        if (w->generic)
            f->flags |= SL_FF_GENERIC;
        if (w->state)
            f->flags |= SL_FF_STATE;
        /* "passengers and crew": a coordination of one class is the class */
        if (!w->generic && h + 2 < s->b && (norm_is(s, h + 1, s->L->n_and) || norm_is(s, h + 1, s->L->n_or))) {
            const winfo *w2 = WI(s, h + 2);
            if (w2 && (w2->is & W_HEAD) && w2->hclass == w->hclass && w2->group != w->group &&
                !w->state && !w2->state)
                f->flags |= SL_FF_GENERIC;
        }
        /* "people aboard", "people were killed": a group after a generic
         * word (auxiliaries between) narrows it */
        if (w->generic) {
            size_t q = h + 1;
            while (q < s->b && q < h + 3 && is_w(s, q, W_PASSIVE))
                q++;
            if (q < s->b) {
                const winfo *w2 = WI(s, q);
                if (w2 && (w2->is & W_HEAD) && w2->hclass == w->hclass && w2->state) {
                    f->head = w2->group;
                    f->flags &= ~SL_FF_GENERIC;
                    f->flags |= SL_FF_STATE;
                }
            }
        }
    } else {
        f->head = UNLISTED | TK(s, h)->stem;
    }
}

/* The mode of an approximator written at token k, within [k, end): "nearly"
 * is AP_NEARLY; 0 when none. */
static int approx_at(const scan *s, size_t k, size_t end)
{
    size_t i;
    for (i = 0; i < s->L->nap; i++) {
        const approx *ap = &s->L->ap[i];
        int m;
        if (k + (size_t)ap->n > end)
            continue;
        for (m = 0; m < ap->n; m++)
            if (TK(s, k + (size_t)m)->norm != ap->ids[m])
                break;
        if (m == ap->n)
            return ap->mode;
    }
    return 0;
}

/* ------------------------------------------------------------------ times (the temporal tagger) */

/* Whether an expression starting at byte `start`, tokens [t0, t1), is the
 * article's own date rather than a fact of the story: a note the tagger
 * knows ("This segment originally aired ..."), a dateline ("KESTERHOLM,
 * March 4, 2026 —") or the signature of a quoted post ("(@MittRomney)
 * February 29, 2016"). */
static int own_date(const scan *s, size_t start, size_t t0, size_t t1)
{
    size_t k, cue;
    if (sl_tx_doc_cue(s->ctx, s->doc->text.ptr, start, &cue))
        return 1;
    if (t0 > s->a && norm_is(s, t0 - 1, s->L->n_rparen))
        return 1;
    if (t0 - s->a > 5 || !(norm_is(s, t1, s->L->n_emdash) || norm_is(s, t1, s->L->n_hyphen) ||
                           norm_is(s, t1, s->L->n_endash) || norm_is(s, t1, s->L->n_colon)))
        return 0;
    for (k = s->a; k < t0; k++)
        if (!(TK(s, k)->flags & SL_TOK_CAP) && TK(s, k)->norm != s->L->n_comma)
            return 0;
    return 1;
}

/* What the words around a date say of it: a bound ("since 1953", "until
 * Friday", "by 1 a.m. on Wednesday"), or, for a plain year, the name of one
 * of a series ("the 2012 Super Bowl", "Super Bowl 2013", "the 2016
 * election"), which never conflicts either. */
static unsigned date_context(const scan *s, size_t t0, size_t t1, int plain_year)
{
    size_t k = t0;
    while (k > s->a && (norm_is(s, k - 1, s->L->n_the) || is_w(s, k - 1, W_POINT)))
        k--;
    if (k > s->a && is_w(s, k - 1, W_BOUND))
        return SL_FF_BOUND;
    if (k > s->a + 1 && norm_is(s, k - 1, s->L->n_to) && is_w(s, k - 2, W_BOUND))
        return SL_FF_BOUND; /* "prior to" */
    if (plain_year && !(t0 > s->a && is_w(s, t0 - 1, W_POINT | W_BOUND))) {
        const sl_token *nx = t1 < s->b ? TK(s, t1) : NULL;
        if ((nx && (nx->flags & SL_TOK_WORD) && !(nx->flags & SL_TOK_STOP) && !is_w(s, t1, W_CLAUSE)) ||
            (t0 > s->a && (TK(s, t0 - 1)->flags & SL_TOK_CAP) && !(TK(s, t0 - 1)->flags & SL_TOK_STOP)))
            return SL_FF_BOUND;
    }
    return 0;
}

/* The count and the unit (in days) of a TimeML duration with one part
 * ("P68Y", "PT3H", "P2DE"); 0 when it has none or several. */
static int parse_duration(const char *v, double *count, double *unit_days)
{
    const char *p = v;
    char *end;
    int time = 0;
    double x;
    if (*p++ != 'P')
        return 0;
    if (*p == 'T') {
        time = 1;
        p++;
    }
    if (!(*p >= '0' && *p <= '9'))
        return 0; /* "PXY": a number of years not given */
    x = strtod(p, &end);
    if (!strcmp(end, "DE"))
        *unit_days = 3652.5;
    else if (!strcmp(end, "CE"))
        *unit_days = 36525;
    else if (end[0] && end[1] == '\0') {
        switch (end[0]) {
        case 'Y': *unit_days = time ? 0 : 365.25; break;
        case 'M': *unit_days = time ? 1.0 / 1440 : 30.4375; break;
        case 'W': *unit_days = time ? 0 : 7; break;
        case 'D': *unit_days = time ? 0 : 1; break;
        case 'H': *unit_days = time ? 1.0 / 24 : 0; break;
        case 'S': *unit_days = time ? 1.0 / 86400 : 0; break;
        default: *unit_days = 0;
        }
    } else {
        return 0;
    }
    if (*unit_days <= 0 || x <= 0)
        return 0;
    *count = x;
    return 1;
}

static sl_fact *date_fact(scan *s, size_t t0, size_t t1, long lo, long hi, sl_precision p,
                          const char *value, unsigned flags)
{
    sl_fact *f = new_fact(s, SL_FK_DATE, t0, t1);
    f->lo = (double)lo;
    f->hi = (double)hi;
    f->point = (double)lo;
    f->prec = p;
    f->flags |= flags;
    f->lo_end = f->hi;
    f->hi_start = f->lo;
    f->value = sl_arena_strndup(&s->fs->arena, value, strlen(value));
    return f;
}

/* The tokens of the sentence a byte range covers: [*t0, *t1). */
static void tokens_of(const scan *s, size_t start, size_t end, size_t *t0, size_t *t1)
{
    size_t k = s->a;
    while (k < s->b && TK(s, k)->end <= start)
        k++;
    *t0 = k;
    while (k < s->b && TK(s, k)->start < end)
        k++;
    *t1 = k;
}

/* A date's point as the days it covers, at day precision at most (a time
 * of day is compared by its day).  0 when it is no resolved point. */
static int tx_point(const sl_tx *x, sl_tpoint *p, long *lo, long *hi)
{
    *p = x->value;
    if (p->prec == SL_PREC_NONE || p->y == SL_YEAR_UNKNOWN)
        return 0;
    if (p->prec > SL_PREC_DAY)
        sl_tpoint_truncate(p, SL_PREC_DAY);
    return sl_tpoint_days(p, lo, hi) == 0;
}

static int mod_is(const sl_tx *x, const char *m)
{
    return strcmp(x->pub.mod, m) == 0;
}

/* The dates, ranges and durations the tagger found in the sentence
 * (tx[*cursor...] in text order; the cursor moves past the sentence).
 * Their tokens are claimed so that "1 a.m." or "1953" is never a count.
 * Anaphoric expressions ("the following day", "three years later") and
 * unresolved ones (a weekday in an undated article) give no fact. */
static void scan_times(scan *s, const sl_tx *tx, size_t ntx, size_t *cursor)
{
    size_t sa = TK(s, s->a)->start, sb = TK(s, s->b - 1)->end, i;
    while (*cursor < ntx && tx[*cursor].pub.start < sa)
        (*cursor)++;
    for (i = *cursor; i < ntx && tx[i].pub.start < sb; i++) {
        const sl_tx *x = &tx[i];
        size_t t0, t1;
        tokens_of(s, x->pub.start, x->pub.end, &t0, &t1);
        if (t0 >= t1 || is_used(s, t0))
            continue;
        mark(s, t0, t1);
        if (x->pub.type == SL_TIMEX_SET || (x->pub.flags & (SL_TIMEX_ANAPHORIC | SL_TIMEX_UNRESOLVED)))
            continue;
        if (x->pub.type == SL_TIMEX_DURATION) {
            double count, unit_days;
            sl_fact *f;
            size_t next;
            uint32_t h;
            if (!parse_duration(x->pub.value, &count, &unit_days))
                continue;
            f = new_fact(s, SL_FK_DURATION, t0, t1);
            f->point = count * unit_days;
            f->round = unit_days;
            f->lo = f->hi = f->point;
            {
                size_t q;
                for (q = t0 > s->a + 2 ? t0 - 2 : s->a; q < t1; q++)
                    if (is_w(s, q, W_WINDOW))
                        f->flags |= SL_FF_WINDOW;
            }
            if (mod_is(x, "LESS_THAN") && approx_at(s, t0, t1) == AP_NEARLY) {
                f->lo = f->point * 0.85; /* "nearly 700 years" is not "less than" */
            } else if (mod_is(x, "APPROX")) {
                f->lo = f->point * 0.8;
                f->hi = f->point * 1.2;
            } else if (mod_is(x, "MORE_THAN") || mod_is(x, "EQUAL_OR_MORE")) {
                f->hi = HUGE_VAL;
            } else if (mod_is(x, "LESS_THAN") || mod_is(x, "EQUAL_OR_LESS")) {
                f->lo = 0;
            }
            sl_buf_clear(&s->tmp);
            sl_buf_printf(&s->tmp, "%s%s", mod_is(x, "APPROX") ? "~ " : mod_is(x, "MORE_THAN") ? "> " :
                          mod_is(x, "EQUAL_OR_MORE") ? ">= " : mod_is(x, "LESS_THAN") ? "< " :
                          mod_is(x, "EQUAL_OR_LESS") ? "<= " : "", x->pub.value);
            f->value = sl_arena_strndup(&s->fs->arena, s->tmp.ptr, s->tmp.len);
            /* what lasted: "68-year war", "three years of brutal fighting",
             * "12 years in prison" */
            h = head_run(s, norm_is(s, t1, s->L->n_of) || norm_is(s, t1, s->L->n_in) ? t1 + 1 : t1, &next, 1);
            if (h != NONE32)
                set_head(s, f, h);
            continue;
        }
        if (s->caption || own_date(s, x->pub.start, t0, t1))
            continue;
        {
            sl_tpoint p, p2;
            long lo, hi, lo2, hi2;
            char v[96], v2[48];
            unsigned flags = x->pub.flags & SL_TIMEX_RELATIVE ? SL_FF_RELATIVE : 0;
            sl_fact *f;
            size_t u1 = t1;
            if (!tx_point(x, &p, &lo, &hi))
                continue;
            sl_tpoint_format(&p, v, sizeof(v));
            /* a range whose other end is in this sentence */
            if ((x->pub.flags & SL_TIMEX_RANGE) && x->pub.pair > (long)i && (size_t)x->pub.pair < ntx &&
                tx[x->pub.pair].pub.start < sb && tx_point(&tx[x->pub.pair], &p2, &lo2, &hi2) &&
                lo2 > hi) {
                size_t w0, w1;
                tokens_of(s, tx[x->pub.pair].pub.start, tx[x->pub.pair].pub.end, &w0, &w1);
                mark(s, t1, w1);
                sl_tpoint_format(&p2, v2, sizeof(v2));
                snprintf(v + strlen(v), sizeof(v) - strlen(v), "/%s", v2);
                f = date_fact(s, t0, w1, lo, hi2, p.prec < p2.prec ? p.prec : p2.prec, v,
                              flags | SL_FF_RANGE);
                f->lo_end = (double)hi;
                f->hi_start = (double)lo2;
                continue;
            }
            if ((x->pub.flags & SL_TIMEX_RANGE) && x->pub.pair >= 0 && x->pub.pair < (long)i)
                continue; /* the end of a range read with its start */
            if (mod_is(x, "BEFORE") || mod_is(x, "AFTER") || mod_is(x, "ON_OR_BEFORE") ||
                mod_is(x, "ON_OR_AFTER") || mod_is(x, "LESS_THAN") || mod_is(x, "MORE_THAN") ||
                mod_is(x, "EQUAL_OR_LESS") || mod_is(x, "EQUAL_OR_MORE") || mod_is(x, "APPROX"))
                flags |= SL_FF_BOUND;
            flags |= date_context(s, t0, u1, p.prec == SL_PREC_YEAR && !(flags & SL_FF_RELATIVE) &&
                                                 t1 - t0 == 1 && (TK(s, t0)->flags & SL_TOK_NUMBER));
            /* "sixty-five years ago this week": the week of a year long gone
             * is the same week only roughly (weeks do not line up across
             * years), so such a week is taken a week wider on either side */
            if ((flags & SL_FF_RELATIVE) && p.prec == SL_PREC_WEEK && x->pub.rel_unit != SL_PREC_NONE &&
                x->pub.rel_unit <= SL_PREC_YEAR) {
                lo -= 7;
                hi += 7;
            }
            date_fact(s, t0, t1, lo, hi, p.prec, v, flags);
        }
    }
    *cursor = i;
}

/* Whether token k, a number, is part of a time of day, an identifier
 * ("Flight 370") or a label ("No. 5"). */
static int not_a_count(const scan *s, size_t k, size_t after)
{
    if (after < s->b) {
        uint32_t nn = TK(s, after)->norm;
        if (nn == s->L->n_am || nn == s->L->n_pm || nn == s->L->n_am2 || nn == s->L->n_pm2 ||
            nn == s->L->n_oclock || nn == s->L->n_colon)
            return 1;
    }
    if (k > s->a) {
        const sl_token *p = TK(s, k - 1);
        uint32_t pn = p->norm;
        if (pn == s->L->n_no || pn == s->L->n_number || pn == s->L->n_hash || pn == s->L->n_colon ||
            pn == s->L->n_slash)
            return 1;
        /* a counter: "Image 21 of 25", "1 of / 10" */
        if (pn == s->L->n_of && k - 1 > s->a && (TK(s, k - 2)->flags & SL_TOK_NUMBER))
            return 1;
        if (pn == s->L->n_slash && k - 1 > s->a && norm_is(s, k - 2, s->L->n_of))
            return 1;
        if ((p->flags & SL_TOK_CAP) && k - 1 > s->a && !is_w(s, k - 1, W_PREFIX) &&
            !(p->flags & SL_TOK_STOP))
            return 1;
    }
    return 0;
}

/* Numbers with what they count ("28,000 troops", "about $5 billion"). */
static size_t scan_number(scan *s, size_t k)
{
    double v, unitp, v2 = 0, unit2 = 0, mult = 1, mult2 = 1;
    size_t n, t0 = k, t1, j, next;
    int ui = -1, mode = 0, range = 0;
    unsigned flags = 0;
    uint32_t h = NONE32;
    sl_fact *f;
    double tol, lo, hi;
    int age = 0;
    uint32_t age_ent = NONE32;

    if (!read_count(s, k, &v, &unitp, &n, 1, &mult, &ui))
        return 0;
    if (v < 2 && n == 1 && ui < 0)
        return 0; /* "one" is too often a pronoun, and "1 caucuses" a date */
    t1 = k + n;
    if (not_a_count(s, k, t1))
        return 0;
    if (ui >= 0 && strcmp(s->L->units[ui].dim, "time") == 0)
        return 0; /* "10-year" and the like are the tagger's */
    /* a prefix unit written apart ("US $ 5") */
    if (ui < 0 && k > s->a && is_w(s, k - 1, W_PREFIX) && !is_used(s, k - 1)) {
        ui = WI(s, k - 1)->unit;
        t0 = k - 1;
    }
    /* a range: "200 to 250", "between 200 and 250", "200-250" */
    if (t1 + 1 < s->b && (norm_is(s, t1, s->L->n_to) || norm_is(s, t1, s->L->n_hyphen) ||
                          norm_is(s, t1, s->L->n_endash) ||
                          (norm_is(s, t1, s->L->n_and) && t0 > s->a &&
                           norm_is(s, t0 - 1, s->L->n_between)))) {
        size_t n2;
        int ui2;
        if (read_count(s, t1 + 1, &v2, &unit2, &n2, 0, &mult2, &ui2) && (ui2 < 0 || ui2 == ui || ui < 0) &&
            !not_a_count(s, t1 + 1, t1 + 1 + n2)) {
            if (ui < 0)
                ui = ui2;
            /* "2 to 3 million": the multiplier of the second applies to both */
            if (mult == 1 && mult2 > 1) {
                v *= mult2;
                unitp *= mult2;
            }
            if (v2 > v) {
                range = 1;
                t1 = t1 + 1 + n2;
                if (t0 > s->a && norm_is(s, t0 - 1, s->L->n_between))
                    t0--;
            }
        }
    } else {
        /* "200-250" as one token */
        size_t len;
        const char *p = tok_text(s, k, &len);
        const char *h2 = memchr(p, '-', len);
        if ((TK(s, k)->flags & SL_TOK_NUMBER) && h2 && n == 1) {
            double a2, u1, u2, x1;
            int ua, ub;
            if (split_figure(s, p, (size_t)(h2 - p), &x1, &u1, &ua) &&
                split_figure(s, h2 + 1, len - (size_t)(h2 - p) - 1, &a2, &u2, &ub) && a2 > x1 &&
                (ua < 0 || ub < 0 || ua == ub)) {
                v = x1;
                if (ui < 0)
                    ui = ua >= 0 ? ua : ub;
                v2 = a2;
                unitp = u1 < u2 ? u1 : u2;
                unit2 = u2;
                range = 1;
            }
        }
    }
    /* a unit after it */
    if (ui < 0 && t1 < s->b && !is_used(s, t1) && is_w(s, t1, W_UNIT)) {
        ui = WI(s, t1)->unit;
        if (strcmp(s->L->units[ui].dim, "time") == 0)
            return 0; /* a duration's business */
        t1++;
    }
    /* an age: "Ingrid Solvang, 51," */
    if (ui < 0 && !range && t0 >= s->a + 2 && norm_is(s, t0 - 1, s->L->n_comma) &&
        s->ent[t0 - 2] != NONE32 && t1 < s->b &&
        (norm_is(s, t1, s->L->n_comma) || norm_is(s, t1, s->L->n_rparen)) && v >= 1 && v < 120 &&
        unitp == 1 && s->ents) {
        const sl_entity *e = sl_entities_get(s->ents, s->ent[t0 - 2]);
        if (e && e->type == SL_ENT_PERSON) {
            age = 1;
            age_ent = s->ent[t0 - 2];
        }
    }
    /* the approximator before it */
    {
        size_t i;
        for (i = 0; i < s->L->nap && !mode; i++) {
            const approx *ap = &s->L->ap[i];
            int m;
            if ((size_t)ap->n > t0 - s->a)
                continue;
            for (m = 0; m < ap->n; m++)
                if (TK(s, t0 - (size_t)ap->n + (size_t)m)->norm != ap->ids[m] ||
                    is_used(s, t0 - (size_t)ap->n + (size_t)m))
                    break;
            if (m == ap->n) {
                mode = ap->mode;
                t0 -= (size_t)ap->n;
            }
        }
    }
    /* "50 or more", "7.5 magnitude or larger": a bound after the figure */
    if (!mode) {
        size_t after_head, q;
        head_run(s, t1, &after_head, 0);
        for (q = t1; q + 1 < s->b; q = after_head) {
            if (norm_is(s, q, s->L->n_or) && is_w(s, q + 1, W_ORABOVE | W_ORBELOW)) {
                mode = is_w(s, q + 1, W_ORABOVE) ? AP_GE : AP_LE;
                break;
            }
            if (q >= after_head)
                break;
        }
    }
    /* a part: "the last 40", "another 12", "40 more", "40 of the", "$5 per share" */
    j = t0;
    if (j > s->a && norm_is(s, j - 1, s->L->n_the))
        j--;
    if ((j > s->a && is_w(s, j - 1, W_PARTITIVE)) || (t0 > s->a && is_w(s, t0 - 1, W_PARTITIVE)))
        flags |= SL_FF_PARTIAL;
    /* "52 percent of the vote" is a share, not a part */
    j = t1;
    if (ui >= 0 && strcmp(s->L->units[ui].dim, "percent") == 0 && norm_is(s, j, s->L->n_of)) {
        j++;
        if (norm_is(s, j, s->L->n_the))
            j++;
    } else if (t1 < s->b && is_w(s, t1, W_PARTAFTER)) {
        flags |= SL_FF_PARTIAL;
    }
    /* what it counts */
    if (!age) {
        size_t after;
        h = head_run(s, j, &next, 0);
        /* a rate, not a total: "$5 per share", "37 children each year",
         * "1,000 a day", "200 annually" */
        for (after = h != NONE32 ? h + 1 : j; after < s->b && after < j + 10; after++) {
            if ((TK(s, after)->flags & SL_TOK_PUNCT) || is_w(s, after, W_CLAUSE))
                break;
            if (is_w(s, after, W_RATE) || norm_is(s, after, s->L->n_per) ||
                ((is_w(s, after, W_PARTAFTER) || norm_is(s, after, s->L->n_a) ||
                  norm_is(s, after, s->L->n_an)) &&
                 is_time_unit(s, after + 1))) {
                flags |= SL_FF_PARTIAL;
                break;
            }
        }
        /* "a wage rise of 8 percent", "a death toll of 212": the noun
         * before "of" is what the figure measures */
        if (h == NONE32 && t0 >= s->a + 2 && norm_is(s, t0 - 1, s->L->n_of) &&
            (TK(s, t0 - 2)->flags & SL_TOK_WORD) && !(TK(s, t0 - 2)->flags & (SL_TOK_STOP | SL_TOK_CAP)) &&
            s->ent[t0 - 2] == NONE32 && !is_w(s, t0 - 2, W_PARTITIVE | W_UNIT | W_MULT))
            h = (uint32_t)(t0 - 2);
        if (h == NONE32 && ui < 0)
            return 0; /* a bare figure: nothing to compare it by */
        if (TK(s, k)->flags & SL_TOK_WORD && h == NONE32 && ui < 0)
            return 0;
    }
    f = new_fact(s, SL_FK_NUMBER, t0, t1);
    f->anchor0 = (uint32_t)k;
    f->flags |= flags | (range ? SL_FF_RANGE : 0);
    if (age) {
        f->head = AGE_HEAD | age_ent;
        f->head_tok = (uint32_t)(t0 - 2);
    } else {
        set_head(s, f, h);
    }
    {
        double factor = ui >= 0 ? s->L->units[ui].factor : 1;
        double hiv = range ? v2 : v;
        /* rounding: half the last significant place, at most 3% of the figure */
        tol = unitp / 2;
        if (tol > 0.03 * v && unitp > 1)
            tol = 0.03 * v;
        if (unitp <= 1)
            tol = unitp < 1 ? unitp / 2 : 0;
        lo = v - tol;
        hi = hiv + (range ? unit2 / 2 : tol);
        switch (mode) {
        case AP_ABOUT:
            lo = v - (tol > 0.15 * v ? tol : 0.15 * v);
            hi = hiv + (tol > 0.15 * hiv ? tol : 0.15 * hiv);
            break;
        case AP_NEARLY: lo = v * 0.85; break;
        case AP_GT: case AP_GE: hi = HUGE_VAL; break;
        case AP_LT: case AP_LE: lo = 0; break;
        default: break;
        }
        f->dim = ui >= 0 ? s->L->units[ui].dim_id : 0;
        f->point = v * factor;
        f->lo = lo * factor;
        f->hi = hi * factor;
    }
    f->value = span_text(s, t0, t1);
    return t1 - k;
}

/* ------------------------------------------------------------------ actors */

static int is_aux(const scan *s, size_t k)
{
    return in_ids(s->L->aux, s->L->naux, TK(s, k)->norm);
}

static int is_det(const scan *s, size_t k)
{
    return in_ids(s->L->det, s->L->ndet, TK(s, k)->norm);
}

static int possessive(const scan *s, size_t k)
{
    const char *n = tok_norm(s, k);
    size_t len = strlen(n);
    return (len > 2 && n[len - 2] == '\'' && n[len - 1] == 's') || norm_is(s, k + 1, s->L->n_s);
}

typedef struct actors {
    uint32_t ids[16];
    size_t n;
    size_t first, last; /* their tokens */
} actors;

static void add_actor(actors *a, uint32_t id, size_t k)
{
    size_t i;
    for (i = 0; i < a->n; i++)
        if (a->ids[i] == id)
            break;
    if (i == a->n && a->n < 16)
        a->ids[a->n++] = id;
    if (k < a->first)
        a->first = k;
    if (k > a->last || a->last == NONE32)
        a->last = k;
}

/* A noun phrase ending at token e that names an organization ("the coast
 * guard", "the navy's northern command"): its pseudo-entity id. */
static uint32_t np_actor(scan *s, size_t b0, size_t e, size_t *start)
{
    size_t k = e, n = 0;
    const winfo *w = WI(s, e);
    if (!w || !(w->is & W_ORGHEAD) || s->ent[e] != NONE32)
        return NONE32;
    while (k > b0 && n < 4) {
        const sl_token *t = TK(s, k - 1);
        if (!(t->flags & SL_TOK_WORD) || (t->flags & SL_TOK_STOP) || s->ent[k - 1] != NONE32 ||
            is_w(s, k - 1, W_ACTION | W_CLAUSE | W_PASSIVE))
            break;
        k--;
        n++;
    }
    *start = k;
    sl_buf_clear(&s->tmp);
    {
        size_t i;
        for (i = k; i <= e; i++) {
            const char *p = tok_norm(s, i);
            if (i > k)
                sl_buf_putc(&s->tmp, ' ');
            sl_buf_puts(&s->tmp, p);
        }
    }
    return sl_intern_add(s->pseudo, s->tmp.ptr, s->tmp.len);
}

/* The doers before verb v: entities joined by "and" / commas, optionally
 * followed by allowed words ("has", "elected to"); the antecedent of a
 * relative "who".  Returns the count found. */
static size_t doers_before(scan *s, size_t v, actors *a, size_t nents)
{
    size_t k = v;
    int to_chain = 0;
    a->n = 0;
    a->first = NONE32;
    a->last = NONE32;
    /* words between the doer and the verb */
    while (k > s->a) {
        size_t p = k - 1;
        const sl_token *t = TK(s, p);
        if (is_aux(s, p) || norm_is(s, p, s->L->n_not)) {
            k = p;
            continue;
        }
        if (t->flags & SL_TOK_WORD) {
            const char *n = tok_norm(s, p);
            size_t len = strlen(n);
            if (len > 4 && n[len - 2] == 'l' && n[len - 1] == 'y' && s->ent[p] == NONE32) {
                k = p;
                continue;
            }
        }
        /* "X elected to split", "X agreed to sign" */
        if (!to_chain && norm_is(s, p, s->L->n_to) && p > s->a && s->ent[p - 1] == NONE32 &&
            (TK(s, p - 1)->flags & SL_TOK_WORD) && !(TK(s, p - 1)->flags & SL_TOK_STOP)) {
            to_chain = 1;
            k = p - 1;
            continue;
        }
        break;
    }
    if (k <= s->a)
        return 0;
    /* "Commander Erik Holt, who led" */
    if (is_w(s, k - 1, W_RELPRON)) {
        size_t p = k - 1;
        if (p > s->a && norm_is(s, p - 1, s->L->n_comma))
            p--;
        k = p;
        if (k <= s->a)
            return 0;
        if (s->ent[k - 1] == NONE32) {
            size_t st;
            uint32_t id = np_actor(s, s->a, k - 1, &st);
            if (id == NONE32)
                return 0;
            add_actor(a, (uint32_t)nents + id, st);
            return a->n;
        }
    }
    /* entities, "and", commas, "the" */
    while (k > s->a) {
        size_t p = k - 1;
        if (s->ent[p] != NONE32) {
            uint32_t e = s->ent[p];
            size_t q;
            if (possessive(s, p) && a->n == 0 && p + 1 == k)
                return 0; /* "Kim's grandfather": the doer is not Kim */
            while (p > s->a && s->ent[p - 1] == e)
                p--;
            /* "After World War II, the United States ...": a name between
             * a preposition and a comma is not one of the doers */
            q = p;
            if (q > s->a && norm_is(s, q - 1, s->L->n_the))
                q--;
            if (a->n && q > s->a && is_w(s, q - 1, W_PREP) && norm_is(s, k, s->L->n_comma))
                break;
            add_actor(a, e, p);
            k = p;
            continue;
        }
        if (a->n && (norm_is(s, p, s->L->n_and) || norm_is(s, p, s->L->n_comma) ||
                     norm_is(s, p, s->L->n_the) || norm_is(s, p, s->L->n_and2))) {
            k = p;
            continue;
        }
        if (!a->n) {
            size_t st;
            uint32_t id = np_actor(s, s->a, p, &st);
            if (id != NONE32 && !possessive(s, p)) {
                add_actor(a, (uint32_t)nents + id, st);
                k = st;
                continue;
            }
        }
        break;
    }
    return a->n;
}

/* The agents after "by" of a passive verb at v. */
static size_t agents_after(scan *s, size_t v, actors *a, size_t nents)
{
    size_t k = v + 1, n = 0;
    a->n = 0;
    a->first = NONE32;
    a->last = NONE32;
    while (k < s->b && n < 3 && !is_w(s, k, W_AGENT)) {
        const char *p = tok_norm(s, k);
        size_t len = strlen(p);
        if (!(len > 4 && p[len - 2] == 'l' && p[len - 1] == 'y'))
            return 0;
        k++;
        n++;
    }
    if (k >= s->b || !is_w(s, k, W_AGENT))
        return 0;
    /* entities joined by "and", commas and function words ("North Korea and
     * China on one side"); a content word or a clause ends the list */
    for (k = k + 1; k < s->b; k++) {
        const sl_token *t = TK(s, k);
        if (s->ent[k] != NONE32) {
            uint32_t e = s->ent[k];
            size_t st = k;
            while (k + 1 < s->b && s->ent[k + 1] == e)
                k++;
            if (possessive(s, k)) {
                /* "by the navy's northern command": the doer is the command */
                size_t h = k + 1, nw = 0;
                while (h < s->b && nw < 3 && s->ent[h] == NONE32 && (TK(s, h)->flags & SL_TOK_WORD) &&
                       !(TK(s, h)->flags & SL_TOK_STOP) && !is_w(s, h, W_ORGHEAD)) {
                    h++;
                    nw++;
                }
                if (h < s->b && is_w(s, h, W_ORGHEAD) && !a->n) {
                    size_t st2;
                    uint32_t id = np_actor(s, k + 1, h, &st2);
                    if (id != NONE32)
                        add_actor(a, (uint32_t)nents + id, st);
                }
                break;
            }
            add_actor(a, e, st);
            continue;
        }
        if (t->norm == s->L->n_comma) {
            if (!a->n || k + 1 >= s->b)
                break;
            continue;
        }
        if ((t->flags & SL_TOK_PUNCT) || is_w(s, k, W_RELPRON | W_CLAUSE))
            break;
        if (is_w(s, k, W_ORGHEAD) && !a->n) {
            size_t st;
            uint32_t id = np_actor(s, v + 1, k, &st);
            if (id != NONE32 && !possessive(s, k))
                add_actor(a, (uint32_t)nents + id, st);
            break;
        }
        if ((t->flags & SL_TOK_WORD) && !(t->flags & SL_TOK_STOP) && a->n)
            break;
        if ((t->flags & SL_TOK_WORD) && !(t->flags & SL_TOK_STOP) && !a->n &&
            !is_w(s, k + 1, W_ORGHEAD) && !possessive(s, k))
            break;
    }
    return a->n;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void scan_actors(scan *s, size_t nents)
{
    size_t k;
    for (k = s->a; k < s->b; k++) {
        const winfo *w = WI(s, k);
        actors a;
        size_t found, j;
        int passive = 0;
        sl_fact *f;
        if (!w || !(w->is & W_ACTION) || s->ent[k] != NONE32)
            continue;
        if ((TK(s, k)->flags & SL_TOK_CAP) && k > s->a)
            continue;
        if (k > s->a && is_det(s, k - 1))
            continue; /* "the split", "a meeting" */
        /* passive: an auxiliary right before (adverbs allowed) */
        for (j = k; j > s->a && k - j < 4;) {
            j--;
            if (is_w(s, j, W_PASSIVE)) {
                passive = 1;
                break;
            }
            {
                const char *p = tok_norm(s, j);
                size_t len = strlen(p);
                if (!(len > 4 && p[len - 2] == 'l' && p[len - 1] == 'y') && !norm_is(s, j, s->L->n_not))
                    break;
            }
        }
        if (passive)
            found = agents_after(s, k, &a, nents);
        else if (is_w(s, k + 1, W_AGENT))
            found = agents_after(s, k, &a, nents); /* "the treaty, signed by" */
        else
            found = doers_before(s, k, &a, nents);
        if (!found)
            continue;
        /* "if Clinton wins", "had Clinton won": a condition, not a fact */
        {
            size_t q = a.first < k ? a.first : k, steps = 0;
            int cond = 0;
            while (q > s->a && steps < 8) {
                q--;
                steps++;
                if (is_w(s, q, W_COND)) {
                    cond = 1;
                    break;
                }
                if ((TK(s, q)->flags & SL_TOK_PUNCT) || is_w(s, q, W_CLAUSE))
                    break;
            }
            if (cond)
                continue;
        }
        f = new_fact(s, SL_FK_ACTOR, k, k + 1);
        s->used[k - s->a] = 0; /* the verb stays readable as context */
        f->t0 = (uint32_t)(a.first < k ? a.first : k);
        f->t1 = (uint32_t)((a.last > k ? a.last : k) + 1);
        f->anchor0 = (uint32_t)k;
        f->anchor1 = (uint32_t)k + 1;
        f->head_tok = (uint32_t)k;
        f->head = w->action;
        if (w->action >= 1 && w->action <= 64 && (s->L->many & ((uint64_t)1 << (w->action - 1))))
            f->flags |= SL_FF_MANY;
        qsort(a.ids, a.n, sizeof(a.ids[0]), cmp_u32);
        {
            int person = 0, other = 0;
            size_t i;
            uint32_t ids[16];
            size_t nids = 0;
            sl_buf_clear(&s->tmp);
            for (i = 0; i < a.n; i++) {
                const sl_entity *e = a.ids[i] < nents ? sl_entities_get(s->ents, a.ids[i]) : NULL;
                const char *name;
                size_t l, p0, q, nparts = 0;
                char key[256];
                uint32_t nid;
                if (e) {
                    name = e->name;
                } else {
                    name = sl_intern_str(s->pseudo, a.ids[i] - (uint32_t)nents, &l);
                }
                if (e && e->type == SL_ENT_PERSON)
                    person = 1;
                else
                    other = 1;
                /* the value: names in order */
                if (i)
                    sl_buf_puts(&s->tmp, i + 1 == a.n ? " and " : ", ");
                sl_buf_puts(&s->tmp, name);
                /* one id per name, and the words of the name */
                l = strlen(name);
                for (q = 0; q < l && q < sizeof(key) - 1; q++)
                    key[q] = (char)((name[q] >= 'A' && name[q] <= 'Z') ? name[q] - 'A' + 'a' : name[q]);
                key[q] = '\0';
                nid = sl_intern_add(s->names, key, q);
                if (nid >= s->nname_text)
                    SL_PUSH(s->name_text, s->nname_text, s->cname_text, sl_xstrdup(name));
                if (!in_ids(ids, nids, nid))
                    ids[nids++] = nid;
                for (p0 = 0, q = 0; q <= strlen(key); q++) {
                    if (key[q] == ' ' || key[q] == '-' || key[q] == '\0') {
                        if (q > p0 && f->nparts < 8) {
                            uint32_t h = sl_hash_bytes(key + p0, q - p0);
                            if (!in_ids(f->parts, f->nparts, h))
                                f->parts[f->nparts++] = h;
                        }
                        nparts += q > p0;
                        p0 = q + 1;
                    }
                }
                if (e && e->type == SL_ENT_PERSON && nparts == 1)
                    f->flags |= SL_FF_ONENAME;
            }
            f->value = sl_arena_strndup(&s->fs->arena, s->tmp.ptr, s->tmp.len);
            f->atype = person && other ? SL_ACT_MIXED : person ? SL_ACT_PERSON : SL_ACT_OTHER;
            qsort(ids, nids, sizeof(ids[0]), cmp_u32);
            f->ents = sl_arena_alloc(&s->fs->arena, nids * sizeof(*f->ents));
            memcpy(f->ents, ids, nids * sizeof(*f->ents));
            f->nents = (uint32_t)nids;
        }
    }
}

/* ------------------------------------------------------------------ contexts */

typedef struct cterm {
    uint32_t term;
    float w;
} cterm;

static int cmp_cterm(const void *a, const void *b)
{
    const cterm *x = a, *y = b;
    return x->term < y->term ? -1 : x->term > y->term;
}

/* ------------------------------------------------------------------ the set */

int sl_fact_is_prep(sl_ctx *ctx, const sl_doc *d, size_t k)
{
    const lists *L = sl_ctx_resource(ctx, "compare.lists", lists_make, lists_free);
    const winfo *w;
    if (k >= d->ntoks)
        return 0;
    if (d->toks[k].flags & SL_TOK_STOP)
        return 1;
    w = lookup(L, d->toks[k].norm);
    return w && (w->is & W_PREP);
}

const char *sl_fact_dim(sl_ctx *ctx, uint32_t dim)
{
    const lists *L = sl_ctx_resource(ctx, "compare.lists", lists_make, lists_free);
    return dim >= 1 && dim <= L->ndims ? L->dims[dim - 1] : "";
}

const char *sl_fact_kind_name(int kind)
{
    switch (kind) {
    case SL_FK_NUMBER: return "number";
    case SL_FK_DATE: return "date";
    case SL_FK_DURATION: return "duration";
    case SL_FK_ACTOR: return "actor";
    }
    return "";
}

static int year_of_day(double dn)
{
    sl_ymd v;
    sl_ymd_from_days((long)dn, &v);
    return v.y;
}

int sl_facts_extract(sl_ctx *ctx, const sl_svset *sv, const sl_entities *ents, double decay,
                     sl_factset *out)
{
    const lists *L = sl_ctx_resource(ctx, "compare.lists", lists_make, lists_free);
    size_t nents = sl_entities_count(ents), d, i, k;
    size_t nst = sv->nterms, nsent = sv->n;
    uint32_t **tokent;
    uint32_t *edf, *ydf;
    float *eidf, *yidf;
    sl_intern pseudo, names;
    scan s;
    cterm *ct = NULL;
    size_t nct = 0, cct = 0;

    memset(out, 0, sizeof(*out));
    if (decay <= 0)
        decay = SL_FACT_DECAY;
    out->ndocs = sv->ndocs;
    out->doc_first = sl_xcalloc(sv->ndocs + 1, sizeof(*out->doc_first));
    out->nterms = nst + nents + NYEARS;
    sl_intern_init(&pseudo);
    sl_intern_init(&names);

    /* entity of each token */
    tokent = sl_xcalloc(sv->ndocs ? sv->ndocs : 1, sizeof(*tokent));
    for (d = 0; d < sv->ndocs; d++) {
        const sl_doc *doc = sv->docs[d];
        tokent[d] = sl_xmalloc((doc->ntoks ? doc->ntoks : 1) * sizeof(**tokent));
        for (k = 0; k < doc->ntoks; k++)
            tokent[d][k] = NONE32;
    }
    for (i = 0; i < nents; i++) {
        const sl_entity *e = sl_entities_get(ents, i);
        size_t m;
        for (m = 0; m < e->nmentions; m++) {
            const sl_mention *mn = &e->mentions[m];
            const sl_doc *doc;
            size_t lo = 0, hi;
            if (mn->doc >= sv->ndocs)
                continue;
            doc = sv->docs[mn->doc];
            hi = doc->ntoks;
            while (lo < hi) { /* first token ending after the mention's start */
                size_t mid = (lo + hi) / 2;
                if (doc->toks[mid].end <= mn->start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (k = lo; k < doc->ntoks && doc->toks[k].start < mn->end; k++)
                tokent[mn->doc][k] = (uint32_t)i;
        }
    }

    /* facts, sentence by sentence */
    memset(&s, 0, sizeof(s));
    s.ctx = ctx;
    s.L = L;
    s.ents = ents;
    s.fs = out;
    s.pseudo = &pseudo;
    s.names = &names;
    for (d = 0; d < sv->ndocs; d++) {
        const sl_doc *doc = sv->docs[d];
        sl_tpoint dct;
        sl_tx *tx = NULL;
        size_t ntx = 0, cursor = 0;
        out->doc_first[d] = (uint32_t)out->n;
        s.doc = doc;
        s.ent = tokent[d];
        s.docidx = (uint32_t)d;
        /* the article's times, resolved against its own date (or left
         * unresolved when it has none), never the clock */
        sl_doc_date_point(doc, &dct);
        if (doc->text.len)
            sl_tx_tag(ctx, doc->text.ptr, doc->text.len, &dct, &tx, &ntx);
        for (i = 0; i < doc->nsents; i++) {
            const sl_sv *sx = &sv->s[sv->doc_first[d] + i];
            s.a = doc->sent_tok[i];
            s.b = doc->sent_tok[i + 1];
            if (s.b <= s.a || (sx->flags & (SL_SV_DEBRIS | SL_SV_LONG)))
                continue;
            s.sentidx = (uint32_t)i;
            s.sflags = (sx->flags & (SL_SV_TITLE | SL_SV_CAPTION)) ? SL_FF_TITLE : 0;
            s.caption = (sx->flags & SL_SV_CAPTION) != 0;
            s.used = sl_xcalloc(s.b - s.a, 1);
            scan_times(&s, tx, ntx, &cursor);
            for (k = s.a; k < s.b;) {
                size_t r = is_used(&s, k) ? 0 : scan_number(&s, k);
                k += r ? r : 1;
            }
            scan_actors(&s, nents);
            free(s.used);
            s.used = NULL;
        }
        free(tx);
    }
    out->doc_first[sv->ndocs] = (uint32_t)out->n;

    /* document frequencies of entities and years over sentences */
    edf = sl_xcalloc(nents + 1, sizeof(*edf));
    ydf = sl_xcalloc(NYEARS, sizeof(*ydf));
    for (d = 0; d < sv->ndocs; d++) {
        const sl_doc *doc = sv->docs[d];
        for (i = 0; i < doc->nsents; i++) {
            uint32_t prev[8] = {NONE32, NONE32, NONE32, NONE32, NONE32, NONE32, NONE32, NONE32};
            for (k = doc->sent_tok[i]; k < doc->sent_tok[i + 1]; k++) {
                uint32_t e = tokent[d][k];
                if (e != NONE32 && !in_ids(prev, 8, e)) {
                    edf[e]++;
                    memmove(prev + 1, prev, 7 * sizeof(*prev));
                    prev[0] = e;
                }
            }
        }
    }
    for (i = 0; i < out->n; i++) {
        const sl_fact *f = &out->f[i];
        if (f->kind == SL_FK_DATE) {
            int y = year_of_day(f->lo), y2 = year_of_day(f->hi);
            if (y >= YEAR_MIN && y <= YEAR_MAX)
                ydf[y - YEAR_MIN]++;
            if (y2 != y && y2 >= YEAR_MIN && y2 <= YEAR_MAX)
                ydf[y2 - YEAR_MIN]++;
        }
    }
    eidf = sl_xmalloc((nents + 1) * sizeof(*eidf));
    yidf = sl_xmalloc(NYEARS * sizeof(*yidf));
    for (i = 0; i < nents; i++)
        eidf[i] = (float)log(1.0 + (double)nsent / (edf[i] ? edf[i] : 1));
    for (i = 0; i < NYEARS; i++)
        yidf[i] = (float)log(1.0 + (double)nsent / (ydf[i] ? ydf[i] : 1));

    /* contexts: the sentence's stems, entities and other facts' years,
     * weighted by idf and damped with the distance to the fact */
    for (i = 0; i < out->n; i++) {
        sl_fact *f = &out->f[i];
        const sl_doc *doc = sv->docs[f->doc];
        size_t a = doc->sent_tok[f->sent], b = doc->sent_tok[f->sent + 1], j, m;
        double norm = 0;
        nct = 0;
        for (k = a; k < b; k++) {
            const sl_token *t = &doc->toks[k];
            size_t dist;
            uint32_t term;
            float idf, hw;
            if (k >= f->t0 && k < f->t1 && !(f->kind == SL_FK_ACTOR && tokent[f->doc][k] == NONE32))
                continue; /* its own value */
            /* what it counts, or the action, weighs less: heads are matched
             * apart, and every pair with this head would share it */
            hw = k == f->head_tok ? SL_FACT_HEAD_WEIGHT : 1.0f;
            dist = k < f->anchor0 ? f->anchor0 - k : k >= f->anchor1 ? k - f->anchor1 + 1 : 0;
            /* where a count or a span is: a place after a preposition near
             * it ("killed in New Jersey", "customers of Ontario") */
            if (tokent[f->doc][k] != NONE32 && dist <= 10 && f->nlocs < 4 &&
                (f->kind == SL_FK_NUMBER || f->kind == SL_FK_DURATION) &&
                sl_entities_get(ents, tokent[f->doc][k])->type == SL_ENT_LOCATION &&
                !in_ids(f->locs, f->nlocs, tokent[f->doc][k])) {
                size_t p = k;
                while (p > a && tokent[f->doc][p - 1] == tokent[f->doc][k])
                    p--;
                if (p > a && doc->toks[p - 1].norm == L->n_the)
                    p--;
                if (p > a && (doc->toks[p - 1].norm == L->n_of ||
                              ((lookup(L, doc->toks[p - 1].norm) != NULL) &&
                               (lookup(L, doc->toks[p - 1].norm)->is & W_PREP))))
                    f->locs[f->nlocs++] = tokent[f->doc][k];
            }
            /* an entity by its id ("US" = "United States") and by its
             * words ("Armistice Agreement" still shares "armistice") */
            if (tokent[f->doc][k] != NONE32) {
                cterm c;
                c.term = (uint32_t)(nst + tokent[f->doc][k]);
                c.w = hw * (float)(eidf[tokent[f->doc][k]] / (1.0 + (double)dist / decay));
                SL_PUSH(ct, nct, cct, c);
            }
            if ((t->flags & SL_TOK_WORD) && !(t->flags & SL_TOK_STOP)) {
                uint32_t lt = sl_svset_term(sv, t->stem);
                cterm c;
                if (lt == UINT32_MAX)
                    continue;
                term = lt;
                idf = sv->idf[lt];
                c.term = term;
                c.w = hw * (float)(idf / (1.0 + (double)dist / decay));
                if (tokent[f->doc][k] != NONE32)
                    c.w *= 0.5f;
                SL_PUSH(ct, nct, cct, c);
            }
        }
        /* years of the sentence's other dates (its facts are contiguous) */
        for (j = i; j > out->doc_first[f->doc] && out->f[j - 1].sent == f->sent; j--)
            ;
        for (; j < out->n && out->f[j].doc == f->doc && out->f[j].sent == f->sent; j++) {
            const sl_fact *g = &out->f[j];
            size_t dist;
            int y;
            int end;
            if (g == f || g->kind != SL_FK_DATE)
                continue;
            dist = g->t1 <= f->anchor0 ? f->anchor0 - g->t1 + 1 : g->t0 >= f->anchor1 ? g->t0 - f->anchor1 + 1 : 0;
            for (end = 0; end < 2; end++) {
                cterm c;
                y = year_of_day(end ? g->hi : g->lo);
                if (y < YEAR_MIN || y > YEAR_MAX || (end && y == year_of_day(g->lo)))
                    continue;
                c.term = (uint32_t)(nst + nents + (size_t)(y - YEAR_MIN));
                c.w = (float)(yidf[y - YEAR_MIN] / (1.0 + (double)dist / decay));
                SL_PUSH(ct, nct, cct, c);
            }
        }
        if (f->nlocs > 1)
            qsort(f->locs, f->nlocs, sizeof(f->locs[0]), cmp_u32);
        if (nct)
            qsort(ct, nct, sizeof(*ct), cmp_cterm);
        /* one entry per term, the nearest occurrence's weight */
        for (j = 0, m = 0; j < nct; j++) {
            if (m && ct[m - 1].term == ct[j].term) {
                if (ct[j].w > ct[m - 1].w)
                    ct[m - 1].w = ct[j].w;
                continue;
            }
            ct[m++] = ct[j];
        }
        for (j = 0; j < m; j++)
            norm += (double)ct[j].w * ct[j].w;
        norm = norm > 0 ? sqrt(norm) : 1;
        f->head_term = SL_FACT_NONE;
        if (f->head_tok != SL_FACT_NONE && tokent[f->doc][f->head_tok] == NONE32)
            f->head_term = sl_svset_term(sv, doc->toks[f->head_tok].stem);
        f->c0 = (uint32_t)out->nc;
        for (j = 0; j < m; j++) {
            if (out->nc >= out->cc) {
                size_t c2 = out->cc;
                out->cterm = sl_xgrow(out->cterm, &c2, out->nc + 1, sizeof(*out->cterm));
                out->cw = sl_xgrow(out->cw, &out->cc, out->nc + 1, sizeof(*out->cw));
            }
            out->cterm[out->nc] = ct[j].term;
            out->cw[out->nc] = (float)(ct[j].w / norm);
            out->nc++;
        }
        f->c1 = (uint32_t)out->nc;
    }

    /* doers' names */
    out->nnames = s.nname_text;
    out->names = sl_arena_alloc(&out->arena, (out->nnames + 1) * sizeof(*out->names));
    for (i = 0; i < out->nnames; i++) {
        out->names[i] = sl_arena_strndup(&out->arena, s.name_text[i], strlen(s.name_text[i]));
        free(s.name_text[i]);
    }
    free(s.name_text);
    sl_intern_free(&names);
    sl_intern_free(&pseudo);
    for (d = 0; d < sv->ndocs; d++)
        free(tokent[d]);
    free(tokent);
    free(edf);
    free(ydf);
    free(eidf);
    free(yidf);
    free(ct);
    sl_buf_free(&s.tmp);
    return SL_OK;
}

void sl_factset_free(sl_factset *fs)
{
    if (!fs)
        return;
    free(fs->f);
    free(fs->cterm);
    free(fs->cw);
    free(fs->doc_first);
    sl_arena_free(&fs->arena);
    memset(fs, 0, sizeof(*fs));
}

double sl_fact_sim(const sl_factset *fs, const sl_fact *a, const sl_fact *b)
{
    uint32_t i = a->c0, j = b->c0;
    double dot = 0;
    while (i < a->c1 && j < b->c1) {
        if (fs->cterm[i] == fs->cterm[j])
            dot += (double)fs->cw[i++] * fs->cw[j++];
        else if (fs->cterm[i] < fs->cterm[j])
            i++;
        else
            j++;
    }
    return dot;
}

double sl_fact_sim_beyond_head(const sl_factset *fs, const sl_fact *a, const sl_fact *b)
{
    uint32_t i = a->c0, j = b->c0;
    double dot = 0;
    while (i < a->c1 && j < b->c1) {
        if (fs->cterm[i] == fs->cterm[j]) {
            if (fs->cterm[i] != a->head_term && fs->cterm[i] != b->head_term)
                dot += (double)fs->cw[i] * fs->cw[j];
            i++;
            j++;
        }
        else if (fs->cterm[i] < fs->cterm[j])
            i++;
        else
            j++;
    }
    return dot;
}

/* Whether the sentence of fact a holds the head word of fact b. */
static int sentence_has_stem(const sl_svset *sv, const sl_fact *a, uint32_t stem)
{
    const sl_doc *doc = sv->docs[a->doc];
    size_t k;
    for (k = doc->sent_tok[a->sent]; k < doc->sent_tok[a->sent + 1]; k++)
        if (doc->toks[k].stem == stem)
            return 1;
    return 0;
}

int sl_fact_heads_match(const sl_factset *fs, const sl_svset *sv, const sl_fact *a, const sl_fact *b)
{
    (void)fs;
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case SL_FK_DATE:
        return 1;
    case SL_FK_ACTOR:
        return a->head == b->head;
    case SL_FK_NUMBER:
        if (a->dim != b->dim)
            return 0;
        break;
    default:
        break;
    }
    if ((a->head & AGE_HEAD) || (b->head & AGE_HEAD))
        return a->head == b->head;
    if (a->head && b->head) {
        if (a->head == b->head)
            return 1;
        if (a->hclass && a->hclass == b->hclass) {
            unsigned fa = a->flags & (SL_FF_GENERIC | SL_FF_STATE), fb = b->flags & (SL_FF_GENERIC | SL_FF_STATE);
            /* generic and generic, or generic and a state; a kind is a part */
            return (fa == SL_FF_GENERIC && fb) || (fb == SL_FF_GENERIC && fa);
        }
        return 0;
    }
    if (!a->head && !b->head)
        return a->kind == SL_FK_DURATION || a->dim != 0;
    /* one head missing: the other's head word must be in its sentence */
    {
        const sl_fact *with = a->head ? a : b, *without = a->head ? b : a;
        const sl_doc *doc = sv->docs[with->doc];
        if (with->head_tok == SL_FACT_NONE)
            return 0;
        if (without->kind == SL_FK_NUMBER && !without->dim)
            return 0;
        return sentence_has_stem(sv, without, doc->toks[with->head_tok].stem);
    }
}

int sl_fact_close(const sl_fact *a, const sl_fact *b)
{
    double x, y;
    if (a->kind == SL_FK_DATE || a->kind == SL_FK_ACTOR)
        return 1;
    x = a->hi == HUGE_VAL ? a->lo : a->lo <= 0 ? a->hi : a->point;
    y = b->hi == HUGE_VAL ? b->lo : b->lo <= 0 ? b->hi : b->point;
    return fabs(x - y) <= 0.25 * (fabs(x) > fabs(y) ? fabs(x) : fabs(y));
}

int sl_fact_near(const sl_fact *a, const sl_fact *b)
{
    double d, m;
    if (a->kind != b->kind || a->kind == SL_FK_ACTOR ||
        ((a->flags | b->flags) & (SL_FF_PARTIAL | SL_FF_BOUND | SL_FF_RANGE)))
        return 0;
    if (a->kind == SL_FK_DATE) {
        /* adjacent years; days apart are too often two events (the
         * grounding on Tuesday, the rescue on Wednesday) */
        double span = a->hi - a->lo > b->hi - b->lo ? a->hi - a->lo : b->hi - b->lo;
        double gap = a->lo > b->hi ? a->lo - b->hi : b->lo > a->hi ? b->lo - a->hi : 0;
        (void)span;
        return a->prec == SL_PREC_YEAR && b->prec == SL_PREC_YEAR && gap <= 366;
    }
    if (a->hi == HUGE_VAL || b->hi == HUGE_VAL || a->lo <= 0 || b->lo <= 0)
        return 0;
    d = fabs(a->point - b->point);
    m = fabs(a->point) > fabs(b->point) ? fabs(a->point) : fabs(b->point);
    return m > 0 && d <= 0.1 * m;
}

int sl_fact_specific(const sl_fact *f)
{
    switch (f->kind) {
    case SL_FK_DATE:
        return f->prec >= SL_PREC_DAY || (f->flags & SL_FF_RANGE);
    case SL_FK_NUMBER:
    case SL_FK_DURATION:
        return f->hi != HUGE_VAL && f->hi - f->lo <= 0.01 * f->point &&
               (f->kind == SL_FK_NUMBER ? f->point : f->point / f->round) >= 10;
    default:
        return 0;
    }
}

int sl_fact_relate(const sl_fact *a, const sl_fact *b, double slack_days)
{
    double alo = a->lo, ahi = a->hi, blo = b->lo, bhi = b->hi;
    if (a->kind != b->kind)
        return SL_REL_NONE;
    if (a->kind == SL_FK_ACTOR) {
        uint32_t i = 0, j = 0;
        while (i < a->nents && j < b->nents) {
            if (a->ents[i] == b->ents[j])
                return SL_REL_SAME;
            if (a->ents[i] < b->ents[j])
                i++;
            else
                j++;
        }
        /* people whose names share a word may be one the tagger left in two
         * ("Serena Williams", "Venus Williams"?); a person named by one word
         * ("Williams") may be any of several; a person and an organization,
         * or an action many do apart, are never two answers to one question */
        if (a->atype == SL_ACT_PERSON && b->atype == SL_ACT_PERSON)
            for (i = 0; i < a->nparts; i++)
                if (in_ids(b->parts, b->nparts, a->parts[i]))
                    return SL_REL_NONE;
        if (a->atype == SL_ACT_MIXED || a->atype != b->atype ||
            ((a->flags | b->flags) & (SL_FF_MANY | SL_FF_ONENAME)))
            return SL_REL_NONE;
        return SL_REL_CONFLICT;
    }
    /* a part and a whole, a bound and a point, a period and a point are
     * different statements */
    if ((a->flags ^ b->flags) & (SL_FF_PARTIAL | SL_FF_BOUND))
        return SL_REL_NONE;
    if (a->kind == SL_FK_DATE && ((a->flags ^ b->flags) & SL_FF_RANGE))
        return SL_REL_NONE;
    if (a->kind == SL_FK_DATE && (a->flags & SL_FF_RANGE)) {
        /* both ends must agree */
        int start = a->lo <= b->lo_end && b->lo <= a->lo_end;
        int end = a->hi_start <= b->hi && b->hi_start <= a->hi;
        if (start && end)
            return SL_REL_SAME;
        /* one end shared: most often a part of the period, or a count
         * updated ("from 2004 to 2006" and "from 2004 to 2010") */
        if (start || end || ((a->flags | b->flags) & SL_FF_BOUND))
            return SL_REL_NONE;
        return SL_REL_CONFLICT;
    }
    if (a->kind == SL_FK_DURATION) {
        /* an ongoing span grows with the article's date (by at most 2%: a
         * 68-year war is a 69-year war a year later, a 15-hour flight is
         * not a 16-hour one), and "three years" said of 1950-1953 is not
         * exact to the day */
        double big = a->point > b->point ? a->point : b->point;
        double slack = (slack_days < 0.02 * big ? slack_days : 0.02 * big) +
                       0.5 * (a->round > b->round ? a->round : b->round);
        alo -= slack;
        ahi += slack;
    }
    if (alo <= bhi && blo <= ahi)
        return SL_REL_SAME;
    if ((a->flags | b->flags) & (SL_FF_PARTIAL | SL_FF_BOUND | SL_FF_WINDOW))
        return SL_REL_NONE;
    return SL_REL_CONFLICT;
}
