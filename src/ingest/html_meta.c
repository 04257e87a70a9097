/*
 * html_meta.c: a web page's metadata (see html_meta.h for the orders).
 *
 * Every field has a few slots, one per source, filled by the first element
 * of that source in document order; the finish step takes the first filled
 * slot.  So the order of elements in the page never decides between sources,
 * only within one.
 */
#include "ingest/html_meta.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

#define LD_MAX_DEPTH 8

enum { T_OG, T_TWITTER, T_LD, T_ITEMPROP, T_TITLE, T_H1 };
enum { D_ARTICLE, D_OG, D_ITEMPROP, D_LD, D_TIME_PUB, D_TIME, D_META };
enum { S_OG, S_LD, S_APP, S_LD_SITE };
enum { U_CANONICAL, U_OG };
enum { A_META, A_LD, A_ARTICLE, A_ITEMPROP };

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char *sl_html_collapse(const char *s, size_t n)
{
    sl_buf b = SL_BUF_INIT;
    size_t i;
    int sp = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_ws(c) || c == '\v') {
            sp = b.len > 0;
            continue;
        }
        /* U+00A0 no-break space counts as white space here */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            sp = b.len > 0;
            i++;
            continue;
        }
        if (sp)
            sl_buf_putc(&b, ' ');
        sp = 0;
        sl_buf_putc(&b, c);
    }
    return sl_buf_detach(&b);
}

static void set_slot(char **slots, int k, const char *v)
{
    char *c;
    if (slots[k] || !v)
        return;
    c = sl_html_collapse(v, strlen(v));
    if (!*c) {
        free(c);
        return;
    }
    slots[k] = c;
}

static void set_date(sl_html_meta *m, int k, const char *v, const char *ev)
{
    if (m->date[k] || !v)
        return;
    set_slot(m->date, k, v);
    if (m->date[k])
        m->date_ev[k] = ev;
}

void sl_html_meta_init(sl_html_meta *m)
{
    memset(m, 0, sizeof(*m));
    m->in_head = 1;
}

static char *prop(xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static int ci_eq(const char *a, const char *b)
{
    return a && xmlStrcasecmp((const xmlChar *)a, (const xmlChar *)b) == 0;
}

static int looks_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 || s[0] == '/';
}

/* ------------------------------------------------------------------ JSON-LD */

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The name of a person or organization: a string, {"name": ...}, or the
 * first of a list. */
static const char *jname(json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v))
        return jstr(v, "name");
    return NULL;
}

static int type_is_article(json_t *t)
{
    size_t i;
    if (json_is_array(t)) {
        for (i = 0; i < json_array_size(t); i++)
            if (type_is_article(json_array_get(t, i)))
                return 1;
        return 0;
    }
    if (json_is_string(t)) {
        const char *s = json_string_value(t);
        size_t n = strlen(s);
        return (n >= 7 && strcmp(s + n - 7, "Article") == 0) || strcmp(s, "BlogPosting") == 0 ||
               strcmp(s, "LiveBlogPosting") == 0 || strcmp(s, "Report") == 0 ||
               strcmp(s, "SocialMediaPosting") == 0;
    }
    return 0;
}

static int type_is(json_t *t, const char *name)
{
    size_t i;
    if (json_is_array(t)) {
        for (i = 0; i < json_array_size(t); i++)
            if (type_is(json_array_get(t, i), name))
                return 1;
        return 0;
    }
    return json_is_string(t) && strcmp(json_string_value(t), name) == 0;
}

static void ld_walk(sl_html_meta *m, json_t *j, int depth)
{
    json_t *t;
    size_t i;
    if (depth > LD_MAX_DEPTH)
        return;
    if (json_is_array(j)) {
        for (i = 0; i < json_array_size(j) && i < 256; i++)
            ld_walk(m, json_array_get(j, i), depth + 1);
        return;
    }
    if (!json_is_object(j))
        return;
    t = json_object_get(j, "@type");
    if (type_is_article(t)) {
        json_t *pub = json_object_get(j, "publisher");
        set_slot(m->title, T_LD, jstr(j, "headline"));
        set_date(m, D_LD, jstr(j, "datePublished"), "JSON-LD datePublished");
        set_slot(m->author, A_LD, jname(json_object_get(j, "author")));
        set_slot(m->site, S_LD, jname(pub));
        if (!m->ld_body && jstr(j, "articleBody"))
            m->ld_body = sl_xstrdup(jstr(j, "articleBody"));
    } else if (type_is(t, "WebSite") || type_is(t, "NewsMediaOrganization")) {
        set_slot(m->site, S_LD_SITE, jstr(j, "name"));
    }
    ld_walk(m, json_object_get(j, "@graph"), depth + 1);
    t = json_object_get(j, "mainEntity");
    if (json_is_object(t) || json_is_array(t))
        ld_walk(m, t, depth + 1);
}

