/* ym2612_envelope_test.c - envelope shape: attack reaches 0 dB after the
 * number of samples the rate table predicts, the attack time halves every
 * four rates, decay stops at the sustain level, release has the table's
 * slope, key-on restarts the phase. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

/* The documented rate table (YM2612 application manual; Nemesis' tests):
 * envelopes update every 3 samples on a 12-bit counter; rate R < 44
 * applies on every 2^(11 - R/4)-th update, and picks its increment from an
 * eight-step pattern indexed by the counter bits above that. */
static unsigned table_increment(unsigned rate, unsigned counter)
{
    static const uint8_t low[4][8] = { { 0, 1, 0, 1, 0, 1, 0, 1 }, { 0, 1, 0, 1, 1, 1, 0, 1 },
                                       { 0, 1, 1, 1, 0, 1, 1, 1 }, { 0, 1, 1, 1, 1, 1, 1, 1 } };
    /* from rate 48: doubled on counter steps (low two bits) 0 / 0, 2 / 0-2 (die analysis) */
    static const uint8_t high[4][4] = { { 1, 1, 1, 1 }, { 2, 1, 1, 1 }, { 2, 1, 2, 1 }, { 2, 2, 2, 1 } };
    unsigned shift = rate < 44 ? 11 - rate / 4 : 0;
    if (counter % (1u << shift)) return 0;
    unsigned step = (counter >> shift) & 7;
    if (rate < 48) return low[rate & 3][step];
    if (rate < 60) return (unsigned)high[rate & 3][step & 3] << (rate / 4 - 12);
    return 8;
}

/* Samples from a key-on write before channel 1's turns until the attack
 * reaches attenuation 0. An envelope sample uses the counter, which
 * advances after it, from 0xFFF to 1. Operator 1 latches the key in the
 * second sample (the write reaches the channel at that operator's turn of
 * the first), which adds nothing; the attack then steps on envelope
 * samples. */
static int predicted_attack_samples(unsigned rate, unsigned counter, unsigned divider, unsigned update)
{
    int att = 0x3FF;
    for (int samples = 1; samples < 10000000; samples++) {
        if (update) counter = counter == 0xFFF ? 1 : counter + 1;
        update = 0;
        if (++divider == 3) {
            divider = 0;
            update = 1;
            if (samples <= 2) continue;
            int inc = (int)table_increment(rate, counter);
            att += (~att * inc) >> 4; /* the chip's attack curve */
            if (att <= 0) return samples;
        }
    }
    return -1;
}

/* fnum 1084 block 4: key code 18, so KS 0 adds 18 >> 3 = 2 to 2 * AR. */
static void setup_operator(Ym2612 *ym, uint8_t ar, uint8_t d1r, uint8_t d2r, uint8_t sl_rr)
{
    ym_test_sine_patch(ym, 0, 1084, 4, 0xC0);
    ym_test_op(ym, 0, 0, 0x50, ar);
    ym_test_op(ym, 0, 0, 0x60, d1r);
    ym_test_op(ym, 0, 0, 0x70, d2r);
    ym_test_op(ym, 0, 0, 0x80, sl_rr);
}

static int measured_attack_samples(uint8_t ar, unsigned warmup_samples, int *predicted)
{
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym2612_run(&ym, warmup_samples * 144, NULL); /* arbitrary counter phase */
    setup_operator(&ym, ar, 0, 0, 0x0F);
    *predicted = predicted_attack_samples(2u * ar + 2, ym.state.eg_counter, ym.state.eg_divider,
                                          ym.state.eg_update);
    ym_test_key(&ym, 0, 1);
    for (int samples = 1; samples < 10000000; samples++) {
        ym2612_run(&ym, 144, NULL);
        if (ym.state.slots[0][0].attenuation == 0) return samples;
    }
    return -1;
}

static void test_attack_time_matches_rate_table(void **state)
{
    (void)state;
    static const uint8_t ars[] = { 8, 13, 18, 21, 23, 26, 28, 29 };
    for (unsigned i = 0; i < sizeof ars; i++) {
        int predicted;
        int measured = measured_attack_samples(ars[i], 37 * i + 5, &predicted);
        assert_true(predicted > 0);
        assert_int_equal(measured, predicted);
    }
}

static void test_attack_time_halves_every_four_rates(void **state)
{
    (void)state;
    int predicted;
    int slow = measured_attack_samples(12, 0, &predicted); /* rate 26 */
    int fast = measured_attack_samples(14, 0, &predicted); /* rate 30 */
    double ratio = (double)slow / fast;
    assert_true(ratio > 1.8 && ratio < 2.2);
}

