/* system_rom_test.c - cartridge formats (raw, .smd, .zip, .gz, from memory
 * and from files), header parsing, and rejection of bad input with a
 * one-line message naming the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <unistd.h>
#include <zlib.h>
#include <minizip/zip.h>

#include "system_test_util.h"

#define ROM_SIZE 0x20000u

typedef struct Fixture {
    char dir[256];
    uint8_t *rom;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "%s/system_rom_XXXXXX", MDEMU_BINARY_DIR);
    if (!mkdtemp(f->dir))
        return -1;
    TestRomSpec spec = {.size = ROM_SIZE, .serial = "GM MK-1234 -01", .devices = "J6", .regions = "U"};
    f->rom = test_rom_build(&spec);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    free(f->rom);
    free(f);
    return 0;
}

static const char *path_in(const Fixture *f, const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", f->dir, name);
    return buf;
}

static void write_file(const char *path, const void *data, size_t size)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, size, fp), size);
    fclose(fp);
}

static void assert_loaded_rom(Mdemu *md, const uint8_t *expect)
{
    size_t size;
    const uint8_t *rom = mdemu_rom(md, &size);
    assert_int_equal(size, ROM_SIZE);
    assert_memory_equal(rom, expect, ROM_SIZE);
    assert_true(mdemu_has_rom(md));
}

static uint8_t *make_smd(const uint8_t *rom, size_t size, size_t *out_size)
{
    *out_size = 512 + size;
    uint8_t *smd = calloc(1, *out_size);
    smd[0] = (uint8_t)(size / 0x4000);
    smd[1] = 3;
    smd[8] = 0xAA;
    smd[9] = 0xBB;
    for (size_t block = 0; block < size; block += 0x4000)
        for (size_t i = 0; i < 0x2000; i++) {
            smd[512 + block + i] = rom[block + 2 * i + 1];
            smd[512 + block + 0x2000 + i] = rom[block + 2 * i];
        }
    return smd;
}

static void test_raw_and_header(void **state)
{
    Fixture *f = *state;
    char path[512];
    write_file(path_in(f, "game.md", path, sizeof path), f->rom, ROM_SIZE);
    Mdemu *md = mdemu_create(NULL);
    char err[256] = "";
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_OK);
    assert_loaded_rom(md, f->rom);
    const MdemuRomInfo *info = mdemu_rom_info(md);
    assert_string_equal(info->system_type, "SEGA MEGA DRIVE");
    assert_string_equal(info->title_domestic, "DOMESTIC TITLE");
    assert_string_equal(info->title_overseas, "OVERSEAS TITLE");
    assert_string_equal(info->serial, "GM MK-1234 -01");
    assert_string_equal(info->regions, "U");
    assert_string_equal(info->devices, "J6");
    assert_true(info->checksum_ok);
    assert_int_equal(info->checksum_header, info->checksum_computed);
    assert_int_equal(info->rom_size, ROM_SIZE);
    assert_false(info->has_sram);
    assert_string_equal(info->mapper, "none");
    assert_string_equal(info->save_type, "none");
    assert_int_equal(mdemu_region(md), MDEMU_REGION_US);
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_6BUTTON);
    mdemu_destroy(md);

    /* A wrong checksum is reported, never enforced. */
    uint8_t *bad = malloc(ROM_SIZE);
    memcpy(bad, f->rom, ROM_SIZE);
    bad[0x18F] ^= 0xFF;
    md = mdemu_create(NULL);
    assert_int_equal(mdemu_load_rom_memory(md, bad, ROM_SIZE, "bad.bin", err, sizeof err), MDEMU_OK);
    assert_false(mdemu_rom_info(md)->checksum_ok);
    mdemu_destroy(md);
    free(bad);
}

static void test_smd(void **state)
{
    Fixture *f = *state;
    size_t size;
    uint8_t *smd = make_smd(f->rom, ROM_SIZE, &size);
    Mdemu *md = mdemu_create(NULL);
    char err[256];
    assert_int_equal(mdemu_load_rom_memory(md, smd, size, "game.smd", err, sizeof err), MDEMU_OK);
    assert_loaded_rom(md, f->rom);
    mdemu_destroy(md);
    /* Detected by content even without the 0xAA 0xBB marks and under another name. */
    smd[8] = smd[9] = 0;
    char path[512];
    write_file(path_in(f, "copier.bin", path, sizeof path), smd, size);
    md = mdemu_create(NULL);
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_OK);
    assert_loaded_rom(md, f->rom);
    mdemu_destroy(md);
    free(smd);
}

