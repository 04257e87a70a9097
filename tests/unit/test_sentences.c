/*
 * test_sentences.c: the sentence splitter.
 *
 * Invented cases for every feature (news conventions first), the Golden
 * Rules from ../shared/data/sentences when present, the guarantees of
 * sentences.h (ordered, non-overlapping, trimmed, covering) on every output,
 * and pathological inputs of several megabytes (linear time; no timing is
 * asserted, a quadratic splitter simply never finishes).
 */
#include "unit.h"

#include <jansson.h>
#include <unistd.h>

#include "analysis/sentences.h"

/* ------------------------------------------------------------------ helpers */

static int is_space_at(const char *t, size_t n, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)t[i];
    *len = 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xA0) {
        *len = 2;
        return 1;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0xA8 || (unsigned char)t[i + 2] == 0xA9)) {
        *len = 3;
        return 1;
    }
    return 0;
}

/* The guarantees of sentences.h. */
static void check_spans(const char *t, size_t n, const sl_span *sp, size_t ns)
{
    size_t i, k, pos = 0, len;
    for (i = 0; i < ns; i++) {
        assert_true(sp[i].start < sp[i].end);
        assert_true(sp[i].end <= n);
        assert_true(i == 0 || sp[i - 1].end <= sp[i].start);
        assert_false(is_space_at(t, n, sp[i].start, &len));
        assert_false(t[sp[i].end - 1] == ' ' || t[sp[i].end - 1] == '\n' || t[sp[i].end - 1] == '\t');
        /* everything between spans is white space */
        for (k = pos; k < sp[i].start; k += len)
            if (!is_space_at(t, n, k, &len))
                fail_msg("non-space byte %zu (0x%02x) outside every sentence", k, (unsigned char)t[k]);
        pos = sp[i].end;
    }
    for (k = pos; k < n; k += len)
        if (!is_space_at(t, n, k, &len))
            fail_msg("non-space byte %zu outside every sentence", k);
}

/* Splits text and returns the sentences joined by " | ". */
static char *split_join(sl_ctx *ctx, const char *text, size_t *count)
{
    sl_span *sp;
    size_t n, i, len = strlen(text), total = 1;
    char *out;
    assert_int_equal(sl_split_sentences(ctx, text, len, &sp, &n), SL_OK);
    check_spans(text, len, sp, n);
    for (i = 0; i < n; i++)
        total += sp[i].end - sp[i].start + 3;
    out = malloc(total);
    out[0] = '\0';
    for (i = 0; i < n; i++) {
        if (i)
            strcat(out, " | ");
        strncat(out, text + sp[i].start, sp[i].end - sp[i].start);
    }
    if (count)
        *count = n;
    sl_free(sp);
    return out;
}

typedef struct tcase {
    const char *text;
    const char *want; /* the sentences joined by " | " */
} tcase;

static void run_table(const tcase *cases, size_t n)
{
    sl_ctx *ctx = sl_ctx_new();
    size_t i, bad = 0;
    for (i = 0; i < n; i++) {
        char *got = split_join(ctx, cases[i].text, NULL);
        if (strcmp(got, cases[i].want) != 0) {
            print_message("case %zu: %s\n  want: %s\n  got:  %s\n", i, cases[i].text, cases[i].want, got);
            bad++;
        }
        free(got);
    }
    sl_ctx_free(ctx);
    assert_int_equal(bad, 0);
}

#define RUN(table) run_table(table, sizeof(table) / sizeof(table[0]))

/* ------------------------------------------------------------------ news */

