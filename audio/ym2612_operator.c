/* ym2612_operator.c - operator turns: output, the eight algorithms, and the
 * channel's code for the DAC.
 *
 * An operator looks up its 10-bit phase in the quarter-wave log-sin ROM,
 * adds the envelope level (10 bits, << 2 to the ROM's 1/256-octave units),
 * and converts back through the exponent ROM to a 14-bit signed value
 * (OPx die analysis). Operators of a channel are evaluated in register
 * order 1, 3, 2, 4, six slots apart; a modulator's result reaches an
 * operator in the same sample only if it was computed at least two groups
 * (12 slots) earlier, otherwise the previous sample's value is used. That
 * is the chip's pipeline and gives the one-sample delays of 2->3 and 1->3
 * (algorithms 0, 1, 2, 5) and 2->4 (algorithm 3).
 *
 * Within a sample the channels share nothing but read-only inputs, so a run
 * of slot turns with no register write in between is worked channel by
 * channel, each channel's turns in their order; that equals the chip's
 * interleaved order. The loop is specialised per algorithm and envelope
 * sample so the modulation routing is fixed code.
 */
#include "ym2612_internal.h"

static YM_ALWAYS_INLINE int operator_output(const Ym2612 *ym, unsigned phase10, unsigned level)
{
    unsigned index = phase10 & 0x3FF;
    unsigned att = ym->logsin_wave[index] + (level << 2);
    /* Valid levels keep the shift below 27; the mask guards damaged save states. */
    int value = ym->exp_mantissa[att & 0xFF] >> ((att >> 8) & 31);
    int negative = -(int)(index >> 9);
    return (value ^ negative) - negative;
}

/* Modulation input from modulator outputs: their sum halved to phase units. */
static inline unsigned modulation(int sum) { return (unsigned)ym_asr(sum, 1); }

/* The channel's carriers summed, clamped to the 14-bit accumulator. */
static YM_ALWAYS_INLINE int channel_sum(unsigned alg, int out1, int out2, int out3, int out4)
{
    int sum;
    switch (alg) {
    case 4: sum = out2 + out4; break;
    case 5: case 6: sum = out2 + out3 + out4; break;
    case 7: sum = out1 + out2 + out3 + out4; break;
    default: sum = out4; break;
    }
    if (sum > 8191) sum = 8191;
    if (sum < -8192) sum = -8192;
    return sum;
}

/* With register 0x2B bit 7 set, channel 6's code is register 0x2A (offset
 * binary, bits 8-1) and register 0x2C bit 3 (bit 0, from the die's test
 * register). */
static int dac_register_code(const Ym2612State *s)
{
    return ((int)s->regs[0][0x2A] - 128) * 2 + ((s->regs[0][0x2C] >> 3) & 1);
}

/* What all channels of one run of turns share (neither changes within a
 * sample): the value tested against each eg_idle_mask, which is the
 * envelope counter with bit 12 set on envelope samples and bit 13 (set in
 * every mask) otherwise; and the LFO AM triangle. */
typedef struct TurnInputs {
    unsigned eg_check;
    unsigned am_triangle;
} TurnInputs;

/* One operator's turn: output from the phase before this turn plus the
 * modulation, envelope update on envelope samples, phase advance. Returns
 * the new output. The level (at most 0x3FF + 126 with AM) needs no clamp
 * to 0x3FF: from 0x340 on, the exponent shift of 13 or more gives 0 just
 * as the clamped level would. */
static YM_ALWAYS_INLINE int slot_turn(Ym2612 *ym, const TurnInputs *in, bool envelope, unsigned ch, unsigned op,
                                      unsigned mod, unsigned am)
{
    Ym2612State *s = &ym->state;
    Ym2612Slot *slot = &s->slots[ch][op];
    unsigned level = slot->eg_level + (am & slot->am_mask);
    int out = operator_output(ym, (slot->phase >> 10) + mod, level);
    slot->output = (int16_t)out;
    if (envelope && !(in->eg_check & slot->eg_idle_mask)) ym_eg_step(s, ch, op);
    slot->phase = (slot->phase + slot->phase_step) & 0xFFFFF;
    return out;
}

/* Turn groups first..end-1 of a channel: groups 0..3 are operators 1, 3, 2,
 * 4. At an operator's turn, the output of an operator later in the order
 * is still last sample's, and `previous` of an earlier one is last sample's
 * too. The outputs are kept in locals; the channel's sum goes to the DAC at
 * its operator 4 turn. */
