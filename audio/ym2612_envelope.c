/* ym2612_envelope.c - envelope generator: key on/off, rates, SSG-EG cycles.
 *
 * A 10-bit attenuation (0.09375 dB per step) moves through attack, decay,
 * sustain and release. Envelopes update every third sample; a global 12-bit
 * counter decides, per rate, which updates apply and which increment of the
 * rate's eight-step pattern is used. Facts from the YM2612 application
 * manual and Nemesis' hardware tests (SpritesMind).
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

/* SSG-EG shows the inverted envelope while the alternate toggle and the
 * attack bit differ, except in release. */
static bool ssg_output_inverted(const Ym2612Slot *slot, unsigned ssg)
{
    return (ssg & YM_SSG_ENABLE) && slot->eg_stage != YM2612_EG_RELEASE &&
           (slot->ssg_inverted ^ ((ssg & YM_SSG_ATTACK) ? 1 : 0));
}

/* Level fed to the operator: SSG-EG inversion, then TL (8 steps per TL unit). */
static unsigned eg_level(const Ym2612State *s, unsigned ch, unsigned op)
{
    const Ym2612Slot *slot = &s->slots[ch][op];
    unsigned att = slot->attenuation;
    if (ssg_output_inverted(slot, ym_op_reg(s, ch, op, 0x90))) att = (0x200 - att) & 0x3FF;
    att += (unsigned)(ym_op_reg(s, ch, op, 0x40) & 0x7F) << 3;
    return att > 0x3FF ? 0x3FF : att;
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
        if (ssg_output_inverted(slot, ssg)) slot->attenuation = (uint16_t)((0x200 - slot->attenuation) & 0x3FF);
        slot->eg_stage = YM2612_EG_RELEASE;
    }
    ym_eg_refresh(s, ch, op);
}

/* SSG-EG at the end of a cycle (attenuation reached 0x200): hold, alternate
 * or repeat, as the YM2608 manual's eight envelope shapes require. */
static void ssg_cycle(Ym2612State *s, unsigned ch, unsigned op, unsigned ssg)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    if (ssg & YM_SSG_HOLD) {
        if (ssg & YM_SSG_ALTERNATE) slot->ssg_inverted = 1;
        if (!ssg_output_inverted(slot, ssg)) slot->attenuation = 0x3FF;
        return;
    }
    if (ssg & YM_SSG_ALTERNATE) slot->ssg_inverted ^= 1;
    else slot->phase = 0;
    start_attack(s, ch, op);
}

/* Decay ends when the level's upper five bits equal SL (SL 15 counting as
 * 31), not when the level passes it: SL lowered below the level leaves
 * decay running at D1R (OPN2 die analysis). */
static bool at_sustain_level(const Ym2612State *s, unsigned ch, unsigned op, unsigned att)
{
    unsigned sl = ym_op_reg(s, ch, op, 0x80) >> 4;
    return (att >> 5) == (sl == 15 ? 31u : sl);
}

static unsigned eg_update_mask(const Ym2612State *s, unsigned ch, unsigned op)
{
    const Ym2612Slot *slot = &s->slots[ch][op];
    unsigned att = slot->attenuation, stage = slot->eg_stage;
    if ((ym_op_reg(s, ch, op, 0x90) & YM_SSG_ENABLE) && slot->key && att >= 0x200 &&
        (stage == YM2612_EG_DECAY || stage == YM2612_EG_SUSTAIN))
        return 0;
    if (stage == YM2612_EG_ATTACK && att == 0) return 0;
    if (stage == YM2612_EG_DECAY && at_sustain_level(s, ch, op, att)) return 0;
    /* An attack at rates 62 and 63 finishes only at its key-on. */
    if (stage == YM2612_EG_ATTACK && slot->eg_rate[YM2612_EG_ATTACK] >= 62) return 0x1000;
    /* Sustain and release only add to the level, which is already at its
     * maximum (an SSG-EG release stops at 0x3FF too). */
    if (att >= 0x3FF && (stage == YM2612_EG_SUSTAIN || stage == YM2612_EG_RELEASE)) return 0x1000;
    unsigned rate = slot->eg_rate[stage & 3];
    if (rate == 0) return 0x1000;
    return rate < 44 ? (1u << (11 - (rate >> 2))) - 1 : 0;
}

