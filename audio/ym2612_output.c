/* ym2612_output.c - per-sample sequencing and the 9-bit DAC stage.
 *
 * Each channel's 14-bit sum is cut to its top 9 bits and sent, time
 * multiplexed, through one 9-bit DAC. With register 0x2B bit 7 set, channel
 * 6's code is replaced by register 0x2A (offset binary, bits 8-1) and
 * register 0x2C bit 3 (bit 0, from the die's test register). The discrete
 * YM2612's DAC puts negative codes one step further from zero than the
 * positive ones and keeps that step even for a channel panned off: the
 * "ladder effect" crossover distortion (TmEE's and Aly James' hardware
 * recordings, SpritesMind). The integrated YM3438 has no such step.
 *
 * The sample is worked slot by slot as clocks pass, so a register write
 * reaches the operators whose turn in the sample is still to come.
 */
#include "ym2612_internal.h"

static int dac_register_code(const Ym2612State *s)
{
    return ((int)s->regs[0][0x2A] - 128) * 2 + ((s->regs[0][0x2C] >> 3) & 1);
}

static void dac_mix(const Ym2612 *ym, int16_t *left, int16_t *right)
{
    const Ym2612State *s = &ym->state;
    int sum_left = 0, sum_right = 0;
    for (unsigned ch = 0; ch < 6; ch++) {
        if (ym->mute_mask & (1u << ch)) continue;
        int code = s->channels[ch].dac_code;
        uint8_t pan = ym_ch_reg(s, ch, 0xB4);
        int ladder = (ym->model == YM2612_MODEL_DISCRETE && code < 0) ? -1 : 0;
        sum_left += ((pan & 0x80) ? code : 0) + ladder;
        sum_right += ((pan & 0x40) ? code : 0) + ladder;
    }
    *left = (int16_t)(sum_left * YM2612_OUTPUT_SCALE);
    *right = (int16_t)(sum_right * YM2612_OUTPUT_SCALE);
}

/* One of the 24 slot turns of a sample, 6 clocks each: operators in
 * register order 1, 3, 2, 4, each for channels 1..6. A channel's sum goes to
 * the DAC at its operator 4 turn. */
static void process_slot(Ym2612 *ym, unsigned position)
{
    static const uint8_t group_operator[4] = { 0, 2, 1, 3 };
    Ym2612State *s = &ym->state;
    unsigned ch = position % 6, op = group_operator[position / 6];
    Ym2612Slot *slot = &s->slots[ch][op];

    if (position == 0) ym_eg_sample_start(s);
    ym_slot_compute(ym, ch, op);
    ym_eg_slot_update(s, ch, op);
    slot->phase = (slot->phase + ym_phase_increment(s, ch, op)) & 0xFFFFF;

    if (op == 3) {
        int code = ym_asr(ym_channel_sum(s, ch), 5);
        if (ch == 5 && (s->regs[0][0x2B] & 0x80)) code = dac_register_code(s);
        s->channels[ch].dac_code = (int16_t)code;
    }
}

static void finish_sample(Ym2612 *ym, int16_t *lr)
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

int ym2612_run(Ym2612 *ym, uint32_t clocks, int16_t *out)
{
    Ym2612State *s = &ym->state;
    int produced = 0;
    while (clocks > 0) {
        uint32_t slot_end = (s->clock_in_sample / YM_CLOCKS_PER_SLOT + 1) * YM_CLOCKS_PER_SLOT;
        uint32_t to_slot_end = slot_end - s->clock_in_sample;
        if (clocks < to_slot_end) {
            s->clock_in_sample += clocks;
            s->clock += clocks;
            break;
        }
        clocks -= to_slot_end;
        s->clock += to_slot_end;
        s->clock_in_sample = slot_end;
        process_slot(ym, slot_end / YM_CLOCKS_PER_SLOT - 1);
        if (slot_end == YM2612_CLOCKS_PER_SAMPLE) {
            s->clock_in_sample = 0;
            finish_sample(ym, out ? out + 2 * produced : NULL);
            produced++;
        }
    }
    return produced;
}
