/*
 * cluster.c: grouping documents into stories.
 *
 * Each document is a TF-IDF vector over the stems of its content words
 * (stopwords, numbers and punctuation left out; log-scaled term frequency;
 * headline words counted twice, since a headline names the story).  Similar
 * pairs are found through an inverted index, never by comparing every pair:
 * a term shared by more than half of the documents carries no story signal
 * and is skipped, and each document keeps only its strongest neighbours.
 *
 * The pairs above a threshold form a sparse graph, clustered by average
 * linkage (UPGMA): the two clusters with the highest mean similarity over all
 * their document pairs (absent pairs count as 0) merge, until no pair of
 * clusters reaches the threshold.  Average linkage resists the chaining of
 * single linkage, where one article that mentions two stories glues them
 * together.  Merges are found with a max-heap and lazy invalidation.
 *
 * Output order is deterministic: stories by first document index, documents
 * in input order.
 */
#include "story/cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

typedef struct term_w {
    uint32_t term; /* stem id */
    float w;
} term_w;

typedef struct posting {
    uint32_t doc;
    float w;
} posting;

typedef struct edge {
    uint32_t a, b; /* clusters, a < b */
    double sum;    /* sum of document-pair similarities between them */
    unsigned ver_a, ver_b;
} edge;

static int cmp_term(const void *x, const void *y)
{
    const term_w *a = x, *b = y;
    return a->term < b->term ? -1 : a->term > b->term;
}

/* The document's weighted terms, sorted by term id, L2-normalised. */
static term_w *doc_vector(sl_ctx *ctx, const sl_doc *d, const uint32_t *df, size_t ndocs,
                          size_t *n)
{
    term_w *v = NULL;
    size_t nv = 0, cv = 0, i, j;
    double norm = 0;
    (void)ctx;
    for (i = 0; i < d->nsents; i++) {
        float boost = d->sents[i].kind == SL_BLOCK_TITLE ? 2.0f : 1.0f;
        if (d->sents[i].kind == SL_BLOCK_CAPTION)
            boost = 0.5f;
        for (j = d->sent_tok[i]; j < d->sent_tok[i + 1]; j++) {
            const sl_token *t = &d->toks[j];
            term_w tw;
            if (!(t->flags & SL_TOK_WORD) || (t->flags & SL_TOK_STOP) || t->end - t->start < 2)
                continue;
            tw.term = t->stem;
            tw.w = boost;
            SL_PUSH(v, nv, cv, tw);
        }
    }
    if (nv > 1)
        qsort(v, nv, sizeof(*v), cmp_term);
    /* merge equal terms: tf -> (1 + log tf) * idf */
    for (i = 0, j = 0; i < nv;) {
        size_t k = i;
        float tf = 0;
        while (k < nv && v[k].term == v[i].term)
            tf += v[k++].w;
        v[j].term = v[i].term;
        /* idf = log(1 + N/df): never zero, so two articles of a two-article
         * corpus that share their words still look alike */
        v[j].w = (float)((1.0 + log((double)tf)) *
                         (df ? log(1.0 + (double)ndocs / (double)(df[v[i].term] ? df[v[i].term] : 1)) : 1.0));
        norm += (double)v[j].w * v[j].w;
        j++;
        i = k;
    }
    nv = j;
    norm = sqrt(norm);
    for (i = 0; i < nv; i++)
        v[i].w = norm > 0 ? (float)(v[i].w / norm) : 0;
    *n = nv;
    return v;
}

/* Heap of candidate merges, ordered by mean similarity. */
typedef struct cand {
    double score;
    uint32_t a, b;
    unsigned ver_a, ver_b;
} cand;

static void heap_push(cand **h, size_t *n, size_t *cap, cand c)
{
    size_t i;
    SL_PUSH(*h, *n, *cap, c);
    i = *n - 1;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if ((*h)[p].score >= (*h)[i].score)
            break;
        c = (*h)[p];
        (*h)[p] = (*h)[i];
        (*h)[i] = c;
        i = p;
    }
}

static cand heap_pop(cand *h, size_t *n)
{
    cand top = h[0], t;
    size_t i = 0;
    h[0] = h[--*n];
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < *n && h[l].score > h[m].score)
            m = l;
        if (r < *n && h[r].score > h[m].score)
            m = r;
        if (m == i)
            break;
        t = h[m];
        h[m] = h[i];
        h[i] = t;
        i = m;
    }
    return top;
}

/* Per-cluster neighbour lists: cluster -> (other cluster, summed similarity). */
typedef struct nb {
    uint32_t other;
    double sum;
} nb;

typedef struct cl {
    nb *nbs;
    size_t n, cap;
    uint32_t size;   /* documents */
    unsigned ver;    /* bumped at every merge, invalidating heap entries */
    uint32_t parent; /* union-find */
    int alive;
} cl;

static uint32_t find(cl *c, uint32_t x)
{
    while (c[x].parent != x) {
        c[x].parent = c[c[x].parent].parent;
        x = c[x].parent;
    }
    return x;
}

