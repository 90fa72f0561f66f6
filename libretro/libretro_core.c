/* libretro_core.c - mdemu as a libretro core (mdemu_libretro.so).
 *
 * libretro's API has no instance handle, so the core keeps exactly one
 * instance (`core` below) holding the frontend's callbacks and the same
 * Mdemu console object the desktop app uses. Nothing else is global.
 */
#include <libretro.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libretro_options.h"
#include "libretro_ram.h"
#include "mdemu.h"

#define CORE_AUDIO_RATE 48000 /* fixed core rate; RetroArch resamples to the device */
#define MAX_CHEATS 256
#define CHEAT_CODE_MAX 64

#define DEVICE_PAD3 RETRO_DEVICE_SUBCLASS(RETRO_DEVICE_JOYPAD, 0)
#define DEVICE_PAD6 RETRO_DEVICE_SUBCLASS(RETRO_DEVICE_JOYPAD, 1)

typedef struct Cheat {
    bool enabled;
    char code[CHEAT_CODE_MAX];
} Cheat;

typedef struct Core {
    retro_environment_t environ_cb;
    retro_video_refresh_t video_cb;
    retro_audio_sample_t audio_cb;
    retro_audio_sample_batch_t audio_batch_cb;
    retro_input_poll_t input_poll_cb;
    retro_input_state_t input_state_cb;
    retro_log_printf_t log_cb;
    Mdemu *md;
    unsigned port_device[2];     /* RETRO_DEVICE_JOYPAD (auto), DEVICE_PAD3/6 or NONE */
    MdemuPadType option_pad[2];  /* from core options */
    MdemuRegion region;
    bool ym3438, sprite_limit, lowpass;
    bool aspect_pixel;           /* "pixel" aspect instead of 4:3 */
    int last_width, last_height;
    Cheat cheats[MAX_CHEATS];
    unsigned cheat_count;
    LibretroOptionStore options; /* v1/legacy copies of the option definitions */
    LibretroRamView ram;         /* work RAM as frontends read it (libretro_ram.h) */
} Core;

static Core core;

static void reapply_cheats(void);

static void core_log(enum retro_log_level level, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (core.log_cb) core.log_cb(level, "%s\n", msg);
}

/* The console's log lines go to the frontend's log, never stdout. */
static void console_log(void *ctx, int level, const char *message)
{
    (void)ctx;
    core_log(level <= 0 ? RETRO_LOG_DEBUG : level == 1 ? RETRO_LOG_INFO : level == 2 ? RETRO_LOG_WARN : RETRO_LOG_ERROR,
             "%s", message);
}

RETRO_API unsigned retro_api_version(void) { return RETRO_API_VERSION; }

RETRO_API void retro_get_system_info(struct retro_system_info *info)
{
    memset(info, 0, sizeof *info);
    info->library_name = "mdemu";
    info->library_version = MDEMU_VERSION;
    info->valid_extensions = "bin|gen|md|smd|zip|gz"; /* archives are detected by content */
    info->need_fullpath = false;
    info->block_extract = false;
}

static void set_controller_info(void)
{
    static const struct retro_controller_description types[] = {
        { "Auto (cartridge header)", RETRO_DEVICE_JOYPAD },
        { "3-button pad", DEVICE_PAD3 },
        { "6-button pad", DEVICE_PAD6 },
        { "None", RETRO_DEVICE_NONE },
    };
    static const struct retro_controller_info ports[] = {
        { types, 4 }, { types, 4 }, { NULL, 0 },
    };
    core.environ_cb(RETRO_ENVIRONMENT_SET_CONTROLLER_INFO, (void *)ports);
}

RETRO_API void retro_set_environment(retro_environment_t cb)
{
    core.environ_cb = cb;
    struct retro_log_callback logging;
    if (cb(RETRO_ENVIRONMENT_GET_LOG_INTERFACE, &logging)) core.log_cb = logging.log;
    bool no_game = false;
    cb(RETRO_ENVIRONMENT_SET_SUPPORT_NO_GAME, &no_game);
    libretro_options_register(cb, &core.options);
    set_controller_info();
}

