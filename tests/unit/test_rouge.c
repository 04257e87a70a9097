/*
 * test_rouge.c: the ROUGE evaluator against figures worked out by hand from
 * ROUGE-1.5.5's definitions (each case's comment shows the counting), its
 * Porter variant, Perl's generator, and the fixture's published averages.
 */
#include "unit.h"

#include <dirent.h>
#include <math.h>

#include "eval/rouge.h"
#include "eval/rouge_porter.h"

#define EPS 1e-9

static sl_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    ctx = sl_ctx_new();
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sl_ctx_free(ctx);
    return 0;
}

/* Scores peer against up to 3 references (NULL-terminated after the first). */
static size_t score(const sl_rouge_opts *o, const char *peer, const char *r1, const char *r2,
                    const char *r3, sl_rouge_result *out)
{
    const char *refs[3] = {r1, r2, r3};
    size_t lens[3], n = 0, nref = 0, i;
    for (i = 0; i < 3 && refs[i]; i++, nref++)
        lens[i] = strlen(refs[i]);
    assert_int_equal(sl_rouge_score(ctx, o, peer, strlen(peer), refs, lens, nref, out, &n), SL_OK);
    return n;
}

static const sl_rouge_result *metric(const sl_rouge_result *res, size_t n, const char *name)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcmp(res[i].metric, name) == 0)
            return &res[i];
    fail_msg("no metric %s", name);
    return NULL;
}

static void expect(const sl_rouge_result *r, double rec, double prec, double f)
{
    if (fabs(r->recall - rec) > EPS || fabs(r->precision - prec) > EPS || fabs(r->f - f) > EPS)
        fail_msg("%s: got R %.5f P %.5f F %.5f, want %.5f %.5f %.5f", r->metric, r->recall,
                 r->precision, r->f, rec, prec, f);
}

/* peer "the cat sat on the mat", ref "the cat was on the mat":
 * the x2, cat, on, mat = 5 of 6 both ways;
 * "the cat", "on the", "the mat" = 3 of 5;
 * R-L: LCS "the cat on the mat" = 5 of 6;
 * SU4: 6 tokens give 5 unigrams (the last is not counted) + 15 pairs = 20
 * grams each; shared: unigrams the x2, cat, on (4) and pairs (the,cat)
 * (the,on) (the,the) (the,mat)x2 (cat,on) (cat,the) (cat,mat) (on,the)
 * (on,mat) (10): 14 of 20. */
static void default_metrics(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    size_t n;
    (void)state;
    n = score(&o, "The cat sat on the mat.", "the cat was on the mat", NULL, NULL, res);
    assert_int_equal(n, 4);
    assert_string_equal(res[0].metric, "ROUGE-1");
    assert_string_equal(res[1].metric, "ROUGE-2");
    assert_string_equal(res[2].metric, "ROUGE-L");
    assert_string_equal(res[3].metric, "ROUGE-SU4");
    expect(&res[0], 0.83333, 0.83333, 0.83333);
    expect(&res[1], 0.6, 0.6, 0.6);
    expect(&res[2], 0.83333, 0.83333, 0.83333);
    expect(&res[3], 0.7, 0.7, 0.7);
    assert_true(res[0].hits == 5 && res[0].model_count == 6 && res[0].peer_count == 6);
    assert_true(res[3].hits == 14 && res[3].model_count == 20);
}

/* R and P are rounded to 5 places first, F is computed from them:
 * R = 2/3 -> 0.66667, P = 2/4 = 0.5, F = .5*.66667/(.25+.333335) -> 0.57143.
 * alpha 1 gives P, alpha 0 gives R. */
static void precision_recall_f(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    size_t n;
    (void)state;
    o.max_ngram = 1;
    o.flags = SL_ROUGE_NO_LCS;
    n = score(&o, "a b c d", "a b e", NULL, NULL, res);
    assert_int_equal(n, 1);
    expect(&res[0], 0.66667, 0.5, 0.57143);
    o.alpha = 1;
    score(&o, "a b c d", "a b e", NULL, NULL, res);
    expect(&res[0], 0.66667, 0.5, 0.5);
    o.alpha = 0;
    score(&o, "a b c d", "a b e", NULL, NULL, res);
    expect(&res[0], 0.66667, 0.5, 0.66667);
}

