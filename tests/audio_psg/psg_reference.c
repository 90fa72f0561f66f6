/* psg_reference.c - one-step-at-a-time PSG model (see psg_reference.h).
 * Facts (SMS Power! "SN76489" notes, TI SN76489AN datasheet): counters step
 * every 16 clocks and flip their output on reload; Sega's chip treats period
 * 0 as 1 and holds the output high for periods 0 and 1; noise shifts on the
 * rising edge of its divider flip-flop, at clock/512, /1024, /2048 or tone
 * 2's rate; white feedback is bit 0 XOR bit 3 of the 16-bit LFSR. */
#include "psg_reference.h"

static const int16_t reference_level[16] = {
    8191, 6506, 5168, 4105, 3261, 2590, 2057, 1634, 1298, 1031, 819, 651, 517, 411, 326, 0,
};

static void reference_clock_noise(PsgState *s)
{
    s->noise_phase ^= 1;
    if (!s->noise_phase)
        return;
    unsigned feedback = (s->noise_ctrl & 4) ? ((s->lfsr ^ (s->lfsr >> 3)) & 1u) : (s->lfsr & 1u);
    s->lfsr = (uint16_t)((s->lfsr >> 1) | (feedback << 15));
    s->output[3] = (uint8_t)(s->lfsr & 1u);
}

static void reference_tick(PsgState *s)
{
    int tone2_flipped = 0;
    for (int ch = 0; ch < 3; ch++) {
        uint16_t period = s->tone[ch] & 0x3FF;
        if (s->counter[ch] > 0)
            s->counter[ch]--;
        if (s->counter[ch] == 0) {
            s->counter[ch] = period ? period : 1;
            s->output[ch] ^= 1;
            tone2_flipped = ch == 2;
        }
        if (period <= 1)
            s->output[ch] = 1;
    }
    if ((s->noise_ctrl & 3) == 3) {
        if (tone2_flipped)
            reference_clock_noise(s);
        return;
    }
    if (s->counter[3] > 0)
        s->counter[3]--;
    if (s->counter[3] == 0) {
        s->counter[3] = (uint16_t)(0x10u << (s->noise_ctrl & 3));
        reference_clock_noise(s);
    }
}

static int16_t reference_mix(const Psg *psg)
{
    int sum = 0;
    for (int ch = 0; ch < 4; ch++) {
        if (psg->mute_mask & (1u << ch))
            continue;
        int level = reference_level[psg->state.attenuation[ch] & 0x0F];
        sum += psg->state.output[ch] ? level : -level;
    }
    return (int16_t)sum;
}

int psg_reference_run(Psg *psg, uint32_t clocks, int16_t *out)
{
    PsgState *s = &psg->state;
    uint64_t total = (uint64_t)s->clock_in_sample + clocks;
    int produced = 0;
    while (total >= PSG_CLOCKS_PER_SAMPLE) {
        total -= PSG_CLOCKS_PER_SAMPLE;
        reference_tick(s);
        if (out)
            out[produced] = reference_mix(psg);
        produced++;
    }
    s->clock_in_sample = (uint32_t)total;
    return produced;
}
