/* system_run_test.c - the console running a real program (system_prog.s):
 * scheduler and interrupts, audio per frame, save state round trip from the
 * middle of a frame into a fresh console, rejection of bad states with the
 * emulation untouched, determinism, two consoles side by side, breakpoints,
 * the test port, resets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>

#include "system_test_util.h"

typedef struct Program {
    uint8_t *rom;
    size_t size;
    uint32_t vint_addr; /* first instruction of the VINT handler */
    uint32_t main_addr;
} Program;

static uint32_t find_code(const Program *p, const uint8_t *pattern, size_t len)
{
    for (size_t i = 0x200; i + len <= p->size; i += 2)
        if (memcmp(p->rom + i, pattern, len) == 0)
            return (uint32_t)i;
    return 0;
}

static int load_program(void **state)
{
    Program *p = calloc(1, sizeof *p);
    if (mdemu_read_file(SYSTEM_PROG_BIN, &p->rom, &p->size, 1 << 20) != MDEMU_OK) {
        fprintf(stderr, "cannot read %s\n", SYSTEM_PROG_BIN);
        free(p);
        return -1;
    }
    static const uint8_t vint_code[] = {0x52, 0xB9, 0x00, 0xFF, 0x00, 0x04}; /* addq.l #1,$FF0004 */
    static const uint8_t main_code[] = {0x52, 0xB9, 0x00, 0xFF, 0x00, 0x00}; /* addq.l #1,$FF0000 */
    p->vint_addr = find_code(p, vint_code, sizeof vint_code);
    p->main_addr = find_code(p, main_code, sizeof main_code);
    *state = p;
    return p->vint_addr && p->main_addr ? 0 : -1;
}

static int free_program(void **state)
{
    Program *p = *state;
    free(p->rom);
    free(p);
    return 0;
}

static Mdemu *start(const Program *p, MdemuRegion region)
{
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    cfg.region = region;
    Mdemu *md = mdemu_create(&cfg);
    char err[256];
    if (mdemu_load_rom_memory(md, p->rom, p->size, "system_prog.bin", err, sizeof err) != MDEMU_OK) {
        fprintf(stderr, "%s\n", err);
        mdemu_destroy(md);
        return NULL;
    }
    return md;
}

static uint32_t ram32(Mdemu *md, uint32_t off)
{
    const uint8_t *r = mdemu_work_ram(md, NULL) + off;
    return (uint32_t)r[0] << 24 | (uint32_t)r[1] << 16 | (uint32_t)r[2] << 8 | r[3];
}

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* Hash of the last frame's picture and sound. */
static uint64_t frame_hash(const Mdemu *md)
{
    uint64_t h = 14695981039346656037ull;
    MdemuFrame f = mdemu_frame(md);
    for (int y = 0; y < f.height; y++)
        h = fnv(h, (const uint8_t *)f.pixels + (size_t)y * (size_t)f.pitch, (size_t)f.width * 4);
    const int16_t *s;
    size_t n = mdemu_audio(md, &s);
    h = fnv(h, s, n * 4);
    return fnv(h, &n, sizeof n);
}

static uint16_t input_for(int frame)
{
    return (uint16_t)((frame * 2654435761u) >> 20) & 0x0FFF;
}

static uint8_t *snapshot(const Mdemu *md, size_t *size)
{
    *size = mdemu_state_size(md);
    uint8_t *buf = malloc(*size);
    assert_int_equal(mdemu_save_state(md, buf, *size), MDEMU_OK);
    return buf;
}

