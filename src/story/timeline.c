/*
 * timeline.c: the story's timeline: the dated events its articles tell, each
 * once with every article that tells it, in chronological order; and the
 * dates a digest gives its documents.
 *
 * 1. Candidates.  Each document is tagged (analysis/timex.c) with its date
 *    in the digest as the reference (the override, its own, or the story's:
 *    sl_digest_dates_build).  A DATE or TIME expression whose value is a
 *    known point of time makes a candidate.  Relative expressions
 *    ("Friday", "last year") count only when that date resolves them, so an
 *    undated article never gets an invented date, while "July 27, 1953"
 *    needs nothing.  Left out: durations and sets (no events; "a 68-year
 *    war that began in 1950" still has 1950), PRESENT_REF and its kin, the
 *    article's own date (a broadcast note, a dateline), the date that signs
 *    an embedded post ("(@handle) July 5, 2017"), "since 1953" in a
 *    sentence that dates something else ("the first leader since 1953 to
 *    cross ... Friday"), and clauses without a content word.  A
 *    range ("from 1910 to 1945", "1950-53") is one candidate spanning both
 *    ends.  A time of day becomes its day; every other precision is kept
 *    ("in 2018" and "last year" are years, "this week" a week).  A clause
 *    needs one content word ("She will be sworn in on June 1").
 * 2. Blocks.  Body, quote and list-item sentences make candidates.  A
 *    headline, heading or caption only joins an event the body tells, or
 *    makes one when no body sentence of the story has an overlapping date:
 *    captions repeat the body and are cut from context.
 * 3. Clause.  A sentence of at most 35 words that dates one thing is kept
 *    whole.  Otherwise it is split into parts at breaks: strong ones (";",
 *    ":", a spaced dash, a comma before and, but, or, while, whereas,
 *    although, though, because, before, after, until, when, so, yet) end a
 *    clause, weak ones (another comma; before, after, until, when, while,
 *    because, whereas without a comma) end a phrase.  A sentence over 35
 *    words keeps the clause with the date (and its neighbour clauses while
 *    under 6 words: "On 12 June, 2018, after ..."), then loses trailing
 *    phrases while still over 35 ("..., the first high-level meeting
 *    between ...").  A sentence dating several things loses the parts with
 *    the other dates, and everything beyond such a part unless commas set
 *    it off on both sides ("Brightwater, which was listed in 2004, had
 *    rejected ... in March 2018" keeps "Brightwater had rejected ..."; "...
 *    lives until ... in 1953, signing ... Friday's meeting" keeps only
 *    "signing ..." for Friday).  A relative clause keeps what it relates
 *    to; a clause under 6 words takes its nearest parts back.  A leading
 *    conjunction is dropped and the first letter raised.  Only whole parts
 *    are dropped, so what is left keeps its own words in order.
 * 4. Merging.  Candidates are taken finest date first.  One joins an event
 *    when the dates are compatible (equal, or the coarser contains the
 *    finer: "April 27" and "Friday" resolved to 2018-04-27; "in 1953" and
 *    "27 July, 1953"; a range only with a range, end by end) and the
 *    clauses speak of the same thing: the cosine of their content words
 *    (stems of words and numbers that are no stopwords and no part of a
 *    temporal expression, weighted by log(1 + N/sf) over the story's N
 *    sentences) reaches 0.08 for the same day (SIM_SAME_DAY: within one
 *    story an exact day is strong evidence, and the words of its main event
 *    are in every article, so they weigh little), 0.2 for other equal
 *    dates and when one date is coarser (SIM_EQUAL, SIM_CONTAIN), or 0.5
 *    between two sentences of one article (a repeat); two compatible dates
 *    of one sentence are one event.  An
 *    event keeps the finest date; its text is the clearest clause at that
 *    date (body before caption, no pronoun or conjunction at the start,
 *    8 to 30 words, then the first in input order).
 * 5. Order and salience.  Events are ordered by first day, coarser dates
 *    first on the same day, longer spans first, then by first appearance.
 *    Each gets a salience rank: most sources first, then the earliest
 *    position in its article, then the finer date.  The JSON has every
 *    event; the text and Markdown forms show the SL_TL_TEXT_CAP most
 *    salient, still in chronological order.
 * Linear in the story: at most SL_TL_MAX_CANDIDATES candidates (the first
 * in input order) are considered, each compared with at most
 * SL_TL_MAX_COMPARE events and 8 of each event's clauses.
 */
#include "story/timeline.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/timex.h"
#include "util/buf.h"
#include "util/mem.h"

#define WHOLE_WORDS 35     /* a sentence up to this long that dates one thing stays whole */
#define MIN_WORDS 6        /* a clause shorter than this takes in its neighbour */
#define MIN_TERMS 1        /* content words an event needs */
#define SIM_SAME_DAY 0.08  /* cosine to merge two articles' clauses of the same day */
#define SIM_EQUAL 0.2      /* ... of another equal date (a month, a year) */
#define SIM_CONTAIN 0.2    /* ... when one date is coarser */
#define SIM_REPEAT 0.5     /* ... for two sentences of one article */
#define MEMBERS_COMPARED 8 /* clauses of an event compared with a candidate */
#define NEAR_BYTES 24      /* two dates this close in a sentence may be one ... */
#define NEAR_DAYS 7        /* ... when their days are at most this far apart */

/* ------------------------------------------------------------------ candidates */

typedef struct cand {
    uint32_t doc, sent;       /* where it is */
    size_t a, b;              /* the expression's bytes (a range: from its start to its end) */
    char *text;               /* the clause for readers; owned */
    size_t words;             /* its words */
    sl_tpoint p, q;           /* the date, and a range's end (q.prec NONE otherwise) */
    long f, l;                /* the days covered (a range: its start's first to its end's last) */
    long pf, pl, qf, ql;      /* a range: the days of each end */
    sl_precision prec;        /* the date's precision (a range: its finer end's) */
    char mod[16];             /* TimeML mod of the date */
    int minor;                /* from a headline, heading or caption */
    int range;
    size_t t0, nt;            /* content terms: pool entries [t0, t0 + nt), stems ascending */
    double norm;              /* length of the weighted term vector */
    uint32_t group, next;     /* its event, and the next clause of that event (UINT32_MAX: none) */
} cand;

typedef struct group {
    uint32_t head, tail, n;   /* its clauses, a list through cand.next */
    long f, l, pf, pl, qf, ql; /* the dates of its first (finest) clause */
    sl_precision prec;
    int range;
} group;

typedef struct tl_state {
    sl_ctx *ctx;
    sl_doc *const *docs;
    size_t ndocs;
    cand *c;
    size_t nc, cc;
    uint32_t *term;           /* the pool of content terms */
    size_t nterm, cterm;
    double *idf;              /* per vocabulary id */
    size_t nvoc;
    group *g;
    size_t ng, cg;
} tl_state;

#define NONE32 UINT32_MAX

