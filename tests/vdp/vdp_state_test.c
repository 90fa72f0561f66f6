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

/* Random memory and every plane size (invalid ones too), scroll mode,
 * resolution and interlace mode: two instances fed the same port writes
 * produce the same pictures, and nothing strays outside its buffers (this
 * test runs under the sanitizers too). */
static void test_random_scenes_are_deterministic(void **st)
{
    (void)st;
    Vdp *a = vt_new(NULL, 0);
    Vdp *b = vt_new(NULL, 0);
    assert_non_null(a);
    assert_non_null(b);
    uint32_t seed = 99;
    Vdp *both[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        uint32_t r = seed;
        vt_mode5(both[i], 1);
        vt_command(both[i], VT_VRAM_WRITE, 0);
        for (int k = 0; k < 0x8000; k++) {
            r = r * 1103515245u + 12345u;
            vdp_write_data(both[i], (uint16_t)(r >> 12));
        }
        for (int k = 0; k < 64; k++)
            vt_cram(both[i], (unsigned)k, (uint16_t)(k * 0x0123));
        for (int k = 0; k < 40; k++)
            vt_vsram(both[i], (unsigned)k, (uint16_t)(k * 37));
    }
    for (unsigned combo = 0; combo < 64; combo++) {
        unsigned size = (combo & 3) | ((combo >> 2) & 3) << 4;
        unsigned mode12 = ((combo & 16) ? 0x81 : 0x00) | ((combo & 32) ? 0x06 : 0x00) | 0x08;
        for (int i = 0; i < 2; i++) {
            vt_reg(both[i], 16, size);
            vt_reg(both[i], 12, mode12);
            vt_reg(both[i], 11, combo & 7);
            vt_reg(both[i], 17, combo * 5);
            vt_reg(both[i], 18, combo * 3);
            vt_display_on(both[i], (combo & 8) ? 0x08 : 0);
            vt_fresh_frame(both[i]);
        }
        int w, h, pitch;
        const uint32_t *fa = vdp_framebuffer(a, &w, &h, &pitch);
        const uint32_t *fb = vdp_framebuffer(b, NULL, NULL, NULL);
        assert_int_equal(w, (combo & 16) ? 320 : 256);
        assert_int_equal(h, ((combo & 8) ? 240 : 224) * ((combo & 32) ? 2 : 1));
        assert_memory_equal(fa, fb, (size_t)h * (size_t)pitch);
    }
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_load_round_trip),
        cmocka_unit_test(test_instances_are_independent),
        cmocka_unit_test(test_random_scenes_are_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
