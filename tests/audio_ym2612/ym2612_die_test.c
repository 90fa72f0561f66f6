/* ym2612_die_test.c - behaviour of the OPN2 pipeline as the YM3438 die
 * analysis shows it, where a sample-level model is easy to get subtly
 * wrong: the envelope counter's wrap and phase, the increments of rates
 * 48 to 59, the LFO divider, the envelope switching itself off, SSG-EG
 * end-of-cycle checks, register 0x28 reaching operators at their turns, the
 * vibrato adder and the DAC select read at output time. Levels are read at sample boundaries, where every
 * turn of the samples before is worked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define SAMPLE_CLOCKS 144

static unsigned level_of(const Ym2612 *ym) { return ym->state.slots[0][0].attenuation; }

/* Channel 1 operator 1 with instant attack, decay D1R (SL 15, so decay
 * never ends before 0x3E0), key scaling KS, at a frequency of key code 0
 * (fnum 0x100 block 0) or 1 (fnum 0x380 block 0); keyed on before sample 0,
 * so at its turn of sample 1 (its level 0 after it). Returns after sample 1. */
static void key_decay(Ym2612 *ym, uint8_t d1r, uint8_t ks, unsigned fnum)
{
    ym2612_init(ym, YM2612_MODEL_YM3438);
    ym_test_sine_patch(ym, 0, fnum, 0, 0xC0);
    ym_test_op(ym, 0, 0, 0x50, (uint8_t)((ks << 6) | 0x1F));
    ym_test_op(ym, 0, 0, 0x60, d1r);
    ym_test_op(ym, 0, 0, 0x80, 0xFF);
    ym_test_key(ym, 0, 0x1);
    ym2612_run(ym, 2 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(level_of(ym), 0);
}

/* Rate 2 adds 1 once per counter cycle, when the counter is 0x800. The
 * counter wraps from 0xFFF to 1, so a cycle is 4095 envelope samples of 3
 * samples, not 4096. */
static void test_envelope_counter_skips_zero(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decay(&ym, 1, 0, 0x100); /* rate 2 * 1 + 0 */
    unsigned prev = level_of(&ym);
    int changes[3], found = 0;
    for (int sample = 2; sample < 31000 && found < 3; sample++) {
        ym2612_run(&ym, SAMPLE_CLOCKS, NULL);
        unsigned level = level_of(&ym);
        if (level != prev) changes[found++] = sample;
        prev = level;
    }
    assert_int_equal(found, 3);
    assert_int_equal(changes[1] - changes[0], 4095 * 3);
    assert_int_equal(changes[2] - changes[1], 4095 * 3);
    assert_int_equal(prev, 3);
}

/* After reset the envelope samples are samples 1, 4, 7, ...: rate 62 adds
 * 8 at each of them (from sample 4: the key-on of sample 1 and the stage
 * change of sample 2 add nothing). */
static void test_envelope_samples_after_reset(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decay(&ym, 31, 0, 0x100); /* rate 62 */
    unsigned prev = level_of(&ym);
    int changes = 0;
    for (int sample = 2; sample < 62; sample++) {
        ym2612_run(&ym, SAMPLE_CLOCKS, NULL);
        unsigned level = level_of(&ym);
        if (level != prev) {
            assert_int_equal(sample % 3, 1);
            assert_int_equal(level - prev, 8);
            changes++;
        }
        prev = level;
    }
    assert_int_equal(changes, 20);
}

/* Rate 49 adds 1 per envelope sample, 2 when the counter's low two bits
 * are 0; the first envelope sample after reset sees counter 0, and the
 * counter counts envelope samples from there. */
static void test_rate_49_increment_pattern(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decay(&ym, 24, 3, 0x380); /* 2 * 24 + key code 1 */
    unsigned prev = level_of(&ym);
    for (int sample = 2; sample < 122; sample++) {
        ym2612_run(&ym, SAMPLE_CLOCKS, NULL);
        unsigned level = level_of(&ym);
        if (sample % 3 == 1) {
            unsigned tick = (unsigned)(sample - 1) / 3; /* the counter's value */
            assert_int_equal(level - prev, (tick & 3) == 0 ? 2u : 1u);
        } else {
            assert_int_equal(level, prev);
        }
        prev = level;
    }
}

/* Samples run until the LFO counter leaves `from`. */
static int samples_until_lfo_moves(Ym2612 *ym, unsigned from)
{
    for (int n = 1; n <= 400; n++) {
        ym2612_run(ym, SAMPLE_CLOCKS, NULL);
        if (ym->state.lfo_counter != from) return n;
    }
    return -1;
}

/* Period 5 (72.2 Hz): the divider reaches 5 after five samples and the
 * step it makes is seen from the sample after. */
static void test_lfo_first_step_after_reset(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x22, 0x0F);
    assert_int_equal(samples_until_lfo_moves(&ym, 0), 6);
    assert_int_equal(samples_until_lfo_moves(&ym, 1), 5);
    assert_int_equal(samples_until_lfo_moves(&ym, 2), 5);
}

