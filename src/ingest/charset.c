/*
 * charset.c: web page bytes to UTF-8 (see charset.h for the order of
 * evidence).  Declared encodings other than UTF-8 are converted with glibc's
 * iconv; a byte iconv rejects becomes U+FFFD and conversion goes on, so a
 * page with one bad byte is never cut short.
 */
#include "ingest/charset.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "text/repair.h"
#include "util/utf8.h"

#define PRESCAN_BYTES 16384

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int ci_eq(const char *s, size_t n, const char *lit)
{
    size_t i;
    for (i = 0; i < n && lit[i]; i++)
        if (lower((unsigned char)s[i]) != lit[i])
            return 0;
    return i == n && !lit[i];
}

static int ci_starts(const char *s, size_t n, const char *lit)
{
    size_t i;
    for (i = 0; lit[i]; i++)
        if (i >= n || lower((unsigned char)s[i]) != lit[i])
            return 0;
    return 1;
}

/* WHATWG labels whose meaning differs from what iconv would make of them,
 * and a few spellings iconv does not know. */
static const struct {
    const char *label, *name;
} aliases[] = {
    {"utf-8", "UTF-8"},          {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"}, {"x-unicode20utf8", "UTF-8"},
    {"utf-16", "UTF-8"},         {"utf-16le", "UTF-8"},
    {"utf-16be", "UTF-8"},       {"unicode", "UTF-8"},
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
    {"iso_8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"latin-1", "WINDOWS-1252"},  {"l1", "WINDOWS-1252"},
    {"ascii", "WINDOWS-1252"},    {"us-ascii", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},   {"x-cp1252", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
    {"iso-8859-11", "WINDOWS-874"}, {"tis-620", "WINDOWS-874"},
    {"gb2312", "GB18030"},        {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},         {"chinese", "GB18030"},
    {"csgb2312", "GB18030"},      {"gb_2312-80", "GB18030"},
    {"gb18030", "GB18030"},       {"x-sjis", "SHIFT_JIS"},
    {"shift-jis", "SHIFT_JIS"},   {"ms_kanji", "SHIFT_JIS"},
    {"windows-31j", "CP932"},     {"x-euc-jp", "EUC-JP"},
    {"ks_c_5601-1987", "EUC-KR"}, {"windows-949", "EUC-KR"},
    {"big5-hkscs", "BIG5-HKSCS"}, {"x-mac-roman", "MACINTOSH"},
    {"macintosh", "MACINTOSH"},   {"koi8", "KOI8-R"},
};

const char *sl_charset_resolve(const char *label, size_t len, char *name_out, size_t n)
{
    size_t i, j;
    while (len && is_space((unsigned char)*label)) {
        label++;
        len--;
    }
    while (len && (is_space((unsigned char)label[len - 1]) || label[len - 1] == '"' ||
                   label[len - 1] == '\'' || label[len - 1] == ';'))
        len--;
    if (!len || len >= n)
        return NULL;
    for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
        if (ci_eq(label, len, aliases[i].label))
            return aliases[i].name;
    /* anything else goes to iconv as given: a label is letters, digits and
     * a few punctuation marks, never a path or an option */
    for (j = 0; j < len; j++) {
        char c = label[j];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == ':'))
            return NULL;
        name_out[j] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    name_out[len] = '\0';
    return name_out;
}

/* Reads one attribute of a tag at s[*i..n): name and value as views.
 * Returns 0 at the tag's end. */
static int next_attr(const char *s, size_t n, size_t *i, const char **name, size_t *nlen,
                     const char **val, size_t *vlen)
{
    size_t p = *i;
    while (p < n && (is_space((unsigned char)s[p]) || s[p] == '/'))
        p++;
    if (p >= n || s[p] == '>')
        return 0;
    *name = s + p;
    while (p < n && !is_space((unsigned char)s[p]) && s[p] != '=' && s[p] != '>' && s[p] != '/')
        p++;
    *nlen = (size_t)(s + p - *name);
    *val = s + p;
    *vlen = 0;
    while (p < n && is_space((unsigned char)s[p]))
        p++;
    if (p < n && s[p] == '=') {
        p++;
        while (p < n && is_space((unsigned char)s[p]))
            p++;
        if (p < n && (s[p] == '"' || s[p] == '\'')) {
            char q = s[p++];
            *val = s + p;
            while (p < n && s[p] != q)
                p++;
            *vlen = (size_t)(s + p - *val);
            if (p < n)
                p++;
        } else {
            *val = s + p;
            while (p < n && !is_space((unsigned char)s[p]) && s[p] != '>')
                p++;
            *vlen = (size_t)(s + p - *val);
        }
    }
    if (*nlen == 0 && p == *i)
        p++; /* never stand still */
    *i = p;
    return 1;
}

/* The charset named in a Content-Type value: "text/html; charset=utf-8". */
static int charset_in_content(const char *v, size_t n, const char **lab, size_t *llen)
{
    size_t i;
    for (i = 0; i + 7 <= n; i++) {
        if (ci_starts(v + i, n - i, "charset")) {
            size_t p = i + 7, e;
            while (p < n && is_space((unsigned char)v[p]))
                p++;
            if (p >= n || v[p] != '=')
                continue;
            p++;
            while (p < n && (is_space((unsigned char)v[p]) || v[p] == '"' || v[p] == '\''))
                p++;
            e = p;
            while (e < n && !is_space((unsigned char)v[e]) && v[e] != ';' && v[e] != '"' &&
                   v[e] != '\'')
                e++;
            if (e > p) {
                *lab = v + p;
                *llen = e - p;
                return 1;
            }
        }
    }
    return 0;
}

/* Looks for a declared charset in the first bytes: XML declaration, then
 * <meta charset> / <meta http-equiv=Content-Type>.  Comments are skipped.
 * Returns how it was found, or NULL. */
static const char *prescan(const char *s, size_t n, const char **lab, size_t *llen)
{
    size_t i = 0;
    if (n > PRESCAN_BYTES)
        n = PRESCAN_BYTES;
    if (ci_starts(s, n, "<?xml")) {
        const char *end = memchr(s, '>', n);
        size_t m = end ? (size_t)(end - s) : n, p = 5;
        const char *name, *val;
        size_t nl, vl;
        while (next_attr(s, m, &p, &name, &nl, &val, &vl))
            if (ci_eq(name, nl, "encoding") && vl) {
                *lab = val;
                *llen = vl;
                return "xml declaration";
            }
    }
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (ci_starts(s + i, n - i, "<!--")) {
            size_t j = i + 4;
            while (j + 3 <= n && memcmp(s + j, "-->", 3) != 0)
                j++;
            i = j + 3;
            continue;
        }
        if (ci_starts(s + i, n - i, "<meta") && i + 5 < n &&
            (is_space((unsigned char)s[i + 5]) || s[i + 5] == '/')) {
            size_t p = i + 5;
            const char *name, *val, *content = NULL, *cs = NULL;
            size_t nl, vl, content_len = 0, cs_len = 0;
            int http_ct = 0;
            while (next_attr(s, n, &p, &name, &nl, &val, &vl)) {
                if (ci_eq(name, nl, "charset") && vl) {
                    cs = val;
                    cs_len = vl;
                } else if (ci_eq(name, nl, "http-equiv") && ci_eq(val, vl, "content-type")) {
                    http_ct = 1;
                } else if (ci_eq(name, nl, "content")) {
                    content = val;
                    content_len = vl;
                }
            }
            if (cs) {
                *lab = cs;
                *llen = cs_len;
                return "meta charset";
            }
            if (http_ct && content && charset_in_content(content, content_len, lab, llen))
                return "meta http-equiv";
            i = p + 1;
            continue;
        }
        i++;
    }
    return NULL;
}

/* Converts with iconv; returns 0, or -1 when iconv has no such encoding. */
static int convert(const char *name, const char *in, size_t len, sl_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", name);
    char tmp[8192];
    char *ip;
    size_t left = len;
    if (cd == (iconv_t)-1) /* NOLINT(performance-no-int-to-ptr): iconv's error value */
        return -1;
    /* iconv's prototype wants char **; it never writes through it */
    memcpy(&ip, &in, sizeof(ip));
    while (left) {
        char *op = tmp;
        size_t oleft = sizeof(tmp), r;
        r = iconv(cd, &ip, &left, &op, &oleft);
        sl_buf_put(out, tmp, (size_t)(op - tmp));
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            sl_buf_put(out, "\xEF\xBF\xBD", 3);
            if (errno == EINVAL)
                break;
            ip++;
            left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    {
        char *op = tmp;
        size_t oleft = sizeof(tmp);
        iconv(cd, NULL, NULL, &op, &oleft);
        sl_buf_put(out, tmp, (size_t)(op - tmp));
    }
    iconv_close(cd);
    return 0;
}

/* Replaces what libxml2 would stumble over in valid UTF-8: NUL and C0
 * controls (space), U+FFFE/U+FFFF (U+FFFD).  In place; lengths unchanged. */
static void sanitize(char *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f)
            p[i] = ' ';
        else if (c == 0xEF && i + 2 < n && (unsigned char)p[i + 1] == 0xBF &&
                 ((unsigned char)p[i + 2] == 0xBE || (unsigned char)p[i + 2] == 0xBF))
            p[i + 2] = (char)0xBD;
    }
}

