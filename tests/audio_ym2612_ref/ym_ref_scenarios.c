/* ym_ref_scenarios.c - the named scenarios (one feature each) and seeded
 * random register streams compared sample by sample. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ym_ref_scenarios.h"

#define SAMPLE_CLOCKS 144u

/* One operator's registers 0x30..0x90 in order. */
typedef struct OpPatch {
    uint8_t dt_mul, tl, ks_ar, am_d1r, d2r, sl_rr, ssg;
} OpPatch;

static void push(YmScript *s, uint32_t clock, uint8_t port, uint8_t value)
{
    if (s->count == s->capacity) {
        s->capacity = s->capacity ? s->capacity * 2 : 256;
        s->events = realloc(s->events, s->capacity * sizeof *s->events);
        if (!s->events) abort();
    }
    s->events[s->count++] = (YmEvent){ clock, port, value };
}

static void reg(YmScript *s, unsigned bank, uint8_t r, uint8_t value)
{
    push(s, s->cursor, (uint8_t)(bank * 2), r);
    push(s, s->cursor, (uint8_t)(bank * 2 + 1), value);
}

static void wait_clocks(YmScript *s, uint32_t clocks) { s->cursor += clocks; }
static void wait_samples(YmScript *s, uint32_t samples) { s->cursor += samples * SAMPLE_CLOCKS; }

static void op_reg(YmScript *s, unsigned ch, unsigned op, uint8_t base, uint8_t value)
{
    static const uint8_t offset[4] = { 0, 8, 4, 12 }; /* operator 1..4 -> register offset */
    reg(s, ch / 3, (uint8_t)(base + ch % 3 + offset[op]), value);
}

static void ch_reg(YmScript *s, unsigned ch, uint8_t base, uint8_t value)
{
    reg(s, ch / 3, (uint8_t)(base + ch % 3), value);
}

static void set_op(YmScript *s, unsigned ch, unsigned op, const OpPatch *p)
{
    op_reg(s, ch, op, 0x30, p->dt_mul);
    op_reg(s, ch, op, 0x40, p->tl);
    op_reg(s, ch, op, 0x50, p->ks_ar);
    op_reg(s, ch, op, 0x60, p->am_d1r);
    op_reg(s, ch, op, 0x70, p->d2r);
    op_reg(s, ch, op, 0x80, p->sl_rr);
    op_reg(s, ch, op, 0x90, p->ssg);
}

static void set_freq(YmScript *s, unsigned ch, unsigned fnum, unsigned block)
{
    ch_reg(s, ch, 0xA4, (uint8_t)((block << 3) | (fnum >> 8)));
    ch_reg(s, ch, 0xA0, (uint8_t)(fnum & 0xFF));
}

static void key(YmScript *s, unsigned ch, unsigned op_mask)
{
    reg(s, 0, 0x28, (uint8_t)((op_mask << 4) | (ch < 3 ? ch : ch + 1)));
}

/* A channel with all four operators at the given patch, algorithm and
 * feedback, panned centre. */
static void set_channel(YmScript *s, unsigned ch, unsigned alg, unsigned fb, const OpPatch *p, unsigned fnum,
                        unsigned block)
{
    ch_reg(s, ch, 0xB0, (uint8_t)((fb << 3) | alg));
    ch_reg(s, ch, 0xB4, 0xC0);
    for (unsigned op = 0; op < 4; op++) set_op(s, ch, op, &p[op]);
    set_freq(s, ch, fnum, block);
}

static YmScript *new_script(YmScriptList *list, const char *name, uint32_t samples)
{
    list->items = realloc(list->items, (list->count + 1) * sizeof *list->items);
    if (!list->items) abort();
    YmScript *s = &list->items[list->count++];
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->samples = samples;
    s->discrete = 1;
    return s;
}

static const OpPatch bright[4] = {
    { 0x71, 0x23, 0x1F, 0x05, 0x02, 0x1A, 0 }, { 0x32, 0x2D, 0x1F, 0x08, 0x03, 0x2A, 0 },
    { 0x04, 0x26, 0x1C, 0x06, 0x02, 0x16, 0 }, { 0x01, 0x00, 0x1F, 0x03, 0x01, 0x38, 0 },
};

