/*
 * docdate.c: the date each article was written, with its precision and the
 * evidence for it.
 *
 * Rules, in order of trust (the first that gives a date wins):
 *   0. an override (sl_corpus_set_date, the CLI's --date) beats everything;
 *   1. metadata: JSON "date" and its synonyms, HTML article:published_time,
 *      JSON-LD datePublished, <time> (the readers hand them over as given);
 *   2. the text: a publication or broadcast note ("This segment originally
 *      aired April 26, 2018, on ...", kept as evidence by the cleaner or still
 *      in the text), a dateline at the top ("WASHINGTON, April 26 (Reuters)
 *      -", "April 26, 2018 --", "Published: ..."), or an anchored phrase:
 *      "Sixty-five years ago this week, on 27 July, 1953" puts the article in
 *      the week of 27 July 2018 (2018-W30, week precision);
 *   3. the other articles of the story (sl_corpus_infer_dates): "His first
 *      meeting ... was held in Singapore last year" in an undated article,
 *      and "On 12 June, 2018, ... held a historic summit in Singapore" in
 *      another, make the first one's year 2019;
 *   4. otherwise unknown (precision SL_PREC_NONE).
 * Never the clock of the machine.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/dates.h"
#include "analysis/timex.h"
#include "util/mem.h"

/* ------------------------------------------------------------------ setting */

void sl_doc_set_date(sl_doc *d, const sl_tpoint *p, const char *origin, const char *evidence, size_t evidence_len)
{
    char *ev = sl_xstrndup(evidence ? evidence : "", evidence ? evidence_len : 0);
    memset(&d->date, 0, sizeof(d->date));
    if (p && p->prec != SL_PREC_NONE)
        sl_tpoint_format(p, d->date.value, sizeof(d->date.value));
    d->date.precision = p ? p->prec : SL_PREC_NONE;
    d->date.origin = origin;
    free(d->date_evidence);
    d->date_evidence = ev;
    d->date.evidence = d->date_evidence;
}

void sl_doc_date_point(const sl_doc *d, sl_tpoint *p)
{
    memset(p, 0, sizeof(*p));
    p->hh = -1;
    if (d->date.precision == SL_PREC_NONE ||
        sl_tpoint_parse(d->date.value, strlen(d->date.value), p) < 0)
        memset(p, 0, sizeof(*p));
}

/* ------------------------------------------------------------------ rule 2: the text */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* The line around [start, end): *ls and *le. */
static void line_of(const char *text, size_t len, size_t start, size_t end, size_t *ls, size_t *le)
{
    *ls = start;
    while (*ls > 0 && text[*ls - 1] != '\n')
        (*ls)--;
    *le = end;
    while (*le < len && text[*le] != '\n')
        (*le)++;
}

/* Whether a date at [start, end) in the first lines reads as a dateline:
 * nothing before it but a place in capitals and a comma ("WASHINGTON, ") or
 * a cue ("Published: "), and after it, past an agency in brackets, a dash,
 * a bar or the end of the line. */
/* Whether nothing but a place in capitals and a comma ("WASHINGTON, ")
 * stands before text[start] on its line (or nothing at all). */
static int place_before(const char *text, size_t ls, size_t start)
{
    size_t b = start, i, caps = 0;
    while (b > ls && is_space(text[b - 1]))
        b--;
    if (b == ls)
        return 1;
    if (text[b - 1] != ',' || b - ls > 48)
        return 0;
    for (i = ls; i < b - 1; i++) {
        char c = text[i];
        if (c >= 'a' && c <= 'z')
            return 0;
        if (c >= 'A' && c <= 'Z')
            caps++;
        else if (!(c == ' ' || c == '.' || c == '-' || c == ',' || c == '\'' || (unsigned char)c >= 0x80))
            return 0;
    }
    return caps >= 2;
}

