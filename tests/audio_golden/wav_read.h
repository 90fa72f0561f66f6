/* wav_read.h - reads a 16-bit stereo PCM WAV file as written by
 * mdemu-headless --wav, checking its layout. */
#ifndef AUDIO_GOLDEN_WAV_READ_H
#define AUDIO_GOLDEN_WAV_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct WavData {
    uint32_t rate;
    size_t file_size;
    size_t header_size;  /* bytes before the samples */
    size_t frames;       /* stereo frames */
    int16_t *samples;    /* interleaved L R, host order; free() */
} WavData;

/* False with a message in err when the file is missing, truncated or not
 * 16-bit stereo PCM, or when its sizes disagree with each other. */
bool wav_read(const char *path, WavData *out, char *err, size_t err_size);

#endif
