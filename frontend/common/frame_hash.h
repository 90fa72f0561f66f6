/* frame_hash.h - the hashes frontends and tests report for a run:
 * 64-bit FNV-1a over a frame's visible pixels and over the audio stream. */
#ifndef MDEMU_FRAME_HASH_H
#define MDEMU_FRAME_HASH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* FNV-1a 64-bit parameters (Fowler/Noll/Vo, IETF draft-eastlake-fnv). */
#define HASH_FNV1A64_OFFSET 0xCBF29CE484222325ull
#define HASH_FNV1A64_PRIME 0x00000100000001B3ull

/* Continue a hash over bytes; start from HASH_FNV1A64_OFFSET. */
uint64_t hash_fnv1a64(uint64_t hash, const void *data, size_t size);

/* A frame: row-major visible pixels, each as the 4 bytes of the little-endian
 * uint32 0x00RRGGBB (the unused top byte hashed as zero). pitch in bytes. */
uint64_t hash_frame_xrgb8888(const uint32_t *pixels, int width, int height, int pitch);

/* Continue an audio hash over interleaved int16 stereo frames, each sample as
 * its two little-endian bytes. */
uint64_t hash_audio_s16(uint64_t hash, const int16_t *samples, size_t stereo_frames);

#ifdef __cplusplus
}
#endif
#endif