static int is_dateline(sl_ctx *ctx, const char *text, size_t len, size_t start, size_t end)
{
    size_t ls, le, i;
    int cue = sl_tx_doc_cue(ctx, text, start, NULL);
    line_of(text, len, start, end, &ls, &le);
    /* before */
    if (cue != 2 && !place_before(text, ls, start))
        return 0;
    /* after */
    i = end;
    while (i < le && is_space(text[i]))
        i++;
    if (i < le && text[i] == '(') {
        size_t close = i;
        while (close < le && close - i < 40 && text[close] != ')')
            close++;
        if (close >= le || text[close] != ')')
            return 0;
        i = close + 1;
        while (i < le && is_space(text[i]))
            i++;
    }
    if (i == le || cue == 2)
        return 1;
    if (text[i] == '-' || text[i] == '|' || text[i] == ':' || text[i] == '/')
        return 1;
    if ((unsigned char)text[i] == 0xE2 && i + 2 < le && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94))
        return 1;
    return 0;
}

/* Whether the bytes between two expressions only join them: ", on ", " in ". */
static int joined(const char *text, size_t a, size_t b)
{
    size_t i;
    if (b < a || b - a > 12)
        return 0;
    for (i = a; i < b; i++) {
        char c = text[i];
        if (is_space(c) || c == ',' || c == ';' || c == ':' || c == '-' || (unsigned char)c >= 0x80)
            continue;
        if (i + 1 < b && (c | 32) == 'o' && (text[i + 1] | 32) == 'n' && (i + 2 == b || !((text[i + 2] | 32) >= 'a' && (text[i + 2] | 32) <= 'z'))) {
            i++;
            continue;
        }
        if (i + 1 < b && (c | 32) == 'i' && (text[i + 1] | 32) == 'n' && (i + 2 == b || !((text[i + 2] | 32) >= 'a' && (text[i + 2] | 32) <= 'z'))) {
            i++;
            continue;
        }
        return 0;
    }
    return 1;
}

/* A trimmed copy of the line around [start, end) for the evidence. */
static void evidence_line(const char *text, size_t len, size_t start, size_t end, size_t *es, size_t *ee)
{
    line_of(text, len, start, end, es, ee);
    if (start - *es > 160)
        *es = start - 160;
    if (*ee - end > 160)
        *ee = end + 160;
    while (*es < start && is_space(text[*es]))
        (*es)++;
    while (*ee > end && is_space(text[*ee - 1]))
        (*ee)--;
}

/* Rule 2 over one text: a note, a dateline, an anchored phrase.  Returns 1
 * and sets *pt and the evidence range when found. */
static int date_from_text(sl_ctx *ctx, const char *text, size_t len, size_t base, int whole_is_note,
                          sl_tpoint *pt, size_t *es, size_t *ee)
{
    sl_tx *tx;
    size_t n, i;
    int found = 0, best_rank = 0;
    sl_tx_tag(ctx, text, len, NULL, &tx, &n);
    for (i = 0; i < n; i++) {
        const sl_tx *t = &tx[i];
        int rank = 0;
        size_t cs = t->pub.start;
        sl_tpoint v;
        if (t->pub.type != SL_TIMEX_DATE && t->pub.type != SL_TIMEX_TIME)
            continue;
        if (t->sem.kind != SL_TXK_POINT || t->sem.p.prec < SL_PREC_DAY)
            continue;
        v = t->sem.p;
        sl_tpoint_truncate(&v, SL_PREC_DAY);
        if (v.y != SL_YEAR_UNKNOWN && (whole_is_note || sl_tx_doc_cue(ctx, text, t->pub.start, &cs) == 1))
            rank = 3; /* a note: "originally aired April 26, 2018" */
        else if (base + t->pub.start < 400 && is_dateline(ctx, text, len, t->pub.start, t->pub.end))
            rank = 2;
        if (rank > best_rank) {
            best_rank = rank;
            *pt = v;
            evidence_line(text, len, cs < t->pub.start ? cs : t->pub.start, t->pub.end, es, ee);
            found = 1;
        }
    }
    /* "Sixty-five years ago this week, on 27 July, 1953" */
    for (i = 0; !found && i + 1 < n; i++) {
        int k;
        for (k = 0; k < 2 && !found; k++) {
            const sl_tx *rel = &tx[i + (size_t)k], *abs = &tx[i + 1 - (size_t)k];
            sl_tpoint known, ref;
            if (rel->sem.kind != SL_TXK_SHIFT || rel->sem.anchor != SL_TXA_DCT || rel->sem.n == 0 ||
                abs->sem.kind != SL_TXK_POINT || abs->sem.p.y == SL_YEAR_UNKNOWN)
                continue;
            if (!joined(text, tx[i].pub.end, tx[i + 1].pub.start))
                continue;
            known = abs->sem.p;
            if (sl_tx_invert(&rel->sem, &known, &ref) < 0)
                continue;
            *pt = ref;
            evidence_line(text, len, tx[i].pub.start, tx[i + 1].pub.end, es, ee);
            found = 1;
        }
    }
    free(tx);
    return found;
}

