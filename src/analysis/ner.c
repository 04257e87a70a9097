/*
 * ner.c: named-entity recognition (see ner.h).
 *
 * Pipeline for one view (a document or a buffer):
 *   1. per token: what the word gives by itself, cached per vocabulary id
 *      and context (hashes of the word and its affixes, gazetteer flags,
 *      the word representations of data/ner/words.txt), its shape, and the
 *      longest multi-word gazetteer entry starting at each token;
 *   2. per sentence: its mode (normal, headline case, all caps) and, for
 *      headline and all-caps sentences, a truecased shape for every word:
 *      document evidence first (the word seen capitalized or lower case in
 *      the middle of ordinary sentences), then gazetteer phrases, the case
 *      profile from unlabeled text and the lexicons; a word usually written
 *      in lower case is a name beside a name ("Kim Jong Un Meets");
 *   3. runs of capitalized words (through name particles: "de", "van",
 *      "al"), ended by titles ("Punjab | Chief Minister | Shahbaz Sharif"),
 *      possessives and a leading day name, with what surrounds them;
 *   4. hashed feature keys per token of the islands (runs and connectors),
 *      scored by the averaged-perceptron weights and decoded by Viterbi;
 *   5. conventions and gazetteers on the decoded mentions (resolve_mentions
 *      and fix_mention), then one sense per document (doc_consistency).
 *
 * Invariants: work is linear in the number of tokens (gazetteer matching
 * looks at most NER_MAX_PHRASE tokens ahead; no token is revisited more than
 * a constant number of times); feature keys never depend on vocabulary ids,
 * only on the text, so a model trained in one context serves every context.
 *
 * References: M. Collins, "Discriminative training methods for hidden Markov
 * models", EMNLP 2002 (averaged perceptron); L. Ratinov and D. Roth, "Design
 * challenges and misconceptions in named entity recognition", CoNLL 2009
 * (feature set: shapes, affixes, gazetteers, context, word clusters,
 * document evidence, prediction history); W. Gale, K. Church and
 * D. Yarowsky, "One sense per discourse", 1992.
 */
#include "analysis/ner.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "analysis/sentences.h"
#include "analysis/tokens.h"
#include "core/data.h"
#include "util/mem.h"
#include "util/utf8.h"

/* ------------------------------------------------------------------ hashing */

static uint64_t fnv64(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* splitmix64's finalizer: spreads the bits of combined keys. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

static uint64_t key1(unsigned tpl, uint64_t v)
{
    uint64_t k = mix64(((uint64_t)tpl * 0x9E3779B97F4A7C15ull) ^ v);
    return k ? k : 1;
}

static uint64_t key2(unsigned tpl, uint64_t a, uint64_t b)
{
    return key1(tpl, mix64(a) ^ (b * 0xff51afd7ed558ccdull));
}

#define PHRASE_SEED 0x51ed270b27e4c0f3ull
static uint64_t phrase_step(uint64_t h, uint64_t word) { return mix64(h ^ word); }

/* ------------------------------------------------------------------ a uint64 -> uint32 map */

typedef struct u64map {
    uint64_t *keys; /* 0 = empty */
    uint32_t *vals;
    size_t n, cap;  /* cap is a power of two */
} u64map;

static void u64map_free(u64map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof(*m));
}

static void u64map_rehash(u64map *m, size_t cap)
{
    u64map nm;
    size_t i;
    nm.cap = cap;
    nm.n = m->n;
    nm.keys = sl_xcalloc(cap, sizeof(*nm.keys));
    nm.vals = sl_xcalloc(cap, sizeof(*nm.vals));
    for (i = 0; i < m->cap; i++)
        if (m->keys[i]) {
            size_t j = (size_t)m->keys[i] & (cap - 1);
            while (nm.keys[j])
                j = (j + 1) & (cap - 1);
            nm.keys[j] = m->keys[i];
            nm.vals[j] = m->vals[i];
        }
    free(m->keys);
    free(m->vals);
    *m = nm;
}

/* The slot of key (key != 0); with insert, claims an empty one. */
static uint32_t *u64map_get(u64map *m, uint64_t key, int insert)
{
    size_t j;
    if (!m->cap) {
        if (!insert)
            return NULL;
        u64map_rehash(m, 64);
    } else if (insert && (m->n + 1) * 2 > m->cap) {
        u64map_rehash(m, m->cap * 2);
    }
    j = (size_t)key & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == key)
            return &m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    if (!insert)
        return NULL;
    m->keys[j] = key;
    m->vals[j] = 0;
    m->n++;
    return &m->vals[j];
}

/* ------------------------------------------------------------------ the model */

struct ner_model {
    u64map rows;      /* feature key -> row index */
    float *w;         /* rows x NER_NTAGS */
    uint64_t *rkeys;  /* row -> key */
    size_t nrows, crows;
    float trans[(NER_NTAGS + 1) * NER_NTAGS];
    u64map lex;       /* hash of a lower-case word -> 1 */
};

ner_model *ner_model_new(void)
{
    return sl_xcalloc(1, sizeof(ner_model));
}

void ner_model_free(ner_model *m)
{
    if (!m)
        return;
    u64map_free(&m->rows);
    u64map_free(&m->lex);
    free(m->w);
    free(m->rkeys);
    free(m);
}

float *ner_model_row(ner_model *m, uint64_t key, int insert)
{
    uint32_t *slot = u64map_get(&m->rows, key, insert);
    if (!slot)
        return NULL;
    if (insert && *slot == 0) {
        size_t cap = m->crows;
        m->w = sl_xgrow(m->w, &m->crows, m->nrows + 1, NER_NTAGS * sizeof(float));
        m->rkeys = sl_xgrow(m->rkeys, &cap, m->nrows + 1, sizeof(uint64_t));
        memset(m->w + m->nrows * NER_NTAGS, 0, NER_NTAGS * sizeof(float));
        m->rkeys[m->nrows] = key;
        *slot = (uint32_t)++m->nrows; /* row + 1 */
    }
    return m->w + (size_t)(*slot - 1) * NER_NTAGS;
}

static const float *model_find(const ner_model *m, uint64_t key)
{
    const u64map *t = &m->rows;
    size_t j;
    if (!t->cap)
        return NULL;
    j = (size_t)key & (t->cap - 1);
    while (t->keys[j]) {
        if (t->keys[j] == key)
            return m->w + (size_t)(t->vals[j] - 1) * NER_NTAGS;
        j = (j + 1) & (t->cap - 1);
    }
    return NULL;
}

size_t ner_model_nrows(const ner_model *m) { return m->nrows; }

float *ner_model_row_at(ner_model *m, size_t i, uint64_t *key)
{
    if (key)
        *key = m->rkeys[i];
    return m->w + i * NER_NTAGS;
}

float *ner_model_trans(ner_model *m) { return m->trans; }

void ner_model_lex_add(ner_model *m, const char *w, size_t n)
{
    uint64_t k = fnv64(w, n);
    *u64map_get(&m->lex, k ? k : 1, 1) = 1;
}

static int model_has_lex(const ner_model *m, uint64_t wh)
{
    const u64map *t = &m->lex;
    size_t j;
    if (!t->cap)
        return 0;
    if (!wh)
        wh = 1;
    j = (size_t)wh & (t->cap - 1);
    while (t->keys[j]) {
        if (t->keys[j] == wh)
            return 1;
        j = (j + 1) & (t->cap - 1);
    }
    return 0;
}

/* Lexicon words are written as hashes too: the text form then holds no
 * training text, and the file stays small. */
void ner_model_write(const ner_model *m, FILE *f, float min_abs)
{
    size_t i;
    int a, b;
    fprintf(f, "ner-model 1 %d\n", NER_NTAGS);
    for (i = 0; i < m->lex.cap; i++)
        if (m->lex.keys[i])
            fprintf(f, "l %016llx\n", (unsigned long long)m->lex.keys[i]);
    for (a = 0; a <= NER_NTAGS; a++) {
        fprintf(f, "t %d", a);
        for (b = 0; b < NER_NTAGS; b++)
            fprintf(f, " %ld", lroundf(m->trans[a * NER_NTAGS + b] * 1000.0f));
        fputc('\n', f);
    }
    for (i = 0; i < m->nrows; i++) {
        const float *w = m->w + i * NER_NTAGS;
        int any = 0;
        for (b = 0; b < NER_NTAGS; b++)
            if (fabsf(w[b]) >= min_abs && lroundf(w[b] * 1000.0f) != 0)
                any = 1;
        if (!any)
            continue;
        fprintf(f, "f %016llx", (unsigned long long)m->rkeys[i]);
        for (b = 0; b < NER_NTAGS; b++)
            if (fabsf(w[b]) >= min_abs && lroundf(w[b] * 1000.0f) != 0)
                fprintf(f, " %d:%ld", b, lroundf(w[b] * 1000.0f));
        fputc('\n', f);
    }
}

static int parse_hex(const char *s, size_t n, size_t *pos, uint64_t *out)
{
    uint64_t v = 0;
    size_t i = *pos, k = 0;
    while (i < n && k < 16) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            break;
        v = v << 4 | (uint64_t)d;
        i++;
        k++;
    }
    if (!k)
        return -1;
    *pos = i;
    *out = v;
    return 0;
}

static int parse_int(const char *s, size_t n, size_t *pos, long *out)
{
    size_t i = *pos;
    int neg = 0, any = 0;
    long v = 0;
    if (i < n && s[i] == '-') {
        neg = 1;
        i++;
    }
    while (i < n && s[i] >= '0' && s[i] <= '9' && v < 100000000) {
        v = v * 10 + (s[i] - '0');
        i++;
        any = 1;
    }
    if (!any)
        return -1;
    *pos = i;
    *out = neg ? -v : v;
    return 0;
}

static void skip_spaces(const char *s, size_t n, size_t *pos)
{
    while (*pos < n && s[*pos] == ' ')
        (*pos)++;
}

