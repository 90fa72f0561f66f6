/* vdp_internal.h - shared between the VDP's own source files (not public). */
#ifndef MDEMU_VDP_INTERNAL_H
#define MDEMU_VDP_INTERNAL_H

#include <stdint.h>

#include "vdp.h"

typedef enum VdpDmaKind {
    VDP_DMA_NONE = 0,
    VDP_DMA_M68K, /* 68000 memory -> VRAM/CRAM/VSRAM, 68000 halted */
    VDP_DMA_FILL, /* VRAM/CRAM/VSRAM fill, in the background */
    VDP_DMA_COPY  /* VRAM -> VRAM copy, in the background */
} VdpDmaKind;

/* Code register targets (CD3..CD0). */
enum {
    VDP_CODE_VRAM_READ = 0x0,
    VDP_CODE_VRAM_WRITE = 0x1,
    VDP_CODE_CRAM_WRITE = 0x3,
    VDP_CODE_VSRAM_READ = 0x4,
    VDP_CODE_VSRAM_WRITE = 0x5,
    VDP_CODE_CRAM_READ = 0x8,
    VDP_CODE_VRAM8_READ = 0xC
};

/* ---- register decoding (bit meanings: genvdp.txt, Charles MacDonald) ---- */
static inline int vdp_is_h40(const VdpState *s) { return (s->regs[12] & 0x01) != 0; }
static inline int vdp_width(const VdpState *s) { return vdp_is_h40(s) ? 320 : 256; }
static inline int vdp_is_v30(const VdpState *s) { return (s->regs[1] & 0x08) != 0; }
static inline int vdp_active_lines(const VdpState *s) { return vdp_is_v30(s) ? 240 : 224; }
/* Lines in this field: interlaced fields alternate 262/263 (NTSC) and
 * 313/312 (PAL) lines, see vdp_run.c. */
static inline int vdp_total_lines(const VdpState *s) { return (s->pal ? 313 : 262) + s->field_line_delta; }
static inline int vdp_display_on(const VdpState *s) { return (s->regs[1] & 0x40) != 0; }
static inline int vdp_dma_enabled(const VdpState *s) { return (s->regs[1] & 0x10) != 0; }
/* Interlace: reg 12 bits 2-1; 01 = mode 1, 11 = mode 2 (double resolution), 10 acts as off. */
static inline int vdp_interlace_mode(const VdpState *s)
{
    int lsm = (s->regs[12] >> 1) & 3;
    return lsm == 1 ? 1 : lsm == 3 ? 2 : 0;
}
static inline unsigned vdp_auto_increment(const VdpState *s) { return s->regs[15]; }
/* DMA source regs 21-22: the low 16 bits of the word address, which wrap
 * by themselves (genvdp.txt, "DMA"). */
static inline uint16_t vdp_dma_source_low(const VdpState *s) { return (uint16_t)(s->regs[21] | (s->regs[22] << 8)); }
static inline void vdp_dma_set_source_low(VdpState *s, uint16_t value)
{
    s->regs[21] = (uint8_t)value;
    s->regs[22] = (uint8_t)(value >> 8);
}
static inline uint16_t vdp_dma_length(const VdpState *s)
{
    return (uint16_t)(s->regs[19] | (s->regs[20] << 8));
}
static inline void vdp_set_dma_length(VdpState *s, uint16_t len)
{
    s->regs[19] = (uint8_t)len;
    s->regs[20] = (uint8_t)(len >> 8);
}
/* Sprite table base: reg 5 bits 6-0 = address bits 15-9; bit 0 ignored in H40. */
static inline unsigned vdp_sat_base(const VdpState *s)
{
    unsigned r = s->regs[5] & (vdp_is_h40(s) ? 0x7E : 0x7F);
    return r << 9;
}

/* ---- timing (vdp_timing.c) ---- */
/* Offset within the line (master clocks from the V counter increment) of H counter value 0. */
int vdp_hzero_offset(const VdpState *s);
int vdp_vint_offset(const VdpState *s);
uint8_t vdp_hcounter_at(const VdpState *s, int offset);
uint16_t vdp_vcounter(const VdpState *s); /* 9-bit counter for the current line */
int vdp_in_hblank(const VdpState *s, int offset);
int vdp_in_vblank(const VdpState *s);
/* The next external access slot of the current line strictly after `clock`
 * (the line's end when none is left). */
uint64_t vdp_next_slot(const VdpState *s, uint64_t clock);
/* The first slot strictly after `clock`, on this line or a later one (later
 * lines assumed to keep the current mode and display switch). */
