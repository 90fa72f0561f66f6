/* m68k_exception.c - exception processing: group 0 (address error, with its
 * 7-word frame), groups 1/2 (3-word frame), interrupts and trace.
 * Frame layouts and vector numbers: MC68000 User's Manual section 6. */
#include "m68k_internal.h"

void m68k_set_sr(M68k *cpu, uint16_t sr)
{
    M68kState *s = &cpu->state;
    sr &= SR_MASK;
    if ((sr ^ s->sr) & SR_S) {
        uint32_t t = s->a[7];
        s->a[7] = s->other_sp;
        s->other_sp = t;
    }
    s->sr = sr;
}

/* Vector fetch and queue refill shared by every exception. */
static void exception_enter(M68k *cpu, int vector)
{
    uint32_t target = rd32(cpu, (uint32_t)vector * 4u);
    M68kState *s = &cpu->state;
    s->ir = fetch_word(cpu, target);
    idle(cpu, 2);
    s->irc = fetch_word(cpu, target + 2);
    s->pc = target + 4;
}

void m68k_group12_exception(M68k *cpu, int vector, uint32_t stacked_pc)
{
    M68kState *s = &cpu->state;
    uint16_t old_sr = s->sr;
    m68k_set_sr(cpu, (uint16_t)((old_sr | SR_S) & ~SR_T));
    s->stopped = 0;
    s->a[7] -= 6;
    wr16(cpu, s->a[7] + 4, stacked_pc & 0xFFFFu);
    wr16(cpu, s->a[7], old_sr);
    wr16(cpu, s->a[7] + 2, stacked_pc >> 16);
    exception_enter(cpu, vector);
}

/* A bus/address error while handling a group 0 exception halts the CPU. */
static _Noreturn void double_fault(M68k *cpu)
{
    cpu->state.halted = 1;
    IN_GROUP0(cpu) = 0;
    longjmp(*(jmp_buf *)cpu->fault_jmp, 1);
}

/* A word of the group 0 frame; the frame itself faulting is a double fault. */
static void frame_word(M68k *cpu, uint32_t addr, uint32_t v)
{
    if (addr & 1) {
        idle(cpu, 4);
        double_fault(cpu);
    }
    bus_write16(cpu, addr, (uint16_t)v);
}

_Noreturn void m68k_address_error(M68k *cpu, uint32_t addr, int read, int fc_space)
{
    M68kState *s = &cpu->state;
    idle(cpu, 4); /* the aborted bus cycle */
    if (IN_GROUP0(cpu))
        double_fault(cpu);
    IN_GROUP0(cpu) = 1;
    idle(cpu, 8);
    uint16_t old_sr = s->sr;
    unsigned fc = (unsigned)((old_sr & SR_S) ? 4 : 0) | (unsigned)fc_space;
    /* IR as it stands: after an early prefetch it already holds the next opcode. */
    uint16_t status = (uint16_t)((s->ir & 0xFFE0u) | (read ? 0x10u : 0u) | fc);
    uint32_t pc = FAULT_PC(cpu);
    m68k_set_sr(cpu, (uint16_t)((old_sr | SR_S) & ~SR_T));
    s->a[7] -= 14;
    uint32_t sp = s->a[7];
    frame_word(cpu, sp + 12, pc & 0xFFFFu);
    frame_word(cpu, sp + 8, old_sr);
    frame_word(cpu, sp + 10, pc >> 16);
    frame_word(cpu, sp + 6, s->ir);
    frame_word(cpu, sp + 4, addr & 0xFFFFu);
    frame_word(cpu, sp, status);
    frame_word(cpu, sp + 2, addr >> 16);
    exception_enter(cpu, 3);
    IN_GROUP0(cpu) = 0;
    s->trace_pending = 0;
    longjmp(*(jmp_buf *)cpu->fault_jmp, 1);
}

void m68k_op_illegal(M68k *cpu, uint16_t op)
{
    (void)op;
    NO_TRACE(cpu) = 1;
    idle(cpu, 4);
    m68k_group12_exception(cpu, 4, INSTR_START(cpu));
}

void m68k_privilege_violation(M68k *cpu)
{
    NO_TRACE(cpu) = 1;
    idle(cpu, 4);
    m68k_group12_exception(cpu, 8, INSTR_START(cpu));
}
