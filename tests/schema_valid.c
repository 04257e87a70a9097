/*
 * schema_valid.c: a JSON Schema validator for the subset of draft 2020-12
 * that docs/digest.schema.json uses: type (a name or a list), enum,
 * required, properties, additionalProperties (boolean or schema), items (one
 * schema), minimum, maximum, minLength (in code points), $ref to "#/..."
 * JSON pointers (so "#/$defs/x"), and the annotations $schema, $id, $defs,
 * title, description and $comment.  Any other keyword is an error, so the
 * schema can never lean on a check that is silently not made.  As the
 * specification says, object keywords only apply to objects, string ones to
 * strings, number ones to numbers.
 *
 * Used by tests/schema_check.c (the command the spec runner calls on every
 * digest JSON it sees) and included by the unit tests.  jansson only.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "schema_valid.h"

#define SV_MAX_DEPTH 64

typedef struct sv {
    json_t *root;    /* the schema document, for $ref */
    char *err;       /* first error, for people */
    size_t errcap;
    int nerr;
} sv;

static void sv_fail(sv *v, const char *path, const char *fmt, const char *a, const char *b)
{
    char msg[512];
    v->nerr++;
    if (v->nerr > 1)
        return;
    snprintf(msg, sizeof(msg), fmt, a ? a : "", b ? b : "");
    snprintf(v->err, v->errcap, "%s: %s", *path ? path : "/", msg);
}

static const char *type_of(const json_t *j)
{
    switch (json_typeof(j)) {
    case JSON_OBJECT: return "object";
    case JSON_ARRAY: return "array";
    case JSON_STRING: return "string";
    case JSON_INTEGER: return "integer";
    case JSON_REAL: return "number";
    case JSON_TRUE: case JSON_FALSE: return "boolean";
    case JSON_NULL: return "null";
    }
    return "?";
}

static int type_ok(const json_t *j, const char *t)
{
    if (strcmp(t, "number") == 0)
        return json_is_number(j);
    return strcmp(t, type_of(j)) == 0;
}

/* Resolves "#/a/b" (with ~0 and ~1 escapes) in the schema document. */
static json_t *resolve(sv *v, const char *ref)
{
    json_t *cur = v->root;
    const char *p;
    char part[256];
    if (strncmp(ref, "#", 1) != 0)
        return NULL;
    p = ref + 1;
    while (*p == '/') {
        size_t n = 0;
        p++;
        while (*p && *p != '/' && n + 1 < sizeof(part)) {
            if (p[0] == '~' && p[1] == '0') {
                part[n++] = '~';
                p += 2;
            } else if (p[0] == '~' && p[1] == '1') {
                part[n++] = '/';
                p += 2;
            } else {
                part[n++] = *p++;
            }
        }
        part[n] = '\0';
        cur = json_is_object(cur) ? json_object_get(cur, part) : NULL;
        if (!cur)
            return NULL;
    }
    return *p ? NULL : cur;
}

