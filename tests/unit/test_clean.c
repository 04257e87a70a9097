/*
 * test_clean.c: the cleaner: its rule language and matcher (cleanrules.c),
 * paragraphs and reflow, headline detection, debris removal with its log,
 * repair-only mode, pathological input.
 */
#include "unit.h"

#include "text/clean.h"
#include "text/cleanrules.h"

/* ------------------------------------------------------------------ helpers */

static int pm(const char *pattern, const char *line)
{
    return sl_pattern_match(NULL, pattern, line, strlen(line), NULL, NULL);
}

typedef struct cleaned_doc {
    sl_ctx *ctx;
    sl_cleaned c;
    sl_editlog log;
} cleaned_doc;

static void clean_text(cleaned_doc *d, const char *text, int find_title, const char *known,
                       unsigned flags)
{
    sl_para *p;
    size_t n;
    memset(d, 0, sizeof(*d));
    d->ctx = sl_ctx_new();
    sl_paragraphs_from_text(text, strlen(text), &p, &n);
    sl_clean_paras(d->ctx, p, n, find_title, known, flags, &d->c, &d->log);
    free(p);
}

static void cleaned_free(cleaned_doc *d)
{
    sl_cleaned_free(&d->c);
    sl_editlog_free(&d->log);
    sl_ctx_free(d->ctx);
}

/* The text of block i (NUL-terminated copy in a static buffer). */
static const char *block_text(const cleaned_doc *d, size_t i)
{
    static char buf[4096];
    size_t n = d->c.blocks[i].end - d->c.blocks[i].start;
    if (n >= sizeof(buf))
        n = sizeof(buf) - 1;
    memcpy(buf, d->c.text.ptr + d->c.blocks[i].start, n);
    buf[n] = '\0';
    return buf;
}

static const sl_edit *find_edit(const cleaned_doc *d, const char *rule)
{
    size_t i;
    for (i = 0; i < d->log.n; i++)
        if (strcmp(d->log.items[i].rule, rule) == 0)
            return &d->log.items[i];
    return NULL;
}

static int has_text(const cleaned_doc *d, const char *s)
{
    return d->c.text.ptr && strstr(d->c.text.ptr, s) != NULL;
}

/* ------------------------------------------------------------------ the pattern language */

static void patterns_fold_case_and_typography(void **state)
{
    (void)state;
    assert_int_equal(pm("read: *", "Read: How Kim could hide his nukes"), 1);
    assert_int_equal(pm("read: *", "READ:How"), 1);
    assert_int_equal(pm("read: *", "Ready: set, go"), 0);
    assert_int_equal(pm("read: *", "Read the full report, the senator said"), 0);
    assert_int_equal(pm("don't miss *", "Don\xE2\x80\x99t miss this"), 1);
    assert_int_equal(pm("- *", "\xE2\x80\x94 a dash line"), 1);
    assert_int_equal(pm("\"yes\"", "\xE2\x80\x9CYes\xE2\x80\x9D"), 1);
    assert_int_equal(pm("a b", "a\xC2\xA0" "b"), 1); /* no-break space */
    assert_int_equal(pm("\\*\\{x\\}", "*{x}"), 1);
}

static void patterns_space_keeps_words_apart(void **state)
{
    (void)state;
    assert_int_equal(pm("click here *", "Click here."), 1);
    assert_int_equal(pm("click here *", "Click here"), 1);
    assert_int_equal(pm("click here *", "Click here to see the documents"), 1);
    assert_int_equal(pm("click here *", "Click heresy is a thing"), 0);
    assert_int_equal(pm("video*", "Videos"), 1);
    assert_int_equal(pm("* read more", "Vaginal mesh implants: 'I was dying' Read more"), 1);
    assert_int_equal(pm("* read more", "He had to thread more"), 0);
}

