/* psg.c - SN76489 (Sega VDP variant): register protocol, tone and noise
 * generators, attenuation and the mono mix.
 *
 * Hardware facts used here come from the SN76489 notes on SMS Power!
 * ("SN76489", Maxim, 2005) and the TI SN76489AN datasheet:
 *  - a latch byte (bit 7 set) selects channel (bits 6-5) and tone/volume
 *    (bit 4) and writes the low 4 bits; a data byte (bit 7 clear) writes the
 *    high 6 bits of a latched tone register, or the low bits of a latched
 *    volume/noise register;
 *  - each tone counter counts down once per 16 input clocks and flips the
 *    channel output when it reloads, so f = clock / (32 * period);
 *  - on Sega's chip a period of 0 acts as 1, and periods 0 and 1 give a
 *    constant +1 output (used for sample playback);
 *  - the noise shift rate is clock/512, /1024, /2048 or tone 2's rate; the
 *    Sega LFSR is 16 bits, white-noise feedback is bit 0 XOR bit 3, periodic
 *    noise feeds back bit 0, it is reset to 0x8000 by any noise-register
 *    write, and its output is bit 0;
 *  - attenuation is 2 dB per step, 15 = off.
 */
#include <stdbool.h>
#include <string.h>

#include "psg.h"

enum {
    PSG_NOISE_CHANNEL = 3,
    PSG_REG_NOISE = 6,          /* latched register number of the noise control */
    PSG_NOISE_WHITE = 0x04,     /* noise control bit 2: white (1) or periodic (0) */
    PSG_NOISE_RATE_MASK = 0x03, /* 3 = follow tone 2 */
    PSG_TONE_MASK = 0x3FF
};

/* round(PSG_CHANNEL_FULL_SCALE * 10^(-2k/20)), k = attenuation, 2 dB per step. */
static const int16_t psg_level[16] = {
    8191, 6506, 5168, 4105, 3261, 2590, 2057, 1634,
    1298, 1031, 819,  651,  517,  411,  326,  0,
};

/* Fixed noise rates count 16, 32 or 64 samples per half period. */
static uint16_t noise_reload(const PsgState *s)
{
    return (uint16_t)(0x10u << (s->noise_ctrl & PSG_NOISE_RATE_MASK));
}

static void noise_shift(PsgState *s)
{
    unsigned feedback = (s->noise_ctrl & PSG_NOISE_WHITE) ? ((s->lfsr ^ (s->lfsr >> 3)) & 1u)
                                                          : (s->lfsr & 1u);
    s->lfsr = (uint16_t)((s->lfsr >> 1) | (feedback << 15));
    s->output[PSG_NOISE_CHANNEL] = (uint8_t)(s->lfsr & 1u);
}

static void reset_noise(PsgState *s)
{
    s->lfsr = PSG_LFSR_RESET;
    s->output[PSG_NOISE_CHANNEL] = (uint8_t)(s->lfsr & 1u);
}

void psg_reset(Psg *psg)
{
    PsgState *s = &psg->state;
    memset(s, 0, sizeof *s);
    for (int ch = 0; ch < 4; ch++)
        s->attenuation[ch] = 15;
    s->output[0] = s->output[1] = s->output[2] = 1;
    reset_noise(s);
}

void psg_init(Psg *psg)
{
    memset(psg, 0, sizeof *psg);
    psg_reset(psg);
}

void psg_write(Psg *psg, uint8_t value)
{
    PsgState *s = &psg->state;
    if (value & 0x80)
        s->latched = (uint8_t)((value >> 4) & 7);
    unsigned reg = s->latched;
    unsigned channel = reg >> 1;
    bool is_volume = reg & 1;

    if (is_volume) {
        s->attenuation[channel] = value & 0x0F;
    } else if (reg == PSG_REG_NOISE) {
        s->noise_ctrl = value & 0x07;
        reset_noise(s);
    } else if (value & 0x80) {
        s->tone[channel] = (uint16_t)((s->tone[channel] & 0x3F0) | (value & 0x0F));
    } else {
        s->tone[channel] = (uint16_t)(((value & 0x3F) << 4) | (s->tone[channel] & 0x00F));
    }
}

/* The noise divider's flip-flop; the LFSR shifts on its rising edge. */
static void clock_noise(PsgState *s)
{
    s->noise_phase ^= 1;
    if (s->noise_phase)
        noise_shift(s);
}

/* One step of the counters (every 16 PSG clocks). */
static void psg_tick(PsgState *s)
{
    bool tone2_flipped = false;
    for (int ch = 0; ch < 3; ch++) {
        uint16_t period = s->tone[ch] & PSG_TONE_MASK;
        if (s->counter[ch] > 0)
            s->counter[ch]--;
        if (s->counter[ch] == 0) {
            s->counter[ch] = period ? period : 1;
            s->output[ch] ^= 1;
            if (ch == 2)
                tone2_flipped = true;
        }
        if (period <= 1)
            s->output[ch] = 1; /* Sega chip: periods 0 and 1 hold the output high */
    }
    if ((s->noise_ctrl & PSG_NOISE_RATE_MASK) == PSG_NOISE_RATE_MASK) {
        if (tone2_flipped) /* rate 3: noise is clocked by tone 2's output */
            clock_noise(s);
        return;
    }
    if (s->counter[PSG_NOISE_CHANNEL] > 0)
        s->counter[PSG_NOISE_CHANNEL]--;
    if (s->counter[PSG_NOISE_CHANNEL] == 0) {
        s->counter[PSG_NOISE_CHANNEL] = noise_reload(s);
        clock_noise(s);
    }
}

static int16_t psg_mix(const Psg *psg)
{
    const PsgState *s = &psg->state;
    int sum = 0;
    for (int ch = 0; ch < 4; ch++) {
        if (psg->mute_mask & (1u << ch))
            continue;
        int level = psg_level[s->attenuation[ch] & 0x0F];
        sum += s->output[ch] ? level : -level;
    }
    return (int16_t)sum;
}

int psg_run(Psg *psg, uint32_t clocks, int16_t *out)
{
    PsgState *s = &psg->state;
    uint64_t total = (uint64_t)s->clock_in_sample + clocks;
    int produced = 0;
    while (total >= PSG_CLOCKS_PER_SAMPLE) {
        total -= PSG_CLOCKS_PER_SAMPLE;
        psg_tick(s);
        if (out)
            out[produced] = psg_mix(psg);
        produced++;
    }
    s->clock_in_sample = (uint32_t)total;
    return produced;
}
