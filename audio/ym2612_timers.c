/* ym2612_timers.c - timers A and B, register 0x27 and CSM key-on.
 *
 * Timer A (10 bits, 0x24/0x25) counts once per sample, timer B (8 bits,
 * 0x26) once every 16 samples: periods 144 * (1024 - NA) and
 * 144 * 16 * (256 - NB) clocks (Nemesis' measurements: half the YM2608
 * rates). Both count up from their load value while their load bit is set;
 * on overflow they reload and, if their enable bit is set, raise their
 * flag. Counting happens at the end of each sample. Register 0x27: bits 7-6
 * channel 3 mode (01/11 special, 10 CSM), bit 5/4 reset flag B/A,
 * bit 3/2 enable flag B/A, bit 1/0 load (run) B/A.
 */
#include <limits.h>

#include "ym2612_internal.h"

static unsigned timer_a_load(const Ym2612State *s)
{
    return ((unsigned)s->regs[0][0x24] << 2) | (s->regs[0][0x25] & 3);
}

/* The key an operator sees: register 0x28 or, on channel 3, a CSM pulse. */
void ym_key_update(Ym2612State *s, unsigned ch, unsigned op)
{
    const Ym2612Slot *slot = &s->slots[ch][op];
    bool on = slot->reg_key || (ch == 2 && s->csm_key);
    ym_eg_key(s, ch, op, on);
}

void ym_timers_write_control(Ym2612State *s, uint8_t value)
{
    uint8_t old = s->regs[0][0x27];
    if ((value & 0x01) && !(old & 0x01)) s->timer_a = (uint16_t)timer_a_load(s);
    if ((value & 0x02) && !(old & 0x02)) s->timer_b = s->regs[0][0x26];
    if (value & 0x10) s->status &= (uint8_t)~0x01;
    if (value & 0x20) s->status &= (uint8_t)~0x02;
    s->regs[0][0x27] = value;
}

/* Sample ends before timer B's next count (it counts when the prescaler
 * wraps to 0). */
static unsigned ends_to_timer_b_count(const Ym2612State *s) { return (0u - (s->timer_b_prescale + 1u)) & 15u; }

unsigned ym_timers_ends_to_event(const Ym2612State *s)
{
    if (s->csm_key) return 0;
    uint8_t control = s->regs[0][0x27];
    unsigned ends = UINT_MAX;
    if (control & 0x01) ends = s->timer_a >= 1023 ? 0 : 1023u - s->timer_a;
    if (control & 0x02) {
        unsigned b_ends = ends_to_timer_b_count(s) + 16u * (255u - s->timer_b);
        if (b_ends < ends) ends = b_ends;
    }
    return ends;
}

void ym_timers_advance(Ym2612State *s, unsigned ends)
{
    uint8_t control = s->regs[0][0x27];
    unsigned first_count = ends_to_timer_b_count(s);
    unsigned b_counts = ends > first_count ? 1 + (ends - 1 - first_count) / 16 : 0;
    if (control & 0x01) s->timer_a = (uint16_t)(s->timer_a + ends);
    if (control & 0x02) s->timer_b = (uint8_t)(s->timer_b + b_counts);
    s->timer_b_prescale = (uint8_t)((s->timer_b_prescale + ends) & 15);
}

/* End of a sample: the CSM pulse from the last overflow ends, timers count. */
void ym_timers_tick(Ym2612State *s)
{
    if (s->csm_key) {
        s->csm_key = 0;
        for (unsigned op = 0; op < 4; op++) ym_key_update(s, 2, op);
    }

    uint8_t control = s->regs[0][0x27];
    if (control & 0x01) {
        if (++s->timer_a >= 1024) {
            s->timer_a = (uint16_t)timer_a_load(s);
            if (control & 0x04) s->status |= 0x01;
            if (ym_csm_mode(s)) {
                /* CSM: timer A keys all four channel-3 operators on for one sample. */
                s->csm_key = 1;
                for (unsigned op = 0; op < 4; op++) ym_key_update(s, 2, op);
            }
        }
    }

    s->timer_b_prescale = (uint8_t)((s->timer_b_prescale + 1) & 15);
    if (s->timer_b_prescale == 0 && (control & 0x02)) {
        if (++s->timer_b == 0) {
            s->timer_b = s->regs[0][0x26];
            if (control & 0x08) s->status |= 0x02;
        }
    }
}
