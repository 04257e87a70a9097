/*
 * html.c: the digest as one self-contained HTML report: inline CSS
 * (data/output/report.css) and SVG, no script, nothing fetched.  It shows
 * the headline and the dates the sources span, the summary with a source
 * chip after each sentence that jumps to that sentence in its source, the
 * timeline on a time axis with long gaps cut out (axis.h) and an event list,
 * the main entities with counts, where the sources agree and disagree side
 * by side, and each source: title, outlet, date and its evidence, the cleaned
 * text with an anchor per sentence, and what cleaning repaired or removed in
 * a <details> element (shown on demand without script).
 *
 * Safety (the page opens articles from anywhere): every byte that comes from
 * an input goes through esc(), which escapes & < > " ' = ` and : and replaces
 * invalid UTF-8 and control characters, so input can only ever be text,
 * never markup or an attribute.  Only http(s) addresses become links.  The
 * page carries a Content-Security-Policy that forbids script, every fetch
 * and every embedding (default-src 'none'), so even a bug here could not
 * run script or reach the network.  No element carries an event handler.
 *
 * Determinism: no clock, no random ids; anchors are named by document and
 * sentence index (doc-3-s12), events by their number (ev-4).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/data.h"
#include "output/axis.h"
#include "output/render.h"
#include "util/mem.h"
#include "util/utf8.h"

#define SVG_W 960.0
#define LANE_H 26.0
#define MAX_LANES 12
#define TICK_LABEL_W 74.0
#define ENT_PER_TYPE 10
#define TITLE_TEXT_MAX 160 /* bytes of an event's text in an SVG tooltip */

/* ------------------------------------------------------------------ escaping */

void sl_html_escape(sl_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '&': sl_buf_puts(out, "&amp;"); break;
            case '<': sl_buf_puts(out, "&lt;"); break;
            case '>': sl_buf_puts(out, "&gt;"); break;
            case '"': sl_buf_puts(out, "&quot;"); break;
            case '\'': sl_buf_puts(out, "&#39;"); break;
            case '=': sl_buf_puts(out, "&#61;"); break;
            case '`': sl_buf_puts(out, "&#96;"); break;
            case ':': sl_buf_puts(out, "&#58;"); break; /* no text ever spells a scheme */
            case '\t': case '\n': sl_buf_putc(out, c); break;
            case '\r': case '\f': case '\v': sl_buf_putc(out, ' '); break;
            default:
                if (c < 0x20 || c == 0x7f)
                    sl_buf_puts(out, "\xEF\xBF\xBD");
                else
                    sl_buf_putc(out, c);
            }
            i++;
        } else {
            uint32_t cp;
            int k = sl_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            /* invalid UTF-8, C1 controls and noncharacters are parse errors */
            if (k < 0 || (cp >= 0x80 && cp < 0xa0) || (cp >= 0xfdd0 && cp <= 0xfdef) ||
                (cp & 0xfffe) == 0xfffe) {
                sl_buf_puts(out, "\xEF\xBF\xBD");
                i += k < 0 ? 1 : (size_t)k;
            } else {
                sl_buf_put(out, s + i, (size_t)k);
                i += (size_t)k;
            }
        }
    }
}

static void esc(sl_buf *out, const char *s)
{
    if (s)
        sl_html_escape(out, s, strlen(s));
}

/* Escapes at most `max` bytes (cut at a character boundary), with an
 * ellipsis when cut. */
static void esc_cut(sl_buf *out, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        sl_html_escape(out, s, n);
        return;
    }
    n = sl_utf8_back(s, max);
    sl_html_escape(out, s, n);
    sl_buf_puts(out, "\xE2\x80\xA6");
}

int sl_html_safe_url(const char *u)
{
    size_t i, n = strlen(u);
    if (n > 2048)
        return 0;
    if (strncmp(u, "http://", 7) != 0 && strncmp(u, "https://", 8) != 0 &&
        strncmp(u, "HTTP://", 7) != 0 && strncmp(u, "HTTPS://", 8) != 0)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' ||
            c == '\\')
            return 0;
    }
    return 1;
}

/* A date range for people, escaped (values come from the stages, which
 * read them from the input). */
static void esc_range(sl_buf *out, const char *from, const char *to)
{
    sl_buf b = SL_BUF_INIT;
    sl_render_date_range(&b, from, to);
    if (b.ptr)
        sl_html_escape(out, b.ptr, b.len);
    sl_buf_free(&b);
}

