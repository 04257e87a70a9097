/*
 * lang.c: language names to data directories (see lang.h).
 */
#include "analysis/lang.h"

#include <stdio.h>
#include <string.h>

#include "core/data.h"

/* Snowball's algorithm names (libstemmer's modules.txt) and their codes. */
static const char *const lang_codes[][2] = {
    {"arabic", "ar"},     {"armenian", "hy"},   {"basque", "eu"},    {"catalan", "ca"},
    {"danish", "da"},     {"dutch", "nl"},      {"english", "en"},   {"porter", "en"},
    {"finnish", "fi"},    {"french", "fr"},     {"german", "de"},    {"greek", "el"},
    {"hindi", "hi"},      {"hungarian", "hu"},  {"indonesian", "id"}, {"irish", "ga"},
    {"italian", "it"},    {"lithuanian", "lt"}, {"nepali", "ne"},    {"norwegian", "no"},
    {"portuguese", "pt"}, {"romanian", "ro"},   {"russian", "ru"},   {"serbian", "sr"},
    {"spanish", "es"},    {"swedish", "sv"},    {"tamil", "ta"},     {"turkish", "tr"},
    {"yiddish", "yi"},
};

const char *sl_lang_code(const char *language)
{
    size_t i;
    for (i = 0; i < sizeof(lang_codes) / sizeof(lang_codes[0]); i++)
        if (strcmp(lang_codes[i][0], language) == 0)
            return lang_codes[i][1];
    return language;
}

const char *sl_lang_data(const sl_ctx *ctx, const char *list, int fallback, size_t *len)
{
    char name[96];
    const char *p;
    snprintf(name, sizeof(name), "%s/%s", sl_lang_code(ctx->language), list);
    p = sl_data_get(name, len);
    if (!p && fallback) {
        snprintf(name, sizeof(name), "en/%s", list);
        p = sl_data_get(name, len);
    }
    return p;
}
