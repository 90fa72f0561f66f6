/* ym_ref.h - test-only reference model of the YM2612 (OPN2), stepped one
 * YM clock at a time and one internal cycle (6 YM clocks, one operator
 * slot) at a time, written from published descriptions of the die and
 * hardware measurements (sources cited where each fact is used); the few
 * pipeline-timing rules no public description gives are marked as taken
 * from the die analysis the library cites. It is the oracle the library in
 * audio/ is compared against; it is deliberately slow and literal, and
 * shares no code with the library.
 *
 * Framing: a sample is 24 cycles. Cycle k of a sample (k = 0..23) works the
 * slot of operator group k / 6 (operators 1, 3, 2, 4) of channel k % 6 + 1
 * and ends when the sample's clock count reaches 6 * (k + 1); a register
 * write made before that clock is seen by the cycle. */
#ifndef YM_REF_H
#define YM_REF_H

#include <stdint.h>

#define YM_REF_CLOCKS_PER_CYCLE 6
#define YM_REF_CYCLES_PER_SAMPLE 24

typedef enum YmRefStage { YM_REF_ATTACK, YM_REF_DECAY, YM_REF_SUSTAIN, YM_REF_RELEASE } YmRefStage;

typedef struct YmRefSlot {
    uint32_t phase;      /* 20-bit phase counter */
    uint16_t level;      /* 10-bit envelope attenuation */
    uint8_t stage;       /* YmRefStage */
    uint8_t key;         /* key state seen at this slot's last cycle */
    uint8_t ssg_invert;  /* SSG-EG alternate flip-flop */
    int16_t out;         /* latest 14-bit output */
    int16_t out_before;  /* the output before it */
} YmRefSlot;

typedef struct YmRef {
    uint8_t regs[2][256];
    uint8_t address;      /* latched register number */
    uint8_t address_bank; /* port of the latched address */
    uint8_t fnum_latch;   /* shared high-byte latch of 0xA4..0xA6 */
    uint8_t ch3_latch;    /* shared high-byte latch of 0xAC..0xAE */
    uint16_t fnum[6];     /* committed F-number and block per channel */
    uint8_t block[6];
    uint16_t ch3_fnum[3]; /* channel 3 special mode: 0xA8..0xAA */
    uint8_t ch3_block[3];
    uint8_t model_discrete; /* 1: YM2612 DAC ladder offset, 0: YM3438 */
    YmRefSlot slot[6][4]; /* [channel][operator number - 1] */
    uint8_t reg_key[6][4]; /* key bit each slot has from the key-on shift register */
    uint8_t kon_channel;   /* register 0x28 latch: channel 0..5, 0xFF none */
    uint8_t kon_operators; /* its bits 0..3 = operators 1..4 */
    uint8_t kon_taken[6];        /* the latch as each channel's operator 1 cycle took it */
    uint8_t kon_taken_valid[6];  /* ... when the latch named the channel */
    uint8_t kon_before[6];       /* the same one sample earlier */
    uint8_t kon_before_valid[6];
    int16_t accumulator[6];
    int16_t code[6];      /* 9-bit DAC code of each channel for the last whole sample */
    int16_t left, right;  /* the last sample's output in DAC steps */
    uint32_t clock_in_sample;
    uint64_t samples;
    /* Envelope clock */
    uint8_t eg_divider;
    uint8_t eg_this_sample; /* this sample is an envelope update sample */
    uint16_t eg_counter;    /* 12-bit global counter this sample sees */
    /* LFO */
    uint8_t lfo_counter;  /* 7 bits */
    uint8_t lfo_divider;
    /* Timers */
    uint16_t timer_a;
    uint8_t timer_b;
    uint8_t timer_b_sub;  /* timer B counts every 16 samples */
    uint8_t timer_control; /* last value of register 0x27 */
    uint8_t timer_load_lock; /* its load bits as the timers last latched them */
    uint8_t status;       /* bit 0 timer A flag, bit 1 timer B flag */
    uint8_t csm_key;      /* CSM key-on of channel 3 active this sample */
    /* ROMs generated from their formulas (die analysis: both are 256-entry
     * quarter-wave/fraction ROMs). */
    uint16_t logsin_rom[256];
    uint16_t exp_rom[256];
} YmRef;

void ym_ref_init(YmRef *ref, int discrete);
/* addr 0..3 = A1:A0 as on the chip's bus. */
void ym_ref_write(YmRef *ref, unsigned addr, uint8_t value);
/* One YM clock; returns 1 when it completed a sample. */
int ym_ref_clock(YmRef *ref);
uint8_t ym_ref_status(const YmRef *ref);

/* Internal pieces (ym_ref_slot.c), for the model's own files. */
void ym_ref_build_roms(YmRef *ref);
int ym_ref_operator(const YmRef *ref, unsigned phase10, unsigned attenuation10);
void ym_ref_slot_cycle(YmRef *ref, unsigned ch, unsigned op);
unsigned ym_ref_lfo_am(const YmRef *ref, unsigned ams);
int ym_ref_lfo_pm(const YmRef *ref, unsigned pms, unsigned fnum);
unsigned ym_ref_eg_increment(unsigned rate, unsigned counter);

#endif
