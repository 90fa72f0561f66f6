/* audio_mixer_kernel_builder.c - computes the resampler's band-limited step
 * table (run by the build-time generator, never by the library).
 *
 * Each input sample is a step (the chips' DACs hold their level). Filtering
 * a step with a low-pass impulse response h gives its integral S; sampling S
 * at the output rate and differencing gives the per-output-sample changes
 * stored here. h is a windowed sinc (Kaiser window; J.F. Kaiser, "Nonrecursive
 * digital filter design using the I0-sinh window function", 1974) with its
 * -6 dB point at CUTOFF of the output rate, so everything from the output
 * Nyquist frequency up is attenuated by about 50 dB or more.
 */
#include "audio_mixer_kernel_builder.h"

#define KERNEL_HALF_WIDTH 15 /* output samples each side: support of h is (-15, 15) */
#define KERNEL_CUTOFF 0.44   /* -6 dB point, fraction of the output rate */
#define KAISER_BETA 5.0      /* ~50 dB stopband for this length */
#define Q15_ONE 32768

static const double PI = 3.14159265358979323846;

/* sin(pi * x) by range reduction and a Taylor series. */
static double sin_pi(double x)
{
    double half_turns = x / 2.0;
    long whole = (long)(half_turns >= 0 ? half_turns + 0.5 : half_turns - 0.5);
    x -= 2.0 * (double)whole; /* now in [-1, 1] */
    if (x > 0.5)
        x = 1.0 - x;
    else if (x < -0.5)
        x = -1.0 - x;
    double y = PI * x, term = y, sum = y;
    for (int n = 1; n < 14; n++) {
        term *= -(y * y) / ((2.0 * n) * (2.0 * n + 1.0));
        sum += term;
    }
    return sum;
}

/* Modified Bessel function I0 from (z/2)^2, so no square root is needed. */
static double bessel_i0_sq(double quarter_z_sq)
{
    double term = 1.0, sum = 1.0;
    for (int k = 1; k < 60 && term > 1e-17 * sum; k++) {
        term *= quarter_z_sq / ((double)k * (double)k);
        sum += term;
    }
    return sum;
}

static double impulse(double x, double beta_i0)
{
    double r = x / KERNEL_HALF_WIDTH;
    if (r <= -1.0 || r >= 1.0)
        return 0.0;
    double window = bessel_i0_sq(KAISER_BETA * KAISER_BETA * (1.0 - r * r) / 4.0) / beta_i0;
    double arg = 2.0 * KERNEL_CUTOFF * x;
    double sinc = (arg == 0.0) ? 1.0 : sin_pi(arg) / (PI * arg);
    return 2.0 * KERNEL_CUTOFF * sinc * window;
}

/* Walks the grid cells [k dx, (k + 1) dx] upwards, giving each one's
 * integral of h (Simpson). A cell's right edge is the next one's left edge
 * (the same double: k dx is exact), so h is evaluated twice per cell, not
 * three times. */
typedef struct CellWalk {
    double dx, beta_i0;
    int k;           /* the next cell */
    double h_left;   /* h at its left edge */
} CellWalk;

static CellWalk cell_walk_start(int k, double dx, double beta_i0)
{
    CellWalk w = {dx, beta_i0, k, impulse(k * dx, beta_i0)};
    return w;
}

static double cell_walk_next(CellWalk *w)
{
    double x = w->k * w->dx;
    double h_mid = impulse(x + w->dx / 2.0, w->beta_i0);
    double h_right = impulse(x + w->dx, w->beta_i0);
    double area = w->dx / 6.0 * (w->h_left + 4.0 * h_mid + h_right);
    w->h_left = h_right;
    w->k++;
    return area;
}

void audio_mixer_build_kernel(int16_t kernel[AUDIO_MIXER_PHASES][AUDIO_MIXER_TAPS])
{
    const int P = AUDIO_MIXER_PHASES;
    const int first = -KERNEL_HALF_WIDTH * P, last = KERNEL_HALF_WIDTH * P; /* grid where 0 < S < 1 */
    const double dx = 1.0 / P;
    const double beta_i0 = bessel_i0_sq(KAISER_BETA * KAISER_BETA / 4.0);

    double total = 0.0;
    CellWalk walk = cell_walk_start(first, dx, beta_i0);
    for (int k = first; k < last; k++)
        total += cell_walk_next(&walk);

    /* Walk the grid k/P upwards; S(k/P) quantized is q. The step at phase p
     * reaches tap m at a = (m - 15) - p/P output samples, i.e. k = (m-15)P - p,
     * and the tap holds q(k) - q(k - P). q of the previous P points is kept. */
    int32_t previous[AUDIO_MIXER_PHASES];
    for (int i = 0; i < P; i++) {
        previous[i] = 0;
        for (int m = 0; m < AUDIO_MIXER_TAPS; m++)
            kernel[i][m] = 0;
    }
    double area = 0.0;
    walk = cell_walk_start(first, dx, beta_i0);
    const int lowest = -(KERNEL_HALF_WIDTH + 1) * P, highest = (KERNEL_HALF_WIDTH + 1) * P;
    for (int k = lowest; k <= highest; k++) {
        int32_t q;
        if (k <= first) {
            q = 0;
        } else if (k >= last) {
            q = Q15_ONE;
        } else {
            area += cell_walk_next(&walk); /* the cell [(k - 1) dx, k dx] */
            double s = area / total * Q15_ONE;
            q = (int32_t)(s >= 0 ? s + 0.5 : s - 0.5);
        }
        int slot = ((k % P) + P) % P;
        int32_t q_before = previous[slot];
        previous[slot] = q;
        int phase = (P - slot) % P;
        int tap = (k + phase) / P + (KERNEL_HALF_WIDTH);
        if (tap >= 0 && tap < AUDIO_MIXER_TAPS)
            kernel[phase][tap] = (int16_t)(q - q_before);
    }
}
