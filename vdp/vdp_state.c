/* vdp_state.c - save/restore of the VDP's emulated state (not the frame buffer). */
#include <string.h>

#include "vdp_internal.h"

void vdp_save_state(const Vdp *v, void *out) { memcpy(out, &v->state, sizeof v->state); }

void vdp_load_state(Vdp *v, const void *in)
{
    memcpy(&v->state, in, sizeof v->state);
    vdp_cram_refresh_all(v); /* the colour cache is derived from CRAM */
    vdp_pattern_cache_rebuild(v);
    v->sprite_lists_valid = false;
}
