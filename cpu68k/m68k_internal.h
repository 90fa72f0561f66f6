/* m68k_internal.h - shared helpers of the 68000 core: bus access with the
 * prefetch queue, flags, effective addresses. Not part of the public API. */
#ifndef MDEMU_M68K_INTERNAL_H
#define MDEMU_M68K_INTERNAL_H

#include <setjmp.h>

#include "m68k.h"

/* Helpers that must fold into their callers (sizes and kinds become constants). */
#if defined(__GNUC__)
#define M68K_INLINE static inline __attribute__((always_inline))
#else
#define M68K_INLINE static inline
#endif

#define SR_C 0x0001u
#define SR_V 0x0002u
#define SR_Z 0x0004u
#define SR_N 0x0008u
#define SR_X 0x0010u
#define SR_S 0x2000u
#define SR_T 0x8000u
#define SR_MASK 0xA71Fu /* implemented SR bits (T, S, I2..I0, CCR) */

/* Internal latches kept in state.scratch so that a save state holds them. */
#define FAULT_PC(cpu) ((cpu)->state.scratch[0])   /* PC a group 0 frame stacks */
#define IN_GROUP0(cpu) ((cpu)->state.scratch[1])  /* building a group 0 frame */
#define INSTR_START(cpu) ((cpu)->state.scratch[2])
#define NO_TRACE(cpu) ((cpu)->state.scratch[3])   /* the instruction trapped: no trace */

/* Access kinds for address errors: bit 4 of the frame's status word is R/W. */
enum { ACC_WRITE = 0, ACC_READ = 1 };
enum { FC_DATA = 1, FC_PROGRAM = 2 };

typedef void (*M68kOpFn)(M68k *cpu, uint16_t op);


/* One handler per operand size around an implementation taking the size. */
#define M68K_SIZED3_HANDLERS(name, impl) \
    void m68k_op_##name##_b(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_B); } \
    void m68k_op_##name##_w(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_W); } \
    void m68k_op_##name##_l(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_L); }
#define M68K_SIZED2_HANDLERS(name, impl) \
    void m68k_op_##name##_w(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_W); } \
    void m68k_op_##name##_l(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_L); }

/* m68k_exception.c */
_Noreturn void m68k_address_error(M68k *cpu, uint32_t addr, int read, int fc_space);
void m68k_group12_exception(M68k *cpu, int vector, uint32_t stacked_pc);
void m68k_set_sr(M68k *cpu, uint16_t sr);

/* ---------------------------------------------------------------- bus -- */

M68K_INLINE uint8_t bus_read8(M68k *cpu, uint32_t addr)
{
    addr &= 0xFFFFFFu;
    const uint8_t *page = cpu->bus.page_read[addr >> M68K_PAGE_SHIFT];
    uint8_t v = page ? page[addr & 0xFFFFu] : cpu->bus.read8(cpu->bus.ctx, addr);
    cpu->state.cycles += 4;
    return v;
}

M68K_INLINE uint16_t bus_read16(M68k *cpu, uint32_t addr)
{
    addr &= 0xFFFFFFu;
    const uint8_t *page = cpu->bus.page_read[addr >> M68K_PAGE_SHIFT];
    uint16_t v;
    if (page) {
        const uint8_t *p = page + (addr & 0xFFFFu);
        v = (uint16_t)((p[0] << 8) | p[1]);
    } else {
        v = cpu->bus.read16(cpu->bus.ctx, addr);
    }
    cpu->state.cycles += 4;
    return v;
}

M68K_INLINE void bus_write8(M68k *cpu, uint32_t addr, uint8_t v)
{
    addr &= 0xFFFFFFu;
    uint8_t *page = cpu->bus.page_write[addr >> M68K_PAGE_SHIFT];
    if (page)
        page[addr & 0xFFFFu] = v;
    else
        cpu->bus.write8(cpu->bus.ctx, addr, v);
    cpu->state.cycles += 4;
}

M68K_INLINE void bus_write16(M68k *cpu, uint32_t addr, uint16_t v)
{
    addr &= 0xFFFFFFu;
    uint8_t *page = cpu->bus.page_write[addr >> M68K_PAGE_SHIFT];
    if (page) {
        uint8_t *p = page + (addr & 0xFFFFu);
        p[0] = (uint8_t)(v >> 8);
        p[1] = (uint8_t)v;
    } else {
        cpu->bus.write16(cpu->bus.ctx, addr, v);
    }
    cpu->state.cycles += 4;
}

