/*
 * axis.c: the piecewise-linear time axis and its calendar (see axis.h).
 *
 * Calendar conversions are the usual era arithmetic over 400-year cycles
 * (146097 days), exact for every proleptic Gregorian year.  Ticks walk
 * calendar units from fine to coarse and take the first whose labels fit;
 * every walk stops after one label more than fits, so a segment of five
 * thousand years costs no more than one of five days.
 */
#include "output/axis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* ------------------------------------------------------------------ calendar */

static long floor_div(long a, long b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static long floor_mod(long a, long b)
{
    return a - floor_div(a, b) * b;
}

long sl_cal_days(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = floor_div(yy, 400);
    long yoe = yy - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void sl_cal_ymd(long days, int *y, int *m, int *d)
{
    long z = days + 719468;
    long era = floor_div(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = mm;
    *y = (int)(yoe + era * 400 + (mm <= 2));
}

const char *sl_cal_month_name(int m)
{
    static const char *const names[] = {"", "January", "February", "March", "April", "May",
                                        "June", "July", "August", "September", "October",
                                        "November", "December"};
    return m >= 1 && m <= 12 ? names[m] : "";
}

/* ISO weekday, 1 Monday .. 7 Sunday (1970-01-01 was a Thursday). */
static int weekday(long days)
{
    return (int)floor_mod(days + 3, 7) + 1;
}

static int month_len(int y, int m)
{
    return (int)(sl_cal_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - sl_cal_days(y, m, 1));
}

/* Reads exactly n digits. */
static int digits(const char *s, int n, int *v)
{
    int i;
    *v = 0;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

int sl_cal_value_days(const char *s, long *first, long *last)
{
    int y, m, d, n = 0;
    if (!s)
        return -1;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    if (n == 2 && !s[2] && digits(s, 2, &y)) { /* century */
        *first = sl_cal_days(y * 100, 1, 1);
        *last = sl_cal_days(y * 100 + 99, 12, 31);
        return 0;
    }
    if (n == 3 && !s[3] && digits(s, 3, &y)) { /* decade */
        *first = sl_cal_days(y * 10, 1, 1);
        *last = sl_cal_days(y * 10 + 9, 12, 31);
        return 0;
    }
    if (n != 4 || !digits(s, 4, &y))
        return -1;
    s += 4;
    if (!*s) {
        *first = sl_cal_days(y, 1, 1);
        *last = sl_cal_days(y, 12, 31);
        return 0;
    }
    if (*s++ != '-')
        return -1;
    if (s[0] == 'W' && digits(s + 1, 2, &m) && m >= 1 && m <= 53) {
        long jan4 = sl_cal_days(y, 1, 4);
        long mon = jan4 - (weekday(jan4) - 1) + 7L * (m - 1);
        int we = strcmp(s + 3, "-WE") == 0;
        if (s[3] && !we)
            return -1;
        *first = we ? mon + 5 : mon;
        *last = mon + 6;
        return 0;
    }
    if (s[0] == 'Q' && s[1] >= '1' && s[1] <= '4' && !s[2]) {
        m = (s[1] - '0') * 3;
        *first = sl_cal_days(y, m - 2, 1);
        *last = sl_cal_days(y, m, month_len(y, m));
        return 0;
    }
    if (s[0] == 'H' && (s[1] == '1' || s[1] == '2') && !s[2]) {
        *first = sl_cal_days(y, s[1] == '1' ? 1 : 7, 1);
        *last = sl_cal_days(y, s[1] == '1' ? 6 : 12, s[1] == '1' ? 30 : 31);
        return 0;
    }
    if (!strcmp(s, "SP") || !strcmp(s, "SU") || !strcmp(s, "FA") || !strcmp(s, "WI")) {
        if (s[0] == 'W') { /* meteorological winter: December before to February */
            *first = sl_cal_days(y - 1, 12, 1);
            *last = sl_cal_days(y, 3, 1) - 1;
        } else {
            m = s[1] == 'P' ? 3 : s[1] == 'U' ? 6 : 9;
            *first = sl_cal_days(y, m, 1);
            *last = sl_cal_days(y, m + 3, 1) - 1;
        }
        return 0;
    }
    if (!digits(s, 2, &m) || m < 1 || m > 12)
        return -1;
    s += 2;
    if (!*s) {
        *first = sl_cal_days(y, m, 1);
        *last = sl_cal_days(y, m, month_len(y, m));
        return 0;
    }
    if (*s++ != '-' || !digits(s, 2, &d) || d < 1 || d > month_len(y, m))
        return -1;
    s += 2;
    if (*s && *s != 'T')
        return -1;
    *first = *last = sl_cal_days(y, m, d);
    return 0;
}

/* ------------------------------------------------------------------ layout */

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

typedef struct gap {
    long len;
    size_t at; /* the gap follows distinct day `at` */
} gap;

static int cmp_gap_at(const void *a, const void *b)
{
    const gap *x = a, *y = b;
    return (x->at > y->at) - (x->at < y->at);
}

/* Gives each segment a width by its distinct days, none below minw
 * (water-filling: a segment under the minimum is fixed at it and the rest
 * is shared again among the others). */
static void share_widths(sl_axis *ax, double avail, double minw, double *w)
{
    int fixed[SL_AXIS_MAX_SEGS] = {0};
    size_t k;
    int changed = 1;
    if (minw * (double)ax->nsegs > avail)
        minw = avail / (double)ax->nsegs;
    while (changed) {
        double rest = avail, weight = 0;
        changed = 0;
        for (k = 0; k < ax->nsegs; k++) {
            if (fixed[k])
                rest -= minw;
            else
                weight += (double)ax->segs[k].ndays;
        }
        for (k = 0; k < ax->nsegs; k++) {
            if (fixed[k]) {
                w[k] = minw;
                continue;
            }
            w[k] = weight > 0 ? rest * (double)ax->segs[k].ndays / weight : rest;
            if (w[k] < minw) {
                fixed[k] = 1;
                changed = 1;
            }
        }
    }
}

void sl_axis_layout(sl_axis *ax, const long *days, size_t n, double width)
{
    long *u;
    gap *g;
    size_t m = 0, i, k, nbreak = 0;
    double geo = 0, x, w[SL_AXIS_MAX_SEGS];
    long span;

    memset(ax, 0, sizeof(*ax));
    ax->width = width > 0 ? width : 1;
    ax->brk = ax->width * 0.05 < 28 ? 28 : ax->width * 0.05 > 44 ? 44 : ax->width * 0.05;
    ax->pad = 14;
    if (!n)
        return;
    u = sl_xmalloc(n * sizeof(*u));
    memcpy(u, days, n * sizeof(*u));
    qsort(u, n, sizeof(*u), cmp_long);
    for (i = 0; i < n; i++)
        if (!m || u[m - 1] != u[i])
            u[m++] = u[i];
    (void)span;
    g = sl_xmalloc(m * sizeof(*g));
    for (i = 0; i + 1 < m; i++)
        geo += log((double)(u[i + 1] - u[i]));
    geo = m > 1 ? exp(geo / (double)(m - 1)) : 1;
    /* Breaks are found segment by segment: a gap breaks its segment when it
     * is long against the segment's typical gap (geometric mean) and against
     * the segment's span.  After the decades between 1910 and 2018 are cut,
     * the two months between January and a week in March of 2018 are judged
     * against 2018 alone, so the events of that week are not squeezed into
     * one point.  Each round makes the most telling cut of all segments. */
    while (nbreak + 1 < SL_AXIS_MAX_SEGS) {
        size_t lo = 0, best_at = 0;
        double best_ratio = 0;
        for (k = 0; k <= nbreak; k++) {
            size_t hi = k < nbreak ? g[k].at : m - 1, j, ngaps = hi - lo;
            double lg = 0, sgeo;
            long sspan = u[hi] - u[lo];
            if (ngaps >= 1) {
                /* a segment of one gap is judged against the whole axis */
                for (j = lo; j < hi; j++)
                    lg += log((double)(u[j + 1] - u[j]));
                sgeo = ngaps >= 2 ? exp(lg / (double)ngaps) : geo;
                for (j = lo; j < hi; j++) {
                    double len = (double)(u[j + 1] - u[j]);
                    if (len >= SL_AXIS_GAP_FACTOR * sgeo && len >= SL_AXIS_GAP_SHARE * (double)sspan &&
                        len / sgeo > best_ratio) {
                        best_ratio = len / sgeo;
                        best_at = j;
                    }
                }
            }
            lo = hi + 1;
        }
        if (best_ratio <= 0)
            break;
        g[nbreak].at = best_at;
        g[nbreak].len = u[best_at + 1] - u[best_at];
        nbreak++;
        qsort(g, nbreak, sizeof(*g), cmp_gap_at);
    }
    /* segments: runs of distinct days between the breaks */
    for (i = 0, k = 0; k <= nbreak; k++) {
        size_t end = k < nbreak ? g[k].at : m - 1;
        sl_axis_seg *s = &ax->segs[ax->nsegs++];
        s->lo = u[i];
        s->hi = u[end];
        s->ndays = end - i + 1;
        i = end + 1;
    }
    share_widths(ax, ax->width - (double)(ax->nsegs - 1) * ax->brk, 2 * ax->pad + 40, w);
    for (x = 0, k = 0; k < ax->nsegs; k++) {
        ax->segs[k].x0 = x;
        ax->segs[k].x1 = x + w[k];
        x += w[k] + ax->brk;
    }
    ax->segs[ax->nsegs - 1].x1 = ax->width; /* no rounding drift at the end */
    free(g);
    free(u);
}

static double seg_x(const sl_axis *ax, const sl_axis_seg *s, long day)
{
    double inner = s->x1 - s->x0 - 2 * ax->pad;
    if (s->lo == s->hi || inner <= 0)
        return (s->x0 + s->x1) / 2;
    if (day <= s->lo)
        return s->x0 + ax->pad;
    if (day >= s->hi)
        return s->x1 - ax->pad;
    return s->x0 + ax->pad + inner * (double)(day - s->lo) / (double)(s->hi - s->lo);
}

double sl_axis_x(const sl_axis *ax, long day)
{
    size_t k;
    if (!ax->nsegs)
        return ax->width / 2;
    for (k = 0; k < ax->nsegs; k++) {
        const sl_axis_seg *s = &ax->segs[k];
        if (day < s->lo) {
            double a, b;
            if (k == 0)
                return seg_x(ax, s, s->lo);
            a = seg_x(ax, &ax->segs[k - 1], ax->segs[k - 1].hi);
            b = seg_x(ax, s, s->lo);
            return a + (b - a) * (double)(day - ax->segs[k - 1].hi) /
                           (double)(s->lo - ax->segs[k - 1].hi);
        }
        if (day <= s->hi)
            return seg_x(ax, s, day);
    }
    return seg_x(ax, &ax->segs[ax->nsegs - 1], ax->segs[ax->nsegs - 1].hi);
}

size_t sl_axis_seg_of(const sl_axis *ax, long day)
{
    size_t k;
    for (k = 0; k + 1 < ax->nsegs; k++) {
        /* past segment k: nearer to k + 1 once beyond the middle of the gap */
        if (day <= ax->segs[k].hi)
            return k;
        if (day < ax->segs[k + 1].lo)
            return day - ax->segs[k].hi <= ax->segs[k + 1].lo - day ? k : k + 1;
    }
    return ax->nsegs ? ax->nsegs - 1 : 0;
}

/* ------------------------------------------------------------------ ticks */

enum { U_DAY, U_MONTH, U_YEAR };

typedef struct unit {
    int kind;
    int step;
} unit;

static const unit units[] = {
    {U_DAY, 1}, {U_DAY, 2}, {U_DAY, 7}, {U_DAY, 14}, {U_MONTH, 1}, {U_MONTH, 2},
    {U_MONTH, 3}, {U_MONTH, 6}, {U_YEAR, 1}, {U_YEAR, 2}, {U_YEAR, 5}, {U_YEAR, 10},
    {U_YEAR, 20}, {U_YEAR, 25}, {U_YEAR, 50}, {U_YEAR, 100}, {U_YEAR, 200},
    {U_YEAR, 250}, {U_YEAR, 500}, {U_YEAR, 1000}, {U_YEAR, 2000},
};

static void short_month(int m, char *out)
{
    const char *name = sl_cal_month_name(m);
    memcpy(out, name, 3);
    out[3] = '\0';
}

static void label(int kind, long day, int with_year, char *out, size_t n)
{
    int y, m, d;
    char mon[4];
    sl_cal_ymd(day, &y, &m, &d);
    short_month(m, mon);
    if (kind == U_YEAR)
        snprintf(out, n, "%d", y);
    else if (kind == U_MONTH)
        snprintf(out, n, with_year ? "%s %d" : "%s", mon, y);
    else
        snprintf(out, n, with_year ? "%d %s %d" : "%d %s", d, mon, y);
}

/* The first tick day of a unit at or after lo; LONG_MIN-free: years and
 * months are walked as indexes. */
static long unit_first(const unit *u, long lo, long *index)
{
    int y, m, d;
    sl_cal_ymd(lo, &y, &m, &d);
    if (u->kind == U_YEAR) {
        long yy = y + (m > 1 || d > 1);
        yy += floor_mod(-yy, u->step);
        *index = yy;
        return sl_cal_days((int)yy, 1, 1);
    }
    if (u->kind == U_MONTH) {
        long mi = (long)y * 12 + (m - 1) + (d > 1);
        mi += floor_mod(-mi, u->step);
        *index = mi;
        return sl_cal_days((int)floor_div(mi, 12), (int)floor_mod(mi, 12) + 1, 1);
    }
    if (u->step >= 7) { /* Mondays; fortnights counted from the Monday 1970-01-05 */
        long day = lo + floor_mod(1 - weekday(lo), 7);
        if (u->step == 14)
            day += floor_mod(-floor_div(day - 4, 7), 2) * 7;
        *index = day;
        return day;
    }
    *index = lo + floor_mod(-lo, u->step);
    return *index;
}

static long unit_next(const unit *u, long *index)
{
    *index += u->step;
    if (u->kind == U_YEAR)
        return sl_cal_days((int)*index, 1, 1);
    if (u->kind == U_MONTH)
        return sl_cal_days((int)floor_div(*index, 12), (int)floor_mod(*index, 12) + 1, 1);
    return *index;
}

/* Counts the ticks of a unit in [lo, hi], stopping past max. */
static size_t unit_count(const unit *u, long lo, long hi, size_t max)
{
    long idx, day = unit_first(u, lo, &idx);
    size_t c = 0;
    while (day <= hi && c <= max) {
        c++;
        day = unit_next(u, &idx);
    }
    return c;
}

size_t sl_axis_ticks(const sl_axis *ax, size_t k, double label_w, sl_axis_tick *out)
{
    const sl_axis_seg *s;
    size_t nmax, i, n = 0, c;
    int y, m, d, prev_y = 0;
    const unit *u = NULL;
    long idx, day;
    if (k >= ax->nsegs)
        return 0;
    s = &ax->segs[k];
    if (s->lo == s->hi) {
        sl_cal_ymd(s->lo, &y, &m, &d);
        out[0].day = s->lo;
        out[0].x = sl_axis_x(ax, s->lo);
        label(m == 1 && d == 1 ? U_YEAR : d == 1 ? U_MONTH : U_DAY, s->lo, 1, out[0].label,
              sizeof(out[0].label));
        return 1;
    }
    if (label_w < 1)
        label_w = 1;
    nmax = (size_t)((s->x1 - s->x0) / label_w);
    if (nmax < 1)
        nmax = 1;
    if (nmax > SL_AXIS_MAX_TICKS)
        nmax = SL_AXIS_MAX_TICKS;
    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        c = unit_count(&units[i], s->lo, s->hi, nmax);
        if (c == 0)
            break;
        if (c <= nmax) {
            u = &units[i];
            break;
        }
    }
    if (!u) { /* no calendar unit falls inside: label the ends */
        out[n].day = s->lo;
        out[n].x = sl_axis_x(ax, s->lo);
        label(U_DAY, s->lo, 1, out[n].label, sizeof(out[n].label));
        n++;
        if (sl_axis_x(ax, s->hi) - out[0].x >= label_w) {
            out[n].day = s->hi;
            out[n].x = sl_axis_x(ax, s->hi);
            label(U_DAY, s->hi, 1, out[n].label, sizeof(out[n].label));
            n++;
        }
        return n;
    }
    for (day = unit_first(u, s->lo, &idx); day <= s->hi && n < nmax; day = unit_next(u, &idx)) {
        sl_cal_ymd(day, &y, &m, &d);
        out[n].day = day;
        out[n].x = sl_axis_x(ax, day);
        /* the year is said on the first tick and whenever it changes */
        label(u->kind, day, n == 0 || y != prev_y, out[n].label, sizeof(out[n].label));
        prev_y = y;
        n++;
    }
    return n;
}

void sl_axis_gap_label(long days, char *out, size_t n)
{
    long v;
    if (days < 0)
        days = -days;
    if (days >= 700) {
        v = (long)floor((double)days / 365.2425 + 0.5);
        snprintf(out, n, "%ld years", v);
    } else if (days >= 60) {
        v = (long)floor((double)days / 30.436875 + 0.5);
        snprintf(out, n, "%ld months", v);
    } else {
        snprintf(out, n, "%ld day%s", days, days == 1 ? "" : "s");
    }
}
