/*
 * entities.c: entities across documents and their aliases (see entities.h
 * for the merging rules), the public calls of the "entities (ner)" section
 * of storyline.h, and their JSON form.
 *
 * Invariants: every step is linear or n log n in the number of mentions,
 * except the typo comparison, which only compares forms that agree on all
 * parts but one (found through a hash of the other parts) and at most
 * MAX_BUCKET of them; ordering is deterministic (salience, then name).
 */
#include "story/entities.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/ner.h"
#include "analysis/sentences.h"
#include "analysis/tokens.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/intern.h"
#include "util/mem.h"

#define MAX_BUCKET 64
#define MAX_SCAN 256 /* longer lists of longer names with one part are "several" */
#define NONE ((size_t)-1)

const char *sl_entity_type_name(sl_entity_type t)
{
    switch (t) {
    case SL_ENT_PERSON: return "PERSON";
    case SL_ENT_LOCATION: return "LOCATION";
    case SL_ENT_ORGANIZATION: return "ORGANIZATION";
    case SL_ENT_OTHER: return "OTHER";
    }
    return "";
}

size_t sl_edit_distance(const char *a, size_t an, const char *b, size_t bn, size_t max)
{
    size_t row[65], i, j;
    if (an > 64 || bn > 64)
        return an == bn && memcmp(a, b, an) == 0 ? 0 : max + 1;
    if ((an > bn ? an - bn : bn - an) > max)
        return max + 1;
    for (j = 0; j <= bn; j++)
        row[j] = j;
    for (i = 1; i <= an; i++) {
        size_t diag = row[0], best;
        row[0] = i;
        best = row[0];
        for (j = 1; j <= bn; j++) {
            size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            diag = up;
            row[j] = v;
            if (v < best)
                best = v;
        }
        if (best > max)
            return max + 1;
    }
    return row[bn] > max ? max + 1 : row[bn];
}

/* ------------------------------------------------------------------ tagging a buffer */

int sl_ner_tag(sl_ctx *ctx, const char *text, size_t len, sl_mention **out, size_t *n)
{
    ner_mention *ms;
    size_t i, nm = 0;
    if (!ctx || (!text && len) || !out || !n)
        return SL_EINVAL;
    *out = NULL;
    *n = 0;
    ner_tag_text(ctx, NULL, text ? text : "", len, &ms, &nm);
    if (nm) {
        *out = sl_xmalloc(nm * sizeof(**out));
        for (i = 0; i < nm; i++) {
            (*out)[i].doc = 0;
            (*out)[i].start = ms[i].start;
            (*out)[i].end = ms[i].end;
            (*out)[i].type = (sl_entity_type)ms[i].type;
            (*out)[i].confidence = ms[i].conf;
        }
    }
    *n = nm;
    free(ms);
    return SL_OK;
}

/* ------------------------------------------------------------------ merging */

typedef struct rawm {
    sl_mention m;
    size_t form;         /* its name form */
    double weight;       /* position weight for salience */
    const char *surface; /* the text without titles, one line (arena) */
    size_t ent;
    const char *title;   /* the title word just before, case-folded (arena), or NULL */
    size_t title_start;  /* its first byte */
} rawm;

typedef struct form {
    const char *key;      /* case-folded parts joined by one space (arena) */
    const char **parts;   /* (arena) */
    size_t nparts;
    size_t count;
    size_t tcount[5];
    int type;             /* majority type */
    int has_initial;      /* a part of one letter */
    size_t parent;        /* union-find */
} form;

struct sl_entities {
    sl_entity *ents;
    size_t n;
    sl_mention *mentions; /* all, grouped per entity */
    size_t *docs;
    const char **aliases;
    sl_arena arena;
};

static size_t find(form *f, size_t i)
{
    while (f[i].parent != i) {
        f[i].parent = f[f[i].parent].parent;
        i = f[i].parent;
    }
    return i;
}

/* Joins a into b's set, b's root staying the root. */
static void join(form *f, size_t a, size_t b)
{
    a = find(f, a);
    b = find(f, b);
    if (a != b)
        f[a].parent = b;
}

/* The parts of a mention's tokens: titles dropped, hyphens split, periods
 * and possessives removed, case folded.  Returns the first kept token. */
