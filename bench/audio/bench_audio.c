/* bench_audio.c - speed of the sound path: all 6 YM2612 channels keyed on
 * with a busy patch, all 4 PSG channels playing, mixed and resampled to
 * 48 kHz, driven scanline by scanline as the system does.
 * Usage: bench_audio [emulated seconds, default 10]
 * Prints emulated seconds per host second (target: >= 100). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "audio_mixer.h"
#include "psg.h"
#include "ym2612.h"

#define MASTER_HZ 53693175u
#define LINE_MASTER_CLOCKS 3420u /* one NTSC scanline */
#define LINES_PER_FRAME 262u
#define HOST_RATE 48000u

typedef struct Bench {
    Ym2612 ym;
    Psg psg;
    AudioMixer mixer;
    uint64_t master, ym_clocks, psg_clocks;
    int16_t peak;
} Bench;

/* CPU time of this process: on a shared machine it is steadier than wall
 * time; the wall-clock figure is printed too. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void ym_reg(Ym2612 *ym, int part, uint8_t reg, uint8_t value)
{
    ym2612_write(ym, (unsigned)(part * 2), reg);
    ym2612_write(ym, (unsigned)(part * 2 + 1), value);
    /* Let the busy period (192 clocks) pass, as a driver waits for it: the
     * chip also holds a 0x28 key write until its channel's turn, so key
     * writes closer than a sample would replace each other. */
    ym2612_run(ym, YM2612_BUSY_CLOCKS, NULL);
}

/* Algorithm 7 (four carriers), full feedback, LFO AM/FM on every channel,
 * fast attack and slow decay: every operator of every channel stays busy. */
static void setup_fm(Ym2612 *ym)
{
    static const uint8_t fnum_low[6] = {0x69, 0x8E, 0xB5, 0xDE, 0x0A, 0x37};
    ym_reg(ym, 0, 0x22, 0x0B); /* LFO on, fast */
    ym_reg(ym, 0, 0x27, 0x00);
    ym_reg(ym, 0, 0x2B, 0x00); /* DAC off: channel 6 is FM */
    for (int part = 0; part < 2; part++) {
        for (int ch = 0; ch < 3; ch++) {
            for (int op = 0; op < 4; op++) {
                uint8_t slot = (uint8_t)(op * 4 + ch);
                ym_reg(ym, part, (uint8_t)(0x30 + slot), (uint8_t)(0x10 | (op + 1))); /* DT 1, MUL */
                ym_reg(ym, part, (uint8_t)(0x40 + slot), 0x08);                       /* TL */
                ym_reg(ym, part, (uint8_t)(0x50 + slot), 0x1F);                       /* AR max */
                ym_reg(ym, part, (uint8_t)(0x60 + slot), 0x82);                       /* AM on, D1R */
                ym_reg(ym, part, (uint8_t)(0x70 + slot), 0x01);                       /* D2R */
                ym_reg(ym, part, (uint8_t)(0x80 + slot), 0x1F);                       /* D1L, RR */
                ym_reg(ym, part, (uint8_t)(0x90 + slot), 0x00);
            }
            ym_reg(ym, part, (uint8_t)(0xA4 + ch), (uint8_t)(0x20 | (part * 4))); /* block 4/0, fnum hi */
            ym_reg(ym, part, (uint8_t)(0xA0 + ch), fnum_low[part * 3 + ch]);
            ym_reg(ym, part, (uint8_t)(0xB0 + ch), 0x3F); /* feedback 7, algorithm 7 */
            ym_reg(ym, part, (uint8_t)(0xB4 + ch), 0xF7); /* L+R, AMS 3, FMS 7 */
        }
    }
    static const uint8_t key_codes[6] = {0, 1, 2, 4, 5, 6};
    for (int ch = 0; ch < 6; ch++)
        ym_reg(ym, 0, 0x28, (uint8_t)(0xF0 | key_codes[ch]));
}

static void setup_psg(Psg *psg)
{
    static const uint16_t periods[3] = {254, 169, 101};
    for (int ch = 0; ch < 3; ch++) {
        psg_write(psg, (uint8_t)(0x80 | (ch << 5) | (periods[ch] & 0x0F)));
        psg_write(psg, (uint8_t)(periods[ch] >> 4));
        psg_write(psg, (uint8_t)(0x90 | (ch << 5) | 2));
    }
    psg_write(psg, 0xE7); /* white noise at tone 2's rate */
    psg_write(psg, 0xF3);
}

