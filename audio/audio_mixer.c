/* audio_mixer.c - mixes YM2612 and PSG output and resamples it to the host
 * rate by band-limited step synthesis.
 *
 * Each input sample is a level held until the next one (as the chips' DACs
 * do). A change of level at time t adds a band-limited step (a windowed-sinc
 * low-pass's step response, audio_mixer_kernel.h) into a buffer of per-output-
 * sample changes; summing that buffer gives the output. The kernel and the
 * steps are integers and their sums stay below 2^53, so the arithmetic (in
 * doubles, which vectorize) is exact: every step settles to exactly its
 * height and the output level never drifts.
 *
 * Time is kept exactly in integers: one master clock is host_rate units and
 * one output sample is master_hz units, so an FM sample is 1008 * host_rate
 * units and a PSG sample 240 * host_rate units. Each stream keeps its next
 * position as (output index, remainder < master_hz).
 *
 * Levels. The FM:PSG balance follows Genesis Plus GX, whose author tested
 * it against his Model 2 and Model 1 consoles (ekeeke/Genesis-Plus-GX issue
 * #65) and tuned it to a Model 1 VA4 (core/sound/psg.c: PSG_MAX_VOLUME 2800,
 * "roughly adjusted to match VA4 MD1 PSG/FM balance with 1.5x amplification
 * of PSG output", with the default PSG preamp of 150%). There one PSG channel at attenuation 0 swings 0..4200 while one FM
 * channel's full scale is +-8192 (its 9-bit DAC code times 32): the PSG
 * channel swings 4200 / 32 = 131.25 DAC steps. Here a DAC step is
 * YM2612_OUTPUT_SCALE = 21 in the FM input and a PSG channel swings
 * 2 * PSG_CHANNEL_FULL_SCALE = 16382 in the PSG input, so the weight is
 * 131.25 * 21 / 16382 = 0.168; 1/6 (0.08 dB less) keeps both weights small
 * integers. PicoDrive's balance is within 1 dB of it (pico/sound/sn76496.c:
 * 0x1200 per channel against a 14-bit FM channel). With it one full-volume
 * PSG square has about 0.35 times the RMS of one full-level FM sine; the noise
 * channel drives the same DAC levels as the tones (one volume table serves
 * all four channels in the die-level Nuked-MD VDP, ym7101.v psg_vol, and in
 * Genesis Plus GX), so full-volume white noise has about the same RMS
 * (tests/audio_mixer/mixer_balance_test.c measures both through the chips).
 * Consoles differ by revision; hardware balance is judged from recordings
 * compared with MDFourier (junkerhq.net/MDFourier; MiSTer-devel/
 * MegaDrive_MiSTer issue #5 and PR #13 retuned theirs against a Model 1 VA3).
 *
 * Headroom. Six FM channels at full level reach +-32634 in the FM input
 * (ym2612.h) and four PSG channels +-32764 in the PSG input (psg.h), so the
 * mix of both can reach 7/6 of int16 full scale in FM units. A band-limited
 * step also overshoots on its way (by audio_mixer_kernel_peak / 32768 - 1 of
 * its height, 8.8% for this kernel: a windowed sinc's Gibbs overshoot), and
 * the largest step is a full swing from one extreme to the other, which
 * peaks at (2 * audio_mixer_kernel_peak / 32768 - 1) = 1.18 times the
 * extreme. The output gain maps that peak to int16 full scale: 6/7 / 1.18 =
 * 0.73 (-2.7 dB), audio_mixer_output_gain. Not covered: the output coupling
 * high-pass below tilts a very low square wave (a held level decays), which
 * pushes its edges past the level it swings between, as the console's
 * coupling capacitor does with its analog output.
 *
 * Speed: a run of equal input samples (the PSG holds its level for many
 * samples) only moves the stream position, in one step; a change costs one
 * kernel-length step, with one product per tap when both sides change by
 * the same amount. The output is bit-identical to taking one input sample
 * at a time (tests/audio_mixer/mixer_guard_test.c).
 *
 * Analog output stage: the console's output is AC-coupled, modelled as a
 * first-order high-pass at 10 Hz. The Model 1's output filter is modelled as
 * a first-order low-pass at 3390 Hz, an approximation of measured Model 1
 * responses (the corner varies by board revision); it is optional
 * (AudioMixer.lowpass).
 */
