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
 *   column (VSRAM 2n / 2n+1); 10 bits, 11 in interlace mode 2;
 * - window position reg 17 (bit 7 right, bits 4-0 in 2-cell units) and
 *   reg 18 (bit 7 down, bits 4-0 in 8-line units).
 */
#include "vdp_render_internal.h"

static int plane_cells(unsigned field) { return field == 1 ? 64 : field == 3 ? 128 : 32; }

static unsigned hscroll_for_line(const VdpState *s, int plane_index, unsigned line)
{
    static const unsigned line_masks[4] = {0x00, 0x07, 0xF8, 0xFF};
    unsigned table = (unsigned)(s->regs[13] & 0x3F) << 10;
    unsigned entry = table + (line & line_masks[s->regs[11] & 3]) * 4 + (unsigned)plane_index * 2;
    entry &= 0xFFFF;
    return ((unsigned)(s->vram[entry] << 8) | s->vram[(entry + 1) & 0xFFFF]) & 0x3FF;
}

/* Name table word at `addr` (big-endian in VRAM; even, so it never wraps). */
static inline uint16_t name_at(const VdpState *s, unsigned addr)
{
    uint16_t w;
    memcpy(&w, s->vram + addr, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return w;
#else
    return __builtin_bswap16(w);
#endif
}

/* Pattern row index of a name entry's row fine_y, after its vertical flip. */
static inline unsigned name_row(uint16_t name, unsigned fine_y, int im2)
{
    if (im2)
        return ((name & 0x3FFu) << 4) + (fine_y ^ (((name >> 12) & 1u) * 15u));
    return ((name & 0x7FFu) << 3) + (fine_y ^ (((name >> 12) & 1u) * 7u));
}

/* The cell loop, specialised by the caller for interlace mode 2 and for
 * per-column vertical scroll so that neither is tested per cell. */
static inline void plane_cells_loop(const Vdp *v, uint8_t *out, int sx, int width, unsigned col, unsigned col_mask,
                                    unsigned base, unsigned wcells, unsigned y, unsigned y_mask,
                                    int plane_index, int column_vscroll, int im2)
{
    const VdpState *s = &v->state;
    const unsigned tile_shift_y = im2 ? 4 : 3;
    const unsigned fine_mask = (1u << tile_shift_y) - 1;
    if (!column_vscroll) {
        unsigned py = (y + s->vsram[plane_index]) & y_mask;
        const unsigned row_offset = (py >> tile_shift_y) * wcells * 2;
        const unsigned fine_y = py & fine_mask;
        for (; sx < width; sx += 8, col = (col + 1) & col_mask) {
            uint16_t name = name_at(s, base + ((row_offset + col * 2) & 0x1FFEu));
            vdp_store8(out + sx, vdp_cached_row(v, name_row(name, fine_y, im2), name));
        }
        return;
    }
    for (; sx < width; sx += 8, col = (col + 1) & col_mask) {
        unsigned column = sx < 0 ? 0u : (unsigned)sx >> 4;
        unsigned py = (y + s->vsram[column * 2 + (unsigned)plane_index]) & y_mask;
        uint16_t name = name_at(s, base + (((py >> tile_shift_y) * wcells * 2 + col * 2) & 0x1FFEu));
        vdp_store8(out + sx, vdp_cached_row(v, name_row(name, py & fine_mask, im2), name));
    }
}

void vdp_render_plane(const Vdp *v, uint8_t *out, int x_begin, int x_end, int plane_index, unsigned y)
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
    const unsigned display_line = im2 ? y >> 1 : y;
    const unsigned hs = hscroll_for_line(s, plane_index, display_line);
    const unsigned x0 = (0u - hs) & (wpx - 1);
    const unsigned col_mask = wcells - 1;
    /* Start at the cell that covers x_begin; the first and last cells may
     * spill up to 7 dots outside the span (into the margin or the window). */
    int skip = (x_begin + (int)(x0 & 7)) / 8;
    unsigned col = ((x0 >> 3) + (unsigned)skip) & (wcells - 1);
    int sx = -(int)(x0 & 7) + 8 * skip;
    const int column_vscroll = (s->regs[11] & 0x04) != 0;

    if (im2)
        plane_cells_loop(v, out, sx, x_end, col, col_mask, base, wcells, y, y_mask, plane_index, column_vscroll, 1);
    else if (column_vscroll)
        plane_cells_loop(v, out, sx, x_end, col, col_mask, base, wcells, y, y_mask, plane_index, 1, 0);
    else
        plane_cells_loop(v, out, sx, x_end, col, col_mask, base, wcells, y, y_mask, plane_index, 0, 0);
}

int vdp_window_span(const VdpState *s, int width, int *x_from, int *x_to)
{
    unsigned line = s->line;
    unsigned vpos = (unsigned)(s->regs[18] & 0x1F) * 8;
    int down = (s->regs[18] & 0x80) != 0;
    if (down ? line >= vpos : line < vpos) {
        *x_from = 0;
        *x_to = width;
        return 1;
    }
    int hpos = (s->regs[17] & 0x1F) * 16;
    if (hpos > width)
        hpos = width;
    if (s->regs[17] & 0x80) {
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
    for (int x = x_from & ~7; x < x_to; x += 8) {
        uint16_t name = name_at(s, (base + row_offset + (unsigned)x / 4) & 0xFFFE);
        vdp_store8(out + x, vdp_cached_row(v, name_row(name, fine_y, im2), name));
    }
}
