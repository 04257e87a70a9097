/*
 * json.c: the digest as JSON, schema 2 (docs/digest-schema.md; the JSON
 * Schema docs/digest.schema.json is the contract, and the tests validate
 * every digest they produce against it).
 *
 * Keys come in a fixed order (jansson keeps insertion order): schema, query,
 * method, budget, documents, summary, timeline, entities, comparison; the
 * last three are always there (empty when the stage found nothing), so a
 * reader never has to guess.  Scores and saliences are rounded to four
 * decimals before printing, so output is byte-identical across runs and
 * machines.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "output/render.h"

/* A JSON string of UTF-8 text; text that is not valid UTF-8 (never the
 * case after repair, but the API takes any bytes) becomes "". */
static json_t *jstr(const char *s, size_t n)
{
    json_t *v = json_stringn(s, n);
    return v ? v : json_string("");
}

static json_t *jstr0(const char *s)
{
    return jstr(s, strlen(s));
}

static json_t *jstr_or_null(const char *s)
{
    return s && *s ? jstr0(s) : json_null();
}

static json_t *jsize_or_null(size_t v)
{
    return v ? json_integer((json_int_t)v) : json_null();
}

static json_t *jround(double v)
{
    return json_real(floor(v * 10000 + 0.5) / 10000);
}

static json_t *jdoc(const sl_digest *d, size_t doc)
{
    return doc < d->corpus->n ? jstr0(d->doc_ids[doc]) : json_null();
}

/* A sentence index, or null when it names no sentence of the document. */
static json_t *jsentence(const sl_digest *d, size_t doc, size_t sentence)
{
    if (doc < d->corpus->n && sentence < d->corpus->docs[doc]->nsents)
        return json_integer((json_int_t)sentence);
    return json_null();
}

