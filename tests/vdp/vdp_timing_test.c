/* vdp_timing_test.c - frame/line timing, HV counter, interrupt clocks, FIFO stalls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vdp_test_util.h"

#define LINE VDP_MASTER_CLOCKS_PER_LINE

static int setup(void **st)
{
    Vdp *v = vt_new(NULL, 0);
    if (!v)
        return -1;
    vt_mode5(v, 1);
    vt_display_on(v, 0);
    vdp_run(v, vdp_frame_end(v)); /* start from a frame boundary */
    vdp_irq_ack(v, 6);
    vdp_irq_ack(v, 4);
    *st = v;
    return 0;
}

static int teardown(void **st)
{
    free(*st);
    return 0;
}

static void test_frame_length_and_count(void **st)
{
    Vdp *v = *st;
    uint64_t f = v->state.frame_start;
    uint64_t count = v->state.frame_count;
    assert_int_equal(vdp_frame_clocks(v), 262 * LINE);
    assert_true(vdp_frame_end(v) == f + 262 * LINE);
    vdp_run(v, f + 262 * LINE - 1);
    assert_true(v->state.frame_count == count);
    assert_int_equal(vdp_line(v), 261);
    vdp_run(v, f + 262 * LINE);
    assert_true(v->state.frame_count == count + 1);
    assert_int_equal(vdp_line(v), 0);
    assert_true(v->state.frame_start == f + 262 * LINE);
    vdp_set_pal(v, true);
    assert_int_equal(vdp_frame_clocks(v), 313 * LINE);
}

static void test_hv_counter_h40(void **st)
{
    Vdp *v = *st;
    uint64_t f = v->state.frame_start;
    /* Line start = V counter increment at H 0xA5. */
    vdp_run(v, f + 5 * LINE);
    assert_int_equal(vdp_read_hv(v), 0x05A5);
    vdp_run(v, f + 5 * LINE + 16 * 17);
    assert_int_equal(vdp_read_hv(v), 0x05B6);
    vdp_run(v, f + 5 * LINE + 288);
    assert_int_equal(vdp_read_hv(v), 0x05E4);
    /* Sync steps are 20 clocks: 0xE4 + 10 steps of 20 = 0xEE. */
    vdp_run(v, f + 5 * LINE + 288 + 200);
    assert_int_equal(vdp_read_hv(v), 0x05EE);
    /* First active dot: H 0x00 at 780 clocks into the line. */
    vdp_run(v, f + 5 * LINE + 779);
    assert_int_equal(vdp_read_hv(v), 0x05FF);
    vdp_run(v, f + 5 * LINE + 780);
    assert_int_equal(vdp_read_hv(v), 0x0500);
    vdp_run(v, f + 5 * LINE + 780 + 16 * 0xA4);
    assert_int_equal(vdp_read_hv(v), 0x05A4);
    /* NTSC V28 jumps from 0xEA to 0xE5 (0x1E5). */
    vdp_run(v, f + 0xEA * LINE + 1000);
    assert_int_equal(vdp_read_hv(v) >> 8, 0xEA);
    vdp_run(v, f + 0xEB * LINE + 1000);
    assert_int_equal(vdp_read_hv(v) >> 8, 0xE5);
    vdp_run(v, f + 261 * LINE + 1000);
    assert_int_equal(vdp_read_hv(v) >> 8, 0xFF);
}

static void test_hv_counter_h32_and_latch(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 12, 0x00);
    uint64_t f = v->state.frame_start;
    vdp_run(v, f + 7 * LINE);
    assert_int_equal(vdp_read_hv(v), 0x0785);
    vdp_run(v, f + 7 * LINE + 15 * 20);
    assert_int_equal(vdp_read_hv(v), 0x07E9);
    vdp_run(v, f + 7 * LINE + 760);
    assert_int_equal(vdp_read_hv(v), 0x0700);
    vdp_run(v, f + 7 * LINE + 760 + 20 * 0x84);
    assert_int_equal(vdp_read_hv(v), 0x0784);
    /* Reg 0 bit 1 freezes the counter until cleared. */
    vt_reg(v, 0, 0x06);
    vdp_run(v, f + 9 * LINE + 100);
    assert_int_equal(vdp_read_hv(v), 0x0784);
    vt_reg(v, 0, 0x04);
    assert_int_equal(vdp_read_hv(v), 0x098A);
}

