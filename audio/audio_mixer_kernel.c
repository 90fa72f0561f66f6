/* audio_mixer_kernel.c - the resampler's band-limited step table, generated
 * at build time by gen/audio_mixer_gen_kernel.c (the filter design is in
 * gen/audio_mixer_kernel_builder.c). */
#include "audio_mixer_kernel.h"

#include "audio_mixer_kernel_table.h"
