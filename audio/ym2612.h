/* ym2612.h - Yamaha YM2612 (OPN2) FM synthesizer: public API.
 *
 * Clocked in "YM clocks" = master clock / 7 (the 68000 clock). One output
 * sample is produced every 144 YM clocks (about 53,267 Hz NTSC). The chip
 * keeps its position within a sample, so a write lands on the sample (and
 * internal cycle) it hits. State is plain data (Ym2612State); no global or
 * static mutable state.
 */
#ifndef MDEMU_YM2612_H
#define MDEMU_YM2612_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define YM2612_CLOCKS_PER_SAMPLE 144

typedef enum Ym2612Model {
    YM2612_MODEL_DISCRETE = 0, /* YM2612 with the DAC "ladder effect" */
    YM2612_MODEL_YM3438 = 1    /* integrated YM3438: no ladder effect */
} Ym2612Model;

/* Emulated state: fields are the chip's business. */
typedef struct Ym2612State {
    uint8_t regs[2][256];
    uint32_t internal[1024]; /* operators, envelopes, LFO, timers, pipeline latches */
    uint32_t clock_in_sample;
    uint32_t pad_;
} Ym2612State;

typedef struct Ym2612 {
    Ym2612State state;
    Ym2612Model model; /* configuration */
    uint8_t mute_mask; /* bit n mutes channel n+1 (debugging) */
} Ym2612;

void ym2612_init(Ym2612 *ym, Ym2612Model model);
void ym2612_reset(Ym2612 *ym);
/* addr 0..3 = A1:A0 (0 address port 1, 1 data port 1, 2 address port 2, 3 data port 2). */
void ym2612_write(Ym2612 *ym, unsigned addr, uint8_t value);
uint8_t ym2612_read_status(const Ym2612 *ym); /* busy bit 7, timer B bit 1, timer A bit 0 */
/* Advance by `clocks` YM clocks; write each completed sample as interleaved
 * L,R int16 into out (out may be NULL). Returns samples produced. out must
 * hold (clock_in_sample + clocks) / 144 stereo samples. */
int ym2612_run(Ym2612 *ym, uint32_t clocks, int16_t *out);

static inline size_t ym2612_state_size(void) { return sizeof(Ym2612State); }
void ym2612_save_state(const Ym2612 *ym, void *out);
void ym2612_load_state(Ym2612 *ym, const void *in);

#ifdef __cplusplus
}
#endif
#endif
