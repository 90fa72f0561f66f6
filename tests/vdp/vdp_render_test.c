/* vdp_render_test.c - rendering, programmed through the ports: planes,
 * priority, scrolling (with the partly shown column of 2-cell vertical
 * scroll), window, sprites and their limits, shadow/highlight, left column
 * blank, display sizes, interlace mode 2, mid-frame changes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vdp_render_vector.h"
#include "vdp_test_util.h"

#define PLANE_A 0xC000u
#define PLANE_B 0xE000u
#define WINDOW 0xB000u
#define HSCROLL 0xDC00u

/* Colours used below (palette 0 unless said). */
#define BACKDROP vt_rgb(2, 2, 2)
#define RED vt_rgb(7, 0, 0)
#define GREEN vt_rgb(0, 7, 0)
#define BLUE vt_rgb(0, 0, 7)
#define WHITE vt_rgb(7, 7, 7)
#define YELLOW vt_rgb(7, 7, 0) /* palette 1 colour 1 */
#define CYAN vt_rgb(0, 7, 7)   /* palette 2 colour 1 */
#define GREY vt_rgb(3, 3, 3)

static int setup_common(void **st, int h40)
{
    Vdp *v = vt_new(NULL, 0);
    if (!v)
        return -1;
    vt_mode5(v, h40);
    vt_cram(v, 0, vt_colour(2, 2, 2));
    vt_cram(v, 1, vt_colour(7, 0, 0));
    vt_cram(v, 2, vt_colour(0, 7, 0));
    vt_cram(v, 3, vt_colour(0, 0, 7));
    vt_cram(v, 4, vt_colour(7, 7, 7));
    vt_cram(v, 5, vt_colour(3, 3, 3));
    vt_cram(v, 17, vt_colour(7, 7, 0));
    vt_cram(v, 33, vt_colour(0, 7, 7));
    vt_cram(v, 49, vt_colour(7, 0, 7));
    for (unsigned t = 1; t <= 5; t++)
        vt_solid_tile(v, t, t);
    /* Tile 6: pixel (0,0) colour 1, pixel (7,7) colour 3, the rest colour 2. */
    const uint32_t rows[8] = {0x12222222, 0x22222222, 0x22222222, 0x22222222,
                              0x22222222, 0x22222222, 0x22222222, 0x22222223};
    vt_tile_rows(v, 6, rows);
    /* Tile 7: left half colour 4, right half transparent. */
    const uint32_t half[8] = {0x44440000, 0x44440000, 0x44440000, 0x44440000,
                              0x44440000, 0x44440000, 0x44440000, 0x44440000};
    vt_tile_rows(v, 7, half);
    /* Sprite list ends at sprite 0 (y 0 = off screen, link 0). */
    vt_sprite(v, 0, -128, -128, 1, 1, 0, 0);
    *st = v;
    return 0;
}

static int setup_h40(void **st) { return setup_common(st, 1); }
static int setup_h32(void **st) { return setup_common(st, 0); }

static int teardown(void **st)
{
    free(*st);
    return 0;
}

static void name_a(Vdp *v, unsigned col, unsigned row, uint16_t name) { vt_vram_word(v, PLANE_A + (row * 64 + col) * 2, name); }
static void name_b(Vdp *v, unsigned col, unsigned row, uint16_t name) { vt_vram_word(v, PLANE_B + (row * 64 + col) * 2, name); }

static void test_backdrop_and_display_off(void **st)
{
    Vdp *v = *st;
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    int w, h, pitch;
    vdp_framebuffer(v, &w, &h, &pitch);
    assert_int_equal(w, 320);
    assert_int_equal(h, 224);
    assert_int_equal(pitch, 320 * 4);
    assert_int_equal(vt_pixel(v, 0, 0), BACKDROP);
    assert_int_equal(vt_pixel(v, 319, 223), BACKDROP);
    vt_reg(v, 7, 0x11); /* palette 1 colour 1 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 100, 100), YELLOW);
    /* Display disabled: backdrop everywhere, even over a tile. */
    name_b(v, 0, 0, vt_name(1, 0, 0, 0, 0));
    vt_reg(v, 1, 0x04);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), YELLOW);
}

static void test_plane_tile(void **st)
{
    Vdp *v = *st;
    name_b(v, 1, 1, vt_name(1, 0, 0, 0, 0));
    name_b(v, 2, 1, vt_name(1, 1, 0, 0, 0));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 8, 8), RED);
    assert_int_equal(vt_pixel(v, 15, 15), RED);
    assert_int_equal(vt_pixel(v, 7, 8), BACKDROP);
    assert_int_equal(vt_pixel(v, 8, 16), BACKDROP);
    assert_int_equal(vt_pixel(v, 16, 8), YELLOW); /* palette 1 */
}