static void patterns_star_backtracks(void **state)
{
    (void)state;
    assert_int_equal(pm("* contributed to this report*", "Jane Roe contributed to this report."), 1);
    assert_int_equal(pm("* contributed to this report*", "Jane Roe contributed reporting."), 0);
    assert_int_equal(pm("*a*b*c", "xaxbxc"), 1);
    assert_int_equal(pm("*a*b*c", "xaxcxb"), 0);
    assert_int_equal(pm("x*", "x"), 1);
    assert_int_equal(pm("*", ""), 1);
}

static void patterns_keep_a_span(void **state)
{
    const char *cap = "Members of the public smile in the streets.REUTERS/Jorge Silva";
    size_t a = 99, b = 99;
    (void)state;
    assert_int_equal(sl_pattern_match(NULL, "{keep}{stop} reuters/{name}", cap, strlen(cap), &a, &b), 1);
    assert_int_equal(a, 0);
    assert_int_equal(b, strlen("Members of the public smile in the streets."));
    /* a credit must follow a sentence end: a poll named in a sentence stays */
    assert_int_equal(pm("{keep}{stop} reuters/{name}", "according to a Reuters/Ipsos Poll"), 0);
    assert_int_equal(pm("image caption {keep}", "Image caption The climb took 16 hours"), 1);
}

static void patterns_names(void **state)
{
    (void)state;
    assert_int_equal(pm("by {names}", "By Emily Flitter and Jonathan Allen"), 1);
    assert_int_equal(pm("by {names}", "By Lauren Lipuma"), 1);
    assert_int_equal(pm("by {names}", "By The Numbers"), 0);
    assert_int_equal(pm("by {names}", "By Tuesday, the storm had passed"), 0);
    assert_int_equal(pm("by {names}.", "By Jane Doe."), 1);
    assert_int_equal(pm("{names} contributed.", "Scott Wong, Jesse Byrnes and Peter Sullivan contributed."), 1);
    assert_int_equal(pm("{name}/{name}", "Korea Summit Press Pool/Pool"), 1);
    assert_int_equal(pm("{name}", "J. R. R. Tolkien"), 1);
    assert_int_equal(pm("{name}", "Ludwig van Beethoven"), 1);
    assert_int_equal(pm("{name}", "van Beethoven"), 0);
    assert_int_equal(pm("{name}", "Moon Jae-in"), 1);
    assert_int_equal(pm("{name}", "Moon and Kim"), 0);
    assert_int_equal(pm("{name}", "Seitz-Wald"), 1);
    assert_int_equal(pm("{name}", "\xC3\x89mile Zola"), 1);
    assert_int_equal(pm("{name}", "One Two Three Four Five Six Seven"), 0);
}

static void patterns_classes(void **state)
{
    (void)state;
    assert_int_equal(pm("{num} - *", "01 - South Korea on board"), 1);
    assert_int_equal(pm("{num} - *", "One - two"), 0);
    assert_int_equal(pm("{email}", "a.b@example.com"), 1);
    assert_int_equal(pm("{email}", "a.b@example"), 0);
    assert_int_equal(pm("{handle}", "@realDonaldTrump"), 1);
    assert_int_equal(pm("{handle}", "@"), 0);
    assert_int_equal(pm("{url}", "https://t.co/x"), 1);
    assert_int_equal(pm("{url}", "ftp://x"), 0);
    assert_int_equal(pm("{punct}", "___"), 1);
    assert_int_equal(pm("{punct}", "a_"), 0);
    assert_int_equal(pm("{word} {word}", "one two"), 1);
    assert_int_equal(pm("{keep}{stop} ({name})", "Seen on March 18. (LVMPD)"), 1);
    assert_int_equal(pm("{keep}{stop} ({name})", "the company (Acme)"), 0);
}

