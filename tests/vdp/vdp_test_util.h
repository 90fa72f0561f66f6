/* vdp_test_util.h - programs a VDP through its ports, as a 68000 program would. */
#ifndef VDP_TEST_UTIL_H
#define VDP_TEST_UTIL_H

#include <stdint.h>
#include <stdlib.h>

#include "vdp.h"

/* Command codes (CD5..CD0) for vt_command. */
enum {
    VT_VRAM_READ = 0x00, VT_VRAM_WRITE = 0x01, VT_CRAM_WRITE = 0x03, VT_VSRAM_READ = 0x04,
    VT_VSRAM_WRITE = 0x05, VT_CRAM_READ = 0x08, VT_VRAM8_READ = 0x0C, VT_DMA = 0x20
};

/* Measured DAC levels the VDP outputs (normal intensity). */
static const uint8_t vt_level[8] = {0, 52, 87, 116, 144, 172, 206, 255};
static const uint8_t vt_shadow_level[8] = {0, 29, 52, 70, 87, 101, 116, 130};
static const uint8_t vt_highlight_level[8] = {130, 144, 158, 172, 187, 206, 228, 255};

static inline Vdp *vt_new(const VdpBus *bus, int pal)
{
    Vdp *v = malloc(sizeof *v);
    if (v)
        vdp_init(v, bus, pal != 0);
    return v;
}

static inline uint32_t vt_reg(Vdp *v, unsigned reg, unsigned value)
{
    return vdp_write_control(v, (uint16_t)(0x8000 | (reg << 8) | (value & 0xFF)));
}

static inline uint32_t vt_command(Vdp *v, unsigned code, unsigned addr)
{
    vdp_write_control(v, (uint16_t)(((code & 3) << 14) | (addr & 0x3FFF)));
    return vdp_write_control(v, (uint16_t)(((code & 0x3C) << 2) | ((addr >> 14) & 3)));
}

static inline void vt_write_words(Vdp *v, unsigned code, unsigned addr, const uint16_t *words, int n)
{
    vt_reg(v, 15, 2);
    vt_command(v, code, addr);
    for (int i = 0; i < n; i++)
        vdp_write_data(v, words[i]);
}

/* DMA registers: length (regs 19-20), the source's low 16 bits (regs
 * 21-22: a 68000 word address, or the VRAM byte address of a copy) and
 * reg 23 (mode bits and the source's high bits). */
static inline void vt_dma_regs(Vdp *v, unsigned length, unsigned source_low, unsigned reg23)
{
    vt_reg(v, 19, length & 0xFF);
    vt_reg(v, 20, (length >> 8) & 0xFF);
    vt_reg(v, 21, source_low & 0xFF);
    vt_reg(v, 22, (source_low >> 8) & 0xFF);
    vt_reg(v, 23, reg23);
}

static inline void vt_vram_word(Vdp *v, unsigned addr, uint16_t w) { vt_write_words(v, VT_VRAM_WRITE, addr, &w, 1); }
static inline void vt_cram(Vdp *v, unsigned index, uint16_t w) { vt_write_words(v, VT_CRAM_WRITE, index * 2, &w, 1); }
static inline void vt_vsram(Vdp *v, unsigned index, uint16_t w) { vt_write_words(v, VT_VSRAM_WRITE, index * 2, &w, 1); }

/* A pattern whose every pixel is `colour` (0-15). */
static inline void vt_solid_tile(Vdp *v, unsigned tile, unsigned colour)
{
    uint16_t w[16];
    uint16_t nib = (uint16_t)(colour & 15);
    uint16_t word = (uint16_t)(nib | nib << 4 | nib << 8 | nib << 12);
    for (int i = 0; i < 16; i++)
        w[i] = word;
    vt_write_words(v, VT_VRAM_WRITE, tile * 32, w, 16);
}

