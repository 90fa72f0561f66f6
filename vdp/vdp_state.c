/* vdp_state.c - save/restore of the VDP's emulated state (not the frame buffer). */
#include <stddef.h>
#include <string.h>

#include "vdp_internal.h"

_Static_assert(offsetof(VdpState, line_sprites) % 16 == 0 && offsetof(VdpState, line_layers) % 16 == 0,
               "the line buffers are read sixteen dots at a time");

void vdp_save_state(const Vdp *v, void *out) { memcpy(out, &v->state, sizeof v->state); }

void vdp_load_state(Vdp *v, const void *in)
{
    memcpy(&v->state, in, sizeof v->state);
    /* Values that index the frame buffer or size the field are kept in
     * range even for a state this build did not write. */
    VdpState *s = &v->state;
    if ((s->line_width != 256 && s->line_width != 320) || s->line_y >= VDP_MAX_HEIGHT ||
        s->line_drawn_x > s->line_width || s->line_fetched_x[0] > s->line_width ||
        s->line_fetched_x[1] > s->line_width)
        s->line_open = 0;
    if (s->scan_count > 80)
        s->scan_count = 0;
    for (int i = 0; i < s->scan_count; i++)
        s->scan_index[i] %= 80; /* indexes the sprite cache */
    if (s->field_line_delta < -1 || s->field_line_delta > 1)
        s->field_line_delta = 0;
    /* The FIFO ring and the field bit index arrays. */
    s->fifo_head &= 3;
    if (s->fifo_count > 4)
        s->fifo_count = 4;
    s->odd_frame = s->odd_frame ? 1 : 0;
    vdp_cram_refresh_all(v); /* the colour cache is derived from CRAM */
    vdp_pattern_cache_rebuild(v);
    v->sprite_lists_valid = false;
}
