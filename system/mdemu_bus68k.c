/* mdemu_bus68k.c - the 68000's memory map. ROM and work RAM are direct pages
 * (m68k_map_pages); everything reaching these callbacks is I/O, save memory
 * or unmapped space.
 *
 * Map (Sega Genesis Technical Manual, memory map chapter):
 *   000000-3FFFFF cartridge         A00000-A0FFFF Z80 space (bus needed)
 *   A10000-A1001F I/O chip          A11100 Z80 BUSREQ, A11200 Z80 RESET
 *   A13000-A130FF cartridge (/TIME) A14000 TMSS
 *   C00000-DFFFFF VDP (decoded where A5-A7 and A16-A18 are zero)
 *   E00000-FFFFFF 64 KiB work RAM, mirrored
 * The VDP ports are in mdemu_vdp_ports.c. */
#include "mdemu_internal.h"

/* Unmapped reads return what the 68000 last had on its data bus: no device
 * drives it, so the bus keeps the last word transferred, in practice the
 * prefetched instruction word (model 1 behaviour as measured by homebrew
 * developers; e.g. reads of 0xA11100's unused bits show the next opcode). */
uint16_t mdemu_open_bus(const Mdemu *md)
{
    return (uint16_t)m68k_get_reg(&md->cpu, M68K_REG_IRC);
}

static uint8_t open_bus8(const Mdemu *md, uint32_t addr)
{
    uint16_t w = mdemu_open_bus(md);
    return (addr & 1) ? (uint8_t)w : (uint8_t)(w >> 8);
}

bool mdemu_z80_bus_granted(const Mdemu *md)
{
    return md->sys.z80_busreq && !md->sys.z80_reset && mdemu_now_68k(md) >= md->sys.z80_busack_at;
}

static bool z80_bus_granted(const Mdemu *md) { return mdemu_z80_bus_granted(md); }

/* The longest Z80 machine cycle: a 6-T opcode fetch (INC ss, LD SP,HL;
 * Zilog UM0080 instruction tables). */
#define Z80_LONGEST_MCYCLE_MASTER (6u * 15u)

/* When BUSACK answers a bus request made now: the Z80 samples BUSREQ on the
 * last clock of each machine cycle and floats its bus on the next clock
 * (Zilog UM0080, "Bus Request/Acknowledge Cycle"). The Z80 here runs whole
 * instructions, and the catch-up before the request has just finished the
 * one it was in: that end stands for the end of its machine cycle, but no
 * later than a machine cycle can last. */
static uint64_t busack_time(const Mdemu *md)
{
    uint64_t now = (mdemu_now_68k(md) + 14) / 15 * 15; /* next Z80 clock edge */
    uint64_t z80_end = mdemu_now_z80(md);
    uint64_t cycle_end = now;
    if (z80_end > now)
        cycle_end = z80_end - now < Z80_LONGEST_MCYCLE_MASTER ? z80_end : now + Z80_LONGEST_MCYCLE_MASTER;
    return cycle_end + 15;
}

/* ---- Z80 space, seen from the 68000 ------------------------------------- */

/* Every 68000 access to Z80 space goes through the bus arbiter, which adds
 * one 68000 wait state (measured on hardware, SpritesMind forum thread
 * viewtopic.php?p=29929; Pac-Man 2's sound code depends on it: jgenesis
 * issue #255). */
static void z80_area_wait(Mdemu *md) { m68k_add_cycles(&md->cpu, 1); }

static uint8_t z80_area_read8(Mdemu *md, uint32_t addr)
{
    z80_area_wait(md);
    if (!z80_bus_granted(md)) {
        mdemu_debug_log(md, "68000 read of Z80 space %06X without the Z80 bus", (unsigned)addr);
        return open_bus8(md, addr);
    }
    uint32_t a = addr & 0x7FFF;
    if (a < 0x4000)
        return md->sys.z80_ram[a & (MDEMU_Z80_RAM_SIZE - 1)];
    if (a < 0x6000) {
        mdemu_catch_up_audio(md, mdemu_now_68k(md));
        return ym2612_read_status(&md->ym);
    }
    return 0xFF;
}

static void z80_area_write8(Mdemu *md, uint32_t addr, uint8_t value)
{
    z80_area_wait(md);
    if (!z80_bus_granted(md)) {
        mdemu_debug_log(md, "68000 write to Z80 space %06X without the Z80 bus", (unsigned)addr);
        return;
    }
    uint32_t a = addr & 0x7FFF;
    if (a < 0x4000) {
        md->sys.z80_ram[a & (MDEMU_Z80_RAM_SIZE - 1)] = value;
    } else if (a < 0x6000) {
        mdemu_catch_up_audio(md, mdemu_now_68k(md));
        ym2612_write(&md->ym, a & 3, value);
    } else if (a < 0x6100) {
        md->sys.z80_bank = (uint16_t)(((md->sys.z80_bank >> 1) | ((value & 1u) << 8)) & 0x1FF);
    }
}

