/*
 * rouge_porter.h: the Porter stemmer exactly as ROUGE-1.5.5 runs it with -m.
 *
 * ROUGE-1.5.5 carries Martin Porter's Perl rendering of the 1980 algorithm
 * (Porter, "An algorithm for suffix stripping", Program 14(3)), which already
 * has the two departures of his C release (step 2 maps -bli to -ble and -logi
 * to -log), plus one change of its own: in step 4 the suffixes -ment and -ent
 * are tried again, one after the other, after the main list (so "agreement"
 * loses "ent" where the paper keeps it).  Snowball's "porter" module is the
 * paper's algorithm and gives other stems for such words, so scores would not
 * match the reference script; hence this small stand-alone version.
 */
#ifndef SL_EVAL_ROUGE_PORTER_H
#define SL_EVAL_ROUGE_PORTER_H

#include <stddef.h>

/* Stems w[0..len) in place and returns the new length (never longer).
 * w holds ROUGE tokens: lower-case ASCII letters and digits.  Time is linear
 * in len, whatever the input. */
size_t rouge_porter_stem(char *w, size_t len);

#endif
