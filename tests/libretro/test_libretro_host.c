/* test_libretro_host.c - a libretro frontend of our own: dlopens the built
 * core and drives it through its whole API. */
#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libretro.h>

#define CORE_PATH MDEMU_BINARY_DIR "/mdemu_libretro.so"
#define DEMO_ROM MDEMU_BINARY_DIR "/roms/demo.bin"
#define HEADLESS MDEMU_BINARY_DIR "/mdemu-headless"

typedef struct CoreApi {
    void *handle;
    void (*set_environment)(retro_environment_t);
    void (*set_video_refresh)(retro_video_refresh_t);
    void (*set_audio_sample)(retro_audio_sample_t);
    void (*set_audio_sample_batch)(retro_audio_sample_batch_t);
    void (*set_input_poll)(retro_input_poll_t);
    void (*set_input_state)(retro_input_state_t);
    void (*init)(void);
    void (*deinit)(void);
    unsigned (*api_version)(void);
    void (*get_system_info)(struct retro_system_info *);
    void (*get_system_av_info)(struct retro_system_av_info *);
    void (*set_controller_port_device)(unsigned, unsigned);
    void (*reset)(void);
    void (*run)(void);
    size_t (*serialize_size)(void);
    bool (*serialize)(void *, size_t);
    bool (*unserialize)(const void *, size_t);
    void (*cheat_reset)(void);
    void (*cheat_set)(unsigned, bool, const char *);
    bool (*load_game)(const struct retro_game_info *);
    void (*unload_game)(void);
    unsigned (*get_region)(void);
    void *(*get_memory_data)(unsigned);
    size_t (*get_memory_size)(unsigned);
} CoreApi;

/* What the host saw; the callbacks have no context pointer, hence file scope (test only). */
typedef struct HostState {
    unsigned options_version;
    int pixel_format;
    unsigned option_defs_v2, option_categories, legacy_vars;
    bool memory_map_seen;
    size_t ram_desc_len;
    size_t ram_desc_start;
    bool input_descriptors_seen, controller_info_seen;
    unsigned video_calls, width, height;
    size_t pitch;
    uint64_t frame_hash;
    uint64_t audio_frames;
    uint64_t audio_hash;
    unsigned audio_batches_this_frame;
    uint16_t pressed_ids; /* RETRO_DEVICE_ID_JOYPAD_* bits reported as held on port 0 */
    const char *region_option;
} HostState;

static HostState host;
static uint8_t *rom_data;
static size_t rom_size;

static uint64_t fnv1a(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}
#define FNV_OFFSET 0xcbf29ce484222325ULL

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
        for (unsigned i = 0; i < m->num_descriptors; i++) {
            if (m->descriptors[i].flags & RETRO_MEMDESC_SYSTEM_RAM) {
                host.ram_desc_len = m->descriptors[i].len;
                host.ram_desc_start = m->descriptors[i].start;
            }
        }
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
    uint64_t h = FNV_OFFSET;
    for (unsigned y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)data + y * pitch);
        for (unsigned x = 0; x < width; x++) {
            uint32_t px = row[x] & 0x00FFFFFFu;
            uint8_t le[4] = { (uint8_t)px, (uint8_t)(px >> 8), (uint8_t)(px >> 16), 0 };
            h = fnv1a(h, le, 4);
        }
    }
    host.frame_hash = h;
}

static void audio_sample(int16_t l, int16_t r)
{
    int16_t s[2] = { l, r };
    host.audio_frames++;
    host.audio_hash = fnv1a(host.audio_hash, (const uint8_t *)s, 4);
}

static size_t audio_batch(const int16_t *data, size_t frames)
{
    host.audio_batches_this_frame++;
    host.audio_frames += frames;
    for (size_t i = 0; i < frames * 2; i++) {
        uint8_t le[2] = { (uint8_t)data[i], (uint8_t)((uint16_t)data[i] >> 8) };
        host.audio_hash = fnv1a(host.audio_hash, le, 2);
    }
    return frames;
}

static void input_poll(void) {}

static int16_t input_state(unsigned port, unsigned device, unsigned index, unsigned id)
{
    (void)index;
    if (port != 0 || device != RETRO_DEVICE_JOYPAD || id >= 16) return 0;
    return (host.pressed_ids >> id) & 1;
}

static CoreApi api;

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

static bool read_file(const char *path, uint8_t **data, size_t *size)
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

static void start_core(unsigned options_version)
{
    memset(&host, 0, sizeof host);
    host.options_version = options_version;
    host.audio_hash = FNV_OFFSET;
    api.set_environment(environment);
    api.set_video_refresh(video_refresh);
    api.set_audio_sample(audio_sample);
    api.set_audio_sample_batch(audio_batch);
    api.set_input_poll(input_poll);
    api.set_input_state(input_state);
    api.init();
}

static void load_demo(void)
{
    struct retro_game_info game = { DEMO_ROM, rom_data, rom_size, NULL };
    assert_true(api.load_game(&game));
}

static void run_frames(int n)
{
    for (int i = 0; i < n; i++) api.run();
}

static int setup_group(void **state)
{
    (void)state;
    if (open_core() != 0) return -1;
    if (!read_file(DEMO_ROM, &rom_data, &rom_size)) {
        fprintf(stderr, "cannot read %s\n", DEMO_ROM);
        return -1;
    }
    return 0;
}

static int teardown_group(void **state)
{
    (void)state;
    free(rom_data);
    if (api.handle) dlclose(api.handle);
    return 0;
}

