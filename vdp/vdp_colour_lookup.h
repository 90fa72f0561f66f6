/* vdp_colour_lookup.h - colour indices to XRGB8888 dots, with a vector path
 * where the host has one (private to the VDP and its tests). */
#ifndef MDEMU_VDP_COLOUR_LOOKUP_H
#define MDEMU_VDP_COLOUR_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* `planes` holds the blue, green and red bytes (in that order) of the 192
 * colours indexed as shade * 64 + colour (vdp_render.c's index format). */
/* Whether this host runs vdp_colour_lookup_vector (x86-64 with AVX-512 VBMI). */
bool vdp_colour_lookup_vector_available(void);
/* dst[i] = colour index[i] for i < n, sixty-four dots per step. Only call it
 * when vdp_colour_lookup_vector_available() says so. */
void vdp_colour_lookup_vector(const uint8_t planes[3][192], const uint8_t *index, int n, uint32_t *dst);

#endif
