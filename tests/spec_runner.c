/*
 * spec_runner: runs the text-spec tests (the .spec files of tests/spec/) against the CLI.
 *
 *   spec_runner --exe build/storyline --root . [--filter TEXT] FILE.spec...
 *
 * A spec file holds numbered cases (cmark's spec.txt, jq's tests/jq.test):
 *
 *   === 12. an invalid JSON line is reported, the others are read
 *   requires ../shared/seeds            (optional: skip the case when absent)
 *   $ clean --format json -             (the arguments; quotes group words)
 *   <<<                                 (optional: standard input follows)
 *   {"text": "ok"}
 *   {"text":
 *   >>>                                 (expected standard output, exact)
 *   ...
 *   >>>2                                (optional: each line must occur in stderr)
 *   storyline: -:2: malformed JSON
 *   >>>= 1                              (expected exit status; default 0)
 *
 * Variants: "<<<esc" reads the input with C escapes (\n \t \\ \xNN) and
 * without its final line break, so binary and invalid UTF-8 can be written; "<<<file PATH" takes stdin
 * from a file; ">>>~" lists lines that must each occur in stdout, in order,
 * instead of the exact text; ">>>!" lists lines that must not occur in stdout.
 * Lines of a block starting with "\" have it removed (to write "===" etc.).
 * "{tmp}" in arguments is a fresh temporary directory for the run.
 *
 * With --schema-check CMD, the standard output of every `digest` case that
 * asks for JSON (-f json, --format json, --format=json) is saved to a file
 * and CMD FILE is run on it (tests/schema_check against
 * docs/digest.schema.json): an invalid digest fails its case.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct str {
    char *p;
    size_t n, cap;
} str;

static void put(str *s, const char *p, size_t n)
{
    if (s->n + n + 1 > s->cap) {
        while (s->n + n + 1 > s->cap)
            s->cap = s->cap ? s->cap * 2 : 256;
        s->p = realloc(s->p, s->cap);
        if (!s->p) {
            fprintf(stderr, "spec_runner: out of memory\n");
            exit(2);
        }
    }
    memcpy(s->p + s->n, p, n);
    s->n += n;
    s->p[s->n] = '\0';
}

static void puts_(str *s, const char *p)
{
    put(s, p, strlen(p));
}

typedef struct spec_case {
    char *name;
    char *file;
    int line;
    char *args;
    char *requires;
    str in;
    int in_set;
    char *in_file;
    str out;
    int out_mode; /* 0 exact, 1 contains lines, -1 not checked */
    str out_not;
    str err;
    int exit_code;
} spec_case;

static const char *exe, *root, *filter, *schema_cmd;
static int schema_checked;
static char tmpdir[256];
static int timeout_s = 120;

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        exit(2);
    return p;
}

