/* ym_ref_slot.c - one internal cycle of the reference YM2612: the key
 * logic, SSG-EG, envelope generator, phase generator, operator unit and
 * channel accumulator working the slot whose turn it is.
 *
 * Sources (facts only; no emulator code was consulted):
 * - ROMs: the die's 256-word log-sin ROM holds -log2(sin) of a quarter
 *   wave in 4.8 fixed point and the exponent ROM 2^(i/256) scaled to 10
 *   bits (OPL/OPN die decapping by Matthew Gambrell and Olli Niemitalo;
 *   Sauraen for the OPN2).
 * - Phase generator: Nemesis, SpritesMind ("Overview of the phase
 *   generator"): ((fnum << block) >> 1) + detune, 17-bit wrap, x MUL (x0.5
 *   for 0), 20-bit counter; key code from block and F-number bits 10..8;
 *   the detune table of the YM2608 application manual.
 * - LFO PM: the die adds to the F-number (shifted left by one) two
 *   right-shifted copies of its bits 10..4, chosen by PMS and the LFO step
 *   (a quarter wave of 8 steps, mirrored, then negated); the manual's
 *   depths (3.4 .. 80 cents) fix the shifts. LFO AM: a triangle 0..126
 *   in envelope units, >> 8/3/1/0 for AMS 0..3 (11.8/5.9/1.4 dB, manual).
 * - Envelope: Nemesis' description (rates 2R + key scaling, attack
 *   attenuation += (~attenuation * inc) >> 4, sustain level in 32-step
 *   units, 15 -> 31, matched on level bits 9..4 = SL << 1 by the die's
 *   comparator) and the die's rate decoding (an update when the
 *   rate's octave plus the number of trailing zero bits of the 12-bit
 *   counter reaches 11, and for rates 48..59 a step doubled on some counter
 *   values).
 * - Pipeline timing inside a sample (when a key-on, a key-off, an SSG-EG
 *   flip or a stage change takes effect) is not in any public description
 *   of the die; where it is needed to compare sample for sample, this model
 *   takes the rule that nukeykt's YM3438 die analysis gives (Nuked-OPN2,
 *   his transcription of the die: the envelope's key-on event, key-off,
 *   envelope-off and SSG-EG latches), and says so where it does.
 * - Operator unit and algorithms: a modulator's output reaches another
 *   operator in the same sample only if it was worked at least 12 cycles
 *   earlier (the pipeline of the operator unit, Sauraen/nukeykt), which
 *   with the order 1, 3, 2, 4 gives the known one-sample delays. Feedback:
 *   the sum of OP1's last two outputs >> (10 - FB). Carriers go into a
 *   9-bit accumulator as output >> 5 with a clamp after each add.
 */
#include <math.h>

#include "ym_ref.h"

/* Register offset (0, 4, 8, C) of operator number - 1. */
static const uint8_t operator_offset[4] = { 0, 8, 4, 12 };
/* Operator group (position in the cycle order 1, 3, 2, 4) of operator number - 1. */
static const uint8_t operator_group[4] = { 0, 2, 1, 3 };

/* YM2608 application manual, detune in phase-increment units by key code,
 * for DT = 1, 2, 3 (DT bit 2 negates). */
static const uint8_t detune_table[3][32] = {
    { 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 8, 8, 8 },
    { 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 8, 9, 10, 11, 12, 13, 14, 16, 16, 16, 16 },
    { 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 20, 22, 22, 22, 22 },
};

void ym_ref_build_roms(YmRef *ref)
{
    const double pi = 3.14159265358979323846;
    for (unsigned i = 0; i < 256; i++) {
        double s = sin(((double)i + 0.5) * pi / 512.0);
        ref->logsin_rom[i] = (uint16_t)lround(-log2(s) * 256.0);
        ref->exp_rom[i] = (uint16_t)lround((pow(2.0, (double)i / 256.0) - 1.0) * 1024.0);
    }
}

