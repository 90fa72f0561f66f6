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
 *        has no jump. Interlaced, the odd field's extra NTSC line is 0x1E4
 *        (Nemesis's interlace table in the same thread); PAL's even field
 *        drops one line the same way (0x1CB).
 * Checked again (round 2) against other published measurements: H32 is 342
 * pixels of 10 clocks, as here (lidnariq, nesdev forum "Megadrive VDP H40
 * timing", 2020). H40 is 420 pixels, 390 of 8 clocks and 30 of 10 (same
 * thread; the slow ones during HSYNC: paulb-nl, MiSTer-devel/Genesis_MiSTer
 * PR #16), and the 9-bit ranges 0x000-0x16C / 0x1C9-0x1FF make 0xB6 and
 * 0xE4 one pixel each. The model below agrees from H 0x00 (offset 780 =
 * 35 fast pixels 0x14A-0x16C, then 25 fast and 30 slow in 0x1C9-0x1FF) to
 * the line's end, so the active area, the interrupts and the slots from
 * H 0x00 on are not affected; within HSYNC it has 22 slow pixels and
 * two-pixel 0xB6 / 0xE4 steps, so H values read there, and the blanked
 * lines' slots there, may be a step off. Where the 30 slow pixels fall
 * inside 0x1C9-0x1FF was not found in the sources.
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
    /* A field one line longer (shorter) jumps back one value earlier (later). */
    if (s->pal) {
        last = vdp_is_v30(s) ? 0x10A : 0x102;
        jump_to = (vdp_is_v30(s) ? 0x1D2 : 0x1CA) - s->field_line_delta;
    } else if (vdp_is_v30(s)) {
        return (uint16_t)(line & 0x1FF);
    } else {
        last = 0xEA;
        jump_to = 0x1E5 - s->field_line_delta;
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

/* External (CPU/DMA) access slots. A line holds 171 (H32) / 210 (H40)
 * VRAM access slots of two pixels each. Kabuto's VRAM access pattern
 * ("Sega Mega Drive / Genesis hardware notes", plutiedev mirror), with the
 * slot positions Nemesis logged against the H counter (SpritesMind forum,
 * VDP FIFO/VRAM timing charts), numbers the slots from 1 at 9-bit H
 * counter 0x1E9 in both widths. On an active line the external slots are
 *   H32: 15 23 31 47 55 63 79 87 95 111 119 127 142 143 157 171 (16)
 *   H40: 15 23 31 47 55 63 79 87 95 111 119 127 143 151 159 174 175 199 (18)
 * and slots 39 71 103 135 (+167 in H40) refresh the DRAM; the rest fetch
 * scroll, name table, pattern and sprite data. On a blanked line (or with
 * the display off) every slot but the refresh ones is external: 167 / 205,
 * as in Sega's DMA bandwidth table (Genesis Technical Manual). Each slot
 * starts at an odd 9-bit H value, the middle of an 8-bit H counter step;
 * the offsets below are those points in this file's H counter model, in
 * master clocks from the line start (generated from the slot numbers with
 * the counter progression above; vdp_timing_test checks them against the
 * H counter). */
static const uint16_t slots_h32_active[16] = {
    230, 510, 810, 970, 1130, 1450, 1610, 1770, 2090, 2250, 2410, 2730, 2890, 3050, 3350, 3370,
};
static const uint16_t slots_h40_active[18] = {
    378, 820, 948, 1076, 1332, 1460, 1588, 1844, 1972, 2100, 2356, 2484, 2612, 2868, 2996, 3124, 3364, 3380,
};
static const uint16_t slots_h32_blank[167] = {
    10, 30, 50, 70, 90, 110, 130, 150, 170, 190, 210, 230, 250, 270, 290, 310, 330, 350, 370, 390, 410, 430,
    450, 470, 490, 510, 530, 550, 570, 590, 610, 630, 650, 670, 690, 710, 730, 750, 770, 790, 810, 830, 850,
    870, 890, 910, 930, 950, 970, 990, 1010, 1030, 1050, 1070, 1090, 1110, 1130, 1150, 1170, 1190, 1210, 1230,
    1250, 1270, 1310, 1330, 1350, 1370, 1390, 1410, 1430, 1450, 1470, 1490, 1510, 1530, 1550, 1570, 1590,
    1610, 1630, 1650, 1670, 1690, 1710, 1730, 1750, 1770, 1790, 1810, 1830, 1850, 1870, 1890, 1910, 1950,
    1970, 1990, 2010, 2030, 2050, 2070, 2090, 2110, 2130, 2150, 2170, 2190, 2210, 2230, 2250, 2270, 2290,
    2310, 2330, 2350, 2370, 2390, 2410, 2430, 2450, 2470, 2490, 2510, 2530, 2550, 2590, 2610, 2630, 2650,
    2670, 2690, 2710, 2730, 2750, 2770, 2790, 2810, 2830, 2850, 2870, 2890, 2910, 2930, 2950, 2970, 2990,
    3010, 3030, 3050, 3070, 3090, 3110, 3130, 3150, 3170, 3190, 3230, 3250, 3270, 3290, 3310, 3330, 3350,
    3370, 3390, 3410,
};
static const uint16_t slots_h40_blank[205] = {
    8, 24, 40, 56, 72, 88, 104, 120, 136, 152, 168, 184, 200, 216, 232, 248, 264, 298, 318, 338, 358, 378,
    398, 418, 438, 458, 478, 498, 516, 532, 548, 564, 580, 596, 612, 628, 644, 660, 676, 692, 708, 724, 740,
    756, 772, 788, 804, 820, 836, 852, 868, 884, 900, 916, 932, 948, 964, 980, 996, 1012, 1028, 1044, 1060,
    1076, 1092, 1108, 1124, 1140, 1156, 1172, 1188, 1220, 1236, 1252, 1268, 1284, 1300, 1316, 1332, 1348,
    1364, 1380, 1396, 1412, 1428, 1444, 1460, 1476, 1492, 1508, 1524, 1540, 1556, 1572, 1588, 1604, 1620,
    1636, 1652, 1668, 1684, 1700, 1732, 1748, 1764, 1780, 1796, 1812, 1828, 1844, 1860, 1876, 1892, 1908,
    1924, 1940, 1956, 1972, 1988, 2004, 2020, 2036, 2052, 2068, 2084, 2100, 2116, 2132, 2148, 2164, 2180,
    2196, 2212, 2244, 2260, 2276, 2292, 2308, 2324, 2340, 2356, 2372, 2388, 2404, 2420, 2436, 2452, 2468,
    2484, 2500, 2516, 2532, 2548, 2564, 2580, 2596, 2612, 2628, 2644, 2660, 2676, 2692, 2708, 2724, 2756,
    2772, 2788, 2804, 2820, 2836, 2852, 2868, 2884, 2900, 2916, 2932, 2948, 2964, 2980, 2996, 3012, 3028,
    3044, 3060, 3076, 3092, 3108, 3124, 3140, 3156, 3172, 3188, 3204, 3220, 3236, 3268, 3284, 3300, 3316,
    3332, 3348, 3364, 3380, 3396, 3412,
};

typedef struct SlotTable {
    const uint16_t *offset;
    int count;
} SlotTable;

/* The slot layout of `line` (active lines fetch the picture; the display
 * switch and the line count are read now). */
static SlotTable slot_table(const VdpState *s, int line)
{
    int active = vdp_display_on(s) && line < vdp_active_lines(s);
    SlotTable t;
    if (vdp_is_h40(s)) {
        t.offset = active ? slots_h40_active : slots_h40_blank;
        t.count = active ? 18 : 205;
    } else {
        t.offset = active ? slots_h32_active : slots_h32_blank;
        t.count = active ? 16 : 167;
    }
    return t;
}

/* Index in table `t` of the first slot strictly after `offset`. The tables
 * are nearly evenly spaced, so the proportional guess is a step or two off. */
static int slot_index_after(SlotTable t, int offset)
{
    int i = offset * t.count / VDP_MASTER_CLOCKS_PER_LINE;
    if (i >= t.count)
        i = t.count - 1;
    while (i > 0 && t.offset[i - 1] > offset)
        i--;
    while (i < t.count && t.offset[i] <= offset)
        i++;
    return i; /* t.count when none is left */
}

/* Offset of the first slot of table `t` strictly after `offset`, or -1. */
static int slot_after(SlotTable t, int offset)
{
    int i = slot_index_after(t, offset);
    return i < t.count ? t.offset[i] : -1;
}

uint64_t vdp_next_slot(const VdpState *s, uint64_t clock)
{
    int offset = (int)(clock - s->line_start);
    uint64_t line_end = s->line_start + VDP_MASTER_CLOCKS_PER_LINE;
    if (clock < s->line_start || offset > VDP_MASTER_CLOCKS_PER_LINE)
        return line_end; /* not within this line */
    int at = slot_after(slot_table(s, s->line), offset);
    return at < 0 ? line_end : s->line_start + (uint64_t)at;
}

uint64_t vdp_slot_cursor_next(VdpSlotCursor *c, const VdpState *s, uint64_t clock)
{
    uint64_t line_end = s->line_start + VDP_MASTER_CLOCKS_PER_LINE;
    if (clock < s->line_start || clock - s->line_start > VDP_MASTER_CLOCKS_PER_LINE)
        return line_end; /* not within this line */
    int offset = (int)(clock - s->line_start);
    if (c->line_start != s->line_start) {
        SlotTable t = slot_table(s, s->line);
        c->offset = t.offset;
        c->count = t.count;
        c->line_start = s->line_start;
        c->index = slot_index_after(t, offset);
    } else {
        while (c->index < c->count && c->offset[c->index] <= offset)
            c->index++;
    }
    return c->index < c->count ? s->line_start + c->offset[c->index] : line_end;
}

uint64_t vdp_slot_after(const VdpState *s, uint64_t clock)
{
    uint64_t line_start = s->line_start;
    int line = s->line;
    while (clock >= line_start + VDP_MASTER_CLOCKS_PER_LINE) {
        line_start += VDP_MASTER_CLOCKS_PER_LINE;
        line = line + 1 >= vdp_total_lines(s) ? 0 : line + 1;
    }
    for (;;) {
        int offset = clock < line_start ? -1 : (int)(clock - line_start);
        int at = slot_after(slot_table(s, line), offset);
        if (at >= 0)
            return line_start + (uint64_t)at;
        line_start += VDP_MASTER_CLOCKS_PER_LINE;
        line = line + 1 >= vdp_total_lines(s) ? 0 : line + 1;
    }
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
