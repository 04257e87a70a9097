/*
 * storyline.h: the public interface of libstoryline.
 *
 * storyline turns a pile of news articles into the story they tell: it reads
 * articles (plain text, HTML, JSON/JSONL, Multi-News), repairs and cleans
 * them, splits them into sentences and tokens, and builds from them a digest:
 * a cited summary, a timeline, the entities, and a comparison of sources.
 *
 * Conventions (see STYLE notes in the repository):
 *  - Everything public is prefixed sl_ / SL_.  Structures are opaque and come
 *    with _new/_free; _free(NULL) is a no-op.
 *  - Text goes in as (const char *text, size_t len), UTF-8, never relying on a
 *    terminating NUL.  Offsets are byte offsets.
 *  - Fallible calls return int: 0 (SL_OK) or a negative SL_E* code.
 *    sl_strerror(code) gives a fixed sentence; sl_errmsg(ctx) gives the
 *    detail of the last failure on that context.
 *  - Every declaration says who owns what it returns.
 *  - The library never prints, never exits, and keeps no global state: each
 *    thread uses its own sl_ctx.
 */
#ifndef STORYLINE_H
#define STORYLINE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SL_BUILDING) && defined(__GNUC__)
#define SL_API __attribute__((visibility("default")))
#else
#define SL_API
#endif

/* ------------------------------------------------------------------ errors */

#define SL_OK 0
#define SL_EINVAL -1     /* an argument is invalid (a bug in the caller) */
#define SL_ENOENT -2     /* no such file or directory */
#define SL_EIO -3        /* reading or writing failed */
#define SL_EFORMAT -4    /* input is malformed (JSON, HTML, ...) */
#define SL_EBINARY -5    /* input is binary, not text */
#define SL_ETOOBIG -6    /* input is over a documented size limit */
#define SL_EEMPTY -7     /* input holds no text */
#define SL_ELIMIT -8     /* too many files, records or nesting levels */
#define SL_EPARTIAL -9   /* some inputs failed; the others were processed */
#define SL_EUNSUPPORTED -10 /* a feature or language that is not available */

/* A fixed sentence for an SL_E* code; static storage, never NULL. */
SL_API const char *sl_strerror(int code);

/* The library's version, e.g. "0.1.0"; static storage. */
SL_API const char *sl_version(void);

/* ------------------------------------------------------------------ memory */

/* Frees memory the library handed to the caller ("caller frees with
 * sl_free" in the comments below). */
SL_API void sl_free(void *p);

/* ------------------------------------------------------------------ context */

typedef struct sl_ctx sl_ctx;

/* A new context: error state, language resources (stemmer, word lists) and the
 * interning vocabulary shared by the later stages.  Caller frees with
 * sl_ctx_free.  Returns NULL only when out of memory. */
SL_API sl_ctx *sl_ctx_new(void);
SL_API void sl_ctx_free(sl_ctx *ctx);

/* The message of the last failure on ctx ("" if none); valid until the next
 * call on ctx.  Messages name the input and the problem, e.g.
 * "feed.jsonl:17: malformed JSON: unexpected end of input". */
SL_API const char *sl_errmsg(const sl_ctx *ctx);

/* Selects the language of stemming and word lists (default "english").
 * Returns SL_EUNSUPPORTED when no stemmer exists for it. */
SL_API int sl_ctx_set_language(sl_ctx *ctx, const char *language);

/* Diagnostics: problems with one input that do not stop the others (a
 * malformed JSON line, an unreadable file) are reported through this
 * callback as they happen.  `input` is the file name (":N" appended for a
 * line), `code` an SL_E* code and `msg` the problem.  The strings live for the
 * duration of the call.  Without a callback they are only counted. */
typedef void (*sl_diag_fn)(void *user, const char *input, int code, const char *msg);
SL_API void sl_ctx_set_diag(sl_ctx *ctx, sl_diag_fn fn, void *user);

/* Progress: called after each input file with the number of files done and
 * the number known so far (which can grow while directories are walked). */
typedef void (*sl_progress_fn)(void *user, size_t done, size_t total);
SL_API void sl_ctx_set_progress(sl_ctx *ctx, sl_progress_fn fn, void *user);

/* ------------------------------------------------------------------ limits */

/* Documented caps; inputs over them are rejected with SL_ETOOBIG/SL_ELIMIT. */
#define SL_MAX_DOC_BYTES ((size_t)64 << 20)    /* one document's text: 64 MiB */
#define SL_MAX_FILE_BYTES ((size_t)1 << 30)    /* one JSONL/Multi-News file: 1 GiB */
#define SL_MAX_FILES ((size_t)1000000)         /* files in one run */
#define SL_MAX_HTML_DEPTH 256                  /* HTML nesting kept */

