/* vdp_render.c - one display line: layers, priority, shadow/highlight, colour output.
 *
 * Priority, back to front (genvdp.txt, "Priority"): backdrop, low plane B,
 * low plane A (or window), low sprites, high plane B, high plane A, high
 * sprites. Shadow/highlight (reg 12 bit 3; genvdp.txt, "Shadow / Hilight"):
 * a dot whose planes A and B both have low priority is shadowed; a winning
 * sprite dot of palette 3 colour 14 highlights (or un-shadows) what lies
 * below it, colour 15 shadows it, and neither is drawn itself; other sprite
 * dots are shadowed only when low priority over low-priority planes.
 */
#include <string.h>

#include "vdp_render_internal.h"

/* Eight dots at a time: each byte of a 64-bit word is one dot of a layer.
 * Per-byte flags are 0/1 in the low bit of each byte. */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static inline uint64_t byte_mask(uint64_t flags) { return flags * 0xFF; }

/* 1 in each byte equal to zero (bytes are below 0x80). */
static inline uint64_t zero_bytes(uint64_t x) { return (~((x | HIGHS) - ONES) & HIGHS) >> 7; }

/* Colour index (bits 5-0) and shade (bits 7-6: 0 normal, 1 shadow, 2
 * highlight) of eight dots. */
static uint64_t compose8(uint64_t a, uint64_t b, uint64_t s, uint64_t backdrop, int shadow_highlight)
{
    uint64_t aop = (a >> 6) & ONES, ahi = (a >> 7) & aop;
    uint64_t bop = (b >> 6) & ONES, bhi = (b >> 7) & bop;
    uint64_t sop = (s >> 6) & ONES, shi = (s >> 7) & sop;
    uint64_t any_hi = ahi | bhi | shi;
    uint64_t ws = shi | (sop & ~any_hi);
    uint64_t wa = (ahi & ~shi) | (aop & ~any_hi & ~sop);
    uint64_t wb = (bhi & ~shi & ~ahi) | (bop & ~any_hi & ~sop & ~aop);
    uint64_t wbg = ONES & ~(ws | wa | wb);
    uint64_t colour = (a & byte_mask(wa)) | (b & byte_mask(wb)) | (s & byte_mask(ws)) | (backdrop & byte_mask(wbg));
    colour &= 0x3F3F3F3F3F3F3F3Full;
    if (!shadow_highlight)
        return colour;
    /* Sprite dots of palette 3 colours 14/15 are operators on what lies below. */
    uint64_t op = ws & zero_bytes((s & 0x3E3E3E3E3E3E3E3Eull) ^ 0x3E3E3E3E3E3E3E3Eull);
    uint64_t op_shadow = op & s & ONES, op_highlight = op & ~s & ONES;
    uint64_t wa2 = ahi | (aop & ~bhi), wb2 = bop & ~wa2 & ONES, wbg2 = ONES & ~(wa2 | wb2);
    uint64_t below = (a & byte_mask(wa2)) | (b & byte_mask(wb2)) | (backdrop & byte_mask(wbg2));
    uint64_t op_mask = byte_mask(op);
    colour = (colour & ~op_mask) | (below & 0x3F3F3F3F3F3F3F3Full & op_mask);
    uint64_t planes_low = ~((a | b) >> 7) & ONES;
    uint64_t sprite_hi = ws & shi & ~op;
    uint64_t shadow = op_shadow | (~op & planes_low & ~sprite_hi & ONES);
    uint64_t highlight = op_highlight & ~planes_low;
    return colour | (shadow << 6) | (highlight << 7);
}

/* compose8 without sprite dots: the common case, about a third of the work. */
static uint64_t compose8_planes(uint64_t a, uint64_t b, uint64_t backdrop, int shadow_highlight)
{
    uint64_t aop = (a >> 6) & ONES, ahi = (a >> 7) & aop;
    uint64_t bop = (b >> 6) & ONES, bhi = (b >> 7) & bop;
    uint64_t wa = ahi | (aop & ~bhi), wb = bop & ~wa & ONES, wbg = ONES & ~(wa | wb);
    uint64_t colour = ((a & byte_mask(wa)) | (b & byte_mask(wb)) | (backdrop & byte_mask(wbg))) & 0x3F3F3F3F3F3F3F3Full;
    if (!shadow_highlight)
        return colour;
    return colour | ((~((a | b) >> 7) & ONES) << 6);
}

