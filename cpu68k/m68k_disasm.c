/* m68k_disasm.c - 68000 disassembler in Motorola syntax.
 *
 * The opcode map and the allowed addressing modes of each instruction follow
 * the M68000 Family Programmer's Reference Manual (M68000PM/AD), restricted to
 * what the plain 68000 decodes: 68010+ forms (MOVEC, MOVES, RTD, BKPT,
 * MOVE from CCR, 32-bit MUL/DIV, bit fields, PACK/UNPK, TRAPcc...) are illegal
 * on the 68000 and come out as "dc.w $xxxx", like line A/F words.
 *
 * Output conventions: lower case, mnemonic padded to 8 columns, a7 shown as
 * "sp", hex with '$', signed displacements ("-$4(a0)"), PC-relative operands
 * and branch targets shown as the absolute target address, absolute operands
 * as "($1234).w" / "($ff0000).l" (the word as written, not sign-extended),
 * quick values (addq/subq/shift/trap) in decimal, moveq data as signed hex,
 * MOVEM lists as ranges within a bank ("d0-d7/a0-a6", a7 by number) and an
 * empty list as "#0".
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "m68k.h"

typedef struct Disasm {
    M68kDisasmRead read16;
    void *ctx;
    uint32_t pc;   /* instruction start */
    uint32_t next; /* address of the next word to fetch */
    char mnem[16];
    char ops[112];
    size_t ops_len;
} Disasm;

/* One bit per effective-address kind (PRM table 2-4 order). */
enum {
    EA_DN = 1u << 0, EA_AN = 1u << 1, EA_IND = 1u << 2, EA_POST = 1u << 3,
    EA_PRE = 1u << 4, EA_D16 = 1u << 5, EA_IDX = 1u << 6, EA_ABSW = 1u << 7,
    EA_ABSL = 1u << 8, EA_PCD = 1u << 9, EA_PCI = 1u << 10, EA_IMM = 1u << 11
};
#define EA_ALL 0xFFFu
#define EA_DATA (EA_ALL & ~(unsigned)EA_AN)
#define EA_CTRL (EA_IND | EA_D16 | EA_IDX | EA_ABSW | EA_ABSL | EA_PCD | EA_PCI)
#define EA_ALT (EA_DN | EA_AN | EA_IND | EA_POST | EA_PRE | EA_D16 | EA_IDX | EA_ABSW | EA_ABSL)
#define EA_DALT (EA_ALT & ~(unsigned)EA_AN)
#define EA_MALT (EA_DALT & ~(unsigned)EA_DN)
#define EA_CALT (EA_CTRL & EA_ALT)

static const char *const cond_names[16] = {
    "t", "f", "hi", "ls", "cc", "cs", "ne", "eq",
    "vc", "vs", "pl", "mi", "ge", "lt", "gt", "le"
};
static const char size_letters[4] = { 'b', 'w', 'l', '?' };
static const int size_bytes[3] = { 1, 2, 4 };

static uint16_t fetch(Disasm *d)
{
    uint16_t w = d->read16(d->ctx, d->next);
    d->next += 2;
    return w;
}

static void put(Disasm *d, const char *fmt, ...)
{
    if (d->ops_len >= sizeof d->ops - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(d->ops + d->ops_len, sizeof d->ops - d->ops_len, fmt, ap);
    va_end(ap);
    if (n > 0) {
        d->ops_len += (size_t)n;
        if (d->ops_len > sizeof d->ops - 1)
            d->ops_len = sizeof d->ops - 1;
    }
}

static void mnem(Disasm *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->mnem, sizeof d->mnem, fmt, ap);
    va_end(ap);
}

static void mnem_sized(Disasm *d, const char *name, unsigned size_code)
{
    mnem(d, "%s.%c", name, size_letters[size_code & 3]);
}

static unsigned ea_kind(unsigned mode, unsigned reg)
{
    if (mode < 7)
        return 1u << mode;
    return reg < 5 ? 1u << (7 + reg) : 0;
}

