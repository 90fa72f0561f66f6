/* m68k_ops_flow.c - program flow and system control: Bcc BSR DBcc Scc JMP
 * JSR RTS RTE RTR LINK UNLK TRAP TRAPV RESET NOP STOP and line A/F traps. */
#include "m68k_internal.h"

void m68k_op_bcc(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    uint32_t base = INSTR_START(cpu) + 2;
    int8_t disp8 = (int8_t)(op & 0xFF);
    int cc = (op >> 8) & 15;
    if (test_cc(s->sr, cc)) {
        uint32_t disp = disp8 ? (uint32_t)(int32_t)disp8 : (uint32_t)sext16(s->irc);
        idle(cpu, 2);
        m68k_jump(cpu, base + disp);
        return;
    }
    idle(cpu, 4);
    if (!disp8)
        next_ext(cpu);
    prefetch_next(cpu);
}

void m68k_op_bsr(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    uint32_t base = INSTR_START(cpu) + 2;
    int8_t disp8 = (int8_t)(op & 0xFF);
    uint32_t disp = disp8 ? (uint32_t)(int32_t)disp8 : (uint32_t)sext16(s->irc);
    uint32_t ret = disp8 ? base : base + 2;
    idle(cpu, 2);
    FAULT_PC(cpu) = base + disp;
    push32(cpu, ret);
    m68k_jump(cpu, base + disp);
}

void m68k_op_dbcc(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int reg = op & 7;
    uint32_t target = INSTR_START(cpu) + 2 + (uint32_t)sext16(s->irc);
    if (test_cc(s->sr, (op >> 8) & 15)) {
        idle(cpu, 4);
        next_ext(cpu);
        prefetch_next(cpu);
        return;
    }
    uint16_t count = (uint16_t)(s->d[reg] - 1);
    idle(cpu, 2);
    if (count != 0xFFFF) {
        /* A faulting branch fetch leaves the counter as it was. */
        FAULT_PC(cpu) = INSTR_START(cpu) + 4;
        if (target & 1)
            m68k_address_error(cpu, target, ACC_READ, FC_PROGRAM);
        set_dreg(cpu, reg, SZ_W, count);
        m68k_jump(cpu, target);
        return;
    }
    set_dreg(cpu, reg, SZ_W, count);
    idle(cpu, 4);
    next_ext(cpu);
    prefetch_next(cpu);
}

void m68k_op_scc(M68k *cpu, uint16_t op)
{
    int mode = (op >> 3) & 7;
    uint32_t v = test_cc(cpu->state.sr, (op >> 8) & 15) ? 0xFF : 0;
    if (mode == 0) {
        prefetch_next(cpu);
        if (v)
            idle(cpu, 2);
        set_dreg(cpu, op & 7, SZ_B, v);
        return;
    }
    Ea ea;
    m68k_ea_resolve(cpu, mode, op & 7, SZ_B, &ea);
    m68k_ea_read(cpu, &ea, SZ_B);
    prefetch_next(cpu);
    m68k_ea_write(cpu, &ea, SZ_B, v);
}

/* JMP/JSR target: the last extension word is taken from IRC without a refill. */
static uint32_t jump_target(M68k *cpu, uint16_t op, int *ext_words)
{
    M68kState *s = &cpu->state;
    int mode = (op >> 3) & 7, reg = op & 7;
    uint32_t ext_addr = s->pc - 2;
    *ext_words = 1;
    switch (mode) {
    case 2: *ext_words = 0; return s->a[reg];
    case 5: idle(cpu, 2); return s->a[reg] + (uint32_t)sext16(s->irc);
    case 6: idle(cpu, 6); return s->a[reg] + index_value(cpu, s->irc);
    default: break;
    }
    switch (reg) {
    case 0: idle(cpu, 2); return (uint32_t)sext16(s->irc);
    case 1: {
        uint32_t hi = next_ext(cpu);
        *ext_words = 2;
        return (hi << 16) | s->irc;
    }
    case 2: idle(cpu, 2); return ext_addr + (uint32_t)sext16(s->irc);
    default: idle(cpu, 6); return ext_addr + index_value(cpu, s->irc);
    }
}

void m68k_op_jmp(M68k *cpu, uint16_t op)
{
    int ext;
    uint32_t target = jump_target(cpu, op, &ext);
    m68k_jump(cpu, target);
}