/* A pattern from 8 rows of 8 nibbles (row r = rows[r], leftmost pixel in the top nibble). */
static inline void vt_tile_rows(Vdp *v, unsigned tile, const uint32_t rows[8])
{
    uint16_t w[16];
    for (int r = 0; r < 8; r++) {
        w[2 * r] = (uint16_t)(rows[r] >> 16);
        w[2 * r + 1] = (uint16_t)rows[r];
    }
    vt_write_words(v, VT_VRAM_WRITE, tile * 32, w, 16);
}

/* CRAM word with 3-bit components. */
static inline uint16_t vt_colour(unsigned r, unsigned g, unsigned b)
{
    return (uint16_t)(((b & 7) << 9) | ((g & 7) << 5) | ((r & 7) << 1));
}

static inline uint32_t vt_rgb(unsigned r, unsigned g, unsigned b)
{
    return ((uint32_t)vt_level[r & 7] << 16) | ((uint32_t)vt_level[g & 7] << 8) | vt_level[b & 7];
}

/* The standard mode-5 setup used by the rendering tests: display off while
 * loading, H40 V28, plane A at 0xC000, window at 0xB000, plane B at 0xE000,
 * sprites at 0xD800, hscroll at 0xDC00, 64x32 planes, autoincrement 2. */
static inline void vt_mode5(Vdp *v, int h40)
{
    vt_reg(v, 0, 0x04);
    vt_reg(v, 1, 0x04); /* mode 5, display off */
    vt_reg(v, 2, 0xC000 >> 10);
    vt_reg(v, 3, 0xB000 >> 10);
    vt_reg(v, 4, 0xE000 >> 13);
    vt_reg(v, 5, 0xD800 >> 9);
    vt_reg(v, 7, 0x00);
    vt_reg(v, 10, 0xFF);
    vt_reg(v, 11, 0x00);
    vt_reg(v, 12, h40 ? 0x81 : 0x00);
    vt_reg(v, 13, 0xDC00 >> 10);
    vt_reg(v, 15, 2);
    vt_reg(v, 16, 0x01);
    vt_reg(v, 17, 0);
    vt_reg(v, 18, 0);
}

static inline void vt_display_on(Vdp *v, unsigned extra_reg1)
{
    vt_reg(v, 1, 0x44 | extra_reg1);
}

/* Runs to the end of the current frame, then a whole frame: the picture
 * then reflects the final register and memory contents. */
static inline void vt_fresh_frame(Vdp *v)
{
    vdp_run(v, vdp_frame_end(v));
    vdp_run(v, vdp_frame_end(v));
}

static inline uint32_t vt_pixel(const Vdp *v, int x, int y)
{
    int w, h, pitch;
    const uint32_t *fb = vdp_framebuffer(v, &w, &h, &pitch);
    if (x < 0 || y < 0 || x >= w || y >= h)
        return 0xDEADBEEF;
    return fb[(size_t)y * (size_t)(pitch / 4) + (size_t)x];
}

/* Name table entry. */
static inline uint16_t vt_name(unsigned tile, unsigned pal, int pri, int vflip, int hflip)
{
    return (uint16_t)((pri ? 0x8000 : 0) | ((pal & 3) << 13) | (vflip ? 0x1000 : 0) | (hflip ? 0x0800 : 0) |
                      (tile & 0x7FF));
}

/* Sprite table entry n at the standard base (0xD800). */
static inline void vt_sprite(Vdp *v, unsigned n, int x, int y, unsigned wcells, unsigned hcells, unsigned link,
                             uint16_t name)
{
    uint16_t w[4];
    w[0] = (uint16_t)((y + 128) & 0x3FF);
    w[1] = (uint16_t)((((wcells - 1) & 3) << 10) | (((hcells - 1) & 3) << 8) | (link & 0x7F));
    w[2] = name;
    w[3] = (uint16_t)((x + 128) & 0x1FF);
    vt_write_words(v, VT_VRAM_WRITE, 0xD800 + n * 8, w, 4);
}

#endif
