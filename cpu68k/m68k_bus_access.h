/* m68k_bus_access.h - the core's view of the bus: timed reads and writes
 * (4 clocks each, page table first, callbacks otherwise), the odd-address
 * checks that raise address errors, and the two-word prefetch queue. */
#ifndef MDEMU_M68K_BUS_ACCESS_H
#define MDEMU_M68K_BUS_ACCESS_H

#include "m68k_defs.h"

void m68k_refresh_access(M68k *cpu, unsigned tag);

/* Before an access: a refresh of the memory at addr may hold the bus
 * (m68k.h, M68kRefreshTiming). Until its window opens this is one compare. */
M68K_INLINE void refresh_check(M68k *cpu, uint32_t addr)
{
    unsigned tag = cpu->bus.page_refresh[addr >> M68K_PAGE_SHIFT];
    if (M68K_UNLIKELY(cpu->state.cycles >= cpu->state.refresh_window_opens[tag]))
        m68k_refresh_access(cpu, tag);
}

M68K_INLINE uint8_t bus_read8(M68k *cpu, uint32_t addr)
{
    addr &= 0xFFFFFFu;
    refresh_check(cpu, addr);
    LAST_BUS_CLOCK(cpu) = (uint32_t)cpu->state.cycles;
    const uint8_t *page = cpu->bus.page_read[addr >> M68K_PAGE_SHIFT];
    uint8_t v = page ? page[addr & 0xFFFFu] : cpu->bus.read8(cpu->bus.ctx, addr);
    cpu->state.cycles += 4;
    return v;
}

M68K_INLINE uint16_t bus_read16(M68k *cpu, uint32_t addr)
{
    addr &= 0xFFFFFFu;
    refresh_check(cpu, addr);
    LAST_BUS_CLOCK(cpu) = (uint32_t)cpu->state.cycles;
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
    refresh_check(cpu, addr);
    LAST_BUS_CLOCK(cpu) = (uint32_t)cpu->state.cycles;
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
    refresh_check(cpu, addr);
    LAST_BUS_CLOCK(cpu) = (uint32_t)cpu->state.cycles;
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

/* The write half of TAS's read-modify-write cycle, through the bus's
 * rmw_write8 (set by the caller) whatever the page table says. */
static inline void bus_rmw_write8(M68k *cpu, uint32_t addr, uint8_t v)
{
    addr &= 0xFFFFFFu;
    refresh_check(cpu, addr);
    LAST_BUS_CLOCK(cpu) = (uint32_t)cpu->state.cycles;
    cpu->bus.rmw_write8(cpu->bus.ctx, addr, v);
    cpu->state.cycles += 4;
}

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

#endif
