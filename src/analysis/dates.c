/*
 * dates.c: calendar arithmetic, points of time and metadata dates (see
 * dates.h for the calendar and precision rules).
 *
 * Day numbers count days since 1970-01-01 in the proleptic Gregorian
 * calendar; the conversions use the era-of-400-years method (each era has
 * exactly 146097 days, and March-first years put the leap day last), which
 * needs no tables and works for any year.  Everything else (ISO weeks,
 * seasons, shifts) is done on day numbers, so month lengths and leap years
 * are handled in exactly one place.
 */
#include "analysis/dates.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ days */

int sl_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int sl_days_in_month(int y, int m)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return mdays[m - 1] + (m == 2 && sl_is_leap(y));
}

int sl_ymd_valid(int y, int m, int d)
{
    if (y < SL_YEAR_MIN || y > SL_YEAR_MAX || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= sl_days_in_month(y, m);
}

long sl_days_from_ymd(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;                                   /* 0..399 */
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* 0..365, from March 1 */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* 0..146096 */
    return era * 146097 + doe - 719468;                          /* 719468: 0000-03-01 to 1970-01-01 */
}

void sl_ymd_from_days(long days, sl_ymd *out)
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
    out->m = m;
    out->y = (int)(yoe + era * 400 + (m <= 2));
}

int sl_weekday(long days)
{
    long r = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(r < 0 ? r + 7 : r) + 1;
}

void sl_iso_week(long days, int *iso_year, int *week)
{
    long thu = days - (sl_weekday(days) - 1) + 3; /* the Thursday of its week decides */
    sl_ymd t;
    sl_ymd_from_days(thu, &t);
    *iso_year = t.y;
    *week = (int)((thu - sl_days_from_ymd(t.y, 1, 1)) / 7) + 1;
}

int sl_iso_weeks(int iso_year)
{
    int y, w;
    sl_iso_week(sl_days_from_ymd(iso_year, 12, 28), &y, &w); /* Dec 28 is always in the last week */
    return w;
}

long sl_days_from_iso_week(int iso_year, int week, int wday)
{
    long jan4 = sl_days_from_ymd(iso_year, 1, 4); /* Jan 4 is always in week 1 */
    long monday1 = jan4 - (sl_weekday(jan4) - 1);
    return monday1 + 7L * (week - 1) + (wday - 1);
}

long sl_easter(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return sl_days_from_ymd(y, month, day);
}

/* ------------------------------------------------------------------ points */

void sl_tpoint_day(sl_tpoint *p, int y, int m, int d)
{
    memset(p, 0, sizeof(*p));
    p->prec = SL_PREC_DAY;
    p->y = y, p->m = m, p->d = d;
    p->hh = -1;
}

static int digits(const char *s, size_t len, size_t i, size_t n, int *out)
{
    int v = 0;
    size_t k;
    if (i + n > len)
        return 0;
    for (k = 0; k < n; k++) {
        if (s[i + k] < '0' || s[i + k] > '9')
            return 0;
        v = v * 10 + (s[i + k] - '0');
    }
    *out = v;
    return 1;
}

static int is_digit_at(const char *s, size_t len, size_t i)
{
    return i < len && s[i] >= '0' && s[i] <= '9';
}

