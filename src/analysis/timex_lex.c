/*
 * timex_lex.c: the temporal tagger's lexicon (from data/timex/) and its
 * byte-level tokenizer (see timex_lex.h).
 *
 * Data files are "entry | fields" lines.  A malformed line is skipped: the
 * lists are compiled in, so a bad line is a bug caught by the unit tests
 * (test_dates.c checks that every file loads with entries), never a runtime
 * error for users.
 */
#include "analysis/timex_lex.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/dates.h"
#include "core/data.h"
#include "util/mem.h"

static const char *const keywords[KW_COUNT] = {
    "the", "of", "in", "on", "at", "and", "to", "from", "through", "thru", "until", "till",
    "between", "ago", "before", "after", "earlier", "later", "hence", "since", "by", "every",
    "each", "per", "fiscal", "o'clock", "am", "pm", "a", "p", "m", "times", "once", "twice", "for",
    "within", "during", "local", "time", "today", "this", "now", "year", "'s", "latest", "half",
    "mid", "period", "an", "week", "quarter", "next", "about", "around", "past", "was", "were",
    "had", "old", "long", "hundred", "thousand", "ended", "ending", "be", "been", "being", "is",
    "are", "more", "additional", "extra", "further", "couple", "dozen", "million", "billion"};

const char *sl_tx_mod_name(int mod)
{
    static const char *const names[] = {"",          "START",     "MID",           "END",
                                        "APPROX",    "LESS_THAN", "MORE_THAN",     "EQUAL_OR_MORE",
                                        "EQUAL_OR_LESS", "BEFORE", "AFTER"};
    return mod >= 0 && mod < (int)(sizeof(names) / sizeof(names[0])) ? names[mod] : "";
}

/* ------------------------------------------------------------------ words */