/* Disabling the LFO holds its counter at 0, not its divider: re-enabled,
 * it steps on the divider's old beat (every 5 samples from sample 6). */
static void test_lfo_divider_runs_while_disabled(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x22, 0x0F);
    ym2612_run(&ym, 7 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym.state.lfo_counter, 1);
    ym_test_write(&ym, 0, 0x22, 0x07);
    ym2612_run(&ym, 11 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym.state.lfo_counter, 0);
    ym_test_write(&ym, 0, 0x22, 0x0F); /* at sample 18; beats at 21, 26, ... */
    assert_int_equal(samples_until_lfo_moves(&ym, 0), 3);
    assert_int_equal(samples_until_lfo_moves(&ym, 1), 5);
}

/* The divider steps when it has every bit of the period set: switched from
 * period 108 at 50 (0b110010) to period 5 (0b101), it runs on to 53. */
static void test_lfo_divider_matches_period_bits(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x22, 0x08);
    ym2612_run(&ym, 50 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym.state.lfo_counter, 0);
    ym_test_write(&ym, 0, 0x22, 0x0F);
    assert_int_equal(samples_until_lfo_moves(&ym, 0), 4);
    assert_int_equal(samples_until_lfo_moves(&ym, 1), 5);
}

/* Run sample by sample until operator 1's attenuation reaches `at_least`;
 * returns the samples run, or -1. */
static int run_until_level(Ym2612 *ym, unsigned at_least, int limit)
{
    for (int n = 1; n <= limit; n++) {
        ym2612_run(ym, SAMPLE_CLOCKS, NULL);
        if (level_of(ym) >= at_least) return n;
    }
    return -1;
}

/* Decay and sustain stop at 0x3F0: the next sample the envelope is off,
 * 0x3FF in release, although the key is still on. */
static void test_envelope_switches_off_at_3f0(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decay(&ym, 31, 0, 0x100); /* to SL 31 (0x3E0) at rate 62 */
    ym_test_op(&ym, 0, 0, 0x70, 16); /* D2R 16: rate 32, one step every 48 samples */
    assert_true(run_until_level(&ym, 0x3E0, 1000) > 0);
    ym2612_run(&ym, SAMPLE_CLOCKS, NULL); /* the stage changes the sample after */
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_SUSTAIN);
    assert_true(run_until_level(&ym, 0x3F0, 5000) > 0);
    assert_int_equal(level_of(&ym), 0x3F0);
    ym2612_run(&ym, SAMPLE_CLOCKS, NULL);
    assert_int_equal(level_of(&ym), 0x3FF);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_RELEASE);
    assert_int_equal(ym.state.slots[0][0].key, 1);
}

/* With SSG-EG on the envelope is off from 0x200: mode 9 (hold, no
 * alternate) then sits at 0x3FF in release. */
static void test_ssg_envelope_off_at_200(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decay(&ym, 20, 0, 0x100);
    ym_test_op(&ym, 0, 0, 0x90, 0x09);
    assert_true(run_until_level(&ym, 0x200, 20000) > 0);
    ym2612_run(&ym, SAMPLE_CLOCKS, NULL);
    assert_int_equal(level_of(&ym), 0x3FF);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_RELEASE);
}

/* The sustain level matches only the first 16 steps of SL * 32: SL 1
 * written while the level is 0x35 does not end the decay. */
static void test_sustain_match_needs_bit_4_clear(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decay(&ym, 18, 0, 0x100); /* rate 36: one step every 24 samples */
    assert_true(run_until_level(&ym, 0x35, 5000) > 0);
    assert_int_equal(level_of(&ym), 0x35);
    ym_test_op(&ym, 0, 0, 0x80, 0x1F); /* SL 1 */
    ym2612_run(&ym, 600 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_DECAY);
    assert_true(level_of(&ym) > 0x40);
}

/* An SSG-EG cycle ends the sample after the level reaches 0x200, not at
 * the next envelope sample: mode 8 restarts (instant attack) at once. */
static void test_ssg_cycle_end_checked_every_sample(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decay(&ym, 20, 0, 0x100); /* rate 40, SSG: 4 per step */
    ym_test_op(&ym, 0, 0, 0x90, 0x08);
    for (int cycle = 0; cycle < 3; cycle++) {
        assert_true(run_until_level(&ym, 0x200, 20000) > 0);
        ym2612_run(&ym, SAMPLE_CLOCKS, NULL);
        assert_int_equal(level_of(&ym), 0);
        assert_int_equal(ym.state.slots[0][0].phase, 0); /* mode 8 restarts the phase too */
    }
}

