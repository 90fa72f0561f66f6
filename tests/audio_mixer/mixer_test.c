/* mixer_test.c - the FM/PSG mixer and band-limited resampler: exact output
 * count over 10,000 frames, frequency/amplitude preservation, alias
 * rejection, FM:PSG weighting, the model 1 low-pass option, determinism.
 * Levels are checked against the mixer's output gain (its headroom,
 * audio_mixer_output_gain); the balance and the headroom themselves are
 * measured through the chips in mixer_balance_test.c and
 * mixer_headroom_test.c. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audio_mixer.h"
#include "psg.h"

#define NTSC_MASTER_HZ 53693175u
#define NTSC_FRAME_MASTER_CLOCKS 896040u
#define PI 3.14159265358979323846

typedef enum { WAVE_NONE, WAVE_SINE, WAVE_SQUARE } Wave;

/* What the FM input plays; the PSG input is a real Psg chip. */
typedef struct Source {
    Wave fm_wave;
    double fm_hz, fm_amplitude;
    int fm_left_only;
    Psg psg;
    int use_psg;
} Source;

typedef struct Capture {
    int16_t *lr;
    size_t frames, capacity;
} Capture;

typedef struct Feeder {
    uint64_t master_clocks, fm_done, psg_done;
} Feeder;

static int16_t fm_value(const Source *src, uint64_t k)
{
    if (src->fm_wave == WAVE_NONE)
        return 0;
    double t = (double)k * 1008.0 / NTSC_MASTER_HZ;
    double phase = fmod(t * src->fm_hz, 1.0);
    double v = src->fm_wave == WAVE_SINE ? sin(2.0 * PI * phase) : (phase < 0.5 ? 1.0 : -1.0);
    return (int16_t)lrint(v * src->fm_amplitude);
}

static void capture_append(Capture *cap, const int16_t *lr, int frames)
{
    if (cap->frames + (size_t)frames > cap->capacity) {
        cap->capacity = (cap->frames + (size_t)frames) * 2 + 4096;
        cap->lr = realloc(cap->lr, cap->capacity * 2 * sizeof(int16_t));
        assert_non_null(cap->lr);
    }
    memcpy(cap->lr + cap->frames * 2, lr, (size_t)frames * 2 * sizeof(int16_t));
    cap->frames += (size_t)frames;
}

/* Advance the inputs by `clocks` master clocks the way the system does:
 * whole input samples only, the fraction carried over; then read. */
static size_t feed(AudioMixer *m, Source *src, Feeder *f, uint64_t clocks, Capture *cap)
{
    static const int max_fm = 4096, max_psg = 16384;
    int16_t fm[2 * 4096], psg[16384], out[2 * 8192];
    f->master_clocks += clocks;
    uint64_t fm_target = f->master_clocks / AUDIO_FM_MASTER_CLOCKS;
    while (f->fm_done < fm_target) {
        int n = (int)((fm_target - f->fm_done) < (uint64_t)max_fm ? (fm_target - f->fm_done) : (uint64_t)max_fm);
        for (int i = 0; i < n; i++) {
            int16_t v = fm_value(src, f->fm_done + (uint64_t)i);
            fm[2 * i] = v;
            fm[2 * i + 1] = src->fm_left_only ? 0 : v;
        }
        audio_mixer_push_fm(m, fm, n);
        f->fm_done += (uint64_t)n;
    }
    uint64_t psg_target = f->master_clocks / AUDIO_PSG_MASTER_CLOCKS;
    while (f->psg_done < psg_target) {
        int n = (int)((psg_target - f->psg_done) < (uint64_t)max_psg ? (psg_target - f->psg_done) : (uint64_t)max_psg);
        if (src->use_psg)
            assert_int_equal(psg_run(&src->psg, (uint32_t)n * PSG_CLOCKS_PER_SAMPLE, psg), n);
        else
            memset(psg, 0, sizeof(int16_t) * (size_t)n);
        audio_mixer_push_psg(m, psg, n);
        f->psg_done += (uint64_t)n;
    }
    size_t total = 0;
    for (;;) {
        int got = audio_mixer_read(m, out, 8192);
        if (got == 0)
            break;
        total += (size_t)got;
        if (cap)
            capture_append(cap, out, got);
    }
    return total;
}

