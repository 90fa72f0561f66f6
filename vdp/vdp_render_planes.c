/* vdp_render_planes.c - one line of plane A, plane B or the window.
 *
 * Register meanings from genvdp.txt (Charles MacDonald):
 * - name tables: plane A reg 2 bits 5-3 (A15-13), plane B reg 4 bits 2-0
 *   (A15-13), window reg 3 bits 5-1 (A15-11, bit 1 ignored in H40);
 * - plane size reg 16: bits 1-0 width, bits 5-4 height, 00 = 32 cells,
 *   01 = 64, 11 = 128; 10 is invalid and acts as 32 cells wide with a single
 *   row. A name table never exceeds 8 KiB, so 64x128 and 128x64/128x128
 *   wrap inside it (addresses wrap at 0x2000);
 * - hscroll table reg 13 bits 5-0 (A15-10), mode reg 11 bits 1-0: 00 whole
 *   screen, 01 first eight lines repeated, 10 per 8-line cell, 11 per line;
 *   a 4-byte entry per line: plane A word then plane B word, 10 bits;
 * - vscroll reg 11 bit 2: 0 whole screen (VSRAM 0 = A, 1 = B), 1 per 2-cell
 *   column (VSRAM 2n / 2n+1); 10 bits, 11 in interlace mode 2. Screen
 *   column n covers dots 16n + f .. 16n + f + 15 (f: the plane's fine
 *   horizontal scroll, hscroll & 15), so both cells of a name table column
 *   pair share one entry; with f != 0 a column partly shown at dots 0..f-1
 *   comes before column 0 (see left_column_vscroll);
 * - window position reg 17 (bit 7 right, bits 4-0 in 2-cell units) and
 *   reg 18 (bit 7 down, bits 4-0 in 8-line units).
 */
#include "vdp_render_internal.h"
#include "vdp_render_vector.h"

static int plane_cells(unsigned field) { return field == 1 ? 64 : field == 3 ? 128 : 32; }

unsigned vdp_hscroll_for_line(const VdpState *s, int plane_index, unsigned line)
{
    static const unsigned line_masks[4] = {0x00, 0x07, 0xF8, 0xFF};
    unsigned table = (unsigned)(s->regs[13] & 0x3F) << 10;
    unsigned entry = table + (line & line_masks[s->regs[11] & 3]) * 4 + (unsigned)plane_index * 2;
    entry &= 0xFFFF;
    return ((unsigned)(s->vram[entry] << 8) | s->vram[(entry + 1) & 0xFFFF]) & 0x3FF;
}

/* One cell row of the plane: `names` is the name table row, `fine_rows`
 * the pattern row to use without and with the entry's vertical flip. */
static inline uint64_t plane_cell(const Vdp *v, const uint8_t *names, unsigned col, const unsigned fine_rows[2],
                                  int im2)
{
    uint16_t name;
    memcpy(&name, names + col * 2, sizeof name);
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_BIG_ENDIAN__
    name = __builtin_bswap16(name);
#endif
    unsigned row = (im2 ? (name & 0x3FFu) << 4 : (name & 0x7FFu) << 3) | fine_rows[(name >> 12) & 1u];
    uint64_t px = v->pattern_rows[row];
    px = vdp_flip_if(px, name & 0x0800);
    return px | vdp_row_attr[name >> 11];
}

/* The vertical scroll of the column partly shown left of column 0 (fine
 * horizontal scroll f != 0, dots 0..f-1) in 2-cell mode. It has no VSRAM
 * entry of its own; the VDP reads it in the line's first fetch group,
 * ahead of column 0 (vdp_render.c, VDP_FETCH_GROUP_LEAD), and it takes:
 * - H40: VSRAM 38 AND VSRAM 39 (the last column's plane A and plane B
 *   entries), the same value for both planes;
 * - H32: 0, for both planes.
 * Source: Genesis Plus GX (core/vdp_render.c, render_bg_m5_vs and
 * render_bg_m5_im2_vs), documented there as verified on a PAL Mega Drive
 * model 2 with Formula One and Kawasaki Superbike Challenge (H32) and
 * Gynoug and Cutie Suzuki no Ringside Angel (H40); Eke's SpritesMind
 * thread "2-cell vertical scrolling + horizontal scrolling" (2010,
 * gendev.spritesmind.net/forum/viewtopic.php?f=22&t=737) shows the H32
 * games right only with 0 and Gynoug right only with something else.
 * ares uses the same rule ("confirmed hardware bug", Wing of Wor).
 * Uncertain: GPGX notes that the Genesis 3 may behave differently; why the
 * VDP ANDs the two entries is not known (BlastEm instead reuses the last
 * value the VSRAM bus carried); in interlace mode 2 the AND of the 11-bit
 * entries is used, as GPGX does (not verified on hardware). The window
 * replaces plane A's partial column where it covers column 0 (the column
 * fetched with it), so there only plane B shows the rule; plane A's cells
 * spilling right of a left window keep their own column's entry (GPGX
 * gives them this value too, with its "window bug"; not modelled). */
