/* vdp_render.c - one display line: layers, priority, shadow/highlight, colour output.
 *
 * A line is made in two steps, as on the chip: plane / window columns are
 * fetched into the line's layers ahead of the beam (a VRAM, VSRAM or
 * register change reaches only the columns not yet fetched), and the dots
 * are composed with the sprites and coloured at the beam (a CRAM or colour
 * register change shows from the beam's dot).
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

#include "vdp_render_vector.h"
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

/* Colour indices of dots x0..x1-1 (16-aligned), in a loop specialised for
 * the mode: the arguments are constants at each call site below. */
static inline void compose_indices(const uint8_t *pa, const uint8_t *pb, const uint8_t *sprites, int x0, int x1,
                                   Dots16 backdrop, int shadow_highlight, int with_sprites, uint8_t *index)
{
    const Dots16 none = {0};
    for (int x = x0; x < x1; x += 16) {
        Dots16 s = with_sprites ? load16(sprites + x) : none;
        Dots16 out = compose16(load16(pa + x), load16(pb + x), s, backdrop, shadow_highlight);
        memcpy(index + x, &out, sizeof out);
    }
}

/* Dots x0..x1-1 (multiples of 8) of the line, composed from its fetched
 * layers, into dst[x0..x1-1]. */
static void compose_span(const Vdp *v, int x0, int x1, uint32_t *dst)
{
    const VdpState *s = &v->state;
    const uint32_t *rgb = &v->cram_rgb[0][0]; /* [shade][colour] = shade * 64 + colour */
    const uint8_t *sprites = s->line_sprites;
    const uint8_t *pa = v->state.line_layers[VDP_LAYER_A] + VDP_LINE_MARGIN;
    const uint8_t *pb = v->state.line_layers[VDP_LAYER_B] + VDP_LINE_MARGIN;
    const int with_sprites = s->line_has_sprites;
    if (v->render_vector) {
        vdp_compose_vector(pa, pb, with_sprites ? sprites : NULL, s->regs[7] & 0x3F, (s->regs[12] & 0x08) != 0,
                           v->cram_planes, x0, x1, dst);
        return;
    }
    Dots16 backdrop;
    memset(&backdrop, s->regs[7] & 0x3F, sizeof backdrop);
    /* All indices first, then the colours: reading bytes back from a vector
     * just stored would stall on store forwarding. */
    uint8_t index[VDP_MAX_WIDTH];
    const int a0 = x0 & ~15, a1 = (x1 + 15) & ~15;
    const int sh = (s->regs[12] & 0x08) != 0;
    if (sh && with_sprites)
        compose_indices(pa, pb, sprites, a0, a1, backdrop, 1, 1, index);
    else if (sh)
        compose_indices(pa, pb, sprites, a0, a1, backdrop, 1, 0, index);
    else if (with_sprites)
        compose_indices(pa, pb, sprites, a0, a1, backdrop, 0, 1, index);
    else
        compose_indices(pa, pb, sprites, a0, a1, backdrop, 0, 0, index);
    /* Four dots per store: the host's store rate, not the lookups, limits this loop. */
    for (int x = x0; x < x1; x += 8) {
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

/* Where the current line's dots go: its frame buffer row, or the side
 * buffer when the line's width differs from the frame's. */
static uint32_t *line_dest(Vdp *v)
{
    if (v->state.line_width != v->fb_width)
        return v->line_rgb;
    return v->framebuffer + (size_t)v->state.line_y * (size_t)v->fb_width;
}

void vdp_line_begin(Vdp *v)
{
    VdpState *s = &v->state;
    const int width = vdp_width(s);
    const int im2 = vdp_interlace_mode(s) == 2;
    if (s->line == 0) {
        /* The frame's size is fixed when its first line is fetched. */
        v->fb_width = width;
        v->fb_height = vdp_active_lines(s) * (im2 ? 2 : 1);
    }
    const unsigned y = vdp_line_row(s);
    s->line_open = 0;
    if ((int)y >= v->fb_height)
        return;
    /* The scroll values and the sprites of a line (those the scan during
     * the line before found, vdp_sprite_scan) are fetched before its first
     * dot; the window registers too (a later write moves the next line's
     * window). The plane columns are fetched as the line goes
     * (vdp_fetch_to_now_slow). With the display off nothing is fetched, so a
     * line switched on part way shows its planes without sprites. */
    s->line_width = (uint16_t)width;
    s->line_y = (uint16_t)y;
    s->line_drawn_x = 0;
    s->line_fetched_x[0] = s->line_fetched_x[1] = 0;
    s->line_hscroll[0] = (uint16_t)vdp_hscroll_for_line(s, 0, s->line);
    s->line_hscroll[1] = (uint16_t)vdp_hscroll_for_line(s, 1, s->line);
    s->line_window[0] = s->regs[17];
    s->line_window[1] = s->regs[18];
    if (vdp_display_on(s)) {
        s->line_has_sprites = (uint8_t)vdp_render_sprites(v, s->line_sprites, width, y);
    } else {
        s->line_has_sprites = 0;
        s->prev_line_dot_overflow = 0;
    }
    s->line_open = 1;
}

/* Layer A (plane A and the window) or B dots x0..x1-1 of the line from
 * the present VRAM, VSRAM and registers. A cell that covers x0 may spill
 * up to 7 dots to its left, into dots fetched earlier: those are kept. */
static void fetch_span(Vdp *v, int layer, int x0, int x1)
{
    VdpState *s = &v->state;
    const unsigned y = s->line_y;
    uint8_t *dots = s->line_layers[layer] + VDP_LINE_MARGIN;
    uint8_t keep[8];
    if (x0 > 0)
        memcpy(keep, dots + x0 - 8, 8);
    int wx0, wx1;
    if (layer == VDP_LAYER_B) {
        vdp_render_plane(v, dots, x0, x1, 1, y, s->line_hscroll[1]);
    } else if (vdp_window_span(s->line, s->line_window, s->line_width, &wx0, &wx1) && wx0 < x1 && wx1 > x0) {
        /* Plane A only where the window is not; the window is drawn last. */
        if (wx0 > x0)
            vdp_render_plane(v, dots, x0, wx0, 0, y, s->line_hscroll[0]);
        if (wx1 < x1)
            vdp_render_plane(v, dots, wx1, x1, 0, y, s->line_hscroll[0]);
        vdp_render_window(v, dots, wx0 > x0 ? wx0 : x0, wx1 < x1 ? wx1 : x1, y);
    } else {
        vdp_render_plane(v, dots, x0, x1, 0, y, s->line_hscroll[0]);
    }
    if (x0 > 0)
        memcpy(dots + x0 - 8, keep, 8);
}

/* A layer's 2-cell columns start where its fine horizontal scroll puts
 * them: at screen dots 16k + (hscroll & 15). */
static int layer_fine(const VdpState *s, int layer) { return s->line_hscroll[layer] & 15; }

static void fetch_layer_to(Vdp *v, int layer, int x)
{
    VdpState *s = &v->state;
    if (x > s->line_width)
        x = s->line_width;
    if (x <= s->line_fetched_x[layer])
        return;
    fetch_span(v, layer, s->line_fetched_x[layer], x);
    s->line_fetched_x[layer] = (uint16_t)x;
}

/* Both layers up to at least dot x (whole columns), with the present state. */
static void fetch_to(Vdp *v, int x)
{
    for (int layer = 0; layer < 2; layer++) {
        const int fine = layer_fine(&v->state, layer);
        fetch_layer_to(v, layer, ((x - fine + 15) & ~15) + fine);
    }
}

/* Dots x0..x1-1 of the line with the present registers and CRAM, from the
 * layers fetched so far (and fetched now up to x1). */
static void draw_span(Vdp *v, int x0, int x1, uint32_t *dst)
{
    VdpState *s = &v->state;
    const int width = s->line_width;
    const uint32_t backdrop = v->cram_rgb[0][s->regs[7] & 0x3F];
    if (!vdp_display_on(s)) {
        for (int x = x0; x < x1; x++)
            dst[x] = backdrop;
        return;
    }
    /* Layers over whole 16-dot groups around the span; only the span is output. */
    const int a0 = x0 & ~15, a1 = ((x1 + 15) & ~15) < width ? ((x1 + 15) & ~15) : width;
    fetch_to(v, a1);
    if (x0 == a0 && (x1 & 7) == 0) {
        compose_span(v, x0, x1, dst);
    } else {
        uint32_t span[VDP_MAX_WIDTH];
        compose_span(v, a0, a1, span);
        memcpy(dst + x0, span + x0, (size_t)(x1 - x0) * sizeof *dst);
    }
    /* Reg 0 bit 5 blanks the leftmost 8 dots with the backdrop colour. */
    if ((s->regs[0] & 0x20) && x0 < 8)
        for (int x = x0; x < 8 && x < x1; x++)
            dst[x] = backdrop;
}

void vdp_draw_to(Vdp *v, int x)
{
    VdpState *s = &v->state;
    if (!s->line_open)
        return;
    if (x > s->line_width)
        x = s->line_width;
    if (x <= s->line_drawn_x)
        return;
    draw_span(v, s->line_drawn_x, x, line_dest(v));
    s->line_drawn_x = (uint16_t)x;
}

/* The dot the beam is on at the VDP's clock (0 before the first, the width after the last). */
static int beam_x(const VdpState *s)
{
    int offset = (int)(s->clock - s->line_start) - VDP_FIRST_DOT_OFFSET;
    if (offset <= 0)
        return 0;
    int x = offset / vdp_dot_clocks(s->line_width);
    return x < s->line_width ? x : s->line_width;
}

void vdp_draw_to_now_slow(Vdp *v) { vdp_draw_to(v, beam_x(&v->state)); }

/* Kabuto's VRAM access pattern (see vdp_timing.c) fetches one 2-cell
 * column per 8 slots: slots 8g to 8g+6 read the name table entries and
 * patterns of planes A and B for column g, and slot 8g+7 is the external
 * (or refresh) slot. Column 0 is the one partly scrolled in at the left
 * (its 2-cell vertical scroll follows a rule of its own, read from VSRAM
 * in its slots: vdp_render_planes.c, left_column_vscroll):
 * with fine scroll f a plane's column g covers screen dots 16(g-1)+f to
 * 16g+f-1. Slot 1 is at 9-bit H 0x1E9, 33 dots before dot 0 (H 0x00A) in
 * both widths, so column g is read from dot 16g - 35 on, and a change
 * shows from the next column not yet read. */
enum { VDP_FETCH_GROUP_LEAD = 35 };

void vdp_fetch_to_now_slow(Vdp *v)
{
    VdpState *s = &v->state;
    if (!vdp_display_on(s))
        return;
    const int dot_clocks = vdp_dot_clocks(s->line_width);
    const int rel = (int)(s->clock - s->line_start) - VDP_FIRST_DOT_OFFSET + VDP_FETCH_GROUP_LEAD * dot_clocks;
    if (rel < 0)
        return; /* no column read yet */
    const int groups_read = rel / dot_clocks / 16 + 1;
    for (int layer = 0; layer < 2; layer++)
        fetch_layer_to(v, layer, 16 * (groups_read - 1) + layer_fine(s, layer));
}

void vdp_line_finish(Vdp *v)
{
    VdpState *s = &v->state;
    if (!s->line_open)
        return;
    vdp_draw_to(v, s->line_width);
    s->line_open = 0;
    if (s->line_width != v->fb_width)
        stretch_line(v->line_rgb, s->line_width, v->framebuffer + (size_t)s->line_y * (size_t)v->fb_width,
                     v->fb_width);
}

/* Each word written to CRAM shows as one dot of the written colour at the
 * beam's position ("CRAM dots", Sega Retro, "Sega Mega Drive/Palettes and
 * CRAM"), also where the display is off; the dots past it use the new
 * colour as usual. Only dots inside the frame buffer's area are kept. */
void vdp_cram_dot(Vdp *v, uint16_t colour)
{
    VdpState *s = &v->state;
    if (!s->line_open)
        return;
    int offset = (int)(s->clock - s->line_start) - VDP_FIRST_DOT_OFFSET;
    if (offset < 0)
        return;
    int x = offset / vdp_dot_clocks(s->line_width);
    if (x >= s->line_width)
        return;
    vdp_draw_to(v, x);
    unsigned c9 = ((colour >> 1) & 7) | (((colour >> 5) & 7) << 3) | (((colour >> 9) & 7) << 6);
    line_dest(v)[x] = v->dac_rgb[0][c9];
    if (s->line_drawn_x < x + 1)
        s->line_drawn_x = (uint16_t)(x + 1);
}
