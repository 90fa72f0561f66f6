/* ym2612_dac_test.c - DAC channel output, panning, the ladder effect of the
 * discrete YM2612 (absent on the YM3438) and the debug mute mask. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

/* One sample after enabling the DAC with `data` and channel 6 panned `pan`. */
static void dac_sample(Ym2612Model model, uint8_t data, uint8_t pan, int16_t lr[2])
{
    Ym2612 ym;
    ym2612_init(&ym, model);
    ym_test_write(&ym, 1, 0xB6, pan);
    ym_test_write(&ym, 0, 0x2B, 0x80);
    ym_test_write(&ym, 0, 0x2A, data);
    assert_int_equal(ym2612_run(&ym, 144, lr), 1);
}

static void test_dac_levels(void **state)
{
    (void)state;
    int16_t lr[2];
    dac_sample(YM2612_MODEL_YM3438, 0xFF, 0xC0, lr);
    assert_int_equal(lr[0], 254 * YM2612_OUTPUT_SCALE);
    assert_int_equal(lr[1], 254 * YM2612_OUTPUT_SCALE);
    dac_sample(YM2612_MODEL_YM3438, 0x00, 0xC0, lr);
    assert_int_equal(lr[0], -256 * YM2612_OUTPUT_SCALE);
    dac_sample(YM2612_MODEL_YM3438, 0x80, 0xC0, lr);
    assert_int_equal(lr[0], 0);
    assert_int_equal(lr[1], 0);
}

static void test_dac_follows_writes_per_sample(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x2B, 0x80);
    int16_t out[8];
    for (int i = 0; i < 4; i++) {
        ym_test_write(&ym, 0, 0x2A, (uint8_t)(0x80 + 16 * i));
        assert_int_equal(ym2612_run(&ym, 144, out + 2 * i), 1);
    }
    for (int i = 0; i < 4; i++) assert_int_equal(out[2 * i], 32 * i * YM2612_OUTPUT_SCALE);
    /* Disabling the DAC gives channel 6 back to FM (silent here). */
    ym_test_write(&ym, 0, 0x2B, 0x00);
    ym2612_run(&ym, 144, out);
    assert_int_equal(out[0], 0);
}

static void test_dac_panning(void **state)
{
    (void)state;
    int16_t lr[2];
    dac_sample(YM2612_MODEL_YM3438, 0xC0, 0x80, lr);
    assert_int_equal(lr[0], 128 * YM2612_OUTPUT_SCALE);
    assert_int_equal(lr[1], 0);
    dac_sample(YM2612_MODEL_YM3438, 0xC0, 0x40, lr);
    assert_int_equal(lr[0], 0);
    assert_int_equal(lr[1], 128 * YM2612_OUTPUT_SCALE);
}

static void test_fm_panning(void **state)
{
    (void)state;
    static const uint8_t pans[3] = { 0x80, 0x40, 0xC0 };
    for (int p = 0; p < 3; p++) {
        Ym2612 ym;
        ym2612_init(&ym, YM2612_MODEL_YM3438);
        ym_test_sine_channel(&ym, 3, 1084, 4, pans[p]); /* channel 4: port 2 registers */
        int16_t out[2 * 400];
        assert_int_equal(ym2612_run(&ym, 400 * 144, out), 400);
        int peak_l = 0, peak_r = 0;
        for (int i = 0; i < 400; i++) {
            int l = out[2 * i] < 0 ? -out[2 * i] : out[2 * i];
            int r = out[2 * i + 1] < 0 ? -out[2 * i + 1] : out[2 * i + 1];
            if (l > peak_l) peak_l = l;
            if (r > peak_r) peak_r = r;
        }
        if (pans[p] & 0x80) assert_true(peak_l > 250 * YM2612_OUTPUT_SCALE);
        else assert_int_equal(peak_l, 0);
        if (pans[p] & 0x40) assert_true(peak_r > 250 * YM2612_OUTPUT_SCALE);
        else assert_int_equal(peak_r, 0);
    }
}

/* On the discrete chip the five silent channels (code 0, L+R) add 4 steps
 * each: the ladder's rest level. */
#define REST_OF_FIVE (5 * 4)

