/* z80_internal.h - shared by the z80/ sources only: register access, bus
 * access with T-state accounting, flag helpers and the ALU.
 *
 * Timing convention: every bus access happens with state.tstates at the start
 * of its machine cycle; the cycle's length is added right after it. Internal
 * (no bus) T-states are added where the Zilog timing diagrams place them.
 */
#ifndef MDEMU_Z80_INTERNAL_H
#define MDEMU_Z80_INTERNAL_H

#include <stddef.h>

#include "z80.h"

/* Byte halves of the 16-bit register pairs, accessed in place. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define Z80_HI 0
#define Z80_LO 1
#else
#define Z80_HI 1
#define Z80_LO 0
#endif

#define Z80_OFF_HI(field) ((uint8_t)(offsetof(Z80State, field) + Z80_HI))
#define Z80_OFF_LO(field) ((uint8_t)(offsetof(Z80State, field) + Z80_LO))
#define Z80_REG8(s, off) (((uint8_t *)(s))[off])

#define REG_A(s) Z80_REG8(s, Z80_OFF_HI(af))
#define REG_F(s) Z80_REG8(s, Z80_OFF_LO(af))
#define REG_B(s) Z80_REG8(s, Z80_OFF_HI(bc))
#define REG_C(s) Z80_REG8(s, Z80_OFF_LO(bc))
#define REG_D(s) Z80_REG8(s, Z80_OFF_HI(de))
#define REG_E(s) Z80_REG8(s, Z80_OFF_LO(de))
#define REG_H(s) Z80_REG8(s, Z80_OFF_HI(hl))
#define REG_L(s) Z80_REG8(s, Z80_OFF_LO(hl))

enum {
    FLAG_C = 0x01, FLAG_N = 0x02, FLAG_PV = 0x04, FLAG_X = 0x08,
    FLAG_H = 0x10, FLAG_Y = 0x20, FLAG_Z = 0x40, FLAG_S = 0x80,
    FLAG_XY = FLAG_X | FLAG_Y
};

/* Offsets of the 8-bit registers selected by opcode bits (B,C,D,E,H,L,-,A),
 * without prefix and with DD (IXH/IXL) or FD (IYH/IYL). */
extern const uint8_t z80_reg8_offset[3][8];

/* Flags the ALU sets: F and the Q latch (flags written by this instruction). */
static inline void z80_set_flags(Z80State *s, uint8_t f)
{
    REG_F(s) = f;
    s->q = f;
}

static inline uint8_t z80_flags_sz_xy(uint8_t v) { return (uint8_t)((v & (FLAG_S | FLAG_XY)) | (v ? 0 : FLAG_Z)); }
static inline uint8_t z80_flag_parity(uint8_t v) { return __builtin_parity(v) ? 0 : FLAG_PV; }
static inline uint8_t z80_flags_szp_xy(uint8_t v) { return (uint8_t)(z80_flags_sz_xy(v) | z80_flag_parity(v)); }

/* ---- bus ---------------------------------------------------------------- */

static inline uint8_t z80_read(Z80 *z, uint16_t addr)
{
    const uint8_t *page = z->bus.page_read[addr >> Z80_PAGE_SHIFT];
    if (page)
        return page[addr & ((1u << Z80_PAGE_SHIFT) - 1)];
    return z->bus.read(z->bus.ctx, addr);
}

static inline void z80_write(Z80 *z, uint16_t addr, uint8_t value)
{
    uint8_t *page = z->bus.page_write[addr >> Z80_PAGE_SHIFT];
    if (page)
        page[addr & ((1u << Z80_PAGE_SHIFT) - 1)] = value;
    else
        z->bus.write(z->bus.ctx, addr, value);
}

/* Memory read / write machine cycles of 3 T-states. */
static inline uint8_t z80_mem_read(Z80 *z, uint16_t addr)
{
    uint8_t v = z80_read(z, addr);
    z->state.tstates += 3;
    return v;
}

static inline void z80_mem_write(Z80 *z, uint16_t addr, uint8_t value)
{
    z80_write(z, addr, value);
    z->state.tstates += 3;
}

/* I/O machine cycles: 4 T-states (one automatic wait state). */
static inline uint8_t z80_io_in(Z80 *z, uint16_t port)
{
    uint8_t v = z->bus.in(z->bus.ctx, port);
    z->state.tstates += 4;
    return v;
}

static inline void z80_io_out(Z80 *z, uint16_t port, uint8_t value)
{
    z->bus.out(z->bus.ctx, port, value);
    z->state.tstates += 4;
}

static inline void z80_inc_r(Z80State *s) { s->r = (uint8_t)((s->r & 0x80) | ((s->r + 1) & 0x7F)); }

/* M1: opcode fetch, 4 T-states, refreshes (increments R). */
static inline uint8_t z80_fetch_opcode(Z80 *z)
{
    Z80State *s = &z->state;
    uint8_t op = z80_read(z, s->pc);
    s->pc++;
    z80_inc_r(s);
    s->tstates += 4;
    return op;
}

static inline uint8_t z80_fetch_byte(Z80 *z)
{
    uint8_t v = z80_mem_read(z, z->state.pc);
    z->state.pc++;
    return v;
}

static inline uint16_t z80_fetch_word(Z80 *z)
{
    uint8_t lo = z80_fetch_byte(z);
    return (uint16_t)(lo | (z80_fetch_byte(z) << 8));
}

