/* z80_zex.c - runs a CP/M Z80 exerciser (zexdoc.com / zexall.com, named by
 * the first argument; --all-tests as second argument, see expand_test_table)
 * on the CP/M machine. Passes when the program runs to
 * completion and no test printed ERROR. Prints the console text and the
 * emulated T-states per host second. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "testdata.h"
#include "z80_cpm_machine.h"

/* The exercisers walk a table of pointers to 96-byte test descriptors (flag
 * mask, three 20-byte machine-state vectors, CRC, 31-byte '$'-terminated
 * name) that follow it; the program loads the table address with LD HL,nnnn at
 * 011Fh. The zexall.com in the test data lists only 2 of the descriptors it
 * contains. With --all-tests a full table is built at TABLE_COPY and the LD
 * is pointed at it, so every descriptor (with its own expected CRC) runs.
 * Returns the number of tests now in the table, 0 if the layout differs. */
enum { TABLE_LOAD = 0x011F, DESCRIPTOR_SIZE = 96, TABLE_COPY = 0xE000 };

static unsigned expand_test_table(CpmMachine *m)
{
    uint8_t *ram = m->ram;
    if (ram[TABLE_LOAD] != 0x21)
        return 0;
    unsigned table = ram[TABLE_LOAD + 1] | (ram[TABLE_LOAD + 2] << 8);
    unsigned listed = 0;
    while (table + 2 * listed + 1 < TABLE_COPY &&
           (ram[table + 2 * listed] | ram[table + 2 * listed + 1]) != 0)
        listed++;
    unsigned first = table + 2 * listed + 2, count = 0;
    for (unsigned d = first; d + DESCRIPTOR_SIZE <= TABLE_COPY; d += DESCRIPTOR_SIZE) {
        if (ram[d + DESCRIPTOR_SIZE - 1] != '$' || memchr(ram + d + DESCRIPTOR_SIZE - 31, '$', 30))
            break;
        ram[TABLE_COPY + 2 * count] = (uint8_t)d;
        ram[TABLE_COPY + 2 * count + 1] = (uint8_t)(d >> 8);
        count++;
    }
    ram[TABLE_COPY + 2 * count] = ram[TABLE_COPY + 2 * count + 1] = 0;
    if (count == 0)
        return 0;
    ram[TABLE_LOAD + 1] = TABLE_COPY & 0xFF;
    ram[TABLE_LOAD + 2] = TABLE_COPY >> 8;
    printf("%u tests listed in the program's table; running all %u descriptors it contains\n", listed, count);
    return count;
}

/* Far more than either exerciser needs (tens of billions of T-states). */
#define ZEX_MAX_TSTATES 200000000000ull

typedef struct ZexRun {
    CpmMachine *machine;
    unsigned tests; /* tests in the table, 0 = as the program lists them */
} ZexRun;

static unsigned count_ok(const char *text)
{
    unsigned n = 0;
    for (const char *p = text; (p = strstr(p, "  OK")) != NULL; p += 4)
        n++;
    return n;
}

static void test_exerciser(void **state)
{
    const ZexRun *run = *state;
    const CpmMachine *m = run->machine;
    assert_true(m->finished);
    assert_non_null(m->output);
    assert_null(strstr(m->output, "ERROR"));
    assert_non_null(strstr(m->output, "Tests complete"));
    assert_true(count_ok(m->output) > 0);
    if (run->tests)
        assert_int_equal(count_ok(m->output), run->tests);
}

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "zexdoc";
    int all_tests = argc > 2 && strcmp(argv[2], "--all-tests") == 0;
    char rel[256], path[4096];
    snprintf(rel, sizeof rel, "z80/zex/%s.com", name);
    mdemu_testdata_path(path, sizeof path, rel);

    CpmMachine *m = calloc(1, sizeof *m);
    if (!m)
        return 1;
    if (!cpm_machine_load(m, path)) {
        printf("%s: %s not found: skipped\n", name, path);
        free(m);
        return MDEMU_TEST_SKIP;
    }
    ZexRun run = {.machine = m, .tests = all_tests ? expand_test_table(m) : 0};
    if (all_tests && run.tests == 0) {
        printf("%s: unexpected program layout, cannot run all tests\n", name);
        free(m);
        return 1;
    }
    m->echo = true;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    cpm_machine_run(m, ZEX_MAX_TSTATES);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    uint64_t t = z80_tstates(&m->cpu);
    printf("\n%s: %s after %llu T-states in %.1f s: %.1f M T-states/s (%.0fx a 3.58 MHz Z80)\n", name,
           m->finished ? "finished" : "DID NOT FINISH", (unsigned long long)t, secs, (double)t / secs / 1e6,
           (double)t / secs / 3579545.0);

    const struct CMUnitTest tests[] = {cmocka_unit_test_prestate(test_exerciser, &run)};
    int rc = cmocka_run_group_tests_name(name, tests, NULL, NULL);
    cpm_machine_free(m);
    free(m);
    return rc;
}
