/* z80_cpm_machine.c - see z80_cpm_machine.h.
 *
 * Memory layout: 0000h OUT (FEh),A = warm boot trap; 0005h JP BDOS, whose
 * operand at 0006h is also the top of the TPA that programs load SP from;
 * BDOS = OUT (FFh),A then RET. The OUT traps run the BDOS function in C. */
#include "z80_cpm_machine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BDOS_ADDR = 0xFF00, PORT_BOOT = 0xFE, PORT_BDOS = 0xFF };

static void emit(CpmMachine *m, char c)
{
    if (m->output_len + 2 > m->output_cap) {
        size_t cap = m->output_cap ? m->output_cap * 2 : 4096;
        char *grown = realloc(m->output, cap);
        if (!grown)
            return;
        m->output = grown;
        m->output_cap = cap;
    }
    m->output[m->output_len++] = c;
    m->output[m->output_len] = 0;
    if (m->echo) {
        fputc(c, stdout);
        if (c == '\n')
            fflush(stdout);
    }
}

static void bdos_call(CpmMachine *m)
{
    uint16_t bc = (uint16_t)z80_get_reg(&m->cpu, Z80_REG_BC);
    uint16_t de = (uint16_t)z80_get_reg(&m->cpu, Z80_REG_DE);
    switch (bc & 0xFF) {
    case 2:
        emit(m, (char)(de & 0xFF));
        break;
    case 9:
        for (uint16_t a = de; m->ram[a] != '$'; a++)
            emit(m, (char)m->ram[a]);
        break;
    default:
        break;
    }
}

static void port_out(void *ctx, uint16_t port, uint8_t value)
{
    CpmMachine *m = ctx;
    (void)value;
    if ((port & 0xFF) == PORT_BDOS) {
        bdos_call(m);
    } else if ((port & 0xFF) == PORT_BOOT) {
        m->finished = true;
        z80_end_run(&m->cpu);
    }
}

bool cpm_machine_load(CpmMachine *m, const char *com_path)
{
    memset(m->ram, 0, sizeof m->ram);
    FILE *f = fopen(com_path, "rb");
    if (!f)
        return false;
    size_t n = fread(m->ram + 0x100, 1, sizeof m->ram - 0x100 - 0x200, f);
    fclose(f);
    if (n == 0)
        return false;
    static const uint8_t boot[] = {0xD3, PORT_BOOT, 0x76};
    static const uint8_t bdos_jump[] = {0xC3, BDOS_ADDR & 0xFF, BDOS_ADDR >> 8};
    static const uint8_t bdos[] = {0xD3, PORT_BDOS, 0xC9};
    memcpy(m->ram, boot, sizeof boot);
    memcpy(m->ram + 5, bdos_jump, sizeof bdos_jump);
    memcpy(m->ram + BDOS_ADDR, bdos, sizeof bdos);

    Z80Bus bus = {.ctx = m, .out = port_out};
    z80_init(&m->cpu, &bus);
    z80_map_pages(&m->cpu, 0, Z80_PAGE_COUNT, m->ram, m->ram, 0);
    z80_set_reg(&m->cpu, Z80_REG_PC, 0x100);
    z80_set_reg(&m->cpu, Z80_REG_SP, 0xF000);
    m->finished = false;
    m->output_len = 0;
    return true;
}

void cpm_machine_run(CpmMachine *m, uint64_t max_tstates)
{
    uint64_t end = z80_tstates(&m->cpu) + max_tstates;
    while (!m->finished && z80_tstates(&m->cpu) < end) {
        uint64_t slice = z80_tstates(&m->cpu) + 10000000;
        z80_run(&m->cpu, slice < end ? slice : end);
    }
}

void cpm_machine_free(CpmMachine *m)
{
    free(m->output);
    m->output = NULL;
    m->output_len = m->output_cap = 0;
}
