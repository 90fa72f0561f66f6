/* z80_exec_cb.c - CB-prefixed opcodes (rotates/shifts, BIT, RES, SET) and
 * their DD CB d op / FD CB d op forms.
 *
 * Undocumented parts: SLL (CB 30-37) shifts a 1 in; the indexed forms also
 * copy the result into register z when z != 6; BIT takes X/Y from the tested
 * value for registers and from MEMPTR's high byte for memory operands.
 */
#include "z80_internal.h"

/* Rotate/shift y of CB 00-3F: RLC RRC RL RR SLA SRA SLL SRL. */
static uint8_t rotate_shift(Z80State *s, unsigned y, uint8_t v)
{
    uint8_t r, c;
    switch (y) {
    case 0: c = v >> 7; r = (uint8_t)((v << 1) | c); break;
    case 1: c = v & 1; r = (uint8_t)((v >> 1) | (c << 7)); break;
    case 2: c = v >> 7; r = (uint8_t)((v << 1) | (REG_F(s) & FLAG_C)); break;
    case 3: c = v & 1; r = (uint8_t)((v >> 1) | ((REG_F(s) & FLAG_C) << 7)); break;
    case 4: c = v >> 7; r = (uint8_t)(v << 1); break;
    case 5: c = v & 1; r = (uint8_t)((v >> 1) | (v & 0x80)); break;
    case 6: c = v >> 7; r = (uint8_t)((v << 1) | 1); break;
    default: c = v & 1; r = (uint8_t)(v >> 1); break;
    }
    z80_set_flags(s, (uint8_t)(z80_flags_szp_xy(r) | c));
    return r;
}

static void bit_test(Z80State *s, unsigned bit, uint8_t v, uint8_t xy_source)
{
    uint8_t tested = (uint8_t)(v & (1u << bit));
    uint8_t f = (uint8_t)((REG_F(s) & FLAG_C) | FLAG_H | (xy_source & FLAG_XY));
    if (tested)
        f |= tested & FLAG_S;
    else
        f |= FLAG_Z | FLAG_PV;
    z80_set_flags(s, f);
}

/* Operation of CB opcode op on v (x = 0 rotate, 2 RES, 3 SET; BIT excluded). */
static uint8_t modify(Z80State *s, uint8_t op, uint8_t v)
{
    unsigned y = (op >> 3) & 7;
    switch (op >> 6) {
    case 0: return rotate_shift(s, y, v);
    case 2: return (uint8_t)(v & ~(1u << y));
    default: return (uint8_t)(v | (1u << y));
    }
}

void z80_exec_cb(Z80 *z)
{
    Z80State *s = &z->state;
    uint8_t op = z80_fetch_opcode(z);
    unsigned reg = op & 7;
    if (reg == 6) {
        uint8_t v = z80_read(z, s->hl);
        s->tstates += 4;
        if ((op >> 6) == 1) {
            bit_test(s, (op >> 3) & 7, v, (uint8_t)(s->wz >> 8));
            return;
        }
        z80_mem_write(z, s->hl, modify(s, op, v));
        return;
    }
    uint8_t *r = &Z80_REG8(s, z80_reg8_offset[0][reg]);
    if ((op >> 6) == 1)
        bit_test(s, (op >> 3) & 7, *r, *r);
    else
        *r = modify(s, op, *r);
}

void z80_exec_index_cb(Z80 *z, uint16_t index)
{
    Z80State *s = &z->state;
    int8_t d = (int8_t)z80_fetch_byte(z);
    /* The opcode byte is read as data (no refresh), with 2 internal T-states. */
    uint8_t op = z80_fetch_byte(z);
    s->tstates += 2;
    uint16_t addr = (uint16_t)(index + d);
    s->wz = addr;
    uint8_t v = z80_read(z, addr);
    s->tstates += 4;
    if ((op >> 6) == 1) {
        bit_test(s, (op >> 3) & 7, v, (uint8_t)(addr >> 8));
        return;
    }
    uint8_t result = modify(s, op, v);
    z80_mem_write(z, addr, result);
    if ((op & 7) != 6)
        Z80_REG8(s, z80_reg8_offset[0][op & 7]) = result;
}
