/* vdp_timing.c - where things happen inside a line: H/V counters, blanking,
 * interrupt points and the external access slots.
 *
 * A line starts (offset 0) when the V counter increments. Counter ranges and
 * the flag/increment points are from Nemesis, "VDP HV counter/Status register
 * progression and timings" (SpritesMind forum, 2010, hardware measurements):
 *   H32: H counter 0x00-0x93 then 0xE9-0xFF, one step per 20 master clocks
 *        (342 pixels of 10 clocks, 2 pixels per step); V increments at H 0x85.
 *   H40: H counter 0x00-0xB6 then 0xE4-0xFF; steps of 16 clocks except 11
 *        steps of 20 clocks during horizontal sync (3420 = 200*16 + 11*20);
 *        V increments at H 0xA5.
 *   HBlank flag: set at H 0x93 (H32) / 0xB3 (H40), cleared at 0x05 / 0x06.
 *   VINT (status F) at H 0x01 of the first blanked line.
 *   VBlank flag: set from the first blanked line, cleared on the last line
 *        of the frame (V counter 0x1FF), when the VDP starts fetching again.
 *   V counter: NTSC V28 0x000-0x0EA then 0x1E5-0x1FF; PAL V28 0x000-0x102
 *        then 0x1CA-0x1FF; PAL V30 0x000-0x10A then 0x1D2-0x1FF; NTSC V30
 *        has no jump.
 */
#include "vdp_internal.h"

enum {
    H32_STEP = 20,
    H32_ZERO = 38 * H32_STEP, /* 15 steps 0x85-0x93 + 23 steps 0xE9-0xFF */
    H40_FAST = 16,
    H40_SLOW = 20,
    H40_SYNC_START = 18 * H40_FAST,                    /* 0xA5-0xB6 */
    H40_SYNC_END = H40_SYNC_START + 11 * H40_SLOW,     /* 0xE4-0xEE */
    H40_ZERO = H40_SYNC_END + 17 * H40_FAST            /* 0xEF-0xFF */
};

int vdp_hzero_offset(const VdpState *s) { return vdp_is_h40(s) ? H40_ZERO : H32_ZERO; }

int vdp_vint_offset(const VdpState *s)
{
    return vdp_is_h40(s) ? H40_ZERO + H40_FAST : H32_ZERO + H32_STEP;
}

uint8_t vdp_hcounter_at(const VdpState *s, int offset)
{
    if (!vdp_is_h40(s)) {
        int step = offset / H32_STEP;
        if (step < 15)
            return (uint8_t)(0x85 + step);
        if (step < 38)
            return (uint8_t)(0xE9 + step - 15);
        return (uint8_t)(step - 38);
    }
    if (offset < H40_SYNC_START)
        return (uint8_t)(0xA5 + offset / H40_FAST);
    if (offset < H40_SYNC_END)
        return (uint8_t)(0xE4 + (offset - H40_SYNC_START) / H40_SLOW);
    if (offset < H40_ZERO)
        return (uint8_t)(0xEF + (offset - H40_SYNC_END) / H40_FAST);
    return (uint8_t)((offset - H40_ZERO) / H40_FAST);
}

uint16_t vdp_vcounter(const VdpState *s)
{
    int line = s->line;
    int last, jump_to;
    if (s->pal) {
        last = vdp_is_v30(s) ? 0x10A : 0x102;
        jump_to = vdp_is_v30(s) ? 0x1D2 : 0x1CA;
    } else if (vdp_is_v30(s)) {
        return (uint16_t)(line & 0x1FF);
    } else {
        last = 0xEA;
        jump_to = 0x1E5;
    }
    if (line <= last)
        return (uint16_t)line;
    return (uint16_t)((jump_to + line - last - 1) & 0x1FF);
}

int vdp_in_hblank(const VdpState *s, int offset)
{
    if (vdp_is_h40(s))
        return offset >= 14 * H40_FAST && offset < H40_ZERO + 6 * H40_FAST;
    return offset >= 14 * H32_STEP && offset < H32_ZERO + 5 * H32_STEP;
}

