/*
 * bench/throughput.c: speed of the per-document text pipeline.
 *
 *   throughput [--data DIR] [--runs N] [--rounds N] [--stage NAME]
 *
 * Reads every plain-text document of DIR/multinews-dev (doc*.txt) into
 * memory, then times, on one core, in the same run:
 *   - baselines: a memcpy + UTF-8 validation pass, and a `wc -w`-like pass
 *     (words counted at white-space transitions) over the same bytes;
 *   - stages alone, on the raw bytes: sl_repair, sl_split_sentences,
 *     sl_tokenize;
 *   - the whole pipeline: sl_corpus_add_buffer per document (decode + repair
 *     + clean + sentences + tokens + date), each file as its own document,
 *     and all files concatenated into one document.
 * Time is CPU time of the process (CLOCK_PROCESS_CPUTIME_ID), so other load
 * on the machine disturbs it less than wall time.
 * Each measurement is `rounds` passes over all documents; it is repeated
 * `runs` times after one warm-up run, and the median is reported in MB/s
 * (10^6 bytes of input per second), with the ratio to the memcpy baseline.
 * Peak resident memory (getrusage ru_maxrss) is printed at the end.  One
 * context is used throughout, as an application would (its vocabulary
 * fills during the warm-up).  --stage runs only one measurement (for perf).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "storyline.h"

typedef struct doc {
    char *name;
    char *text;
    size_t len;
} doc;

static doc *docs;
static size_t ndocs, cdocs, total_bytes;
static char *all_text;   /* the documents concatenated, separated by blank lines */
static size_t all_len;
static volatile size_t sink; /* keeps the baselines from being optimized away */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *p;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    p = malloc((size_t)n + 1);
    if (!p || fread(p, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(p);
        return NULL;
    }
    fclose(f);
    p[n] = '\0';
    *len = (size_t)n;
    return p;
}

