/* z80_core.c - instance setup, reset, memory page mapping and input lines. */
#include <string.h>

#include "z80_internal.h"

/* Defaults for unset callbacks: an unconnected data bus reads 0xFF. */
static uint8_t open_bus_read(void *ctx, uint16_t addr)
{
    (void)ctx;
    (void)addr;
    return 0xFF;
}

static void ignore_write(void *ctx, uint16_t addr, uint8_t value)
{
    (void)ctx;
    (void)addr;
    (void)value;
}

void z80_init(Z80 *z, const Z80Bus *bus)
{
    memset(z, 0, sizeof *z);
    if (bus)
        z->bus = *bus;
    if (!z->bus.read)
        z->bus.read = open_bus_read;
    if (!z->bus.write)
        z->bus.write = ignore_write;
    if (!z->bus.in)
        z->bus.in = open_bus_read;
    if (!z->bus.out)
        z->bus.out = ignore_write;
    /* Power-on values observed on NMOS parts: AF and SP all ones. */
    z->state.af = 0xFFFF;
    z->state.sp = 0xFFFF;
    z80_reset(z);
}

void z80_reset(Z80 *z)
{
    Z80State *s = &z->state;
    s->pc = 0;
    s->i = 0;
    s->r = 0;
    s->iff1 = s->iff2 = 0;
    s->im = 0;
    s->halted = 0;
    s->ei = 0;
    s->p = 0;
    s->q = 0;
    s->nmi_pending = 0;
    s->hung = 0;
    z->run_until = s->tstates;
}

void z80_map_pages(Z80 *z, unsigned first_page, unsigned count, const uint8_t *read_mem, uint8_t *write_mem,
                   uint32_t mirror_size)
{
    const uint32_t page_size = 1u << Z80_PAGE_SHIFT;
    for (unsigned i = 0; i < count && first_page + i < Z80_PAGE_COUNT; i++) {
        uint32_t offset = i * page_size;
        if (mirror_size) {
            /* A mirror smaller than a page cannot be expressed as direct pages. */
            if (mirror_size < page_size) {
                z->bus.page_read[first_page + i] = NULL;
                z->bus.page_write[first_page + i] = NULL;
                continue;
            }
            offset &= mirror_size - 1;
        }
        z->bus.page_read[first_page + i] = read_mem ? read_mem + offset : NULL;
        z->bus.page_write[first_page + i] = write_mem ? write_mem + offset : NULL;
    }
}

void z80_set_int_line(Z80 *z, bool asserted)
{
    z->state.int_line = asserted ? 1 : 0;
    z->state.int_sampled = z->state.int_line;
}

/* int_sampled keeps the old level until an instruction ends after the
 * change; the change clock is kept in scratch[0] (low 32 bits suffice: it
 * is compared with the clock only while the change is pending). */
void z80_set_int_line_at(Z80 *z, bool asserted, uint64_t tstate)
{
    uint8_t level = asserted ? 1 : 0;
    if (level == z->state.int_line)
        return;
    z->state.int_line = level;
    z->state.scratch[0] = (uint32_t)tstate;
}

void z80_hang(Z80 *z)
{
    z->state.hung = 1;
    z->state.halted = 0;
    z80_end_run(z);
}

void z80_nmi(Z80 *z) { z->state.nmi_pending = 1; }

void z80_add_tstates(Z80 *z, uint32_t t) { z->state.tstates += t; }
