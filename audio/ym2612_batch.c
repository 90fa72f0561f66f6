/* ym2612_batch.c - whole samples without register writes, worked channel by
 * channel over many samples at a time.
 *
 * Between writes the channels of a sample share only inputs fixed ahead of
 * time: the envelope counter of each sample, and the LFO and timers, which
 * reach the channels only when the LFO counter moves (AM depth, PM
 * increments) or CSM keys channel 3 (its sample, with TL ORed into the
 * levels, is a batch of its own). So a run is cut into batches that end
 * at such a sample (or at a timer overflow, which keeps the timers' bulk
 * counting simple); within a batch each channel works all its samples in a
 * row with its state in locals, and the DAC codes are mixed afterwards. The
 * work is done in another order than the chip's (ym2612_operator.c has the
 * turn-by-turn one); the results are the same, which ym2612_batch_test
 * checks state for state.
 */
#include "ym2612_internal.h"

#define YM_BATCH_MAX 64u
/* From this many samples on, the codes of algorithms 4 to 7 are summed
 * after the operators (carrier_codes); below, the extra pass costs more
 * than it saves. */
#define YM_DEFER_MIN 16u

/* Keeps the compiler from regrouping a sum around the value: the newest
 * feedback output must stay the last term added. */
#if defined(__GNUC__)
#define YM_OPAQUE(v) __asm__("" : "+r"(v))
#else
#define YM_OPAQUE(v) ((void)0)
#endif

/* Within a batch the 20-bit phase is kept in the top of 32 bits, so it
 * wraps by itself. */
#define YM_PHASE_SHIFT 12u

typedef struct Batch {
    unsigned count;
    unsigned am_triangle; /* the LFO counter does not move within a batch */
    /* Envelopes update every third sample: the first such sample of the
     * batch (count or more if none) and the envelope counter there. */
    unsigned first_envelope;
    unsigned first_counter;
    unsigned am[6]; /* each channel's AM attenuation */
    int16_t codes[6][YM_BATCH_MAX]; /* each channel's DAC code per sample */
} Batch;

/* What the envelope logic of sample `i` is given: its envelope counter
 * with bit 12 set on envelope samples, else 0x2000 (as ym_process_slots). */
static unsigned envelope_check(const Batch *b, unsigned i)
{
    if (i < b->first_envelope || (i - b->first_envelope) % 3 != 0) return 0x2000u;
    return ym_eg_counter_after(b->first_counter, (i - b->first_envelope) / 3) | 0x1000u;
}

/* The first sample from `i` on where one of a channel's operators has an
 * envelope update due, or the batch's count. A register 0x28 key still to
 * reach the channel and an operator whose mask lacks bit 13 are due every
 * sample. Otherwise an
 * operator updates at envelope samples whose counter has the bits of its
 * eg_idle_mask clear (unless the mask has bit 12: never); those bits are
 * the low 0 to 11, so one with fewer bits updates whenever one with more
 * does, and the operators together update when the counter clears the
 * bits all their masks share. The counter skips 0 when it wraps, so the
 * match after 0xFFF is the first nonzero one, shared + 1. */
static inline unsigned next_update(const Batch *b, const Ym2612State *s, unsigned ch, unsigned i)
{
    const Ym2612Slot *sl = s->slots[ch];
    if (ym_kon_pending(s, ch)) return i;
    unsigned shared = 0xFFFu;
    bool any = false;
    for (unsigned op = 0; op < 4; op++) {
        unsigned mask = sl[op].eg_idle_mask;
        if (!(mask & 0x2000u)) return i;
        if (mask & 0x1000u) continue;
        shared &= mask;
        any = true;
    }
    if (!any || b->first_envelope >= b->count) return b->count;
    unsigned k = i > b->first_envelope ? (i - b->first_envelope + 2) / 3 : 0; /* envelope samples before i */
    unsigned counter = ym_eg_counter_after(b->first_counter, k);
    unsigned wait = (0u - counter) & shared;
    if (counter + wait > 0xFFFu) wait += shared;
    unsigned update = b->first_envelope + 3 * (k + wait);
    return update < b->count ? update : b->count;
}