static bool ea_ok(unsigned mode, unsigned reg, unsigned allowed)
{
    return (ea_kind(mode, reg) & allowed) != 0;
}

static const char *areg(unsigned n)
{
    static const char *const names[8] = { "a0", "a1", "a2", "a3", "a4", "a5", "a6", "sp" };
    return names[n & 7];
}

static void put_signed(Disasm *d, int32_t v)
{
    if (v < 0)
        put(d, "-$%x", (unsigned)(-(int64_t)v));
    else
        put(d, "$%x", (unsigned)v);
}

/* Brief extension word index register: D/A bit 15, register 14-12, W/L bit 11
 * (the 68000 ignores bits 10-8). */
static void put_index(Disasm *d, uint16_t ext)
{
    unsigned r = (ext >> 12) & 7;
    if (ext & 0x8000)
        put(d, "%s", areg(r));
    else
        put(d, "d%u", r);
    put(d, ".%c", (ext & 0x0800) ? 'l' : 'w');
}

static void put_imm(Disasm *d, int bytes)
{
    if (bytes == 1) {
        put(d, "#$%x", fetch(d) & 0xFFu);
    } else if (bytes == 2) {
        put(d, "#$%x", fetch(d));
    } else {
        uint32_t hi = fetch(d);
        uint32_t lo = fetch(d);
        put(d, "#$%x", (unsigned)((hi << 16) | lo));
    }
}

/* The 68000 drives 24 address lines: targets are shown as 24-bit addresses. */
static void put_target(Disasm *d, uint32_t target) { put(d, "$%x", (unsigned)(target & 0xFFFFFFu)); }

/* Print an effective address, fetching its extension words. bytes is the
 * operand size, used only by immediate data. */
static void put_ea(Disasm *d, unsigned mode, unsigned reg, int bytes)
{
    reg &= 7;
    switch (mode & 7) {
    case 0: put(d, "d%u", reg); break;
    case 1: put(d, "%s", areg(reg)); break;
    case 2: put(d, "(%s)", areg(reg)); break;
    case 3: put(d, "(%s)+", areg(reg)); break;
    case 4: put(d, "-(%s)", areg(reg)); break;
    case 5:
        put_signed(d, (int16_t)fetch(d));
        put(d, "(%s)", areg(reg));
        break;
    case 6: {
        uint16_t ext = fetch(d);
        put_signed(d, (int8_t)(ext & 0xFF));
        put(d, "(%s,", areg(reg));
        put_index(d, ext);
        put(d, ")");
        break;
    }
    default:
        switch (reg) {
        case 0: put(d, "($%x).w", fetch(d)); break;
        case 1: {
            uint32_t hi = fetch(d);
            uint32_t lo = fetch(d);
            put(d, "($%x).l", (unsigned)((hi << 16) | lo));
            break;
        }
        case 2: {
            uint32_t base = d->next; /* PC-relative base is the extension word */
            put_target(d, base + (uint32_t)(int32_t)(int16_t)fetch(d));
            put(d, "(pc)");
            break;
        }
        case 3: {
            uint32_t base = d->next;
            uint16_t ext = fetch(d);
            put_target(d, base + (uint32_t)(int32_t)(int8_t)(ext & 0xFF));
            put(d, "(pc,");
            put_index(d, ext);
            put(d, ")");
            break;
        }
        case 4: put_imm(d, bytes); break;
        default: put(d, "?"); break;
        }
    }
}

/* Register list of MOVEM: bit i = d0..d7, a0..a7 (caller normalises the
 * predecrement order). Runs inside one bank are joined with '-'. */
static void put_reglist(Disasm *d, uint16_t mask)
{
    if (mask == 0) {
        put(d, "#0");
        return;
    }
    bool first = true;
    for (unsigned i = 0; i < 16;) {
        if (!(mask & (1u << i))) {
            i++;
            continue;
        }
        unsigned j = i;
        while (j + 1 < 16 && (j + 1) / 8 == i / 8 && (mask & (1u << (j + 1))))
            j++;
        put(d, "%s%c%u", first ? "" : "/", i < 8 ? 'd' : 'a', i & 7);
        if (j > i)
            put(d, "-%c%u", j < 8 ? 'd' : 'a', j & 7);
        first = false;
        i = j + 1;
    }
}