static void test_gzip(void **state)
{
    Fixture *f = *state;
    char path[512];
    path_in(f, "game.bin.gz", path, sizeof path);
    gzFile gz = gzopen(path, "wb9");
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, f->rom, ROM_SIZE), (int)ROM_SIZE);
    assert_int_equal(gzclose(gz), Z_OK);
    Mdemu *md = mdemu_create(NULL);
    char err[256];
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_OK);
    assert_loaded_rom(md, f->rom);
    /* Also from memory, and a gzipped .smd. */
    uint8_t *data;
    size_t size;
    assert_int_equal(mdemu_read_file(path, &data, &size, 1 << 24), MDEMU_OK);
    assert_int_equal(mdemu_load_rom_memory(md, data, size, "mem.gz", err, sizeof err), MDEMU_OK);
    assert_loaded_rom(md, f->rom);
    /* Truncated gzip data is a broken archive. */
    assert_int_equal(mdemu_load_rom_memory(md, data, size / 2, "half.gz", err, sizeof err), MDEMU_ERR_ARCHIVE);
    assert_non_null(strstr(err, "half.gz"));
    assert_loaded_rom(md, f->rom); /* the previous ROM stays */
    free(data);
    size_t smd_size;
    uint8_t *smd = make_smd(f->rom, ROM_SIZE, &smd_size);
    path_in(f, "game.smd.gz", path, sizeof path);
    gz = gzopen(path, "wb");
    gzwrite(gz, smd, (unsigned)smd_size);
    gzclose(gz);
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_OK);
    assert_loaded_rom(md, f->rom);
    free(smd);
    mdemu_destroy(md);
}

static void write_zip(const char *path, const char *const *names, const void *const *datas,
                      const size_t *sizes, int count)
{
    zipFile zf = zipOpen64(path, APPEND_STATUS_CREATE);
    assert_non_null(zf);
    for (int i = 0; i < count; i++) {
        zip_fileinfo zi;
        memset(&zi, 0, sizeof zi);
        assert_int_equal(zipOpenNewFileInZip64(zf, names[i], &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
                                               Z_DEFAULT_COMPRESSION, 0), ZIP_OK);
        assert_int_equal(zipWriteInFileInZip(zf, datas[i], (unsigned)sizes[i]), ZIP_OK);
        assert_int_equal(zipCloseFileInZip(zf), ZIP_OK);
    }
    assert_int_equal(zipClose(zf, NULL), ZIP_OK);
}

static void test_zip(void **state)
{
    Fixture *f = *state;
    char path[512];
    const char *readme = "This archive holds a test ROM.\n";
    const char *names[] = {"readme.txt", "game.gen"};
    const void *datas[] = {readme, f->rom};
    const size_t sizes[] = {strlen(readme), ROM_SIZE};
    write_zip(path_in(f, "game.zip", path, sizeof path), names, datas, sizes, 2);
    Mdemu *md = mdemu_create(NULL);
    char err[256];
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_OK);
    assert_loaded_rom(md, f->rom);
    /* From memory through the in-memory minizip I/O. */
    uint8_t *data;
    size_t size;
    assert_int_equal(mdemu_read_file(path, &data, &size, 1 << 24), MDEMU_OK);
    mdemu_destroy(md);
    md = mdemu_create(NULL);
    assert_int_equal(mdemu_load_rom_memory(md, data, size, "mem.zip", err, sizeof err), MDEMU_OK);
    assert_loaded_rom(md, f->rom);
    /* Damaged compressed data: CRC or inflate failure. */
    uint8_t *broken = malloc(size);
    memcpy(broken, data, size);
    for (size_t i = size / 2; i < size / 2 + 64; i++)
        broken[i] ^= 0x5A;
    MdemuResult r = mdemu_load_rom_memory(md, broken, size, "broken.zip", err, sizeof err);
    assert_true(r == MDEMU_ERR_ARCHIVE || r == MDEMU_ERR_NOT_ROM);
    assert_non_null(strstr(err, "broken.zip"));
    /* Cut short: the central directory is gone. */
    r = mdemu_load_rom_memory(md, data, size - 30, "cut.zip", err, sizeof err);
    assert_int_equal(r, MDEMU_ERR_ARCHIVE);
    assert_loaded_rom(md, f->rom);
    free(broken);
    free(data);
    /* An archive with no files. */
    write_zip(path_in(f, "empty.zip", path, sizeof path), NULL, NULL, NULL, 0);
    r = mdemu_load_rom_file(md, path, err, sizeof err);
    assert_true(r == MDEMU_ERR_ARCHIVE);
    mdemu_destroy(md);
}

