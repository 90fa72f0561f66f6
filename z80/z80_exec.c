/* z80_exec.c - the unprefixed and DD/FD-prefixed opcodes, and the run loop.
 *
 * Timings and machine-cycle layout follow the Zilog Z80 CPU User Manual
 * (UM0080) instruction tables. Undocumented behaviour (IXH/IXL, X/Y flags)
 * follows "The Undocumented Z80 Documented" (S. Young); MEMPTR follows the
 * published MEMPTR measurements ("memptr_eng", boo_boo & V. Kladov); Q (the
 * SCF/CCF X/Y source) follows P. Rak's measurements on NMOS parts.
 *
 * Prefix chains (DD/FD/DD...) execute as one step: the CPU accepts no
 * interrupt between a prefix and its opcode; each prefix costs one M1 (4 T,
 * one R increment) and only the last one selects IX or IY.
 */
#include "z80_internal.h"

#if defined(__GNUC__)
#define Z80_ALWAYS_INLINE __attribute__((always_inline)) inline
#define Z80_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define Z80_ALWAYS_INLINE inline
#define Z80_UNLIKELY(x) (x)
#endif

const uint8_t z80_reg8_offset[3][8] = {
    {Z80_OFF_HI(bc), Z80_OFF_LO(bc), Z80_OFF_HI(de), Z80_OFF_LO(de), Z80_OFF_HI(hl), Z80_OFF_LO(hl), 0,
     Z80_OFF_HI(af)},
    {Z80_OFF_HI(bc), Z80_OFF_LO(bc), Z80_OFF_HI(de), Z80_OFF_LO(de), Z80_OFF_HI(ix), Z80_OFF_LO(ix), 0,
     Z80_OFF_HI(af)},
    {Z80_OFF_HI(bc), Z80_OFF_LO(bc), Z80_OFF_HI(de), Z80_OFF_LO(de), Z80_OFF_HI(iy), Z80_OFF_LO(iy), 0,
     Z80_OFF_HI(af)},
};

/* (IX+d): fetch d, spend the internal T-states, set MEMPTR. */
static inline uint16_t index_address(Z80 *z, uint16_t base, unsigned internal)
{
    int8_t d = (int8_t)z80_fetch_byte(z);
    z->state.tstates += internal;
    z->state.wz = (uint16_t)(base + d);
    return z->state.wz;
}

static inline uint16_t *index_reg(Z80State *s, unsigned prefix)
{
    return prefix == 0 ? &s->hl : prefix == 1 ? &s->ix : &s->iy;
}

/* Register pair p of opcodes 01/03/09/0B (BC DE HL SP), HL replaced by IX/IY. */
static inline uint16_t *pair_sp(Z80State *s, unsigned p, uint16_t *xr)
{
    switch (p) {
    case 0: return &s->bc;
    case 1: return &s->de;
    case 2: return xr;
    default: return &s->sp;
    }
}

/* Register pair p of PUSH/POP (BC DE HL AF). */
static inline uint16_t *pair_af(Z80State *s, unsigned p, uint16_t *xr)
{
    switch (p) {
    case 0: return &s->bc;
    case 1: return &s->de;
    case 2: return xr;
    default: return &s->af;
    }
}

static void exec_rotate_a(Z80State *s, unsigned y)
{
    uint8_t a = REG_A(s), f = REG_F(s) & (FLAG_S | FLAG_Z | FLAG_PV), c;
    switch (y) {
    case 0: c = a >> 7; a = (uint8_t)((a << 1) | c); break;                 /* RLCA */
    case 1: c = a & 1; a = (uint8_t)((a >> 1) | (c << 7)); break;           /* RRCA */
    case 2: c = a >> 7; a = (uint8_t)((a << 1) | (REG_F(s) & FLAG_C)); break; /* RLA */
    default: c = a & 1; a = (uint8_t)((a >> 1) | ((REG_F(s) & FLAG_C) << 7)); break; /* RRA */
    }
    REG_A(s) = a;
    z80_set_flags(s, (uint8_t)(f | (a & FLAG_XY) | c));
}

