/* vdp_midline_test.c - changes during a line: a register or CRAM write
 * splits the line at the dot the beam is on, a VRAM, VSRAM or name table
 * register change at the next 2-cell column the VDP fetches, a data-port
 * read lets queued writes land in their own slots, sprites come from the
 * scan made during the line before, a CRAM write shows its colour
 * as a dot at the beam, fetched values (scroll, window) wait for the next
 * line, and a line cut in the middle survives a save state. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "vdp_test_util.h"

#define LINE VDP_MASTER_CLOCKS_PER_LINE
/* Dot x of a line is output at 9-bit H counter 0x00A + x: 860 master
 * clocks into the line, then 8 (H40) / 10 (H32) clocks per dot. */
#define FIRST_DOT 860

static const uint16_t red = 0x000E, green = 0x00E0, blue = 0x0E00, white = 0x0EEE;
static uint32_t rgb_of(uint16_t cram) { return vt_rgb((cram >> 1) & 7, (cram >> 5) & 7, (cram >> 9) & 7); }

/* Blank planes (VRAM all zero: tile 0 is transparent), backdrop colour 1 = red. */
static Vdp *new_screen(int h40)
{
    Vdp *v = vt_new(NULL, 0);
    assert_non_null(v);
    vt_mode5(v, h40);
    vt_cram(v, 1, red);
    vt_cram(v, 2, green);
    vt_reg(v, 7, 0x01);
    vt_display_on(v, 0);
    vdp_run(v, vdp_frame_end(v));
    vdp_run(v, vdp_frame_end(v));
    return v;
}

static uint64_t dot_clock(const Vdp *v, int line, int x, int h40)
{
    return v->state.frame_start + (uint64_t)line * LINE + FIRST_DOT + (uint64_t)x * (h40 ? 8u : 10u);
}

static void check_split(Vdp *v, int line, int split, uint32_t before, uint32_t after)
{
    int w, h, pitch;
    vdp_framebuffer(v, &w, &h, &pitch);
    for (int x = 0; x < w; x++)
        assert_int_equal(vt_pixel(v, x, line), x < split ? before : after);
}

static void backdrop_split(int h40, int x)
{
    Vdp *v = new_screen(h40);
    vdp_run(v, dot_clock(v, 100, x, h40) + 3); /* inside dot x */
    vt_reg(v, 7, 0x02);
    vdp_run(v, v->state.frame_start + 103 * LINE);
    int w;
    vdp_framebuffer(v, &w, NULL, NULL);
    check_split(v, 99, w, rgb_of(red), rgb_of(red));
    check_split(v, 100, x, rgb_of(red), rgb_of(green));
    check_split(v, 101, 0, rgb_of(red), rgb_of(green));
    free(v);
}

static void test_backdrop_change_splits_line_h40(void **st)
{
    (void)st;
    backdrop_split(1, 123);
    backdrop_split(1, 1);
    backdrop_split(1, 319);
}

static void test_backdrop_change_splits_line_h32(void **st)
{
    (void)st;
    backdrop_split(0, 77);
    backdrop_split(0, 255);
}

static void test_change_before_first_dot_and_after_last(void **st)
{
    (void)st;
    Vdp *v = new_screen(1);
    uint64_t ls = v->state.frame_start + 60 * LINE;
    vdp_run(v, ls + FIRST_DOT - 1); /* left border: the whole line changes */
    vt_reg(v, 7, 0x02);
    vdp_run(v, ls + LINE + 100); /* the next line, before its first dot */
    vt_reg(v, 7, 0x01);
    vdp_run(v, ls + 3 * LINE);
    check_split(v, 60, 0, 0, rgb_of(green));
    check_split(v, 61, 0, 0, rgb_of(red));
    free(v);
}

/* A CRAM write lands in an access slot; the dot at the beam then shows the
 * written colour. Active H40 slot 23 is at 9-bit H 0x025, dot 0x025 - 0x00A. */
static void test_cram_dot(void **st)
{
    (void)st;
    Vdp *v = new_screen(1);
    uint64_t ls = v->state.frame_start + 80 * LINE;
    vdp_run(v, ls + 1000);
    vt_cram(v, 9, blue); /* colour 9 is not on screen */
    vdp_run(v, ls + 2 * LINE);
    const int dot = 0x025 - 0x00A;
    for (int x = 0; x < 320; x++)
        assert_int_equal(vt_pixel(v, x, 80), x == dot ? rgb_of(blue) : rgb_of(red));
    check_split(v, 81, 0, 0, rgb_of(red));
    assert_int_equal(v->state.cram[9], blue);
    /* Writing the backdrop's own colour: old colour before the dot, new from it. */
    ls += 4 * LINE;
    vdp_run(v, ls + 1000);
    vt_cram(v, 1, white);
    vdp_run(v, ls + 2 * LINE);
    check_split(v, 84, dot, rgb_of(red), rgb_of(white));
    check_split(v, 85, 0, 0, rgb_of(white));
    free(v);
}