uint64_t vdp_slot_after(const VdpState *s, uint64_t clock);
uint16_t vdp_hv_now(const VdpState *s);
/* The current line's access slots walked in clock order, for a run of
 * events in which no register changes and the clock never goes back
 * (vdp_run.c): vdp_next_slot's answers without a table search each time.
 * A new line restarts the walk. */
typedef struct VdpSlotCursor {
    const uint16_t *offset; /* the line's slot table */
    int count;
    int index;           /* the first slot not yet passed */
    uint64_t line_start; /* the line walked; UINT64_MAX before the first call */
} VdpSlotCursor;
uint64_t vdp_slot_cursor_next(VdpSlotCursor *c, const VdpState *s, uint64_t clock);

/* ---- memory (vdp_memory.c) ---- */
/* A word written to CRAM or VSRAM (VRAM is written a byte at a time:
 * vdp_vram_write_byte below). */
void vdp_write_target(Vdp *v, uint8_t code, uint16_t addr, uint16_t data);
void vdp_cram_refresh(Vdp *v, unsigned index);
void vdp_cram_refresh_all(Vdp *v);
void vdp_dac_build(Vdp *v);
/* A pattern byte (two dots) as two layer bytes, left dot first. */
extern const uint16_t vdp_dot_pairs[256];
/* Decoded pattern rows (vdp_pattern_cache.c): all of them, from VRAM. */
void vdp_pattern_cache_rebuild(Vdp *v);

/* ---- FIFO and DMA (vdp_fifo.c, vdp_dma.c) ---- */
/* 128 KiB VRAM mode (reg 1 bit 7): a 16-bit VRAM bus of two banks. */
static inline int vdp_vram_128k(const VdpState *s) { return (s->regs[1] & 0x80) != 0; }
/* External access slots the FIFO's queued writes still need: a VRAM word
 * is two byte writes in the 64 KiB mode (vdp_fifo.c), everything else one;
 * the oldest entry may have written its first byte already. */
static inline int vdp_fifo_slots_owed(const VdpState *s)
{
    int per_vram_word = vdp_vram_128k(s) ? 1 : 2;
    int slots = per_vram_word == 2 ? -(int)s->fifo_head_bytes : 0;
    for (int i = 0; i < s->fifo_count; i++) {
        const VdpFifoEntry *e = &s->fifo[(s->fifo_head + i) & 3];
        slots += (e->code & 0x0F) == VDP_CODE_VRAM_WRITE ? per_vram_word : 1;
    }
    return slots;
}
/* One external access slot: a 68000 DMA reads a word into the FIFO, then
 * the FIFO writes (part of) its oldest entry, or a fill / copy advances. */
void vdp_access_slot(Vdp *v);
/* Whether an access slot has anything to do (inline: the run loop asks at every event). */
static inline int vdp_slot_has_work(const VdpState *s)
{
    if (s->fifo_count > 0)
        return 1;
    switch (s->dma_kind) {
    case VDP_DMA_M68K:
    case VDP_DMA_COPY:
        return 1;
    case VDP_DMA_FILL:
        return !s->dma_fill_armed;
    default:
        return 0;
    }
}
/* Queues a write of `data` at the address and code registers (the caller
 * makes room first) and advances the address register. */
static inline void vdp_fifo_push(Vdp *v, uint16_t data)
{
    VdpState *s = &v->state;
    VdpFifoEntry *e = &s->fifo[(s->fifo_head + s->fifo_count) & 3];
    e->addr = s->addr;
    e->addr_a16 = s->addr_a16;
    e->data = data;
    e->code = s->code;
    s->fifo_count++;
    s->addr = (uint16_t)(s->addr + vdp_auto_increment(s));
}
void vdp_dma_start(Vdp *v);
/* Counts one DMA unit down (regs 19-20); nonzero when the transfer is over. */
int vdp_dma_count_down(VdpState *s);
void vdp_dma_finish(VdpState *s);
/* A fill or copy unit, in a slot the FIFO does not need. */
void vdp_dma_slot(Vdp *v);

/* ---- run loop (vdp_run.c) ---- */
void vdp_run_to(Vdp *v, uint64_t clock);
/* What a stalled 68000 waits for. */
typedef enum VdpRunUntil {
    VDP_UNTIL_TARGET,        /* (vdp_run_to) */
    VDP_UNTIL_FIFO_NOT_FULL, /* a FIFO entry has been committed */
    VDP_UNTIL_FIFO_EMPTY,    /* all FIFO entries have been committed */
    VDP_UNTIL_M68K_DMA_DONE  /* the 68000 -> VDP DMA has moved its last word */
} VdpRunUntil;
/* Runs the VDP to the access slot after which `until` holds (at once when
 * it holds already): the same as stepping vdp_run_to slot by slot, without
 * recomputing each slot three times. */