#include <stdbool.h>
#include <string.h>

#include "audio_mixer.h"

#include <math.h>
#include "audio_mixer_kernel.h"

#define DEFAULT_MASTER_HZ 53693175u
#define DEFAULT_HOST_RATE 48000u
#define MODEL1_LOWPASS_HZ 3390.0
#define OUTPUT_HIGHPASS_HZ 10.0
#define Q15_ONE 32768.0

static const double TWO_PI = 6.28318530717958647692;

static void compute_tables(AudioMixer *m)
{
    AudioMixerTables *t = &m->tables;
    if (m->master_hz == 0)
        m->master_hz = DEFAULT_MASTER_HZ;
    if (m->host_rate == 0)
        m->host_rate = DEFAULT_HOST_RATE;
    t->master_hz = m->master_hz;
    t->host_rate = m->host_rate;
    uint64_t fm = (uint64_t)AUDIO_FM_MASTER_CLOCKS * m->host_rate;
    uint64_t psg = (uint64_t)AUDIO_PSG_MASTER_CLOCKS * m->host_rate;
    t->fm_step_whole = (uint32_t)(fm / m->master_hz);
    t->fm_step = (uint32_t)(fm % m->master_hz);
    t->psg_step_whole = (uint32_t)(psg / m->master_hz);
    t->psg_step = (uint32_t)(psg % m->master_hz);
    t->phase_mul = ((uint64_t)AUDIO_MIXER_PHASES << 32) / m->master_hz;
    /* One-pole filters matched at their corner: e^(-2 pi f / fs). */
    t->lowpass_coeff = 1.0 - audio_mixer_exp(-TWO_PI * MODEL1_LOWPASS_HZ / m->host_rate);
    t->dc_coeff = audio_mixer_exp(-TWO_PI * OUTPUT_HIGHPASS_HZ / m->host_rate);
    /* delta is in mix units (FM sample * FM weight) times the Q15 kernel. */
    t->output_scale = audio_mixer_output_gain() / (AUDIO_MIXER_FM_WEIGHT * Q15_ONE);
}

double audio_mixer_output_gain(void)
{
    const double mix_peak = (double)(AUDIO_MIXER_FM_WEIGHT + AUDIO_MIXER_PSG_WEIGHT) / AUDIO_MIXER_FM_WEIGHT;
    const double swing_peak = 2.0 * audio_mixer_kernel_peak / Q15_ONE - 1.0;
    return 1.0 / (mix_peak * swing_peak);
}

void audio_mixer_reset(AudioMixer *m)
{
    compute_tables(m);
    memset(&m->state, 0, sizeof m->state);
}

void audio_mixer_init(AudioMixer *m, uint32_t master_hz, uint32_t host_rate)
{
    memset(m, 0, sizeof *m);
    m->master_hz = master_hz;
    m->host_rate = host_rate;
    m->lowpass = false;
    m->fm_enabled = true;
    m->psg_enabled = true;
    m->vector_steps = audio_mixer_vector_steps_available();
    audio_mixer_reset(m);
}

/* Filter state and held levels a real run can produce: finite, and levels far
 * from where subtracting two of them could overflow. */
static bool plausible_values(const AudioMixerState *s)
{
    const int32_t level_limit = 1 << 24;
    for (int c = 0; c < 2; c++) {
        if (!isfinite(s->integral[c]) || !isfinite(s->lowpass_out[c]) || !isfinite(s->dc_in[c]) ||
            !isfinite(s->dc_out[c]))
            return false;
        if (s->fm.level[c] > level_limit || s->fm.level[c] < -level_limit || s->psg.level[c] > level_limit ||
            s->psg.level[c] < -level_limit)
            return false;
    }
    return true;
}

