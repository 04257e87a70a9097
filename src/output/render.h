/*
 * render.h: the digest writers (internal): JSON (docs/digest.schema.json),
 * text for terminals, Markdown, and the HTML report.  Each appends the whole
 * rendering to a buffer; all are deterministic (same digest, same bytes).
 *
 * Citations: the text, Markdown and HTML forms number the documents in order
 * of first citation ([1], [2]...): by the summary, then the timeline, then
 * the comparison; JSON refers to documents by id.
 */
#ifndef SL_OUTPUT_RENDER_H
#define SL_OUTPUT_RENDER_H

#include "story/digest.h"
#include "util/buf.h"

int sl_render_json(const sl_digest *d, const sl_render_opts *o, sl_buf *out);
int sl_render_text(const sl_digest *d, const sl_render_opts *o, sl_buf *out);
int sl_render_markdown(const sl_digest *d, const sl_render_opts *o, sl_buf *out);
int sl_render_html(const sl_digest *d, const sl_render_opts *o, sl_buf *out);

/* The citation numbers of a digest. */
typedef struct sl_cites {
    size_t *num;   /* per corpus document: its number (1-based), 0 when not cited */
    size_t *doc;   /* per number - 1: the document */
    size_t n;      /* documents cited */
} sl_cites;

/* Numbers the documents cited by the summary, the timeline and the
 * comparison, in that order of first citation. */
void sl_cites_build(const sl_digest *d, sl_cites *c);
void sl_cites_free(sl_cites *c);
/* Gives document `doc` the next number when it has none yet (a source the
 * timeline cites but the summary does not); returns its number. */
size_t sl_cites_add(sl_cites *c, size_t doc);

/* How a document is named for a reader: its outlet, else its title, else its id. */
const char *sl_render_doc_label(const sl_digest *d, size_t doc);

/* Why a summary is empty, in one sentence for people. */
const char *sl_render_empty_reason(const sl_digest *d);

/* The story's headline: the title of the document the summary cites most
 * (the first such), else the first title met; NULL when no document has
 * one.  Lives as the corpus. */
const char *sl_render_headline(const sl_digest *d);

/* A TimeML value for people: "27 July 1953", "July 1953", "week 30 of 2018",
 * "the 1950s", "27 July" (year unknown); other values as given. */
void sl_render_date(sl_buf *out, const char *value);

/* A range of two values for people, shared parts said once: "4–5 March
 * 2026", "4 March – 5 April 2026", "1950 – 1953"; one value when equal. */
void sl_render_date_range(sl_buf *out, const char *from, const char *to);

/* The span of the documents' dates (earliest first day to latest last
 * day) as sl_render_date_range puts it; returns 0 and writes nothing when
 * no document has a date. */
int sl_render_docs_span(sl_buf *out, const sl_digest *d);

/* HTML text: appends s[0..n) with & < > " ' = ` : as character references,
 * and invalid UTF-8, controls (but tab and newline) and noncharacters as
 * U+FFFD, so that input can never become markup or leave an attribute. */
void sl_html_escape(sl_buf *out, const char *s, size_t n);

/* Whether an address may become a link in the report: http or https, at
 * most 2048 bytes, no spaces, controls, quotes, angle brackets or
 * backslashes.  Other addresses (javascript:, data:, relative) never do. */
int sl_html_safe_url(const char *url);

/* Display name of an entity type in the plural: "People", "Places",
 * "Organizations", "Other names". */
const char *sl_render_entity_heading(sl_entity_type t);

#endif