/* ---- A1xxxx: I/O, Z80 control, cartridge registers, TMSS --------------- */

/* The I/O chip, Z80 control, /TIME and TMSS registers are decoded in
 * 0xA10000-0xA1FFFF only; 0xA20000-0xAFFFFF is unused (Sega Genesis memory
 * map, e.g. Charles MacDonald's genvdp/gen-hw notes). */
static uint8_t control_read8(Mdemu *md, uint32_t addr)
{
    if (addr >= 0xA20000) {
        mdemu_debug_log(md, "read from unused address %06X", (unsigned)addr);
        uint16_t w = mdemu_open_bus(md);
        return (addr & 1) ? (uint8_t)w : (uint8_t)(w >> 8);
    }
    uint32_t a = addr & 0xFFFF;
    if (a < 0x0100)
        return mdemu_io_read(md, addr, true);
    if ((a & 0xFF00) == 0x1100) {
        mdemu_catch_up_z80(md);
        /* BUSACK on D8: 0 = the 68000 owns the Z80 bus. Other bits float. */
        uint8_t ob = open_bus8(md, addr);
        if (addr & 1)
            return ob;
        return (uint8_t)((ob & 0xFE) | (z80_bus_granted(md) ? 0 : 1));
    }
    return open_bus8(md, addr);
}

void mdemu_z80_set_reset(Mdemu *md, bool held)
{
    if (held && !md->sys.z80_reset) {
        z80_reset(&md->z80);
        /* The YM2612's /IC shares the Z80 reset line on the model 1 board. */
        mdemu_catch_up_audio(md, mdemu_now_68k(md));
        ym2612_reset(&md->ym);
    }
    md->sys.z80_reset = held ? 1 : 0;
}

static void tmss_write(Mdemu *md, uint32_t addr, uint8_t value)
{
    uint32_t i = addr & 3;
    md->sys.tmss_latch[i] = value;
    if (md->cfg.tmss)
        md->sys.tmss_unlocked = md->sys.tmss_latch[0] == 'S' && md->sys.tmss_latch[1] == 'E' &&
                                md->sys.tmss_latch[2] == 'G' && md->sys.tmss_latch[3] == 'A';
}

static void control_write8(Mdemu *md, uint32_t addr, uint8_t value)
{
    if (addr >= 0xA20000) {
        mdemu_debug_log(md, "write to unused address %06X", (unsigned)addr);
        return;
    }
    uint32_t a = addr & 0xFFFF;
    if (a < 0x0100) {
        mdemu_io_write(md, addr, value);
    } else if ((a & 0xFF00) == 0x1100) {
        if (!(addr & 1)) {
            mdemu_catch_up_z80(md);
            if ((value & 1) && !md->sys.z80_busreq)
                md->sys.z80_busack_at = busack_time(md);
            md->sys.z80_busreq = value & 1;
        }
    } else if ((a & 0xFF00) == 0x1200) {
        if (!(addr & 1)) {
            mdemu_catch_up_z80(md);
            /* A Z80 leaving reset with the bus requested gives it up after
             * its first clock. */
            if ((value & 1) && md->sys.z80_reset && md->sys.z80_busreq)
                md->sys.z80_busack_at = (mdemu_now_68k(md) + 14) / 15 * 15 + 15;
            mdemu_z80_set_reset(md, (value & 1) == 0);
        }
    } else if ((a & 0xFF00) == 0x3000) {
        mdemu_cart_a130_write(md, addr, value);
    } else if (a >= 0x4000 && a < 0x4004) {
        tmss_write(md, addr, value);
    } else {
        mdemu_debug_log(md, "write to unmapped %06X", (unsigned)addr);
    }
}

/* ---- dispatch ----------------------------------------------------------- */

static bool test_port_write8(Mdemu *md, uint32_t addr, uint8_t value)
{
    if (!md->test_port)
        return false;
    if (addr == md->test_port) {
        if (md->test_putc)
            md->test_putc(md->test_ctx, value);
        return true;
    }
    if (addr == md->test_port + 1) {
        md->test_exit = value;
        md->stop_requested = true;
        m68k_end_run(&md->cpu);
        return true;
    }
    return false;
}

static uint8_t bus_read8(void *ctx, uint32_t addr)
{
    Mdemu *md = ctx;
    addr &= 0xFFFFFF;
    switch (addr >> 20) {
    case 0x0: case 0x1: case 0x2: case 0x3:
        return mdemu_cart_read8(md, addr);
    case 0xA:
        if (addr < 0xA10000)
            return z80_area_read8(md, addr);
        return control_read8(md, addr);
    case 0xC: case 0xD: {
        uint16_t w = mdemu_vdp_read16(md, addr & ~1u);
        return (addr & 1) ? (uint8_t)w : (uint8_t)(w >> 8);
    }
    case 0xE: case 0xF:
        return md->sys.work_ram[addr & 0xFFFF];
    default:
        mdemu_debug_log(md, "read from unmapped %06X", (unsigned)addr);
        return open_bus8(md, addr);
    }
}

