/*
 * gum_ner.h: GUM as NER training and test data, and the perceptron trainer;
 * shared by bench/train_ner.c (writes data/ner/model.txt) and bench/ner.c
 * (cross-validated scores and speed).  Everything is static inline so each
 * program takes what it uses.
 *
 * Gold mentions from GUM's CoNLL-U (one rule for training and scoring):
 *   1. Every entity span of MISC "Entity=" whose type is person, place or
 *      organization (PERSON, LOCATION, ORGANIZATION) or abstract, event,
 *      object, substance, animal or plant (OTHER); time and quantity spans
 *      are not named things and are left out.
 *   2. Its head is the first token of the span whose syntactic head lies
 *      outside the span; the span counts only when the head is PROPN.
 *   3. The mention is the name around the head: the longest stretch of the
 *      span through name-like tokens (PROPN, or a capitalized ADJ, NOUN, NUM
 *      or X) that may cross up to two connectors ("of", "the", "de", "van",
 *      "al", "&", "-", ...) between name-like tokens.  Determiners
 *      at the edges, commas, relative clauses and appositions stay out:
 *      "Amsterdam, the Netherlands" gives "Amsterdam".
 *   4. PERSON mentions lose leading title words (data/ner/titles.txt):
 *      "Dr. William Glennie" gives "William Glennie"; a title alone
 *      ("the President") is no mention.
 *   5. A possessive ending ("'s", "’s") is cut off, as the tagger does.
 *   6. Overlapping mentions: the longer is kept (nested "Leiden" inside
 *      "Leiden University" is dropped); the first on a tie.
 *   7. A mention that is a nationality, people or party word or phrase
 *      (data/ner/demonyms.txt: "Americans", "North Korean") is dropped:
 *      storyline does not list these (GUM marks some as person entities).
 * Byte offsets refer to the text rebuilt from the tokens (SpaceAfter=No
 * honoured, multi-word tokens written as their surface form, one sentence a
 * line).  The tagger runs on our own tokens of that text; scoring compares
 * byte spans and types exactly (strict, CoNLL-style).
 */
#ifndef SL_BENCH_GUM_NER_H
#define SL_BENCH_GUM_NER_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/ner.h"
#include "analysis/sentences.h"
#include "analysis/tokens.h"
#include "core/ctx.h"
#include "util/buf.h"
#include "util/mem.h"

typedef struct gum_mention {
    size_t start, end;
    int type;
} gum_mention;

typedef struct gum_doc {
    char *id;
    sl_buf text;
    size_t *sent_start, *sent_end; /* byte ranges of sentences */
    sl_block_kind *kinds;
    size_t nsents, csents, cstart, cend;
    gum_mention *gold;
    size_t ngold, cgold;
    /* our tokens of the text, per GUM sentence */
    sl_token *toks;
    size_t ntoks, ctoks;
    size_t *sent_tok;
    int *labels; /* gold BIO tag per token */
    unsigned char *train; /* per sentence: learn from it (NULL: all) */
} gum_doc;

typedef struct gum_corpus {
    gum_doc *docs;
    size_t n, cap;
} gum_corpus;

typedef struct gum_tok {
    char form[256];
    char upos[16];
    int head;
    size_t start, end;
} gum_tok;

static inline int gum_type_of(const char *t, size_t n)
{
#define IS(s) (n == strlen(s) && memcmp(t, s, n) == 0)
    if (IS("person"))
        return NER_PER;
    if (IS("place"))
        return NER_LOC;
    if (IS("organization"))
        return NER_ORG;
    if (IS("abstract") || IS("event") || IS("object") || IS("substance") || IS("animal") ||
        IS("plant"))
        return NER_OTH;
    return 0;
#undef IS
}

static inline int gum_namey(const gum_tok *t)
{
    unsigned char c = (unsigned char)t->form[0];
    if (!strcmp(t->upos, "PROPN"))
        return 1;
    if (!(c >= 'A' && c <= 'Z') && c < 0x80)
        return 0;
    return !strcmp(t->upos, "ADJ") || !strcmp(t->upos, "NOUN") || !strcmp(t->upos, "NUM") ||
           !strcmp(t->upos, "X");
}

static inline int gum_connector(const gum_tok *t)
{
    static const char *const w[] = {"of", "the", "de", "du", "des", "la", "le", "van", "von",
                                    "der", "den", "al", "el", "bin", "ibn", "da", "di", "del",
                                    "y", "&", "-", "for", "upon", NULL};
    int i;
    for (i = 0; w[i]; i++)
        if (!strcmp(t->form, w[i]))
            return 1;
    return 0;
}

static inline int gum_is_title(sl_ctx *ctx, const char *form)
{
    char w[64];
    size_t n = strlen(form), i;
    if (n && form[n - 1] == '.')
        n--;
    if (!n || n >= sizeof(w))
        return 0;
    for (i = 0; i < n; i++)
        w[i] = (char)(form[i] >= 'A' && form[i] <= 'Z' ? form[i] + 32 : form[i]);
    return (ner_word_flags(ctx, w, n) & NER_G_TITLE) != 0;
}