static json_t *entities(const sl_digest *d)
{
    json_t *a = json_array();
    size_t i, j, n = sl_entities_count(d->entities);
    for (i = 0; i < n; i++) {
        const sl_entity *e = sl_entities_get(d->entities, i);
        json_t *o = json_object(), *al = json_array(), *docs = json_array(), *ms = json_array();
        json_object_set_new(o, "name", jstr0(e->name));
        json_object_set_new(o, "type", jstr0(sl_entity_type_name(e->type)));
        for (j = 0; j < e->naliases; j++)
            json_array_append_new(al, jstr0(e->aliases[j]));
        json_object_set_new(o, "aliases", al);
        for (j = 0; j < e->ndocs; j++)
            if (e->docs[j] < d->corpus->n)
                json_array_append_new(docs, jdoc(d, e->docs[j]));
        json_object_set_new(o, "docs", docs);
        for (j = 0; j < e->nmentions; j++) {
            const sl_mention *m = &e->mentions[j];
            const sl_doc *x;
            json_t *mo;
            if (m->doc >= d->corpus->n)
                continue;
            x = d->corpus->docs[m->doc];
            mo = json_object();
            json_object_set_new(mo, "doc", jdoc(d, m->doc));
            json_object_set_new(mo, "start", json_integer((json_int_t)m->start));
            json_object_set_new(mo, "end", json_integer((json_int_t)m->end));
            json_object_set_new(mo, "text", m->start <= m->end && m->end <= x->text.len
                                                ? jstr(x->text.ptr + m->start, m->end - m->start)
                                                : jstr0(""));
            json_array_append_new(ms, mo);
        }
        json_object_set_new(o, "mentions", ms);
        json_object_set_new(o, "salience", jround(e->salience));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *cmp_items(const sl_digest *d, const sl_cmp_item *v, size_t n, int agree)
{
    json_t *a = json_array();
    size_t i, j;
    for (i = 0; i < n; i++) {
        json_t *o = json_object(), *claims = json_array();
        json_object_set_new(o, "about", jstr0(v[i].about ? v[i].about : ""));
        json_object_set_new(o, "kind", jstr0(v[i].kind ? v[i].kind : ""));
        if (agree)
            json_object_set_new(o, "value", jstr_or_null(v[i].value));
        for (j = 0; j < v[i].nclaims; j++) {
            const sl_claim *c = &v[i].claims[j];
            json_t *co;
            if (c->doc >= d->corpus->n)
                continue;
            co = json_object();
            json_object_set_new(co, "doc", jdoc(d, c->doc));
            json_object_set_new(co, "sentence", jsentence(d, c->doc, c->sentence));
            json_object_set_new(co, "text", jstr0(c->text ? c->text : ""));
            json_object_set_new(co, "value", jstr0(c->value ? c->value : ""));
            json_array_append_new(claims, co);
        }
        json_object_set_new(o, "claims", claims);
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *document(const sl_digest *d, size_t i)
{
    const sl_doc *doc = d->corpus->docs[i];
    json_t *o = json_object(), *sents = json_array();
    sl_date date;
    size_t k, len;
    const char *text = sl_doc_text(doc, &len);

    json_object_set_new(o, "id", jstr0(d->doc_ids[i]));
    json_object_set_new(o, "path", jstr0(sl_doc_path(doc)));
    json_object_set_new(o, "title", jstr_or_null(sl_doc_title(doc)));
    json_object_set_new(o, "source", jstr_or_null(sl_doc_source(doc)));
    json_object_set_new(o, "url", jstr_or_null(sl_doc_url(doc)));
    if (sl_digest_doc_date(d, i, &date) == SL_OK) {
        json_t *dt = json_object();
        json_object_set_new(dt, "value", jstr0(date.value));
        json_object_set_new(dt, "precision", jstr0(sl_precision_name(date.precision)));
        json_object_set_new(dt, "evidence", jstr0(date.evidence));
        json_object_set_new(dt, "origin", jstr0(date.origin));
        json_object_set_new(o, "date", dt);
    } else {
        json_object_set_new(o, "date", json_null());
    }
    for (k = 0; k < sl_doc_sentence_count(doc); k++) {
        const sl_sentence *s = sl_doc_sentence(doc, k);
        json_t *so = json_object();
        json_object_set_new(so, "text", jstr(text + s->start, s->end - s->start));
        json_object_set_new(so, "kind", jstr0(sl_block_kind_name(s->kind)));
        json_array_append_new(sents, so);
    }
    json_object_set_new(o, "sentences", sents);
    return o;
}

/* The timeline (docs/digest-schema.md): every event, chronological. */
static json_t *timeline(const sl_digest *d)
{
    json_t *arr = json_array();
    size_t i, k;
    for (i = 0; i < d->ntimeline; i++) {
        const sl_tl_event *e = &d->timeline[i];
        json_t *o = json_object(), *docs = json_array();
        json_object_set_new(o, "date", jstr0(e->date));
        if (e->end[0])
            json_object_set_new(o, "end", jstr0(e->end));
        json_object_set_new(o, "precision", jstr0(sl_precision_name(e->precision)));
        if (e->mod[0])
            json_object_set_new(o, "mod", jstr0(e->mod));
        json_object_set_new(o, "label", jstr0(e->label));
        json_object_set_new(o, "text", jstr0(e->text));
        for (k = 0; k < e->ndocs; k++)
            json_array_append_new(docs, jstr0(d->doc_ids[e->docs[k]]));
        json_object_set_new(o, "docs", docs);
        json_object_set_new(o, "doc", jdoc(d, e->doc));
        json_object_set_new(o, "sentence", jsentence(d, e->doc, e->sentence));
        json_array_append_new(arr, o);
    }
    return arr;
}

int sl_render_json(const sl_digest *d, const sl_render_opts *opts, sl_buf *out)
{
    json_t *root = json_object(), *budget = json_object(), *used = json_object();
    json_t *docs = json_array(), *summary = json_array();
    char *s;
    size_t i;
    (void)opts;

    json_object_set_new(root, "schema", json_integer(SL_DIGEST_SCHEMA));
    json_object_set_new(root, "query", d->query ? jstr0(d->query) : json_null());
    json_object_set_new(root, "method", jstr0(d->method));
    json_object_set_new(budget, "words", jsize_or_null(d->words));
    json_object_set_new(budget, "sentences", jsize_or_null(d->sentences));
    json_object_set_new(budget, "bytes", jsize_or_null(d->bytes));
    json_object_set_new(used, "words", json_integer((json_int_t)d->used_words));
    json_object_set_new(used, "sentences", json_integer((json_int_t)d->nitems));
    json_object_set_new(used, "bytes", json_integer((json_int_t)d->used_bytes));
    json_object_set_new(budget, "used", used);
    json_object_set_new(root, "budget", budget);
    for (i = 0; i < d->corpus->n; i++)
        json_array_append_new(docs, document(d, i));
    json_object_set_new(root, "documents", docs);
    for (i = 0; i < d->nitems; i++) {
        const sl_summary_item *it = &d->items[i];
        json_t *o = json_object();
        json_object_set_new(o, "text", jstr(it->text, it->len));
        json_object_set_new(o, "doc", jstr0(d->doc_ids[it->doc]));
        json_object_set_new(o, "sentence", json_integer((json_int_t)it->sentence));
        json_object_set_new(o, "score", jround(it->score));
        json_array_append_new(summary, o);
    }
    json_object_set_new(root, "summary", summary);
    json_object_set_new(root, "timeline", timeline(d));
    json_object_set_new(root, "entities", entities(d));
    {
        json_t *cmp = json_object();
        json_object_set_new(cmp, "agree", cmp_items(d, d->agree, d->nagree, 1));
        json_object_set_new(cmp, "disagree", cmp_items(d, d->disagree, d->ndisagree, 0));
        json_object_set_new(root, "comparison", cmp);
    }

    s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(root);
    if (!s)
        return sl_fail(d->ctx, SL_EINVAL, "cannot write the digest as JSON");
    sl_buf_puts(out, s);
    sl_buf_putc(out, '\n');
    free(s);
    return SL_OK;
}
