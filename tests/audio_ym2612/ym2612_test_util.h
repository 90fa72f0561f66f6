/* ym2612_test_util.h - register helpers shared by the YM2612 tests. */
#ifndef YM2612_TEST_UTIL_H
#define YM2612_TEST_UTIL_H

#include <stdint.h>

#include "ym2612.h"

/* Write register `reg` of bank 0 or 1 through the address and data ports. */
static inline void ym_test_write(Ym2612 *ym, unsigned bank, uint8_t reg, uint8_t value)
{
    ym2612_write(ym, bank * 2, reg);
    ym2612_write(ym, bank * 2 + 1, value);
}

/* Operator registers sit in the order 1, 3, 2, 4 (offsets 0, 4, 8, 12). */
static inline void ym_test_op(Ym2612 *ym, unsigned ch, unsigned op, uint8_t base, uint8_t value)
{
    static const uint8_t reg_index[4] = { 0, 2, 1, 3 };
    ym_test_write(ym, ch / 3, (uint8_t)(base + ch % 3 + 4 * reg_index[op]), value);
}

static inline void ym_test_frequency(Ym2612 *ym, unsigned ch, unsigned fnum, unsigned block)
{
    ym_test_write(ym, ch / 3, (uint8_t)(0xA4 + ch % 3), (uint8_t)((block << 3) | (fnum >> 8)));
    ym_test_write(ym, ch / 3, (uint8_t)(0xA0 + ch % 3), (uint8_t)(fnum & 0xFF));
}

static inline void ym_test_key(Ym2612 *ym, unsigned ch, unsigned op_mask)
{
    ym_test_write(ym, 0, 0x28, (uint8_t)((op_mask << 4) | (ch < 3 ? ch : ch + 1)));
}

/* Algorithm 7, operator 1 alone at full level: a pure sine on `ch`, not keyed. */
static inline void ym_test_sine_patch(Ym2612 *ym, unsigned ch, unsigned fnum, unsigned block, uint8_t pan)
{
    ym_test_write(ym, ch / 3, (uint8_t)(0xB0 + ch % 3), 0x07);
    ym_test_write(ym, ch / 3, (uint8_t)(0xB4 + ch % 3), pan);
    for (unsigned op = 0; op < 4; op++) {
        ym_test_op(ym, ch, op, 0x30, 0x01);             /* DT 0, MUL 1 */
        ym_test_op(ym, ch, op, 0x40, op == 0 ? 0 : 127); /* only operator 1 audible */
        ym_test_op(ym, ch, op, 0x50, 0x1F);             /* AR 31: instant attack */
        ym_test_op(ym, ch, op, 0x60, 0x00);
        ym_test_op(ym, ch, op, 0x70, 0x00);
        ym_test_op(ym, ch, op, 0x80, 0x0F);
        ym_test_op(ym, ch, op, 0x90, 0x00);
    }
    ym_test_frequency(ym, ch, fnum, block);
}

/* The same, keyed on. */
static inline void ym_test_sine_channel(Ym2612 *ym, unsigned ch, unsigned fnum, unsigned block, uint8_t pan)
{
    ym_test_sine_patch(ym, ch, fnum, block, pan);
    ym_test_key(ym, ch, 0x1);
}

#endif
