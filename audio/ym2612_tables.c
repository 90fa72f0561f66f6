/* ym2612_tables.c - the chip's ROM tables, rebuilt from their formulas.
 *
 * The log-sin and exponent ROMs follow the die analysis of Yamaha's OPx
 * family (256-entry quarter-wave -log2(sin) in 4.8 fixed point, 256-entry
 * 2^x mantissa with 10 fractional bits). The math here is done with short
 * series so the library needs no libm.
 */
#include "ym2612_internal.h"

#define YM_PI 3.14159265358979323846

/* sin(x) for 0 <= x <= pi/2 by its Taylor series. */
static double series_sin(double x)
{
    double term = x, sum = x;
    for (int n = 1; n < 20; n++) {
        term *= -x * x / ((2.0 * n) * (2.0 * n + 1.0));
        sum += term;
    }
    return sum;
}

/* ln(m) for 1 <= m <= 2 via 2 * atanh((m - 1) / (m + 1)). */
static double series_ln_mantissa(double m)
{
    double y = (m - 1.0) / (m + 1.0), y2 = y * y, term = y, sum = 0.0;
    for (int n = 0; n < 40; n++) {
        sum += term / (2.0 * n + 1.0);
        term *= y2;
    }
    return 2.0 * sum;
}

static double series_log2(double x)
{
    int exponent = 0;
    while (x < 1.0) { x *= 2.0; exponent--; }
    while (x >= 2.0) { x *= 0.5; exponent++; }
    return exponent + series_ln_mantissa(x) / series_ln_mantissa(2.0);
}

/* 2^f for 0 <= f < 1. */
static double series_exp2(double f)
{
    double x = f * series_ln_mantissa(2.0), term = 1.0, sum = 1.0;
    for (int n = 1; n < 30; n++) {
        term *= x / n;
        sum += term;
    }
    return sum;
}

void ym_build_roms(uint16_t logsin[256], uint16_t exp_rom[256])
{
    for (int i = 0; i < 256; i++) {
        double s = series_sin((2.0 * i + 1.0) * YM_PI / 1024.0);
        logsin[i] = (uint16_t)(-series_log2(s) * 256.0 + 0.5);
        exp_rom[i] = (uint16_t)((series_exp2(i / 256.0) - 1.0) * 1024.0 + 0.5);
    }
}

/* The operator's two lookups made direct. logsin_signed: the log-sin ROM
 * over the whole 10-bit phase (the ROM covers a quarter wave; the second
 * quarter reads it backwards), with the negative half wave moved up by
 * YM2612_EXP_SPAN. exp_signed: for each attenuation (log-sin + level << 2)
 * the exponent ROM read backwards with its implied leading 1 and the
 * output's 2-bit shift, right-shifted by the attenuation's octave (13 or
 * more leave 0, as the chip's 13-bit magnitude requires), then negated in
 * the upper half. So the sign and the shift cost no work per operator. */
void ym_build_lookup(Ym2612 *ym)
{
    for (unsigned i = 0; i < YM2612_LOGSIN_SPAN; i++) {
        unsigned quarter = (i & 0x100) ? (i & 0xFF) ^ 0xFF : (i & 0xFF);
        unsigned negative = (i & 0x200) ? YM2612_EXP_SPAN : 0;
        ym->logsin_signed[i] = (uint16_t)(ym->logsin_rom[quarter] + negative);
    }
    for (unsigned att = 0; att < YM2612_EXP_SPAN; att++) {
        unsigned mantissa = (ym->exp_rom[(att & 0xFF) ^ 0xFF] | 0x400u) << 2;
        int value = (int)(mantissa >> (att >> 8));
        ym->exp_signed[att] = (int16_t)value;
        ym->exp_signed[YM2612_EXP_SPAN + att] = (int16_t)-value;
    }
}

/* Detune in phase-increment units for DT1 magnitude 1..3 and key code
 * 0..31 (YM2608/YM2612 application manual, detune table). */
static const uint8_t detune_table[3][32] = {
    { 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 8, 8, 8 },
    { 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 8, 9, 10, 11, 12, 13, 14, 16, 16, 16, 16 },
    { 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 20, 22, 22, 22, 22 },
};

unsigned ym_detune(unsigned dt, unsigned keycode)
{
    unsigned magnitude = dt & 3;
    return magnitude ? detune_table[magnitude - 1][keycode & 31] : 0;
}

/* Attenuation increments per envelope update below rate 48: eight-step
 * patterns chosen by the two low rate bits (hardware measurements by
 * Nemesis, SpritesMind YM2612 reference thread). */
static const uint8_t eg_low_pattern[4][8] = {
    { 0, 1, 0, 1, 0, 1, 0, 1 },
    { 0, 1, 0, 1, 1, 1, 0, 1 },
    { 0, 1, 1, 1, 0, 1, 1, 1 },
    { 0, 1, 1, 1, 1, 1, 1, 1 },
};

/* From rate 48 on every envelope sample adds 1 << (rate / 4 - 12), doubled
 * on some of the four steps of the counter's two low bits: none for rate
 * bits 00, step 0 for 01, steps 0 and 2 for 10, steps 0 to 2 for 11; 8 is
 * the most (YM3438 die analysis by nukeykt). Bit n of each mask doubles
 * step n. */
static const uint8_t eg_high_doubled_steps[4] = { 0x0, 0x1, 0x5, 0x7 };

unsigned ym_eg_increment(unsigned rate, unsigned step)
{
    if (rate < 2) return 0;
    if (rate < 48) return eg_low_pattern[rate & 3][step & 7];
    unsigned shift = (rate >> 2) - 12 + ((eg_high_doubled_steps[rate & 3] >> (step & 3)) & 1);
    return shift > 3 ? 8 : 1u << shift;
}
