/* z80_exec_ed.c - ED-prefixed opcodes: 16-bit arithmetic, I/O through (C),
 * interrupt control, RRD/RLD and the block instructions. Undefined ED
 * opcodes are 8 T-state no-ops.
 *
 * Block instruction flags, including the undocumented X/Y of LDI/CPI and the
 * way a repeating LDIR/CPIR/INIR/OTIR leaves X/Y (= PC bits 13/11) and, for
 * I/O, H and P/V, follow the published NMOS Z80 measurements ("The
 * Undocumented Z80 Documented" and D. Banks' block instruction study).
 */
#include "z80_internal.h"

static uint16_t *ed_pair(Z80State *s, unsigned p)
{
    switch (p) {
    case 0: return &s->bc;
    case 1: return &s->de;
    case 2: return &s->hl;
    default: return &s->sp;
    }
}

static void adc_sbc_hl(Z80State *s, uint16_t v, int subtract)
{
    uint32_t hl = s->hl, c = REG_F(s) & FLAG_C;
    uint32_t r = subtract ? hl - v - c : hl + v + c;
    uint32_t overflow = subtract ? ((hl ^ v) & (hl ^ r)) : ((hl ^ ~(uint32_t)v) & (hl ^ r));
    uint8_t f = (uint8_t)(((r >> 8) & (FLAG_S | FLAG_XY)) | ((r & 0xFFFF) ? 0 : FLAG_Z) |
                          (((hl ^ v ^ r) >> 8) & FLAG_H) | ((overflow & 0x8000) >> 13) | ((r >> 16) & FLAG_C) |
                          (subtract ? FLAG_N : 0));
    s->wz = (uint16_t)(hl + 1);
    s->hl = (uint16_t)r;
    z80_set_flags(s, f);
}

static void rotate_digit(Z80 *z, int left)
{
    Z80State *s = &z->state;
    uint8_t v = z80_mem_read(z, s->hl), a = REG_A(s), nv;
    s->tstates += 4;
    if (left) {
        nv = (uint8_t)((v << 4) | (a & 0x0F));
        a = (uint8_t)((a & 0xF0) | (v >> 4));
    } else {
        nv = (uint8_t)((a << 4) | (v >> 4));
        a = (uint8_t)((a & 0xF0) | (v & 0x0F));
    }
    z80_mem_write(z, s->hl, nv);
    REG_A(s) = a;
    s->wz = (uint16_t)(s->hl + 1);
    z80_set_flags(s, (uint8_t)((REG_F(s) & FLAG_C) | z80_flags_szp_xy(a)));
}

/* A repeating block instruction steps PC back onto itself; X/Y then show PC
 * bits 13 and 11 and MEMPTR = PC + 1. */
static uint8_t repeat_block(Z80State *s, uint8_t f)
{
    s->tstates += 5;
    s->pc = (uint16_t)(s->pc - 2);
    s->wz = (uint16_t)(s->pc + 1);
    return (uint8_t)((f & ~FLAG_XY) | ((s->pc >> 8) & FLAG_XY));
}

static void block_ld(Z80 *z, int dir, int repeat)
{
    Z80State *s = &z->state;
    uint8_t v = z80_mem_read(z, s->hl);
    z80_write(z, s->de, v);
    s->tstates += 5;
    s->hl = (uint16_t)(s->hl + dir);
    s->de = (uint16_t)(s->de + dir);
    s->bc--;
    uint8_t n = (uint8_t)(v + REG_A(s));
    uint8_t f = (uint8_t)((REG_F(s) & (FLAG_S | FLAG_Z | FLAG_C)) | (s->bc ? FLAG_PV : 0) | (n & FLAG_X) |
                          ((n << 4) & FLAG_Y));
    if (repeat && s->bc)
        f = repeat_block(s, f);
    z80_set_flags(s, f);
}

static void block_cp(Z80 *z, int dir, int repeat)
{
    Z80State *s = &z->state;
    uint8_t v = z80_mem_read(z, s->hl);
    s->tstates += 5;
    uint8_t a = REG_A(s), r = (uint8_t)(a - v);
    uint8_t half = (uint8_t)((a ^ v ^ r) & FLAG_H);
    s->hl = (uint16_t)(s->hl + dir);
    s->wz = (uint16_t)(s->wz + dir);
    s->bc--;
    uint8_t n = (uint8_t)(r - (half ? 1 : 0));
    uint8_t f = (uint8_t)((REG_F(s) & FLAG_C) | FLAG_N | (r & FLAG_S) | (r ? 0 : FLAG_Z) | half |
                          (s->bc ? FLAG_PV : 0) | (n & FLAG_X) | ((n << 4) & FLAG_Y));
    if (repeat && s->bc && r)
        f = repeat_block(s, f);
    z80_set_flags(s, f);
}