/* Bytes of an article's start searched for its dateline, and bytes around
 * a year-like number searched for a note or an anchored phrase. */
#define DATE_HEAD 512
#define DATE_NEAR 240

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether the words around a year at `at` can make it the article's own
 * date: a note ("originally aired", "published", "updated", "posted") or an
 * anchored phrase ("sixty-five years ago this week, on 27 July, 1953").  A
 * year without them is story content, and tagging around every one would
 * cost more than the rest of the pipeline. */
static int date_cue_near(const char *t, size_t n, size_t at)
{
    static const char *const cues[] = {"ago", "aired", "publish", "updated", "posted", "originally",
                                       "broadcast", "first ran", "appeared", NULL};
    char low[DATE_NEAR + 8];
    size_t a = at > DATE_NEAR / 2 ? at - DATE_NEAR / 2 : 0, b = at + DATE_NEAR / 2, i, k, w;
    if (b > n)
        b = n;
    for (i = a, w = 0; i < b; i++)
        low[w++] = t[i] >= 'A' && t[i] <= 'Z' ? (char)(t[i] + 32) : t[i];
    for (k = 0; cues[k]; k++) {
        size_t m = strlen(cues[k]);
        const char *p = low, *end = low + w;
        while (end - p >= (long)m && (p = memchr(p, cues[k][0], (size_t)(end - p) - m + 1)) != NULL) {
            if (memcmp(p, cues[k], m) == 0)
                return 1;
            p++;
        }
    }
    return 0;
}

/* The end of a window ending near `want`: cut at a line break or space,
 * never inside a UTF-8 sequence. */
static size_t window_end(const char *text, size_t len, size_t want)
{
    size_t e, floor = want > 64 ? want - 64 : 0;
    if (len <= want)
        return len;
    for (e = want; e > floor; e--)
        if (text[e] == '\n' || text[e] == ' ')
            return e;
    while (e < len && ((unsigned char)text[e] & 0xC0) == 0x80)
        e++;
    return e;
}

/* The start of a window beginning near `from`: after the next space or line
 * break, so no word is cut. */
