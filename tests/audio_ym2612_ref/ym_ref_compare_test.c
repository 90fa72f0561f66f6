/* ym_ref_compare_test.c - the library's YM2612 against the reference model
 * (ym_ref.c), sample by sample, on identical timed register-write scripts.
 *
 * Each sample compares the six channels' 9-bit DAC codes, the L/R output
 * and the timer flags. Per scenario the count of samples where everything
 * matches is checked against the committed baseline ym_ref.baseline as a
 * ratchet: fewer equal samples than the baseline fails. The baseline is
 * regenerated deliberately with --write-baseline FILE.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "testdata.h"
#include "ym2612.h"
#include "ym_ref.h"
#include "ym_ref_scenarios.h"

#define SAMPLE_CLOCKS 144u
#define COMPARED_VALUES 9 /* channels 1..6, left, right, status */
#define MAX_LAG 3

static const char *const value_names[COMPARED_VALUES] = { "ch1", "ch2", "ch3",  "ch4",   "ch5",
                                                          "ch6", "left", "right", "status" };

typedef struct ScenarioResult {
    uint32_t equal, total;
    int64_t first_sample; /* -1 when all equal */
    unsigned first_value;
    int ours, reference;
    /* Diagnosis: channel codes equal when the library is compared with the
     * reference `lag` samples earlier (a pipeline latency difference). */
    uint32_t lag_equal[MAX_LAG + 1];
} ScenarioResult;

typedef struct Harness {
    Ym2612 lib;
    YmRef ref;
    uint64_t lib_clock, ref_clock;
    int16_t lib_out[2];
} Harness;

static void lib_advance(Harness *h, uint64_t to)
{
    while (h->lib_clock < to) {
        uint64_t step = to - h->lib_clock;
        uint32_t in_sample = h->lib.state.clock_in_sample;
        if (step > SAMPLE_CLOCKS - in_sample) step = SAMPLE_CLOCKS - in_sample;
        ym2612_run(&h->lib, (uint32_t)step, h->lib_out);
        h->lib_clock += step;
    }
}

static void ref_advance(Harness *h, uint64_t to)
{
    while (h->ref_clock < to) {
        ym_ref_clock(&h->ref);
        h->ref_clock++;
    }
}

/* Runs the script on both; values[n][v] of each side per sample. */
static void run_both(const YmScript *script, int (*ours)[COMPARED_VALUES], int (*theirs)[COMPARED_VALUES])
{
    Harness *h = calloc(1, sizeof *h);
    assert_non_null(h);
    ym2612_init(&h->lib, script->discrete ? YM2612_MODEL_DISCRETE : YM2612_MODEL_YM3438);
    ym_ref_init(&h->ref, script->discrete);
    size_t next = 0;
    for (uint32_t n = 0; n < script->samples; n++) {
        uint64_t end = (uint64_t)(n + 1) * SAMPLE_CLOCKS;
        while (next < script->count && script->events[next].clock < end) {
            const YmEvent *e = &script->events[next++];
            lib_advance(h, e->clock);
            ref_advance(h, e->clock);
            ym2612_write(&h->lib, e->port, e->value);
            ym_ref_write(&h->ref, e->port, e->value);
        }
        lib_advance(h, end);
        ref_advance(h, end);
        for (unsigned c = 0; c < 6; c++) {
            ours[n][c] = h->lib.state.channels[c].dac_code;
            theirs[n][c] = h->ref.code[c];
        }
        ours[n][6] = h->lib_out[0];
        ours[n][7] = h->lib_out[1];
        theirs[n][6] = h->ref.left * YM2612_OUTPUT_SCALE;
        theirs[n][7] = h->ref.right * YM2612_OUTPUT_SCALE;
        ours[n][8] = ym2612_read_status(&h->lib) & 3;
        theirs[n][8] = ym_ref_status(&h->ref);
    }
    free(h);
}

