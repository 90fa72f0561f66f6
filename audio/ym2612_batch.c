/* ym2612_batch.c - whole samples without register writes, worked channel by
 * channel over many samples at a time.
 *
 * Between writes the channels of a sample share only inputs fixed ahead of
 * time: the envelope counter of each sample, and the LFO and timers, which
 * reach the channels only when the LFO counter moves (AM depth, PM
 * increments) or CSM keys channel 3. So a run is cut into batches that end
 * at such a sample; within a batch each channel works all its samples in a
 * row with its state in locals, and the DAC codes are mixed afterwards. The
 * work is done in another order than the chip's (ym2612_operator.c has the
 * turn-by-turn one); the results are the same.
 */
#include "ym2612_internal.h"

#define YM_BATCH_MAX 64u

/* The 20-bit phase is kept in the top of 32 bits, so it wraps by itself. */
#define YM_PHASE_SHIFT 12u

typedef struct Batch {
    unsigned count;
    unsigned am_triangle; /* the LFO counter does not move within a batch */
    /* Per sample: the value tested against eg_idle_mask (envelope counter
     * with bit 12 on envelope samples, bit 13 otherwise). */
    uint16_t eg_check[YM_BATCH_MAX];
    int16_t codes[6][YM_BATCH_MAX]; /* each channel's DAC code per sample */
} Batch;

/* Envelope updates of a channel's operators in one envelope sample, after
 * the outputs and before the phases advance as at each operator's turn; an
 * update touches only its own operator, and may restart its phase. */
static YM_ALWAYS_INLINE void envelope_updates(Ym2612State *s, unsigned ch, unsigned am, unsigned eg_check,
                                              uint32_t phase[4], unsigned level4[4])
{
    Ym2612Slot *sl = s->slots[ch];
    for (unsigned op = 0; op < 4; op++) {
        if (eg_check & sl[op].eg_idle_mask) continue;
        sl[op].phase = phase[op] >> YM_PHASE_SHIFT;
        ym_eg_step(s, ch, op, eg_check & 0xFFFu);
        phase[op] = sl[op].phase << YM_PHASE_SHIFT;
        level4[op] = ym_level4(sl[op].eg_level + (am & sl[op].am_mask));
    }
}

/* A channel whose operators all output 0 whatever their phase and
 * modulation, and whose envelopes cannot change, until the next write:
 * only the phases advance. */
static bool channel_silent(const Ym2612State *s, unsigned ch, const unsigned level4[4])
{
    const Ym2612Slot *sl = s->slots[ch];
    for (unsigned op = 0; op < 4; op++) {
        if (level4[op] < (YM_LEVEL_SILENT << 2) || !(sl[op].eg_idle_mask & 0x1000u)) return false;
    }
    return true;
}

static void silent_batch(Ym2612State *s, Batch *b, unsigned ch)
{
    Ym2612Slot *sl = s->slots[ch];
    Ym2612Channel *c = &s->channels[ch];
    unsigned n = b->count;
    for (unsigned op = 0; op < 4; op++) {
        c->previous[op] = n > 1 ? 0 : sl[op].output;
        sl[op].output = 0;
        sl[op].phase = (sl[op].phase + n * sl[op].phase_step) & 0xFFFFF;
    }
    for (unsigned i = 0; i < n; i++) b->codes[ch][i] = 0;
    c->dac_code = 0;
}

/* All samples of the batch for one channel with algorithm `alg`: the
 * routing of channel_turns (ym2612_operator.c) with operators 1, 3, 2, 4
 * in that order each sample. */
static YM_ALWAYS_INLINE void channel_batch(Ym2612 *ym, Batch *b, unsigned ch, unsigned alg, uint32_t phase[4],
                                           unsigned level4[4], unsigned am)
{
    Ym2612State *s = &ym->state;
    Ym2612Slot *sl = s->slots[ch];
    Ym2612Channel *c = &s->channels[ch];
    const uint16_t *logsin = ym->logsin_signed;
    const int16_t *exp_signed = ym->exp_signed;
    uint32_t step1 = sl[0].phase_step << YM_PHASE_SHIFT, step2 = sl[1].phase_step << YM_PHASE_SHIFT;
    uint32_t step3 = sl[2].phase_step << YM_PHASE_SHIFT, step4 = sl[3].phase_step << YM_PHASE_SHIFT;
    int out1 = sl[0].output, out2 = sl[1].output, out3 = sl[2].output, out4 = sl[3].output;
    int prev1 = c->previous[0], prev2 = c->previous[1], prev3 = c->previous[2], prev4 = c->previous[3];
    unsigned fb_shift = c->feedback_shift & 15u;
    int fb_mask = fb_shift ? -1 : 0;
    int16_t *codes = b->codes[ch];
    unsigned n = b->count;

#define YM_OUTPUT(op, mod) exp_signed[logsin[((phase[op] >> 22) + (mod)) & 0x3FF] + level4[op]]
    for (unsigned i = 0; i < n; i++) {
        unsigned mod;
        /* operator 1: self-feedback of its last two outputs */
        mod = (unsigned)(ym_asr(out1 + prev1, fb_shift) & fb_mask);
        prev1 = out1;
        out1 = YM_OUTPUT(0, mod);
        /* operator 3: operators 1 and 2 are too recent or not yet done */
        switch (alg) {
        case 0: case 2: mod = ym_modulation(out2); break;
        case 1: mod = ym_modulation(prev1 + out2); break;
        case 5: mod = ym_modulation(prev1); break;
        default: mod = 0; break;
        }
        prev3 = out3;
        out3 = YM_OUTPUT(2, mod);
        /* operator 2: this sample's operator 1 */
        mod = (alg == 0 || alg == 3 || alg == 4 || alg == 5 || alg == 6) ? ym_modulation(out1) : 0;
        prev2 = out2;
        out2 = YM_OUTPUT(1, mod);
        /* operator 4 */
        switch (alg) {
        case 0: case 1: case 4: mod = ym_modulation(out3); break;
        case 2: mod = ym_modulation(out1 + out3); break;
        case 3: mod = ym_modulation(prev2 + out3); break;
        case 5: mod = ym_modulation(out1); break;
        default: mod = 0; break;
        }
        prev4 = out4;
        out4 = YM_OUTPUT(3, mod);
        codes[i] = (int16_t)ym_asr(ym_channel_sum(alg, out1, out2, out3, out4), 5);

        unsigned eg_check = b->eg_check[i];
        if (eg_check & 0x1000u) envelope_updates(s, ch, am, eg_check, phase, level4);
        phase[0] += step1;
        phase[1] += step2;
        phase[2] += step3;
        phase[3] += step4;
    }
#undef YM_OUTPUT

    sl[0].output = (int16_t)out1;
    sl[1].output = (int16_t)out2;
    sl[2].output = (int16_t)out3;
    sl[3].output = (int16_t)out4;
    c->previous[0] = (int16_t)prev1;
    c->previous[1] = (int16_t)prev2;
    c->previous[2] = (int16_t)prev3;
    c->previous[3] = (int16_t)prev4;
    for (unsigned op = 0; op < 4; op++) sl[op].phase = phase[op] >> YM_PHASE_SHIFT;
    c->dac_code = codes[n - 1];
}