/* A rate change, or a loaded state that cannot be ours, restarts the mixer. */
static void check_config(AudioMixer *m)
{
    const AudioMixerState *s = &m->state;
    const uint32_t limit = AUDIO_MIXER_CAPACITY - AUDIO_MIXER_TAPS - 1;
    if (m->master_hz != m->tables.master_hz || m->host_rate != m->tables.host_rate || s->start > limit ||
        s->fm.index > limit - s->start || s->psg.index > limit - s->start ||
        s->delta_used > AUDIO_MIXER_CAPACITY || s->fm.remainder >= m->master_hz ||
        s->psg.remainder >= m->master_hz || !plausible_values(s))
        audio_mixer_reset(m);
}

static uint32_t ready_samples(const AudioMixerState *s)
{
    return s->fm.index < s->psg.index ? s->fm.index : s->psg.index;
}

static int16_t to_int16(double v)
{
    /* Written so that a NaN lands in a clamp instead of an undefined conversion. */
    if (!(v < 32767.0))
        return 32767;
    if (!(v > -32768.0))
        return -32768;
    return (int16_t)(v >= 0 ? (int32_t)(v + 0.5) : -(int32_t)(-v + 0.5));
}

/* The output stage over n samples, both channels in one loop: sum the
 * changes, scale, optional model 1 low-pass, output coupling high-pass. Each
 * channel's high-pass is a chain of a multiply and an add per sample; with
 * the two channels side by side their chains overlap. The filter state stays
 * in locals (registers); the operations and their order per channel and
 * sample are those of one channel at a time, so the output is too. `out` is
 * interleaved left/right, or NULL. */
static void finish_samples(AudioMixer *m, int16_t *out, uint32_t n)
{
    AudioMixerState *s = &m->state;
    const double lowpass_coeff = m->tables.lowpass_coeff, dc_coeff = m->tables.dc_coeff;
    const double scale = m->tables.output_scale;
    const bool lowpass = m->lowpass;
    double integral[2], lowpass_out[2], dc_in[2], dc_out[2];
    memcpy(integral, s->integral, sizeof integral);
    memcpy(lowpass_out, s->lowpass_out, sizeof lowpass_out);
    memcpy(dc_in, s->dc_in, sizeof dc_in);
    memcpy(dc_out, s->dc_out, sizeof dc_out);
    for (uint32_t i = 0; i < n; i++) {
        for (int c = 0; c < 2; c++) {
            double *delta = &s->delta[c][s->start + i];
            integral[c] += *delta;
            *delta = 0.0; /* the slot is reused after compaction */
            double x = integral[c] * scale;
            if (lowpass)
                lowpass_out[c] += lowpass_coeff * (x - lowpass_out[c]);
            else
                lowpass_out[c] = x;
            double y = lowpass_out[c] - dc_in[c] + dc_coeff * dc_out[c];
            dc_in[c] = lowpass_out[c];
            dc_out[c] = y;
            if (out)
                out[2 * i + (uint32_t)c] = to_int16(y);
        }
    }
    memcpy(s->integral, integral, sizeof integral);
    memcpy(s->lowpass_out, lowpass_out, sizeof lowpass_out);
    memcpy(s->dc_in, dc_in, sizeof dc_in);
    memcpy(s->dc_out, dc_out, sizeof dc_out);
}

/* Finish the next n output samples (n <= ready) into out (or discard them). */
static void consume(AudioMixer *m, int16_t *out, uint32_t n)
{
    AudioMixerState *s = &m->state;
    finish_samples(m, out, n);
    s->start += n;
    s->fm.index -= n;
    s->psg.index -= n;
    if (out)
        s->out_samples += n;
    else
        s->dropped_samples += n;
}

/* Move the pending part of the delta buffer back to its beginning. Slots
 * before `start` are already zero (consume clears them), so only the old
 * copy's slots that the move did not overwrite need clearing. */
static void compact(AudioMixerState *s)
{
    uint32_t used = s->delta_used > s->start ? s->delta_used - s->start : 0;
    if (s->start == 0)
        return;
    uint32_t stale_from = used > s->start ? used : s->start;
    for (int c = 0; c < 2; c++) {
        memmove(&s->delta[c][0], &s->delta[c][s->start], used * sizeof s->delta[c][0]);
        memset(&s->delta[c][stale_from], 0, (s->start + used - stale_from) * sizeof s->delta[c][0]);
    }
    s->start = 0;
    s->delta_used = used;
}

