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

/* ------------------------------------------------------------------ stories */

/* Groups the documents of a corpus into stories: articles about the same
 * events, by average-linkage clustering of TF-IDF vectors (src/story/
 * cluster.c).  `threshold` is the mean cosine similarity that articles of one
 * story reach (0 for the default, SL_STORIES_DEFAULT_THRESHOLD).  Caller
 * frees with sl_stories_free.  Returns NULL only on invalid arguments. */
typedef struct sl_stories sl_stories;

#define SL_STORIES_DEFAULT_THRESHOLD 0.12

SL_API sl_stories *sl_stories_new(sl_ctx *ctx, const sl_corpus *c, double threshold);
SL_API void sl_stories_free(sl_stories *s);
/* Number of stories; stories are ordered by their first document. */
SL_API size_t sl_stories_count(const sl_stories *s);
/* Number of documents in story k. */
SL_API size_t sl_story_size(const sl_stories *s, size_t k);
/* Index (into the corpus) of the i-th document of story k, in input order. */
SL_API size_t sl_story_doc(const sl_stories *s, size_t k, size_t i);

/* ------------------------------------------------------------------ entities (ner) */

/* Named entities: people, places, organizations and other named things
 * (src/analysis/ner.c tags mentions; src/story/entities.c merges aliases
 * across documents without a knowledge base). */
typedef enum sl_entity_type {
    SL_ENT_PERSON = 1,
    SL_ENT_LOCATION,
    SL_ENT_ORGANIZATION,
    SL_ENT_OTHER
} sl_entity_type;

/* "PERSON", "LOCATION", "ORGANIZATION" or "OTHER"; static storage ("" for
 * an unknown value). */
SL_API const char *sl_entity_type_name(sl_entity_type t);

/* One mention of a named entity. */
typedef struct sl_mention {
    size_t doc;          /* index of its document in the corpus (0 for sl_ner_tag) */
    size_t start, end;   /* byte range in the document's cleaned text (or the buffer) */
    sl_entity_type type;
    double confidence;   /* 0..1, the tagger's margin as a probability */
} sl_mention;

/* Tags the named entities of a text as given (no cleaning): sentences and
 * tokens are computed on the bytes, so offsets refer to text.  On success
 * *out (caller frees with sl_free; NULL when none) holds *n mentions in text
 * order. */
SL_API int sl_ner_tag(sl_ctx *ctx, const char *text, size_t len, sl_mention **out, size_t *n);

/* An entity: mentions of one person, place, ... merged across documents. */
typedef struct sl_entity {
    const char *name;            /* canonical name: the most complete frequent form */
    sl_entity_type type;         /* majority type of its mentions */
    const char *const *aliases;  /* the other forms met, most frequent first */
    size_t naliases;
    const size_t *docs;          /* indexes of the documents it appears in, ascending */
    size_t ndocs;
    const sl_mention *mentions;  /* by document, then offset */
    size_t nmentions;
    double salience;             /* 0..1: weighted mentions over the corpus, 1 for the top */
} sl_entity;

typedef struct sl_entities sl_entities;

/* Recognizes the entities of every document of c and merges their aliases.
 * Entities come ordered by salience, then name.  Caller frees with
 * sl_entities_free; everything reached through it lives as long as it does.
 * Returns NULL (message on ctx) when c is NULL. */
SL_API sl_entities *sl_entities_new(sl_ctx *ctx, const sl_corpus *c);
SL_API void sl_entities_free(sl_entities *e);
SL_API size_t sl_entities_count(const sl_entities *e);
/* The i-th entity, or NULL past the end; lives as long as e. */
SL_API const sl_entity *sl_entities_get(const sl_entities *e, size_t i);

/* The entities as JSON: {"entities": [{"name", "type", "aliases", "docs",
 * "mentions": [{"doc", "start", "end", "text"}], "salience"}]} with document
 * ids from c (the corpus e was built from).  On success *out (caller frees
 * with sl_free, NUL-terminated) and *len are set. */
SL_API int sl_entities_json(const sl_entities *e, const sl_corpus *c, char **out, size_t *len);
/* ------------------------------------------------------------------ digest: the story's summary
 * (module: src/story/digest.c, src/story/summary.c and the methods; rendering in src/output/) */

