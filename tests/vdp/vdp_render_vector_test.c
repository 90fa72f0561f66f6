/* vdp_render_vector_test.c - the AVX-512 drawing steps against plain
 * references written from the documented rules: composition and colour
 * output for random layer bytes in both shadow/highlight modes, every span
 * length the renderer uses, nothing written past the span; plane cells for
 * random names, flips and pattern rows in both pattern heights, every row
 * width, start and count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "vdp_render_vector.h"

static uint32_t rng_next(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

/* Layer byte (vdp_render_internal.h): bit 7 priority, bit 6 opaque, bits 5-0 colour. */
static int opaque(uint8_t dot) { return (dot & 0x40) != 0; }
static int high(uint8_t dot) { return (dot & 0x80) != 0; }

/* genvdp.txt, "Priority" and "Shadow / Hilight": the first opaque dot in the
 * order high sprite, high A, high B, low sprite, low A, low B, backdrop. With
 * shadow/highlight, a winning sprite of palette 3 colour 15 shadows and colour
 * 14 highlights the plane dot below it (not drawn itself); dots where neither
 * plane has priority are shadowed, except high-priority sprite dots; a
 * highlight on such a dot cancels the shadow. Returns colour | 0x40 shadow |
 * 0x80 highlight. */
static uint8_t reference_index(uint8_t a, uint8_t b, uint8_t s, uint8_t backdrop, int shadow_highlight)
{
    const uint8_t order[6] = {s, a, b, s, a, b};
    const int want_high[6] = {1, 1, 1, 0, 0, 0};
    int top = 6; /* backdrop */
    for (int i = 0; i < 6; i++)
        if (opaque(order[i]) && high(order[i]) == want_high[i]) {
            top = i;
            break;
        }
    const int sprite_top = top == 0 || top == 3;
    /* What the planes alone show. */
    int plane_top = 6;
    for (int i = 1; i < 6; i++)
        if (i != 3 && opaque(order[i]) && high(order[i]) == want_high[i]) {
            plane_top = i;
            break;
        }
    const uint8_t plane_colour = plane_top == 6 ? backdrop : (uint8_t)(order[plane_top] & 0x3F);
    if (!shadow_highlight)
        return sprite_top ? (uint8_t)(s & 0x3F) : plane_colour;
    const int planes_low = !high(a) && !high(b);
    const int operator_dot = sprite_top && (s & 0x3F) >= 0x3E;
    if (operator_dot) {
        if ((s & 0x3F) == 0x3F)
            return (uint8_t)(plane_colour | 0x40);
        return (uint8_t)(planes_low ? plane_colour : plane_colour | 0x80);
    }
    const uint8_t colour = sprite_top ? (uint8_t)(s & 0x3F) : plane_colour;
    const int shadowed = planes_low && !(sprite_top && high(s));
    return (uint8_t)(shadowed ? colour | 0x40 : colour);
}

static uint8_t random_layer_dot(uint32_t *seed)
{
    const uint32_t r = rng_next(seed);
    /* A quarter transparent; colours 14/15 of palette 3 often, for the operators. */
    uint8_t colour = (r & 3) == 0 ? 0 : (uint8_t)((r >> 2) & 0x3F);
    if ((r & 0x700) == 0x100)
        colour = (uint8_t)(0x3E | ((r >> 12) & 1));
    return (uint8_t)(colour | (colour & 15 ? 0x40 : 0) | ((r >> 16) & 0x80));
}