/* ------------------------------------------------------------------ documents */

typedef struct sl_corpus sl_corpus;
typedef struct sl_doc sl_doc;

/* Switches (bit flags) for reading documents. */
#define SL_OPT_REPAIR_ONLY (1u << 0) /* only the encoding repair: no removal, no reflow */
#define SL_OPT_AS_GIVEN (1u << 1)    /* the text exactly as given; only invalid UTF-8 is decoded */
#define SL_OPT_NO_SENTENCES (1u << 2) /* skip sentence splitting and tokens */

#define SL_INGEST_OPTS_VERSION 1

/* Settings for reading documents.  Initialise with SL_INGEST_OPTS_INIT and
 * change the fields you need; zero means the default. */
typedef struct sl_ingest_opts {
    int version;           /* SL_INGEST_OPTS_VERSION */
    unsigned flags;        /* SL_OPT_* */
    const char *format;    /* "text", "html", "json", "jsonl", "multinews" or NULL to detect */
    size_t max_doc_bytes;  /* default SL_MAX_DOC_BYTES */
    size_t max_file_bytes; /* default SL_MAX_FILE_BYTES */
    size_t max_files;      /* default SL_MAX_FILES */
} sl_ingest_opts;

#define SL_INGEST_OPTS_INIT {SL_INGEST_OPTS_VERSION, 0u, NULL, 0, 0, 0}

/* A new, empty set of documents.  Caller frees with sl_corpus_free, which
 * frees its documents too. */
SL_API sl_corpus *sl_corpus_new(sl_ctx *ctx);
SL_API void sl_corpus_free(sl_corpus *c);

/* Reads a file, a directory (recursively, in sorted order) or "-" (stdin) and
 * adds every document found.  A problem with one file or record is reported
 * through the diagnostics callback and the rest is still read; the return is
 * then SL_EPARTIAL.  Returns 0 when everything was read, or a negative code
 * when nothing could be (the message is on ctx). */
SL_API int sl_corpus_add_path(sl_ctx *ctx, sl_corpus *c, const char *path,
                              const sl_ingest_opts *opts);

/* Adds the documents in a buffer as if read from a file called `name` (used
 * for the id, the messages and format detection by extension; may be NULL).
 * The bytes are copied.  Returns as sl_corpus_add_path. */
SL_API int sl_corpus_add_buffer(sl_ctx *ctx, sl_corpus *c, const char *name,
                                const char *data, size_t len, const sl_ingest_opts *opts);

/* Number of documents, and the i-th (0-based, in the order read).  A document
 * lives as long as its corpus. */
SL_API size_t sl_corpus_count(const sl_corpus *c);
SL_API sl_doc *sl_corpus_doc(const sl_corpus *c, size_t i);

/* Number of inputs that failed (reported through the diagnostics). */
SL_API size_t sl_corpus_failures(const sl_corpus *c);

/* Metadata of a document; each string lives as long as the document and is
 * never NULL ("" when unknown). */
SL_API const char *sl_doc_id(const sl_doc *d);     /* stable id: file base name or JSON id */
SL_API const char *sl_doc_path(const sl_doc *d);   /* input path ("-" for stdin), with #N for records */
SL_API const char *sl_doc_title(const sl_doc *d);
SL_API const char *sl_doc_source(const sl_doc *d); /* outlet: JSON source, site name or URL host */
SL_API const char *sl_doc_url(const sl_doc *d);
SL_API const char *sl_doc_format(const sl_doc *d); /* "text", "html", "json", "multinews" */
/* Fields of a JSON record that storyline does not use, as a JSON object text
 * ("" when none). */
SL_API const char *sl_doc_extra_json(const sl_doc *d);

/* Precision of a date, coarsest first. */
typedef enum sl_precision {
    SL_PREC_NONE = 0,
    SL_PREC_CENTURY,
    SL_PREC_DECADE,
    SL_PREC_YEAR,
    SL_PREC_SEASON,
    SL_PREC_QUARTER,
    SL_PREC_MONTH,
    SL_PREC_WEEK,
    SL_PREC_DAY,
    SL_PREC_TIME
} sl_precision;

/* The name of a precision ("day", "week", ...); static storage. */
SL_API const char *sl_precision_name(sl_precision p);

/* A document's date: when it was written, as precisely as the evidence says. */
typedef struct sl_date {
    char value[32];         /* TimeML-style value: "2018-04-27", "2018-W30", "2019" */
    sl_precision precision; /* SL_PREC_NONE when unknown */
    const char *evidence;   /* the text or field it came from; lives as the document */
    const char *origin;     /* "metadata", "text", "story", "override"; static */
} sl_date;

/* Fills *out with the document's date; returns 0, or SL_ENOENT when unknown
 * (out->precision is then SL_PREC_NONE). */
