/*
 * clean.h: removing scraping debris from news text, keeping every sentence of
 * the story.
 *
 * Input is paragraphs of repaired text.  The rules (data/clean/, one file a
 * rule family, language in text/cleanrules.h) remove teasers ("Read:",
 * "Related:"), share and follow prompts, "Click to ..." lines, "h/t:" lines,
 * photo-gallery headings and photo credits, contributor lines and repeated
 * headlines; broadcast notes ("This segment originally aired <date> ...")
 * are removed from the text but kept as date evidence; a caption glued to
 * its credit loses the credit and stays as a CAPTION block.  Every removal
 * is logged with its line and rule.  Rules see whole paragraphs, never cut
 * inside a story sentence.
 */
#ifndef SL_TEXT_CLEAN_H
#define SL_TEXT_CLEAN_H

#include <stddef.h>

#include "core/doc.h"

typedef struct sl_cleaned {
    sl_buf text;           /* the cleaned paragraphs, separated by "\n\n" */
    sl_block *blocks;      /* one per paragraph, offsets into text */
    size_t nblocks, cblocks;
    char *title;           /* headline found in plain text, or NULL; owned */
    char *date_evidence;   /* a removed line that dates the article, or NULL; owned */
} sl_cleaned;

/* Splits repaired plain text into paragraphs (pointers into text).  Blank
 * lines separate paragraphs; hard-wrapped lines are joined.  *out is
 * malloc'ed (caller frees with free()). */
void sl_paragraphs_from_text(const char *text, size_t len, sl_para **out, size_t *n);

/* Cleans paragraphs into out (which it initialises; free with
 * sl_cleaned_free).  When `find_title` is set, the first paragraph may become
 * the title (plain text: "the first non-empty line is the title" when it
 * reads as a headline: short, capitalised, no final period unless a short
 * statement); it stays in the text as a TITLE block.  `known_title` (may be
 * NULL) is the title from metadata; lines repeating it, or the title found,
 * maybe with the outlet's name, are removed.  Other kinds: HEADING (a short
 * line that is no sentence), ITEM (a list marker), CAPTION (from the credit
 * rules); kinds the reader set (HTML) are kept.  With SL_OPT_REPAIR_ONLY in
 * flags nothing is removed or reflowed: every line is a block.  Edits go to
 * log (may be NULL) with the paragraph's line.  `ctx` (may be NULL) holds the
 * compiled rules between calls. */
void sl_clean_paras(sl_ctx *ctx, const sl_para *in, size_t n, int find_title,
                    const char *known_title, unsigned flags, sl_cleaned *out, sl_editlog *log);
void sl_cleaned_free(sl_cleaned *c);

#endif