/* With the display off the backdrop is shown and CRAM dots still appear. */
static void test_cram_dot_display_off_h32(void **st)
{
    (void)st;
    Vdp *v = new_screen(0);
    vt_reg(v, 1, 0x04);
    vdp_run(v, vdp_frame_end(v));
    uint64_t ls = v->state.frame_start + 30 * LINE;
    /* Blanked H32 slots are every 20 clocks at offsets 10, 30, ...: the
     * write at 1500 lands at 1510, dot (1510 - 860) / 10 = 65. */
    vdp_run(v, ls + 1500);
    vt_cram(v, 9, green);
    vdp_run(v, ls + 2 * LINE);
    for (int x = 0; x < 256; x++)
        assert_int_equal(vt_pixel(v, x, 30), x == 65 ? rgb_of(green) : rgb_of(red));
    free(v);
}

/* The scroll values are fetched before the line's first dot: a change in
 * the hscroll table during the line shows from the next line only, while
 * a VSRAM change shows in the columns not yet drawn. */
static void test_fetched_values_wait_for_next_line(void **st)
{
    (void)st;
    Vdp *v = new_screen(1);
    /* Plane A: tile 1 (colour 3 = blue) in column 0 of every row, transparent elsewhere. */
    vt_cram(v, 3, blue);
    vt_solid_tile(v, 1, 3);
    for (unsigned row = 0; row < 32; row++)
        vt_vram_word(v, 0xC000 + row * 128, vt_name(1, 0, 0, 0, 0));
    vdp_run(v, vdp_frame_end(v));
    vdp_run(v, vdp_frame_end(v));
    assert_int_equal(vt_pixel(v, 0, 40), rgb_of(blue));
    assert_int_equal(vt_pixel(v, 8, 40), rgb_of(red));
    /* Whole-screen hscroll 16 for plane A, written during line 40's dots. */
    vdp_run(v, v->state.frame_start + 40 * LINE + FIRST_DOT + 100 * 8);
    vt_vram_word(v, 0xDC00, 16);
    vdp_run(v, v->state.frame_start + 43 * LINE);
    assert_int_equal(vt_pixel(v, 0, 40), rgb_of(blue));
    assert_int_equal(vt_pixel(v, 16, 40), rgb_of(red));
    assert_int_equal(vt_pixel(v, 0, 41), rgb_of(red));
    assert_int_equal(vt_pixel(v, 16, 41), rgb_of(blue));
    free(v);
}

/* A 68000-to-CRAM DMA during the active area leaves one dot per word, at
 * the external slots the words land in (the first slot takes the bus). */
static uint16_t dma_colours(void *ctx, uint32_t addr)
{
    (void)ctx;
    static const uint16_t colours[4] = {0x0E00, 0x00E0, 0x000E, 0x0EEE};
    return colours[(addr >> 1) & 3];
}

static void test_cram_dma_dots(void **st)
{
    (void)st;
    Vdp *v = new_screen(1);
    VdpBus bus = {NULL, dma_colours};
    v->bus = bus;
    vt_reg(v, 1, 0x54); /* DMA enabled, display on */
    uint64_t ls = v->state.frame_start + 90 * LINE;
    vdp_run(v, ls + 1000);
    vt_reg(v, 19, 4);
    vt_reg(v, 20, 0);
    vt_reg(v, 21, 0);
    vt_reg(v, 22, 0);
    vt_reg(v, 23, 0);
    vt_command(v, VT_DMA | VT_CRAM_WRITE, 10 * 2);
    vdp_run(v, ls + 2 * LINE);
    /* Active H40 slots after offset 1000 are at 9-bit H 0x025 (bus), then
     * 0x045, 0x055, 0x065, 0x085: dots 0x3B, 0x4B, 0x5B, 0x7B. */
    static const int dots[4] = {0x3B, 0x4B, 0x5B, 0x7B};
    for (int x = 0, n = 0; x < 320; x++) {
        uint32_t want = rgb_of(red);
        if (n < 4 && x == dots[n])
            want = rgb_of(dma_colours(NULL, (uint32_t)n * 2) & 0x0EEE), n++;
        assert_int_equal(vt_pixel(v, x, 90), want);
    }
    for (int i = 0; i < 4; i++)
        assert_int_equal(v->state.cram[10 + i], dma_colours(NULL, (uint32_t)i * 2));
    free(v);
}

