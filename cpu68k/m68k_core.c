/* m68k_core.c - instance setup, the run loop, interrupts and register access. */
#include <stddef.h>
#include <string.h>

#include "m68k_internal.h"
#include "m68k_ops.h"
#include "m68k_decode_table.h"

#define M68K_OP_DECLARE(name) void m68k_op_##name(M68k *cpu, uint16_t op);
M68K_OP_LIST(M68K_OP_DECLARE)
#undef M68K_OP_DECLARE

#define M68K_OP_POINTER(name) m68k_op_##name,
static const M68kOpFn m68k_op_table[M68K_OP_COUNT] = {M68K_OP_LIST(M68K_OP_POINTER)};
#undef M68K_OP_POINTER

void m68k_init(M68k *cpu, const M68kBus *bus)
{
    memset(cpu, 0, sizeof *cpu);
    cpu->bus = *bus;
    memset(cpu->bus.page_read, 0, sizeof cpu->bus.page_read);
    memset(cpu->bus.page_write, 0, sizeof cpu->bus.page_write);
    for (unsigned i = 0; i <= M68K_REFRESH_GROUPS; i++)
        cpu->state.refresh_window_opens[i] = UINT64_MAX; /* no timings yet */
    cpu->state.sr = 0x2700;
}

void m68k_map_pages(M68k *cpu, unsigned first_page, unsigned count, const uint8_t *read_mem,
                    uint8_t *write_mem, uint32_t mirror_size)
{
    /* A mirror smaller than a page cannot be a direct page: those pages
     * stay on the callbacks. */
    int direct = !mirror_size || mirror_size >= (1u << M68K_PAGE_SHIFT);
    for (unsigned i = 0; i < count && first_page + i < M68K_PAGE_COUNT; i++) {
        size_t offset = (size_t)i << M68K_PAGE_SHIFT;
        if (mirror_size)
            offset &= mirror_size - 1;
        cpu->bus.page_read[first_page + i] = direct && read_mem ? read_mem + offset : NULL;
        cpu->bus.page_write[first_page + i] = direct && write_mem ? write_mem + offset : NULL;
    }
}

void m68k_set_refresh(M68k *cpu, int group, M68kRefreshTiming timing)
{
    if (group < 0 || group >= M68K_REFRESH_GROUPS)
        return;
    if (timing.window > timing.period)
        timing.window = timing.period;
    cpu->bus.refresh[group] = timing;
    cpu->state.refresh_window_opens[1 + group] =
        timing.period ? cpu->state.cycles + timing.period - timing.window : UINT64_MAX;
}

void m68k_map_refresh(M68k *cpu, unsigned first_page, unsigned count, int group)
{
    uint8_t tag = group >= 0 && group < M68K_REFRESH_GROUPS ? (uint8_t)(group + 1) : 0;
    for (unsigned i = 0; i < count && first_page + i < M68K_PAGE_COUNT; i++)
        cpu->bus.page_refresh[first_page + i] = tag;
}

/* m68k_refresh_access a period or more after the window opened: the
 * periods between went unseen. */
static void refresh_access_late(M68k *cpu, unsigned tag, uint64_t late)
{
    M68kState *s = &cpu->state;
    const M68kRefreshTiming *t = &cpu->bus.refresh[tag - 1];
    if (!t->period) { /* a state written from outside for a group not in use */
        s->refresh_window_opens[tag] = UINT64_MAX;
        return;
    }
    uint64_t pos = late % t->period; /* from the opening of the latest window */
    if (pos < t->window) {
        uint64_t left = t->window - pos;
        s->cycles += left < t->hold ? left : t->hold;
    }
    s->refresh_window_opens[tag] += (late / t->period + 1) * t->period;
}

/* An access to memory of refresh group tag - 1 once its window has opened
 * (m68k.h): in the window it waits for the refresh, which ends with the
 * period; a window that closed with no access went unseen. Either way the
 * next window opens a period later. This runs several hundred times a
 * frame at moments no branch predictor can guess, so the usual case (up to
 * the end of the next period's window) is done with masks, not branches. */