static void scenario_algorithms(YmScriptList *list)
{
    for (unsigned alg = 0; alg < 8; alg++) {
        char name[32];
        snprintf(name, sizeof name, "algorithm_%u", alg);
        YmScript *s = new_script(list, name, 1600);
        for (unsigned ch = 0; ch < 6; ch++)
            set_channel(s, ch, alg, ch % 3 == 0 ? 0 : ch, bright, 0x269 + 40 * ch, 3 + ch % 3);
        wait_clocks(s, 37);
        for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0xF);
        wait_samples(s, 900);
        for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0);
    }
}

static void scenario_feedback(YmScriptList *list)
{
    YmScript *s = new_script(list, "feedback_1_6", 1200);
    for (unsigned ch = 0; ch < 6; ch++) set_channel(s, ch, 7, ch + 1, bright, 0x300, 4);
    for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0x1);
    s = new_script(list, "feedback_7", 1200);
    set_channel(s, 0, 7, 7, bright, 0x2D0, 2);
    set_channel(s, 1, 0, 7, bright, 0x500, 4);
    key(s, 0, 0x1);
    key(s, 1, 0xF);
}

static void scenario_detune(YmScriptList *list)
{
    YmScript *s = new_script(list, "detune_multiple", 1200);
    for (unsigned ch = 0; ch < 6; ch++) {
        OpPatch p[4];
        memcpy(p, bright, sizeof p);
        for (unsigned op = 0; op < 4; op++) p[op].dt_mul = (uint8_t)(((ch + op) & 7) << 4 | ((ch * 5 + op * 3) & 15));
        /* Low F-numbers with negative detune wrap the 17-bit increment. */
        set_channel(s, ch, 7, 0, p, ch < 2 ? 0x001 + ch : 0x480 + 99 * ch, ch < 2 ? 0 : ch);
        key(s, ch, 0xF);
    }
}

static void scenario_envelopes(YmScriptList *list)
{
    YmScript *s = new_script(list, "envelope_adsr", 3000);
    for (unsigned ch = 0; ch < 6; ch++) {
        OpPatch p[4] = { { 0x01, 0x7F, 0, 0, 0, 0, 0 }, { 0x01, 0x7F, 0, 0, 0, 0, 0 }, { 0x01, 0x7F, 0, 0, 0, 0, 0 },
                         { 0x01, 0x00, 0, 0, 0, 0, 0 } };
        p[3].ks_ar = (uint8_t)((ch % 4) << 6 | (10 + 3 * ch));
        p[3].am_d1r = (uint8_t)(4 + 4 * ch);
        p[3].d2r = (uint8_t)(ch * 2);
        p[3].sl_rr = (uint8_t)((ch * 3) << 4 | (ch + 5));
        set_channel(s, ch, 7, 0, p, 0x400 + 50 * ch, 1 + ch);
        key(s, ch, 0x8);
    }
    wait_samples(s, 1500);
    for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0);

    s = new_script(list, "envelope_rate_62_63", 1200);
    for (unsigned ch = 0; ch < 6; ch++) {
        OpPatch p[4] = { { 0x01, 0x7F, 0x1F, 0, 0, 0xFF, 0 }, { 0x01, 0x7F, 0x1F, 0, 0, 0xFF, 0 },
                         { 0x01, 0x7F, 0x1F, 0, 0, 0xFF, 0 }, { 0x01, 0x00, 0, 0x1F, 0x1F, 0x8F, 0 } };
        /* AR 30/31 with key scaling reach rates 60..63. */
        p[3].ks_ar = (uint8_t)((ch & 3) << 6 | (ch < 3 ? 31 : 30));
        set_channel(s, ch, 7, 0, p, 0x7FF, 7);
        key(s, ch, 0x8);
    }
    for (int i = 0; i < 6; i++) {
        wait_samples(s, 90);
        for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0);
        wait_samples(s, 50 + (uint32_t)i);
        for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0x8);
    }

    s = new_script(list, "envelope_keyoff_in_attack", 1500);
    for (unsigned ch = 0; ch < 6; ch++) {
        OpPatch p[4] = { { 0x01, 0x7F, 0, 0, 0, 0, 0 }, { 0x01, 0x7F, 0, 0, 0, 0, 0 }, { 0x01, 0x7F, 0, 0, 0, 0, 0 },
                         { 0x02, 0x04, 0, 0x05, 0x02, 0x27, 0 } };
        p[3].ks_ar = (uint8_t)(8 + 2 * ch);
        set_channel(s, ch, 7, 0, p, 0x3A0, 4);
    }
    for (int i = 0; i < 5; i++) {
        for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0x8);
        wait_clocks(s, 3000 + 7u * (uint32_t)i);
        for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0);
        wait_samples(s, 250);
    }

    s = new_script(list, "envelope_sustain_change", 2000);
    for (unsigned ch = 0; ch < 6; ch++) {
        OpPatch p[4] = { { 0x01, 0x7F, 0, 0, 0, 0, 0 }, { 0x01, 0x7F, 0, 0, 0, 0, 0 }, { 0x01, 0x7F, 0, 0, 0, 0, 0 },
                         { 0x01, 0x00, 0x1F, 0x10, 0x00, 0x70, 0 } };
        set_channel(s, ch, 7, 0, p, 0x500, 4);
        key(s, ch, 0x8);
    }
    wait_samples(s, 300);
    /* Sustain level moved below the current level: decay has passed it. */
    for (unsigned ch = 0; ch < 6; ch++) op_reg(s, ch, 3, 0x80, (uint8_t)((ch << 4) | 3));
}