static void test_plane_priority(void **st)
{
    Vdp *v = *st;
    name_b(v, 0, 0, vt_name(1, 0, 0, 0, 0));
    name_a(v, 0, 0, vt_name(2, 0, 0, 0, 0));
    name_b(v, 1, 0, vt_name(1, 0, 1, 0, 0));
    name_a(v, 1, 0, vt_name(2, 0, 0, 0, 0));
    name_b(v, 2, 0, vt_name(1, 0, 1, 0, 0));
    name_a(v, 2, 0, vt_name(2, 0, 1, 0, 0));
    name_b(v, 3, 0, vt_name(1, 0, 0, 0, 0));
    name_a(v, 3, 0, vt_name(7, 0, 1, 0, 0)); /* half transparent */
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), GREEN);  /* both low: A in front */
    assert_int_equal(vt_pixel(v, 8, 0), RED);    /* B high over A low */
    assert_int_equal(vt_pixel(v, 16, 0), GREEN); /* both high: A */
    assert_int_equal(vt_pixel(v, 24, 0), WHITE); /* opaque half of A */
    assert_int_equal(vt_pixel(v, 28, 0), RED);   /* B shows through */
}

static void test_tile_flips(void **st)
{
    Vdp *v = *st;
    name_b(v, 0, 0, vt_name(6, 0, 0, 0, 0));
    name_b(v, 1, 0, vt_name(6, 0, 0, 0, 1));
    name_b(v, 2, 0, vt_name(6, 0, 0, 1, 0));
    name_b(v, 3, 0, vt_name(6, 0, 0, 1, 1));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), RED);
    assert_int_equal(vt_pixel(v, 7, 7), BLUE);
    assert_int_equal(vt_pixel(v, 8 + 7, 0), RED); /* H flip */
    assert_int_equal(vt_pixel(v, 8 + 0, 7), BLUE);
    assert_int_equal(vt_pixel(v, 16 + 0, 7), RED); /* V flip */
    assert_int_equal(vt_pixel(v, 16 + 7, 0), BLUE);
    assert_int_equal(vt_pixel(v, 24 + 7, 7), RED); /* both */
    assert_int_equal(vt_pixel(v, 24 + 0, 0), BLUE);
    assert_int_equal(vt_pixel(v, 24 + 3, 3), GREEN);
}

static void test_hscroll_full_line_cell(void **st)
{
    Vdp *v = *st;
    for (unsigned r = 0; r < 4; r++)
        name_a(v, 0, r, vt_name(1, 0, 0, 0, 0));
    name_b(v, 63, 0, vt_name(2, 0, 0, 0, 0)); /* B column 63 scrolled into view */
    vt_vram_word(v, HSCROLL + 0, 3);         /* line 0: A +3 */
    vt_vram_word(v, HSCROLL + 2, 0x3F8);     /* line 0: B -8 (10-bit) */
    vt_vram_word(v, HSCROLL + 4 * 1, 10);    /* line 1 */
    vt_vram_word(v, HSCROLL + 4 * 8, 20);    /* line 8 */
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    /* Full-screen mode: line 0's entry for every line. */
    assert_int_equal(vt_pixel(v, 2, 5), BACKDROP);
    assert_int_equal(vt_pixel(v, 3, 5), RED);
    assert_int_equal(vt_pixel(v, 10, 5), RED);
    assert_int_equal(vt_pixel(v, 11, 5), BACKDROP);
    /* B: -8 brings column 63 to x = -8 .. -1: off screen; column 0 at x 0. */
    vt_vram_word(v, HSCROLL + 2, 8);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), GREEN); /* column 63 at x = 8-8-... wraps to 0..7 */
    /* Line mode. */
    vt_reg(v, 11, 0x03);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 3, 0), RED);
    assert_int_equal(vt_pixel(v, 9, 1), BACKDROP);
    assert_int_equal(vt_pixel(v, 10, 1), RED);
    assert_int_equal(vt_pixel(v, 8, 2), BACKDROP); /* line 2 entry is 0 */
    assert_int_equal(vt_pixel(v, 0, 2), RED);
    /* Cell mode: lines 8-15 take line 8's entry. */
    vt_reg(v, 11, 0x02);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 3, 1), RED); /* line 0 entry */
    assert_int_equal(vt_pixel(v, 20, 13), RED);
    assert_int_equal(vt_pixel(v, 19, 13), BACKDROP);
}

static void test_vscroll_full_and_columns(void **st)
{
    Vdp *v = *st;
    for (unsigned c = 0; c < 4; c++)
        name_a(v, c, 1, vt_name(1, 0, 0, 0, 0));
    vt_display_on(v, 0);
    vt_vsram(v, 0, 8); /* A up by 8: row 1 at lines 0-7 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), RED);
    assert_int_equal(vt_pixel(v, 31, 7), RED);
    assert_int_equal(vt_pixel(v, 0, 8), BACKDROP);
    /* 2-cell columns: column 1 (x 16-31) uses VSRAM 2. */
    vt_reg(v, 11, 0x04);
    vt_vsram(v, 0, 0);
    vt_vsram(v, 2, 4);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 8), RED);
    assert_int_equal(vt_pixel(v, 0, 7), BACKDROP);
    assert_int_equal(vt_pixel(v, 16, 4), RED);
    assert_int_equal(vt_pixel(v, 16, 3), BACKDROP);
    assert_int_equal(vt_pixel(v, 31, 11), RED);
    assert_int_equal(vt_pixel(v, 31, 12), BACKDROP);
}

