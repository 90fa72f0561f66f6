/* headless_common_test.c - the shared frontend helpers: hashes, atomic file
 * replacement, PNG and WAV writers, input scripts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include <cmocka.h>
#include <png.h>

#include "atomic_file.h"
#include "frame_hash.h"
#include "input_script.h"
#include "mdemu.h"
#include "png_write.h"
#include "wav_writer.h"

/* The group state: a scratch folder for the files the tests write. */
typedef struct Scratch {
    char dir[512];
} Scratch;

static int setup(void **state)
{
    Scratch *scratch = calloc(1, sizeof *scratch);
    if (!scratch)
        return -1;
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch->dir, sizeof scratch->dir, "%s/mdemu_common_XXXXXX", tmp && *tmp ? tmp : "/tmp");
    *state = scratch;
    return mkdtemp(scratch->dir) ? 0 : -1;
}

static int teardown(void **state)
{
    Scratch *scratch = *state;
    DIR *dir = opendir(scratch->dir);
    if (dir) {
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", scratch->dir, e->d_name);
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
                unlink(path);
        }
        closedir(dir);
    }
    rmdir(scratch->dir);
    free(scratch);
    return 0;
}

static void path_in(void **state, const char *name, char *buf, size_t size)
{
    const Scratch *scratch = *state;
    snprintf(buf, size, "%s/%s", scratch->dir, name);
}

static int files_in_scratch(void **state)
{
    const Scratch *scratch = *state;
    int n = 0;
    DIR *dir = opendir(scratch->dir);
    assert_non_null(dir);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(dir);
    return n;
}

static void test_fnv1a64_vectors(void **state)
{
    (void)state;
    /* Published FNV-1a 64-bit test vectors. */
    assert_true(hash_fnv1a64(HASH_FNV1A64_OFFSET, "", 0) == 0xCBF29CE484222325ull);
    assert_true(hash_fnv1a64(HASH_FNV1A64_OFFSET, "a", 1) == 0xAF63DC4C8601EC8Cull);
    assert_true(hash_fnv1a64(HASH_FNV1A64_OFFSET, "foobar", 6) == 0x85944171F73967E8ull);
    /* continuing equals hashing in one go */
    uint64_t h = hash_fnv1a64(HASH_FNV1A64_OFFSET, "foo", 3);
    assert_true(hash_fnv1a64(h, "bar", 3) == 0x85944171F73967E8ull);
}

static void test_frame_hash_layout(void **state)
{
    (void)state;
    /* 2x2 visible pixels inside rows of 3 (pitch 12); the X byte is ignored. */
    const uint32_t pixels[6] = { 0xFF123456, 0x00ABCDEF, 0xDEADBEEF, 0x00000001, 0x00FFFFFF, 0x77777777 };
    const uint8_t bytes[16] = { 0x56, 0x34, 0x12, 0, 0xEF, 0xCD, 0xAB, 0, 0x01, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0 };
    assert_true(hash_frame_xrgb8888(pixels, 2, 2, 12) == hash_fnv1a64(HASH_FNV1A64_OFFSET, bytes, 16));
}

static void test_audio_hash_layout(void **state)
{
    (void)state;
    const int16_t samples[4] = { 1, -1, 0x1234, -32768 };
    const uint8_t bytes[8] = { 0x01, 0x00, 0xFF, 0xFF, 0x34, 0x12, 0x00, 0x80 };
    uint64_t h = hash_audio_s16(HASH_FNV1A64_OFFSET, samples, 1);
    h = hash_audio_s16(h, samples + 2, 1);
    assert_true(h == hash_fnv1a64(HASH_FNV1A64_OFFSET, bytes, 8));
    assert_true(hash_audio_s16(h, NULL, 0) == h);
}

