/* vdp_render_vector.h - line drawing steps with AVX-512 paths, used where
 * the host has them (private to the VDP and its tests). */
#ifndef MDEMU_VDP_RENDER_VECTOR_H
#define MDEMU_VDP_RENDER_VECTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether this host runs the functions below (x86-64 with AVX-512 F, BW and VBMI). */
bool vdp_render_vector_available(void);
/* Dots x0..x1-1 (x1 - x0 a multiple of 8) of a line composed from its layer
 * bytes (plane A or window, plane B, sprites or NULL for none; format in
 * vdp_render_internal.h) with the backdrop colour index and shadow/highlight
 * mode, and coloured through `planes`: the blue, green and red bytes (in
 * that order) of the 192 colours indexed as shade * 64 + colour. The same
 * as vdp_render.c's compose_span. */
void vdp_compose_vector(const uint8_t *pa, const uint8_t *pb, const uint8_t *sprites, uint8_t backdrop_index,
                        int shadow_highlight, const uint8_t planes[3][192], int x0, int x1, uint32_t *dst);

/* `count` cells of a plane row starting at cell `col` of a name table row
 * (`names`: `wcells` = 32, 64 or 128 big-endian words, read whole) and
 * wrapping at its end: each cell's pattern row from `pattern_rows` (the
 * decoded cache) at fine row `fine` (flipped by the entry's V flip), with
 * its H flip, priority and palette applied, eight layer bytes a cell into
 * dst (exactly 8 * count bytes; vdp_render_planes.c's plane_cell,
 * vectorised). `im2`: interlace mode 2 (16-row patterns). */
void vdp_plane_row_vector(const uint64_t *pattern_rows, const uint8_t *names, unsigned wcells, unsigned col,
                          unsigned count, unsigned fine, int im2, uint8_t *dst);

#endif
