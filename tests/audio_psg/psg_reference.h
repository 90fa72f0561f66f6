/* psg_reference.h - the PSG's straightforward model, one counter step at a
 * time, exactly as the chip is described in psg.c's header comment. The
 * library's psg_run skips ahead over steps where nothing audible happens;
 * this model is what it must match sample for sample and state for state. */
#ifndef MDEMU_PSG_REFERENCE_H
#define MDEMU_PSG_REFERENCE_H

#include <stdint.h>

#include "psg.h"

int psg_reference_run(Psg *psg, uint32_t clocks, int16_t *out);

#endif
