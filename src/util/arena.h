/*
 * arena.h: a bump allocator freed in one call (libgit2's pool, Redis-style
 * simplicity).  One arena per document or per request holds tokens, sentences
 * and graph edges, so teardown is O(blocks), not O(objects).
 *
 * Built with -DSL_ARENA_DEBUG (the sanitizer builds do), every allocation is
 * its own malloc so ASan and Valgrind see overruns and leaks per object.
 */
#ifndef SL_UTIL_ARENA_H
#define SL_UTIL_ARENA_H

#include <stddef.h>

typedef struct sl_arena_block sl_arena_block;

typedef struct sl_arena {
    sl_arena_block *head; /* newest block first */
    size_t total;         /* bytes handed out, for statistics */
} sl_arena;

#define SL_ARENA_INIT {NULL, 0}

/* Returns n bytes aligned for any type, zeroed; lives until sl_arena_free. */
void *sl_arena_alloc(sl_arena *a, size_t n);
char *sl_arena_strndup(sl_arena *a, const char *s, size_t n);
void sl_arena_free(sl_arena *a);

#endif
