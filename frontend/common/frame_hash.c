/* frame_hash.c - FNV-1a hashes of video frames and audio. */
#include "frame_hash.h"

uint64_t hash_fnv1a64(uint64_t hash, const void *data, size_t size)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < size; i++) {
        hash ^= p[i];
        hash *= HASH_FNV1A64_PRIME;
    }
    return hash;
}

uint64_t hash_frame_xrgb8888(const uint32_t *pixels, int width, int height, int pitch)
{
    uint64_t hash = HASH_FNV1A64_OFFSET;
    if (!pixels)
        return hash;
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)pixels + (size_t)y * (size_t)pitch);
        for (int x = 0; x < width; x++) {
            uint32_t v = row[x] & 0x00FFFFFFu;
            const uint8_t bytes[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), 0 };
            hash = hash_fnv1a64(hash, bytes, 4);
        }
    }
    return hash;
}

uint64_t hash_audio_s16(uint64_t hash, const int16_t *samples, size_t stereo_frames)
{
    if (!samples)
        return hash;
    for (size_t i = 0; i < stereo_frames * 2; i++) {
        uint16_t v = (uint16_t)samples[i];
        const uint8_t bytes[2] = { (uint8_t)v, (uint8_t)(v >> 8) };
        hash = hash_fnv1a64(hash, bytes, 2);
    }
    return hash;
}