int sl_tpoint_parse(const char *s, size_t len, sl_tpoint *p)
{
    static const char *const pods[] = {"MO", "AF", "EV", "NI"};
    static const char *const seasons[] = {"SP", "SU", "FA", "WI"};
    size_t i = 0, nd = 0;
    int v = 0, k;
    memset(p, 0, sizeof(*p));
    p->hh = -1;
    while (is_digit_at(s, len, nd))
        nd++;
    if (len >= 4 && memcmp(s, "XXXX", 4) == 0) {
        p->y = SL_YEAR_UNKNOWN;
        i = 4;
    } else if (nd == 4 || nd == 3 || nd == 2) {
        digits(s, len, 0, nd, &v);
        p->y = nd == 4 ? v : nd == 3 ? v * 10 : v * 100;
        i = nd;
        if (nd < 4) {
            if (len != nd)
                goto bad;
            p->prec = nd == 3 ? SL_PREC_DECADE : SL_PREC_CENTURY;
            return 0;
        }
        if (p->y < SL_YEAR_MIN)
            goto bad;
    } else {
        goto bad;
    }
    p->prec = SL_PREC_YEAR;
    if (i == len)
        return 0;
    if (s[i] != '-')
        goto bad;
    i++;
    if (i < len && s[i] == 'W' && is_digit_at(s, len, i + 1)) {
        if (!digits(s, len, i + 1, 2, &p->w) || p->w < 1 || p->w > 53)
            goto bad;
        if (p->y != SL_YEAR_UNKNOWN && p->w > sl_iso_weeks(p->y))
            goto bad;
        p->prec = SL_PREC_WEEK;
        i += 3;
        if (i == len)
            return 0;
        if (len - i == 3 && memcmp(s + i, "-WE", 3) == 0) {
            p->we = 1;
            return 0;
        }
        goto bad;
    }
    if (len - i == 2 && (s[i] == 'Q' || s[i] == 'H') && is_digit_at(s, len, i + 1)) {
        v = s[i + 1] - '0';
        if (s[i] == 'Q' ? v < 1 || v > 4 : v < 1 || v > 2)
            goto bad;
        if (s[i] == 'Q')
            p->q = v;
        else
            p->half = v;
        p->prec = SL_PREC_QUARTER;
        return 0;
    }
    for (k = 0; k < 4; k++)
        if (len - i == 2 && memcmp(s + i, seasons[k], 2) == 0) {
            p->season = k + 1;
            p->prec = SL_PREC_SEASON;
            return 0;
        }
    if (!digits(s, len, i, 2, &p->m) || p->m < 1 || p->m > 12)
        goto bad;
    p->prec = SL_PREC_MONTH;
    i += 2;
    if (i == len)
        return 0;
    if (s[i] != '-' || !digits(s, len, i + 1, 2, &p->d) || p->d < 1 ||
        p->d > (p->y == SL_YEAR_UNKNOWN ? (p->m == 2 ? 29 : sl_days_in_month(2001, p->m))
                                        : sl_days_in_month(p->y, p->m)))
        goto bad;
    p->prec = SL_PREC_DAY;
    i += 3;
    if (i == len)
        return 0;
    if (s[i] != 'T')
        goto bad;
    i++;
    for (k = 0; k < 4; k++)
        if (len - i == 2 && memcmp(s + i, pods[k], 2) == 0) {
            p->pod = k + 1;
            p->prec = SL_PREC_TIME;
            return 0;
        }
    if (!digits(s, len, i, 2, &p->hh) || p->hh > 24)
        goto bad;
    i += 2;
    p->prec = SL_PREC_TIME;
    if (i < len && s[i] == ':') {
        if (!digits(s, len, i + 1, 2, &p->mi) || p->mi > 59)
            goto bad;
        i += 3;
        if (i < len && s[i] == ':') { /* seconds are read and dropped */
            if (!digits(s, len, i + 1, 2, &v) || v > 60)
                goto bad;
            i += 3;
            while (i < len && (s[i] == '.' || is_digit_at(s, len, i)))
                i++;
        }
    }
    /* a zone ("Z", "+02:00", "-0500") is accepted and ignored: values are local */
    if (i < len && s[i] == 'Z')
        i++;
    else if (i < len && (s[i] == '+' || s[i] == '-')) {
        i++;
        while (i < len && (is_digit_at(s, len, i) || s[i] == ':'))
            i++;
    }
    if (i == len)
        return 0;
bad:
    memset(p, 0, sizeof(*p));
    return -1;
}