static void test_ladder_effect_discrete_only(void **state)
{
    (void)state;
    int16_t lr[2];
    /* DAC code -2 (0x7F): the discrete chip outputs code - 3. */
    dac_sample(YM2612_MODEL_DISCRETE, 0x7F, 0xC0, lr);
    assert_int_equal(lr[0], (REST_OF_FIVE - 2 - 3) * YM2612_OUTPUT_SCALE);
    dac_sample(YM2612_MODEL_YM3438, 0x7F, 0xC0, lr);
    assert_int_equal(lr[0], -2 * YM2612_OUTPUT_SCALE);
    /* Code 2 (0x81): code + 4; the YM3438 the code alone. */
    dac_sample(YM2612_MODEL_DISCRETE, 0x81, 0xC0, lr);
    assert_int_equal(lr[0], (REST_OF_FIVE + 2 + 4) * YM2612_OUTPUT_SCALE);
    dac_sample(YM2612_MODEL_YM3438, 0x81, 0xC0, lr);
    assert_int_equal(lr[0], 2 * YM2612_OUTPUT_SCALE);
    /* A panned-off channel still outputs its sign in every cycle: -4. */
    dac_sample(YM2612_MODEL_DISCRETE, 0x40, 0x00, lr);
    assert_int_equal(lr[0], (REST_OF_FIVE - 4) * YM2612_OUTPUT_SCALE);
    assert_int_equal(lr[1], (REST_OF_FIVE - 4) * YM2612_OUTPUT_SCALE);
    dac_sample(YM2612_MODEL_YM3438, 0x40, 0x00, lr);
    assert_int_equal(lr[0], 0);
    assert_int_equal(lr[1], 0);
}

/* A quiet sine: the discrete chip's output jumps 8 steps where the code
 * crosses zero (0 -> +4, -1 -> -4), so its range is 7 steps wider. */
static void test_ladder_gap_on_quiet_sine(void **state)
{
    (void)state;
    int range[2];
    for (int model = 0; model < 2; model++) {
        Ym2612 ym;
        ym2612_init(&ym, (Ym2612Model)model);
        ym_test_sine_channel(&ym, 0, 1084, 4, 0xC0);
        ym_test_op(&ym, 0, 0, 0x40, 40); /* -30 dB */
        int16_t out[2 * 1000];
        ym2612_run(&ym, 1000 * 144, out);
        int lo = 32767, hi = -32768;
        for (int i = 200; i < 1000; i++) {
            if (out[2 * i] < lo) lo = out[2 * i];
            if (out[2 * i] > hi) hi = out[2 * i];
        }
        range[model] = hi - lo;
    }
    assert_true(range[YM2612_MODEL_YM3438] > 10 * YM2612_OUTPUT_SCALE);
    assert_int_equal(range[YM2612_MODEL_DISCRETE], range[YM2612_MODEL_YM3438] + 7 * YM2612_OUTPUT_SCALE);
}

/* A panned-off channel is heard as a square wave of its sign, +-4 steps,
 * whatever its level (Aly James: a muted channel stays audible, its TL
 * making almost no difference). */
static void test_panned_off_channel_outputs_its_sign(void **state)
{
    (void)state;
    static const uint8_t levels[2] = { 0, 56 };
    for (int t = 0; t < 2; t++) {
        Ym2612 ym;
        ym2612_init(&ym, YM2612_MODEL_DISCRETE);
        ym_test_sine_channel(&ym, 0, 1084, 4, 0x00);
        ym_test_op(&ym, 0, 0, 0x40, levels[t]);
        int16_t out[2 * 1000];
        ym2612_run(&ym, 1000 * 144, out);
        int high = 0, low = 0;
        for (int i = 200; i < 1000; i++) {
            assert_int_equal(out[2 * i], out[2 * i + 1]);
            if (out[2 * i] == (REST_OF_FIVE + 4) * YM2612_OUTPUT_SCALE) high++;
            else if (out[2 * i] == (REST_OF_FIVE - 4) * YM2612_OUTPUT_SCALE) low++;
            else fail();
        }
        assert_true(high > 300 && low > 300);
    }
}

static void test_mute_mask(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_DISCRETE);
    ym_test_write(&ym, 0, 0x2B, 0x80);
    ym_test_write(&ym, 0, 0x2A, 0x20);
    ym.mute_mask = 1u << 5;
    int16_t lr[2];
    ym2612_run(&ym, 144, lr);
    assert_int_equal(lr[0], REST_OF_FIVE * YM2612_OUTPUT_SCALE);
    assert_int_equal(lr[1], REST_OF_FIVE * YM2612_OUTPUT_SCALE);
    ym.mute_mask = 0;
    ym2612_run(&ym, 144, lr);
    assert_int_equal(lr[0], (REST_OF_FIVE - 192 - 3) * YM2612_OUTPUT_SCALE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dac_levels),
        cmocka_unit_test(test_dac_follows_writes_per_sample),
        cmocka_unit_test(test_dac_panning),
        cmocka_unit_test(test_fm_panning),
        cmocka_unit_test(test_ladder_effect_discrete_only),
        cmocka_unit_test(test_ladder_gap_on_quiet_sine),
        cmocka_unit_test(test_panned_off_channel_outputs_its_sign),
        cmocka_unit_test(test_mute_mask),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