/* Plane A at 0xC000 shows tile 1 (blue) on every row but rows 24-31,
 * which show tile 2 (green); the table at 0x8000 shows tile 2 everywhere. */
static Vdp *new_plane_screen(int h40)
{
    Vdp *v = new_screen(h40);
    vt_cram(v, 3, blue);
    vt_solid_tile(v, 1, 3);
    vt_solid_tile(v, 2, 2);
    for (unsigned row = 0; row < 32; row++)
        for (unsigned col = 0; col < 64; col++) {
            vt_vram_word(v, 0xC000 + row * 128 + col * 2, vt_name(row >= 24 ? 2 : 1, 0, 0, 0, 0));
            vt_vram_word(v, 0x8000 + row * 128 + col * 2, vt_name(2, 0, 0, 0, 0));
        }
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 100), rgb_of(blue));
    return v;
}

/* Kabuto's access pattern reads screen column c (dots 16c..16c+15) in slots
 * 8(c+1)..8(c+1)+6, from 19 dots before its first dot; the external slot
 * 8(c+1)+7 follows. A VRAM word takes two external slots, its odd byte
 * first (vdp_fifo.c); the new names differ from the old in that byte only.
 * Three name table words written from dot 100 of H40 line 100 change in
 * external slots 79, 95 and 119 (dots 123, 155, 203; their even bytes land
 * in 87, 111, 127): cell 17 (column 8, read from dot 109) and cell 19
 * (column 9, from 125) were read before their words landed, cell 30
 * (column 15, from 221) after. With the beam model all three showed on
 * line 100. */
static void test_vram_write_shows_from_next_column(void **st)
{
    (void)st;
    Vdp *v = new_plane_screen(1);
    uint64_t ls = v->state.frame_start + 100 * LINE;
    vdp_run(v, ls + FIRST_DOT + 100 * 8);
    static const unsigned cells[3] = {17, 19, 30};
    for (int i = 0; i < 3; i++) /* row 12 of plane A: lines 96-103 */
        vt_vram_word(v, 0xC000 + 12 * 128 + cells[i] * 2, vt_name(2, 0, 0, 0, 0));
    vdp_run(v, ls + 2 * LINE);
    for (int x = 0; x < 320; x++) {
        int cell = x / 8;
        assert_int_equal(vt_pixel(v, x, 100), cell == 30 ? rgb_of(green) : rgb_of(blue));
        assert_int_equal(vt_pixel(v, x, 101), cell == 17 || cell == 19 || cell == 30 ? rgb_of(green) : rgb_of(blue));
    }
    free(v);
}

/* VSRAM is read with the column's name table entry: the same slot. */
static void test_vsram_write_shows_from_next_column(void **st)
{
    (void)st;
    Vdp *v = new_plane_screen(1);
    uint64_t ls = v->state.frame_start + 100 * LINE;
    vdp_run(v, ls + FIRST_DOT + 100 * 8);
    vt_vsram(v, 0, 96); /* line 100 now reads row 24 (green) */
    vdp_run(v, ls + 2 * LINE);
    check_split(v, 100, 144, rgb_of(blue), rgb_of(green));
    check_split(v, 101, 0, rgb_of(green), rgb_of(green));
    free(v);
}

/* A name table base write takes effect at once (no slot): column c is
 * read from dot 16c - 19, so by dot 100 columns 0-7 (dots 0-127) have been
 * read and the new table shows from dot 128, in both widths. */
static void plane_register_split(int h40)
{
    Vdp *v = new_plane_screen(h40);
    uint64_t ls = v->state.frame_start + 100 * LINE;
    vdp_run(v, ls + FIRST_DOT + 100 * (h40 ? 8 : 10) + 3);
    vt_reg(v, 2, 0x8000 >> 10);
    vdp_run(v, ls + 2 * LINE);
    check_split(v, 100, 128, rgb_of(blue), rgb_of(green));
    check_split(v, 101, 0, rgb_of(green), rgb_of(green));
    free(v);
}

/* With fine horizontal scroll f the plane's columns start at screen dots
 * 16k + f: scrolled by 8, the columns read by dot 100 end at dot 136. */
