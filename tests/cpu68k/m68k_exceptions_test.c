/* m68k_exceptions_test.c - exception frames: address error (7-word group 0
 * frame), TRAP, ILLEGAL, line A/F, privilege violation, CHK, divide by zero,
 * trace, and the halt on a double fault. */
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
    rig_init(&f->rig, &f->cpu, 1);
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

static void load(Fixture *f, const uint16_t *words, size_t n)
{
    rig_code(&f->rig, CODE, words, n);
    /* Restart so the prefetch queue holds the new code. */
    m68k_reset(&f->cpu);
}

static void assert_group12_frame(Fixture *f, int vector, uint16_t old_sr, uint32_t stacked_pc)
{
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_A7), SSP0 - 6);
    assert_int_equal(rig_r16(&f->rig, SSP0 - 6), old_sr);
    assert_int_equal(rig_r32(&f->rig, SSP0 - 4), stacked_pc);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(vector) + 4);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_SR) & 0xA000, 0x2000);
}

static void test_address_error_frame(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x3010}; /* move.w (a0),d0 */
    load(f, code, 1);
    m68k_set_reg(&f->cpu, M68K_REG_A0, 0x00003001);
    int clocks = m68k_step(&f->cpu);
    assert_int_equal(clocks, 58);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_A7), SSP0 - 14);
    /* status word: IR bits 15..5, R/W=1 (read), FC=5 (supervisor data) */
    assert_int_equal(rig_r16(&f->rig, SSP0 - 14), 0x3015);
    assert_int_equal(rig_r32(&f->rig, SSP0 - 12), 0x00003001);
    assert_int_equal(rig_r16(&f->rig, SSP0 - 8), 0x3010);
    assert_int_equal(rig_r16(&f->rig, SSP0 - 6), 0x2700);
    assert_int_equal(rig_r32(&f->rig, SSP0 - 4), CODE + 2);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(3) + 4);
}

static void test_address_error_on_write_and_jump(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x3280, 0x4ED1}; /* move.w d0,(a1); jmp (a1) */
    load(f, code, 2);
    m68k_set_reg(&f->cpu, M68K_REG_A1, 0x00004003);
    m68k_step(&f->cpu);
    assert_int_equal(rig_r16(&f->rig, SSP0 - 14), 0x3285); /* write: R/W=0 */
    assert_int_equal(rig_r32(&f->rig, SSP0 - 12), 0x4003);

    /* An odd jump target faults on the program fetch: FC=6. */
    m68k_reset(&f->cpu);
    m68k_set_reg(&f->cpu, M68K_REG_PC, CODE + 6);
    m68k_set_reg(&f->cpu, M68K_REG_IR, 0x4ED1);
    m68k_set_reg(&f->cpu, M68K_REG_IRC, 0x4E71);
    m68k_set_reg(&f->cpu, M68K_REG_A1, 0x00004003);
    m68k_step(&f->cpu);
    assert_int_equal(rig_r16(&f->rig, SSP0 - 14), 0x4ED6);
    assert_int_equal(rig_r32(&f->rig, SSP0 - 12), 0x4003);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(3) + 4);
}

static void test_trap(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x4E45}; /* trap #5 */
    load(f, code, 1);
    assert_int_equal(m68k_step(&f->cpu), 34);
    assert_group12_frame(f, 37, 0x2700, CODE + 2);
}

static void test_illegal_and_line_traps(void **state)
{
    Fixture *f = *state;
    const uint16_t illegal[] = {0x4AFC};
    load(f, illegal, 1);
    assert_int_equal(m68k_step(&f->cpu), 34);
    assert_group12_frame(f, 4, 0x2700, CODE);

    const uint16_t linea[] = {0xA123};
    load(f, linea, 1);
    m68k_step(&f->cpu);
    assert_group12_frame(f, 10, 0x2700, CODE);

    const uint16_t linef[] = {0xF456};
    load(f, linef, 1);
    m68k_step(&f->cpu);
    assert_group12_frame(f, 11, 0x2700, CODE);
}

static void test_privilege_violation(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x46FC, 0x2700}; /* move #$2700,sr */
    load(f, code, 2);
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x0000); /* user mode */
    m68k_set_reg(&f->cpu, M68K_REG_USP, 0x6000);
    assert_int_equal(m68k_step(&f->cpu), 34);
    assert_group12_frame(f, 8, 0x0000, CODE);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_USP), 0x6000);
}

