/* m68k_fuzz.c - millions of random instruction words with random registers
 * through the core on a RAM bus. The core must survive (clean under the
 * sanitizers) and stay self-consistent: every step takes time, PC stays
 * even unless the CPU halted, SR's reserved bits stay zero, A7 is the stack
 * of the mode in SR, and the instruction counter only moves forward.
 *
 * usage: m68k_fuzz [ITERATIONS] [SEED] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "m68k.h"

#define RAM_SIZE (1u << 24)

static uint64_t next_random(uint64_t *s)
{
    /* xorshift64* */
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

static uint8_t cb_read8(void *ctx, uint32_t a) { return ((uint8_t *)ctx)[a]; }
static uint16_t cb_read16(void *ctx, uint32_t a)
{
    const uint8_t *m = ctx;
    return (uint16_t)((m[a] << 8) | m[a + 1]);
}
static void cb_write8(void *ctx, uint32_t a, uint8_t v) { ((uint8_t *)ctx)[a] = v; }
static void cb_write16(void *ctx, uint32_t a, uint16_t v)
{
    uint8_t *m = ctx;
    m[a] = (uint8_t)(v >> 8);
    m[a + 1] = (uint8_t)v;
}

int main(int argc, char **argv)
{
    unsigned long iterations = argc > 1 ? strtoul(argv[1], NULL, 0) : 3000000UL;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x6D646D75ULL;
    uint8_t *ram = malloc(RAM_SIZE + 2);
    uint64_t rng = seed;
    for (uint32_t i = 0; i < RAM_SIZE; i += 8) {
        uint64_t r = next_random(&rng);
        memcpy(ram + i, &r, 8);
    }
    M68kBus bus = {.ctx = ram, .read8 = cb_read8, .read16 = cb_read16, .write8 = cb_write8, .write16 = cb_write16};
    M68k *cpu = calloc(1, sizeof *cpu);
    m68k_init(cpu, &bus);
    /* Half the address space through pages, half through callbacks. */
    m68k_map_pages(cpu, 0, 128, ram, ram, 0);

    unsigned long failures = 0, halts = 0;
    for (unsigned long it = 0; it < iterations; it++) {
        M68kState *s = &cpu->state;
        if (it % 64 == 0 || s->halted) {
            /* Fresh random registers every so often. */
            s->halted = 0;
            s->stopped = 0;
            s->trace_pending = 0;
            for (int r = 0; r < 8; r++) {
                s->d[r] = (uint32_t)next_random(&rng);
                s->a[r] = (uint32_t)next_random(&rng);
            }
            s->other_sp = (uint32_t)next_random(&rng) & ~1u;
            /* Keep the vectors even so that most exceptions complete. */
            for (uint32_t v = 0; v < 256; v++)
                ram[v * 4 + 3] &= 0xFE;
            s->a[7] &= ~1u;
            m68k_set_reg(cpu, M68K_REG_SR, (uint32_t)next_random(&rng));
            uint32_t pc = (uint32_t)next_random(&rng) & 0xFFFFFEu;
            m68k_set_reg(cpu, M68K_REG_PC, pc + 4);
        }
        /* Random opcode and extension word at the current position. */
        uint64_t r = next_random(&rng);
        uint32_t at = (s->pc - 4) & 0xFFFFFFu;
        m68k_set_reg(cpu, M68K_REG_IR, (uint16_t)r);
        m68k_set_reg(cpu, M68K_REG_IRC, (uint16_t)(r >> 16));
        cb_write16(ram, at, (uint16_t)r);
        cb_write16(ram, (at + 2) & 0xFFFFFFu, (uint16_t)(r >> 16));
        if ((r >> 32) % 512 == 0)
            m68k_set_ipl(cpu, (int)((r >> 41) & 7));

        uint64_t before_cycles = s->cycles, before_instr = s->instructions;
        int clocks = m68k_step(cpu);
        int bad = 0;
        if (clocks <= 0 || s->cycles != before_cycles + (uint64_t)clocks)
            bad = 1;
        if (s->sr & ~0xA71Fu)
            bad = 1;
        if (!s->halted && (s->pc & 1))
            bad = 1;
        if (s->instructions < before_instr)
            bad = 1;
        if (s->halted)
            halts++;
        if (bad) {
            if (failures < 10)
                fprintf(stderr, "iteration %lu: opcode %04x: clocks %d pc %08x sr %04x\n", it,
                        (unsigned)(uint16_t)r, clocks, s->pc, s->sr);
            failures++;
        }
    }
    printf("m68k_fuzz: %lu steps, %lu halts, %lu inconsistencies, %llu instructions, %llu clocks\n",
           iterations, halts, failures, (unsigned long long)cpu->state.instructions,
           (unsigned long long)cpu->state.cycles);
    free(cpu);
    free(ram);
    return failures ? 1 : 0;
}
