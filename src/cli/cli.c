/*
 * cli.c: option parsing, help, output files, diagnostics and progress for
 * the commands (see cli.h).
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static size_t n_diags;

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("storyline: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "storyline: %s%s", cmd ? cmd : "", cmd ? ": " : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'storyline %s%s--help' for more information.\n", cmd ? cmd : "",
            cmd ? " " : "");
    return EXIT_USAGE;
}

void cli_args_init(cli_args *a, const char *cmd, int argc, char **argv)
{
    memset(a, 0, sizeof(*a));
    a->argc = argc;
    a->argv = argv;
    a->i = 1;
    a->cmd = cmd;
    a->pos = calloc((size_t)argc + 1, sizeof(char *));
    if (!a->pos) {
        cli_error("out of memory");
        exit(EXIT_INTERNAL);
    }
}

void cli_args_free(cli_args *a)
{
    free(a->pos);
    a->pos = NULL;
}

static const cli_opt *find_long(const cli_opt *opts, const char *name, size_t n)
{
    const cli_opt *o, *hit = NULL;
    int count = 0;
    for (o = opts; o->id; o++) {
        if (strlen(o->long_name) == n && strncmp(o->long_name, name, n) == 0)
            return o;
        if (strncmp(o->long_name, name, n) == 0) {
            hit = o;
            count++;
        }
    }
    /* an unambiguous prefix, as getopt_long allows */
    return count == 1 ? hit : NULL;
}

int cli_next(cli_args *a, const cli_opt *opts, const char **arg)
{
    *arg = NULL;
    for (;;) {
        const char *s;
        if (a->pending && *a->pending) {
            const cli_opt *o;
            char c = *a->pending++;
            for (o = opts; o->id; o++)
                if (o->short_name == c)
                    break;
            if (!o->id) {
                cli_usage_error(a->cmd, "unknown option '-%c'", c);
                return -1;
            }
            if (o->arg) {
                if (*a->pending) {
                    *arg = a->pending;
                } else if (a->i < a->argc) {
                    *arg = a->argv[a->i++];
                } else {
                    cli_usage_error(a->cmd, "option '-%c' needs %s", c, o->arg);
                    return -1;
                }
                a->pending = NULL;
            }
            return o->id;
        }
        a->pending = NULL;
        if (a->i >= a->argc)
            return 0;
        s = a->argv[a->i++];
        if (a->only_pos || s[0] != '-' || s[1] == '\0') {
            a->pos[a->npos++] = (char *)s;
            continue;
        }
        if (s[1] == '-') {
            const char *name = s + 2, *eq;
            const cli_opt *o;
            size_t n;
            if (!*name) {
                a->only_pos = 1;
                continue;
            }
            eq = strchr(name, '=');
            n = eq ? (size_t)(eq - name) : strlen(name);
            o = find_long(opts, name, n);
            if (!o) {
                cli_usage_error(a->cmd, "unknown option '--%.*s'", (int)n, name);
                return -1;
            }
            if (o->arg) {
                if (eq) {
                    *arg = eq + 1;
                } else if (a->i < a->argc) {
                    *arg = a->argv[a->i++];
                } else {
                    cli_usage_error(a->cmd, "option '--%s' needs %s", o->long_name, o->arg);
                    return -1;
                }
            } else if (eq) {
                cli_usage_error(a->cmd, "option '--%s' takes no argument", o->long_name);
                return -1;
            }
            return o->id;
        }
        a->pending = s + 1;
    }
}