/* SSG-EG levels are not clamped at 0x200: rate 53's steps of 2 and 4,
 * four times larger with SSG-EG, land on 0x208, which mode B then holds,
 * inverted to (0x200 - 0x208) & 0x3FF = 0x3F8: almost silent. */
static void test_ssg_level_not_clamped(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decay(&ym, 26, 3, 0x380); /* rate 2 * 26 + key code 1 */
    ym_test_op(&ym, 0, 0, 0x90, 0x0B);
    assert_true(run_until_level(&ym, 0x200, 5000) > 0);
    unsigned held = level_of(&ym);
    assert_int_equal(held, 0x208);
    ym2612_run(&ym, 300 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(level_of(&ym), held);
    assert_int_equal(ym2612_operator_level(&ym, 0, 0), (0x200 - held) & 0x3FF);
}

/* The chip holds one register 0x28 write: a second write before the first
 * reached its channel's turn replaces it. */
static void test_key_write_replaced_before_its_turn(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_patch(&ym, 0, 0x100, 0, 0xC0);
    ym_test_sine_patch(&ym, 1, 0x100, 0, 0xC0);
    ym2612_run(&ym, SAMPLE_CLOCKS - ym.state.clock_in_sample, NULL);
    ym_test_key(&ym, 1, 0xF); /* channel 2: its turn (the second) is still to come */
    ym_test_key(&ym, 0, 0xF);
    ym2612_run(&ym, 3 * SAMPLE_CLOCKS, NULL);
    for (unsigned op = 0; op < 4; op++) {
        assert_int_equal(ym.state.slots[0][op].key, 1);
        assert_int_equal(ym.state.slots[1][op].key, 0);
    }
}

/* Vibrato: the die adds F-number bits 10..4 shifted right twice and
 * quarters the sum; PMS 3 at the 7th step of the quarter period shifts by
 * 1 and 2, so F-number 96 (bits 10..4 = 6) gets (3 + 1) / 4 = 1 half unit,
 * where per-bit truncation gives 0. */
static void test_pm_sum_truncated_once(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x22, 0x0F); /* LFO on, a step every 5 samples */
    ym_test_sine_channel(&ym, 0, 96, 7, 0xC3);
    int seen = 0;
    for (int i = 0; i < 200; i++) {
        ym2612_run(&ym, SAMPLE_CLOCKS, NULL);
        unsigned pm_step = ym.state.lfo_counter >> 2;
        uint32_t step = ym.state.slots[0][0].phase_step;
        if (pm_step == 6) {
            assert_int_equal(step, ((2u * 96u + 1u) << 7) >> 2);
            seen++;
        }
        if (pm_step == 0) assert_int_equal(step, ((2u * 96u) << 7) >> 2);
    }
    assert_true(seen > 0);
}

/* Register 0x2B is read at channel 6's output, not latched earlier: a
 * switch to the DAC just before a sample's end (after the turns of the
 * other channels) is heard in that sample. */
static void test_dac_select_read_at_output(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x2A, 0xC0); /* code 128 */
    int16_t lr[2];
    ym2612_run(&ym, 140, NULL);
    ym_test_write(&ym, 0, 0x2B, 0x80);
    assert_int_equal(ym2612_run(&ym, 4, lr), 1);
    assert_int_equal(lr[0], 128 * YM2612_OUTPUT_SCALE);
    ym2612_run(&ym, 140, NULL);
    ym_test_write(&ym, 0, 0x2B, 0x00);
    assert_int_equal(ym2612_run(&ym, 4, lr), 1);
    assert_int_equal(lr[0], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_envelope_counter_skips_zero),
        cmocka_unit_test(test_envelope_samples_after_reset),
        cmocka_unit_test(test_rate_49_increment_pattern),
        cmocka_unit_test(test_lfo_first_step_after_reset),
        cmocka_unit_test(test_lfo_divider_runs_while_disabled),
        cmocka_unit_test(test_lfo_divider_matches_period_bits),
        cmocka_unit_test(test_envelope_switches_off_at_3f0),
        cmocka_unit_test(test_ssg_envelope_off_at_200),
        cmocka_unit_test(test_sustain_match_needs_bit_4_clear),
        cmocka_unit_test(test_ssg_cycle_end_checked_every_sample),
        cmocka_unit_test(test_ssg_level_not_clamped),
        cmocka_unit_test(test_key_write_replaced_before_its_turn),
        cmocka_unit_test(test_pm_sum_truncated_once),
        cmocka_unit_test(test_dac_select_read_at_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