static size_t window_start(const char *text, size_t len, size_t from)
{
    size_t b = from;
    while (b < len && text[b] != '\n' && text[b] != ' ' && b - from < 256)
        b++;
    while (b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
        b++;
    return b < len ? b + 1 : len;
}

void sl_doc_date_init(sl_ctx *ctx, sl_doc *d)
{
    sl_ymd v;
    sl_precision p;
    sl_tpoint pt;
    size_t es = 0, ee = 0;
    memset(&d->date, 0, sizeof(d->date));
    /* 1. metadata */
    if (d->meta_date) {
        p = sl_parse_date(d->meta_date, strlen(d->meta_date), &v);
        if (p != SL_PREC_NONE) {
            sl_buf ev = SL_BUF_INIT;
            sl_tpoint_day(&pt, v.y, v.m ? v.m : 1, v.d ? v.d : 1);
            sl_tpoint_truncate(&pt, p);
            sl_buf_printf(&ev, "%s: %s", d->meta_date_evidence ? d->meta_date_evidence : "metadata", d->meta_date);
            sl_doc_set_date(d, &pt, "metadata", ev.ptr, ev.len);
            sl_buf_free(&ev);
            return;
        }
    }
    /* 2. the text: the cleaner's evidence first, then the text itself */
    if (d->text_evidence) {
        size_t n = strlen(d->text_evidence);
        if (date_from_text(ctx, d->text_evidence, n, 0, 1, &pt, &es, &ee)) {
            sl_doc_set_date(d, &pt, "text", d->text_evidence, n);
            return;
        }
        if ((p = sl_parse_date(d->text_evidence, n, &v)) != SL_PREC_NONE) {
            sl_tpoint_day(&pt, v.y, v.m ? v.m : 1, v.d ? v.d : 1);
            sl_tpoint_truncate(&pt, p);
            sl_doc_set_date(d, &pt, "text", d->text_evidence, n);
            return;
        }
    }
    /* A dateline opens an article; a note or an anchored phrase ("Sixty-five
     * years ago this week, on 27 July, 1953") names a year.  So only the
     * article's first bytes and the neighbourhood of each year-like number
     * are tagged: tagging the whole text cost a third of the pipeline. */
    if (d->text.len) {
        const char *t = sl_buf_cstr(&d->text);
        size_t n = d->text.len, a = 0, b = window_end(t, n, DATE_HEAD), i;
        for (i = b; i <= n; i++) {
            int year = i + 4 <= n && (t[i] == '1' || t[i] == '2') && is_digit(t[i + 1]) &&
                       is_digit(t[i + 2]) && is_digit(t[i + 3]) && (i == 0 || !is_digit(t[i - 1])) &&
                       (i + 4 == n || !is_digit(t[i + 4]));
            if (year && !date_cue_near(t, n, i))
                year = 0; /* a year in the story, not a note or an anchor */
            if (year && i < b + DATE_NEAR) {
                b = window_end(t, n, i + 4 + DATE_NEAR); /* extend the region */
                continue;
            }
            if (!year && i < n)
                continue;
            /* tag the region [a, b), then start the next around this year */
            if (b > a && date_from_text(ctx, t + a, b - a, a, 0, &pt, &es, &ee)) {
                sl_doc_set_date(d, &pt, "text", t + a + es, ee - es);
                return;
            }
            if (i >= n)
                break;
            a = i > DATE_NEAR ? window_start(t, n, i - DATE_NEAR) : 0;
            if (a > i)
                a = i;
            b = window_end(t, n, i + 4 + DATE_NEAR);
        }
    }
    /* 4. unknown (3 needs the story: sl_corpus_infer_dates) */
}

int sl_is_own_date(sl_ctx *ctx, const char *text, size_t len, size_t start, size_t end)
{
    size_t cs = start, ls = start;
    int cue;
    if (start >= end || end > len)
        return 0;
    cue = sl_tx_doc_cue(ctx, text, start, &cs);
    if (cue == 1)
        return 1; /* "originally aired ..." */
    if (cue == 2) {
        /* "Published: ..." at the start of a line, "(Published Wednesday,
         * July 26, 2017)" or after a sentence; not "results published on
         * Monday" */
        ls = cs;
        while (ls > 0 && is_space(text[ls - 1]))
            ls--;
        return ls == 0 || text[ls - 1] == '\n' || text[ls - 1] == '(' || text[ls - 1] == '.' ||
               text[ls - 1] == '|' || text[ls - 1] == '-';
    }
    if (start >= 400)
        return 0;
    if (is_dateline(ctx, text, len, start, end))
        return 1;
    /* a place in capitals before it is enough, whatever follows (a dash
     * the repair missed) */
    line_of(text, len, start, end, &ls, &cs);
    return ls < start && place_before(text, ls, start) && text[start - 1] == ' ' &&
           memchr(text + ls, ',', start - ls) != NULL;
}

/* ------------------------------------------------------------------ override */

int sl_date_parse_override(const char *date, sl_tpoint *pt)
{
    sl_ymd v;
    sl_precision p;
    if (sl_tpoint_parse(date, strlen(date), pt) == 0)
        return pt->y == SL_YEAR_UNKNOWN ? -1 : 0;
    if ((p = sl_parse_date(date, strlen(date), &v)) == SL_PREC_NONE)
        return -1;
    sl_tpoint_day(pt, v.y, v.m ? v.m : 1, v.d ? v.d : 1);
    sl_tpoint_truncate(pt, p);
    return 0;
}

int sl_corpus_set_date(sl_ctx *ctx, sl_corpus *c, const char *date)
{
    sl_tpoint pt;
    size_t i;
    char ev[96];
    if (!ctx || !c || !date)
        return SL_EINVAL;
    if (sl_date_parse_override(date, &pt) < 0)
        return sl_fail(ctx, SL_EINVAL, "malformed date '%s' (expected YYYY-MM-DD)", date);
    snprintf(ev, sizeof(ev), "override: %s", date);
    for (i = 0; i < c->n; i++)
        sl_doc_set_date(c->docs[i], &pt, "override", ev, strlen(ev));
    return SL_OK;
}

/* ------------------------------------------------------------------ rule 3: the story */

/* One sentence of one document, as content words. */
typedef struct sent_words {
    unsigned *stems;   /* sorted, unique */
    unsigned char *cap; /* for each: capitalized where it stands */
    size_t n;
} sent_words;

typedef struct doc_info {
    sl_tx *tx;
    size_t ntx;
    sent_words *sw;    /* per sentence */
    int undated;       /* no date, or a date without its year */
} doc_info;

/* Whether a date inferred for document i fits what else is known: an
 * article is not written before the past events it reports by date
 * ("since construction got under way in 2005" cannot date a text that says
 * "in 2017 it sank"), and the articles of one story are written within a
 * year of each other. */
static int plausible(const sl_story_date *dates, size_t ndocs, const doc_info *di, size_t i, const sl_tpoint *ref)
{
    long rf, rl, f, l, sum = 0;
    size_t k, nd = 0;
    if (sl_tpoint_days(ref, &rf, &rl) < 0)
        return 0;
    for (k = 0; k < di[i].ntx; k++) {
        const sl_tx *t = &di[i].tx[k];
        if (t->sem.kind == SL_TXK_POINT && t->sem.anchor == SL_TXA_NONE && t->tense < 0 &&
            t->value.prec != SL_PREC_NONE && sl_tpoint_days(&t->value, &f, &l) == 0 && f > rl)
            return 0;
    }
    for (k = 0; k < ndocs; k++) {
        if (k == i || di[k].undated)
            continue;
        if (sl_tpoint_days(&dates[k].p, &f, &l) == 0) {
            sum += f + (l - f) / 2;
            nd++;
        }
    }
    if (nd) {
        long mid = sum / (long)nd;
        if (rl < mid - 366 || rf > mid + 366)
            return 0;
    }
    return 1;
}

static int cmp_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return x < y ? -1 : x > y;
}