static void test_atomic_write(void **state)
{
    char path[1024];
    path_in(state, "atomic.bin", path, sizeof path);
    char err[512];
    assert_true(atomic_file_write(path, "first", 5, err, sizeof err));
    assert_true(atomic_file_write(path, "second!", 7, err, sizeof err));
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[16] = { 0 };
    assert_int_equal(fread(buf, 1, sizeof buf, f), 7);
    fclose(f);
    assert_string_equal(buf, "second!");
    assert_int_equal(files_in_scratch(state), 1); /* no temporary left behind */

    /* an abandoned write leaves the old file untouched and no temporary */
    AtomicFile af;
    assert_true(atomic_file_open(&af, path, err, sizeof err));
    fputs("partial", af.file);
    atomic_file_abort(&af);
    f = fopen(path, "rb");
    assert_non_null(f);
    memset(buf, 0, sizeof buf);
    assert_int_equal(fread(buf, 1, sizeof buf, f), 7);
    fclose(f);
    assert_string_equal(buf, "second!");
    assert_int_equal(files_in_scratch(state), 1);
    unlink(path);

    char bad[1100];
    path_in(state, "missing-dir/x.bin", bad, sizeof bad);
    assert_false(atomic_file_write(bad, "x", 1, err, sizeof err));
    assert_non_null(strstr(err, "missing-dir/x.bin"));
}

static void test_png_roundtrip(void **state)
{
    enum { W = 5, H = 3, PITCH_PIXELS = 7 };
    uint32_t pixels[H * PITCH_PIXELS];
    for (int i = 0; i < H * PITCH_PIXELS; i++)
        pixels[i] = 0xAA000000u | (uint32_t)(i * 0x0A0B0C);
    char path[1024], err[512];
    path_in(state, "shot.png", path, sizeof path);
    assert_true(png_write_xrgb8888(path, pixels, W, H, PITCH_PIXELS * 4, err, sizeof err));

    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    assert_true(png_image_begin_read_from_file(&image, path));
    assert_int_equal(image.width, W);
    assert_int_equal(image.height, H);
    image.format = PNG_FORMAT_RGB;
    uint8_t rgb[W * H * 3];
    assert_true(png_image_finish_read(&image, NULL, rgb, 0, NULL));
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            uint32_t p = pixels[y * PITCH_PIXELS + x];
            const uint8_t *q = rgb + 3 * (y * W + x);
            assert_int_equal(q[0], (p >> 16) & 0xFF);
            assert_int_equal(q[1], (p >> 8) & 0xFF);
            assert_int_equal(q[2], p & 0xFF);
        }
    }
    unlink(path);
    char bad[1100];
    path_in(state, "missing-dir/shot.png", bad, sizeof bad);
    assert_false(png_write_xrgb8888(bad, pixels, W, H, PITCH_PIXELS * 4, err, sizeof err));
    assert_non_null(strstr(err, "missing-dir"));
    assert_false(png_write_xrgb8888(path, NULL, W, H, W * 4, err, sizeof err));
}

static void test_wav_writer(void **state)
{
    char path[1024], err[512];
    path_in(state, "out.wav", path, sizeof path);
    WavWriter w;
    assert_true(wav_writer_open(&w, path, 44100, err, sizeof err));
    const int16_t a[4] = { 1, -2, 300, -400 };
    const int16_t b[2] = { 32767, -32768 };
    assert_true(wav_writer_write(&w, a, 2));
    assert_true(wav_writer_write(&w, b, 1));
    assert_true(wav_writer_close(&w, err, sizeof err));
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    uint8_t data[128];
    size_t n = fread(data, 1, sizeof data, f);
    fclose(f);
    assert_int_equal(n, 44 + 12);
    static const uint8_t header[44] = {
        'R', 'I', 'F', 'F', 48, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ',
        16, 0, 0, 0, 1, 0, 2, 0, 0x44, 0xAC, 0, 0, 0x10, 0xB1, 0x02, 0,
        4, 0, 16, 0, 'd', 'a', 't', 'a', 12, 0, 0, 0,
    };
    assert_memory_equal(data, header, 44);
    static const uint8_t samples[12] = { 1, 0, 0xFE, 0xFF, 0x2C, 0x01, 0x70, 0xFE, 0xFF, 0x7F, 0x00, 0x80 };
    assert_memory_equal(data + 44, samples, 12);
    unlink(path);
}

