/* vdp_render_vector_test.c - the vector colour lookup equals the plain one
 * for every index, every span length the renderer uses, and writes nothing
 * past the span. */
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

static void test_matches_plain_lookup(void **st)
{
    (void)st;
    if (!vdp_render_vector_available())
        skip();
    uint32_t seed = 0x12345678u;
    uint8_t planes[3][192];
    for (int round = 0; round < 200; round++) {
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < 192; i++)
                planes[c][i] = (uint8_t)rng_next(&seed);
        uint8_t index[320 + 64];
        for (int i = 0; i < 320 + 64; i++)
            index[i] = (uint8_t)(rng_next(&seed) % 192); /* past the span too: must not matter */
        const int n = 8 * (int)(1 + rng_next(&seed) % 40);
        uint32_t out[320 + 16];
        const uint32_t guard = 0xDEADBEEFu;
        for (int i = 0; i < 320 + 16; i++)
            out[i] = guard;
        vdp_colour_lookup_vector((const uint8_t(*)[192])planes, index, n, out);
        for (int i = 0; i < n; i++) {
            const uint32_t want = (uint32_t)planes[0][index[i]] | (uint32_t)planes[1][index[i]] << 8 |
                                  (uint32_t)planes[2][index[i]] << 16;
            assert_int_equal(out[i], want);
        }
        for (int i = n; i < 320 + 16; i++)
            assert_int_equal(out[i], guard);
    }
}

/* Every index value in one span: all 192 colours (normal, shadow, highlight). */
static void test_every_index(void **st)
{
    (void)st;
    if (!vdp_render_vector_available())
        skip();
    uint8_t planes[3][192];
    for (int i = 0; i < 192; i++) {
        planes[0][i] = (uint8_t)i;
        planes[1][i] = (uint8_t)(255 - i);
        planes[2][i] = (uint8_t)(i * 7);
    }
    uint8_t index[192];
    for (int i = 0; i < 192; i++)
        index[i] = (uint8_t)(191 - i);
    uint32_t out[192];
    vdp_colour_lookup_vector((const uint8_t(*)[192])planes, index, 192, out);
    for (int i = 0; i < 192; i++) {
        const unsigned c = 191u - (unsigned)i;
        assert_int_equal(out[i], c | (255u - c) << 8 | ((c * 7u) & 0xFFu) << 16);
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
    for (int round = 0; round < 400; round++) {
        const int im2 = round & 1;
        const unsigned count = 8u * (1u + rng_next(&seed) % 16u);
        const unsigned fine = rng_next(&seed) & (im2 ? 15u : 7u);
        uint8_t names[2 * 128];
        for (unsigned i = 0; i < 2 * count; i++)
            names[i] = (uint8_t)rng_next(&seed);
        uint8_t out[8 * 128 + 8];
        memset(out, 0xA5, sizeof out);
        vdp_plane_cells_vector(rows, names, count, fine, im2, out);
        for (unsigned c = 0; c < count; c++) {
            uint64_t got = 0;
            for (int b = 0; b < 8; b++)
                got |= (uint64_t)out[8 * c + (unsigned)b] << (8 * b);
            const uint64_t want = plain_cell(rows, (unsigned)names[2 * c] << 8 | names[2 * c + 1], fine, im2);
            assert_true(got == want);
        }
        for (unsigned i = 8 * count; i < sizeof out; i++)
            assert_int_equal(out[i], 0xA5);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches_plain_lookup),
        cmocka_unit_test(test_every_index),
        cmocka_unit_test(test_plane_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
