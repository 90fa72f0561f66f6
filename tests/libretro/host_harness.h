/* host_harness.h - a libretro frontend of our own for the core's tests: it
 * dlopens the built core, answers its environment calls and records what it
 * was told. libretro callbacks carry no context pointer, so what the host
 * saw lives in file-scope variables (test code only). */
#ifndef MDEMU_TEST_HOST_HARNESS_H
#define MDEMU_TEST_HOST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libretro.h>

#define CORE_PATH MDEMU_BINARY_DIR "/mdemu_libretro.so"
#define DEMO_ROM MDEMU_BINARY_DIR "/roms/demo.bin"
#define HEADLESS MDEMU_BINARY_DIR "/mdemu-headless"
#define HOST_MAX_DESCRIPTORS 8

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

/* What the host saw. */
typedef struct HostState {
    unsigned options_version;
    int pixel_format;
    unsigned option_defs_v2, option_categories, legacy_vars;
    bool memory_map_seen;
    unsigned num_descriptors; /* the last memory map, copied */
    struct retro_memory_descriptor descriptors[HOST_MAX_DESCRIPTORS];
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

extern CoreApi api;
extern HostState host;
extern uint8_t *rom_data; /* the demo ROM */
extern size_t rom_size;

bool read_file(const char *path, uint8_t **data, size_t *size);

/* cmocka group setup/teardown: open the core, read the demo ROM. */
int setup_group(void **state);
int teardown_group(void **state);

/* Fresh host state, callbacks set, retro_init. */
void start_core(unsigned options_version);
void load_demo(void);
void run_frames(int n);

#endif
