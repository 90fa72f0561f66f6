/* vdp_ports.c - the data, control and HV counter ports.
 *
 * Command words, register writes, read/write codes and the status layout are
 * from genvdp.txt (Charles MacDonald), "VDP ports" and "Status register".
 */
#include "vdp_internal.h"

/* Registers 11-23 exist only in mode 5 (reg 1 bit 2); numbers 24-31 are ignored. */
static void write_register(Vdp *v, unsigned reg, uint8_t value)
{
    VdpState *s = &v->state;
    if (reg >= 24 || (reg > 10 && !(s->regs[1] & 0x04)))
        return;
    /* Name table, size, scroll mode and window registers are read by the
     * column fetches ahead of the beam; the rest show from the beam's dot. */
    vdp_fetch_to_now(v);
    vdp_draw_to_now(v);
    if (reg == 0) {
        /* Reg 0 bit 1 freezes the HV counter at the value it has when set. */
        if ((value & 0x02) && !(s->regs[0] & 0x02)) {
            s->hv_latch = vdp_hv_now(s);
            s->hv_latched = 1;
        } else if (!(value & 0x02)) {
            s->hv_latched = 0;
        }
    }
    if (reg == 12 || reg == 1)
        v->sprite_lists_valid = false; /* H40/H32 and interlace change the sprite walk */
    s->regs[reg] = value;
}

/* Runs the VDP ahead slot by slot until cond() is false; the caller (the
 * 68000) is stalled for that long, so nothing else can touch the VDP. */
static uint32_t stall_while_fifo_full(Vdp *v)
{
    VdpState *s = &v->state;
    uint64_t start = s->clock;
    vdp_run_until(v, VDP_UNTIL_FIFO_NOT_FULL);
    return (uint32_t)(s->clock - start);
}

static uint32_t stall_for_m68k_dma(Vdp *v)
{
    VdpState *s = &v->state;
    uint64_t start = s->clock;
    vdp_run_until(v, VDP_UNTIL_M68K_DMA_DONE);
    return (uint32_t)(s->clock - start);
}

uint32_t vdp_write_control(Vdp *v, uint16_t value)
{
    VdpState *s = &v->state;
    if (!s->latch_pending) {
        /* First half: CD1-0 and A13-0 take effect at once (genvdp.txt
         * v1.1: the code and address registers keep what half a command
         * word wrote into them). A register write is decoded from the
         * same word and loads them too: CD1-0 become 10, a code that writes
         * nowhere, so data written after a register write without a new
         * command is lost (notaz, testpico "vdp reg w cmd reset" and "dma
         * fill disabled", measured on hardware). It leaves no half pending. */
        s->code = (uint8_t)((s->code & 0x3C) | (value >> 14));
        s->addr = (uint16_t)((s->addr & 0xC000) | (value & 0x3FFF));
        if ((value & 0xC000) == 0x8000) {
            write_register(v, (value >> 8) & 0x1F, (uint8_t)value);
            return 0;
        }
        s->latch_pending = 1;
        return 0;
    }
    /* Second half: CD5-2 from bits 7-4, A15-14 from bits 1-0, and A16 from
     * bit 2, used by the 128 KiB VRAM mode only (testpico "vdp 128k addr
     * bit16": a later first half keeps it). */
    s->latch_pending = 0;
    s->code = (uint8_t)((s->code & 0x03) | ((value >> 2) & 0x3C));
    s->addr = (uint16_t)((s->addr & 0x3FFF) | ((value & 3) << 14));
    s->addr_a16 = (uint8_t)((value >> 2) & 1);
    if (s->dma_kind == VDP_DMA_FILL && s->dma_fill_armed) {
        s->dma_kind = VDP_DMA_NONE; /* a new command abandons a fill still waiting for data */
        s->dma_fill_armed = 0;
    }
    if ((s->code & 0x20) && vdp_dma_enabled(s) && s->dma_kind == VDP_DMA_NONE) {
        vdp_dma_start(v);
        if (s->dma_kind == VDP_DMA_M68K)
            return stall_for_m68k_dma(v);
    }
    return 0;
}