/* ---- 2-cell vertical scroll: the column partly shown left of column 0 ----
 * With fine horizontal scroll f != 0 a plane shows dots 0..f-1 of a column
 * fetched before column 0, which has no VSRAM entry: it takes VSRAM 38 AND
 * VSRAM 39 in H40 and 0 in H32, for both planes (Genesis Plus GX, verified
 * on a PAL model 2; see vdp_render_planes.c). Rows 0-7 of a plane are
 * striped so that the colour on line 0 names the scroll its column used:
 * vertical scroll 8r shows row r, coloured red, green, blue, white, grey
 * for r mod 5 = 0..4. */
static void striped_rows(Vdp *v, unsigned base, unsigned first_tile, unsigned rows)
{
    uint16_t names[64];
    for (unsigned r = 0; r < rows; r++) {
        for (unsigned c = 0; c < 64; c++)
            names[c] = vt_name(first_tile + r % 5, 0, 0, 0, 0);
        vt_write_words(v, VT_VRAM_WRITE, base + r * 128, names, 64);
    }
}

/* VSRAM in units of `unit` lines (8, or 16 in interlace mode 2): every
 * column row 4 (grey), column 1 row 1 (green), entries 38 = row 3 and
 * 39 = row 6, whose AND is row 2 (blue); either entry alone would show
 * white or green, column 0's entry grey. */
static void left_column_vsram(Vdp *v, unsigned unit)
{
    for (unsigned i = 0; i < 40; i++)
        vt_vsram(v, i, (uint16_t)(4 * unit));
    vt_vsram(v, 2, (uint16_t)unit);
    vt_vsram(v, 3, (uint16_t)unit);
    vt_vsram(v, 38, (uint16_t)(3 * unit)); /* 011 * unit */
    vt_vsram(v, 39, (uint16_t)(6 * unit)); /* 110 * unit */
}

/* Plane B striped (tiles from first_tile, `rows` name rows), the VSRAM
 * above, 2-cell vertical scroll and a fine scroll of 12 on plane B: the
 * partly shown column covers dots 0-11. */
static void left_column_scene(Vdp *v, unsigned first_tile, unsigned rows, unsigned unit)
{
    striped_rows(v, PLANE_B, first_tile, rows);
    left_column_vsram(v, unit);
    vt_reg(v, 11, 0x04);              /* 2-cell vertical scroll, whole-screen hscroll */
    vt_vram_word(v, HSCROLL + 2, 12); /* plane B */
}

static void assert_dots(const Vdp *v, int y, int x0, int x1, uint32_t colour)
{
    for (int x = x0; x < x1; x++) {
        if (vt_pixel(v, x, y) != colour)
            print_message("line %d dot %d: %06X, expected %06X\n", y, x, vt_pixel(v, x, y), colour);
        assert_int_equal(vt_pixel(v, x, y), colour);
    }
}

/* Draws a fresh frame with the scalar, then (where the host has it) the
 * AVX-512 line drawing; `check` must hold for both. */
static void both_paths(Vdp *v, void (*check)(const Vdp *v))
{
    for (int vector = 0; vector < 2; vector++) {
        if (vector && !vdp_render_vector_available())
            break;
        v->render_vector = vector != 0;
        vt_fresh_frame(v);
        check(v);
    }
}

/* Plane B alone, fine scroll 12: the partly shown column at dots 0-11. */
static void check_h40_plane_b(const Vdp *v)
{
    assert_dots(v, 0, 0, 12, BLUE);   /* VSRAM 38 & 39 */
    assert_dots(v, 0, 12, 28, GREY);  /* column 0 (both cells of its pair) */
    assert_dots(v, 0, 28, 44, GREEN); /* column 1 */
    assert_dots(v, 0, 44, 316, GREY);
    assert_dots(v, 0, 316, 320, GREEN); /* column 19: plane B's own entry 39 */
}

/* Plane A over it, fine scroll 4: its partly shown column, dots 0-3, takes
 * the same value as plane B's. */
static void check_h40_plane_a(const Vdp *v)
{
    assert_dots(v, 0, 0, 4, BLUE);
    assert_dots(v, 0, 4, 20, GREY);
    assert_dots(v, 0, 20, 36, GREEN);
    assert_dots(v, 0, 36, 308, GREY);
    assert_dots(v, 0, 308, 320, WHITE); /* column 19: plane A's own entry 38 */
}

/* Fine scroll 0: no partly shown column, column 0 from dot 0. */
static void check_h40_no_partial_column(const Vdp *v)
{
    assert_dots(v, 0, 0, 16, GREY);
    assert_dots(v, 0, 16, 32, GREEN);
}

static void test_vscroll_left_column_h40(void **st)
{
    Vdp *v = *st;
    left_column_scene(v, 1, 8, 8);
    vt_display_on(v, 0);
    both_paths(v, check_h40_plane_b);
    striped_rows(v, PLANE_A, 1, 8);
    vt_vram_word(v, HSCROLL + 0, 4 + 16 * 5); /* plane A: fine scroll 4 */
    both_paths(v, check_h40_plane_a);
    vt_vram_word(v, HSCROLL + 0, 32);
    both_paths(v, check_h40_no_partial_column);
}

