/*
 * ingest.c: reading inputs into documents.
 *
 * Paths are files, directories (walked recursively, entries sorted bytewise so
 * every run sees the same order) or "-" for stdin.  Each file's format is
 * detected from its content first and its extension second:
 *   - JSON (one object or an array of objects) and JSONL (one object a line),
 *   - Multi-News (documents separated by "|||||"),
 *   - HTML (a tag-like start: doctype, <html, <head, <body, <div, <p, ...),
 *   - plain text otherwise.
 * A file that is binary, empty, unreadable or over a size limit is reported
 * through the context's diagnostics and skipped; the other inputs go on.
 */
#include "ingest/ingest.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/doc.h"
#include "ingest/html.h"
#include "util/mem.h"
#include "util/utf8.h"

static size_t opt_max_doc(const sl_ingest_opts *o)
{
    return o && o->max_doc_bytes ? o->max_doc_bytes : SL_MAX_DOC_BYTES;
}

static size_t opt_max_file(const sl_ingest_opts *o)
{
    return o && o->max_file_bytes ? o->max_file_bytes : SL_MAX_FILE_BYTES;
}

static size_t opt_max_files(const sl_ingest_opts *o)
{
    return o && o->max_files ? o->max_files : SL_MAX_FILES;
}

/* ------------------------------------------------------------------ detection */

static int has_ext(const char *name, const char *ext)
{
    size_t n, e;
    if (!name)
        return 0;
    n = strlen(name);
    e = strlen(ext);
    return n > e && strcmp(name + n - e, ext) == 0;
}

static int ci_prefix(const char *s, size_t len, const char *p)
{
    size_t i, n = strlen(p);
    if (len < n)
        return 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != p[i])
            return 0;
    }
    return 1;
}

/* Binary: a NUL byte or many control characters in the first 8 KiB.  UTF-16
 * with a BOM is also reported as such, rather than silently misread. */
int sl_looks_binary(const char *data, size_t len)
{
    size_t i, n = len < 8192 ? len : 8192, ctl = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == 0)
            return 1;
        if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b)
            ctl++;
    }
    return n >= 32 && ctl * 10 > n;
}

const char *sl_detect_format(const char *name, const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    if (i < len && (data[i] == '{' || data[i] == '[')) {
        if (has_ext(name, ".jsonl") || has_ext(name, ".ndjson"))
            return "jsonl";
        if (has_ext(name, ".json") || data[i] == '[')
            return "json";
        /* "{" followed later by a newline and another "{": JSONL */
        {
            const char *nl = memchr(data + i, '\n', len - i);
            while (nl && (size_t)(nl - data) + 1 < len && (nl[1] == '\n' || nl[1] == '\r' || nl[1] == ' '))
                nl++;
            if (nl && (size_t)(nl - data) + 1 < len && nl[1] == '{')
                return "jsonl";
        }
        return "json";
    }
    if (i < len && data[i] == '<') {
        static const char *const tags[] = {"<!doctype", "<html", "<head", "<body", "<meta", "<title",
                                           "<div", "<p>", "<p ", "<article", "<!--", "<?xml",
                                           "<section", "<main", "<h1", "<span", "<table", "<link",
                                           "<script", "<style", "<header", "<nav"};
        size_t k;
        for (k = 0; k < sizeof(tags) / sizeof(tags[0]); k++)
            if (ci_prefix(data + i, len - i, tags[k]))
                return "html";
    }
    if (has_ext(name, ".html") || has_ext(name, ".htm") || has_ext(name, ".xhtml"))
        return "html";
    if (has_ext(name, ".jsonl") || has_ext(name, ".ndjson"))
        return "jsonl";
    if (has_ext(name, ".json"))
        return "json";
    {
        /* Multi-News: the separator on its own, surrounded by white space */
        const char *p = data, *end = data + len;
        while ((p = memchr(p, '|', (size_t)(end - p))) != NULL) {
            if (end - p >= 5 && memcmp(p, "|||||", 5) == 0)
                return "multinews";
            p++;
        }
    }
    return "text";
}

/* ------------------------------------------------------------------ readers */

static int add_text(sl_ctx *ctx, sl_corpus *c, const char *name, const char *data, size_t len,
                    const char *format, const sl_ingest_opts *o)
{
    sl_rawdoc raw;
    memset(&raw, 0, sizeof(raw));
    raw.name = name;
    raw.format = format;
    raw.text = data;
    raw.len = len;
    return sl_doc_build(ctx, c, &raw, o ? o->flags : 0);
}

