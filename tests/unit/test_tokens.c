/*
 * test_tokens.c: the word tokenizer: token boundaries, kinds, normal forms,
 * stems, flags, languages, and pathological inputs.
 */
#include "unit.h"

#include <unistd.h>

#include "analysis/tokens.h"

/* Tokenizes text; returns "surface/norm/stem/flags" items joined by " ", with
 * flags as letters: w word, n number, p punct, s stop, c cap, u upper,
 * l url, t tag. */
static char *describe(sl_ctx *ctx, const char *text)
{
    sl_token *tk;
    size_t n, i, len = strlen(text);
    char *out = calloc(1, 65536);
    assert_int_equal(sl_tokenize(ctx, text, len, &tk, &n), SL_OK);
    for (i = 0; i < n; i++) {
        char fl[16];
        size_t k = 0;
        unsigned f = tk[i].flags;
        assert_true(tk[i].start < tk[i].end && tk[i].end <= len);
        assert_true(i == 0 || tk[i - 1].end <= tk[i].start);
        if (f & SL_TOK_WORD) fl[k++] = 'w';
        if (f & SL_TOK_NUMBER) fl[k++] = 'n';
        if (f & SL_TOK_PUNCT) fl[k++] = 'p';
        if (f & SL_TOK_STOP) fl[k++] = 's';
        if (f & SL_TOK_CAP) fl[k++] = 'c';
        if (f & SL_TOK_UPPER) fl[k++] = 'u';
        if (f & SL_TOK_URL) fl[k++] = 'l';
        if (f & SL_TOK_TAG) fl[k++] = 't';
        fl[k] = '\0';
        if (i)
            strcat(out, " ");
        strncat(out, text + tk[i].start, tk[i].end - tk[i].start);
        strcat(out, "/");
        strcat(out, sl_vocab_str(ctx, tk[i].norm));
        strcat(out, "/");
        strcat(out, sl_vocab_str(ctx, tk[i].stem));
        strcat(out, "/");
        strcat(out, fl);
    }
    sl_free(tk);
    return out;
}

/* Only the surfaces, joined by " | ". */
static char *surfaces(sl_ctx *ctx, const char *text)
{
    sl_token *tk;
    size_t n, i;
    char *out = calloc(1, 65536);
    assert_int_equal(sl_tokenize(ctx, text, strlen(text), &tk, &n), SL_OK);
    for (i = 0; i < n; i++) {
        if (i)
            strcat(out, " | ");
        strncat(out, text + tk[i].start, tk[i].end - tk[i].start);
    }
    sl_free(tk);
    return out;
}

typedef struct tcase {
    const char *text, *want;
} tcase;

static void check_table(const tcase *c, size_t n, int full)
{
    sl_ctx *ctx = sl_ctx_new();
    size_t i, bad = 0;
    for (i = 0; i < n; i++) {
        char *got = full ? describe(ctx, c[i].text) : surfaces(ctx, c[i].text);
        if (strcmp(got, c[i].want) != 0) {
            print_message("case %zu: %s\n  want: %s\n  got:  %s\n", i, c[i].text, c[i].want, got);
            bad++;
        }
        free(got);
    }
    sl_ctx_free(ctx);
    assert_int_equal(bad, 0);
}

#define CHECK(t, full) check_table(t, sizeof(t) / sizeof(t[0]), full)

