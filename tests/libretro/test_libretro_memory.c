/* test_libretro_memory.c - work RAM as existing RetroAchievements sets and
 * cheat tools read it, through retro_get_memory_data and the memory map
 * (libretro/libretro_ram.h explains the layout and its sources); cheats and
 * save states with that layout; .gz content; the .info file.
 *
 * A small 68000 program writes known bytes into work RAM; the expected
 * layout is Genesis Plus GX's and PicoDrive's on a little-endian host: the
 * byte at 0xFF0000 + a at offset a ^ 1, so a 16-bit little-endian read at
 * an even offset gives the 68000 word there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "host_harness.h"

#define RAM_BASE 0xFF0000u
#define TEST_ROM_SIZE 0x1000u

/* The program at 0x200, hand-assembled (encodings from Motorola's M68000
 * Programmer's Reference Manual: MOVE is 00 size dst-reg dst-mode src-mode
 * src-reg, size 01 byte / 11 word / 10 long, mode 111 reg 001 = (xxx).L,
 * mode 111 reg 100 = #imm; BRA.S is 0x60 and an 8-bit displacement from
 * the instruction's address + 2):
 *   0x200 move.l #$11223344,$FF1234    23FC 1122 3344 00FF 1234
 *   0x20A move.b #$A5,$FF0001          13FC 00A5 00FF 0001
 *   0x212 move.w #$BEEF,$FFFFFE        33FC BEEF 00FF FFFE
 *   0x21A loop: move.b $FF2001,$FF2003 13F9 00FF 2001 00FF 2003
 *   0x224 bra.s loop                   60F4 */
static const uint8_t program[] = {
    0x23, 0xFC, 0x11, 0x22, 0x33, 0x44, 0x00, 0xFF, 0x12, 0x34,
    0x13, 0xFC, 0x00, 0xA5, 0x00, 0xFF, 0x00, 0x01,
    0x33, 0xFC, 0xBE, 0xEF, 0x00, 0xFF, 0xFF, 0xFE,
    0x13, 0xF9, 0x00, 0xFF, 0x20, 0x01, 0x00, 0xFF, 0x20, 0x03,
    0x60, 0xF4,
};
#define PROGRAM_LOOP 0x21Au
#define MOVE_L_IMMEDIATE 0x202u /* the word 0x1122 of move.l #$11223344 */

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Vectors (SSP, PC, every exception to the loop), the "SEGA" header, the
 * program; with_sram adds a battery RAM header ("RA", 0x200001-0x203FFF). */
static uint8_t *make_rom(bool with_sram)
{
    uint8_t *rom = calloc(1, TEST_ROM_SIZE);
    assert_non_null(rom);
    put32(rom, 0x00FFFE00);
    put32(rom + 4, 0x200);
    for (unsigned v = 2; v < 64; v++)
        put32(rom + 4 * v, PROGRAM_LOOP);
    memcpy(rom + 0x100, "SEGA MEGA DRIVE ", 16);
    memcpy(rom + 0x1F0, "JUE", 3);
    if (with_sram) {
        memcpy(rom + 0x1B0, "RA", 2);
        rom[0x1B2] = 0xF8;
        rom[0x1B3] = 0x20;
        put32(rom + 0x1B4, 0x200001);
        put32(rom + 0x1B8, 0x203FFF);
    }
    memcpy(rom + 0x200, program, sizeof program);
    return rom;
}

static void load_rom(const uint8_t *rom, size_t size, const char *path)
{
    struct retro_game_info game = { path, rom, size, NULL };
    assert_true(api.load_game(&game));
}

static uint8_t *start_test_rom(bool with_sram)
{
    uint8_t *rom = make_rom(with_sram);
    start_core(2);
    load_rom(rom, TEST_ROM_SIZE, "test.bin");
    return rom;
}

static void stop(uint8_t *rom)
{
    api.unload_game();
    api.deinit();
    free(rom);
}

static uint8_t *system_ram(void)
{
    uint8_t *ram = api.get_memory_data(RETRO_MEMORY_SYSTEM_RAM);
    assert_non_null(ram);
    assert_int_equal(api.get_memory_size(RETRO_MEMORY_SYSTEM_RAM), 0x10000);
    return ram;
}

/* The descriptor that holds `address` (select 0: explicit ranges, as rcheevos
 * and RetroArch resolve them), or NULL. */
static const struct retro_memory_descriptor *descriptor_at(uint32_t address)
{
    for (unsigned i = 0; i < host.num_descriptors; i++) {
        const struct retro_memory_descriptor *d = &host.descriptors[i];
        assert_int_equal(d->select, 0);
        if (address >= d->start && address - d->start < d->len)
            return d;
    }
    return NULL;
}

static uint8_t mapped_byte(uint32_t address)
{
    const struct retro_memory_descriptor *d = descriptor_at(address);
    assert_non_null(d);
    return ((const uint8_t *)d->ptr)[d->offset + address - d->start];
}

static unsigned le16(const uint8_t *p) { return (unsigned)(p[0] | p[1] << 8); }

