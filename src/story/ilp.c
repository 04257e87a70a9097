/*
 * ilp.c: concept coverage solved exactly as an integer linear program
 * (Gillick and Favre 2009, "A scalable global model for summarization"),
 * with GLPK's branch and cut:
 *
 *   maximize    sum_i w_i c_i + sum_j b_j s_j
 *   subject to  sum_j len_j s_j <= L             (each budget in force)
 *               sum_j Occ_ij s_j >= c_i           (a concept counts only if covered)
 *               s_a + s_b <= 1                    (for each redundant pair)
 *               c_i, s_j in {0, 1}
 *
 * Concepts are bigrams of stems within a sentence (punctuation breaks them;
 * two stopwords are not a concept), weighted by the number of documents that
 * hold them; a concept must be in ILP_MIN_DOCS documents (in two sentences
 * for a one-document story).  With a query, a concept holding a query term
 * counts from one document on and weighs ten times as much (the query
 * expansion of concept weights of Gillick and Favre's TAC system, simplified).
 * b_j penalizes weak sentences: -(1 - quality_j)
 * times twice the mean concept weight, so a caption or headline is chosen
 * only when it carries concepts nothing else does; and it adds a lead prior,
 * the mean concept weight / (1 + position), news being written lead first
 * (a departure from the paper: +0.7 ROUGE-2 on Multi-News dev).  The paper's constraint
 * s_j <= c_i for each concept of a chosen sentence is left out: with positive
 * weights the optimum covers what it can anyway.  Redundant pairs (sentvec.h)
 * are forbidden in the program itself.
 *
 * Bounds, so a 1,000-article story stays fast and every run gives the same
 * answer: the ILP_MAX_CONCEPTS heaviest concepts and the ILP_MAX_SENTS
 * sentences with the most concept weight (times quality) enter the program,
 * and branch and bound stops after ILP_MAX_NODES nodes with the best
 * solution found (no wall-clock limit, which would make results depend on
 * the machine).  Budget left over after the solution is filled greedily.
 */
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "story/summary.h"
#include "util/mem.h"

#define ILP_MAX_CONCEPTS 1500
#define ILP_MAX_SENTS 500
#define ILP_MAX_NODES 5000

typedef struct concept {
    uint64_t key;      /* stem pair */
    uint32_t docs;     /* documents holding it */
    uint32_t sents;    /* sentences holding it */
    uint32_t last_doc, last_sent;
    int col;           /* GLPK column, 0 when not in the program */
} concept;

typedef struct occ {
    uint32_t sent, concept;
} occ;

typedef struct chash {
    uint32_t *slot;    /* concept index + 1 */
    size_t nslot;
    concept *c;
    size_t n, cap;
} chash;

static uint32_t chash_get(chash *h, uint64_t key)
{
    size_t i, mask;
    if ((h->n + 1) * 2 > h->nslot) {
        size_t ns = h->nslot ? h->nslot * 2 : 1024, k;
        uint32_t *slot = sl_xcalloc(ns, sizeof(*slot));
        for (k = 0; k < h->n; k++) {
            size_t j = (size_t)(h->c[k].key * 0x9E3779B97F4A7C15ull >> 20) & (ns - 1);
            while (slot[j])
                j = (j + 1) & (ns - 1);
            slot[j] = (uint32_t)k + 1;
        }
        free(h->slot);
        h->slot = slot;
        h->nslot = ns;
    }
    mask = h->nslot - 1;
    i = (size_t)(key * 0x9E3779B97F4A7C15ull >> 20) & mask;
    while (h->slot[i]) {
        if (h->c[h->slot[i] - 1].key == key)
            return h->slot[i] - 1;
        i = (i + 1) & mask;
    }
    {
        concept c;
        memset(&c, 0, sizeof(c));
        c.key = key;
        c.last_doc = c.last_sent = UINT32_MAX;
        SL_PUSH(h->c, h->n, h->cap, c);
    }
    h->slot[i] = (uint32_t)h->n;
    return (uint32_t)h->n - 1;
}

/* Stops branch and bound after ILP_MAX_NODES nodes. */
static void node_limit(glp_tree *tree, void *info)
{
    int a, n, t;
    (void)info;
    if (glp_ios_reason(tree) != GLP_ISELECT)
        return;
    glp_ios_tree_size(tree, &a, &n, &t);
    if (t > ILP_MAX_NODES)
        glp_ios_terminate(tree);
}

typedef struct cand_rank {
    double v;
    uint32_t i;
} cand_rank;

