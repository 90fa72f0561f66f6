/* vdp_dma.c - the three DMA kinds.
 *
 * Behaviour from genvdp.txt (Charles MacDonald), "DMA":
 * - mode from reg 23 bits 7-6: 0x = 68000 -> VDP, 10 = fill, 11 = VRAM copy;
 * - the length (regs 19/20) counts down and 0 means 0x10000 (it is
 *   decremented before the zero test);
 * - the 68000 source (regs 21-23, word address) increments only in its low
 *   16 bits, so it wraps inside a 128 KiB block;
 * - a copy reads a VRAM byte at the source (regs 21/22) and writes it at the
 *   address register; it takes two slots per byte (read, then write).
 * Fills and copies address VRAM bytes in the VDP's internal order, which has
 * address bit 0 inverted relative to the 68000's view (Kabuto, "Sega Mega
 * Drive / Genesis hardware notes", address mapping), hence "^ 1" below.
 *
 * 68000 -> VDP: the VDP takes the 68000 off its bus and reads the words
 * itself (Sega, Genesis Software Manual, "VDP Structure", DMA); they enter
 * the FIFO like the 68000's own writes and are written from there
 * (vdp_fifo.c), so a VRAM word costs two slots and a CRAM / VSRAM word one:
 * 9 VRAM words per active H40 line against 18 CRAM words, as in the
 * manual's "DMA Transfer Capacity" table (bytes for VRAM, "number of words
 * (not byte)" for CRAM and VSRAM). The VDP reads one word per slot while
 * the FIFO has room (vdp_fifo.c, dma_read_word) and gives the bus back
 * once it has read the last one; the FIFO then drains on its own
 * (testpico's 128 KiB DMA test waits for the FIFO to empty, not for the
 * DMA, before leaving the mode; PicoDrive, by testpico's author, and ares
 * also queue DMA words in their FIFOs). The first
 * slot of a transfer is spent acquiring the 68000 bus, so the first word
 * lands one slot late (the "first word" latency quirk; one extra access
 * slot per 68000 DMA, SpritesMind forum, viewtopic.php?p=20921).
 *
 * Fill (notaz, testpico "dma fill3 odd/even/vsram", "dma fill src incr",
 * measured on hardware; Sega manual, "VRAM Fill", term 1): the data-port
 * write that starts it is an ordinary FIFO write at the command's address,
 * which then advances; once the FIFO has written it, each of the `length`
 * units writes at the address register and advances it, one slot each, and
 * advances the source registers as a 68000 DMA would. A VRAM unit writes
 * the newest FIFO word's high byte at (address ^ 1); a CRAM / VSRAM unit
 * writes the whole FIFO entry after the newest one - the stale word the
 * ring still holds from three writes before the fill's data word, not the
 * data. One unit per slot gives 16 / 18 units per active line and 167 /
 * 205 per blanked line (H32 / H40); the manual's table says one less in
 * each case (15 / 17 / 166 / 204): no mechanism for that one slot is
 * documented, so it is not modelled.
 */
#include "vdp_internal.h"

void vdp_dma_finish(VdpState *s)
{
    s->dma_kind = VDP_DMA_NONE;
    s->dma_fill_armed = 0;
    s->dma_copy_has_byte = 0;
    s->code &= 0x1F; /* CD5 drops when the transfer ends */
}

int vdp_dma_count_down(VdpState *s)
{
    uint16_t len = (uint16_t)(vdp_dma_length(s) - 1);
    vdp_set_dma_length(s, len);
    return len == 0;
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

static void fill_slot(Vdp *v)
{
    VdpState *s = &v->state;
    /* The FIFO is empty here, so its next write position is fifo_head. */
    unsigned next = s->fifo_head;
    if ((s->code & 0x0F) == VDP_CODE_VRAM_WRITE)
        vdp_vram_write_byte(v, s->addr ^ 1u, (uint8_t)(s->fifo[(next - 1) & 3].data >> 8));
    else
        vdp_write_target(v, s->code, s->addr, s->fifo[next].data);
    s->addr = (uint16_t)(s->addr + vdp_auto_increment(s));
    vdp_dma_set_source_low(s, (uint16_t)(vdp_dma_source_low(s) + 1));
    if (vdp_dma_count_down(s))
        vdp_dma_finish(s);
}

static void copy_slot(Vdp *v)
{
    VdpState *s = &v->state;
    if (!s->dma_copy_has_byte) {
        uint16_t src = vdp_dma_source_low(s);
        s->copy_byte = s->vram[src ^ 1u];
        vdp_dma_set_source_low(s, (uint16_t)(src + 1));
        s->dma_copy_has_byte = 1;
        return;
    }
    vdp_vram_write_byte(v, s->addr ^ 1u, (uint8_t)s->copy_byte);
    s->dma_copy_has_byte = 0;
    s->addr = (uint16_t)(s->addr + vdp_auto_increment(s));
    if (vdp_dma_count_down(s))
        vdp_dma_finish(s);
}

void vdp_dma_slot(Vdp *v)
{
    switch (v->state.dma_kind) {
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
