/*
 * intern.c: the interning table; see intern.h.
 */
#include "util/intern.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

uint32_t sl_hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= s[i];
        h *= 16777619u;
    }
    return h;
}

void sl_intern_init(sl_intern *t)
{
    memset(t, 0, sizeof(*t));
}

void sl_intern_free(sl_intern *t)
{
    free(t->slots);
    free(t->offs);
    free(t->lens);
    free(t->hashes);
    free(t->pool);
    memset(t, 0, sizeof(*t));
}

static size_t probe(const sl_intern *t, const char *s, size_t n, uint32_t h)
{
    size_t mask = t->nslots - 1, i = h & mask;
    for (;;) {
        uint64_t v = t->slots[i];
        if (v == 0)
            return i;
        if ((uint32_t)(v >> 32) == h) {
            uint32_t id = (uint32_t)v - 1;
            if (t->lens[id] == n && memcmp(t->pool + t->offs[id], s, n) == 0)
                return i;
        }
        i = (i + 1) & mask;
    }
}

/* The id stored in a slot (the slot must be in use). */
static uint32_t slot_id(uint64_t v)
{
    return (uint32_t)v - 1;
}

static void rehash(sl_intern *t)
{
    size_t ns = t->nslots ? t->nslots * 2 : 1024, i;
    uint64_t *slots = sl_xcalloc(ns, sizeof(*slots));
    for (i = 0; i < t->n; i++) {
        size_t j = t->hashes[i] & (ns - 1);
        while (slots[j])
            j = (j + 1) & (ns - 1);
        slots[j] = (uint64_t)t->hashes[i] << 32 | ((uint32_t)i + 1);
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = ns;
}

uint32_t sl_intern_find(const sl_intern *t, const char *s, size_t n)
{
    uint64_t v;
    if (!t->nslots)
        return SL_INTERN_NONE;
    v = t->slots[probe(t, s, n, sl_hash_bytes(s, n))];
    return v ? slot_id(v) : SL_INTERN_NONE;
}

uint32_t sl_intern_add(sl_intern *t, const char *s, size_t n)
{
    uint32_t h = sl_hash_bytes(s, n);
    size_t i;
    uint32_t id;
    if ((t->n + 1) * 2 > t->nslots)
        rehash(t);
    i = probe(t, s, n, h);
    if (t->slots[i])
        return slot_id(t->slots[i]);
    if (t->n >= UINT32_MAX - 1 || n > UINT32_MAX)
        sl_oom();
    if (t->n == t->cap) {
        size_t c = t->cap;
        t->offs = sl_xgrow(t->offs, &c, t->n + 1, sizeof(*t->offs));
        c = t->cap;
        t->lens = sl_xgrow(t->lens, &c, t->n + 1, sizeof(*t->lens));
        c = t->cap;
        t->hashes = sl_xgrow(t->hashes, &c, t->n + 1, sizeof(*t->hashes));
        t->cap = c;
    }
    t->pool = sl_xgrow(t->pool, &t->pool_cap, t->pool_len + n + 1, 1);
    memcpy(t->pool + t->pool_len, s, n);
    t->pool[t->pool_len + n] = '\0';
    id = (uint32_t)t->n++;
    t->offs[id] = t->pool_len;
    t->lens[id] = (uint32_t)n;
    t->hashes[id] = h;
    t->pool_len += n + 1;
    t->slots[i] = (uint64_t)h << 32 | (id + 1);
    return id;
}

const char *sl_intern_str(const sl_intern *t, uint32_t id, size_t *len)
{
    if (id >= t->n) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = t->lens[id];
    return t->pool + t->offs[id];
}