/* Run `seconds` of input frame by frame; returns the captured output. */
static Capture run_seconds(AudioMixer *m, Source *src, double seconds)
{
    Capture cap = {0};
    Feeder f = {0};
    int frames = (int)(seconds * NTSC_MASTER_HZ / NTSC_FRAME_MASTER_CLOCKS + 0.5);
    for (int i = 0; i < frames; i++)
        feed(m, src, &f, NTSC_FRAME_MASTER_CLOCKS, &cap);
    return cap;
}

static double rms(const Capture *cap, size_t start, int channel)
{
    double sum = 0;
    for (size_t i = start; i < cap->frames; i++) {
        double v = cap->lr[2 * i + (size_t)channel];
        sum += v * v;
    }
    return sqrt(sum / (double)(cap->frames - start));
}

/* Amplitude of the component at hz (single-bin DFT over whole cycles). */
static double tone_amplitude(const Capture *cap, size_t start, int channel, double hz, double rate)
{
    size_t n = cap->frames - start;
    size_t cycles = (size_t)((double)n * hz / rate);
    n = (size_t)((double)cycles * rate / hz);
    double re = 0, im = 0;
    for (size_t i = 0; i < n; i++) {
        double v = cap->lr[2 * (start + i) + (size_t)channel];
        double a = 2.0 * PI * hz * (double)i / rate;
        re += v * cos(a);
        im += v * sin(a);
    }
    return 2.0 * sqrt(re * re + im * im) / (double)n;
}

static void check_no_drift(uint32_t rate)
{
    AudioMixer *m = malloc(sizeof *m);
    assert_non_null(m);
    audio_mixer_init(m, NTSC_MASTER_HZ, rate);
    Source src = {.fm_wave = WAVE_SQUARE, .fm_hz = 50.0, .fm_amplitude = 3000};
    Feeder f = {0};
    uint64_t total = 0;
    for (int frame = 0; frame < 10000; frame++)
        total += feed(m, &src, &f, NTSC_FRAME_MASTER_CLOCKS, NULL);
    uint64_t clocks = (uint64_t)10000 * NTSC_FRAME_MASTER_CLOCKS;
    uint64_t expected = clocks * rate / NTSC_MASTER_HZ;
    printf("rate %u: %llu frames out, expected %llu (%.4f per video frame)\n", rate,
           (unsigned long long)total, (unsigned long long)expected, (double)total / 10000.0);
    assert_true(total + 1 >= expected && total <= expected + 1);
    assert_int_equal(m->state.dropped_samples, 0);
    assert_int_equal(m->state.out_samples, total);
    free(m);
}

static void test_no_drift_44100(void **state)
{
    (void)state;
    check_no_drift(44100);
}

static void test_no_drift_48000(void **state)
{
    (void)state;
    check_no_drift(48000);
}

/* PAL: 313 lines of 3420 master clocks at 53,203,424 Hz, any rate. */
static void test_no_drift_pal(void **state)
{
    (void)state;
    const uint32_t pal_hz = 53203424u, frame = 313u * 3420u;
    static const uint32_t rates[] = {44100, 48000, 31250};
    for (size_t r = 0; r < 3; r++) {
        AudioMixer *m = malloc(sizeof *m);
        assert_non_null(m);
        audio_mixer_init(m, pal_hz, rates[r]);
        int16_t fm[2 * 1100] = {0}, psg[4500] = {0}, out[2 * 1100];
        uint64_t clocks = 0, fm_done = 0, psg_done = 0, total = 0;
        for (int f = 0; f < 3000; f++) {
            clocks += frame;
            int nf = (int)(clocks / AUDIO_FM_MASTER_CLOCKS - fm_done);
            int np = (int)(clocks / AUDIO_PSG_MASTER_CLOCKS - psg_done);
            fm[0] = (int16_t)(f % 2 ? 1000 : -1000);
            audio_mixer_push_fm(m, fm, nf);
            audio_mixer_push_psg(m, psg, np);
            fm_done += (uint64_t)nf;
            psg_done += (uint64_t)np;
            total += (uint64_t)audio_mixer_read(m, out, 1100);
        }
        uint64_t expected = clocks * rates[r] / pal_hz;
        assert_true(total + 1 >= expected && total <= expected + 1);
        free(m);
    }
}

