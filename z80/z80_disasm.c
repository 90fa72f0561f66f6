/* z80_disasm.c - Z80 disassembler in Zilog syntax, documented and
 * undocumented opcodes.
 *
 * Decoding follows the Z80 opcode structure from the Zilog Z80 CPU User
 * Manual (UM0080): an opcode byte splits into x (bits 7-6), y (5-3), z (2-0),
 * with p = y >> 1 and q = y & 1. Undocumented behaviour is named the way the
 * usual Z80 literature does: "sll" for CB 30-37, ixh/ixl/iyh/iyl halves,
 * "rlc (ix+d),b" / "res 0,(ix+d),b" for DDCB/FDCB forms that also copy the
 * result to a register, "in (c)" for ED 70, "out (c),0" for ED 71.
 *
 * A DD/FD prefix in front of an opcode that uses no HL/H/L/(HL) has no effect:
 * the pair disassembles to the plain instruction (length 2). A DD/FD directly
 * followed by DD, FD or ED is overridden by that prefix and is shown on its own
 * as "db $dd" (length 1). ED opcodes that do nothing show as "db $ed,$xx".
 *
 * Numbers: "$12", "$1234", index displacements signed decimal ("(ix-3)"),
 * relative jumps shown as their absolute target.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "z80.h"

typedef struct Disasm {
    Z80DisasmRead read8;
    void *ctx;
    uint16_t pc;
    uint16_t len;   /* bytes consumed so far */
    int index;      /* 0 = HL, 1 = IX, 2 = IY */
    int disp;       /* index displacement, read once */
    bool have_disp;
    char text[48];
    size_t text_len;
} Disasm;

static const char *const reg8_names[8] = { "b", "c", "d", "e", "h", "l", "(hl)", "a" };
static const char *const rp_names[4] = { "bc", "de", "hl", "sp" };
static const char *const rp2_names[4] = { "bc", "de", "hl", "af" };
static const char *const cc_names[8] = { "nz", "z", "nc", "c", "po", "pe", "p", "m" };
static const char *const alu_names[8] = { "add a,", "adc a,", "sub ", "sbc a,",
                                          "and ", "xor ", "or ", "cp " };
static const char *const rot_names[8] = { "rlc", "rrc", "rl", "rr", "sla", "sra", "sll", "srl" };
static const char *const im_modes[8] = { "0", "0/1", "1", "2", "0", "0/1", "1", "2" };
static const char *const index_names[3] = { "hl", "ix", "iy" };

static uint8_t fetch(Disasm *d)
{
    uint8_t b = d->read8(d->ctx, (uint16_t)(d->pc + d->len));
    d->len++;
    return b;
}

static uint16_t fetch16(Disasm *d)
{
    uint16_t lo = fetch(d);
    uint16_t hi = fetch(d);
    return (uint16_t)(lo | (hi << 8));
}

