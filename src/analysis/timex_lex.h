/*
 * timex_lex.h: the word lists of the temporal tagger and its tokenizer.
 *
 * The lexicon is built once per context from the files of data/timex/ (month,
 * weekday and season names, number words, units, parts of the day, relative
 * words, modifiers, fixed expressions, holidays, tense cues, words that
 * disqualify a year, document-date cues).  Each distinct lower-case word gets
 * one entry holding every category it belongs to ("second" is an ordinal and
 * a unit, "may" a month and a modal verb); multi-word entries are phrases
 * indexed by their first word and matched token by token.
 *
 * The tokenizer works on the raw bytes (offsets are byte offsets into the
 * text as given): ASCII letters and digits form words, digits form numbers
 * (with an ordinal or "s" suffix kept: "27th", "1950s"; with thousands
 * separators merged: "28,000"), a possessive "'s" is its own token, dashes
 * of every kind are one punctuation class, and each other non-ASCII
 * character is one token.  Case is folded for ASCII letters only; the word
 * lists are ASCII.  White space before each token is recorded, since
 * "1950-53" and "1950 - 53" are different things.
 */
#ifndef SL_ANALYSIS_TIMEX_LEX_H
#define SL_ANALYSIS_TIMEX_LEX_H

#include <stddef.h>

#include "core/ctx.h"

/* Word categories (bits of tx_word.cats). */
enum {
    TXC_MONTH = 1u << 0,
    TXC_WDAY = 1u << 1,
    TXC_SEASON = 1u << 2,
    TXC_NUM = 1u << 3,    /* cardinal, tens, mult, article, vague */
    TXC_ORD = 1u << 4,
    TXC_UNIT = 1u << 5,
    TXC_POD = 1u << 6,
    TXC_REL = 1u << 7,
    TXC_TENSE = 1u << 8,
    TXC_NONYEAR_BEFORE = 1u << 9,
    TXC_NONYEAR_AFTER = 1u << 10,
    TXC_DECADE = 1u << 11,
    TXC_QNAME = 1u << 12,
    TXC_PHRASE = 1u << 13, /* starts at least one phrase */
    TXC_ADDRESS = 1u << 14, /* a street word: "1600 Pennsylvania Avenue" is no year */
    TXC_ZONE = 1u << 15     /* a time zone after a time: "3 p.m. EST" */
};

/* Flags of a category entry. */
enum { TXF_ABBR = 1, TXF_AMBIG = 2, TXF_PLURAL = 4, TXF_ANAPHORIC = 8, TXF_DURATION = 16 };

/* Kinds of number words. */
enum { TXN_CARD = 0, TXN_TENS, TXN_MULT, TXN_ARTICLE, TXN_VAGUE };

/* Units (TimeML duration letters are derived from these). */
enum {
    TXU_NONE = 0, TXU_Y, TXU_Q, TXU_M, TXU_W, TXU_D, TXU_H, TXU_MIN, TXU_S,
    TXU_DE, TXU_CE, TXU_ML, TXU_WE, TXU_FN, TXU_HY
};

/* TimeML mods. */
enum {
    TXM_NONE = 0, TXM_START, TXM_MID, TXM_END, TXM_APPROX, TXM_LESS_THAN, TXM_MORE_THAN,
    TXM_EQUAL_OR_MORE, TXM_EQUAL_OR_LESS, TXM_BEFORE, TXM_AFTER
};
const char *sl_tx_mod_name(int mod);

typedef struct tx_word {
    unsigned cats;             /* TXC_* */
    short month, month_fl;     /* TXC_MONTH: 1-12, TXF_* */
    short wday, wday_fl;       /* TXC_WDAY: 1-7 */
    short season, season_fl;   /* TXC_SEASON: SL_SEASON_* */
    short unit, unit_fl;       /* TXC_UNIT: TXU_* */
    short rel, rel_fl;         /* TXC_REL: -1, 0, +1 */
    short tense;               /* TXC_TENSE: -1 past, +1 future, 0 none */
    short tense_to;            /* the cue counts only before "to" */
    short tense_report;        /* a reporting verb ("said") */
    short num_kind;            /* TXC_NUM: TXN_* */
    short pod;                 /* TXC_POD: SL_POD_*, or 0 with hhmm >= 0 */
    short quarter;             /* TXC_QNAME: 1-4 */
    short hhmm;                /* TXC_POD: a clock time as hh*100+mm, or -1 */
    int num, ord, decade;      /* TXC_NUM, TXC_ORD, TXC_DECADE values */
} tx_word;

/* Phrase payload kinds. */
enum { TXP_MOD_DATE = 1, TXP_MOD_QUANT, TXP_DEICTIC, TXP_HOLIDAY, TXP_DOCCUE };

