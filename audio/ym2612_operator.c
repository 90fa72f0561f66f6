/* ym2612_operator.c - operator output and the eight algorithms.
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
 */
#include "ym2612_internal.h"

static int operator_output(const Ym2612 *ym, unsigned phase10, unsigned level)
{
    unsigned index = phase10 & 0x3FF;
    unsigned quarter = (index & 0x100) ? (index & 0xFF) ^ 0xFF : (index & 0xFF);
    unsigned att = ym->logsin_rom[quarter] + (level << 2);
    int value = 0;
    if (att < (13u << 8)) value = (int)(((ym->exp_rom[(att & 0xFF) ^ 0xFF] | 0x400u) << 2) >> (att >> 8));
    return (index & 0x200) ? -value : value;
}

/* Modulation input from modulator outputs: their sum halved to phase units. */
static unsigned modulation(int sum) { return (unsigned)ym_asr(sum, 1); }

/* Phase offset for operator `op` from its modulators. At this operator's
 * turn, `output` of an operator later in the order is still last sample's;
 * `previous` of an earlier one is last sample's too. */
static unsigned modulation_input(const Ym2612State *s, unsigned ch, unsigned op, unsigned alg)
{
    const Ym2612Slot *sl = s->slots[ch];
    const int16_t *prev = s->channels[ch].previous;
    switch (op) {
    case 0: { /* self-feedback of operator 1's last two outputs */
        unsigned fb = (ym_ch_reg(s, ch, 0xB0) >> 3) & 7;
        return fb ? (unsigned)ym_asr(sl[0].output + prev[0], 10 - fb) : 0;
    }
    case 2: /* operator 3: operators 1 and 2 are too recent or not yet done */
        switch (alg) {
        case 0: case 2: return modulation(sl[1].output);
        case 1: return modulation(prev[0] + sl[1].output);
        case 5: return modulation(prev[0]);
        default: return 0;
        }
    case 1: /* operator 2: this sample's operator 1 */
        return (alg == 0 || alg == 3 || alg == 4 || alg == 5 || alg == 6) ? modulation(sl[0].output) : 0;
    default: /* operator 4 */
        switch (alg) {
        case 0: case 1: case 4: return modulation(sl[2].output);
        case 2: return modulation(sl[0].output + sl[2].output);
        case 3: return modulation(prev[1] + sl[2].output);
        case 5: return modulation(sl[0].output);
        default: return 0;
        }
    }
}

void ym_slot_compute(Ym2612 *ym, unsigned ch, unsigned op)
{
    Ym2612State *s = &ym->state;
    Ym2612Slot *slot = &s->slots[ch][op];
    unsigned alg = ym_ch_reg(s, ch, 0xB0) & 7;
    unsigned mod = modulation_input(s, ch, op, alg);

    unsigned level = ym_eg_level(s, ch, op);
    if (ym_op_reg(s, ch, op, 0x60) & 0x80) level += ym_lfo_am(s, (ym_ch_reg(s, ch, 0xB4) >> 4) & 3);
    if (level > 0x3FF) level = 0x3FF;

    s->channels[ch].previous[op] = slot->output;
    slot->output = (int16_t)operator_output(ym, (slot->phase >> 10) + mod, level);
}

/* The channel's carriers summed, clamped to the 14-bit accumulator. */
int ym_channel_sum(const Ym2612State *s, unsigned ch)
{
    const Ym2612Slot *sl = s->slots[ch];
    int sum;
    switch (ym_ch_reg(s, ch, 0xB0) & 7) {
    case 4: sum = sl[1].output + sl[3].output; break;
    case 5: case 6: sum = sl[1].output + sl[2].output + sl[3].output; break;
    case 7: sum = sl[0].output + sl[1].output + sl[2].output + sl[3].output; break;
    default: sum = sl[3].output; break;
    }
    if (sum > 8191) sum = 8191;
    if (sum < -8192) sum = -8192;
    return sum;
}
