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

/* Sixteen dots at a time, one byte each, as a GCC/Clang vector (SSE2 on
 * x86-64, NEON on ARM). Comparisons give per-byte masks of 0x00 or 0xFF. */
typedef uint8_t Dots16 __attribute__((vector_size(16)));

static inline Dots16 load16(const uint8_t *src)
{
    Dots16 d;
    memcpy(&d, src, sizeof d);
    return d;
}

typedef int8_t SignedDots16 __attribute__((vector_size(16)));
typedef uint32_t Rgb4 __attribute__((vector_size(16))); /* four output dots */

/* Per-dot masks: bit 7 (priority) set, bit 6 (opaque) set, both set. */
static inline Dots16 bit7_mask(Dots16 x) { return (Dots16)((SignedDots16)x < 0); }
static inline Dots16 bit6_mask(Dots16 x) { return (Dots16)((SignedDots16)(x + x) < 0); }
static inline Dots16 opaque_high_mask(Dots16 x) { return (Dots16)((x & 0xC0) == 0xC0); }
static inline Dots16 select16(Dots16 mask, Dots16 yes, Dots16 no) { return (yes & mask) | (no & ~mask); }

/* Colour index (bits 5-0) and shade (bit 6 shadow, bit 7 highlight) of
 * sixteen dots: the index into cram_rgb viewed as [shade * 64 + colour].
 * The planes are resolved first (A over B when A is opaque and not below a
 * high-priority B dot); a sprite dot wins over them when it has priority
 * or neither plane dot is opaque with priority. */
static inline Dots16 compose16(Dots16 a, Dots16 b, Dots16 s, Dots16 backdrop, int shadow_highlight)
{
    const Dots16 ahi = opaque_high_mask(a), bhi = opaque_high_mask(b), shi = opaque_high_mask(s);
    const Dots16 a_wins = ahi | (bit6_mask(a) & ~bhi);
    const Dots16 planes = select16(a_wins, a, select16(bit6_mask(b), b, backdrop));
    const Dots16 sprite_wins = shi | (bit6_mask(s) & ~(ahi | bhi));
    if (!shadow_highlight)
        return select16(sprite_wins, s, planes) & 0x3F;
    /* Sprite dots of palette 3 colours 14/15 are operators on the planes below:
     * 15 shadows, 14 highlights; they are not drawn themselves. */
    const Dots16 op = sprite_wins & (Dots16)((s & 0x3E) == 0x3E);
    const Dots16 odd = (Dots16)((s & 1) != 0);
    const Dots16 colour = select16(sprite_wins & ~op, s, planes) & 0x3F;
    /* A plane's priority counts even where its dot is transparent. */
    const Dots16 planes_low = ~bit7_mask(a | b);
    const Dots16 sprite_hi = sprite_wins & shi & ~op;
    const Dots16 shadow = (op & odd) | (~op & planes_low & ~sprite_hi);
    const Dots16 highlight = op & ~odd & ~planes_low;
    return colour | (shadow & 0x40) | (highlight & 0x80);
}

/* Colour indices of a line, in a loop specialised for the mode: the
 * arguments are constants at each call site below. */
static inline void compose_indices(const VdpLineLayers *l, int width, Dots16 backdrop, int shadow_highlight,
                                   int with_sprites, uint8_t *index)
{
    const uint8_t *pa = l->plane_a + VDP_LINE_MARGIN, *pb = l->plane_b + VDP_LINE_MARGIN;
    const Dots16 none = {0};
    for (int x = 0; x < width; x += 16) {
        Dots16 s = with_sprites ? load16(l->sprites + x) : none;
        Dots16 out = compose16(load16(pa + x), load16(pb + x), s, backdrop, shadow_highlight);
        memcpy(index + x, &out, sizeof out);
    }
}

static void compose_line(const Vdp *v, const VdpLineLayers *l, int width, int with_sprites, uint32_t *dst)
{
    const uint32_t *rgb = &v->cram_rgb[0][0]; /* [shade][colour] = shade * 64 + colour */
    Dots16 backdrop;
    memset(&backdrop, v->state.regs[7] & 0x3F, sizeof backdrop);
    /* All indices first, then the colours: reading bytes back from a vector
     * just stored would stall on store forwarding. Widths are multiples of 16. */
    uint8_t index[VDP_MAX_WIDTH];
    const int sh = (v->state.regs[12] & 0x08) != 0;
    if (sh && with_sprites)
        compose_indices(l, width, backdrop, 1, 1, index);
    else if (sh)
        compose_indices(l, width, backdrop, 1, 0, index);
    else if (with_sprites)
        compose_indices(l, width, backdrop, 0, 1, index);
    else
        compose_indices(l, width, backdrop, 0, 0, index);
    /* Four dots per store: the host's store rate, not the lookups, limits this loop. */
    for (int x = 0; x < width; x += 8) {
        const uint8_t *i = index + x;
        const Rgb4 left = {rgb[i[0]], rgb[i[1]], rgb[i[2]], rgb[i[3]]};
        const Rgb4 right = {rgb[i[4]], rgb[i[5]], rgb[i[6]], rgb[i[7]]};
        memcpy(dst + x, &left, sizeof left);
        memcpy(dst + x + 4, &right, sizeof right);
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
        vdp_render_plane(v, layers.plane_b + VDP_LINE_MARGIN, 0, width, 1, y);
        int wx0, wx1;
        if (vdp_window_span(s, width, &wx0, &wx1)) {
            /* Plane A only where the window is not; the window is drawn last. */
            if (wx0 > 0)
                vdp_render_plane(v, plane_a, 0, wx0, 0, y);
            if (wx1 < width)
                vdp_render_plane(v, plane_a, wx1, width, 0, y);
            vdp_render_window(v, plane_a, wx0, wx1, y);
        } else {
            vdp_render_plane(v, plane_a, 0, width, 0, y);
        }
        int with_sprites = vdp_render_sprites(v, layers.sprites, width, y);
        compose_line(v, &layers, width, with_sprites, dst);
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
