/* demo_rom.h - the bundled demo ROM (roms/demo), compiled into the app at build time. */
#ifndef MDEMU_SDL_DEMO_ROM_H
#define MDEMU_SDL_DEMO_ROM_H

#include <stddef.h>

extern const unsigned char mdemu_demo_rom[];
extern const size_t mdemu_demo_rom_size;

#endif