static void put(Disasm *d, const char *fmt, ...)
{
    if (d->text_len >= sizeof d->text - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(d->text + d->text_len, sizeof d->text - d->text_len, fmt, ap);
    va_end(ap);
    if (n > 0) {
        d->text_len += (size_t)n;
        if (d->text_len > sizeof d->text - 1)
            d->text_len = sizeof d->text - 1;
    }
}

/* (hl), or (ix+d) whose displacement byte follows the opcode. */
static void put_mem_hl(Disasm *d)
{
    if (d->index == 0) {
        put(d, "(hl)");
        return;
    }
    if (!d->have_disp) {
        d->disp = (int8_t)fetch(d);
        d->have_disp = true;
    }
    put(d, "(%s%c%d)", index_names[d->index], d->disp < 0 ? '-' : '+',
        d->disp < 0 ? -d->disp : d->disp);
}

/* 8-bit register operand; with a prefix h/l become the index halves unless
 * the same instruction also addresses memory through (ix+d). */
static void put_r(Disasm *d, unsigned r, bool other_is_mem)
{
    if (r == 6) {
        put_mem_hl(d);
    } else if ((r == 4 || r == 5) && d->index && !other_is_mem) {
        put(d, "%s%c", index_names[d->index], r == 4 ? 'h' : 'l');
    } else {
        put(d, "%s", reg8_names[r]);
    }
}

static void put_rp(Disasm *d, unsigned p, const char *const names[4])
{
    put(d, "%s", p == 2 ? index_names[d->index] : names[p]);
}

static void put_rel(Disasm *d)
{
    int8_t e = (int8_t)fetch(d);
    put(d, "$%04x", (unsigned)(uint16_t)(d->pc + d->len + e));
}

static void decode_cb(Disasm *d)
{
    /* With a prefix the layout is DD CB disp op: the displacement comes first. */
    if (d->index) {
        d->disp = (int8_t)fetch(d);
        d->have_disp = true;
    }
    uint8_t op = fetch(d);
    unsigned x = op >> 6, y = (op >> 3) & 7, z = op & 7;
    switch (x) {
    case 0: put(d, "%s ", rot_names[y]); break;
    case 1: put(d, "bit %u,", y); break;
    case 2: put(d, "res %u,", y); break;
    default: put(d, "set %u,", y); break;
    }
    if (!d->index) {
        put(d, "%s", reg8_names[z]);
        return;
    }
    put_mem_hl(d);
    /* Undocumented: the result is also stored to a register (not for BIT). */
    if (z != 6 && x != 1)
        put(d, ",%s", reg8_names[z]);
}

static void decode_ed(Disasm *d)
{
    uint8_t op = fetch(d);
    unsigned x = op >> 6, y = (op >> 3) & 7, z = op & 7, p = y >> 1, q = y & 1;
    if (x == 1) {
        switch (z) {
        case 0:
            if (y == 6)
                put(d, "in (c)");
            else
                put(d, "in %s,(c)", reg8_names[y]);
            return;
        case 1:
            if (y == 6)
                put(d, "out (c),0");
            else
                put(d, "out (c),%s", reg8_names[y]);
            return;
        case 2: put(d, "%s hl,%s", q ? "adc" : "sbc", rp_names[p]); return;
        case 3: {
            uint16_t nn = fetch16(d);
            if (q)
                put(d, "ld %s,($%04x)", rp_names[p], nn);
            else
                put(d, "ld ($%04x),%s", nn, rp_names[p]);
            return;
        }
        case 4: put(d, "neg"); return;
        case 5: put(d, "%s", y == 1 ? "reti" : "retn"); return;
        case 6: put(d, "im %s", im_modes[y]); return;
        default: {
            static const char *const misc[6] = { "ld i,a", "ld r,a", "ld a,i", "ld a,r", "rrd", "rld" };
            if (y < 6) {
                put(d, "%s", misc[y]);
                return;
            }
            break;
        }
        }
    } else if (x == 2 && z <= 3 && y >= 4) {
        static const char *const block[4][4] = {
            { "ldi", "cpi", "ini", "outi" }, { "ldd", "cpd", "ind", "outd" },
            { "ldir", "cpir", "inir", "otir" }, { "lddr", "cpdr", "indr", "otdr" } };
        put(d, "%s", block[y - 4][z]);
        return;
    }
    put(d, "db $ed,$%02x", op);
}

static void decode_x0(Disasm *d, unsigned y, unsigned z)
{
    unsigned p = y >> 1, q = y & 1;
    switch (z) {
    case 0:
        switch (y) {
        case 0: put(d, "nop"); break;
        case 1: put(d, "ex af,af'"); break;
        case 2: put(d, "djnz "); put_rel(d); break;
        case 3: put(d, "jr "); put_rel(d); break;
        default: put(d, "jr %s,", cc_names[y - 4]); put_rel(d); break;
        }
        break;
    case 1:
        if (q) {
            put(d, "add %s,", index_names[d->index]);
            put_rp(d, p, rp_names);
        } else {
            put(d, "ld ");
            put_rp(d, p, rp_names);
            put(d, ",$%04x", fetch16(d));
        }
        break;
    case 2:
        switch (p) {
        case 0: put(d, q ? "ld a,(bc)" : "ld (bc),a"); break;
        case 1: put(d, q ? "ld a,(de)" : "ld (de),a"); break;
        case 2:
            if (q)
                put(d, "ld %s,($%04x)", index_names[d->index], fetch16(d));
            else
                put(d, "ld ($%04x),%s", fetch16(d), index_names[d->index]);
            break;
        default:
            if (q)
                put(d, "ld a,($%04x)", fetch16(d));
            else
                put(d, "ld ($%04x),a", fetch16(d));
            break;
        }
        break;
    case 3:
        put(d, "%s ", q ? "dec" : "inc");
        put_rp(d, p, rp_names);
        break;
    case 4:
    case 5:
        put(d, "%s ", z == 4 ? "inc" : "dec");
        put_r(d, y, false);
        break;
    case 6:
        put(d, "ld ");
        put_r(d, y, false); /* (ix+d) displacement precedes the immediate */
        put(d, ",$%02x", fetch(d));
        break;
    default: {
        static const char *const names[8] = { "rlca", "rrca", "rla", "rra", "daa", "cpl", "scf", "ccf" };
        put(d, "%s", names[y]);
        break;
    }
    }
}

static void decode_x3(Disasm *d, unsigned y, unsigned z)
{
    unsigned p = y >> 1, q = y & 1;
    switch (z) {
    case 0: put(d, "ret %s", cc_names[y]); break;
    case 1:
        if (!q) {
            put(d, "pop ");
            put_rp(d, p, rp2_names);
        } else {
            switch (p) {
            case 0: put(d, "ret"); break;
            case 1: put(d, "exx"); break;
            case 2: put(d, "jp (%s)", index_names[d->index]); break;
            default: put(d, "ld sp,%s", index_names[d->index]); break;
            }
        }
        break;
    case 2: put(d, "jp %s,$%04x", cc_names[y], fetch16(d)); break;
    case 3:
        switch (y) {
        case 0: put(d, "jp $%04x", fetch16(d)); break;
        case 2: put(d, "out ($%02x),a", fetch(d)); break;
        case 3: put(d, "in a,($%02x)", fetch(d)); break;
        case 4: put(d, "ex (sp),%s", index_names[d->index]); break;
        case 5: put(d, "ex de,hl"); break; /* never affected by a prefix */
        case 6: put(d, "di"); break;
        default: put(d, "ei"); break;
        }
        break;
    case 4: put(d, "call %s,$%04x", cc_names[y], fetch16(d)); break;
    case 5:
        if (!q) {
            put(d, "push ");
            put_rp(d, p, rp2_names);
        } else {
            put(d, "call $%04x", fetch16(d));
        }
        break;
    case 6: put(d, "%s$%02x", alu_names[y], fetch(d)); break;
    default: put(d, "rst $%02x", y * 8); break;
    }
}

int z80_disasm(uint16_t pc, Z80DisasmRead read8, void *ctx, char *out, size_t out_size)
{
    Disasm d;
    memset(&d, 0, sizeof d);
    d.read8 = read8;
    d.ctx = ctx;
    d.pc = pc;

    uint8_t op = fetch(&d);
    if (op == 0xDD || op == 0xFD) {
        uint8_t next = fetch(&d);
        if (next == 0xDD || next == 0xFD || next == 0xED) {
            d.len = 1; /* the following prefix starts the next instruction */
            put(&d, "db $%02x", op);
            goto done;
        }
        d.index = op == 0xDD ? 1 : 2;
        op = next;
    }
    if (op == 0xCB) {
        decode_cb(&d);
    } else if (op == 0xED) {
        decode_ed(&d);
    } else {
        unsigned x = op >> 6, y = (op >> 3) & 7, z = op & 7;
        switch (x) {
        case 0: decode_x0(&d, y, z); break;
        case 1:
            if (y == 6 && z == 6) {
                put(&d, "halt");
            } else {
                put(&d, "ld ");
                put_r(&d, y, z == 6);
                put(&d, ",");
                put_r(&d, z, y == 6);
            }
            break;
        case 2:
            put(&d, "%s", alu_names[y]);
            put_r(&d, z, false);
            break;
        default: decode_x3(&d, y, z); break;
        }
    }
done:
    if (out && out_size)
        snprintf(out, out_size, "%s", d.text);
    return d.len;
}
