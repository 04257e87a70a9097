/*
 * html.c: the article inside a web page (see html.h).
 *
 * Steps:
 *   1. charset.c turns the bytes into UTF-8 honouring the declared charset;
 *      libxml2's HTML parser (recover mode, no network, told the input is
 *      UTF-8 and to ignore the page's own encoding hints) builds the tree.
 *      libxml2 stops at 256 levels of nesting; what came before is kept.
 *   2. One iterative pass in document order records every element (up to
 *      SL_MAX_HTML_DEPTH levels; deeper elements count as inline) with its
 *      tag class and its class/id hints, matched against the pattern lists
 *      of data/html/ (unlikely, boilerplate, maybe, positive, negative,
 *      small, captions, embeds), and hands metadata elements to
 *      html_meta.c.  For each attempt one pass marks what is dropped
 *      (script, style, nav, aside, footer, header, hidden elements, chrome
 *      by class/id, never a wrapper of an <article>, <main>, articleBody or
 *      an embedded tweet) and one pass backwards sums text, link text,
 *      commas, prose and child counts bottom-up: every measure is
 *      O(elements).
 *   3. The container is found by scoring in the way of Readability.js
 *      (Mozilla): each paragraph (a block with 25+ characters of its own
 *      text; not list items) gives 1 + commas + length/100 points to its
 *      parent and, halved and thirded, to its ancestors; a candidate's score
 *      is scaled by (1 - link density).  Hints: class/id (+-25), <article>,
 *      itemprop=articleBody, the <article> around the page's only <h1>, the
 *      element holding the first words of the JSON-LD articleBody.  The best
 *      candidate moves up when runners-up share an ancestor, when its parent
 *      scores better, or when an ancestor holds much more prose (a story cut
 *      into sections), never out of an <article> into a list of them; it is
 *      joined by siblings that score nearly as well.
 *   4. Blocks are emitted from the container: block-level elements and
 *      captions end a block; lists, tables and divisions full of links,
 *      images or form fields are dropped (Readability's conditional
 *      cleaning), and so are short bylines/dates/tags (data/html/small.txt),
 *      blocks that are one link, and furniture labels such as
 *      "Advertisement" (data/html/labels.txt).  Too little text (< 500
 *      characters) makes the extraction run again with fewer drop rules; a
 *      retry wins only by finding much more.  The JSON-LD articleBody stands
 *      in when the tree yields much less than it.
 *
 * White space is collapsed inside blocks; inline elements join their text
 * without adding spaces; one <br> is a line break inside a block and two in
 * a row end the block.  Entities are decoded by libxml2.
 */
#include "ingest/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/data.h"
#include "ingest/charset.h"
#include "ingest/html_meta.h"
#include "util/mem.h"

/* ------------------------------------------------------------------ tags */

enum {
    TF_DROP = 1u << 0,    /* never text: script, style, media, controls */
    TF_CHROME = 1u << 1,  /* page furniture: nav, aside, footer, header, form */
    TF_BLOCK = 1u << 2,   /* ends the current block */
    TF_HEAD = 1u << 3,    /* a heading */
    TF_LIST = 1u << 4,    /* ul, ol, dl */
    TF_PARA = 1u << 5,    /* p */
    TF_EMBED = 1u << 6,   /* object, embed, iframe */
    TF_INPUT = 1u << 7    /* input, select, textarea, button */
};

typedef enum {
    K_OTHER, K_A, K_BR, K_P, K_DIV, K_LI, K_H1, K_HN, K_BLOCKQUOTE, K_FIGCAPTION, K_CAPTION,
    K_FIGURE, K_IMG, K_TD, K_PRE, K_TABLE, K_ARTICLE, K_MAIN, K_SECTION, K_BODY, K_FORM, K_HEADER,
    K_UL, K_DT, K_HEAD
} tag_kind;

typedef struct tag_info {
    const char *name;
    unsigned flags;
    tag_kind kind;
} tag_info;

/* Sorted by name for bsearch. */
static const tag_info tags[] = {
    {"a", 0, K_A},
    {"address", TF_BLOCK, K_OTHER},
    {"applet", TF_DROP, K_OTHER},
    {"article", TF_BLOCK, K_ARTICLE},
    {"aside", TF_CHROME | TF_BLOCK, K_OTHER},
    {"audio", TF_DROP, K_OTHER},
    {"blockquote", TF_BLOCK, K_BLOCKQUOTE},
    {"body", TF_BLOCK, K_BODY},
    {"br", 0, K_BR},
    {"button", TF_DROP | TF_INPUT, K_OTHER},
    {"canvas", TF_DROP, K_OTHER},
    {"caption", TF_BLOCK, K_CAPTION},
    {"center", TF_BLOCK, K_DIV},
    {"dd", TF_BLOCK, K_LI},
    {"details", TF_BLOCK, K_OTHER},
    {"dialog", TF_DROP, K_OTHER},
    {"div", TF_BLOCK, K_DIV},
    {"dl", TF_BLOCK | TF_LIST, K_UL},
    {"dt", TF_BLOCK, K_DT},
    {"embed", TF_DROP | TF_EMBED, K_OTHER},
    {"fieldset", TF_BLOCK, K_OTHER},
    {"figcaption", TF_BLOCK, K_FIGCAPTION},
    {"figure", TF_BLOCK, K_FIGURE},
    {"footer", TF_CHROME | TF_BLOCK, K_OTHER},
    {"form", TF_BLOCK, K_FORM},
    {"frame", TF_DROP, K_OTHER},
    {"frameset", TF_DROP, K_OTHER},
    {"h1", TF_BLOCK | TF_HEAD, K_H1},
    {"h2", TF_BLOCK | TF_HEAD, K_HN},
    {"h3", TF_BLOCK | TF_HEAD, K_HN},
    {"h4", TF_BLOCK | TF_HEAD, K_HN},
    {"h5", TF_BLOCK | TF_HEAD, K_HN},
    {"h6", TF_BLOCK | TF_HEAD, K_HN},
    {"head", TF_DROP, K_HEAD},
    {"header", TF_CHROME | TF_BLOCK, K_HEADER},
    {"hgroup", TF_BLOCK, K_OTHER},
    {"hr", TF_BLOCK, K_OTHER},
    {"html", TF_BLOCK, K_OTHER},
    {"iframe", TF_DROP | TF_EMBED, K_OTHER},
    {"img", 0, K_IMG},
    {"input", TF_DROP | TF_INPUT, K_OTHER},
    {"legend", TF_BLOCK, K_OTHER},
    {"li", TF_BLOCK, K_LI},
    {"link", TF_DROP, K_OTHER},
    {"main", TF_BLOCK, K_MAIN},
    {"map", TF_DROP, K_OTHER},
    {"math", TF_DROP, K_OTHER},
    {"menu", TF_CHROME | TF_BLOCK, K_OTHER},
    {"meta", TF_DROP, K_OTHER},
    {"nav", TF_CHROME | TF_BLOCK, K_OTHER},
    {"noscript", TF_DROP, K_OTHER},
    {"object", TF_DROP | TF_EMBED, K_OTHER},
    {"ol", TF_BLOCK | TF_LIST, K_UL},
    {"optgroup", TF_DROP, K_OTHER},
    {"option", TF_DROP, K_OTHER},
    {"p", TF_BLOCK | TF_PARA, K_P},
    {"picture", 0, K_IMG},
    {"pre", TF_BLOCK, K_PRE},
    {"script", TF_DROP, K_OTHER},
    {"section", TF_BLOCK, K_SECTION},
    {"select", TF_DROP | TF_INPUT, K_OTHER},
    {"style", TF_DROP, K_OTHER},
    {"summary", TF_BLOCK, K_OTHER},
    {"svg", TF_DROP, K_OTHER},
    {"table", TF_BLOCK, K_TABLE},
    {"tbody", TF_BLOCK, K_OTHER},
    {"td", TF_BLOCK, K_TD},
    {"template", TF_DROP, K_OTHER},
    {"textarea", TF_DROP | TF_INPUT, K_OTHER},
    {"tfoot", TF_BLOCK, K_OTHER},
    {"th", TF_BLOCK, K_TD},
    {"thead", TF_BLOCK, K_OTHER},
    {"title", TF_DROP, K_OTHER},
    {"tr", TF_BLOCK, K_OTHER},
    {"ul", TF_BLOCK | TF_LIST, K_UL},
    {"video", TF_DROP, K_OTHER},
};