void m68k_refresh_access(M68k *cpu, unsigned tag)
{
    M68kState *s = &cpu->state;
    if (M68K_UNLIKELY(!tag)) { /* a state zeroed from outside: no group, never held */
        s->refresh_window_opens[0] = UINT64_MAX;
        return;
    }
    uint64_t late = s->cycles - s->refresh_window_opens[tag];
    const M68kRefreshTiming *t = &cpu->bus.refresh[tag - 1];
    int32_t period = t->period, window = t->window;
    if (M68K_UNLIKELY(late >= (uint64_t)(period + window))) {
        refresh_access_late(cpu, tag, late);
        return;
    }
    int32_t unseen = (int32_t)late >= window ? period : 0; /* this window closed without an access */
    int32_t into = (int32_t)late - unseen;                 /* into the window that counts (< 0: before it) */
    uint32_t held = -(uint32_t)(into >= 0);
    int32_t left = window - into;
    uint32_t wait = (uint32_t)(left < t->hold ? left : t->hold);
    s->cycles += wait & held;
    s->refresh_window_opens[tag] += (uint32_t)unseen + ((uint32_t)period & held);
}

/* Reset exception: 40 clocks (MC68000 UM table 8-14), reading SSP and PC. */
static void reset_body(M68k *cpu)
{
    M68kState *s = &cpu->state;
    s->halted = 0;
    s->stopped = 0;
    s->trace_pending = 0;
    IN_GROUP0(cpu) = 1; /* a fault here is a double fault */
    if (!(s->sr & SR_S)) {
        s->other_sp = s->a[7];
    }
    s->sr = 0x2700;
    /* 16 internal clocks, then six reads: SSP, PC and the two queue words. */
    idle(cpu, 16);
    s->a[7] = rd32(cpu, 0);
    uint32_t pc = rd32(cpu, 4);
    s->ir = fetch_word(cpu, pc);
    s->irc = fetch_word(cpu, pc + 2);
    s->pc = pc + 4;
    IN_GROUP0(cpu) = 0;
}

void m68k_reset(M68k *cpu)
{
    jmp_buf jb;
    void *saved = cpu->fault_jmp;
    cpu->fault_jmp = &jb;
    if (setjmp(jb) == 0)
        reset_body(cpu);
    cpu->fault_jmp = saved;
}

/* Interrupt acknowledge and 44-clock processing (MC68000 UM 6.3.2, 8-14). */
static void take_interrupt(M68k *cpu, int level)
{
    M68kState *s = &cpu->state;
    /* STOP leaves PC at the next instruction without refilling the queue. */
    uint32_t stacked_pc = s->stopped ? s->pc : s->pc - 4;
    uint16_t old_sr = s->sr;
    s->stopped = 0;
    idle(cpu, 6);
    int vector = cpu->bus.int_ack ? cpu->bus.int_ack(cpu->bus.ctx, level) : M68K_INT_ACK_AUTOVECTOR;
    idle(cpu, 4);
    if (vector == M68K_INT_ACK_AUTOVECTOR)
        vector = 24 + level;
    else if (vector == M68K_INT_ACK_SPURIOUS)
        vector = 24;
    idle(cpu, 4);
    m68k_set_sr(cpu, (uint16_t)(((old_sr | SR_S) & ~SR_T & ~0x0700u) | (unsigned)(level << 8)));
    s->a[7] -= 6;
    wr16(cpu, s->a[7] + 4, stacked_pc & 0xFFFFu);
    wr16(cpu, s->a[7], old_sr);
    wr16(cpu, s->a[7] + 2, stacked_pc >> 16);
    uint32_t target = rd32(cpu, (uint32_t)vector * 4u);
    s->ir = fetch_word(cpu, target);
    idle(cpu, 2);
    s->irc = fetch_word(cpu, target + 2);
    s->pc = target + 4;
}

/* Real changes are at most an instruction ahead; anything further is not one. */
#define IPL_AHEAD_LIMIT (1 << 24)

static uint64_t ipl_change_clock(const M68k *cpu)
{
    return ((uint64_t)IPL_CHANGE_HIGH(cpu) << 32) | IPL_CHANGE_CLOCK(cpu);
}

/* `clock` is a 32-bit bus clock within 2^31 clocks of the CPU's own 64-bit
 * clock; the change time is compared in 64 bits, so an old change can never
 * look like a future one after the 32-bit clock wraps. */