int sl_ingest_html(sl_ctx *ctx, sl_corpus *c, const char *name, const char *data, size_t len,
                   const sl_rawdoc *meta, unsigned flags)
{
    sl_html_doc h;
    sl_rawdoc raw;
    sl_para *paras;
    size_t i;
    int rc;
    memset(&h, 0, sizeof(h));
    rc = sl_html_extract(ctx, data, len, &h);
    if (rc < 0) {
        sl_html_doc_free(&h);
        return rc;
    }
    if (!h.nblocks)
        sl_diag(ctx, name, SL_EEMPTY, "no article text found in the HTML page");
    if (meta)
        raw = *meta;
    else
        memset(&raw, 0, sizeof(raw));
    raw.name = name;
    raw.format = "html";
    if (!raw.title || !*raw.title)
        raw.title = h.title;
    if (!raw.date || !*raw.date) {
        raw.date = h.date;
        raw.date_evidence = h.date_evidence;
    }
    if (!raw.source || !*raw.source)
        raw.source = h.site;
    if (!raw.url || !*raw.url)
        raw.url = h.url;
    paras = sl_xcalloc(h.nblocks ? h.nblocks : 1, sizeof(*paras));
    for (i = 0; i < h.nblocks; i++) {
        paras[i].text = h.blocks[i].text;
        paras[i].len = h.blocks[i].len;
        paras[i].kind = h.blocks[i].kind;
        paras[i].line = 0;
    }
    raw.text = NULL;
    raw.len = 0;
    raw.paras = paras;
    raw.nparas = h.nblocks;
    rc = sl_doc_build(ctx, c, &raw, flags);
    free(paras);
    sl_html_doc_free(&h);
    return rc;
}

/* Multi-News: documents separated by "|||||"; each is plain text. */
static int add_multinews(sl_ctx *ctx, sl_corpus *c, const char *name, const char *data, size_t len,
                         const sl_ingest_opts *o)
{
    size_t pos = 0, k = 0;
    int rc = SL_OK;
    while (pos <= len) {
        const char *sep = NULL, *p = data + pos;
        size_t end;
        while ((p = memchr(p, '|', len - (size_t)(p - data))) != NULL) {
            if (len - (size_t)(p - data) >= 5 && memcmp(p, "|||||", 5) == 0) {
                sep = p;
                break;
            }
            p++;
        }
        end = sep ? (size_t)(sep - data) : len;
        {
            size_t a = pos, b = end;
            while (a < b && (data[a] == ' ' || data[a] == '\n' || data[a] == '\r' || data[a] == '\t'))
                a++;
            while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\n' || data[b - 1] == '\r' || data[b - 1] == '\t'))
                b--;
            k++;
            if (b > a) {
                sl_buf nm = SL_BUF_INIT;
                int r;
                sl_buf_printf(&nm, "%s#%zu", name, k);
                if (b - a > opt_max_doc(o)) {
                    sl_diag(ctx, sl_buf_cstr(&nm), SL_ETOOBIG, "document of %zu bytes is over the limit of %zu",
                            b - a, opt_max_doc(o));
                    c->failures++;
                    rc = SL_EPARTIAL;
                } else {
                    r = add_text(ctx, c, sl_buf_cstr(&nm), data + a, b - a, "multinews", o);
                    (void)r;
                }
                sl_buf_free(&nm);
            }
        }
        if (!sep)
            break;
        pos = end + 5;
    }
    return rc;
}

/* Reads a whole stream; fails with SL_ETOOBIG past `max` bytes.  `hint` is
 * the expected size (a regular file's), so the buffer is allocated once. */
static int read_stream(FILE *f, size_t max, size_t hint, char **out, size_t *len)
{
    size_t n = 0, cap = 0;
    char *p = NULL;
    if (hint && hint <= max)
        p = sl_xgrow(p, &cap, hint + 1, 1);
    for (;;) {
        size_t k;
        if (cap - n < 4096)
            p = sl_xgrow(p, &cap, n + 65536, 1);
        k = fread(p + n, 1, cap - n, f);
        n += k;
        if (n > max) {
            free(p);
            return SL_ETOOBIG;
        }
        if (k == 0)
            break;
    }
    if (ferror(f)) {
        free(p);
        return SL_EIO;
    }
    *out = p;
    *len = n;
    return SL_OK;
}

