/* bench_ym2612.c - speed of the YM2612 alone with all six channels busy:
 * every operator keyed on and audible, feedback, LFO AM and PM, SSG-EG on a
 * few operators, a different algorithm on each channel. It is clocked two
 * ways: in scanline-sized pieces (as the system drives it, so runs often
 * start and end mid-sample), the same with a register write after every
 * piece (so the chip must split samples at the write), and in 64-sample
 * pieces.
 * Usage: bench_ym2612 [emulated seconds, default 20]
 * Prints emulated seconds per host (CPU) second; the target is >= 200. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ym2612.h"

#define MASTER_HZ 53693175u
#define YM_HZ (MASTER_HZ / 7u)
#define LINE_MASTER_CLOCKS 3420u /* one NTSC scanline */
#define CHUNK_SAMPLES 64u

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void reg(Ym2612 *ym, unsigned part, uint8_t address, uint8_t value)
{
    ym2612_write(ym, part * 2, address);
    ym2612_write(ym, part * 2 + 1, value);
}

static void setup(Ym2612 *ym)
{
    static const uint16_t fnums[6] = { 617, 653, 693, 734, 778, 824 };
    ym2612_init(ym, YM2612_MODEL_DISCRETE);
    reg(ym, 0, 0x22, 0x0B); /* LFO on */
    reg(ym, 0, 0x2B, 0x00); /* channel 6 is FM */
    for (unsigned ch = 0; ch < 6; ch++) {
        unsigned part = ch / 3, c = ch % 3;
        for (unsigned slot = 0; slot < 4; slot++) {
            uint8_t r = (uint8_t)(slot * 4 + c);
            reg(ym, part, (uint8_t)(0x30 + r), (uint8_t)(0x10 | (slot + 1))); /* DT 1, MUL */
            reg(ym, part, (uint8_t)(0x40 + r), (uint8_t)(0x04 + 4 * slot));  /* TL */
            reg(ym, part, (uint8_t)(0x50 + r), 0x5C);                         /* KS 1, AR 28 */
            reg(ym, part, (uint8_t)(0x60 + r), 0x83);                         /* AM on, D1R 3 */
            reg(ym, part, (uint8_t)(0x70 + r), 0x01);                         /* D2R 1 */
            reg(ym, part, (uint8_t)(0x80 + r), 0x3F);                         /* D1L 3, RR 15 */
            reg(ym, part, (uint8_t)(0x90 + r), (uint8_t)(slot == 1 && ch % 2 ? 0x08 : 0x00));
        }
        reg(ym, part, (uint8_t)(0xA4 + c), (uint8_t)(0x20 | (fnums[ch] >> 8))); /* block 4 */
        reg(ym, part, (uint8_t)(0xA0 + c), (uint8_t)fnums[ch]);
        reg(ym, part, (uint8_t)(0xB0 + c), (uint8_t)(0x38 | (ch + 2) % 8)); /* feedback 7 */
        reg(ym, part, (uint8_t)(0xB4 + c), 0xF3);                              /* L+R, AMS 3, PMS 3 */
    }
    static const uint8_t key_channel[6] = { 0, 1, 2, 4, 5, 6 };
    /* the chip holds one 0x28 write until its channel's turn: a sample apart */
    for (unsigned ch = 0; ch < 6; ch++) {
        reg(ym, 0, 0x28, (uint8_t)(0xF0 | key_channel[ch]));
        ym2612_run(ym, 144, NULL);
    }
}

/* Host CPU seconds for `seconds` of emulation in pieces of `piece` master
 * clocks (0: 64-sample pieces), with a total-level write after each piece
 * if `writes`. `peak` receives the largest |output|. */
static double time_run(double seconds, uint32_t piece_master, bool writes, int *peak)
{
    Ym2612 *ym = malloc(sizeof *ym);
    if (!ym) exit(1);
    setup(ym);
    int16_t out[2 * (CHUNK_SAMPLES + 2)];
    uint64_t total = (uint64_t)(seconds * YM_HZ), done = 0, master = 0;
    int high = 0;
    double start = cpu_now();
    while (done < total) {
        uint32_t clocks;
        if (piece_master) {
            master += piece_master;
            clocks = (uint32_t)(master / 7 - done);
        } else {
            clocks = CHUNK_SAMPLES * 144u;
        }
        int n = ym2612_run(ym, clocks, out);
        if (writes) { /* operator 4's TL of one channel, 4..11: stays audible */
            unsigned ch = (unsigned)(done / 1000) % 6;
            reg(ym, ch / 3, (uint8_t)(0x4C + ch % 3), (uint8_t)(4 + (done >> 4) % 8));
        }
        for (int i = 0; i < 2 * n; i++) {
            int v = out[i] < 0 ? -out[i] : out[i];
            if (v > high) high = v;
        }
        done += clocks;
    }
    double host = cpu_now() - start;
    free(ym);
    *peak = high;
    return host;
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 20.0;
    if (seconds <= 0) seconds = 20.0;
    static const char *const names[3] = { "scanline pieces", "scanline pieces + writes", "64-sample pieces" };
    printf("bench_ym2612: 6 channels busy, %.1f emulated s each run\n", seconds);
    for (int mode = 0; mode < 3; mode++) {
        int peak = 0;
        double host = time_run(seconds, mode < 2 ? LINE_MASTER_CLOCKS : 0, mode == 1, &peak);
        printf("  %-25s %.3f CPU s, %.2f ms per emulated s, %.1fx real time (peak %d)\n", names[mode], host,
               1000.0 * host / seconds, seconds / host, peak);
    }
    return 0;
}
