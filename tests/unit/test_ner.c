/*
 * test_ner.c: the named-entity tagger (analysis/ner.c) and alias merging
 * across documents (story/entities.c), through the public API.
 */
#include "unit.h"

#include "story/entities.h"

/* Whether the tagger finds exactly `want` (as a mention of type `type`) in text. */
static int has_mention(sl_ctx *ctx, const char *text, const char *want, sl_entity_type type)
{
    sl_mention *ms;
    size_t n, i;
    int found = 0;
    assert_int_equal(sl_ner_tag(ctx, text, strlen(text), &ms, &n), SL_OK);
    for (i = 0; i < n; i++)
        if (ms[i].end - ms[i].start == strlen(want) &&
            memcmp(text + ms[i].start, want, strlen(want)) == 0 && ms[i].type == type)
            found = 1;
    sl_free(ms);
    return found;
}

/* Whether any mention covers the bytes of `word` in text. */
static int word_tagged(sl_ctx *ctx, const char *text, const char *word)
{
    sl_mention *ms;
    size_t n, i, at = (size_t)(strstr(text, word) - text);
    int found = 0;
    assert_int_equal(sl_ner_tag(ctx, text, strlen(text), &ms, &n), SL_OK);
    for (i = 0; i < n; i++)
        if (ms[i].start <= at && at < ms[i].end)
            found = 1;
    sl_free(ms);
    return found;
}

static void roles_are_left_out(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, "President Moon Jae-in met the press in Seoul on Friday.",
                            "Moon Jae-in", SL_ENT_PERSON));
    assert_false(word_tagged(ctx, "President Moon Jae-in met the press in Seoul on Friday.",
                             "President"));
    sl_ctx_free(ctx);
}

static void organizations_and_places(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, "She is a historian at Columbia University in New York.",
                            "Columbia University", SL_ENT_ORGANIZATION));
    assert_true(has_mention(ctx, "Tensions rose again on the Korean Peninsula this week.",
                            "Korean Peninsula", SL_ENT_LOCATION));
    assert_true(has_mention(ctx, "Talks with the United States stalled.", "United States",
                            SL_ENT_LOCATION));
    sl_ctx_free(ctx);
}

static void sentence_initial_words_are_not_names(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_false(word_tagged(ctx, "Unfortunately, the talks failed. Read more below.",
                             "Unfortunately"));
    assert_false(word_tagged(ctx, "Unfortunately, the talks failed. Read more below.", "Read"));
    assert_false(word_tagged(ctx, "However, nothing changed on Monday.", "Monday"));
    sl_ctx_free(ctx);
}

static void headline_and_capitals(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, "Kim Jong Un Meets Moon Jae-in", "Kim Jong Un", SL_ENT_PERSON));
    assert_false(word_tagged(ctx, "Kim Jong Un Meets Moon Jae-in", "Meets"));
    assert_true(has_mention(ctx, "KIM JONG UN MEETS MOON JAE-IN IN PANMUNJOM", "KIM JONG UN",
                            SL_ENT_PERSON));
    assert_false(word_tagged(ctx, "KIM JONG UN MEETS MOON JAE-IN IN PANMUNJOM", "MEETS"));
    sl_ctx_free(ctx);
}

static void names_with_particles(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, "The general Charles de Gaulle led France.", "Charles de Gaulle",
                            SL_ENT_PERSON));
    assert_true(has_mention(ctx, "The group was led by Abu Bakr al-Baghdadi until 2019.",
                            "Abu Bakr al-Baghdadi", SL_ENT_PERSON));
    sl_ctx_free(ctx);
}

static void bad_input_is_harmless(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_mention *ms;
    size_t n, i, len = 2000000;
    char *big = malloc(len);
    (void)state;
    assert_int_equal(sl_ner_tag(ctx, "", 0, &ms, &n), SL_OK);
    assert_int_equal(n, 0);
    assert_int_equal(sl_ner_tag(ctx, NULL, 5, &ms, &n), SL_EINVAL);
    assert_int_equal(sl_ner_tag(ctx, "\xff\xfe\xc0 Ab\xe2\x80", 8, &ms, &n), SL_OK);
    sl_free(ms);
    for (i = 0; i < len; i++) /* no spaces, no sentence ends */
        big[i] = (char)(i % 7 ? 'A' + i % 26 : '-');
    assert_int_equal(sl_ner_tag(ctx, big, len, &ms, &n), SL_OK);
    sl_free(ms);
    for (i = 0; i < len; i++)
        big[i] = i % 2 ? ' ' : 'K';
    assert_int_equal(sl_ner_tag(ctx, big, len, &ms, &n), SL_OK);
    for (i = 0; i < n; i++)
        assert_true(ms[i].end <= len && ms[i].start < ms[i].end);
    sl_free(ms);
    free(big);
    sl_ctx_free(ctx);
}

/* ------------------------------------------------------------------ merging */

static sl_entities *entities_of(sl_ctx *ctx, sl_corpus **c, const char *const *docs, size_t n)
{
    size_t i;
    *c = sl_corpus_new(ctx);
    for (i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof(name), "doc%zu.txt", i);
        assert_true(sl_corpus_add_buffer(ctx, *c, name, docs[i], strlen(docs[i]), NULL) >= 0);
    }
    return sl_entities_new(ctx, *c);
}

/* The entity that has `form` as name or alias, or NULL. */
static const sl_entity *entity_with(const sl_entities *e, const char *form)
{
    size_t i, j;
    for (i = 0; i < sl_entities_count(e); i++) {
        const sl_entity *en = sl_entities_get(e, i);
        if (!strcmp(en->name, form))
            return en;
        for (j = 0; j < en->naliases; j++)
            if (!strcmp(en->aliases[j], form))
                return en;
    }
    return NULL;
}

