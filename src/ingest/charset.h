/*
 * charset.h: the bytes of a web page as UTF-8, honouring what the page
 * declares before guessing.
 *
 * Order (the WHATWG encoding sniffing algorithm, simplified): a byte order
 * mark; an XML declaration's encoding; a <meta charset> or <meta http-equiv=
 * "Content-Type" content="...; charset=..."> within the first 16 KiB (the
 * standard says 1 KiB; real pages put kilobytes of scripts before it).
 * Labels follow WHATWG's mapping where it differs from iconv's (iso-8859-1
 * and us-ascii mean windows-1252; gb2312 and gbk mean GB18030; a declared
 * UTF-16 in an ASCII-compatible page means UTF-8).  With nothing declared,
 * or a label iconv does not know, the bytes are read as UTF-8 when they are
 * valid UTF-8 and otherwise each byte outside a valid sequence as
 * windows-1252 (sl_decode_input's rule).
 *
 * The output is always valid UTF-8 without NUL or C0 control characters
 * other than tab, line feed, carriage return and form feed (they become
 * spaces), so libxml2 never meets an encoding error and never truncates.
 */
#ifndef SL_INGEST_CHARSET_H
#define SL_INGEST_CHARSET_H

#include <stddef.h>

#include "util/buf.h"

/* Appends the page's text as UTF-8 to out.  Writes the encoding used (an
 * iconv name such as "UTF-8", "WINDOWS-1252", "GB18030") and how it was
 * chosen ("bom", "xml declaration", "meta charset", "meta http-equiv",
 * "utf-8 valid", "fallback") into the two static-string pointers (either may
 * be NULL). */
void sl_charset_to_utf8(const char *bytes, size_t len, sl_buf *out, const char **encoding,
                        const char **how);

/* The iconv name for a charset label as found in a page, e.g. "latin1" ->
 * "WINDOWS-1252", or NULL when the label is unknown.  The result is static
 * or, for labels passed through, copied into name_out (size n). */
const char *sl_charset_resolve(const char *label, size_t len, char *name_out, size_t n);

#endif
