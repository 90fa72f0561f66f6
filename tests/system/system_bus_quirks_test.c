/* system_bus_quirks_test.c - Genesis bus behaviour between the console and
 * its CPUs: TAS's write cycle lost on work RAM, the delay before BUSACK
 * answers a Z80 bus request, the cost of the Z80's window onto 68000
 * space for both CPUs, the 68000's wait state on Z80 space, and the
 * lock-ups that stop a CPU until reset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "system_test_util.h"

static const uint8_t tas_code[] = {
    0x41, 0xF9, 0x00, 0xFF, 0x00, 0x00, /* lea     $FF0000,a0 */
    0x10, 0xBC, 0x00, 0x12,             /* move.b  #$12,(a0) */
    0x4A, 0xD0,                         /* tas     (a0) */
    0x42, 0x10,                         /* clr.b   (a0) */
    0x4A, 0xD0,                         /* tas     (a0) */
    0x70, 0x05,                         /* moveq   #5,d0 */
    0x4A, 0xC0,                         /* tas     d0 */
    0x43, 0xF9, 0x00, 0xA0, 0x01, 0x00, /* lea     $A00100,a1 */
    0x12, 0xBC, 0x00, 0x34,             /* move.b  #$34,(a1) */
    0x4A, 0xD1,                         /* tas     (a1) */
    0x60, 0xFE,                         /* bra.s   * */
};

#define SR_N 0x8u
#define SR_Z 0x4u

/* TAS on work RAM tests the byte but its write never lands; TAS on a
 * register, and on memory outside work RAM (Z80 RAM here), sets bit 7. */
static void test_tas(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000, .code = tas_code, .code_size = sizeof tas_code};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_non_null(md);
    const uint8_t *ram = mdemu_work_ram(md, NULL);
    bus_w16(md, 0xA11100, 0x0100); /* the Z80 bus for the last TAS */
    bus_w16(md, 0xA11200, 0x0100);
    m68k_add_cycles(&md->cpu, 8);

    m68k_step(&md->cpu);
    m68k_step(&md->cpu);
    assert_int_equal(ram[0], 0x12);
    /* Timing is the 68000's own: 14 clocks for TAS (An) (MC68000 UM 8.3). */
    assert_int_equal(m68k_step(&md->cpu), 14);
    assert_int_equal(ram[0], 0x12);
    assert_int_equal(m68k_get_reg(&md->cpu, M68K_REG_SR) & (SR_N | SR_Z), 0);

    m68k_step(&md->cpu);
    m68k_step(&md->cpu);
    assert_int_equal(ram[0], 0x00);
    assert_int_equal(m68k_get_reg(&md->cpu, M68K_REG_SR) & (SR_N | SR_Z), SR_Z);

    m68k_step(&md->cpu);
    m68k_step(&md->cpu);
    assert_int_equal(m68k_get_reg(&md->cpu, M68K_REG_D0), 0x85);

    m68k_step(&md->cpu);
    m68k_step(&md->cpu);
    m68k_step(&md->cpu);
    assert_int_equal(md->sys.z80_ram[0x100], 0xB4);
    mdemu_destroy(md);
}

/* A Z80 program of 19-T instructions (ex (sp),hl) so that requests land
 * in the middle of an instruction. */
static void load_slow_z80_loop(Mdemu *md)
{
    uint8_t *z = md->sys.z80_ram;
    memset(z, 0, MDEMU_Z80_RAM_SIZE);
    z[0] = 0x31; z[1] = 0x00; z[2] = 0x10; /* ld sp,1000h */
    for (int i = 3; i < 203; i++)
        z[i] = 0xE3;                        /* ex (sp),hl */
    z[203] = 0xC3; z[204] = 0x03; z[205] = 0x00; /* jp 0003h */
}

static bool busack(Mdemu *md) { return (bus_r8(md, 0xA11100) & 1) == 0; }

/* BUSACK follows a request once the Z80 has finished its current machine
 * cycle and one more clock has passed (Zilog UM0080, bus request and
 * acknowledge): the 68000 polling at once can see the bus still busy, never
 * for longer than the longest machine cycle plus a clock; the Z80 does no
 * more work meanwhile. */
static void test_busack_delay(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_non_null(md);
    load_slow_z80_loop(md);
    bus_w16(md, 0xA11200, 0x0100); /* out of reset, bus not requested: it runs */
    int seen_busy = 0;
    for (int offset = 0; offset < 40; offset++) {
        m68k_add_cycles(&md->cpu, 300u + (unsigned)offset);
        bus_w16(md, 0xA11100, 0x0100);
        uint64_t requested = mdemu_now_68k(md);
        uint32_t pc = z80_get_reg(&md->z80, Z80_REG_PC);
        uint64_t first_granted = 0;
        for (unsigned wait = 0; wait < 64; wait++) {
            if (busack(md)) {
                first_granted = mdemu_now_68k(md);
                break;
            }
            seen_busy += wait == 0;
            m68k_add_cycles(&md->cpu, 1);
        }
        assert_true(first_granted >= requested);
        /* At most the longest machine cycle (6 T) plus the release clock,
         * and the rounding of both clocks to their own edges. */
        assert_true(first_granted - requested <= (6u + 1u) * 15u + 14u + 6u);
        assert_int_equal(z80_get_reg(&md->z80, Z80_REG_PC), pc); /* stopped */
        /* Z80 RAM is the 68000's now. */
        bus_w8(md, 0xA01F00, (uint8_t)offset);
        assert_int_equal(md->sys.z80_ram[0x1F00], (uint8_t)offset);
        bus_w16(md, 0xA11100, 0x0000);
        assert_false(busack(md));
    }
    assert_true(seen_busy > 0);
    mdemu_destroy(md);
}

