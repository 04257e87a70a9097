/*
 * test_util.c: the leaf modules: buffer, UTF-8, arena, interning.
 */
#include "unit.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/intern.h"
#include "util/utf8.h"

static void buf_appends_and_detaches(void **state)
{
    sl_buf b = SL_BUF_INIT;
    char *s;
    (void)state;
    assert_string_equal(sl_buf_cstr(&b), "");
    sl_buf_puts(&b, "abc");
    sl_buf_putc(&b, '-');
    sl_buf_printf(&b, "%d", 42);
    sl_buf_put_cp(&b, 0x2019);
    assert_int_equal(b.len, 9);
    assert_string_equal(b.ptr, "abc-42\xE2\x80\x99");
    sl_buf_truncate(&b, 3);
    assert_string_equal(b.ptr, "abc");
    s = sl_buf_detach(&b);
    assert_string_equal(s, "abc");
    assert_null(b.ptr);
    free(s);
}

static void utf8_rejects_overlongs_and_surrogates(void **state)
{
    uint32_t cp;
    (void)state;
    assert_int_equal(sl_utf8_decode((const unsigned char *)"\xC3\xA9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(sl_utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), -1);
    assert_int_equal(sl_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), -1);
    assert_int_equal(sl_utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), -1);
    assert_int_equal(sl_utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), -1);
    assert_int_equal(sl_utf8_valid_prefix("ab\xE2\x80\x99x\xFF", 7), 6);
}

static void arena_keeps_big_and_small(void **state)
{
    sl_arena a = SL_ARENA_INIT;
    char *small, *big, *s2;
    (void)state;
    small = sl_arena_alloc(&a, 10);
    memset(small, 'x', 10);
    big = sl_arena_alloc(&a, 1 << 20);
    memset(big, 'y', 1 << 20);
    s2 = sl_arena_strndup(&a, "hello", 5);
    assert_string_equal(s2, "hello");
    assert_int_equal(small[9], 'x');
    assert_int_equal(big[(1 << 20) - 1], 'y');
    sl_arena_free(&a);
}

static void intern_gives_dense_stable_ids(void **state)
{
    sl_intern t;
    char word[32];
    uint32_t i;
    (void)state;
    sl_intern_init(&t);
    assert_int_equal(sl_intern_add(&t, "korea", 5), 0);
    assert_int_equal(sl_intern_add(&t, "kim", 3), 1);
    assert_int_equal(sl_intern_add(&t, "korea", 5), 0);
    assert_int_equal(sl_intern_find(&t, "moon", 4), SL_INTERN_NONE);
    for (i = 0; i < 5000; i++) {
        int n = snprintf(word, sizeof(word), "w%u", i);
        assert_int_equal(sl_intern_add(&t, word, (size_t)n), i + 2);
    }
    assert_string_equal(sl_intern_str(&t, 1, NULL), "kim");
    assert_int_equal(sl_intern_find(&t, "w4999", 5), 5001);
    sl_intern_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(buf_appends_and_detaches),
        cmocka_unit_test(utf8_rejects_overlongs_and_surrogates),
        cmocka_unit_test(arena_keeps_big_and_small),
        cmocka_unit_test(intern_gives_dense_stable_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
