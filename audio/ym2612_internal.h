/* ym2612_internal.h - shared between the YM2612 source files only. */
#ifndef MDEMU_YM2612_INTERNAL_H
#define MDEMU_YM2612_INTERNAL_H

#include "ym2612.h"

/* For the few functions the sample loop needs specialised by constant
 * arguments (algorithm, operator), which compilers otherwise may not inline. */
#if defined(__GNUC__)
#define YM_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define YM_ALWAYS_INLINE inline
#endif

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

/* The registers of channel `ch`: index them with the channel-0 register
 * number (0x30.., 0xA0.., 0xB0..). */
static inline const uint8_t *ym_ch_regs(const Ym2612State *s, unsigned ch)
{
    return ch < 3 ? &s->regs[0][ch] : &s->regs[1][ch - 3];
}

/* Arithmetic right shift with defined behaviour for negative values. */
static inline int ym_asr(int v, unsigned shift) { return v >= 0 ? (v >> shift) : ~((~v) >> shift); }

/* Channel 3 special (per-operator frequency) mode and CSM, register 0x27 bits 7-6. */
static inline bool ym_ch3_special(const Ym2612State *s) { return (s->regs[0][0x27] & 0xC0) != 0; }
static inline bool ym_csm_mode(const Ym2612State *s) { return (s->regs[0][0x27] & 0xC0) == 0x80; }

/* From this level on (envelope + AM, 10-bit units) every phase gives
 * output 0: the attenuation reaches 13 octaves (0x340 << 2 = 13 * 256). */
#define YM_LEVEL_SILENT 0x340u

/* A level in exp_signed's units, clamped where it stops making a difference
 * (which keeps exp_signed small). */
static inline unsigned ym_level4(unsigned level) { return (level < YM_LEVEL_SILENT ? level : YM_LEVEL_SILENT) << 2; }

/* An operator's 14-bit output: the 10-bit phase (modulation added) looked
 * up in the log-sin ROM, plus the level, back through the exponent ROM
 * (OPx die analysis); the tables fold in the sign and the octave shift. */
static YM_ALWAYS_INLINE int ym_operator_output(const Ym2612 *ym, unsigned phase10, unsigned level4)
{
    return ym->exp_signed[ym->logsin_signed[phase10 & 0x3FF] + level4];
}

/* Modulation input from modulator outputs: their sum halved to phase units. */
static inline unsigned ym_modulation(int sum) { return (unsigned)ym_asr(sum, 1); }

/* One carrier added to the 9-bit channel accumulator: the 14-bit output
 * shifted right by 5 first, the sum clamped to -256..255 after each add
 * (OPN2 die analysis). */
static inline int ym_accumulate(int acc, int carrier)
{
    acc += ym_asr(carrier, 5);
    return acc > 255 ? 255 : acc < -256 ? -256 : acc;
}

/* The channel's 9-bit code: its carriers added in slot order OP1, OP3,
 * OP2, OP4, so an early clamp is not undone by a later carrier. */
static YM_ALWAYS_INLINE int ym_channel_code(unsigned alg, int out1, int out2, int out3, int out4)
{
    int acc = 0;
    if (alg == 7) acc = ym_accumulate(acc, out1);
    if (alg >= 5) acc = ym_accumulate(acc, out3);
    if (alg >= 4) acc = ym_accumulate(acc, out2);
    return ym_accumulate(acc, out4);
}

/* LFO AM: a triangle over the 128 LFO steps in envelope units (0..11.8 dB),
 * scaled per channel by AMS (YM2612 application manual). It starts at its
 * maximum, 126, and falls first (OPN2 die analysis), so a held LFO (counter
 * 0) attenuates AM operators by 126 >> the AMS shift (hardware-confirmed
 * with Spider-Man: Separation Anxiety). */
static inline unsigned ym_am_triangle(unsigned lfo_counter)
{
    return ((lfo_counter & 0x40) ? (lfo_counter & 0x3F) : ((lfo_counter & 0x3F) ^ 0x3F)) << 1;
}

/* With register 0x2B bit 7 set, channel 6's code is register 0x2A (offset
 * binary, bits 8-1) and register 0x2C bit 3 (bit 0, from the die's test
 * register). */
static inline bool ym_dac_enabled(const Ym2612State *s) { return (s->regs[0][0x2B] & 0x80) != 0; }
static inline int ym_dac_register_code(const Ym2612State *s)
{
    return ((int)s->regs[0][0x2A] - 128) * 2 + ((s->regs[0][0x2C] >> 3) & 1);
}

/* What one channel adds to a sample's output on the discrete YM2612, in DAC
 * steps. The chip sends each channel to its 9-bit DAC for one of its four
 * cycles in the 24 of a sample; the DAC puts negative codes one step lower
 * than positive ones (nukeykt's hardware test in the chip's PCM test mode,
 * Genesis-Plus-GX PR #179), and in the other three cycles, and all four
 * for a panned-off side, it outputs the channel's sign alone, +1 or -1:
 * the "ladder effect", which a muted channel makes audible whatever its TL
 * (Aly James' hardware recordings). After the board's low-pass what is
 * heard is the average over the cycles: with the code's own cycle scaled
 * to the code, code + 4 for a code >= 0, code - 3 below, and +-4 for a
 * panned-off side (YM3438 die analysis by nukeykt). `pan` is -1 when the
 * side is on, else 0. The YM3438 has no such gaps: its output is the code. */
