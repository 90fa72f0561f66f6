/* psg.c - SN76489 (Sega VDP variant): register protocol and reset. The tone
 * and noise generators and the mix are in psg_generator.c.
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

#include "psg_internal.h"

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
    unsigned reg = s->latched & 7u; /* masked again: a loaded state may hold anything */
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
