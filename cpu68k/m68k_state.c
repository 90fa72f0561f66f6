/* m68k_state.c - save/restore of the 68000's emulated state. */
#include <string.h>

#include "m68k.h"

/* No implicit padding: every byte of a save state is a field (summed sizes). */
_Static_assert(sizeof(M68kState) == 4 * 8 * 2 + 4 + 2 * 2 + 4 + 2 * 2 + 5 + 3 + 8 * 2 + 4 * 8 + 8 * (1 + M68K_REFRESH_GROUPS),
               "M68kState has implicit padding");

void m68k_save_state(const M68k *cpu, void *out) { memcpy(out, &cpu->state, sizeof cpu->state); }

void m68k_load_state(M68k *cpu, const void *in)
{
    memcpy(&cpu->state, in, sizeof cpu->state);
    cpu->run_until = cpu->state.cycles;
    cpu->state.refresh_window_opens[0] = UINT64_MAX; /* whatever the data said */
}