/* Splits an argument line into words; single and double quotes group. */
static int split_args(const char *line, char **argv, int max)
{
    int n = 0;
    const char *p = line;
    while (*p && n < max - 1) {
        str w = {0};
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        while (*p && *p != ' ' && *p != '\t') {
            if (*p == '"' || *p == '\'') {
                char q = *p++;
                while (*p && *p != q) {
                    if (q == '"' && *p == '\\' && p[1]) {
                        p++;
                    }
                    put(&w, p++, 1);
                }
                if (*p)
                    p++;
            } else {
                put(&w, p++, 1);
            }
        }
        if (!w.p)
            put(&w, "", 0);
        {
            /* {tmp} substitution */
            str r = {0};
            const char *q = w.p, *t;
            while ((t = strstr(q, "{tmp}")) != NULL) {
                put(&r, q, (size_t)(t - q));
                puts_(&r, tmpdir);
                q = t + 5;
            }
            puts_(&r, q);
            free(w.p);
            argv[n++] = r.p;
        }
    }
    argv[n] = NULL;
    return n;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void unescape(str *s)
{
    size_t i, j = 0;
    for (i = 0; i < s->n; i++) {
        char c = s->p[i];
        if (c == '\\' && i + 1 < s->n) {
            char d = s->p[++i];
            if (d == 'n') c = '\n';
            else if (d == 't') c = '\t';
            else if (d == 'r') c = '\r';
            else if (d == '0') c = '\0';
            else if (d == 'x' && i + 2 < s->n && hexval(s->p[i + 1]) >= 0 && hexval(s->p[i + 2]) >= 0) {
                c = (char)(hexval(s->p[i + 1]) * 16 + hexval(s->p[i + 2]));
                i += 2;
            } else c = d;
        }
        s->p[j++] = c;
    }
    s->n = j;
    if (s->p)
        s->p[j] = '\0';
}

/* Runs one case: exe with args, stdin, collecting stdout and stderr. */
static int run_case(const spec_case *c, str *out, str *err, int *status)
{
    int pin[2], pout[2], perr[2];
    pid_t pid;
    char *argv[128];
    int n, k;
    size_t written = 0;
    time_t start = time(NULL);
    str input = {0};

    if (c->in_file) {
        FILE *f = fopen(c->in_file, "rb");
        char buf[65536];
        size_t r;
        if (!f) {
            fprintf(stderr, "spec_runner: %s: cannot open %s\n", c->name, c->in_file);
            return -1;
        }
        while ((r = fread(buf, 1, sizeof(buf), f)) > 0)
            put(&input, buf, r);
        fclose(f);
    } else if (c->in_set) {
        put(&input, c->in.p ? c->in.p : "", c->in.n);
    }

    argv[0] = (char *)exe;
    n = split_args(c->args, argv + 1, 126);
    if (pipe(pin) || pipe(pout) || pipe(perr))
        return -1;
    pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        dup2(pin[0], 0);
        dup2(pout[1], 1);
        dup2(perr[1], 2);
        close(pin[0]); close(pin[1]); close(pout[0]); close(pout[1]); close(perr[0]); close(perr[1]);
        if (chdir(root) != 0)
            _exit(127);
        setenv("STORYLINE_NO_PROGRESS", "1", 1);
        setenv("NO_COLOR", "1", 1);
        execv(exe, argv);
        _exit(127);
    }
    close(pin[0]);
    close(pout[1]);
    close(perr[1]);
    if (!c->in_set && !c->in_file) {
        close(pin[1]);
        pin[1] = -1;
    } else {
        fcntl(pin[1], F_SETFL, O_NONBLOCK);
    }
    signal(SIGPIPE, SIG_IGN);
    for (;;) {
        struct pollfd fds[3];
        int nf = 0, open_out = 0;
        if (pout[0] >= 0) { fds[nf].fd = pout[0]; fds[nf].events = POLLIN; nf++; open_out = 1; }
        if (perr[0] >= 0) { fds[nf].fd = perr[0]; fds[nf].events = POLLIN; nf++; open_out = 1; }
        if (pin[1] >= 0) { fds[nf].fd = pin[1]; fds[nf].events = POLLOUT; nf++; }
        if (!open_out)
            break;
        if (poll(fds, (nfds_t)nf, 1000) < 0 && errno != EINTR)
            break;
        if (time(NULL) - start > timeout_s) {
            kill(pid, SIGKILL);
            fprintf(stderr, "spec_runner: case timed out after %d s (a hang)\n", timeout_s);
            break;
        }
        for (k = 0; k < nf; k++) {
            if (!fds[k].revents)
                continue;
            if (fds[k].fd == pin[1]) {
                ssize_t w = write(pin[1], input.p + written, input.n - written);
                if (w > 0)
                    written += (size_t)w;
                if (w < 0 && errno != EAGAIN) {
                    close(pin[1]);
                    pin[1] = -1;
                } else if (written >= input.n) {
                    close(pin[1]);
                    pin[1] = -1;
                }
            } else {
                char buf[65536];
                ssize_t r = read(fds[k].fd, buf, sizeof(buf));
                int is_out = fds[k].fd == pout[0];
                if (r > 0) {
                    put(is_out ? out : err, buf, (size_t)r);
                } else {
                    close(fds[k].fd);
                    if (is_out) pout[0] = -1; else perr[0] = -1;
                }
            }
        }
        if (pin[1] >= 0 && written >= input.n) {
            close(pin[1]);
            pin[1] = -1;
        }
    }
    if (pin[1] >= 0) close(pin[1]);
    if (pout[0] >= 0) close(pout[0]);
    if (perr[0] >= 0) close(perr[0]);
    waitpid(pid, status, 0);
    for (k = 1; k <= n; k++)
        free(argv[k]);
    free(input.p);
    return 0;
}

static int lines_contained(const char *hay, const char *needles, int in_order, char **missing)
{
    const char *p = needles, *from = hay;
    while (p && *p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n) {
            char *needle = strndup(p, n);
            const char *hit = strstr(in_order ? from : hay, needle);
            if (!hit) {
                *missing = needle;
                return 0;
            }
            if (in_order)
                from = hit + n;
            free(needle);
        }
        p = e ? e + 1 : NULL;
    }
    return 1;
}

static int lines_absent(const char *hay, const char *needles, char **found)
{
    const char *p = needles;
    while (p && *p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n) {
            char *needle = strndup(p, n);
            if (strstr(hay, needle)) {
                *found = needle;
                return 0;
            }
            free(needle);
        }
        p = e ? e + 1 : NULL;
    }
    return 1;
}