/* Tokens are runs of ASCII letters and digits after lower-casing: "U.S."
 * is "u s", "hotel-casino" is "hotel casino", and UTF-8 letters separate. */
static void tokenization(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    (void)state;
    o.max_ngram = 1;
    o.flags = SL_ROUGE_NO_LCS;
    score(&o, "U.S. hotel-casino caf\xC3\xA9s $100", "u s HOTEL casino caf s 100", NULL, NULL, res);
    expect(&res[0], 1, 1, 1);
    assert_true(res[0].model_count == 7);
}

/* ROUGE-L is the union LCS of each reference sentence (line) with every
 * system sentence: ref "a b c d e" against the lines "d e" and "a b" marks
 * a b d e (4 of 5); on one line "d e a b" the LCS is only 2.  P = 4/4. */
static void lcs_union_over_lines(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    size_t n;
    (void)state;
    o.max_ngram = 1;
    o.flags = 0;
    n = score(&o, "d e\na b\n", "a b c d e", NULL, NULL, res);
    expect(metric(res, n, "ROUGE-L"), 0.8, 1, 0.88889);
    expect(metric(res, n, "ROUGE-1"), 0.8, 1, 0.88889);
    n = score(&o, "d e a b", "a b c d e", NULL, NULL, res);
    expect(metric(res, n, "ROUGE-L"), 0.4, 0.5, 0.44444);
    /* the union marks reference words, each counted once however many
     * system sentences hit it: ref "a a", system lines "a" / "a" -> 1 */
    n = score(&o, "a\na", "a a", NULL, NULL, res);
    expect(metric(res, n, "ROUGE-L"), 0.5, 0.5, 0.5);
    expect(metric(res, n, "ROUGE-1"), 1, 1, 1);
    /* --split: storyline's splitter makes two sentences of one line */
    o.flags = SL_ROUGE_SPLIT;
    n = score(&o, "D e. A b.", "a b c d e", NULL, NULL, res);
    expect(metric(res, n, "ROUGE-L"), 0.8, 1, 0.88889);
}

/* -m: words of more than 3 letters are stemmed, irregular forms through
 * WordNet's exception list first.  "the cats were running" vs "a cat was
 * running": cats -> cat, running -> run, were -> be; "cat", "was" are too
 * short to stem.  Hits cat, run: 2 of 4 both ways (1 without -m). */
static void stemming(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    (void)state;
    o.max_ngram = 1;
    o.flags = SL_ROUGE_NO_LCS;
    score(&o, "the cats were running", "a cat was running", NULL, NULL, res);
    expect(&res[0], 0.25, 0.25, 0.25);
    o.flags |= SL_ROUGE_STEM;
    score(&o, "the cats were running", "a cat was running", NULL, NULL, res);
    expect(&res[0], 0.5, 0.5, 0.5);
    /* exceptions: said -> say (Porter alone leaves "said"), children -> child */
    score(&o, "children said", "child say", NULL, NULL, res);
    expect(&res[0], 1, 1, 1);
}

/* ROUGE-1.5.5's Porter: the paper's algorithm with -bli/-logi (Porter's C
 * release) and the script's own step 4, which tries -ment and -ent again
 * after the main list: "agreement" -> "agreem", "accidental" -> "accid". */