static void patterns_sets(void **state)
{
    sl_cleanrules *r = sl_cleanrules_new();
    const char *sets = "social\tfacebook\nsocial\ttwitter\nsocial\temail\nsocial\tshare on\n";
    const char *line;
    (void)state;
    assert_int_equal(sl_cleanrules_add_sets(r, sets, strlen(sets), "t", NULL), 0);
    line = "Facebook | Twitter | Email";
    assert_int_equal(sl_pattern_match(r, "{seq:social}", line, strlen(line), NULL, NULL), 1);
    line = "Share on Facebook";
    assert_int_equal(sl_pattern_match(r, "{seq:social}", line, strlen(line), NULL, NULL), 1);
    line = "Facebook friends";
    assert_int_equal(sl_pattern_match(r, "{seq:social}", line, strlen(line), NULL, NULL), 0);
    line = "Twitter";
    assert_int_equal(sl_pattern_match(r, "{set:social}", line, strlen(line), NULL, NULL), 1);
    line = "Twitterati";
    assert_int_equal(sl_pattern_match(r, "{set:social}*", line, strlen(line), NULL, NULL), 0);
    sl_cleanrules_free(r);
}

static void patterns_malformed_are_refused(void **state)
{
    (void)state;
    assert_int_equal(pm("{nope}", "x"), -1);
    assert_int_equal(pm("{keep} and {keep}", "x"), -1);
    assert_int_equal(pm("{set:missing}", "x"), -1);
    assert_int_equal(pm("{keep", "x"), -1);
    assert_int_equal(pm("", "x"), -1);
    assert_int_equal(pm("abc\\", "abc"), -1);
}

static void pattern_budget_bounds_backtracking(void **state)
{
    char line[2001];
    (void)state;
    memset(line, 'a', sizeof(line) - 1);
    line[sizeof(line) - 1] = '\0';
    /* exponential for a naive glob; the step budget makes it a quick "no" */
    assert_int_equal(pm("*a*a*a*a*a*a*a*a*b", line), 0);
}

/* ------------------------------------------------------------------ rule files */

static void rule_files_report_bad_lines(void **state)
{
    sl_cleanrules *r = sl_cleanrules_new();
    sl_buf err = SL_BUF_INIT;
    const char *text = "# comment\n"
                       "good\tremove words=3 nostop\tx *\ta reason\n"
                       "bad-action\tdelete\tx\tr\n"
                       "bad-cond\tremove words=x\tx\tr\n"
                       "three-fields\tremove\tx\n"
                       "strip-no-keep\tstrip\tx *\tr\n"
                       "bad-class\tremove\t{nope}\tr\n";
    (void)state;
    assert_int_equal(sl_cleanrules_add(r, text, strlen(text), "t.txt", &err), 5);
    assert_int_equal(sl_cleanrules_count(r), 1);
    assert_string_equal(sl_cleanrules_get(r, 0)->name, "good");
    assert_int_equal(sl_cleanrules_get(r, 0)->max_words, 3);
    assert_non_null(strstr(sl_buf_cstr(&err), "t.txt"));
    assert_non_null(strstr(sl_buf_cstr(&err), "unknown action"));
    sl_buf_free(&err);
    sl_cleanrules_free(r);
}

static void shipped_rules_compile(void **state)
{
    sl_cleanrules *r = sl_cleanrules_new();
    sl_buf err = SL_BUF_INIT;
    size_t bad = sl_cleanrules_load_default(r, &err);
    (void)state;
    if (bad)
        fprintf(stderr, "%s\n", sl_buf_cstr(&err));
    assert_int_equal(bad, 0);
    assert_true(sl_cleanrules_count(r) > 100);
    sl_buf_free(&err);
    sl_cleanrules_free(r);
}