RETRO_API void retro_set_video_refresh(retro_video_refresh_t cb) { core.video_cb = cb; }
RETRO_API void retro_set_audio_sample(retro_audio_sample_t cb) { core.audio_cb = cb; }
RETRO_API void retro_set_audio_sample_batch(retro_audio_sample_batch_t cb) { core.audio_batch_cb = cb; }
RETRO_API void retro_set_input_poll(retro_input_poll_t cb) { core.input_poll_cb = cb; }
RETRO_API void retro_set_input_state(retro_input_state_t cb) { core.input_state_cb = cb; }

/* Reads the options; returns true when one needs the console to be re-created. */
static void read_options(bool at_load)
{
    LibretroOptionValues v;
    libretro_options_read(core.environ_cb, &v);
    bool hard_reset = !at_load && v.region != core.region;
    core.region = v.region;
    core.option_pad[0] = v.pad[0];
    core.option_pad[1] = v.pad[1];
    core.ym3438 = v.ym3438;
    core.sprite_limit = v.sprite_limit;
    core.lowpass = v.lowpass;
    core.aspect_pixel = v.aspect_pixel;
    if (!core.md) return;
    mdemu_set_ym3438(core.md, core.ym3438);
    mdemu_set_sprite_limit(core.md, core.sprite_limit);
    mdemu_set_audio_lowpass(core.md, core.lowpass);
    mdemu_set_region(core.md, core.region);
    if (hard_reset) {
        bool was_pal = mdemu_is_pal(core.md);
        mdemu_reset(core.md, true);
        if (mdemu_is_pal(core.md) != was_pal) {
            /* 59.92 Hz <-> 49.70 Hz: the frontend must re-time video and audio. */
            struct retro_system_av_info av;
            retro_get_system_av_info(&av);
            core.environ_cb(RETRO_ENVIRONMENT_SET_SYSTEM_AV_INFO, &av);
        }
    }
}

static MdemuPadType effective_pad_type(int port)
{
    switch (core.port_device[port]) {
    case RETRO_DEVICE_NONE: return MDEMU_PAD_NONE;
    case DEVICE_PAD3: return MDEMU_PAD_3BUTTON;
    case DEVICE_PAD6: return MDEMU_PAD_6BUTTON;
    default: return core.option_pad[port];
    }
}

static void apply_pad_types(void)
{
    if (!core.md) return;
    for (int port = 0; port < 2; port++) mdemu_set_pad_type(core.md, port, effective_pad_type(port));
}

static void set_input_descriptors(void)
{
#define PAD_DESCRIPTORS(port)                                                          \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_LEFT, "D-Pad Left" },       \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_UP, "D-Pad Up" },           \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_DOWN, "D-Pad Down" },       \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_RIGHT, "D-Pad Right" },     \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_Y, "A" },                   \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_B, "B" },                   \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_A, "C" },                   \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_START, "Start" },           \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_L, "X (6-button)" },        \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_X, "Y (6-button)" },        \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_R, "Z (6-button)" },        \
    { port, RETRO_DEVICE_JOYPAD, 0, RETRO_DEVICE_ID_JOYPAD_SELECT, "Mode (6-button)" }
    static const struct retro_input_descriptor desc[] = {
        PAD_DESCRIPTORS(0), PAD_DESCRIPTORS(1), { 0, 0, 0, 0, NULL },
    };
#undef PAD_DESCRIPTORS
    core.environ_cb(RETRO_ENVIRONMENT_SET_INPUT_DESCRIPTORS, (void *)desc);
}

/* The console's work RAM into the frontend's view, and the frontend's
 * writes to the view back (libretro_ram.h). */
static void ram_to_frontend(void)
{
    size_t size = 0;
    uint8_t *ram = core.md ? mdemu_work_ram(core.md, &size) : NULL;
    if (ram) libretro_ram_publish(&core.ram, ram, size);
}

static void ram_from_frontend(void)
{
    size_t size = 0;
    uint8_t *ram = core.md ? mdemu_work_ram(core.md, &size) : NULL;
    if (ram) libretro_ram_absorb(&core.ram, ram, size);
}

