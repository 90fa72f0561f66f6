/* vdp_timing_test.c - frame/line timing, HV counter, interrupt clocks, FIFO stalls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vdp_internal.h"
#include "vdp_test_util.h"

#define LINE VDP_MASTER_CLOCKS_PER_LINE

/* An acknowledge clears only an interrupt the VDP is asserting, so the
 * flags left by the setup are dropped with both interrupts enabled. */
static void clear_pending(Vdp *v)
{
    uint8_t r0 = v->state.regs[0], r1 = v->state.regs[1];
    vt_reg(v, 0, (uint8_t)(r0 | 0x10));
    vt_reg(v, 1, (uint8_t)(r1 | 0x20));
    vdp_irq_ack(v, 6);
    vdp_irq_ack(v, 4);
    vt_reg(v, 0, r0);
    vt_reg(v, 1, r1);
}

static int setup(void **st)
{
    Vdp *v = vt_new(NULL, 0);
    if (!v)
        return -1;
    vt_mode5(v, 1);
    vt_display_on(v, 0);
    vdp_run(v, vdp_frame_end(v)); /* start from a frame boundary */
    clear_pending(v);
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

/* The acknowledge clears the interrupt the VDP asserts at that moment
 * (testpico "irq ack v-h 2" / "irq ack h-v 2", measured on hardware). */
static void test_ack_clears_what_is_asserted(void **st)
{
    Vdp *v = *st;
    v->state.vint_pending = 1;
    v->state.hint_pending = 1;
    /* Level 6 taken, VINT disabled again before the acknowledge: nothing. */
    vt_reg(v, 1, 0x44);
    vt_reg(v, 0, 0x04);
    vdp_irq_ack(v, 6);
    assert_int_equal(v->state.vint_pending, 1);
    assert_int_equal(v->state.hint_pending, 1);
    /* ... nor does it take HINT in VINT's place. */
    vt_reg(v, 0, 0x14);
    vdp_irq_ack(v, 6);
    assert_int_equal(v->state.hint_pending, 1);
    /* Level 4 taken while VINT became enabled: VINT is cleared, HINT stays. */
    vt_reg(v, 1, 0x64);
    vdp_irq_ack(v, 4);
    assert_int_equal(v->state.vint_pending, 0);
    assert_int_equal(v->state.hint_pending, 1);
    assert_int_equal(vdp_irq_level(v), 4);
    vdp_irq_ack(v, 4);
    assert_int_equal(v->state.hint_pending, 0);
    assert_int_equal(vdp_irq_level(v), 0);
}

/* The interrupt output lags the flags by four dots (ares' irq delay). */
static void test_irq_output_delay(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 12, 0x81);
    assert_int_equal(vdp_irq_output_delay(v), 4 * 8);
    vt_reg(v, 12, 0x00);
    assert_int_equal(vdp_irq_output_delay(v), 4 * 10);
}

static void test_hint_clocks(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 0, 0x14); /* HINT enabled */
    vt_reg(v, 10, 9);
    vdp_run(v, vdp_frame_end(v)); /* counter reloaded during blanking */
    vdp_irq_ack(v, 4);             /* drop the ones raised while setting up */
    uint64_t f = v->state.frame_start;
    /* Counter 9 (loaded as the last blanked line began) counts down as lines
     * 0-8 begin and raises HINT as line 9 begins (testpico "irq4 / line"). */
    vdp_run(v, f + 9 * LINE - 1);
    assert_int_equal(vdp_irq_level(v), 0);
    vdp_run(v, f + 9 * LINE);
    assert_int_equal(vdp_irq_level(v), 4);
    vdp_irq_ack(v, 4);
    vdp_run(v, f + 19 * LINE - 1);
    assert_int_equal(vdp_irq_level(v), 0);
    vdp_run(v, f + 19 * LINE);
    assert_int_equal(vdp_irq_level(v), 4);
    vdp_irq_ack(v, 4);
    /* Reg 10 = 0: as each of lines 0-224 begins, never in the rest of blanking. */
    vt_reg(v, 10, 0);
    vdp_run(v, vdp_frame_end(v) - 1);
    clear_pending(v);
    f = vdp_frame_end(v);
    int count = 0;
    for (int line = 0; line < 262; line++) {
        vdp_run(v, f + (uint64_t)line * LINE);
        int raised = vdp_irq_level(v) == 4;
        assert_int_equal(raised, line <= 224);
        if (raised) {
            count++;
            vdp_irq_ack(v, 4);
        }
    }
    assert_int_equal(count, 225);
}

