/* z80_trace.c - one-line instruction trace of the Z80, for debugging.
 *
 * Format (stable, user-facing):
 *   "PPPP  <disassembly padded to 20>  AF=xxxx BC=xxxx DE=xxxx HL=xxxx IX=xxxx IY=xxxx SP=xxxx"
 * Instruction bytes come from the bus page table when the page is mapped,
 * else from the read callback.
 */
#include <stdio.h>

#include "z80.h"

typedef struct TraceFetch {
    const Z80 *z80;
} TraceFetch;

static uint8_t trace_read8(void *ctx, uint16_t addr)
{
    const Z80 *z80 = ((const TraceFetch *)ctx)->z80;
    const uint8_t *page = z80->bus.page_read[addr >> Z80_PAGE_SHIFT];
    if (page)
        return page[addr & ((1u << Z80_PAGE_SHIFT) - 1)];
    if (z80->bus.peek)
        return z80->bus.peek(z80->bus.ctx, addr);
    if (z80->bus.read)
        return z80->bus.read(z80->bus.ctx, addr);
    return 0xFF;
}

int z80_trace_line(const Z80 *z80, char *out, size_t out_size)
{
    uint16_t pc = (uint16_t)z80_get_reg(z80, Z80_REG_PC);
    char text[64];
    TraceFetch f = { z80 };
    z80_disasm(pc, trace_read8, &f, text, sizeof text);
    return snprintf(out, out_size,
                    "%04X  %-20s  AF=%04X BC=%04X DE=%04X HL=%04X IX=%04X IY=%04X SP=%04X",
                    (unsigned)pc, text,
                    (unsigned)z80_get_reg(z80, Z80_REG_AF) & 0xFFFFu,
                    (unsigned)z80_get_reg(z80, Z80_REG_BC) & 0xFFFFu,
                    (unsigned)z80_get_reg(z80, Z80_REG_DE) & 0xFFFFu,
                    (unsigned)z80_get_reg(z80, Z80_REG_HL) & 0xFFFFu,
                    (unsigned)z80_get_reg(z80, Z80_REG_IX) & 0xFFFFu,
                    (unsigned)z80_get_reg(z80, Z80_REG_IY) & 0xFFFFu,
                    (unsigned)z80_get_reg(z80, Z80_REG_SP) & 0xFFFFu);
}
