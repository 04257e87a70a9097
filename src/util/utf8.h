/*
 * utf8.h: strict UTF-8 decoding of one code point, and validation.
 *
 * Strict means RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF.
 * Callers that must survive any input (every reader) decode with
 * sl_utf8_decode and treat a negative length as "this byte is not UTF-8".
 */
#ifndef SL_UTIL_UTF8_H
#define SL_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..n).  Returns its length in bytes (1-4) and
 * stores it in *cp, or returns -1 (and *cp = the byte) when s does not start
 * with a valid sequence.  n must be > 0. */
int sl_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Length of the valid UTF-8 prefix of s[0..n). */
size_t sl_utf8_valid_prefix(const char *s, size_t n);
/* Number of bytes the encoding of cp takes (1-4). */
int sl_utf8_cp_len(uint32_t cp);
/* Encodes cp into out (4 bytes room); returns the length. */
int sl_utf8_encode(uint32_t cp, char *out);
/* Start of the code point that contains byte i (moves back over continuation
 * bytes, at most 3). */
size_t sl_utf8_back(const char *s, size_t i);

#endif