static size_t sentence_of(const sl_doc *d, size_t off)
{
    size_t lo = 0, hi = d->nsents;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->nsents ? lo : (d->nsents ? d->nsents - 1 : 0);
}

/* The content words of each sentence: words that are not stopwords, not
 * numbers and not inside a temporal expression. */
static void collect_words(const sl_doc *d, doc_info *di)
{
    size_t s, k, t = 0;
    di->sw = sl_xcalloc(d->nsents ? d->nsents : 1, sizeof(sent_words));
    for (s = 0; s < d->nsents; s++) {
        sent_words *w = &di->sw[s];
        size_t a = d->sent_tok[s], b = d->sent_tok[s + 1], n = 0, j;
        unsigned *tmp = sl_xmalloc((b - a + 1) * sizeof(unsigned));
        for (k = a; k < b; k++) {
            const sl_token *tok = &d->toks[k];
            int in_tx = 0;
            if (!(tok->flags & SL_TOK_WORD) || (tok->flags & SL_TOK_STOP))
                continue;
            while (t < di->ntx && di->tx[t].pub.end <= tok->start)
                t++;
            if (t < di->ntx && di->tx[t].pub.start < tok->end)
                in_tx = 1;
            if (!in_tx)
                tmp[n++] = tok->stem * 2u + ((tok->flags & SL_TOK_CAP) ? 1u : 0u);
        }
        qsort(tmp, n, sizeof(unsigned), cmp_unsigned);
        w->stems = sl_xmalloc((n + 1) * sizeof(unsigned));
        w->cap = sl_xmalloc(n + 1);
        for (j = 0; j < n; j++) {
            unsigned stem = tmp[j] / 2;
            if (w->n && w->stems[w->n - 1] == stem) {
                w->cap[w->n - 1] |= (unsigned char)(tmp[j] & 1);
                continue;
            }
            w->stems[w->n] = stem;
            w->cap[w->n] = (unsigned char)(tmp[j] & 1);
            w->n++;
        }
        free(tmp);
    }
}

