/* system_sram_test.c - battery save memory persistence: the file holds the
 * save memory after a save, a fresh console gets it back, writes are atomic
 * (a stale temporary file never replaces the save), a missing file is fine. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

#include "system_test_util.h"

static Mdemu *sram_console(void)
{
    TestRomSpec spec = {.size = 0x80000, .sram = true, .sram_start = 0x200001, .sram_end = 0x20FFFF};
    return test_console(&spec, MDEMU_REGION_US);
}

static void test_persistence(void **state)
{
    const char *dir = *state;
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/game.srm", dir);
    Mdemu *md = sram_console();
    assert_non_null(md);
    /* No file yet: not an error, memory stays blank. */
    assert_int_equal(mdemu_sram_load_file(md, path, err, sizeof err), MDEMU_OK);
    size_t size;
    uint8_t *sram = mdemu_sram(md, &size);
    assert_int_equal(size, 0x10000);
    for (uint32_t i = 0; i < 64; i++)
        bus_w8(md, 0x200001 + 2 * i, (uint8_t)(i * 3 + 1));
    assert_true(mdemu_sram_dirty(md));
    assert_int_equal(mdemu_sram_save_file(md, path, err, sizeof err), MDEMU_OK);
    assert_false(mdemu_sram_dirty(md));

    /* The file is exactly the save memory. */
    uint8_t *file;
    size_t file_size;
    assert_int_equal(mdemu_read_file(path, &file, &file_size, 1 << 20), MDEMU_OK);
    assert_int_equal(file_size, size);
    assert_memory_equal(file, sram, size);
    assert_int_equal(file[1], 1);
    assert_int_equal(file[3], 4);
    free(file);
    mdemu_destroy(md);

    /* A new console reads it back through the bus. */
    md = sram_console();
    assert_int_equal(mdemu_sram_load_file(md, path, err, sizeof err), MDEMU_OK);
    for (uint32_t i = 0; i < 64; i++)
        assert_int_equal(bus_r8(md, 0x200001 + 2 * i), (uint8_t)(i * 3 + 1));
    assert_false(mdemu_sram_dirty(md));
    mdemu_destroy(md);
}

static void test_atomic_write(void **state)
{
    const char *dir = *state;
    char path[512], tmp[600], err[256];
    snprintf(path, sizeof path, "%s/atomic.srm", dir);
    Mdemu *md = sram_console();
    bus_w8(md, 0x200001, 0x11);
    assert_int_equal(mdemu_sram_save_file(md, path, err, sizeof err), MDEMU_OK);

    /* A crash between writes leaves a temporary file behind; it must not be
     * taken for the save, and the next save replaces the file completely. */
    snprintf(tmp, sizeof tmp, "%s.tmp.ABCDEF", path);
    FILE *fp = fopen(tmp, "wb");
    fputs("half-written garbage", fp);
    fclose(fp);
    Mdemu *other = sram_console();
    assert_int_equal(mdemu_sram_load_file(other, path, err, sizeof err), MDEMU_OK);
    assert_int_equal(bus_r8(other, 0x200001), 0x11);
    mdemu_destroy(other);

    bus_w8(md, 0x200001, 0x22);
    assert_int_equal(mdemu_sram_save_file(md, path, err, sizeof err), MDEMU_OK);
    uint8_t *file;
    size_t file_size;
    assert_int_equal(mdemu_read_file(path, &file, &file_size, 1 << 20), MDEMU_OK);
    assert_int_equal(file_size, 0x10000);
    assert_int_equal(file[1], 0x22);
    free(file);
    /* Our own temporary files are gone after a successful save. */
    DIR *d = opendir(dir);
    struct dirent *e;
    int temps = 0;
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, "atomic.srm.tmp.") && strcmp(e->d_name, "atomic.srm.tmp.ABCDEF") != 0)
            temps++;
    closedir(d);
    assert_int_equal(temps, 0);
    /* Saving into a directory that does not exist fails cleanly and names the file. */
    char bad[600];
    snprintf(bad, sizeof bad, "%s/no/such/dir/x.srm", dir);
    assert_int_equal(mdemu_sram_save_file(md, bad, err, sizeof err), MDEMU_ERR_IO);
    assert_non_null(strstr(err, "x.srm"));
    /* The old file is intact. */
    assert_int_equal(mdemu_read_file(path, &file, &file_size, 1 << 20), MDEMU_OK);
    assert_int_equal(file[1], 0x22);
    free(file);
    mdemu_destroy(md);
}

static void test_state_carries_sram(void **state)
{
    (void)state;
    Mdemu *md = sram_console();
    bus_w8(md, 0x200001, 0x5A);
    size_t size = mdemu_state_size(md);
    uint8_t *buf = malloc(size);
    assert_int_equal(mdemu_save_state(md, buf, size), MDEMU_OK);
    bus_w8(md, 0x200001, 0xA5);
    assert_int_equal(mdemu_load_state(md, buf, size), MDEMU_OK);
    assert_int_equal(bus_r8(md, 0x200001), 0x5A);
    assert_true(mdemu_sram_dirty(md));
    free(buf);
    mdemu_destroy(md);
}

static void test_no_save_memory(void **state)
{
    const char *dir = *state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    size_t size = 99;
    assert_null(mdemu_sram(md, &size));
    assert_int_equal(size, 0);
    char path[512];
    snprintf(path, sizeof path, "%s/none.srm", dir);
    assert_int_equal(mdemu_sram_save_file(md, path, NULL, 0), MDEMU_OK);
    assert_int_equal(access(path, F_OK), -1);
    mdemu_destroy(md);
}

static int group_setup(void **state)
{
    char *dir = malloc(256);
    snprintf(dir, 256, "%s/system_sram_XXXXXX", MDEMU_BINARY_DIR);
    if (!mkdtemp(dir)) {
        free(dir);
        return -1;
    }
    *state = dir;
    return 0;
}

static int group_teardown(void **state)
{
    char *dir = *state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    int rc = system(cmd);
    free(dir);
    return rc == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_persistence),
        cmocka_unit_test(test_atomic_write),
        cmocka_unit_test(test_state_carries_sram),
        cmocka_unit_test(test_no_save_memory),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
