/* psg_generator.c - SN76489 (Sega variant) tone and noise generators and
 * the mono mix (hardware facts: see psg.c).
 *
 * The counters step once per sample. Between two steps at which some
 * audible output can change, every sample is the same: such quiet
 * stretches are advanced in closed form (a counter's reloads over n steps
 * are a division) and their samples filled at once. Only the step where an
 * audible output may change runs the full per-step logic. The result is
 * the same, sample for sample and state for state, as stepping one at a
 * time (tests/audio_psg/psg_guard_test.c checks it against that model).
 */
#include <stdbool.h>

#include "psg_internal.h"

/* round(PSG_CHANNEL_FULL_SCALE * 10^(-2k/20)), k = attenuation, 2 dB per step. */
static const int16_t psg_level[16] = {
    8191, 6506, 5168, 4105, 3261, 2590, 2057, 1634,
    1298, 1031, 819,  651,  517,  411,  326,  0,
};

/* Fixed noise rates count 16, 32 or 64 samples per half period. */
static uint32_t noise_reload(const PsgState *s)
{
    return 0x10u << (s->noise_ctrl & PSG_NOISE_RATE_MASK);
}

/* A tone counter reloads with its period; Sega's chip treats 0 as 1. */
static uint32_t tone_reload(const PsgState *s, int ch)
{
    uint32_t period = s->tone[ch] & PSG_TONE_MASK;
    return period ? period : 1;
}

static bool noise_follows_tone2(const PsgState *s)
{
    return (s->noise_ctrl & PSG_NOISE_RATE_MASK) == PSG_NOISE_RATE_MASK;
}

static void noise_shift(PsgState *s)
{
    unsigned feedback = (s->noise_ctrl & PSG_NOISE_WHITE) ? ((s->lfsr ^ (s->lfsr >> 3)) & 1u)
                                                          : (s->lfsr & 1u);
    s->lfsr = (uint16_t)((s->lfsr >> 1) | (feedback << 15));
    s->output[PSG_NOISE_CHANNEL] = (uint8_t)(s->lfsr & 1u);
}

/* The noise divider's flip-flop; the LFSR shifts on its rising edge. */
static void clock_noise(PsgState *s)
{
    s->noise_phase ^= 1;
    if (s->noise_phase)
        noise_shift(s);
}

/* `times` clocks of the flip-flop at once: the rising edges shift. */
static void clock_noise_times(PsgState *s, uint32_t times)
{
    uint32_t shifts = s->noise_phase ? times / 2 : (times + 1) / 2;
    s->noise_phase ^= (uint8_t)(times & 1u);
    while (shifts--)
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
    if (noise_follows_tone2(s)) {
        if (tone2_flipped) /* rate 3: noise is clocked by tone 2's output */
            clock_noise(s);
        return;
    }
    if (s->counter[PSG_NOISE_CHANNEL] > 0)
        s->counter[PSG_NOISE_CHANNEL]--;
    if (s->counter[PSG_NOISE_CHANNEL] == 0) {
        s->counter[PSG_NOISE_CHANNEL] = (uint16_t)noise_reload(s);
        clock_noise(s);
    }
}

/* Steps until a counter next reloads (one at 0 reloads on the next step). */
static uint32_t steps_to_reload(uint16_t counter)
{
    return counter ? counter : 1;
}

/* `steps` steps of one counter in closed form; returns how often it reloaded. */
static uint32_t advance_counter(uint16_t *counter, uint32_t reload, uint32_t steps)
{
    uint32_t first = steps_to_reload(*counter);
    if (steps < first) {
        *counter = (uint16_t)(*counter - steps);
        return 0;
    }
    uint32_t after = steps - first; /* steps since the first reload */
    if (after < reload) {
        *counter = (uint16_t)(reload - after);
        return 1;
    }
    *counter = (uint16_t)(reload - after % reload);
    return 1 + after / reload;
}

/* `steps` full steps at once (the same state as that many psg_tick calls). */
static void skip_steps(PsgState *s, uint32_t steps)
{
    uint32_t tone2_reloads = 0;
    for (int ch = 0; ch < 3; ch++) {
        uint32_t reloads = advance_counter(&s->counter[ch], tone_reload(s, ch), steps);
        s->output[ch] ^= (uint8_t)(reloads & 1u);
        if ((s->tone[ch] & PSG_TONE_MASK) <= 1)
            s->output[ch] = 1; /* held high, as in psg_tick */
        tone2_reloads = reloads; /* ends as channel 2's */
    }
    if (noise_follows_tone2(s))
        clock_noise_times(s, tone2_reloads);
    else
        clock_noise_times(s, advance_counter(&s->counter[PSG_NOISE_CHANNEL], noise_reload(s), steps));
}

static bool audible(const Psg *psg, int ch)
{
    return !(psg->mute_mask & (1u << ch)) && psg_level[psg->state.attenuation[ch] & 0x0F] != 0;
}

/* The first step (1 = the next one) after which an audible output may
 * differ from now; UINT32_MAX if none ever can without a register write. */
static uint32_t steps_to_next_change(const Psg *psg)
{
    const PsgState *s = &psg->state;
    uint32_t next = UINT32_MAX;
    for (int ch = 0; ch < 3; ch++) {
        if (!audible(psg, ch))
            continue;
        if ((s->tone[ch] & PSG_TONE_MASK) <= 1) {
            if (!s->output[ch])
                return 1; /* about to be held high */
            continue;
        }
        uint32_t reload_at = steps_to_reload(s->counter[ch]);
        if (reload_at < next)
            next = reload_at;
    }
    if (audible(psg, PSG_NOISE_CHANNEL)) {
        /* The LFSR shifts on every second clock of the flip-flop. */
        bool tone2 = noise_follows_tone2(s);
        uint32_t first = steps_to_reload(s->counter[tone2 ? 2 : PSG_NOISE_CHANNEL]);
        uint32_t reload = tone2 ? tone_reload(s, 2) : noise_reload(s);
        uint32_t shift_at = s->noise_phase ? first + reload : first;
        if (shift_at < next)
            next = shift_at;
    }
    return next;
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
    /* Reduced first, so a corrupt loaded state cannot make more samples than asked for. */
    uint64_t total = (uint64_t)(s->clock_in_sample % PSG_CLOCKS_PER_SAMPLE) + clocks;
    uint32_t left = (uint32_t)(total / PSG_CLOCKS_PER_SAMPLE);
    s->clock_in_sample = (uint32_t)(total % PSG_CLOCKS_PER_SAMPLE);
    int produced = (int)left;
    while (left) {
        uint32_t quiet = steps_to_next_change(psg) - 1;
        if (quiet > left)
            quiet = left;
        if (quiet) {
            if (out) {
                int16_t held = psg_mix(psg);
                for (uint32_t i = 0; i < quiet; i++)
                    out[i] = held;
                out += quiet;
            }
            skip_steps(s, quiet);
            left -= quiet;
            if (!left)
                break;
        }
        psg_tick(s);
        if (out)
            *out++ = psg_mix(psg);
        left--;
    }
    return produced;
}
