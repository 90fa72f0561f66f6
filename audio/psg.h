/* psg.h - Texas Instruments SN76489 (Sega variant inside the VDP): public API.
 *
 * Clocked in "PSG clocks" = master clock / 15 (the Z80 clock); the tone and
 * noise counters step every 16 of them, producing one mono sample each time
 * (about 223,722 Hz NTSC). State is plain data; no global or static state.
 *
 * Output scale: each channel is bipolar, +level while its output bit is 1 and
 * -level while it is 0, where level = PSG_CHANNEL_FULL_SCALE at attenuation 0
 * and falls 2 dB per attenuation step (15 = silent, 0). The four channels are
 * summed, so the sample stays within +-4 * PSG_CHANNEL_FULL_SCALE = +-32764.
 */
#ifndef MDEMU_PSG_H
#define MDEMU_PSG_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PSG_CLOCKS_PER_SAMPLE 16
#define PSG_CHANNEL_FULL_SCALE 8191 /* one channel at attenuation 0 */
#define PSG_LFSR_RESET 0x8000

typedef struct PsgState {
    uint16_t tone[3];       /* 10-bit periods */
    uint16_t counter[4];
    uint8_t attenuation[4]; /* 4-bit, 15 = off */
    uint8_t output[4];      /* current square/noise output bits */
    uint8_t noise_ctrl;
    uint8_t latched;        /* latched register 0..7 */
    uint16_t lfsr;          /* 16-bit Sega LFSR */
    uint32_t clock_in_sample;
    uint8_t noise_phase;    /* noise divider flip-flop: the LFSR shifts on its rising edge */
    uint8_t pad_[3];
} PsgState;

typedef struct Psg {
    PsgState state;
    uint8_t mute_mask; /* bit n mutes channel n (3 = noise) */
} Psg;

void psg_init(Psg *psg);
void psg_reset(Psg *psg);
void psg_write(Psg *psg, uint8_t value);
/* Advance by `clocks` PSG clocks; each completed sample (int16 mono) goes to
 * out (may be NULL). Returns samples produced. */
int psg_run(Psg *psg, uint32_t clocks, int16_t *out);

static inline size_t psg_state_size(void) { return sizeof(PsgState); }
void psg_save_state(const Psg *psg, void *out);
void psg_load_state(Psg *psg, const void *in);

#ifdef __cplusplus
}
#endif
#endif
