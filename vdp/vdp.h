/* vdp.h - Sega Genesis Video Display Processor (315-5313): public API of vdp/.
 *
 * The VDP keeps its own position in master clocks (3,420 per line; 262 lines
 * NTSC, 313 PAL). vdp_run(v, t) catches it up to absolute master clock t:
 * lines are rendered as they complete, the FIFO drains in the access slots,
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
    uint32_t internal[64];  /* command latch, address, code, FIFO, DMA, counters... */
} VdpState;

typedef struct Vdp {
    VdpState state;
    VdpBus bus;
    bool sprite_limit;      /* option: enforce per-line sprite limits (default true) */
    int fb_width, fb_height; /* size of the last completed/current frame */
    uint32_t framebuffer[VDP_MAX_WIDTH * VDP_MAX_HEIGHT]; /* XRGB8888, pitch = fb_width */
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
uint32_t vdp_write_control(Vdp *v, uint16_t value);
uint16_t vdp_read_hv(Vdp *v);
/* Clocks the reader must wait before a data-port read completes (0 if none). */
uint32_t vdp_read_wait(const Vdp *v);

/* Interrupts: the 68000 IPL level the VDP asserts now (6 VINT, 4 HINT, 0),
 * the acknowledge for that level, and the Z80's /INT line. */
int vdp_irq_level(const Vdp *v);
void vdp_irq_ack(Vdp *v, int level);
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