static size_t name_parts(sl_ctx *ctx, const sl_token *toks, size_t ts, size_t te, sl_buf *key)
{
    size_t i, k;
    int again = 1;
    while (again && te - ts > 1) {
        again = 0;
        for (k = te - ts - 1 < 4 ? te - ts - 1 : 4; k >= 1; k--)
            if (ner_is_title(ctx, toks + ts, k)) {
                ts += k;
                while (ts < te - 1 && (toks[ts].flags & SL_TOK_PUNCT))
                    ts++;
                again = 1;
                break;
            }
    }
    sl_buf_clear(key);
    for (i = ts; i < te; i++) {
        size_t n, j;
        const char *w;
        if (!(toks[i].flags & (SL_TOK_WORD | SL_TOK_NUMBER)))
            continue;
        w = sl_vocab_str(ctx, toks[i].norm);
        n = strlen(w);
        if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'')
            n -= 2;
        if (key->len)
            sl_buf_putc(key, ' ');
        for (j = 0; j < n; j++) {
            unsigned char c = (unsigned char)w[j];
            if (c == '-' || c == '\'') {
                if (key->len && key->ptr[key->len - 1] != ' ')
                    sl_buf_putc(key, ' ');
            } else if (c == 0xE2 && j + 2 < n && (unsigned char)w[j + 1] == 0x80 &&
                       ((unsigned char)w[j + 2] == 0x90 || (unsigned char)w[j + 2] == 0x91)) {
                if (key->len && key->ptr[key->len - 1] != ' ')
                    sl_buf_putc(key, ' ');
                j += 2;
            } else if (c != '.') {
                sl_buf_putc(key, (int)c);
            }
        }
        while (key->len && key->ptr[key->len - 1] == ' ')
            key->len--;
    }
    if (key->ptr)
        key->ptr[key->len] = '\0';
    return ts;
}

static const char **split_parts(sl_arena *a, const char *key, size_t *n, int *has_initial)
{
    size_t cnt = 1, i, k = 0, len = strlen(key), s = 0;
    const char **parts;
    for (i = 0; i < len; i++)
        if (key[i] == ' ')
            cnt++;
    parts = sl_arena_alloc(a, cnt * sizeof(*parts));
    *has_initial = 0;
    for (i = 0; i <= len; i++)
        if (i == len || key[i] == ' ') {
            if (i > s) {
                parts[k++] = sl_arena_strndup(a, key + s, i - s);
                if (i - s == 1)
                    *has_initial = 1;
            }
            s = i + 1;
        }
    *n = k;
    return parts;
}

/* A u64 set for (root, doc) pairs and other small keys. */
typedef struct u64set {
    uint64_t *k;
    size_t n, cap;
} u64set;

static uint64_t hmix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return x;
}

static void set_add(u64set *s, uint64_t key)
{
    size_t j;
    key++;
    if ((s->n + 1) * 2 > s->cap) {
        u64set ns;
        size_t i;
        ns.cap = s->cap ? s->cap * 2 : 64;
        ns.n = 0;
        ns.k = sl_xcalloc(ns.cap, sizeof(uint64_t));
        for (i = 0; i < s->cap; i++)
            if (s->k[i]) {
                j = (size_t)hmix(s->k[i]) & (ns.cap - 1);
                while (ns.k[j])
                    j = (j + 1) & (ns.cap - 1);
                ns.k[j] = s->k[i];
                ns.n++;
            }
        free(s->k);
        *s = ns;
    }
    j = (size_t)hmix(key) & (s->cap - 1);
    while (s->k[j]) {
        if (s->k[j] == key)
            return;
        j = (j + 1) & (s->cap - 1);
    }
    s->k[j] = key;
    s->n++;
}

static int set_has(const u64set *s, uint64_t key)
{
    size_t j;
    if (!s->cap)
        return 0;
    key++;
    j = (size_t)hmix(key) & (s->cap - 1);
    while (s->k[j]) {
        if (s->k[j] == key)
            return 1;
        j = (j + 1) & (s->cap - 1);
    }
    return 0;
}

static uint64_t pair(size_t a, size_t b) { return (uint64_t)a << 32 ^ (uint64_t)b; }

/* Whether short names long: contiguous part sequence, or a subsequence
 * keeping the first and last parts (middle names dropped). */
