/* mixer_guard_test.c - the mixer's output must not change when its push and
 * read paths are made faster. Scripted workloads (synthetic FM and PSG
 * input with held levels and changes, pushed and read in varied chunk
 * sizes, both host rates, NTSC and PAL master clocks, low-pass on and off, a
 * rate change, streams switched off, unread output dropped, one stream far
 * ahead of the other) are hashed (64-bit FNV-1a of every output sample and
 * the sample counters); the hashes were recorded from the implementation
 * that stepped one input sample at a time. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audio_mixer.h"
#include "audio_mixer_kernel.h"

#define NTSC_MASTER_HZ 53693175u
#define PAL_MASTER_HZ 53203424u
#define FNV_OFFSET 0xCBF29CE484222325ULL
#define FNV_PRIME 0x100000001B3ULL
#define MAX_CHUNK 6000

typedef struct Rng {
    uint64_t s;
} Rng;

static uint32_t rng_next(Rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return (uint32_t)((r->s * 0x2545F4914F6CDD1DULL) >> 32);
}

static uint32_t rng_below(Rng *r, uint32_t n) { return rng_next(r) % n; }

static uint64_t fnv_bytes(uint64_t h, const void *data, size_t n)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

static uint64_t fnv_u64(uint64_t h, uint64_t v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    return fnv_bytes(h, b, sizeof b);
}

/* FM-like input: two ramps/saws with occasional holds (silence, a held DAC
 * value) and stretches where only one side changes. */
typedef struct FmSource {
    int32_t phase_l, phase_r, inc_l, inc_r;
    uint32_t hold_left, mode;
} FmSource;

static void fm_generate(FmSource *f, Rng *r, int16_t *lr, int n)
{
    for (int i = 0; i < n; i++) {
        if (f->hold_left == 0) {
            f->mode = rng_below(r, 6);
            f->hold_left = 1 + rng_below(r, 2000);
            f->inc_l = (int32_t)rng_below(r, 4000) - 2000;
            f->inc_r = (int32_t)rng_below(r, 4000) - 2000;
        }
        f->hold_left--;
        switch (f->mode) {
        case 0: lr[2 * i] = lr[2 * i + 1] = 0; continue; /* silence */
        case 1: break;                                   /* held: phases stay */
        case 2: f->phase_l += f->inc_l; break;           /* left only */
        default:
            f->phase_l += f->inc_l;
            f->phase_r += f->inc_r;
            break;
        }
        int32_t l = (int16_t)(uint16_t)(uint32_t)f->phase_l, rr = (int16_t)(uint16_t)(uint32_t)f->phase_r;
        if (f->mode == 5) /* full-scale square: the largest steps */
            l = l < 0 ? -32768 : 32767, rr = rr < 0 ? -32768 : 32767;
        lr[2 * i] = (int16_t)l;
        lr[2 * i + 1] = (int16_t)rr;
    }
}

/* PSG-like input: a sum of held levels changing every so many samples. */
typedef struct PsgSource {
    int16_t level;
    uint32_t hold_left;
} PsgSource;

static void psg_generate(PsgSource *p, Rng *r, int16_t *mono, int n)
{
    for (int i = 0; i < n; i++) {
        if (p->hold_left == 0) {
            p->hold_left = 1 + (rng_below(r, 4) == 0 ? rng_below(r, 3) : rng_below(r, 600));
            p->level = (int16_t)((int32_t)rng_below(r, 65529) - 32764);
        }
        p->hold_left--;
        mono[i] = p->level;
    }
}

typedef enum {
    GUARD_SYSTEM_LIKE, /* a scanline's samples at a time, read every line */
    GUARD_RAGGED,      /* random chunk sizes, reads of random size */
    GUARD_ONE_AT_A_TIME,
    GUARD_UNREAD,      /* output rarely read: the oldest is dropped */
    GUARD_LOPSIDED,    /* one stream far ahead of the other */
    GUARD_SWITCHES,    /* low-pass, rate, stream enables changed on the way */
    GUARD_KIND_COUNT
} GuardKind;

typedef struct GuardCase {
    GuardKind kind;
    uint32_t master_hz, host_rate;
    bool lowpass;
} GuardCase;

