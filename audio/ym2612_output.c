/* ym2612_output.c - per-sample sequencing and the 9-bit DAC stage.
 *
 * Each channel's 14-bit sum is cut to its top 9 bits and sent, time
 * multiplexed, through one 9-bit DAC. With register 0x2B bit 7 set, channel
 * 6's code is replaced by register 0x2A (offset binary, bits 8-1) and
 * register 0x2C bit 3 (bit 0, from the die's test register). The discrete
 * YM2612's DAC adds its "ladder effect" (ym_discrete_dac); the integrated
 * YM3438 has none. Register 0x2B is read when channel 6's code is made, at
 * its operator 4 turn, the sample's last: that is when its output cycles
 * come, so a DAC switch reaches the very next output.
 *
 * The sample is worked in 24 slot turns as clocks pass, so a register
 * write reaches the operators whose turn in the sample is still to come;
 * the turns between two writes are worked in one go (ym2612_operator.c),
 * and whole samples without a write many at a time (ym2612_batch.c).
 * Channel 6's DAC register code is picked there too.
 */
#include "ym2612_internal.h"

static void dac_mix(const Ym2612 *ym, int16_t *left, int16_t *right)
{
    const Ym2612State *s = &ym->state;
    int sum_left = 0, sum_right = 0;
    if (ym->model == YM2612_MODEL_DISCRETE) {
        for (unsigned ch = 0; ch < 6; ch++) {
            if (ym->mute_mask & (1u << ch)) continue;
            const Ym2612Channel *c = &s->channels[ch];
            sum_left += ym_discrete_dac(c->dac_code, c->pan_left);
            sum_right += ym_discrete_dac(c->dac_code, c->pan_right);
        }
    } else {
        for (unsigned ch = 0; ch < 6; ch++) {
            if (ym->mute_mask & (1u << ch)) continue;
            const Ym2612Channel *c = &s->channels[ch];
            sum_left += c->dac_code & c->pan_left;
            sum_right += c->dac_code & c->pan_right;
        }
    }
    *left = (int16_t)(sum_left * YM2612_OUTPUT_SCALE);
    *right = (int16_t)(sum_right * YM2612_OUTPUT_SCALE);
}

void ym_finish_sample(Ym2612 *ym, int16_t *lr)
{
    Ym2612State *s = &ym->state;
    int16_t left, right;
    dac_mix(ym, &left, &right);
    if (lr) {
        lr[0] = left;
        lr[1] = right;
    }
    ym_timers_tick(s);
    ym_lfo_step(s);
}

#define YM_CLOCKS_PER_SLOT (YM2612_CLOCKS_PER_SAMPLE / 24)

void ym2612_sync(Ym2612 *ym)
{
    Ym2612State *s = &ym->state;
    unsigned due = s->clock_in_sample / YM_CLOCKS_PER_SLOT;
    if (due > s->turns_done) {
        ym_process_slots(ym, s->turns_done, due);
        s->turns_done = (uint8_t)due;
    }
}

/* Slot turn k of a sample is due when the clock reaches (k + 1) * 6 within
 * it. Turns are worked when a sample ends, or earlier by ym2612_sync when a
 * write comes: so a sample that a write split is finished on its own, and
 * the samples after it, which no write can reach during this call, are
 * worked together. */
int ym2612_run(Ym2612 *ym, uint32_t clocks, int16_t *out)
{
    Ym2612State *s = &ym->state;
    if (s->clock_in_sample >= YM2612_CLOCKS_PER_SAMPLE) s->clock_in_sample = 0; /* damaged save state */
    uint32_t to_sample_end = YM2612_CLOCKS_PER_SAMPLE - s->clock_in_sample;
    s->clock += clocks;
    if (clocks < to_sample_end) {
        s->clock_in_sample += clocks;
        return 0;
    }
    uint32_t after_first = clocks - to_sample_end;
    unsigned samples = 1 + after_first / YM2612_CLOCKS_PER_SAMPLE;
    s->clock_in_sample = after_first % YM2612_CLOCKS_PER_SAMPLE;
    unsigned done = 0;
    if (s->turns_done != 0) {
        ym_process_slots(ym, s->turns_done, 24);
        s->turns_done = 0;
        ym_finish_sample(ym, out);
        done = 1;
    }
    ym_run_whole_samples(ym, samples - done, out ? out + 2 * done : NULL);
    return (int)samples;
}