/* DAA: correction from H, C and the nibbles; direction from N. */
static void exec_daa(Z80State *s)
{
    uint8_t a = REG_A(s), f = REG_F(s), corr = 0, carry = f & FLAG_C, half;
    if ((f & FLAG_H) || (a & 0x0F) > 9)
        corr |= 0x06;
    if (carry || a > 0x99) {
        corr |= 0x60;
        carry = FLAG_C;
    }
    if (f & FLAG_N) {
        half = ((f & FLAG_H) && (a & 0x0F) < 6) ? FLAG_H : 0;
        a = (uint8_t)(a - corr);
    } else {
        half = ((a & 0x0F) > 9) ? FLAG_H : 0;
        a = (uint8_t)(a + corr);
    }
    REG_A(s) = a;
    z80_set_flags(s, (uint8_t)(z80_flags_szp_xy(a) | carry | half | (f & FLAG_N)));
}

/* SCF/CCF: X/Y = (A | (F ^ Q)) as measured on NMOS Z80s (Q = flags written by
 * the previous instruction, 0 if it wrote none). */
static void exec_scf_ccf(Z80State *s, uint8_t prev_q, int complement)
{
    uint8_t f = REG_F(s);
    uint8_t xy = (uint8_t)((REG_A(s) | (f ^ prev_q)) & FLAG_XY);
    uint8_t nf = (uint8_t)((f & (FLAG_S | FLAG_Z | FLAG_PV)) | xy);
    if (complement)
        nf |= (f & FLAG_C) ? FLAG_H : FLAG_C;
    else
        nf |= FLAG_C;
    z80_set_flags(s, nf);
}

/* LD r,r' and HALT (opcodes 40-7F). With DD/FD, (HL) becomes (IX+d) and the
 * other operand stays the real H/L; otherwise H/L become IXH/IXL. */
static Z80_ALWAYS_INLINE void exec_ld_r_r(Z80 *z, uint8_t op, unsigned prefix, uint16_t *xr)
{
    Z80State *s = &z->state;
    unsigned dst = (op >> 3) & 7, src = op & 7;
    if (src == 6) {
        uint16_t addr = prefix ? index_address(z, *xr, 5) : s->hl;
        Z80_REG8(s, z80_reg8_offset[0][dst]) = z80_mem_read(z, addr);
    } else if (dst == 6) {
        uint16_t addr = prefix ? index_address(z, *xr, 5) : s->hl;
        z80_mem_write(z, addr, Z80_REG8(s, z80_reg8_offset[0][src]));
    } else {
        Z80_REG8(s, z80_reg8_offset[prefix][dst]) = Z80_REG8(s, z80_reg8_offset[prefix][src]);
    }
}

