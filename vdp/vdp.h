/* vdp.h - Sega Genesis Video Display Processor (315-5313): public API of vdp/.
 *
 * The VDP keeps its own position in master clocks (3,420 per line; 262 lines
 * NTSC, 313 PAL; interlaced fields alternate 262/263 and 312/313).
 * vdp_run(v, t) catches it up to absolute master clock t: lines are
 * rendered as they complete (a register or CRAM change during a line
 * shows from the dot the beam is on, a VRAM, VSRAM or plane register change
 * from the next 2-cell column the VDP fetches, and each CRAM write leaves a
 * one-dot "CRAM dot"; a line's sprites are those the scan made during
 * the line before found), the FIFO drains in each mode's exact access
 * slots (a data-port read waits for the queued writes' slots and its own),
 * DMA progresses, interrupts are raised. The console calls vdp_run(now)
 * before every port access so that the access lands at the right clock.
 *
 * Emulated state is VdpState, plain data without pointers (saved as bytes).
 * The frame buffer is output, not state: it lives beside the state.
 * No global or static mutable state.
 */
#ifndef MDEMU_VDP_H
#define MDEMU_VDP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VDP_MASTER_CLOCKS_PER_LINE 3420
#define VDP_MAX_WIDTH 320
#define VDP_MAX_HEIGHT 480

typedef struct VdpBus {
    void *ctx;
    /* 68000-bus word read for 68000-to-VDP DMA (addr: 24-bit byte address, even). */
    uint16_t (*dma_read16)(void *ctx, uint32_t addr);
} VdpBus;

typedef struct VdpFifoEntry {
    uint16_t addr;
    uint16_t data;
    uint8_t code;
    uint8_t addr_a16;       /* address bit 16 (128 KiB VRAM mode only) */
    uint8_t pad_[2];
} VdpFifoEntry;

/* Emulated state. Fields are the VDP's business; other modules use the API. */
typedef struct VdpState {
    uint8_t vram[0x10000];
    uint16_t cram[64];
    uint16_t vsram[40];
    uint8_t regs[24];
    uint8_t pal;            /* 1 = PAL timing (313 lines) */
    uint8_t pad_[7];
    uint64_t clock;         /* master clock the VDP has reached */
    uint64_t frame_start;   /* master clock at which the current frame began */
    uint64_t frame_count;

    /* Internals below: position, ports, FIFO, DMA, interrupts, flags. */
    uint64_t line_start;        /* master clock at which the current line began */
    uint64_t z80_int_until;     /* Z80 /INT is held low while clock < this */
    VdpFifoEntry fifo[4];       /* ring: pending writes from fifo_head; the rest hold older words */
    uint16_t line;              /* current line, 0 = first active line */
    uint16_t addr;              /* address register */
    /* FIFO write path and 128 KiB mode (vdp_fifo.c, vdp_ports.c): the
     * address register's bit 16, and how many bytes of the oldest FIFO
     * entry are already in VRAM (VRAM takes a word as two byte writes). */
    uint8_t addr_a16;
    uint8_t fifo_head_bytes;
    uint16_t hv_latch;          /* HV counter held while reg 0 bit 1 is set */
    uint16_t stale_data;        /* last word through the FIFO (fills unused read bits) */
    uint16_t copy_byte;         /* byte read by a VRAM copy, awaiting its write slot */
    uint8_t code;               /* code register CD5..CD0 */
    uint8_t latch_pending;      /* first half of a command word has been written */
    uint8_t fifo_head, fifo_count;
    uint8_t dma_kind;           /* VdpDmaKind */
    uint8_t dma_fill_armed;     /* fill command seen, waiting for its data word */
    uint8_t dma_copy_has_byte;  /* copy: copy_byte holds a byte read but not written */
    uint8_t dma_bus_acquired;   /* 68000 DMA: the bus request slot has been spent */
    uint8_t hint_counter;
    uint8_t hint_pending, vint_pending;
    uint8_t sprite_overflow, sprite_collision;
    uint8_t odd_frame;
    uint8_t line_fetched, vint_done; /* the line's fetch point / VINT have passed */
    uint8_t prev_line_dot_overflow; /* enables sprite masking by the first sprite */
    uint8_t hv_latched;
    int8_t field_line_delta;    /* lines this field has beyond 262 / 313 (interlace) */
    /* The line being output: what the VDP fetched before its first dot, and
     * how far the beam has drawn it (changes split the line there). */
    uint8_t line_open;          /* the current line's dots are being output */
    uint8_t line_has_sprites;
    uint8_t line_window[2];     /* regs 17/18 as the line's fetches began */
    uint8_t pad3_;
    uint16_t line_drawn_x;      /* dots of the current line already output */
    uint16_t line_hscroll[2];   /* plane A / B horizontal scroll of the line */
    uint16_t line_width;        /* 256 / 320 as the line began */
    uint16_t line_y;            /* its frame buffer row */
    uint16_t line_fetched_x[2]; /* dots of layer A / B whose plane data has been fetched */
    /* The VDP keeps y, size and link of each sprite in an internal cache
     * that is updated only by writes into the sprite table area (Charles
     * MacDonald, genvdp.txt; Nemesis, SpritesMind sprite cache notes). */
    uint8_t sat_cache[80 * 4];
    /* Sprite phase 1 for the current line, done during the previous line's
     * dots: how many sprites were found on it, their numbers, and the
     * cache's Y (2 bytes) and size of each as they were then, copied from
     * the cache only when it is written before the line uses them. */
    uint8_t scan_count;
    uint8_t scan_attrs_kept;
    uint8_t scan_index[80];
    uint8_t scan_attrs[80 * 3];
    uint8_t pad5_[4];
    /* The line's sprite dots, and its plane A (or window) and plane B dots
     * as fetched so far with 16 dots of margin either side (layer bytes,
     * vdp_render_internal.h); at 16-byte offsets for the vector loads
     * (checked in vdp_state.c). */
    uint8_t line_sprites[VDP_MAX_WIDTH];
    uint8_t line_layers[2][16 + VDP_MAX_WIDTH + 16];
} VdpState;

