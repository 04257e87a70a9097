/*
 * text.c: the digest for a terminal: the summary as one paragraph, a source
 * mark ([1]) after each sentence, then the numbered sources.  Lines are
 * wrapped at the given width by display columns (utf8proc's character
 * widths, so CJK counts double); a mark is never separated from the word
 * before it, and a word longer than the width gets a line of its own.
 * Colour (SL_RENDER_COLOR) marks citations and dims the source details.
 * After the summary come the main entities and the comparison of sources
 * (what they state differently, each value with its sources and their
 * sentences; then what two or more state alike), before the sources.
 */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "output/render.h"
#include "util/utf8.h"

#define C_MARK "\033[1;36m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"

typedef struct wrap {
    sl_buf *out;
    size_t width;  /* columns */
    size_t col;    /* current column */
    size_t indent; /* columns of continuation lines */
    int sep;       /* a space is due before the next word */
} wrap;

static size_t columns(const char *s, size_t n)
{
    size_t i = 0, c = 0;
    while (i < n) {
        uint32_t cp;
        int k = sl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k < 0) {
            k = 1;
            c++;
        } else if (cp >= 0x20) {
            int w = utf8proc_charwidth((utf8proc_int32_t)cp);
            c += w > 0 ? (size_t)w : 0;
        }
        i += (size_t)k;
    }
    return c;
}

/* Appends a word of `cols` visible columns (its bytes may hold escapes). */
static void put_word(wrap *w, const char *s, size_t n, size_t cols)
{
    if (w->sep && w->col > w->indent && w->col + 1 + cols > w->width) {
        sl_buf_putc(w->out, '\n');
        for (w->col = 0; w->col < w->indent; w->col++)
            sl_buf_putc(w->out, ' ');
    } else if (w->sep) {
        sl_buf_putc(w->out, ' ');
        w->col++;
    }
    sl_buf_put(w->out, s, n);
    w->col += cols;
    w->sep = 1;
}

/* Appends the words of text; `tail` (with `tail_cols` columns) is glued to
 * the last word, e.g. " [1]". */
static void put_words(wrap *w, const char *s, size_t n, const char *tail, size_t tail_cols)
{
    size_t i = 0;
    sl_buf word = SL_BUF_INIT;
    while (i < n) {
        size_t a, cols;
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        a = i;
        while (i < n && s[i] != ' ')
            i++;
        cols = columns(s + a, i - a);
        sl_buf_clear(&word);
        sl_buf_put(&word, s + a, i - a);
        {
            size_t j = i;
            while (j < n && s[j] == ' ')
                j++;
            if (j >= n && tail) {
                sl_buf_puts(&word, tail);
                cols += tail_cols;
            }
        }
        put_word(w, word.ptr, word.len, cols);
    }
    sl_buf_free(&word);
}

/* Starts a new line whose continuation lines are indented. */
static void new_line(wrap *w, size_t indent)
{
    w->col = 0;
    w->sep = 0;
    w->indent = indent;
}

/* A source mark "[3]", with `tail` glued after it (";"). */
static void put_mark(wrap *w, size_t num, int color, const char *tail)
{
    char mark[64];
    int k = snprintf(mark, sizeof(mark), "%s[%zu]%s%s", color ? C_MARK : "", num, color ? C_OFF : "",
                     tail);
    size_t cols = (size_t)snprintf(NULL, 0, "[%zu]%s", num, tail);
    (void)k;
    put_word(w, mark, strlen(mark), cols);
}