/* A 1 kHz sine keeps its frequency and amplitude through the resampler. */
static void test_sine_1khz(void **state)
{
    (void)state;
    static const uint32_t rates[] = {44100, 48000, 32000, 22050, 96000};
    for (size_t r = 0; r < sizeof rates / sizeof rates[0]; r++) {
        AudioMixer *m = malloc(sizeof *m);
        assert_non_null(m);
        audio_mixer_init(m, NTSC_MASTER_HZ, rates[r]);
        Source src = {.fm_wave = WAVE_SINE, .fm_hz = 1000.0, .fm_amplitude = 16000};
        Capture cap = run_seconds(m, &src, 1.0);
        size_t start = rates[r] / 5; /* let the output high-pass settle */
        const double expected = 16000.0 * audio_mixer_output_gain();
        double at = tone_amplitude(&cap, start, 0, 1000.0, rates[r]);
        double below = tone_amplitude(&cap, start, 0, 995.0, rates[r]);
        double above = tone_amplitude(&cap, start, 0, 1005.0, rates[r]);
        /* The held (zero-order) FM samples lose 0.005 dB at 1 kHz. */
        printf("rate %u: 1 kHz amplitude %.1f (995 Hz %.1f, 1005 Hz %.1f)\n", rates[r], at, below, above);
        assert_true(fabs(20.0 * log10(at / expected)) < 0.05);
        assert_true(below < at / 20 && above < at / 20);
        /* Zero crossings: 2 per cycle. */
        int crossings = 0;
        for (size_t i = start + 1; i < cap.frames; i++)
            crossings += (cap.lr[2 * i] >= 0) != (cap.lr[2 * i - 2] >= 0);
        double seconds = (double)(cap.frames - start - 1) / rates[r];
        assert_true(fabs(crossings / (2.0 * seconds) - 1000.0) < 1.5);
        assert_true(fabs(rms(&cap, start, 1) - rms(&cap, start, 0)) < 1.0);
        free(cap.lr);
        free(m);
    }
}

/* Input tones above the host Nyquist frequency must not come back as aliases. */
static void test_alias_rejection(void **state)
{
    (void)state;
    static const uint32_t rates[] = {44100, 48000};
    for (size_t r = 0; r < 2; r++) {
        /* FM: a 25 kHz sine, below the FM rate's Nyquist but above the host's. */
        AudioMixer *m = malloc(sizeof *m);
        assert_non_null(m);
        audio_mixer_init(m, NTSC_MASTER_HZ, rates[r]);
        Source src = {.fm_wave = WAVE_SINE, .fm_hz = 25000.0, .fm_amplitude = 16000};
        Capture cap = run_seconds(m, &src, 0.5);
        double level = rms(&cap, rates[r] / 10, 0);
        double db = 20.0 * log10(level / (16000.0 * audio_mixer_output_gain() / sqrt(2.0)));
        printf("rate %u: 25 kHz FM sine comes out at %.1f dB\n", rates[r], db);
        assert_true(db <= -40.0);
        free(cap.lr);

        /* PSG: square waves at 37.3 kHz (period 3) and 28.0 kHz (period 4). */
        for (unsigned period = 3; period <= 4; period++) {
            audio_mixer_init(m, NTSC_MASTER_HZ, rates[r]);
            Source psrc = {.fm_wave = WAVE_NONE, .use_psg = 1};
            psg_init(&psrc.psg);
            psg_write(&psrc.psg, (uint8_t)(0x80 | (period & 0xF)));
            psg_write(&psrc.psg, 0x00);
            psg_write(&psrc.psg, 0x90); /* channel 0, attenuation 0 */
            Capture pcap = run_seconds(m, &psrc, 0.5);
            double input_rms = PSG_CHANNEL_FULL_SCALE * (double)AUDIO_MIXER_PSG_WEIGHT / AUDIO_MIXER_FM_WEIGHT *
                               audio_mixer_output_gain();
            double pdb = 20.0 * log10(rms(&pcap, rates[r] / 10, 0) / input_rms);
            printf("rate %u: PSG square at %.0f Hz comes out at %.1f dB\n", rates[r],
                   NTSC_MASTER_HZ / 15.0 / 32.0 / period, pdb);
            assert_true(pdb <= -40.0);
            free(pcap.lr);
        }
        free(m);
    }
}