static unsigned reg_op(const YmRef *ref, unsigned ch, unsigned op, unsigned base)
{
    return ref->regs[ch / 3][base + ch % 3 + operator_offset[op]];
}

static unsigned reg_ch(const YmRef *ref, unsigned ch, unsigned base)
{
    return ref->regs[ch / 3][base + ch % 3];
}

static int floor_shift(int value, unsigned shift)
{
    return value >= 0 ? (value >> shift) : -(int)(((unsigned)(-value) + (1u << shift) - 1) >> shift);
}

/* 14-bit signed output of the operator for a 10-bit phase and a 10-bit
 * attenuation (envelope units of 1/32 octave, so << 2 to the ROM's 1/256). */
int ym_ref_operator(const YmRef *ref, unsigned phase10, unsigned attenuation10)
{
    unsigned quarter = phase10 & 0xFF;
    if (phase10 & 0x100) quarter ^= 0xFF; /* second quarter mirrors the first */
    unsigned total = ref->logsin_rom[quarter] + (attenuation10 << 2);
    unsigned octave = total >> 8;
    unsigned mantissa = ref->exp_rom[(total & 0xFF) ^ 0xFF] | 0x400;
    int magnitude = octave >= 16 ? 0 : (int)((mantissa << 2) >> octave);
    return (phase10 & 0x200) ? -magnitude : magnitude;
}

unsigned ym_ref_lfo_am(const YmRef *ref, unsigned ams)
{
    static const uint8_t am_shift[4] = { 8, 3, 1, 0 };
    unsigned c = ref->lfo_counter;
    /* Falls from 126 over the first half of the LFO period, then rises. */
    unsigned tri = ((c & 0x40) ? (c & 0x3F) : ((c & 0x3F) ^ 0x3F)) << 1;
    return tri >> am_shift[ams & 3];
}

/* PM in units of the F-number shifted left by one. */
int ym_ref_lfo_pm(const YmRef *ref, unsigned pms, unsigned fnum)
{
    /* Per PMS (1..5 scale; 6 and 7 are 5 shifted left) and quarter-wave
     * step: the two right shifts of F-number bits 10..4, 8 = none. */
    static const uint8_t shift_a[8][8] = {
        { 8, 8, 8, 8, 8, 8, 8, 8 }, { 8, 8, 8, 8, 2, 2, 2, 2 }, { 8, 8, 8, 2, 2, 2, 1, 1 },
        { 8, 8, 2, 2, 1, 1, 1, 1 }, { 8, 8, 2, 1, 1, 1, 1, 0 }, { 8, 8, 1, 1, 0, 0, 0, 0 },
        { 8, 8, 1, 1, 0, 0, 0, 0 }, { 8, 8, 1, 1, 0, 0, 0, 0 },
    };
    static const uint8_t shift_b[8][8] = {
        { 8, 8, 8, 8, 8, 8, 8, 8 }, { 8, 8, 8, 8, 8, 8, 8, 8 }, { 8, 8, 8, 8, 8, 8, 8, 8 },
        { 8, 8, 8, 8, 8, 8, 2, 2 }, { 8, 8, 8, 8, 8, 8, 2, 8 }, { 8, 8, 8, 2, 8, 8, 2, 1 },
        { 8, 8, 8, 2, 8, 8, 2, 1 }, { 8, 8, 8, 2, 8, 8, 2, 1 },
    };
    unsigned index = (unsigned)ref->lfo_counter >> 2; /* 32 steps per period */
    unsigned step = (index & 8) ? (~index & 7) : (index & 7);
    unsigned top = fnum >> 4;
    unsigned sum = (top >> shift_a[pms][step]) + (top >> shift_b[pms][step]);
    if (pms > 5) sum <<= pms - 5;
    int value = (int)(sum >> 2);
    return (index & 16) ? -value : value;
}

/* Envelope increment of a rate at an update sample whose counter is
 * `counter`. */
