/* z80_state.c - save/restore of the Z80's emulated state. */
#include <string.h>

#include "z80.h"

/* No implicit padding: every byte of a save state is a field (summed sizes). */
_Static_assert(sizeof(Z80State) == 13 * 2 + 2 + 7 + 4 + 9 + 8 + 4 * 4, "Z80State has implicit padding");

void z80_save_state(const Z80 *z80, void *out) { memcpy(out, &z80->state, sizeof z80->state); }

void z80_load_state(Z80 *z80, const void *in)
{
    memcpy(&z80->state, in, sizeof z80->state);
    z80->run_until = z80->state.tstates;
}