SL_API int sl_doc_date(const sl_doc *d, sl_date *out);

/* The cleaned text: paragraphs separated by one blank line, NUL-terminated.
 * Lives as long as the document. */
SL_API const char *sl_doc_text(const sl_doc *d, size_t *len);

/* Paragraph kinds. */
typedef enum sl_block_kind {
    SL_BLOCK_BODY = 0, /* story text */
    SL_BLOCK_TITLE,    /* the headline */
    SL_BLOCK_HEADING,  /* a heading inside the story */
    SL_BLOCK_CAPTION,  /* a photo or figure caption */
    SL_BLOCK_ITEM,     /* a list item */
    SL_BLOCK_QUOTE     /* a block quotation */
} sl_block_kind;

SL_API const char *sl_block_kind_name(sl_block_kind k);

/* A paragraph of the cleaned text: [start, end) byte offsets. */
typedef struct sl_block {
    size_t start, end;
    sl_block_kind kind;
} sl_block;

SL_API size_t sl_doc_block_count(const sl_doc *d);
/* The i-th paragraph; lives as long as the document. */
SL_API const sl_block *sl_doc_block(const sl_doc *d, size_t i);

/* A sentence of the cleaned text: [start, end) byte offsets. */
typedef struct sl_sentence {
    size_t start, end;
    size_t block;        /* index of its paragraph */
    sl_block_kind kind;  /* its paragraph's kind */
} sl_sentence;

SL_API size_t sl_doc_sentence_count(const sl_doc *d);
/* The i-th sentence; lives as long as the document. */
SL_API const sl_sentence *sl_doc_sentence(const sl_doc *d, size_t i);

/* What repair and cleaning did to a document, for --explain. */
typedef enum sl_edit_kind {
    SL_EDIT_REPAIR = 1, /* text was changed: mojibake, entities, controls, ... */
    SL_EDIT_REMOVE,     /* a line or block was removed as debris */
    SL_EDIT_EVIDENCE,   /* removed from the text but kept as evidence (e.g. of the date) */
    SL_EDIT_TITLE       /* taken as the document's title */
} sl_edit_kind;

typedef struct sl_edit {
    sl_edit_kind kind;
    const char *rule;   /* short rule name, e.g. "mojibake-gbk", "share-prompt"; static */
    const char *reason; /* one sentence for people; static */
    size_t line;        /* 1-based line of the input (0 when not line-based) */
    const char *before; /* the text as it was; lives as the document */
    const char *after;  /* what replaced it ("" when removed); lives as the document */
} sl_edit;

SL_API const char *sl_edit_kind_name(sl_edit_kind k);
SL_API size_t sl_doc_edit_count(const sl_doc *d);
/* The i-th edit in input order; lives as long as the document. */
SL_API const sl_edit *sl_doc_edit(const sl_doc *d, size_t i);

/* ------------------------------------------------------------------ text */

/* Repairs text: invalid UTF-8 is decoded as cp1252, mojibake (UTF-8 read as
 * cp1252, latin-1, GBK, ...) is undone, HTML entities decoded, control
 * characters and odd whitespace fixed, NFC applied.  Line structure is kept.
 * On success *out (caller frees with sl_free, NUL-terminated) and *out_len are
 * set.  `flags`: SL_OPT_AS_GIVEN decodes invalid UTF-8 and does nothing else. */
SL_API int sl_repair(sl_ctx *ctx, const char *text, size_t len, unsigned flags,
                     char **out, size_t *out_len);

/* A [start, end) byte range. */
typedef struct sl_span {
    size_t start, end;
} sl_span;

/* Splits text into sentences, as given (no cleaning).  Paragraph breaks
 * (blank lines) always end a sentence.  On success *spans (caller frees with
 * sl_free) holds *n ranges into text, trimmed of surrounding white space. */
SL_API int sl_split_sentences(sl_ctx *ctx, const char *text, size_t len,
                              sl_span **spans, size_t *n);

/* A word token. */
typedef struct sl_token {
    size_t start, end;  /* byte range in the text */
    unsigned norm;      /* id of the NFC, case-folded form in the context's vocabulary */
    unsigned stem;      /* id of its Snowball stem in the same vocabulary */
    unsigned flags;     /* SL_TOK_* */
} sl_token;

#define SL_TOK_WORD 1u     /* letters (possibly with digits, apostrophes, hyphens) */
#define SL_TOK_NUMBER 2u   /* a number: 1953, 28,000, 3.5 */
#define SL_TOK_PUNCT 4u    /* punctuation or a symbol */
#define SL_TOK_STOP 8u     /* on the language's stopword list */
#define SL_TOK_CAP 16u     /* starts with an upper-case letter */
#define SL_TOK_UPPER 32u   /* all letters upper case (two or more) */