static inline int ym_discrete_dac(int code, int pan)
{
    int negative = -(code < 0);
    int sign_cycles = 4 + (negative & -8);
    return (code & pan) + sign_cycles - (negative & pan);
}

/* ym2612_tables.c */
void ym_build_roms(uint16_t logsin[256], uint16_t exp_rom[256]);
void ym_build_lookup(Ym2612 *ym);
unsigned ym_detune(unsigned dt, unsigned keycode);
unsigned ym_eg_increment(unsigned rate, unsigned step);

/* ym2612_phase.c */
void ym_slot_frequency(const Ym2612State *s, unsigned ch, unsigned op, unsigned *fnum, unsigned *block);
unsigned ym_keycode(unsigned fnum, unsigned block);
uint32_t ym_phase_increment(const Ym2612State *s, unsigned ch, unsigned op);

/* ym2612_lfo.c */
void ym_lfo_step(Ym2612State *s);
/* Sample ends (0: this sample's) before the one at which ym_lfo_step moves
 * the LFO counter, UINT_MAX if none; and those ends run at once. */
unsigned ym_lfo_ends_to_move(const Ym2612State *s);
void ym_lfo_advance(Ym2612State *s, unsigned ends);
int ym_lfo_fnum_delta(const Ym2612State *s, unsigned pms, unsigned fnum);

/* ym2612_derived.c: bring the derived slot fields up to date after their
 * inputs changed (registers, key, envelope, LFO step). */
void ym_derive_slot(Ym2612State *s, unsigned ch, unsigned op);
void ym_derive_slot_register(Ym2612State *s, unsigned ch, unsigned op, unsigned base);
void ym_derive_channel(Ym2612State *s, unsigned ch);
void ym_derive_all(Ym2612State *s);
void ym_derive_lfo_pm(Ym2612State *s);

/* Register 0x28's key for channel `ch` not yet applied: the chip applies
 * the last write to its channel at every operator 1 turn of it, so each
 * operator latches it at its own turn (YM3438 die analysis). Applying it
 * again would change nothing, so once applied it is marked done (0xFF). */
static inline bool ym_kon_pending(const Ym2612State *s, unsigned ch) { return s->kon_channel == ch; }

/* The 12-bit envelope counter after `ticks` more envelope samples. It
 * never returns to 0: its carry out of bit 11 is added back in, so 0xFFF
 * is followed by 0x001 (YM3438 die analysis by nukeykt, noted in the
 * Genesis-Plus-GX PR #173 discussion as the counter "skipping value 0");
 * only the power-on value is 0. */
static inline unsigned ym_eg_counter_after(unsigned counter, unsigned ticks)
{
    if (ticks == 0) return counter;
    if (counter == 0) {
        counter = 1;
        ticks--;
    }
    unsigned after = counter + ticks;
    return after <= 0xFFFu ? after : (after - 1) % 0xFFFu + 1;
}

/* ym2612_envelope.c */
/* At channel `ch`'s operator 1 turn, after that operator's own: register
 * 0x28's key reaches the channel's operators. */
void ym_eg_apply_kon(Ym2612State *s, unsigned ch);
void ym_eg_sample_start(Ym2612State *s);
/* The starts of `count` samples at once: the first of them that is an
 * envelope sample (count if none) and its envelope counter. */
void ym_eg_start_samples(Ym2612State *s, unsigned count, unsigned *first_update, unsigned *first_counter);
void ym_eg_derive_rates(Ym2612State *s, unsigned ch, unsigned op);

/* After the envelope, its registers or the key changed: eg_level and
 * eg_idle_mask. */
void ym_eg_refresh(Ym2612State *s, unsigned ch, unsigned op);
/* After a TL write: only eg_level depends on it. */
void ym_eg_refresh_level(Ym2612State *s, unsigned ch, unsigned op);
/* One sample's envelope logic of an operator at its turn; `eg_check` is
 * the envelope counter with bit 12 set on envelope samples, else 0x2000.
 * Callers skip it while eg_idle_mask says it would change nothing. */
void ym_eg_step(Ym2612State *s, unsigned ch, unsigned op, unsigned eg_check);

/* ym2612_operator.c: slot turns first..end-1 of the current sample. */
void ym_process_slots(Ym2612 *ym, unsigned first, unsigned end);

/* ym2612_batch.c: `count` whole samples, none of them begun, no write
 * among them; their output as in ym2612_run (out may be NULL). */
void ym_run_whole_samples(Ym2612 *ym, unsigned count, int16_t *out);

/* ym2612_output.c: the end of a sample once all its turns are worked. */
void ym_finish_sample(Ym2612 *ym, int16_t *lr);

/* ym2612_timers.c */
void ym_timers_write_control(Ym2612State *s, uint8_t value);
void ym_timers_tick(Ym2612State *s);
/* Sample ends (0: this sample's) before the one at which ym_timers_tick
 * ends a CSM key or overflows a timer, UINT_MAX if none; and those ends
 * run at once. */
unsigned ym_timers_ends_to_event(const Ym2612State *s);
void ym_timers_advance(Ym2612State *s, unsigned ends);
/* A key input of an operator changed (register 0x28 applied, or CSM): its
 * turn latches it. */
void ym_key_update(Ym2612State *s, unsigned ch, unsigned op);

#endif
