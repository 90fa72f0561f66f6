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

/* Levels: a PSG sample counts 1/6 of an FM sample, the console's FM:PSG
 * balance as Genesis Plus GX measured it on a Model 1 (audio_mixer.c gives
 * the sources and the arithmetic). */
#define AUDIO_MIXER_FM_WEIGHT 6
#define AUDIO_MIXER_PSG_WEIGHT 1

#define AUDIO_MIXER_TAPS 32       /* band-limited step length, in output samples */
#define AUDIO_MIXER_PHASES 512    /* sub-sample step positions in the kernel table */
#define AUDIO_MIXER_CAPACITY 8192 /* output samples the delta buffer can hold */
#define AUDIO_MIXER_MAX_LAG 4096  /* output samples one input may run ahead of the other */

/* Position of an input stream's next sample: output-sample index (relative
 * to the next output sample, delta[][start]) plus a remainder in master clocks x host rate (< master_hz). */
typedef struct AudioMixerStream {
    uint32_t index;
    uint32_t remainder;
    int32_t level[2]; /* L, R value held since the last sample, in mix units */
} AudioMixerStream;

typedef struct AudioMixerState {
    uint64_t fm_samples_in, psg_samples_in, out_samples;
    uint64_t dropped_samples; /* finished output discarded because nobody read it */
    AudioMixerStream fm, psg;
    uint32_t start;      /* delta[][start] belongs to the next output sample */
    uint32_t delta_used; /* delta[][delta_used..] is all zero */
    /* delta and integral hold integers below 2^53, so double arithmetic on
     * them is exact (and vectorizes); the output cannot drift. */
    double integral[2];       /* running sum of delta: the band-limited signal */
    double lowpass_out[2];    /* model 1 low-pass state */
    double dc_in[2], dc_out[2]; /* output coupling high-pass state */
    double delta[2][AUDIO_MIXER_CAPACITY]; /* per output sample change, L and R */
} AudioMixerState;

/* Values derived from the configuration (not emulated state). */
typedef struct AudioMixerTables {
    uint32_t master_hz, host_rate; /* the rates the values below were made for */
    uint32_t fm_step, psg_step;    /* input sample length, master clocks x host rate, mod master_hz */
    uint32_t fm_step_whole, psg_step_whole; /* whole output samples per input sample */
    uint64_t phase_mul;            /* remainder -> kernel phase, 32.32 fixed point */
    double lowpass_coeff, dc_coeff;
    double output_scale;           /* running sum of deltas -> int16 output (audio_mixer_output_gain) */
    /* The step kernel depends on no configuration: it is one const table
     * generated at build time, shared by every mixer. */
} AudioMixerTables;

typedef struct AudioMixer {
    AudioMixerState state;
    uint32_t master_hz;  /* 53693175 NTSC, 53203424 PAL */
    uint32_t host_rate;  /* e.g. 44100 or 48000 */
    bool lowpass;        /* model 1 low-pass character */
    bool fm_enabled, psg_enabled;
    bool vector_steps;   /* host capability: AVX2 step adding (audio_mixer_steps.c), set by init */
    AudioMixerTables tables; /* filled by audio_mixer_init; a rate change resets the mixer */
} AudioMixer;

void audio_mixer_init(AudioMixer *m, uint32_t master_hz, uint32_t host_rate);
void audio_mixer_reset(AudioMixer *m);
void audio_mixer_push_fm(AudioMixer *m, const int16_t *lr, int samples);
void audio_mixer_push_psg(AudioMixer *m, const int16_t *mono, int samples);
/* Take up to max_frames finished output frames (interleaved L,R). Returns count. */
int audio_mixer_read(AudioMixer *m, int16_t *out_lr, int max_frames);

/* The output's gain against an FM input sample (below 1: the headroom that
 * keeps the loudest mix of both chips out of clipping; audio_mixer.c). A held
 * FM input level v comes out as v * gain, a PSG one as
 * v * gain * AUDIO_MIXER_PSG_WEIGHT / AUDIO_MIXER_FM_WEIGHT. */
double audio_mixer_output_gain(void);

static inline size_t audio_mixer_state_size(void) { return sizeof(AudioMixerState); }
void audio_mixer_save_state(const AudioMixer *m, void *out);
void audio_mixer_load_state(AudioMixer *m, const void *in);

#ifdef __cplusplus
}
#endif
#endif
