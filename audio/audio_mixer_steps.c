/* audio_mixer_steps.c - adding a band-limited step four taps at a time.
 *
 * The FM stream changes level on nearly every one of its 53 kHz samples, so
 * adding steps is most of the mixer's work. With AVX2 a group of four taps
 * takes one conversion, two multiplies and two adds. Consecutive steps start
 * one output sample or so apart, so groups placed at each step's own start
 * would reload values the previous step stored at other offsets, which the
 * host cannot forward from its store buffer (a stall per group); instead every
 * step adds on one grid of 4-aligned groups, with the kernel shifted into
 * place and zeros outside it. Exactness (audio_mixer.c) makes the result
 * bit-identical to the scalar loop (tests/audio_mixer runs both).
 */
#include "audio_mixer_kernel.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

bool audio_mixer_vector_steps_available(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}

/* pshufb controls moving four 16-bit taps up (shift_up[n]) or down
 * (shift_down[n]) by n lanes, with zeros shifted in. */
#define Z 0x80
static const uint8_t shift_up[4][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, Z, Z, Z, Z, Z, Z, Z, Z},
    {Z, Z, 0, 1, 2, 3, 4, 5, Z, Z, Z, Z, Z, Z, Z, Z},
    {Z, Z, Z, Z, 0, 1, 2, 3, Z, Z, Z, Z, Z, Z, Z, Z},
    {Z, Z, Z, Z, Z, Z, 0, 1, Z, Z, Z, Z, Z, Z, Z, Z},
};
static const uint8_t shift_down[4][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, Z, Z, Z, Z, Z, Z, Z, Z},
    {2, 3, 4, 5, 6, 7, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z},
    {4, 5, 6, 7, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z},
    {6, 7, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z},
};
#undef Z

__attribute__((target("avx2"))) static inline void add_group(double *left, double *right, __m128i k16, __m256d hl,
                                                             __m256d hr)
{
    const __m256d kd = _mm256_cvtepi32_pd(_mm_cvtepi16_epi32(k16));
    _mm256_storeu_pd(left, _mm256_add_pd(_mm256_loadu_pd(left), _mm256_mul_pd(kd, hl)));
    _mm256_storeu_pd(right, _mm256_add_pd(_mm256_loadu_pd(right), _mm256_mul_pd(kd, hr)));
}

__attribute__((target("avx2"))) static inline __m128i load_taps(const int16_t *k)
{
    return _mm_loadl_epi64((const __m128i *)(const void *)k);
}

__attribute__((target("avx2"))) void audio_mixer_add_step_vector(double *left, double *right, uint32_t first,
                                                                 const int16_t *k, double height_l,
                                                                 double height_r)
{
    const __m256d hl = _mm256_set1_pd(height_l), hr = _mm256_set1_pd(height_r);
    const unsigned s = first & 3u; /* tap t lands at grid slot t + s */
    left += first - s;
    right += first - s;
    /* Group 0: taps 0..3-s in slots s..3. */
    add_group(left, right, _mm_shuffle_epi8(load_taps(k), _mm_loadu_si128((const __m128i *)shift_up[s])), hl, hr);
    /* Groups 1-7: taps 4g-s..4g-s+3, all inside the kernel. */
    for (int g = 1; g < AUDIO_MIXER_TAPS / 4; g++)
        add_group(left + 4 * g, right + 4 * g, load_taps(k + 4 * g - (int)s), hl, hr);
    /* Group 8: the last s taps, when the step is off the grid. */
    if (s) {
        const __m128i tail = _mm_shuffle_epi8(load_taps(k + AUDIO_MIXER_TAPS - 4),
                                              _mm_loadu_si128((const __m128i *)shift_down[4 - s]));
        add_group(left + AUDIO_MIXER_TAPS, right + AUDIO_MIXER_TAPS, tail, hl, hr);
    }
}

#else

bool audio_mixer_vector_steps_available(void) { return false; }

void audio_mixer_add_step_vector(double *left, double *right, uint32_t first, const int16_t *k, double height_l,
                                 double height_r)
{
    for (int i = 0; i < AUDIO_MIXER_TAPS; i++) {
        left[first + i] += (double)k[i] * height_l;
        right[first + i] += (double)k[i] * height_r;
    }
}

#endif
