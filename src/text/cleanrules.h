/*
 * cleanrules.h: the rule language of the debris cleaner and its matcher.
 *
 * Rules are data (data/clean/<family>.txt, listed in data/clean/families.txt),
 * one a line, four fields separated by tabs:
 *
 *   name <TAB> action [condition...] <TAB> pattern <TAB> reason
 *
 * action     remove    drop the paragraph
 *            evidence  drop it, keep it as evidence of the article's date
 *            caption   keep the {keep} part as a CAPTION block, drop the rest
 *                      (the whole paragraph when {keep} is under two words)
 *            strip     keep the {keep} part with its kind, drop the rest
 * conditions max=N (bytes; default 300; max=none for any length),
 *            words=N (at most N words), minwords=N, nostop (does not end
 *            with . ! ?), notfirst (not the first paragraph kept), end (among
 *            the last paragraphs), bracket (the line is wrapped in [ ]),
 *            then=caption (the next line of the same block is a caption).
 * pattern    a glob over the whole paragraph, case-insensitive, with
 *            typographic quotes, dashes and spaces read as their ASCII forms:
 *              *         any text (shortest first, backtracking)
 *              {keep}    any text, the part the action keeps
 *              ' '       white space; may be empty next to punctuation
 *              {name}    a proper name: 1-6 capitalised words ("Jorge Silva",
 *                        "Korea Summit Press Pool/Pool")
 *              {names}   names joined by ", " " and " " & " "; "
 *              {num} {word} {email} {handle} {url} {punct}
 *              {stop}    zero width: a sentence ended just before
 *              {set:S}   one phrase of set S; {seq:S} a run of them
 *              \x        the character x itself
 *            A space keeps words apart: "click here *" does not match
 *            "click heresy" (but matches "Click here." and "Click here"),
 *            while a * glued to a word continues it ("video*" matches
 *            "videos").
 * Sets are data too (data/clean/sets.txt: "set <TAB> phrase").
 *
 * Bounded work: a rule sees at most SL_RULE_WINDOW bytes (the tail when the
 * pattern starts with * or {keep}, the head when it ends with *), and each
 * match attempt has a step budget, so no line makes matching slow.
 */
#ifndef SL_TEXT_CLEANRULES_H
#define SL_TEXT_CLEANRULES_H

#include <stddef.h>

#include "util/buf.h"

#define SL_RULE_WINDOW 512

typedef enum sl_rule_action {
    SL_RULE_REMOVE = 0,
    SL_RULE_EVIDENCE,
    SL_RULE_CAPTION,
    SL_RULE_STRIP
} sl_rule_action;

#define SL_RULE_NOSTOP 1u       /* the paragraph must not end a sentence */
#define SL_RULE_NOTFIRST 2u     /* never the first paragraph kept */
#define SL_RULE_END 4u          /* only among the last paragraphs */
#define SL_RULE_BRACKET 8u      /* only a paragraph wrapped in [ ] */
#define SL_RULE_THEN_CAPTION 16u /* the next line of its block is a caption */

struct sl_pelem;

typedef struct sl_rule {
    char *name;            /* owned */
    char *reason;          /* owned */
    char *pattern;         /* owned, as written */
    sl_rule_action action;
    unsigned flags;        /* SL_RULE_* */
    size_t max;            /* longest paragraph in bytes; (size_t)-1 for any */
    size_t max_words;      /* 0: no limit */
    size_t min_words;
    struct sl_pelem *el;   /* compiled pattern */
    size_t nel;
} sl_rule;

typedef struct sl_cleanrules sl_cleanrules;

sl_cleanrules *sl_cleanrules_new(void);
void sl_cleanrules_free(sl_cleanrules *r);

/* Adds the phrases of a sets text ("set <TAB> phrase" lines).  Returns the
 * number of malformed lines, the first described in err (may be NULL). */
size_t sl_cleanrules_add_sets(sl_cleanrules *r, const char *text, size_t len, const char *file,
                              sl_buf *err);

/* Adds the rules of a rules text.  Malformed lines are skipped; returns
 * their number, the first described in err (may be NULL).  Sets must be
 * added before the rules that use them. */
size_t sl_cleanrules_add(sl_cleanrules *r, const char *text, size_t len, const char *file,
                         sl_buf *err);

/* The rules shipped in data/clean/ (families.txt, sets.txt, one file a
 * family).  Returns the number of malformed lines (0 for the shipped data). */
size_t sl_cleanrules_load_default(sl_cleanrules *r, sl_buf *err);

size_t sl_cleanrules_count(const sl_cleanrules *r);
const sl_rule *sl_cleanrules_get(const sl_cleanrules *r, size_t i);

/* Where a paragraph stands, for the position conditions. */
typedef struct sl_line_info {
    int first; /* no paragraph has been kept before it */
    int end;   /* it is among the last paragraphs of the document */
} sl_line_info;

typedef struct sl_rule_hit {
    const sl_rule *rule;
    int has_keep;                /* the pattern has {keep} */
    size_t keep_start, keep_end; /* the kept part, offsets into the line */
} sl_rule_hit;

/* Finds the first rule (in file order) that matches line[0..len), a
 * paragraph of valid UTF-8 with no line breaks.  Returns 1 and fills *hit, or 0. */
int sl_cleanrules_match(const sl_cleanrules *r, const char *line, size_t len,
                        const sl_line_info *li, sl_rule_hit *hit);

/* Matches one pattern against a whole line (for tests and tools); sets of r
 * are available to it.  Returns 1 on a match (and the {keep} span when
 * keep_start is not NULL), 0 otherwise, -1 when the pattern is malformed. */
int sl_pattern_match(const sl_cleanrules *r, const char *pattern, const char *line, size_t len,
                     size_t *keep_start, size_t *keep_end);

#endif
