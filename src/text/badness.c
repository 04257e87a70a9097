/*
 * badness.c: the mojibake heuristic (see badness.h).
 *
 * data/repair/classes.txt names up to 15 classes of characters;
 * data/repair/badness.txt lists the rules, one a line, as a sequence of
 * positions separated by blanks.  A position is a set written as items
 * joined by '|':
 *   a class name            lower_acc, currency, ...
 *   'chars'                 the characters between the quotes
 *   U+XXXX                  one character
 *   @lower @letter          ASCII a-z, ASCII A-Z and a-z
 *   @space @word            white space, a letter/digit/underscore (Unicode)
 *   @any @nonletter         any character, any but ASCII A-Z a-z
 * A rule may begin with '^': it then matches only at the start of the text.
 * A rule counts once where all its positions match consecutive characters;
 * counted matches do not overlap.
 */
#include "text/badness.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/data.h"
#include "text/ranges.h"
#include "util/mem.h"
#include "util/utf8.h"

#define B_DIRECT 0x2600  /* classes of characters below this in a table */
#define B_MAX_CLASSES 15 /* bit 15 marks "literal in an anchor" */
#define B_LIT 0x8000u
#define B_MAX_RULES 64
#define B_MAX_POS 8
#define B_MAX_LITS 32

enum { S_LOWER = 1, S_LETTER = 2, S_SPACE = 4, S_WORD = 8, S_ANY = 16, S_NONLETTER = 32 };

typedef struct bpos {
    uint16_t cls;               /* classes accepted */
    uint8_t special;            /* S_* accepted */
    uint8_t nlits;
    uint32_t lits[B_MAX_LITS];  /* characters accepted */
} bpos;

typedef struct brule {
    bpos pos[B_MAX_POS];
    int npos;
    int anchor;   /* index of the first position only non-ASCII can fill */
    int at_start; /* '^' */
} brule;

typedef struct bcls {
    uint32_t cp;
    uint16_t cls;
} bcls;

typedef struct blit {
    uint32_t cp;
    uint64_t rules; /* rules anchored on a position that lists cp */
} blit;

struct sl_badness {
    char names[B_MAX_CLASSES][24];
    int nclasses;
    uint16_t direct[B_DIRECT];
    bcls *high;        /* sorted by cp */
    size_t nhigh, chigh;
    brule *rules;
    int nrules;
    uint64_t by_class[16]; /* rules whose anchor accepts class bit i */
    blit *lits;            /* sorted by cp */
    size_t nlits, clits;
};

/* ------------------------------------------------------------------ lookups */

