/* mixer_headroom_test.c - the loudest the two chips can play together does
 * not clip: six FM channels at full level (algorithm 7, all four operators
 * carriers at TL 0, so each channel's sum saturates at the DAC's full code)
 * keyed in the same sample and in phase, plus the three PSG tones at
 * attenuation 0 in phase with them and the white noise at attenuation 0.
 * No output sample may sit at int16 full scale (+32767 or -32768, where the
 * mixer saturates). audio/audio_mixer.c explains the headroom. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "chip_mix.h"

typedef struct Peak {
    int max, min;
    size_t saturated;
} Peak;

static Peak loudest_mix(uint32_t rate, double hz, unsigned psg_period, bool lowpass)
{
    ChipMix *c = chip_mix_new(rate);
    assert_non_null(c);
    c->mixer.lowpass = lowpass;
    for (int ch = 0; ch < 6; ch++)
        chip_mix_fm_sine(&c->ym, ch, hz, 4);
    for (int ch = 0; ch < 3; ch++)
        chip_mix_psg_tone(&c->psg, ch, psg_period, 0);
    chip_mix_psg_noise(&c->psg, 0x04, 0);
    chip_mix_fm_key_on(&c->ym, 0x3F);
    chip_mix_run(c, 1.0);
    Peak p = {0, 0, 0};
    for (size_t i = 0; i < 2 * c->frames; i++) {
        int v = c->out[i];
        if (v > p.max)
            p.max = v;
        if (v < p.min)
            p.min = v;
        p.saturated += v == 32767 || v == -32768;
    }
    chip_mix_free(c);
    return p;
}

static void check(uint32_t rate, double hz, unsigned psg_period, bool lowpass)
{
    Peak p = loudest_mix(rate, hz, psg_period, lowpass);
    printf("%u Hz output, %.0f Hz notes%s: peak %+d / %+d, %zu samples at full scale\n", rate, hz,
           lowpass ? ", model 1 low-pass" : "", p.max, p.min, p.saturated);
    assert_true(p.max > 16000 && p.min < -16000); /* it really is loud */
    assert_int_equal(p.saturated, 0);
}

/* A4 (PSG period 254 = 440.4 Hz) and A2 (period 1017 = 110.0 Hz, near the
 * PSG's lowest note), at both host rates the frontends use. */
static void test_no_clipping_440hz(void **state)
{
    (void)state;
    check(48000, 440.4, 254, false);
    check(44100, 440.4, 254, false);
    check(48000, 440.4, 254, true);
}

static void test_no_clipping_110hz(void **state)
{
    (void)state;
    check(48000, 110.0, 1017, false);
    check(44100, 110.0, 1017, false);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_clipping_440hz),
        cmocka_unit_test(test_no_clipping_110hz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