static uint16_t reverse16(uint16_t v)
{
    uint16_t r = 0;
    for (int i = 0; i < 16; i++)
        if (v & (1u << i))
            r |= (uint16_t)(1u << (15 - i));
    return r;
}


/* ---- 0000: immediate ops, bit ops, MOVEP ---------------------------------- */
static bool op_imm_bit(Disasm *d, uint16_t op)
{
    static const char *const bit_names[4] = { "btst", "bchg", "bclr", "bset" };
    static const char *const imm_names[8] = { "ori", "andi", "subi", "addi", NULL, "eori", "cmpi", NULL };
    unsigned mode = (op >> 3) & 7, reg = op & 7, sz = (op >> 6) & 3;
    unsigned kind = (op >> 9) & 7;

    if (op & 0x100) {
        if (mode == 1) { /* MOVEP: opmode 4..7 = w/l from memory, w/l to memory */
            mnem(d, "movep.%c", (op & 0x40) ? 'l' : 'w');
            unsigned dr = (op >> 9) & 7;
            if (op & 0x80) {
                put(d, "d%u,", dr);
                put_ea(d, 5, reg, 2);
            } else {
                put_ea(d, 5, reg, 2);
                put(d, ",d%u", dr);
            }
            return true;
        }
        /* BTST Dn,<ea> may read immediate data; the others need data alterable. */
        if (!ea_ok(mode, reg, sz == 0 ? EA_DATA : EA_DALT))
            return false;
        mnem(d, "%s", bit_names[sz]);
        put(d, "d%u,", (op >> 9) & 7);
        put_ea(d, mode, reg, 1);
        return true;
    }
    if (kind == 4) { /* static bit number in the extension word */
        if (!ea_ok(mode, reg, sz == 0 ? (EA_DATA & ~(unsigned)EA_IMM) : EA_DALT))
            return false;
        mnem(d, "%s", bit_names[sz]);
        put(d, "#%u,", fetch(d) & 0xFFu);
        put_ea(d, mode, reg, 1);
        return true;
    }
    if (!imm_names[kind])
        return false;
    if ((op & 0x3F) == 0x3C && (kind == 0 || kind == 1 || kind == 5) && sz < 2) {
        /* ORI/ANDI/EORI to CCR (byte) or SR (word) */
        mnem_sized(d, imm_names[kind], sz);
        put_imm(d, size_bytes[sz]);
        put(d, ",%s", sz == 0 ? "ccr" : "sr");
        return true;
    }
    if (sz == 3 || !ea_ok(mode, reg, EA_DALT))
        return false;
    mnem_sized(d, imm_names[kind], sz);
    put_imm(d, size_bytes[sz]);
    put(d, ",");
    put_ea(d, mode, reg, size_bytes[sz]);
    return true;
}

/* ---- 0001/0010/0011: MOVE, MOVEA -------------------------------------------- */
static bool op_move(Disasm *d, uint16_t op)
{
    static const unsigned size_code_of_line[4] = { 3, 0, 2, 1 }; /* line 1=b, 2=l, 3=w */
    unsigned sz = size_code_of_line[(op >> 12) & 3];
    unsigned src_mode = (op >> 3) & 7, src_reg = op & 7;
    unsigned dst_mode = (op >> 6) & 7, dst_reg = (op >> 9) & 7;
    unsigned src_allowed = sz == 0 ? EA_DATA : EA_ALL; /* no byte access to An */

    if (!ea_ok(src_mode, src_reg, src_allowed))
        return false;
    if (dst_mode == 1) {
        if (sz == 0)
            return false;
        mnem_sized(d, "movea", sz);
    } else {
        if (!ea_ok(dst_mode, dst_reg, EA_DALT))
            return false;
        mnem_sized(d, "move", sz);
    }
    put_ea(d, src_mode, src_reg, size_bytes[sz]);
    put(d, ",");
    put_ea(d, dst_mode, dst_reg, size_bytes[sz]);
    return true;
}

