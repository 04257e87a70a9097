/*
 * test_dates.c: the calendar (days, ISO weeks, Easter), points of time
 * (parse, format, shift, coarsen), metadata dates, the temporal tagger's
 * API and meanings, and the article-date rules 1-4 and the override, with
 * invented articles for the story rule.
 */
#include "unit.h"

#include "analysis/dates.h"
#include "analysis/timex.h"
#include "analysis/timex_lex.h"
#include "core/data.h"

/* ------------------------------------------------------------------ calendar */

static void days_round_trip_and_known_values(void **state)
{
    long d;
    sl_ymd t;
    (void)state;
    assert_int_equal(sl_days_from_ymd(1970, 1, 1), 0);
    assert_int_equal(sl_days_from_ymd(2000, 3, 1), 11017);
    assert_int_equal(sl_days_from_ymd(1969, 12, 31), -1);
    /* every day from 1583 to 2400 converts back to itself, one after the other */
    for (d = sl_days_from_ymd(1583, 1, 1); d <= sl_days_from_ymd(2400, 12, 31); d++) {
        sl_ymd_from_days(d, &t);
        if (sl_days_from_ymd(t.y, t.m, t.d) != d || !sl_ymd_valid(t.y, t.m, t.d))
            fail_msg("day %ld came back as %d-%d-%d", d, t.y, t.m, t.d);
    }
    sl_ymd_from_days(sl_days_from_ymd(2016, 2, 28) + 1, &t);
    assert_int_equal(t.m * 100 + t.d, 229);
    sl_ymd_from_days(sl_days_from_ymd(2017, 2, 28) + 1, &t);
    assert_int_equal(t.m * 100 + t.d, 301);
}

static void leap_years_and_valid_days(void **state)
{
    (void)state;
    assert_true(sl_is_leap(2016));
    assert_true(sl_is_leap(2000));
    assert_false(sl_is_leap(1900));
    assert_false(sl_is_leap(2018));
    assert_true(sl_ymd_valid(2016, 2, 29));
    assert_false(sl_ymd_valid(2017, 2, 29));
    assert_false(sl_ymd_valid(2018, 2, 30));
    assert_false(sl_ymd_valid(2018, 4, 31));
    assert_false(sl_ymd_valid(2018, 13, 1));
    assert_false(sl_ymd_valid(2018, 0, 1));
    assert_false(sl_ymd_valid(0, 1, 1));
    assert_false(sl_ymd_valid(10000, 1, 1));
    assert_int_equal(sl_days_in_month(2016, 2), 29);
    assert_int_equal(sl_days_in_month(2100, 2), 28);
}

static void weekdays_and_iso_weeks(void **state)
{
    int y, w;
    (void)state;
    assert_int_equal(sl_weekday(sl_days_from_ymd(2018, 4, 27)), 5); /* a Friday */
    assert_int_equal(sl_weekday(sl_days_from_ymd(1953, 7, 27)), 1); /* a Monday */
    assert_int_equal(sl_weekday(sl_days_from_ymd(1969, 12, 28)), 7);
    sl_iso_week(sl_days_from_ymd(2018, 12, 31), &y, &w);
    assert_int_equal(y * 100 + w, 201901);
    sl_iso_week(sl_days_from_ymd(2021, 1, 3), &y, &w);
    assert_int_equal(y * 100 + w, 202053);
    sl_iso_week(sl_days_from_ymd(2016, 1, 3), &y, &w);
    assert_int_equal(y * 100 + w, 201553);
    sl_iso_week(sl_days_from_ymd(2018, 7, 27), &y, &w);
    assert_int_equal(y * 100 + w, 201830);
    assert_int_equal(sl_iso_weeks(2020), 53);
    assert_int_equal(sl_iso_weeks(2018), 52);
    assert_int_equal(sl_iso_weeks(2015), 53);
    assert_int_equal(sl_days_from_iso_week(2019, 1, 1), sl_days_from_ymd(2018, 12, 31));
    assert_int_equal(sl_days_from_iso_week(2020, 53, 7), sl_days_from_ymd(2021, 1, 3));
}