/* Tokenizes text.  On success *toks (caller frees with sl_free) holds *n
 * tokens; their ids refer to ctx's vocabulary (sl_vocab_str). */
SL_API int sl_tokenize(sl_ctx *ctx, const char *text, size_t len, sl_token **toks, size_t *n);

/* The string of a vocabulary id; lives until the next call that adds words
 * to ctx's vocabulary.  "" for an unknown id. */
SL_API const char *sl_vocab_str(const sl_ctx *ctx, unsigned id);

/* ------------------------------------------------------------------ dates (temporal tagger, article dates) */

/* TimeML TIMEX3 types. */
typedef enum sl_timex_type {
    SL_TIMEX_DATE = 1, /* a calendar date or period: "July 27, 1953", "last year", "the 1950s" */
    SL_TIMEX_TIME,     /* a time of day: "10:35 a.m.", "Friday morning" */
    SL_TIMEX_DURATION, /* an amount of time: "three years", "68-year" */
    SL_TIMEX_SET       /* a recurring time: "daily", "every Monday" */
} sl_timex_type;

/* "DATE", "TIME", "DURATION" or "SET"; static storage. */
SL_API const char *sl_timex_type_name(sl_timex_type t);

#define SL_TIMEX_RELATIVE 1u   /* the value depends on the document's date ("Friday", "last year") */
#define SL_TIMEX_ANAPHORIC 2u  /* the value depends on the time mentioned before ("the following day") */
#define SL_TIMEX_UNRESOLVED 4u /* the date it depends on was not known: the value is underspecified (XXXX) */
#define SL_TIMEX_RANGE 8u      /* one end of a range ("from 1910 to 1945", "1950-53"); see pair */

/* A temporal expression and its normalized value. */
typedef struct sl_timex {
    size_t start, end;        /* [start, end) byte offsets into the text */
    sl_timex_type type;
    char value[48];           /* TimeML value: "1953-07-27", "2018-W17", "2019", "2018-SU", "P68Y",
                                 "PRESENT_REF", "XXXX-07-27" when the year is unknown */
    char mod[16];             /* TimeML mod: "START" ("early 2019"), "END", "MID", "APPROX",
                                 "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", or "" */
    sl_precision precision;   /* of a DATE or TIME value; SL_PREC_NONE for the others and for
                                 PRESENT_REF, PAST_REF, FUTURE_REF */
    unsigned flags;           /* SL_TIMEX_* */
    sl_precision rel_unit;    /* relative expressions that shift their reference by a fixed amount: */
    long rel_offset;          /* the reference moved by rel_offset rel_unit's ("last year": YEAR, -1;
                                 "sixty-five years ago this week": YEAR, -65 with precision WEEK);
                                 rel_unit is SL_PREC_NONE otherwise ("Friday", "July 27") */
    long pair;                /* SL_TIMEX_RANGE: index of the other end; -1 otherwise */
} sl_timex;

/* Finds the temporal expressions of news English in text[0..len) and
 * normalizes them to TimeML values.  `dct` is the date the text was written
 * ("2018-04-27", "2018-04-27T10:30", "2018-W30", "2018", any TimeML value),
 * or NULL when it is unknown: relative expressions then get underspecified
 * values ("XXXX-XX-XX") and SL_TIMEX_UNRESOLVED.  The clock is never read.
 * Offsets are into text as given.  On success *out (caller frees with
 * sl_free; NULL when *n is 0) holds *n expressions in text order.  Returns 0,
 * SL_EINVAL for a NULL argument or a malformed dct, SL_ETOOBIG over
 * SL_MAX_DOC_BYTES. */
SL_API int sl_tag_dates(sl_ctx *ctx, const char *text, size_t len, const char *dct, sl_timex **out,
                        size_t *n);

/* Sets the date of every document of the corpus (origin "override"), as the
 * CLI's --date does: "YYYY-MM-DD" or any value sl_tag_dates accepts as dct.
 * Documents added later keep their own dates.  Returns 0 or SL_EINVAL. */
SL_API int sl_corpus_set_date(sl_ctx *ctx, sl_corpus *c, const char *date);

/* Dates the undated documents of a story from the other documents (origin
 * "story"): a relative expression ("last year") in a sentence about an event
 * that another document dates ("the Singapore summit ... 12 June, 2018")
 * gives the year, month or day the undated document was written in; a
 * dateline without a year ("April 26", value "XXXX-04-26" until then) gets
 * the year of the story.  Documents with a date keep it.  Call it on the
 * documents of one story.  Returns the number of documents dated. */
SL_API size_t sl_corpus_infer_dates(sl_ctx *ctx, sl_corpus *c);

#ifdef __cplusplus
}
#endif

#endif /* STORYLINE_H */
