/*
 * digest.c: sl_digest_new and the accessors (see storyline.h): runs the
 * summary over the corpus, then the entities (story/entities.c) and the
 * comparison of sources (story/compare.c), and keeps what the writers need.
 */
#include "story/digest.h"

#include <stdlib.h>
#include <string.h>

#include "story/compare.h"
#include "analysis/dates.h"
#include "story/summary.h"
#include "story/timeline.h"
#include "util/buf.h"
#include "util/mem.h"

const char *const *sl_digest_methods(void)
{
    return sl_sum_method_names();
}

/* Unique ids: the first document with an id keeps it, later ones get -2, -3... */
static char **unique_ids(const sl_corpus *c)
{
    size_t n = c->n, i, j;
    char **ids = sl_xcalloc(n ? n : 1, sizeof(*ids));
    for (i = 0; i < n; i++) {
        const char *id = sl_doc_id(c->docs[i]);
        int k = 1, clash;
        sl_buf b = SL_BUF_INIT;
        sl_buf_puts(&b, id);
        do {
            clash = 0;
            for (j = 0; j < i; j++)
                if (strcmp(ids[j], sl_buf_cstr(&b)) == 0) {
                    clash = 1;
                    break;
                }
            if (clash) {
                sl_buf_clear(&b);
                sl_buf_printf(&b, "%s-%d", id, ++k);
            }
        } while (clash);
        ids[i] = sl_buf_detach(&b);
    }
    return ids;
}

/* The timeline stage: each document resolved against its date in the digest. */
static void digest_timeline(sl_digest *d)
{
    size_t n = d->corpus->n, i;
    sl_tpoint *pts = sl_xcalloc(n ? n : 1, sizeof(*pts));
    for (i = 0; i < n; i++)
        if (d->dates[i].precision == SL_PREC_NONE ||
            sl_tpoint_parse(d->dates[i].value, strlen(d->dates[i].value), &pts[i]) < 0)
            memset(&pts[i], 0, sizeof(pts[i]));
    sl_timeline_build(d->ctx, d->corpus->docs, n, pts, &d->timeline, &d->ntimeline);
    free(pts);
}

int sl_digest_new(sl_ctx *ctx, const sl_corpus *c, const sl_digest_opts *opts, sl_digest **out)
{
    sl_digest *d;
    sl_sum_opts so;
    sl_sum_pick *picks = NULL;
    size_t npicks = 0, i;
    const char *date = NULL;
    int m, rc;

    if (out)
        *out = NULL;
    if (!ctx || !c || !out)
        return SL_EINVAL;
    if (opts && opts->version != SL_DIGEST_OPTS_VERSION && opts->version != 1)
        return sl_fail(ctx, SL_EINVAL, "digest options: version %d, expected %d", opts->version,
                       SL_DIGEST_OPTS_VERSION);
    if (opts && opts->version >= 2 && opts->date) {
        sl_tpoint pt;
        if (sl_date_parse_override(opts->date, &pt) < 0)
            return sl_fail(ctx, SL_EINVAL, "malformed date '%s' (expected YYYY-MM-DD)", opts->date);
        date = opts->date;
    }
    m = sl_sum_method_parse(opts && opts->method ? opts->method : "default");
    if (m < 0)
        return sl_fail(ctx, SL_EINVAL, "unknown summary method '%s'", opts && opts->method ? opts->method : "");
    memset(&so, 0, sizeof(so));
    so.method = (sl_sum_method)m;
    if (opts) {
        so.words = opts->words;
        so.sentences = opts->sentences;
        so.bytes = opts->bytes;
        if (opts->query && opts->query_len) { /* an empty query is no query */
            so.query = opts->query;
            so.query_len = opts->query_len;
        }
    }
    if (!so.words && !so.sentences && !so.bytes)
        so.words = SL_DIGEST_DEFAULT_WORDS;

    d = sl_xcalloc(1, sizeof(*d));
    d->ctx = ctx;
    d->corpus = c;
    d->method = sl_sum_method_name(so.method);
    if (so.query)
        d->query = sl_xstrndup(so.query, so.query_len);
    d->words = so.words;
    d->sentences = so.sentences;
    d->bytes = so.bytes;
    d->doc_ids = unique_ids(c);
    sl_digest_dates_build(d, date); /* before the summary, which reads in date order */
    so.dates = d->dates;

    rc = sl_summarize(ctx, c->docs, c->n, &so, &picks, &npicks);
    if (rc < 0) {
        sl_digest_free(d);
        return rc;
    }
    d->items = sl_xcalloc(npicks ? npicks : 1, sizeof(*d->items));
    for (i = 0; i < npicks; i++) {
        const sl_doc *doc = c->docs[picks[i].doc];
        const sl_sentence *st = &doc->sents[picks[i].sent];
        const char *p = doc->text.ptr + st->start;
        size_t n = st->end - st->start, k;
        sl_buf b = SL_BUF_INIT;
        sl_summary_item *it;
        int space = 0;
        for (k = 0; k < n; k++) {
            char ch = p[k];
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v') {
                space = 1;
            } else {
                if (space && b.len)
                    sl_buf_putc(&b, ' ');
                sl_buf_putc(&b, ch);
                space = 0;
            }
        }
        if (!b.ptr)
            sl_buf_puts(&b, "");
        it = &d->items[i];
        it->doc = picks[i].doc;
        it->sentence = picks[i].sent;
        it->score = picks[i].score;
        it->len = b.len;
        it->text = sl_buf_detach(&b);
        d->used_bytes += (i ? 1 : 0) + it->len;
        d->nitems++;
    }
    /* words as the budget counts them */
    for (i = 0; i < d->nitems; i++) {
        const char *t = d->items[i].text;
        size_t k;
        int in = 0;
        for (k = 0; k < d->items[i].len; k++) {
            if (t[k] == ' ')
                in = 0;
            else if (!in) {
                in = 1;
                d->used_words++;
            }
        }
    }
    free(picks);
    digest_timeline(d);

    /* who is in the story, and what its sources say alike or differently */
    d->entities = sl_entities_new(ctx, c);
    {
        sl_cmp_result r;
        sl_compare(ctx, c->docs, c->n, d->entities, NULL, &r);
        d->agree = r.agree;
        d->nagree = r.nagree;
        d->disagree = r.disagree;
        d->ndisagree = r.ndisagree;
    }
    *out = d;
    return SL_OK;
}

