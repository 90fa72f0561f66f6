/* ym2612_batch_test.c - whole samples worked many at a time, channel by
 * channel (ym2612_batch.c), must leave the same state and output as the
 * same samples worked turn by turn (ym2612_operator.c).
 *
 * Two chips get the same random register script: one is run in large
 * pieces (so its samples go through the batches), the other six clocks at
 * a time with a sync after each (so every turn is worked on its own). At
 * every checkpoint both are synced and their whole state compared.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define PIECE_MAX_SAMPLES 300u

typedef struct Pair {
    Ym2612 batched, stepped;
    uint32_t rng;
    int16_t out_batched[2 * (PIECE_MAX_SAMPLES + 1)];
    int16_t out_stepped[2 * (PIECE_MAX_SAMPLES + 1)];
} Pair;

static uint32_t next_random(Pair *p)
{
    p->rng = p->rng * 1664525u + 1013904223u;
    return p->rng >> 8;
}

static unsigned random_below(Pair *p, unsigned limit) { return next_random(p) % limit; }

static void write_both(Pair *p, unsigned bank, uint8_t reg, uint8_t value)
{
    ym_test_write(&p->batched, bank, reg, value);
    ym_test_write(&p->stepped, bank, reg, value);
}

/* `clocks` on both chips; the outputs must match sample for sample. */
static void run_both(Pair *p, uint32_t clocks)
{
    int batched = ym2612_run(&p->batched, clocks, p->out_batched);
    int stepped = 0;
    while (clocks > 0) {
        uint32_t piece = clocks < 6 ? clocks : 6;
        stepped += ym2612_run(&p->stepped, piece, p->out_stepped + 2 * stepped);
        ym2612_sync(&p->stepped);
        clocks -= piece;
    }
    assert_int_equal(batched, stepped);
    assert_memory_equal(p->out_batched, p->out_stepped, (size_t)batched * 2 * sizeof(int16_t));
}

static void assert_same_state(Pair *p)
{
    ym2612_sync(&p->batched);
    ym2612_sync(&p->stepped);
    assert_memory_equal(&p->batched.state, &p->stepped.state, sizeof p->batched.state);
}

/* Random patches on all channels, keyed, then a long random script of
 * writes (operators, LFO, channel 3 modes and CSM timers, DAC, keys) and
 * runs of every length. */
static void run_script(Ym2612Model model, uint32_t seed, uint8_t mute_mask)
{
    Pair *p = calloc(1, sizeof *p);
    assert_non_null(p);
    ym2612_init(&p->batched, model);
    ym2612_init(&p->stepped, model);
    p->batched.mute_mask = p->stepped.mute_mask = mute_mask;
    p->rng = seed;
    for (unsigned i = 0; i < 300; i++) {
        uint8_t reg = (uint8_t)(0x30 + random_below(p, 0x88));
        uint8_t value = (uint8_t)next_random(p);
        if (reg >= 0x40 && reg < 0x50) value &= 0x3F; /* mostly audible */
        write_both(p, random_below(p, 2), reg, value);
    }
    for (unsigned ch = 0; ch < 8; ch++) write_both(p, 0, 0x28, (uint8_t)(0xF0 | ch));
    for (unsigned event = 0; event < 600; event++) {
        unsigned kind = random_below(p, 10);
        if (kind < 4) {
            static const uint8_t globals[] = { 0x22, 0x24, 0x25, 0x26, 0x27, 0x28, 0x2A, 0x2B };
            uint8_t reg = random_below(p, 3) ? (uint8_t)(0x30 + random_below(p, 0x88))
                                              : globals[random_below(p, sizeof globals)];
            uint8_t value = (uint8_t)next_random(p);
            if (reg == 0x27) value |= 0x05; /* timer A running, often into CSM */
            write_both(p, reg < 0x30 ? 0 : random_below(p, 2), reg, value);
        } else {
            uint32_t samples = random_below(p, 4) ? random_below(p, 8) : random_below(p, PIECE_MAX_SAMPLES);
            run_both(p, samples * YM2612_CLOCKS_PER_SAMPLE + random_below(p, YM2612_CLOCKS_PER_SAMPLE));
        }
        if (event % 50 == 49) assert_same_state(p);
    }
    assert_same_state(p);
    free(p);
}

static void test_discrete_scripts(void **state)
{
    (void)state;
    for (uint32_t seed = 1; seed <= 6; seed++) run_script(YM2612_MODEL_DISCRETE, seed, 0);
}

static void test_ym3438_scripts(void **state)
{
    (void)state;
    for (uint32_t seed = 101; seed <= 106; seed++) run_script(YM2612_MODEL_YM3438, seed, 0);
}

static void test_muted_channels(void **state)
{
    (void)state;
    run_script(YM2612_MODEL_DISCRETE, 777, 0x25);
}

/* Channels left to release fall silent and take the batches' shortcut;
 * their phases must still advance exactly. */
static void test_silent_channels(void **state)
{
    (void)state;
    Pair *p = calloc(1, sizeof *p);
    assert_non_null(p);
    ym2612_init(&p->batched, YM2612_MODEL_DISCRETE);
    ym2612_init(&p->stepped, YM2612_MODEL_DISCRETE);
    for (unsigned ch = 0; ch < 6; ch++) {
        ym_test_sine_patch(&p->batched, ch, 600 + 37 * ch, 4, 0xC0);
        ym_test_sine_patch(&p->stepped, ch, 600 + 37 * ch, 4, 0xC0);
        for (unsigned op = 0; op < 4; op++) {
            ym_test_op(&p->batched, ch, op, 0x80, 0x0F); /* fastest release */
            ym_test_op(&p->stepped, ch, op, 0x80, 0x0F);
        }
        ym_test_key(&p->batched, ch, 0xF);
        ym_test_key(&p->stepped, ch, 0xF);
    }
    run_both(p, 200 * YM2612_CLOCKS_PER_SAMPLE);
    for (unsigned ch = 0; ch < 6; ch++) {
        ym_test_key(&p->batched, ch, 0);
        ym_test_key(&p->stepped, ch, 0);
    }
    for (unsigned i = 0; i < 40; i++) run_both(p, 250 * YM2612_CLOCKS_PER_SAMPLE + 17);
    assert_same_state(p);
    for (unsigned ch = 0; ch < 6; ch++) {
        for (unsigned op = 0; op < 4; op++) assert_int_equal(ym2612_operator_level(&p->batched, ch, op), 0x3FF);
    }
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_discrete_scripts),
        cmocka_unit_test(test_ym3438_scripts),
        cmocka_unit_test(test_muted_channels),
        cmocka_unit_test(test_silent_channels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
