/* ym2612_lfo.c - low-frequency oscillator for AM (tremolo) and PM (vibrato).
 *
 * A 7-bit step counter advances whenever an 8-bit divider, counting one a
 * sample, has all the bits of the period that register 0x22 bits 2-0 pick
 * set; the divider then restarts, counting that sample too: a step every
 * `period` samples. (The datasheet's 3.98 .. 72.2 Hz would need one sample
 * more; hardware tests and the die analysis show this off-by-one, as
 * ymfm's source notes.) The check comes before the sample's count, so a
 * step is seen one sample after the divider reaches the period. While the
 * LFO is disabled the counter is held at zero but the divider keeps
 * running, and a new period is not a reset: the divider runs on until its
 * bits cover it (YM3438 die analysis by nukeykt).
 */
#include <limits.h>

#include "ym2612_internal.h"

static const uint8_t lfo_period_samples[8] = { 108, 77, 71, 67, 62, 44, 8, 5 };

static unsigned lfo_period(const Ym2612State *s) { return lfo_period_samples[s->regs[0][0x22] & 7]; }
static bool lfo_enabled(const Ym2612State *s) { return (s->regs[0][0x22] & 0x08) != 0; }

/* One sample's end of the divider: whether the counter steps. */
static bool divider_end(Ym2612State *s, unsigned period)
{
    bool step = (s->lfo_divider & period) == period;
    if (step) s->lfo_divider = 0;
    s->lfo_divider = (uint8_t)(s->lfo_divider + 1);
    return step;
}

void ym_lfo_step(Ym2612State *s)
{
    unsigned old_pm_step = s->lfo_counter >> 2;
    if (divider_end(s, lfo_period(s))) s->lfo_counter = (uint8_t)((s->lfo_counter + 1) & 0x7F);
    if (!lfo_enabled(s)) s->lfo_counter = 0;
    /* PM moves in steps of four counts; only then do increments change. */
    if ((unsigned)(s->lfo_counter >> 2) != old_pm_step) ym_derive_lfo_pm(s);
}

/* Sample ends before the divider next has every bit of `period`: the least
 * value from the divider's on with them all is the period itself if the
 * divider is not past it; else the divider, or it with a clear bit set,
 * the bits below cleared, and the period's bits added. */
static unsigned ends_to_divider_match(unsigned divider, unsigned period)
{
    if (divider <= period) return period - divider;
    if ((divider & period) == period) return 0;
    unsigned least = divider | period;
    for (unsigned bit = 0; bit < 8; bit++) {
        if (divider & (1u << bit)) continue;
        unsigned candidate = ((divider >> bit) | 1u) << bit | period;
        if (candidate < least) least = candidate;
    }
    return least - divider;
}

unsigned ym_lfo_ends_to_move(const Ym2612State *s)
{
    if (!lfo_enabled(s)) return s->lfo_counter != 0 ? 0 : UINT_MAX;
    return ends_to_divider_match(s->lfo_divider, lfo_period(s));
}

/* Ends before the counter moves (at most ym_lfo_ends_to_move): only the
 * divider runs (and restarts, while the LFO is disabled). */
void ym_lfo_advance(Ym2612State *s, unsigned ends)
{
    /* enabled, the counter would move at the end the caller stops before */
    if (lfo_enabled(s)) {
        s->lfo_divider = (uint8_t)(s->lfo_divider + ends);
        return;
    }
    unsigned period = lfo_period(s);
    while (ends > 0) {
        unsigned plain = ends_to_divider_match(s->lfo_divider, period);
        if (ends <= plain) {
            s->lfo_divider = (uint8_t)(s->lfo_divider + ends);
            return;
        }
        s->lfo_divider = (uint8_t)(s->lfo_divider + plain);
        divider_end(s, period);
        ends -= plain + 1;
    }
}

/* PM depth per PMS (1..5; 6 and 7 double 5 once and twice) at each of the
 * eight steps of a quarter LFO period: F-number bits 10..4 are added
 * right-shifted twice, by the high and the low nibble (7: nothing), and
 * the sum is quartered (YM3438 die analysis by nukeykt). */
static const uint8_t pm_shift_pairs[5][8] = {
    { 0x77, 0x77, 0x77, 0x77, 0x72, 0x72, 0x72, 0x72 },
    { 0x77, 0x77, 0x77, 0x72, 0x72, 0x72, 0x17, 0x17 },
    { 0x77, 0x77, 0x72, 0x72, 0x17, 0x17, 0x12, 0x12 },
    { 0x77, 0x77, 0x72, 0x17, 0x17, 0x17, 0x12, 0x07 },
    { 0x77, 0x77, 0x17, 0x12, 0x07, 0x07, 0x02, 0x01 },
};

/* PM: 32 steps per LFO period (the counter's upper five bits) forming a
 * triangle, negative in its second half. The result is in half F-number
 * units: the chip adds it to the F-number shifted left by one. */
int ym_lfo_fnum_delta(const Ym2612State *s, unsigned pms, unsigned fnum)
{
    pms &= 7;
    if (pms == 0) return 0;
    unsigned step = s->lfo_counter >> 2;
    unsigned index = (step & 8) ? ((step & 7) ^ 7) : (step & 7);
    unsigned pair = pm_shift_pairs[(pms < 5 ? pms : 5) - 1][index];
    unsigned upper = (fnum >> 4) & 0x7F;
    unsigned delta = (upper >> (pair >> 4)) + (upper >> (pair & 15));
    if (pms > 5) delta <<= pms - 5;
    delta >>= 2;
    return (step & 16) ? -(int)delta : (int)delta;
}
