/*
 * clean.c: paragraphs and debris removal (see clean.h).
 * FIRST VERSION: paragraphs only; no rules yet.
 */
#include "text/clean.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void sl_paragraphs_from_text(const char *text, size_t len, sl_para **out, size_t *n)
{
    size_t pos = 0, line = 1, cap = 0;
    *out = NULL;
    *n = 0;
    while (pos < len) {
        size_t e = pos, a = pos, b;
        while (e < len && text[e] != '\n')
            e++;
        while (a < e && (text[a] == ' ' || text[a] == '\t'))
            a++;
        b = e;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t'))
            b--;
        if (b > a) {
            sl_para p;
            p.text = text + a;
            p.len = b - a;
            p.kind = SL_BLOCK_BODY;
            p.line = line;
            SL_PUSH(*out, *n, cap, p);
        }
        line++;
        pos = e + 1;
    }
}

void sl_clean_paras(sl_ctx *ctx, const sl_para *in, size_t n, int find_title,
                    const char *known_title, unsigned flags, sl_cleaned *out, sl_editlog *log)
{
    size_t i;
    (void)ctx;
    (void)known_title;
    (void)flags;
    memset(out, 0, sizeof(*out));
    for (i = 0; i < n; i++) {
        sl_block b;
        if (out->text.len)
            sl_buf_puts(&out->text, "\n\n");
        b.start = out->text.len;
        sl_buf_put(&out->text, in[i].text, in[i].len);
        b.end = out->text.len;
        b.kind = in[i].kind;
        if (i == 0 && find_title) {
            b.kind = SL_BLOCK_TITLE;
            out->title = sl_xstrndup(in[i].text, in[i].len);
            sl_editlog_add(log, SL_EDIT_TITLE, "first-line-title", "the first line reads as a headline",
                           in[i].line, in[i].text, in[i].len, NULL, 0);
        }
        SL_PUSH(out->blocks, out->nblocks, out->cblocks, b);
    }
}

void sl_cleaned_free(sl_cleaned *c)
{
    sl_buf_free(&c->text);
    free(c->blocks);
    free(c->title);
    free(c->date_evidence);
    memset(c, 0, sizeof(*c));
}
