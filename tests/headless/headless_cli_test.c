/* headless_cli_test.c - mdemu-headless as a user runs it: every option, the
 * report line, exit codes and the files it writes. The ROMs are tiny 68000
 * programs written by the test (source in the comments above each). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <png.h>

#include "frame_hash.h"
#include "headless_test_process.h"
#include "headless_test_rom.h"

#define HEADLESS_BIN MDEMU_BINARY_DIR "/mdemu-headless"

/*   move.w  #$8144,($c00004).l      display on, mode 5
 *   move.w  #$8700,($c00004).l      backdrop = colour 0
 *   move.l  #$c0000000,($c00004).l  CRAM write, address 0
 *   move.w  #$e,($c00000).l         red
 * loop:  bra.s loop                 ($222) */
static const uint8_t rom_idle[] = {
    0x33, 0xfc, 0x81, 0x44, 0x00, 0xc0, 0x00, 0x04, 0x33, 0xfc, 0x87, 0x00, 0x00, 0xc0, 0x00, 0x04,
    0x23, 0xfc, 0xc0, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x04, 0x33, 0xfc, 0x00, 0x0e, 0x00, 0xc0,
    0x00, 0x00, 0x60, 0xfe,
};
#define ROM_IDLE_LOOP_PC "0x222"

/*   movea.l port(pc),a1
 *   lea     msg(pc),a0
 * 1: move.b (a0)+,d0 / beq.s 2f / move.b d0,(a1) / bra.s 1b
 * 2: move.b #3,1(a1)                exit code 3
 * 3: bra.s 3b
 * port: dc.l $a13080                (at $218, patched for --test-port=ADDR)
 * msg:  "OK\n" */
static const uint8_t rom_port[] = {
    0x22, 0x7a, 0x00, 0x16, 0x41, 0xfa, 0x00, 0x16, 0x10, 0x18, 0x67, 0x04, 0x12, 0x80, 0x60, 0xf8,
    0x13, 0x7c, 0x00, 0x03, 0x00, 0x01, 0x60, 0xfe, 0x00, 0xa1, 0x30, 0x80, 0x4f, 0x4b, 0x0a, 0x00,
};
#define ROM_PORT_ADDR_OFFSET 0x18

/*   move.b  #$40,($a10009).l        pad 1 TH as output
 *   move.b  #$40,($a10003).l        TH high: reads ?1CBRLDU, active low
 * 1: move.b ($a10003).l,d0 / btst #4,d0 / bne.s 1b     wait for B
 *   move.b  #7,($a13081).l          exit code 7
 * 2: bra.s 2b */
static const uint8_t rom_pad[] = {
    0x13, 0xfc, 0x00, 0x40, 0x00, 0xa1, 0x00, 0x09, 0x13, 0xfc, 0x00, 0x40, 0x00, 0xa1, 0x00, 0x03,
    0x10, 0x39, 0x00, 0xa1, 0x00, 0x03, 0x08, 0x00, 0x00, 0x04, 0x66, 0xf4, 0x13, 0xfc, 0x00, 0x07,
    0x00, 0xa1, 0x30, 0x81, 0x60, 0xfe,
};

/*   move.b ($a10001).l,d0           version register: bit 7 overseas, bit 6 PAL
 *   lsr.b #6,d0 / add.b #10,d0
 *   move.b d0,($a13081).l           exit code 10 + (overseas*2 + pal)
 * 1: bra.s 1b */
static const uint8_t rom_region[] = {
    0x10, 0x39, 0x00, 0xa1, 0x00, 0x01, 0xec, 0x08, 0x06, 0x00, 0x00, 0x0a, 0x13, 0xc0, 0x00, 0xa1,
    0x30, 0x81, 0x60, 0xfe,
};

/*   lea ($ff0000).l,a0 / clr.l (a0)
 * 1: addq.l #1,(a0) / cmpi.l #25000,(a0) / bne.s 1b    some frames of counting
 *   move.b #0,($a13081).l           exit code 0
 * 2: bra.s 2b */
