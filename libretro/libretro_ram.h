/* libretro_ram.h - the 68000 work RAM as libretro frontends read it.
 *
 * Existing RetroAchievements sets for the Mega Drive were made with cores
 * that expose work RAM as the host's 16-bit words: Genesis Plus GX
 * (work_ram) and PicoDrive (PicoMem.ram) keep each 68000 word as a native
 * uint16_t and hand that buffer out unchanged, so on the little-endian hosts
 * the sets were made on, the byte at 68000 address 0xFF0000 + a sits at
 * offset a ^ 1 (rcheevos issue #302, "Address core memory swizzling": the
 * sets rely on it). The console keeps work RAM in 68000 bus order (its CPU
 * pages point straight into it), so the core hands out a copy with each
 * word's bytes swapped, on every host, and carries the frontend's writes
 * (cheat tools, memory editors) back.
 *
 * The view is refreshed from the console after everything that changes RAM
 * (a frame, loading a game or a state, reset); bytes the frontend changed in
 * the view since then go into the console before the next frame or save.
 * Only those bytes: a frontend that writes nothing changes nothing. */
#ifndef MDEMU_LIBRETRO_RAM_H
#define MDEMU_LIBRETRO_RAM_H

#include <stddef.h>
#include <stdint.h>

#define LIBRETRO_RAM_SIZE 0x10000u /* 64 KiB at 0xFF0000 (mirrored down to 0xE00000) */

typedef struct LibretroRamView {
    uint8_t view[LIBRETRO_RAM_SIZE];  /* what the frontend reads and writes */
    uint8_t shown[LIBRETRO_RAM_SIZE]; /* the view as last published */
} LibretroRamView;

/* view[a] = bus_ram[a ^ 1]: the console's RAM (68000 byte order, `size`
 * bytes, at most LIBRETRO_RAM_SIZE) into the view; the rest of it is 0. */
void libretro_ram_publish(LibretroRamView *v, const uint8_t *bus_ram, size_t size);

/* Every view byte the frontend changed since the last publish goes to
 * bus_ram[a ^ 1]; returns how many bytes did. */
size_t libretro_ram_absorb(LibretroRamView *v, uint8_t *bus_ram, size_t size);

#endif