static YM_ALWAYS_INLINE void channel_turns(Ym2612 *ym, const TurnInputs *in, bool envelope, unsigned ch,
                                           unsigned alg, unsigned first, unsigned end)
{
    Ym2612State *s = &ym->state;
    const Ym2612Slot *sl = s->slots[ch];
    Ym2612Channel *channel = &s->channels[ch];
    int16_t *previous = channel->previous;
    unsigned am = in->am_triangle >> (channel->am_shift & 15);
    int out1 = sl[0].output, out2 = sl[1].output, out3 = sl[2].output, out4 = sl[3].output;
    int prev1 = previous[0], prev2 = previous[1];

    if (first == 0) { /* operator 1: self-feedback of its last two outputs */
        unsigned fb_shift = channel->feedback_shift & 15u;
        unsigned mod = fb_shift ? (unsigned)ym_asr(out1 + prev1, fb_shift) : 0;
        previous[0] = (int16_t)out1;
        prev1 = out1;
        out1 = slot_turn(ym, in, envelope, ch, 0, mod, am);
    }
    if (first <= 1 && end > 1) { /* operator 3: operators 1 and 2 are too recent or not yet done */
        unsigned mod = 0;
        switch (alg) {
        case 0: case 2: mod = modulation(out2); break;
        case 1: mod = modulation(prev1 + out2); break;
        case 5: mod = modulation(prev1); break;
        default: break;
        }
        previous[2] = (int16_t)out3;
        out3 = slot_turn(ym, in, envelope, ch, 2, mod, am);
    }
    if (first <= 2 && end > 2) { /* operator 2: this sample's operator 1 */
        unsigned mod = (alg == 0 || alg == 3 || alg == 4 || alg == 5 || alg == 6) ? modulation(out1) : 0;
        previous[1] = (int16_t)out2;
        prev2 = out2;
        out2 = slot_turn(ym, in, envelope, ch, 1, mod, am);
    }
    if (end > 3) { /* operator 4 */
        unsigned mod = 0;
        switch (alg) {
        case 0: case 1: case 4: mod = modulation(out3); break;
        case 2: mod = modulation(out1 + out3); break;
        case 3: mod = modulation(prev2 + out3); break;
        case 5: mod = modulation(out1); break;
        default: break;
        }
        previous[3] = (int16_t)out4;
        out4 = slot_turn(ym, in, envelope, ch, 3, mod, am);
        int code = ym_asr(channel_sum(alg, out1, out2, out3, out4), 5);
        if (ch == 5 && (s->regs[0][0x2B] & 0x80)) code = dac_register_code(s);
        channel->dac_code = (int16_t)code;
    }
}

#define YM_CHANNEL_CASE(alg)                                                                                           \
    case (alg): channel_turns(ym, in, envelope, ch, (alg), first, end); break;

static YM_ALWAYS_INLINE void channel_dispatch(Ym2612 *ym, const TurnInputs *in, bool envelope, unsigned ch,
                                              unsigned first, unsigned end)
{
    switch (ym_ch_regs(&ym->state, ch)[0xB0] & 7) {
    YM_CHANNEL_CASE(0)
    YM_CHANNEL_CASE(1)
    YM_CHANNEL_CASE(2)
    YM_CHANNEL_CASE(3)
    YM_CHANNEL_CASE(4)
    YM_CHANNEL_CASE(5)
    YM_CHANNEL_CASE(6)
    YM_CHANNEL_CASE(7)
    default: break;
    }
}

/* Slot turns first..end-1 of the current sample (24 turns of 6 clocks:
 * turn p is channel p % 6, group p / 6). */
void ym_process_slots(Ym2612 *ym, unsigned first, unsigned end)
{
    Ym2612State *s = &ym->state;
    if (first >= end) return;
    if (first == 0) ym_eg_sample_start(s);
    /* LFO AM: a triangle over the 128 LFO steps, 0..126 in envelope units
     * (0..11.8 dB), scaled per channel by AMS (YM2612 application manual). */
    unsigned step = s->lfo_counter;
    TurnInputs in = {
        .eg_check = s->eg_update ? (s->eg_counter | 0x1000u) : 0x2000u,
        .am_triangle = ((step & 0x40) ? ((step & 0x3F) ^ 0x3F) : (step & 0x3F)) << 1,
    };
    if (first == 0 && end == 24) { /* a whole sample: own copies, with no range or envelope tests */
        if (s->eg_update) {
            for (unsigned ch = 0; ch < 6; ch++) channel_dispatch(ym, &in, true, ch, 0, 4);
        } else {
            for (unsigned ch = 0; ch < 6; ch++) channel_dispatch(ym, &in, false, ch, 0, 4);
        }
        return;
    }
    for (unsigned ch = 0; ch < 6; ch++) {
        unsigned group_first = first <= ch ? 0 : (first - ch + 5) / 6;
        unsigned group_end = end <= ch ? 0 : (end - ch + 5) / 6;
        if (group_first < group_end) channel_dispatch(ym, &in, true, ch, group_first, group_end);
    }
}