static void test_compose_matches_rules(void **st)
{
    (void)st;
    if (!vdp_render_vector_available())
        skip();
    uint32_t seed = 0x12345678u;
    uint8_t planes[3][192];
    for (int round = 0; round < 400; round++) {
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < 192; i++)
                planes[c][i] = (uint8_t)rng_next(&seed);
        uint8_t pa[320 + 64], pb[320 + 64], sprites[320 + 64];
        for (int i = 0; i < 320 + 64; i++) {
            pa[i] = random_layer_dot(&seed);
            pb[i] = random_layer_dot(&seed);
            sprites[i] = random_layer_dot(&seed);
        }
        const int x0 = 8 * (int)(rng_next(&seed) % 40u);
        const int x1 = x0 + 8 * (int)(1 + rng_next(&seed) % (uint32_t)(40 - x0 / 8));
        const int shadow_highlight = round & 1, with_sprites = (round >> 1) & 1;
        const uint8_t backdrop = (uint8_t)(rng_next(&seed) & 0x3F);
        uint32_t out[320 + 16];
        const uint32_t guard = 0xDEADBEEFu;
        for (int i = 0; i < 320 + 16; i++)
            out[i] = guard;
        vdp_compose_vector(pa, pb, with_sprites ? sprites : NULL, backdrop, shadow_highlight,
                           (const uint8_t(*)[192])planes, x0, x1, out);
        for (int x = 0; x < 320 + 16; x++) {
            if (x < x0 || x >= x1) {
                assert_int_equal(out[x], guard);
                continue;
            }
            const uint8_t i = reference_index(pa[x], pb[x], with_sprites ? sprites[x] : 0, backdrop,
                                              shadow_highlight);
            const uint32_t want = (uint32_t)planes[0][i] | (uint32_t)planes[1][i] << 8 | (uint32_t)planes[2][i] << 16;
            if (out[x] != want)
                print_message("dot %d: a %02X b %02X s %02X sh %d -> index %02X\n", x, pa[x], pb[x],
                              with_sprites ? sprites[x] : 0, shadow_highlight, i);
            assert_int_equal(out[x], want);
        }
    }
}

/* A plane cell as genvdp.txt describes the name table entry: bit 15
 * priority, 14-13 palette, 12 V flip, 11 H flip, 10-0 pattern. */
static uint64_t plain_cell(const uint64_t *rows, unsigned name, unsigned fine, int im2)
{
    const unsigned last_row = im2 ? 15u : 7u;
    const unsigned y = (name & 0x1000u) ? last_row - fine : fine;
    const unsigned pattern = im2 ? name & 0x3FFu : name & 0x7FFu;
    const uint64_t px = rows[pattern * (last_row + 1) + y];
    uint64_t out = 0;
    for (int dot = 0; dot < 8; dot++) {
        const unsigned from = (name & 0x800u) ? 7u - (unsigned)dot : (unsigned)dot;
        const uint64_t byte = ((px >> (8 * from)) & 0xFF) | ((name >> 8) & 0x80u) | ((name >> 9) & 0x30u);
        out |= byte << (8 * dot);
    }
    return out;
}

static void test_plane_cells(void **st)
{
    (void)st;
    if (!vdp_render_vector_available())
        skip();
    static uint64_t rows[0x4000];
    uint32_t seed = 0xBADC0DEu;
    for (int i = 0; i < 0x4000; i++)
        rows[i] = (uint64_t)rng_next(&seed) << 32 | rng_next(&seed);
    for (int round = 0; round < 1200; round++) {
        const int im2 = round & 1;
        /* Every row width, any start (wrapping at the row's end) and any count. */
        const unsigned wcells = 32u << (rng_next(&seed) % 3u);
        const unsigned col = rng_next(&seed) % wcells;
        const unsigned count = 1u + rng_next(&seed) % 48u;
        const unsigned fine = rng_next(&seed) & (im2 ? 15u : 7u);
        uint8_t names[2 * 128];
        for (unsigned i = 0; i < 2 * wcells; i++)
            names[i] = (uint8_t)rng_next(&seed);
        uint8_t out[8 * 48 + 64];
        memset(out, 0xA5, sizeof out);
        vdp_plane_row_vector(rows, names, wcells, col, count, fine, im2, out);
        for (unsigned c = 0; c < count; c++) {
            uint64_t got = 0;
            for (int b = 0; b < 8; b++)
                got |= (uint64_t)out[8 * c + (unsigned)b] << (8 * b);
            const unsigned at = (col + c) % wcells;
            const uint64_t want = plain_cell(rows, (unsigned)names[2 * at] << 8 | names[2 * at + 1], fine, im2);
            assert_true(got == want);
        }
        for (unsigned i = 8 * count; i < sizeof out; i++)
            assert_int_equal(out[i], 0xA5);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compose_matches_rules),
        cmocka_unit_test(test_plane_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
