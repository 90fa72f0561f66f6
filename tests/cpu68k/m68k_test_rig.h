/* m68k_test_rig.h - a flat 16 MiB RAM machine for the cpu68k unit tests,
 * reachable either through callbacks or through the page table. */
#ifndef MDEMU_M68K_TEST_RIG_H
#define MDEMU_M68K_TEST_RIG_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "m68k.h"

typedef struct TestRig {
    uint8_t *ram;          /* 16 MiB */
    unsigned callback_reads, callback_writes;
    int ack_vector;        /* what int_ack answers */
    int last_ack_level;
    unsigned reset_out_calls;
    uint64_t first_write_clock; /* m68k_cycles() at the first callback write */
    int saw_write;
    M68k *cpu;
    uint32_t wait_states;  /* added by every callback access */
    uint32_t end_run_addr; /* a write here ends the run slice */
    uint32_t ipl_on_write_addr; /* a write here raises the IPL pins ... */
    int ipl_on_write_level;     /* ... to this level */
} TestRig;

static inline uint8_t rig_read8(void *ctx, uint32_t addr)
{
    TestRig *r = ctx;
    r->callback_reads++;
    if (r->wait_states)
        m68k_add_cycles(r->cpu, r->wait_states);
    return r->ram[addr & 0xFFFFFF];
}
static inline uint16_t rig_read16(void *ctx, uint32_t addr)
{
    TestRig *r = ctx;
    r->callback_reads++;
    if (r->wait_states)
        m68k_add_cycles(r->cpu, r->wait_states);
    addr &= 0xFFFFFF;
    return (uint16_t)((r->ram[addr] << 8) | r->ram[addr + 1]);
}
static inline void rig_note_write(TestRig *r, uint32_t addr)
{
    r->callback_writes++;
    if (!r->saw_write) {
        r->saw_write = 1;
        r->first_write_clock = m68k_cycles(r->cpu);
    }
    if (r->wait_states)
        m68k_add_cycles(r->cpu, r->wait_states);
    if (r->end_run_addr && addr == r->end_run_addr)
        m68k_end_run(r->cpu);
    if (r->ipl_on_write_addr && addr == r->ipl_on_write_addr)
        m68k_set_ipl(r->cpu, r->ipl_on_write_level);
}
static inline void rig_write8(void *ctx, uint32_t addr, uint8_t v)
{
    TestRig *r = ctx;
    rig_note_write(r, addr);
    r->ram[addr & 0xFFFFFF] = v;
}
static inline void rig_write16(void *ctx, uint32_t addr, uint16_t v)
{
    TestRig *r = ctx;
    rig_note_write(r, addr);
    addr &= 0xFFFFFF;
    r->ram[addr] = (uint8_t)(v >> 8);
    r->ram[addr + 1] = (uint8_t)v;
}
static inline int rig_int_ack(void *ctx, int level)
{
    TestRig *r = ctx;
    r->last_ack_level = level;
    return r->ack_vector;
}
static inline void rig_reset_out(void *ctx)
{
    TestRig *r = ctx;
    r->reset_out_calls++;
}

/* A CPU on a fresh RAM rig (callbacks only unless map_pages). */
static inline void rig_init(TestRig *r, M68k *cpu, int map_pages)
{
    memset(r, 0, sizeof *r);
    r->ram = calloc(1u << 24, 1);
    r->cpu = cpu;
    r->ack_vector = M68K_INT_ACK_AUTOVECTOR;
    M68kBus bus = {.ctx = r, .read8 = rig_read8, .read16 = rig_read16, .write8 = rig_write8,
                   .write16 = rig_write16, .int_ack = rig_int_ack, .reset_out = rig_reset_out};
    m68k_init(cpu, &bus);
    if (map_pages)
        m68k_map_pages(cpu, 0, M68K_PAGE_COUNT, r->ram, r->ram, 0);
}
static inline void rig_free(TestRig *r) { free(r->ram); }

static inline void rig_w16(TestRig *r, uint32_t addr, uint16_t v)
{
    r->ram[addr] = (uint8_t)(v >> 8);
    r->ram[addr + 1] = (uint8_t)v;
}
static inline void rig_w32(TestRig *r, uint32_t addr, uint32_t v)
{
    rig_w16(r, addr, (uint16_t)(v >> 16));
    rig_w16(r, addr + 2, (uint16_t)v);
}
static inline uint16_t rig_r16(const TestRig *r, uint32_t addr)
{
    return (uint16_t)((r->ram[addr] << 8) | r->ram[addr + 1]);
}
static inline uint32_t rig_r32(const TestRig *r, uint32_t addr)
{
    return ((uint32_t)rig_r16(r, addr) << 16) | rig_r16(r, addr + 2);
}
/* Store a program of words at addr. */
static inline void rig_code(TestRig *r, uint32_t addr, const uint16_t *words, size_t count)
{
    for (size_t i = 0; i < count; i++)
        rig_w16(r, addr + 2 * (uint32_t)i, words[i]);
}

/* Vectors: SSP, reset PC, and every other vector pointing at its own
 * handler slot 0x1000 + 16*n (filled with NOPs by default). */
static inline void rig_boot(TestRig *r, M68k *cpu, uint32_t ssp, uint32_t pc)
{
    rig_w32(r, 0, ssp);
    rig_w32(r, 4, pc);
    for (uint32_t v = 2; v < 256; v++) {
        rig_w32(r, v * 4, 0x1000 + 16 * v);
        for (uint32_t i = 0; i < 8; i++)
            rig_w16(r, 0x1000 + 16 * v + 2 * i, 0x4E71);
    }
    m68k_reset(cpu);
}
/* Field-wise comparison (padding bytes carry no state). */
static inline int rig_same_state(const M68kState *x, const M68kState *y)
{
    return !memcmp(x->d, y->d, sizeof x->d) && !memcmp(x->a, y->a, sizeof x->a) && x->other_sp == y->other_sp &&
           x->sr == y->sr && x->pc == y->pc && x->ir == y->ir && x->irc == y->irc && x->ipl == y->ipl &&
           x->nmi_edge == y->nmi_edge && x->stopped == y->stopped && x->halted == y->halted &&
           x->trace_pending == y->trace_pending && x->cycles == y->cycles && x->instructions == y->instructions &&
           !memcmp(x->scratch, y->scratch, sizeof x->scratch) &&
           !memcmp(x->refresh_window_opens, y->refresh_window_opens, sizeof x->refresh_window_opens);
}

static inline uint32_t rig_handler(int vector) { return 0x1000u + 16u * (uint32_t)vector; }

#endif
