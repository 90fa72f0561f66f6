/* psg_test.c - SN76489 behaviour: tone periods, noise LFSR, attenuation,
 * register protocol, Sega's period 0/1 behaviour, save/load. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "psg.h"

#define LATCH(channel, is_volume, low4) ((uint8_t)(0x80 | ((channel) << 5) | ((is_volume) << 4) | ((low4) & 0x0F)))
#define DATA(value6) ((uint8_t)((value6) & 0x3F))

static void set_tone(Psg *psg, int channel, unsigned period)
{
    psg_write(psg, LATCH(channel, 0, period & 0x0F));
    psg_write(psg, DATA(period >> 4));
}

static void set_volume(Psg *psg, int channel, unsigned attenuation)
{
    psg_write(psg, LATCH(channel, 1, attenuation));
}

/* Run n samples (n * 16 PSG clocks) into a fresh buffer. */
static int16_t *run_samples(Psg *psg, int n)
{
    int16_t *out = malloc(sizeof(int16_t) * (size_t)n);
    assert_non_null(out);
    int produced = psg_run(psg, (uint32_t)n * PSG_CLOCKS_PER_SAMPLE, out);
    assert_int_equal(produced, n);
    return out;
}

static void test_clock_division(void **state)
{
    (void)state;
    Psg psg;
    psg_init(&psg);
    assert_int_equal(psg_run(&psg, 15, NULL), 0);
    assert_int_equal(psg_run(&psg, 1, NULL), 1);
    assert_int_equal(psg_run(&psg, 16 * 100 + 7, NULL), 100);
    assert_int_equal(psg_run(&psg, 9, NULL), 1);
}

/* A channel's output flips every `period` samples: rising edges are 2*period
 * samples apart, i.e. f = (master/15) / (32 * period). */
static void test_tone_frequency(void **state)
{
    (void)state;
    static const unsigned periods[] = {2, 3, 10, 100, 254, 1023};
    for (size_t p = 0; p < sizeof periods / sizeof periods[0]; p++) {
        for (int channel = 0; channel < 3; channel++) {
            Psg psg;
            psg_init(&psg);
            set_tone(&psg, channel, periods[p]);
            set_volume(&psg, channel, 0);
            int n = (int)periods[p] * 2 * 12;
            int16_t *out = run_samples(&psg, n);
            int edges = 0, last_edge = -1;
            for (int i = 1; i < n; i++) {
                assert_true(out[i] == 8191 || out[i] == -8191);
                if (out[i] > 0 && out[i - 1] < 0) {
                    if (last_edge >= 0)
                        assert_int_equal(i - last_edge, (int)periods[p] * 2);
                    last_edge = i;
                    edges++;
                }
            }
            assert_in_range(edges, 11, 12);
            free(out);
        }
    }
}

/* Reference model of the Sega LFSR written from the documented rule. */
static uint16_t reference_shift(uint16_t lfsr, int white)
{
    unsigned bit0 = lfsr & 1u, bit3 = (lfsr >> 3) & 1u;
    unsigned feedback = white ? (bit0 ^ bit3) : bit0;
    return (uint16_t)((lfsr >> 1) | (feedback << 15));
}

/* Noise output sequence: one LFSR shift every 2 * (16 << rate) samples, the
 * output being bit 0, for white and periodic noise. */
static void check_noise_sequence(int white, unsigned rate)
{
    Psg psg;
    psg_init(&psg);
    psg_write(&psg, LATCH(3, 0, (white ? 4 : 0) | rate));
    set_volume(&psg, 3, 0);
    unsigned interval = 2u * (16u << rate);
    int shifts = 80;
    int n = (int)interval * shifts;
    int16_t *out = run_samples(&psg, n);
    uint16_t lfsr = PSG_LFSR_RESET;
    /* The noise counter starts at 0, so the first shift happens on the first
     * sample and then every interval. */
    for (int i = 0; i < n; i++) {
        if (i % (int)interval == 0)
            lfsr = reference_shift(lfsr, white);
        assert_int_equal(out[i], (lfsr & 1u) ? 8191 : -8191);
    }
    free(out);
}

