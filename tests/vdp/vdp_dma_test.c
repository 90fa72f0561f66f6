/* vdp_dma_test.c - 68000->VDP DMA (VRAM/CRAM/VSRAM), fill, copy: data,
 * registers afterwards, wrapping, timing and the busy flag. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vdp_test_util.h"

#define LINE VDP_MASTER_CLOCKS_PER_LINE

typedef struct FakeBus {
    Vdp *vdp;
    int reads;
    uint32_t first_addr, last_addr;
    uint64_t first_clock;
} FakeBus;

/* The word at a 68000 address: derived from the address so each is distinct. */
static uint16_t word_at(uint32_t addr) { return (uint16_t)((addr >> 1) ^ 0x5A00); }

static uint16_t fake_read16(void *ctx, uint32_t addr)
{
    FakeBus *b = ctx;
    if (b->reads == 0) {
        b->first_addr = addr;
        b->first_clock = b->vdp->state.clock;
    }
    b->reads++;
    b->last_addr = addr;
    return word_at(addr);
}

typedef struct Fixture {
    Vdp *v;
    FakeBus bus;
} Fixture;

static int setup(void **st)
{
    Fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    VdpBus bus = {&fx->bus, fake_read16};
    fx->v = vt_new(&bus, 0);
    fx->bus.vdp = fx->v;
    vt_mode5(fx->v, 1);
    vt_reg(fx->v, 1, 0x14); /* DMA enabled, display off: every line is blanking */
    *st = fx;
    return 0;
}

static int teardown(void **st)
{
    Fixture *fx = *st;
    free(fx->v);
    free(fx);
    return 0;
}

/* DMA registers for a 68000 byte address `source`. */
static void set_dma(Vdp *v, unsigned length, uint32_t source, unsigned mode_bits)
{
    vt_dma_regs(v, length, (source >> 1) & 0xFFFF, ((source >> 17) & 0x7F) | mode_bits);
}

static uint16_t vram_word(const Vdp *v, unsigned a)
{
    return (uint16_t)((v->state.vram[a & 0xFFFF] << 8) | v->state.vram[(a + 1) & 0xFFFF]);
}

/* Status bits: FIFO empty (9), FIFO full (8), DMA busy (1). */
enum { ST_EMPTY = 0x0200, ST_FULL = 0x0100, ST_DMA = 0x0002 };

/* Master clocks from a blanked H40 line's start to its external slot i (i
 * < 33): every 16 clocks from offset 8 (9-bit H 0x14B, 0x14D, ...), then
 * 20 clocks apart in horizontal sync (Kabuto's access pattern with
 * Nemesis's slot positions; vdp_timing.c). */
static uint64_t h40_blank_slot(int i)
{
    if (i <= 16)
        return 8 + 16 * (uint64_t)i;
    if (i <= 27)
        return 298 + 20 * (uint64_t)(i - 17);
    return 516 + 16 * (uint64_t)(i - 28);
}

static void test_m68k_to_vram(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    set_dma(v, 16, 0x020000, 0x00);
    vt_reg(v, 15, 2);
    uint64_t ls = v->state.line_start;
    uint64_t start = v->state.clock;
    uint32_t wait = vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x1000);
    assert_int_equal(start, ls);
    assert_int_equal(fx->bus.reads, 16);
    assert_int_equal(fx->bus.first_addr, 0x020000);
    assert_int_equal(fx->bus.last_addr, 0x02001E);
    /* Registers afterwards: length 0, source advanced, address advanced. */
    assert_int_equal(v->state.regs[19] | (v->state.regs[20] << 8), 0);
    assert_int_equal(v->state.regs[21], (0x020020 >> 1) & 0xFF);
    assert_int_equal(v->state.addr, 0x1020);
    /* The bus request takes slot 0, the first word is read in slot 1. The
     * words go through the FIFO, which writes a VRAM word in two slots (a
     * byte each): the reads run ahead until the FIFO is full, then one per
     * two slots. The 68000 gets its bus back after the 16th read, in slot
     * 25; the FIFO then still holds four words (the oldest half written),
     * the last written in slot 32: one bus slot and two per word. */
    assert_true(fx->bus.first_clock == ls + h40_blank_slot(1));
    assert_int_equal(wait, h40_blank_slot(25));
    uint16_t status = vdp_read_status(v);
    assert_int_equal(status & (ST_EMPTY | ST_FULL | ST_DMA), ST_FULL);
    vdp_run(v, ls + h40_blank_slot(32) - 1);
    assert_int_not_equal(vram_word(v, 0x1000 + 2 * 15), word_at(0x020000 + 2 * 15));
    vdp_run(v, ls + h40_blank_slot(32));
    assert_int_equal(vdp_read_status(v) & ST_EMPTY, ST_EMPTY);
    for (unsigned i = 0; i < 16; i++)
        assert_int_equal(vram_word(v, 0x1000 + 2 * i), word_at(0x020000 + 2 * i));
}

