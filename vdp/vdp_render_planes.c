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

void vdp_render_plane(const VdpState *s, uint8_t *out, int width, int plane_index, unsigned y)
{
    const int im2 = vdp_interlace_mode(s) == 2;
    const unsigned tile_h = im2 ? 16 : 8;
    const unsigned tile_shift = im2 ? 6 : 5;
    const unsigned tile_mask = im2 ? 0x3FF : 0x7FF;
    const unsigned vs_mask = im2 ? 0x7FF : 0x3FF;
    const unsigned base = plane_index == 0 ? (unsigned)(s->regs[2] & 0x38) << 10
                                           : (unsigned)(s->regs[4] & 0x07) << 13;
    const unsigned wfield = s->regs[16] & 3, hfield = (s->regs[16] >> 4) & 3;
    const unsigned wcells = (unsigned)plane_cells(wfield);
    const unsigned hcells = wfield == 2 ? 1u : (unsigned)plane_cells(hfield);
    const unsigned wpx = wcells * 8, hpx = hcells * tile_h;
    const unsigned display_line = im2 ? y >> 1 : y;
    const unsigned hs = hscroll_for_line(s, plane_index, display_line);
    const unsigned x0 = (0u - hs) & (wpx - 1);
    const int column_vscroll = (s->regs[11] & 0x04) != 0;
    const unsigned first_col = x0 >> 3;
    unsigned py = (y + s->vsram[plane_index]) & vs_mask & (hpx - 1);

    for (int k = 0, sx = -(int)(x0 & 7); sx < width; k++, sx += 8) {
        if (column_vscroll) {
            unsigned column = sx < 0 ? 0u : (unsigned)sx >> 4;
            py = (y + s->vsram[column * 2 + (unsigned)plane_index]) & vs_mask & (hpx - 1);
        }
        unsigned row = py / tile_h, fine_y = py & (tile_h - 1);
        unsigned col = (first_col + (unsigned)k) & (wcells - 1);
        unsigned naddr = base + (((row * wcells + col) * 2) & 0x1FFF);
        uint16_t name = (uint16_t)((s->vram[naddr & 0xFFFF] << 8) | s->vram[(naddr + 1) & 0xFFFF]);
        unsigned r = (name & 0x1000) ? tile_h - 1 - fine_y : fine_y;
        unsigned paddr = ((name & tile_mask) << tile_shift) + r * 4;
        vdp_store8(out + sx, vdp_pattern_row(s->vram, paddr, name & 0x0800, vdp_name_attr(name)));
    }
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

void vdp_render_window(const VdpState *s, uint8_t *out, int x_from, int x_to, unsigned y)
{
    const int im2 = vdp_interlace_mode(s) == 2;
    const unsigned tile_h = im2 ? 16 : 8;
    const unsigned tile_shift = im2 ? 6 : 5;
    const unsigned tile_mask = im2 ? 0x3FF : 0x7FF;
    const int h40 = vdp_is_h40(s);
    const unsigned base = (unsigned)(s->regs[3] & (h40 ? 0x3C : 0x3E)) << 10;
    const unsigned wcells = h40 ? 64 : 32;
    const unsigned row = (y / tile_h) & 31, fine_y = y & (tile_h - 1);
    for (int x = x_from & ~7; x < x_to; x += 8) {
        unsigned naddr = (base + (row * wcells + (unsigned)x / 8) * 2) & 0xFFFF;
        uint16_t name = (uint16_t)((s->vram[naddr] << 8) | s->vram[(naddr + 1) & 0xFFFF]);
        unsigned r = (name & 0x1000) ? tile_h - 1 - fine_y : fine_y;
        unsigned paddr = ((name & tile_mask) << tile_shift) + r * 4;
        vdp_store8(out + x, vdp_pattern_row(s->vram, paddr, name & 0x0800, vdp_name_attr(name)));
    }
}
