/*
 * render.c: sl_digest_render and what the writers share (see render.h):
 * citation numbers, the headline, and dates put for people.
 */
#include "output/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/axis.h"
#include "util/mem.h"

int sl_digest_render(const sl_digest *d, const char *format, const sl_render_opts *opts,
                     char **out, size_t *len)
{
    sl_render_opts def = SL_RENDER_OPTS_INIT;
    sl_buf b = SL_BUF_INIT;
    int rc;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !format || !out)
        return SL_EINVAL;
    if (!opts)
        opts = &def;
    if (strcmp(format, "json") == 0)
        rc = sl_render_json(d, opts, &b);
    else if (strcmp(format, "text") == 0)
        rc = sl_render_text(d, opts, &b);
    else if (strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
        rc = sl_render_markdown(d, opts, &b);
    else if (strcmp(format, "html") == 0)
        rc = sl_render_html(d, opts, &b);
    else
        return sl_fail(d->ctx, SL_EINVAL, "unknown output format '%s' (text, json, md or html)",
                       format);
    if (rc < 0) {
        sl_buf_free(&b);
        return rc;
    }
    sl_buf_puts(&b, "");
    if (len)
        *len = b.len;
    *out = sl_buf_detach(&b);
    return SL_OK;
}

static void cite(sl_cites *c, size_t ndocs, size_t doc)
{
    if (doc < ndocs && !c->num[doc]) {
        c->doc[c->n++] = doc;
        c->num[doc] = c->n;
    }
}

static void cite_cmp(sl_cites *c, size_t ndocs, const sl_cmp_item *v, size_t n)
{
    size_t i, j;
    for (i = 0; i < n; i++)
        for (j = 0; j < v[i].nclaims; j++)
            cite(c, ndocs, v[i].claims[j].doc);
}

void sl_cites_build(const sl_digest *d, sl_cites *c)
{
    size_t n = d->corpus->n, i, j;
    c->num = sl_xcalloc(n ? n : 1, sizeof(*c->num));
    c->doc = sl_xcalloc(n ? n : 1, sizeof(*c->doc));
    c->n = 0;
    for (i = 0; i < d->nitems; i++)
        cite(c, n, d->items[i].doc);
    for (i = 0; i < d->ntimeline; i++)
        for (j = 0; j < d->timeline[i].ndocs; j++)
            cite(c, n, d->timeline[i].docs[j]);
    cite_cmp(c, n, d->agree, d->nagree);
    cite_cmp(c, n, d->disagree, d->ndisagree);
}

size_t sl_cites_add(sl_cites *c, size_t doc)
{
    if (!c->num[doc]) {
        c->doc[c->n++] = doc;
        c->num[doc] = c->n;
    }
    return c->num[doc];
}

void sl_cites_free(sl_cites *c)
{
    free(c->num);
    free(c->doc);
    memset(c, 0, sizeof(*c));
}

const char *sl_render_doc_label(const sl_digest *d, size_t doc)
{
    const sl_doc *x = d->corpus->docs[doc];
    if (*sl_doc_source(x))
        return sl_doc_source(x);
    if (*sl_doc_title(x))
        return sl_doc_title(x);
    return d->doc_ids[doc];
}

const char *sl_render_empty_reason(const sl_digest *d)
{
    size_t i, sents = 0;
    for (i = 0; i < d->corpus->n; i++)
        sents += d->corpus->docs[i]->nsents;
    if (!d->corpus->n)
        return "No summary: there are no documents.";
    if (!sents)
        return "No summary: the documents have no sentences.";
    return "No summary: no sentence fits the budget.";
}

/* Distinct content-word stems of a text, sorted (tokens from the digest's
 * context, so stems match the summary's). */
static unsigned *content_stems(sl_ctx *ctx, const char *text, size_t len, size_t *n)
{
    sl_token *toks = NULL;
    size_t nt = 0, i, k = 0;
    unsigned *v;
    *n = 0;
    if (sl_tokenize(ctx, text, len, &toks, &nt) != SL_OK)
        return NULL;
    v = sl_xcalloc(nt ? nt : 1, sizeof(*v));
    for (i = 0; i < nt; i++)
        if ((toks[i].flags & (SL_TOK_WORD | SL_TOK_NUMBER)) && !(toks[i].flags & SL_TOK_STOP)) {
            size_t j;
            for (j = 0; j < k && v[j] != toks[i].stem; j++)
                ;
            if (j == k)
                v[k++] = toks[i].stem;
        }
    sl_free(toks);
    *n = k;
    return v;
}

