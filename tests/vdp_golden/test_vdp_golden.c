/* test_vdp_golden.c - one VDP test ROM against its golden image.
 * Usage: vdp_golden ROM GOLDEN.png DIFF.png FRAMES
 * With MDEMU_REGEN_GOLDENS=1 in the environment the golden is rewritten instead
 * (scripts/regen-goldens); look at every rewritten picture before committing it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "golden_png.h"
#include "mdemu.h"
#include "png_write.h"

typedef struct GoldenCase {
    const char *rom, *golden, *diff;
    int frames;
} GoldenCase;

/* Diff picture: differing pixels red, equal ones dimmed, so the eye finds the change. */
static void write_diff(const GoldenCase *c, const MdemuFrame *f, const uint32_t *golden, int gw, int gh)
{
    int w = f->width > gw ? f->width : gw, h = f->height > gh ? f->height : gh;
    uint32_t *diff = calloc((size_t)w * (size_t)h, 4);
    if (!diff) return;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            bool in_f = x < f->width && y < f->height, in_g = x < gw && y < gh;
            uint32_t a = in_f ? ((const uint32_t *)((const uint8_t *)f->pixels + (size_t)y * (size_t)f->pitch))[x] & 0xFFFFFF : 0;
            uint32_t b = in_g ? golden[(size_t)y * (size_t)gw + (size_t)x] : 0;
            diff[(size_t)y * (size_t)w + (size_t)x] = (in_f && in_g && a == b) ? (a >> 2) & 0x3F3F3F : 0xFF0000;
        }
    }
    char err[256];
    if (png_write_xrgb8888(c->diff, diff, w, h, w * 4, err, sizeof err)) fprintf(stderr, "diff image: %s\n", c->diff);
    else fprintf(stderr, "%s\n", err);
    free(diff);
}

static void test_golden(void **state)
{
    const GoldenCase *c = *state;
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    Mdemu *md = mdemu_create(&cfg);
    assert_non_null(md);
    char err[512];
    if (mdemu_load_rom_file(md, c->rom, err, sizeof err) != MDEMU_OK) fail_msg("%s", err);
    for (int i = 0; i < c->frames; i++) mdemu_run_frame(md);
    MdemuFrame f = mdemu_frame(md);
    const char *regen = getenv("MDEMU_REGEN_GOLDENS");
    if (regen && !strcmp(regen, "1")) {
        if (!png_write_xrgb8888(c->golden, f.pixels, f.width, f.height, f.pitch, err, sizeof err)) fail_msg("%s", err);
        fprintf(stderr, "rewrote %s (%dx%d): check it by eye\n", c->golden, f.width, f.height);
        mdemu_destroy(md);
        return;
    }
    int gw = 0, gh = 0;
    uint32_t *golden = golden_png_read(c->golden, &gw, &gh);
    if (!golden) fail_msg("cannot read golden %s", c->golden);
    long differing = 0;
    if (gw == f.width && gh == f.height) {
        for (int y = 0; y < gh; y++) {
            const uint32_t *row = (const uint32_t *)((const uint8_t *)f.pixels + (size_t)y * (size_t)f.pitch);
            for (int x = 0; x < gw; x++)
                if ((row[x] & 0xFFFFFF) != golden[(size_t)y * (size_t)gw + (size_t)x]) differing++;
        }
    }
    bool same = gw == f.width && gh == f.height && differing == 0;
    if (!same) {
        write_diff(c, &f, golden, gw, gh);
        fprintf(stderr, "frame %dx%d vs golden %dx%d, %ld pixels differ\n", f.width, f.height, gw, gh, differing);
    }
    free(golden);
    mdemu_destroy(md);
    assert_true(same);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: vdp_golden ROM GOLDEN.png DIFF.png FRAMES\n");
        return 2;
    }
    GoldenCase c = { argv[1], argv[2], argv[3], atoi(argv[4]) };
    if (access(c.rom, R_OK) != 0) {
        fprintf(stderr, "%s not built: skipped\n", c.rom);
        return 77;
    }
    const struct CMUnitTest tests[] = { cmocka_unit_test_prestate(test_golden, &c) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