static void test_runs_program(void **state)
{
    const Program *p = *state;
    Mdemu *md = start(p, MDEMU_REGION_US);
    assert_non_null(md);
    size_t audio_total = 0;
    for (int i = 0; i < 30; i++) {
        mdemu_run_frame(md);
        const int16_t *s;
        size_t n = mdemu_audio(md, &s);
        /* 48 kHz at 59.92 frames/s: 801 per frame, give or take the resampler's phase */
        assert_in_range(n, 790, 812);
        audio_total += n;
    }
    assert_int_equal(mdemu_frame_count(md), 30);
    assert_in_range(audio_total, 48000 * 30 / 60 - 60, 48000 * 30 / 59 + 60);
    /* One VINT per frame; the main loop and the Z80 loop ran. */
    assert_in_range(ram32(md, 4), 28, 30);
    assert_true(ram32(md, 0) > 1000);
    MdemuZ80Regs zr;
    mdemu_z80_regs(md, &zr);
    assert_true(zr.running);
    assert_true((zr.pc >= 0x23 && zr.pc <= 0x2F) || (zr.pc >= 0x38 && zr.pc <= 0x48));
    assert_int_equal(zr.im, 1);
    /* The Z80 loop ran and read ROM byte 0 (0x00) through the bank window;
     * its interrupt came once per frame. */
    const uint8_t *zram = mdemu_z80_ram(md, NULL);
    assert_int_equal(zram[0x1F01], 0x00);
    assert_in_range(zram[0x1F02], 28, 30);
    /* The YM2612 program reached the chip: channel 1 algorithm 7, key on. */
    assert_int_equal(md->ym.state.regs[0][0xB0] & 7, 7);
    MdemuFrame f = mdemu_frame(md);
    assert_int_equal(f.width, 320);
    assert_int_equal(f.height, 224);
    assert_true(f.pitch >= 320 * 4);
    /* Pad reads reach the program: port 1 data with TH high lands in 0xFF0008
     * (a 3-button pad: the loop pulses TH fast enough to page a 6-button pad). */
    mdemu_set_pad_type(md, 0, MDEMU_PAD_3BUTTON);
    mdemu_set_pad(md, 0, MDEMU_BTN_UP | MDEMU_BTN_B);
    mdemu_run_frame(md);
    assert_int_equal(mdemu_work_ram(md, NULL)[8] & 0x3F, 0x2E);
    /* The audio rate can change between frames. */
    mdemu_set_audio_rate(md, 44100);
    mdemu_run_frame(md);
    mdemu_run_frame(md);
    assert_in_range(mdemu_audio(md, NULL), 725, 747);
    mdemu_destroy(md);
}

static void test_state_round_trip_mid_frame(void **state)
{
    const Program *p = *state;
    Mdemu *a = start(p, MDEMU_REGION_US);
    for (int i = 0; i < 5; i++) {
        mdemu_set_pad(a, 0, input_for(i));
        mdemu_run_frame(a);
    }
    /* Stop in the middle of frame 6, at the VINT handler. */
    mdemu_set_breakpoint(a, p->vint_addr);
    mdemu_run_frame(a);
    assert_true(mdemu_breakpoint_hit(a));
    MdemuCpuRegs regs;
    mdemu_cpu_regs(a, &regs);
    assert_int_equal(regs.pc, p->vint_addr);
    assert_int_equal(mdemu_frame_count(a), 5);
    mdemu_set_breakpoint(a, -1);

    size_t size;
    uint8_t *saved = snapshot(a, &size);
    assert_int_equal(size, mdemu_state_size(a));
    Mdemu *b = start(p, MDEMU_REGION_US);
    assert_int_equal(mdemu_state_size(b), size);
    assert_int_equal(mdemu_load_state(b, saved, size), MDEMU_OK);
    size_t size_b;
    uint8_t *reloaded = snapshot(b, &size_b);
    assert_memory_equal(saved, reloaded, size);
    free(reloaded);

    for (int i = 5; i < 15; i++) {
        mdemu_set_pad(a, 0, input_for(i));
        mdemu_set_pad(b, 0, input_for(i));
        mdemu_run_frame(a);
        mdemu_run_frame(b);
        assert_int_equal(frame_hash(a), frame_hash(b));
    }
    assert_int_equal(mdemu_frame_count(a), mdemu_frame_count(b));
    size_t sa, sb;
    uint8_t *state_a = snapshot(a, &sa);
    uint8_t *state_b = snapshot(b, &sb);
    assert_memory_equal(state_a, state_b, sa);
    free(state_a);
    free(state_b);

    /* File variants. */
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/system_run_state.mds", MDEMU_BINARY_DIR);
    assert_int_equal(mdemu_save_state_file(a, path, err, sizeof err), MDEMU_OK);
    Mdemu *c = start(p, MDEMU_REGION_US);
    assert_int_equal(mdemu_load_state_file(c, path, err, sizeof err), MDEMU_OK);
    mdemu_run_frame(a);
    mdemu_run_frame(c);
    assert_int_equal(frame_hash(a), frame_hash(c));
    remove(path);
    free(saved);
    mdemu_destroy(a);
    mdemu_destroy(b);
    mdemu_destroy(c);
}