static void test_hv_counter_interlace_and_pal(void **st)
{
    Vdp *v = *st;
    vdp_set_pal(v, true);
    uint64_t f = v->state.frame_start;
    vdp_run(v, f + 0x102 * LINE + 1000);
    assert_int_equal(vdp_read_hv(v) >> 8, 0x02);
    vdp_run(v, f + 0x103 * LINE + 1000);
    assert_int_equal(vdp_read_hv(v) >> 8, 0xCA);
    vdp_run(v, vdp_frame_end(v));
    vt_reg(v, 12, 0x81 | 0x02); /* interlace mode 1: V bit 0 shows V bit 8 */
    f = v->state.frame_start;
    vdp_run(v, f + 0x104 * LINE + 1000); /* V = 0x1CB */
    assert_int_equal(vdp_read_hv(v) >> 8, 0xCB);
    vdp_run(v, f + 0x106 * LINE + 1000); /* V = 0x1CD */
    assert_int_equal(vdp_read_hv(v) >> 8, 0xCD);
    vdp_run(v, vdp_frame_end(v));
    f = v->state.frame_start;
    vdp_run(v, f + 0x10 * LINE + 1000); /* V = 0x010 */
    assert_int_equal(vdp_read_hv(v) >> 8, 0x10);
    vt_reg(v, 12, 0x81 | 0x06); /* mode 2: doubled, bit 0 = V bit 7 */
    assert_int_equal(vdp_read_hv(v) >> 8, 0x20);
    vdp_run(v, f + 0x90 * LINE + 1000);
    assert_int_equal(vdp_read_hv(v) >> 8, 0x21);
}

static void test_vint_clock(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 1, 0x64); /* VINT enabled */
    uint64_t f = v->state.frame_start;
    uint64_t vint = f + 224 * LINE + 780 + 16; /* H40: H 0x01 of line 224 */
    assert_true(vdp_next_event(v) == f + LINE);
    vdp_run(v, f + 224 * LINE);
    assert_true(vdp_next_event(v) == vint);
    vdp_run(v, vint - 1);
    assert_int_equal(vdp_irq_level(v), 0);
    assert_false(vdp_z80_irq(v));
    vdp_run(v, vint);
    assert_int_equal(vdp_irq_level(v), 6);
    assert_true(vdp_z80_irq(v));
    assert_true(vdp_next_event(v) == f + 225 * LINE);
    /* Z80 /INT is held for one line, independent of the 68000 acknowledge. */
    vdp_irq_ack(v, 6);
    assert_int_equal(vdp_irq_level(v), 0);
    vdp_run(v, vint + LINE - 1);
    assert_true(vdp_z80_irq(v));
    vdp_run(v, vint + LINE);
    assert_false(vdp_z80_irq(v));
    /* H32 and V30 move the point. */
    vt_reg(v, 12, 0x00);
    vt_reg(v, 1, 0x6C);
    vdp_run(v, vdp_frame_end(v));
    vdp_irq_ack(v, 6); /* the V30 switch mid-frame raised one at line 240 */
    f = v->state.frame_start;
    vdp_run(v, f + 240 * LINE + 760 + 20 - 1);
    assert_int_equal(vdp_irq_level(v), 0);
    vdp_run(v, f + 240 * LINE + 760 + 20);
    assert_int_equal(vdp_irq_level(v), 6);
}

static void test_vint_pending_while_disabled(void **st)
{
    Vdp *v = *st;
    vdp_run(v, v->state.frame_start + 230 * LINE);
    assert_int_equal(vdp_irq_level(v), 0);
    assert_int_equal(vdp_read_status(v) & 0x80, 0x80);
    vt_reg(v, 1, 0x64); /* enabling it later raises the pending interrupt */
    assert_int_equal(vdp_irq_level(v), 6);
}