/* External access slots of an active line as 9-bit H counter values
 * (two-pixel slots 15, 23, 31, 47, ... numbered from H 0x1E9; Kabuto's VRAM
 * access pattern, Nemesis's slot charts). Each is an odd 9-bit value, so it
 * falls in the middle of an 8-bit H counter step. */
static const uint16_t h40_active_slots[18] = {0x005, 0x015, 0x025, 0x045, 0x055, 0x065, 0x085, 0x095, 0x0A5,
                                              0x0C5, 0x0D5, 0x0E5, 0x105, 0x115, 0x125, 0x143, 0x145, 0x1D1};
static const uint16_t h32_active_slots[16] = {0x005, 0x015, 0x025, 0x045, 0x055, 0x065, 0x085, 0x095,
                                              0x0A5, 0x0C5, 0x0D5, 0x0E5, 0x103, 0x105, 0x121, 0x1E7};

/* Master clocks from the line start (V counter increment) to 9-bit H value h9. */
static uint64_t h9_offset(int h40, unsigned h9)
{
    unsigned h8 = h9 >> 1;
    uint64_t at, step;
    if (!h40) {
        step = 20;
        at = h8 >= 0xE9 ? (15 + h8 - 0xE9) * step : h8 >= 0x85 ? (h8 - 0x85) * step : 760 + h8 * step;
    } else if (h8 >= 0xA5 && h8 <= 0xB6) {
        step = 16, at = (h8 - 0xA5) * step;
    } else if (h8 >= 0xE4 && h8 <= 0xEE) {
        step = 20, at = 288 + (h8 - 0xE4) * step;
    } else if (h8 >= 0xEF) {
        step = 16, at = 508 + (h8 - 0xEF) * step;
    } else {
        step = 16, at = 780 + h8 * step;
    }
    return at + (h9 & 1) * step / 2;
}

/* With the FIFO full, each further write waits for the slot that frees an
 * entry: with CRAM words (one slot each) the writer resumes exactly at
 * each documented slot, in line order; with VRAM words (a byte per slot,
 * vdp_fifo.c) at every second one. */
static void check_active_slots_every(Vdp *v, int h40, const uint16_t *slots, int count, unsigned code, int per_word)
{
    vdp_run(v, vdp_frame_end(v));
    uint64_t ls = v->state.frame_start + 50 * LINE;
    vdp_run(v, ls + 1); /* line 50 just begun: past the previous line's slots */
    vt_command(v, code, 0x0000);
    for (int i = 0; i < 4; i++)
        assert_int_equal(vdp_write_data(v, (uint16_t)i), 0);
    /* Sorted by clock: the H40 slot at 0x1D1 (sync) comes first in the line. */
    uint64_t expected[18];
    for (int i = 0; i < count; i++)
        expected[i] = ls + h9_offset(h40, slots[i]);
    for (int i = 1; i < count; i++)
        for (int j = i; j > 0 && expected[j] < expected[j - 1]; j--) {
            uint64_t t = expected[j];
            expected[j] = expected[j - 1];
            expected[j - 1] = t;
        }
    for (int i = per_word - 1; i < count; i += per_word) {
        uint64_t now = v->state.clock;
        uint32_t wait = vdp_write_data(v, (uint16_t)(4 + i));
        assert_int_equal(wait, expected[i] - now);
        assert_true(v->state.clock == expected[i]);
    }
}

static void check_active_slots(Vdp *v, int h40, const uint16_t *slots, int count)
{
    check_active_slots_every(v, h40, slots, count, VT_CRAM_WRITE, 1);
    check_active_slots_every(v, h40, slots, count, VT_VRAM_WRITE, 2);
}

