/* vdp_dma_fill_test.c - fills (first word, units, stale FIFO data, source
 * registers), a register write loading the code and address registers, and
 * the 128 KiB VRAM mode: the cases of notaz's hardware-verified testpico
 * ROM ("dma fill3 odd / even / vsram", "dma fill disabled", "dma fill src
 * incr", "dma 128k mode", "vdp 128k addr bit16", "vdp reg w cmd reset"),
 * run on the VDP alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vdp_test_util.h"

#define LINE VDP_MASTER_CLOCKS_PER_LINE

/* 68000 memory for the DMA tests: 0x5A11 0x5A22 0x5A33 at 0xFF0000, then 0. */
static uint16_t ram_read16(void *ctx, uint32_t addr)
{
    (void)ctx;
    static const uint16_t ram[3] = {0x5A11, 0x5A22, 0x5A33};
    return addr >= 0xFF0000 && addr < 0xFF0006 ? ram[(addr - 0xFF0000) / 2] : 0;
}

static int setup(void **st)
{
    VdpBus bus = {NULL, ram_read16};
    Vdp *v = vt_new(&bus, 0);
    if (!v)
        return -1;
    vt_mode5(v, 1);
    vt_reg(v, 1, 0x54); /* display on, DMA enabled, as testpico runs its tests */
    *st = v;
    return 0;
}

static int teardown(void **st)
{
    free(*st);
    return 0;
}

static void set_fill(Vdp *v, unsigned length, unsigned increment)
{
    vt_reg(v, 15, increment);
    vt_reg(v, 19, length & 0xFF);
    vt_reg(v, 20, length >> 8);
    vt_reg(v, 23, 0x80);
}

/* Runs the VDP until the DMA busy flag drops (at most a frame). */
static void wait_dma_idle(Vdp *v)
{
    uint64_t limit = v->state.clock + 262 * LINE;
    while ((vdp_read_status(v) & 2) && v->state.clock < limit)
        vdp_run(v, v->state.clock + 100);
    assert_int_equal(vdp_read_status(v) & 2, 0);
}

static void check_bytes(const Vdp *v, unsigned addr, const uint8_t *want, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        assert_int_equal(v->state.vram[addr + i], want[i]);
}

static void zero_vram(Vdp *v, unsigned addr, int words)
{
    uint16_t zero[16] = {0};
    vt_write_words(v, VT_VRAM_WRITE, addr, zero, words);
}

/* The data word is written at the command's address like any other; the
 * units follow from the advanced address, each writing the word's high
 * byte at (address ^ 1). Increment 3, length 3. */
static void test_vram_fill_odd_and_even(void **st)
{
    Vdp *v = *st;
    zero_vram(v, 0x100, 6);
    set_fill(v, 3, 3);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x101);
    vdp_write_data(v, 0x1122);
    wait_dma_idle(v);
    /* 0x101: the word byte-swapped into 0x100; units at 0x104, 0x107, 0x10A. */
    static const uint8_t odd[12] = {0x22, 0x11, 0, 0, 0, 0x11, 0x11, 0, 0, 0, 0, 0x11};
    check_bytes(v, 0x100, odd, 12);

    zero_vram(v, 0x100, 6);
    set_fill(v, 3, 3);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x100);
    vdp_write_data(v, 0x1122);
    wait_dma_idle(v);
    /* 0x100: units at 0x103, 0x106, 0x109. */
    static const uint8_t even[12] = {0x11, 0x22, 0x11, 0, 0, 0, 0, 0x11, 0x11, 0, 0, 0};
    check_bytes(v, 0x100, even, 12);
}

/* A VSRAM (or CRAM) unit writes the FIFO entry after the newest: with the
 * writes 0 x6, 0x111, 0x222, 0x333 before the fill's 0x0102, that is the
 * ring's 0x111. */
