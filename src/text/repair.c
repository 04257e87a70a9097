/*
 * repair.c: byte decoding and text repair (see repair.h).
 * FIRST VERSION: decoding is complete; sl_repair_text only copies for now.
 */
#include "text/repair.h"

#include <string.h>

#include "util/utf8.h"

/* cp1252's 0x80-0x9F; the five bytes it leaves undefined map to the C1
 * control of the same value, as Latin-1 does (WHATWG's decoder agrees). */
static const unsigned short cp1252_hi[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static unsigned cp1252_to_cp(unsigned char c)
{
    return c >= 0x80 && c < 0xA0 ? cp1252_hi[c - 0x80] : c;
}

void sl_decode_input(const char *in, size_t len, sl_buf *out, sl_editlog *log)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, line = 1, line_start_out = out->len, logged_line = 0;
    size_t bad_in_line = 0;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    sl_buf_grow(out, len);
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == '\r') {
                sl_buf_putc(out, '\n');
                i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            } else {
                sl_buf_putc(out, (char)c);
                i++;
            }
            if (out->ptr[out->len - 1] == '\n') {
                if (bad_in_line && log && logged_line != line) {
                    sl_editlog_add(log, SL_EDIT_REPAIR, "invalid-utf8",
                                   "bytes that are not UTF-8 were decoded as cp1252", line, NULL, 0,
                                   out->ptr + line_start_out, out->len - 1 - line_start_out);
                    logged_line = line;
                }
                bad_in_line = 0;
                line++;
                line_start_out = out->len;
            }
            continue;
        }
        {
            uint32_t cp;
            int k = sl_utf8_decode(s + i, len - i, &cp);
            if (k > 0) {
                sl_buf_put(out, in + i, (size_t)k);
                i += (size_t)k;
            } else {
                sl_buf_put_cp(out, cp1252_to_cp(c));
                bad_in_line++;
                i++;
            }
        }
    }
    if (bad_in_line && log)
        sl_editlog_add(log, SL_EDIT_REPAIR, "invalid-utf8",
                       "bytes that are not UTF-8 were decoded as cp1252", line, NULL, 0,
                       out->ptr + line_start_out, out->len - line_start_out);
}

void sl_repair_text(sl_ctx *ctx, const char *in, size_t len, unsigned flags, sl_buf *out,
                    sl_editlog *log)
{
    (void)ctx;
    (void)flags;
    (void)log;
    sl_buf_put(out, in, len);
}
