/* ym2612.h - Yamaha YM2612 (OPN2) FM synthesizer: public API.
 *
 * Clocked in "YM clocks" = master clock / 7 (the 68000 clock). One output
 * sample is produced every 144 YM clocks (about 53,267 Hz NTSC). The chip
 * keeps its position within a sample, so a write lands on the sample (and
 * internal cycle) it hits. State is plain data (Ym2612State); no global or
 * static mutable state.
 *
 * Output scale (for the mixer): each channel drives the chip's 9-bit DAC
 * with a code in -256..+255; the discrete YM2612 adds its "ladder" offset
 * (+4 for codes >= 0, -3 below, +-4 panned off: so -259..+259, with a DC
 * offset the mixer's high-pass removes). Every DAC step is
 * YM2612_OUTPUT_SCALE in the int16 output, and the six channels are summed
 * per side, so the extreme output is 6 * 259 * 21 = 32634: six channels at
 * full level never clip. One channel's full-scale sine peaks at about
 * +-5355.
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
#define YM2612_OUTPUT_SCALE 21 /* int16 units per 9-bit DAC step */
/* A data-port write keeps the busy flag set for 32 internal cycles of 6
 * clocks (Eke's hardware measurements and Sauraen's die analysis,
 * SpritesMind YM2612 thread). */
#define YM2612_BUSY_CLOCKS (32 * 6)
/* Attenuations per sign in Ym2612.exp_signed: more than the largest
 * log-sin value (2137) plus the largest level that can still be heard
 * (0x340 << 2: 13 octaves, where the output has shifted to 0). */
#define YM2612_EXP_SPAN 0x1600
/* Entries of Ym2612.logsin_signed: the 1024 phases and the repeats the
 * batch's operator 1 feedback index reaches (ym2612_batch.c). */
#define YM2612_LOGSIN_SPAN (1024 + 4096)

typedef enum Ym2612Model {
    YM2612_MODEL_DISCRETE = 0, /* YM2612 with the DAC "ladder effect" */
    YM2612_MODEL_YM3438 = 1    /* integrated YM3438: no ladder effect */
} Ym2612Model;

typedef enum Ym2612EgStage {
    YM2612_EG_ATTACK = 0,
    YM2612_EG_DECAY = 1,
    YM2612_EG_SUSTAIN = 2,
    YM2612_EG_RELEASE = 3
} Ym2612EgStage;

/* One operator ("slot"). The fields marked "derived" are functions of the
 * registers and the rest of the state, kept up to date whenever their inputs
 * change so the per-sample work reads them instead of recomputing them; they
 * live in the state so a memcpy'd save state carries them consistently. */
typedef struct Ym2612Slot {
    uint32_t phase;        /* 20-bit phase accumulator */
    uint16_t attenuation;  /* 10-bit envelope level, 0 = loudest, 0x3FF = silent */
    uint8_t eg_stage;      /* Ym2612EgStage */
    uint8_t key;           /* key as the envelope last latched it, at this operator's turn */
    uint8_t reg_key;       /* key from register 0x28, as applied at its channel's turn */
    uint8_t ssg_inverted;  /* SSG-EG alternate toggle */
    int16_t output;        /* latest 14-bit operator output */
    uint32_t phase_step;   /* derived: phase increment per sample, with LFO PM */
    uint16_t eg_level;     /* derived: envelope level after SSG-EG inversion and TL (no TL on channel 3 in CSM mode) */
    uint8_t am_mask;       /* derived: 0xFF when LFO AM applies to this operator, else 0 */
    uint8_t pad_;
    uint8_t eg_rate[4];    /* derived: effective rate 0..63 of each Ym2612EgStage */
    uint16_t eg_idle_mask; /* derived: envelope counter bits that must be 0 for an update to act */
    uint16_t pad2_;
} Ym2612Slot;

typedef struct Ym2612Channel {
    uint16_t fnum;          /* committed 11-bit F-number */
    uint8_t block;          /* committed 3-bit block */
    uint8_t pad_;
    int16_t previous[4];    /* each operator's output before its latest one */
    int16_t dac_code;       /* last 9-bit code sent to the DAC */
    int16_t accumulator;    /* carriers added so far in a sample a write split; 0 between samples */
    uint8_t am_shift;       /* derived: right shift of the LFO AM triangle for AMS */
    uint8_t feedback_shift; /* derived: 10 - FB, or 0 without feedback */
    int8_t pan_left;        /* derived: -1 when the channel is on the left output, else 0 */
    int8_t pan_right;       /* derived: the same for the right output */
} Ym2612Channel;