static const uint8_t rom_count[] = {
    0x41, 0xf9, 0x00, 0xff, 0x00, 0x00, 0x42, 0x90, 0x52, 0x90, 0x0c, 0x90, 0x00, 0x00, 0x61, 0xa8,
    0x66, 0xf6, 0x13, 0xfc, 0x00, 0x00, 0x00, 0xa1, 0x30, 0x81, 0x60, 0xfe,
};

/*   move.b #1,($a130f1).l           SRAM enabled
 *   move.b ($200001).l,d0           what the battery memory held
 *   move.b #$5a,($200001).l
 *   move.b d0,($a13081).l           exit code = the old value
 * 1: bra.s 1b */
static const uint8_t rom_sram[] = {
    0x13, 0xfc, 0x00, 0x01, 0x00, 0xa1, 0x30, 0xf1, 0x10, 0x39, 0x00, 0x20, 0x00, 0x01, 0x13, 0xfc,
    0x00, 0x5a, 0x00, 0x20, 0x00, 0x01, 0x13, 0xc0, 0x00, 0xa1, 0x30, 0x81, 0x60, 0xfe,
};

/*   move.w #$100,($a11100).l        Z80 bus request
 *   move.w #$100,($a11200).l        Z80 reset released
 * 1: btst #0,($a11100).l / bne.s 1b                    wait for the bus
 *   move.b #$18,($a00000).l / move.b #$fe,($a00001).l   Z80: jr $0000
 *   move.w #0,($a11200).l / move.w #0,($a11100).l / move.w #$100,($a11200).l
 * 2: bra.s 2b */
static const uint8_t rom_z80[] = {
    0x33, 0xfc, 0x01, 0x00, 0x00, 0xa1, 0x11, 0x00, 0x33, 0xfc, 0x01, 0x00, 0x00, 0xa1, 0x12, 0x00,
    0x08, 0x39, 0x00, 0x00, 0x00, 0xa1, 0x11, 0x00, 0x66, 0xf6, 0x13, 0xfc, 0x00, 0x18, 0x00, 0xa0,
    0x00, 0x00, 0x13, 0xfc, 0x00, 0xfe, 0x00, 0xa0, 0x00, 0x01, 0x33, 0xfc, 0x00, 0x00, 0x00, 0xa1,
    0x12, 0x00, 0x33, 0xfc, 0x00, 0x00, 0x00, 0xa1, 0x11, 0x00, 0x33, 0xfc, 0x01, 0x00, 0x00, 0xa1,
    0x12, 0x00, 0x60, 0xfe,
};

typedef struct Fixture {
    char dir[512];
    char rom_idle[600], rom_port[600], rom_pad[600], rom_region[600];
    char rom_count[600], rom_sram[600], rom_z80[600];
} Fixture;

typedef struct Report {
    uint64_t frames, frame_hash, audio_hash;
} Report;

static void path_in(const Fixture *fx, const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", fx->dir, name);
}

static int setup(void **state)
{
    Fixture *fx = calloc(1, sizeof *fx);
    if (!fx || !scratch_dir_create(fx->dir, sizeof fx->dir))
        return -1;
    struct {
        char *path;
        const char *name;
        const uint8_t *code;
        size_t size;
        bool sram;
    } roms[] = {
        { fx->rom_idle, "idle.bin", rom_idle, sizeof rom_idle, false },
        { fx->rom_port, "port.bin", rom_port, sizeof rom_port, false },
        { fx->rom_pad, "pad.bin", rom_pad, sizeof rom_pad, false },
        { fx->rom_region, "region.bin", rom_region, sizeof rom_region, false },
        { fx->rom_count, "count.bin", rom_count, sizeof rom_count, false },
        { fx->rom_sram, "sram.bin", rom_sram, sizeof rom_sram, true },
        { fx->rom_z80, "z80.bin", rom_z80, sizeof rom_z80, false },
    };
    for (size_t i = 0; i < sizeof roms / sizeof roms[0]; i++) {
        path_in(fx, roms[i].name, roms[i].path, 600);
        if (!test_rom_write(roms[i].path, roms[i].code, roms[i].size, roms[i].sram))
            return -1;
    }
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fixture *fx = *state;
    remove_tree(fx->dir);
    free(fx);
    return 0;
}