/* A stream not fed for a while holds its level: move it along so the other
 * stream's output can still be finished. The limit is above a whole video
 * frame at 192 kHz, so a caller feeding each stream a frame at a time is
 * never affected. */
static void limit_lag(AudioMixerStream *lagging, const AudioMixerStream *leading)
{
    if (leading->index > lagging->index + AUDIO_MIXER_MAX_LAG)
        lagging->index = leading->index - AUDIO_MIXER_MAX_LAG;
}

static uint32_t stream_end(const AudioMixerState *s, const AudioMixerStream *stream)
{
    return s->start + stream->index + 1 + AUDIO_MIXER_TAPS;
}

/* Make sure a step at `stream` fits in the delta buffer: compact it, and
 * discard the oldest finished output if nobody has read it. */
static void make_room(AudioMixer *m, const AudioMixerStream *stream)
{
    AudioMixerState *s = &m->state;
    if (stream_end(s, stream) <= AUDIO_MIXER_CAPACITY)
        return;
    compact(s);
    uint32_t end = stream_end(s, stream);
    if (end <= AUDIO_MIXER_CAPACITY)
        return;
    limit_lag(&s->fm, &s->psg);
    limit_lag(&s->psg, &s->fm);
    uint32_t excess = end - AUDIO_MIXER_CAPACITY / 2;
    uint32_t ready = ready_samples(s);
    consume(m, NULL, excess < ready ? excess : ready);
    compact(s);
}

/* Add a band-limited step of height (dl, dr) at the stream's position. The
 * products are integers below 2^53, so the double arithmetic is exact. */
static uint32_t kernel_phase(const AudioMixer *m, const AudioMixerStream *stream)
{
    return (uint32_t)(((uint64_t)stream->remainder * m->tables.phase_mul) >> 32);
}

static void add_step(AudioMixer *m, const AudioMixerStream *stream, int32_t dl, int32_t dr)
{
    AudioMixerState *s = &m->state;
    const int16_t *k = audio_mixer_kernel[kernel_phase(m, stream)];
    uint32_t first = s->start + stream->index + 1;
    double *left = &s->delta[0][first];
    double *right = &s->delta[1][first];
    const double height_l = dl, height_r = dr;
    /* The vector path's grid reaches up to 3 slots past the kernel. */
    if (m->vector_steps && first + AUDIO_MIXER_TAPS + 3 <= AUDIO_MIXER_CAPACITY) {
        audio_mixer_add_step_vector(s->delta[0], s->delta[1], first, k, height_l, height_r);
    } else if (dl == dr) { /* mono input or a centred sound: one product serves both sides */
        for (int i = 0; i < AUDIO_MIXER_TAPS; i++) {
            double change = (double)k[i] * height_l;
            left[i] += change;
            right[i] += change;
        }
    } else {
        for (int i = 0; i < AUDIO_MIXER_TAPS; i++) {
            left[i] += (double)k[i] * height_l;
            right[i] += (double)k[i] * height_r;
        }
    }
    if (first + AUDIO_MIXER_TAPS > s->delta_used)
        s->delta_used = first + AUDIO_MIXER_TAPS;
}

static void advance(AudioMixerStream *stream, uint32_t whole, uint32_t part, uint32_t master_hz)
{
    stream->index += whole;
    stream->remainder += part; /* both < master_hz < 2^31: no overflow */
    if (stream->remainder >= master_hz) {
        stream->remainder -= master_hz;
        stream->index++;
    }
}

/* `count` input samples at once: the same position as `count` advance calls. */
static void advance_many(AudioMixerStream *stream, uint32_t count, uint32_t whole, uint32_t part,
                         uint32_t master_hz)
{
    uint64_t remainder = stream->remainder + (uint64_t)count * part;
    stream->index += count * whole + (uint32_t)(remainder / master_hz);
    stream->remainder = (uint32_t)(remainder % master_hz);
}

/* The highest stream index whose step still fits in the delta buffer: up to
 * it make_room has nothing to do. */
