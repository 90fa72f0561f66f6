/* m68k_ops_alu.c - two-operand arithmetic and logic: ADD SUB AND OR EOR CMP
 * in their register/memory, address-register, immediate and quick forms.
 * Clock counts follow MC68000 UM tables 8-4..8-7. */
#include "m68k_internal.h"

enum { ALU_ADD, ALU_SUB, ALU_AND, ALU_OR, ALU_EOR, ALU_CMP };

M68K_INLINE uint32_t alu(M68k *cpu, int kind, uint32_t dst, uint32_t src, int sz)
{
    uint32_t r;
    switch (kind) {
    case ALU_ADD: return alu_add(cpu, dst, src, sz, 0, 0);
    case ALU_SUB: return alu_sub(cpu, dst, src, sz, 0, 0, 1);
    case ALU_CMP: alu_sub(cpu, dst, src, sz, 0, 0, 0); return dst;
    case ALU_AND: r = dst & src; break;
    case ALU_OR: r = dst | src; break;
    default: r = dst ^ src; break;
    }
    flags_logic(cpu, r, sz);
    return r & sz_mask(sz);
}

/* <ea>,Dn */
M68K_INLINE void ea_to_dn(M68k *cpu, uint16_t op, int kind, int sz)
{
    int dn = (op >> 9) & 7;
    Ea ea;
    m68k_ea_resolve(cpu, (op >> 3) & 7, op & 7, sz, &ea);
    uint32_t src = m68k_ea_read(cpu, &ea, sz);
    prefetch_next(cpu);
    if (sz == SZ_L)
        idle(cpu, (kind == ALU_CMP || ea.kind == EA_MEM) ? 2 : 4);
    uint32_t r = alu(cpu, kind, cpu->state.d[dn] & sz_mask(sz), src, sz);
    if (kind != ALU_CMP)
        set_dreg(cpu, dn, sz, r);
}

/* Dn,<ea> */
M68K_INLINE void dn_to_ea(M68k *cpu, uint16_t op, int kind, int sz)
{
    int dn = (op >> 9) & 7, mode = (op >> 3) & 7;
    uint32_t src = cpu->state.d[dn] & sz_mask(sz);
    if (mode == 0) { /* EOR Dn,Dm */
        prefetch_next(cpu);
        if (sz == SZ_L)
            idle(cpu, 4);
        set_dreg(cpu, op & 7, sz, alu(cpu, kind, cpu->state.d[op & 7] & sz_mask(sz), src, sz));
        return;
    }
    Ea ea;
    m68k_ea_resolve(cpu, mode, op & 7, sz, &ea);
    uint32_t dst = m68k_ea_read(cpu, &ea, sz);
    prefetch_next(cpu);
    m68k_ea_write(cpu, &ea, sz, alu(cpu, kind, dst, src, sz));
}

