/* audio_mixer_kernel.h - the mixer's private helpers: its band-limited step
 * table and the e^x its output filters need (private to audio_mixer*.c and
 * tests/audio_mixer). */
#ifndef MDEMU_AUDIO_MIXER_KERNEL_H
#define MDEMU_AUDIO_MIXER_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

#include "audio_mixer.h"

/* kernel[phase][tap] (Q15): the change, from one output sample to the next,
 * of a unit step filtered by a Kaiser-windowed sinc low-pass, for a step
 * placed phase/AUDIO_MIXER_PHASES of an output period late. Every phase sums
 * to exactly 32768, so summing the changes reproduces the step exactly.
 * Computed at build time (gen/audio_mixer_kernel_builder.c); one read-only
 * copy serves every mixer. */
extern const int16_t audio_mixer_kernel[AUDIO_MIXER_PHASES][AUDIO_MIXER_TAPS];
/* The highest running sum of any kernel row (Q15, above 32768: a step's
 * overshoot before it settles), computed with the table. */
extern const int32_t audio_mixer_kernel_peak;

/* Whether this host runs audio_mixer_add_step_vector (x86-64 with AVX2). */
bool audio_mixer_vector_steps_available(void);
/* left[first + i] += k[i] * height_l and right[first + i] += k[i] * height_r
 * for the AUDIO_MIXER_TAPS taps, four at a time on a 4-aligned grid: it also
 * adds zeros to up to three slots before and after those (the grid starts at
 * first & ~3, so never below 0; the caller keeps first + TAPS + 3 inside the
 * buffer). The products and sums are integers below 2^53, so the result
 * equals the scalar loop's exactly. */
void audio_mixer_add_step_vector(double *left, double *right, uint32_t first, const int16_t *k, double height_l,
                                 double height_r);

/* e^x computed without libm (the library links nothing but libc). */
double audio_mixer_exp(double x);

#endif
