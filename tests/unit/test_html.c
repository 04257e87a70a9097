/*
 * test_html.c: main-text extraction from small invented pages: boilerplate
 * dropped, captions and headlines marked, metadata from meta tags and
 * JSON-LD, declared and undeclared charsets, hostile and pathological markup.
 */
#include "unit.h"

#include "ingest/charset.h"
#include "ingest/html.h"
#include "util/buf.h"

static const char story[] =
    "<p>The river rose four metres overnight, flooding the lower town and cutting the only "
    "road to the valley, officials said on Tuesday.</p>"
    "<p>Rescue teams, backed by army helicopters, moved more than two hundred people to the "
    "school on the hill, where the mayor set up a shelter.</p>"
    "<p>Forecasters expect more rain on Wednesday, and the regional government has asked "
    "residents of six villages to be ready to leave.</p>";

/* Extracts and returns the body text: non-title, non-caption blocks joined
 * by '|'.  Caller frees. */
static char *body_of(const sl_html_doc *d)
{
    sl_buf b = SL_BUF_INIT;
    size_t i;
    for (i = 0; i < d->nblocks; i++) {
        if (d->blocks[i].kind == SL_BLOCK_TITLE || d->blocks[i].kind == SL_BLOCK_CAPTION)
            continue;
        if (b.len)
            sl_buf_putc(&b, '|');
        sl_buf_put(&b, d->blocks[i].text, d->blocks[i].len);
    }
    return sl_buf_detach(&b);
}

static int extract(sl_ctx *ctx, const char *html, size_t len, sl_html_doc *d)
{
    return sl_html_extract(ctx, html, len, d);
}

static const sl_html_block *find_block(const sl_html_doc *d, const char *needle)
{
    size_t i;
    for (i = 0; i < d->nblocks; i++)
        if (strstr(d->blocks[i].text, needle))
            return &d->blocks[i];
    return NULL;
}

