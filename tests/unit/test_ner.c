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


static void titles_and_nationalities_stay_out(void **state)
{
    static const char *const text =
        "North Korean President Kim Il Sung signed the armistice. South Korean President Moon "
        "Jae-in met US President Donald Trump. Democrat Matt Lesser spoke.";
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, text, "Kim Il Sung", SL_ENT_PERSON));
    assert_true(has_mention(ctx, text, "Moon Jae-in", SL_ENT_PERSON));
    assert_true(has_mention(ctx, text, "Donald Trump", SL_ENT_PERSON));
    assert_true(has_mention(ctx, text, "Matt Lesser", SL_ENT_PERSON));
    /* titles, roles and nationality or party words are no part of a name and
     * no entity of their own */
    assert_false(word_tagged(ctx, text, "North Korean"));
    assert_false(word_tagged(ctx, text, "President Kim"));
    assert_false(word_tagged(ctx, text, "South Korean"));
    assert_false(word_tagged(ctx, text, "President Moon"));
    assert_false(word_tagged(ctx, text, "President Donald"));
    assert_false(word_tagged(ctx, text, "Democrat"));
    assert_false(word_tagged(ctx, "Waving South Korean flags, crowds gathered in Seoul.", "South"));
    assert_false(word_tagged(ctx, "Republicans and Democrats disagreed again.", "Republicans"));
    /* an organization may start with a nationality word */
    assert_true(has_mention(ctx,
                            "European Commission President Ursula von der Leyen said on Monday "
                            "that talks would go on.",
                            "European Commission", SL_ENT_ORGANIZATION));
    sl_ctx_free(ctx);
}

static void headline_case_names(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, "Kim Jong Un Meets Moon Jae-in", "Moon Jae-in", SL_ENT_PERSON));
    assert_true(has_mention(ctx, "Kim Jong Un Meets Moon Jae-in", "Kim Jong Un", SL_ENT_PERSON));
    assert_true(has_mention(ctx, "Trump Says He Will Meet Kim Jong Un in Singapore",
                            "Singapore", SL_ENT_LOCATION));
    assert_false(word_tagged(ctx, "Trump Says He Will Meet Kim Jong Un in Singapore", "Says"));
    assert_false(word_tagged(ctx, "Trump Says He Will Meet Kim Jong Un in Singapore", "Meet"));
    sl_ctx_free(ctx);
}

static void all_capitals(void **state)
{
    static const char *const text = "KIM JONG UN MEETS MOON JAE-IN IN PANMUNJOM";
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, text, "KIM JONG UN", SL_ENT_PERSON));
    assert_true(has_mention(ctx, text, "MOON JAE-IN", SL_ENT_PERSON));
    assert_true(has_mention(ctx, text, "PANMUNJOM", SL_ENT_LOCATION));
    /* "UN" beside a name in capitals is no United Nations */
    assert_false(has_mention(ctx, text, "UN", SL_ENT_ORGANIZATION));
    assert_true(has_mention(ctx, "The UN Security Council met on Friday.", "UN Security Council",
                            SL_ENT_ORGANIZATION));
    sl_ctx_free(ctx);
}

static void sentence_initial_names(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    /* a name first in its sentence is still a name; a common word is not */
    assert_true(has_mention(ctx, "Angela Merkel arrived in Hamburg. Merkel spoke first.",
                            "Angela Merkel", SL_ENT_PERSON));
    assert_true(has_mention(ctx, "Angela Merkel arrived in Hamburg. Merkel spoke first.",
                            "Merkel", SL_ENT_PERSON));
    assert_true(has_mention(ctx, "Germany and France signed the deal.", "Germany",
                            SL_ENT_LOCATION));
    assert_false(word_tagged(ctx, "According to the police, nobody was hurt.", "According"));
    assert_false(word_tagged(ctx, "Unlike other sections, this one was studied.", "Unlike"));
    assert_false(word_tagged(ctx, "The talks ended on Friday.", "Friday"));
    sl_ctx_free(ctx);
}

static void more_particles(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, "On Monday Ursula von der Leyen met the press.",
                            "Ursula von der Leyen", SL_ENT_PERSON));
    assert_true(has_mention(ctx, "The painter Vincent van Gogh was born in 1853.",
                            "Vincent van Gogh", SL_ENT_PERSON));
    assert_true(has_mention(ctx, "Officials said Osama bin Laden was killed in 2011.",
                            "Osama bin Laden", SL_ENT_PERSON));
    assert_true(has_mention(ctx, "Sudan's leader Omar al-Bashir flew to Johannesburg.",
                            "Omar al-Bashir", SL_ENT_PERSON));
    assert_true(has_mention(ctx, "The mayor, Bill de Blasio, spoke on MSNBC on Tuesday.",
                            "Bill de Blasio", SL_ENT_PERSON));
    sl_ctx_free(ctx);
}

