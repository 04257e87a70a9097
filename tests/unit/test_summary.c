/*
 * test_summary.c: summaries of small invented stories with known answers,
 * for every method: repeats across outlets never both chosen, the fact all
 * sources share chosen by the centrality methods, budget edges, empty and
 * one-document stories, text without sentence ends, query focus, debris and
 * dangling starts; and the digest API and its writers.
 *
 * Stories are written as JSON lines (title, source, date, text) so that the
 * cleaner's headline guess plays no part.
 */
#include "unit.h"

#include "story/summary.h"

/* ------------------------------------------------------------------ helpers */

typedef struct story {
    sl_ctx *ctx;
    sl_corpus *c;
} story;

static void story_open(story *s, const char *jsonl)
{
    s->ctx = sl_ctx_new();
    s->c = sl_corpus_new(s->ctx);
    if (jsonl && *jsonl)
        assert_int_equal(sl_corpus_add_buffer(s->ctx, s->c, "story.jsonl", jsonl, strlen(jsonl), NULL), SL_OK);
}

static void story_close(story *s)
{
    sl_corpus_free(s->c);
    sl_ctx_free(s->ctx);
}

/* Summarizes with a method and budget; returns the picks (caller frees). */
static sl_sum_pick *summarize(story *s, sl_sum_method m, size_t words, size_t sentences,
                              size_t bytes, const char *query, size_t *n)
{
    sl_sum_opts o;
    sl_sum_pick *p = NULL;
    memset(&o, 0, sizeof(o));
    o.method = m;
    o.words = words;
    o.sentences = sentences;
    o.bytes = bytes;
    o.query = query;
    o.query_len = query ? strlen(query) : 0;
    assert_int_equal(sl_summarize(s->ctx, s->c->docs, s->c->n, &o, &p, n), SL_OK);
    return p;
}

static const char *pick_text(story *s, const sl_sum_pick *p, size_t *len)
{
    const sl_doc *d = sl_corpus_doc(s->c, p->doc);
    const sl_sentence *st = sl_doc_sentence(d, p->sent);
    const char *text = sl_doc_text(d, NULL);
    *len = st->end - st->start;
    return text + st->start;
}

static int pick_has(story *s, const sl_sum_pick *p, const char *needle)
{
    size_t len, k = strlen(needle), i;
    const char *t = pick_text(s, p, &len);
    for (i = 0; i + k <= len; i++)
        if (memcmp(t + i, needle, k) == 0)
            return 1;
    return 0;
}

