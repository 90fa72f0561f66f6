/* test_audio_golden.c - one sound ROM through mdemu-headless against its
 * stored audio hash, plus sanity checks on the WAV the run wrote.
 * Usage: audio_golden_<rom> HEADLESS ROM GOLDEN WAV FRAMES
 * With MDEMU_REGEN_GOLDENS=1 in the environment the golden file is rewritten
 * instead of compared (listen to the WAV before committing it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "frame_hash.h"
#include "run_program.h"
#include "testdata.h"
#include "wav_read.h"

#define AUDIO_RATE 48000.0
#define NTSC_FPS 59.922743 /* NTSC master clock 53693175 Hz / (3420 clocks per line * 262 lines) */

typedef struct Case {
    const char *headless, *rom, *golden, *wav;
    uint64_t frames;
    uint64_t run_frames, audio_hash; /* from the run's report line */
    WavData data;
} Case;

/* The report is the last line: frames=N frame_hash=HEX audio_hash=HEX. */
static bool parse_report(const char *out, Case *c)
{
    const char *line = NULL;
    for (const char *p = out; (p = strstr(p, "frames=")) != NULL; p++)
        if (p == out || p[-1] == '\n')
            line = p;
    uint64_t frame_hash = 0;
    return line && sscanf(line, "frames=%" SCNu64 " frame_hash=%" SCNx64 " audio_hash=%" SCNx64, &c->run_frames,
                          &frame_hash, &c->audio_hash) == 3;
}

static bool run_rom(Case *c)
{
    char frames[32];
    snprintf(frames, sizeof frames, "%" PRIu64, c->frames);
    const char *argv[] = { c->headless, c->rom, "--frames", frames, "--wav", c->wav, NULL };
    ProgramOutput out;
    char err[512];
    unlink(c->wav);
    if (!run_program(argv, &out, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return false;
    }
    bool ok = out.exit_code == 0 && parse_report(out.out, c);
    if (!ok)
        fprintf(stderr, "mdemu-headless exited with %d, output:\n%s\n", out.exit_code, out.out);
    free(out.out);
    if (ok && !wav_read(c->wav, &c->data, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        ok = false;
    }
    return ok;
}

/* 44-byte header, then frames * 4 bytes; as many sample frames as an NTSC
 * run of that length makes at 48 kHz (within one per video frame). */
static void test_wav_size(void **state)
{
    const Case *c = *state;
    assert_int_equal(c->run_frames, c->frames);
    assert_int_equal(c->data.rate, 48000);
    assert_int_equal(c->data.header_size, 44);
    assert_int_equal(c->data.file_size, 44 + c->data.frames * 4);
    double expected = (double)c->frames * AUDIO_RATE / NTSC_FPS;
    double off = fabs((double)c->data.frames - expected);
    if (off > (double)c->frames)
        fail_msg("%zu sample frames for %" PRIu64 " video frames, expected about %.0f", c->data.frames, c->frames,
                 expected);
}

/* The WAV holds exactly the samples the run hashed. */
static void test_wav_matches_report(void **state)
{
    const Case *c = *state;
    uint64_t hash = hash_audio_s16(HASH_FNV1A64_OFFSET, c->data.samples, c->data.frames);
    if (hash != c->audio_hash)
        fail_msg("audio_hash of the WAV %016" PRIx64 " != reported %016" PRIx64, hash, c->audio_hash);
}

/* Sound, but not clipped: a clear level overall, peaks well above noise and
 * below full scale. */
static void test_not_silent(void **state)
{
    const Case *c = *state;
    size_t n = c->data.frames * 2;
    double sum = 0;
    int peak = 0;
    size_t full_scale = 0;
    for (size_t i = 0; i < n; i++) {
        int v = c->data.samples[i];
        sum += (double)v * v;
        int mag = v < 0 ? -v : v;
        if (mag > peak)
            peak = mag;
        if (v == INT16_MAX || v == INT16_MIN)
            full_scale++;
    }
    double rms = n ? sqrt(sum / (double)n) : 0;
    printf("rms %.1f peak %d full-scale samples %zu\n", rms, peak, full_scale);
    assert_true(rms >= 100.0);
    assert_true(peak >= 1000);
    assert_int_equal(full_scale, 0);
}

static bool read_golden(const char *path, uint64_t *frames, uint64_t *hash)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[256];
    bool found = false;
    while (!found && fgets(line, sizeof line, f))
        if (line[0] != '#')
            found = sscanf(line, "frames=%" SCNu64 " audio_hash=%" SCNx64, frames, hash) == 2;
    fclose(f);
    return found;
}

static void test_golden_hash(void **state)
{
    const Case *c = *state;
    const char *regen = getenv("MDEMU_REGEN_GOLDENS");
    if (regen && !strcmp(regen, "1")) {
        FILE *f = fopen(c->golden, "w");
        if (!f)
            fail_msg("cannot write %s", c->golden);
        fprintf(f, "# audio_hash of mdemu-headless ROM --frames N (tests/audio_golden/README.md)\n");
        fprintf(f, "frames=%" PRIu64 " audio_hash=%016" PRIx64 "\n", c->frames, c->audio_hash);
        assert_int_equal(fclose(f), 0);
        fprintf(stderr, "rewrote %s: listen to %s before committing it\n", c->golden, c->wav);
        return;
    }
    uint64_t frames = 0, hash = 0;
    if (!read_golden(c->golden, &frames, &hash))
        fail_msg("cannot read %s (MDEMU_REGEN_GOLDENS=1 writes it)", c->golden);
    if (frames != c->frames)
        fail_msg("%s is for %" PRIu64 " frames, the test runs %" PRIu64, c->golden, frames, c->frames);
    if (hash != c->audio_hash)
        fail_msg("audio_hash %016" PRIx64 " != golden %016" PRIx64 " (%s); the audio is in %s", c->audio_hash, hash,
                 c->golden, c->wav);
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: %s HEADLESS ROM GOLDEN WAV FRAMES\n", argv[0]);
        return 2;
    }
    Case c = { .headless = argv[1], .rom = argv[2], .golden = argv[3], .wav = argv[4] };
    c.frames = strtoull(argv[5], NULL, 10);
    const char *needed[] = { c.headless, c.rom };
    for (int i = 0; i < 2; i++) {
        if (access(needed[i], R_OK) != 0) {
            printf("%s is not built: skipped\n", needed[i]);
            return MDEMU_TEST_SKIP;
        }
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_prestate(test_wav_size, &c),
        cmocka_unit_test_prestate(test_wav_matches_report, &c),
        cmocka_unit_test_prestate(test_not_silent, &c),
        cmocka_unit_test_prestate(test_golden_hash, &c),
    };
    if (!run_rom(&c))
        return 1;
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(c.data.samples);
    return failed ? 1 : 0;
}
