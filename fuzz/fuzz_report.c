/*
 * fuzz_report.c: libFuzzer target over the writers, above all the HTML
 * report's safety: any input (read as HTML, JSON lines or text, chosen by
 * the first byte), digested and rendered in every format, must never crash
 * or leak, and the HTML page must never hold markup the input brought:
 * no "<script", no "javascript:", no event-handler attribute, and exactly
 * the page's own <style> element.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "storyline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *user, const char *input, int code, const char *msg)
{
    (void)user;
    (void)input;
    (void)code;
    (void)msg;
}

static int has_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i;
        for (i = 0; i < n && tolower((unsigned char)hay[i]) == needle[i]; i++)
            ;
        if (i == n)
            return 1;
    }
    return 0;
}

static void check_html(const char *p)
{
    const char *s;
    if (has_ci(p, "<script") || has_ci(p, "javascript:"))
        __builtin_trap();
    s = strstr(p, "<style");
    if (!s || strstr(s + 1, "<style") || strstr(strstr(p, "</style>") + 1, "</style>"))
        __builtin_trap();
    for (; *p; p++)
        if ((p[0] == ' ' || p[0] == '\n' || p[0] == '/') && tolower((unsigned char)p[1]) == 'o' &&
            tolower((unsigned char)p[2]) == 'n') {
            const char *q = p + 3;
            while (isalpha((unsigned char)*q))
                q++;
            if (q > p + 3 && *q == '=')
                __builtin_trap();
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = {"html", "jsonl", "text"};
    static const char *const outputs[] = {"html", "text", "md", "json"};
    static sl_ctx *ctx;
    sl_ingest_opts o = SL_INGEST_OPTS_INIT;
    sl_digest_opts dop = SL_DIGEST_OPTS_INIT;
    sl_render_opts rop = SL_RENDER_OPTS_INIT;
    sl_corpus *c;
    sl_digest *d = NULL;
    size_t k;
    if (!size)
        return 0;
    if (!ctx) {
        ctx = sl_ctx_new();
        sl_ctx_set_diag(ctx, ignore, NULL);
    }
    o.format = formats[data[0] % 3];
    dop.words = 30 + (data[0] >> 2);
    rop.width = 20 + (data[0] & 63);
    rop.flags = data[0] & 0x40 ? SL_RENDER_COLOR : 0;
    c = sl_corpus_new(ctx);
    sl_corpus_add_buffer(ctx, c, "fuzz.in", (const char *)data + 1, size - 1, &o);
    if (sl_digest_new(ctx, c, &dop, &d) == SL_OK) {
        for (k = 0; k < 4; k++) {
            char *out = NULL;
            size_t len = 0;
            if (sl_digest_render(d, outputs[k], &rop, &out, &len) != SL_OK || !out ||
                strlen(out) != len)
                __builtin_trap();
            if (k == 0)
                check_html(out);
            sl_free(out);
        }
        sl_digest_free(d);
    }
    sl_corpus_free(c);
    return 0;
}
