/* ym_ref.c - reference YM2612: bus interface, the 24-cycle sample sequence,
 * timers, LFO clock, envelope clock and the DAC stage. The per-slot work of
 * a cycle is in ym_ref_slot.c.
 *
 * Sources for the facts used here:
 * - YM2612 application manual / Sega Genesis software manual: register map,
 *   timer A (10 bits, one count per 144 clocks) and timer B (8 bits, one
 *   count per 16 timer A periods), register 0x27 bits, LFO frequencies
 *   3.98 .. 72.2 Hz at an 8 MHz clock (= 55.6 kHz sample rate: 109, 78, 72,
 *   68, 63, 45, 9 and 6 samples per LFO step as published; the chip steps
 *   one sample sooner, see lfo_tick).
 * - Sauraen's die analysis and Nemesis' hardware tests (SpritesMind forum
 *   thread "New Documentation: An authoritative reference on the YM2612"):
 *   one internal cycle per 6 clocks, 24 slots per sample, operator order
 *   1, 3, 2, 4 with the six channels in turn, shared F-number latches,
 *   the DAC's 9-bit channel codes with register 0x2A in bits 8..1 and test
 *   register 0x2C bit 3 in bit 0.
 * - nukeykt's YM3438 die analysis (the envelope divider of 3 samples, its
 *   12-bit counter, the LFO divider compared against a bit mask).
 * - TmEE's and Nemesis' recordings of the discrete YM2612's DAC: negative
 *   codes sit one step further from zero ("ladder effect").
 */
#include <math.h>
#include <string.h>

#include "ym_ref.h"

/* Operator number - 1 of each group of six cycles. */
static const uint8_t group_operator[4] = { 0, 2, 1, 3 };

/* Samples per LFO step, register 0x22 bits 2-0: one less than the
 * datasheet frequencies give (see lfo_tick). */
static const uint8_t lfo_period_mask[8] = { 108, 77, 71, 67, 62, 44, 8, 5 };

void ym_ref_init(YmRef *ref, int discrete)
{
    memset(ref, 0, sizeof *ref);
    ref->model_discrete = (uint8_t)(discrete != 0);
    ym_ref_build_roms(ref);
    for (unsigned ch = 0; ch < 6; ch++) {
        /* Both outputs are on after reset (observed on hardware). */
        ref->regs[ch / 3][0xB4 + ch % 3] = 0xC0;
        for (unsigned op = 0; op < 4; op++) {
            ref->slot[ch][op].level = 0x3FF;
            ref->slot[ch][op].stage = YM_REF_RELEASE;
        }
    }
    /* Envelope updates come every third sample; after reset the first is
     * sample 1 and sees counter 0 (YM3438 die analysis). */
    ref->eg_divider = 1;
    ref->kon_channel = 0xFF;
}

uint8_t ym_ref_status(const YmRef *ref) { return ref->status; }

static uint16_t timer_a_value(const YmRef *ref)
{
    return (uint16_t)((ref->regs[0][0x24] << 2) | (ref->regs[0][0x25] & 3));
}

/* Register 0x27's load bits do nothing at the write: the timer unit
 * latches them once per sample (timers_tick). */
static void write_timer_control(YmRef *ref, uint8_t value)
{
    if (value & 0x10) ref->status &= (uint8_t)~1u;
    if (value & 0x20) ref->status &= (uint8_t)~2u;
    ref->timer_control = value & 0xCF;
}

/* Register 0x28 is one latch: channel (0-2, 4-6) and operator bits 4..7
 * for operators 1..4; each slot of that channel picks it up as it passes.
 * Channel codes 3 and 7 name no channel. */
static void write_key(YmRef *ref, uint8_t value)
{
    unsigned select = value & 7;
    ref->kon_channel = (select & 3) == 3 ? 0xFF : (uint8_t)((select & 3) + ((select & 4) ? 3 : 0));
    ref->kon_operators = (uint8_t)(value >> 4);
}

