/* m68k_state_test.c - save/load round trip and two independent instances. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "m68k_program.h"
#include "m68k_test_rig.h"

#define SSP0 0x8000u
#define CODE 0x2000u
#define PROGRAM_WORDS (sizeof m68k_test_program / sizeof m68k_test_program[0])

static void test_save_load_round_trip(void **state)
{
    (void)state;
    TestRig rig;
    M68k *cpu = calloc(1, sizeof *cpu);
    rig_init(&rig, cpu, 1);
    rig_code(&rig, CODE, m68k_test_program, PROGRAM_WORDS);
    rig_boot(&rig, cpu, SSP0, CODE);
    m68k_run(cpu, 3000);

    uint8_t *saved = malloc(m68k_state_size());
    uint8_t *ram_copy = malloc(0x10000);
    m68k_save_state(cpu, saved);
    memcpy(ram_copy, rig.ram, 0x10000);

    m68k_run(cpu, 9000);
    M68kState after = cpu->state;
    uint8_t *ram_after = malloc(0x10000);
    memcpy(ram_after, rig.ram, 0x10000);

    /* Scribble, then restore and replay: the same path must follow. */
    memset(&cpu->state, 0x5A, sizeof cpu->state);
    m68k_load_state(cpu, saved);
    memcpy(rig.ram, ram_copy, 0x10000);
    m68k_run(cpu, 9000);
    assert_true(rig_same_state(&cpu->state, &after));
    assert_memory_equal(rig.ram, ram_after, 0x10000);

    free(saved);
    free(ram_copy);
    free(ram_after);
    rig_free(&rig);
    free(cpu);
}

static void test_two_instances_are_independent(void **state)
{
    (void)state;
    TestRig rig_a, rig_b, rig_solo;
    M68k *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b), *solo = calloc(1, sizeof *solo);
    const uint16_t other[] = {0x5480, 0x60FC}; /* addq.l #2,d0; bra.s -4 */
    rig_init(&rig_a, a, 1);
    rig_init(&rig_b, b, 0);
    rig_init(&rig_solo, solo, 1);
    rig_code(&rig_a, CODE, m68k_test_program, PROGRAM_WORDS);
    rig_code(&rig_solo, CODE, m68k_test_program, PROGRAM_WORDS);
    rig_code(&rig_b, CODE, other, 2);
    rig_boot(&rig_a, a, SSP0, CODE);
    rig_boot(&rig_b, b, SSP0, CODE);
    rig_boot(&rig_solo, solo, SSP0, CODE);
    for (int i = 0; i < 2000; i++) {
        if (i == 1000)
            m68k_set_ipl(b, 7); /* an interrupt on one must not reach the other */
        m68k_step(a);
        m68k_step(b);
        m68k_step(b);
    }
    for (int i = 0; i < 2000; i++)
        m68k_step(solo);
    assert_true(rig_same_state(&a->state, &solo->state));
    assert_memory_equal(rig_a.ram, rig_solo.ram, 0x10000);
    assert_true(m68k_get_reg(b, M68K_REG_D0) > 0);
    assert_int_equal(rig_a.last_ack_level, 0);
    assert_int_equal(rig_b.last_ack_level, 7);

    rig_free(&rig_a);
    rig_free(&rig_b);
    rig_free(&rig_solo);
    free(a);
    free(b);
    free(solo);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_load_round_trip),
        cmocka_unit_test(test_two_instances_are_independent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
