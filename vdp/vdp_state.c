/* vdp_state.c - save/restore of the VDP's emulated state (not the frame buffer). */
#include <string.h>

#include "vdp_internal.h"

void vdp_save_state(const Vdp *v, void *out) { memcpy(out, &v->state, sizeof v->state); }

void vdp_load_state(Vdp *v, const void *in)
{
    memcpy(&v->state, in, sizeof v->state);
    /* Values that index the frame buffer or size the field are kept in
     * range even for a state this build did not write. */
    VdpState *s = &v->state;
    if ((s->line_width != 256 && s->line_width != 320) || s->line_y >= VDP_MAX_HEIGHT ||
        s->line_drawn_x > s->line_width)
        s->line_open = 0;
    /* The fetched layers are not state: fetch again from the drawn dots. */
    s->line_fetched_x = (uint16_t)(s->line_drawn_x & ~15u);
    if (s->scan_count > 80)
        s->scan_count = 0;
    if (s->field_line_delta < -1 || s->field_line_delta > 1)
        s->field_line_delta = 0;
    vdp_cram_refresh_all(v); /* the colour cache is derived from CRAM */
    vdp_pattern_cache_rebuild(v);
    v->sprite_lists_valid = false;
}