int ner_model_parse(ner_model *m, const char *text, size_t len)
{
    size_t pos = 0, n;
    const char *line;
    int bad = 0;
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        size_t i = 2;
        uint64_t key;
        long v, tag;
        if (n < 2 || line[1] != ' ')
            continue; /* the header and anything unknown */
        if (line[0] == 'l') {
            if (parse_hex(line, n, &i, &key) == 0)
                *u64map_get(&m->lex, key ? key : 1, 1) = 1;
            else
                bad = 1;
        } else if (line[0] == 't') {
            int b;
            if (parse_int(line, n, &i, &tag) || tag < 0 || tag > NER_NTAGS) {
                bad = 1;
                continue;
            }
            for (b = 0; b < NER_NTAGS; b++) {
                skip_spaces(line, n, &i);
                if (parse_int(line, n, &i, &v)) {
                    bad = 1;
                    break;
                }
                m->trans[tag * NER_NTAGS + b] = (float)v / 1000.0f;
            }
        } else if (line[0] == 'f') {
            float *w;
            if (parse_hex(line, n, &i, &key) || !key) {
                bad = 1;
                continue;
            }
            w = ner_model_row(m, key, 1);
            for (;;) {
                skip_spaces(line, n, &i);
                if (i >= n)
                    break;
                if (parse_int(line, n, &i, &tag) || tag < 0 || tag >= NER_NTAGS || i >= n ||
                    line[i] != ':') {
                    bad = 1;
                    break;
                }
                i++;
                if (parse_int(line, n, &i, &v)) {
                    bad = 1;
                    break;
                }
                w[tag] = (float)v / 1000.0f;
            }
        }
    }
    return bad ? -1 : 0;
}

static void *model_make(sl_ctx *ctx)
{
    ner_model *m = ner_model_new();
    size_t len;
    const char *text = sl_data_get("ner/model", &len);
    (void)ctx;
    if (text)
        ner_model_parse(m, text, len);
    return m;
}

static void model_destroy(void *p) { ner_model_free(p); }

const ner_model *ner_default_model(sl_ctx *ctx)
{
    return sl_ctx_resource(ctx, "ner.model", model_make, model_destroy);
}

/* ------------------------------------------------------------------ gazetteers */

#define NER_MAX_PHRASE 8

typedef struct gaz {
    u64map any;  /* phrase hash -> flags, any case */
    u64map caps; /* phrase hash -> flags, entries written in capitals */
    u64map words; /* word hash -> 1 + case profile + 8 * (cluster + 1) (data/ner/words) */
} gaz;

static void gaz_free(void *p)
{
    gaz *g = p;
    if (!g)
        return;
    u64map_free(&g->any);
    u64map_free(&g->caps);
    u64map_free(&g->words);
    free(g);
}

static uint64_t norm_hash(sl_ctx *ctx, unsigned id)
{
    size_t n;
    const char *s = sl_intern_str(&ctx->vocab, id, &n);
    return fnv64(s, n);
}

/* Whether an entry is written in capitals ("UN", "U.S.", "NATO"). */
static int entry_is_caps(const char *s, size_t n)
{
    size_t i, letters = 0;
    for (i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        if (s[i] >= 'A' && s[i] <= 'Z')
            letters++;
    }
    return letters >= 2;
}

static void gaz_load(sl_ctx *ctx, gaz *g, const char *name, unsigned whole, unsigned word)
{
    size_t len, pos = 0, n;
    const char *line, *text = sl_data_get(name, &len);
    sl_token *toks = NULL;
    size_t ntoks, ctoks = 0;
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        size_t i;
        uint64_t h = PHRASE_SEED;
        u64map *t = entry_is_caps(line, n) ? &g->caps : &g->any;
        ntoks = 0;
        sl_tokens_scan(ctx, line, n, 0, &toks, &ntoks, &ctoks);
        if (!ntoks || ntoks > NER_MAX_PHRASE)
            continue;
        for (i = 0; i < ntoks; i++) {
            uint64_t wh = norm_hash(ctx, toks[i].norm);
            h = phrase_step(h, wh);
            if (word && (toks[i].flags & SL_TOK_WORD)) /* each word of the entry */
                *u64map_get(t, phrase_step(PHRASE_SEED, wh), 1) |= word;
            if (i + 1 < ntoks)
                *u64map_get(t, h, 1) |= NER_G_PREFIX;
        }
        *u64map_get(t, h, 1) |= whole;
    }
    free(toks);
}

/* data/ner/words.txt: "word case cluster" lines (bench/ner_words.c). */
static void words_load(gaz *g)
{
    size_t len, pos = 0, n;
    const char *line, *text = sl_data_get("ner/words", &len);
    while (text && sl_data_next_line(text, len, &pos, &line, &n)) {
        size_t i = 0, w;
        long cs = 0, cl = 0;
        while (i < n && line[i] != ' ')
            i++;
        w = i;
        if (i + 1 >= n)
            continue;
        i++;
        if (parse_int(line, n, &i, &cs) || i >= n || line[i] != ' ')
            continue;
        i++;
        if (parse_int(line, n, &i, &cl) || cs < 0 || cs > 5 || cl < 0 || cl > 60000)
            continue;
        *u64map_get(&g->words, fnv64(line, w) | 1, 1) = (uint32_t)(1 + cs + 8 * (cl + 1));
    }
}

static void *gaz_make(sl_ctx *ctx)
{
    gaz *g = sl_xcalloc(1, sizeof(*g));
    words_load(g);
    gaz_load(ctx, g, "ner/given_names", NER_G_GIVEN, 0);
    gaz_load(ctx, g, "ner/surnames", NER_G_SURNAME, 0);
    gaz_load(ctx, g, "ner/titles", NER_G_TITLEP, NER_G_TITLE);
    gaz_load(ctx, g, "ner/particles", NER_G_PARTICLE, 0);
    gaz_load(ctx, g, "ner/org_words", NER_G_ORGWORD, 0);
    gaz_load(ctx, g, "ner/loc_words", NER_G_LOCWORD, 0);
    gaz_load(ctx, g, "ner/common", NER_G_COMMON, 0);
    gaz_load(ctx, g, "ner/calendar", NER_G_CALENDAR, 0);
    gaz_load(ctx, g, "ner/demonyms", NER_G_DEMONYM, 0);
    gaz_load(ctx, g, "ner/countries", NER_G_LOC, 0);
    gaz_load(ctx, g, "ner/places", NER_G_LOC, 0);
    gaz_load(ctx, g, "ner/orgs", NER_G_ORG, 0);
    gaz_load(ctx, g, "ner/other", NER_G_OTHER, 0);
    return g;
}

static const gaz *gaz_get(sl_ctx *ctx)
{
    return sl_ctx_resource(ctx, "ner.gazetteers", gaz_make, gaz_free);
}

static unsigned map_flags(const u64map *t, uint64_t h)
{
    size_t j;
    if (!t->cap)
        return 0;
    j = (size_t)h & (t->cap - 1);
    while (t->keys[j]) {
        if (t->keys[j] == h)
            return t->vals[j];
        j = (j + 1) & (t->cap - 1);
    }
    return 0;
}

unsigned ner_word_flags(sl_ctx *ctx, const char *w, size_t n)
{
    const gaz *g = gaz_get(ctx);
    uint64_t h = phrase_step(PHRASE_SEED, fnv64(w, n));
    return (map_flags(&g->any, h) | map_flags(&g->caps, h)) & ~(unsigned)NER_G_PREFIX;
}

/* Flags of the entry made of tokens [i, j) ending with phrase hash h. */
static unsigned phrase_flags(const gaz *g, uint64_t h, int all_caps)
{
    return map_flags(&g->any, h) | (all_caps ? map_flags(&g->caps, h) : 0);
}

int ner_is_title(sl_ctx *ctx, const sl_token *toks, size_t n)
{
    const gaz *g = gaz_get(ctx);
    uint64_t h = PHRASE_SEED;
    size_t i;
    if (!n || n > NER_MAX_PHRASE)
        return 0;
    for (i = 0; i < n; i++)
        h = phrase_step(h, norm_hash(ctx, toks[i].norm));
    return (phrase_flags(g, h, 0) & NER_G_TITLEP) != 0;
}

int ner_is_demonym(sl_ctx *ctx, const sl_token *toks, size_t n)
{
    const gaz *g = gaz_get(ctx);
    uint64_t h = PHRASE_SEED;
    size_t i;
    if (!n || n > NER_MAX_PHRASE)
        return 0;
    for (i = 0; i < n; i++)
        h = phrase_step(h, norm_hash(ctx, toks[i].norm));
    return (phrase_flags(g, h, 0) & NER_G_DEMONYM) != 0;
}

/* ------------------------------------------------------------------ per-token preparation */

enum { SH_LOWER = 0, SH_CAP, SH_ALLCAP, SH_MIXED, SH_INITIAL, SH_NUM, SH_PUNCT, SH_OTHER };
enum { MODE_NORMAL = 0, MODE_TITLE, MODE_UPPER };

/* Phrase membership bits (longest gazetteer entry covering the token). */
enum {
    PH_LOC_B = 1, PH_LOC_I = 2, PH_ORG_B = 4, PH_ORG_I = 8, PH_DEM_B = 16, PH_DEM_I = 32,
    PH_TIT_B = 64, PH_TIT_I = 128
};

/* Run flags. */
enum {
    RUN_ORGWORD = 1,  /* an organization head word inside the run */
    RUN_LOCWORD = 2,  /* a place head word ends the run */
    RUN_GIVEN = 4,    /* the run starts with a given name */
    RUN_TITLE = 8,    /* a title or role stands before the run */
    RUN_LOCPH = 16,   /* a country or place entry inside the run */
    RUN_ORGPH = 32,   /* an organization entry inside */
    RUN_SURNAME = 64, /* the run ends with a family name */
    RUN_PARTICLE = 128
};

typedef struct tinfo {
    uint64_t wh;          /* hash of the case-folded word */
    uint64_t gwh;         /* the same without a possessive ending ("Volkswagen's") */
    uint64_t shapeh;      /* hash of the (truecased) collapsed shape */
    uint64_t pre2, pre3, suf2, suf3, suf4;
    uint64_t before_run, after_run; /* words around the run (0 outside runs) */
    unsigned gflags;      /* NER_G_* of the single word */
    unsigned char ph;     /* PH_* */
    unsigned char shape;  /* SH_* as written */
    unsigned char eshape; /* SH_* after truecasing */
    unsigned char mode;   /* MODE_* of its sentence */
    unsigned char initial;/* first word of its sentence (or after an opening quote) */
    unsigned char kind;   /* 0 body, 1 title or heading, 2 caption or other */
    unsigned char known;  /* a known lower-case word */
    unsigned char doc;    /* 1 seen capitalized mid-sentence, 2 seen lower case, 3 both */
    unsigned char runlen, runpos, runflags;
    unsigned char lenb;   /* length bucket */
    unsigned char wcase;  /* case profile from unlabeled text: 0 unseen, 1 lower ... 5 capitalized */
    uint32_t wclus;       /* distributional cluster + 1, 0 unseen */
    unsigned char poss;   /* ends in a possessive "'s" */
    unsigned char handle; /* right after "@" or "#": a user name or tag, no name */
    unsigned char capsw;  /* written in capitals, a possessive ending aside */
    size_t sa, sb;        /* its sentence's token range */
} tinfo;