unsigned ym_ref_eg_increment(unsigned rate, unsigned counter)
{
    static const uint8_t doubled[4][4] = { { 0, 0, 0, 0 }, { 1, 0, 0, 0 }, { 1, 0, 1, 0 }, { 1, 1, 1, 0 } };
    if (rate == 0) return 0;
    unsigned octave = rate >> 2, fraction = rate & 3;
    if (octave >= 15) return 8;
    if (octave >= 12) return (1u + doubled[fraction][counter & 3]) << (octave - 12);
    unsigned zeros = 0;
    if (counter != 0)
        while (!((counter >> zeros) & 1)) zeros++;
    int excess = (int)octave + (int)zeros - 11;
    if (excess == 0) return 1;
    if (excess == 1) return fraction >> 1;
    if (excess == 2) return fraction & 1;
    return 0;
}

static void slot_frequency(const YmRef *ref, unsigned ch, unsigned op, unsigned *fnum, unsigned *block)
{
    /* Channel 3 special mode: operators 1, 2, 3 take 0xA9, 0xAA, 0xA8;
     * operator 4 the channel's own (application manual register map). */
    static const uint8_t special_index[3] = { 1, 2, 0 };
    if (ch == 2 && (ref->regs[0][0x27] & 0xC0) && op < 3) {
        *fnum = ref->ch3_fnum[special_index[op]];
        *block = ref->ch3_block[special_index[op]];
    } else {
        *fnum = ref->fnum[ch];
        *block = ref->block[ch];
    }
}

static unsigned key_code(unsigned fnum, unsigned block)
{
    unsigned f11 = (fnum >> 10) & 1, f10 = (fnum >> 9) & 1, f9 = (fnum >> 8) & 1, f8 = (fnum >> 7) & 1;
    unsigned n3 = (f11 & (f10 | f9 | f8)) | ((f11 ^ 1) & f10 & f9 & f8);
    return (block << 2) | (f11 << 1) | n3;
}

static unsigned stage_rate(const YmRef *ref, unsigned ch, unsigned op, unsigned stage, unsigned kc)
{
    unsigned r;
    switch (stage) {
    case YM_REF_ATTACK: r = reg_op(ref, ch, op, 0x50) & 0x1F; break;
    case YM_REF_DECAY: r = reg_op(ref, ch, op, 0x60) & 0x1F; break;
    case YM_REF_SUSTAIN: r = reg_op(ref, ch, op, 0x70) & 0x1F; break;
    default: r = ((reg_op(ref, ch, op, 0x80) & 0x0F) << 1) | 1; break;
    }
    if (r == 0) return 0;
    unsigned ks = reg_op(ref, ch, op, 0x50) >> 6;
    unsigned rate = 2 * r + (kc >> (3 - ks));
    return rate > 63 ? 63 : rate;
}

/* Returns 1 when a key-on restarts the phase. */
static int key_logic(YmRef *ref, unsigned ch, unsigned op, unsigned kc, int ssg_end)
{
    YmRefSlot *s = &ref->slot[ch][op];
    unsigned key = ref->reg_key[ch][op] | (ch == 2 ? ref->csm_key : 0u);
    unsigned ssg = reg_op(ref, ch, op, 0x90) & 0x0F;
    int restart = key && !s->key;
    /* An SSG-EG repeat due in this pass outranks a key-off: the release
     * begins at the next pass, from the level as it is (nukeykt's die
     * analysis as the library restates it). */
    int repeat_wins = ssg_end && !(ssg & 1);
    if (restart) {
        s->stage = YM_REF_ATTACK;
        s->ssg_invert = 0;
        if (stage_rate(ref, ch, op, YM_REF_ATTACK, kc) >= 62) s->level = 0; /* instant attack */
    } else if (!key && s->key) {
        /* The inverted SSG-EG output becomes the level released from. */
        if ((ssg & 8) && (s->ssg_invert ^ ((ssg >> 2) & 1))) s->level = (uint16_t)((0x200 - s->level) & 0x3FF);
        if (!repeat_wins) s->stage = YM_REF_RELEASE;
    } else if (!key && !s->key) {
        s->stage = YM_REF_RELEASE;
    }
    s->key = (uint8_t)key;
    return restart;
}

