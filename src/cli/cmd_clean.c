/*
 * cmd_clean.c: `storyline clean`: the repaired, cleaned text of articles.
 */
#include <string.h>

#include "cli.h"

enum { O_HELP = 1, O_FORMAT, O_OUTPUT, O_EXPLAIN, O_REPAIR_ONLY, O_INPUT_FORMAT };

static const cli_opt opts[] = {
    {O_EXPLAIN, 0, "explain", NULL, "list each repair and removal with its line and reason"},
    {O_REPAIR_ONLY, 0, "repair-only", NULL, "only repair the encoding: no removal, no reflow"},
    {O_FORMAT, 'f', "format", "FORMAT", "output format: text (default) or json"},
    {O_INPUT_FORMAT, 0, "input-format", "FMT", "read inputs as text, html, json, jsonl or multinews"},
    {O_OUTPUT, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {O_HELP, 'h', "help", NULL, "show this help"},
    {0, 0, NULL, NULL, NULL},
};

static void print_edits(FILE *f, const sl_doc *d)
{
    size_t i, n = sl_doc_edit_count(d);
    for (i = 0; i < n; i++) {
        const sl_edit *e = sl_doc_edit(d, i);
        fprintf(f, "%s:%zu: %s (%s): ", sl_doc_path(d), e->line, sl_edit_kind_name(e->kind), e->rule);
        if (e->kind == SL_EDIT_REPAIR && *e->before)
            fprintf(f, "\"%s\" -> \"%s\"", e->before, e->after);
        else if (e->kind == SL_EDIT_REPAIR)
            fprintf(f, "\"%s\"", e->after);
        else
            fprintf(f, "\"%s\"", e->before);
        fprintf(f, " -- %s\n", e->reason);
    }
}

static void json_doc(FILE *f, const sl_doc *d, int explain)
{
    size_t len, i, n;
    const char *text = sl_doc_text(d, &len);
    sl_date date;
    fputs("    {\"id\": ", f);
    cli_json_str(f, sl_doc_id(d), strlen(sl_doc_id(d)));
    fputs(", \"path\": ", f);
    cli_json_str(f, sl_doc_path(d), strlen(sl_doc_path(d)));
    fputs(", \"title\": ", f);
    cli_json_str(f, sl_doc_title(d), strlen(sl_doc_title(d)));
    fputs(", \"source\": ", f);
    cli_json_str(f, sl_doc_source(d), strlen(sl_doc_source(d)));
    fputs(", \"date\": ", f);
    if (sl_doc_date(d, &date) == SL_OK) {
        fputs("{\"value\": ", f);
        cli_json_str(f, date.value, strlen(date.value));
        fprintf(f, ", \"precision\": \"%s\", \"evidence\": ", sl_precision_name(date.precision));
        cli_json_str(f, date.evidence, strlen(date.evidence));
        fputs("}", f);
    } else {
        fputs("null", f);
    }
    fputs(",\n     \"text\": ", f);
    cli_json_str(f, text, len);
    fputs(",\n     \"blocks\": [", f);
    n = sl_doc_block_count(d);
    for (i = 0; i < n; i++) {
        const sl_block *b = sl_doc_block(d, i);
        fprintf(f, "%s{\"kind\": \"%s\", \"start\": %zu, \"end\": %zu}", i ? ", " : "",
                sl_block_kind_name(b->kind), b->start, b->end);
    }
    fputs("]", f);
    if (explain) {
        fputs(",\n     \"edits\": [", f);
        n = sl_doc_edit_count(d);
        for (i = 0; i < n; i++) {
            const sl_edit *e = sl_doc_edit(d, i);
            fprintf(f, "%s\n       {\"line\": %zu, \"kind\": \"%s\", \"rule\": ", i ? "," : "", e->line,
                    sl_edit_kind_name(e->kind));
            cli_json_str(f, e->rule, strlen(e->rule));
            fputs(", \"reason\": ", f);
            cli_json_str(f, e->reason, strlen(e->reason));
            fputs(", \"before\": ", f);
            cli_json_str(f, e->before, strlen(e->before));
            fputs(", \"after\": ", f);
            cli_json_str(f, e->after, strlen(e->after));
            fputs("}", f);
        }
        fputs(n ? "\n     ]" : "]", f);
    }
    fputs("}", f);
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    static const char *const formats[] = {"text", "json", NULL};
    cli_args a;
    const char *arg, *out_path = NULL;
    int id, format = 0, explain = 0, rc, orc;
    sl_ingest_opts io = SL_INGEST_OPTS_INIT;
    sl_ctx *ctx;
    sl_corpus *c;
    cli_out out;
    size_t i, n;

    cli_args_init(&a, cmd->name, argc, argv);
    while ((id = cli_next(&a, cmd->opts, &arg)) > 0) {
        switch (id) {
        case O_HELP: cli_help(cmd); cli_args_free(&a); return EXIT_OK;
        case O_EXPLAIN: explain = 1; break;
        case O_REPAIR_ONLY: io.flags |= SL_OPT_REPAIR_ONLY; break;
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
    io.flags |= SL_OPT_NO_SENTENCES;
    ctx = cli_ctx_new();
    c = sl_corpus_new(ctx);
    rc = cli_read_inputs(ctx, c, a.pos, a.npos, &io);
    if (rc == EXIT_NOINPUT) {
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return rc;
    }
    if ((orc = cli_out_open(&out, out_path)) != EXIT_OK) {
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return orc;
    }
    n = sl_corpus_count(c);
    if (format == 1)
        fputs("{\"documents\": [\n", out.f);
    for (i = 0; i < n; i++) {
        const sl_doc *d = sl_corpus_doc(c, i);
        if (format == 1) {
            json_doc(out.f, d, explain);
            fputs(i + 1 < n ? ",\n" : "\n", out.f);
        } else if (explain) {
            print_edits(out.f, d);
        } else {
            size_t len;
            const char *text = sl_doc_text(d, &len);
            if (n > 1)
                fprintf(out.f, "%s==> %s <==\n", i ? "\n" : "", sl_doc_path(d));
            fwrite(text, 1, len, out.f);
            if (len)
                fputc('\n', out.f);
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

const cli_cmd cmd_clean = {
    "clean",
    "Print articles repaired and cleaned of scraping debris.",
    "[OPTIONS] [FILE|DIR|-]...",
    "Reads each article (plain text, HTML, JSON/JSONL, Multi-News; directories are\n"
    "read recursively in sorted order), repairs its encoding (invalid UTF-8,\n"
    "mojibake such as 'â€™' or '鈥檚', HTML entities, control characters), removes\n"
    "debris (share prompts, 'Read:' teasers, photo credits, contributor lines,\n"
    "repeated headlines) and prints the text, paragraphs separated by blank lines.\n"
    "With several documents each is headed by '==> PATH <=='.\n",
    "  storyline clean article.txt\n"
    "  storyline clean --explain articles/\n"
    "  storyline clean - < story.html\n"
    "  storyline clean --format json feed.jsonl > clean.json\n",
    opts,
    run,
};
