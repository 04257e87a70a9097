/*
 * entities.h: entities across documents (internal view; the public API is
 * the "entities (ner)" section of storyline.h).
 *
 * Mentions found by the tagger (analysis/ner.h) are grouped into entities
 * without a knowledge base, in four steps:
 *   1. name keys: title words dropped, possessive cut, case folded, hyphens
 *      and spaces made one ("Kim Jong-un" = "Kim Jong Un" = "KIM JONG UN");
 *      forms whose parts spell the same letters merge ("Jongun");
 *   2. typos: a rarer multi-part form that differs from a more frequent one
 *      of the same length in one part only, by at most two edits, with the
 *      same first two letters and at least two identical parts, joins it,
 *      whatever types the tagger gave them ("Kin Jong Un" -> "Kim Jong
 *      Un"; "Kim Jong Il" stays apart: "il" and "un" share no first
 *      letters).  A person mention right after a capitalized title word is
 *      tried with that word as its first part: "King Jong-un" (the tagger
 *      took "King" for a title) joins "Kim Jong Un" by the same rule, and
 *      the mention then starts at "King";
 *   3. short forms: a person's surname or given name alone, or a shorter
 *      name (middle names dropped), joins the one longer person name it fits
 *      among those of the same document, else of the corpus; when several
 *      fit ("Kim" beside Kim Jong Un and Kim Il Sung) it stays on its own.
 *      A form with an initial ("George W. Bush") is specific and never
 *      joins a longer one ("George H. W. Bush");  acronyms ("UN") join the
 *      one organization or place whose initials they spell;
 *   4. each entity's canonical name is its most complete form (most parts),
 *      then the most frequent; salience weighs mentions by position
 *      (headline 3, lead sentences 2, body 1, captions and credits 0.25)
 *      and spread over documents, normalised so that the top entity has 1.
 * Nationality, people and party words ("South Korean", "Republicans") are
 * no entities (the tagger drops them; see analysis/ner.h).
 */
#ifndef SL_STORY_ENTITIES_H
#define SL_STORY_ENTITIES_H

#include "core/doc.h"
#include "storyline.h"

/* Edit distance (Levenshtein) of two byte strings, stopping early once it
 * exceeds `max` (then returns max + 1). */
size_t sl_edit_distance(const char *a, size_t an, const char *b, size_t bn, size_t max);

#endif
