/* mdemu_busz80.c - the Z80's memory map (Sega Genesis Technical Manual,
 * Z80 memory map):
 *   0000-1FFF 8 KiB RAM (mirrored at 2000-3FFF; direct pages)
 *   4000-5FFF YM2612 (A1:A0 select the port)
 *   6000-60FF bank register: each write shifts D0 into a 9-bit register
 *   7F00-7F1F VDP ports (PSG at 7F11..7F17)
 *   8000-FFFF 32 KiB window onto 68000 space at bank * 0x8000 */
#include "mdemu_internal.h"

/* A Z80 access to the 68000's bus (the window, and the VDP, which sits on
 * the 68000's bus) waits for the bus arbiter to hand it that bus. The
 * Z80's wait depends on the 68000's phase, so it is kept as an exact
 * average: whole T-states per access plus the tenths carried in the board
 * state. Through the window it is 3.3 Z80 clocks (Kabuto, "Sega Mega Drive
 * / Genesis hardware notes" v1.5, from Overdrive 2's sample player, which
 * plays at the wrong pitch without it); at the VDP ports 2.5 (notaz,
 * testpico "time z80 vdp", measured on hardware: 1536 reads of the HV
 * counter take 17 lines more than reads of Z80 RAM, 2.42-2.57 clocks
 * each). The 68000 loses the bus for about 11 of its clocks per access
 * (hardware measurements published on the SpritesMind development forum). */
#define Z80_WINDOW_WAIT_TENTHS 33u
#define Z80_VDP_WAIT_TENTHS 25u
#define Z80_68K_BUS_STALL_MASTER (11u * 7u)

static void m68k_bus_wait(Mdemu *md, uint32_t tenths)
{
    uint32_t owed = md->sys.z80_window_wait_tenths + tenths;
    z80_add_tstates(&md->z80, owed / 10);
    md->sys.z80_window_wait_tenths = owed % 10;
    md->sys.z80_stall_master += Z80_68K_BUS_STALL_MASTER;
}

static void window_wait(Mdemu *md) { m68k_bus_wait(md, Z80_WINDOW_WAIT_TENTHS); }

static uint32_t window_address(const Mdemu *md, uint16_t addr)
{
    return ((uint32_t)md->sys.z80_bank << 15) | (addr & 0x7FFFu);
}

static uint64_t z80_master_now(const Mdemu *md)
{
    return mdemu_now_z80(md);
}

static uint8_t vdp_port_read(Mdemu *md, uint16_t addr)
{
    m68k_bus_wait(md, Z80_VDP_WAIT_TENTHS);
    mdemu_catch_up_vdp(md, z80_master_now(md));
    uint16_t w;
    switch (addr & 0x1C) {
    case 0x00: {
        uint32_t wait = vdp_read_wait(&md->vdp);
        w = vdp_read_data(&md->vdp);
        if (wait)
            z80_add_tstates(&md->z80, (wait + 14) / 15);
        break;
    }
    case 0x04: w = vdp_read_status(&md->vdp); break;
    case 0x08: case 0x0C: w = vdp_read_hv(&md->vdp); break;
    default: return 0xFF;
    }
    return (addr & 1) ? (uint8_t)w : (uint8_t)(w >> 8);
}

static void vdp_port_write(Mdemu *md, uint16_t addr, uint8_t value)
{
    m68k_bus_wait(md, Z80_VDP_WAIT_TENTHS);
    uint64_t now = z80_master_now(md);
    mdemu_catch_up_vdp(md, now);
    uint32_t stall = 0;
    uint16_t w = (uint16_t)(value << 8 | value);
    switch (addr & 0x1C) {
    case 0x00: stall = vdp_write_data(&md->vdp, w); break;
    case 0x04: stall = vdp_write_control(&md->vdp, w); break;
    case 0x10: case 0x14:
        if (addr & 1) {
            mdemu_catch_up_audio(md, now);
            psg_write(&md->psg, value);
        }
        break;
    default: break;
    }
    if (stall)
        z80_add_tstates(&md->z80, (stall + 14) / 15);
}

static uint8_t z80_read(void *ctx, uint16_t addr)
{
    Mdemu *md = ctx;
    if (addr < 0x4000)
        return md->sys.z80_ram[addr & (MDEMU_Z80_RAM_SIZE - 1)];
    if (addr < 0x6000) {
        mdemu_catch_up_audio(md, z80_master_now(md));
        return ym2612_read_status(&md->ym);
    }
    if (addr >= 0x8000) {
        window_wait(md);
        return mdemu_z80_window_read(md, window_address(md, addr));
    }
    if (addr >= 0x7F00 && addr < 0x7F20)
        return vdp_port_read(md, addr);
    return 0xFF;
}

static void z80_write(void *ctx, uint16_t addr, uint8_t value)
{
    Mdemu *md = ctx;
    if (addr < 0x4000) {
        md->sys.z80_ram[addr & (MDEMU_Z80_RAM_SIZE - 1)] = value;
    } else if (addr < 0x6000) {
        mdemu_catch_up_audio(md, z80_master_now(md));
        ym2612_write(&md->ym, addr & 3, value);
    } else if (addr < 0x6100) {
        md->sys.z80_bank = (uint16_t)(((md->sys.z80_bank >> 1) | ((value & 1u) << 8)) & 0x1FF);
    } else if (addr >= 0x8000) {
        window_wait(md);
        mdemu_z80_window_write(md, window_address(md, addr), value);
    } else if (addr >= 0x7F00 && addr < 0x7F20) {
        vdp_port_write(md, addr, value);
    }
}

/* Nothing answers Z80 I/O cycles on the Genesis: the bus floats high. */
static uint8_t z80_in(void *ctx, uint16_t port)
{
    (void)ctx;
    (void)port;
    return 0xFF;
}

static void z80_out(void *ctx, uint16_t port, uint8_t value)
{
    (void)ctx;
    (void)port;
    (void)value;
}

/* For the trace line: Z80 RAM and the bank window's ROM/RAM, with no wait
 * states and no I/O side effects. */
static uint8_t z80_peek(void *ctx, uint16_t addr)
{
    Mdemu *md = ctx;
    if (addr < 0x4000)
        return md->sys.z80_ram[addr & (MDEMU_Z80_RAM_SIZE - 1)];
    if (addr >= 0x8000)
        return mdemu_peek8(md, ((uint32_t)md->sys.z80_bank << 15) | (addr & 0x7FFFu));
    return 0xFF;
}

void mdemu_busz80_init(Z80Bus *bus, Mdemu *md)
{
    *bus = (Z80Bus){
        .ctx = md,
        .read = z80_read,
        .write = z80_write,
        .in = z80_in,
        .out = z80_out,
        .int_ack = NULL,
        .peek = z80_peek,
    };
}