static void easter_dates(void **state)
{
    (void)state;
    assert_int_equal(sl_easter(2018), sl_days_from_ymd(2018, 4, 1));
    assert_int_equal(sl_easter(2019), sl_days_from_ymd(2019, 4, 21));
    assert_int_equal(sl_easter(2000), sl_days_from_ymd(2000, 4, 23));
    assert_int_equal(sl_easter(2038), sl_days_from_ymd(2038, 4, 25));
    assert_int_equal(sl_easter(1818), sl_days_from_ymd(1818, 3, 22));
}

/* ------------------------------------------------------------------ points */

static void expect_round_trip(const char *v)
{
    sl_tpoint p;
    char out[48];
    if (sl_tpoint_parse(v, strlen(v), &p) != 0)
        fail_msg("'%s' did not parse", v);
    sl_tpoint_format(&p, out, sizeof(out));
    if (strcmp(out, v) != 0)
        fail_msg("'%s' came back as '%s'", v, out);
}

static void points_parse_and_format(void **state)
{
    static const char *const good[] = {"2018-04-27",    "2018-04-27T10:30", "2018-04-27TMO", "2018-04",
                                       "2018-W30",      "2018-W30-WE",      "2018-Q3",       "2018-H1",
                                       "2018-SU",       "2018",             "195",           "19",
                                       "XXXX-07-27",    "XXXX-SU",          "XXXX",          "2020-W53",
                                       "2016-02-29",    "XXXX-02-29",       "0999"};
    static const char *const bad[] = {"2018-02-30", "2019-W53", "2018-W00", "2018-Q5",   "2018-H3", "2018-SX",
                                      "abcd",       "",         "2018-4-27", "2018-04-27T25:00", "2018-13",
                                      "2018-04-27T10:61", "2017-02-29", "2018-04-27x", "0000"};
    size_t i;
    sl_tpoint p;
    (void)state;
    for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
        expect_round_trip(good[i]);
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (sl_tpoint_parse(bad[i], strlen(bad[i]), &p) == 0)
            fail_msg("'%s' should not parse", bad[i]);
    /* seconds and zones are read and dropped */
    assert_int_equal(sl_tpoint_parse("2018-06-12T10:30:00Z", 20, &p), 0);
    assert_int_equal(p.hh * 100 + p.mi, 1030);
    assert_int_equal(sl_tpoint_parse("1999-03-12T18:41:00+02:00", 25, &p), 0);
    assert_int_equal(p.prec, SL_PREC_TIME);
}

static const char *fmt(const sl_tpoint *p)
{
    static char out[48];
    sl_tpoint_format(p, out, sizeof(out));
    return out;
}

static sl_tpoint pt(const char *v)
{
    sl_tpoint p;
    if (sl_tpoint_parse(v, strlen(v), &p) != 0)
        fail_msg("'%s' did not parse", v);
    return p;
}