int sl_tpoint_format(const sl_tpoint *p, char *out, size_t n)
{
    static const char *const pods[] = {"", "MO", "AF", "EV", "NI"};
    static const char *const seasons[] = {"", "SP", "SU", "FA", "WI"};
    char y[8];
    int unknown = p->y == SL_YEAR_UNKNOWN;
    if (unknown)
        strcpy(y, "XXXX");
    else
        snprintf(y, sizeof(y), "%04d", p->y % 10000);
    switch (p->prec) {
    case SL_PREC_NONE: return snprintf(out, n, "%s", "");
    case SL_PREC_CENTURY: return unknown ? snprintf(out, n, "XX") : snprintf(out, n, "%02d", p->y / 100);
    case SL_PREC_DECADE: return unknown ? snprintf(out, n, "XXX") : snprintf(out, n, "%03d", p->y / 10);
    case SL_PREC_YEAR: return snprintf(out, n, "%s", y);
    case SL_PREC_SEASON: return snprintf(out, n, "%s-%s", y, seasons[(unsigned)p->season <= 4 ? p->season : 0]);
    case SL_PREC_QUARTER:
        return p->half ? snprintf(out, n, "%s-H%d", y, p->half) : snprintf(out, n, "%s-Q%d", y, p->q);
    case SL_PREC_MONTH: return snprintf(out, n, "%s-%02d", y, p->m);
    case SL_PREC_WEEK: return snprintf(out, n, "%s-W%02d%s", y, p->w, p->we ? "-WE" : "");
    case SL_PREC_DAY: return snprintf(out, n, "%s-%02d-%02d", y, p->m, p->d);
    case SL_PREC_TIME:
        if (p->hh < 0)
            return snprintf(out, n, "%s-%02d-%02dT%s", y, p->m, p->d, pods[p->pod > 4 ? 0 : p->pod]);
        return snprintf(out, n, "%s-%02d-%02dT%02d:%02d", y, p->m, p->d, p->hh, p->mi);
    }
    return snprintf(out, n, "%s", "");
}

int sl_tpoint_days(const sl_tpoint *p, long *first, long *last)
{
    int y = p->y;
    if (y == SL_YEAR_UNKNOWN || y < SL_YEAR_MIN - 1 || y > SL_YEAR_MAX)
        return -1;
    switch (p->prec) {
    case SL_PREC_NONE: return -1;
    case SL_PREC_CENTURY:
        *first = sl_days_from_ymd(y - y % 100, 1, 1);
        *last = sl_days_from_ymd(y - y % 100 + 99, 12, 31);
        return 0;
    case SL_PREC_DECADE:
        *first = sl_days_from_ymd(y - y % 10, 1, 1);
        *last = sl_days_from_ymd(y - y % 10 + 9, 12, 31);
        return 0;
    case SL_PREC_YEAR:
        *first = sl_days_from_ymd(y, 1, 1);
        *last = sl_days_from_ymd(y, 12, 31);
        return 0;
    case SL_PREC_SEASON: {
        int s = p->season < 1 || p->season > 4 ? 1 : p->season;
        int m0 = s == 4 ? 0 : 3 * s; /* first month: 3, 6, 9, or December (0) of the year before */
        *first = m0 ? sl_days_from_ymd(y, m0, 1) : sl_days_from_ymd(y - 1, 12, 1);
        *last = sl_days_from_ymd(y, m0 + 3, 1) - 1;
        return 0;
    }
    case SL_PREC_QUARTER: {
        int m0 = p->half ? 6 * (p->half - 1) + 1 : 3 * ((p->q < 1 || p->q > 4 ? 1 : p->q) - 1) + 1;
        int months = p->half ? 6 : 3;
        *first = sl_days_from_ymd(y, m0, 1);
        *last = m0 + months > 12 ? sl_days_from_ymd(y, 12, 31) : sl_days_from_ymd(y, m0 + months, 1) - 1;
        return 0;
    }
    case SL_PREC_MONTH:
        *first = sl_days_from_ymd(y, p->m, 1);
        *last = *first + sl_days_in_month(y, p->m) - 1;
        return 0;
    case SL_PREC_WEEK:
        *first = sl_days_from_iso_week(y, p->w, p->we ? 6 : 1);
        *last = sl_days_from_iso_week(y, p->w, 7);
        return 0;
    case SL_PREC_DAY:
    case SL_PREC_TIME:
        *first = *last = sl_days_from_ymd(y, p->m, p->d);
        return 0;
    }
    return -1;
}

