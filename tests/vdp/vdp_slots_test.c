/* vdp_slots_test.c - what the external access slots carry per line: a VRAM
 * byte, or a CRAM / VSRAM word (or a VRAM word in the 128 KiB mode), for
 * data-port writes and for 68000 DMA; a fill unit per slot, a copied byte
 * per two slots. Checked against Sega's "DMA Transfer Capacity" table
 * (Genesis Software Manual, section 7): 68000 -> VRAM 16 / 18 bytes per
 * active line (H32 / H40) and 167 / 205 per blanked line, the same numbers
 * in words for CRAM and VSRAM, copy 8 / 9 and 83 / 102 bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vdp_test_util.h"

#define LINE VDP_MASTER_CLOCKS_PER_LINE

enum { ACTIVE_LINE = 100, BLANK_LINE = 230 };

/* 68000 DMA reads whose VDP clock falls in [from, to). */
typedef struct ReadCounter {
    const Vdp *vdp;
    uint64_t from, to;
    int count;
} ReadCounter;

static uint16_t counting_read16(void *ctx, uint32_t addr)
{
    ReadCounter *c = ctx;
    uint64_t t = c->vdp->state.clock;
    if (t >= c->from && t < c->to)
        c->count++;
    return (uint16_t)(addr >> 1);
}

/* A VDP in mode 5, H40 or H32, display on, DMA enabled, DMA reads counted. */
static Vdp *new_vdp(int h40, ReadCounter *counter)
{
    VdpBus bus = {counter, counting_read16};
    Vdp *v = vt_new(&bus, 0);
    assert_non_null(v);
    counter->vdp = v;
    counter->count = 0;
    counter->from = counter->to = 0;
    vt_mode5(v, h40);
    vt_reg(v, 1, 0x54);
    vdp_run(v, vdp_frame_end(v));
    return v;
}

/* Words the FIFO writes out during line `line` while the writer keeps it
 * full: each write then returns at the slot that freed an entry. */
static int fifo_words_in_line(int h40, unsigned code, int line, int vram128k)
{
    ReadCounter rc;
    Vdp *v = new_vdp(h40, &rc);
    if (vram128k)
        vt_reg(v, 1, 0xD4);
    uint64_t ls = v->state.frame_start + (uint64_t)line * LINE;
    vdp_run(v, ls - LINE / 2);
    vt_reg(v, 15, 2);
    vt_command(v, code, 0);
    int n = 0;
    while (v->state.clock < ls + LINE) {
        vdp_write_data(v, 0);
        if (v->state.clock >= ls && v->state.clock < ls + LINE)
            n++;
    }
    free(v);
    return n;
}

/* Source words a 68000 DMA reads during line `line`: with the FIFO full,
 * one per word the FIFO writes out. */
static int dma_words_in_line(int h40, unsigned code, int line)
{
    ReadCounter rc;
    Vdp *v = new_vdp(h40, &rc);
    uint64_t ls = v->state.frame_start + (uint64_t)line * LINE;
    vdp_run(v, ls - LINE / 2);
    vt_reg(v, 15, 2);
    vt_dma_regs(v, 400, 0, 0); /* 400 words: past the line's end in every case */
    rc.from = ls;
    rc.to = ls + LINE;
    vt_command(v, code | VT_DMA, 0);
    int n = rc.count;
    free(v);
    return n;
}

/* Fill units (mode 0x80) or copied bytes (0xC0) during line `line`, from
 * the length register. */
static int dma_units_in_line(int h40, unsigned mode, int line)
{
    ReadCounter rc;
    Vdp *v = new_vdp(h40, &rc);
    uint64_t ls = v->state.frame_start + (uint64_t)line * LINE;
    vdp_run(v, ls - LINE / 2);
    vt_reg(v, 15, 1);
    vt_dma_regs(v, 0, 0, mode); /* length 0: 0x10000 units */
    if (mode == 0x80) {
        vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x8000);
        vdp_write_data(v, 0x1100);
    } else {
        vt_command(v, VT_VRAM_READ | VT_DMA | 0x10, 0x8000);
    }
    vdp_run(v, ls);
    int before = v->state.regs[19] | (v->state.regs[20] << 8);
    vdp_run(v, ls + LINE);
    int after = v->state.regs[19] | (v->state.regs[20] << 8);
    free(v);
    return before - after;
}

/* Data-port writes: a VRAM word uses two slots, CRAM and VSRAM words one
 * (testpico "time vdp vram w" / "time vdp cram w": 112 * 18 words from line
 * 0 end on line 223 for VRAM, on line 112 for CRAM). */