/* Flags of INI/IND/OUTI/OUTD: value v moved, k = v + (C±1 or L). */
static uint8_t block_io_flags(Z80State *s, uint8_t v, unsigned k, int repeat)
{
    uint8_t b = REG_B(s);
    uint8_t f = (uint8_t)(z80_flags_sz_xy(b) | ((v & 0x80) ? FLAG_N : 0) | (k > 0xFF ? FLAG_H | FLAG_C : 0) |
                          z80_flag_parity((uint8_t)((k & 7) ^ b)));
    if (!(repeat && b))
        return f;
    f = repeat_block(s, f);
    /* While repeating, the B decrement of the next iteration leaks into H and P/V. */
    uint8_t pv = f & FLAG_PV;
    f &= (uint8_t)~(FLAG_H | FLAG_PV);
    if (k > 0xFF) {
        if (v & 0x80) {
            pv ^= (uint8_t)(z80_flag_parity((uint8_t)((b - 1) & 7)) ^ FLAG_PV);
            f |= (b & 0x0F) == 0x00 ? FLAG_H : 0;
        } else {
            pv ^= (uint8_t)(z80_flag_parity((uint8_t)((b + 1) & 7)) ^ FLAG_PV);
            f |= (b & 0x0F) == 0x0F ? FLAG_H : 0;
        }
    } else {
        pv ^= (uint8_t)(z80_flag_parity((uint8_t)(b & 7)) ^ FLAG_PV);
    }
    return (uint8_t)(f | pv);
}

static void block_in(Z80 *z, int dir, int repeat)
{
    Z80State *s = &z->state;
    s->tstates += 1;
    uint8_t v = z80_io_in(z, s->bc);
    s->wz = (uint16_t)(s->bc + dir);
    REG_B(s)--;
    z80_mem_write(z, s->hl, v);
    s->hl = (uint16_t)(s->hl + dir);
    unsigned k = (unsigned)v + (uint8_t)(REG_C(s) + dir);
    z80_set_flags(s, block_io_flags(s, v, k, repeat));
}

static void block_out(Z80 *z, int dir, int repeat)
{
    Z80State *s = &z->state;
    s->tstates += 1;
    uint8_t v = z80_mem_read(z, s->hl);
    REG_B(s)--;
    s->wz = (uint16_t)(s->bc + dir);
    z80_io_out(z, s->bc, v);
    s->hl = (uint16_t)(s->hl + dir);
    unsigned k = (unsigned)v + REG_L(s);
    z80_set_flags(s, block_io_flags(s, v, k, repeat));
}

static void exec_block(Z80 *z, uint8_t op)
{
    int dir = (op & 0x08) ? -1 : 1;
    int repeat = (op & 0x10) != 0;
    switch (op & 3) {
    case 0: block_ld(z, dir, repeat); break;
    case 1: block_cp(z, dir, repeat); break;
    case 2: block_in(z, dir, repeat); break;
    default: block_out(z, dir, repeat); break;
    }
}

static void exec_ed_misc(Z80 *z, unsigned y)
{
    Z80State *s = &z->state;
    switch (y) {
    case 0: s->tstates += 1; s->i = REG_A(s); break;
    case 1: s->tstates += 1; s->r = REG_A(s); break;
    case 2:
    case 3: {
        uint8_t a = y == 2 ? s->i : s->r;
        s->tstates += 1;
        REG_A(s) = a;
        z80_set_flags(s, (uint8_t)((REG_F(s) & FLAG_C) | z80_flags_sz_xy(a) | (s->iff2 ? FLAG_PV : 0)));
        s->p = 1;
        break;
    }
    case 4: rotate_digit(z, 0); break;
    case 5: rotate_digit(z, 1); break;
    default: break;
    }
}

void z80_exec_ed(Z80 *z)
{
    Z80State *s = &z->state;
    uint8_t op = z80_fetch_opcode(z);
    unsigned y = (op >> 3) & 7;

    if ((op & 0xC0) == 0x80) {
        if ((op & 0xE4) == 0xA0)
            exec_block(z, op);
        return;
    }
    if ((op & 0xC0) != 0x40)
        return;

    switch (op & 7) {
    case 0: { /* IN r,(C); ED 70 only sets flags */
        s->wz = (uint16_t)(s->bc + 1);
        uint8_t v = z80_io_in(z, s->bc);
        if (y != 6)
            Z80_REG8(s, z80_reg8_offset[0][y]) = v;
        z80_set_flags(s, (uint8_t)((REG_F(s) & FLAG_C) | z80_flags_szp_xy(v)));
        break;
    }
    case 1: /* OUT (C),r; ED 71 outputs 0 on NMOS parts */
        s->wz = (uint16_t)(s->bc + 1);
        z80_io_out(z, s->bc, y == 6 ? 0 : Z80_REG8(s, z80_reg8_offset[0][y]));
        break;
    case 2:
        s->tstates += 7;
        adc_sbc_hl(s, *ed_pair(s, y >> 1), !(y & 1));
        break;
    case 3: {
        uint16_t addr = z80_fetch_word(z);
        uint16_t *rr = ed_pair(s, y >> 1);
        if (y & 1) {
            uint8_t lo = z80_mem_read(z, addr);
            *rr = (uint16_t)(lo | (z80_mem_read(z, (uint16_t)(addr + 1)) << 8));
        } else {
            z80_mem_write(z, addr, (uint8_t)*rr);
            z80_mem_write(z, (uint16_t)(addr + 1), (uint8_t)(*rr >> 8));
        }
        s->wz = (uint16_t)(addr + 1);
        break;
    }
    case 4: { /* NEG */
        uint8_t v = REG_A(s);
        REG_A(s) = 0;
        z80_sub8(s, v, 0);
        break;
    }
    case 5: /* RETN / RETI (both restore IFF1 from IFF2) */
        s->iff1 = s->iff2;
        s->pc = z80_pop(z);
        s->wz = s->pc;
        break;
    case 6: {
        static const uint8_t mode[4] = {0, 0, 1, 2};
        s->im = mode[y & 3];
        break;
    }
    default: exec_ed_misc(z, y); break;
    }
}
