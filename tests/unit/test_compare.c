/*
 * test_compare.c: the comparison of sources (src/story/compare.c,
 * src/story/facts.c) and its place in the digest.
 *
 * The labelled clusters of tests/data/compare/ (see its README) are the
 * main cases: every disagreement labelled must be found, none reported
 * that is not labelled (compatible facts), and every agreement labelled
 * found from two sources or more, none other.  Then single rules with
 * small stories, the public accessors, the writers, the baseline's equal
 * answer, and inputs that must not crash or blow up.
 */
#include "unit.h"

#include <dirent.h>

#include "story/compare.h"
#include "story/facts.h"

/* ------------------------------------------------------------------ helpers */

typedef struct story {
    sl_ctx *ctx;
    sl_corpus *c;
    sl_entities *e;
    sl_cmp_result r;
} story;

/* Compares the JSON-lines articles of `jsonl`. */
static void story_run(story *s, const char *jsonl, const sl_cmp_opts *o)
{
    s->ctx = sl_ctx_new();
    s->c = sl_corpus_new(s->ctx);
    if (jsonl && *jsonl)
        assert_true(sl_corpus_add_buffer(s->ctx, s->c, "story.jsonl", jsonl, strlen(jsonl), NULL) >= 0);
    s->e = sl_entities_new(s->ctx, s->c);
    assert_int_equal(sl_compare(s->ctx, s->c->docs, s->c->n, s->e, o, &s->r), SL_OK);
}

static void story_close(story *s)
{
    sl_cmp_result_free(&s->r);
    sl_entities_free(s->e);
    sl_corpus_free(s->c);
    sl_ctx_free(s->ctx);
}

static size_t names(const char *v, char out[][96], size_t max)
{
    size_t n = 0;
    const char *p = v;
    while (*p && n < max) {
        const char *e = p, *next = NULL;
        for (; *e; e++) {
            if (e[0] == ',' && e[1] == ' ') {
                next = e + 2;
                break;
            }
            if (!strncmp(e, " and ", 5)) {
                next = e + 5;
                break;
            }
        }
        snprintf(out[n], 96, "%.*s", (int)(e - p), p);
        n++;
        p = next ? next : e;
    }
    return n;
}

/* Values are equal; actors as sets of names. */
static int same_value(const char *kind, const char *a, const char *b)
{
    char x[8][96], y[8][96];
    size_t nx, ny, i, j;
    if (strcmp(kind, "actor") != 0)
        return strcmp(a, b) == 0;
    nx = names(a, x, 8);
    ny = names(b, y, 8);
    if (nx != ny)
        return 0;
    for (i = 0; i < nx; i++) {
        for (j = 0; j < ny; j++)
            if (!strcmp(x[i], y[j]))
                break;
        if (j == ny)
            return 0;
    }
    return 1;
}

static int item_has(const sl_cmp_item *it, const char *v)
{
    size_t j;
    if (it->value && same_value(it->kind, it->value, v))
        return 1;
    for (j = 0; j < it->nclaims; j++)
        if (same_value(it->kind, it->claims[j].value, v))
            return 1;
    return 0;
}

static size_t item_docs(const sl_cmp_item *it)
{
    size_t i, j, n = 0;
    for (i = 0; i < it->nclaims; i++) {
        for (j = 0; j < i; j++)
            if (it->claims[j].doc == it->claims[i].doc)
                break;
        n += j == i;
    }
    return n;
}

/* The first item of the kind holding every one of the values, or NULL. */
static const sl_cmp_item *find(const sl_cmp_item *v, size_t n, const char *kind, const char *const *vals)
{
    size_t i, k;
    for (i = 0; i < n; i++) {
        if (strcmp(v[i].kind, kind) != 0)
            continue;
        for (k = 0; vals[k]; k++)
            if (!item_has(&v[i], vals[k]))
                break;
        if (!vals[k])
            return &v[i];
    }
    return NULL;
}