static const tag_info other_tag = {"", 0, K_OTHER};

static int cmp_tag(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const tag_info *)elem)->name);
}

static const tag_info *tag_of(const xmlNode *n)
{
    const tag_info *t;
    if (!n->name)
        return &other_tag;
    t = bsearch(n->name, tags, sizeof(tags) / sizeof(tags[0]), sizeof(tags[0]), cmp_tag);
    return t ? t : &other_tag;
}

/* ------------------------------------------------------------------ class/id patterns */

typedef struct pat_list {
    char **p;       /* the patterns, NUL-terminated copies */
    size_t *len;    /* their lengths */
    size_t n, cap, lcap;
} pat_list;

typedef struct html_rules {
    pat_list unlikely, boilerplate, maybe, positive, negative, small, embeds, labels, captions;
} html_rules;

static void load_list(pat_list *l, const char *name)
{
    size_t dlen, pos = 0, n;
    const char *data = sl_data_get(name, &dlen), *line;
    if (!data)
        return;
    while (sl_data_next_line(data, dlen, &pos, &line, &n)) {
        if (!n)
            continue;
        SL_PUSH(l->p, l->n, l->cap, sl_xstrndup(line, n));
        l->n--;
        SL_PUSH(l->len, l->n, l->lcap, n);
    }
}

static void *rules_make(sl_ctx *ctx)
{
    html_rules *r = sl_xcalloc(1, sizeof(*r));
    (void)ctx;
    load_list(&r->unlikely, "html/unlikely");
    load_list(&r->boilerplate, "html/boilerplate");
    load_list(&r->small, "html/small");
    load_list(&r->embeds, "html/embeds");
    load_list(&r->labels, "html/labels");
    load_list(&r->captions, "html/captions");
    load_list(&r->maybe, "html/maybe");
    load_list(&r->positive, "html/positive");
    load_list(&r->negative, "html/negative");
    return r;
}

static void free_list(pat_list *l)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        free(l->p[i]);
    free(l->p);
    free(l->len);
}