static void points_shift_and_coarsen(void **state)
{
    sl_tpoint p;
    long f, l;
    (void)state;
    p = pt("2018-01-31");
    assert_int_equal(sl_tpoint_shift(&p, SL_PREC_MONTH, 1), 0);
    assert_string_equal(fmt(&p), "2018-02-28");
    p = pt("2016-02-29");
    sl_tpoint_shift(&p, SL_PREC_YEAR, 1);
    assert_string_equal(fmt(&p), "2017-02-28");
    p = pt("2018-12-31");
    sl_tpoint_shift(&p, SL_PREC_DAY, 1);
    assert_string_equal(fmt(&p), "2019-01-01");
    p = pt("2018-W52");
    sl_tpoint_shift(&p, SL_PREC_WEEK, 1);
    assert_string_equal(fmt(&p), "2019-W01");
    p = pt("2018-Q4");
    sl_tpoint_shift(&p, SL_PREC_QUARTER, 1);
    assert_string_equal(fmt(&p), "2019-Q1");
    p = pt("2018-H2");
    sl_tpoint_shift(&p, SL_PREC_QUARTER, 2);
    assert_string_equal(fmt(&p), "2019-H1");
    p = pt("2018-WI");
    sl_tpoint_shift(&p, SL_PREC_YEAR, -1);
    assert_string_equal(fmt(&p), "2017-WI");
    p = pt("2018-04-27T23:00");
    sl_tpoint_shift(&p, SL_PREC_TIME, 2);
    assert_string_equal(fmt(&p), "2018-04-28T01:00");
    p = pt("0001");
    assert_int_equal(sl_tpoint_shift(&p, SL_PREC_YEAR, -1), -1);
    assert_string_equal(fmt(&p), "0001"); /* unchanged on failure */
    p = pt("XXXX-07-27");
    assert_int_equal(sl_tpoint_shift(&p, SL_PREC_YEAR, 1), -1);

    p = pt("2018-12-31");
    sl_tpoint_truncate(&p, SL_PREC_WEEK);
    assert_string_equal(fmt(&p), "2019-W01");
    p = pt("2018-12-15");
    sl_tpoint_truncate(&p, SL_PREC_SEASON);
    assert_string_equal(fmt(&p), "2019-WI"); /* December begins next year's winter */
    p = pt("2018-07-27");
    sl_tpoint_truncate(&p, SL_PREC_DECADE);
    assert_string_equal(fmt(&p), "201");
    p = pt("2018-07-27T10:30");
    sl_tpoint_truncate(&p, SL_PREC_QUARTER);
    assert_string_equal(fmt(&p), "2018-Q3");
    p = pt("2018-W01");
    sl_tpoint_truncate(&p, SL_PREC_YEAR);
    assert_string_equal(fmt(&p), "2018"); /* through its Thursday */
    p = pt("2018");
    sl_tpoint_truncate(&p, SL_PREC_DAY); /* never refines */
    assert_string_equal(fmt(&p), "2018");
    p = pt("XXXX-07-27");
    sl_tpoint_truncate(&p, SL_PREC_QUARTER);
    assert_string_equal(fmt(&p), "XXXX-Q3");

    assert_int_equal(sl_tpoint_days(&(sl_tpoint){.prec = SL_PREC_NONE}, &f, &l), -1);
    p = pt("2018-WI");
    assert_int_equal(sl_tpoint_days(&p, &f, &l), 0);
    assert_int_equal(f, sl_days_from_ymd(2017, 12, 1));
    assert_int_equal(l, sl_days_from_ymd(2018, 2, 28));
    p = pt("2018-W30-WE");
    sl_tpoint_days(&p, &f, &l);
    assert_int_equal(f, sl_days_from_ymd(2018, 7, 28));
    assert_int_equal(l - f, 1);
}

/* ------------------------------------------------------------------ metadata dates */

static void expect_meta(const char *s, sl_precision prec, const char *value)
{
    sl_ymd v;
    char out[32];
    sl_precision p = sl_parse_date(s, strlen(s), &v);
    if (p != prec)
        fail_msg("'%s': precision %d, expected %d", s, (int)p, (int)prec);
    if (value) {
        sl_ymd_format(&v, p, out);
        if (strcmp(out, value) != 0)
            fail_msg("'%s' gave '%s', expected '%s'", s, out, value);
    }
}

static void metadata_dates(void **state)
{
    (void)state;
    expect_meta("2018-04-27", SL_PREC_DAY, "2018-04-27");
    expect_meta("2018-04-27T10:00:00Z", SL_PREC_DAY, "2018-04-27");
    expect_meta("2018-04-27 10:00:00", SL_PREC_DAY, "2018-04-27");
    expect_meta("  2018-04-27\n", SL_PREC_DAY, "2018-04-27");
    expect_meta("2018/04/27", SL_PREC_DAY, "2018-04-27");
    expect_meta("2018-04", SL_PREC_MONTH, "2018-04");
    expect_meta("2018", SL_PREC_YEAR, "2018");
    expect_meta("20180427", SL_PREC_DAY, "2018-04-27");
    expect_meta("Fri, 27 Apr 2018 10:00:00 GMT", SL_PREC_DAY, "2018-04-27");
    expect_meta("April 27, 2018", SL_PREC_DAY, "2018-04-27");
    expect_meta("27 April 2018", SL_PREC_DAY, "2018-04-27");
    expect_meta("Apr 27 2018 10:00", SL_PREC_DAY, "2018-04-27");
    expect_meta("April 27th, 2018", SL_PREC_DAY, "2018-04-27");
    expect_meta("04/27/2018", SL_PREC_DAY, "2018-04-27");
    expect_meta("27/04/2018", SL_PREC_DAY, "2018-04-27");
    expect_meta("27.04.2018", SL_PREC_DAY, "2018-04-27");
    expect_meta("April 2018", SL_PREC_MONTH, "2018-04");
    expect_meta("2016-02-29", SL_PREC_DAY, "2016-02-29");
    /* invalid */
    expect_meta("2018-02-30", SL_PREC_NONE, NULL);
    expect_meta("2017-02-29", SL_PREC_NONE, NULL);
    expect_meta("2018-13", SL_PREC_NONE, NULL);
    expect_meta("", SL_PREC_NONE, NULL);
    expect_meta("yesterday", SL_PREC_NONE, NULL);
    expect_meta("February 30, 2018", SL_PREC_NONE, NULL);
    expect_meta("50/6/2018", SL_PREC_NONE, NULL);
    expect_meta("2018-04-27garbage", SL_PREC_NONE, NULL);
}