/* A digest: what a cluster of articles on one story comes to.  Schema 1 has
 * the summary; the timeline, entities and comparison of sources are later
 * fields of the same object. */
typedef struct sl_digest sl_digest;

#define SL_DIGEST_OPTS_VERSION 2 /* 1: without `date` (still accepted) */

/* Settings for a digest.  Initialise with SL_DIGEST_OPTS_INIT.  Budgets: a
 * summary never exceeds any limit that is set and never cuts a sentence;
 * when words, sentences and bytes are all 0 the budget is 100 words. */
typedef struct sl_digest_opts {
    int version;           /* SL_DIGEST_OPTS_VERSION */
    const char *method;    /* a name of sl_digest_methods(), or NULL / "default" */
    size_t words;          /* at most this many words (white-space separated) */
    size_t sentences;      /* at most this many sentences */
    size_t bytes;          /* at most this many bytes, sentences joined by one space */
    const char *query;     /* a question to focus on (UTF-8), or NULL */
    size_t query_len;
    const char *date;      /* (version 2) the date of every document, as sl_corpus_set_date
                              takes it ("2018-04-27"), or NULL: see sl_digest_doc_date */
} sl_digest_opts;

#define SL_DIGEST_OPTS_INIT {SL_DIGEST_OPTS_VERSION, NULL, 0, 0, 0, NULL, 0, NULL}

/* The summarization methods, the default first, NULL-terminated; static. */
SL_API const char *const *sl_digest_methods(void);

/* Digests every document of the corpus as one story.  On success *out
 * (caller frees with sl_digest_free) refers to the corpus, which must outlive
 * it.  An empty corpus gives an empty summary.  Returns 0, or SL_EINVAL (an
 * unknown method or a bad argument; message on ctx). */
SL_API int sl_digest_new(sl_ctx *ctx, const sl_corpus *c, const sl_digest_opts *opts,
                         sl_digest **out);
SL_API void sl_digest_free(sl_digest *d);

/* The method used ("coverage", ...); static. */
SL_API const char *sl_digest_method(const sl_digest *d);
/* The query used, or NULL when none; lives as the digest. */
SL_API const char *sl_digest_query(const sl_digest *d);
/* The document's id in the digest: its corpus id, made unique with "-2",
 * "-3"... when two documents share one; lives as the digest. */
SL_API const char *sl_digest_doc_id(const sl_digest *d, size_t doc);

/* A sentence of the summary. */
typedef struct sl_summary_item {
    size_t doc;         /* index of its document in the corpus */
    size_t sentence;    /* index of the sentence in that document */
    double score;       /* the method's score, relative to the best chosen sentence (1) */
    const char *text;   /* the sentence, white space runs made one space; NUL-terminated */
    size_t len;
} sl_summary_item;

/* The summary's sentences in reading order; items live as the digest. */
SL_API size_t sl_digest_summary_count(const sl_digest *d);
SL_API const sl_summary_item *sl_digest_summary_item(const sl_digest *d, size_t i);

#define SL_RENDER_COLOR (1u << 0) /* ANSI colours in "text" output */

#define SL_RENDER_OPTS_VERSION 1

typedef struct sl_render_opts {
    int version;        /* SL_RENDER_OPTS_VERSION */
    unsigned flags;     /* SL_RENDER_* */
    size_t width;       /* wrap "text" output at this many columns (0: 80) */
} sl_render_opts;

#define SL_RENDER_OPTS_INIT {SL_RENDER_OPTS_VERSION, 0u, 0}

/* Renders the digest as "text" (headline, the summary as a paragraph with a
 * source mark after each sentence, timeline, entities, sources compared,
 * then the sources), "json" (schema 2, see docs/digest-schema.md and
 * docs/digest.schema.json; byte-identical across runs), "md" (Markdown with
 * footnotes and tables) or "html" (a self-contained report page).  opts may be NULL.  On success *out (caller frees with
 * sl_free, NUL-terminated) and *len are set.  Returns 0 or SL_EINVAL (an
 * unknown format; message on the digest's context). */
