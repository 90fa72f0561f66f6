/* system_irq_timing_test.c - the instruction boundary at which the 68000
 * takes VINT and the Z80 takes its /INT, measured against the VDP's VINT
 * clock with system_timing.s (NOP sleds, so the due boundary is known), and
 * the same boundaries whatever the scheduler's slices (a breakpoint makes
 * the 68000 go one instruction at a time).
 *
 * Rules checked (hardware sampling points):
 *  - VDP: its interrupt output follows VINT 4 dots later (vdp_core.c).
 *  - 68000: IPL is sampled 2 clocks into the last bus cycle of each
 *    instruction (MC68000 UM fig. 5-11). A NOP's only bus cycle is its
 *    prefetch at its first clock, so the interrupted NOP is the first one
 *    that starts no earlier than 2 clocks before the change. Interrupt
 *    processing then takes 44 clocks (MC68000 UM table 8-14).
 *  - Z80: /INT is sampled on the last clock of each instruction (Zilog
 *    UM0080); IM 1 acceptance takes 13 T-states before the handler. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>

#include "system_test_util.h"

#define VINT_HANDLER 0x300u   /* .org of `vint` in system_timing.s */
#define Z80_HANDLER 0x0038u
#define OP_NOP_68K 0x4E71u
#define OP_NOP_Z80 0x00u
#define MAX_SAMPLES 16
#define FRAMES 6

typedef struct Sample {
    uint64_t handler_clock;   /* CPU clock at the handler's first instruction */
    uint64_t interrupted_start; /* start of the last instruction before it */
    uint32_t interrupted_pc;
    uint32_t stacked_pc;      /* 68000: return address in the frame */
    uint64_t vint_master;     /* VDP's VINT clock (master clocks) */
    uint32_t ipl_delay;       /* master clocks from VINT to the 68000's IPL pins */
    bool after_two_nops;      /* the interrupted one and its predecessor were NOPs */
} Sample;

typedef struct CpuTrace {
    uint64_t start[2];        /* [0] latest instruction, [1] the one before */
    uint32_t pc[2];
    unsigned op[2];
    Sample samples[MAX_SAMPLES];
    int count;
} CpuTrace;

typedef struct Recorder {
    Mdemu *md;
    CpuTrace m68k, z80;
} Recorder;

static uint64_t vint_clock(const Mdemu *md)
{
    /* The VDP holds the Z80's /INT for one line from VINT (genvdp.txt). */
    return md->vdp.state.z80_int_until - VDP_MASTER_CLOCKS_PER_LINE;
}

static void note(CpuTrace *t, uint64_t clock, uint32_t pc, unsigned op)
{
    t->start[1] = t->start[0];
    t->pc[1] = t->pc[0];
    t->op[1] = t->op[0];
    t->start[0] = clock;
    t->pc[0] = pc;
    t->op[0] = op;
}

static void sample(CpuTrace *t, const Mdemu *md, uint64_t clock, unsigned nop, uint32_t stacked_pc)
{
    if (t->count >= MAX_SAMPLES)
        return;
    t->samples[t->count++] = (Sample){
        .handler_clock = clock,
        .interrupted_start = t->start[0],
        .interrupted_pc = t->pc[0],
        .stacked_pc = stacked_pc,
        .vint_master = vint_clock(md),
        .ipl_delay = vdp_irq_output_delay(&md->vdp),
        .after_two_nops = t->op[0] == nop && t->op[1] == nop,
    };
}

static void m68k_hook(void *ctx, const M68k *cpu)
{
    Recorder *r = ctx;
    uint32_t pc = (m68k_get_reg(cpu, M68K_REG_PC) - 4u) & 0xFFFFFFu;
    uint64_t clock = m68k_cycles(cpu);
    if (pc == VINT_HANDLER) {
        const uint8_t *ram = mdemu_work_ram(r->md, NULL);
        uint32_t sp = m68k_get_reg(cpu, M68K_REG_A7) & 0xFFFFu;
        uint32_t stacked = (uint32_t)ram[(sp + 2) & 0xFFFF] << 24 | (uint32_t)ram[(sp + 3) & 0xFFFF] << 16 |
                           (uint32_t)ram[(sp + 4) & 0xFFFF] << 8 | ram[(sp + 5) & 0xFFFF];
        sample(&r->m68k, r->md, clock, OP_NOP_68K, stacked);
    }
    note(&r->m68k, clock, pc, m68k_get_reg(cpu, M68K_REG_IR));
}

