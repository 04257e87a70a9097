/*
 * json.c: JSON and JSONL articles.
 *
 * A record is an object with any of the fields id, url, source, title, date,
 * and text or html (common aliases such as "content", "body", "headline",
 * "published_at" are accepted).  Fields storyline does not use are kept, as a
 * JSON object, on the document.  A malformed line of a JSONL file is reported
 * as "name:LINE: malformed JSON: ..." and the other lines are still read.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "ingest/ingest.h"
#include "util/mem.h"

static const char *const text_keys[] = {"text", "body", "content", "article", "maintext", "articleBody", NULL};
static const char *const html_keys[] = {"html", "raw_html", "content_html", NULL};
static const char *const title_keys[] = {"title", "headline", NULL};
static const char *const date_keys[] = {"date", "published", "published_at", "publishedAt", "pubDate",
                                        "date_publish", "datePublished", "publish_date", NULL};
static const char *const source_keys[] = {"source", "outlet", "site", "site_name", "publisher",
                                          "source_domain", NULL};
static const char *const url_keys[] = {"url", "link", "canonical_url", NULL};
static const char *const id_keys[] = {"id", "uid", "doc_id", NULL};

static int key_in(const char *key, const char *const *keys)
{
    for (; *keys; keys++)
        if (strcmp(key, *keys) == 0)
            return 1;
    return 0;
}

/* A string field, or the "name" of an object field (NewsAPI's source). */
static const char *field_str(json_t *obj, const char *const *keys, const char **used)
{
    for (; *keys; keys++) {
        json_t *v = json_object_get(obj, *keys);
        if (json_is_object(v))
            v = json_object_get(v, "name");
        if (json_is_string(v) && json_string_length(v) > 0) {
            if (used)
                *used = *keys;
            return json_string_value(v);
        }
    }
    return NULL;
}

/* The id as a string: strings as they are, integers printed. */
static char *field_id(json_t *obj)
{
    const char *const *k;
    for (k = id_keys; *k; k++) {
        json_t *v = json_object_get(obj, *k);
        if (json_is_string(v) && json_string_length(v) > 0)
            return sl_xstrdup(json_string_value(v));
        if (json_is_integer(v)) {
            sl_buf b = SL_BUF_INIT;
            sl_buf_printf(&b, "%lld", (long long)json_integer_value(v));
            return sl_buf_detach(&b);
        }
    }
    return NULL;
}

