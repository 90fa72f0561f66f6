/* ym2612_fm_test.c - FM tone frequency: algorithm 7, operator 1 alone, at a
 * known F-number/block (and with MUL, detune), measured by zero crossings
 * against the datasheet formula f = fnum * 2^(block-1) / 2^20 per sample. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define SAMPLES 20000

/* Cycles per sample measured over rising zero crossings of the left output. */
static double measured_cycles_per_sample(Ym2612 *ym)
{
    static int16_t out[2 * SAMPLES];
    assert_int_equal(ym2612_run(ym, SAMPLES * 144, out), SAMPLES);
    int first = -1, last = -1, crossings = 0;
    for (int i = 1; i < SAMPLES; i++) {
        if (out[2 * (i - 1)] < 0 && out[2 * i] >= 0) {
            if (first < 0) first = i;
            last = i;
            crossings++;
        }
    }
    assert_true(crossings > 10);
    return (double)(crossings - 1) / (double)(last - first);
}

static void check_tone(unsigned fnum, unsigned block, uint8_t dt_mul, double expected)
{
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_channel(&ym, 1, fnum, block, 0xC0);
    ym_test_op(&ym, 1, 0, 0x30, dt_mul);
    double measured = measured_cycles_per_sample(&ym);
    double error = (measured - expected) / expected;
    if (error < 0) error = -error;
    assert_true(error < 0.005);
}

static void test_fundamental_a4(void **state)
{
    (void)state;
    /* fnum 1084, block 4: 1084 * 8 / 2^20 cycles per sample (about 440.5 Hz NTSC). */
    check_tone(1084, 4, 0x01, 1084.0 * 8.0 / 1048576.0);
}

static void test_fundamental_other_blocks(void **state)
{
    (void)state;
    check_tone(700, 6, 0x01, 700.0 * 32.0 / 1048576.0);
    check_tone(1500, 3, 0x01, 1500.0 * 4.0 / 1048576.0);
}

static void test_multiple(void **state)
{
    (void)state;
    check_tone(1084, 4, 0x03, 3.0 * 1084.0 * 8.0 / 1048576.0);
    check_tone(1084, 4, 0x00, 0.5 * 1084.0 * 8.0 / 1048576.0); /* MUL 0 halves */
}

static void test_detune(void **state)
{
    (void)state;
    /* fnum 200, block 0: increment 100, key code 0, where DT1 = 3 adds 2 and
     * DT1 = 7 subtracts 2 (2%); MUL 15 keeps enough cycles to measure. */
    check_tone(200, 0, 0x3F, (100.0 + 2.0) * 15.0 / 1048576.0);
    check_tone(200, 0, 0x7F, (100.0 - 2.0) * 15.0 / 1048576.0);
    check_tone(200, 0, 0x0F, 100.0 * 15.0 / 1048576.0);
}

static void test_full_level_amplitude(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_channel(&ym, 0, 1084, 4, 0xC0);
    static int16_t out[2 * 2000];
    ym2612_run(&ym, 2000 * 144, out);
    int hi = 0, lo = 0;
    for (int i = 0; i < 2000; i++) {
        if (out[2 * i] > hi) hi = out[2 * i];
        if (out[2 * i] < lo) lo = out[2 * i];
    }
    /* Peak operator output 8168 -> 9-bit code 255 / -256. */
    assert_int_equal(hi, 255 * YM2612_OUTPUT_SCALE);
    assert_int_equal(lo, -256 * YM2612_OUTPUT_SCALE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fundamental_a4),
        cmocka_unit_test(test_fundamental_other_blocks),
        cmocka_unit_test(test_multiple),
        cmocka_unit_test(test_detune),
        cmocka_unit_test(test_full_level_amplitude),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