/* The 68000 RAM descriptor of Genesis Plus GX and PicoDrive (libretro.c,
 * set_memory_maps: "68KRAM" in Genesis Plus GX's Mega-CD map and in
 * PicoDrive's Mega-CD and 32X maps; for a plain cartridge both publish no
 * map and frontends read retro_get_memory_data, the same buffer here): work
 * RAM at 0xFF0000, 64 KiB, flags RETRO_MEMDESC_SYSTEM_RAM only (no
 * BIGENDIAN), no select, as 16-bit little-endian words (the byte at
 * 0xFF0000 + a at offset a ^ 1; libretro_ram.h). rcheevos maps
 * the Mega Drive's "Cartridge RAM" region at real address 0 (consoleinfo.c,
 * _rc_memory_regions_megadrive), so battery RAM is published there, as
 * PicoDrive's 32X map does ("CARTRAM"), and nothing else sits at 0: a ROM
 * descriptor there would hand achievements the ROM as cartridge RAM. */
static void set_memory_maps(void)
{
    size_t sram_size = 0;
    uint8_t *sram = mdemu_sram(core.md, &sram_size);
    struct retro_memory_descriptor desc[2];
    unsigned n = 0;
    memset(desc, 0, sizeof desc);
    desc[n].flags = RETRO_MEMDESC_SYSTEM_RAM;
    desc[n].ptr = core.ram.view;
    desc[n].start = 0xFF0000;
    desc[n].len = LIBRETRO_RAM_SIZE;
    desc[n].addrspace = "68KRAM";
    n++;
    if (sram && sram_size) {
        desc[n].flags = RETRO_MEMDESC_SAVE_RAM;
        desc[n].ptr = sram;
        desc[n].start = 0x000000;
        desc[n].len = sram_size;
        desc[n].addrspace = "CARTRAM";
        n++;
    }
    struct retro_memory_map map = { desc, n };
    core.environ_cb(RETRO_ENVIRONMENT_SET_MEMORY_MAPS, &map);
}

RETRO_API void retro_init(void)
{
    core.port_device[0] = core.port_device[1] = RETRO_DEVICE_JOYPAD;
}

RETRO_API void retro_deinit(void)
{
    if (core.md) mdemu_destroy(core.md);
    core.md = NULL;
    core.cheat_count = 0;
}

RETRO_API void retro_get_system_av_info(struct retro_system_av_info *info)
{
    memset(info, 0, sizeof *info);
    info->timing.fps = core.md ? mdemu_fps(core.md) : 53693175.0 / (3420.0 * 262.0);
    info->timing.sample_rate = CORE_AUDIO_RATE;
    info->geometry.base_width = 320;
    info->geometry.base_height = 224;
    info->geometry.max_width = 320;
    info->geometry.max_height = 480;
    info->geometry.aspect_ratio = core.aspect_pixel ? 320.0f / 224.0f : 4.0f / 3.0f;
    if (core.md) {
        MdemuFrame f = mdemu_frame(core.md);
        if (f.width > 0 && f.height > 0) {
            info->geometry.base_width = (unsigned)f.width;
            info->geometry.base_height = (unsigned)f.height;
            /* Interlace mode 2 doubles the lines, not the picture's height. */
            int shown_height = f.height > 240 ? f.height / 2 : f.height;
            if (core.aspect_pixel) info->geometry.aspect_ratio = (float)f.width / (float)shown_height;
        }
    }
}

RETRO_API void retro_set_controller_port_device(unsigned port, unsigned device)
{
    if (port >= 2) return;
    core.port_device[port] = device;
    apply_pad_types();
}

RETRO_API void retro_reset(void)
{
    if (!core.md) return;
    ram_from_frontend();
    mdemu_reset(core.md, false);
    ram_to_frontend();
}