/* A PSG sample counts AUDIO_MIXER_PSG_WEIGHT / AUDIO_MIXER_FM_WEIGHT of an
 * FM sample: one PSG channel at attenuation 0 (a +-PSG_CHANNEL_FULL_SCALE
 * square) comes out like an FM square of that weighted amplitude, and both
 * at the output gain. */
static void test_fm_psg_levels(void **state)
{
    (void)state;
    AudioMixer *m = malloc(sizeof *m);
    assert_non_null(m);
    /* PSG period 254: 440.4 Hz square. */
    double hz = NTSC_MASTER_HZ / 15.0 / 32.0 / 254.0;
    audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
    Source psrc = {.fm_wave = WAVE_NONE, .use_psg = 1};
    psg_init(&psrc.psg);
    psg_write(&psrc.psg, 0x80 | (254 & 0xF));
    psg_write(&psrc.psg, 254 >> 4);
    psg_write(&psrc.psg, 0x90);
    Capture pcap = run_seconds(m, &psrc, 1.0);
    double psg_level = tone_amplitude(&pcap, 9600, 0, hz, 48000);

    audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
    const double weighted = PSG_CHANNEL_FULL_SCALE * (double)AUDIO_MIXER_PSG_WEIGHT / AUDIO_MIXER_FM_WEIGHT;
    Source fsrc = {.fm_wave = WAVE_SQUARE, .fm_hz = hz, .fm_amplitude = weighted};
    Capture fcap = run_seconds(m, &fsrc, 1.0);
    double fm_level = tone_amplitude(&fcap, 9600, 0, hz, 48000);
    double db = 20.0 * log10(psg_level / fm_level);
    printf("PSG channel vs FM channel at 440 Hz: %.1f vs %.1f (%.2f dB)\n", psg_level, fm_level, db);
    /* Square-wave fundamental = 4/pi * peak. */
    assert_true(fabs(fm_level / (4.0 / PI * lrint(weighted) * audio_mixer_output_gain()) - 1.0) < 0.01);
    assert_true(fabs(db) < 0.1);

    /* The enables silence one side only. */
    audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
    m->psg_enabled = false;
    psg_init(&psrc.psg);
    psg_write(&psrc.psg, 0x80 | (254 & 0xF));
    psg_write(&psrc.psg, 254 >> 4);
    psg_write(&psrc.psg, 0x90);
    Capture silent = run_seconds(m, &psrc, 0.2);
    assert_true(rms(&silent, 0, 0) < 1.0);
    audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
    m->fm_enabled = false;
    Capture silent_fm = run_seconds(m, &fsrc, 0.2);
    assert_true(rms(&silent_fm, 0, 0) < 1.0);
    free(silent.lr);
    free(silent_fm.lr);
    free(pcap.lr);
    free(fcap.lr);
    free(m);
}

static void test_stereo_separation(void **state)
{
    (void)state;
    AudioMixer *m = malloc(sizeof *m);
    assert_non_null(m);
    audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
    Source src = {.fm_wave = WAVE_SINE, .fm_hz = 3000.0, .fm_amplitude = 20000, .fm_left_only = 1};
    Capture cap = run_seconds(m, &src, 0.3);
    assert_true(rms(&cap, 4800, 0) > 0.92 * 20000.0 / sqrt(2.0) * audio_mixer_output_gain());
    assert_true(rms(&cap, 0, 1) == 0.0);
    free(cap.lr);
    free(m);
}

