/*
 * ingest.h: the readers behind sl_corpus_add_path / sl_corpus_add_buffer.
 */
#ifndef SL_INGEST_INGEST_H
#define SL_INGEST_INGEST_H

#include <stddef.h>
#include <stdio.h>

#include "core/doc.h"

/* "text", "html", "json", "jsonl" or "multinews" for a file's bytes; the
 * content decides first, the name's extension second. */
const char *sl_detect_format(const char *name, const char *data, size_t len);

/* Whether bytes look binary (NUL bytes, many control characters). */
int sl_looks_binary(const char *data, size_t len);

/* JSON (one object or an array of objects) or JSONL (one object a line). */
int sl_ingest_json(sl_ctx *ctx, sl_corpus *c, const char *name, const char *data, size_t len,
                   int lines, const sl_ingest_opts *o);

/* JSONL streamed from f after the bytes already read (head), one line at a
 * time, so files of any size are read in bounded memory. */
int sl_ingest_jsonl_stream(sl_ctx *ctx, sl_corpus *c, const char *name, FILE *f, const char *head,
                           size_t head_len, const sl_ingest_opts *o);

/* An HTML page; `meta` (may be NULL) carries fields that win over the page's
 * own (a JSON record's title, date, source). */
int sl_ingest_html(sl_ctx *ctx, sl_corpus *c, const char *name, const char *data, size_t len,
                   const sl_rawdoc *meta, unsigned flags);

#endif
