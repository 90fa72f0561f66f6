/* ym2612_sanitize.c - bring a loaded state into the range a running chip
 * can reach.
 *
 * A save state is trusted data only as far as its CRC goes: a crafted one
 * may hold any bytes. Every field is masked or clamped to the values the
 * chip's own updates can produce, and the derived fields are computed
 * again from the registers and the rest of the state, which is how they are
 * defined (ym2612_derived.c). A state a real run produced is already in
 * range and its derived fields already equal what the registers give, so it
 * comes out unchanged.
 */
#include <string.h>

#include "ym2612_internal.h"

/* Operator outputs are 14-bit signed; the exponent table's largest
 * magnitude (8168) is below this. */
#define YM_OUTPUT_MAX 8191
/* A channel's DAC code is its 14-bit sum's top 9 bits, or the 9-bit code
 * of registers 0x2A/0x2C. */
#define YM_DAC_CODE_MIN (-256)
#define YM_DAC_CODE_MAX 255

static int16_t clamp_i16(int16_t v, int lo, int hi)
{
    return (int16_t)(v < lo ? lo : v > hi ? hi : v);
}

static void sanitize_slot(Ym2612Slot *slot)
{
    slot->phase &= 0xFFFFF;
    slot->attenuation &= 0x3FF;
    slot->eg_stage &= 3;
    slot->reg_key &= 1;
    slot->key &= 1;
    slot->ssg_inverted &= 1;
    slot->output = clamp_i16(slot->output, -YM_OUTPUT_MAX, YM_OUTPUT_MAX);
    slot->pad_ = 0;
    slot->pad2_ = 0;
}

static void sanitize_channel(Ym2612Channel *c)
{
    c->fnum &= 0x7FF;
    c->block &= 7;
    c->pad_ = 0;
    for (unsigned op = 0; op < 4; op++) c->previous[op] = clamp_i16(c->previous[op], -YM_OUTPUT_MAX, YM_OUTPUT_MAX);
    c->dac_code = clamp_i16(c->dac_code, YM_DAC_CODE_MIN, YM_DAC_CODE_MAX);
    c->accumulator = clamp_i16(c->accumulator, YM_DAC_CODE_MIN, YM_DAC_CODE_MAX);
}

static void sanitize_globals(Ym2612State *s)
{
    /* Writes below 0x30 reach only registers 0x21..0x2F of port 1: the rest
     * of that range stays 0. */
    for (unsigned reg = 0; reg < 0x30; reg++) {
        if (reg < 0x21) s->regs[0][reg] = 0;
        s->regs[1][reg] = 0;
    }
    for (unsigned i = 0; i < 3; i++) {
        s->ch3_fnum[i] &= 0x7FF;
        s->ch3_block[i] &= 7;
    }
    s->freq_latch &= 0x3F;
    s->ch3_freq_latch &= 0x3F;
    s->status &= 3;
    s->csm_key &= 1;
    if (s->kon_channel > 5) s->kon_channel = 0xFF;
    s->kon_operators &= 15;
    s->timer_running &= 3;
    s->timer_a &= 0x3FF;
    s->timer_b_prescale &= 15;
    s->eg_counter &= 0xFFF;
    if (s->eg_divider > 2) s->eg_divider = 2;
    s->lfo_counter &= 0x7F;
    /* the LFO divider may hold any 8-bit value: a period written while it
     * is past the new one leaves it running on until its bits match */
    s->eg_update &= 1;
    memset(s->pad_, 0, sizeof s->pad_);
    s->pad2_ = 0;
    /* Within a sample: 144 clocks, and no more turns worked than are due. */
    if (s->clock_in_sample >= YM2612_CLOCKS_PER_SAMPLE) s->clock_in_sample = 0;
    unsigned due = s->clock_in_sample / (YM2612_CLOCKS_PER_SAMPLE / 24);
    if (s->turns_done > due) s->turns_done = (uint8_t)due;
}

void ym2612_sanitize_state(Ym2612 *ym)
{
    Ym2612State *s = &ym->state;
    sanitize_globals(s);
    for (unsigned ch = 0; ch < 6; ch++) {
        sanitize_channel(&s->channels[ch]);
        for (unsigned op = 0; op < 4; op++) sanitize_slot(&s->slots[ch][op]);
    }
    ym_derive_all(s);
}