void vdp_run_until(Vdp *v, VdpRunUntil until);

/* ---- rendering (vdp_render*.c) ----
 * Dot x of an active line is output at 9-bit H counter 0x00A + x, so the
 * line's 256 / 320 dots end exactly at the next V counter increment
 * (viewport H 0x00A-0x109 / 0x00A-0x149: sikthehedgehog, "vdpnotes",
 * latencies.txt, from the decapped VDP's logic). In both widths that is
 * 860 master clocks into the line, one dot per 10 (H32) / 8 (H40) clocks. */
enum { VDP_FIRST_DOT_OFFSET = 860 };
static inline int vdp_dot_clocks(int width) { return width == 320 ? 8 : 10; }
/* Sprite phase 1 for the line that has just begun (its Y / size / link
 * scan happened during the line before, which has now ended). */
void vdp_sprite_scan(Vdp *v);
/* Before a write into the sprite cache: keep what the scan saw. */
static inline void vdp_sprite_scan_keep(VdpState *s)
{
    if (s->scan_attrs_kept)
        return;
    for (int i = 0; i < s->scan_count; i++)
        for (int b = 0; b < 3; b++)
            s->scan_attrs[i * 3 + b] = s->sat_cache[s->scan_index[i] * 4 + b];
    s->scan_attrs_kept = 1;
}
/* At the line's fetch point (H counter 0): latch scroll, window and sprites. */
void vdp_line_begin(Vdp *v);
/* Output the line's dots up to x (exclusive) with the present state. */
void vdp_draw_to(Vdp *v, int x);
/* Output the dots the beam has passed by the VDP's clock: called before any
 * change that the picture shows at once (registers, CRAM, VSRAM, VRAM). */
void vdp_draw_to_now_slow(Vdp *v);
static inline void vdp_draw_to_now(Vdp *v)
{
    if (v->state.line_open)
        vdp_draw_to_now_slow(v);
}
/* Fetch the plane / window data of the columns whose fetch slots have
 * passed by the VDP's clock, with the present VRAM, VSRAM and registers:
 * called before any change to what the fetches read. */
void vdp_fetch_to_now_slow(Vdp *v);
static inline void vdp_fetch_to_now(Vdp *v)
{
    if (v->state.line_open)
        vdp_fetch_to_now_slow(v);
}
/* The rest of the line, at its end. */
void vdp_line_finish(Vdp *v);
/* A CRAM write during the active area shows its colour at the beam (the
 * "CRAM dot"): called right after the write lands. */
void vdp_cram_dot(Vdp *v, uint16_t colour);

/* ---- VRAM byte writes (here, inline: the FIFO writes VRAM a byte per
 * slot, fills and copies too) ---- */
/* A byte written into the sprite table area also goes to the sprite cache. */
static inline void vdp_sat_cache_write(Vdp *v, unsigned addr, uint8_t value)
{
    VdpState *s = &v->state;
    unsigned rel = (addr - vdp_sat_base(s)) & 0xFFFF;
    if (rel < 80 * 8 && (rel & 7) < 4) {
        vdp_sprite_scan_keep(s);
        s->sat_cache[(rel >> 3) * 4 + (rel & 7)] = value;
        v->sprite_lists_valid = false;
    }
}

/* One byte is two dots, 16 bits of its decoded row (byte 0 in the low
 * bits): a VRAM write a byte per access slot decodes just those. */
static inline void vdp_pattern_cache_write_byte(Vdp *v, unsigned addr, uint8_t value)
{
    uint64_t *row = &v->pattern_rows[(addr & 0xFFFFu) >> 2];
    unsigned shift = (addr & 3u) * 16u;
    *row = (*row & ~((uint64_t)0xFFFF << shift)) | ((uint64_t)vdp_dot_pairs[value] << shift);
}

/* A VRAM byte (address in the 68000's byte order) with its sprite cache
 * and decoded pattern row. */
static inline void vdp_vram_write_byte(Vdp *v, unsigned addr, uint8_t value)
{
    addr &= 0xFFFF;
    vdp_fetch_to_now(v); /* the columns already fetched keep the old contents */
    v->state.vram[addr] = value;
    vdp_pattern_cache_write_byte(v, addr, value);
    vdp_sat_cache_write(v, addr, value);
}

#endif
