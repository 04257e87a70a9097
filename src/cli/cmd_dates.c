/*
 * cmd_dates.c: `storyline dates`: the temporal expressions of a text and
 * their TimeML values.
 *
 * The text is tagged as given, so offsets are byte offsets into the input;
 * only input that is not valid UTF-8 is first decoded (as cp1252, like every
 * storyline command), and then the offsets are into the decoded text.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { O_HELP = 1, O_DCT, O_FORMAT, O_OUTPUT };

static const cli_opt opts[] = {
    {O_DCT, 0, "dct", "DATE", "the date the text was written (YYYY-MM-DD); default: what the text says"},
    {O_FORMAT, 'f', "format", "FORMAT", "json (default) or tsv (text, type, value and mod a line)"},
    {O_OUTPUT, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {O_HELP, 'h', "help", NULL, "show this help"},
    {0, 0, NULL, NULL, NULL},
};

/* Reads a whole file ("-": stdin); NULL with errno set on failure. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *p = NULL, *q;
    size_t n = 0, cap = 0, k;
    if (!f)
        return NULL;
    for (;;) {
        if (cap - n < 65536) {
            if (cap > SL_MAX_DOC_BYTES) {
                free(p);
                if (f != stdin)
                    fclose(f);
                errno = EFBIG;
                return NULL;
            }
            cap = cap ? cap * 2 : 65536;
            q = realloc(p, cap + 1);
            if (!q) {
                free(p);
                if (f != stdin)
                    fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            p = q;
        }
        k = fread(p + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(p);
        if (f != stdin)
            fclose(f);
        errno = e ? e : EIO;
        return NULL;
    }
    if (f != stdin)
        fclose(f);
    p[n] = '\0';
    *len = n;
    return p;
}

/* Whether s[0..n) is valid UTF-8 (shortest forms, no surrogates). */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i], need, cp, k;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            need = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            need = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            need = 3, cp = c & 0x07;
        else
            return 0;
        for (k = 1; k <= need; k++) {
            if (i + k >= n || (s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += need + 1;
    }
    return 1;
}

static void put_field(FILE *f, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        fputc(s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i], f);
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    static const char *const formats[] = {"json", "tsv", NULL};
    cli_args a;
    const char *arg, *out_path = NULL, *dct = NULL, *path;
    int id, format = 0, rc = EXIT_OK, orc;
    sl_ctx *ctx;
    char *raw, *text, *decoded = NULL;
    size_t len, n = 0, i;
    sl_timex *tx = NULL;
    char dct_buf[48];
    cli_out out;

    cli_args_init(&a, cmd->name, argc, argv);
    while ((id = cli_next(&a, cmd->opts, &arg)) > 0) {
        switch (id) {
        case O_HELP: cli_help(cmd); cli_args_free(&a); return EXIT_OK;
        case O_DCT: dct = arg; break;
        case O_OUTPUT: out_path = arg; break;
        case O_FORMAT:
            if ((format = cli_pick(arg, formats)) < 0) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "unknown format '%s' (json or tsv)", arg);
            }
            break;
        }
    }
    if (id < 0) {
        cli_args_free(&a);
        return EXIT_USAGE;
    }
    if (a.npos > 1) {
        cli_args_free(&a);
        return cli_usage_error(cmd->name, "one input at a time (got %d)", a.npos);
    }
    path = a.npos ? a.pos[0] : "-";
    ctx = cli_ctx_new();
    if (dct && sl_tag_dates(ctx, "", 0, dct, &tx, &n) < 0) {
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return cli_usage_error(cmd->name, "--dct: malformed date '%s' (YYYY-MM-DD)", dct);
    }
    if (!(raw = read_all(path, &len))) {
        cli_error("%s: cannot read: %s", strcmp(path, "-") == 0 ? "standard input" : path,
                  errno == EFBIG ? "over the size limit of 64 MiB" : strerror(errno));
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return EXIT_NOINPUT;
    }
    text = raw;
    if (!valid_utf8((const unsigned char *)raw, len)) {
        size_t dlen;
        if (sl_repair(ctx, raw, len, SL_OPT_AS_GIVEN, &decoded, &dlen) == 0) {
            text = decoded;
            len = dlen;
        }
    }
    /* without --dct: the date the text gives itself (a dateline, a broadcast note) */
    if (!dct && len > 0) {
        sl_ingest_opts io = SL_INGEST_OPTS_INIT;
        sl_corpus *c = sl_corpus_new(ctx);
        sl_date d;
        io.flags = SL_OPT_AS_GIVEN | SL_OPT_NO_SENTENCES;
        io.format = "text";
        if (c && sl_corpus_add_buffer(ctx, c, "-", text, len, &io) >= 0 && sl_corpus_count(c) > 0 &&
            sl_doc_date(sl_corpus_doc(c, 0), &d) == 0 && strncmp(d.value, "XXXX", 4) != 0) {
            snprintf(dct_buf, sizeof(dct_buf), "%s", d.value);
            dct = dct_buf;
        }
        sl_corpus_free(c);
    }
    if (sl_tag_dates(ctx, text, len, dct, &tx, &n) < 0) {
        cli_error("%s: %s", path, sl_errmsg(ctx));
        rc = EXIT_NOINPUT;
    } else if ((orc = cli_out_open(&out, out_path)) != EXIT_OK) {
        rc = orc;
    } else {
        if (format == 0)
            fputs(n ? "[\n" : "[", out.f);
        for (i = 0; i < n; i++) {
            const sl_timex *t = &tx[i];
            if (format == 0) {
                fprintf(out.f, "  {\"start\": %zu, \"end\": %zu, \"text\": ", t->start, t->end);
                cli_json_str(out.f, text + t->start, t->end - t->start);
                fprintf(out.f, ", \"type\": \"%s\", \"value\": ", sl_timex_type_name(t->type));
                cli_json_str(out.f, t->value, strlen(t->value));
                if (t->mod[0])
                    fprintf(out.f, ", \"mod\": \"%s\"", t->mod);
                fputs(i + 1 < n ? "},\n" : "}\n", out.f);
            } else {
                put_field(out.f, text + t->start, t->end - t->start);
                fprintf(out.f, "\t%s\t%s", sl_timex_type_name(t->type), t->value);
                if (t->mod[0])
                    fprintf(out.f, "\t%s", t->mod);
                fputc('\n', out.f);
            }
        }
        if (format == 0)
            fputs("]\n", out.f);
        rc = cli_out_close(&out);
    }
    sl_free(tx);
    sl_free(decoded);
    free(raw);
    sl_ctx_free(ctx);
    cli_args_free(&a);
    return rc;
}