/* Emulated state: fields are the chip's business. Operators are indexed by
 * their number minus one (operator 1..4), not by register order. */
typedef struct Ym2612State {
    uint8_t regs[2][256];
    Ym2612Slot slots[6][4];
    Ym2612Channel channels[6];
    uint16_t ch3_fnum[3];   /* channel 3 special mode, registers 0xA8..0xAA */
    uint8_t ch3_block[3];
    uint8_t freq_latch;     /* shared latch of registers 0xA4..0xA6 */
    uint8_t ch3_freq_latch; /* shared latch of registers 0xAC..0xAE */
    uint8_t address;        /* latched register address */
    uint8_t status;         /* timer flags: bit 1 timer B, bit 0 timer A */
    uint8_t csm_key;        /* CSM key-on pending release after one sample */
    uint16_t timer_a;       /* timer A up-counter (10 bits) */
    uint8_t timer_b;        /* timer B up-counter (8 bits) */
    uint8_t timer_b_prescale; /* timer B counts every 16 samples */
    uint16_t eg_counter;    /* global 12-bit envelope counter */
    uint8_t eg_divider;     /* envelopes update every 3rd sample */
    uint8_t lfo_counter;    /* 7-bit LFO step */
    uint8_t lfo_divider;    /* 8-bit LFO divider, counting samples (ym2612_lfo.c) */
    uint8_t eg_update;      /* envelopes update during this sample */
    uint8_t turns_done;     /* slot turns of this sample worked so far (see ym2612_sync) */
    uint8_t kon_channel;    /* channel 0..5 of a register 0x28 write still to apply, else 0xFF */
    uint8_t kon_operators;  /* its operator bits 0..3 = operators 1..4, applied at the channel's turns */
    uint8_t timer_running;  /* register 0x27 load bits 1-0 as the timers last latched them */
    uint8_t pad_[4];        /* explicit up to clock's alignment: a save state has no unnamed bytes */
    uint64_t clock;         /* YM clocks since reset */
    uint64_t busy_until;    /* clock at which the busy flag drops */
    uint32_t clock_in_sample;
    uint32_t pad2_;
} Ym2612State;

typedef struct Ym2612 {
    Ym2612State state;
    Ym2612Model model; /* configuration */
    uint8_t mute_mask; /* bit n mutes channel n+1 (debugging) */
    /* ROM tables rebuilt from their formulas by ym2612_init (not state). */
    uint16_t logsin_rom[256]; /* -log2(sin) of a quarter wave, 4.8 fixed point */
    uint16_t exp_rom[256];    /* (2^(i/256) - 1) * 1024 */
    /* Lookup tables derived from the ROMs by ym2612_init (not state): an
     * operator's output is exp_signed[logsin_signed[phase] + level]. */
    /* logsin_rom over the whole wave, + YM2612_EXP_SPAN on the negative half,
     * repeated up to the largest feedback index (phase + 2^15 >> 3), which
     * then needs no wrap. */
    uint16_t logsin_signed[YM2612_LOGSIN_SPAN];
    int16_t exp_signed[2 * YM2612_EXP_SPAN]; /* signed output per attenuation: positive half, then negative */
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

/* The operator turns of a sample (one every 6 clocks) are worked lazily:
 * those already due wait until the next data-port write (which must only
 * reach later turns) or the end of the sample, so output is the same. This
 * works the due turns now, for debuggers and tests that read the state
 * mid-sample; save states need not call it. */
void ym2612_sync(Ym2612 *ym);

/* Envelope level an operator feeds its log-sin adder this sample (10 bits,
 * after SSG-EG inversion and TL, before LFO AM; channel 3 in CSM mode adds
 * no TL here, its CSM key-ons OR TL into the envelope level); for tests
 * and debuggers.
 * channel 0..5, op 0..3 = operator 1..4. */
unsigned ym2612_operator_level(const Ym2612 *ym, unsigned channel, unsigned op);

static inline size_t ym2612_state_size(void) { return sizeof(Ym2612State); }
void ym2612_save_state(const Ym2612 *ym, void *out);
void ym2612_load_state(Ym2612 *ym, const void *in);
/* Masks and clamps every field of the state to what a running chip can
 * reach and recomputes the derived fields (load_state calls it, as a loaded
 * state may hold any bytes); a state saved from a real run is unchanged. */
void ym2612_sanitize_state(Ym2612 *ym);

#ifdef __cplusplus
}
#endif
#endif
