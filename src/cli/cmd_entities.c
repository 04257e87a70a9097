/*
 * cmd_entities.c: `storyline entities`: the people, places, organizations
 * and other named things of the articles, with their aliases merged across
 * documents.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { O_HELP = 1, O_FORMAT, O_OUTPUT, O_MENTIONS, O_INPUT_FORMAT };

static const cli_opt opts[] = {
    {O_FORMAT, 'f', "format", "FORMAT", "output format: text (default) or json"},
    {O_MENTIONS, 'm', "mentions", NULL,
     "also list every mention (with one stdin input: offsets into the input as given)"},
    {O_INPUT_FORMAT, 0, "input-format", "FMT", "read inputs as text, html, json, jsonl or multinews"},
    {O_OUTPUT, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {O_HELP, 'h', "help", NULL, "show this help"},
    {0, 0, NULL, NULL, NULL},
};

/* Reads all of stdin; NULL on a read error. */
static char *read_stdin(size_t *len)
{
    size_t n = 0, cap = 65536, k;
    char *p = malloc(cap + 1);
    if (!p)
        return NULL;
    while ((k = fread(p + n, 1, cap - n, stdin)) > 0) {
        n += k;
        if (n == cap) {
            char *q;
            if (cap > ((size_t)1 << 31)) {
                free(p);
                return NULL;
            }
            cap *= 2;
            q = realloc(p, cap + 1);
            if (!q) {
                free(p);
                return NULL;
            }
            p = q;
        }
    }
    if (ferror(stdin)) {
        free(p);
        return NULL;
    }
    p[n] = '\0';
    *len = n;
    return p;
}

static void put_text_line(FILE *f, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        fputc(s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i], f);
}

static void print_text(FILE *f, const sl_entities *e, const sl_corpus *c, int mentions)
{
    size_t i, j, n = sl_entities_count(e);
    if (!n) {
        fputs("no entities found\n", f);
        return;
    }
    fprintf(f, "%-32s %-12s %8s %5s %9s  %s\n", "ENTITY", "TYPE", "MENTIONS", "DOCS", "SALIENCE",
            "ALIASES");
    for (i = 0; i < n; i++) {
        const sl_entity *en = sl_entities_get(e, i);
        fprintf(f, "%-32s %-12s %8zu %5zu %9.4f  ", en->name, sl_entity_type_name(en->type),
                en->nmentions, en->ndocs, en->salience);
        for (j = 0; j < en->naliases; j++)
            fprintf(f, "%s%s", j ? "; " : "", en->aliases[j]);
        fputc('\n', f);
        if (mentions)
            for (j = 0; j < en->nmentions; j++) {
                const sl_mention *m = &en->mentions[j];
                size_t len;
                const char *text = sl_doc_text(sl_corpus_doc(c, m->doc), &len);
                fprintf(f, "    %s %zu-%zu ", sl_doc_id(sl_corpus_doc(c, m->doc)), m->start, m->end);
                if (m->end <= len)
                    put_text_line(f, text + m->start, m->end - m->start);
                fputc('\n', f);
            }
    }
}