static void test_input_script_parse(void **state)
{
    (void)state;
    InputScript s;
    char err[256];
    assert_true(input_script_parse(&s,
                                   "# comment\n"
                                   "120 1 START\n"
                                   "\n"
                                   "  30 2 up+a+MODE   # trailing comment\n"
                                   "120 1 A+B+C+X+Y+Z+DOWN+LEFT+RIGHT\n"
                                   "200 1\n",
                                   "script", err, sizeof err));
    assert_int_equal(s.count, 4);
    /* sorted by frame, file order kept within a frame */
    assert_int_equal(s.events[0].frame, 30);
    assert_int_equal(s.events[0].port, 1);
    assert_int_equal(s.events[0].buttons, MDEMU_BTN_UP | MDEMU_BTN_A | MDEMU_BTN_MODE);
    assert_int_equal(s.events[1].frame, 120);
    assert_int_equal(s.events[1].buttons, MDEMU_BTN_START);
    assert_int_equal(s.events[2].buttons, MDEMU_BTN_A | MDEMU_BTN_B | MDEMU_BTN_C | MDEMU_BTN_X |
                                              MDEMU_BTN_Y | MDEMU_BTN_Z | MDEMU_BTN_DOWN |
                                              MDEMU_BTN_LEFT | MDEMU_BTN_RIGHT);
    assert_int_equal(s.events[3].frame, 200);
    assert_int_equal(s.events[3].buttons, 0);

    uint16_t pads[2] = { 0, 0 };
    size_t cursor = 0;
    input_script_apply(&s, &cursor, 0, pads);
    assert_int_equal(pads[0] | pads[1], 0);
    input_script_apply(&s, &cursor, 30, pads);
    assert_int_equal(pads[1], MDEMU_BTN_UP | MDEMU_BTN_A | MDEMU_BTN_MODE);
    input_script_apply(&s, &cursor, 150, pads); /* both frame-120 lines; the later wins */
    assert_int_equal(pads[0], s.events[2].buttons);
    input_script_apply(&s, &cursor, 1000, pads);
    assert_int_equal(pads[0], 0);
    assert_int_equal(pads[1], MDEMU_BTN_UP | MDEMU_BTN_A | MDEMU_BTN_MODE);
    input_script_free(&s);

    static const struct {
        const char *text;
        const char *where;
    } bad[] = {
        { "10 3 A\n", "script:1: port" },
        { "10\n", "script:1: port" },
        { "\nx 1 A\n", "script:2: frame" },
        { "10 1 A+\n", "script:1: unknown button" },
        { "10 1 JUMP\n", "script:1: unknown button" },
        { "10 1 A B\n", "script:1: buttons" },
        { "-5 1 A\n", "script:1: frame" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_false(input_script_parse(&s, bad[i].text, "script", err, sizeof err));
        assert_non_null(strstr(err, bad[i].where));
        assert_null(s.events);
    }
}

static void test_input_script_load(void **state)
{
    char path[1024], err[256];
    path_in(state, "input.txt", path, sizeof path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 2000; i++) /* larger than one read buffer */
        fprintf(f, "%d %d %s\n", i, 1 + (i & 1), (i % 3) ? "B" : "");
    fclose(f);
    InputScript s;
    assert_true(input_script_load(&s, path, err, sizeof err));
    assert_int_equal(s.count, 2000);
    assert_int_equal(s.events[1999].frame, 1999);
    assert_int_equal(s.events[1999].port, 1);
    assert_int_equal(s.events[3].buttons, 0);
    assert_int_equal(s.events[4].buttons, MDEMU_BTN_B);
    input_script_free(&s);
    unlink(path);
    assert_false(input_script_load(&s, path, err, sizeof err));
    assert_non_null(strstr(err, "input.txt"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fnv1a64_vectors),
        cmocka_unit_test(test_frame_hash_layout),
        cmocka_unit_test(test_audio_hash_layout),
        cmocka_unit_test(test_atomic_write),
        cmocka_unit_test(test_png_roundtrip),
        cmocka_unit_test(test_wav_writer),
        cmocka_unit_test(test_input_script_parse),
        cmocka_unit_test(test_input_script_load),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
