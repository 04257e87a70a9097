/*
 * repair.h: turning bytes into the text the author wrote.
 *
 * Two steps.  sl_decode_input makes any bytes valid UTF-8, decoding each byte
 * that is not part of a valid UTF-8 sequence as cp1252 (never dropping it);
 * a CESU-8 surrogate pair (Java's "modified UTF-8") becomes its character.
 * sl_repair_text then, line by line, decodes HTML character references
 * (entities.h), undoes mojibake (mojibake.h: UTF-8 read as cp1252, Latin-1,
 * windows-1250/1251/1253/1254/1257, Latin-2, MacRoman, cp437 or GBK, with
 * the damage a lossy decoder leaves), maps stray C1 controls, removes other
 * control and invisible characters, turns odd spaces into spaces and
 * applies NFC.  Text with nothing suspicious (printable ASCII, or UTF-8
 * without mojibake, controls or decomposed characters) is copied as it is.
 *
 * Invariant: neither step adds or removes a '\n', so line numbers in the edit
 * log and in later messages refer to the input as given.  (A lone CR is a
 * line end in the input: sl_decode_input writes it as '\n'.)
 *
 * Edits are logged with kind SL_EDIT_REPAIR and one of the rules
 * invalid-utf8, html-entity, mojibake-<code page> (latin1, cp1252, cp1251,
 * cp1250, cp1253, cp1254, cp1257, latin2, macroman, cp437), mojibake-mixed,
 * latin1-as-cp1252, c1-controls, mojibake-gbk, mojibake-gbk-lossy,
 * control-char, invisible-char, odd-space, nfc: one edit per changed spot,
 * widened to its word.
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
 * CR LF / lone CR become LF.  out is NUL-terminated afterwards. */
void sl_decode_input(const char *in, size_t len, sl_buf *out, sl_editlog *log);

/* Appends the repaired form of the valid UTF-8 text in[0..len) to out,
 * logging each repair (rule, line, before, after) to log (may be NULL).
 * Bytes that are not UTF-8 are decoded as sl_decode_input would.  Linear in
 * len; lines longer than 1 MiB are repaired in pieces.  out is
 * NUL-terminated afterwards. */
void sl_repair_text(sl_ctx *ctx, const char *in, size_t len, unsigned flags, sl_buf *out,
                    sl_editlog *log);

#endif
