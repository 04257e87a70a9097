/*
 * rouge_porter.c: ROUGE-1.5.5's Porter stemmer (see rouge_porter.h).
 *
 * The reference states its conditions as regular expressions over the
 * classes c = [^aeiou], v = [aeiouy], C = c[^aeiouy]*, V = v[aeiou]*:
 * "m>0" is ^(C)?VC, "m>1" is ^(C)?VCVC, "m=1" is ^(C)?VC(V)?$, "*v*" is
 * ^(C)?v and "*o" (only ever asked of a whole word) is ^Cv[^aeiouwxy]$.  A
 * leading y is upper-cased first, so it counts as a consonant.  Because a C
 * run must be followed by a V run and the other way round, each run's extent
 * is forced, so one left-to-right scan (measure()) decides all of them without
 * backtracking; this keeps the time linear even for a 10 MB "word".
 *
 * Suffix lists are tried as the reference's alternations are: the match that
 * starts leftmost, i.e. the longest listed suffix, is the only one tried.
 */
#include "eval/rouge_porter.h"

#include <string.h>

/* a, e, i, o, u: a vowel wherever it stands */
static int is_a(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* neither a vowel nor y: a consonant wherever it stands ('Y' included) */
static int is_k(char c)
{
    return !is_a(c) && c != 'y';
}

/* m, the number of VC pairs of w[0..n), in the reference's reading. */
static size_t measure(const char *w, size_t n)
{
    size_t i = 0, m = 0;
    if (n == 0)
        return 0;
    if (is_k(w[0])) { /* leading consonant run */
        i = 1;
        while (i < n && is_k(w[i]))
            i++;
    }
    for (;;) {
        if (i >= n)
            break;
        i++; /* vowel run: a vowel or y, then vowels */
        while (i < n && is_a(w[i]))
            i++;
        if (i >= n)
            break;
        i++; /* consonant run: y or a consonant, then consonants */
        while (i < n && is_k(w[i]))
            i++;
        m++;
    }
    return m;
}

/* ^(C)?v: some vowel or y (a leading y is already 'Y'). */
static int has_vowel(const char *w, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (is_a(w[i]) || w[i] == 'y')
            return 1;
    return 0;
}

/* ^Cv[^aeiouwxy]$ over the whole of w[0..n). */
static int is_cvc(const char *w, size_t n)
{
    size_t i;
    char last;
    if (n < 3 || is_a(w[0]))
        return 0;
    for (i = 1; i + 2 < n; i++)
        if (!is_k(w[i]))
            return 0;
    if (is_k(w[n - 2]))
        return 0;
    last = w[n - 1];
    return !is_a(last) && last != 'w' && last != 'x' && last != 'y';
}

static int ends(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

typedef struct rule {
    const char *from, *to;
} rule;

/* The longest suffix of w[0..n) listed in rules, or NULL. */
static const rule *longest(const rule *rules, const char *w, size_t n)
{
    const rule *best = NULL;
    size_t best_len = 0;
    for (; rules->from; rules++) {
        size_t k = strlen(rules->from);
        if (k > best_len && ends(w, n, rules->from)) {
            best = rules;
            best_len = k;
        }
    }
    return best;
}

/* Replaces the suffix `from` by `to` when the stem before it has measure > min. */
static size_t replace_if(char *w, size_t n, const rule *r, size_t min)
{
    size_t k = strlen(r->from), t = strlen(r->to);
    if (measure(w, n - k) > min) {
        memcpy(w + n - k, r->to, t);
        return n - k + t;
    }
    return n;
}

static const rule step2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},  {"anci", "ance"},
    {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},    {"entli", "ent"},
    {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
    {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"},  {"biliti", "ble"},
    {"logi", "log"},    {NULL, NULL},
};

static const rule step3[] = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
    {"ical", "ic"},  {"ful", ""},   {"ness", ""},    {NULL, NULL},
};

/* Step 4's main list; -ment and -ent come after it (the reference's change). */
static const rule step4[] = {
    {"al", ""},   {"ance", ""}, {"ence", ""}, {"er", ""},  {"ic", ""},  {"able", ""},
    {"ible", ""}, {"ant", ""},  {"ement", ""}, {"ou", ""}, {"ism", ""}, {"ate", ""},
    {"iti", ""},  {"ous", ""},  {"ive", ""},  {"ize", ""}, {NULL, NULL},
};

static size_t step1(char *w, size_t n)
{
    /* 1a */
    if (ends(w, n, "sses") || ends(w, n, "ies"))
        n -= 2;
    else if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's')
        n -= 1;
    /* 1b */
    if (ends(w, n, "eed")) {
        if (measure(w, n - 3) > 0)
            n -= 1;
    } else if (ends(w, n, "ed") || ends(w, n, "ing")) {
        size_t k = ends(w, n, "ed") ? 2 : 3;
        if (has_vowel(w, n - k)) {
            n -= k;
            if (ends(w, n, "at") || ends(w, n, "bl") || ends(w, n, "iz")) {
                w[n++] = 'e';
            } else if (n >= 2 && w[n - 1] == w[n - 2] && !is_a(w[n - 1]) &&
                       !strchr("ylsz", w[n - 1])) {
                n -= 1;
            } else if (is_cvc(w, n)) {
                w[n++] = 'e';
            }
        }
    }
    /* 1c */
    if (n >= 1 && w[n - 1] == 'y' && has_vowel(w, n - 1))
        w[n - 1] = 'i';
    return n;
}

static size_t step45(char *w, size_t n)
{
    const rule *r = longest(step4, w, n);
    if (r)
        n = replace_if(w, n, r, 1);
    if (ends(w, n, "ment") && measure(w, n - 4) > 1)
        n -= 4;
    if (ends(w, n, "ent")) {
        if (measure(w, n - 3) > 1)
            n -= 3;
    } else if ((ends(w, n, "sion") || ends(w, n, "tion")) && measure(w, n - 3) > 1) {
        n -= 3;
    }
    /* step 5 */
    if (ends(w, n, "e")) {
        size_t m = measure(w, n - 1);
        if (m > 1 || (m == 1 && !is_cvc(w, n - 1)))
            n -= 1;
    }
    if (ends(w, n, "ll") && measure(w, n) > 1)
        n -= 1;
    return n;
}

size_t rouge_porter_stem(char *w, size_t len)
{
    const rule *r;
    int initial_y;
    if (len < 3)
        return len;
    initial_y = w[0] == 'y';
    if (initial_y)
        w[0] = 'Y';
    len = step1(w, len);
    if ((r = longest(step2, w, len)) != NULL)
        len = replace_if(w, len, r, 0);
    if ((r = longest(step3, w, len)) != NULL)
        len = replace_if(w, len, r, 0);
    len = step45(w, len);
    if (initial_y && len > 0 && w[0] == 'Y')
        w[0] = 'y';
    return len;
}
