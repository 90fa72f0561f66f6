/* chip_mix.h - test helper: a real YM2612 and a real PSG feeding the mixer
 * the way the console does (each chip's samples at its own rate, a video
 * frame at a time), with register helpers for the tones the level tests
 * need. */
#ifndef MDEMU_TEST_CHIP_MIX_H
#define MDEMU_TEST_CHIP_MIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "audio_mixer.h"
#include "psg.h"
#include "ym2612.h"

#define CHIP_MIX_NTSC_HZ 53693175u

typedef struct ChipMix {
    Ym2612 ym;
    Psg psg;
    AudioMixer mixer;
    uint64_t master_clocks, fm_done, psg_done;
    int16_t *out; /* interleaved L,R output so far */
    size_t frames, capacity;
} ChipMix;

/* Heap-allocated (the chips' tables are large); free with chip_mix_free. */
ChipMix *chip_mix_new(uint32_t host_rate);
void chip_mix_free(ChipMix *c);

/* FM channel 0..5 as a sine at hz: algorithm 7 (every operator a carrier),
 * no feedback, no LFO, instant attack, no decay, both speakers. `carriers`
 * operators (1..4, from operator 4 down) play at total level 0, the rest
 * are silent (TL 127). Call chip_mix_fm_key_on to start it. */
void chip_mix_fm_sine(Ym2612 *ym, int channel, double hz, int carriers);
/* Key on every operator of the channels in `mask` (bit n = channel n). The
 * chip latches one register 0x28 write and applies it at that channel's
 * turn, so the writes go one sample (144 clocks) apart, run before the mix
 * starts: the channels start 1/53267 s apart, in phase within 3 degrees at
 * 440 Hz. */
void chip_mix_fm_key_on(Ym2612 *ym, unsigned mask);

/* PSG tone channel 0..2 with a 10-bit period at `attenuation` (0 = loudest). */
void chip_mix_psg_tone(Psg *psg, int channel, unsigned period, unsigned attenuation);
/* PSG noise: `control` is register 6's value (bit 2 white, bits 1-0 rate). */
void chip_mix_psg_noise(Psg *psg, unsigned control, unsigned attenuation);

/* Run both chips and the mixer for `seconds` (whole NTSC video frames),
 * appending the output to c->out. */
void chip_mix_run(ChipMix *c, double seconds);

/* RMS of one output channel (0 = left) from output frame `start` on. */
double chip_mix_rms(const ChipMix *c, size_t start, int channel);

#endif