/* The least event score (summed log rarity) for two sentences to be taken
 * as speaking of the same event: two rare words shared, about. */
#define MIN_EVENT_SCORE 6.0

/* How strongly two sentences speak of the same event: the summed rarity
 * (log of sentences over sentences holding the word) of the rare content
 * words they share.  Words found all over the story ("Kim", "Korea") do not
 * count; at least two rare words must be shared, one a name in both and one
 * not a name (who and what). */
static double event_score(const sent_words *a, const sent_words *b, const unsigned *sf, size_t nsf,
                          size_t total, size_t rare)
{
    size_t i = 0, j = 0, shared = 0, names = 0;
    double score = 0;
    while (i < a->n && j < b->n) {
        if (a->stems[i] < b->stems[j]) {
            i++;
        } else if (a->stems[i] > b->stems[j]) {
            j++;
        } else {
            unsigned w = a->stems[i];
            size_t f = w < nsf ? sf[w] : 1;
            if (f && f <= rare) {
                shared++;
                names += a->cap[i] && b->cap[j];
                score += log((double)total / (double)f);
            }
            i++, j++;
        }
    }
    /* a name and a word: who and what ("Singapore" and "held") */
    return shared >= 2 && names >= 1 && names < shared && score >= MIN_EVENT_SCORE ? score : 0;
}

/* Whether the expression q of document j is the only time its sentence
 * speaks of: a sentence with two dates ("the September 2012 attacks ...
 * the 9/11 Commission of 2001") or with a date and an unresolved relative
 * expression ("this year ... since 1998") does not say which time the event
 * is at. */
static int sole_time(const doc_info *di, const sl_doc *b, size_t q)
{
    size_t s = sentence_of(b, di->tx[q].pub.start), k;
    for (k = 0; k < di->ntx; k++) {
        const sl_tx *t = &di->tx[k];
        if (k == q || sentence_of(b, t->pub.start) != s)
            continue;
        if (t->pub.type != SL_TIMEX_DATE && t->pub.type != SL_TIMEX_TIME)
            continue;
        if (t->sem.kind == SL_TXK_LITERAL)
            continue; /* "now", "recently" */
        if ((t->pub.flags & SL_TIMEX_UNRESOLVED) || strcmp(t->pub.value, di->tx[q].pub.value) != 0)
            return 0;
    }
    return 1;
}

static void append_quoted(sl_buf *b, const char *s, size_t n)
{
    size_t i;
    sl_buf_putc(b, '"');
    for (i = 0; i < n && i < 240; i++)
        sl_buf_putc(b, s[i] == '\n' ? ' ' : s[i]);
    if (n > 240)
        sl_buf_puts(b, "...");
    sl_buf_putc(b, '"');
}