/* Applies rules 2-5 of the header to a sentence's spans. */
static inline void gum_sentence_mentions(sl_ctx *ctx, gum_doc *d, const gum_tok *tk, size_t nt,
                                         const size_t *sp_a, const size_t *sp_b,
                                         const int *sp_type, size_t nsp)
{
    size_t k, first = d->ngold;
    for (k = 0; k < nsp; k++) {
        size_t a = sp_a[k], b = sp_b[k], h = SIZE_MAX, i, l, r;
        for (i = a; i <= b && i < nt; i++) {
            int hd = tk[i].head - 1;
            if (hd < (int)a || hd > (int)b) {
                h = i;
                break;
            }
        }
        if (h == SIZE_MAX || strcmp(tk[h].upos, "PROPN"))
            continue;
        l = r = h;
        for (;;) { /* right */
            size_t j = r + 1, skipped = 0;
            while (j <= b && skipped < 2 && !gum_namey(&tk[j]) && gum_connector(&tk[j])) {
                j++;
                skipped++;
            }
            if (j <= b && gum_namey(&tk[j]))
                r = j;
            else
                break;
        }
        for (;;) { /* left */
            size_t j = l, skipped = 0;
            if (j == a)
                break;
            j--;
            while (j > a && skipped < 2 && !gum_namey(&tk[j]) && gum_connector(&tk[j])) {
                j--;
                skipped++;
            }
            if (gum_namey(&tk[j]) && strcmp(tk[j].upos, "DET"))
                l = j;
            else
                break;
        }
        if (sp_type[k] == NER_PER) {
            while (l < r && gum_is_title(ctx, tk[l].form))
                l++;
            if (l == r && gum_is_title(ctx, tk[l].form))
                continue; /* a bare "President" names nobody */
        }
        {
            /* rule 7: nationality and party words are not listed */
            sl_token *wt = NULL;
            size_t nwt = 0, cwt = 0;
            int dem;
            sl_tokens_scan(ctx, d->text.ptr + tk[l].start, tk[r].end - tk[l].start, 0, &wt, &nwt,
                           &cwt);
            dem = ner_is_demonym(ctx, wt, nwt);
            free(wt);
            if (dem)
                continue;
        }
        {
            gum_mention m;
            size_t q;
            int drop = 0;
            m.start = tk[l].start;
            m.end = ner_trim_possessive(d->text.ptr, tk[l].start, tk[r].end);
            m.type = sp_type[k];
            for (q = first; q < d->ngold; q++) {
                gum_mention *o = &d->gold[q];
                if (o->start < m.end && m.start < o->end) {
                    if (m.end - m.start > o->end - o->start)
                        *o = m; /* the longer wins */
                    drop = 1;
                    break;
                }
            }
            if (!drop)
                SL_PUSH(d->gold, d->ngold, d->cgold, m);
        }
    }
}

/* Reads GUM's CoNLL-U; returns 0, or -1 when the file cannot be read. */
static inline int gum_load(sl_ctx *ctx, const char *path, gum_corpus *c)
{
    FILE *f = fopen(path, "r");
    char line[8192];
    gum_doc *d = NULL;
    gum_tok *tk = NULL;
    size_t nt = 0, ct = 0;
    size_t sp_a[512], sp_b[512], nsp = 0;
    int sp_type[512];
    size_t open_at[512];
    int open_id[512], open_type[512];
    size_t nopen = 0;
    int heading = 0, mwt_to = 0, mwt_pending = 0;
    size_t mwt_start = 0, mwt_end = 0;
    memset(c, 0, sizeof(*c));
    if (!f)
        return -1;
    while (fgets(line, sizeof(line), f)) {
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!strncmp(line, "# newdoc id = ", 14)) {
            gum_doc nd;
            memset(&nd, 0, sizeof(nd));
            nd.id = sl_xstrdup(line + 14);
            SL_PUSH(c->docs, c->n, c->cap, nd);
            d = &c->docs[c->n - 1];
            continue;
        }
        if (!strncmp(line, "# newpar_block = ", 17)) {
            heading = !strncmp(line + 17, "head", 4);
            continue;
        }
        if (!strncmp(line, "# newpar", 8)) {
            heading = 0;
            continue;
        }
        if (line[0] == '#')
            continue;
        if (!d)
            continue;
        if (!len) {
            if (nt) {
                d->sent_end = sl_xgrow(d->sent_end, &d->cend, d->nsents + 1, sizeof(size_t));
                d->kinds = sl_xgrow(d->kinds, &d->csents, d->nsents + 1, sizeof(*d->kinds));
                d->sent_end[d->nsents] = d->text.len;
                d->kinds[d->nsents] = heading ? SL_BLOCK_HEADING : SL_BLOCK_BODY;
                d->nsents++;
                gum_sentence_mentions(ctx, d, tk, nt, sp_a, sp_b, sp_type, nsp);
                sl_buf_putc(&d->text, '\n');
            }
            nt = nsp = nopen = 0;
            mwt_to = 0;
            mwt_pending = 0;
            continue;
        }
        {
            char *col[10];
            int nc = 0;
            char *p = line;
            col[nc++] = p;
            while (nc < 10 && (p = strchr(p, '\t'))) {
                *p++ = '\0';
                col[nc++] = p;
            }
            if (nc < 10 || strchr(col[0], '.'))
                continue;
            if (!nt && !mwt_pending) { /* start of a sentence */
                d->sent_start = sl_xgrow(d->sent_start, &d->cstart, d->nsents + 1, sizeof(size_t));
                d->sent_start[d->nsents] = d->text.len;
                mwt_pending = 1;
            }
            if (strchr(col[0], '-')) {
                /* a multi-word token: write its surface form */
                int from = atoi(col[0]);
                mwt_to = atoi(strchr(col[0], '-') + 1);
                (void)from;
                mwt_start = d->text.len;
                sl_buf_puts(&d->text, col[1]);
                mwt_end = d->text.len;
                if (!strstr(col[9], "SpaceAfter=No"))
                    sl_buf_putc(&d->text, ' ');
                continue;
            }
            {
                gum_tok t;
                int id = atoi(col[0]);
                char *e;
                memset(&t, 0, sizeof(t));
                snprintf(t.form, sizeof(t.form), "%s", col[1]);
                snprintf(t.upos, sizeof(t.upos), "%s", col[3]);
                t.head = atoi(col[6]);
                if (id <= mwt_to) {
                    t.start = mwt_start;
                    t.end = mwt_end;
                } else {
                    t.start = d->text.len;
                    sl_buf_puts(&d->text, col[1]);
                    t.end = d->text.len;
                    if (!strstr(col[9], "SpaceAfter=No"))
                        sl_buf_putc(&d->text, ' ');
                }
                SL_PUSH(tk, nt, ct, t);
                /* entity brackets */
                if ((e = strstr(col[9], "Entity=")) != NULL) {
                    e += 7;
                    while (*e && *e != '|') {
                        if (*e == '(') {
                            char *q = e + 1, *dash;
                            int eid = atoi(q), type = 0;
                            while (*q && *q != '(' && *q != ')' && *q != '|')
                                q++;
                            dash = strchr(e + 1, '-');
                            if (dash && dash < q) {
                                char *d2 = dash + 1;
                                size_t tl = 0;
                                while (d2 + tl < q && d2[tl] != '-')
                                    tl++;
                                type = gum_type_of(d2, tl);
                            }
                            if (*q == ')') {
                                if (type && nsp < 512) {
                                    sp_a[nsp] = sp_b[nsp] = nt - 1;
                                    sp_type[nsp++] = type;
                                }
                                q++;
                            } else if (nopen < 512) {
                                open_at[nopen] = nt - 1;
                                open_id[nopen] = eid;
                                open_type[nopen++] = type;
                            }
                            e = q;
                        } else if (*e >= '0' && *e <= '9') {
                            int eid = atoi(e);
                            size_t q2;
                            while (*e >= '0' && *e <= '9')
                                e++;
                            if (*e == ')')
                                e++;
                            for (q2 = nopen; q2-- > 0;)
                                if (open_id[q2] == eid) {
                                    if (open_type[q2] && nsp < 512) {
                                        sp_a[nsp] = open_at[q2];
                                        sp_b[nsp] = nt - 1;
                                        sp_type[nsp++] = open_type[q2];
                                    }
                                    memmove(open_at + q2, open_at + q2 + 1,
                                            (nopen - q2 - 1) * sizeof(*open_at));
                                    memmove(open_id + q2, open_id + q2 + 1,
                                            (nopen - q2 - 1) * sizeof(*open_id));
                                    memmove(open_type + q2, open_type + q2 + 1,
                                            (nopen - q2 - 1) * sizeof(*open_type));
                                    nopen--;
                                    break;
                                }
                        } else {
                            e++;
                        }
                    }
                }
            }
        }
    }
    free(tk);
    fclose(f);
    return 0;
}

