/* ym2612_fidelity_test.c - details of the chip's die-level behaviour that
 * simpler models get wrong: the channel accumulator's per-add clamp, the
 * LFO AM triangle's starting phase, the exact sustain-level match, the
 * instant attack applied only at key-on and the 12-bit LFO PM adder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_internal.h"
#include "ym2612_test_util.h"

#define SAMPLE_CLOCKS 144

static int clamp9(int v) { return v > 255 ? 255 : v < -256 ? -256 : v; }

/* The accumulator as the die does it: each carrier >> 5, clamp after each
 * add, in slot order OP1, OP3, OP2, OP4. */
static int expected_code(const int carriers_in_slot_order[4])
{
    int acc = 0;
    for (int i = 0; i < 4; i++) acc = clamp9(acc + ym_asr(carriers_in_slot_order[i], 5));
    return acc;
}

static void test_accumulator_clamps_after_each_add(void **state)
{
    (void)state;
    /* +8000 +8000 -8000: 250 + 250 clamps to 255, minus 250 gives 5
     * (the 14-bit sum 8000 would have given 250). */
    assert_int_equal(ym_channel_code(7, 8000, -8000, 8000, 0), 5);
    assert_int_equal(ym_channel_code(6, 0, 8000, 8000, -8000), 5); /* OP3, OP2, then OP4 */
    assert_int_equal(ym_channel_code(7, -8192, 8191, -8192, 0), -1);
    assert_int_equal(ym_channel_code(4, 0, 8191, 0, 8191), 255);
    assert_int_equal(ym_channel_code(0, 8191, 8191, 8191, -8192), -256); /* only OP4 is a carrier */
    assert_int_equal(ym_channel_code(7, -33, 0, 0, 0), -2);              /* floor per carrier */
}

/* Algorithm 7 with OP2 at twice the frequency of OP1 and OP3: while OP1
 * and OP3 are both past 4096 and OP2 is negative, the per-add clamp bites. */
static void test_accumulator_in_the_chip(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_patch(&ym, 0, 1000, 4, 0xC0);
    for (unsigned op = 0; op < 3; op++) ym_test_op(&ym, 0, op, 0x40, 0);
    ym_test_op(&ym, 0, 1, 0x30, 0x02); /* OP2: MUL 2 */
    ym_test_key(&ym, 0, 0xF);
    int16_t out[2];
    int clamped = 0;
    for (int i = 0; i < 2000; i++) {
        assert_int_equal(ym2612_run(&ym, SAMPLE_CLOCKS, out), 1);
        ym2612_sync(&ym);
        const Ym2612Slot *sl = ym.state.slots[0];
        int carriers[4] = { sl[0].output, sl[2].output, sl[1].output, sl[3].output };
        int code = expected_code(carriers);
        assert_int_equal(ym.state.channels[0].dac_code, code);
        int wide = sl[0].output + sl[1].output + sl[2].output + sl[3].output;
        wide = wide > 8191 ? 8191 : wide < -8192 ? -8192 : wide;
        if (ym_asr(wide, 5) != code) clamped++;
    }
    assert_true(clamped > 50);
}

/* Peak of the left output over `samples` samples. */
static int run_peak(Ym2612 *ym, int samples)
{
    int16_t out[2];
    int peak = 0;
    for (int i = 0; i < samples; i++) {
        ym2612_run(ym, SAMPLE_CLOCKS, out);
        int v = out[0] < 0 ? -out[0] : out[0];
        if (v > peak) peak = v;
    }
    return peak;
}

static int held_lfo_peak(uint8_t ams, bool am_on)
{
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x22, 0x00); /* LFO disabled: counter held at 0 */
    ym_test_sine_channel(&ym, 0, 1084, 4, (uint8_t)(0xC0 | ams));
    if (am_on) ym_test_op(&ym, 0, 0, 0x60, 0x80);
    return run_peak(&ym, 2000);
}

static void test_am_triangle_starts_at_maximum(void **state)
{
    (void)state;
    assert_int_equal(ym_am_triangle(0), 126);
    assert_int_equal(ym_am_triangle(1), 124);
    assert_int_equal(ym_am_triangle(0x3F), 0);
    assert_int_equal(ym_am_triangle(0x40), 0);
    assert_int_equal(ym_am_triangle(0x7F), 126);

    /* With the LFO off, AM still attenuates by 126 >> shift: AMS 3 is
     * 11.8 dB (a factor of about 3.9), AMS 1 is 15 units (1.4 dB). */
    int plain = held_lfo_peak(0x30, false);
    int deep = held_lfo_peak(0x30, true);
    int shallow = held_lfo_peak(0x10, true);
    int none = held_lfo_peak(0x00, true);
    assert_true(plain > 1000);
    assert_true(none == plain);
    assert_true(deep * 35 < plain * 10 && deep * 43 > plain * 10);
    assert_true(shallow * 110 < plain * 100 && shallow * 125 > plain * 100);
}

/* Operator 1 of channel 0 keyed with instant attack and the given D1R and
 * SL (D2R 0, RR 15, TL 0). */
