/* vdp_render_vector.c - line drawing steps with AVX-512 (F, BW, VBMI).
 *
 * Composition: the priority and shadow/highlight rules of vdp_render.c's
 * compose16 run on 64 dots at once, with mask registers for the per-dot
 * conditions.
 *
 * Colour lookup: one dot at a time it is the largest cost of drawing a line
 * (a load and a store per dot). VBMI's byte permutes look 64 dots up in a
 * 128-entry byte table in one instruction, so each colour byte (blue, green,
 * red) of 64 dots takes two permutes (entries 0-127: normal and shadow;
 * 128-191: highlight, merged under a mask), one without shadow/highlight,
 * and unpacks interleave the three bytes into XRGB dots. Every 512-bit
 * operation counts here: the loop is bound by their throughput.
 *
 * Plane cells: a cell costs a dozen scalar operations around one table
 * load; eight cells at a time take eight loads of their pattern rows and a
 * few vector operations for the flips and attributes, the names picked from
 * the whole name table row held in registers.
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
    return _mm512_mask_permutexvar_epi8(low, highlighted, index, t->highlight);
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

/* The colours of 64 indices (`left` of them kept) into dst. Without
 * shadow/highlight only the 64 normal colours exist, so one permute a
 * colour byte does (it reads index bits 5-0 only: bits 7-6 may hold anything). */
