/* ym2612_envelope.c - envelope generator: key on/off, rates, SSG-EG cycles.
 *
 * A 10-bit attenuation (0.09375 dB per step) moves through attack, decay,
 * sustain and release. The envelope logic (key latch, SSG-EG, stage
 * changes, switching off) runs every sample at the operator's turn; the
 * increments come every third sample, where a global 12-bit counter
 * decides, per rate, which apply and how large they are. Facts from the
 * YM2612 application manual, Nemesis' hardware tests (SpritesMind) and the
 * YM3438 die analysis by nukeykt. Work is skipped while eg_idle_mask shows
 * it would change nothing. In CSM mode channel 3's TL is not added to its
 * output level; a CSM key-on ORs it into the envelope level instead.
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

/* What the SSG-EG logic makes of a sample, worked before the level is
 * output (YM3438 die analysis by nukeykt): at the end of a cycle (level bit
 * 9 set) a mode without hold restarts the attack ("repeat"), and resets
 * the phase too unless it alternates; alternate flips the direction,
 * alternate + hold sets it; the direction is cleared while keyed off.
 * "Hold up" (modes B and D while keyed on) keeps the held level from being
 * switched off. */
typedef struct SsgStage {
    bool repeat, phase_reset, hold_up, inverted;
    uint8_t direction;
} SsgStage;

/* `key` is the key latched last sample, `key_in` this sample's. */
static SsgStage ssg_stage(const Ym2612Slot *slot, unsigned ssg, unsigned key_in)
{
    unsigned key = slot->key;
    SsgStage st = { false, false, false, false, 0 };
    if (!(ssg & YM_SSG_ENABLE)) return st;
    unsigned direction = slot->ssg_inverted;
    if (slot->attenuation & 0x200) {
        st.phase_reset = (ssg & (YM_SSG_ALTERNATE | YM_SSG_HOLD)) == 0;
        st.repeat = !(ssg & YM_SSG_HOLD);
        if ((ssg & (YM_SSG_ALTERNATE | YM_SSG_HOLD)) == YM_SSG_ALTERNATE) direction ^= 1;
        if ((ssg & (YM_SSG_ALTERNATE | YM_SSG_HOLD)) == (YM_SSG_ALTERNATE | YM_SSG_HOLD)) direction = 1;
    }
    unsigned mode = ssg & 7;
    st.hold_up = key_in && (mode == (YM_SSG_ATTACK | YM_SSG_HOLD) || mode == (YM_SSG_ALTERNATE | YM_SSG_HOLD));
    st.direction = (uint8_t)(direction & key);
    /* the output is inverted while the direction and the attack bit
     * differ, and only while keyed on */
    st.inverted = ((st.direction ^ ((ssg & YM_SSG_ATTACK) ? 1u : 0u)) & key) != 0;
    return st;
}

/* TL in envelope units (8 steps per TL unit). */
static unsigned total_level(const Ym2612State *s, unsigned ch, unsigned op)
{
    return (unsigned)(ym_op_reg(s, ch, op, 0x40) & 0x7F) << 3;
}

/* Level fed to the operator: SSG-EG inversion (512 - level, 10 bits), then
 * TL, which channel 3 leaves out while in CSM mode: there a CSM key-on
 * puts TL into the envelope level instead (csm_total_level). Source:
 * nukeykt's YM3438 die transcription, Nuked-OPN2 ym3438.c,
 * OPN2_EnvelopeGenerate. */
static unsigned eg_level(const Ym2612State *s, unsigned ch, unsigned op)
{
    const Ym2612Slot *slot = &s->slots[ch][op];
    unsigned att = slot->attenuation;
    if (ssg_stage(slot, ym_op_reg(s, ch, op, 0x90), slot->key).inverted) att = (0x200 - att) & 0x3FF;
    if (!(ch == 2 && ym_csm_mode(s))) att += total_level(s, ch, op);
    return att > 0x3FF ? 0x3FF : att;
}