static inline unsigned left_column_vscroll(const VdpState *s)
{
    return vdp_is_h40(s) ? (unsigned)(s->vsram[38] & s->vsram[39]) : 0u;
}

/* The cell loop, specialised by the caller for interlace mode 2 and for
 * per-column vertical scroll so that neither is tested per cell. `fine`
 * is the plane's fine horizontal scroll (hscroll & 15). */
static inline void plane_cells_loop(const Vdp *v, uint8_t *out, int sx, int width, unsigned col, unsigned col_mask,
                                    unsigned base, unsigned wcells, unsigned y, unsigned y_mask,
                                    int plane_index, int column_vscroll, int im2, unsigned fine)
{
    const VdpState *s = &v->state;
    const unsigned tile_shift_y = im2 ? 4 : 3;
    const unsigned fine_mask = (1u << tile_shift_y) - 1;
    if (!column_vscroll) {
        unsigned py = (y + s->vsram[plane_index]) & y_mask;
        /* A row (wcells * 2 bytes) divides 8 KiB, so it never wraps inside. */
        const uint8_t *names = s->vram + base + (((py >> tile_shift_y) * wcells * 2) & 0x1FFEu);
        const unsigned fine_rows[2] = {py & fine_mask, (py & fine_mask) ^ fine_mask};
        if (sx >= width)
            return;
        uint8_t *dst = out + sx;
        unsigned cells_left = (unsigned)(width - sx + 7) / 8;
        if (v->render_vector) {
            /* All the cells in one call: it wraps at the row's end itself. */
            vdp_plane_row_vector(v->pattern_rows, names, wcells, col, cells_left, fine_rows[0], im2, dst);
            return;
        }
        /* Runs of consecutive names up to the row's end, where it wraps. */
        while (cells_left) {
            unsigned run = wcells - col < cells_left ? wcells - col : cells_left;
            const uint8_t *p = names + col * 2;
            for (const uint8_t *end = names + (col + run) * 2; p != end; p += 2, dst += 8)
                vdp_store8(dst, plane_cell(v, p, 0, fine_rows, im2));
            cells_left -= run;
            col = 0;
        }
        return;
    }
    /* Column by column, the scroll and the name table row once for its
     * two cells: pair 0 is the partly shown column, pair k >= 1 screen
     * column k - 1 (VSRAM 2k - 2 and 2k - 1). Cells start at dots
     * congruent to f mod 8 from dot -7 on, so `at` = sx + 16 - f is a
     * multiple of 8 (bit 3: the span starts at a column's right cell) and
     * pair stays below 21 (dot 319). */
    const uint16_t left_vs = (uint16_t)left_column_vscroll(s);
    const unsigned at = (unsigned)(sx + 16 - (int)fine);
    unsigned pair = at >> 4;
    const uint8_t *names_base = s->vram + base;
    const unsigned row_bytes = wcells * 2;
    int right_cell_first = (at & 8) != 0;
    while (sx < width) {
        const unsigned vs = pair ? s->vsram[pair * 2 - 2 + (unsigned)plane_index] : left_vs;
        const unsigned py = (y + vs) & y_mask;
        const uint8_t *names = names_base + (((py >> tile_shift_y) * row_bytes) & 0x1FFEu);
        const unsigned fine_rows[2] = {py & fine_mask, (py & fine_mask) ^ fine_mask};
        if (!right_cell_first) {
            vdp_store8(out + sx, plane_cell(v, names, col, fine_rows, im2));
            sx += 8;
            col = (col + 1) & col_mask;
            if (sx >= width)
                break;
        }
        right_cell_first = 0;
        vdp_store8(out + sx, plane_cell(v, names, col, fine_rows, im2));
        sx += 8;
        col = (col + 1) & col_mask;
        pair++;
    }
}

