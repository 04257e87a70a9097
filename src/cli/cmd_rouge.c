/*
 * cmd_rouge.c: `storyline rouge`: ROUGE scores of a system's summaries
 * against reference summaries, with ROUGE-1.5.5's options and figures.
 *
 * Layout (as the issue fixes it): SYSTEM_DIR/<id>.txt are the summaries and
 * REFERENCE_ROOT/<id>/ref*.txt their references.  The library does the
 * scoring (sl_rouge_*); this file reads the files, maps ROUGE's single-dash
 * options onto sl_rouge_opts and prints ROUGE-1.5.5's report lines, a table
 * or JSON.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

enum {
    O_HELP = 1,
    O_NGRAM,
    O_STEM,
    O_STOP,
    O_SKIP,
    O_SKIPU,
    O_NOLCS,
    O_WORDS,
    O_BYTES,
    O_CONF,
    O_RESAMPLES,
    O_FORMULA,
    O_ALPHA,
    O_COUNT,
    O_ALL,
    O_PER,
    O_HOME,
    O_JACK,
    O_SPLIT,
    O_NOSEE,
    O_FORMAT,
    O_OUTPUT
};

static const cli_opt opts[] = {
    {O_NGRAM, 'n', "max-ngram", "N", "ROUGE-1 to ROUGE-N (N <= 8)"},
    {O_STEM, 'm', "stem", NULL, "stem words of 4+ letters (WordNet exceptions, ROUGE's Porter)"},
    {O_STOP, 's', "stopwords", NULL, "(not supported: needs ROUGE's SMART stopword list)"},
    {O_SKIP, '2', "skip-gap", "GAP", "ROUGE-S: skip-bigrams at most GAP words apart (< 0: any)"},
    {O_SKIPU, 'u', "skip-unigrams", NULL, "count unigrams with the skip-bigrams (ROUGE-SU)"},
    {O_NOLCS, 'x', "no-lcs", NULL, "do not compute ROUGE-L"},
    {O_WORDS, 'l', "word-limit", "N", "keep the first N words of each summary and reference"},
    {O_BYTES, 'b', "byte-limit", "N", "keep the first N bytes of each summary and reference"},
    {O_CONF, 'c', "confidence", "CF", "CF% confidence intervals (default 95)"},
    {O_RESAMPLES, 'r', "resamples", "N", "bootstrap samples (default 1000; 0: plain mean)"},
    {O_FORMULA, 'f', "formula", "A|B", "A: pool all references (default); B: best reference"},
    {O_ALPHA, 'p', "alpha", "ALPHA", "F = 1/(ALPHA/P + (1-ALPHA)/R) (default 0.5)"},
    {O_COUNT, 't', "count-mode", "0|1|2", "0: average per summary; 1: pool counts; 2: counts"},
    {O_ALL, 'a', "all", NULL, "evaluate all systems (accepted: SYSTEM_DIR is one system)"},
    {O_PER, 'd', "per-summary", NULL, "also print each summary's scores (text formats)"},
    {O_HOME, 'e', "eval-home", "DIR", "accepted and ignored (ROUGE's data is built in)"},
    {O_JACK, 0, "jackknife", NULL, "average over leave-one-out reference sets (pre-1.4 ROUGE)"},
    {O_SPLIT, 0, "split", NULL, "split files into sentences (default: a line is a sentence)"},
    {O_NOSEE, 0, "no-see-cut", NULL, "keep text after '<' (pyrouge's HTML cuts it)"},
    {O_FORMAT, 0, "format", "FORMAT", "rouge (ROUGE-1.5.5's lines, default), table or json"},
    {O_OUTPUT, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {O_HELP, 'h', "help", NULL, "show this help"},
    {0, 0, NULL, NULL, NULL},
};

/* A whole file; NULL with errno set when it cannot be read. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *p = NULL;
    size_t n = 0, cap = 0, k;
    if (!f)
        return NULL;
    for (;;) {
        if (cap - n < 4096) {
            char *q;
            if (cap >= SL_MAX_DOC_BYTES) {
                free(p);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            cap = cap ? cap * 2 : 65536;
            q = realloc(p, cap + 1);
            if (!q) {
                free(p);
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
        free(p);
        fclose(f);
        errno = EIO;
        return NULL;
    }
    fclose(f);
    p[n] = '\0';
    *len = n;
    return p;
}

static int blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != '\v')
            return 0;
    return 1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir that start with `prefix` and end with ".txt", sorted;
 * regular files only.  Returns -1 with errno when dir cannot be read. */