static void boilerplate_is_dropped(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    sl_buf page = SL_BUF_INIT;
    const sl_html_block *b;
    char *body;
    (void)state;
    sl_buf_puts(&page,
                "<!doctype html><html><head><title>River floods the lower town | Daily Planet</title></head><body>"
                "<header class='site-header'><a href='/'>Daily Planet</a> Breaking headlines ticker</header>"
                "<nav><ul><li><a href='/world'>World news menu</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
                "<div id='cookie-banner'>We use cookies to improve your experience, click to accept.</div>"
                "<main><article><h1>River floods the lower town</h1>"
                "<div class='share-tools'><a href='#'>Share on Facebook</a> <a href='#'>Tweet this story</a></div>"
                "<figure><img src='a.jpg'><figcaption>The flooded main square on Tuesday morning.</figcaption></figure>");
    sl_buf_puts(&page, story);
    sl_buf_puts(&page,
                "<div class='photo'><img src='b.jpg'><span class='image-caption'>Volunteers fill "
                "sandbags by the church.</span></div>"
                "<div class='photo-gallery'><ul><li><img src='c.jpg'>Image 1 of 5</li></ul></div>"
                "<form action='/alerts'><label>Your email for flood alerts from the council</label>"
                "<input type='email'><button>Go</button></form>"
                "<p>ADVERTISEMENT</p><p><a href='/other'>Read more: the storm of 1998</a></p>"
                "<h2>What comes next</h2><ul><li>Schools stay closed until Friday.</li>"
                "<li>Bus lines to the valley are suspended.</li></ul>"
                "<div class='newsletter-signup'><p>Sign up for our morning newsletter and never miss a story.</p></div>"
                "<aside class='related-links'><h3>Related</h3><ul><li><a href='/x'>Storm hits coast, "
                "thousands without power</a></li></ul></aside>"
                "</article>"
                "<div id='comments'><p>Reader comment: this is terrible news for the whole region, "
                "I hope everyone is safe.</p></div></main>"
                "<footer><p>Copyright Daily Planet, all rights reserved. Contact us about advertising.</p></footer>"
                "</body></html>");
    assert_int_equal(extract(ctx, page.ptr, page.len, &d), SL_OK);
    body = body_of(&d);
    assert_non_null(strstr(body, "The river rose four metres overnight"));
    assert_non_null(strstr(body, "ready to leave."));
    assert_non_null(strstr(body, "What comes next"));
    assert_null(strstr(body, "World news menu"));
    assert_null(strstr(body, "Breaking headlines"));
    assert_null(strstr(body, "cookies"));
    assert_null(strstr(body, "Share on Facebook"));
    assert_null(strstr(body, "newsletter"));
    assert_null(strstr(body, "Storm hits coast"));
    assert_null(strstr(body, "Reader comment"));
    assert_null(strstr(body, "Copyright"));
    assert_null(strstr(body, "ADVERTISEMENT"));
    assert_null(strstr(body, "Your email"));
    assert_null(strstr(body, "Image 1 of 5"));
    assert_null(strstr(body, "sandbags"));
    assert_null(strstr(body, "storm of 1998"));
    /* kinds */
    b = find_block(&d, "River floods the lower town");
    assert_non_null(b);
    assert_int_equal(b->kind, SL_BLOCK_TITLE);
    b = find_block(&d, "The flooded main square");
    assert_non_null(b);
    assert_int_equal(b->kind, SL_BLOCK_CAPTION);
    b = find_block(&d, "Volunteers fill sandbags by the church.");
    assert_non_null(b);
    assert_int_equal(b->kind, SL_BLOCK_CAPTION);
    b = find_block(&d, "What comes next");
    assert_int_equal(b->kind, SL_BLOCK_HEADING);
    b = find_block(&d, "Schools stay closed");
    assert_int_equal(b->kind, SL_BLOCK_ITEM);
    b = find_block(&d, "Rescue teams");
    assert_int_equal(b->kind, SL_BLOCK_BODY);
    /* the title from <title>, the site name guessed away */
    assert_string_equal(d.title, "River floods the lower town");
    free(body);
    sl_html_doc_free(&d);
    sl_buf_free(&page);
    sl_ctx_free(ctx);
}

static void metadata_from_meta_tags(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    sl_buf page = SL_BUF_INIT;
    (void)state;
    sl_buf_puts(&page,
                "<html lang='en-GB'><head>"
                "<title>River floods the lower town - The Valley Courier</title>"
                "<meta property='og:site_name' content='The Valley Courier'>"
                "<meta property='og:title' content='River floods the lower town | The Valley Courier'>"
                "<meta property='article:published_time' content='2024-03-05T07:30:00Z'>"
                "<meta name='date' content='2020-01-01'>"
                "<meta name='author' content='Ana  Lopes'>"
                "<link rel='canonical' href='https://courier.example/floods'>"
                "<meta property='og:url' content='https://courier.example/floods?utm=x'>"
                "</head><body><article>");
    sl_buf_puts(&page, story);
    sl_buf_puts(&page, "</article></body></html>");
    assert_int_equal(extract(ctx, page.ptr, page.len, &d), SL_OK);
    assert_string_equal(d.title, "River floods the lower town");
    assert_string_equal(d.site, "The Valley Courier");
    assert_string_equal(d.date, "2024-03-05T07:30:00Z");
    assert_string_equal(d.date_evidence, "meta article:published_time");
    assert_string_equal(d.url, "https://courier.example/floods");
    assert_string_equal(d.author, "Ana Lopes");
    assert_string_equal(d.lang, "en-GB");
    sl_html_doc_free(&d);
    sl_buf_free(&page);
    sl_ctx_free(ctx);
}

