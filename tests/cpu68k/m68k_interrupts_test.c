/* m68k_interrupts_test.c - interrupt priority and masking, IPL sampling in
 * the last bus cycle, autovectored, vectored and spurious interrupts, the
 * edge-triggered level 7, STOP with interrupt wake-up, and the RESET
 * instruction. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "m68k_test_rig.h"

#define SSP0 0x8000u
#define CODE 0x2000u

typedef struct Fixture {
    TestRig rig;
    M68k cpu;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    rig_init(&f->rig, &f->cpu, 0);
    /* A run of NOPs to execute. */
    for (uint32_t i = 0; i < 64; i++)
        rig_w16(&f->rig, CODE + 2 * i, 0x4E71);
    rig_boot(&f->rig, &f->cpu, SSP0, CODE);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    rig_free(&f->rig);
    free(f);
    return 0;
}

static void test_masked_levels_wait(void **state)
{
    Fixture *f = *state;
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x2400); /* mask 4 */
    m68k_set_ipl(&f->cpu, 4);                    /* not above the mask */
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), CODE + 6);
    m68k_set_ipl(&f->cpu, 3);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), CODE + 8);
}

/* Raised between instructions, the level is sampled during the next
 * instruction's last bus cycle: that instruction runs first. */
static void test_autovector_interrupt(void **state)
{
    Fixture *f = *state;
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x2300);
    m68k_set_ipl(&f->cpu, 5);
    assert_int_equal(m68k_step(&f->cpu), 4); /* the NOP at CODE */
    assert_int_equal(f->rig.last_ack_level, 0);
    assert_int_equal(m68k_step(&f->cpu), 44);
    assert_int_equal(f->rig.last_ack_level, 5);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(24 + 5) + 4);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_SR), 0x2500);
    assert_int_equal(rig_r16(&f->rig, SSP0 - 6), 0x2300);
    assert_int_equal(rig_r32(&f->rig, SSP0 - 4), CODE + 2);
    /* Same level again is now masked. */
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(29) + 6);
}

static void test_user_mode_interrupt_switches_stack(void **state)
{
    Fixture *f = *state;
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x0000);
    m68k_set_reg(&f->cpu, M68K_REG_USP, 0x5000);
    m68k_set_ipl(&f->cpu, 1);
    m68k_step(&f->cpu);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_A7), SSP0 - 6);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_USP), 0x5000);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_SR), 0x2100);
}

static void test_vectored_and_spurious(void **state)
{
    Fixture *f = *state;
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x2000);
    f->rig.ack_vector = 0x40;
    m68k_set_ipl(&f->cpu, 2);
    m68k_step(&f->cpu);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(0x40) + 4);

    m68k_set_ipl(&f->cpu, 0);
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x2000);
    f->rig.ack_vector = M68K_INT_ACK_SPURIOUS;
    m68k_set_ipl(&f->cpu, 3);
    m68k_step(&f->cpu);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(24) + 4);
}

static void test_level7_is_edge_triggered(void **state)
{
    Fixture *f = *state;
    /* Mask 7 does not hold back level 7, but it is taken once per edge. */
    m68k_set_ipl(&f->cpu, 7);
    m68k_step(&f->cpu);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(31) + 4);
    m68k_step(&f->cpu);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(31) + 8);
    m68k_set_ipl(&f->cpu, 0);
    m68k_step(&f->cpu);
    m68k_set_ipl(&f->cpu, 7);
    m68k_step(&f->cpu);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(31) + 4);
}