int vdp_in_vblank(const VdpState *s)
{
    if (!vdp_display_on(s))
        return 1;
    return s->line >= vdp_active_lines(s) && s->line < vdp_total_lines(s) - 1;
}

/* External (CPU/DMA) access slots per line. Active display: 16 (H32) / 18
 * (H40), Sega's DMA bandwidth table (Genesis Technical Manual, reproduced on
 * the MegaDrive Development Wiki "VDP DMA"). Blanking: 166 / 204; Sega's
 * table says 167 / 205 but hardware measurements give one less (SpritesMind
 * forum, viewtopic.php?p=20921). The rest of the line's memory cycles go to
 * pattern/sprite fetches and refresh. Slots are spread evenly over the line. */
int vdp_slots_per_line(const VdpState *s)
{
    int active = vdp_display_on(s) && s->line < vdp_active_lines(s);
    if (vdp_is_h40(s))
        return active ? 18 : 204;
    return active ? 16 : 166;
}

/* Offset of slot `i` of `c` in the line: the middle of its share. Tabled
 * per slot count, as the run loop asks for the next slot very often and a
 * division by a variable is slow. */
#define SLOT_AT(c, i) ((uint16_t)(((2 * (i) + 1) * VDP_MASTER_CLOCKS_PER_LINE) / (2 * (c))))
#define SLOTS4(c, b) SLOT_AT(c, b), SLOT_AT(c, (b) + 1), SLOT_AT(c, (b) + 2), SLOT_AT(c, (b) + 3)
#define SLOTS16(c, b) SLOTS4(c, b), SLOTS4(c, (b) + 4), SLOTS4(c, (b) + 8), SLOTS4(c, (b) + 12)
#define SLOTS64(c, b) SLOTS16(c, b), SLOTS16(c, (b) + 16), SLOTS16(c, (b) + 32), SLOTS16(c, (b) + 48)
#define SLOTS256(c) {SLOTS64(c, 0), SLOTS64(c, 64), SLOTS64(c, 128), SLOTS64(c, 192)}
static const uint16_t slot_offsets_h32_active[256] = SLOTS256(16);
static const uint16_t slot_offsets_h40_active[256] = SLOTS256(18);
static const uint16_t slot_offsets_h32_blank[256] = SLOTS256(166);
static const uint16_t slot_offsets_h40_blank[256] = SLOTS256(204);

static const uint16_t *slot_offsets(int count)
{
    switch (count) {
    case 16: return slot_offsets_h32_active;
    case 18: return slot_offsets_h40_active;
    case 166: return slot_offsets_h32_blank;
    default: return slot_offsets_h40_blank;
    }
}

uint64_t vdp_next_slot(const VdpState *s, uint64_t clock)
{
    int count = vdp_slots_per_line(s);
    const uint16_t *slot_at = slot_offsets(count);
    int offset = (int)(clock - s->line_start);
    if (offset < 0 || offset > VDP_MASTER_CLOCKS_PER_LINE)
        return s->line_start + VDP_MASTER_CLOCKS_PER_LINE; /* not within this line */
    int index = offset * count / VDP_MASTER_CLOCKS_PER_LINE;
    while (index < count && slot_at[index] <= offset)
        index++;
    if (index >= count)
        return s->line_start + VDP_MASTER_CLOCKS_PER_LINE;
    return s->line_start + slot_at[index];
}

/* HV counter word: V in the high byte, H in the low byte. Interlace modes
 * replace V bit 0 with V bit 8 (mode 1) or show the doubled counter (mode 2)
 * (genvdp.txt, "HV counter"). */
uint16_t vdp_hv_now(const VdpState *s)
{
    int offset = (int)(s->clock - s->line_start);
    uint16_t vc = vdp_vcounter(s);
    uint8_t v8;
    switch (vdp_interlace_mode(s)) {
    case 1:
        v8 = (uint8_t)((vc & 0xFE) | ((vc >> 8) & 1));
        break;
    case 2:
        v8 = (uint8_t)(((vc << 1) & 0xFE) | ((vc >> 7) & 1));
        break;
    default:
        v8 = (uint8_t)vc;
        break;
    }
    return (uint16_t)((v8 << 8) | vdp_hcounter_at(s, offset));
}
