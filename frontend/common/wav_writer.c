/* wav_writer.c - RIFF/WAVE PCM: 44-byte canonical header, 16-bit stereo. */
#include "wav_writer.h"

#include <string.h>

#define WAV_HEADER_BYTES 44u
#define WAV_MAX_DATA_BYTES (0xFFFFFFFFu - WAV_HEADER_BYTES)

static void put_le16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_le32(uint8_t *p, uint32_t v)
{
    put_le16(p, v);
    put_le16(p + 2, v >> 16);
}

static void make_header(uint8_t h[WAV_HEADER_BYTES], uint32_t rate, uint32_t data_bytes)
{
    memcpy(h, "RIFF", 4);
    put_le32(h + 4, 36u + data_bytes);
    memcpy(h + 8, "WAVEfmt ", 8);
    put_le32(h + 16, 16);       /* fmt chunk size */
    put_le16(h + 20, 1);        /* PCM */
    put_le16(h + 22, 2);        /* channels */
    put_le32(h + 24, rate);
    put_le32(h + 28, rate * 4); /* bytes per second */
    put_le16(h + 32, 4);        /* bytes per frame */
    put_le16(h + 34, 16);       /* bits per sample */
    memcpy(h + 36, "data", 4);
    put_le32(h + 40, data_bytes);
}

bool wav_writer_open(WavWriter *w, const char *path, uint32_t rate, char *err, size_t err_size)
{
    memset(w, 0, sizeof *w);
    w->rate = rate;
    if (!atomic_file_open(&w->file, path, err, err_size))
        return false;
    uint8_t header[WAV_HEADER_BYTES];
    make_header(header, rate, 0);
    if (fwrite(header, 1, sizeof header, w->file.file) != sizeof header)
        w->failed = true;
    return true;
}

bool wav_writer_write(WavWriter *w, const int16_t *samples, size_t stereo_frames)
{
    if (w->failed)
        return false;
    uint8_t buf[1024];
    size_t total = stereo_frames * 2, done = 0;
    while (done < total) {
        size_t n = 0;
        while (n + 2 <= sizeof buf && done < total) {
            put_le16(buf + n, (uint16_t)samples[done++]);
            n += 2;
        }
        if (fwrite(buf, 1, n, w->file.file) != n) {
            w->failed = true;
            return false;
        }
    }
    w->frames += stereo_frames;
    return true;
}

bool wav_writer_close(WavWriter *w, char *err, size_t err_size)
{
    uint64_t data_bytes = w->frames * 4;
    if (data_bytes > WAV_MAX_DATA_BYTES) {
        snprintf(err, err_size, "%s: audio too long for a WAV file", w->file.path);
        wav_writer_abort(w);
        return false;
    }
    uint8_t header[WAV_HEADER_BYTES];
    make_header(header, w->rate, (uint32_t)data_bytes);
    if (!w->failed && (fseek(w->file.file, 0, SEEK_SET) != 0 ||
                       fwrite(header, 1, sizeof header, w->file.file) != sizeof header))
        w->failed = true;
    if (w->failed) {
        snprintf(err, err_size, "%s: cannot write", w->file.path);
        wav_writer_abort(w);
        return false;
    }
    return atomic_file_commit(&w->file, err, err_size);
}

void wav_writer_abort(WavWriter *w) { atomic_file_abort(&w->file); }
