/*
 * text.c: the digest for a terminal: the summary as one paragraph, a source
 * mark ([1]) after each sentence, the timeline (a date column, each event
 * with its marks), then the numbered sources.  Lines are
 * wrapped at the given width by display columns (utf8proc's character
 * widths, so CJK counts double); a mark is never separated from the word
 * before it, and a word longer than the width gets a line of its own.
 * Colour (SL_RENDER_COLOR) marks citations and dims the source details.
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

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* The timeline section: the SL_TL_TEXT_CAP most salient events in
 * chronological order, the date in a column, then the text and its source
 * marks; sources the summary does not cite get the next numbers. */
static void render_timeline(wrap *w, const sl_digest *d, sl_cites *c, int color)
{
    size_t i, k, labelw = 0, shown = 0, *nums = NULL, nums_cap = 0;
    char mark[64];
    sl_buf marks = SL_BUF_INIT;
    for (i = 0; i < d->ntimeline; i++)
        if (d->timeline[i].rank < SL_TL_TEXT_CAP) {
            size_t lw = columns(d->timeline[i].label, strlen(d->timeline[i].label));
            if (lw > labelw)
                labelw = lw;
            shown++;
        }
    if (!shown)
        return;
    if (labelw > 24)
        labelw = 24;
    sl_buf_puts(w->out, "\n\nTimeline:");
    for (i = 0; i < d->ntimeline; i++) {
        const sl_tl_event *e = &d->timeline[i];
        size_t lw = columns(e->label, strlen(e->label)), mc = 0;
        if (e->rank >= SL_TL_TEXT_CAP)
            continue;
        sl_buf_puts(w->out, "\n  ");
        sl_buf_puts(w->out, e->label);
        w->col = 2 + lw;
        do {
            sl_buf_putc(w->out, ' ');
            w->col++;
        } while (w->col < 2 + labelw + 2);
        w->indent = 2 + labelw + 2;
        w->sep = 0;
        sl_buf_clear(&marks);
        if (e->ndocs > nums_cap)
            nums = sl_xgrow(nums, &nums_cap, e->ndocs, sizeof(*nums));
        for (k = 0; k < e->ndocs; k++)
            nums[k] = sl_cites_add(c, e->docs[k]);
        if (e->ndocs > 1)
            qsort(nums, e->ndocs, sizeof(*nums), cmp_size);
        for (k = 0; k < e->ndocs; k++) {
            size_t num = nums[k];
            int n = snprintf(mark, sizeof(mark), "%s%s[%zu]%s", k ? "" : " ", color ? C_MARK : "", num,
                             color ? C_OFF : "");
            sl_buf_put(&marks, mark, (size_t)(n > 0 ? n : 0));
            mc += (size_t)snprintf(NULL, 0, "%s[%zu]", k ? "" : " ", num);
        }
        sl_buf_puts(&marks, "");
        put_words(w, e->text, strlen(e->text), marks.ptr, mc);
    }
    if (shown < d->ntimeline)
        sl_buf_printf(w->out, "\n  (%zu more dated event%s in --format json)", d->ntimeline - shown,
                      d->ntimeline - shown == 1 ? "" : "s");
    w->indent = 0;
    sl_buf_free(&marks);
    free(nums);
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
        sl_cites_free(&c);
        return SL_OK;
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
    render_timeline(&w, d, &c, color);
    sl_buf_puts(out, "\n\nSources:\n");
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
    if (c.n < d->corpus->n)
        sl_buf_printf(out, "(%zu other document%s not cited)\n", d->corpus->n - c.n,
                      d->corpus->n - c.n == 1 ? "" : "s");
    sl_cites_free(&c);
    return SL_OK;
}