static void metadata_from_json_ld(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    sl_buf page = SL_BUF_INIT;
    (void)state;
    /* an @graph holding the article, with a raw line break in a string and a
     * type list; a second, broken script is ignored */
    sl_buf_puts(&page,
                "<html><head><title>Some page</title>"
                "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
                "{\"@type\":\"WebSite\",\"name\":\"Valley Web\"},"
                "{\"@type\":[\"NewsArticle\"],\"headline\":\"Floods cut the valley\n road\","
                "\"datePublished\":\"2024-03-05\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Lopes\"}],"
                "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Valley Courier\"}}]}</script>"
                "<script type=\"application/ld+json\">{broken</script>"
                "</head><body><div><time datetime='2023-01-01'>1 Jan</time></div><article>");
    sl_buf_puts(&page, story);
    sl_buf_puts(&page, "</article></body></html>");
    assert_int_equal(extract(ctx, page.ptr, page.len, &d), SL_OK);
    assert_string_equal(d.title, "Floods cut the valley road");
    assert_string_equal(d.date, "2024-03-05");
    assert_string_equal(d.date_evidence, "JSON-LD datePublished");
    assert_string_equal(d.site, "The Valley Courier");
    assert_string_equal(d.author, "Ana Lopes");
    sl_html_doc_free(&d);
    sl_buf_free(&page);
    sl_ctx_free(ctx);
}

static void date_from_time_element_and_itemprop(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    const char *p1 = "<html><body><article><h1>Title here</h1><time datetime='2021-06-01T10:00'>June 1</time>"
                     "<p>Some text of the article that is long enough to count as a paragraph.</p>"
                     "</article></body></html>";
    const char *p2 = "<html><body><span itemprop='datePublished' content='2022-02-02'>Feb 2</span>"
                     "<time datetime='2021-06-01'>June 1</time><p>Text.</p></body></html>";
    (void)state;
    assert_int_equal(extract(ctx, p1, strlen(p1), &d), SL_OK);
    assert_string_equal(d.date, "2021-06-01T10:00");
    assert_string_equal(d.date_evidence, "time datetime");
    assert_string_equal(d.title, "Title here");
    sl_html_doc_free(&d);
    assert_int_equal(extract(ctx, p2, strlen(p2), &d), SL_OK);
    assert_string_equal(d.date, "2022-02-02");
    assert_string_equal(d.date_evidence, "itemprop datePublished");
    sl_html_doc_free(&d);
    sl_ctx_free(ctx);
}

/* A page whose one paragraph holds `word`, in bytes already encoded. */
static void check_charset(sl_ctx *ctx, const char *head, const char *word, const char *expect)
{
    sl_html_doc d;
    sl_buf page = SL_BUF_INIT;
    char *body;
    sl_buf_printf(&page, "<html><head>%s</head><body><article><p>Le %s est servi, dit-il, avec du pain "
                         "et du beurre, comme toujours le matin.</p></article></body></html>",
                  head, word);
    assert_int_equal(extract(ctx, page.ptr, page.len, &d), SL_OK);
    body = body_of(&d);
    if (!strstr(body, expect))
        fail_msg("charset %s: expected '%s' in '%s'", head, expect, body);
    free(body);
    sl_html_doc_free(&d);
    sl_buf_free(&page);
}

static void declared_charsets_are_honoured(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    (void)state;
    /* "caf\xE9" is café in windows-1252 and latin-1; in a page declared as
     * such it must not be read as anything else */
    check_charset(ctx, "<meta charset='windows-1252'>", "caf\xE9 \x93noir\x94", "caf\xC3\xA9 \xE2\x80\x9Cnoir\xE2\x80\x9D");
    check_charset(ctx, "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", "caf\xE9",
                  "caf\xC3\xA9");
    /* GBK: \xD6\xD0\xCE\xC4 is 中文 */
    check_charset(ctx, "<meta charset=\"gbk\">", "\xD6\xD0\xCE\xC4", "\xE4\xB8\xAD\xE6\x96\x87");
    /* declared latin-1 wins over bytes that happen to be valid UTF-8:
     * \xC3\xA9 is then two characters, Ã and © */
    check_charset(ctx, "<meta charset=iso-8859-1>", "caf\xC3\xA9", "caf\xC3\x83\xC2\xA9");
    /* a declared KOI8-R passes through to iconv */
    check_charset(ctx, "<meta charset='koi8-r'>", "\xC4\xC1", "\xD0\xB4\xD0\xB0");
    /* nothing declared: valid UTF-8 stays UTF-8 ... */
    check_charset(ctx, "", "caf\xC3\xA9", "caf\xC3\xA9");
    /* ... and other bytes are windows-1252 */
    check_charset(ctx, "", "caf\xE9 \x93noir\x94", "caf\xC3\xA9 \xE2\x80\x9Cnoir\xE2\x80\x9D");
    /* an unknown label is a guess like no label at all */
    check_charset(ctx, "<meta charset='x-no-such-charset'>", "caf\xE9", "caf\xC3\xA9");
    sl_ctx_free(ctx);
}

