/* mixer_kernel_test.c - the mixer's step kernel, generated at build time
 * into a const table, must equal the run-time filter design it replaced:
 * the same builder run here, and a hash recorded from the library when it
 * still designed the kernel at every audio_mixer_init. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audio_mixer.h"
#include "audio_mixer_kernel.h"
#include "audio_mixer_kernel_builder.h"

#define FNV_OFFSET 0xCBF29CE484222325ULL
#define FNV_PRIME 0x100000001B3ULL
#define Q15_ONE 32768

/* FNV-1a over every entry (phase-major, little-endian int16) of the table
 * audio_mixer_init built before the table was generated at build time. */
#define RUNTIME_KERNEL_HASH 0x6A9BD4A601C7416EULL

typedef int16_t KernelRow[AUDIO_MIXER_TAPS];

static uint64_t kernel_hash(const KernelRow *kernel)
{
    uint64_t h = FNV_OFFSET;
    for (int phase = 0; phase < AUDIO_MIXER_PHASES; phase++) {
        for (int tap = 0; tap < AUDIO_MIXER_TAPS; tap++) {
            uint16_t u = (uint16_t)kernel[phase][tap];
            uint8_t bytes[2] = {(uint8_t)u, (uint8_t)(u >> 8)};
            for (int i = 0; i < 2; i++) {
                h ^= bytes[i];
                h *= FNV_PRIME;
            }
        }
    }
    return h;
}

static void test_generated_equals_builder(void **state)
{
    (void)state;
    KernelRow *built = malloc(sizeof(int16_t[AUDIO_MIXER_PHASES][AUDIO_MIXER_TAPS]));
    assert_non_null(built);
    memset(built, 0x55, sizeof(int16_t[AUDIO_MIXER_PHASES][AUDIO_MIXER_TAPS]));
    audio_mixer_build_kernel(built);
    int mismatches = 0;
    for (int phase = 0; phase < AUDIO_MIXER_PHASES; phase++) {
        for (int tap = 0; tap < AUDIO_MIXER_TAPS; tap++) {
            if (built[phase][tap] != audio_mixer_kernel[phase][tap]) {
                if (mismatches < 10)
                    print_message("kernel[%d][%d]: generated %d, built %d\n", phase, tap,
                                  audio_mixer_kernel[phase][tap], built[phase][tap]);
                mismatches++;
            }
        }
    }
    free(built);
    assert_int_equal(mismatches, 0);
}

static void test_generated_equals_recorded_runtime_kernel(void **state)
{
    (void)state;
    uint64_t h = kernel_hash(audio_mixer_kernel);
    if (h != RUNTIME_KERNEL_HASH)
        print_message("kernel hash 0x%016llXULL\n", (unsigned long long)h);
    assert_true(h == RUNTIME_KERNEL_HASH);
}

/* Each phase's changes add up to a whole step, so steps settle exactly. */
static void test_phases_sum_to_one_step(void **state)
{
    (void)state;
    for (int phase = 0; phase < AUDIO_MIXER_PHASES; phase++) {
        int32_t sum = 0;
        for (int tap = 0; tap < AUDIO_MIXER_TAPS; tap++)
            sum += audio_mixer_kernel[phase][tap];
        assert_int_equal(sum, Q15_ONE);
    }
}

/* The recorded overshoot (the mixer's headroom is sized by it) is the
 * highest running sum of any row: the peak a step reaches before settling. */
static void test_peak_is_the_highest_running_sum(void **state)
{
    (void)state;
    int32_t peak = 0;
    for (int phase = 0; phase < AUDIO_MIXER_PHASES; phase++) {
        int32_t sum = 0;
        for (int tap = 0; tap < AUDIO_MIXER_TAPS; tap++) {
            sum += audio_mixer_kernel[phase][tap];
            peak = sum > peak ? sum : peak;
        }
    }
    assert_int_equal(audio_mixer_kernel_peak, peak);
    assert_true(peak > Q15_ONE && peak < Q15_ONE * 5 / 4); /* a windowed sinc's Gibbs overshoot, about 9% */
}

/* The low-pass is even, so its step response is odd about the step: a step
 * p/P late looks, reversed in time, like one (P-p)/P late. Tap m of phase p
 * covers output time (m - 15) - p/P, so it mirrors tap 32 - m of phase P - p
 * (tap 31 - m for phase 0, whose taps straddle the step symmetrically). */
static void test_step_response_is_odd(void **state)
{
    (void)state;
    const int P = AUDIO_MIXER_PHASES, T = AUDIO_MIXER_TAPS;
    for (int tap = 0; tap < T; tap++)
        assert_int_equal(audio_mixer_kernel[0][tap], audio_mixer_kernel[0][T - 1 - tap]);
    for (int phase = 1; phase < P; phase++) {
        assert_int_equal(audio_mixer_kernel[phase][0], 0); /* its mirror lies past the last tap */
        for (int tap = 1; tap < T; tap++)
            assert_int_equal(audio_mixer_kernel[phase][tap], audio_mixer_kernel[P - phase][T - tap]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated_equals_builder),
        cmocka_unit_test(test_generated_equals_recorded_runtime_kernel),
        cmocka_unit_test(test_phases_sum_to_one_step),
        cmocka_unit_test(test_step_response_is_odd),
        cmocka_unit_test(test_peak_is_the_highest_running_sum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