static void show_diff(const char *want, const char *got)
{
    /* first differing line, with context */
    int line = 1;
    const char *a = want, *b = got;
    while (*a && *b && *a == *b) {
        if (*a == '\n')
            line++;
        a++, b++;
    }
    fprintf(stderr, "    first difference at line %d\n", line);
    fprintf(stderr, "    expected: %.200s\n", a);
    fprintf(stderr, "    got:      %.200s\n", b);
}

/* Whether a case's arguments ask `digest` for JSON. */
static int digest_json(const char *args)
{
    char *argv[128];
    int n = split_args(args, argv, 128), i, yes = 0;
    for (i = 0; i < n; i++) {
        if (i == 0 && strcmp(argv[i], "digest") != 0)
            break;
        if ((strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "--format") == 0) && i + 1 < n &&
            strcmp(argv[i + 1], "json") == 0)
            yes = 1;
        if (strcmp(argv[i], "--format=json") == 0 || strcmp(argv[i], "-fjson") == 0)
            yes = 1;
    }
    for (i = 0; i < n; i++)
        free(argv[i]);
    return yes;
}

/* Runs the schema check on a digest's JSON; 1 when valid. */
static int schema_ok(const str *out)
{
    char path[512], *cmd;
    FILE *f;
    int rc;
    snprintf(path, sizeof(path), "%s/schema-check.json", tmpdir);
    f = fopen(path, "wb");
    if (!f || fwrite(out->p, 1, out->n, f) != out->n || fclose(f) != 0) {
        fprintf(stderr, "  cannot write %s\n", path);
        return 0;
    }
    cmd = malloc(strlen(schema_cmd) + strlen(path) + 8);
    if (!cmd)
        exit(2);
    sprintf(cmd, "%s '%s'", schema_cmd, path);
    rc = system(cmd);
    free(cmd);
    schema_checked++;
    if (rc != 0)
        fprintf(stderr, "  the digest JSON does not validate against the schema\n");
    return rc == 0;
}

static int check(const spec_case *c)
{
    str out = {0}, err = {0};
    int status = 0, ok = 1, code;
    char *miss = NULL;
    if (run_case(c, &out, &err, &status) != 0)
        return 0;
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (!out.p) put(&out, "", 0);
    if (!err.p) put(&err, "", 0);
    if (code != c->exit_code) {
        fprintf(stderr, "  exit status %d, expected %d\n", code, c->exit_code);
        ok = 0;
    }
    if (WIFSIGNALED(status) || strstr(err.p, "runtime error") || strstr(err.p, "AddressSanitizer") ||
        strstr(err.p, "LeakSanitizer")) {
        fprintf(stderr, "  crashed or sanitizer report\n");
        ok = 0;
    }
    if (c->out_mode == 0) {
        const char *want = c->out.p ? c->out.p : "";
        if (strcmp(want, out.p) != 0) {
            fprintf(stderr, "  stdout differs\n");
            show_diff(want, out.p);
            ok = 0;
        }
    } else if (c->out_mode == 1) {
        if (!lines_contained(out.p, c->out.p, 1, &miss)) {
            fprintf(stderr, "  stdout lacks (in order): %s\n", miss);
            free(miss);
            ok = 0;
        }
    }
    if (schema_cmd && out.n && digest_json(c->args) && !schema_ok(&out))
        ok = 0;
    if (c->out_not.p && !lines_absent(out.p, c->out_not.p, &miss)) {
        fprintf(stderr, "  stdout has what it must not: %s\n", miss);
        free(miss);
        ok = 0;
    }
    if (c->err.p && !lines_contained(err.p, c->err.p, 0, &miss)) {
        fprintf(stderr, "  stderr lacks: %s\n", miss);
        free(miss);
        ok = 0;
    }
    if (!ok)
        fprintf(stderr, "  stderr was: %.500s\n", err.p);
    free(out.p);
    free(err.p);
    return ok;
}

static void free_case(spec_case *c)
{
    free(c->name); free(c->args); free(c->requires); free(c->in.p); free(c->in_file);
    free(c->out.p); free(c->out_not.p); free(c->err.p);
    memset(c, 0, sizeof(*c));
}

static int pass, fail, skip;