static void charset_sniffing_order(void **state)
{
    sl_buf out = SL_BUF_INIT;
    const char *enc, *how;
    char name[64];
    (void)state;
    sl_charset_to_utf8("\xEF\xBB\xBF<p>caf\xC3\xA9</p><meta charset=latin1>", 32, &out, &enc, &how);
    assert_string_equal(how, "bom");
    assert_string_equal(enc, "UTF-8");
    sl_buf_clear(&out);
    sl_charset_to_utf8("<?xml version='1.0' encoding='ISO-8859-1'?><p>\xE9</p>", 48, &out, &enc, &how);
    assert_string_equal(how, "xml declaration");
    assert_non_null(strstr(out.ptr, "\xC3\xA9"));
    sl_buf_clear(&out);
    /* a charset inside a comment is no declaration */
    sl_charset_to_utf8("<!-- <meta charset=gbk> --><p>\xE9</p>", 35, &out, &enc, &how);
    assert_string_equal(how, "fallback");
    sl_buf_clear(&out);
    /* NUL and control bytes never reach the parser */
    sl_charset_to_utf8("<p>a\0b\x01" "c</p>", 12, &out, &enc, &how);
    assert_int_equal(out.len, 12);
    assert_string_equal(out.ptr, "<p>a b c</p>");
    assert_string_equal(sl_charset_resolve(" Latin1 ", 8, name, sizeof(name)), "WINDOWS-1252");
    assert_string_equal(sl_charset_resolve("GB2312", 6, name, sizeof(name)), "GB18030");
    assert_string_equal(sl_charset_resolve("utf-16", 6, name, sizeof(name)), "UTF-8");
    assert_string_equal(sl_charset_resolve("euc-kr", 6, name, sizeof(name)), "EUC-KR");
    assert_null(sl_charset_resolve("../../etc", 9, name, sizeof(name)));
    assert_null(sl_charset_resolve("", 0, name, sizeof(name)));
    sl_buf_free(&out);
}

static void hostile_markup_never_reaches_text(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    size_t i;
    const char *p =
        "<html><body onload=\"steal()\"><script>document.write('INJECTED')</script>"
        "<style>p{color:red} .x:after{content:'STYLED'}</style>"
        "<article><p onclick=\"evil()\">The council voted on Monday to rebuild the bridge, a project "
        "that will cost, by its own estimate, twelve million euros.</p>"
        "<p>Work starts in <a href=\"javascript:alert('PWNED')\">spring</a>, the mayor said, and "
        "should take two years.</p><noscript>NOSCRIPT TEXT</noscript>"
        "<template><p>TEMPLATE TEXT</p></template><iframe src='x'>IFRAME TEXT</iframe>"
        "<svg><text>SVG TEXT</text></svg><p hidden>HIDDEN TEXT</p>"
        "<p style='display: none'>INVISIBLE TEXT</p>"
        "<!-- COMMENT TEXT --><textarea>FORM TEXT</textarea></article></body></html>";
    static const char *const never[] = {"INJECTED", "STYLED", "alert", "javascript", "PWNED", "steal",
                                        "evil", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG TEXT",
                                        "HIDDEN", "INVISIBLE", "COMMENT", "FORM TEXT", NULL};
    (void)state;
    assert_int_equal(extract(ctx, p, strlen(p), &d), SL_OK);
    assert_non_null(find_block(&d, "Work starts in spring, the mayor said"));
    for (i = 0; i < d.nblocks; i++) {
        size_t k;
        for (k = 0; never[k]; k++)
            if (strstr(d.blocks[i].text, never[k]))
                fail_msg("'%s' leaked into block '%s'", never[k], d.blocks[i].text);
    }
    sl_html_doc_free(&d);
    sl_ctx_free(ctx);
}

