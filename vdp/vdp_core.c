/* vdp_core.c - life cycle, frame timing queries and interrupt lines. */
#include <string.h>

#include "vdp_render_vector.h"
#include "vdp_internal.h"

void vdp_init(Vdp *v, const VdpBus *bus, bool pal)
{
    memset(v, 0, sizeof *v);
    if (bus)
        v->bus = *bus;
    v->sprite_limit = true;
    v->render_vector = vdp_render_vector_available();
    v->state.pal = pal ? 1 : 0;
    vdp_dac_build(v);
    vdp_reset(v);
}

/* Power-on state: registers, memories and flags cleared; a new frame starts
 * at the current clock (the master clock never runs backwards). */
void vdp_reset(Vdp *v)
{
    VdpState *s = &v->state;
    uint64_t now = s->clock;
    uint8_t pal = s->pal;
    memset(s, 0, sizeof *s);
    s->pal = pal;
    s->clock = now;
    s->line_start = now;
    s->frame_start = now;
    s->z80_int_until = now;
    vdp_cram_refresh_all(v);
    vdp_pattern_cache_rebuild(v);
    v->sprite_lists_valid = false;
    v->fb_width = 256;
    v->fb_height = 224;
    memset(v->framebuffer, 0, sizeof v->framebuffer);
}

void vdp_set_pal(Vdp *v, bool pal) { v->state.pal = pal ? 1 : 0; }

uint32_t vdp_frame_clocks(const Vdp *v)
{
    return (uint32_t)vdp_total_lines(&v->state) * VDP_MASTER_CLOCKS_PER_LINE;
}

uint64_t vdp_frame_end(const Vdp *v) { return v->state.frame_start + vdp_frame_clocks(v); }

int vdp_line(const Vdp *v) { return v->state.line; }

const uint32_t *vdp_framebuffer(const Vdp *v, int *width, int *height, int *pitch)
{
    if (width)
        *width = v->fb_width;
    if (height)
        *height = v->fb_height;
    if (pitch)
        *pitch = v->fb_width * (int)sizeof(uint32_t);
    return v->framebuffer;
}

/* 68000 levels: VINT 6 when enabled by reg 1 bit 5, HINT 4 when enabled by
 * reg 0 bit 4; pending flags survive while disabled (genvdp.txt). */
int vdp_irq_level(const Vdp *v)
{
    const VdpState *s = &v->state;
    if (s->vint_pending && (s->regs[1] & 0x20))
        return 6;
    if (s->hint_pending && (s->regs[0] & 0x10))
        return 4;
    return 0;
}

/* The acknowledge clears the flag of the interrupt the VDP is asserting at
 * that moment, which need not be the level the 68000 sampled: the 68000
 * may have latched a level that a register write changed before its
 * acknowledge cycle. Measured on hardware (notaz, testpico): a level 4
 * taken while VINT became enabled clears VINT, and HINT is taken once more
 * ("irq ack h-v 2"); a level 6 taken after VINT was disabled again clears
 * nothing, so VINT comes back when re-enabled ("irq ack v-h 2", the
 * sequence Fatal Rewind uses). A level 6 acknowledge never clears HINT
 * (Lotus II relies on it: helios emulator's notes). */
void vdp_irq_ack(Vdp *v, int level)
{
    VdpState *s = &v->state;
    if (s->vint_pending && (s->regs[1] & 0x20))
        s->vint_pending = 0;
    else if (level == 4 && s->hint_pending && (s->regs[0] & 0x10))
        s->hint_pending = 0;
}

/* The interrupt output follows the pending flags and enable bits four dots
 * later (ares, "irq.delay": a 4 pixel delay, 4-6 68000 clocks): the status
 * F flag shows before the 68000 can see the interrupt (testpico "irq f
 * flag": 1-3 status reads see F before the interrupt is taken). */
uint32_t vdp_irq_output_delay(const Vdp *v) { return 4u * (uint32_t)vdp_dot_clocks(vdp_width(&v->state)); }

bool vdp_z80_irq(const Vdp *v) { return v->state.clock < v->state.z80_int_until; }

uint64_t vdp_next_event(const Vdp *v)
{
    const VdpState *s = &v->state;
    uint64_t next = s->line_start + VDP_MASTER_CLOCKS_PER_LINE;
    if (!s->vint_done && s->line == vdp_active_lines(s)) {
        uint64_t e = s->line_start + (uint64_t)vdp_vint_offset(s);
        if (e > s->clock && e < next)
            next = e;
    }
    if (s->z80_int_until > s->clock && s->z80_int_until < next)
        next = s->z80_int_until;
    return next;
}