static void z80_hook(void *ctx, const Z80 *z)
{
    Recorder *r = ctx;
    uint32_t pc = z80_get_reg(z, Z80_REG_PC);
    uint64_t clock = z80_tstates(z);
    if (pc == Z80_HANDLER)
        sample(&r->z80, r->md, clock, OP_NOP_Z80, 0);
    note(&r->z80, clock, pc, r->md->sys.z80_ram[pc & (MDEMU_Z80_RAM_SIZE - 1)]);
}

static Mdemu *start_recording(const uint8_t *rom, size_t size, Recorder *r)
{
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    cfg.region = MDEMU_REGION_US;
    Mdemu *md = mdemu_create(&cfg);
    char err[256];
    if (mdemu_load_rom_memory(md, rom, size, "system_timing.bin", err, sizeof err) != MDEMU_OK) {
        fprintf(stderr, "%s\n", err);
        mdemu_destroy(md);
        return NULL;
    }
    memset(r, 0, sizeof *r);
    r->md = md;
    md->cpu.instr_hook = m68k_hook;
    md->cpu.hook_ctx = r;
    md->z80.instr_hook = z80_hook;
    md->z80.hook_ctx = r;
    return md;
}

typedef struct Program {
    uint8_t *rom;
    size_t size;
} Program;

static int load_program(void **state)
{
    Program *p = calloc(1, sizeof *p);
    if (mdemu_read_file(SYSTEM_TIMING_BIN, &p->rom, &p->size, 1 << 20) != MDEMU_OK) {
        fprintf(stderr, "cannot read %s\n", SYSTEM_TIMING_BIN);
        free(p);
        return -1;
    }
    *state = p;
    return 0;
}

static int free_program(void **state)
{
    Program *p = *state;
    free(p->rom);
    free(p);
    return 0;
}

/* FRAMES frames; a breakpoint that is hit cuts a frame into several
 * mdemu_run_frame calls. Returns how many times it stopped. */
static int run_recorded(const Program *p, Recorder *r, int64_t breakpoint)
{
    Mdemu *md = start_recording(p->rom, p->size, r);
    assert_non_null(md);
    mdemu_set_breakpoint(md, breakpoint);
    int frames = 0, stops = 0;
    while (frames < FRAMES) {
        mdemu_run_frame(md);
        if (mdemu_breakpoint_hit(md))
            stops++;
        else
            frames++;
    }
    assert_false(md->cpu.state.halted);
    mdemu_destroy(md);
    r->md = NULL;
    return stops;
}

static void check_68k_boundaries(const CpuTrace *t)
{
    int checked = 0;
    for (int i = 0; i < t->count; i++) {
        const Sample *s = &t->samples[i];
        /* The handler starts after the interrupted instruction and the
         * exception processing, and returns to the next instruction. */
        if (t->samples[i].interrupted_pc >= 0x400 && s->after_two_nops) {
            /* The VDP's interrupt output follows the F flag 4 dots later. */
            assert_true(s->ipl_delay == 4 * 8 || s->ipl_delay == 4 * 10); /* H40 / H32 dots */
            uint64_t change = (s->vint_master + s->ipl_delay + 6) / 7; /* first 68000 clock seeing the level */
            /* 44 clocks, plus at most one refresh hold of the cartridge (2)
             * and one of work RAM (3) on its stack and vector accesses. */
            uint64_t processing = s->handler_clock - (s->interrupted_start + 4);
            assert_true(processing >= 44 && processing <= 44 + 2 + 3);
            assert_int_equal(s->stacked_pc, s->interrupted_pc + 2);
            /* Sampled by this NOP (at start + 2) and not by the one before. */
            assert_true(change <= s->interrupted_start + 2);
            assert_true(change > s->interrupted_start - 4 + 2);
            checked++;
        }
    }
    assert_true(t->count >= FRAMES - 2);
    assert_true(checked >= 2);
}

