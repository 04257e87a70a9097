/*
 * doc.h: documents and corpora (internal view), and the edit log.
 *
 * A document owns its cleaned text and everything computed over it: the
 * paragraphs (blocks), sentences, tokens and the log of what repair and
 * cleaning changed.  All offsets are byte offsets into `text`.
 *
 * Building a document is the text pipeline (pipeline.c):
 *   raw input (sl_rawdoc) -> repair -> clean -> sentences -> tokens.
 */
#ifndef SL_CORE_DOC_H
#define SL_CORE_DOC_H

#include <stddef.h>

#include "core/ctx.h"
#include "storyline.h"
#include "util/arena.h"
#include "util/buf.h"

/* The edit log: what repair and cleaning did, with owned copies of the text. */
typedef struct sl_editlog {
    sl_edit *items;
    size_t n, cap;
    size_t max;      /* stop logging after this many (0 = no limit) */
    size_t dropped;  /* edits not logged because of max */
    sl_arena arena;  /* the before/after strings */
} sl_editlog;

void sl_editlog_add(sl_editlog *log, sl_edit_kind kind, const char *rule, const char *reason,
                    size_t line, const char *before, size_t blen, const char *after, size_t alen);
void sl_editlog_free(sl_editlog *log);

/* An input paragraph handed from a reader to the cleaner. */
typedef struct sl_para {
    const char *text;   /* UTF-8, repaired */
    size_t len;
    sl_block_kind kind; /* what the reader knows (HTML tags); BODY otherwise */
    size_t line;        /* 1-based line of the input where it starts (0 unknown) */
} sl_para;

/* What a reader extracts from one input, before the text pipeline. */
typedef struct sl_rawdoc {
    const char *name;     /* input path for messages ("-" for stdin), may have "#N" */
    const char *id;       /* stable id or NULL to derive from name */
    const char *title;    /* from metadata, or NULL */
    const char *source;   /* outlet, or NULL */
    const char *url;
    const char *date;     /* publication date from metadata, as given, or NULL */
    const char *date_evidence; /* what the date came from, e.g. "meta article:published_time" */
    const char *format;   /* "text", "html", "json", "multinews" */
    const char *extra_json;
    /* Either plain text (lines; the first non-empty one may be the title) ... */
    const char *text;
    size_t len;
    /* ... or paragraphs already separated by an HTML reader (text == NULL). */
    const sl_para *paras;
    size_t nparas;
} sl_rawdoc;

struct sl_doc {
    sl_corpus *corpus;
    char *id, *path, *title, *source, *url, *format, *extra_json;
    char *meta_date;          /* date string from metadata, as given */
    char *meta_date_evidence;
    sl_date date;             /* resolved date; evidence points into this doc */
    char *date_evidence;      /* owned text behind date.evidence */
    char *text_evidence;      /* dateline/broadcast note kept as date evidence */
    sl_buf text;              /* cleaned text */
    sl_block *blocks;
    size_t nblocks, cblocks;
    sl_sentence *sents;
    size_t nsents, csents;
    sl_token *toks;           /* tokens of the whole text */
    size_t ntoks, ctoks;
    size_t *sent_tok;         /* sentence i has tokens [sent_tok[i], sent_tok[i+1]) */
    sl_editlog edits;
};

struct sl_corpus {
    sl_ctx *ctx;
    sl_doc **docs;
    size_t n, cap;
    size_t failures;          /* inputs that failed */
    size_t files;             /* files read */
};

/* Runs the text pipeline over a raw document and appends the result to c.
 * Returns 0, or SL_EEMPTY when nothing of the text is left (the document is
 * still added: an empty page is a fact worth keeping). */
int sl_doc_build(sl_ctx *ctx, sl_corpus *c, const sl_rawdoc *raw, unsigned flags);
void sl_doc_free(sl_doc *d);

#endif