static void inline_text_and_line_breaks(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    const char *p = "<html><body><article>"
                    "<p>Un<b>believ</b>able   <i>news</i>\n from   the <a href='/x'>north</a>, today.</p>"
                    "<p>Line one<br>line two<br><br>a new block &amp; entities&nbsp;&eacute;.</p>"
                    "<p>The rest of the article is here, with enough words to be the article.</p>"
                    "</article></body></html>";
    (void)state;
    assert_int_equal(extract(ctx, p, strlen(p), &d), SL_OK);
    assert_non_null(find_block(&d, "Unbelievable news from the north, today."));
    assert_non_null(find_block(&d, "Line one\nline two"));
    assert_null(find_block(&d, "line two\na new"));
    assert_non_null(find_block(&d, "a new block & entities\xC2\xA0\xC3\xA9."));
    sl_html_doc_free(&d);
    sl_ctx_free(ctx);
}

static void story_in_sections_is_whole(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    sl_buf page = SL_BUF_INIT;
    char *body;
    (void)state;
    /* the story is cut into sections by a figure, each section deep in
     * wrappers; the comment thread after it is a list and stays out */
    sl_buf_puts(&page, "<html><body><div class='wrap'><section class='outer'><div><div class='x'>");
    sl_buf_puts(&page, story);
    sl_buf_puts(&page, "</div></div></section><section class='outer'><figure><img src='m.jpg'>"
                       "<figcaption>A map.</figcaption></figure></section>"
                       "<section class='outer'><div><div class='x'>"
                       "<p>By evening the water had begun to fall, although the road, as the police "
                       "warned, would stay closed for days.</p><p>Insurers said claims, mostly for "
                       "cellars and cars, were already arriving by the hundred.</p>"
                       "</div></div></section>"
                       "<ol class='thread'><li><p>I live there, and the water came up so fast, so very "
                       "fast, that we lost everything on the ground floor.</p></li></ol></div></body></html>");
    assert_int_equal(sl_html_extract(ctx, page.ptr, page.len, &d), SL_OK);
    body = body_of(&d);
    assert_non_null(strstr(body, "The river rose four metres"));
    assert_non_null(strstr(body, "By evening the water had begun to fall"));
    assert_non_null(strstr(body, "Insurers said claims"));
    assert_null(strstr(body, "I live there"));
    free(body);
    sl_html_doc_free(&d);
    sl_buf_free(&page);
    sl_ctx_free(ctx);
}

static void json_ld_body_stands_in(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    sl_buf page = SL_BUF_INIT;
    char *body;
    (void)state;
    /* the page renders its story by script; only JSON-LD carries it */
    sl_buf_puts(&page, "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                       "\"articleBody\":\"The river rose four metres overnight, flooding the lower town "
                       "and cutting the only road to the valley.\\nRescue teams moved more than two hundred "
                       "people to the school on the hill, where the mayor set up a shelter for the night.\"}"
                       "</script></head><body><div id='app'>Loading...</div></body></html>");
    assert_int_equal(extract(ctx, page.ptr, page.len, &d), SL_OK);
    body = body_of(&d);
    assert_string_equal(body, "The river rose four metres overnight, flooding the lower town and cutting "
                              "the only road to the valley.|Rescue teams moved more than two hundred "
                              "people to the school on the hill, where the mayor set up a shelter for "
                              "the night.");
    free(body);
    sl_html_doc_free(&d);
    sl_buf_free(&page);
    sl_ctx_free(ctx);
}