/* ------------------------------------------------------------------ the tagger */

static void word_lists_are_data(void **state)
{
    static const char *const files[] = {"timex/months",    "timex/weekdays",  "timex/seasons",
                                        "timex/numbers",   "timex/units",     "timex/parts_of_day",
                                        "timex/relative",  "timex/modifiers", "timex/deictic",
                                        "timex/holidays",  "timex/tense",     "timex/nonyear",
                                        "timex/quarters",  "timex/doc_date_cues"};
    sl_ctx *ctx = sl_ctx_new();
    const tx_lexicon *lx = sl_tx_lexicon(ctx);
    size_t i, len;
    int id;
    (void)state;
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        const char *d = sl_data_get(files[i], &len);
        if (!d || len == 0)
            fail_msg("data/%s.txt is missing or empty", files[i]);
    }
    id = sl_tx_word_id(lx, "january", 7);
    assert_true(id >= 0 && (lx->words[id].cats & TXC_MONTH) && lx->words[id].month == 1);
    id = sl_tx_word_id(lx, "second", 6);
    assert_true(id >= 0 && (lx->words[id].cats & TXC_ORD) && (lx->words[id].cats & TXC_UNIT));
    id = sl_tx_word_id(lx, "may", 3);
    assert_true(id >= 0 && (lx->words[id].month_fl & TXF_AMBIG));
    id = sl_tx_word_id(lx, "sixty", 5);
    assert_true(id >= 0 && lx->words[id].num == 60);
    assert_true(lx->nphrases > 50);
    sl_ctx_free(ctx);
}

static void tagger_api(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_timex *tx = NULL;
    size_t n = 0;
    const char *text = "Sales fell last year, from 1910 to 1945, and on Friday.";
    (void)state;
    assert_int_equal(sl_tag_dates(NULL, text, strlen(text), NULL, &tx, &n), SL_EINVAL);
    assert_int_equal(sl_tag_dates(ctx, NULL, 5, NULL, &tx, &n), SL_EINVAL);
    assert_int_equal(sl_tag_dates(ctx, text, strlen(text), "2018-99-99", &tx, &n), SL_EINVAL);
    assert_int_equal(sl_tag_dates(ctx, text, strlen(text), "XXXX-04-27", &tx, &n), SL_EINVAL);
    assert_int_equal(sl_tag_dates(ctx, "", 0, "2018-04-27", &tx, &n), SL_OK);
    assert_int_equal(n, 0);
    assert_null(tx);

    assert_int_equal(sl_tag_dates(ctx, text, strlen(text), "2018-04-27", &tx, &n), SL_OK);
    assert_int_equal(n, 4);
    assert_string_equal(tx[0].value, "2017");
    assert_int_equal(tx[0].type, SL_TIMEX_DATE);
    assert_int_equal(tx[0].precision, SL_PREC_YEAR);
    assert_true(tx[0].flags & SL_TIMEX_RELATIVE);
    assert_int_equal(tx[0].rel_unit, SL_PREC_YEAR);
    assert_int_equal(tx[0].rel_offset, -1);
    assert_int_equal(tx[0].start, 11);
    assert_int_equal(tx[0].end, 20);
    assert_string_equal(tx[1].value, "1910");
    assert_true(tx[1].flags & SL_TIMEX_RANGE);
    assert_int_equal(tx[1].pair, 2);
    assert_int_equal(tx[2].pair, 1);
    assert_false(tx[1].flags & SL_TIMEX_RELATIVE);
    assert_string_equal(tx[3].value, "2018-04-27"); /* "on Friday" in the past tense: the same day */
    assert_int_equal(tx[3].rel_unit, SL_PREC_NONE);
    sl_free(tx);

    /* without a document date: underspecified and flagged */
    assert_int_equal(sl_tag_dates(ctx, text, strlen(text), NULL, &tx, &n), SL_OK);
    assert_string_equal(tx[0].value, "XXXX");
    assert_true(tx[0].flags & SL_TIMEX_UNRESOLVED);
    assert_string_equal(tx[3].value, "XXXX-WXX-5");
    assert_false(tx[1].flags & SL_TIMEX_UNRESOLVED);
    sl_free(tx);

    /* metadata forms are accepted as a document date too */
    assert_int_equal(sl_tag_dates(ctx, "last year", 9, "Fri, 27 Apr 2018 10:00:00 GMT", &tx, &n), SL_OK);
    assert_string_equal(tx[0].value, "2017");
    sl_free(tx);
    assert_int_equal(sl_tag_dates(ctx, "last year", 9, "2019", &tx, &n), SL_OK);
    assert_string_equal(tx[0].value, "2018"); /* a year is enough for "last year" */
    sl_free(tx);
    assert_int_equal(sl_tag_dates(ctx, "yesterday", 9, "2019", &tx, &n), SL_OK);
    assert_string_equal(tx[0].value, "XXXX-XX-XX"); /* but not for "yesterday" */
    assert_true(tx[0].flags & SL_TIMEX_UNRESOLVED);
    sl_free(tx);
    sl_ctx_free(ctx);
}

