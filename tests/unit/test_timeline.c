/*
 * test_timeline.c: the story's timeline on small invented stories with known
 * answers: merging across articles that date one event differently
 * ("Friday" in one, "April 27" in another), no invented dates for undated
 * articles, ranges as spans, chronological order, precision kept, the
 * date override, rule 3 (the story dates an article) visible in the
 * document dates, captions and datelines, clause cutting, labels, the three
 * renderings, and pathological inputs.
 *
 * Stories are JSON lines (id, source, date, text) so the cleaner's headline
 * guess plays no part.
 */
#include "unit.h"

#include "analysis/dates.h"
#include "core/doc.h"
#include "story/timeline.h"

/* ------------------------------------------------------------------ helpers */

typedef struct story {
    sl_ctx *ctx;
    sl_corpus *c;
    sl_digest *d;
} story;

static void story_open_opts(story *s, const char *name, const char *data, const sl_digest_opts *o)
{
    s->ctx = sl_ctx_new();
    s->c = sl_corpus_new(s->ctx);
    s->d = NULL;
    if (data && *data)
        assert_true(sl_corpus_add_buffer(s->ctx, s->c, name, data, strlen(data), NULL) >= SL_OK);
    assert_int_equal(sl_digest_new(s->ctx, s->c, o, &s->d), SL_OK);
}

static void story_open(story *s, const char *jsonl)
{
    story_open_opts(s, "story.jsonl", jsonl, NULL);
}

static void story_close(story *s)
{
    sl_digest_free(s->d);
    sl_corpus_free(s->c);
    sl_ctx_free(s->ctx);
}

/* The entry with this date (and end, "" for none) whose text holds
 * `needle` (NULL: any); -1 when none. */
static long find_entry(const story *s, const char *date, const char *end, const char *needle)
{
    size_t i, n = sl_digest_timeline_count(s->d);
    for (i = 0; i < n; i++) {
        sl_timeline_entry e;
        assert_int_equal(sl_digest_timeline_entry(s->d, i, &e), SL_OK);
        if (strcmp(e.date, date) == 0 && (!end || strcmp(e.end, end) == 0) &&
            (!needle || strstr(e.text, needle)))
            return (long)i;
    }
    return -1;
}

static sl_timeline_entry entry(const story *s, long i)
{
    sl_timeline_entry e;
    assert_true(i >= 0);
    assert_int_equal(sl_digest_timeline_entry(s->d, (size_t)i, &e), SL_OK);
    return e;
}

/* Whether any entry's text holds needle. */
static int any_text(const story *s, const char *needle)
{
    size_t i, n = sl_digest_timeline_count(s->d);
    for (i = 0; i < n; i++) {
        sl_timeline_entry e = entry(s, (long)i);
        if (strstr(e.text, needle))
            return 1;
    }
    return 0;
}