void cli_help(const cli_cmd *cmd)
{
    const cli_opt *o;
    printf("Usage: storyline %s %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
    if (cmd->description && *cmd->description)
        printf("\n%s", cmd->description);
    printf("\nOptions:\n");
    for (o = cmd->opts; o->id; o++) {
        char left[64];
        if (o->short_name)
            snprintf(left, sizeof(left), "-%c, --%s%s%s", o->short_name, o->long_name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(left, sizeof(left), "    --%s%s%s", o->long_name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        if (strlen(left) > 26)
            printf("  %s\n  %-26s  %s\n", left, "", o->help);
        else
            printf("  %-26s  %s\n", left, o->help);
    }
    if (cmd->examples && *cmd->examples)
        printf("\nExamples:\n%s", cmd->examples);
    printf("\nExit status: 0 success, 1 some inputs failed (the rest was processed),\n"
           "2 usage error, 3 no input could be read, 4 output could not be written.\n"
           "See storyline(1) for more.\n");
}

int cli_out_open(cli_out *o, const char *path)
{
    memset(o, 0, sizeof(*o));
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return EXIT_OK;
    }
    o->path = path;
    o->tmp = malloc(strlen(path) + 16);
    if (!o->tmp)
        return EXIT_INTERNAL;
    sprintf(o->tmp, "%s.tmp%ld", path, (long)getpid());
    o->f = fopen(o->tmp, "w");
    if (!o->f) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

int cli_out_close(cli_out *o)
{
    int bad = 0, e = 0;
    if (!o->f)
        return EXIT_OK;
    if (fflush(o->f) != 0 || ferror(o->f)) {
        bad = 1;
        e = errno;
    }
    if (o->f != stdout) {
        if (fclose(o->f) != 0 && !bad) {
            bad = 1;
            e = errno;
        }
        if (!bad && rename(o->tmp, o->path) != 0) {
            bad = 1;
            e = errno;
        }
        if (bad)
            remove(o->tmp);
        free(o->tmp);
    }
    o->f = NULL;
    if (bad) {
        cli_error("%s: write error: %s", o->path ? o->path : "standard output",
                  e ? strerror(e) : "unknown");
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

/* ------------------------------------------------------------------ diagnostics and progress */

static int progress_shown;

static void on_diag(void *user, const char *input, int code, const char *msg)
{
    (void)user;
    (void)code;
    if (progress_shown) {
        fputs("\r\033[K", stderr);
        progress_shown = 0;
    }
    fprintf(stderr, "storyline: %s: %s\n", input, msg);
    n_diags++;
}

/* A one-line bar on stderr, "reading [#####-----]  45%  450/1000 files",
 * fitted to the terminal's width and redrawn at most every 1% so a million
 * files cost little; only on a terminal (cli_ctx_new checks), never in pipes
 * or logs, and only for runs of 20 files or more. */
static void on_progress(void *user, size_t done, size_t total)
{
    static size_t last;
    struct winsize ws;
    size_t cols = 80, bar, fill, i;
    char counts[64];
    (void)user;
    if (total < 20)
        return;
    if (done != total && done - last < (total / 100 ? total / 100 : 1))
        return;
    last = done;
    if (ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        cols = ws.ws_col;
    snprintf(counts, sizeof(counts), " %3zu%%  %zu/%zu files", done * 100 / total, done, total);
    /* "reading [" + bar + "]" + counts, one column spare so the line never wraps */
    bar = cols > 10 + strlen(counts) + 10 ? cols - 10 - strlen(counts) - 1 : 0;
    if (bar > 40)
        bar = 40;
    fputs("\r\033[Kreading", stderr);
    if (bar) {
        fill = done * bar / total;
        fputs(" [", stderr);
        for (i = 0; i < bar; i++)
            fputc(i < fill ? '#' : '-', stderr);
        fputc(']', stderr);
    }
    fputs(counts, stderr);
    progress_shown = 1;
    if (done == total) {
        fputs("\r\033[K", stderr);
        progress_shown = 0;
    }
}

size_t cli_diag_count(void)
{
    return n_diags;
}

sl_ctx *cli_ctx_new(void)
{
    sl_ctx *ctx = sl_ctx_new();
    if (!ctx) {
        cli_error("out of memory");
        exit(EXIT_INTERNAL);
    }
    sl_ctx_set_diag(ctx, on_diag, NULL);
    if (isatty(2) && !getenv("STORYLINE_NO_PROGRESS"))
        sl_ctx_set_progress(ctx, on_progress, NULL);
    return ctx;
}

int cli_read_inputs(sl_ctx *ctx, sl_corpus *c, char **paths, int n, const sl_ingest_opts *opts)
{
    int i, failed = 0;
    static char *dash[] = {"-"};
    if (n == 0) {
        paths = dash;
        n = 1;
    }
    for (i = 0; i < n; i++) {
        int rc = sl_corpus_add_path(ctx, c, paths[i], opts);
        if (rc < 0)
            failed = 1;
    }
    if (progress_shown) {
        fputs("\r\033[K", stderr);
        progress_shown = 0;
    }
    if (sl_corpus_count(c) == 0) {
        if (!failed)
            cli_error("no documents in the input");
        return EXIT_NOINPUT;
    }
    return failed || sl_corpus_failures(c) ? EXIT_INPUT : EXIT_OK;
}

int cli_pick(const char *value, const char *const *choices)
{
    int i;
    for (i = 0; choices[i]; i++)
        if (strcmp(value, choices[i]) == 0)
            return i;
    return -1;
}

void cli_json_str(FILE *f, const char *s, size_t len)
{
    size_t i;
    fputc('"', f);
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (c < 0x20)
                fprintf(f, "\\u%04x", c);
            else
                fputc(c, f);
        }
    }
    fputc('"', f);
}