static void rules_free(void *p)
{
    html_rules *r = p;
    if (!r)
        return;
    free_list(&r->unlikely);
    free_list(&r->boilerplate);
    free_list(&r->small);
    free_list(&r->embeds);
    free_list(&r->labels);
    free_list(&r->captions);
    free_list(&r->maybe);
    free_list(&r->positive);
    free_list(&r->negative);
    free(r);
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Whether the lower-cased, NUL-terminated class/id string s[0..n) matches
 * one pattern: "=w" a whole token, "^w" a token prefix, "w" a substring.
 * strstr keeps the substring case linear in practice. */
static int pat_match1(const char *s, size_t n, const char *p, size_t plen)
{
    const char *t = s, *end = s + n;
    char mode = 0;
    if (plen && (p[0] == '=' || p[0] == '^')) {
        mode = p[0];
        p++;
        plen--;
    }
    if (!plen || plen > n)
        return 0;
    if (!mode)
        return strstr(s, p) != NULL;
    while (t < end) {
        const char *e;
        while (t < end && is_ws((unsigned char)*t))
            t++;
        e = t;
        while (e < end && !is_ws((unsigned char)*e))
            e++;
        if ((size_t)(e - t) >= plen && memcmp(t, p, plen) == 0 && (mode == '^' || (size_t)(e - t) == plen))
            return 1;
        t = e;
    }
    return 0;
}

static int pat_match(const pat_list *l, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        if (pat_match1(s, n, l->p[i], l->len[i]))
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ the element table */

#define MAX_CLASS_BYTES 512

enum {
    EF_DROP = 1u << 0,      /* dropped by tag (script, style, ...) */
    EF_CHROME = 1u << 1,    /* page furniture by tag or role */
    EF_UNLIKELY = 1u << 2,  /* class/id says page chrome */
    EF_HIDDEN = 1u << 3,    /* hidden, display:none, aria-hidden */
    EF_LINK = 1u << 4,      /* inside an <a> */
    EF_FIGURE = 1u << 5,    /* inside a <figure> */
    EF_GONE = 1u << 6,      /* dropped under the current rules (self or ancestor) */
    EF_CAND = 1u << 7,      /* has a score */
    EF_ARTBODY = 1u << 8,   /* itemprop=articleBody */
    EF_MAYBE = 1u << 9,     /* class/id also matches a "maybe" pattern */
    EF_BOILER = 1u << 10,   /* class/id says comments, sharing, related links, ads */
    EF_HASART = 1u << 11,   /* holds an <article>, <main> or itemprop=articleBody */
    EF_SMALL = 1u << 12,    /* class/id says byline, date, tags, credit: dropped when short */
    EF_EMBED = 1u << 13,    /* an embedded post (tweet) or an element around one */
    EF_CAPTION = 1u << 14,  /* class/id says caption: a block of its own, a caption */
    EF_INITEM = 1u << 15    /* inside a list item (comment threads are lists) */
};

/* One element; counts are 32-bit since a document is capped far below 4 G
 * characters, which keeps the table small next to libxml2's own nodes. */
typedef struct elem {
    xmlNode *x;
    const tag_info *tag;
    double score;
    int parent;          /* index, -1 for the root */
    int end;             /* one past the last element of the subtree (pre-order) */
    int block;           /* nearest block-level element, itself included, or -1 */
    unsigned flags;
    int weight;          /* class/id weight: +25 positive, -25 negative */
    /* sums over the subtree, dropped parts left out */
    uint32_t text;       /* characters of text (white space runs count one) */
    uint32_t link;       /* of which inside links */
    uint32_t itext;      /* text whose nearest block ancestor is this element */
    uint32_t head;       /* text inside headings */
    uint32_t commas;
    uint32_t icommas;    /* commas of itext */
    uint32_t ptext;      /* prose: <p> of 40+ characters, few links, not in a list item */
    uint32_t np, nimg, nli, ninput, nembed, nblock, nart;
} elem;

typedef struct extractor {
    sl_ctx *ctx;
    const html_rules *rules;
    xmlDocPtr doc;
    elem *e;
    size_t n, cap;
    sl_html_doc *out;
    sl_html_meta meta;
    int ld_anchor;       /* element holding the start of the JSON-LD articleBody, or -1 */
} extractor;

/* Reads an attribute into a lower-cased NUL-terminated buffer (ASCII only:
 * class names and ids are matched against ASCII patterns). */
static void attr_lower(xmlNode *x, const char *name, sl_buf *b)
{
    xmlChar *v = xmlGetProp(x, (const xmlChar *)name);
    size_t i, start;
    if (!v)
        return;
    if (b->len)
        sl_buf_putc(b, ' ');
    start = b->len;
    sl_buf_puts(b, (const char *)v);
    for (i = start; i < b->len; i++)
        if (b->ptr[i] >= 'A' && b->ptr[i] <= 'Z')
            b->ptr[i] = (char)(b->ptr[i] - 'A' + 'a');
    xmlFree(v);
}

static int attr_is(xmlNode *x, const char *name, const char *val)
{
    xmlChar *v = xmlGetProp(x, (const xmlChar *)name);
    int r = 0;
    if (v) {
        r = xmlStrcasecmp(v, (const xmlChar *)val) == 0;
        xmlFree(v);
    }
    return r;
}

/* Roles that mark page furniture (WAI-ARIA landmark and widget roles). */
static int chrome_role(xmlNode *x)
{
    static const char *const roles[] = {"navigation", "complementary", "banner", "contentinfo",
                                        "menu",       "menubar",       "dialog", "alertdialog",
                                        "search",     "toolbar",       NULL};
    xmlChar *v = xmlGetProp(x, (const xmlChar *)"role");
    int r = 0, i;
    if (!v)
        return 0;
    for (i = 0; roles[i]; i++)
        if (xmlStrcasecmp(v, (const xmlChar *)roles[i]) == 0)
            r = 1;
    xmlFree(v);
    return r;
}

static int is_hidden(xmlNode *x)
{
    xmlChar *v;
    int r = 0;
    if (xmlHasProp(x, (const xmlChar *)"hidden"))
        return 1;
    if (attr_is(x, "aria-hidden", "true"))
        return 1;
    v = xmlGetProp(x, (const xmlChar *)"style");
    if (v) {
        const char *s = (const char *)v;
        size_t i, j = 0;
        char tmp[64];
        /* squeeze out spaces and lower-case, then look for the two rules */
        for (i = 0; s[i] && j + 1 < sizeof(tmp); i++) {
            if (is_ws((unsigned char)s[i]))
                continue;
            tmp[j++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
        }
        tmp[j] = '\0';
        r = strstr(tmp, "display:none") != NULL || strstr(tmp, "visibility:hidden") != NULL;
        xmlFree(v);
    }
    return r;
}

/* Characters of text as a reader sees them: white space runs count one. */
static size_t text_chars(const char *s, size_t *commas)
{
    size_t n = 0;
    int sp = 1;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (is_ws(c)) {
            if (!sp)
                n++;
            sp = 1;
            continue;
        }
        sp = 0;
        if ((c & 0xC0) != 0x80)
            n++;
        if (c == ',')
            (*commas)++;
        else if (c == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] == 0x8C)
            (*commas)++; /* U+FF0C fullwidth comma */
        else if (c == 0xD8 && (unsigned char)s[1] == 0x8C)
            (*commas)++; /* U+060C Arabic comma */
        else if (c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x81)
            (*commas)++; /* U+3001 ideographic comma */
    }
    return n;
}

/* Records the elements under `root` in document order, without recursion.
 * Metadata elements are handed to html_meta.c on the way. */
static void collect(extractor *ex, xmlNode *root)
{
    int stack[SL_MAX_HTML_DEPTH + 2] = {0};
    int depth = 0, cur = -1;
    xmlNode *n = root;
    sl_buf cls = SL_BUF_INIT;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            const tag_info *t = tag_of(n);
            sl_html_meta_element(&ex->meta, n);
            if (depth < SL_MAX_HTML_DEPTH) {
                elem el;
                unsigned pf = cur >= 0 ? ex->e[cur].flags : 0;
                memset(&el, 0, sizeof(el));
                el.x = n;
                el.parent = cur;
                el.tag = t;
                el.block = (t->flags & TF_BLOCK) ? (int)ex->n : cur >= 0 ? ex->e[cur].block : -1;
                el.flags = pf & (EF_LINK | EF_FIGURE | EF_INITEM);
                if (t->kind == K_LI)
                    el.flags |= EF_INITEM;
                if (t->kind == K_A)
                    el.flags |= EF_LINK;
                if (t->kind == K_FIGURE)
                    el.flags |= EF_FIGURE;
                if (t->flags & TF_DROP)
                    el.flags |= EF_DROP;
                if ((t->flags & TF_CHROME) || chrome_role(n))
                    el.flags |= EF_CHROME;
                if (n->properties) {
                    if (is_hidden(n))
                        el.flags |= EF_HIDDEN;
                    if (attr_is(n, "itemprop", "articleBody"))
                        el.flags |= EF_ARTBODY;
                    if (attr_is(n, "itemprop", "author") || attr_is(n, "rel", "author"))
                        el.flags |= EF_SMALL;
                    sl_buf_clear(&cls);
                    attr_lower(n, "class", &cls);
                    attr_lower(n, "id", &cls);
                    /* patterns are matched in the first bytes only, so a
                     * megabyte-long class attribute costs no more */
                    if (cls.len > MAX_CLASS_BYTES)
                        sl_buf_truncate(&cls, MAX_CLASS_BYTES);
                    if (cls.len) {
                        if (pat_match(&ex->rules->unlikely, cls.ptr, cls.len))
                            el.flags |= EF_UNLIKELY;
                        if (pat_match(&ex->rules->captions, cls.ptr, cls.len))
                            el.flags |= EF_CAPTION;
                        if (pat_match(&ex->rules->embeds, cls.ptr, cls.len))
                            el.flags |= EF_EMBED;
                        if (pat_match(&ex->rules->small, cls.ptr, cls.len))
                            el.flags |= EF_SMALL;
                        if (pat_match(&ex->rules->boilerplate, cls.ptr, cls.len))
                            el.flags |= EF_BOILER;
                        if (pat_match(&ex->rules->maybe, cls.ptr, cls.len))
                            el.flags |= EF_MAYBE;
                        if (pat_match(&ex->rules->negative, cls.ptr, cls.len))
                            el.weight -= 25;
                        if (pat_match(&ex->rules->positive, cls.ptr, cls.len))
                            el.weight += 25;
                    }
                }
                SL_PUSH(ex->e, ex->n, ex->cap, el);
                n->_private = (void *)(intptr_t)ex->n; /* NOLINT(performance-no-int-to-ptr): an index, never dereferenced */
                stack[depth] = cur;
                cur = (int)ex->n - 1;
                descend = (!(t->flags & TF_DROP) || t->kind == K_HEAD) && n->children;
            } else {
                /* deeper than the cap: the text still counts, as inline */
                n->_private = NULL;
                descend = !(t->flags & TF_DROP) && n->children;
            }
        }
        if (descend) {
            n = n->children;
            depth++;
            continue;
        }
        /* leave this node and every ancestor whose children are done */
        for (;;) {
            if (n->type == XML_ELEMENT_NODE && depth < SL_MAX_HTML_DEPTH) {
                ex->e[cur].end = (int)ex->n;
                cur = stack[depth];
            }
            if (n == root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            depth--;
            if (!n)
                break;
        }
    }
    sl_buf_free(&cls);
    /* which elements hold an article marker: a class pattern never drops
     * those (a wrapper "m-advertisement-pusher" around the whole page) */
    {
        size_t i;
        for (i = ex->n; i-- > 0;) {
            elem *e = &ex->e[i];
            int mark = (e->flags & (EF_ARTBODY | EF_HASART)) || e->tag->kind == K_ARTICLE ||
                       e->tag->kind == K_MAIN;
            if (mark && e->parent >= 0)
                ex->e[e->parent].flags |= EF_HASART;
            if ((e->flags & EF_EMBED) && e->parent >= 0)
                ex->e[e->parent].flags |= EF_EMBED;
        }
    }
}

