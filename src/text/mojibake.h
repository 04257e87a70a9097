/*
 * mojibake.h: undoing text that was UTF-8 but got decoded with another
 * encoding (and often encoded as UTF-8 again).
 *
 * Two families:
 *  - single-byte code pages (Latin-1, windows-1250..1257, Latin-2,
 *    MacRoman, cp437): the method of ftfy's fix_encoding (Robyn Speer):
 *    when the badness heuristic (badness.h) finds mojibake, encode the line
 *    with a code page that can represent all of it, decode the bytes as
 *    UTF-8 (CESU-8 surrogate pairs allowed), and keep the result if that
 *    succeeds; else fix the UTF-8-looking stretches one by one, then C1
 *    controls; repeat while the text changes (double and triple encoding).
 *  - GBK (storyline's addition: Chinese sites serving English news): the
 *    runs of CJK characters are encoded back to GBK and decoded as UTF-8;
 *    where the GBK decoder had dropped a byte (a UTF-8 punctuation mark
 *    whose last byte could not pair with the following ASCII), the mark is
 *    inferred from its neighbours: a dash between spaces, a closing quote
 *    after an opened one, and so on.
 *
 * Real text in the scripts these code pages serve (Chinese, Japanese,
 * French, Russian, ...) is left alone: it has no badness, does not decode,
 * or does not pass the plausibility checks.
 */
#ifndef SL_TEXT_MOJIBAKE_H
#define SL_TEXT_MOJIBAKE_H

#include <stddef.h>
#include <stdint.h>

#include "core/ctx.h"
#include "text/cps.h"

/* Rules reported to the log callback (besides 0..SL_CM_N-1, the code page
 * whose mojibake was undone on the whole line). */
enum {
    SL_MOJI_MIXED = 32,    /* UTF-8 stretches inside other text */
    SL_MOJI_LATIN1_CP1252, /* Latin-1 text that meant Windows-1252 */
    SL_MOJI_C1,            /* C1 controls read as Windows-1252 */
    SL_MOJI_GBK,           /* UTF-8 decoded as GBK */
    SL_MOJI_GBK_LOSSY      /* the same, with a lost byte inferred */
};

/* Short rule name for the edit log ("mojibake-cp1252") and its reason. */
const char *sl_mojibake_rule(int rule);
const char *sl_mojibake_reason(int rule);

/* Called for each step that changed the line, with the line before and
 * after the step. */
typedef void (*sl_mojibake_log_fn)(void *user, int rule, const uint32_t *before, size_t bn,
                                   const uint32_t *after, size_t an);

/* What earlier lines of a document showed. */
typedef struct sl_mojibake_doc {
    int gbk;             /* GBK mojibake was repaired: single characters may be too */
    size_t en_dashes;    /* en dashes between spaces seen (not inferred) */
    size_t em_dashes;    /* em dashes likewise */
} sl_mojibake_doc;

/* Undoes mojibake in one line (no '\n' in it), replacing its contents;
 * doc (may be NULL) carries evidence from line to line; reports each step
 * to fn (may be NULL).  Returns whether the line changed. */
int sl_mojibake_fix(sl_ctx *ctx, sl_cps *line, sl_mojibake_doc *doc, sl_mojibake_log_fn fn,
                    void *user);

#endif
