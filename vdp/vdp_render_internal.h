/* vdp_render_internal.h - line buffers and pattern decoding shared by the renderers.
 *
 * A layer pixel is one byte: bit 7 priority, bit 6 opaque (colour != 0),
 * bits 5-4 palette, bits 3-0 colour. Pattern format (genvdp.txt, "Patterns"):
 * 8x8 (8x16 in interlace mode 2) pixels of 4 bits, 4 bytes per row, the
 * leftmost pixel in the high nibble of the first byte.
 */
#ifndef MDEMU_VDP_RENDER_INTERNAL_H
#define MDEMU_VDP_RENDER_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "vdp_internal.h"

#define VDP_PIX_PRIORITY 0x80
#define VDP_PIX_OPAQUE 0x40
#define VDP_LINE_MARGIN 16 /* room left of x = 0 for a partly scrolled-in tile */

typedef struct VdpLineLayers {
    uint8_t plane_a[VDP_LINE_MARGIN + VDP_MAX_WIDTH + 16];
    uint8_t plane_b[VDP_LINE_MARGIN + VDP_MAX_WIDTH + 16];
    uint8_t sprites[VDP_MAX_WIDTH];
} VdpLineLayers;

static inline uint64_t vdp_reverse_bytes(uint64_t x) { return __builtin_bswap64(x); }

/* A pattern byte (two dots) -> two layer bytes (colour | opaque flag), left
 * dot first; the second table has the dots swapped for horizontal flips. */
#define VDP_DOT(n) ((n) ? ((n) | 0x40) : 0)
#define VDP_PAIR(b) (VDP_DOT((b) >> 4) | (VDP_DOT((b) & 15) << 8))
#define VDP_PAIR_FLIP(b) (VDP_DOT((b) & 15) | (VDP_DOT((b) >> 4) << 8))
#define VDP_P4(m, b) m(b), m((b) + 1), m((b) + 2), m((b) + 3)
#define VDP_P16(m, b) VDP_P4(m, b), VDP_P4(m, (b) + 4), VDP_P4(m, (b) + 8), VDP_P4(m, (b) + 12)
#define VDP_P64(m, b) VDP_P16(m, b), VDP_P16(m, (b) + 16), VDP_P16(m, (b) + 32), VDP_P16(m, (b) + 48)
#define VDP_P256(m) VDP_P64(m, 0), VDP_P64(m, 64), VDP_P64(m, 128), VDP_P64(m, 192)
static const uint16_t vdp_dot_pairs[2][256] = {{VDP_P256(VDP_PAIR)}, {VDP_P256(VDP_PAIR_FLIP)}};

/* Eight pixels of one pattern row as eight bytes, leftmost in the lowest byte.
 * Rows are 4-byte aligned, so the four bytes never wrap around VRAM. */
static inline uint64_t vdp_pattern_row(const uint8_t *vram, unsigned addr, int hflip, uint8_t attr)
{
    const uint8_t *p = vram + (addr & 0xFFFCu);
    const int f = hflip != 0;
    const uint16_t *pairs = vdp_dot_pairs[f];
    /* A flipped row takes the bytes last to first. */
    unsigned b0 = p[3 * f], b1 = p[1 + f], b2 = p[2 - f], b3 = p[3 - 3 * f];
    uint64_t px = (uint64_t)pairs[b0] | ((uint64_t)pairs[b1] << 16) | ((uint64_t)pairs[b2] << 32) |
                  ((uint64_t)pairs[b3] << 48);
    return px | (0x0101010101010101ull * attr);
}

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
    if (name & 0x0800)
        px = vdp_reverse_bytes(px);
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

/* Plane A (0) or B (1) dots x_begin..x_end-1 of display row y (doubled in interlace mode 2). */
void vdp_render_plane(const Vdp *v, uint8_t *out, int x_begin, int x_end, int plane_index, unsigned y);
void vdp_render_window(const Vdp *v, uint8_t *out, int x_from, int x_to, unsigned y);
/* Window span on this line in pixels; returns 0 when the window is absent. */
int vdp_window_span(const VdpState *s, int width, int *x_from, int *x_to);
void vdp_render_sprites(Vdp *v, uint8_t *out, int width, unsigned y);

#endif