static Z80_ALWAYS_INLINE void exec_main(Z80 *z, uint8_t op, unsigned prefix, uint8_t prev_q)
{
    Z80State *s = &z->state;
    uint16_t *xr = index_reg(s, prefix);
    unsigned y = (op >> 3) & 7;

    if ((op & 0xC0) == 0x40) {
        if (op == 0x76) {
            s->halted = 1;
            return;
        }
        exec_ld_r_r(z, op, prefix, xr);
        return;
    }
    if ((op & 0xC0) == 0x80) {
        unsigned src = op & 7;
        uint8_t v;
        if (src == 6)
            v = z80_mem_read(z, prefix ? index_address(z, *xr, 5) : s->hl);
        else
            v = Z80_REG8(s, z80_reg8_offset[prefix][src]);
        z80_alu(s, y, v);
        return;
    }

    switch (op) {
    case 0x00: break;
    case 0x01: case 0x11: case 0x21: case 0x31:
        *pair_sp(s, op >> 4, xr) = z80_fetch_word(z);
        break;
    case 0x02: case 0x12: {
        uint16_t addr = op == 0x02 ? s->bc : s->de;
        z80_mem_write(z, addr, REG_A(s));
        s->wz = (uint16_t)(((addr + 1) & 0xFF) | (REG_A(s) << 8));
        break;
    }
    case 0x0A: case 0x1A: {
        uint16_t addr = op == 0x0A ? s->bc : s->de;
        REG_A(s) = z80_mem_read(z, addr);
        s->wz = (uint16_t)(addr + 1);
        break;
    }
    case 0x03: case 0x13: case 0x23: case 0x33:
        (*pair_sp(s, op >> 4, xr))++;
        s->tstates += 2;
        break;
    case 0x0B: case 0x1B: case 0x2B: case 0x3B:
        (*pair_sp(s, op >> 4, xr))--;
        s->tstates += 2;
        break;
    case 0x09: case 0x19: case 0x29: case 0x39:
        *xr = z80_add16(s, *xr, *pair_sp(s, op >> 4, xr));
        s->tstates += 7;
        break;
    case 0x04: case 0x0C: case 0x14: case 0x1C: case 0x24: case 0x2C: case 0x3C: {
        uint8_t *r = &Z80_REG8(s, z80_reg8_offset[prefix][y]);
        *r = z80_inc8(s, *r);
        break;
    }
    case 0x05: case 0x0D: case 0x15: case 0x1D: case 0x25: case 0x2D: case 0x3D: {
        uint8_t *r = &Z80_REG8(s, z80_reg8_offset[prefix][y]);
        *r = z80_dec8(s, *r);
        break;
    }
    case 0x34: case 0x35: {
        uint16_t addr = prefix ? index_address(z, *xr, 5) : s->hl;
        uint8_t v = z80_read(z, addr);
        s->tstates += 4;
        v = op == 0x34 ? z80_inc8(s, v) : z80_dec8(s, v);
        z80_mem_write(z, addr, v);
        break;
    }
    case 0x06: case 0x0E: case 0x16: case 0x1E: case 0x26: case 0x2E: case 0x3E:
        Z80_REG8(s, z80_reg8_offset[prefix][y]) = z80_fetch_byte(z);
        break;
    case 0x36:
        if (prefix) {
            uint16_t addr = index_address(z, *xr, 0);
            uint8_t v = z80_fetch_byte(z);
            s->tstates += 2;
            z80_mem_write(z, addr, v);
        } else {
            z80_mem_write(z, s->hl, z80_fetch_byte(z));
        }
        break;
    case 0x07: case 0x0F: case 0x17: case 0x1F:
        exec_rotate_a(s, y);
        break;
    case 0x08: {
        uint16_t t = s->af;
        s->af = s->af_;
        s->af_ = t;
        break;
    }
    case 0x10: {
        s->tstates += 1;
        int8_t d = (int8_t)z80_fetch_byte(z);
        if (--REG_B(s)) {
            s->tstates += 5;
            s->pc = (uint16_t)(s->pc + d);
            s->wz = s->pc;
        }
        break;
    }
    case 0x18: {
        int8_t d = (int8_t)z80_fetch_byte(z);
        s->tstates += 5;
        s->pc = (uint16_t)(s->pc + d);
        s->wz = s->pc;
        break;
    }
    case 0x20: case 0x28: case 0x30: case 0x38: {
        int8_t d = (int8_t)z80_fetch_byte(z);
        if (z80_condition(REG_F(s), y - 4)) {
            s->tstates += 5;
            s->pc = (uint16_t)(s->pc + d);
            s->wz = s->pc;
        }
        break;
    }
    case 0x22: {
        uint16_t addr = z80_fetch_word(z);
        z80_mem_write(z, addr, (uint8_t)*xr);
        z80_mem_write(z, (uint16_t)(addr + 1), (uint8_t)(*xr >> 8));
        s->wz = (uint16_t)(addr + 1);
        break;
    }
    case 0x2A: {
        uint16_t addr = z80_fetch_word(z);
        uint8_t lo = z80_mem_read(z, addr);
        *xr = (uint16_t)(lo | (z80_mem_read(z, (uint16_t)(addr + 1)) << 8));
        s->wz = (uint16_t)(addr + 1);
        break;
    }
    case 0x32: {
        uint16_t addr = z80_fetch_word(z);
        z80_mem_write(z, addr, REG_A(s));
        s->wz = (uint16_t)(((addr + 1) & 0xFF) | (REG_A(s) << 8));
        break;
    }
    case 0x3A: {
        uint16_t addr = z80_fetch_word(z);
        REG_A(s) = z80_mem_read(z, addr);
        s->wz = (uint16_t)(addr + 1);
        break;
    }
    case 0x27: exec_daa(s); break;
    case 0x2F:
        REG_A(s) = (uint8_t)~REG_A(s);
        z80_set_flags(s, (uint8_t)((REG_F(s) & (FLAG_S | FLAG_Z | FLAG_PV | FLAG_C)) | FLAG_H | FLAG_N |
                                   (REG_A(s) & FLAG_XY)));
        break;
    case 0x37: exec_scf_ccf(s, prev_q, 0); break;
    case 0x3F: exec_scf_ccf(s, prev_q, 1); break;

    case 0xC0: case 0xC8: case 0xD0: case 0xD8: case 0xE0: case 0xE8: case 0xF0: case 0xF8:
        s->tstates += 1;
        if (z80_condition(REG_F(s), y)) {
            s->pc = z80_pop(z);
            s->wz = s->pc;
        }
        break;
    case 0xC1: case 0xD1: case 0xE1: case 0xF1:
        *pair_af(s, (op >> 4) & 3, xr) = z80_pop(z);
        break;
    case 0xC5: case 0xD5: case 0xE5: case 0xF5:
        s->tstates += 1;
        z80_push(z, *pair_af(s, (op >> 4) & 3, xr));
        break;
    case 0xC2: case 0xCA: case 0xD2: case 0xDA: case 0xE2: case 0xEA: case 0xF2: case 0xFA:
        s->wz = z80_fetch_word(z);
        if (z80_condition(REG_F(s), y))
            s->pc = s->wz;
        break;
    case 0xC3:
        s->wz = z80_fetch_word(z);
        s->pc = s->wz;
        break;
    case 0xC4: case 0xCC: case 0xD4: case 0xDC: case 0xE4: case 0xEC: case 0xF4: case 0xFC:
        s->wz = z80_fetch_word(z);
        if (z80_condition(REG_F(s), y)) {
            s->tstates += 1;
            z80_push(z, s->pc);
            s->pc = s->wz;
        }
        break;
    case 0xCD:
        s->wz = z80_fetch_word(z);
        s->tstates += 1;
        z80_push(z, s->pc);
        s->pc = s->wz;
        break;
    case 0xC6: case 0xCE: case 0xD6: case 0xDE: case 0xE6: case 0xEE: case 0xF6: case 0xFE:
        z80_alu(s, y, z80_fetch_byte(z));
        break;
    case 0xC7: case 0xCF: case 0xD7: case 0xDF: case 0xE7: case 0xEF: case 0xF7: case 0xFF:
        s->tstates += 1;
        z80_push(z, s->pc);
        s->pc = op & 0x38;
        s->wz = s->pc;
        break;
    case 0xC9:
        s->pc = z80_pop(z);
        s->wz = s->pc;
        break;
    case 0xCB:
        if (prefix)
            z80_exec_index_cb(z, *xr);
        else
            z80_exec_cb(z);
        break;
    case 0xD3: {
        uint8_t n = z80_fetch_byte(z);
        z80_io_out(z, (uint16_t)(n | (REG_A(s) << 8)), REG_A(s));
        s->wz = (uint16_t)(((n + 1) & 0xFF) | (REG_A(s) << 8));
        break;
    }
    case 0xDB: {
        uint16_t port = (uint16_t)(z80_fetch_byte(z) | (REG_A(s) << 8));
        s->wz = (uint16_t)(port + 1);
        REG_A(s) = z80_io_in(z, port);
        break;
    }
    case 0xD9: {
        uint16_t t = s->bc; s->bc = s->bc_; s->bc_ = t;
        t = s->de; s->de = s->de_; s->de_ = t;
        t = s->hl; s->hl = s->hl_; s->hl_ = t;
        break;
    }
    case 0xE3: {
        uint8_t lo = z80_mem_read(z, s->sp);
        uint8_t hi = z80_read(z, (uint16_t)(s->sp + 1));
        s->tstates += 4;
        z80_mem_write(z, (uint16_t)(s->sp + 1), (uint8_t)(*xr >> 8));
        z80_write(z, s->sp, (uint8_t)*xr);
        s->tstates += 5;
        *xr = (uint16_t)(lo | (hi << 8));
        s->wz = *xr;
        break;
    }
    case 0xE9: s->pc = *xr; break;
    case 0xEB: {
        uint16_t t = s->de; s->de = s->hl; s->hl = t;
        break;
    }
    case 0xED: z80_exec_ed(z); break;
    case 0xF3: s->iff1 = s->iff2 = 0; break;
    case 0xFB: s->iff1 = s->iff2 = 1; s->ei = 1; break;
    case 0xF9: s->sp = *xr; s->tstates += 2; break;
    default: break; /* DD/FD are consumed by the prefix loop before reaching here */
    }
}

