/* ym2612_internal.h - shared between the YM2612 source files only. */
#ifndef MDEMU_YM2612_INTERNAL_H
#define MDEMU_YM2612_INTERNAL_H

#include "ym2612.h"

#define YM_SSG_ENABLE 0x08
#define YM_SSG_ATTACK 0x04
#define YM_SSG_ALTERNATE 0x02
#define YM_SSG_HOLD 0x01

/* Register-order slot index (offsets 0,4,8,C of 0x30..0x9F) for operator
 * number-minus-one; the mapping is its own inverse (OPN2 register map). */
static inline unsigned ym_op_reg_index(unsigned op) { return (op == 1) ? 2u : (op == 2) ? 1u : op; }

/* Register of operator `op` of channel `ch` in the block at `base` (0x30..0x90). */
static inline uint8_t ym_op_reg(const Ym2612State *s, unsigned ch, unsigned op, unsigned base)
{
    return s->regs[ch / 3][base + (ch % 3) + 4 * ym_op_reg_index(op)];
}

/* Per-channel register (0xA0.., 0xB0.., 0xB4..). */
static inline uint8_t ym_ch_reg(const Ym2612State *s, unsigned ch, unsigned base)
{
    return s->regs[ch / 3][base + (ch % 3)];
}

/* Arithmetic right shift with defined behaviour for negative values. */
static inline int ym_asr(int v, unsigned shift) { return v >= 0 ? (v >> shift) : ~((~v) >> shift); }

/* Channel 3 special (per-operator frequency) mode and CSM, register 0x27 bits 7-6. */
static inline bool ym_ch3_special(const Ym2612State *s) { return (s->regs[0][0x27] & 0xC0) != 0; }
static inline bool ym_csm_mode(const Ym2612State *s) { return (s->regs[0][0x27] & 0xC0) == 0x80; }

/* ym2612_tables.c */
void ym_build_roms(uint16_t logsin[256], uint16_t exp_rom[256]);
void ym_build_lookup(Ym2612 *ym);
unsigned ym_detune(unsigned dt, unsigned keycode);
int ym_lfo_pm_step(unsigned pms, unsigned index, unsigned weight_bit);

/* Attenuation increments per envelope update: eight-step patterns chosen by
 * the two low rate bits; from rate 48 on the step doubles every four rates
 * (hardware measurements by Nemesis, SpritesMind YM2612 reference thread). */
static inline unsigned ym_eg_increment(unsigned rate, unsigned step)
{
    static const uint8_t low_pattern[4][8] = {
        { 0, 1, 0, 1, 0, 1, 0, 1 },
        { 0, 1, 0, 1, 1, 1, 0, 1 },
        { 0, 1, 1, 1, 0, 1, 1, 1 },
        { 0, 1, 1, 1, 1, 1, 1, 1 },
    };
    static const uint8_t high_pattern[4][8] = {
        { 1, 1, 1, 1, 1, 1, 1, 1 },
        { 1, 1, 1, 2, 1, 1, 1, 2 },
        { 1, 2, 1, 2, 1, 2, 1, 2 },
        { 1, 2, 2, 2, 1, 2, 2, 2 },
    };
    if (rate < 2) return 0;
    if (rate < 48) return low_pattern[rate & 3][step & 7];
    if (rate < 60) return (unsigned)high_pattern[rate & 3][step & 7] << ((rate >> 2) - 12);
    return 8;
}

/* ym2612_phase.c */
void ym_slot_frequency(const Ym2612State *s, unsigned ch, unsigned op, unsigned *fnum, unsigned *block);
unsigned ym_keycode(unsigned fnum, unsigned block);
uint32_t ym_phase_increment(const Ym2612State *s, unsigned ch, unsigned op);

/* ym2612_lfo.c */
void ym_lfo_step(Ym2612State *s);
unsigned ym_lfo_am(const Ym2612State *s, unsigned ams);
int ym_lfo_fnum_delta(const Ym2612State *s, unsigned pms, unsigned fnum);

/* ym2612_derived.c: bring the derived slot fields up to date after their
 * inputs changed (registers, key, envelope, LFO step). */
void ym_derive_slot(Ym2612State *s, unsigned ch, unsigned op);
void ym_derive_channel(Ym2612State *s, unsigned ch);
void ym_derive_all(Ym2612State *s);
void ym_derive_lfo_pm(Ym2612State *s);