static void put_le32(uint8_t *q, uint32_t v)
{
    q[0] = (uint8_t)v;
    q[1] = (uint8_t)(v >> 8);
    q[2] = (uint8_t)(v >> 16);
    q[3] = (uint8_t)(v >> 24);
}

static uint32_t get_le32(const uint8_t *q)
{
    return (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
}

static void expect_rejected(Mdemu *md, const uint8_t *buf, size_t size, MdemuResult expected)
{
    size_t before_size;
    uint8_t *before = snapshot(md, &before_size);
    assert_int_equal(mdemu_load_state(md, buf, size), expected);
    size_t after_size;
    uint8_t *after = snapshot(md, &after_size);
    assert_memory_equal(before, after, before_size);
    free(before);
    free(after);
}

static void test_bad_states(void **state)
{
    const Program *p = *state;
    Mdemu *md = start(p, MDEMU_REGION_US);
    for (int i = 0; i < 3; i++)
        mdemu_run_frame(md);
    size_t size;
    uint8_t *good = snapshot(md, &size);
    mdemu_run_frame(md);
    uint8_t *buf = malloc(size);

    /* corrupt: one flipped bit anywhere */
    const size_t spots[] = {0, 12, 40, size / 2, size - 1};
    for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
        memcpy(buf, good, size);
        buf[spots[i]] ^= 0x10;
        MdemuResult r = mdemu_load_state(md, buf, size);
        assert_true(r == MDEMU_ERR_STATE_CORRUPT || r == MDEMU_ERR_STATE_VERSION);
        memcpy(buf, good, size);
        buf[size / 2] ^= 0x01;
        expect_rejected(md, buf, size, MDEMU_ERR_STATE_CORRUPT);
    }
    /* truncated, and too long */
    expect_rejected(md, good, size - 1, MDEMU_ERR_STATE_CORRUPT);
    expect_rejected(md, good, 10, MDEMU_ERR_STATE_CORRUPT);
    expect_rejected(md, good, 0, MDEMU_ERR_STATE_CORRUPT);
    /* another format version (with a valid CRC) */
    memcpy(buf, good, size);
    put_le32(buf + 8, 99);
    put_le32(buf + size - 4, mdemu_crc32(buf, size - 4));
    expect_rejected(md, buf, size, MDEMU_ERR_STATE_VERSION);
    /* another build's layout: a section of another size, consistently framed */
    memcpy(buf, good, size);
    put_le32(buf + 28 + 4, get_le32(buf + 28 + 4) + 4); /* first section claims 4 more bytes */
    put_le32(buf + size - 4, mdemu_crc32(buf, size - 4));
    expect_rejected(md, buf, size, MDEMU_ERR_STATE_VERSION);
    /* another console model: same ROM on a PAL console */
    Mdemu *eu = start(p, MDEMU_REGION_EU);
    mdemu_run_frame(eu);
    size_t eu_size;
    uint8_t *eu_state = snapshot(eu, &eu_size);
    assert_int_equal(eu_size, size);
    expect_rejected(md, eu_state, eu_size, MDEMU_ERR_STATE_VERSION);
    free(eu_state);
    mdemu_destroy(eu);
    /* another ROM of the same shape */
    uint8_t *other_rom = malloc(p->size);
    memcpy(other_rom, p->rom, p->size);
    other_rom[p->size - 1] ^= 0xFF;
    Mdemu *other = mdemu_create(NULL);
    assert_int_equal(mdemu_load_rom_memory(other, other_rom, p->size, "other.bin", NULL, 0), MDEMU_OK);
    mdemu_run_frame(other);
    size_t other_size;
    uint8_t *other_state = snapshot(other, &other_size);
    assert_int_equal(other_size, size);
    expect_rejected(md, other_state, other_size, MDEMU_ERR_STATE_OTHER_ROM);
    free(other_state);
    free(other_rom);
    mdemu_destroy(other);
    /* a state file that is not one */
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/system_bad_state.mds", MDEMU_BINARY_DIR);
    FILE *fp = fopen(path, "wb");
    fputs("not a state", fp);
    fclose(fp);
    assert_int_equal(mdemu_load_state_file(md, path, err, sizeof err), MDEMU_ERR_STATE_CORRUPT);
    assert_non_null(strstr(err, "system_bad_state.mds"));
    remove(path);
    /* the good one still loads */
    assert_int_equal(mdemu_load_state(md, good, size), MDEMU_OK);
    /* buffers too small, no ROM */
    assert_int_equal(mdemu_save_state(md, buf, size - 1), MDEMU_ERR_BUFFER);
    Mdemu *empty = mdemu_create(NULL);
    assert_int_equal(mdemu_state_size(empty), 0);
    assert_int_equal(mdemu_load_state(empty, good, size), MDEMU_ERR_NO_ROM);
    mdemu_run_frame(empty); /* nothing to run: returns */
    mdemu_destroy(empty);
    free(buf);
    free(good);
    mdemu_destroy(md);
}