/* Every claim is a sentence of its document, with a value. */
static void check_claims(const sl_corpus *c, const sl_cmp_item *v, size_t n, int agree)
{
    size_t i, j;
    for (i = 0; i < n; i++) {
        assert_non_null(v[i].about);
        assert_true(strlen(v[i].about) > 0);
        assert_non_null(v[i].kind);
        assert_true(v[i].nclaims >= 2);
        assert_true(item_docs(&v[i]) >= 2);
        if (agree)
            assert_non_null(v[i].value);
        else
            assert_null(v[i].value);
        for (j = 0; j < v[i].nclaims; j++) {
            const sl_claim *cl = &v[i].claims[j];
            const sl_doc *d;
            const sl_sentence *st;
            assert_true(cl->doc < c->n);
            d = c->docs[cl->doc];
            assert_true(cl->sentence < d->nsents);
            st = &d->sents[cl->sentence];
            assert_non_null(cl->text);
            assert_non_null(cl->value);
            assert_true(strlen(cl->value) > 0);
            /* the sentence as written (white space runs made one space) */
            assert_true(strlen(cl->text) <= st->end - st->start);
            assert_memory_equal(cl->text, d->text.ptr + st->start, 4 < strlen(cl->text) ? 4 : strlen(cl->text));
            if (j)
                assert_true(cl->doc >= v[i].claims[j - 1].doc);
        }
    }
}

/* ------------------------------------------------------------------ the labelled clusters */

typedef struct label {
    const char *values[9];
    char kind[16];
    int disagree;
    int found;
} label;

static void run_cluster(const char *path, int all_pairs)
{
    size_t len = 0, nl = 0, i, k;
    char *text = unit_read_file(path, &len), *line, *save = NULL;
    char *docs = calloc(len + 1, 1);
    size_t nd = 0;
    label labels[32];
    story s;
    sl_cmp_opts o;
    memset(&o, 0, sizeof(o));
    o.all_pairs = all_pairs;
    assert_non_null(text);
    memset(labels, 0, sizeof(labels));
    for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '{') {
            size_t n = strlen(line);
            memcpy(docs + nd, line, n + 1);
            nd += n;
            docs[nd++] = '\n';
        } else if (!strncmp(line, "disagree ", 9) || !strncmp(line, "agree ", 6)) {
            label *l = &labels[nl++];
            char *p = strchr(line, ' ') + 1, *rest = strchr(p, ' ');
            size_t nv = 0;
            assert_true(nl <= 32);
            assert_non_null(rest);
            *rest++ = '\0';
            l->disagree = line[0] == 'd';
            snprintf(l->kind, sizeof(l->kind), "%s", p);
            while (rest && nv < 8) {
                char *bar = strstr(rest, " | ");
                if (bar)
                    *bar = '\0';
                l->values[nv++] = rest;
                rest = bar ? bar + 3 : NULL;
            }
            l->values[nv] = NULL;
        }
    }
    story_run(&s, docs, &o);
    check_claims(s.c, s.r.disagree, s.r.ndisagree, 0);
    check_claims(s.c, s.r.agree, s.r.nagree, 1);
    /* every label found */
    for (i = 0; i < nl; i++) {
        const sl_cmp_item *it = labels[i].disagree
                                    ? find(s.r.disagree, s.r.ndisagree, labels[i].kind, labels[i].values)
                                    : find(s.r.agree, s.r.nagree, labels[i].kind, labels[i].values);
        if (!it)
            fail_msg("%s: %s %s %s not found", path, labels[i].disagree ? "disagreement" : "agreement",
                     labels[i].kind, labels[i].values[0]);
    }
    /* nothing else reported */
    for (k = 0; k < 2; k++) {
        const sl_cmp_item *v = k ? s.r.agree : s.r.disagree;
        size_t n = k ? s.r.nagree : s.r.ndisagree;
        for (i = 0; i < n; i++) {
            size_t j, q;
            for (j = 0; j < nl; j++) {
                if (labels[j].disagree == (int)k || strcmp(labels[j].kind, v[i].kind) != 0)
                    continue;
                for (q = 0; labels[j].values[q]; q++)
                    if (!item_has(&v[i], labels[j].values[q]))
                        break;
                if (!labels[j].values[q])
                    break;
            }
            if (j == nl)
                fail_msg("%s: unexpected %s: %s %s (%s)", path, k ? "agreement" : "disagreement", v[i].kind,
                         v[i].about, v[i].claims[0].value);
        }
    }
    story_close(&s);
    free(docs);
    free(text);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void for_each_cluster(int all_pairs)
{
    DIR *d = opendir("tests/data/compare");
    struct dirent *e;
    char *files[64];
    size_t n = 0, i;
    assert_non_null(d);
    while ((e = readdir(d)) && n < 64) {
        size_t len = strlen(e->d_name);
        if (len > 4 && !strcmp(e->d_name + len - 4, ".txt") && e->d_name[0] >= '0' && e->d_name[0] <= '9') {
            char path[512];
            snprintf(path, sizeof(path), "tests/data/compare/%s", e->d_name);
            files[n++] = strdup(path);
        }
    }
    closedir(d);
    assert_true(n >= 10);
    qsort(files, n, sizeof(*files), cmp_str);
    for (i = 0; i < n; i++) {
        run_cluster(files[i], all_pairs);
        free(files[i]);
    }
}