static void porter_variant(void **state)
{
    static const char *const cases[][2] = {
        {"caresses", "caress"}, {"ponies", "poni"},       {"generalizations", "gener"},
        {"agreement", "agreem"}, {"accidental", "accid"}, {"hopping", "hop"},
        {"filing", "file"},      {"yelling", "yell"},     {"relational", "relat"},
        {"running", "run"},      {"abilities", "abil"},   {"happy", "happi"},
        {"sensibility", "sensibl"}, {"analogies", "analog"}, {"agreed", "agre"},
        {"feed", "feed"},        {"1990s", "1990"},       {"yes", "ye"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char w[64];
        size_t n = strlen(cases[i][0]);
        memcpy(w, cases[i][0], n);
        n = rouge_porter_stem(w, n);
        w[n] = '\0';
        if (strcmp(w, cases[i][1]) != 0)
            fail_msg("stem(%s) = %s, want %s", cases[i][0], w, cases[i][1]);
    }
}

/* -l counts Perl's split(/\s+/) fields of the raw text, punctuation
 * included; -b counts bytes.  Both cut system and references. */
static void truncation(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    size_t n;
    (void)state;
    o.max_ngram = 1;
    o.flags = SL_ROUGE_NO_LCS;
    /* no limit: 3 hits of 5 ref / 4 system words */
    score(&o, "one two three six", "one two three four five", NULL, NULL, res);
    expect(&res[0], 0.6, 0.75, 0.66667);
    o.word_limit = 3;
    score(&o, "one two three six", "one two three four five", NULL, NULL, res);
    expect(&res[0], 1, 1, 1);
    /* an en dash is a field: "– one two" keeps 2 words; so is a leading blank */
    score(&o, "\xE2\x80\x93 one two three", " one two three", NULL, NULL, res);
    assert_true(res[0].peer_count == 2 && res[0].model_count == 2);
    /* across lines: 2 + 1 words */
    score(&o, "one two\nthree four", "one two three four", NULL, NULL, res);
    expect(&res[0], 1, 1, 1);
    o.word_limit = 0;
    o.byte_limit = 10; /* "one two three four" -> "one two th" */
    score(&o, "one two three four", "one two th", NULL, NULL, res);
    expect(&res[0], 1, 1, 1);
    /* The ROUGE-L reader never advances its byte count, so it keeps every
     * line shorter than the limit: ref lines "abc def" / "ghi jkl" give 3
     * n-gram words (abc def ghi) but 4 LCS words.  System "abc def gh".
     * R-1 2/3 both ways; R-L hits abc def, base 4: R 0.5, P 2/3. */
    o.flags = 0;
    n = score(&o, "abc def ghi jkl", "abc def\nghi jkl", NULL, NULL, res);
    expect(metric(res, n, "ROUGE-1"), 0.66667, 0.66667, 0.66667);
    expect(metric(res, n, "ROUGE-L"), 0.5, 0.66667, 0.57143);
}

/* Three references: -f A pools them (hits 2+1+1 = 4 of 2+2+3 reference
 * words, 3 system words counted once per reference: 9); -f B takes the one
 * with the best recall (ref 1: 2/2, P 2/3); the jackknife averages the
 * pooled scores of the three leave-one-out pairs: R (0.4, 0.6, 0.75),
 * P (0.33333, 0.5, 0.5), F (0.36363, 0.54545, 0.6). */
static void references_and_jackknife(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    (void)state;
    o.max_ngram = 1;
    o.flags = SL_ROUGE_NO_LCS;
    score(&o, "a b c", "a b", "a x", "c y z", res);
    expect(&res[0], 0.57143, 0.44444, 0.5);
    assert_true(res[0].hits == 4 && res[0].model_count == 7 && res[0].peer_count == 9);
    o.flags |= SL_ROUGE_BEST;
    score(&o, "a b c", "a b", "a x", "c y z", res);
    expect(&res[0], 1, 0.66667, 0.8);
    o.flags = SL_ROUGE_NO_LCS | SL_ROUGE_JACKKNIFE;
    score(&o, "a b c", "a b", "a x", "c y z", res);
    expect(&res[0], 0.58333, 0.44444, 0.50303);
    /* two references: leave-one-out sets {b c} (R 1/2, P 1/2) and {a} (R 1, P 1/2) */
    score(&o, "a b", "a", "b c", NULL, res);
    assert_true(fabs(res[0].recall - 0.75) < EPS && fabs(res[0].precision - 0.5) < EPS);
    /* one reference: the jackknife is the plain score */
    score(&o, "a b", "a", NULL, NULL, res);
    expect(&res[0], 1, 0.5, 0.66667);
}

/* -2 GAP: pairs at most GAP words apart.  ref "a c e d", system "a b f d":
 * with gap 1 no pair is shared (5 each); with gap 2 or no limit (a, d)
 * appears: 1 of 6.  -u adds the unigrams of all tokens but the last:
 * gap 1 + u: 8 grams, shared "a" only. */
static void skip_bigrams(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    size_t n;
    (void)state;
    o.max_ngram = 0;
    o.flags = SL_ROUGE_NO_LCS | SL_ROUGE_SKIP;
    o.skip_gap = 1;
    n = score(&o, "a b f d", "a c e d", NULL, NULL, res);
    assert_int_equal(n, 1);
    assert_string_equal(res[0].metric, "ROUGE-S1");
    expect(&res[0], 0, 0, 0);
    assert_true(res[0].model_count == 5);
    o.skip_gap = 2;
    score(&o, "a b f d", "a c e d", NULL, NULL, res);
    expect(&res[0], 0.16667, 0.16667, 0.16667);
    o.skip_gap = -1;
    score(&o, "a b f d", "a c e d", NULL, NULL, res);
    assert_string_equal(res[0].metric, "ROUGE-S*");
    expect(&res[0], 0.16667, 0.16667, 0.16667);
    o.skip_gap = 1;
    o.flags |= SL_ROUGE_SKIP_UNIGRAMS;
    score(&o, "a b f d", "a c e d", NULL, NULL, res);
    assert_string_equal(res[0].metric, "ROUGE-SU1");
    expect(&res[0], 0.125, 0.125, 0.125);
    /* one token makes no skip-bigram and, the last being left out, no unigram */
    score(&o, "a", "a", NULL, NULL, res);
    assert_true(res[0].model_count == 0);
    expect(&res[0], 0, 0, 0);
}

/* An empty summary scores 0 against words; a summary against an empty
 * reference too (no reference words: recall 0 by the script's rule). */
static void empty_texts(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    size_t n, i;
    (void)state;
    n = score(&o, "", "a b", NULL, NULL, res);
    for (i = 0; i < n; i++)
        expect(&res[i], 0, 0, 0);
    assert_true(res[0].model_count == 2 && res[0].peer_count == 0);
    n = score(&o, "a b", "", NULL, NULL, res);
    for (i = 0; i < n; i++)
        expect(&res[i], 0, 0, 0);
    n = score(&o, "...\n\n!!", " ", NULL, NULL, res);
    for (i = 0; i < n; i++)
        expect(&res[i], 0, 0, 0);
}

/* pyrouge writes unescaped HTML and the SEE reader stops at '<'. */
static void see_cut(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    (void)state;
    o.max_ngram = 1;
    o.flags = SL_ROUGE_NO_LCS;
    score(&o, "a b <c d\ne", "a b c d e", NULL, NULL, res);
    expect(&res[0], 0.6, 1, 0.75);
    o.flags |= SL_ROUGE_NO_SEE_CUT;
    score(&o, "a b <c d\ne", "a b c d e", NULL, NULL, res);
    expect(&res[0], 1, 1, 1);
}

/* -s would need ROUGE's SMART stopword list, a third-party file storyline
 * does not ship: it is refused, never silently ignored. */
static void stopwords(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    sl_ctx *own = sl_ctx_new();
    const char *ref = "the storm was fierce";
    size_t rl = strlen(ref), n = 0;
    (void)state;
    o.max_ngram = 1;
    o.flags = SL_ROUGE_NO_LCS | SL_ROUGE_STOPWORDS;
    assert_int_equal(sl_rouge_score(own, &o, "Reuters said the storm hit", 26, &ref, &rl, 1, res, &n),
                     SL_EUNSUPPORTED);
    assert_non_null(strstr(sl_errmsg(own), "-s is not supported"));
    sl_ctx_free(own);
}

/* Perl's rand since 5.20 is drand48: the values of libc's erand48 seeded
 * as srand48(seed) seeds it. */
static void perl_rng(void **state)
{
    static const struct {
        uint32_t seed;
        double v[3];
    } want[] = {
        {0, {0.17082803610628972, 0.74990198048496381, 0.09637165562356742}},
        {1, {0.041630344771878214, 0.45449244472862915, 0.8348172181669149}},
        {999, {0.10233439302919933, 0.63577575990663604, 0.80348863642769786}},
    };
    size_t i, k;
    (void)state;
    for (i = 0; i < 3; i++) {
        rouge_rng r;
        rouge_rng_seed(&r, want[i].seed);
        for (k = 0; k < 3; k++)
            assert_true(rouge_rng_next(&r) == want[i].v[k]);
    }
}

/* computeAverages: the mean of 20 bootstrap means (sample s seeded with s),
 * and the 90% interval from the sorted samples, worked out independently. */
static void bootstrap_average(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    rouge_stats st[3];
    sl_rouge_result out;
    double v[3][3] = {{0.1, 0.2, 0.13333}, {0.5, 0.25, 0.33333}, {0.9, 0.6, 0.72}};
    size_t i;
    (void)state;
    memset(st, 0, sizeof(st));
    for (i = 0; i < 3; i++) {
        st[i].recall = v[i][0];
        st[i].precision = v[i][1];
        st[i].f = v[i][2];
    }
    o.resamples = 20;
    o.confidence = 90;
    rouge_average(&o, st, 3, 1, 0, &out);
    assert_true(fabs(out.recall - 0.48667) < EPS && fabs(out.recall_low - 0.23333) < EPS &&
                fabs(out.recall_high - 0.76667) < EPS);
    assert_true(fabs(out.precision - 0.34833) < EPS && fabs(out.precision_low - 0.21667) < EPS &&
                fabs(out.precision_high - 0.48333) < EPS);
    assert_true(fabs(out.f - 0.38889) < EPS && fabs(out.f_low - 0.2) < EPS &&
                fabs(out.f_high - 0.59111) < EPS);
    o.resamples = 0; /* the plain mean */
    rouge_average(&o, st, 3, 1, 0, &out);
    assert_true(fabs(out.recall - 0.5) < EPS && fabs(out.precision - 0.35) < EPS &&
                fabs(out.f - 0.39555) < EPS);
    /* -t 1 pools the counts: hits 1+2+3 of models 4+4+4, peers 2+3+7:
     * R 0.5, P 0.5, F 0.5 */
    for (i = 0; i < 3; i++) {
        st[i].hits = (double)(i + 1);
        st[i].model_count = 4;
    }
    st[0].peer_count = 2;
    st[1].peer_count = 3;
    st[2].peer_count = 7;
    o.count_mode = 1;
    rouge_average(&o, st, 3, 1, 0, &out);
    assert_true(fabs(out.recall - 0.5) < EPS && fabs(out.precision - 0.5) < EPS &&
                fabs(out.f - 0.5) < EPS && out.hits == 6 && out.model_count == 12);
}

/* The corpus evaluator orders summaries as the script's keys sort and
 * averages them. */
static void corpus_evaluation(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    sl_rouge *r;
    const char *ref = "a b c d";
    size_t len = strlen(ref), n;
    (void)state;
    o.max_ngram = 1;
    o.flags = SL_ROUGE_NO_LCS;
    o.resamples = 0;
    assert_int_equal(sl_rouge_new(ctx, &o, &r), SL_OK);
    assert_int_equal(sl_rouge_average(r, res, &n), SL_EEMPTY);
    assert_int_equal(sl_rouge_add(r, "b", "a b", 3, &ref, &len, 1), SL_OK); /* R .5 P 1 */
    assert_int_equal(sl_rouge_add(r, "a", "a x", 3, &ref, &len, 1), SL_OK); /* R .25 P .5 */
    assert_int_equal(sl_rouge_count(r), 2);
    assert_string_equal(sl_rouge_id(r, 0), "a");
    assert_int_equal(sl_rouge_instance(r, 0, res, &n), SL_OK);
    expect(&res[0], 0.25, 0.5, 0.33333);
    assert_int_equal(sl_rouge_average(r, res, &n), SL_OK);
    expect(&res[0], 0.375, 0.75, 0.5); /* F: mean of 0.33333 and 0.66667 */
    /* Perl sorts "<id>.<peer>": "a-b." < "a." since '-' < '.' */
    assert_int_equal(sl_rouge_add(r, "a-b", "a", 1, &ref, &len, 1), SL_OK);
    assert_string_equal(sl_rouge_id(r, 0), "a-b");
    assert_string_equal(sl_rouge_id(r, 1), "a");
    assert_string_equal(sl_rouge_id(r, 2), "b");
    sl_rouge_free(r);
    sl_rouge_free(NULL);
}

static void bad_options(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    sl_rouge *r = NULL;
    size_t n, len = 1;
    const char *ref = "a";
    (void)state;
    o.max_ngram = SL_ROUGE_MAX_N + 1;
    assert_int_equal(sl_rouge_score(ctx, &o, "a", 1, &ref, &len, 1, res, &n), SL_EINVAL);
    o = (sl_rouge_opts)SL_ROUGE_OPTS_INIT;
    o.word_limit = 10;
    o.byte_limit = 10;
    assert_int_equal(sl_rouge_new(ctx, &o, &r), SL_EINVAL);
    assert_null(r);
    assert_non_null(strstr(sl_errmsg(ctx), "not both"));
    o = (sl_rouge_opts)SL_ROUGE_OPTS_INIT;
    o.alpha = 1.5;
    assert_int_equal(sl_rouge_new(ctx, &o, &r), SL_EINVAL);
    o = (sl_rouge_opts)SL_ROUGE_OPTS_INIT;
    o.version = 0;
    assert_int_equal(sl_rouge_new(ctx, &o, &r), SL_EINVAL);
    o = (sl_rouge_opts)SL_ROUGE_OPTS_INIT;
    o.flags = SL_ROUGE_SKIP_UNIGRAMS;
    assert_int_equal(sl_rouge_new(ctx, &o, &r), SL_EINVAL);
    o = (sl_rouge_opts)SL_ROUGE_OPTS_INIT;
    assert_int_equal(sl_rouge_score(ctx, &o, NULL, 5, &ref, &len, 1, res, &n), SL_EINVAL);
}

/* Work is bounded by documented caps: ROUGE-L past SL_ROUGE_MAX_LCS word
 * pairs and unlimited skip-bigrams past SL_ROUGE_MAX_SKIP are refused (and
 * -x or a gap makes them go through); pathological text stays linear. */
static void caps_and_pathological_input(void **state)
{
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    size_t words = 20000, len = words * 2, n, i;
    char *big = malloc(len + 1), *huge;
    const char *ref;
    size_t rlen;
    (void)state;
    for (i = 0; i < words; i++) {
        big[2 * i] = (char)('a' + i % 26);
        big[2 * i + 1] = ' ';
    }
    big[len] = '\0';
    ref = big;
    rlen = len;
    assert_int_equal(sl_rouge_score(ctx, &o, big, len, &ref, &rlen, 1, res, &n), SL_ETOOBIG);
    assert_non_null(strstr(sl_errmsg(ctx), "ROUGE-L"));
    o.flags |= SL_ROUGE_NO_LCS;
    assert_int_equal(sl_rouge_score(ctx, &o, big, len, &ref, &rlen, 1, res, &n), SL_OK);
    expect(&res[0], 1, 1, 1);
    o.skip_gap = -1;
    assert_int_equal(sl_rouge_score(ctx, &o, big, len, &ref, &rlen, 1, res, &n), SL_ETOOBIG);
    free(big);

    /* 10 MB without a space, with invalid UTF-8: one long token, stemmed in
     * linear time; a million dots: no token at all */
    o = (sl_rouge_opts)SL_ROUGE_OPTS_INIT;
    o.flags |= SL_ROUGE_STEM;
    len = (size_t)10 << 20;
    huge = malloc(len);
    memset(huge, 'a', len);
    huge[100] = '\xff';
    huge[len - 3] = 'i';
    huge[len - 2] = 'n';
    huge[len - 1] = 'g';
    ref = "a";
    rlen = 1;
    assert_int_equal(sl_rouge_score(ctx, &o, huge, len, &ref, &rlen, 1, res, &n), SL_OK);
    memset(huge, '.', (size_t)1 << 20);
    assert_int_equal(sl_rouge_score(ctx, &o, huge, (size_t)1 << 20, &ref, &rlen, 1, res, &n),
                     SL_OK);
    assert_true(res[0].peer_count == 0);
    free(huge);
}

/* ../shared/data/rouge-fixture: the averages the reference script gives the
 * lead baseline, flag sets A and B, each figure within 0.05 points. */
typedef struct fixture_set {
    double want[4][3]; /* ROUGE-1, -2, -L, -SU4: R P F in points */
    int seen;
} fixture_set;

static int parse_expected(const char *text, fixture_set set[2])
{
    const char *p = text;
    int cur = -1;
    memset(set, 0, 2 * sizeof(*set));
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char line[256], name[32];
        double r, pr, f;
        if (n >= sizeof(line))
            n = sizeof(line) - 1;
        memcpy(line, p, n);
        line[n] = '\0';
        if (strncmp(line, "# flags A", 9) == 0)
            cur = 0;
        else if (strncmp(line, "# flags B", 9) == 0)
            cur = 1;
        else if (cur >= 0 && sscanf(line, "%31s R=%lf P=%lf F=%lf", name, &r, &pr, &f) == 4) {
            int k = strcmp(name, "ROUGE-1") == 0   ? 0
                    : strcmp(name, "ROUGE-2") == 0 ? 1
                    : strcmp(name, "ROUGE-L") == 0 ? 2
                    : strcmp(name, "ROUGE-SU4") == 0 ? 3
                                                     : -1;
            if (k >= 0) {
                set[cur].want[k][0] = r;
                set[cur].want[k][1] = pr;
                set[cur].want[k][2] = f;
                set[cur].seen |= 1 << k;
            }
        }
        p += e ? n + 1 : n;
        if (!e)
            break;
    }
    return set[0].seen == 15 && set[1].seen == 15;
}