static void nb_add(cl *c, uint32_t other, double sum)
{
    size_t i;
    nb x;
    for (i = 0; i < c->n; i++)
        if (c->nbs[i].other == other) {
            c->nbs[i].sum += sum;
            return;
        }
    x.other = other;
    x.sum = sum;
    SL_PUSH(c->nbs, c->n, c->cap, x);
}

static void nb_del(cl *c, uint32_t other)
{
    size_t i;
    for (i = 0; i < c->n; i++)
        if (c->nbs[i].other == other) {
            c->nbs[i] = c->nbs[--c->n];
            return;
        }
}

void sl_cluster_free(sl_clusters *cs)
{
    if (!cs)
        return;
    free(cs->doc_cluster);
    free(cs->order);
    free(cs->start);
    free(cs);
}

sl_clusters *sl_cluster_docs(sl_ctx *ctx, const sl_corpus *corpus, const sl_cluster_opts *opts)
{
    size_t nd = corpus->n, i, j, k, vocab = ctx->vocab.n;
    double thr = opts && opts->threshold > 0 ? opts->threshold : SL_CLUSTER_DEFAULT_THRESHOLD;
    size_t max_nb = opts && opts->max_neighbours ? opts->max_neighbours : 30;
    uint32_t *df = sl_xcalloc(vocab + 1, sizeof(*df));
    term_w **vec = sl_xcalloc(nd + 1, sizeof(*vec));
    size_t *vn = sl_xcalloc(nd + 1, sizeof(*vn));
    posting **post = NULL;
    size_t *pn = NULL, *pc = NULL;
    double *acc = sl_xcalloc(nd + 1, sizeof(*acc));
    uint32_t *touched = sl_xcalloc(nd + 1, sizeof(*touched));
    cl *c = sl_xcalloc(nd + 1, sizeof(*c));
    cand *heap = NULL;
    size_t nh = 0, ch = 0;
    sl_clusters *out = sl_xcalloc(1, sizeof(*out));

    /* document frequencies of stems */
    for (i = 0; i < nd; i++) {
        const sl_doc *d = corpus->docs[i];
        size_t n;
        term_w *v = doc_vector(ctx, d, NULL, 1, &n);
        for (j = 0; j < n; j++)
            if (v[j].term < vocab)
                df[v[j].term]++;
        free(v);
    }
    for (i = 0; i < nd; i++)
        vec[i] = doc_vector(ctx, corpus->docs[i], df, nd, &vn[i]);

    /* inverted index, without terms in more than half of the documents */
    post = sl_xcalloc(vocab + 1, sizeof(*post));
    pn = sl_xcalloc(vocab + 1, sizeof(*pn));
    pc = sl_xcalloc(vocab + 1, sizeof(*pc));
    for (i = 0; i < nd; i++)
        for (j = 0; j < vn[i]; j++) {
            uint32_t t = vec[i][j].term;
            posting p;
            if (nd >= 50 && df[t] * 2 > nd)
                continue;
            p.doc = (uint32_t)i;
            p.w = vec[i][j].w;
            SL_PUSH(post[t], pn[t], pc[t], p);
        }

    for (i = 0; i < nd; i++) {
        c[i].size = 1;
        c[i].parent = (uint32_t)i;
        c[i].alive = 1;
    }
    /* similarities of each document with later ones, via the index */
    for (i = 0; i < nd; i++) {
        size_t nt = 0;
        for (j = 0; j < vn[i]; j++) {
            uint32_t t = vec[i][j].term;
            for (k = 0; k < pn[t]; k++) {
                uint32_t d2 = post[t][k].doc;
                if (d2 <= i)
                    continue;
                if (acc[d2] == 0)
                    touched[nt++] = d2;
                acc[d2] += (double)vec[i][j].w * post[t][k].w;
            }
        }
        /* keep the strongest neighbours above half the threshold: weaker
         * pairs cannot lift an average over the threshold on their own */
        if (nt > max_nb) {
            /* partial selection by repeated max: nt is small in practice */
            size_t kept = 0;
            while (kept < max_nb) {
                size_t best = kept;
                uint32_t tmp;
                for (k = kept + 1; k < nt; k++)
                    if (acc[touched[k]] > acc[touched[best]])
                        best = k;
                tmp = touched[kept];
                touched[kept] = touched[best];
                touched[best] = tmp;
                kept++;
            }
            for (k = max_nb; k < nt; k++)
                acc[touched[k]] = 0;
            nt = max_nb;
        }
        for (k = 0; k < nt; k++) {
            uint32_t d2 = touched[k];
            double s = acc[d2];
            acc[d2] = 0;
            if (s >= thr * 0.5) {
                nb_add(&c[i], d2, s);
                nb_add(&c[d2], (uint32_t)i, s);
            }
        }
    }
    for (i = 0; i < nd; i++)
        for (k = 0; k < c[i].n; k++)
            if (c[i].nbs[k].other > i && c[i].nbs[k].sum >= thr) {
                cand x;
                x.score = c[i].nbs[k].sum;
                x.a = (uint32_t)i;
                x.b = c[i].nbs[k].other;
                x.ver_a = x.ver_b = 0;
                heap_push(&heap, &nh, &ch, x);
            }

    /* single linkage (the baseline): every edge over the threshold joins */
    if (opts && opts->single_link) {
        for (i = 0; i < nd; i++)
            for (k = 0; k < c[i].n; k++)
                if (c[i].nbs[k].sum >= thr) {
                    uint32_t ra = find(c, (uint32_t)i), rb = find(c, c[i].nbs[k].other);
                    if (ra != rb)
                        c[ra > rb ? ra : rb].parent = ra < rb ? ra : rb;
                }
        nh = 0;
    }

    /* average linkage */
    while (nh) {
        cand x = heap_pop(heap, &nh);
        uint32_t a = x.a, b = x.b;
        size_t m;
        if (!c[a].alive || !c[b].alive || c[a].ver != x.ver_a || c[b].ver != x.ver_b)
            continue;
        /* merge b into a */
        for (m = 0; m < c[b].n; m++) {
            uint32_t o = c[b].nbs[m].other;
            if (o == a)
                continue;
            nb_add(&c[a], o, c[b].nbs[m].sum);
            nb_del(&c[o], b);
            nb_add(&c[o], a, c[b].nbs[m].sum);
        }
        nb_del(&c[a], b);
        c[a].size += c[b].size;
        c[a].ver++;
        c[b].alive = 0;
        c[b].parent = a;
        free(c[b].nbs);
        c[b].nbs = NULL;
        c[b].n = c[b].cap = 0;
        for (m = 0; m < c[a].n; m++) {
            uint32_t o = c[a].nbs[m].other;
            double mean = c[a].nbs[m].sum / ((double)c[a].size * c[o].size);
            cand y;
            if (mean < thr)
                continue;
            y.score = mean;
            y.a = a < o ? a : o;
            y.b = a < o ? o : a;
            y.ver_a = c[y.a].ver;
            y.ver_b = c[y.b].ver;
            heap_push(&heap, &nh, &ch, y);
        }
    }

    /* number the clusters by their first document */
    out->ndocs = nd;
    out->doc_cluster = sl_xcalloc(nd + 1, sizeof(*out->doc_cluster));
    out->order = sl_xcalloc(nd + 1, sizeof(*out->order));
    {
        size_t *id_of = sl_xcalloc(nd + 1, sizeof(*id_of)), *count, *fill;
        for (i = 0; i < nd; i++)
            id_of[i] = SIZE_MAX;
        for (i = 0; i < nd; i++) {
            uint32_t r = find(c, (uint32_t)i);
            if (id_of[r] == SIZE_MAX)
                id_of[r] = out->n++;
            out->doc_cluster[i] = id_of[r];
        }
        out->start = sl_xcalloc(out->n + 1, sizeof(*out->start));
        count = sl_xcalloc(out->n + 1, sizeof(*count));
        fill = sl_xcalloc(out->n + 1, sizeof(*fill));
        for (i = 0; i < nd; i++)
            count[out->doc_cluster[i]]++;
        for (i = 0; i < out->n; i++)
            out->start[i + 1] = out->start[i] + count[i];
        for (i = 0; i < nd; i++) {
            size_t s = out->doc_cluster[i];
            out->order[out->start[s] + fill[s]++] = i;
        }
        free(id_of);
        free(count);
        free(fill);
    }

    for (i = 0; i < nd; i++) {
        free(vec[i]);
        free(c[i].nbs);
    }
    for (i = 0; i < vocab; i++)
        free(post[i]);
    free(post);
    free(pn);
    free(pc);
    free(vec);
    free(vn);
    free(df);
    free(acc);
    free(touched);
    free(c);
    free(heap);
    return out;
}

/* ------------------------------------------------------------------ public API */

struct sl_stories {
    sl_clusters *cs;
};

sl_stories *sl_stories_new(sl_ctx *ctx, const sl_corpus *c, double threshold)
{
    sl_cluster_opts o;
    sl_stories *s;
    if (!ctx || !c)
        return NULL;
    memset(&o, 0, sizeof(o));
    o.threshold = threshold;
    s = sl_xcalloc(1, sizeof(*s));
    s->cs = sl_cluster_docs(ctx, c, &o);
    return s;
}

void sl_stories_free(sl_stories *s)
{
    if (!s)
        return;
    sl_cluster_free(s->cs);
    free(s);
}

size_t sl_stories_count(const sl_stories *s)
{
    return s ? s->cs->n : 0;
}

size_t sl_story_size(const sl_stories *s, size_t k)
{
    return s && k < s->cs->n ? s->cs->start[k + 1] - s->cs->start[k] : 0;
}

size_t sl_story_doc(const sl_stories *s, size_t k, size_t i)
{
    if (!s || k >= s->cs->n || i >= sl_story_size(s, k))
        return (size_t)-1;
    return s->cs->order[s->cs->start[k] + i];
}
