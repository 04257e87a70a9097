/*
 * render.h: the digest writers (internal): JSON (schema 1), text for
 * terminals, Markdown.  Each appends the whole rendering to a buffer; all
 * are deterministic (same digest, same bytes).
 *
 * Citations: the text and Markdown forms number the documents a summary
 * cites in order of first citation ([1], [2]...); JSON refers to documents
 * by id.
 */
#ifndef SL_OUTPUT_RENDER_H
#define SL_OUTPUT_RENDER_H

#include "story/digest.h"
#include "util/buf.h"

int sl_render_json(const sl_digest *d, const sl_render_opts *o, sl_buf *out);
int sl_render_text(const sl_digest *d, const sl_render_opts *o, sl_buf *out);
int sl_render_markdown(const sl_digest *d, const sl_render_opts *o, sl_buf *out);

/* The citation numbers of a digest. */
typedef struct sl_cites {
    size_t *num;   /* per corpus document: its number (1-based), 0 when not cited */
    size_t *doc;   /* per number - 1: the document */
    size_t n;      /* documents cited */
} sl_cites;

void sl_cites_build(const sl_digest *d, sl_cites *c);
void sl_cites_free(sl_cites *c);
/* Gives document `doc` the next number when it has none yet (a source the
 * timeline cites but the summary does not); returns its number. */
size_t sl_cites_add(sl_cites *c, size_t doc);

/* How a document is named for a reader: its outlet, else its title, else its id. */
const char *sl_render_doc_label(const sl_digest *d, size_t doc);

/* Why a summary is empty, in one sentence for people. */
const char *sl_render_empty_reason(const sl_digest *d);

#endif
