/* z80.h - Zilog Z80 interpreter, exact to the T-state: the public API of z80/.
 *
 * Memory and I/O go through Z80Bus (context pointer + callbacks, plus a page
 * table of direct pointers in 1 KiB pages for plain RAM/ROM). All emulated
 * state lives in Z80State, a plain struct without pointers. No global or
 * static mutable state. Time is counted in T-states (master clock / 15 on the
 * Genesis) in state.tstates, advanced during an instruction so that inside a
 * bus callback z80_tstates() is the T-state of that access.
 */
#ifndef MDEMU_Z80_H
#define MDEMU_Z80_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define Z80_PAGE_SHIFT 10
#define Z80_PAGE_COUNT 64 /* 64 KiB in 1 KiB pages */

typedef struct Z80Bus {
    void *ctx;
    uint8_t (*read)(void *ctx, uint16_t addr);
    void (*write)(void *ctx, uint16_t addr, uint8_t value);
    uint8_t (*in)(void *ctx, uint16_t port);
    void (*out)(void *ctx, uint16_t port, uint8_t value);
    /* Data bus during an interrupt acknowledge (IM 0 opcode / IM 2 vector low
     * byte). May be NULL: 0xFF (what the Genesis bus floats to). */
    uint8_t (*int_ack)(void *ctx);
    /* A read without side effects, for the trace line and debuggers (no wait
     * states, no I/O register changes). NULL = use read. */
    uint8_t (*peek)(void *ctx, uint16_t addr);
    /* Direct pages: page_read[addr >> 10][addr & 0x3FF]. NULL = callbacks. */
    const uint8_t *page_read[Z80_PAGE_COUNT];
    uint8_t *page_write[Z80_PAGE_COUNT];
} Z80Bus;

typedef enum Z80Reg {
    Z80_REG_AF, Z80_REG_BC, Z80_REG_DE, Z80_REG_HL,
    Z80_REG_AF_, Z80_REG_BC_, Z80_REG_DE_, Z80_REG_HL_,
    Z80_REG_IX, Z80_REG_IY, Z80_REG_SP, Z80_REG_PC,
    Z80_REG_I, Z80_REG_R, Z80_REG_WZ,
    Z80_REG_IFF1, Z80_REG_IFF2, Z80_REG_IM,
    Z80_REG_Q,      /* flags changed by the previous instruction (SCF/CCF X/Y) */
    Z80_REG_P,      /* previous instruction was LD A,I / LD A,R */
    Z80_REG_EI,     /* previous instruction was EI (interrupts not yet taken) */
    Z80_REG_HALTED,
    Z80_REG_COUNT
} Z80Reg;

/* Emulated state: plain data; use z80_get_reg/z80_set_reg from outside. */
typedef struct Z80State {
    uint16_t af, bc, de, hl, af_, bc_, de_, hl_, ix, iy, sp, pc, wz;
    uint8_t i, r;
    uint8_t iff1, iff2, im, q, p, ei, halted;
    uint8_t int_line;  /* /INT level (1 = asserted) */
    uint8_t nmi_pending;
    uint8_t int_sampled; /* /INT as last sampled at an instruction's end */
    uint8_t hung;        /* stuck in a bus cycle nobody completes: only reset frees it */
    uint8_t pad_[9];     /* explicit, so no byte of a save state is left undefined */
    uint64_t tstates;  /* T-states since power-on */
    uint32_t scratch[4];
} Z80State;

struct Z80;
typedef void (*Z80InstrHook)(void *hook_ctx, const struct Z80 *z80);

typedef struct Z80 {
    Z80State state;         /* everything a save state needs */
    Z80Bus bus;             /* configuration: not saved */
    Z80InstrHook instr_hook;
    void *hook_ctx;
    uint64_t run_until;
} Z80;

void z80_init(Z80 *z80, const Z80Bus *bus);
/* Map [first_page, first_page+count) (1 KiB pages) onto mem, repeating every
 * mirror_size bytes (power of two, 0 = no mirroring). NULL = callbacks. */
void z80_map_pages(Z80 *z80, unsigned first_page, unsigned count,
                   const uint8_t *read_mem, uint8_t *write_mem, uint32_t mirror_size);
void z80_reset(Z80 *z80); /* /RESET: PC=0, I=R=0, IFF=0, IM 0; keeps tstates */

/* One instruction (or interrupt acceptance, or one HALT cycle of 4 T). Returns T-states. */
int z80_step(Z80 *z80);
uint64_t z80_run(Z80 *z80, uint64_t until);
void z80_end_run(Z80 *z80);

void z80_set_int_line(Z80 *z80, bool asserted); /* level-triggered /INT */
/* The same, for a change that happened at T-state `tstate`: /INT is sampled
 * on the last clock of each instruction (Zilog UM0080, "Interrupt
 * Response"), so the change is seen at the end of the first instruction
 * whose last clock is at or after `tstate`. Only the latest change is
 * remembered. */
void z80_set_int_line_at(Z80 *z80, bool asserted, uint64_t tstate);
/* Stop the CPU in the middle of a bus cycle that never completes (a
 * Genesis Z80 reading a bus that never answers): its clock runs on, nothing
 * executes and no interrupt is taken until z80_reset. */
void z80_hang(Z80 *z80);
static inline bool z80_hung(const Z80 *z80) { return z80->state.hung != 0; }
void z80_nmi(Z80 *z80);                         /* edge on /NMI */
void z80_add_tstates(Z80 *z80, uint32_t t);     /* wait states */
static inline uint64_t z80_tstates(const Z80 *z80) { return z80->state.tstates; }

uint32_t z80_get_reg(const Z80 *z80, Z80Reg reg);
void z80_set_reg(Z80 *z80, Z80Reg reg, uint32_t value);

static inline size_t z80_state_size(void) { return sizeof(Z80State); }
void z80_save_state(const Z80 *z80, void *out);
void z80_load_state(Z80 *z80, const void *in);

/* Disassembler (Zilog syntax, e.g. "ld (ix+5),a"). Returns length in bytes. */
typedef uint8_t (*Z80DisasmRead)(void *ctx, uint16_t addr);
int z80_disasm(uint16_t pc, Z80DisasmRead read8, void *ctx, char *out, size_t out_size);
/* One trace line: "PC  disassembly  AF BC DE HL IX IY SP ..." (no newline). */
int z80_trace_line(const Z80 *z80, char *out, size_t out_size);

#ifdef __cplusplus
}
#endif
#endif