static void test_vsram_fill_writes_stale_fifo_word(void **st)
{
    Vdp *v = *st;
    static const uint16_t words[9] = {0, 0, 0, 0, 0, 0, 0x0111, 0x0222, 0x0333};
    vt_write_words(v, VT_VSRAM_WRITE, 0, words, 9);
    vdp_run(v, v->state.clock + LINE);
    set_fill(v, 3, 3);
    vt_command(v, VT_VSRAM_WRITE | VT_DMA, 1);
    vdp_write_data(v, 0x0102);
    wait_dma_idle(v);
    /* The word at 1 (entry 0), units at 4, 7, 10 (entries 2, 3, 5). */
    static const uint16_t want[6] = {0x0102, 0, 0x0111, 0x0111, 0, 0x0111};
    for (int i = 0; i < 6; i++)
        assert_int_equal(v->state.vsram[i], want[i]);
    /* CRAM the same way: after 0x0AAA 0x0CCC 0x0EEE, the fill's 0x0002
     * is followed by units writing 0x0AAA. */
    static const uint16_t colours[3] = {0x0AAA, 0x0CCC, 0x0EEE};
    vt_write_words(v, VT_CRAM_WRITE, 0x40, colours, 3);
    set_fill(v, 2, 2);
    vt_command(v, VT_CRAM_WRITE | VT_DMA, 0);
    vdp_write_data(v, 0x0002);
    wait_dma_idle(v);
    assert_int_equal(v->state.cram[0], 0x0002);
    assert_int_equal(v->state.cram[1], 0x0AAA);
    assert_int_equal(v->state.cram[2], 0x0AAA);
}

/* A fill advances the source registers by its length, as a 68000 DMA
 * would: a following 68000 DMA without new source low / mid bytes reads
 * from there. */
static void test_fill_advances_source(void **st)
{
    Vdp *v = *st;
    zero_vram(v, 0x100, 4);
    vt_reg(v, 21, 0x00);
    vt_reg(v, 22, 0x80); /* 0xFF0000 >> 1: low 16 bits 0x8000 */
    set_fill(v, 2, 2);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x100);
    vdp_write_data(v, 0x1122);
    wait_dma_idle(v);
    assert_int_equal(v->state.regs[21] | (v->state.regs[22] << 8), 0x8002);
    vt_reg(v, 19, 2);
    vt_reg(v, 23, 0x7F); /* 68000 -> VDP from 0xFE0000 + (0x8002 << 1) = 0xFF0004 */
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x104);
    vdp_run(v, v->state.clock + LINE);
    static const uint8_t want[8] = {0x11, 0x22, 0x00, 0x11, 0x5A, 0x33, 0x00, 0x00};
    check_bytes(v, 0x100, want, 8);
}

/* A register write loads CD1-0 (with 10) and A13-0 like a first command
 * half, so data written after it goes nowhere; it leaves no half pending. */
static void test_register_write_loads_code_and_address(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 15, 0);
    vt_command(v, VT_VRAM_WRITE, 0x100);
    vdp_write_data(v, 0x0102);
    vdp_write_data(v, 0x0304);
    vdp_write_control(v, 0x8164); /* reg 1 = 0x64 */
    assert_int_equal(v->state.code & 3, 2);
    assert_int_equal(v->state.addr & 0x3FFF, 0x0164);
    assert_int_equal(v->state.latch_pending, 0);
    vdp_write_data(v, 0x0506);
    vdp_write_data(v, 0x0708);
    vdp_run(v, v->state.clock + LINE);
    static const uint8_t want[2] = {0x03, 0x04};
    check_bytes(v, 0x100, want, 2);
    assert_int_equal(v->state.vram[0x164], 0);
    assert_int_equal(v->state.vram[0x165], 0);
}

/* DMA switched off between a fill's command and its data word: the
 * register write also turned the code into one that writes nowhere, so
 * neither the word nor the units change VRAM, and the busy flag drops. */
static void test_fill_after_dma_disable(void **st)
{
    Vdp *v = *st;
    zero_vram(v, 0x100, 4);
    set_fill(v, 1, 2);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x100);
    vt_reg(v, 1, 0x04);
    vdp_write_data(v, 0x1122);
    wait_dma_idle(v);
    vt_reg(v, 1, 0x54);
    vdp_write_data(v, 0x3344);
    wait_dma_idle(v);
    vdp_run(v, v->state.clock + LINE);
    static const uint8_t want[8] = {0};
    check_bytes(v, 0x100, want, 8);
}

/* 128 KiB mode: one byte of each word (the low one) lands, at
 * (((a & 2) >> 1) ^ 1) | ((a & 0x400) >> 9) | (a & 0x3FC) | ((a & 0x1F800) >> 1),
 * from a 68000 DMA as from the data port. */
