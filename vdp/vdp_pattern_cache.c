/* vdp_pattern_cache.c - VRAM pattern rows kept decoded for the renderers.
 *
 * Pattern format (genvdp.txt, "Patterns"): 8x8 (8x16 in interlace mode 2)
 * dots of 4 bits, 4 bytes per row, the leftmost dot in the high nibble of
 * the first byte. Decoding a row on every use costs more than the rest of
 * drawing a tile, and VRAM changes far less often than it is drawn, so each
 * VRAM byte write re-decodes just its two dots (vdp_pattern_cache_write_byte
 * in vdp_internal.h) and the rows stay decoded (Vdp.pattern_rows).
 */
#include "vdp_render_internal.h"

/* A pattern byte (two dots) -> two layer bytes (colour | opaque flag), left dot first. */
#define VDP_DOT(n) ((n) ? ((n) | VDP_PIX_OPAQUE) : 0)
#define VDP_PAIR(b) (VDP_DOT((b) >> 4) | (VDP_DOT((b) & 15) << 8))
#define VDP_P64(m, b) VDP_P16(m, b), VDP_P16(m, (b) + 16), VDP_P16(m, (b) + 32), VDP_P16(m, (b) + 48)
const uint16_t vdp_dot_pairs[256] = {VDP_P64(VDP_PAIR, 0), VDP_P64(VDP_PAIR, 64), VDP_P64(VDP_PAIR, 128),
                                        VDP_P64(VDP_PAIR, 192)};

static void pattern_cache_update(Vdp *v, unsigned addr)
{
    const uint8_t *p = v->state.vram + (addr & 0xFFFCu);
    v->pattern_rows[(addr & 0xFFFFu) >> 2] = (uint64_t)vdp_dot_pairs[p[0]] | ((uint64_t)vdp_dot_pairs[p[1]] << 16) |
                                             ((uint64_t)vdp_dot_pairs[p[2]] << 32) | ((uint64_t)vdp_dot_pairs[p[3]] << 48);
}

void vdp_pattern_cache_rebuild(Vdp *v)
{
    for (unsigned addr = 0; addr < 0x10000u; addr += 4)
        pattern_cache_update(v, addr);
}
