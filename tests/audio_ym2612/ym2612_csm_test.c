/* ym2612_csm_test.c - CSM mode: each timer A reload (its load bit rising,
 * or an overflow) keys channel 3's four operators on for one sample;
 * outside CSM mode the timer keys nothing. In CSM mode channel 3's output
 * level leaves TL out, and each CSM key-on ORs TL << 3 into the four
 * envelope levels instead (nukeykt's YM3438 die transcription); a register
 * 0x28 key-on ORs nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ym2612_test_util.h"

static void setup(Ym2612 *ym, uint8_t mode)
{
    ym2612_init(ym, YM2612_MODEL_YM3438);
    ym_test_sine_channel(ym, 2, 1084, 4, 0xC0);
    ym_test_key(ym, 2, 0);
    ym2612_run(ym, 144, NULL);
    ym_test_write(ym, 0, 0x24, 1016 >> 2); /* NA 1016: 8 samples */
    ym_test_write(ym, 0, 0x25, 1016 & 3);
    ym_test_write(ym, 0, 0x27, (uint8_t)(mode | 0x05));
}

/* After setup's write (at a sample's start): its end loads timer A and
 * sends a pulse, latched at sample 1's turns; then 8 counts overflow at
 * sample 8's end, latched in sample 9. */
static void test_csm_keys_channel3_on_timer_a(void **state)
{
    (void)state;
    Ym2612 ym;
    setup(&ym, 0x80);
    static const uint8_t keyed_after[11] = { 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0 };
    for (int i = 0; i < 11; i++) {
        ym2612_run(&ym, 144, NULL);
        for (int op = 0; op < 4; op++) assert_int_equal(ym.state.slots[2][op].key, keyed_after[i]);
        if (i == 8) assert_int_equal(ym2612_read_status(&ym) & 1, 1);
        if (keyed_after[i]) {
            for (int op = 0; op < 4; op++) {
                /* AR 31 zeroes the level, then the key-on ORs TL in: 0 for
                 * operator 1, 127 << 3 for the others */
                assert_int_equal(ym.state.slots[2][op].attenuation, op == 0 ? 0 : 0x3F8);
                assert_int_equal(ym.state.slots[2][op].phase, 0);
            }
        } else if (i > 1) {
            for (int op = 0; op < 4; op++) assert_int_equal(ym.state.slots[2][op].eg_stage, YM2612_EG_RELEASE);
        }
        /* Other channels are not affected. */
        assert_int_equal(ym.state.slots[1][0].key, 0);
    }
    /* And again one period later, in sample 17. */
    ym2612_run(&ym, 6 * 144, NULL);
    assert_int_equal(ym.state.slots[2][0].key, 0);
    ym2612_run(&ym, 144, NULL);
    assert_int_equal(ym.state.slots[2][0].key, 1);
}

static void test_register_key_survives_csm_pulse(void **state)
{
    (void)state;
    Ym2612 ym;
    setup(&ym, 0x80);
    ym_test_key(&ym, 2, 0x1); /* operator 1 held by register 0x28 */
    ym2612_run(&ym, 11 * 144, NULL); /* overflow pulse latched in sample 9, off in 10 */
    assert_int_equal(ym.state.slots[2][0].key, 1);
    assert_int_equal(ym.state.slots[2][1].key, 0);
    assert_int_equal(ym.state.slots[2][0].eg_stage != YM2612_EG_RELEASE, 1);
}

static void test_no_key_outside_csm(void **state)
{
    (void)state;
    Ym2612 ym;
    setup(&ym, 0x40); /* channel 3 special mode, not CSM */
    for (int i = 0; i < 20; i++) {
        ym2612_run(&ym, 144, NULL);
        assert_int_equal(ym.state.slots[2][0].key, 0);
    }
    assert_int_equal(ym2612_read_status(&ym) & 1, 1);
}

static const uint8_t total_levels[4] = { 0x20, 0x11, 0x06, 0x2A };

/* Channel 3 as in setup, its four operators at total_levels and (unless
 * `instant`) an attack at AR 20; SL 0 and D1R/D2R 0, so a level keyed to 0
 * stays there. */
