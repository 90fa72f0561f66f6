/* m68k_decode_rules.h - which handler an opcode word belongs to, with the
 * addressing-mode legality of each instruction (MC68000 User's Manual,
 * chapter 4 and the opcode map in chapter 8). Used by the build-time
 * generator only. */
#ifndef MDEMU_M68K_DECODE_RULES_H
#define MDEMU_M68K_DECODE_RULES_H

#include <stdint.h>

#include "m68k_ops.h"

/* Addressing-mode classes over the 6-bit mode/reg field. */
static int ea_valid(int mode, int reg) { return mode < 7 || reg <= 4; }
static int ea_data(int mode, int reg) { return ea_valid(mode, reg) && mode != 1; }
static int ea_memory(int mode, int reg) { return ea_valid(mode, reg) && mode >= 2; }
static int ea_alterable(int mode, int reg) { return ea_valid(mode, reg) && !(mode == 7 && reg >= 2); }
static int ea_data_alt(int mode, int reg) { return ea_data(mode, reg) && ea_alterable(mode, reg); }
static int ea_mem_alt(int mode, int reg) { return ea_memory(mode, reg) && ea_alterable(mode, reg); }
static int ea_control(int mode, int reg)
{
    return mode == 2 || mode == 5 || mode == 6 || (mode == 7 && reg <= 3);
}

