/* png_write.c - XRGB8888 -> RGB PNG through libpng's simplified write API,
 * into an atomically replaced file. */
#include "png_write.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"

bool png_write_xrgb8888(const char *path, const uint32_t *pixels, int width, int height, int pitch,
                        char *err, size_t err_size)
{
    if (!pixels || width <= 0 || height <= 0 || pitch < width * 4) {
        snprintf(err, err_size, "%s: no image to write", path);
        return false;
    }
    size_t row_bytes = (size_t)width * 3;
    uint8_t *rgb = malloc(row_bytes * (size_t)height);
    if (!rgb) {
        snprintf(err, err_size, "%s: out of memory", path);
        return false;
    }
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)pixels + (size_t)y * (size_t)pitch);
        uint8_t *out = rgb + (size_t)y * row_bytes;
        for (int x = 0; x < width; x++) {
            out[3 * x + 0] = (uint8_t)(row[x] >> 16);
            out[3 * x + 1] = (uint8_t)(row[x] >> 8);
            out[3 * x + 2] = (uint8_t)row[x];
        }
    }

    AtomicFile af;
    if (!atomic_file_open(&af, path, err, err_size)) {
        free(rgb);
        return false;
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = PNG_FORMAT_RGB;
    int ok = png_image_write_to_stdio(&image, af.file, 0, rgb, (png_int_32)row_bytes, NULL);
    free(rgb);
    if (!ok) {
        snprintf(err, err_size, "%s: PNG encoding failed: %s", path, image.message);
        png_image_free(&image);
        atomic_file_abort(&af);
        return false;
    }
    png_image_free(&image);
    return atomic_file_commit(&af, err, err_size);
}