/* The envelope logic of a channel's operators in a sample (it touches
 * only its own operator, and may restart its phase), with register 0x28's
 * key applied at operator 1's turn, after its own logic. */
static void envelope_updates(Ym2612State *s, unsigned ch, unsigned eg_check)
{
    static const uint8_t turn_order[4] = { 0, 2, 1, 3 };
    for (unsigned t = 0; t < 4; t++) {
        unsigned op = turn_order[t];
        if (!(eg_check & s->slots[ch][op].eg_idle_mask)) ym_eg_step(s, ch, op, eg_check);
        if (op == 0 && ym_kon_pending(s, ch)) ym_eg_apply_kon(s, ch);
    }
}

/* An operator's level in exp_signed's units, with AM. */
static inline unsigned level_of(const Ym2612Slot *slot, unsigned am)
{
    return ym_level4(slot->eg_level + (am & slot->am_mask));
}

/* The exponent table seen from an operator's level. */
static inline const int16_t *level_exp(const Ym2612 *ym, const Ym2612Slot *slot, unsigned am)
{
    return ym->exp_signed + level_of(slot, am);
}

/* A channel whose operators all output 0 whatever their phase and
 * modulation, and whose envelopes cannot change, until the next write:
 * only the phases advance. */
static bool channel_silent(const Ym2612State *s, unsigned ch, unsigned am)
{
    const Ym2612Slot *sl = s->slots[ch];
    if (ym_kon_pending(s, ch)) return false;
    if (!(sl[0].eg_idle_mask & sl[1].eg_idle_mask & sl[2].eg_idle_mask & sl[3].eg_idle_mask & 0x1000u)) return false;
    for (unsigned op = 0; op < 4; op++) {
        if (sl[op].eg_level + (am & sl[op].am_mask) < YM_LEVEL_SILENT) return false;
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

/* The codes of algorithms 4 to 7 from their carriers' outputs, after the
 * operators: the clamped sums are a chain per sample, which a loop of their
 * own works several samples per instruction. */
static YM_ALWAYS_INLINE void carrier_codes(unsigned alg, unsigned n, int16_t *restrict codes,
                                           const int16_t *restrict car1, const int16_t *restrict car2,
                                           const int16_t *restrict car3, const int16_t *restrict car4)
{
    for (unsigned i = 0; i < n; i++)
        codes[i] = (int16_t)ym_channel_code(alg, alg == 7 ? car1[i] : 0, car2[i], alg >= 5 ? car3[i] : 0, car4[i]);
}

/* All samples of the batch for one channel with algorithm `alg`: the
 * routing of channel_turns (ym2612_operator.c) with operators 1, 3, 2, 4
 * in that order each sample. The loop between envelope updates does
 * nothing else; the sums of algorithms 0 to 3 are one operator's output,
 * which needs no clamp, and with `defer` those of 4 to 7 are left to
 * carrier_codes. */
static YM_ALWAYS_INLINE void channel_batch(Ym2612 *ym, Batch *b, unsigned ch, unsigned alg, bool defer)
{
    Ym2612State *s = &ym->state;
    Ym2612Slot *sl = s->slots[ch];
    Ym2612Channel *c = &s->channels[ch];
    const uint16_t *logsin = ym->logsin_signed;
    unsigned am = b->am[ch];
    uint32_t phase1 = sl[0].phase << YM_PHASE_SHIFT, phase2 = sl[1].phase << YM_PHASE_SHIFT;
    uint32_t phase3 = sl[2].phase << YM_PHASE_SHIFT, phase4 = sl[3].phase << YM_PHASE_SHIFT;
    const uint32_t step1 = sl[0].phase_step << YM_PHASE_SHIFT, step2 = sl[1].phase_step << YM_PHASE_SHIFT;
    const uint32_t step3 = sl[2].phase_step << YM_PHASE_SHIFT, step4 = sl[3].phase_step << YM_PHASE_SHIFT;
    const int16_t *exp1 = level_exp(ym, &sl[0], am), *exp2 = level_exp(ym, &sl[1], am);
    const int16_t *exp3 = level_exp(ym, &sl[2], am), *exp4 = level_exp(ym, &sl[3], am);
    int out1 = sl[0].output, out2 = sl[1].output, out3 = sl[2].output, out4 = sl[3].output;
    int prev1 = c->previous[0], prev2 = c->previous[1], prev3 = c->previous[2], prev4 = c->previous[3];
    /* Feedback (out1 + prev1) >> shift, made unsigned by a bias of 2^14
     * (|out1 + prev1| < 2^14); without feedback the shift of 16 leaves 0. */
    unsigned fb_shift = c->feedback_shift & 15u;
    /* FB 1-7 give shifts 9 down to 3 (ym2612_derived.c), which keep the index
     * below 1024 + 4096 (see the bias below); anything else is no feedback. */
    fb_shift = fb_shift >= 3u ? fb_shift : 16u;
    /* The bias comes off operator 1's phase instead: its 10-bit index
     * wraps, and with the feedback added reaches at most 1023 + 4095,
     * within logsin_signed's repeats. */
    const uint32_t fb_bias = (0x4000u >> fb_shift) << 22;
    phase1 -= fb_bias;
    int16_t *codes = b->codes[ch];
    unsigned n = b->count, i = 0;
    /* The carriers of algorithms 4 to 7 per sample: their clamped sums are
     * a chain of their own, worked afterwards many samples at a time. */
    int16_t car1[YM_BATCH_MAX], car2[YM_BATCH_MAX], car3[YM_BATCH_MAX], car4[YM_BATCH_MAX];

#define YM_OUTPUT(exp, phase, mod) (exp)[logsin[(((phase) >> 22) + (mod)) & 0x3FF]]
    for (;;) {
        unsigned update = next_update(b, s, ch, i);
        unsigned end = update < n ? update + 1 : n;
        for (; i < end; i++) {
            unsigned mod;
            /* operator 1: self-feedback of its last two outputs. The phase
             * index goes in above the sum before the shift (its low bits
             * are clear, so the result is the same), which leaves the
             * newest output one add and a shift from the lookups: this is
             * the chain that carries from sample to sample. */
            {
                uint32_t fb_base = (((phase1 >> 22) << fb_shift) + 0x4000u + (uint32_t)prev1);
                YM_OPAQUE(fb_base);
                prev1 = out1;
                out1 = exp1[logsin[(fb_base + (uint32_t)out1) >> fb_shift]];
            }
            /* operator 3: operators 1 and 2 are too recent or not yet done */
            switch (alg) {
            case 0: case 2: mod = ym_modulation(out2); break;
            case 1: mod = ym_modulation(prev1 + out2); break;
            case 5: mod = ym_modulation(prev1); break;
            default: mod = 0; break;
            }
            prev3 = out3;
            out3 = YM_OUTPUT(exp3, phase3, mod);
            /* operator 2: this sample's operator 1 */
            mod = (alg == 0 || alg == 3 || alg == 4 || alg == 5 || alg == 6) ? ym_modulation(out1) : 0;
            prev2 = out2;
            out2 = YM_OUTPUT(exp2, phase2, mod);
            /* operator 4 */
            switch (alg) {
            case 0: case 1: case 4: mod = ym_modulation(out3); break;
            case 2: mod = ym_modulation(out1 + out3); break;
            case 3: mod = ym_modulation(prev2 + out3); break;
            case 5: mod = ym_modulation(out1); break;
            default: mod = 0; break;
            }
            prev4 = out4;
            out4 = YM_OUTPUT(exp4, phase4, mod);
            if (alg < 4) {
                codes[i] = (int16_t)ym_asr(out4, 5);
            } else if (!defer) {
                codes[i] = (int16_t)ym_channel_code(alg, out1, out2, out3, out4);
            } else {
                if (alg == 7) car1[i] = (int16_t)out1;
                if (alg >= 5) car3[i] = (int16_t)out3;
                car2[i] = (int16_t)out2;
                car4[i] = (int16_t)out4;
            }
            phase1 += step1;
            phase2 += step2;
            phase3 += step3;
            phase4 += step4;
        }
        if (update >= n) break;
        /* The updates come before this sample's phase advance. */
        sl[0].phase = (phase1 + fb_bias - step1) >> YM_PHASE_SHIFT;
        sl[1].phase = (phase2 - step2) >> YM_PHASE_SHIFT;
        sl[2].phase = (phase3 - step3) >> YM_PHASE_SHIFT;
        sl[3].phase = (phase4 - step4) >> YM_PHASE_SHIFT;
        envelope_updates(s, ch, envelope_check(b, update));
        phase1 = (sl[0].phase << YM_PHASE_SHIFT) - fb_bias + step1;
        phase2 = (sl[1].phase << YM_PHASE_SHIFT) + step2;
        phase3 = (sl[2].phase << YM_PHASE_SHIFT) + step3;
        phase4 = (sl[3].phase << YM_PHASE_SHIFT) + step4;
        exp1 = level_exp(ym, &sl[0], am);
        exp2 = level_exp(ym, &sl[1], am);
        exp3 = level_exp(ym, &sl[2], am);
        exp4 = level_exp(ym, &sl[3], am);
    }
#undef YM_OUTPUT
    if (alg >= 4 && defer) carrier_codes(alg, n, codes, car1, car2, car3, car4);

    sl[0].output = (int16_t)out1;
    sl[1].output = (int16_t)out2;
    sl[2].output = (int16_t)out3;
    sl[3].output = (int16_t)out4;
    c->previous[0] = (int16_t)prev1;
    c->previous[1] = (int16_t)prev2;
    c->previous[2] = (int16_t)prev3;
    c->previous[3] = (int16_t)prev4;
    sl[0].phase = (phase1 + fb_bias) >> YM_PHASE_SHIFT;
    sl[1].phase = phase2 >> YM_PHASE_SHIFT;
    sl[2].phase = phase3 >> YM_PHASE_SHIFT;
    sl[3].phase = phase4 >> YM_PHASE_SHIFT;
    c->dac_code = codes[n - 1];
}

#define YM_BATCH_CASE(alg)                                                                                             \
    case (alg): channel_batch(ym, b, ch, (alg), false); break;
#define YM_BATCH_CASE_DEFER(alg)                                                                                       \
    case (alg):                                                                                                        \
        if (b->count >= YM_DEFER_MIN) channel_batch(ym, b, ch, (alg), true);                                            \
        else channel_batch(ym, b, ch, (alg), false);                                                                   \
        break;

static void run_channel(Ym2612 *ym, Batch *b, unsigned ch)
{
    Ym2612State *s = &ym->state;
    b->am[ch] = b->am_triangle >> (s->channels[ch].am_shift & 15);
    if (channel_silent(s, ch, b->am[ch])) {
        silent_batch(s, b, ch);
        return;
    }
    switch (ym_ch_regs(s, ch)[0xB0] & 7) {
    YM_BATCH_CASE(0)
    YM_BATCH_CASE(1)
    YM_BATCH_CASE(2)
    YM_BATCH_CASE(3)
    YM_BATCH_CASE_DEFER(4)
    YM_BATCH_CASE_DEFER(5)
    YM_BATCH_CASE_DEFER(6)
    YM_BATCH_CASE_DEFER(7)
    default: break;
    }
}

/* Every channel over the batch; silent ones at once. */
static void run_channels(Ym2612 *ym, Batch *b)
{
    Ym2612State *s = &ym->state;
    for (unsigned ch = 0; ch < 6; ch++) run_channel(ym, b, ch);
    if (ym_dac_enabled(s)) {
        int16_t code = (int16_t)ym_dac_register_code(s);
        for (unsigned i = 0; i < b->count; i++) b->codes[5][i] = code;
        s->channels[5].dac_code = code;
    }
}

/* The DAC stage of ym2612_output.c (dac_mix) for every sample of the batch.
 * ym_discrete_dac(code, pan) equals ((code + 1 if negative) & pan) + 4,
 * - 8 if negative: the +4 is added once per heard channel, the rest per
 * sample with the sign shared by both sides. */
static void mix_batch(const Ym2612 *ym, const Batch *b, int16_t *out)
{
    const Ym2612State *s = &ym->state;
    int pan_left[6], pan_right[6], negative_step[6], rest = 0;
    for (unsigned ch = 0; ch < 6; ch++) {
        int heard = (ym->mute_mask & (1u << ch)) ? 0 : -1;
        pan_left[ch] = s->channels[ch].pan_left & heard;
        pan_right[ch] = s->channels[ch].pan_right & heard;
        negative_step[ch] = -8 & heard;
        rest += 4 & heard;
    }
    if (ym->model != YM2612_MODEL_DISCRETE) {
        for (unsigned i = 0; i < b->count; i++) {
            int left = 0, right = 0;
            for (unsigned ch = 0; ch < 6; ch++) {
                int code = b->codes[ch][i];
                left += code & pan_left[ch];
                right += code & pan_right[ch];
            }
            out[2 * i] = (int16_t)(left * YM2612_OUTPUT_SCALE);
            out[2 * i + 1] = (int16_t)(right * YM2612_OUTPUT_SCALE);
        }
        return;
    }
    for (unsigned i = 0; i < b->count; i++) {
        int left = rest, right = rest;
        for (unsigned ch = 0; ch < 6; ch++) {
            int code = b->codes[ch][i];
            int negative = -(code < 0);
            int shifted = code - negative, sign = negative & negative_step[ch];
            left += (shifted & pan_left[ch]) + sign;
            right += (shifted & pan_right[ch]) + sign;
        }
        out[2 * i] = (int16_t)(left * YM2612_OUTPUT_SCALE);
        out[2 * i + 1] = (int16_t)(right * YM2612_OUTPUT_SCALE);
    }
}

/* Up to `limit` samples, ending early with the first sample whose end
 * (timers, LFO) reaches the channels or overflows a timer; the ends before
 * it run at once. Returns whether the last sample's end is still to run. */
static bool plan_batch(Ym2612State *s, Batch *b, unsigned limit)
{
    unsigned event = ym_timers_ends_to_event(s), lfo = ym_lfo_ends_to_move(s);
    if (lfo < event) event = lfo;
    bool end_pending = event < limit;
    b->count = end_pending ? event + 1 : limit;
    b->am_triangle = ym_am_triangle(s->lfo_counter);
    ym_eg_start_samples(s, b->count, &b->first_envelope, &b->first_counter);
    unsigned ends = end_pending ? b->count - 1 : b->count;
    ym_timers_advance(s, ends);
    ym_lfo_advance(s, ends);
    return end_pending;
}

/* Below this many samples a batch's fixed cost per channel outweighs what
 * it saves, and the samples are worked turn by turn. */
#define YM_BATCH_MIN 3u

void ym_run_whole_samples(Ym2612 *ym, unsigned count, int16_t *out)
{
    Ym2612State *s = &ym->state;
    if (count < YM_BATCH_MIN) {
        for (unsigned i = 0; i < count; i++) {
            ym_process_slots(ym, 0, 24);
            ym_finish_sample(ym, out ? out + 2 * i : NULL);
        }
        return;
    }
    Batch b;
    while (count > 0) {
        bool end_pending = plan_batch(s, &b, count < YM_BATCH_MAX ? count : YM_BATCH_MAX);
        run_channels(ym, &b);
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