static int m68k_decode_family(uint16_t op)
{
    int line = op >> 12, reg9 = (op >> 9) & 7, opm = (op >> 6) & 7;
    int size = (op >> 6) & 3, mode = (op >> 3) & 7, reg = op & 7;

    switch (line) {
    case 0x0:
        if (op & 0x100) {
            if (mode == 1)
                return M68K_OP_movep;
            /* BTST allows PC-relative and immediate sources; the others need alterable data. */
            if (size == 0 ? ea_data(mode, reg) : ea_data_alt(mode, reg))
                return M68K_OP_bitop_dyn;
            return M68K_OP_illegal;
        }
        if (reg9 == 4) {
            /* bits 7-6 select BTST/BCHG/BCLR/BSET */
            if (size == 0 ? (ea_data(mode, reg) && !(mode == 7 && reg == 4)) : ea_data_alt(mode, reg))
                return M68K_OP_bitop_imm;
            return M68K_OP_illegal;
        }
        if (op == 0x003C) return M68K_OP_ori_ccr;
        if (op == 0x007C) return M68K_OP_ori_sr;
        if (op == 0x023C) return M68K_OP_andi_ccr;
        if (op == 0x027C) return M68K_OP_andi_sr;
        if (op == 0x0A3C) return M68K_OP_eori_ccr;
        if (op == 0x0A7C) return M68K_OP_eori_sr;
        if (size == 3 || !ea_data_alt(mode, reg))
            return M68K_OP_illegal;
        switch (reg9) {
        case 0: return M68K_OP_ori_b;
        case 1: return M68K_OP_andi_b;
        case 2: return M68K_OP_subi_b;
        case 3: return M68K_OP_addi_b;
        case 5: return M68K_OP_eori_b;
        case 6: return M68K_OP_cmpi_b;
        default: return M68K_OP_illegal;
        }
    case 0x1: case 0x2: case 0x3: {
        int dmode = (op >> 6) & 7, dreg = (op >> 9) & 7;
        if (!ea_valid(mode, reg) || (line == 1 && mode == 1))
            return M68K_OP_illegal;
        if (dmode == 1)
            return line == 1 ? M68K_OP_illegal : M68K_OP_movea_w;
        return ea_data_alt(dmode, dreg) ? M68K_OP_move_b_0_0 : M68K_OP_illegal;
    }
    case 0x4:
        if (op & 0x100) {
            if (opm == 6)
                return ea_data(mode, reg) ? M68K_OP_chk : M68K_OP_illegal;
            if (opm == 7)
                return ea_control(mode, reg) ? M68K_OP_lea : M68K_OP_illegal;
            return M68K_OP_illegal;
        }
        switch (reg9) {
        case 0:
            if (size == 3)
                return ea_data_alt(mode, reg) ? M68K_OP_move_from_sr : M68K_OP_illegal;
            return ea_data_alt(mode, reg) ? M68K_OP_negx_b : M68K_OP_illegal;
        case 1:
            if (size == 3)
                return M68K_OP_illegal;
            return ea_data_alt(mode, reg) ? M68K_OP_clr_b : M68K_OP_illegal;
        case 2:
            if (size == 3)
                return ea_data(mode, reg) ? M68K_OP_move_to_ccr : M68K_OP_illegal;
            return ea_data_alt(mode, reg) ? M68K_OP_neg_b : M68K_OP_illegal;
        case 3:
            if (size == 3)
                return ea_data(mode, reg) ? M68K_OP_move_to_sr : M68K_OP_illegal;
            return ea_data_alt(mode, reg) ? M68K_OP_not_b : M68K_OP_illegal;
        case 4:
            if (size == 0)
                return ea_data_alt(mode, reg) ? M68K_OP_nbcd : M68K_OP_illegal;
            if (size == 1) {
                if (mode == 0)
                    return M68K_OP_swap;
                return ea_control(mode, reg) ? M68K_OP_pea : M68K_OP_illegal;
            }
            if (mode == 0)
                return M68K_OP_ext;
            return (ea_control(mode, reg) && ea_alterable(mode, reg)) || mode == 4 ? M68K_OP_movem_to_mem
                                                                                 : M68K_OP_illegal;
        case 5:
            if (op == 0x4AFC)
                return M68K_OP_illegal;
            if (size == 3)
                return ea_data_alt(mode, reg) ? M68K_OP_tas : M68K_OP_illegal;
            return ea_data_alt(mode, reg) ? M68K_OP_tst_b : M68K_OP_illegal;
        case 6:
            if (size >= 2 && (ea_control(mode, reg) || mode == 3))
                return M68K_OP_movem_to_reg;
            return M68K_OP_illegal;
        case 7:
            if (size == 1) {
                switch (mode) {
                case 0: case 1: return M68K_OP_trap;
                case 2: return M68K_OP_link;
                case 3: return M68K_OP_unlk;
                case 4: return M68K_OP_move_to_usp;
                case 5: return M68K_OP_move_from_usp;
                case 6:
                    switch (reg) {
                    case 0: return M68K_OP_reset;
                    case 1: return M68K_OP_nop;
                    case 2: return M68K_OP_stop;
                    case 3: return M68K_OP_rte;
                    case 5: return M68K_OP_rts;
                    case 6: return M68K_OP_trapv;
                    case 7: return M68K_OP_rtr;
                    default: return M68K_OP_illegal;
                    }
                default: return M68K_OP_illegal;
                }
            }
            if (size == 2)
                return ea_control(mode, reg) ? M68K_OP_jsr : M68K_OP_illegal;
            if (size == 3)
                return ea_control(mode, reg) ? M68K_OP_jmp : M68K_OP_illegal;
            return M68K_OP_illegal;
        default:
            return M68K_OP_illegal;
        }
    case 0x5:
        if (size == 3) {
            if (mode == 1)
                return M68K_OP_dbcc;
            return ea_data_alt(mode, reg) ? M68K_OP_scc : M68K_OP_illegal;
        }
        if (!ea_alterable(mode, reg) || (size == 0 && mode == 1))
            return M68K_OP_illegal;
        return (op & 0x100) ? M68K_OP_subq_b_0 : M68K_OP_addq_b_0;
    case 0x6:
        return ((op >> 8) & 15) == 1 ? M68K_OP_bsr : M68K_OP_bcc;
    case 0x7:
        return (op & 0x100) ? M68K_OP_illegal : M68K_OP_moveq;
    case 0x8: case 0x9: case 0xB: case 0xC: case 0xD: {
        int is_sub = line == 0x9, is_add = line == 0xD;
        if (opm == 3 || opm == 7) {
            if (line == 0x8)
                return ea_data(mode, reg) ? (opm == 3 ? M68K_OP_divu : M68K_OP_divs) : M68K_OP_illegal;
            if (line == 0xC)
                return ea_data(mode, reg) ? (opm == 3 ? M68K_OP_mulu : M68K_OP_muls) : M68K_OP_illegal;
            if (!ea_valid(mode, reg))
                return M68K_OP_illegal;
            return is_sub ? M68K_OP_suba_w_0 : is_add ? M68K_OP_adda_w_0 : M68K_OP_cmpa_w_0;
        }
        if (opm < 3) { /* <ea>,Dn */
            if (!ea_valid(mode, reg) || (mode == 1 && (size == 0 || line == 0x8 || line == 0xC)))
                return M68K_OP_illegal;
            switch (line) {
            case 0x8: return M68K_OP_or_b_0;
            case 0x9: return M68K_OP_sub_b_0;
            case 0xB: return M68K_OP_cmp_b_0;
            case 0xC: return M68K_OP_and_b_0;
            default: return M68K_OP_add_b_0;
            }
        }
        /* opm 4..6: Dn,<ea> forms and the register-pair instructions. */
        if (line == 0xB)
            return mode == 1 ? M68K_OP_cmpm : ea_data_alt(mode, reg) ? M68K_OP_eor_b_0 : M68K_OP_illegal;
        if (mode <= 1) {
            if (line == 0x8)
                return opm == 4 ? M68K_OP_sbcd : M68K_OP_illegal;
            if (line == 0xC) {
                if (opm == 4)
                    return M68K_OP_abcd;
                if ((opm == 5 && mode <= 1) || (opm == 6 && mode == 1))
                    return M68K_OP_exg;
                return M68K_OP_illegal;
            }
            return is_sub ? M68K_OP_subx : M68K_OP_addx;
        }
        if (!ea_mem_alt(mode, reg))
            return M68K_OP_illegal;
        switch (line) {
        case 0x8: return M68K_OP_or_b_0;
        case 0x9: return M68K_OP_sub_b_0;
        case 0xC: return M68K_OP_and_b_0;
        default: return M68K_OP_add_b_0;
        }
    }
    case 0xA:
        return M68K_OP_linea;
    case 0xE:
        if (size == 3) {
            if ((op & 0x800) || !ea_mem_alt(mode, reg))
                return M68K_OP_illegal;
            return M68K_OP_shift_mem;
        }
        return M68K_OP_shift_reg_b_0;
    default:
        return M68K_OP_linef;
    }
}

