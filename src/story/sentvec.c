/*
 * sentvec.c: sentence vectors, the inverted index, sentence quality, the
 * budget and the redundancy test (see sentvec.h).
 *
 * Quality is a product of factors for the features that make a sentence a
 * poor summary sentence on its own (a headline, a caption, page furniture, a
 * fragment, a sentence that opens with "He" or "But").  It multiplies a
 * method's score, so such a sentence loses to a near-equal standalone one
 * but still wins when it alone carries something the story needs.
 */
#include "story/sentvec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/tokens.h"
#include "core/data.h"
#include "util/mem.h"

/* ------------------------------------------------------------------ word lists */

typedef struct phrase {
    uint32_t first; /* norm id of its first token */
    uint32_t off;   /* its tokens in ids[off .. off + len) */
    uint32_t len;
} phrase;

typedef struct sv_lists {
    uint32_t *dangling; /* sorted norm ids */
    size_t ndangling;
    phrase *debris;     /* sorted by first */
    size_t ndebris;
    uint32_t *ids;
} sv_lists;

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_phrase(const void *a, const void *b)
{
    const phrase *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->off < y->off ? -1 : x->off > y->off;
}

static void lists_free(void *p)
{
    sv_lists *l = p;
    if (!l)
        return;
    free(l->dangling);
    free(l->debris);
    free(l->ids);
    free(l);
}

static void *lists_make(sl_ctx *ctx)
{
    sv_lists *l = sl_xcalloc(1, sizeof(*l));
    size_t len, pos = 0, n, cap = 0, cd = 0, nids = 0, cids = 0;
    const char *line, *text;
    sl_token *toks = NULL;
    size_t ntoks, ctoks = 0;
    int en = strcmp(ctx->language, "english") == 0;

    text = en ? sl_data_get("en/summary-dangling", &len) : NULL;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        ntoks = 0;
        sl_tokens_scan(ctx, line, n, 0, &toks, &ntoks, &ctoks);
        if (ntoks == 1)
            SL_PUSH(l->dangling, l->ndangling, cap, toks[0].norm);
    }
    if (l->ndangling)
        qsort(l->dangling, l->ndangling, sizeof(*l->dangling), cmp_u32);

    text = en ? sl_data_get("en/summary-debris", &len) : NULL;
    pos = 0;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        phrase ph;
        size_t i;
        ntoks = 0;
        sl_tokens_scan(ctx, line, n, 0, &toks, &ntoks, &ctoks);
        if (!ntoks)
            continue;
        ph.first = toks[0].norm;
        ph.off = (uint32_t)nids;
        ph.len = (uint32_t)ntoks;
        for (i = 0; i < ntoks; i++)
            SL_PUSH(l->ids, nids, cids, toks[i].norm);
        SL_PUSH(l->debris, l->ndebris, cd, ph);
    }
    if (l->ndebris)
        qsort(l->debris, l->ndebris, sizeof(*l->debris), cmp_phrase);
    free(toks);
    return l;
}

static int is_dangling(const sv_lists *l, uint32_t norm)
{
    return l->ndangling &&
           bsearch(&norm, l->dangling, l->ndangling, sizeof(*l->dangling), cmp_u32) != NULL;
}