static void finish(spec_case *c)
{
    char path[4096];
    struct stat st;
    if (!c->name)
        return;
    if (filter && !strstr(c->name, filter)) {
        free_case(c);
        return;
    }
    if (!c->args) {
        fprintf(stderr, "%s:%d: case has no '$' line\n", c->file, c->line);
        fail++;
        free_case(c);
        return;
    }
    if (c->requires) {
        snprintf(path, sizeof(path), "%s/%s", root, c->requires);
        if (stat(path, &st) != 0) {
            skip++;
            fprintf(stderr, "skip %s:%d %s (needs %s)\n", c->file, c->line, c->name, c->requires);
            free_case(c);
            return;
        }
    }
    if (c->in_set == 2 && c->in.p) {
        /* "<<<esc": the final line break is the block's, not the input's */
        if (c->in.n && c->in.p[c->in.n - 1] == '\n')
            c->in.p[--c->in.n] = '\0';
        unescape(&c->in);
    }
    if (c->in_file && c->in_file[0] != '/') {
        snprintf(path, sizeof(path), "%s/%s", root, c->in_file);
        free(c->in_file);
        c->in_file = xstrdup(path);
    }
    if (check(c)) {
        pass++;
    } else {
        fprintf(stderr, "FAIL %s:%d %s\n", c->file, c->line, c->name);
        fail++;
    }
    free_case(c);
}

static void run_file(const char *path)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0;
    spec_case c;
    str *block = NULL;
    memset(&c, 0, sizeof(c));
    if (!f) {
        fprintf(stderr, "spec_runner: cannot open %s\n", path);
        fail++;
        return;
    }
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (strncmp(line, "===", 3) == 0) {
            finish(&c);
            c.name = xstrdup(line + 3 + (line[3] == ' '));
            c.name[strcspn(c.name, "\n")] = '\0';
            c.file = (char *)path;
            c.line = lineno;
            c.out_mode = -1;
            block = NULL;
        } else if (!c.name) {
            continue; /* preamble */
        } else if (strncmp(line, "$ ", 2) == 0 && !block) {
            free(c.args);
            c.args = xstrdup(line + 2);
            c.args[strcspn(c.args, "\n")] = '\0';
        } else if (strncmp(line, "requires ", 9) == 0 && !block) {
            free(c.requires);
            c.requires = xstrdup(line + 9);
            c.requires[strcspn(c.requires, "\n")] = '\0';
        } else if (strncmp(line, "<<<file ", 8) == 0) {
            c.in_file = xstrdup(line + 8);
            c.in_file[strcspn(c.in_file, "\n")] = '\0';
            block = NULL;
        } else if (strncmp(line, "<<<", 3) == 0) {
            block = &c.in;
            c.in_set = strncmp(line, "<<<esc", 6) == 0 ? 2 : 1;
        } else if (strncmp(line, ">>>=", 4) == 0) {
            c.exit_code = atoi(line + 4);
            block = NULL;
        } else if (strncmp(line, ">>>2", 4) == 0) {
            block = &c.err;
            put(block, "", 0);
        } else if (strncmp(line, ">>>~", 4) == 0) {
            block = &c.out;
            c.out_mode = 1;
            put(block, "", 0);
        } else if (strncmp(line, ">>>!", 4) == 0) {
            block = &c.out_not;
            put(block, "", 0);
        } else if (strncmp(line, ">>>", 3) == 0) {
            block = &c.out;
            c.out_mode = 0;
            put(block, "", 0);
        } else if (block) {
            const char *s = line;
            if (s[0] == '\\' && (s[1] == '=' || s[1] == '$' || s[1] == '<' || s[1] == '>' || s[1] == '\\'))
                s++;
            puts_(block, s);
        }
    }
    finish(&c);
    free(line);
    fclose(f);
}

int main(int argc, char **argv)
{
    int i;
    char abs_exe[4096];
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--exe") == 0 && i + 1 < argc)
            exe = argv[++i];
        else if (strcmp(argv[i], "--root") == 0 && i + 1 < argc)
            root = argv[++i];
        else if (strcmp(argv[i], "--filter") == 0 && i + 1 < argc)
            filter = argv[++i];
        else if (strcmp(argv[i], "--schema-check") == 0 && i + 1 < argc)
            schema_cmd = argv[++i];
        else
            break;
    }
    if (!exe || !root || i >= argc) {
        fprintf(stderr, "usage: spec_runner --exe EXE --root DIR [--filter TEXT] "
                        "[--schema-check CMD] FILE.spec...\n");
        return 2;
    }
    if (exe[0] != '/' && realpath(exe, abs_exe))
        exe = abs_exe;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/storyline-spec-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    if (getenv("SPEC_TIMEOUT"))
        timeout_s = atoi(getenv("SPEC_TIMEOUT"));
    for (; i < argc; i++)
        run_file(argv[i]);
    {
        char cmd[512];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "spec_runner: could not remove %s\n", tmpdir);
    }
    if (schema_cmd)
        fprintf(stderr, "spec: %d digest JSON outputs validated against the schema\n",
                schema_checked);
    printf("spec: %d passed, %d failed, %d skipped\n", pass, fail, skip);
    return fail ? 1 : 0;
}