/* H32: the partly shown column is not scrolled (row 0, red) in either
 * plane, whatever VSRAM 38/39 hold. */
static void check_h32_plane_b(const Vdp *v)
{
    assert_dots(v, 0, 0, 12, RED);
    assert_dots(v, 0, 12, 28, GREY);
    assert_dots(v, 0, 28, 44, GREEN);
    assert_dots(v, 0, 44, 256, GREY); /* column 15 ends the line */
}

static void check_h32_plane_a(const Vdp *v)
{
    assert_dots(v, 0, 0, 9, RED);
    assert_dots(v, 0, 9, 25, GREY);
    assert_dots(v, 0, 25, 41, GREEN);
    assert_dots(v, 0, 41, 256, GREY);
}

static void test_vscroll_left_column_h32(void **st)
{
    Vdp *v = *st;
    left_column_scene(v, 1, 8, 8);
    vt_display_on(v, 0);
    both_paths(v, check_h32_plane_b);
    striped_rows(v, PLANE_A, 1, 8);
    vt_vram_word(v, HSCROLL + 0, 9);
    both_paths(v, check_h32_plane_a);
}

/* The partly shown column is fetched first, before column 0 (from dot -35,
 * vdp_render.c), with the VSRAM of that moment: a write to entry 39 at dot
 * 100 reaches it on the next line only. Line 100 shows plane row
 * (100 + scroll) / 8: 116 / 8 = row 14 (grey) with 38 & 39 = 16, column 0
 * (132 / 8 = row 16) green; after the write 38 & 39 = 24 & 24: line 101
 * shows 125 / 8 = row 15 (red). */
static void test_vscroll_left_column_midline(void **st)
{
    Vdp *v = *st;
    left_column_scene(v, 1, 32, 8);
    vt_display_on(v, 0);
    for (int vector = 0; vector < 2; vector++) {
        if (vector && !vdp_render_vector_available())
            break;
        v->render_vector = vector != 0;
        vt_vsram(v, 39, 6 * 8);
        vt_fresh_frame(v);
        const uint64_t line100 = v->state.frame_start + 100 * VDP_MASTER_CLOCKS_PER_LINE;
        vdp_run(v, line100 + 860 + 100 * 8); /* dot 100 */
        vt_vsram(v, 39, 3 * 8);
        vdp_run(v, line100 + 2 * VDP_MASTER_CLOCKS_PER_LINE);
        assert_dots(v, 100, 0, 12, GREY);
        assert_dots(v, 100, 12, 28, GREEN);
        assert_dots(v, 101, 0, 12, RED);
        assert_dots(v, 101, 12, 28, GREEN);
    }
}

/* Interlace mode 2: the same rule on the 11-bit entries, in units of the
 * doubled lines (16 per 8x16 row). */
static void check_im2(const Vdp *v)
{
    for (int y = 0; y < 2; y++) { /* both fields */
        assert_dots(v, y, 0, 12, BLUE);
        assert_dots(v, y, 12, 28, GREY);
        assert_dots(v, y, 28, 44, GREEN);
    }
}

static void test_vscroll_left_column_interlace(void **st)
{
    Vdp *v = *st;
    /* Pattern 0 (plane A's empty cells) spans bytes 0-63 in mode 2: clear
     * the 8x8 tile 1 that lives there. 8x16 patterns 8-12 (64 bytes each):
     * solid colours 1-5. */
    uint16_t zero[16] = {0};
    vt_write_words(v, VT_VRAM_WRITE, 32, zero, 16);
    for (unsigned c = 1; c <= 5; c++) {
        vt_solid_tile(v, 2 * (7 + c), c);
        vt_solid_tile(v, 2 * (7 + c) + 1, c);
    }
    left_column_scene(v, 8, 8, 16);
    vt_reg(v, 12, 0x81 | 0x06);
    vt_display_on(v, 0);
    vt_fresh_frame(v); /* the other field too */
    both_paths(v, check_im2);
}

static void test_plane_sizes(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 16, 0x00); /* 32x32: repeats every 256 dots */
    vt_vram_word(v, PLANE_A + 0, vt_name(1, 0, 0, 0, 0));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), RED);
    assert_int_equal(vt_pixel(v, 256, 0), RED);
    assert_int_equal(vt_pixel(v, 0, 256 - 224 + 0) , BACKDROP);
    /* 32 rows: row 0 again at plane line 256 (vscroll 256 + 0). */
    vt_vsram(v, 0, 256);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), RED);
    /* 128x32: column 100 reached with hscroll -800 (= 0x3FF & -800). */
    vt_vsram(v, 0, 0);
    vt_reg(v, 16, 0x03);
    vt_vram_word(v, PLANE_A + 100 * 2, vt_name(2, 0, 0, 0, 0));
    vt_vram_word(v, HSCROLL, (uint16_t)(-800 & 0x3FF));
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), GREEN);
    /* 32x64: row 40 reached with vscroll 320. */
    vt_vram_word(v, HSCROLL, 0);
    vt_reg(v, 16, 0x10);
    vt_vram_word(v, PLANE_A + (40 * 32) * 2, vt_name(3, 0, 0, 0, 0));
    vt_vsram(v, 0, 320);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), BLUE);
    /* 64x128 is invalid: the 8 KiB table wraps, so row 64 shows row 0. */
    vt_reg(v, 16, 0x31);
    vt_vram_word(v, PLANE_A + 0, vt_name(4, 0, 0, 0, 0));
    vt_vsram(v, 0, 512);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), WHITE);
}

