/*
 * train_ner: trains the NER model shipped as data/ner/model.txt.
 *
 *   train_ner [--gum FILE] [--out FILE] [--cv K] [--epochs N] [--news GOLD]
 *
 * Reads GUM's CoNLL-U (default ../shared/data/gum/en_gum-ud-dev.conllu),
 * derives gold mentions as bench/gum_ner.h documents, and trains the averaged
 * perceptron of src/analysis/ner.c on every document (plus copies with some
 * sentences in capitals and headline case).  With --cv K it first reports
 * K-fold cross-validated scores by document (documents i, i+K, ... form a
 * fold, so every fold mixes genres); with --news GOLD (bench/data/ner-news/gold.txt) it
 * scores the model trained on all of GUM on that news set.  Deterministic: the same data gives the
 * same model.
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
    const char *news = NULL, *news_dir = "../shared/data/multinews-dev";
    int cv = 0, a;
    gum_train_opts o = {10, 1, 1, 2, 0};
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
        else if (!strcmp(argv[a], "--news-dir") && a + 1 < argc)
            news_dir = argv[++a];
        else if (!strcmp(argv[a], "--seeds") && a + 1 < argc)
            seeds = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--no-augment"))
            o.augment = 0;
        else if (!strcmp(argv[a], "--min-count") && a + 1 < argc)
            o.min_count = atoi(argv[++a]);
        else {
            fprintf(stderr, "usage: train_ner [--gum FILE] [--out FILE] [--cv K] [--epochs N]\n");
            return 2;
        }
    }
    if (gum_load(ctx, gum, &c) != 0) {
        fprintf(stderr, "train_ner: %s: cannot read (GUM is in ../shared/data/gum)\n", gum);
        sl_ctx_free(ctx);
        return 1;
    }
    docs = sl_xmalloc((c.n + 1) * sizeof(*docs));
    for (k = 0; k < c.n; k++) {
        gum_tokenize(ctx, &c.docs[k]);
        docs[k] = &c.docs[k];
    }
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
                gum_doc **tr = sl_xmalloc((c.n + 1) * sizeof(*tr));
                size_t ntr = 0;
                ner_model *m;
                for (k = 0; k < c.n; k++)
                    if ((int)(k % (size_t)cv) != fold)
                        tr[ntr++] = docs[k];
                m = gum_fit(ctx, tr, ntr, &o);
                for (k = 0; k < c.n; k++)
                    if ((int)(k % (size_t)cv) == fold)
                        gum_eval_doc(ctx, m, docs[k], &all);
                ner_model_free(m);
                free(tr);
            }
            if (have_news && seeds > 1) {
                ner_model *m = gum_fit(ctx, docs, c.n, &o);
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
            sl_ctx_free(ctx);
            return 0;
        }
        o.seed = 0;
    }
    if (out || news) {
        ner_model *m = gum_fit(ctx, docs, c.n, &o);
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
                   "# (CC BY); do not edit.  Lines: l = lexicon word hash, t = transition\n"
                   "# weights x1000 from tag (9 = start), f = feature hash and tag:weight x1000.\n");
        ner_model_write(m, f, 0.05f);
        if (fclose(f) != 0)
            return 1;
        ner_model_free(m);
    }
    free(docs);
    gum_free(&c);
    sl_ctx_free(ctx);
    return 0;
}