/* ---- 0100: miscellaneous -------------------------------------------------- */
static bool op_movem(Disasm *d, uint16_t op, bool to_regs)
{
    unsigned mode = (op >> 3) & 7, reg = op & 7;
    unsigned allowed = to_regs ? (EA_CTRL | EA_POST) : (EA_CALT | EA_PRE);
    if (!ea_ok(mode, reg, allowed))
        return false;
    mnem(d, "movem.%c", (op & 0x40) ? 'l' : 'w');
    uint16_t mask = fetch(d);
    if (mode == 4)
        mask = reverse16(mask); /* predecrement: bit 0 = a7 ... bit 15 = d0 */
    if (to_regs) {
        put_ea(d, mode, reg, 2);
        put(d, ",");
        put_reglist(d, mask);
    } else {
        put_reglist(d, mask);
        put(d, ",");
        put_ea(d, mode, reg, 2);
    }
    return true;
}

static bool op_line4e(Disasm *d, uint16_t op)
{
    unsigned mode = (op >> 3) & 7, reg = op & 7;
    if ((op & 0xF0) == 0x40) {
        mnem(d, "trap");
        put(d, "#%u", op & 0xFu);
        return true;
    }
    switch (op & 0xF8) {
    case 0x50:
        mnem(d, "link");
        put(d, "%s,#", areg(reg));
        put_signed(d, (int16_t)fetch(d));
        return true;
    case 0x58: mnem(d, "unlk"); put(d, "%s", areg(reg)); return true;
    case 0x60: mnem(d, "move.l"); put(d, "%s,usp", areg(reg)); return true;
    case 0x68: mnem(d, "move.l"); put(d, "usp,%s", areg(reg)); return true;
    case 0x70:
        switch (op & 7) {
        case 0: mnem(d, "reset"); return true;
        case 1: mnem(d, "nop"); return true;
        case 2: mnem(d, "stop"); put(d, "#$%x", fetch(d)); return true;
        case 3: mnem(d, "rte"); return true;
        case 5: mnem(d, "rts"); return true;
        case 6: mnem(d, "trapv"); return true;
        case 7: mnem(d, "rtr"); return true;
        default: return false; /* 0x4e74 RTD is 68010+ */
        }
    default: break;
    }
    if ((op & 0xC0) == 0x80 || (op & 0xC0) == 0xC0) {
        if (!ea_ok(mode, reg, EA_CTRL))
            return false;
        mnem(d, "%s", (op & 0x40) ? "jmp" : "jsr");
        put_ea(d, mode, reg, 4);
        return true;
    }
    return false;
}