static void rule_conditions(void **state)
{
    sl_cleanrules *r = sl_cleanrules_new();
    const char *text = "short\tremove words=3\tx *\tr\n"
                       "nostop\tremove nostop\ty *\tr\n"
                       "nf\tremove notfirst\tz *\tr\n"
                       "end\tremove end\tw *\tr\n"
                       "br\tremove bracket words=5 nostop\t*\tr\n"
                       "tail\tremove max=none\t* tail end\tr\n"
                       "small\tremove max=10\tq *\tr\n";
    sl_line_info mid = {0, 0}, first = {1, 0}, last = {0, 1};
    sl_rule_hit hit;
    char *big;
    size_t n = 100000;
    (void)state;
    assert_int_equal(sl_cleanrules_add(r, text, strlen(text), "t", NULL), 0);
#define M(s, li) sl_cleanrules_match(r, s, strlen(s), li, &hit)
    assert_int_equal(M("x a b", &mid), 1);
    assert_string_equal(hit.rule->name, "short");
    assert_int_equal(M("x a b c", &mid), 0);
    assert_int_equal(M("y a", &mid), 1);
    assert_int_equal(M("y a.", &mid), 0);
    assert_int_equal(M("y a.\xE2\x80\x9D", &mid), 0); /* a period inside closing quotes */
    assert_int_equal(M("z a", &first), 0);
    assert_int_equal(M("z a", &mid), 1);
    assert_int_equal(M("w a", &mid), 0);
    assert_int_equal(M("w a", &last), 1);
    assert_int_equal(M("[some words here]", &mid), 1);
    assert_string_equal(hit.rule->name, "br");
    assert_int_equal(M("(some words here)", &mid), 0);
    assert_int_equal(M("q a b c d e f", &mid), 0);
    assert_int_equal(M("q a b", &mid), 1);
    /* decoration before the text a rule reads is skipped: bullets, dashes */
    assert_int_equal(M("\xE2\x80\x94y a", &mid), 1);
    /* a pattern opening with * sees the tail of a long paragraph */
    big = malloc(n + 16);
    memset(big, 'a', n);
    memcpy(big + n, " tail end", 10);
    assert_int_equal(sl_cleanrules_match(r, big, strlen(big), &mid, &hit), 1);
    assert_string_equal(hit.rule->name, "tail");
    free(big);
#undef M
    sl_cleanrules_free(r);
}

/* ------------------------------------------------------------------ paragraphs */

static size_t para_count(const char *text)
{
    sl_para *p;
    size_t n;
    sl_paragraphs_from_text(text, strlen(text), &p, &n);
    free(p);
    return n;
}

static void paragraphs_split_on_blank_lines_and_lines(void **state)
{
    sl_para *p;
    size_t n;
    const char *t = "One sentence.\n\nTwo sentences here.\n";
    (void)state;
    sl_paragraphs_from_text(t, strlen(t), &p, &n);
    assert_int_equal(n, 2);
    assert_int_equal(p[0].line, 1);
    assert_int_equal(p[1].line, 3);
    assert_int_equal(p[1].len, strlen("Two sentences here."));
    free(p);
    /* one line a paragraph, no blank lines */
    assert_int_equal(para_count("The first sentence is here.\nThe second one is here too.\nA third.\n"), 3);
    /* Multi-News spacing */
    assert_int_equal(para_count(" Police said one thing. \n \n Then another thing. \n \n \n \n"), 2);
    assert_int_equal(para_count("a b c.\r\n\r\nd e f.\r\n"), 2);
    assert_int_equal(para_count(""), 0);
    assert_int_equal(para_count(" \n\t\n \n"), 0);
    /* a list after its lead-in stays items */
    assert_int_equal(para_count("Highlights include:\n- A , from a Soviet official in Beijing conveying a "
                                "message\n- A , from Stalin to Mao\n"),
                     3);
}