static void news_conventions(void **state)
{
    static const tcase cases[] = {
        {"WASHINGTON (AP) — The U.S. Senate voted 51-49 on Tuesday. The bill now goes to the House.",
         "WASHINGTON (AP) — The U.S. Senate voted 51-49 on Tuesday. | The bill now goes to the House."},
        {"SEOUL, South Korea (Reuters) — North Korea fired a missile on Sunday, officials said.",
         "SEOUL, South Korea (Reuters) — North Korea fired a missile on Sunday, officials said."},
        {"He is ranked No. 1 in the world. No. 2 is Nadal.",
         "He is ranked No. 1 in the world. | No. 2 is Nadal."},
        {"He said no. Then he left.", "He said no. | Then he left."},
        {"Gen. Kim Jong Un met Sen. John McCain and Rep. Nancy Pelosi. They talked.",
         "Gen. Kim Jong Un met Sen. John McCain and Rep. Nancy Pelosi. | They talked."},
        {"Mr. and Mrs. Smith met Dr. Jones and Prof. Lee at St. Mary's.",
         "Mr. and Mrs. Smith met Dr. Jones and Prof. Lee at St. Mary's."},
        {"The meeting starts at 5 p.m. Friday in Room 4. Reporters should arrive early.",
         "The meeting starts at 5 p.m. Friday in Room 4. | Reporters should arrive early."},
        {"Polls close at 8 p.m. EST on Tuesday.", "Polls close at 8 p.m. EST on Tuesday."},
        {"He left at 6 p.m. Reporters followed him.", "He left at 6 p.m. | Reporters followed him."},
        {"At 5 a.m. Mr. Smith went to the bank.", "At 5 a.m. Mr. Smith went to the bank."},
        {"The deal closed on Sept. 30. It was signed on Jan. 5, 2019, in Calif.",
         "The deal closed on Sept. 30. | It was signed on Jan. 5, 2019, in Calif."},
        {"She lives in Springfield, Ill. The town is small.",
         "She lives in Springfield, Ill. | The town is small."},
        {"The company moved to Washington, D.C. It opened an office.",
         "The company moved to Washington, D.C. | It opened an office."},
        {"Apple Inc. Chief Executive Tim Cook spoke.", "Apple Inc. Chief Executive Tim Cook spoke."},
        {"He works for Apple Inc. and Google LLC. They compete.",
         "He works for Apple Inc. and Google LLC. | They compete."},
        {"The U.S. and U.K. agreed. The E.U. did not.", "The U.S. and U.K. agreed. | The E.U. did not."},
        {"Shares rose 3.5 percent to $12.75. Analysts were surprised.",
         "Shares rose 3.5 percent to $12.75. | Analysts were surprised."},
        {"The vote was 5-4. Justice Kennedy wrote for the majority.",
         "The vote was 5-4. | Justice Kennedy wrote for the majority."},
        {"He finished 2nd. The race was close.", "He finished 2nd. | The race was close."},
        {"That is JFK Jr.'s book. It sold well.", "That is JFK Jr.'s book. | It sold well."},
        {"He lives on Main St. near the park.", "He lives on Main St. near the park."},
        {"Sales fell. iPhone sales rose.", "Sales fell. | iPhone sales rose."},
        {"Det.-Sgt. Susan Gomes said so. Warren (D-Mass.) agreed. Warren, D-Mass. The senator left.",
         "Det.-Sgt. Susan Gomes said so. | Warren (D-Mass.) agreed. | Warren, D-Mass. | The senator left."},
        {"\"I'd be the first. ... But I own up to it,\" he said.",
         "\"I'd be the first. | ... But I own up to it,\" he said."},
    };
    (void)state;
    RUN(cases);
}

static void quotes_and_brackets(void **state)
{
    static const tcase cases[] = {
        {"He said \"no.\" Then he left.", "He said \"no.\" | Then he left."},
        {"He said \"no.\" and left.", "He said \"no.\" and left."},
        {"(As noted.) Next, the vote.", "(As noted.) | Next, the vote."},
        {"The results (as noted.) surprised everyone.", "The results (as noted.) surprised everyone."},
        {"\"We won,\" she said. \"It was close.\"", "\"We won,\" she said. | \"It was close.\""},
        {"\xE2\x80\x9CWe are done.\xE2\x80\x9D The talks ended.",
         "\xE2\x80\x9CWe are done.\xE2\x80\x9D | The talks ended."},
        {"\"Why?\" he asked. \"Because!\" she said.", "\"Why?\" he asked. | \"Because!\" she said."},
        {"It ended (finally). Then we ate.", "It ended (finally). | Then we ate."},
        {"He was born in 1788. [1] He died in 1824.", "He was born in 1788. [1] | He died in 1824."},
        {"He was a martyr.[1] The emperor ruled.", "He was a martyr.[1] | The emperor ruled."},
        {"The venue was empty on Tuesday. (AP Photo/Evan Vucci)\n\nThe summit began.",
         "The venue was empty on Tuesday. (AP Photo/Evan Vucci) | The summit began."},
    };
    (void)state;
    RUN(cases);
}