/* SSG-EG's end of a ramp (the level at 0x200 or more while the key the
 * slot held at its last pass is on): repeat, alternate or hold (Nemesis'
 * SSG-EG tests; jsgroth, "Emulating the YM2612 part 7"). The check works
 * in attack as well, which a key-on from 0x3FF meets at once: there a
 * repeat holds the phase at 0, and alternate flips the output every sample
 * until the level falls below 0x200 (the "initial glitch" with AR below 31
 * described in libOPNMIDI issue 81); alternate + hold sets the flip once.
 * The flip-flop is worked before the operator output of the same pass, and
 * only holds while SSG-EG and the key are on (nukeykt's die analysis as the
 * library restates it). */
static int ssg_cycle_end(const YmRef *ref, unsigned ch, unsigned op)
{
    const YmRefSlot *s = &ref->slot[ch][op];
    unsigned ssg = reg_op(ref, ch, op, 0x90) & 0x0F;
    return (ssg & 8) && s->key && s->level >= 0x200 && s->stage != YM_REF_RELEASE;
}

static void ssg_flip(YmRef *ref, unsigned ch, unsigned op)
{
    YmRefSlot *s = &ref->slot[ch][op];
    unsigned ssg = reg_op(ref, ch, op, 0x90) & 0x0F;
    if (!(ssg & 8) || !s->key) {
        s->ssg_invert = 0;
        return;
    }
    if (!ssg_cycle_end(ref, ch, op) || !(ssg & 2)) return;
    if (ssg & 1) s->ssg_invert = 1;
    else s->ssg_invert ^= 1;
}

/* The rest of a ramp's end, after the key logic: a hold that is not
 * heard inverted goes to 0x3FF; a repeat restarts the attack, and the
 * phase unless it alternates. `end`: ssg_cycle_end before the key logic.
 * Returns 1 when the phase restarts; sets *restarted on a repeat. */
static int ssg_logic(YmRef *ref, unsigned ch, unsigned op, unsigned kc, int end, int *restarted)
{
    YmRefSlot *s = &ref->slot[ch][op];
    unsigned ssg = reg_op(ref, ch, op, 0x90) & 0x0F;
    if (!end) return 0;
    unsigned attack_bit = (ssg >> 2) & 1, alternate = (ssg >> 1) & 1, hold = ssg & 1;
    if (hold) {
        if (s->stage != YM_REF_ATTACK && s->stage != YM_REF_RELEASE && !(s->ssg_invert ^ attack_bit)) s->level = 0x3FF;
        return 0;
    }
    if (s->stage == YM_REF_RELEASE) return 0; /* keyed off in this pass */
    /* A repeat is a key-on event even in attack: an instant attack rate
     * zeroes the level again (Nuked-OPN2, nukeykt's YM3438 die
     * transcription: key-on event = new key-on or old key with the repeat
     * latch). */
    s->stage = YM_REF_ATTACK;
    *restarted = 1;
    if (stage_rate(ref, ch, op, YM_REF_ATTACK, kc) >= 62) s->level = 0;
    return !alternate;
}

/* The envelope's state machine works every sample; only the increment
 * waits for an envelope update sample. `stage_before`: the stage before
 * the key and SSG-EG logic of this pass. A pass that changes the stage
 * adds no increment (a key-off excepted, below), and outside attack a
 * level whose bits 9..4 are all set (with SSG-EG: bit 9) switches the
 * envelope off: release at 0x3FF (taken from nukeykt's YM3438 die analysis
 * as the library's comments restate it; not in the public descriptions).
 * Sets the stage and any level the logic puts in place of the old one;
 * returns the increment, worked out from that level, for envelope_update
 * to add. */