struct ner_prep {
    const gaz *g;
    const ner_model *m;
    const ner_view *v;
    tinfo *t;
    size_t n;
};

void ner_prep_free(ner_prep *p)
{
    if (!p)
        return;
    free(p->t);
    free(p);
}

static int shape_of(const char *s, size_t n, unsigned flags, char *out, size_t *outn)
{
    size_t i = 0, k = 0;
    int lower = 0, upper = 0, digit = 0, first_upper = -1;
    char last = 0;
    while (i < n) {
        uint32_t cp = (unsigned char)s[i];
        int l = 1;
        char c;
        if (cp >= 0x80) {
            l = sl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (l < 0) {
                l = 1;
                cp = 0xFFFD;
            }
        }
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 0x80 && utf8proc_isupper((utf8proc_int32_t)cp))) {
            c = 'X';
            upper++;
        } else if ((cp >= 'a' && cp <= 'z') ||
                   (cp >= 0x80 && utf8proc_islower((utf8proc_int32_t)cp))) {
            c = 'x';
            lower++;
        } else if (cp >= '0' && cp <= '9') {
            c = 'd';
            digit++;
        } else if (cp < 0x80) {
            c = (char)cp;
        } else {
            c = 'o';
        }
        if (first_upper < 0 && (c == 'X' || c == 'x'))
            first_upper = c == 'X';
        if (c != last && k < 8)
            out[k++] = c;
        last = c;
        i += (size_t)l;
    }
    *outn = k;
    if (flags & SL_TOK_PUNCT)
        return SH_PUNCT;
    if (!upper && !lower)
        return digit ? SH_NUM : SH_OTHER;
    if (upper && !lower)
        return upper == 1 ? SH_INITIAL : SH_ALLCAP;
    if (first_upper == 1)
        return upper == 1 ? SH_CAP : (flags & SL_TOK_CAP ? SH_CAP : SH_MIXED);
    return upper ? SH_MIXED : SH_LOWER;
}

/* Document evidence: how often each word appears capitalized and in lower
 * case in the middle of ordinary sentences.  Keyed by vocabulary id. */
typedef struct evid {
    uint32_t *ids; /* id + 1, 0 empty */
    uint32_t *cap_n, *low_n;
    size_t cap;
} evid;

static size_t evid_slot(evid *e, uint32_t id)
{
    size_t j = (size_t)mix64(id) & (e->cap - 1);
    while (e->ids[j] && e->ids[j] != id + 1)
        j = (j + 1) & (e->cap - 1);
    e->ids[j] = id + 1;
    return j;
}

static int evid_find(const evid *e, uint32_t id, size_t *slot)
{
    size_t j = (size_t)mix64(id) & (e->cap - 1);
    while (e->ids[j]) {
        if (e->ids[j] == id + 1) {
            *slot = j;
            return 1;
        }
        j = (j + 1) & (e->cap - 1);
    }
    return 0;
}

static int is_opening(const char *s, size_t n)
{
    return (n == 1 && (s[0] == '"' || s[0] == '(' || s[0] == ':' || s[0] == '\'' || s[0] == '[' ||
                       s[0] == '-')) ||
           (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x98 ||
             (unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0x93));
}

#define NAME_FLAGS (NER_G_GIVEN | NER_G_SURNAME | NER_G_LOC | NER_G_ORG | NER_G_DEMONYM)

static int caplike(int sh) { return sh == SH_CAP || sh == SH_ALLCAP || sh == SH_MIXED || sh == SH_INITIAL; }

/* Whether token i (of a sentence ending at b) is a title or role word
 * standing before a name: "King" in "King Jong-un" but not in "King County". */
static int title_at(const tinfo *t, size_t i, size_t b)
{
    if (!(t[i].ph & (PH_TIT_B | PH_TIT_I)))
        return 0;
    return !(i + 1 < b && (t[i + 1].gflags & (NER_G_LOCWORD | NER_G_ORGWORD)) &&
             !(t[i + 1].ph & (PH_TIT_B | PH_TIT_I)));
}

/* Whether text[a, b) holds an empty line: a name never runs across one
 * (the sentence splitter may). */
static int blank_line_between(const char *text, size_t a, size_t b)
{
    size_t i;
    int nl = 0;
    for (i = a; i < b; i++) {
        if (text[i] == '\n') {
            if (nl)
                return 1;
            nl = 1;
        } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            nl = 0;
        }
    }
    return 0;
}

/* Whether a token looks like part of a person's name. */
static int name_ish(const tinfo *x)
{
    return (x->gflags & (NER_G_GIVEN | NER_G_SURNAME)) ||
           (!x->known && x->wcase != 1 && x->wcase != 2 && x->shape != SH_NUM &&
            x->shape != SH_PUNCT);
}

/* Decides the mode of sentence [a, b). */
static int sentence_mode(const tinfo *t, const sl_token *toks, size_t a, size_t b, int kind)
{
    size_t i, words = 0, upper = 0, C = 0, L = 0, K = 0, S = 0;
    int seen_first = 0;
    for (i = a; i < b; i++) {
        if (!(toks[i].flags & SL_TOK_WORD))
            continue;
        words++;
        if (t[i].shape == SH_ALLCAP || t[i].shape == SH_INITIAL)
            upper++;
        if (!seen_first) {
            seen_first = 1;
            continue;
        }
        if (toks[i].flags & SL_TOK_STOP) {
            if ((toks[i].flags & SL_TOK_CAP) && t[i].lenb > 1)
                S++; /* "Of", "The" mid-sentence; not "I" */
            continue;
        }
        if (toks[i].flags & SL_TOK_CAP) {
            C++;
            if (t[i].known && !(t[i].gflags & (NAME_FLAGS | NER_G_CALENDAR)) && !t[i].ph &&
                t[i].wcase < 4)
                K++;
        } else {
            L++;
        }
    }
    if (words >= 2 && upper * 5 >= words * 4 && (words >= 3 || kind == 1))
        return MODE_UPPER;
    /* headline case: capitalized common words or stopwords inside, and
     * (almost) no lower-case content word; name-dense ordinary sentences
     * ("Moon met Kim Jong Un in Panmunjom on Friday") have some */
    if (C >= 2 && ((L == 0 && (K >= 1 || S >= 1)) || (L * 5 <= C + L && (S >= 1 || K >= 2))))
        return MODE_TITLE;
    if (kind == 1 && C >= 2 && L == 0)
        return MODE_TITLE;
    return MODE_NORMAL;
}

/* What a word contributes by itself, computed once per vocabulary id and
 * context: hashes of the word and its affixes, gazetteer flags, the word
 * representations of data/ner/words.txt. */
typedef struct wentry {
    uint64_t wh, pre2, pre3, suf2, suf3, suf4;
    uint64_t gwh;          /* hash of the word without a possessive ending */
    unsigned gany, gcaps;  /* flags of the word as an entry, any case / in capitals */
    uint32_t wclus;
    unsigned char lenb, wcase, valid;
    unsigned char poss;    /* a possessive ("Gaga's") */
} wentry;

typedef struct wcache {
    wentry *e; /* by vocabulary id */
    size_t cap;
} wcache;

static void *wcache_make(sl_ctx *ctx)
{
    (void)ctx;
    return sl_xcalloc(1, sizeof(wcache));
}

static void wcache_free(void *p)
{
    wcache *c = p;
    if (c)
        free(c->e);
    free(c);
}

static const wentry *word_entry(sl_ctx *ctx, const gaz *g, unsigned id)
{
    wcache *c = sl_ctx_resource(ctx, "ner.words", wcache_make, wcache_free);
    wentry *e;
    if (id >= c->cap) {
        size_t old = c->cap;
        c->e = sl_xgrow(c->e, &c->cap, (size_t)id + 1, sizeof(*c->e));
        memset(c->e + old, 0, (c->cap - old) * sizeof(*c->e));
    }
    e = &c->e[id];
    if (!e->valid) {
        size_t len;
        const char *w = sl_intern_str(&ctx->vocab, id, &len);
        uint64_t ph;
        uint32_t wv;
        e->wh = fnv64(w, len);
        e->pre2 = fnv64(w, len < 2 ? len : 2);
        e->pre3 = fnv64(w, len < 3 ? len : 3);
        e->suf2 = fnv64(w + (len > 2 ? len - 2 : 0), len < 2 ? len : 2);
        e->suf3 = fnv64(w + (len > 3 ? len - 3 : 0), len < 3 ? len : 3);
        e->suf4 = fnv64(w + (len > 4 ? len - 4 : 0), len < 4 ? len : 4);
        e->lenb = (unsigned char)(len > 12 ? 12 : len);
        /* a possessive is looked up without its ending: "Volkswagen's" */
        if (len > 2 && w[len - 1] == 's' && w[len - 2] == '\'')
            len -= 2;
        else if (len > 4 && w[len - 1] == 's' && (unsigned char)w[len - 4] == 0xE2 &&
                 (unsigned char)w[len - 3] == 0x80 && (unsigned char)w[len - 2] == 0x99)
            len -= 4;
        e->poss = len != strlen(w);
        e->gwh = fnv64(w, len);
        ph = phrase_step(PHRASE_SEED, e->gwh);
        e->gany = map_flags(&g->any, ph);
        e->gcaps = map_flags(&g->caps, ph);
        wv = map_flags(&g->words, fnv64(w, len) | 1);
        if (wv) {
            e->wcase = (unsigned char)((wv - 1) % 8);
            e->wclus = (wv - 1) / 8;
        }
        e->valid = 1;
    }
    return e;
}

/* Whether a token is written in capitals, a possessive ending aside
 * ("ABC's"): entries written in capitals match only such tokens. */