static void words_and_forms(void **state)
{
    static const tcase cases[] = {
        {"Korea's leaders met.", "Korea's/korea's/korea/wc leaders/leaders/leader/w met/met/met/w ./././p"},
        {"Korea\xE2\x80\x99s", "Korea\xE2\x80\x99s/korea's/korea/wc"},
        {"CEO didn't", "CEO/ceo/ceo/wcu didn't/didn't/didn't/ws"},
        {"The U.S. and U.K.'s", "The/the/the/wsc U.S./u.s./u.s./wcu and/and/and/ws U.K.'s/u.k.'s/u.k./wc"},
        {"\xC3\x89" "cole fianc\xC3\xA9" "e", "\xC3\x89" "cole/\xC3\xA9" "cole/\xC3\xA9" "cole/wc fianc\xC3\xA9" "e/fianc\xC3\xA9" "e/fianc\xC3\xA9/w"},
        /* NFC: e + combining acute is the same word as é */
        {"cafe\xCC\x81", "cafe\xCC\x81/caf\xC3\xA9/caf\xC3\xA9/w"},
        /* soft hyphen inside a word is dropped from the normal form */
        {"co\xC2\xADoperate", "co\xC2\xADoperate/cooperate/cooper/w"},
        {"Stra\xC3\x9F" "e", "Stra\xC3\x9F" "e/strasse/strass/wc"},
        /* a word of default-ignorable characters only keeps its bytes (fuzz finding) */
        {"\xE1\x9E\xB4", "\xE1\x9E\xB4/\xE1\x9E\xB4/\xE1\x9E\xB4/w"},
    };
    (void)state;
    CHECK(cases, 1);
}

static void numbers(void **state)
{
    static const tcase cases[] = {
        {"1,000.50 28,000 3.5", "1,000.50/1,000.50/1,000.50/n 28,000/28,000/28,000/n 3.5/3.5/3.5/n"},
        {"3.5% $12.75 \xE2\x82\xAC" "5 \xC2\xA3" "3bn",
         "3.5%/3.5%/3.5%/n $12.75/$12.75/$12.75/n \xE2\x82\xAC" "5/\xE2\x82\xAC" "5/\xE2\x82\xAC" "5/n \xC2\xA3" "3bn/\xC2\xA3" "3bn/\xC2\xA3" "3bn/w"},
        {"5:30 12/03/2019 21st 2nd", "5:30/5:30/5:30/n 12/03/2019/12/03/2019/12/03/2019/n 21st/21st/21st/n 2nd/2nd/2nd/n"},
        {"1953. 2,", "1953/1953/1953/n ./././p 2/2/2/n ,/,/,/p"},
        {"$ 5", "$/$/$/p 5/5/5/n"},
    };
    (void)state;
    CHECK(cases, 1);
}

