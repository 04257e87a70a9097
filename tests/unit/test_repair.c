/*
 * test_repair.c: text repair (src/text/repair.c and friends): decoding,
 * mojibake (GBK and single-byte code pages), entities, controls, white
 * space, NFC, the edit log and the invariant that no line break is added or
 * removed.  Each case states input and expected output; negative cases
 * (real text in other scripts) must come out unchanged.
 */
#include "unit.h"

#include "core/doc.h"
#include "text/repair.h"
#include "util/buf.h"

typedef struct pair {
    const char *in, *want;
} pair;

#define ENC SL_REPAIR_ENCODING_ONLY

static int setup(void **state)
{
    *state = sl_ctx_new();
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    sl_ctx_free(*state);
    return 0;
}

/* The repaired form of in (caller frees). */
static char *rep(sl_ctx *ctx, const char *in, unsigned flags)
{
    sl_buf out = SL_BUF_INIT;
    sl_repair_text(ctx, in, strlen(in), flags, &out, NULL);
    return sl_buf_detach(&out);
}

static void check_pairs(sl_ctx *ctx, const pair *p, size_t n, unsigned flags)
{
    size_t i;
    for (i = 0; i < n; i++) {
        char *got = rep(ctx, p[i].in, flags);
        if (strcmp(got, p[i].want) != 0)
            print_error("case %zu: input   \"%s\"\n         want    \"%s\"\n         got     \"%s\"\n", i,
                        p[i].in, p[i].want, got);
        assert_string_equal(got, p[i].want);
        free(got);
    }
}