static void punctuation(void **state)
{
    static const tcase cases[] = {
        {"Really?! Yes.", "Really?! | Yes."},
        {"What?? No!!! Fine.", "What?? | No!!! | Fine."},
        {"She works at Yahoo! in the accounting department.",
         "She works at Yahoo! in the accounting department."},
        {"He paused... Then he spoke.", "He paused... | Then he spoke."},
        {"He paused\xE2\x80\xA6 Then he spoke.", "He paused\xE2\x80\xA6 | Then he spoke."},
        {"It was... strange. He left.", "It was... strange. | He left."},
        {"I wasn't ... well, sure.", "I wasn't ... well, sure."},
        {"He paused. ...and then left.", "He paused. | ...and then left."},
        {"Write to news@example.com. Or visit https://example.com/a.b?c=d. Thanks.",
         "Write to news@example.com. | Or visit https://example.com/a.b?c=d. | Thanks."},
        {"See www.Example.com for more.", "See www.Example.com for more."},
        {"Hello world.Today is Tuesday.Mr. Smith came.", "Hello world. | Today is Tuesday. | Mr. Smith came."},
        {"Pi is 3.14159 roughly. Version 2.0.1 shipped.", "Pi is 3.14159 roughly. | Version 2.0.1 shipped."},
        {"\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82\xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82",
         "\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82 | \xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82"},
        {"Is it? - Yes, it is.", "Is it? | - Yes, it is."},
    };
    (void)state;
    RUN(cases);
}

static void initials_and_names(void **state)
{
    static const tcase cases[] = {
        {"J. R. R. Tolkien wrote it. George W. Bush read it.",
         "J. R. R. Tolkien wrote it. | George W. Bush read it."},
        {"We make a good team, you and I. Did you see Albert I. Jones?",
         "We make a good team, you and I. | Did you see Albert I. Jones?"},
        {"He needs vitamin C. The doctor said so.", "He needs vitamin C. | The doctor said so."},
        {"Q. What is his name? A. His name is Alfred E. Sloan.",
         "Q. What is his name? | A. His name is Alfred E. Sloan."},
    };
    (void)state;
    RUN(cases);
}

static void lines_and_lists(void **state)
{
    static const tcase cases[] = {
        /* headlines and captions without final punctuation */
        {"Trump and Kim meet in Singapore\nThe two leaders shook hands. It was historic.",
         "Trump and Kim meet in Singapore | The two leaders shook hands. | It was historic."},
        {"Photo: the summit venue\n\nThe summit began.", "Photo: the summit venue | The summit began."},
        {"First paragraph without an end\n\nSecond paragraph.",
         "First paragraph without an end | Second paragraph."},
        /* lines broken inside a sentence */
        {"The agreement was signed by the\nPresident on Monday after talks.",
         "The agreement was signed by the\nPresident on Monday after talks."},
        {"He said the talks were\ngoing well.", "He said the talks were\ngoing well."},
        {"It was a cold \nnight in the city.", "It was a cold \nnight in the city."},
        {"features\ncontact manager\nevents, activities\n", "features | contact manager | events, activities"},
        {"The negotiators met in the Swiss capital for the third time this year and\n"
         "Foreign Minister Ignazio Cassis opened the session with a short speech about\n"
         "Neutrality and the role of his country in the talks between the sides.\n",
         "The negotiators met in the Swiss capital for the third time this year and\n"
         "Foreign Minister Ignazio Cassis opened the session with a short speech about\n"
         "Neutrality and the role of his country in the talks between the sides."},
        /* lists */
        {"The plan has three parts:\n1. Cut taxes\n2. Raise spending\n3. Reduce debt",
         "The plan has three parts: | 1. Cut taxes | 2. Raise spending | 3. Reduce debt"},
        {"1. The first item 2. The second item 3. The third item",
         "1. The first item | 2. The second item | 3. The third item"},
        {"a) here it is b) another c) one more", "a) here it is | b) another | c) one more"},
        {"\xE2\x80\xA2 Cut taxes \xE2\x80\xA2 Raise spending",
         "\xE2\x80\xA2 Cut taxes | \xE2\x80\xA2 Raise spending"},
        {"- Cut taxes\n- Raise spending", "- Cut taxes | - Raise spending"},
        {"As payment for 1. above, and for 2. above, no fee is paid.",
         "As payment for 1. above, and for 2. above, no fee is paid."},
        {"(i) Hello world. (ii) Hello again.", "(i) Hello world. | (ii) Hello again."},
        /* line endings and odd white space */
        {"One.\r\nTwo.\r\n\r\nThree.", "One. | Two. | Three."},
        {"\xC2\xA0Hello.\xC2\xA0 World.\xC2\xA0", "Hello. | World."},
        {"A\xE2\x80\xA9" "B", "A | B"},
    };
    (void)state;
    RUN(cases);
}