static void key_decaying_operator(Ym2612 *ym, uint8_t d1r, uint8_t sl)
{
    ym2612_init(ym, YM2612_MODEL_YM3438);
    ym_test_sine_patch(ym, 0, 1084, 4, 0xC0);
    ym_test_op(ym, 0, 0, 0x60, d1r);
    ym_test_op(ym, 0, 0, 0x80, (uint8_t)((sl << 4) | 0x0F));
    ym_test_key(ym, 0, 0x1);
}

static void test_sustain_needs_exact_match(void **state)
{
    (void)state;
    Ym2612 ym;
    key_decaying_operator(&ym, 20, 4);
    ym2612_run(&ym, 20000 * SAMPLE_CLOCKS, NULL);
    unsigned held = ym2612_operator_level(&ym, 0, 0);
    assert_int_equal(held >> 5, 4);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_SUSTAIN);

    /* SL lowered below the level during decay: never matched, decay runs on. */
    key_decaying_operator(&ym, 20, 8);
    ym2612_run(&ym, 1000 * SAMPLE_CLOCKS, NULL);
    unsigned before = ym2612_operator_level(&ym, 0, 0);
    assert_true(before >> 5 >= 2 && before >> 5 < 8);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_DECAY);
    ym_test_op(&ym, 0, 0, 0x80, 0x2F); /* SL 2 */
    ym2612_run(&ym, 5000 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_DECAY);
    assert_true(ym2612_operator_level(&ym, 0, 0) > before);
    /* at 0x3F0 the envelope switches itself off: release at 0x3FF */
    ym2612_run(&ym, 20000 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_RELEASE);
    assert_int_equal(ym2612_operator_level(&ym, 0, 0), 0x3FF);

    /* SL 15 counts as 31: the decay stops at 0x3E0..0x3FF. */
    key_decaying_operator(&ym, 31, 15);
    ym2612_run(&ym, 20000 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_SUSTAIN);
    assert_true(ym2612_operator_level(&ym, 0, 0) >= 0x3E0);
}

static void test_instant_attack_only_at_key_on(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_patch(&ym, 0, 1084, 4, 0xC0);
    ym_test_op(&ym, 0, 0, 0x50, 0x04); /* AR 4: a slow attack */
    ym_test_key(&ym, 0, 0x1);
    ym2612_run(&ym, 30000 * SAMPLE_CLOCKS, NULL);
    unsigned during = ym2612_operator_level(&ym, 0, 0);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_ATTACK);
    assert_true(during > 0);

    /* AR raised to 31 in the middle of the attack: no key-on, so the level
     * stays where it is. */
    ym_test_op(&ym, 0, 0, 0x50, 0x1F);
    ym2612_run(&ym, 6000 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym2612_operator_level(&ym, 0, 0), during);
    assert_int_equal(ym.state.slots[0][0].eg_stage, YM2612_EG_ATTACK);

    /* A new key-on zeroes it at once (each 0x28 write given the two samples
     * it takes to reach operator 1). */
    ym_test_key(&ym, 0, 0x0);
    ym2612_run(&ym, 2 * SAMPLE_CLOCKS, NULL);
    ym_test_key(&ym, 0, 0x1);
    ym2612_run(&ym, 2 * SAMPLE_CLOCKS, NULL);
    assert_int_equal(ym2612_operator_level(&ym, 0, 0), 0);
}

/* F-number 0x7FF with PMS 7 at the top of the vibrato: doubled it is 0xFFE,
 * plus the largest offset (190 half units) it wraps in the 12-bit adder to
 * 188, far below the unmodulated pitch. */
static void test_pm_adder_wraps_at_12_bits(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_write(&ym, 0, 0x22, 0x0F); /* LFO on, 72 Hz: a step every 5 samples */
    ym_test_sine_channel(&ym, 0, 0x7FF, 4, 0xC7);
    unsigned plain = ((0xFFEu << 4) >> 2) * 1; /* MUL 1, DT 0 */
    bool seen_peak = false;
    for (int i = 0; i < 640 && !seen_peak; i++) {
        ym2612_run(&ym, SAMPLE_CLOCKS, NULL);
        ym2612_sync(&ym);
        unsigned pm_step = ym.state.lfo_counter >> 2;
        uint32_t step = ym.state.slots[0][0].phase_step;
        if (pm_step == 0) assert_int_equal(step, plain);
        if (pm_step == 7 || pm_step == 8) { /* the largest positive offset */
            assert_int_equal(step, (188u << 4) >> 2);
            seen_peak = true;
        }
    }
    assert_true(seen_peak);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accumulator_clamps_after_each_add),
        cmocka_unit_test(test_accumulator_in_the_chip),
        cmocka_unit_test(test_am_triangle_starts_at_maximum),
        cmocka_unit_test(test_sustain_needs_exact_match),
        cmocka_unit_test(test_instant_attack_only_at_key_on),
        cmocka_unit_test(test_pm_adder_wraps_at_12_bits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
