/* ym2612_derived.c - the values the sample loop reads instead of
 * recomputing them from the registers every turn: phase increment, envelope
 * rates, envelope level and the AM switch per operator; AM depth, feedback
 * and panning per channel. Each is refreshed as soon as one of its inputs
 * changes, so at any operator turn it equals what the registers would give
 * at that moment.
 */
#include "ym2612_internal.h"

void ym_derive_slot(Ym2612State *s, unsigned ch, unsigned op)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    slot->phase_step = ym_phase_increment(s, ch, op);
    slot->am_mask = (ym_op_reg(s, ch, op, 0x60) & 0x80) ? 0xFF : 0x00;
    ym_eg_derive_rates(s, ch, op);
    ym_eg_refresh(s, ch, op);
}

/* After a write to the operator register block at `base` (0x30..0x90):
 * only what depends on that register. */
void ym_derive_slot_register(Ym2612State *s, unsigned ch, unsigned op, unsigned base)
{
    switch (base) {
    case 0x30: s->slots[ch][op].phase_step = ym_phase_increment(s, ch, op); break; /* DT, MUL */
    case 0x40: ym_eg_refresh_level(s, ch, op); break;                               /* TL */
    case 0x90: ym_eg_refresh(s, ch, op); break;                                     /* SSG-EG */
    default: ym_derive_slot(s, ch, op); break;                                      /* rates, AM */
    }
}

void ym_derive_channel(Ym2612State *s, unsigned ch)
{
    static const uint8_t ams_shift[4] = { 8, 3, 1, 0 }; /* AM depth 0, 1.4, 5.9, 11.8 dB */
    Ym2612Channel *c = &s->channels[ch];
    const uint8_t *regs = ym_ch_regs(s, ch);
    unsigned fb = (regs[0xB0] >> 3) & 7;
    c->feedback_shift = (uint8_t)(fb ? 10 - fb : 0);
    c->am_shift = ams_shift[(regs[0xB4] >> 4) & 3];
    c->pan_left = (regs[0xB4] & 0x80) ? -1 : 0;
    c->pan_right = (regs[0xB4] & 0x40) ? -1 : 0;
    for (unsigned op = 0; op < 4; op++) ym_derive_slot(s, ch, op);
}

void ym_derive_all(Ym2612State *s)
{
    for (unsigned ch = 0; ch < 6; ch++) ym_derive_channel(s, ch);
}

/* After the LFO's PM step moved: the increments of channels with PM on. */
void ym_derive_lfo_pm(Ym2612State *s)
{
    for (unsigned ch = 0; ch < 6; ch++) {
        if (!(ym_ch_reg(s, ch, 0xB4) & 7)) continue;
        for (unsigned op = 0; op < 4; op++) s->slots[ch][op].phase_step = ym_phase_increment(s, ch, op);
    }
}