#define ALU_FORMS(name, kind) \
    M68K_INLINE void name##_impl(M68k *cpu, uint16_t op, int sz) \
    { \
        if (op & 0x100) \
            dn_to_ea(cpu, op, kind, sz); \
        else \
            ea_to_dn(cpu, op, kind, sz); \
    } \
    M68K_MSIZED3_HANDLERS(name, name##_impl)
ALU_FORMS(add, ALU_ADD)
ALU_FORMS(sub, ALU_SUB)
ALU_FORMS(and, ALU_AND)
ALU_FORMS(or, ALU_OR)

M68K_INLINE void eor_impl(M68k *cpu, uint16_t op, int sz) { dn_to_ea(cpu, op, ALU_EOR, sz); }
M68K_INLINE void cmp_impl(M68k *cpu, uint16_t op, int sz) { ea_to_dn(cpu, op, ALU_CMP, sz); }
M68K_MSIZED3_HANDLERS(eor, eor_impl)
M68K_MSIZED3_HANDLERS(cmp, cmp_impl)

/* ADDA/SUBA/CMPA: word sources are sign-extended, the whole An is used. */
M68K_INLINE void addr_op(M68k *cpu, uint16_t op, int kind, int sz)
{
    int an = (op >> 9) & 7;
    Ea ea;
    m68k_ea_resolve(cpu, (op >> 3) & 7, op & 7, sz, &ea);
    uint32_t src = m68k_ea_read(cpu, &ea, sz);
    if (sz == SZ_W)
        src = (uint32_t)sext16(src);
    prefetch_next(cpu);
    if (kind == ALU_CMP) {
        idle(cpu, 2);
        alu_sub(cpu, cpu->state.a[an], src, SZ_L, 0, 0, 0);
        return;
    }
    idle(cpu, (sz == SZ_W || ea.kind != EA_MEM) ? 4 : 2);
    cpu->state.a[an] = kind == ALU_ADD ? cpu->state.a[an] + src : cpu->state.a[an] - src;
}
M68K_INLINE void adda_impl(M68k *cpu, uint16_t op, int sz) { addr_op(cpu, op, ALU_ADD, sz); }
M68K_INLINE void suba_impl(M68k *cpu, uint16_t op, int sz) { addr_op(cpu, op, ALU_SUB, sz); }
M68K_INLINE void cmpa_impl(M68k *cpu, uint16_t op, int sz) { addr_op(cpu, op, ALU_CMP, sz); }
M68K_MSIZED2_HANDLERS(adda, adda_impl)
M68K_MSIZED2_HANDLERS(suba, suba_impl)
M68K_MSIZED2_HANDLERS(cmpa, cmpa_impl)

/* ORI ANDI SUBI ADDI EORI CMPI to <ea> */
M68K_INLINE void imm_op(M68k *cpu, uint16_t op, int kind, int sz)
{
    int mode = (op >> 3) & 7;
    uint32_t imm;
    if (sz == SZ_L) {
        imm = next_ext32(cpu);
        FAULT_PC(cpu) += 4;
    } else {
        imm = next_ext(cpu) & sz_mask(sz);
        FAULT_PC(cpu) += 2;
    }
    if (mode == 0) {
        int dn = op & 7;
        prefetch_next(cpu);
        if (sz == SZ_L)
            idle(cpu, kind == ALU_CMP ? 2 : 4);
        uint32_t r = alu(cpu, kind, cpu->state.d[dn] & sz_mask(sz), imm, sz);
        if (kind != ALU_CMP)
            set_dreg(cpu, dn, sz, r);
        return;
    }
    Ea ea;
    m68k_ea_resolve(cpu, mode, op & 7, sz, &ea);
    uint32_t dst = m68k_ea_read(cpu, &ea, sz);
    prefetch_next(cpu);
    uint32_t r = alu(cpu, kind, dst, imm, sz);
    if (kind != ALU_CMP)
        m68k_ea_write(cpu, &ea, sz, r);
}
#define IMM_FORM(name, kind) \
    M68K_INLINE void name##_impl(M68k *cpu, uint16_t op, int sz) { imm_op(cpu, op, kind, sz); } \
    M68K_SIZED3_HANDLERS(name, name##_impl)
IMM_FORM(ori, ALU_OR)
IMM_FORM(andi, ALU_AND)
IMM_FORM(subi, ALU_SUB)
IMM_FORM(addi, ALU_ADD)
IMM_FORM(eori, ALU_EOR)
IMM_FORM(cmpi, ALU_CMP)

/* ADDQ/SUBQ: 1..8; to An it is a flagless 32-bit operation. */
M68K_INLINE void quick_op(M68k *cpu, uint16_t op, int kind, int sz)
{
    int mode = (op >> 3) & 7, reg = op & 7;
    uint32_t data = (uint32_t)((op >> 9) & 7);
    if (!data)
        data = 8;
    if (mode == 1) {
        prefetch_next(cpu);
        idle(cpu, 4);
        cpu->state.a[reg] = kind == ALU_ADD ? cpu->state.a[reg] + data : cpu->state.a[reg] - data;
        return;
    }
    if (mode == 0) {
        prefetch_next(cpu);
        if (sz == SZ_L)
            idle(cpu, 4);
        set_dreg(cpu, reg, sz, alu(cpu, kind, cpu->state.d[reg] & sz_mask(sz), data, sz));
        return;
    }
    Ea ea;
    m68k_ea_resolve(cpu, mode, reg, sz, &ea);
    uint32_t dst = m68k_ea_read(cpu, &ea, sz);
    prefetch_next(cpu);
    m68k_ea_write(cpu, &ea, sz, alu(cpu, kind, dst, data, sz));
}
M68K_INLINE void addq_impl(M68k *cpu, uint16_t op, int sz) { quick_op(cpu, op, ALU_ADD, sz); }
M68K_INLINE void subq_impl(M68k *cpu, uint16_t op, int sz) { quick_op(cpu, op, ALU_SUB, sz); }
M68K_MSIZED3_HANDLERS(addq, addq_impl)
M68K_MSIZED3_HANDLERS(subq, subq_impl)

/* -(An) operand of ADDX/SUBX: a long is read low word first, and An only
 * moves once both words are in (an odd address faults at An-2). */
static uint32_t read_predec(M68k *cpu, int reg, int sz)
{
    M68kState *s = &cpu->state;
    if (sz == SZ_L) {
        uint32_t lo = rd16(cpu, s->a[reg] - 2);
        uint32_t hi = rd16(cpu, s->a[reg] - 4);
        s->a[reg] -= 4;
        return (hi << 16) | lo;
    }
    s->a[reg] -= (sz == SZ_B && reg == 7) ? 2u : sz_bytes(sz);
    return rd_sz(cpu, s->a[reg], sz);
}

/* ADDX/SUBX: Dy,Dx or -(Ay),-(Ax). */
static void extend_op(M68k *cpu, uint16_t op, int is_sub)
{
    int sz = (op >> 6) & 3, rx = (op >> 9) & 7, ry = op & 7;
    M68kState *s = &cpu->state;
    int x = (s->sr & SR_X) ? 1 : 0;
    if (!(op & 8)) {
        prefetch_next(cpu);
        if (sz == SZ_L)
            idle(cpu, 4);
        uint32_t d = s->d[rx] & sz_mask(sz), v = s->d[ry] & sz_mask(sz);
        set_dreg(cpu, rx, sz, is_sub ? alu_sub(cpu, d, v, sz, x, 1, 1) : alu_add(cpu, d, v, sz, x, 1));
        return;
    }
    FAULT_PC(cpu) = INSTR_START(cpu) + 4;
    idle(cpu, 2);
    uint32_t v = read_predec(cpu, ry, sz);
    uint32_t d = read_predec(cpu, rx, sz);
    uint32_t r = is_sub ? alu_sub(cpu, d, v, sz, x, 1, 1) : alu_add(cpu, d, v, sz, x, 1);
    if (sz == SZ_L) {
        /* Low word, then the prefetch, then the high word. */
        wr16(cpu, s->a[rx] + 2, r & 0xFFFF);
        prefetch_next(cpu);
        wr16(cpu, s->a[rx], r >> 16);
    } else {
        prefetch_next(cpu);
        wr_sz(cpu, s->a[rx], sz, r);
    }
}
void m68k_op_addx(M68k *cpu, uint16_t op) { extend_op(cpu, op, 0); }
void m68k_op_subx(M68k *cpu, uint16_t op) { extend_op(cpu, op, 1); }

/* (An)+ operand of CMPM: a faulting word/long source read has already
 * moved Ay by 2; a faulting destination read leaves Ax alone. */
static uint32_t read_postinc(M68k *cpu, int reg, int sz, int is_source)
{
    M68kState *s = &cpu->state;
    uint32_t addr = s->a[reg];
    if (is_source && sz != SZ_B && (addr & 1))
        s->a[reg] += 2;
    uint32_t v = rd_sz(cpu, addr, sz);
    s->a[reg] = addr + ((sz == SZ_B && reg == 7) ? 2u : sz_bytes(sz));
    return v;
}

void m68k_op_cmpm(M68k *cpu, uint16_t op)
{
    int sz = (op >> 6) & 3, rx = (op >> 9) & 7, ry = op & 7;
    FAULT_PC(cpu) = INSTR_START(cpu) + 4;
    uint32_t v = read_postinc(cpu, ry, sz, 1);
    uint32_t d = read_postinc(cpu, rx, sz, 0);
    prefetch_next(cpu);
    alu_sub(cpu, d, v, sz, 0, 0, 0);
}

/* Single-operand read-modify-write: NEGX NEG NOT CLR. */
enum { UN_NEGX, UN_NEG, UN_NOT, UN_CLR };

M68K_INLINE uint32_t unary(M68k *cpu, int kind, uint32_t v, int sz)
{
    switch (kind) {
    case UN_NEGX: return alu_sub(cpu, 0, v, sz, (cpu->state.sr & SR_X) ? 1 : 0, 1, 1);
    case UN_NEG: return alu_sub(cpu, 0, v, sz, 0, 0, 1);
    case UN_NOT: flags_logic(cpu, ~v, sz); return ~v & sz_mask(sz);
    default: flags_logic(cpu, 0, sz); return 0;
    }
}

M68K_INLINE void unary_op(M68k *cpu, uint16_t op, int kind, int sz)
{
    int mode = (op >> 3) & 7, reg = op & 7;
    if (mode == 0) {
        prefetch_next(cpu);
        if (sz == SZ_L)
            idle(cpu, 2);
        set_dreg(cpu, reg, sz, unary(cpu, kind, cpu->state.d[reg] & sz_mask(sz), sz));
        return;
    }
    Ea ea;
    m68k_ea_resolve(cpu, mode, reg, sz, &ea);
    uint32_t v = m68k_ea_read(cpu, &ea, sz);
    prefetch_next(cpu);
    m68k_ea_write(cpu, &ea, sz, unary(cpu, kind, v, sz));
}
#define UNARY_FORM(name, kind) \
    M68K_INLINE void name##_impl(M68k *cpu, uint16_t op, int sz) { unary_op(cpu, op, kind, sz); } \
    M68K_SIZED3_HANDLERS(name, name##_impl)
UNARY_FORM(negx, UN_NEGX)
UNARY_FORM(neg, UN_NEG)
UNARY_FORM(not, UN_NOT)
UNARY_FORM(clr, UN_CLR)

M68K_INLINE void tst_impl(M68k *cpu, uint16_t op, int sz)
{
    Ea ea;
    m68k_ea_resolve(cpu, (op >> 3) & 7, op & 7, sz, &ea);
    uint32_t v = m68k_ea_read(cpu, &ea, sz);
    prefetch_next(cpu);
    flags_logic(cpu, v, sz);
}
M68K_SIZED3_HANDLERS(tst, tst_impl)

void m68k_op_moveq(M68k *cpu, uint16_t op)
{
    uint32_t v = (uint32_t)sext8(op);
    prefetch_next(cpu);
    cpu->state.d[(op >> 9) & 7] = v;
    flags_logic(cpu, v, SZ_L);
}

void m68k_op_ext(M68k *cpu, uint16_t op)
{
    int reg = op & 7;
    prefetch_next(cpu);
    if (op & 0x40) {
        cpu->state.d[reg] = (uint32_t)sext16(cpu->state.d[reg]);
        flags_logic(cpu, cpu->state.d[reg], SZ_L);
    } else {
        set_dreg(cpu, reg, SZ_W, (uint32_t)sext8(cpu->state.d[reg]));
        flags_logic(cpu, cpu->state.d[reg], SZ_W);
    }
}

void m68k_op_swap(M68k *cpu, uint16_t op)
{
    uint32_t v = cpu->state.d[op & 7];
    prefetch_next(cpu);
    v = (v >> 16) | (v << 16);
    cpu->state.d[op & 7] = v;
    flags_logic(cpu, v, SZ_L);
}

void m68k_op_exg(M68k *cpu, uint16_t op)
{
    M68kState *s = &cpu->state;
    int rx = (op >> 9) & 7, ry = op & 7, opm = (op >> 3) & 0x1F;
    uint32_t *x = opm == 0x09 ? &s->a[rx] : &s->d[rx];
    uint32_t *y = opm == 0x08 ? &s->d[ry] : &s->a[ry];
    prefetch_next(cpu);
    idle(cpu, 2);
    uint32_t t = *x;
    *x = *y;
    *y = t;
}