static uint16_t bus_read16(void *ctx, uint32_t addr)
{
    Mdemu *md = ctx;
    addr &= 0xFFFFFE;
    switch (addr >> 20) {
    case 0xA:
        if (addr < 0xA10000) {
            /* The Z80 bus is 8 bits wide: a word read sees the byte twice. */
            uint8_t b = z80_area_read8(md, addr);
            return (uint16_t)(b << 8 | b);
        }
        if (addr >= 0xA20000) /* nothing answers between the I/O area and the VDP */
            return mdemu_open_bus(md);
        if ((addr & 0xFFFF) < 0x0100) {
            /* The I/O chip drives both halves of the bus with its register. */
            uint8_t b = mdemu_io_read(md, addr | 1, true);
            return (uint16_t)(b << 8 | b);
        }
        return (uint16_t)(control_read8(md, addr) << 8 | control_read8(md, addr | 1));
    case 0xC: case 0xD:
        return mdemu_vdp_read16(md, addr);
    default:
        return (uint16_t)(bus_read8(md, addr) << 8 | bus_read8(md, addr | 1));
    }
}

static void bus_write8(void *ctx, uint32_t addr, uint8_t value)
{
    Mdemu *md = ctx;
    addr &= 0xFFFFFF;
    if (test_port_write8(md, addr, value))
        return;
    switch (addr >> 20) {
    case 0x0: case 0x1: case 0x2: case 0x3:
        mdemu_cart_write8(md, addr, value);
        return;
    case 0xA:
        if (addr < 0xA10000)
            z80_area_write8(md, addr, value);
        else
            control_write8(md, addr, value);
        return;
    case 0xC: case 0xD:
        /* The VDP sees the byte on both halves of the bus. */
        mdemu_vdp_write16(md, addr, (uint16_t)(value << 8 | value), true);
        return;
    case 0xE: case 0xF:
        md->sys.work_ram[addr & 0xFFFF] = value;
        return;
    default:
        mdemu_debug_log(md, "write to unmapped %06X", (unsigned)addr);
        return;
    }
}

static void bus_write16(void *ctx, uint32_t addr, uint16_t value)
{
    Mdemu *md = ctx;
    addr &= 0xFFFFFE;
    if (md->test_port && (addr == md->test_port || addr + 1 == md->test_port)) {
        bus_write8(md, addr, (uint8_t)(value >> 8));
        bus_write8(md, addr | 1, (uint8_t)value);
        return;
    }
    switch (addr >> 20) {
    case 0xA:
        if (addr < 0xA10000) {
            /* 8-bit Z80 bus: the high byte of the word goes through. */
            z80_area_write8(md, addr, (uint8_t)(value >> 8));
            return;
        }
        if (addr >= 0xA20000)
            return;
        if ((addr & 0xFFFF) < 0x0100) {
            mdemu_io_write(md, addr | 1, (uint8_t)value);
            return;
        }
        if ((addr & 0xFF00) == 0x1100 || (addr & 0xFF00) == 0x1200) {
            /* BUSREQ and RESET sit on D8. */
            control_write8(md, addr, (uint8_t)(value >> 8));
            return;
        }
        control_write8(md, addr, (uint8_t)(value >> 8));
        control_write8(md, addr | 1, (uint8_t)value);
        return;
    case 0xC: case 0xD:
        mdemu_vdp_write16(md, addr, value, false);
        return;
    default:
        bus_write8(md, addr, (uint8_t)(value >> 8));
        bus_write8(md, addr | 1, (uint8_t)value);
        return;
    }
}

/* TAS's write cycle. The Genesis bus logic does not carry out the write
 * half of the 68000's read-modify-write cycle to work RAM, so TAS there
 * only tests the byte (Sega Retro, "Sega Mega Drive/Quirks", TAS
 * instruction support: a no-op for memory writes on model 1 and 2 consoles;
 * Gargoyles and Ex-Mutants depend on it). Elsewhere the write goes through. */
static void bus_rmw_write8(void *ctx, uint32_t addr, uint8_t value)
{
    Mdemu *md = ctx;
    addr &= 0xFFFFFF;
    if (addr >= 0xE00000)
        return;
    uint8_t *page = md->cpu.bus.page_write[addr >> 16];
    if (page)
        page[addr & 0xFFFF] = value;
    else
        bus_write8(md, addr, value);
}

