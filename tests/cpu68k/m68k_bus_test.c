/* m68k_bus_test.c - the bus contract: page table and callbacks give the same
 * results, m68k_cycles() inside a callback is the start of that bus cycle,
 * wait states from callbacks count, m68k_end_run ends a slice, mirrors map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "m68k_program.h"
#include "m68k_test_rig.h"

#define SSP0 0x8000u
#define CODE 0x2000u

static void boot_program(TestRig *rig, M68k *cpu, int pages)
{
    rig_init(rig, cpu, pages);
    rig_code(rig, CODE, m68k_test_program, sizeof m68k_test_program / sizeof m68k_test_program[0]);
    rig_boot(rig, cpu, SSP0, CODE);
}

static void test_pages_match_callbacks(void **state)
{
    (void)state;
    TestRig rig_cb, rig_pg;
    M68k *cpu_cb = calloc(1, sizeof *cpu_cb), *cpu_pg = calloc(1, sizeof *cpu_pg);
    boot_program(&rig_cb, cpu_cb, 0);
    boot_program(&rig_pg, cpu_pg, 1);
    m68k_run(cpu_cb, 20000);
    m68k_run(cpu_pg, 20000);
    assert_true(rig_cb.callback_reads > 1000);
    assert_int_equal(rig_pg.callback_reads, 0);
    assert_int_equal(rig_pg.callback_writes, 0);
    assert_true(rig_same_state(&cpu_cb->state, &cpu_pg->state));
    assert_memory_equal(rig_cb.ram, rig_pg.ram, 0x10000);
    /* The program really ran: the sum 99+98+...+0, then the multiply. */
    assert_int_equal(m68k_get_reg(cpu_pg, M68K_REG_D0), (uint32_t)(4950 * 7));
    assert_int_equal(rig_r16(&rig_pg, 0x3000), 99);
    rig_free(&rig_cb);
    rig_free(&rig_pg);
    free(cpu_cb);
    free(cpu_pg);
}

static void test_callback_sees_bus_cycle_clock(void **state)
{
    (void)state;
    TestRig rig;
    M68k *cpu = calloc(1, sizeof *cpu);
    rig_init(&rig, cpu, 0);
    const uint16_t code[] = {0x4E71, 0x4E71, 0x3280}; /* nop; nop; move.w d0,(a1) */
    rig_code(&rig, CODE, code, 3);
    rig_boot(&rig, cpu, SSP0, CODE);
    m68k_set_reg(cpu, M68K_REG_A1, 0x4000);
    m68k_step(cpu);
    m68k_step(cpu);
    uint64_t start = m68k_cycles(cpu);
    rig.saw_write = 0;
    assert_int_equal(m68k_step(cpu), 8);
    assert_true(rig.saw_write);
    /* MOVE Dn,(An) writes before its prefetch: the write starts the instruction. */
    assert_int_equal(rig.first_write_clock, start);
    rig_free(&rig);
    free(cpu);
}

static void test_wait_states_add_up(void **state)
{
    (void)state;
    TestRig rig;
    M68k *cpu = calloc(1, sizeof *cpu);
    rig_init(&rig, cpu, 0);
    const uint16_t code[] = {0x4E71, 0x4E71};
    rig_code(&rig, CODE, code, 2);
    rig_boot(&rig, cpu, SSP0, CODE);
    rig.wait_states = 3;
    assert_int_equal(m68k_step(cpu), 4 + 3); /* one prefetch, three wait clocks */
    rig_free(&rig);
    free(cpu);
}

static void test_end_run_stops_slice(void **state)
{
    (void)state;
    TestRig rig;
    M68k *cpu = calloc(1, sizeof *cpu);
    rig_init(&rig, cpu, 0);
    const uint16_t code[] = {0x3280, 0x4E71, 0x4E71, 0x4E71};
    rig_code(&rig, CODE, code, 4);
    rig_boot(&rig, cpu, SSP0, CODE);
    m68k_set_reg(cpu, M68K_REG_A1, 0x4000);
    rig.end_run_addr = 0x4000;
    uint64_t before = cpu->state.instructions;
    uint64_t ran = m68k_run(cpu, m68k_cycles(cpu) + 1000);
    assert_int_equal(ran, 8);
    assert_int_equal(cpu->state.instructions - before, 1);
    rig_free(&rig);
    free(cpu);
}

static void test_mirrored_pages(void **state)
{
    (void)state;
    TestRig rig;
    M68k *cpu = calloc(1, sizeof *cpu);
    rig_init(&rig, cpu, 1);
    uint8_t *work_ram = calloc(0x10000, 1);
    /* 64 KiB of work RAM repeated over $E00000-$FFFFFF. */
    m68k_map_pages(cpu, 0xE0, 0x20, work_ram, work_ram, 0x10000);
    const uint16_t code[] = {0x33C0, 0x00FF, 0x1234, /* move.w d0,$FF1234 */
                             0x3239, 0x00E0, 0x1234}; /* move.w $E01234,d1 */
    rig_code(&rig, CODE, code, 6);
    rig_boot(&rig, cpu, SSP0, CODE);
    m68k_set_reg(cpu, M68K_REG_D0, 0xBEEF);
    m68k_step(cpu);
    m68k_step(cpu);
    assert_int_equal(m68k_get_reg(cpu, M68K_REG_D1) & 0xFFFF, 0xBEEF);
    assert_int_equal(work_ram[0x1234], 0xBE);
    assert_int_equal(work_ram[0x1235], 0xEF);
    assert_int_equal(rig.callback_writes, 0);

    /* A mirror smaller than a 64 KiB page stays on the callbacks. */
    m68k_map_pages(cpu, 0xA0, 1, work_ram, work_ram, 0x2000);
    assert_null(cpu->bus.page_read[0xA0]);
    assert_null(cpu->bus.page_write[0xA0]);
    free(work_ram);
    rig_free(&rig);
    free(cpu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages_match_callbacks),
        cmocka_unit_test(test_callback_sees_bus_cycle_clock),
        cmocka_unit_test(test_wait_states_add_up),
        cmocka_unit_test(test_end_run_stops_slice),
        cmocka_unit_test(test_mirrored_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