/* Run mdemu-headless with a NULL-terminated list of arguments. */
static void run(const Fixture *fx, ProcessResult *r, ...)
{
    const char *argv[40];
    int argc = 0;
    argv[argc++] = HEADLESS_BIN;
    va_list ap;
    va_start(ap, r);
    const char *arg;
    while ((arg = va_arg(ap, const char *)) != NULL && argc < 39)
        argv[argc++] = arg;
    va_end(ap);
    argv[argc] = NULL;
    assert_true(process_run(argv, fx->dir, r));
    assert_int_equal(r->signal, 0); /* never a crash */
}

/* The last line must be exactly "frames=N frame_hash=<16 hex> audio_hash=<16 hex>". */
static Report parse_report(const ProcessResult *r)
{
    char line[512], again[512];
    last_line(r->out, line, sizeof line);
    Report rep = { 0, 0, 0 };
    assert_int_equal(sscanf(line, "frames=%" SCNu64 " frame_hash=%" SCNx64 " audio_hash=%" SCNx64,
                            &rep.frames, &rep.frame_hash, &rep.audio_hash), 3);
    snprintf(again, sizeof again, "frames=%" PRIu64 " frame_hash=%016" PRIx64 " audio_hash=%016" PRIx64,
             rep.frames, rep.frame_hash, rep.audio_hash);
    assert_string_equal(line, again);
    return rep;
}

static void assert_usage_error(const ProcessResult *r)
{
    assert_int_equal(r->exit_code, 2);
    assert_int_equal(line_count(r->err), 1);
    assert_non_null(strstr(r->err, "mdemu-headless: "));
    assert_string_equal(r->out, "");
}

static void test_help(void **state)
{
    ProcessResult r;
    run(*state, &r, "--help", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "Usage:"));
    assert_non_null(strstr(r.out, "Exit codes: 0 ok; 1 expectation failed"));
    static const char *const options[] = {
        "--frames", "--screenshot ", "--screenshot-every", "--wav", "--input", "--region",
        "--state-in", "--state-out", "--sram", "--trace-cpu", "--trace-z80", "--until-pc",
        "--expect-hash", "--benchmark", "--test-port", "--help",
    };
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
        assert_non_null(strstr(r.out, options[i]));
    process_result_free(&r);
}

static void test_usage_errors(void **state)
{
    const Fixture *fx = *state;
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--bogus", NULL);
    assert_usage_error(&r);
    assert_non_null(strstr(r.err, "--bogus"));
    process_result_free(&r);
    run(fx, &r, NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, "--frames", NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, "--frames", "ten", NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, "--region", "mars", NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, "--expect-hash", "xyz", NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, "--until-pc", "1000000", NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, "--screenshot-every", "0", fx->dir, NULL);
    assert_usage_error(&r);
    process_result_free(&r);
}

static void test_missing_files(void **state)
{
    const Fixture *fx = *state;
    char missing[700];
    path_in(fx, "does-not-exist.bin", missing, sizeof missing);
    ProcessResult r;
    run(fx, &r, missing, NULL);
    assert_usage_error(&r);
    assert_non_null(strstr(r.err, "does-not-exist.bin"));
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, "--input", missing, NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, "--state-in", missing, NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    /* not a ROM at all */
    char junk[700];
    path_in(fx, "junk.bin", junk, sizeof junk);
    FILE *f = fopen(junk, "wb");
    assert_non_null(f);
    fputs("this is not a cartridge", f);
    fclose(f);
    run(fx, &r, junk, NULL);
    assert_usage_error(&r);
    process_result_free(&r);
    /* a state file that is not a state */
    run(fx, &r, fx->rom_idle, "--state-in", junk, NULL);
    assert_usage_error(&r);
    process_result_free(&r);
}

