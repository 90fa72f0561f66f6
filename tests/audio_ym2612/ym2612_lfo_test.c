/* ym2612_lfo_test.c - LFO vibrato (PMS) and tremolo (AMS), and channel 3
 * special mode's per-operator frequencies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define SAMPLES 6400 /* ten LFO periods at 72 Hz (128 steps of 5 samples) */

static int16_t out[2 * SAMPLES];

/* Ratio of the longest to the shortest cycle between rising zero crossings. */
static double period_spread(void)
{
    int prev = -1, shortest = 1 << 30, longest = 0;
    for (int i = 1; i < SAMPLES; i++) {
        if (out[2 * (i - 1)] < 0 && out[2 * i] >= 0) {
            if (prev >= 0) {
                int len = i - prev;
                if (len < shortest) shortest = len;
                if (len > longest) longest = len;
            }
            prev = i;
        }
    }
    assert_true(longest > 0);
    return (double)longest / shortest;
}

/* Ratio of the loudest to the quietest cycle peak. */
static double peak_spread(void)
{
    int cycle_peak = 0, loudest = 0, quietest = 1 << 30;
    for (int i = 1; i < SAMPLES; i++) {
        int v = out[2 * i] < 0 ? -out[2 * i] : out[2 * i];
        if (v > cycle_peak) cycle_peak = v;
        if (out[2 * (i - 1)] < 0 && out[2 * i] >= 0) {
            if (i > 200) {
                if (cycle_peak > loudest) loudest = cycle_peak;
                if (cycle_peak < quietest) quietest = cycle_peak;
            }
            cycle_peak = 0;
        }
    }
    assert_true(quietest > 0);
    return (double)loudest / quietest;
}

static void run_lfo_tone(uint8_t lfo, uint8_t ams_pms, bool am_on)
{
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x22, lfo);
    ym_test_sine_channel(&ym, 0, 1084, 4, (uint8_t)(0xC0 | ams_pms));
    if (am_on) ym_test_op(&ym, 0, 0, 0x60, 0x80);
    assert_int_equal(ym2612_run(&ym, SAMPLES * 144, out), SAMPLES);
}

static void test_vibrato_depth_follows_pms(void **state)
{
    (void)state;
    run_lfo_tone(0x0F, 0x00, false); /* LFO on, PMS 0 */
    double none = period_spread();
    run_lfo_tone(0x0F, 0x07, false); /* PMS 7: about +-4.5% at this F-number */
    double deep = period_spread();
    run_lfo_tone(0x07, 0x07, false); /* LFO off: no vibrato */
    double off = period_spread();
    assert_true(none < 1.03);
    assert_true(off < 1.03);
    assert_true(deep > 1.06);
}

static void test_tremolo_depth_follows_ams(void **state)
{
    (void)state;
    run_lfo_tone(0x0F, 0x30, false); /* AMS 3 but operator AM disabled */
    double off = peak_spread();
    run_lfo_tone(0x0F, 0x30, true); /* AMS 3: 11.8 dB, a factor of about 3.9 */
    double deep = peak_spread();
    run_lfo_tone(0x0F, 0x10, true); /* AMS 1: 1.4 dB, about 1.17 */
    double shallow = peak_spread();
    assert_true(off < 1.05);
    assert_true(deep > 3.0 && deep < 4.5);
    assert_true(shallow > 1.08 && shallow < 1.3);
}

static double rising_crossings_per_sample(void)
{
    int first = -1, last = -1, crossings = 0;
    for (int i = 1; i < SAMPLES; i++) {
        if (out[2 * (i - 1)] < 0 && out[2 * i] >= 0) {
            if (first < 0) first = i;
            last = i;
            crossings++;
        }
    }
    assert_true(crossings > 10);
    return (double)(crossings - 1) / (last - first);
}

static void test_channel3_special_mode_frequencies(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_channel(&ym, 2, 700, 4, 0xC0);
    /* Operator 1's own frequency lives in 0xAD/0xA9. */
    ym_test_write(&ym, 0, 0xAD, (4 << 3) | (1084 >> 8));
    ym_test_write(&ym, 0, 0xA9, 1084 & 0xFF);
    ym2612_run(&ym, SAMPLES * 144, out);
    double normal = rising_crossings_per_sample();
    assert_true(normal > 700 * 8 / 1048576.0 * 0.995 && normal < 700 * 8 / 1048576.0 * 1.005);

    ym_test_write(&ym, 0, 0x27, 0x40);
    ym2612_run(&ym, SAMPLES * 144, out);
    double special = rising_crossings_per_sample();
    assert_true(special > 1084 * 8 / 1048576.0 * 0.995 && special < 1084 * 8 / 1048576.0 * 1.005);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vibrato_depth_follows_pms),
        cmocka_unit_test(test_tremolo_depth_follows_ams),
        cmocka_unit_test(test_channel3_special_mode_frequencies),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