VDP_VBMI_TARGET static inline void lookup_store(const ColourTables *t, __m512i index, int shadow_highlight, int left,
                                                uint32_t *dst)
{
    const __m512i idx = _mm512_permutexvar_epi8(t->order, index), zero = _mm512_setzero_si512();
    __m512i b, g, r;
    if (shadow_highlight) {
        const __mmask64 highlighted = _mm512_movepi8_mask(idx);
        b = lookup(&t->blue, idx, highlighted);
        g = lookup(&t->green, idx, highlighted);
        r = lookup(&t->red, idx, highlighted);
    } else {
        b = _mm512_permutexvar_epi8(idx, t->blue.normal_shadow_lo);
        g = _mm512_permutexvar_epi8(idx, t->green.normal_shadow_lo);
        r = _mm512_permutexvar_epi8(idx, t->red.normal_shadow_lo);
    }
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
 * conditions (the rules are described there). Without shadow/highlight the
 * result's bits 7-6 are not cleared (lookup_store ignores them). */
VDP_VBMI_TARGET static inline __m512i compose64(__m512i a, __m512i b, __m512i s, __m512i backdrop,
                                                int shadow_highlight)
{
    /* Opaque with priority is bits 7 and 6 both set: the byte is >= 0xC0. */
    const __m512i c0 = _mm512_set1_epi8((char)0xC0), opaque = _mm512_set1_epi8(0x40);
    const __mmask64 ahi = _mm512_cmpge_epu8_mask(a, c0), bhi = _mm512_cmpge_epu8_mask(b, c0);
    const __mmask64 shi = _mm512_cmpge_epu8_mask(s, c0);
    const __mmask64 a_opaque = _mm512_test_epi8_mask(a, opaque), b_opaque = _mm512_test_epi8_mask(b, opaque);
    const __mmask64 s_opaque = _mm512_test_epi8_mask(s, opaque);
    const __mmask64 a_wins = ahi | (a_opaque & ~bhi);
    const __m512i planes = _mm512_mask_blend_epi8(a_wins, _mm512_mask_blend_epi8(b_opaque, backdrop, b), a);
    const __mmask64 sprite_wins = shi | (s_opaque & ~(ahi | bhi));
    if (!shadow_highlight)
        return _mm512_mask_blend_epi8(sprite_wins, planes, s);
    const __m512i e = _mm512_set1_epi8(0x3E);
    const __mmask64 op = sprite_wins & _mm512_cmpeq_epi8_mask(_mm512_and_si512(s, e), e);
    const __mmask64 odd = _mm512_test_epi8_mask(s, _mm512_set1_epi8(1));
    const __m512i colour = _mm512_mask_blend_epi8(sprite_wins & ~op, planes, s);
    const __mmask64 planes_low = ~_mm512_movepi8_mask(_mm512_or_si512(a, b));
    const __mmask64 sprite_hi = sprite_wins & shi & ~op;
    const __mmask64 shadow = (op & odd) | (~op & planes_low & ~sprite_hi);
    const __mmask64 highlight = op & ~odd & ~planes_low;
    /* Shadow and highlight never both hold. */
    const __m512i shade = _mm512_mask_mov_epi8(_mm512_maskz_mov_epi8(shadow, opaque), highlight,
                                               _mm512_set1_epi8((char)0x80));
    return _mm512_ternarylogic_epi32(colour, _mm512_set1_epi8(0x3F), shade, 0xEA); /* (colour & 0x3F) | shade */
}

/* Always inlined: called with constant modes, each call becomes a loop of its own. */
VDP_VBMI_TARGET __attribute__((always_inline)) static inline void
compose_spans(const uint8_t *pa, const uint8_t *pb, const uint8_t *sprites, uint8_t backdrop_index,
              int shadow_highlight, const uint8_t planes[3][192], int x0, int x1, uint32_t *dst)
{
    const ColourTables t = load_tables(planes);
    const __m512i backdrop = _mm512_set1_epi8((char)backdrop_index);
    for (int x = x0; x < x1; x += 64) {
        const int left = x1 - x < 64 ? x1 - x : 64;
        const __mmask64 in_span = first_dots(left);
        const __m512i s = sprites ? _mm512_maskz_loadu_epi8(in_span, sprites + x) : _mm512_setzero_si512();
        const __m512i index = compose64(_mm512_maskz_loadu_epi8(in_span, pa + x),
                                        _mm512_maskz_loadu_epi8(in_span, pb + x), s, backdrop, shadow_highlight);
        lookup_store(&t, index, shadow_highlight, left, dst + x);
    }
}

VDP_VBMI_TARGET void vdp_compose_vector(const uint8_t *pa, const uint8_t *pb, const uint8_t *sprites,
                                        uint8_t backdrop_index, int shadow_highlight,
                                        const uint8_t planes[3][192], int x0, int x1, uint32_t *dst)
{
    /* Specialised for the mode, as in vdp_render.c. */
    if (shadow_highlight)
        compose_spans(pa, pb, sprites, backdrop_index, 1, planes, x0, x1, dst);
    else if (sprites)
        compose_spans(pa, pb, sprites, backdrop_index, 0, planes, x0, x1, dst);
    else
        compose_spans(pa, pb, NULL, backdrop_index, 0, planes, x0, x1, dst);
}

/* Byte shuffles (per 128-bit lane): each 16-bit name from big-endian to
 * host order; each 64-bit row as it is and mirrored (H flip). */
static const uint8_t swap_words[16] = {1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14};
static const uint8_t same_qwords[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
static const uint8_t reverse_qwords[16] = {7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8};
/* Name bits 15-13 (priority, palette) -> layer bits 7, 5-4. */
static const uint8_t name_attrs[16] = {0x00, 0x10, 0x20, 0x30, 0x80, 0x90, 0xA0, 0xB0};
/* Cells 0-7 in the low word of each 64-bit lane. */
static const uint16_t first_cells[32] = {0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0,
                                         4, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7, 0, 0, 0};

VDP_VBMI_TARGET static inline __m512i load_names(const uint8_t *names, __m512i swap)
{
    return _mm512_shuffle_epi8(_mm512_loadu_si512(names), swap);
}

/* pattern_rows[row[i]] for the eight 64-bit lanes of `row`. A gather does
 * this, but on the hosts measured (AMD Zen 5) the indices stored, eight
 * scalar loads and inserts take about 10% less time per cell. */
VDP_VBMI_TARGET static inline __m512i load_rows(const uint64_t *pattern_rows, __m512i row)
{
    uint64_t i[8];
    _mm512_storeu_si512(i, row);
    const uint64_t *p = pattern_rows;
    const __m128i r01 = _mm_insert_epi64(_mm_cvtsi64_si128((long long)p[i[0]]), (long long)p[i[1]], 1);
    const __m128i r23 = _mm_insert_epi64(_mm_cvtsi64_si128((long long)p[i[2]]), (long long)p[i[3]], 1);
    const __m128i r45 = _mm_insert_epi64(_mm_cvtsi64_si128((long long)p[i[4]]), (long long)p[i[5]], 1);
    const __m128i r67 = _mm_insert_epi64(_mm_cvtsi64_si128((long long)p[i[6]]), (long long)p[i[7]], 1);
    const __m256i low = _mm256_inserti128_si256(_mm256_castsi128_si256(r01), r23, 1);
    const __m256i high = _mm256_inserti128_si256(_mm256_castsi128_si256(r45), r67, 1);
    return _mm512_inserti64x4(_mm512_castsi256_si512(low), high, 1);
}

VDP_VBMI_TARGET void vdp_plane_row_vector(const uint64_t *pattern_rows, const uint8_t *names, unsigned wcells,
                                          unsigned col, unsigned count, unsigned fine, int im2, uint8_t *dst)
{
    /* The whole name table row, in host order, in two (32 or 64 cells) or
     * four registers: word permutes then pick any eight consecutive cells,
     * wrapping at the row's end, so neither the wrap nor a count that is no
     * multiple of 8 needs scalar cells. The loop is bound by the throughput
     * of its 512-bit operations, hence the merged forms below. */
    const __m512i swap = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)swap_words));
    const __m512i n0 = load_names(names, swap), n1 = wcells >= 64 ? load_names(names + 64, swap) : n0;
    const int wide = wcells > 64;
    const __m512i n2 = wide ? load_names(names + 128, swap) : n0, n3 = wide ? load_names(names + 192, swap) : n0;
    const __m512i same = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)same_qwords));
    const __m512i reverse = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)reverse_qwords));
    const __m512i attrs = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)name_attrs));
    const unsigned row_shift = im2 ? 4 : 3;
    const __m512i fine_plain = _mm512_set1_epi64(fine), fine_mask = _mm512_set1_epi64(im2 ? 15 : 7);
    const __m512i pattern_bits = _mm512_set1_epi64(im2 ? 0x3FF << 4 : 0x7FF << 3);
    const __m512i v_flip = _mm512_set1_epi64(0x1000), h_flip = _mm512_set1_epi64(0x800);
    const __m512i bits_13_15 = _mm512_set1_epi8(13); /* multishift: bits 13-20 of the lane into each byte */
    const __m512i col_mask = _mm512_set1_epi16((short)(wcells - 1)), step = _mm512_set1_epi16(8);
    const __m512i upper_half = _mm512_set1_epi16(64);
    const __mmask32 name_words = 0x11111111u; /* the low word of each 64-bit lane; the rest zeroed */
    __m512i cells = _mm512_add_epi16(_mm512_loadu_si512(first_cells), _mm512_set1_epi16((short)col));
    for (unsigned c = 0; c < count; c += 8) {
        const __m512i at = _mm512_and_si512(cells, col_mask);
        cells = _mm512_add_epi16(cells, step);
        __m512i name = _mm512_maskz_permutex2var_epi16(name_words, n0, at, n1);
        if (wide)
            name = _mm512_mask_blend_epi16(_mm512_test_epi16_mask(at, upper_half), name,
                                           _mm512_maskz_permutex2var_epi16(name_words, n2, at, n3));
        /* Pattern row: pattern << row_shift | fine, fine mirrored by V flip. */
        __m512i row = _mm512_ternarylogic_epi64(_mm512_slli_epi64(name, row_shift), pattern_bits, fine_plain, 0xEA);
        row = _mm512_mask_xor_epi64(row, _mm512_test_epi64_mask(name, v_flip), row, fine_mask);
        const __m512i order = _mm512_mask_blend_epi64(_mm512_test_epi64_mask(name, h_flip), same, reverse);
        const __m512i attr = _mm512_shuffle_epi8(attrs, _mm512_multishift_epi64_epi8(bits_13_15, name));
        const __m512i px = load_rows(pattern_rows, row);
        const __m512i dots = _mm512_or_si512(_mm512_shuffle_epi8(px, order), attr);
        if (count - c >= 8)
            _mm512_storeu_si512(dst + 8 * c, dots);
        else
            _mm512_mask_storeu_epi64(dst + 8 * c, (__mmask8)((1u << (count - c)) - 1), dots);
    }
}

#else

#include "vdp_render_internal.h"

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

/* One cell at a time, with the scalar path's row helpers (never called
 * where vdp_render_vector_available is false; kept so that the tests link). */
void vdp_plane_row_vector(const uint64_t *pattern_rows, const uint8_t *names, unsigned wcells, unsigned col,
                          unsigned count, unsigned fine, int im2, uint8_t *dst)
{
    const unsigned fine_mask = im2 ? 15u : 7u;
    for (unsigned c = 0; c < count; c++) {
        const unsigned at = (col + c) & (wcells - 1);
        const unsigned name = (unsigned)names[2 * at] << 8 | names[2 * at + 1];
        const unsigned y = (name & 0x1000u) ? fine ^ fine_mask : fine;
        const unsigned row = (im2 ? (name & 0x3FFu) << 4 : (name & 0x7FFu) << 3) | y;
        vdp_store8(dst + 8 * c, vdp_flip_if(pattern_rows[row], name & 0x0800u) | vdp_row_attr[name >> 11]);
    }
}

#endif
