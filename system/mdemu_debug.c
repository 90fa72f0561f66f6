/* mdemu_debug.c - tracing, breakpoints, the homebrew test port, register
 * snapshots and side-effect-free peeks. */
#include "mdemu_internal.h"

#include <string.h>

static void trace_cpu_hook(void *ctx, const M68k *cpu)
{
    Mdemu *md = ctx;
    char line[256];
    m68k_trace_line(cpu, line, sizeof line);
    fprintf(md->trace_cpu, "%s\n", line);
}

static void trace_z80_hook(void *ctx, const Z80 *z80)
{
    Mdemu *md = ctx;
    char line[256];
    z80_trace_line(z80, line, sizeof line);
    fprintf(md->trace_z80, "%s\n", line);
}

/* The instruction hooks cost a call per instruction: installed only while
 * tracing. Breakpoints are checked by the scheduler instead. */
void mdemu_install_hooks(Mdemu *md)
{
    md->cpu.instr_hook = md->trace_cpu ? trace_cpu_hook : NULL;
    md->cpu.hook_ctx = md;
    md->z80.instr_hook = md->trace_z80 ? trace_z80_hook : NULL;
    md->z80.hook_ctx = md;
}

void mdemu_trace_cpu(Mdemu *md, FILE *out)
{
    md->trace_cpu = out;
    mdemu_install_hooks(md);
}

void mdemu_trace_z80(Mdemu *md, FILE *out)
{
    md->trace_z80 = out;
    mdemu_install_hooks(md);
}

void mdemu_set_breakpoint(Mdemu *md, int64_t addr)
{
    md->breakpoint = addr < 0 ? -1 : (addr & 0xFFFFFF);
    md->breakpoint_skip = false;
    md->breakpoint_hit = false;
}

bool mdemu_breakpoint_hit(const Mdemu *md) { return md->breakpoint_hit; }

void mdemu_set_test_port(Mdemu *md, uint32_t addr, void (*putc_fn)(void *ctx, int c), void *ctx)
{
    md->test_port = addr & 0xFFFFFF;
    md->test_putc = putc_fn;
    md->test_ctx = ctx;
}

int mdemu_test_port_exit(const Mdemu *md) { return md->test_exit; }

void mdemu_cpu_regs(const Mdemu *md, MdemuCpuRegs *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < 8; i++) {
        out->d[i] = m68k_get_reg(&md->cpu, (M68kReg)(M68K_REG_D0 + i));
        out->a[i] = m68k_get_reg(&md->cpu, (M68kReg)(M68K_REG_A0 + i));
    }
    out->usp = m68k_get_reg(&md->cpu, M68K_REG_USP);
    out->ssp = m68k_get_reg(&md->cpu, M68K_REG_SSP);
    /* The instruction being executed starts 4 bytes before the prefetch address. */
    out->pc = (m68k_get_reg(&md->cpu, M68K_REG_PC) - 4u) & 0xFFFFFFu;
    out->sr = (uint16_t)m68k_get_reg(&md->cpu, M68K_REG_SR);
    out->cycles = m68k_cycles(&md->cpu);
}

void mdemu_z80_regs(const Mdemu *md, MdemuZ80Regs *out)
{
    const Z80 *z = &md->z80;
    memset(out, 0, sizeof *out);
    out->af = (uint16_t)z80_get_reg(z, Z80_REG_AF);
    out->bc = (uint16_t)z80_get_reg(z, Z80_REG_BC);
    out->de = (uint16_t)z80_get_reg(z, Z80_REG_DE);
    out->hl = (uint16_t)z80_get_reg(z, Z80_REG_HL);
    out->af_ = (uint16_t)z80_get_reg(z, Z80_REG_AF_);
    out->bc_ = (uint16_t)z80_get_reg(z, Z80_REG_BC_);
    out->de_ = (uint16_t)z80_get_reg(z, Z80_REG_DE_);
    out->hl_ = (uint16_t)z80_get_reg(z, Z80_REG_HL_);
    out->ix = (uint16_t)z80_get_reg(z, Z80_REG_IX);
    out->iy = (uint16_t)z80_get_reg(z, Z80_REG_IY);
    out->sp = (uint16_t)z80_get_reg(z, Z80_REG_SP);
    out->pc = (uint16_t)z80_get_reg(z, Z80_REG_PC);
    out->i = (uint8_t)z80_get_reg(z, Z80_REG_I);
    out->r = (uint8_t)z80_get_reg(z, Z80_REG_R);
    out->iff1 = (uint8_t)z80_get_reg(z, Z80_REG_IFF1);
    out->iff2 = (uint8_t)z80_get_reg(z, Z80_REG_IFF2);
    out->im = (uint8_t)z80_get_reg(z, Z80_REG_IM);
    out->halted = z80_get_reg(z, Z80_REG_HALTED) != 0;
    out->running = !md->sys.z80_reset && !md->sys.z80_busreq;
}

uint8_t mdemu_peek8(Mdemu *md, uint32_t addr)
{
    addr &= 0xFFFFFF;
    const uint8_t *page = md->cpu.bus.page_read[addr >> 16];
    if (page)
        return page[addr & 0xFFFF];
    if (addr < 0x400000) {
        if (!md->rom)
            return 0xFF;
        if (mdemu_cart_in_sram(md, addr))
            return md->sram[addr - md->sram_base];
        return mdemu_cart_read8(md, addr);
    }
    if (addr >= 0xA00000 && addr < 0xA10000)
        return (addr & 0x7FFF) < 0x4000 ? md->sys.z80_ram[addr & (MDEMU_Z80_RAM_SIZE - 1)] : 0xFF;
    if (addr >= 0xA10000 && addr < 0xA10100)
        return mdemu_io_read(md, addr, false);
    if (addr >= 0xE00000)
        return md->sys.work_ram[addr & 0xFFFF];
    return 0xFF;
}

uint8_t *mdemu_work_ram(Mdemu *md, size_t *size)
{
    if (size)
        *size = MDEMU_WORK_RAM_SIZE;
    return md->sys.work_ram;
}

uint8_t *mdemu_z80_ram(Mdemu *md, size_t *size)
{
    if (size)
        *size = MDEMU_Z80_RAM_SIZE;
    return md->sys.z80_ram;
}
