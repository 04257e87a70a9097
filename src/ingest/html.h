/*
 * html.h: the article inside a web page.
 *
 * libxml2's HTML parser builds the tree (the declared charset, <meta charset>
 * or http-equiv, is honoured before any guess); the main text is found by
 * scoring blocks for text density and structure, after dropping script,
 * style, nav, aside, footer, forms, comments, share and related-links blocks.
 * The headline, body paragraphs, list items and figure captions are kept,
 * captions marked as such.  Title, date and site name come from meta tags and
 * JSON-LD when present (html_meta.h).
 *
 * Text of a block: white space collapsed, inline elements joined without
 * added spaces, entities decoded.  One <br> becomes a line break ('\n')
 * inside the block; two in a row end the block.
 */
#ifndef SL_INGEST_HTML_H
#define SL_INGEST_HTML_H

#include <stddef.h>

#include "core/ctx.h"
#include "util/buf.h"

typedef struct sl_html_block {
    char *text;           /* UTF-8, white space collapsed; owned */
    size_t len;
    sl_block_kind kind;   /* BODY, HEADING, CAPTION, ITEM, QUOTE (TITLE for an h1) */
} sl_html_block;

typedef struct sl_html_doc {
    char *title;          /* og:title, <title>, h1 ... or NULL; owned */
    char *date;           /* article:published_time, JSON-LD datePublished, <time> ... or NULL */
    char *date_evidence;  /* where the date came from, e.g. "meta article:published_time" */
    char *site;           /* og:site_name, JSON-LD publisher ... or NULL */
    char *url;            /* canonical or og:url, or NULL */
    char *author;
    char *lang;
    sl_html_block *blocks; /* the article body, in order */
    size_t nblocks, cblocks;
} sl_html_doc;

/* Extracts the article from bytes[0..len).  Returns 0, or a negative SL_E*
 * code with the problem in ctx's message (without the input name).  *out is
 * filled even when no article is found (no blocks, metadata if any); free
 * it with sl_html_doc_free in every case. */
int sl_html_extract(sl_ctx *ctx, const char *bytes, size_t len, sl_html_doc *out);
void sl_html_doc_free(sl_html_doc *d);

/* All the text of the page (body and title, without script, style and other
 * non-text elements), one line per block-level element: the "everything"
 * baseline of the extraction benchmark (like html-text).  Appends to out;
 * returns 0 or a negative SL_E* code. */
int sl_html_page_text(sl_ctx *ctx, const char *bytes, size_t len, sl_buf *out);

#endif