static void test_determinism_and_side_by_side(void **state)
{
    const Program *p = *state;
    enum { FRAMES = 40 };
    uint64_t solo[FRAMES];
    Mdemu *c = start(p, MDEMU_REGION_US);
    for (int i = 0; i < FRAMES; i++) {
        mdemu_set_pad(c, 0, input_for(i));
        mdemu_run_frame(c);
        solo[i] = frame_hash(c);
    }
    mdemu_destroy(c);
    /* Two consoles interleaved frame by frame, the second with other input
     * and another region: the first must match the solo run bit for bit. */
    Mdemu *a = start(p, MDEMU_REGION_US);
    Mdemu *b = start(p, MDEMU_REGION_EU);
    bool differs = false;
    for (int i = 0; i < FRAMES; i++) {
        mdemu_set_pad(a, 0, input_for(i));
        mdemu_set_pad(b, 0, (uint16_t)~input_for(i));
        mdemu_run_frame(a);
        mdemu_run_frame(b);
        assert_int_equal(frame_hash(a), solo[i]);
        differs |= frame_hash(b) != solo[i];
        /* PAL: 49.70 frames/s, so about 966 samples a frame at 48 kHz */
        if (i > 0)
            assert_in_range(mdemu_audio(b, NULL), 955, 977);
        if (i > 0)
            differs |= solo[i] != solo[i - 1];
    }
    assert_true(differs);
    mdemu_destroy(a);
    mdemu_destroy(b);
}

static void capture_putc(void *ctx, int c)
{
    char *buf = ctx;
    size_t n = strlen(buf);
    if (n + 1 < 16) {
        buf[n] = (char)c;
        buf[n + 1] = '\0';
    }
}

