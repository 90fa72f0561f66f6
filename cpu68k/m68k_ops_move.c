/* m68k_ops_move.c - data movement: MOVE MOVEA MOVEM MOVEP LEA PEA and the
 * moves to/from SR, CCR and USP with the immediate SR/CCR logic ops. */
#include "m68k_internal.h"

/* What a faulting MOVE.l write leaves in the stacked SR: the long goes
 * through the ALU a word at a time around the bus cycles, so the flags
 * seen depend on how far the microcode got (observed on the hardware-derived
 * test data). A complete write always ends with the full long's flags. */
M68K_INLINE void long_flags_before_write(M68k *cpu, uint32_t v, int smode, int sreg, int dmode, int dreg)
{
    int src_is_reg = smode <= 1 || (smode == 7 && sreg == 4);
    uint16_t old = cpu->state.sr;
    if (dmode == 2 || dmode == 3 || (dmode == 7 && dreg == 1 && !src_is_reg)) {
        if (!src_is_reg)
            flags_logic(cpu, v, SZ_W);
    } else if ((dmode == 5 || dmode == 6) && src_is_reg) {
        flags_logic(cpu, v >> 16, SZ_W);
        cpu->state.sr = (uint16_t)((cpu->state.sr & ~(SR_V | SR_C)) | (old & (SR_V | SR_C)));
    } else {
        flags_logic(cpu, v >> 16, SZ_W);
    }
}

M68K_INLINE void move_impl(M68k *cpu, uint16_t op, int sz)
{
    M68kState *s = &cpu->state;
    int smode = (op >> 3) & 7;
    int dmode = (op >> 6) & 7, dreg = (op >> 9) & 7;
    Ea src;
    m68k_ea_resolve(cpu, smode, op & 7, sz, &src);
    uint32_t v = m68k_ea_read(cpu, &src, sz);
    if (dmode == 0) {
        prefetch_next(cpu);
        set_dreg(cpu, dreg, sz, v);
        flags_logic(cpu, v, sz);
        return;
    }
    /* A faulting write stacks the PC as it stood after the source words;
     * abs.l destinations of register sources have fetched one word more. */
    FAULT_PC(cpu) = s->pc;
    uint32_t addr;
    int late_refill = 0;
    unsigned step = (sz == SZ_B && dreg == 7) ? 2u : sz_bytes(sz);
    switch (dmode) {
    case 2: addr = s->a[dreg]; break;
    case 3: addr = s->a[dreg]; break; /* incremented once the write is done */
    case 4: s->a[dreg] -= step; addr = s->a[dreg]; break;
    case 5: addr = s->a[dreg] + (uint32_t)sext16(next_ext(cpu)); break;
    case 6: {
        idle(cpu, 2); /* the index add precedes the extension fetch */
        uint16_t ext = next_ext(cpu);
        addr = s->a[dreg] + index_value(cpu, ext);
        break;
    }
    default:
        if (dreg == 0) {
            addr = (uint32_t)sext16(next_ext(cpu));
        } else if (smode <= 1 || (smode == 7 && (op & 7) == 4)) {
            addr = next_ext32(cpu);
            FAULT_PC(cpu) += 2;
        } else {
            /* After a memory source the low address word is used straight
             * from IRC; IRC is refilled after the write. */
            uint32_t hi = next_ext(cpu);
            addr = (hi << 16) | s->irc;
            late_refill = 1;
        }
        break;
    }
    if (sz == SZ_L)
        long_flags_before_write(cpu, v, smode, op & 7, dmode, dreg);
    else
        flags_logic(cpu, v, sz);
    if (dmode == 4) {
        if (sz == SZ_L) {
            /* The next word is fetched first but only enters IR after
             * the write; low word first, An moves once both are out. */
            uint16_t next = fetch_word(cpu, s->pc);
            s->a[dreg] += 4;
            wr32_low_first(cpu, addr, v);
            s->a[dreg] -= 4;
            flags_logic(cpu, v, sz);
            s->ir = s->irc;
            s->irc = next;
            s->pc += 2;
            return;
        } else {
            prefetch_next(cpu);
            wr_sz(cpu, addr, sz, v);
            return;
        }
    } else {
        wr_sz(cpu, addr, sz, v);
    }
    if (dmode == 3)
        s->a[dreg] += step;
    flags_logic(cpu, v, sz);
    if (late_refill) {
        s->irc = fetch_word(cpu, s->pc);
        s->pc += 2;
    }
    prefetch_next(cpu);
}

