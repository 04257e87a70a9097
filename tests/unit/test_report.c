/*
 * test_report.c: what a reader sees.  HTML escaping and link safety; the
 * calendar and the broken time axis (monotone, long gaps cut out, events of
 * different segments never squeezed, ticks that do not overlap); dates put
 * for people; every writer over a digest whose timeline, entities and
 * comparison are filled by hand (as the stages will fill them) and over
 * hostile HTML input; the JSON against docs/digest.schema.json (with the
 * validator's own failures checked); determinism.
 */
#include "unit.h"

#include <ctype.h>

#include "output/axis.h"
#include "output/render.h"
#include "story/digest.h"
#include "util/mem.h"

#include "../schema_valid.c"

/* ------------------------------------------------------------------ helpers */

typedef struct story {
    sl_ctx *ctx;
    sl_corpus *c;
    sl_digest *d;
} story;

static void story_open(story *s, const char *name, const char *data, const sl_digest_opts *o)
{
    s->ctx = sl_ctx_new();
    s->c = sl_corpus_new(s->ctx);
    assert_true(sl_corpus_add_buffer(s->ctx, s->c, name, data, strlen(data), NULL) >= 0);
    assert_int_equal(sl_digest_new(s->ctx, s->c, o, &s->d), SL_OK);
}

static void story_close(story *s)
{
    sl_digest_free(s->d);
    sl_corpus_free(s->c);
    sl_ctx_free(s->ctx);
}

static char *render(const sl_digest *d, const char *format, const sl_render_opts *o)
{
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(sl_digest_render(d, format, o, &out, &len), SL_OK);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

static void add_event(sl_digest *d, const char *date, const char *end, sl_precision p,
                      const char *text, size_t doc, size_t sentence, size_t doc2)
{
    sl_tl_event *e;
    long f, l, f2, l2;
    d->timeline = sl_xrealloc(d->timeline, (d->ntimeline + 1) * sizeof(*d->timeline));
    e = &d->timeline[d->ntimeline++];
    memset(e, 0, sizeof(*e));
    snprintf(e->date, sizeof(e->date), "%s", date);
    snprintf(e->end, sizeof(e->end), "%s", end ? end : "");
    {
        sl_buf when = SL_BUF_INIT;
        sl_render_date_range(&when, date, end ? end : "");
        snprintf(e->label, sizeof(e->label), "%s", sl_buf_cstr(&when));
        sl_buf_free(&when);
    }
    e->precision = p;
    assert_int_equal(sl_cal_value_days(date, &f, &l), 0);
    e->first_day = f;
    e->last_day = l;
    if (end) {
        assert_int_equal(sl_cal_value_days(end, &f2, &l2), 0);
        e->last_day = l2;
    }
    e->text = sl_xstrdup(text);
    e->docs = sl_xcalloc(2, sizeof(size_t));
    e->docs[e->ndocs++] = doc < doc2 ? doc : doc2;
    if (doc2 != doc)
        e->docs[e->ndocs++] = doc < doc2 ? doc2 : doc;
    e->doc = doc;
    e->sentence = sentence;
}

static void add_cmp(sl_cmp_item **v, size_t *n, const char *about, const char *kind,
                    const char *value, size_t nclaims, const size_t *docs, const char *const *texts,
                    const char *const *values)
{
    sl_cmp_item *it;
    size_t i;
    *v = sl_xrealloc(*v, (*n + 1) * sizeof(**v));
    it = &(*v)[(*n)++];
    memset(it, 0, sizeof(*it));
    it->about = sl_xstrdup(about);
    it->kind = (char *)kind;
    it->value = value ? sl_xstrdup(value) : NULL;
    it->claims = sl_xcalloc(nclaims, sizeof(*it->claims));
    for (i = 0; i < nclaims; i++) {
        it->claims[i].doc = docs[i];
        it->claims[i].sentence = 0;
        it->claims[i].text = sl_xstrdup(texts[i]);
        it->claims[i].value = sl_xstrdup(values[i]);
    }
    it->nclaims = nclaims;
}

/* The Korean War story of the issue: events from 1910 to 2019. */
static const char *korea =
    "{\"id\": \"wire\", \"source\": \"Wire\", \"title\": \"Korean War remains returned\", \"date\": "
    "\"2018-07-27\", \"text\": \"The remains of 55 soldiers were flown from Wonsan on Friday. The "
    "armistice was signed on 27 July 1953. About 28,500 US troops are stationed in South Korea.\"}\n"
    "{\"id\": \"herald\", \"source\": \"Herald\", \"title\": \"Remains arrive in Osan\", \"date\": "
    "\"2018-07-28\", \"text\": \"A plane carrying remains landed at Osan on Friday. Japan annexed "
    "Korea in 1910. Some 28,000 US troops remain in South Korea.\"}\n"
    "{\"id\": \"daily\", \"source\": \"Daily\", \"title\": \"Summit hopes\", \"date\": "
    "\"2019-02-20\", \"text\": \"Leaders will meet in Hanoi in February 2019. The war was fought "
    "from 1950 to 1953.\"}\n";

static void fill_korea(sl_digest *d)
{
    static const size_t dis_docs[] = {0, 1};
    static const char *const dis_texts[] = {"About 28,500 US troops are stationed in South Korea.",
                                            "Some 28,000 US troops remain in South Korea."};
    static const char *const dis_values[] = {"28,500", "28,000"};
    static const size_t ag_docs[] = {0, 2};
    static const char *const ag_texts[] = {"The armistice was signed on 27 July 1953.",
                                           "The war was fought from 1950 to 1953."};
    static const char *const ag_values[] = {"1953", "1953"};
    add_event(d, "1910", NULL, SL_PREC_YEAR, "Japan annexed Korea", 1, 1, 1);
    add_event(d, "1950", "1953", SL_PREC_YEAR, "The war was fought", 2, 1, 2);
    add_event(d, "1953-07-27", NULL, SL_PREC_DAY, "The armistice was signed", 0, 1, 0);
    add_event(d, "2018-07-27", NULL, SL_PREC_DAY, "The remains of 55 soldiers were flown from Wonsan",
              0, 0, 1);
    add_event(d, "2019-02", NULL, SL_PREC_MONTH, "Leaders will meet in Hanoi", 2, 0, 2);
    add_cmp(&d->disagree, &d->ndisagree, "US troops in South Korea", "number", NULL, 2, dis_docs,
            dis_texts, dis_values);
    add_cmp(&d->agree, &d->nagree, "end of the war", "date", "1953", 2, ag_docs, ag_texts,
            ag_values);
    sl_entities_free(d->entities); /* sl_digest_new found them already */
    d->entities = sl_entities_new(d->ctx, d->corpus);
    assert_non_null(d->entities);
}

/* Whether every in-page link ("#x") has its target (id="x"). */
static void assert_anchors_resolve(const char *html)
{
    const char *p = html;
    size_t links = 0;
    while ((p = strstr(p, "href=\"#")) != NULL) {
        const char *q = p + 7, *e = strchr(q, '"');
        char want[128];
        assert_non_null(e);
        assert_true((size_t)(e - q) < sizeof(want) - 8);
        snprintf(want, sizeof(want), "id=\"%.*s\"", (int)(e - q), q);
        if (!strstr(html, want))
            fail_msg("link #%.*s has no target", (int)(e - q), q);
        links++;
        p = e;
    }
    assert_true(links > 0);
}

static const char *strcasestr_(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i;
        for (i = 0; i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]); i++)
            ;
        if (i == n)
            return hay;
    }
    return NULL;
}