static int caps_token(const char *text, const sl_token *tk, int poss)
{
    size_t i, n = tk->end - tk->start, letters = 0;
    const char *w = text + tk->start;
    if (tk->flags & SL_TOK_UPPER)
        return 1;
    if (!poss)
        return 0;
    n -= n > 2 && w[n - 2] == '\'' ? 2 : n > 4 ? 4 : 0;
    for (i = 0; i < n; i++) {
        if (w[i] >= 'a' && w[i] <= 'z')
            return 0;
        if (w[i] >= 'A' && w[i] <= 'Z')
            letters++;
    }
    return letters >= 2;
}

ner_prep *ner_prepare(sl_ctx *ctx, const ner_model *m, const ner_view *v)
{
    ner_prep *p = sl_xcalloc(1, sizeof(*p));
    const gaz *g = gaz_get(ctx);
    const sl_token *toks = v->toks;
    size_t n = v->ntoks, s, i;
    tinfo *t;
    evid ev;
    p->g = g;
    p->m = m;
    p->v = v;
    p->n = n;
    p->t = t = sl_xcalloc(n ? n : 1, sizeof(*t));

    /* 1. words, shapes, gazetteers */
    for (i = 0; i < n; i++) {
        size_t sn;
        char sh[8];
        const wentry *we = word_entry(ctx, g, toks[i].norm);
        t[i].wh = we->wh;
        t[i].gwh = we->gwh;
        t[i].shape = (unsigned char)shape_of(v->text + toks[i].start, toks[i].end - toks[i].start,
                                             toks[i].flags, sh, &sn);
        t[i].shapeh = fnv64(sh, sn);
        t[i].pre2 = we->pre2;
        t[i].pre3 = we->pre3;
        t[i].suf2 = we->suf2;
        t[i].suf3 = we->suf3;
        t[i].suf4 = we->suf4;
        t[i].lenb = we->lenb;
        t[i].capsw = (unsigned char)caps_token(v->text, &toks[i], we->poss);
        t[i].gflags = (we->gany | (t[i].capsw ? we->gcaps : 0)) & ~(unsigned)NER_G_PREFIX;
        t[i].wcase = we->wcase;
        t[i].wclus = we->wclus;
        t[i].poss = we->poss;
        t[i].handle = i > 0 && toks[i - 1].end == toks[i].start &&
                      toks[i - 1].end - toks[i - 1].start == 1 &&
                      (v->text[toks[i - 1].start] == '@' || v->text[toks[i - 1].start] == '#');
        t[i].known = (toks[i].flags & SL_TOK_STOP) || (t[i].gflags & NER_G_COMMON) ||
                     t[i].wcase == 1 || t[i].wcase == 2 || model_has_lex(m, t[i].wh);
    }
    /* longest gazetteer entry from each token, left to right, within sentences */
    for (s = 0; s < v->nsents; s++) {
        size_t a = v->sent_tok[s], b = v->sent_tok[s + 1];
        for (i = a; i < b;) {
            uint64_t h = PHRASE_SEED;
            size_t j, best = 0;
            unsigned bestf = 0;
            int caps = 1;
            for (j = i; j < b && j - i < NER_MAX_PHRASE; j++) {
                unsigned f;
                h = phrase_step(h, t[j].gwh);
                if (!t[j].capsw && !(toks[j].flags & SL_TOK_PUNCT) && t[j].shape != SH_INITIAL)
                    caps = 0;
                f = phrase_flags(g, h, caps);
                if (f & (NER_G_LOC | NER_G_ORG | NER_G_DEMONYM | NER_G_TITLEP)) {
                    best = j + 1 - i;
                    bestf = f;
                }
                if (!(f & NER_G_PREFIX))
                    break;
            }
            if (!best) {
                i++;
                continue;
            }
            for (j = i; j < i + best; j++) {
                unsigned char bits = 0;
                int first = j == i;
                if (bestf & NER_G_LOC)
                    bits |= first ? PH_LOC_B : PH_LOC_I;
                if (bestf & NER_G_ORG)
                    bits |= first ? PH_ORG_B : PH_ORG_I;
                if (bestf & NER_G_DEMONYM)
                    bits |= first ? PH_DEM_B : PH_DEM_I;
                if (bestf & NER_G_TITLEP)
                    bits |= first ? PH_TIT_B : PH_TIT_I;
                t[j].ph = bits;
            }
            i += best;
        }
    }

    /* 2. sentence kind, initial words, document evidence */
    ev.cap = 64;
    while (ev.cap < 2 * n + 2)
        ev.cap *= 2;
    ev.ids = sl_xcalloc(ev.cap, sizeof(*ev.ids));
    ev.cap_n = sl_xcalloc(ev.cap, sizeof(*ev.cap_n));
    ev.low_n = sl_xcalloc(ev.cap, sizeof(*ev.low_n));
    for (s = 0; s < v->nsents; s++) {
        size_t a = v->sent_tok[s], b = v->sent_tok[s + 1];
        int kind = 0, mode, seen = 0, after_open = 1;
        if (v->kinds) {
            sl_block_kind k = v->kinds[s];
            kind = k == SL_BLOCK_TITLE || k == SL_BLOCK_HEADING ? 1 : k == SL_BLOCK_BODY ? 0 : 2;
        }
        for (i = a; i < b; i++) {
            t[i].kind = (unsigned char)kind;
            t[i].sa = a;
            t[i].sb = b;
            if (toks[i].flags & SL_TOK_WORD) {
                if (!seen || after_open)
                    t[i].initial = 1;
                seen = 1;
                after_open = 0;
            } else if (toks[i].flags & SL_TOK_PUNCT) {
                after_open = is_opening(v->text + toks[i].start, toks[i].end - toks[i].start);
            } else {
                seen = 1;
                after_open = 0;
            }
        }
        mode = sentence_mode(t, toks, a, b, kind);
        for (i = a; i < b; i++)
            t[i].mode = (unsigned char)mode;
        for (i = a; i < b; i++) {
            /* in capitals every word looks like an acronym: "UN" in "KIM
             * JONG UN" is no United Nations beside a name in capitals */
            const wentry *we;
            int name_nb;
            if (!(toks[i].flags & SL_TOK_UPPER) || (t[i].ph & 0xAA) ||
                (i + 1 < b && (t[i + 1].ph & 0xAA)))
                continue;
            we = word_entry(ctx, g, toks[i].norm);
            name_nb = (i > a && (toks[i - 1].flags & SL_TOK_UPPER) && name_ish(&t[i - 1])) ||
                      (i + 1 < b && (toks[i + 1].flags & SL_TOK_UPPER) && name_ish(&t[i + 1]));
            if (!we->gcaps || !name_nb)
                continue;
            t[i].gflags = we->gany & ~(unsigned)NER_G_PREFIX;
            if (!(we->gany & (NER_G_LOC | NER_G_ORG | NER_G_DEMONYM | NER_G_TITLEP)))
                t[i].ph = 0;
        }
        if (mode != MODE_NORMAL || kind == 1)
            continue;
        for (i = a; i < b; i++) {
            size_t slot;
            if (!(toks[i].flags & SL_TOK_WORD) || t[i].initial)
                continue;
            slot = evid_slot(&ev, toks[i].norm);
            if (toks[i].flags & SL_TOK_CAP) {
                if (ev.cap_n[slot] < UINT32_MAX)
                    ev.cap_n[slot]++;
            } else if (ev.low_n[slot] < UINT32_MAX) {
                ev.low_n[slot]++;
            }
        }
    }
    for (i = 0; i < n; i++) {
        size_t slot;
        int e = 0;
        if ((toks[i].flags & SL_TOK_WORD) && evid_find(&ev, toks[i].norm, &slot)) {
            uint32_t c = ev.cap_n[slot], l = ev.low_n[slot];
            /* the occurrence itself does not count as evidence about itself */
            if (t[i].mode == MODE_NORMAL && t[i].kind != 1 && !t[i].initial) {
                if (toks[i].flags & SL_TOK_CAP)
                    c--;
                else
                    l--;
            }
            e = (c ? 1 : 0) | (l ? 2 : 0);
            if (e == 3)
                e = c > 2 * l ? 1 : l > 2 * c ? 2 : 3;
        }
        t[i].doc = (unsigned char)e;
    }
    free(ev.ids);
    free(ev.cap_n);
    free(ev.low_n);

    /* 3. truecasing of headline and all-caps sentences: the document's
     * evidence, then gazetteer phrases, then the case profile from unlabeled
     * text, then the lexicons.  A word usually but not always written in
     * lower case ("Un", "Moon") is a name when it stands next to one. */
    {
        signed char *capd = sl_xcalloc(n ? n : 1, 1);
        for (i = 0; i < n; i++) {
            int cap = 0;
            if (t[i].mode == MODE_NORMAL || !(toks[i].flags & SL_TOK_WORD) || t[i].shape == SH_NUM)
                continue;
            if (t[i].doc == 1)
                cap = 1;
            else if (t[i].doc == 2)
                cap = 0;
            else if (t[i].ph & (PH_LOC_B | PH_LOC_I | PH_ORG_B | PH_ORG_I | PH_TIT_B | PH_TIT_I))
                cap = 1;
            else if (t[i].wcase >= 4 || (t[i].wcase == 3 && (t[i].gflags & NAME_FLAGS)))
                cap = 1;
            else if (t[i].wcase == 2 && !(toks[i].flags & SL_TOK_STOP) &&
                     !(t[i].gflags & NER_G_COMMON))
                cap = -1;
            else if (t[i].wcase == 1 || t[i].wcase == 2)
                cap = 0;
            else if (t[i].known && !(t[i].gflags & NAME_FLAGS))
                cap = 0;
            else if ((t[i].gflags & NAME_FLAGS) || t[i].ph)
                cap = 1;
            else
                cap = !t[i].known;
            capd[i] = (signed char)(cap ? cap : 2);
        }
        for (i = 0; i < n; i++)
            if (capd[i] == -1) {
                int nb = (i > t[i].sa && capd[i - 1] == 1 && (!t[i - 1].known ||
                                                              (t[i - 1].gflags & NAME_FLAGS))) ||
                         (i + 1 < t[i].sb && capd[i + 1] == 1 &&
                          (!t[i + 1].known || (t[i + 1].gflags & NAME_FLAGS)));
                capd[i] = (signed char)(nb ? 1 : 2);
            }
        for (i = 0; i < n; i++) {
            int sh = t[i].shape;
            if (capd[i]) {
                if (capd[i] == 2)
                    sh = SH_LOWER;
                else if (t[i].mode == MODE_UPPER)
                    sh = (t[i].gflags & (NER_G_ORG | NER_G_LOC)) && t[i].lenb <= 5 &&
                                 !(t[i].gflags & (NER_G_GIVEN | NER_G_SURNAME))
                             ? SH_ALLCAP
                             : t[i].shape == SH_INITIAL ? SH_INITIAL : SH_CAP;
                else if (sh == SH_LOWER)
                    sh = SH_CAP;
                t[i].shapeh = fnv64(sh == SH_LOWER ? "x" : sh == SH_CAP ? "Xx" : "X",
                                    sh == SH_CAP ? 2 : 1);
            }
            t[i].eshape = (unsigned char)sh;
        }
        free(capd);
    }

    /* 4. runs of capitalized words */
    for (s = 0; s < v->nsents; s++) {
        size_t a = v->sent_tok[s], b = v->sent_tok[s + 1];
        for (i = a; i < b;) {
            size_t j, e, k;
            unsigned char fl = 0;
            int startable = caplike(t[i].eshape) && (toks[i].flags & SL_TOK_WORD) &&
                            !title_at(t, i, b) && !t[i].handle &&
                            !(t[i].initial && t[i].known && !(t[i].gflags & NAME_FLAGS) &&
                              t[i].doc != 1);
            /* a name particle first in a sentence starts a name when a
             * capitalized word follows, maybe after another particle ("Von
             * der Leyen said") */
            if (!startable && t[i].initial && (t[i].gflags & NER_G_PARTICLE) &&
                caplike(t[i].eshape) && i + 1 < b &&
                ((caplike(t[i + 1].eshape) && !t[i + 1].known) ||
                 ((t[i + 1].gflags & NER_G_PARTICLE) && i + 2 < b && caplike(t[i + 2].eshape) &&
                  !t[i + 2].known)))
                startable = 1;
            if (!startable) {
                i++;
                continue;
            }
            e = i + 1;
            for (j = i + 1; j < b; j++) {
                if (t[j - 1].poss && (!(t[j].gflags & (NER_G_ORGWORD | NER_G_LOCWORD)) ||
                                      (t[j - 1].gflags & (NER_G_ORGWORD | NER_G_LOCWORD))))
                    break; /* "Gaga's | Coachella", "University's | School", but "People's Army" */
                if (blank_line_between(v->text, toks[j - 1].end, toks[j].start) || t[j].handle)
                    break; /* a paragraph break, "@handle" */
                if (j - 1 == i && (t[i].gflags & NER_G_CALENDAR) &&
                    !(t[i].gflags & (NER_G_GIVEN | NER_G_SURNAME)))
                    break; /* "On Monday | Ursula von der Leyen met" */
                if (caplike(t[j].eshape) && (toks[j].flags & SL_TOK_WORD)) {
                    /* a title or role ends the run ("Punjab | Chief Minister |
                     * Shahbaz Sharif") unless it follows a given name or an
                     * initial ("Charles King Armstrong") */
                    if (title_at(t, j, b) && !(t[j - 1].gflags & NER_G_GIVEN) &&
                        t[j - 1].shape != SH_INITIAL)
                        break;
                    e = j + 1;
                    continue;
                }
                if (j + 1 < b && caplike(t[j + 1].eshape) && (toks[j + 1].flags & SL_TOK_WORD)) {
                    /* particles, the period of an initial, a hyphen, an ampersand */
                    if ((t[j].gflags & NER_G_PARTICLE) && t[j].eshape == SH_LOWER) {
                        fl |= RUN_PARTICLE;
                        continue;
                    }
                }
                if (j + 2 < b && (t[j].gflags & NER_G_PARTICLE) && t[j].eshape == SH_LOWER &&
                    (t[j + 1].gflags & NER_G_PARTICLE) && t[j + 1].eshape == SH_LOWER &&
                    caplike(t[j + 2].eshape) && (toks[j + 2].flags & SL_TOK_WORD)) {
                    /* "von der Leyen" */
                    fl |= RUN_PARTICLE;
                    j++;
                    continue;
                }
                if (j + 1 < b && caplike(t[j + 1].eshape) && (toks[j + 1].flags & SL_TOK_WORD)) {
                    const char *x = v->text + toks[j].start;
                    size_t xn = toks[j].end - toks[j].start;
                    if (xn == 1 && ((x[0] == '.' && t[j - 1].shape == SH_INITIAL) || x[0] == '-' ||
                                    x[0] == '&'))
                        continue;
                }
                break;
            }
            for (k = i; k < e; k++) {
                if (t[k].gflags & NER_G_ORGWORD)
                    fl |= RUN_ORGWORD;
                if (t[k].ph & (PH_LOC_B | PH_LOC_I))
                    fl |= RUN_LOCPH;
                if (t[k].ph & (PH_ORG_B | PH_ORG_I))
                    fl |= RUN_ORGPH;
            }
            if (t[e - 1].gflags & NER_G_LOCWORD)
                fl |= RUN_LOCWORD;
            if (t[e - 1].gflags & NER_G_SURNAME)
                fl |= RUN_SURNAME;
            if (t[i].gflags & NER_G_GIVEN)
                fl |= RUN_GIVEN;
            if (i > a && (t[i - 1].ph & (PH_TIT_B | PH_TIT_I)))
                fl |= RUN_TITLE;
            for (k = i; k < e; k++) {
                size_t rl = e - i;
                t[k].runlen = (unsigned char)(rl > 4 ? 4 : rl);
                t[k].runpos = (unsigned char)(rl == 1 ? 0 : k == i ? 1 : k + 1 == e ? 3 : 2);
                t[k].runflags = fl;
                t[k].before_run = i > a ? t[i - 1].wh : 1;
                t[k].after_run = e < b ? t[e].wh : 2;
            }
            i = e;
        }
    }
    return p;
}