#define YM_BATCH_CASE(alg)                                                                                             \
    case (alg): channel_batch(ym, b, ch, (alg), phase, level4, am); break;

static void run_channel(Ym2612 *ym, Batch *b, unsigned ch)
{
    Ym2612State *s = &ym->state;
    const Ym2612Slot *sl = s->slots[ch];
    unsigned am = b->am_triangle >> (s->channels[ch].am_shift & 15);
    uint32_t phase[4];
    unsigned level4[4];
    for (unsigned op = 0; op < 4; op++) {
        phase[op] = sl[op].phase << YM_PHASE_SHIFT;
        level4[op] = ym_level4(sl[op].eg_level + (am & sl[op].am_mask));
    }
    if (channel_silent(s, ch, level4)) {
        silent_batch(s, b, ch);
    } else {
        switch (ym_ch_regs(s, ch)[0xB0] & 7) {
        YM_BATCH_CASE(0)
        YM_BATCH_CASE(1)
        YM_BATCH_CASE(2)
        YM_BATCH_CASE(3)
        YM_BATCH_CASE(4)
        YM_BATCH_CASE(5)
        YM_BATCH_CASE(6)
        YM_BATCH_CASE(7)
        default: break;
        }
    }
    if (ch == 5 && ym_dac_enabled(s)) {
        int16_t code = (int16_t)ym_dac_register_code(s);
        for (unsigned i = 0; i < b->count; i++) b->codes[5][i] = code;
        s->channels[5].dac_code = code;
    }
}

/* The DAC stage of ym2612_output.c (dac_mix) for every sample of the batch. */
static void mix_batch(const Ym2612 *ym, const Batch *b, int16_t *out)
{
    const Ym2612State *s = &ym->state;
    int ladder_mask = ym->model == YM2612_MODEL_DISCRETE ? -1 : 0;
    int left[YM_BATCH_MAX] = { 0 }, right[YM_BATCH_MAX] = { 0 };
    unsigned n = b->count;
    for (unsigned ch = 0; ch < 6; ch++) {
        if (ym->mute_mask & (1u << ch)) continue;
        int pan_left = s->channels[ch].pan_left, pan_right = s->channels[ch].pan_right;
        const int16_t *codes = b->codes[ch];
        for (unsigned i = 0; i < n; i++) {
            int code = codes[i];
            int ladder = -(code < 0) & ladder_mask;
            left[i] += (code & pan_left) + ladder;
            right[i] += (code & pan_right) + ladder;
        }
    }
    for (unsigned i = 0; i < n; i++) {
        out[2 * i] = (int16_t)(left[i] * YM2612_OUTPUT_SCALE);
        out[2 * i + 1] = (int16_t)(right[i] * YM2612_OUTPUT_SCALE);
    }
}

/* Up to `limit` samples: each sample's envelope counter, and the ends of
 * samples (timers, LFO) run ahead as long as they leave the channels
 * alone. Returns whether the last sample's end is still to run. */
static bool plan_batch(Ym2612State *s, Batch *b, unsigned limit)
{
    b->am_triangle = ym_am_triangle(s->lfo_counter);
    b->count = 0;
    while (b->count < limit) {
        ym_eg_sample_start(s);
        b->eg_check[b->count++] = (uint16_t)(s->eg_update ? (s->eg_counter | 0x1000u) : 0x2000u);
        if (ym_timers_tick_keys(s) || ym_lfo_step_moves(s)) return true;
        ym_timers_tick(s);
        ym_lfo_step(s);
    }
    return false;
}

void ym_run_whole_samples(Ym2612 *ym, unsigned count, int16_t *out)
{
    Ym2612State *s = &ym->state;
    Batch b;
    while (count > 0) {
        bool end_pending = plan_batch(s, &b, count < YM_BATCH_MAX ? count : YM_BATCH_MAX);
        for (unsigned ch = 0; ch < 6; ch++) run_channel(ym, &b, ch);
        if (out) {
            mix_batch(ym, &b, out);
            out += 2 * b.count;
        }
        if (end_pending) {
            ym_timers_tick(s);
            ym_lfo_step(s);
        }
        count -= b.count;
    }
}
