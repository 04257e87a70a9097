/*
 * dates.h: calendar dates and points of time, and each document's own date.
 *
 * Calendar: the proleptic Gregorian calendar, years 1-9999 (TimeML values
 * have four-digit years).  Weeks are ISO 8601 weeks: Monday first, week 1
 * holds the year's first Thursday, so 2018-12-31 is in 2019-W01.  Seasons
 * are meteorological: spring March-May, summer June-August, autumn
 * September-November, and the winter of a year is December of the year
 * before with January and February ("winter 2018" ran from December 2017 to
 * February 2018, as the Winter Olympics of 2018 did).  Quarters are calendar
 * quarters; halves are H1 = January-June, H2 = July-December.
 *
 * Precision: a point of time is kept at the precision its evidence gives:
 * "2018" stays a year and never becomes 2018-01-01; coarsening is exact,
 * refining is never done.  The clock of the machine is never read: "now" and
 * the document's date are always parameters.
 *
 * A document's date comes, in order of trust, from its metadata (JSON "date",
 * HTML article:published_time, JSON-LD datePublished, <time>), then from its
 * text (a dateline, a broadcast note, an anchored phrase such as "Sixty-five
 * years ago this week, on 27 July, 1953"), then from the other articles of
 * its story (sl_corpus_infer_dates), or it stays unknown.  An override
 * (sl_corpus_set_date) beats them all.
 */
#ifndef SL_ANALYSIS_DATES_H
#define SL_ANALYSIS_DATES_H

#include "core/doc.h"

/* A day of the proleptic Gregorian calendar. */
typedef struct sl_ymd {
    int y, m, d; /* m 1-12, d 1-31; 0 when unknown */
} sl_ymd;

#define SL_YEAR_MIN 1
#define SL_YEAR_MAX 9999

/* ------------------------------------------------------------------ days */

int sl_is_leap(int y);
int sl_days_in_month(int y, int m);
/* Whether y-m-d is a real day within years 1-9999. */
int sl_ymd_valid(int y, int m, int d);
/* Days since 1970-01-01 (negative before), and back.  Defined for every
 * year of the proleptic calendar, not only 1-9999. */
long sl_days_from_ymd(int y, int m, int d);
void sl_ymd_from_days(long days, sl_ymd *out);
/* ISO weekday of a day number: 1 Monday ... 7 Sunday. */
int sl_weekday(long days);
/* The ISO week of a day: its ISO year (which differs from the calendar year
 * in the first and last days of some years) and week 1-53. */
void sl_iso_week(long days, int *iso_year, int *week);
/* Number of ISO weeks of an ISO year (52 or 53). */
int sl_iso_weeks(int iso_year);
/* Day number of the given weekday (1-7) of an ISO week. */
long sl_days_from_iso_week(int iso_year, int week, int wday);
/* Day number of Easter Sunday of a Gregorian year (the anonymous algorithm
 * of the Computus, as in Meeus). */
long sl_easter(int y);

/* ------------------------------------------------------------------ points */

#define SL_YEAR_UNKNOWN (-1) /* the year of a point is not known: "XXXX-07-27" */

/* Parts of the day (TimeML): morning, afternoon, evening, night. */
enum { SL_POD_NONE = 0, SL_POD_MO, SL_POD_AF, SL_POD_EV, SL_POD_NI };
/* Seasons (TimeML): SP, SU, FA, WI. */
enum { SL_SEASON_NONE = 0, SL_SEASON_SP, SL_SEASON_SU, SL_SEASON_FA, SL_SEASON_WI };

/* A point (really an interval) of time at some precision, as TimeML values
 * express them.  Only the fields of its precision are meaningful:
 *   CENTURY  y = first year (1900 for "19")      DECADE y = 1950 for "195"
 *   YEAR     y                                    SEASON y, season
 *   QUARTER  y, q (1-4), or half (1-2) with q 0   MONTH  y, m
 *   WEEK     y = ISO year, w; weekend when we     DAY    y, m, d
 *   TIME     y, m, d, and hh:mi or a part of day (hh < 0)
 * y may be SL_YEAR_UNKNOWN for a point whose other fields are known. */
typedef struct sl_tpoint {
    sl_precision prec; /* SL_PREC_NONE: no point */
    int y, m, d;
    int w, we;        /* ISO week; we = 1 for the weekend of that week */
    int q, half;      /* quarter 1-4, or half 1-2 */
    int season;       /* SL_SEASON_* */
    int hh, mi;       /* hour 0-24 and minute; hh = -1 when only pod is known */
    int pod;          /* SL_POD_* */
} sl_tpoint;

