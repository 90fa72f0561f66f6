/* testpico_test.c - notaz's testpico, a test ROM whose expected values were
 * measured on real consoles, run on the whole console (../shared/testdata/
 * testpico, see its README). The ROM prints through the debug port; each
 * failing test prints "failed N: name" and the run ends with
 * "P/57 passed, S skipped." and the failure count as the exit byte.
 *
 * Not yet at 100%, so it gates as a ratchet: tests/testpico.baseline lists
 * the numbers of the Mega Drive tests that must pass; one that passes there
 * may never fail again. A test passing that the baseline does not list is
 * reported so the baseline can be raised (--write-baseline FILE).
 *
 * Usage: testpico_test [--baseline FILE] [--write-baseline FILE] [--verbose]
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mdemu.h"
#include "testdata.h"

/* Test numbers as the ROM prints them: 0 is the 32X reset test, 1-45 the
 * Mega Drive tests, 46-56 the 32X tests (skipped without a 32X). */
#define ROM_PATH "testpico/testpico.bin.gz"

enum { FIRST_MD_TEST = 1, LAST_MD_TEST = 45, MAX_FRAMES = 3000, OUTPUT_MAX = 1 << 16 };

typedef struct RomOutput {
    char text[OUTPUT_MAX];
    size_t length;
} RomOutput;

static void collect_char(void *ctx, int c)
{
    RomOutput *out = ctx;
    if (out->length + 1 < sizeof out->text)
        out->text[out->length++] = (char)c;
    out->text[out->length] = '\0';
}

typedef struct Options {
    const char *baseline;
    const char *write_baseline;
    int verbose;
} Options;


typedef struct Results {
    bool finished;                       /* the summary line was printed */
    bool passed[LAST_MD_TEST + 1];
    int exit_code;
} Results;

/* A test passed when the run finished and printed no "failed N:" for it. */
static void parse_results(const char *text, int exit_code, Results *r)
{
    memset(r, 0, sizeof *r);
    r->exit_code = exit_code;
    r->finished = strstr(text, " passed, ") != NULL && exit_code >= 0;
    for (int n = FIRST_MD_TEST; n <= LAST_MD_TEST; n++)
        r->passed[n] = r->finished;
    for (const char *p = strstr(text, "failed "); p; p = strstr(p + 1, "failed ")) {
        int n = atoi(p + 7);
        if (n >= FIRST_MD_TEST && n <= LAST_MD_TEST)
            r->passed[n] = false;
    }
}

static bool run_rom(const char *path, RomOutput *out, int *exit_code)
{
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    Mdemu *md = mdemu_create(&cfg);
    assert_non_null(md);
    char err[256];
    MdemuResult res = mdemu_load_rom_file(md, path, err, sizeof err);
    if (res != MDEMU_OK) {
        print_error("testpico: %s\n", err);
        mdemu_destroy(md);
        return false;
    }
    mdemu_set_test_port(md, MDEMU_TEST_PORT_DEFAULT, collect_char, out);
    for (int frame = 0; frame < MAX_FRAMES && mdemu_test_port_exit(md) < 0; frame++)
        mdemu_run_frame(md);
    *exit_code = mdemu_test_port_exit(md);
    mdemu_destroy(md);
    return true;
}

/* Baseline: one test number per line; '#' starts a comment. */
static int read_baseline(const char *path, bool must_pass[LAST_MD_TEST + 1])
{
    memset(must_pass, 0, sizeof(bool) * (LAST_MD_TEST + 1));
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    int count = 0;
    while (fgets(line, sizeof line, f)) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *end;
        long n = strtol(line, &end, 10);
        if (end == line)
            continue;
        if (n >= FIRST_MD_TEST && n <= LAST_MD_TEST) {
            must_pass[n] = true;
            count++;
        }
    }
    fclose(f);
    return count;
}

static void write_baseline(const char *path, const Results *r)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "# testpico Mega Drive tests that must pass (ratchet; see tests/testpico/testpico_test.c)\n");
    for (int n = FIRST_MD_TEST; n <= LAST_MD_TEST; n++)
        if (r->passed[n])
            fprintf(f, "%d\n", n);
    fclose(f);
    printf("testpico: baseline written to %s\n", path);
}

static void test_testpico_ratchet(void **state)
{
    const Options *options = *state;
    char path[1024];
    mdemu_testdata_path(path, sizeof path, ROM_PATH);

    RomOutput *out = calloc(1, sizeof *out);
    assert_non_null(out);
    int exit_code = -1;
    assert_true(run_rom(path, out, &exit_code));
    if (options->verbose)
        fputs(out->text, stdout);

    Results r;
    parse_results(out->text, exit_code, &r);
    if (!r.finished)
        print_error("testpico: the ROM did not finish within %d frames\n", MAX_FRAMES);

    int passed = 0;
    for (int n = FIRST_MD_TEST; n <= LAST_MD_TEST; n++)
        passed += r.passed[n];
    printf("testpico: %d of %d Mega Drive tests pass\n", passed, LAST_MD_TEST - FIRST_MD_TEST + 1);

    if (options->write_baseline)
        write_baseline(options->write_baseline, &r);

    bool must_pass[LAST_MD_TEST + 1];
    int listed = read_baseline(options->baseline, must_pass);
    if (listed < 0) {
        print_error("testpico: no baseline %s: every test must pass\n", options->baseline);
        for (int n = FIRST_MD_TEST; n <= LAST_MD_TEST; n++)
            must_pass[n] = true;
    }
    int regressions = 0;
    for (int n = FIRST_MD_TEST; n <= LAST_MD_TEST; n++) {
        if (must_pass[n] && !r.passed[n]) {
            print_error("testpico: REGRESSION test %d fails (baseline says it passes)\n", n);
            regressions++;
        } else if (!must_pass[n] && r.passed[n]) {
            printf("testpico: test %d passes now: raise the baseline\n", n);
        }
    }
    if (regressions && !options->verbose)
        fputs(out->text, stdout);
    free(out);
    assert_int_equal(regressions, 0);
}

int main(int argc, char **argv)
{
    Options options = {.baseline = MDEMU_SOURCE_DIR "/tests/testpico.baseline"};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--baseline") && i + 1 < argc)
            options.baseline = argv[++i];
        else if (!strcmp(argv[i], "--write-baseline") && i + 1 < argc)
            options.write_baseline = argv[++i];
        else if (!strcmp(argv[i], "--verbose"))
            options.verbose = 1;
        else {
            fprintf(stderr, "usage: %s [--baseline FILE] [--write-baseline FILE] [--verbose]\n", argv[0]);
            return 2;
        }
    }
    /* Absent data is reported as skipped (ctest's code 77), never passed. */
    char path[1024];
    FILE *probe = fopen(mdemu_testdata_path(path, sizeof path, ROM_PATH), "rb");
    if (!probe) {
        printf("testpico: %s absent: skipped\n", path);
        return MDEMU_TEST_SKIP;
    }
    fclose(probe);
    const struct CMUnitTest tests[] = {cmocka_unit_test_prestate(test_testpico_ratchet, &options)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