static void test_noise_white_sequence(void **state)
{
    (void)state;
    for (unsigned rate = 0; rate < 3; rate++)
        check_noise_sequence(1, rate);
}

static void test_noise_periodic_sequence(void **state)
{
    (void)state;
    for (unsigned rate = 0; rate < 3; rate++)
        check_noise_sequence(0, rate);
}

/* Periodic noise is the reset bit walking down the register: one high
 * output every 16 shifts. White noise repeats after 57337 shifts (the
 * period of the Sega 16-bit LFSR with taps 0 and 3, SMS Power! SN76489). */
static void test_noise_periods(void **state)
{
    (void)state;
    Psg psg;
    psg_init(&psg);
    psg_write(&psg, LATCH(3, 0, 0)); /* periodic, fastest */
    set_volume(&psg, 3, 0);
    int16_t *out = run_samples(&psg, 32 * 64);
    int highs = 0;
    for (int i = 0; i < 32 * 64; i += 32)
        highs += out[i] > 0;
    assert_int_equal(highs, 4);
    free(out);

    psg_write(&psg, LATCH(3, 0, 4)); /* white, fastest */
    uint16_t start = psg.state.lfsr;
    int period = 0;
    do {
        psg_run(&psg, 32 * PSG_CLOCKS_PER_SAMPLE, NULL);
        period++;
    } while (psg.state.lfsr != start && period < 70000);
    assert_int_equal(period, 57337);
}

/* Noise rate 3 shifts at tone 2's rate (every 2 * tone2 samples). */
static void test_noise_follows_tone2(void **state)
{
    (void)state;
    Psg psg;
    psg_init(&psg);
    set_tone(&psg, 2, 7);
    psg_write(&psg, LATCH(3, 0, 3)); /* periodic, tone 2 rate */
    set_volume(&psg, 3, 0);
    int n = 14 * 16 * 5;
    int16_t *out = run_samples(&psg, n);
    int rising = -1;
    for (int i = 1; i < n; i++) {
        if (out[i] > 0 && out[i - 1] < 0) {
            if (rising >= 0)
                assert_int_equal(i - rising, 14 * 16); /* 16 shifts per periodic cycle */
            rising = i;
        }
    }
    assert_true(rising > 0);
    free(out);
}

/* Attenuation: 2 dB per step, 15 = off. Tone period 1 holds the output at +1. */
static void test_attenuation_levels(void **state)
{
    (void)state;
    Psg psg;
    psg_init(&psg);
    set_tone(&psg, 0, 1);
    int previous = 0;
    for (unsigned att = 0; att < 16; att++) {
        set_volume(&psg, 0, att);
        int16_t out[4];
        psg_run(&psg, 4 * PSG_CLOCKS_PER_SAMPLE, out);
        for (int i = 0; i < 4; i++)
            assert_int_equal(out[i], out[0]);
        if (att == 0)
            assert_int_equal(out[0], PSG_CHANNEL_FULL_SCALE);
        else if (att == 15)
            assert_int_equal(out[0], 0);
        else {
            double ratio = (double)previous / out[0];
            /* 10^(2/20) = 1.2589; allow for rounding to integers */
            assert_true(ratio > 1.2589 - 0.006 && ratio < 1.2589 + 0.006);
        }
        previous = out[0];
    }
}

static void test_channels_sum(void **state)
{
    (void)state;
    Psg psg;
    psg_init(&psg);
    for (int ch = 0; ch < 3; ch++) {
        set_tone(&psg, ch, 0);
        set_volume(&psg, ch, (unsigned)ch * 3);
    }
    int16_t out;
    psg_run(&psg, PSG_CLOCKS_PER_SAMPLE, &out);
    assert_int_equal(out, 8191 + 4105 + 2057);
    psg.mute_mask = 0x2;
    psg_run(&psg, PSG_CLOCKS_PER_SAMPLE, &out);
    assert_int_equal(out, 8191 + 2057);
}

