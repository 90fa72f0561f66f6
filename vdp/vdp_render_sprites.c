/* vdp_render_sprites.c - one line of sprites.
 *
 * Sprite table entries are 8 bytes (genvdp.txt, "Sprites"): Y (10 bits),
 * size (bits 3-2 width-1, 1-0 height-1 in cells), link (7 bits), then the
 * name word (priority, palette, V/H flip, 11-bit pattern) and X (9 bits).
 * Screen origin is (128,128), (128,256) in interlace mode 2. Cells are in
 * column-major order. Y, size and link come from the VDP's internal cache.
 *
 * Per-line limits (genvdp.txt; Sega manual): the list is walked through the
 * links for at most 80 sprites (H40) / 64 (H32); at most 20 / 16 sprites
 * per line, and 40 / 32 cells (320 / 256 pixels) of sprite pattern per line
 * (the "dot overflow": the last sprite is cut off). Exceeding either sets
 * the overflow flag. Masking (Nemesis, SpritesMind, "Sprite masking and
 * overflow"): a sprite at X = 0 hides every later sprite on the line, but
 * only once a sprite with X != 0 has been seen on the line, or when the
 * previous line ended in a dot overflow. Two opaque sprite pixels on the
 * same dot set the collision flag; the earlier sprite in the list wins.
 */
#include <string.h>

#include "vdp_render_internal.h"

/* A cell partly off the line's edges, dot by dot. Returns nonzero when an
 * opaque dot falls on one already drawn (a collision). */
static int draw_edge_cell(uint8_t *out, int width, int sx, uint64_t px)
{
    int collided = 0;
    for (int i = 0; i < 8; i++, px >>= 8) {
        uint8_t b = (uint8_t)px;
        int x = sx + i;
        if (x < 0 || x >= width || !(b & VDP_PIX_OPAQUE))
            continue;
        if (out[x] & VDP_PIX_OPAQUE)
            collided = 1;
        else
            out[x] = b;
    }
    return collided;
}

/* Walks the link chain once and files every sprite under the lines it
 * covers, in chain order; a line's list is what the per-line scan finds. */
static void build_sprite_lists(Vdp *v)
{
    VdpState *s = &v->state;
    const int h40 = vdp_is_h40(s);
    const int im2 = vdp_interlace_mode(s) == 2;
    const int max_total = h40 ? 80 : 64;
    const unsigned tile_h = im2 ? 16 : 8;
    const unsigned y_mask = im2 ? 0x3FF : 0x1FF;
    const unsigned origin = im2 ? 256u : 128u;
    const unsigned lines = im2 ? VDP_MAX_HEIGHT : VDP_MAX_HEIGHT / 2;
    memset(v->sprite_line_count, 0, sizeof v->sprite_line_count);
    int index = 0;
    for (int scanned = 0; scanned < max_total; scanned++) {
        const uint8_t *c = &s->sat_cache[index * 4];
        unsigned sy = ((unsigned)(c[0] << 8) | c[1]) & y_mask;
        unsigned height = ((c[2] & 3) + 1u) * tile_h;
        for (unsigned rel = 0; rel < height; rel++) {
            unsigned y = (sy + rel - origin) & y_mask;
            if (y < lines)
                v->sprite_line_list[y][v->sprite_line_count[y]++] = (uint8_t)index;
        }
        int link = c[3] & 0x7F;
        if (link == 0 || link >= max_total)
            break;
        index = link;
    }
    v->sprite_lists_valid = true;
}

/* Phase 1 of the sprite engine walks the cached Y / size / link list for
 * the next line while the current one is displayed, and phase 2 reads X
 * and the name from VRAM in the horizontal blank before the line (the
 * sprite phases in Nemesis's SpritesMind threads on the sprite cache and
 * on masking/overflow; the sprite slots of Kabuto's access pattern). So a
 * cache change after a line's last dot no longer alters that line's sprite
 * set, and a display switched on in its blank finds none. The scan is
 * taken whole at the end of the line before: changes during that line's
 * dots all count (the scan's pace along the line was not found). */
void vdp_sprite_scan(Vdp *v)
{
    VdpState *s = &v->state;
    s->scan_count = 0;
    if (!vdp_display_on(s) || s->line >= vdp_active_lines(s))
        return;
    const unsigned y = vdp_line_row(s);
    if (!v->sprite_lists_valid)
        build_sprite_lists(v);
    const int count = v->sprite_line_count[y];
    memcpy(s->scan_index, v->sprite_line_list[y], (size_t)count);
    s->scan_count = (uint8_t)count;
    s->scan_attrs_kept = 0; /* the cache holds them until it is written */
}