/* ------------------------------------------------------------------ pieces */

typedef struct report {
    const sl_digest *d;
    sl_buf *out;
    sl_cites c;
    size_t *num;   /* per document: its number in the report (cited first, then the rest) */
    size_t *order; /* per number - 1: the document */
} report;

/* A chip naming a document; `sentence` (or (size_t)-1) picks the anchor. */
static void chip(report *r, size_t doc, size_t sentence)
{
    const sl_digest *d = r->d;
    const sl_doc *x;
    if (doc >= d->corpus->n)
        return;
    x = d->corpus->docs[doc];
    if (sentence != (size_t)-1 && sentence < x->nsents)
        sl_buf_printf(r->out, "<a class=\"chip\" href=\"#doc-%zu-s%zu\" title=\"", doc, sentence);
    else
        sl_buf_printf(r->out, "<a class=\"chip\" href=\"#doc-%zu\" title=\"", doc);
    esc(r->out, sl_render_doc_label(d, doc));
    if (*sl_doc_title(x) && strcmp(sl_doc_title(x), sl_render_doc_label(d, doc)) != 0) {
        sl_buf_puts(r->out, " \xE2\x80\x94 ");
        esc(r->out, sl_doc_title(x));
    }
    sl_buf_printf(r->out, "\"><span class=\"n\">%zu</span>", r->num[doc]);
    esc_cut(r->out, sl_render_doc_label(d, doc), 40);
    sl_buf_puts(r->out, "</a>");
}

static void head(report *r, const char *headline)
{
    sl_buf *o = r->out;
    size_t css_len = 0;
    const char *css = sl_data_get("output/report.css", &css_len);
    sl_buf_puts(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action "
                   "'none'; frame-ancestors 'none'\">\n"
                   "<meta name=\"referrer\" content=\"no-referrer\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"color-scheme\" content=\"light dark\">\n");
    sl_buf_printf(o, "<meta name=\"generator\" content=\"storyline %s\">\n<title>", sl_version());
    if (headline)
        esc(o, headline);
    else
        sl_buf_puts(o, "Story digest");
    sl_buf_puts(o, "</title>\n<style>\n");
    if (css)
        sl_buf_put(o, css, css_len);
    sl_buf_puts(o, "\n</style>\n</head>\n<body>\n<main>\n");
}

static void header(report *r, const char *headline)
{
    const sl_digest *d = r->d;
    sl_buf *o = r->out;
    sl_buf_puts(o, "<header class=\"top\">\n<p class=\"kicker\">Story digest</p>\n<h1>");
    if (headline)
        esc(o, headline);
    else
        sl_buf_printf(o, "%zu article%s", d->corpus->n, d->corpus->n == 1 ? "" : "s");
    sl_buf_puts(o, "</h1>\n<p class=\"meta\">");
    sl_buf_printf(o, "%zu source%s", d->corpus->n, d->corpus->n == 1 ? "" : "s");
    {
        sl_buf span = SL_BUF_INIT;
        if (sl_render_docs_span(&span, d)) {
            sl_buf_puts(o, "<span class=\"sep\">\xC2\xB7</span>published ");
            esc(o, span.ptr);
        }
        sl_buf_free(&span);
    }
    if (d->ntimeline) {
        sl_buf_puts(o, "<span class=\"sep\">\xC2\xB7</span>events ");
        const sl_tl_event *last = &d->timeline[d->ntimeline - 1];
        esc_range(o, d->timeline[0].date, last->end[0] ? last->end : last->date);
    }
    sl_buf_puts(o, "</p>\n");
    if (d->query) {
        sl_buf_puts(o, "<p class=\"meta query\">Focused on the question: \xE2\x80\x9C");
        esc(o, d->query);
        sl_buf_puts(o, "\xE2\x80\x9D</p>\n");
    }
    sl_buf_puts(o, "<nav class=\"toc\" aria-label=\"Contents\"><a href=\"#summary\">Summary</a>"
                   "<a href=\"#timeline\">Timeline</a>");
    if (sl_entities_count(d->entities))
        sl_buf_puts(o, "<a href=\"#entities\">Who and where</a>");
    if (d->nagree || d->ndisagree)
        sl_buf_puts(o, "<a href=\"#comparison\">Sources compared</a>");
    sl_buf_puts(o, "<a href=\"#sources\">Sources</a></nav>\n</header>\n");
}