static int run(const cli_cmd *cmd, int argc, char **argv)
{
    static const char *const formats[] = {"text", "json", NULL};
    cli_args a;
    const char *arg, *out_path = NULL;
    int id, format = 0, mentions = 0, rc, orc, from_stdin;
    sl_ingest_opts io = SL_INGEST_OPTS_INIT;
    sl_ctx *ctx;
    sl_corpus *c;
    sl_entities *ents;
    cli_out out;
    char *raw = NULL, *json = NULL;
    size_t raw_len = 0, json_len = 0, i;
    sl_mention *flat = NULL;
    size_t nflat = 0;

    cli_args_init(&a, cmd->name, argc, argv);
    while ((id = cli_next(&a, cmd->opts, &arg)) > 0) {
        switch (id) {
        case O_HELP: cli_help(cmd); cli_args_free(&a); return EXIT_OK;
        case O_MENTIONS: mentions = 1; break;
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
    from_stdin = mentions && (a.npos == 0 || (a.npos == 1 && strcmp(a.pos[0], "-") == 0));
    ctx = cli_ctx_new();
    c = sl_corpus_new(ctx);
    if (from_stdin) {
        /* the bytes as given, for offsets into the input */
        raw = read_stdin(&raw_len);
        if (!raw) {
            cli_error("-: cannot read standard input");
            rc = EXIT_NOINPUT;
        } else {
            int r = sl_corpus_add_buffer(ctx, c, "-", raw, raw_len, &io);
            rc = sl_corpus_count(c) == 0 ? EXIT_NOINPUT : r < 0 || sl_corpus_failures(c) ? EXIT_INPUT : EXIT_OK;
            if (sl_corpus_count(c) == 0 && r == 0)
                cli_error("no documents in the input");
        }
    } else {
        rc = cli_read_inputs(ctx, c, a.pos, a.npos, &io);
    }
    if (rc == EXIT_NOINPUT || (orc = cli_out_open(&out, out_path)) != EXIT_OK) {
        free(raw);
        sl_corpus_free(c);
        sl_ctx_free(ctx);
        cli_args_free(&a);
        return rc == EXIT_NOINPUT ? rc : orc;
    }
    ents = sl_entities_new(ctx, c);
    if (!ents || (from_stdin && sl_ner_tag(ctx, raw, raw_len, &flat, &nflat) != SL_OK) ||
        (format == 1 && sl_entities_json(ents, c, &json, &json_len) != SL_OK)) {
        cli_error("entities: %s", sl_errmsg(ctx));
        rc = EXIT_INTERNAL;
    } else if (format == 1) {
        if (from_stdin) {
            /* the object, with the flat mention list before its closing brace */
            size_t end = json_len;
            while (end && json[end - 1] != '}')
                end--;
            fwrite(json, 1, end ? end - 1 : 0, out.f);
            fputs(",\n\"mentions\": [", out.f);
            for (i = 0; i < nflat; i++) {
                fprintf(out.f, "%s\n  {\"start\": %zu, \"end\": %zu, \"type\": \"%s\", \"text\": ",
                        i ? "," : "", flat[i].start, flat[i].end, sl_entity_type_name(flat[i].type));
                cli_json_str(out.f, raw + flat[i].start, flat[i].end - flat[i].start);
                fputc('}', out.f);
            }
            fputs(nflat ? "\n]}\n" : "]}\n", out.f);
        } else {
            fwrite(json, 1, json_len, out.f);
        }
    } else {
        print_text(out.f, ents, c, mentions && !from_stdin);
        if (from_stdin) {
            fputs("\nMENTIONS (byte offsets into the input)\n", out.f);
            for (i = 0; i < nflat; i++) {
                fprintf(out.f, "%zu-%zu %-12s ", flat[i].start, flat[i].end,
                        sl_entity_type_name(flat[i].type));
                put_text_line(out.f, raw + flat[i].start, flat[i].end - flat[i].start);
                fputc('\n', out.f);
            }
        }
    }
    orc = cli_out_close(&out);
    sl_free(json);
    sl_free(flat);
    sl_entities_free(ents);
    free(raw);
    sl_corpus_free(c);
    sl_ctx_free(ctx);
    cli_args_free(&a);
    return orc != EXIT_OK ? orc : rc;
}

const cli_cmd cmd_entities = {
    "entities",
    "List the people, places and organizations, aliases merged.",
    "[OPTIONS] [FILE|DIR|-]...",
    "Finds the named entities of the articles (PERSON, LOCATION, ORGANIZATION,\n"
    "OTHER) and merges their aliases across documents: spelling variants (\"Kim\n"
    "Jong Un\", \"Kim Jong-un\"), titles (\"President Moon\"), surnames alone when\n"
    "only one person fits, acronyms and near-spellings, while different people\n"
    "who share a name part stay apart.  Each entity has a canonical name, a type,\n"
    "its aliases, its documents, its mentions and a salience (1 for the most\n"
    "prominent; captions count less).  Titles and roles are no part of a name,\n"
    "and nationality or party words (\"South Korean\", \"Republicans\") are no\n"
    "entities.  Entities are listed by salience, then name.\n\n"
    "With --format json: {\"entities\": [{\"name\", \"type\", \"aliases\", \"docs\",\n"
    "\"mentions\": [{\"doc\", \"start\", \"end\", \"text\"}], \"salience\"}]}, offsets into\n"
    "each document's cleaned text.  With --mentions and one input on standard\n"
    "input, also a flat \"mentions\" list [{\"start\", \"end\", \"type\", \"text\"}]\n"
    "with byte offsets into the input exactly as given.\n",
    "  storyline entities articles/\n"
    "  storyline entities --format json story.jsonl\n"
    "  echo 'President Moon Jae-in met Kim Jong Un.' | storyline entities --mentions -f json\n",
    opts,
    run,
};
