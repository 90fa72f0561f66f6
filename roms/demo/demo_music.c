/* demo_music.c - hands the music to the Z80: copies the program built from
 * music_driver.s + music_song.s (embedded by demo_music_data.s) into Z80 RAM
 * and releases the Z80 from reset, so it starts at address 0.
 * Bus request / reset ports: Genesis Software Manual, Z80 control. */
#include "demo_music.h"

#include <stdint.h>

#define Z80_RAM ((volatile uint8_t *)0xA00000)
#define Z80_BUSREQ (*(volatile uint16_t *)0xA11100)
#define Z80_RESET (*(volatile uint16_t *)0xA11200)
#define Z80_LINE 0x100 /* bit 8: request / run, reads 0 once the bus is granted */

extern const uint8_t music_z80_program[], music_z80_program_end[];

void demo_music_start(void)
{
    Z80_BUSREQ = Z80_LINE;
    Z80_RESET = Z80_LINE; /* the bus is only granted while reset is released */
    while (Z80_BUSREQ & Z80_LINE)
        ;
    uint16_t size = (uint16_t)(music_z80_program_end - music_z80_program);
    for (uint16_t i = 0; i < size; i++)
        Z80_RAM[i] = music_z80_program[i];
    /* A reset pulse (which also resets the YM2612) restarts the Z80 at 0. */
    Z80_RESET = 0;
    for (volatile uint8_t wait = 0; wait < 16; wait++)
        ;
    Z80_BUSREQ = 0;
    Z80_RESET = Z80_LINE;
}
