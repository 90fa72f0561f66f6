/* m68k_ops.h - the list of instruction handlers. The decode table (built at
 * compile time by gen/m68k_gen_decode.c) maps each opcode to an index here. */
#ifndef MDEMU_M68K_OPS_H
#define MDEMU_M68K_OPS_H

#define M68K_OP_LIST(X) \
    X(illegal) X(linea) X(linef) \
    X(ori) X(andi) X(subi) X(addi) X(eori) X(cmpi) \
    X(ori_ccr) X(andi_ccr) X(eori_ccr) X(ori_sr) X(andi_sr) X(eori_sr) \
    X(bitop_dyn) X(bitop_imm) X(movep) \
    X(move) X(movea) \
    X(negx) X(move_from_sr) X(chk) X(lea) X(clr) X(neg) X(move_to_ccr) X(not) X(move_to_sr) \
    X(nbcd) X(swap) X(pea) X(ext) X(movem_to_mem) X(tst) X(tas) X(movem_to_reg) \
    X(trap) X(link) X(unlk) X(move_to_usp) X(move_from_usp) X(reset) X(nop) X(stop) X(rte) \
    X(rts) X(trapv) X(rtr) X(jsr) X(jmp) \
    X(addq) X(subq) X(scc) X(dbcc) X(bcc) X(bsr) X(moveq) \
    X(or) X(divu) X(sbcd) X(divs) X(sub) X(suba) X(subx) \
    X(cmp) X(cmpa) X(eor) X(cmpm) \
    X(and) X(mulu) X(abcd) X(exg) X(muls) X(add) X(adda) X(addx) \
    X(shift_reg) X(shift_mem)

#define M68K_OP_ENUM(name) M68K_OP_##name,
enum { M68K_OP_LIST(M68K_OP_ENUM) M68K_OP_COUNT };
#undef M68K_OP_ENUM

#endif
