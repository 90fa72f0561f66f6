/* mdemu_pads.c - the I/O chip at 0xA10000: version register, the three
 * ports' data/control/serial registers, and the 3- and 6-button pads.
 *
 * Registers sit on odd addresses (A10001 version, A10003/5/7 data,
 * A10009/B/D control, A1000F.. serial); A5-A7 are not decoded.
 * Pads (Sega controller pinout): with TH high the pad returns
 * TH,C,B,Right,Left,Down,Up; with TH low TH,Start,A,0,0,Down,Up (active low).
 * The 6-button pad counts TH falling edges: after the third its TH-low read
 * has bits 3-0 low, the TH-high read that follows gives C,B,Mode,X,Y,Z, and
 * the fourth TH-low read has bits 3-0 high. Its counter clears when TH has
 * not changed for about 1.5 ms (Sega six-button pad behaviour as measured by
 * homebrew developers; games rely on reading it once per frame). */
#include "mdemu_internal.h"

/* 1.5 ms of master clock at the console's rate. */
static uint64_t six_button_timeout(const Mdemu *md)
{
    return (uint64_t)(md->pal ? MDEMU_MASTER_HZ_PAL : MDEMU_MASTER_HZ_NTSC) * 3u / 2000u;
}

void mdemu_ports_reset(Mdemu *md)
{
    for (int p = 0; p < 3; p++) {
        MdemuPortState *port = &md->sys.port[p];
        uint16_t buttons = port->buttons;
        *port = (MdemuPortState){0};
        port->buttons = buttons;
        port->data = 0x7F;
        port->tx_data = 0xFF;
        port->th_level = 1; /* TH is an input after reset: pulled up */
    }
}

static uint8_t version_register(const Mdemu *md)
{
    uint8_t v = 0x20; /* bit 5 set: no expansion unit (Mega-CD) attached */
    if (md->region != MDEMU_REGION_JP)
        v |= 0x80; /* overseas */
    if (md->pal)
        v |= 0x40;
    if (md->cfg.tmss)
        v |= 0x01; /* hardware version 1+ has the TMSS */
    return v;
}

static unsigned six_button_edges(const Mdemu *md, const MdemuPortState *port)
{
    if (mdemu_now_68k(md) - port->th_changed_at > six_button_timeout(md))
        return 0;
    return port->th_edges;
}

/* Lines the pad drives (bits 0-5; bit 6 = TH as the pad sees it), 1 = high. */
static uint8_t pad_lines(const Mdemu *md, int p)
{
    const MdemuPortState *port = &md->sys.port[p];
    MdemuPadType type = p < 2 ? md->pad_type[p] : MDEMU_PAD_NONE;
    if (type == MDEMU_PAD_NONE)
        return 0x7F;
    uint16_t b = port->buttons;
    unsigned edges = type == MDEMU_PAD_6BUTTON ? six_button_edges(md, port) : 0;
    uint8_t pressed; /* active-high here, inverted below */
    if (port->th_level) {
        if (edges == 3)
            pressed = (uint8_t)(((b & MDEMU_BTN_Z) ? 0x01 : 0) | ((b & MDEMU_BTN_Y) ? 0x02 : 0) |
                                ((b & MDEMU_BTN_X) ? 0x04 : 0) | ((b & MDEMU_BTN_MODE) ? 0x08 : 0));
        else
            pressed = (uint8_t)(((b & MDEMU_BTN_UP) ? 0x01 : 0) | ((b & MDEMU_BTN_DOWN) ? 0x02 : 0) |
                                ((b & MDEMU_BTN_LEFT) ? 0x04 : 0) | ((b & MDEMU_BTN_RIGHT) ? 0x08 : 0));
        pressed |= (uint8_t)(((b & MDEMU_BTN_B) ? 0x10 : 0) | ((b & MDEMU_BTN_C) ? 0x20 : 0));
        return (uint8_t)(0x40 | (~pressed & 0x3F));
    }
    pressed = (uint8_t)(((b & MDEMU_BTN_A) ? 0x10 : 0) | ((b & MDEMU_BTN_START) ? 0x20 : 0));
    uint8_t low_nibble;
    if (edges == 3)
        low_nibble = 0x0; /* reads as all pressed: identifies the 6-button pad */
    else if (edges == 4)
        low_nibble = 0xF;
    else /* bits 2-3 are grounded by the pad while TH is low */
        low_nibble = (uint8_t)(((b & MDEMU_BTN_UP) ? 0 : 0x01) | ((b & MDEMU_BTN_DOWN) ? 0 : 0x02));
    return (uint8_t)((~pressed & 0x30) | low_nibble);
}

static uint8_t data_read(const Mdemu *md, int p)
{
    const MdemuPortState *port = &md->sys.port[p];
    uint8_t out_mask = port->ctrl & 0x7F;
    /* Output bits read back the latch; bit 7 always does. */
    return (uint8_t)((port->data & (out_mask | 0x80)) | (pad_lines(md, p) & ~out_mask & 0x7F));
}

static void update_th(Mdemu *md, int p)
{
    MdemuPortState *port = &md->sys.port[p];
    uint8_t th = (port->ctrl & 0x40) ? (uint8_t)((port->data >> 6) & 1) : 1;
    if (th == port->th_level)
        return;
    uint64_t now = mdemu_now_68k(md);
    if (now - port->th_changed_at > six_button_timeout(md))
        port->th_edges = 0;
    if (port->th_level && !th)
        port->th_edges = port->th_edges >= 4 ? 1 : (uint8_t)(port->th_edges + 1);
    port->th_level = th;
    port->th_changed_at = now;
}

uint8_t mdemu_io_read(Mdemu *md, uint32_t addr, bool side_effects)
{
    (void)side_effects; /* pad reads have no side effects: the counter moves on TH writes */
    unsigned reg = (addr & 0x1F) >> 1;
    switch (reg) {
    case 0: return version_register(md);
    case 1: case 2: case 3: return data_read(md, (int)reg - 1);
    case 4: case 5: case 6: return md->sys.port[reg - 4].ctrl;
    default: {
        const MdemuPortState *port = &md->sys.port[(reg - 7) / 3];
        switch ((reg - 7) % 3) {
        case 0: return port->tx_data;
        case 1: return port->rx_data;
        default: return port->serial_ctrl & 0xF8;
        }
    }
    }
}

void mdemu_io_write(Mdemu *md, uint32_t addr, uint8_t value)
{
    unsigned reg = (addr & 0x1F) >> 1;
    switch (reg) {
    case 0:
        return; /* version register is read-only */
    case 1: case 2: case 3:
        md->sys.port[reg - 1].data = value;
        update_th(md, (int)reg - 1);
        return;
    case 4: case 5: case 6:
        md->sys.port[reg - 4].ctrl = value;
        update_th(md, (int)reg - 4);
        return;
    default: {
        MdemuPortState *port = &md->sys.port[(reg - 7) / 3];
        switch ((reg - 7) % 3) {
        case 0: port->tx_data = value; return;
        case 1: return; /* receive buffer is read-only */
        default: port->serial_ctrl = value & 0xF8; return;
        }
    }
    }
}
