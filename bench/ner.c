/*
 * ner: quality and speed of named-entity recognition (bench/ner.md).
 *
 *   ner [--gum FILE] [--news DIR] [--news-gold FILE] [--runs N] [--no-cv]
 *
 * Quality: 5-fold cross-validation by document on GUM dev (documents i,
 * i+5, ... form a fold; gold mentions as bench/gum_ner.h derives them;
 * every fold also trains on the news paragraphs of
 * bench/data/ner-news/train.txt, twice, as the shipped model does),
 * strict span+type P/R/F1 per type and over PERSON+LOCATION+ORGANIZATION,
 * side by side with a baseline: every run of capitalized words that does
 * not start with a sentence-initial stopword, typed by the gazetteers
 * (a country or place entry: LOCATION; an organization entry or head word:
 * ORGANIZATION; else PERSON).  Also untyped span F1, to separate finding
 * names from typing them.
 * News: the shipped model (and the baseline) on the hand-annotated news
 * paragraphs of bench/data/ner-news/gold.txt, each paragraph's whole
 * document tagged as raw text.
 * Speed: the Multi-News dev articles concatenated to 1 MB, read into a
 * corpus once; then the median of N runs of sl_entities_new (tagging every
 * document and merging aliases), of sl_ner_tag on the raw 1 MB (sentence
 * splitting and tokenizing included), and of the baseline on the corpus's
 * tokens.
 */
#include <dirent.h>
#include <time.h>

#include "gum_ner.h"
#include "analysis/sentences.h"
#include "core/doc.h"

static char *unit_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    sl_buf b = SL_BUF_INIT;
    char tmp[65536];
    size_t k;
    if (!f)
        return NULL;
    while ((k = fread(tmp, 1, sizeof(tmp), f)) > 0)
        sl_buf_put(&b, tmp, k);
    fclose(f);
    *len = b.len;
    return sl_buf_detach(&b);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: other jobs on the machine do not count */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The baseline tagger of the header, over a view. */
static size_t baseline(sl_ctx *ctx, const ner_view *v, gum_mention **out)
{
    size_t s, i, n = 0, cap = 0;
    *out = NULL;
    for (s = 0; s < v->nsents; s++) {
        size_t a = v->sent_tok[s], b = v->sent_tok[s + 1];
        for (i = a; i < b;) {
            size_t j;
            unsigned fl = 0;
            gum_mention m;
            if (!(v->toks[i].flags & SL_TOK_CAP) || !(v->toks[i].flags & SL_TOK_WORD) ||
                (i == a && (v->toks[i].flags & SL_TOK_STOP))) {
                i++;
                continue;
            }
            for (j = i; j < b && (v->toks[j].flags & SL_TOK_CAP) && (v->toks[j].flags & SL_TOK_WORD);
                 j++) {
                const char *w = sl_vocab_str(ctx, v->toks[j].norm);
                fl |= ner_word_flags(ctx, w, strlen(w));
            }
            m.start = v->toks[i].start;
            m.end = ner_trim_possessive(v->text, m.start, v->toks[j - 1].end);
            m.type = fl & NER_G_LOC ? NER_LOC : fl & (NER_G_ORG | NER_G_ORGWORD) ? NER_ORG : NER_PER;
            SL_PUSH(*out, n, cap, m);
            i = j;
        }
    }
    return n;
}

static void untyped(gum_score *sc, const gum_mention *g, size_t ng, const gum_mention *p, size_t np)
{
    /* types set to one so that gum_score_add compares spans only */
    gum_mention *g1 = sl_xmalloc((ng + 1) * sizeof(*g1)), *p1 = sl_xmalloc((np + 1) * sizeof(*p1));
    size_t i, k = 0, q = 0;
    for (i = 0; i < ng; i++)
        if (g[i].type != NER_OTH) {
            g1[k] = g[i];
            g1[k++].type = 1;
        }
    for (i = 0; i < np; i++)
        if (p[i].type != NER_OTH) {
            p1[q] = p[i];
            p1[q++].type = 1;
        }
    gum_score_add(sc, g1, k, p1, q);
    free(g1);
    free(p1);
}