static void paragraphs_join_hard_wrapped_text(void **state)
{
    const char *t =
        "The summit between the two leaders will focus on establishing a\n"
        "path to denuclearization, which means finding a way to convince\n"
        "Kim to get rid of the nuclear arsenal. After decades of war games,\n"
        "missile tests and threats, it will likely take baby steps to get\n"
        "there, officials said on a well-\n"
        "known channel.\n"
        "\n"
        "It only took five years for a civil war to erupt and spiral into\n"
        "a proxy conflict over the spread of communism in the region.\n";
    cleaned_doc d;
    (void)state;
    assert_int_equal(para_count(t), 2);
    clean_text(&d, t, 0, NULL, 0);
    assert_int_equal(d.c.nblocks, 2);
    assert_null(memchr(d.c.text.ptr + d.c.blocks[0].start, '\n', d.c.blocks[0].end - d.c.blocks[0].start));
    assert_true(has_text(&d, "establishing a path to denuclearization"));
    assert_true(has_text(&d, "a well-known channel."));
    cleaned_free(&d);
    /* a line that plainly goes on is joined even in unwrapped text */
    assert_int_equal(para_count("The president said the talks would resume next week after a\n"
                                "brief pause in Geneva.\n"),
                     1);
    /* but not a headline followed by "iPhone ..." */
    assert_int_equal(para_count("Apple unveils new phones at its annual event\niPhone sales rose.\n"), 2);
}

/* ------------------------------------------------------------------ headlines */

static void headline_is_the_first_line_when_it_reads_as_one(void **state)
{
    cleaned_doc d;
    const sl_edit *e;
    (void)state;
    clean_text(&d,
               "Kim Jong Un could officially end North Korea\xE2\x80\x99s 68-year war with South Korea\n\n"
               "North and South Korea are still technically at war, officials in Seoul said.\n",
               1, NULL, 0);
    assert_non_null(d.c.title);
    assert_int_equal(d.c.blocks[0].kind, SL_BLOCK_TITLE);
    e = find_edit(&d, "first-line-title");
    assert_non_null(e);
    assert_int_equal(e->kind, SL_EDIT_TITLE);
    assert_int_equal(e->line, 1);
    cleaned_free(&d);

    /* a body sentence first: no title */
    clean_text(&d,
               "Ever since the end of WWII, when the Korean Peninsula was removed from Japanese control "
               "and divided between Soviet Union and US control, things have been shaky.\n"
               "Since his election in 2016, Donald Trump has been vocal about his intentions.\n",
               1, NULL, 0);
    assert_null(d.c.title);
    assert_int_equal(d.c.blocks[0].kind, SL_BLOCK_BODY);
    cleaned_free(&d);

    /* a short statement is a headline; two sentences are not */
    clean_text(&d, "Trump walks into North Korea.\n\nThe president crossed the line on Sunday.\n", 1, NULL, 0);
    assert_non_null(d.c.title);
    cleaned_free(&d);
    clean_text(&d, "Trump walked. Kim smiled.\n\nThe president crossed the line on Sunday.\n", 1, NULL, 0);
    assert_null(d.c.title);
    cleaned_free(&d);

    /* a quote that ends with a period inside the quotes is a sentence */
    clean_text(&d,
               "A spokeswoman says the couple \"are taking some time apart to evaluate their marriage.\"\n\n"
               "More text follows here.\n",
               1, NULL, 0);
    assert_null(d.c.title);
    cleaned_free(&d);

    /* a lone line is the text, not a title; no title wanted, none taken */
    clean_text(&d, "Storm Hits Coast\n", 1, NULL, 0);
    assert_null(d.c.title);
    cleaned_free(&d);
    clean_text(&d, "Storm Hits Coast\n\nThe storm hit the coast on Monday.\n", 0, NULL, 0);
    assert_null(d.c.title);
    cleaned_free(&d);
}

static void repeated_headline_goes(void **state)
{
    cleaned_doc d;
    const sl_edit *e;
    (void)state;
    clean_text(&d,
               "Big Storm Hits Coast\n\nThe storm hit the coast on Monday, officials said.\n\n"
               "Big Storm Hits Coast | The Daily News\n\nMore text follows here, about the storm.\n",
               1, NULL, 0);
    e = find_edit(&d, "repeated-headline");
    assert_non_null(e);
    assert_int_equal(e->line, 5);
    assert_false(has_text(&d, "Daily News"));
    cleaned_free(&d);

    /* a sentence opening with the headline's words is story */
    clean_text(&d, "Trump walks out\n\nTrump walks out of the meeting, aides said.\n", 1, NULL, 0);
    assert_null(find_edit(&d, "repeated-headline"));
    assert_true(has_text(&d, "Trump walks out of the meeting, aides said."));
    cleaned_free(&d);

    /* the metadata's title, repeated as the text's first line */
    clean_text(&d, "Big Storm Hits Coast\n\nThe storm hit the coast on Monday.\n", 0, "Big Storm Hits Coast", 0);
    assert_non_null(find_edit(&d, "repeated-headline"));
    assert_int_equal(d.c.nblocks, 1);
    cleaned_free(&d);
}