static unsigned cls_of(const sl_badness *b, uint32_t cp)
{
    size_t lo = 0, hi;
    if (cp < B_DIRECT)
        return b->direct[cp];
    hi = b->nhigh;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->high[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->nhigh && b->high[lo].cp == cp ? b->high[lo].cls : 0;
}

static uint64_t lit_rules(const sl_badness *b, uint32_t cp)
{
    size_t lo = 0, hi = b->nlits;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->lits[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->nlits && b->lits[lo].cp == cp ? b->lits[lo].rules : 0;
}

/* Python's str.isspace(), which ftfy's \s means. */
static int is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static int is_word(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || cp == '_';
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int pos_match(const bpos *p, uint32_t cp, unsigned cls)
{
    int i;
    if (p->cls & cls)
        return 1;
    if (p->special) {
        int ascii_letter = cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        if ((p->special & S_ANY) && cp != '\n')
            return 1;
        if ((p->special & S_LOWER) && cp >= 'a' && cp <= 'z')
            return 1;
        if ((p->special & S_LETTER) && ascii_letter)
            return 1;
        if ((p->special & S_NONLETTER) && !ascii_letter)
            return 1;
        if ((p->special & S_SPACE) && is_space(cp))
            return 1;
        if ((p->special & S_WORD) && is_word(cp))
            return 1;
    }
    for (i = 0; i < p->nlits; i++)
        if (p->lits[i] == cp)
            return 1;
    return 0;
}

static int ctz64(uint64_t m)
{
    int i = 0;
    while (!(m & 1)) {
        m >>= 1;
        i++;
    }
    return i;
}

size_t sl_badness_count(const sl_badness *b, const uint32_t *v, size_t n, size_t limit)
{
    size_t i, count = 0, last_end = 0;
    for (i = 0; i < n; i++) {
        uint32_t cp = v[i];
        unsigned c;
        uint64_t m = 0;
        int k;
        if (cp < 0x80 || !(c = cls_of(b, cp)))
            continue;
        for (k = 0; k < 16; k++)
            if (c & (1u << k))
                m |= b->by_class[k];
        if (c & B_LIT)
            m |= lit_rules(b, cp);
        while (m) {
            int r = ctz64(m);
            const brule *rule = &b->rules[r];
            size_t s, j;
            m &= m - 1;
            if (i < (size_t)rule->anchor)
                continue;
            s = i - (size_t)rule->anchor;
            if (s + (size_t)rule->npos > n || s < last_end || (rule->at_start && s != 0))
                continue;
            for (j = 0; j < (size_t)rule->npos; j++) {
                uint32_t x = v[s + j];
                if (!pos_match(&rule->pos[j], x, x < 0x80 ? 0 : cls_of(b, x)))
                    break;
            }
            if (j == (size_t)rule->npos) {
                count++;
                last_end = s + (size_t)rule->npos;
                if (limit && count >= limit)
                    return count;
                break;
            }
        }
    }
    return count;
}

int sl_badness_any(const sl_badness *b, const uint32_t *v, size_t n)
{
    return sl_badness_count(b, v, n, 1) > 0;
}

int sl_badness_relevant(const sl_badness *b, uint32_t cp)
{
    return cp >= 0x80 && cls_of(b, cp) != 0;
}

/* ------------------------------------------------------------------ loading */

static int class_bit(sl_badness *b, const char *name, size_t n, int create)
{
    int i;
    for (i = 0; i < b->nclasses; i++)
        if (strlen(b->names[i]) == n && memcmp(b->names[i], name, n) == 0)
            return i;
    if (!create || b->nclasses >= B_MAX_CLASSES || n >= sizeof(b->names[0]))
        return -1;
    memcpy(b->names[b->nclasses], name, n);
    b->names[b->nclasses][n] = '\0';
    return b->nclasses++;
}

static void add_class(sl_badness *b, uint32_t cp, unsigned bits)
{
    size_t i;
    bcls e;
    if (cp < B_DIRECT) {
        b->direct[cp] |= (uint16_t)bits;
        return;
    }
    for (i = 0; i < b->nhigh; i++) {
        if (b->high[i].cp == cp) {
            b->high[i].cls |= (uint16_t)bits;
            return;
        }
    }
    e.cp = cp;
    e.cls = (uint16_t)bits;
    SL_PUSH(b->high, b->nhigh, b->chigh, e);
}

static void load_classes(sl_badness *b)
{
    size_t len, pos = 0, n;
    const char *text = sl_data_get("repair/classes", &len), *line;
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        const char *p = line, *end = line + n, *name = p;
        int bit;
        while (p < end && *p != ' ' && *p != '\t')
            p++;
        bit = class_bit(b, name, (size_t)(p - name), 1);
        if (bit < 0)
            continue;
        for (;;) {
            uint32_t lo, hi;
            if (!sl_hex_range(&p, end, &lo, &hi))
                break;
            for (; lo <= hi; lo++)
                add_class(b, lo, 1u << bit);
        }
    }
}

/* Parses one position at *p; returns 0 on a malformed one. */
static int parse_pos(sl_badness *b, const char **pp, const char *end, bpos *pos)
{
    const char *p = *pp;
    memset(pos, 0, sizeof(*pos));
    for (;;) {
        if (p >= end)
            return 0;
        if (*p == '\'') {
            p++;
            while (p < end && *p != '\'') {
                uint32_t cp;
                int k = sl_utf8_decode((const unsigned char *)p, (size_t)(end - p), &cp);
                if (k < 0 || pos->nlits >= B_MAX_LITS)
                    return 0;
                pos->lits[pos->nlits++] = cp;
                p += k;
            }
            if (p >= end)
                return 0;
            p++;
        } else if (*p == 'U' && p + 1 < end && p[1] == '+') {
            uint32_t cp, hi;
            p += 2;
            if (!sl_hex_range(&p, end, &cp, &hi) || hi != cp || pos->nlits >= B_MAX_LITS)
                return 0;
            pos->lits[pos->nlits++] = cp;
        } else {
            static const struct {
                const char *name;
                int bit;
            } specials[] = {{"@lower", S_LOWER}, {"@letter", S_LETTER}, {"@space", S_SPACE},
                            {"@word", S_WORD},   {"@any", S_ANY},       {"@nonletter", S_NONLETTER}};
            const char *s = p;
            size_t k, n;
            while (p < end && *p != '|' && *p != ' ' && *p != '\t')
                p++;
            n = (size_t)(p - s);
            if (*s == '@') {
                for (k = 0; k < sizeof(specials) / sizeof(specials[0]); k++)
                    if (strlen(specials[k].name) == n && memcmp(specials[k].name, s, n) == 0)
                        break;
                if (k == sizeof(specials) / sizeof(specials[0]))
                    return 0;
                pos->special |= (uint8_t)specials[k].bit;
            } else {
                int bit = class_bit(b, s, n, 0);
                if (bit < 0)
                    return 0;
                pos->cls |= (uint16_t)(1u << bit);
            }
        }
        if (p < end && *p == '|') {
            p++;
            continue;
        }
        *pp = p;
        return 1;
    }
}

static int ascii_free(const bpos *p)
{
    int i;
    if (p->special)
        return 0;
    for (i = 0; i < p->nlits; i++)
        if (p->lits[i] < 0x80)
            return 0;
    return 1;
}

static void add_lit_anchor(sl_badness *b, uint32_t cp, int rule)
{
    size_t i;
    blit e;
    for (i = 0; i < b->nlits; i++) {
        if (b->lits[i].cp == cp) {
            b->lits[i].rules |= (uint64_t)1 << rule;
            return;
        }
    }
    e.cp = cp;
    e.rules = (uint64_t)1 << rule;
    SL_PUSH(b->lits, b->nlits, b->clits, e);
    add_class(b, cp, B_LIT);
}

static int cmp_blit(const void *a, const void *b)
{
    uint32_t x = ((const blit *)a)->cp, y = ((const blit *)b)->cp;
    return x < y ? -1 : x > y;
}

static int cmp_bcls(const void *a, const void *b)
{
    uint32_t x = ((const bcls *)a)->cp, y = ((const bcls *)b)->cp;
    return x < y ? -1 : x > y;
}

static void load_rules(sl_badness *b)
{
    size_t len, pos = 0, n;
    const char *text = sl_data_get("repair/badness", &len), *line;
    b->rules = sl_xcalloc(B_MAX_RULES, sizeof(*b->rules));
    while (b->nrules < B_MAX_RULES && sl_data_next_line(text, len, &pos, &line, &n)) {
        brule *r = &b->rules[b->nrules];
        const char *p = line, *end = line + n;
        int ok = 1, i;
        memset(r, 0, sizeof(*r));
        r->anchor = -1;
        for (;;) {
            while (p < end && (*p == ' ' || *p == '\t'))
                p++;
            if (p >= end || *p == '#')
                break;
            if (*p == '^' && r->npos == 0 && !r->at_start) {
                r->at_start = 1;
                p++;
                continue;
            }
            if (r->npos >= B_MAX_POS || !parse_pos(b, &p, end, &r->pos[r->npos])) {
                ok = 0;
                break;
            }
            if (r->anchor < 0 && ascii_free(&r->pos[r->npos]))
                r->anchor = r->npos;
            r->npos++;
        }
        if (!ok || r->npos == 0 || r->anchor < 0)
            continue; /* malformed: a bug in the data file, caught by the unit tests */
        for (i = 0; i < 16; i++)
            if (r->pos[r->anchor].cls & (1u << i))
                b->by_class[i] |= (uint64_t)1 << b->nrules;
        for (i = 0; i < r->pos[r->anchor].nlits; i++)
            add_lit_anchor(b, r->pos[r->anchor].lits[i], b->nrules);
        b->nrules++;
    }
    if (b->nlits)
        qsort(b->lits, b->nlits, sizeof(*b->lits), cmp_blit);
}

static void *badness_make(sl_ctx *ctx)
{
    sl_badness *b = sl_xcalloc(1, sizeof(*b));
    (void)ctx;
    load_classes(b);
    load_rules(b);
    if (b->nhigh)
        qsort(b->high, b->nhigh, sizeof(*b->high), cmp_bcls);
    return b;
}

static void badness_free(void *p)
{
    sl_badness *b = p;
    if (!b)
        return;
    free(b->high);
    free(b->rules);
    free(b->lits);
    free(b);
}

const sl_badness *sl_badness_get(sl_ctx *ctx)
{
    return sl_ctx_resource(ctx, "repair.badness", badness_make, badness_free);
}
