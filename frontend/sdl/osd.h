/* osd.h - on-screen text (messages, FPS, register overlay) drawn into an XRGB8888 picture. */
#ifndef MDEMU_SDL_OSD_H
#define MDEMU_SDL_OSD_H

#include <stdint.h>

#define OSD_GLYPH_W 6 /* 5 pixels + 1 spacing */
#define OSD_GLYPH_H 8

/* Draws text at (x, y) with a dark outline so it reads on any background.
 * pitch is in pixels. Clipped to the picture. */
void osd_draw_text(uint32_t *pixels, int width, int height, int pitch, int x, int y,
                   const char *text, uint32_t color);

#endif
