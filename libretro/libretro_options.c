/* libretro_options.c - core option definitions and their reading. */
#include "libretro_options.h"

#include <stdio.h>
#include <string.h>

static const struct retro_core_option_v2_category categories[] = {
    { "system", "System", "Console region." },
    { "input", "Input", "Pad types per port." },
    { "audio", "Audio", "Sound chip model and filtering." },
    { "video", "Video", "Sprite limits and aspect ratio." },
    { NULL, NULL, NULL },
};

static const struct retro_core_option_v2_definition definitions[LIBRETRO_OPTION_COUNT + 1] = {
    { "mdemu_region", "Region", NULL, "Console region; auto follows the cartridge header. Applies with a hard reset.",
      NULL, "system",
      { { "auto", "Auto" }, { "us", "USA (NTSC)" }, { "eu", "Europe (PAL)" }, { "jp", "Japan (NTSC)" }, { NULL, NULL } },
      "auto" },
    { "mdemu_pad1", "Port 1 Pad", "Port 1", "Pad type when the port's device is Auto.", NULL, "input",
      { { "auto", "Auto (header)" }, { "3button", "3-button" }, { "6button", "6-button" }, { "none", "None" },
        { NULL, NULL } },
      "auto" },
    { "mdemu_pad2", "Port 2 Pad", "Port 2", "Pad type when the port's device is Auto.", NULL, "input",
      { { "auto", "Auto (header)" }, { "3button", "3-button" }, { "6button", "6-button" }, { "none", "None" },
        { NULL, NULL } },
      "auto" },
    { "mdemu_fm_model", "FM Chip", NULL,
      "Discrete YM2612 (model 1, with its DAC distortion) or the integrated YM3438.", NULL, "audio",
      { { "ym2612", "YM2612" }, { "ym3438", "YM3438" }, { NULL, NULL } }, "ym2612" },
    { "mdemu_audio_filter", "Audio Filter", NULL, "The model 1 low-pass character.", NULL, "audio",
      { { "disabled", NULL }, { "lowpass", "Model 1 low-pass" }, { NULL, NULL } }, "disabled" },
    { "mdemu_sprite_limit", "Sprite Limit", NULL,
      "Per-line sprite limits as on hardware (disable to reduce flicker; not accurate).", NULL, "video",
      { { "enabled", NULL }, { "disabled", NULL }, { NULL, NULL } }, "enabled" },
    { "mdemu_aspect", "Aspect Ratio", NULL, "4:3 as on a TV, or square pixels.", NULL, "video",
      { { "4:3", "4:3" }, { "pixel", "Square pixels" }, { NULL, NULL } }, "4:3" },
    { NULL, NULL, NULL, NULL, NULL, NULL, { { NULL, NULL } }, NULL },
};

void libretro_options_register(retro_environment_t cb, LibretroOptionStore *store)
{
    unsigned version = 0;
    if (!cb(RETRO_ENVIRONMENT_GET_CORE_OPTIONS_VERSION, &version)) version = 0;
    if (version >= 2) {
        /* The API's struct has non-const pointers; frontends only read the tables. */
        struct retro_core_options_v2 opts = { (struct retro_core_option_v2_category *)categories,
                                              (struct retro_core_option_v2_definition *)definitions };
        if (cb(RETRO_ENVIRONMENT_SET_CORE_OPTIONS_V2, &opts)) return;
    }
    memset(store, 0, sizeof *store);
    for (int i = 0; i < LIBRETRO_OPTION_COUNT; i++) {
        const struct retro_core_option_v2_definition *d = &definitions[i];
        store->v1[i].key = d->key;
        store->v1[i].desc = d->desc;
        store->v1[i].info = d->info;
        store->v1[i].default_value = d->default_value;
        memcpy(store->v1[i].values, d->values, sizeof d->values);
    }
    if (version >= 1 && cb(RETRO_ENVIRONMENT_SET_CORE_OPTIONS, store->v1)) return;
    /* Legacy: "Description; default|other|..." with the default first. */
    for (int i = 0; i < LIBRETRO_OPTION_COUNT; i++) {
        const struct retro_core_option_v2_definition *d = &definitions[i];
        char *text = store->legacy_text[i];
        size_t size = sizeof store->legacy_text[i];
        int n = snprintf(text, size, "%s; %s", d->desc, d->default_value);
        for (int v = 0; d->values[v].value && n > 0 && (size_t)n < size; v++)
            if (strcmp(d->values[v].value, d->default_value) != 0)
                n += snprintf(text + n, size - (size_t)n, "|%s", d->values[v].value);
        store->legacy[i].key = d->key;
        store->legacy[i].value = text;
    }
    cb(RETRO_ENVIRONMENT_SET_VARIABLES, store->legacy);
}

static const char *get(retro_environment_t cb, const char *key, const char *fallback)
{
    struct retro_variable var = { key, NULL };
    if (cb(RETRO_ENVIRONMENT_GET_VARIABLE, &var) && var.value) return var.value;
    return fallback;
}

static MdemuPadType pad_value(const char *v)
{
    if (!strcmp(v, "3button")) return MDEMU_PAD_3BUTTON;
    if (!strcmp(v, "6button")) return MDEMU_PAD_6BUTTON;
    if (!strcmp(v, "none")) return MDEMU_PAD_NONE;
    return MDEMU_PAD_AUTO;
}

void libretro_options_read(retro_environment_t cb, LibretroOptionValues *out)
{
    const char *region = get(cb, "mdemu_region", "auto");
    out->region = !strcmp(region, "us")   ? MDEMU_REGION_US
                  : !strcmp(region, "eu") ? MDEMU_REGION_EU
                  : !strcmp(region, "jp") ? MDEMU_REGION_JP
                                          : MDEMU_REGION_AUTO;
    out->pad[0] = pad_value(get(cb, "mdemu_pad1", "auto"));
    out->pad[1] = pad_value(get(cb, "mdemu_pad2", "auto"));
    out->ym3438 = !strcmp(get(cb, "mdemu_fm_model", "ym2612"), "ym3438");
    out->lowpass = !strcmp(get(cb, "mdemu_audio_filter", "disabled"), "lowpass");
    out->sprite_limit = strcmp(get(cb, "mdemu_sprite_limit", "enabled"), "disabled") != 0;
    out->aspect_pixel = !strcmp(get(cb, "mdemu_aspect", "4:3"), "pixel");
}