/* After a 68000 DMA the FIFO may still hold its last words: run the VDP
 * on until they are written. */
static void drain(Vdp *v) { vdp_run(v, v->state.clock + LINE); }

static void test_m68k_source_wraps_in_128k(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    set_dma(v, 3, 0x03FFFC, 0x00);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x0000);
    drain(v);
    assert_int_equal(fx->bus.first_addr, 0x03FFFC);
    assert_int_equal(fx->bus.last_addr, 0x020000);
    assert_int_equal(vram_word(v, 4), word_at(0x020000));
    assert_int_equal(v->state.regs[23] & 0x7F, 0x01);
}

static void test_m68k_destination_wraps(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    set_dma(v, 2, 0x000100, 0x00);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0xFFFE);
    drain(v);
    assert_int_equal(vram_word(v, 0xFFFE), word_at(0x100));
    assert_int_equal(vram_word(v, 0x0000), word_at(0x102));
}

static void test_m68k_length_zero_is_64k(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    set_dma(v, 0, 0x000000, 0x00);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x0000);
    assert_int_equal(fx->bus.reads, 0x10000);
}

static void test_m68k_to_cram_and_vsram(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    set_dma(v, 4, 0x000200, 0x00);
    uint64_t ls = v->state.line_start;
    assert_true(v->state.clock == ls);
    /* A word per slot, written in the slot that reads it: the bus comes
     * back after slot 4 (slot 0 requests it) with the FIFO empty. */
    assert_int_equal(vt_command(v, VT_CRAM_WRITE | VT_DMA, 0x0004), h40_blank_slot(4));
    assert_int_equal(vdp_read_status(v) & (ST_EMPTY | ST_DMA), ST_EMPTY);
    for (unsigned i = 0; i < 4; i++)
        assert_int_equal(v->state.cram[2 + i], word_at(0x200 + 2 * i) & 0x0EEE);
    set_dma(v, 3, 0x000300, 0x00);
    vt_command(v, VT_VSRAM_WRITE | VT_DMA, 0x0002);
    for (unsigned i = 0; i < 3; i++)
        assert_int_equal(v->state.vsram[1 + i], word_at(0x300 + 2 * i) & 0x07FF);
}

static void test_m68k_bandwidth_in_active_display(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    vt_reg(v, 1, 0x54); /* display on */
    vdp_run(v, vdp_frame_end(v));
    uint64_t f = v->state.frame_start;
    vdp_run(v, f + 10 * LINE);
    /* CRAM, a word per slot: 40 words + bus slot = 41 slots at 18 per
     * line: ends in line 12 at its 5th external slot, 9-bit H 0x045 (H
     * counter 0x22, mid-step). */
    set_dma(v, 40, 0x000000, 0x00);
    uint32_t wait = vt_command(v, VT_CRAM_WRITE | VT_DMA, 0x0000);
    uint64_t end = f + 12 * LINE + 780 + 0x22 * 16 + 8;
    assert_int_equal(wait, end - (f + 10 * LINE));
    assert_int_equal(vdp_read_hv(v) & 0xFF, 0x22);
    /* VRAM, a byte per slot: from line 20, the 40th word is read in slot
     * 2 * 40 - 7 = 73 (the reads lead by the FIFO's four words less the
     * half written one), line 24's second slot, 9-bit H 0x005 (H counter
     * 0x02); the FIFO writes the last byte in slot 1 + 2 * 40 - 1 = 80, line
     * 24's ninth, H 0x095. */
    vdp_run(v, f + 20 * LINE);
    set_dma(v, 40, 0x000000, 0x00);
    wait = vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x0000);
    assert_int_equal(wait, 4 * LINE + 780 + 0x02 * 16 + 8);
    assert_int_equal(vdp_read_hv(v) & 0xFF, 0x02);
    uint64_t last = f + 24 * LINE + 780 + 0x4A * 16 + 8;
    vdp_run(v, last - 1);
    assert_int_not_equal(vram_word(v, 78), word_at(78));
    vdp_run(v, last);
    assert_int_equal(vram_word(v, 78), word_at(78));
}

