/* ym2612_state_test.c - save/load round trip and independence of two
 * instances in one process. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define RUN 3000

/* A busy patch: feedback, LFO, SSG-EG, two channels, timers running. */
static void play_patch(Ym2612 *ym)
{
    ym_test_write(ym, 0, 0x22, 0x0B);
    for (unsigned ch = 0; ch < 6; ch += 4) {
        ym_test_write(ym, ch / 3, (uint8_t)(0xB0 + ch % 3), (uint8_t)(0x38 | (ch == 0 ? 4 : 0)));
        ym_test_write(ym, ch / 3, (uint8_t)(0xB4 + ch % 3), 0xF7);
        for (unsigned op = 0; op < 4; op++) {
            ym_test_op(ym, ch, op, 0x30, (uint8_t)(0x11 * (op + 1)));
            ym_test_op(ym, ch, op, 0x40, (uint8_t)(op * 6));
            ym_test_op(ym, ch, op, 0x50, (uint8_t)(0x40 | (20 + op)));
            ym_test_op(ym, ch, op, 0x60, (uint8_t)(0x80 | 12));
            ym_test_op(ym, ch, op, 0x70, 5);
            ym_test_op(ym, ch, op, 0x80, 0x37);
            ym_test_op(ym, ch, op, 0x90, op == 1 ? 0x0A : 0);
        }
        ym_test_frequency(ym, ch, 700 + 90 * ch, 4);
        ym_test_key(ym, ch, 0xF);
    }
    ym_test_write(ym, 0, 0x24, 0x80);
    ym_test_write(ym, 0, 0x26, 0x40);
    ym_test_write(ym, 0, 0x27, 0x0F);
}

static void test_save_load_round_trip(void **state)
{
    (void)state;
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_DISCRETE);
    play_patch(&ym);
    ym2612_run(&ym, 1234 * 144 + 77, NULL); /* mid-sample */

    void *saved = malloc(ym2612_state_size());
    assert_non_null(saved);
    ym2612_save_state(&ym, saved);

    static int16_t first[2 * RUN], second[2 * RUN];
    int n1 = ym2612_run(&ym, RUN * 144, first);
    uint8_t status1 = ym2612_read_status(&ym);

    /* Load into a fresh instance, as a save-state restore would. */
    Ym2612 restored;
    ym2612_init(&restored, YM2612_MODEL_DISCRETE);
    ym2612_load_state(&restored, saved);
    int n2 = ym2612_run(&restored, RUN * 144, second);
    assert_int_equal(n1, n2);
    assert_memory_equal(first, second, sizeof(int16_t) * 2 * (size_t)n1);
    assert_int_equal(status1, ym2612_read_status(&restored));
    free(saved);

    long energy = 0;
    for (int i = 0; i < 2 * n1; i++) energy += labs((long)first[i]);
    assert_true(energy > 0);
}

static void test_two_instances_independent(void **state)
{
    (void)state;
    Ym2612 a, b, reference;
    ym2612_init(&a, YM2612_MODEL_DISCRETE);
    ym2612_init(&b, YM2612_MODEL_YM3438);
    ym2612_init(&reference, YM2612_MODEL_DISCRETE);
    play_patch(&a);
    play_patch(&reference);

    static int16_t out_a[2 * RUN], out_b[2 * RUN], out_ref[2 * RUN];
    /* Interleave work on both instances; b gets its own, different writes. */
    for (int i = 0; i < RUN; i += 100) {
        ym2612_run(&a, 100 * 144, out_a + 2 * i);
        ym_test_write(&b, 0, 0x2B, 0x80);
        ym_test_write(&b, 0, 0x2A, (uint8_t)i);
        ym2612_run(&b, 100 * 144, out_b + 2 * i);
    }
    ym2612_run(&reference, RUN * 144, out_ref);
    assert_memory_equal(out_a, out_ref, sizeof out_a);
    assert_int_equal(out_b[0], (0 - 128) * 2 * YM2612_OUTPUT_SCALE);
    assert_int_equal(ym2612_read_status(&b) & 3, 0);
    assert_int_not_equal(ym2612_read_status(&a) & 3, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_load_round_trip),
        cmocka_unit_test(test_two_instances_independent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