void m68k_op_jsr(M68k *cpu, uint16_t op)
{
    int ext;
    uint32_t target = jump_target(cpu, op, &ext);
    uint32_t ret = INSTR_START(cpu) + 2 + 2u * (uint32_t)ext;
    FAULT_PC(cpu) = ret;
    cpu->state.ir = fetch_word(cpu, target);
    push32(cpu, ret);
    cpu->state.irc = fetch_word(cpu, target + 2);
    cpu->state.pc = target + 4;
}

void m68k_op_rts(M68k *cpu, uint16_t op)
{
    (void)op;
    M68kState *s = &cpu->state;
    uint32_t target = rd32(cpu, s->a[7]);
    s->a[7] += 4;
    m68k_jump(cpu, target);
}

void m68k_op_rtr(M68k *cpu, uint16_t op)
{
    (void)op;
    M68kState *s = &cpu->state;
    uint16_t ccr = rd16(cpu, s->a[7]);
    uint32_t target = rd32(cpu, s->a[7] + 2);
    s->a[7] += 6;
    set_ccr(cpu, ccr);
    m68k_jump(cpu, target);
}

void m68k_op_rte(M68k *cpu, uint16_t op)
{
    (void)op;
    M68kState *s = &cpu->state;
    if (!(s->sr & SR_S)) {
        m68k_privilege_violation(cpu);
        return;
    }
    uint16_t sr = rd16(cpu, s->a[7]);
    uint32_t target = rd32(cpu, s->a[7] + 2);
    s->a[7] += 6;
    m68k_set_sr(cpu, sr);
    m68k_jump(cpu, target);
}

void m68k_op_link(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int reg = op & 7;
    int16_t disp = (int16_t)next_ext(cpu);
    push32(cpu, s->a[reg]);
    s->a[reg] = s->a[7];
    s->a[7] += (uint32_t)(int32_t)disp;
    prefetch_next(cpu);
}

void m68k_op_unlk(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int reg = op & 7;
    FAULT_PC(cpu) = INSTR_START(cpu) + 4;
    uint32_t v = rd32(cpu, s->a[reg]);
    s->a[7] = s->a[reg] + 4;
    s->a[reg] = v;
    prefetch_next(cpu);
}

void m68k_op_trap(M68k *cpu, uint16_t op)
{
    idle(cpu, 4);
    m68k_group12_exception(cpu, 32 + (op & 15), INSTR_START(cpu) + 2);
}

void m68k_op_trapv(M68k *cpu, uint16_t op)
{
    (void)op;
    if (cpu->state.sr & SR_V) {
        fetch_word(cpu, cpu->state.pc); /* the next word is read, then dropped */
        m68k_group12_exception(cpu, 7, INSTR_START(cpu) + 2);
        return;
    }
    prefetch_next(cpu);
}

void m68k_op_reset(M68k *cpu, uint16_t op)
{
    (void)op;
    if (!(cpu->state.sr & SR_S)) {
        m68k_privilege_violation(cpu);
        return;
    }
    /* The RESET line is asserted for 124 clocks (MC68000 UM, RESET). */
    idle(cpu, 4);
    if (cpu->bus.reset_out)
        cpu->bus.reset_out(cpu->bus.ctx);
    idle(cpu, 124);
    prefetch_next(cpu);
}

void m68k_op_nop(M68k *cpu, uint16_t op)
{
    (void)op;
    prefetch_next(cpu);
}

void m68k_op_stop(M68k *cpu, uint16_t op)
{
    (void)op;
    M68kState *s = &cpu->state;
    if (!(s->sr & SR_S)) {
        m68k_privilege_violation(cpu);
        return;
    }
    /* The new SR comes from IRC; the queue is not refilled. */
    idle(cpu, 4);
    m68k_set_sr(cpu, s->irc);
    s->stopped = 1;
}

void m68k_op_linea(M68k *cpu, uint16_t op)
{
    (void)op;
    NO_TRACE(cpu) = 1;
    idle(cpu, 4);
    m68k_group12_exception(cpu, 10, INSTR_START(cpu));
}

void m68k_op_linef(M68k *cpu, uint16_t op)
{
    (void)op;
    NO_TRACE(cpu) = 1;
    idle(cpu, 4);
    m68k_group12_exception(cpu, 11, INSTR_START(cpu));
}