/* The entity of the mention that starts at the first byte of `at` in doc d. */
static const sl_entity *entity_at(const sl_entities *e, const sl_corpus *c, size_t d, const char *at)
{
    size_t len, i, j;
    const char *text = sl_doc_text(sl_corpus_doc(c, d), &len);
    const char *p = strstr(text, at);
    assert_non_null(p);
    for (i = 0; i < sl_entities_count(e); i++) {
        const sl_entity *en = sl_entities_get(e, i);
        for (j = 0; j < en->nmentions; j++)
            if (en->mentions[j].doc == d && en->mentions[j].start <= (size_t)(p - text) &&
                (size_t)(p - text) < en->mentions[j].end)
                return en;
    }
    return NULL;
}

static void variants_merge(void **state)
{
    static const char *const docs[] = {
        "Summit ends\n\nNorth Korean leader Kim Jong Un arrived in Singapore on Monday. Kim Jong Un "
        "met officials. Kim said the talks went well. Later, Kin Jong Un left.\n",
        "Talks resume\n\nKim Jong-un spoke to reporters on Tuesday. Analysts said King Jong-un "
        "wanted sanctions relief. KIM JONG UN left on Wednesday.\n",
    };
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c;
    sl_entities *e = entities_of(ctx, &c, docs, 2);
    const sl_entity *a;
    (void)state;
    a = entity_with(e, "Kim Jong Un");
    assert_non_null(a);
    assert_string_equal(a->name, "Kim Jong Un");
    assert_ptr_equal(a, entity_with(e, "Kim Jong-un"));    /* hyphen */
    assert_ptr_equal(a, entity_at(e, c, 0, "Kim said"));     /* surname alone */
    assert_ptr_equal(a, entity_at(e, c, 0, "Kin Jong Un"));  /* typo */
    assert_ptr_equal(a, entity_at(e, c, 1, "Jong-un wanted")); /* "King" read as a title */
    assert_ptr_equal(a, entity_at(e, c, 1, "KIM JONG UN"));  /* case */
    assert_int_equal(a->type, SL_ENT_PERSON);
    assert_int_equal(a->ndocs, 2);
    assert_true(a->salience > 0.99);
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void titles_and_surnames_merge(void **state)
{
    static const char *const docs[] = {
        "Leaders meet\n\nSouth Korean President Moon Jae-in flew to Pyongyang on Tuesday. "
        "Moon was greeted at the airport. Officials said President Moon would stay three days.\n",
    };
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c;
    sl_entities *e = entities_of(ctx, &c, docs, 1);
    const sl_entity *m = entity_with(e, "Moon Jae-in");
    (void)state;
    assert_non_null(m);
    assert_string_equal(m->name, "Moon Jae-in");
    assert_ptr_equal(m, entity_with(e, "Moon"));
    assert_true(m->nmentions >= 3);
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void different_people_stay_apart(void **state)
{
    static const char *const docs[] = {
        "History\n\nNorth Korea was founded by Kim Il-sung in 1948. His grandson Kim Jong Un "
        "took power in 2011. Kim Il Sung died in 1994. Kim Jong Un visited Beijing later.\n",
    };
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c;
    sl_entities *e = entities_of(ctx, &c, docs, 1);
    const sl_entity *un = entity_with(e, "Kim Jong Un"), *il = entity_with(e, "Kim Il-sung");
    (void)state;
    assert_non_null(un);
    assert_non_null(il);
    assert_true(un != il);
    assert_ptr_equal(il, entity_with(e, "Kim Il Sung"));
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void edit_distance_stops_early(void **state)
{
    (void)state;
    assert_int_equal(sl_edit_distance("kim", 3, "king", 4, 2), 2);
    assert_int_equal(sl_edit_distance("un", 2, "il", 2, 2), 2);
    assert_int_equal(sl_edit_distance("abcdef", 6, "uvwxyz", 6, 2), 3);
    assert_int_equal(sl_edit_distance("same", 4, "same", 4, 0), 0);
}

static void json_has_the_contract(void **state)
{
    static const char *const docs[] = {"Talks\n\nKim Jong Un met Moon Jae-in in Panmunjom.\n"};
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c;
    sl_entities *e = entities_of(ctx, &c, docs, 1);
    char *json;
    size_t len;
    (void)state;
    assert_int_equal(sl_entities_json(e, c, &json, &len), SL_OK);
    assert_non_null(strstr(json, "{\"entities\": ["));
    assert_non_null(strstr(json, "\"name\": \"Kim Jong Un\", \"type\": \"PERSON\""));
    assert_non_null(strstr(json, "\"mentions\": [{\"doc\": \"doc0\""));
    assert_non_null(strstr(json, "\"salience\": 1.0000"));
    assert_int_equal(sl_entities_json(NULL, c, &json, &len) , SL_EINVAL);
    sl_free(json);
    assert_null(sl_entities_new(ctx, NULL));
    sl_entities_free(NULL);
    assert_string_equal(sl_entity_type_name(SL_ENT_LOCATION), "LOCATION");
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(roles_are_left_out),
        cmocka_unit_test(organizations_and_places),
        cmocka_unit_test(sentence_initial_words_are_not_names),
        cmocka_unit_test(headline_and_capitals),
        cmocka_unit_test(names_with_particles),
        cmocka_unit_test(bad_input_is_harmless),
        cmocka_unit_test(variants_merge),
        cmocka_unit_test(titles_and_surnames_merge),
        cmocka_unit_test(different_people_stay_apart),
        cmocka_unit_test(edit_distance_stops_early),
        cmocka_unit_test(json_has_the_contract),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