static Z80_ALWAYS_INLINE void exec_opcode(Z80 *z, uint8_t op)
{
    Z80State *s = &z->state;
    uint8_t prev_q = s->q;
    s->q = 0;
    s->p = 0;
    s->ei = 0;
    if (op == 0xDD || op == 0xFD) {
        unsigned prefix;
        do {
            prefix = op == 0xDD ? 1 : 2;
            op = z80_fetch_opcode(z);
        } while (op == 0xDD || op == 0xFD);
        if (op == 0xED)
            z80_exec_ed(z); /* the index prefix has no effect on ED opcodes */
        else
            exec_main(z, op, prefix, prev_q);
        return;
    }
    exec_main(z, op, 0, prev_q);
}

void z80_exec_opcode(Z80 *z, uint8_t op) { exec_opcode(z, op); }

/* ---- stepping ------------------------------------------------------------ */

/* The level seen at the end of the instruction that just ended: a change
 * no later than its last clock (tstates - 1) has been sampled. The change
 * clock is 32 bits: one implausibly far ahead is an old one that wrapped. */
static Z80_ALWAYS_INLINE void sample_int_line(Z80State *s)
{
    if (Z80_UNLIKELY(s->int_sampled != s->int_line)) {
        int32_t ahead = (int32_t)(s->scratch[0] - (uint32_t)(s->tstates - 1));
        if (ahead <= 0 || ahead >= (1 << 24))
            s->int_sampled = s->int_line;
    }
}

