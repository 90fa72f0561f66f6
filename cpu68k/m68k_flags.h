/* m68k_flags.h - condition codes: the arithmetic and logic flag rules and
 * the 16 branch conditions (MC68000 UM section 3.6 and table 3-19). */
#ifndef MDEMU_M68K_FLAGS_H
#define MDEMU_M68K_FLAGS_H

#include "m68k_defs.h"

static inline void set_ccr(M68k *cpu, uint16_t ccr)
{
    cpu->state.sr = (uint16_t)((cpu->state.sr & 0xFF00u) | (ccr & 0x1Fu));
}

/* N and Z from a result, V and C cleared, X kept (logic ops, MOVE). */
static inline void flags_logic(M68k *cpu, uint32_t res, int sz)
{
    uint16_t f = (uint16_t)(cpu->state.sr & (0xFF00u | SR_X));
    if (!(res & sz_mask(sz)))
        f |= SR_Z;
    if (res & sz_msb(sz))
        f |= SR_N;
    cpu->state.sr = f;
}

/* dst + src (+ x): sets X N Z V C; with `extend`, Z is only cleared. */
static inline uint32_t alu_add(M68k *cpu, uint32_t dst, uint32_t src, int sz, int x, int extend)
{
    uint32_t m = sz_mask(sz), msb = sz_msb(sz);
    uint32_t res = (dst + src + (uint32_t)x) & m;
    uint16_t f = (uint16_t)(cpu->state.sr & 0xFF00u);
    uint32_t carries = (src & dst) | ((src | dst) & ~res);
    if (carries & msb)
        f |= SR_C | SR_X;
    if ((~(src ^ dst) & (src ^ res)) & msb)
        f |= SR_V;
    if (res & msb)
        f |= SR_N;
    if (extend)
        f |= (uint16_t)(res ? 0 : (cpu->state.sr & SR_Z));
    else if (!res)
        f |= SR_Z;
    cpu->state.sr = f;
    return res;
}

/* dst - src (- x): sets X N Z V C (with `set_x` false X is kept, for CMP). */
static inline uint32_t alu_sub(M68k *cpu, uint32_t dst, uint32_t src, int sz, int x, int extend, int set_x)
{
    uint32_t m = sz_mask(sz), msb = sz_msb(sz);
    uint32_t res = (dst - src - (uint32_t)x) & m;
    uint16_t f = (uint16_t)(cpu->state.sr & (set_x ? 0xFF00u : (0xFF00u | SR_X)));
    uint32_t borrows = (src & ~dst) | ((src | ~dst) & res);
    if (borrows & msb)
        f |= (uint16_t)(SR_C | (set_x ? SR_X : 0));
    if (((src ^ dst) & (dst ^ res)) & msb)
        f |= SR_V;
    if (res & msb)
        f |= SR_N;
    if (extend)
        f |= (uint16_t)(res ? 0 : (cpu->state.sr & SR_Z));
    else if (!res)
        f |= SR_Z;
    cpu->state.sr = f;
    return res;
}

/* Condition truth over the 16 combinations of N Z V C (CCR bits 3..0):
 * bit f of entry cc is set when condition cc holds with flags f.
 * T F HI LS CC CS NE EQ VC VS PL MI GE LT GT LE, per MC68000 UM table 3-19. */
static const uint16_t m68k_cc_table[16] = {
    0xFFFF, 0x0000, 0x0505, 0xFAFA, 0x5555, 0xAAAA, 0x0F0F, 0xF0F0,
    0x3333, 0xCCCC, 0x00FF, 0xFF00, 0xCC33, 0x33CC, 0x0C03, 0xF3FC,
};

static inline int test_cc(uint16_t sr, int cc) { return (m68k_cc_table[cc & 15] >> (sr & 15)) & 1; }

#endif
