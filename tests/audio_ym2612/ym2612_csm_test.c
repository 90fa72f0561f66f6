/* ym2612_csm_test.c - CSM mode: each timer A reload (its load bit rising,
 * or an overflow) keys channel 3's four operators on for one sample;
 * outside CSM mode the timer keys nothing. */
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

/* After setup's write (at a sample's start): its end loads timer A and
 * sends a pulse, latched at sample 1's turns; then 8 counts overflow at
 * sample 8's end, latched in sample 9. */
static void test_csm_keys_channel3_on_timer_a(void **state)
{
    (void)state;
    Ym2612 ym;
    setup(&ym, 0x80);
    static const uint8_t keyed_after[11] = { 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0 };
    for (int i = 0; i < 11; i++) {
        ym2612_run(&ym, 144, NULL);
        for (int op = 0; op < 4; op++) assert_int_equal(ym.state.slots[2][op].key, keyed_after[i]);
        if (i == 8) assert_int_equal(ym2612_read_status(&ym) & 1, 1);
        if (keyed_after[i]) {
            for (int op = 0; op < 4; op++) {
                assert_int_equal(ym.state.slots[2][op].attenuation, 0); /* AR 31 */
                assert_int_equal(ym.state.slots[2][op].phase, 0);
            }
        } else if (i > 1) {
            for (int op = 0; op < 4; op++) assert_int_equal(ym.state.slots[2][op].eg_stage, YM2612_EG_RELEASE);
        }
        /* Other channels are not affected. */
        assert_int_equal(ym.state.slots[1][0].key, 0);
    }
    /* And again one period later, in sample 17. */
    ym2612_run(&ym, 6 * 144, NULL);
    assert_int_equal(ym.state.slots[2][0].key, 0);
    ym2612_run(&ym, 144, NULL);
    assert_int_equal(ym.state.slots[2][0].key, 1);
}

static void test_register_key_survives_csm_pulse(void **state)
{
    (void)state;
    Ym2612 ym;
    setup(&ym, 0x80);
    ym_test_key(&ym, 2, 0x1); /* operator 1 held by register 0x28 */
    ym2612_run(&ym, 11 * 144, NULL); /* overflow pulse latched in sample 9, off in 10 */
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