static void test_fifo_slots_active_h40(void **st)
{
    Vdp *v = *st;
    check_active_slots(v, 1, h40_active_slots, 18);
    /* The slot in the sync area is at H counter 0xE8, 10 clocks into a 20-clock step. */
    assert_true(h9_offset(1, 0x1D1) == 288 + 4 * 20 + 10);
}

static void test_fifo_slots_active_h32(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 12, 0x00);
    check_active_slots(v, 0, h32_active_slots, 16);
}

static void test_fifo_slots_refresh_gaps(void **st)
{
    Vdp *v = *st;
    /* Active H40 slots come every 16 pixels except where a refresh slot
     * (39, 71, 103, 135, 167) takes the place of the fourth. */
    for (int i = 1; i < 15; i++) {
        unsigned gap = h40_active_slots[i] - h40_active_slots[i - 1];
        assert_int_equal(gap, (i % 3) == 0 ? 0x20 : 0x10);
    }
    (void)v;
}

/* At master clock `at`, four writes that fill the FIFO (they take no wait). */
static void fill_fifo_at(Vdp *v, uint64_t at, unsigned code)
{
    vdp_run(v, at);
    vt_command(v, code, 0x0000);
    for (int i = 0; i < 4; i++)
        vdp_write_data(v, (uint16_t)i);
}

static void test_fifo_blanking_and_h32(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 12, 0x00);
    uint64_t ls = v->state.frame_start + 240 * LINE; /* blanking: 167 slots in H32 */
    fill_fifo_at(v, ls + 100, VT_VSRAM_WRITE);
    uint64_t now = v->state.clock;
    uint32_t wait = vdp_write_data(v, 4);
    /* Blanked H32: a slot every 20 clocks at offsets 10, 30, ... (9-bit H
     * 0x10B, 0x10D, ...); after offset 100 they are 110, 130, 150, 170, 190. */
    assert_int_equal(wait, ls + 110 - now);
    /* The read waits for the four queued writes and one more slot. */
    assert_int_equal(vdp_read_wait(v), ls + 210 - v->state.clock);
    /* Refresh slots leave gaps: 1270 is followed by 1310 (slot 39 at 0x1E9 + 76). */
    fill_fifo_at(v, ls + 1260, VT_VSRAM_WRITE);
    now = v->state.clock;
    assert_int_equal(vdp_write_data(v, 4), ls + 1270 - now);
    now = v->state.clock;
    assert_int_equal(vdp_write_data(v, 5), ls + 1310 - now);
    /* VRAM words take two slots each: from offset 2000, with the FIFO full
     * the first entry is free after 2010 and 2030, the next after 2070. A
     * read then waits for the four queued words' eight slots and its own. */
    fill_fifo_at(v, ls + 2000, VT_VRAM_WRITE);
    now = v->state.clock;
    assert_int_equal(vdp_write_data(v, 4), ls + 2030 - now);
    now = v->state.clock;
    assert_int_equal(vdp_write_data(v, 5), ls + 2070 - now);
    assert_int_equal(vdp_read_wait(v), ls + 2070 + 9 * 20 - v->state.clock);
}

/* The run loop's slot cursor gives vdp_next_slot's answers for clocks
 * walked forward through a line, on active and blank lines of both widths
 * with the display on and off, starting anywhere in the line. */
static void check_cursor_matches_next_slot(const VdpState *s)
{
    for (int start = -3; start < LINE + 3; start += 97) {
        VdpSlotCursor c = {.offset = 0, .count = 0, .index = 0, .line_start = UINT64_MAX};
        int step = 1;
        for (int64_t rel = start; rel < LINE + 3; rel += step, step = step % 7 + 1) {
            uint64_t clock = (uint64_t)((int64_t)s->line_start + rel);
            assert_true(vdp_slot_cursor_next(&c, s, clock) == vdp_next_slot(s, clock));
        }
    }
}