static void test_ipl_sampling_point(void **state)
{
    Fixture *f = *state;
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x2000);
    /* A change dated before the last bus cycle of the instruction that just
     * ran (here: its first two clocks) was sampled: taken right away. */
    m68k_step(&f->cpu);
    m68k_set_ipl_at(&f->cpu, 3, m68k_cycles(&f->cpu) - 4);
    m68k_step(&f->cpu);
    assert_int_equal(f->rig.last_ack_level, 3);

    /* Raised by a device during the write of move.w d0,(a1), before that
     * instruction's final prefetch: taken right after it. */
    m68k_set_ipl(&f->cpu, 0);
    const uint16_t code[] = {0x3280, 0x7001}; /* move.w d0,(a1); moveq #1,d0 */
    rig_code(&f->rig, CODE, code, 2);
    m68k_reset(&f->cpu);
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x2000);
    m68k_set_reg(&f->cpu, M68K_REG_A1, 0x4000);
    m68k_set_reg(&f->cpu, M68K_REG_D0, 0);
    f->rig.ipl_on_write_addr = 0x4000;
    f->rig.ipl_on_write_level = 4;
    m68k_step(&f->cpu);
    m68k_step(&f->cpu);
    assert_int_equal(f->rig.last_ack_level, 4);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_D0), 0); /* moveq not yet run */
    assert_int_equal(rig_r32(&f->rig, SSP0 - 4), CODE + 2);
}

/* A device that raised the level and dropped it again after the sampling
 * point: the 68000 had already latched it, so the interrupt is taken. */
static void test_level_dropped_after_sampling_is_taken(void **state)
{
    Fixture *f = *state;
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x2000);
    m68k_step(&f->cpu); /* a NOP: its prefetch sampled at its start + 2 */
    uint64_t now = m68k_cycles(&f->cpu);
    m68k_set_ipl_at(&f->cpu, 6, now - 3);  /* before the sampling point */
    m68k_set_ipl_at(&f->cpu, 0, now - 1);  /* after it */
    m68k_step(&f->cpu);
    assert_int_equal(f->rig.last_ack_level, 6);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(30) + 4);
    /* Once past, the dropped level is not taken again. */
    f->rig.last_ack_level = 0;
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x2000);
    m68k_step(&f->cpu);
    m68k_step(&f->cpu);
    assert_int_equal(f->rig.last_ack_level, 0);
}

static void test_stop_waits_for_interrupt(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x4E72, 0x2000, 0x7001}; /* stop #$2000; moveq #1,d0 */
    rig_code(&f->rig, CODE, code, 3);
    m68k_reset(&f->cpu);
    m68k_step(&f->cpu);
    assert_true(f->cpu.state.stopped);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_SR), 0x2000);
    uint64_t before = m68k_cycles(&f->cpu);
    for (int i = 0; i < 10; i++)
        assert_true(m68k_step(&f->cpu) > 0);
    assert_true(m68k_cycles(&f->cpu) > before);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_D0), 0);
    /* m68k_run also just burns time while stopped. */
    m68k_run(&f->cpu, m68k_cycles(&f->cpu) + 100);
    assert_true(f->cpu.state.stopped);

    m68k_set_ipl(&f->cpu, 4);
    m68k_step(&f->cpu);
    assert_false(f->cpu.state.stopped);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(28) + 4);
    /* The frame returns to the instruction after STOP. */
    assert_int_equal(rig_r32(&f->rig, SSP0 - 4), CODE + 4);
}

static void test_reset_instruction(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x4E70, 0x4E71}; /* reset; nop */
    rig_code(&f->rig, CODE, code, 2);
    m68k_reset(&f->cpu);
    m68k_set_reg(&f->cpu, M68K_REG_D3, 0x12345678);
    assert_int_equal(m68k_step(&f->cpu), 132);
    assert_int_equal(f->rig.reset_out_calls, 1);
    /* Only the outside world is reset, not the CPU. */
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_D3), 0x12345678);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), CODE + 6);

    /* In user mode it is a privilege violation. */
    m68k_reset(&f->cpu);
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x0000);
    m68k_step(&f->cpu);
    assert_int_equal(f->rig.reset_out_calls, 1);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(8) + 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_masked_levels_wait, setup, teardown),
        cmocka_unit_test_setup_teardown(test_autovector_interrupt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_user_mode_interrupt_switches_stack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vectored_and_spurious, setup, teardown),
        cmocka_unit_test_setup_teardown(test_level7_is_edge_triggered, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ipl_sampling_point, setup, teardown),
        cmocka_unit_test_setup_teardown(test_level_dropped_after_sampling_is_taken, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_waits_for_interrupt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_instruction, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