static void test_window_splits(void **st)
{
    Vdp *v = *st;
    for (unsigned c = 0; c < 40; c++)
        for (unsigned r = 0; r < 4; r++)
            name_a(v, c, r, vt_name(1, 0, 0, 0, 0));
    /* Window table is 64 cells wide in H40. */
    vt_vram_word(v, WINDOW + 0, vt_name(2, 0, 0, 0, 0));
    vt_vram_word(v, WINDOW + 39 * 2, vt_name(3, 0, 0, 0, 0));
    vt_vram_word(v, WINDOW + (3 * 64 + 5) * 2, vt_name(4, 0, 0, 0, 0));
    vt_display_on(v, 0);
    vt_reg(v, 17, 0x02); /* left: x < 32 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), GREEN);
    assert_int_equal(vt_pixel(v, 8, 0), BACKDROP); /* window cell 1 is empty */
    assert_int_equal(vt_pixel(v, 32, 0), RED);
    vt_reg(v, 17, 0x83); /* right: x >= 48 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), RED);
    assert_int_equal(vt_pixel(v, 47, 0), RED);
    assert_int_equal(vt_pixel(v, 48, 0), BACKDROP);
    assert_int_equal(vt_pixel(v, 319, 0), BLUE);
    vt_reg(v, 17, 0x00);
    vt_reg(v, 18, 0x02); /* top: lines < 16 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 15), BACKDROP);
    assert_int_equal(vt_pixel(v, 0, 16), RED);
    assert_int_equal(vt_pixel(v, 0, 0), GREEN);
    vt_reg(v, 18, 0x83); /* bottom: lines >= 24 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 23), RED);
    assert_int_equal(vt_pixel(v, 0, 24), BACKDROP);
    assert_int_equal(vt_pixel(v, 40, 24), WHITE); /* window row 3 col 5 */
    /* Window is not scrolled. */
    vt_vram_word(v, HSCROLL, 4);
    vt_vsram(v, 0, 8);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 40, 24), WHITE);
    assert_int_equal(vt_pixel(v, 39, 24), BACKDROP);
}

static void test_window_beside_scrolled_plane(void **st)
{
    Vdp *v = *st;
    for (unsigned c = 0; c < 64; c++)
        name_a(v, c, 0, vt_name(1, 0, 0, 0, 0));
    vt_vram_word(v, WINDOW + 2 * 2, vt_name(2, 0, 0, 0, 0));
    vt_vram_word(v, WINDOW + 6 * 2, vt_name(3, 0, 0, 0, 0));
    vt_vram_word(v, HSCROLL, 3); /* plane A cells straddle the window edges */
    vt_display_on(v, 0);
    vt_reg(v, 17, 0x82); /* window from x = 32 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 31, 0), RED);
    assert_int_equal(vt_pixel(v, 32, 0), BACKDROP);
    assert_int_equal(vt_pixel(v, 48, 0), BLUE);
    vt_reg(v, 17, 0x01); /* window left of x = 16 */
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 15, 0), BACKDROP);
    assert_int_equal(vt_pixel(v, 16, 0), RED);
    assert_int_equal(vt_pixel(v, 319, 0), RED);
}

static void test_window_h32_table_width(void **st)
{
    Vdp *v = *st;
    vt_vram_word(v, WINDOW + (1 * 32 + 2) * 2, vt_name(2, 0, 0, 0, 0));
    vt_reg(v, 18, 0x1F);
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 16, 8), GREEN);
    assert_int_equal(vt_pixel(v, 16, 0), BACKDROP);
}

static void test_sprites_basic(void **st)
{
    Vdp *v = *st;
    /* 2x2 sprite of tiles 1-4, column-major: 1 top-left, 2 bottom-left, 3 top-right, 4 bottom-right. */
    vt_sprite(v, 0, 10, 20, 2, 2, 2, vt_name(1, 0, 0, 0, 0));
    vt_sprite(v, 1, 100, 100, 1, 1, 0, vt_name(4, 0, 0, 0, 0)); /* not in the link chain */
    vt_sprite(v, 2, 200, 50, 1, 1, 0, vt_name(4, 0, 0, 0, 1));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 10, 20), RED);
    assert_int_equal(vt_pixel(v, 10, 28), GREEN);
    assert_int_equal(vt_pixel(v, 18, 20), BLUE);
    assert_int_equal(vt_pixel(v, 25, 35), WHITE);
    assert_int_equal(vt_pixel(v, 9, 20), BACKDROP);
    assert_int_equal(vt_pixel(v, 26, 20), BACKDROP);
    assert_int_equal(vt_pixel(v, 10, 36), BACKDROP);
    assert_int_equal(vt_pixel(v, 200, 50), WHITE);
    assert_int_equal(vt_pixel(v, 100, 100), BACKDROP);
    /* Horizontal flip swaps the columns. */
    vt_sprite(v, 0, 10, 20, 2, 2, 2, vt_name(1, 0, 0, 0, 1));
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 10, 20), BLUE);
    assert_int_equal(vt_pixel(v, 18, 28), GREEN);
    /* Partly off the left edge. */
    vt_sprite(v, 0, -4, 20, 1, 1, 2, vt_name(1, 0, 0, 0, 0));
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 3, 20), RED);
    assert_int_equal(vt_pixel(v, 4, 20), BACKDROP);
}