static void run_script(const YmScript *script, ScenarioResult *r)
{
    int (*ours)[COMPARED_VALUES] = calloc(script->samples, sizeof *ours);
    int (*theirs)[COMPARED_VALUES] = calloc(script->samples, sizeof *theirs);
    assert_non_null(ours);
    assert_non_null(theirs);
    run_both(script, ours, theirs);
    memset(r, 0, sizeof *r);
    r->first_sample = -1;
    for (uint32_t n = 0; n < script->samples; n++) {
        int same = 1;
        for (unsigned v = 0; v < COMPARED_VALUES && same; v++) {
            if (ours[n][v] == theirs[n][v]) continue;
            same = 0;
            if (r->first_sample < 0) {
                r->first_sample = n;
                r->first_value = v;
                r->ours = ours[n][v];
                r->reference = theirs[n][v];
            }
        }
        r->equal += (uint32_t)same;
        r->total++;
        for (unsigned lag = 0; lag <= MAX_LAG && lag <= n; lag++) {
            int codes_same = 1;
            for (unsigned c = 0; c < 6; c++) codes_same &= ours[n][c] == theirs[n - lag][c];
            r->lag_equal[lag] += (uint32_t)codes_same;
        }
    }
    free(ours);
    free(theirs);
}

static void print_result(const char *name, const ScenarioResult *r)
{
    if (r->first_sample < 0) {
        printf("  %-26s %5u/%-5u equal\n", name, r->equal, r->total);
        return;
    }
    printf("  %-26s %5u/%-5u first divergence: sample %lld %s ours %d reference %d; codes equal at lag 0..%d:",
           name, r->equal, r->total, (long long)r->first_sample, value_names[r->first_value], r->ours, r->reference,
           MAX_LAG);
    for (unsigned lag = 0; lag <= MAX_LAG; lag++) printf(" %u", r->lag_equal[lag]);
    printf("\n");
}

/* Baseline lines: "name equal total"; '#' starts a comment. */
typedef struct BaselineEntry {
    char name[32];
    uint32_t equal, total;
} BaselineEntry;

static size_t load_baseline(const char *path, BaselineEntry *entries, size_t max)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[256];
    size_t n = 0;
    while (fgets(line, sizeof line, f) && n < max) {
        if (line[0] == '#' || line[0] == '\n') continue;
        BaselineEntry e;
        if (sscanf(line, "%31s %u %u", e.name, &e.equal, &e.total) == 3) entries[n++] = e;
    }
    fclose(f);
    return n;
}

static const BaselineEntry *find_entry(const BaselineEntry *entries, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(entries[i].name, name) == 0) return &entries[i];
    return NULL;
}

#define MAX_SCENARIOS 128

static void test_reference_roms(void **state)
{
    (void)state;
    YmRef *ref = calloc(1, sizeof *ref);
    assert_non_null(ref);
    ym_ref_init(ref, 1);
    /* Documented end points of the die's ROMs. */
    assert_int_equal(ref->logsin_rom[0], 2137);
    assert_int_equal(ref->logsin_rom[255], 0);
    assert_int_equal(ref->exp_rom[0], 0);
    assert_int_equal(ref->exp_rom[255], 1018);
    /* Full scale at phase 90 degrees, silence at full attenuation. */
    assert_int_equal(ym_ref_operator(ref, 0x100, 0), 8168);
    assert_int_equal(ym_ref_operator(ref, 0x300, 0), -8168);
    assert_int_equal(ym_ref_operator(ref, 0x100, 0x3FF), 0);
    free(ref);
}

/* The reference alone: a keyed sine on channel 1 swings both ways with its
 * peak code 8168 >> 5 = 255, and rate-2 decay steps once per counter cycle. */