static void test_bad_inputs(void **state)
{
    Fixture *f = *state;
    char path[512], err[256];
    Mdemu *md = mdemu_create(NULL);

    /* missing */
    assert_int_equal(mdemu_load_rom_file(md, path_in(f, "missing.bin", path, sizeof path), err, sizeof err),
                     MDEMU_ERR_IO);
    assert_non_null(strstr(err, "missing.bin"));
    assert_false(mdemu_has_rom(md));
    /* empty */
    write_file(path_in(f, "empty.bin", path, sizeof path), "", 0);
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_ERR_EMPTY);
    assert_non_null(strstr(err, "empty.bin"));
    assert_null(strchr(err, '\n'));
    /* truncated */
    write_file(path_in(f, "short.bin", path, sizeof path), f->rom, 0x1FF);
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_ERR_TRUNCATED);
    assert_non_null(strstr(err, "short.bin"));
    /* not a ROM: text, and random-looking binary with odd vectors */
    char text[1024];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = "The quick brown fox jumps over the lazy dog. "[i % 45];
    write_file(path_in(f, "notes.bin", path, sizeof path), text, sizeof text);
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_ERR_NOT_ROM);
    assert_non_null(strstr(err, "notes.bin"));
    uint8_t junk[2048];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (uint8_t)(i * 37 + 11);
    junk[7] |= 1;
    assert_int_equal(mdemu_load_rom_memory(md, junk, sizeof junk, "junk.bin", err, sizeof err), MDEMU_ERR_NOT_ROM);
    /* oversized: more than 16 MB (sparse file) */
    path_in(f, "huge.bin", path, sizeof path);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fseek(fp, 17 * 1024 * 1024, SEEK_SET), 0);
    fputc(0, fp);
    fclose(fp);
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_ERR_TOO_BIG);
    assert_non_null(strstr(err, "huge.bin"));
    /* gzip bomb beyond 16 MB */
    path_in(f, "huge.gz", path, sizeof path);
    gzFile gz = gzopen(path, "wb9");
    uint8_t *zeros = calloc(1, 1 << 20);
    for (int i = 0; i < 18; i++)
        gzwrite(gz, zeros, 1 << 20);
    gzclose(gz);
    free(zeros);
    assert_int_equal(mdemu_load_rom_file(md, path, err, sizeof err), MDEMU_ERR_TOO_BIG);
    /* garbage after a gzip magic */
    uint8_t fake_gz[600] = {0x1F, 0x8B, 0x08, 0x00};
    assert_int_equal(mdemu_load_rom_memory(md, fake_gz, sizeof fake_gz, "fake.gz", err, sizeof err),
                     MDEMU_ERR_ARCHIVE);
    /* zip magic with nothing behind it */
    uint8_t fake_zip[600] = {'P', 'K', 3, 4};
    assert_int_equal(mdemu_load_rom_memory(md, fake_zip, sizeof fake_zip, "fake.zip", err, sizeof err),
                     MDEMU_ERR_ARCHIVE);
    assert_non_null(strstr(err, "fake.zip"));
    assert_false(mdemu_has_rom(md));
    /* A directory is not readable as a ROM. */
    assert_int_equal(mdemu_load_rom_file(md, f->dir, err, sizeof err), MDEMU_ERR_IO);
    /* A ROM without "SEGA" but with a sensible vector table (homebrew) loads. */
    uint8_t *homebrew = malloc(0x1000);
    memcpy(homebrew, f->rom, 0x1000);
    memset(homebrew + 0x100, 0, 0x100);
    assert_int_equal(mdemu_load_rom_memory(md, homebrew, 0x1000, "homebrew.bin", err, sizeof err), MDEMU_OK);
    free(homebrew);
    mdemu_destroy(md);
}

/* Random images with every container's magic: errors or a load, never a crash
 * (the sanitizer build checks the memory accesses). */
static void test_random_inputs(void **state)
{
    Fixture *f = *state;
    Mdemu *md = mdemu_create(NULL);
    uint32_t seed = 12345;
    uint8_t *buf = malloc(0x30000);
    char err[256];
    for (int round = 0; round < 300; round++) {
        size_t size = 0;
        for (int i = 0; i < 3; i++) {
            seed = seed * 1664525u + 1013904223u;
            size = (size << 8) ^ (seed >> 16);
        }
        size %= 0x30000;
        for (size_t i = 0; i < size; i++) {
            seed = seed * 1664525u + 1013904223u;
            buf[i] = (uint8_t)(seed >> 24);
        }
        switch (round % 5) {
        case 0: if (size >= 4) memcpy(buf, "PK\3\4", 4); break;
        case 1: if (size >= 3) { buf[0] = 0x1F; buf[1] = 0x8B; buf[2] = 8; } break;
        case 2: if (size >= 0x110) memcpy(buf + 0x100, "SEGA", 4); break;
        case 3: if (size >= 10) { buf[8] = 0xAA; buf[9] = 0xBB; } break;
        default: if (size >= 0x1000) memcpy(buf, f->rom, 0x1000); break;
        }
        MdemuResult r = mdemu_load_rom_memory(md, buf, size, "random.bin", err, sizeof err);
        if (r != MDEMU_OK) {
            assert_non_null(strstr(err, "random.bin"));
            continue;
        }
        /* Whatever loaded can run a frame and reject random states. */
        mdemu_run_frame(md);
        size_t state_size = mdemu_state_size(md);
        uint8_t *junk = calloc(1, state_size);
        memcpy(junk, "MDEMUSV1", 8);
        assert_int_not_equal(mdemu_load_state(md, junk, state_size), MDEMU_OK);
        free(junk);
    }
    free(buf);
    mdemu_destroy(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_raw_and_header, setup, teardown),
        cmocka_unit_test_setup_teardown(test_smd, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_inputs, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