static void check_same(sl_ctx *ctx, const char *const *texts, size_t n, unsigned flags)
{
    size_t i;
    for (i = 0; i < n; i++) {
        char *got = rep(ctx, texts[i], flags);
        if (strcmp(got, texts[i]) != 0)
            print_error("case %zu changed: \"%s\" -> \"%s\"\n", i, texts[i], got);
        assert_string_equal(got, texts[i]);
        free(got);
    }
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ GBK */

static void gbk_seed_kinds(void **state)
{
    static const pair cases[] = {
        {"China\xE9\x88\xA5\xE6\xAA\x9A Zhou Enlai", "China’s Zhou Enlai"},
        {"toward the 鈥渃omplete denuclearization of the Korean Peninsula鈥 and toward",
         "toward the “complete denuclearization of the Korean Peninsula” and toward"},
        {"against aggression 鈥 a presence that", "against aggression — a presence that"},
        {"North Korea views as 鈥渙ccupation鈥 and which", "North Korea views as “occupation” and which"},
        {"a lasting and stable peace regime.鈥", "a lasting and stable peace regime.”"},
        {"peace regime.鈥\nWhile", "peace regime.”\nWhile"},
        {"Korea鈥檚 Korean People鈥檚 Army", "Korea’s Korean People’s Army"},
        {"the 浪花直播 Center鈥檚 North Korea", "the 浪花直播 Center’s North Korea"},
    };
    check_pairs(*state, cases, N(cases), 0);
    check_pairs(*state, cases, N(cases), ENC);
}

static void gbk_lost_bytes(void **state)
{
    static const pair cases[] = {
        /* a lost 0x80 inside a run: ”— */
        {"鈥渆Sports鈥濃攃ompetitive", "“eSports”—competitive"},
        /* a lost byte before a letter: only … or • leave such a gap */
        {"the mission鈥Compare", "the mission…Compare"},
        {" 鈥 Item one", " • Item one"},
        {"from 1950鈥53 and", "from 1950–53 and"},
        {"鈥淭wo Chicks Talkin鈥 Politics鈥 segment", "“Two Chicks Talkin’ Politics” segment"},
        {"He told me, 鈥淚 said 鈥楤ye.鈥欌", "He told me, “I said ‘Bye.’”"},
        {"Windows鈩 10", "Windows™ 10"},
        {"鈻 May 18: Dad", "► May 18: Dad"},
        /* a decoder that wrote U+FFFD for the lost byte */
        {"the 鈥渃omplete Peninsula鈥\xEF\xBF\xBD and", "the “complete Peninsula” and"},
    };
    check_pairs(*state, cases, N(cases), ENC);
}

static void gbk_letters(void **state)
{
    static const pair cases[] = {
        {"Pok茅mon and 脡cole", "Pokémon and École"},
        {"caf茅 au lait", "café au lait"},
        {"袩褉懈胁械褌 屑懈褉, 泻邪泻 写械谢邪", "Привет мир, как дела"},
        {"It鈥檚 鉂わ笍 here", "It’s ❤️ here"},
    };
    check_pairs(*state, cases, N(cases), ENC);
}

static void real_cjk_untouched(void **state)
{
    static const char *const texts[] = {
        "浪花直播 Center",
        "警告：您正要删除 root 帐号(uid为0)",
        "在用户的要求下WAL目录 \"%s\" 不被删除",
        "只允许 Git SSH 访问的受限登录shell",
        "git目录",
        "检索到的文件大小为0。",
        "中华人民共和国成立于1949年。",
        "北京时间2018年6月12日，美国总统特朗普与朝鲜最高领导人金正恩在新加坡举行会晤。",
        "OCSP要求の送信を認める",
        "日本語のテキストです。「引用」と…",
        "無効な正規S式が見つかりました",
        "최고 지도자 김정은",
        /* 鈥 that cannot be UTF-8 punctuation stays: next to real Chinese */
        "鈥中文",
        "中文鈥 hello",
        "锟斤拷",
    };
    check_same(*state, texts, N(texts), ENC);
    check_same(*state, texts, N(texts), 0);
}

/* ------------------------------------------------------------------ code pages */

static void single_byte_mojibake(void **state)
{
    static const pair cases[] = {
        {"doesnâ€™t", "doesn’t"},
        {"cafÃ©", "café"},
        {"The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.",
         "The Mona Lisa doesn’t have eyebrows."},
        {"\xC2\x84Handwerk bringt dich überall hin\xC2\x93: Von der YOU",
         "„Handwerk bringt dich überall hin“: Von der YOU"},
        {"voilÃ le travail", "voilà le travail"},
        {"conseille g√¢teaux et baies pour un r√©gime", "conseille gâteaux et baies pour un régime"},
        {"#╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡", "#правильное"},
        {"Hi guys í\xC2\xA0½í¸\xC2\x8D", "Hi guys 😍"},
        {"â–º May 18: Dad", "► May 18: Dad"},
        {"Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹", "Ру��кий"},
        {"Le barÃ¨me permet l’Ã©valuation", "Le barème permet l’évaluation"},
        {"Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά"},
        {"ÄŒeÅ¡tina", "Čeština"},
    };
    check_pairs(*state, cases, N(cases), ENC);
}

static void real_text_untouched(void **state)
{
    static const char *const texts[] = {
        "L’épisode 8 est trop fou ouahh",
        "Ça coûte 5 € à Noël — déjà vu, « oui » !",
        "Größenwahn über Äpfel, Übermut und Söhne",
        "Привет, мир! Это тест «кавычек» — и тире.",
        "Η ¨ανατροφή¨ δυστυχώς από τους προπονητές",
        "Kim Jong Un could officially end North Korea’s 68-year war",
        "“The division of Korea was really unprecedented,” said Charles King Armstrong.",
        "4288×…",
        "Offering 5×£35 pin ups",
        "NESTLÉ® requiere contratar personal",
        "(-1/2)! = √π",
        "Mám dost třetího tisíciletí",
        "Tiếng Việt",
        "العربية",
        "עברית",
    };
    check_same(*state, texts, N(texts), ENC);
    check_same(*state, texts, N(texts), 0);
}

/* ------------------------------------------------------------------ entities */

static void entities(void **state)
{
    static const pair cases[] = {
        {"Fish &amp; chips", "Fish & chips"},
        {"P&eacute;rez and P&EACUTE;REZ", "Pérez and PÉREZ"},
        {"it&#8217;s &#x2019;90s &#X201C;", "it’s ’90s “"},
        {"&frac14; cup, &hellip;", "¼ cup, …"},
        {"&#150; &#0; &#x110000;", "– \xEF\xBF\xBD \xEF\xBF\xBD"},
        {"this&not that, AT&T; &bogus; &", "this&not that, AT&T; &bogus; &"},
        {"&#10; and &NewLine; stay", "&#10; and &NewLine; stay"},
        {"&#12ab; &#x; &;", "&#12ab; &#x; &;"},
        {"10Î&frac14;s", "10μs"},
    };
    static const char *const kept[] = {"<p>Fish &amp; chips</p>", "a &lt;b&gt; c <br/>"};
    char *got;
    check_pairs(*state, cases, N(cases), 0);
    check_same(*state, kept, N(kept), 0);
    got = rep(*state, "Fish &amp; chips", SL_REPAIR_NO_ENTITIES);
    assert_string_equal(got, "Fish &amp; chips");
    free(got);
    got = rep(*state, "Fish &amp; chips", ENC);
    assert_string_equal(got, "Fish &amp; chips");
    free(got);
}

/* ------------------------------------------------------------------ controls, spaces, NFC */

static void controls_and_spaces(void **state)
{
    static const pair cases[] = {
        {"a\x01" "b\x7f" "c", "abc"},
        {"a\tb", "a\tb"},
        {"a\x0b" "b\x0c" "c", "a b c"},
        {"\x1b[31mred\x1b[0m text", "red text"},
        {"x\xC2\x81y", "xy"},
        {"x\xE2\x80\x8By soft\xC2\xADhyphen \xEF\xBB\xBF" "BOM", "xy softhyphen BOM"},
        {"a\xE2\x80\xA8" "b\xE2\x80\xA9" "c\xE2\x80\x83" "d", "a b c d"},
        {"no\xC2\xA0" "break 10\xE2\x80\xAF" "000 \xE2\x80\x8D ok", "no\xC2\xA0" "break 10\xE2\x80\xAF" "000 \xE2\x80\x8D ok"},
        {"lone\rcr and crlf\r\nnext", "lone cr and crlf\nnext"},
        {"e\xCC\x81t\xC3\xA9 \xE2\x84\xAB", "\xC3\xA9t\xC3\xA9 \xC3\x85"},
        {"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C"},
    };
    check_pairs(*state, cases, N(cases), 0);
    /* encoding only: all of that stays */
    {
        char *got = rep(*state, "a\x01" "b e\xCC\x81", ENC);
        assert_string_equal(got, "a\x01" "b e\xCC\x81");
        free(got);
    }
}

/* ------------------------------------------------------------------ invariants, log */

static size_t count_nl(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

static void line_count_kept(void **state)
{
    static const char *const texts[] = {
        "one\ntwo\n\nthree", "a&#10;b\n&NewLine;\n", "x\xE2\x80\xA8y\xE2\x80\xA9z\n",
        "\n\n\n", "鈥\n鈥\n鈥", "Ã\nÃ\n", "\r\r\n\r", "",
    };
    size_t i;
    for (i = 0; i < N(texts); i++) {
        sl_buf out = SL_BUF_INIT;
        size_t n = strlen(texts[i]);
        sl_repair_text(*state, texts[i], n, 0, &out, NULL);
        assert_int_equal(count_nl(out.ptr, out.len), count_nl(texts[i], n));
        sl_buf_free(&out);
    }
}

static void edit_log(void **state)
{
    const char *in = "Fine line.\nChina鈥檚 Zhou &amp; Kim\nCaf\xC3\x83\xC2\xA9 here\n";
    sl_editlog log;
    sl_buf out = SL_BUF_INIT;
    size_t i;
    int gbk = 0, ent = 0, cp = 0;
    memset(&log, 0, sizeof(log));
    sl_repair_text(*state, in, strlen(in), 0, &out, &log);
    assert_string_equal(out.ptr, "Fine line.\nChina’s Zhou & Kim\nCafé here\n");
    for (i = 0; i < log.n; i++) {
        const sl_edit *e = &log.items[i];
        assert_int_equal(e->kind, SL_EDIT_REPAIR);
        if (strcmp(e->rule, "mojibake-gbk") == 0) {
            gbk++;
            assert_int_equal(e->line, 2);
            assert_string_equal(e->before, "China鈥檚");
            assert_string_equal(e->after, "China’s");
        } else if (strcmp(e->rule, "html-entity") == 0) {
            ent++;
            assert_int_equal(e->line, 2);
            assert_string_equal(e->before, "&amp;");
            assert_string_equal(e->after, "&");
        } else if (strcmp(e->rule, "mojibake-latin1") == 0 || strcmp(e->rule, "mojibake-cp1252") == 0) {
            cp++;
            assert_int_equal(e->line, 3);
            assert_string_equal(e->before, "CafÃ©");
            assert_string_equal(e->after, "Café");
        } else {
            fail_msg("unexpected rule %s", e->rule);
        }
        assert_true(strlen(e->reason) > 10);
    }
    assert_int_equal(gbk, 1);
    assert_int_equal(ent, 1);
    assert_int_equal(cp, 1);
    sl_editlog_free(&log);
    sl_buf_free(&out);
}

static void edit_log_spots(void **state)
{
    /* one edit per spot, each with its word */
    const char *in = "a Pok茅mon b and c 脡cole d";
    sl_editlog log;
    sl_buf out = SL_BUF_INIT;
    memset(&log, 0, sizeof(log));
    sl_repair_text(*state, in, strlen(in), ENC, &out, &log);
    assert_int_equal(log.n, 2);
    assert_string_equal(log.items[0].before, "Pok茅mon");
    assert_string_equal(log.items[0].after, "Pokémon");
    assert_string_equal(log.items[1].before, "脡cole");
    assert_string_equal(log.items[1].after, "École");
    sl_editlog_free(&log);
    sl_buf_free(&out);
}

/* ------------------------------------------------------------------ decoding */

static void decode_input(void **state)
{
    static const pair cases[] = {
        {"\xEF\xBB\xBFhello", "hello"},
        {"caf\xE9 cr\xE8me", "café crème"},
        {"smart \x93quotes\x94 \x85", "smart “quotes” …"},
        {"lone \x80\xBF continuation", "lone €¿ continuation"},
        {"truncated \xE2\x80", "truncated â€"},
        {"overlong \xC0\xAF", "overlong À¯"},
        {"surrogate \xED\xA0\xBD\xED\xB8\x8D pair", "surrogate 😍 pair"},
        {"lone surrogate \xED\xA0\xBD", "lone surrogate í\xC2\xA0½"},
        {"a\r\nb\rc\n", "a\nb\nc\n"},
        {"\xFF\xFE", "ÿþ"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < N(cases); i++) {
        sl_buf out = SL_BUF_INIT;
        sl_decode_input(cases[i].in, strlen(cases[i].in), &out, NULL);
        assert_string_equal(sl_buf_cstr(&out), cases[i].want);
        sl_buf_free(&out);
    }
}

static void decode_log(void **state)
{
    const char *in = "ok\nbad \xE9 line\nok\nmore \x93 bad\n";
    sl_editlog log;
    sl_buf out = SL_BUF_INIT;
    (void)state;
    memset(&log, 0, sizeof(log));
    sl_decode_input(in, strlen(in), &out, &log);
    assert_int_equal(log.n, 2);
    assert_int_equal(log.items[0].line, 2);
    assert_string_equal(log.items[0].rule, "invalid-utf8");
    assert_string_equal(log.items[0].after, "bad é line");
    assert_int_equal(log.items[1].line, 4);
    sl_editlog_free(&log);
    sl_buf_free(&out);
}

static void invalid_utf8_to_repair(void **state)
{
    /* the contract says valid UTF-8; anything else is still handled */
    char *got = rep(*state, "caf\xE9 \xFF", 0);
    assert_string_equal(got, "café ÿ");
    free(got);
}

/* ------------------------------------------------------------------ public API, pathological */

static void public_api(void **state)
{
    char *out = NULL;
    size_t n = 0;
    {
        const char *in = "China\xE9\x88\xA5\xE6\xAA\x9A \x93x\x94";
        assert_int_equal(sl_repair(*state, in, strlen(in), 0, &out, &n), SL_OK);
    }
    assert_string_equal(out, "China’s “x”");
    assert_int_equal(n, strlen(out));
    sl_free(out);
    assert_int_equal(sl_repair(*state, "caf\xE9 &amp;", 10, SL_OPT_AS_GIVEN, &out, &n), SL_OK);
    assert_string_equal(out, "café &amp;");
    sl_free(out);
    assert_int_equal(sl_repair(*state, NULL, 0, 0, &out, &n), SL_OK);
    assert_string_equal(out, "");
    sl_free(out);
    assert_int_equal(sl_repair(*state, NULL, 3, 0, &out, &n), SL_EINVAL);
}

static void pathological(void **state)
{
    /* each repeated over 2 MB: none may take more than linear time */
    static const char *const units[] = {"Ã",  "鈥", "â€™", "&amp;", "鈥渃", "x", "\xC2\x85", "e\xCC\x81",
                                        "脙", "袩", "锟斤拷", "ÂÃ", " Ã ", "鉂わ笍"};
    size_t u;
    for (u = 0; u < N(units); u++) {
        sl_buf in = SL_BUF_INIT, out = SL_BUF_INIT;
        size_t k = strlen(units[u]);
        while (in.len < ((size_t)2 << 20))
            sl_buf_put(&in, units[u], k);
        sl_repair_text(*state, in.ptr, in.len, 0, &out, NULL);
        assert_true(out.len > 0);
        assert_int_equal(count_nl(out.ptr, out.len), 0);
        sl_buf_free(&in);
        sl_buf_free(&out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gbk_seed_kinds),
        cmocka_unit_test(gbk_lost_bytes),
        cmocka_unit_test(gbk_letters),
        cmocka_unit_test(real_cjk_untouched),
        cmocka_unit_test(single_byte_mojibake),
        cmocka_unit_test(real_text_untouched),
        cmocka_unit_test(entities),
        cmocka_unit_test(controls_and_spaces),
        cmocka_unit_test(line_count_kept),
        cmocka_unit_test(edit_log),
        cmocka_unit_test(edit_log_spots),
        cmocka_unit_test(decode_input),
        cmocka_unit_test(decode_log),
        cmocka_unit_test(invalid_utf8_to_repair),
        cmocka_unit_test(public_api),
        cmocka_unit_test(pathological),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