static void empty_and_blank(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_span *sp = (sl_span *)1;
    size_t n = 99;
    (void)state;
    assert_int_equal(sl_split_sentences(ctx, NULL, 0, &sp, &n), SL_OK);
    assert_int_equal(n, 0);
    sl_free(sp);
    assert_int_equal(sl_split_sentences(ctx, " \n\t\r\n  \xC2\xA0 ", 10, &sp, &n), SL_OK);
    assert_int_equal(n, 0);
    sl_free(sp);
    assert_int_equal(sl_split_sentences(ctx, NULL, 3, &sp, &n), SL_EINVAL);
    assert_int_equal(sl_split_sentences(NULL, "a", 1, &sp, &n), SL_EINVAL);
    /* text is not NUL-terminated: only len bytes are read */
    assert_int_equal(sl_split_sentences(ctx, "Hi. There. More", 10, &sp, &n), SL_OK);
    assert_int_equal(n, 2);
    assert_int_equal(sp[1].end, 10);
    sl_free(sp);
    sl_ctx_free(ctx);
}

/* Offsets are shifted by base and spans appended (the pipeline's use). */
static void appends_with_base(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_span *sp = NULL;
    size_t n = 0, cap = 0;
    (void)state;
    sl_sentences_split(ctx, "One. Two.", 9, 100, &sp, &n, &cap);
    sl_sentences_split(ctx, "Three.", 6, 200, &sp, &n, &cap);
    assert_int_equal(n, 3);
    assert_int_equal(sp[0].start, 100);
    assert_int_equal(sp[0].end, 104);
    assert_int_equal(sp[1].start, 105);
    assert_int_equal(sp[2].start, 200);
    assert_int_equal(sp[2].end, 206);
    free(sp);
    /* other languages fall back to the English lists */
    sp = NULL;
    n = cap = 0;
    assert_int_equal(sl_ctx_set_language(ctx, "german"), SL_OK);
    sl_sentences_split(ctx, "Dr. Weber kam. Er ging.", 23, 0, &sp, &n, &cap);
    assert_int_equal(n, 2);
    assert_int_equal(sp[0].end, 14);
    sl_ctx_free(ctx);
    free(sp);
}

/* ------------------------------------------------------------------ pathological */

static void split_big(const char *text, size_t len, size_t *count)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_span *sp;
    size_t n;
    assert_int_equal(sl_split_sentences(ctx, text, len, &sp, &n), SL_OK);
    check_spans(text, len, sp, n);
    *count = n;
    sl_free(sp);
    sl_ctx_free(ctx);
}

static void pathological_inputs(void **state)
{
    static const char mix1[] = "\"(1. [x] \xE2\x80\xA2 \xFF\xC2 a) \xE2\x80\x9D";
    static const char mix2[] = "1. A. b) Mr. U.S. ... ? \n";
    size_t big = (size_t)10 << 20, i, n;
    char *t = malloc(big);
    (void)state;
    /* a million dots, glued and spaced */
    memset(t, '.', 1000000);
    split_big(t, 1000000, &n);
    assert_int_equal(n, 1);
    for (i = 0; i < 2000000; i++)
        t[i] = i % 2 ? ' ' : '.';
    split_big(t, 2000000, &n);
    assert_int_equal(n, 1);
    /* 10 MB without a space: letters, "a.b.c", "Ab.Cd." (which splits) */
    memset(t, 'x', big);
    split_big(t, big, &n);
    assert_int_equal(n, 1);
    for (i = 0; i < big; i++)
        t[i] = i % 2 ? '.' : 'a';
    split_big(t, big, &n);
    assert_int_equal(n, 1);
    for (i = 0; i < big; i++)
        t[i] = "Ab.Cd."[i % 6];
    split_big(t, big, &n);
    assert_true(n > 1000000);
    /* a URL of 10 MB */
    memcpy(t, "http://", 7);
    split_big(t, big, &n);
    assert_int_equal(n, 1);
    /* no sentence ends at all, one long line of words */
    for (i = 0; i < big; i++)
        t[i] = i % 6 == 5 ? ' ' : 'w';
    split_big(t, big, &n);
    assert_int_equal(n, 1);
    /* only white space; only line breaks; lines without punctuation */
    memset(t, ' ', big);
    split_big(t, big, &n);
    assert_int_equal(n, 0);
    memset(t, '\n', big);
    split_big(t, big, &n);
    assert_int_equal(n, 0);
    for (i = 0; i < big; i++)
        t[i] = i % 4 == 3 ? '\n' : 'a';
    split_big(t, big, &n);
    assert_int_equal(n, big / 4);
    /* lower-case lines in one paragraph ending with a period: one sentence */
    for (i = 0; i < big; i++)
        t[i] = i % 4 == 3 ? '\n' : 'a';
    t[big - 1] = '.';
    split_big(t, big, &n);
    assert_int_equal(n, 1);
    /* quotes, brackets, bullets, list markers, invalid UTF-8 in bulk */
    for (i = 0; i < big; i++)
        t[i] = mix1[i % (sizeof(mix1) - 1)];
    split_big(t, big, &n);
    assert_true(n > 0);
    for (i = 0; i < big; i++)
        t[i] = mix2[i % (sizeof(mix2) - 1)];
    split_big(t, big, &n);
    assert_true(n > 0);
    free(t);
}