/* "Main entities: Kim Jong Un (person, 4 sources), ..." */
static void put_entities(wrap *w, const sl_digest *d)
{
    size_t i, n = sl_entities_count(d->entities);
    sl_buf b = SL_BUF_INIT;
    if (!n)
        return;
    new_line(w, 2);
    put_words(w, "Main entities:", 14, NULL, 0);
    for (i = 0; i < n && i < SL_RENDER_MAX_ENTITIES; i++) {
        const sl_entity *e = sl_entities_get(d->entities, i);
        sl_buf_clear(&b);
        sl_buf_printf(&b, "%s (%s, %zu source%s)%s", e->name, sl_render_entity_type(e->type), e->ndocs,
                      e->ndocs == 1 ? "" : "s", i + 1 < n && i + 1 < SL_RENDER_MAX_ENTITIES ? "," : "");
        put_words(w, b.ptr, b.len, NULL, 0);
    }
    if (n > SL_RENDER_MAX_ENTITIES) {
        sl_buf_clear(&b);
        sl_buf_printf(&b, "and %zu more.", n - SL_RENDER_MAX_ENTITIES);
        put_words(w, b.ptr, b.len, NULL, 0);
    }
    sl_buf_puts(w->out, "\n");
    sl_buf_free(&b);
}

/* One item: "- about: value [1] [3]; value [2]", then for a disagreement
 * each claim's sentence on its own indented line. */
static void put_item(wrap *w, const sl_digest *d, const sl_cmp_item *it, sl_cites *c, int color,
                     int disagree)
{
    size_t i, j;
    sl_buf b = SL_BUF_INIT;
    new_line(w, 2);
    sl_buf_printf(&b, "- %s:", it->about);
    put_words(w, b.ptr, b.len, NULL, 0);
    if (!disagree) {
        put_words(w, it->value, strlen(it->value), NULL, 0);
        for (i = 0; i < it->nclaims; i++)
            put_mark(w, sl_cites_add(c, it->claims[i].doc), color, "");
    } else {
        /* each value once, with the documents that give it */
        size_t last = 0;
        for (i = 0; i < it->nclaims; i++) /* the last value's first claim */
            for (j = 0; j <= i; j++)
                if (strcmp(it->claims[j].value, it->claims[i].value) == 0) {
                    if (j == i)
                        last = i;
                    break;
                }
        for (i = 0; i < it->nclaims; i++) {
            size_t lastj = i;
            for (j = 0; j < i; j++)
                if (strcmp(it->claims[j].value, it->claims[i].value) == 0)
                    break;
            if (j < i)
                continue;
            put_words(w, it->claims[i].value, strlen(it->claims[i].value), NULL, 0);
            for (j = i; j < it->nclaims; j++)
                if (strcmp(it->claims[j].value, it->claims[i].value) == 0)
                    lastj = j;
            for (j = i; j < it->nclaims; j++)
                if (strcmp(it->claims[j].value, it->claims[i].value) == 0)
                    put_mark(w, sl_cites_add(c, it->claims[j].doc), color, j == lastj && i != last ? ";" : "");
        }
        for (i = 0; i < it->nclaims; i++) {
            sl_buf_putc(w->out, '\n');
            new_line(w, 6);
            sl_buf_puts(w->out, "    ");
            w->col = 4;
            put_mark(w, sl_cites_add(c, it->claims[i].doc), color, "");
            put_words(w, it->claims[i].text, strlen(it->claims[i].text), NULL, 0);
        }
    }
    sl_buf_putc(w->out, '\n');
    sl_buf_free(&b);
    (void)d;
}

static void put_items(wrap *w, const sl_digest *d, const sl_cmp_item *v, size_t n, sl_cites *c,
                      int color, int disagree)
{
    size_t i;
    if (!n)
        return;
    sl_buf_puts(w->out, disagree ? "\nSources disagree:\n" : "\nSources agree:\n");
    for (i = 0; i < n && i < SL_RENDER_MAX_ITEMS; i++)
        put_item(w, d, &v[i], c, color, disagree);
    if (n > SL_RENDER_MAX_ITEMS)
        sl_buf_printf(w->out, "  (%zu more in the JSON output)\n", n - SL_RENDER_MAX_ITEMS);
}

