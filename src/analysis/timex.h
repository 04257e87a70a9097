/*
 * timex.h: the temporal tagger (internal view): finds TimeML TIMEX3
 * expressions in news English and normalizes them against the document's
 * date.
 *
 * Each expression is parsed into a meaning (sl_tx_sem) that says what it
 * needs: nothing ("July 27, 1953", "P68Y"), the document's date ("last
 * year", "Friday", "July 27"), or the time the text spoke of last ("the
 * following day", "a year earlier").  sl_tx_resolve turns a meaning and a
 * reference into a value; the tagger does this with the document's date,
 * and the timeline and the article-date rules can do it again with another
 * reference, or invert it (sl_tx_invert: "last year" is 2018, so the
 * article was written in 2019).
 *
 * Follows TimeML 1.2.1 (TIMEX3 values and mods) and the TempEval-3
 * conventions for extents: determiners and modifiers are inside ("the third
 * quarter", "about three years", "early 2019"), prepositions outside ("on
 * Friday").  Word lists are data (data/timex/); the grammar is here.
 */
#ifndef SL_ANALYSIS_TIMEX_H
#define SL_ANALYSIS_TIMEX_H

#include <stddef.h>

#include "analysis/dates.h"
#include "core/ctx.h"

/* Kinds of meaning. */
enum {
    SL_TXK_POINT = 1, /* p as given; a missing year comes from the reference (dir) */
    SL_TXK_SHIFT,     /* the reference moved by n units, at precision prec */
    SL_TXK_WEEKDAY,   /* the weekday wday before or after the reference (dir) */
    SL_TXK_HOLIDAY,   /* a holiday (rule) in the year of p, or near the reference (dir) */
    SL_TXK_LITERAL    /* a value that needs nothing: PRESENT_REF, P3Y, P1D ... (lit) */
};

/* Anchors. */
enum { SL_TXA_NONE = 0, SL_TXA_DCT, SL_TXA_PREVIOUS };

/* Directions: which occurrence of a weekday, month or holiday is meant. */
#define SL_TXD_BEFORE (-1) /* "last Friday": strictly before the reference's */
#define SL_TXD_THIS 0      /* "this Friday", "this summer" */
#define SL_TXD_AFTER 1     /* "next Friday" */
#define SL_TXD_TENSE 2     /* decided by the tense of the sentence */

typedef struct sl_tx_sem {
    int kind;            /* SL_TXK_* */
    int anchor;          /* SL_TXA_*: what the value depends on */
    sl_tpoint p;         /* POINT: the given fields (y may be SL_YEAR_UNKNOWN); HOLIDAY: y */
    sl_precision unit;   /* SHIFT: the unit moved */
    long n;              /* SHIFT: by how many units */
    sl_precision prec;   /* SHIFT: precision of the result */
    int we;              /* SHIFT by weeks: the weekend of the week */
    int dir;             /* POINT without year, WEEKDAY, HOLIDAY: SL_TXD_* */
    int ymove;           /* POINT: dir moves the reference's year, not the point
                            ("the first quarter of next year") */
    int topic;           /* "the quarter" (SHIFT), "the 1988 period" (POINT): the quarter
                            the text is about (in that year), else the shift or the year */
    int year_ago;        /* SHIFT: "a year ago", "a year earlier", "year-earlier": in a
                            report about a quarter, that quarter a year before */
    sl_precision trunc;  /* POINT: the week or quarter of the day ("the week of March 6",
                            "the quarter ended Sept. 30"); NONE: the point itself */
    int wday;            /* WEEKDAY: 1 Monday ... 7 Sunday */
    int local;           /* WEEKDAY: "local time" follows: the day after the reference
                            can still be past (another time zone) */
    int hol[4];          /* HOLIDAY: rule, month, weekday or day, nth */
    int hh, mi, pod;     /* a time of day added to the day (hh -1: none; pod SL_POD_*) */
    char lit[24];        /* LITERAL: the value */
} sl_tx_sem;

/* A tagged expression: the public record and what it means. */
typedef struct sl_tx {
    sl_timex pub;        /* offsets, type, value, mod, precision, flags, rel_*, pair */
    sl_tx_sem sem;
    int tense;           /* -1 past, +1 future, 0 unknown: the nearest tense cue in its sentence */
    size_t sentence;     /* the tagger's count of sentences before it */
    sl_tpoint value;     /* the resolved value as a point (prec NONE for literals, unresolved) */
    size_t tok_a, tok_b; /* the tagger's tokens [tok_a, tok_b) of its chunk of the text */
} sl_tx;

/* Tags text[0..len) with dct as the document's date (NULL or prec NONE:
 * unknown).  *out (caller frees with free()) gets *n expressions in text
 * order. */
void sl_tx_tag(sl_ctx *ctx, const char *text, size_t len, const sl_tpoint *dct, sl_tx **out, size_t *n);

/* Resolves a meaning against a reference (for SL_TXA_DCT the document's
 * date, for SL_TXA_PREVIOUS the time last mentioned), with the tense of its
 * sentence.  Returns 0 and sets *out, or -1 when the reference is missing or
 * too coarse (a weekday needs a day; "last year" only a year). */
int sl_tx_resolve(const sl_tx_sem *sem, const sl_tpoint *ref, int tense, sl_tpoint *out);

/* Inverts a shift: given that the expression's value is `known` (e.g. "last
 * year" is 2018-06-12), sets *ref to the reference it implies at the
 * expression's precision (2019) and returns 0; -1 when the meaning is not a
 * fixed shift or `known` is too coarse. */
int sl_tx_invert(const sl_tx_sem *sem, const sl_tpoint *known, sl_tpoint *ref);

/* The value of a meaning when its reference is unknown: "XXXX", "XXXX-WXX-5",
 * "XXXX-07-27". */
void sl_tx_underspecified(const sl_tx_sem *sem, char *out, size_t n);

/* Whether the words right before text[start] (on the same line) say that a
 * date starting there is the article's own ("This segment originally aired
 * ", "Published: "): 1 for a note, 2 for a dateline cue, 0 for none;
 * *cue_start gets where the cue begins. */
int sl_tx_doc_cue(sl_ctx *ctx, const char *text, size_t start, size_t *cue_start);

#endif