static void scenario_ssg(YmScriptList *list)
{
    for (unsigned mode = 8; mode < 16; mode++) {
        char name[32];
        snprintf(name, sizeof name, "ssg_eg_%X", mode);
        YmScript *s = new_script(list, name, 2500);
        for (unsigned ch = 0; ch < 6; ch++) {
            OpPatch p[4] = { { 0x01, 0x7F, 0, 0, 0, 0, 0 }, { 0x01, 0x7F, 0, 0, 0, 0, 0 },
                             { 0x01, 0x7F, 0, 0, 0, 0, 0 }, { 0x01, 0x00, 0x1F, 0x00, 0x00, 0x07, (uint8_t)mode } };
            p[3].ks_ar = (uint8_t)(ch < 3 ? 0x1F : 0x14 + ch);
            p[3].am_d1r = (uint8_t)(0x10 + 2 * ch);
            p[3].d2r = (uint8_t)(0x08 + ch);
            p[3].sl_rr = (uint8_t)(((ch * 2) << 4) | 0x07);
            set_channel(s, ch, 7, 0, p, 0x400, 4);
            key(s, ch, 0x8);
        }
        wait_samples(s, 1800);
        for (unsigned ch = 0; ch < 6; ch++) key(s, ch, 0);
    }
}

static void scenario_lfo(YmScriptList *list)
{
    OpPatch am[4];
    memcpy(am, bright, sizeof am);
    for (unsigned op = 0; op < 4; op++) am[op].am_d1r |= 0x80;

    YmScript *s = new_script(list, "lfo_am_all_depths", 4000);
    reg(s, 0, 0x22, 0x08 | 7);
    for (unsigned ch = 0; ch < 6; ch++) {
        set_channel(s, ch, 4 + ch % 4, 0, am, 0x300 + 20 * ch, 4);
        ch_reg(s, ch, 0xB4, (uint8_t)(0xC0 | ((ch % 4) << 4)));
        key(s, ch, 0xF);
    }
    for (unsigned f = 0; f < 8; f++) {
        wait_samples(s, 450);
        reg(s, 0, 0x22, (uint8_t)(0x08 | f));
    }

    for (unsigned half = 0; half < 2; half++) {
        s = new_script(list, half ? "lfo_pm_depths_4_7" : "lfo_pm_depths_0_3", 4000);
        reg(s, 0, 0x22, 0x08 | 6);
        for (unsigned ch = 0; ch < 6; ch++) {
            set_channel(s, ch, ch % 8, 3, bright, 0x7FF - 180 * ch, 5);
            ch_reg(s, ch, 0xB4, (uint8_t)(0xC0 | (half * 4 + ch % 4)));
            key(s, ch, 0xF);
        }
        for (unsigned f = 0; f < 8; f++) {
            wait_samples(s, 450);
            reg(s, 0, 0x22, (uint8_t)(0x08 | (7 - f)));
        }
    }

    s = new_script(list, "lfo_enable_disable", 3000);
    for (unsigned ch = 0; ch < 6; ch++) {
        set_channel(s, ch, 7, 0, am, 0x6A0, 4);
        ch_reg(s, ch, 0xB4, (uint8_t)(0xC0 | 0x30 | 7));
        key(s, ch, 0xF);
    }
    for (int i = 0; i < 6; i++) {
        reg(s, 0, 0x22, (uint8_t)(0x08 | (i & 7)));
        wait_samples(s, 300 + 13u * (uint32_t)i);
        reg(s, 0, 0x22, 0x00);
        wait_samples(s, 100);
    }
}