/* ------------------------------------------------------------------ measuring */

/* The rules of one attempt: later attempts drop less. */
enum { R_UNLIKELY = 1u, R_WEIGHT = 2u, R_CLEAN = 4u, R_ALL = 7u };

/* Marks EF_GONE under the rules and sums the measures bottom-up.  Elements
 * are in document order, so a parent always precedes its children. */
static void measure(extractor *ex, unsigned rules)
{
    size_t i;
    for (i = 0; i < ex->n; i++) {
        elem *e = &ex->e[i];
        unsigned gone = e->flags & (EF_DROP | EF_CHROME | EF_HIDDEN);
        if (((rules & R_UNLIKELY) ? (e->flags & (EF_UNLIKELY | EF_BOILER)) : (e->flags & EF_BOILER)) &&
            !(e->flags & (EF_MAYBE | EF_ARTBODY | EF_HASART | EF_EMBED)) &&
            e->tag->kind != K_BODY && e->tag->kind != K_A && e->tag->kind != K_ARTICLE &&
            e->tag->kind != K_MAIN)
            gone = 1;
        if (e->parent >= 0 && (ex->e[e->parent].flags & EF_GONE))
            gone = 1;
        e->flags = (e->flags & ~(unsigned)(EF_GONE | EF_CAND)) | (gone ? EF_GONE : 0u);
        e->text = e->link = e->itext = e->head = e->commas = e->icommas = e->ptext = 0;
        e->np = e->nimg = e->nli = e->ninput = e->nembed = e->nblock = e->nart = 0;
        e->score = 0;
    }
    /* text nodes: each belongs to its element, and its inline text to the
     * nearest block ancestor */
    for (i = 0; i < ex->n; i++) {
        elem *e = &ex->e[i];
        xmlNode *c;
        if (e->flags & EF_GONE)
            continue;
        for (c = e->x->children; c; c = c->next) {
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
                size_t commas = 0, k = text_chars((const char *)c->content, &commas);
                int b = e->block;
                e->text += k;
                e->commas += commas;
                if (e->flags & EF_LINK)
                    e->link += k;
                if (e->tag->flags & TF_HEAD)
                    e->head += k;
                if (b >= 0) {
                    ex->e[b].itext += k;
                    ex->e[b].icommas += commas;
                }
            }
        }
    }
    for (i = ex->n; i-- > 0;) {
        elem *e = &ex->e[i], *p;
        if (e->flags & EF_GONE) {
            /* a dropped element still counts as an image or field */
            if (e->parent >= 0 && !(ex->e[e->parent].flags & EF_GONE)) {
                p = &ex->e[e->parent];
                if (e->tag->flags & TF_INPUT)
                    p->ninput++;
                if (e->tag->flags & TF_EMBED)
                    p->nembed++;
            }
            continue;
        }
        if (e->tag->kind == K_P) {
            e->np++;
            if (e->text >= 40 && e->link * 4 < e->text && !(e->flags & EF_INITEM))
                e->ptext += e->text;
        }
        if (e->tag->kind == K_IMG)
            e->nimg++;
        if (e->tag->kind == K_LI)
            e->nli++;
        if (e->tag->kind == K_ARTICLE)
            e->nart++;
        if (e->parent < 0)
            continue;
        p = &ex->e[e->parent];
        p->text += e->text;
        p->link += e->link;
        p->head += (e->tag->flags & TF_HEAD) ? e->text : e->head;
        p->commas += e->commas;
        p->np += e->np;
        p->nimg += e->nimg;
        p->nli += e->nli;
        p->ninput += e->ninput;
        p->nembed += e->nembed;
        p->nart += e->nart;
        p->ptext += e->ptext;
        if (e->tag->flags & TF_BLOCK)
            p->nblock++;
    }
}

