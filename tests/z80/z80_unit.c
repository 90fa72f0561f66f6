/* z80_unit.c - unit tests of the Z80 core's system-level behaviour: the
 * interrupt modes, EI delay, HALT, NMI, R, bus timing seen by callbacks,
 * run-loop control, page mapping, save states and instance independence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "z80.h"

typedef struct Machine {
    Z80 cpu;
    uint8_t ram[0x10000];
    uint8_t ack_byte;
    const uint8_t *ack_sequence; /* if set, successive acknowledge bytes */
    unsigned acks;
    uint64_t ack_tstate;
    uint64_t io_tstate;
    uint8_t io_value;
    uint32_t io_wait; /* wait states each I/O access adds */
    int end_run_on_out;
    unsigned hook_calls;
} Machine;

static uint8_t m_read(void *ctx, uint16_t addr) { return ((Machine *)ctx)->ram[addr]; }
static void m_write(void *ctx, uint16_t addr, uint8_t v) { ((Machine *)ctx)->ram[addr] = v; }

static uint8_t m_in(void *ctx, uint16_t port)
{
    Machine *m = ctx;
    (void)port;
    m->io_tstate = z80_tstates(&m->cpu);
    z80_add_tstates(&m->cpu, m->io_wait);
    return m->io_value;
}

static void m_out(void *ctx, uint16_t port, uint8_t v)
{
    Machine *m = ctx;
    (void)port;
    m->io_tstate = z80_tstates(&m->cpu);
    m->io_value = v;
    z80_add_tstates(&m->cpu, m->io_wait);
    if (m->end_run_on_out)
        z80_end_run(&m->cpu);
}

static uint8_t m_ack(void *ctx)
{
    Machine *m = ctx;
    m->ack_tstate = z80_tstates(&m->cpu);
    uint8_t v = m->ack_sequence ? m->ack_sequence[m->acks] : m->ack_byte;
    m->acks++;
    return v;
}

static Machine *machine_new(const uint8_t *code, size_t len, uint16_t at)
{
    Machine *m = calloc(1, sizeof *m);
    Z80Bus bus = {.ctx = m, .read = m_read, .write = m_write, .in = m_in, .out = m_out, .int_ack = m_ack};
    z80_init(&m->cpu, &bus);
    memcpy(m->ram + at, code, len);
    z80_set_reg(&m->cpu, Z80_REG_PC, at);
    z80_set_reg(&m->cpu, Z80_REG_SP, 0x8000);
    return m;
}

static uint16_t stacked_word(const Machine *m)
{
    uint16_t sp = (uint16_t)z80_get_reg(&m->cpu, Z80_REG_SP);
    return (uint16_t)(m->ram[sp] | (m->ram[(uint16_t)(sp + 1)] << 8));
}

static const uint8_t nops[16] = {0};

/* ---- interrupt modes ----------------------------------------------------- */

static void test_im1(void **state)
{
    (void)state;
    static const uint8_t code[] = {0xED, 0x56, 0xFB, 0x00, 0x00}; /* IM 1; EI; NOP; NOP */
    Machine *m = machine_new(code, sizeof code, 0x100);
    z80_step(&m->cpu);
    z80_step(&m->cpu);
    z80_set_int_line(&m->cpu, true);
    assert_int_equal(z80_step(&m->cpu), 4); /* NOP after EI runs first */
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x104);
    uint8_t r = (uint8_t)z80_get_reg(&m->cpu, Z80_REG_R);
    assert_int_equal(z80_step(&m->cpu), 13);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x38);
    assert_int_equal(stacked_word(m), 0x104);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IFF1), 0);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IFF2), 0);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), (uint8_t)(r + 1));
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_WZ), 0x38);
    /* IFF1 now clear: the still-asserted line is ignored */
    assert_int_equal(z80_step(&m->cpu), 4);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x39);
    free(m);
}

