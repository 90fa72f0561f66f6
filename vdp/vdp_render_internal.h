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

/* Eight pixels of one pattern row as eight bytes, leftmost in the lowest byte.
 * Rows are 4-byte aligned, so the four bytes never wrap around VRAM. */
static inline uint64_t vdp_pattern_row(const uint8_t *vram, unsigned addr, int hflip, uint8_t attr)
{
    const uint8_t *p = vram + (addr & 0xFFFCu);
    uint64_t t = (uint64_t)((uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24));
    t = (t | (t << 16)) & 0x0000FFFF0000FFFFull;
    t = (t | (t << 8)) & 0x00FF00FF00FF00FFull;
    uint64_t px = ((t >> 4) & 0x000F000F000F000Full) | ((t & 0x000F000F000F000Full) << 8);
    uint64_t flip_mask = 0 - (uint64_t)(hflip != 0); /* branch-free: flips are data-dependent */
    px = (vdp_reverse_bytes(px) & flip_mask) | (px & ~flip_mask);
    uint64_t opaque = ((px + 0x7F7F7F7F7F7F7F7Full) & 0x8080808080808080ull) >> 1;
    return px | opaque | (0x0101010101010101ull * attr);
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

/* Name table entry -> pixel attribute bits (priority, palette). */
static inline uint8_t vdp_name_attr(uint16_t name)
{
    return (uint8_t)(((name >> 8) & 0x80) | ((name >> 9) & 0x30));
}

/* Plane A (0) or B (1) dots x_begin..x_end-1 of display row y (doubled in interlace mode 2). */
void vdp_render_plane(const VdpState *s, uint8_t *out, int x_begin, int x_end, int plane_index, unsigned y);
void vdp_render_window(const VdpState *s, uint8_t *out, int x_from, int x_to, unsigned y);
/* Window span on this line in pixels; returns 0 when the window is absent. */
int vdp_window_span(const VdpState *s, int width, int *x_from, int *x_to);
void vdp_render_sprites(Vdp *v, uint8_t *out, int width, unsigned y);

#endif