static inline void idle(M68k *cpu, unsigned clocks) { cpu->state.cycles += clocks; }

/* Checked data accesses: an odd word/long address raises an address error. */
static inline uint8_t rd8(M68k *cpu, uint32_t addr) { return bus_read8(cpu, addr); }

M68K_INLINE uint16_t rd16(M68k *cpu, uint32_t addr)
{
    if (addr & 1)
        m68k_address_error(cpu, addr, ACC_READ, FC_DATA);
    return bus_read16(cpu, addr);
}

M68K_INLINE uint16_t rd16_fc(M68k *cpu, uint32_t addr, int space)
{
    if (addr & 1)
        m68k_address_error(cpu, addr, ACC_READ, space);
    return bus_read16(cpu, addr);
}

M68K_INLINE uint32_t rd32_fc(M68k *cpu, uint32_t addr, int space)
{
    if (addr & 1)
        m68k_address_error(cpu, addr, ACC_READ, space);
    uint32_t hi = bus_read16(cpu, addr);
    return (hi << 16) | bus_read16(cpu, addr + 2);
}

M68K_INLINE uint32_t rd32(M68k *cpu, uint32_t addr)
{
    if (addr & 1)
        m68k_address_error(cpu, addr, ACC_READ, FC_DATA);
    uint32_t hi = bus_read16(cpu, addr);
    return (hi << 16) | bus_read16(cpu, addr + 2);
}

static inline void wr8(M68k *cpu, uint32_t addr, uint32_t v) { bus_write8(cpu, addr, (uint8_t)v); }

M68K_INLINE void wr16(M68k *cpu, uint32_t addr, uint32_t v)
{
    if (addr & 1)
        m68k_address_error(cpu, addr, ACC_WRITE, FC_DATA);
    bus_write16(cpu, addr, (uint16_t)v);
}

M68K_INLINE void wr32(M68k *cpu, uint32_t addr, uint32_t v)
{
    if (addr & 1)
        m68k_address_error(cpu, addr, ACC_WRITE, FC_DATA);
    bus_write16(cpu, addr, (uint16_t)(v >> 16));
    bus_write16(cpu, addr + 2, (uint16_t)v);
}

/* Long write that stores the low word first (-(An) destinations, pushes). */
M68K_INLINE void wr32_low_first(M68k *cpu, uint32_t addr, uint32_t v)
{
    if (addr & 1)
        m68k_address_error(cpu, addr + 2, ACC_WRITE, FC_DATA);
    bus_write16(cpu, addr + 2, (uint16_t)v);
    bus_write16(cpu, addr, (uint16_t)(v >> 16));
}

/* Program-space word fetch into the prefetch queue. */
M68K_INLINE uint16_t fetch_word(M68k *cpu, uint32_t addr)
{
    if (addr & 1)
        m68k_address_error(cpu, addr, ACC_READ, FC_PROGRAM);
    return bus_read16(cpu, addr);
}

/* Consume IRC as an extension word and refill it from PC. */
M68K_INLINE uint16_t next_ext(M68k *cpu)
{
    uint16_t w = cpu->state.irc;
    cpu->state.irc = fetch_word(cpu, cpu->state.pc);
    cpu->state.pc += 2;
    return w;
}

M68K_INLINE uint32_t next_ext32(M68k *cpu)
{
    uint32_t hi = next_ext(cpu);
    return (hi << 16) | next_ext(cpu);
}

/* The prefetch that ends every instruction: IRC moves to IR, IRC refills. */
M68K_INLINE void prefetch_next(M68k *cpu)
{
    cpu->state.ir = cpu->state.irc;
    cpu->state.irc = fetch_word(cpu, cpu->state.pc);
    cpu->state.pc += 2;
}

/* Refill the queue at a new address: IR and IRC from target, target+2. */
M68K_INLINE void m68k_jump(M68k *cpu, uint32_t target)
{
    M68kState *s = &cpu->state;
    s->ir = fetch_word(cpu, target);
    s->irc = fetch_word(cpu, target + 2);
    s->pc = target + 4;
}

/* --------------------------------------------------------------- sizes -- */
enum { SZ_B = 0, SZ_W = 1, SZ_L = 2 };

static inline uint32_t sz_mask(int sz) { return sz == SZ_B ? 0xFFu : sz == SZ_W ? 0xFFFFu : 0xFFFFFFFFu; }
static inline uint32_t sz_msb(int sz) { return sz == SZ_B ? 0x80u : sz == SZ_W ? 0x8000u : 0x80000000u; }
static inline unsigned sz_bytes(int sz) { return sz == SZ_B ? 1u : sz == SZ_W ? 2u : 4u; }