static void test_im0_executes_rst(void **state)
{
    (void)state;
    static const uint8_t code[] = {0xED, 0x46, 0xFB, 0x00}; /* IM 0; EI; NOP */
    Machine *m = machine_new(code, sizeof code, 0x200);
    m->ack_byte = 0xD7; /* RST 10h */
    z80_step(&m->cpu);
    z80_step(&m->cpu);
    z80_step(&m->cpu);
    z80_set_int_line(&m->cpu, true);
    uint64_t t0 = z80_tstates(&m->cpu);
    assert_int_equal(z80_step(&m->cpu), 13);
    assert_int_equal(m->acks, 1);
    assert_int_equal(m->ack_tstate, t0);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x10);
    assert_int_equal(stacked_word(m), 0x204);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IM), 0);
    free(m);
}

static void test_im0_call_from_data_bus(void **state)
{
    (void)state;
    static const uint8_t code[] = {0xFB, 0x00, 0x00}; /* EI; NOP (IM 0 after power-on) */
    static const uint8_t call[] = {0xCD, 0x34, 0x12};
    Machine *m = machine_new(code, sizeof code, 0x400);
    m->ack_sequence = call;
    z80_step(&m->cpu);
    z80_step(&m->cpu);
    z80_set_int_line(&m->cpu, true);
    assert_int_equal(z80_step(&m->cpu), 19);
    assert_int_equal(m->acks, 3);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x1234);
    assert_int_equal(stacked_word(m), 0x402);
    free(m);
}

static void test_im2_vector(void **state)
{
    (void)state;
    static const uint8_t code[] = {0x3E, 0x12, 0xED, 0x47, 0xED, 0x5E, 0xFB, 0x00}; /* LD A,12h; LD I,A; IM 2; EI; NOP */
    Machine *m = machine_new(code, sizeof code, 0x300);
    m->ram[0x1234] = 0x78;
    m->ram[0x1235] = 0x56;
    m->ack_byte = 0x34;
    for (int i = 0; i < 5; i++)
        z80_step(&m->cpu);
    z80_set_int_line(&m->cpu, true);
    assert_int_equal(z80_step(&m->cpu), 19);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x5678);
    assert_int_equal(stacked_word(m), 0x308);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_SP), 0x7FFE);
    free(m);
}

static void test_ei_delay_chain(void **state)
{
    (void)state;
    /* EI; EI; NOP: each EI blocks interrupts for one more instruction. */
    static const uint8_t code[] = {0xED, 0x56, 0xFB, 0xFB, 0x00, 0x00};
    Machine *m = machine_new(code, sizeof code, 0x100);
    z80_set_int_line(&m->cpu, true);
    z80_step(&m->cpu); /* IM 1: IFF1 still 0 */
    z80_step(&m->cpu); /* EI */
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_EI), 1);
    assert_int_equal(z80_step(&m->cpu), 4); /* second EI, not the interrupt */
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x104);
    assert_int_equal(z80_step(&m->cpu), 4); /* NOP */
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x105);
    assert_int_equal(z80_step(&m->cpu), 13);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x38);
    free(m);
}

static void test_di_blocks(void **state)
{
    (void)state;
    static const uint8_t code[] = {0xFB, 0xF3, 0x00}; /* EI; DI; NOP */
    Machine *m = machine_new(code, sizeof code, 0x100);
    z80_set_int_line(&m->cpu, true);
    z80_step(&m->cpu);
    z80_step(&m->cpu);
    assert_int_equal(z80_step(&m->cpu), 4);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x103);
    free(m);
}

static void test_halt_then_interrupt(void **state)
{
    (void)state;
    static const uint8_t code[] = {0xED, 0x56, 0xFB, 0x76, 0x00}; /* IM 1; EI; HALT */
    Machine *m = machine_new(code, sizeof code, 0x100);
    z80_step(&m->cpu);
    z80_step(&m->cpu);
    assert_int_equal(z80_step(&m->cpu), 4);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_HALTED), 1);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x104);
    uint8_t r = (uint8_t)z80_get_reg(&m->cpu, Z80_REG_R);
    for (int i = 0; i < 10; i++)
        assert_int_equal(z80_step(&m->cpu), 4);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x104);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), (uint8_t)(r + 10));
    /* a run slice while halted ends on time and keeps refreshing */
    uint64_t t = z80_tstates(&m->cpu);
    z80_run(&m->cpu, t + 400);
    assert_int_equal(z80_tstates(&m->cpu), t + 400);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), (uint8_t)(r + 110));
    z80_set_int_line(&m->cpu, true);
    assert_int_equal(z80_step(&m->cpu), 13);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_HALTED), 0);
    assert_int_equal(stacked_word(m), 0x104); /* returns past the HALT */
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x38);
    free(m);
}

