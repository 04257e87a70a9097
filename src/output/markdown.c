/*
 * markdown.c: the digest as Markdown for notes and wikis (CommonMark with
 * GitHub's tables and footnotes): the headline and dates, a "Summary"
 * heading, the summary as one paragraph with one sentence a line, each
 * followed by a footnote reference [^n]; then, when the stages found them,
 * the timeline as a table, the main entities, and where the sources agree
 * and disagree (a table of the claims); then the footnotes naming the
 * sources.  Text is escaped so that no sentence turns into markup: inline
 * specials get a backslash, and so does what would start a heading, list or
 * quote at the beginning of a line; table cells hold no line breaks.
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

/* Inline text on one line: white space runs become one space. */
static void put_inline(sl_buf *out, const char *s)
{
    sl_buf b = SL_BUF_INIT;
    int space = 0;
    for (; s && *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v') {
            space = 1;
        } else {
            if (space && b.len)
                sl_buf_putc(&b, ' ');
            sl_buf_putc(&b, *s);
            space = 0;
        }
    }
    if (b.len)
        put_escaped(out, b.ptr, b.len);
    sl_buf_free(&b);
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* Footnote references of several documents, in number order. */
static void footrefs(sl_buf *out, const sl_cites *c, const size_t *docs, size_t n, size_t ndocs)
{
    size_t i, k = 0, *nums = sl_xcalloc(n ? n : 1, sizeof(*nums));
    for (i = 0; i < n; i++)
        if (docs[i] < ndocs && c->num[docs[i]])
            nums[k++] = c->num[docs[i]];
    if (k > 1)
        qsort(nums, k, sizeof(*nums), cmp_size);
    for (i = 0; i < k; i++)
        sl_buf_printf(out, "[^%zu]", nums[i]);
    free(nums);
}

/* The timeline as a table (Date | Event | Sources): the SL_TL_TEXT_CAP most
 * salient events in chronological order. */
static void timeline(sl_buf *out, const sl_digest *d, const sl_cites *c)
{
    size_t i, shown = 0;
    for (i = 0; i < d->ntimeline; i++)
        if (d->timeline[i].rank < SL_TL_TEXT_CAP)
            shown++;
    if (!shown)
        return;
    sl_buf_puts(out, "\n## Timeline\n\n| Date | Event | Sources |\n|---|---|---|\n");
    for (i = 0; i < d->ntimeline; i++) {
        const sl_tl_event *e = &d->timeline[i];
        if (e->rank >= SL_TL_TEXT_CAP)
            continue;
        sl_buf_puts(out, "| ");
        put_inline(out, e->label);
        sl_buf_puts(out, " | ");
        put_inline(out, e->text);
        sl_buf_puts(out, " | ");
        footrefs(out, c, e->docs, e->ndocs, d->corpus->n);
        sl_buf_puts(out, " |\n");
    }
    if (shown < d->ntimeline)
        sl_buf_printf(out, "\n%zu more dated event%s in the JSON output.\n", d->ntimeline - shown,
                      d->ntimeline - shown == 1 ? "" : "s");
}

static void entities(sl_buf *out, const sl_digest *d)
{
    static const sl_entity_type types[] = {SL_ENT_PERSON, SL_ENT_LOCATION, SL_ENT_ORGANIZATION,
                                           SL_ENT_OTHER};
    size_t n = sl_entities_count(d->entities), t, i;
    if (!n)
        return;
    sl_buf_puts(out, "\n## Who and where\n\n");
    for (t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
        size_t shown = 0;
        for (i = 0; i < n && shown < 10; i++) {
            const sl_entity *e = sl_entities_get(d->entities, i);
            if (e->type != types[t])
                continue;
            sl_buf_printf(out, shown ? ", " : "- **%s:** ", sl_render_entity_heading(types[t]));
            put_inline(out, e->name);
            sl_buf_printf(out, " (%zu)", e->nmentions);
            shown++;
        }
        if (shown)
            sl_buf_putc(out, '\n');
    }
}

static void comparison(sl_buf *out, const sl_digest *d, const sl_cites *c)
{
    size_t i, j;
    if (!d->nagree && !d->ndisagree)
        return;
    sl_buf_puts(out, "\n## Sources compared\n");
    if (d->ndisagree)
        sl_buf_puts(out, "\n### Where they disagree\n");
    for (i = 0; i < d->ndisagree; i++) {
        const sl_cmp_item *it = &d->disagree[i];
        sl_buf_puts(out, "\n**");
        put_inline(out, it->about);
        sl_buf_puts(out, "**\n\n| Source | Says | In its words |\n|---|---|---|\n");
        for (j = 0; j < it->nclaims; j++) {
            const sl_claim *cl = &it->claims[j];
            if (cl->doc >= d->corpus->n)
                continue;
            sl_buf_puts(out, "| ");
            put_inline(out, sl_render_doc_label(d, cl->doc));
            footrefs(out, c, &cl->doc, 1, d->corpus->n);
            sl_buf_puts(out, " | ");
            put_inline(out, cl->value);
            sl_buf_puts(out, " | ");
            put_inline(out, cl->text);
            sl_buf_puts(out, " |\n");
        }
    }
    if (d->nagree)
        sl_buf_puts(out, "\n### Where they agree\n\n");
    for (i = 0; i < d->nagree; i++) {
        const sl_cmp_item *it = &d->agree[i];
        sl_buf_puts(out, "- ");
        put_inline(out, it->about);
        sl_buf_puts(out, ": **");
        put_inline(out, it->value ? it->value : it->nclaims ? it->claims[0].value : "");
        sl_buf_puts(out, "**");
        for (j = 0; j < it->nclaims; j++)
            footrefs(out, c, &it->claims[j].doc, 1, d->corpus->n);
        sl_buf_putc(out, '\n');
    }
}

int sl_render_markdown(const sl_digest *d, const sl_render_opts *opts, sl_buf *out)
{
    sl_cites c;
    size_t i;
    const char *headline = sl_render_headline(d);
    (void)opts;
    sl_cites_build(d, &c);
    if (headline) {
        sl_buf_puts(out, "# ");
        put_inline(out, headline);
        sl_buf_puts(out, "\n\n");
    }
    sl_buf_printf(out, "*%zu source%s", d->corpus->n, d->corpus->n == 1 ? "" : "s");
    if (d->corpus->n) {
        sl_buf span = SL_BUF_INIT;
        if (sl_render_docs_span(&span, d)) {
            sl_buf_puts(out, " \xC2\xB7 published ");
            put_escaped(out, span.ptr, span.len);
        }
        sl_buf_free(&span);
    }
    sl_buf_puts(out, "*\n\n## Summary\n\n");
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
    timeline(out, d, &c);
    entities(out, d);
    comparison(out, d, &c);
    if (c.n)
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
        if (sl_digest_doc_date(d, doc, &date) == SL_OK)
            sl_buf_printf(out, ", %s", date.value);
        if (*url && strncmp(url, "http", 4) == 0 && !strpbrk(url, " <>\n\t")) {
            sl_buf_puts(out, ", <");
            sl_buf_puts(out, url);
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