static void row(const char *name, const gum_score *sc, const gum_score *span)
{
    double p, r, f, ps, rs, fs;
    int t;
    printf("%-10s", name);
    for (t = 0; t <= NER_NTYPES; t++) {
        gum_prf(sc, t, &p, &r, &f);
        printf(" %6.3f", f);
    }
    gum_prf(sc, 0, &p, &r, &f);
    if (span) {
        gum_prf(span, 1, &ps, &rs, &fs);
        printf("   P %.3f R %.3f   span-F1 %.3f\n", p, r, fs);
    } else {
        printf("   P %.3f R %.3f\n", p, r);
    }
}

int main(int argc, char **argv)
{
    const char *gum = "../shared/data/gum/en_gum-ud-dev.conllu", *news = "../shared/data/multinews-dev";
    const char *news_gold = "bench/data/ner-news/gold.txt",
               *news_train = "bench/data/ner-news/train.txt";
    int runs = 5, a, fold, no_cv = 0;
    sl_ctx *ctx = sl_ctx_new();
    gum_corpus c;
    gum_train_opts o = {6, 1, 1, 2, 0, 2.0f, 5};
    for (a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--gum") && a + 1 < argc)
            gum = argv[++a];
        else if (!strcmp(argv[a], "--news") && a + 1 < argc)
            news = argv[++a];
        else if (!strcmp(argv[a], "--news-gold") && a + 1 < argc)
            news_gold = argv[++a];
        else if (!strcmp(argv[a], "--no-cv"))
            no_cv = 1;
        else if (!strcmp(argv[a], "--runs") && a + 1 < argc)
            runs = atoi(argv[++a]);
    }
    if (runs < 1)
        runs = 1;
    /* ---------------------------------------------------------- quality */
    if (no_cv) {
        ;
    } else if (gum_load(ctx, gum, &c) != 0) {
        printf("ner: %s absent; GUM quality skipped\n", gum);
    } else {
        gum_score mod, base, mods, bases;
        gum_corpus nt;
        gum_doc **docs = sl_xmalloc((c.n + 1) * sizeof(*docs));
        size_t k, i;
        memset(&mod, 0, sizeof(mod));
        memset(&base, 0, sizeof(base));
        memset(&mods, 0, sizeof(mods));
        memset(&bases, 0, sizeof(bases));
        for (k = 0; k < c.n; k++) {
            gum_tokenize(ctx, &c.docs[k]);
            docs[k] = &c.docs[k];
        }
        memset(&nt, 0, sizeof(nt));
        {
            news_set trs;
            if (news_load(news_train, news, &trs) == 0) {
                news_train_docs(ctx, &trs, &nt);
                news_free(&trs);
            } else {
                printf("ner: %s absent; GUM folds trained on GUM alone\n", news_train);
            }
        }
        for (fold = 0; fold < 5; fold++) {
            gum_doc *tr[4096];
            size_t ntr = 0;
            ner_model *m;
            for (k = 0; k < c.n && ntr < 4096; k++)
                if ((int)(k % 5) != fold)
                    tr[ntr++] = docs[k];
            /* the news training paragraphs, twice, as for the shipped model */
            for (k = 0; k < 2 * nt.n && ntr < 4096; k++)
                tr[ntr++] = &nt.docs[k % nt.n];
            m = gum_fit(ctx, tr, ntr, &o);
            for (k = 0; k < c.n; k++) {
                ner_view v;
                ner_mention *ms;
                gum_mention *pm, *bm;
                size_t n, nb;
                if ((int)(k % 5) != fold)
                    continue;
                v = gum_view(docs[k]);
                ner_tag_view(ctx, m, &v, &ms, &n);
                pm = sl_xmalloc((n + 1) * sizeof(*pm));
                for (i = 0; i < n; i++) {
                    pm[i].start = ms[i].start;
                    pm[i].end = ms[i].end;
                    pm[i].type = ms[i].type;
                }
                gum_score_add(&mod, docs[k]->gold, docs[k]->ngold, pm, n);
                untyped(&mods, docs[k]->gold, docs[k]->ngold, pm, n);
                nb = baseline(ctx, &v, &bm);
                gum_score_add(&base, docs[k]->gold, docs[k]->ngold, bm, nb);
                untyped(&bases, docs[k]->gold, docs[k]->ngold, bm, nb);
                free(bm);
                free(pm);
                free(ms);
            }
            ner_model_free(m);
        }
        printf("GUM dev, 5-fold cross-validation by document, strict mention F1\n");
        printf("%-10s %6s %6s %6s %6s %6s\n", "", "P+L+O", "PER", "LOC", "ORG", "OTHER");
        row("model", &mod, &mods);
        row("baseline", &base, &bases);
        free(docs);
        gum_free(&c);
        gum_free(&nt);
    }
    /* ---------------------------------------------------------- news */
    {
        news_set ns;
        if (news_load(news_gold, news, &ns) != 0) {
            printf("ner: %s or %s absent; news quality skipped\n", news_gold, news);
        } else {
            gum_score mod, base;
            size_t k;
            memset(&mod, 0, sizeof(mod));
            memset(&base, 0, sizeof(base));
            news_eval(ctx, NULL, &ns, &mod, NULL);
            for (k = 0; k < ns.n; k++) {
                /* the baseline on the same sentences and tokens */
                const news_para *np = &ns.p[k];
                sl_span *spans = NULL;
                size_t nsp = 0, csp = 0, nt = 0, ct = 0, i, nb, *st;
                sl_token *toks = NULL;
                gum_mention *bm;
                ner_view v;
                sl_sentences_split(ctx, np->text, np->len, 0, &spans, &nsp, &csp);
                st = sl_xcalloc(nsp + 1, sizeof(*st));
                for (i = 0; i < nsp; i++) {
                    st[i] = nt;
                    sl_tokens_scan(ctx, np->text + spans[i].start, spans[i].end - spans[i].start,
                                   spans[i].start, &toks, &nt, &ct);
                }
                st[nsp] = nt;
                v.text = np->text;
                v.len = np->len;
                v.toks = toks;
                v.ntoks = nt;
                v.sent_tok = st;
                v.nsents = nsp;
                v.kinds = NULL;
                nb = baseline(ctx, &v, &bm);
                news_score(&base, np, bm, nb, NULL);
                free(bm);
                free(st);
                free(toks);
                free(spans);
            }
            printf("\nnews: %zu hand-annotated paragraphs of Multi-News dev (%s), strict mention F1\n",
                   ns.n, news_gold);
            printf("%-10s %6s %6s %6s %6s %6s\n", "", "P+L+O", "PER", "LOC", "ORG", "OTHER");
            row("model", &mod, NULL);
            row("baseline", &base, NULL);
            news_free(&ns);
        }
    }
    /* ---------------------------------------------------------- speed */
    {
        DIR *dir = opendir(news);
        sl_buf all = SL_BUF_INIT;
        sl_corpus *corpus;
        char **names = NULL;
        size_t nn = 0, cn = 0, i, target = 1u << 20;
        struct dirent *de;
        double *t1, *t2, *t3, tok_total = 0;
        int r;
        if (!dir) {
            printf("ner: %s absent; speed skipped\n", news);
            sl_ctx_free(ctx);
            return 0;
        }
        while ((de = readdir(dir)) != NULL)
            if (de->d_name[0] != '.' && !strchr(de->d_name, '.')) {
                char *s = sl_xstrdup(de->d_name);
                SL_PUSH(names, nn, cn, s);
            }
        closedir(dir);
        qsort(names, nn, sizeof(*names), (int (*)(const void *, const void *))strcmp);
        corpus = sl_corpus_new(ctx);
        for (i = 0; i < nn && all.len < target; i++) {
            int d;
            for (d = 1; d <= 10 && all.len < target; d++) {
                char path[4096];
                size_t len;
                char *txt;
                FILE *f;
                snprintf(path, sizeof(path), "%s/%s/doc%02d.txt", news, names[i], d);
                f = fopen(path, "rb");
                if (!f)
                    continue;
                fclose(f);
                txt = unit_read(path, &len);
                if (!txt)
                    continue;
                if (all.len + len > target)
                    len = target - all.len;
                sl_buf_put(&all, txt, len);
                sl_buf_putc(&all, '\n');
                sl_corpus_add_buffer(ctx, corpus, path, txt, len, NULL);
                free(txt);
            }
        }
        for (i = 0; i < nn; i++)
            free(names[i]);
        free(names);
        t1 = sl_xcalloc((size_t)runs, sizeof(double));
        t2 = sl_xcalloc((size_t)runs, sizeof(double));
        t3 = sl_xcalloc((size_t)runs, sizeof(double));
        {
            /* warm up: the model and gazetteers are built once per context */
            sl_entities *e = sl_entities_new(ctx, corpus);
            printf("\nspeed: %zu documents, %.2f MB of text, %zu entities\n",
                   sl_corpus_count(corpus), (double)all.len / 1e6, sl_entities_count(e));
            sl_entities_free(e);
        }
        for (r = 0; r < runs; r++) {
            double s0 = now();
            sl_entities *e = sl_entities_new(ctx, corpus);
            sl_mention *ms;
            size_t n, d;
            t1[r] = now() - s0;
            sl_entities_free(e);
            s0 = now();
            sl_ner_tag(ctx, all.ptr, all.len, &ms, &n);
            t2[r] = now() - s0;
            sl_free(ms);
            s0 = now();
            for (d = 0; d < sl_corpus_count(corpus); d++) {
                const sl_doc *doc = sl_corpus_doc(corpus, d);
                ner_view v;
                gum_mention *bm;
                v.text = doc->text.ptr;
                v.len = doc->text.len;
                v.toks = doc->toks;
                v.ntoks = doc->ntoks;
                v.sent_tok = doc->sent_tok;
                v.nsents = doc->sent_tok ? doc->nsents : 0;
                v.kinds = NULL;
                baseline(ctx, &v, &bm);
                free(bm);
            }
            t3[r] = now() - s0;
        }
        (void)tok_total;
        qsort(t1, (size_t)runs, sizeof(double), cmp_d);
        qsort(t2, (size_t)runs, sizeof(double), cmp_d);
        qsort(t3, (size_t)runs, sizeof(double), cmp_d);
        printf("median of %d runs over 1 MB:\n", runs);
        printf("  entities (tag + merge, tokens given) %8.1f ms  %6.1f MB/s\n", t1[runs / 2] * 1e3,
               (double)all.len / 1e6 / t1[runs / 2]);
        printf("  sl_ner_tag on raw text (split+tokenize+tag) %8.1f ms  %6.1f MB/s\n",
               t2[runs / 2] * 1e3, (double)all.len / 1e6 / t2[runs / 2]);
        printf("  baseline capitalized runs (tokens given) %8.1f ms  %6.1f MB/s\n", t3[runs / 2] * 1e3,
               (double)all.len / 1e6 / t3[runs / 2]);
        printf("  ratio entities/baseline: %.1fx\n", t1[runs / 2] / (t3[runs / 2] > 0 ? t3[runs / 2] : 1e-9));
        free(t1);
        free(t2);
        free(t3);
        sl_buf_free(&all);
        sl_corpus_free(corpus);
    }
    sl_ctx_free(ctx);
    return 0;
}
