/*
 * markdown.c: the digest as Markdown (CommonMark with footnotes, as GitHub
 * renders them): a "Summary" heading, the summary as one paragraph with one
 * sentence a line, each followed by a footnote reference [^n], then the
 * footnotes naming the sources.  Text is escaped so that no sentence turns
 * into markup: inline specials get a backslash, and so does what would
 * start a heading, list or quote at the beginning of a line.  After the
 * summary: "Entities" (the main ones, with their types, sources and other
 * names) and "Comparison of sources" (disagreements, each value with its
 * sources and a quote of each claim; then agreements), before the
 * footnotes, which number every document cited anywhere.
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

static void put_entities(sl_buf *out, const sl_digest *d)
{
    size_t i, j, n = sl_entities_count(d->entities);
    if (!n)
        return;
    sl_buf_puts(out, "## Entities\n\n");
    for (i = 0; i < n && i < SL_RENDER_MAX_ENTITIES; i++) {
        const sl_entity *e = sl_entities_get(d->entities, i);
        sl_buf_puts(out, "- **");
        put_escaped(out, e->name, strlen(e->name));
        sl_buf_printf(out, "** (%s, %zu source%s", sl_render_entity_type(e->type), e->ndocs,
                      e->ndocs == 1 ? "" : "s");
        for (j = 0; j < e->naliases && j < 3; j++) {
            sl_buf_puts(out, j ? ", " : "; also ");
            put_escaped(out, e->aliases[j], strlen(e->aliases[j]));
        }
        sl_buf_puts(out, ")\n");
    }
    if (n > SL_RENDER_MAX_ENTITIES)
        sl_buf_printf(out, "- and %zu more\n", n - SL_RENDER_MAX_ENTITIES);
    sl_buf_putc(out, '\n');
}

static void put_item(sl_buf *out, const sl_cmp_item *it, sl_cites *c, int disagree)
{
    size_t i, j;
    sl_buf_puts(out, "- **");
    put_escaped(out, it->about, strlen(it->about));
    sl_buf_puts(out, "**: ");
    if (!disagree) {
        put_escaped(out, it->value, strlen(it->value));
        for (i = 0; i < it->nclaims; i++)
            sl_buf_printf(out, "[^%zu]", sl_cites_add(c, it->claims[i].doc));
        sl_buf_putc(out, '\n');
        return;
    }
    for (i = 0; i < it->nclaims; i++) {
        int first = 1;
        for (j = 0; j < i; j++)
            if (strcmp(it->claims[j].value, it->claims[i].value) == 0)
                first = 0;
        if (!first)
            continue;
        if (i)
            sl_buf_puts(out, "; ");
        put_escaped(out, it->claims[i].value, strlen(it->claims[i].value));
        for (j = i; j < it->nclaims; j++)
            if (strcmp(it->claims[j].value, it->claims[i].value) == 0)
                sl_buf_printf(out, "[^%zu]", sl_cites_add(c, it->claims[j].doc));
    }
    sl_buf_putc(out, '\n');
    for (i = 0; i < it->nclaims; i++) {
        sl_buf_puts(out, "  - \xE2\x80\x9C");
        put_escaped(out, it->claims[i].text, strlen(it->claims[i].text));
        sl_buf_printf(out, "\xE2\x80\x9D[^%zu]\n", sl_cites_add(c, it->claims[i].doc));
    }
}

static void put_comparison(sl_buf *out, const sl_digest *d, sl_cites *c)
{
    size_t i, k;
    if (!d->nagree && !d->ndisagree)
        return;
    sl_buf_puts(out, "## Comparison of sources\n\n");
    for (k = 0; k < 2; k++) {
        const sl_cmp_item *v = k ? d->agree : d->disagree;
        size_t n = k ? d->nagree : d->ndisagree;
        if (!n)
            continue;
        sl_buf_puts(out, k ? "### Agreements\n\n" : "### Disagreements\n\n");
        for (i = 0; i < n && i < SL_RENDER_MAX_ITEMS; i++)
            put_item(out, &v[i], c, !k);
        if (n > SL_RENDER_MAX_ITEMS)
            sl_buf_printf(out, "- and %zu more in the JSON output\n", n - SL_RENDER_MAX_ITEMS);
        sl_buf_putc(out, '\n');
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
    }
    for (i = 0; i < d->nitems; i++) {
        const sl_summary_item *it = &d->items[i];
        put_escaped(out, it->text, it->len);
        sl_buf_printf(out, "[^%zu]\n", c.num[it->doc]);
    }
    sl_buf_putc(out, '\n');
    put_entities(out, d);
    put_comparison(out, d, &c);
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