static void meanings_resolve_and_invert(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_tx *tx;
    size_t n;
    sl_tpoint dct = pt("2018-07-27"), v, ref;
    const char *text = "Sixty-five years ago this week, on 27 July, 1953, a truce. Friday. Last year.";
    (void)state;
    sl_tx_tag(ctx, text, strlen(text), NULL, &tx, &n);
    assert_int_equal(n, 4);
    /* "sixty-five years ago this week": the reference moved 65 years, as a week */
    assert_int_equal(tx[0].sem.kind, SL_TXK_SHIFT);
    assert_int_equal(tx[0].sem.unit, SL_PREC_YEAR);
    assert_int_equal(tx[0].sem.n, -65);
    assert_int_equal(tx[0].sem.prec, SL_PREC_WEEK);
    assert_int_equal(sl_tx_resolve(&tx[0].sem, &dct, 0, &v), 0);
    assert_string_equal(fmt(&v), "1953-W31");
    /* and back: 27 July 1953 is 65 years before the week of 27 July 2018 */
    assert_int_equal(sl_tx_invert(&tx[0].sem, &tx[1].sem.p, &ref), 0);
    assert_string_equal(fmt(&ref), "2018-W30");
    /* a weekday needs a day; past tense looks back, future looks ahead */
    assert_int_equal(tx[2].sem.kind, SL_TXK_WEEKDAY);
    assert_int_equal(sl_tx_resolve(&tx[2].sem, &dct, -1, &v), 0);
    assert_string_equal(fmt(&v), "2018-07-27");
    dct = pt("2018-07-25");
    assert_int_equal(sl_tx_resolve(&tx[2].sem, &dct, -1, &v), 0);
    assert_string_equal(fmt(&v), "2018-07-20");
    assert_int_equal(sl_tx_resolve(&tx[2].sem, &dct, 1, &v), 0);
    assert_string_equal(fmt(&v), "2018-07-27");
    dct = pt("2018-W30");
    assert_int_equal(sl_tx_resolve(&tx[2].sem, &dct, -1, &v), -1);
    /* "last year" inverted from 2018-06-12: written in 2019 */
    assert_int_equal(sl_tx_invert(&tx[3].sem, &(sl_tpoint){.prec = SL_PREC_DAY, .y = 2018, .m = 6, .d = 12, .hh = -1},
                                  &ref),
                     0);
    assert_string_equal(fmt(&ref), "2019");
    assert_int_equal(sl_tx_invert(&tx[2].sem, &dct, &ref), -1); /* a weekday is no fixed shift */
    free(tx);
    sl_ctx_free(ctx);
}

