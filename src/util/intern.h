/*
 * intern.h: the interning table (crfsuite's quark.c): each distinct string
 * gets a dense id 0, 1, 2, ... so later stages compare and index by integer.
 *
 * Open addressing with linear probing over a power-of-two table at most half
 * full; each slot holds the id and the string's hash, so a probe touches the
 * string only when the hashes match.  Strings are copied into one growing
 * byte pool.  Ids are stable for the table's life.
 */
#ifndef SL_UTIL_INTERN_H
#define SL_UTIL_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct sl_intern {
    uint64_t *slots;   /* hash << 32 | (id + 1), or 0 for empty */
    size_t nslots;     /* power of two */
    size_t *offs;      /* id -> offset into pool */
    uint32_t *lens;    /* id -> length */
    uint32_t *hashes;  /* id -> hash */
    size_t n, cap;     /* ids in use, allocated */
    char *pool;        /* NUL-separated string bytes */
    size_t pool_len, pool_cap;
} sl_intern;

#define SL_INTERN_NONE UINT32_MAX

void sl_intern_init(sl_intern *t);
void sl_intern_free(sl_intern *t);
/* The id of s[0..n), adding it if new. */
uint32_t sl_intern_add(sl_intern *t, const char *s, size_t n);
/* The id of s[0..n), or SL_INTERN_NONE. */
uint32_t sl_intern_find(const sl_intern *t, const char *s, size_t n);
/* The string of an id (NUL-terminated); valid until the next add. */
const char *sl_intern_str(const sl_intern *t, uint32_t id, size_t *len);
static inline size_t sl_intern_count(const sl_intern *t) { return t->n; }

/* 32-bit FNV-1a, also used by other tables. */
uint32_t sl_hash_bytes(const void *p, size_t n);

#endif
