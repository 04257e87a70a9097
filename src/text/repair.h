/*
 * repair.h: turning bytes into the text the author wrote.
 *
 * Two steps.  sl_decode_input makes any bytes valid UTF-8, decoding each byte
 * that is not part of a valid UTF-8 sequence as cp1252 (never dropping it).
 * sl_repair_text then undoes mojibake (UTF-8 read as cp1252, latin-1, GBK,
 * MacRoman, ...; the damage a lossy decoder leaves), decodes HTML entities,
 * maps stray C1 controls, removes other control characters, fixes odd white
 * space and applies NFC.
 *
 * Invariant: neither step adds or removes a '\n', so line numbers in the edit
 * log and in later messages refer to the input as given.
 */
#ifndef SL_TEXT_REPAIR_H
#define SL_TEXT_REPAIR_H

#include <stddef.h>

#include "core/doc.h"
#include "util/buf.h"

#define SL_REPAIR_NO_ENTITIES (1u << 0) /* leave "&amp;" and friends alone */
#define SL_REPAIR_ENCODING_ONLY (1u << 1) /* only mojibake (ftfy's fix_encoding) */

/* Appends the UTF-8 form of in[0..len) to out; logs each line that needed
 * cp1252 decoding to log (which may be NULL).  A leading BOM is dropped and
 * CR LF / lone CR become LF. */
void sl_decode_input(const char *in, size_t len, sl_buf *out, sl_editlog *log);

/* Appends the repaired form of the valid UTF-8 text in[0..len) to out,
 * logging each repair (rule, line, before, after) to log (may be NULL). */
void sl_repair_text(sl_ctx *ctx, const char *in, size_t len, unsigned flags, sl_buf *out,
                    sl_editlog *log);

#endif