void sl_charset_to_utf8(const char *bytes, size_t len, sl_buf *out, const char **encoding,
                        const char **how)
{
    const char *enc = NULL, *why = NULL, *lab;
    char namebuf[64];
    size_t llen, start = out->len;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        enc = "UTF-8";
        why = "bom";
        bytes += 3;
        len -= 3;
    } else if (len >= 2 && memcmp(bytes, "\xFF\xFE", 2) == 0) {
        enc = "UTF-16LE";
        why = "bom";
        bytes += 2;
        len -= 2;
    } else if (len >= 2 && memcmp(bytes, "\xFE\xFF", 2) == 0) {
        enc = "UTF-16BE";
        why = "bom";
        bytes += 2;
        len -= 2;
    } else {
        why = prescan(bytes, len, &lab, &llen);
        if (why) {
            enc = sl_charset_resolve(lab, llen, namebuf, sizeof(namebuf));
            if (!enc)
                why = NULL;
        }
    }
    if (enc && strcmp(enc, "UTF-8") != 0) {
        if (convert(enc, bytes, len, out) == 0)
            goto done;
        enc = NULL;
        why = NULL;
    }
    if (!enc) {
        enc = sl_utf8_valid_prefix(bytes, len) == len ? "UTF-8" : "WINDOWS-1252";
        why = enc[0] == 'U' ? "utf-8 valid" : "fallback";
    }
    /* UTF-8, declared or found valid; stray bytes of a page that is not
     * quite UTF-8 are read as windows-1252 one by one */
    sl_decode_input(bytes, len, out, NULL);
done:
    if (out->len > start)
        sanitize(out->ptr + start, out->len - start);
    if (encoding)
        *encoding = enc == namebuf ? "declared" : enc;
    if (how)
        *how = why;
}
