/*
 * main.c: the storyline executable: a table of commands, one file each.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_cmd *const commands[] = {
    &cmd_digest,
    &cmd_clean,
    &cmd_sentences,
    &cmd_tokens,
    &cmd_stories,
    &cmd_dates,
    &cmd_entities,
    &cmd_rouge,
    NULL,
};

static void usage(FILE *f)
{
    const cli_cmd *const *c;
    fprintf(f, "Usage: storyline COMMAND [OPTIONS] [FILE|DIR|-]...\n\n"
               "storyline turns a pile of news articles into the story they tell: it reads\n"
               "plain text, HTML, JSON/JSONL and Multi-News files, repairs and cleans them,\n"
               "and gives the story's summary, timeline, entities and a comparison of sources.\n\n"
               "Commands:\n");
    for (c = commands; *c; c++)
        fprintf(f, "  %-12s %s\n", (*c)->name, (*c)->summary);
    fprintf(f, "\nWith no FILE, or when FILE is -, read standard input.\n"
               "'storyline COMMAND --help' explains a command; 'man storyline' explains them all.\n"
               "\nOptions:\n  -h, --help     show this help\n  -V, --version  show the version\n");
}

int main(int argc, char **argv)
{
    const cli_cmd *const *c;
    const char *name;
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            for (c = commands; *c; c++)
                if (strcmp((*c)->name, argv[2]) == 0) {
                    cli_help(*c);
                    return EXIT_OK;
                }
            return cli_usage_error(NULL, "unknown command '%s'", argv[2]);
        }
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("storyline %s\n", sl_version());
        return EXIT_OK;
    }
    for (c = commands; *c; c++)
        if (strcmp((*c)->name, name) == 0)
            return (*c)->run(*c, argc - 1, argv + 1);
    return cli_usage_error(NULL, "unknown command '%s'", name);
}