static bool op_misc(Disasm *d, uint16_t op)
{
    unsigned mode = (op >> 3) & 7, reg = op & 7, sz = (op >> 6) & 3;
    unsigned dr = (op >> 9) & 7;

    if (op & 0x100) {
        if (sz == 3) { /* LEA */
            if (!ea_ok(mode, reg, EA_CTRL))
                return false;
            mnem(d, "lea");
            put_ea(d, mode, reg, 4);
            put(d, ",%s", areg(dr));
            return true;
        }
        if (sz == 2) { /* CHK.W (sz 0 = CHK.L is 68020) */
            if (!ea_ok(mode, reg, EA_DATA))
                return false;
            mnem(d, "chk.w");
            put_ea(d, mode, reg, 2);
            put(d, ",d%u", dr);
            return true;
        }
        return false;
    }
    switch ((op >> 9) & 7) {
    case 0: /* NEGX / MOVE from SR */
        if (!ea_ok(mode, reg, EA_DALT))
            return false;
        if (sz == 3) {
            mnem(d, "move.w");
            put(d, "sr,");
            put_ea(d, mode, reg, 2);
        } else {
            mnem_sized(d, "negx", sz);
            put_ea(d, mode, reg, size_bytes[sz]);
        }
        return true;
    case 1: /* CLR (sz 3 = MOVE from CCR, 68010+) */
    case 2: /* NEG / MOVE to CCR */
    case 3: { /* NOT / MOVE to SR */
        static const char *const names[4] = { NULL, "clr", "neg", "not" };
        unsigned line = (op >> 9) & 7;
        if (sz == 3) {
            if (line == 1 || !ea_ok(mode, reg, EA_DATA))
                return false;
            mnem(d, "move.w");
            put_ea(d, mode, reg, 2);
            put(d, ",%s", line == 2 ? "ccr" : "sr");
            return true;
        }
        if (!ea_ok(mode, reg, EA_DALT))
            return false;
        mnem_sized(d, names[line], sz);
        put_ea(d, mode, reg, size_bytes[sz]);
        return true;
    }
    case 4:
        if (sz == 0) {
            if (!ea_ok(mode, reg, EA_DALT))
                return false;
            mnem(d, "nbcd");
            put_ea(d, mode, reg, 1);
            return true;
        }
        if (sz == 1) {
            if (mode == 0) {
                mnem(d, "swap");
                put(d, "d%u", reg);
                return true;
            }
            if (!ea_ok(mode, reg, EA_CTRL))
                return false;
            mnem(d, "pea");
            put_ea(d, mode, reg, 4);
            return true;
        }
        if (mode == 0) {
            mnem(d, "ext.%c", sz == 2 ? 'w' : 'l');
            put(d, "d%u", reg);
            return true;
        }
        return op_movem(d, op, false);
    case 5:
        if (op == 0x4AFC) {
            mnem(d, "illegal");
            return true;
        }
        if (!ea_ok(mode, reg, EA_DALT))
            return false;
        if (sz == 3) {
            mnem(d, "tas");
            put_ea(d, mode, reg, 1);
        } else {
            mnem_sized(d, "tst", sz);
            put_ea(d, mode, reg, size_bytes[sz]);
        }
        return true;
    case 6:
        if (sz < 2)
            return false; /* MULx.L / DIVx.L are 68020 */
        return op_movem(d, op, true);
    default:
        return op_line4e(d, op);
    }
}

/* ---- 0101: ADDQ, SUBQ, Scc, DBcc ---------------------------------------- */
static bool op_quick(Disasm *d, uint16_t op)
{
    unsigned mode = (op >> 3) & 7, reg = op & 7, sz = (op >> 6) & 3;
    unsigned cond = (op >> 8) & 0xF;
    if (sz == 3) {
        if (mode == 1) {
            uint32_t base = d->pc + 2;
            mnem(d, "db%s", cond == 1 ? "ra" : cond_names[cond]);
            put(d, "d%u,", reg);
            put_target(d, base + (uint32_t)(int32_t)(int16_t)fetch(d));
            return true;
        }
        if (!ea_ok(mode, reg, EA_DALT))
            return false;
        mnem(d, "s%s", cond_names[cond]);
        put_ea(d, mode, reg, 1);
        return true;
    }
    if (!ea_ok(mode, reg, sz == 0 ? EA_DALT : EA_ALT))
        return false;
    unsigned data = (op >> 9) & 7;
    mnem_sized(d, (op & 0x100) ? "subq" : "addq", sz);
    put(d, "#%u,", data ? data : 8);
    put_ea(d, mode, reg, size_bytes[sz]);
    return true;
}

/* ---- 0110: Bcc, BRA, BSR ------------------------------------------------- */
static bool op_branch(Disasm *d, uint16_t op)
{
    unsigned cond = (op >> 8) & 0xF;
    uint32_t base = d->pc + 2;
    const char *name = cond == 0 ? "ra" : cond == 1 ? "sr" : cond_names[cond];
    int8_t disp8 = (int8_t)(op & 0xFF);
    if (disp8 == 0) {
        mnem(d, "b%s.w", name);
        put_target(d, base + (uint32_t)(int32_t)(int16_t)fetch(d));
    } else {
        mnem(d, "b%s.s", name);
        put_target(d, base + (uint32_t)(int32_t)disp8);
    }
    return true;
}