static void check_z80_boundaries(const CpuTrace *t)
{
    int checked = 0;
    for (int i = 0; i < t->count; i++) {
        const Sample *s = &t->samples[i];
        if (!s->after_two_nops)
            continue;
        uint64_t change = (s->vint_master + 14) / 15; /* first Z80 clock seeing /INT */
        uint64_t end = s->interrupted_start + 4;      /* the NOP's last clock is end - 1 */
        assert_int_equal(s->handler_clock - end, 13);
        assert_true(change <= end - 1);
        assert_true(change > end - 4 - 1);
        checked++;
    }
    assert_true(t->count >= FRAMES - 2);
    assert_true(checked >= 2);
}

static void test_vint_taken_at_the_sampling_boundary(void **state)
{
    const Program *p = *state;
    Recorder r;
    run_recorded(p, &r, -1);
    check_68k_boundaries(&r.m68k);
    check_z80_boundaries(&r.z80);
}

static void assert_same_samples(const CpuTrace *a, const CpuTrace *b)
{
    assert_int_equal(a->count, b->count);
    for (int i = 0; i < a->count; i++) {
        assert_int_equal(a->samples[i].handler_clock, b->samples[i].handler_clock);
        assert_int_equal(a->samples[i].interrupted_pc, b->samples[i].interrupted_pc);
        assert_int_equal(a->samples[i].stacked_pc, b->samples[i].stacked_pc);
        assert_int_equal(a->samples[i].vint_master, b->samples[i].vint_master);
    }
}

/* A breakpoint makes the scheduler step the 68000 one instruction at a
 * time; one in the sled also stops the run a few times per frame, so the
 * slices start at other clocks. The interrupts must land on the same
 * instructions at the same clocks as with whole slices. */
static void test_timing_independent_of_slices(void **state)
{
    const Program *p = *state;
    Recorder *sliced = malloc(sizeof *sliced), *stepped = malloc(sizeof *stepped);
    Recorder *cut = malloc(sizeof *cut);
    assert_int_equal(run_recorded(p, sliced, -1), 0);
    assert_int_equal(run_recorded(p, stepped, 0x3FFFFE), 0); /* never reached */
    assert_true(run_recorded(p, cut, 0x400 + 2 * 3001) >= FRAMES); /* in the sled */
    assert_same_samples(&sliced->m68k, &stepped->m68k);
    assert_same_samples(&sliced->z80, &stepped->z80);
    assert_same_samples(&sliced->m68k, &cut->m68k);
    assert_same_samples(&sliced->z80, &cut->z80);
    check_68k_boundaries(&cut->m68k);
    check_z80_boundaries(&cut->z80);
    free(sliced);
    free(stepped);
    free(cut);
}

/* A save state taken mid-frame and loaded into a fresh console carries the
 * pending interrupt timing: the continuation takes the same interrupts. */
static void test_timing_survives_save_state(void **state)
{
    const Program *p = *state;
    Recorder *straight = malloc(sizeof *straight), *resumed = malloc(sizeof *resumed);
    Mdemu *a = start_recording(p->rom, p->size, straight);
    assert_non_null(a);
    mdemu_run_frame(a);
    mdemu_set_breakpoint(a, 0x0400 + 2 * 7000); /* late in the sled, near VINT */
    mdemu_run_frame(a);
    mdemu_set_breakpoint(a, -1);
    size_t size = mdemu_state_size(a);
    uint8_t *buf = malloc(size);
    assert_int_equal(mdemu_save_state(a, buf, size), MDEMU_OK);
    straight->m68k.count = straight->z80.count = 0;
    for (int f = 0; f < 3; f++)
        mdemu_run_frame(a);

    Mdemu *b = start_recording(p->rom, p->size, resumed);
    assert_non_null(b);
    assert_int_equal(mdemu_load_state(b, buf, size), MDEMU_OK);
    for (int f = 0; f < 3; f++)
        mdemu_run_frame(b);
    assert_true(straight->m68k.count >= 2);
    assert_same_samples(&straight->m68k, &resumed->m68k);
    assert_same_samples(&straight->z80, &resumed->z80);
    free(buf);
    mdemu_destroy(a);
    mdemu_destroy(b);
    free(straight);
    free(resumed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vint_taken_at_the_sampling_boundary),
        cmocka_unit_test(test_timing_independent_of_slices),
        cmocka_unit_test(test_timing_survives_save_state),
    };
    return cmocka_run_group_tests(tests, load_program, free_program);
}
