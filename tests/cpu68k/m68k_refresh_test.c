/* m68k_refresh_test.c - refresh holds on the bus (M68kRefreshTiming in
 * m68k.h): an access in the last `window` clocks of a refresh period waits
 * `hold` clocks (no more than is left of the period), the next period
 * counts from there, a window without an access costs nothing, and pages
 * outside a group are never held. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "m68k_test_rig.h"

#define SSP0 0x8000u
#define CODE 0x2000u     /* page 0: refresh group 0 */
#define FAR_CODE 0x102000u /* page 0x10: no group */
#define RAM_PAGE 0x20u   /* refresh group 1 */

typedef struct Fixture {
    TestRig rig;
    M68k cpu;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    rig_init(&f->rig, &f->cpu, 1);
    for (uint32_t i = 0; i < 0x1000; i++) {
        rig_w16(&f->rig, CODE + 2 * i, 0x4E71);     /* nop */
        rig_w16(&f->rig, FAR_CODE + 2 * i, 0x4E71);
    }
    rig_boot(&f->rig, &f->cpu, SSP0, CODE);
    /* Timings of the Mega Drive's cartridge port and work RAM (system/mdemu_refresh.c). */
    m68k_set_refresh(&f->cpu, 0, (M68kRefreshTiming){.period = 128, .window = 7, .hold = 2});
    m68k_set_refresh(&f->cpu, 1, (M68kRefreshTiming){.period = 132, .window = 19, .hold = 3});
    m68k_map_refresh(&f->cpu, 0x00, 1, 0);
    m68k_map_refresh(&f->cpu, RAM_PAGE, 1, 1);
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

/* Where a group's current period began, from when its window opens. */
static uint64_t period_start(const Fixture *f, int group)
{
    const M68kRefreshTiming *t = &f->cpu.bus.refresh[group];
    return f->cpu.state.refresh_window_opens[1 + group] - (t->period - t->window);
}

/* Put the CPU at `clock`, with both refresh periods beginning at 0. */
static void at_clock(Fixture *f, uint64_t clock)
{
    f->cpu.state.cycles = clock;
    f->cpu.state.refresh_window_opens[1] = 128 - 7;
    f->cpu.state.refresh_window_opens[2] = 132 - 19;
}

static void test_access_in_window_waits(void **state)
{
    Fixture *f = *state;
    at_clock(f, 116);
    assert_int_equal(m68k_step(&f->cpu), 4); /* prefetch at 116: before the window */
    assert_int_equal(m68k_step(&f->cpu), 4); /* at 120: still before it */
    assert_int_equal(m68k_step(&f->cpu), 6); /* at 124: waits 2 */
    assert_int_equal(period_start(f, 0), 128);
    assert_int_equal(m68k_step(&f->cpu), 4); /* at 130: early in the next period */
}

static void test_hold_ends_with_the_period(void **state)
{
    Fixture *f = *state;
    at_clock(f, 127);
    assert_int_equal(m68k_step(&f->cpu), 5); /* one clock was left of the period */
    assert_int_equal(period_start(f, 0), 128);
}

static void test_window_without_access_costs_nothing(void **state)
{
    Fixture *f = *state;
    at_clock(f, 130); /* the first window passed without an access */
    assert_int_equal(m68k_step(&f->cpu), 4);
    assert_int_equal(period_start(f, 0), 128);
    at_clock(f, 10 * 128 + 60); /* many periods later */
    assert_int_equal(m68k_step(&f->cpu), 4);
    assert_int_equal(period_start(f, 0), 10 * 128);
}

static void test_pages_outside_a_group_never_wait(void **state)
{
    Fixture *f = *state;
    m68k_set_reg(&f->cpu, M68K_REG_PC, FAR_CODE);
    at_clock(f, 0);
    uint64_t start = m68k_cycles(&f->cpu);
    for (int i = 0; i < 1000; i++)
        m68k_step(&f->cpu);
    assert_int_equal(m68k_cycles(&f->cpu) - start, 4000);
}

/* Back-to-back accesses always meet the window: one hold of 2 clocks per
 * period of 128, about 1.6 % (notaz's testpico "time loop" measures a 68000
 * loop from ROM 1.4-1.9 % slower than its cycle count on hardware). */
static void test_busy_bus_pays_every_period(void **state)
{
    Fixture *f = *state;
    at_clock(f, 0);
    for (int i = 0; i < 3200; i++)
        m68k_step(&f->cpu);
    uint64_t total = m68k_cycles(&f->cpu);
    uint64_t holds = (total - 12800) / 2;
    assert_int_equal((total - 12800) % 2, 0);
    assert_true(holds == total / 128 || holds + 1 == total / 128);
}

/* The groups keep their own periods: a data read from the RAM group waits
 * for its refresh (3 clocks) while the code page's period is not reached. */
static void test_groups_are_independent(void **state)
{
    Fixture *f = *state;
    const uint16_t code[] = {0x3010}; /* move.w (a0),d0: read, then prefetch */
    rig_code(&f->rig, CODE, code, 1);
    m68k_reset(&f->cpu);
    m68k_set_reg(&f->cpu, M68K_REG_A0, (uint32_t)RAM_PAGE << 16);
    at_clock(f, 114);
    /* read at 114 (RAM window from 113: waits 3), prefetch at 121 (code
     * window from 121: waits 2). */
    assert_int_equal(m68k_step(&f->cpu), 8 + 3 + 2);
    assert_int_equal(period_start(f, 1), 132);
    assert_int_equal(period_start(f, 0), 128);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_access_in_window_waits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hold_ends_with_the_period, setup, teardown),
        cmocka_unit_test_setup_teardown(test_window_without_access_costs_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pages_outside_a_group_never_wait, setup, teardown),
        cmocka_unit_test_setup_teardown(test_busy_bus_pays_every_period, setup, teardown),
        cmocka_unit_test_setup_teardown(test_groups_are_independent, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
