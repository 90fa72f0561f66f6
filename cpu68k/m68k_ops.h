/* m68k_ops.h - the list of instruction handlers. The decode table (built at
 * compile time by gen/m68k_gen_decode.c) maps each opcode to an index here.
 * Hot instructions have one handler per operand size (suffix _b/_w/_l) so
 * that the size is a compile-time constant inside them. */
#ifndef MDEMU_M68K_OPS_H
#define MDEMU_M68K_OPS_H

#define M68K_SIZED3(X, name) X(name##_b) X(name##_w) X(name##_l)
#define M68K_SIZED2(X, name) X(name##_w) X(name##_l)

#define M68K_OP_LIST(X) \
    X(illegal) X(linea) X(linef) \
    M68K_SIZED3(X, ori) M68K_SIZED3(X, andi) M68K_SIZED3(X, subi) M68K_SIZED3(X, addi) \
    M68K_SIZED3(X, eori) M68K_SIZED3(X, cmpi) \
    X(ori_ccr) X(andi_ccr) X(eori_ccr) X(ori_sr) X(andi_sr) X(eori_sr) \
    X(bitop_dyn) X(bitop_imm) X(movep) \
    M68K_SIZED3(X, move) M68K_SIZED2(X, movea) \
    M68K_SIZED3(X, negx) X(move_from_sr) X(chk) X(lea) M68K_SIZED3(X, clr) M68K_SIZED3(X, neg) \
    X(move_to_ccr) M68K_SIZED3(X, not) X(move_to_sr) \
    X(nbcd) X(swap) X(pea) X(ext) X(movem_to_mem) M68K_SIZED3(X, tst) X(tas) X(movem_to_reg) \
    X(trap) X(link) X(unlk) X(move_to_usp) X(move_from_usp) X(reset) X(nop) X(stop) X(rte) \
    X(rts) X(trapv) X(rtr) X(jsr) X(jmp) \
    M68K_SIZED3(X, addq) M68K_SIZED3(X, subq) X(scc) X(dbcc) X(bcc) X(bsr) X(moveq) \
    M68K_SIZED3(X, or) X(divu) X(sbcd) X(divs) M68K_SIZED3(X, sub) M68K_SIZED2(X, suba) X(subx) \
    M68K_SIZED3(X, cmp) M68K_SIZED2(X, cmpa) M68K_SIZED3(X, eor) X(cmpm) \
    M68K_SIZED3(X, and) X(mulu) X(abcd) X(exg) X(muls) M68K_SIZED3(X, add) M68K_SIZED2(X, adda) X(addx) \
    M68K_SIZED3(X, shift_reg) X(shift_mem)

#define M68K_OP_ENUM(name) M68K_OP_##name,
enum { M68K_OP_LIST(M68K_OP_ENUM) M68K_OP_COUNT };
#undef M68K_OP_ENUM

#endif
