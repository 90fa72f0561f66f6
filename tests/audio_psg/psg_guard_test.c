/* psg_guard_test.c - the PSG's output must not change when psg_run is made
 * faster: (1) FNV-1a hashes of the samples, sample counts and saved states
 * of scripted workloads (a few emulated seconds each), recorded from the
 * one-step-at-a-time implementation; (2) sample-for-sample and
 * state-for-state agreement with that implementation (psg_reference.c) on
 * many shorter random workloads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "psg.h"
#include "psg_reference.h"
#include "psg_scenario.h"

#define PSG_CLOCK_NTSC 3579545u /* master / 15 */
#define MAX_STEP_SAMPLES (70000 / PSG_CLOCKS_PER_SAMPLE + 2)
#define FNV_OFFSET 0xCBF29CE484222325ULL
#define FNV_PRIME 0x100000001B3ULL

static uint64_t fnv_bytes(uint64_t h, const void *data, size_t n)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

static uint64_t fnv_u32(uint64_t h, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    return fnv_bytes(h, b, sizeof b);
}

static uint64_t fnv_samples(uint64_t h, const int16_t *s, int n)
{
    for (int i = 0; i < n; i++) {
        uint16_t u = (uint16_t)s[i];
        uint8_t b[2] = {(uint8_t)u, (uint8_t)(u >> 8)};
        h = fnv_bytes(h, b, sizeof b);
    }
    return h;
}

/* Runs one scripted workload for `seconds` of PSG clock; returns the hash. */
static uint64_t hash_scenario(PsgScenario kind, uint64_t seed, uint32_t seconds)
{
    Psg psg;
    psg_init(&psg);
    PsgScript script;
    psg_script_init(&script, kind, seed);
    int16_t *out = malloc(sizeof(int16_t) * MAX_STEP_SAMPLES);
    unsigned char *saved = malloc(psg_state_size());
    assert_non_null(out);
    assert_non_null(saved);
    uint64_t h = FNV_OFFSET;
    uint64_t clocks = 0, limit = (uint64_t)seconds * PSG_CLOCK_NTSC;
    while (clocks < limit) {
        PsgStep st = psg_script_step(&script);
        for (int i = 0; i < st.write_count; i++)
            psg_write(&psg, st.writes[i]);
        if (st.mute_mask >= 0)
            psg.mute_mask = (uint8_t)st.mute_mask;
        int n = psg_run(&psg, st.clocks, st.discard_output ? NULL : out);
        h = fnv_u32(h, (uint32_t)n);
        if (!st.discard_output)
            h = fnv_samples(h, out, n);
        psg_save_state(&psg, saved);
        h = fnv_bytes(h, saved, psg_state_size());
        clocks += st.clocks;
    }
    free(saved);
    free(out);
    return h;
}

/* Recorded from the one-step-at-a-time psg_run (before it skipped ahead). */
static const uint64_t expected_hash[PSG_SCENARIO_COUNT] = {
    0x51F992660CBFF2A4ULL, /* mixed */
    0xABD19AA9B5B6F770ULL, /* steady */
    0x7D2E3ED2E8D3F5CDULL, /* noise */
    0x3E9F3C3C285E0F64ULL, /* playback */
};

static const char *const scenario_name[PSG_SCENARIO_COUNT] = {"mixed", "steady", "noise", "playback"};

static void test_output_hashes(void **state)
{
    (void)state;
    int mismatches = 0;
    for (int k = 0; k < PSG_SCENARIO_COUNT; k++) {
        uint64_t h = hash_scenario((PsgScenario)k, 1, 3);
        if (h != expected_hash[k]) {
            print_message("scenario %s: hash 0x%016llXULL, expected 0x%016llXULL\n", scenario_name[k],
                          (unsigned long long)h, (unsigned long long)expected_hash[k]);
            mismatches++;
        }
    }
    assert_int_equal(mismatches, 0);
}

/* Random workloads, compared call by call with the reference model. */
static void test_matches_reference_model(void **state)
{
    (void)state;
    int16_t *fast_out = malloc(sizeof(int16_t) * MAX_STEP_SAMPLES);
    int16_t *ref_out = malloc(sizeof(int16_t) * MAX_STEP_SAMPLES);
    assert_non_null(fast_out);
    assert_non_null(ref_out);
    for (uint64_t seed = 100; seed < 160; seed++) {
        PsgScenario kind = (PsgScenario)(seed % PSG_SCENARIO_COUNT);
        Psg fast, ref;
        psg_init(&fast);
        psg_init(&ref);
        PsgScript script;
        psg_script_init(&script, kind, seed);
        for (int step = 0; step < 400; step++) {
            PsgStep st = psg_script_step(&script);
            for (int i = 0; i < st.write_count; i++) {
                psg_write(&fast, st.writes[i]);
                psg_write(&ref, st.writes[i]);
            }
            if (st.mute_mask >= 0)
                fast.mute_mask = ref.mute_mask = (uint8_t)st.mute_mask;
            int n_fast = psg_run(&fast, st.clocks, st.discard_output ? NULL : fast_out);
            int n_ref = psg_reference_run(&ref, st.clocks, st.discard_output ? NULL : ref_out);
            assert_int_equal(n_fast, n_ref);
            if (!st.discard_output) {
                for (int i = 0; i < n_ref; i++) {
                    if (fast_out[i] != ref_out[i])
                        fail_msg("seed %llu step %d sample %d: %d, reference %d", (unsigned long long)seed,
                                 step, i, fast_out[i], ref_out[i]);
                }
            }
            assert_memory_equal(&fast.state, &ref.state, sizeof fast.state);
        }
    }
    free(fast_out);
    free(ref_out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_output_hashes),
        cmocka_unit_test(test_matches_reference_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
