/*
 * dates.h: calendar dates, and each document's own date.
 *
 * A document's date comes, in order of trust, from its metadata (JSON "date",
 * HTML article:published_time, JSON-LD datePublished, <time>), then from its
 * text (a dateline, a broadcast note), later from the other articles of its
 * story.  The clock of the machine is never used.
 */
#ifndef SL_ANALYSIS_DATES_H
#define SL_ANALYSIS_DATES_H

#include "core/doc.h"

/* A day of the proleptic Gregorian calendar. */
typedef struct sl_ymd {
    int y, m, d; /* m 1-12, d 1-31; 0 when unknown */
} sl_ymd;

/* Parses a metadata date: ISO 8601 ("2018-04-27", "2018-04-27T10:00:00Z",
 * "2018-04", "2018"), RFC 2822 ("Fri, 27 Apr 2018 10:00:00 GMT") and the
 * common "April 27, 2018" / "27 April 2018".  Returns the precision found
 * (SL_PREC_NONE when nothing parses). */
sl_precision sl_parse_date(const char *s, size_t len, sl_ymd *out);

/* Whether y-m-d is a real day. */
int sl_ymd_valid(int y, int m, int d);

/* Formats a date at a precision as a TimeML value ("2018-04-27", "2018-04",
 * "2018"); out must hold 32 bytes. */
void sl_ymd_format(const sl_ymd *v, sl_precision p, char *out);

/* Sets d->date from the document's metadata or text evidence. */
void sl_doc_date_init(sl_ctx *ctx, sl_doc *d);

#endif
