/* ym2612_golden_test.c - reference output of scripted register sequences.
 *
 * Each scenario drives the chip through a fixed, deterministic script (an
 * LCG picks values and the clock counts between writes, so writes land at
 * arbitrary points inside samples) and hashes everything observable: the
 * output samples, the sample counts, the status byte and every operator's
 * envelope level. The expected hashes were recorded from the straightforward
 * clock-by-clock implementation; any optimisation must leave them unchanged.
 * Re-recorded (on purpose) for the die-level fixes: carriers >> 5 with a
 * clamp after each add, the AM triangle starting at 126, decay ending only
 * on an exact sustain-level match, and instant attack only at key-on.
 * Re-recorded again for the second round (YM3438 die analysis): the
 * envelope counter skipping 0 and its phase, the rate 48-59 step pattern,
 * the envelope switching off at 0x3F0 (0x200 with SSG-EG), SSG-EG worked
 * every sample without a clamp at 0x200, register 0x28 and CSM keys
 * latched at each operator's turn, timers latching their load bits a
 * sample late (CSM keying on a load too), the LFO divider's bit match, the
 * vibrato adder's single truncation and the discrete DAC's sign cycles.
 * register_fuzz re-recorded for each carrier joining the channel sum at its
 * own turn (an algorithm written mid-sample reaches only later operators).
 * ch3_csm_timers_dac and register_fuzz re-recorded for CSM's total level
 * (die transcription): channel 3 in CSM mode leaves TL out of its operator
 * levels (hashed) and a CSM key-on ORs TL << 3 into the envelope level.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define MAX_RUN_SAMPLES 64u

typedef struct Golden {
    Ym2612 ym;
    uint64_t hash; /* 64-bit FNV-1a */
    uint32_t rng;
    uint64_t samples, audible; /* sample count, and those not silent */
    int16_t out[2 * (MAX_RUN_SAMPLES + 1)];
} Golden;

static void hash_byte(Golden *g, uint8_t byte)
{
    g->hash ^= byte;
    g->hash *= 0x100000001B3ull;
}

static void hash_u16(Golden *g, uint16_t value)
{
    hash_byte(g, (uint8_t)value);
    hash_byte(g, (uint8_t)(value >> 8));
}

static uint32_t next_random(Golden *g)
{
    g->rng = g->rng * 1664525u + 1013904223u;
    return g->rng >> 8;
}

static unsigned random_below(Golden *g, unsigned limit) { return next_random(g) % limit; }

static Golden *golden_new(Ym2612Model model, uint32_t seed)
{
    Golden *g = calloc(1, sizeof *g);
    assert_non_null(g);
    ym2612_init(&g->ym, model);
    g->hash = 0xCBF29CE484222325ull;
    g->rng = seed;
    return g;
}

/* Run `clocks` YM clocks and hash what came out. */
static void run_clocks(Golden *g, uint32_t clocks)
{
    while (clocks > 0) {
        uint32_t step = clocks < MAX_RUN_SAMPLES * 144u ? clocks : MAX_RUN_SAMPLES * 144u;
        int produced = ym2612_run(&g->ym, step, g->out);
        hash_u16(g, (uint16_t)produced);
        for (int i = 0; i < 2 * produced; i++) hash_u16(g, (uint16_t)g->out[i]);
        /* silence: every code 0, which the discrete chip's ladder outputs as +4 each */
        int silence = g->ym.model == YM2612_MODEL_DISCRETE ? 6 * 4 * YM2612_OUTPUT_SCALE : 0;
        for (int i = 0; i < produced; i++) g->audible += (g->out[2 * i] != silence || g->out[2 * i + 1] != silence);
        g->samples += (uint64_t)produced;
        hash_byte(g, ym2612_read_status(&g->ym));
        clocks -= step;
    }
}

/* Run about `samples` samples in uneven pieces so writes fall mid-sample. */
static void run_uneven(Golden *g, uint32_t samples)
{
    uint32_t clocks = samples * 144u;
    while (clocks > 0) {
        uint32_t step = 1 + random_below(g, 900);
        if (step > clocks) step = clocks;
        run_clocks(g, step);
        clocks -= step;
    }
}

static void hash_levels(Golden *g)
{
    for (unsigned ch = 0; ch < 6; ch++)
        for (unsigned op = 0; op < 4; op++) hash_u16(g, (uint16_t)ym2612_operator_level(&g->ym, ch, op));
}

/* The script must have made sound most of the time, or its hash guards little. */
static uint64_t golden_finish(Golden *g, uint64_t min_samples)
{
    hash_levels(g);
    printf("  %llu samples, %llu audible\n", (unsigned long long)g->samples, (unsigned long long)g->audible);
    assert_true(g->samples >= min_samples);
    assert_true(g->audible * 10 >= g->samples * 8);
    uint64_t hash = g->hash;
    free(g);
    return hash;
}