static double link_density(const elem *e)
{
    return e->text ? (double)e->link / (double)e->text : 0.0;
}

/* ------------------------------------------------------------------ scoring */

static double base_score(const elem *e, unsigned rules)
{
    double s = 0;
    switch (e->tag->kind) {
    case K_DIV: s = 5; break;
    case K_PRE: case K_TD: case K_BLOCKQUOTE: s = 3; break;
    case K_UL: case K_LI: case K_FORM: case K_DT: s = -3; break;
    case K_H1: case K_HN: s = -5; break;
    case K_ARTICLE: s = 10; break;
    default: break;
    }
    if (e->flags & EF_ARTBODY)
        s += 50;
    if (rules & R_WEIGHT)
        s += e->weight;
    return s;
}

static void add_score(extractor *ex, int i, double s, unsigned rules)
{
    elem *e = &ex->e[i];
    if (!(e->flags & EF_CAND)) {
        e->flags |= EF_CAND;
        e->score = base_score(e, rules);
    }
    e->score += s;
}

/* The <article> around the page's only visible <h1>, or -1: that headline
 * names the story, and the article holding it is the story even when a
 * list of teaser articles of the same size follows. */
static int headline_article(const extractor *ex)
{
    size_t i;
    int h1 = -1, a;
    for (i = 0; i < ex->n; i++) {
        if (ex->e[i].tag->kind != K_H1 || (ex->e[i].flags & EF_GONE))
            continue;
        if (h1 >= 0)
            return -1;
        h1 = (int)i;
    }
    for (a = h1; a >= 0; a = ex->e[a].parent)
        if (ex->e[a].tag->kind == K_ARTICLE)
            return ex->e[a].nart == 1 ? a : -1;
    return -1;
}

/* Finds the element whose text starts the JSON-LD articleBody (a probe of
 * its first words, white space collapsed, looked for in each text node:
 * linear in the page), so that the publisher's own statement of the
 * story's text can vouch for a container.  Sets ex->ld_anchor. */
static void find_ld_anchor(extractor *ex)
{
    char *probe, *c;
    size_t i, n;
    ex->ld_anchor = -1;
    if (!ex->meta.ld_body)
        return;
    c = sl_html_collapse(ex->meta.ld_body, strlen(ex->meta.ld_body));
    n = strlen(c);
    if (n < 60) {
        free(c);
        return;
    }
    /* 40 bytes, cut back to a whole UTF-8 character */
    n = 40;
    while (n && ((unsigned char)c[n] & 0xC0) == 0x80)
        n--;
    probe = sl_xstrndup(c, n);
    free(c);
    for (i = 0; i < ex->n && ex->ld_anchor < 0; i++) {
        xmlNode *t;
        if (ex->e[i].flags & EF_DROP)
            continue; /* the JSON-LD script itself holds the probe */
        for (t = ex->e[i].x->children; t; t = t->next) {
            char *tc;
            if (t->type != XML_TEXT_NODE || !t->content || strlen((const char *)t->content) < n)
                continue;
            tc = sl_html_collapse((const char *)t->content, strlen((const char *)t->content));
            if (strstr(tc, probe)) {
                ex->ld_anchor = ex->e[i].block >= 0 ? ex->e[i].block : (int)i;
                free(tc);
                break;
            }
            free(tc);
        }
    }
    free(probe);
}

/* Scores the candidates; returns the index of the best, or -1. */
static int score_candidates(extractor *ex, unsigned rules)
{
    size_t i;
    int best = -1, ha = headline_article(ex);
    if (ha >= 0)
        add_score(ex, ha, 25, rules);
    if (ex->ld_anchor >= 0 && !(ex->e[ex->ld_anchor].flags & EF_GONE) && ex->e[ex->ld_anchor].parent >= 0)
        add_score(ex, ex->e[ex->ld_anchor].parent, 25, rules);
    for (i = 0; i < ex->n; i++) {
        elem *e = &ex->e[i];
        int a, level;
        double s;
        /* list items are no paragraphs (Readability scores p, td, pre and
         * text-bearing divs): a short list must not make its list a
         * negative candidate that cleaning then drops */
        if ((e->flags & EF_GONE) || !(e->tag->flags & TF_BLOCK) || (e->tag->flags & TF_HEAD) ||
            e->tag->kind == K_LI || e->tag->kind == K_DT)
            continue;
        if (e->itext < 25 || e->parent < 0)
            continue;
        s = 1.0 + (double)e->icommas + (double)(e->itext / 100 < 3 ? e->itext / 100 : 3);
        /* loose text beside blocks is a paragraph of its own element (as
         * Readability wraps such runs in <p>) */
        for (a = e->nblock ? (int)i : e->parent, level = 0; a >= 0 && level < 5; a = ex->e[a].parent, level++) {
            double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
            if (ex->e[a].tag->kind == K_OTHER && !ex->e[a].x->parent)
                break;
            add_score(ex, a, s / div, rules);
        }
    }
    for (i = 0; i < ex->n; i++) {
        elem *e = &ex->e[i];
        if (!(e->flags & EF_CAND) || (e->flags & EF_GONE))
            continue;
        e->score *= 1.0 - link_density(e);
        if (best < 0 || e->score > ex->e[best].score)
            best = (int)i;
    }
    return best;
}

static int is_ancestor(const extractor *ex, int a, int d)
{
    return a <= d && d < ex->e[a].end;
}

/* Moves the top candidate up when the runners-up share an ancestor with it
 * or when its parent scores better (Readability's two climbs). */
/* Whether the climb from `top` may go up to p: never out of an <article>
 * into an element holding several, a list of stories. */
static int may_climb(const extractor *ex, int top, int p)
{
    int a;
    if (ex->e[p].nart < 2)
        return 1;
    for (a = top; a >= 0 && a != p; a = ex->e[a].parent)
        if (ex->e[a].tag->kind == K_ARTICLE)
            return 0;
    return 1;
}

