/* state_fuzz_test.c - load garbage into each chip's state and run it: no
 * out-of-bounds access, no undefined behaviour (checked under ASan+UBSan),
 * and never more output than the caller's buffer was sized for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audio_mixer.h"
#include "psg.h"
#include "vdp.h"
#include "ym2612.h"

/* xorshift: reproducible garbage. */
static uint32_t next_random(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

static void fill(void *buf, size_t size, int pattern, uint32_t *seed)
{
    uint8_t *p = buf;
    for (size_t i = 0; i < size; i++) p[i] = pattern >= 0 ? (uint8_t)pattern : (uint8_t)next_random(seed);
}

static const int patterns[] = { 0xFF, 0x80, 0x7F, -1, -1, -1 };

static void test_psg(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    Psg *psg = calloc(1, sizeof *psg);
    uint8_t *garbage = malloc(psg_state_size());
    int16_t out[64 + 1]; /* 1024 clocks = 64 samples; one guard slot */
    for (size_t t = 0; t < sizeof patterns / sizeof patterns[0]; t++) {
        psg_init(psg);
        fill(garbage, psg_state_size(), patterns[t], &seed);
        psg_load_state(psg, garbage);
        out[64] = 0x5A5A;
        int n = psg_run(psg, 1024, out);
        assert_in_range(n, 0, 64);
        assert_int_equal(out[64], 0x5A5A);
        for (int v = 0; v < 256; v++) psg_write(psg, (uint8_t)v);
        psg_run(psg, 1024, out);
    }
    free(garbage);
    free(psg);
}

static void test_ym2612(void **state)
{
    (void)state;
    uint32_t seed = 777;
    Ym2612 *ym = calloc(1, sizeof *ym);
    uint8_t *garbage = malloc(ym2612_state_size());
    int16_t out[2 * (8 + 1)]; /* 1152 clocks = 8 samples; one guard slot */
    for (size_t t = 0; t < sizeof patterns / sizeof patterns[0]; t++) {
        ym2612_init(ym, YM2612_MODEL_DISCRETE);
        fill(garbage, ym2612_state_size(), patterns[t], &seed);
        ym2612_load_state(ym, garbage);
        out[16] = 0x5A5A;
        int n = ym2612_run(ym, 1152, out);
        assert_in_range(n, 0, 8);
        assert_int_equal(out[16], 0x5A5A);
        for (unsigned r = 0x21; r < 0xB8; r++) {
            ym2612_write(ym, 0, (uint8_t)r);
            ym2612_write(ym, 1, (uint8_t)next_random(&seed));
        }
        ym2612_run(ym, 1152, out);
    }
    free(garbage);
    free(ym);
}

static void test_mixer(void **state)
{
    (void)state;
    uint32_t seed = 99;
    AudioMixer *m = calloc(1, sizeof *m);
    uint8_t *garbage = malloc(audio_mixer_state_size());
    int16_t fm[2 * 64] = {0}, psg[256] = {0}, out[2 * 256];
    for (size_t t = 0; t < sizeof patterns / sizeof patterns[0]; t++) {
        audio_mixer_init(m, 53693175u, 48000);
        fill(garbage, audio_mixer_state_size(), patterns[t], &seed);
        audio_mixer_load_state(m, garbage);
        audio_mixer_push_fm(m, fm, 64);
        audio_mixer_push_psg(m, psg, 256);
        int n = audio_mixer_read(m, out, 256);
        assert_in_range(n, 0, 256);
    }
    free(garbage);
    free(m);
}

static uint16_t no_dma_source(void *ctx, uint32_t addr)
{
    (void)ctx;
    return (uint16_t)addr;
}

static void test_vdp(void **state)
{
    (void)state;
    uint32_t seed = 4242;
    Vdp *v = calloc(1, sizeof *v);
    uint8_t *garbage = malloc(vdp_state_size());
    VdpBus bus = { NULL, no_dma_source };
    for (size_t t = 0; t < sizeof patterns / sizeof patterns[0]; t++) {
        vdp_init(v, &bus, false);
        fill(garbage, vdp_state_size(), patterns[t], &seed);
        vdp_load_state(v, garbage);
        uint64_t start = v->state.clock;
        for (int i = 0; i < 16; i++) {
            vdp_write_control(v, (uint16_t)next_random(&seed));
            vdp_write_data(v, (uint16_t)next_random(&seed));
            (void)vdp_read_status(v);
            (void)vdp_read_data(v);
        }
        vdp_run(v, start + 2u * 3420u * 313u); /* two frames of the longest kind */
        int w, h, pitch;
        const uint32_t *fb = vdp_framebuffer(v, &w, &h, &pitch);
        assert_non_null(fb);
        assert_in_range(w, 1, VDP_MAX_WIDTH);
        assert_in_range(h, 1, VDP_MAX_HEIGHT);
    }
    free(garbage);
    free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_psg),
        cmocka_unit_test(test_ym2612),
        cmocka_unit_test(test_mixer),
        cmocka_unit_test(test_vdp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
