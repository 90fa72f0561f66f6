/* m68k_ops_shift.c - ASL ASR LSL LSR ROXL ROXR ROL ROR on registers (6+2n /
 * 8+2n clocks) and on memory words (one bit, 8+ea clocks). */
#include "m68k_internal.h"

enum { SH_AS, SH_LS, SH_ROX, SH_RO };

/* Shift `v` (size sz) by `count` bits; sets the flags, returns the result. */
M68K_INLINE uint32_t shift(M68k *cpu, int type, int left, uint32_t v, int sz, unsigned count)
{
    uint32_t mask = sz_mask(sz), msb = sz_msb(sz);
    uint16_t sr = cpu->state.sr;
    unsigned x = (sr & SR_X) ? 1u : 0u, c = 0, overflow = 0;
    v &= mask;
    for (unsigned i = 0; i < count; i++) {
        unsigned out;
        if (left) {
            out = (v & msb) ? 1u : 0u;
            uint32_t in = type == SH_ROX ? x : type == SH_RO ? out : 0u;
            uint32_t nv = ((v << 1) | in) & mask;
            if ((nv ^ v) & msb)
                overflow = 1;
            v = nv;
        } else {
            out = v & 1u;
            uint32_t in;
            switch (type) {
            case SH_AS: in = (v & msb) ? 1u : 0u; break;
            case SH_LS: in = 0; break;
            case SH_ROX: in = x; break;
            default: in = out; break;
            }
            v = (v >> 1) | (in ? msb : 0u);
        }
        c = out;
        if (type != SH_RO)
            x = out;
    }
    uint16_t f = (uint16_t)(sr & 0xFF00u);
    if (type == SH_ROX) {
        c = x; /* with a zero count C takes X */
        f |= (uint16_t)(x ? SR_X : 0);
    } else if (type == SH_RO) {
        f |= (uint16_t)(sr & SR_X);
    } else {
        f |= (uint16_t)(count ? (x ? SR_X : 0) : (sr & SR_X));
    }
    if (c)
        f |= SR_C;
    if (type == SH_AS && left && overflow)
        f |= SR_V;
    if (v & msb)
        f |= SR_N;
    if (!v)
        f |= SR_Z;
    cpu->state.sr = f;
    return v;
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

M68K_SIZED3_HANDLERS(shift_reg, shift_reg_impl)

void m68k_op_shift_mem(M68k *cpu, uint16_t op)
{
    int type = (op >> 9) & 3, left = (op >> 8) & 1;
    Ea ea;
    m68k_ea_resolve(cpu, (op >> 3) & 7, op & 7, SZ_W, &ea);
    uint32_t v = m68k_ea_read(cpu, &ea, SZ_W);
    prefetch_next(cpu);
    m68k_ea_write(cpu, &ea, SZ_W, shift(cpu, type, left, v, SZ_W, 1));
}
