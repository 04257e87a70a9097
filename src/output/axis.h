/*
 * axis.h: a time axis for timelines whose events cluster with long gaps
 * between them (1910 ... 1953 ... 2018-2019), and the calendar arithmetic
 * it needs.  Pure layout: no drawing, no text; html.c draws with it.
 *
 * The scale is piecewise linear.  The event days are cut into segments at
 * the gaps that are long both against the typical gap (the geometric mean
 * of the gaps between distinct days, which long gaps barely move) and
 * against the whole span; each segment gets a width by its number of
 * distinct days, with a minimum, and is linear inside; between segments sits
 * a break of fixed width.  So a century-old event never squeezes this
 * year's events into one pixel, and nearby events keep their true spacing.
 *
 * Invariants: x is non-decreasing in the day; days of different segments
 * are at least a break apart; every x lies in [0, width].
 *
 * Day numbers are days since 1970-01-01 in the proleptic Gregorian calendar
 * (negative before), as in analysis/dates.h.
 */
#ifndef SL_OUTPUT_AXIS_H
#define SL_OUTPUT_AXIS_H

#include <stddef.h>

#define SL_AXIS_MAX_SEGS 8    /* at most this many segments (7 breaks) */
#define SL_AXIS_GAP_FACTOR 4  /* a break is over 4 typical gaps ... */
#define SL_AXIS_GAP_SHARE 0.12 /* ... and over this share of the whole span */

/* Calendar: day number of y-m-d, and back.  Any year (proleptic). */
long sl_cal_days(int y, int m, int d);
void sl_cal_ymd(long days, int *y, int *m, int *d);
/* English month names, 1-12; "" otherwise.  Static. */
const char *sl_cal_month_name(int m);

/* Parses a TimeML-style value ("2018-04-27", "2018-04-27T10:30", "2018-04",
 * "2018-W30", "2018-Q3", "2018-H1", "2018-SU", "2018", "195", "19") into
 * the first and last day it covers.  Returns 0, or -1 when it is no such
 * value or its year is unknown ("XXXX-07-27"). */
int sl_cal_value_days(const char *value, long *first, long *last);

typedef struct sl_axis_seg {
    long lo, hi;      /* first and last day of the events in it */
    size_t ndays;     /* distinct days in it */
    double x0, x1;    /* its extent */
} sl_axis_seg;

typedef struct sl_axis {
    sl_axis_seg segs[SL_AXIS_MAX_SEGS];
    size_t nsegs;
    double width;     /* the whole axis, breaks included */
    double brk;       /* width of a break */
    double pad;       /* inside a segment, between its ends and its first/last day */
} sl_axis;

/* Lays out an axis of `width` units for the days days[0..n) (any order,
 * repeats allowed).  n == 0 gives no segment. */
void sl_axis_layout(sl_axis *ax, const long *days, size_t n, double width);

/* The position of a day.  Days inside a break are placed proportionally
 * across it; days before the first or after the last segment are clamped. */
double sl_axis_x(const sl_axis *ax, long day);

/* Index of the segment holding a day, or the nearest one. */
size_t sl_axis_seg_of(const sl_axis *ax, long day);

/* A labelled tick. */
typedef struct sl_axis_tick {
    long day;
    double x;
    char label[24];   /* "1953", "Mar 2018", "5 Mar", "5 Mar 2018" */
} sl_axis_tick;

#define SL_AXIS_MAX_TICKS 32

/* Ticks for segment k at calendar units (days, months, quarters, years,
 * decades, ...) chosen so that labels of `label_w` units never overlap.
 * A one-day segment gets one tick on that day.  Returns the count written
 * to out (room for SL_AXIS_MAX_TICKS). */
size_t sl_axis_ticks(const sl_axis *ax, size_t k, double label_w, sl_axis_tick *out);

/* The length of a gap in words: "43 years", "5 months", "12 days". */
void sl_axis_gap_label(long days, char *out, size_t n);

#endif