static void test_sprite_priority_and_collision(void **st)
{
    Vdp *v = *st;
    name_a(v, 0, 0, vt_name(2, 0, 1, 0, 0)); /* high plane A at (0-7, 0-7) */
    name_a(v, 2, 0, vt_name(2, 0, 0, 0, 0)); /* low plane A at (16-23, 0-7) */
    vt_sprite(v, 0, 0, 0, 1, 1, 1, vt_name(1, 0, 0, 0, 0));   /* low sprite under high A */
    vt_sprite(v, 1, 16, 0, 1, 1, 2, vt_name(1, 0, 0, 0, 0));  /* low sprite over low A */
    vt_sprite(v, 2, 20, 0, 1, 1, 3, vt_name(3, 0, 1, 0, 0));  /* later sprite: behind sprite 1 */
    vt_sprite(v, 3, 40, 0, 1, 1, 0, vt_name(4, 0, 1, 0, 0));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    (void)vdp_read_status(v); /* clear flags from setup frames */
    vdp_run(v, vdp_frame_end(v));
    assert_int_equal(vt_pixel(v, 0, 0), GREEN);
    assert_int_equal(vt_pixel(v, 16, 0), RED);
    /* Overlap: the earlier sprite wins even though the later has priority... */
    assert_int_equal(vt_pixel(v, 21, 0), RED);
    /* ...and where only the later one is, it shows. */
    assert_int_equal(vt_pixel(v, 25, 0), BLUE);
    assert_int_equal(vdp_read_status(v) & 0x20, 0x20);
    assert_int_equal(vdp_read_status(v) & 0x20, 0); /* cleared by the read */
}

static void test_sprite_per_line_limit(void **st)
{
    Vdp *v = *st;
    /* 21 one-cell sprites on line 40, x = 8i: the 21st is dropped. */
    for (unsigned i = 0; i < 21; i++)
        vt_sprite(v, i, (int)(8 * i), 40, 1, 1, i < 20 ? i + 1 : 0, vt_name(1 + (i & 1), 0, 0, 0, 0));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    (void)vdp_read_status(v);
    vdp_run(v, vdp_frame_end(v));
    assert_int_equal(vt_pixel(v, 8 * 19, 40), GREEN);
    assert_int_equal(vt_pixel(v, 8 * 20, 40), BACKDROP);
    assert_int_equal(vdp_read_status(v) & 0x40, 0x40);
    v->sprite_limit = false;
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 8 * 20, 40), RED);
}

static void test_sprite_h32_limit_is_16(void **st)
{
    Vdp *v = *st;
    for (unsigned i = 0; i < 17; i++)
        vt_sprite(v, i, (int)(8 * i), 40, 1, 1, i < 16 ? i + 1 : 0, vt_name(1, 0, 0, 0, 0));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 8 * 15, 40), RED);
    assert_int_equal(vt_pixel(v, 8 * 16, 40), BACKDROP);
}

static void test_sprite_dot_overflow(void **st)
{
    Vdp *v = *st;
    /* Nine 4-cell sprites off screen right plus one 1-cell: 37 cells used. */
    for (unsigned i = 0; i < 9; i++)
        vt_sprite(v, i, 330, 40, 4, 1, i + 1, vt_name(1, 0, 0, 0, 0));
    vt_sprite(v, 9, 330, 40, 1, 1, 10, vt_name(1, 0, 0, 0, 0));
    /* Sprite 10: 4 cells (tiles 1-4) at x 0, only 3 fit in the 40-cell budget. */
    vt_sprite(v, 10, 0, 40, 4, 1, 11, vt_name(1, 0, 0, 0, 0));
    vt_sprite(v, 11, 100, 40, 1, 1, 0, vt_name(2, 0, 0, 0, 0));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    (void)vdp_read_status(v);
    vdp_run(v, vdp_frame_end(v));
    assert_int_equal(vt_pixel(v, 0, 40), RED);
    assert_int_equal(vt_pixel(v, 23, 40), BLUE);
    assert_int_equal(vt_pixel(v, 24, 40), BACKDROP);
    assert_int_equal(vt_pixel(v, 100, 40), BACKDROP);
    assert_int_equal(vdp_read_status(v) & 0x40, 0x40);
    v->sprite_limit = false;
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 24, 40), WHITE);
    assert_int_equal(vt_pixel(v, 100, 40), GREEN);
}

