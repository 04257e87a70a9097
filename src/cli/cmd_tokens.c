/*
 * cmd_tokens.c: `storyline tokens`: the word tokens of a text, with their
 * normal forms and stems (for inspecting what later stages see).
 */
#include <string.h>

#include "cli.h"

enum { O_HELP = 1, O_FORMAT, O_OUTPUT, O_LANGUAGE };

static const cli_opt opts[] = {
    {O_FORMAT, 'f', "format", "FORMAT", "output format: text (default) or json"},
    {O_LANGUAGE, 'l', "language", "LANG", "Snowball stemmer language (default english)"},
    {O_OUTPUT, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {O_HELP, 'h', "help", NULL, "show this help"},
    {0, 0, NULL, NULL, NULL},
};

static void flags_str(unsigned f, char *out)
{
    out[0] = '\0';
    if (f & SL_TOK_WORD) strcat(out, "word,");
    if (f & SL_TOK_NUMBER) strcat(out, "number,");
    if (f & SL_TOK_PUNCT) strcat(out, "punct,");
    if (f & SL_TOK_STOP) strcat(out, "stop,");
    if (f & SL_TOK_CAP) strcat(out, "cap,");
    if (f & SL_TOK_UPPER) strcat(out, "upper,");
    if (f & SL_TOK_URL) strcat(out, "url,");
    if (f & SL_TOK_TAG) strcat(out, "tag,");
    if (*out)
        out[strlen(out) - 1] = '\0';
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    static const char *const formats[] = {"text", "json", NULL};
    cli_args a;
    const char *arg, *out_path = NULL, *lang = NULL;
    int id, format = 0, rc = EXIT_OK, orc, k;
    sl_ctx *ctx;
    cli_out out;

    cli_args_init(&a, cmd->name, argc, argv);
    while ((id = cli_next(&a, cmd->opts, &arg)) > 0) {
        switch (id) {
        case O_HELP: cli_help(cmd); cli_args_free(&a); return EXIT_OK;
        case O_OUTPUT: out_path = arg; break;
        case O_LANGUAGE: lang = arg; break;
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
    if (lang && sl_ctx_set_language(ctx, lang) != SL_OK) {
        cli_error("%s", sl_errmsg(ctx));
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return EXIT_USAGE;
    }
    if ((orc = cli_out_open(&out, out_path)) != EXIT_OK) {
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return orc;
    }
    if (format == 1)
        fputs("[", out.f);
    for (k = 0; k < (a.npos ? a.npos : 1); k++) {
        sl_corpus *c = sl_corpus_new(ctx);
        sl_ingest_opts io = SL_INGEST_OPTS_INIT;
        char *one[1];
        size_t i, n, d;
        int r;
        one[0] = a.npos ? a.pos[k] : "-";
        io.flags = SL_OPT_AS_GIVEN | SL_OPT_NO_SENTENCES;
        r = cli_read_inputs(ctx, c, one, 1, &io);
        if (r != EXIT_OK)
            rc = rc == EXIT_OK || rc == EXIT_NOINPUT ? (r == EXIT_NOINPUT ? EXIT_INPUT : r) : rc;
        for (d = 0; d < sl_corpus_count(c); d++) {
            size_t len;
            const char *text = sl_doc_text(sl_corpus_doc(c, d), &len);
            sl_token *toks;
            sl_tokenize(ctx, text, len, &toks, &n);
            for (i = 0; i < n; i++) {
                char fl[64];
                flags_str(toks[i].flags, fl);
                if (format == 1) {
                    fprintf(out.f, "%s\n  {\"start\": %zu, \"end\": %zu, \"text\": ", i ? "," : "",
                            toks[i].start, toks[i].end);
                    cli_json_str(out.f, text + toks[i].start, toks[i].end - toks[i].start);
                    fputs(", \"norm\": ", out.f);
                    cli_json_str(out.f, sl_vocab_str(ctx, toks[i].norm), strlen(sl_vocab_str(ctx, toks[i].norm)));
                    fputs(", \"stem\": ", out.f);
                    cli_json_str(out.f, sl_vocab_str(ctx, toks[i].stem), strlen(sl_vocab_str(ctx, toks[i].stem)));
                    fprintf(out.f, ", \"flags\": \"%s\"}", fl);
                } else {
                    fprintf(out.f, "%.*s\t%s\t%s\t%s\n", (int)(toks[i].end - toks[i].start),
                            text + toks[i].start, sl_vocab_str(ctx, toks[i].norm),
                            sl_vocab_str(ctx, toks[i].stem), fl);
                }
            }
            sl_free(toks);
        }
        sl_corpus_free(c);
    }
    if (format == 1)
        fputs("\n]\n", out.f);
    orc = cli_out_close(&out);
    sl_ctx_free(ctx);
    cli_args_free(&a);
    return orc != EXIT_OK ? orc : rc;
}

const cli_cmd cmd_tokens = {
    "tokens",
    "Print the word tokens of a text with their normal forms and stems.",
    "[OPTIONS] [FILE|-]...",
    "Tokenizes the text as given (after decoding invalid UTF-8) and prints one\n"
    "token a line: the token, its NFC case-folded form, its Snowball stem, and its\n"
    "flags (word, number, punct, stop, cap, upper, url, tag), separated by tabs.\n",
    "  echo \"Korea's leaders met in Panmunjom.\" | storyline tokens\n",
    opts,
    run,
};