static int is_content(const sl_token *t)
{
    return (t->flags & (SL_TOK_WORD | SL_TOK_NUMBER)) && !(t->flags & (SL_TOK_STOP | SL_TOK_URL | SL_TOK_TAG));
}

/* Inverse sentence frequencies of the stems over the whole story. */
static void build_idf(tl_state *st)
{
    size_t nv = sl_intern_count(&st->ctx->vocab), i, s, k, total = 0;
    uint32_t *df = sl_xcalloc(nv + 1, sizeof(uint32_t));
    size_t *seen = sl_xcalloc(nv + 1, sizeof(size_t));
    for (i = 0; i < st->ndocs; i++) {
        const sl_doc *d = st->docs[i];
        for (s = 0; s < d->nsents; s++) {
            total++;
            for (k = d->sent_tok[s]; k < d->sent_tok[s + 1]; k++) {
                const sl_token *t = &d->toks[k];
                if (!is_content(t) || t->stem >= nv || seen[t->stem] == total)
                    continue;
                seen[t->stem] = total;
                df[t->stem]++;
            }
        }
    }
    st->nvoc = nv;
    st->idf = sl_xcalloc(nv + 1, sizeof(double));
    for (k = 0; k < nv; k++)
        st->idf[k] = df[k] ? log(1.0 + (double)total / (double)df[k]) : 0.0;
    free(df);
    free(seen);
}

