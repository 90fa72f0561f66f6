/* vdp_render_vector.c - line drawing steps with AVX-512 (F, BW, VBMI).
 *
 * Composition: the priority and shadow/highlight rules of vdp_render.c's
 * compose16 run on 64 dots at once, with mask registers for the per-dot
 * conditions.
 *
 * Colour lookup: one dot at a time it is the largest cost of drawing a line
 * (a load and a store per dot). VBMI's byte permutes look 64 dots up in a
 * 128-entry byte table in one instruction, so each colour byte (blue, green,
 * red) of 64 dots takes two permutes and a blend (entries 0-127: normal and
 * shadow; 128-191: highlight), and unpacks interleave the three bytes into
 * XRGB dots.
 *
 * Plane cells: a cell costs a dozen scalar operations around one table
 * load; eight cells at a time take a gather of their pattern rows and a few
 * vector operations for the flips and attributes.
 *
 * The results equal the scalar path's dot for dot
 * (tests/vdp/vdp_render_vector_test.c, and the golden scenes drawn both ways).
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

typedef struct ColourTables {
    ColourTable blue, green, red;
    __m512i order;
} ColourTables;

VDP_VBMI_TARGET static ColourTables load_tables(const uint8_t planes[3][192])
{
    ColourTables t = {load_table(planes[0]), load_table(planes[1]), load_table(planes[2]),
                      _mm512_loadu_si512(lane_order)};
    return t;
}

/* The colours of 64 indices (`left` of them kept) into dst. */
VDP_VBMI_TARGET static inline void lookup_store(const ColourTables *t, __m512i index, int left, uint32_t *dst)
{
    const __m512i idx = _mm512_permutexvar_epi8(t->order, index), zero = _mm512_setzero_si512();
    const __mmask64 highlighted = _mm512_movepi8_mask(idx);
    const __m512i b = lookup(&t->blue, idx, highlighted), g = lookup(&t->green, idx, highlighted),
                  r = lookup(&t->red, idx, highlighted);
    const __m512i bg_lo = _mm512_unpacklo_epi8(b, g), bg_hi = _mm512_unpackhi_epi8(b, g);
    const __m512i r_lo = _mm512_unpacklo_epi8(r, zero), r_hi = _mm512_unpackhi_epi8(r, zero);
    const __m512i dots[4] = {_mm512_unpacklo_epi16(bg_lo, r_lo), _mm512_unpackhi_epi16(bg_lo, r_lo),
                             _mm512_unpacklo_epi16(bg_hi, r_hi), _mm512_unpackhi_epi16(bg_hi, r_hi)};
    if (left == 64) {
        for (int q = 0; q < 4; q++)
            _mm512_storeu_si512(dst + 16 * q, dots[q]);
        return;
    }
    for (int q = 0; q < 4 && 16 * q < left; q++) {
        const int count = left - 16 * q < 16 ? left - 16 * q : 16;
        _mm512_mask_storeu_epi32(dst + 16 * q, (__mmask16)((1u << count) - 1), dots[q]);
    }
}

static inline __mmask64 first_dots(int left)
{
    return left >= 64 ? ~(__mmask64)0 : (((__mmask64)1 << left) - 1);
}

/* vdp_render.c's compose16 on 64 dots, with mask registers for the per-dot
 * conditions (the rules are described there). */
VDP_VBMI_TARGET static inline __m512i compose64(__m512i a, __m512i b, __m512i s, __m512i backdrop,
                                                int shadow_highlight)
{
    const __m512i c0 = _mm512_set1_epi8((char)0xC0), colour_bits = _mm512_set1_epi8(0x3F);
    const __mmask64 ahi = _mm512_cmpeq_epi8_mask(_mm512_and_si512(a, c0), c0);
    const __mmask64 bhi = _mm512_cmpeq_epi8_mask(_mm512_and_si512(b, c0), c0);
    const __mmask64 shi = _mm512_cmpeq_epi8_mask(_mm512_and_si512(s, c0), c0);
    const __m512i opaque = _mm512_set1_epi8(0x40);
    const __mmask64 a_opaque = _mm512_test_epi8_mask(a, opaque), b_opaque = _mm512_test_epi8_mask(b, opaque);
    const __mmask64 s_opaque = _mm512_test_epi8_mask(s, opaque);
    const __mmask64 a_wins = ahi | (a_opaque & ~bhi);
    const __m512i planes = _mm512_mask_blend_epi8(a_wins, _mm512_mask_blend_epi8(b_opaque, backdrop, b), a);
    const __mmask64 sprite_wins = shi | (s_opaque & ~(ahi | bhi));
    if (!shadow_highlight)
        return _mm512_and_si512(_mm512_mask_blend_epi8(sprite_wins, planes, s), colour_bits);
    const __m512i e = _mm512_set1_epi8(0x3E);
    const __mmask64 op = sprite_wins & _mm512_cmpeq_epi8_mask(_mm512_and_si512(s, e), e);
    const __mmask64 odd = _mm512_test_epi8_mask(s, _mm512_set1_epi8(1));
    const __m512i colour = _mm512_and_si512(_mm512_mask_blend_epi8(sprite_wins & ~op, planes, s), colour_bits);
    const __mmask64 planes_low = ~_mm512_movepi8_mask(_mm512_or_si512(a, b));
    const __mmask64 sprite_hi = sprite_wins & shi & ~op;
    const __mmask64 shadow = (op & odd) | (~op & planes_low & ~sprite_hi);
    const __mmask64 highlight = op & ~odd & ~planes_low;
    const __m512i shaded = _mm512_mask_mov_epi8(colour, shadow, _mm512_or_si512(colour, opaque));
    return _mm512_mask_mov_epi8(shaded, highlight, _mm512_or_si512(shaded, _mm512_set1_epi8((char)0x80)));
}