static unsigned long hash_word(const char *w, size_t n)
{
    unsigned long h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static int lookup(const tx_lexicon *lx, const char *w, size_t n, size_t *slot)
{
    size_t mask = lx->nslots - 1, i = hash_word(w, n) & mask;
    for (;;) {
        int id = lx->slots[i];
        if (id < 0) {
            if (slot)
                *slot = i;
            return -1;
        }
        if (lx->word_len[id] == n && memcmp(lx->pool + lx->word_off[id], w, n) == 0)
            return id;
        i = (i + 1) & mask;
    }
}

int sl_tx_word_id(const tx_lexicon *lx, const char *w, size_t n)
{
    if (n == 0 || n > 31)
        return -1;
    return lookup(lx, w, n, NULL);
}

static void rehash(tx_lexicon *lx)
{
    size_t i, ns = lx->nslots ? lx->nslots * 2 : 1024;
    free(lx->slots);
    lx->slots = sl_xmalloc(ns * sizeof(int));
    for (i = 0; i < ns; i++)
        lx->slots[i] = -1;
    lx->nslots = ns;
    for (i = 0; i < lx->nwords; i++) {
        size_t slot = 0;
        if (lookup(lx, lx->pool + lx->word_off[i], lx->word_len[i], &slot) < 0) /* the words are distinct */
            lx->slots[slot] = (int)i;
    }
}

/* The id of a lower-case word, added when new. */
static int word_add(tx_lexicon *lx, const char *w, size_t n)
{
    size_t slot, cap;
    int id;
    tx_word z;
    if (n == 0 || n > 31)
        return -1;
    if ((id = lookup(lx, w, n, &slot)) >= 0)
        return id;
    if ((lx->nwords + 1) * 2 > lx->nslots) {
        rehash(lx);
        lookup(lx, w, n, &slot);
    }
    if (lx->pool_len + n + 1 > lx->pool_cap) {
        lx->pool_cap = (lx->pool_len + n + 1) * 2;
        lx->pool = sl_xrealloc(lx->pool, lx->pool_cap);
    }
    memcpy(lx->pool + lx->pool_len, w, n);
    lx->pool[lx->pool_len + n] = '\0';
    memset(&z, 0, sizeof(z));
    z.hhmm = -1;
    cap = lx->cwords;
    SL_PUSH(lx->words, lx->nwords, lx->cwords, z);
    if (lx->cwords != cap) {
        lx->word_off = sl_xrealloc(lx->word_off, lx->cwords * sizeof(size_t));
        lx->word_len = sl_xrealloc(lx->word_len, lx->cwords * sizeof(size_t));
    }
    id = (int)lx->nwords - 1;
    lx->word_off[id] = lx->pool_len;
    lx->word_len[id] = n;
    lx->pool_len += n + 1;
    lx->slots[slot] = id;
    return id;
}

/* ------------------------------------------------------------------ data files */

typedef struct line_fields {
    char key[64];        /* the entry, lower case, trimmed */
    char f[4][24];       /* the fields after '|' */
    int nf;
} line_fields;

static int split_line(const char *line, size_t n, line_fields *lf)
{
    const char *bar = memchr(line, '|', n);
    size_t kn, i = 0;
    const char *p, *end = line + n;
    memset(lf, 0, sizeof(*lf));
    if (!bar)
        return 0;
    kn = (size_t)(bar - line);
    while (kn && line[kn - 1] == ' ')
        kn--;
    while (kn && line[0] == ' ')
        line++, kn--;
    if (kn == 0 || kn >= sizeof(lf->key))
        return 0;
    for (i = 0; i < kn; i++)
        lf->key[i] = (char)(line[i] >= 'A' && line[i] <= 'Z' ? line[i] + 32 : line[i]);
    p = bar + 1;
    while (p < end && lf->nf < 4) {
        const char *s;
        while (p < end && *p == ' ')
            p++;
        s = p;
        while (p < end && *p != ' ')
            p++;
        if (p > s) {
            size_t fl = (size_t)(p - s);
            if (fl >= sizeof(lf->f[0]))
                return 0;
            memcpy(lf->f[lf->nf], s, fl);
            lf->nf++;
        }
    }
    return lf->nf > 0;
}

static int has_flag(const line_fields *lf, const char *flag)
{
    int i;
    for (i = 1; i < lf->nf; i++)
        if (strcmp(lf->f[i], flag) == 0)
            return 1;
    return 0;
}

static int flags_of(const line_fields *lf)
{
    return (has_flag(lf, "abbr") ? TXF_ABBR : 0) | (has_flag(lf, "ambig") ? TXF_AMBIG : 0) |
           (has_flag(lf, "plural") ? TXF_PLURAL : 0) | (has_flag(lf, "anaphoric") ? TXF_ANAPHORIC : 0) |
           (has_flag(lf, "duration") ? TXF_DURATION : 0);
}

/* The word entry of a one-word key (a trailing period is dropped: "no."). */
static tx_word *key_word(tx_lexicon *lx, const line_fields *lf)
{
    size_t n = strlen(lf->key);
    int id;
    if (n > 1 && lf->key[n - 1] == '.')
        n--;
    if (memchr(lf->key, ' ', n))
        return NULL;
    id = word_add(lx, lf->key, n);
    return id < 0 ? NULL : &lx->words[id];
}

typedef void (*line_fn)(tx_lexicon *lx, const line_fields *lf);

static void load(tx_lexicon *lx, const char *name, line_fn fn)
{
    size_t len, pos = 0, n;
    const char *text = sl_data_get(name, &len), *line;
    line_fields lf;
    while (sl_data_next_line(text, len, &pos, &line, &n))
        if (split_line(line, n, &lf))
            fn(lx, &lf);
}

static int unit_code(const char *s)
{
    static const char *const codes[] = {"", "Y", "Q", "M", "W", "D", "H", "MIN", "S",
                                        "DE", "CE", "ML", "WE", "FN", "HY"};
    int i;
    for (i = 1; i < (int)(sizeof(codes) / sizeof(codes[0])); i++)
        if (strcmp(s, codes[i]) == 0)
            return i;
    return 0;
}

static int mod_code(const char *s)
{
    int i;
    for (i = 1; i <= TXM_AFTER; i++)
        if (strcmp(s, sl_tx_mod_name(i)) == 0)
            return i;
    return 0;
}

static int pod_code(const char *s)
{
    static const char *const pods[] = {"", "MO", "AF", "EV", "NI"};
    int i;
    for (i = 1; i < 5; i++)
        if (strcmp(s, pods[i]) == 0)
            return i;
    return 0;
}

static void on_month(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    int m = atoi(lf->f[0]);
    if (w && m >= 1 && m <= 12) {
        w->cats |= TXC_MONTH;
        w->month = (short)m;
        w->month_fl = (short)flags_of(lf);
    }
}

static void on_wday(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    int d = atoi(lf->f[0]);
    if (w && d >= 1 && d <= 7) {
        w->cats |= TXC_WDAY;
        w->wday = (short)d;
        w->wday_fl = (short)flags_of(lf);
    }
}

static void on_season(tx_lexicon *lx, const line_fields *lf)
{
    static const char *const codes[] = {"", "SP", "SU", "FA", "WI"};
    tx_word *w = key_word(lx, lf);
    int i;
    for (i = 1; w && i < 5; i++)
        if (strcmp(lf->f[0], codes[i]) == 0) {
            w->cats |= TXC_SEASON;
            w->season = (short)i;
            w->season_fl = (short)flags_of(lf);
        }
}

static void on_number(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    int v = atoi(lf->f[0]);
    const char *kind = lf->nf > 1 ? lf->f[1] : "";
    if (!w)
        return;
    if (strcmp(kind, "ord") == 0) {
        w->cats |= TXC_ORD;
        w->ord = v;
    } else if (strcmp(kind, "decade") == 0) {
        w->cats |= TXC_DECADE;
        w->decade = v;
    } else {
        w->cats |= TXC_NUM;
        w->num = v;
        w->num_kind = (short)(strcmp(kind, "tens") == 0      ? TXN_TENS
                                    : strcmp(kind, "mult") == 0    ? TXN_MULT
                                    : strcmp(kind, "article") == 0 ? TXN_ARTICLE
                                    : strcmp(kind, "vague") == 0   ? TXN_VAGUE
                                                                   : TXN_CARD);
    }
}

static void on_unit(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    int u = unit_code(lf->f[0]);
    if (w && u) {
        w->cats |= TXC_UNIT;
        w->unit = (short)u;
        w->unit_fl = (short)flags_of(lf);
    }
}

static void on_pod(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    int p = pod_code(lf->f[0]);
    if (!w)
        return;
    if (p) {
        w->cats |= TXC_POD;
        w->pod = (short)p;
    } else if (strlen(lf->f[0]) == 5 && lf->f[0][2] == ':') {
        w->cats |= TXC_POD;
        w->hhmm = (short)(atoi(lf->f[0]) * 100 + atoi(lf->f[0] + 3));
    }
}

static void on_rel(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    if (w) {
        w->cats |= TXC_REL;
        w->rel = (short)atoi(lf->f[0]);
        w->rel_fl = (short)flags_of(lf);
    }
}

static void on_tense(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    if (w) {
        w->cats |= TXC_TENSE;
        w->tense = (short)(strcmp(lf->f[0], "past") == 0 ? -1 : strcmp(lf->f[0], "future") == 0 ? 1 : 0);
        w->tense_to = (short)has_flag(lf, "to");
        w->tense_report = (short)has_flag(lf, "report");
    }
}

static void on_nonyear(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    if (w)
        w->cats |= strcmp(lf->f[0], "before") == 0 ? TXC_NONYEAR_BEFORE
                   : strcmp(lf->f[0], "after") == 0 ? TXC_NONYEAR_AFTER
                   : strcmp(lf->f[0], "address") == 0 ? TXC_ADDRESS : 0;
}

static void on_zone(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    if (w)
        w->cats |= TXC_ZONE;
}

static void on_quarter(tx_lexicon *lx, const line_fields *lf)
{
    tx_word *w = key_word(lx, lf);
    if (w && lf->f[0][0] == 'Q' && lf->f[0][1] >= '1' && lf->f[0][1] <= '4') {
        w->cats |= TXC_QNAME;
        w->quarter = (short)(lf->f[0][1] - '0');
    }
}

/* ------------------------------------------------------------------ phrases */

static void phrase_add(tx_lexicon *lx, const char *key, tx_phrase *ph)
{
    tx_tok *toks = NULL;
    size_t n = 0, i;
    sl_tx_tokenize(lx, key, strlen(key), &toks, &n);
    if (n == 0 || n > 8) {
        free(toks);
        return;
    }
    ph->elems = sl_xcalloc(n, sizeof(int));
    ph->n = (int)n;
    for (i = 0; i < n; i++) {
        if (toks[i].kind == TK_WORD) {
            int id = toks[i].word;
            if (id < 0)
                id = word_add(lx, key + toks[i].start, toks[i].end - toks[i].start);
            if (id < 0) {
                free(ph->elems);
                free(toks);
                return;
            }
            ph->elems[i] = id;
        } else if (toks[i].kind == TK_PUNCT) {
            ph->elems[i] = -(int)(unsigned char)toks[i].ch;
        } else {
            free(ph->elems);
            free(toks);
            return;
        }
    }
    free(toks);
    if (ph->elems[0] >= 0)
        lx->words[ph->elems[0]].cats |= TXC_PHRASE;
    SL_PUSH(lx->phrases, lx->nphrases, lx->cphrases, *ph);
}

static void on_modifier(tx_lexicon *lx, const line_fields *lf)
{
    tx_phrase ph;
    memset(&ph, 0, sizeof(ph));
    if (lf->nf < 2)
        return;
    ph.kind = strcmp(lf->f[0], "date") == 0 ? TXP_MOD_DATE : strcmp(lf->f[0], "quant") == 0 ? TXP_MOD_QUANT : 0;
    ph.a = mod_code(lf->f[1]);
    if (ph.kind)
        phrase_add(lx, lf->key, &ph);
}

static void on_deictic(tx_lexicon *lx, const line_fields *lf)
{
    tx_phrase ph;
    memset(&ph, 0, sizeof(ph));
    ph.kind = TXP_DEICTIC;
    if (strcmp(lf->f[0], "day") == 0 && lf->nf >= 2) {
        ph.a = TXD_DAY;
        ph.b = atoi(lf->f[1]);
        ph.c = lf->nf >= 3 ? pod_code(lf->f[2]) : 0;
    } else if (strcmp(lf->f[0], "unit") == 0 && lf->nf >= 3 && unit_code(lf->f[1])) {
        ph.a = TXD_UNIT;
        ph.c = unit_code(lf->f[1]);
        ph.b = atoi(lf->f[2]);
        ph.d = lf->nf >= 4 ? mod_code(lf->f[3]) : 0;
    } else if ((strcmp(lf->f[0], "ref") == 0 || strcmp(lf->f[0], "set") == 0 || strcmp(lf->f[0], "dur") == 0) &&
               lf->nf >= 2) {
        ph.a = lf->f[0][0] == 'r' ? TXD_REF : lf->f[0][0] == 's' ? TXD_SET : TXD_DUR;
        memcpy(ph.lit, lf->f[1], strlen(lf->f[1]) < sizeof(ph.lit) ? strlen(lf->f[1]) : sizeof(ph.lit) - 1);
    } else {
        return;
    }
    phrase_add(lx, lf->key, &ph);
}

static void on_holiday(tx_lexicon *lx, const line_fields *lf)
{
    tx_phrase ph;
    memset(&ph, 0, sizeof(ph));
    ph.kind = TXP_HOLIDAY;
    if (strcmp(lf->f[0], "fixed") == 0 && lf->nf >= 2 && strlen(lf->f[1]) == 5) {
        ph.a = TXH_FIXED, ph.b = atoi(lf->f[1]), ph.c = atoi(lf->f[1] + 3);
        if (!sl_ymd_valid(2000, ph.b, ph.c))
            return;
    } else if (strcmp(lf->f[0], "nth") == 0 && lf->nf >= 4) {
        ph.a = TXH_NTH, ph.b = atoi(lf->f[1]), ph.c = atoi(lf->f[2]), ph.d = atoi(lf->f[3]);
    } else if (strcmp(lf->f[0], "last") == 0 && lf->nf >= 3) {
        ph.a = TXH_LAST, ph.b = atoi(lf->f[1]), ph.c = atoi(lf->f[2]);
    } else if (strcmp(lf->f[0], "after") == 0 && lf->nf >= 4) {
        ph.a = TXH_AFTER, ph.b = atoi(lf->f[1]), ph.c = atoi(lf->f[2]), ph.d = atoi(lf->f[3]);
        if (!sl_ymd_valid(2000, ph.b, ph.c) || ph.d < 1 || ph.d > 7)
            return;
    } else if (strcmp(lf->f[0], "easter") == 0 && lf->nf >= 2) {
        ph.a = TXH_EASTER, ph.b = atoi(lf->f[1]);
    } else if (strcmp(lf->f[0], "week") == 0) {
        ph.a = TXH_EASTER_WEEK;
    } else {
        return;
    }
    if ((ph.a == TXH_NTH || ph.a == TXH_LAST) &&
        (ph.b < 1 || ph.b > 12 || ph.c < 1 || ph.c > 7 || (ph.a == TXH_NTH && (ph.d < 1 || ph.d > 5))))
        return;
    phrase_add(lx, lf->key, &ph);
}

static void on_doccue(tx_lexicon *lx, const line_fields *lf)
{
    tx_phrase ph;
    memset(&ph, 0, sizeof(ph));
    ph.kind = TXP_DOCCUE;
    ph.a = strcmp(lf->f[0], "note") == 0 ? 1 : 2;
    phrase_add(lx, lf->key, &ph);
}

/* Indexes the phrases by first word, longest first so that the first match
 * found is the longest. */
static void index_phrases(tx_lexicon *lx)
{
    size_t i, *count = sl_xcalloc(lx->nwords + 1, sizeof(size_t));
    lx->first = sl_xcalloc(lx->nwords + 1, sizeof(int *));
    for (i = 0; i < lx->nphrases; i++)
        if (lx->phrases[i].elems[0] >= 0)
            count[lx->phrases[i].elems[0]]++;
    for (i = 0; i < lx->nwords; i++) {
        if (count[i]) {
            lx->first[i] = sl_xmalloc((count[i] + 1) * sizeof(int));
            lx->first[i][0] = -1;
        }
        count[i] = 0;
    }
    for (i = 0; i < lx->nphrases; i++) {
        int w = lx->phrases[i].elems[0];
        int *list;
        size_t k;
        if (w < 0)
            continue;
        list = lx->first[w];
        /* insertion by descending length */
        k = count[w]++;
        while (k > 0 && lx->phrases[list[k - 1]].n < lx->phrases[i].n) {
            list[k] = list[k - 1];
            k--;
        }
        list[k] = (int)i;
        list[count[w]] = -1;
    }
    free(count);
}

static void lexicon_free(void *p)
{
    tx_lexicon *lx = p;
    size_t i;
    if (!lx)
        return;
    for (i = 0; i < lx->nphrases; i++)
        free(lx->phrases[i].elems);
    if (lx->first)
        for (i = 0; i < lx->nwords + 1; i++)
            free(lx->first[i]);
    free(lx->first);
    free(lx->phrases);
    free(lx->words);
    free(lx->word_off);
    free(lx->word_len);
    free(lx->pool);
    free(lx->slots);
    free(lx);
}

static void *lexicon_make(sl_ctx *ctx)
{
    tx_lexicon *lx = sl_xcalloc(1, sizeof(*lx));
    int k;
    (void)ctx;
    rehash(lx);
    for (k = 0; k < KW_COUNT; k++)
        lx->kw[k] = word_add(lx, keywords[k], strlen(keywords[k]));
    load(lx, "timex/months", on_month);
    load(lx, "timex/weekdays", on_wday);
    load(lx, "timex/seasons", on_season);
    load(lx, "timex/numbers", on_number);
    load(lx, "timex/units", on_unit);
    load(lx, "timex/parts_of_day", on_pod);
    load(lx, "timex/relative", on_rel);
    load(lx, "timex/tense", on_tense);
    load(lx, "timex/nonyear", on_nonyear);
    load(lx, "timex/quarters", on_quarter);
    load(lx, "timex/zones", on_zone);
    load(lx, "timex/modifiers", on_modifier);
    load(lx, "timex/deictic", on_deictic);
    load(lx, "timex/holidays", on_holiday);
    load(lx, "timex/doc_date_cues", on_doccue);
    index_phrases(lx);
    return lx;
}

const tx_lexicon *sl_tx_lexicon(sl_ctx *ctx)
{
    return sl_ctx_resource(ctx, "timex.lexicon", lexicon_make, lexicon_free);
}

/* ------------------------------------------------------------------ tokenizer */

static int is_alpha(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* The length of a white-space character at s[i] (ASCII or Unicode), 0 if none;
 * *nl is set for a line feed. */
static size_t space_len(const unsigned char *s, size_t len, size_t i, int *nl)
{
    unsigned char c = s[i];
    *nl = 0;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == '\n') {
        *nl = 1;
        return 1;
    }
    if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && ((s[i + 2] >= 0x80 && s[i + 2] <= 0x8A) || s[i + 2] == 0xAF))
        return 3;
    if (c == 0xE3 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x80)
        return 3;
    return 0;
}