/* The model 1 low-pass takes the top end down and leaves the bass alone. */
static void test_lowpass_option(void **state)
{
    (void)state;
    static const double freqs[] = {200.0, 10000.0};
    double ratio[2];
    for (int i = 0; i < 2; i++) {
        double level[2];
        for (int lowpass = 0; lowpass < 2; lowpass++) {
            AudioMixer *m = malloc(sizeof *m);
            assert_non_null(m);
            audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
            m->lowpass = lowpass;
            Source src = {.fm_wave = WAVE_SINE, .fm_hz = freqs[i], .fm_amplitude = 16000};
            Capture cap = run_seconds(m, &src, 0.5);
            level[lowpass] = rms(&cap, 4800, 0);
            free(cap.lr);
            free(m);
        }
        ratio[i] = level[1] / level[0];
        printf("low-pass at %.0f Hz: %.2f dB\n", freqs[i], 20.0 * log10(ratio[i]));
    }
    assert_true(ratio[0] > 0.98);
    assert_true(ratio[1] < 0.45);
}

/* The output is AC-coupled like the console's: a held level decays away,
 * and a rate change restarts the mixer cleanly. */
static void test_dc_removed_and_rate_change(void **state)
{
    (void)state;
    AudioMixer *m = malloc(sizeof *m);
    assert_non_null(m);
    audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
    Source src = {.fm_wave = WAVE_SQUARE, .fm_hz = 0.25, .fm_amplitude = 12000}; /* +12000 for 2 s */
    Capture cap = run_seconds(m, &src, 1.0);
    assert_true(cap.lr[2 * 24] > 0.92 * 12000 * audio_mixer_output_gain()); /* the step comes through */
    assert_true(abs(cap.lr[2 * (cap.frames - 1)]) < 20); /* and decays */
    free(cap.lr);

    m->host_rate = 44100;
    Source sine = {.fm_wave = WAVE_SINE, .fm_hz = 1000.0, .fm_amplitude = 16000};
    Capture after = run_seconds(m, &sine, 0.5);
    uint64_t video_frames = (uint64_t)(0.5 * NTSC_MASTER_HZ / NTSC_FRAME_MASTER_CLOCKS + 0.5);
    uint64_t expected = video_frames * NTSC_FRAME_MASTER_CLOCKS * 44100 / NTSC_MASTER_HZ;
    assert_true(after.frames + 1 >= expected && after.frames <= expected + 1);
    assert_true(fabs(tone_amplitude(&after, 8820, 0, 1000.0, 44100) / (16000.0 * audio_mixer_output_gain()) - 1.0) <
                0.01);
    free(after.lr);
    free(m);
}

/* Same input, same output bits; a saved state continues identically. */
static void test_deterministic_and_save_load(void **state)
{
    (void)state;
    AudioMixer *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    audio_mixer_init(a, NTSC_MASTER_HZ, 44100);
    audio_mixer_init(b, NTSC_MASTER_HZ, 44100);
    a->lowpass = b->lowpass = true;
    Source sa = {.fm_wave = WAVE_SINE, .fm_hz = 777.0, .fm_amplitude = 9000, .use_psg = 1};
    psg_init(&sa.psg);
    psg_write(&sa.psg, 0xE4); /* white noise */
    psg_write(&sa.psg, 0xF2);
    Source sb = sa;
    Capture ca = run_seconds(a, &sa, 0.3);
    Capture cb = run_seconds(b, &sb, 0.3);
    assert_int_equal(ca.frames, cb.frames);
    assert_memory_equal(ca.lr, cb.lr, ca.frames * 2 * sizeof(int16_t));

    /* Save mid-stream, feed more, restore into b, feed the same, compare. */
    Feeder fa = {0}, fb;
    Capture tail_a = {0}, tail_b = {0};
    feed(a, &sa, &fa, NTSC_FRAME_MASTER_CLOCKS / 3, NULL);
    unsigned char *saved = malloc(audio_mixer_state_size());
    assert_non_null(saved);
    audio_mixer_save_state(a, saved);
    Source sa_copy = sa;
    fb = fa;
    for (int i = 0; i < 5; i++)
        feed(a, &sa, &fa, NTSC_FRAME_MASTER_CLOCKS, &tail_a);
    audio_mixer_load_state(b, saved);
    for (int i = 0; i < 5; i++)
        feed(b, &sa_copy, &fb, NTSC_FRAME_MASTER_CLOCKS, &tail_b);
    assert_int_equal(tail_a.frames, tail_b.frames);
    assert_true(tail_a.frames > 3000);
    assert_memory_equal(tail_a.lr, tail_b.lr, tail_a.frames * 2 * sizeof(int16_t));
    free(saved);
    free(ca.lr);
    free(cb.lr);
    free(tail_a.lr);
    free(tail_b.lr);
    free(a);
    free(b);
}

