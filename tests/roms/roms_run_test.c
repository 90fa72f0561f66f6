/* roms_run_test.c - runs our test ROMs on the whole console through the
 * public API (mdemu.h) and reads their verdict back twice: from the test
 * port (exit code) and from the result block the ROMs keep at 0xFF0000
 * (roms/common/md.inc: 'MDTR', pass count, fail count, done, exit code,
 * failed ids). Also checks that the report path notices a failing check
 * and that the demo animates and follows the pad.
 * Argument: the folder holding the built ROMs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mdemu.h"
#include "roms_test_util.h"

enum { MAX_FRAMES = 600 };

static const char *rom_dir;

typedef struct ResultBlock {
    uint32_t magic, pass, fail;
    uint16_t done, exit_code;
    uint16_t first_failed_id;
} ResultBlock;

static uint16_t ram16(const uint8_t *ram, size_t at)
{
    return (uint16_t)((ram[at] << 8) | ram[at + 1]);
}

static uint8_t *read_rom(const char *name, size_t *size)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.bin", rom_dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_error("cannot open %s\n", path);
        fail();
    }
    uint8_t *data = malloc(0x400000);
    assert_non_null(data);
    *size = fread(data, 1, 0x400000, f);
    fclose(f);
    return data;
}

/* Runs until the ROM writes its exit code; returns the frames taken. */
static int run_to_exit(Mdemu *md, const uint8_t *rom, size_t size, const char *name, PortOutput *out,
                       ResultBlock *result)
{
    char err[256] = "";
    assert_int_equal(mdemu_load_rom_memory(md, rom, size, name, err, sizeof err), MDEMU_OK);
    mdemu_set_test_port(md, MDEMU_TEST_PORT_DEFAULT, collect, out);
    int frames = 0;
    while (mdemu_test_port_exit(md) < 0 && frames < MAX_FRAMES) {
        mdemu_run_frame(md);
        frames++;
    }
    size_t ram_size = 0;
    const uint8_t *ram = mdemu_work_ram(md, &ram_size);
    assert_true(ram_size >= 0x100);
    result->magic = ram32(ram, 0x00);
    result->pass = ram32(ram, 0x04);
    result->fail = ram32(ram, 0x08);
    result->done = ram16(ram, 0x0C);
    result->exit_code = ram16(ram, 0x0E);
    result->first_failed_id = ram16(ram, 0x10);
    return frames;
}

static void run_test_rom(void **state)
{
    const char *name = *state;
    size_t size = 0;
    uint8_t *rom = read_rom(name, &size);
    Mdemu *md = mdemu_create(NULL);
    assert_non_null(md);
    PortOutput out = {{0}, 0};
    ResultBlock r;
    int frames = run_to_exit(md, rom, size, name, &out, &r);
    if (mdemu_test_port_exit(md) != 0 || r.fail != 0)
        print_error("%s after %d frames:\n%s\n", name, frames, out.text);
    assert_int_equal(mdemu_test_port_exit(md), 0);
    assert_int_equal(r.magic, 0x4D445452); /* 'MDTR' */
    assert_int_equal(r.done, 1);
    assert_int_equal(r.exit_code, 0);
    assert_int_equal(r.fail, 0);
    assert_true(r.pass > 0);
    /* The port text starts with the ROM's name and ends with its verdict. */
    assert_memory_equal(out.text, name, strlen(name));
    assert_non_null(strstr(out.text, "PASS "));
    mdemu_destroy(md);
    free(rom);
}

/* A check made to fail (its expected value patched in the image) must show
 * up everywhere: exit code 1, fail count 1, its id recorded, FAIL printed. */