static void test_plane_columns_follow_fine_scroll(void **st)
{
    (void)st;
    Vdp *v = new_plane_screen(1);
    vt_vram_word(v, 0xDC00, 8); /* whole-screen hscroll of plane A */
    vt_fresh_frame(v);
    uint64_t ls = v->state.frame_start + 100 * LINE;
    vdp_run(v, ls + FIRST_DOT + 100 * 8 + 3);
    vt_reg(v, 2, 0x8000 >> 10);
    vdp_run(v, ls + 2 * LINE);
    check_split(v, 100, 136, rgb_of(blue), rgb_of(green));
    check_split(v, 101, 0, rgb_of(green), rgb_of(green));
    free(v);
}

static void test_plane_register_shows_from_next_column_h40(void **st)
{
    (void)st;
    plane_register_split(1);
}

static void test_plane_register_shows_from_next_column_h32(void **st)
{
    (void)st;
    plane_register_split(0);
}

/* A CRAM write in the same slot still changes the colour at the beam. */
static void test_cram_still_at_beam(void **st)
{
    (void)st;
    Vdp *v = new_plane_screen(1);
    uint64_t ls = v->state.frame_start + 100 * LINE;
    vdp_run(v, ls + FIRST_DOT + 100 * 8);
    vt_cram(v, 3, white);
    vdp_run(v, ls + 2 * LINE);
    /* Dot 123 is the CRAM dot (the written colour, white) and so are the rest. */
    check_split(v, 100, 123, rgb_of(blue), rgb_of(white));
    free(v);
}

/* A data-port read waits for the queued writes' slots: two CRAM words
 * queued at dot 100 of H40 line 100 land, leaving their CRAM dots, in
 * external slots 79 and 87 (dots 123, 139); the read takes slot 95 (dot
 * 155, offset 2100), which is what vdp_read_wait announced. */
static void test_read_waits_for_queued_writes(void **st)
{
    (void)st;
    Vdp *v = new_screen(1);
    uint64_t ls = v->state.frame_start + 100 * LINE;
    vdp_run(v, ls + FIRST_DOT + 100 * 8);
    vt_command(v, VT_CRAM_WRITE, 10 * 2);
    assert_int_equal(vdp_write_data(v, green), 0);
    assert_int_equal(vdp_write_data(v, blue), 0);
    vt_command(v, VT_CRAM_READ, 10 * 2);
    uint64_t before = v->state.clock;
    uint32_t wait = vdp_read_wait(v);
    assert_int_equal(before + wait, ls + FIRST_DOT + 155 * 8);
    assert_int_equal(vdp_read_data(v) & 0x0EEE, green);
    assert_true(v->state.clock < before + wait);
    assert_true(v->state.clock >= before + wait - 8);
    vdp_run(v, ls + 2 * LINE);
    for (int x = 0; x < 320; x++)
        assert_int_equal(vt_pixel(v, x, 100), x == 123 ? rgb_of(green) : x == 139 ? rgb_of(blue) : rgb_of(red));
    free(v);
}

/* Sprite phase 1 (the Y / size / link scan) for line N runs during line
 * N-1's dots. A sprite moved away by a write that lands after line 104
 * began (H40 active slot at offset 378, before H 0 at 780) is still on
 * line 104 and gone from line 105. */
static void test_sprite_move_after_line_start_shows_next_line(void **st)
{
    (void)st;
    Vdp *v = new_screen(1);
    vt_cram(v, 3, blue);
    vt_solid_tile(v, 1, 3);
    vt_sprite(v, 0, 50, 100, 1, 1, 0, vt_name(1, 0, 0, 0, 0)); /* lines 100-107 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 50, 104), rgb_of(blue));
    uint64_t ls = v->state.frame_start + 104 * LINE;
    vdp_run(v, ls + 100);
    vt_vram_word(v, 0xD800, 128 + 200); /* Y = 200 */
    vdp_run(v, ls + 2 * LINE);
    for (int line = 100; line <= 105; line++)
        for (int x = 0; x < 320; x++)
            assert_int_equal(vt_pixel(v, x, line),
                             line < 105 && x >= 50 && x < 58 ? rgb_of(blue) : rgb_of(red));
    free(v);
}

/* With the display off during line 49 no scan is made for line 50: the
 * display switched on in line 50's blank (before H 0) shows its planes but
 * no sprites there, and the sprites again from line 51. */