/* Meanings of a fixed expression (TXP_DEICTIC). */
enum { TXD_DAY = 1, TXD_REF, TXD_SET, TXD_UNIT, TXD_DUR };
/* Holiday rules. */
enum { TXH_FIXED = 1, TXH_NTH, TXH_LAST, TXH_AFTER, TXH_EASTER, TXH_EASTER_WEEK };

typedef struct tx_phrase {
    int kind;           /* TXP_* */
    int *elems;         /* word ids (>= 0) or -(char) for punctuation */
    int n;
    /* payload */
    int a, b, c, d;     /* MOD: mod; DEICTIC: meaning, days or amount, pod or unit, mod;
                           HOLIDAY: rule, month, wday/day, nth/wday; DOCCUE: 1 note 2 dateline */
    char lit[16];       /* DEICTIC ref/set value */
} tx_phrase;

/* Grammar keywords: the structural words of the grammar itself (the word
 * lists are data; these few are the grammar). */
enum {
    KW_THE, KW_OF, KW_IN, KW_ON, KW_AT, KW_AND, KW_TO, KW_FROM, KW_THROUGH, KW_THRU, KW_UNTIL,
    KW_TILL, KW_BETWEEN, KW_AGO, KW_BEFORE, KW_AFTER, KW_EARLIER, KW_LATER, KW_HENCE, KW_SINCE,
    KW_BY, KW_EVERY, KW_EACH, KW_PER, KW_FISCAL, KW_OCLOCK, KW_AM, KW_PM, KW_A, KW_P, KW_M,
    KW_TIMES, KW_ONCE, KW_TWICE, KW_FOR, KW_WITHIN, KW_DURING, KW_LOCAL, KW_TIME, KW_TODAY,
    KW_THIS, KW_NOW, KW_YEAR, KW_POSS, KW_LATEST, KW_HALF, KW_MID, KW_PERIOD, KW_AN, KW_WEEK,
    KW_QUARTER, KW_NEXT, KW_ABOUT, KW_AROUND, KW_PAST, KW_WAS, KW_WERE, KW_HAD, KW_OLD, KW_LONG,
    KW_HUNDRED, KW_THOUSAND, KW_ENDED, KW_ENDING, KW_BE, KW_BEEN, KW_BEING, KW_IS, KW_ARE, KW_MORE,
    KW_ADDITIONAL, KW_EXTRA, KW_FURTHER, KW_COUPLE, KW_DOZEN, KW_MILLION, KW_BILLION, KW_COUNT
};

typedef struct tx_lexicon {
    tx_word *words;       /* by id */
    size_t nwords, cwords;
    char *pool;           /* the words, NUL-separated */
    size_t pool_len, pool_cap;
    size_t *word_off;     /* offset of each word in pool */
    size_t *word_len;     /* and its length */
    int *slots;           /* hash table of word ids, -1 empty */
    size_t nslots;
    tx_phrase *phrases;
    size_t nphrases, cphrases;
    int **first;          /* phrases starting with word id: first[id] -> -1-terminated list */
    int kw[KW_COUNT];     /* word ids of the grammar keywords */
} tx_lexicon;

/* The context's lexicon, built on first use. */
const tx_lexicon *sl_tx_lexicon(sl_ctx *ctx);

/* The id of a lower-case ASCII word, or -1. */
int sl_tx_word_id(const tx_lexicon *lx, const char *w, size_t n);

enum { TK_WORD = 1, TK_NUM, TK_PUNCT, TK_OTHER };
enum { TKS_NONE = 0, TKS_S, TKS_ORD, TKS_AM, TKS_PM, TKS_OTHER };

typedef struct tx_tok {
    size_t start, end;    /* bytes of the text */
    int word;             /* lexicon id of a word (or a number's word form), -1 when unknown */
    unsigned char kind;   /* TK_* */
    unsigned char gap;    /* before it: 0 nothing, 1 spaces, 2 a line break, 3 a blank line */
    unsigned char cap;    /* 1 starts with an upper-case letter, 2 all upper-case (2+ letters) */
    unsigned char suf;    /* TK_NUM: TKS_* suffix ("27th", "1950s", "10am") */
    char ch;              /* TK_PUNCT: the character; '-' for every dash but the em dash ('~') */
    unsigned char grouped;/* TK_NUM: had thousands separators ("28,000") */
    unsigned char nd;     /* TK_NUM: number of digits (capped at 255) */
    long val;             /* TK_NUM: the value, capped at 999999999 */
} tx_tok;

/* Tokenizes text[0..len) into *toks (caller frees with free()). */
void sl_tx_tokenize(const tx_lexicon *lx, const char *text, size_t len, tx_tok **toks, size_t *n);

#endif
