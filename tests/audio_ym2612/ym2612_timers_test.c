/* ym2612_timers_test.c - timer A/B overflow at exact clocks, flag reset and
 * enable bits, and the busy flag after a data write. The timers latch
 * their load bits at the end of each sample: a timer started counts from
 * the end of the sample after (YM3438 die analysis). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

static void test_timer_a_overflows_at_exact_clock(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    /* NA = 1020: four samples per period (144 * (1024 - NA) clocks). */
    ym_test_write(&ym, 0, 0x24, 1020 >> 2);
    ym_test_write(&ym, 0, 0x25, 1020 & 3);
    ym_test_write(&ym, 0, 0x27, 0x05); /* load A, enable flag A: latched at this sample's end */
    ym2612_run(&ym, 5 * 144 - 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x03, 0);
    ym2612_run(&ym, 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x03, 0x01);

    /* Reset flag A; it comes back one full period later. */
    ym_test_write(&ym, 0, 0x27, 0x15);
    assert_int_equal(ym2612_read_status(&ym) & 0x01, 0);
    ym2612_run(&ym, 4 * 144 - 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x01, 0);
    ym2612_run(&ym, 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x01, 0x01);
}

static void test_timer_a_max_period(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_DISCRETE);
    ym_test_write(&ym, 0, 0x24, 0);
    ym_test_write(&ym, 0, 0x25, 0);
    ym_test_write(&ym, 0, 0x27, 0x05);
    ym2612_run(&ym, 1025 * 144 - 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x01, 0);
    ym2612_run(&ym, 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x01, 0x01);
}

static void test_timer_b_overflows_at_exact_clock(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    /* NB = 254: two ticks of 16 samples each. */
    ym_test_write(&ym, 0, 0x26, 254);
    ym_test_write(&ym, 0, 0x27, 0x0A); /* load B, enable flag B */
    ym2612_run(&ym, 2 * 16 * 144 - 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x03, 0);
    ym2612_run(&ym, 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x03, 0x02);
    /* Reloaded: the next overflow is one period (2 * 16 samples) later. */
    ym_test_write(&ym, 0, 0x27, 0x2A);
    ym2612_run(&ym, 2 * 16 * 144 - 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x02, 0);
    ym2612_run(&ym, 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x02, 0x02);
}

static void test_disabled_flag_and_stopped_timer(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x24, 0xFF);
    ym_test_write(&ym, 0, 0x25, 0x03); /* NA = 1023: one sample */
    ym_test_write(&ym, 0, 0x27, 0x01); /* running, flag disabled */
    ym2612_run(&ym, 10 * 144, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x03, 0);
    ym_test_write(&ym, 0, 0x27, 0x00); /* stopped after one more count */
    ym2612_run(&ym, 144, NULL);
    ym_test_write(&ym, 0, 0x27, 0x04); /* flag enabled, timer stopped */
    ym2612_run(&ym, 10 * 144, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x03, 0);
    ym_test_write(&ym, 0, 0x27, 0x05); /* loaded at this sample's end, overflows at the next */
    ym2612_run(&ym, 144, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x03, 0);
    ym2612_run(&ym, 144, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x03, 0x01);
}

static void test_busy_flag_duration(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_DISCRETE);
    ym2612_write(&ym, 0, 0x30);
    assert_int_equal(ym2612_read_status(&ym) & 0x80, 0); /* address writes don't set busy */
    ym2612_write(&ym, 1, 0x71);
    assert_int_equal(ym2612_read_status(&ym) & 0x80, 0x80);
    ym2612_run(&ym, YM2612_BUSY_CLOCKS - 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x80, 0x80);
    ym2612_run(&ym, 1, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 0x80, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timer_a_overflows_at_exact_clock),
        cmocka_unit_test(test_timer_a_max_period),
        cmocka_unit_test(test_timer_b_overflows_at_exact_clock),
        cmocka_unit_test(test_disabled_flag_and_stopped_timer),
        cmocka_unit_test(test_busy_flag_duration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