static inline int32_t sext8(uint32_t v) { return (int32_t)(int8_t)(uint8_t)v; }
static inline int32_t sext16(uint32_t v) { return (int32_t)(int16_t)(uint16_t)v; }
static inline uint32_t sext_sz(uint32_t v, int sz)
{
    return sz == SZ_B ? (uint32_t)sext8(v) : sz == SZ_W ? (uint32_t)sext16(v) : v;
}

/* Write a data register's low byte/word/long, keeping the rest. */
static inline void set_dreg(M68k *cpu, int r, int sz, uint32_t v)
{
    uint32_t m = sz_mask(sz);
    cpu->state.d[r] = (cpu->state.d[r] & ~m) | (v & m);
}

/* --------------------------------------------------------------- flags -- */
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

static inline int test_cc(uint16_t sr, int cc)
{
    int c = sr & 1, v = (sr >> 1) & 1, z = (sr >> 2) & 1, n = (sr >> 3) & 1;
    switch (cc & 15) {
    case 0: return 1;
    case 1: return 0;
    case 2: return !c && !z;      /* HI */
    case 3: return c || z;        /* LS */
    case 4: return !c;            /* CC */
    case 5: return c;             /* CS */
    case 6: return !z;            /* NE */
    case 7: return z;             /* EQ */
    case 8: return !v;            /* VC */
    case 9: return v;             /* VS */
    case 10: return !n;           /* PL */
    case 11: return n;            /* MI */
    case 12: return n == v;       /* GE */
    case 13: return n != v;       /* LT */
    case 14: return !z && n == v; /* GT */
    default: return z || n != v;  /* LE */
    }
}

/* ----------------------------------------------------- effective address -- */
enum { EA_DREG, EA_AREG, EA_MEM, EA_IMM };

typedef struct Ea {
    int kind;
    int reg;
    int program;   /* PC-relative: read in program space */
    uint32_t addr; /* EA_MEM: address; EA_IMM: the value */
} Ea;

/* Memory data read/write of a given size. */
static inline uint32_t rd_sz(M68k *cpu, uint32_t addr, int sz)
{
    return sz == SZ_B ? rd8(cpu, addr) : sz == SZ_W ? rd16(cpu, addr) : rd32(cpu, addr);
}
static inline void wr_sz(M68k *cpu, uint32_t addr, int sz, uint32_t v)
{
    if (sz == SZ_B)
        wr8(cpu, addr, v);
    else if (sz == SZ_W)
        wr16(cpu, addr, v);
    else
        wr32(cpu, addr, v);
}

static inline uint32_t index_value(M68k *cpu, uint16_t ext)
{
    int r = (ext >> 12) & 15;
    uint32_t x = r < 8 ? cpu->state.d[r] : cpu->state.a[r - 8];
    if (!(ext & 0x800))
        x = (uint32_t)sext16(x);
    return x + (uint32_t)sext8(ext);
}

static inline void push16(M68k *cpu, uint32_t v)
{
    cpu->state.a[7] -= 2;
    wr16(cpu, cpu->state.a[7], v);
}
static inline void push32(M68k *cpu, uint32_t v)
{
    cpu->state.a[7] -= 4;
    wr32(cpu, cpu->state.a[7], v);
}

/* Effective addresses (MC68000 UM table 8-1): -(An) and the index modes
 * cost 2 extra clocks; each extension word is one 4-clock program fetch.
 * m68k_ea_resolve fetches the extension words and does the (An)+/-(An)
 * update; m68k_ea_address gives a control address (LEA, PEA, MOVEM). */