/* Each access through the window costs the Z80 3.3 T-states on average
 * (3 + the tenths carried in the board state) and the 68000 11 clocks. */
static void test_window_costs(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_non_null(md);
    mdemu_catch_up_z80(md);
    uint64_t z0 = z80_tstates(&md->z80);
    for (int i = 0; i < 10; i++)
        (void)zbus_r8(md, 0x8000); /* bank 0: ROM */
    assert_int_equal(z80_tstates(&md->z80) - z0, 33);
    for (int i = 0; i < 5; i++)
        zbus_w8(md, 0x8000, 0);
    assert_int_equal(z80_tstates(&md->z80) - z0, 33 + 16);
    assert_int_equal(md->sys.z80_window_wait_tenths, 5);
    uint64_t c0 = m68k_cycles(&md->cpu);
    mdemu_catch_up_z80(md);
    assert_int_equal(m68k_cycles(&md->cpu) - c0, 15 * 11);
    mdemu_destroy(md);
}

/* A 68000 access to Z80 space costs one wait state, bus granted or not;
 * work RAM costs none. */
static void test_z80_space_wait_state(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_non_null(md);
    uint64_t c = m68k_cycles(&md->cpu);
    (void)bus_r8(md, 0xA00010);
    assert_int_equal(m68k_cycles(&md->cpu) - c, 1);
    bus_w16(md, 0xA11100, 0x0100);
    bus_w16(md, 0xA11200, 0x0100);
    m68k_add_cycles(&md->cpu, 8);
    c = m68k_cycles(&md->cpu);
    bus_w8(md, 0xA00010, 0x42);
    (void)bus_r16(md, 0xA00010);
    assert_int_equal(m68k_cycles(&md->cpu) - c, 2);
    c = m68k_cycles(&md->cpu);
    bus_w8(md, 0xFF0000, 0x42);
    assert_int_equal(m68k_cycles(&md->cpu) - c, 0);
    mdemu_destroy(md);
}

static void select_bank(Mdemu *md, unsigned bank)
{
    for (int i = 0; i < 9; i++)
        zbus_w8(md, 0x6000, (uint8_t)((bank >> i) & 1));
    assert_int_equal(md->sys.z80_bank, bank);
}

/* The Z80 reaching Z80 space or the VDP through its window deadlocks both
 * CPUs; a reset frees them. */
static void test_window_deadlocks(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    const unsigned banks[2] = {0xA00000u >> 15, 0xC00000u >> 15};
    for (int i = 0; i < 2; i++) {
        Mdemu *md = test_console(&spec, MDEMU_REGION_US);
        assert_non_null(md);
        bus_w16(md, 0xA11200, 0x0100); /* the Z80 out of reset */
        select_bank(md, banks[i]);
        assert_false(z80_hung(&md->z80));
        (void)zbus_r8(md, 0x8000);
        assert_true(z80_hung(&md->z80));
        assert_true(m68k_halted(&md->cpu));
        /* Hung: time passes, nothing executes. */
        uint32_t pc = z80_get_reg(&md->z80, Z80_REG_PC);
        uint64_t t = z80_tstates(&md->z80);
        z80_run(&md->z80, t + 1000);
        assert_true(z80_tstates(&md->z80) >= t + 1000);
        assert_int_equal(z80_get_reg(&md->z80, Z80_REG_PC), pc);
        mdemu_reset(md, false);
        assert_false(z80_hung(&md->z80));
        assert_false(m68k_halted(&md->cpu));
        mdemu_destroy(md);
    }
}

/* m68k_halt: nothing executes until reset, and it ends the current run. */
static void test_m68k_halt(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_non_null(md);
    uint32_t pc = m68k_get_reg(&md->cpu, M68K_REG_PC);
    m68k_halt(&md->cpu);
    assert_true(m68k_halted(&md->cpu));
    uint64_t c = m68k_cycles(&md->cpu);
    m68k_run(&md->cpu, c + 100);
    assert_true(m68k_cycles(&md->cpu) >= c + 100);
    assert_int_equal(m68k_get_reg(&md->cpu, M68K_REG_PC), pc);
    m68k_reset(&md->cpu);
    assert_false(m68k_halted(&md->cpu));
    mdemu_destroy(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tas),
        cmocka_unit_test(test_busack_delay),
        cmocka_unit_test(test_window_costs),
        cmocka_unit_test(test_z80_space_wait_state),
        cmocka_unit_test(test_window_deadlocks),
        cmocka_unit_test(test_m68k_halt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
