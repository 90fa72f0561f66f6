/* audio_mixer_exp.c - e^x for the mixer's one-pole filter coefficients,
 * without libm (the library links nothing but libc). */
#include "audio_mixer_kernel.h"

double audio_mixer_exp(double x)
{
    /* Scale into |x| < 1/16, sum the series, square back. */
    int squarings = 0;
    while (x > 0.0625 || x < -0.0625) {
        x /= 2.0;
        squarings++;
    }
    double term = 1.0, sum = 1.0;
    for (int n = 1; n < 20; n++) {
        term *= x / n;
        sum += term;
    }
    while (squarings-- > 0)
        sum *= sum;
    return sum;
}