static const GuardCase guard_cases[] = {
    {GUARD_SYSTEM_LIKE, NTSC_MASTER_HZ, 48000, false},
    {GUARD_SYSTEM_LIKE, NTSC_MASTER_HZ, 44100, true},
    {GUARD_SYSTEM_LIKE, PAL_MASTER_HZ, 44100, false},
    {GUARD_RAGGED, NTSC_MASTER_HZ, 48000, true},
    {GUARD_RAGGED, PAL_MASTER_HZ, 48000, false},
    {GUARD_ONE_AT_A_TIME, NTSC_MASTER_HZ, 44100, false},
    {GUARD_UNREAD, NTSC_MASTER_HZ, 48000, false},
    {GUARD_LOPSIDED, NTSC_MASTER_HZ, 44100, true},
    {GUARD_SWITCHES, NTSC_MASTER_HZ, 48000, false},
    {GUARD_SWITCHES, PAL_MASTER_HZ, 44100, true},
};
#define GUARD_CASES (sizeof guard_cases / sizeof guard_cases[0])

/* Recorded from the one-input-sample-at-a-time mixer (every push one
 * sample long); re-recorded that way when the FM:PSG weights and the output
 * gain changed (audio_mixer.c, "Levels" and "Headroom"). */
static const uint64_t expected_hash[GUARD_CASES] = {
    0x32CD291191551D95ULL,
    0x76CD98512154B38FULL,
    0xC71CB409ECDF2FD0ULL,
    0xA088651C7D981878ULL,
    0x4E442853D2605FE3ULL,
    0xB0792F7C43E6A72FULL,
    0x00D38E20D3147B36ULL,
    0xEAB53E9420797515ULL,
    0x218A67435331731FULL,
    0xFA2B2183C83FC2CBULL,
};

typedef struct Guard {
    AudioMixer mixer;
    FmSource fm;
    PsgSource psg;
    Rng rng;
    uint64_t hash, master, fm_done, psg_done;
    int16_t fm_buf[2 * MAX_CHUNK], psg_buf[MAX_CHUNK], out[2 * MAX_CHUNK];
} Guard;

static void guard_read(Guard *g, int max_frames)
{
    int got = audio_mixer_read(&g->mixer, g->out, max_frames);
    assert_true(got >= 0 && got <= max_frames);
    for (int i = 0; i < 2 * got; i++) {
        uint16_t u = (uint16_t)g->out[i];
        uint8_t b[2] = {(uint8_t)u, (uint8_t)(u >> 8)};
        g->hash = fnv_bytes(g->hash, b, sizeof b);
    }
    g->hash = fnv_u64(g->hash, (uint64_t)got);
}

static void guard_push_fm(Guard *g, int n)
{
    fm_generate(&g->fm, &g->rng, g->fm_buf, n);
    audio_mixer_push_fm(&g->mixer, g->fm_buf, n);
}

static void guard_push_psg(Guard *g, int n)
{
    psg_generate(&g->psg, &g->rng, g->psg_buf, n);
    audio_mixer_push_psg(&g->mixer, g->psg_buf, n);
}

/* Samples each chip makes while the master clock moves on by `clocks`. */
static void guard_advance(Guard *g, uint64_t clocks, int *fm_n, int *psg_n)
{
    g->master += clocks;
    uint64_t fm_total = g->master / AUDIO_FM_MASTER_CLOCKS, psg_total = g->master / AUDIO_PSG_MASTER_CLOCKS;
    *fm_n = (int)(fm_total - g->fm_done);
    *psg_n = (int)(psg_total - g->psg_done);
    g->fm_done = fm_total;
    g->psg_done = psg_total;
}

