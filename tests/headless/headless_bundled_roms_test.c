/* headless_bundled_roms_test.c - mdemu-headless on the ROMs the project
 * builds (roms/): the test-port example and the demo. Skipped (77) when the
 * ROMs were not built. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "headless_test_process.h"
#include "testdata.h"

#define HEADLESS_BIN MDEMU_BINARY_DIR "/mdemu-headless"
#define ROM_TESTPORT MDEMU_BINARY_DIR "/roms/testport_example.bin"
#define ROM_DEMO MDEMU_BINARY_DIR "/roms/demo.bin"

typedef struct Report {
    uint64_t frames, frame_hash, audio_hash;
} Report;

static void run(const char *scratch, ProcessResult *r, const char *const *args)
{
    const char *argv[24] = { HEADLESS_BIN };
    int argc = 1;
    while (args[argc - 1] && argc < 23) {
        argv[argc] = args[argc - 1];
        argc++;
    }
    argv[argc] = NULL;
    assert_true(process_run(argv, scratch, r));
    assert_int_equal(r->signal, 0);
}

static Report report(const ProcessResult *r)
{
    char line[512];
    last_line(r->out, line, sizeof line);
    Report rep = { 0, 0, 0 };
    assert_int_equal(sscanf(line, "frames=%" SCNu64 " frame_hash=%" SCNx64 " audio_hash=%" SCNx64,
                            &rep.frames, &rep.frame_hash, &rep.audio_hash), 3);
    return rep;
}

static void test_testport_example(void **state)
{
    ProcessResult r;
    const char *args[] = { ROM_TESTPORT, "--test-port", NULL };
    run(*state, &r, args);
    assert_int_equal(r.exit_code, 0);
    assert_non_null(strstr(r.out, "hello\n"));
    assert_true(report(&r).frames < 600);
    process_result_free(&r);
}

/* A save state taken mid-run and resumed gives the same picture as running
 * straight through. */
static void test_demo_state_resume(void **state)
{
    char saved[600];
    snprintf(saved, sizeof saved, "%s/demo.state", (const char *)*state);
    ProcessResult r;
    const char *straight[] = { ROM_DEMO, "--frames", "180", NULL };
    run(*state, &r, straight);
    assert_int_equal(r.exit_code, 0);
    Report whole = report(&r);
    process_result_free(&r);

    const char *first[] = { ROM_DEMO, "--frames", "90", "--state-out", saved, NULL };
    run(*state, &r, first);
    assert_int_equal(r.exit_code, 0);
    Report half = report(&r);
    process_result_free(&r);
    const char *second[] = { ROM_DEMO, "--frames", "90", "--state-in", saved, NULL };
    run(*state, &r, second);
    assert_int_equal(r.exit_code, 0);
    Report resumed = report(&r);
    process_result_free(&r);

    assert_true(resumed.frame_hash == whole.frame_hash);
    assert_true(half.frame_hash != whole.frame_hash); /* the demo's picture moves */
}

int main(void)
{
    if (access(ROM_TESTPORT, R_OK) != 0 || access(ROM_DEMO, R_OK) != 0) {
        printf("bundled ROMs not built (%s, %s): skipped\n", ROM_TESTPORT, ROM_DEMO);
        return MDEMU_TEST_SKIP;
    }
    char scratch[512];
    if (!scratch_dir_create(scratch, sizeof scratch))
        return 1;
    const struct CMUnitTest tests[] = {
        /* the scratch folder is each test's state */
        cmocka_unit_test_prestate(test_testport_example, scratch),
        cmocka_unit_test_prestate(test_demo_state_resume, scratch),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    remove_tree(scratch);
    return failed;
}
