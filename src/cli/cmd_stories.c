/*
 * cmd_stories.c: `storyline stories`: group articles into stories.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { O_HELP = 1, O_FORMAT, O_OUTPUT, O_THRESHOLD, O_INPUT_FORMAT };

static const cli_opt opts[] = {
    {O_THRESHOLD, 't', "threshold", "X", "mean similarity (0-1) articles of one story reach (default 0.12)"},
    {O_FORMAT, 'f', "format", "FORMAT", "output format: text (default) or json"},
    {O_INPUT_FORMAT, 0, "input-format", "FMT", "read inputs as text, html, json, jsonl or multinews"},
    {O_OUTPUT, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {O_HELP, 'h', "help", NULL, "show this help"},
    {0, 0, NULL, NULL, NULL},
};

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    static const char *const formats[] = {"text", "json", NULL};
    cli_args a;
    const char *arg, *out_path = NULL;
    int id, format = 0, rc, orc;
    double thr = 0;
    sl_ingest_opts io = SL_INGEST_OPTS_INIT;
    sl_ctx *ctx;
    sl_corpus *c;
    sl_stories *st;
    cli_out out;
    size_t k, i, n;

    cli_args_init(&a, cmd->name, argc, argv);
    while ((id = cli_next(&a, cmd->opts, &arg)) > 0) {
        char *end;
        switch (id) {
        case O_HELP: cli_help(cmd); cli_args_free(&a); return EXIT_OK;
        case O_OUTPUT: out_path = arg; break;
        case O_INPUT_FORMAT: io.format = arg; break;
        case O_THRESHOLD:
            thr = strtod(arg, &end);
            if (*end || thr <= 0 || thr > 1) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "threshold '%s' is not a number in (0, 1]", arg);
            }
            break;
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
    st = sl_stories_new(ctx, c, thr);
    n = sl_stories_count(st);
    if (format == 1)
        fputs("{\"stories\": [", out.f);
    for (k = 0; k < n; k++) {
        size_t size = sl_story_size(st, k);
        const sl_doc *first = sl_corpus_doc(c, sl_story_doc(st, k, 0));
        const char *title = sl_doc_title(first);
        if (format == 1) {
            fprintf(out.f, "%s\n  {\"story\": %zu, \"title\": ", k ? "," : "", k + 1);
            cli_json_str(out.f, title, strlen(title));
            fputs(", \"documents\": [", out.f);
            for (i = 0; i < size; i++) {
                const sl_doc *d = sl_corpus_doc(c, sl_story_doc(st, k, i));
                fputs(i ? ", " : "", out.f);
                fputs("{\"id\": ", out.f);
                cli_json_str(out.f, sl_doc_id(d), strlen(sl_doc_id(d)));
                fputs(", \"path\": ", out.f);
                cli_json_str(out.f, sl_doc_path(d), strlen(sl_doc_path(d)));
                fputs("}", out.f);
            }
            fputs("]}", out.f);
        } else {
            fprintf(out.f, "%sstory %zu: %zu article%s%s%s\n", k ? "\n" : "", k + 1, size,
                    size == 1 ? "" : "s", *title ? " -- " : "", title);
            for (i = 0; i < size; i++) {
                const sl_doc *d = sl_corpus_doc(c, sl_story_doc(st, k, i));
                fprintf(out.f, "  %s%s%s\n", sl_doc_path(d), *sl_doc_title(d) ? "  " : "",
                        sl_doc_title(d));
            }
        }
    }
    if (format == 1)
        fputs(n ? "\n]}\n" : "]}\n", out.f);
    sl_stories_free(st);
    orc = cli_out_close(&out);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    cli_args_free(&a);
    return orc != EXIT_OK ? orc : rc;
}

const cli_cmd cmd_stories = {
    "stories",
    "Group articles into stories: the articles that report the same events.",
    "[OPTIONS] [FILE|DIR|-]...",
    "Reads the articles and groups those about the same events: each article is a\n"
    "TF-IDF vector of its content words, and groups are merged while the mean\n"
    "similarity of their articles stays above the threshold (average linkage).\n"
    "A lower threshold makes fewer, broader stories.  Each story can then be\n"
    "digested on its own with 'storyline digest'.\n",
    "  storyline stories archive/\n"
    "  storyline stories --format json --threshold 0.2 feed.jsonl\n",
    opts,
    run,
};
