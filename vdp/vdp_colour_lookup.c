/* vdp_colour_lookup.c - the 64-dots-at-a-time colour lookup.
 *
 * Looking colours up one dot at a time is the single largest cost of
 * drawing a line (one load and one store per dot). AVX-512 VBMI's byte
 * permutes look 64 dots up in a 128-entry byte table in one instruction, so
 * each colour byte (blue, green, red) of 64 dots takes two permutes and a
 * blend (entries 0-127: normal and shadow; 128-191: highlight), and unpacks
 * interleave the three bytes into XRGB dots. The result equals the scalar
 * lookup dot for dot (tests/vdp/vdp_colour_lookup_test.c).
 */
#include "vdp_colour_lookup.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define VDP_VBMI_TARGET __attribute__((target("avx512f,avx512bw,avx512vbmi")))

bool vdp_colour_lookup_vector_available(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vbmi");
}

/* Byte unpacks work inside 128-bit lanes, so dot 16k + 4l + m must sit at
 * byte 16l + 4k + m for the unpacked registers to hold dots 0-15, 16-31,
 * 32-47 and 48-63 in order. */
static const uint8_t lane_order[64] = {
    0, 1, 2, 3, 16, 17, 18, 19, 32, 33, 34, 35, 48, 49, 50, 51,
    4, 5, 6, 7, 20, 21, 22, 23, 36, 37, 38, 39, 52, 53, 54, 55,
    8, 9, 10, 11, 24, 25, 26, 27, 40, 41, 42, 43, 56, 57, 58, 59,
    12, 13, 14, 15, 28, 29, 30, 31, 44, 45, 46, 47, 60, 61, 62, 63,
};

typedef struct ColourTable {
    __m512i normal_shadow_lo, normal_shadow_hi, highlight;
} ColourTable;

VDP_VBMI_TARGET static ColourTable load_table(const uint8_t *plane)
{
    ColourTable t = {_mm512_loadu_si512(plane), _mm512_loadu_si512(plane + 64), _mm512_loadu_si512(plane + 128)};
    return t;
}

VDP_VBMI_TARGET static __m512i lookup(const ColourTable *t, __m512i index, __mmask64 highlighted)
{
    const __m512i low = _mm512_permutex2var_epi8(t->normal_shadow_lo, index, t->normal_shadow_hi);
    const __m512i high = _mm512_permutexvar_epi8(index, t->highlight);
    return _mm512_mask_blend_epi8(highlighted, low, high);
}

VDP_VBMI_TARGET void vdp_colour_lookup_vector(const uint8_t planes[3][192], const uint8_t *index, int n,
                                              uint32_t *dst)
{
    const ColourTable blue = load_table(planes[0]), green = load_table(planes[1]),
                      red = load_table(planes[2]);
    const __m512i order = _mm512_loadu_si512(lane_order), zero = _mm512_setzero_si512();
    for (int x = 0; x < n; x += 64) {
        const int left = n - x < 64 ? n - x : 64;
        const __mmask64 in_span = left == 64 ? ~(__mmask64)0 : (((__mmask64)1 << left) - 1);
        const __m512i idx = _mm512_permutexvar_epi8(order, _mm512_maskz_loadu_epi8(in_span, index + x));
        const __mmask64 highlighted = _mm512_movepi8_mask(idx);
        const __m512i b = lookup(&blue, idx, highlighted), g = lookup(&green, idx, highlighted),
                      r = lookup(&red, idx, highlighted);
        const __m512i bg_lo = _mm512_unpacklo_epi8(b, g), bg_hi = _mm512_unpackhi_epi8(b, g);
        const __m512i r_lo = _mm512_unpacklo_epi8(r, zero), r_hi = _mm512_unpackhi_epi8(r, zero);
        const __m512i dots[4] = {_mm512_unpacklo_epi16(bg_lo, r_lo), _mm512_unpackhi_epi16(bg_lo, r_lo),
                                 _mm512_unpacklo_epi16(bg_hi, r_hi), _mm512_unpackhi_epi16(bg_hi, r_hi)};
        for (int q = 0; q < 4 && 16 * q < left; q++) {
            const int count = left - 16 * q < 16 ? left - 16 * q : 16;
            const __mmask16 keep = (__mmask16)((1u << count) - 1);
            _mm512_mask_storeu_epi32(dst + x + 16 * q, keep, dots[q]);
        }
    }
}

#else

bool vdp_colour_lookup_vector_available(void) { return false; }

void vdp_colour_lookup_vector(const uint8_t planes[3][192], const uint8_t *index, int n, uint32_t *dst)
{
    for (int x = 0; x < n; x++)
        dst[x] = (uint32_t)planes[0][index[x]] | (uint32_t)planes[1][index[x]] << 8 |
                 (uint32_t)planes[2][index[x]] << 16;
}

#endif