static int fits(const form *s, const form *l)
{
    size_t i, j;
    if (s->nparts >= l->nparts || !s->nparts)
        return 0;
    if (s->nparts == 1)
        return !strcmp(s->parts[0], l->parts[0]) || !strcmp(s->parts[0], l->parts[l->nparts - 1]);
    if (s->has_initial)
        return 0;
    for (i = 0; i + s->nparts <= l->nparts; i++) {
        for (j = 0; j < s->nparts && !strcmp(s->parts[j], l->parts[i + j]); j++)
            ;
        if (j == s->nparts)
            return 1;
    }
    if (strcmp(s->parts[0], l->parts[0]) != 0 ||
        strcmp(s->parts[s->nparts - 1], l->parts[l->nparts - 1]) != 0)
        return 0;
    for (i = 1, j = 1; i + 1 < s->nparts && j + 1 < l->nparts; j++)
        if (!strcmp(s->parts[i], l->parts[j]))
            i++;
    return i + 1 == s->nparts;
}

/* Typo rule of entities.h between forms a (rarer) and b. */
static int typo_of(const form *a, const form *b, size_t diff)
{
    const char *x = a->parts[diff], *y = b->parts[diff];
    size_t xn = strlen(x), yn = strlen(y);
    if (xn < 3 || yn < 3 || x[0] != y[0] || x[1] != y[1])
        return 0;
    return sl_edit_distance(x, xn, y, yn, 2) <= 2;
}

static int type_rank(int t) { return t == NER_PER ? 4 : t == NER_ORG ? 3 : t == NER_LOC ? 2 : 1; }

static int majority(const size_t *tc)
{
    int t, best = NER_OTH;
    for (t = 1; t <= NER_NTYPES; t++)
        if (tc[t] > tc[best] || (tc[t] == tc[best] && type_rank(t) > type_rank(best)))
            best = t;
    return best;
}

typedef struct ent_tmp {
    size_t first, n; /* range in the sorted mention order */
    double sal;
    const char *name;
    int type;
} ent_tmp;

static int cmp_sal(const void *pa, const void *pb)
{
    const ent_tmp *a = pa, *b = pb;
    int c;
    if (a->sal != b->sal)
        return a->sal > b->sal ? -1 : 1;
    c = strcmp(a->name, b->name);
    if (c)
        return c;
    return a->type - b->type;
}

typedef struct ord {
    size_t ent, doc, start, idx;
} ord;

static int cmp_ord(const void *pa, const void *pb)
{
    const ord *a = pa, *b = pb;
    if (a->ent != b->ent)
        return a->ent < b->ent ? -1 : 1;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

typedef struct surf {
    const char *s;
    size_t nparts, count;
    int caps;
} surf;

static int cmp_surf_str(const void *pa, const void *pb)
{
    return strcmp(((const surf *)pa)->s, ((const surf *)pb)->s);
}

/* Canonical first: most parts, most frequent, not in capitals, then by bytes. */
static int cmp_surf_rank(const void *pa, const void *pb)
{
    const surf *a = pa, *b = pb;
    if (a->nparts != b->nparts)
        return a->nparts > b->nparts ? -1 : 1;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    if (a->caps != b->caps)
        return a->caps - b->caps;
    return strcmp(a->s, b->s);
}

/* Aliases after the canonical name: most frequent first. */
static int cmp_surf_count(const void *pa, const void *pb)
{
    const surf *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->s, b->s);
}

static int all_caps(const char *s)
{
    int lower = 0, upper = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            lower = 1;
        if (*s >= 'A' && *s <= 'Z')
            upper = 1;
    }
    return upper && !lower;
}

/* The surface of a mention on one line, from byte ts to te. */
static const char *surface_of(sl_arena *a, const char *text, size_t ts, size_t te)
{
    char *s = sl_arena_alloc(a, te - ts + 1);
    size_t i, k = 0;
    for (i = ts; i < te; i++) {
        char c = text[i];
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        if (c == ' ' && k && s[k - 1] == ' ')
            continue;
        s[k++] = c;
    }
    s[k] = '\0';
    return s;
}