/* Rebuilds *p at precision prec from one day number. */
static void point_from_day(sl_tpoint *p, long day, sl_precision prec)
{
    sl_ymd t;
    sl_ymd_from_days(day, &t);
    memset(p, 0, sizeof(*p));
    p->hh = -1;
    p->prec = prec;
    p->y = t.y;
    switch (prec) {
    case SL_PREC_CENTURY: p->y = t.y - t.y % 100; break;
    case SL_PREC_DECADE: p->y = t.y - t.y % 10; break;
    case SL_PREC_SEASON:
        p->season = t.m == 12 || t.m <= 2 ? SL_SEASON_WI : t.m <= 5 ? SL_SEASON_SP : t.m <= 8 ? SL_SEASON_SU
                                                                                     : SL_SEASON_FA;
        if (t.m == 12)
            p->y = t.y + 1;
        break;
    case SL_PREC_QUARTER: p->q = (t.m - 1) / 3 + 1; break;
    case SL_PREC_MONTH: p->m = t.m; break;
    case SL_PREC_WEEK: sl_iso_week(day, &p->y, &p->w); break;
    default: p->m = t.m, p->d = t.d; break;
    }
}

void sl_tpoint_truncate(sl_tpoint *p, sl_precision prec)
{
    long first, last;
    if (p->prec <= prec)
        return;
    if (prec == SL_PREC_DAY) { /* TIME -> DAY keeps the day, even with an unknown year */
        p->prec = SL_PREC_DAY;
        p->hh = -1, p->mi = 0, p->pod = 0;
        return;
    }
    if (p->y == SL_YEAR_UNKNOWN) {
        /* what can be said without the year: the month, its quarter, its season */
        int m = p->prec >= SL_PREC_MONTH && p->prec != SL_PREC_WEEK ? p->m : 0;
        if (prec == SL_PREC_MONTH && m) {
            p->prec = SL_PREC_MONTH;
        } else if (prec == SL_PREC_QUARTER && m) {
            p->q = (m - 1) / 3 + 1;
            p->half = 0;
            p->prec = SL_PREC_QUARTER;
        } else if (prec == SL_PREC_SEASON && m && m != 12) {
            p->season = m <= 2 ? SL_SEASON_WI : m <= 5 ? SL_SEASON_SP : m <= 8 ? SL_SEASON_SU : SL_SEASON_FA;
            p->prec = SL_PREC_SEASON;
        } else {
            p->prec = prec;
        }
        p->d = 0, p->w = 0, p->we = 0, p->hh = -1, p->mi = 0, p->pod = 0;
        return;
    }
    if (sl_tpoint_days(p, &first, &last) < 0) {
        p->prec = SL_PREC_NONE;
        return;
    }
    /* the middle day stands for the whole: a week's Thursday, a winter's January */
    point_from_day(p, first + (last - first) / 2, prec);
}

