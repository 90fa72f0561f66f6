/* vdp_run.c - catching the VDP up to a master clock: line starts, the
 * fetch point of each line (vdp_line_begin), the vertical interrupt and the
 * access slots, in clock order. A line's dots are drawn when something
 * changes during it (vdp_draw_to_clock) and at its end. */
#include "vdp_internal.h"

enum { EV_LINE, EV_RENDER, EV_VINT, EV_SLOT };

/* The H interrupt counter (reg 10) counts down as each line of the active
 * area and the first blanked line begins (the V counter's increment), and
 * is reloaded as every other line begins; counting down at zero raises
 * HINT and reloads it (genvdp.txt, "Interrupts", for the mechanism). Which
 * lines count is from hardware: with reg 10 = 0 the 225 HINTs of a frame
 * are taken on lines 0-224, their handlers reading V counters 0 to 224, and
 * a value written while the last blanked line runs is not loaded until the
 * next frame's reload (notaz, testpico "irq4 / line"). */
static void line_counter_tick(VdpState *s)
{
    if (s->line <= vdp_active_lines(s)) {
        if (s->hint_counter == 0) {
            s->hint_pending = 1;
            s->hint_counter = s->regs[10];
        } else {
            s->hint_counter--;
        }
    } else {
        s->hint_counter = s->regs[10];
    }
}

/* Interlaced, a frame is 525 (NTSC) / 625 (PAL) lines (the broadcast
 * standards), sent as two fields; the VDP cannot end a field on a half
 * line, so the odd field (status bit 4 set) gets 263 lines and the even one
 * 262 on NTSC, and 313 / 312 on PAL. Which field is the longer one is this
 * emulator's choice: the sources above give the totals only. */
static int8_t field_line_delta(const VdpState *s)
{
    if (!vdp_interlace_mode(s))
        return 0;
    if (s->pal)
        return s->odd_frame ? 0 : -1;
    return s->odd_frame ? 1 : 0;
}

static void begin_next_line(Vdp *v)
{
    VdpState *s = &v->state;
    vdp_line_finish(v);
    s->line_start += VDP_MASTER_CLOCKS_PER_LINE;
    s->line++;
    if (s->line >= vdp_total_lines(s)) {
        s->line = 0;
        s->frame_count++;
        s->frame_start = s->line_start;
        /* The odd-field flag alternates every field while interlaced. */
        s->odd_frame = vdp_interlace_mode(s) ? (uint8_t)!s->odd_frame : 0;
        s->field_line_delta = field_line_delta(s);
    }
    line_counter_tick(s);
    vdp_sprite_scan(v);
    s->line_fetched = s->line >= vdp_active_lines(s);
    s->vint_done = 0;
}

static void raise_vint(VdpState *s)
{
    s->vint_pending = 1;
    s->vint_done = 1;
    /* The Z80 /INT line is held for one line (genvdp.txt, "Interrupts"). */
    s->z80_int_until = s->clock + VDP_MASTER_CLOCKS_PER_LINE;
}

static uint64_t not_before(uint64_t event, uint64_t clock) { return event < clock ? clock : event; }

/* The condition checked after each access slot (vdp_internal.h). */
static int wait_over(const VdpState *s, VdpRunUntil until)
{
    switch (until) {
    case VDP_UNTIL_FIFO_NOT_FULL:
        return s->fifo_count < 4;
    case VDP_UNTIL_FIFO_EMPTY:
        return s->fifo_count == 0;
    case VDP_UNTIL_M68K_DMA_DONE:
        return s->dma_kind != VDP_DMA_M68K;
    default:
        return 0;
    }
}

/* Events in clock order up to `target`, or up to the access slot after
 * which `until` holds (the caller has checked it does not hold yet). Only a
 * slot changes the FIFO or a DMA, so checking after slots is enough. */
static inline void run_events(Vdp *v, uint64_t target, VdpRunUntil until)
{
    VdpState *s = &v->state;
    /* No event changes a register, so the mode-dependent offsets and slot
     * tables hold for the whole run. */
    const uint64_t hzero_offset = (uint64_t)vdp_hzero_offset(s);
    const uint64_t vint_offset = (uint64_t)vdp_vint_offset(s);
    const int vint_line = vdp_active_lines(s);
    VdpSlotCursor slots = {.offset = 0, .count = 0, .index = 0, .line_start = UINT64_MAX};
    for (;;) {
        uint64_t when = s->line_start + VDP_MASTER_CLOCKS_PER_LINE;
        int kind = EV_LINE;
        if (!s->line_fetched) {
            uint64_t e = not_before(s->line_start + hzero_offset, s->clock);
            if (e < when) {
                when = e;
                kind = EV_RENDER;
            }
        }
        if (!s->vint_done && s->line == vint_line) {
            uint64_t e = not_before(s->line_start + vint_offset, s->clock);
            if (e < when) {
                when = e;
                kind = EV_VINT;
            }
        }
        if (vdp_slot_has_work(s)) {
            uint64_t e = vdp_slot_cursor_next(&slots, s, s->clock);
            if (e < when) {
                when = e;
                kind = EV_SLOT;
            }
        }
        if (when > target)
            break;
        s->clock = when;
        switch (kind) {
        case EV_LINE:
            begin_next_line(v);
            break;
        case EV_RENDER:
            vdp_line_begin(v);
            s->line_fetched = 1;
            break;
        case EV_VINT:
            raise_vint(s);
            break;
        default:
            vdp_access_slot(v);
            if (until != VDP_UNTIL_TARGET && wait_over(s, until))
                return;
            break;
        }
    }
    if (target > s->clock)
        s->clock = target;
}

void vdp_run_to(Vdp *v, uint64_t target) { run_events(v, target, VDP_UNTIL_TARGET); }

void vdp_run_until(Vdp *v, VdpRunUntil until)
{
    if (!wait_over(&v->state, until))
        run_events(v, UINT64_MAX, until);
}

void vdp_run(Vdp *v, uint64_t clock)
{
    if (clock > v->state.clock)
        vdp_run_to(v, clock);
}