static void write_data(YmRef *ref, unsigned bank, uint8_t reg, uint8_t value)
{
    if (reg < 0x30) {
        if (bank != 0 || reg < 0x21) return;
        if (reg == 0x27) write_timer_control(ref, value);
        if (reg == 0x28) write_key(ref, value);
        ref->regs[0][reg] = value;
        return;
    }
    ref->regs[bank][reg] = value;
    unsigned index = reg & 3;
    if (index == 3 || reg < 0xA0 || reg >= 0xB0) return;
    /* F-numbers: the high byte waits in a latch shared by all channels
     * until the low byte is written (application manual; Nemesis). */
    switch (reg & 0xFC) {
    case 0xA4: ref->fnum_latch = value & 0x3F; break;
    case 0xA0:
        ref->fnum[bank * 3 + index] = (uint16_t)(((ref->fnum_latch & 7u) << 8) | value);
        ref->block[bank * 3 + index] = (uint8_t)(ref->fnum_latch >> 3);
        break;
    case 0xAC:
        if (bank == 0) ref->ch3_latch = value & 0x3F;
        break;
    case 0xA8:
        if (bank == 0) {
            ref->ch3_fnum[index] = (uint16_t)(((ref->ch3_latch & 7u) << 8) | value);
            ref->ch3_block[index] = (uint8_t)(ref->ch3_latch >> 3);
        }
        break;
    default: break;
    }
}

void ym_ref_write(YmRef *ref, unsigned addr, uint8_t value)
{
    if ((addr & 1) == 0) {
        ref->address = value;
        ref->address_bank = (uint8_t)((addr >> 1) & 1);
        return;
    }
    write_data(ref, (addr >> 1) & 1, ref->address, value);
}

static void sample_start(YmRef *ref)
{
    ref->eg_divider = (uint8_t)((ref->eg_divider + 1) % 3);
    ref->eg_this_sample = ref->eg_divider == 0;
}

/* Channel 6's code for the DAC: register 0x2A in bits 8..1 (offset
 * binary), test register 0x2C bit 3 in bit 0 (Sauraen, die). */
static int dac_register_code(const YmRef *ref)
{
    return ((int)ref->regs[0][0x2A] - 128) * 2 + ((ref->regs[0][0x2C] >> 3) & 1);
}

static void dac_output(YmRef *ref)
{
    int left = 0, right = 0;
    for (unsigned ch = 0; ch < 6; ch++) {
        int code = ref->code[ch];
        uint8_t pan = ref->regs[ch / 3][0xB4 + ch % 3];
        /* The DAC gives each channel 4 of the 24 cycles of a sample: its
         * code in one, and on the discrete YM2612 only the code's sign in
         * the other three (and in all four on a side it is not panned to),
         * with codes >= 0 one step up (nukeykt's hardware test in the
         * chip's PCM test mode, Genesis-Plus-GX pull request 179). Summed
         * over the 4 cycles, with the code's own cycle counted once. The
         * YM3438 leaves the other cycles at 0. */
        int on_left = (pan & 0x80) != 0, on_right = (pan & 0x40) != 0;
        if (ref->model_discrete) {
            int sign_level = code < 0 ? -1 : 1;
            int code_cycle = code < 0 ? code : code + 1;
            left += on_left ? code_cycle + 3 * sign_level : 4 * sign_level;
            right += on_right ? code_cycle + 3 * sign_level : 4 * sign_level;
        } else {
            left += on_left ? code : 0;
            right += on_right ? code : 0;
        }
    }
    ref->left = (int16_t)left;
    ref->right = (int16_t)right;
}

