/*
 * fuzz_compare.c: libFuzzer target over the comparison of sources
 * (src/story/facts.c, src/story/compare.c).  The input is cut into up to
 * four articles at form feeds ("\f"); the first byte picks each article's
 * date, so relative dates resolve, or none.  Whatever the bytes, comparing
 * must not crash, leak or hang, and every item must hold: two or more
 * claims from two or more articles, each naming a sentence of its article,
 * with a value; agreements with a value, disagreements without; and the
 * baseline that compares every pair gives the same items.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "story/compare.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *user, const char *input, int code, const char *msg)
{
    (void)user;
    (void)input;
    (void)code;
    (void)msg;
}

static void check(const sl_corpus *c, const sl_cmp_item *v, size_t n, int agree)
{
    size_t i, j;
    for (i = 0; i < n; i++) {
        size_t docs = 0;
        if (!v[i].about || !v[i].kind || v[i].nclaims < 2 || (agree != (v[i].value != NULL)))
            __builtin_trap();
        for (j = 0; j < v[i].nclaims; j++) {
            const sl_claim *cl = &v[i].claims[j];
            if (cl->doc >= c->n || cl->sentence >= c->docs[cl->doc]->nsents || !cl->text || !cl->value ||
                !*cl->value)
                __builtin_trap();
            if (j && cl->doc < v[i].claims[j - 1].doc)
                __builtin_trap();
            docs += !j || cl->doc != v[i].claims[j - 1].doc;
        }
        if (docs < 2)
            __builtin_trap();
    }
}

static int same(const sl_cmp_result *a, const sl_cmp_result *b)
{
    size_t k, i;
    if (a->nagree != b->nagree || a->ndisagree != b->ndisagree)
        return 0;
    for (k = 0; k < 2; k++) {
        const sl_cmp_item *x = k ? a->agree : a->disagree, *y = k ? b->agree : b->disagree;
        size_t n = k ? a->nagree : a->ndisagree;
        for (i = 0; i < n; i++)
            if (strcmp(x[i].about, y[i].about) != 0 || x[i].nclaims != y[i].nclaims)
                return 0;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    static const char *const dates[] = {NULL, "2018-04-27", "2026-03-05", "1999-12-31"};
    sl_corpus *c;
    sl_entities *e;
    sl_cmp_result r1, r2;
    sl_cmp_opts o;
    size_t start = 1, i, ndocs = 0;
    if (size < 2 || size > (1u << 16))
        return 0;
    if (!ctx) {
        ctx = sl_ctx_new();
        sl_ctx_set_diag(ctx, ignore, NULL);
    }
    c = sl_corpus_new(ctx);
    for (i = 1; i <= size && ndocs < 4; i++) {
        if (i == size || data[i] == '\f') {
            char name[32];
            snprintf(name, sizeof(name), "a%zu.txt", ndocs);
            if (i > start)
                sl_corpus_add_buffer(ctx, c, name, (const char *)data + start, i - start, NULL);
            start = i + 1;
            ndocs++;
        }
    }
    if (dates[data[0] % 4])
        sl_corpus_set_date(ctx, c, dates[data[0] % 4]);
    e = sl_entities_new(ctx, c);
    memset(&o, 0, sizeof(o));
    sl_compare(ctx, c->docs, c->n, e, &o, &r1);
    check(c, r1.agree, r1.nagree, 1);
    check(c, r1.disagree, r1.ndisagree, 0);
    o.all_pairs = 1;
    sl_compare(ctx, c->docs, c->n, e, &o, &r2);
    if (!same(&r1, &r2))
        __builtin_trap();
    sl_cmp_result_free(&r1);
    sl_cmp_result_free(&r2);
    sl_entities_free(e);
    sl_corpus_free(c);
    return 0;
}