size_t ner_token_keys(const ner_prep *p, size_t i, uint64_t *keys)
{
    const tinfo *t = p->t;
    const tinfo *c = &t[i];
    size_t n = 0, a, b;
    static const uint64_t BOS = 0x1b873593u, EOS = 0xcc9e2d51u;
    uint64_t wm1, wp1, wm2, wp2;
    unsigned esm1, esp1, phm1, php1, gm1, gp1;
    unsigned bit;
    a = c->sa;
    b = c->sb;
    wm1 = i > a ? t[i - 1].wh : BOS;
    wm2 = i > a + 1 ? t[i - 2].wh : BOS;
    wp1 = i + 1 < b ? t[i + 1].wh : EOS;
    wp2 = i + 2 < b ? t[i + 2].wh : EOS;
    esm1 = i > a ? t[i - 1].eshape : 15;
    esp1 = i + 1 < b ? t[i + 1].eshape : 15;
    phm1 = i > a ? t[i - 1].ph : 0;
    php1 = i + 1 < b ? t[i + 1].ph : 0;
    gm1 = i > a ? t[i - 1].gflags : 0;
    gp1 = i + 1 < b ? t[i + 1].gflags : 0;

    keys[n++] = key1(1, 0);
    keys[n++] = key1(2, c->gwh);
    keys[n++] = key1(45, (uint64_t)c->poss * 16 + c->eshape);
    keys[n++] = key1(3, wm1);
    keys[n++] = key1(4, wp1);
    keys[n++] = key1(5, wm2);
    keys[n++] = key1(6, wp2);
    keys[n++] = key2(7, wm1, c->wh);
    keys[n++] = key2(8, c->wh, wp1);
    keys[n++] = key1(9, c->shapeh);
    keys[n++] = key1(10, i > a ? t[i - 1].shapeh : BOS);
    keys[n++] = key1(11, i + 1 < b ? t[i + 1].shapeh : EOS);
    keys[n++] = key1(12, esm1 * 256 + c->eshape * 16 + esp1);
    keys[n++] = key1(13, c->pre2);
    keys[n++] = key1(14, c->pre3);
    keys[n++] = key1(15, c->suf2);
    keys[n++] = key1(16, c->suf3);
    keys[n++] = key1(17, c->suf4);
    keys[n++] = key1(18, (uint64_t)c->mode * 64 + c->initial * 16 + c->eshape);
    keys[n++] = key1(19, (uint64_t)c->kind * 16 + c->eshape);
    for (bit = 0; bit < 11; bit++) {
        if (c->gflags & (1u << bit))
            keys[n++] = key1(20, bit * 16 + c->eshape);
        if (gm1 & (1u << bit))
            keys[n++] = key1(21, bit);
        if (gp1 & (1u << bit))
            keys[n++] = key1(22, bit);
    }
    keys[n++] = key1(23, c->ph);
    keys[n++] = key1(24, (uint64_t)c->ph * 16 + c->eshape);
    keys[n++] = key1(25, phm1);
    keys[n++] = key1(26, php1);
    keys[n++] = key1(27, (uint64_t)c->known * 256 + c->initial * 64 + c->mode * 16 + c->eshape);
    keys[n++] = key1(28, (uint64_t)c->doc * 64 + c->initial * 16 + c->eshape);
    keys[n++] = key1(29, (uint64_t)c->lenb * 16 + c->eshape);
    /* word representations from unlabeled text */
    keys[n++] = key1(40, c->wclus);
    keys[n++] = key1(41, i > a ? t[i - 1].wclus : 1u << 20);
    keys[n++] = key1(42, i + 1 < b ? t[i + 1].wclus : 1u << 21);
    keys[n++] = key1(43, (uint64_t)c->wclus * 16 + c->eshape);
    keys[n++] = key1(44, (uint64_t)c->wcase * 64 + c->initial * 32 + c->mode * 8 + c->eshape);
    if (c->runlen) {
        keys[n++] = key1(30, (uint64_t)c->runlen * 8 + c->runpos);
        keys[n++] = key1(31, c->runflags);
        keys[n++] = key1(32, (uint64_t)c->runflags * 8 + c->runpos);
        keys[n++] = key1(33, c->after_run);
        keys[n++] = key1(34, c->before_run);
        keys[n++] = key2(35, c->before_run, c->runpos);
        keys[n++] = key2(36, c->after_run, c->runpos);
        keys[n++] = key1(37, (uint64_t)c->runflags * 64 + c->initial * 32 + c->runlen * 4 +
                                 (c->known ? 1 : 0));
    } else {
        keys[n++] = key1(38, (uint64_t)c->eshape * 4 + c->known * 2 + c->initial);
    }
    return n;
}