/* The key an operator latches at its turn: register 0x28's as applied to
 * its channel, or on channel 3 a CSM pulse. */
static unsigned key_input(const Ym2612State *s, unsigned ch, unsigned op)
{
    return (s->slots[ch][op].reg_key | (ch == 2 ? s->csm_key : 0u)) & 1u;
}

/* In a sample where CSM keys channel 3 (timer A's reload; not a register
 * 0x28 key-on), each of its four operators' envelope level is ORed with
 * its TL << 3 before the sample's increment (computed from the level
 * before the OR) is added, whatever the key or stage: the level a CSM
 * key-on starts its attack from. Source: Nuked-OPN2 ym3438.c (nukeykt's
 * YM3438 die transcription), OPN2_KeyOn's eg_kon_csm and
 * OPN2_EnvelopeADSR. */
static unsigned csm_total_level(const Ym2612State *s, unsigned ch, unsigned op)
{
    return ch == 2 && s->csm_key ? total_level(s, ch, op) : 0u;
}

void ym_eg_apply_kon(Ym2612State *s, unsigned ch)
{
    if (!ym_kon_pending(s, ch)) return;
    s->kon_channel = 0xFF;
    for (unsigned op = 0; op < 4; op++) {
        uint8_t key = (uint8_t)((s->kon_operators >> op) & 1);
        if (s->slots[ch][op].reg_key == key) continue;
        s->slots[ch][op].reg_key = key;
        ym_eg_refresh(s, ch, op);
    }
}

/* Decay ends when the level's upper six bits equal SL * 2 (SL 15 counting
 * as 31): the level must be within the first 16 steps of SL * 32, and an
 * SL lowered below the level leaves decay running at D1R (YM3438 die
 * analysis). */
static bool at_sustain_level(const Ym2612State *s, unsigned ch, unsigned op, unsigned att)
{
    unsigned sl = ym_op_reg(s, ch, op, 0x80) >> 4;
    return (att >> 4) == (sl == 15 ? 31u : sl) << 1;
}

/* The envelope is "off" at the top of its range: level bits 9..4 all set,
 * or with SSG-EG on level bit 9; outside attack it then jumps to 0x3FF and
 * release, unless an SSG-EG repeat or hold-up applies (YM3438 die
 * analysis by nukeykt). */
static bool eg_off(unsigned att, bool ssg_on) { return ssg_on ? att >= 0x200 : (att & 0x3F0) == 0x3F0; }

/* The attack's step: level + ((~level * inc) >> 4), an exponential
 * approach to 0. */
static int attack_delta(unsigned att, unsigned inc) { return -(int)(((att + 1) * inc + 15) >> 4); }

/* An operator's envelope after one sample's logic. */
typedef struct EgNext {
    unsigned att, stage, direction, key;
    bool phase_reset;
} EgNext;

/* One sample's envelope logic for an operator (YM3438 die analysis): the
 * key latched, the SSG-EG stage, a key-on's or repeat's new attack, a
 * key-off's release from the level heard, stage changes, the envelope
 * switching off, and on envelope samples (eg_check bit 12, counter in bits
 * 11-0) the rate's increment. A sample that changes stage adds nothing. A
 * key-on restarts the phase: the operator is heard from the next sample.
 * A CSM pulse ORs TL into channel 3's levels (csm_total_level). */