static void read_ld(sl_html_meta *m, xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    json_error_t err;
    json_t *j;
    size_t i, len;
    char *s;
    if (!c)
        return;
    /* raw line breaks inside strings are common and not JSON: blank them */
    s = (char *)c;
    len = strlen(s);
    for (i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20)
            s[i] = ' ';
    j = json_loadb(s, len, 0, &err);
    if (j) {
        ld_walk(m, j, 0);
        json_decref(j);
    }
    xmlFree(c);
}

/* ------------------------------------------------------------------ elements */

static void read_meta(sl_html_meta *m, xmlNode *n)
{
    char *key = prop(n, "property"), *content = prop(n, "content");
    if (!key)
        key = prop(n, "name");
    if (!key)
        key = prop(n, "itemprop");
    if (!key) {
        char *he = prop(n, "http-equiv");
        if (ci_eq(he, "content-language") && content && !m->lang)
            m->lang = sl_html_collapse(content, strlen(content));
        xmlFree(he);
    }
    if (key && content && *content) {
        if (ci_eq(key, "og:title"))
            set_slot(m->title, T_OG, content);
        else if (ci_eq(key, "twitter:title"))
            set_slot(m->title, T_TWITTER, content);
        else if (ci_eq(key, "headline"))
            set_slot(m->title, T_ITEMPROP, content);
        else if (ci_eq(key, "article:published_time"))
            set_date(m, D_ARTICLE, content, "meta article:published_time");
        else if (ci_eq(key, "og:published_time") || ci_eq(key, "og:article:published_time"))
            set_date(m, D_OG, content, "meta og:published_time");
        else if (ci_eq(key, "datePublished"))
            set_date(m, D_ITEMPROP, content, "itemprop datePublished");
        else if (ci_eq(key, "date"))
            set_date(m, D_META, content, "meta date");
        else if (ci_eq(key, "pubdate") || ci_eq(key, "publishdate") || ci_eq(key, "publish-date") ||
                 ci_eq(key, "publish_date"))
            set_date(m, D_META, content, "meta pubdate");
        else if (ci_eq(key, "dc.date") || ci_eq(key, "dc.date.issued") || ci_eq(key, "dcterms.date") ||
                 ci_eq(key, "dcterms.issued") || ci_eq(key, "dcterms.created") ||
                 ci_eq(key, "dc.date.created"))
            set_date(m, D_META, content, "meta DC.date");
        else if (ci_eq(key, "sailthru.date") || ci_eq(key, "parsely-pub-date") ||
                 ci_eq(key, "article.published") || ci_eq(key, "cxenseparse:recs:publishtime"))
            set_date(m, D_META, content, "meta publication date");
        else if (ci_eq(key, "og:site_name"))
            set_slot(m->site, S_OG, content);
        else if (ci_eq(key, "application-name"))
            set_slot(m->site, S_APP, content);
        else if (ci_eq(key, "og:url"))
            set_slot(m->url, U_OG, content);
        else if (ci_eq(key, "author") || ci_eq(key, "parsely-author") || ci_eq(key, "dc.creator"))
            set_slot(m->author, A_META, content);
        else if (ci_eq(key, "article:author") && !looks_url(content))
            set_slot(m->author, A_ARTICLE, content);
        else if (ci_eq(key, "og:locale") && !m->lang)
            m->lang = sl_html_collapse(content, strlen(content));
    }
    xmlFree(key);
    xmlFree(content);
}

static void node_text_slot(char **slots, int k, xmlNode *n)
{
    xmlChar *c;
    if (slots[k])
        return;
    c = xmlNodeGetContent(n);
    if (c) {
        set_slot(slots, k, (const char *)c);
        xmlFree(c);
    }
}

void sl_html_meta_element(sl_html_meta *m, xmlNode *n)
{
    const char *name = (const char *)n->name;
    if (!name)
        return;
    if (strcmp(name, "html") == 0) {
        char *l = prop(n, "lang");
        if (!l)
            l = prop(n, "xml:lang");
        if (l && *l && !m->lang)
            m->lang = sl_html_collapse(l, strlen(l));
        xmlFree(l);
        return;
    }
    if (strcmp(name, "body") == 0) {
        m->in_head = 0;
        return;
    }
    if (strcmp(name, "meta") == 0) {
        read_meta(m, n);
        return;
    }
    if (strcmp(name, "title") == 0) {
        /* the document's title, not an SVG's or a widget's in the body */
        if (n->parent && n->parent->name && strcmp((const char *)n->parent->name, "head") == 0)
            node_text_slot(m->title, T_TITLE, n);
        return;
    }
    if (strcmp(name, "h1") == 0) {
        node_text_slot(m->title, T_H1, n);
        return;
    }
    if (strcmp(name, "link") == 0) {
        char *rel = prop(n, "rel"), *href = prop(n, "href");
        if (ci_eq(rel, "canonical") && href && *href)
            set_slot(m->url, U_CANONICAL, href);
        xmlFree(rel);
        xmlFree(href);
        return;
    }
    if (strcmp(name, "script") == 0) {
        char *type = prop(n, "type");
        if (type && strstr(type, "ld+json"))
            read_ld(m, n);
        xmlFree(type);
        return;
    }
    if (strcmp(name, "time") == 0) {
        char *dt = prop(n, "datetime");
        if (dt && *dt) {
            char *ip = prop(n, "itemprop");
            if (ci_eq(ip, "datePublished"))
                set_date(m, D_ITEMPROP, dt, "itemprop datePublished");
            else if (xmlHasProp(n, (const xmlChar *)"pubdate"))
                set_date(m, D_TIME_PUB, dt, "time pubdate");
            else
                set_date(m, D_TIME, dt, "time datetime");
            xmlFree(ip);
        }
        xmlFree(dt);
        return;
    }
    if (n->properties) {
        char *ip = prop(n, "itemprop");
        if (ip) {
            if (ci_eq(ip, "datePublished")) {
                char *c = prop(n, "content");
                if (c)
                    set_date(m, D_ITEMPROP, c, "itemprop datePublished");
                xmlFree(c);
            } else if (ci_eq(ip, "headline")) {
                node_text_slot(m->title, T_ITEMPROP, n);
            } else if (ci_eq(ip, "author")) {
                node_text_slot(m->author, A_ITEMPROP, n);
            }
            xmlFree(ip);
        }
    }
}

