/*
 * dates.c: calendar arithmetic and document dates (see dates.h).
 *
 * Calendar: proleptic Gregorian, years 1-9999.  Precision is what the
 * evidence supports: "2018" stays a year, never becomes 2018-01-01.
 */
#include "analysis/dates.h"

#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "util/mem.h"

static const char *const month_names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int sl_ymd_valid(int y, int m, int d)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= mdays[m - 1] + (m == 2 && is_leap(y));
}

void sl_ymd_format(const sl_ymd *v, sl_precision p, char *out)
{
    if (p >= SL_PREC_DAY)
        snprintf(out, 32, "%04d-%02d-%02d", v->y, v->m, v->d);
    else if (p == SL_PREC_MONTH)
        snprintf(out, 32, "%04d-%02d", v->y, v->m);
    else if (p == SL_PREC_YEAR)
        snprintf(out, 32, "%04d", v->y);
    else
        out[0] = '\0';
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int month_of(const char *s, size_t n)
{
    int m;
    if (n < 3)
        return 0;
    for (m = 0; m < 12; m++)
        if (lower(s[0]) == month_names[m][0] && lower(s[1]) == month_names[m][1] &&
            lower(s[2]) == month_names[m][2])
            return m + 1;
    return 0;
}

/* Reads an unsigned number of at most `maxd` digits. */
static int num(const char *s, size_t len, size_t *i, int maxd, int *out)
{
    int v = 0, k = 0;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9' && k < maxd) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    if (*i < len && s[*i] >= '0' && s[*i] <= '9')
        return 0;
    *out = v;
    return k;
}

sl_precision sl_parse_date(const char *s, size_t len, sl_ymd *out)
{
    size_t i = 0;
    int y = 0, m = 0, d = 0, k;
    memset(out, 0, sizeof(*out));
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    /* ISO 8601 */
    if ((k = num(s, len, &i, 4, &y)) == 4) {
        if (i < len && (s[i] == '-' || s[i] == '/') && num(s, len, &(size_t){i + 1}, 2, &m) == 2) {
            i += 3;
            if (i < len && (s[i] == '-' || s[i] == '/') && num(s, len, &(size_t){i + 1}, 2, &d) == 2) {
                if (!sl_ymd_valid(y, m, d))
                    return SL_PREC_NONE;
                out->y = y, out->m = m, out->d = d;
                return SL_PREC_DAY;
            }
            if (m < 1 || m > 12)
                return SL_PREC_NONE;
            out->y = y, out->m = m;
            return SL_PREC_MONTH;
        }
        if (i == len && y >= 1) {
            out->y = y;
            return SL_PREC_YEAR;
        }
        return SL_PREC_NONE;
    }
    /* "Fri, 27 Apr 2018", "27 April 2018", "April 27, 2018" */
    {
        size_t j = 0;
        int day = 0, mon = 0, year = 0;
        while (j < len) {
            size_t a = j;
            if (s[j] >= '0' && s[j] <= '9') {
                int v = 0;
                while (j < len && s[j] >= '0' && s[j] <= '9' && v < 100000)
                    v = v * 10 + (s[j++] - '0');
                if (j - a == 4 && !year)
                    year = v;
                else if (j - a <= 2 && !day && v >= 1 && v <= 31)
                    day = v;
            } else if ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') {
                while (j < len && (s[j] | 32) >= 'a' && (s[j] | 32) <= 'z')
                    j++;
                if (!mon && j - a >= 3)
                    mon = month_of(s + a, j - a);
            } else {
                j++;
            }
            if (year && mon && day)
                break;
        }
        if (year && mon && day && sl_ymd_valid(year, mon, day)) {
            out->y = year, out->m = mon, out->d = day;
            return SL_PREC_DAY;
        }
        if (year && mon) {
            out->y = year, out->m = mon;
            return SL_PREC_MONTH;
        }
    }
    return SL_PREC_NONE;
}

void sl_doc_date_init(sl_ctx *ctx, sl_doc *d)
{
    sl_ymd v;
    sl_precision p;
    (void)ctx;
    memset(&d->date, 0, sizeof(d->date));
    if (d->meta_date) {
        p = sl_parse_date(d->meta_date, strlen(d->meta_date), &v);
        if (p != SL_PREC_NONE) {
            sl_buf ev = SL_BUF_INIT;
            sl_ymd_format(&v, p, d->date.value);
            d->date.precision = p;
            d->date.origin = "metadata";
            sl_buf_printf(&ev, "%s: %s", d->meta_date_evidence ? d->meta_date_evidence : "metadata",
                          d->meta_date);
            free(d->date_evidence);
            d->date_evidence = sl_buf_detach(&ev);
            d->date.evidence = d->date_evidence;
            return;
        }
    }
    if (d->text_evidence) {
        p = sl_parse_date(d->text_evidence, strlen(d->text_evidence), &v);
        if (p != SL_PREC_NONE) {
            sl_ymd_format(&v, p, d->date.value);
            d->date.precision = p;
            d->date.origin = "text";
            d->date.evidence = d->text_evidence;
        }
    }
}
