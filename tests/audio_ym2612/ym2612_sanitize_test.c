/* ym2612_sanitize_test.c - ym2612_sanitize_state (run by load_state) must
 * leave every state a real run reaches byte for byte unchanged, and turn
 * any bytes into a state that runs, stays in range and is itself a state
 * sanitizing leaves unchanged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define PIECE_MAX_SAMPLES 200u

typedef struct Rig {
    Ym2612 chip, copy;
    uint32_t rng;
    int16_t out[2 * (PIECE_MAX_SAMPLES + 1)];
} Rig;

static uint32_t next_random(Rig *r)
{
    r->rng = r->rng * 1664525u + 1013904223u;
    return r->rng >> 8;
}

static unsigned random_below(Rig *r, unsigned limit) { return next_random(r) % limit; }

/* The chip's state loaded into the copy (which sanitizes it) must come out
 * the same, mid-sample turns and all. */
static void assert_load_keeps_state(Rig *r)
{
    ym2612_load_state(&r->copy, &r->chip.state);
    assert_memory_equal(&r->copy.state, &r->chip.state, sizeof r->chip.state);
}

/* Random patches, then random writes (operators, LFO, channel 3 modes, CSM
 * timers, DAC, keys) and runs of every length, cut anywhere in a sample. */
static void run_script(Ym2612Model model, uint32_t seed)
{
    Rig *r = calloc(1, sizeof *r);
    assert_non_null(r);
    ym2612_init(&r->chip, model);
    ym2612_init(&r->copy, model);
    r->rng = seed;
    assert_load_keeps_state(r);
    for (unsigned i = 0; i < 300; i++) {
        uint8_t reg = (uint8_t)(0x30 + random_below(r, 0x88));
        uint8_t value = (uint8_t)next_random(r);
        if (reg >= 0x40 && reg < 0x50) value &= 0x3F; /* mostly audible */
        ym_test_write(&r->chip, random_below(r, 2), reg, value);
    }
    for (unsigned ch = 0; ch < 8; ch++) ym_test_write(&r->chip, 0, 0x28, (uint8_t)(0xF0 | ch));
    assert_load_keeps_state(r);
    for (unsigned event = 0; event < 800; event++) {
        unsigned kind = random_below(r, 10);
        if (kind < 4) {
            static const uint8_t globals[] = { 0x22, 0x24, 0x25, 0x26, 0x27, 0x28, 0x2A, 0x2B, 0x2C };
            uint8_t reg = random_below(r, 3) ? (uint8_t)(0x30 + random_below(r, 0xD0))
                                              : globals[random_below(r, sizeof globals)];
            uint8_t value = (uint8_t)next_random(r);
            if (reg == 0x27) value |= 0x05; /* timer A running, often into CSM */
            ym_test_write(&r->chip, reg < 0x30 ? 0 : random_below(r, 2), reg, value);
        } else if (kind < 5) {
            ym2612_run(&r->chip, random_below(r, 24), r->out); /* a few turns due, not worked */
        } else {
            uint32_t samples = random_below(r, 4) ? random_below(r, 8) : random_below(r, PIECE_MAX_SAMPLES);
            ym2612_run(&r->chip, samples * YM2612_CLOCKS_PER_SAMPLE + random_below(r, YM2612_CLOCKS_PER_SAMPLE),
                       r->out);
        }
        assert_load_keeps_state(r);
    }
    free(r);
}

static void test_real_states_unchanged(void **state)
{
    (void)state;
    for (uint32_t seed = 1; seed <= 4; seed++) run_script(YM2612_MODEL_DISCRETE, seed);
    for (uint32_t seed = 201; seed <= 202; seed++) run_script(YM2612_MODEL_YM3438, seed);
}

/* Fields the chip's updates keep in range, checked after garbage loads. */
static void assert_in_legal_range(const Ym2612State *s)
{
    for (unsigned ch = 0; ch < 6; ch++) {
        const Ym2612Channel *c = &s->channels[ch];
        assert_true(c->fnum <= 0x7FF && c->block <= 7);
        assert_in_range(c->dac_code + 256, 0, 511);
        assert_true(c->feedback_shift <= 10 && c->am_shift <= 8);
        for (unsigned op = 0; op < 4; op++) {
            const Ym2612Slot *slot = &s->slots[ch][op];
            assert_true(slot->phase <= 0xFFFFF && slot->phase_step <= 0xFFFFF);
            assert_true(slot->attenuation <= 0x3FF && slot->eg_level <= 0x3FF);
            assert_true(slot->eg_stage <= YM2612_EG_RELEASE);
            assert_true(slot->key <= 1 && slot->reg_key <= 1 && slot->ssg_inverted <= 1);
            for (unsigned stage = 0; stage < 4; stage++) assert_true(slot->eg_rate[stage] <= 63);
            assert_in_range(slot->output + 8191, 0, 2 * 8191);
        }
    }
    for (unsigned i = 0; i < 3; i++) assert_true(s->ch3_fnum[i] <= 0x7FF && s->ch3_block[i] <= 7);
    assert_true(s->status <= 3 && s->timer_a <= 0x3FF && s->timer_b_prescale <= 15);
    assert_true(s->eg_counter <= 0xFFF && s->eg_divider <= 2 && s->lfo_counter <= 0x7F);
    assert_true(s->clock_in_sample < YM2612_CLOCKS_PER_SAMPLE);
    assert_true(s->turns_done <= s->clock_in_sample / 6);
}

static void fill_garbage(Rig *r, uint8_t *bytes, size_t size, int pattern)
{
    for (size_t i = 0; i < size; i++) bytes[i] = pattern >= 0 ? (uint8_t)pattern : (uint8_t)next_random(r);
}

/* Any bytes: in range at once, and a fixed point of sanitizing, both after
 * loading and after running on from there with writes. */
static void test_garbage_states(void **state)
{
    (void)state;
    static const int patterns[] = { 0xFF, 0x80, 0x7F, 0x00, -1, -1, -1, -1 };
    Rig *r = calloc(1, sizeof *r);
    uint8_t *garbage = malloc(ym2612_state_size());
    assert_non_null(r);
    assert_non_null(garbage);
    r->rng = 4242;
    for (size_t t = 0; t < sizeof patterns / sizeof patterns[0]; t++) {
        ym2612_init(&r->chip, YM2612_MODEL_DISCRETE);
        ym2612_init(&r->copy, YM2612_MODEL_DISCRETE);
        fill_garbage(r, garbage, ym2612_state_size(), patterns[t]);
        ym2612_load_state(&r->chip, garbage);
        assert_in_legal_range(&r->chip.state);
        assert_load_keeps_state(r);
        for (unsigned piece = 0; piece < 20; piece++) {
            int n = ym2612_run(&r->chip, random_below(r, PIECE_MAX_SAMPLES * YM2612_CLOCKS_PER_SAMPLE), r->out);
            assert_in_range(n, 0, PIECE_MAX_SAMPLES);
            assert_in_legal_range(&r->chip.state);
            assert_load_keeps_state(r);
            uint8_t reg = (uint8_t)(0x21 + random_below(r, 0xDF));
            ym_test_write(&r->chip, reg < 0x30 ? 0 : random_below(r, 2), reg, (uint8_t)next_random(r));
        }
    }
    free(garbage);
    free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_states_unchanged),
        cmocka_unit_test(test_garbage_states),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
