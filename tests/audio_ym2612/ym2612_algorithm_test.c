/* ym2612_algorithm_test.c - the eight algorithms' carriers and direct
 * modulation paths as drawn in the YM2612 application manual:
 *   0: 1>2>3>4   1: (1+2)>3>4   2: (1 + 2>3)>4   3: (1>2 + 3)>4
 *   4: 1>2, 3>4  5: 1>(2,3,4)   6: 1>2, 3, 4     7: 1, 2, 3, 4
 * With every other operator silent (TL 127), an operator is heard only if
 * it is a carrier, and a modulator changes a carrier only if wired to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define SAMPLES 600

static const uint8_t carriers[8] = { 0x8, 0x8, 0x8, 0x8, 0xA, 0xE, 0xE, 0xF }; /* bit n = operator n+1 */
/* modulates[alg][m] = carriers that operator m+1 feeds directly. */
static const uint8_t modulates[8][4] = {
    { 0x2, 0x4, 0x8, 0 }, { 0x4, 0x4, 0x8, 0 }, { 0x8, 0x4, 0x8, 0 }, { 0x2, 0x8, 0x8, 0 },
    { 0x2, 0, 0x8, 0 },   { 0xE, 0, 0, 0 },     { 0x2, 0, 0, 0 },     { 0, 0, 0, 0 },
};

static void render(unsigned alg, unsigned audible_mask, int16_t *out)
{
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_patch(&ym, 0, 1084, 4, 0xC0);
    ym_test_write(&ym, 0, 0xB0, (uint8_t)alg);
    for (unsigned op = 0; op < 4; op++) {
        ym_test_op(&ym, 0, op, 0x30, (uint8_t)(op + 1)); /* distinct multiples */
        ym_test_op(&ym, 0, op, 0x40, (audible_mask >> op) & 1 ? 0 : 127);
    }
    ym_test_key(&ym, 0, 0xF);
    ym2612_run(&ym, SAMPLES * 144, out);
}

static bool silent(const int16_t *out)
{
    for (int i = 0; i < 2 * SAMPLES; i++)
        if (out[i] != 0 && out[i] != -YM2612_OUTPUT_SCALE) return false; /* -1: 9-bit floor of tiny negatives */
    return true;
}

static void test_carriers(void **state)
{
    (void)state;
    static int16_t out[2 * SAMPLES];
    for (unsigned alg = 0; alg < 8; alg++)
        for (unsigned op = 0; op < 4; op++) {
            render(alg, 1u << op, out);
            bool heard = !silent(out);
            assert_int_equal(heard, (carriers[alg] >> op) & 1);
        }
}

static void test_modulation_paths(void **state)
{
    (void)state;
    static int16_t alone[2 * SAMPLES], both[2 * SAMPLES];
    for (unsigned alg = 0; alg < 8; alg++)
        for (unsigned m = 0; m < 4; m++) {
            if ((carriers[alg] >> m) & 1) continue;
            for (unsigned c = 0; c < 4; c++) {
                if (!((carriers[alg] >> c) & 1)) continue;
                render(alg, 1u << c, alone);
                render(alg, (1u << c) | (1u << m), both);
                bool changed = memcmp(alone, both, sizeof alone) != 0;
                assert_int_equal(changed, (modulates[alg][m] >> c) & 1);
            }
        }
}

static void test_feedback_adds_harmonics(void **state)
{
    (void)state;
    static int16_t plain[2 * SAMPLES], fed[2 * SAMPLES];
    render(7, 0x1, plain);
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_patch(&ym, 0, 1084, 4, 0xC0);
    ym_test_write(&ym, 0, 0xB0, 0x07 | (6 << 3));
    for (unsigned op = 0; op < 4; op++) {
        ym_test_op(&ym, 0, op, 0x30, (uint8_t)(op + 1));
        ym_test_op(&ym, 0, op, 0x40, op == 0 ? 0 : 127);
    }
    ym_test_key(&ym, 0, 0xF);
    ym2612_run(&ym, SAMPLES * 144, fed);
    assert_memory_not_equal(plain, fed, sizeof plain);
}

/* The die adds each carrier to the channel's accumulator at that
 * operator's own cycle: an algorithm written after operator 1's turn (the
 * sample's first) but before operator 4's (its 19th) leaves operator 1
 * counted under algorithm 7 in that sample, and out of it from the next. */
static void test_algorithm_write_between_turns(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_channel(&ym, 0, 1084, 4, 0xC0); /* algorithm 7, operator 1 alone audible */
    ym2612_run(&ym, 144 - ym.state.clock_in_sample + 20 * 144, NULL);
    ym2612_run(&ym, 60, NULL); /* operator 1's turn is done, operator 4's is not */
    ym_test_write(&ym, 0, 0xB0, 0x00);
    /* the partial sum is state: a chip loaded from a save state made here
     * finishes the sample alike */
    Ym2612 *loaded = calloc(1, sizeof *loaded);
    uint8_t *saved = calloc(1, ym2612_state_size());
    assert_non_null(loaded);
    assert_non_null(saved);
    ym2612_save_state(&ym, saved);
    ym2612_init(loaded, YM2612_MODEL_YM3438);
    ym2612_load_state(loaded, saved);
    ym2612_run(loaded, 144 - 60, NULL);
    ym2612_run(&ym, 144 - 60, NULL);
    assert_int_equal(loaded->state.channels[0].dac_code, ym.state.channels[0].dac_code);
    free(saved);
    free(loaded);
    int out1 = ym.state.slots[0][0].output;
    int expected = out1 >= 0 ? out1 / 32 : -((-out1 + 31) / 32); /* >> 5, rounding down */
    assert_true(expected != 0);
    assert_int_equal(ym.state.channels[0].dac_code, expected);
    ym2612_run(&ym, 144, NULL);
    assert_int_equal(ym.state.channels[0].dac_code, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_carriers),
        cmocka_unit_test(test_modulation_paths),
        cmocka_unit_test(test_feedback_adds_harmonics),
        cmocka_unit_test(test_algorithm_write_between_turns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
