/* m68k_defs.h - the core's shared definitions: SR bits, internal latches,
 * operand sizes, handler helpers. Not part of the public API. */
#ifndef MDEMU_M68K_DEFS_H
#define MDEMU_M68K_DEFS_H

#include <setjmp.h>

#include "m68k.h"

/* Helpers that must fold into their callers (sizes and kinds become constants). */
#if defined(__GNUC__)
#define M68K_INLINE static inline __attribute__((always_inline))
#define M68K_UNLIKELY(c) __builtin_expect(!!(c), 0)
#else
#define M68K_INLINE static inline
#define M68K_UNLIKELY(c) (c)
#endif

#define SR_C 0x0001u
#define SR_V 0x0002u
#define SR_Z 0x0004u
#define SR_N 0x0008u
#define SR_X 0x0010u
#define SR_S 0x2000u
#define SR_T 0x8000u
#define SR_MASK 0xA71Fu /* implemented SR bits (T, S, I2..I0, CCR) */

/* Internal latches kept in state.scratch so that a save state holds them. */
#define FAULT_PC(cpu) ((cpu)->state.scratch[0])   /* PC a group 0 frame stacks */
#define IN_GROUP0(cpu) ((cpu)->state.scratch[1])  /* building a group 0 frame */
#define INSTR_START(cpu) ((cpu)->state.scratch[2])
#define NO_TRACE(cpu) ((cpu)->state.scratch[3])   /* the instruction trapped: no trace */
#define LAST_BUS_CLOCK(cpu) ((cpu)->state.scratch[4]) /* start of the latest bus cycle */
#define IPL_PREVIOUS(cpu) ((cpu)->state.scratch[5])   /* IPL before its latest change */
#define IPL_CHANGE_CLOCK(cpu) ((cpu)->state.scratch[6]) /* when it changed (low 32 bits) */
#define IPL_CHANGE_HIGH(cpu) ((cpu)->state.scratch[7])  /* ... and its high 32 bits */

/* Access kinds for address errors: bit 4 of the frame's status word is R/W. */
enum { ACC_WRITE = 0, ACC_READ = 1 };
enum { FC_DATA = 1, FC_PROGRAM = 2 };

typedef void (*M68kOpFn)(M68k *cpu, uint16_t op);

/* One handler per operand size around an implementation taking the size. */
#define M68K_SIZED3_HANDLERS(name, impl) \
    void m68k_op_##name##_b(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_B); } \
    void m68k_op_##name##_w(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_W); } \
    void m68k_op_##name##_l(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_L); }
/* The handlers of one size for each addressing mode: `op` with bits 5-3
 * set to the constant mode they are only chosen for (the decoder's
 * doing), so the compiler folds every test of the mode. */
#define M68K_WITH_MODE(op, mode) ((uint16_t)(((op) & ~0x38u) | ((mode) << 3)))
/* The same for MOVE's destination mode, bits 8-6. */
#define M68K_WITH_DEST_MODE(op, mode) ((uint16_t)(((op) & ~0x1C0u) | ((mode) << 6)))
#define M68K_MODED_HANDLERS(n, impl, SZ) \
    void m68k_op_##n##_0(M68k *cpu, uint16_t op) { impl(cpu, M68K_WITH_MODE(op, 0), SZ); } \
    void m68k_op_##n##_1(M68k *cpu, uint16_t op) { impl(cpu, M68K_WITH_MODE(op, 1), SZ); } \
    void m68k_op_##n##_2(M68k *cpu, uint16_t op) { impl(cpu, M68K_WITH_MODE(op, 2), SZ); } \
    void m68k_op_##n##_3(M68k *cpu, uint16_t op) { impl(cpu, M68K_WITH_MODE(op, 3), SZ); } \
    void m68k_op_##n##_4(M68k *cpu, uint16_t op) { impl(cpu, M68K_WITH_MODE(op, 4), SZ); } \
    void m68k_op_##n##_5(M68k *cpu, uint16_t op) { impl(cpu, M68K_WITH_MODE(op, 5), SZ); } \
    void m68k_op_##n##_6(M68k *cpu, uint16_t op) { impl(cpu, M68K_WITH_MODE(op, 6), SZ); } \
    void m68k_op_##n##_7(M68k *cpu, uint16_t op) { impl(cpu, M68K_WITH_MODE(op, 7), SZ); }
#define M68K_MSIZED3_HANDLERS(name, impl) \
    M68K_MODED_HANDLERS(name##_b, impl, SZ_B) M68K_MODED_HANDLERS(name##_w, impl, SZ_W) \
    M68K_MODED_HANDLERS(name##_l, impl, SZ_L)
#define M68K_MSIZED2_HANDLERS(name, impl) \
    M68K_MODED_HANDLERS(name##_w, impl, SZ_W) M68K_MODED_HANDLERS(name##_l, impl, SZ_L)
#define M68K_SIZED2_HANDLERS(name, impl) \
    void m68k_op_##name##_w(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_W); } \
    void m68k_op_##name##_l(M68k *cpu, uint16_t op) { impl(cpu, op, SZ_L); }

/* m68k_exception.c */
_Noreturn void m68k_address_error(M68k *cpu, uint32_t addr, int read, int fc_space);
void m68k_group12_exception(M68k *cpu, int vector, uint32_t stacked_pc);
void m68k_set_sr(M68k *cpu, uint16_t sr);

/* Operand sizes as encoded in most opcodes. */
enum { SZ_B = 0, SZ_W = 1, SZ_L = 2 };

static inline uint32_t sz_mask(int sz) { return sz == SZ_B ? 0xFFu : sz == SZ_W ? 0xFFFFu : 0xFFFFFFFFu; }
static inline uint32_t sz_msb(int sz) { return sz == SZ_B ? 0x80u : sz == SZ_W ? 0x8000u : 0x80000000u; }
static inline unsigned sz_bytes(int sz) { return sz == SZ_B ? 1u : sz == SZ_W ? 2u : 4u; }

static inline int32_t sext8(uint32_t v) { return (int32_t)(int8_t)(uint8_t)v; }
static inline int32_t sext16(uint32_t v) { return (int32_t)(int16_t)(uint16_t)v; }
static inline uint32_t sext_sz(uint32_t v, int sz)
{
    return sz == SZ_B ? (uint32_t)sext8(v) : sz == SZ_W ? (uint32_t)sext16(v) : v;
}

/* Write a data register's low byte/word/long, keeping the rest. */
static inline void set_dreg(M68k *cpu, int r, int sz, uint32_t v)
{
    uint32_t m = sz_mask(sz);
    cpu->state.d[r] = (cpu->state.d[r] & ~m) | (v & m);
}

/* Trap for an opcode with no valid meaning (vector 4). */
void m68k_op_illegal(M68k *cpu, uint16_t op);
void m68k_privilege_violation(M68k *cpu);

static inline void idle(M68k *cpu, unsigned clocks) { cpu->state.cycles += clocks; }

#endif
