/* png_write.h - save an XRGB8888 frame as an 8-bit RGB PNG (libpng), atomically. */
#ifndef MDEMU_PNG_WRITE_H
#define MDEMU_PNG_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* pixels: rows of 0x00RRGGBB, pitch in bytes. Returns false and a one-line
 * reason naming the file in err on failure (the target is then untouched). */
bool png_write_xrgb8888(const char *path, const uint32_t *pixels, int width, int height, int pitch,
                        char *err, size_t err_size);

#ifdef __cplusplus
}
#endif
#endif