static void scenario_ch3_csm(YmScriptList *list)
{
    YmScript *s = new_script(list, "ch3_special", 1500);
    set_channel(s, 2, 7, 0, bright, 0x400, 4);
    reg(s, 0, 0x27, 0x40);
    reg(s, 0, 0xAD, 0x1A); /* operator 1 */
    reg(s, 0, 0xA9, 0x77);
    reg(s, 0, 0xAE, 0x22); /* operator 2 */
    reg(s, 0, 0xAA, 0x10);
    reg(s, 0, 0xAC, 0x13); /* operator 3 */
    reg(s, 0, 0xA8, 0xC5);
    key(s, 2, 0xF);
    wait_samples(s, 600);
    reg(s, 0, 0x27, 0x00); /* back to normal mode: all four follow 0xA2 */
    wait_samples(s, 300);
    reg(s, 0, 0x27, 0xC0);

    s = new_script(list, "csm_timer_a", 3000);
    OpPatch p[4];
    memcpy(p, bright, sizeof p);
    for (unsigned op = 0; op < 4; op++) p[op].sl_rr = 0x2F;
    set_channel(s, 2, 4, 2, p, 0x500, 4);
    reg(s, 0, 0x24, 0xF0);
    reg(s, 0, 0x25, 0x01);
    reg(s, 0, 0x27, 0x85); /* CSM, timer A loaded, its flag enabled */
    wait_samples(s, 1500);
    reg(s, 0, 0x27, 0x95); /* flag reset */
    reg(s, 0, 0x24, 0xC0);
    wait_samples(s, 500);
    reg(s, 0, 0x27, 0x00);

    /* CSM key-ons with non-zero TL on all four operators of channel 3 and
     * attacks that are not instant: each key-on ORs TL << 3 into the level
     * and the output adds no TL. Timer A reloads every sample (NA 1023: the
     * key stays on, the OR comes every sample), then every 40 samples, then
     * every 40 with register 0x28 holding the key (the OR lands on levels
     * mid-decay), with TL written in between. */
    s = new_script(list, "csm_total_level", 3000);
    static const OpPatch csm_patch[4] = {
        { 0x01, 0x13, 0x12, 0x06, 0x02, 0x34, 0 }, { 0x02, 0x0C, 0x0E, 0x08, 0x03, 0x45, 0 },
        { 0x01, 0x21, 0x16, 0x05, 0x01, 0x26, 0 }, { 0x01, 0x06, 0x10, 0x07, 0x02, 0x37, 0 },
    };
    set_channel(s, 2, 7, 0, csm_patch, 0x400, 4);
    reg(s, 0, 0xAD, 0x23); /* CSM uses channel 3's per-operator frequencies */
    reg(s, 0, 0xA9, 0x10);
    reg(s, 0, 0xAE, 0x1C);
    reg(s, 0, 0xAA, 0x80);
    reg(s, 0, 0xAC, 0x22);
    reg(s, 0, 0xA8, 0x40);
    reg(s, 0, 0x24, 0xFF);
    reg(s, 0, 0x25, 0x03);
    reg(s, 0, 0x27, 0x85);
    wait_samples(s, 700);
    reg(s, 0, 0x24, 0xF6); /* NA 984: a key-on every 40 samples */
    reg(s, 0, 0x25, 0x00);
    wait_samples(s, 800);
    key(s, 2, 0xF);
    for (unsigned i = 0; i < 8; i++) {
        wait_samples(s, 90 + 7 * i);
        op_reg(s, 2, i % 4, 0x40, (uint8_t)(0x05 + 0x0B * i));
    }
    key(s, 2, 0);
    reg(s, 0, 0x27, 0x05);

    /* A register 0x28 key-on while CSM mode is on (timer A stopped): no TL
     * ORed in, and TL left out of the output until the mode changes. */
    s = new_script(list, "csm_register_key_on", 2000);
    set_channel(s, 2, 4, 3, csm_patch, 0x3A0, 4);
    reg(s, 0, 0x27, 0x80);
    key(s, 2, 0xF);
    wait_samples(s, 500);
    reg(s, 0, 0x27, 0x00); /* normal mode: TL heard again */
    wait_samples(s, 300);
    reg(s, 0, 0x27, 0x80);
    wait_samples(s, 300);
    reg(s, 0, 0x27, 0xC0); /* special mode without CSM: TL heard */
    wait_samples(s, 300);
    key(s, 2, 0);
    reg(s, 0, 0x27, 0x80);
    wait_samples(s, 100);
    key(s, 2, 0xF);
}