/* Once a sample a timer whose latched load bit is set counts; then the
 * load bits are latched: an overflow or a load bit that rose since the last
 * latch reloads the counter, which so counts first one sample later; in CSM
 * mode that reload, either kind, keys channel 3 on for the next sample
 * (nukeykt's YM3438 die analysis, Nuked-OPN2: load bits latched at one
 * cycle per sample, load = overflow | rising latched bit, CSM key-on =
 * load; the same load signal feeds CSM on the die-traced YM2151,
 * ika-musume's IKAOPM_timer.v). */
static void timers_tick(YmRef *ref)
{
    uint8_t control = ref->timer_control;
    int a_overflow = 0, b_overflow = 0;
    if ((ref->timer_load_lock & 1) && ++ref->timer_a >= 1024) a_overflow = 1;
    if (++ref->timer_b_sub >= 16) {
        ref->timer_b_sub = 0;
        if ((ref->timer_load_lock & 2) && ++ref->timer_b == 0) b_overflow = 1;
    }
    int a_load = a_overflow || ((control & 1) && !(ref->timer_load_lock & 1));
    int b_load = b_overflow || ((control & 2) && !(ref->timer_load_lock & 2));
    ref->timer_load_lock = control & 3;
    if (a_overflow && (control & 4)) ref->status |= 1;
    if (b_overflow && (control & 8)) ref->status |= 2;
    if (a_load) ref->timer_a = timer_a_value(ref);
    if (b_load) ref->timer_b = ref->regs[0][0x26];
    ref->csm_key = (uint8_t)(a_load && (control & 0xC0) == 0x80);
}

/* The divider counts samples; when it has every bit of the period value
 * set the LFO steps and the divider restarts, counting that same sample as
 * its first: a step every `period` samples. The datasheet's frequencies
 * imply one sample more, but hardware tests and the die model show the
 * chip one sample faster than published (ymfm, opn_registers_base::
 * clock_noise_and_lfo, note on the off-by-one). While the LFO is disabled
 * the counter is held at 0 and the divider runs on (nukeykt's die
 * analysis as the library restates it). */
static void lfo_tick(YmRef *ref)
{
    uint8_t reg = ref->regs[0][0x22];
    uint8_t mask = lfo_period_mask[reg & 7];
    if ((ref->lfo_divider & mask) == mask) {
        ref->lfo_divider = 1;
        if (reg & 8) ref->lfo_counter = (uint8_t)((ref->lfo_counter + 1) & 0x7F);
    } else {
        ref->lfo_divider++;
    }
    if (!(reg & 8)) ref->lfo_counter = 0;
}

static void sample_end(YmRef *ref)
{
    dac_output(ref);
    timers_tick(ref);
    lfo_tick(ref);
    if (ref->eg_this_sample) {
        /* 12 bits; the wrap skips 0 (YM3438 die analysis). */
        ref->eg_counter = (uint16_t)((ref->eg_counter + 1) & 0xFFF);
        if (ref->eg_counter == 0) ref->eg_counter = 1;
    }
    ref->samples++;
}

int ym_ref_clock(YmRef *ref)
{
    ref->clock_in_sample++;
    if (ref->clock_in_sample % YM_REF_CLOCKS_PER_CYCLE == 0) {
        unsigned cycle = ref->clock_in_sample / YM_REF_CLOCKS_PER_CYCLE - 1;
        unsigned group = cycle / 6, ch = cycle % 6;
        if (cycle == 0) sample_start(ref);
        if (group == 0) ref->accumulator[ch] = 0;
        ym_ref_slot_cycle(ref, ch, group_operator[group]);
        if (group == 3) {
            int code = ref->accumulator[ch];
            if (ch == 5 && (ref->regs[0][0x2B] & 0x80)) code = dac_register_code(ref);
            ref->code[ch] = (int16_t)code;
        }
    }
    if (ref->clock_in_sample == YM_REF_CLOCKS_PER_CYCLE * YM_REF_CYCLES_PER_SAMPLE) {
        sample_end(ref);
        ref->clock_in_sample = 0;
        return 1;
    }
    return 0;
}