int sl_tpoint_shift(sl_tpoint *p, sl_precision unit, long n)
{
    sl_tpoint orig = *p;
    long first, last, months;
    if (p->y == SL_YEAR_UNKNOWN || p->prec == SL_PREC_NONE)
        return -1;
    if (n > 100000 || n < -100000)
        return -1;
    switch (unit) {
    case SL_PREC_CENTURY:
    case SL_PREC_DECADE:
    case SL_PREC_YEAR:
    case SL_PREC_QUARTER:
    case SL_PREC_MONTH:
        months = unit == SL_PREC_CENTURY ? 1200 * n : unit == SL_PREC_DECADE ? 120 * n
                 : unit == SL_PREC_YEAR ? 12 * n : unit == SL_PREC_QUARTER ? 3 * n : n;
        if (p->prec <= SL_PREC_YEAR) {
            p->y += (int)(months / 12);
        } else if (p->prec == SL_PREC_SEASON) {
            long si = (long)p->y * 4 + (p->season - 1) + months / 3;
            p->y = (int)(si >= 0 ? si / 4 : (si - 3) / 4);
            p->season = (int)(si - (long)p->y * 4) + 1;
        } else if (p->prec == SL_PREC_QUARTER) {
            long per = p->half ? 6 : 3;
            long qi = (long)p->y * (12 / per) + ((p->half ? p->half : p->q) - 1) + months / per;
            p->y = (int)(qi / (12 / per));
            if (p->half)
                p->half = (int)(qi % 2) + 1;
            else
                p->q = (int)(qi % 4) + 1;
        } else if (p->prec == SL_PREC_WEEK) {
            /* move the Thursday and take the week it lands in */
            long thu = sl_days_from_iso_week(p->y, p->w, 4);
            sl_ymd t;
            long mi;
            int we = p->we;
            sl_ymd_from_days(thu, &t);
            mi = (long)t.y * 12 + (t.m - 1) + months;
            if (mi < 12L * SL_YEAR_MIN || mi >= 12L * (SL_YEAR_MAX + 1))
                goto bad;
            t.y = (int)(mi / 12), t.m = (int)(mi % 12) + 1;
            if (t.d > sl_days_in_month(t.y, t.m))
                t.d = sl_days_in_month(t.y, t.m);
            point_from_day(p, sl_days_from_ymd(t.y, t.m, t.d), SL_PREC_WEEK);
            p->we = we;
        } else {
            long mi = (long)p->y * 12 + (p->m - 1) + months;
            if (mi < 12L * SL_YEAR_MIN || mi >= 12L * (SL_YEAR_MAX + 1))
                goto bad;
            p->y = (int)(mi / 12), p->m = (int)(mi % 12) + 1;
            if (p->prec >= SL_PREC_DAY && p->d > sl_days_in_month(p->y, p->m))
                p->d = sl_days_in_month(p->y, p->m);
        }
        break;
    case SL_PREC_WEEK:
    case SL_PREC_DAY:
    case SL_PREC_TIME: {
        long days = unit == SL_PREC_WEEK ? 7 * n : unit == SL_PREC_DAY ? n : 0;
        if (unit == SL_PREC_TIME) { /* hours */
            long h;
            if (p->prec != SL_PREC_TIME || p->hh < 0)
                goto bad;
            h = p->hh + n;
            days = h >= 0 ? h / 24 : -((23 - h) / 24);
            p->hh = (int)(h - days * 24);
        }
        if (p->prec >= SL_PREC_DAY) {
            sl_ymd t;
            if (p->y < SL_YEAR_MIN || p->y > SL_YEAR_MAX)
                goto bad;
            sl_ymd_from_days(sl_days_from_ymd(p->y, p->m, p->d) + days, &t);
            p->y = t.y, p->m = t.m, p->d = t.d;
        } else {
            sl_precision prec = p->prec;
            int we = p->we;
            if (sl_tpoint_days(p, &first, &last) < 0)
                goto bad;
            point_from_day(p, first + (last - first) / 2 + days, prec);
            p->we = we;
        }
        break;
    }
    default: goto bad;
    }
    if (p->y < SL_YEAR_MIN || p->y > SL_YEAR_MAX)
        goto bad;
    return 0;
bad:
    *p = orig;
    return -1;
}

/* ------------------------------------------------------------------ metadata dates */