static void test_frames_and_report(void **state)
{
    const Fixture *fx = *state;
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--frames", "5", NULL);
    assert_int_equal(r.exit_code, 0);
    Report a = parse_report(&r);
    assert_int_equal(a.frames, 5);
    assert_true(a.audio_hash != HASH_FNV1A64_OFFSET); /* 5 frames of samples were hashed */
    process_result_free(&r);
    /* deterministic: the same run gives the same hashes */
    run(fx, &r, fx->rom_idle, "--frames=5", NULL);
    Report b = parse_report(&r);
    assert_int_equal(b.frames, 5);
    assert_true(a.frame_hash == b.frame_hash && a.audio_hash == b.audio_hash);
    process_result_free(&r);
    run(fx, &r, fx->rom_idle, NULL);
    assert_int_equal(r.exit_code, 0);
    assert_int_equal(parse_report(&r).frames, 600); /* documented default */
    process_result_free(&r);
}

static void test_expect_hash(void **state)
{
    const Fixture *fx = *state;
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--frames", "3", NULL);
    Report rep = parse_report(&r);
    process_result_free(&r);
    char hex[32];
    snprintf(hex, sizeof hex, "%016" PRIx64, rep.frame_hash);
    run(fx, &r, fx->rom_idle, "--frames", "3", "--expect-hash", hex, NULL);
    assert_int_equal(r.exit_code, 0);
    process_result_free(&r);
    snprintf(hex, sizeof hex, "0x%" PRIX64, rep.frame_hash);
    run(fx, &r, fx->rom_idle, "--frames", "3", "--expect-hash", hex, NULL);
    assert_int_equal(r.exit_code, 0);
    process_result_free(&r);
    snprintf(hex, sizeof hex, "%016" PRIx64, rep.frame_hash ^ 1);
    run(fx, &r, fx->rom_idle, "--frames", "3", "--expect-hash", hex, NULL);
    assert_int_equal(r.exit_code, 1);
    parse_report(&r); /* the report is still the last line */
    assert_non_null(strstr(r.err, "frame_hash"));
    process_result_free(&r);
}

/* Decode a PNG and hash it as the runner hashes frames. */
static uint64_t png_hash(const char *path, int *width, int *height)
{
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    assert_true(png_image_begin_read_from_file(&image, path));
    image.format = PNG_FORMAT_RGB;
    size_t size = PNG_IMAGE_SIZE(image);
    uint8_t *rgb = malloc(size);
    assert_non_null(rgb);
    assert_true(png_image_finish_read(&image, NULL, rgb, 0, NULL));
    *width = (int)image.width;
    *height = (int)image.height;
    uint32_t *xrgb = malloc(sizeof(uint32_t) * image.width * image.height);
    assert_non_null(xrgb);
    for (size_t i = 0; i < (size_t)image.width * image.height; i++)
        xrgb[i] = ((uint32_t)rgb[3 * i] << 16) | ((uint32_t)rgb[3 * i + 1] << 8) | rgb[3 * i + 2];
    uint64_t hash = hash_frame_xrgb8888(xrgb, *width, *height, *width * 4);
    free(rgb);
    free(xrgb);
    return hash;
}

static void test_screenshot(void **state)
{
    const Fixture *fx = *state;
    char png[700];
    path_in(fx, "shot.png", png, sizeof png);
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--frames", "4", "--screenshot", png, NULL);
    assert_int_equal(r.exit_code, 0);
    Report rep = parse_report(&r);
    process_result_free(&r);
    int w, h;
    uint64_t hash = png_hash(png, &w, &h);
    assert_true(w == 256 || w == 320);
    assert_true(h == 224 || h == 240);
    assert_true(hash == rep.frame_hash); /* the PNG holds exactly the hashed frame */
    /* an unwritable target is an error, reported in one line */
    char bad[800];
    path_in(fx, "no-such-dir/shot.png", bad, sizeof bad);
    run(fx, &r, fx->rom_idle, "--frames", "1", "--screenshot", bad, NULL);
    assert_int_equal(r.exit_code, 2);
    assert_non_null(strstr(r.err, "no-such-dir"));
    process_result_free(&r);
}