static void guard_step(Guard *g, GuardKind kind, int step)
{
    int fm_n, psg_n;
    switch (kind) {
    case GUARD_SYSTEM_LIKE:
        guard_advance(g, 3420, &fm_n, &psg_n);
        guard_push_fm(g, fm_n);
        guard_push_psg(g, psg_n);
        guard_read(g, 64);
        break;
    case GUARD_RAGGED:
        guard_advance(g, rng_below(&g->rng, 60000), &fm_n, &psg_n);
        if (rng_below(&g->rng, 2)) {
            guard_push_fm(g, fm_n);
            guard_push_psg(g, psg_n);
        } else {
            guard_push_psg(g, psg_n);
            guard_push_fm(g, fm_n);
        }
        while (rng_below(&g->rng, 3))
            guard_read(g, 1 + (int)rng_below(&g->rng, 700));
        break;
    case GUARD_ONE_AT_A_TIME:
        guard_advance(g, 1008, &fm_n, &psg_n);
        guard_push_fm(g, fm_n);
        for (int i = 0; i < psg_n; i++)
            guard_push_psg(g, 1);
        if (step % 3 == 0)
            guard_read(g, 1 + step % 5);
        break;
    case GUARD_UNREAD:
        guard_advance(g, 3420 * (1 + rng_below(&g->rng, 40)), &fm_n, &psg_n);
        guard_push_fm(g, fm_n);
        guard_push_psg(g, psg_n);
        if (rng_below(&g->rng, 50) == 0)
            guard_read(g, 2000);
        break;
    case GUARD_LOPSIDED: {
        /* The FM stream runs ahead by up to far more than the lag limit. */
        int n = 1 + (int)rng_below(&g->rng, MAX_CHUNK / 2);
        if (rng_below(&g->rng, 4))
            guard_push_fm(g, n);
        else
            guard_push_psg(g, n);
        guard_read(g, (int)rng_below(&g->rng, 3000) + 1);
        break;
    }
    default: /* GUARD_SWITCHES */
        guard_advance(g, 3420 * 2, &fm_n, &psg_n);
        if (step % 997 == 500)
            g->mixer.lowpass = !g->mixer.lowpass;
        if (step % 1499 == 700)
            g->mixer.host_rate = g->mixer.host_rate == 48000 ? 44100 : 48000;
        if (step % 613 == 300)
            g->mixer.fm_enabled = !g->mixer.fm_enabled;
        if (step % 811 == 400)
            g->mixer.psg_enabled = !g->mixer.psg_enabled;
        guard_push_fm(g, fm_n);
        guard_push_psg(g, psg_n);
        guard_read(g, 200);
        break;
    }
}

/* vector: keep the host's step path (AVX2 where it has it) or force the scalar one. */
static uint64_t run_case(const GuardCase *c, uint64_t seed, bool vector)
{
    Guard *g = calloc(1, sizeof *g);
    assert_non_null(g);
    audio_mixer_init(&g->mixer, c->master_hz, c->host_rate);
    if (!vector)
        g->mixer.vector_steps = false;
    g->mixer.lowpass = c->lowpass;
    g->rng.s = seed * 0x9E3779B97F4A7C15ULL + (uint64_t)c->kind * 77 + c->host_rate;
    g->hash = FNV_OFFSET;
    /* About 3 emulated seconds of input for the clocked kinds. */
    int steps = c->kind == GUARD_SYSTEM_LIKE ? 47000
                : c->kind == GUARD_RAGGED ? 5000
                : c->kind == GUARD_ONE_AT_A_TIME ? 160000
                : c->kind == GUARD_UNREAD ? 2300
                : c->kind == GUARD_LOPSIDED ? 600
                : 23500;
    for (int step = 0; step < steps; step++)
        guard_step(g, c->kind, step);
    const AudioMixerState *s = &g->mixer.state;
    uint64_t h = g->hash;
    h = fnv_u64(h, s->fm_samples_in);
    h = fnv_u64(h, s->psg_samples_in);
    h = fnv_u64(h, s->out_samples);
    h = fnv_u64(h, s->dropped_samples);
    free(g);
    return h;
}

static void check_output_hashes(bool vector)
{
    int mismatches = 0;
    for (size_t i = 0; i < GUARD_CASES; i++) {
        uint64_t h = run_case(&guard_cases[i], 1, vector);
        if (h != expected_hash[i]) {
            print_message("case %zu: hash 0x%016llXULL, expected 0x%016llXULL\n", i, (unsigned long long)h,
                          (unsigned long long)expected_hash[i]);
            mismatches++;
        }
    }
    assert_int_equal(mismatches, 0);
}

static void test_output_hashes_scalar(void **state)
{
    (void)state;
    check_output_hashes(false);
}

/* The same hashes from the vector step path; skipped on a host without it. */
static void test_output_hashes_vector(void **state)
{
    (void)state;
    if (!audio_mixer_vector_steps_available())
        skip();
    check_output_hashes(true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_output_hashes_scalar),
        cmocka_unit_test(test_output_hashes_vector),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