/* Dispatches one input buffer to its reader. */
static int add_buffer(sl_ctx *ctx, sl_corpus *c, const char *name, const char *data, size_t len,
                      const sl_ingest_opts *o)
{
    const char *fmt = o && o->format ? o->format : NULL;
    int rc;
    if (len == 0) {
        sl_diag(ctx, name, SL_EEMPTY, "empty input");
        c->failures++;
        return sl_fail(ctx, SL_EEMPTY, "%s: empty input", name);
    }
    if (sl_looks_binary(data, len)) {
        sl_diag(ctx, name, SL_EBINARY, "binary data, not text");
        c->failures++;
        return sl_fail(ctx, SL_EBINARY, "%s: binary data, not text", name);
    }
    if (!fmt)
        fmt = sl_detect_format(name, data, len);
    if (strcmp(fmt, "json") == 0 || strcmp(fmt, "jsonl") == 0)
        return sl_ingest_json(ctx, c, name, data, len, strcmp(fmt, "jsonl") == 0, o);
    if (strcmp(fmt, "multinews") == 0)
        return add_multinews(ctx, c, name, data, len, o);
    if (len > opt_max_doc(o)) {
        sl_diag(ctx, name, SL_ETOOBIG, "%zu bytes is over the limit of %zu for one document", len,
                opt_max_doc(o));
        c->failures++;
        return sl_fail(ctx, SL_ETOOBIG, "%s: over the size limit", name);
    }
    if (strcmp(fmt, "html") == 0) {
        rc = sl_ingest_html(ctx, c, name, data, len, NULL, o ? o->flags : 0);
        if (rc < 0 && rc != SL_EEMPTY) {
            sl_diag(ctx, name, rc, "%s", sl_errmsg(ctx));
            c->failures++;
            return rc;
        }
        return SL_OK;
    }
    if (strcmp(fmt, "text") != 0) {
        sl_diag(ctx, name, SL_EINVAL, "unknown format '%s'", fmt);
        c->failures++;
        return sl_fail(ctx, SL_EINVAL, "unknown format '%s'", fmt);
    }
    add_text(ctx, c, name, data, len, "text", o);
    return SL_OK;
}

int sl_corpus_add_buffer(sl_ctx *ctx, sl_corpus *c, const char *name, const char *data, size_t len,
                         const sl_ingest_opts *opts)
{
    size_t before;
    int rc;
    if (!ctx || !c || (!data && len))
        return SL_EINVAL;
    before = c->failures;
    rc = add_buffer(ctx, c, name ? name : "-", data ? data : "", len, opts);
    if (c->failures > before && rc >= 0)
        rc = SL_EPARTIAL;
    return rc;
}

static void progress(sl_ctx *ctx, sl_corpus *c, size_t total)
{
    if (ctx->progress)
        ctx->progress(ctx->progress_user, c->files, total);
}

/* Reads one file.  Small files are read whole and dispatched; a file over the
 * one-document limit is only read on if it is JSONL (streamed a line at a
 * time) or Multi-News (bounded by the file limit): a single text or HTML
 * document that large is refused after reading its first bytes, so a 200 MB
 * file costs milliseconds, not a 200 MB allocation. */
