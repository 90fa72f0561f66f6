/* test_audio_drc.c - the desktop app's dynamic rate control stretch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "audio_drc.h"

static void test_counts_follow_fill(void **state)
{
    (void)state;
    AudioDrc drc = {0};
    size_t total = 0;
    for (int i = 0; i < 1000; i++) total += drc_output_frames(&drc, 801, 1.0);
    assert_int_equal(total, 801000); /* at target: exactly what came in, no drift */
    drc = (AudioDrc){0};
    total = 0;
    for (int i = 0; i < 1000; i++) total += drc_output_frames(&drc, 800, 0.0);
    assert_in_range(total, 803999, 804000); /* empty queue: +0.5% (a fraction may still be owed) */
    drc = (AudioDrc){0};
    total = 0;
    for (int i = 0; i < 1000; i++) total += drc_output_frames(&drc, 800, 5.0);
    assert_in_range(total, 795999, 796000); /* far too full: clamped at -0.5% */
}

static void test_stretch_keeps_shape(void **state)
{
    (void)state;
    int16_t in[2 * 100], out[2 * 104];
    for (int i = 0; i < 100; i++) {
        in[2 * i] = (int16_t)(i * 100);
        in[2 * i + 1] = -1234;
    }
    drc_stretch(in, 100, out, 104);
    assert_int_equal(out[0], 0);
    assert_int_equal(out[2 * 103], 9900); /* endpoints stay: frames join without a step */
    for (int i = 0; i < 104; i++) {
        assert_int_equal(out[2 * i + 1], -1234); /* a constant stays constant */
        if (i) assert_true(out[2 * i] >= out[2 * (i - 1)]); /* a ramp stays monotonic */
    }
    drc_stretch(in, 100, out, 1);
    assert_int_equal(out[0], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_follow_fill),
        cmocka_unit_test(test_stretch_keeps_shape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