static void test_fifo_words_per_line(void **st)
{
    (void)st;
    /* H40: 18 external slots on an active line, 205 on a blanked one. */
    assert_int_equal(fifo_words_in_line(1, VT_VRAM_WRITE, ACTIVE_LINE, 0), 9);
    assert_int_equal(fifo_words_in_line(1, VT_CRAM_WRITE, ACTIVE_LINE, 0), 18);
    assert_int_equal(fifo_words_in_line(1, VT_VSRAM_WRITE, ACTIVE_LINE, 0), 18);
    assert_in_range(fifo_words_in_line(1, VT_VRAM_WRITE, BLANK_LINE, 0), 102, 103);
    assert_int_equal(fifo_words_in_line(1, VT_CRAM_WRITE, BLANK_LINE, 0), 205);
    /* H32: 16 and 167. */
    assert_int_equal(fifo_words_in_line(0, VT_VRAM_WRITE, ACTIVE_LINE, 0), 8);
    assert_int_equal(fifo_words_in_line(0, VT_CRAM_WRITE, ACTIVE_LINE, 0), 16);
    assert_in_range(fifo_words_in_line(0, VT_VRAM_WRITE, BLANK_LINE, 0), 83, 84);
    assert_int_equal(fifo_words_in_line(0, VT_VSRAM_WRITE, BLANK_LINE, 0), 167);
    /* 128 KiB mode: a 16-bit VRAM bus, a word per slot (vdp_fifo.c: inferred
     * from the bus width, not measured). */
    assert_int_equal(fifo_words_in_line(1, VT_VRAM_WRITE, ACTIVE_LINE, 1), 18);
}

/* The manual's table, row by row. Fill: one unit per slot, which is one
 * more per line than the manual's 15 / 17 / 166 / 204 (see vdp_dma.c). */
static void test_dma_transfer_capacity(void **st)
{
    (void)st;
    assert_int_equal(dma_words_in_line(1, VT_VRAM_WRITE, ACTIVE_LINE), 9);
    assert_int_equal(dma_words_in_line(1, VT_CRAM_WRITE, ACTIVE_LINE), 18);
    assert_in_range(dma_words_in_line(1, VT_VRAM_WRITE, BLANK_LINE), 102, 103);
    assert_int_equal(dma_words_in_line(1, VT_VSRAM_WRITE, BLANK_LINE), 205);
    assert_int_equal(dma_words_in_line(0, VT_VRAM_WRITE, ACTIVE_LINE), 8);
    assert_int_equal(dma_words_in_line(0, VT_VSRAM_WRITE, ACTIVE_LINE), 16);
    assert_in_range(dma_words_in_line(0, VT_VRAM_WRITE, BLANK_LINE), 83, 84);
    assert_int_equal(dma_words_in_line(0, VT_CRAM_WRITE, BLANK_LINE), 167);

    assert_int_equal(dma_units_in_line(1, 0x80, ACTIVE_LINE), 18);
    assert_int_equal(dma_units_in_line(1, 0x80, BLANK_LINE), 205);
    assert_int_equal(dma_units_in_line(0, 0x80, ACTIVE_LINE), 16);
    assert_int_equal(dma_units_in_line(0, 0x80, BLANK_LINE), 167);

    assert_int_equal(dma_units_in_line(1, 0xC0, ACTIVE_LINE), 9);
    assert_in_range(dma_units_in_line(1, 0xC0, BLANK_LINE), 102, 103);
    assert_int_equal(dma_units_in_line(0, 0xC0, ACTIVE_LINE), 8);
    assert_in_range(dma_units_in_line(0, 0xC0, BLANK_LINE), 83, 84);
}

/* A VRAM word is two byte writes in consecutive slots: the odd address's
 * byte first, then the even one's (Sega manual, "VRAM Fill", term 1, in the
 * 68000's byte order); the entry stays in the FIFO until both are done. */
static void test_vram_word_is_two_byte_writes(void **st)
{
    (void)st;
    ReadCounter rc;
    Vdp *v = new_vdp(1, &rc);
    vt_reg(v, 1, 0x14); /* display off: blanked H40 slots at offsets 8, 24, 40, ... */
    uint64_t ls = v->state.frame_start + 10 * LINE;
    vdp_run(v, ls);
    vt_command(v, VT_VRAM_WRITE, 0x2000);
    vdp_write_data(v, 0xABCD);
    vdp_run(v, ls + 8);
    assert_int_equal(v->state.vram[0x2001], 0xCD);
    assert_int_equal(v->state.vram[0x2000], 0x00);
    assert_int_equal(vdp_read_status(v) & 0x0200, 0);
    vdp_run(v, ls + 24);
    assert_int_equal(v->state.vram[0x2000], 0xAB);
    assert_int_equal(vdp_read_status(v) & 0x0200, 0x0200);
    /* An odd address exchanges the bytes: the high one goes to 0x3001, first. */
    vt_command(v, VT_VRAM_WRITE, 0x3001);
    vdp_write_data(v, 0xABCD);
    vdp_run(v, ls + 40);
    assert_int_equal(v->state.vram[0x3001], 0xAB);
    assert_int_equal(v->state.vram[0x3000], 0x00);
    vdp_run(v, ls + 56);
    assert_int_equal(v->state.vram[0x3000], 0xCD);
    free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fifo_words_per_line),
        cmocka_unit_test(test_dma_transfer_capacity),
        cmocka_unit_test(test_vram_word_is_two_byte_writes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
