/*
 * cmd_digest.c: `storyline digest`: the story told by a set of articles:
 * its summary, timeline, entities and sources compared, as text, JSON,
 * Markdown or an HTML report.  Everything is done by the library
 * (sl_digest_new, sl_digest_render); this file reads options and inputs,
 * decides the terminal's width and colours, and writes.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

enum {
    O_HELP = 1, O_FORMAT, O_OUTPUT, O_INPUT_FORMAT, O_METHOD, O_WORDS, O_SENTENCES, O_BYTES,
    O_QUERY, O_WIDTH, O_COLOR, O_DATE
};

static const cli_opt opts[] = {
    {O_METHOD, 'm', "method", "NAME", "summary method (default: coverage; see below)"},
    {O_WORDS, 'w', "words", "N", "at most N words (default 100)"},
    {O_SENTENCES, 0, "sentences", "N", "at most N sentences"},
    {O_BYTES, 0, "bytes", "N", "at most N bytes (sentences joined by a space)"},
    {O_QUERY, 'q', "query", "TEXT", "focus the summary on a question"},
    {O_FORMAT, 'f', "format", "FORMAT", "output format: text (default), json, md or html"},
    {O_WIDTH, 0, "width", "N", "wrap text output at N columns (default: the terminal's, or 80)"},
    {O_COLOR, 0, "color", "WHEN", "colour text output: auto (default), always or never"},
    {O_DATE, 0, "date", "YYYY-MM-DD", "the date every input was written, whatever they say"},
    {O_INPUT_FORMAT, 0, "input-format", "FMT", "read inputs as text, html, json, jsonl or multinews"},
    {O_OUTPUT, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {O_HELP, 'h', "help", NULL, "show this help"},
    {0, 0, NULL, NULL, NULL},
};

/* A positive count; 0 on error. */
static size_t parse_count(const char *s)
{
    char *end;
    unsigned long long v;
    if (!s || !*s || *s == '-' || *s == '+')
        return 0;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || *end || v == 0 || v > (unsigned long long)SIZE_MAX / 2)
        return 0;
    return (size_t)v;
}

/* Whether s is a real day written YYYY-MM-DD (years 0001-9999). */
static int valid_day(const char *s)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d, i;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    y = atoi(s);
    m = atoi(s + 5);
    d = atoi(s + 8);
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* The terminal's own width when standard output is one, else $COLUMNS,
 * else 80. */
static size_t terminal_width(void)
{
    const char *cols = getenv("COLUMNS");
    size_t w = cols ? parse_count(cols) : 0;
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return w ? w : 80;
}

/* NO_COLOR (no-color.org): set and not empty means no colour. */
static int no_color(void)
{
    const char *v = getenv("NO_COLOR");
    return v && *v;
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    static const char *const formats[] = {"text", "json", "md", "html", NULL};
    static const char *const whens[] = {"auto", "always", "never", NULL};
    cli_args a;
    const char *arg, *out_path = NULL;
    int id, format = 0, color = 0, rc, orc;
    sl_ingest_opts io = SL_INGEST_OPTS_INIT;
    sl_digest_opts dop = SL_DIGEST_OPTS_INIT;
    sl_render_opts rop = SL_RENDER_OPTS_INIT;
    const char *const *m;
    sl_ctx *ctx;
    sl_corpus *c;
    sl_digest *dg = NULL;
    cli_out out;
    char *text = NULL;
    size_t len = 0, width = 0, *count;

    cli_args_init(&a, cmd->name, argc, argv);
    while ((id = cli_next(&a, cmd->opts, &arg)) > 0) {
        switch (id) {
        case O_HELP: cli_help(cmd); cli_args_free(&a); return EXIT_OK;
        case O_OUTPUT: out_path = arg; break;
        case O_INPUT_FORMAT: io.format = arg; break;
        case O_QUERY: dop.query = arg; dop.query_len = strlen(arg); break;
        case O_DATE:
            if (!valid_day(arg)) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "--date takes a day as YYYY-MM-DD, not '%s'", arg);
            }
            dop.date = arg;
            break;
        case O_METHOD:
            for (m = sl_digest_methods(); *m; m++)
                if (strcmp(*m, arg) == 0)
                    break;
            if (!*m && strcmp(arg, "default") != 0) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "unknown method '%s' (see --help)", arg);
            }
            dop.method = arg;
            break;
        case O_WORDS: case O_SENTENCES: case O_BYTES: case O_WIDTH:
            count = id == O_WORDS ? &dop.words : id == O_SENTENCES ? &dop.sentences
                  : id == O_BYTES ? &dop.bytes : &width;
            if (!(*count = parse_count(arg))) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "'%s' is not a positive number", arg);
            }
            break;
        case O_FORMAT:
            if ((format = cli_pick(arg, formats)) < 0) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "unknown format '%s' (text, json, md or html)",
                                       arg);
            }
            break;
        case O_COLOR:
            if ((color = cli_pick(arg, whens)) < 0) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "--color takes auto, always or never, not '%s'", arg);
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
    if (rc == EXIT_NOINPUT) {
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return rc;
    }
    if (sl_digest_new(ctx, c, &dop, &dg) < 0) {
        cli_error("%s", sl_errmsg(ctx));
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return EXIT_INTERNAL;
    }
    rop.width = width ? width : (out_path && strcmp(out_path, "-") != 0) ? 80 : terminal_width();
    if (color == 1 || (color == 0 && (!out_path || strcmp(out_path, "-") == 0) && isatty(1) &&
                       !no_color()))
        rop.flags |= SL_RENDER_COLOR;
    if (sl_digest_render(dg, formats[format], &rop, &text, &len) < 0) {
        cli_error("%s", sl_errmsg(ctx));
        sl_digest_free(dg);
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return EXIT_INTERNAL;
    }
    if ((orc = cli_out_open(&out, out_path)) == EXIT_OK) {
        fwrite(text, 1, len, out.f);
        orc = cli_out_close(&out);
    }
    sl_free(text);
    sl_digest_free(dg);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    cli_args_free(&a);
    return orc != EXIT_OK ? orc : rc;
}