static int cmp_cand(const void *a, const void *b)
{
    const cand_rank *x = a, *y = b;
    if (x->v != y->v)
        return x->v > y->v ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* Whether a stem is one of the query's terms. */
static int query_term(const sl_svset *set, uint32_t stem)
{
    uint32_t t = sl_svset_term(set, stem);
    return t != UINT32_MAX && set->qw[t] > 0;
}

void sl_sum_ilp(sl_sumrun *r)
{
    sl_svset *set = r->set;
    chash h;
    occ *occs = NULL;
    size_t nocc = 0, cocc = 0, i, k, ncand = 0, nkept = 0;
    uint32_t min_w;
    double *cw, *sw, wsum = 0;
    cand_rank *cr;
    uint32_t *cand_of, *cands;
    int *col_of_sent;
    glp_prob *lp;

    memset(&h, 0, sizeof(h));
    /* 1. concepts and their occurrences */
    for (i = 0; i < set->n; i++) {
        const sl_sv *s = &set->s[i];
        const sl_doc *d = set->docs[s->doc];
        size_t a = d->sent_tok[s->sent], b = d->sent_tok[s->sent + 1], t;
        for (t = a; t + 1 < b; t++) {
            const sl_token *x = &d->toks[t], *y = &d->toks[t + 1];
            uint32_t c;
            occ o;
            if ((x->flags & SL_TOK_PUNCT) || (y->flags & SL_TOK_PUNCT))
                continue;
            if ((x->flags & SL_TOK_STOP) && (y->flags & SL_TOK_STOP))
                continue;
            c = chash_get(&h, (uint64_t)x->stem << 32 | y->stem);
            if (h.c[c].last_sent == i)
                continue;
            h.c[c].last_sent = (uint32_t)i;
            h.c[c].sents++;
            if (h.c[c].last_doc != s->doc) {
                h.c[c].last_doc = s->doc;
                h.c[c].docs++;
            }
            o.sent = (uint32_t)i;
            o.concept = c;
            SL_PUSH(occs, nocc, cocc, o);
        }
    }
    /* 2. weights; only shared concepts count */
    min_w = set->ndocs >= 6 ? 3 : 2;
    cw = sl_xcalloc(h.n ? h.n : 1, sizeof(*cw));
    cr = sl_xcalloc(h.n ? h.n : 1, sizeof(*cr));
    for (k = 0; k < h.n; k++) {
        uint32_t w = set->ndocs == 1 ? h.c[k].sents : h.c[k].docs;
        int q = set->qw && (query_term(set, (uint32_t)(h.c[k].key >> 32)) ||
                            query_term(set, (uint32_t)h.c[k].key));
        cr[k].v = w >= min_w || q ? (double)w * (q ? 10 : 1) : 0;
        cr[k].i = (uint32_t)k;
    }
    qsort(cr, h.n, sizeof(*cr), cmp_cand);
    for (k = 0; k < h.n && k < ILP_MAX_CONCEPTS && cr[k].v > 0; k++) {
        cw[cr[k].i] = cr[k].v;
        wsum += cr[k].v;
        nkept++;
    }
    free(cr);

    /* 3. candidate sentences: the most concept weight, times quality */
    sw = sl_xcalloc(set->n, sizeof(*sw));
    for (k = 0; k < nocc; k++)
        sw[occs[k].sent] += cw[occs[k].concept];
    cr = sl_xcalloc(set->n, sizeof(*cr));
    for (i = 0; i < set->n; i++) {
        cr[i].v = sw[i] > 0 && set->s[i].words > 0 && sl_budget_fits(&r->budget, &set->s[i])
                      ? sw[i] * set->s[i].quality
                      : 0;
        cr[i].i = (uint32_t)i;
    }
    qsort(cr, set->n, sizeof(*cr), cmp_cand);
    cand_of = sl_xmalloc(set->n * sizeof(*cand_of));
    for (i = 0; i < set->n; i++)
        cand_of[i] = UINT32_MAX;
    cands = sl_xmalloc(set->n * sizeof(*cands));
    for (i = 0; i < set->n && i < ILP_MAX_SENTS && cr[i].v > 0; i++) {
        cand_of[cr[i].i] = (uint32_t)ncand;
        cands[ncand++] = cr[i].i;
    }
    free(cr);

    if (ncand && nkept) {
        double wmean = wsum / (double)nkept;
        int *ia = NULL, *ja = NULL;
        double *ar = NULL;
        size_t nz = 0, cnz = 0, ci = 0;
        int row, ncols;
        glp_iocp parm;
        int *crow = sl_xcalloc(h.n ? h.n : 1, sizeof(*crow));
        double *acc = sl_xcalloc(set->n, sizeof(*acc));
        uint32_t *touched = sl_xcalloc(set->n, sizeof(*touched));

        lp = glp_create_prob();
        glp_set_obj_dir(lp, GLP_MAX);
        /* columns: candidates 1..ncand, then kept concepts that occur in them */
        glp_add_cols(lp, (int)ncand);
        col_of_sent = sl_xcalloc(ncand + 1, sizeof(*col_of_sent));
        for (k = 0; k < ncand; k++) {
            const sl_sv *s = &set->s[cands[k]];
            glp_set_col_kind(lp, (int)k + 1, GLP_BV);
            glp_set_obj_coef(lp, (int)k + 1,
                             -(1.0 - s->quality) * 2 * wmean +
                                 wmean / (1.0 + set->s[cands[k]].rank));
        }
        ncols = (int)ncand;
        for (k = 0; k < nocc; k++) {
            uint32_t c = occs[k].concept;
            if (cw[c] > 0 && cand_of[occs[k].sent] != UINT32_MAX && !h.c[c].col) {
                h.c[c].col = ++ncols;
                ci++;
            }
        }
        if (ci)
            glp_add_cols(lp, (int)ci);
        for (k = 0; k < h.n; k++)
            if (h.c[k].col) {
                glp_set_col_kind(lp, h.c[k].col, GLP_BV);
                glp_set_obj_coef(lp, h.c[k].col, cw[k]);
            }
        /* GLPK's arrays are 1-based: entry 0 is unused */
#define NZ(r_, c_, v_)                                                                             \
    do {                                                                                           \
        if (nz + 1 >= cnz) {                                                                       \
            size_t c2 = cnz, c3 = cnz;                                                             \
            ia = sl_xgrow(ia, &c2, nz + 2, sizeof(*ia));                                           \
            ja = sl_xgrow(ja, &c3, nz + 2, sizeof(*ja));                                           \
            ar = sl_xgrow(ar, &cnz, nz + 2, sizeof(*ar));                                          \
        }                                                                                          \
        nz++;                                                                                      \
        ia[nz] = (r_), ja[nz] = (c_), ar[nz] = (v_);                                               \
    } while (0)
        row = 0;
        /* budgets */
        if (r->budget.words) {
            row = glp_add_rows(lp, 1);
            glp_set_row_bnds(lp, row, GLP_UP, 0, (double)(r->budget.words - r->budget.used_words));
            for (k = 0; k < ncand; k++)
                NZ(row, (int)k + 1, (double)set->s[cands[k]].words);
        }
        if (r->budget.sentences) {
            row = glp_add_rows(lp, 1);
            glp_set_row_bnds(lp, row, GLP_UP, 0,
                             (double)(r->budget.sentences - r->budget.used_sentences));
            for (k = 0; k < ncand; k++)
                NZ(row, (int)k + 1, 1.0);
        }
        if (r->budget.bytes) {
            /* n sentences take sum(bytes) + n - 1 bytes */
            row = glp_add_rows(lp, 1);
            glp_set_row_bnds(lp, row, GLP_UP, 0, (double)(r->budget.bytes + 1));
            for (k = 0; k < ncand; k++)
                NZ(row, (int)k + 1, (double)set->s[cands[k]].bytes + 1);
        }
        /* coverage: sum_j Occ_ij s_j - c_i >= 0 */
        for (k = 0; k < h.n; k++)
            if (h.c[k].col) {
                crow[k] = glp_add_rows(lp, 1);
                glp_set_row_bnds(lp, crow[k], GLP_LO, 0, 0);
                NZ(crow[k], h.c[k].col, -1.0);
            }
        for (k = 0; k < nocc; k++) {
            uint32_t c = occs[k].concept, j = cand_of[occs[k].sent];
            if (h.c[c].col && j != UINT32_MAX)
                NZ(crow[c], (int)j + 1, 1.0);
        }
        /* redundancy: s_a + s_b <= 1 */
        for (k = 0; k < ncand; k++) {
            size_t nt = sl_sv_row(set, cands[k], acc, touched), t;
            for (t = 0; t < nt; t++) {
                uint32_t j = touched[t];
                if (cand_of[j] != UINT32_MAX && cand_of[j] > k && sl_sv_redundant(set, cands[k], j)) {
                    row = glp_add_rows(lp, 1);
                    glp_set_row_bnds(lp, row, GLP_UP, 0, 1);
                    NZ(row, (int)k + 1, 1.0);
                    NZ(row, (int)cand_of[j] + 1, 1.0);
                }
            }
            sl_sv_row_reset(acc, touched, nt);
        }
#undef NZ
        if (glp_get_num_rows(lp) > 0) {
            int st;
            glp_load_matrix(lp, (int)nz, ia, ja, ar);
            glp_init_iocp(&parm);
            parm.msg_lev = GLP_MSG_OFF;
            parm.presolve = GLP_ON;
            parm.cb_func = node_limit;
            glp_intopt(lp, &parm);
            st = glp_mip_status(lp);
            if (st == GLP_OPT || st == GLP_FEAS) {
                for (k = 0; k < ncand; k++)
                    if (glp_mip_col_val(lp, (int)k + 1) > 0.5 && sl_sum_can(r, cands[k]))
                        sl_sum_choose(r, cands[k], sw[cands[k]]);
            }
        }
        glp_delete_prob(lp);
        free(ia);
        free(ja);
        free(ar);
        free(crow);
        free(acc);
        free(touched);
        free(col_of_sent);
    }
    /* what budget is left: the sentences with most concept weight, then
     * (for stories without shared concepts) the leads */
    for (i = 0; i < set->n; i++)
        sw[i] += 1e-3 * sl_sum_position_prior(set, (uint32_t)i);
    sl_sum_take_ranked(r, sw);
    free(sw);
    free(cw);
    free(cand_of);
    free(cands);
    free(occs);
    free(h.slot);
    free(h.c);
}
