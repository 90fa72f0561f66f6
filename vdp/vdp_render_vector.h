/* vdp_render_vector.h - colour indices to XRGB8888 dots, with a vector path
 * where the host has one (private to the VDP and its tests). */
#ifndef MDEMU_VDP_RENDER_VECTOR_H
#define MDEMU_VDP_RENDER_VECTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* `planes` holds the blue, green and red bytes (in that order) of the 192
 * colours indexed as shade * 64 + colour (vdp_render.c's index format). */
/* Whether this host runs the functions below (x86-64 with AVX-512 F, BW and VBMI). */
bool vdp_render_vector_available(void);
/* dst[i] = colour index[i] for i < n, sixty-four dots per step. Only call it
 * when vdp_render_vector_available() says so. */
void vdp_colour_lookup_vector(const uint8_t planes[3][192], const uint8_t *index, int n, uint32_t *dst);

/* `count` cells of a plane row from consecutive name table entries (`names`,
 * big-endian words): each cell's pattern row from `pattern_rows` (the
 * decoded cache) at fine row `fine` (flipped by the entry's V flip), with
 * its H flip, priority and palette applied, eight layer bytes a cell into
 * dst, eight cells per step (vdp_render_planes.c's plane_cell, vectorised).
 * `im2`: interlace mode 2 (16-row patterns). */
void vdp_plane_cells_vector(const uint64_t *pattern_rows, const uint8_t *names, unsigned count, unsigned fine,
                            int im2, uint8_t *dst);

#endif
