/* ym2612_timers.c - timers A and B, register 0x27 and CSM key-on.
 *
 * Timer A (10 bits, 0x24/0x25) counts once per sample, timer B (8 bits,
 * 0x26) once every 16 samples: periods 144 * (1024 - NA) and
 * 144 * 16 * (256 - NB) clocks (Nemesis' measurements: half the YM2608
 * rates). Register 0x27: bits 7-6 channel 3 mode (01/11 special, 10 CSM),
 * bit 5/4 reset flag B/A, bit 3/2 enable flag B/A, bit 1/0 load (run) B/A.
 *
 * Once a sample, at its end, a running timer counts; then the chip latches
 * the load bits: a timer that overflowed, or whose load bit rose, is
 * reloaded, and only counts from the next sample's end; a cleared load bit
 * stops it after that count. An overflow raises the flag if enabled. In
 * CSM mode timer A's reload, by overflow or by its load bit rising, keys
 * channel 3's operators on for one sample, and in that sample ORs each
 * one's TL << 3 into its envelope level (YM3438 die analysis by nukeykt;
 * ym2612_envelope.c).
 */
#include <limits.h>

#include "ym2612_internal.h"

static unsigned timer_a_load(const Ym2612State *s)
{
    return ((unsigned)s->regs[0][0x24] << 2) | (s->regs[0][0x25] & 3);
}

void ym_key_update(Ym2612State *s, unsigned ch, unsigned op) { ym_eg_refresh(s, ch, op); }

void ym_timers_write_control(Ym2612State *s, uint8_t value)
{
    if (value & 0x10) s->status &= (uint8_t)~0x01;
    if (value & 0x20) s->status &= (uint8_t)~0x02;
    s->regs[0][0x27] = value;
}

/* Sample ends before timer B's next count (it counts when the prescaler
 * wraps to 0). */
static unsigned ends_to_timer_b_count(const Ym2612State *s) { return (0u - (s->timer_b_prescale + 1u)) & 15u; }

unsigned ym_timers_ends_to_event(const Ym2612State *s)
{
    uint8_t control = s->regs[0][0x27];
    /* a CSM pulse to end, or load bits the timers have still to latch */
    if (s->csm_key || (control & 3u) != s->timer_running) return 0;
    unsigned ends = UINT_MAX;
    if (s->timer_running & 0x01) ends = s->timer_a >= 1023 ? 0 : 1023u - s->timer_a;
    if (s->timer_running & 0x02) {
        unsigned b_ends = ends_to_timer_b_count(s) + 16u * (255u - s->timer_b);
        if (b_ends < ends) ends = b_ends;
    }
    return ends;
}

void ym_timers_advance(Ym2612State *s, unsigned ends)
{
    unsigned first_count = ends_to_timer_b_count(s);
    unsigned b_counts = ends > first_count ? 1 + (ends - 1 - first_count) / 16 : 0;
    if (s->timer_running & 0x01) s->timer_a = (uint16_t)(s->timer_a + ends);
    if (s->timer_running & 0x02) s->timer_b = (uint8_t)(s->timer_b + b_counts);
    s->timer_b_prescale = (uint8_t)((s->timer_b_prescale + ends) & 15);
}

/* End of a sample: the timers count, then latch the load bits. */
void ym_timers_tick(Ym2612State *s)
{
    uint8_t control = s->regs[0][0x27];
    bool a_overflow = false, b_overflow = false;
    if ((s->timer_running & 0x01) && ++s->timer_a >= 1024) a_overflow = true;
    s->timer_b_prescale = (uint8_t)((s->timer_b_prescale + 1) & 15);
    if (s->timer_b_prescale == 0 && (s->timer_running & 0x02) && ++s->timer_b == 0) b_overflow = true;
    /* most samples: nothing to latch */
    if (!a_overflow && !b_overflow && !s->csm_key && s->timer_running == (control & 3u)) return;

    bool a_load = a_overflow || ((control & 0x01) && !(s->timer_running & 0x01));
    bool b_load = b_overflow || ((control & 0x02) && !(s->timer_running & 0x02));
    s->timer_running = control & 3u;
    if (a_overflow && (control & 0x04)) s->status |= 0x01;
    if (b_overflow && (control & 0x08)) s->status |= 0x02;
    if (a_load) s->timer_a = (uint16_t)timer_a_load(s);
    if (b_load) s->timer_b = s->regs[0][0x26];

    /* CSM: timer A's reload keys all four channel-3 operators on for one
     * sample; they latch it at their turns. */
    uint8_t csm_key = (uint8_t)(ym_csm_mode(s) && a_load);
    if (csm_key != s->csm_key) {
        s->csm_key = csm_key;
        for (unsigned op = 0; op < 4; op++) ym_key_update(s, 2, op);
    }
}