/* How the input is chunked does not change a bit of the output: feeding a
 * line at a time or a whole frame at a time (at 192 kHz, the largest frame
 * the system allows) gives identical results. */
static void test_chunking_does_not_matter(void **state)
{
    (void)state;
    AudioMixer *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    audio_mixer_init(a, NTSC_MASTER_HZ, 192000);
    audio_mixer_init(b, NTSC_MASTER_HZ, 192000);
    Source sa = {.fm_wave = WAVE_SINE, .fm_hz = 3100.0, .fm_amplitude = 9000, .use_psg = 1};
    psg_init(&sa.psg);
    psg_write(&sa.psg, 0x85); /* tone 0 period 0x105 */
    psg_write(&sa.psg, 0x10);
    psg_write(&sa.psg, 0x91);
    Source sb = sa;
    Feeder fa = {0}, fb = {0};
    Capture ca = {0}, cb = {0};
    for (int frame = 0; frame < 30; frame++) {
        for (int line = 0; line < 262; line++)
            feed(a, &sa, &fa, 3420, &ca);
        feed(b, &sb, &fb, NTSC_FRAME_MASTER_CLOCKS, &cb);
    }
    uint64_t expected = (uint64_t)30 * NTSC_FRAME_MASTER_CLOCKS * 192000 / NTSC_MASTER_HZ;
    assert_int_equal(ca.frames, cb.frames);
    assert_true(ca.frames + 4 >= expected && ca.frames <= expected);
    assert_memory_equal(ca.lr, cb.lr, ca.frames * 2 * sizeof(int16_t));
    assert_int_equal(b->state.dropped_samples, 0);
    free(ca.lr);
    free(cb.lr);
    free(a);
    free(b);
}

/* Nobody reading: the mixer keeps working and drops the oldest output. */
static void test_unread_output_is_dropped(void **state)
{
    (void)state;
    AudioMixer *m = malloc(sizeof *m);
    assert_non_null(m);
    audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
    int16_t fm[2 * 1000];
    int16_t psg[4200];
    for (int i = 0; i < 2000; i++)
        fm[i] = (int16_t)((i / 50) % 2 ? 4000 : -4000);
    for (int i = 0; i < 4200; i++)
        psg[i] = (int16_t)((i / 200) % 2 ? 3000 : -3000);
    for (int round = 0; round < 200; round++) {
        audio_mixer_push_fm(m, fm, 1000);
        audio_mixer_push_psg(m, psg, 4200);
    }
    assert_true(m->state.dropped_samples > 0);
    int16_t out[2 * 512];
    assert_int_equal(audio_mixer_read(m, out, 512), 512);
    /* Only one stream fed: output still flows (the other holds its level). */
    audio_mixer_init(m, NTSC_MASTER_HZ, 48000);
    int total = 0;
    for (int round = 0; round < 20; round++) {
        audio_mixer_push_fm(m, fm, 1000);
        int got;
        while ((got = audio_mixer_read(m, out, 512)) > 0)
            total += got;
    }
    assert_true(total > 20 * 900 - AUDIO_MIXER_MAX_LAG - 100);
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_drift_44100),
        cmocka_unit_test(test_no_drift_48000),
        cmocka_unit_test(test_no_drift_pal),
        cmocka_unit_test(test_sine_1khz),
        cmocka_unit_test(test_alias_rejection),
        cmocka_unit_test(test_fm_psg_levels),
        cmocka_unit_test(test_stereo_separation),
        cmocka_unit_test(test_lowpass_option),
        cmocka_unit_test(test_dc_removed_and_rate_change),
        cmocka_unit_test(test_deterministic_and_save_load),
        cmocka_unit_test(test_chunking_does_not_matter),
        cmocka_unit_test(test_unread_output_is_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