static uint16_t read_pad(unsigned port)
{
    static const struct { unsigned id; uint16_t md; } map[] = {
        { RETRO_DEVICE_ID_JOYPAD_UP, MDEMU_BTN_UP }, { RETRO_DEVICE_ID_JOYPAD_DOWN, MDEMU_BTN_DOWN },
        { RETRO_DEVICE_ID_JOYPAD_LEFT, MDEMU_BTN_LEFT }, { RETRO_DEVICE_ID_JOYPAD_RIGHT, MDEMU_BTN_RIGHT },
        { RETRO_DEVICE_ID_JOYPAD_Y, MDEMU_BTN_A }, { RETRO_DEVICE_ID_JOYPAD_B, MDEMU_BTN_B },
        { RETRO_DEVICE_ID_JOYPAD_A, MDEMU_BTN_C }, { RETRO_DEVICE_ID_JOYPAD_START, MDEMU_BTN_START },
        { RETRO_DEVICE_ID_JOYPAD_L, MDEMU_BTN_X }, { RETRO_DEVICE_ID_JOYPAD_X, MDEMU_BTN_Y },
        { RETRO_DEVICE_ID_JOYPAD_R, MDEMU_BTN_Z }, { RETRO_DEVICE_ID_JOYPAD_SELECT, MDEMU_BTN_MODE },
    };
    if (core.port_device[port] == RETRO_DEVICE_NONE || !core.input_state_cb) return 0;
    uint16_t buttons = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (core.input_state_cb(port, RETRO_DEVICE_JOYPAD, 0, map[i].id)) buttons |= map[i].md;
    return buttons;
}

RETRO_API void retro_run(void)
{
    ram_from_frontend(); /* what a cheat tool or memory editor wrote since the last frame */
    bool updated = false;
    if (core.environ_cb(RETRO_ENVIRONMENT_GET_VARIABLE_UPDATE, &updated) && updated) {
        bool was_pixel = core.aspect_pixel;
        read_options(false);
        apply_pad_types();
        if (was_pixel != core.aspect_pixel) core.last_width = 0; /* push new geometry */
    }
    if (core.input_poll_cb) core.input_poll_cb();
    for (unsigned port = 0; port < 2; port++) mdemu_set_pad(core.md, (int)port, read_pad(port));
    mdemu_run_frame(core.md);
    ram_to_frontend();

    MdemuFrame f = mdemu_frame(core.md);
    if (f.width != core.last_width || f.height != core.last_height) {
        struct retro_system_av_info av;
        retro_get_system_av_info(&av);
        core.environ_cb(RETRO_ENVIRONMENT_SET_GEOMETRY, &av.geometry);
        core.last_width = f.width;
        core.last_height = f.height;
    }
    if (core.video_cb) core.video_cb(f.pixels, (unsigned)f.width, (unsigned)f.height, (size_t)f.pitch);

    const int16_t *samples;
    size_t frames = mdemu_audio(core.md, &samples);
    while (frames > 0 && core.audio_batch_cb) {
        size_t done = core.audio_batch_cb(samples, frames);
        if (done == 0 || done > frames) break;
        samples += done * 2;
        frames -= done;
    }
}

RETRO_API bool retro_load_game(const struct retro_game_info *game)
{
    if (!game || !game->data || game->size == 0) {
        core_log(RETRO_LOG_ERROR, "mdemu: no ROM data given");
        return false;
    }
    enum retro_pixel_format fmt = RETRO_PIXEL_FORMAT_XRGB8888;
    if (!core.environ_cb(RETRO_ENVIRONMENT_SET_PIXEL_FORMAT, &fmt)) {
        core_log(RETRO_LOG_ERROR, "mdemu: frontend lacks XRGB8888");
        return false;
    }
    read_options(true);
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    cfg.audio_rate = CORE_AUDIO_RATE;
    cfg.region = core.region;
    cfg.ym3438 = core.ym3438;
    cfg.sprite_limit = core.sprite_limit;
    cfg.audio_lowpass = core.lowpass;
    cfg.log = console_log;
    if (core.md) mdemu_destroy(core.md);
    core.md = mdemu_create(&cfg);
    if (!core.md) return false;
    char err[512];
    const char *name = game->path ? game->path : "content.bin";
    if (mdemu_load_rom_memory(core.md, game->data, game->size, name, err, sizeof err) != MDEMU_OK) {
        core_log(RETRO_LOG_ERROR, "mdemu: %s", err);
        mdemu_destroy(core.md);
        core.md = NULL;
        return false;
    }
    apply_pad_types();
    set_input_descriptors();
    ram_to_frontend();
    set_memory_maps();
    core.last_width = core.last_height = 0;
    reapply_cheats();
    const MdemuRomInfo *info = mdemu_rom_info(core.md);
    core_log(RETRO_LOG_INFO, "mdemu: loaded \"%s\" (%s, %s)", info ? info->title_overseas : "?",
             mdemu_is_pal(core.md) ? "PAL" : "NTSC", info && info->checksum_ok ? "checksum ok" : "checksum differs");
    return true;
}

