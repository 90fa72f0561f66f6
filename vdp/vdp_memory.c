/* vdp_memory.c - writes into CRAM and VSRAM (VRAM bytes: vdp_vram_write_byte,
 * vdp_internal.h), and the colour output tables. */
#include "vdp_internal.h"

/* Measured output levels of the Mega Drive's video DAC for the 3-bit colour
 * components, normal / shadow / highlight (Sega Retro, "Sega Mega
 * Drive/Palette", levels measured on a model 1 console, scaled to 0-255). */
static const uint8_t dac_normal[8] = {0, 52, 87, 116, 144, 172, 206, 255};
static const uint8_t dac_shadow[8] = {0, 29, 52, 70, 87, 101, 116, 130};
static const uint8_t dac_highlight[8] = {130, 144, 158, 172, 187, 206, 228, 255};

void vdp_dac_build(Vdp *v)
{
    const uint8_t *levels[3] = {dac_normal, dac_shadow, dac_highlight};
    for (int shade = 0; shade < 3; shade++) {
        for (unsigned c = 0; c < 512; c++) {
            uint32_t r = levels[shade][c & 7];
            uint32_t g = levels[shade][(c >> 3) & 7];
            uint32_t b = levels[shade][(c >> 6) & 7];
            v->dac_rgb[shade][c] = (r << 16) | (g << 8) | b;
        }
    }
}

/* CRAM word: ----BBB-GGG-RRR- -> 9-bit index BBBGGGRRR. */
void vdp_cram_refresh(Vdp *v, unsigned index)
{
    uint16_t w = v->state.cram[index & 63];
    unsigned c9 = ((w >> 1) & 7) | (((w >> 5) & 7) << 3) | (((w >> 9) & 7) << 6);
    for (int shade = 0; shade < 3; shade++) {
        const uint32_t rgb = v->dac_rgb[shade][c9];
        v->cram_rgb[shade][index & 63] = rgb;
        for (int channel = 0; channel < 3; channel++)
            v->cram_planes[channel][shade * 64 + (index & 63)] = (uint8_t)(rgb >> (8 * channel));
    }
}

void vdp_cram_refresh_all(Vdp *v)
{
    for (unsigned i = 0; i < 64; i++)
        vdp_cram_refresh(v, i);
}

void vdp_write_target(Vdp *v, uint8_t code, uint16_t addr, uint16_t data)
{
    VdpState *s = &v->state;
    /* VSRAM is read by the column fetches, ahead of the beam; CRAM at the
     * beam. The dots (columns) already done keep the old values. */
    if ((code & 0x0F) == VDP_CODE_CRAM_WRITE)
        vdp_draw_to_now(v);
    else
        vdp_fetch_to_now(v);
    s->stale_data = data;
    switch (code & 0x0F) {
    case VDP_CODE_CRAM_WRITE:
        s->cram[(addr >> 1) & 63] = data & 0x0EEE;
        vdp_cram_refresh(v, (addr >> 1) & 63);
        vdp_cram_dot(v, data & 0x0EEE);
        break;
    case VDP_CODE_VSRAM_WRITE:
        if (((addr >> 1) & 0x3F) < 40)
            s->vsram[(addr >> 1) & 0x3F] = data & 0x07FF;
        break;
    default:
        break; /* a write with a read code goes nowhere; VRAM takes bytes (vdp_vram_write_byte) */
    }
}
