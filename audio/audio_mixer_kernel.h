/* audio_mixer_kernel.h - the mixer's private helpers: its band-limited step
 * table and the e^x its output filters need (private to audio_mixer*.c and
 * tests/audio_mixer). */
#ifndef MDEMU_AUDIO_MIXER_KERNEL_H
#define MDEMU_AUDIO_MIXER_KERNEL_H

#include <stdint.h>

#include "audio_mixer.h"

/* kernel[phase][tap] (Q15): the change, from one output sample to the next,
 * of a unit step filtered by a Kaiser-windowed sinc low-pass, for a step
 * placed phase/AUDIO_MIXER_PHASES of an output period late. Every phase sums
 * to exactly 32768, so summing the changes reproduces the step exactly.
 * Computed at build time (gen/audio_mixer_kernel_builder.c); one read-only
 * copy serves every mixer. */
extern const int16_t audio_mixer_kernel[AUDIO_MIXER_PHASES][AUDIO_MIXER_TAPS];

/* e^x computed without libm (the library links nothing but libc). */
double audio_mixer_exp(double x);

#endif