static size_t utf8_len(const char *s, size_t n)
{
    size_t i, c = 0;
    for (i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

static void check(sv *v, const json_t *schema, const json_t *inst, const char *path, int depth);

static void check_object(sv *v, const json_t *schema, const json_t *inst, const char *path,
                         int depth)
{
    const json_t *req = json_object_get(schema, "required");
    const json_t *props = json_object_get(schema, "properties");
    const json_t *extra = json_object_get(schema, "additionalProperties");
    const char *key;
    json_t *val;
    size_t i;
    char sub[1024];
    if (req) {
        for (i = 0; i < json_array_size(req); i++) {
            const char *k = json_string_value(json_array_get(req, i));
            if (k && !json_object_get(inst, k))
                sv_fail(v, path, "missing required key \"%s\"%s", k, NULL);
        }
    }
    json_object_foreach((json_t *)inst, key, val) {
        const json_t *ps = props ? json_object_get(props, key) : NULL;
        snprintf(sub, sizeof(sub), "%s/%s", path, key);
        if (ps)
            check(v, ps, val, sub, depth + 1);
        else if (json_is_false(extra))
            sv_fail(v, path, "key \"%s\" is not allowed%s", key, NULL);
        else if (json_is_object(extra))
            check(v, extra, val, sub, depth + 1);
    }
}

static void check(sv *v, const json_t *schema, const json_t *inst, const char *path, int depth)
{
    const char *key;
    json_t *kw;
    char sub[1024];
    if (depth > SV_MAX_DEPTH) {
        sv_fail(v, path, "schema nesting too deep (a $ref loop?)%s%s", NULL, NULL);
        return;
    }
    if (json_is_true(schema))
        return;
    if (json_is_false(schema)) {
        sv_fail(v, path, "no value is allowed here%s%s", NULL, NULL);
        return;
    }
    if (!json_is_object(schema)) {
        sv_fail(v, path, "the schema is not an object or a boolean%s%s", NULL, NULL);
        return;
    }
    json_object_foreach((json_t *)schema, key, kw) {
        if (strcmp(key, "type") == 0) {
            int ok = 0;
            size_t i;
            if (json_is_string(kw))
                ok = type_ok(inst, json_string_value(kw));
            for (i = 0; json_is_array(kw) && i < json_array_size(kw); i++)
                ok |= type_ok(inst, json_string_value(json_array_get(kw, i)));
            if (!ok)
                sv_fail(v, path, "%s is not of the allowed type%s", type_of(inst), NULL);
        } else if (strcmp(key, "enum") == 0) {
            size_t i;
            int ok = 0;
            for (i = 0; i < json_array_size(kw); i++)
                ok |= json_equal(json_array_get(kw, i), (json_t *)inst);
            if (!ok)
                sv_fail(v, path, "value not in the enum%s%s", NULL, NULL);
        } else if (strcmp(key, "$ref") == 0) {
            const json_t *target = resolve(v, json_string_value(kw) ? json_string_value(kw) : "");
            if (!target)
                sv_fail(v, path, "unresolvable $ref %s%s", json_string_value(kw), NULL);
            else
                check(v, target, inst, path, depth + 1);
        } else if (strcmp(key, "required") == 0 || strcmp(key, "properties") == 0 ||
                   strcmp(key, "additionalProperties") == 0) {
            /* handled together, for objects, below */
        } else if (strcmp(key, "items") == 0) {
            size_t i;
            for (i = 0; json_is_array(inst) && i < json_array_size(inst); i++) {
                snprintf(sub, sizeof(sub), "%s/%zu", path, i);
                check(v, kw, json_array_get(inst, i), sub, depth + 1);
            }
        } else if (strcmp(key, "minimum") == 0 || strcmp(key, "maximum") == 0) {
            if (json_is_number(inst)) {
                double x = json_number_value(inst), lim = json_number_value(kw);
                if (key[1] == 'i' ? x < lim : x > lim)
                    sv_fail(v, path, "number outside its %s%s", key, NULL);
            }
        } else if (strcmp(key, "minLength") == 0) {
            if (json_is_string(inst) &&
                utf8_len(json_string_value(inst), json_string_length(inst)) <
                    (size_t)json_integer_value(kw))
                sv_fail(v, path, "string shorter than minLength%s%s", NULL, NULL);
        } else if (strcmp(key, "$schema") == 0 || strcmp(key, "$id") == 0 ||
                   strcmp(key, "$defs") == 0 || strcmp(key, "title") == 0 ||
                   strcmp(key, "description") == 0 || strcmp(key, "$comment") == 0) {
            /* annotations */
        } else {
            sv_fail(v, path, "schema keyword \"%s\" is not supported by this validator%s", key, NULL);
        }
    }
    if (json_is_object(inst))
        check_object(v, schema, inst, path, depth);
}

int sv_validate(json_t *schema, const json_t *inst, char *err, size_t errcap)
{
    sv v;
    memset(&v, 0, sizeof(v));
    v.root = schema;
    v.err = err;
    v.errcap = errcap;
    if (errcap)
        err[0] = '\0';
    check(&v, schema, inst, "", 0);
    return v.nerr;
}

int sv_validate_text(const char *schema_path, const char *text, size_t len, char *err,
                     size_t errcap)
{
    json_error_t je;
    json_t *schema = json_load_file(schema_path, 0, &je), *inst;
    int n;
    if (!schema) {
        snprintf(err, errcap, "%s:%d: %s", schema_path, je.line, je.text);
        return -1;
    }
    inst = json_loadb(text, len, 0, &je);
    if (!inst) {
        snprintf(err, errcap, "not JSON: line %d: %s", je.line, je.text);
        json_decref(schema);
        return -1;
    }
    n = sv_validate(schema, inst, err, errcap);
    json_decref(inst);
    json_decref(schema);
    return n;
}