static void pathological_inputs(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    size_t big = 4u << 20, i, n;
    char *s = malloc(big);
    sl_timex *tx;
    (void)state;
    /* one long line of digits and separators, no spaces */
    for (i = 0; i < big; i++)
        s[i] = "1953-07/27.:"[i % 12];
    assert_int_equal(sl_tag_dates(ctx, s, big, "2018-04-27", &tx, &n), SL_OK);
    sl_free(tx);
    /* a million dots */
    memset(s, '.', big);
    assert_int_equal(sl_tag_dates(ctx, s, big, "2018-04-27", &tx, &n), SL_OK);
    assert_int_equal(n, 0);
    sl_free(tx);
    /* invalid UTF-8 and NUL bytes */
    for (i = 0; i < big; i++)
        s[i] = (char)(i * 7919 % 256);
    assert_int_equal(sl_tag_dates(ctx, s, big, NULL, &tx, &n), SL_OK);
    sl_free(tx);
    /* a million "last year"s */
    for (i = 0; i + 10 <= big; i += 10) {
        size_t k;
        for (k = 0; k < 10; k++)
            s[i + k] = "last year "[k];
    }
    assert_int_equal(sl_tag_dates(ctx, s, i, "2018-04-27", &tx, &n), SL_OK);
    assert_int_equal(n, i / 10);
    assert_string_equal(tx[n - 1].value, "2017");
    sl_free(tx);
    free(s);
    sl_ctx_free(ctx);
}

/* A long text is tagged in chunks: offsets stay offsets into the whole text
 * and the time mentioned last carries over. */
static void long_texts_in_chunks(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    const char *head = "On June 12, 2018, they met.\n\n", *tail = "The following day, they left.\n";
    const char *filler = "Nothing happened here at all. ";
    size_t fl = strlen(filler), hl = strlen(head), tl = strlen(tail), body = (3u << 20) / fl * fl, n, i;
    char *s = malloc(hl + body + tl);
    sl_timex *tx;
    (void)state;
    memcpy(s, head, hl);
    for (i = 0; i < body; i += fl)
        memcpy(s + hl + i, filler, fl);
    memcpy(s + hl + body, tail, tl);
    assert_int_equal(sl_tag_dates(ctx, s, hl + body + tl, "2018-07-01", &tx, &n), SL_OK);
    assert_int_equal(n, 2);
    assert_string_equal(tx[1].value, "2018-06-13");
    assert_int_equal(tx[1].start, hl + body);
    assert_int_equal(tx[1].end, hl + body + strlen("The following day"));
    assert_true(tx[1].flags & SL_TIMEX_ANAPHORIC);
    sl_free(tx);
    free(s);
    sl_ctx_free(ctx);
}

/* ------------------------------------------------------------------ article dates */

static sl_doc *add_doc(sl_ctx *ctx, sl_corpus *c, const char *name, const char *text)
{
    sl_ingest_opts o = SL_INGEST_OPTS_INIT;
    int rc = sl_corpus_add_buffer(ctx, c, name, text, strlen(text), &o);
    if (rc < 0)
        fail_msg("%s: %s", name, sl_errmsg(ctx));
    return sl_corpus_doc(c, sl_corpus_count(c) - 1);
}