static void summary(report *r)
{
    const sl_digest *d = r->d;
    sl_buf *o = r->out;
    size_t i;
    sl_buf_puts(o, "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n");
    if (!d->nitems) {
        sl_buf_puts(o, "<p class=\"empty\">");
        esc(o, sl_render_empty_reason(d));
        sl_buf_puts(o, "</p>\n");
    }
    for (i = 0; i < d->nitems; i++) {
        const sl_summary_item *it = &d->items[i];
        sl_buf_puts(o, "<p class=\"sum\">");
        sl_html_escape(o, it->text, it->len);
        sl_buf_putc(o, ' ');
        chip(r, it->doc, it->sentence);
        sl_buf_puts(o, "</p>\n");
    }
    sl_buf_printf(o, "<p class=\"meta\">%zu sentence%s, %zu words, chosen by the %s method.</p>\n",
                  d->nitems, d->nitems == 1 ? "" : "s", d->used_words, d->method);
    sl_buf_puts(o, "</section>\n");
}

/* ------------------------------------------------------------------ timeline */

/* Estimated width of an SVG label (12px sans-serif, ~0.6 em a character). */
static double label_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return (double)n * 7.0;
}

static int is_range(const sl_tl_event *e)
{
    return e->end[0] && e->last_day > e->first_day;
}

/* Where the events go: positions along the axis (a range from ps to pe)
 * and a lane across it, so that markers never cover each other. */
typedef struct tl_layout {
    sl_axis ax;
    double *ps, *pe; /* per event: start and end along the axis */
    int *lane;       /* per event: 0 next to the axis */
    int nlanes;
} tl_layout;

static void tl_place(const sl_digest *d, double length, tl_layout *t)
{
    long *days = sl_xmalloc(2 * d->ntimeline * sizeof(*days));
    double lane_end[MAX_LANES];
    size_t i, nd = 0;
    int l;
    for (i = 0; i < d->ntimeline; i++) {
        days[nd++] = d->timeline[i].first_day;
        if (is_range(&d->timeline[i]))
            days[nd++] = d->timeline[i].last_day;
    }
    sl_axis_layout(&t->ax, days, nd, length);
    free(days);
    t->ps = sl_xmalloc(d->ntimeline * sizeof(*t->ps));
    t->pe = sl_xmalloc(d->ntimeline * sizeof(*t->pe));
    t->lane = sl_xmalloc(d->ntimeline * sizeof(*t->lane));
    t->nlanes = 1;
    for (l = 0; l < MAX_LANES; l++)
        lane_end[l] = -1e9;
    /* each marker takes the lowest lane free at its position */
    for (i = 0; i < d->ntimeline; i++) {
        const sl_tl_event *e = &d->timeline[i];
        int best = 0;
        t->ps[i] = sl_axis_x(&t->ax, e->first_day);
        t->pe[i] = is_range(e) ? sl_axis_x(&t->ax, e->last_day) : t->ps[i];
        for (l = 0; l < MAX_LANES; l++)
            if (lane_end[l] <= t->ps[i] - 12)
                break;
        if (l == MAX_LANES) { /* all full: the lane that frees first */
            for (l = 1; l < MAX_LANES; l++)
                if (lane_end[l] < lane_end[best])
                    best = l;
        } else {
            best = l;
        }
        t->lane[i] = best;
        lane_end[best] = t->pe[i] + 12;
        if (best + 1 > t->nlanes)
            t->nlanes = best + 1;
    }
}

static void tl_free(tl_layout *t)
{
    free(t->ps);
    free(t->pe);
    free(t->lane);
}

/* An event's marker: a numbered dot at (x, y) linking to its list entry,
 * with the date and text as a tooltip. */
static void marker(report *r, size_t i, double x, double y)
{
    const sl_tl_event *e = &r->d->timeline[i];
    sl_buf *o = r->out;
    sl_buf_printf(o, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"10\"/>", x, y);
    sl_buf_printf(o, "<text class=\"num\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"%s>%zu</text>",
                  x, y + 4, i + 1 >= 100 ? " style=\"font-size:8px\"" : "", i + 1);
    sl_buf_puts(o, "<title>");
    esc_range(o, e->date, e->end);
    sl_buf_puts(o, ": ");
    if (e->text)
        esc_cut(o, e->text, TITLE_TEXT_MAX);
    sl_buf_puts(o, "</title></a>\n");
}