static void test_system_info(void **state)
{
    (void)state;
    struct retro_system_info info;
    api.get_system_info(&info);
    assert_int_equal(api.api_version(), RETRO_API_VERSION);
    assert_string_equal(info.library_name, "mdemu");
    assert_string_equal(info.valid_extensions, "bin|gen|md|smd|zip");
    assert_false(info.need_fullpath);
}

static void test_options_v2_and_legacy(void **state)
{
    (void)state;
    start_core(2);
    assert_int_equal(host.option_defs_v2, 7);
    assert_int_equal(host.option_categories, 4);
    assert_true(host.controller_info_seen);
    api.deinit();
    start_core(0);
    assert_int_equal(host.legacy_vars, 7);
    api.deinit();
}

static void test_load_run_av(void **state)
{
    (void)state;
    start_core(2);
    load_demo();
    assert_int_equal(host.pixel_format, RETRO_PIXEL_FORMAT_XRGB8888);
    assert_true(host.input_descriptors_seen);
    struct retro_system_av_info av;
    api.get_system_av_info(&av);
    assert_true(av.timing.fps > 59.9 && av.timing.fps < 59.95);
    assert_true(av.timing.sample_rate == 48000.0);
    assert_int_equal(av.geometry.max_width, 320);
    assert_int_equal(av.geometry.max_height, 480);
    assert_int_equal(api.get_region(), RETRO_REGION_NTSC);
    const int frames = 300;
    run_frames(frames);
    assert_int_equal(host.video_calls, frames);
    assert_true(host.width == 256 || host.width == 320);
    assert_true(host.height == 224 || host.height == 240 || host.height == 448 || host.height == 480);
    assert_true(host.pitch >= host.width * 4);
    /* 48000 / 59.922743 = 801.03 samples per frame, exact in the long run. */
    double per_frame = (double)host.audio_frames / frames;
    assert_true(per_frame > 800.0 && per_frame < 802.0);
    api.unload_game();
    api.deinit();
}

static void test_serialize_round_trip(void **state)
{
    (void)state;
    start_core(2);
    load_demo();
    run_frames(30);
    size_t size = api.serialize_size();
    assert_true(size > 0);
    uint8_t *buf = malloc(size);
    assert_true(api.serialize(buf, size));
    assert_int_equal(api.serialize_size(), size); /* fixed size for a loaded game */
    uint64_t video_a[20], audio_a[20];
    for (int i = 0; i < 20; i++) {
        host.audio_hash = FNV_OFFSET;
        api.run();
        video_a[i] = host.frame_hash;
        audio_a[i] = host.audio_hash;
    }
    assert_true(api.unserialize(buf, size));
    for (int i = 0; i < 20; i++) {
        host.audio_hash = FNV_OFFSET;
        api.run();
        assert_true(video_a[i] == host.frame_hash);
        assert_true(audio_a[i] == host.audio_hash);
    }
    /* A corrupt state is refused, and the game goes on. */
    buf[size / 2] ^= 0x5A;
    assert_false(api.unserialize(buf, size));
    assert_false(api.unserialize(buf, size / 3));
    api.run();
    free(buf);
    api.unload_game();
    api.deinit();
}

static void test_memory(void **state)
{
    (void)state;
    start_core(2);
    load_demo();
    assert_true(host.memory_map_seen);
    assert_int_equal(host.ram_desc_len, 0x10000);
    assert_int_equal(host.ram_desc_start, 0xFF0000);
    assert_int_equal(api.get_memory_size(RETRO_MEMORY_SYSTEM_RAM), 0x10000);
    assert_non_null(api.get_memory_data(RETRO_MEMORY_SYSTEM_RAM));
    /* The demo ROM has no battery RAM. */
    assert_int_equal(api.get_memory_size(RETRO_MEMORY_SAVE_RAM), 0);
    api.unload_game();
    api.deinit();
}

static void test_reset_unload_reload(void **state)
{
    (void)state;
    start_core(2);
    load_demo();
    run_frames(60);
    uint64_t first = host.frame_hash;
    api.reset();
    run_frames(5);
    api.unload_game();
    load_demo();
    run_frames(60);
    assert_true(host.frame_hash == first); /* a fresh load starts from power-on again */
    api.set_controller_port_device(0, RETRO_DEVICE_SUBCLASS(RETRO_DEVICE_JOYPAD, 1));
    api.set_controller_port_device(1, RETRO_DEVICE_NONE);
    run_frames(2);
    api.cheat_reset();
    api.cheat_set(0, true, "FF0000:0042");
    run_frames(2);
    api.cheat_reset();
    api.unload_game();
    api.deinit();
}

static uint64_t headless_hash(int frames)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s --frames %d", HEADLESS, DEMO_ROM, frames);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[512];
    uint64_t hash = 0;
    bool found = false;
    while (fgets(line, sizeof line, p)) {
        const char *h = strstr(line, "frame_hash=");
        if (h) {
            hash = strtoull(h + 11, NULL, 16);
            found = true;
        }
    }
    assert_int_equal(pclose(p), 0);
    assert_true(found);
    return hash;
}

static void test_hash_matches_headless(void **state)
{
    (void)state;
    const int frames = 120;
    start_core(2);
    load_demo();
    run_frames(frames);
    uint64_t core_hash = host.frame_hash;
    api.unload_game();
    api.deinit();
    assert_true(core_hash == headless_hash(frames));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_system_info),
        cmocka_unit_test(test_options_v2_and_legacy),
        cmocka_unit_test(test_load_run_av),
        cmocka_unit_test(test_serialize_round_trip),
        cmocka_unit_test(test_memory),
        cmocka_unit_test(test_reset_unload_reload),
        cmocka_unit_test(test_hash_matches_headless),
    };
    return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