/* ------------------------------------------------------------------ decoding */

static int allowed(int prev, int cur)
{
    /* I-X only continues B-X or I-X; prev == NER_NTAGS is the start */
    if (cur && !ner_tag_is_b(cur))
        return prev != NER_NTAGS && prev && ner_tag_type(prev) == ner_tag_type(cur);
    return 1;
}

/* Viterbi over emissions em[n][NER_NTAGS] under the BIO constraint.  The
 * path starts from transition row `from` (NER_NTAGS: the sentence start;
 * NER_O: after a token outside names) and, with end_o, goes on into an O
 * token.  score and back are scratch of n * NER_NTAGS each. */
static void viterbi_span(const ner_model *m, const float *em, size_t n, int from, int end_o,
                         float *score, int *back, int *tags, float *conf)
{
    size_t i;
    int t, u, best;
    if (!n)
        return;
    for (t = 0; t < NER_NTAGS; t++) {
        score[t] = allowed(from, t) ? em[t] + m->trans[from * NER_NTAGS + t] : -1e30f;
        back[t] = -1;
    }
    for (i = 1; i < n; i++) {
        const float *prev = score + (i - 1) * NER_NTAGS;
        for (t = 0; t < NER_NTAGS; t++) {
            float bs = -1e30f;
            int bu = 0;
            for (u = 0; u < NER_NTAGS; u++) {
                float sc;
                if (!allowed(u, t))
                    continue;
                sc = prev[u] + m->trans[u * NER_NTAGS + t];
                if (sc > bs) {
                    bs = sc;
                    bu = u;
                }
            }
            score[i * NER_NTAGS + t] = bs + em[i * NER_NTAGS + t];
            back[i * NER_NTAGS + t] = bu;
        }
    }
    if (end_o)
        for (t = 0; t < NER_NTAGS; t++)
            score[(n - 1) * NER_NTAGS + t] += m->trans[t * NER_NTAGS + NER_O];
    best = 0;
    for (t = 1; t < NER_NTAGS; t++)
        if (score[(n - 1) * NER_NTAGS + t] > score[(n - 1) * NER_NTAGS + best])
            best = t;
    for (i = n; i-- > 0;) {
        tags[i] = best;
        if (conf) {
            /* margin of the chosen tag over the best other tag at this token */
            float mine = score[i * NER_NTAGS + best], other = -1e30f, d;
            for (t = 0; t < NER_NTAGS; t++)
                if (t != best && score[i * NER_NTAGS + t] > other)
                    other = score[i * NER_NTAGS + t];
            d = mine - other;
            if (d > 30.0f)
                d = 30.0f;
            conf[i] = 1.0f / (1.0f + expf(-d));
        }
        if (i)
            best = back[i * NER_NTAGS + best];
    }
}

void ner_viterbi(const ner_model *m, const float *em, size_t n, int from, int end_o, int *tags,
                 float *conf)
{
    float *score = sl_xmalloc((n ? n : 1) * NER_NTAGS * sizeof(float));
    int *back = sl_xmalloc((n ? n : 1) * NER_NTAGS * sizeof(int));
    viterbi_span(m, em, n, from, end_o, score, back, tags, conf);
    free(score);
    free(back);
}

/* Scratch buffers of the decoder, grown as needed. */
typedef struct dec_buf {
    float *em, *score;
    int *back;
    size_t cap; /* tokens */
} dec_buf;

static void dec_reserve(dec_buf *d, size_t n)
{
    if (n <= d->cap)
        return;
    d->cap = n * 2;
    d->em = sl_xrealloc(d->em, d->cap * NER_NTAGS * sizeof(float));
    d->score = sl_xrealloc(d->score, d->cap * NER_NTAGS * sizeof(float));
    d->back = sl_xrealloc(d->back, d->cap * NER_NTAGS * sizeof(int));
}

/* Decodes tokens [from, to) of one sentence (ending at b); see viterbi_span
 * for start_row and end_o. */
static void decode_span(const ner_model *m, const ner_prep *p, size_t from, size_t to,
                        int start_row, int end_o, dec_buf *d, int *tags, float *conf)
{
    size_t n = to - from, i, k, nk;
    uint64_t keys[NER_MAX_KEYS];
    int t;
    if (!n)
        return;
    dec_reserve(d, n);
    memset(d->em, 0, n * NER_NTAGS * sizeof(float));
    for (i = 0; i < n; i++) {
        float *e = d->em + i * NER_NTAGS;
        nk = ner_token_keys(p, from + i, keys);
        for (k = 0; k < nk; k++) {
            const float *w = model_find(m, keys[k]);
            if (w)
                for (t = 0; t < NER_NTAGS; t++)
                    e[t] += w[t];
        }
    }
    viterbi_span(m, d->em, n, start_row, end_o, d->score, d->back, tags, conf);
}

void ner_decode(const ner_model *m, const ner_prep *p, size_t from, size_t to, int *tags,
                float *conf)
{
    dec_buf d = {NULL, NULL, NULL, 0};
    if (to > from)
        decode_span(m, p, from, to, NER_NTAGS, 0, &d, tags, conf);
    free(d.em);
    free(d.score);
    free(d.back);
}

/* A lower-case stopword that may join the words of a name ("Bank of
 * America", "Centers for Disease Control and Prevention"). */
static int connector(const ner_prep *p, size_t i)
{
    return !p->t[i].runlen && (p->v->toks[i].flags & SL_TOK_STOP) && p->t[i].eshape == SH_LOWER;
}

size_t ner_islands(const ner_prep *p, size_t a, size_t b, size_t *spans)
{
    const tinfo *t = p->t;
    size_t i = a, e, n = 0;
    while (i < b) {
        if (!t[i].runlen) {
            i++;
            continue;
        }
        e = i;
        while (e < b) {
            if (t[e].runlen)
                e++;
            else if (e + 1 < b && connector(p, e) && t[e + 1].runlen)
                e += 2;
            else if (e + 2 < b && connector(p, e) && connector(p, e + 1) && t[e + 2].runlen)
                e += 3;
            else
                break;
        }
        spans[2 * n] = i;
        spans[2 * n + 1] = e;
        n++;
        i = e;
    }
    return n;
}

/* Decodes sentence [a, b) where names can be: only islands of capitalized
 * runs (with connectors between them) are scored, every other token is O.
 * This is exact Viterbi under the constraint "a name is capitalized" (which
 * resolve_mentions enforces anyway) and skips most tokens of news text. */
static void decode_sentence(const ner_model *m, const ner_prep *p, size_t a, size_t b, dec_buf *d,
                            size_t **spans, size_t *cspans, int *tags, float *conf)
{
    size_t i, k, n;
    if (2 * (b - a) + 2 > *cspans)
        *spans = sl_xgrow(*spans, cspans, 2 * (b - a) + 2, sizeof(size_t));
    for (i = a; i < b; i++) {
        tags[i - a] = NER_O;
        conf[i - a] = 1.0f;
    }
    n = ner_islands(p, a, b, *spans);
    for (k = 0; k < n; k++) {
        size_t s = (*spans)[2 * k], e = (*spans)[2 * k + 1];
        decode_span(m, p, s, e, s == a ? NER_NTAGS : NER_O, e < b, d, tags + (s - a),
                    conf + (s - a));
    }
}

size_t ner_trim_possessive(const char *text, size_t start, size_t end)
{
    size_t n = end - start;
    const char *s = text + start;
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'')
        return end - 2;
    if (n > 4 && s[n - 1] == 's' && (unsigned char)s[n - 4] == 0xE2 &&
        (unsigned char)s[n - 3] == 0x80 && (unsigned char)s[n - 2] == 0x99)
        return end - 4;
    if (n > 2 && s[n - 1] == '\'' && s[n - 2] == 's')
        return end - 1;
    return end;
}

void ner_tags_to_mentions(const ner_view *v, const int *tags, const float *conf,
                          ner_mention **out, size_t *n, size_t *cap)
{
    size_t s, i;
    for (s = 0; s < v->nsents; s++) {
        size_t a = v->sent_tok[s], b = v->sent_tok[s + 1];
        for (i = a; i < b;) {
            size_t j;
            ner_mention mm;
            float sum;
            int type = ner_tag_type(tags[i]);
            if (!type) {
                i++;
                continue;
            }
            sum = conf ? conf[i] : 1.0f;
            for (j = i + 1; j < b && tags[j] == ner_tag_i(type); j++)
                sum += conf ? conf[j] : 1.0f;
            mm.tok_start = i;
            mm.tok_end = j;
            mm.start = v->toks[i].start;
            mm.end = ner_trim_possessive(v->text, v->toks[i].start, v->toks[j - 1].end);
            mm.sent = s;
            mm.type = type;
            mm.conf = sum / (float)(j - i);
            SL_PUSH(*out, *n, *cap, mm);
            i = j;
        }
    }
}

/* Run completion: a mention inside a run of capitalized words takes the
 * whole run ("Kim" in "Kim Jong Un" -> "Kim Jong Un"), except leading title
 * words for people ("President Moon Jae-in" -> "Moon Jae-in").  The
 * perceptron decides that a run names something and of what type; the run
 * decides how far the name goes, which the model, trained on little data,
 * gets wrong more often than the type. */
