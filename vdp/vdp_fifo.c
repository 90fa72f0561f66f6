/* vdp_fifo.c - the 4-entry write FIFO and the external access slots that drain it.
 *
 * The 68000's (and Z80's) data-port writes and the words a 68000-to-VDP
 * DMA reads all go through the FIFO (fills and copies do not). Each
 * external access slot (vdp_timing.c) writes the oldest entry; with the
 * FIFO empty a slot goes to a running fill or copy. FIFO size and
 * behaviour: genvdp.txt (Charles MacDonald), section on the FIFO.
 *
 * VRAM is byte-wide on the VDP's random access side: the 64 KiB of a Mega
 * Drive are two 64K x 4 dual-port DRAMs sharing address and control lines
 * (MegaDrive Wiki, "VRAM", on the model 1's two uPD41264), and Sega's VDP
 * block diagram shows the 16-bit CPU data path narrowed "8/16 CHANGE" to 8
 * bits for VRAM (Sega, Genesis Software Manual, "VDP Structure"). So in
 * the 64 KiB mode a VRAM word takes two slots, one byte each, while CRAM
 * and VSRAM (16 bits wide, inside the VDP) take a word per slot. That is
 * what the manual's DMA capacity table gives: 68000-to-VRAM 16 / 18 bytes
 * per active line (H32 / H40) and 167 / 205 per blanked line, "number of
 * words (not byte)" for CRAM and VSRAM - the 16 / 18 / 167 / 205 external
 * slots of vdp_timing.c at a byte per slot; notaz's testpico measures it
 * on hardware ("time vdp vram w": 112 * 18 VRAM words from line 0 end on
 * line 223, the same number of CRAM words on line 112).
 *
 * Which byte goes first: the manual's VRAM fill example (Section 7, "VRAM
 * Fill", term 1) writes a word at an even address low byte first, then the
 * high byte, and at an odd address the high byte first - in the VDP's own
 * byte order, which has address bit 0 inverted from the 68000's (Kabuto,
 * "Sega Mega Drive / Genesis hardware notes", address mapping). In this
 * emulator's (68000) byte order both cases write (address | 1) first, then
 * (address & ~1).
 *
 * 128 KiB mode (reg 1 bit 7) drives a 16-bit bus of two such banks, so a
 * word per slot (inferred from the bus width: no measurement of its speed
 * was found). A stock console has only one bank, so one byte of each word
 * lands, at the address the 64 KiB bank sees: a16..a0 maps to
 * (((a & 2) >> 1) ^ 1) | ((a & 0x400) >> 9) | (a & 0x3FC) | ((a & 0x1F800) >> 1)
 * and the bank gets the data's low byte (notaz, testpico "dma 128k mode"
 * and "vdp 128k addr bit16", measured on hardware). With address bit 0
 * set the word's bytes are exchanged, as in every VRAM write (Sega manual,
 * "VRAM Write"), so the bank then gets the high byte: an inference, no test
 * covers it.
 */
#include "vdp_internal.h"

static void fifo_pop(VdpState *s)
{
    s->stale_data = s->fifo[s->fifo_head].data;
    s->fifo_head = (uint8_t)((s->fifo_head + 1) & 3);
    s->fifo_count--;
    s->fifo_head_bytes = 0;
}

static unsigned vram_128k_address(unsigned a)
{
    return (((a & 2) >> 1) ^ 1) | ((a & 0x400) >> 9) | (a & 0x3FC) | ((a & 0x1F800) >> 1);
}

/* One slot's worth of the oldest entry. */
static void fifo_commit_slot(Vdp *v)
{
    VdpState *s = &v->state;
    const VdpFifoEntry *e = &s->fifo[s->fifo_head];
    if ((e->code & 0x0F) != VDP_CODE_VRAM_WRITE) {
        vdp_write_target(v, e->code, e->addr, e->data);
        fifo_pop(s);
        return;
    }
    unsigned a = e->addr;
    /* The byte a word write puts at an address: the high byte at the
     * even one, unless address bit 0 exchanges them. */
    uint8_t hi = (uint8_t)(e->data >> 8), lo = (uint8_t)e->data;
    uint8_t odd_byte = (a & 1) ? hi : lo;
    if (vdp_vram_128k(s)) {
        unsigned full = a | ((unsigned)(e->addr_a16 & 1) << 16);
        vdp_vram_write_byte(v, vram_128k_address(full), odd_byte);
        fifo_pop(s);
        return;
    }
    if (!s->fifo_head_bytes) {
        vdp_vram_write_byte(v, a | 1u, odd_byte);
        s->fifo_head_bytes = 1;
        return;
    }
    vdp_vram_write_byte(v, a & 0xFFFEu, (a & 1) ? lo : hi);
    fifo_pop(s);
}

/* A 68000 DMA feeds the FIFO (vdp_dma.c): the slot after the command
 * requests the 68000's bus, then each slot reads a word while the FIFO has
 * room for it. */
static void dma_read_word(Vdp *v)
{
    VdpState *s = &v->state;
    if (!s->dma_bus_acquired) {
        s->dma_bus_acquired = 1;
        return;
    }
    if (s->fifo_count == 4)
        return; /* no room: the read waits until the FIFO has written a word */
    uint16_t word_addr = vdp_dma_source_low(s);
    uint32_t src = ((uint32_t)(s->regs[23] & 0x7F) << 17) | ((uint32_t)word_addr << 1);
    uint16_t data = v->bus.dma_read16 ? v->bus.dma_read16(v->bus.ctx, src) : 0xFFFF;
    vdp_fifo_push(v, data);
    vdp_dma_set_source_low(s, (uint16_t)(word_addr + 1));
    if (vdp_dma_count_down(s))
        vdp_dma_finish(s);
}

void vdp_access_slot(Vdp *v)
{
    VdpState *s = &v->state;
    if (s->dma_kind == VDP_DMA_M68K)
        dma_read_word(v);
    if (s->fifo_count > 0)
        fifo_commit_slot(v);
    else
        vdp_dma_slot(v);
}
