/* m68k_ops.h - the list of instruction handlers. The decode table (built at
 * compile time by gen/m68k_gen_decode.c) maps each opcode to an index here.
 * Hot instructions have one handler per operand size (suffix _b/_w/_l) so
 * that the size is a compile-time constant inside them; the hottest also
 * one per addressing mode (suffix _0.._7, the opcode's bits 5-3; MOVE
 * also per destination mode, bits 8-6), so that the mode's switch folds
 * away too: the shared handlers spent much of their time in it (bench_cpu68k
 * +5% instructions/s with the modes constant). More than 256 handlers, so
 * the decode table holds 16-bit indices. */
#ifndef MDEMU_M68K_OPS_H
#define MDEMU_M68K_OPS_H

#define M68K_SIZED3(X, name) X(name##_b) X(name##_w) X(name##_l)
#define M68K_SIZED2(X, name) X(name##_w) X(name##_l)

#define M68K_MODED(X, n) X(n##_0) X(n##_1) X(n##_2) X(n##_3) X(n##_4) X(n##_5) X(n##_6) X(n##_7)
/* MOVE: move_<size>_<destination mode>_<source mode> (destination mode 1
 * is MOVEA's and never decoded here). */
#define M68K_MOVE_SIZE(X, sz) \
    M68K_MODED(X, move_##sz##_0) M68K_MODED(X, move_##sz##_1) M68K_MODED(X, move_##sz##_2) \
    M68K_MODED(X, move_##sz##_3) M68K_MODED(X, move_##sz##_4) M68K_MODED(X, move_##sz##_5) \
    M68K_MODED(X, move_##sz##_6) M68K_MODED(X, move_##sz##_7)
#define M68K_MOVES(X) M68K_MOVE_SIZE(X, b) M68K_MOVE_SIZE(X, w) M68K_MOVE_SIZE(X, l)
#define M68K_MSIZED3(X, name) M68K_MODED(X, name##_b) M68K_MODED(X, name##_w) M68K_MODED(X, name##_l)
#define M68K_MSIZED2(X, name) M68K_MODED(X, name##_w) M68K_MODED(X, name##_l)

#define M68K_OP_LIST(X) \
    X(illegal) X(linea) X(linef) \
    M68K_SIZED3(X, ori) M68K_SIZED3(X, andi) M68K_SIZED3(X, subi) M68K_SIZED3(X, addi) \
    M68K_SIZED3(X, eori) M68K_SIZED3(X, cmpi) \
    X(ori_ccr) X(andi_ccr) X(eori_ccr) X(ori_sr) X(andi_sr) X(eori_sr) \
    X(bitop_dyn) X(bitop_imm) X(movep) \
    M68K_MOVES(X) M68K_SIZED2(X, movea) \
    M68K_SIZED3(X, negx) X(move_from_sr) X(chk) X(lea) M68K_SIZED3(X, clr) M68K_SIZED3(X, neg) \
    X(move_to_ccr) M68K_SIZED3(X, not) X(move_to_sr) \
    X(nbcd) X(swap) X(pea) X(ext) X(movem_to_mem) M68K_SIZED3(X, tst) X(tas) X(movem_to_reg) \
    X(trap) X(link) X(unlk) X(move_to_usp) X(move_from_usp) X(reset) X(nop) X(stop) X(rte) \
    X(rts) X(trapv) X(rtr) X(jsr) X(jmp) \
    M68K_MSIZED3(X, addq) M68K_MSIZED3(X, subq) X(scc) X(dbcc) X(bcc) X(bsr) X(moveq) \
    M68K_MSIZED3(X, or) X(divu) X(sbcd) X(divs) M68K_MSIZED3(X, sub) M68K_MSIZED2(X, suba) X(subx) \
    M68K_MSIZED3(X, cmp) M68K_MSIZED2(X, cmpa) M68K_MSIZED3(X, eor) X(cmpm) \
    M68K_MSIZED3(X, and) X(mulu) X(abcd) X(exg) X(muls) M68K_MSIZED3(X, add) M68K_MSIZED2(X, adda) X(addx) \
    M68K_MSIZED3(X, shift_reg) X(shift_mem)

#define M68K_OP_ENUM(name) M68K_OP_##name,
enum { M68K_OP_LIST(M68K_OP_ENUM) M68K_OP_COUNT };
#undef M68K_OP_ENUM

#endif
