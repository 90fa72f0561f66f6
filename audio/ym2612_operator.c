/* ym2612_operator.c - operator turns of a sample begun before a register
 * write: outputs, the eight algorithms, and the channel's code for the DAC.
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
 * interleaved order. The loop is specialised per algorithm so the
 * modulation routing is fixed code. Whole samples go the faster way of
 * ym2612_batch.c, which must give the same results.
 */
#include "ym2612_internal.h"

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
 * the new output. */
static YM_ALWAYS_INLINE int slot_turn(Ym2612 *ym, const TurnInputs *in, unsigned ch, unsigned op,
                                      unsigned mod, unsigned am)
{
    Ym2612State *s = &ym->state;
    Ym2612Slot *slot = &s->slots[ch][op];
    unsigned level4 = ym_level4(slot->eg_level + (am & slot->am_mask));
    int out = ym_operator_output(ym, (slot->phase >> 10) + mod, level4);
    slot->output = (int16_t)out;
    if (!(in->eg_check & slot->eg_idle_mask)) ym_eg_step(s, ch, op, in->eg_check);
    slot->phase = (slot->phase + slot->phase_step) & 0xFFFFF;
    return out;
}

/* Turn groups first..end-1 of a channel: groups 0..3 are operators 1, 3, 2,
 * 4. At an operator's turn, the output of an operator later in the order
 * is still last sample's, and `previous` of an earlier one is last sample's
 * too. The outputs are kept in locals; the channel's sum goes to the DAC at
 * its operator 4 turn. Each carrier is added to the accumulator at its own
 * turn, gated by the algorithm as it stands then, so an algorithm written
 * between two turns reaches only the later ones (the die's per-cycle
 * channel accumulator, nukeykt's YM3438 die transcription Nuked-OPN2:
 * each slot's cycle adds its output if the algorithm at that cycle makes
 * it a carrier); a run that stops before operator 4 keeps the sum. */
static YM_ALWAYS_INLINE void channel_turns(Ym2612 *ym, const TurnInputs *in, unsigned ch,
                                           unsigned alg, unsigned first, unsigned end)
{
    Ym2612State *s = &ym->state;
    const Ym2612Slot *sl = s->slots[ch];
    Ym2612Channel *channel = &s->channels[ch];
    int16_t *previous = channel->previous;
    unsigned am = in->am_triangle >> (channel->am_shift & 15);
    int out1 = sl[0].output, out2 = sl[1].output, out3 = sl[2].output, out4 = sl[3].output;
    int prev1 = previous[0], prev2 = previous[1];
    int acc = first == 0 ? 0 : channel->accumulator;

    if (first == 0) { /* operator 1: self-feedback of its last two outputs */
        unsigned fb_shift = channel->feedback_shift & 15u;
        unsigned mod = fb_shift ? (unsigned)ym_asr(out1 + prev1, fb_shift) : 0;
        previous[0] = (int16_t)out1;
        prev1 = out1;
        out1 = slot_turn(ym, in, ch, 0, mod, am);
        if (alg == 7) acc = ym_accumulate(acc, out1);
        if (ym_kon_pending(s, ch)) ym_eg_apply_kon(s, ch);
    }
    if (first <= 1 && end > 1) { /* operator 3: operators 1 and 2 are too recent or not yet done */
        unsigned mod = 0;
        switch (alg) {
        case 0: case 2: mod = ym_modulation(out2); break;
        case 1: mod = ym_modulation(prev1 + out2); break;
        case 5: mod = ym_modulation(prev1); break;
        default: break;
        }
        previous[2] = (int16_t)out3;
        out3 = slot_turn(ym, in, ch, 2, mod, am);
        if (alg >= 5) acc = ym_accumulate(acc, out3);
    }
    if (first <= 2 && end > 2) { /* operator 2: this sample's operator 1 */
        unsigned mod = (alg == 0 || alg == 3 || alg == 4 || alg == 5 || alg == 6) ? ym_modulation(out1) : 0;
        previous[1] = (int16_t)out2;
        prev2 = out2;
        out2 = slot_turn(ym, in, ch, 1, mod, am);
        if (alg >= 4) acc = ym_accumulate(acc, out2);
    }
    if (end > 3) { /* operator 4 */
        unsigned mod = 0;
        switch (alg) {
        case 0: case 1: case 4: mod = ym_modulation(out3); break;
        case 2: mod = ym_modulation(out1 + out3); break;
        case 3: mod = ym_modulation(prev2 + out3); break;
        case 5: mod = ym_modulation(out1); break;
        default: break;
        }
        previous[3] = (int16_t)out4;
        out4 = slot_turn(ym, in, ch, 3, mod, am);
        int code = ym_accumulate(acc, out4);
        if (ch == 5 && ym_dac_enabled(s)) code = ym_dac_register_code(s);
        channel->dac_code = (int16_t)code;
        if (first != 0) channel->accumulator = 0; /* 0 between samples, as the batch path leaves it */
    } else {
        channel->accumulator = (int16_t)acc;
    }
}

#define YM_CHANNEL_CASE(alg)                                                                                           \
    case (alg): channel_turns(ym, in, ch, (alg), first, end); break;

static YM_ALWAYS_INLINE void channel_dispatch(Ym2612 *ym, const TurnInputs *in, unsigned ch,
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
    TurnInputs in = {
        .eg_check = s->eg_update ? (s->eg_counter | 0x1000u) : 0x2000u,
        .am_triangle = ym_am_triangle(s->lfo_counter),
    };
    for (unsigned ch = 0; ch < 6; ch++) {
        unsigned group_first = first <= ch ? 0 : (first - ch + 5) / 6;
        unsigned group_end = end <= ch ? 0 : (end - ch + 5) / 6;
        if (group_first < group_end) channel_dispatch(ym, &in, ch, group_first, group_end);
    }
}
