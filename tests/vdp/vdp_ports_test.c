/* vdp_ports_test.c - control/data port behaviour: command latch, registers,
 * reads and writes of the three memories, auto-increment, status bits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vdp_test_util.h"

static int setup(void **st)
{
    Vdp *v = vt_new(NULL, 0);
    if (!v)
        return -1;
    vt_mode5(v, 1);
    *st = v;
    return 0;
}

static int teardown(void **st)
{
    free(*st);
    return 0;
}

static void test_register_writes(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 7, 0x2A);
    assert_int_equal(v->state.regs[7], 0x2A);
    vt_reg(v, 23, 0x81);
    assert_int_equal(v->state.regs[23], 0x81);
    /* Numbers 24-31 do not exist. */
    uint8_t before[24];
    for (int i = 0; i < 24; i++)
        before[i] = v->state.regs[i];
    vt_reg(v, 24, 0x55);
    vt_reg(v, 31, 0x55);
    assert_memory_equal(before, v->state.regs, 24);
    /* In mode 4 (reg 1 bit 2 clear) only registers 0-10 are writable. */
    vt_reg(v, 1, 0x00);
    vt_reg(v, 13, 0x11);
    assert_int_equal(v->state.regs[13], 0xDC00 >> 10);
    vt_reg(v, 10, 0x11);
    assert_int_equal(v->state.regs[10], 0x11);
}

static void test_command_latch(void **st)
{
    Vdp *v = *st;
    /* First half sets A13-0 and CD1-0 at once and leaves the latch pending. */
    vdp_write_control(v, 0x4123);
    assert_int_equal(v->state.addr & 0x3FFF, 0x0123);
    assert_int_equal(v->state.code & 3, 1);
    assert_int_equal(v->state.latch_pending, 1);
    /* While pending, a word that looks like a register write is the second half. */
    vdp_write_control(v, 0x8002);
    assert_int_equal(v->state.latch_pending, 0);
    assert_int_equal(v->state.addr, 0x8123);
    assert_int_equal(v->state.code, 0x01);
    assert_int_equal(v->state.regs[0], 0x04);
    /* A status read clears the pending half. */
    vdp_write_control(v, 0x4000);
    (void)vdp_read_status(v);
    vdp_write_control(v, 0x8711);
    assert_int_equal(v->state.regs[7], 0x11);
    /* So does a data port access. */
    vdp_write_control(v, 0x4000);
    vdp_write_data(v, 0);
    assert_int_equal(v->state.latch_pending, 0);
}

static void test_vram_round_trip_and_increment(void **st)
{
    Vdp *v = *st;
    const uint16_t words[3] = {0x1234, 0x5678, 0x9ABC};
    vt_write_words(v, VT_VRAM_WRITE, 0x1000, words, 3);
    vdp_run(v, v->state.clock + 3 * VDP_MASTER_CLOCKS_PER_LINE);
    assert_int_equal(v->state.vram[0x1000], 0x12);
    assert_int_equal(v->state.vram[0x1001], 0x34);
    assert_int_equal(v->state.vram[0x1005], 0xBC);
    vt_command(v, VT_VRAM_READ, 0x1002);
    assert_int_equal(vdp_read_data(v), 0x5678);
    assert_int_equal(vdp_read_data(v), 0x9ABC);
    /* Auto-increment of 4 skips a word. */
    vt_reg(v, 15, 4);
    vt_command(v, VT_VRAM_READ, 0x1000);
    assert_int_equal(vdp_read_data(v), 0x1234);
    assert_int_equal(vdp_read_data(v), 0x9ABC);
    /* Increment 0 stays put. */
    vt_reg(v, 15, 0);
    vt_command(v, VT_VRAM_READ, 0x1000);
    assert_int_equal(vdp_read_data(v), 0x1234);
    assert_int_equal(vdp_read_data(v), 0x1234);
    /* The address register wraps at 64 KiB. */
    vt_reg(v, 15, 2);
    vt_command(v, VT_VRAM_WRITE, 0xFFFE);
    vdp_write_data(v, 0xAAAA);
    vdp_write_data(v, 0xBBBB);
    vdp_run(v, v->state.clock + VDP_MASTER_CLOCKS_PER_LINE);
    assert_int_equal(v->state.vram[0xFFFE], 0xAA);
    assert_int_equal(v->state.vram[0x0000], 0xBB);
}

static void test_vram_odd_address_swaps_bytes(void **st)
{
    Vdp *v = *st;
    vt_command(v, VT_VRAM_WRITE, 0x2001);
    vdp_write_data(v, 0x1234);
    vdp_run(v, v->state.clock + VDP_MASTER_CLOCKS_PER_LINE);
    assert_int_equal(v->state.vram[0x2000], 0x34);
    assert_int_equal(v->state.vram[0x2001], 0x12);
}

