/*
 * rouge_api.c: the public ROUGE calls (sl_rouge_*), over rouge.h.
 *
 * An sl_rouge keeps one row of rouge_stats per summary added; the averages
 * want the rows in the byte order of the ids (Perl's `sort keys` in the
 * reference script), so an index is sorted when first needed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ctx.h"
#include "eval/rouge.h"
#include "util/mem.h"

struct sl_rouge {
    sl_ctx *ctx;
    sl_rouge_opts o;
    rouge_scorer *scorer;
    char names[SL_ROUGE_MAX_METRICS][24];
    size_t nmetrics;
    char **ids;          /* per summary, in the order added */
    rouge_stats *stats;  /* nmetrics per summary */
    size_t n, cids, cstats;
    size_t *order;       /* summaries in byte order of ids; NULL when stale */
};

static void to_result(const char name[24], const rouge_stats *st, sl_rouge_result *out)
{
    memset(out, 0, sizeof(*out));
    memcpy(out->metric, name, sizeof(out->metric));
    out->recall = out->recall_low = out->recall_high = st->recall;
    out->precision = out->precision_low = out->precision_high = st->precision;
    out->f = out->f_low = out->f_high = st->f;
    out->model_count = st->model_count;
    out->peer_count = st->peer_count;
    out->hits = st->hits;
}

/* Prepares the summary and its references and scores them into st[]. */
static int score_texts(sl_ctx *ctx, rouge_scorer *sc, const sl_rouge_opts *o, const char *name,
                       const char *summary, size_t len, const char *const *refs,
                       const size_t *ref_lens, size_t nrefs, rouge_stats *st, size_t *n)
{
    rouge_text *peer = NULL, **models;
    char label[300];
    sl_span *sp = NULL;
    size_t nsp = 0, i, made = 0;
    int rc;

    if ((!summary && len) || (nrefs && (!refs || !ref_lens)))
        return sl_fail(ctx, SL_EINVAL, "rouge: NULL text");
    for (i = 0; i < nrefs; i++)
        if (!refs[i] && ref_lens[i])
            return sl_fail(ctx, SL_EINVAL, "rouge: NULL reference text");
    models = sl_xcalloc(nrefs ? nrefs : 1, sizeof(rouge_text *));
    rouge_sentences(ctx, o, summary ? summary : "", len, &sp, &nsp);
    snprintf(label, sizeof(label), "%s%sthe summary", name ? name : "", name ? ": " : "");
    rc = rouge_text_make(sc, label, summary ? summary : "", sp, nsp, &peer);
    free(sp);
    for (i = 0; i < nrefs && rc == SL_OK; i++, made++) {
        const char *t = refs[i] ? refs[i] : "";
        snprintf(label, sizeof(label), "%s%sreference %zu", name ? name : "", name ? ": " : "",
                 i + 1);
        rouge_sentences(ctx, o, t, ref_lens[i], &sp, &nsp);
        rc = rouge_text_make(sc, label, t, sp, nsp, &models[i]);
        free(sp);
    }
    if (rc == SL_OK)
        rc = rouge_score(sc, peer, (const rouge_text *const *)models, nrefs, st, n);
    if (rc == SL_ETOOBIG && name && strncmp(sl_errmsg(ctx), "ROUGE-", 6) == 0) {
        /* the caps of rouge_score name the metric; add whose texts */
        char *msg = sl_xstrdup(sl_errmsg(ctx));
        sl_fail(ctx, rc, "%s: %s", name, msg);
        free(msg);
    }
    for (i = 0; i < made; i++)
        rouge_text_free(models[i]);
    free(models);
    rouge_text_free(peer);
    return rc;
}

int sl_rouge_score(sl_ctx *ctx, const sl_rouge_opts *opts, const char *summary, size_t len,
                   const char *const *refs, const size_t *ref_lens, size_t nrefs,
                   sl_rouge_result *out, size_t *n)
{
    rouge_stats st[SL_ROUGE_MAX_METRICS];
    char names[SL_ROUGE_MAX_METRICS][24];
    rouge_scorer *sc;
    size_t i, nm = 0;
    int rc;

    if (!ctx || !out || !n)
        return SL_EINVAL;
    *n = 0;
    if ((rc = rouge_opts_check(ctx, opts)) != SL_OK)
        return rc;
    sc = rouge_scorer_new(ctx, opts);
    rc = score_texts(ctx, sc, opts, NULL, summary, len, refs, ref_lens, nrefs, st, &nm);
    rouge_scorer_free(sc);
    if (rc != SL_OK)
        return rc;
    rouge_metric_names(opts, names);
    for (i = 0; i < nm; i++)
        to_result(names[i], &st[i], &out[i]);
    *n = nm;
    return SL_OK;
}

int sl_rouge_new(sl_ctx *ctx, const sl_rouge_opts *opts, sl_rouge **out)
{
    sl_rouge *r;
    int rc;
    if (!ctx || !out)
        return SL_EINVAL;
    *out = NULL;
    if ((rc = rouge_opts_check(ctx, opts)) != SL_OK)
        return rc;
    r = sl_xcalloc(1, sizeof(*r));
    r->ctx = ctx;
    r->o = *opts;
    r->scorer = rouge_scorer_new(ctx, opts);
    r->nmetrics = rouge_metric_names(opts, r->names);
    *out = r;
    return SL_OK;
}