static int add_file(sl_ctx *ctx, sl_corpus *c, const char *path, const sl_ingest_opts *o)
{
    FILE *f;
    char *data = NULL;
    size_t len = 0, max_doc = opt_max_doc(o);
    int rc;
    int is_stdin = strcmp(path, "-") == 0;
    struct stat st;
    size_t hint = 0;
    if (is_stdin) {
        f = stdin;
    } else {
        f = fopen(path, "rb");
        if (!f) {
            int e = errno;
            rc = e == ENOENT ? SL_ENOENT : SL_EIO;
            sl_diag(ctx, path, rc, "cannot open: %s", strerror(e));
            c->failures++;
            return sl_fail(ctx, rc, "%s: cannot open: %s", path, strerror(e));
        }
        if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
            hint = (size_t)st.st_size;
        if (hint > opt_max_file(o)) {
            fclose(f);
            c->files++;
            sl_diag(ctx, path, SL_ETOOBIG, "file of %zu MiB is over the limit of %zu MiB",
                    (size_t)st.st_size >> 20, opt_max_file(o) >> 20);
            c->failures++;
            return sl_fail(ctx, SL_ETOOBIG, "%s: file is over the size limit", path);
        }
    }
    /* Read at most one document's worth plus one byte: enough to know
     * whether the input is over the limit. */
    rc = read_stream(f, max_doc, hint, &data, &len);
    c->files++;
    if (rc == SL_ETOOBIG) {
        /* read_stream freed what it had: read the head again for detection */
        char head[65536];
        size_t hn;
        const char *fmt;
        if (!is_stdin && fseek(f, 0, SEEK_SET) != 0) {
            fclose(f);
            return sl_fail(ctx, SL_EIO, "%s: cannot seek", path);
        }
        hn = is_stdin ? 0 : fread(head, 1, sizeof(head), f);
        fmt = o && o->format ? o->format : sl_detect_format(path, head, hn);
        if (!is_stdin && strcmp(fmt, "jsonl") == 0) {
            rc = sl_ingest_jsonl_stream(ctx, c, path, f, head, hn, o);
            fclose(f);
            return rc;
        }
        if (!is_stdin && strcmp(fmt, "multinews") == 0) {
            if (fseek(f, 0, SEEK_SET) == 0 && read_stream(f, opt_max_file(o), hint, &data, &len) == SL_OK) {
                fclose(f);
                rc = add_buffer(ctx, c, path, data, len, o);
                free(data);
                return rc;
            }
        }
        if (!is_stdin)
            fclose(f);
        sl_diag(ctx, path, SL_ETOOBIG,
                "over the limit of %zu MiB for one document (JSONL files may be larger)",
                max_doc >> 20);
        c->failures++;
        return sl_fail(ctx, SL_ETOOBIG, "%s: over the size limit", path);
    }
    if (!is_stdin)
        fclose(f);
    if (rc < 0) {
        sl_diag(ctx, path, rc, "read error");
        c->failures++;
        return sl_fail(ctx, rc, "%s: read error", path);
    }
    rc = add_buffer(ctx, c, path, data, len, o);
    free(data);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Skips what no user means as input: hidden files, editor backups. */
static int skip_entry(const char *n)
{
    size_t len = strlen(n);
    return n[0] == '.' || (len && n[len - 1] == '~');
}

/* Walks a directory depth-first, entries sorted, counting files against the
 * limit so a folder of a million files is bounded, not a hang. */
static int add_dir(sl_ctx *ctx, sl_corpus *c, const char *path, const sl_ingest_opts *o, int depth,
                   size_t *seen)
{
    DIR *dir;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = SL_OK;
    if (depth > 64) {
        sl_diag(ctx, path, SL_ELIMIT, "directories nested deeper than 64 levels");
        c->failures++;
        return SL_ELIMIT;
    }
    dir = opendir(path);
    if (!dir) {
        sl_diag(ctx, path, SL_EIO, "cannot open directory: %s", strerror(errno));
        c->failures++;
        return SL_EIO;
    }
    while ((e = readdir(dir)) != NULL) {
        if (skip_entry(e->d_name))
            continue;
        SL_PUSH(names, n, cap, sl_xstrdup(e->d_name));
    }
    closedir(dir);
    if (n > 1)
        qsort(names, n, sizeof(*names), cmp_str);
    for (i = 0; i < n; i++) {
        sl_buf full = SL_BUF_INIT;
        struct stat st;
        sl_buf_puts(&full, path);
        if (full.len && full.ptr[full.len - 1] != '/')
            sl_buf_putc(&full, '/');
        sl_buf_puts(&full, names[i]);
        if (stat(sl_buf_cstr(&full), &st) != 0) {
            sl_diag(ctx, sl_buf_cstr(&full), SL_EIO, "cannot stat: %s", strerror(errno));
            c->failures++;
        } else if (S_ISDIR(st.st_mode)) {
            add_dir(ctx, c, sl_buf_cstr(&full), o, depth + 1, seen);
        } else if (S_ISREG(st.st_mode)) {
            if (++*seen > opt_max_files(o)) {
                sl_diag(ctx, path, SL_ELIMIT, "more than %zu files; the rest are skipped",
                        opt_max_files(o));
                c->failures++;
                sl_buf_free(&full);
                rc = SL_ELIMIT;
                for (; i < n; i++)
                    free(names[i]);
                break;
            }
            add_file(ctx, c, sl_buf_cstr(&full), o);
            progress(ctx, c, *seen);
        }
        sl_buf_free(&full);
        free(names[i]);
    }
    free(names);
    return rc;
}

int sl_corpus_add_path(sl_ctx *ctx, sl_corpus *c, const char *path, const sl_ingest_opts *opts)
{
    struct stat st;
    size_t before, docs_before, seen = 0;
    int rc;
    if (!ctx || !c || !path)
        return SL_EINVAL;
    if (opts && opts->version != SL_INGEST_OPTS_VERSION)
        return sl_fail(ctx, SL_EINVAL, "sl_ingest_opts version %d, expected %d", opts->version,
                       SL_INGEST_OPTS_VERSION);
    before = c->failures;
    docs_before = c->n;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        add_dir(ctx, c, path, opts, 0, &seen);
        if (c->n == docs_before && c->failures == before) {
            sl_diag(ctx, path, SL_EEMPTY, "no files in directory");
            c->failures++;
        }
    } else {
        add_file(ctx, c, path, opts);
        progress(ctx, c, c->files);
    }
    if (c->failures == before)
        return SL_OK;
    rc = c->n > docs_before ? SL_EPARTIAL : SL_EIO;
    if (rc == SL_EPARTIAL)
        sl_fail(ctx, rc, "%s: %zu input(s) failed", path, c->failures - before);
    else if (!*sl_errmsg(ctx))
        sl_fail(ctx, rc, "%s: nothing could be read", path);
    return rc;
}