static void test_sprite_masking(void **st)
{
    Vdp *v = *st;
    /* X = 0 after a sprite with X != 0 on the line hides the rest. */
    vt_sprite(v, 0, 50, 60, 1, 1, 1, vt_name(1, 0, 0, 0, 0));
    vt_sprite(v, 1, -128, 60, 1, 1, 2, vt_name(1, 0, 0, 0, 0));
    vt_sprite(v, 2, 100, 60, 1, 1, 3, vt_name(2, 0, 0, 0, 0));
    /* On lines without an earlier sprite, X = 0 does nothing. */
    vt_sprite(v, 3, -128, 80, 1, 1, 4, vt_name(1, 0, 0, 0, 0));
    vt_sprite(v, 4, 100, 80, 1, 1, 0, vt_name(3, 0, 0, 0, 0));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 50, 60), RED);
    assert_int_equal(vt_pixel(v, 100, 60), BACKDROP);
    assert_int_equal(vt_pixel(v, 100, 80), BLUE);
}

static uint32_t shadow_rgb(unsigned r, unsigned g, unsigned b)
{
    return ((uint32_t)vt_shadow_level[r] << 16) | ((uint32_t)vt_shadow_level[g] << 8) | vt_shadow_level[b];
}

static uint32_t highlight_rgb(unsigned r, unsigned g, unsigned b)
{
    return ((uint32_t)vt_highlight_level[r] << 16) | ((uint32_t)vt_highlight_level[g] << 8) | vt_highlight_level[b];
}

static void test_shadow_highlight(void **st)
{
    Vdp *v = *st;
    vt_cram(v, 62, vt_colour(1, 1, 1));
    vt_cram(v, 63, vt_colour(1, 1, 1));
    name_a(v, 1, 0, vt_name(1, 0, 1, 0, 0)); /* high A at x 8-15 */
    name_a(v, 2, 0, vt_name(1, 0, 0, 0, 0)); /* low A at x 16-23 */
    name_b(v, 3, 0, vt_name(0, 0, 1, 0, 0)); /* transparent but high B at x 24-31 */
    /* Operator sprites: palette 3 colour 15 = shadow, colour 14 = highlight. */
    const uint32_t op_rows_f[8] = {0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
                                   0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF};
    const uint32_t op_rows_e[8] = {0xEEEEEEEE, 0xEEEEEEEE, 0xEEEEEEEE, 0xEEEEEEEE,
                                   0xEEEEEEEE, 0xEEEEEEEE, 0xEEEEEEEE, 0xEEEEEEEE};
    vt_tile_rows(v, 20, op_rows_f);
    vt_tile_rows(v, 21, op_rows_e);
    vt_sprite(v, 0, 8, 8, 1, 1, 1, vt_name(20, 3, 1, 0, 0));   /* shadow op over high A (row 1) */
    vt_sprite(v, 1, 16, 8, 1, 1, 2, vt_name(21, 3, 1, 0, 0));  /* highlight op over low planes */
    vt_sprite(v, 2, 8, 16, 1, 1, 3, vt_name(21, 3, 1, 0, 0));  /* highlight op over high A */
    vt_sprite(v, 3, 40, 0, 1, 1, 4, vt_name(2, 0, 0, 0, 0));   /* low normal sprite over low planes */
    vt_sprite(v, 4, 48, 0, 1, 1, 0, vt_name(2, 0, 1, 0, 0));   /* high normal sprite */
    for (unsigned r = 1; r < 3; r++) {
        name_a(v, 1, r, vt_name(1, 0, 1, 0, 0));
        name_a(v, 2, r, vt_name(1, 0, 0, 0, 0));
    }
    vt_reg(v, 12, 0x81 | 0x08);
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 0, 0), shadow_rgb(2, 2, 2));   /* low planes: backdrop shadowed */
    assert_int_equal(vt_pixel(v, 8, 0), RED);                    /* high A: normal */
    assert_int_equal(vt_pixel(v, 16, 0), shadow_rgb(7, 0, 0));  /* low A: shadowed */
    assert_int_equal(vt_pixel(v, 24, 0), BACKDROP);              /* a high B cell lifts the shadow */
    assert_int_equal(vt_pixel(v, 40, 0), shadow_rgb(0, 7, 0));  /* low sprite over low planes */
    assert_int_equal(vt_pixel(v, 48, 0), GREEN);                 /* high sprite: normal */
    assert_int_equal(vt_pixel(v, 8, 8), shadow_rgb(7, 0, 0));   /* shadow operator */
    assert_int_equal(vt_pixel(v, 16, 8), RED);                   /* highlight op cancels the shadow */
    assert_int_equal(vt_pixel(v, 8, 16), highlight_rgb(7, 0, 0)); /* highlight op over normal */
}

static void test_left_column_blank(void **st)
{
    Vdp *v = *st;
    name_b(v, 0, 0, vt_name(1, 0, 0, 0, 0));
    name_b(v, 1, 0, vt_name(1, 0, 0, 0, 0));
    vt_reg(v, 0, 0x24);
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    assert_int_equal(vt_pixel(v, 7, 0), BACKDROP);
    assert_int_equal(vt_pixel(v, 8, 0), RED);
}