static void labelled_clusters(void **state)
{
    (void)state;
    for_each_cluster(0);
}

static void labelled_clusters_all_pairs(void **state)
{
    (void)state;
    for_each_cluster(1);
}

/* ------------------------------------------------------------------ single rules */

static size_t count_kind(const sl_cmp_item *v, size_t n, const char *kind)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += strcmp(v[i].kind, kind) == 0;
    return k;
}

/* "a 68-year war" and "the armistice sixty-five years ago" in 2018 are
 * two facts: a duration and a date, never compared. */
static void duration_and_date_apart(void **state)
{
    story s;
    (void)state;
    story_run(&s,
              "{\"id\": \"a\", \"date\": \"2018-04-27\", \"text\": \"The leaders may end the 68-year war. "
              "The armistice was signed sixty-five years ago, in 1953.\"}\n"
              "{\"id\": \"b\", \"date\": \"2018-04-28\", \"text\": \"The leaders may end the war that "
              "began 68 years ago. The armistice was signed in 1953.\"}\n",
              NULL);
    assert_int_equal(s.r.ndisagree, 0);
    {
        static const char *const v[] = {"1953", NULL};
        assert_non_null(find(s.r.agree, s.r.nagree, "date", v));
    }
    story_close(&s);
}

/* Rounding and approximators: "more than 28,000" and "28,500"; "about 200"
 * and "212"; a range and a figure in it. */
static void compatible_figures(void **state)
{
    story s;
    (void)state;
    story_run(&s,
              "{\"id\": \"a\", \"text\": \"The United States keeps more than 28,000 troops in South Korea. "
              "About 200 people were evacuated from the island.\"}\n"
              "{\"id\": \"b\", \"text\": \"The United States keeps 28,500 troops in South Korea. "
              "Officials said 212 people were evacuated from the island.\"}\n"
              "{\"id\": \"c\", \"text\": \"The United States keeps between 28,000 and 29,000 troops in South Korea.\"}\n",
              NULL);
    assert_int_equal(s.r.ndisagree, 0);
    {
        static const char *const troops[] = {"more than 28,000", "28,500", NULL};
        static const char *const people[] = {"About 200", "212", NULL};
        const sl_cmp_item *it = find(s.r.agree, s.r.nagree, "number", troops);
        assert_non_null(it);
        assert_int_equal(item_docs(it), 3);
        assert_non_null(find(s.r.agree, s.r.nagree, "number", people));
    }
    story_close(&s);
}

/* The same slot filled differently: a number, a date, an actor. */
static void conflicts_found(void **state)
{
    story s;
    (void)state;
    story_run(&s,
              "{\"id\": \"a\", \"text\": \"The United States keeps 28,000 troops in South Korea. "
              "The bridge over the Vesle river was opened in 1932. "
              "The United States and the Soviet Union divided the country in 1945.\"}\n"
              "{\"id\": \"b\", \"text\": \"The United States keeps 37,000 troops in South Korea. "
              "The bridge over the Vesle river was opened in 1936. "
              "The United Nations divided the country in 1945.\"}\n",
              NULL);
    {
        static const char *const troops[] = {"28,000", "37,000", NULL};
        static const char *const year[] = {"1932", "1936", NULL};
        static const char *const who[] = {"United States and Soviet Union", "United Nations", NULL};
        assert_non_null(find(s.r.disagree, s.r.ndisagree, "number", troops));
        assert_non_null(find(s.r.disagree, s.r.ndisagree, "date", year));
        assert_non_null(find(s.r.disagree, s.r.ndisagree, "actor", who));
    }
    assert_int_equal(s.r.ndisagree, 3);
    story_close(&s);
}

