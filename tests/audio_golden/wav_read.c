/* wav_read.c - RIFF/WAVE reader for the audio golden tests. Layout: the
 * canonical RIFF WAVE format (chunk ids and little-endian sizes; PCM "fmt "
 * fields: format 1, channels, rate, byte rate, block align, bits). */
#include "wav_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

static uint8_t *read_whole(const char *path, size_t *size, char *err, size_t err_size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        return NULL;
    }
    uint8_t *buf = NULL;
    size_t used = 0, cap = 0;
    for (;;) {
        if (used == cap) {
            cap = cap ? cap * 2 : 1 << 20;
            uint8_t *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                snprintf(err, err_size, "%s: out of memory", path);
                return NULL;
            }
            buf = grown;
        }
        size_t n = fread(buf + used, 1, cap - used, f);
        used += n;
        if (n == 0)
            break;
    }
    fclose(f);
    *size = used;
    return buf;
}

bool wav_read(const char *path, WavData *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    size_t size = 0;
    uint8_t *file = read_whole(path, &size, err, err_size);
    if (!file)
        return false;
    bool ok = false;
    if (size < 12 || memcmp(file, "RIFF", 4) || memcmp(file + 8, "WAVE", 4)) {
        snprintf(err, err_size, "%s: not a RIFF WAVE file", path);
        goto done;
    }
    if (le32(file + 4) != size - 8) {
        snprintf(err, err_size, "%s: RIFF size %u, file has %zu bytes", path, le32(file + 4), size);
        goto done;
    }
    bool have_fmt = false;
    size_t pos = 12;
    while (pos + 8 <= size) {
        uint32_t chunk = le32(file + pos + 4);
        const uint8_t *body = file + pos + 8;
        if (!memcmp(file + pos, "fmt ", 4)) {
            if (chunk < 16 || pos + 8 + chunk > size) {
                snprintf(err, err_size, "%s: short fmt chunk", path);
                goto done;
            }
            if (le16(body) != 1 || le16(body + 2) != 2 || le16(body + 14) != 16 || le16(body + 12) != 4 ||
                le32(body + 8) != le32(body + 4) * 4) {
                snprintf(err, err_size, "%s: not 16-bit stereo PCM", path);
                goto done;
            }
            out->rate = le32(body + 4);
            have_fmt = true;
        } else if (!memcmp(file + pos, "data", 4)) {
            if (!have_fmt) {
                snprintf(err, err_size, "%s: data before fmt", path);
                goto done;
            }
            if (pos + 8 + chunk != size || chunk % 4) {
                snprintf(err, err_size, "%s: data chunk of %u bytes at %zu in a %zu-byte file", path, chunk,
                         pos + 8, size);
                goto done;
            }
            out->file_size = size;
            out->header_size = pos + 8;
            out->frames = chunk / 4;
            out->samples = malloc(chunk ? chunk : 1);
            if (!out->samples) {
                snprintf(err, err_size, "%s: out of memory", path);
                goto done;
            }
            for (size_t i = 0; i < out->frames * 2; i++)
                out->samples[i] = (int16_t)le16(body + i * 2);
            ok = true;
            goto done;
        }
        pos += 8 + chunk + (chunk & 1);
    }
    snprintf(err, err_size, "%s: no data chunk", path);
done:
    free(file);
    return ok;
}