static int envelope_step(YmRef *ref, unsigned ch, unsigned op, unsigned kc, unsigned stage_before, int restart)
{
    YmRefSlot *s = &ref->slot[ch][op];
    unsigned sl = reg_op(ref, ch, op, 0x80) >> 4;
    int ssg_on = (reg_op(ref, ch, op, 0x90) & 0x08) != 0;
    if (sl == 15) sl = 31;
    if (restart) {
        /* A key-on event's pass changes no stage further; it only goes on
         * with an attack under way, from a level not 0, while keyed on
         * (Nuked-OPN2, nukeykt's YM3438 die transcription). */
        if (stage_before != YM_REF_ATTACK || s->level == 0 || !s->key || !ref->eg_this_sample) return 0;
        unsigned rate = stage_rate(ref, ch, op, YM_REF_ATTACK, kc);
        unsigned inc = ym_ref_eg_increment(rate, ref->eg_counter);
        int level = s->level;
        int step = rate < 62 && inc ? floor_shift(~level * (int)inc, 4) : 0;
        return level + step < 0 ? -level : step;
    }
    if (s->stage != stage_before) {
        /* A key-off still adds the decay or sustain step it was due: the
         * increment comes from the stage the pass began in. */
        int key_off = s->stage == YM_REF_RELEASE &&
                      (stage_before == YM_REF_DECAY || stage_before == YM_REF_SUSTAIN);
        if (!key_off) return 0;
        /* The envelope-off test works in the key-off pass too, on the level
         * released from (Nuked-OPN2, nukeykt's YM3438 die transcription). */
        if (ssg_on ? s->level >= 0x200 : (s->level & 0x3F0) == 0x3F0) {
            s->level = 0x3FF;
            return 0;
        }
        if (!ref->eg_this_sample) return 0;
        if (stage_before == YM_REF_DECAY && (s->level >> 4) == sl << 1) return 0;
        unsigned inc = ym_ref_eg_increment(stage_rate(ref, ch, op, stage_before, kc), ref->eg_counter);
        return (int)inc << (ssg_on ? 2 : 0);
    }
    /* Modes B and D hold the level up while keyed on: not switched off. */
    unsigned mode = reg_op(ref, ch, op, 0x90) & 0x0F;
    int hold_up = s->key && (mode == 0x0B || mode == 0x0D);
    if (s->stage != YM_REF_ATTACK && !hold_up && (ssg_on ? s->level >= 0x200 : (s->level & 0x3F0) == 0x3F0)) {
        s->stage = YM_REF_RELEASE;
        s->level = 0x3FF;
        return 0;
    }
    if (s->stage == YM_REF_ATTACK && s->level == 0) {
        s->stage = YM_REF_DECAY;
        return 0;
    }
    /* Decay ends when the level's bits 9..4 equal the sustain level << 1,
     * so within the first 16 steps of SL * 32 (the die's comparator,
     * Nuked-OPN2 by nukeykt). */
    if (s->stage == YM_REF_DECAY && (s->level >> 4) == sl << 1) {
        s->stage = YM_REF_SUSTAIN;
        return 0;
    }
    if (!ref->eg_this_sample) return 0;
    unsigned rate = stage_rate(ref, ch, op, s->stage, kc);
    unsigned inc = ym_ref_eg_increment(rate, ref->eg_counter);
    int level = s->level;
    if (s->stage == YM_REF_ATTACK) {
        /* the attack steps only while keyed on (the same transcription) */
        int step = rate < 62 && inc && s->key ? floor_shift(~level * (int)inc, 4) : 0;
        return level + step < 0 ? -level : step;
    }
    if (ssg_on ? level >= 0x200 : (level & 0x3F0) == 0x3F0) return 0;
    return (int)inc << (ssg_on ? 2 : 0); /* SSG-EG ramps run 4x */
}

/* The envelope's pass ends with its increment added. In a sample where CSM
 * keys channel 3 (timer A's reload, not a register 0x28 key-on), each of
 * its operators first has TL << 3 ORed into its level, whatever its key
 * and stage, and the increment worked out before the OR is added to that,
 * in the die's 10-bit level register (nukeykt's YM3438 die transcription,
 * Nuked-OPN2 ym3438.c: OPN2_KeyOn's eg_kon_csm, OPN2_EnvelopeADSR). */