VDP_VBMI_TARGET static inline void compose_spans(const uint8_t *pa, const uint8_t *pb, const uint8_t *sprites,
                                                 uint8_t backdrop_index, int shadow_highlight,
                                                 const uint8_t planes[3][192], int x0, int x1, uint32_t *dst)
{
    const ColourTables t = load_tables(planes);
    const __m512i backdrop = _mm512_set1_epi8((char)backdrop_index);
    for (int x = x0; x < x1; x += 64) {
        const int left = x1 - x < 64 ? x1 - x : 64;
        const __mmask64 in_span = first_dots(left);
        const __m512i s = sprites ? _mm512_maskz_loadu_epi8(in_span, sprites + x) : _mm512_setzero_si512();
        const __m512i index = compose64(_mm512_maskz_loadu_epi8(in_span, pa + x),
                                        _mm512_maskz_loadu_epi8(in_span, pb + x), s, backdrop, shadow_highlight);
        lookup_store(&t, index, left, dst + x);
    }
}

VDP_VBMI_TARGET void vdp_compose_vector(const uint8_t *pa, const uint8_t *pb, const uint8_t *sprites,
                                        uint8_t backdrop_index, int shadow_highlight,
                                        const uint8_t planes[3][192], int x0, int x1, uint32_t *dst)
{
    /* Specialised for the mode, as in vdp_render.c. */
    if (shadow_highlight)
        compose_spans(pa, pb, sprites, backdrop_index, 1, planes, x0, x1, dst);
    else
        compose_spans(pa, pb, sprites, backdrop_index, 0, planes, x0, x1, dst);
}

/* Byte shuffles: each 16-bit name from big-endian to host order; each
 * 64-bit row mirrored (H flip); byte 0 of each 64-bit lane copied to all
 * eight bytes of it (the attributes of a cell's eight dots). */
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

/* One dot by the priority rules in vdp_render.c (the vector path computes
 * them 64 dots at a time). */
static uint8_t compose_dot(uint8_t a, uint8_t b, uint8_t s, uint8_t backdrop, int shadow_highlight)
{
    const int ahi = (a & 0xC0) == 0xC0, bhi = (b & 0xC0) == 0xC0, shi = (s & 0xC0) == 0xC0;
    const int a_wins = ahi || ((a & 0x40) && !bhi);
    const uint8_t planes = a_wins ? a : (b & 0x40) ? b : backdrop;
    const int sprite_wins = shi || ((s & 0x40) && !ahi && !bhi);
    if (!shadow_highlight)
        return (uint8_t)((sprite_wins ? s : planes) & 0x3F);
    const int op = sprite_wins && (s & 0x3E) == 0x3E;
    const int odd = s & 1;
    const int planes_low = !((a | b) & 0x80);
    const int sprite_hi = sprite_wins && shi && !op;
    const int shadow = (op && odd) || (!op && planes_low && !sprite_hi);
    const int highlight = op && !odd && !planes_low;
    return (uint8_t)((((sprite_wins && !op) ? s : planes) & 0x3F) | (shadow ? 0x40 : 0) | (highlight ? 0x80 : 0));
}

void vdp_compose_vector(const uint8_t *pa, const uint8_t *pb, const uint8_t *sprites, uint8_t backdrop_index,
                        int shadow_highlight, const uint8_t planes[3][192], int x0, int x1, uint32_t *dst)
{
    for (int x = x0; x < x1; x++) {
        const uint8_t i = compose_dot(pa[x], pb[x], sprites ? sprites[x] : 0, backdrop_index, shadow_highlight);
        dst[x] = (uint32_t)planes[0][i] | (uint32_t)planes[1][i] << 8 | (uint32_t)planes[2][i] << 16;
    }
}

#endif
