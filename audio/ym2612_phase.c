/* ym2612_phase.c - phase generator: F-number/block, key code, detune, multiple.
 *
 * The increment is (F-number << block) >> 1 as a 17-bit value (computed
 * from the F-number doubled, where LFO PM adds its offset), detune is
 * added (or subtracted) with 17-bit wrap-around, then MUL multiplies it
 * (MUL 0 halves it) into the 20-bit phase accumulator (YM2612 application
 * manual; die analysis of the OPN2 phase generator).
 */
#include "ym2612_internal.h"

/* Channel 3 in special mode gives operators 1..3 their own frequency:
 * operator 1 uses 0xA9/0xAD, operator 2 0xAA/0xAE, operator 3 0xA8/0xAC,
 * operator 4 the channel's own 0xA2/0xA6 (Sega Genesis technical manual). */
void ym_slot_frequency(const Ym2612State *s, unsigned ch, unsigned op, unsigned *fnum, unsigned *block)
{
    if (ch == 2 && op < 3 && ym_ch3_special(s)) {
        static const uint8_t special_index[3] = { 1, 2, 0 };
        unsigned i = special_index[op];
        *fnum = s->ch3_fnum[i];
        *block = s->ch3_block[i];
        return;
    }
    *fnum = s->channels[ch].fnum;
    *block = s->channels[ch].block;
}

/* Key code: block in bits 4-2, F-number bit 10 in bit 1, and bit 0 from
 * F-number bits 10..7 as the datasheet's N3 equation gives it. */
unsigned ym_keycode(unsigned fnum, unsigned block)
{
    unsigned f11 = (fnum >> 10) & 1, f10 = (fnum >> 9) & 1, f9 = (fnum >> 8) & 1, f8 = (fnum >> 7) & 1;
    unsigned n3 = f11 ? (f10 | f9 | f8) : (f10 & f9 & f8);
    return (block << 2) | (f11 << 1) | n3;
}

uint32_t ym_phase_increment(const Ym2612State *s, unsigned ch, unsigned op)
{
    unsigned fnum, block;
    ym_slot_frequency(s, ch, op, &fnum, &block);
    unsigned keycode = ym_keycode(fnum, block);

    unsigned pms = ym_ch_reg(s, ch, 0xB4) & 7;
    /* The PM adder is 12 bits wide (OPN2 die analysis): a high F-number
     * pushed past 0xFFF by vibrato wraps round to a low one. */
    int modulated = (int)(fnum << 1) + ym_lfo_fnum_delta(s, pms, fnum);
    uint32_t base = ((uint32_t)(modulated & 0xFFF) << block) >> 2;

    uint8_t dtmul = ym_op_reg(s, ch, op, 0x30);
    unsigned dt = (dtmul >> 4) & 7;
    unsigned detune = ym_detune(dt, keycode);
    base = (dt & 4) ? base - detune : base + detune;
    base &= 0x1FFFF;

    unsigned mul = dtmul & 15;
    uint32_t inc = mul ? base * mul : base >> 1;
    return inc & 0xFFFFF;
}