static uint32_t last_fitting_index(const AudioMixerState *s)
{
    return AUDIO_MIXER_CAPACITY - AUDIO_MIXER_TAPS - 1 - s->start;
}

/* Input samples are levels held until the next one, so only a change of
 * level costs a step; a run of equal samples only moves the position on (in
 * one go, as far as the buffer has room: make_room acts at exactly the
 * samples it would act at one sample at a time). */
static void push(AudioMixer *m, AudioMixerStream *stream, const int16_t *samples, int count, int channels,
                 int32_t weight, uint32_t whole, uint32_t part)
{
    AudioMixerState *s = &m->state;
    const uint32_t master_hz = m->master_hz;
    const int right = channels - 1;
    uint32_t fits = last_fitting_index(s);
    int i = 0;
    while (i < count) {
        if (stream->index > fits) { /* check_config and make_room keep this false: a guard for the buffer */
            make_room(m, stream);
            fits = last_fitting_index(s);
        }
        const int16_t *in = &samples[i * channels];
        int32_t l = weight * in[0];
        int32_t r = weight * in[right];
        int32_t dl = l - stream->level[0], dr = r - stream->level[1];
        int run = 1;
        if (dl | dr) {
            add_step(m, stream, dl, dr);
            stream->level[0] = l;
            stream->level[1] = r;
        } else {
            /* Equal samples that follow: one move for all of them. */
            while (i + run < count && in[run * channels] == in[0] && in[run * channels + right] == in[right])
                run++;
            uint32_t room = (fits - stream->index) / (whole + 1); /* samples that surely fit */
            if ((uint32_t)run > room)
                run = room ? (int)room : 1;
            if (run > 1) {
                advance_many(stream, (uint32_t)run, whole, part, master_hz);
                i += run;
                continue;
            }
        }
        advance(stream, whole, part, master_hz);
        /* The kernel (32 KiB) does not stay in the first-level cache and the
         * phase jumps from step to step: ask for the next step's row early. */
        __builtin_prefetch(audio_mixer_kernel[kernel_phase(m, stream)]);
        i += run;
        if (stream->index > fits) {
            make_room(m, stream);
            fits = last_fitting_index(s);
        }
    }
}

void audio_mixer_push_fm(AudioMixer *m, const int16_t *lr, int samples)
{
    check_config(m);
    if (!lr || samples <= 0)
        return;
    AudioMixerState *s = &m->state;
    static const int16_t silence[2] = {0, 0};
    const AudioMixerTables *t = &m->tables;
    if (m->fm_enabled) {
        push(m, &s->fm, lr, samples, 2, AUDIO_MIXER_FM_WEIGHT, t->fm_step_whole, t->fm_step);
    } else {
        for (int i = 0; i < samples; i++)
            push(m, &s->fm, silence, 1, 2, AUDIO_MIXER_FM_WEIGHT, t->fm_step_whole, t->fm_step);
    }
    s->fm_samples_in += (uint64_t)samples;
    limit_lag(&s->psg, &s->fm);
}

void audio_mixer_push_psg(AudioMixer *m, const int16_t *mono, int samples)
{
    check_config(m);
    if (!mono || samples <= 0)
        return;
    AudioMixerState *s = &m->state;
    static const int16_t silence[1] = {0};
    const AudioMixerTables *t = &m->tables;
    if (m->psg_enabled) {
        push(m, &s->psg, mono, samples, 1, AUDIO_MIXER_PSG_WEIGHT, t->psg_step_whole, t->psg_step);
    } else {
        for (int i = 0; i < samples; i++)
            push(m, &s->psg, silence, 1, 1, AUDIO_MIXER_PSG_WEIGHT, t->psg_step_whole, t->psg_step);
    }
    s->psg_samples_in += (uint64_t)samples;
    limit_lag(&s->fm, &s->psg);
}

int audio_mixer_read(AudioMixer *m, int16_t *out_lr, int max_frames)
{
    check_config(m);
    if (!out_lr || max_frames <= 0)
        return 0;
    uint32_t ready = ready_samples(&m->state);
    uint32_t n = (uint32_t)max_frames < ready ? (uint32_t)max_frames : ready;
    consume(m, out_lr, n);
    return (int)n;
}
