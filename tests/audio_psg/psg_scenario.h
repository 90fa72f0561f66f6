/* psg_scenario.h - deterministic scripted PSG workloads shared by the
 * output-hash guard and the reference-model comparison: register writes
 * (tones incl. periods 0/1, volumes, every noise mode, lone latch or data
 * bytes, mute changes) between psg_run calls of varied lengths. */
#ifndef MDEMU_PSG_SCENARIO_H
#define MDEMU_PSG_SCENARIO_H

#include <stdint.h>

typedef enum {
    PSG_SCENARIO_MIXED,    /* everything, random */
    PSG_SCENARIO_STEADY,   /* long notes, few writes, long runs */
    PSG_SCENARIO_NOISE,    /* noise modes and rates, tone 2 as noise clock */
    PSG_SCENARIO_PLAYBACK, /* periods 0/1 with fast volume writes (sample playback) */
    PSG_SCENARIO_COUNT
} PsgScenario;

typedef struct PsgScript {
    uint64_t rng;
    PsgScenario kind;
} PsgScript;

/* What to do before the next run: up to 4 bytes to write, a new mute mask
 * (or -1 to keep it) and the number of PSG clocks to run. */
typedef struct PsgStep {
    uint8_t writes[4];
    int write_count;
    int mute_mask;
    uint32_t clocks;
    int discard_output; /* run with out = NULL */
} PsgStep;

static inline uint32_t psg_script_next(PsgScript *s)
{
    /* xorshift64* */
    s->rng ^= s->rng >> 12;
    s->rng ^= s->rng << 25;
    s->rng ^= s->rng >> 27;
    return (uint32_t)((s->rng * 0x2545F4914F6CDD1DULL) >> 32);
}

static inline uint32_t psg_script_below(PsgScript *s, uint32_t n) { return psg_script_next(s) % n; }

static inline void psg_script_init(PsgScript *s, PsgScenario kind, uint64_t seed)
{
    s->rng = seed * 0x9E3779B97F4A7C15ULL + 1 + (uint64_t)kind;
    s->kind = kind;
}

static inline uint16_t psg_script_period(PsgScript *s)
{
    static const uint16_t special[] = {0, 1, 2, 3, 4, 15, 16, 17, 1023};
    if (psg_script_below(s, 3) == 0)
        return special[psg_script_below(s, sizeof special / sizeof special[0])];
    return (uint16_t)(psg_script_below(s, 1024));
}

static inline uint8_t psg_script_attenuation(PsgScript *s)
{
    uint32_t r = psg_script_below(s, 4);
    if (r == 0)
        return 15;
    if (r == 1)
        return 0;
    return (uint8_t)psg_script_below(s, 16);
}

static inline void psg_script_tone(PsgScript *s, PsgStep *st, unsigned ch, uint16_t period)
{
    st->writes[st->write_count++] = (uint8_t)(0x80 | (ch << 5) | (period & 0x0F));
    st->writes[st->write_count++] = (uint8_t)((period >> 4) & 0x3F);
    (void)s;
}

static inline void psg_script_volume(PsgStep *st, unsigned ch, uint8_t att)
{
    st->writes[st->write_count++] = (uint8_t)(0x90 | (ch << 5) | (att & 0x0F));
}

static inline uint32_t psg_script_clocks(PsgScript *s, uint32_t typical)
{
    switch (psg_script_below(s, 8)) {
    case 0: return psg_script_below(s, 20);              /* a few clocks, maybe none */
    case 1: return psg_script_below(s, 70000);           /* a large catch-up */
    default: return psg_script_below(s, typical * 2 + 1); /* around `typical` */
    }
}

static inline PsgStep psg_script_step(PsgScript *s)
{
    PsgStep st = {{0}, 0, -1, 0, 0};
    switch (s->kind) {
    case PSG_SCENARIO_MIXED:
        switch (psg_script_below(s, 8)) {
        case 0: psg_script_tone(s, &st, psg_script_below(s, 3), psg_script_period(s)); break;
        case 1: psg_script_volume(&st, psg_script_below(s, 4), psg_script_attenuation(s)); break;
        case 2: st.writes[st.write_count++] = (uint8_t)(0xE0 | psg_script_below(s, 8)); break;
        case 3: st.writes[st.write_count++] = (uint8_t)psg_script_below(s, 256); break; /* any byte */
        case 4:
            if (psg_script_below(s, 4) == 0)
                st.mute_mask = (int)psg_script_below(s, 16);
            break;
        default: break;
        }
        st.clocks = psg_script_clocks(s, 3000);
        st.discard_output = psg_script_below(s, 16) == 0;
        break;
    case PSG_SCENARIO_STEADY:
        if (psg_script_below(s, 10) == 0) {
            unsigned ch = psg_script_below(s, 3);
            psg_script_tone(s, &st, ch, (uint16_t)(50 + psg_script_below(s, 900)));
            psg_script_volume(&st, ch, (uint8_t)psg_script_below(s, 16));
        } else if (psg_script_below(s, 20) == 0) {
            st.writes[st.write_count++] = (uint8_t)(0xE0 | psg_script_below(s, 8));
            psg_script_volume(&st, 3, psg_script_attenuation(s));
        }
        st.clocks = psg_script_clocks(s, 20000);
        break;
    case PSG_SCENARIO_NOISE:
        switch (psg_script_below(s, 6)) {
        case 0: st.writes[st.write_count++] = (uint8_t)(0xE0 | psg_script_below(s, 8)); break;
        case 1: psg_script_volume(&st, 3, psg_script_attenuation(s)); break;
        case 2: psg_script_tone(s, &st, 2, psg_script_period(s)); break;
        case 3: psg_script_volume(&st, 2, psg_script_attenuation(s)); break;
        case 4: st.writes[st.write_count++] = (uint8_t)psg_script_below(s, 8); break; /* data byte */
        default: break;
        }
        for (unsigned ch = 0; ch < 2 && psg_script_below(s, 30) == 0; ch++)
            psg_script_volume(&st, ch, psg_script_attenuation(s));
        st.clocks = psg_script_clocks(s, 5000);
        break;
    default: /* PSG_SCENARIO_PLAYBACK */
        if (psg_script_below(s, 50) == 0) {
            unsigned ch = psg_script_below(s, 3);
            psg_script_tone(s, &st, ch, (uint16_t)psg_script_below(s, 3));
        }
        psg_script_volume(&st, psg_script_below(s, 3), (uint8_t)psg_script_below(s, 16));
        st.clocks = psg_script_clocks(s, 300);
        break;
    }
    return st;
}

#endif