/* ------------------------------------------------------------------ debris */

static const char *const debris_article =
    "Storm Closes Schools Across the Region\n"
    "\n"
    "Schools across the region closed on Tuesday as the storm arrived, officials said.\n"
    "\n"
    "Read: How to prepare your home for a hurricane\n"
    "\n"
    "Crews worked through the night. Related to the case, police arrested two men.\n"
    "\n"
    "01 - flooded streets\n"
    "Residents wade through a flooded street in the city center.REUTERS/Jane Smith\n"
    "\n"
    "Highlights include:\n"
    "- A , from the mayor's office issued a in which the city asked for help.\n"
    "\n"
    "Follow us on Twitter .\n"
    "Jane Roe contributed reporting to this story.\n"
    "This segment originally aired April 26, 2018, on Local News Tonight.\n";

static void debris_is_removed_and_logged(void **state)
{
    cleaned_doc d;
    const sl_edit *e;
    size_t i, captions = 0, items = 0;
    (void)state;
    clean_text(&d, debris_article, 1, NULL, 0);
    assert_false(has_text(&d, "Read: How"));
    assert_false(has_text(&d, "Follow us"));
    assert_false(has_text(&d, "REUTERS"));
    assert_false(has_text(&d, "01 - flooded"));
    assert_false(has_text(&d, "contributed"));
    assert_false(has_text(&d, "originally aired"));
    /* story sentences, dangling link text and all, stay */
    assert_true(has_text(&d, "Related to the case, police arrested two men."));
    assert_true(has_text(&d, "issued a in which the city asked for help."));
    assert_true(has_text(&d, "Highlights include:"));
    e = find_edit(&d, "read-teaser");
    assert_non_null(e);
    assert_int_equal(e->kind, SL_EDIT_REMOVE);
    assert_int_equal(e->line, 5);
    assert_string_equal(e->before, "Read: How to prepare your home for a hurricane");
    assert_true(strlen(e->reason) > 10);
    e = find_edit(&d, "caption-credit");
    assert_non_null(e);
    assert_string_equal(e->before, "REUTERS/Jane Smith");
    assert_int_equal(e->line, 10);
    e = find_edit(&d, "broadcast-note");
    assert_non_null(e);
    assert_int_equal(e->kind, SL_EDIT_EVIDENCE);
    assert_int_equal(e->line, 17);
    assert_non_null(d.c.date_evidence);
    assert_non_null(strstr(d.c.date_evidence, "April 26, 2018"));
    for (i = 0; i < d.c.nblocks; i++) {
        captions += d.c.blocks[i].kind == SL_BLOCK_CAPTION;
        items += d.c.blocks[i].kind == SL_BLOCK_ITEM;
        if (d.c.blocks[i].kind == SL_BLOCK_CAPTION)
            assert_string_equal(block_text(&d, i), "Residents wade through a flooded street in the city center.");
    }
    assert_int_equal(captions, 1);
    assert_int_equal(items, 1);
    cleaned_free(&d);
}

static void gallery_heading_marks_its_caption(void **state)
{
    cleaned_doc d;
    (void)state;
    clean_text(&d,
               "The story begins with a long sentence about the summit.\n\n"
               "02 - flags waving\nWaving South Korean flags, the public is enthused by the talks.\n",
               0, NULL, 0);
    assert_int_equal(d.c.nblocks, 2);
    assert_int_equal(d.c.blocks[1].kind, SL_BLOCK_CAPTION);
    cleaned_free(&d);
}