SL_API int sl_digest_render(const sl_digest *d, const char *format, const sl_render_opts *opts,
                            char **out, size_t *len);
/* ------------------------------------------------------------------ ROUGE evaluation (src/eval/rouge.c) */

/* ROUGE scores of summaries against reference summaries, with the semantics of
 * the reference ROUGE-1.5.5 script (Lin 2004): its tokenization (ASCII
 * lower-casing, every other byte a separator), its Porter stemmer (-m, words
 * of more than 3 letters), its -l/-b truncation of system and references, its
 * model-average (-f A) or best-model (-f B) formula, its summary-level union
 * LCS for ROUGE-L and its bootstrap averages and confidence intervals.  A
 * summary's sentences (its lines, unless SL_ROUGE_SPLIT) matter only for
 * ROUGE-L, since the script runs n-grams across them. */

#define SL_ROUGE_OPTS_VERSION 1
#define SL_ROUGE_MAX_N 8                        /* -n above this is refused */
#define SL_ROUGE_MAX_METRICS (SL_ROUGE_MAX_N + 2) /* ROUGE-1..N, ROUGE-L, ROUGE-S */
#define SL_ROUGE_MAX_TOKENS ((size_t)1 << 20)   /* words in one summary or reference */
#define SL_ROUGE_MAX_LCS ((size_t)1 << 28)      /* system words x reference words for ROUGE-L */
#define SL_ROUGE_MAX_SKIP ((size_t)1 << 23)     /* skip-bigrams of one text (matters for -2 -1) */

/* Switches (bit flags) of sl_rouge_opts.flags; the ROUGE-1.5.5 option in (). */
#define SL_ROUGE_STEM (1u << 0)          /* (-m) stem words longer than 3 letters: WordNet's
                                            irregular forms, else ROUGE's Porter stemmer */
#define SL_ROUGE_STOPWORDS (1u << 1)     /* (-s) refused with SL_EUNSUPPORTED: needs ROUGE's SMART list */
#define SL_ROUGE_SKIP (1u << 2)          /* (-2) compute ROUGE-S with gap skip_gap */
#define SL_ROUGE_SKIP_UNIGRAMS (1u << 3) /* (-u) count unigrams with the skip-bigrams: ROUGE-SU */
#define SL_ROUGE_NO_LCS (1u << 4)        /* (-x) no ROUGE-L */
#define SL_ROUGE_BEST (1u << 5)          /* (-f B) score against the best reference, not all */
#define SL_ROUGE_JACKKNIFE (1u << 6)     /* average over the leave-one-out reference sets
                                            (ROUGE before 1.4; 1.5.5 does not) */
#define SL_ROUGE_SPLIT (1u << 7)         /* split texts into sentences (sl_split_sentences);
                                            by default each line is a sentence, as in
                                            ROUGE's input files */
#define SL_ROUGE_NO_SEE_CUT (1u << 8)    /* keep a sentence's text after a '<': by default it
                                            is cut there, as ROUGE's SEE reader does with the
                                            unescaped HTML that pyrouge writes */

/* Settings of a ROUGE evaluation.  Initialise with SL_ROUGE_OPTS_INIT, which
 * gives ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 with ROUGE-1.5.5's defaults
 * (-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0, no stemming, no length limit). */
typedef struct sl_rouge_opts {
    int version;       /* SL_ROUGE_OPTS_VERSION */
    unsigned flags;    /* SL_ROUGE_* */
    int max_ngram;     /* (-n) ROUGE-1 .. ROUGE-max_ngram; 0 for none */
    int skip_gap;      /* (-2) most words between a skip-bigram's two; < 0 for no limit */
    size_t word_limit; /* (-l) keep the first N words of each text; 0 for all */
    size_t byte_limit; /* (-b) keep the first N bytes of each text; 0 for all */
    double alpha;      /* (-p) F = 1 / (alpha / P + (1 - alpha) / R), in [0, 1] */
    double confidence; /* (-c) confidence interval in percent, 0..100 */
    int resamples;     /* (-r) bootstrap samples; 0 for the plain mean and no interval */
    int count_mode;    /* (-t) 0 average per summary, 1 pool the counts, 2 counts only */
} sl_rouge_opts;

