/*
 * entities.c: HTML character references (see entities.h).
 *
 * The names are loaded once per context into an open-addressing table
 * (FNV-1a over the name); a reference is looked up only after its syntax
 * matched, so text without '&' costs one scan.
 */
#include "text/entities.h"

#include <stdlib.h>
#include <string.h>

#include "core/data.h"
#include "text/charmap.h"
#include "util/mem.h"

#define ENT_NAME_MAX 24 /* letters/digits between '&' and ';' (ftfy's limit) */
#define ENT_CPS 4       /* code points one name stands for, at most */

typedef struct ent {
    char name[ENT_NAME_MAX + 1];
    uint32_t cps[ENT_CPS];
    int ncps; /* 0: empty slot */
} ent;

typedef struct ent_table {
    ent *slots;
    size_t cap; /* a power of two */
} ent_table;

static uint32_t fnv(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static ent *ent_slot(const ent_table *t, const char *name, size_t n)
{
    size_t i = fnv(name, n) & (t->cap - 1);
    for (;;) {
        ent *e = &t->slots[i];
        if (!e->ncps || (strlen(e->name) == n && memcmp(e->name, name, n) == 0))
            return e;
        i = (i + 1) & (t->cap - 1);
    }
}

static void *ent_make(sl_ctx *ctx)
{
    ent_table *t = sl_xcalloc(1, sizeof(*t));
    size_t len, pos = 0, n, count = 0;
    const char *text = sl_data_get("repair/entities", &len), *line;
    (void)ctx;
    while (sl_data_next_line(text, len, &pos, &line, &n))
        count++;
    t->cap = 16;
    while (t->cap < count * 2 + 16)
        t->cap *= 2;
    t->slots = sl_xcalloc(t->cap, sizeof(*t->slots));
    pos = 0;
    while (sl_data_next_line(text, len, &pos, &line, &n)) {
        const char *p = line, *end = line + n, *name = line;
        size_t nl;
        ent e;
        while (p < end && *p != ' ')
            p++;
        nl = (size_t)(p - name);
        if (nl == 0 || nl > ENT_NAME_MAX)
            continue;
        memset(&e, 0, sizeof(e));
        memcpy(e.name, name, nl);
        while (p < end && e.ncps < ENT_CPS) {
            uint32_t v = 0;
            int nd = 0;
            while (p < end && *p == ' ')
                p++;
            for (; p < end && *p != ' '; p++, nd++) {
                char c = *p;
                v = v * 16 + (uint32_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            }
            if (nd)
                e.cps[e.ncps++] = v;
        }
        if (e.ncps && !ent_slot(t, name, nl)->ncps)
            *ent_slot(t, name, nl) = e;
    }
    return t;
}

static void ent_free(void *p)
{
    ent_table *t = p;
    if (!t)
        return;
    free(t->slots);
    free(t);
}

static int is_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The character a numeric reference stands for (HTML5 rules), 0 to drop
 * it, or (uint32_t)-1 to leave the reference as it is. */
static uint32_t numeric_ref(const sl_charmap *cm, const uint32_t *d, size_t nd, int hex)
{
    uint32_t v = 0;
    size_t i;
    for (i = 0; i < nd; i++) {
        uint32_t c = d[i], x;
        if (c >= '0' && c <= '9')
            x = c - '0';
        else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            x = (c | 0x20) - 'a' + 10;
        else
            return (uint32_t)-1;
        if (v <= 0x10FFFF)
            v = v * (hex ? 16 : 10) + x;
    }
    if (v == '\n' || v == '\r')
        return (uint32_t)-1;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0xFFFD;
    if (v >= 0x80 && v <= 0x9F)
        return sl_charmap_decode(cm, SL_CM_CP1252, (unsigned char)v);
    if ((v < 0x20 && v != '\t' && v != 0x0C) || v == 0x7F || (v >= 0xFDD0 && v <= 0xFDEF) ||
        (v & 0xFFFE) == 0xFFFE)
        return 0;
    return v;
}

int sl_entities_decode(sl_ctx *ctx, const uint32_t *v, size_t n, sl_cps *out)
{
    const ent_table *t = NULL;
    const sl_charmap *cm = NULL;
    size_t i = 0;
    int changed = 0;
    out->n = 0;
    while (i < n) {
        size_t j, k;
        if (v[i] != '&') {
            sl_cps_push(out, v[i++]);
            continue;
        }
        j = i + 1;
        if (j < n && v[j] == '#')
            j++;
        for (k = j; k < n && k - j < ENT_NAME_MAX && is_alnum(v[k]); k++)
            ;
        if (k == j || k >= n || v[k] != ';') {
            sl_cps_push(out, v[i++]);
            continue;
        }
        if (v[i + 1] == '#') {
            int hex = (v[j] | 0x20) == 'x';
            uint32_t c;
            if (!cm)
                cm = sl_charmap_get(ctx);
            c = hex && k - j < 2 ? (uint32_t)-1 : numeric_ref(cm, v + j + hex, k - j - (size_t)hex, hex);
            if (c == (uint32_t)-1) {
                sl_cps_push(out, v[i++]);
                continue;
            }
            if (c)
                sl_cps_push(out, c);
        } else {
            char name[ENT_NAME_MAX + 1];
            const ent *e;
            size_t m;
            int q;
            for (m = 0; m < k - j; m++)
                name[m] = (char)v[j + m];
            if (!t)
                t = sl_ctx_resource(ctx, "repair.entities", ent_make, ent_free);
            e = t ? ent_slot(t, name, m) : NULL;
            if (!e || !e->ncps || (e->ncps == 1 && (e->cps[0] == '\n' || e->cps[0] == '\r'))) {
                sl_cps_push(out, v[i++]);
                continue;
            }
            for (q = 0; q < e->ncps; q++)
                sl_cps_push(out, e->cps[q]);
        }
        changed = 1;
        i = k + 1;
    }
    return changed;
}