const cli_cmd cmd_dates = {
    "dates",
    "Find the dates, times and durations of a text and normalize them.",
    "[OPTIONS] [FILE|-]",
    "Finds the temporal expressions of news English (TimeML TIMEX3: DATE, TIME,\n"
    "DURATION, SET) and normalizes them to TimeML values: \"July 27, 1953\" is\n"
    "1953-07-27, \"last year\" 2017, \"this week\" 2018-W17, \"spring 2018\" 2018-SP,\n"
    "\"68-year\" P68Y, \"now\" PRESENT_REF.  Relative expressions are resolved\n"
    "against the document's date: --dct, or else the date the text gives itself\n"
    "(a dateline, \"This segment originally aired April 26, 2018\"); without one\n"
    "they stay underspecified (XXXX-XX-XX).  Weekdays look back in past-tense and\n"
    "reporting sentences and ahead in future ones.  The machine's clock is never\n"
    "used.\n\n"
    "The output is a JSON array of {start, end, text, type, value} (and mod when\n"
    "there is one: START for \"early 2019\", APPROX for \"about three years\"), with\n"
    "start and end byte offsets into the input as given.  Input that is not\n"
    "valid UTF-8 is first decoded as cp1252, and offsets are then into the\n"
    "decoded text.  --format tsv prints text, type, value (and mod) a line.\n",
    "  storyline dates --dct 2018-04-27 article.txt\n"
    "  echo 'He met Kim last Friday.' | storyline dates --dct 2018-04-25 --format tsv\n",
    opts,
    run,
};