static void test_nmi_preserves_iff2(void **state)
{
    (void)state;
    static const uint8_t code[] = {0xFB, 0x00, 0x00};
    Machine *m = machine_new(code, sizeof code, 0x100);
    m->ram[0x66] = 0xED; /* RETN */
    m->ram[0x67] = 0x45;
    z80_step(&m->cpu); /* EI */
    z80_nmi(&m->cpu);  /* NMI is not held off by EI */
    assert_int_equal(z80_step(&m->cpu), 11);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x66);
    assert_int_equal(stacked_word(m), 0x101);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IFF1), 0);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IFF2), 1);
    /* a maskable interrupt cannot interrupt the NMI handler */
    z80_set_int_line(&m->cpu, true);
    assert_int_equal(z80_step(&m->cpu), 14); /* RETN */
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x101);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IFF1), 1);
    free(m);
}

static void test_nmi_wakes_halt(void **state)
{
    (void)state;
    static const uint8_t code[] = {0x76};
    Machine *m = machine_new(code, sizeof code, 0x100);
    z80_step(&m->cpu);
    z80_run(&m->cpu, z80_tstates(&m->cpu) + 100);
    z80_nmi(&m->cpu);
    assert_int_equal(z80_step(&m->cpu), 11);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_HALTED), 0);
    assert_int_equal(stacked_word(m), 0x101);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IFF2), 0);
    free(m);
}

static void test_ld_a_i_interrupted_clears_pv(void **state)
{
    (void)state;
    static const uint8_t code[] = {0xFB, 0xED, 0x57, 0x00}; /* EI; LD A,I */
    Machine *m = machine_new(code, sizeof code, 0x100);
    z80_set_reg(&m->cpu, Z80_REG_IM, 1);
    z80_step(&m->cpu);
    z80_step(&m->cpu);
    assert_true(z80_get_reg(&m->cpu, Z80_REG_AF) & 0x04); /* P/V = IFF2 = 1 */
    z80_set_int_line(&m->cpu, true);
    z80_step(&m->cpu);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x38);
    assert_false(z80_get_reg(&m->cpu, Z80_REG_AF) & 0x04);
    free(m);
}

/* ---- R register ------------------------------------------------------------ */

static void test_r_register(void **state)
{
    (void)state;
    static const uint8_t code[] = {
        0x00,                   /* NOP: +1 */
        0xDD, 0x21, 0x00, 0x00, /* LD IX,0: +2 */
        0xDD, 0xCB, 0x00, 0x46, /* BIT 0,(IX+0): +2 */
        0xED, 0x44,             /* NEG: +2 */
        0xCB, 0x00,             /* RLC B: +2 */
        0xFD, 0xDD, 0x00,       /* FD DD NOP: +3 */
    };
    Machine *m = machine_new(code, sizeof code, 0x100);
    z80_set_reg(&m->cpu, Z80_REG_R, 0xFE);
    z80_step(&m->cpu);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), 0xFF);
    z80_step(&m->cpu);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), 0x81); /* bit 7 kept, low 7 bits wrap */
    z80_step(&m->cpu);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), 0x83);
    z80_step(&m->cpu);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), 0x85);
    z80_step(&m->cpu);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), 0x87);
    assert_int_equal(z80_step(&m->cpu), 12);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), 0x8A);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0x110);
    /* LD R,A writes all 8 bits; LD A,R reads them back after one more M1 pair */
    static const uint8_t code2[] = {0x3E, 0x7F, 0xED, 0x4F, 0xED, 0x5F};
    Machine *m2 = machine_new(code2, sizeof code2, 0x100);
    for (int i = 0; i < 3; i++)
        z80_step(&m2->cpu);
    assert_int_equal(z80_get_reg(&m2->cpu, Z80_REG_AF) >> 8, 0x01);
    free(m);
    free(m2);
}

/* ---- bus timing, wait states and run control --------------------------------- */