static int refine_top(extractor *ex, int top)
{
    size_t i;
    int alts[8], nalt = 0, p;
    double last, threshold;
    for (i = 0; i < ex->n && nalt < 8; i++) {
        const elem *e = &ex->e[i];
        if ((int)i != top && (e->flags & EF_CAND) && !(e->flags & EF_GONE) &&
            e->score >= 0.75 * ex->e[top].score)
            alts[nalt++] = (int)i;
    }
    if (nalt >= 3) {
        for (p = ex->e[top].parent; p >= 0 && ex->e[p].tag->kind != K_BODY; p = ex->e[p].parent) {
            int k, shared = 0;
            if (!may_climb(ex, top, p))
                break;
            for (k = 0; k < nalt; k++)
                shared += is_ancestor(ex, p, alts[k]);
            if (shared >= 3) {
                top = p;
                break;
            }
        }
    }
    last = ex->e[top].score;
    threshold = last / 3;
    for (p = ex->e[top].parent; p >= 0 && ex->e[p].tag->kind != K_BODY; p = ex->e[p].parent) {
        if (!may_climb(ex, top, p))
            break;
        if (!(ex->e[p].flags & EF_CAND))
            continue;
        if (ex->e[p].score < threshold)
            break;
        if (ex->e[p].score > last) {
            top = p;
            break;
        }
        last = ex->e[p].score;
    }
    /* a story cut into sections by figures and quotes: an ancestor holding
     * much more prose of few links is the story.  Wrappers that add no
     * prose are passed over; two ancestors that add prose without
     * qualifying end the search. */
    {
        int misses = 0;
        size_t last_p = ex->e[top].ptext;
        for (p = ex->e[top].parent; p >= 0 && ex->e[p].tag->kind != K_BODY && misses < 2;
             p = ex->e[p].parent) {
            const elem *a = &ex->e[p];
            if (!may_climb(ex, top, p))
                break;
            if (a->ptext == last_p)
                continue;
            last_p = a->ptext;
            if (a->ptext * 10 >= ex->e[top].ptext * 13 && link_density(a) < 0.2 &&
                a->ptext * 10 >= a->text * 6)
                top = p;
            else
                misses++;
        }
    }
    /* an only child says no more than its parent */
    for (p = ex->e[top].parent; p >= 0 && ex->e[p].tag->kind != K_BODY; p = ex->e[p].parent) {
        if (ex->e[p].nblock != 1 || ex->e[p].text != ex->e[top].text || !may_climb(ex, top, p))
            break;
        top = p;
    }
    return top;
}

/* ------------------------------------------------------------------ emitting blocks */

typedef struct emitter {
    extractor *ex;
    sl_buf cur;          /* the block being built */
    int space;           /* a space is owed before the next word */
    int brs;             /* <br>s since the last word */
    sl_block_kind kind;  /* kind of the block being built */
    unsigned rules;
    size_t chars, link;  /* characters of the block, and of them inside links */
    int in_link;         /* the text being put is inside a link */
} emitter;

/* Whether a block is only a furniture label ("Advertisement", "Share"):
 * equal to an entry of data/html/labels.txt ignoring ASCII case and a
 * trailing colon or ellipsis. */
static int is_label(const html_rules *r, const char *s, size_t n)
{
    size_t i, k;
    while (n && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ' '))
        n--;
    if (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0)
        n -= 3;
    if (n > 64)
        return 0;
    for (i = 0; i < r->labels.n; i++) {
        if (r->labels.len[i] != n)
            continue;
        for (k = 0; k < n; k++) {
            char c = s[k];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if (c != r->labels.p[i][k])
                break;
        }
        if (k == n)
            return 1;
    }
    return 0;
}

static void flush(emitter *em)
{
    sl_html_block blk;
    sl_html_doc *d = em->ex->out;
    while (em->cur.len && (em->cur.ptr[em->cur.len - 1] == ' ' || em->cur.ptr[em->cur.len - 1] == '\n'))
        em->cur.len--;
    em->space = 0;
    em->brs = 0;
    /* a paragraph or item that is one link and nothing else points to
     * another story ("You may also like" lists, "Read more" lines) */
    if (em->cur.len && em->link * 10 >= em->chars * 9 &&
        (em->kind == SL_BLOCK_BODY || em->kind == SL_BLOCK_ITEM))
        sl_buf_clear(&em->cur);
    if (em->cur.len && is_label(em->ex->rules, em->cur.ptr, em->cur.len))
        sl_buf_clear(&em->cur);
    em->chars = em->link = 0;
    if (!em->cur.len)
        return;
    em->cur.ptr[em->cur.len] = '\0';
    blk.len = em->cur.len;
    blk.text = sl_xstrndup(em->cur.ptr, em->cur.len);
    blk.kind = em->kind;
    SL_PUSH(d->blocks, d->nblocks, d->cblocks, blk);
    sl_buf_clear(&em->cur);
}

static void put_text(emitter *em, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (is_ws(c)) {
            if (em->cur.len)
                em->space = 1;
            continue;
        }
        if (em->space && em->cur.len)
            sl_buf_putc(&em->cur, em->brs ? '\n' : ' ');
        else if (em->brs && em->cur.len)
            sl_buf_putc(&em->cur, '\n');
        em->space = 0;
        em->brs = 0;
        sl_buf_putc(&em->cur, c);
        if ((c & 0xC0) != 0x80) {
            em->chars++;
            if (em->in_link)
                em->link++;
        }
    }
}

/* The kind of text inside element i: the nearest kind-bearing ancestor
 * below the container decides. */
static sl_block_kind kind_of(const extractor *ex, int i, int stop)
{
    for (; i >= 0; i = ex->e[i].parent) {
        if (ex->e[i].flags & EF_CAPTION)
            return SL_BLOCK_CAPTION;
        switch (ex->e[i].tag->kind) {
        case K_LI: case K_DT: return SL_BLOCK_ITEM;
        case K_FIGCAPTION: case K_CAPTION: case K_FIGURE: return SL_BLOCK_CAPTION;
        case K_BLOCKQUOTE: return SL_BLOCK_QUOTE;
        case K_H1: return SL_BLOCK_TITLE;
        case K_HN: return SL_BLOCK_HEADING;
        default: break;
        }
        if (i == stop)
            break;
    }
    return SL_BLOCK_BODY;
}

/* Readability's conditional cleaning: whether a list, table, form or
 * division inside the article is furniture after all. */