/* The bytes the program wrote, where the existing achievement sets look. */
static void test_ram_layout_of_genesis_plus_gx(void **state)
{
    (void)state;
    uint8_t *rom = start_test_rom(false);
    run_frames(1);
    const uint8_t *ram = system_ram();
    /* move.l #$11223344,$FF1234 */
    assert_int_equal(ram[0x1234], 0x22);
    assert_int_equal(ram[0x1235], 0x11);
    assert_int_equal(ram[0x1236], 0x44);
    assert_int_equal(ram[0x1237], 0x33);
    assert_int_equal(le16(ram + 0x1234), 0x1122); /* a 16-bit read sees the 68000 word */
    assert_int_equal(le16(ram + 0x1236), 0x3344);
    /* move.b #$A5,$FF0001 and move.w #$BEEF,$FFFFFE */
    assert_int_equal(ram[0x0000], 0xA5);
    assert_int_equal(ram[0x0001], 0x00);
    assert_int_equal(le16(ram + 0xFFFE), 0xBEEF);
    stop(rom);
}

/* Genesis Plus GX's and PicoDrive's 68000 RAM descriptor (libretro.c,
 * set_memory_maps): { RETRO_MEMDESC_SYSTEM_RAM, ram, 0, 0xFF0000, 0, 0,
 * 0x10000, "68KRAM" }, over the same bytes retro_get_memory_data gives. */
static void test_memory_map_descriptor(void **state)
{
    (void)state;
    uint8_t *rom = start_test_rom(false);
    run_frames(1);
    assert_true(host.memory_map_seen);
    const struct retro_memory_descriptor *d = descriptor_at(RAM_BASE);
    assert_non_null(d);
    assert_true(d->flags == RETRO_MEMDESC_SYSTEM_RAM);
    assert_true(d->ptr == api.get_memory_data(RETRO_MEMORY_SYSTEM_RAM));
    assert_int_equal(d->offset, 0);
    assert_int_equal(d->start, RAM_BASE);
    assert_int_equal(d->select, 0);
    assert_int_equal(d->disconnect, 0);
    assert_int_equal(d->len, 0x10000);
    assert_string_equal(d->addrspace, "68KRAM");
    assert_int_equal(mapped_byte(0xFF1234), 0x22);
    assert_int_equal(mapped_byte(0xFF1235), 0x11);
    assert_int_equal(mapped_byte(0xFF0000), 0xA5);
    assert_int_equal(mapped_byte(0xFFFFFF), 0xBE);
    /* rcheevos looks the Mega Drive's cartridge RAM up at real address 0
     * (consoleinfo.c): without battery RAM nothing may answer there. */
    assert_null(descriptor_at(0x000000));
    unsigned system_ram_descriptors = 0;
    for (unsigned i = 0; i < host.num_descriptors; i++)
        system_ram_descriptors += (host.descriptors[i].flags & RETRO_MEMDESC_SYSTEM_RAM) != 0;
    assert_int_equal(system_ram_descriptors, 1);
    stop(rom);
}

/* Battery RAM answers at address 0 (rcheevos' "Cartridge RAM"), as
 * retro_get_memory_data(RETRO_MEMORY_SAVE_RAM) does. */
static void test_cartridge_ram_descriptor(void **state)
{
    (void)state;
    uint8_t *rom = start_test_rom(true);
    const struct retro_memory_descriptor *d = descriptor_at(0x000000);
    assert_non_null(d);
    assert_true(d->flags == RETRO_MEMDESC_SAVE_RAM);
    assert_true(d->ptr == api.get_memory_data(RETRO_MEMORY_SAVE_RAM));
    assert_int_equal(d->len, api.get_memory_size(RETRO_MEMORY_SAVE_RAM));
    assert_int_equal(d->len, 0x4000);
    assert_string_equal(d->addrspace, "CARTRAM");
    assert_non_null(descriptor_at(RAM_BASE));
    stop(rom);
}

/* A frontend write (RetroArch's cheat manager, a memory editor) reaches
 * the 68000 at the address the layout says: the program copies 0xFF2001
 * to 0xFF2003 over and over. */
static void test_frontend_writes_reach_the_68000(void **state)
{
    (void)state;
    uint8_t *rom = start_test_rom(false);
    run_frames(1);
    uint8_t *ram = system_ram();
    ram[0x2000] = 0x77; /* 0xFF2001 */
    run_frames(1);
    assert_int_equal(ram[0x2000], 0x77);
    assert_int_equal(ram[0x2002], 0x77); /* 0xFF2003, written by the 68000 */
    assert_int_equal(ram[0x2003], 0x00);
    /* Frames without a frontend write keep what both wrote. */
    run_frames(2);
    assert_int_equal(ram[0x2002], 0x77);
    assert_int_equal(ram[0x1235], 0x11);
    stop(rom);
}

/* The core's cheats (raw and Game Genie codes are 68000 addresses) show up
 * in the exposed layout: a RAM code forces its word, a ROM code patches the
 * program. */