static void boundaries(void **state)
{
    static const tcase cases[] = {
        {"Kim Jong-un, 68-year-old", "Kim | Jong-un | , | 68-year-old"},
        {"U.S.-based firms", "U.S.-based | firms"},
        {"re- and -ing -- dash\xE2\x80\x94" "dash", "re | - | and | - | ing | - | - | dash | \xE2\x80\x94 | dash"},
        {"\xE2\x80\x9CQuote\xE2\x80\x9D (paren) [x]", "\xE2\x80\x9C | Quote | \xE2\x80\x9D | ( | paren | ) | [ | x | ]"},
        {"Wait!? \xEF\xBC\x81 \xE2\x80\xA6", "Wait | ! | ? | \xEF\xBC\x81 | \xE2\x80\xA6"},
        {"students' books", "students | ' | books"},
        {"'quoted'", "' | quoted | '"},
        {"a.m. p.m. e.g. U.S.A.", "a.m. | p.m. | e.g. | U.S.A."},
        {"end.Next", "end | . | Next"},
        {"zero\xE2\x80\x8Bwidth", "zero | width"},
        {"\xEF\xBB\xBFWord", "Word"},
        {"\xE4\xBD\xA0\xE5\xA5\xBD \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
         "\xE4\xBD\xA0\xE5\xA5\xBD | \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
        {"\xFF\xFEok", "\xFF | \xFE | ok"},
    };
    (void)state;
    CHECK(cases, 0);
}

static void urls_emails_tags(void **state)
{
    static const tcase cases[] = {
        {"See https://x.com/a?b=c. Or www.Example.org/p_(q)).",
         "See | https://x.com/a?b=c | . | Or | www.Example.org/p_(q) | ) | ."},
        {"(http://a.b/c)", "( | http://a.b/c | )"},
        {"Mail jane.doe+news@example.co.uk, or news@x.org.", "Mail | jane.doe+news@example.co.uk | , | or | news@x.org | ."},
        {"a@b is not mail", "a | @ | b | is | not | mail"},
        {"#MeToo @user_1 #1 a#b x@y", "#MeToo | @user_1 | # | 1 | a | # | b | x | @ | y"},
    };
    static const tcase forms[] = {
        {"HTTPS://X.com/A", "HTTPS://X.com/A/HTTPS://X.com/A/HTTPS://X.com/A/wl"},
        {"#MeToo", "#MeToo/#metoo/#metoo/wct"},
        {"News@Example.com", "News@Example.com/News@Example.com/News@Example.com/wl"},
    };
    (void)state;
    CHECK(cases, 0);
    CHECK(forms, 1);
}

/* Repeated tokens are served from the cache: same ids every time, across
 * calls, and regardless of the order in which forms were first seen. */
static void cache_is_consistent(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_token *a, *b;
    size_t na, nb, i;
    const char *t1 = "The Leaders lead. the LEADERS led, leaders!";
    (void)state;
    assert_int_equal(sl_tokenize(ctx, t1, strlen(t1), &a, &na), SL_OK);
    assert_int_equal(sl_tokenize(ctx, t1, strlen(t1), &b, &nb), SL_OK);
    assert_int_equal(na, nb);
    for (i = 0; i < na; i++) {
        assert_int_equal(a[i].norm, b[i].norm);
        assert_int_equal(a[i].stem, b[i].stem);
        assert_int_equal(a[i].flags, b[i].flags);
    }
    /* "Leaders", "LEADERS", "leaders": one norm, one stem, different flags */
    assert_int_equal(na, 10);
    assert_int_equal(a[1].norm, a[5].norm);
    assert_int_equal(a[1].norm, a[8].norm);
    assert_string_equal(sl_vocab_str(ctx, a[1].stem), "leader");
    assert_true(a[1].flags & SL_TOK_CAP);
    assert_false(a[1].flags & SL_TOK_UPPER);
    assert_true(a[5].flags & SL_TOK_UPPER);
    assert_false(a[8].flags & SL_TOK_CAP);
    assert_true(a[0].flags & SL_TOK_STOP);
    assert_true(a[4].flags & SL_TOK_STOP);
    assert_true(sl_is_stopword(ctx, a[0].norm));
    assert_false(sl_is_stopword(ctx, a[1].norm));
    sl_free(a);
    sl_free(b);
    sl_ctx_free(ctx);
}

/* The language parameter: stemmer and stopwords follow sl_ctx_set_language;
 * the cache is rebuilt when it changes. */
static void languages(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_token *tk;
    size_t n;
    const char *t = "running the Häuser";
    (void)state;
    assert_int_equal(sl_tokenize(ctx, t, strlen(t), &tk, &n), SL_OK);
    assert_int_equal(n, 3);
    assert_string_equal(sl_vocab_str(ctx, tk[0].stem), "run");
    assert_true(tk[1].flags & SL_TOK_STOP);
    sl_free(tk);
    assert_int_equal(sl_ctx_set_language(ctx, "german"), SL_OK);
    assert_int_equal(sl_tokenize(ctx, t, strlen(t), &tk, &n), SL_OK);
    assert_string_equal(sl_vocab_str(ctx, tk[0].stem), "running");
    assert_string_equal(sl_vocab_str(ctx, tk[2].stem), "haus");
    assert_false(tk[1].flags & SL_TOK_STOP); /* no German stopword list */
    sl_free(tk);
    assert_int_equal(sl_ctx_set_language(ctx, "english"), SL_OK);
    assert_int_equal(sl_tokenize(ctx, t, strlen(t), &tk, &n), SL_OK);
    assert_string_equal(sl_vocab_str(ctx, tk[0].stem), "run");
    assert_true(tk[1].flags & SL_TOK_STOP);
    sl_free(tk);
    assert_int_equal(sl_ctx_set_language(ctx, "klingon"), SL_EUNSUPPORTED);
    sl_ctx_free(ctx);
}

static void empty_and_invalid(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_token *tk;
    size_t n;
    (void)state;
    assert_int_equal(sl_tokenize(ctx, NULL, 0, &tk, &n), SL_OK);
    assert_int_equal(n, 0);
    sl_free(tk);
    assert_int_equal(sl_tokenize(ctx, " \t\n ", 4, &tk, &n), SL_OK);
    assert_int_equal(n, 0);
    sl_free(tk);
    assert_int_equal(sl_tokenize(ctx, NULL, 1, &tk, &n), SL_EINVAL);
    /* only len bytes are read */
    assert_int_equal(sl_tokenize(ctx, "abc def", 3, &tk, &n), SL_OK);
    assert_int_equal(n, 1);
    assert_int_equal(tk[0].end, 3);
    sl_free(tk);
    sl_ctx_free(ctx);
}

static void pathological_inputs(void **state)
{
    static const char mix[] = "$1,0 #a@b.c http://x a.b.c.d.e 3.5%% \xE2\x80\x99s\xC2\xAD-\xFF ";
    size_t big = (size_t)10 << 20, i, n;
    unsigned long long rng = 88172645463325252ull;
    char *t = malloc(big);
    sl_ctx *ctx = sl_ctx_new();
    sl_token *tk;
    (void)state;
    /* 10 MB of one letter: cut into bounded tokens */
    memset(t, 'a', big);
    assert_int_equal(sl_tokenize(ctx, t, big, &tk, &n), SL_OK);
    assert_int_equal(n, big / 256);
    assert_int_equal(tk[n - 1].end, big);
    sl_free(tk);
    /* a 10 MB URL, 10 MB of digits with commas, a million dots */
    memcpy(t, "http://", 7);
    assert_int_equal(sl_tokenize(ctx, t, big, &tk, &n), SL_OK);
    assert_true(n >= big / 2048);
    sl_free(tk);
    for (i = 0; i < big; i++)
        t[i] = i % 2 ? ',' : '1';
    assert_int_equal(sl_tokenize(ctx, t, big, &tk, &n), SL_OK);
    assert_true(n > 0);
    sl_free(tk);
    memset(t, '.', 1000000);
    assert_int_equal(sl_tokenize(ctx, t, 1000000, &tk, &n), SL_OK);
    assert_int_equal(n, 1000000);
    sl_free(tk);
    /* many distinct words: the surface cache stops growing, results stay right */
    for (i = 0; i < big; i++) {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        t[i] = i % 7 == 6 ? ' ' : (char)('a' + rng % 26);
    }
    assert_int_equal(sl_tokenize(ctx, t, big, &tk, &n), SL_OK);
    assert_int_equal(n, big / 7 + (big % 7 ? 1 : 0));
    sl_free(tk);
    /* a mix of every special case */
    for (i = 0; i < big; i++)
        t[i] = mix[i % (sizeof(mix) - 1)];
    assert_int_equal(sl_tokenize(ctx, t, big, &tk, &n), SL_OK);
    for (i = 1; i < n; i++)
        assert_true(tk[i - 1].end <= tk[i].start);
    sl_free(tk);
    sl_ctx_free(ctx);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_and_forms),
        cmocka_unit_test(numbers),
        cmocka_unit_test(boundaries),
        cmocka_unit_test(urls_emails_tags),
        cmocka_unit_test(cache_is_consistent),
        cmocka_unit_test(languages),
        cmocka_unit_test(empty_and_invalid),
        cmocka_unit_test(pathological_inputs),
    };
    alarm(300); /* a hang guard, not a timing */
    return cmocka_run_group_tests(tests, NULL, NULL);
}
