/* host_harness.c - the test frontend (host_harness.h). */
#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frame_hash.h"
#include "host_harness.h"

HostState host;
CoreApi api;
uint8_t *rom_data;
size_t rom_size;

static void host_log(enum retro_log_level level, const char *fmt, ...)
{
    (void)level;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

static bool environment(unsigned cmd, void *data)
{
    switch (cmd) {
    case RETRO_ENVIRONMENT_GET_LOG_INTERFACE:
        ((struct retro_log_callback *)data)->log = host_log;
        return true;
    case RETRO_ENVIRONMENT_SET_PIXEL_FORMAT:
        host.pixel_format = *(const enum retro_pixel_format *)data;
        return true;
    case RETRO_ENVIRONMENT_GET_CORE_OPTIONS_VERSION:
        *(unsigned *)data = host.options_version;
        return true;
    case RETRO_ENVIRONMENT_SET_CORE_OPTIONS_V2: {
        const struct retro_core_options_v2 *o = data;
        host.option_defs_v2 = host.option_categories = 0;
        for (const struct retro_core_option_v2_definition *d = o->definitions; d->key; d++) host.option_defs_v2++;
        for (const struct retro_core_option_v2_category *c = o->categories; c && c->key; c++) host.option_categories++;
        return true;
    }
    case RETRO_ENVIRONMENT_SET_CORE_OPTIONS:
        return false; /* force the legacy path when version < 2 */
    case RETRO_ENVIRONMENT_SET_VARIABLES: {
        host.legacy_vars = 0;
        for (const struct retro_variable *v = data; v->key; v++) {
            assert_non_null(strchr(v->value, ';')); /* "Description; default|..." */
            host.legacy_vars++;
        }
        return true;
    }
    case RETRO_ENVIRONMENT_GET_VARIABLE: {
        struct retro_variable *v = data;
        if (host.region_option && !strcmp(v->key, "mdemu_region")) {
            v->value = host.region_option;
            return true;
        }
        return false;
    }
    case RETRO_ENVIRONMENT_GET_VARIABLE_UPDATE:
        *(bool *)data = false;
        return true;
    case RETRO_ENVIRONMENT_SET_MEMORY_MAPS: {
        const struct retro_memory_map *m = data;
        host.memory_map_seen = true;
        assert_true(m->num_descriptors <= HOST_MAX_DESCRIPTORS);
        host.num_descriptors = m->num_descriptors;
        memcpy(host.descriptors, m->descriptors, m->num_descriptors * sizeof m->descriptors[0]);
        return true;
    }
    case RETRO_ENVIRONMENT_SET_INPUT_DESCRIPTORS: host.input_descriptors_seen = true; return true;
    case RETRO_ENVIRONMENT_SET_CONTROLLER_INFO: host.controller_info_seen = true; return true;
    case RETRO_ENVIRONMENT_SET_GEOMETRY: return true;
    case RETRO_ENVIRONMENT_SET_SUPPORT_NO_GAME: return true;
    default: return false;
    }
}

static void video_refresh(const void *data, unsigned width, unsigned height, size_t pitch)
{
    host.video_calls++;
    host.width = width;
    host.height = height;
    host.pitch = pitch;
    /* The headless runner's hash (frontend/common/frame_hash.h): equal frames, equal hashes. */
    host.frame_hash = hash_frame_xrgb8888(data, (int)width, (int)height, (int)pitch);
}

static void audio_sample(int16_t l, int16_t r)
{
    int16_t s[2] = { l, r };
    host.audio_frames++;
    host.audio_hash = hash_audio_s16(host.audio_hash, s, 1);
}

static size_t audio_batch(const int16_t *data, size_t frames)
{
    host.audio_batches_this_frame++;
    host.audio_frames += frames;
    host.audio_hash = hash_audio_s16(host.audio_hash, data, frames);
    return frames;
}

static void input_poll(void) {}

static int16_t input_state(unsigned port, unsigned device, unsigned index, unsigned id)
{
    (void)index;
    if (port != 0 || device != RETRO_DEVICE_JOYPAD || id >= 16) return 0;
    return (host.pressed_ids >> id) & 1;
}

#define SYM(field, name)                                                   \
    do {                                                                   \
        *(void **)(&api.field) = dlsym(api.handle, name);                  \
        if (!api.field) {                                                  \
            fprintf(stderr, "core lacks %s\n", name);                      \
            return -1;                                                     \
        }                                                                  \
    } while (0)

static int open_core(void)
{
    api.handle = dlopen(CORE_PATH, RTLD_NOW | RTLD_LOCAL);
    if (!api.handle) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return -1;
    }
    SYM(set_environment, "retro_set_environment");
    SYM(set_video_refresh, "retro_set_video_refresh");
    SYM(set_audio_sample, "retro_set_audio_sample");
    SYM(set_audio_sample_batch, "retro_set_audio_sample_batch");
    SYM(set_input_poll, "retro_set_input_poll");
    SYM(set_input_state, "retro_set_input_state");
    SYM(init, "retro_init");
    SYM(deinit, "retro_deinit");
    SYM(api_version, "retro_api_version");
    SYM(get_system_info, "retro_get_system_info");
    SYM(get_system_av_info, "retro_get_system_av_info");
    SYM(set_controller_port_device, "retro_set_controller_port_device");
    SYM(reset, "retro_reset");
    SYM(run, "retro_run");
    SYM(serialize_size, "retro_serialize_size");
    SYM(serialize, "retro_serialize");
    SYM(unserialize, "retro_unserialize");
    SYM(cheat_reset, "retro_cheat_reset");
    SYM(cheat_set, "retro_cheat_set");
    SYM(load_game, "retro_load_game");
    SYM(unload_game, "retro_unload_game");
    SYM(get_region, "retro_get_region");
    SYM(get_memory_data, "retro_get_memory_data");
    SYM(get_memory_size, "retro_get_memory_size");
    return 0;
}

bool read_file(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *data = malloc((size_t)n);
    bool ok = *data && fread(*data, 1, (size_t)n, f) == (size_t)n;
    fclose(f);
    *size = (size_t)n;
    return ok;
}

void start_core(unsigned options_version)
{
    memset(&host, 0, sizeof host);
    host.options_version = options_version;
    host.audio_hash = HASH_FNV1A64_OFFSET;
    api.set_environment(environment);
    api.set_video_refresh(video_refresh);
    api.set_audio_sample(audio_sample);
    api.set_audio_sample_batch(audio_batch);
    api.set_input_poll(input_poll);
    api.set_input_state(input_state);
    api.init();
}

void load_demo(void)
{
    struct retro_game_info game = { DEMO_ROM, rom_data, rom_size, NULL };
    assert_true(api.load_game(&game));
}

void run_frames(int n)
{
    for (int i = 0; i < n; i++) api.run();
}

int setup_group(void **state)
{
    (void)state;
    if (open_core() != 0) return -1;
    if (!read_file(DEMO_ROM, &rom_data, &rom_size)) {
        fprintf(stderr, "cannot read %s\n", DEMO_ROM);
        return -1;
    }
    return 0;
}

int teardown_group(void **state)
{
    (void)state;
    free(rom_data);
    if (api.handle) dlclose(api.handle);
    return 0;
}

