/* z80_cpm_machine.h - a minimal CP/M-80 machine for running the Z80
 * exercisers: 64 KiB RAM on the page-table fast path and a BDOS reduced to
 * console output (functions 2 and 9), reached through an I/O trap. */
#ifndef MDEMU_Z80_CPM_MACHINE_H
#define MDEMU_Z80_CPM_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "z80.h"

typedef struct CpmMachine {
    Z80 cpu;
    uint8_t ram[0x10000];
    char *output;     /* console text, NUL-terminated */
    size_t output_len, output_cap;
    bool finished;    /* the program jumped to 0 (warm boot) */
    bool echo;        /* also print console text to stdout as it comes */
} CpmMachine;

/* Loads a .COM file at 0100h. Returns false if the file cannot be read. */
bool cpm_machine_load(CpmMachine *m, const char *com_path);
/* Runs until the program ends or max_tstates have elapsed. */
void cpm_machine_run(CpmMachine *m, uint64_t max_tstates);
void cpm_machine_free(CpmMachine *m);

#endif