static bool change_ahead_of(const M68k *cpu, uint32_t clock)
{
    int32_t from_now = (int32_t)(clock - (uint32_t)cpu->state.cycles);
    uint64_t sample = cpu->state.cycles + (uint64_t)(int64_t)from_now;
    uint64_t change = ipl_change_clock(cpu);
    return change > sample && change - sample < IPL_AHEAD_LIMIT;
}

/* The level the CPU has sampled: the pins are read 2 clocks into the last
 * bus cycle (MC68000 UM fig. 5-11), so a later change is not seen yet.
 * A stopped CPU has no bus cycles and sees the pins directly, once a change
 * scheduled ahead of its clock has happened. */
static int sampled_ipl(const M68k *cpu)
{
    const M68kState *s = &cpu->state;
    uint32_t sample_clock = s->stopped ? (uint32_t)s->cycles : LAST_BUS_CLOCK(cpu) + 2u;
    if (change_ahead_of(cpu, sample_clock))
        return (int)IPL_PREVIOUS(cpu);
    return s->ipl;
}

/* Level 7 is taken on each rising edge even under mask 7; any level above
 * the mask is taken (MC68000 UM 6.3.2). */
static int pending_interrupt(M68k *cpu)
{
    M68kState *s = &cpu->state;
    int mask = (s->sr >> 8) & 7, level = sampled_ipl(cpu);
    if (level == 7 && s->nmi_edge)
        return 7;
    return level > mask ? level : 0;
}

_Static_assert(offsetof(M68kState, stopped) == offsetof(M68kState, nmi_edge) + 1 &&
                   offsetof(M68kState, halted) == offsetof(M68kState, nmi_edge) + 2 &&
                   offsetof(M68kState, trace_pending) == offsetof(M68kState, nmi_edge) + 3,
               "the boundary check reads these four flags as one word");

/* Anything to do at this instruction boundary besides the next opcode. */
static inline int needs_attention(const M68kState *s)
{
    /* nmi_edge, stopped, halted and trace_pending sit side by side. */
    uint32_t flags;
    memcpy(&flags, &s->nmi_edge, sizeof flags);
    /* A level dropped by a change still ahead of the sampling point counts
     * too (IPL_PREVIOUS is brought level with ipl once the change is past). */
    unsigned mask = (s->sr >> 8) & 7;
    return flags | (s->ipl > mask) | (s->scratch[5] > mask);
}

static inline void execute_instruction(M68k *cpu)
{
    M68kState *s = &cpu->state;
    if (cpu->instr_hook)
        cpu->instr_hook(cpu->hook_ctx, cpu);
    uint16_t op = s->ir;
    uint16_t tracing = s->sr & SR_T;
    INSTR_START(cpu) = s->pc - 4;
    FAULT_PC(cpu) = s->pc - 2;
    NO_TRACE(cpu) = 0;
    s->instructions++;
    m68k_op_table[m68k_decode_table[op]](cpu, op);
    /* Illegal, line A/F and privilege traps are not traced (MC68000 UM 6.3.8). */
    if (tracing && !NO_TRACE(cpu))
        s->trace_pending = 1;
}

/* A stopped or halted CPU does nothing on the bus until an interrupt (or a
 * reset), so m68k_run takes all the 4-clock idle slots of its slice at once,
 * ending exactly where slot-by-slot stepping would; m68k_step takes one. */
static void idle_slots(M68k *cpu, bool whole_slice)
{
    M68kState *s = &cpu->state;
    uint64_t until = cpu->run_until;
    if (!whole_slice || until <= s->cycles) {
        idle(cpu, 4);
        return;
    }
    /* Stop early at an IPL change that lies ahead of the CPU's clock. */
    uint64_t change = ipl_change_clock(cpu);
    if (change > s->cycles && change < until)
        until = change;
    idle(cpu, (unsigned)(((until - s->cycles + 3) / 4) * 4));
}

/* Trace, interrupts, STOP and the halted state: one exception or idle slot(s). */
static void attend(M68k *cpu, bool whole_slice)
{
    M68kState *s = &cpu->state;
    if (s->halted) {
        idle_slots(cpu, whole_slice);
        return;
    }
    if (s->trace_pending) {
        /* After STOP the next instruction is at PC itself (no refill). */
        uint32_t next = s->stopped ? s->pc : s->pc - 4;
        s->trace_pending = 0;
        idle(cpu, 4);
        m68k_group12_exception(cpu, 9, next);
        return;
    }
    int level = pending_interrupt(cpu);
    if (!change_ahead_of(cpu, (uint32_t)s->cycles))
        IPL_PREVIOUS(cpu) = s->ipl; /* the change is past: nothing older to sample */
    if (level) {
        if (level == 7)
            s->nmi_edge = 0;
        take_interrupt(cpu, level);
        return;
    }
    if (s->stopped) {
        idle_slots(cpu, whole_slice);
        return;
    }
    execute_instruction(cpu);
}