static bool op_moveq(Disasm *d, uint16_t op)
{
    if (op & 0x100)
        return false;
    mnem(d, "moveq");
    put(d, "#");
    put_signed(d, (int8_t)(op & 0xFF));
    put(d, ",d%u", (op >> 9) & 7);
    return true;
}

/* <ea>,Dn or Dn,<ea> form shared by OR/AND/SUB/ADD/CMP/EOR. */
static bool op_dn_ea(Disasm *d, uint16_t op, const char *name, unsigned to_dn_allowed,
                     unsigned to_ea_allowed)
{
    unsigned mode = (op >> 3) & 7, reg = op & 7, sz = (op >> 6) & 3;
    unsigned dr = (op >> 9) & 7;
    bool to_ea = (op & 0x100) != 0;
    unsigned allowed = to_ea ? to_ea_allowed : to_dn_allowed;
    if (sz == 0)
        allowed &= ~(unsigned)EA_AN;
    if (!ea_ok(mode, reg, allowed))
        return false;
    mnem_sized(d, name, sz);
    if (to_ea) {
        put(d, "d%u,", dr);
        put_ea(d, mode, reg, size_bytes[sz]);
    } else {
        put_ea(d, mode, reg, size_bytes[sz]);
        put(d, ",d%u", dr);
    }
    return true;
}

/* ABCD/SBCD/ADDX/SUBX: Dy,Dx or -(Ay),-(Ax). */
static void op_xreg(Disasm *d, uint16_t op, const char *name, bool sized)
{
    unsigned rx = (op >> 9) & 7, ry = op & 7;
    if (sized)
        mnem_sized(d, name, (op >> 6) & 3);
    else
        mnem(d, "%s", name);
    if (op & 0x08)
        put(d, "-(%s),-(%s)", areg(ry), areg(rx));
    else
        put(d, "d%u,d%u", ry, rx);
}

static bool op_muldiv(Disasm *d, uint16_t op, const char *name)
{
    unsigned mode = (op >> 3) & 7, reg = op & 7;
    if (!ea_ok(mode, reg, EA_DATA))
        return false;
    mnem(d, "%s", name);
    put_ea(d, mode, reg, 2);
    put(d, ",d%u", (op >> 9) & 7);
    return true;
}

/* ---- 1000: OR, DIVU, DIVS, SBCD / 1100: AND, MULU, MULS, ABCD, EXG ------- */
static bool op_or_and(Disasm *d, uint16_t op, bool is_and)
{
    unsigned opmode = (op >> 6) & 7, mode = (op >> 3) & 7;
    if (opmode == 3)
        return op_muldiv(d, op, is_and ? "mulu.w" : "divu.w");
    if (opmode == 7)
        return op_muldiv(d, op, is_and ? "muls.w" : "divs.w");
    if (opmode == 4 && mode < 2) {
        op_xreg(d, op, is_and ? "abcd" : "sbcd", false);
        return true;
    }
    if (is_and && (opmode == 5 || opmode == 6) && mode < 2) {
        unsigned rx = (op >> 9) & 7, ry = op & 7;
        if (opmode == 5) {
            mnem(d, "exg");
            if (mode == 0)
                put(d, "d%u,d%u", rx, ry);
            else
                put(d, "%s,%s", areg(rx), areg(ry));
            return true;
        }
        if (mode == 1) {
            mnem(d, "exg");
            put(d, "d%u,%s", rx, areg(ry));
            return true;
        }
        return false;
    }
    return op_dn_ea(d, op, is_and ? "and" : "or", EA_DATA, EA_MALT);
}

/* ---- 1001: SUB, SUBA, SUBX / 1101: ADD, ADDA, ADDX ---------------------- */
static bool op_add_sub(Disasm *d, uint16_t op, bool is_add)
{
    unsigned opmode = (op >> 6) & 7, mode = (op >> 3) & 7, reg = op & 7;
    if ((opmode & 3) == 3) {
        if (!ea_ok(mode, reg, EA_ALL))
            return false;
        unsigned sz = (opmode & 4) ? 2 : 1;
        mnem_sized(d, is_add ? "adda" : "suba", sz);
        put_ea(d, mode, reg, size_bytes[sz]);
        put(d, ",%s", areg((op >> 9) & 7));
        return true;
    }
    if ((opmode & 4) && mode < 2) {
        op_xreg(d, op, is_add ? "addx" : "subx", true);
        return true;
    }
    return op_dn_ea(d, op, is_add ? "add" : "sub", EA_ALL, EA_MALT);
}

