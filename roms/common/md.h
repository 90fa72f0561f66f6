/* md.h - C side of the ROM runtime: hardware ports and wrappers around the
 * assembly helpers (which take their arguments in registers, see vdp.s,
 * print.s, pad.s). Build flags: -m68000 -ffreestanding, no libc. */
#ifndef MD_H
#define MD_H

#include <stdint.h>

#define MD_VDP_DATA (*(volatile uint16_t *)0xC00000)
#define MD_VDP_DATA32 (*(volatile uint32_t *)0xC00000)
#define MD_VDP_CTRL (*(volatile uint16_t *)0xC00004)
#define MD_VDP_CTRL32 (*(volatile uint32_t *)0xC00004)

/* VRAM layout set up by vdp_init (md.inc). */
enum {
    MD_VRAM_FONT = 0x0400,
    MD_VRAM_WINDOW = 0xB000,
    MD_VRAM_PLANE_A = 0xC000,
    MD_VRAM_SPRITES = 0xD800,
    MD_VRAM_HSCROLL = 0xDC00,
    MD_VRAM_PLANE_B = 0xE000,
    MD_PLANE_WIDTH = 64
};

/* Control-port command kinds (Genesis Software Manual, VDP access codes). */
#define MD_CMD_VRAM_WRITE 0x40000000u
#define MD_CMD_CRAM_WRITE 0xC0000000u
#define MD_CMD_VSRAM_WRITE 0x40000010u

/* Pad bits returned by md_pad_read. */
enum {
    MD_PAD_UP = 1 << 0, MD_PAD_DOWN = 1 << 1, MD_PAD_LEFT = 1 << 2, MD_PAD_RIGHT = 1 << 3,
    MD_PAD_B = 1 << 4, MD_PAD_C = 1 << 5, MD_PAD_A = 1 << 6, MD_PAD_START = 1 << 7
};

/* Nametable / sprite attribute word: priority, palette, flips, tile. */
#define MD_TILE_ATTR(pri, pal, vf, hf, tile) \
    ((uint16_t)(((pri) << 15) | ((pal) << 13) | ((vf) << 12) | ((hf) << 11) | ((tile) & 0x7FF)))
/* CRAM colour from 3-bit components. */
#define MD_RGB(r, g, b) ((uint16_t)((((b) & 7) << 9) | (((g) & 7) << 5) | (((r) & 7) << 1)))

extern volatile uint32_t vint_count; /* incremented by the VBlank handler */
extern const uint8_t font_glyphs[];  /* 95 glyphs x 8 rows, bit 7 = left */

static inline uint32_t md_vdp_command(uint32_t kind, uint16_t addr)
{
    return kind | ((uint32_t)(addr & 0x3FFF) << 16) | (addr >> 14);
}

static inline void md_vram_write_at(uint16_t addr)
{
    MD_VDP_CTRL32 = md_vdp_command(MD_CMD_VRAM_WRITE, addr);
}

static inline void md_cram_write_at(uint16_t addr)
{
    MD_VDP_CTRL32 = md_vdp_command(MD_CMD_CRAM_WRITE, addr);
}

static inline void md_vsram_write_at(uint16_t addr)
{
    MD_VDP_CTRL32 = md_vdp_command(MD_CMD_VSRAM_WRITE, addr);
}

static inline void md_set_reg(uint8_t reg, uint8_t value)
{
    register uint32_t d0 __asm__("d0") = reg;
    register uint32_t d1 __asm__("d1") = value;
    __asm__ volatile("jsr vdp_set_reg" : "+d"(d0), "+d"(d1) : : "a0", "a1", "cc", "memory");
}

static inline void md_display_on(void)
{
    __asm__ volatile("jsr vdp_display_on" : : : "d0", "d1", "a0", "a1", "cc", "memory");
}

static inline void md_wait_vblank(void)
{
    __asm__ volatile("jsr vdp_wait_vblank" : : : "d0", "d1", "a0", "a1", "cc", "memory");
}

static inline void md_font_load(uint8_t colour)
{
    register uint32_t d0 __asm__("d0") = colour;
    __asm__ volatile("jsr font_load" : "+d"(d0) : : "d1", "a0", "a1", "cc", "memory");
}

static inline void md_print_at(const char *text, uint16_t col, uint16_t row, uint16_t attr)
{
    register const char *a0 __asm__("a0") = text;
    register uint32_t d0 __asm__("d0") = col;
    register uint32_t d1 __asm__("d1") = row;
    register uint32_t d2 __asm__("d2") = attr;
    __asm__ volatile("jsr print_at" : "+a"(a0), "+d"(d0), "+d"(d1) : "d"(d2) : "a1", "cc", "memory");
}

static inline void md_dma_vram(const void *src, uint16_t dest, uint16_t words)
{
    register const void *a0 __asm__("a0") = src;
    register uint32_t d0 __asm__("d0") = dest;
    register uint32_t d1 __asm__("d1") = words;
    __asm__ volatile("jsr vdp_dma_vram" : "+a"(a0), "+d"(d0), "+d"(d1) : : "a1", "cc", "memory");
}

static inline uint16_t md_pad_read(uint16_t port)
{
    register uint32_t d0 __asm__("d0") = port;
    __asm__ volatile("jsr pad_read" : "+d"(d0) : : "d1", "a0", "a1", "cc", "memory");
    return (uint16_t)d0;
}

#endif
