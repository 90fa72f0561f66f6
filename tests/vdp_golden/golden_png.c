/* golden_png.c - reads golden PNGs through libpng's simplified API (writing uses frontend/common). */
#include "golden_png.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

uint32_t *golden_png_read(const char *path, int *width, int *height)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path)) return NULL;
    img.format = PNG_FORMAT_BGRA; /* little-endian uint32 0xAARRGGBB */
    uint32_t *pixels = malloc(PNG_IMAGE_SIZE(img));
    if (!pixels || !png_image_finish_read(&img, NULL, pixels, 0, NULL)) {
        free(pixels);
        png_image_free(&img);
        return NULL;
    }
    *width = (int)img.width;
    *height = (int)img.height;
    for (size_t i = 0; i < (size_t)img.width * img.height; i++) pixels[i] &= 0x00FFFFFFu;
    return pixels;
}
