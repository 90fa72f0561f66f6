/* ym2612_envelope.c - envelope generator with SSG-EG.
 *
 * A 10-bit attenuation (0.09375 dB per step) moves through attack, decay,
 * sustain and release. Envelopes update every third sample; a global 12-bit
 * counter decides, per rate, which updates apply and which increment of the
 * rate's eight-step pattern is used. Attack follows the chip's exponential
 * curve: attenuation += (~attenuation * increment) >> 4. Facts from the
 * YM2612 application manual and Nemesis' hardware tests (SpritesMind).
 */
#include "ym2612_internal.h"

#define SSG_ENABLE 0x08
#define SSG_ATTACK 0x04
#define SSG_ALTERNATE 0x02
#define SSG_HOLD 0x01

static unsigned slot_keycode(const Ym2612State *s, unsigned ch, unsigned op)
{
    unsigned fnum, block;
    ym_slot_frequency(s, ch, op, &fnum, &block);
    return ym_keycode(fnum, block);
}

/* Effective rate 0..63: 2 * register rate + key scaling, 0 stays 0. */
static unsigned effective_rate(const Ym2612State *s, unsigned ch, unsigned op, unsigned reg_rate)
{
    if (reg_rate == 0) return 0;
    unsigned ks = ym_op_reg(s, ch, op, 0x50) >> 6;
    unsigned rate = 2 * reg_rate + (slot_keycode(s, ch, op) >> (3 - ks));
    return rate > 63 ? 63 : rate;
}

static unsigned stage_rate(const Ym2612State *s, unsigned ch, unsigned op, unsigned stage)
{
    switch (stage) {
    case YM2612_EG_ATTACK: return effective_rate(s, ch, op, ym_op_reg(s, ch, op, 0x50) & 0x1F);
    case YM2612_EG_DECAY: return effective_rate(s, ch, op, ym_op_reg(s, ch, op, 0x60) & 0x1F);
    case YM2612_EG_SUSTAIN: return effective_rate(s, ch, op, ym_op_reg(s, ch, op, 0x70) & 0x1F);
    default: /* the 4-bit release rate RR counts as the 5-bit rate 2 * RR + 1 */
        return effective_rate(s, ch, op, 2 * (ym_op_reg(s, ch, op, 0x80) & 0x0F) + 1);
    }
}

/* Rates 62 and 63 complete the attack at once. */
static void start_attack(Ym2612State *s, unsigned ch, unsigned op)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    slot->eg_stage = YM2612_EG_ATTACK;
    if (stage_rate(s, ch, op, YM2612_EG_ATTACK) >= 62) {
        slot->attenuation = 0;
        slot->eg_stage = YM2612_EG_DECAY;
    }
}

static bool ssg_output_inverted(const Ym2612Slot *slot, uint8_t ssg)
{
    return (ssg & SSG_ENABLE) && slot->eg_stage != YM2612_EG_RELEASE &&
           (slot->ssg_inverted ^ ((ssg & SSG_ATTACK) ? 1 : 0));
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
        return;
    }
    /* Release continues from the level heard, so an inverted SSG-EG output
     * is folded into the attenuation first. */
    uint8_t ssg = ym_op_reg(s, ch, op, 0x90);
    if (ssg_output_inverted(slot, ssg)) slot->attenuation = (uint16_t)((0x200 - slot->attenuation) & 0x3FF);
    slot->eg_stage = YM2612_EG_RELEASE;
}

/* SSG-EG at the end of a cycle (attenuation reached 0x200): hold, alternate
 * or repeat, as the YM2608 manual's eight envelope shapes require. */
static void ssg_cycle(Ym2612State *s, unsigned ch, unsigned op, uint8_t ssg)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    if (ssg & SSG_HOLD) {
        if (ssg & SSG_ALTERNATE) slot->ssg_inverted = 1;
        if (!ssg_output_inverted(slot, ssg)) slot->attenuation = 0x3FF;
        return;
    }
    if (ssg & SSG_ALTERNATE) slot->ssg_inverted ^= 1;
    else slot->phase = 0;
    start_attack(s, ch, op);
}

void ym_eg_slot_update(Ym2612State *s, unsigned ch, unsigned op)
{
    if (!s->eg_update) return;
    Ym2612Slot *slot = &s->slots[ch][op];
    uint8_t ssg = ym_op_reg(s, ch, op, 0x90) & 0x0F;
    bool ssg_on = (ssg & SSG_ENABLE) != 0;

    if (ssg_on && slot->key && slot->attenuation >= 0x200 &&
        (slot->eg_stage == YM2612_EG_DECAY || slot->eg_stage == YM2612_EG_SUSTAIN))
        ssg_cycle(s, ch, op, ssg);

    unsigned sl = ym_op_reg(s, ch, op, 0x80) >> 4;
    unsigned sustain_level = (sl == 15) ? 0x3E0 : sl << 5;
    if (slot->eg_stage == YM2612_EG_ATTACK && slot->attenuation == 0) slot->eg_stage = YM2612_EG_DECAY;
    if (slot->eg_stage == YM2612_EG_DECAY && slot->attenuation >= sustain_level)
        slot->eg_stage = YM2612_EG_SUSTAIN;

    unsigned rate = stage_rate(s, ch, op, slot->eg_stage);
    if (rate == 0) return;
    unsigned shift = rate < 44 ? 11 - (rate >> 2) : 0;
    if (s->eg_counter & ((1u << shift) - 1)) return;
    unsigned inc = ym_eg_increment(rate, s->eg_counter >> shift);
    if (inc == 0) return;

    unsigned att = slot->attenuation;
    if (slot->eg_stage == YM2612_EG_ATTACK) {
        if (rate >= 62) att = 0;
        else att -= ((att + 1) * inc + 15) >> 4; /* == att + ((~att * inc) >> 4) */
    } else if (ssg_on) {
        /* SSG-EG runs four times faster and stops at 0x200, the end of its
         * cycle (where a release falls silent). */
        if (att < 0x200) {
            att += inc << 2;
            if (att > 0x200) att = 0x200;
        }
        if (slot->eg_stage == YM2612_EG_RELEASE && att >= 0x200) att = 0x3FF;
    } else {
        att += inc;
    }
    slot->attenuation = (uint16_t)(att > 0x3FF ? 0x3FF : att);
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

/* Level fed to the operator: SSG-EG inversion, then TL (8 steps per TL unit). */
unsigned ym_eg_level(const Ym2612State *s, unsigned ch, unsigned op)
{
    const Ym2612Slot *slot = &s->slots[ch][op];
    unsigned att = slot->attenuation;
    if (ssg_output_inverted(slot, ym_op_reg(s, ch, op, 0x90))) att = (0x200 - att) & 0x3FF;
    att += (unsigned)(ym_op_reg(s, ch, op, 0x40) & 0x7F) << 3;
    return att > 0x3FF ? 0x3FF : att;
}

unsigned ym2612_operator_level(const Ym2612 *ym, unsigned channel, unsigned op)
{
    if (channel >= 6 || op >= 4) return 0x3FF;
    return ym_eg_level(&ym->state, channel, op);
}