void sl_rouge_free(sl_rouge *r)
{
    size_t i;
    if (!r)
        return;
    for (i = 0; i < r->n; i++)
        free(r->ids[i]);
    free(r->ids);
    free(r->stats);
    free(r->order);
    rouge_scorer_free(r->scorer);
    free(r);
}

int sl_rouge_add(sl_rouge *r, const char *id, const char *summary, size_t len,
                 const char *const *refs, const size_t *ref_lens, size_t nrefs)
{
    rouge_stats st[SL_ROUGE_MAX_METRICS];
    size_t nm = 0, i;
    int rc;
    if (!r || !id)
        return SL_EINVAL;
    rc = score_texts(r->ctx, r->scorer, &r->o, id, summary, len, refs, ref_lens, nrefs, st, &nm);
    if (rc != SL_OK)
        return rc;
    SL_PUSH(r->ids, r->n, r->cids, sl_xstrdup(id));
    if (r->n * r->nmetrics > r->cstats)
        r->stats = sl_xgrow(r->stats, &r->cstats, r->n * r->nmetrics, sizeof(*r->stats));
    for (i = 0; i < r->nmetrics; i++)
        r->stats[(r->n - 1) * r->nmetrics + i] = st[i];
    free(r->order);
    r->order = NULL;
    return SL_OK;
}

size_t sl_rouge_count(const sl_rouge *r)
{
    return r ? r->n : 0;
}

/* The script sorts its "<id>.<peer>" keys as strings, the peer being the
 * same for all: byte order of the ids, each as if followed by '.' (so "a-b"
 * comes before "a", since '-' < '.'). */
static int key_char(const char *s, size_t i, size_t n)
{
    return i < n ? (unsigned char)s[i] : i == n ? '.' : -1;
}

static int cmp_keys(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), i;
    for (i = 0;; i++) {
        int x = key_char(a, i, na), y = key_char(b, i, nb);
        if (x != y)
            return x < y ? -1 : 1;
        if (x < 0)
            return 0;
    }
}

/* Sorts idx[0..n) by key, stably (merge sort through tmp; no global state,
 * since qsort has no user pointer in C11). */
static void sort_ids(char *const *ids, size_t *idx, size_t *tmp, size_t n)
{
    size_t h = n / 2, i = 0, j = h, k = 0;
    if (n < 2)
        return;
    sort_ids(ids, idx, tmp, h);
    sort_ids(ids, idx + h, tmp, n - h);
    while (i < h && j < n)
        tmp[k++] = cmp_keys(ids[idx[j]], ids[idx[i]]) < 0 ? idx[j++] : idx[i++];
    while (i < h)
        tmp[k++] = idx[i++];
    while (j < n)
        tmp[k++] = idx[j++];
    memcpy(idx, tmp, n * sizeof(*idx));
}

static void ensure_order(sl_rouge *r)
{
    size_t i, *tmp;
    if (r->order)
        return;
    r->order = sl_xmalloc((r->n ? r->n : 1) * sizeof(size_t));
    tmp = sl_xmalloc((r->n ? r->n : 1) * sizeof(size_t));
    for (i = 0; i < r->n; i++)
        r->order[i] = i;
    sort_ids(r->ids, r->order, tmp, r->n);
    free(tmp);
}

const char *sl_rouge_id(const sl_rouge *r, size_t i)
{
    if (!r || i >= r->n)
        return "";
    ensure_order((sl_rouge *)r);
    return r->ids[r->order[i]];
}

int sl_rouge_instance(sl_rouge *r, size_t i, sl_rouge_result *out, size_t *n)
{
    size_t k;
    if (!r || !out || !n || i >= r->n)
        return SL_EINVAL;
    ensure_order(r);
    for (k = 0; k < r->nmetrics; k++)
        to_result(r->names[k], &r->stats[r->order[i] * r->nmetrics + k], &out[k]);
    *n = r->nmetrics;
    return SL_OK;
}

int sl_rouge_average(sl_rouge *r, sl_rouge_result *out, size_t *n)
{
    rouge_stats *sorted;
    size_t i, k;
    if (!r || !out || !n)
        return SL_EINVAL;
    *n = 0;
    if (r->n == 0)
        return sl_fail(r->ctx, SL_EEMPTY, "rouge: no summary to average");
    ensure_order(r);
    sorted = sl_xmalloc(r->n * r->nmetrics * sizeof(*sorted));
    for (i = 0; i < r->n; i++)
        memcpy(&sorted[i * r->nmetrics], &r->stats[r->order[i] * r->nmetrics],
               r->nmetrics * sizeof(*sorted));
    for (k = 0; k < r->nmetrics; k++) {
        memset(&out[k], 0, sizeof(out[k]));
        memcpy(out[k].metric, r->names[k], sizeof(out[k].metric));
        rouge_average(&r->o, sorted, r->n, r->nmetrics, k, &out[k]);
    }
    free(sorted);
    *n = r->nmetrics;
    return SL_OK;
}