/* ------------------------------------------------------------------ golden rules */

static char *collapse(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    size_t i, k = 0;
    int sp = 0;
    for (i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
            sp = 1;
            continue;
        }
        if (sp && k)
            out[k++] = ' ';
        sp = 0;
        out[k++] = s[i];
    }
    out[k] = '\0';
    return out;
}

/* Runs cases [from, to) of a case array; returns how many pass. */
static int run_json_cases(sl_ctx *ctx, json_t *cases, size_t from, size_t to, int show)
{
    size_t i, j, n;
    int pass = 0;
    for (i = from; i < to && i < json_array_size(cases); i++) {
        json_t *c = json_array_get(cases, i), *exp = json_object_get(c, "expected");
        const char *text = json_string_value(json_object_get(c, "text"));
        sl_span *sp;
        int ok;
        assert_non_null(text);
        assert_int_equal(sl_split_sentences(ctx, text, strlen(text), &sp, &n), SL_OK);
        check_spans(text, strlen(text), sp, n);
        ok = json_array_size(exp) == n;
        for (j = 0; ok && j < n; j++) {
            const char *e = json_string_value(json_array_get(exp, j));
            char *a = collapse(text + sp[j].start, sp[j].end - sp[j].start), *b = collapse(e, strlen(e));
            ok = strcmp(a, b) == 0;
            free(a);
            free(b);
        }
        if (!ok && show)
            print_message("golden case %zu fails: %s\n", i + 1, text);
        pass += ok;
        sl_free(sp);
    }
    return pass;
}

static void golden_rules(void **state)
{
    json_error_t err;
    json_t *prag = json_load_file("../shared/data/sentences/pragmatic_segmenter_english_spec_cases.json", 0, &err);
    json_t *pysbd = json_load_file("../shared/data/sentences/golden_rules_en_pysbd48.json", 0, &err);
    sl_ctx *ctx;
    (void)state;
    if (!prag || !pysbd) {
        print_message("golden rules: ../shared/data/sentences absent, skipped\n");
        json_decref(prag);
        json_decref(pysbd);
        skip();
    }
    ctx = sl_ctx_new();
    /* all 52 Golden Rules and all 48 of pySBD's version */
    assert_int_equal(run_json_cases(ctx, json_object_get(prag, "cases"), 0, 52, 1), 52);
    assert_int_equal(run_json_cases(ctx, pysbd, 0, json_array_size(pysbd), 1), 48);
    /* the further cases: many need the text rewritten (HTML removed, dots
     * deleted), which spans cannot do; guard against regressions */
    assert_true(run_json_cases(ctx, json_object_get(prag, "cases"), 52, 177, 0) >= 95);
    sl_ctx_free(ctx);
    json_decref(prag);
    json_decref(pysbd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(news_conventions),
        cmocka_unit_test(quotes_and_brackets),
        cmocka_unit_test(punctuation),
        cmocka_unit_test(initials_and_names),
        cmocka_unit_test(lines_and_lists),
        cmocka_unit_test(empty_and_blank),
        cmocka_unit_test(appends_with_base),
        cmocka_unit_test(pathological_inputs),
        cmocka_unit_test(golden_rules),
    };
    /* A hang guard, not a timing: linear code splits the 10 MB inputs in a
     * second or two even under ASan; quadratic code would take hours. */
    alarm(300);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