static void test_access_time_and_wait_states(void **state)
{
    (void)state;
    static const uint8_t code[] = {0xDB, 0x10, 0xED, 0x79}; /* IN A,(10h); OUT (C),A */
    Machine *m = machine_new(code, sizeof code, 0x100);
    m->io_value = 0x5A;
    m->io_wait = 2;
    uint64_t t0 = z80_tstates(&m->cpu);
    assert_int_equal(z80_step(&m->cpu), 11 + 2);
    assert_int_equal(m->io_tstate, t0 + 7); /* I/O cycle after M1 and the operand read */
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_AF) >> 8, 0x5A);
    t0 = z80_tstates(&m->cpu);
    assert_int_equal(z80_step(&m->cpu), 12 + 2);
    assert_int_equal(m->io_tstate, t0 + 8);
    free(m);
}

static void test_end_run_and_hook(void **state)
{
    (void)state;
    /* loop: OUT (0),A; JR loop */
    static const uint8_t code[] = {0xD3, 0x00, 0x18, 0xFC};
    Machine *m = machine_new(code, sizeof code, 0x100);
    m->end_run_on_out = 1;
    uint64_t t0 = z80_tstates(&m->cpu);
    z80_run(&m->cpu, t0 + 1000);
    assert_int_equal(z80_tstates(&m->cpu), t0 + 11); /* stopped after the OUT */
    m->end_run_on_out = 0;
    m->cpu.instr_hook = NULL;
    z80_run(&m->cpu, z80_tstates(&m->cpu) + 1000);
    assert_true(z80_tstates(&m->cpu) >= t0 + 1011);
    assert_true(z80_tstates(&m->cpu) < t0 + 1011 + 12);
    free(m);
}

static void count_hook(void *ctx, const Z80 *z)
{
    Machine *m = ctx;
    assert_ptr_equal(z, &m->cpu);
    m->hook_calls++;
}

static void test_instr_hook(void **state)
{
    (void)state;
    Machine *m = machine_new(nops, sizeof nops, 0x100);
    m->cpu.instr_hook = count_hook;
    m->cpu.hook_ctx = m;
    z80_run(&m->cpu, z80_tstates(&m->cpu) + 40);
    assert_int_equal(m->hook_calls, 10);
    free(m);
}

/* ---- page table ----------------------------------------------------------------- */

static void test_page_mapping_mirrors(void **state)
{
    (void)state;
    /* 8 KiB RAM mirrored over 0000-3FFF; code runs from the mirror at 2000h */
    uint8_t *ram8k = calloc(1, 0x2000);
    Z80 cpu;
    z80_init(&cpu, NULL);
    z80_map_pages(&cpu, 0, 16, ram8k, ram8k, 0x2000);
    static const uint8_t code[] = {0x3E, 0xA5, 0x32, 0x10, 0x30, 0x3A, 0x10, 0x10}; /* LD A,A5; LD (3010),A; LD A,(1010) */
    memcpy(ram8k + 0x100, code, sizeof code);
    z80_set_reg(&cpu, Z80_REG_PC, 0x2100);
    z80_step(&cpu);
    z80_step(&cpu);
    assert_int_equal(ram8k[0x1010], 0xA5);
    z80_set_reg(&cpu, Z80_REG_AF, 0);
    z80_step(&cpu);
    assert_int_equal(z80_get_reg(&cpu, Z80_REG_AF) >> 8, 0xA5);
    /* unmapped pages fall back to the (default, open-bus) callbacks */
    z80_map_pages(&cpu, 0, 1, NULL, NULL, 0);
    z80_set_reg(&cpu, Z80_REG_PC, 0x0000);
    z80_step(&cpu); /* RST 38h from the open bus */
    assert_int_equal(z80_get_reg(&cpu, Z80_REG_PC), 0x38);
    free(ram8k);
}

/* ---- save states and instances ------------------------------------------------- */

/* A program that keeps changing registers and memory. */
static const uint8_t busy_code[] = {
    0x21, 0x00, 0x40, /* LD HL,4000h */
    0x06, 0x00,       /* LD B,0 */
    0x78,             /* loop: LD A,B */
    0x86,             /* ADD A,(HL) */
    0x77,             /* LD (HL),A */
    0x23,             /* INC HL */
    0xED, 0x5F,       /* LD A,R */
    0x80,             /* ADD A,B */
    0x47,             /* LD B,A */
    0x10, 0xF6,       /* DJNZ loop */
    0x18, 0xF1,       /* JR start+3 */
};

