/* audio_drc.h - dynamic rate control for the desktop app: stretches one frame of
 * audio by a fraction of a percent so that the device's queue stays at its target
 * while vsync paces the loop at the monitor's rate. */
#ifndef MDEMU_SDL_AUDIO_DRC_H
#define MDEMU_SDL_AUDIO_DRC_H

#include <stddef.h>
#include <stdint.h>

#define DRC_MAX_DEVIATION 0.005 /* +-0.5%: far below what anyone hears as pitch */

typedef struct AudioDrc {
    double carry; /* fraction of an output frame owed from earlier frames */
} AudioDrc;

/* Output frame count for `frames` input frames at the given queue fill
 * (queued / target): more when the queue runs low, fewer when it runs high. */
size_t drc_output_frames(AudioDrc *drc, size_t frames, double fill);
/* Linear interpolation of n interleaved stereo frames into m (both >= 1). */
void drc_stretch(const int16_t *in, size_t n, int16_t *out, size_t m);

#endif