/* Tokenizes a document's sentences with our tokenizer and labels the tokens:
 * B on the token holding a mention's first byte, I on the others it covers. */
static inline void gum_tokenize(sl_ctx *ctx, gum_doc *d)
{
    size_t s, i, g;
    d->ntoks = 0;
    free(d->sent_tok);
    free(d->labels);
    d->sent_tok = sl_xcalloc(d->nsents + 1, sizeof(size_t));
    for (s = 0; s < d->nsents; s++) {
        d->sent_tok[s] = d->ntoks;
        sl_tokens_scan(ctx, d->text.ptr + d->sent_start[s], d->sent_end[s] - d->sent_start[s],
                       d->sent_start[s], &d->toks, &d->ntoks, &d->ctoks);
    }
    d->sent_tok[d->nsents] = d->ntoks;
    d->labels = sl_xcalloc(d->ntoks ? d->ntoks : 1, sizeof(int));
    i = 0;
    for (g = 0; g < d->ngold; g++) {
        const gum_mention *m = &d->gold[g];
        int first = 1;
        for (i = 0; i < d->ntoks; i++) {
            if (d->toks[i].end <= m->start || d->toks[i].start >= m->end)
                continue;
            d->labels[i] = first ? ner_tag_b(m->type) : ner_tag_i(m->type);
            first = 0;
        }
    }
}

static inline ner_view gum_view(const gum_doc *d)
{
    ner_view v;
    v.text = d->text.ptr;
    v.len = d->text.len;
    v.toks = d->toks;
    v.ntoks = d->ntoks;
    v.sent_tok = d->sent_tok;
    v.nsents = d->nsents;
    v.kinds = d->kinds;
    return v;
}

/* A copy of a document with some sentences in capitals and some in headline
 * case (ASCII only, so offsets stay), for training the truecasing features. */