/* ym2612_envelope.c */
void ym_eg_key(Ym2612State *s, unsigned ch, unsigned op, bool on);
void ym_eg_sample_start(Ym2612State *s);
void ym_eg_ssg_cycle(Ym2612State *s, unsigned ch, unsigned op, unsigned ssg);
void ym_eg_derive_rates(Ym2612State *s, unsigned ch, unsigned op);

/* SSG-EG shows the inverted envelope while the alternate toggle and the
 * attack bit differ, except in release. */
static inline bool ym_ssg_output_inverted(const Ym2612Slot *slot, unsigned ssg)
{
    return (ssg & YM_SSG_ENABLE) && slot->eg_stage != YM2612_EG_RELEASE &&
           (slot->ssg_inverted ^ ((ssg & YM_SSG_ATTACK) ? 1 : 0));
}

/* Level fed to the operator: SSG-EG inversion, then TL (8 steps per TL unit). */
static inline unsigned ym_eg_level(const Ym2612State *s, unsigned ch, unsigned op)
{
    const Ym2612Slot *slot = &s->slots[ch][op];
    unsigned att = slot->attenuation;
    if (ym_ssg_output_inverted(slot, ym_op_reg(s, ch, op, 0x90))) att = (0x200 - att) & 0x3FF;
    att += (unsigned)(ym_op_reg(s, ch, op, 0x40) & 0x7F) << 3;
    return att > 0x3FF ? 0x3FF : att;
}

static inline void ym_eg_refresh_level(Ym2612State *s, unsigned ch, unsigned op)
{
    s->slots[ch][op].eg_level = (uint16_t)ym_eg_level(s, ch, op);
}

/* One envelope update of an operator, at its turn in an envelope sample:
 * SSG-EG cycle end, stage changes, then the rate's increment if the global
 * counter selects this update. Attack follows the chip's exponential curve;
 * SSG-EG runs four times faster and stops at 0x200, the end of its cycle
 * (where a release falls silent). */
static inline void ym_eg_step(Ym2612State *s, unsigned ch, unsigned op)
{
    Ym2612Slot *slot = &s->slots[ch][op];
    unsigned ssg = ym_op_reg(s, ch, op, 0x90) & 0x0F;
    bool ssg_on = (ssg & YM_SSG_ENABLE) != 0;
    bool cycled = false;

    if (ssg_on && slot->key && slot->attenuation >= 0x200 &&
        (slot->eg_stage == YM2612_EG_DECAY || slot->eg_stage == YM2612_EG_SUSTAIN)) {
        ym_eg_ssg_cycle(s, ch, op, ssg);
        cycled = true;
    }

    unsigned att = slot->attenuation;
    unsigned stage = slot->eg_stage;
    unsigned sl = ym_op_reg(s, ch, op, 0x80) >> 4;
    unsigned sustain_level = (sl == 15) ? 0x3E0 : sl << 5;
    if (stage == YM2612_EG_ATTACK && att == 0) stage = YM2612_EG_DECAY;
    if (stage == YM2612_EG_DECAY && att >= sustain_level) stage = YM2612_EG_SUSTAIN;
    slot->eg_stage = (uint8_t)stage;

    unsigned rate = slot->eg_rate[stage & 3];
    unsigned shift = rate < 44 ? 11 - (rate >> 2) : 0;
    unsigned inc = 0;
    if (rate != 0 && !(s->eg_counter & ((1u << shift) - 1))) inc = ym_eg_increment(rate, s->eg_counter >> shift);
    if (inc != 0) {
        if (stage == YM2612_EG_ATTACK) {
            if (rate >= 62) att = 0;
            else att -= ((att + 1) * inc + 15) >> 4; /* == att + ((~att * inc) >> 4) */
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
        ym_eg_refresh_level(s, ch, op);
    }
}

/* ym2612_operator.c */
void ym_process_slots(Ym2612 *ym, unsigned first, unsigned end);

/* ym2612_timers.c */
void ym_timers_write_control(Ym2612State *s, uint8_t value);
void ym_timers_tick(Ym2612State *s);
void ym_key_update(Ym2612State *s, unsigned ch, unsigned op);

#endif