static void article_date_from_metadata(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_date d;
    const char *json = "{\"title\": \"Talks\", \"date\": \"2018-04-27T10:00:00Z\", "
                       "\"text\": \"Talks began. This segment originally aired April 26, 2017, on TV.\"}\n";
    (void)state;
    assert_true(sl_corpus_add_buffer(ctx, c, "a.jsonl", json, strlen(json), NULL) >= 0);
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 0), &d), SL_OK);
    assert_string_equal(d.value, "2018-04-27"); /* metadata beats the text */
    assert_int_equal(d.precision, SL_PREC_DAY);
    assert_string_equal(d.origin, "metadata");
    assert_non_null(strstr(d.evidence, "2018-04-27T10:00:00Z"));
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void article_date_from_the_text(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_date d;
    (void)state;
    /* a broadcast note (kept as evidence by the cleaner, or still in the text) */
    add_doc(ctx, c, "note.txt",
            "Kim made history\n\nKim made history Friday morning local time.\n\n"
            "This segment originally aired April 26, 2018, on VICE News Tonight on HBO.\n");
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 0), &d), SL_OK);
    assert_string_equal(d.value, "2018-04-26");
    assert_string_equal(d.origin, "text");
    assert_non_null(strstr(d.evidence, "April 26, 2018"));
    /* "Sixty-five years ago this week, on 27 July, 1953": the week of 27 July 2018 */
    add_doc(ctx, c, "anchored.txt",
            "A truce\n\nSixty-five years ago this week, on 27 July, 1953, the foes called a truce by "
            "signing an Armistice Agreement.\n");
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 1), &d), SL_OK);
    assert_string_equal(d.value, "2018-W30");
    assert_int_equal(d.precision, SL_PREC_WEEK);
    assert_string_equal(d.origin, "text");
    assert_non_null(strstr(d.evidence, "Sixty-five years ago this week"));
    /* a dateline with its year */
    add_doc(ctx, c, "dateline.txt",
            "Talks resume\n\nSEOUL, April 26, 2018 (Reuters) - The two Koreas said on Tuesday that talks "
            "would resume.\n");
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 2), &d), SL_OK);
    assert_string_equal(d.value, "2018-04-26");
    /* a dateline without one: the day is known, the year is not */
    add_doc(ctx, c, "noyear.txt",
            "Talks resume\n\nWASHINGTON, April 26 (Reuters) - Officials said talks would resume.\n");
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 3), &d), SL_OK);
    assert_string_equal(d.value, "XXXX-04-26");
    /* a date inside a sentence is no dateline */
    add_doc(ctx, c, "plain.txt", "History\n\nThe armistice was signed on July 27, 1953, in Panmunjom.\n");
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 4), &d), SL_ENOENT);
    assert_int_equal(d.precision, SL_PREC_NONE);
    assert_string_equal(d.evidence, "");
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void article_date_override(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_date d;
    (void)state;
    add_doc(ctx, c, "a.txt", "One\n\nSEOUL, April 26, 2018 (Reuters) - Talks.\n");
    add_doc(ctx, c, "b.txt", "Two\n\nNo date here at all.\n");
    assert_int_equal(sl_corpus_set_date(ctx, c, "2019-01-02"), SL_OK);
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 0), &d), SL_OK);
    assert_string_equal(d.value, "2019-01-02");
    assert_string_equal(d.origin, "override");
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 1), &d), SL_OK);
    assert_string_equal(d.value, "2019-01-02");
    assert_int_equal(sl_corpus_set_date(ctx, c, "2019-02-30"), SL_EINVAL);
    assert_int_equal(sl_corpus_set_date(ctx, c, "soon"), SL_EINVAL);
    assert_int_equal(sl_corpus_set_date(ctx, c, NULL), SL_EINVAL);
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 1), &d), SL_OK);
    assert_string_equal(d.value, "2019-01-02"); /* a failed call changes nothing */
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

/* Rule 3 with invented articles: an undated article that says "last year"
 * about an event another article dates absolutely. */