static void test_screenshot_every(void **state)
{
    const Fixture *fx = *state;
    char dir[700], file[800];
    path_in(fx, "shots", dir, sizeof dir);
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--frames", "7", "--screenshot-every", "3", dir, NULL);
    assert_int_equal(r.exit_code, 0);
    Report rep = parse_report(&r);
    process_result_free(&r);
    struct stat st;
    for (int frame = 1; frame <= 7; frame++) {
        snprintf(file, sizeof file, "%s/frame_%06d.png", dir, frame);
        assert_int_equal(stat(file, &st) == 0, frame % 3 == 0);
    }
    /* frame 6 is the last one saved; with a still image it equals the last frame */
    snprintf(file, sizeof file, "%s/frame_%06d.png", dir, 6);
    int w, h;
    assert_true(png_hash(file, &w, &h) == rep.frame_hash);
}

static uint32_t le32(const uint8_t *p) { return p[0] | (p[1] << 8) | (p[2] << 16) | ((uint32_t)p[3] << 24); }
static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

static void test_wav(void **state)
{
    const Fixture *fx = *state;
    char wav[700];
    path_in(fx, "out.wav", wav, sizeof wav);
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--frames", "30", "--wav", wav, NULL);
    assert_int_equal(r.exit_code, 0);
    Report rep = parse_report(&r);
    process_result_free(&r);
    size_t size;
    uint8_t *data = read_file(wav, &size);
    assert_non_null(data);
    assert_true(size >= 44);
    assert_memory_equal(data, "RIFF", 4);
    assert_int_equal(le32(data + 4), size - 8);
    assert_memory_equal(data + 8, "WAVEfmt ", 8);
    assert_int_equal(le16(data + 20), 1);      /* PCM */
    assert_int_equal(le16(data + 22), 2);      /* stereo */
    assert_int_equal(le32(data + 24), 48000);
    assert_int_equal(le16(data + 34), 16);
    assert_memory_equal(data + 36, "data", 4);
    uint32_t data_bytes = le32(data + 40);
    assert_int_equal(data_bytes, size - 44);
    /* half a second at 48 kHz, give or take the last partial frame */
    assert_true(data_bytes / 4 > 23000 && data_bytes / 4 < 25000);
    /* the audio hash is over exactly these sample bytes */
    assert_true(hash_fnv1a64(HASH_FNV1A64_OFFSET, data + 44, data_bytes) == rep.audio_hash);
    free(data);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_input_script(void **state)
{
    const Fixture *fx = *state;
    char script[700];
    path_in(fx, "input.txt", script, sizeof script);
    write_text(script, "# press B on pad 1 from frame 3 on\n0 1\n3 1 B+UP\n9 1\n");
    ProcessResult r;
    run(fx, &r, fx->rom_pad, "--test-port", "--input", script, "--frames", "20", NULL);
    assert_int_equal(r.exit_code, 7);
    assert_int_equal(parse_report(&r).frames, 4); /* exits during frame index 3 */
    process_result_free(&r);
    /* the button on pad 2 does not reach pad 1 */
    write_text(script, "3 2 B\n");
    run(fx, &r, fx->rom_pad, "--test-port", "--input", script, "--frames", "20", NULL);
    assert_int_equal(r.exit_code, 1);
    assert_int_equal(parse_report(&r).frames, 20);
    process_result_free(&r);
    write_text(script, "3 1 B+JUMP\n");
    run(fx, &r, fx->rom_pad, "--input", script, NULL);
    assert_usage_error(&r);
    assert_non_null(strstr(r.err, "input.txt:1"));
    process_result_free(&r);
}

static void test_region(void **state)
{
    const Fixture *fx = *state;
    static const struct {
        const char *region;
        int exit_code;
    } cases[] = { { "jp", 10 }, { "us", 12 }, { "ntsc", 12 }, { "eu", 13 }, { "pal", 13 } };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ProcessResult r;
        run(fx, &r, fx->rom_region, "--test-port", "--region", cases[i].region, NULL);
        assert_int_equal(r.exit_code, cases[i].exit_code);
        process_result_free(&r);
    }
}

