/*
 * doc.c: documents, corpora, the edit log, and the text pipeline that builds
 * a document from what a reader extracted:
 *
 *   sl_rawdoc --repair--> UTF-8 text --clean--> paragraphs --split--> sentences
 *                                                          --scan--> tokens
 *
 * Readers (src/ingest/) only extract; every document goes through the same
 * pipeline here, so plain text, HTML and JSON get identical treatment.
 */
#include "core/doc.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/dates.h"
#include "analysis/sentences.h"
#include "analysis/tokens.h"
#include "text/clean.h"
#include "text/repair.h"
#include "util/mem.h"

/* At most this many edits are logged per document; a page of mojibake would
 * otherwise log one edit per character. */
#define SL_MAX_EDITS 2000

/* ------------------------------------------------------------------ edit log */

void sl_editlog_add(sl_editlog *log, sl_edit_kind kind, const char *rule, const char *reason,
                    size_t line, const char *before, size_t blen, const char *after, size_t alen)
{
    sl_edit e;
    if (!log)
        return;
    if (log->max && log->n >= log->max) {
        log->dropped++;
        return;
    }
    e.kind = kind;
    /* copied: the cleaner's rule names and reasons come from data that lives
     * with the context, and a document may outlive its context */
    e.rule = sl_arena_strndup(&log->arena, rule ? rule : "", rule ? strlen(rule) : 0);
    e.reason = sl_arena_strndup(&log->arena, reason ? reason : "", reason ? strlen(reason) : 0);
    e.line = line;
    e.before = sl_arena_strndup(&log->arena, before ? before : "", before ? blen : 0);
    e.after = sl_arena_strndup(&log->arena, after ? after : "", after ? alen : 0);
    SL_PUSH(log->items, log->n, log->cap, e);
}

void sl_editlog_free(sl_editlog *log)
{
    free(log->items);
    sl_arena_free(&log->arena);
    memset(log, 0, sizeof(*log));
}

/* ------------------------------------------------------------------ names */

const char *sl_precision_name(sl_precision p)
{
    static const char *const names[] = {"none",  "century", "decade", "year", "season",
                                        "quarter", "month", "week",   "day",  "time"};
    return (unsigned)p < sizeof(names) / sizeof(names[0]) ? names[p] : "none";
}

const char *sl_block_kind_name(sl_block_kind k)
{
    switch (k) {
    case SL_BLOCK_BODY: return "body";
    case SL_BLOCK_TITLE: return "title";
    case SL_BLOCK_HEADING: return "heading";
    case SL_BLOCK_CAPTION: return "caption";
    case SL_BLOCK_ITEM: return "item";
    case SL_BLOCK_QUOTE: return "quote";
    }
    return "body";
}

const char *sl_edit_kind_name(sl_edit_kind k)
{
    switch (k) {
    case SL_EDIT_REPAIR: return "repair";
    case SL_EDIT_REMOVE: return "remove";
    case SL_EDIT_EVIDENCE: return "evidence";
    case SL_EDIT_TITLE: return "title";
    }
    return "edit";
}

/* ------------------------------------------------------------------ corpus */

sl_corpus *sl_corpus_new(sl_ctx *ctx)
{
    sl_corpus *c;
    if (!ctx)
        return NULL;
    c = sl_xcalloc(1, sizeof(*c));
    c->ctx = ctx;
    return c;
}

void sl_corpus_free(sl_corpus *c)
{
    size_t i;
    if (!c)
        return;
    for (i = 0; i < c->n; i++)
        sl_doc_free(c->docs[i]);
    free(c->docs);
    free(c);
}

size_t sl_corpus_count(const sl_corpus *c)
{
    return c ? c->n : 0;
}

sl_doc *sl_corpus_doc(const sl_corpus *c, size_t i)
{
    return c && i < c->n ? c->docs[i] : NULL;
}

size_t sl_corpus_failures(const sl_corpus *c)
{
    return c ? c->failures : 0;
}

/* ------------------------------------------------------------------ document */

void sl_doc_free(sl_doc *d)
{
    if (!d)
        return;
    free(d->id);
    free(d->path);
    free(d->title);
    free(d->source);
    free(d->url);
    free(d->format);
    free(d->extra_json);
    free(d->meta_date);
    free(d->meta_date_evidence);
    free(d->date_evidence);
    free(d->text_evidence);
    sl_buf_free(&d->text);
    free(d->blocks);
    free(d->sents);
    free(d->toks);
    free(d->sent_tok);
    sl_editlog_free(&d->edits);
    free(d);
}

#define STR_OR_EMPTY(s) ((s) ? (s) : "")

