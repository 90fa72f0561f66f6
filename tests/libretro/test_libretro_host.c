/* test_libretro_host.c - our own frontend (host_harness.h) drives the core
 * through its whole API: options, loading, running, states, reset, the
 * frame hash against the headless runner. Memory, cheats and archives:
 * test_libretro_memory.c. */
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

static void test_system_info(void **state)
{
    (void)state;
    struct retro_system_info info;
    api.get_system_info(&info);
    assert_int_equal(api.api_version(), RETRO_API_VERSION);
    assert_string_equal(info.library_name, "mdemu");
    assert_string_equal(info.valid_extensions, "bin|gen|md|smd|zip|gz");
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
        host.audio_hash = HASH_FNV1A64_OFFSET;
        api.run();
        video_a[i] = host.frame_hash;
        audio_a[i] = host.audio_hash;
    }
    assert_true(api.unserialize(buf, size));
    for (int i = 0; i < 20; i++) {
        host.audio_hash = HASH_FNV1A64_OFFSET;
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
        cmocka_unit_test(test_reset_unload_reload),
        cmocka_unit_test(test_hash_matches_headless),
    };
    return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