static void complete_runs(const ner_prep *p, size_t a, size_t b, int *tags, const float *conf)
{
    const tinfo *t = p->t;
    size_t i = a, j, s, e;
    /* pieces of different types side by side in one run ("Jong" PERSON,
     * "Un" ORGANIZATION) are one name: the type with the more confidence
     * mass wins (one pass: each token is looked at a bounded number of
     * times) */
    for (i = a; i < b;) {
        int type = ner_tag_type(tags[i - a]), ty2;
        float m1 = 0, m2;
        size_t k, j2;
        if (!type) {
            i++;
            continue;
        }
        for (j = i + 1; j < b && tags[j - a] == ner_tag_i(type); j++)
            ;
        for (k = i; k < j; k++)
            m1 += conf[k - a];
        while (j < b && ner_tag_is_b(tags[j - a]) && t[j].runlen && t[j - 1].runlen &&
               t[j].runpos >= 2) {
            ty2 = ner_tag_type(tags[j - a]);
            m2 = 0;
            for (j2 = j; j2 < b && (j2 == j || tags[j2 - a] == ner_tag_i(ty2)); j2++)
                m2 += conf[j2 - a];
            if (m2 > m1)
                type = ty2;
            m1 += m2;
            j = j2;
        }
        for (k = i; k < j; k++)
            tags[k - a] = k == i ? ner_tag_b(type) : ner_tag_i(type);
        i = j;
    }
    i = a;
    while (i < b) {
        int type = ner_tag_type(tags[i - a]);
        if (!type) {
            i++;
            continue;
        }
        for (j = i + 1; j < b && tags[j - a] == ner_tag_i(type); j++)
            ;
        s = i;
        e = j;
        while (s > a && t[s - 1].runlen && tags[s - 1 - a] == NER_O)
            s--;
        /* through O tags and pieces of the same type ("Charles de" "Gaulle") */
        while (e < b && t[e].runlen &&
               (tags[e - a] == NER_O || ner_tag_type(tags[e - a]) == type))
            e++;
        if (type == NER_PER) {
            /* "South Korean President Moon Jae-in": the name starts after
             * the last title word before the tagged part */
            size_t k;
            for (k = i + 1; k-- > s;)
                if (t[k].ph & (PH_TIT_B | PH_TIT_I)) {
                    s = k + 1 < e ? k + 1 : s;
                    break;
                }
        }
        /* a joiner (particle, period, hyphen) never ends a name */
        while (e > s + 1 && !(p->v->toks[e - 1].flags & SL_TOK_WORD))
            e--;
        if (s < e) {
            size_t k;
            for (k = i; k < j; k++)
                tags[k - a] = NER_O;
            for (k = s; k < e; k++)
                tags[k - a] = k == s ? ner_tag_b(type) : ner_tag_i(type);
        }
        i = e > j ? e : j;
    }
}

static int person_like(const ner_prep *p, size_t s, size_t e);

/* Whether [s, e) is two or more words led by a given name, with nothing of
 * a place in it: no place entry, no place word at the end. */
static int given_led(const ner_prep *p, size_t s, size_t e)
{
    const tinfo *t = p->t;
    size_t k, words = 0, last = s;
    if (!(t[s].gflags & NER_G_GIVEN))
        return 0;
    for (k = s; k < e; k++) {
        if (!(p->v->toks[k].flags & SL_TOK_WORD))
            continue;
        if ((t[k].ph & (PH_LOC_B | PH_LOC_I | PH_ORG_B | PH_ORG_I)) ||
            (t[k].gflags & (NER_G_LOC | NER_G_ORG | NER_G_DEMONYM)))
            return 0;
        words++;
        last = k;
    }
    return words >= 2 && !(t[last].gflags & (NER_G_LOCWORD | NER_G_ORGWORD));
}

/* Flags of the gazetteer entry that is exactly tokens [s, e), or 0. */
static unsigned exact_entry(const ner_prep *p, size_t s, size_t e)
{
    uint64_t h = PHRASE_SEED;
    size_t k;
    int caps = 1;
    if (e - s > NER_MAX_PHRASE)
        return 0;
    for (k = s; k < e; k++) {
        h = phrase_step(h, p->t[k].gwh);
        if (!p->t[k].capsw && !(p->v->toks[k].flags & SL_TOK_PUNCT) &&
            p->t[k].shape != SH_INITIAL)
            caps = 0;
    }
    return phrase_flags(p->g, h, caps);
}

/* Storyline's conventions and the gazetteers' word on one decoded mention
 * [s, e) of the given type in sentence [a, b); writes its tags.
 *  - no mention starts with a stopword ("The Centers", "In Qatar");
 *  - a person's name starts after titles, roles and nationality words
 *    ("Democrat Matt Lesser");
 *  - nationality and party words alone ("South Korean", "Republicans") and
 *    day or month names alone are no entities: they describe, they do not
 *    name;
 *  - a mention that is exactly an organization or place entry takes that
 *    type; a person or other thing ending in an organization word
 *    ("Naval Special Warfare Center") and an acronym typed OTHER are
 *    organizations.  The perceptron, trained on little data, learns these
 *    cues too weakly. */
static void fix_mention(const ner_prep *p, size_t a, size_t b, int *tags, size_t s, size_t e,
                        int type)
{
    const tinfo *t = p->t;
    const sl_token *toks = p->v->toks;
    size_t k, last;
    int dem = 1, cal = 1;
    unsigned ex;
    for (k = s; k < e; k++)
        tags[k - a] = NER_O;
    /* leading stopwords; for people titles, nationality words before a
     * full name ("Democrat Matt Lesser", not "Kenyan McDuffie") and
     * epithets before a given name ("Crooked Hillary Clinton") */
    while (s < e && ((toks[s].flags & SL_TOK_STOP) || !(toks[s].flags & SL_TOK_WORD) ||
                     (type == NER_PER && s + 1 < e && title_at(t, s, b)) ||
                     (type == NER_PER && s + 2 < e && (t[s].ph & (PH_DEM_B | PH_DEM_I)) &&
                      !(t[s + 1].ph & (PH_DEM_B | PH_DEM_I))) ||
                     (type == NER_PER && s + 2 < e && (t[s].wcase == 1 || t[s].wcase == 2) &&
                      !(t[s].gflags & NAME_FLAGS) && (t[s + 1].gflags & NER_G_GIVEN))))
        s++;
    while (e > s && !(toks[e - 1].flags & (SL_TOK_WORD | SL_TOK_NUMBER)))
        e--;
    if (s >= e)
        return;
    last = e - 1;
    for (k = s; k < e; k++) {
        if (!(toks[k].flags & SL_TOK_WORD))
            continue;
        if (!(t[k].ph & (PH_DEM_B | PH_DEM_I)) && !(t[k].gflags & NER_G_DEMONYM))
            dem = 0;
        if (!(t[k].gflags & NER_G_CALENDAR))
            cal = 0;
    }
    if (dem || cal)
        return;
    ex = exact_entry(p, s, e);
    if ((ex & NER_G_OTHER) && !(ex & (NER_G_ORG | NER_G_LOC)))
        type = NER_OTH;
    else if ((ex & NER_G_ORG) && !(ex & NER_G_LOC))
        type = NER_ORG;
    else if ((ex & NER_G_LOC) && !(ex & NER_G_ORG))
        type = NER_LOC;
    else if ((ex & NER_G_LOC) && type != NER_ORG)
        type = NER_LOC;
    else if ((type == NER_PER || type == NER_OTH) && (t[last].gflags & NER_G_ORGWORD) &&
             e - s > 1)
        type = NER_ORG;
    else if (type == NER_OTH && e - s == 1 && t[s].shape == SH_ALLCAP && t[s].lenb <= 6)
        type = NER_ORG;
    else if (type == NER_PER && e - s == 1 && (t[s].gflags & NER_G_LOCWORD) &&
             !(t[s].gflags & (NER_G_GIVEN | NER_G_SURNAME)))
        type = NER_LOC; /* "the North" */
    else if (type == NER_OTH && (person_like(p, s, e) ||
                                 (e - s == 1 && (t[s].gflags & NER_G_GIVEN))))
        type = NER_PER;
    else if (type == NER_LOC && given_led(p, s, e))
        type = NER_PER; /* "Osama bin Laden", not a place */
    else if (type == NER_PER && e - s == 1 && (t[s].wcase == 1 || t[s].wcase == 2) &&
             !(t[s].gflags & (NER_G_GIVEN | NER_G_SURNAME)))
        type = NER_OTH; /* "Miss | Universe": a common word is nobody's name */
    for (k = s; k < e; k++)
        tags[k - a] = k == s ? ner_tag_b(type) : ner_tag_i(type);
}

/* The decoded mentions of sentence [a, b) after run completion: tags
 * outside runs of capitalized words are dropped (a name is capitalized),
 * a title or role inside a mention splits it, and the part after the title
 * names a person ("Bedford Area | Superintendent | Allen Sell"); then
 * fix_mention. */
static void resolve_mentions(const ner_prep *p, size_t a, size_t b, int *tags)
{
    const tinfo *t = p->t;
    size_t i, j, k;
    for (i = b; i-- > a;) /* from the right: a kept connector needs its right side */
        if (!t[i].runlen && tags[i - a] &&
            !((p->v->toks[i].flags & SL_TOK_STOP) && t[i].eshape == SH_LOWER && i > a &&
              i + 1 < b && t[i - 1].runlen && ner_tag_type(tags[i - 1 - a]) == ner_tag_type(tags[i - a]) &&
              tags[i + 1 - a] == ner_tag_i(ner_tag_type(tags[i - a]))))
            tags[i - a] = NER_O;
    for (i = a; i < b; i++) /* an I that lost its B, or begins a run, starts a mention */
        if (tags[i - a] && !ner_tag_is_b(tags[i - a]) &&
            (i == a || ner_tag_type(tags[i - 1 - a]) != ner_tag_type(tags[i - a]) ||
             (t[i].runlen && t[i - 1].runlen && t[i].runpos <= 1)))
            tags[i - a] = ner_tag_b(ner_tag_type(tags[i - a]));
    i = a;
    while (i < b) {
        int type = ner_tag_type(tags[i - a]);
        size_t s;
        if (!type) {
            i++;
            continue;
        }
        for (j = i + 1; j < b && tags[j - a] == ner_tag_i(type); j++)
            ;
        s = i;
        if (type == NER_PER)
            for (k = i + 1; k + 1 < j; k++)
                if ((p->v->toks[k].flags & SL_TOK_STOP) && t[k].eshape == SH_LOWER &&
                    !(t[k].gflags & NER_G_PARTICLE)) {
                    /* no connector inside a person's name: "James Derek
                     * Lovelace | of | Crestview" names a person and a place */
                    fix_mention(p, a, b, tags, k + 1, j, NER_LOC);
                    tags[k - a] = NER_O;
                    j = k;
                    break;
                }
        for (k = i + 1; k < j; k++)
            if (title_at(t, k, b) && !(t[k - 1].gflags & NER_G_GIVEN) &&
                t[k - 1].shape != SH_INITIAL && !(t[k - 1].ph & (PH_TIT_B | PH_TIT_I))) {
                size_t m = k;
                fix_mention(p, a, b, tags, s, k, type);
                while (m < j && (t[m].ph & (PH_TIT_B | PH_TIT_I)))
                    tags[m++ - a] = NER_O;
                s = m;
                k = m;
                type = NER_PER;
            }
        if (s < j)
            fix_mention(p, a, b, tags, s, j, type);
        i = j;
    }
    /* a place or organization entry of several words that the tagger cut
     * ("Disease Control" in "Centers for Disease Control and Prevention")
     * is taken whole when no mention crosses its edges */
    for (i = a; i < b; i = j) {
        int any = 0, type;
        unsigned char bb = t[i].ph & (PH_LOC_B | PH_ORG_B);
        j = i + 1;
        if (!bb || (t[i].ph & (PH_LOC_B | PH_ORG_B)) == (PH_LOC_B | PH_ORG_B))
            continue;
        while (j < b && (t[j].ph & (bb << 1)))
            j++;
        if (j - i < 2)
            continue;
        for (k = i; k < j; k++)
            if (tags[k - a])
                any = 1;
        if (!any || (tags[i - a] && !ner_tag_is_b(tags[i - a])) ||
            (j < b && tags[j - a] && !ner_tag_is_b(tags[j - a])))
            continue;
        type = bb == PH_LOC_B ? NER_LOC : NER_ORG;
        for (k = i; k < j; k++)
            tags[k - a] = k == i ? ner_tag_b(type) : ner_tag_i(type);
    }
}

