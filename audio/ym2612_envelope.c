/* ym2612_envelope.c - envelope generator: key on/off, rates, SSG-EG cycles.
 *
 * A 10-bit attenuation (0.09375 dB per step) moves through attack, decay,
 * sustain and release. Envelopes update every third sample; a global 12-bit
 * counter decides, per rate, which updates apply and which increment of the
 * rate's eight-step pattern is used (the per-update step is ym_eg_step in
 * ym2612_internal.h, inlined into the sample loop). Facts from the YM2612
 * application manual and Nemesis' hardware tests (SpritesMind).
 */
#include "ym2612_internal.h"

static unsigned slot_keycode(const Ym2612State *s, unsigned ch, unsigned op)
{
    unsigned fnum, block;
    ym_slot_frequency(s, ch, op, &fnum, &block);
    return ym_keycode(fnum, block);
}

/* Effective rate 0..63: 2 * register rate + key scaling, 0 stays 0. */
static unsigned effective_rate(unsigned reg_rate, unsigned keycode, unsigned ks)
{
    if (reg_rate == 0) return 0;
    unsigned rate = 2 * reg_rate + (keycode >> (3 - ks));
    return rate > 63 ? 63 : rate;
}

/* The four stages' rates depend on the rate registers, key scaling and the
 * operator's key code, so they change only when one of those is written. */
void ym_eg_derive_rates(Ym2612State *s, unsigned ch, unsigned op)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    unsigned keycode = slot_keycode(s, ch, op);
    unsigned ks_ar = ym_op_reg(s, ch, op, 0x50);
    unsigned ks = ks_ar >> 6;
    slot->eg_rate[YM2612_EG_ATTACK] = (uint8_t)effective_rate(ks_ar & 0x1F, keycode, ks);
    slot->eg_rate[YM2612_EG_DECAY] = (uint8_t)effective_rate(ym_op_reg(s, ch, op, 0x60) & 0x1F, keycode, ks);
    slot->eg_rate[YM2612_EG_SUSTAIN] = (uint8_t)effective_rate(ym_op_reg(s, ch, op, 0x70) & 0x1F, keycode, ks);
    /* the 4-bit release rate RR counts as the 5-bit rate 2 * RR + 1 */
    slot->eg_rate[YM2612_EG_RELEASE] =
        (uint8_t)effective_rate(2 * (ym_op_reg(s, ch, op, 0x80) & 0x0Fu) + 1, keycode, ks);
}

/* Rates 62 and 63 complete the attack at once. */
static void start_attack(Ym2612State *s, unsigned ch, unsigned op)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    slot->eg_stage = YM2612_EG_ATTACK;
    if (slot->eg_rate[YM2612_EG_ATTACK] >= 62) {
        slot->attenuation = 0;
        slot->eg_stage = YM2612_EG_DECAY;
    }
}

void ym_eg_key(Ym2612State *s, unsigned ch, unsigned op, bool on)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    if (on == (slot->key != 0)) return;
    slot->key = on;
    if (on) {
        slot->phase = 0;
        slot->ssg_inverted = 0;
        start_attack(s, ch, op);
    } else {
        /* Release continues from the level heard, so an inverted SSG-EG
         * output is folded into the attenuation first. */
        uint8_t ssg = ym_op_reg(s, ch, op, 0x90);
        if (ym_ssg_output_inverted(slot, ssg)) slot->attenuation = (uint16_t)((0x200 - slot->attenuation) & 0x3FF);
        slot->eg_stage = YM2612_EG_RELEASE;
    }
    ym_eg_refresh_level(s, ch, op);
}

/* SSG-EG at the end of a cycle (attenuation reached 0x200): hold, alternate
 * or repeat, as the YM2608 manual's eight envelope shapes require. */
void ym_eg_ssg_cycle(Ym2612State *s, unsigned ch, unsigned op, unsigned ssg)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    if (ssg & YM_SSG_HOLD) {
        if (ssg & YM_SSG_ALTERNATE) slot->ssg_inverted = 1;
        if (!ym_ssg_output_inverted(slot, ssg)) slot->attenuation = 0x3FF;
        return;
    }
    if (ssg & YM_SSG_ALTERNATE) slot->ssg_inverted ^= 1;
    else slot->phase = 0;
    start_attack(s, ch, op);
}

/* Every third sample is an envelope sample: the global counter advances
 * and each slot updates when its turn in the sample comes. */
void ym_eg_sample_start(Ym2612State *s)
{
    s->eg_update = 0;
    if (++s->eg_divider < 3) return;
    s->eg_divider = 0;
    s->eg_counter = (uint16_t)((s->eg_counter + 1) & 0xFFF);
    s->eg_update = 1;
}

unsigned ym2612_operator_level(const Ym2612 *ym, unsigned channel, unsigned op)
{
    if (channel >= 6 || op >= 4) return 0x3FF;
    return ym_eg_level(&ym->state, channel, op);
}