/* A part is not the whole; a rate is not a total; a bound is not a point;
 * a kind of person is not every person. */
static void different_facts(void **state)
{
    story s;
    (void)state;
    story_run(&s,
              "{\"id\": \"a\", \"text\": \"All 212 people aboard the ferry were rescued. Since 1990 the dam "
              "has held. The clinic treats 40 patients a day. 19 people were killed in the blast.\"}\n"
              "{\"id\": \"b\", \"text\": \"The last 40 people aboard the ferry were rescued at dawn. The dam "
              "held in 1995. The clinic has treated 9,000 patients. The blast killed two children.\"}\n",
              NULL);
    assert_int_equal(s.r.ndisagree, 0);
    story_close(&s);
}

/* Relative dates resolve against each article's own date, never the clock. */
static void relative_dates(void **state)
{
    story s;
    (void)state;
    story_run(&s,
              "{\"id\": \"a\", \"date\": \"2021-05-02\", \"text\": \"The Harlow dam failed on Saturday after days of rain.\"}\n"
              "{\"id\": \"b\", \"date\": \"2021-05-03\", \"text\": \"The Harlow dam failed on Saturday, officials said.\"}\n"
              "{\"id\": \"c\", \"date\": \"2021-05-02\", \"text\": \"The Harlow dam failed yesterday after days of rain.\"}\n",
              NULL);
    {
        static const char *const v[] = {"2021-05-01", NULL};
        const sl_cmp_item *it = find(s.r.agree, s.r.nagree, "date", v);
        assert_non_null(it);
        assert_int_equal(item_docs(it), 3);
    }
    assert_int_equal(s.r.ndisagree, 0);
    story_close(&s);
    /* undated articles: "Saturday" is no date at all */
    story_run(&s,
              "{\"id\": \"a\", \"text\": \"The Harlow dam failed on Saturday after days of rain.\"}\n"
              "{\"id\": \"b\", \"text\": \"The Harlow dam failed on Saturday, officials said.\"}\n",
              NULL);
    assert_int_equal(count_kind(s.r.agree, s.r.nagree, "date"), 0);
    story_close(&s);
}

/* An article that states both values is not contradicting either. */
static void both_values_stated(void **state)
{
    story s;
    (void)state;
    story_run(&s,
              "{\"id\": \"a\", \"text\": \"The war began in 1950 and the armistice was signed in 1953.\"}\n"
              "{\"id\": \"b\", \"text\": \"The armistice was signed in 1953, three years after the war began.\"}\n",
              NULL);
    assert_int_equal(s.r.ndisagree, 0);
    story_close(&s);
}