static void json_ld_body_vouches_for_a_container(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    sl_buf page = SL_BUF_INIT;
    char *body;
    (void)state;
    /* two blocks of prose alike in every measure; the JSON-LD articleBody
     * says which one is the story */
    sl_buf_puts(&page, "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                       "\"articleBody\": \"The harbour master said on Friday that the old pier, closed "
                       "since the storm, will reopen in May.\"}</script></head><body>"
                       "<div><div><div><p>A bakery on the square, open since 1921, has changed hands, and the new "
                       "owners promise to keep the old recipes, the old oven and the old name.</p>"
                       "<p>Its rye bread, baked before dawn, sells out by nine, as it has for decades, "
                       "and queues form in every season.</p></div></div></div>"
                       "<div><div><div><p>The harbour master said on Friday that the old pier, closed since the storm, "
                       "will reopen in May, after repairs costing, by his count, two million.</p>"
                       "<p>Fishing boats, moored in the canal all winter, will return to the pier first, "
                       "and ferries will follow in June.</p></div></div></div></body></html>");
    assert_int_equal(sl_html_extract(ctx, page.ptr, page.len, &d), SL_OK);
    body = body_of(&d);
    assert_non_null(strstr(body, "The harbour master said"));
    assert_non_null(strstr(body, "Fishing boats"));
    assert_null(strstr(body, "bakery"));
    free(body);
    sl_html_doc_free(&d);
    sl_buf_free(&page);
    sl_ctx_free(ctx);
}

static void deep_nesting_is_bounded(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    sl_buf page = SL_BUF_INIT;
    size_t i;
    (void)state;
    sl_buf_puts(&page, "<html><body><article>");
    sl_buf_puts(&page, story);
    for (i = 0; i < 100000; i++)
        sl_buf_puts(&page, "<div>");
    sl_buf_puts(&page, "<p>deep</p>");
    for (i = 0; i < 100000; i++)
        sl_buf_puts(&page, "</div>");
    sl_buf_puts(&page, "</article></body></html>");
    assert_int_equal(extract(ctx, page.ptr, page.len, &d), SL_OK);
    assert_non_null(find_block(&d, "The river rose four metres"));
    sl_html_doc_free(&d);
    /* inline nesting, unclosed */
    sl_buf_clear(&page);
    sl_buf_puts(&page, "<p>start ");
    for (i = 0; i < 100000; i++)
        sl_buf_puts(&page, "<b><i>");
    sl_buf_puts(&page, "end");
    assert_int_equal(extract(ctx, page.ptr, page.len, &d), SL_OK);
    sl_html_doc_free(&d);
    /* the baseline reader too */
    sl_buf_clear(&page);
    for (i = 0; i < 100000; i++)
        sl_buf_puts(&page, "<div>");
    {
        sl_buf t = SL_BUF_INIT;
        assert_int_equal(sl_html_page_text(ctx, page.ptr, page.len, &t), SL_OK);
        sl_buf_free(&t);
    }
    sl_buf_free(&page);
    sl_ctx_free(ctx);
}

static void truncated_documents(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_buf page = SL_BUF_INIT;
    size_t cut;
    (void)state;
    sl_buf_puts(&page, "<!doctype html><html><head><meta charset='utf-8'><title>T | S</title>"
                       "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"H\"}</script>"
                       "</head><body><nav>menu</nav><article><h1>Head</h1>");
    sl_buf_puts(&page, story);
    sl_buf_puts(&page, "<ul><li>one</li><li>two</li></ul><figure><figcaption>cap &amp; c</figcaption></figure>"
                       "</article><footer>f</footer></body></html>");
    /* every prefix parses without trouble; the full story is there at the end */
    for (cut = 0; cut <= page.len; cut += 7) {
        sl_html_doc d;
        assert_int_equal(extract(ctx, page.ptr, cut, &d), SL_OK);
        sl_html_doc_free(&d);
    }
    {
        sl_html_doc d;
        assert_int_equal(extract(ctx, page.ptr, page.len - 40, &d), SL_OK);
        assert_non_null(find_block(&d, "ready to leave."));
        sl_html_doc_free(&d);
    }
    sl_buf_free(&page);
    sl_ctx_free(ctx);
}

