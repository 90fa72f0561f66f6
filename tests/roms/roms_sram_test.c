/* roms_sram_test.c - runs roms/tests/sram_selftest.s on the whole console
 * across "power cycles": the first boot writes a pattern and a boot counter
 * into battery SRAM, the host saves it with mdemu_sram_save_file, loads it
 * into a fresh console with mdemu_sram_load_file, and the second boot must
 * find the pattern and count 2. Checks the file too: written atomically
 * (only the save file in its folder, no temporary left), the raw SRAM
 * bytes, replaced in place by a later save; and that a damaged file makes
 * the ROM report the damaged byte. Argument: the folder holding the ROMs. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mdemu.h"
#include "roms_test_util.h"

enum {
    MAX_FRAMES = 120,
    SRAM_BYTES = 0x8000,  /* header range 0x200001-0x207FFF, both byte lanes */
    COUNT_OFFSET = 9,     /* odd byte 4 */
    PATTERN_OFFSET = 17,  /* odd byte 8 */
    PATTERN_LEN = 64,
    BOOT_WORD = 0xF0
};

typedef struct Fixture {
    uint8_t *rom;
    size_t rom_size;
    char dir[256];
    char path[300];
} Fixture;

static uint16_t ram16(const uint8_t *ram, size_t at) { return (uint16_t)((ram[at] << 8) | ram[at + 1]); }

/* The ROM's pattern (pattern_byte in sram_selftest.s). */
static uint8_t pattern_byte(unsigned i) { return (uint8_t)((i * 29u + 0x11u) & 0x7Fu); }

/* *state: the ROM folder on entry, the fixture on return. */
static int setup(void **state)
{
    const char *rom_dir = *state;
    Fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    char path[1024];
    snprintf(path, sizeof path, "%s/sram_selftest.bin", rom_dir);
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_error("cannot open %s\n", path);
        free(fx);
        return -1;
    }
    fx->rom = malloc(0x400000);
    assert_non_null(fx->rom);
    fx->rom_size = fread(fx->rom, 1, 0x400000, f);
    fclose(f);
    const char *tmp = getenv("TMPDIR");
    snprintf(fx->dir, sizeof fx->dir, "%s/roms_sram_XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(fx->dir));
    snprintf(fx->path, sizeof fx->path, "%s/sram_selftest.srm", fx->dir);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fixture *fx = *state;
    DIR *d = opendir(fx->dir);
    if (d) {
        struct dirent *e;
        char p[600];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                snprintf(p, sizeof p, "%s/%s", fx->dir, e->d_name);
                unlink(p);
            }
        }
        closedir(d);
    }
    rmdir(fx->dir);
    free(fx->rom);
    free(fx);
    return 0;
}

static Mdemu *fresh_console(const Fixture *fx)
{
    Mdemu *md = mdemu_create(NULL);
    assert_non_null(md);
    char err[256] = "";
    assert_int_equal(mdemu_load_rom_memory(md, fx->rom, fx->rom_size, "sram_selftest", err, sizeof err),
                     MDEMU_OK);
    return md;
}

/* Runs from the current state until the ROM exits; returns the exit code
 * and the boot count the ROM reported. */
static int boot(Mdemu *md, PortOutput *out, unsigned *boots, uint32_t *failed, uint16_t *first_failed)
{
    out->len = 0;
    out->text[0] = '\0';
    mdemu_set_test_port(md, MDEMU_TEST_PORT_DEFAULT, collect, out);
    for (int frame = 0; frame < MAX_FRAMES && mdemu_test_port_exit(md) < 0; frame++)
        mdemu_run_frame(md);
    size_t ram_size = 0;
    const uint8_t *ram = mdemu_work_ram(md, &ram_size);
    assert_int_equal(ram32(ram, 0), 0x4D445452); /* 'MDTR' */
    assert_int_equal(ram16(ram, 0x0C), 1);
    *boots = ram16(ram, BOOT_WORD);
    *failed = ram32(ram, 0x08);
    *first_failed = ram16(ram, 0x10);
    return mdemu_test_port_exit(md);
}

static void expect_pass(Mdemu *md, unsigned want_boots)
{
    PortOutput out = {{0}, 0};
    unsigned boots = 0;
    uint32_t failed = 0;
    uint16_t first = 0;
    int code = boot(md, &out, &boots, &failed, &first);
    if (code != 0)
        print_error("sram_selftest exit %d:\n%s\n", code, out.text);
    assert_int_equal(code, 0);
    assert_int_equal(failed, 0);
    assert_int_equal(boots, want_boots);
    char line[32];
    snprintf(line, sizeof line, "boot %02X\n", want_boots);
    assert_non_null(strstr(out.text, line));
    size_t size = 0;
    const uint8_t *sram = mdemu_sram(md, &size);
    assert_int_equal(size, SRAM_BYTES);
    assert_int_equal(sram[1], 'M');
    assert_int_equal(sram[3], 'D');
    assert_int_equal(sram[5], 'S');
    assert_int_equal(sram[7], 'R');
    assert_int_equal(sram[COUNT_OFFSET], want_boots);
    for (unsigned i = 0; i < PATTERN_LEN; i++)
        assert_int_equal(sram[PATTERN_OFFSET + 2 * i], pattern_byte(i));
}

