/* vdp_state_test.c - save/load of the emulated state and independence of instances. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "vdp_test_util.h"

static void setup_scene(Vdp *v, unsigned colour_index)
{
    vt_mode5(v, 1);
    vt_cram(v, 1, vt_colour(7, 0, 0));
    vt_cram(v, 2, vt_colour(0, 0, 7));
    vt_reg(v, 7, colour_index);
    vt_sprite(v, 0, -128, -128, 1, 1, 0, 0);
    vt_display_on(v, 0x20);
    vt_fresh_frame(v);
}

static void test_save_load_round_trip(void **st)
{
    (void)st;
    Vdp *a = vt_new(NULL, 0);
    Vdp *b = vt_new(NULL, 1);
    assert_non_null(a);
    assert_non_null(b);
    setup_scene(a, 1);
    vdp_run(a, a->state.frame_start + 100 * VDP_MASTER_CLOCKS_PER_LINE + 77);
    void *buf = malloc(vdp_state_size());
    assert_non_null(buf);
    vdp_save_state(a, buf);
    uint16_t hv = vdp_read_hv(a);
    /* Run on, change things, then restore into another instance. */
    vdp_run(a, vdp_frame_end(a));
    vt_reg(a, 7, 2);
    vdp_load_state(b, buf);
    assert_int_equal(vdp_read_hv(b), hv);
    assert_int_equal(b->state.pal, 0);
    assert_true(vdp_frame_end(b) == vdp_frame_end(a) - vdp_frame_clocks(a));
    /* The colour cache is rebuilt from the loaded CRAM. */
    vdp_run(b, vdp_frame_end(b));
    vdp_run(b, vdp_frame_end(b));
    assert_int_equal(vt_pixel(b, 10, 10), vt_rgb(7, 0, 0));
    /* Same state, same future. */
    vdp_load_state(a, buf);
    vdp_load_state(b, buf);
    uint64_t target = vdp_frame_end(a) + 5000;
    vdp_run(a, target);
    vdp_run(b, target);
    assert_memory_equal(&a->state, &b->state, sizeof a->state);
    free(buf);
    free(a);
    free(b);
}

static void test_instances_are_independent(void **st)
{
    (void)st;
    Vdp *a = vt_new(NULL, 0);
    Vdp *b = vt_new(NULL, 0);
    assert_non_null(a);
    assert_non_null(b);
    setup_scene(a, 1);
    setup_scene(b, 2);
    assert_int_equal(vt_pixel(a, 10, 10), vt_rgb(7, 0, 0));
    assert_int_equal(vt_pixel(b, 10, 10), vt_rgb(0, 0, 7));
    assert_int_equal(vdp_irq_level(a), 6);
    vdp_irq_ack(a, 6);
    assert_int_equal(vdp_irq_level(a), 0);
    assert_int_equal(vdp_irq_level(b), 6);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_load_round_trip),
        cmocka_unit_test(test_instances_are_independent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