static void check_hash(const char *name, uint64_t got, uint64_t expected)
{
    if (got != expected)
        printf("%s: hash 0x%016llXull, expected 0x%016llXull\n", name, (unsigned long long)got,
               (unsigned long long)expected);
    assert_true(got == expected);
}

/* An audible patch with every per-operator parameter taken from the script. */
static void random_patch(Golden *g, unsigned ch, unsigned algorithm, unsigned feedback)
{
    Ym2612 *ym = &g->ym;
    ym_test_write(ym, ch / 3, (uint8_t)(0xB0 + ch % 3), (uint8_t)((feedback << 3) | algorithm));
    ym_test_write(ym, ch / 3, (uint8_t)(0xB4 + ch % 3), (uint8_t)next_random(g));
    for (unsigned op = 0; op < 4; op++) {
        ym_test_op(ym, ch, op, 0x30, (uint8_t)(next_random(g) & 0x7F));
        ym_test_op(ym, ch, op, 0x40, (uint8_t)random_below(g, 40));
        ym_test_op(ym, ch, op, 0x50, (uint8_t)((next_random(g) & 0xC0) | (12 + random_below(g, 20))));
        ym_test_op(ym, ch, op, 0x60, (uint8_t)((next_random(g) & 0x80) | random_below(g, 16)));
        ym_test_op(ym, ch, op, 0x70, (uint8_t)random_below(g, 12));
        ym_test_op(ym, ch, op, 0x80, (uint8_t)next_random(g));
        /* SSG-EG on about a third of the operators, all eight shapes. */
        ym_test_op(ym, ch, op, 0x90, (uint8_t)(random_below(g, 3) == 0 ? 0x08 | random_below(g, 8) : 0));
    }
    ym_test_frequency(ym, ch, 300 + random_below(g, 1700), random_below(g, 8));
}

/* All six channels busy through all eight algorithms and feedback levels,
 * LFO at every rate, keys toggled and frequencies changed mid-sample. */
static uint64_t scenario_algorithms(Ym2612Model model)
{
    Golden *g = golden_new(model, 0x12345u);
    for (unsigned round = 0; round < 8; round++) {
        ym_test_write(&g->ym, 0, 0x22, (uint8_t)(0x08 | round));
        for (unsigned ch = 0; ch < 6; ch++) {
            random_patch(g, ch, (round + ch) % 8, (round + 2 * ch) % 8);
            ym_test_key(&g->ym, ch, 0xF);
        }
        for (unsigned event = 0; event < 48; event++) {
            run_uneven(g, 40 + random_below(g, 200));
            unsigned ch = random_below(g, 6);
            switch (random_below(g, 5)) {
            case 0: ym_test_key(&g->ym, ch, random_below(g, 16)); break;
            case 1: ym_test_frequency(&g->ym, ch, random_below(g, 2048), random_below(g, 8)); break;
            case 2: ym_test_op(&g->ym, ch, random_below(g, 4), 0x40, (uint8_t)random_below(g, 64)); break;
            case 3:
                ym_test_write(&g->ym, ch / 3, (uint8_t)(0xB4 + ch % 3), (uint8_t)next_random(g));
                break;
            default: ym_test_key(&g->ym, ch, 0xF); break;
            }
        }
        if (round == 5) ym_test_write(&g->ym, 0, 0x22, 0x00); /* LFO off: counter held at zero */
        hash_levels(g);
    }
    for (unsigned ch = 0; ch < 6; ch++) ym_test_key(&g->ym, ch, 0); /* releases */
    run_uneven(g, 4000);
    return golden_finish(g, 58000);
}

/* Channel 3 special mode, CSM keyed by timer A, timer B, the DAC streaming
 * on channel 6 and its test bit, with the status flags polled and reset. */
