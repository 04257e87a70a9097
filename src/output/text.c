/*
 * text.c: the digest for a terminal: the headline and the dates the
 * sources span, the summary as one paragraph with a source mark ([1]) after
 * each sentence, then (when the stages found them) the timeline, the main
 * entities and where the sources agree and disagree, then the numbered
 * sources.  Lines are wrapped at the given width by display columns
 * (utf8proc's character widths, so CJK counts double); a mark is never
 * separated from the word before it, and a word longer than the width gets
 * a line of its own.  Colour (SL_RENDER_COLOR; the CLI sets it only on a
 * terminal without NO_COLOR) makes headings bold, marks citations and dims
 * details; without it the output is plain text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "output/render.h"
#include "story/timeline.h"
#include "util/mem.h"
#include "util/utf8.h"

#define C_MARK "\033[1;36m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"
#define C_BOLD "\033[1m"
#define C_DATE "\033[33m"
#define ENT_PER_TYPE 6

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

/* Starts a new line of output: the wrapper's column and glue are reset. */
static void new_line(wrap *w, size_t indent)
{
    w->col = 0;
    w->sep = 0;
    w->indent = indent;
}

static void spaces(wrap *w, size_t n)
{
    while (n--) {
        sl_buf_putc(w->out, ' ');
        w->col++;
    }
}