static void failing_check_is_reported(void **state)
{
    (void)state;
    size_t size = 0;
    uint8_t *rom = read_rom("testport_example", &size);
    /* CHECK 1, d0, #55 assembles to moveq #55,d1; move.w #1,d2. */
    static const uint8_t expected_load[] = {0x72, 55, 0x34, 0x3C, 0x00, 0x01};
    uint8_t *at = NULL;
    for (size_t i = 0x200; i + sizeof expected_load <= size && !at; i += 2)
        if (memcmp(rom + i, expected_load, sizeof expected_load) == 0)
            at = rom + i;
    assert_non_null(at);
    at[1] = 56;
    Mdemu *md = mdemu_create(NULL);
    assert_non_null(md);
    PortOutput out = {{0}, 0};
    ResultBlock r;
    run_to_exit(md, rom, size, "testport_example", &out, &r);
    assert_int_equal(mdemu_test_port_exit(md), 1);
    assert_int_equal(r.fail, 1);
    assert_int_equal(r.pass, 0);
    assert_int_equal(r.exit_code, 1);
    assert_int_equal(r.first_failed_id, 1);
    assert_non_null(strstr(out.text, "FAIL id=0001 got=00000037 want=00000038"));
    mdemu_destroy(md);
    free(rom);
}

static uint64_t frame_hash(const Mdemu *md)
{
    MdemuFrame f = mdemu_frame(md);
    uint64_t h = 1469598103934665603u;
    for (int y = 0; y < f.height; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)f.pixels + (size_t)y * (size_t)f.pitch);
        for (int x = 0; x < f.width; x++)
            h = (h ^ row[x]) * 1099511628211u;
    }
    return h;
}

/* Picture of the player's ball: the demo keeps its position in a local, so
 * compare whole frames of two runs that differ only in the pad input. */
static void demo_animates_and_follows_pad(void **state)
{
    (void)state;
    size_t size = 0;
    uint8_t *rom = read_rom("demo", &size);
    Mdemu *idle = mdemu_create(NULL), *moved = mdemu_create(NULL);
    assert_non_null(idle);
    assert_non_null(moved);
    char err[256] = "";
    assert_int_equal(mdemu_load_rom_memory(idle, rom, size, "demo", err, sizeof err), MDEMU_OK);
    assert_int_equal(mdemu_load_rom_memory(moved, rom, size, "demo", err, sizeof err), MDEMU_OK);
    for (int i = 0; i < 60; i++) {
        mdemu_run_frame(idle);
        mdemu_run_frame(moved);
    }
    assert_int_equal(frame_hash(idle), frame_hash(moved)); /* deterministic */
    uint64_t before = frame_hash(idle);
    mdemu_set_pad(moved, 0, MDEMU_BTN_LEFT);
    for (int i = 0; i < 30; i++) {
        mdemu_run_frame(idle);
        mdemu_run_frame(moved);
    }
    assert_int_not_equal(frame_hash(idle), before);          /* it animates */
    assert_int_not_equal(frame_hash(idle), frame_hash(moved)); /* pad moved the ball */
    /* Not a test ROM: the result block stays untouched. */
    size_t ram_size = 0;
    assert_int_not_equal(ram32(mdemu_work_ram(idle, &ram_size), 0), 0x4D445452);
    mdemu_destroy(idle);
    mdemu_destroy(moved);
    free(rom);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: roms_run ROM_DIR\n");
        return 1;
    }
    rom_dir = argv[1];
    static const char *const names[] = {
        "testport_example", "cpu_selftest", "system_selftest", "vdp_planes", "vdp_scroll",
        "vdp_window", "vdp_sprites", "vdp_shadow", "vdp_h32", "vdp_interlace", "sound_test"};
    enum { N = sizeof names / sizeof names[0] };
    struct CMUnitTest tests[N + 2];
    for (size_t i = 0; i < N; i++)
        tests[i] = (struct CMUnitTest){names[i], run_test_rom, NULL, NULL, (void *)names[i]};
    tests[N] = (struct CMUnitTest){"failing_check_is_reported", failing_check_is_reported, NULL, NULL, NULL};
    tests[N + 1] = (struct CMUnitTest){"demo_animates_and_follows_pad", demo_animates_and_follows_pad,
                                       NULL, NULL, NULL};
    return _cmocka_run_group_tests("roms_run", tests, N + 2, NULL, NULL);
}