/* The entities and the comparison, between the summary and the sources. */
static void put_sections(wrap *w, const sl_digest *d, sl_cites *c, int color)
{
    if (sl_entities_count(d->entities)) {
        sl_buf_putc(w->out, '\n');
        put_entities(w, d);
    }
    put_items(w, d, d->disagree, d->ndisagree, c, color, 1);
    put_items(w, d, d->agree, d->nagree, c, color, 0);
}

int sl_render_text(const sl_digest *d, const sl_render_opts *opts, sl_buf *out)
{
    int color = (opts->flags & SL_RENDER_COLOR) != 0;
    wrap w;
    sl_cites c;
    size_t i;
    char mark[64];

    w.out = out;
    w.width = opts->width >= 20 ? opts->width : (opts->width ? 20 : 80);
    w.col = 0;
    w.indent = 0;
    w.sep = 0;
    sl_cites_build(d, &c);
    if (d->query) {
        put_words(&w, "Query:", 6, NULL, 0);
        put_words(&w, d->query, strlen(d->query), NULL, 0);
        sl_buf_puts(out, "\n\n");
        w.col = 0;
        w.sep = 0;
    }
    if (!d->nitems) {
        const char *why = sl_render_empty_reason(d);
        put_words(&w, why, strlen(why), NULL, 0);
        sl_buf_putc(out, '\n');
        if (!sl_entities_count(d->entities) && !d->nagree && !d->ndisagree) {
            sl_cites_free(&c);
            return SL_OK;
        }
    }
    for (i = 0; i < d->nitems; i++) {
        const sl_summary_item *it = &d->items[i];
        size_t num = c.num[it->doc];
        int k = snprintf(mark, sizeof(mark), " %s[%zu]%s", color ? C_MARK : "", num,
                         color ? C_OFF : "");
        size_t mc = (size_t)snprintf(NULL, 0, " [%zu]", num);
        (void)k;
        put_words(&w, it->text, it->len, mark, mc);
    }
    if (d->nitems)
        sl_buf_putc(out, '\n');
    put_sections(&w, d, &c, color);
    if (!c.n) {
        sl_cites_free(&c);
        return SL_OK;
    }
    sl_buf_puts(out, "\nSources:\n");
    for (i = 0; i < c.n; i++) {
        size_t doc = c.doc[i];
        const sl_doc *x = d->corpus->docs[doc];
        const char *label = sl_render_doc_label(d, doc);
        const char *title = sl_doc_title(x);
        sl_date date;
        sl_buf line = SL_BUF_INIT;
        int n = snprintf(mark, sizeof(mark), "[%zu]", i + 1);
        w.col = 0;
        w.sep = 0;
        w.indent = (size_t)n + 1;
        put_word(&w, mark, (size_t)n, (size_t)n);
        put_words(&w, label, strlen(label), NULL, 0);
        if (color)
            sl_buf_puts(out, C_DIM);
        if (*title && strcmp(title, label) != 0) {
            sl_buf_printf(&line, "\xE2\x80\x94 %s", title);
            put_words(&w, line.ptr, line.len, NULL, 0);
        }
        if (sl_doc_date(x, &date) == SL_OK) {
            sl_buf_clear(&line);
            sl_buf_printf(&line, "(%s)", date.value);
            put_words(&w, line.ptr, line.len, NULL, 0);
        }
        sl_buf_clear(&line);
        sl_buf_puts(&line, sl_doc_path(x));
        put_words(&w, line.ptr, line.len, NULL, 0);
        if (color)
            sl_buf_puts(out, C_OFF);
        sl_buf_putc(out, '\n');
        sl_buf_free(&line);
    }
    if (c.n < d->corpus->n)
        sl_buf_printf(out, "(%zu other document%s not cited)\n", d->corpus->n - c.n,
                      d->corpus->n - c.n == 1 ? "" : "s");
    sl_cites_free(&c);
    return SL_OK;
}