static void scenario_dac(YmScriptList *list)
{
    YmScript *s = new_script(list, "dac_channel_6", 1500);
    set_channel(s, 5, 7, 0, bright, 0x480, 4);
    key(s, 5, 0xF);
    wait_samples(s, 100);
    reg(s, 0, 0x2B, 0x80);
    uint32_t value = 0x80;
    for (int i = 0; i < 900; i++) {
        value = (value * 37 + 11) & 0xFF;
        reg(s, 0, 0x2A, (uint8_t)value);
        if (i == 400) reg(s, 0, 0x2C, 0x08); /* test bit: DAC bit 0 */
        if (i == 600) reg(s, 0, 0x2C, 0x00);
        wait_clocks(s, 97 + (uint32_t)(i % 5) * 31);
    }
    reg(s, 0, 0x2B, 0x00);
}

static void scenario_mid_sample(YmScriptList *list)
{
    YmScript *s = new_script(list, "mid_sample_writes", 1500);
    for (unsigned ch = 0; ch < 6; ch++) {
        set_channel(s, ch, ch, 4, bright, 0x300 + 64 * ch, 4);
        key(s, ch, 0xF);
    }
    for (uint32_t i = 0; i < 700; i++) {
        wait_clocks(s, 144 + 1 + (i * 7) % 143);
        unsigned ch = i % 6;
        switch (i % 5) {
        case 0: op_reg(s, ch, i % 4, 0x40, (uint8_t)((i * 13) & 0x3F)); break;
        case 1: set_freq(s, ch, 0x200 + (i * 29) % 0x5FF, 3 + i % 3); break;
        case 2: ch_reg(s, ch, 0xB0, (uint8_t)(((i / 5) % 8) << 3 | (i % 8))); break;
        case 3: op_reg(s, ch, (i + 1) % 4, 0x30, (uint8_t)(i & 0x7F)); break;
        default: key(s, ch, (i & 1) ? 0xF : 0x0); break;
        }
    }
}

static void scenario_panning(YmScriptList *list)
{
    YmScript *s = new_script(list, "panning", 1200);
    for (unsigned ch = 0; ch < 6; ch++) {
        set_channel(s, ch, 7, 0, bright, 0x2A0 + 30 * ch, 4);
        key(s, ch, 0xF);
    }
    for (unsigned i = 0; i < 24; i++) {
        wait_samples(s, 45);
        ch_reg(s, i % 6, 0xB4, (uint8_t)((i % 4) << 6));
    }
}

static void scenario_timers(YmScriptList *list)
{
    YmScript *s = new_script(list, "timers", 4000);
    reg(s, 0, 0x24, 0xFE);
    reg(s, 0, 0x25, 0x02);
    reg(s, 0, 0x26, 0xF0);
    reg(s, 0, 0x27, 0x0F);
    for (int i = 0; i < 12; i++) {
        wait_samples(s, 97 + 31 * (uint32_t)i);
        reg(s, 0, 0x27, (uint8_t)((i & 1) ? 0x3F : 0x1F));
        if (i == 5) reg(s, 0, 0x24, 0xE0);
        if (i == 7) reg(s, 0, 0x26, 0xC0);
    }
}

/* The smallest scripts that show each disagreement class found so far
 * (listed in the harness's report). */
