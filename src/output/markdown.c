/*
 * markdown.c: the digest as Markdown (CommonMark with footnotes, as GitHub
 * renders them): a "Summary" heading, the summary as one paragraph with one
 * sentence a line, each followed by a footnote reference [^n], a "Timeline"
 * table (date, event, footnote references), then the footnotes naming the
 * sources.  Text is escaped so that no sentence turns
 * into markup: inline specials get a backslash, and so does what would
 * start a heading, list or quote at the beginning of a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/render.h"
#include "story/timeline.h"
#include "util/mem.h"

static void put_escaped(sl_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    /* block syntax at the start of a line */
    if (n && strchr("#+-=>|", s[0])) {
        sl_buf_putc(out, '\\');
    } else {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i > 0 && i < n && (s[i] == '.' || s[i] == ')')) {
            sl_buf_put(out, s, i);
            sl_buf_putc(out, '\\');
            s += i;
            n -= i;
        }
    }
    for (i = 0; i < n; i++) {
        if (strchr("\\`*_[]<>!|~", s[i]) && s[i])
            sl_buf_putc(out, '\\');
        sl_buf_putc(out, s[i]);
    }
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* The timeline as a table (Date | Event | Sources): the SL_TL_TEXT_CAP most
 * salient events in chronological order; sources the summary does not cite
 * get the next footnote numbers. */
static void render_timeline(sl_buf *out, const sl_digest *d, sl_cites *c)
{
    size_t i, k, shown = 0, *nums = NULL, nums_cap = 0;
    for (i = 0; i < d->ntimeline; i++)
        if (d->timeline[i].rank < SL_TL_TEXT_CAP)
            shown++;
    if (!shown)
        return;
    sl_buf_puts(out, "## Timeline\n\n| Date | Event | Sources |\n|---|---|---|\n");
    for (i = 0; i < d->ntimeline; i++) {
        const sl_tl_event *e = &d->timeline[i];
        if (e->rank >= SL_TL_TEXT_CAP)
            continue;
        sl_buf_puts(out, "| ");
        put_escaped(out, e->label, strlen(e->label));
        sl_buf_puts(out, " | ");
        put_escaped(out, e->text, strlen(e->text));
        sl_buf_puts(out, " |");
        if (e->ndocs > nums_cap)
            nums = sl_xgrow(nums, &nums_cap, e->ndocs, sizeof(*nums));
        for (k = 0; k < e->ndocs; k++)
            nums[k] = sl_cites_add(c, e->docs[k]);
        if (e->ndocs > 1)
            qsort(nums, e->ndocs, sizeof(*nums), cmp_size);
        for (k = 0; k < e->ndocs; k++)
            sl_buf_printf(out, " [^%zu]", nums[k]);
        sl_buf_puts(out, " |\n");
    }
    if (shown < d->ntimeline)
        sl_buf_printf(out, "\n%zu more dated event%s in the JSON output.\n", d->ntimeline - shown,
                      d->ntimeline - shown == 1 ? "" : "s");
    sl_buf_putc(out, '\n');
    free(nums);
}

int sl_render_markdown(const sl_digest *d, const sl_render_opts *opts, sl_buf *out)
{
    sl_cites c;
    size_t i;
    (void)opts;
    sl_cites_build(d, &c);
    sl_buf_puts(out, "## Summary\n\n");
    if (d->query) {
        sl_buf_puts(out, "*Query:* ");
        put_escaped(out, d->query, strlen(d->query));
        sl_buf_puts(out, "\n\n");
    }
    if (!d->nitems) {
        sl_buf_puts(out, sl_render_empty_reason(d));
        sl_buf_puts(out, "\n");
        sl_cites_free(&c);
        return SL_OK;
    }
    for (i = 0; i < d->nitems; i++) {
        const sl_summary_item *it = &d->items[i];
        put_escaped(out, it->text, it->len);
        sl_buf_printf(out, "[^%zu]\n", c.num[it->doc]);
    }
    sl_buf_putc(out, '\n');
    render_timeline(out, d, &c);
    for (i = 0; i < c.n; i++) {
        size_t doc = c.doc[i];
        const sl_doc *x = d->corpus->docs[doc];
        const char *label = sl_render_doc_label(d, doc), *title = sl_doc_title(x), *url = sl_doc_url(x);
        sl_date date;
        sl_buf_printf(out, "[^%zu]: ", i + 1);
        put_escaped(out, label, strlen(label));
        if (*title && strcmp(title, label) != 0) {
            sl_buf_puts(out, ", \xE2\x80\x9C");
            put_escaped(out, title, strlen(title));
            sl_buf_puts(out, "\xE2\x80\x9D");
        }
        if (sl_digest_doc_date(d, doc, &date) == SL_OK)
            sl_buf_printf(out, ", %s", date.value);
        if (*url) {
            sl_buf_puts(out, ", <");
            sl_buf_puts(out, url); /* URLs hold no spaces or angle brackets after reading */
            sl_buf_puts(out, ">");
        } else {
            sl_buf_puts(out, ", `");
            sl_buf_puts(out, sl_doc_path(x));
            sl_buf_puts(out, "`");
        }
        sl_buf_putc(out, '\n');
    }
    sl_cites_free(&c);
    return SL_OK;
}
