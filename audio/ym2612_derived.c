/* ym2612_derived.c - the per-operator values the sample loop reads instead
 * of recomputing them from the registers every turn: phase increment,
 * envelope rates, envelope level and the AM switch. Each is refreshed as
 * soon as one of its inputs changes, so at any operator turn it equals what
 * the registers would give at that moment.
 */
#include "ym2612_internal.h"

void ym_derive_slot(Ym2612State *s, unsigned ch, unsigned op)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    slot->phase_step = ym_phase_increment(s, ch, op);
    slot->am_mask = (ym_op_reg(s, ch, op, 0x60) & 0x80) ? 0xFF : 0x00;
    ym_eg_derive_rates(s, ch, op);
    ym_eg_refresh_level(s, ch, op);
}

void ym_derive_channel(Ym2612State *s, unsigned ch)
{
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
