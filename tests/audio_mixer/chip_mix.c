/* chip_mix.c - test helper: both sound chips through the mixer (chip_mix.h).
 * Register facts: YM2612 register map of Sega's Genesis Software Manual
 * (operator registers 0x30-0x9F in slot order 1, 3, 2, 4; 0xA0/0xA4 F-number
 * and block, written high byte first; 0xB0 feedback/algorithm; 0xB4 panning;
 * 0x28 key on/off); SN76489 latch/data bytes as in audio/psg.c. */
#include "chip_mix.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FRAME_MASTER_CLOCKS 896040u /* 262 lines of 3420 master clocks */
#define FM_SAMPLE_HZ (CHIP_MIX_NTSC_HZ / 7.0 / 144.0)

ChipMix *chip_mix_new(uint32_t host_rate)
{
    ChipMix *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    ym2612_init(&c->ym, YM2612_MODEL_DISCRETE);
    psg_init(&c->psg);
    audio_mixer_init(&c->mixer, CHIP_MIX_NTSC_HZ, host_rate);
    return c;
}

void chip_mix_free(ChipMix *c)
{
    if (!c)
        return;
    free(c->out);
    free(c);
}

static void ym_reg(Ym2612 *ym, int port, uint8_t reg, uint8_t value)
{
    ym2612_write(ym, port ? 2u : 0u, reg);
    ym2612_write(ym, port ? 3u : 1u, value);
}

void chip_mix_fm_sine(Ym2612 *ym, int channel, double hz, int carriers)
{
    static const uint8_t slot_of_operator[4] = {0x0, 0x8, 0x4, 0xC}; /* operators 1..4 */
    const int port = channel / 3, ch = channel % 3;
    ym_reg(ym, 0, 0x22, 0x00); /* LFO off */
    ym_reg(ym, 0, 0x27, 0x00); /* channel 3 normal mode, timers off */
    ym_reg(ym, 0, 0x2B, 0x00); /* DAC off */
    for (int op = 0; op < 4; op++) {
        const uint8_t slot = (uint8_t)(slot_of_operator[op] + ch);
        const bool carrier = op >= 4 - carriers; /* operator 4 first, then 3, 2, 1 */
        ym_reg(ym, port, (uint8_t)(0x30 + slot), 0x01);                /* DT 0, MUL 1 */
        ym_reg(ym, port, (uint8_t)(0x40 + slot), carrier ? 0x00 : 0x7F); /* total level */
        ym_reg(ym, port, (uint8_t)(0x50 + slot), 0x1F);                /* RS 0, AR 31 */
        ym_reg(ym, port, (uint8_t)(0x60 + slot), 0x00);                /* AM off, D1R 0 */
        ym_reg(ym, port, (uint8_t)(0x70 + slot), 0x00);                /* D2R 0 */
        ym_reg(ym, port, (uint8_t)(0x80 + slot), 0x0F);                /* D1L 0, RR 15 */
        ym_reg(ym, port, (uint8_t)(0x90 + slot), 0x00);                /* SSG-EG off */
    }
    /* f = fnum * 2^block / 2 * fs / 2^20 (MUL 1): the lowest block that fits. */
    int block = 0;
    double fnum = hz * 2097152.0 / FM_SAMPLE_HZ;
    while (fnum >= 2047.5 && block < 7) {
        fnum /= 2.0;
        block++;
    }
    unsigned f = (unsigned)lrint(fnum);
    ym_reg(ym, port, (uint8_t)(0xA4 + ch), (uint8_t)(block << 3 | f >> 8));
    ym_reg(ym, port, (uint8_t)(0xA0 + ch), (uint8_t)(f & 0xFF));
    ym_reg(ym, port, (uint8_t)(0xB0 + ch), 0x07); /* feedback 0, algorithm 7 */
    ym_reg(ym, port, (uint8_t)(0xB4 + ch), 0xC0); /* left and right */
}

