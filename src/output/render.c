/*
 * render.c: sl_digest_render and what the writers share (see render.h).
 */
#include "output/render.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

int sl_digest_render(const sl_digest *d, const char *format, const sl_render_opts *opts,
                     char **out, size_t *len)
{
    sl_render_opts def = SL_RENDER_OPTS_INIT;
    sl_buf b = SL_BUF_INIT;
    int rc;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !format || !out)
        return SL_EINVAL;
    if (!opts)
        opts = &def;
    if (strcmp(format, "json") == 0)
        rc = sl_render_json(d, opts, &b);
    else if (strcmp(format, "text") == 0)
        rc = sl_render_text(d, opts, &b);
    else if (strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
        rc = sl_render_markdown(d, opts, &b);
    else
        return sl_fail(d->ctx, SL_EINVAL, "unknown output format '%s' (text, json or md)", format);
    if (rc < 0) {
        sl_buf_free(&b);
        return rc;
    }
    sl_buf_puts(&b, "");
    if (len)
        *len = b.len;
    *out = sl_buf_detach(&b);
    return SL_OK;
}

void sl_cites_build(const sl_digest *d, sl_cites *c)
{
    size_t n = d->corpus->n, i;
    c->num = sl_xcalloc(n ? n : 1, sizeof(*c->num));
    c->doc = sl_xcalloc(n ? n : 1, sizeof(*c->doc));
    c->n = 0;
    for (i = 0; i < d->nitems; i++) {
        size_t doc = d->items[i].doc;
        if (!c->num[doc]) {
            c->doc[c->n++] = doc;
            c->num[doc] = c->n;
        }
    }
}

size_t sl_cites_add(sl_cites *c, size_t doc)
{
    if (!c->num[doc]) {
        c->doc[c->n++] = doc;
        c->num[doc] = c->n;
    }
    return c->num[doc];
}

void sl_cites_free(sl_cites *c)
{
    free(c->num);
    free(c->doc);
    memset(c, 0, sizeof(*c));
}

const char *sl_render_doc_label(const sl_digest *d, size_t doc)
{
    const sl_doc *x = d->corpus->docs[doc];
    if (*sl_doc_source(x))
        return sl_doc_source(x);
    if (*sl_doc_title(x))
        return sl_doc_title(x);
    return d->doc_ids[doc];
}

const char *sl_render_empty_reason(const sl_digest *d)
{
    size_t i, sents = 0;
    for (i = 0; i < d->corpus->n; i++)
        sents += d->corpus->docs[i]->nsents;
    if (!d->corpus->n)
        return "No summary: there are no documents.";
    if (!sents)
        return "No summary: the documents have no sentences.";
    return "No summary: no sentence fits the budget.";
}
