/* ym2612_registers_test.c - bus interface: the shared F-number latch, both
 * ports, key-on channel decoding, reset values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

static void test_frequency_latch_is_shared(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0xA4, (5 << 3) | 0x3); /* latched, not yet applied */
    assert_int_equal(ym.state.channels[0].fnum, 0);
    ym_test_write(&ym, 0, 0xA1, 0x21);           /* channel 2's low byte takes it */
    assert_int_equal(ym.state.channels[1].fnum, 0x321);
    assert_int_equal(ym.state.channels[1].block, 5);
    assert_int_equal(ym.state.channels[0].fnum, 0);
    ym_test_write(&ym, 1, 0xA2, 0x10);           /* and stays latched for port 2 */
    assert_int_equal(ym.state.channels[5].fnum, 0x310);

    ym_test_write(&ym, 0, 0xAC, (2 << 3) | 0x1);  /* channel 3 special-mode latch */
    ym_test_write(&ym, 0, 0xA9, 0x55);
    assert_int_equal(ym.state.ch3_fnum[1], 0x155);
    assert_int_equal(ym.state.ch3_block[1], 2);
    assert_int_equal(ym.state.channels[2].fnum, 0);
}

static void test_port2_operator_registers(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 1, 0x4D, 0x22); /* channel 5 (port 2, index 1), operator 4 TL */
    assert_int_equal(ym.state.regs[1][0x4D], 0x22);
    assert_int_equal(ym.state.regs[0][0x4D], 0);
    /* Global registers exist on port 1 only. */
    ym_test_write(&ym, 1, 0x28, 0xF0);
    ym_test_write(&ym, 1, 0x27, 0x05);
    assert_int_equal(ym.state.slots[0][0].key, 0);
    assert_int_equal(ym.state.regs[0][0x27], 0);
}

static void test_key_on_channel_decoding(void **state)
{
    (void)state;
    static const uint8_t select[6] = { 0, 1, 2, 4, 5, 6 };
    for (unsigned ch = 0; ch < 6; ch++) {
        Ym2612 ym;
        ym2612_init(&ym, YM2612_MODEL_YM3438);
        ym_test_write(&ym, 0, 0x28, (uint8_t)(0x50 | select[ch])); /* operators 1 and 3 */
        ym2612_run(&ym, 2 * 144, NULL); /* latched at the operators' turns */
        for (unsigned c = 0; c < 6; c++)
            for (unsigned op = 0; op < 4; op++)
                assert_int_equal(ym.state.slots[c][op].key, c == ch && (op == 0 || op == 2));
    }
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x28, 0xF3); /* channel selects 3 and 7 do not exist */
    ym_test_write(&ym, 0, 0x28, 0xF7);
    for (unsigned c = 0; c < 6; c++) assert_int_equal(ym.state.slots[c][0].key, 0);
}

static void test_reset_state(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_DISCRETE);
    ym_test_sine_channel(&ym, 0, 1084, 4, 0x80);
    ym_test_write(&ym, 0, 0x27, 0x05);
    ym2612_run(&ym, 2000 * 144 + 5, NULL);
    ym2612_reset(&ym);
    assert_int_equal(ym2612_read_status(&ym), 0);
    assert_int_equal(ym.state.clock_in_sample, 0);
    for (unsigned c = 0; c < 6; c++) {
        assert_int_equal(ym.state.regs[c / 3][0xB4 + c % 3], 0xC0); /* panning powers up L+R */
        for (unsigned op = 0; op < 4; op++) {
            assert_int_equal(ym.state.slots[c][op].key, 0);
            assert_int_equal(ym.state.slots[c][op].attenuation, 0x3FF);
        }
    }
    /* silent: every channel's code 0, which the discrete chip outputs as
     * the ladder's +4 */
    int16_t out[2 * 10];
    ym2612_run(&ym, 10 * 144, out);
    for (int i = 0; i < 20; i++) assert_int_equal(out[i], 6 * 4 * YM2612_OUTPUT_SCALE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frequency_latch_is_shared),
        cmocka_unit_test(test_port2_operator_registers),
        cmocka_unit_test(test_key_on_channel_decoding),
        cmocka_unit_test(test_reset_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
