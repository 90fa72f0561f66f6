/* mdemu_vdp_ports.c - the VDP as the 68000 sees it at 0xC00000: data,
 * control and HV counter ports with their mirrors, the PSG at 0xC00011,
 * TMSS locking, and the lock-up of accesses the VDP does not decode
 * (Sega Genesis Technical Manual, VDP port addresses). */
#include "mdemu_internal.h"

/* The VDP answers only while A5-A7 and A16-A18 are low (C. MacDonald's
 * genvdp.txt, port mirroring): C00000-C0001F repeats at C80000, D00000... */
static bool vdp_decoded(uint32_t addr)
{
    return (addr & 0xE700E0u) == 0xC00000u;
}

/* Accesses nobody acknowledges leave the 68000 waiting for /DTACK forever:
 * the console hangs until reset. The CPU is halted the way a double bus
 * fault halts it (only a reset restarts it). */
void mdemu_lock_up(Mdemu *md, const char *why, uint32_t addr)
{
    mdemu_log(md, 1, "68000 locked up: %s at %06X (the console hangs here too)", why, (unsigned)addr);
    m68k_halt(&md->cpu);
}

static bool vdp_locked(Mdemu *md, uint32_t addr)
{
    if (md->sys.tmss_unlocked)
        return false;
    /* With TMSS, the VDP answers only after "SEGA" was written to 0xA14000. */
    mdemu_lock_up(md, "VDP access before the TMSS unlock", addr);
    return true;
}

uint16_t mdemu_vdp_read16(Mdemu *md, uint32_t addr)
{
    if (!vdp_decoded(addr)) {
        mdemu_lock_up(md, "read from an undecoded VDP address", addr);
        return mdemu_open_bus(md);
    }
    if (vdp_locked(md, addr))
        return mdemu_open_bus(md);
    mdemu_catch_up_vdp(md, mdemu_now_68k(md));
    switch (addr & 0x1C) {
    case 0x00: {
        /* The wait depends on the writes still queued, which the read drains. */
        uint32_t wait = vdp_read_wait(&md->vdp);
        uint16_t v = vdp_read_data(&md->vdp);
        if (wait)
            m68k_add_cycles(&md->cpu, (wait + 6) / 7);
        return v;
    }
    case 0x04: {
        /* Bits 15-10 are not driven by the VDP: they read as whatever the 68000's
         * bus last held, its prefetch (genvdp.txt, "status register"). */
        uint16_t v = (uint16_t)((vdp_read_status(&md->vdp) & ~VDP_STATUS_UNDRIVEN_MASK) |
                                (mdemu_open_bus(md) & VDP_STATUS_UNDRIVEN_MASK));
        return v;
    }
    case 0x08:
    case 0x0C:
        return vdp_read_hv(&md->vdp);
    default:
        return mdemu_open_bus(md);
    }
}

void mdemu_vdp_write16(Mdemu *md, uint32_t addr, uint16_t value, bool byte_write)
{
    if (!vdp_decoded(addr)) {
        mdemu_lock_up(md, "write to an undecoded VDP address", addr);
        return;
    }
    if (vdp_locked(md, addr))
        return;
    uint64_t now = mdemu_now_68k(md);
    mdemu_catch_up_vdp(md, now);
    uint32_t stall = 0;
    switch (addr & 0x1C) {
    case 0x00: stall = vdp_write_data(&md->vdp, value); break;
    case 0x04: stall = vdp_write_control(&md->vdp, value); break;
    case 0x10:
    case 0x14:
        /* SN76489 inside the VDP: byte writes to the odd addresses; a word
         * write presents its low byte there. */
        if (!byte_write || (addr & 1)) {
            mdemu_catch_up_audio(md, now);
            psg_write(&md->psg, (uint8_t)value);
        }
        break;
    default:
        break;
    }
    if (stall)
        m68k_add_cycles(&md->cpu, (stall + 6) / 7);
    /* A register write reaches the VDP at the end of the 68000's write
     * cycle (4 clocks after it began), and its interrupt output follows
     * from there. */
    mdemu_vdp_ipl_follow(md, now + 4 * 7);
}