static int clean_away(const extractor *ex, int i, unsigned rules)
{
    const elem *e = &ex->e[i];
    tag_kind k = e->tag->kind;
    int weight = (rules & R_WEIGHT) ? e->weight : 0;
    int is_list = k == K_UL;
    double ld;
    if (!(rules & R_CLEAN))
        return 0;
    if (e->flags & EF_EMBED)
        return 0;
    if ((e->flags & EF_SMALL) && e->text < 150 && !(e->flags & (EF_ARTBODY | EF_HASART)))
        return 1;
    if (k != K_DIV && k != K_SECTION && k != K_UL && k != K_TABLE && k != K_FORM && k != K_OTHER &&
        k != K_HEADER)
        return 0;
    if (k == K_OTHER && !(e->tag->flags & TF_BLOCK))
        return 0;
    if (e->flags & EF_ARTBODY)
        return 0;
    if (weight + ((e->flags & EF_CAND) ? e->score : 0) < 0)
        return 1;
    if (e->commas >= 10)
        return 0;
    ld = link_density(e);
    if (!is_list && e->nli > e->np + 100)
        return 0; /* never, as in Readability ("li - 100") */
    if (e->nimg > 1 && (double)e->np / e->nimg < 0.5 && !(e->flags & EF_FIGURE))
        return 1;
    if (e->ninput > e->np / 3)
        return 1;
    if (!is_list && e->text < 25 && (e->nimg == 0 || e->nimg > 2) && ld > 0 &&
        (!e->text || (double)e->head / e->text < 0.9))
        return 1;
    if (!is_list && weight < 25 && ld > 0.2)
        return 1;
    if (weight >= 25 && ld > 0.5)
        return 1;
    if (is_list && ld > 0.5)
        return 1;
    if ((e->nembed == 1 && e->text < 75) || e->nembed > 1)
        return 1;
    return 0;
}

/* Whether an element ends the block before and after it: block-level
 * tags, and captions whatever their tag. */
static int is_block(const elem *e)
{
    return (e->tag->flags & TF_BLOCK) || (e->flags & EF_CAPTION);
}

/* The table index of an element recorded by collect(), or -1 for one below
 * the depth cap. */
static int index_of(const xmlNode *n)
{
    return n->_private ? (int)((intptr_t)n->_private - 1) : -1;
}

/* Emits the text of the subtree of element `root` as blocks, walking the
 * libxml2 tree without recursion.  Elements below the depth cap have no
 * entry and are read as inline. */
static void emit_subtree(emitter *em, int root)
{
    extractor *ex = em->ex;
    xmlNode *top = ex->e[root].x, *n = top;
    int cur = -1; /* innermost recorded element we are in */
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            int id = index_of(n);
            if (id >= 0) {
                const elem *e = &ex->e[id];
                if (!(e->flags & EF_GONE) && (id == root || !clean_away(ex, id, em->rules))) {
                    if (e->tag->kind == K_BR) {
                        if (em->brs && em->cur.len)
                            flush(em);
                        else if (em->cur.len)
                            em->brs = 1;
                    } else if (is_block(e)) {
                        flush(em);
                        em->kind = kind_of(ex, id, root);
                    }
                    if (n->children) {
                        cur = id;
                        descend = 1;
                    } else if (is_block(e)) {
                        flush(em);
                        if (cur >= 0)
                            em->kind = kind_of(ex, cur, root);
                    }
                }
            } else {
                const tag_info *t = tag_of(n);
                if (t->kind == K_BR && em->cur.len)
                    em->brs = 1;
                descend = !(t->flags & TF_DROP) && n->children;
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            em->in_link = cur >= 0 && (ex->e[cur].flags & EF_LINK);
            put_text(em, (const char *)n->content);
        }
        if (descend) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE && cur >= 0 && ex->e[cur].x == n) {
                if (is_block(&ex->e[cur]))
                    flush(em);
                cur = n == top ? -1 : ex->e[cur].parent;
                if (cur >= 0)
                    em->kind = kind_of(ex, cur, root);
            }
            if (n == top) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n)
                break;
        }
    }
    flush(em);
}

/* ------------------------------------------------------------------ attempts */

static size_t body_chars(const sl_html_doc *d)
{
    size_t i, n = 0;
    for (i = 0; i < d->nblocks; i++)
        if (d->blocks[i].kind != SL_BLOCK_TITLE && d->blocks[i].kind != SL_BLOCK_CAPTION)
            n += d->blocks[i].len;
    return n;
}

static void free_blocks(sl_html_doc *d)
{
    size_t i;
    for (i = 0; i < d->nblocks; i++)
        free(d->blocks[i].text);
    free(d->blocks);
    d->blocks = NULL;
    d->nblocks = d->cblocks = 0;
}

/* Whether the text of a short paragraph reads as a sentence. */
static int ends_sentence(xmlNode *x)
{
    xmlChar *c = xmlNodeGetContent(x);
    int r = 0;
    if (c) {
        size_t n = strlen((const char *)c);
        while (n && is_ws(c[n - 1]))
            n--;
        r = (n && c[n - 1] == '.') || strstr((const char *)c, ". ") != NULL;
        xmlFree(c);
    }
    return r;
}

/* One extraction under `rules` into ex->out's blocks. */
static void attempt(extractor *ex, unsigned rules)
{
    emitter em;
    int top, p;
    double threshold;
    measure(ex, rules);
    top = score_candidates(ex, rules);
    if (top < 0) {
        /* no paragraph worth scoring: a short page; its body is the text */
        size_t i;
        for (i = 0; i < ex->n && ex->e[i].tag->kind != K_BODY; i++)
            ;
        top = i < ex->n ? (int)i : 0;
        ex->e[top].score = 0;
        ex->e[top].flags |= EF_CAND;
    } else {
        top = refine_top(ex, top);
    }
    memset(&em, 0, sizeof(em));
    em.ex = ex;
    em.rules = rules;
    p = ex->e[top].parent;
    threshold = ex->e[top].score * 0.2 > 10 ? ex->e[top].score * 0.2 : 10;
    if (p < 0) {
        emit_subtree(&em, top);
    } else {
        int i;
        /* the children of p, jumping over their subtrees */
        for (i = p + 1; i < ex->e[p].end; i = ex->e[i].end) {
            const elem *s = &ex->e[i];
            int take = 0;
            if (i == top) {
                take = 1;
            } else if (!(s->flags & EF_GONE) &&
                       !(s->tag->kind == K_ARTICLE && ex->e[top].tag->kind == K_ARTICLE)) {
                double bonus = 0;
                if ((rules & R_WEIGHT) && ex->e[top].weight > 0 && s->weight == ex->e[top].weight)
                    bonus = ex->e[top].score * 0.2;
                if ((s->flags & EF_CAND) && s->score + bonus >= threshold)
                    take = 1;
                else if (s->tag->kind == K_P) {
                    double ld = link_density(s);
                    if (s->text > 80 && ld < 0.25)
                        take = 1;
                    else if (s->text > 0 && s->text <= 80 && ld == 0)
                        take = ends_sentence(s->x);
                }
            }
            if (take)
                emit_subtree(&em, i);
        }
    }
    sl_buf_free(&em.cur);
}