static void fixture_figures(void **state)
{
    const char *root = "../shared/data";
    char path[512], *expected, *sys, *ref;
    fixture_set set[2];
    int s;
    (void)state;
    snprintf(path, sizeof(path), "%s/rouge-fixture/expected.txt", root);
    expected = unit_read_file(path, NULL);
    if (!expected) {
        print_message("skipped: %s is absent\n", path);
        skip();
    }
    assert_true(parse_expected(expected, set));
    free(expected);
    for (s = 0; s < 2; s++) {
        sl_rouge_opts o = SL_ROUGE_OPTS_INIT; /* -n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 */
        sl_rouge_result res[SL_ROUGE_MAX_METRICS];
        sl_rouge *r;
        size_t n, k, done = 0;
        char name[256];
        struct dirent *e;
        DIR *dir;
        if (s == 0) { /* A adds -m -l 100 */
            o.flags |= SL_ROUGE_STEM;
            o.word_limit = 100;
        }
        assert_int_equal(sl_rouge_new(ctx, &o, &r), SL_OK);
        snprintf(path, sizeof(path), "%s/rouge-fixture/system", root);
        dir = opendir(path);
        assert_non_null(dir);
        while ((e = readdir(dir)) != NULL) {
            size_t slen = 0, rlen = 0, nl = strlen(e->d_name);
            const char *refs[1];
            if (nl < 5 || nl >= sizeof(name) || strcmp(e->d_name + nl - 4, ".txt") != 0)
                continue;
            memcpy(name, e->d_name, nl + 1);
            snprintf(path, sizeof(path), "%s/rouge-fixture/system/%s", root, name);
            sys = unit_read_file(path, &slen);
            name[nl - 4] = '\0';
            snprintf(path, sizeof(path), "%s/multinews-dev/%s/ref1.txt", root, name);
            ref = unit_read_file(path, &rlen);
            assert_non_null(sys);
            assert_non_null(ref);
            refs[0] = ref;
            assert_int_equal(sl_rouge_add(r, name, sys, slen, refs, &rlen, 1), SL_OK);
            free(sys);
            free(ref);
            done++;
        }
        closedir(dir);
        assert_int_equal(done, 100);
        assert_int_equal(sl_rouge_average(r, res, &n), SL_OK);
        assert_int_equal(n, 4);
        for (k = 0; k < 4; k++) {
            double got[3] = {100 * res[k].recall, 100 * res[k].precision, 100 * res[k].f};
            int j;
            print_message("flags %c %-9s R %.2f/%.2f P %.2f/%.2f F %.2f/%.2f\n", "AB"[s],
                          res[k].metric, got[0], set[s].want[k][0], got[1], set[s].want[k][1],
                          got[2], set[s].want[k][2]);
            for (j = 0; j < 3; j++)
                if (fabs(got[j] - set[s].want[k][j]) > 0.05)
                    fail_msg("flags %c %s: %.3f, want %.2f", "AB"[s], res[k].metric, got[j],
                             set[s].want[k][j]);
        }
        sl_rouge_free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_metrics),
        cmocka_unit_test(precision_recall_f),
        cmocka_unit_test(tokenization),
        cmocka_unit_test(lcs_union_over_lines),
        cmocka_unit_test(stemming),
        cmocka_unit_test(porter_variant),
        cmocka_unit_test(truncation),
        cmocka_unit_test(references_and_jackknife),
        cmocka_unit_test(skip_bigrams),
        cmocka_unit_test(empty_texts),
        cmocka_unit_test(see_cut),
        cmocka_unit_test(stopwords),
        cmocka_unit_test(perl_rng),
        cmocka_unit_test(bootstrap_average),
        cmocka_unit_test(corpus_evaluation),
        cmocka_unit_test(bad_options),
        cmocka_unit_test(caps_and_pathological_input),
        cmocka_unit_test(fixture_figures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