static void setup_total_levels(Ym2612 *ym, uint8_t mode, bool instant)
{
    setup(ym, mode);
    for (unsigned op = 0; op < 4; op++) {
        ym_test_op(ym, 2, op, 0x40, total_levels[op]);
        ym_test_op(ym, 2, op, 0x50, instant ? 0x1F : 0x14);
        ym_test_op(ym, 2, op, 0x80, 0x0F);
    }
}

/* A CSM key-on with AR 31: the level becomes TL << 3 (0 | TL << 3), and
 * the output level adds no TL on top. */
static void test_csm_key_on_sets_level_to_total_level(void **state)
{
    (void)state;
    Ym2612 ym;
    setup_total_levels(&ym, 0x80, true);
    ym2612_run(&ym, 2 * 144, NULL); /* the load pulse keys sample 1 */
    for (unsigned op = 0; op < 4; op++) {
        assert_int_equal(ym.state.slots[2][op].key, 1);
        assert_int_equal(ym.state.slots[2][op].attenuation, total_levels[op] << 3);
        assert_int_equal(ym2612_operator_level(&ym, 2, op), total_levels[op] << 3);
    }
}

/* The OR lands on whatever level the operator has, key and stage aside:
 * held on by register 0x28 at level 0 with no decay, each operator keeps
 * TL << 3 after the pulse; out of CSM mode TL is added to it again. */
static void test_csm_pulse_ors_total_level_into_held_level(void **state)
{
    (void)state;
    Ym2612 ym;
    setup_total_levels(&ym, 0x00, true); /* timer A runs, CSM off: no pulse */
    ym_test_key(&ym, 2, 0xF);
    ym2612_run(&ym, 4 * 144, NULL);
    for (unsigned op = 0; op < 4; op++) {
        assert_int_equal(ym.state.slots[2][op].attenuation, 0);
        assert_int_equal(ym2612_operator_level(&ym, 2, op), total_levels[op] << 3);
    }
    ym_test_write(&ym, 0, 0x27, 0x85); /* CSM: TL left out at once */
    ym2612_sync(&ym);
    for (unsigned op = 0; op < 4; op++) assert_int_equal(ym2612_operator_level(&ym, 2, op), 0);
    /* the timer runs on: its next overflow pulses */
    ym2612_run(&ym, 20 * 144, NULL);
    for (unsigned op = 0; op < 4; op++) {
        assert_int_equal(ym.state.slots[2][op].key, 1);
        assert_int_equal(ym.state.slots[2][op].attenuation, total_levels[op] << 3);
        assert_int_equal(ym2612_operator_level(&ym, 2, op), total_levels[op] << 3);
    }
    ym_test_write(&ym, 0, 0x27, 0x05);
    ym2612_sync(&ym);
    for (unsigned op = 0; op < 4; op++) assert_int_equal(ym2612_operator_level(&ym, 2, op), total_levels[op] << 4);
}

/* With NA 1023 timer A reloads every sample, so CSM renews the key-on,
 * and the OR, every sample: the attack's step (worked out from the level
 * before the OR, added after it) can take bits off only on envelope
 * samples, and the next sample puts them back. So after every sample
 * without an envelope update each operator's level holds all of TL << 3
 * (an attack left to itself would have reached 0 long before). */
static void test_csm_renewed_key_on_ors_every_sample(void **state)
{
    (void)state;
    Ym2612 ym;
    setup_total_levels(&ym, 0x80, false);
    ym_test_write(&ym, 0, 0x24, 0xFF);
    ym_test_write(&ym, 0, 0x25, 0x03);
    ym2612_run(&ym, 2000 * 144, NULL);
    unsigned checked = 0;
    for (unsigned i = 0; i < 30; i++) {
        ym2612_run(&ym, 144, NULL);
        for (unsigned op = 0; op < 4; op++) {
            const Ym2612Slot *slot = &ym.state.slots[2][op];
            unsigned tl = total_levels[op] << 3u;
            assert_int_equal(slot->key, 1);
            assert_int_equal(slot->eg_stage, YM2612_EG_ATTACK);
            if (ym.state.eg_update) continue;
            assert_int_equal(slot->attenuation & tl, tl);
            assert_int_equal(ym2612_operator_level(&ym, 2, op), slot->attenuation);
            checked++;
        }
    }
    assert_int_equal(checked, 4 * 20);
}