RETRO_API bool retro_load_game_special(unsigned type, const struct retro_game_info *info, size_t num)
{
    (void)type;
    (void)info;
    (void)num;
    return false;
}

RETRO_API void retro_unload_game(void)
{
    if (core.md) mdemu_destroy(core.md);
    core.md = NULL;
}

RETRO_API unsigned retro_get_region(void)
{
    return core.md && mdemu_is_pal(core.md) ? RETRO_REGION_PAL : RETRO_REGION_NTSC;
}

RETRO_API size_t retro_serialize_size(void) { return core.md ? mdemu_state_size(core.md) : 0; }

RETRO_API bool retro_serialize(void *data, size_t size)
{
    if (!core.md) return false;
    ram_from_frontend(); /* the state holds what the frontend sees */
    return mdemu_save_state(core.md, data, size) == MDEMU_OK;
}

RETRO_API bool retro_unserialize(const void *data, size_t size)
{
    if (!core.md) return false;
    MdemuResult r = mdemu_load_state(core.md, data, size);
    if (r != MDEMU_OK) core_log(RETRO_LOG_WARN, "mdemu: state not loaded: %s", mdemu_result_string(r));
    else ram_to_frontend();
    return r == MDEMU_OK;
}

static void reapply_cheats(void)
{
    if (!core.md) return;
    mdemu_cheats_clear(core.md);
    for (unsigned i = 0; i < core.cheat_count; i++) {
        if (!core.cheats[i].enabled) continue;
        /* A frontend cheat may hold several codes joined by '+'. */
        char codes[CHEAT_CODE_MAX];
        snprintf(codes, sizeof codes, "%s", core.cheats[i].code);
        char *save = NULL;
        for (char *c = strtok_r(codes, "+", &save); c; c = strtok_r(NULL, "+", &save))
            if (!mdemu_cheat_add(core.md, c)) core_log(RETRO_LOG_WARN, "mdemu: cheat '%s' not understood", c);
    }
}

RETRO_API void retro_cheat_reset(void)
{
    core.cheat_count = 0;
    if (core.md) mdemu_cheats_clear(core.md);
}

RETRO_API void retro_cheat_set(unsigned index, bool enabled, const char *code)
{
    if (index >= MAX_CHEATS || !code) return;
    while (core.cheat_count <= index) {
        core.cheats[core.cheat_count].enabled = false;
        core.cheats[core.cheat_count].code[0] = '\0';
        core.cheat_count++;
    }
    core.cheats[index].enabled = enabled;
    snprintf(core.cheats[index].code, sizeof core.cheats[index].code, "%s", code);
    reapply_cheats();
}

RETRO_API void *retro_get_memory_data(unsigned id)
{
    size_t size;
    if (!core.md) return NULL;
    if (id == RETRO_MEMORY_SAVE_RAM) return mdemu_sram(core.md, &size);
    if (id == RETRO_MEMORY_SYSTEM_RAM) return mdemu_work_ram(core.md, &size) ? core.ram.view : NULL;
    return NULL;
}

RETRO_API size_t retro_get_memory_size(unsigned id)
{
    size_t size = 0;
    if (!core.md) return 0;
    if (id == RETRO_MEMORY_SAVE_RAM) return mdemu_sram(core.md, &size) ? size : 0;
    if (id == RETRO_MEMORY_SYSTEM_RAM) return mdemu_work_ram(core.md, &size) ? LIBRETRO_RAM_SIZE : 0;
    return 0;
}