/* The story's headline: of the documents' titles, the one whose content
 * words the summary repeats most (each word counted once per summary
 * sentence that has it), so the headline names what the summary tells;
 * ties go to the title of the document with more summary sentences, then to
 * the earlier document.  NULL when no document has a title. */
const char *sl_render_headline(const sl_digest *d)
{
    size_t n = d->corpus->n, i, j, best = (size_t)-1;
    double best_score = -1;
    unsigned **sent = NULL;
    size_t *nsent = NULL;
    if (!n)
        return NULL;
    if (d->nitems) {
        sent = sl_xcalloc(d->nitems, sizeof(*sent));
        nsent = sl_xcalloc(d->nitems, sizeof(*nsent));
        for (i = 0; i < d->nitems; i++)
            sent[i] = content_stems(d->ctx, d->items[i].text, d->items[i].len, &nsent[i]);
    }
    for (i = 0; i < n; i++) {
        const char *title = sl_doc_title(d->corpus->docs[i]);
        size_t nt = 0, k, m, cited = 0;
        unsigned *tw;
        double score = 0;
        if (!*title)
            continue;
        tw = content_stems(d->ctx, title, strlen(title), &nt);
        for (j = 0; j < d->nitems; j++) {
            if (d->items[j].doc == i)
                cited++;
            for (k = 0; k < nt; k++)
                for (m = 0; m < nsent[j]; m++)
                    if (sent[j][m] == tw[k]) {
                        score += 1;
                        break;
                    }
        }
        free(tw);
        score += 0.1 * (double)cited;
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    for (i = 0; i < d->nitems; i++)
        free(sent[i]);
    free(sent);
    free(nsent);
    return best == (size_t)-1 ? NULL : sl_doc_title(d->corpus->docs[best]);
}

/* The parts of a value that people read: year (or -1 unknown), month and
 * day (0 when absent), and the rest after the day (a time). */
typedef struct hdate {
    int y, m, d;
    const char *rest;
} hdate;

static int read_int(const char *s, int n, int *v)
{
    int i;
    *v = 0;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

/* Parses YYYY, YYYY-MM, YYYY-MM-DD[Tx] and XXXX-MM-DD; 0 otherwise. */
static int parse_ymd(const char *v, hdate *h)
{
    memset(h, 0, sizeof(*h));
    if (strncmp(v, "XXXX", 4) == 0)
        h->y = -1;
    else if (!read_int(v, 4, &h->y))
        return 0;
    v += 4;
    if (!*v)
        return h->y >= 0;
    if (*v != '-' || !read_int(v + 1, 2, &h->m) || h->m < 1 || h->m > 12)
        return 0;
    v += 3;
    if (!*v)
        return 1;
    if (*v != '-' || !read_int(v + 1, 2, &h->d) || h->d < 1 || h->d > 31)
        return 0;
    v += 3;
    if (*v && *v != 'T')
        return 0;
    h->rest = *v ? v + 1 : NULL;
    return 1;
}

void sl_render_date(sl_buf *out, const char *v)
{
    static const char *const seasons[][2] = {
        {"SP", "spring"}, {"SU", "summer"}, {"FA", "autumn"}, {"WI", "winter"}};
    hdate h;
    int y, k, n = 0;
    if (!v || !*v)
        return;
    if (parse_ymd(v, &h)) {
        if (h.d)
            sl_buf_printf(out, "%d ", h.d);
        if (h.m)
            sl_buf_puts(out, sl_cal_month_name(h.m));
        if (h.y >= 0)
            sl_buf_printf(out, h.m ? " %d" : "%d", h.y);
        if (h.rest && read_int(h.rest, 2, &y) && h.rest[2] == ':' && read_int(h.rest + 3, 2, &k))
            sl_buf_printf(out, ", %02d:%02d", y, k);
        return;
    }
    while (v[n] >= '0' && v[n] <= '9')
        n++;
    if ((n == 2 || n == 3) && !v[n]) {
        read_int(v, n, &y);
        sl_buf_printf(out, "the %d0%ss", y, n == 2 ? "0" : "");
        return;
    }
    if (n == 4 && v[4] == '-' && read_int(v, 4, &y)) {
        const char *p = v + 5;
        if (p[0] == 'W' && read_int(p + 1, 2, &k) && (!p[3] || strcmp(p + 3, "-WE") == 0)) {
            sl_buf_printf(out, p[3] ? "the weekend of week %d of %d" : "week %d of %d", k, y);
            return;
        }
        if (p[0] == 'Q' && p[1] >= '1' && p[1] <= '4' && !p[2]) {
            sl_buf_printf(out, "Q%c %d", p[1], y);
            return;
        }
        if (p[0] == 'H' && (p[1] == '1' || p[1] == '2') && !p[2]) {
            sl_buf_printf(out, "the %s half of %d", p[1] == '1' ? "first" : "second", y);
            return;
        }
        for (k = 0; k < 4; k++)
            if (strcmp(p, seasons[k][0]) == 0) {
                sl_buf_printf(out, "%s %d", seasons[k][1], y);
                return;
            }
    }
    sl_buf_puts(out, v);
}

void sl_render_date_range(sl_buf *out, const char *from, const char *to)
{
    hdate a, b;
    if (!to || !*to || strcmp(from, to) == 0) {
        sl_render_date(out, from);
        return;
    }
    if (parse_ymd(from, &a) && parse_ymd(to, &b) && a.y >= 0 && a.y == b.y && !a.rest &&
        !b.rest && (a.d > 0) == (b.d > 0) && (a.m > 0) == (b.m > 0) && a.m) {
        if (a.d && a.m == b.m) {
            sl_buf_printf(out, "%d\xE2\x80\x93%d %s %d", a.d, b.d, sl_cal_month_name(a.m), a.y);
            return;
        }
        if (a.d)
            sl_buf_printf(out, "%d %s \xE2\x80\x93 %d %s %d", a.d, sl_cal_month_name(a.m), b.d,
                          sl_cal_month_name(b.m), a.y);
        else
            sl_buf_printf(out, "%s \xE2\x80\x93 %s %d", sl_cal_month_name(a.m),
                          sl_cal_month_name(b.m), a.y);
        return;
    }
    sl_render_date(out, from);
    sl_buf_puts(out, " \xE2\x80\x93 ");
    sl_render_date(out, to);
}

int sl_render_docs_span(sl_buf *out, const sl_digest *d)
{
    size_t i, lo = 0, hi = 0;
    long lo_day = 0, hi_day = 0;
    int found = 0;
    sl_date date;
    char a[32], b[32];
    for (i = 0; i < d->corpus->n; i++) {
        long f, l;
        if (sl_digest_doc_date(d, i, &date) != SL_OK ||
            sl_cal_value_days(date.value, &f, &l) != 0)
            continue;
        if (!found || f < lo_day) {
            lo = i;
            lo_day = f;
        }
        if (!found || l > hi_day) {
            hi = i;
            hi_day = l;
        }
        found = 1;
    }
    if (!found)
        return 0;
    sl_digest_doc_date(d, lo, &date);
    snprintf(a, sizeof(a), "%s", date.value);
    sl_digest_doc_date(d, hi, &date);
    snprintf(b, sizeof(b), "%s", date.value);
    /* a time of day is more than a span of days needs */
    a[strcspn(a, "T")] = '\0';
    b[strcspn(b, "T")] = '\0';
    sl_render_date_range(out, a, b);
    return 1;
}

const char *sl_render_entity_heading(sl_entity_type t)
{
    switch (t) {
    case SL_ENT_PERSON: return "People";
    case SL_ENT_LOCATION: return "Places";
    case SL_ENT_ORGANIZATION: return "Organizations";
    case SL_ENT_OTHER: return "Other names";
    }
    return "Other names";
}
