/*
 * sentences.c: sentence boundaries (see sentences.h).
 * FIRST VERSION: breaks after . ! ? followed by space and an upper-case letter.
 */
#include "analysis/sentences.h"

#include "util/mem.h"

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void emit(const char *text, size_t a, size_t b, size_t base, sl_span **spans, size_t *n,
                 size_t *cap)
{
    sl_span s;
    while (a < b && is_space(text[a]))
        a++;
    while (b > a && is_space(text[b - 1]))
        b--;
    if (b <= a)
        return;
    s.start = base + a;
    s.end = base + b;
    SL_PUSH(*spans, *n, *cap, s);
}

void sl_sentences_split(sl_ctx *ctx, const char *text, size_t len, size_t base, sl_span **spans,
                        size_t *n, size_t *cap)
{
    size_t i, start = 0;
    (void)ctx;
    for (i = 0; i < len; i++) {
        char c = text[i];
        if (c == '\n' && i + 1 < len && text[i + 1] == '\n') {
            emit(text, start, i, base, spans, n, cap);
            start = i + 1;
        } else if ((c == '.' || c == '!' || c == '?') && i + 2 < len && text[i + 1] == ' ' &&
                   text[i + 2] >= 'A' && text[i + 2] <= 'Z') {
            emit(text, start, i + 1, base, spans, n, cap);
            start = i + 1;
        }
    }
    emit(text, start, len, base, spans, n, cap);
}