static int list_txt(const char *dir, const char *prefix, char ***names, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        char *path;
        if (e->d_name[0] == '.' || strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
            !ends_with(e->d_name, ".txt"))
            continue;
        path = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (!path)
            break;
        sprintf(path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (*n >= cap) {
                char **q;
                cap = cap ? cap * 2 : 64;
                q = realloc(*names, cap * sizeof(char *));
                if (!q) {
                    free(path);
                    break;
                }
                *names = q;
            }
            (*names)[(*n)++] = strdup(e->d_name);
        }
        free(path);
    }
    closedir(d);
    if (*n)
        qsort(*names, *n, sizeof(char *), cmp_str);
    return 0;
}

static void free_names(char **names, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static char *join(const char *a, const char *b)
{
    char *p = malloc(strlen(a) + strlen(b) + 2);
    if (!p) {
        cli_error("out of memory");
        exit(EXIT_INTERNAL);
    }
    sprintf(p, "%s/%s", a, b);
    return p;
}

/* Scores SYSTEM_DIR/<id>.txt against REF_ROOT/<id>/ref*.txt; returns
 * EXIT_OK, EXIT_INPUT (this summary was skipped) or EXIT_INTERNAL. */
static int add_summary(sl_ctx *ctx, sl_rouge *r, const char *sys_dir, const char *ref_root,
                       const char *file)
{
    char *path = join(sys_dir, file), *id = strdup(file), *ref_dir, *text, **refs = NULL;
    char **ref_names = NULL;
    size_t len = 0, nref = 0, i, *lens = NULL;
    int rc = EXIT_OK, lrc;

    id[strlen(id) - 4] = '\0';
    ref_dir = join(ref_root, id);
    text = read_all(path, &len);
    if (!text) {
        cli_error("%s: cannot read: %s", path, strerror(errno));
        rc = EXIT_INPUT;
        goto done;
    }
    if (list_txt(ref_dir, "ref", &ref_names, &nref) != 0 || nref == 0) {
        cli_error("%s: no references: no %s/ref*.txt", path, ref_dir);
        rc = EXIT_INPUT;
        goto done;
    }
    refs = calloc(nref, sizeof(char *));
    lens = calloc(nref, sizeof(size_t));
    if (!refs || !lens) {
        cli_error("out of memory");
        exit(EXIT_INTERNAL);
    }
    for (i = 0; i < nref; i++) {
        char *rp = join(ref_dir, ref_names[i]);
        refs[i] = read_all(rp, &lens[i]);
        if (!refs[i]) {
            cli_error("%s: cannot read: %s", rp, strerror(errno));
            rc = EXIT_INPUT;
        } else if (blank(refs[i], lens[i])) {
            cli_error("%s: empty reference (scored as ROUGE-1.5.5 does: no words)", rp);
            rc = EXIT_INPUT;
        }
        free(rp);
        if (!refs[i])
            goto done;
    }
    if (blank(text, len)) {
        cli_error("%s: empty summary (scored 0, as ROUGE-1.5.5 does)", path);
        rc = EXIT_INPUT;
    }
    lrc = sl_rouge_add(r, id, text, len, (const char *const *)refs, lens, nref);
    if (lrc < 0) {
        /* the library's message starts with the id; the path says more */
        const char *msg = sl_errmsg(ctx);
        size_t k = strlen(id);
        if (strncmp(msg, id, k) == 0 && strncmp(msg + k, ": ", 2) == 0)
            msg += k + 2;
        cli_error("%s: %s%s", path, msg, lrc == SL_ETOOBIG ? " (skipped)" : "");
        rc = lrc == SL_ETOOBIG ? EXIT_INPUT : EXIT_INTERNAL;
    }
done:
    for (i = 0; refs && i < nref; i++)
        free(refs[i]);
    free(refs);
    free(lens);
    free_names(ref_names, nref);
    free(text);
    free(ref_dir);
    free(id);
    free(path);
    return rc;
}

static const char *base_name(const char *path)
{
    static char buf[256];
    size_t n = strlen(path);
    const char *s;
    while (n > 1 && path[n - 1] == '/')
        n--;
    s = path + n;
    while (s > path && s[-1] != '/')
        s--;
    n = (size_t)(path + n - s);
    if (n >= sizeof(buf))
        n = sizeof(buf) - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

static void print_rouge(FILE *f, const char *peer, const sl_rouge_opts *o, const sl_rouge_result *res,
                        size_t nm, sl_rouge *r, int per)
{
    size_t k, i, n = sl_rouge_count(r);
    for (k = 0; k < nm; k++) {
        const sl_rouge_result *x = &res[k];
        fputs("---------------------------------------------\n", f);
        if (o->count_mode == 2) {
            fprintf(f, "%s %s M_count: %.0f P_count: %.0f H_count: %.0f\n", peer, x->metric,
                    x->model_count, x->peer_count, x->hits);
        } else {
            const char *lab[3] = {"R", "P", "F"};
            double v[3] = {x->recall, x->precision, x->f};
            double lo[3] = {x->recall_low, x->precision_low, x->f_low};
            double hi[3] = {x->recall_high, x->precision_high, x->f_high};
            int j;
            for (j = 0; j < 3; j++) {
                fprintf(f, "%s %s Average_%s: %.5f", peer, x->metric, lab[j], v[j]);
                if (o->resamples > 0)
                    fprintf(f, " (%g%%-conf.int. %.5f - %.5f)", o->confidence, lo[j], hi[j]);
                fputc('\n', f);
            }
        }
        if (per) {
            fputs(".............................................\n", f);
            for (i = 0; i < n; i++) {
                sl_rouge_result one[SL_ROUGE_MAX_METRICS];
                size_t m;
                if (sl_rouge_instance(r, i, one, &m) != SL_OK)
                    continue;
                if (o->count_mode == 0)
                    fprintf(f, "%s %s Eval %s.%s R:%.5f P:%.5f F:%.5f\n", peer, x->metric,
                            sl_rouge_id(r, i), peer, one[k].recall, one[k].precision, one[k].f);
                else
                    fprintf(f, "%s %s Eval %s.%s M:%.0f P:%.0f H:%.0f\n", peer, x->metric,
                            sl_rouge_id(r, i), peer, one[k].model_count, one[k].peer_count,
                            one[k].hits);
            }
        }
    }
}

static void print_table(FILE *f, const sl_rouge_opts *o, const sl_rouge_result *res, size_t nm,
                        sl_rouge *r, int per)
{
    size_t k, i, n = sl_rouge_count(r);
    fprintf(f, "summaries %zu\n", n);
    fprintf(f, "%-12s %8s %10s %8s", "metric", "recall", "precision", "f");
    if (o->resamples > 0 && o->count_mode != 2)
        fprintf(f, "   %g%% conf. int. of f", o->confidence);
    fputc('\n', f);
    for (k = 0; k < nm; k++) {
        fprintf(f, "%-12s %8.2f %10.2f %8.2f", res[k].metric, 100 * res[k].recall,
                100 * res[k].precision, 100 * res[k].f);
        if (o->resamples > 0 && o->count_mode != 2)
            fprintf(f, "   %.2f - %.2f", 100 * res[k].f_low, 100 * res[k].f_high);
        fputc('\n', f);
    }
    if (per) {
        fprintf(f, "\n%-24s", "summary (f)");
        for (k = 0; k < nm; k++)
            fprintf(f, " %10s", res[k].metric);
        fputc('\n', f);
        for (i = 0; i < n; i++) {
            sl_rouge_result one[SL_ROUGE_MAX_METRICS];
            size_t m;
            if (sl_rouge_instance(r, i, one, &m) != SL_OK)
                continue;
            fprintf(f, "%-24s", sl_rouge_id(r, i));
            for (k = 0; k < m; k++)
                fprintf(f, " %10.2f", 100 * one[k].f);
            fputc('\n', f);
        }
    }
}

static void print_json(FILE *f, const sl_rouge_opts *o, const sl_rouge_result *res, size_t nm)
{
    size_t k;
    fputs("{", f);
    for (k = 0; k < nm; k++) {
        const sl_rouge_result *x = &res[k];
        fprintf(f, "%s\n  \"%s\": {\"recall\": %.5f, \"precision\": %.5f, \"f\": %.5f", k ? "," : "",
                x->metric, x->recall, x->precision, x->f);
        if (o->resamples > 0 && o->count_mode != 2)
            fprintf(f, ", \"recall_ci\": [%.5f, %.5f], \"precision_ci\": [%.5f, %.5f], "
                       "\"f_ci\": [%.5f, %.5f]",
                    x->recall_low, x->recall_high, x->precision_low, x->precision_high, x->f_low,
                    x->f_high);
        fprintf(f, ", \"model_count\": %.0f, \"peer_count\": %.0f, \"hits\": %.0f}", x->model_count,
                x->peer_count, x->hits);
    }
    fputs("\n}\n", f);
}

/* Parses an integer option; 0 on success. */
static int parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v;
    errno = 0;
    v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    static const char *const formats[] = {"rouge", "table", "json", NULL};
    cli_args a;
    const char *arg, *out_path = NULL;
    int id, format = 0, per = 0, set_n = 0, set_skip = 0, set_u = 0, rc = EXIT_OK, orc;
    sl_rouge_opts o = SL_ROUGE_OPTS_INIT;
    sl_rouge_result res[SL_ROUGE_MAX_METRICS];
    size_t nm = 0, nfiles = 0, i;
    char **files = NULL;
    sl_ctx *ctx;
    sl_rouge *r = NULL;
    cli_out out;
    long v;
    double d;

    cli_args_init(&a, cmd->name, argc, argv);
    while ((id = cli_next(&a, cmd->opts, &arg)) > 0) {
        switch (id) {
        case O_HELP: cli_help(cmd); cli_args_free(&a); return EXIT_OK;
        case O_STEM: o.flags |= SL_ROUGE_STEM; break;
        case O_STOP: o.flags |= SL_ROUGE_STOPWORDS; break;
        case O_SKIPU: set_u = 1; break;
        case O_NOLCS: o.flags |= SL_ROUGE_NO_LCS; break;
        case O_ALL: break;
        case O_HOME: break;
        case O_PER: per = 1; break;
        case O_JACK: o.flags |= SL_ROUGE_JACKKNIFE; break;
        case O_SPLIT: o.flags |= SL_ROUGE_SPLIT; break;
        case O_NOSEE: o.flags |= SL_ROUGE_NO_SEE_CUT; break;
        case O_OUTPUT: out_path = arg; break;
        case O_NGRAM:
            if (parse_long(arg, 0, SL_ROUGE_MAX_N, &v) != 0)
                goto bad;
            o.max_ngram = (int)v;
            set_n = 1;
            break;
        case O_SKIP:
            if (parse_long(arg, -1000000000L, 1000000000L, &v) != 0)
                goto bad;
            o.skip_gap = (int)v;
            set_skip = 1;
            break;
        case O_WORDS:
            if (parse_long(arg, 1, 1000000000L, &v) != 0)
                goto bad;
            o.word_limit = (size_t)v;
            break;
        case O_BYTES:
            if (parse_long(arg, 1, 1000000000L, &v) != 0)
                goto bad;
            o.byte_limit = (size_t)v;
            break;
        case O_CONF:
            if (parse_double(arg, 0, 100, &d) != 0)
                goto bad;
            o.confidence = d;
            break;
        case O_RESAMPLES:
            if (parse_long(arg, 0, 1000000, &v) != 0)
                goto bad;
            o.resamples = (int)v;
            break;
        case O_ALPHA:
            if (parse_double(arg, 0, 1, &d) != 0)
                goto bad;
            o.alpha = d;
            break;
        case O_COUNT:
            if (parse_long(arg, 0, 2, &v) != 0)
                goto bad;
            o.count_mode = (int)v;
            break;
        case O_FORMULA:
            if (strcmp(arg, "A") == 0 || strcmp(arg, "a") == 0)
                o.flags &= ~SL_ROUGE_BEST;
            else if (strcmp(arg, "B") == 0 || strcmp(arg, "b") == 0)
                o.flags |= SL_ROUGE_BEST;
            else
                goto bad;
            break;
        case O_FORMAT:
            if ((format = cli_pick(arg, formats)) < 0) {
                cli_args_free(&a);
                return cli_usage_error(cmd->name, "unknown format '%s' (rouge, table or json)", arg);
            }
            break;
        }
        continue;
    bad:
        {
            const cli_opt *op;
            for (op = cmd->opts; op->id && op->id != id; op++)
                ;
            cli_args_free(&a);
            return cli_usage_error(cmd->name, "bad value '%s' for --%s", arg, op->long_name);
        }
    }
    if (id < 0) {
        cli_args_free(&a);
        return EXIT_USAGE;
    }
    if (a.npos != 2) {
        cli_args_free(&a);
        return cli_usage_error(cmd->name, "give SYSTEM_DIR and REFERENCE_ROOT");
    }
    if (o.word_limit && o.byte_limit) {
        cli_args_free(&a);
        return cli_usage_error(cmd->name, "give a limit in words (-l) or in bytes (-b), not both");
    }
    /* ROUGE computes only what it is asked for; with neither -n nor -2 the
     * defaults are ROUGE-1, ROUGE-2 and ROUGE-SU4 */
    if (set_n || set_skip || set_u) {
        if (!set_n)
            o.max_ngram = 0;
        if (set_skip)
            o.flags |= SL_ROUGE_SKIP;
        else
            o.flags &= ~SL_ROUGE_SKIP;
        if (set_u)
            o.flags |= SL_ROUGE_SKIP_UNIGRAMS;
        else
            o.flags &= ~SL_ROUGE_SKIP_UNIGRAMS;
    }
    if ((o.flags & SL_ROUGE_SKIP_UNIGRAMS) && !(o.flags & SL_ROUGE_SKIP)) {
        cli_args_free(&a);
        return cli_usage_error(cmd->name, "-u needs -2 (skip-bigrams)");
    }

    ctx = cli_ctx_new();
    if (sl_rouge_new(ctx, &o, &r) != SL_OK) {
        cli_usage_error(cmd->name, "%s", sl_errmsg(ctx));
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return EXIT_USAGE;
    }
    {
        struct stat st;
        if (stat(a.pos[1], &st) != 0 || !S_ISDIR(st.st_mode)) {
            cli_error("%s: cannot open reference root: %s", a.pos[1],
                      errno && stat(a.pos[1], &st) != 0 ? strerror(errno) : "not a directory");
            rc = EXIT_NOINPUT;
            goto finish;
        }
    }
    if (list_txt(a.pos[0], "", &files, &nfiles) != 0) {
        cli_error("%s: cannot open system directory: %s", a.pos[0], strerror(errno));
        rc = EXIT_NOINPUT;
        goto finish;
    }
    if (nfiles == 0) {
        cli_error("%s: no system summaries (*.txt)", a.pos[0]);
        rc = EXIT_NOINPUT;
        goto finish;
    }
    for (i = 0; i < nfiles; i++) {
        int one = add_summary(ctx, r, a.pos[0], a.pos[1], files[i]);
        if (one == EXIT_INTERNAL) {
            rc = EXIT_INTERNAL;
            goto finish;
        }
        if (one != EXIT_OK)
            rc = EXIT_INPUT;
    }
    if (sl_rouge_average(r, res, &nm) != SL_OK) {
        cli_error("%s: no summary could be scored", a.pos[0]);
        rc = EXIT_NOINPUT;
        goto finish;
    }
    if ((orc = cli_out_open(&out, out_path)) != EXIT_OK) {
        rc = orc;
        goto finish;
    }
    if (format == 2)
        print_json(out.f, &o, res, nm);
    else if (format == 1)
        print_table(out.f, &o, res, nm, r, per);
    else
        print_rouge(out.f, base_name(a.pos[0]), &o, res, nm, r, per);
    orc = cli_out_close(&out);
    if (orc != EXIT_OK)
        rc = orc;
finish:
    free_names(files, nfiles);
    sl_rouge_free(r);
    sl_ctx_free(ctx);
    cli_args_free(&a);
    return rc;
}

const cli_cmd cmd_rouge = {
    "rouge",
    "Score summaries against references with ROUGE (ROUGE-1.5.5's figures).",
    "[OPTIONS] SYSTEM_DIR REFERENCE_ROOT",
    "Scores each summary SYSTEM_DIR/<id>.txt against its references\n"
    "REFERENCE_ROOT/<id>/ref*.txt and prints the averages of ROUGE-N, ROUGE-L and\n"
    "ROUGE-S(U) recall, precision and F as the reference ROUGE-1.5.5 script gives\n"
    "them: its tokenization (ASCII letters and digits), its stemmer (-m: WordNet's\n"
    "irregular forms, then its Porter variant), its -l/-b truncation of summaries\n"
    "and references, its formulas, and its bootstrap mean and confidence interval\n"
    "(seeded as the script seeds Perl, so the figures are the script's own).\n"
    "The options are the script's.  With neither -n nor -2 the metrics are\n"
    "ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 (-n 2 -2 4 -u).  storyline's\n"
    "benchmarks use -n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100 -a.\n\n"
    "Each line of a file is a sentence, as in the script's input (pyrouge writes\n"
    "one line per sentence); --split splits the text with storyline's sentence\n"
    "splitter instead.  Sentences matter only for ROUGE-L (the union LCS of each\n"
    "reference sentence with the system's sentences); n-grams run across them.\n"
    "As with pyrouge's HTML, a sentence ends at a '<' unless --no-see-cut.\n"
    "Summaries are averaged in the byte order of their <id>s.\n\n"
    "Output: --format rouge prints the script's lines ('SYS ROUGE-1 Average_R:\n"
    "0.34650 (95%-conf.int. 0.32905 - 0.36375)', SYS being SYSTEM_DIR's name);\n"
    "table prints percentages; json prints {\"ROUGE-1\": {\"recall\", \"precision\",\n"
    "\"f\", \"recall_ci\", ...}, ...} with fractions from 0 to 1, the metrics in\n"
    "the order above.  An empty summary or reference is scored (0, as the script\n"
    "does) and reported with exit status 1; so is a summary without references,\n"
    "which is left out.\n",
    "  storyline rouge -n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100 -a sys/ refs/\n"
    "  storyline rouge --format json sys/ refs/\n"
    "  storyline rouge -n 1 -x --format table sys/ refs/\n",
    opts,
    run,
};