const cli_cmd cmd_digest = {
    "digest",
    "Summarize a set of articles on one story, each sentence cited.",
    "[OPTIONS] [FILE|DIR|-]...",
    "Treats all its inputs as one story and gives the sentences a reader needs,\n"
    "within a length budget, each cited to its source, never two that say the\n"
    "same thing: two outlets' versions of one sentence never both appear.\n"
    "Sentences are never cut; the budget is never exceeded (a budget smaller\n"
    "than every sentence gives an empty summary).  The summary reads in order of\n"
    "the articles' dates, then of position in the article.  Headlines, captions\n"
    "and page debris are chosen only when nothing else carries what they say.\n"
    "\n"
    "Methods (--method):\n"
    "  coverage    the default: coverage of the story with a lead prior,\n"
    "              maximized greedily (submodular, Lin and Bilmes 2011)\n"
    "  lead        the first sentences of each article, in turn\n"
    "  centroid    MEAD: closeness to the story's centroid, position, lead overlap\n"
    "  lexrank     continuous LexRank: centrality in the similarity graph\n"
    "  textrank    TextRank: PageRank over word overlap\n"
    "  mmr         maximal marginal relevance\n"
    "  submodular  Lin and Bilmes 2011: coverage + diversity, no lead prior\n"
    "  ilp         bigram concepts covered, exact integer program (Gillick and\n"
    "              Favre 2009) solved with GLPK\n"
    "\n"
    "With --query the summary is focused on a question (DUC-style query-focused\n"
    "summarization) and the output says which query was used.\n"
    "\n"
    "The timeline lists the dated events the articles tell, in order of date:\n"
    "the clause that carries a date, resolved against its own article's date\n"
    "(\"Friday\" in an article of Thursday 26 April 2018 is 27 Apr 2018); the same\n"
    "event told by several articles is one entry citing them all.  An article's\n"
    "date comes from its metadata, else its text (a dateline, a broadcast note),\n"
    "else the other articles of the story; --date sets it for every input.\n"
    "Sentences of undated articles get no date unless they give one in full.\n"
    "Text and Markdown show the 25 most salient events, JSON all of them.\n"
    "\n"
    "The digest also names the story's entities (as `storyline entities` does) and\n"
    "compares its sources: numbers with what they count, dates, durations and who\n"
    "did an action, in sentences of different articles that speak of the same\n"
    "thing.  A fact two or more articles state alike is an agreement; the same\n"
    "thing given different values is a disagreement, with each source's sentence.\n"
    "Compatible values (rounding, \"about\", \"more than\", ranges, units, a year\n"
    "and a day in it) and different facts (\"a 68-year war\" and \"the armistice\n"
    "sixty-five years ago\") are never reported as disagreements.\n"
    "\n"
    "summarization) and the output says which query was used.\n"
    "\n"
    "The digest also names the story's entities (as `storyline entities` does) and\n"
    "compares its sources: numbers with what they count, dates, durations and who\n"
    "did an action, in sentences of different articles that speak of the same\n"
    "thing.  A fact two or more articles state alike is an agreement; the same\n"
    "thing given different values is a disagreement, with each source's sentence.\n"
    "Compatible values (rounding, \"about\", \"more than\", ranges, units, a year\n"
    "and a day in it) and different facts (\"a 68-year war\" and \"the armistice\n"
    "sixty-five years ago\") are never reported as disagreements.\n"
    "\n"
    "Formats (--format):\n"
    "  text  for a terminal: headline, dates, the summary with source marks,\n"
    "        timeline, main entities, sources compared, the sources; wrapped to\n"
    "        the terminal's width, coloured only on a terminal (not with NO_COLOR)\n"
    "  json  one JSON object, keys in a fixed order, byte-identical across runs\n"
    "        (docs/digest-schema.md, docs/digest.schema.json)\n"
    "  md    Markdown for notes and wikis: footnoted sources, a timeline table\n"
    "  html  one self-contained report page: inline CSS and SVG, no script,\n"
    "        nothing fetched; article text is always escaped\n",
    "  storyline digest articles/\n"
    "  storyline digest --words 250 --method lexrank story/*.html\n"
    "  storyline digest --query 'why is the Korean War not over?' seeds/\n"
    "  storyline digest --format json --sentences 5 feed.jsonl > digest.json\n"
    "  storyline digest --format html -o report.html articles/\n"
    "  storyline digest --date 2018-04-27 transcript.txt\n",
    opts,
    run,
};