static void test_cheats_with_the_layout(void **state)
{
    (void)state;
    uint8_t *rom = start_test_rom(false);
    run_frames(1);
    const uint8_t *ram = system_ram();
    api.cheat_set(0, true, "FF1234:ABCD");
    run_frames(1);
    assert_int_equal(ram[0x1234], 0xCD);
    assert_int_equal(ram[0x1235], 0xAB);
    assert_int_equal(le16(ram + 0x1234), 0xABCD);
    api.cheat_reset();

    char code[32];
    snprintf(code, sizeof code, "%06X:5566", MOVE_L_IMMEDIATE);
    api.cheat_set(0, true, code);
    api.reset(); /* the 68000 runs the patched move.l #$55663344,$FF1234 */
    run_frames(1);
    assert_int_equal(le16(ram + 0x1234), 0x5566);
    assert_int_equal(le16(ram + 0x1236), 0x3344);
    api.cheat_reset();
    api.reset();
    run_frames(1);
    assert_int_equal(le16(ram + 0x1234), 0x1122); /* the ROM is restored */
    stop(rom);
}

/* Save states hold what the frontend sees, and loading one shows its RAM at
 * once, before the next frame. */
static void test_states_with_the_layout(void **state)
{
    (void)state;
    uint8_t *rom = start_test_rom(false);
    run_frames(1);
    uint8_t *ram = system_ram();
    ram[0x3000] = 0x99; /* 0xFF3001, written by the frontend just before saving */
    size_t size = api.serialize_size();
    uint8_t *saved = malloc(size);
    assert_non_null(saved);
    assert_true(api.serialize(saved, size));

    ram[0x3000] = 0x00;
    ram[0x1235] = 0x5A;
    run_frames(3);
    assert_int_equal(ram[0x3000], 0x00);
    assert_int_equal(ram[0x1235], 0x5A);

    assert_true(api.unserialize(saved, size));
    assert_int_equal(ram[0x3000], 0x99);
    assert_int_equal(ram[0x1235], 0x11);
    assert_int_equal(le16(ram + 0x1236), 0x3344);
    run_frames(1);
    assert_int_equal(ram[0x3000], 0x99); /* in the 68000's RAM too, not only in the view */
    assert_int_equal(ram[0x1235], 0x11);
    free(saved);
    stop(rom);
}

static uint8_t *gzip_bytes(const uint8_t *data, size_t size, size_t *out_size)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    assert_int_equal(deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t capacity = deflateBound(&zs, (uLong)size) + 64;
    uint8_t *out = malloc(capacity);
    assert_non_null(out);
    zs.next_in = (Bytef *)(uintptr_t)data;
    zs.avail_in = (uInt)size;
    zs.next_out = out;
    zs.avail_out = (uInt)capacity;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    *out_size = capacity - zs.avail_out;
    deflateEnd(&zs);
    return out;
}

/* A gzip-compressed ROM loads and plays like the plain one. */
static void test_gz_content(void **state)
{
    (void)state;
    struct retro_system_info info;
    api.get_system_info(&info);
    assert_non_null(strstr(info.valid_extensions, "|gz"));
    const int frames = 60;
    start_core(2);
    load_demo();
    run_frames(frames);
    uint64_t plain = host.frame_hash;
    api.unload_game();
    api.deinit();

    size_t gz_size;
    uint8_t *gz = gzip_bytes(rom_data, rom_size, &gz_size);
    assert_true(gz[0] == 0x1F && gz[1] == 0x8B);
    start_core(2);
    load_rom(gz, gz_size, MDEMU_BINARY_DIR "/roms/demo.gz");
    run_frames(frames);
    assert_true(host.frame_hash == plain);
    api.unload_game();
    api.deinit();
    free(gz);
}

/* The .info file RetroArch reads lists the same extensions as the core, .gz among them. */
static void test_info_file_extensions(void **state)
{
    (void)state;
    uint8_t *text;
    size_t size;
    assert_true(read_file(MDEMU_SOURCE_DIR "/libretro/mdemu_libretro.info", &text, &size));
    char *s = realloc(text, size + 1);
    assert_non_null(s);
    s[size] = '\0';
    const char *key = strstr(s, "\nsupported_extensions = \"");
    assert_non_null(key);
    const char *value = key + strlen("\nsupported_extensions = \"");
    const char *end = strchr(value, '"');
    assert_non_null(end);
    struct retro_system_info info;
    api.get_system_info(&info);
    assert_int_equal((size_t)(end - value), strlen(info.valid_extensions));
    assert_memory_equal(value, info.valid_extensions, strlen(info.valid_extensions));
    assert_true(end - value >= 3 && !memcmp(end - 3, "|gz", 3));
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ram_layout_of_genesis_plus_gx),
        cmocka_unit_test(test_memory_map_descriptor),
        cmocka_unit_test(test_cartridge_ram_descriptor),
        cmocka_unit_test(test_frontend_writes_reach_the_68000),
        cmocka_unit_test(test_cheats_with_the_layout),
        cmocka_unit_test(test_states_with_the_layout),
        cmocka_unit_test(test_gz_content),
        cmocka_unit_test(test_info_file_extensions),
    };
    return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
