/* m68k_ops_muldiv.c - MULU MULS DIVU DIVS CHK. Multiply takes 38+2n clocks
 * (n = ones in the multiplier for MULU, 01/10 pairs in multiplier<<1 for
 * MULS: MC68000 UM table 8-8). Divide time follows the hardware's
 * shift-and-subtract sequence: each quotient step costs according to the
 * carry and the partial remainder, as measured on real chips. */
#include "m68k_internal.h"

static uint32_t read_word_src(M68k *cpu, uint16_t op)
{
    Ea ea;
    m68k_ea_resolve(cpu, (op >> 3) & 7, op & 7, SZ_W, &ea);
    return m68k_ea_read(cpu, &ea, SZ_W);
}

void m68k_op_mulu(M68k *cpu, uint16_t op)
{
    uint32_t src = read_word_src(cpu, op);
    int dn = (op >> 9) & 7;
    prefetch_next(cpu);
    unsigned ones = 0;
    for (uint32_t v = src; v; v &= v - 1)
        ones++;
    idle(cpu, 34 + 2 * ones);
    uint32_t r = (cpu->state.d[dn] & 0xFFFF) * src;
    cpu->state.d[dn] = r;
    flags_logic(cpu, r, SZ_L);
}

void m68k_op_muls(M68k *cpu, uint16_t op)
{
    uint32_t src = read_word_src(cpu, op);
    int dn = (op >> 9) & 7;
    prefetch_next(cpu);
    unsigned pairs = 0;
    uint32_t m = (src << 1) & 0x1FFFF;
    for (int i = 0; i < 16; i++)
        pairs += ((m >> i) ^ (m >> (i + 1))) & 1;
    idle(cpu, 34 + 2 * pairs);
    uint32_t r = (uint32_t)(sext16(cpu->state.d[dn]) * sext16(src));
    cpu->state.d[dn] = r;
    flags_logic(cpu, r, SZ_L);
}

static void divide_by_zero(M68k *cpu)
{
    idle(cpu, 8);
    cpu->state.sr &= (uint16_t)~(SR_N | SR_Z | SR_V | SR_C);
    m68k_group12_exception(cpu, 5, cpu->state.pc - 2);
}

static unsigned divu_clocks(uint32_t dividend, uint32_t divisor)
{
    if ((dividend >> 16) >= divisor)
        return 10;
    unsigned steps = 38;
    uint32_t hdiv = divisor << 16;
    for (int i = 0; i < 15; i++) {
        int carry = (dividend & 0x80000000u) != 0;
        dividend <<= 1;
        if (carry) {
            dividend -= hdiv;
        } else if (dividend >= hdiv) {
            dividend -= hdiv;
            steps += 1;
        } else {
            steps += 2;
        }
    }
    return steps * 2;
}

static unsigned divs_clocks(int32_t dividend, int32_t divisor)
{
    unsigned steps = dividend < 0 ? 7 : 6;
    uint32_t adend = dividend < 0 ? 0u - (uint32_t)dividend : (uint32_t)dividend;
    uint32_t asor = divisor < 0 ? 0u - (uint32_t)divisor : (uint32_t)divisor;
    if ((adend >> 16) >= asor)
        return (steps + 2) * 2;
    uint32_t q = adend / asor;
    steps += 55;
    if (divisor >= 0)
        steps = dividend < 0 ? steps + 1 : steps - 1;
    for (int bit = 15; bit >= 1; bit--)
        if (!(q & (1u << bit)))
            steps++;
    return steps * 2;
}

void m68k_op_divu(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    uint32_t src = read_word_src(cpu, op);
    int dn = (op >> 9) & 7;
    if (!src) {
        divide_by_zero(cpu);
        return;
    }
    uint32_t dividend = s->d[dn];
    unsigned clocks = divu_clocks(dividend, src);
    idle(cpu, clocks - 4);
    prefetch_next(cpu);
    uint32_t q = dividend / src;
    uint16_t f = (uint16_t)(s->sr & (0xFF00u | SR_X));
    if (q > 0xFFFF) {
        s->sr = (uint16_t)(f | SR_V | SR_N);
        return;
    }
    uint32_t r = dividend % src;
    s->d[dn] = (r << 16) | q;
    if (q & 0x8000)
        f |= SR_N;
    if (!q)
        f |= SR_Z;
    s->sr = f;
}

void m68k_op_divs(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int32_t src = sext16(read_word_src(cpu, op));
    int dn = (op >> 9) & 7;
    if (!src) {
        divide_by_zero(cpu);
        return;
    }
    int32_t dividend = (int32_t)s->d[dn];
    unsigned clocks = divs_clocks(dividend, src);
    idle(cpu, clocks - 4);
    prefetch_next(cpu);
    uint16_t f = (uint16_t)(s->sr & (0xFF00u | SR_X));
    /* INT32_MIN / -1 overflows in C too: take it through 64 bits. */
    int64_t q = (int64_t)dividend / src;
    if (q < -32768 || q > 32767) {
        s->sr = (uint16_t)(f | SR_V | SR_N);
        return;
    }
    int32_t r = (int32_t)((int64_t)dividend % src);
    s->d[dn] = ((uint32_t)r << 16) | ((uint32_t)q & 0xFFFF);
    if (q & 0x8000)
        f |= SR_N;
    if (!q)
        f |= SR_Z;
    s->sr = f;
}

void m68k_op_chk(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int32_t bound = sext16(read_word_src(cpu, op));
    int32_t v = sext16(s->d[(op >> 9) & 7]);
    uint16_t f = (uint16_t)(s->sr & (0xFF00u | SR_X));
    /* Z, V and C end up cleared. */
    if (v < 0 || v > bound) {
        if (v < 0)
            f |= SR_N;
        s->sr = f;
        /* The hardware compares with a 16-bit subtraction first; a negative
         * value that passes that test costs two more clocks. */
        idle(cpu, (v < 0 && !((uint32_t)(bound - v) & 0x8000u)) ? 10 : 8);
        m68k_group12_exception(cpu, 6, s->pc - 2);
        return;
    }
    s->sr = f;
    idle(cpu, 6);
    prefetch_next(cpu);
}