static void step_body(M68k *cpu)
{
    if (needs_attention(&cpu->state))
        attend(cpu, false);
    else
        execute_instruction(cpu);
}

int m68k_step(M68k *cpu)
{
    uint64_t start = cpu->state.cycles;
    jmp_buf jb;
    void *saved = cpu->fault_jmp;
    cpu->fault_jmp = &jb;
    if (setjmp(jb) == 0)
        step_body(cpu);
    cpu->fault_jmp = saved;
    return (int)(cpu->state.cycles - start);
}

uint64_t m68k_run(M68k *cpu, uint64_t until)
{
    uint64_t start = cpu->state.cycles;
    jmp_buf jb;
    void *saved = cpu->fault_jmp;
    cpu->run_until = until;
    cpu->fault_jmp = &jb;
    /* An address error unwinds to here; the loop then carries on. */
    (void)setjmp(jb);
    while (cpu->state.cycles < cpu->run_until) {
        if (needs_attention(&cpu->state))
            attend(cpu, true);
        else
            execute_instruction(cpu);
    }
    cpu->fault_jmp = saved;
    return cpu->state.cycles - start;
}

void m68k_end_run(M68k *cpu) { cpu->run_until = 0; }

void m68k_halt(M68k *cpu)
{
    cpu->state.halted = 1;
    cpu->state.stopped = 0;
    cpu->state.trace_pending = 0;
    m68k_end_run(cpu);
}

void m68k_set_ipl_at(M68k *cpu, int level, uint64_t clock)
{
    M68kState *s = &cpu->state;
    level &= 7;
    if (level == s->ipl)
        return;
    if (level == 7)
        s->nmi_edge = 1;
    IPL_PREVIOUS(cpu) = s->ipl;
    IPL_CHANGE_CLOCK(cpu) = (uint32_t)clock;
    IPL_CHANGE_HIGH(cpu) = (uint32_t)(clock >> 32);
    s->ipl = (uint8_t)level;
}

void m68k_set_ipl(M68k *cpu, int level) { m68k_set_ipl_at(cpu, level, cpu->state.cycles); }

void m68k_add_cycles(M68k *cpu, uint32_t clocks) { cpu->state.cycles += clocks; }

uint32_t m68k_get_reg(const M68k *cpu, M68kReg reg)
{
    const M68kState *s = &cpu->state;
    switch (reg) {
    case M68K_REG_USP: return (s->sr & SR_S) ? s->other_sp : s->a[7];
    case M68K_REG_SSP: return (s->sr & SR_S) ? s->a[7] : s->other_sp;
    case M68K_REG_SR: return s->sr;
    case M68K_REG_PC: return s->pc;
    case M68K_REG_IR: return s->ir;
    case M68K_REG_IRC: return s->irc;
    default:
        if (reg <= M68K_REG_D7)
            return s->d[reg];
        if (reg <= M68K_REG_A7)
            return s->a[reg - M68K_REG_A0];
        return 0;
    }
}

void m68k_set_reg(M68k *cpu, M68kReg reg, uint32_t value)
{
    M68kState *s = &cpu->state;
    switch (reg) {
    case M68K_REG_USP:
        if (s->sr & SR_S)
            s->other_sp = value;
        else
            s->a[7] = value;
        return;
    case M68K_REG_SSP:
        if (s->sr & SR_S)
            s->a[7] = value;
        else
            s->other_sp = value;
        return;
    case M68K_REG_SR: m68k_set_sr(cpu, (uint16_t)value); return;
    case M68K_REG_PC: s->pc = value; return;
    case M68K_REG_IR: s->ir = (uint16_t)value; return;
    case M68K_REG_IRC: s->irc = (uint16_t)value; return;
    default:
        if (reg <= M68K_REG_D7)
            s->d[reg] = value;
        else if (reg <= M68K_REG_A7)
            s->a[reg - M68K_REG_A0] = value;
        return;
    }
}
