/*
 * arena.c: the bump allocator; see arena.h.
 */
#include "util/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SL_ARENA_DEBUG 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(SL_ARENA_DEBUG)
#define SL_ARENA_DEBUG 1
#endif

struct sl_arena_block {
    sl_arena_block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
};

#define SL_ARENA_BLOCK (64 * 1024)

void *sl_arena_alloc(sl_arena *a, size_t n)
{
    size_t align = alignof(max_align_t);
    sl_arena_block *b = a->head;
    n = (n + align - 1) & ~(align - 1);
    if (n == 0)
        n = align;
    a->total += n;
#ifdef SL_ARENA_DEBUG
    b = sl_xcalloc(1, sizeof(*b) + n);
    b->size = b->used = n;
    b->next = a->head;
    a->head = b;
    return b->data;
#else
    if (!b || b->size - b->used < n) {
        size_t size = n > SL_ARENA_BLOCK / 4 ? n : SL_ARENA_BLOCK;
        b = sl_xmalloc(sizeof(*b) + size);
        b->size = size;
        b->used = 0;
        if (size == n && a->head) {
            /* A big allocation gets its own block behind the current one, so
             * the current block's free space is not wasted. */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    {
        void *p = b->data + b->used;
        b->used += n;
        memset(p, 0, n);
        return p;
    }
#endif
}

char *sl_arena_strndup(sl_arena *a, const char *s, size_t n)
{
    char *p = sl_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void sl_arena_free(sl_arena *a)
{
    sl_arena_block *b = a->head;
    while (b) {
        sl_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}