static void test_test_port_and_reset(void **state)
{
    (void)state;
    /* move.b #'H',$A13080; move.b #'i',$A13080; move.b #3,$A13081; bra.s * */
    static const uint8_t code[] = {
        0x13, 0xFC, 0x00, 'H', 0x00, 0xA1, 0x30, 0x80,
        0x13, 0xFC, 0x00, 'i', 0x00, 0xA1, 0x30, 0x80,
        0x13, 0xFC, 0x00, 0x03, 0x00, 0xA1, 0x30, 0x81,
        0x60, 0xFE,
    };
    TestRomSpec spec = {.size = 0x10000, .code = code, .code_size = sizeof code};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    char out[16] = "";
    mdemu_set_test_port(md, MDEMU_TEST_PORT_DEFAULT, capture_putc, out);
    mdemu_run_frame(md);
    assert_string_equal(out, "Hi");
    assert_int_equal(mdemu_test_port_exit(md), 3);
    assert_int_equal(mdemu_frame_count(md), 0); /* stopped early */
    /* A hard reset starts the program again. */
    mdemu_reset(md, true);
    assert_int_equal(mdemu_test_port_exit(md), -1);
    mdemu_run_frame(md);
    assert_string_equal(out, "HiHi");
    mdemu_destroy(md);
}


static void test_soft_reset(void **state)
{
    const Program *p = *state;
    Mdemu *md = start(p, MDEMU_REGION_US);
    for (int i = 0; i < 3; i++)
        mdemu_run_frame(md);
    uint32_t vints = ram32(md, 4);
    assert_true(vints >= 2);
    mdemu_reset(md, false);
    MdemuCpuRegs regs;
    mdemu_cpu_regs(md, &regs);
    assert_int_equal(regs.pc, 0x200);
    assert_int_equal(ram32(md, 4), vints); /* RAM survives the reset button */
    MdemuZ80Regs zr;
    mdemu_z80_regs(md, &zr);
    assert_false(zr.running);
    mdemu_run_frame(md);
    assert_true(ram32(md, 4) >= vints);
    mdemu_reset(md, true);
    assert_int_equal(ram32(md, 4), 0);
    assert_int_equal(mdemu_frame_count(md), 0);
    mdemu_destroy(md);
}

static void test_trace(void **state)
{
    const Program *p = *state;
    Mdemu *md = start(p, MDEMU_REGION_US);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    mdemu_trace_cpu(md, mem);
    mdemu_run_frame(md);
    mdemu_trace_cpu(md, NULL);
    fclose(mem);
    assert_true(len > 1000);
    assert_non_null(strchr(text, '\n'));
    free(text);
    mdemu_destroy(md);

    /* Tracing only looks: a traced run (both CPUs) matches an untraced one bit for bit. */
    enum { FRAMES = 12 };
    uint64_t plain[FRAMES];
    md = start(p, MDEMU_REGION_US);
    for (int i = 0; i < FRAMES; i++) {
        mdemu_run_frame(md);
        plain[i] = frame_hash(md);
    }
    mdemu_destroy(md);
    md = start(p, MDEMU_REGION_US);
    FILE *sink = fopen("/dev/null", "w");
    assert_non_null(sink);
    mdemu_trace_cpu(md, sink);
    mdemu_trace_z80(md, sink);
    for (int i = 0; i < FRAMES; i++) {
        mdemu_run_frame(md);
        assert_true(frame_hash(md) == plain[i]);
    }
    mdemu_trace_cpu(md, NULL);
    mdemu_trace_z80(md, NULL);
    fclose(sink);
    mdemu_destroy(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runs_program),
        cmocka_unit_test(test_state_round_trip_mid_frame),
        cmocka_unit_test(test_bad_states),
        cmocka_unit_test(test_determinism_and_side_by_side),
        cmocka_unit_test(test_test_port_and_reset),
        cmocka_unit_test(test_soft_reset),
        cmocka_unit_test(test_trace),
    };
    return cmocka_run_group_tests(tests, load_program, free_program);
}