/* Loads DIR/multinews-dev/<cluster>/doc*.txt in sorted order. */
static int load(const char *dir)
{
    char path[2048];
    DIR *d;
    struct dirent *e;
    char **clusters = NULL;
    size_t nc = 0, cc = 0, i;
    snprintf(path, sizeof(path), "%s/multinews-dev", dir);
    if (!(d = opendir(path)))
        return -1;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (nc == cc) {
            cc = cc ? cc * 2 : 128;
            clusters = realloc(clusters, cc * sizeof(*clusters));
        }
        clusters[nc++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(clusters, nc, sizeof(*clusters), cmp_str);
    for (i = 0; i < nc; i++) {
        char **names = NULL;
        size_t nn = 0, cn = 0, k;
        snprintf(path, sizeof(path), "%s/multinews-dev/%s", dir, clusters[i]);
        if (!(d = opendir(path)))
            continue;
        while ((e = readdir(d)) != NULL) {
            if (strncmp(e->d_name, "doc", 3) != 0 || !strstr(e->d_name, ".txt"))
                continue;
            if (nn == cn) {
                cn = cn ? cn * 2 : 16;
                names = realloc(names, cn * sizeof(*names));
            }
            names[nn++] = strdup(e->d_name);
        }
        closedir(d);
        qsort(names, nn, sizeof(*names), cmp_str);
        for (k = 0; k < nn; k++) {
            doc dc;
            snprintf(path, sizeof(path), "%s/multinews-dev/%s/%s", dir, clusters[i], names[k]);
            dc.text = read_file(path, &dc.len);
            if (dc.text) {
                dc.name = strdup(path);
                if (ndocs == cdocs) {
                    cdocs = cdocs ? cdocs * 2 : 256;
                    docs = realloc(docs, cdocs * sizeof(*docs));
                }
                docs[ndocs++] = dc;
                total_bytes += dc.len;
            }
            free(names[k]);
        }
        free(names);
        free(clusters[i]);
    }
    free(clusters);
    all_text = malloc(total_bytes + 2 * ndocs + 1);
    for (i = 0; i < ndocs; i++) {
        memcpy(all_text + all_len, docs[i].text, docs[i].len);
        all_len += docs[i].len;
        memcpy(all_text + all_len, "\n\n", 2);
        all_len += 2;
    }
    return ndocs ? 0 : -1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ------------------------------------------------------------------ measurements */

typedef void (*pass_fn)(sl_ctx *ctx);

static void pass_memcpy(sl_ctx *ctx)
{
    size_t i, valid = 0;
    static char *buf;
    static size_t cap;
    (void)ctx;
    for (i = 0; i < ndocs; i++) {
        const unsigned char *s;
        size_t k = 0, n = docs[i].len;
        if (cap < n) {
            cap = n;
            buf = realloc(buf, cap);
        }
        memcpy(buf, docs[i].text, n);
        s = (const unsigned char *)buf;
        /* UTF-8 validation, as the decoder's first pass does */
        while (k < n) {
            if (s[k] < 0x80) {
                k++;
            } else if ((s[k] & 0xE0) == 0xC0 && k + 1 < n && (s[k + 1] & 0xC0) == 0x80) {
                k += 2;
            } else if ((s[k] & 0xF0) == 0xE0 && k + 2 < n && (s[k + 1] & 0xC0) == 0x80 &&
                       (s[k + 2] & 0xC0) == 0x80) {
                k += 3;
            } else if ((s[k] & 0xF8) == 0xF0 && k + 3 < n && (s[k + 1] & 0xC0) == 0x80) {
                k += 4;
            } else {
                k++;
            }
        }
        valid += k;
    }
    sink += valid;
}

static void pass_wc(sl_ctx *ctx)
{
    size_t i, k, words = 0;
    (void)ctx;
    for (i = 0; i < ndocs; i++) {
        int in = 0;
        for (k = 0; k < docs[i].len; k++) {
            char c = docs[i].text[k];
            int sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (!sp && !in)
                words++;
            in = !sp;
        }
    }
    sink += words;
}

static void pass_repair(sl_ctx *ctx)
{
    size_t i;
    for (i = 0; i < ndocs; i++) {
        char *out;
        size_t n;
        sl_repair(ctx, docs[i].text, docs[i].len, 0, &out, &n);
        sink += n;
        sl_free(out);
    }
}

static void pass_sentences(sl_ctx *ctx)
{
    size_t i;
    for (i = 0; i < ndocs; i++) {
        sl_span *sp;
        size_t n;
        sl_split_sentences(ctx, docs[i].text, docs[i].len, &sp, &n);
        sink += n;
        sl_free(sp);
    }
}

static void pass_tokens(sl_ctx *ctx)
{
    size_t i;
    for (i = 0; i < ndocs; i++) {
        sl_token *tk;
        size_t n;
        sl_tokenize(ctx, docs[i].text, docs[i].len, &tk, &n);
        sink += n;
        sl_free(tk);
    }
}

static void pass_pipeline(sl_ctx *ctx)
{
    sl_corpus *c = sl_corpus_new(ctx);
    sl_ingest_opts o = SL_INGEST_OPTS_INIT;
    size_t i;
    o.format = "text";
    for (i = 0; i < ndocs; i++)
        sl_corpus_add_buffer(ctx, c, docs[i].name, docs[i].text, docs[i].len, &o);
    sink += sl_corpus_count(c);
    sl_corpus_free(c);
}

static void pass_pipeline_one(sl_ctx *ctx)
{
    sl_corpus *c = sl_corpus_new(ctx);
    sl_ingest_opts o = SL_INGEST_OPTS_INIT;
    o.format = "text";
    sl_corpus_add_buffer(ctx, c, "all.txt", all_text, all_len, &o);
    sink += sl_doc_sentence_count(sl_corpus_doc(c, 0));
    sl_corpus_free(c);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Median MB/s of `runs` timed runs of `rounds` passes (after a warm-up). */
static double measure(sl_ctx *ctx, pass_fn f, int runs, int rounds, size_t bytes, double *spread)
{
    double *v = malloc((size_t)runs * sizeof(*v)), med;
    int r, k;
    f(ctx);
    for (r = 0; r < runs; r++) {
        double t0 = now();
        for (k = 0; k < rounds; k++)
            f(ctx);
        v[r] = (double)bytes * rounds / (now() - t0) / 1e6;
    }
    qsort(v, (size_t)runs, sizeof(*v), cmp_double);
    med = v[runs / 2];
    *spread = (v[runs - 1] - v[0]) / med * 100.0;
    free(v);
    return med;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        pass_fn f;
        int scale; /* relative rounds: fast passes get more */
        const char *what;
    } passes[] = {
        {"memcpy", pass_memcpy, 20, "baseline: memcpy + UTF-8 validation"},
        {"wc", pass_wc, 20, "baseline: wc -w-like word count"},
        {"repair", pass_repair, 1, "sl_repair (decode + repair) alone"},
        {"sentences", pass_sentences, 4, "sl_split_sentences alone, raw text"},
        {"tokens", pass_tokens, 1, "sl_tokenize alone, raw text"},
        {"pipeline", pass_pipeline, 1, "pipeline, one document per file"},
        {"pipeline-one", pass_pipeline_one, 1, "pipeline, all files as one document"},
    };
    const char *dir = "../shared/data", *only = NULL;
    int runs = 7, rounds = 2, i;
    double base = 0;
    struct rusage ru;
    sl_ctx *ctx;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--stage") == 0 && i + 1 < argc)
            only = argv[++i];
        else {
            fprintf(stderr, "usage: throughput [--data DIR] [--runs N] [--rounds N] [--stage NAME]\n");
            return 2;
        }
    }
    if (runs < 1)
        runs = 1;
    if (rounds < 1)
        rounds = 1;
    if (load(dir) != 0) {
        printf("throughput: %s/multinews-dev absent, skipped\n", dir);
        return 0;
    }
    ctx = sl_ctx_new();
    printf("throughput: %zu documents, %.2f MB of plain text (%s/multinews-dev); median of %d runs\n",
           ndocs, (double)total_bytes / 1e6, dir, runs);
    for (i = 0; i < (int)(sizeof(passes) / sizeof(passes[0])); i++) {
        double spread, mbs;
        if (only && strcmp(only, passes[i].name) != 0)
            continue;
        mbs = measure(ctx, passes[i].f, runs, rounds * passes[i].scale,
                      strcmp(passes[i].name, "pipeline-one") == 0 ? all_len : total_bytes, &spread);
        if (i == 0)
            base = mbs;
        printf("  %-13s %9.1f MB/s", passes[i].name, mbs);
        if (base > 0)
            printf("  (%6.4fx memcpy)", mbs / base);
        printf("  spread %4.1f%%  %s\n", spread, passes[i].what);
    }
    getrusage(RUSAGE_SELF, &ru);
    printf("  peak memory (ru_maxrss): %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    sl_ctx_free(ctx);
    for (i = 0; i < (int)ndocs; i++) {
        free(docs[i].name);
        free(docs[i].text);
    }
    free(docs);
    free(all_text);
    return 0;
}