/* Families with per-size handlers: step from the byte (or word) variant. */
static int m68k_decode_opcode(uint16_t op)
{
    int id = m68k_decode_family(op);
    int line = op >> 12, size = (op >> 6) & 3, mode = (op >> 3) & 7;
    switch (id) {
    case M68K_OP_move_b_0_0:
        return id + 64 * (line == 1 ? 0 : line == 3 ? 1 : 2) + 8 * ((op >> 6) & 7) + mode;
    case M68K_OP_movea_w:
        return id + (line == 3 ? 0 : 1);
    case M68K_OP_adda_w_0: case M68K_OP_suba_w_0: case M68K_OP_cmpa_w_0:
        return id + 8 * ((op >> 8) & 1) + mode;
    case M68K_OP_addq_b_0: case M68K_OP_subq_b_0: case M68K_OP_or_b_0: case M68K_OP_sub_b_0:
    case M68K_OP_cmp_b_0: case M68K_OP_eor_b_0: case M68K_OP_and_b_0: case M68K_OP_add_b_0:
    case M68K_OP_shift_reg_b_0:
        return id + 8 * size + mode;
    case M68K_OP_ori_b: case M68K_OP_andi_b: case M68K_OP_subi_b: case M68K_OP_addi_b:
    case M68K_OP_eori_b: case M68K_OP_cmpi_b: case M68K_OP_negx_b: case M68K_OP_clr_b:
    case M68K_OP_neg_b: case M68K_OP_not_b: case M68K_OP_tst_b:
        return id + size;
    default:
        return id;
    }
}

#endif
