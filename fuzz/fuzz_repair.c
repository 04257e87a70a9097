/*
 * fuzz_repair.c: libFuzzer target over sl_decode_input + sl_repair_text.
 *
 * The first byte picks the flags (none, no entities, encoding only), the
 * rest is the input.  Checked on every input: the output is valid UTF-8;
 * decoding turns each line terminator (LF, CR LF, lone CR) into one '\n'
 * and repair keeps their number; in full mode no control character but
 * tab and line feed is left; every edit is logged with a line that exists.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "storyline.h"
#include "text/repair.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t count_byte(const char *s, size_t n, char c)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

static size_t count_terminators(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++) {
        if (s[i] == '\n')
            k++;
        else if (s[i] == '\r') {
            k++;
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        }
    }
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_ctx *ctx;
    static const unsigned modes[] = {0, SL_REPAIR_NO_ENTITIES, SL_REPAIR_ENCODING_ONLY, 0};
    const char *in;
    size_t n, i, lines;
    unsigned flags;
    sl_buf dec = SL_BUF_INIT, out = SL_BUF_INIT;
    sl_editlog log;
    if (!ctx)
        ctx = sl_ctx_new();
    if (size == 0)
        return 0;
    flags = modes[data[0] & 3];
    in = (const char *)data + 1;
    n = size - 1;
    memset(&log, 0, sizeof(log));
    log.max = 500;

    sl_decode_input(in, n, &dec, &log);
    if (sl_utf8_valid_prefix(dec.ptr, dec.len) != dec.len)
        abort();
    lines = count_byte(dec.ptr, dec.len, '\n');
    /* a BOM is dropped first, and holds no terminator */
    if (lines != count_terminators(in, n))
        abort();

    sl_repair_text(ctx, dec.ptr, dec.len, flags, &out, &log);
    if (sl_utf8_valid_prefix(out.ptr, out.len) != out.len || out.ptr[out.len] != '\0')
        abort();
    if (count_byte(out.ptr, out.len, '\n') != lines)
        abort();
    if (!(flags & SL_REPAIR_ENCODING_ONLY)) {
        for (i = 0; i < out.len; i++) {
            unsigned char c = (unsigned char)out.ptr[i];
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
                abort();
        }
    }
    for (i = 0; i < log.n; i++)
        if (log.items[i].line < 1 || log.items[i].line > lines + 1 || !log.items[i].rule)
            abort();

    sl_editlog_free(&log);
    sl_buf_free(&dec);
    sl_buf_free(&out);
    return 0;
}