static Z80_ALWAYS_INLINE int interrupt_due(Z80State *s)
{
    sample_int_line(s);
    return s->nmi_pending || (s->int_sampled && s->iff1 && !s->ei);
}

static Z80_ALWAYS_INLINE void step_one(Z80 *z)
{
    Z80State *s = &z->state;
    if (Z80_UNLIKELY(interrupt_due(s))) {
        z80_accept_interrupt(z);
        return;
    }
    if (Z80_UNLIKELY(s->halted)) {
        /* HALT repeats internal NOP M1 cycles (refresh continues). */
        z80_inc_r(s);
        s->tstates += 4;
        return;
    }
    if (z->instr_hook)
        z->instr_hook(z->hook_ctx, z);
    exec_opcode(z, z80_fetch_opcode(z));
}

int z80_step(Z80 *z)
{
    uint64_t start = z->state.tstates;
    if (Z80_UNLIKELY(z->state.hung)) {
        z->state.tstates += 4;
        return 4;
    }
    step_one(z);
    return (int)(z->state.tstates - start);
}

uint64_t z80_run(Z80 *z, uint64_t until)
{
    Z80State *s = &z->state;
    z->run_until = until;
    while (s->tstates < z->run_until) {
        if (Z80_UNLIKELY(s->hung)) {
            /* Waiting on a bus cycle that never ends: only time passes. */
            s->tstates = z->run_until;
            break;
        }
        /* A halted CPU skips ahead unless a sampled /INT change is still to come. */
        if (Z80_UNLIKELY(s->halted) && !interrupt_due(s) && s->int_sampled == s->int_line) {
            /* Nothing can wake the CPU before the slice ends: skip the NOPs. */
            uint64_t cycles = (z->run_until - s->tstates + 3) / 4;
            s->r = (uint8_t)((s->r & 0x80) | ((s->r + cycles) & 0x7F));
            s->tstates += cycles * 4;
            break;
        }
        step_one(z);
    }
    return s->tstates;
}

void z80_end_run(Z80 *z) { z->run_until = z->state.tstates; }
