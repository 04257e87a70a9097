/*
 * cli.h: what the commands of the storyline executable share.
 *
 * The CLI is a client of the public API only (storyline.h): each command is
 * one cmd_*.c file with an option table that drives both parsing and --help.
 * Conventions (jq, git): no files means stdin, "-" means stdin, output to
 * stdout unless -o; --help to stdout with exit 0; misuse to stderr with exit
 * 2; every message starts "storyline: ".
 */
#ifndef SL_CLI_H
#define SL_CLI_H

#include <stdio.h>

#include "storyline.h"

/* Exit codes, documented in storyline(1). */
#define EXIT_OK 0       /* everything worked */
#define EXIT_INPUT 1    /* some inputs could not be read; the others were processed */
#define EXIT_USAGE 2    /* the command line is wrong */
#define EXIT_NOINPUT 3  /* no input could be read at all */
#define EXIT_OUTPUT 4   /* the output could not be written */
#define EXIT_INTERNAL 5 /* an unexpected library failure */

/* One option of a command. */
typedef struct cli_opt {
    int id;                /* returned by cli_next; > 0 */
    char short_name;       /* 'o' or 0 */
    const char *long_name; /* "output" */
    const char *arg;       /* argument name for --help ("FILE"), NULL for a switch */
    const char *help;      /* one line */
} cli_opt;

/* A command: its name, its one-line summary, the usage and long description
 * for --help, its options, and its entry point. */
typedef struct cli_cmd {
    const char *name;
    const char *summary;
    const char *usage;       /* after "storyline NAME " */
    const char *description; /* paragraphs for --help */
    const char *examples;    /* lines for --help */
    const cli_opt *opts;     /* terminated by an entry with id 0 */
    int (*run)(const struct cli_cmd *cmd, int argc, char **argv);
} cli_cmd;

/* Parser state over argv (argv[0] is the command name). */
typedef struct cli_args {
    int argc;
    char **argv;
    int i;            /* next argv index */
    char **pos;       /* positional arguments, in order */
    int npos;
    int only_pos;     /* after "--" */
    const char *cmd;  /* command name for messages */
    const char *pending; /* rest of a bundle of short options */
} cli_args;

void cli_args_init(cli_args *a, const char *cmd, int argc, char **argv);
void cli_args_free(cli_args *a);
/* Returns the next option's id (and its argument in *arg), 0 when argv is
 * used up (positionals are collected in a->pos), or -1 after printing a
 * usage error. */
int cli_next(cli_args *a, const cli_opt *opts, const char **arg);

/* Prints the command's --help to stdout. */
void cli_help(const cli_cmd *cmd);
/* Prints "storyline: CMD: msg" and a hint to stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...);
/* Prints "storyline: msg" to stderr. */
void cli_error(const char *fmt, ...);

/* Output: stdout, or the file of -o (written to a temporary and renamed on
 * success, so a failed run never leaves half a file). */
typedef struct cli_out {
    FILE *f;
    const char *path; /* NULL for stdout */
    char *tmp;
} cli_out;

int cli_out_open(cli_out *o, const char *path);
/* Flushes and closes; returns EXIT_OK or EXIT_OUTPUT (message printed). */
int cli_out_close(cli_out *o);

/* A context with the CLI's diagnostics printer and, on a terminal, a progress
 * bar on stderr. */
sl_ctx *cli_ctx_new(void);
/* Number of diagnostics printed through the context's callback. */
size_t cli_diag_count(void);

/* Reads every input into a corpus (stdin when there are none); prints the
 * problems; returns EXIT_OK, EXIT_INPUT (some failed) or EXIT_NOINPUT. */
int cli_read_inputs(sl_ctx *ctx, sl_corpus *c, char **paths, int n, const sl_ingest_opts *opts);

/* Parses "text"/"json"/... against a list; returns its index or -1. */
int cli_pick(const char *value, const char *const *choices);

/* JSON string escaping for hand-written JSON. */
void cli_json_str(FILE *f, const char *s, size_t len);

/* The commands. */
extern const cli_cmd cmd_clean;
extern const cli_cmd cmd_entities;
extern const cli_cmd cmd_digest;
extern const cli_cmd cmd_rouge;
extern const cli_cmd cmd_sentences;
extern const cli_cmd cmd_tokens;
extern const cli_cmd cmd_stories;
extern const cli_cmd cmd_dates;

#endif