/* A register 0x28 key-on in CSM mode ORs nothing in; TL is still left
 * out of the output level until the mode leaves CSM (bits 7-6 = 10 only:
 * 11 is special mode and adds TL). */
static void test_register_key_on_in_csm_mode(void **state)
{
    (void)state;
    Ym2612 ym;
    setup_total_levels(&ym, 0x80, true);
    ym_test_write(&ym, 0, 0x27, 0x80); /* timer A stopped before it loads: no pulse */
    ym_test_key(&ym, 2, 0xF);
    ym2612_run(&ym, 4 * 144, NULL);
    for (unsigned op = 0; op < 4; op++) {
        assert_int_equal(ym.state.slots[2][op].attenuation, 0);
        assert_int_equal(ym2612_operator_level(&ym, 2, op), 0);
    }
    static const uint8_t modes[3] = { 0x00, 0xC0, 0x40 };
    for (unsigned m = 0; m < 3; m++) {
        ym_test_write(&ym, 0, 0x27, modes[m]);
        ym2612_sync(&ym);
        for (unsigned op = 0; op < 4; op++)
            assert_int_equal(ym2612_operator_level(&ym, 2, op), total_levels[op] << 3);
    }
    /* Other channels keep their TL in CSM mode. */
    ym_test_sine_channel(&ym, 1, 900, 4, 0xC0);
    ym_test_op(&ym, 1, 0, 0x40, 0x10);
    ym_test_write(&ym, 0, 0x27, 0x80);
    ym2612_run(&ym, 4 * 144, NULL);
    assert_int_equal(ym2612_operator_level(&ym, 1, 0), 0x80);
}

/* The CSM samples run many at a time (ym2612_batch.c) leave the same
 * output and state as worked turn by turn. */
static void test_csm_batches_match_turns(void **state)
{
    (void)state;
    Ym2612 *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    int16_t out_a[2 * 200], out_b[2 * 200];
    for (unsigned na_low = 0; na_low < 2; na_low++) {
        setup_total_levels(a, 0x80, false);
        setup_total_levels(b, 0x80, false);
        for (Ym2612 *ym = a; ym; ym = ym == a ? b : NULL) {
            ym_test_write(ym, 0, 0x24, na_low ? 0xFF : 0xFD); /* NA 1023: every sample; 1012: every 12 */
            ym_test_write(ym, 0, 0x25, na_low ? 0x03 : 0x00);
            for (unsigned op = 0; op < 4; op++) ym_test_op(ym, 2, op, 0x60, 0x04);
        }
        for (unsigned piece = 0; piece < 30; piece++) {
            if (piece == 10) {
                ym_test_key(a, 2, 0xF);
                ym_test_key(b, 2, 0xF);
            }
            if (piece == 20) {
                ym_test_op(a, 2, piece % 4, 0x40, 0x33);
                ym_test_op(b, 2, piece % 4, 0x40, 0x33);
            }
            int produced_a = ym2612_run(a, 199 * 144, out_a);
            int produced_b = 0;
            for (uint32_t clocks = 199 * 144; clocks > 0; clocks -= 6) {
                produced_b += ym2612_run(b, 6, out_b + 2 * produced_b);
                ym2612_sync(b);
            }
            assert_int_equal(produced_a, produced_b);
            assert_memory_equal(out_a, out_b, (size_t)produced_a * 2 * sizeof(int16_t));
            ym2612_sync(a);
            assert_memory_equal(&a->state, &b->state, sizeof a->state);
        }
    }
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csm_keys_channel3_on_timer_a),
        cmocka_unit_test(test_register_key_survives_csm_pulse),
        cmocka_unit_test(test_no_key_outside_csm),
        cmocka_unit_test(test_csm_key_on_sets_level_to_total_level),
        cmocka_unit_test(test_csm_pulse_ors_total_level_into_held_level),
        cmocka_unit_test(test_csm_renewed_key_on_ors_every_sample),
        cmocka_unit_test(test_register_key_on_in_csm_mode),
        cmocka_unit_test(test_csm_batches_match_turns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