static void test_slot_cursor_matches_next_slot(void **st)
{
    Vdp *v = *st;
    for (int h40 = 0; h40 < 2; h40++) {
        vt_reg(v, 12, h40 ? 0x81 : 0x00);
        for (int display = 0; display < 2; display++) {
            vt_reg(v, 1, display ? 0x44 : 0x04);
            const int lines[2] = {50, 240};
            for (int i = 0; i < 2; i++) {
                vdp_run(v, vdp_frame_end(v));
                vdp_run(v, v->state.frame_start + (uint64_t)lines[i] * LINE + 1);
                assert_int_equal(v->state.line, lines[i]);
                check_cursor_matches_next_slot(&v->state);
            }
        }
    }
}

static void test_read_wait_crosses_line(void **st)
{
    Vdp *v = *st;
    uint64_t ls = v->state.frame_start + 70 * LINE;
    vdp_run(v, ls + 3390); /* past the line's last slot (offset 3380) */
    vt_command(v, VT_CRAM_WRITE, 0x0000);
    vdp_write_data(v, 1);
    vdp_write_data(v, 2);
    /* Next line's first active H40 slots: 0x1D1, 0x005, 0x015, 0x025, 0x045.
     * Two CRAM words and the read take the first three. */
    uint64_t third = ls + LINE + h9_offset(1, 0x015);
    assert_int_equal(vdp_read_wait(v), third - v->state.clock);
    /* Two VRAM words take two slots each (vdp_fifo.c): the read gets the fifth. */
    vdp_run(v, ls + 2 * LINE + 3390);
    vt_command(v, VT_VRAM_WRITE, 0x0000);
    vdp_write_data(v, 1);
    vdp_write_data(v, 2);
    uint64_t fifth = ls + 3 * LINE + h9_offset(1, 0x045);
    assert_int_equal(vdp_read_wait(v), fifth - v->state.clock);
}

/* Interlaced NTSC fields alternate 263 (odd, status bit 4 set) and 262
 * lines; the odd field's extra line is V counter 0x1E4. */
static void test_interlace_fields(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 12, 0x81 | 0x02);
    vdp_run(v, vdp_frame_end(v));
    int seen_odd = 0, seen_even = 0;
    for (int field = 0; field < 4; field++) {
        uint64_t f = v->state.frame_start;
        int odd = (vdp_read_status(v) & 0x10) != 0;
        assert_int_equal(vdp_frame_clocks(v), (odd ? 263 : 262) * LINE);
        /* Line 0xEC is V 0x1E5 in the odd field, 0x1E6 in the even one;
         * interlace mode 1 shows V bit 8 in bit 0. */
        vdp_run(v, f + 0xEC * LINE + 100);
        assert_int_equal(vdp_read_hv(v) >> 8, odd ? 0xE5 : 0xE7);
        vdp_run(v, f + (odd ? 262 : 261) * LINE + 100);
        assert_int_equal(vdp_read_hv(v) >> 8, 0xFF);
        assert_int_equal((vdp_read_status(v) & 0x10) != 0, odd);
        vdp_run(v, vdp_frame_end(v));
        assert_true(v->state.frame_start == f + (uint64_t)(odd ? 263 : 262) * LINE);
        assert_int_equal((vdp_read_status(v) & 0x10) != 0, !odd);
        seen_odd += odd;
        seen_even += !odd;
    }
    assert_int_equal(seen_odd, 2);
    assert_int_equal(seen_even, 2);
    /* PAL: 313 odd, 312 even; without interlace every field is 313 again. */
    vdp_set_pal(v, true);
    vdp_run(v, vdp_frame_end(v));
    int odd = (vdp_read_status(v) & 0x10) != 0;
    assert_int_equal(vdp_frame_clocks(v), (odd ? 313 : 312) * LINE);
    vt_reg(v, 12, 0x81);
    vdp_run(v, vdp_frame_end(v));
    assert_int_equal(vdp_read_status(v) & 0x10, 0);
    assert_int_equal(vdp_frame_clocks(v), 313 * LINE);
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
        cmocka_unit_test_setup_teardown(test_ack_clears_what_is_asserted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_irq_output_delay, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hint_clocks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fifo_slots_active_h40, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fifo_slots_active_h32, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fifo_slots_refresh_gaps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fifo_blanking_and_h32, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slot_cursor_matches_next_slot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_wait_crosses_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interlace_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_keeps_clock, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