uint32_t vdp_write_data(Vdp *v, uint16_t value)
{
    VdpState *s = &v->state;
    s->latch_pending = 0;
    uint32_t wait = stall_while_fifo_full(v);
    vdp_fifo_push(v, value);
    /* A waiting fill starts with this word: it is written like any other,
     * and the fill follows at the advanced address (vdp_dma.c). */
    if (s->dma_kind == VDP_DMA_FILL)
        s->dma_fill_armed = 0;
    return wait;
}

/* A data-port read waits for the queued writes to land in their own access
 * slots and then for a slot of its own (genvdp.txt, FIFO: the 68000 is held
 * until the read completes); the VDP runs ahead to just before that slot,
 * so the writes show where they land. vdp_read_wait gives the same span. */
static void run_to_read_slot(Vdp *v)
{
    VdpState *s = &v->state;
    vdp_run_until(v, VDP_UNTIL_FIFO_EMPTY);
    vdp_run_to(v, vdp_slot_after(s, s->clock) - 1);
}

uint16_t vdp_read_data(Vdp *v)
{
    VdpState *s = &v->state;
    s->latch_pending = 0;
    run_to_read_slot(v);
    uint16_t value;
    unsigned index = (s->addr >> 1) & 0x3F;
    switch (s->code & 0x0F) {
    case VDP_CODE_VRAM_READ: {
        unsigned a = s->addr & 0xFFFEu;
        value = (uint16_t)((s->vram[a] << 8) | s->vram[a | 1u]);
        break;
    }
    case VDP_CODE_CRAM_READ:
        /* Unused bits come from the stale FIFO contents (genvdp.txt). */
        value = (uint16_t)((s->cram[index] & 0x0EEE) | (s->stale_data & 0xF111));
        break;
    case VDP_CODE_VSRAM_READ:
        value = index < 40 ? s->vsram[index] : s->vsram[0];
        value = (uint16_t)((value & 0x07FF) | (s->stale_data & 0xF800));
        break;
    case VDP_CODE_VRAM8_READ:
        /* Undocumented 8-bit read: one VRAM byte, high byte from the FIFO. */
        value = (uint16_t)((s->stale_data & 0xFF00) | s->vram[s->addr ^ 1u]);
        break;
    default:
        value = s->stale_data;
        break;
    }
    s->addr = (uint16_t)(s->addr + vdp_auto_increment(s));
    return value;
}

uint32_t vdp_read_wait(const Vdp *v)
{
    const VdpState *s = &v->state;
    /* The queued writes' slots, then one for the read itself. */
    int slots = vdp_fifo_slots_owed(s) + 1;
    uint64_t t = s->clock;
    for (int i = 0; i < slots; i++)
        t = vdp_slot_after(s, t);
    return (uint32_t)(t - s->clock);
}

uint16_t vdp_read_status(Vdp *v)
{
    VdpState *s = &v->state;
    int offset = (int)(s->clock - s->line_start);
    uint16_t st = 0;
    s->latch_pending = 0;
    if (s->fifo_count == 0)
        st |= 0x0200;
    if (s->fifo_count == 4)
        st |= 0x0100;
    if (s->vint_pending)
        st |= 0x0080;
    if (s->sprite_overflow)
        st |= 0x0040;
    if (s->sprite_collision)
        st |= 0x0020;
    if (s->odd_frame)
        st |= 0x0010;
    if (vdp_in_vblank(s))
        st |= 0x0008;
    if (vdp_in_hblank(s, offset))
        st |= 0x0004;
    if (s->dma_kind != VDP_DMA_NONE)
        st |= 0x0002;
    if (s->pal)
        st |= 0x0001;
    /* Reading the status clears the sprite overflow and collision flags. */
    s->sprite_overflow = 0;
    s->sprite_collision = 0;
    return st;
}

uint16_t vdp_read_hv(Vdp *v)
{
    const VdpState *s = &v->state;
    if ((s->regs[0] & 0x02) && s->hv_latched)
        return s->hv_latch;
    return vdp_hv_now(s);
}