/* The phrase hash of the word tokens of [s, e): the key of a name. */
static uint64_t name_key(const ner_prep *p, size_t s, size_t e)
{
    uint64_t h = PHRASE_SEED;
    size_t k;
    for (k = s; k < e; k++)
        if (p->v->toks[k].flags & (SL_TOK_WORD | SL_TOK_NUMBER))
            h = phrase_step(h, p->t[k].gwh);
    return h | 1;
}

/* Votes of the mentions of one name in a document, per type. */
typedef struct votes {
    float w[NER_NTYPES + 1];
} votes;

static votes *vote_slot(u64map *keys, votes **vs, size_t *nv, size_t *cv, uint64_t key, int insert)
{
    uint32_t *slot = u64map_get(keys, key, insert);
    if (!slot)
        return NULL;
    if (!*slot) {
        votes z;
        memset(&z, 0, sizeof(z));
        SL_PUSH(*vs, *nv, *cv, z);
        *slot = (uint32_t)*nv;
    }
    return &(*vs)[*slot - 1];
}

static int vote_winner(const votes *x, float *share)
{
    int ty, best = 1;
    float sum = 0;
    for (ty = 1; ty <= NER_NTYPES; ty++) {
        sum += x->w[ty];
        if (x->w[ty] > x->w[best])
            best = ty;
    }
    *share = sum > 0 ? x->w[best] / sum : 0;
    return best;
}

/* Whether the untagged run [s, e) reads as a person's name by the
 * gazetteers alone: two or three words, the first a given or family name,
 * the last a given or family name or an unknown word, nothing that places,
 * organizations, titles, nationalities or dates are made of ("Moon Jae-in"
 * in a headline the model missed). */
static int person_like(const ner_prep *p, size_t s, size_t e)
{
    const tinfo *t = p->t;
    size_t k, words = 0, first = e, last = e;
    for (k = s; k < e; k++) {
        if (!(p->v->toks[k].flags & SL_TOK_WORD))
            continue;
        if (t[k].ph || (t[k].gflags & (NER_G_LOC | NER_G_ORG | NER_G_ORGWORD | NER_G_LOCWORD |
                                       NER_G_DEMONYM | NER_G_CALENDAR | NER_G_TITLE)))
            return 0;
        words++;
        last = k;
        if (first == e)
            first = k;
    }
    if (words < 2 || words > 3)
        return 0;
    if (!(t[first].gflags & (NER_G_GIVEN | NER_G_SURNAME)) || t[first].eshape == SH_ALLCAP)
        return 0;
    return (t[last].gflags & (NER_G_GIVEN | NER_G_SURNAME)) ||
           (!t[last].known && t[last].wcase != 1 && t[last].wcase != 2);
}

/* One sense per document (Gale, Church and Yarowsky 1992; the "extended
 * prediction history" of Ratinov and Roth 2009): a name keeps the type most
 * of its mentions have; a whole run of capitalized words the tagger left
 * out is tagged when the same name is tagged elsewhere in the document; a
 * person's family or given name alone, as a whole run, is that person. */
static void doc_consistency(const ner_prep *p, int *tags, const float *conf)
{
    const tinfo *t = p->t;
    size_t n = p->v->ntoks, i, j, k, nv = 0, cv = 0;
    u64map keys, parts;
    votes *vs = NULL, *x;
    memset(&keys, 0, sizeof(keys));
    memset(&parts, 0, sizeof(parts));
    for (i = 0; i < n; i = j) {
        int type = ner_tag_type(tags[i]);
        float c = 0;
        size_t words = 0, first = n, last = n;
        j = i + 1;
        if (!type)
            continue;
        while (j < n && tags[j] == ner_tag_i(type))
            j++;
        for (k = i; k < j; k++) {
            c += conf[k];
            if (p->v->toks[k].flags & SL_TOK_WORD) {
                words++;
                last = k;
                if (first == n)
                    first = k;
            }
        }
        x = vote_slot(&keys, &vs, &nv, &cv, name_key(p, i, j), 1);
        x->w[type] += c / (float)(j - i);
        if (type == NER_PER && words >= 2) {
            *u64map_get(&parts, name_key(p, first, first + 1), 1) = 1;
            *u64map_get(&parts, name_key(p, last, last + 1), 1) = 1;
        }
    }
    for (i = 0; i < n; i = j) {
        int type = ner_tag_type(tags[i]), win;
        float share;
        j = i + 1;
        if (type) {
            while (j < n && tags[j] == ner_tag_i(type))
                j++;
            x = vote_slot(&keys, &vs, &nv, &cv, name_key(p, i, j), 0);
            if (x && (win = vote_winner(x, &share)) != type && share > 0.5f)
                for (k = i; k < j; k++)
                    tags[k] = k == i ? ner_tag_b(win) : ner_tag_i(win);
            continue;
        }
        if (!t[i].runlen || (t[i].runpos != 0 && t[i].runpos != 1))
            continue;
        /* an untagged run [i, j) */
        while (j < n && t[j].runlen && (t[j].runpos == 2 || t[j].runpos == 3) && !tags[j])
            j++;
        if (j < n && t[j].runlen && (t[j].runpos == 2 || t[j].runpos == 3))
            continue; /* partly tagged */
        if (t[i].initial && t[i].known && j == i + 1)
            continue;
        x = vote_slot(&keys, &vs, &nv, &cv, name_key(p, i, j), 0);
        win = 0;
        if (x && (win = vote_winner(x, &share)) != 0 && share <= 0.5f)
            win = 0;
        if (!win && j == i + 1 && !(p->v->toks[i].flags & SL_TOK_STOP) &&
            t[i].lenb > 1 && map_flags(&parts, name_key(p, i, j)))
            win = NER_PER;
        if (!win && person_like(p, i, j))
            win = NER_PER;
        if (!win) {
            /* a run that is exactly a place or organization entry */
            unsigned ex = exact_entry(p, i, j);
            if (ex & NER_G_DEMONYM)
                win = 0;
            else if ((ex & NER_G_LOC) && !(ex & NER_G_ORG))
                win = NER_LOC;
            else if ((ex & NER_G_ORG) && !(ex & NER_G_LOC))
                win = NER_ORG;
        }
        if (win)
            for (k = i; k < j; k++)
                tags[k] = k == i ? ner_tag_b(win) : ner_tag_i(win);
    }
    u64map_free(&keys);
    u64map_free(&parts);
    free(vs);
}

void ner_tag_view(sl_ctx *ctx, const ner_model *m, const ner_view *v, ner_mention **out,
                  size_t *n)
{
    ner_prep *p;
    int *tags;
    float *conf;
    size_t s, cap = 0;
    dec_buf d = {NULL, NULL, NULL, 0};
    size_t *spans = NULL, cspans = 0;
    *out = NULL;
    *n = 0;
    if (!m)
        m = ner_default_model(ctx);
    if (!v->ntoks)
        return;
    p = ner_prepare(ctx, m, v);
    tags = sl_xcalloc(v->ntoks, sizeof(*tags));
    conf = sl_xcalloc(v->ntoks, sizeof(*conf));
    for (s = 0; s < v->nsents; s++) {
        decode_sentence(m, p, v->sent_tok[s], v->sent_tok[s + 1], &d, &spans, &cspans,
                        tags + v->sent_tok[s], conf + v->sent_tok[s]);
        complete_runs(p, v->sent_tok[s], v->sent_tok[s + 1], tags + v->sent_tok[s],
                      conf + v->sent_tok[s]);
        resolve_mentions(p, v->sent_tok[s], v->sent_tok[s + 1], tags + v->sent_tok[s]);
    }
    doc_consistency(p, tags, conf);
    ner_tags_to_mentions(v, tags, conf, out, n, &cap);
    free(tags);
    free(conf);
    free(d.em);
    free(d.score);
    free(d.back);
    free(spans);
    ner_prep_free(p);
}

void ner_tag_text(sl_ctx *ctx, const ner_model *m, const char *text, size_t len,
                  ner_mention **out, size_t *n)
{
    sl_span *spans = NULL;
    size_t ns = 0, cs = 0, i;
    sl_token *toks = NULL;
    size_t nt = 0, ct = 0, *st;
    ner_view v;
    sl_sentences_split(ctx, text, len, 0, &spans, &ns, &cs);
    st = sl_xcalloc(ns + 1, sizeof(*st));
    for (i = 0; i < ns; i++) {
        st[i] = nt;
        sl_tokens_scan(ctx, text + spans[i].start, spans[i].end - spans[i].start, spans[i].start,
                       &toks, &nt, &ct);
    }
    st[ns] = nt;
    v.text = text;
    v.len = len;
    v.toks = toks;
    v.ntoks = nt;
    v.sent_tok = st;
    v.nsents = ns;
    v.kinds = NULL;
    ner_tag_view(ctx, m, &v, out, n);
    free(st);
    free(toks);
    free(spans);
}