static void test_state_in_out(void **state)
{
    const Fixture *fx = *state;
    char saved[700];
    path_in(fx, "after4.state", saved, sizeof saved);
    ProcessResult r;
    run(fx, &r, fx->rom_count, "--test-port", NULL);
    assert_int_equal(r.exit_code, 0);
    uint64_t fresh = parse_report(&r).frames;
    process_result_free(&r);
    assert_true(fresh > 5); /* the count takes several frames */

    run(fx, &r, fx->rom_count, "--frames", "4", "--state-out", saved, NULL);
    assert_int_equal(r.exit_code, 0);
    process_result_free(&r);
    struct stat st;
    assert_int_equal(stat(saved, &st), 0);
    assert_true(st.st_size > 0);

    /* continuing from the state finishes exactly 4 frames earlier */
    run(fx, &r, fx->rom_count, "--test-port", "--state-in", saved, NULL);
    assert_int_equal(r.exit_code, 0);
    assert_int_equal(parse_report(&r).frames + 4, fresh);
    process_result_free(&r);
}

static void test_sram(void **state)
{
    const Fixture *fx = *state;
    char sram[700];
    path_in(fx, "save.srm", sram, sizeof sram);
    ProcessResult r;
    run(fx, &r, fx->rom_sram, "--test-port", "--sram", sram, NULL);
    assert_int_not_equal(r.exit_code, 0x5A);
    process_result_free(&r);
    size_t size;
    uint8_t *data = read_file(sram, &size);
    assert_non_null(data);
    assert_non_null(memchr(data, 0x5A, size));
    free(data);
    /* the next run finds the byte the previous one saved */
    run(fx, &r, fx->rom_sram, "--test-port", "--sram", sram, NULL);
    assert_int_equal(r.exit_code, 0x5A);
    process_result_free(&r);
}

static void test_trace_cpu(void **state)
{
    const Fixture *fx = *state;
    char trace[700];
    path_in(fx, "cpu.trace", trace, sizeof trace);
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--frames", "1", "--trace-cpu", trace, NULL);
    assert_int_equal(r.exit_code, 0);
    process_result_free(&r);
    char *text = (char *)read_file(trace, NULL);
    assert_non_null(text);
    /* the first instruction at the reset vector, then the spin loop */
    assert_memory_equal(text, "000200  move.w  #$8144,($c00004).l", 34);
    assert_non_null(strstr(text, "\n000222  bra.s   $222"));
    assert_non_null(strstr(text, " D0="));
    assert_non_null(strstr(text, " A7=00FFFE00"));
    assert_non_null(strstr(text, " SR=2700"));
    free(text);
}

static void test_trace_z80(void **state)
{
    const Fixture *fx = *state;
    char trace[700];
    path_in(fx, "z80.trace", trace, sizeof trace);
    ProcessResult r;
    run(fx, &r, fx->rom_z80, "--frames", "2", "--trace-z80", trace, NULL);
    assert_int_equal(r.exit_code, 0);
    process_result_free(&r);
    char *text = (char *)read_file(trace, NULL);
    assert_non_null(text);
    assert_memory_equal(text, "0000  jr $0000", 14);
    assert_non_null(strstr(text, " SP="));
    assert_true(line_count(text) > 100);
    free(text);
}