static void compose_line(const Vdp *v, const VdpLineLayers *l, int width, uint32_t *dst)
{
    const uint8_t *pa = l->plane_a + VDP_LINE_MARGIN, *pb = l->plane_b + VDP_LINE_MARGIN;
    const uint32_t *rgb = &v->cram_rgb[0][0]; /* [shade][colour] = shade * 64 + colour */
    const uint64_t backdrop = ONES * (v->state.regs[7] & 0x3F);
    const int sh = (v->state.regs[12] & 0x08) != 0;
    for (int x = 0; x < width; x += 8) {
        uint64_t sprites = vdp_load8(l->sprites + x);
        uint64_t out = (sprites & 0x4040404040404040ull)
                           ? compose8(vdp_load8(pa + x), vdp_load8(pb + x), sprites, backdrop, sh)
                           : compose8_planes(vdp_load8(pa + x), vdp_load8(pb + x), backdrop, sh);
        for (int i = 0; i < 8; i++, out >>= 8)
            dst[x + i] = rgb[out & 0xFF];
    }
}

static void stretch_line(const uint32_t *src, int src_width, uint32_t *dst, int dst_width)
{
    for (int x = 0; x < dst_width; x++)
        dst[x] = src[x * src_width / dst_width];
}

void vdp_render_line(Vdp *v)
{
    VdpState *s = &v->state;
    const int width = vdp_width(s);
    const int im2 = vdp_interlace_mode(s) == 2;
    if (s->line == 0) {
        /* The frame's size is fixed when its first line is drawn. */
        v->fb_width = width;
        v->fb_height = vdp_active_lines(s) * (im2 ? 2 : 1);
    }
    const unsigned y = im2 ? (unsigned)s->line * 2 + s->odd_frame : s->line;
    if ((int)y >= v->fb_height)
        return;
    uint32_t line_rgb[VDP_MAX_WIDTH];
    uint32_t *dst = width == v->fb_width ? v->framebuffer + (size_t)y * (size_t)v->fb_width : line_rgb;

    if (!vdp_display_on(s)) {
        uint32_t backdrop = v->cram_rgb[0][s->regs[7] & 0x3F];
        for (int x = 0; x < width; x++)
            dst[x] = backdrop;
        s->prev_line_dot_overflow = 0;
    } else {
        VdpLineLayers layers;
        uint8_t *plane_a = layers.plane_a + VDP_LINE_MARGIN;
        vdp_render_plane(s, layers.plane_b + VDP_LINE_MARGIN, 0, width, 1, y);
        int wx0, wx1;
        if (vdp_window_span(s, width, &wx0, &wx1)) {
            /* Plane A only where the window is not; the window is drawn last. */
            if (wx0 > 0)
                vdp_render_plane(s, plane_a, 0, wx0, 0, y);
            if (wx1 < width)
                vdp_render_plane(s, plane_a, wx1, width, 0, y);
            vdp_render_window(s, plane_a, wx0, wx1, y);
        } else {
            vdp_render_plane(s, plane_a, 0, width, 0, y);
        }
        vdp_render_sprites(v, layers.sprites, width, y);
        compose_line(v, &layers, width, dst);
        if (s->regs[0] & 0x20) {
            /* Reg 0 bit 5 blanks the leftmost 8 dots with the backdrop colour. */
            uint32_t backdrop = v->cram_rgb[0][s->regs[7] & 0x3F];
            for (int x = 0; x < 8; x++)
                dst[x] = backdrop;
        }
    }
    if (dst == line_rgb)
        stretch_line(line_rgb, width, v->framebuffer + (size_t)y * (size_t)v->fb_width, v->fb_width);
}
