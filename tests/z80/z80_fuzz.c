/* z80_fuzz.c - executes millions of instructions from random memory, with
 * random I/O data, random interrupt requests (random IM 0 opcodes and IM 2
 * vectors) and NMIs, under whatever sanitizers the build enables. Checks
 * that every step accounts its T-states, the control registers stay in range,
 * and that a run is reproducible from a save state. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "z80.h"

#define FUZZ_STEPS 4000000u

typedef struct FuzzMachine {
    Z80 cpu;
    uint8_t ram[0x10000];
    uint64_t rng;
} FuzzMachine;

static uint32_t next_random(FuzzMachine *m)
{
    /* xorshift64* */
    m->rng ^= m->rng >> 12;
    m->rng ^= m->rng << 25;
    m->rng ^= m->rng >> 27;
    return (uint32_t)((m->rng * 0x2545F4914F6CDD1Dull) >> 32);
}

static uint8_t f_in(void *ctx, uint16_t port)
{
    (void)port;
    return (uint8_t)next_random(ctx);
}

static void f_out(void *ctx, uint16_t port, uint8_t value)
{
    FuzzMachine *m = ctx;
    m->ram[port] ^= value; /* outputs feed back into the program's memory */
}

static uint8_t f_ack(void *ctx) { return (uint8_t)next_random(ctx); }

/* Half the address space goes through the page table, half through callbacks. */
static uint8_t f_read(void *ctx, uint16_t addr) { return ((FuzzMachine *)ctx)->ram[addr]; }
static void f_write(void *ctx, uint16_t addr, uint8_t v) { ((FuzzMachine *)ctx)->ram[addr] = v; }

static void fuzz_init(FuzzMachine *m, uint64_t seed)
{
    memset(m, 0, sizeof *m);
    m->rng = seed;
    for (size_t i = 0; i < sizeof m->ram; i++)
        m->ram[i] = (uint8_t)next_random(m);
    Z80Bus bus = {.ctx = m, .read = f_read, .write = f_write, .in = f_in, .out = f_out, .int_ack = f_ack};
    z80_init(&m->cpu, &bus);
    z80_map_pages(&m->cpu, 0, Z80_PAGE_COUNT / 2, m->ram, m->ram, 0);
}

/* Runs n steps with random external events; returns the T-states counted by step results. */
static uint64_t fuzz_run(FuzzMachine *m, unsigned n)
{
    uint64_t counted = 0;
    unsigned halted_steps = 0;
    for (unsigned i = 0; i < n; i++) {
        uint32_t dice = next_random(m);
        if ((dice & 0xFF) == 0)
            z80_set_int_line(&m->cpu, (dice >> 8) & 1);
        if ((dice & 0xFFFF) == 0x4242 || (m->cpu.state.halted && (dice & 0x7F) == 0))
            z80_nmi(&m->cpu); /* also wakes HALTs that have interrupts disabled */
        if ((dice & 0xFFFFF) == 0x12345 || (m->cpu.state.halted && (dice & 0x7F) == 1)) {
            /* escape tight loops and NMI-handler HALT cycles */
            z80_set_reg(&m->cpu, Z80_REG_HALTED, 0);
            z80_set_reg(&m->cpu, Z80_REG_PC, next_random(m));
        }
        if (m->cpu.state.halted)
            halted_steps++;
        int t = z80_step(&m->cpu);
        if (t < 4 || t > 64)
            fail_msg("step took %d T-states at PC %04X", t, (unsigned)z80_get_reg(&m->cpu, Z80_REG_PC));
        counted += (uint64_t)t;
        assert_true(m->cpu.state.iff1 <= 1 && m->cpu.state.iff2 <= 1 && m->cpu.state.im <= 2);
        assert_true(m->cpu.state.halted <= 1 && m->cpu.state.ei <= 1 && m->cpu.state.p <= 1);
    }
    printf("z80_fuzz: %u steps, %u of them halted, %llu T-states\n", n, halted_steps, (unsigned long long)counted);
    return counted;
}

static void test_random_execution(void **state)
{
    (void)state;
    FuzzMachine *m = malloc(sizeof *m);
    fuzz_init(m, 0x9E3779B97F4A7C15ull);
    uint64_t t0 = z80_tstates(&m->cpu);
    uint64_t counted = fuzz_run(m, FUZZ_STEPS);
    assert_int_equal(z80_tstates(&m->cpu) - t0, counted);
    free(m);
}

static void test_reproducible_from_save_state(void **state)
{
    (void)state;
    FuzzMachine *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    fuzz_init(a, 12345);
    fuzz_run(a, 200000);
    /* b = a, through the save state (the bus configuration is not saved) */
    fuzz_init(b, 1);
    uint8_t saved[sizeof(Z80State)];
    z80_save_state(&a->cpu, saved);
    z80_load_state(&b->cpu, saved);
    memcpy(b->ram, a->ram, sizeof a->ram);
    b->rng = a->rng;
    fuzz_run(a, 300000);
    fuzz_run(b, 300000);
    assert_memory_equal(&a->cpu.state, &b->cpu.state, sizeof a->cpu.state);
    assert_memory_equal(a->ram, b->ram, sizeof a->ram);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_execution),
        cmocka_unit_test(test_reproducible_from_save_state),
    };
    return cmocka_run_group_tests_name("z80_fuzz", tests, NULL, NULL);
}
