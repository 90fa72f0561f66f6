/* psg_internal.h - register layout shared by the PSG's register interface
 * (psg.c) and its tone/noise generator (psg_generator.c). Private. */
#ifndef MDEMU_PSG_INTERNAL_H
#define MDEMU_PSG_INTERNAL_H

#include "psg.h"

enum {
    PSG_NOISE_CHANNEL = 3,
    PSG_REG_NOISE = 6,          /* latched register number of the noise control */
    PSG_NOISE_WHITE = 0x04,     /* noise control bit 2: white (1) or periodic (0) */
    PSG_NOISE_RATE_MASK = 0x03, /* 3 = follow tone 2 */
    PSG_TONE_MASK = 0x3FF
};

#endif
