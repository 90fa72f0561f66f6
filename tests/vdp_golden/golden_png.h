/* golden_png.h - read golden PNG pictures as XRGB8888 for the golden-image tests. */
#ifndef MDEMU_GOLDEN_PNG_H
#define MDEMU_GOLDEN_PNG_H

#include <stdbool.h>
#include <stdint.h>

/* Returns a malloc'd width*height XRGB8888 buffer, or NULL. */
uint32_t *golden_png_read(const char *path, int *width, int *height);

#endif