typedef struct Vdp {
    VdpState state;
    VdpBus bus;
    bool sprite_limit;      /* option: enforce per-line sprite limits (default true) */
    int fb_width, fb_height; /* size of the last completed/current frame */
    uint32_t framebuffer[VDP_MAX_WIDTH * VDP_MAX_HEIGHT]; /* XRGB8888, pitch = fb_width */
    /* Derived from the state, rebuilt on load: not saved. */
    uint32_t dac_rgb[3][512];       /* 9-bit colour -> XRGB: normal, shadow, highlight */
    uint32_t cram_rgb[3][64];       /* CRAM through dac_rgb, updated on CRAM writes */
    uint8_t cram_planes[3][192];    /* cram_rgb's blue, green, red bytes at shade * 64 + colour */
    bool render_vector;             /* host capability: AVX-512 line drawing (vdp_render_vector.c) */
    /* Sprites on each line in link order, from the sprite cache; rebuilt
     * when the cache or the display mode changes. */
    bool sprite_lists_valid;
    uint8_t sprite_line_count[VDP_MAX_HEIGHT];
    uint8_t sprite_line_list[VDP_MAX_HEIGHT][80];
    /* A line drawn at a width other than the frame's, stretched when done. */
    uint32_t line_rgb[VDP_MAX_WIDTH];
    /* Every 4-byte pattern row of VRAM decoded to eight dots (one byte
     * each: colour, plus 0x40 when opaque), kept current on VRAM writes. */
    uint64_t pattern_rows[0x10000 / 4];
} Vdp;

void vdp_init(Vdp *v, const VdpBus *bus, bool pal);
void vdp_reset(Vdp *v);
void vdp_set_pal(Vdp *v, bool pal);

/* Catch up to absolute master clock `clock`. */
void vdp_run(Vdp *v, uint64_t clock);

/* Port accesses (call vdp_run(now) first). The write functions return how
 * many master clocks the writing CPU must wait (FIFO full, or the 68000 is
 * halted for the length of a 68000-to-VDP DMA); 0 when it can go on. */
uint16_t vdp_read_data(Vdp *v);
uint32_t vdp_write_data(Vdp *v, uint16_t value);
uint16_t vdp_read_status(Vdp *v);
/* Status bits the VDP does not drive: 15-10 float, so a 68000 read sees its
 * own bus there (the prefetched next instruction word; genvdp.txt, "Status
 * register"). vdp_read_status returns them as 0; the console ORs in its
 * open-bus value under this mask. */
#define VDP_STATUS_UNDRIVEN_MASK 0xFC00u
uint32_t vdp_write_control(Vdp *v, uint16_t value);
uint16_t vdp_read_hv(Vdp *v);
/* Clocks the reader must wait before a data-port read completes (0 if none).
 * Ask before vdp_read_data, which runs the VDP on through that wait (the
 * queued writes land in their slots) and so leaves its clock ahead. */
uint32_t vdp_read_wait(const Vdp *v);

/* Interrupts: the 68000 IPL level the VDP asserts now (6 VINT, 4 HINT, 0),
 * the acknowledge for that level, and the Z80's /INT line. */
int vdp_irq_level(const Vdp *v);
void vdp_irq_ack(Vdp *v, int level);
/* Master clocks from a change of the pending flags or enable bits to the
 * change of the interrupt output (the caller delays the 68000's IPL by it). */
uint32_t vdp_irq_output_delay(const Vdp *v);
bool vdp_z80_irq(const Vdp *v);
/* Master clock of the next change in interrupt lines (for the scheduler). */
uint64_t vdp_next_event(const Vdp *v);

/* Frame timing: master clocks in the current frame and the clock at which it ends. */
uint32_t vdp_frame_clocks(const Vdp *v);
uint64_t vdp_frame_end(const Vdp *v);
int vdp_line(const Vdp *v); /* current line, 0 = first active line */

/* The frame buffer: XRGB8888, width 256/320, height 224/240 (448/480 in
 * interlace mode 2); pitch in bytes. */
const uint32_t *vdp_framebuffer(const Vdp *v, int *width, int *height, int *pitch);

static inline size_t vdp_state_size(void) { return sizeof(VdpState); }
void vdp_save_state(const Vdp *v, void *out);
void vdp_load_state(Vdp *v, const void *in);

#ifdef __cplusplus
}
#endif
#endif
