/* libretro_options.h - the core options (v2 with categories, v1 and legacy fallbacks). */
#ifndef MDEMU_LIBRETRO_OPTIONS_H
#define MDEMU_LIBRETRO_OPTIONS_H

#include <libretro.h>
#include <stdbool.h>

#include "mdemu.h"

#define LIBRETRO_OPTION_COUNT 7

/* Storage for the older option formats, derived from the v2 definitions. */
typedef struct LibretroOptionStore {
    struct retro_core_option_definition v1[LIBRETRO_OPTION_COUNT + 1];
    struct retro_variable legacy[LIBRETRO_OPTION_COUNT + 1];
    char legacy_text[LIBRETRO_OPTION_COUNT][512];
} LibretroOptionStore;

typedef struct LibretroOptionValues {
    MdemuRegion region;
    MdemuPadType pad[2];
    bool ym3438;
    bool lowpass;
    bool sprite_limit;
    bool aspect_pixel;
} LibretroOptionValues;

/* Announces the options in the newest format the frontend supports. */
void libretro_options_register(retro_environment_t cb, LibretroOptionStore *store);
/* Current values (defaults where the frontend has none). */
void libretro_options_read(retro_environment_t cb, LibretroOptionValues *out);

#endif