/* An apostrophe at s[i]: ASCII or U+2019; returns its length or 0. */
static size_t apos_len(const unsigned char *s, size_t len, size_t i)
{
    if (s[i] == '\'')
        return 1;
    if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0x99 || s[i + 2] == 0x98))
        return 3;
    return 0;
}

/* Whether the letters at s[i..) form a clitic that is its own token:
 * 's 'll 'd 're 've 'm. */
static int clitic_at(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    size_t j = i;
    char w[3];
    while (j < len && is_alpha(s[j]) && j - i < 3)
        j++;
    if (j < len && (is_alpha(s[j]) || is_digit(s[j])))
        return 0;
    if (j - i == 0 || j - i > 2)
        return 0;
    w[0] = (char)(s[i] | 32);
    w[1] = j - i > 1 ? (char)(s[i + 1] | 32) : 0;
    w[2] = 0;
    *n = j - i;
    return strcmp(w, "s") == 0 || strcmp(w, "ll") == 0 || strcmp(w, "d") == 0 || strcmp(w, "re") == 0 ||
           strcmp(w, "ve") == 0 || strcmp(w, "m") == 0;
}

static int suffix_kind(const char *w, size_t n)
{
    if (n == 1 && w[0] == 's')
        return TKS_S;
    if (n == 2 && (memcmp(w, "st", 2) == 0 || memcmp(w, "nd", 2) == 0 || memcmp(w, "rd", 2) == 0 ||
                   memcmp(w, "th", 2) == 0))
        return TKS_ORD;
    if (n == 2 && memcmp(w, "am", 2) == 0)
        return TKS_AM;
    if (n == 2 && memcmp(w, "pm", 2) == 0)
        return TKS_PM;
    return TKS_OTHER;
}