static size_t count_words(const char *t, size_t n)
{
    size_t i, w = 0;
    int in = 0;
    for (i = 0; i < n; i++) {
        if (t[i] == ' ' || t[i] == '\n' || t[i] == '\t')
            in = 0;
        else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

/* ------------------------------------------------------------------ stories */

/* Four outlets on one flood.  The fact they all share: the dam failed after
 * heavy rain.  Doc 1 and doc 2 carry the same wire sentence about the
 * evacuation (doc 2 trims a word); the rest is each outlet's own colour. */
static const char *flood =
    "{\"title\": \"Dam fails in Westland\", \"source\": \"Daily Ledger\", \"date\": \"2021-05-02\", \"text\": "
    "\"The Harlow dam on the Red River failed after three days of heavy rain, officials said. "
    "About 4,000 residents of Millbrook were evacuated overnight by bus and boat. "
    "Local bakers handed out bread at the shelter on Oak Street. "
    "The mayor praised volunteers from the rowing club.\"}\n"
    "{\"title\": \"Thousands flee as dam breaks\", \"source\": \"Coast Courier\", \"date\": \"2021-05-02\", \"text\": "
    "\"Officials said heavy rain caused the Harlow dam on the Red River to fail. "
    "About 4,000 residents of Millbrook were evacuated overnight by bus. "
    "A farmer lost forty cows in the flooded pasture. "
    "Insurance adjusters are expected next week.\"}\n"
    "{\"title\": \"Red River dam collapse\", \"source\": \"Valley Post\", \"date\": \"2021-05-03\", \"text\": "
    "\"The Harlow dam failed on the Red River after heavy rain, according to officials. "
    "Engineers had warned about cracks in the spillway in 2019. "
    "The state will fund an inquiry into the maintenance records.\"}\n"
    "{\"title\": \"Flood closes schools\", \"source\": \"Metro Wire\", \"date\": \"2021-05-03\", \"text\": "
    "\"Schools in three counties closed on Monday. "
    "Heavy rain made the Harlow dam on the Red River fail, officials confirmed. "
    "Students will study online until the roads reopen.\"}\n";

/* The same flood plus an outlet covering the county election, to focus on. */
static const char *flood_and_election =
    "{\"title\": \"Dam fails\", \"source\": \"A\", \"text\": "
    "\"The Harlow dam on the Red River failed after heavy rain. "
    "Rescue crews searched flooded homes along the Red River.\"}\n"
    "{\"title\": \"Dam breaks\", \"source\": \"B\", \"text\": "
    "\"Heavy rain made the Harlow dam on the Red River fail. "
    "Flooded homes along the river were searched by rescue crews.\"}\n"
    "{\"title\": \"County vote\", \"source\": \"C\", \"text\": "
    "\"The flood delayed the county election count by two days. "
    "Election officials said turnout in the county election reached a record.\"}\n";

static const sl_sum_method all_methods[] = {
    SL_SUM_COVERAGE, SL_SUM_LEAD, SL_SUM_CENTROID, SL_SUM_LEXRANK,
    SL_SUM_TEXTRANK, SL_SUM_MMR,  SL_SUM_SUBMODULAR, SL_SUM_ILP,
};
#define NMETHODS (sizeof(all_methods) / sizeof(all_methods[0]))

/* ------------------------------------------------------------------ tests */

static void method_names_round_trip(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < SL_SUM_NMETHODS; i++)
        assert_int_equal(sl_sum_method_parse(sl_sum_method_name((sl_sum_method)i)), (int)i);
    assert_int_equal(sl_sum_method_parse("default"), SL_SUM_DEFAULT);
    assert_int_equal(sl_sum_method_parse("nope"), -1);
    assert_int_equal(sl_sum_method_parse(NULL), -1);
}

static void repeats_across_outlets_never_both(void **state)
{
    story s;
    size_t m, i, n;
    (void)state;
    story_open(&s, flood);
    for (m = 0; m < NMETHODS; m++) {
        size_t evac = 0, dam = 0;
        sl_sum_pick *p = summarize(&s, all_methods[m], 1000, 0, 0, NULL, &n);
        assert_true(n >= 3);
        for (i = 0; i < n; i++) {
            if (pick_has(&s, &p[i], "were evacuated overnight"))
                evac++;
            if (pick_has(&s, &p[i], "Harlow dam"))
                dam++;
        }
        assert_true(evac <= 1);
        assert_true(dam <= 1); /* four outlets, one fact: said once */
        free(p);
    }
    story_close(&s);
}

static void shared_fact_chosen_by_centrality(void **state)
{
    static const sl_sum_method central[] = {SL_SUM_COVERAGE, SL_SUM_CENTROID, SL_SUM_LEXRANK,
                                            SL_SUM_TEXTRANK, SL_SUM_MMR, SL_SUM_SUBMODULAR,
                                            SL_SUM_ILP};
    story s;
    size_t m, n;
    (void)state;
    story_open(&s, flood);
    for (m = 0; m < sizeof(central) / sizeof(central[0]); m++) {
        sl_sum_pick *p = summarize(&s, central[m], 0, 1, 0, NULL, &n);
        assert_int_equal(n, 1);
        if (!pick_has(&s, &p[0], "Harlow dam"))
            fail_msg("%s did not choose the shared fact", sl_sum_method_name(central[m]));
        free(p);
    }
    story_close(&s);
}

static void budget_is_never_exceeded(void **state)
{
    static const size_t words[] = {1, 5, 12, 13, 20, 30, 47, 100};
    story s;
    size_t m, b, i, n;
    (void)state;
    story_open(&s, flood);
    for (m = 0; m < NMETHODS; m++)
        for (b = 0; b < sizeof(words) / sizeof(words[0]); b++) {
            size_t total = 0, bytes = 0, len;
            sl_sum_pick *p = summarize(&s, all_methods[m], words[b], 0, 0, NULL, &n);
            for (i = 0; i < n; i++) {
                const char *t = pick_text(&s, &p[i], &len);
                total += count_words(t, len);
            }
            assert_true(total <= words[b]);
            free(p);
            p = summarize(&s, all_methods[m], 0, 0, words[b] * 6, NULL, &n);
            for (i = 0; i < n; i++) {
                pick_text(&s, &p[i], &len);
                bytes += len + (i ? 1 : 0);
            }
            assert_true(bytes <= words[b] * 6);
            free(p);
            p = summarize(&s, all_methods[m], 0, 2, 0, NULL, &n);
            assert_true(n <= 2 && n > 0);
            free(p);
        }
    story_close(&s);
}

static void budget_smaller_than_any_sentence(void **state)
{
    story s;
    size_t m, n;
    (void)state;
    story_open(&s, flood); /* the shortest sentence has 6 words */
    for (m = 0; m < NMETHODS; m++) {
        sl_sum_pick *p = summarize(&s, all_methods[m], 5, 0, 0, NULL, &n);
        assert_int_equal(n, 0);
        free(p);
        p = summarize(&s, all_methods[m], 0, 0, 20, NULL, &n);
        assert_int_equal(n, 0);
        free(p);
    }
    story_close(&s);
}

static void budget_exactly_equal(void **state)
{
    /* one sentence of exactly 8 words and 41 bytes */
    static const char *one =
        "{\"title\": \"T\", \"text\": \"The river rose eight feet over the night.\"}\n";
    story s;
    size_t m, n;
    (void)state;
    story_open(&s, one);
    for (m = 0; m < NMETHODS; m++) {
        sl_sum_pick *p = summarize(&s, all_methods[m], 8, 0, 0, NULL, &n);
        assert_int_equal(n, 1);
        free(p);
        p = summarize(&s, all_methods[m], 7, 0, 0, NULL, &n);
        assert_int_equal(n, 0);
        free(p);
        p = summarize(&s, all_methods[m], 0, 0, 41, NULL, &n);
        assert_int_equal(n, 1);
        free(p);
        p = summarize(&s, all_methods[m], 0, 0, 40, NULL, &n);
        assert_int_equal(n, 0);
        free(p);
        p = summarize(&s, all_methods[m], 0, 1, 0, NULL, &n);
        assert_int_equal(n, 1);
        free(p);
    }
    story_close(&s);
}

static void empty_story(void **state)
{
    story s;
    size_t m, n;
    (void)state;
    story_open(&s, NULL);
    for (m = 0; m < NMETHODS; m++) {
        sl_sum_pick *p = summarize(&s, all_methods[m], 100, 0, 0, NULL, &n);
        assert_int_equal(n, 0);
        free(p);
    }
    /* documents without any text */
    story_close(&s);
    story_open(&s, "{\"title\": \"\", \"text\": \" \"}\n{\"text\": \"...\"}\n");
    for (m = 0; m < NMETHODS; m++) {
        sl_sum_pick *p = summarize(&s, all_methods[m], 100, 0, 0, "anything", &n);
        assert_int_equal(n, 0);
        free(p);
    }
    story_close(&s);
}

static void one_document_story(void **state)
{
    static const char *one =
        "{\"title\": \"Bridge closes\", \"text\": \"The Kelso bridge closed on Monday for repairs. "
        "Engineers found rust in the main cables of the Kelso bridge. "
        "Commuters will use the ferry until the bridge reopens in June. "
        "The ferry adds twenty minutes to the trip.\"}\n";
    story s;
    size_t m, n;
    (void)state;
    story_open(&s, one);
    for (m = 0; m < NMETHODS; m++) {
        sl_sum_pick *p = summarize(&s, all_methods[m], 20, 0, 0, NULL, &n);
        assert_true(n >= 1 && n <= 2);
        assert_int_equal(p[0].doc, 0);
        assert_true(p[0].score > 0 && p[0].score <= 1.0);
        free(p);
    }
    story_close(&s);
}

static void text_without_sentence_ends(void **state)
{
    /* one long run of words, no full stop anywhere: one sentence */
    char *text = malloc(200000);
    size_t i, m, n, len = 0;
    story s;
    (void)state;
    len += (size_t)sprintf(text, "{\"title\": \"x\", \"text\": \"");
    for (i = 0; i < 5000; i++)
        len += (size_t)sprintf(text + len, "word%zu and ", i % 97);
    sprintf(text + len, "end\"}\n");
    story_open(&s, text);
    for (m = 0; m < NMETHODS; m++) {
        sl_sum_pick *p = summarize(&s, all_methods[m], 100, 0, 0, NULL, &n);
        assert_int_equal(n, 0); /* 10,001 words never fit 100 */
        free(p);
        p = summarize(&s, all_methods[m], 20000, 0, 0, NULL, &n);
        assert_true(n <= 1);
        free(p);
    }
    story_close(&s);
    free(text);
}

static void query_moves_selection(void **state)
{
    story s;
    size_t m, n;
    (void)state;
    story_open(&s, flood_and_election);
    for (m = 0; m < NMETHODS; m++) {
        sl_sum_pick *p = summarize(&s, all_methods[m], 0, 1, 0, NULL, &n);
        assert_int_equal(n, 1);
        if (all_methods[m] != SL_SUM_LEAD && pick_has(&s, &p[0], "election"))
            fail_msg("%s: the generic summary should be about the dam", sl_sum_method_name(all_methods[m]));
        free(p);
        p = summarize(&s, all_methods[m], 0, 1, 0, "When is the county election result?", &n);
        assert_int_equal(n, 1);
        if (!pick_has(&s, &p[0], "election"))
            fail_msg("%s ignored the query", sl_sum_method_name(all_methods[m]));
        free(p);
    }
    story_close(&s);
}

static void debris_is_never_chosen(void **state)
{
    static const char *page =
        "{\"title\": \"Mine rescue\", \"text\": \"Rescuers reached the twelve trapped miners at dawn.\\n\\n"
        "Copyright 2021 Mine News. All rights reserved.\\n\\n"
        "Click here to subscribe to our newsletter about miners: http://example.com/miners\"}\n"
        "{\"title\": \"Miners saved\", \"text\": \"All twelve trapped miners were brought up at dawn by rescuers.\\n\\n"
        "Copyright 2021 Mine News. All rights reserved.\"}\n";
    story s;
    size_t m, i, n;
    (void)state;
    story_open(&s, page);
    for (m = 0; m < NMETHODS; m++) {
        sl_sum_pick *p = summarize(&s, all_methods[m], 500, 0, 0, NULL, &n);
        assert_true(n >= 1);
        for (i = 0; i < n; i++) {
            assert_false(pick_has(&s, &p[i], "Copyright"));
            assert_false(pick_has(&s, &p[i], "http"));
        }
        free(p);
    }
    story_close(&s);
}

static void standalone_preferred_to_dangling(void **state)
{
    /* two outlets, same fact; one opens with a pronoun */
    static const char *two =
        "{\"title\": \"a\", \"text\": \"He said the Dunmore factory would close in March with 300 jobs lost.\"}\n"
        "{\"title\": \"b\", \"text\": \"The owner said the Dunmore factory would close in March with 300 jobs lost.\"}\n";
    static const sl_sum_method m3[] = {SL_SUM_COVERAGE, SL_SUM_CENTROID, SL_SUM_LEXRANK,
                                       SL_SUM_TEXTRANK, SL_SUM_MMR, SL_SUM_SUBMODULAR, SL_SUM_ILP};
    story s;
    size_t m, n;
    (void)state;
    story_open(&s, two);
    for (m = 0; m < sizeof(m3) / sizeof(m3[0]); m++) {
        sl_sum_pick *p = summarize(&s, m3[m], 100, 0, 0, NULL, &n);
        assert_int_equal(n, 1); /* the two are one sentence twice */
        if (!pick_has(&s, &p[0], "The owner"))
            fail_msg("%s chose the dangling sentence", sl_sum_method_name(m3[m]));
        free(p);
    }
    story_close(&s);
}

static void ordered_by_date_then_position(void **state)
{
    static const char *dated =
        "{\"title\": \"late\", \"date\": \"2020-03-05\", \"text\": \"Workers repaired the Tallis pier roof on Friday. "
        "The Tallis pier reopened to walkers on Saturday morning.\"}\n"
        "{\"title\": \"early\", \"date\": \"2020-03-01\", \"text\": \"A storm tore the roof off the Tallis pier on Sunday. "
        "Waves of ten metres hit the Tallis pier.\"}\n";
    story s;
    size_t n, i;
    sl_sum_pick *p;
    (void)state;
    story_open(&s, dated);
    p = summarize(&s, SL_SUM_COVERAGE, 1000, 0, 0, NULL, &n);
    assert_true(n >= 2);
    assert_int_equal(p[0].doc, 1); /* the earlier article first */
    for (i = 1; i < n; i++)
        if (p[i].doc == p[i - 1].doc)
            assert_true(p[i].sent > p[i - 1].sent);
    free(p);
    story_close(&s);
}

/* ------------------------------------------------------------------ public API */

static void digest_api_and_writers(void **state)
{
    story s;
    sl_digest *d = NULL, *d2 = NULL;
    sl_digest_opts o = SL_DIGEST_OPTS_INIT;
    sl_render_opts ro = SL_RENDER_OPTS_INIT;
    char *a = NULL, *b = NULL;
    size_t la, lb, i;
    const char *const *names = sl_digest_methods();
    (void)state;
    assert_string_equal(names[0], "coverage");
    story_open(&s, flood);
    assert_int_equal(sl_digest_new(s.ctx, s.c, &o, &d), SL_OK);
    assert_string_equal(sl_digest_method(d), "coverage");
    assert_null(sl_digest_query(d));
    assert_true(sl_digest_summary_count(d) >= 2);
    for (i = 0; i < sl_digest_summary_count(d); i++) {
        const sl_summary_item *it = sl_digest_summary_item(d, i);
        assert_non_null(it);
        assert_int_equal(strlen(it->text), it->len);
        assert_true(it->doc < 4);
    }
    assert_null(sl_digest_summary_item(d, 99));
    assert_string_equal(sl_digest_doc_id(d, 0), "story#1");

    /* JSON: fixed key order, byte-identical across runs */
    assert_int_equal(sl_digest_render(d, "json", NULL, &a, &la), SL_OK);
    assert_int_equal(sl_digest_new(s.ctx, s.c, &o, &d2), SL_OK);
    assert_int_equal(sl_digest_render(d2, "json", NULL, &b, &lb), SL_OK);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    assert_non_null(strstr(a, "\"schema\": 2"));
    assert_true(strstr(a, "\"schema\"") < strstr(a, "\"query\""));
    assert_true(strstr(a, "\"query\"") < strstr(a, "\"method\""));
    assert_true(strstr(a, "\"budget\"") < strstr(a, "\"documents\""));
    assert_true(strstr(a, "\"documents\"") < strstr(a, "\"summary\""));
    assert_non_null(strstr(a, "\"precision\": \"day\""));
    sl_free(a);
    sl_free(b);
    sl_digest_free(d2);

    /* text: marks and sources; wrapped */
    ro.width = 40;
    assert_int_equal(sl_digest_render(d, "text", &ro, &a, &la), SL_OK);
    assert_non_null(strstr(a, " [1]"));
    assert_non_null(strstr(a, "Sources:\n[1] "));
    {
        const char *line = a, *nl;
        while ((nl = strchr(line, '\n'))) {
            size_t cols = 0;
            const char *q;
            for (q = line; q < nl; q++)
                cols += ((unsigned char)*q & 0xC0) != 0x80; /* characters, not bytes */
            assert_true(cols <= 40 || memchr(line, ' ', (size_t)(nl - line)) == NULL);
            line = nl + 1;
        }
    }
    sl_free(a);
    assert_int_equal(sl_digest_render(d, "md", NULL, &a, &la), SL_OK);
    assert_non_null(strstr(a, "[^1]\n"));
    assert_non_null(strstr(a, "\n[^1]: "));
    sl_free(a);
    assert_int_equal(sl_digest_render(d, "yaml", NULL, &a, &la), SL_EINVAL);
    assert_null(a);
    assert_non_null(strstr(sl_errmsg(s.ctx), "yaml"));
    sl_digest_free(d);

    /* a query is reported; an unknown method is an error */
    o.query = "election?";
    o.query_len = strlen(o.query);
    o.sentences = 1;
    assert_int_equal(sl_digest_new(s.ctx, s.c, &o, &d), SL_OK);
    assert_string_equal(sl_digest_query(d), "election?");
    assert_int_equal(sl_digest_render(d, "json", NULL, &a, &la), SL_OK);
    assert_non_null(strstr(a, "\"query\": \"election?\""));
    assert_non_null(strstr(a, "\"words\": null"));
    sl_free(a);
    sl_digest_free(d);
    o.method = "magic";
    assert_int_equal(sl_digest_new(s.ctx, s.c, &o, &d), SL_EINVAL);
    assert_null(d);
    assert_non_null(strstr(sl_errmsg(s.ctx), "magic"));
    sl_digest_free(NULL);
    story_close(&s);
}

static void digest_ids_are_unique(void **state)
{
    story s;
    sl_digest *d = NULL;
    static const char *t = "{\"id\": \"x\", \"text\": \"One thing happened here today.\"}\n"
                           "{\"id\": \"x\", \"text\": \"Another thing happened there.\"}\n";
    (void)state;
    story_open(&s, t);
    assert_int_equal(sl_digest_new(s.ctx, s.c, NULL, &d), SL_OK);
    assert_string_equal(sl_digest_doc_id(d, 0), "x");
    assert_string_equal(sl_digest_doc_id(d, 1), "x-2");
    sl_digest_free(d);
    story_close(&s);
}

static void digest_of_empty_corpus(void **state)
{
    story s;
    sl_digest *d = NULL;
    char *out;
    size_t len;
    (void)state;
    story_open(&s, NULL);
    assert_int_equal(sl_digest_new(s.ctx, s.c, NULL, &d), SL_OK);
    assert_int_equal(sl_digest_summary_count(d), 0);
    assert_int_equal(sl_digest_render(d, "text", NULL, &out, &len), SL_OK);
    assert_non_null(strstr(out, "No summary"));
    sl_free(out);
    assert_int_equal(sl_digest_render(d, "json", NULL, &out, &len), SL_OK);
    assert_non_null(strstr(out, "\"summary\": []"));
    sl_free(out);
    sl_digest_free(d);
    story_close(&s);
}

/* The seeds, when present: every method, several budgets, within budget. */
static void seeds_within_budget(void **state)
{
    static const char *seeds[] = {"../shared/seeds/000_bf3743aa46eec9a7.txt",
                                  "../shared/seeds/001_dbd56400379d8ad2.txt",
                                  "../shared/seeds/002_6660d5e79768342f.txt",
                                  "../shared/seeds/003_3104391d09397748.txt"};
    story s;
    size_t m, i, k, n;
    (void)state;
    story_open(&s, NULL);
    for (i = 0; i < 4; i++)
        if (sl_corpus_add_path(s.ctx, s.c, seeds[i], NULL) < 0) {
            story_close(&s);
            skip();
        }
    for (m = 0; m < NMETHODS; m++)
        for (k = 10; k <= 250; k += 60) {
            size_t total = 0, len;
            sl_sum_pick *p = summarize(&s, all_methods[m], k, 0, 0, "Why is the Korean War not over?", &n);
            for (i = 0; i < n; i++) {
                const char *t = pick_text(&s, &p[i], &len);
                total += count_words(t, len);
            }
            assert_true(total <= k);
            if (k >= 70)
                assert_true(n > 0);
            free(p);
        }
    story_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(method_names_round_trip),
        cmocka_unit_test(repeats_across_outlets_never_both),
        cmocka_unit_test(shared_fact_chosen_by_centrality),
        cmocka_unit_test(budget_is_never_exceeded),
        cmocka_unit_test(budget_smaller_than_any_sentence),
        cmocka_unit_test(budget_exactly_equal),
        cmocka_unit_test(empty_story),
        cmocka_unit_test(one_document_story),
        cmocka_unit_test(text_without_sentence_ends),
        cmocka_unit_test(query_moves_selection),
        cmocka_unit_test(debris_is_never_chosen),
        cmocka_unit_test(standalone_preferred_to_dangling),
        cmocka_unit_test(ordered_by_date_then_position),
        cmocka_unit_test(digest_api_and_writers),
        cmocka_unit_test(digest_ids_are_unique),
        cmocka_unit_test(digest_of_empty_corpus),
        cmocka_unit_test(seeds_within_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