static void test_reference_sine(void **state)
{
    (void)state;
    YmRef *ref = calloc(1, sizeof *ref);
    assert_non_null(ref);
    ym_ref_init(ref, 0);
    static const uint8_t writes[][2] = { { 0xB0, 0x07 }, { 0x30, 0x01 }, { 0x40, 0x00 }, { 0x50, 0x1F },
                                         { 0x44, 0x7F }, { 0x48, 0x7F }, { 0x4C, 0x7F }, { 0xA4, 0x22 },
                                         { 0xA0, 0x69 }, { 0x28, 0x10 } };
    for (size_t i = 0; i < sizeof writes / sizeof writes[0]; i++) {
        ym_ref_write(ref, 0, writes[i][0]);
        ym_ref_write(ref, 1, writes[i][1]);
    }
    int max = -1000, min = 1000;
    for (int n = 0; n < 2000 * (int)SAMPLE_CLOCKS; n++) {
        if (ym_ref_clock(ref)) {
            if (ref->code[0] > max) max = ref->code[0];
            if (ref->code[0] < min) min = ref->code[0];
        }
    }
    assert_int_equal(max, 255);
    assert_int_equal(min, -256);
    assert_int_equal(ym_ref_eg_increment(2, 0x800), 1);
    assert_int_equal(ym_ref_eg_increment(2, 0x400), 0);
    assert_int_equal(ym_ref_eg_increment(63, 5), 8);
    free(ref);
}

static void test_library_against_reference(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/audio_ym2612_ref/ym_ref.baseline", MDEMU_SOURCE_DIR);
    BaselineEntry *baseline = calloc(MAX_SCENARIOS, sizeof *baseline);
    assert_non_null(baseline);
    size_t baseline_count = load_baseline(path, baseline, MAX_SCENARIOS);
    if (baseline_count == 0) fail_msg("baseline %s missing or empty (regenerate with --write-baseline)", path);

    YmScriptList list;
    ym_scripts_build(&list);
    assert_true(list.count <= MAX_SCENARIOS);
    unsigned regressions = 0, improvements = 0, whole = 0;
    uint64_t equal = 0, total = 0;
    printf("YM2612 library vs reference model, per scenario:\n");
    for (size_t i = 0; i < list.count; i++) {
        ScenarioResult r;
        run_script(&list.items[i], &r);
        print_result(list.items[i].name, &r);
        equal += r.equal;
        total += r.total;
        whole += r.equal == r.total;
        const BaselineEntry *b = find_entry(baseline, baseline_count, list.items[i].name);
        if (!b || b->total != r.total) {
            printf("    not in the baseline (or its length changed): regenerate with --write-baseline\n");
            regressions++;
        } else if (r.equal < b->equal) {
            printf("    REGRESSION: baseline %u equal samples\n", b->equal);
            regressions++;
        } else if (r.equal > b->equal) {
            printf("    improved over baseline %u: regenerate the baseline to lock it in\n", b->equal);
            improvements++;
        }
    }
    printf("total: %llu/%llu samples equal, %u/%zu scenarios wholly equal, %u improved\n",
           (unsigned long long)equal, (unsigned long long)total, whole, list.count, improvements);
    ym_scripts_free(&list);
    free(baseline);
    assert_int_equal(regressions, 0);
}

static int write_baseline(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return 1;
    }
    fprintf(f, "# ym_ref_compare_test: samples where the library equals the reference model, per scenario.\n"
               "# name equal total. Regenerate deliberately: ym_ref_compare_test --write-baseline FILE\n");
    YmScriptList list;
    ym_scripts_build(&list);
    for (size_t i = 0; i < list.count; i++) {
        ScenarioResult r;
        run_script(&list.items[i], &r);
        print_result(list.items[i].name, &r);
        fprintf(f, "%s %u %u\n", list.items[i].name, r.equal, r.total);
    }
    ym_scripts_free(&list);
    return fclose(f) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--write-baseline") == 0) return write_baseline(argv[2]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_roms),
        cmocka_unit_test(test_reference_sine),
        cmocka_unit_test(test_library_against_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