void vdp_render_plane(const Vdp *v, uint8_t *out, int x_begin, int x_end, int plane_index, unsigned y, unsigned hs)
{
    const VdpState *s = &v->state;
    const int im2 = vdp_interlace_mode(s) == 2;
    const unsigned tile_shift_y = im2 ? 4 : 3;
    const unsigned vs_mask = im2 ? 0x7FF : 0x3FF;
    const unsigned base = plane_index == 0 ? (unsigned)(s->regs[2] & 0x38) << 10
                                           : (unsigned)(s->regs[4] & 0x07) << 13;
    const unsigned wfield = s->regs[16] & 3, hfield = (s->regs[16] >> 4) & 3;
    const unsigned wcells = (unsigned)plane_cells(wfield);
    const unsigned hcells = wfield == 2 ? 1u : (unsigned)plane_cells(hfield);
    const unsigned wpx = wcells * 8, y_mask = vs_mask & ((hcells << tile_shift_y) - 1);
    const unsigned x0 = (0u - hs) & (wpx - 1);
    const unsigned col_mask = wcells - 1;
    /* Start at the cell that covers x_begin; the first and last cells may
     * spill up to 7 dots outside the span (into the margin or the window). */
    int skip = (x_begin + (int)(x0 & 7)) / 8;
    unsigned col = ((x0 >> 3) + (unsigned)skip) & (wcells - 1);
    int sx = -(int)(x0 & 7) + 8 * skip;
    const int column_vscroll = (s->regs[11] & 0x04) != 0;

    const unsigned fine = hs & 15;
    if (im2)
        plane_cells_loop(v, out, sx, x_end, col, col_mask, base, wcells, y, y_mask, plane_index, column_vscroll, 1,
                         fine);
    else if (column_vscroll)
        plane_cells_loop(v, out, sx, x_end, col, col_mask, base, wcells, y, y_mask, plane_index, 1, 0, fine);
    else
        plane_cells_loop(v, out, sx, x_end, col, col_mask, base, wcells, y, y_mask, plane_index, 0, 0, fine);
}

int vdp_window_span(unsigned line, const uint8_t regs17_18[2], int width, int *x_from, int *x_to)
{
    unsigned vpos = (unsigned)(regs17_18[1] & 0x1F) * 8;
    int down = (regs17_18[1] & 0x80) != 0;
    if (down ? line >= vpos : line < vpos) {
        *x_from = 0;
        *x_to = width;
        return 1;
    }
    int hpos = (regs17_18[0] & 0x1F) * 16;
    if (hpos > width)
        hpos = width;
    if (regs17_18[0] & 0x80) {
        *x_from = hpos;
        *x_to = width;
    } else {
        *x_from = 0;
        *x_to = hpos;
    }
    return *x_to > *x_from;
}

void vdp_render_window(const Vdp *v, uint8_t *out, int x_from, int x_to, unsigned y)
{
    const VdpState *s = &v->state;
    const int im2 = vdp_interlace_mode(s) == 2;
    const unsigned tile_shift_y = im2 ? 4 : 3;
    const int h40 = vdp_is_h40(s);
    const unsigned base = (unsigned)(s->regs[3] & (h40 ? 0x3C : 0x3E)) << 10;
    const unsigned wcells = h40 ? 64 : 32;
    const unsigned row_offset = ((y >> tile_shift_y) & 31) * wcells * 2;
    const unsigned fine_y = y & ((1u << tile_shift_y) - 1);
    /* The window table is not limited to 8 KiB: offsets wrap in VRAM only. */
    const unsigned fine_rows[2] = {fine_y, fine_y ^ ((1u << tile_shift_y) - 1)};
    const unsigned row = base + row_offset;
    if (v->render_vector && row + wcells * 2 <= 0x10000u && x_from < x_to && (unsigned)x_to <= wcells * 8) {
        /* Cells x / 8 of the row, as a plane row: the row's end is not
         * crossed (it can be, in a line begun in H40 after a switch to H32,
         * and then the cells go on into the next row) nor VRAM's. */
        const unsigned col = (unsigned)x_from / 8;
        vdp_plane_row_vector(v->pattern_rows, s->vram + row, wcells, col, ((unsigned)x_to + 7) / 8 - col, fine_y, im2,
                             out + 8 * col);
        return;
    }
    for (int x = x_from & ~7; x < x_to; x += 8)
        vdp_store8(out + x, plane_cell(v, s->vram, ((base + row_offset + (unsigned)x / 4) & 0xFFFE) / 2, fine_rows,
                                       im2));
}