static EgNext eg_next(const Ym2612State *s, unsigned ch, unsigned op, unsigned eg_check)
{
    const Ym2612Slot *slot = &s->slots[ch][op];
    unsigned ssg = ym_op_reg(s, ch, op, 0x90) & 0x0F;
    bool ssg_on = (ssg & YM_SSG_ENABLE) != 0;
    unsigned key = slot->key, key_in = key_input(s, ch, op);
    SsgStage st = ssg_stage(slot, ssg, key_in);
    bool key_on = key_in && !key;
    bool restart = key_on || (key && st.repeat);
    unsigned att = slot->attenuation, stage = slot->eg_stage, next_stage = stage;
    /* Release continues from the level heard: an inverted SSG-EG output is
     * folded into the attenuation at key-off. */
    if (key && !key_in && st.inverted) att = (0x200 - att) & 0x3FF;
    bool off = eg_off(att, ssg_on);

    unsigned rate = slot->eg_rate[restart ? YM2612_EG_ATTACK : stage & 3];
    unsigned inc = 0;
    if ((eg_check & 0x1000u) && rate != 0) {
        unsigned counter = eg_check & 0xFFFu;
        unsigned shift = rate < 44 ? 11 - (rate >> 2) : 0;
        if (!(counter & ((1u << shift) - 1))) inc = ym_eg_increment(rate, counter >> shift);
    }
    bool instant = rate >= 62;
    int delta = 0;
    if (restart) {
        next_stage = YM2612_EG_ATTACK;
        if (instant) att = 0;
        else if (stage == YM2612_EG_ATTACK && att != 0 && inc && key_in) delta = attack_delta(att, inc);
    } else {
        switch (stage) {
        case YM2612_EG_ATTACK:
            if (att == 0) next_stage = YM2612_EG_DECAY;
            else if (inc && !instant && key_in) delta = attack_delta(att, inc);
            break;
        case YM2612_EG_DECAY:
            if (at_sustain_level(s, ch, op, att)) next_stage = YM2612_EG_SUSTAIN;
            else if (!off && inc) delta = (int)(inc << (ssg_on ? 2 : 0)); /* SSG-EG: four times faster */
            break;
        default:
            if (!off && inc) delta = (int)(inc << (ssg_on ? 2 : 0));
            break;
        }
        if (!key_in) next_stage = YM2612_EG_RELEASE;
        if (!st.hold_up && stage != YM2612_EG_ATTACK && off) {
            next_stage = YM2612_EG_RELEASE;
            att = 0x3FF;
        }
    }
    /* The envelope-off level 0x3FF has every TL bit set already. */
    att |= csm_total_level(s, ch, op);
    /* SSG-EG levels are not clamped at 0x200: a large step passes it; nor
     * is a level a CSM key-on raised (the die's level is 10 bits). */
    EgNext next = { (unsigned)((int)att + delta) & 0x3FF, next_stage, st.direction, key_in,
                    key_on || st.phase_reset };
    return next;
}

/* Whether the envelope logic changes something this sample whatever the
 * counter (an SSG-EG cycle end, a stage change, the envelope switching
 * off): the chip works it every sample, only increments wait for the
 * counter. A keyed-off operator's SSG-EG phase resets are left out: its
 * level is then 0x3FF, so it outputs 0 whatever its phase, and its next
 * key-on resets the phase anyway. */
static bool due_every_sample(const Ym2612State *s, unsigned ch, unsigned op)
{
    /* A CSM pulse's OR of TL may change the level, whatever TL is written
     * during it: worked every sample of the pulse. */
    if (ch == 2 && s->csm_key) return true;
    const Ym2612Slot *slot = &s->slots[ch][op];
    unsigned att = slot->attenuation, stage = slot->eg_stage, key = slot->key, key_in = key_input(s, ch, op);
    bool ssg_on = (ym_op_reg(s, ch, op, 0x90) & YM_SSG_ENABLE) != 0;
    /* the cases where eg_next can change something without an increment,
     * cheaply ruled out first */
    bool maybe = key != key_in || (ssg_on ? (att & 0x200) != 0 : ((att & 0x3F0) == 0x3F0 || slot->ssg_inverted)) ||
                 (stage == YM2612_EG_ATTACK && att == 0) ||
                 (stage == YM2612_EG_DECAY && at_sustain_level(s, ch, op, att)) ||
                 (!key_in && stage != YM2612_EG_RELEASE) || (slot->ssg_inverted && !key);
    if (!maybe) return false;
    EgNext next = eg_next(s, ch, op, 0);
    return next.att != slot->attenuation || next.stage != slot->eg_stage || next.direction != slot->ssg_inverted ||
           next.key != slot->key || (next.phase_reset && slot->key);
}