static inline void gum_augment(sl_ctx *ctx, const gum_doc *src, gum_doc *dst, unsigned seed)
{
    size_t s, i;
    static const char *const small[] = {"a", "an", "the", "of", "in", "on", "at", "to", "for",
                                        "and", "or", "but", "by", "with", NULL};
    memset(dst, 0, sizeof(*dst));
    dst->id = sl_xstrdup(src->id);
    sl_buf_put(&dst->text, src->text.ptr, src->text.len);
    dst->nsents = dst->csents = src->nsents;
    dst->sent_start = sl_xmalloc((src->nsents + 1) * sizeof(size_t));
    dst->sent_end = sl_xmalloc((src->nsents + 1) * sizeof(size_t));
    dst->kinds = sl_xmalloc((src->nsents + 1) * sizeof(sl_block_kind));
    memcpy(dst->sent_start, src->sent_start, src->nsents * sizeof(size_t));
    memcpy(dst->sent_end, src->sent_end, src->nsents * sizeof(size_t));
    memcpy(dst->kinds, src->kinds, src->nsents * sizeof(sl_block_kind));
    if (src->train) {
        dst->train = sl_xmalloc(src->nsents + 1);
        memcpy(dst->train, src->train, src->nsents);
    }
    dst->gold = sl_xmalloc((src->ngold + 1) * sizeof(gum_mention));
    memcpy(dst->gold, src->gold, src->ngold * sizeof(gum_mention));
    dst->ngold = dst->cgold = src->ngold;
    for (s = 0; s < src->nsents; s++) {
        unsigned r = (unsigned)((s + 1) * 2654435761u ^ seed) % 100;
        char *t = dst->text.ptr;
        if (r < 15) {
            for (i = src->sent_start[s]; i < src->sent_end[s]; i++)
                if (t[i] >= 'a' && t[i] <= 'z')
                    t[i] -= 32;
        } else if (r < 30) {
            int start = 1;
            for (i = src->sent_start[s]; i < src->sent_end[s]; i++) {
                int alpha = (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
                            (unsigned char)t[i] >= 0x80 || t[i] == '\'';
                if (alpha && start) {
                    size_t e = i, k;
                    int is_small = 0;
                    while (e < src->sent_end[s] &&
                           ((t[e] >= 'a' && t[e] <= 'z') || (t[e] >= 'A' && t[e] <= 'Z')))
                        e++;
                    for (k = 0; small[k]; k++)
                        if (strlen(small[k]) == e - i && !memcmp(small[k], t + i, e - i))
                            is_small = 1;
                    if (!is_small && t[i] >= 'a' && t[i] <= 'z')
                        t[i] -= 32;
                }
                start = !alpha && t[i] != '-';
            }
        }
    }
    gum_tokenize(ctx, dst);
}

/* ------------------------------------------------------------------ training */

typedef struct gum_train_opts {
    int epochs;
    int augment;
    int min_count;   /* features seen fewer times are not learned */
    int lex_min;     /* lower-case words seen this often enter the lexicon */
    unsigned seed;   /* of the shuffle of training sentences */
    float min_abs;   /* smaller weights are dropped, as in the shipped file */
    int ensemble;    /* training runs averaged */
} gum_train_opts;

/* Builds the lexicon of lower-case words (seen lower case, not first in a
 * sentence) of the training documents. */
static inline void gum_lexicon(sl_ctx *ctx, ner_model *m, gum_doc *const *docs, size_t n,
                               int min)
{
    sl_intern seen;
    unsigned *cnt = NULL;
    size_t ccnt = 0, k, i, s;
    sl_intern_init(&seen);
    for (k = 0; k < n; k++) {
        const gum_doc *d = docs[k];
        for (s = 0; s < d->nsents; s++)
            for (i = d->sent_tok[s] + 1; i < d->sent_tok[s + 1]; i++) {
                size_t len;
                const char *w;
                uint32_t id;
                if (!(d->toks[i].flags & SL_TOK_WORD) || (d->toks[i].flags & SL_TOK_CAP))
                    continue;
                w = sl_intern_str(&ctx->vocab, d->toks[i].norm, &len);
                id = sl_intern_add(&seen, w, len);
                if (id >= ccnt) {
                    size_t old = ccnt;
                    cnt = sl_xgrow(cnt, &ccnt, id + 1, sizeof(*cnt));
                    memset(cnt + old, 0, (ccnt - old) * sizeof(*cnt));
                }
                cnt[id]++;
            }
    }
    for (k = 0; k < sl_intern_count(&seen); k++)
        if (cnt[k] >= (unsigned)min) {
            size_t len;
            const char *w = sl_intern_str(&seen, (uint32_t)k, &len);
            ner_model_lex_add(m, w, len);
        }
    free(cnt);
    sl_intern_free(&seen);
}

typedef struct gum_inst {
    uint32_t *rows; /* feature rows of every token */
    size_t *off;    /* per token, into rows */
    int *labels;    /* gold tags (an I first becomes B) */
    size_t n;       /* tokens */
    int from, end_o; /* as ner_viterbi's */
} gum_inst;

/* Trains m (which already holds its lexicon) on the documents with the
 * averaged structured perceptron (Collins 2002): Viterbi with the current
 * weights, then +1 for the gold features and -1 for the predicted ones where
 * they differ; the final weights are the average over all steps. */
static inline void gum_train(sl_ctx *ctx, ner_model *m, gum_doc *const *docs, size_t ndocs,
                             const gum_train_opts *o)
{
    gum_inst *inst = NULL;
    size_t ninst = 0, cinst = 0, k, i, s, r;
    uint64_t keys[NER_MAX_KEYS];
    float *u, *tu, *em = NULL;
    size_t cem = 0;
    int *pred = NULL;
    size_t cpred = 0;
    double c = 1;
    unsigned rng = 12345 + 7919 * o->seed;
    int ep, t, run, runs = o->ensemble > 1 ? o->ensemble : 1;
    size_t *order, *spans = NULL, cspans = 0;
    float *accw, *acct;
    ner_model *counts = ner_model_new();
    /* count features first, to learn only those seen min_count times */
    for (k = 0; k < ndocs; k++) {
        ner_view v = gum_view(docs[k]);
        ner_prep *p = ner_prepare(ctx, m, &v);
        for (i = 0; i < v.ntoks; i++) {
            size_t nk = ner_token_keys(p, i, keys), q;
            for (q = 0; q < nk; q++)
                ner_model_row(counts, keys[q], 1)[0] += 1.0f;
        }
        ner_prep_free(p);
    }
    for (k = 0; k < ndocs; k++) {
        ner_view v = gum_view(docs[k]);
        ner_prep *p = ner_prepare(ctx, m, &v);
        for (s = 0; s < v.nsents; s++) {
            size_t sa = v.sent_tok[s], sb = v.sent_tok[s + 1], isl, nisl;
            if (sa == sb || (docs[k]->train && !docs[k]->train[s]))
                continue;
            /* one instance per island: the tagger decodes nothing else */
            if (2 * (sb - sa) + 2 > cspans)
                spans = sl_xgrow(spans, &cspans, 2 * (sb - sa) + 2, sizeof(size_t));
            nisl = ner_islands(p, sa, sb, spans);
            for (isl = 0; isl < nisl; isl++) {
                gum_inst in;
                size_t a = spans[2 * isl], b = spans[2 * isl + 1], cr = 0, nr = 0;
                in.n = b - a;
                in.rows = NULL;
                in.from = a == sa ? NER_NTAGS : NER_O;
                in.end_o = b < sb;
                in.off = sl_xmalloc((in.n + 1) * sizeof(size_t));
                in.labels = sl_xmalloc((in.n + 1) * sizeof(int));
                memcpy(in.labels, docs[k]->labels + a, in.n * sizeof(int));
                if (in.labels[0] && !ner_tag_is_b(in.labels[0]))
                    in.labels[0] = ner_tag_b(ner_tag_type(in.labels[0]));
                for (i = a; i < b; i++) {
                    size_t nk = ner_token_keys(p, i, keys), q;
                    in.off[i - a] = nr;
                    for (q = 0; q < nk; q++) {
                        uint64_t rk;
                        if (ner_model_row(counts, keys[q], 0)[0] < (float)o->min_count)
                            continue;
                        {
                            /* the row's index, from its place in the weight array */
                            float *w = ner_model_row(m, keys[q], 1);
                            float *base = ner_model_row_at(m, 0, &rk);
                            uint32_t idx = (uint32_t)((size_t)(w - base) / NER_NTAGS);
                            SL_PUSH(in.rows, nr, cr, idx);
                        }
                    }
                }
                in.off[in.n] = nr;
                SL_PUSH(inst, ninst, cinst, in);
            }
        }
        ner_prep_free(p);
    }
    ner_model_free(counts);
    u = sl_xcalloc(ner_model_nrows(m) * NER_NTAGS + 1, sizeof(float));
    tu = sl_xcalloc((NER_NTAGS + 1) * NER_NTAGS, sizeof(float));
    accw = sl_xcalloc(ner_model_nrows(m) * NER_NTAGS + 1, sizeof(float));
    acct = sl_xcalloc((NER_NTAGS + 1) * NER_NTAGS, sizeof(float));
    order = sl_xmalloc((ninst + 1) * sizeof(size_t));
    /* o->ensemble runs over different shuffles, their averaged weights
     * averaged again: less variance from the order of a small data set */
    for (run = 0; run < runs; run++) {
        float *W = ner_model_row_at(m, 0, NULL), *T = ner_model_trans(m);
        rng = 12345 + 7919 * o->seed + 104729 * (unsigned)run;
        c = 1;
        memset(W, 0, ner_model_nrows(m) * NER_NTAGS * sizeof(float));
        memset(T, 0, (NER_NTAGS + 1) * NER_NTAGS * sizeof(float));
        memset(u, 0, ner_model_nrows(m) * NER_NTAGS * sizeof(float));
        memset(tu, 0, (NER_NTAGS + 1) * NER_NTAGS * sizeof(float));
        for (k = 0; k < ninst; k++)
            order[k] = k;
        for (ep = 0; ep < o->epochs; ep++) {
            for (k = ninst; k > 1; k--) { /* Fisher-Yates with a fixed seed */
                size_t j;
                rng = rng * 1103515245u + 12345u;
                j = (rng >> 8) % k;
                r = order[k - 1];
                order[k - 1] = order[j];
                order[j] = r;
            }
            for (k = 0; k < ninst; k++) {
                const gum_inst *in = &inst[order[k]];
                if (in->n * NER_NTAGS > cem)
                    em = sl_xgrow(em, &cem, in->n * NER_NTAGS, sizeof(float));
                if (in->n > cpred)
                    pred = sl_xgrow(pred, &cpred, in->n, sizeof(int));
                memset(em, 0, in->n * NER_NTAGS * sizeof(float));
                for (i = 0; i < in->n; i++)
                    for (r = in->off[i]; r < in->off[i + 1]; r++)
                        for (t = 0; t < NER_NTAGS; t++)
                            em[i * NER_NTAGS + t] += W[(size_t)in->rows[r] * NER_NTAGS + t];
                ner_viterbi(m, em, in->n, in->from, in->end_o, pred, NULL);
                for (i = 0; i < in->n; i++) {
                    int g = in->labels[i], pr = pred[i];
                    int gp = i ? in->labels[i - 1] : in->from, pp = i ? pred[i - 1] : in->from;
                    if (g != pr) {
                        for (r = in->off[i]; r < in->off[i + 1]; r++) {
                            size_t row = (size_t)in->rows[r] * NER_NTAGS;
                            W[row + g] += 1.0f;
                            u[row + g] += (float)c;
                            W[row + pr] -= 1.0f;
                            u[row + pr] -= (float)c;
                        }
                    }
                    if (g != pr || gp != pp) {
                        T[gp * NER_NTAGS + g] += 1.0f;
                        tu[gp * NER_NTAGS + g] += (float)c;
                        T[pp * NER_NTAGS + pr] -= 1.0f;
                        tu[pp * NER_NTAGS + pr] -= (float)c;
                    }
                }
                if (in->end_o) {
                    int gl = in->labels[in->n - 1], pl = pred[in->n - 1];
                    if (gl != pl) {
                        T[gl * NER_NTAGS + NER_O] += 1.0f;
                        tu[gl * NER_NTAGS + NER_O] += (float)c;
                        T[pl * NER_NTAGS + NER_O] -= 1.0f;
                        tu[pl * NER_NTAGS + NER_O] -= (float)c;
                    }
                }
                c += 1;
            }
        }
        for (r = 0; r < ner_model_nrows(m) * NER_NTAGS; r++)
            accw[r] += (W[r] - u[r] / (float)c) / (float)runs;
        for (r = 0; r < (NER_NTAGS + 1) * NER_NTAGS; r++)
            acct[r] += (T[r] - tu[r] / (float)c) / (float)runs;
    }
    memcpy(ner_model_row_at(m, 0, NULL), accw, ner_model_nrows(m) * NER_NTAGS * sizeof(float));
    memcpy(ner_model_trans(m), acct, (NER_NTAGS + 1) * NER_NTAGS * sizeof(float));
    free(accw);
    free(acct);
    free(spans);
    for (k = 0; k < ninst; k++) {
        free(inst[k].rows);
        free(inst[k].off);
        free(inst[k].labels);
    }
    free(inst);
    free(u);
    free(tu);
    free(em);
    free(pred);
    free(order);
}

/* ------------------------------------------------------------------ scoring */

typedef struct gum_score {
    size_t tp[NER_NTYPES + 1], fp[NER_NTYPES + 1], fn[NER_NTYPES + 1];
} gum_score;

static inline void gum_score_add(gum_score *sc, const gum_mention *gold, size_t ng,
                                 const gum_mention *pred, size_t np)
{
    size_t i, j;
    for (i = 0; i < np; i++) {
        int hit = 0;
        for (j = 0; j < ng; j++)
            if (gold[j].start == pred[i].start && gold[j].end == pred[i].end &&
                gold[j].type == pred[i].type)
                hit = 1;
        if (hit)
            sc->tp[pred[i].type]++;
        else
            sc->fp[pred[i].type]++;
    }
    for (j = 0; j < ng; j++) {
        int hit = 0;
        for (i = 0; i < np; i++)
            if (gold[j].start == pred[i].start && gold[j].end == pred[i].end &&
                gold[j].type == pred[i].type)
                hit = 1;
        if (!hit)
            sc->fn[gold[j].type]++;
    }
}

/* P, R, F1 of one type (1..4) or of PERSON+LOCATION+ORGANIZATION (0). */
static inline void gum_prf(const gum_score *sc, int type, double *p, double *r, double *f)
{
    size_t tp = 0, fp = 0, fn = 0;
    int t;
    for (t = 1; t <= NER_NTYPES; t++)
        if (type ? t == type : t != NER_OTH) {
            tp += sc->tp[t];
            fp += sc->fp[t];
            fn += sc->fn[t];
        }
    *p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
    *r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

/* Lists misses and false alarms of one document (error analysis). */
static inline void gum_print_errors(FILE *f, const char *text, const gum_mention *gold, size_t ng,
                                    const gum_mention *pred, size_t np)
{
    static const char tn[] = "-PLOX";
    size_t i, j;
    for (i = 0; i < np; i++) {
        for (j = 0; j < ng; j++)
            if (gold[j].start == pred[i].start && gold[j].end == pred[i].end &&
                gold[j].type == pred[i].type)
                break;
        if (j == ng)
            fprintf(f, "FP %c %.*s\n", tn[pred[i].type], (int)(pred[i].end - pred[i].start),
                    text + pred[i].start);
    }
    for (j = 0; j < ng; j++) {
        for (i = 0; i < np; i++)
            if (gold[j].start == pred[i].start && gold[j].end == pred[i].end &&
                gold[j].type == pred[i].type)
                break;
        if (i == np)
            fprintf(f, "FN %c %.*s\n", tn[gold[j].type], (int)(gold[j].end - gold[j].start),
                    text + gold[j].start);
    }
}

/* Tags a document with m and scores it. */
static inline void gum_eval_doc(sl_ctx *ctx, const ner_model *m, const gum_doc *d, gum_score *sc)
{
    ner_view v = gum_view(d);
    ner_mention *ms;
    size_t n, i;
    gum_mention *pm;
    ner_tag_view(ctx, m, &v, &ms, &n);
    pm = sl_xmalloc((n + 1) * sizeof(*pm));
    for (i = 0; i < n; i++) {
        pm[i].start = ms[i].start;
        pm[i].end = ms[i].end;
        pm[i].type = ms[i].type;
    }
    gum_score_add(sc, d->gold, d->ngold, pm, n);
    if (getenv("NER_GUM_ERRORS"))
        gum_print_errors(stderr, d->text.ptr, d->gold, d->ngold, pm, n);
    free(pm);
    free(ms);
}

static inline void gum_free(gum_corpus *c)
{
    size_t k;
    for (k = 0; k < c->n; k++) {
        gum_doc *d = &c->docs[k];
        free(d->id);
        sl_buf_free(&d->text);
        free(d->sent_start);
        free(d->sent_end);
        free(d->kinds);
        free(d->gold);
        free(d->toks);
        free(d->sent_tok);
        free(d->labels);
        free(d->train);
    }
    free(c->docs);
    memset(c, 0, sizeof(*c));
}

static inline void gum_doc_free(gum_doc *d)
{
    free(d->id);
    sl_buf_free(&d->text);
    free(d->sent_start);
    free(d->sent_end);
    free(d->kinds);
    free(d->gold);
    free(d->toks);
    free(d->sent_tok);
    free(d->labels);
    free(d->train);
}

/* Trains a model on docs (plus their augmented copies when asked). */
static inline ner_model *gum_fit(sl_ctx *ctx, gum_doc *const *docs, size_t n,
                                 const gum_train_opts *o)
{
    ner_model *m = ner_model_new();
    gum_doc **all = sl_xmalloc((2 * n + 1) * sizeof(*all));
    gum_doc *aug = sl_xcalloc(n + 1, sizeof(*aug));
    size_t k, na = 0;
    gum_lexicon(ctx, m, docs, n, o->lex_min);
    for (k = 0; k < n; k++)
        all[na++] = docs[k];
    if (o->augment)
        for (k = 0; k < n; k++) {
            gum_augment(ctx, docs[k], &aug[k], (unsigned)k * 7919u + 17u);
            all[na++] = &aug[k];
        }
    gum_train(ctx, m, all, na, o);
    {
        size_t r, nr = ner_model_nrows(m);
        int t;
        for (r = 0; r < nr; r++) {
            float *w = ner_model_row_at(m, r, NULL);
            for (t = 0; t < NER_NTAGS; t++)
                if (w[t] > -o->min_abs && w[t] < o->min_abs)
                    w[t] = 0;
        }
    }
    if (o->augment)
        for (k = 0; k < n; k++)
            gum_doc_free(&aug[k]);
    free(aug);
    free(all);
    return m;
}


/* ------------------------------------------------------------------ news evaluation set */

/* bench/data/ner-news/gold.txt (format in its header): paragraphs of
 * Multi-News dev documents with hand-annotated mentions. */
typedef struct news_para {
    char *path;            /* the document, read whole */
    char *text;
    size_t len;
    size_t pstart, pend;   /* the paragraph's bytes */
    gum_mention *gold;
    size_t ngold, cgold;
} news_para;

typedef struct news_set {
    news_para *p;
    size_t n, cap;
    size_t unfound;        /* gold lines not found in their paragraph */
} news_set;

static inline char *news_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    sl_buf b = SL_BUF_INIT;
    char tmp[65536];
    size_t k;
    if (!f)
        return NULL;
    while ((k = fread(tmp, 1, sizeof(tmp), f)) > 0)
        sl_buf_put(&b, tmp, k);
    fclose(f);
    *len = b.len;
    return sl_buf_detach(&b);
}

/* The byte range of paragraph idx: runs of lines holding a non-space byte. */
static inline int news_paragraph(const char *t, size_t n, size_t idx, size_t *ps, size_t *pe)
{
    size_t i = 0, k = 0;
    int in = 0;
    while (i < n) {
        size_t e = i, j;
        int blank = 1;
        while (e < n && t[e] != '\n')
            e++;
        for (j = i; j < e; j++)
            if (t[j] != ' ' && t[j] != '\t' && t[j] != '\r')
                blank = 0;
        if (!blank && !in) {
            in = 1;
            if (k == idx)
                *ps = i;
        }
        if (blank && in) {
            if (k == idx)
                return 0;
            in = 0;
            k++;
        }
        if (!blank && k == idx)
            *pe = e;
        i = e + 1;
    }
    return in && k == idx ? 0 : -1;
}

/* Whether the character starting (or, with back, ending) at t[i] is part
 * of a word; U+2000..U+203F (dashes, curly quotes) are not. */
static inline int news_wordish(const char *t, size_t n, size_t i, int back)
{
    const unsigned char *u = (const unsigned char *)t;
    unsigned char c = u[i];
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (back)
        return !(i >= 2 && u[i - 2] == 0xE2 && u[i - 1] == 0x80);
    return !(u[i] == 0xE2 && i + 1 < n && u[i + 1] == 0x80);
}

/* One final period does not count ("Tenn." = "Tenn"). */
static inline size_t news_trim_end(const char *t, size_t s, size_t e)
{
    return e > s + 1 && t[e - 1] == '.' ? e - 1 : e;
}

static inline int news_type(const char *s)
{
    return !strncmp(s, "PER ", 4) ? NER_PER : !strncmp(s, "LOC ", 4) ? NER_LOC
         : !strncmp(s, "ORG ", 4) ? NER_ORG : !strncmp(s, "OTH ", 4) ? NER_OTH : 0;
}

/* Loads the set; documents are read from dir.  Returns -1 when the gold
 * file or a document is missing. */
static inline int news_load(const char *gold, const char *dir, news_set *ns)
{
    FILE *f = fopen(gold, "r");
    char line[1024];
    news_para *cur = NULL;
    size_t at = 0;
    memset(ns, 0, sizeof(*ns));
    if (!f)
        return -1;
    while (fgets(line, sizeof(line), f)) {
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (line[0] == '=' && line[1] == ' ') {
            news_para np;
            char path[2048], *sp = strrchr(line, ' ');
            memset(&np, 0, sizeof(np));
            if (!sp)
                continue;
            *sp = '\0';
            snprintf(path, sizeof(path), "%s/%s", dir, line + 2);
            np.path = sl_xstrdup(path);
            np.text = news_read(path, &np.len);
            if (!np.text || news_paragraph(np.text, np.len, (size_t)atol(sp + 1), &np.pstart,
                                           &np.pend) != 0) {
                free(np.path);
                free(np.text);
                fclose(f);
                return -1;
            }
            SL_PUSH(ns->p, ns->n, ns->cap, np);
            cur = &ns->p[ns->n - 1];
            at = cur->pstart;
        } else if (cur && news_type(line)) {
            const char *w = line + 4;
            size_t wn = strlen(w), i;
            int found = 0;
            for (i = at; i + wn <= cur->pend; i++)
                if (!memcmp(cur->text + i, w, wn) &&
                    (i == 0 || !news_wordish(cur->text, cur->len, i - 1, 1) ||
                     !news_wordish(w, wn, 0, 0)) &&
                    (i + wn >= cur->len || !news_wordish(cur->text, cur->len, i + wn, 0) ||
                     !news_wordish(w, wn, wn - 1, 1))) {
                    gum_mention m;
                    m.start = i;
                    m.end = news_trim_end(cur->text, i, i + wn);
                    m.type = news_type(line);
                    SL_PUSH(cur->gold, cur->ngold, cur->cgold, m);
                    at = i + wn;
                    found = 1;
                    break;
                }
            if (!found) {
                ns->unfound++;
                if (getenv("NER_ERRORS"))
                    fprintf(stderr, "unfound: %s: %s\n", cur->path, line);
            }
        }
    }
    fclose(f);
    return 0;
}

static inline void news_free(news_set *ns)
{
    size_t i;
    for (i = 0; i < ns->n; i++) {
        free(ns->p[i].path);
        free(ns->p[i].text);
        free(ns->p[i].gold);
    }
    free(ns->p);
    memset(ns, 0, sizeof(*ns));
}

/* Training documents from an annotated news set: each paragraph's whole
 * document, split into sentences as the tagger splits raw text, with the
 * paragraph's mentions as gold; only sentences inside the paragraph are
 * learned from (the rest of the document is unannotated, but its words
 * still give document evidence). */
static inline void news_train_docs(sl_ctx *ctx, const news_set *ns, gum_corpus *out)
{
    size_t k, i;
    memset(out, 0, sizeof(*out));
    for (k = 0; k < ns->n; k++) {
        const news_para *np = &ns->p[k];
        gum_doc d;
        sl_span *sp = NULL;
        size_t nsp = 0, csp = 0;
        memset(&d, 0, sizeof(d));
        d.id = sl_xstrdup(np->path);
        sl_buf_put(&d.text, np->text, np->len);
        size_t cap = 0;
        sl_sentences_split(ctx, np->text, np->len, 0, &sp, &nsp, &csp);
        d.kinds = NULL;
        for (i = 0; i < nsp; i++) {
            /* sentences are also cut at blank lines: the splitter may run
             * on across paragraphs, and the annotated one must stand alone */
            size_t a = sp[i].start, e = sp[i].end, j;
            while (a < e) {
                size_t cut = e;
                for (j = a; j + 1 < e; j++)
                    if (np->text[j] == '\n') {
                        size_t q = j + 1;
                        while (q < e && (np->text[q] == ' ' || np->text[q] == '\t' ||
                                         np->text[q] == '\r'))
                            q++;
                        if (q < e && np->text[q] == '\n') {
                            cut = j;
                            break;
                        }
                    }
                if (cut > a) {
                    size_t c2 = cap;
                    d.sent_start = sl_xgrow(d.sent_start, &c2, d.nsents + 1, sizeof(size_t));
                    c2 = cap;
                    d.sent_end = sl_xgrow(d.sent_end, &c2, d.nsents + 1, sizeof(size_t));
                    c2 = cap;
                    d.train = sl_xgrow(d.train, &c2, d.nsents + 1, 1);
                    cap = c2;
                    d.sent_start[d.nsents] = a;
                    d.sent_end[d.nsents] = cut;
                    d.train[d.nsents] = a >= np->pstart && cut <= np->pend;
                    d.nsents++;
                }
                a = cut;
                while (a < e && (np->text[a] == ' ' || np->text[a] == '\n' ||
                                 np->text[a] == '\t' || np->text[a] == '\r'))
                    a++;
            }
        }
        free(sp);
        d.kinds = sl_xcalloc(d.nsents + 1, sizeof(*d.kinds));
        d.gold = sl_xmalloc((np->ngold + 1) * sizeof(*d.gold));
        memcpy(d.gold, np->gold, np->ngold * sizeof(*d.gold));
        d.ngold = d.cgold = np->ngold;
        gum_tokenize(ctx, &d);
        SL_PUSH(out->docs, out->n, out->cap, d);
    }
}

/* Scores predicted mentions (byte offsets into the paragraph's document)
 * against the paragraph's gold: only those starting inside it count. */
static inline void news_score(gum_score *sc, const news_para *np, const gum_mention *pred,
                              size_t npred, FILE *errors)
{
    gum_mention *in = sl_xmalloc((npred + 1) * sizeof(*in));
    size_t i, k = 0;
    for (i = 0; i < npred; i++)
        if (pred[i].start >= np->pstart && pred[i].start < np->pend) {
            in[k] = pred[i];
            in[k].end = news_trim_end(np->text, in[k].start, in[k].end);
            k++;
        }
    gum_score_add(sc, np->gold, np->ngold, in, k);
    if (errors) {
        /* misses and false alarms, for error analysis */
        static const char tn[] = "-PLOX";
        size_t j;
        for (i = 0; i < k; i++) {
            for (j = 0; j < np->ngold; j++)
                if (np->gold[j].start == in[i].start && np->gold[j].end == in[i].end &&
                    np->gold[j].type == in[i].type)
                    break;
            if (j == np->ngold)
                fprintf(errors, "FP %c %.*s\n", tn[in[i].type], (int)(in[i].end - in[i].start),
                        np->text + in[i].start);
        }
        for (j = 0; j < np->ngold; j++) {
            for (i = 0; i < k; i++)
                if (np->gold[j].start == in[i].start && np->gold[j].end == in[i].end &&
                    np->gold[j].type == in[i].type)
                    break;
            if (i == k)
                fprintf(errors, "FN %c %.*s\n", tn[np->gold[j].type],
                        (int)(np->gold[j].end - np->gold[j].start), np->text + np->gold[j].start);
        }
    }
    free(in);
}

/* Tags every paragraph's whole document (raw text, as sl_ner_tag does) with
 * model m and scores the paragraphs. */
static inline void news_eval(sl_ctx *ctx, const ner_model *m, const news_set *ns, gum_score *sc,
                             FILE *errors)
{
    size_t k, i;
    for (k = 0; k < ns->n; k++) {
        const news_para *np = &ns->p[k];
        ner_mention *ms;
        gum_mention *pm;
        size_t n;
        ner_tag_text(ctx, m, np->text, np->len, &ms, &n);
        pm = sl_xmalloc((n + 1) * sizeof(*pm));
        for (i = 0; i < n; i++) {
            pm[i].start = ms[i].start;
            pm[i].end = ms[i].end;
            pm[i].type = ms[i].type;
        }
        if (errors)
            fprintf(errors, "== %s\n", np->path);
        news_score(sc, np, pm, n, errors);
        free(pm);
        free(ms);
    }
}

#endif