static void envelope_update(YmRef *ref, unsigned ch, unsigned op, unsigned kc, unsigned stage_before, int restart)
{
    YmRefSlot *s = &ref->slot[ch][op];
    int step = envelope_step(ref, ch, op, kc, stage_before, restart);
    unsigned level = s->level;
    if (ch == 2 && ref->csm_key) level |= (reg_op(ref, ch, op, 0x40) & 0x7Fu) << 3;
    s->level = (uint16_t)(((int)level + step) & 0x3FF);
}

static unsigned envelope_output(const YmRef *ref, unsigned ch, unsigned op)
{
    const YmRefSlot *s = &ref->slot[ch][op];
    unsigned ssg = reg_op(ref, ch, op, 0x90) & 0x0F;
    unsigned level = s->level;
    /* Inverted only while the key latched at the slot's last pass is on,
     * whatever the stage (Nuked-OPN2, nukeykt's YM3438 die transcription). */
    if ((ssg & 8) && s->key && (s->ssg_invert ^ ((ssg >> 2) & 1))) level = (0x200 - level) & 0x3FF;
    /* Channel 3 in CSM mode (register 0x27 bits 7-6 = 10) leaves TL out:
     * its CSM key-ons put it into the level (envelope_update; Nuked-OPN2
     * ym3438.c, OPN2_EnvelopeGenerate). */
    if (!(ch == 2 && (ref->regs[0][0x27] & 0xC0) == 0x80)) level += (reg_op(ref, ch, op, 0x40) & 0x7F) << 3;
    if (reg_op(ref, ch, op, 0x60) & 0x80) level += ym_ref_lfo_am(ref, (reg_ch(ref, ch, 0xB4) >> 4) & 3);
    return level > 0x3FF ? 0x3FF : level;
}

static uint32_t phase_increment(const YmRef *ref, unsigned ch, unsigned op, unsigned fnum, unsigned block, unsigned kc)
{
    unsigned pms = reg_ch(ref, ch, 0xB4) & 7;
    unsigned f12 = ((fnum << 1) + (unsigned)ym_ref_lfo_pm(ref, pms, fnum)) & 0xFFF;
    unsigned base = (f12 << block) >> 2;
    unsigned dtmul = reg_op(ref, ch, op, 0x30);
    unsigned dt = (dtmul >> 4) & 7, mul = dtmul & 15;
    if (dt & 3) {
        unsigned delta = detune_table[(dt & 3) - 1][kc];
        base = (dt & 4) ? base - delta : base + delta;
    }
    base &= 0x1FFFF;
    return (mul ? base * mul : base >> 1) & 0xFFFFF;
}

/* Output of modulator `m` as operator `op` sees it at its cycle. */
static int modulator_output(const YmRef *ref, unsigned ch, unsigned op, unsigned m)
{
    const YmRefSlot *s = &ref->slot[ch][m];
    unsigned g = operator_group[op], gm = operator_group[m];
    if (gm < g && g - gm < 2) return s->out_before; /* this sample's is still in the pipeline */
    return s->out;
}

static int modulation(const YmRef *ref, unsigned ch, unsigned op, unsigned alg)
{
    /* Modulators of operator number - 1 per algorithm (bit n = operator n+1). */
    static const uint8_t modulators[8][4] = {
        { 0, 0x1, 0x2, 0x4 }, { 0, 0, 0x3, 0x4 }, { 0, 0, 0x2, 0x5 }, { 0, 0x1, 0, 0x6 },
        { 0, 0x1, 0, 0x4 },   { 0, 0x1, 0x1, 0x1 }, { 0, 0x1, 0, 0 },   { 0, 0, 0, 0 },
    };
    if (op == 0) {
        unsigned fb = (reg_ch(ref, ch, 0xB0) >> 3) & 7;
        const YmRefSlot *s = &ref->slot[ch][0];
        return fb ? floor_shift(s->out + s->out_before, 10 - fb) : 0;
    }
    int sum = 0;
    for (unsigned m = 0; m < 4; m++)
        if (modulators[alg][op] & (1u << m)) sum += modulator_output(ref, ch, op, m);
    return floor_shift(sum, 1);
}