void sl_tx_tokenize(const tx_lexicon *lx, const char *text, size_t len, tx_tok **toks, size_t *n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, cap = 0, nt = 0;
    int gap = 0, newlines = 0;
    tx_tok *t = NULL;
    while (i < len) {
        tx_tok k;
        int nl;
        size_t sl = space_len(s, len, i, &nl), al;
        if (sl) {
            newlines += nl;
            gap = newlines >= 2 ? 3 : newlines == 1 ? 2 : 1;
            i += sl;
            continue;
        }
        memset(&k, 0, sizeof(k));
        k.start = i;
        k.word = -1;
        k.gap = (unsigned char)gap;
        gap = 0, newlines = 0;
        if (is_alpha(s[i])) {
            char w[32];
            size_t wn = 0, j = i, upper = 0, letters = 0;
            for (;;) {
                if (j < len && (is_alpha(s[j]) || is_digit(s[j]))) {
                    if (s[j] >= 'A' && s[j] <= 'Z')
                        upper++;
                    if (is_alpha(s[j]))
                        letters++;
                    if (wn < sizeof(w))
                        w[wn] = (char)(is_alpha(s[j]) ? s[j] | 32 : s[j]);
                    wn++;
                    j++;
                    continue;
                }
                /* an apostrophe inside a word ("o'clock", "didn't"), unless a clitic follows */
                if (j < len && (al = apos_len(s, len, j)) && j + al < len && is_alpha(s[j + al])) {
                    size_t cn;
                    if (clitic_at(s, len, j + al, &cn))
                        break;
                    if (wn < sizeof(w))
                        w[wn] = '\'';
                    wn++;
                    j += al;
                    continue;
                }
                break;
            }
            k.kind = TK_WORD;
            k.end = j;
            k.cap = (unsigned char)(s[i] >= 'A' && s[i] <= 'Z' ? (upper == letters && letters >= 2 ? 2 : 1) : 0);
            k.word = lx && wn < sizeof(w) ? sl_tx_word_id(lx, w, wn) : -1;
            i = j;
        } else if (is_digit(s[i])) {
            size_t j = i;
            long v = 0;
            int nd = 0;
            while (j < len && is_digit(s[j])) {
                if (v < 100000000)
                    v = v * 10 + (s[j] - '0');
                else
                    v = 999999999;
                nd++;
                j++;
            }
            /* thousands separators: 28,000 and 1,250,000 (groups of exactly three) */
            if (nd <= 3) {
                while (j + 3 < len && s[j] == ',' && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
                       (j + 4 >= len || !is_digit(s[j + 4]))) {
                    int g;
                    for (g = 1; g <= 3; g++) {
                        v = v < 100000000 ? v * 10 + (s[j + g] - '0') : 999999999;
                        nd++;
                    }
                    k.grouped = 1;
                    j += 4;
                }
            }
            k.kind = TK_NUM;
            k.val = v;
            k.nd = (unsigned char)(nd > 255 ? 255 : nd);
            if (j < len && is_alpha(s[j])) {
                char w[8];
                size_t a = j, wn = 0;
                while (j < len && (is_alpha(s[j]) || is_digit(s[j]))) {
                    if (wn < sizeof(w))
                        w[wn] = (char)(s[j] | 32);
                    wn++;
                    j++;
                }
                k.suf = (unsigned char)(wn < sizeof(w) && j - a == wn ? suffix_kind(w, wn) : TKS_OTHER);
                if (k.suf != TKS_OTHER)
                    for (; a < j; a++)
                        if (is_digit(s[a]))
                            k.suf = TKS_OTHER;
            }
            k.end = j;
            i = j;
        } else if ((al = apos_len(s, len, i)) && i + al < len && is_alpha(s[i + al]) && nt > 0 &&
                   (t[nt - 1].kind == TK_WORD || t[nt - 1].kind == TK_NUM) && t[nt - 1].end == i) {
            size_t cn;
            if (clitic_at(s, len, i + al, &cn)) {
                char w[4];
                size_t q;
                w[0] = '\'';
                for (q = 0; q < cn; q++)
                    w[q + 1] = (char)(s[i + al + q] | 32);
                k.kind = TK_WORD;
                k.end = i + al + cn;
                k.word = lx ? sl_tx_word_id(lx, w, cn + 1) : -1;
            } else {
                k.kind = TK_PUNCT;
                k.ch = '\'';
                k.end = i + al;
            }
            i = k.end;
        } else if (s[i] < 0x80) {
            k.kind = TK_PUNCT;
            k.ch = (char)s[i];
            k.end = i + 1;
            i++;
        } else {
            /* one UTF-8 character; dashes and quotes join their ASCII classes */
            size_t cl = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : s[i] >= 0xC0 ? 2 : 1, q;
            for (q = 1; q < cl; q++)
                if (i + q >= len || (s[i + q] & 0xC0) != 0x80)
                    break;
            cl = q;
            k.kind = TK_OTHER;
            if (cl == 3 && s[i] == 0xE2 && s[i + 1] == 0x80) {
                unsigned char c3 = s[i + 2];
                if (c3 >= 0x90 && c3 <= 0x93)
                    k.kind = TK_PUNCT, k.ch = '-';
                else if (c3 == 0x94 || c3 == 0x95)
                    k.kind = TK_PUNCT, k.ch = '~';
                else if (c3 == 0x98 || c3 == 0x99)
                    k.kind = TK_PUNCT, k.ch = '\'';
                else if (c3 == 0x9C || c3 == 0x9D)
                    k.kind = TK_PUNCT, k.ch = '"';
                else if (c3 == 0xA6)
                    k.kind = TK_PUNCT, k.ch = '.';
            } else if (cl == 3 && s[i] == 0xE2 && s[i + 1] == 0x88 && s[i + 2] == 0x92) {
                k.kind = TK_PUNCT, k.ch = '-';
            } else if (cl == 2 && s[i] == 0xC2 && (s[i + 1] == 0xA3 || s[i + 1] == 0xA5)) {
                k.kind = TK_PUNCT, k.ch = '$'; /* pound and yen signs: money */
            } else if (cl == 3 && s[i] == 0xE2 && s[i + 1] == 0x82 && s[i + 2] == 0xAC) {
                k.kind = TK_PUNCT, k.ch = '$'; /* euro sign */
            }
            k.end = i + cl;
            i += cl;
        }
        /* a word glued to a non-ASCII letter ("Décembre") is not an English word */
        if (k.kind == TK_OTHER && nt > 0 && k.gap == 0 && t[nt - 1].kind == TK_WORD)
            t[nt - 1].word = -1;
        if (k.kind == TK_WORD && nt > 0 && k.gap == 0 && t[nt - 1].kind == TK_OTHER)
            k.word = -1;
        SL_PUSH(t, nt, cap, k);
    }
    *toks = t;
    *n = nt;
}