static void possessives_end_names(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    assert_true(has_mention(ctx, "Last night Gaga's Coachella set drew a crowd.", "Gaga",
                            SL_ENT_PERSON));
    assert_true(has_mention(ctx, "That puts it behind Volkswagen's 2011 ad.", "Volkswagen",
                            SL_ENT_ORGANIZATION));
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


static void kim_il_sung_stays_apart_from_nationalities(void **state)
{
    static const char *const docs[] = {
        "Armistice\n\nNorth Korean President Kim Il Sung signed the armistice in 1953. "
        "South Korean President Syngman Rhee refused to sign it.\n",
        "Summit\n\nNorth Korean leader Kim Jong Un met South Korean President Moon Jae-in. "
        "Moon said Kim was frank. Kim Il-sung, his grandfather, founded the state.\n",
    };
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c;
    sl_entities *e = entities_of(ctx, &c, docs, 2);
    const sl_entity *il = entity_with(e, "Kim Il Sung"), *un = entity_with(e, "Kim Jong Un");
    const sl_entity *moon = entity_with(e, "Moon Jae-in");
    size_t i, j;
    (void)state;
    assert_non_null(il);
    assert_non_null(un);
    assert_non_null(moon);
    assert_true(il != un);
    assert_string_equal(il->name, "Kim Il Sung"); /* no title in the canonical name */
    assert_string_equal(moon->name, "Moon Jae-in");
    assert_ptr_equal(il, entity_with(e, "Kim Il-sung"));
    assert_ptr_equal(moon, entity_at(e, c, 1, "Moon said"));
    for (i = 0; i < sl_entities_count(e); i++) {
        const sl_entity *en = sl_entities_get(e, i);
        /* no nationality, title or role is an entity or an alias */
        assert_null(strstr(en->name, "Korean"));
        assert_null(strstr(en->name, "President"));
        for (j = 0; j < en->naliases; j++) {
            assert_null(strstr(en->aliases[j], "Korean"));
            assert_null(strstr(en->aliases[j], "President"));
        }
    }
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void aliases_that_must_not_merge(void **state)
{
    static const char *const docs[] = {
        "Two Bushes\n\nGeorge W. Bush met George H. W. Bush in Texas on Monday. Later, "
        "Hillary Clinton spoke with Bill Clinton in New York. Clinton then left.\n",
        "Two Kims\n\nKim Jong Un and Kim Yo Jong visited Beijing. Kim waved.\n",
    };
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c;
    sl_entities *e = entities_of(ctx, &c, docs, 2);
    const sl_entity *hc = entity_with(e, "Hillary Clinton"), *bc = entity_with(e, "Bill Clinton");
    const sl_entity *un = entity_with(e, "Kim Jong Un"), *yo = entity_with(e, "Kim Yo Jong");
    (void)state;
    assert_non_null(hc);
    assert_non_null(bc);
    assert_true(hc != bc);
    /* "Clinton" and "Kim" alone fit two people: they join neither */
    assert_true(entity_at(e, c, 0, "Clinton then") != hc);
    assert_true(entity_at(e, c, 0, "Clinton then") != bc);
    assert_non_null(un);
    assert_non_null(yo);
    assert_true(un != yo);
    assert_true(entity_at(e, c, 1, "Kim waved") != un);
    assert_true(entity_at(e, c, 1, "Kim waved") != yo);
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void aliases_that_must_merge(void **state)
{
    static const char *const docs[] = {
        "Brexit talks\n\nEuropean Commission President Ursula von der Leyen met Boris Johnson "
        "in Brussels. Von der Leyen said talks would go on. Johnson agreed.\n",
        "Talks go on\n\nURSULA VON DER LEYEN SPOKE TO REPORTERS\n\nThe commission chief, "
        "Ursula von der Leyen, spoke again on Tuesday.\n",
    };
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c;
    sl_entities *e = entities_of(ctx, &c, docs, 2);
    const sl_entity *v = entity_with(e, "Ursula von der Leyen"), *b = entity_with(e, "Boris Johnson");
    (void)state;
    assert_non_null(v);
    assert_non_null(b);
    assert_int_equal(v->type, SL_ENT_PERSON);
    assert_ptr_equal(v, entity_at(e, c, 0, "Von der Leyen said")); /* surname with particles */
    assert_ptr_equal(b, entity_at(e, c, 0, "Johnson agreed"));    /* surname alone */
    assert_int_equal(v->ndocs, 2);
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
        cmocka_unit_test(titles_and_nationalities_stay_out),
        cmocka_unit_test(headline_case_names),
        cmocka_unit_test(all_capitals),
        cmocka_unit_test(sentence_initial_names),
        cmocka_unit_test(more_particles),
        cmocka_unit_test(possessives_end_names),
        cmocka_unit_test(bad_input_is_harmless),
        cmocka_unit_test(variants_merge),
        cmocka_unit_test(titles_and_surnames_merge),
        cmocka_unit_test(different_people_stay_apart),
        cmocka_unit_test(kim_il_sung_stays_apart_from_nationalities),
        cmocka_unit_test(aliases_that_must_not_merge),
        cmocka_unit_test(aliases_that_must_merge),
        cmocka_unit_test(edit_distance_stops_early),
        cmocka_unit_test(json_has_the_contract),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