/* A fill starts with its data word, written through the FIFO like any
 * other at the command's address; then each unit writes the word's high
 * byte at (address ^ 1) from the advanced address on (notaz, testpico "dma
 * fill3 odd / even", measured on hardware; Sega manual, "VRAM Fill"). */
static void test_vram_fill(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    vt_reg(v, 15, 1);
    set_dma(v, 8, 0, 0x80);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x2000);
    assert_int_equal(vdp_read_status(v) & 2, 2); /* busy while waiting for data */
    assert_int_equal(vdp_write_data(v, 0xAB12), 0);
    assert_int_equal(vdp_read_status(v) & 2, 2);
    vdp_run(v, v->state.clock + LINE);
    assert_int_equal(vdp_read_status(v) & 2, 0);
    /* The word at 0x2000 (0xAB 0x12), then units at 0x2001..0x2008 write
     * bytes 0x2000, 0x2003, 0x2002, ..., 0x2007, 0x2006, 0x2009: the
     * word's low byte stays at 0x2001 (the manual's "you must rewrite
     * data (C) into ADD+1"). */
    assert_int_equal(v->state.vram[0x2001], 0x12);
    for (unsigned a = 0x2002; a < 0x2008; a++)
        assert_int_equal(v->state.vram[a], 0xAB);
    assert_int_equal(v->state.vram[0x2000], 0xAB);
    assert_int_equal(v->state.vram[0x2008], 0x00);
    assert_int_equal(v->state.vram[0x2009], 0xAB);
    assert_int_equal(v->state.addr, 0x2009);
    assert_int_equal(v->state.regs[19], 0);
    /* Increment 2: the word at 0x3000, then odd bytes from 0x3003 on. */
    vt_reg(v, 15, 2);
    set_dma(v, 4, 0, 0x80);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x3000);
    vdp_write_data(v, 0xCD34);
    vdp_run(v, v->state.clock + LINE);
    static const uint8_t want[12] = {0xCD, 0x34, 0, 0xCD, 0, 0xCD, 0, 0xCD, 0, 0xCD, 0, 0};
    for (unsigned i = 0; i < 12; i++)
        assert_int_equal(v->state.vram[0x3000 + i], want[i]);
}

static void test_vram_fill_runs_in_background(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    vt_reg(v, 15, 1);
    set_dma(v, 0x400, 0, 0x80); /* the word's 2 slots and 1024 units: 5.0 lines of blanking slots */
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x0000);
    vdp_write_data(v, 0x7700);
    uint64_t start = v->state.clock;
    vdp_run(v, start + 4 * LINE);
    assert_int_equal(vdp_read_status(v) & 2, 2);
    vdp_run(v, start + 6 * LINE);
    assert_int_equal(vdp_read_status(v) & 2, 0);
    assert_int_equal(v->state.vram[0x3FF], 0x77);
    assert_int_equal(v->state.vram[0x400], 0x00);
    assert_int_equal(v->state.vram[0x401], 0x77);
}

/* A CRAM (or VSRAM) fill unit writes the whole FIFO entry after the newest
 * one: the stale word the four-entry ring holds from three writes before
 * the fill's data word, not the data (testpico "dma fill3 vsram"). */
