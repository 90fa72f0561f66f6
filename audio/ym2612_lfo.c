/* ym2612_lfo.c - low-frequency oscillator for AM (tremolo) and PM (vibrato).
 *
 * A 7-bit step counter advances once every N samples, N chosen by register
 * 0x22 bits 2-0; the eight values give the datasheet's 3.98 .. 72.2 Hz at
 * the 53.267 kHz sample rate. While the LFO is disabled the counter is held
 * at zero.
 */
#include <limits.h>

#include "ym2612_internal.h"

static const uint8_t lfo_period_samples[8] = { 108, 77, 71, 67, 62, 44, 8, 5 };

void ym_lfo_step(Ym2612State *s)
{
    uint8_t reg = s->regs[0][0x22];
    unsigned old_pm_step = s->lfo_counter >> 2;
    if (!(reg & 0x08)) {
        s->lfo_counter = 0;
        s->lfo_divider = 0;
    } else if (++s->lfo_divider >= lfo_period_samples[reg & 7]) {
        s->lfo_divider = 0;
        s->lfo_counter = (uint8_t)((s->lfo_counter + 1) & 0x7F);
    }
    /* PM moves in steps of four counts; only then do increments change. */
    if ((unsigned)(s->lfo_counter >> 2) != old_pm_step) ym_derive_lfo_pm(s);
}

unsigned ym_lfo_ends_to_move(const Ym2612State *s)
{
    uint8_t reg = s->regs[0][0x22];
    if (!(reg & 0x08)) return s->lfo_counter != 0 ? 0 : UINT_MAX;
    unsigned period = lfo_period_samples[reg & 7];
    return s->lfo_divider + 1u >= period ? 0 : period - 1u - s->lfo_divider;
}

void ym_lfo_advance(Ym2612State *s, unsigned ends)
{
    if (ends == 0) return;
    if (s->regs[0][0x22] & 0x08) s->lfo_divider = (uint8_t)(s->lfo_divider + ends);
    else s->lfo_divider = 0;
}

/* PM: 32 steps per LFO period (the counter's upper five bits) forming a
 * triangle; F-number bits 10..4 each add their shifted share. The result is
 * in half F-number units: the chip adds it to the F-number shifted left by
 * one (Nemesis, SpritesMind: his 11-bit table is MAME's 12-bit one >> 1). */
int ym_lfo_fnum_delta(const Ym2612State *s, unsigned pms, unsigned fnum)
{
    if (pms == 0) return 0;
    unsigned step = s->lfo_counter >> 2;
    unsigned index = (step & 8) ? ((step & 7) ^ 7) : (step & 7);
    int bit9 = ym_lfo_pm_step(pms, index, 9);
    if (bit9 == 0) return 0;
    int delta = 0;
    for (unsigned bit = 4; bit <= 10; bit++) { /* ym_lfo_pm_step's shares, from bit 9's */
        unsigned weight_bit = bit + 1;
        if (fnum & (1u << bit)) delta += weight_bit >= 9 ? bit9 << (weight_bit - 9) : bit9 >> (9 - weight_bit);
    }
    return (step & 16) ? -delta : delta;
}
