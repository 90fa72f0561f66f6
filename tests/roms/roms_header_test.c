/* roms_header_test.c - every ROM we build must be a well-formed Genesis
 * image: "SEGA" at 0x100, ROM end at 0x1A4 = size - 1, checksum word at
 * 0x18E = 16-bit sum of the big-endian words from 0x200 to the end (header
 * layout: Sega "Genesis Software Manual"), and sane vectors.
 * Argument: the ROM paths joined with commas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testdata.h"

enum { MAX_ROMS = 64, HEADER_END = 0x200, MAX_ROM_SIZE = 0x400000 };

typedef struct RomImage {
    uint8_t *data;
    size_t size;
} RomImage;

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static uint16_t be16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

static uint16_t checksum(const uint8_t *rom, size_t size)
{
    uint16_t sum = 0;
    for (size_t i = HEADER_END; i + 1 < size; i += 2)
        sum = (uint16_t)(sum + be16(rom + i));
    return sum;
}

static RomImage load_rom(const char *path)
{
    RomImage rom = {NULL, 0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_error("cannot open %s\n", path);
        fail();
    }
    rom.data = malloc(MAX_ROM_SIZE + 1);
    assert_non_null(rom.data);
    rom.size = fread(rom.data, 1, MAX_ROM_SIZE + 1, f);
    fclose(f);
    return rom;
}

static void assert_field_printable(const uint8_t *p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        assert_true(p[i] >= 0x20 && p[i] < 0x7F);
}

static void check_rom(void **state)
{
    const char *path = *state;
    RomImage rom = load_rom(path);
    const uint8_t *r = rom.data;

    assert_in_range(rom.size, HEADER_END + 2, MAX_ROM_SIZE);
    assert_int_equal(rom.size % 2, 0);
    assert_memory_equal(r + 0x100, "SEGA", 4);
    assert_field_printable(r + 0x100, 0x8E); /* system, copyright, titles, serial */
    assert_field_printable(r + 0x190, 16);   /* devices */
    assert_field_printable(r + 0x1F0, 16);   /* regions */
    assert_true(r[0x1F0] != ' ');
    assert_int_equal(be32(r + 0x1A0), 0);
    assert_int_equal(be32(r + 0x1A4), rom.size - 1);
    assert_int_equal(be32(r + 0x1A8), 0xFF0000);
    assert_int_equal(be32(r + 0x1AC), 0xFFFFFF);
    assert_int_equal(be16(r + 0x18E), checksum(r, rom.size));
    if (r[0x1B0] == 'R' && r[0x1B1] == 'A') {
        uint32_t start = be32(r + 0x1B4), end = be32(r + 0x1B8);
        assert_true(start >= 0x200000 && start < end);
    } else {
        assert_field_printable(r + 0x1B0, 12);
    }

    /* SSP: even, in work RAM (0x01000000 = empty stack at the top). */
    uint32_t ssp = be32(r + 0);
    assert_int_equal(ssp % 2, 0);
    assert_in_range(ssp, 0xFF0002, 0x1000000);
    /* PC and every handler: even, inside the image, past the header. */
    for (int v = 1; v < 64; v++) {
        uint32_t target = be32(r + v * 4);
        if (target % 2 != 0 || target < HEADER_END || target >= rom.size) {
            print_error("%s: vector %d = 0x%06X is not code in the ROM\n", path, v, (unsigned)target);
            fail();
        }
    }
    free(rom.data);
}

/* The checker itself must notice a corrupted image. */
static void checksum_detects_corruption(void **state)
{
    const char *path = *state;
    RomImage rom = load_rom(path);
    uint16_t good = checksum(rom.data, rom.size);
    assert_int_equal(be16(rom.data + 0x18E), good);
    rom.data[rom.size - 1] ^= 0x01;
    assert_int_not_equal(checksum(rom.data, rom.size), good);
    free(rom.data);
}

int main(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '\0') {
        fprintf(stderr, "usage: roms_header ROM[,ROM...] (no ROMs were registered)\n");
        return 1;
    }
    static char list[8192];
    snprintf(list, sizeof list, "%s", argv[1]);
    struct CMUnitTest tests[MAX_ROMS + 1];
    size_t count = 0;
    const char *demo = NULL;
    for (char *save = NULL, *path = strtok_r(list, ",", &save); path && count < MAX_ROMS;
         path = strtok_r(NULL, ",", &save)) {
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        tests[count++] = (struct CMUnitTest){base, check_rom, NULL, NULL, path};
        if (strcmp(base, "demo.bin") == 0)
            demo = path;
    }
    if (!demo) {
        fprintf(stderr, "roms_header: demo.bin is not among the registered ROMs\n");
        return 1;
    }
    tests[count++] = (struct CMUnitTest){"checksum_detects_corruption", checksum_detects_corruption,
                                         NULL, NULL, (void *)demo};
    return _cmocka_run_group_tests("roms_header", tests, count, NULL, NULL);
}
