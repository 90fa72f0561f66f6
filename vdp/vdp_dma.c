/* vdp_dma.c - the three DMA kinds, one unit of work per access slot.
 *
 * Behaviour from genvdp.txt (Charles MacDonald), "DMA":
 * - mode from reg 23 bits 7-6: 0x = 68000 -> VDP, 10 = fill, 11 = VRAM copy;
 * - the length (regs 19/20) counts down and 0 means 0x10000 (it is
 *   decremented before the zero test);
 * - the 68000 source (regs 21-23, word address) increments only in its low
 *   16 bits, so it wraps inside a 128 KiB block;
 * - a VRAM fill writes the data word once, then the data's high byte to
 *   (address ^ 1) for each unit of length; CRAM/VSRAM fills write the word;
 * - a copy reads a VRAM byte at the source (regs 21/22) and writes it at the
 *   address register; it takes two slots per byte (read, then write).
 * Fills and copies address VRAM bytes in the VDP's internal order, which has
 * address bit 0 inverted relative to the 68000's view (Kabuto, "Sega Mega
 * Drive / Genesis hardware notes", address mapping), hence "^ 1" below.
 * The first slot of a 68000 transfer is spent acquiring the 68000 bus, so
 * the first word lands one slot late (the "first word" latency quirk; one
 * extra access slot per 68000 DMA, SpritesMind forum, viewtopic.php?p=20921).
 */
#include "vdp_internal.h"

static void dma_finish(VdpState *s)
{
    s->dma_kind = VDP_DMA_NONE;
    s->dma_fill_armed = 0;
    s->dma_copy_has_byte = 0;
    s->code &= 0x1F; /* CD5 drops when the transfer ends */
}

/* Counts one unit down; returns nonzero when the transfer is over. */
static int dma_count_down(VdpState *s)
{
    uint16_t len = (uint16_t)(vdp_dma_length(s) - 1);
    vdp_set_dma_length(s, len);
    return len == 0;
}

static uint16_t source_low(const VdpState *s) { return (uint16_t)(s->regs[21] | (s->regs[22] << 8)); }

static void set_source_low(VdpState *s, uint16_t value)
{
    s->regs[21] = (uint8_t)value;
    s->regs[22] = (uint8_t)(value >> 8);
}

void vdp_dma_start(Vdp *v)
{
    VdpState *s = &v->state;
    switch (s->regs[23] >> 6) {
    case 2:
        s->dma_kind = VDP_DMA_FILL;
        s->dma_fill_armed = 1;
        break;
    case 3:
        s->dma_kind = VDP_DMA_COPY;
        s->dma_copy_has_byte = 0;
        break;
    default:
        s->dma_kind = VDP_DMA_M68K;
        s->dma_bus_acquired = 0;
        break;
    }
}

void vdp_dma_fill_data(Vdp *v, uint16_t data)
{
    v->state.fill_data = data;
    v->state.dma_fill_armed = 0;
}

static void m68k_slot(Vdp *v)
{
    VdpState *s = &v->state;
    if (!s->dma_bus_acquired) {
        s->dma_bus_acquired = 1;
        return;
    }
    uint16_t word_addr = source_low(s);
    uint32_t src = ((uint32_t)(s->regs[23] & 0x7F) << 17) | ((uint32_t)word_addr << 1);
    uint16_t data = v->bus.dma_read16 ? v->bus.dma_read16(v->bus.ctx, src) : 0xFFFF;
    vdp_write_target(v, s->code, s->addr, data);
    s->addr = (uint16_t)(s->addr + vdp_auto_increment(s));
    set_source_low(s, (uint16_t)(word_addr + 1));
    if (dma_count_down(s))
        dma_finish(s);
}

static void fill_slot(Vdp *v)
{
    VdpState *s = &v->state;
    if ((s->code & 0x0F) == VDP_CODE_VRAM_WRITE)
        vdp_vram_write_byte(v, s->addr ^ 1u, (uint8_t)(s->fill_data >> 8));
    else
        vdp_write_target(v, s->code, s->addr, s->fill_data);
    s->addr = (uint16_t)(s->addr + vdp_auto_increment(s));
    if (dma_count_down(s))
        dma_finish(s);
}

static void copy_slot(Vdp *v)
{
    VdpState *s = &v->state;
    if (!s->dma_copy_has_byte) {
        uint16_t src = source_low(s);
        s->copy_byte = s->vram[src ^ 1u];
        set_source_low(s, (uint16_t)(src + 1));
        s->dma_copy_has_byte = 1;
        return;
    }
    vdp_vram_write_byte(v, s->addr ^ 1u, (uint8_t)s->copy_byte);
    s->dma_copy_has_byte = 0;
    s->addr = (uint16_t)(s->addr + vdp_auto_increment(s));
    if (dma_count_down(s))
        dma_finish(s);
}

void vdp_dma_slot(Vdp *v)
{
    switch (v->state.dma_kind) {
    case VDP_DMA_M68K:
        m68k_slot(v);
        break;
    case VDP_DMA_FILL:
        if (!v->state.dma_fill_armed)
            fill_slot(v);
        break;
    case VDP_DMA_COPY:
        copy_slot(v);
        break;
    default:
        break;
    }
}