const char *sl_doc_id(const sl_doc *d) { return STR_OR_EMPTY(d->id); }
const char *sl_doc_path(const sl_doc *d) { return STR_OR_EMPTY(d->path); }
const char *sl_doc_title(const sl_doc *d) { return STR_OR_EMPTY(d->title); }
const char *sl_doc_source(const sl_doc *d) { return STR_OR_EMPTY(d->source); }
const char *sl_doc_url(const sl_doc *d) { return STR_OR_EMPTY(d->url); }
const char *sl_doc_format(const sl_doc *d) { return STR_OR_EMPTY(d->format); }
const char *sl_doc_extra_json(const sl_doc *d) { return STR_OR_EMPTY(d->extra_json); }

int sl_doc_date(const sl_doc *d, sl_date *out)
{
    *out = d->date;
    if (!out->evidence)
        out->evidence = "";
    if (!out->origin)
        out->origin = "";
    return d->date.precision == SL_PREC_NONE ? SL_ENOENT : SL_OK;
}

const char *sl_doc_text(const sl_doc *d, size_t *len)
{
    if (len)
        *len = d->text.len;
    return sl_buf_cstr(&d->text);
}

size_t sl_doc_block_count(const sl_doc *d) { return d->nblocks; }
const sl_block *sl_doc_block(const sl_doc *d, size_t i) { return i < d->nblocks ? &d->blocks[i] : NULL; }
size_t sl_doc_sentence_count(const sl_doc *d) { return d->nsents; }
const sl_sentence *sl_doc_sentence(const sl_doc *d, size_t i) { return i < d->nsents ? &d->sents[i] : NULL; }
size_t sl_doc_edit_count(const sl_doc *d) { return d->edits.n; }
const sl_edit *sl_doc_edit(const sl_doc *d, size_t i) { return i < d->edits.n ? &d->edits.items[i] : NULL; }

/* The id of an input: its base name without extension, plus "#N" for the
 * N-th record of a multi-document file ("feed.jsonl:17" -> "feed#17"). */
static char *id_from_name(const char *name)
{
    const char *base = strrchr(name, '/'), *dot, *rec = NULL, *p;
    size_t n;
    sl_buf b = SL_BUF_INIT;
    base = base ? base + 1 : name;
    if (!*base || strcmp(base, "-") == 0)
        base = "stdin";
    for (p = base; *p; p++)
        if ((*p == '#' || *p == ':') && p[1] >= '0' && p[1] <= '9' && strspn(p + 1, "0123456789") == strlen(p + 1))
            rec = p;
    n = rec ? (size_t)(rec - base) : strlen(base);
    dot = memchr(base, '.', n);
    if (dot && dot != base)
        n = (size_t)(dot - base); /* drop the extension(s): "a.html.gz" -> "a" */
    sl_buf_put(&b, base, n);
    if (rec) {
        sl_buf_putc(&b, '#');
        sl_buf_puts(&b, rec + 1);
    }
    return sl_buf_detach(&b);
}

/* Repairs each paragraph of an HTML reader into one buffer and points the
 * paragraphs at the repaired copies. */
static sl_para *repair_paras(sl_ctx *ctx, const sl_rawdoc *raw, unsigned flags, sl_buf *store,
                             sl_editlog *log)
{
    sl_para *out = sl_xcalloc(raw->nparas ? raw->nparas : 1, sizeof(*out));
    size_t *offs = sl_xcalloc(raw->nparas ? raw->nparas : 1, sizeof(*offs));
    size_t i;
    for (i = 0; i < raw->nparas; i++) {
        sl_buf dec = SL_BUF_INIT;
        offs[i] = store->len;
        sl_decode_input(raw->paras[i].text, raw->paras[i].len, &dec, log);
        if (flags & SL_OPT_AS_GIVEN)
            sl_buf_put(store, sl_buf_cstr(&dec), dec.len);
        else
            sl_repair_text(ctx, sl_buf_cstr(&dec), dec.len, 0, store, log);
        sl_buf_free(&dec);
        out[i] = raw->paras[i];
        out[i].len = store->len - offs[i];
    }
    for (i = 0; i < raw->nparas; i++)
        out[i].text = sl_buf_cstr(store) + offs[i];
    free(offs);
    return out;
}

/* Splits the cleaned text into sentences paragraph by paragraph, then tokens
 * sentence by sentence, so no sentence or token ever spans paragraphs. */