/* ------------------------------------------------------------------ titles */

/* Whether a and b name the same site: equal ignoring ASCII case, or one is
 * the other with "www."/".com" around it. */
static int same_site(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b), i;
    if (!an || !bn)
        return 0;
    if (an == bn) {
        for (i = 0; i < an; i++) {
            char x = a[i], y = b[i];
            if (x >= 'A' && x <= 'Z')
                x = (char)(x - 'A' + 'a');
            if (y >= 'A' && y <= 'Z')
                y = (char)(y - 'A' + 'a');
            if (x != y)
                return 0;
        }
        return 1;
    }
    /* "The Verge" vs "Verge", "Example.com" vs "Example" */
    if (an > bn) {
        for (i = 0; i + bn <= an; i++)
            if (xmlStrncasecmp((const xmlChar *)a + i, (const xmlChar *)b, (int)bn) == 0)
                return an - bn <= 8;
    } else {
        for (i = 0; i + an <= bn; i++)
            if (xmlStrncasecmp((const xmlChar *)b + i, (const xmlChar *)a, (int)an) == 0)
                return bn - an <= 8;
    }
    return 0;
}

static size_t words(const char *s, size_t n)
{
    size_t i, w = 0;
    int in = 0;
    for (i = 0; i < n; i++) {
        if (s[i] == ' ') {
            in = 0;
        } else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

/* Drops a site name joined to a headline by a separator: "Headline | Site",
 * "Site - Headline".  Without a known site, a short last part after a
 * headline of three words or more is taken to be the site (heuristic, as in
 * Readability).  Takes ownership of t. */
static char *strip_site(char *t, const char *site, int guess)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                       " \xC2\xBB ", " \xC2\xB7 ", " / ", NULL};
    size_t n = strlen(t), k;
    for (k = 0; seps[k]; k++) {
        size_t sl = strlen(seps[k]);
        char *last = NULL, *p = t, *first;
        while ((p = strstr(p, seps[k])) != NULL) {
            last = p;
            p += sl;
        }
        if (!last)
            continue;
        first = strstr(t, seps[k]);
        if (site) {
            const char *tail = last + sl;
            if (same_site(tail, strlen(tail), site)) {
                *last = '\0';
                return t;
            }
            if (same_site(t, (size_t)(first - t), site)) {
                char *r = sl_xstrdup(first + sl);
                free(t);
                return r;
            }
        }
        if (guess && words(last + sl, strlen(last + sl)) <= 4 && words(t, (size_t)(last - t)) >= 3 &&
            (size_t)(last - t) > n / 2) {
            *last = '\0';
            return t;
        }
    }
    return t;
}

/* ------------------------------------------------------------------ finish */

static char *take_first(char **slots)
{
    int k;
    char *r = NULL;
    for (k = 0; k < SL_META_SLOTS; k++) {
        if (slots[k] && !r)
            r = slots[k];
        else
            free(slots[k]);
        slots[k] = NULL;
    }
    return r;
}

void sl_html_meta_finish(sl_html_meta *m, sl_html_doc *out)
{
    int k, from = -1;
    out->site = take_first(m->site);
    for (k = 0; k < SL_META_SLOTS; k++)
        if (m->title[k]) {
            from = k;
            break;
        }
    out->title = take_first(m->title);
    if (out->title)
        out->title = strip_site(out->title, out->site, from == T_TITLE);
    for (k = 0; k < SL_META_SLOTS; k++)
        if (m->date[k]) {
            if (!out->date) {
                out->date = m->date[k];
                out->date_evidence = sl_xstrdup(m->date_ev[k]);
            } else {
                free(m->date[k]);
            }
            m->date[k] = NULL;
        }
    out->url = take_first(m->url);
    out->author = take_first(m->author);
    out->lang = m->lang;
    m->lang = NULL;
    free(m->ld_body);
    m->ld_body = NULL;
}