static void empty_and_articleless_pages(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    const char *nav = "<html><body><nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li>"
                      "</ul></nav><footer>Copyright 2024 Example Corp. All rights reserved.</footer>"
                      "</body></html>";
    (void)state;
    assert_int_equal(extract(ctx, "", 0, &d), SL_OK);
    assert_int_equal(d.nblocks, 0);
    assert_null(d.title);
    sl_html_doc_free(&d);
    assert_int_equal(extract(ctx, "   \n ", 5, &d), SL_OK);
    assert_int_equal(d.nblocks, 0);
    sl_html_doc_free(&d);
    assert_int_equal(extract(ctx, "<html><body></body></html>", 26, &d), SL_OK);
    assert_int_equal(d.nblocks, 0);
    sl_html_doc_free(&d);
    /* only furniture: nothing of it is taken for a story */
    assert_int_equal(extract(ctx, nav, strlen(nav), &d), SL_OK);
    assert_null(find_block(&d, "World"));
    sl_html_doc_free(&d);
    /* text without any markup is still text */
    assert_int_equal(extract(ctx, "just a line of text", 19, &d), SL_OK);
    assert_non_null(find_block(&d, "just a line of text"));
    sl_html_doc_free(&d);
    sl_ctx_free(ctx);
}

static void long_runs_without_spaces(void **state)
{
    sl_ctx *ctx = sl_ctx_new();
    sl_html_doc d;
    size_t n = 4u << 20, i;
    char *p = malloc(n + 16);
    (void)state;
    memcpy(p, "<p>", 3);
    for (i = 3; i < n; i++)
        p[i] = (char)('a' + i % 26);
    assert_int_equal(extract(ctx, p, n, &d), SL_OK);
    assert_int_equal(d.nblocks, 1);
    assert_true(d.blocks[0].len > n / 2);
    sl_html_doc_free(&d);
    /* a class attribute of megabytes */
    memcpy(p, "<div class='", 12);
    for (i = 12; i < n - 64; i++)
        p[i] = (char)('a' + i % 7);
    memcpy(p + n - 64, "'><p>The text after a long attribute, read as usual.</p></div>", 62);
    assert_int_equal(extract(ctx, p, n - 2, &d), SL_OK);
    assert_non_null(find_block(&d, "The text after a long attribute"));
    sl_html_doc_free(&d);
    /* ten thousand unclosed tags of every kind in a row */
    for (i = 0; i + 4 < n; i += 4)
        memcpy(p + i, i % 8 ? "<li>" : "<td>", 4);
    assert_int_equal(extract(ctx, p, n, &d), SL_OK);
    sl_html_doc_free(&d);
    free(p);
    sl_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(boilerplate_is_dropped),
        cmocka_unit_test(metadata_from_meta_tags),
        cmocka_unit_test(metadata_from_json_ld),
        cmocka_unit_test(date_from_time_element_and_itemprop),
        cmocka_unit_test(declared_charsets_are_honoured),
        cmocka_unit_test(charset_sniffing_order),
        cmocka_unit_test(hostile_markup_never_reaches_text),
        cmocka_unit_test(inline_text_and_line_breaks),
        cmocka_unit_test(story_in_sections_is_whole),
        cmocka_unit_test(json_ld_body_stands_in),
        cmocka_unit_test(json_ld_body_vouches_for_a_container),
        cmocka_unit_test(deep_nesting_is_bounded),
        cmocka_unit_test(truncated_documents),
        cmocka_unit_test(empty_and_articleless_pages),
        cmocka_unit_test(long_runs_without_spaces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