static void heading(wrap *w, const char *title, int color)
{
    sl_buf_printf(w->out, "\n%s%s%s\n", color ? C_BOLD : "", title, color ? C_OFF : "");
    new_line(w, 0);
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* The marks of several documents glued together, in number order: "[1][3]". */
static void marks(sl_buf *tail, size_t *cols, const sl_cites *c, const size_t *docs, size_t n,
                  size_t ndocs, int color)
{
    size_t i, k = 0, *nums = sl_xcalloc(n ? n : 1, sizeof(*nums));
    sl_buf_clear(tail);
    *cols = 0;
    for (i = 0; i < n; i++)
        if (docs[i] < ndocs && c->num[docs[i]])
            nums[k++] = c->num[docs[i]];
    if (k > 1)
        qsort(nums, k, sizeof(*nums), cmp_size);
    for (i = 0; i < k; i++) {
        char m[32];
        int len = snprintf(m, sizeof(m), "[%zu]", nums[i]);
        if (!tail->len) {
            sl_buf_putc(tail, ' ');
            (*cols)++;
        }
        sl_buf_printf(tail, "%s%s%s", color ? C_MARK : "", m, color ? C_OFF : "");
        *cols += (size_t)len;
    }
    free(nums);
    if (!tail->ptr)
        sl_buf_puts(tail, "");
}

static void put_text(wrap *w, const char *s)
{
    put_words(w, s, strlen(s), NULL, 0);
}

/* The timeline: the SL_TL_TEXT_CAP most salient events, in chronological
 * order, the date in a column (the text under it on a narrow terminal), then
 * the event and its source marks. */
static void timeline(wrap *w, const sl_digest *d, const sl_cites *c, int color)
{
    size_t i, datew = 0, shown = 0;
    sl_buf tail = SL_BUF_INIT, more = SL_BUF_INIT;
    for (i = 0; i < d->ntimeline; i++) {
        size_t cols;
        if (d->timeline[i].rank >= SL_TL_TEXT_CAP)
            continue;
        shown++;
        cols = columns(d->timeline[i].label, strlen(d->timeline[i].label));
        if (cols > datew)
            datew = cols;
    }
    if (!shown)
        return;
    heading(w, "Timeline", color);
    if (datew > 24)
        datew = 24;
    if (2 + datew + 2 + 20 > w->width) /* a narrow terminal: the text under the date */
        datew = 0;
    for (i = 0; i < d->ntimeline; i++) {
        const sl_tl_event *e = &d->timeline[i];
        size_t cols, tcols;
        if (e->rank >= SL_TL_TEXT_CAP)
            continue;
        cols = columns(e->label, strlen(e->label));
        new_line(w, datew ? 2 + datew + 2 : 4);
        spaces(w, 2);
        if (color)
            sl_buf_puts(w->out, C_DATE);
        sl_buf_puts(w->out, e->label);
        if (color)
            sl_buf_puts(w->out, C_OFF);
        w->col += cols;
        if (datew) {
            spaces(w, cols < datew ? datew - cols + 2 : 2);
        } else {
            sl_buf_putc(w->out, '\n');
            new_line(w, 4);
            spaces(w, 4);
        }
        marks(&tail, &tcols, c, e->docs, e->ndocs, d->corpus->n, color);
        put_words(w, e->text ? e->text : "", e->text ? strlen(e->text) : 0, tail.ptr, tcols);
        sl_buf_putc(w->out, '\n');
    }
    if (shown < d->ntimeline) {
        new_line(w, 2);
        spaces(w, 2);
        sl_buf_printf(&more, "(%zu more dated event%s in --format json)", d->ntimeline - shown,
                      d->ntimeline - shown == 1 ? "" : "s");
        put_text(w, more.ptr);
        sl_buf_putc(w->out, '\n');
    }
    sl_buf_free(&tail);
    sl_buf_free(&more);
}

static void entities(wrap *w, const sl_digest *d, int color)
{
    static const sl_entity_type types[] = {SL_ENT_PERSON, SL_ENT_LOCATION, SL_ENT_ORGANIZATION,
                                           SL_ENT_OTHER};
    size_t n = sl_entities_count(d->entities), t, i;
    sl_buf item = SL_BUF_INIT;
    if (!n)
        return;
    heading(w, "Who and where", color);
    for (t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
        size_t shown = 0;
        for (i = 0; i < n && shown < ENT_PER_TYPE; i++) {
            const sl_entity *e = sl_entities_get(d->entities, i);
            if (e->type != types[t])
                continue;
            if (!shown) {
                new_line(w, 4);
                spaces(w, 2);
                sl_buf_clear(&item);
                sl_buf_printf(&item, "%s:", sl_render_entity_heading(types[t]));
                put_text(w, item.ptr);
            }
            sl_buf_clear(&item);
            sl_buf_printf(&item, "%s (%zu)", e->name, e->nmentions);
            for (i++; i < n; i++) /* a comma when another of this type follows */
                if (sl_entities_get(d->entities, i)->type == types[t])
                    break;
            if (i < n && shown + 1 < ENT_PER_TYPE)
                sl_buf_putc(&item, ',');
            i--;
            put_text(w, item.ptr);
            shown++;
        }
        if (shown)
            sl_buf_putc(w->out, '\n');
    }
    sl_buf_free(&item);
}

static void comparison(wrap *w, const sl_digest *d, const sl_cites *c, int color)
{
    size_t i, j, cols;
    sl_buf line = SL_BUF_INIT, tail = SL_BUF_INIT;
    if (!d->nagree && !d->ndisagree)
        return;
    heading(w, "Sources compared", color);
    for (i = 0; i < d->ndisagree; i++) {
        const sl_cmp_item *it = &d->disagree[i];
        new_line(w, 4);
        spaces(w, 2);
        put_text(w, color ? C_BOLD "Disagree:" C_OFF : "Disagree:");
        put_text(w, it->about ? it->about : "");
        sl_buf_putc(w->out, '\n');
        for (j = 0; j < it->nclaims; j++) {
            const sl_claim *cl = &it->claims[j];
            size_t one = cl->doc;
            marks(&tail, &cols, c, &one, 1, d->corpus->n, color);
            new_line(w, 6);
            spaces(w, 4);
            sl_buf_clear(&line);
            sl_buf_printf(&line, "%s:", cl->value ? cl->value : "");
            put_text(w, line.ptr);
            sl_buf_clear(&line);
            sl_buf_printf(&line, "\xE2\x80\x9C%s\xE2\x80\x9D", cl->text ? cl->text : "");
            put_words(w, line.ptr, line.len, tail.ptr, cols);
            sl_buf_putc(w->out, '\n');
        }
    }
    for (i = 0; i < d->nagree; i++) {
        const sl_cmp_item *it = &d->agree[i];
        size_t *docs = malloc((it->nclaims ? it->nclaims : 1) * sizeof(*docs));
        if (!docs)
            break;
        for (j = 0; j < it->nclaims; j++)
            docs[j] = it->claims[j].doc;
        marks(&tail, &cols, c, docs, it->nclaims, d->corpus->n, color);
        free(docs);
        new_line(w, 4);
        spaces(w, 2);
        put_text(w, color ? C_BOLD "Agree:" C_OFF : "Agree:");
        sl_buf_clear(&line);
        sl_buf_printf(&line, "%s: %s", it->about ? it->about : "",
                      it->value ? it->value : it->nclaims ? it->claims[0].value : "");
        put_words(w, line.ptr, line.len, tail.ptr, cols);
        sl_buf_putc(w->out, '\n');
    }
    sl_buf_free(&line);
    sl_buf_free(&tail);
}

int sl_render_text(const sl_digest *d, const sl_render_opts *opts, sl_buf *out)
{
    int color = (opts->flags & SL_RENDER_COLOR) != 0;
    wrap w;
    sl_cites c;
    size_t i;
    char mark[64];
    const char *headline = sl_render_headline(d);
    sl_buf meta = SL_BUF_INIT;

    w.out = out;
    w.width = opts->width >= 20 ? opts->width : (opts->width ? 20 : 80);
    new_line(&w, 0);
    sl_cites_build(d, &c);
    if (headline) {
        if (color)
            sl_buf_puts(out, C_BOLD);
        put_text(&w, headline);
        if (color)
            sl_buf_puts(out, C_OFF);
        sl_buf_putc(out, '\n');
        new_line(&w, 0);
    }
    sl_buf_printf(&meta, "%zu source%s", d->corpus->n, d->corpus->n == 1 ? "" : "s");
    {
        sl_buf span = SL_BUF_INIT;
        if (sl_render_docs_span(&span, d))
            sl_buf_printf(&meta, " \xC2\xB7 published %s", span.ptr);
        sl_buf_free(&span);
    }
    if (color)
        sl_buf_puts(out, C_DIM);
    put_text(&w, meta.ptr);
    if (color)
        sl_buf_puts(out, C_OFF);
    sl_buf_puts(out, "\n\n");
    new_line(&w, 0);
    sl_buf_free(&meta);
    if (d->query) {
        put_words(&w, "Query:", 6, NULL, 0);
        put_words(&w, d->query, strlen(d->query), NULL, 0);
        sl_buf_puts(out, "\n\n");
        new_line(&w, 0);
    }
    if (!d->nitems) {
        const char *why = sl_render_empty_reason(d);
        put_words(&w, why, strlen(why), NULL, 0);
        sl_buf_putc(out, '\n');
    }
    for (i = 0; i < d->nitems; i++) {
        const sl_summary_item *it = &d->items[i];
        size_t num = c.num[it->doc];
        size_t mc = (size_t)snprintf(mark, sizeof(mark), " [%zu]", num);
        snprintf(mark, sizeof(mark), " %s[%zu]%s", color ? C_MARK : "", num, color ? C_OFF : "");
        put_words(&w, it->text, it->len, mark, mc);
    }
    if (d->nitems)
        sl_buf_putc(out, '\n');
    timeline(&w, d, &c, color);
    entities(&w, d, color);
    comparison(&w, d, &c, color);
    if (c.n)
        sl_buf_puts(out, "\nSources:\n");
    for (i = 0; i < c.n; i++) {
        size_t doc = c.doc[i];
        const sl_doc *x = d->corpus->docs[doc];
        const char *label = sl_render_doc_label(d, doc);
        const char *title = sl_doc_title(x);
        sl_date date;
        sl_buf line = SL_BUF_INIT;
        int n = snprintf(mark, sizeof(mark), "[%zu]", i + 1);
        new_line(&w, (size_t)n + 1);
        put_word(&w, mark, (size_t)n, (size_t)n);
        put_words(&w, label, strlen(label), NULL, 0);
        if (color)
            sl_buf_puts(out, C_DIM);
        if (*title && strcmp(title, label) != 0) {
            sl_buf_printf(&line, "\xE2\x80\x94 %s", title);
            put_words(&w, line.ptr, line.len, NULL, 0);
        }
        if (sl_digest_doc_date(d, doc, &date) == SL_OK) {
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
    if (c.n && c.n < d->corpus->n)
        sl_buf_printf(out, "(%zu other document%s not cited)\n", d->corpus->n - c.n,
                      d->corpus->n - c.n == 1 ? "" : "s");
    sl_cites_free(&c);
    return SL_OK;
}