void sl_digest_free(sl_digest *d)
{
    size_t i;
    if (!d)
        return;
    for (i = 0; i < d->nitems; i++)
        free((char *)d->items[i].text);
    free(d->items);
    for (i = 0; i < d->ntimeline; i++) {
        free(d->timeline[i].text);
        free(d->timeline[i].docs);
    }
    free(d->timeline);
    sl_digest_dates_free(d);
    sl_entities_free(d->entities);
    sl_cmp_items_free(d->agree, d->nagree);
    sl_cmp_items_free(d->disagree, d->ndisagree);
    if (d->doc_ids)
        for (i = 0; i < d->corpus->n; i++)
            free(d->doc_ids[i]);
    free(d->doc_ids);
    free(d->query);
    free(d);
}

const char *sl_digest_method(const sl_digest *d)
{
    return d ? d->method : "";
}

const char *sl_digest_query(const sl_digest *d)
{
    return d ? d->query : NULL;
}

const char *sl_digest_doc_id(const sl_digest *d, size_t doc)
{
    return d && doc < d->corpus->n ? d->doc_ids[doc] : "";
}

size_t sl_digest_summary_count(const sl_digest *d)
{
    return d ? d->nitems : 0;
}

const sl_summary_item *sl_digest_summary_item(const sl_digest *d, size_t i)
{
    return d && i < d->nitems ? &d->items[i] : NULL;
}

/* ------------------------------------------------------------------ entities and comparison */

const sl_entities *sl_digest_entities(const sl_digest *d)
{
    return d ? d->entities : NULL;
}

size_t sl_digest_agree_count(const sl_digest *d)
{
    return d ? d->nagree : 0;
}

size_t sl_digest_disagree_count(const sl_digest *d)
{
    return d ? d->ndisagree : 0;
}

static int cmp_fact(const sl_cmp_item *v, size_t n, size_t i, sl_cmp_fact *out)
{
    if (!out)
        return SL_EINVAL;
    memset(out, 0, sizeof(*out));
    if (i >= n)
        return SL_EINVAL;
    out->about = v[i].about;
    out->kind = v[i].kind;
    out->value = v[i].value;
    out->nclaims = v[i].nclaims;
    return SL_OK;
}

int sl_digest_agreement(const sl_digest *d, size_t i, sl_cmp_fact *out)
{
    return cmp_fact(d ? d->agree : NULL, d ? d->nagree : 0, i, out);
}

int sl_digest_disagreement(const sl_digest *d, size_t i, sl_cmp_fact *out)
{
    return cmp_fact(d ? d->disagree : NULL, d ? d->ndisagree : 0, i, out);
}

int sl_digest_claim(const sl_digest *d, int disagreement, size_t i, size_t j, sl_cmp_claim *out)
{
    const sl_cmp_item *v;
    size_t n;
    if (!out)
        return SL_EINVAL;
    memset(out, 0, sizeof(*out));
    if (!d)
        return SL_EINVAL;
    v = disagreement ? d->disagree : d->agree;
    n = disagreement ? d->ndisagree : d->nagree;
    if (i >= n || j >= v[i].nclaims)
        return SL_EINVAL;
    out->doc = v[i].claims[j].doc;
    out->sentence = v[i].claims[j].sentence;
    out->text = v[i].claims[j].text;
    out->value = v[i].claims[j].value;
    return SL_OK;
}
