/* vdp_pattern_cache.c - VRAM pattern rows kept decoded for the renderers.
 *
 * Decoding a row (four bytes of nibbles into eight dots) on every use costs
 * more than the rest of drawing a tile; VRAM changes far less often than it
 * is drawn, so each write re-decodes just the row it touched.
 */
#include "vdp_render_internal.h"

void vdp_pattern_cache_update(Vdp *v, unsigned addr)
{
    v->pattern_rows[(addr & 0xFFFFu) >> 2] = vdp_pattern_row(v->state.vram, addr, 0, 0);
}

void vdp_pattern_cache_rebuild(Vdp *v)
{
    for (unsigned addr = 0; addr < 0x10000u; addr += 4)
        vdp_pattern_cache_update(v, addr);
}
