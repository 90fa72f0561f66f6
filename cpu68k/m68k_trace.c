/* m68k_trace.c - one-line instruction trace of the 68000, for debugging.
 *
 * Format (stable, user-facing):
 *   "PPPPPP  <disassembly padded to 34>  D0=xxxxxxxx ... D7=xxxxxxxx A0=... A7=xxxxxxxx SR=xxxx"
 * PPPPPP is the address of the instruction about to execute: the core keeps
 * PC at the next prefetch (instruction start + 4), and IR/IRC already hold the
 * first two instruction words, so those are used rather than re-read.
 */
#include <stdio.h>
#include <string.h>

#include "m68k.h"

typedef struct TraceFetch {
    const M68k *cpu;
    uint32_t start;
} TraceFetch;

static uint16_t trace_read16(void *ctx, uint32_t addr)
{
    const TraceFetch *f = ctx;
    if (addr == f->start)
        return (uint16_t)m68k_get_reg(f->cpu, M68K_REG_IR);
    if (addr == f->start + 2)
        return (uint16_t)m68k_get_reg(f->cpu, M68K_REG_IRC);
    addr &= 0xFFFFFEu;
    const uint8_t *page = f->cpu->bus.page_read[addr >> M68K_PAGE_SHIFT];
    if (page) {
        uint32_t off = addr & 0xFFFFu;
        return (uint16_t)((page[off] << 8) | page[off + 1]);
    }
    if (f->cpu->bus.peek16)
        return f->cpu->bus.peek16(f->cpu->bus.ctx, addr);
    if (f->cpu->bus.read16)
        return f->cpu->bus.read16(f->cpu->bus.ctx, addr);
    return 0xFFFF;
}

int m68k_trace_line(const M68k *cpu, char *out, size_t out_size)
{
    TraceFetch f = { cpu, (m68k_get_reg(cpu, M68K_REG_PC) - 4) & 0xFFFFFFu };
    char text[128];
    m68k_disasm(f.start, trace_read16, &f, text, sizeof text);

    char line[400];
    int len = snprintf(line, sizeof line, "%06X  %-34s ", (unsigned)f.start, text);
    for (int i = 0; i < 8 && len > 0 && (size_t)len < sizeof line; i++)
        len += snprintf(line + len, sizeof line - (size_t)len, " D%d=%08X", i,
                        (unsigned)m68k_get_reg(cpu, (M68kReg)(M68K_REG_D0 + i)));
    for (int i = 0; i < 8 && len > 0 && (size_t)len < sizeof line; i++)
        len += snprintf(line + len, sizeof line - (size_t)len, " A%d=%08X", i,
                        (unsigned)m68k_get_reg(cpu, (M68kReg)(M68K_REG_A0 + i)));
    if (len > 0 && (size_t)len < sizeof line)
        len += snprintf(line + len, sizeof line - (size_t)len, " SR=%04X",
                        (unsigned)m68k_get_reg(cpu, M68K_REG_SR) & 0xFFFFu);
    if (out && out_size)
        snprintf(out, out_size, "%s", line);
    return len;
}