static void look_alike_story_sentences_stay(void **state)
{
    static const char *const keep[] = {
        "Read the full report, the senator said, before the vote.",
        "Follow the money, investigators said.",
        "\xE2\x80\x9CWe share the concern,\xE2\x80\x9D the minister said.",
        "Related to the case, police arrested two men.",
        "Click, click, went the cameras as she walked in.",
        "By Tuesday, the storm had passed.",
        "Share prices fell 3 percent on Monday.",
        "Copyright law is at the heart of the case.",
        "The company contributed $5 million to the campaign.",
        "Smith reported from Baghdad for a decade before joining the paper.",
        "\xE2\x80\x9C" "Click here,\xE2\x80\x9D the email said, \xE2\x80\x9Cto claim your prize.\xE2\x80\x9D",
        "A post shared by the senator drew criticism from both parties.",
        "Reporting by the Times revealed the payments.",
        "With assistance from the UN, the country rebuilt its schools.",
        "To contact the family, police used a neighbor's phone.",
        "Subscribe to the theory and you will be disappointed, he said.",
        "Phishing emails delivered straight to your inbox can look real.",
        "Watch out for falling debris, officials warned.",
        "Video showed the suspect fleeing the scene.",
        "Published on Tuesday, the report found widespread fraud.",
        "First published in 1851, the novel sold poorly.",
        "This report was updated in 2015 by the agency.",
        "Jon Wertheim: What is under the ground here?",
        "Sign up rates for the program doubled this year.",
        "The company can be reached at its offices in Ohio.",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
        cleaned_doc d;
        char text[1024];
        snprintf(text, sizeof(text), "The first paragraph of the story is a long sentence.\n\n%s\n\n"
                                     "The last paragraph of the story is here too.\n", keep[i]);
        clean_text(&d, text, 0, NULL, 0);
        if (!has_text(&d, keep[i]))
            fail_msg("removed a story sentence: %s (rule %s)", keep[i],
                     d.log.n ? d.log.items[0].rule : "?");
        cleaned_free(&d);
    }
}

static void repair_only_removes_nothing(void **state)
{
    cleaned_doc d;
    size_t i;
    (void)state;
    clean_text(&d, debris_article, 1, NULL, SL_OPT_REPAIR_ONLY);
    assert_true(has_text(&d, "Read: How to prepare your home for a hurricane"));
    assert_true(has_text(&d, "REUTERS/Jane Smith"));
    assert_true(has_text(&d, "This segment originally aired"));
    assert_null(d.c.date_evidence);
    for (i = 0; i < d.log.n; i++)
        assert_int_not_equal(d.log.items[i].kind, SL_EDIT_REMOVE);
    /* one block a line: the gallery heading and its caption stay apart */
    assert_int_equal(d.c.nblocks, 11);
    assert_string_equal(block_text(&d, 4), "01 - flooded streets");
    cleaned_free(&d);
}