/* ---- 1011: CMP, CMPA, CMPM, EOR ------------------------------------------ */
static bool op_cmp_eor(Disasm *d, uint16_t op)
{
    unsigned opmode = (op >> 6) & 7, mode = (op >> 3) & 7, reg = op & 7;
    if ((opmode & 3) == 3) {
        if (!ea_ok(mode, reg, EA_ALL))
            return false;
        unsigned sz = (opmode & 4) ? 2 : 1;
        mnem_sized(d, "cmpa", sz);
        put_ea(d, mode, reg, size_bytes[sz]);
        put(d, ",%s", areg((op >> 9) & 7));
        return true;
    }
    if (opmode & 4) {
        if (mode == 1) {
            mnem_sized(d, "cmpm", opmode & 3);
            put(d, "(%s)+,(%s)+", areg(reg), areg((op >> 9) & 7));
            return true;
        }
        return op_dn_ea(d, op, "eor", 0, EA_DALT);
    }
    return op_dn_ea(d, op, "cmp", EA_ALL, 0);
}

/* ---- 1110: shifts and rotates ---------------------------------------------- */
static bool op_shift(Disasm *d, uint16_t op)
{
    static const char *const names[4] = { "as", "ls", "rox", "ro" };
    unsigned sz = (op >> 6) & 3, mode = (op >> 3) & 7, reg = op & 7;
    char dir = (op & 0x100) ? 'l' : 'r';
    if (sz == 3) { /* memory, by one bit, word sized */
        if ((op & 0x800) || !ea_ok(mode, reg, EA_MALT))
            return false;
        mnem(d, "%s%c.w", names[(op >> 9) & 3], dir);
        put_ea(d, mode, reg, 2);
        return true;
    }
    unsigned count = (op >> 9) & 7;
    mnem(d, "%s%c.%c", names[(op >> 3) & 3], dir, size_letters[sz]);
    if (op & 0x20)
        put(d, "d%u,d%u", count, reg);
    else
        put(d, "#%u,d%u", count ? count : 8, reg);
    return true;
}

static bool decode(Disasm *d, uint16_t op)
{
    switch (op >> 12) {
    case 0x0: return op_imm_bit(d, op);
    case 0x1: case 0x2: case 0x3: return op_move(d, op);
    case 0x4: return op_misc(d, op);
    case 0x5: return op_quick(d, op);
    case 0x6: return op_branch(d, op);
    case 0x7: return op_moveq(d, op);
    case 0x8: return op_or_and(d, op, false);
    case 0x9: return op_add_sub(d, op, false);
    case 0xB: return op_cmp_eor(d, op);
    case 0xC: return op_or_and(d, op, true);
    case 0xD: return op_add_sub(d, op, true);
    case 0xE: return op_shift(d, op);
    default: return false; /* line A and line F emulator traps */
    }
}

int m68k_disasm(uint32_t pc, M68kDisasmRead read16, void *ctx, char *out, size_t out_size)
{
    Disasm d;
    memset(&d, 0, sizeof d);
    d.read16 = read16;
    d.ctx = ctx;
    d.pc = pc;
    d.next = pc;
    uint16_t op = fetch(&d);
    if (!decode(&d, op)) {
        d.next = pc + 2;
        d.ops_len = 0;
        d.ops[0] = '\0';
        mnem(&d, "dc.w");
        put(&d, "$%04x", op);
    }
    if (out && out_size) {
        if (d.ops_len)
            snprintf(out, out_size, "%-7s %s", d.mnem, d.ops);
        else
            snprintf(out, out_size, "%s", d.mnem);
    }
    return (int)(d.next - pc);
}
