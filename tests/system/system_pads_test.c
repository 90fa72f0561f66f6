/* system_pads_test.c - 3- and 6-button pad protocols on both ports through
 * the I/O chip registers, including the 6-button counter's timeout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "system_test_util.h"

#define DATA1 0xA10003u
#define DATA2 0xA10005u
#define CTRL1 0xA10009u
#define CTRL2 0xA1000Bu

/* 68000 clocks: 1.5 ms is about 11,500; these stay well clear either side. */
#define SHORT_WAIT 100u
#define LONG_WAIT 20000u

static uint8_t read_th(Mdemu *md, uint32_t data, int th)
{
    bus_w8(md, data, th ? 0x40 : 0x00);
    md->cpu.state.cycles += SHORT_WAIT;
    return bus_r8(md, data) & 0x7F;
}

static void test_three_button(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_3BUTTON);
    bus_w8(md, CTRL1, 0x40);
    /* nothing pressed */
    assert_int_equal(read_th(md, DATA1, 1), 0x7F);
    assert_int_equal(read_th(md, DATA1, 0), 0x33);
    mdemu_set_pad(md, 0, MDEMU_BTN_UP | MDEMU_BTN_C | MDEMU_BTN_START);
    assert_int_equal(read_th(md, DATA1, 1), 0x40 | 0x1E);  /* C and Up low */
    assert_int_equal(read_th(md, DATA1, 0), 0x12);         /* Start and Up low */
    mdemu_set_pad(md, 0, MDEMU_BTN_RIGHT | MDEMU_BTN_B | MDEMU_BTN_A | MDEMU_BTN_DOWN);
    assert_int_equal(read_th(md, DATA1, 1), 0x40 | 0x25);
    assert_int_equal(read_th(md, DATA1, 0), 0x21);
    /* A 3-button pad never shows the extra buttons, however TH is pulsed. */
    mdemu_set_pad(md, 0, MDEMU_BTN_X | MDEMU_BTN_MODE);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(read_th(md, DATA1, 1), 0x7F);
        assert_int_equal(read_th(md, DATA1, 0), 0x33);
    }
    /* Port 2 is independent. */
    bus_w8(md, CTRL2, 0x40);
    mdemu_set_pad(md, 1, MDEMU_BTN_LEFT);
    assert_int_equal(read_th(md, DATA2, 1), 0x7B);
    /* Output bits read back the latch; bit 7 too. */
    bus_w8(md, CTRL1, 0xC1);
    bus_w8(md, DATA1, 0x80);
    mdemu_set_pad(md, 0, MDEMU_BTN_UP);
    assert_int_equal(bus_r8(md, DATA1), 0x80 | 0x00 | 0x32); /* TH=0 latch, UP bit from latch (0) */
    mdemu_destroy(md);
}

static void test_six_button(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000, .devices = "J6"};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_6BUTTON);
    assert_int_equal(mdemu_pad_type(md, 1), MDEMU_PAD_6BUTTON);
    bus_w8(md, CTRL1, 0x40);
    md->cpu.state.cycles += LONG_WAIT;
    mdemu_set_pad(md, 0, MDEMU_BTN_X | MDEMU_BTN_Z | MDEMU_BTN_UP | MDEMU_BTN_A);
    for (int round = 0; round < 2; round++) {
        assert_int_equal(read_th(md, DATA1, 1), 0x7E);
        assert_int_equal(read_th(md, DATA1, 0), 0x22); /* 1st low: normal */
        assert_int_equal(read_th(md, DATA1, 1), 0x7E);
        assert_int_equal(read_th(md, DATA1, 0), 0x22); /* 2nd low: normal */
        assert_int_equal(read_th(md, DATA1, 1), 0x7E);
        assert_int_equal(read_th(md, DATA1, 0), 0x20); /* 3rd low: bits 0-3 low */
        assert_int_equal(read_th(md, DATA1, 1), 0x7A); /* X and Z low (bits 2, 0) */
        assert_int_equal(read_th(md, DATA1, 0), 0x2F); /* 4th low: bits 0-3 high */
        assert_int_equal(read_th(md, DATA1, 1), 0x7E);
        /* the counter times out ~1.5 ms after the last TH change */
        md->cpu.state.cycles += LONG_WAIT;
    }
    /* Without the timeout the count keeps going: the 5th low is a 1st again. */
    read_th(md, DATA1, 0);
    read_th(md, DATA1, 1);
    read_th(md, DATA1, 0);
    read_th(md, DATA1, 1);
    read_th(md, DATA1, 0);
    assert_int_equal(read_th(md, DATA1, 1), 0x7A);
    assert_int_equal(read_th(md, DATA1, 0), 0x2F);
    assert_int_equal(read_th(md, DATA1, 1), 0x7E);
    assert_int_equal(read_th(md, DATA1, 0), 0x22);
    /* A pause longer than the timeout mid-sequence starts over. */
    md->cpu.state.cycles += LONG_WAIT;
    read_th(md, DATA1, 1);
    read_th(md, DATA1, 0);
    read_th(md, DATA1, 1);
    md->cpu.state.cycles += LONG_WAIT;
    assert_int_equal(read_th(md, DATA1, 0), 0x22);
    assert_int_equal(read_th(md, DATA1, 1), 0x7E);
    assert_int_equal(read_th(md, DATA1, 0), 0x22);
    mdemu_destroy(md);
}

static void test_pad_types(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000, .devices = "J6"};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    mdemu_set_pad_type(md, 0, MDEMU_PAD_NONE);
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_NONE);
    bus_w8(md, CTRL1, 0x40);
    mdemu_set_pad(md, 0, 0xFFFF);
    assert_int_equal(read_th(md, DATA1, 1), 0x7F);
    assert_int_equal(read_th(md, DATA1, 0), 0x3F);
    mdemu_set_pad_type(md, 0, MDEMU_PAD_3BUTTON);
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_3BUTTON);
    mdemu_set_pad_type(md, 0, MDEMU_PAD_AUTO);
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_6BUTTON);
    assert_int_equal(mdemu_pad_type(md, 2), MDEMU_PAD_NONE);
    mdemu_destroy(md);
    /* Without '6' in the header AUTO is a 3-button pad. */
    TestRomSpec plain = {.size = 0x10000, .devices = "J"};
    md = test_console(&plain, MDEMU_REGION_US);
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_3BUTTON);
    mdemu_destroy(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_button),
        cmocka_unit_test(test_six_button),
        cmocka_unit_test(test_pad_types),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
