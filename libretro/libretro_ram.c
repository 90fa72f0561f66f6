/* libretro_ram.c - the byte-swapped view of work RAM (libretro_ram.h). */
#include "libretro_ram.h"

#include <string.h>

void libretro_ram_publish(LibretroRamView *v, const uint8_t *bus_ram, size_t size)
{
    if (size > LIBRETRO_RAM_SIZE)
        size = LIBRETRO_RAM_SIZE;
    size &= ~(size_t)1; /* whole words */
    for (size_t a = 0; a < size; a += 2) {
        v->view[a] = bus_ram[a + 1];
        v->view[a + 1] = bus_ram[a];
    }
    memset(v->view + size, 0, LIBRETRO_RAM_SIZE - size);
    memcpy(v->shown, v->view, LIBRETRO_RAM_SIZE);
}

size_t libretro_ram_absorb(LibretroRamView *v, uint8_t *bus_ram, size_t size)
{
    enum { CHUNK = 64 };
    if (size > LIBRETRO_RAM_SIZE)
        size = LIBRETRO_RAM_SIZE;
    size &= ~(size_t)1;
    size_t changed = 0;
    /* Frontends seldom write: compare a chunk at a time, bytes only where it differs. */
    for (size_t base = 0; base < size; base += CHUNK) {
        size_t len = size - base < CHUNK ? size - base : CHUNK;
        if (!memcmp(v->view + base, v->shown + base, len))
            continue;
        for (size_t a = base; a < base + len; a++) {
            if (v->view[a] != v->shown[a]) {
                bus_ram[a ^ 1] = v->view[a];
                v->shown[a] = v->view[a];
                changed++;
            }
        }
    }
    return changed;
}