void chip_mix_fm_key_on(Ym2612 *ym, unsigned mask)
{
    for (int channel = 0; channel < 6; channel++) {
        if (mask & (1u << channel)) {
            ym_reg(ym, 0, 0x28, (uint8_t)(0xF0 | (channel / 3) << 2 | channel % 3));
            ym2612_run(ym, YM2612_CLOCKS_PER_SAMPLE, NULL);
        }
    }
}

void chip_mix_psg_tone(Psg *psg, int channel, unsigned period, unsigned attenuation)
{
    psg_write(psg, (uint8_t)(0x80 | channel << 5 | (period & 0x0F)));
    psg_write(psg, (uint8_t)((period >> 4) & 0x3F));
    psg_write(psg, (uint8_t)(0x90 | channel << 5 | (attenuation & 0x0F)));
}

void chip_mix_psg_noise(Psg *psg, unsigned control, unsigned attenuation)
{
    psg_write(psg, (uint8_t)(0xE0 | (control & 0x07)));
    psg_write(psg, (uint8_t)(0xF0 | (attenuation & 0x0F)));
}

static void append(ChipMix *c, const int16_t *lr, int frames)
{
    if (c->frames + (size_t)frames > c->capacity) {
        size_t capacity = (c->frames + (size_t)frames) * 2 + 4096;
        int16_t *grown = realloc(c->out, capacity * 2 * sizeof *grown);
        if (!grown)
            abort();
        c->out = grown;
        c->capacity = capacity;
    }
    memcpy(c->out + c->frames * 2, lr, (size_t)frames * 2 * sizeof *lr);
    c->frames += (size_t)frames;
}

/* One video frame: whole chip samples only (the fraction carries over), as
 * the console's scheduler hands them to the mixer. */
static void run_frame(ChipMix *c)
{
    enum { FM_MAX = 1024, PSG_MAX = 4096, OUT_MAX = 2048 };
    int16_t fm[2 * FM_MAX], psg[PSG_MAX], out[2 * OUT_MAX];
    c->master_clocks += FRAME_MASTER_CLOCKS;
    uint64_t fm_target = c->master_clocks / AUDIO_FM_MASTER_CLOCKS;
    while (c->fm_done < fm_target) {
        uint64_t left = fm_target - c->fm_done;
        int n = left < FM_MAX ? (int)left : FM_MAX;
        if (ym2612_run(&c->ym, (uint32_t)n * YM2612_CLOCKS_PER_SAMPLE, fm) != n)
            abort();
        audio_mixer_push_fm(&c->mixer, fm, n);
        c->fm_done += (uint64_t)n;
    }
    uint64_t psg_target = c->master_clocks / AUDIO_PSG_MASTER_CLOCKS;
    while (c->psg_done < psg_target) {
        uint64_t left = psg_target - c->psg_done;
        int n = left < PSG_MAX ? (int)left : PSG_MAX;
        if (psg_run(&c->psg, (uint32_t)n * PSG_CLOCKS_PER_SAMPLE, psg) != n)
            abort();
        audio_mixer_push_psg(&c->mixer, psg, n);
        c->psg_done += (uint64_t)n;
    }
    int got;
    while ((got = audio_mixer_read(&c->mixer, out, OUT_MAX)) > 0)
        append(c, out, got);
}

void chip_mix_run(ChipMix *c, double seconds)
{
    int frames = (int)(seconds * CHIP_MIX_NTSC_HZ / FRAME_MASTER_CLOCKS + 0.5);
    for (int i = 0; i < frames; i++)
        run_frame(c);
}

double chip_mix_rms(const ChipMix *c, size_t start, int channel)
{
    double sum = 0.0;
    for (size_t i = start; i < c->frames; i++) {
        double v = c->out[2 * i + (size_t)channel];
        sum += v * v;
    }
    return c->frames > start ? sqrt(sum / (double)(c->frames - start)) : 0.0;
}