/* ------------------------------------------------------------------ entry points */

/* Parses the page into a tree: bytes to UTF-8 first (charset.c), then
 * libxml2 told to trust that and never to fetch anything. */
static int parse(sl_ctx *ctx, const char *bytes, size_t len, xmlDocPtr *doc)
{
    sl_buf u = SL_BUF_INIT;
    htmlParserCtxtPtr pc;
    *doc = NULL;
    if (len > (size_t)INT_MAX / 4)
        return sl_fail(ctx, SL_ETOOBIG, "HTML of %zu bytes is too large", len);
    sl_charset_to_utf8(bytes, len, &u, NULL, NULL);
    if (u.len > (size_t)INT_MAX) {
        sl_buf_free(&u);
        return sl_fail(ctx, SL_ETOOBIG, "HTML of %zu bytes is too large", len);
    }
    if (!u.len) {
        sl_buf_free(&u);
        return SL_OK; /* nothing to parse: an empty page */
    }
    pc = htmlNewParserCtxt();
    if (!pc) {
        sl_buf_free(&u);
        return sl_fail(ctx, SL_EFORMAT, "HTML parser could not start");
    }
    *doc = htmlCtxtReadMemory(pc, u.ptr ? u.ptr : "", (int)u.len, NULL, "UTF-8",
                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                  HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
    htmlFreeParserCtxt(pc);
    sl_buf_free(&u);
    /* libxml2 gives no tree for input without any content (white space
     * only); that is an empty page, not an error */
    return SL_OK;
}

/* Replaces the blocks by the JSON-LD articleBody when the tree gave much
 * less: pages that render the story by script still carry it there. */
static void ld_fallback(sl_html_doc *out, const char *body)
{
    size_t have = body_chars(out), n = 0;
    const char *p = body;
    char *c;
    if (!body)
        return;
    c = sl_html_collapse(body, strlen(body));
    n = strlen(c);
    free(c);
    if (n < 200 || (double)n < 2.0 * (double)have + 100)
        return;
    free_blocks(out);
    /* paragraphs are separated by line breaks in articleBody */
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        sl_html_block blk;
        blk.text = sl_html_collapse(p, k);
        blk.len = strlen(blk.text);
        blk.kind = SL_BLOCK_BODY;
        if (blk.len)
            SL_PUSH(out->blocks, out->nblocks, out->cblocks, blk);
        else
            free(blk.text);
        p += k;
        if (*p)
            p++;
    }
}

int sl_html_extract(sl_ctx *ctx, const char *bytes, size_t len, sl_html_doc *out)
{
    extractor ex;
    xmlNode *root;
    static const unsigned tries[] = {R_ALL, R_WEIGHT | R_CLEAN, R_CLEAN, 0};
    size_t t;
    int rc;
    memset(out, 0, sizeof(*out));
    memset(&ex, 0, sizeof(ex));
    ex.ctx = ctx;
    ex.out = out;
    ex.rules = sl_ctx_resource(ctx, "html.rules", rules_make, rules_free);
    rc = parse(ctx, bytes, len, &ex.doc);
    if (rc < 0 || !ex.doc)
        return rc;
    root = xmlDocGetRootElement(ex.doc);
    sl_html_meta_init(&ex.meta);
    if (root)
        collect(&ex, root);
    find_ld_anchor(&ex);
    for (t = 0; t < sizeof(tries) / sizeof(tries[0]) && ex.n; t++) {
        sl_html_doc keep = *out;
        out->blocks = NULL;
        out->nblocks = out->cblocks = 0;
        attempt(&ex, tries[t]);
        /* a retry with fewer rules must find much more to win: a short
         * story plus a gallery the first rules dropped is still the story */
        if (t > 0 && body_chars(out) < 2 * body_chars(&keep) + 100) {
            free_blocks(out);
            out->blocks = keep.blocks;
            out->nblocks = keep.nblocks;
            out->cblocks = keep.cblocks;
        } else {
            free_blocks(&keep);
        }
        if (body_chars(out) >= 500)
            break;
    }
    ld_fallback(out, ex.meta.ld_body);
    sl_html_meta_finish(&ex.meta, out);
    free(ex.e);
    xmlFreeDoc(ex.doc);
    return SL_OK;
}

/* Everything a reader of the page could see, without recursion. */
int sl_html_page_text(sl_ctx *ctx, const char *bytes, size_t len, sl_buf *out)
{
    xmlDocPtr doc;
    xmlNode *root, *n;
    int rc = parse(ctx, bytes, len, &doc);
    if (rc < 0 || !doc)
        return rc;
    root = xmlDocGetRootElement(doc);
    n = root;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            const tag_info *t = tag_of(n);
            descend = (!(t->flags & TF_DROP) || t->kind == K_HEAD ||
                       (n->name && strcmp((const char *)n->name, "title") == 0)) &&
                      n->children;
            if ((t->flags & TF_BLOCK) || t->kind == K_BR)
                sl_buf_putc(out, '\n');
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
                   n->parent && !(n->parent->name && (strcmp((const char *)n->parent->name, "script") == 0 ||
                                                      strcmp((const char *)n->parent->name, "style") == 0))) {
            sl_buf_puts(out, (const char *)n->content);
        }
        if (descend) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n == root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n)
                break;
            if (n->type == XML_ELEMENT_NODE && (tag_of(n)->flags & TF_BLOCK))
                sl_buf_putc(out, '\n');
        }
    }
    xmlFreeDoc(doc);
    return SL_OK;
}

void sl_html_doc_free(sl_html_doc *d)
{
    if (!d)
        return;
    free_blocks(d);
    free(d->title);
    free(d->date);
    free(d->date_evidence);
    free(d->site);
    free(d->url);
    free(d->author);
    free(d->lang);
    memset(d, 0, sizeof(*d));
}