sl_entities *sl_entities_new(sl_ctx *ctx, const sl_corpus *c)
{
    sl_entities *E;
    rawm *raw = NULL;
    size_t nraw = 0, craw = 0, d, i, j, k;
    form *forms = NULL;
    size_t nforms = 0, cforms = 0;
    sl_intern keys, concat;
    sl_buf key = SL_BUF_INIT, tmp = SL_BUF_INIT;
    u64set rootdoc = {NULL, 0, 0};
    size_t *ent_of_root, nents = 0;
    ent_tmp *ents;
    ord *order;
    surf *sf = NULL;
    size_t csf = 0;
    if (!ctx)
        return NULL;
    if (!c) {
        sl_fail(ctx, SL_EINVAL, "entities: no corpus");
        return NULL;
    }
    E = sl_xcalloc(1, sizeof(*E));
    sl_intern_init(&keys);
    sl_intern_init(&concat);

    /* tag every document; one form per name key */
    for (d = 0; d < c->n; d++) {
        const sl_doc *doc = c->docs[d];
        ner_view v;
        ner_mention *ms;
        size_t nm;
        sl_block_kind *kinds = sl_xcalloc(doc->nsents + 1, sizeof(*kinds));
        for (i = 0; i < doc->nsents; i++)
            kinds[i] = doc->sents[i].kind;
        v.text = sl_buf_cstr(&doc->text);
        v.len = doc->text.len;
        v.toks = doc->toks;
        v.ntoks = doc->ntoks;
        v.sent_tok = doc->sent_tok;
        v.nsents = doc->sent_tok ? doc->nsents : 0;
        v.kinds = kinds;
        ner_tag_view(ctx, NULL, &v, &ms, &nm);
        for (i = 0; i < nm; i++) {
            rawm r;
            size_t ts = name_parts(ctx, doc->toks, ms[i].tok_start, ms[i].tok_end, &key);
            uint32_t id;
            if (!key.len)
                continue;
            id = sl_intern_add(&keys, key.ptr, key.len);
            if (id == nforms) {
                form f;
                memset(&f, 0, sizeof(f));
                f.key = sl_arena_strndup(&E->arena, key.ptr, key.len);
                f.parts = split_parts(&E->arena, f.key, &f.nparts, &f.has_initial);
                f.parent = nforms;
                SL_PUSH(forms, nforms, cforms, f);
            }
            forms[id].count++;
            forms[id].tcount[ms[i].type]++;
            memset(&r, 0, sizeof(r));
            r.m.doc = d;
            r.m.start = doc->toks[ts].start;
            r.m.end = ms[i].end > r.m.start ? ms[i].end : doc->toks[ts].end;
            r.m.type = (sl_entity_type)ms[i].type;
            r.m.confidence = ms[i].conf;
            r.form = id;
            r.surface = surface_of(&E->arena, v.text, r.m.start, r.m.end);
            {
                /* headline 3, lead 2, body 1; captions and credits 0.25 */
                sl_block_kind kd = doc->sents[ms[i].sent].kind;
                r.weight = kd == SL_BLOCK_TITLE ? 3.0
                         : kd == SL_BLOCK_CAPTION ? 0.25
                         : ms[i].sent < 4 ? 2.0 : 1.0;
            }
            if (ms[i].type == NER_PER && ts == ms[i].tok_start && ts > doc->sent_tok[ms[i].sent] &&
                (doc->toks[ts - 1].flags & SL_TOK_CAP) && ner_is_title(ctx, doc->toks + ts - 1, 1)) {
                /* "King Jong-un": a capitalized title word may be a misspelt
                 * part of the name; step 2 decides */
                r.title = sl_arena_strndup(&E->arena, sl_vocab_str(ctx, doc->toks[ts - 1].norm),
                                           strlen(sl_vocab_str(ctx, doc->toks[ts - 1].norm)));
                r.title_start = doc->toks[ts - 1].start;
            }
            SL_PUSH(raw, nraw, craw, r);
        }
        free(ms);
        free(kinds);
    }
    for (i = 0; i < nforms; i++)
        forms[i].type = majority(forms[i].tcount);

    /* 1b. the same letters without spaces: "Jong-un" / "Jongun" */
    {
        size_t *first = sl_xmalloc((nforms + 1) * sizeof(size_t)), nfirst = 0;
        for (i = 0; i < nforms; i++) {
            uint32_t id;
            sl_buf_clear(&tmp);
            for (j = 0; j < forms[i].nparts; j++)
                sl_buf_puts(&tmp, forms[i].parts[j]);
            sl_buf_printf(&tmp, "/%d", forms[i].type);
            id = sl_intern_add(&concat, tmp.ptr, tmp.len);
            if (id == sl_intern_count(&concat) - 1 && id >= nfirst)
                first[nfirst++] = i;
            else
                join(forms, i, first[id]);
        }
        free(first);
    }

    /* 2. typos: forms of 3+ parts that agree on all parts but one */
    {
        sl_intern wild;
        size_t **bucket = NULL, *nb = NULL, cb = 0, p;
        sl_intern_init(&wild);
        for (i = 0; i < nforms; i++) {
            if (forms[i].nparts < 3 || forms[i].nparts > 8)
                continue;
            for (p = 0; p < forms[i].nparts; p++) {
                uint32_t id;
                sl_buf_clear(&tmp);
                sl_buf_printf(&tmp, "%zu/", p); /* any type: a typo may be typed wrong */
                for (j = 0; j < forms[i].nparts; j++) {
                    sl_buf_puts(&tmp, j == p ? "*" : forms[i].parts[j]);
                    sl_buf_putc(&tmp, ' ');
                }
                id = sl_intern_add(&wild, tmp.ptr, tmp.len);
                if (id >= cb) {
                    size_t old = cb, cb2 = cb;
                    bucket = sl_xgrow(bucket, &cb, id + 1, sizeof(*bucket));
                    nb = sl_xgrow(nb, &cb2, cb, sizeof(*nb));
                    for (k = old; k < cb; k++) {
                        bucket[k] = NULL;
                        nb[k] = 0;
                    }
                }
                if (nb[id] < MAX_BUCKET) {
                    bucket[id] = sl_xrealloc(bucket[id], (nb[id] + 1) * sizeof(size_t));
                    bucket[id][nb[id]++] = i;
                }
            }
        }
        for (k = 0; k < cb; k++) {
            size_t a, b;
            for (a = 0; a < nb[k]; a++) {
                size_t fa = bucket[k][a], best = NONE;
                /* the differing position is the one shown by '*' */
                for (b = 0; b < nb[k]; b++) {
                    size_t fb = bucket[k][b], diff;
                    if (fa == fb || forms[fb].count <= forms[fa].count)
                        continue;
                    for (diff = 0; diff < forms[fa].nparts &&
                                   !strcmp(forms[fa].parts[diff], forms[fb].parts[diff]);
                         diff++)
                        ;
                    if (diff < forms[fa].nparts && typo_of(&forms[fa], &forms[fb], diff) &&
                        (best == NONE || forms[fb].count > forms[best].count))
                        best = fb;
                }
                if (best != NONE)
                    join(forms, fa, best);
            }
        }
        /* a person mention after a title word: when the title word and the
         * name are a typo of one longer name ("King Jong-un" for "Kim Jong
         * Un"), the title word is part of the name */
        for (i = 0; i < nraw; i++) {
            const form *f = &forms[raw[i].form];
            size_t best = NONE, tn;
            uint32_t id;
            if (!raw[i].title || f->nparts < 2 || f->nparts > 7)
                continue;
            sl_buf_clear(&tmp);
            sl_buf_puts(&tmp, "0/* ");
            for (j = 0; j < f->nparts; j++) {
                sl_buf_puts(&tmp, f->parts[j]);
                sl_buf_putc(&tmp, ' ');
            }
            id = sl_intern_find(&wild, tmp.ptr, tmp.len);
            if (id == SL_INTERN_NONE || id >= cb)
                continue;
            tn = strlen(raw[i].title);
            for (k = 0; k < nb[id]; k++) {
                const char *y = forms[bucket[id][k]].parts[0];
                size_t yn = strlen(y), root = find(forms, bucket[id][k]);
                if (tn < 3 || yn < 3 || y[0] != raw[i].title[0] || y[1] != raw[i].title[1] ||
                    sl_edit_distance(raw[i].title, tn, y, yn, 2) > 2 || !strcmp(y, raw[i].title))
                    continue;
                if (best != NONE && best != root) {
                    best = NONE - 1; /* several: leave it */
                    break;
                }
                best = root;
            }
            if (best < NONE - 1) {
                raw[i].form = best;
                raw[i].m.start = raw[i].title_start;
                raw[i].surface = surface_of(&E->arena, sl_buf_cstr(&c->docs[raw[i].m.doc]->text),
                                            raw[i].m.start, raw[i].m.end);
            }
        }
        for (k = 0; k < cb; k++)
            free(bucket[k]);
        free(bucket);
        free(nb);
        sl_intern_free(&wild);
    }

    /* which roots each document mentions */
    for (i = 0; i < nraw; i++)
        set_add(&rootdoc, pair(find(forms, raw[i].form), raw[i].m.doc));

    /* 3. short forms, per mention, by the document's context */
    {
        sl_intern partid;
        size_t **lists = NULL, *nl = NULL, cl = 0;
        size_t *target = sl_xmalloc((nforms + 1) * sizeof(size_t));
        sl_intern_init(&partid);
        /* index: first and last part -> longer person roots */
        for (i = 0; i < nforms; i++) {
            size_t ends[2], e;
            if (find(forms, i) != i || forms[i].type != NER_PER || forms[i].nparts < 2)
                continue;
            ends[0] = 0;
            ends[1] = forms[i].nparts - 1;
            for (e = 0; e < 2; e++) {
                const char *pt = forms[i].parts[ends[e]];
                uint32_t id = sl_intern_add(&partid, pt, strlen(pt));
                if (id >= cl) {
                    size_t old = cl, cl2 = cl;
                    lists = sl_xgrow(lists, &cl, id + 1, sizeof(*lists));
                    nl = sl_xgrow(nl, &cl2, cl, sizeof(*nl));
                    for (k = old; k < cl; k++) {
                        lists[k] = NULL;
                        nl[k] = 0;
                    }
                }
                if (nl[id] && lists[id][nl[id] - 1] == i)
                    continue;
                lists[id] = sl_xrealloc(lists[id], (nl[id] + 1) * sizeof(size_t));
                lists[id][nl[id]++] = i;
            }
        }
        /* corpus-wide unique target of each short form (NONE: none or several) */
        for (i = 0; i < nforms; i++) {
            size_t cand = NONE, ncand = 0, e;
            target[i] = NONE;
            if (find(forms, i) != i || forms[i].type != NER_PER)
                continue;
            for (e = 0; e < 2; e++) {
                const char *pt = forms[i].parts[e ? forms[i].nparts - 1 : 0];
                uint32_t id = sl_intern_find(&partid, pt, strlen(pt));
                if (id == SL_INTERN_NONE)
                    continue;
                /* two candidates settle it; a list too long to read is
                 * "several" (no corpus is that ambiguous about one name
                 * unless it is built to be: linear time either way) */
                for (k = 0; k < nl[id] && ncand < 2; k++) {
                    if (k == MAX_SCAN) {
                        ncand = 2;
                        break;
                    }
                    if (lists[id][k] != i && fits(&forms[i], &forms[lists[id][k]]) &&
                        lists[id][k] != cand) {
                        cand = lists[id][k];
                        ncand++;
                    }
                }
            }
            if (ncand == 1)
                target[i] = cand;
            else if (ncand > 1)
                target[i] = NONE - 1; /* several: decided per document */
        }
        for (i = 0; i < nraw; i++) {
            size_t f = find(forms, raw[i].form), cand = NONE, ncand = 0, e;
            raw[i].ent = f;
            if (target[f] == NONE)
                continue;
            for (e = 0; e < 2; e++) {
                const char *pt = forms[f].parts[e ? forms[f].nparts - 1 : 0];
                uint32_t id = sl_intern_find(&partid, pt, strlen(pt));
                if (id == SL_INTERN_NONE)
                    continue;
                for (k = 0; k < nl[id] && ncand < 2; k++) {
                    size_t l = lists[id][k];
                    if (k == MAX_SCAN) {
                        ncand = 2;
                        break;
                    }
                    if (l != f && l != cand && fits(&forms[f], &forms[l]) &&
                        set_has(&rootdoc, pair(l, raw[i].m.doc))) {
                        cand = l;
                        ncand++;
                    }
                }
            }
            if (ncand == 1)
                raw[i].ent = cand;
            else if (ncand == 0 && target[f] != NONE - 1)
                raw[i].ent = target[f];
        }
        for (k = 0; k < cl; k++)
            free(lists[k]);
        free(lists);
        free(nl);
        free(target);
        sl_intern_free(&partid);
    }

    /* acronyms: "UN" -> the one organization or place spelled by initials */
    {
        sl_intern ini;
        size_t *owner = NULL, cown = 0;
        static const char *const skip[] = {"of", "the", "and", "for", "de", "on", "in", NULL};
        sl_intern_init(&ini);
        for (i = 0; i < nforms; i++) {
            uint32_t id;
            size_t s;
            if (find(forms, i) != i || forms[i].nparts < 2 ||
                (forms[i].type != NER_ORG && forms[i].type != NER_LOC))
                continue;
            sl_buf_clear(&tmp);
            for (j = 0; j < forms[i].nparts; j++) {
                for (s = 0; skip[s] && strcmp(skip[s], forms[i].parts[j]) != 0; s++)
                    ;
                if (!skip[s])
                    sl_buf_putc(&tmp, forms[i].parts[j][0]);
            }
            if (tmp.len < 2)
                continue;
            id = sl_intern_add(&ini, tmp.ptr, tmp.len);
            if (id >= cown) {
                size_t old = cown;
                owner = sl_xgrow(owner, &cown, id + 1, sizeof(*owner));
                for (k = old; k < cown; k++)
                    owner[k] = NONE;
            }
            owner[id] = owner[id] == NONE ? i : NONE - 1;
        }
        for (i = 0; i < nraw; i++) {
            size_t f = raw[i].ent;
            uint32_t id;
            if (f != find(forms, raw[i].form) || forms[f].nparts != 1 || !all_caps(raw[i].surface))
                continue;
            id = sl_intern_find(&ini, forms[f].key, strlen(forms[f].key));
            if (id != SL_INTERN_NONE && id < cown && owner[id] < NONE - 1)
                raw[i].ent = owner[id];
        }
        free(owner);
        sl_intern_free(&ini);
    }

    /* 4. entities: number the roots in use */
    ent_of_root = sl_xmalloc((nforms + 1) * sizeof(size_t));
    for (i = 0; i <= nforms; i++)
        ent_of_root[i] = NONE;
    for (i = 0; i < nraw; i++) {
        if (ent_of_root[raw[i].ent] == NONE)
            ent_of_root[raw[i].ent] = nents++;
        raw[i].ent = ent_of_root[raw[i].ent];
    }
    order = sl_xmalloc((nraw + 1) * sizeof(*order));
    for (i = 0; i < nraw; i++) {
        order[i].ent = raw[i].ent;
        order[i].doc = raw[i].m.doc;
        order[i].start = raw[i].m.start;
        order[i].idx = i;
    }
    qsort(order, nraw, sizeof(*order), cmp_ord);
    ents = sl_xcalloc(nents + 1, sizeof(*ents));
    E->mentions = sl_xmalloc((nraw + 1) * sizeof(*E->mentions));
    E->docs = sl_xmalloc((nraw + 1) * sizeof(*E->docs));
    E->aliases = sl_xmalloc((nraw + 1) * sizeof(*E->aliases));
    E->ents = sl_xcalloc(nents + 1, sizeof(*E->ents));
    E->n = nents;
    {
        size_t pos = 0, dpos = 0, apos = 0;
        double maxsal = 0;
        for (k = 0; k < nents; k++) {
            size_t start = pos, ns = 0, ndocs = 0;
            size_t tc[5] = {0, 0, 0, 0, 0};
            double w = 0;
            sl_entity *en = &E->ents[k];
            while (pos < nraw && order[pos].ent == k) {
                const rawm *r = &raw[order[pos].idx];
                surf s;
                E->mentions[pos] = r->m;
                tc[r->m.type]++;
                w += r->weight;
                if (!ndocs || E->docs[dpos + ndocs - 1] != r->m.doc)
                    E->docs[dpos + ndocs++] = r->m.doc;
                s.s = r->surface;
                s.nparts = forms[r->form].nparts;
                s.count = 1;
                s.caps = all_caps(r->surface);
                SL_PUSH(sf, ns, csf, s);
                pos++;
            }
            en->mentions = E->mentions + start;
            en->nmentions = pos - start;
            en->docs = E->docs + dpos;
            en->ndocs = ndocs;
            dpos += ndocs;
            en->type = (sl_entity_type)majority(tc);
            /* unique surfaces with counts */
            qsort(sf, ns, sizeof(*sf), cmp_surf_str);
            for (i = 0, j = 0; i < ns; i++) {
                if (j && !strcmp(sf[j - 1].s, sf[i].s)) {
                    sf[j - 1].count++;
                    continue;
                }
                sf[j++] = sf[i];
            }
            ns = j;
            qsort(sf, ns, sizeof(*sf), cmp_surf_rank);
            en->name = sf[0].s;
            qsort(sf + 1, ns - 1, sizeof(*sf), cmp_surf_count);
            en->aliases = E->aliases + apos;
            en->naliases = ns - 1;
            for (i = 1; i < ns; i++)
                E->aliases[apos++] = sf[i].s;
            en->salience = w * (1.0 + 0.5 * (double)(ndocs - 1));
            if (en->salience > maxsal)
                maxsal = en->salience;
            ents[k].first = start;
            ents[k].n = pos - start;
            ents[k].sal = en->salience;
            ents[k].name = en->name;
            ents[k].type = en->type;
        }
        for (k = 0; k < nents; k++) {
            E->ents[k].salience = maxsal > 0 ? E->ents[k].salience / maxsal : 0;
            /* rounded so that the order does not hang on the last bits */
            E->ents[k].salience = floor(E->ents[k].salience * 1e6 + 0.5) / 1e6;
            ents[k].sal = E->ents[k].salience;
            ents[k].first = k;
        }
        qsort(ents, nents, sizeof(*ents), cmp_sal);
        {
            sl_entity *sorted = sl_xmalloc((nents + 1) * sizeof(*sorted));
            for (k = 0; k < nents; k++)
                sorted[k] = E->ents[ents[k].first];
            free(E->ents);
            E->ents = sorted;
        }
    }
    free(sf);
    free(order);
    free(ents);
    free(ent_of_root);
    free(rootdoc.k);
    free(raw);
    free(forms);
    sl_buf_free(&key);
    sl_buf_free(&tmp);
    sl_intern_free(&keys);
    sl_intern_free(&concat);
    return E;
}

