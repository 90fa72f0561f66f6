/* m68k_ea.h - effective address resolution and operand access; index
 * extension words per MC68000 UM 2.2 (brief extension word format). */
#ifndef MDEMU_M68K_EA_H
#define MDEMU_M68K_EA_H

#include "m68k_bus_access.h"

enum { EA_DREG, EA_AREG, EA_MEM, EA_IMM };

typedef struct Ea {
    int kind;
    int reg;
    int program;   /* PC-relative: read in program space */
    uint32_t addr; /* EA_MEM: address; EA_IMM: the value */
} Ea;

static inline uint32_t index_value(M68k *cpu, uint16_t ext)
{
    int r = (ext >> 12) & 15;
    uint32_t x = r < 8 ? cpu->state.d[r] : cpu->state.a[r - 8];
    if (!(ext & 0x800))
        x = (uint32_t)sext16(x);
    return x + (uint32_t)sext8(ext);
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
        idle(cpu, 2); /* the index add precedes the extension fetch */
        uint16_t ext = next_ext(cpu);
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
        idle(cpu, 2); /* the index add precedes the extension fetch */
        uint16_t ext = next_ext(cpu);
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
        idle(cpu, 2); /* the index add precedes the extension fetch */
        uint16_t ext = next_ext(cpu);
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
        idle(cpu, 2); /* the index add precedes the extension fetch */
        uint16_t ext = next_ext(cpu);
        return base + index_value(cpu, ext);
    }
    }
}

/* Trap for an opcode with no valid meaning (vector 4). */
#endif
