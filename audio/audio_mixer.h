/* audio_mixer.h - mixes the YM2612 (stereo, master/1008 rate) and the PSG
 * (mono, master/240 rate) at their relative levels and resamples to the
 * host's rate with a band-limited resampler that is exact in the long run
 * (positions are kept as integers in master clocks x host rate: no drift).
 * State is plain data; no global or static mutable state.
 */
#ifndef MDEMU_AUDIO_MIXER_H
#define MDEMU_AUDIO_MIXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AUDIO_FM_MASTER_CLOCKS 1008  /* 7 * 144 */
#define AUDIO_PSG_MASTER_CLOCKS 240  /* 15 * 16 */

typedef struct AudioMixerState {
    uint64_t fm_samples_in, psg_samples_in, out_samples;
    uint32_t internal[4096]; /* filter history and output queue */
} AudioMixerState;

typedef struct AudioMixer {
    AudioMixerState state;
    uint32_t master_hz;  /* 53693175 NTSC, 53203424 PAL */
    uint32_t host_rate;  /* e.g. 44100 or 48000 */
    bool lowpass;        /* model 1 low-pass character */
    bool fm_enabled, psg_enabled;
} AudioMixer;

void audio_mixer_init(AudioMixer *m, uint32_t master_hz, uint32_t host_rate);
void audio_mixer_reset(AudioMixer *m);
void audio_mixer_push_fm(AudioMixer *m, const int16_t *lr, int samples);
void audio_mixer_push_psg(AudioMixer *m, const int16_t *mono, int samples);
/* Take up to max_frames finished output frames (interleaved L,R). Returns count. */
int audio_mixer_read(AudioMixer *m, int16_t *out_lr, int max_frames);

static inline size_t audio_mixer_state_size(void) { return sizeof(AudioMixerState); }
void audio_mixer_save_state(const AudioMixer *m, void *out);
void audio_mixer_load_state(AudioMixer *m, const void *in);

#ifdef __cplusplus
}
#endif
#endif