static void test_128k_mode_writes(void **st)
{
    Vdp *v = *st;
    static const uint16_t init[4] = {0x0102, 0x0304, 0x0506, 0x0708};
    vt_write_words(v, VT_VRAM_WRITE, 0x100, init, 4);
    vdp_run(v, v->state.clock + LINE);
    vt_reg(v, 1, 0x94); /* 128 KiB, DMA, display off */
    vt_reg(v, 15, 2);
    vt_dma_regs(v, 3, 0x8000, 0x7F); /* from 0xFF0000 */
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x100);
    vdp_run(v, v->state.clock + LINE);
    static const uint8_t want[8] = {0x22, 0x11, 0x03, 0x04, 0x05, 0x33, 0x07, 0x08};
    check_bytes(v, 0x100, want, 8);
}

/* Address bit 16 comes from bit 2 of the command's second word; the 64 KiB
 * mode ignores it, a later first half keeps it. */
static void test_128k_address_bit16(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 15, 0);
    vt_command(v, VT_VRAM_WRITE, 0x8100);
    vdp_write_data(v, 0x0102);
    vdp_write_data(v, 0x0304);
    /* CTL_WRITE_VRAM(0x10100): second word 0x0004. */
    vdp_write_control(v, 0x4100);
    vdp_write_control(v, 0x0004);
    vdp_write_data(v, 0x0506);
    vdp_write_data(v, 0x0708);
    vdp_run(v, v->state.clock + LINE);
    static const uint8_t low64[2] = {0x07, 0x08};
    check_bytes(v, 0x100, low64, 2);
    vt_reg(v, 1, 0x94);
    vdp_write_control(v, 0x4100); /* first half only: A16 stays set */
    vdp_write_data(v, 0x1122);
    vdp_write_data(v, 0x3344);
    vdp_write_control(v, 0x4102);
    vdp_write_control(v, 0x0004);
    vdp_write_data(v, 0x5566);
    vdp_write_data(v, 0x7788);
    vdp_run(v, v->state.clock + LINE);
    vt_reg(v, 1, 0x54);
    static const uint8_t high[2] = {0x88, 0x44};
    check_bytes(v, 0x8100, high, 2);
    check_bytes(v, 0x100, low64, 2);
}

/* Byte-wise VRAM writes (data port at odd and even addresses, fills,
 * copies, the 128 KiB mode) keep the renderers' decoded pattern rows equal
 * to decoding VRAM afresh, as loading a state does. */
static void test_byte_writes_keep_pattern_rows(void **st)
{
    Vdp *v = *st;
    uint32_t seed = 12345;
    for (int i = 0; i < 400; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned addr = (seed >> 8) & 0xFFFF;
        vt_reg(v, 15, 1 + (seed & 1));
        vt_command(v, VT_VRAM_WRITE, addr);
        vdp_write_data(v, (uint16_t)(seed >> 3));
        vdp_write_data(v, (uint16_t)(seed >> 13));
    }
    set_fill(v, 37, 1);
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x2345);
    vdp_write_data(v, 0xA5C3);
    wait_dma_idle(v);
    vt_reg(v, 15, 1);
    vt_dma_regs(v, 50, 0x2301, 0xC0); /* copy from 0x2301 */
    vt_command(v, VT_VRAM_WRITE | VT_DMA, 0x4001);
    wait_dma_idle(v);
    vt_reg(v, 1, 0x94);
    vt_reg(v, 15, 2);
    vt_command(v, VT_VRAM_WRITE, 0x0602);
    vdp_write_data(v, 0x9ABC);
    vdp_run(v, v->state.clock + 2 * LINE);

    void *saved = malloc(vdp_state_size());
    Vdp *fresh = malloc(sizeof *fresh);
    assert_non_null(saved);
    assert_non_null(fresh);
    vdp_save_state(v, saved);
    *fresh = *v;
    vdp_load_state(fresh, saved); /* decodes every row from VRAM */
    assert_memory_equal(v->pattern_rows, fresh->pattern_rows, sizeof v->pattern_rows);
    free(fresh);
    free(saved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_vram_fill_odd_and_even, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vsram_fill_writes_stale_fifo_word, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fill_advances_source, setup, teardown),
        cmocka_unit_test_setup_teardown(test_register_write_loads_code_and_address, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fill_after_dma_disable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_128k_mode_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_128k_address_bit16, setup, teardown),
        cmocka_unit_test_setup_teardown(test_byte_writes_keep_pattern_rows, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