size_t sl_story_infer_dates(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, sl_story_date *dates)
{
    doc_info *di;
    size_t i, j, k, s, total = 0, dated = 0, nsf, rare, nvoc;
    unsigned *sf;
    int pass;
    if (!ctx || !docs || !dates || ndocs < 2)
        return 0;
    for (i = 0; i < ndocs; i++)
        dates[i].inferred = NULL;
    di = sl_xcalloc(ndocs, sizeof(doc_info));
    for (i = 0; i < ndocs; i++) {
        sl_doc *d = docs[i];
        const sl_tpoint *dct = &dates[i].p;
        di[i].undated = dct->prec == SL_PREC_NONE;
        sl_tx_tag(ctx, sl_buf_cstr(&d->text), d->text.len,
                  di[i].undated || dct->y == SL_YEAR_UNKNOWN ? NULL : dct, &di[i].tx, &di[i].ntx);
        collect_words(d, &di[i]);
        total += d->nsents;
    }
    /* sentence frequencies of stems over the whole story */
    nvoc = sl_intern_count(&ctx->vocab);
    nsf = nvoc;
    sf = sl_xcalloc(nsf + 1, sizeof(unsigned));
    for (i = 0; i < ndocs; i++)
        for (s = 0; s < docs[i]->nsents; s++)
            for (k = 0; k < di[i].sw[s].n; k++)
                if (di[i].sw[s].stems[k] < nsf)
                    sf[di[i].sw[s].stems[k]]++;
    rare = total / 15 > 3 ? total / 15 : 3;

    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < ndocs; i++) {
            sl_doc *a = docs[i];
            double best = 0;
            size_t bt = 0, bj = 0, bk = 0;
            sl_tpoint bref;
            memset(&bref, 0, sizeof(bref));
            if (!di[i].undated)
                continue;
            /* a relative expression of A matched to a dated event of another document */
            for (k = 0; k < di[i].ntx; k++) {
                const sl_tx *t = &di[i].tx[k];
                const sent_words *sa;
                size_t q;
                if (t->sem.kind != SL_TXK_SHIFT || t->sem.anchor != SL_TXA_DCT || t->pub.type != SL_TIMEX_DATE ||
                    t->sem.prec < SL_PREC_YEAR || t->sem.prec > SL_PREC_DAY || !a->nsents)
                    continue;
                sa = &di[i].sw[sentence_of(a, t->pub.start)];
                for (j = 0; j < ndocs; j++) {
                    const sl_doc *b = docs[j];
                    if (j == i || !b->nsents)
                        continue;
                    for (q = 0; q < di[j].ntx; q++) {
                        const sl_tx *u = &di[j].tx[q];
                        sl_tpoint ref;
                        double sc;
                        if (u->value.prec == SL_PREC_NONE || u->value.y == SL_YEAR_UNKNOWN ||
                            u->value.prec < t->sem.prec || (u->pub.flags & SL_TIMEX_UNRESOLVED))
                            continue;
                        if (di[j].undated && u->sem.anchor != SL_TXA_NONE)
                            continue;
                        sc = event_score(sa, &di[j].sw[sentence_of(b, u->pub.start)], sf, nsf, total, rare);
                        if (sc > best && sole_time(&di[j], b, q) && sl_tx_invert(&t->sem, &u->value, &ref) == 0 &&
                            plausible(dates, ndocs, di, i, &ref)) {
                            best = sc;
                            bt = k, bj = j, bk = q;
                            bref = ref;
                        }
                    }
                }
            }
            if (best > 0) {
                const sl_tx *t = &di[i].tx[bt], *u = &di[bj].tx[bk];
                const sl_doc *b = docs[bj];
                const sl_sentence *sa = &a->sents[sentence_of(a, t->pub.start)];
                const sl_sentence *sb = &b->sents[sentence_of(b, u->pub.start)];
                const char *ta = sl_buf_cstr(&a->text), *tb = sl_buf_cstr(&b->text);
                sl_buf ev = SL_BUF_INIT;
                append_quoted(&ev, ta + t->pub.start, t->pub.end - t->pub.start);
                sl_buf_puts(&ev, " in ");
                append_quoted(&ev, ta + sa->start, sa->end - sa->start);
                sl_buf_printf(&ev, " is %s, as %s dates the same event: ", u->pub.value, b->id ? b->id : "");
                append_quoted(&ev, tb + sb->start, sb->end - sb->start);
                dates[i].p = bref;
                free(dates[i].inferred);
                dates[i].inferred = sl_buf_detach(&ev);
                di[i].undated = 0;
                dated++;
                continue;
            }
        }
    }
    /* a dateline without its year takes the year of the story */
    for (i = 0; i < ndocs; i++) {
        sl_tpoint pt, other;
        long best = -1, mid = 0;
        size_t nd = 0;
        int y, by = 0;
        pt = dates[i].p;
        if (pt.prec < SL_PREC_MONTH || pt.y != SL_YEAR_UNKNOWN)
            continue;
        for (j = 0; j < ndocs; j++) {
            long f, l;
            if (j == i)
                continue;
            other = dates[j].p;
            if (other.prec >= SL_PREC_MONTH && sl_tpoint_days(&other, &f, &l) == 0) {
                mid += f + (l - f) / 2;
                nd++;
            }
        }
        if (!nd)
            continue;
        mid /= (long)nd;
        {
            sl_ymd t;
            sl_ymd_from_days(mid, &t);
            for (y = t.y - 1; y <= t.y + 1; y++) {
                sl_tpoint cand = pt;
                long f, l, dist;
                cand.y = y;
                if (cand.prec >= SL_PREC_DAY && !sl_ymd_valid(y, cand.m, cand.d))
                    continue;
                if (sl_tpoint_days(&cand, &f, &l) < 0)
                    continue;
                dist = labs(f - mid);
                if (best < 0 || dist < best) {
                    best = dist;
                    by = y;
                }
            }
        }
        if (best >= 0 && best <= 183) {
            sl_buf ev = SL_BUF_INIT;
            pt.y = by;
            sl_buf_printf(&ev, "%s, with the year of the other articles of the story",
                          dates[i].inferred ? dates[i].inferred : dates[i].evidence ? dates[i].evidence : "");
            dates[i].p = pt;
            free(dates[i].inferred);
            dates[i].inferred = sl_buf_detach(&ev);
            dated++;
        }
    }
    for (i = 0; i < ndocs; i++) {
        for (s = 0; s < docs[i]->nsents; s++) {
            free(di[i].sw[s].stems);
            free(di[i].sw[s].cap);
        }
        free(di[i].sw);
        free(di[i].tx);
    }
    free(di);
    free(sf);
    return dated;
}

size_t sl_corpus_infer_dates(sl_ctx *ctx, sl_corpus *c)
{
    sl_story_date *dates;
    size_t i, dated;
    if (!ctx || !c || c->n < 2)
        return 0;
    dates = sl_xcalloc(c->n, sizeof(*dates));
    for (i = 0; i < c->n; i++) {
        sl_doc_date_point(c->docs[i], &dates[i].p);
        if (c->docs[i]->date.precision == SL_PREC_NONE)
            dates[i].p.prec = SL_PREC_NONE;
        dates[i].evidence = c->docs[i]->date.evidence;
    }
    dated = sl_story_infer_dates(ctx, c->docs, c->n, dates);
    for (i = 0; i < c->n; i++) {
        if (dates[i].inferred)
            sl_doc_set_date(c->docs[i], &dates[i].p, "story", dates[i].inferred, strlen(dates[i].inferred));
        free(dates[i].inferred);
    }
    free(dates);
    return dated;
}