void sl_entities_free(sl_entities *e)
{
    if (!e)
        return;
    free(e->ents);
    free(e->mentions);
    free(e->docs);
    free(e->aliases);
    sl_arena_free(&e->arena);
    free(e);
}

size_t sl_entities_count(const sl_entities *e) { return e ? e->n : 0; }

const sl_entity *sl_entities_get(const sl_entities *e, size_t i)
{
    return e && i < e->n ? &e->ents[i] : NULL;
}

/* ------------------------------------------------------------------ JSON */

static void json_str(sl_buf *b, const char *s, size_t n)
{
    size_t i;
    sl_buf_putc(b, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            sl_buf_putc(b, '\\');
            sl_buf_putc(b, c);
        } else if (c == '\n') {
            sl_buf_puts(b, "\\n");
        } else if (c == '\t') {
            sl_buf_puts(b, "\\t");
        } else if (c == '\r') {
            sl_buf_puts(b, "\\r");
        } else if (c < 0x20 || c == 0x7f) {
            sl_buf_printf(b, "\\u%04x", c);
        } else {
            sl_buf_putc(b, c);
        }
    }
    sl_buf_putc(b, '"');
}

int sl_entities_json(const sl_entities *e, const sl_corpus *c, char **out, size_t *len)
{
    sl_buf b = SL_BUF_INIT;
    size_t i, j;
    if (!e || !c || !out)
        return SL_EINVAL;
    sl_buf_puts(&b, "{\"entities\": [");
    for (i = 0; i < e->n; i++) {
        const sl_entity *en = &e->ents[i];
        sl_buf_puts(&b, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
        json_str(&b, en->name, strlen(en->name));
        sl_buf_printf(&b, ", \"type\": \"%s\", \"aliases\": [", sl_entity_type_name(en->type));
        for (j = 0; j < en->naliases; j++) {
            if (j)
                sl_buf_puts(&b, ", ");
            json_str(&b, en->aliases[j], strlen(en->aliases[j]));
        }
        sl_buf_puts(&b, "], \"docs\": [");
        for (j = 0; j < en->ndocs; j++) {
            const char *id = en->docs[j] < c->n ? sl_doc_id(c->docs[en->docs[j]]) : "";
            if (j)
                sl_buf_puts(&b, ", ");
            json_str(&b, id, strlen(id));
        }
        sl_buf_puts(&b, "], \"mentions\": [");
        for (j = 0; j < en->nmentions; j++) {
            const sl_mention *m = &en->mentions[j];
            const sl_doc *d = m->doc < c->n ? c->docs[m->doc] : NULL;
            const char *id = d ? sl_doc_id(d) : "";
            sl_buf_puts(&b, j ? ", {\"doc\": " : "{\"doc\": ");
            json_str(&b, id, strlen(id));
            sl_buf_printf(&b, ", \"start\": %zu, \"end\": %zu, \"text\": ", m->start, m->end);
            if (d && m->end <= d->text.len)
                json_str(&b, d->text.ptr + m->start, m->end - m->start);
            else
                sl_buf_puts(&b, "\"\"");
            sl_buf_putc(&b, '}');
        }
        sl_buf_printf(&b, "], \"salience\": %.4f}", en->salience);
    }
    sl_buf_puts(&b, e->n ? "\n]}\n" : "]}\n");
    if (len)
        *len = b.len;
    *out = sl_buf_detach(&b);
    return SL_OK;
}