/* VDP interrupts are autovectored; the acknowledge clears the VDP's pending flag. */
static int bus_int_ack(void *ctx, int level)
{
    Mdemu *md = ctx;
    mdemu_catch_up_vdp(md, mdemu_now_68k(md));
    vdp_irq_ack(&md->vdp, level);
    mdemu_vdp_ipl_follow(md, mdemu_now_68k(md));
    return M68K_INT_ACK_AUTOVECTOR;
}

/* RESET instruction: resets the external devices on /VRES's path (I/O chip);
 * the Z80 and VDP are not on the 68000's RESET output on the model 1. */
static void bus_reset_out(void *ctx)
{
    Mdemu *md = ctx;
    mdemu_ports_reset(md);
}

/* For the trace line: what the 68000 would read, minus every side effect. */
static uint16_t bus_peek16(void *ctx, uint32_t addr)
{
    Mdemu *md = ctx;
    return (uint16_t)(mdemu_peek8(md, addr) << 8 | mdemu_peek8(md, addr | 1));
}

void mdemu_bus68k_init(M68kBus *bus, Mdemu *md)
{
    *bus = (M68kBus){
        .ctx = md,
        .read8 = bus_read8,
        .read16 = bus_read16,
        .write8 = bus_write8,
        .write16 = bus_write16,
        .int_ack = bus_int_ack,
        .reset_out = bus_reset_out,
        .rmw_write8 = bus_rmw_write8,
        .peek16 = bus_peek16,
    };
}

/* Memory without side effects, for VDP DMA: ROM pages, work RAM, SRAM. */
uint16_t mdemu_read16_quiet(Mdemu *md, uint32_t addr)
{
    addr &= 0xFFFFFE;
    const uint8_t *page = md->cpu.bus.page_read[addr >> 16];
    if (page)
        return (uint16_t)(page[addr & 0xFFFF] << 8 | page[(addr & 0xFFFF) + 1]);
    if (addr < 0x400000)
        return (uint16_t)(mdemu_cart_read8(md, addr) << 8 | mdemu_cart_read8(md, addr | 1));
    if (addr >= 0xE00000)
        return (uint16_t)(md->sys.work_ram[addr & 0xFFFF] << 8 | md->sys.work_ram[(addr & 0xFFFF) + 1]);
    return mdemu_open_bus(md);
}

uint16_t mdemu_vdp_dma_read(void *ctx, uint32_t addr)
{
    return mdemu_read16_quiet(ctx, addr);
}

/* The Z80's window onto 68000 space: cartridge, I/O chip, cartridge
 * registers and work RAM answer. The Z80 control registers and unmapped
 * space read as 0xFF and ignore writes. */
static bool window_reaches(uint32_t addr)
{
    return addr < 0x400000 || addr >= 0xE00000 || (addr >= 0xA10000 && addr < 0xA10100) ||
           (addr >= 0xA13000 && addr < 0xA13100);
}

/* Two targets deadlock the console: Z80 space needs the Z80's own bus,
 * which the Z80 holds while it waits for the 68000 bus; the VDP does not
 * answer bus cycles the arbiter makes for the Z80 through the window (the
 * Z80 reaches the VDP at 7F00h instead). Either way the Z80 never gets its
 * data and the 68000 never gets its bus back: both stop until reset. */
static bool window_deadlocks(Mdemu *md, uint32_t addr)
{
    bool z80_space = addr >= 0xA00000 && addr < 0xA10000;
    bool vdp = addr >= 0xC00000 && addr < 0xE00000;
    if (!z80_space && !vdp)
        return false;
    z80_hang(&md->z80);
    mdemu_lock_up(md, z80_space ? "Z80 access to Z80 space through its window"
                                : "Z80 access to the VDP through its window", addr);
    return true;
}

uint8_t mdemu_z80_window_read(Mdemu *md, uint32_t addr)
{
    addr &= 0xFFFFFF;
    const uint8_t *page = md->cpu.bus.page_read[addr >> 16];
    if (page)
        return page[addr & 0xFFFF];
    if (window_deadlocks(md, addr))
        return 0xFF;
    if (!window_reaches(addr)) {
        mdemu_debug_log(md, "Z80 window read of %06X", (unsigned)addr);
        return 0xFF;
    }
    return bus_read8(md, addr);
}

void mdemu_z80_window_write(Mdemu *md, uint32_t addr, uint8_t value)
{
    addr &= 0xFFFFFF;
    uint8_t *page = md->cpu.bus.page_write[addr >> 16];
    if (page) {
        page[addr & 0xFFFF] = value;
        return;
    }
    if (window_deadlocks(md, addr))
        return;
    if (!window_reaches(addr)) {
        mdemu_debug_log(md, "Z80 window write to %06X", (unsigned)addr);
        return;
    }
    bus_write8(md, addr, value);
}