static char *render(const story *s, const char *format)
{
    char *out = NULL;
    size_t len = 0;
    sl_render_opts ro = SL_RENDER_OPTS_INIT;
    ro.width = 200;
    assert_int_equal(sl_digest_render(s->d, format, &ro, &out, &len), SL_OK);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

/* ------------------------------------------------------------------ merging */

/* "Friday" in an article of Saturday 28 April 2018 and "April 27" in one
 * of 30 April are the same day: one entry citing both, at day precision. */
static void friday_and_april_27_merge(void **state)
{
    story s;
    long i;
    sl_timeline_entry e;
    (void)state;
    story_open(&s,
               "{\"id\": \"a\", \"source\": \"Wire A\", \"date\": \"2018-04-28\", \"text\": \"Premier Adela "
               "Moros crossed the border into Tarsia on Friday for the first summit between the two "
               "neighbours.\\n\\nShe met President Ivo Kranj in the border village of Pell.\"}\n"
               "{\"id\": \"b\", \"source\": \"Wire B\", \"date\": \"2018-04-30\", \"text\": \"On April 27, "
               "Adela Moros walked across the border into Tarsia, the first summit between the neighbours "
               "since their war.\\n\\nThe talks lasted six hours.\"}\n");
    i = find_entry(&s, "2018-04-27", "", NULL);
    e = entry(&s, i);
    assert_int_equal(e.precision, SL_PREC_DAY);
    assert_int_equal(e.ndocs, 2);
    assert_int_equal(e.docs[0], 0);
    assert_int_equal(e.docs[1], 1);
    assert_string_equal(e.label, "27 Apr 2018");
    assert_true(strstr(e.text, "border") != NULL);
    /* and only once */
    assert_int_equal(sl_digest_timeline_count(s.d), 1);
    story_close(&s);
}

/* Different events on one day are not merged; a year ("in 1953") joins
 * the day it contains when it tells the same event. */
static void merge_needs_the_same_event(void **state)
{
    story s;
    sl_timeline_entry e;
    (void)state;
    story_open(&s,
               "{\"id\": \"a\", \"date\": \"2020-03-02\", \"text\": \"The ceasefire between Veland and "
               "Tarsia was signed on July 27, 1953, at the village of Pell.\\n\\nOn July 27, 1953, a "
               "fisherman named Oskar Brun caught a record pike in Lake Orm.\"}\n"
               "{\"id\": \"b\", \"date\": \"2020-03-03\", \"text\": \"Veland and Tarsia signed the "
               "ceasefire at Pell in 1953, ending three years of fighting.\"}\n");
    e = entry(&s, find_entry(&s, "1953-07-27", "", "ceasefire"));
    assert_int_equal(e.ndocs, 2);
    e = entry(&s, find_entry(&s, "1953-07-27", "", "pike"));
    assert_int_equal(e.ndocs, 1);
    assert_int_equal(find_entry(&s, "1953", "", NULL), -1);
    story_close(&s);
}

/* ------------------------------------------------------------------ no invented dates */

/* An article without a date: "last week", "Friday", "this year" get no
 * entry; a full date still does. */
static void undated_relative_gets_no_date(void **state)
{
    story s;
    size_t i, n;
    (void)state;
    story_open(&s, "{\"id\": \"u\", \"text\": \"The mayor of Dunmoor resigned last week after a long "
                   "quarrel.\\n\\nThe council will meet on Friday to choose a successor.\\n\\nA new "
                   "budget is expected this year.\\n\\nThe town hall was built in 1887 by the architect "
                   "Hanne Vos.\"}\n");
    n = sl_digest_timeline_count(s.d);
    assert_int_equal(n, 1);
    assert_true(find_entry(&s, "1887", "", "town hall") >= 0);
    for (i = 0; i < n; i++) {
        sl_timeline_entry e = entry(&s, (long)i);
        assert_null(strstr(e.date, "X"));
    }
    assert_false(any_text(&s, "resigned"));
    assert_false(any_text(&s, "Friday"));
    story_close(&s);
}

/* The machine's clock is never read: the same undated input gives the same
 * timeline whatever the day (here: no dated entry at all). */
static void no_dates_no_timeline(void **state)
{
    story s;
    char *json;
    (void)state;
    story_open(&s, "{\"id\": \"u\", \"text\": \"Officials said today that the bridge will reopen "
                   "tomorrow, a week after it closed.\"}\n");
    assert_int_equal(sl_digest_timeline_count(s.d), 0);
    json = render(&s, "json");
    assert_non_null(strstr(json, "\"timeline\": []"));
    sl_free(json);
    story_close(&s);
}

/* ------------------------------------------------------------------ spans, order, precision */

static void ranges_are_spans(void **state)
{
    story s;
    sl_timeline_entry e;
    char *json;
    (void)state;
    story_open(&s, "{\"id\": \"r\", \"date\": \"2018-05-01\", \"text\": \"From 1910 to 1945, the "
                   "peninsula lived under foreign rule.\\n\\nThe two countries fought a bitter war in "
                   "1950-53 that never formally ended.\"}\n");
    e = entry(&s, find_entry(&s, "1910", "1945", "foreign rule"));
    assert_int_equal(e.precision, SL_PREC_YEAR);
    assert_string_equal(e.label, "1910\xE2\x80\x93" "1945");
    e = entry(&s, find_entry(&s, "1950", "1953", "war"));
    assert_string_equal(e.end, "1953");
    json = render(&s, "json");
    assert_non_null(strstr(json, "\"end\": \"1945\""));
    sl_free(json);
    story_close(&s);
}

static void chronological_order_and_precision_kept(void **state)
{
    story s;
    size_t i, n;
    long prev_first = -1000000000L;
    sl_timeline_entry e;
    (void)state;
    story_open(&s, "{\"id\": \"p\", \"date\": \"2019-03-06\", \"text\": \"The harbour of Orsk reopened "
                   "last year after the storm damage was repaired.\\n\\nIn March 2018 the harbour "
                   "authority ordered two new cranes from Halvard Works.\\n\\nThe old harbour was "
                   "dredged in the 1950s by army engineers.\\n\\nDock workers went on strike this week "
                   "over night shifts.\\n\\nThe first crane arrived on 14 February 2019 by ship from "
                   "Mell.\\n\\nThe port was founded in 1602 by merchants from Kessel.\"}\n");
    n = sl_digest_timeline_count(s.d);
    assert_int_equal(n, 6);
    for (i = 0; i < n; i++) {
        sl_tpoint p;
        long f, l;
        e = entry(&s, (long)i);
        assert_int_equal(sl_tpoint_parse(e.date, strlen(e.date), &p), 0);
        assert_int_equal(sl_tpoint_days(&p, &f, &l), 0);
        assert_true(f >= prev_first);
        prev_first = f;
    }
    assert_string_equal(entry(&s, 0).date, "1602");
    assert_int_equal(entry(&s, find_entry(&s, "2018", "", "reopened")).precision, SL_PREC_YEAR);
    assert_int_equal(entry(&s, find_entry(&s, "2018-03", "", "cranes")).precision, SL_PREC_MONTH);
    assert_int_equal(entry(&s, find_entry(&s, "195", "", "dredged")).precision, SL_PREC_DECADE);
    assert_string_equal(entry(&s, find_entry(&s, "195", "", "dredged")).label, "1950s");
    e = entry(&s, find_entry(&s, "2019-W10", "", "strike"));
    assert_int_equal(e.precision, SL_PREC_WEEK);
    assert_string_equal(e.label, "week of 4 Mar 2019");
    assert_int_equal(entry(&s, find_entry(&s, "2019-02-14", "", "crane")).precision, SL_PREC_DAY);
    story_close(&s);
}

/* On the same first day the coarser date comes first. */
static void coarser_first_on_the_same_day(void **state)
{
    story s;
    long y, d;
    (void)state;
    story_open(&s, "{\"id\": \"c\", \"date\": \"2019-06-01\", \"text\": \"Harbour traffic at Orsk grew "
                   "strongly in 2018, the port authority said.\\n\\nOn 1 January 2018 the Orsk ferry "
                   "company went bankrupt after a winter of losses.\"}\n");
    y = find_entry(&s, "2018", "", "traffic");
    d = find_entry(&s, "2018-01-01", "", "ferry");
    assert_true(y >= 0 && d >= 0 && y < d);
    story_close(&s);
}

/* "early 2019" keeps its mod; "about 1:30 a.m." is just its day. */
static void mods_on_spans_only(void **state)
{
    story s;
    sl_timeline_entry e;
    (void)state;
    story_open(&s, "{\"id\": \"m\", \"date\": \"2019-07-26\", \"text\": \"The second summit of Kranj and "
                   "Moros in early 2019 ended without a deal.\\n\\nThe landlord called the police at about "
                   "1:30 a.m. on Friday.\"}\n");
    e = entry(&s, find_entry(&s, "2019", "", "second summit"));
    assert_string_equal(e.mod, "START");
    assert_string_equal(e.label, "early 2019");
    e = entry(&s, find_entry(&s, "2019-07-26", "", "landlord"));
    assert_string_equal(e.mod, "");
    assert_string_equal(e.label, "26 Jul 2019");
    story_close(&s);
}

/* ------------------------------------------------------------------ article dates */

/* --date sets every document's date; relative expressions follow it. */
static void date_override(void **state)
{
    story s;
    sl_digest_opts o = SL_DIGEST_OPTS_INIT;
    sl_date dt;
    (void)state;
    o.date = "2021-03-13";
    story_open_opts(&s, "story.jsonl",
                    "{\"id\": \"a\", \"date\": \"2018-01-01\", \"text\": \"The Varn bridge in Ostmark "
                    "collapsed on Friday, killing four drivers.\"}\n"
                    "{\"id\": \"b\", \"text\": \"Engineers had warned last year that the Varn bridge "
                    "cables were corroding.\"}\n",
                    &o);
    assert_int_equal(sl_digest_doc_date(s.d, 0, &dt), SL_OK);
    assert_string_equal(dt.value, "2021-03-13");
    assert_string_equal(dt.origin, "override");
    assert_int_equal(sl_digest_doc_date(s.d, 1, &dt), SL_OK);
    assert_string_equal(dt.origin, "override");
    assert_true(find_entry(&s, "2021-03-12", "", "collapsed") >= 0);
    assert_true(find_entry(&s, "2020", "", "corroding") >= 0);
    /* the corpus keeps its own dates */
    assert_int_equal(sl_doc_date(sl_corpus_doc(s.c, 0), &dt), SL_OK);
    assert_string_equal(dt.value, "2018-01-01");
    assert_int_equal(sl_doc_date(sl_corpus_doc(s.c, 1), &dt), SL_ENOENT);
    story_close(&s);
}

static void bad_override_and_versions(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_digest *d = NULL;
    sl_digest_opts o = SL_DIGEST_OPTS_INIT;
    (void)state;
    o.date = "2021-02-30";
    assert_int_equal(sl_digest_new(ctx, c, &o, &d), SL_EINVAL);
    assert_null(d);
    assert_non_null(strstr(sl_errmsg(ctx), "2021-02-30"));
    o.date = "yesterday";
    assert_int_equal(sl_digest_new(ctx, c, &o, &d), SL_EINVAL);
    /* version 1 has no date field: it is not read */
    o.version = 1;
    assert_int_equal(sl_digest_new(ctx, c, &o, &d), SL_OK);
    assert_int_equal(sl_digest_timeline_count(d), 0);
    assert_int_equal(sl_digest_timeline_entry(d, 0, &(sl_timeline_entry){0}), SL_EINVAL);
    assert_int_equal(sl_digest_doc_date(d, 0, &(sl_date){{0}, SL_PREC_NONE, NULL, NULL}), SL_EINVAL);
    sl_digest_free(d);
    o.version = 3;
    assert_int_equal(sl_digest_new(ctx, c, &o, &d), SL_EINVAL);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

/* Rule 3: "held in Singapore last year" in an undated article and the
 * summit another article dates make the first one's year; the timeline
 * then merges both tellings, and the JSON shows the origin. */
static void story_dates_an_article(void **state)
{
    story s;
    sl_date dt;
    sl_timeline_entry e;
    char *json;
    (void)state;
    story_open(&s,
               "{\"id\": \"dated\", \"date\": \"2018-07-30\", \"text\": \"On 12 June, 2018, President "
               "Ivo Kranj and Premier Adela Moros held a historic summit in Singapore, their first "
               "meeting.\\n\\nThe talks produced a short declaration.\\n\\nBoth leaders praised the "
               "hosts.\\n\\nTrade between the two countries has doubled.\\n\\nFishing rights remain "
               "disputed.\"}\n"
               "{\"id\": \"undated\", \"text\": \"The first meeting of Kranj and Moros was held in "
               "Singapore last year.\\n\\nA second summit in Hanoi ended without a deal.\\n\\nAides "
               "blamed the weather.\\n\\nMarkets barely moved.\\n\\nA third meeting is not planned.\"}\n");
    assert_int_equal(sl_digest_doc_date(s.d, 1, &dt), SL_OK);
    assert_string_equal(dt.value, "2019");
    assert_string_equal(dt.origin, "story");
    assert_non_null(strstr(dt.evidence, "Singapore"));
    e = entry(&s, find_entry(&s, "2018-06-12", "", NULL));
    assert_int_equal(e.ndocs, 2);
    json = render(&s, "json");
    assert_non_null(strstr(json, "\"origin\": \"story\""));
    sl_free(json);
    /* the corpus itself is left as it was */
    assert_int_equal(sl_doc_date(sl_corpus_doc(s.c, 1), &dt), SL_ENOENT);
    story_close(&s);
}

/* The article's own date (a broadcast note, a dateline) is no event. */
static void own_date_is_no_event(void **state)
{
    story s;
    (void)state;
    story_open(&s, "{\"id\": \"n\", \"text\": \"DUNMOOR, June 3, 2019 (Valley Herald) - The Ashby River "
                   "burst its banks on Sunday, flooding 300 homes.\\n\\nThe town built its flood wall "
                   "in 1999.\\n\\nThis segment originally aired June 3, 2019, on Valley Radio.\"}\n");
    assert_int_equal(find_entry(&s, "2019-06-03", "", NULL), -1);
    assert_true(find_entry(&s, "2019-06-02", "", "burst") >= 0);
    assert_false(any_text(&s, "DUNMOOR"));
    assert_true(find_entry(&s, "1999", "", "flood wall") >= 0);
    story_close(&s);

    /* "published" mid-sentence is no note; "(Published ...)" is; the date
     * that signs an embedded post is no event */
    story_open(&s, "{\"id\": \"p\", \"date\": \"2023-05-15\", \"text\": \"Sollen won 54 percent of the "
                   "vote, according to results published on Monday.\\n\\nA man lived in the attic for "
                   "weeks. (Published Wednesday, May 10, 2023)\\n\\nWhat a night for Tarsia! \\u2014 Ana "
                   "Berg (@anaberg) May 14, 2023\"}\n");
    assert_true(find_entry(&s, "2023-05-15", "", "results published") >= 0);
    assert_int_equal(find_entry(&s, "2023-05-10", "", NULL), -1);
    assert_int_equal(find_entry(&s, "2023-05-14", "", NULL), -1);
    story_close(&s);

    /* a dateline whose dash was garbled is still a dateline */
    story_open(&s, "{\"id\": \"g\", \"text\": \"KESTERHOLM, March 4, 2026 \\u00e2\\u20ac\\u201d The ferry "
                   "Northern Light ran aground on Tuesday night.\\n\\nThe route opened in 1998.\"}\n");
    assert_int_equal(find_entry(&s, "2026-03-04", "", NULL), -1);
    assert_true(find_entry(&s, "1998", "", "route") >= 0);
    story_close(&s);
}

/* ------------------------------------------------------------------ what counts */

static void durations_since_and_captions(void **state)
{
    story s;
    (void)state;
    story_open(&s, "{\"id\": \"w\", \"date\": \"2018-04-28\", \"text\": \"Veland could end a 68-year war "
                   "that began in 1950 and never formally ended.\\n\\nThe talks lasted three hours.\\n\\n"
                   "Kranj on Friday became the first Tarsian leader since 1953 to cross the border at "
                   "Pell.\"}\n");
    assert_true(find_entry(&s, "1950", "", "war") >= 0);
    assert_int_equal(find_entry(&s, "1953", "", NULL), -1); /* "since 1953" beside Friday */
    assert_true(find_entry(&s, "2018-04-27", "", "border") >= 0);
    assert_false(any_text(&s, "three hours"));
    story_close(&s);

    /* a caption joins nothing it cannot; it makes an entry only for a date
     * no body sentence has */
    story_open_opts(&s, "page.html",
                    "<html><body><article><h1>Dam fails</h1>"
                    "<p>The Harlow dam on the Red River failed on 2 May 2021 after heavy rain.</p>"
                    "<p>The dam had been built in 1958 by the county.</p>"
                    "<figure><img src=\"a.jpg\"><figcaption>Workers at the dam site in May 2021, "
                    "photographed by the county.</figcaption></figure>"
                    "<figure><img src=\"b.jpg\"><figcaption>The flooded valley of the Red River in "
                    "1936, the last great flood.</figcaption></figure>"
                    "</article></body></html>",
                    NULL);
    assert_true(find_entry(&s, "2021-05-02", "", "failed") >= 0);
    assert_true(find_entry(&s, "1958", "", "built") >= 0);
    assert_int_equal(find_entry(&s, "2021-05", "", NULL), -1);
    assert_true(find_entry(&s, "1936", "", "flooded valley") >= 0);
    story_close(&s);
}

/* A long sentence, or one that dates two things, gives each date its own
 * clause. */
static void clauses(void **state)
{
    story s;
    sl_timeline_entry e;
    (void)state;
    story_open(&s, "{\"id\": \"k\", \"date\": \"2019-11-06\", \"text\": \"The ceasefire was signed on "
                   "July 27, 1953, after three years of war that began in 1950.\\n\\nBrightwater, which "
                   "was listed on the stock exchange in 2004, had rejected an earlier offer from Halvard "
                   "in March 2018.\"}\n");
    e = entry(&s, find_entry(&s, "1953-07-27", "", NULL));
    assert_string_equal(e.text, "The ceasefire was signed on July 27, 1953");
    e = entry(&s, find_entry(&s, "1950", "", NULL));
    assert_null(strstr(e.text, "1953"));
    e = entry(&s, find_entry(&s, "2018-03", "", NULL));
    assert_string_equal(e.text, "Brightwater had rejected an earlier offer from Halvard in March 2018.");
    e = entry(&s, find_entry(&s, "2004", "", NULL));
    assert_null(strstr(e.text, "2018"));
    assert_non_null(strstr(e.text, "stock exchange"));
    story_close(&s);

    /* a part that dates something else takes what follows it along, unless
     * commas set it off */
    story_open(&s, "{\"id\": \"k\", \"date\": \"2026-03-05\", \"text\": \"It is the second grounding on "
                   "the route since it opened in 1998; the first was in 2011, when a smaller vessel lost "
                   "power near the same bank.\"}\n");
    assert_string_equal(entry(&s, find_entry(&s, "1998", "", NULL)).text,
                        "It is the second grounding on the route since it opened in 1998");
    assert_string_equal(entry(&s, find_entry(&s, "2011", "", NULL)).text,
                        "The first was in 2011, when a smaller vessel lost power near the same bank.");
    story_close(&s);
}

/* ------------------------------------------------------------------ labels and renderings */

static void labels(void **state)
{
    struct {
        const char *start, *end, *mod, *label;
    } cases[] = {
        {"1953-07-27", NULL, NULL, "27 Jul 1953"},
        {"2018-04", NULL, NULL, "Apr 2018"},
        {"2019", NULL, "START", "early 2019"},
        {"2019", NULL, "END", "late 2019"},
        {"2019", NULL, "MID", "mid-2019"},
        {"2018-W30", NULL, NULL, "week of 23 Jul 2018"},
        {"2018-W30-WE", NULL, NULL, "weekend of 28 Jul 2018"},
        {"2018-SU", NULL, NULL, "summer 2018"},
        {"2018-Q2", NULL, NULL, "Q2 2018"},
        {"2018-H1", NULL, NULL, "first half of 2018"},
        {"195", NULL, NULL, "1950s"},
        {"19", NULL, NULL, "20th century"},
        {"20", NULL, NULL, "21st century"},
        {"2018-04-27T10:30", NULL, NULL, "27 Apr 2018"},
        {"1910", "1945", NULL, "1910\xE2\x80\x93" "1945"},
        {"2018-06-12", "2018-06-14", NULL, "12\xE2\x80\x93" "14 Jun 2018"},
        {"2018-06-28", "2018-07-02", NULL, "28 Jun\xE2\x80\x93" "2 Jul 2018"},
        {"2018-04", "2018-06", NULL, "Apr\xE2\x80\x93Jun 2018"},
        {"2017-12-30", "2018-01-02", NULL, "30 Dec 2017\xE2\x80\x93" "2 Jan 2018"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        sl_tpoint a, b;
        char out[80];
        assert_int_equal(sl_tpoint_parse(cases[i].start, strlen(cases[i].start), &a), 0);
        if (cases[i].end)
            assert_int_equal(sl_tpoint_parse(cases[i].end, strlen(cases[i].end), &b), 0);
        sl_tl_label(&a, cases[i].end ? &b : NULL, cases[i].mod, out, sizeof(out));
        assert_string_equal(out, cases[i].label);
    }
}

static void renderings(void **state)
{
    story s;
    char *txt, *md, *json;
    (void)state;
    story_open(&s,
               "{\"id\": \"a\", \"source\": \"Wire A\", \"date\": \"2018-04-28\", \"text\": \"Premier Adela "
               "Moros crossed the border into Tarsia on Friday for the first summit between the two "
               "neighbours.\\n\\nThe two fought a war from 1950 to 1953 over the river valley.\"}\n"
               "{\"id\": \"b\", \"source\": \"Wire B\", \"date\": \"2018-04-30\", \"text\": \"On April 27, "
               "Adela Moros walked across the border into Tarsia, the first summit between the neighbours "
               "since their war.\"}\n");
    txt = render(&s, "text");
    assert_non_null(strstr(txt, "Timeline\n  1950\xE2\x80\x93" "1953"));
    assert_non_null(strstr(txt, "  27 Apr 2018  "));
    assert_non_null(strstr(txt, "[1][2]"));
    assert_true(strstr(txt, "Timeline\n") < strstr(txt, "Sources:"));
    md = render(&s, "md");
    assert_non_null(strstr(md, "## Timeline\n\n| Date | Event | Sources |\n|---|---|---|\n| 1950\xE2\x80\x93" "1953 |"));
    assert_non_null(strstr(md, "| 27 Apr 2018 | "));
    assert_non_null(strstr(md, "| [^1][^2] |"));
    json = render(&s, "json");
    assert_non_null(strstr(json, "\"timeline\": [\n"));
    assert_non_null(strstr(json, "\"date\": \"2018-04-27\",\n      \"precision\": \"day\",\n      \"label\": "
                                 "\"27 Apr 2018\",\n      \"text\": "));
    assert_non_null(strstr(json, "\"docs\": [\n        \"a\",\n        \"b\"\n      ]"));
    assert_true(strstr(json, "\"summary\"") < strstr(json, "\"timeline\""));
    sl_free(txt);
    sl_free(md);
    sl_free(json);
    story_close(&s);
}

/* A source only the timeline cites is numbered after the summary's. */
static void timeline_only_sources_are_numbered(void **state)
{
    story s;
    sl_digest_opts o = SL_DIGEST_OPTS_INIT;
    char *txt;
    (void)state;
    o.sentences = 1;
    o.query = "talks of Moros and Kranj";
    o.query_len = strlen(o.query);
    story_open_opts(&s, "story.jsonl",
                    "{\"id\": \"a\", \"source\": \"Wire A\", \"date\": \"2018-04-28\", \"text\": \"Premier "
                    "Adela Moros met President Ivo Kranj at the border village of Pell for talks.\"}\n"
                    "{\"id\": \"b\", \"source\": \"Wire B\", \"date\": \"2018-04-30\", \"text\": \"The "
                    "village of Pell was founded in 1412 by river traders.\"}\n",
                    &o);
    txt = render(&s, "text");
    assert_non_null(strstr(txt, "1412"));
    assert_non_null(strstr(txt, "[2] Wire B"));
    sl_free(txt);
    story_close(&s);
}

/* ------------------------------------------------------------------ many and bad inputs */

static char *repeat(const char *head, const char *unit, size_t times, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail), i;
    char *p = malloc(hl + ul * times + tl + 1), *q = p;
    assert_non_null(p);
    memcpy(q, head, hl);
    q += hl;
    for (i = 0; i < times; i++, q += ul)
        memcpy(q, unit, ul);
    memcpy(q, tail, tl + 1);
    return p;
}

/* The timeline stage alone (the summary has its own limits): returns the
 * number of events. */
static size_t timeline_only(const char *jsonl)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_tpoint *dates;
    sl_tl_event *ev = NULL;
    size_t n = 0, i;
    assert_true(sl_corpus_add_buffer(ctx, c, "big.jsonl", jsonl, strlen(jsonl), NULL) >= SL_OK);
    dates = calloc(c->n + 1, sizeof(*dates));
    assert_non_null(dates);
    for (i = 0; i < c->n; i++)
        sl_doc_date_point(c->docs[i], &dates[i]);
    sl_timeline_build(ctx, c->docs, c->n, dates, &ev, &n);
    for (i = 0; i < n; i++) {
        assert_non_null(ev[i].text);
        assert_true(ev[i].ndocs >= 1);
        free(ev[i].text);
        free(ev[i].docs);
    }
    free(ev);
    free(dates);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    return n;
}

static void pathological(void **state)
{
    story s;
    char *big;
    size_t n;
    (void)state;
    /* a million bytes of dates in one "sentence" */
    big = repeat("{\"id\": \"y\", \"date\": \"2018-01-01\", \"text\": \"", "the war ended in 1953 and ", 40000, "\"}\n");
    n = timeline_only(big);
    assert_true(n >= 1 && n <= SL_TL_MAX_CANDIDATES);
    free(big);
    /* many dated sentences: the candidates are capped, the one event told
     * again and again is one entry */
    big = repeat("{\"id\": \"z\", \"date\": \"2018-01-01\", \"text\": \"",
                 "The harbour of Orsk reopened on 3 May 1999 after repairs. ", 30000, "\"}\n");
    assert_int_equal(timeline_only(big), 1);
    free(big);
    /* many different dates, each a sentence */
    {
        size_t k, len = 0;
        char *p = malloc(64 * 40000 + 64);
        assert_non_null(p);
        len += (size_t)sprintf(p, "{\"id\": \"d\", \"date\": \"2018-01-01\", \"text\": \"");
        for (k = 0; k < 40000; k++)
            len += (size_t)sprintf(p + len, "Ship %zu of Orsk sank in %zu. ", k, 1000 + k % 1000);
        sprintf(p + len, "\"}\n");
        n = timeline_only(p);
        assert_true(n >= 1000 && n <= SL_TL_MAX_CANDIDATES);
        free(p);
    }
    /* 10 MB without a space */
    big = repeat("{\"id\": \"x\", \"text\": \"", "1953-07-27", 1000000, "\"}\n");
    timeline_only(big);
    free(big);
    /* invalid UTF-8 and control bytes around dates */
    story_open_opts(&s, "bad.txt", "\xff\xfe On 27 July, 1953 \x01\x02 the \xc3 ceasefire was signed at Pell.\n",
                    NULL);
    story_close(&s);
    /* nothing at all */
    story_open(&s, "");
    assert_int_equal(sl_digest_timeline_count(s.d), 0);
    story_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(friday_and_april_27_merge),
        cmocka_unit_test(merge_needs_the_same_event),
        cmocka_unit_test(undated_relative_gets_no_date),
        cmocka_unit_test(no_dates_no_timeline),
        cmocka_unit_test(ranges_are_spans),
        cmocka_unit_test(chronological_order_and_precision_kept),
        cmocka_unit_test(coarser_first_on_the_same_day),
        cmocka_unit_test(mods_on_spans_only),
        cmocka_unit_test(date_override),
        cmocka_unit_test(bad_override_and_versions),
        cmocka_unit_test(story_dates_an_article),
        cmocka_unit_test(own_date_is_no_event),
        cmocka_unit_test(durations_since_and_captions),
        cmocka_unit_test(clauses),
        cmocka_unit_test(labels),
        cmocka_unit_test(renderings),
        cmocka_unit_test(timeline_only_sources_are_numbered),
        cmocka_unit_test(pathological),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