static void scenario_minimal(YmScriptList *list)
{
    static const OpPatch sine[4] = {
        { 0x01, 0x00, 0x1F, 0x80, 0, 0x0F, 0 }, { 0x01, 0x7F, 0x1F, 0, 0, 0x0F, 0 },
        { 0x01, 0x7F, 0x1F, 0, 0, 0x0F, 0 },    { 0x01, 0x7F, 0x1F, 0, 0, 0x0F, 0 },
    };
    /* LFO step period: AM (AMS 3) on a held sine, LFO rate 7. */
    YmScript *s = new_script(list, "minimal_lfo_period", 64);
    set_channel(s, 0, 7, 0, sine, 0x400, 4);
    ch_reg(s, 0, 0xB4, 0xF0);
    reg(s, 0, 0x22, 0x0F);
    key(s, 0, 0x1);

    /* Algorithm 7 -> 0 written between operator 3's and operator 2's
     * cycles: operators 1 and 3 were carriers when they were worked. */
    s = new_script(list, "minimal_algorithm_mid_sample", 64);
    OpPatch all[4];
    memcpy(all, sine, sizeof all);
    for (unsigned op = 0; op < 4; op++) all[op].tl = 0;
    set_channel(s, 0, 7, 0, all, 0x400, 4);
    key(s, 0, 0xF);
    wait_samples(s, 40);
    wait_clocks(s, 40);
    ch_reg(s, 0, 0xB0, 0x00);

    /* CSM mode with timer A's load bit rising (long period, no overflow). */
    s = new_script(list, "minimal_csm_load", 64);
    set_channel(s, 2, 7, 0, sine, 0x400, 4);
    reg(s, 0, 0xAD, 0x22); /* CSM uses channel 3's per-operator frequencies */
    reg(s, 0, 0xA9, 0x00);
    reg(s, 0, 0x24, 0x00);
    reg(s, 0, 0x27, 0x81);

    /* Timer A's first overflow after its load bit rises (NA 1022). */
    s = new_script(list, "minimal_timer_a_start", 16);
    reg(s, 0, 0x24, 0xFF);
    reg(s, 0, 0x25, 0x02);
    reg(s, 0, 0x27, 0x05);
}

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static void scenario_random(YmScriptList *list, unsigned index)
{
    char name[32];
    snprintf(name, sizeof name, "random_%02u", index);
    YmScript *s = new_script(list, name, 2000);
    s->discrete = (int)(index & 1);
    uint32_t rng = 0x9E3779B9u * (index + 1);
    for (unsigned ch = 0; ch < 6; ch++) {
        OpPatch p[4];
        for (unsigned op = 0; op < 4; op++) {
            p[op] = (OpPatch){ (uint8_t)(next_random(&rng) & 0x7F), (uint8_t)(next_random(&rng) & 0x3F),
                               (uint8_t)(next_random(&rng) & 0xDF), (uint8_t)(next_random(&rng) & 0x9F),
                               (uint8_t)(next_random(&rng) & 0x1F), (uint8_t)next_random(&rng),
                               (uint8_t)((next_random(&rng) % 4 == 0) ? 8 | (next_random(&rng) & 7) : 0) };
        }
        set_channel(s, ch, next_random(&rng) & 7, next_random(&rng) & 7, p, 0x100 + next_random(&rng) % 0x700,
                    next_random(&rng) & 7);
        ch_reg(s, ch, 0xB4, (uint8_t)(0x40 + (next_random(&rng) & 0xF7)));
    }
    reg(s, 0, 0x22, (uint8_t)(next_random(&rng) & 0xF));
    uint32_t end = s->samples * SAMPLE_CLOCKS;
    while (s->cursor < end) {
        wait_clocks(s, 1 + next_random(&rng) % 700);
        unsigned what = next_random(&rng) % 100, ch = next_random(&rng) % 6, op = next_random(&rng) % 4;
        if (what < 35) {
            key(s, ch, next_random(&rng) & 0xF);
        } else if (what < 65) {
            static const uint8_t bases[7] = { 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90 };
            uint8_t base = bases[next_random(&rng) % 7];
            uint8_t value = (uint8_t)next_random(&rng);
            if (base == 0x40) value &= 0x3F;
            if (base == 0x90) value &= 0x0F;
            op_reg(s, ch, op, base, value);
        } else if (what < 82) {
            set_freq(s, ch, next_random(&rng) & 0x7FF, next_random(&rng) & 7);
        } else if (what < 90) {
            ch_reg(s, ch, (next_random(&rng) & 1) ? 0xB0 : 0xB4, (uint8_t)next_random(&rng));
        } else if (what < 94) {
            reg(s, 0, 0x22, (uint8_t)(next_random(&rng) & 0xF));
        } else if (what < 97) {
            reg(s, 0, (uint8_t)(0xA8 + op % 3), (uint8_t)next_random(&rng));
        } else {
            reg(s, 0, 0x27, (uint8_t)(next_random(&rng) & 0x4F));
        }
    }
}

void ym_scripts_build(YmScriptList *list)
{
    memset(list, 0, sizeof *list);
    scenario_algorithms(list);
    scenario_feedback(list);
    scenario_detune(list);
    scenario_envelopes(list);
    scenario_ssg(list);
    scenario_lfo(list);
    scenario_ch3_csm(list);
    scenario_dac(list);
    scenario_mid_sample(list);
    scenario_panning(list);
    scenario_timers(list);
    scenario_minimal(list);
    for (unsigned i = 0; i < 16; i++) scenario_random(list, i);
}

void ym_scripts_free(YmScriptList *list)
{
    for (size_t i = 0; i < list->count; i++) free(list->items[i].events);
    free(list->items);
    memset(list, 0, sizeof *list);
}
