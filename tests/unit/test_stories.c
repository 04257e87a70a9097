/*
 * test_stories.c: grouping articles into stories.
 */
#include "unit.h"

static const char *const flood[] = {
    "River Aller floods the old town\n\nThe River Aller burst its banks in Verden on Monday, flooding the old town and forcing 300 residents from their homes.",
    "Verden evacuates old town as Aller rises\n\nFirefighters in Verden evacuated 300 residents on Monday after the Aller flooded the old town's streets.",
    "Flood waters recede in Verden\n\nThe Aller flood in Verden began to recede on Tuesday; residents of the old town were told they could return home.",
};
static const char *const chess[] = {
    "Teenager wins national chess title\n\nA 15-year-old from Bremen won the national chess championship on Sunday, beating the grandmaster in the final round.",
    "Bremen schoolgirl is chess champion\n\nThe national chess championship went to a Bremen schoolgirl, 15, who beat the defending grandmaster in the final round.",
};

static sl_corpus *load(sl_ctx *ctx, int interleave)
{
    sl_corpus *c = sl_corpus_new(ctx);
    char name[32];
    int i;
    if (interleave) {
        /* flood, chess, flood, chess, flood */
        const char *order[] = {flood[0], chess[0], flood[1], chess[1], flood[2]};
        for (i = 0; i < 5; i++) {
            snprintf(name, sizeof(name), "a%d.txt", i);
            assert_int_equal(sl_corpus_add_buffer(ctx, c, name, order[i], strlen(order[i]), NULL), 0);
        }
    } else {
        for (i = 0; i < 3; i++) {
            snprintf(name, sizeof(name), "f%d.txt", i);
            sl_corpus_add_buffer(ctx, c, name, flood[i], strlen(flood[i]), NULL);
        }
    }
    return c;
}

static void two_stories_are_told_apart(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = load(ctx, 1);
    sl_stories *s = sl_stories_new(ctx, c, 0);
    (void)state;
    assert_int_equal(sl_stories_count(s), 2);
    /* ordered by first document; documents in input order */
    assert_int_equal(sl_story_size(s, 0), 3);
    assert_int_equal(sl_story_doc(s, 0, 0), 0);
    assert_int_equal(sl_story_doc(s, 0, 1), 2);
    assert_int_equal(sl_story_doc(s, 0, 2), 4);
    assert_int_equal(sl_story_size(s, 1), 2);
    assert_int_equal(sl_story_doc(s, 1, 0), 1);
    assert_int_equal(sl_story_doc(s, 1, 1), 3);
    assert_int_equal(sl_story_doc(s, 1, 2), (size_t)-1);
    assert_int_equal(sl_story_size(s, 2), 0);
    sl_stories_free(s);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void a_high_threshold_splits_everything(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = load(ctx, 1);
    sl_stories *s = sl_stories_new(ctx, c, 0.99);
    (void)state;
    assert_int_equal(sl_stories_count(s), 5);
    sl_stories_free(s);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void one_story_stays_one(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = load(ctx, 0);
    sl_stories *s = sl_stories_new(ctx, c, 0);
    (void)state;
    assert_int_equal(sl_stories_count(s), 1);
    assert_int_equal(sl_story_size(s, 0), 3);
    sl_stories_free(s);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void empty_corpus_has_no_story(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_stories *s = sl_stories_new(ctx, c, 0);
    (void)state;
    assert_non_null(s);
    assert_int_equal(sl_stories_count(s), 0);
    assert_null(sl_stories_new(NULL, c, 0));
    sl_stories_free(s);
    sl_stories_free(NULL);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_stories_are_told_apart),
        cmocka_unit_test(a_high_threshold_splits_everything),
        cmocka_unit_test(one_story_stays_one),
        cmocka_unit_test(empty_corpus_has_no_story),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