int vdp_render_sprites(Vdp *v, uint8_t *out, int width, unsigned y)
{
    VdpState *s = &v->state;
    const int h40 = vdp_is_h40(s);
    const int im2 = vdp_interlace_mode(s) == 2;
    const int max_on_line = h40 ? 20 : 16;
    const int max_cells = h40 ? 40 : 32;
    const unsigned tile_h = im2 ? 16 : 8;
    const unsigned y_mask = im2 ? 0x3FF : 0x1FF;
    const unsigned target = y + (im2 ? 256u : 128u);
    const unsigned sat = vdp_sat_base(s);
    const int limited = v->sprite_limit;

    int count = s->scan_count;
    if (count > 0)
        memset(out, 0, (size_t)width);
    if (count > max_on_line) {
        s->sprite_overflow = 1;
        if (limited)
            count = max_on_line;
    }

    int cells_left = max_cells;
    int mask_armed = s->prev_line_dot_overflow;
    int dot_overflow = 0;
    uint64_t overlaps = 0;
    const unsigned pattern_mask = im2 ? 0x3FFu : 0x7FFu, pattern_shift = im2 ? 4 : 3;
    for (int i = 0; i < count; i++) {
        /* Y and size as phase 1 saw them. */
        const unsigned index = s->scan_index[i];
        const uint8_t *c = s->scan_attrs_kept ? &s->scan_attrs[i * 3] : &s->sat_cache[index * 4];
        unsigned entry = sat + index * 8u;
        uint16_t name = (uint16_t)((s->vram[(entry + 4) & 0xFFFF] << 8) | s->vram[(entry + 5) & 0xFFFF]);
        unsigned x = ((unsigned)(s->vram[(entry + 6) & 0xFFFF] << 8) | s->vram[(entry + 7) & 0xFFFF]) & 0x1FF;
        if (x == 0) {
            if (mask_armed)
                break;
        } else {
            mask_armed = 1;
        }
        unsigned sy = ((unsigned)(c[0] << 8) | c[1]) & y_mask;
        unsigned wcells = ((c[2] >> 2) & 3) + 1u, hcells = (c[2] & 3) + 1u;
        unsigned row = (target - sy) & y_mask;
        if (row >= hcells * tile_h)
            continue; /* scanned under another interlace mode */
        if (name & 0x1000)
            row = hcells * tile_h - 1 - row;
        unsigned cell_row = im2 ? row >> 4 : row >> 3, fine_y = row & (tile_h - 1);
        /* Cells drawn: a dot overflow cuts the sprite where the line's
         * budget runs out (and ends the line when limits are on). */
        int cells = (int)wcells;
        if (cells_left >= 0 && cells_left < cells) {
            dot_overflow = 1;
            if (limited)
                cells = cells_left;
        }
        cells_left -= cells;
        /* Columns run right to left through the pattern when H-flipped. */
        const int hflip = (name & 0x0800) != 0;
        unsigned pattern = name + cell_row + (hflip ? (wcells - 1) * hcells : 0u);
        const unsigned pattern_step = hflip ? 0u - hcells : hcells;
        int sx = (int)x - 128;
        for (int cx = 0; cx < cells; cx++, sx += 8, pattern += pattern_step) {
            if (sx <= -8 || sx >= width)
                continue;
            uint64_t px = vdp_cached_row(v, ((pattern & pattern_mask) << pattern_shift) + fine_y, name);
            if (sx >= 0 && sx <= width - 8) {
                /* Eight dots at once: keep dots already opaque, flag overlaps. */
                uint64_t old = vdp_load8(out + sx);
                uint64_t old_opaque = old & 0x4040404040404040ull;
                overlaps |= old_opaque & px;
                uint64_t keep = (old_opaque >> 6) * 0xFF;
                vdp_store8(out + sx, (old & keep) | (px & ~keep));
            } else if (draw_edge_cell(out, width, sx, px)) {
                overlaps = 1;
            }
        }
        if (dot_overflow && limited)
            break;
    }
    if (overlaps)
        s->sprite_collision = 1;
    if (dot_overflow)
        s->sprite_overflow = 1;
    s->prev_line_dot_overflow = (uint8_t)dot_overflow;
    return count > 0;
}