typedef enum { RUN_FM = 1, RUN_PSG = 2, RUN_MIXER = 4, RUN_ALL = 7 } Parts;

/* One scanline of sound. Parts left out are skipped; the mixer alone is fed
 * the last samples the chips made, so it does the same work. */
static void run_line(Bench *b, Parts parts, int16_t fm[2 * 16], int16_t psg[32], int counts[2])
{
    int16_t out[2 * 64];
    b->master += LINE_MASTER_CLOCKS;
    uint32_t ym_now = (uint32_t)(b->master / 7 - b->ym_clocks);
    uint32_t psg_now = (uint32_t)(b->master / 15 - b->psg_clocks);
    b->ym_clocks += ym_now;
    b->psg_clocks += psg_now;
    /* Without the chip, the sample count it would have produced. */
    counts[0] = (parts & RUN_FM) ? ym2612_run(&b->ym, ym_now, fm)
                                 : (int)(b->ym_clocks / 144 - (b->ym_clocks - ym_now) / 144);
    counts[1] = (parts & RUN_PSG) ? psg_run(&b->psg, psg_now, psg)
                                  : (int)(b->psg_clocks / 16 - (b->psg_clocks - psg_now) / 16);
    if (!(parts & RUN_MIXER))
        return;
    audio_mixer_push_fm(&b->mixer, fm, counts[0]);
    audio_mixer_push_psg(&b->mixer, psg, counts[1]);
    int got;
    while ((got = audio_mixer_read(&b->mixer, out, 64)) > 0) {
        for (int i = 0; i < 2 * got; i++) {
            int16_t v = out[i] < 0 ? (int16_t)-(out[i] + 1) : out[i];
            if (v > b->peak)
                b->peak = v;
        }
    }
}

static Bench *new_bench(void)
{
    Bench *b = calloc(1, sizeof *b);
    if (!b)
        exit(1);
    ym2612_init(&b->ym, YM2612_MODEL_DISCRETE);
    psg_init(&b->psg);
    audio_mixer_init(&b->mixer, MASTER_HZ, HOST_RATE);
    setup_fm(&b->ym);
    setup_psg(&b->psg);
    return b;
}

/* Host CPU seconds to run `lines` scanlines of the given parts. */
static double time_parts(Parts parts, uint64_t lines, Bench **keep, double *wall)
{
    Bench *b = new_bench();
    int16_t fm[2 * 16] = {0}, psg[32] = {0};
    int counts[2] = {0, 0};
    /* Prime the buffers so a mixer-only run has real chip output to mix. */
    run_line(b, RUN_FM | RUN_PSG, fm, psg, counts);
    double start = cpu_now(), wall_start = wall_now();
    for (uint64_t i = 0; i < lines; i++)
        run_line(b, parts, fm, psg, counts);
    double host = cpu_now() - start;
    if (wall)
        *wall = wall_now() - wall_start;
    if (keep)
        *keep = b;
    else
        free(b);
    return host;
}

int main(int argc, char **argv)
{
    double emulated = argc > 1 ? atof(argv[1]) : 10.0;
    if (emulated <= 0)
        emulated = 10.0;
    uint64_t lines = (uint64_t)(emulated * MASTER_HZ / LINE_MASTER_CLOCKS);
    double seconds = (double)lines * LINE_MASTER_CLOCKS / MASTER_HZ;
    Bench *b = NULL;
    double wall = 0;
    double host = time_parts(RUN_ALL, lines, &b, &wall);
    double fm_host = time_parts(RUN_FM, lines, NULL, NULL);
    double psg_host = time_parts(RUN_PSG, lines, NULL, NULL);
    double mixer_host = time_parts(RUN_MIXER, lines, NULL, NULL);

    printf("bench_audio: %.1f emulated s (%llu frames) in %.3f CPU s: %.1fx real time (wall %.3f s, %.1fx)\n",
           seconds, (unsigned long long)(lines / LINES_PER_FRAME), host, seconds / host, wall, seconds / wall);
    printf("  alone (CPU): YM2612 %.3f s (%.0fx), PSG %.3f s (%.0fx), mixer %.3f s (%.0fx)\n", fm_host,
           seconds / fm_host, psg_host, seconds / psg_host, mixer_host, seconds / mixer_host);
    printf("  output: %llu frames at %u Hz, peak %d%s\n", (unsigned long long)b->mixer.state.out_samples,
           HOST_RATE, b->peak, b->peak < 64 ? " (FM+PSG nearly silent?)" : "");
    free(b);
    return 0;
}