/* No markup from an input: no script, no handler attribute, no dangerous
 * element or scheme anywhere in the page. */
static void assert_page_is_safe(const char *html)
{
    static const char *const banned[] = {"<script", "javascript:", "vbscript:", "<iframe", "<img",
                                         "<object", "<embed", "<link", "<base", "<form", "<input",
                                         "<meta http-equiv=\"refresh", "<svg onload", "data:text",
                                         "srcdoc", "@import", "url("};
    const char *p;
    size_t i;
    for (i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
        if ((p = strcasestr_(html, banned[i])) != NULL)
            fail_msg("the page holds \"%s\": ...%.60s", banned[i], p);
    /* an attribute named on...= anywhere (the page itself uses none) */
    for (p = html; *p; p++) {
        if ((p[0] == ' ' || p[0] == '/' || p[0] == '\t' || p[0] == '\n') &&
            (p[1] == 'o' || p[1] == 'O') && (p[2] == 'n' || p[2] == 'N')) {
            const char *q = p + 3;
            while (isalpha((unsigned char)*q))
                q++;
            if (q > p + 3 && *q == '=')
                fail_msg("an event handler attribute: %.40s", p);
        }
    }
    /* exactly one style element, the page's own, and its CSP */
    p = strstr(html, "<style>");
    assert_non_null(p);
    assert_null(strstr(p + 1, "<style"));
    assert_non_null(strstr(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                                 "'none'; style-src 'unsafe-inline'; img-src data:"));
    p = strstr(html, "</style>");
    assert_non_null(p);
    assert_null(strstr(p + 1, "</style>"));
}

/* ------------------------------------------------------------------ escaping */

static void escape_text(void **state)
{
    sl_buf b = SL_BUF_INIT;
    static const char in[] = "<script>alert('x')</script> a=b & \"q\" `t`\tjavascript:ok\n";
    (void)state;
    sl_html_escape(&b, in, strlen(in));
    assert_string_equal(b.ptr, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; a&#61;b &amp; "
                               "&quot;q&quot; &#96;t&#96;\tjavascript&#58;ok\n");
    sl_buf_clear(&b);
    /* invalid UTF-8, C0 and C1 controls, a noncharacter: U+FFFD; valid text kept */
    sl_html_escape(&b, "a\xff" "b\x01" "c\xc2\x85" "d\xef\xbf\xbe" "e\xe2\x80\x94\r", 16);
    assert_string_equal(b.ptr, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD"
                               "e\xe2\x80\x94 ");
    sl_buf_clear(&b);
    /* a NUL inside the text is no terminator */
    sl_html_escape(&b, "a\0<", 3);
    assert_memory_equal(b.ptr, "a\xEF\xBF\xBD&lt;", 8);
    sl_buf_free(&b);
}

static void safe_urls(void **state)
{
    (void)state;
    assert_true(sl_html_safe_url("https://example.org/a?b=c&d=e"));
    assert_true(sl_html_safe_url("http://example.org/"));
    assert_false(sl_html_safe_url("javascript:alert(1)"));
    assert_false(sl_html_safe_url("JaVaScRiPt:alert(1)"));
    assert_false(sl_html_safe_url(" javascript:alert(1)"));
    assert_false(sl_html_safe_url("data:text/html,<script>alert(1)</script>"));
    assert_false(sl_html_safe_url("//evil.example/x"));
    assert_false(sl_html_safe_url("/relative"));
    assert_false(sl_html_safe_url("http://x\"onmouseover=alert(1)"));
    assert_false(sl_html_safe_url("http://a b"));
    assert_false(sl_html_safe_url("http://a\nb"));
    assert_false(sl_html_safe_url(""));
}

/* ------------------------------------------------------------------ calendar and axis */

static void calendar(void **state)
{
    long d, f, l;
    int y, m, dd;
    (void)state;
    assert_int_equal(sl_cal_days(1970, 1, 1), 0);
    assert_int_equal(sl_cal_days(2000, 3, 1), 11017);
    assert_int_equal(sl_cal_days(1969, 12, 31), -1);
    assert_int_equal(sl_cal_days(1, 1, 1), -719162);
    for (d = -800000; d < 3000000; d += 37) {
        sl_cal_ymd(d, &y, &m, &dd);
        assert_int_equal(sl_cal_days(y, m, dd), d);
    }
    assert_int_equal(sl_cal_value_days("1953-07-27", &f, &l), 0);
    assert_int_equal(f, sl_cal_days(1953, 7, 27));
    assert_int_equal(l, f);
    assert_int_equal(sl_cal_value_days("2018-04-27T10:30", &f, &l), 0);
    assert_int_equal(f, sl_cal_days(2018, 4, 27));
    assert_int_equal(sl_cal_value_days("2018-02", &f, &l), 0);
    assert_int_equal(l - f, 27);
    assert_int_equal(sl_cal_value_days("2020-02", &f, &l), 0);
    assert_int_equal(l - f, 28);
    assert_int_equal(sl_cal_value_days("2018-W01", &f, &l), 0);
    assert_int_equal(f, sl_cal_days(2018, 1, 1));
    assert_int_equal(sl_cal_value_days("2019-W01", &f, &l), 0); /* starts in 2018 */
    assert_int_equal(f, sl_cal_days(2018, 12, 31));
    assert_int_equal(sl_cal_value_days("2018-W30-WE", &f, &l), 0);
    assert_int_equal(l - f, 1);
    assert_int_equal(sl_cal_value_days("2018-WI", &f, &l), 0);
    assert_int_equal(f, sl_cal_days(2017, 12, 1));
    assert_int_equal(l, sl_cal_days(2018, 2, 28));
    assert_int_equal(sl_cal_value_days("2018-Q3", &f, &l), 0);
    assert_int_equal(f, sl_cal_days(2018, 7, 1));
    assert_int_equal(l, sl_cal_days(2018, 9, 30));
    assert_int_equal(sl_cal_value_days("2018-H2", &f, &l), 0);
    assert_int_equal(l, sl_cal_days(2018, 12, 31));
    assert_int_equal(sl_cal_value_days("195", &f, &l), 0);
    assert_int_equal(f, sl_cal_days(1950, 1, 1));
    assert_int_equal(l, sl_cal_days(1959, 12, 31));
    assert_int_equal(sl_cal_value_days("19", &f, &l), 0);
    assert_int_equal(l, sl_cal_days(1999, 12, 31));
    assert_int_equal(sl_cal_value_days("2018-02-30", &f, &l), -1);
    assert_int_equal(sl_cal_value_days("XXXX-07-27", &f, &l), -1);
    assert_int_equal(sl_cal_value_days("2018-13", &f, &l), -1);
    assert_int_equal(sl_cal_value_days("yesterday", &f, &l), -1);
    assert_int_equal(sl_cal_value_days("", &f, &l), -1);
    assert_int_equal(sl_cal_value_days(NULL, &f, &l), -1);
}

static void assert_monotone(const sl_axis *ax, long lo, long hi)
{
    long d, step = (hi - lo) / 5000 + 1;
    double prev = -1;
    for (d = lo - 10; d <= hi + 10; d += step) {
        double x = sl_axis_x(ax, d);
        assert_true(x >= prev);
        assert_true(x >= 0 && x <= ax->width);
        prev = x;
    }
}

static void axis_long_gaps(void **state)
{
    /* 1910 ... 1953 ... 2018-2019, as in the issue */
    long days[6];
    sl_axis ax;
    size_t k;
    double x18a, x18b, x19;
    (void)state;
    days[0] = sl_cal_days(1910, 1, 1);
    days[1] = sl_cal_days(1953, 7, 27);
    days[2] = sl_cal_days(2018, 4, 27);
    days[3] = sl_cal_days(2018, 6, 12);
    days[4] = sl_cal_days(2019, 2, 27);
    days[5] = sl_cal_days(2018, 4, 27); /* a repeat */
    sl_axis_layout(&ax, days, 6, 960);
    assert_int_equal(ax.nsegs, 3);
    assert_int_equal(ax.segs[0].lo, days[0]);
    assert_int_equal(ax.segs[1].lo, days[1]);
    assert_int_equal(ax.segs[2].lo, days[2]);
    assert_int_equal(ax.segs[2].hi, days[4]);
    assert_int_equal(ax.segs[2].ndays, 3);
    assert_monotone(&ax, days[0], days[4]);
    /* recent events keep their room: the 2018-2019 segment is the widest */
    for (k = 0; k + 1 < ax.nsegs; k++)
        assert_true(ax.segs[2].x1 - ax.segs[2].x0 > ax.segs[k].x1 - ax.segs[k].x0);
    x18a = sl_axis_x(&ax, days[2]);
    x18b = sl_axis_x(&ax, days[3]);
    x19 = sl_axis_x(&ax, days[4]);
    assert_true(x18b - x18a > 40);
    assert_true(x19 - x18b > 2 * (x18b - x18a)); /* linear inside the segment */
    /* events of different segments are at least a break apart */
    assert_true(sl_axis_x(&ax, days[1]) - sl_axis_x(&ax, days[0]) >= ax.brk);
    assert_true(x18a - sl_axis_x(&ax, days[1]) >= ax.brk);
    assert_int_equal(sl_axis_seg_of(&ax, days[1]), 1);
    assert_int_equal(sl_axis_seg_of(&ax, sl_cal_days(2017, 1, 1)), 2);
    assert_int_equal(sl_axis_seg_of(&ax, sl_cal_days(1920, 1, 1)), 0);
    assert_true(ax.segs[ax.nsegs - 1].x1 <= 960 + 1e-9);
}

static void axis_no_needless_breaks(void **state)
{
    long days[40];
    sl_axis ax;
    size_t i;
    (void)state;
    /* a year's events a year apart, or a month's day by day: one linear segment */
    for (i = 0; i < 11; i++)
        days[i] = sl_cal_days(2000 + (int)i, 6, 1);
    sl_axis_layout(&ax, days, 11, 960);
    assert_int_equal(ax.nsegs, 1);
    for (i = 0; i < 30; i++)
        days[i] = sl_cal_days(2018, 3, 1) + (long)i;
    sl_axis_layout(&ax, days, 30, 960);
    assert_int_equal(ax.nsegs, 1);
    assert_monotone(&ax, days[0], days[29]);
    /* three events of a normal story: 2018-03, 2018-04, 2019-01: one segment */
    days[0] = sl_cal_days(2018, 3, 1);
    days[1] = sl_cal_days(2018, 4, 1);
    days[2] = sl_cal_days(2019, 1, 1);
    sl_axis_layout(&ax, days, 3, 960);
    assert_int_equal(ax.nsegs, 1);
    /* two bursts a year apart: two segments */
    for (i = 0; i < 10; i++) {
        days[i] = sl_cal_days(2018, 3, 1) + (long)i;
        days[10 + i] = sl_cal_days(2019, 6, 1) + (long)i;
    }
    sl_axis_layout(&ax, days, 20, 960);
    assert_int_equal(ax.nsegs, 2);
    assert_true(sl_axis_x(&ax, days[1]) - sl_axis_x(&ax, days[0]) > 20);
    /* one day, nothing */
    sl_axis_layout(&ax, days, 1, 960);
    assert_int_equal(ax.nsegs, 1);
    assert_true(sl_axis_x(&ax, days[0]) > 400 && sl_axis_x(&ax, days[0]) < 560);
    sl_axis_layout(&ax, days, 0, 960);
    assert_int_equal(ax.nsegs, 0);
    assert_true(sl_axis_x(&ax, 0) == 480);
}

static void axis_caps_segments(void **state)
{
    /* gaps growing tenfold: at most SL_AXIS_MAX_SEGS segments, still monotone;
     * a narrow axis still gives every segment room */
    long days[12], gap = 1;
    sl_axis ax;
    size_t i;
    (void)state;
    days[0] = sl_cal_days(1, 1, 1);
    for (i = 1; i < 12; i++) {
        days[i] = days[i - 1] + gap;
        gap *= 3;
    }
    sl_axis_layout(&ax, days, 12, 300);
    assert_true(ax.nsegs >= 2 && ax.nsegs <= SL_AXIS_MAX_SEGS);
    assert_monotone(&ax, days[0], days[11]);
    for (i = 0; i < ax.nsegs; i++)
        assert_true(ax.segs[i].x1 > ax.segs[i].x0);
}

static void axis_ticks(void **state)
{
    long days[4];
    sl_axis ax;
    sl_axis_tick t[SL_AXIS_MAX_TICKS];
    size_t n, i;
    char gap[32];
    (void)state;
    /* a decade: year ticks, spaced at least a label apart */
    days[0] = sl_cal_days(1950, 6, 25);
    days[1] = sl_cal_days(1953, 7, 27);
    days[2] = sl_cal_days(1960, 1, 1);
    sl_axis_layout(&ax, days, 3, 960);
    assert_int_equal(ax.nsegs, 1);
    n = sl_axis_ticks(&ax, 0, 74, t);
    assert_true(n >= 3);
    assert_string_equal(t[0].label, "1951");
    for (i = 1; i < n; i++) {
        assert_true(t[i].x - t[i - 1].x >= 74 - 1e-9);
        assert_true(t[i].day > t[i - 1].day);
    }
    /* ten months: month ticks, the year said first and when it changes */
    days[0] = sl_cal_days(2018, 3, 10);
    days[1] = sl_cal_days(2019, 1, 20);
    sl_axis_layout(&ax, days, 2, 960);
    n = sl_axis_ticks(&ax, 0, 74, t);
    assert_true(n >= 5);
    assert_string_equal(t[0].label, "Apr 2018");
    assert_string_equal(t[1].label, "May");
    assert_string_equal(t[n - 1].label, "Jan 2019");
    /* one day: labelled with the day; a year's first day with the year */
    days[0] = sl_cal_days(1953, 7, 27);
    sl_axis_layout(&ax, days, 1, 960);
    assert_int_equal(sl_axis_ticks(&ax, 0, 74, t), 1);
    assert_string_equal(t[0].label, "27 Jul 1953");
    days[0] = sl_cal_days(1910, 1, 1);
    sl_axis_layout(&ax, days, 1, 960);
    assert_int_equal(sl_axis_ticks(&ax, 0, 74, t), 1);
    assert_string_equal(t[0].label, "1910");
    /* millennia on a narrow axis: few ticks, bounded work */
    days[0] = sl_cal_days(1, 1, 1);
    days[1] = sl_cal_days(9999, 12, 31);
    sl_axis_layout(&ax, days, 2, 200);
    n = sl_axis_ticks(&ax, 0, 74, t);
    assert_true(n >= 1 && n <= 2);
    assert_int_equal(sl_axis_ticks(&ax, 5, 74, t), 0);
    sl_axis_gap_label(sl_cal_days(1953, 7, 27) - sl_cal_days(1910, 1, 1), gap, sizeof(gap));
    assert_string_equal(gap, "44 years");
    sl_axis_gap_label(90, gap, sizeof(gap));
    assert_string_equal(gap, "3 months");
    sl_axis_gap_label(1, gap, sizeof(gap));
    assert_string_equal(gap, "1 day");
}

/* ------------------------------------------------------------------ dates for people */

static void human_dates(void **state)
{
    static const char *const cases[][3] = {
        {"1953-07-27", NULL, "27 July 1953"},
        {"1953-07", NULL, "July 1953"},
        {"1953", NULL, "1953"},
        {"2018-W30", NULL, "week 30 of 2018"},
        {"2018-Q3", NULL, "Q3 2018"},
        {"2018-H1", NULL, "the first half of 2018"},
        {"2018-SU", NULL, "summer 2018"},
        {"195", NULL, "the 1950s"},
        {"19", NULL, "the 1900s"},
        {"XXXX-07-27", NULL, "27 July"},
        {"2018-04-27T10:30", NULL, "27 April 2018, 10:30"},
        {"PRESENT_REF", NULL, "PRESENT_REF"},
        {"2026-03-04", "2026-03-05", "4\xE2\x80\x93" "5 March 2026"},
        {"2026-03-04", "2026-04-05", "4 March \xE2\x80\x93 5 April 2026"},
        {"2026-03", "2026-05", "March \xE2\x80\x93 May 2026"},
        {"1950", "1953", "1950 \xE2\x80\x93 1953"},
        {"2025-12-30", "2026-01-02", "30 December 2025 \xE2\x80\x93 2 January 2026"},
        {"2026-03-04", "2026-03-04", "4 March 2026"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        sl_buf b = SL_BUF_INIT;
        sl_render_date_range(&b, cases[i][0], cases[i][1]);
        assert_string_equal(sl_buf_cstr(&b), cases[i][2]);
        sl_buf_free(&b);
    }
}

/* ------------------------------------------------------------------ the writers */

static void html_report_parts(void **state)
{
    story s;
    char *html, *again;
    (void)state;
    story_open(&s, "korea.jsonl", korea, NULL);
    fill_korea(s.d);
    html = render(s.d, "html", NULL);
    /* one page, self-contained, no script */
    assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    assert_page_is_safe(html);
    assert_non_null(strstr(html, "<meta name=\"viewport\" content=\"width=device-width"));
    assert_non_null(strstr(html, "prefers-color-scheme: dark"));
    /* headline and span of publication */
    assert_non_null(strstr(html, "<h1>"));
    assert_non_null(strstr(html, "published 27 July 2018 \xE2\x80\x93 20 February 2019"));
    /* summary chips jump to sentences */
    assert_non_null(strstr(html, "class=\"chip\" href=\"#doc-"));
    assert_non_null(strstr(html, "<span class=\"s cited\" id=\"doc-"));
    /* the timeline: SVG with a break and its gap, the event list */
    assert_non_null(strstr(html, "<svg class=\"tl tl-h\""));
    assert_non_null(strstr(html, "<svg class=\"tl tl-v\"")); /* the phone's, down the page */
    assert_non_null(strstr(html, "@media (max-width: 40rem)"));
    assert_non_null(strstr(html, "class=\"brk\""));
    assert_non_null(strstr(html, "years\xE2\x80\xA6</text>"));
    assert_non_null(strstr(html, "<li id=\"ev-1\">"));
    assert_non_null(strstr(html, "<li id=\"ev-5\">"));
    assert_non_null(strstr(html, "<rect class=\"span\"")); /* 1950-1953 is a range */
    assert_non_null(strstr(html, "27 July 1953"));
    assert_non_null(strstr(html, "Japan annexed Korea"));
    assert_null(strstr(html, "No dated events found"));
    /* entities, comparison side by side, sources with date evidence */
    assert_non_null(strstr(html, "<section id=\"entities\">"));
    assert_non_null(strstr(html, "<h3>Places</h3>"));
    assert_non_null(strstr(html, "Where they disagree"));
    assert_non_null(strstr(html, "<span class=\"val\">28,500</span>"));
    assert_non_null(strstr(html, "<span class=\"val\">28,000</span>"));
    assert_non_null(strstr(html, "Where they agree"));
    assert_non_null(strstr(html, "<article class=\"source\" id=\"doc-2\">"));
    assert_non_null(strstr(html, "(date from metadata"));
    assert_anchors_resolve(html);
    /* deterministic */
    again = render(s.d, "html", NULL);
    assert_string_equal(html, again);
    sl_free(again);
    sl_free(html);
    story_close(&s);
}

static void html_report_empty_parts(void **state)
{
    story s;
    char *html;
    sl_digest_opts o = SL_DIGEST_OPTS_INIT;
    (void)state;
    o.words = 2; /* nothing fits */
    story_open(&s, "a.txt", "Dam fails\n\nThe dam on the river failed after rain.\n", &o);
    html = render(s.d, "html", NULL);
    assert_page_is_safe(html);
    assert_non_null(strstr(html, "No summary&#58; no sentence fits the budget."));
    assert_non_null(strstr(html, "No dated events found."));
    assert_null(strstr(html, "<svg"));
    assert_null(strstr(html, "id=\"entities\""));
    assert_null(strstr(html, "id=\"comparison\""));
    assert_non_null(strstr(html, "<article class=\"source\" id=\"doc-0\">"));
    assert_non_null(strstr(html, "date unknown"));
    assert_non_null(strstr(html, "<details class=\"edits\">")); /* the title taken */
    assert_anchors_resolve(html);
    sl_free(html);
    story_close(&s);
}

static const char *hostile_html =
    "<!DOCTYPE html><html><head><title>Evil &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
    "page</title>\n"
    "<meta property=\"og:site_name\" content=\"&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;\">\n"
    "<style>body{background:url(javascript:alert(3))}</style>\n"
    "<script>alert(4)</script></head>\n"
    "<body onload=\"alert(5)\"><article>\n"
    "<h1 onclick=\"alert(6)\">Storm hits the coast</h1>\n"
    "<p>The storm hit the coast on Monday and cut power to 4,000 homes, officials said. "
    "<img src=x onerror=alert(7)> Crews worked through the night.</p>\n"
    "<p>Residents were told to <a href=\"javascript:alert(8)\">click here</a> and to stay "
    "indoors. The text &lt;script&gt;alert(9)&lt;/script&gt; is quoted literally here.</p>\n"
    "<p>An attribute in prose: &lt;img src=x onerror=alert(10)&gt; and "
    "&lt;a href=\"javascript:alert(11)\"&gt; and &lt;/style&gt;&lt;style&gt; as text.</p>\n"
    "<svg onload=\"alert(12)\"><script>alert(13)</script></svg>\n"
    "<iframe src=\"javascript:alert(14)\"></iframe>\n"
    "<p>Schools will reopen on Wednesday, the council said.</p>\n"
    "</article></body></html>\n";

static const char *hostile_jsonl =
    "{\"id\": \"<script>x</script>\", \"source\": \"</style><script>alert(20)</script>\", "
    "\"title\": \"\\\"><img src=x onerror=alert(21)>\", \"url\": \"javascript:alert(22)\", "
    "\"date\": \"2024-01-02\", \"text\": \"Officials said the storm cut power to 4,000 homes on "
    "Monday. <script>alert(23)</script> The word onerror=alert(24) appears. JAVASCRIPT:alert(25) "
    "too.\"}\n"
    "{\"id\": \"ok\", \"source\": \"Coast News\", \"url\": \"https://news.example/storm?a=1&b=2\", "
    "\"date\": \"2024-01-03\", \"text\": \"The storm cut power to 4,000 homes. Schools will reopen "
    "on Wednesday.\"}\n";

static void html_hostile_input(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_digest *d = NULL;
    sl_digest_opts o = SL_DIGEST_OPTS_INIT;
    char *html;
    static const size_t docs[] = {0, 1};
    static const char *const texts[] = {"<script>alert(30)</script>", "x\" onmouseover=\"alert(31)"};
    static const char *const values[] = {"<b onclick=alert(32)>1</b>", "javascript:alert(33)"};
    (void)state;
    assert_true(sl_corpus_add_buffer(ctx, c, "evil.html", hostile_html, strlen(hostile_html), NULL) >= 0);
    assert_true(sl_corpus_add_buffer(ctx, c, "evil.jsonl", hostile_jsonl, strlen(hostile_jsonl), NULL) >= 0);
    assert_int_equal(sl_corpus_count(c), 3);
    o.words = 500;
    o.query = "<script>alert(40)</script>";
    o.query_len = strlen(o.query);
    assert_int_equal(sl_digest_new(ctx, c, &o, &d), SL_OK);
    add_event(d, "2024-01-01", NULL, SL_PREC_DAY, "<script>alert(41)</script><img onerror=x>", 0, 0, 1);
    add_event(d, "2024-01-02", "2024-01-03", SL_PREC_DAY, "javascript:alert(42)", 1, 0, 1);
    snprintf(d->timeline[1].end, sizeof(d->timeline[1].end), "%s", "2024-01-03");
    add_cmp(&d->disagree, &d->ndisagree, "</style><script>alert(43)</script>", "number", NULL, 2,
            docs, texts, values);
    add_cmp(&d->agree, &d->nagree, "homes", "number", "<svg onload=alert(44)>", 2, docs, texts,
            values);
    sl_entities_free(d->entities); /* sl_digest_new found them already */
    d->entities = sl_entities_new(ctx, c);
    html = render(d, "html", NULL);
    assert_page_is_safe(html);
    /* the literal text survives, as text */
    assert_non_null(strstr(html, "&lt;script&gt;alert(9)&lt;/script&gt;"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(23)&lt;/script&gt;"));
    assert_non_null(strstr(html, "onerror&#61;alert(24)"));
    /* only the http(s) address is a link, escaped */
    assert_non_null(strstr(html, "href=\"https&#58;//news.example/storm?a&#61;1&amp;b&#61;2\""));
    assert_anchors_resolve(html);
    sl_free(html);
    /* the other writers do not choke either */
    html = render(d, "md", NULL);
    assert_non_null(strstr(html, "\\<script\\>"));
    sl_free(html);
    html = render(d, "text", NULL);
    sl_free(html);
    sl_digest_free(d);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

static void text_report_parts(void **state)
{
    story s;
    char *t;
    sl_render_opts ro = SL_RENDER_OPTS_INIT;
    const char *line, *nl;
    (void)state;
    story_open(&s, "korea.jsonl", korea, NULL);
    fill_korea(s.d);
    ro.width = 60;
    t = render(s.d, "text", &ro);
    assert_null(strchr(t, '\033')); /* no colour unless asked */
    assert_non_null(strstr(t, "3 sources \xC2\xB7 published 27 July 2018 \xE2\x80\x93 20 February 2019\n"));
    assert_non_null(strstr(t, "\nTimeline\n"));
    assert_non_null(strstr(t, "  1910 "));
    assert_non_null(strstr(t, "  1950 \xE2\x80\x93 1953 "));
    assert_non_null(strstr(t, "Japan annexed Korea ["));
    assert_non_null(strstr(t, "\nWho and where\n"));
    assert_non_null(strstr(t, "  Places: "));
    assert_non_null(strstr(t, "\nSources compared\n"));
    assert_non_null(strstr(t, "  Disagree: US troops in South Korea\n"));
    assert_non_null(strstr(t, "    28,500:"));
    assert_non_null(strstr(t, "  Agree: end of the war: 1953 ["));
    assert_non_null(strstr(t, "\nSources:\n[1] "));
    assert_true(strstr(t, "Timeline") < strstr(t, "Who and where"));
    assert_true(strstr(t, "Who and where") < strstr(t, "Sources compared"));
    assert_true(strstr(t, "Sources compared") < strstr(t, "Sources:"));
    for (line = t; (nl = strchr(line, '\n')); line = nl + 1) {
        size_t cols = 0;
        const char *q;
        for (q = line; q < nl; q++)
            cols += ((unsigned char)*q & 0xC0) != 0x80;
        if (cols > 60 && memchr(line, ' ', (size_t)(nl - line)))
            fail_msg("line over 60 columns: %.*s", (int)(nl - line), line);
    }
    sl_free(t);
    ro.flags = SL_RENDER_COLOR;
    t = render(s.d, "text", &ro);
    assert_non_null(strstr(t, "\033[1mTimeline\033[0m"));
    assert_non_null(strstr(t, "\033[1;36m["));
    sl_free(t);
    /* a narrow terminal: dates on their own line */
    ro.flags = 0;
    ro.width = 24;
    t = render(s.d, "text", &ro);
    assert_non_null(strstr(t, "\n  1910\n    Japan annexed"));
    sl_free(t);
    story_close(&s);
}

static void markdown_report_parts(void **state)
{
    story s;
    char *m;
    (void)state;
    story_open(&s, "korea.jsonl", korea, NULL);
    fill_korea(s.d);
    m = render(s.d, "md", NULL);
    assert_true(strncmp(m, "# ", 2) == 0);
    assert_non_null(strstr(m, "\n## Summary\n"));
    assert_non_null(strstr(m, "\n## Timeline\n\n| Date | Event | Sources |\n|---|---|---|\n"));
    assert_non_null(strstr(m, "| 1950 \xE2\x80\x93 1953 | The war was fought | [^"));
    assert_non_null(strstr(m, "\n## Who and where\n\n- **People:** ") ||
                    strstr(m, "\n## Who and where\n\n- **Places:** "));
    assert_non_null(strstr(m, "\n### Where they disagree\n"));
    assert_non_null(strstr(m, "| Source | Says | In its words |"));
    assert_non_null(strstr(m, "| 28,500 |"));
    assert_non_null(strstr(m, "\n### Where they agree\n\n- end of the war: **1953**[^"));
    /* every footnote referenced is defined */
    {
        const char *p = m;
        while ((p = strstr(p, "[^")) != NULL) {
            char def[32];
            size_t k = (size_t)strtoul(p + 2, NULL, 10);
            snprintf(def, sizeof(def), "\n[^%zu]: ", k);
            assert_true(k > 0);
            assert_non_null(strstr(m, def));
            p += 2;
        }
    }
    sl_free(m);
    story_close(&s);
}

/* ------------------------------------------------------------------ JSON contract */

static json_t *load_schema(void)
{
    json_error_t je;
    json_t *schema = json_load_file("docs/digest.schema.json", 0, &je);
    if (!schema)
        fail_msg("docs/digest.schema.json: %s (run from the repository root)", je.text);
    return schema;
}

static void json_contract(void **state)
{
    story s;
    char *a, *b, err[512];
    json_t *schema = load_schema(), *inst, *v;
    json_error_t je;
    (void)state;
    story_open(&s, "korea.jsonl", korea, NULL);
    fill_korea(s.d);
    a = render(s.d, "json", NULL);
    b = render(s.d, "json", NULL);
    assert_string_equal(a, b);
    inst = json_loads(a, 0, &je);
    assert_non_null(inst);
    if (sv_validate(schema, inst, err, sizeof(err)) != 0)
        fail_msg("the digest does not validate: %s", err);
    /* key order */
    assert_true(strstr(a, "\"summary\"") < strstr(a, "\"timeline\""));
    assert_true(strstr(a, "\"timeline\"") < strstr(a, "\"entities\""));
    assert_true(strstr(a, "\"entities\"") < strstr(a, "\"comparison\""));
    /* the parts as the issue gives them */
    v = json_array_get(json_object_get(inst, "timeline"), 1);
    assert_string_equal(json_string_value(json_object_get(v, "date")), "1950");
    assert_string_equal(json_string_value(json_object_get(v, "end")), "1953");
    assert_string_equal(json_string_value(json_object_get(v, "precision")), "year");
    assert_string_equal(json_string_value(json_array_get(json_object_get(v, "docs"), 0)), "daily");
    assert_null(json_object_get(json_array_get(json_object_get(inst, "timeline"), 0), "end"));
    v = json_array_get(json_object_get(json_object_get(inst, "comparison"), "disagree"), 0);
    assert_string_equal(json_string_value(json_object_get(v, "about")), "US troops in South Korea");
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(v, "claims"), 1), "value")),
                        "28,000");
    assert_true(json_array_size(json_object_get(inst, "entities")) > 0);
    v = json_array_get(json_object_get(inst, "entities"), 0);
    assert_non_null(json_object_get(v, "mentions"));
    assert_true(json_number_value(json_object_get(v, "salience")) == 1.0);

    /* the validator can fail: a missing key, a wrong type, an extra key, a bad enum */
    json_object_del(inst, "timeline");
    assert_true(sv_validate(schema, inst, err, sizeof(err)) > 0);
    assert_non_null(strstr(err, "timeline"));
    json_object_set_new(inst, "timeline", json_string("no"));
    assert_true(sv_validate(schema, inst, err, sizeof(err)) > 0);
    json_object_set_new(inst, "timeline", json_array());
    assert_int_equal(sv_validate(schema, inst, err, sizeof(err)), 0);
    json_object_set_new(inst, "extra", json_true());
    assert_true(sv_validate(schema, inst, err, sizeof(err)) > 0);
    json_object_del(inst, "extra");
    json_object_set_new(inst, "method", json_string("magic"));
    assert_true(sv_validate(schema, inst, err, sizeof(err)) > 0);
    json_object_set_new(inst, "method", json_string("lead"));
    json_object_set_new(json_array_get(json_object_get(inst, "summary"), 0), "sentence",
                        json_integer(-1));
    assert_true(sv_validate(schema, inst, err, sizeof(err)) > 0);
    assert_non_null(strstr(err, "/summary/0/sentence"));
    json_decref(inst);
    sl_free(a);
    sl_free(b);
    story_close(&s);

    /* an empty story validates too, with the three parts present and empty */
    story_open(&s, "a.txt", "   \n", NULL);
    a = render(s.d, "json", NULL);
    assert_non_null(strstr(a, "\"timeline\": [],\n  \"entities\": [],\n  \"comparison\": {\n"
                              "    \"agree\": [],\n    \"disagree\": []\n  }\n}"));
    assert_true(sv_validate_text("docs/digest.schema.json", a, strlen(a), err, sizeof(err)) == 0);
    sl_free(a);
    story_close(&s);
    json_decref(schema);
}

static void unknown_format(void **state)
{
    story s;
    char *out = (char *)1;
    size_t len = 1;
    (void)state;
    story_open(&s, "a.txt", "The dam failed after rain.\n", NULL);
    assert_int_equal(sl_digest_render(s.d, "pdf", NULL, &out, &len), SL_EINVAL);
    assert_null(out);
    assert_non_null(strstr(sl_errmsg(s.ctx), "html"));
    story_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escape_text),
        cmocka_unit_test(safe_urls),
        cmocka_unit_test(calendar),
        cmocka_unit_test(axis_long_gaps),
        cmocka_unit_test(axis_no_needless_breaks),
        cmocka_unit_test(axis_caps_segments),
        cmocka_unit_test(axis_ticks),
        cmocka_unit_test(human_dates),
        cmocka_unit_test(html_report_parts),
        cmocka_unit_test(html_report_empty_parts),
        cmocka_unit_test(html_hostile_input),
        cmocka_unit_test(text_report_parts),
        cmocka_unit_test(markdown_report_parts),
        cmocka_unit_test(json_contract),
        cmocka_unit_test(unknown_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