static void test_display_on_in_blank_has_no_sprites(void **st)
{
    (void)st;
    Vdp *v = new_screen(1);
    vt_cram(v, 3, blue);
    vt_solid_tile(v, 1, 3);
    vt_sprite(v, 0, 50, 48, 1, 1, 0, vt_name(1, 0, 0, 0, 0)); /* lines 48-55 */
    vt_reg(v, 1, 0x04);
    vt_fresh_frame(v);
    uint64_t ls = v->state.frame_start + 50 * LINE;
    vdp_run(v, ls + 100);
    vt_display_on(v, 0);
    vdp_run(v, ls + 2 * LINE);
    assert_int_equal(vt_pixel(v, 50, 49), rgb_of(red)); /* display off: backdrop */
    assert_int_equal(vt_pixel(v, 50, 50), rgb_of(red));
    assert_int_equal(vt_pixel(v, 50, 51), rgb_of(blue));
    free(v);
}

/* The columns fetched ahead of the beam are state: a copy loaded after a
 * name table write (which the fetched columns do not show) finishes the
 * line as the original does. */
static void test_state_keeps_fetched_columns(void **st)
{
    (void)st;
    Vdp *v = new_plane_screen(1);
    Vdp *copy = new_plane_screen(1);
    uint64_t ls = v->state.frame_start + 100 * LINE;
    vdp_run(v, ls + FIRST_DOT + 100 * 8);
    vt_reg(v, 2, 0x8000 >> 10); /* shows from dot 128 */
    uint8_t *blob = malloc(vdp_state_size());
    assert_non_null(blob);
    vdp_save_state(v, blob);
    vdp_load_state(copy, blob);
    free(blob);
    vdp_run(v, ls + LINE);
    vdp_run(copy, ls + LINE);
    for (int x = 100; x < 320; x++) {
        assert_int_equal(vt_pixel(copy, x, 100), vt_pixel(v, x, 100));
        assert_int_equal(vt_pixel(v, x, 100), x < 128 ? rgb_of(blue) : rgb_of(green));
    }
    free(v);
    free(copy);
}

/* A line cut by a change, saved in the middle: the copy finishes it alike. */
static void test_state_mid_line(void **st)
{
    (void)st;
    Vdp *v = new_screen(1);
    Vdp *copy = new_screen(1);
    vt_reg(copy, 7, 0x02);
    vdp_run(copy, vdp_frame_end(copy));
    vdp_run(v, dot_clock(v, 50, 200, 1));
    vt_reg(v, 7, 0x02);
    vdp_run(v, dot_clock(v, 50, 250, 1));
    uint8_t *blob = malloc(vdp_state_size());
    assert_non_null(blob);
    vdp_save_state(v, blob);
    vdp_load_state(copy, blob);
    free(blob);
    vt_reg(v, 7, 0x01);
    vt_reg(copy, 7, 0x01);
    vdp_run(v, v->state.frame_start + 52 * LINE);
    vdp_run(copy, copy->state.frame_start + 52 * LINE);
    /* The copy had not drawn dots 0-249 itself (the frame buffer is not state). */
    for (int x = 250; x < 320; x++)
        assert_int_equal(vt_pixel(copy, x, 50), vt_pixel(v, x, 50));
    for (int x = 0; x < 320; x++)
        assert_int_equal(vt_pixel(v, x, 50), x >= 200 && x < 250 ? rgb_of(green) : rgb_of(red));
    free(v);
    free(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_backdrop_change_splits_line_h40),
        cmocka_unit_test(test_backdrop_change_splits_line_h32),
        cmocka_unit_test(test_change_before_first_dot_and_after_last),
        cmocka_unit_test(test_cram_dot),
        cmocka_unit_test(test_vram_write_shows_from_next_column),
        cmocka_unit_test(test_vsram_write_shows_from_next_column),
        cmocka_unit_test(test_plane_register_shows_from_next_column_h40),
        cmocka_unit_test(test_plane_register_shows_from_next_column_h32),
        cmocka_unit_test(test_plane_columns_follow_fine_scroll),
        cmocka_unit_test(test_cram_still_at_beam),
        cmocka_unit_test(test_read_waits_for_queued_writes),
        cmocka_unit_test(test_sprite_move_after_line_start_shows_next_line),
        cmocka_unit_test(test_state_keeps_fetched_columns),
        cmocka_unit_test(test_display_on_in_blank_has_no_sprites),
        cmocka_unit_test(test_cram_dot_display_off_h32),
        cmocka_unit_test(test_cram_dma_dots),
        cmocka_unit_test(test_fetched_values_wait_for_next_line),
        cmocka_unit_test(test_state_mid_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