static int add_record(sl_ctx *ctx, sl_corpus *c, const char *name, json_t *obj, const sl_ingest_opts *o,
                      int numbered)
{
    sl_rawdoc raw;
    json_t *extra = json_object();
    const char *key, *text, *html, *date_key = NULL;
    json_t *val;
    char *id, *extra_s = NULL;
    int rc;
    size_t max = o && o->max_doc_bytes ? o->max_doc_bytes : SL_MAX_DOC_BYTES;

    memset(&raw, 0, sizeof(raw));
    raw.name = name;
    raw.format = "json";
    id = field_id(obj);
    raw.id = id;
    raw.title = field_str(obj, title_keys, NULL);
    raw.source = field_str(obj, source_keys, NULL);
    raw.url = field_str(obj, url_keys, NULL);
    raw.date = field_str(obj, date_keys, &date_key);
    raw.date_evidence = date_key ? date_key : NULL;
    text = field_str(obj, text_keys, NULL);
    html = field_str(obj, html_keys, NULL);
    json_object_foreach(obj, key, val)
    {
        if (key_in(key, text_keys) || key_in(key, html_keys) || key_in(key, title_keys) ||
            key_in(key, date_keys) || key_in(key, source_keys) || key_in(key, url_keys) ||
            key_in(key, id_keys))
            continue;
        json_object_set(extra, key, val);
    }
    if (json_object_size(extra))
        extra_s = json_dumps(extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
    raw.extra_json = extra_s;
    (void)numbered;

    if (!text && !html) {
        sl_diag(ctx, name, SL_EEMPTY, "record has no \"text\" or \"html\" field");
        c->failures++;
        rc = SL_EEMPTY;
    } else if ((text ? strlen(text) : strlen(html)) > max) {
        sl_diag(ctx, name, SL_ETOOBIG, "record text is over the limit of %zu bytes", max);
        c->failures++;
        rc = SL_ETOOBIG;
    } else if (text) {
        char buf[48];
        raw.text = text;
        raw.len = strlen(text);
        if (raw.date_evidence) {
            snprintf(buf, sizeof(buf), "JSON field \"%s\"", raw.date_evidence);
            raw.date_evidence = buf;
        }
        rc = sl_doc_build(ctx, c, &raw, o ? o->flags : 0);
    } else {
        char buf[48];
        if (raw.date_evidence) {
            snprintf(buf, sizeof(buf), "JSON field \"%s\"", raw.date_evidence);
            raw.date_evidence = buf;
        }
        rc = sl_ingest_html(ctx, c, name, html, strlen(html), &raw, o ? o->flags : 0);
        if (rc < 0 && rc != SL_EEMPTY) {
            sl_diag(ctx, name, rc, "%s", sl_errmsg(ctx));
            c->failures++;
        }
    }
    free(id);
    free(extra_s);
    json_decref(extra);
    return rc;
}

static void report(sl_ctx *ctx, sl_corpus *c, const char *name, size_t line, const json_error_t *err)
{
    sl_buf where = SL_BUF_INIT;
    if (line)
        sl_buf_printf(&where, "%s:%zu", name, line);
    else
        sl_buf_printf(&where, "%s:%d", name, err->line);
    sl_diag(ctx, sl_buf_cstr(&where), SL_EFORMAT, "malformed JSON: %s", err->text);
    c->failures++;
    sl_buf_free(&where);
}

/* One line of a JSONL file: blank lines are skipped, anything else must be
 * one JSON object. */
static void json_line(sl_ctx *ctx, sl_corpus *c, const char *name, size_t line, const char *data,
                      size_t len, const sl_ingest_opts *o)
{
    size_t a = 0, b = len;
    json_error_t err;
    json_t *v;
    sl_buf nm = SL_BUF_INIT;
    while (a < b && (data[a] == ' ' || data[a] == '\t' || data[a] == '\r'))
        a++;
    while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
        b--;
    if (b == a)
        return;
    sl_buf_printf(&nm, "%s:%zu", name, line);
    v = json_loadb(data + a, b - a, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    if (!v) {
        report(ctx, c, name, line, &err);
    } else if (!json_is_object(v)) {
        sl_diag(ctx, sl_buf_cstr(&nm), SL_EFORMAT, "line is not a JSON object");
        c->failures++;
    } else {
        add_record(ctx, c, sl_buf_cstr(&nm), v, o, 1);
    }
    json_decref(v);
    sl_buf_free(&nm);
}

int sl_ingest_jsonl_stream(sl_ctx *ctx, sl_corpus *c, const char *name, FILE *f, const char *head,
                           size_t head_len, const sl_ingest_opts *o)
{
    /* Lines are assembled in one buffer; a line longer than the document
     * limit is reported and skipped up to its newline without being kept, so
     * memory stays bounded by the limit whatever the file's size. */
    size_t max = o && o->max_doc_bytes ? o->max_doc_bytes : SL_MAX_DOC_BYTES;
    sl_buf cur = SL_BUF_INIT;
    size_t line = 1, i;
    int too_long = 0, c_in;
    for (i = 0; i < head_len; i++) {
        char ch = head[i];
        if (ch == '\n') {
            if (!too_long)
                json_line(ctx, c, name, line, sl_buf_cstr(&cur), cur.len, o);
            sl_buf_clear(&cur);
            too_long = 0;
            line++;
        } else if (!too_long) {
            sl_buf_putc(&cur, ch);
            if (cur.len > max) {
                too_long = 1;
                sl_buf_clear(&cur);
            }
        }
        if (too_long == 1) {
            sl_buf w = SL_BUF_INIT;
            sl_buf_printf(&w, "%s:%zu", name, line);
            sl_diag(ctx, sl_buf_cstr(&w), SL_ETOOBIG, "line is over the limit of %zu bytes", max);
            c->failures++;
            sl_buf_free(&w);
            too_long = 2;
        }
    }
    while (f && (c_in = getc_unlocked(f)) != EOF) {
        if (c_in == '\n') {
            if (!too_long)
                json_line(ctx, c, name, line, sl_buf_cstr(&cur), cur.len, o);
            sl_buf_clear(&cur);
            too_long = 0;
            line++;
            continue;
        }
        if (too_long)
            continue;
        sl_buf_putc(&cur, (char)c_in);
        if (cur.len > max) {
            sl_buf w = SL_BUF_INIT;
            sl_buf_printf(&w, "%s:%zu", name, line);
            sl_diag(ctx, sl_buf_cstr(&w), SL_ETOOBIG, "line is over the limit of %zu bytes", max);
            c->failures++;
            sl_buf_free(&w);
            sl_buf_clear(&cur);
            too_long = 1;
        }
    }
    if (!too_long && cur.len)
        json_line(ctx, c, name, line, sl_buf_cstr(&cur), cur.len, o);
    sl_buf_free(&cur);
    return f && ferror(f) ? SL_EIO : SL_OK;
}

int sl_ingest_json(sl_ctx *ctx, sl_corpus *c, const char *name, const char *data, size_t len,
                   int lines, const sl_ingest_opts *o)
{
    json_error_t err;
    int rc = SL_OK;
    if (!lines) {
        json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
        if (!root) {
            /* Not one JSON value: it may still be JSONL without the extension. */
            if (strstr(err.text, "end of file expected"))
                return sl_ingest_json(ctx, c, name, data, len, 1, o);
            report(ctx, c, name, 0, &err);
            return sl_fail(ctx, SL_EFORMAT, "%s:%d: malformed JSON: %s", name, err.line, err.text);
        }
        if (json_is_object(root)) {
            add_record(ctx, c, name, root, o, 0);
        } else if (json_is_array(root)) {
            size_t i;
            for (i = 0; i < json_array_size(root); i++) {
                json_t *v = json_array_get(root, i);
                sl_buf nm = SL_BUF_INIT;
                sl_buf_printf(&nm, "%s#%zu", name, i + 1);
                if (json_is_object(v)) {
                    add_record(ctx, c, sl_buf_cstr(&nm), v, o, 1);
                } else {
                    sl_diag(ctx, sl_buf_cstr(&nm), SL_EFORMAT, "array element is not an object");
                    c->failures++;
                }
                sl_buf_free(&nm);
            }
        } else {
            sl_diag(ctx, name, SL_EFORMAT, "JSON is not an object or an array of objects");
            c->failures++;
            rc = SL_EFORMAT;
        }
        json_decref(root);
        return rc;
    }
    {
        size_t pos = 0, line = 0;
        while (pos < len) {
            size_t e = pos;
            line++;
            while (e < len && data[e] != '\n')
                e++;
            json_line(ctx, c, name, line, data + pos, e - pos, o);
            pos = e + 1;
        }
    }
    return rc;
}