static void test_cram_fill(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    static const uint16_t before[4] = {0x0222, 0x0444, 0x0666, 0x0888};
    vt_write_words(v, VT_CRAM_WRITE, 0x0040, before, 4);
    vt_reg(v, 15, 2);
    set_dma(v, 3, 0, 0x80);
    vt_command(v, VT_CRAM_WRITE | VT_DMA, 0x0010);
    vdp_write_data(v, 0x0ACE);
    vdp_run(v, v->state.clock + LINE);
    assert_int_equal(v->state.cram[8], 0x0ACE);
    assert_int_equal(v->state.cram[9], 0x0444);
    assert_int_equal(v->state.cram[10], 0x0444);
    assert_int_equal(v->state.cram[11], 0x0444);
    assert_int_equal(v->state.cram[12], 0);
}

static void test_vram_copy(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    const uint16_t src[4] = {0x0102, 0x0304, 0x0506, 0x0708};
    vt_write_words(v, VT_VRAM_WRITE, 0x4000, src, 4);
    vt_reg(v, 15, 1);
    vt_dma_regs(v, 6, 0x4000, 0xC0);
    vt_command(v, VT_VRAM_READ | VT_DMA | 0x10, 0x5000);
    assert_int_equal(vdp_read_status(v) & 2, 2);
    vdp_run(v, v->state.clock + LINE);
    assert_int_equal(vdp_read_status(v) & 2, 0);
    /* Aligned source and destination: the bytes arrive in order. */
    for (unsigned i = 0; i < 6; i++)
        assert_int_equal(v->state.vram[0x5000 + i], i + 1);
    assert_int_equal(v->state.vram[0x5006], 0);
    assert_int_equal(v->state.regs[21] | (v->state.regs[22] << 8), 0x4006);
    assert_int_equal(v->state.addr, 0x5006);
    /* Odd destination: internal byte order (address bit 0 inverted) shows. */
    vt_reg(v, 19, 2);
    vt_reg(v, 21, 0x00);
    vt_reg(v, 22, 0x40);
    vt_command(v, VT_VRAM_READ | VT_DMA | 0x10, 0x6001);
    vdp_run(v, v->state.clock + LINE);
    assert_int_equal(v->state.vram[0x6000], 0x02); /* source byte 0x4001 to 0x6001 ^ 1 */
    assert_int_equal(v->state.vram[0x6003], 0x01); /* source byte 0x4000 to 0x6002 ^ 1 */
}

static void test_copy_takes_two_slots_per_byte(void **st)
{
    Fixture *fx = *st;
    Vdp *v = fx->v;
    vt_reg(v, 15, 1);
    vt_reg(v, 19, 204);
    vt_reg(v, 20, 0);
    vt_reg(v, 21, 0);
    vt_reg(v, 22, 0);
    vt_reg(v, 23, 0xC0);
    uint64_t ls = v->state.line_start + LINE;
    vdp_run(v, ls);
    vt_command(v, VT_VRAM_READ | VT_DMA | 0x10, 0x8000);
    /* 204 bytes = 408 slots; a blanked H40 line has 205 (210 less 5
     * refresh slots), so the last is the second line's third from the end,
     * at 9-bit H 0x145 (offset 780 + 0xA2 * 16 + 8 = 3380). */
    vdp_run(v, ls + LINE + 3379);
    assert_int_equal(vdp_read_status(v) & 2, 2);
    vdp_run(v, ls + LINE + 3380);
    assert_int_equal(vdp_read_status(v) & 2, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_m68k_to_vram, setup, teardown),
        cmocka_unit_test_setup_teardown(test_m68k_source_wraps_in_128k, setup, teardown),
        cmocka_unit_test_setup_teardown(test_m68k_destination_wraps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_m68k_length_zero_is_64k, setup, teardown),
        cmocka_unit_test_setup_teardown(test_m68k_to_cram_and_vsram, setup, teardown),
        cmocka_unit_test_setup_teardown(test_m68k_bandwidth_in_active_display, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vram_fill, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vram_fill_runs_in_background, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cram_fill, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vram_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_takes_two_slots_per_byte, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