/* The facts themselves: values, precision, flags. */
static void fact_values(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_svset sv;
    sl_factset fs;
    sl_entities *e;
    static const char *text =
        "{\"id\": \"a\", \"date\": \"2018-07-27\", \"text\": \"Sixty-five years ago this week, on 27 July, 1953, "
        "the armistice ended three years of brutal fighting. The United States keeps more than 28,000 troops "
        "there, at a cost of $5 billion. The 68-year-old veteran recalled the 1950s. From 1910 to 1945 Japan "
        "ruled. It took about an hour.\"}\n";
    const char *want[] = {"1953-07-27", "P3Y", "more than 28,000", "$5 billion", "195", "1910/1945",
                          "~ PT1H", NULL};
    size_t i, k;
    (void)state;
    assert_true(sl_corpus_add_buffer(ctx, c, "a.jsonl", text, strlen(text), NULL) >= 0);
    e = sl_entities_new(ctx, c);
    sl_svset_build(ctx, c->docs, c->n, NULL, 0, &sv);
    sl_facts_extract(ctx, &sv, e, 0, &fs);
    for (k = 0; want[k]; k++) {
        for (i = 0; i < fs.n; i++)
            if (!strcmp(fs.f[i].value, want[k]))
                break;
        if (i == fs.n)
            fail_msg("no fact %s", want[k]);
    }
    for (i = 0; i < fs.n; i++) {
        const sl_fact *f = &fs.f[i];
        assert_true(f->lo <= f->hi);
        if (!strcmp(f->value, "more than 28,000")) {
            assert_int_equal(f->kind, SL_FK_NUMBER);
            assert_true(f->lo <= 28000 && f->lo > 27000);
            assert_true(f->hi > 1e300);
        }
        if (!strcmp(f->value, "1953")) /* "Sixty-five years ago" in 2018 */
            assert_true(f->flags & SL_FF_RELATIVE);
        /* "68-year-old" is an age, not a duration */
        assert_false(f->kind == SL_FK_DURATION && f->point > 60 * 365.0);
    }
    sl_factset_free(&fs);
    sl_svset_free(&sv);
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

/* ------------------------------------------------------------------ the digest */

static const char *ferry =
    "{\"id\": \"herald\", \"source\": \"Herald\", \"date\": \"2026-03-04\", \"text\": \"The ferry Northern Light ran "
    "aground off Kesterholm on Tuesday night, and all 212 people aboard were brought ashore safely, the coast "
    "guard said. It was the second accident on the route; the first was in 2011, when a smaller ferry lost "
    "power near the same sandbank.\"}\n"
    "{\"id\": \"wire\", \"source\": \"Wire\", \"date\": \"2026-03-05\", \"text\": \"Navy helicopters joined the "
    "rescue of the 214 passengers and crew of the Northern Light, which ran aground near Kesterholm on "
    "Tuesday. The route had one earlier accident, in 2012, when a ferry lost power near the same sandbank.\"}\n";

static void digest_api(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_digest *d = NULL, *d2 = NULL;
    sl_cmp_fact f;
    sl_cmp_claim cl;
    char *a = NULL, *b = NULL;
    size_t la, lb, i;
    const char *p;
    (void)state;
    assert_true(sl_corpus_add_buffer(ctx, c, "ferry.jsonl", ferry, strlen(ferry), NULL) >= 0);
    assert_int_equal(sl_digest_new(ctx, c, NULL, &d), SL_OK);
    assert_non_null(sl_digest_entities(d));
    assert_true(sl_entities_count(sl_digest_entities(d)) > 0);
    assert_int_equal(sl_digest_disagree_count(d), 2);
    assert_true(sl_digest_agree_count(d) >= 1);
    for (i = 0; i < sl_digest_disagree_count(d); i++) {
        assert_int_equal(sl_digest_disagreement(d, i, &f), SL_OK);
        assert_null(f.value);
        assert_true(f.nclaims >= 2);
        assert_int_equal(sl_digest_claim(d, 1, i, 0, &cl), SL_OK);
        assert_true(cl.doc < 2);
        assert_non_null(strstr(cl.text, cl.doc == 0 && !strcmp(f.kind, "number") ? "212" : ""));
        assert_int_equal(sl_digest_claim(d, 1, i, f.nclaims, &cl), SL_EINVAL);
        assert_null(cl.text);
    }
    assert_int_equal(sl_digest_agreement(d, 0, &f), SL_OK);
    assert_non_null(f.value);
    assert_int_equal(sl_digest_agreement(d, 999, &f), SL_EINVAL);
    assert_int_equal(sl_digest_disagreement(d, 999, &f), SL_EINVAL);
    assert_int_equal(sl_digest_claim(d, 0, 999, 0, &cl), SL_EINVAL);
    assert_int_equal(sl_digest_agree_count(NULL), 0);
    assert_null(sl_digest_entities(NULL));

    /* JSON: entities then comparison after the summary; byte-identical */
    assert_int_equal(sl_digest_render(d, "json", NULL, &a, &la), SL_OK);
    assert_int_equal(sl_digest_new(ctx, c, NULL, &d2), SL_OK);
    assert_int_equal(sl_digest_render(d2, "json", NULL, &b, &lb), SL_OK);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    assert_true(strstr(a, "\"summary\"") < strstr(a, "\"entities\""));
    assert_true(strstr(a, "\"entities\"") < strstr(a, "\"comparison\""));
    p = strstr(a, "\"comparison\"");
    assert_non_null(strstr(p, "\"agree\""));
    assert_non_null(strstr(p, "\"disagree\""));
    assert_non_null(strstr(p, "\"value\": \"214\""));
    assert_non_null(strstr(p, "\"value\": \"2012\""));
    assert_non_null(strstr(a, "\"mentions\": ["));
    assert_non_null(strstr(a, "\"doc\": \"wire\""));
    sl_free(a);
    sl_free(b);

    /* text and Markdown show them (src/output/), sources numbered */
    assert_int_equal(sl_digest_render(d, "text", NULL, &a, &la), SL_OK);
    assert_non_null(strstr(a, "Sources compared"));
    assert_non_null(strstr(a, "Disagree: number of people aboard"));
    assert_non_null(strstr(a, "212: "));
    assert_non_null(strstr(a, "214: "));
    assert_non_null(strstr(a, "Sources:\n[1] "));
    assert_non_null(strstr(a, "\n[2] "));
    sl_free(a);
    assert_int_equal(sl_digest_render(d, "md", NULL, &a, &la), SL_OK);
    assert_non_null(strstr(a, "**number of people aboard**"));
    assert_non_null(strstr(a, "| 212 |"));
    assert_non_null(strstr(a, "| 214 |"));
    assert_non_null(strstr(a, "\n[^2]: "));
    sl_free(a);
    sl_digest_free(d);
    sl_digest_free(d2);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

/* The inverted index and the all-pairs baseline give the same items. */
static void index_equals_baseline(void **state)
{
    static const char *seeds[] = {"../shared/seeds/000_bf3743aa46eec9a7.txt",
                                  "../shared/seeds/001_dbd56400379d8ad2.txt",
                                  "../shared/seeds/002_6660d5e79768342f.txt",
                                  "../shared/seeds/003_3104391d09397748.txt"};
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_entities *e;
    sl_cmp_result r1, r2;
    sl_cmp_opts o;
    size_t i, j;
    (void)state;
    assert_true(sl_corpus_add_buffer(ctx, c, "ferry.jsonl", ferry, strlen(ferry), NULL) >= 0);
    for (i = 0; i < 4; i++)
        sl_corpus_add_path(ctx, c, seeds[i], NULL); /* optional */
    e = sl_entities_new(ctx, c);
    memset(&o, 0, sizeof(o));
    sl_compare(ctx, c->docs, c->n, e, &o, &r1);
    o.all_pairs = 1;
    sl_compare(ctx, c->docs, c->n, e, &o, &r2);
    assert_int_equal(r1.nagree, r2.nagree);
    assert_int_equal(r1.ndisagree, r2.ndisagree);
    assert_int_equal(r1.npairs, r2.npairs);
    for (i = 0; i < r1.ndisagree; i++) {
        assert_string_equal(r1.disagree[i].about, r2.disagree[i].about);
        assert_int_equal(r1.disagree[i].nclaims, r2.disagree[i].nclaims);
        for (j = 0; j < r1.disagree[i].nclaims; j++)
            assert_string_equal(r1.disagree[i].claims[j].value, r2.disagree[i].claims[j].value);
    }
    for (i = 0; i < r1.nagree; i++)
        assert_string_equal(r1.agree[i].value, r2.agree[i].value);
    sl_cmp_result_free(&r1);
    sl_cmp_result_free(&r2);
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

/* The seeds, when present: who divided Korea is disputed; the armistice
 * date and the 68-year war agree. */
static void seeds(void **state)
{
    static const char *paths[] = {"../shared/seeds/000_bf3743aa46eec9a7.txt",
                                  "../shared/seeds/001_dbd56400379d8ad2.txt",
                                  "../shared/seeds/002_6660d5e79768342f.txt",
                                  "../shared/seeds/003_3104391d09397748.txt"};
    sl_ctx *ctx = sl_ctx_new();
    sl_corpus *c = sl_corpus_new(ctx);
    sl_entities *e;
    sl_cmp_result r;
    size_t i;
    (void)state;
    for (i = 0; i < 4; i++)
        if (sl_corpus_add_path(ctx, c, paths[i], NULL) < 0) {
            sl_corpus_free(c);
            sl_ctx_free(ctx);
            skip();
        }
    e = sl_entities_new(ctx, c);
    sl_compare(ctx, c->docs, c->n, e, NULL, &r);
    {
        static const char *const who[] = {"United Nations", NULL};
        static const char *const when[] = {"1953-07-27", NULL};
        static const char *const war[] = {"P68Y", NULL};
        assert_non_null(find(r.disagree, r.ndisagree, "actor", who));
        assert_non_null(find(r.agree, r.nagree, "date", when));
        assert_non_null(find(r.agree, r.nagree, "duration", war));
    }
    check_claims(c, r.disagree, r.ndisagree, 0);
    check_claims(c, r.agree, r.nagree, 1);
    sl_cmp_result_free(&r);
    sl_entities_free(e);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
}

/* ------------------------------------------------------------------ bad input */

static void pathological(void **state)
{
    story s;
    size_t n = 2 << 20, i;
    char *big = malloc(n + 200), *p;
    (void)state;
    /* nothing at all */
    story_run(&s, NULL, NULL);
    assert_int_equal(s.r.nagree + s.r.ndisagree, 0);
    story_close(&s);
    /* 2 MB of digits and commas without a space, twice */
    p = big;
    p += sprintf(p, "{\"id\": \"x\", \"text\": \"");
    for (i = 0; i < n / 2; i++)
        *p++ = i % 4 == 3 ? ',' : (char)('0' + i % 10);
    p += sprintf(p, "\"}\n{\"id\": \"y\", \"text\": \"");
    for (i = 0; i < n / 2; i++)
        *p++ = i % 7 == 6 ? '-' : (char)('0' + i % 10);
    p += sprintf(p, "\"}\n");
    *p = '\0';
    story_run(&s, big, NULL);
    story_close(&s);
    /* many facts alike in two articles: 20,000 sentences each */
    {
        size_t cap = 4 << 20;
        char *q = malloc(cap), *w = q;
        int d;
        for (d = 0; d < 2; d++) {
            w += sprintf(w, "{\"id\": \"d%d\", \"text\": \"", d);
            for (i = 0; i < 20000; i++)
                w += sprintf(w, "In %d, %zu people were evacuated from Millbrook after the Harlow dam "
                                "failed on July %zu, 19%02zu. ",
                             d ? 1953 : 1950, 200 + i % 50 + (size_t)d, 1 + i % 28, i % 100);
            w += sprintf(w, "\"}\n");
        }
        *w = '\0';
        story_run(&s, q, NULL);
        check_claims(s.c, s.r.disagree, s.r.ndisagree, 0);
        check_claims(s.c, s.r.agree, s.r.nagree, 1);
        story_close(&s);
        free(q);
    }
    /* invalid UTF-8 and odd bytes around numbers */
    story_run(&s,
              "{\"id\": \"a\", \"text\": \"\\u00ff 212 people \\u0000 $ 5 , 000 \\u2013 1953 -- 27 July\"}\n"
              "{\"id\": \"b\", \"text\": \"214 people $5,000 July 27 1953 1953-1950 99999999999999999999 people\"}\n",
              NULL);
    story_close(&s);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(labelled_clusters),
        cmocka_unit_test(labelled_clusters_all_pairs),
        cmocka_unit_test(duration_and_date_apart),
        cmocka_unit_test(compatible_figures),
        cmocka_unit_test(conflicts_found),
        cmocka_unit_test(different_facts),
        cmocka_unit_test(relative_dates),
        cmocka_unit_test(both_values_stated),
        cmocka_unit_test(fact_values),
        cmocka_unit_test(digest_api),
        cmocka_unit_test(index_equals_baseline),
        cmocka_unit_test(seeds),
        cmocka_unit_test(pathological),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
