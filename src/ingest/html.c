/*
 * html.c: main-text extraction from web pages (see html.h).
 * FIRST VERSION: every <p>, <h1>-<h6>, <li> and <figcaption> outside
 * script/style/nav/aside/footer/form, in document order.
 */
#include "ingest/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static int name_is(const xmlNode *n, const char *s)
{
    return n->name && strcmp((const char *)n->name, s) == 0;
}

static void collect_text(const xmlNode *n, sl_buf *b)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                sl_buf_puts(b, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            if (name_is(n, "script") || name_is(n, "style"))
                continue;
            if (name_is(n, "br"))
                sl_buf_putc(b, ' ');
            collect_text(n->children, b);
        }
    }
}

static void add_block(sl_html_doc *d, sl_buf *raw, sl_block_kind kind)
{
    sl_buf b = SL_BUF_INIT;
    size_t i;
    int sp = 1;
    sl_html_block blk;
    for (i = 0; i < raw->len; i++) {
        char c = raw->ptr[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!sp)
                sl_buf_putc(&b, ' ');
            sp = 1;
        } else {
            sl_buf_putc(&b, c);
            sp = 0;
        }
    }
    while (b.len && b.ptr[b.len - 1] == ' ')
        b.len--;
    if (!b.len) {
        sl_buf_free(&b);
        return;
    }
    b.ptr[b.len] = '\0';
    blk.len = b.len;
    blk.text = sl_buf_detach(&b);
    blk.kind = kind;
    SL_PUSH(d->blocks, d->nblocks, d->cblocks, blk);
}

static void walk(const xmlNode *n, sl_html_doc *d, int depth)
{
    static const char *const skip[] = {"script", "style", "nav", "aside", "footer", "form", "noscript",
                                       "header", "iframe", "svg", NULL};
    for (; n; n = n->next) {
        const char *const *s;
        int skipped = 0;
        if (n->type != XML_ELEMENT_NODE || depth > SL_MAX_HTML_DEPTH)
            continue;
        for (s = skip; *s; s++)
            if (name_is(n, *s))
                skipped = 1;
        if (skipped)
            continue;
        if (name_is(n, "p") || name_is(n, "li") || name_is(n, "figcaption") || name_is(n, "h1") ||
            name_is(n, "h2") || name_is(n, "h3") || name_is(n, "blockquote")) {
            sl_buf b = SL_BUF_INIT;
            sl_block_kind k = name_is(n, "li") ? SL_BLOCK_ITEM
                              : name_is(n, "figcaption") ? SL_BLOCK_CAPTION
                              : name_is(n, "h1") ? SL_BLOCK_TITLE
                              : (name_is(n, "h2") || name_is(n, "h3")) ? SL_BLOCK_HEADING
                              : name_is(n, "blockquote") ? SL_BLOCK_QUOTE
                                                         : SL_BLOCK_BODY;
            collect_text(n->children, &b);
            add_block(d, &b, k);
            sl_buf_free(&b);
            continue;
        }
        if (name_is(n, "title") && !d->title) {
            sl_buf b = SL_BUF_INIT;
            collect_text(n->children, &b);
            if (b.len)
                d->title = sl_buf_detach(&b);
            sl_buf_free(&b);
            continue;
        }
        walk(n->children, d, depth + 1);
    }
}

int sl_html_extract(sl_ctx *ctx, const char *bytes, size_t len, sl_html_doc *out)
{
    htmlDocPtr doc;
    memset(out, 0, sizeof(*out));
    if (len > (size_t)0x7fffffff)
        return sl_fail(ctx, SL_ETOOBIG, "HTML too large");
    doc = htmlReadMemory(bytes, (int)len, NULL, NULL,
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc)
        return sl_fail(ctx, SL_EFORMAT, "HTML could not be parsed");
    walk(xmlDocGetRootElement(doc), out, 0);
    xmlFreeDoc(doc);
    return SL_OK;
}

void sl_html_doc_free(sl_html_doc *d)
{
    size_t i;
    if (!d)
        return;
    for (i = 0; i < d->nblocks; i++)
        free(d->blocks[i].text);
    free(d->blocks);
    free(d->title);
    free(d->date);
    free(d->date_evidence);
    free(d->site);
    free(d->url);
    free(d->author);
    free(d->lang);
    memset(d, 0, sizeof(*d));
}