/* The timeline across the page, for wide screens: the axis at the bottom,
 * tick labels under it on two rows, the markers above. */
static void svg_across(report *r)
{
    const sl_digest *d = r->d;
    sl_buf *o = r->out;
    tl_layout t;
    size_t i, k;
    double axis_y, height, row_end[2] = {-1e9, -1e9};

    tl_place(d, SVG_W, &t);
    axis_y = 14 + t.nlanes * LANE_H + 6;
    height = axis_y + 56;
    sl_buf_printf(o, "<div class=\"tl-wrap tl-wrap-h\"><svg class=\"tl tl-h\" "
                     "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                     "height=\"%.0f\" role=\"img\" aria-label=\"Timeline of %zu events\">\n",
                  SVG_W + 20, height, SVG_W + 20, height, d->ntimeline);
    sl_buf_puts(o, "<g transform=\"translate(10 0)\">\n");
    /* the axis, segment by segment, with a break mark and the gap's length between */
    for (k = 0; k < t.ax.nsegs; k++) {
        const sl_axis_seg *s = &t.ax.segs[k];
        sl_axis_tick ticks[SL_AXIS_MAX_TICKS];
        size_t nt = sl_axis_ticks(&t.ax, k, TICK_LABEL_W, ticks), j;
        sl_buf_printf(o, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                      s->x0, axis_y, s->x1, axis_y);
        for (j = 0; j < nt; j++) {
            double w = label_width(ticks[j].label), x = ticks[j].x, left;
            int row;
            const char *anchor = "middle";
            if (x - w / 2 < -10) {
                anchor = "start";
                left = x;
            } else if (x + w / 2 > SVG_W + 10) {
                anchor = "end";
                left = x - w;
            } else {
                left = x - w / 2;
            }
            for (row = 0; row < 2; row++)
                if (left >= row_end[row] + 6)
                    break;
            sl_buf_printf(o, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                          x, axis_y, x, axis_y + 5);
            if (row == 2)
                continue; /* no room for this label */
            row_end[row] = left + w;
            sl_buf_printf(o, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x,
                          axis_y + 19 + row * 15, anchor);
            esc(o, ticks[j].label);
            sl_buf_puts(o, "</text>\n");
        }
        if (k + 1 < t.ax.nsegs) {
            double mid = (s->x1 + t.ax.segs[k + 1].x0) / 2;
            char gap[32];
            sl_axis_gap_label(t.ax.segs[k + 1].lo - s->hi, gap, sizeof(gap));
            sl_buf_printf(o, "<path class=\"brk\" d=\"M%.1f %.1fl6 -12M%.1f %.1fl6 -12\"/>\n",
                          mid - 7, axis_y + 6, mid + 1, axis_y + 6);
            sl_buf_printf(o, "<text class=\"gap\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
                             "\xE2\x80\xA6%s\xE2\x80\xA6</text>\n",
                          mid, axis_y + 50, gap);
        }
    }
    /* the events: a numbered dot (a bar for a range) above the axis */
    for (i = 0; i < d->ntimeline; i++) {
        double y = axis_y - 20 - t.lane[i] * LANE_H;
        sl_buf_printf(o, "<a href=\"#ev-%zu\">", i + 1);
        sl_buf_printf(o, "<line class=\"stem\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                      t.ps[i], y + 10, t.ps[i], axis_y);
        if (t.pe[i] > t.ps[i])
            sl_buf_printf(o, "<rect class=\"span\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"8\" "
                             "rx=\"4\"/>",
                          t.ps[i], y - 4, t.pe[i] - t.ps[i]);
        marker(r, i, t.ps[i], y);
    }
    sl_buf_puts(o, "</g>\n</svg></div>\n");
    tl_free(&t);
}

/* The timeline down the page, for phones: time runs downwards, tick labels
 * and gap lengths on the left of the axis, the markers on its right.  Its
 * length grows with the number of events, so none is squeezed. */
static void svg_down(report *r)
{
    const sl_digest *d = r->d;
    sl_buf *o = r->out;
    tl_layout t;
    size_t i, k;
    double ax_x = 118, top = 16, len, width, last_label = -1e9;

    len = 56.0 * (double)d->ntimeline + 80;
    len = len < 320 ? 320 : len > 4000 ? 4000 : len;
    tl_place(d, len, &t);
    width = ax_x + 22 + t.nlanes * LANE_H + 10;
    if (width < 300)
        width = 300;
    sl_buf_printf(o, "<div class=\"tl-wrap tl-wrap-v\"><svg class=\"tl tl-v\" "
                     "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                     "height=\"%.0f\" role=\"img\" aria-label=\"Timeline of %zu events\">\n",
                  width, len + 2 * top, width, len + 2 * top, d->ntimeline);
    for (k = 0; k < t.ax.nsegs; k++) {
        const sl_axis_seg *s = &t.ax.segs[k];
        sl_axis_tick ticks[SL_AXIS_MAX_TICKS];
        size_t nt = sl_axis_ticks(&t.ax, k, 24, ticks), j;
        sl_buf_printf(o, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                      ax_x, top + s->x0, ax_x, top + s->x1);
        for (j = 0; j < nt; j++) {
            double y = top + ticks[j].x;
            sl_buf_printf(o, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                          ax_x - 5, y, ax_x, y);
            if (y - last_label < 16)
                continue; /* no room for this label */
            last_label = y;
            sl_buf_printf(o, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                          ax_x - 9, y + 4);
            esc(o, ticks[j].label);
            sl_buf_puts(o, "</text>\n");
        }
        if (k + 1 < t.ax.nsegs) {
            double mid = top + (s->x1 + t.ax.segs[k + 1].x0) / 2;
            char gap[32];
            sl_axis_gap_label(t.ax.segs[k + 1].lo - s->hi, gap, sizeof(gap));
            sl_buf_printf(o, "<path class=\"brk\" d=\"M%.1f %.1fl12 -6M%.1f %.1fl12 -6\"/>\n",
                          ax_x - 6, mid, ax_x - 6, mid + 7);
            sl_buf_printf(o, "<text class=\"gap\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">"
                             "\xE2\x80\xA6%s\xE2\x80\xA6</text>\n",
                          ax_x - 12, mid + 6, gap);
            last_label = mid + 2;
        }
    }
    for (i = 0; i < d->ntimeline; i++) {
        double x = ax_x + 22 + t.lane[i] * LANE_H, y = top + t.ps[i];
        sl_buf_printf(o, "<a href=\"#ev-%zu\">", i + 1);
        sl_buf_printf(o, "<line class=\"stem\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                      ax_x, y, x - 10, y);
        if (t.pe[i] > t.ps[i])
            sl_buf_printf(o, "<rect class=\"span\" x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"%.1f\" "
                             "rx=\"4\"/>",
                          x - 4, y, t.pe[i] - t.ps[i]);
        marker(r, i, x, y);
    }
    sl_buf_puts(o, "</svg></div>\n");
    tl_free(&t);
}

static void timeline(report *r)
{
    const sl_digest *d = r->d;
    sl_buf *o = r->out;
    size_t i, j;
    sl_buf_puts(o, "<section class=\"timeline\" id=\"timeline\">\n<h2>Timeline</h2>\n");
    if (!d->ntimeline) {
        sl_buf_puts(o, "<p class=\"empty\">No dated events found.</p>\n</section>\n");
        return;
    }
    svg_across(r);
    svg_down(r);
    sl_buf_puts(o, "<ol class=\"events\">\n");
    for (i = 0; i < d->ntimeline; i++) {
        const sl_tl_event *e = &d->timeline[i];
        sl_buf_printf(o, "<li id=\"ev-%zu\"><span class=\"no\">%zu</span><span class=\"when\">"
                         "<time datetime=\"",
                      i + 1, i + 1);
        esc(o, e->date);
        sl_buf_puts(o, "\">");
        esc_range(o, e->date, e->end);
        sl_buf_puts(o, "</time></span><span class=\"what\">");
        if (e->text)
            esc(o, e->text);
        sl_buf_putc(o, ' ');
        for (j = 0; j < e->ndocs; j++)
            chip(r, e->docs[j], e->docs[j] == e->doc ? e->sentence : (size_t)-1);
        sl_buf_puts(o, "</span></li>\n");
    }
    sl_buf_puts(o, "</ol>\n</section>\n");
}

/* ------------------------------------------------------------------ entities */

static void entities(report *r)
{
    const sl_digest *d = r->d;
    sl_buf *o = r->out;
    static const sl_entity_type types[] = {SL_ENT_PERSON, SL_ENT_LOCATION, SL_ENT_ORGANIZATION,
                                           SL_ENT_OTHER};
    size_t n = sl_entities_count(d->entities), t, i, j;
    if (!n)
        return;
    sl_buf_puts(o, "<section id=\"entities\">\n<h2>Who and where</h2>\n<div class=\"ents\">\n");
    for (t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
        size_t shown = 0, total = 0;
        for (i = 0; i < n; i++)
            total += sl_entities_get(d->entities, i)->type == types[t];
        if (!total)
            continue;
        sl_buf_printf(o, "<section><h3>%s</h3>\n<ul>\n", sl_render_entity_heading(types[t]));
        for (i = 0; i < n && shown < ENT_PER_TYPE; i++) {
            const sl_entity *e = sl_entities_get(d->entities, i);
            if (e->type != types[t])
                continue;
            shown++;
            sl_buf_puts(o, "<li><span class=\"name\">");
            esc(o, e->name);
            sl_buf_printf(o, "</span> <span class=\"count\">%zu mention%s \xC2\xB7 %zu source%s</span>",
                          e->nmentions, e->nmentions == 1 ? "" : "s", e->ndocs,
                          e->ndocs == 1 ? "" : "s");
            if (e->naliases) {
                sl_buf_puts(o, "<span class=\"aka\">also ");
                for (j = 0; j < e->naliases && j < 4; j++) {
                    if (j)
                        sl_buf_puts(o, ", ");
                    esc(o, e->aliases[j]);
                }
                sl_buf_puts(o, "</span>");
            }
            sl_buf_puts(o, "</li>\n");
        }
        sl_buf_puts(o, "</ul>");
        if (total > shown)
            sl_buf_printf(o, "<p class=\"meta\">and %zu more</p>", total - shown);
        sl_buf_puts(o, "</section>\n");
    }
    sl_buf_puts(o, "</div>\n</section>\n");
}

/* ------------------------------------------------------------------ comparison */

static void comparison(report *r)
{
    const sl_digest *d = r->d;
    sl_buf *o = r->out;
    size_t i, j;
    if (!d->nagree && !d->ndisagree)
        return;
    sl_buf_puts(o, "<section id=\"comparison\">\n<h2>Sources compared</h2>\n");
    if (d->ndisagree) {
        sl_buf_puts(o, "<h3>Where they disagree</h3>\n");
        for (i = 0; i < d->ndisagree; i++) {
            const sl_cmp_item *it = &d->disagree[i];
            sl_buf_puts(o, "<div class=\"dis\"><h4>");
            esc(o, it->about);
            sl_buf_puts(o, "</h4><div class=\"claims\">\n");
            for (j = 0; j < it->nclaims; j++) {
                const sl_claim *cl = &it->claims[j];
                sl_buf_puts(o, "<div class=\"claim\"><span class=\"val\">");
                esc(o, cl->value);
                sl_buf_puts(o, "</span><p>");
                esc(o, cl->text);
                sl_buf_puts(o, "</p>");
                chip(r, cl->doc, cl->sentence);
                sl_buf_puts(o, "</div>\n");
            }
            sl_buf_puts(o, "</div></div>\n");
        }
    }
    if (d->nagree) {
        sl_buf_puts(o, "<h3>Where they agree</h3>\n<ul class=\"agree\">\n");
        for (i = 0; i < d->nagree; i++) {
            const sl_cmp_item *it = &d->agree[i];
            sl_buf_puts(o, "<li><span class=\"about\">");
            esc(o, it->about);
            sl_buf_puts(o, "</span>: <span class=\"val\">");
            esc(o, it->value ? it->value : (it->nclaims ? it->claims[0].value : ""));
            sl_buf_puts(o, "</span> ");
            for (j = 0; j < it->nclaims; j++)
                chip(r, it->claims[j].doc, it->claims[j].sentence);
            sl_buf_puts(o, "</li>\n");
        }
        sl_buf_puts(o, "</ul>\n");
    }
    sl_buf_puts(o, "</section>\n");
}

/* ------------------------------------------------------------------ sources */

typedef struct mark {
    size_t doc, sentence;
} mark;

static int cmp_mark(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return (x->sentence > y->sentence) - (x->sentence < y->sentence);
}

static const char *block_tag(sl_block_kind k, const char **cls)
{
    *cls = NULL;
    switch (k) {
    case SL_BLOCK_TITLE: *cls = "b-title"; return "p";
    case SL_BLOCK_HEADING: return "h4";
    case SL_BLOCK_CAPTION: *cls = "caption"; return "p";
    case SL_BLOCK_ITEM: *cls = "item"; return "p";
    case SL_BLOCK_QUOTE: return "blockquote";
    case SL_BLOCK_BODY: break;
    }
    return "p";
}

/* The cleaned text, paragraph by paragraph, each sentence a span with an
 * anchor; the sentences the summary took (marks[0..nmarks), this document's,
 * ascending) are marked. */
static void doc_text(report *r, size_t di, const mark *marks, size_t nmarks)
{
    const sl_doc *x = r->d->corpus->docs[di];
    sl_buf *o = r->out;
    size_t b, s = 0, m = 0;
    const char *text = x->text.ptr ? x->text.ptr : "";
    size_t len = x->text.len;
    for (b = 0; b < x->nblocks; b++) {
        const sl_block *bl = &x->blocks[b];
        const char *cls, *tag = block_tag(bl->kind, &cls);
        size_t pos = bl->start, end = bl->end < len ? bl->end : len;
        if (pos > end)
            continue;
        sl_buf_printf(o, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
        while (s < x->nsents && x->sents[s].start < pos)
            s++;
        for (; s < x->nsents && x->sents[s].end <= end; s++) {
            const sl_sentence *st = &x->sents[s];
            while (m < nmarks && marks[m].sentence < s)
                m++;
            sl_html_escape(o, text + pos, st->start - pos);
            sl_buf_printf(o, "<span class=\"s%s\" id=\"doc-%zu-s%zu\">",
                          m < nmarks && marks[m].sentence == s ? " cited" : "", di, s);
            sl_html_escape(o, text + st->start, st->end - st->start);
            sl_buf_puts(o, "</span>");
            pos = st->end;
        }
        sl_html_escape(o, text + pos, end - pos);
        sl_buf_printf(o, "</%s>\n", tag);
    }
}

static void doc_edits(report *r, const sl_doc *x)
{
    sl_buf *o = r->out;
    size_t n = sl_doc_edit_count(x), i, counts[5] = {0};
    int first;
    if (!n)
        return;
    for (i = 0; i < n; i++) {
        const sl_edit *e = sl_doc_edit(x, i);
        if ((int)e->kind >= 1 && (int)e->kind <= 4)
            counts[e->kind]++;
    }
    sl_buf_puts(o, "<details class=\"edits\"><summary>What cleaning changed:");
    for (i = 1, first = 1; i <= 4; i++) {
        static const char *const what[5][2] = {
            {"", ""},
            {"repair", "repairs"},
            {"removal", "removals"},
            {"removal kept as evidence", "removals kept as evidence"},
            {"title taken from the text", "titles taken from the text"}};
        if (!counts[i])
            continue;
        sl_buf_printf(o, "%s %zu %s", first ? "" : ",", counts[i], what[i][counts[i] != 1]);
        first = 0;
    }
    if (x->edits.dropped)
        sl_buf_printf(o, " (%zu more not logged)", x->edits.dropped);
    sl_buf_puts(o, "</summary>\n<ol>\n");
    for (i = 0; i < n; i++) {
        const sl_edit *e = sl_doc_edit(x, i);
        sl_buf_printf(o, "<li><span class=\"kind\">%s</span> <code>", sl_edit_kind_name(e->kind));
        esc(o, e->rule);
        sl_buf_puts(o, "</code>");
        if (e->line)
            sl_buf_printf(o, " line %zu", e->line);
        sl_buf_puts(o, ": ");
        esc(o, e->reason);
        if (e->before && *e->before) {
            sl_buf_puts(o, "<br><del>");
            esc_cut(o, e->before, 2000);
            sl_buf_puts(o, "</del>");
        }
        if (e->after && *e->after) {
            sl_buf_puts(o, " \xE2\x86\x92 <ins>");
            esc_cut(o, e->after, 2000);
            sl_buf_puts(o, "</ins>");
        }
        sl_buf_puts(o, "</li>\n");
    }
    sl_buf_puts(o, "</ol></details>\n");
}

static void sources(report *r)
{
    const sl_digest *d = r->d;
    sl_buf *o = r->out;
    size_t i, k, nm = 0, m0 = 0;
    mark *marks = sl_xmalloc((d->nitems ? d->nitems : 1) * sizeof(*marks));
    for (i = 0; i < d->nitems; i++) {
        marks[nm].doc = d->items[i].doc;
        marks[nm].sentence = d->items[i].sentence;
        nm++;
    }
    qsort(marks, nm, sizeof(*marks), cmp_mark);
    sl_buf_puts(o, "<section id=\"sources\">\n<h2>Sources</h2>\n");
    for (k = 0; k < d->corpus->n; k++) {
        size_t di = r->order[k], m1;
        const sl_doc *x = d->corpus->docs[di];
        const char *title = sl_doc_title(x), *url = sl_doc_url(x);
        sl_date date;
        for (m0 = 0; m0 < nm && marks[m0].doc < di; m0++)
            ;
        for (m1 = m0; m1 < nm && marks[m1].doc == di; m1++)
            ;
        sl_buf_printf(o, "<article class=\"source\" id=\"doc-%zu\">\n<h3><span class=\"n\">%zu</span>",
                      di, r->num[di]);
        esc(o, *title ? title : d->doc_ids[di]);
        sl_buf_puts(o, "</h3>\n<p class=\"meta\">");
        if (*sl_doc_source(x)) {
            esc(o, sl_doc_source(x));
            sl_buf_puts(o, "<span class=\"sep\">\xC2\xB7</span>");
        }
        if (sl_digest_doc_date(d, di, &date) == SL_OK) {
            sl_buf_puts(o, "<time datetime=\"");
            esc(o, date.value);
            sl_buf_puts(o, "\">");
            esc_range(o, date.value, NULL);
            sl_buf_puts(o, "</time> <span class=\"evidence\">(date from ");
            esc(o, date.origin ? date.origin : "");
            if (date.evidence && *date.evidence) {
                sl_buf_puts(o, ": \xE2\x80\x9C");
                esc_cut(o, date.evidence, 300);
                sl_buf_puts(o, "\xE2\x80\x9D");
            }
            sl_buf_puts(o, ")</span>");
        } else {
            sl_buf_puts(o, "<span class=\"evidence\">date unknown</span>");
        }
        sl_buf_puts(o, "<span class=\"sep\">\xC2\xB7</span><code>");
        esc(o, d->doc_ids[di]);
        sl_buf_puts(o, "</code></p>\n");
        if (*url && sl_html_safe_url(url)) {
            sl_buf_puts(o, "<p class=\"url\"><a rel=\"noopener noreferrer nofollow\" href=\"");
            esc(o, url);
            sl_buf_puts(o, "\">");
            esc(o, url);
            sl_buf_puts(o, "</a></p>\n");
        }
        sl_buf_printf(o, "<details class=\"text\" open><summary>Text (%zu sentence%s)</summary>\n",
                      x->nsents, x->nsents == 1 ? "" : "s");
        doc_text(r, di, marks + m0, m1 - m0);
        sl_buf_puts(o, "</details>\n");
        doc_edits(r, x);
        sl_buf_puts(o, "</article>\n");
    }
    sl_buf_puts(o, "</section>\n");
    free(marks);
}

/* ------------------------------------------------------------------ the page */

int sl_render_html(const sl_digest *d, const sl_render_opts *opts, sl_buf *out)
{
    report r;
    const char *headline = sl_render_headline(d);
    size_t n = d->corpus->n, i, k;
    (void)opts;
    memset(&r, 0, sizeof(r));
    r.d = d;
    r.out = out;
    sl_cites_build(d, &r.c);
    /* every document gets a number: the cited ones first, as the other writers number them */
    r.num = sl_xcalloc(n ? n : 1, sizeof(*r.num));
    r.order = sl_xcalloc(n ? n : 1, sizeof(*r.order));
    for (k = 0; k < r.c.n; k++) {
        r.order[k] = r.c.doc[k];
        r.num[r.c.doc[k]] = k + 1;
    }
    for (i = 0; i < n; i++)
        if (!r.num[i]) {
            r.order[k] = i;
            r.num[i] = ++k;
        }
    head(&r, headline);
    header(&r, headline);
    summary(&r);
    timeline(&r);
    entities(&r);
    comparison(&r);
    sources(&r);
    sl_buf_printf(out, "<footer>Made by storyline %s from %zu document%s. This page runs no "
                       "script and loads nothing from the network.</footer>\n</main>\n</body>\n"
                       "</html>\n",
                  sl_version(), n, n == 1 ? "" : "s");
    sl_cites_free(&r.c);
    free(r.num);
    free(r.order);
    return SL_OK;
}
