/* m68k_ops_bit.c - single-bit operations (BTST BCHG BCLR BSET), TAS, and the
 * BCD arithmetic ABCD SBCD NBCD including the undocumented N and V results. */
#include "m68k_internal.h"

enum { BIT_TST, BIT_CHG, BIT_CLR, BIT_SET };

static void bit_op(M68k *cpu, uint16_t op, uint32_t bit)
{
    int kind = (op >> 6) & 3, mode = (op >> 3) & 7, reg = op & 7;
    M68kState *s = &cpu->state;
    if (mode == 0) {
        bit &= 31;
        uint32_t m = 1u << bit, v = s->d[reg];
        prefetch_next(cpu);
        switch (kind) {
        case BIT_TST: idle(cpu, 2); break;
        case BIT_CLR: idle(cpu, bit < 16 ? 4 : 6); break;
        default: idle(cpu, bit < 16 ? 2 : 4); break;
        }
        s->sr = (uint16_t)((s->sr & ~SR_Z) | ((v & m) ? 0 : SR_Z));
        if (kind == BIT_CHG)
            s->d[reg] = v ^ m;
        else if (kind == BIT_CLR)
            s->d[reg] = v & ~m;
        else if (kind == BIT_SET)
            s->d[reg] = v | m;
        return;
    }
    uint32_t m = 1u << (bit & 7);
    Ea ea;
    m68k_ea_resolve(cpu, mode, reg, SZ_B, &ea);
    uint32_t v = m68k_ea_read(cpu, &ea, SZ_B);
    prefetch_next(cpu);
    if (ea.kind == EA_IMM)
        idle(cpu, 2);
    s->sr = (uint16_t)((s->sr & ~SR_Z) | ((v & m) ? 0 : SR_Z));
    if (kind == BIT_TST)
        return;
    v = kind == BIT_CHG ? v ^ m : kind == BIT_CLR ? v & ~m : v | m;
    m68k_ea_write(cpu, &ea, SZ_B, v);
}

void m68k_op_bitop_dyn(M68k *cpu, uint16_t op) { bit_op(cpu, op, cpu->state.d[(op >> 9) & 7]); }

void m68k_op_bitop_imm(M68k *cpu, uint16_t op)
{
    uint32_t bit = next_ext(cpu) & 0xFF;
    FAULT_PC(cpu) += 2;
    bit_op(cpu, op, bit);
}

void m68k_op_tas(M68k *cpu, uint16_t op)
{
    int mode = (op >> 3) & 7;
    if (mode == 0) {
        prefetch_next(cpu);
        uint32_t v = cpu->state.d[op & 7] & 0xFF;
        flags_logic(cpu, v, SZ_B);
        set_dreg(cpu, op & 7, SZ_B, v | 0x80);
        return;
    }
    Ea ea;
    m68k_ea_resolve(cpu, mode, op & 7, SZ_B, &ea);
    uint32_t v = m68k_ea_read(cpu, &ea, SZ_B);
    flags_logic(cpu, v, SZ_B);
    idle(cpu, 2);
    if (cpu->bus.rmw_write8)
        bus_rmw_write8(cpu, ea.addr, (uint8_t)(v | 0x80));
    else
        m68k_ea_write(cpu, &ea, SZ_B, v | 0x80);
    prefetch_next(cpu);
}

/* Decimal add of two bytes plus X. The corrections are applied to the
 * binary sum; V reports the sign bit flipping through the correction. */
static uint32_t bcd_add(M68k *cpu, uint32_t dst, uint32_t src)
{
    M68kState *s = &cpu->state;
    uint32_t x = (s->sr & SR_X) ? 1u : 0u;
    uint32_t bin = dst + src + x;
    uint32_t res = bin;
    if (((dst & 15) + (src & 15) + x) > 9)
        res += 6;
    int carry = bin > 0x99;
    if (carry)
        res += 0x60;
    uint16_t f = (uint16_t)(s->sr & (0xFF00u | SR_Z));
    if (carry)
        f |= SR_C | SR_X;
    if (res & 0xFF)
        f &= (uint16_t)~SR_Z;
    if (res & 0x80)
        f |= SR_N;
    if (!(bin & 0x80) && (res & 0x80))
        f |= SR_V;
    s->sr = f;
    return res & 0xFF;
}

static uint32_t bcd_sub(M68k *cpu, uint32_t dst, uint32_t src)
{
    M68kState *s = &cpu->state;
    uint32_t x = (s->sr & SR_X) ? 1u : 0u;
    uint32_t bin = (dst - src - x) & 0x1FF;
    uint32_t res = bin;
    int low_borrow = (int)(dst & 15) - (int)(src & 15) - (int)x < 0;
    int carry = (bin & 0x100) != 0;
    if (low_borrow)
        res -= 6;
    if (carry)
        res -= 0x60;
    res &= 0x1FF;
    if (res & 0x100)
        carry = 1;
    uint16_t f = (uint16_t)(s->sr & (0xFF00u | SR_Z));
    if (carry)
        f |= SR_C | SR_X;
    if (res & 0xFF)
        f &= (uint16_t)~SR_Z;
    if (res & 0x80)
        f |= SR_N;
    if ((bin & 0x80) && !(res & 0x80))
        f |= SR_V;
    s->sr = f;
    return res & 0xFF;
}

static void bcd_op(M68k *cpu, uint16_t op, int is_sub)
{
    M68kState *s = &cpu->state;
    int rx = (op >> 9) & 7, ry = op & 7;
    if (!(op & 8)) {
        prefetch_next(cpu);
        idle(cpu, 2);
        uint32_t d = s->d[rx] & 0xFF, v = s->d[ry] & 0xFF;
        set_dreg(cpu, rx, SZ_B, is_sub ? bcd_sub(cpu, d, v) : bcd_add(cpu, d, v));
        return;
    }
    idle(cpu, 2);
    s->a[ry] -= ry == 7 ? 2u : 1u;
    uint32_t v = rd8(cpu, s->a[ry]);
    s->a[rx] -= rx == 7 ? 2u : 1u;
    uint32_t d = rd8(cpu, s->a[rx]);
    uint32_t r = is_sub ? bcd_sub(cpu, d, v) : bcd_add(cpu, d, v);
    prefetch_next(cpu);
    wr8(cpu, s->a[rx], r);
}

void m68k_op_abcd(M68k *cpu, uint16_t op) { bcd_op(cpu, op, 0); }
void m68k_op_sbcd(M68k *cpu, uint16_t op) { bcd_op(cpu, op, 1); }

void m68k_op_nbcd(M68k *cpu, uint16_t op)
{
    int mode = (op >> 3) & 7;
    if (mode == 0) {
        prefetch_next(cpu);
        idle(cpu, 2);
        set_dreg(cpu, op & 7, SZ_B, bcd_sub(cpu, 0, cpu->state.d[op & 7] & 0xFF));
        return;
    }
    Ea ea;
    m68k_ea_resolve(cpu, mode, op & 7, SZ_B, &ea);
    uint32_t v = m68k_ea_read(cpu, &ea, SZ_B);
    prefetch_next(cpu);
    m68k_ea_write(cpu, &ea, SZ_B, bcd_sub(cpu, 0, v));
}
