/* audio_mixer_kernel_builder.h - computes the mixer's band-limited step
 * table. Used only by the build-time generator and by the test that checks
 * the generated table against it; the library links the generated table. */
#ifndef MDEMU_AUDIO_MIXER_KERNEL_BUILDER_H
#define MDEMU_AUDIO_MIXER_KERNEL_BUILDER_H

#include <stdint.h>

#include "audio_mixer.h"

/* Fill kernel[phase][tap] (Q15): the change, from one output sample to the
 * next, of a unit step filtered by a Kaiser-windowed sinc low-pass, for a
 * step placed phase/AUDIO_MIXER_PHASES of an output period late. Every phase
 * sums to exactly 32768, so summing the changes reproduces the step exactly. */
void audio_mixer_build_kernel(int16_t kernel[AUDIO_MIXER_PHASES][AUDIO_MIXER_TAPS]);

#endif