/* A handler per size, destination mode and (M68K_MODED_HANDLERS) source mode. */
#define MOVE_TO(dm) \
    M68K_INLINE void move_to_##dm(M68k *cpu, uint16_t op, int sz) { move_impl(cpu, M68K_WITH_DEST_MODE(op, dm), sz); } \
    M68K_MODED_HANDLERS(move_b_##dm, move_to_##dm, SZ_B) \
    M68K_MODED_HANDLERS(move_w_##dm, move_to_##dm, SZ_W) \
    M68K_MODED_HANDLERS(move_l_##dm, move_to_##dm, SZ_L)
MOVE_TO(0)
MOVE_TO(1)
MOVE_TO(2)
MOVE_TO(3)
MOVE_TO(4)
MOVE_TO(5)
MOVE_TO(6)
MOVE_TO(7)


M68K_INLINE void movea_impl(M68k *cpu, uint16_t op, int sz)
{
    Ea src;
    m68k_ea_resolve(cpu, (op >> 3) & 7, op & 7, sz, &src);
    uint32_t v = m68k_ea_read(cpu, &src, sz);
    if (sz == SZ_W)
        v = (uint32_t)sext16(v);
    prefetch_next(cpu);
    cpu->state.a[(op >> 9) & 7] = v;
}
M68K_SIZED2_HANDLERS(movea, movea_impl)

void m68k_op_movem_to_mem(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int sz = (op & 0x40) ? SZ_L : SZ_W, mode = (op >> 3) & 7, reg = op & 7;
    uint16_t mask = next_ext(cpu);
    if (mode == 4) {
        uint32_t addr = s->a[reg];
        FAULT_PC(cpu) = s->pc;
        for (int i = 0; i < 16; i++) {
            if (!(mask & (1u << i)))
                continue;
            int r = 15 - i;
            uint32_t v = r < 8 ? s->d[r] : s->a[r - 8];
            if (sz == SZ_L) {
                addr -= 4;
                wr32_low_first(cpu, addr, v);
            } else {
                addr -= 2;
                wr16(cpu, addr, v);
            }
        }
        s->a[reg] = addr;
        prefetch_next(cpu);
        return;
    }
    uint32_t addr = m68k_ea_address(cpu, mode, reg);
    FAULT_PC(cpu) = s->pc;
    for (int r = 0; r < 16; r++) {
        if (!(mask & (1u << r)))
            continue;
        uint32_t v = r < 8 ? s->d[r] : s->a[r - 8];
        wr_sz(cpu, addr, sz, v);
        addr += sz_bytes(sz);
    }
    prefetch_next(cpu);
}

void m68k_op_movem_to_reg(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int sz = (op & 0x40) ? SZ_L : SZ_W, mode = (op >> 3) & 7, reg = op & 7;
    uint16_t mask = next_ext(cpu);
    uint32_t addr = mode == 3 ? s->a[reg] : m68k_ea_address(cpu, mode, reg);
    int space = (mode == 7 && (reg == 2 || reg == 3)) ? FC_PROGRAM : FC_DATA;
    FAULT_PC(cpu) = s->pc;
    for (int r = 0; r < 16; r++) {
        if (!(mask & (1u << r)))
            continue;
        uint32_t v = sz == SZ_L ? rd32_fc(cpu, addr, space) : (uint32_t)sext16(rd16_fc(cpu, addr, space));
        if (r < 8)
            s->d[r] = v;
        else
            s->a[r - 8] = v;
        addr += sz_bytes(sz);
    }
    /* The 68000 reads one word past the last register. */
    rd16_fc(cpu, addr, space);
    if (mode == 3)
        s->a[reg] = addr;
    prefetch_next(cpu);
}

void m68k_op_movep(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int dn = (op >> 9) & 7, opm = (op >> 6) & 7;
    uint32_t addr = s->a[op & 7] + (uint32_t)sext16(next_ext(cpu));
    int bytes = (opm & 1) ? 4 : 2;
    if (opm >= 6) {
        uint32_t v = s->d[dn];
        for (int i = bytes - 1; i >= 0; i--) {
            wr8(cpu, addr, v >> (8 * i));
            addr += 2;
        }
    } else {
        uint32_t v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | rd8(cpu, addr);
            addr += 2;
        }
        set_dreg(cpu, dn, bytes == 4 ? SZ_L : SZ_W, v);
    }
    prefetch_next(cpu);
}

void m68k_op_lea(M68k *cpu, uint16_t op)
{
    int mode = (op >> 3) & 7, reg = op & 7;
    uint32_t addr = m68k_ea_address(cpu, mode, reg);
    if (mode == 6 || (mode == 7 && reg == 3))
        idle(cpu, 2);
    prefetch_next(cpu);
    cpu->state.a[(op >> 9) & 7] = addr;
}

void m68k_op_pea(M68k *cpu, uint16_t op)
{
    int mode = (op >> 3) & 7, reg = op & 7;
    uint32_t addr = m68k_ea_address(cpu, mode, reg);
    if (mode == 6 || (mode == 7 && reg == 3))
        idle(cpu, 2);
    FAULT_PC(cpu) = cpu->state.pc;
    if (mode == 7 && reg <= 1) {
        push32(cpu, addr);
        prefetch_next(cpu);
    } else {
        prefetch_next(cpu);
        push32(cpu, addr);
    }
}

void m68k_op_move_from_sr(M68k *cpu, uint16_t op)
{
    int mode = (op >> 3) & 7;
    if (mode == 0) {
        prefetch_next(cpu);
        idle(cpu, 2);
        set_dreg(cpu, op & 7, SZ_W, cpu->state.sr);
        return;
    }
    Ea ea;
    m68k_ea_resolve(cpu, mode, op & 7, SZ_W, &ea);
    m68k_ea_read(cpu, &ea, SZ_W);
    prefetch_next(cpu);
    m68k_ea_write(cpu, &ea, SZ_W, cpu->state.sr);
}

static uint16_t read_word_operand(M68k *cpu, uint16_t op)
{
    Ea ea;
    m68k_ea_resolve(cpu, (op >> 3) & 7, op & 7, SZ_W, &ea);
    return (uint16_t)m68k_ea_read(cpu, &ea, SZ_W);
}

void m68k_op_move_to_ccr(M68k *cpu, uint16_t op)
{
    uint16_t v = read_word_operand(cpu, op);
    idle(cpu, 4);
    cpu->state.irc = fetch_word(cpu, cpu->state.pc - 2);
    prefetch_next(cpu);
    set_ccr(cpu, v);
}

void m68k_op_move_to_sr(M68k *cpu, uint16_t op)
{
    if (!(cpu->state.sr & SR_S)) {
        m68k_privilege_violation(cpu);
        return;
    }
    uint16_t v = read_word_operand(cpu, op);
    idle(cpu, 4);
    m68k_set_sr(cpu, v);
    cpu->state.irc = fetch_word(cpu, cpu->state.pc - 2);
    prefetch_next(cpu);
}

void m68k_op_move_to_usp(M68k *cpu, uint16_t op)
{
    if (!(cpu->state.sr & SR_S)) {
        m68k_privilege_violation(cpu);
        return;
    }
    prefetch_next(cpu);
    cpu->state.other_sp = cpu->state.a[op & 7];
}

void m68k_op_move_from_usp(M68k *cpu, uint16_t op)
{
    if (!(cpu->state.sr & SR_S)) {
        m68k_privilege_violation(cpu);
        return;
    }
    prefetch_next(cpu);
    cpu->state.a[op & 7] = cpu->state.other_sp;
}

/* ORI/ANDI/EORI to CCR and SR: 20 clocks, the queue is refilled after. */
enum { LOGIC_OR, LOGIC_AND, LOGIC_EOR };

static uint16_t apply_logic(int kind, uint16_t v, uint16_t imm)
{
    return kind == LOGIC_OR ? (uint16_t)(v | imm) : kind == LOGIC_AND ? (uint16_t)(v & imm) : (uint16_t)(v ^ imm);
}

static void logic_sr(M68k *cpu, int kind, int whole_sr)
{
    if (whole_sr && !(cpu->state.sr & SR_S)) {
        m68k_privilege_violation(cpu);
        return;
    }
    uint16_t imm = next_ext(cpu);
    idle(cpu, 8);
    if (whole_sr)
        m68k_set_sr(cpu, apply_logic(kind, cpu->state.sr, imm));
    else
        set_ccr(cpu, apply_logic(kind, cpu->state.sr & 0xFF, imm));
    cpu->state.irc = fetch_word(cpu, cpu->state.pc - 2);
    prefetch_next(cpu);
}

void m68k_op_ori_ccr(M68k *cpu, uint16_t op) { (void)op; logic_sr(cpu, LOGIC_OR, 0); }
void m68k_op_andi_ccr(M68k *cpu, uint16_t op) { (void)op; logic_sr(cpu, LOGIC_AND, 0); }
void m68k_op_eori_ccr(M68k *cpu, uint16_t op) { (void)op; logic_sr(cpu, LOGIC_EOR, 0); }
void m68k_op_ori_sr(M68k *cpu, uint16_t op) { (void)op; logic_sr(cpu, LOGIC_OR, 1); }
void m68k_op_andi_sr(M68k *cpu, uint16_t op) { (void)op; logic_sr(cpu, LOGIC_AND, 1); }
void m68k_op_eori_sr(M68k *cpu, uint16_t op) { (void)op; logic_sr(cpu, LOGIC_EOR, 1); }
