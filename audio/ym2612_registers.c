/* ym2612_registers.c - bus interface: address/data ports, register decode,
 * key-on, status and the busy flag.
 *
 * Registers 0x21..0x2F exist on port 1 only. F-number writes go through a
 * latch: the high byte (0xA4..0xA6, block and F-number bits 10-8) is held
 * until the low byte (0xA0..0xA2) is written, and the same for channel 3's
 * special-mode registers 0xAC..0xAE / 0xA8..0xAA (YM2612 application
 * manual; Nemesis found both latches shared by all channels).
 */
#include <string.h>

#include "ym2612_internal.h"

void ym2612_init(Ym2612 *ym, Ym2612Model model)
{
    memset(ym, 0, sizeof *ym);
    ym->model = model;
    ym_build_roms(ym->logsin_rom, ym->exp_rom);
    ym_build_lookup(ym);
    ym2612_reset(ym);
}

void ym2612_reset(Ym2612 *ym)
{
    Ym2612State *s = &ym->state;
    memset(s, 0, sizeof *s);
    /* The envelope divider's phase at reset puts the first envelope
     * sample second (YM3438 die analysis). */
    s->eg_divider = 1;
    s->kon_channel = 0xFF;
    for (unsigned ch = 0; ch < 6; ch++) {
        /* Panning powers up as left + right; some games rely on it. */
        s->regs[ch / 3][0xB4 + ch % 3] = 0xC0;
        for (unsigned op = 0; op < 4; op++) {
            s->slots[ch][op].attenuation = 0x3FF;
            s->slots[ch][op].eg_stage = YM2612_EG_RELEASE;
        }
    }
    ym_derive_all(s);
}

uint8_t ym2612_read_status(const Ym2612 *ym)
{
    const Ym2612State *s = &ym->state;
    uint8_t busy = (s->clock < s->busy_until) ? 0x80 : 0x00;
    return (uint8_t)(busy | (s->status & 0x03));
}

/* Register 0x28: bits 2-0 pick the channel (0-2, 4-6), bits 7-4 operators
 * 4..1. The chip holds the last write and applies it at the channel's
 * turns (ym_kon_pending); an invalid channel (3 or 7) selects none. */
static void write_key_on(Ym2612State *s, uint8_t value)
{
    unsigned sel = value & 7;
    s->kon_channel = (sel & 3) == 3 ? 0xFF : (uint8_t)((sel & 3) + ((sel & 4) ? 3 : 0));
    s->kon_operators = (uint8_t)(value >> 4);
}

static void write_global(Ym2612State *s, uint8_t reg, uint8_t value)
{
    switch (reg) {
    case 0x27: /* the mode bits pick channel 3's operator frequencies */
        ym_timers_write_control(s, value);
        ym_derive_channel(s, 2);
        return;
    case 0x28: write_key_on(s, value); break;
    default: break;
    }
    s->regs[0][reg] = value;
}

static void write_frequency(Ym2612State *s, unsigned bank, uint8_t reg, uint8_t value)
{
    unsigned index = reg & 3;
    if (index == 3) return;
    unsigned ch = bank * 3 + index;
    switch (reg & 0xFC) {
    case 0xA0:
        s->channels[ch].fnum = (uint16_t)(((s->freq_latch & 7u) << 8) | value);
        s->channels[ch].block = (uint8_t)((s->freq_latch >> 3) & 7);
        break;
    case 0xA4: s->freq_latch = value & 0x3F; break;
    case 0xA8:
        if (bank == 0) {
            s->ch3_fnum[index] = (uint16_t)(((s->ch3_freq_latch & 7u) << 8) | value);
            s->ch3_block[index] = (uint8_t)((s->ch3_freq_latch >> 3) & 7);
        }
        break;
    case 0xAC:
        if (bank == 0) s->ch3_freq_latch = value & 0x3F;
        break;
    default: break;
    }
}

static void write_register(Ym2612State *s, unsigned bank, uint8_t reg, uint8_t value)
{
    if (reg < 0x30) {
        if (bank == 0 && reg >= 0x21) write_global(s, reg, value);
        return;
    }
    if (reg >= 0xA0 && reg < 0xB0) write_frequency(s, bank, reg, value);
    s->regs[bank][reg] = value;
    if (reg >= 0xB7) return;

    /* Refresh what the sample loop derives from the register. */
    unsigned index = reg & 3;
    if (index == 3) return;
    unsigned ch = bank * 3 + index;
    if (reg < 0xA0) ym_derive_slot_register(s, ch, ym_op_reg_index((reg >> 2) & 3), reg & 0xF0u);
    else if (reg < 0xA4 || reg >= 0xB0) ym_derive_channel(s, ch);
    else if (reg >= 0xA8 && reg < 0xAC && bank == 0) ym_derive_channel(s, 2);
}

void ym2612_write(Ym2612 *ym, unsigned addr, uint8_t value)
{
    Ym2612State *s = &ym->state;
    if ((addr & 1) == 0) {
        s->address = value;
        return;
    }
    ym2612_sync(ym); /* the turns before the write must not see it */
    write_register(s, (addr >> 1) & 1, s->address, value);
    s->busy_until = s->clock + YM2612_BUSY_CLOCKS;
}
