/*
 * cluster.h: grouping documents into stories (see cluster.c for the method).
 */
#ifndef SL_STORY_CLUSTER_H
#define SL_STORY_CLUSTER_H

#include <stddef.h>

#include "core/doc.h"

/* Mean cosine similarity two stories' articles must reach to be one story;
 * tuned on the Multi-News dev clusters (bench/stories). */
#define SL_CLUSTER_DEFAULT_THRESHOLD SL_STORIES_DEFAULT_THRESHOLD

typedef struct sl_cluster_opts {
    double threshold;      /* 0 = default */
    size_t max_neighbours; /* strongest neighbours kept per document; 0 = 30 */
    int single_link;       /* connected components instead of average linkage (a baseline) */
} sl_cluster_opts;

typedef struct sl_clusters {
    size_t ndocs;
    size_t n;            /* number of clusters */
    size_t *doc_cluster; /* document index -> cluster */
    size_t *order;       /* documents grouped by cluster, in input order */
    size_t *start;       /* cluster k is order[start[k] .. start[k+1]) */
} sl_clusters;

/* Clusters the corpus's documents (which must have tokens).  Caller frees with
 * sl_cluster_free. */
sl_clusters *sl_cluster_docs(sl_ctx *ctx, const sl_corpus *corpus, const sl_cluster_opts *opts);
void sl_cluster_free(sl_clusters *cs);

#endif