static void analyze(sl_ctx *ctx, sl_doc *d)
{
    size_t b, i;
    sl_span *spans = NULL;
    size_t ns = 0, cs = 0;
    const char *text = sl_buf_cstr(&d->text);
    for (b = 0; b < d->nblocks; b++) {
        size_t first = ns;
        sl_sentences_split(ctx, text + d->blocks[b].start, d->blocks[b].end - d->blocks[b].start,
                           d->blocks[b].start, &spans, &ns, &cs);
        for (i = first; i < ns; i++) {
            sl_sentence s;
            s.start = spans[i].start;
            s.end = spans[i].end;
            s.block = b;
            s.kind = d->blocks[b].kind;
            SL_PUSH(d->sents, d->nsents, d->csents, s);
        }
    }
    free(spans);
    d->sent_tok = sl_xcalloc(d->nsents + 1, sizeof(*d->sent_tok));
    for (i = 0; i < d->nsents; i++) {
        d->sent_tok[i] = d->ntoks;
        sl_tokens_scan(ctx, text + d->sents[i].start, d->sents[i].end - d->sents[i].start,
                       d->sents[i].start, &d->toks, &d->ntoks, &d->ctoks);
    }
    d->sent_tok[d->nsents] = d->ntoks;
}

int sl_doc_build(sl_ctx *ctx, sl_corpus *c, const sl_rawdoc *raw, unsigned flags)
{
    sl_doc *d = sl_xcalloc(1, sizeof(*d));
    sl_buf repaired = SL_BUF_INIT;
    sl_para *paras = NULL;
    size_t nparas = 0;
    sl_cleaned cl;
    int find_title = 0;

    memset(&cl, 0, sizeof(cl));
    d->corpus = c;
    d->edits.max = SL_MAX_EDITS;
    d->path = sl_xstrdup(raw->name ? raw->name : "-");
    d->id = raw->id && *raw->id ? sl_xstrdup(raw->id) : id_from_name(d->path);
    d->format = sl_xstrdup(raw->format ? raw->format : "text");
    if (raw->source && *raw->source)
        d->source = sl_xstrdup(raw->source);
    if (raw->url && *raw->url)
        d->url = sl_xstrdup(raw->url);
    if (raw->extra_json && *raw->extra_json)
        d->extra_json = sl_xstrdup(raw->extra_json);
    if (raw->date && *raw->date) {
        d->meta_date = sl_xstrdup(raw->date);
        d->meta_date_evidence = sl_xstrdup(raw->date_evidence ? raw->date_evidence : "metadata");
    }

    /* 1. repair */
    if (raw->text) {
        sl_buf dec = SL_BUF_INIT;
        sl_decode_input(raw->text, raw->len, &dec, &d->edits);
        if (flags & SL_OPT_AS_GIVEN) {
            repaired = dec;
        } else {
            sl_repair_text(ctx, sl_buf_cstr(&dec), dec.len, 0, &repaired, &d->edits);
            sl_buf_free(&dec);
        }
        find_title = !(raw->title && *raw->title);
    } else {
        paras = repair_paras(ctx, raw, flags, &repaired, &d->edits);
        nparas = raw->nparas;
    }

    /* 2. clean */
    if (flags & SL_OPT_AS_GIVEN) {
        /* as given: one block holding the whole text, no reflow */
        sl_block blk;
        d->text = repaired;
        memset(&repaired, 0, sizeof(repaired));
        blk.start = 0;
        blk.end = d->text.len;
        blk.kind = SL_BLOCK_BODY;
        if (d->text.len)
            SL_PUSH(d->blocks, d->nblocks, d->cblocks, blk);
        if (raw->title)
            d->title = sl_xstrdup(raw->title);
    } else {
        if (raw->text)
            sl_paragraphs_from_text(sl_buf_cstr(&repaired), repaired.len, &paras, &nparas);
        sl_clean_paras(ctx, paras, nparas, find_title, raw->title, flags, &cl, &d->edits);
        d->text = cl.text;
        d->blocks = cl.blocks;
        d->nblocks = cl.nblocks;
        d->cblocks = cl.cblocks;
        if (raw->title && *raw->title)
            d->title = sl_xstrdup(raw->title);
        else if (cl.title)
            d->title = sl_xstrdup(cl.title);
        d->text_evidence = cl.date_evidence;
        cl.date_evidence = NULL;
        free(cl.title);
    }
    free(paras);
    sl_buf_free(&repaired);

    /* 3. sentences and tokens */
    if (!(flags & SL_OPT_NO_SENTENCES))
        analyze(ctx, d);
    else
        d->sent_tok = sl_xcalloc(1, sizeof(*d->sent_tok));

    /* 4. the document's own date, from metadata or its text */
    sl_doc_date_init(ctx, d);

    /* an array of document pointers: sizeof(*docs) is meant */
    SL_PUSH(c->docs, c->n, c->cap, d); /* NOLINT(bugprone-sizeof-expression) */
    return d->text.len ? SL_OK : SL_EEMPTY;
}