void sl_ymd_format(const sl_ymd *v, sl_precision p, char *out)
{
    if (p >= SL_PREC_DAY)
        snprintf(out, 32, "%04d-%02d-%02d", v->y % 10000, v->m % 100, v->d % 100);
    else if (p == SL_PREC_MONTH)
        snprintf(out, 32, "%04d-%02d", v->y % 10000, v->m % 100);
    else if (p == SL_PREC_YEAR)
        snprintf(out, 32, "%04d", v->y % 10000);
    else
        out[0] = '\0';
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_alpha(int c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* The month of a word of at least three letters that a month name starts
 * with ("Apr", "April", "Sept"); 0 otherwise. */
static int month_of(const char *s, size_t n)
{
    static const char *const full[12] = {"january", "february", "march",     "april",   "may",      "june",
                                         "july",    "august",   "september", "october", "november", "december"};
    int m;
    size_t k;
    if (n < 3)
        return 0;
    for (m = 0; m < 12; m++) {
        if (n > strlen(full[m]))
            continue;
        for (k = 0; k < n; k++)
            if (lower(s[k]) != full[m][k])
                break;
        if (k == n)
            return m + 1;
    }
    return 0;
}

sl_precision sl_parse_date(const char *s, size_t len, sl_ymd *out)
{
    size_t i = 0, j;
    int y = 0, m = 0, d = 0;
    memset(out, 0, sizeof(*out));
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
    /* ISO 8601: 2018-04-27[T...], 2018/04/27, 2018-04, 2018, 20180427 */
    j = i;
    while (j < len && s[j] >= '0' && s[j] <= '9')
        j++;
    if (j - i == 8 && (j == len || s[j] == 'T' || s[j] == ' ')) {
        digits(s, len, i, 4, &y), digits(s, len, i + 4, 2, &m), digits(s, len, i + 6, 2, &d);
        if (!sl_ymd_valid(y, m, d))
            return SL_PREC_NONE;
        out->y = y, out->m = m, out->d = d;
        return SL_PREC_DAY;
    }
    if (j - i == 4) {
        digits(s, len, i, 4, &y);
        if (y < SL_YEAR_MIN)
            return SL_PREC_NONE;
        if (j == len) {
            out->y = y;
            return SL_PREC_YEAR;
        }
        if ((s[j] == '-' || s[j] == '/') && digits(s, len, j + 1, 2, &m) && !is_digit_at(s, len, j + 3)) {
            if (m < 1 || m > 12)
                return SL_PREC_NONE;
            j += 3;
            if (j < len && s[j] == s[j - 3] && digits(s, len, j + 1, 2, &d) && !is_digit_at(s, len, j + 3)) {
                if (!sl_ymd_valid(y, m, d))
                    return SL_PREC_NONE;
                j += 3;
                if (j < len && s[j] != 'T' && s[j] != ' ' && s[j] != 't')
                    return SL_PREC_NONE;
                out->y = y, out->m = m, out->d = d;
                return SL_PREC_DAY;
            }
            if (j != len)
                return SL_PREC_NONE;
            out->y = y, out->m = m;
            return SL_PREC_MONTH;
        }
        /* "2018 April 27" and the like fall through to the word scan */
    }
    /* "04/27/2018" (US order) or "27/04/2018", "27.04.2018" (day first) */
    if ((j - i == 1 || j - i == 2) && j < len && (s[j] == '/' || s[j] == '.' || s[j] == '-')) {
        int a = 0, b = 0;
        size_t k = j + 1, e;
        digits(s, len, i, j - i, &a);
        e = k;
        while (e < len && s[e] >= '0' && s[e] <= '9')
            e++;
        if ((e - k == 1 || e - k == 2) && e < len && s[e] == s[j] && digits(s, len, e + 1, 4, &y) &&
            !is_digit_at(s, len, e + 5)) {
            digits(s, len, k, e - k, &b);
            if (s[j] == '.' || a > 12)
                m = b, d = a;
            else
                m = a, d = b;
            if (!sl_ymd_valid(y, m, d))
                return SL_PREC_NONE;
            out->y = y, out->m = m, out->d = d;
            return SL_PREC_DAY;
        }
    }
    /* "Fri, 27 Apr 2018", "27 April 2018", "April 27, 2018", "Apr 27 2018 10:00" */
    {
        int day = 0, mon = 0, year = 0;
        j = i;
        while (j < len) {
            size_t a = j;
            if (s[j] >= '0' && s[j] <= '9') {
                long v = 0;
                while (j < len && s[j] >= '0' && s[j] <= '9') {
                    if (v < 100000)
                        v = v * 10 + (s[j] - '0');
                    j++;
                }
                if (j < len && s[j] == ':') { /* a time of day: skip it */
                    while (j < len && (s[j] == ':' || (s[j] >= '0' && s[j] <= '9')))
                        j++;
                    continue;
                }
                if (j - a == 4 && !year)
                    year = (int)v;
                else if (j - a <= 2 && !day && v >= 1 && v <= 31)
                    day = (int)v;
                else
                    return SL_PREC_NONE;
                /* an ordinal suffix: "27th" */
                if (j + 1 < len && is_alpha(s[j]) && is_alpha(s[j + 1]) && (j + 2 >= len || !is_alpha(s[j + 2])))
                    j += 2;
            } else if (is_alpha(s[j])) {
                int mm;
                while (j < len && is_alpha(s[j]))
                    j++;
                mm = month_of(s + a, j - a);
                if (mm && !mon)
                    mon = mm;
            } else {
                j++;
            }
        }
        if (year && mon && day) {
            if (!sl_ymd_valid(year, mon, day))
                return SL_PREC_NONE;
            out->y = year, out->m = mon, out->d = day;
            return SL_PREC_DAY;
        }
        if (year && mon && year >= SL_YEAR_MIN) {
            out->y = year, out->m = mon;
            return SL_PREC_MONTH;
        }
    }
    return SL_PREC_NONE;
}