static void test_chk_and_divide_by_zero(void **state)
{
    Fixture *f = *state;
    const uint16_t chk[] = {0x4181}; /* chk d1,d0 */
    load(f, chk, 1);
    m68k_set_reg(&f->cpu, M68K_REG_D0, 0xFFFF); /* -1 < 0 */
    m68k_set_reg(&f->cpu, M68K_REG_D1, 10);
    m68k_step(&f->cpu);
    assert_group12_frame(f, 6, 0x2708, CODE + 2); /* N set for a negative value */

    const uint16_t divu[] = {0x80C1}; /* divu d1,d0 */
    load(f, divu, 1);
    m68k_set_reg(&f->cpu, M68K_REG_D1, 0);
    m68k_step(&f->cpu);
    assert_group12_frame(f, 5, 0x2700, CODE + 2);
}

static void test_trace(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x7005, 0x4E71}; /* moveq #5,d0; nop */
    load(f, code, 2);
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0xA700);
    assert_int_equal(m68k_step(&f->cpu), 4);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_D0), 5);
    /* The trace exception follows the traced instruction. */
    assert_int_equal(m68k_step(&f->cpu), 34);
    assert_int_equal(rig_r16(&f->rig, SSP0 - 6), 0xA700);
    assert_int_equal(rig_r32(&f->rig, SSP0 - 4), CODE + 2);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(9) + 4);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_SR), 0x2700);
    /* In the handler T is clear: no further trace. */
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(9) + 6);
}

static void test_illegal_is_not_traced(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x4AFC};
    load(f, code, 1);
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0xA700);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(4) + 4);
    m68k_step(&f->cpu); /* the handler's first NOP, not a trace exception */
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), rig_handler(4) + 6);
}

static void test_reset_exception(void **state)
{
    Fixture *f = *state;
    m68k_set_reg(&f->cpu, M68K_REG_SR, 0x0015); /* user mode, some flags */
    m68k_set_reg(&f->cpu, M68K_REG_A7, 0x1234);
    uint64_t before = m68k_cycles(&f->cpu);
    m68k_reset(&f->cpu);
    /* 40 clocks: SSP and PC from vectors 0 and 1, then the queue refill. */
    assert_int_equal(m68k_cycles(&f->cpu) - before, 40);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_SR), 0x2700);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_A7), SSP0);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), CODE + 4);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_IR), rig_r16(&f->rig, CODE));
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_IRC), rig_r16(&f->rig, CODE + 2));
}

static void test_self_modifying_code_sees_prefetch(void **state)
{
    Fixture *f = *state;
    /* move.w d0,(a0) overwrites the next instruction, which is already in
     * the prefetch queue: the old instruction still runs. */
    const uint16_t code[] = {0x3080, 0x7001, 0x4E71}; /* move.w d0,(a0); moveq #1,d0; nop */
    load(f, code, 3);
    m68k_set_reg(&f->cpu, M68K_REG_A0, CODE + 2);
    m68k_set_reg(&f->cpu, M68K_REG_D0, 0x7055); /* moveq #$55,d0 */
    m68k_step(&f->cpu);
    assert_int_equal(rig_r16(&f->rig, CODE + 2), 0x7055);
    m68k_step(&f->cpu);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_D0), 1);
}

static void test_double_fault_halts(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x3010};
    load(f, code, 1);
    m68k_set_reg(&f->cpu, M68K_REG_A0, 0x3001);
    m68k_set_reg(&f->cpu, M68K_REG_A7, 0x7001); /* the frame itself faults */
    m68k_step(&f->cpu);
    assert_true(f->cpu.state.halted);
    uint32_t pc = m68k_get_reg(&f->cpu, M68K_REG_PC);
    uint64_t before = m68k_cycles(&f->cpu);
    assert_int_equal(m68k_step(&f->cpu), 4); /* idle while halted */
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), pc);
    assert_true(m68k_cycles(&f->cpu) > before);
    m68k_reset(&f->cpu);
    assert_false(f->cpu.state.halted);
    assert_int_equal(m68k_get_reg(&f->cpu, M68K_REG_PC), CODE + 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_address_error_frame, setup, teardown),
        cmocka_unit_test_setup_teardown(test_address_error_on_write_and_jump, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_illegal_and_line_traps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_privilege_violation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chk_and_divide_by_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_illegal_is_not_traced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_exception, setup, teardown),
        cmocka_unit_test_setup_teardown(test_self_modifying_code_sees_prefetch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_double_fault_halts, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