M68K_INLINE void m68k_ea_resolve(M68k *cpu, int mode, int reg, int sz, Ea *ea)
{
    M68kState *s = &cpu->state;
    ea->reg = reg;
    ea->program = 0;
    ea->addr = 0;
    switch (mode) {
    case 0:
        ea->kind = EA_DREG;
        return;
    case 1:
        ea->kind = EA_AREG;
        return;
    case 2:
        ea->kind = EA_MEM;
        ea->addr = s->a[reg];
        return;
    case 3: {
        unsigned step = (sz == SZ_B && reg == 7) ? 2u : sz_bytes(sz);
        ea->kind = EA_MEM;
        ea->addr = s->a[reg];
        /* An odd long access faults before the increment lands. */
        if (sz != SZ_L || !(ea->addr & 1))
            s->a[reg] += step;
        return;
    }
    case 4: {
        unsigned step = (sz == SZ_B && reg == 7) ? 2u : sz_bytes(sz);
        idle(cpu, 2);
        /* The hardware's PC has moved on by one word when a byte/word
         * predecrement access faults (observed in group 0 frames). */
        if (sz != SZ_L)
            FAULT_PC(cpu) += 2;
        ea->kind = EA_MEM;
        s->a[reg] -= step;
        ea->addr = s->a[reg];
        return;
    }
    case 5:
        ea->kind = EA_MEM;
        ea->addr = s->a[reg] + (uint32_t)sext16(next_ext(cpu));
        return;
    case 6: {
        uint16_t ext = next_ext(cpu);
        idle(cpu, 2);
        ea->kind = EA_MEM;
        ea->addr = s->a[reg] + index_value(cpu, ext);
        return;
    }
    default:
        break;
    }
    switch (reg) {
    case 0:
        ea->kind = EA_MEM;
        ea->addr = (uint32_t)sext16(next_ext(cpu));
        FAULT_PC(cpu) += 2;
        return;
    case 1:
        ea->kind = EA_MEM;
        ea->addr = next_ext32(cpu);
        FAULT_PC(cpu) += 4;
        return;
    case 2: {
        uint32_t base = s->pc - 2; /* address of the extension word */
        ea->kind = EA_MEM;
        ea->program = 1;
        ea->addr = base + (uint32_t)sext16(next_ext(cpu));
        return;
    }
    case 3: {
        uint32_t base = s->pc - 2;
        uint16_t ext = next_ext(cpu);
        idle(cpu, 2);
        ea->kind = EA_MEM;
        ea->program = 1;
        ea->addr = base + index_value(cpu, ext);
        return;
    }
    default:
        ea->kind = EA_IMM;
        if (sz == SZ_L) {
            ea->addr = next_ext32(cpu);
            FAULT_PC(cpu) += 4;
        } else {
            ea->addr = next_ext(cpu) & sz_mask(sz);
            FAULT_PC(cpu) += 2;
        }
        return;
    }
}

M68K_INLINE uint32_t m68k_ea_read(M68k *cpu, const Ea *ea, int sz)
{
    switch (ea->kind) {
    case EA_DREG: return cpu->state.d[ea->reg] & sz_mask(sz);
    case EA_AREG: return cpu->state.a[ea->reg] & sz_mask(sz);
    case EA_IMM: return ea->addr;
    default: break;
    }
    if (sz == SZ_B)
        return rd8(cpu, ea->addr);
    int space = ea->program ? FC_PROGRAM : FC_DATA;
    return sz == SZ_W ? rd16_fc(cpu, ea->addr, space) : rd32_fc(cpu, ea->addr, space);
}

M68K_INLINE void m68k_ea_write(M68k *cpu, const Ea *ea, int sz, uint32_t v)
{
    switch (ea->kind) {
    case EA_DREG: set_dreg(cpu, ea->reg, sz, v); return;
    case EA_AREG: cpu->state.a[ea->reg] = v; return;
    case EA_MEM:
        /* Read-modify-write longs store the low word first. */
        if (sz == SZ_L)
            wr32_low_first(cpu, ea->addr, v);
        else
            wr_sz(cpu, ea->addr, sz, v);
        return;
    default: return;
    }
}

static inline uint32_t m68k_ea_address(M68k *cpu, int mode, int reg)
{
    M68kState *s = &cpu->state;
    switch (mode) {
    case 2: return s->a[reg];
    case 5: return s->a[reg] + (uint32_t)sext16(next_ext(cpu));
    case 6: {
        uint16_t ext = next_ext(cpu);
        idle(cpu, 2);
        return s->a[reg] + index_value(cpu, ext);
    }
    default: break;
    }
    switch (reg) {
    case 0: return (uint32_t)sext16(next_ext(cpu));
    case 1: return next_ext32(cpu);
    case 2: {
        uint32_t base = s->pc - 2;
        return base + (uint32_t)sext16(next_ext(cpu));
    }
    default: {
        uint32_t base = s->pc - 2;
        uint16_t ext = next_ext(cpu);
        idle(cpu, 2);
        return base + index_value(cpu, ext);
    }
    }
}

/* Trap for an opcode with no valid meaning (vector 4). */
void m68k_op_illegal(M68k *cpu, uint16_t op);
void m68k_privilege_violation(M68k *cpu);

#endif
