/* wav_writer.h - stream interleaved int16 stereo into a PCM WAV file, which
 * appears (atomically) only when closed. */
#ifndef MDEMU_WAV_WRITER_H
#define MDEMU_WAV_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "atomic_file.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct WavWriter {
    AtomicFile file;
    uint32_t rate;
    uint64_t frames;  /* stereo frames written */
    bool failed;      /* a write failed; close reports it */
} WavWriter;

bool wav_writer_open(WavWriter *w, const char *path, uint32_t rate, char *err, size_t err_size);
/* Append stereo frames (host int16, stored little-endian). False once a write failed. */
bool wav_writer_write(WavWriter *w, const int16_t *samples, size_t stereo_frames);
/* Fill in the sizes and replace the target. False (with err) on any failure. */
bool wav_writer_close(WavWriter *w, char *err, size_t err_size);
void wav_writer_abort(WavWriter *w);

#ifdef __cplusplus
}
#endif
#endif
