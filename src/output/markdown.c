/*
 * markdown.c: the digest as Markdown (CommonMark with footnotes, as GitHub
 * renders them): a "Summary" heading, the summary as one paragraph with one
 * sentence a line, each followed by a footnote reference [^n], then the
 * footnotes naming the sources.  Text is escaped so that no sentence turns
 * into markup: inline specials get a backslash, and so does what would
 * start a heading, list or quote at the beginning of a line.
 */
#include <stdio.h>
#include <string.h>

#include "output/render.h"

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
        if (sl_doc_date(x, &date) == SL_OK)
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
