/* vdp_render_internal.h - line buffers and pattern decoding shared by the renderers.
 *
 * A layer pixel is one byte: bit 7 priority, bit 6 opaque (colour != 0),
 * bits 5-4 palette, bits 3-0 colour. Pattern rows come decoded from the
 * pattern cache (vdp_pattern_cache.c), eight dots in a 64-bit word.
 */
#ifndef MDEMU_VDP_RENDER_INTERNAL_H
#define MDEMU_VDP_RENDER_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "vdp_internal.h"

#define VDP_PIX_PRIORITY 0x80
#define VDP_PIX_OPAQUE 0x40
#define VDP_LINE_MARGIN 16 /* room left of x = 0 for a partly scrolled-in tile */
/* VdpState.line_layers: the fetched plane A (or window) and plane B dots. */
enum { VDP_LAYER_A = 0, VDP_LAYER_B = 1 };

static inline uint64_t vdp_reverse_bytes(uint64_t x) { return __builtin_bswap64(x); }

/* The row mirrored when `flip` is nonzero (both are computed so that the
 * compiler can pick one with a conditional move). */
static inline uint64_t vdp_flip_if(uint64_t px, unsigned flip)
{
    const uint64_t mirrored = vdp_reverse_bytes(px);
    return flip ? mirrored : px;
}

#define VDP_P4(m, b) m(b), m((b) + 1), m((b) + 2), m((b) + 3)
#define VDP_P16(m, b) VDP_P4(m, b), VDP_P4(m, (b) + 4), VDP_P4(m, (b) + 8), VDP_P4(m, (b) + 12)

/* Name bits 15-11 (priority, palette, V flip, H flip) -> those attribute
 * bits repeated in all eight dots of a row. */
#define VDP_ATTR8(top) (0x0101010101010101ull * ((((top) >> 4) & 1u) << 7 | (((top) >> 2) & 3u) << 4))
static const uint64_t vdp_row_attr[32] = {VDP_P16(VDP_ATTR8, 0), VDP_P16(VDP_ATTR8, 16)};

/* One row of a tile from the decoded pattern cache, with the name table
 * entry's (or sprite's) flips, priority and palette applied. `row` is the
 * pattern row index: pattern * 8 + y (pattern * 16 + y in interlace mode 2). */
static inline uint64_t vdp_cached_row(const Vdp *v, unsigned row, uint16_t name)
{
    uint64_t px = v->pattern_rows[row & 0x3FFFu];
    px = vdp_flip_if(px, name & 0x0800);
    return px | vdp_row_attr[name >> 11];
}

/* Line buffers hold byte 0 = leftmost dot; on a little-endian host that is
 * the low byte of a 64-bit load, elsewhere the bytes are swapped. */
static inline uint64_t vdp_load8(const uint8_t *src)
{
    uint64_t v;
    memcpy(&v, src, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = vdp_reverse_bytes(v);
#endif
    return v;
}

static inline void vdp_store8(uint8_t *dst, uint64_t px)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    px = vdp_reverse_bytes(px);
#endif
    memcpy(dst, &px, sizeof px);
}

/* Frame buffer row of the current line (interlace mode 2 interleaves the fields). */
static inline unsigned vdp_line_row(const VdpState *s)
{
    return vdp_interlace_mode(s) == 2 ? (unsigned)s->line * 2 + s->odd_frame : s->line;
}

/* Plane A (0) or B (1) dots x_begin..x_end-1 of display row y (doubled in
 * interlace mode 2), scrolled horizontally by hs. */
void vdp_render_plane(const Vdp *v, uint8_t *out, int x_begin, int x_end, int plane_index, unsigned y, unsigned hs);
/* The line's horizontal scroll of plane A (0) or B (1) from the hscroll table. */
unsigned vdp_hscroll_for_line(const VdpState *s, int plane_index, unsigned line);
void vdp_render_window(const Vdp *v, uint8_t *out, int x_from, int x_to, unsigned y);
/* Window span on display line `line` for regs 17/18; returns 0 when the window is absent. */
int vdp_window_span(unsigned line, const uint8_t regs17_18[2], int width, int *x_from, int *x_to);
/* Returns 0 when no sprite is on the line (`out` is then left untouched). */
int vdp_render_sprites(Vdp *v, uint8_t *out, int width, unsigned y);

#endif