static void reader_kinds_are_kept(void **state)
{
    sl_para p[2];
    sl_cleaned c;
    sl_editlog log;
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    memset(&log, 0, sizeof(log));
    p[0].text = "Background";
    p[0].len = 10;
    p[0].kind = SL_BLOCK_HEADING;
    p[0].line = 0;
    p[1].text = "The talks\n   resumed on Monday.";
    p[1].len = strlen(p[1].text);
    p[1].kind = SL_BLOCK_BODY;
    p[1].line = 0;
    sl_clean_paras(ctx, p, 2, 0, NULL, 0, &c, &log);
    assert_int_equal(c.nblocks, 2);
    assert_int_equal(c.blocks[0].kind, SL_BLOCK_HEADING);
    assert_string_equal(c.text.ptr, "Background\n\nThe talks resumed on Monday.");
    sl_cleaned_free(&c);
    sl_editlog_free(&log);
    /* no context: the cleaner builds its rules itself */
    memset(&log, 0, sizeof(log));
    p[0].text = "Follow us on Twitter";
    p[0].len = strlen(p[0].text);
    p[0].kind = SL_BLOCK_BODY;
    sl_clean_paras(NULL, p, 2, 0, NULL, 0, &c, &log);
    assert_int_equal(c.nblocks, 1);
    sl_cleaned_free(&c);
    sl_editlog_free(&log);
    /* the reader's headline stays once, its repeats go */
    {
        sl_para q[3];
        size_t i;
        memset(q, 0, sizeof(q));
        memset(&log, 0, sizeof(log));
        q[0].text = "Storm hits coast";
        q[0].kind = SL_BLOCK_TITLE;
        q[1].text = "The storm hit the coast on Monday.";
        q[2].text = "Storm hits coast";
        for (i = 0; i < 3; i++)
            q[i].len = strlen(q[i].text);
        sl_clean_paras(ctx, q, 3, 0, "Storm hits coast | Daily News", 0, &c, &log);
        assert_int_equal(c.nblocks, 2);
        assert_int_equal(c.blocks[0].kind, SL_BLOCK_TITLE);
        assert_int_equal(log.n, 1);
        assert_string_equal(log.items[0].rule, "repeated-headline");
        sl_cleaned_free(&c);
        sl_editlog_free(&log);
    }
    sl_ctx_free(ctx);
}

static void pathological_inputs_finish(void **state)
{
    static const char *const units[] = {"a", "A ", ". ", "(", "x\n", "\n", "Photo: AP\n",
                                        "Jorge Silva/Pool ", "streets.REUTERS/Jorge Silva ",
                                        "\xE2\x80\x9C\xE2\x80\x9D ", "[[[[]]]] ", "\xFF\xFE"};
    size_t n = (size_t)2 << 20, k, u;
    char *big = malloc(n + 1);
    (void)state;
    for (u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
        cleaned_doc d;
        size_t m = strlen(units[u]);
        for (k = 0; k + m <= n; k += m)
            memcpy(big + k, units[u], m);
        big[k] = '\0';
        clean_text(&d, big, 1, NULL, 0);
        assert_true(d.c.text.len <= 2 * k); /* blocks are joined by blank lines */
        cleaned_free(&d);
    }
    /* one long line of words is kept whole */
    for (k = 0; k < n; k++)
        big[k] = "word "[k % 5];
    big[n] = '\0';
    {
        cleaned_doc d;
        clean_text(&d, big, 1, NULL, 0);
        assert_int_equal(d.c.nblocks, 1);
        assert_int_equal(d.c.text.len, big[n - 1] == ' ' ? n - 1 : n);
        cleaned_free(&d);
    }
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(patterns_fold_case_and_typography),
        cmocka_unit_test(patterns_space_keeps_words_apart),
        cmocka_unit_test(patterns_star_backtracks),
        cmocka_unit_test(patterns_keep_a_span),
        cmocka_unit_test(patterns_names),
        cmocka_unit_test(patterns_classes),
        cmocka_unit_test(patterns_sets),
        cmocka_unit_test(patterns_malformed_are_refused),
        cmocka_unit_test(pattern_budget_bounds_backtracking),
        cmocka_unit_test(rule_files_report_bad_lines),
        cmocka_unit_test(shipped_rules_compile),
        cmocka_unit_test(rule_conditions),
        cmocka_unit_test(paragraphs_split_on_blank_lines_and_lines),
        cmocka_unit_test(paragraphs_join_hard_wrapped_text),
        cmocka_unit_test(headline_is_the_first_line_when_it_reads_as_one),
        cmocka_unit_test(repeated_headline_goes),
        cmocka_unit_test(debris_is_removed_and_logged),
        cmocka_unit_test(gallery_heading_marks_its_caption),
        cmocka_unit_test(look_alike_story_sentences_stay),
        cmocka_unit_test(repair_only_removes_nothing),
        cmocka_unit_test(reader_kinds_are_kept),
        cmocka_unit_test(pathological_inputs_finish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