static void article_date_from_the_story(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_date d;
    (void)state;
    add_doc(ctx, c, "dated.json",
            "{\"id\": \"dated\", \"date\": \"2018-06-13\", \"title\": \"Summit in Valmora\", \"text\": "
            "\"On 12 June, 2018, President Arlen and Chancellor Brosk held a historic summit "
            "in Valmora, the first meeting between leaders of the two countries. They shook hands.\\n\\n"
            "The talks covered trade and fishing rights. Both sides praised the hosts.\\n\\n"
            "Critics said the talks achieved little. Markets rose anyway.\"}\n");
    add_doc(ctx, c, "undated.txt",
            "Handshake at the border\n\nArlen met Brosk again at the border on a rainy morning.\n\n"
            "Their first meeting was held in Valmora last year, and it ended with hope.\n\n"
            "Their second meeting in early 2019 did not go as well. Trade talks stalled.\n");
    add_doc(ctx, c, "unrelated.txt",
            "Fishing fleets\n\nFishing fleets returned to port last year after a storm.\n\n"
            "The harbour master praised the crews. Prices of cod fell.\n");
    add_doc(ctx, c, "dateline.txt",
            "Talks resume\n\nGENEVA, June 14 (Reuters) - Officials from both countries met again.\n");
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 1), &d), SL_ENOENT);
    assert_int_equal(sl_corpus_infer_dates(ctx, c), 2);
    /* the undated article: "last year" is the summit of 12 June 2018, so it was written in 2019 */
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 1), &d), SL_OK);
    assert_string_equal(d.value, "2019");
    assert_int_equal(d.precision, SL_PREC_YEAR);
    assert_string_equal(d.origin, "story");
    assert_non_null(strstr(d.evidence, "last year"));
    assert_non_null(strstr(d.evidence, "Valmora"));
    assert_non_null(strstr(d.evidence, "dated"));
    /* an unrelated "last year" stays unknown */
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 2), &d), SL_ENOENT);
    /* a dateline without its year takes the story's */
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 3), &d), SL_OK);
    assert_string_equal(d.value, "2018-06-14");
    assert_string_equal(d.origin, "story");
    /* a dated article is never changed */
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 0), &d), SL_OK);
    assert_string_equal(d.value, "2018-06-13");
    assert_string_equal(d.origin, "metadata");
    sl_corpus_free(c);
    /* an inference that contradicts the article's own past dates is refused */
    c = sl_corpus_new(ctx);
    add_doc(ctx, c, "tower.txt",
            "Tower\n\nConstruction of the Halvard tower by Orvik Builders began in 2005 near the Kessel "
            "river.\n\nEngineers checked the foundations twice. Residents complained about noise. The city "
            "approved the plans. Critics called it too tall. Investors were pleased.\n");
    add_doc(ctx, c, "sinking.txt",
            "Sinking\n\nThe tower sank four inches in 2017, engineers reported.\n\n"
            "Work on the Halvard tower by Orvik Builders began last year near the Kessel river.\n\n"
            "Owners want repairs. Lawyers filed suits. The mayor promised help. Nobody moved out.\n");
    assert_int_equal(sl_corpus_infer_dates(ctx, c), 0);
    assert_int_equal(sl_doc_date(sl_corpus_doc(c, 1), &d), SL_ENOENT);
    sl_corpus_free(c);
    /* a corpus of one, or none: nothing to infer from */
    c = sl_corpus_new(ctx);
    assert_int_equal(sl_corpus_infer_dates(ctx, c), 0);
    add_doc(ctx, c, "alone.txt", "Alone\n\nIt happened last year in Valmora.\n");
    assert_int_equal(sl_corpus_infer_dates(ctx, c), 0);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

/* The seeds, when present: the broadcast note and the anchored phrase. */
static void seeds_dates(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_date d;
    size_t i;
    (void)state;
    if (sl_corpus_add_path(ctx, c, "../shared/seeds", NULL) < 0 || sl_corpus_count(c) != 4) {
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        skip();
    }
    for (i = 0; i < 4; i++) {
        const sl_doc *doc = sl_corpus_doc(c, i);
        sl_doc_date(doc, &d);
        if (strncmp(sl_doc_id(doc), "000", 3) == 0) {
            assert_string_equal(d.value, "2018-04-26");
            assert_string_equal(d.origin, "text");
        } else if (strncmp(sl_doc_id(doc), "003", 3) == 0) {
            assert_string_equal(d.value, "2018-W30");
            assert_int_equal(d.precision, SL_PREC_WEEK);
        }
    }
    sl_corpus_infer_dates(ctx, c);
    for (i = 0; i < 4; i++) {
        const sl_doc *doc = sl_corpus_doc(c, i);
        sl_doc_date(doc, &d);
        if (strncmp(sl_doc_id(doc), "002", 3) == 0) {
            assert_string_equal(d.value, "2019"); /* "held in Singapore last year" */
            assert_string_equal(d.origin, "story");
        } else if (strncmp(sl_doc_id(doc), "001", 3) == 0) {
            assert_int_equal(d.precision, SL_PREC_NONE); /* nothing says when it was written */
        }
    }
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_round_trip_and_known_values),
        cmocka_unit_test(leap_years_and_valid_days),
        cmocka_unit_test(weekdays_and_iso_weeks),
        cmocka_unit_test(easter_dates),
        cmocka_unit_test(points_parse_and_format),
        cmocka_unit_test(points_shift_and_coarsen),
        cmocka_unit_test(metadata_dates),
        cmocka_unit_test(word_lists_are_data),
        cmocka_unit_test(tagger_api),
        cmocka_unit_test(meanings_resolve_and_invert),
        cmocka_unit_test(pathological_inputs),
        cmocka_unit_test(long_texts_in_chunks),
        cmocka_unit_test(article_date_from_metadata),
        cmocka_unit_test(article_date_from_the_text),
        cmocka_unit_test(article_date_override),
        cmocka_unit_test(article_date_from_the_story),
        cmocka_unit_test(seeds_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