/* Envelope counter bits that must all be clear for this operator's next
 * envelope update to change anything: none can while no SSG-EG cycle end or
 * stage change is due and the rate skips this counter value. Rate 0, or a
 * level that can only grow and is at its maximum, never changes: bit 12,
 * above the 12-bit counter, marks that. Bit 13
 * is always set: the sample loop tests it outside envelope samples. */
static unsigned eg_idle_mask(const Ym2612State *s, unsigned ch, unsigned op)
{
    return 0x2000u | eg_update_mask(s, ch, op);
}

void ym_eg_refresh(Ym2612State *s, unsigned ch, unsigned op)
{
    s->slots[ch][op].eg_level = (uint16_t)eg_level(s, ch, op);
    s->slots[ch][op].eg_idle_mask = (uint16_t)eg_idle_mask(s, ch, op);
}

/* One envelope update of an operator, at its turn in an envelope sample:
 * SSG-EG cycle end, stage changes, then the rate's increment if the global
 * counter selects this update (callers skip it when eg_idle_mask says it
 * would change nothing). Attack follows the chip's exponential curve;
 * SSG-EG runs four times faster and stops at 0x200, the end of its cycle
 * (where a release falls silent). */
void ym_eg_step(Ym2612State *s, unsigned ch, unsigned op, unsigned eg_counter)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    unsigned ssg = ym_op_reg(s, ch, op, 0x90) & 0x0F;
    bool ssg_on = (ssg & YM_SSG_ENABLE) != 0;
    bool cycled = false;

    if (ssg_on && slot->key && slot->attenuation >= 0x200 &&
        (slot->eg_stage == YM2612_EG_DECAY || slot->eg_stage == YM2612_EG_SUSTAIN)) {
        ssg_cycle(s, ch, op, ssg);
        cycled = true;
    }

    unsigned att = slot->attenuation;
    unsigned stage = slot->eg_stage;
    if (stage == YM2612_EG_ATTACK && att == 0) stage = YM2612_EG_DECAY;
    if (stage == YM2612_EG_DECAY && at_sustain_level(s, ch, op, att)) stage = YM2612_EG_SUSTAIN;
    slot->eg_stage = (uint8_t)stage;

    unsigned rate = slot->eg_rate[stage & 3];
    unsigned shift = rate < 44 ? 11 - (rate >> 2) : 0;
    unsigned inc = 0;
    if (rate != 0 && !(eg_counter & ((1u << shift) - 1))) inc = ym_eg_increment(rate, eg_counter >> shift);
    if (inc != 0) {
        if (stage == YM2612_EG_ATTACK) {
            /* rates 62 and 63 zero the level at key-on and add nothing after */
            if (rate < 62) att -= ((att + 1) * inc + 15) >> 4; /* == att + ((~att * inc) >> 4) */
        } else if (ssg_on) {
            if (att < 0x200) {
                att += inc << 2;
                if (att > 0x200) att = 0x200;
            }
            if (stage == YM2612_EG_RELEASE && att >= 0x200) att = 0x3FF;
        } else {
            att += inc;
        }
        if (att > 0x3FF) att = 0x3FF;
    }
    if (att != slot->attenuation || cycled) {
        slot->attenuation = (uint16_t)att;
        slot->eg_level = (uint16_t)eg_level(s, ch, op);
    }
    slot->eg_idle_mask = (uint16_t)eg_idle_mask(s, ch, op);
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

void ym_eg_start_samples(Ym2612State *s, unsigned count, unsigned *first_update, unsigned *first_counter)
{
    *first_update = count;
    *first_counter = 0;
    unsigned i = 0;
    for (; i < count; i++) { /* at most three samples, or four from a damaged divider */
        ym_eg_sample_start(s);
        if (s->eg_update) break;
    }
    if (i >= count) return;
    *first_update = i;
    *first_counter = s->eg_counter;
    unsigned after = count - 1 - i;
    s->eg_counter = (uint16_t)((s->eg_counter + after / 3) & 0xFFF);
    s->eg_divider = (uint8_t)(after % 3);
    s->eg_update = after % 3 == 0;
}

/* The level as of the current clock: a copy works the turns still due. */
unsigned ym2612_operator_level(const Ym2612 *ym, unsigned channel, unsigned op)
{
    if (channel >= 6 || op >= 4) return 0x3FF;
    Ym2612 synced = *ym;
    ym2612_sync(&synced);
    return eg_level(&synced.state, channel, op);
}
