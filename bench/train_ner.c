/*
 * train_ner: trains the NER model shipped as data/ner/model.txt.
 *
 *   train_ner [--gum FILE] [--news-train FILE] [--news-weight N] [--out FILE]
 *             [--cv K] [--seeds N] [--epochs N] [--news GOLD] [--news-dir DIR]
 *
 * Reads GUM's CoNLL-U (default ../shared/data/gum/en_gum-ud-dev.conllu),
 * derives gold mentions as bench/gum_ner.h documents, and trains the averaged
 * perceptron of src/analysis/ner.c on every document (plus copies with some
 * sentences in capitals and headline case).  With --news-train FILE
 * (bench/data/ner-news/train.txt) the hand-annotated news paragraphs join
 * the training data, each --news-weight times.  With --cv K it first reports
 * K-fold cross-validated scores by document on GUM (documents i, i+K, ...
 * form a fold, so every fold mixes genres; the news paragraphs are in every
 * fold's training data and never scored), pooled over --seeds shuffles;
 * with --news GOLD (bench/data/ner-news/gold.txt, held out) it scores the
 * model trained on everything on that news set.  NER_ERRORS=1 in the
 * environment lists the news misses and false alarms on stderr.
 * Deterministic: the same data gives the same model.
 *
 * The shipped model: train_ner --news-train bench/data/ner-news/train.txt
 *                    --news-weight 2 --epochs 6 --out data/ner/model.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gum_ner.h"

static void print_score(const char *what, const gum_score *sc)
{
    static const char *const names[] = {"ALL(P+L+O)", "PERSON", "LOCATION", "ORGANIZATION", "OTHER"};
    int t;
    printf("%s\n", what);
    for (t = 0; t <= NER_NTYPES; t++) {
        double p, r, f;
        gum_prf(sc, t, &p, &r, &f);
        printf("  %-13s P %.3f  R %.3f  F1 %.3f\n", names[t], p, r, f);
    }
}

int main(int argc, char **argv)
{
    const char *gum = "../shared/data/gum/en_gum-ud-dev.conllu", *out = NULL;
    const char *news = NULL, *news_dir = "../shared/data/multinews-dev", *news_train = NULL;
    gum_corpus nt;
    size_t nbase;
    int news_weight = 1, w;
    int cv = 0, a;
    gum_train_opts o = {6, 1, 1, 2, 0, 2.0f, 5};
    int seeds = 1, sd;
    gum_corpus c;
    sl_ctx *ctx = sl_ctx_new();
    gum_doc **docs;
    size_t k;
    for (a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--gum") && a + 1 < argc)
            gum = argv[++a];
        else if (!strcmp(argv[a], "--out") && a + 1 < argc)
            out = argv[++a];
        else if (!strcmp(argv[a], "--cv") && a + 1 < argc)
            cv = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--epochs") && a + 1 < argc)
            o.epochs = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--news") && a + 1 < argc)
            news = argv[++a];
        else if (!strcmp(argv[a], "--news-train") && a + 1 < argc)
            news_train = argv[++a];
        else if (!strcmp(argv[a], "--ensemble") && a + 1 < argc)
            o.ensemble = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--min-weight") && a + 1 < argc)
            o.min_abs = (float)atof(argv[++a]);
        else if (!strcmp(argv[a], "--news-weight") && a + 1 < argc)
            news_weight = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--news-dir") && a + 1 < argc)
            news_dir = argv[++a];
        else if (!strcmp(argv[a], "--seeds") && a + 1 < argc)
            seeds = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--no-augment"))
            o.augment = 0;
        else if (!strcmp(argv[a], "--min-count") && a + 1 < argc)
            o.min_count = atoi(argv[++a]);
        else {
            fprintf(stderr, "usage: train_ner [--gum FILE] [--news-train FILE] [--news-weight N] "
                            "[--out FILE] [--cv K] [--seeds N] [--epochs N] [--news GOLD] "
                            "[--news-dir DIR]\n");
            return 2;
        }
    }
    if (gum_load(ctx, gum, &c) != 0) {
        fprintf(stderr, "train_ner: %s: cannot read (GUM is in ../shared/data/gum)\n", gum);
        sl_ctx_free(ctx);
        return 1;
    }
    memset(&nt, 0, sizeof(nt));
    if (news_train) {
        news_set tr;
        if (news_load(news_train, news_dir, &tr) != 0) {
            fprintf(stderr, "train_ner: %s: cannot read (or a document is missing)\n", news_train);
            return 1;
        }
        if (tr.unfound)
            fprintf(stderr, "train_ner: %zu mentions of %s not found\n", tr.unfound, news_train);
        news_train_docs(ctx, &tr, &nt);
        news_free(&tr);
    }
    if (news_weight < 1)
        news_weight = 1;
    docs = sl_xmalloc((c.n + nt.n * (size_t)news_weight + 1) * sizeof(*docs));
    for (k = 0; k < c.n; k++) {
        gum_tokenize(ctx, &c.docs[k]);
        docs[k] = &c.docs[k];
    }
    /* news training documents come after GUM's: in every fold's training
     * set, never scored by the GUM cross-validation */
    nbase = c.n;
    for (w = 0; w < news_weight; w++)
        for (k = 0; k < nt.n; k++)
            docs[nbase + (size_t)w * nt.n + k] = &nt.docs[k];
    nt.n *= (size_t)news_weight; /* counted with repeats below; freed as one */
    if (cv > 1) {
        /* pooled over --seeds shuffles: small data makes one run noisy */
        gum_score all, nsc;
        news_set ns;
        int fold, have_news = news && news_load(news, news_dir, &ns) == 0;
        memset(&all, 0, sizeof(all));
        memset(&nsc, 0, sizeof(nsc));
        for (sd = 0; sd < (seeds > 0 ? seeds : 1); sd++) {
            o.seed = (unsigned)sd;
            for (fold = 0; fold < cv; fold++) {
                gum_doc **tr = sl_xmalloc((c.n + nt.n + 1) * sizeof(*tr));
                size_t ntr = 0;
                ner_model *m;
                for (k = 0; k < c.n; k++)
                    if ((int)(k % (size_t)cv) != fold)
                        tr[ntr++] = docs[k];
                for (k = 0; k < nt.n; k++)
                    tr[ntr++] = docs[nbase + k];
                m = gum_fit(ctx, tr, ntr, &o);
                for (k = 0; k < c.n; k++)
                    if ((int)(k % (size_t)cv) == fold)
                        gum_eval_doc(ctx, m, docs[k], &all);
                ner_model_free(m);
                free(tr);
            }
            if (have_news && seeds > 1) {
                ner_model *m = gum_fit(ctx, docs, c.n + nt.n, &o);
                news_eval(ctx, m, &ns, &nsc, NULL);
                ner_model_free(m);
            }
        }
        print_score("cross-validated by document", &all);
        if (have_news && seeds > 1)
            print_score("news, pooled over the seeds", &nsc);
        if (have_news)
            news_free(&ns);
        if (seeds > 1 && !out) {
            free(docs);
            gum_free(&c);
            nt.n /= (size_t)news_weight;
            gum_free(&nt);
            sl_ctx_free(ctx);
            return 0;
        }
        o.seed = 0;
    }
    if (out || news) {
        ner_model *m = gum_fit(ctx, docs, c.n + nt.n, &o);
        news_set ns;
        FILE *f;
        if (news && news_load(news, news_dir, &ns) == 0) {
            gum_score sc;
            memset(&sc, 0, sizeof(sc));
            news_eval(ctx, m, &ns, &sc, getenv("NER_ERRORS") ? stderr : NULL);
            if (ns.unfound)
                printf("news: %zu gold mentions not found in their paragraphs\n", ns.unfound);
            print_score("news (bench/data/ner-news), model trained on all of GUM", &sc);
            news_free(&ns);
        }
        if (!out) {
            ner_model_free(m);
            free(docs);
            gum_free(&c);
            nt.n /= (size_t)news_weight;
            gum_free(&nt);
            sl_ctx_free(ctx);
            return 0;
        }
        f = fopen(out, "w");
        if (!f) {
            fprintf(stderr, "train_ner: %s: cannot write\n", out);
            return 1;
        }
        fprintf(f, "# NER model of storyline: averaged perceptron over hashed features\n"
                   "# (src/analysis/ner.c).  Generated by bench/train_ner.c from GUM dev\n"
                   "# (CC BY) and hand-annotated news paragraphs; do not edit.  Lines: l = lexicon word hash, t = transition\n"
                   "# weights x1000 from tag (9 = start), f = feature hash and tag:weight x1000.\n");
        ner_model_write(m, f, o.min_abs);
        if (fclose(f) != 0)
            return 1;
        ner_model_free(m);
    }
    free(docs);
    gum_free(&c);
    nt.n /= (size_t)news_weight;
    gum_free(&nt);
    sl_ctx_free(ctx);
    return 0;
}