/* Names in the save folder other than "." and "..". */
static int dir_entries(const char *dir, char *only, size_t only_size)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        n++;
        snprintf(only, only_size, "%s", e->d_name);
    }
    closedir(d);
    return n;
}

static void expect_file_is_sram(const Fixture *fx, Mdemu *md)
{
    char name[256] = "";
    assert_int_equal(dir_entries(fx->dir, name, sizeof name), 1);
    assert_string_equal(name, "sram_selftest.srm");
    FILE *f = fopen(fx->path, "rb");
    assert_non_null(f);
    uint8_t *data = malloc(SRAM_BYTES + 1);
    assert_non_null(data);
    size_t n = fread(data, 1, SRAM_BYTES + 1, f);
    fclose(f);
    assert_int_equal(n, SRAM_BYTES);
    size_t size = 0;
    assert_memory_equal(data, mdemu_sram(md, &size), SRAM_BYTES);
    free(data);
}

static void save(const Fixture *fx, Mdemu *md)
{
    char err[256] = "";
    assert_true(mdemu_sram_dirty(md));
    assert_int_equal(mdemu_sram_save_file(md, fx->path, err, sizeof err), MDEMU_OK);
    assert_false(mdemu_sram_dirty(md));
    expect_file_is_sram(fx, md);
}

static Mdemu *reload(const Fixture *fx)
{
    Mdemu *md = fresh_console(fx);
    char err[256] = "";
    assert_int_equal(mdemu_sram_load_file(md, fx->path, err, sizeof err), MDEMU_OK);
    assert_false(mdemu_sram_dirty(md));
    return md;
}

static void header_declares_battery_sram(void **state)
{
    Fixture *fx = *state;
    Mdemu *md = fresh_console(fx);
    const MdemuRomInfo *info = mdemu_rom_info(md);
    assert_true(info->has_sram);
    assert_int_equal(info->sram_start, 0x200001);
    assert_int_equal(info->sram_end, 0x207FFF);
    assert_string_equal(info->save_type, "sram");
    assert_true(info->rom_size > 0x200000); /* ROM under the SRAM range: switched */
    size_t size = 0;
    const uint8_t *sram = mdemu_sram(md, &size);
    assert_int_equal(size, SRAM_BYTES);
    for (size_t i = 0; i < size; i++)
        assert_int_equal(sram[i], 0xFF);
    mdemu_destroy(md);
}

/* Boot 1 in one console, boot 2 in a fresh one from the file, boot 3 after
 * a power cycle of that console (the battery keeps SRAM), boot 4 again
 * from a file that replaced the previous one. */
static void pattern_and_counter_survive_reload(void **state)
{
    Fixture *fx = *state;
    Mdemu *md = fresh_console(fx);
    char err[256] = "";
    /* No file yet: not an error, SRAM stays blank. */
    assert_int_equal(mdemu_sram_load_file(md, fx->path, err, sizeof err), MDEMU_OK);
    expect_pass(md, 1);
    save(fx, md);
    mdemu_destroy(md);

    md = reload(fx);
    expect_pass(md, 2);
    mdemu_reset(md, true);
    expect_pass(md, 3);
    save(fx, md);
    mdemu_destroy(md);

    md = reload(fx);
    size_t size = 0;
    assert_int_equal(mdemu_sram(md, &size)[COUNT_OFFSET], 3);
    expect_pass(md, 4);
    mdemu_destroy(md);
}

/* A damaged pattern byte in the file: the ROM names it (check 0x100 + k). */
static void damaged_file_is_reported(void **state)
{
    Fixture *fx = *state;
    Mdemu *md = fresh_console(fx);
    expect_pass(md, 1);
    save(fx, md);
    mdemu_destroy(md);

    FILE *f = fopen(fx->path, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, PATTERN_OFFSET + 2 * 5, SEEK_SET), 0);
    assert_int_equal(fputc(pattern_byte(5) ^ 0x40, f), pattern_byte(5) ^ 0x40);
    fclose(f);

    md = reload(fx);
    PortOutput out = {{0}, 0};
    unsigned boots = 0;
    uint32_t failed = 0;
    uint16_t first = 0;
    assert_int_equal(boot(md, &out, &boots, &failed, &first), 1);
    assert_int_equal(failed, 1);
    assert_int_equal(first, 0x105);
    assert_non_null(strstr(out.text, "FAIL id=0105"));
    mdemu_destroy(md);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: roms_sram ROM_DIR\n");
        return 1;
    }
    void *rom_dir = argv[1];
    const struct CMUnitTest tests[] = {
        {"header_declares_battery_sram", header_declares_battery_sram, setup, teardown, rom_dir},
        {"pattern_and_counter_survive_reload", pattern_and_counter_survive_reload, setup, teardown, rom_dir},
        {"damaged_file_is_reported", damaged_file_is_reported, setup, teardown, rom_dir},
    };
    return cmocka_run_group_tests_name("roms_sram", tests, NULL, NULL);
}