static void test_instant_attack_at_rate_62(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    setup_operator(&ym, 30, 0, 0, 0x0F); /* 2 * 30 + 2 = 62 */
    ym_test_key(&ym, 0, 1);
    ym2612_run(&ym, 144, NULL); /* the write reaches the channel */
    assert_int_equal(ym.state.slots[0][0].attenuation, 0x3FF);
    ym2612_run(&ym, 144, NULL); /* operator 1 latches it */
    assert_int_equal(ym.state.slots[0][0].attenuation, 0);
}

static void test_decay_stops_at_sustain_level(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    setup_operator(&ym, 31, 20, 0, 0x4F); /* SL 4: attenuation 4 * 32 */
    ym_test_key(&ym, 0, 1);
    ym2612_run(&ym, 20000 * 144, NULL);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_SUSTAIN);
    unsigned att = ym.state.slots[0][0].attenuation;
    assert_true(att >= 128 && att <= 130);
}

static void test_release_slope(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    setup_operator(&ym, 31, 0, 0, 0x06); /* RR 6: rate 4 * 6 + 2 + 2 = 28 */
    ym_test_key(&ym, 0, 1);
    ym2612_run(&ym, 10 * 144, NULL);
    assert_int_equal(ym.state.slots[0][0].attenuation, 0);
    ym_test_key(&ym, 0, 0);
    ym2612_run(&ym, 2 * 144, NULL);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_RELEASE);
    int start = -1, end = -1;
    for (int samples = 1; samples < 200000 && end < 0; samples++) {
        ym2612_run(&ym, 144, NULL);
        unsigned att = ym.state.slots[0][0].attenuation;
        if (start < 0 && att >= 100) start = samples;
        if (att >= 900) end = samples;
    }
    assert_true(start > 0 && end > start);
    /* Rate 28: pattern 0 (4 steps of 1 in 8) on every 16th update, 3 samples per update. */
    double expected_per_sample = 4.0 / 8.0 / 16.0 / 3.0;
    double measured = 800.0 / (end - start);
    print_message("release: %d samples, %.6f per sample, expected %.6f\n", end - start, measured, expected_per_sample);
    double error = (measured - expected_per_sample) / expected_per_sample;
    assert_true(error > -0.02 && error < 0.02);
    ym2612_run(&ym, 100000 * 144, NULL);
    assert_int_equal(ym.state.slots[0][0].attenuation, 0x3FF);
}

static void test_key_on_resets_phase(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_channel(&ym, 0, 1084, 4, 0xC0);
    ym2612_run(&ym, 50 * 144, NULL);
    assert_true(ym.state.slots[0][0].phase != 0);
    ym_test_key(&ym, 0, 0);
    ym2612_run(&ym, 2 * 144, NULL);
    ym_test_key(&ym, 0, 1);
    ym2612_run(&ym, 2 * 144, NULL); /* left at 0 by the key-on turn */
    assert_int_equal(ym.state.slots[0][0].phase, 0);
    ym2612_run(&ym, 144, NULL);
    assert_int_equal(ym.state.slots[0][0].phase, 1084u * 8u);
}

/* Register 0x28 reaches channel 1 at its operator 1 turn, the first 6-clock
 * turn of each sample; operators 3, 2 and 4 latch the key at their turns
 * in that sample, operator 1 (whose turn has just passed) in the next. A
 * write after that turn waits a sample more (YM3438 die analysis). */
static void test_write_lands_on_its_slot(void **state)
{
    (void)state;
    for (unsigned late = 0; late < 2; late++) {
        Ym2612 ym;
        ym2612_init(&ym, YM2612_MODEL_YM3438);
        ym_test_sine_patch(&ym, 0, 1084, 4, 0xC0);
        ym2612_run(&ym, 144 - ym.state.clock_in_sample, NULL); /* align to a sample start */
        ym2612_run(&ym, late ? 7 : 5, NULL);
        ym_test_key(&ym, 0, 0x5); /* operators 1 and 3 */
        ym2612_run(&ym, 144 - ym.state.clock_in_sample, NULL);
        assert_int_equal(ym.state.slots[0][2].key, late ? 0 : 1);
        assert_int_equal(ym.state.slots[0][0].key, 0);
        ym2612_run(&ym, 144, NULL);
        assert_int_equal(ym.state.slots[0][2].key, 1);
        assert_int_equal(ym.state.slots[0][0].key, late ? 0 : 1);
        ym2612_run(&ym, 144, NULL);
        assert_int_equal(ym.state.slots[0][0].key, 1);
        assert_int_equal(ym.state.slots[0][0].phase, late ? 0u : 1084u * 8u);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attack_time_matches_rate_table),
        cmocka_unit_test(test_attack_time_halves_every_four_rates),
        cmocka_unit_test(test_instant_attack_at_rate_62),
        cmocka_unit_test(test_decay_stops_at_sustain_level),
        cmocka_unit_test(test_release_slope),
        cmocka_unit_test(test_key_on_resets_phase),
        cmocka_unit_test(test_write_lands_on_its_slot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
