/* mdemu_refresh.c - the bus arbiter's DRAM refresh as the 68000 feels it.
 *
 * The arbiter refreshes the work RAM and runs refresh cycles on the
 * cartridge port; a 68000 access to either that meets a refresh waits for
 * it (Genesis Plus GX issue #407, from hardware tests on SpritesMind,
 * viewtopic.php?f=2&t=2323: periodic refresh slots delay 68000 accesses to
 * 0x000000-0x3FFFFF and 0xE00000-0xFFFFFF, nothing else). Timing, as
 * measured on a US Model 1 VA3 with Ti_'s instruction speed test ROM (ares
 * pull request #1269, "md: refresh & bus timing fixes"):
 *   cartridge port (0x000000-0x7FFFFF): a refresh every 128 68000 clocks,
 *     holding 2 clocks, taken in the last 7 clocks of the period;
 *   work RAM: every 132 clocks, holding 3, taken in the last 19.
 * The CPU core applies the holds (M68kRefreshTiming in cpu68k/m68k.h); a
 * 68000-to-VDP DMA keeps the 68000 off the bus, so nothing waits then.
 * notaz's testpico "time loop" (a 68000 loop from ROM of 488 x 220 clocks
 * ends on line 223 on hardware, 219 without refresh) measures the sum. */
#include "mdemu_internal.h"

enum { REFRESH_CART = 0, REFRESH_WORK_RAM = 1 };

void mdemu_setup_refresh(Mdemu *md)
{
    m68k_set_refresh(&md->cpu, REFRESH_CART,
                     (M68kRefreshTiming){.period = 128, .window = 7, .hold = 2});
    m68k_set_refresh(&md->cpu, REFRESH_WORK_RAM,
                     (M68kRefreshTiming){.period = 132, .window = 19, .hold = 3});
    m68k_map_refresh(&md->cpu, 0x00, 0x80, REFRESH_CART);
    m68k_map_refresh(&md->cpu, 0xE0, 0x20, REFRESH_WORK_RAM);
}