/* A point from a day. */
void sl_tpoint_day(sl_tpoint *p, int y, int m, int d);

/* Parses a TimeML-style value: "2018-04-27", "2018-04-27T10:30", "2018-04",
 * "2018-W30", "2018-W30-WE", "2018-Q3", "2018-H1", "2018-SU", "2018", "195",
 * "19", with "XXXX" for an unknown year.  Returns 0, or -1 when s is not
 * such a value (the point is then cleared). */
int sl_tpoint_parse(const char *s, size_t len, sl_tpoint *p);

/* Formats a point as a TimeML value ("2018-W30", "XXXX-07-27", ...) into
 * out[0..n).  Returns the length (like snprintf). */
int sl_tpoint_format(const sl_tpoint *p, char *out, size_t n);

/* The first and the last day (day numbers) a point covers; returns -1 when
 * its year is unknown or it is no point. */
int sl_tpoint_days(const sl_tpoint *p, long *first, long *last);

/* Coarsens a point to `prec` (never refines: a coarser point is left as it
 * is).  A week becomes a month, season or year through its Thursday. */
void sl_tpoint_truncate(sl_tpoint *p, sl_precision prec);

/* Moves a point by n units of `unit` (CENTURY, DECADE, YEAR, QUARTER, MONTH,
 * WEEK, DAY, TIME for hours), keeping its precision: a day moved by months
 * keeps its day of the month, clamped (2018-01-31 + 1 month = 2018-02-28).
 * Returns 0, or -1 when the year leaves 1-9999 or is unknown. */
int sl_tpoint_shift(sl_tpoint *p, sl_precision unit, long n);

/* ------------------------------------------------------------------ metadata dates */

/* Parses a metadata date: ISO 8601 ("2018-04-27", "2018-04-27T10:00:00Z",
 * "2018-04", "2018", "20180427"), RFC 2822 ("Fri, 27 Apr 2018 10:00:00 GMT"),
 * "April 27, 2018", "27 April 2018", "Apr 27 2018", "04/27/2018" (US order,
 * or day first when the first number is over 12).  Returns the precision
 * found (SL_PREC_NONE when nothing parses or the day does not exist). */
sl_precision sl_parse_date(const char *s, size_t len, sl_ymd *out);

/* Formats a date at a precision as a TimeML value ("2018-04-27", "2018-04",
 * "2018"); out must hold 32 bytes. */
void sl_ymd_format(const sl_ymd *v, sl_precision p, char *out);

/* ------------------------------------------------------------------ document dates (docdate.c) */

/* Sets d->date from the document's metadata or, failing that, its text
 * (rules 1 and 2; see the file header).  Called by the text pipeline. */
void sl_doc_date_init(sl_ctx *ctx, sl_doc *d);

/* The document's date as a point (prec NONE when unknown). */
void sl_doc_date_point(const sl_doc *d, sl_tpoint *p);

/* Sets a document's date with its evidence (copied); origin is static. */
void sl_doc_set_date(sl_doc *d, const sl_tpoint *p, const char *origin, const char *evidence,
                     size_t evidence_len);

/* Rule 3 over any set of documents of one story, without touching them:
 * dates[i].p is document i's date as known so far (prec NONE: unknown; the
 * year may be unknown for a dateline "April 26") and dates[i].evidence its
 * evidence (borrowed).  Dates what it can, as sl_corpus_infer_dates does:
 * dates[i].p gets the new date and dates[i].inferred its evidence (caller
 * frees; NULL for a document left as it was).  Returns the number dated. */
typedef struct sl_story_date {
    sl_tpoint p;          /* in: the date known so far; out: with what the story says */
    const char *evidence; /* in: the evidence of p, or NULL */
    char *inferred;       /* out: the evidence of a date inferred here, owned; else NULL */
} sl_story_date;

size_t sl_story_infer_dates(sl_ctx *ctx, sl_doc *const *docs, size_t ndocs, sl_story_date *dates);

/* Parses an override date as sl_corpus_set_date accepts it ("2018-04-27",
 * "2018-W30", "2018", "April 27, 2018"; a known year).  Returns 0 or -1. */
int sl_date_parse_override(const char *date, sl_tpoint *pt);

/* Whether the expression at text[start, end) is the article's own date
 * rather than an event: a publication or broadcast note ("This segment
 * originally aired April 26, 2018") or a dateline near the top
 * ("WASHINGTON, April 26 (Reuters) -"). */
int sl_is_own_date(sl_ctx *ctx, const char *text, size_t len, size_t start, size_t end);

#endif