static void test_save_load_round_trip(void **state)
{
    (void)state;
    Machine *m = machine_new(busy_code, sizeof busy_code, 0x100);
    z80_run(&m->cpu, 5000);
    void *saved = malloc(z80_state_size());
    uint8_t *saved_ram = malloc(sizeof m->ram);
    z80_save_state(&m->cpu, saved);
    memcpy(saved_ram, m->ram, sizeof m->ram);

    z80_run(&m->cpu, 20000);
    Z80State after = m->cpu.state;
    uint8_t *after_ram = malloc(sizeof m->ram);
    memcpy(after_ram, m->ram, sizeof m->ram);

    z80_run(&m->cpu, 30000); /* diverge, then restore */
    z80_load_state(&m->cpu, saved);
    memcpy(m->ram, saved_ram, sizeof m->ram);
    z80_run(&m->cpu, 20000);
    assert_memory_equal(&m->cpu.state, &after, sizeof after);
    assert_memory_equal(m->ram, after_ram, sizeof m->ram);
    free(saved);
    free(saved_ram);
    free(after_ram);
    free(m);
}

static void test_two_instances_independent(void **state)
{
    (void)state;
    Machine *solo = machine_new(busy_code, sizeof busy_code, 0x100);
    z80_run(&solo->cpu, 50000);

    Machine *a = machine_new(busy_code, sizeof busy_code, 0x100);
    Machine *b = machine_new(busy_code, sizeof busy_code, 0x100);
    z80_set_reg(&b->cpu, Z80_REG_R, 0x55); /* b takes a different path */
    z80_nmi(&b->cpu);
    for (uint64_t t = 1000; t <= 50000; t += 1000) {
        z80_run(&a->cpu, t);
        z80_run(&b->cpu, t + 333);
    }
    assert_memory_equal(&a->cpu.state, &solo->cpu.state, sizeof solo->cpu.state);
    assert_memory_equal(a->ram, solo->ram, sizeof solo->ram);
    assert_memory_not_equal(b->ram, solo->ram, sizeof solo->ram);
    free(solo);
    free(a);
    free(b);
}

static void test_reset(void **state)
{
    (void)state;
    Machine *m = machine_new(busy_code, sizeof busy_code, 0x100);
    z80_set_reg(&m->cpu, Z80_REG_IM, 2);
    z80_set_reg(&m->cpu, Z80_REG_IFF1, 1);
    z80_set_reg(&m->cpu, Z80_REG_I, 0x12);
    z80_run(&m->cpu, 1000);
    uint64_t t = z80_tstates(&m->cpu);
    z80_reset(&m->cpu);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_PC), 0);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_I), 0);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_R), 0);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IFF1), 0);
    assert_int_equal(z80_get_reg(&m->cpu, Z80_REG_IM), 0);
    assert_int_equal(z80_tstates(&m->cpu), t);
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_im1),
        cmocka_unit_test(test_im0_executes_rst),
        cmocka_unit_test(test_im0_call_from_data_bus),
        cmocka_unit_test(test_im2_vector),
        cmocka_unit_test(test_ei_delay_chain),
        cmocka_unit_test(test_di_blocks),
        cmocka_unit_test(test_halt_then_interrupt),
        cmocka_unit_test(test_nmi_preserves_iff2),
        cmocka_unit_test(test_nmi_wakes_halt),
        cmocka_unit_test(test_ld_a_i_interrupted_clears_pv),
        cmocka_unit_test(test_r_register),
        cmocka_unit_test(test_access_time_and_wait_states),
        cmocka_unit_test(test_end_run_and_hook),
        cmocka_unit_test(test_instr_hook),
        cmocka_unit_test(test_page_mapping_mirrors),
        cmocka_unit_test(test_save_load_round_trip),
        cmocka_unit_test(test_two_instances_independent),
        cmocka_unit_test(test_reset),
    };
    return cmocka_run_group_tests_name("z80_unit", tests, NULL, NULL);
}
