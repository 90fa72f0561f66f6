/* m68k_ops_shift.c - ASL ASR LSL LSR ROXL ROXR ROL ROR on registers (6+2n /
 * 8+2n clocks) and on memory words (one bit, 8+ea clocks). */
#include "m68k_internal.h"

enum { SH_AS, SH_LS, SH_ROX, SH_RO };

/* ROXL/ROXR: X is part of a (size+1)-bit ring, taken a bit at a time. */
M68K_INLINE uint32_t rotate_extend(M68k *cpu, int left, uint32_t v, int sz, unsigned count)
{
    uint32_t mask = sz_mask(sz), msb = sz_msb(sz);
    uint16_t sr = cpu->state.sr;
    unsigned x = (sr & SR_X) ? 1u : 0u;
    v &= mask;
    for (unsigned i = 0; i < count; i++) {
        unsigned out = left ? ((v & msb) ? 1u : 0u) : (v & 1u);
        v = left ? (((v << 1) | x) & mask) : ((v >> 1) | (x ? msb : 0u));
        x = out;
    }
    /* C is the last bit out, which is X; with a zero count C takes X. */
    uint16_t f = (uint16_t)(sr & 0xFF00u);
    if (x)
        f |= SR_X | SR_C;
    if (v & msb)
        f |= SR_N;
    if (!v)
        f |= SR_Z;
    cpu->state.sr = f;
    return v;
}

/* AS/LS/RO by `count` (0..63) without a loop; sets the flags. X follows C
 * for the shifts (unchanged with a zero count) and is untouched by ROL/ROR;
 * ASL's V reports any change of the sign bit along the way. */
M68K_INLINE uint32_t shift(M68k *cpu, int type, int left, uint32_t v, int sz, unsigned count)
{
    if (type == SH_ROX)
        return rotate_extend(cpu, left, v, sz, count);
    uint32_t mask = sz_mask(sz), msb = sz_msb(sz);
    unsigned bits = 8u * sz_bytes(sz);
    uint16_t sr = cpu->state.sr;
    uint64_t w = v & mask;
    uint32_t res = (uint32_t)w;
    unsigned c = 0, overflow = 0;
    if (count) {
        if (type == SH_RO) {
            unsigned r = count % bits;
            if (left)
                res = (uint32_t)(((w << r) | (w >> (bits - r))) & mask);
            else
                res = (uint32_t)(((w >> r) | (w << (bits - r))) & mask);
            c = left ? (res & 1u) : ((res & msb) ? 1u : 0u);
        } else if (left) {
            if (count <= bits) {
                res = (uint32_t)((w << count) & mask);
                c = (unsigned)((w >> (bits - count)) & 1u);
            } else {
                res = 0;
            }
            if (type == SH_AS) {
                if (count >= bits) {
                    overflow = w != 0;
                } else {
                    uint64_t top = w >> (bits - 1 - count), ones = (1ull << (count + 1)) - 1;
                    overflow = top != 0 && top != ones;
                }
            }
        } else if (type == SH_LS) {
            if (count <= bits) {
                res = (uint32_t)(w >> count);
                c = (unsigned)((w >> (count - 1)) & 1u);
            } else {
                res = 0;
            }
        } else {
            int64_t sv = (w & msb) ? (int64_t)(w | ~(uint64_t)mask) : (int64_t)w;
            if (count >= bits) {
                res = sv < 0 ? mask : 0;
                c = sv < 0;
            } else {
                res = (uint32_t)((uint64_t)(sv >> count) & mask);
                c = (unsigned)((uint64_t)(sv >> (count - 1)) & 1u);
            }
        }
    }
    uint16_t f = (uint16_t)(sr & 0xFF00u);
    if (type == SH_RO || !count)
        f |= (uint16_t)(sr & SR_X);
    else if (c)
        f |= SR_X;
    if (c)
        f |= SR_C;
    if (overflow)
        f |= SR_V;
    if (res & msb)
        f |= SR_N;
    if (!res)
        f |= SR_Z;
    cpu->state.sr = f;
    return res;
}

M68K_INLINE void shift_reg_impl(M68k *cpu, uint16_t op, int sz)
{
    int reg = op & 7, type = (op >> 3) & 3, left = (op >> 8) & 1;
    unsigned count = (op >> 9) & 7;
    if (op & 0x20)
        count = cpu->state.d[count] & 63;
    else if (!count)
        count = 8;
    prefetch_next(cpu);
    idle(cpu, (sz == SZ_L ? 4u : 2u) + 2u * count);
    set_dreg(cpu, reg, sz, shift(cpu, type, left, cpu->state.d[reg], sz, count));
}

M68K_MSIZED3_HANDLERS(shift_reg, shift_reg_impl)

void m68k_op_shift_mem(M68k *cpu, uint16_t op)
{
    int type = (op >> 9) & 3, left = (op >> 8) & 1;
    Ea ea;
    m68k_ea_resolve(cpu, (op >> 3) & 7, op & 7, SZ_W, &ea);
    uint32_t v = m68k_ea_read(cpu, &ea, SZ_W);
    prefetch_next(cpu);
    m68k_ea_write(cpu, &ea, SZ_W, shift(cpu, type, left, v, SZ_W, 1));
}