#define SL_ROUGE_OPTS_INIT \
    {SL_ROUGE_OPTS_VERSION, SL_ROUGE_SKIP | SL_ROUGE_SKIP_UNIGRAMS, 2, 4, 0, 0, 0.5, 95, 1000, 0}

/* One metric's scores. */
typedef struct sl_rouge_result {
    char metric[24];                     /* "ROUGE-1", "ROUGE-L", "ROUGE-SU4", "ROUGE-S*", ... */
    double recall, precision, f;         /* fractions in [0, 1], rounded to 5 places as ROUGE does */
    double recall_low, recall_high;      /* confidence interval of an average (else = the score) */
    double precision_low, precision_high;
    double f_low, f_high;
    double model_count, peer_count, hits; /* reference units, system units, matches behind them */
} sl_rouge_result;

/* Scores one summary against its references, all as (text, len) pairs of
 * UTF-8 or any bytes.  Fills out[0 .. *n) in the order ROUGE-1..N, ROUGE-L,
 * ROUGE-S; `out` has room for SL_ROUGE_MAX_METRICS.  An empty summary or
 * reference scores 0.  Returns SL_EINVAL for bad options, SL_ETOOBIG for
 * texts over the SL_ROUGE_MAX_* caps (message on ctx). */
SL_API int sl_rouge_score(sl_ctx *ctx, const sl_rouge_opts *opts, const char *summary, size_t len,
                          const char *const *refs, const size_t *ref_lens, size_t nrefs,
                          sl_rouge_result *out, size_t *n);

/* A corpus evaluation: summaries are added one by one, each with its
 * references, and averaged at the end as ROUGE-1.5.5 averages: per summary
 * (-t 0) or over pooled counts (-t 1), as the mean of `resamples` bootstrap
 * means with the interval read off their sorted values.  Sample i is drawn
 * after seeding a drand48 generator with i, as the script seeds Perl's,
 * over the summaries in the order Perl sorts the script's "<id>.<peer>"
 * keys (byte order of "<id>."), so the figures match the script's. */
typedef struct sl_rouge sl_rouge;

/* A new evaluation; *out is freed with sl_rouge_free.  The options are
 * copied.  Returns SL_EINVAL for bad options. */
SL_API int sl_rouge_new(sl_ctx *ctx, const sl_rouge_opts *opts, sl_rouge **out);
SL_API void sl_rouge_free(sl_rouge *r);

/* Scores a summary and keeps its scores under `id` (copied; names it in
 * messages).  Returns as sl_rouge_score; on failure nothing is kept. */
SL_API int sl_rouge_add(sl_rouge *r, const char *id, const char *summary, size_t len,
                        const char *const *refs, const size_t *ref_lens, size_t nrefs);

/* Number of summaries added, and the id and scores of the i-th in the
 * order of the averages (see above).  The id lives as long as r. */
SL_API size_t sl_rouge_count(const sl_rouge *r);
SL_API const char *sl_rouge_id(const sl_rouge *r, size_t i);
SL_API int sl_rouge_instance(sl_rouge *r, size_t i, sl_rouge_result *out, size_t *n);

/* The averages over all summaries added, as sl_rouge_score fills them.
 * Returns SL_EEMPTY when none was added. */
SL_API int sl_rouge_average(sl_rouge *r, sl_rouge_result *out, size_t *n);
/* ------------------------------------------------------------------ tokens (analysis/tokens.c) */

/* More token flags (see SL_TOK_WORD above). */
#define SL_TOK_URL 64u   /* a URL or e-mail address, one token (also SL_TOK_WORD);
                            its norm and stem are the text as written */
#define SL_TOK_TAG 128u  /* a #hashtag or @mention (also SL_TOK_WORD); case-folded, not stemmed */
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

/* ------------------------------------------------------------------ digest: entities and comparison of sources
 * (module: src/story/compare.c and src/story/facts.c, word lists in data/compare/) */

/* The entities of the digest's documents, as sl_entities_new finds them;
 * lives as long as the digest. */