static void test_cram_and_vsram(void **st)
{
    Vdp *v = *st;
    vt_cram(v, 5, 0xFFFF);
    vt_vsram(v, 3, 0xFFFF);
    vt_vsram(v, 39, 0x0123);
    vdp_run(v, v->state.clock + VDP_MASTER_CLOCKS_PER_LINE);
    assert_int_equal(v->state.cram[5], 0x0EEE);
    assert_int_equal(v->state.vsram[3], 0x07FF);
    assert_int_equal(v->state.vsram[39], 0x0123);
    /* Writes past entry 39 go nowhere. */
    vt_vsram(v, 40, 0x0456);
    vdp_run(v, v->state.clock + VDP_MASTER_CLOCKS_PER_LINE);
    assert_int_equal(v->state.vsram[0], 0);
    /* CRAM addresses wrap at 128 bytes. */
    vt_write_words(v, VT_CRAM_WRITE, 0x80 + 2 * 7, (const uint16_t[]){0x0222}, 1);
    vdp_run(v, v->state.clock + VDP_MASTER_CLOCKS_PER_LINE);
    assert_int_equal(v->state.cram[7], 0x0222);
    /* Reads: the colour bits, the unused bits from the last FIFO word. */
    vt_vram_word(v, 0x0000, 0x0000);
    vt_command(v, VT_CRAM_READ, 10);
    assert_int_equal(vdp_read_data(v), 0x0EEE);
    vt_command(v, VT_VSRAM_READ, 6);
    assert_int_equal(vdp_read_data(v), 0x07FF);
    vt_vram_word(v, 0x0000, 0xF111);
    vt_command(v, VT_CRAM_READ, 10);
    assert_int_equal(vdp_read_data(v), 0xFFFF);
}

static void test_vram_8bit_read(void **st)
{
    Vdp *v = *st;
    vt_vram_word(v, 0x3000, 0xA1B2);
    vt_vram_word(v, 0x4000, 0x7700); /* leaves 0x77 in the FIFO's high byte */
    vt_command(v, VT_VRAM8_READ, 0x3000);
    assert_int_equal(vdp_read_data(v), 0x77B2);
    vt_reg(v, 15, 1);
    vt_command(v, VT_VRAM8_READ, 0x3001);
    assert_int_equal(vdp_read_data(v) & 0xFF, 0xA1);
}

static void test_status_bits(void **st)
{
    Vdp *v = *st;
    vt_display_on(v, 0);
    vdp_run(v, vdp_frame_end(v));
    uint64_t f = v->state.frame_start;
    /* Mid-line of line 10: active display, not blanking, FIFO empty, NTSC. */
    vdp_run(v, f + 10 * VDP_MASTER_CLOCKS_PER_LINE + 2000);
    uint16_t s = vdp_read_status(v);
    assert_int_equal(s & 0x0200, 0x0200);
    assert_int_equal(s & 0x0100, 0);
    assert_int_equal(s & 0x000F, 0);
    /* Four writes fill the FIFO during active display. */
    vt_command(v, VT_VRAM_WRITE, 0x0000);
    for (int i = 0; i < 4; i++)
        assert_int_equal(vdp_write_data(v, 0), 0);
    s = vdp_read_status(v);
    assert_int_equal(s & 0x0300, 0x0100);
    /* Start of a line is in horizontal blanking. */
    vdp_run(v, f + 20 * VDP_MASTER_CLOCKS_PER_LINE + 300);
    assert_int_equal(vdp_read_status(v) & 0x0004, 0x0004);
    /* Line 230: vertical blanking, VINT pending (F). */
    vdp_run(v, f + 230 * VDP_MASTER_CLOCKS_PER_LINE + 2000);
    s = vdp_read_status(v);
    assert_int_equal(s & 0x0088, 0x0088);
    /* The last line of the frame is no longer VBlank. */
    vdp_run(v, f + 261 * VDP_MASTER_CLOCKS_PER_LINE + 2000);
    assert_int_equal(vdp_read_status(v) & 0x0008, 0);
    /* Display off reads as VBlank everywhere. */
    vt_reg(v, 1, 0x04);
    assert_int_equal(vdp_read_status(v) & 0x0008, 0x0008);
    /* PAL bit. */
    vdp_set_pal(v, true);
    assert_int_equal(vdp_read_status(v) & 1, 1);
}

static void test_dma_disabled_ignores_cd5(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 19, 4);
    vt_reg(v, 20, 0);
    vt_reg(v, 23, 0x80);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x0000);
    assert_int_equal(v->state.dma_kind, 0);
    assert_int_equal(vdp_read_status(v) & 2, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_register_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_latch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vram_round_trip_and_increment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vram_odd_address_swaps_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cram_and_vsram, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vram_8bit_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_status_bits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dma_disabled_ignores_cd5, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