static void test_latch_data_protocol(void **state)
{
    (void)state;
    Psg psg;
    psg_init(&psg);
    psg_write(&psg, LATCH(1, 0, 0xA));
    assert_int_equal(psg.state.tone[1], 0x00A);
    psg_write(&psg, DATA(0x2B));
    assert_int_equal(psg.state.tone[1], 0x2BA);
    psg_write(&psg, DATA(0x15)); /* further data bytes go to the latched register */
    assert_int_equal(psg.state.tone[1], 0x15A);
    psg_write(&psg, LATCH(1, 0, 0x3)); /* latch rewrites only the low 4 bits */
    assert_int_equal(psg.state.tone[1], 0x153);
    psg_write(&psg, 0x40 | 0x3F); /* bit 6 of a data byte is ignored */
    assert_int_equal(psg.state.tone[1], 0x3F3);

    psg_write(&psg, LATCH(2, 1, 0x4));
    assert_int_equal(psg.state.attenuation[2], 4);
    psg_write(&psg, DATA(0x09)); /* data byte to a volume register: low 4 bits */
    assert_int_equal(psg.state.attenuation[2], 9);
    assert_int_equal(psg.state.tone[2], 0);

    psg_write(&psg, LATCH(3, 0, 0x5));
    assert_int_equal(psg.state.noise_ctrl, 5);
    psg_run(&psg, 16 * 200, NULL);
    assert_int_not_equal(psg.state.lfsr, PSG_LFSR_RESET);
    psg_write(&psg, DATA(0x02)); /* data byte to the noise register also resets the LFSR */
    assert_int_equal(psg.state.noise_ctrl, 2);
    assert_int_equal(psg.state.lfsr, PSG_LFSR_RESET);

    psg_write(&psg, LATCH(0, 1, 0x7));
    assert_int_equal(psg.state.attenuation[0], 7);
    psg_write(&psg, LATCH(3, 1, 0x1));
    assert_int_equal(psg.state.attenuation[3], 1);
}

/* Sega chip: period 0 acts as 1, and both give a constant high output. */
static void test_period_zero_and_one(void **state)
{
    (void)state;
    for (unsigned period = 0; period < 2; period++) {
        Psg psg;
        psg_init(&psg);
        set_tone(&psg, 1, period);
        set_volume(&psg, 1, 0);
        int16_t *out = run_samples(&psg, 1000);
        for (int i = 0; i < 1000; i++)
            assert_int_equal(out[i], PSG_CHANNEL_FULL_SCALE);
        free(out);
    }
    /* Period 2 toggles every 2 samples, unlike 1. */
    Psg psg;
    psg_init(&psg);
    set_tone(&psg, 1, 2);
    set_volume(&psg, 1, 0);
    int16_t *out = run_samples(&psg, 8);
    int changes = 0;
    for (int i = 1; i < 8; i++)
        changes += out[i] != out[i - 1];
    assert_int_equal(changes, 3);
    free(out);
}

static void test_save_load_round_trip(void **state)
{
    (void)state;
    Psg psg;
    psg_init(&psg);
    set_tone(&psg, 0, 123);
    set_tone(&psg, 1, 45);
    set_tone(&psg, 2, 300);
    psg_write(&psg, LATCH(3, 0, 7));
    for (int ch = 0; ch < 4; ch++)
        set_volume(&psg, ch, (unsigned)ch + 1);
    psg_run(&psg, 12345, NULL);

    unsigned char *saved = malloc(psg_state_size());
    assert_non_null(saved);
    psg_save_state(&psg, saved);
    int16_t *first = run_samples(&psg, 5000);

    Psg other;
    psg_init(&other);
    psg_load_state(&other, saved);
    int16_t *second = run_samples(&other, 5000);
    assert_memory_equal(first, second, 5000 * sizeof(int16_t));
    assert_memory_equal(&psg.state, &other.state, sizeof psg.state);
    free(first);
    free(second);
    free(saved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clock_division),
        cmocka_unit_test(test_tone_frequency),
        cmocka_unit_test(test_noise_white_sequence),
        cmocka_unit_test(test_noise_periodic_sequence),
        cmocka_unit_test(test_noise_periods),
        cmocka_unit_test(test_noise_follows_tone2),
        cmocka_unit_test(test_attenuation_levels),
        cmocka_unit_test(test_channels_sum),
        cmocka_unit_test(test_latch_data_protocol),
        cmocka_unit_test(test_period_zero_and_one),
        cmocka_unit_test(test_save_load_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