SL_API const sl_entities *sl_digest_entities(const sl_digest *d);

/* A fact that two or more sources state alike (an agreement) or give
 * different values for (a disagreement): numbers with what they count,
 * dates, durations, and who did an action.  Compatible values (rounding,
 * "about", "more than", ranges, units, a year and a day of it) agree. */
typedef struct sl_cmp_fact {
    const char *about;  /* what it is about: "number of people aboard", "who split the country" */
    const char *kind;   /* "number", "date", "duration" or "actor" */
    const char *value;  /* an agreement's value (the most precise one given); NULL for a
                           disagreement, whose claims give the values */
    size_t nclaims;
} sl_cmp_fact;

/* One source's statement of a fact. */
typedef struct sl_cmp_claim {
    size_t doc;         /* index of its document in the corpus */
    size_t sentence;    /* index of the sentence in that document */
    const char *text;   /* the sentence, white space runs made one space */
    const char *value;  /* the value it gives: "more than 28,000", "1953-07-27" (TimeML), "P3Y",
                           "United States and Soviet Union" */
} sl_cmp_claim;

/* Agreements and disagreements, most sources first.  Strings live as long
 * as the digest. */
SL_API size_t sl_digest_agree_count(const sl_digest *d);
SL_API size_t sl_digest_disagree_count(const sl_digest *d);
/* Fills *out with the i-th agreement or disagreement; returns 0, or
 * SL_EINVAL past the end. */
SL_API int sl_digest_agreement(const sl_digest *d, size_t i, sl_cmp_fact *out);
SL_API int sl_digest_disagreement(const sl_digest *d, size_t i, sl_cmp_fact *out);
/* Fills *out with claim j of the i-th disagreement (disagreement != 0) or
 * agreement; claims are in document order.  Returns 0 or SL_EINVAL. */
SL_API int sl_digest_claim(const sl_digest *d, int disagreement, size_t i, size_t j,
                           sl_cmp_claim *out);
/* ------------------------------------------------------------------ digest: dates and timeline
 * (module: src/story/timeline.c; rendering in src/output/) */

/* The date document `doc` has in the digest: sl_digest_opts.date when given
 * (origin "override"), else the document's own (metadata or text, as
 * sl_doc_date), else what the other articles of the story say (origin
 * "story": rule 3 of sl_corpus_infer_dates, worked out by the digest without
 * changing the corpus).  The summary's order, the timeline and the writers
 * use these dates.  Fills *out (evidence lives as the digest); returns 0,
 * SL_ENOENT when the date is unknown, SL_EINVAL for a bad index. */
SL_API int sl_digest_doc_date(const sl_digest *d, size_t doc, sl_date *out);

/* A dated event of the story's timeline: the clause that carries a date,
 * resolved against its own article's date; the same event told by several
 * articles is one entry listing them all. */
typedef struct sl_timeline_entry {
    const char *date;        /* TimeML value: "1953-07-27", "2018-W17", "2019"; a range's start */
    const char *end;         /* a range's end ("1945" for "1910-1945"); "" for a single date */
    sl_precision precision;  /* of date */
    const char *mod;         /* "START" ("early 2019"), "MID", "END", "APPROX" or "" */
    const char *label;       /* the date for readers (UTF-8): "27 Jul 1953", "week of 23 Jul
                                2018", "early 2019", "1910-1945" (with an en dash) */
    const char *text;        /* the clause or sentence telling the event */
    const size_t *docs;      /* indices of the documents telling it, ascending */
    size_t ndocs;
    size_t doc, sentence;    /* where text comes from */
    size_t rank;             /* salience: 0 for the entry most worth showing (most sources) */
} sl_timeline_entry;

/* The timeline's entries, in chronological order (start day, coarser
 * dates first, then order of appearance).  Every string and array lives as
 * the digest.  sl_digest_timeline_entry returns 0, or SL_EINVAL for a bad
 * index. */
SL_API size_t sl_digest_timeline_count(const sl_digest *d);
SL_API int sl_digest_timeline_entry(const sl_digest *d, size_t i, sl_timeline_entry *out);

#ifdef __cplusplus
}
#endif

#endif /* STORYLINE_H */
