/*
 * html_meta.h: a web page's metadata (title, date, site, canonical URL,
 * author, language) from <meta> tags, microdata, <time>, <title>, <h1> and
 * JSON-LD (schema.org), gathered while html.c walks the tree and decided at
 * the end by a fixed order of sources per field.
 *
 * Orders (first present wins):
 *   title: og:title, twitter:title, JSON-LD headline, itemprop=headline,
 *          <title> (a " | Site" part dropped), first <h1>
 *   date:  article:published_time, og:published_time, itemprop=datePublished,
 *          JSON-LD datePublished, <time datetime> (pubdate first), meta
 *          date/pubdate/DC.date and kin
 *   site:  og:site_name, JSON-LD publisher.name, application-name
 *   url:   <link rel=canonical>, og:url
 * JSON-LD is read with jansson; arrays, @graph lists and "@type" lists are
 * followed to a bounded depth.
 */
#ifndef SL_INGEST_HTML_META_H
#define SL_INGEST_HTML_META_H

#include <libxml/tree.h>

#include "ingest/html.h"

enum { SL_META_SLOTS = 8 };

typedef struct sl_html_meta {
    char *title[SL_META_SLOTS]; /* by priority; owned */
    char *date[SL_META_SLOTS];
    const char *date_ev[SL_META_SLOTS]; /* static evidence strings */
    char *site[SL_META_SLOTS];
    char *url[SL_META_SLOTS];
    char *author[SL_META_SLOTS];
    char *lang;
    char *ld_body;              /* JSON-LD articleBody, or NULL; owned */
    int in_head;                /* seen <body> yet? */
} sl_html_meta;

void sl_html_meta_init(sl_html_meta *m);
/* Looks at one element (called in document order for every element). */
void sl_html_meta_element(sl_html_meta *m, xmlNode *n);
/* Moves the chosen values into out's fields and frees the rest of m. */
void sl_html_meta_finish(sl_html_meta *m, sl_html_doc *out);

/* s[0..n) with white space runs collapsed to one space and trimmed; caller
 * frees. */
char *sl_html_collapse(const char *s, size_t n);

#endif