/* Whether tokens [a, b) contain one of the debris phrases. */
static int has_debris_phrase(const sv_lists *l, const sl_token *t, size_t a, size_t b)
{
    size_t i;
    for (i = a; i < b; i++) {
        size_t lo = 0, hi = l->ndebris;
        while (lo < hi) { /* first phrase whose first token is >= t[i].norm */
            size_t mid = (lo + hi) / 2;
            if (l->debris[mid].first < t[i].norm)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < l->ndebris && l->debris[lo].first == t[i].norm; lo++) {
            const phrase *p = &l->debris[lo];
            size_t k;
            if (i + p->len > b)
                continue;
            for (k = 1; k < p->len; k++)
                if (t[i + k].norm != l->ids[p->off + k])
                    break;
            if (k == p->len)
                return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ quality */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Counts white-space separated words and the bytes of the text with white
 * space runs made one space. */
static void measure(const char *s, size_t n, uint32_t *words, uint32_t *bytes)
{
    size_t i, w = 0, b = 0;
    int in = 0;
    for (i = 0; i < n; i++) {
        if (is_space(s[i])) {
            in = 0;
        } else {
            if (!in) {
                if (w)
                    b++;
                w++;
            }
            in = 1;
            b++;
        }
    }
    *words = (uint32_t)w;
    *bytes = (uint32_t)b;
}

static int memhas(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle), i;
    for (i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

/* Whether the text ends a sentence: final . ! ? or an ellipsis, possibly
 * followed by closing quotes or brackets. */
static int has_final_punct(const char *s, size_t n)
{
    while (n) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || is_space((char)c)) {
            n--;
        } else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                   (c == 0x9D || c == 0x99)) {
            n -= 3; /* ” ’ */
        } else {
            break;
        }
    }
    if (!n)
        return 0;
    if (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?')
        return 1;
    return n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
           (unsigned char)s[n - 1] == 0xA6;
}

/* Unbalanced quotation marks: the sentence is a piece of a split quote. */
static int unbalanced_quotes(const char *s, size_t n)
{
    size_t i, ascii = 0, open = 0, close = 0;
    for (i = 0; i < n; i++) {
        if (s[i] == '"')
            ascii++;
        else if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
            if ((unsigned char)s[i + 2] == 0x9C)
                open++;
            else if ((unsigned char)s[i + 2] == 0x9D)
                close++;
        }
    }
    return (ascii & 1) || open != close;
}

static unsigned sentence_flags(sl_ctx *ctx, const sv_lists *l, const sl_doc *d, size_t si,
                               uint32_t words)
{
    const sl_sentence *st = &d->sents[si];
    const char *s = d->text.ptr + st->start;
    size_t n = st->end - st->start, a = d->sent_tok[si], b = d->sent_tok[si + 1], i;
    size_t nword = 0, ncap = 0, nupper = 0, nstop = 0;
    unsigned f = 0;
    const sl_token *first = NULL;
    (void)ctx;

    switch (st->kind) {
    case SL_BLOCK_TITLE: case SL_BLOCK_HEADING: f |= SL_SV_TITLE; break;
    case SL_BLOCK_CAPTION: f |= SL_SV_CAPTION; break;
    case SL_BLOCK_ITEM: f |= SL_SV_ITEM; break;
    default: break;
    }
    if (words < 6)
        f |= SL_SV_SHORT;
    if (words > 80)
        f |= SL_SV_LONG;
    if (!has_final_punct(s, n))
        f |= SL_SV_UNENDED;
    if (n && s[n - 1] == ':')
        f |= SL_SV_LEADIN;
    if (memhas(s, n, "http://") || memhas(s, n, "https://") || memhas(s, n, "www.") ||
        memhas(s, n, "\xC2\xA9") || has_debris_phrase(l, d->toks, a, b))
        f |= SL_SV_DEBRIS;
    for (i = a; i < b; i++) {
        const sl_token *t = &d->toks[i];
        if (t->flags & SL_TOK_PUNCT) {
            /* an e-mail address: word@word */
            if (n && t->end - t->start == 1 && d->text.ptr[t->start] == '@' && i > a && i + 1 < b &&
                !(d->toks[i - 1].flags & SL_TOK_PUNCT) && !(d->toks[i + 1].flags & SL_TOK_PUNCT) &&
                d->toks[i - 1].end == t->start && d->toks[i + 1].start == t->end)
                f |= SL_SV_DEBRIS;
            continue;
        }
        if (!first)
            first = t;
        if (t->flags & SL_TOK_WORD) {
            nword++;
            if (t->flags & SL_TOK_STOP)
                nstop++;
            else if (t->flags & SL_TOK_CAP)
                ncap++;
            if (t->flags & SL_TOK_UPPER)
                nupper++;
        }
    }
    if (first && (first->flags & SL_TOK_WORD)) {
        if (is_dangling(l, first->norm))
            f |= SL_SV_DANGLING;
        if (!(first->flags & SL_TOK_CAP))
            f |= SL_SV_FRAGMENT;
    }
    if (unbalanced_quotes(s, n))
        f |= SL_SV_FRAGMENT;
    if (nword >= 4 && (nupper * 10 >= nword * 6 ||
                       ((f & SL_SV_UNENDED) && nword > nstop && ncap * 10 >= (nword - nstop) * 8)))
        f |= SL_SV_SHOUTING;
    return f;
}

/* The factor of each flag; a product, so two weaknesses compound. */
static float quality_of(unsigned f, uint32_t words)
{
    float q = 1.0f;
    if (f & SL_SV_TITLE) q *= 0.3f;
    if (f & SL_SV_CAPTION) q *= 0.3f;
    if (f & SL_SV_DEBRIS) q *= 0.05f;
    if (f & SL_SV_SHORT) q *= words < 4 ? 0.3f : 0.6f;
    if (f & SL_SV_LONG) q *= 0.7f;
    if (f & SL_SV_UNENDED) q *= 0.5f;
    if (f & SL_SV_DANGLING) q *= 0.85f;
    if (f & SL_SV_FRAGMENT) q *= 0.7f;
    if (f & SL_SV_SHOUTING) q *= 0.4f;
    if (f & SL_SV_ITEM) q *= 0.8f;
    if (f & SL_SV_LEADIN) q *= 0.5f;
    return q;
}

/* ------------------------------------------------------------------ building */

typedef struct raw_entry {
    uint32_t sent; /* sentence index in the set */
    uint32_t stem; /* vocabulary id */
} raw_entry;

static int cmp_raw(const void *a, const void *b)
{
    const raw_entry *x = a, *y = b;
    if (x->sent != y->sent)
        return x->sent < y->sent ? -1 : 1;
    return x->stem < y->stem ? -1 : x->stem > y->stem;
}

static int is_content(const sl_token *t)
{
    return (t->flags & (SL_TOK_WORD | SL_TOK_NUMBER)) && !(t->flags & SL_TOK_STOP);
}

uint32_t sl_svset_term(const sl_svset *set, uint32_t stem)
{
    size_t lo = 0, hi = set->nterms;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (set->stem[mid] < stem)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < set->nterms && set->stem[lo] == stem ? (uint32_t)lo : UINT32_MAX;
}

/* The query's weights: idf of each of its terms found in the story,
 * normalized; and each sentence's cosine with it. */
static void build_query(sl_ctx *ctx, sl_svset *set, const char *q, size_t qlen)
{
    sl_token *toks = NULL;
    size_t nt = 0, ct = 0, i;
    double norm = 0;
    float *qw;
    sl_tokens_scan(ctx, q, qlen, 0, &toks, &nt, &ct);
    qw = sl_arena_alloc(&set->arena, (set->nterms ? set->nterms : 1) * sizeof(*qw));
    for (i = 0; i < nt; i++) {
        uint32_t t;
        if (!is_content(&toks[i]))
            continue;
        t = sl_svset_term(set, toks[i].stem);
        if (t != UINT32_MAX)
            qw[t] += set->idf[t];
    }
    free(toks);
    for (i = 0; i < set->nterms; i++)
        norm += (double)qw[i] * qw[i];
    if (norm <= 0)
        return; /* nothing of the query is in the story: generic summary */
    norm = sqrt(norm);
    for (i = 0; i < set->nterms; i++)
        qw[i] = (float)(qw[i] / norm);
    set->qw = qw;
    set->qrel = sl_arena_alloc(&set->arena, (set->n ? set->n : 1) * sizeof(*set->qrel));
    for (i = 0; i < set->n; i++) {
        uint32_t k;
        double dot = 0;
        for (k = set->s[i].t0; k < set->s[i].t1; k++)
            dot += (double)set->w[k] * qw[set->term[k]];
        set->qrel[i] = (float)dot;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Off-topic documents: each document's cosine with the rest of the story
 * (the sum of its sentence vectors against the sum of all others').  A
 * document under a fifth of the median cosine is weighted down in
 * proportion (to a floor of 0.1): Multi-News-style clusters hold error pages
 * and archive notices that share almost no words with the story (on the dev
 * clusters such pages score under 0.05 while real articles score 0.07 and
 * up against medians around 0.3).  Stories of one or two documents have no
 * majority to judge by and are left alone; with a query, a document holding
 * a sentence at least half as relevant as the best is never off-topic. */
static void topicality(sl_svset *set)
{
    double qbest = 0;
    double *g = sl_xcalloc(set->nterms ? set->nterms : 1, sizeof(*g));
    double *v = sl_xcalloc(set->nterms ? set->nterms : 1, sizeof(*v));
    double *cos = sl_xcalloc(set->ndocs ? set->ndocs : 1, sizeof(*cos));
    double *sorted = sl_xcalloc(set->ndocs ? set->ndocs : 1, sizeof(*sorted));
    uint32_t *touched = sl_xmalloc((set->nterms ? set->nterms : 1) * sizeof(*touched));
    double gg = 0, median;
    size_t d, i, k;
    if (set->ndocs < 3)
        goto done;
    for (i = 0; set->qrel && i < set->n; i++)
        if (set->qrel[i] > qbest)
            qbest = set->qrel[i];
    for (k = 0; k < set->nnz; k++)
        g[set->term[k]] += set->w[k];
    for (k = 0; k < set->nterms; k++)
        gg += g[k] * g[k];
    for (d = 0; d < set->ndocs; d++) {
        size_t nt = 0;
        double vg = 0, vv = 0, rest;
        for (i = set->doc_first[d]; i < set->doc_first[d + 1]; i++)
            for (k = set->s[i].t0; k < set->s[i].t1; k++) {
                if (v[set->term[k]] == 0)
                    touched[nt++] = set->term[k];
                v[set->term[k]] += set->w[k];
            }
        for (k = 0; k < nt; k++) {
            vg += v[touched[k]] * g[touched[k]];
            vv += v[touched[k]] * v[touched[k]];
            v[touched[k]] = 0;
        }
        rest = gg - 2 * vg + vv;
        cos[d] = vv > 0 && rest > 1e-12 ? (vg - vv) / (sqrt(vv) * sqrt(rest)) : 0;
        sorted[d] = cos[d];
    }
    qsort(sorted, set->ndocs, sizeof(*sorted), cmp_double);
    median = sorted[set->ndocs / 2];
    for (d = 0; d < set->ndocs && median > 0; d++) {
        double f = cos[d] / (0.2 * median), best = 0;
        if (f >= 1)
            continue;
        if (set->qrel) {
            for (i = set->doc_first[d]; i < set->doc_first[d + 1]; i++)
                if (set->qrel[i] > best)
                    best = set->qrel[i];
            if (best >= 0.5 * qbest)
                continue;
        }
        if (f < 0.1)
            f = 0.1;
        for (i = set->doc_first[d]; i < set->doc_first[d + 1]; i++) {
            set->s[i].quality *= (float)f;
            set->s[i].flags |= SL_SV_OFFTOPIC;
        }
    }
done:
    free(g);
    free(v);
    free(cos);
    free(sorted);
    free(touched);
}

int sl_svset_build(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, const char *query,
                   size_t query_len, sl_svset *set)
{
    sv_lists *l = sl_ctx_resource(ctx, "summary.lists", lists_make, lists_free);
    raw_entry *raw = NULL;
    size_t nraw = 0, craw = 0, d, i, k, total = 0;
    uint32_t *last_doc;

    memset(set, 0, sizeof(*set));
    set->ctx = ctx;
    set->docs = docs;
    set->ndocs = ndocs;
    for (d = 0; d < ndocs; d++)
        total += docs[d]->nsents;
    set->s = sl_arena_alloc(&set->arena, (total ? total : 1) * sizeof(*set->s));
    set->doc_first = sl_arena_alloc(&set->arena, (ndocs + 1) * sizeof(*set->doc_first));
    set->doc_body = sl_arena_alloc(&set->arena, (ndocs + 1) * sizeof(*set->doc_body));

    /* 1. sentences: lengths, flags, content tokens */
    for (d = 0; d < ndocs; d++) {
        const sl_doc *doc = docs[d];
        uint32_t rank = 0;
        set->doc_first[d] = (uint32_t)set->n;
        for (i = 0; i < doc->nsents; i++) {
            sl_sv *s = &set->s[set->n];
            const sl_sentence *st = &doc->sents[i];
            size_t a = doc->sent_tok[i], b = doc->sent_tok[i + 1], j;
            uint64_t h = 1469598103934665603ull;
            s->doc = (uint32_t)d;
            s->sent = (uint32_t)i;
            measure(doc->text.ptr + st->start, st->end - st->start, &s->words, &s->bytes);
            s->flags = sentence_flags(ctx, l, doc, i, s->words);
            s->quality = quality_of(s->flags, s->words);
            s->rank = rank;
            if (s->quality >= 0.5f && !(s->flags & (SL_SV_TITLE | SL_SV_CAPTION)))
                rank++;
            for (j = a; j < b; j++) {
                const sl_token *t = &doc->toks[j];
                if (!(t->flags & SL_TOK_PUNCT)) {
                    h ^= t->norm;
                    h *= 1099511628211ull;
                }
                if (is_content(t)) {
                    raw_entry e;
                    e.sent = (uint32_t)set->n;
                    e.stem = t->stem;
                    SL_PUSH(raw, nraw, craw, e);
                    s->ntok++;
                }
            }
            s->hash = h;
            set->n++;
        }
        set->doc_body[d] = rank;
    }
    set->doc_first[ndocs] = (uint32_t)set->n;

    /* 2. the story's terms: sorted distinct stems get local ids */
    {
        uint32_t *stems = sl_xmalloc((nraw ? nraw : 1) * sizeof(*stems));
        size_t nu = 0;
        for (k = 0; k < nraw; k++)
            stems[k] = raw[k].stem;
        qsort(stems, nraw, sizeof(*stems), cmp_u32);
        for (k = 0; k < nraw; k++)
            if (nu == 0 || stems[nu - 1] != stems[k])
                stems[nu++] = stems[k];
        set->nterms = nu;
        set->stem = sl_arena_alloc(&set->arena, (nu ? nu : 1) * sizeof(*set->stem));
        memcpy(set->stem, stems, nu * sizeof(*stems));
        free(stems);
    }

    /* 3. entries: one per (sentence, term) with its count */
    if (nraw)
        qsort(raw, nraw, sizeof(*raw), cmp_raw);
    set->term = sl_arena_alloc(&set->arena, (nraw ? nraw : 1) * sizeof(*set->term));
    set->tf = sl_arena_alloc(&set->arena, (nraw ? nraw : 1) * sizeof(*set->tf));
    set->w = sl_arena_alloc(&set->arena, (nraw ? nraw : 1) * sizeof(*set->w));
    set->df = sl_arena_alloc(&set->arena, (set->nterms ? set->nterms : 1) * sizeof(*set->df));
    set->ddf = sl_arena_alloc(&set->arena, (set->nterms ? set->nterms : 1) * sizeof(*set->ddf));
    set->idf = sl_arena_alloc(&set->arena, (set->nterms ? set->nterms : 1) * sizeof(*set->idf));
    last_doc = sl_xmalloc((set->nterms ? set->nterms : 1) * sizeof(*last_doc));
    for (k = 0; k < set->nterms; k++)
        last_doc[k] = UINT32_MAX;
    for (i = 0; i < set->n; i++)
        set->s[i].t0 = set->s[i].t1 = 0;
    k = 0;
    while (k < nraw) {
        size_t j = k;
        uint32_t t, si = raw[k].sent;
        while (j < nraw && raw[j].sent == si && raw[j].stem == raw[k].stem)
            j++;
        t = sl_svset_term(set, raw[k].stem);
        if (set->nnz == 0 || set->s[si].t1 == 0)
            set->s[si].t0 = set->s[si].t1 = (uint32_t)set->nnz;
        set->term[set->nnz] = t;
        set->tf[set->nnz] = (float)(j - k);
        set->nnz++;
        set->s[si].t1 = (uint32_t)set->nnz;
        set->df[t]++;
        if (last_doc[t] != set->s[si].doc) {
            last_doc[t] = set->s[si].doc;
            set->ddf[t]++;
        }
        k = j;
    }
    free(last_doc);
    free(raw);

    /* 4. weights: tf * idf, unit length per sentence */
    for (k = 0; k < set->nterms; k++)
        set->idf[k] = (float)log(1.0 + (double)set->n / set->df[k]);
    for (i = 0; i < set->n; i++) {
        double norm = 0;
        for (k = set->s[i].t0; k < set->s[i].t1; k++) {
            double v = set->tf[k] * set->idf[set->term[k]];
            norm += v * v;
        }
        norm = norm > 0 ? sqrt(norm) : 1;
        for (k = set->s[i].t0; k < set->s[i].t1; k++)
            set->w[k] = (float)(set->tf[k] * set->idf[set->term[k]] / norm);
    }

    /* 5. the inverted index, by counting sort on the term */
    set->post_off = sl_arena_alloc(&set->arena, (set->nterms + 1) * sizeof(*set->post_off));
    set->post_s = sl_arena_alloc(&set->arena, (set->nnz ? set->nnz : 1) * sizeof(*set->post_s));
    set->post_w = sl_arena_alloc(&set->arena, (set->nnz ? set->nnz : 1) * sizeof(*set->post_w));
    for (k = 0; k < set->nterms; k++)
        set->post_off[k + 1] = set->post_off[k] + set->df[k];
    {
        uint32_t *fill = sl_xmalloc((set->nterms ? set->nterms : 1) * sizeof(*fill));
        memcpy(fill, set->post_off, set->nterms * sizeof(*fill));
        for (i = 0; i < set->n; i++)
            for (k = set->s[i].t0; k < set->s[i].t1; k++) {
                uint32_t p = fill[set->term[k]]++;
                set->post_s[p] = (uint32_t)i;
                set->post_w[p] = set->w[k];
            }
        free(fill);
    }

    if (query && query_len)
        build_query(ctx, set, query, query_len);
    topicality(set);
    return SL_OK;
}

void sl_svset_free(sl_svset *set)
{
    if (!set)
        return;
    sl_arena_free(&set->arena);
    memset(set, 0, sizeof(*set));
}

void sl_sv_text(const sl_svset *set, const sl_sv *s, sl_buf *out)
{
    const sl_doc *d = set->docs[s->doc];
    const sl_sentence *st = &d->sents[s->sent];
    const char *p = d->text.ptr + st->start;
    size_t n = st->end - st->start, i;
    int space = 0, any = 0;
    for (i = 0; i < n; i++) {
        if (is_space(p[i])) {
            space = 1;
        } else {
            if (space && any)
                sl_buf_putc(out, ' ');
            sl_buf_putc(out, p[i]);
            space = 0;
            any = 1;
        }
    }
}

/* ------------------------------------------------------------------ similarity */

size_t sl_sv_row(const sl_svset *set, uint32_t i, double *acc, uint32_t *touched)
{
    size_t nt = 0;
    uint32_t k, p;
    for (k = set->s[i].t0; k < set->s[i].t1; k++) {
        uint32_t t = set->term[k];
        double wi = set->w[k];
        for (p = set->post_off[t]; p < set->post_off[t + 1]; p++) {
            uint32_t j = set->post_s[p];
            if (acc[j] == 0)
                touched[nt++] = j;
            acc[j] += wi * set->post_w[p];
            if (acc[j] == 0)
                acc[j] = 1e-300; /* stays marked as touched */
        }
    }
    return nt;
}

void sl_sv_row_reset(double *acc, const uint32_t *touched, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        acc[touched[i]] = 0;
}

double sl_sv_cos(const sl_svset *set, uint32_t a, uint32_t b)
{
    uint32_t i = set->s[a].t0, j = set->s[b].t0;
    double dot = 0;
    while (i < set->s[a].t1 && j < set->s[b].t1) {
        if (set->term[i] == set->term[j])
            dot += (double)set->w[i++] * set->w[j++];
        else if (set->term[i] < set->term[j])
            i++;
        else
            j++;
    }
    return dot;
}

/* ------------------------------------------------------------------ budget */

int sl_budget_fits(const sl_budget *b, const sl_sv *s)
{
    if (b->words && b->used_words + s->words > b->words)
        return 0;
    if (b->sentences && b->used_sentences + 1 > b->sentences)
        return 0;
    if (b->bytes && b->used_bytes + (b->used_sentences ? 1 : 0) + s->bytes > b->bytes)
        return 0;
    return s->words > 0;
}

void sl_budget_add(sl_budget *b, const sl_sv *s)
{
    b->used_bytes += (b->used_sentences ? 1 : 0) + s->bytes;
    b->used_words += s->words;
    b->used_sentences++;
}

/* ------------------------------------------------------------------ redundancy */

/* The containment rule: nearly all of the shorter sentence's terms (at least
 * two) are in the longer one. */
static int contained(uint32_t shared, uint32_t na, uint32_t nb)
{
    uint32_t m = na < nb ? na : nb;
    return m >= 2 && shared * 10 >= m * 8;
}

void sl_redund_init(sl_redund *r, sl_svset *set)
{
    size_t n = set->n ? set->n : 1;
    r->blocked = sl_arena_alloc(&set->arena, n);
    r->maxsim = sl_arena_alloc(&set->arena, n * sizeof(*r->maxsim));
    r->acc = sl_arena_alloc(&set->arena, n * sizeof(*r->acc));
    r->touched = sl_arena_alloc(&set->arena, n * sizeof(*r->touched));
    r->shared = sl_arena_alloc(&set->arena, n * sizeof(*r->shared));
}

void sl_redund_add(sl_redund *r, const sl_svset *set, uint32_t i)
{
    size_t nt = 0, k;
    uint32_t e, p, ni = set->s[i].t1 - set->s[i].t0;
    for (e = set->s[i].t0; e < set->s[i].t1; e++) {
        uint32_t t = set->term[e];
        for (p = set->post_off[t]; p < set->post_off[t + 1]; p++) {
            uint32_t j = set->post_s[p];
            if (r->shared[j] == 0)
                r->touched[nt++] = j;
            r->shared[j]++;
            r->acc[j] += (double)set->w[e] * set->post_w[p];
        }
    }
    for (k = 0; k < nt; k++) {
        uint32_t j = r->touched[k];
        uint32_t nj = set->s[j].t1 - set->s[j].t0;
        if (r->acc[j] > r->maxsim[j])
            r->maxsim[j] = (float)r->acc[j];
        if (r->acc[j] >= SL_REDUNDANT_COS || contained(r->shared[j], ni, nj))
            r->blocked[j] = 1;
        r->acc[j] = 0;
        r->shared[j] = 0;
    }
    r->blocked[i] = 1;
    /* exact duplicates, including those without content words */
    for (k = 0; k < set->n; k++)
        if (set->s[k].hash == set->s[i].hash)
            r->blocked[k] = 1;
}

int sl_sv_redundant(const sl_svset *set, uint32_t a, uint32_t b)
{
    uint32_t i = set->s[a].t0, j = set->s[b].t0, shared = 0;
    double dot = 0;
    if (set->s[a].hash == set->s[b].hash)
        return 1;
    while (i < set->s[a].t1 && j < set->s[b].t1) {
        if (set->term[i] == set->term[j]) {
            dot += (double)set->w[i++] * set->w[j++];
            shared++;
        } else if (set->term[i] < set->term[j]) {
            i++;
        } else {
            j++;
        }
    }
    return dot >= SL_REDUNDANT_COS ||
           contained(shared, set->s[a].t1 - set->s[a].t0, set->s[b].t1 - set->s[b].t0);
}
