/* ym2612_ssg_test.c - the eight SSG-EG envelope shapes of the YM2608
 * manual, traced through the operator level (0 = loudest):
 *   8 \\\\   9 \___   A \/\/   B \~~~   C ////   D /~~~   E /\/\   F /___
 * At a cycle's end the chip shows the final level once with the new
 * direction before the restarted attack takes over (YM3438 die analysis):
 * a one-sample spike in the alternating modes, a two-sample jump in F.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

#define TRACE 6000

typedef struct Shape {
    int rises, falls;         /* runs of rising / falling level */
    int jumps_up, jumps_down; /* changes of more than 0x100 (consecutive ones in one direction count once) */
    int spikes;               /* a jump undone by the next sample */
    unsigned first, last;     /* first and final level */
} Shape;

static Shape trace_shape(uint8_t ssg)
{
    Ym2612 ym;
    ym2612_init(&ym, YM2612_MODEL_YM3438);
    ym_test_sine_channel(&ym, 0, 1084, 4, 0xC0);
    ym_test_key(&ym, 0, 0);
    ym_test_op(&ym, 0, 0, 0x60, 22); /* D1R 22, D2R 22: rate 46, about 1000 samples per cycle */
    ym_test_op(&ym, 0, 0, 0x70, 22);
    ym_test_op(&ym, 0, 0, 0x80, 0xFF);
    ym_test_op(&ym, 0, 0, 0x90, ssg);
    ym_test_key(&ym, 0, 1);
    ym2612_run(&ym, 2 * 144, NULL); /* operator 1 latches the key in the second sample */

    Shape shape = { 0, 0, 0, 0, 0, 0, 0 };
    unsigned prev = ym2612_operator_level(&ym, 0, 0);
    shape.first = prev;
    int direction = 0;
    int last_jump = 0, last_jump_at = -2;
    for (int i = 0; i < TRACE; i++) {
        ym2612_run(&ym, 144, NULL);
        unsigned level = ym2612_operator_level(&ym, 0, 0);
        int delta = (int)level - (int)prev;
        int jump = delta > 0x100 ? 1 : delta < -0x100 ? -1 : 0;
        if (jump != 0 && last_jump_at == i - 1 && jump == -last_jump) { /* the last jump was a spike */
            if (last_jump > 0) shape.jumps_up--;
            else shape.jumps_down--;
            shape.spikes++;
            last_jump_at = -2;
        } else if (jump != 0 && last_jump_at == i - 1) { /* the same jump goes on */
            last_jump_at = i;
        } else if (jump != 0) {
            if (jump > 0) shape.jumps_up++;
            else shape.jumps_down++;
            last_jump = jump;
            last_jump_at = i;
        } else if (delta > 0 && direction <= 0) { shape.rises++; direction = 1; }
        else if (delta < 0 && direction >= 0) { shape.falls++; direction = -1; }
        prev = level;
    }
    shape.last = prev;
    return shape;
}

static void test_mode_8_repeating_decay(void **state)
{
    (void)state;
    Shape s = trace_shape(0x8);
    assert_int_equal(s.spikes, 0);
    assert_int_equal(s.first, 0);
    assert_true(s.jumps_down >= 4); /* back to full level at each cycle */
    assert_int_equal(s.jumps_up, 0);
    assert_int_equal(s.falls, 0);
}

static void test_mode_9_decay_then_silence(void **state)
{
    (void)state;
    Shape s = trace_shape(0x9);
    assert_int_equal(s.spikes, 0);
    assert_int_equal(s.first, 0);
    assert_int_equal(s.rises, 1);
    assert_int_equal(s.jumps_up, 1);
    assert_int_equal(s.jumps_down, 0);
    assert_int_equal(s.last, 0x3FF);
}

static void test_mode_a_triangle(void **state)
{
    (void)state;
    Shape s = trace_shape(0xA);
    assert_int_equal(s.first, 0);
    assert_true(s.rises >= 3 && s.falls >= 2);
    assert_int_equal(s.jumps_up + s.jumps_down, 0);
    assert_true(s.spikes >= 4); /* one at each cycle end */
}

static void test_mode_b_decay_then_full(void **state)
{
    (void)state;
    Shape s = trace_shape(0xB);
    assert_int_equal(s.spikes, 0);
    assert_int_equal(s.first, 0);
    assert_int_equal(s.rises, 1);
    assert_int_equal(s.jumps_down, 1);
    assert_int_equal(s.last, 0);
}

static void test_mode_c_repeating_attack(void **state)
{
    (void)state;
    Shape s = trace_shape(0xC);
    assert_int_equal(s.spikes, 0);
    assert_int_equal(s.first, 0x200);
    assert_true(s.jumps_up >= 4);
    assert_int_equal(s.jumps_down, 0);
    assert_int_equal(s.rises, 0);
}

static void test_mode_d_attack_then_hold(void **state)
{
    (void)state;
    Shape s = trace_shape(0xD);
    assert_int_equal(s.spikes, 0);
    assert_int_equal(s.first, 0x200);
    assert_int_equal(s.falls, 1);
    assert_int_equal(s.jumps_up + s.jumps_down, 0);
    assert_int_equal(s.last, 0);
}

static void test_mode_e_inverted_triangle(void **state)
{
    (void)state;
    Shape s = trace_shape(0xE);
    assert_int_equal(s.first, 0x200);
    assert_true(s.falls >= 3 && s.rises >= 2);
    assert_int_equal(s.jumps_up + s.jumps_down, 0);
    assert_true(s.spikes >= 4);
}

static void test_mode_f_attack_then_silence(void **state)
{
    (void)state;
    Shape s = trace_shape(0xF);
    assert_int_equal(s.spikes, 0);
    assert_int_equal(s.first, 0x200);
    assert_int_equal(s.falls, 1);
    assert_int_equal(s.jumps_up, 1);
    assert_int_equal(s.last, 0x3FF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mode_8_repeating_decay),   cmocka_unit_test(test_mode_9_decay_then_silence),
        cmocka_unit_test(test_mode_a_triangle),          cmocka_unit_test(test_mode_b_decay_then_full),
        cmocka_unit_test(test_mode_c_repeating_attack),  cmocka_unit_test(test_mode_d_attack_then_hold),
        cmocka_unit_test(test_mode_e_inverted_triangle), cmocka_unit_test(test_mode_f_attack_then_silence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
