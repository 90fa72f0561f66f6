/* vdp_render_vector.c - the 64-dots-at-a-time colour lookup.
 *
 * Looking colours up one dot at a time is the single largest cost of
 * drawing a line (one load and one store per dot). AVX-512 VBMI's byte
 * permutes look 64 dots up in a 128-entry byte table in one instruction, so
 * each colour byte (blue, green, red) of 64 dots takes two permutes and a
 * blend (entries 0-127: normal and shadow; 128-191: highlight), and unpacks
 * interleave the three bytes into XRGB dots. The result equals the scalar
 * lookup dot for dot (tests/vdp/vdp_render_vector_test.c).
 *
 * Plane cells: a cell costs a dozen scalar operations around one table
 * load; eight cells at a time take a gather of their pattern rows and a few
 * vector operations for the flips and attributes.
 */
#include "vdp_render_vector.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define VDP_VBMI_TARGET __attribute__((target("avx512f,avx512bw,avx512vbmi")))

bool vdp_render_vector_available(void)
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

/* Each 16-bit name from big-endian to host order, and byte 0 of each
 * 64-bit lane copied to all eight bytes of it. */
static const uint8_t swap_words[16] = {1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14};
static const uint8_t reverse_qwords[16] = {7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8};
static const uint8_t spread_byte0[16] = {0, 0, 0, 0, 0, 0, 0, 0, 8, 8, 8, 8, 8, 8, 8, 8};

VDP_VBMI_TARGET void vdp_plane_cells_vector(const uint64_t *pattern_rows, const uint8_t *names, unsigned count,
                                            unsigned fine, int im2, uint8_t *dst)
{
    const __m128i swap = _mm_loadu_si128((const __m128i *)swap_words);
    const __m512i reverse = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)reverse_qwords));
    const __m512i spread = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)spread_byte0));
    const unsigned fine_mask = im2 ? 15u : 7u;
    const __m512i fine_plain = _mm512_set1_epi64(fine), fine_flipped = _mm512_set1_epi64(fine ^ fine_mask);
    const __m512i pattern_mask = _mm512_set1_epi64(im2 ? 0x3FF : 0x7FF);
    const __m512i v_flip = _mm512_set1_epi64(0x1000), h_flip = _mm512_set1_epi64(0x800);
    const __m512i priority = _mm512_set1_epi64(0x80), palette = _mm512_set1_epi64(0x30);
    const unsigned row_shift = im2 ? 4 : 3;
    for (unsigned c = 0; c + 8 <= count; c += 8) {
        const __m128i raw = _mm_loadu_si128((const __m128i *)(const void *)(names + 2 * c));
        const __m512i name = _mm512_cvtepu16_epi64(_mm_shuffle_epi8(raw, swap));
        const __m512i fine_rows =
            _mm512_mask_blend_epi64(_mm512_test_epi64_mask(name, v_flip), fine_plain, fine_flipped);
        const __m512i row =
            _mm512_or_si512(_mm512_slli_epi64(_mm512_and_si512(name, pattern_mask), row_shift), fine_rows);
        __m512i px = _mm512_i64gather_epi64(row, (const void *)pattern_rows, 8);
        px = _mm512_mask_blend_epi64(_mm512_test_epi64_mask(name, h_flip), px, _mm512_shuffle_epi8(px, reverse));
        /* Name bit 15 -> bit 7 (priority), bits 14-13 -> bits 5-4 (palette). */
        const __m512i attr = _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi64(name, 8), priority),
                                             _mm512_and_si512(_mm512_srli_epi64(name, 9), palette));
        px = _mm512_or_si512(px, _mm512_shuffle_epi8(attr, spread));
        _mm512_storeu_si512(dst + 8 * c, px);
    }
}

#else

bool vdp_render_vector_available(void) { return false; }

void vdp_colour_lookup_vector(const uint8_t planes[3][192], const uint8_t *index, int n, uint32_t *dst)
{
    for (int x = 0; x < n; x++)
        dst[x] = (uint32_t)planes[0][index[x]] | (uint32_t)planes[1][index[x]] << 8 |
                 (uint32_t)planes[2][index[x]] << 16;
}

void vdp_plane_cells_vector(const uint64_t *pattern_rows, const uint8_t *names, unsigned count, unsigned fine,
                            int im2, uint8_t *dst)
{
    const unsigned fine_mask = im2 ? 15u : 7u;
    for (unsigned c = 0; c < count; c++) {
        const unsigned name = (unsigned)names[2 * c] << 8 | names[2 * c + 1];
        const unsigned row = (im2 ? (name & 0x3FFu) << 4 : (name & 0x7FFu) << 3) |
                             ((name & 0x1000u) ? fine ^ fine_mask : fine);
        uint64_t px = pattern_rows[row];
        if (name & 0x800u)
            px = __builtin_bswap64(px);
        px |= 0x0101010101010101ull * (((name >> 8) & 0x80u) | ((name >> 9) & 0x30u));
        for (int b = 0; b < 8; b++)
            dst[8 * c + (unsigned)b] = (uint8_t)(px >> (8 * b));
    }
}

#endif
