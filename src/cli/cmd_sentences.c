/*
 * cmd_sentences.c: `storyline sentences`: one sentence a line.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { O_HELP = 1, O_FORMAT, O_OUTPUT, O_NO_CLEAN, O_INPUT_FORMAT };

static const cli_opt opts[] = {
    {O_NO_CLEAN, 0, "no-clean", NULL, "split the input exactly as given (only invalid UTF-8 is decoded)"},
    {O_FORMAT, 'f', "format", "FORMAT", "output format: text (default) or json (with byte offsets)"},
    {O_INPUT_FORMAT, 0, "input-format", "FMT", "read inputs as text, html, json, jsonl or multinews"},
    {O_OUTPUT, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {O_HELP, 'h', "help", NULL, "show this help"},
    {0, 0, NULL, NULL, NULL},
};

/* A sentence on one line: inner line breaks and tabs become spaces. */
static void put_line(FILE *f, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        fputc(s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i], f);
    fputc('\n', f);
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    static const char *const formats[] = {"text", "json", NULL};
    cli_args a;
    const char *arg, *out_path = NULL;
    int id, format = 0, rc, orc;
    sl_ingest_opts io = SL_INGEST_OPTS_INIT;
    sl_ctx *ctx;
    sl_corpus *c;
    cli_out out;
    size_t i, j, n;

    cli_args_init(&a, cmd->name, argc, argv);
    while ((id = cli_next(&a, cmd->opts, &arg)) > 0) {
        switch (id) {
        case O_HELP: cli_help(cmd); cli_args_free(&a); return EXIT_OK;
        case O_NO_CLEAN: io.flags |= SL_OPT_AS_GIVEN; break;
        case O_OUTPUT: out_path = arg; break;
        case O_INPUT_FORMAT: io.format = arg; break;
        case O_FORMAT:
            if ((format = cli_pick(arg, formats)) < 0) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "unknown format '%s' (text or json)", arg);
            }
            break;
        }
    }
    if (id < 0) {
        cli_args_free(&a);
        return EXIT_USAGE;
    }
    ctx = cli_ctx_new();
    c = sl_corpus_new(ctx);
    rc = cli_read_inputs(ctx, c, a.pos, a.npos, &io);
    if (rc == EXIT_NOINPUT || (orc = cli_out_open(&out, out_path)) != EXIT_OK) {
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return rc == EXIT_NOINPUT ? rc : orc;
    }
    n = sl_corpus_count(c);
    if (format == 1)
        fputs("{\"documents\": [\n", out.f);
    for (i = 0; i < n; i++) {
        const sl_doc *d = sl_corpus_doc(c, i);
        size_t len, ns = sl_doc_sentence_count(d);
        const char *text = sl_doc_text(d, &len);
        if (format == 1) {
            fputs("  {\"id\": ", out.f);
            cli_json_str(out.f, sl_doc_id(d), strlen(sl_doc_id(d)));
            fputs(", \"path\": ", out.f);
            cli_json_str(out.f, sl_doc_path(d), strlen(sl_doc_path(d)));
            fputs(", \"sentences\": [", out.f);
            for (j = 0; j < ns; j++) {
                const sl_sentence *s = sl_doc_sentence(d, j);
                fprintf(out.f, "%s\n    {\"start\": %zu, \"end\": %zu, \"kind\": \"%s\", \"text\": ",
                        j ? "," : "", s->start, s->end, sl_block_kind_name(s->kind));
                cli_json_str(out.f, text + s->start, s->end - s->start);
                fputs("}", out.f);
            }
            fputs(ns ? "\n  ]}" : "]}", out.f);
            fputs(i + 1 < n ? ",\n" : "\n", out.f);
        } else {
            if (i)
                fputc('\n', out.f);
            for (j = 0; j < ns; j++) {
                const sl_sentence *s = sl_doc_sentence(d, j);
                put_line(out.f, text + s->start, s->end - s->start);
            }
        }
    }
    if (format == 1)
        fputs("]}\n", out.f);
    orc = cli_out_close(&out);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    cli_args_free(&a);
    return orc != EXIT_OK ? orc : rc;
}

const cli_cmd cmd_sentences = {
    "sentences",
    "Split articles into sentences, one a line.",
    "[OPTIONS] [FILE|DIR|-]...",
    "Splits each article into sentences after repair and cleaning (see 'storyline\n"
    "clean'), or, with --no-clean, exactly as given.  The splitter knows news\n"
    "English: abbreviations (U.S., Gen., Jr., a.m.), initials, decimals, ellipses,\n"
    "quotes and brackets after a full stop, lists, and headlines or captions\n"
    "without final punctuation.  Blank lines always end a sentence.  Documents are\n"
    "separated by a blank line.  With --format json each sentence carries its\n"
    "byte offsets into the cleaned text (into the input with --no-clean).\n",
    "  storyline sentences article.txt\n"
    "  echo 'Dr. Smith arrived at 9 a.m. He left.' | storyline sentences --no-clean\n"
    "  storyline sentences --format json --no-clean < article.txt\n",
    opts,
    run,
};