static void test_hint_clocks(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 0, 0x14); /* HINT enabled */
    vt_reg(v, 10, 9);
    vdp_run(v, vdp_frame_end(v)); /* counter reloaded during blanking */
    vdp_irq_ack(v, 4);             /* drop the ones raised while setting up */
    uint64_t f = v->state.frame_start;
    /* Counter 9: the 10th line end (line 9's) raises HINT: start of line 10. */
    vdp_run(v, f + 10 * LINE - 1);
    assert_int_equal(vdp_irq_level(v), 0);
    vdp_run(v, f + 10 * LINE);
    assert_int_equal(vdp_irq_level(v), 4);
    vdp_irq_ack(v, 4);
    vdp_run(v, f + 20 * LINE - 1);
    assert_int_equal(vdp_irq_level(v), 0);
    vdp_run(v, f + 20 * LINE);
    assert_int_equal(vdp_irq_level(v), 4);
    vdp_irq_ack(v, 4);
    /* Reg 10 = 0: every line, including the end of line 224, but not in blanking. */
    vt_reg(v, 10, 0);
    vdp_run(v, vdp_frame_end(v));
    f = v->state.frame_start;
    int count = 0;
    for (int line = 1; line < 262; line++) {
        vdp_run(v, f + (uint64_t)line * LINE);
        if (vdp_irq_level(v) == 4) {
            count++;
            vdp_irq_ack(v, 4);
        }
    }
    vdp_run(v, vdp_frame_end(v));
    if (vdp_irq_level(v) == 4)
        count++;
    assert_int_equal(count, 225);
}

/* Slot i of n on a line is at ((2i+1) * 3420) / (2n) clocks. */
static uint64_t slot_at(uint64_t line_start, int i, int n) { return line_start + (uint64_t)((2 * i + 1) * LINE / (2 * n)); }

static void test_fifo_stall_active_display(void **st)
{
    Vdp *v = *st;
    uint64_t ls = v->state.frame_start + 50 * LINE;
    vdp_run(v, ls + 1000);
    vt_command(v, VT_VRAM_WRITE, 0x0000);
    for (int i = 0; i < 4; i++)
        assert_int_equal(vdp_write_data(v, (uint16_t)i), 0);
    /* H40 active line: 18 slots. The next one after offset 1000 is slot 5 (offset 1045). */
    uint64_t now = v->state.clock;
    uint32_t wait = vdp_write_data(v, 4);
    assert_int_equal(wait, slot_at(ls, 5, 18) - now);
    /* The sixth write waits for slot 6. */
    now = v->state.clock;
    wait = vdp_write_data(v, 5);
    assert_int_equal(wait, slot_at(ls, 6, 18) - slot_at(ls, 5, 18));
    (void)now;
}

static void test_fifo_blanking_and_h32(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 12, 0x00);
    uint64_t ls = v->state.frame_start + 240 * LINE; /* blanking: 166 slots in H32 */
    vdp_run(v, ls + 100);
    vt_command(v, VT_VRAM_WRITE, 0x0000);
    for (int i = 0; i < 4; i++)
        vdp_write_data(v, (uint16_t)i);
    uint64_t now = v->state.clock;
    uint32_t wait = vdp_write_data(v, 4);
    /* First slot after offset 100 with 166 slots: i = 5 at offset 113. */
    assert_int_equal(wait, slot_at(ls, 5, 166) - now);
    /* The read waits for the FIFO to drain and one more slot. */
    assert_int_equal(vdp_read_wait(v), slot_at(ls, 10, 166) - v->state.clock);
}

static void test_reset_keeps_clock(void **st)
{
    Vdp *v = *st;
    vdp_run(v, v->state.frame_start + 100 * LINE + 5);
    uint64_t now = v->state.clock;
    vdp_reset(v);
    assert_true(v->state.clock == now);
    assert_int_equal(vdp_line(v), 0);
    assert_true(vdp_frame_end(v) == now + 262 * LINE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_frame_length_and_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hv_counter_h40, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hv_counter_h32_and_latch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hv_counter_interlace_and_pal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vint_clock, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vint_pending_while_disabled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hint_clocks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fifo_stall_active_display, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fifo_blanking_and_h32, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_keeps_clock, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
