/* ym2612_csm_test.c - CSM mode: each timer A overflow keys channel 3's four
 * operators on for one sample; outside CSM mode the timer keys nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

static void setup(Ym2612 *ym, uint8_t mode)
{
    ym2612_init(ym, YM2612_MODEL_YM3438);
    ym_test_sine_channel(ym, 2, 1084, 4, 0xC0);
    ym_test_key(ym, 2, 0);
    ym2612_run(ym, 144, NULL);
    ym_test_write(ym, 0, 0x24, 1016 >> 2); /* NA 1016: 8 samples */
    ym_test_write(ym, 0, 0x25, 1016 & 3);
    ym_test_write(ym, 0, 0x27, (uint8_t)(mode | 0x05));
}

static void test_csm_keys_channel3_on_timer_a(void **state)
{
    (void)state;
    Ym2612 ym;
    setup(&ym, 0x80);
    for (int i = 0; i < 7; i++) {
        ym2612_run(&ym, 144, NULL);
        for (int op = 0; op < 4; op++) assert_int_equal(ym.state.slots[2][op].key, 0);
    }
    /* Overflow at the end of the 8th sample: keyed on for exactly one sample. */
    ym2612_run(&ym, 144, NULL);
    assert_int_equal(ym2612_read_status(&ym) & 1, 1);
    for (int op = 0; op < 4; op++) {
        assert_int_equal(ym.state.slots[2][op].key, 1);
        assert_int_equal(ym.state.slots[2][op].attenuation, 0); /* AR 31 */
        assert_int_equal(ym.state.slots[2][op].phase, 0);
    }
    int16_t lr[2];
    ym2612_run(&ym, 144, lr);
    for (int op = 0; op < 4; op++) {
        assert_int_equal(ym.state.slots[2][op].key, 0);
        assert_int_equal(ym.state.slots[2][op].eg_stage, YM2612_EG_RELEASE);
    }
    /* Other channels are not affected. */
    assert_int_equal(ym.state.slots[1][0].key, 0);
    /* And again one period later. */
    ym2612_run(&ym, 7 * 144, NULL);
    assert_int_equal(ym.state.slots[2][0].key, 1);
}

static void test_register_key_survives_csm_pulse(void **state)
{
    (void)state;
    Ym2612 ym;
    setup(&ym, 0x80);
    ym_test_key(&ym, 2, 0x1); /* operator 1 held by register 0x28 */
    ym2612_run(&ym, 9 * 144, NULL);
    assert_int_equal(ym.state.slots[2][0].key, 1);
    assert_int_equal(ym.state.slots[2][1].key, 0);
    assert_int_equal(ym.state.slots[2][0].eg_stage != YM2612_EG_RELEASE, 1);
}

static void test_no_key_outside_csm(void **state)
{
    (void)state;
    Ym2612 ym;
    setup(&ym, 0x40); /* channel 3 special mode, not CSM */
    for (int i = 0; i < 20; i++) {
        ym2612_run(&ym, 144, NULL);
        assert_int_equal(ym.state.slots[2][0].key, 0);
    }
    assert_int_equal(ym2612_read_status(&ym) & 1, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csm_keys_channel3_on_timer_a),
        cmocka_unit_test(test_register_key_survives_csm_pulse),
        cmocka_unit_test(test_no_key_outside_csm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
