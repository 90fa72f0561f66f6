/* vdp_colour_lookup_test.c - the vector colour lookup equals the plain one
 * for every index, every span length the renderer uses, and writes nothing
 * past the span. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "vdp_colour_lookup.h"

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
    if (!vdp_colour_lookup_vector_available())
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
    if (!vdp_colour_lookup_vector_available())
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches_plain_lookup),
        cmocka_unit_test(test_every_index),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