/* Envelope counter bits that must all be clear for this operator's next
 * envelope update to change anything: 0 when the logic acts every sample;
 * otherwise bit 13 (the sample loop tests it outside envelope samples) and
 * the counter bits the rate skips. Rate 0, an instant attack after its
 * key-on, or a level that can only grow and is at its maximum never
 * change: bit 12, above the 12-bit counter, marks that. */
static unsigned eg_idle_mask(const Ym2612State *s, unsigned ch, unsigned op)
{
    const Ym2612Slot *slot = &s->slots[ch][op];
    if (due_every_sample(s, ch, op)) return 0;
    unsigned stage = slot->eg_stage;
    bool ssg_on = (ym_op_reg(s, ch, op, 0x90) & YM_SSG_ENABLE) != 0;
    if (stage == YM2612_EG_ATTACK && slot->eg_rate[YM2612_EG_ATTACK] >= 62) return 0x3000;
    /* decay, sustain and release add nothing once the envelope is off */
    if (stage != YM2612_EG_ATTACK && eg_off(slot->attenuation, ssg_on)) return 0x3000;
    unsigned rate = slot->eg_rate[stage & 3];
    if (rate == 0) return 0x3000;
    return 0x2000u | (rate < 44 ? (1u << (11 - (rate >> 2))) - 1 : 0);
}

void ym_eg_refresh_level(Ym2612State *s, unsigned ch, unsigned op)
{
    s->slots[ch][op].eg_level = (uint16_t)eg_level(s, ch, op);
}

void ym_eg_refresh(Ym2612State *s, unsigned ch, unsigned op)
{
    s->slots[ch][op].eg_level = (uint16_t)eg_level(s, ch, op);
    s->slots[ch][op].eg_idle_mask = (uint16_t)eg_idle_mask(s, ch, op);
}

/* One sample's envelope logic at the operator's turn, after its output. */
void ym_eg_step(Ym2612State *s, unsigned ch, unsigned op, unsigned eg_check)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    EgNext next = eg_next(s, ch, op, eg_check);
    slot->attenuation = (uint16_t)next.att;
    slot->eg_stage = (uint8_t)next.stage;
    slot->ssg_inverted = (uint8_t)next.direction;
    slot->key = (uint8_t)next.key;
    /* The phase restarts: 0 after this turn, which still adds its step. */
    if (next.phase_reset) slot->phase = (0u - slot->phase_step) & 0xFFFFF;
    ym_eg_refresh(s, ch, op);
}

/* Every third sample is an envelope sample: each slot updates at its turn
 * with the counter's value, which advances once that sample is over (the
 * die latches the counter before incrementing it, so the first envelope
 * sample after reset, the second sample, sees 0). */
void ym_eg_sample_start(Ym2612State *s)
{
    if (s->eg_update) s->eg_counter = (uint16_t)ym_eg_counter_after(s->eg_counter, 1);
    s->eg_update = 0;
    if (++s->eg_divider < 3) return;
    s->eg_divider = 0;
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
    bool last_updates = after % 3 == 0;
    /* the counter of the last envelope sample, advanced past it unless
     * that is the last sample */
    s->eg_counter = (uint16_t)ym_eg_counter_after(s->eg_counter, after / 3 + (last_updates ? 0 : 1));
    s->eg_divider = (uint8_t)(after % 3);
    s->eg_update = last_updates;
}

/* The level as of the current clock: a copy works the turns still due. */
unsigned ym2612_operator_level(const Ym2612 *ym, unsigned channel, unsigned op)
{
    if (channel >= 6 || op >= 4) return 0x3FF;
    Ym2612 synced = *ym;
    ym2612_sync(&synced);
    return eg_level(&synced.state, channel, op);
}