static void test_h32_v30_sizes(void **st)
{
    Vdp *v = *st;
    name_b(v, 31, 0, vt_name(1, 0, 0, 0, 0));
    vt_display_on(v, 0x08); /* V30 */
    vt_fresh_frame(v);
    int w, h, pitch;
    vdp_framebuffer(v, &w, &h, &pitch);
    assert_int_equal(w, 256);
    assert_int_equal(h, 240);
    assert_int_equal(vt_pixel(v, 255, 0), RED);
    assert_int_equal(vt_pixel(v, 0, 239), BACKDROP);
}

static void test_interlace_mode2(void **st)
{
    Vdp *v = *st;
    /* Patterns are 64 bytes in mode 2: tile 0 (planes' empty cells) now
     * spans bytes 0-63, so clear the 8x8 tile 1 that lives there. */
    uint16_t zero[16] = {0};
    vt_write_words(v, VT_VRAM_WRITE, 32, zero, 16);
    /* Tile 1 in mode 2 is 8x16 at 64 bytes: top 8 rows colour 1, bottom 8 colour 2. */
    uint16_t w[32];
    for (int i = 0; i < 16; i++)
        w[i] = 0x1111;
    for (int i = 16; i < 32; i++)
        w[i] = 0x2222;
    vt_write_words(v, VT_VRAM_WRITE, 64, w, 32);
    name_b(v, 0, 0, vt_name(1, 0, 0, 0, 0));
    vt_reg(v, 12, 0x81 | 0x06);
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    vt_fresh_frame(v); /* both fields */
    int fw, fh, pitch;
    vdp_framebuffer(v, &fw, &fh, &pitch);
    assert_int_equal(fw, 320);
    assert_int_equal(fh, 448);
    assert_int_equal(vt_pixel(v, 0, 0), RED);
    assert_int_equal(vt_pixel(v, 0, 7), RED);
    assert_int_equal(vt_pixel(v, 0, 8), GREEN);
    assert_int_equal(vt_pixel(v, 0, 15), GREEN);
    assert_int_equal(vt_pixel(v, 0, 16), BACKDROP);
    assert_int_equal(vt_pixel(v, 0, 447), BACKDROP);
    /* The odd-frame status bit alternates from field to field. */
    uint16_t a = vdp_read_status(v) & 0x10;
    vdp_run(v, vdp_frame_end(v));
    uint16_t b = vdp_read_status(v) & 0x10;
    assert_int_not_equal(a, b);
}

static void test_mid_frame_change(void **st)
{
    Vdp *v = *st;
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    uint64_t f = v->state.frame_start;
    /* Change the backdrop between the lines 100 and 101 are drawn. */
    vdp_run(v, f + 101 * VDP_MASTER_CLOCKS_PER_LINE + 100);
    vt_reg(v, 7, 0x01);
    vdp_run(v, vdp_frame_end(v));
    assert_int_equal(vt_pixel(v, 0, 100), BACKDROP);
    assert_int_equal(vt_pixel(v, 0, 101), RED);
    assert_int_equal(vt_pixel(v, 0, 223), RED);
}

static void test_h32_frame_to_h40_stretches(void **st)
{
    Vdp *v = *st;
    vt_reg(v, 12, 0x00);
    name_b(v, 31, 0, vt_name(1, 0, 0, 0, 0));
    vt_display_on(v, 0);
    vt_fresh_frame(v);
    /* Switch to H40 after line 0: the frame stays 256 wide. */
    uint64_t f = v->state.frame_start;
    vdp_run(v, f + 5 * VDP_MASTER_CLOCKS_PER_LINE);
    vt_reg(v, 12, 0x81);
    vdp_run(v, vdp_frame_end(v));
    int w, h, pitch;
    vdp_framebuffer(v, &w, &h, &pitch);
    assert_int_equal(w, 256);
    assert_int_equal(vt_pixel(v, 255, 0), RED);
    assert_int_equal(vt_pixel(v, 255, 7), BACKDROP); /* H40 line: x 255 -> 319*... column 31 not at the end */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_backdrop_and_display_off, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_plane_tile, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_plane_priority, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_tile_flips, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_hscroll_full_line_cell, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_vscroll_full_and_columns, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_vscroll_left_column_h40, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_vscroll_left_column_h32, setup_h32, teardown),
        cmocka_unit_test_setup_teardown(test_vscroll_left_column_midline, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_vscroll_left_column_interlace, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_plane_sizes, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_window_splits, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_window_beside_scrolled_plane, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_window_h32_table_width, setup_h32, teardown),
        cmocka_unit_test_setup_teardown(test_sprites_basic, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_sprite_priority_and_collision, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_sprite_per_line_limit, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_sprite_h32_limit_is_16, setup_h32, teardown),
        cmocka_unit_test_setup_teardown(test_sprite_dot_overflow, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_sprite_masking, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_shadow_highlight, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_left_column_blank, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_h32_v30_sizes, setup_h32, teardown),
        cmocka_unit_test_setup_teardown(test_interlace_mode2, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_mid_frame_change, setup_h40, teardown),
        cmocka_unit_test_setup_teardown(test_h32_frame_to_h40_stretches, setup_h32, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
