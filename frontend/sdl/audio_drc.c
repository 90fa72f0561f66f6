/* audio_drc.c - dynamic rate control by a small, smooth stretch of each frame's audio. */
#include "audio_drc.h"

#include <math.h>

size_t drc_output_frames(AudioDrc *drc, size_t frames, double fill)
{
    double ratio = 1.0 + DRC_MAX_DEVIATION * (1.0 - fill);
    if (ratio < 1.0 - DRC_MAX_DEVIATION) ratio = 1.0 - DRC_MAX_DEVIATION;
    if (ratio > 1.0 + DRC_MAX_DEVIATION) ratio = 1.0 + DRC_MAX_DEVIATION;
    double exact = (double)frames * ratio + drc->carry;
    double whole = floor(exact);
    drc->carry = exact - whole;
    return whole < 1.0 ? 1 : (size_t)whole;
}

void drc_stretch(const int16_t *in, size_t n, int16_t *out, size_t m)
{
    if (m == 1 || n == 1) {
        for (size_t i = 0; i < m; i++) {
            out[2 * i] = in[0];
            out[2 * i + 1] = in[1];
        }
        return;
    }
    /* Endpoints stay put, so consecutive frames join without a step. */
    double step = (double)(n - 1) / (double)(m - 1);
    for (size_t i = 0; i < m; i++) {
        double pos = (double)i * step;
        size_t k = (size_t)pos;
        if (k >= n - 1) k = n - 2;
        double t = pos - (double)k;
        for (int c = 0; c < 2; c++) {
            double a = in[2 * k + (size_t)c], b = in[2 * (k + 1) + (size_t)c];
            out[2 * i + (size_t)c] = (int16_t)lrint(a + (b - a) * t);
        }
    }
}