static size_t sentence_of(const sl_doc *d, size_t off)
{
    size_t lo = 0, hi = d->nsents;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->sents[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether an expression gives a known point of time. */
static int usable(const sl_tx *t, long *f, long *l)
{
    if (t->pub.type != SL_TIMEX_DATE && t->pub.type != SL_TIMEX_TIME)
        return 0;
    if ((t->pub.flags & SL_TIMEX_UNRESOLVED) || t->value.prec == SL_PREC_NONE || t->value.y == SL_YEAR_UNKNOWN)
        return 0;
    return sl_tpoint_days(&t->value, f, l) == 0;
}

static int lower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_alpha_ascii(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The length of the word at text[i] when it is one of `list` (ASCII,
 * case-insensitive, whole word), else 0. */
static size_t word_in(const char *t, size_t i, size_t e, const char *const *list)
{
    size_t n = 0, k;
    while (i + n < e && is_alpha_ascii((unsigned char)t[i + n]))
        n++;
    if (!n || (i + n < e && (unsigned char)t[i + n] >= 0x80))
        return 0;
    for (k = 0; list[k]; k++)
        if (strlen(list[k]) == n) {
            size_t j;
            for (j = 0; j < n && lower_ascii((unsigned char)t[i + j]) == list[k][j]; j++)
                ;
            if (j == n)
                return n;
        }
    return 0;
}

static const char *const conjunctions[] = {"and",   "but",     "or",     "while", "whereas", "although",
                                           "though", "because", "before", "after", "until",   "when",
                                           "so",    "yet",     NULL};
static const char *const relatives[] = {"which", "who", "whom", "whose", "where", NULL};
static const char *const coordinators[] = {"and", "but", "or", "so", "yet", NULL};
static const char *const subordinators[] = {"after", "before", "until", "when", "while", "because", "whereas",
                                            NULL};
static const char *const danglers[] = {"he",   "she",   "it",  "they", "his",  "her", "its", "their", "this",
                                       "that", "these", "those", "we", "and", "but", "so",  "also",  NULL};
static const char *const since_word[] = {"since", NULL};

/* Whether the word right before text[a] is "since". */
static int after_since(const char *t, size_t lo, size_t a)
{
    size_t i = a, e;
    while (i > lo && t[i - 1] == ' ')
        i--;
    e = i;
    while (i > lo && is_alpha_ascii((unsigned char)t[i - 1]))
        i--;
    return e - i == 5 && word_in(t, i, e, since_word) == 5;
}

/* Whether the date at text[a] signs an embedded post: "— Name (@handle)
 * July 5, 2017" dates the post, not an event. */
static int after_handle(const char *t, size_t lo, size_t a)
{
    size_t i = a, k;
    while (i > lo && t[i - 1] == ' ')
        i--;
    if (i == lo || t[i - 1] != ')')
        return 0;
    for (k = i - 1; k > lo && i - k < 40; k--)
        if (t[k - 1] == '(')
            return t[k] == '@';
    return 0;
}

static size_t count_words(const char *t, size_t a, size_t b)
{
    size_t i, n = 0;
    int in = 0;
    for (i = a; i < b; i++) {
        char ch = t[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            in = 0;
        } else if (!in) {
            in = 1;
            n++;
        }
    }
    return n;
}

/* ------------------------------------------------------------------ clauses */

typedef struct brk {
    size_t end, start; /* the part before ends at `end`, the part after starts at `start` */
    int strong;        /* between clauses, not inside one */
    int comma;         /* a comma: what it bounds can be dropped from a middle */
} brk;

typedef struct span {
    size_t a, b;
} span;

static int inside(const span *sp, size_t n, size_t pos)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (pos >= sp[i].a && pos < sp[i].b)
            return 1;
    return 0;
}

/* The clause breaks of text[ss, se), none inside an expression, in order. */
static size_t find_breaks(const char *t, size_t ss, size_t se, const span *ex, size_t nex, brk *out, size_t cap)
{
    size_t i, n = 0;
    for (i = ss; i < se && n < cap; i++) {
        unsigned char ch = (unsigned char)t[i];
        brk b;
        if (ch == ' ' && i > ss && t[i - 1] != ',' && !inside(ex, nex, i + 1)) {
            /* " after ", " until ": a weak break before the subordinate clause */
            size_t wl = word_in(t, i + 1, se, subordinators);
            if (wl && i + 1 + wl < se && t[i + 1 + wl] == ' ' &&
                (is_alpha_ascii((unsigned char)t[i - 1]) || (t[i - 1] >= '0' && t[i - 1] <= '9'))) {
                b.end = i;
                b.start = i + 1;
                b.strong = 0;
                b.comma = 0;
                if (!n || out[n - 1].start <= b.end)
                    out[n++] = b;
            }
            continue;
        }
        if (ch != ';' && ch != ':' && ch != ',' && ch != '-' && ch != 0xE2)
            continue;
        if (inside(ex, nex, i))
            continue;
        b.end = i;
        b.strong = 1;
        b.comma = ch == ',';
        if (ch == ';' || ch == ':') {
            if (ch == ':' && i + 1 < se && t[i + 1] >= '0' && t[i + 1] <= '9')
                continue; /* 10:30 */
            b.start = i + 1;
        } else if (ch == ',') {
            size_t j = i + 1;
            if (j < se && t[j] != ' ' && t[j] != '\n')
                continue; /* 28,000 */
            while (j < se && (t[j] == ' ' || t[j] == '\n'))
                j++;
            b.start = j; /* a conjunction goes with what follows (and is dropped from a clause's start) */
            b.strong = word_in(t, j, se, conjunctions) > 0;
        } else if (ch == '-') {
            size_t j = i; /* " - " or " -- " */
            while (j < se && t[j] == '-')
                j++;
            if (i == ss || t[i - 1] != ' ' || j >= se || t[j] != ' ')
                continue;
            b.end = i - 1;
            b.start = j + 1;
            i = j;
        } else {
            /* a spaced en or em dash */
            if (i + 3 >= se || (unsigned char)t[i + 1] != 0x80 ||
                ((unsigned char)t[i + 2] != 0x93 && (unsigned char)t[i + 2] != 0x94))
                continue;
            if (i == ss || t[i - 1] != ' ' || t[i + 3] != ' ')
                continue;
            b.end = i - 1;
            b.start = i + 4;
            i += 3;
        }
        if (n && b.end < out[n - 1].start)
            continue;
        out[n++] = b;
    }
    return n;
}

#define MAX_PARTS 256

/* A part of a sentence between breaks, and the clause it belongs to. */
typedef struct part {
    size_t s, e;
    size_t seg;      /* strong breaks before it: parts of one clause share it */
    size_t words;
    int other;       /* it holds a date of something else */
    int comma_before, comma_after; /* bounded by commas */
} part;

static int holds(const span *sp, size_t n, size_t lo, size_t hi)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (sp[i].a < hi && sp[i].b > lo)
            return 1;
    return 0;
}

static size_t kept_words(const part *pt, const unsigned char *on, size_t n)
{
    size_t k, w = 0;
    for (k = 0; k < n; k++)
        if (on[k])
            w += pt[k].words;
    return w;
}

/* The clause of sentence [ss, se) that carries the expression [a, b)
 * (rule 3 of the header), as byte ranges in order: keep[0 .. return).
 * `ex` are the expressions of the sentence, `other` those that date
 * something else.  keep has room for MAX_PARTS ranges. */
static size_t clause_of(const char *t, size_t ss, size_t se, size_t a, size_t b, const span *ex, size_t nex,
                        const span *other, size_t nother, span *keep)
{
    brk br[MAX_PARTS - 1];
    part pt[MAX_PARTS];
    unsigned char on[MAX_PARTS];
    size_t nbr, npt = 0, k, ka, kb, cur = ss, seg = 0, nkeep = 0, words = count_words(t, ss, se);
    size_t last = b > a ? b - 1 : a;
    if (words <= WHOLE_WORDS && !nother) {
        keep[0].a = ss;
        keep[0].b = se;
        return 1;
    }
    nbr = find_breaks(t, ss, se, ex, nex, br, MAX_PARTS - 1);
    for (k = 0; k <= nbr; k++) {
        pt[npt].s = cur;
        pt[npt].e = k < nbr ? br[k].end : se;
        pt[npt].seg = seg;
        pt[npt].words = count_words(t, pt[npt].s, pt[npt].e);
        pt[npt].other = holds(other, nother, pt[npt].s, pt[npt].e);
        pt[npt].comma_before = k > 0 && br[k - 1].comma;
        pt[npt].comma_after = k < nbr && br[k].comma;
        npt++;
        if (k < nbr) {
            cur = br[k].start;
            seg += br[k].strong;
        }
    }
    for (ka = 0; ka + 1 < npt && pt[ka + 1].s <= a; ka++)
        ;
    for (kb = ka; kb + 1 < npt && pt[kb + 1].s <= last; kb++)
        ;
    memset(on, 1, npt);
    /* a long sentence: the clause (between strong breaks) with the date,
     * and its neighbour clauses while it is a fragment ("On 12 June, 2018,
     * after ...") */
    if (words > WHOLE_WORDS) {
        size_t s0 = pt[ka].seg, s1 = pt[kb].seg, w = 0;
        for (k = 0; k < npt; k++)
            if (pt[k].seg >= s0 && pt[k].seg <= s1)
                w += pt[k].words;
        while (w < MIN_WORDS && (s0 > 0 || s1 < pt[npt - 1].seg)) {
            size_t add = s1 < pt[npt - 1].seg ? s1 + 1 : s0 - 1;
            for (k = 0; k < npt; k++)
                if (pt[k].seg == s0 - 1 && s0 > 0 && pt[k].other)
                    break;
            if (k == npt && s0 > 0)
                add = s0 - 1; /* the clause before, unless it dates something else */
            for (k = 0; k < npt; k++)
                if (pt[k].seg == add)
                    w += pt[k].words;
            if (add < s0)
                s0 = add;
            else
                s1 = add;
        }
        for (k = 0; k < npt; k++)
            if (pt[k].seg < s0 || pt[k].seg > s1)
                on[k] = 0;
    }
    /* a sentence of several dates: the parts with the others go, and what
     * lies beyond them unless they are set off by commas (an apposition
     * can leave a middle; "... until X in 1953, signing ..." cannot) */
    for (k = 0; k < npt; k++) {
        size_t m;
        if ((k >= ka && k <= kb) || !pt[k].other)
            continue;
        on[k] = 0;
        if (pt[k].comma_before && pt[k].comma_after)
            continue; /* set off by commas: what lies beyond stays */
        if (k < ka)
            for (m = 0; m < k; m++)
                on[m] = 0;
        else
            for (m = k + 1; m < npt; m++)
                on[m] = 0;
    }
    /* still long: trailing phrases go */
    for (k = npt; k > kb + 1 && kept_words(pt, on, npt) > WHOLE_WORDS; k--) {
        if (!on[k - 1])
            continue;
        on[k - 1] = 0;
        if (kept_words(pt, on, npt) < MIN_WORDS) {
            on[k - 1] = 1;
            break;
        }
    }
    /* a relative clause needs what it relates to ("the 2011 election, which
     * followed ... in 2010") */
    for (k = 1; k < npt; k++)
        if (on[k] && !on[k - 1] && word_in(t, pt[k].s, pt[k].e, relatives)) {
            size_t m = k;
            while (m > 0 && !on[m - 1]) {
                on[m - 1] = 1;
                m--;
                if (!pt[m].comma_before)
                    break;
            }
            break;
        }
    /* too short: the nearest parts come back, those without other dates first */
    while (kept_words(pt, on, npt) < MIN_WORDS) {
        size_t best = npt, dist = 0, pass;
        for (pass = 0; pass < 2 && best == npt; pass++)
            for (k = 0; k < npt; k++) {
                size_t d = k < ka ? ka - k : k > kb ? k - kb : 0;
                if (on[k] || (pass == 0 && pt[k].other))
                    continue;
                if (best == npt || d < dist || (d == dist && k < best)) {
                    best = k;
                    dist = d;
                }
            }
        if (best == npt)
            break;
        on[best] = 1;
    }
    for (k = 0; k < npt; k++) {
        if (!on[k])
            continue;
        if (nkeep && on[k - 1])
            keep[nkeep - 1].b = pt[k].e; /* adjacent: the break between stays */
        else {
            keep[nkeep].a = pt[k].s;
            keep[nkeep].b = pt[k].e;
            nkeep++;
        }
    }
    return nkeep;
}

static int is_ws(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

static int is_edge_punct(char ch)
{
    return ch == ',' || ch == ';' || ch == ':' || ch == '-';
}

/* Writes the clause for readers: its ranges joined by one space, white
 * space runs made one space, no punctuation at either end, no leading
 * conjunction when it was cut from its sentence, and then a capital.
 * Returns a NUL-terminated string (caller frees). */
static char *clause_text(const char *t, size_t ss, const span *keep, size_t nkeep)
{
    sl_buf b = SL_BUF_INIT;
    size_t r, i;
    int space = 0, cut = nkeep && keep[0].a > ss;
    for (r = 0; r < nkeep; r++) {
        size_t cs = keep[r].a, ce = keep[r].b;
        while (cs < ce && (is_ws(t[cs]) || is_edge_punct(t[cs])))
            cs++;
        if (r == 0) {
            /* "And he could ...", or a cut clause's "after ..." */
            size_t n = word_in(t, cs, ce, cut ? conjunctions : coordinators);
            if (n && cs + n < ce && t[cs + n] == ' ') {
                cs += n + 1;
                cut = 1;
            }
        }
        while (ce > cs && (is_ws(t[ce - 1]) || (r + 1 < nkeep && is_edge_punct(t[ce - 1]))))
            ce--;
        if (r + 1 == nkeep)
            while (ce > cs && (is_ws(t[ce - 1]) || is_edge_punct(t[ce - 1])))
                ce--;
        if (b.len && cs < ce)
            space = 1;
        for (i = cs; i < ce; i++) {
            char ch = t[i];
            if (is_ws(ch)) {
                space = 1;
                continue;
            }
            if (space && b.len)
                sl_buf_putc(&b, ' ');
            space = 0;
            if (!b.len && cut && ch >= 'a' && ch <= 'z')
                ch = (char)(ch - 32);
            sl_buf_putc(&b, ch);
        }
    }
    sl_buf_puts(&b, "");
    return sl_buf_detach(&b);
}

/* ------------------------------------------------------------------ per document */

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* The content terms of the ranges keep[0 .. nkeep) of the candidate's
 * sentence, none inside a temporal expression (tx, in text order). */
static void add_terms(tl_state *st, cand *c, const sl_doc *d, const sl_tx *tx, size_t ntx, const span *keep,
                      size_t nkeep)
{
    size_t lo = d->sent_tok[c->sent], hi = d->sent_tok[c->sent + 1], k, j = 0, r = 0, n0 = st->nterm, i, w;
    double norm = 0;
    c->t0 = n0;
    c->nt = 0;
    c->norm = 0;
    if (!nkeep)
        return;
    while (lo < hi) { /* the first token of the first range */
        size_t mid = lo + (hi - lo) / 2;
        if (d->toks[mid].start < keep[0].a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (k = lo; k < d->sent_tok[c->sent + 1]; k++) {
        const sl_token *tok = &d->toks[k];
        while (r < nkeep && keep[r].b <= tok->start)
            r++;
        if (r == nkeep)
            break;
        if (tok->start < keep[r].a || tok->end > keep[r].b || !is_content(tok) || tok->stem >= st->nvoc)
            continue;
        while (j < ntx && tx[j].pub.end <= tok->start)
            j++;
        if (j < ntx && tx[j].pub.start < tok->end)
            continue;
        if (st->nterm == st->cterm)
            st->term = sl_xgrow(st->term, &st->cterm, st->nterm + 1, sizeof(uint32_t));
        st->term[st->nterm++] = tok->stem;
    }
    if (st->nterm > n0)
        qsort(st->term + n0, st->nterm - n0, sizeof(uint32_t), cmp_u32);
    for (i = n0, w = n0; i < st->nterm; i++)
        if (w == n0 || st->term[w - 1] != st->term[i])
            st->term[w++] = st->term[i];
    st->nterm = w;
    for (i = n0; i < w; i++)
        norm += st->idf[st->term[i]] * st->idf[st->term[i]];
    c->nt = w - n0;
    c->norm = sqrt(norm);
}

/* One dated expression (or range) of a document, before its clause. */
typedef struct proto {
    size_t k, pair;      /* expression index, and a range's end index (SIZE_MAX: none) */
    size_t a, b;
    long f, l;
    size_t sent;
    int dropped;         /* told again, more precisely, right beside it */
} proto;

#define MAX_SENT_BYTES 4096 /* a longer "sentence" (a splitting failure) is read ... */
#define WINDOW_BYTES 600    /* ... this far around each date */
#define MAX_PER_SENTENCE 32 /* dates of one sentence considered */

/* Where a sentence's text starts once a dateline at its head
 * ("DUNMOOR, June 3 (Valley Herald) - ") is passed; `own_b` is the end of
 * the article's own date found in it. */
static size_t past_dateline(const char *t, size_t ss, size_t se, size_t own_b)
{
    size_t i = own_b;
    while (i < se && t[i] == ' ')
        i++;
    if (i < se && t[i] == '(') {
        size_t j = i;
        while (j < se && j - i < 60 && t[j] != ')')
            j++;
        if (j >= se || t[j] != ')')
            return ss;
        i = j + 1;
        while (i < se && t[i] == ' ')
            i++;
    }
    if (i < se && (t[i] == '-' || t[i] == '|' || t[i] == ':')) {
        while (i < se && (t[i] == '-' || t[i] == '|' || t[i] == ':'))
            i++;
        return i;
    }
    if (i + 2 < se && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94))
        return i + 3;
    return ss;
}

/* The candidates of one sentence: pr[0 .. np) are its dates. */
static void sentence_candidates(tl_state *st, uint32_t di, const sl_tx *tx, size_t ntx, const unsigned char *own,
                                const proto *pr, size_t np)
{
    const sl_doc *d = st->docs[di];
    const char *text = sl_buf_cstr(&d->text);
    const sl_sentence *se = &d->sents[pr[0].sent];
    size_t ss = se->start, x0 = 0, x1, j, m, k;
    span *ex, other[MAX_PER_SENTENCE], *keep = sl_xcalloc(MAX_PARTS, sizeof(span));
    if (np > MAX_PER_SENTENCE)
        np = MAX_PER_SENTENCE;
    while (x0 < ntx && tx[x0].pub.end <= se->start)
        x0++;
    for (x1 = x0; x1 < ntx && tx[x1].pub.start < se->end; x1++)
        if (own[x1] && tx[x1].pub.start < ss + 80 && tx[x1].pub.end < pr[0].a)
            ss = past_dateline(text, ss, se->end, tx[x1].pub.end);
    ex = sl_xcalloc(x1 - x0 + 1, sizeof(span));
    for (j = 0; j < np && st->nc < SL_TL_MAX_CANDIDATES; j++) {
        const proto *p = &pr[j];
        const sl_tx *t = &tx[p->k];
        size_t nother = 0, nex = 0, nkeep, ws = ss, we = se->end;
        cand c;
        if (we - ws > MAX_SENT_BYTES) { /* read a window, cut at spaces */
            if (p->a > ws + WINDOW_BYTES)
                ws = p->a - WINDOW_BYTES;
            if (p->b + WINDOW_BYTES < we)
                we = p->b + WINDOW_BYTES;
            while (ws < p->a && text[ws] != ' ')
                ws++;
            while (we > p->b && text[we - 1] != ' ')
                we--;
        }
        for (k = x0; k < x1; k++)
            if (tx[k].pub.start >= ws && tx[k].pub.end <= we) {
                ex[nex].a = tx[k].pub.start;
                ex[nex].b = tx[k].pub.end;
                nex++;
            }
        for (m = 0; m < np; m++)
            if (m != j && !(pr[m].f == p->f && pr[m].l == p->l) && pr[m].a >= ws && pr[m].b <= we) {
                other[nother].a = pr[m].a;
                other[nother].b = pr[m].b;
                nother++;
            }
        if ((nother && after_since(text, ws, p->a)) || after_handle(text, ws, p->a))
            continue;
        memset(&c, 0, sizeof(c));
        c.doc = di;
        c.sent = (uint32_t)p->sent;
        c.a = p->a;
        c.b = p->b;
        c.p = t->value;
        sl_tpoint_truncate(&c.p, SL_PREC_DAY);
        c.f = p->f;
        c.l = p->l;
        c.prec = c.p.prec;
        /* a mod qualifies a span ("early 2019"), not a day or a time of it
         * ("about 1:30 a.m.") */
        if (c.prec <= SL_PREC_MONTH && t->pub.type == SL_TIMEX_DATE)
            snprintf(c.mod, sizeof(c.mod), "%s", t->pub.mod);
        c.minor = se->kind == SL_BLOCK_TITLE || se->kind == SL_BLOCK_HEADING || se->kind == SL_BLOCK_CAPTION;
        if (p->pair != SIZE_MAX) {
            c.range = 1;
            c.q = tx[p->pair].value;
            sl_tpoint_truncate(&c.q, SL_PREC_DAY);
            usable(t, &c.pf, &c.pl);
            usable(&tx[p->pair], &c.qf, &c.ql);
            if (c.q.prec > c.prec)
                c.prec = c.q.prec;
        }
        nkeep = clause_of(text, ws, we, p->a, p->b, ex, nex, other, nother, keep);
        /* what it is about: the sentence when it dates one thing, else the clause */
        if (!nother) {
            span whole;
            whole.a = ws;
            whole.b = we;
            add_terms(st, &c, d, tx, ntx, &whole, 1);
        } else {
            add_terms(st, &c, d, tx, ntx, keep, nkeep);
        }
        if (c.nt < MIN_TERMS) {
            st->nterm = c.t0;
            continue;
        }
        c.text = clause_text(text, ws, keep, nkeep);
        c.words = count_words(c.text, 0, strlen(c.text));
        c.group = c.next = NONE32;
        SL_PUSH(st->c, st->nc, st->cc, c);
    }
    free(ex);
    free(keep);
}

static void doc_candidates(tl_state *st, uint32_t di, const sl_tpoint *dct)
{
    sl_doc *d = st->docs[di];
    const char *text = sl_buf_cstr(&d->text);
    sl_tx *tx = NULL;
    size_t ntx = 0, k, np = 0, cp = 0, i, j;
    unsigned char *ok, *used, *own;
    proto *pr = NULL;
    const sl_tpoint *ref = dct && dct->prec != SL_PREC_NONE && dct->y != SL_YEAR_UNKNOWN ? dct : NULL;
    if (!d->nsents || st->nc >= SL_TL_MAX_CANDIDATES)
        return;
    sl_tx_tag(st->ctx, text, d->text.len, ref, &tx, &ntx);
    ok = sl_xcalloc(ntx + 1, 1);
    used = sl_xcalloc(ntx + 1, 1);
    own = sl_xcalloc(ntx + 1, 1);
    for (k = 0; k < ntx; k++) {
        long f, l;
        if (!usable(&tx[k], &f, &l))
            continue;
        own[k] = (unsigned char)sl_is_own_date(st->ctx, text, d->text.len, tx[k].pub.start, tx[k].pub.end);
        ok[k] = !own[k];
    }
    for (k = 0; k < ntx; k++) {
        proto p;
        long f1 = 0, l1 = 0, f2 = 0, l2 = 0;
        if (!ok[k] || used[k] || !usable(&tx[k], &f1, &l1))
            continue;
        memset(&p, 0, sizeof(p));
        p.k = k;
        p.pair = SIZE_MAX;
        p.a = tx[k].pub.start;
        p.b = tx[k].pub.end;
        p.f = f1;
        p.l = l1;
        if ((tx[k].pub.flags & SL_TIMEX_RANGE) && tx[k].pub.pair > (long)k && (size_t)tx[k].pub.pair < ntx &&
            ok[tx[k].pub.pair]) {
            size_t e = (size_t)tx[k].pub.pair;
            if (usable(&tx[e], &f2, &l2) && l2 > l1 && f2 >= f1) {
                p.pair = e;
                p.b = tx[e].pub.end;
                p.l = l2;
                used[e] = 1;
            }
        }
        p.sent = sentence_of(d, p.a);
        if (p.sent >= d->nsents || d->sents[p.sent].start > p.a || d->sents[p.sent].end < p.b)
            continue; /* across sentences: a splitting accident */
        SL_PUSH(pr, np, cp, p);
    }
    /* two dates told together in one sentence ("Sixty-five years ago this
     * week, on 27 July, 1953"; "in July, on the 27th") are one: the finer
     * stays, when they nearly agree (one inside the other, or a week apart) */
    for (i = 0; i + 1 < np; i++) {
        proto *x = &pr[i], *y = &pr[i + 1];
        if (x->sent != y->sent || x->pair != SIZE_MAX || y->pair != SIZE_MAX || y->a < x->b ||
            y->a - x->b > NEAR_BYTES || x->dropped || y->dropped)
            continue;
        if (x->l + NEAR_DAYS < y->f || y->l + NEAR_DAYS < x->f)
            continue;
        if (tx[x->k].value.prec == tx[y->k].value.prec && !(x->f == y->f && x->l == y->l))
            continue;
        if (tx[x->k].value.prec < tx[y->k].value.prec)
            x->dropped = 1;
        else
            y->dropped = 1;
    }
    for (i = 0, j = 0; i < np; i++)
        if (!pr[i].dropped)
            pr[j++] = pr[i];
    np = j;
    for (i = 0; i < np && st->nc < SL_TL_MAX_CANDIDATES;) {
        size_t e = i;
        while (e < np && pr[e].sent == pr[i].sent)
            e++;
        sentence_candidates(st, di, tx, ntx, own, pr + i, e - i);
        i = e;
    }
    free(pr);
    free(ok);
    free(used);
    free(own);
    free(tx);
}

/* ------------------------------------------------------------------ merging */

static double cosine(const tl_state *st, const cand *x, const cand *y)
{
    const uint32_t *a = st->term + x->t0, *b = st->term + y->t0;
    size_t i = 0, j = 0;
    double dot = 0;
    if (x->norm <= 0 || y->norm <= 0)
        return 0;
    while (i < x->nt && j < y->nt) {
        if (a[i] < b[j]) {
            i++;
        } else if (a[i] > b[j]) {
            j++;
        } else {
            dot += st->idf[a[i]] * st->idf[a[i]];
            i++, j++;
        }
    }
    return dot / (x->norm * y->norm);
}

/* How well candidate c fits event g: the best score over its clauses that
 * passes the threshold of the pair, or -1. */
static double fit(const tl_state *st, const cand *c, const group *g)
{
    uint32_t m;
    size_t seen = 0;
    double best = -1;
    int equal = g->prec == c->prec && g->f == c->f && g->l == c->l;
    for (m = g->head; m != NONE32 && seen < MEMBERS_COMPARED; m = st->c[m].next, seen++) {
        const cand *o = &st->c[m];
        double s, need;
        if (o->doc == c->doc && o->sent == c->sent)
            return 2.0; /* two dates of one sentence: one event */
        s = cosine(st, c, o);
        need = o->doc == c->doc ? SIM_REPEAT : !equal ? SIM_CONTAIN : c->prec >= SL_PREC_DAY ? SIM_SAME_DAY : SIM_EQUAL;
        if (s >= need && s > best)
            best = s;
    }
    return best;
}

static void join(tl_state *st, uint32_t ci, uint32_t gi)
{
    group *g = &st->g[gi];
    st->c[ci].group = gi;
    st->c[ci].next = NONE32;
    st->c[g->tail].next = ci;
    g->tail = ci;
    g->n++;
}

static uint32_t new_group(tl_state *st, uint32_t ci)
{
    const cand *c = &st->c[ci];
    group g;
    memset(&g, 0, sizeof(g));
    g.head = g.tail = ci;
    g.n = 1;
    g.f = c->f, g.l = c->l, g.pf = c->pf, g.pl = c->pl, g.qf = c->qf, g.ql = c->ql;
    g.prec = c->prec;
    g.range = c->range;
    SL_PUSH(st->g, st->ng, st->cg, g);
    st->c[ci].group = (uint32_t)(st->ng - 1);
    return (uint32_t)(st->ng - 1);
}

/* Processing order: single dates before ranges, finest first, body before
 * captions, then by days and input order. */
typedef struct pkey {
    int range, prec, minor;
    long f, l;
    uint32_t i;
} pkey;

static int cmp_process(const void *x, const void *y)
{
    const pkey *a = x, *b = y;
    if (a->range != b->range)
        return a->range - b->range;
    if (a->prec != b->prec)
        return a->prec > b->prec ? -1 : 1;
    if (a->minor != b->minor)
        return a->minor - b->minor;
    if (a->f != b->f)
        return a->f < b->f ? -1 : 1;
    if (a->l != b->l)
        return a->l < b->l ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* The index of point events by first day. */
typedef struct gkey {
    long f;
    uint32_t g;
} gkey;

static int cmp_gkey(const void *x, const void *y)
{
    const gkey *a = x, *b = y;
    if (a->f != b->f)
        return a->f < b->f ? -1 : 1;
    return a->g < b->g ? -1 : a->g > b->g;
}

/* Whether a body candidate's dates overlap [f, l]: body intervals sorted by
 * first day with the running maximum of their last days. */
typedef struct body_index {
    long *f, *maxl;
    size_t n;
} body_index;

static int cmp_long(const void *x, const void *y)
{
    long a = *(const long *)x, b = *(const long *)y;
    return a < b ? -1 : a > b;
}

static void body_index_build(const tl_state *st, body_index *bi)
{
    size_t i, n = 0;
    long *pairs = sl_xcalloc(2 * st->nc + 2, sizeof(long));
    for (i = 0; i < st->nc; i++)
        if (!st->c[i].minor) {
            pairs[2 * n] = st->c[i].f;
            pairs[2 * n + 1] = st->c[i].l;
            n++;
        }
    qsort(pairs, n, 2 * sizeof(long), cmp_long);
    bi->n = n;
    bi->f = sl_xcalloc(n + 1, sizeof(long));
    bi->maxl = sl_xcalloc(n + 1, sizeof(long));
    for (i = 0; i < n; i++) {
        bi->f[i] = pairs[2 * i];
        bi->maxl[i] = i && bi->maxl[i - 1] > pairs[2 * i + 1] ? bi->maxl[i - 1] : pairs[2 * i + 1];
    }
    free(pairs);
}

static int body_overlaps(const body_index *bi, long f, long l)
{
    size_t lo = 0, hi = bi->n;
    while (lo < hi) { /* the number of intervals starting on or before l */
        size_t mid = lo + (hi - lo) / 2;
        if (bi->f[mid] <= l)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && bi->maxl[lo - 1] >= f;
}

static int contains(long f, long l, long f2, long l2)
{
    return f <= f2 && l2 <= l;
}

static void merge(tl_state *st)
{
    pkey *order = sl_xcalloc(st->nc + 1, sizeof(pkey));
    gkey *index = sl_xcalloc(st->nc + 1, sizeof(gkey));
    size_t nindex = 0, i, level_start = 0;
    body_index bi;
    int level_prec = -1, level_minor = -1;
    for (i = 0; i < st->nc; i++) {
        const cand *c = &st->c[i];
        order[i].range = c->range;
        order[i].prec = (int)c->prec;
        order[i].minor = c->minor;
        order[i].f = c->f;
        order[i].l = c->l;
        order[i].i = (uint32_t)i;
    }
    qsort(order, st->nc, sizeof(pkey), cmp_process);
    body_index_build(st, &bi);
    for (i = 0; i < st->nc; i++) {
        uint32_t ci = order[i].i, best_g = NONE32;
        const cand *c = &st->c[ci];
        double best = -1;
        size_t checked = 0, k;
        if (!c->range && ((int)c->prec != level_prec || c->minor != level_minor)) {
            /* a new level: the events made so far go into the index */
            for (k = level_start; k < st->ng; k++)
                if (!st->g[k].range) {
                    index[nindex].f = st->g[k].f;
                    index[nindex].g = (uint32_t)k;
                    nindex++;
                }
            level_start = st->ng;
            qsort(index, nindex, sizeof(gkey), cmp_gkey);
            level_prec = (int)c->prec;
            level_minor = c->minor;
        }
        if (!c->range) {
            size_t lo = 0, hi = nindex;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (index[mid].f < c->f)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (k = lo; k < nindex && index[k].f <= c->l && checked < SL_TL_MAX_COMPARE; k++) {
                const group *g = &st->g[index[k].g];
                double s;
                if (!contains(c->f, c->l, g->f, g->l))
                    continue;
                checked++;
                s = fit(st, c, g);
                if (s > best) {
                    best = s;
                    best_g = index[k].g;
                }
            }
            /* events of this level: equal dates, the latest made last */
            for (k = st->ng; k > level_start && checked < SL_TL_MAX_COMPARE; k--) {
                const group *g = &st->g[k - 1];
                double s;
                if (g->f != c->f || g->l != c->l)
                    break;
                checked++;
                s = fit(st, c, g);
                if (s > best) {
                    best = s;
                    best_g = (uint32_t)(k - 1);
                }
            }
        } else {
            for (k = st->ng; k > 0 && checked < SL_TL_MAX_COMPARE; k--) {
                const group *g = &st->g[k - 1];
                double s;
                if (!g->range)
                    continue;
                checked++;
                if (!(contains(c->pf, c->pl, g->pf, g->pl) || contains(g->pf, g->pl, c->pf, c->pl)) ||
                    !(contains(c->qf, c->ql, g->qf, g->ql) || contains(g->qf, g->ql, c->qf, c->ql)))
                    continue;
                s = fit(st, c, g);
                if (s > best) {
                    best = s;
                    best_g = (uint32_t)(k - 1);
                }
            }
        }
        if (best_g != NONE32)
            join(st, ci, best_g);
        else if (!c->minor || !body_overlaps(&bi, c->f, c->l))
            new_group(st, ci);
    }
    free(bi.f);
    free(bi.maxl);
    free(order);
    free(index);
}

/* ------------------------------------------------------------------ events */

/* How clear a clause reads as an event's text (higher is better). */
static int clarity(const cand *c, const group *g)
{
    const char *t = c->text;
    size_t cs = 0, n = strlen(t);
    int score = 0;
    while (cs < n && (t[cs] == ' ' || t[cs] == '"' || (unsigned char)t[cs] >= 0x80))
        cs++;
    if (c->prec == g->prec)
        score += 16;
    if (!c->minor)
        score += 8;
    if (!word_in(t, cs, n, danglers))
        score += 4;
    if (c->words >= 8 && c->words <= 30)
        score += 2;
    return score;
}

typedef struct ev_key {
    long f, l;
    sl_precision prec;
    size_t ndocs;
    double pos;          /* earliest relative position in an article (0 = its first sentence) */
    uint32_t first;      /* first clause in input order */
    size_t ev;
} ev_key;

static int cmp_chrono(const void *x, const void *y)
{
    const ev_key *a = x, *b = y;
    if (a->f != b->f)
        return a->f < b->f ? -1 : 1;
    if (a->prec != b->prec)
        return a->prec < b->prec ? -1 : 1;
    if (a->l != b->l)
        return a->l > b->l ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

static int cmp_salience(const void *x, const void *y)
{
    const ev_key *a = x, *b = y;
    if (a->ndocs != b->ndocs)
        return a->ndocs > b->ndocs ? -1 : 1;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    if (a->prec != b->prec)
        return a->prec > b->prec ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

static void make_events(tl_state *st, sl_tl_event **out, size_t *nout)
{
    sl_tl_event *ev = sl_xcalloc(st->ng ? st->ng : 1, sizeof(*ev));
    ev_key *keys = sl_xcalloc(st->ng ? st->ng : 1, sizeof(*keys));
    size_t gi, i;
    for (gi = 0; gi < st->ng; gi++) {
        const group *g = &st->g[gi];
        const cand *head = &st->c[g->head], *best = head;
        uint32_t best_i = g->head;
        sl_tl_event *e = &ev[gi];
        uint32_t m;
        int bs = -1;
        size_t nd = 0, k;
        double pos = 1.0;
        uint32_t first = NONE32;
        e->docs = sl_xcalloc(g->n, sizeof(size_t));
        for (m = g->head; m != NONE32; m = st->c[m].next) {
            const cand *c = &st->c[m];
            const sl_doc *d = st->docs[c->doc];
            int s = clarity(c, g);
            double rp = d->nsents ? (double)c->sent / (double)d->nsents : 0;
            if (s > bs || (s == bs && m < best_i)) {
                bs = s;
                best = c;
                best_i = m;
            }
            e->docs[nd++] = c->doc;
            if (rp < pos)
                pos = rp;
            if (m < first)
                first = m;
        }
        qsort(e->docs, nd, sizeof(size_t), cmp_size);
        for (i = 0, k = 0; i < nd; i++)
            if (!k || e->docs[k - 1] != e->docs[i])
                e->docs[k++] = e->docs[i];
        e->ndocs = k;
        sl_tpoint_format(&head->p, e->date, sizeof(e->date));
        if (head->range)
            sl_tpoint_format(&head->q, e->end, sizeof(e->end));
        e->precision = head->p.prec;
        e->first_day = g->f;
        e->last_day = g->l;
        snprintf(e->mod, sizeof(e->mod), "%s", head->mod);
        sl_tl_label(&head->p, head->range ? &head->q : NULL, head->mod, e->label, sizeof(e->label));
        e->text = sl_xstrdup(best->text);
        e->doc = best->doc;
        e->sentence = best->sent;
        keys[gi].f = g->f;
        keys[gi].l = g->l;
        keys[gi].prec = head->p.prec;
        keys[gi].ndocs = e->ndocs;
        keys[gi].pos = pos;
        keys[gi].first = first;
        keys[gi].ev = gi;
    }
    /* salience ranks, then chronological order */
    qsort(keys, st->ng, sizeof(*keys), cmp_salience);
    for (i = 0; i < st->ng; i++)
        ev[keys[i].ev].rank = i;
    qsort(keys, st->ng, sizeof(*keys), cmp_chrono);
    *out = sl_xcalloc(st->ng ? st->ng : 1, sizeof(**out));
    for (i = 0; i < st->ng; i++)
        (*out)[i] = ev[keys[i].ev];
    *nout = st->ng;
    free(ev);
    free(keys);
}

void sl_timeline_build(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, const sl_tpoint *dates,
                       sl_tl_event **out, size_t *n)
{
    tl_state st;
    size_t i;
    *out = NULL;
    *n = 0;
    memset(&st, 0, sizeof(st));
    st.ctx = ctx;
    st.docs = docs;
    st.ndocs = ndocs;
    build_idf(&st);
    for (i = 0; i < ndocs; i++)
        doc_candidates(&st, (uint32_t)i, dates ? &dates[i] : NULL);
    merge(&st);
    make_events(&st, out, n);
    for (i = 0; i < st.nc; i++)
        free(st.c[i].text);
    free(st.c);
    free(st.term);
    free(st.idf);
    free(st.g);
}

/* ------------------------------------------------------------------ labels */

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static void point_label(const sl_tpoint *p, sl_buf *b)
{
    static const char *const seasons[] = {"", "spring", "summer", "autumn", "winter"};
    int m = p->m >= 1 && p->m <= 12 ? p->m : 1;
    switch (p->prec) {
    case SL_PREC_CENTURY: {
        int c = p->y / 100 + 1;
        const char *suf = (c % 100 >= 11 && c % 100 <= 13) ? "th" : c % 10 == 1 ? "st" : c % 10 == 2 ? "nd"
                                                                : c % 10 == 3 ? "rd" : "th";
        sl_buf_printf(b, "%d%s century", c, suf);
        break;
    }
    case SL_PREC_DECADE: sl_buf_printf(b, "%ds", p->y - p->y % 10); break;
    case SL_PREC_YEAR: sl_buf_printf(b, "%d", p->y); break;
    case SL_PREC_SEASON:
        sl_buf_printf(b, "%s %d", seasons[(unsigned)p->season <= 4 ? p->season : 0], p->y);
        break;
    case SL_PREC_QUARTER:
        if (p->half)
            sl_buf_printf(b, "%s half of %d", p->half == 1 ? "first" : "second", p->y);
        else
            sl_buf_printf(b, "Q%d %d", p->q, p->y);
        break;
    case SL_PREC_MONTH: sl_buf_printf(b, "%s %d", month_abbr[m - 1], p->y); break;
    case SL_PREC_WEEK: {
        sl_ymd t;
        sl_ymd_from_days(sl_days_from_iso_week(p->y, p->w, p->we ? 6 : 1), &t);
        sl_buf_printf(b, "%s of %d %s %d", p->we ? "weekend" : "week", t.d, month_abbr[t.m - 1], t.y);
        break;
    }
    case SL_PREC_DAY:
    case SL_PREC_TIME: sl_buf_printf(b, "%d %s %d", p->d, month_abbr[m - 1], p->y); break;
    case SL_PREC_NONE: break;
    }
}

void sl_tl_label(const sl_tpoint *start, const sl_tpoint *end, const char *mod, char *out, size_t n)
{
    sl_buf b = SL_BUF_INIT;
    static const char *const dash = "\xE2\x80\x93";
    if (!n)
        return;
    if (mod && !end) {
        if (strcmp(mod, "START") == 0)
            sl_buf_puts(&b, "early ");
        else if (strcmp(mod, "MID") == 0)
            sl_buf_puts(&b, "mid-");
        else if (strcmp(mod, "END") == 0)
            sl_buf_puts(&b, "late ");
        else if (strcmp(mod, "APPROX") == 0)
            sl_buf_puts(&b, "about ");
    }
    if (!end || end->prec == SL_PREC_NONE) {
        point_label(start, &b);
    } else if (start->prec == end->prec && start->y == end->y &&
               (start->prec == SL_PREC_DAY || start->prec == SL_PREC_TIME) && start->m == end->m) {
        sl_buf_printf(&b, "%d%s%d %s %d", start->d, dash, end->d, month_abbr[(end->m - 1) % 12], end->y);
    } else if (start->prec == end->prec && start->y == end->y &&
               (start->prec == SL_PREC_DAY || start->prec == SL_PREC_TIME)) {
        sl_buf_printf(&b, "%d %s%s%d %s %d", start->d, month_abbr[(start->m - 1) % 12], dash, end->d,
                      month_abbr[(end->m - 1) % 12], end->y);
    } else if (start->prec == SL_PREC_MONTH && end->prec == SL_PREC_MONTH && start->y == end->y) {
        sl_buf_printf(&b, "%s%s%s %d", month_abbr[(start->m - 1) % 12], dash, month_abbr[(end->m - 1) % 12],
                      end->y);
    } else {
        point_label(start, &b);
        sl_buf_puts(&b, dash);
        point_label(end, &b);
    }
    sl_buf_puts(&b, "");
    snprintf(out, n, "%s", b.ptr);
    sl_buf_free(&b);
}

/* ------------------------------------------------------------------ the digest's dates */

void sl_digest_dates_build(sl_digest *d, const char *date)
{
    const sl_corpus *c = d->corpus;
    size_t n = c->n, i;
    sl_story_date *sd;
    d->dates = sl_xcalloc(n ? n : 1, sizeof(*d->dates));
    d->date_ev = sl_xcalloc(n ? n : 1, sizeof(*d->date_ev));
    if (date) {
        sl_tpoint pt;
        sl_buf ev = SL_BUF_INIT;
        if (sl_date_parse_override(date, &pt) < 0)
            memset(&pt, 0, sizeof(pt));
        for (i = 0; i < n; i++) {
            sl_buf_clear(&ev);
            sl_buf_printf(&ev, "override: %s", date);
            sl_tpoint_format(&pt, d->dates[i].value, sizeof(d->dates[i].value));
            d->dates[i].precision = pt.prec;
            d->dates[i].origin = "override";
            d->date_ev[i] = sl_xstrdup(sl_buf_cstr(&ev));
            d->dates[i].evidence = d->date_ev[i];
        }
        sl_buf_free(&ev);
        return;
    }
    sd = sl_xcalloc(n ? n : 1, sizeof(*sd));
    for (i = 0; i < n; i++) {
        sl_doc_date(c->docs[i], &d->dates[i]);
        sl_doc_date_point(c->docs[i], &sd[i].p);
        sd[i].evidence = d->dates[i].evidence;
    }
    sl_story_infer_dates(d->ctx, c->docs, n, sd);
    for (i = 0; i < n; i++) {
        if (!sd[i].inferred)
            continue;
        memset(d->dates[i].value, 0, sizeof(d->dates[i].value));
        sl_tpoint_format(&sd[i].p, d->dates[i].value, sizeof(d->dates[i].value));
        d->dates[i].precision = sd[i].p.prec;
        d->dates[i].origin = "story";
        d->date_ev[i] = sd[i].inferred;
        d->dates[i].evidence = d->date_ev[i];
    }
    free(sd);
}

void sl_digest_dates_free(sl_digest *d)
{
    size_t i;
    if (d->date_ev)
        for (i = 0; i < d->corpus->n; i++)
            free(d->date_ev[i]);
    free(d->date_ev);
    free(d->dates);
    d->date_ev = NULL;
    d->dates = NULL;
}

/* ------------------------------------------------------------------ public accessors */

int sl_digest_doc_date(const sl_digest *d, size_t doc, sl_date *out)
{
    if (!d || !out || doc >= d->corpus->n)
        return SL_EINVAL;
    if (!d->dates)
        return sl_doc_date(d->corpus->docs[doc], out);
    *out = d->dates[doc];
    if (!out->evidence)
        out->evidence = "";
    if (!out->origin)
        out->origin = "";
    return out->precision == SL_PREC_NONE ? SL_ENOENT : SL_OK;
}

size_t sl_digest_timeline_count(const sl_digest *d)
{
    return d ? d->ntimeline : 0;
}

int sl_digest_timeline_entry(const sl_digest *d, size_t i, sl_timeline_entry *out)
{
    const sl_tl_event *e;
    if (!d || !out || i >= d->ntimeline)
        return SL_EINVAL;
    e = &d->timeline[i];
    memset(out, 0, sizeof(*out));
    out->date = e->date;
    out->end = e->end;
    out->precision = e->precision;
    out->mod = e->mod;
    out->label = e->label;
    out->text = e->text;
    out->docs = e->docs;
    out->ndocs = e->ndocs;
    out->doc = e->doc;
    out->sentence = e->sentence;
    out->rank = e->rank;
    return SL_OK;
}