static inline void z80_push(Z80 *z, uint16_t v)
{
    Z80State *s = &z->state;
    z80_mem_write(z, --s->sp, (uint8_t)(v >> 8));
    z80_mem_write(z, --s->sp, (uint8_t)v);
}

static inline uint16_t z80_pop(Z80 *z)
{
    Z80State *s = &z->state;
    uint8_t lo = z80_mem_read(z, s->sp++);
    return (uint16_t)(lo | (z80_mem_read(z, s->sp++) << 8));
}

/* ---- ALU ---------------------------------------------------------------- */

static inline void z80_add8(Z80State *s, uint8_t v, unsigned carry)
{
    unsigned a = REG_A(s), r = a + v + carry;
    uint8_t res = (uint8_t)r;
    z80_set_flags(s, (uint8_t)(z80_flags_sz_xy(res) | ((a ^ v ^ r) & FLAG_H) |
                               ((((a ^ ~v) & (a ^ r)) & 0x80) >> 5) | (r >> 8)));
    REG_A(s) = res;
}

static inline uint8_t z80_sub8_flags(Z80State *s, uint8_t v, unsigned carry, uint8_t *result)
{
    unsigned a = REG_A(s), r = a - v - carry;
    uint8_t res = (uint8_t)r;
    *result = res;
    return (uint8_t)((res & FLAG_S) | (res ? 0 : FLAG_Z) | ((a ^ v ^ r) & FLAG_H) |
                     ((((a ^ v) & (a ^ r)) & 0x80) >> 5) | FLAG_N | ((r >> 8) & FLAG_C));
}

static inline void z80_sub8(Z80State *s, uint8_t v, unsigned carry)
{
    uint8_t res;
    uint8_t f = z80_sub8_flags(s, v, carry, &res);
    z80_set_flags(s, (uint8_t)(f | (res & FLAG_XY)));
    REG_A(s) = res;
}

/* CP takes X/Y from the operand, not the result. */
static inline void z80_cp8(Z80State *s, uint8_t v)
{
    uint8_t res;
    uint8_t f = z80_sub8_flags(s, v, 0, &res);
    z80_set_flags(s, (uint8_t)(f | (v & FLAG_XY)));
}

/* ALU operation y of opcodes 80-BF / C6-FE: ADD ADC SUB SBC AND XOR OR CP. */
static inline void z80_alu(Z80State *s, unsigned y, uint8_t v)
{
    switch (y) {
    case 0: z80_add8(s, v, 0); break;
    case 1: z80_add8(s, v, REG_F(s) & FLAG_C); break;
    case 2: z80_sub8(s, v, 0); break;
    case 3: z80_sub8(s, v, REG_F(s) & FLAG_C); break;
    case 4: REG_A(s) &= v; z80_set_flags(s, (uint8_t)(z80_flags_szp_xy(REG_A(s)) | FLAG_H)); break;
    case 5: REG_A(s) ^= v; z80_set_flags(s, z80_flags_szp_xy(REG_A(s))); break;
    case 6: REG_A(s) |= v; z80_set_flags(s, z80_flags_szp_xy(REG_A(s))); break;
    default: z80_cp8(s, v); break;
    }
}

static inline uint8_t z80_inc8(Z80State *s, uint8_t v)
{
    uint8_t r = (uint8_t)(v + 1);
    z80_set_flags(s, (uint8_t)((REG_F(s) & FLAG_C) | z80_flags_sz_xy(r) | ((r & 0x0F) ? 0 : FLAG_H) |
                               (r == 0x80 ? FLAG_PV : 0)));
    return r;
}

static inline uint8_t z80_dec8(Z80State *s, uint8_t v)
{
    uint8_t r = (uint8_t)(v - 1);
    z80_set_flags(s, (uint8_t)((REG_F(s) & FLAG_C) | FLAG_N | z80_flags_sz_xy(r) |
                               ((r & 0x0F) == 0x0F ? FLAG_H : 0) | (r == 0x7F ? FLAG_PV : 0)));
    return r;
}

/* ADD HL/IX/IY,rr: S, Z and P/V kept; H from bit 11, X/Y from the high byte. */
static inline uint16_t z80_add16(Z80State *s, uint16_t a, uint16_t b)
{
    uint32_t r = (uint32_t)a + b;
    s->wz = (uint16_t)(a + 1);
    z80_set_flags(s, (uint8_t)((REG_F(s) & (FLAG_S | FLAG_Z | FLAG_PV)) | (((a ^ b ^ r) >> 8) & FLAG_H) |
                               ((r >> 8) & FLAG_XY) | (r >> 16)));
    return (uint16_t)r;
}

/* Condition y of JP/JR/CALL/RET cc: NZ Z NC C PO PE P M. */
static inline int z80_condition(uint8_t f, unsigned y)
{
    static const uint8_t mask[4] = {FLAG_Z, FLAG_C, FLAG_PV, FLAG_S};
    return ((f & mask[y >> 1]) != 0) == (int)(y & 1);
}

/* ---- entry points between the z80/ sources ------------------------------ */

/* Execute the opcode already fetched by an M1 cycle (also IM 0's data bus byte). */
void z80_exec_opcode(Z80 *z, uint8_t op);
/* After CB has been fetched (no index prefix). */
void z80_exec_cb(Z80 *z);
/* DD CB d op / FD CB d op: index register value given; DD/FD and CB fetched. */
void z80_exec_index_cb(Z80 *z, uint16_t index);
/* After ED has been fetched. */
void z80_exec_ed(Z80 *z);
/* Accept NMI or INT (caller checked one is due). */
void z80_accept_interrupt(Z80 *z);

#endif
