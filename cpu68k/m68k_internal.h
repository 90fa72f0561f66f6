/* m68k_internal.h - everything the core's source files share: definitions,
 * bus access with the prefetch queue, flags, effective addresses.
 * Not part of the public API. */
#ifndef MDEMU_M68K_INTERNAL_H
#define MDEMU_M68K_INTERNAL_H

#include "m68k_defs.h"
#include "m68k_bus_access.h"
#include "m68k_flags.h"
#include "m68k_ea.h"

#endif