static void test_until_pc(void **state)
{
    const Fixture *fx = *state;
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--until-pc", ROM_IDLE_LOOP_PC, NULL);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "until_pc: reached $000222 in frame 1\n"));
    assert_int_equal(parse_report(&r).frames, 1);
    process_result_free(&r);
    /* never executed: expectation failed */
    run(fx, &r, fx->rom_idle, "--until-pc", "$300", "--frames", "3", NULL);
    assert_int_equal(r.exit_code, 1);
    assert_int_equal(parse_report(&r).frames, 3);
    process_result_free(&r);
}

static void test_benchmark(void **state)
{
    const Fixture *fx = *state;
    ProcessResult r;
    run(fx, &r, fx->rom_idle, "--frames", "30", "--benchmark", NULL);
    assert_int_equal(r.exit_code, 0);
    double fps = 0, speed = 0, seconds = 0, cpu_fps = 0, cpu_seconds = 0;
    long rss = 0;
    const char *line = strstr(r.out, "benchmark: ");
    assert_non_null(line);
    print_message("%.*s", (int)strcspn(line, "\n") + 1, line);
    assert_int_equal(sscanf(line, "benchmark: fps=%lf speed=%lfx peak_rss_kib=%ld seconds=%lf cpu_fps=%lf cpu_seconds=%lf",
                            &fps, &speed, &rss, &seconds, &cpu_fps, &cpu_seconds),
                     6);
    assert_true(fps > 0 && speed > 0 && rss > 0 && cpu_fps > 0);
    /* The run's CPU time is the frames over its CPU fps, and no more than its wall time (one thread). */
    assert_true(cpu_seconds > 0 && cpu_seconds <= seconds * 1.05 + 0.01);
    assert_true(cpu_fps * cpu_seconds > 29.0 && cpu_fps * cpu_seconds < 31.0);
    assert_true(speed > fps / 61.0 && speed < fps / 49.0); /* speed is fps over the console's rate */
    assert_int_equal(parse_report(&r).frames, 30);
    process_result_free(&r);
}

static void test_test_port(void **state)
{
    const Fixture *fx = *state;
    ProcessResult r;
    run(fx, &r, fx->rom_port, "--test-port", NULL);
    assert_int_equal(r.exit_code, 3);
    assert_memory_equal(r.out, "OK\n", 3);
    assert_int_equal(parse_report(&r).frames, 1);
    process_result_free(&r);
    /* without the option the port does nothing: the run goes on */
    run(fx, &r, fx->rom_port, "--frames", "2", NULL);
    assert_int_equal(r.exit_code, 0);
    assert_null(strstr(r.out, "OK"));
    process_result_free(&r);
    /* another address */
    uint8_t code[sizeof rom_port];
    memcpy(code, rom_port, sizeof code);
    code[ROM_PORT_ADDR_OFFSET + 2] = 0x31; /* $a13180 */
    char rom[700];
    path_in(fx, "port2.bin", rom, sizeof rom);
    assert_true(test_rom_write(rom, code, sizeof code, false));
    run(fx, &r, rom, "--test-port=0xa13180", NULL);
    assert_int_equal(r.exit_code, 3);
    assert_memory_equal(r.out, "OK\n", 3);
    process_result_free(&r);
    run(fx, &r, rom, "--test-port", "--frames", "5", NULL); /* ROM writes elsewhere: never exits */
    assert_int_equal(r.exit_code, 1);
    assert_int_equal(parse_report(&r).frames, 5);
    process_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help),
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_missing_files),
        cmocka_unit_test(test_frames_and_report),
        cmocka_unit_test(test_expect_hash),
        cmocka_unit_test(test_screenshot),
        cmocka_unit_test(test_screenshot_every),
        cmocka_unit_test(test_wav),
        cmocka_unit_test(test_input_script),
        cmocka_unit_test(test_region),
        cmocka_unit_test(test_state_in_out),
        cmocka_unit_test(test_sram),
        cmocka_unit_test(test_trace_cpu),
        cmocka_unit_test(test_trace_z80),
        cmocka_unit_test(test_until_pc),
        cmocka_unit_test(test_benchmark),
        cmocka_unit_test(test_test_port),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