static uint64_t scenario_ch3_csm_timers_dac(Ym2612Model model)
{
    Golden *g = golden_new(model, 0xBEEFu);
    Ym2612 *ym = &g->ym;
    ym_test_write(ym, 0, 0x22, 0x0D);
    for (unsigned ch = 0; ch < 6; ch++) {
        random_patch(g, ch, ch == 2 ? 7 : ch, ch);
        ym_test_key(ym, ch, 0xF);
    }
    /* Channel 3 special mode: operators 1..3 on their own frequencies. */
    for (unsigned i = 0; i < 3; i++) {
        ym_test_write(ym, 0, (uint8_t)(0xAC + i), (uint8_t)(0x20 | i));
        ym_test_write(ym, 0, (uint8_t)(0xA8 + i), (uint8_t)(0x40 * i + 0x21));
    }
    ym_test_write(ym, 0, 0x24, 0xF0);
    ym_test_write(ym, 0, 0x25, 0x02);
    ym_test_write(ym, 0, 0x26, 0xE0);
    ym_test_write(ym, 0, 0x27, 0x4F);
    run_uneven(g, 6000);

    /* CSM: timer A keys channel 3 with the operator keys released. */
    ym_test_key(ym, 2, 0);
    ym_test_write(ym, 0, 0x27, 0x8F);
    for (unsigned i = 0; i < 120; i++) {
        run_uneven(g, 150 + random_below(g, 100));
        if (i % 3 == 0) ym_test_write(ym, 0, 0x27, 0xBF); /* reset both flags */
        if (i % 7 == 0) ym_test_key(ym, 2, random_below(g, 16));
        if (i % 5 == 0) ym_test_write(ym, 0, (uint8_t)(0xA8 + i % 3), (uint8_t)next_random(g));
    }
    ym_test_write(ym, 0, 0x27, 0x0F); /* back to normal mode */

    /* DAC on channel 6: a sawtooth written at uneven times, test bit toggled. */
    ym_test_write(ym, 0, 0x2B, 0x80);
    for (unsigned i = 0; i < 3000; i++) {
        ym_test_write(ym, 0, 0x2A, (uint8_t)(i * 7));
        if (i % 500 == 0) ym_test_write(ym, 0, 0x2C, (uint8_t)((i / 500) % 2 ? 0x08 : 0x00));
        if (i % 250 == 0) ym_test_write(ym, 1, 0xB6, (uint8_t)((i / 250) << 6));
        run_clocks(g, 200 + random_below(g, 700));
    }
    ym_test_write(ym, 0, 0x2B, 0x00);
    run_uneven(g, 6000);
    return golden_finish(g, 47000);
}

/* A save state restored into a freshly initialised chip must continue
 * exactly where the saved one was. */
static void save_and_restore(Golden *g)
{
    void *saved = malloc(ym2612_state_size());
    assert_non_null(saved);
    ym2612_save_state(&g->ym, saved);
    ym2612_init(&g->ym, g->ym.model);
    ym2612_load_state(&g->ym, saved);
    free(saved);
}

/* Random values into every register at random times: whatever the chip
 * does with them, the result must not change. */
static uint64_t scenario_register_fuzz(Ym2612Model model)
{
    Golden *g = golden_new(model, 0xC0FFEEu);
    for (unsigned ch = 0; ch < 6; ch++) {
        random_patch(g, ch, ch, 7 - ch);
        ym_test_key(&g->ym, ch, 0xF);
    }
    for (unsigned i = 0; i < 20000; i++) {
        unsigned bank = random_below(g, 2);
        uint8_t reg = (uint8_t)(0x21 + random_below(g, 0xB7 - 0x21));
        uint8_t value = (uint8_t)next_random(g);
        if (reg == 0x28 && random_below(g, 2)) value |= 0xF0; /* keep channels sounding */
        if (reg >= 0x40 && reg < 0x50) value &= 0x3F;         /* mostly audible */
        ym_test_write(&g->ym, bank, reg, value);
        if (random_below(g, 3) == 0) run_clocks(g, 1 + random_below(g, 300));
        if (i % 5000 == 4999) save_and_restore(g);
    }
    run_uneven(g, 40000);
    return golden_finish(g, 46000);
}

static void test_algorithms_discrete(void **state)
{
    (void)state;
    check_hash("algorithms/discrete", scenario_algorithms(YM2612_MODEL_DISCRETE), 0xF3374CA783B8476Cull);
}

static void test_algorithms_ym3438(void **state)
{
    (void)state;
    check_hash("algorithms/ym3438", scenario_algorithms(YM2612_MODEL_YM3438), 0x67AAE8575BFD684Dull);
}

static void test_ch3_csm_timers_dac(void **state)
{
    (void)state;
    check_hash("ch3_csm_timers_dac/discrete", scenario_ch3_csm_timers_dac(YM2612_MODEL_DISCRETE), 0x776FF6DC044E26B6ull);
}

static void test_register_fuzz(void **state)
{
    (void)state;
    check_hash("register_fuzz/discrete", scenario_register_fuzz(YM2612_MODEL_DISCRETE), 0xD9CC3081B6C27B24ull);
    check_hash("register_fuzz/ym3438", scenario_register_fuzz(YM2612_MODEL_YM3438), 0xB7ED8F0D2B8C3EF9ull);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_algorithms_discrete),
        cmocka_unit_test(test_algorithms_ym3438),
        cmocka_unit_test(test_ch3_csm_timers_dac),
        cmocka_unit_test(test_register_fuzz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
