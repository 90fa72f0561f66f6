/* z80_regs.c - register access by name for debuggers, tests and save tools. */
#include "z80_internal.h"

uint32_t z80_get_reg(const Z80 *z, Z80Reg reg)
{
    const Z80State *s = &z->state;
    switch (reg) {
    case Z80_REG_AF: return s->af;
    case Z80_REG_BC: return s->bc;
    case Z80_REG_DE: return s->de;
    case Z80_REG_HL: return s->hl;
    case Z80_REG_AF_: return s->af_;
    case Z80_REG_BC_: return s->bc_;
    case Z80_REG_DE_: return s->de_;
    case Z80_REG_HL_: return s->hl_;
    case Z80_REG_IX: return s->ix;
    case Z80_REG_IY: return s->iy;
    case Z80_REG_SP: return s->sp;
    case Z80_REG_PC: return s->pc;
    case Z80_REG_I: return s->i;
    case Z80_REG_R: return s->r;
    case Z80_REG_WZ: return s->wz;
    case Z80_REG_IFF1: return s->iff1;
    case Z80_REG_IFF2: return s->iff2;
    case Z80_REG_IM: return s->im;
    case Z80_REG_Q: return s->q;
    case Z80_REG_P: return s->p;
    case Z80_REG_EI: return s->ei;
    case Z80_REG_HALTED: return s->halted;
    default: return 0;
    }
}

void z80_set_reg(Z80 *z, Z80Reg reg, uint32_t value)
{
    Z80State *s = &z->state;
    uint16_t w = (uint16_t)value;
    uint8_t b = (uint8_t)value;
    switch (reg) {
    case Z80_REG_AF: s->af = w; break;
    case Z80_REG_BC: s->bc = w; break;
    case Z80_REG_DE: s->de = w; break;
    case Z80_REG_HL: s->hl = w; break;
    case Z80_REG_AF_: s->af_ = w; break;
    case Z80_REG_BC_: s->bc_ = w; break;
    case Z80_REG_DE_: s->de_ = w; break;
    case Z80_REG_HL_: s->hl_ = w; break;
    case Z80_REG_IX: s->ix = w; break;
    case Z80_REG_IY: s->iy = w; break;
    case Z80_REG_SP: s->sp = w; break;
    case Z80_REG_PC: s->pc = w; break;
    case Z80_REG_I: s->i = b; break;
    case Z80_REG_R: s->r = b; break;
    case Z80_REG_WZ: s->wz = w; break;
    case Z80_REG_IFF1: s->iff1 = b ? 1 : 0; break;
    case Z80_REG_IFF2: s->iff2 = b ? 1 : 0; break;
    case Z80_REG_IM: s->im = (uint8_t)(b > 2 ? 2 : b); break;
    case Z80_REG_Q: s->q = b; break;
    case Z80_REG_P: s->p = b ? 1 : 0; break;
    case Z80_REG_EI: s->ei = b ? 1 : 0; break;
    case Z80_REG_HALTED: s->halted = b ? 1 : 0; break;
    default: break;
    }
}