static int is_carrier(unsigned alg, unsigned op)
{
    static const uint8_t carriers[8] = { 0x8, 0x8, 0x8, 0x8, 0xA, 0xE, 0xE, 0xF };
    return (carriers[alg] >> op) & 1;
}

/* The pipeline as the slot passes: the operator unit first works its
 * output from the phase and envelope level the PG and EG left at the
 * slot's previous pass (with this cycle's TL, AM and SSG-EG output
 * inversion); then the EG works the slot's key, SSG-EG and the envelope
 * step; the PG resets or advances the phase.
 * Keys: register 0x28's latch is taken for a whole channel at the end of
 * its operator 1 cycle (greyrogue, "Only update keyon events at the first
 * operator", MiSTer Genesis pull request 84): operators 3, 2 and 4 work it
 * in the same sample, operator 1 in the next. (jotego describes the key-on
 * register as two 12-stage loops instead, which would delay operator 3 as
 * well; the public descriptions do not settle it.) */
static void key_pickup(YmRef *ref, unsigned ch, unsigned op)
{
    if (op == 0) { /* the register moves on by a sample */
        ref->kon_before[ch] = ref->kon_taken[ch];
        ref->kon_before_valid[ch] = ref->kon_taken_valid[ch];
    }
    int late = op == 0;
    if (late ? ref->kon_before_valid[ch] : ref->kon_taken_valid[ch])
        ref->reg_key[ch][op] = (uint8_t)(((late ? ref->kon_before[ch] : ref->kon_taken[ch]) >> op) & 1);
}

void ym_ref_slot_cycle(YmRef *ref, unsigned ch, unsigned op)
{
    YmRefSlot *s = &ref->slot[ch][op];
    unsigned fnum, block;
    slot_frequency(ref, ch, op, &fnum, &block);
    unsigned kc = key_code(fnum, block);
    unsigned alg = reg_ch(ref, ch, 0xB0) & 7;

    int ssg_end = ssg_cycle_end(ref, ch, op);
    /* SSG-EG's phase reset needs only SSG-EG on, level bit 9 and mode
     * bits 1-0 clear, whatever the key or stage (Nuked-OPN2, nukeykt's
     * YM3438 die transcription: the phase-reset latch). */
    unsigned ssg_mode = reg_op(ref, ch, op, 0x90) & 0x0F;
    int ssg_phase_reset = (ssg_mode & 8) && (s->level & 0x200) && (ssg_mode & 3) == 0;
    ssg_flip(ref, ch, op);
    int mod = modulation(ref, ch, op, alg);
    int out = ym_ref_operator(ref, ((s->phase >> 10) + (unsigned)mod) & 0x3FF, envelope_output(ref, ch, op));
    s->out_before = s->out;
    s->out = (int16_t)out;
    if (is_carrier(alg, op)) {
        int acc = ref->accumulator[ch] + floor_shift(out, 5);
        ref->accumulator[ch] = (int16_t)(acc > 255 ? 255 : acc < -256 ? -256 : acc);
    }

    key_pickup(ref, ch, op);
    unsigned stage = s->stage;
    int restart = key_logic(ref, ch, op, kc, ssg_end);
    int reset = restart;
    reset |= ssg_logic(ref, ch, op, kc, ssg_end, &restart) | ssg_phase_reset;
    envelope_update(ref, ch, op, kc, stage, restart);
    s->phase = reset ? 0 : (s->phase + phase_increment(ref, ch, op, fnum, block, kc)) & 0xFFFFF;

    if (op == 0) {
        ref->kon_taken_valid[ch] = ref->kon_channel == ch;
        ref->kon_taken[ch] = ref->kon_operators;
    }
}
