/* m68k.h - Motorola 68000 interpreter: the public API of cpu68k.
 *
 * The CPU sees memory only through M68kBus: a context pointer, 8/16-bit
 * callbacks, and a page table of direct pointers (64 KiB pages over the
 * 24-bit address space) for plain ROM/RAM so that most accesses never call a
 * function. All emulated state lives in M68kState, a plain struct without
 * pointers: saving it is a memcpy. No global or static mutable state.
 *
 * Time is counted in 68000 clocks (master clock / 7 on the Genesis) in
 * state.cycles, which advances during an instruction so that, inside a bus
 * callback, m68k_cycles() is the clock at which that bus cycle starts.
 */
#ifndef MDEMU_M68K_H
#define MDEMU_M68K_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define M68K_PAGE_SHIFT 16
#define M68K_PAGE_COUNT 256 /* 24-bit address space in 64 KiB pages */

/* Returned by int_ack for an autovectored interrupt (vector 24 + level). */
#define M68K_INT_ACK_AUTOVECTOR (-1)
/* Returned by int_ack when no device answers: spurious interrupt (vector 24). */
#define M68K_INT_ACK_SPURIOUS (-2)

/* A periodic bus hold such as a DRAM refresh done by the system's bus
 * arbiter: a refresh falls due every `period` CPU clocks and may take the
 * memory during the last `window` clocks of its period; an access to that
 * memory in the window waits for the refresh (`hold` clocks, no more than
 * what is left of the period) and the next period counts from there. When
 * no access falls in the window the refresh happens unseen. */
#define M68K_REFRESH_GROUPS 2
typedef struct M68kRefreshTiming {
    uint16_t period;  /* 0 = the group is not used */
    uint16_t window;
    uint16_t hold;
} M68kRefreshTiming;

typedef struct M68kBus {
    void *ctx;
    uint8_t (*read8)(void *ctx, uint32_t addr);   /* addr is 24-bit */
    uint16_t (*read16)(void *ctx, uint32_t addr); /* addr is 24-bit and even */
    void (*write8)(void *ctx, uint32_t addr, uint8_t value);
    void (*write16)(void *ctx, uint32_t addr, uint16_t value);
    /* Interrupt acknowledge cycle for `level` (1..7): vector number (0..255)
     * or M68K_INT_ACK_AUTOVECTOR / M68K_INT_ACK_SPURIOUS. May be NULL (autovector). */
    int (*int_ack)(void *ctx, int level);
    /* The RESET instruction asserts the reset line for 124 clocks. May be NULL. */
    void (*reset_out)(void *ctx);
    /* The write cycle of TAS's indivisible read-modify-write bus cycle
     * (MC68000 UM 5.1.3: /AS stays asserted from the read through the
     * write). Called for every memory operand, direct pages or not, so that
     * a system whose bus logic ignores that write cycle can drop it. NULL =
     * an ordinary byte write. */
    void (*rmw_write8)(void *ctx, uint32_t addr, uint8_t value);
    /* A read without side effects, for the trace line and debuggers (I/O
     * registers must not change when looked at). NULL = use read16. */
    uint16_t (*peek16)(void *ctx, uint32_t addr);
    /* Direct pages: when page_read[addr >> 16] is non-NULL the byte at addr is
     * page_read[addr >> 16][addr & 0xFFFF] (memory in bus order, i.e.
     * big-endian words); the same for writes with page_write. */
    const uint8_t *page_read[M68K_PAGE_COUNT];
    uint8_t *page_write[M68K_PAGE_COUNT];
    /* Refresh holds: page_refresh[addr >> 16] = 1 + the group of the memory
     * at addr (0 = never held), for direct pages and callbacks alike. */
    M68kRefreshTiming refresh[M68K_REFRESH_GROUPS];
    uint8_t page_refresh[M68K_PAGE_COUNT];
} M68kBus;

typedef enum M68kReg {
    M68K_REG_D0, M68K_REG_D1, M68K_REG_D2, M68K_REG_D3,
    M68K_REG_D4, M68K_REG_D5, M68K_REG_D6, M68K_REG_D7,
    M68K_REG_A0, M68K_REG_A1, M68K_REG_A2, M68K_REG_A3,
    M68K_REG_A4, M68K_REG_A5, M68K_REG_A6,
    M68K_REG_A7,  /* the active stack pointer (USP or SSP per SR.S) */
    M68K_REG_USP, /* always the user stack pointer */
    M68K_REG_SSP, /* always the supervisor stack pointer */
    M68K_REG_SR,
    M68K_REG_PC,  /* address of the next prefetch: instruction start + 4 */
    M68K_REG_IR,  /* first prefetched word: the opcode about to execute */
    M68K_REG_IRC, /* second prefetched word */
    M68K_REG_COUNT
} M68kReg;

/* Emulated state: plain data. The layout inside is the core's business;
 * use m68k_get_reg/m68k_set_reg from outside. */
typedef struct M68kState {
    uint32_t d[8];
    uint32_t a[8];      /* a[7] is the active stack pointer */
    uint32_t other_sp;  /* the inactive one of USP/SSP */
    uint16_t sr;
    uint16_t pad_sr_;   /* explicit, so no byte of a save state is left undefined */
    uint32_t pc;
    uint16_t ir, irc;
    uint8_t ipl;        /* interrupt priority level on the IPL pins, 0..7 */
    uint8_t nmi_edge;   /* level 7 is edge-triggered */
    uint8_t stopped;    /* STOP executed, waiting for an interrupt */
    uint8_t halted;     /* double bus fault: only reset gets out */
    uint8_t trace_pending;
    uint8_t pad_[3];
    uint64_t cycles;    /* 68000 clocks since power-on */
    uint64_t instructions; /* instructions executed since power-on */
    uint32_t scratch[8];   /* room for the core's internal latches */
    /* [1 + group]: the clock the refresh window of the group's current
     * period opens; [0] stays UINT64_MAX, standing for memory no refresh
     * holds, so that the check before an access is one compare. */
    uint64_t refresh_window_opens[1 + M68K_REFRESH_GROUPS];
} M68kState;

struct M68k;
/* Called before each instruction when set (tracing, breakpoints). */
typedef void (*M68kInstrHook)(void *hook_ctx, const struct M68k *cpu);

typedef struct M68k {
    M68kState state;          /* everything a save state needs */
    M68kBus bus;              /* configuration: not saved */
    M68kInstrHook instr_hook; /* configuration: not saved */
    void *hook_ctx;
    uint64_t run_until;       /* m68k_run's target; m68k_end_run lowers it */
    void *fault_jmp;          /* internal: where an address error unwinds to */
} M68k;

/* Zero the CPU and install the bus (copied). Page tables start empty. */
void m68k_init(M68k *cpu, const M68kBus *bus);
/* Map [first_page, first_page+count) onto mem + (page-first_page)*64 KiB,
 * or (with mirror_size, a power of two) repeat mem every mirror_size bytes.
 * read or write pointer NULL = use the callbacks. */
void m68k_map_pages(M68k *cpu, unsigned first_page, unsigned count,
                    const uint8_t *read_mem, uint8_t *write_mem, uint32_t mirror_size);
/* Set refresh group `group`'s timing (0..M68K_REFRESH_GROUPS-1), its first
 * period beginning now; assign pages [first_page, first_page+count) to a
 * group, or to none with -1. */
void m68k_set_refresh(M68k *cpu, int group, M68kRefreshTiming timing);
void m68k_map_refresh(M68k *cpu, unsigned first_page, unsigned count, int group);
/* Power-on/RESET-pin reset: reads SSP and PC from vectors 0 and 1, fills the
 * prefetch, SR = 0x2700. Takes the documented reset cycles. */
void m68k_reset(M68k *cpu);

/* Execute exactly one instruction (or one exception's processing, or one
 * idle slot when stopped/halted). Returns the clocks it took. */
int m68k_step(M68k *cpu);
/* Execute until state.cycles >= until (or m68k_end_run is called from a
 * callback). Returns clocks executed. */
uint64_t m68k_run(M68k *cpu, uint64_t until);
/* From inside a callback: make m68k_run return after the current instruction. */
void m68k_end_run(M68k *cpu);
/* Enter the halted state (as after a double bus fault): the CPU does
 * nothing but let its clock run until m68k_reset. From inside a callback it
 * also ends m68k_run after the current instruction. */
void m68k_halt(M68k *cpu);
static inline bool m68k_halted(const M68k *cpu) { return cpu->state.halted != 0; }
/* STOP executed and no interrupt taken yet: PC still points past the STOP. */
static inline bool m68k_stopped(const M68k *cpu) { return cpu->state.stopped != 0; }

/* Set the IPL pins (0 = none, 7 = NMI). Sampled as on hardware: the level
 * is sampled during the last bus cycle of each instruction (MC68000 UM
 * fig. 5-11), so a change made between instructions is acted on after the
 * next one; while stopped it is seen at once. */
void m68k_set_ipl(M68k *cpu, int level);
/* The same, for a change that happened at `clock`, e.g. an interrupt whose
 * time fell inside the instruction that just ran. A clock later than
 * m68k_cycles() is a change scheduled ahead: it is seen by the first
 * instruction whose last bus cycle samples at or after it (only the latest
 * change is remembered, so schedule one at a time). */
void m68k_set_ipl_at(M68k *cpu, int level, uint64_t clock);
/* Add wait states / bus-held clocks (VDP DMA, Z80 bus access) to the clock. */
void m68k_add_cycles(M68k *cpu, uint32_t clocks);
/* The level last set on the IPL pins (a change scheduled ahead included). */
static inline int m68k_ipl_pins(const M68k *cpu) { return cpu->state.ipl; }
static inline uint64_t m68k_cycles(const M68k *cpu) { return cpu->state.cycles; }

uint32_t m68k_get_reg(const M68k *cpu, M68kReg reg);
void m68k_set_reg(M68k *cpu, M68kReg reg, uint32_t value);

/* Save state: the state struct as bytes. */
static inline size_t m68k_state_size(void) { return sizeof(M68kState); }
void m68k_save_state(const M68k *cpu, void *out);
void m68k_load_state(M68k *cpu, const void *in);

/* Disassembler (Motorola syntax, e.g. "move.w  (a0)+,d1").
 * read16(ctx, addr) supplies instruction words. Writes at most out_size bytes
 * (NUL-terminated) and returns the instruction length in bytes (>= 2). */
typedef uint16_t (*M68kDisasmRead)(void *ctx, uint32_t addr);
int m68k_disasm(uint32_t pc, M68kDisasmRead read16, void *ctx, char *out, size_t out_size);

/* One trace line: "PC  disassembly  D0..D7 A0..A7 SR" (no newline). */
int m68k_trace_line(const M68k *cpu, char *out, size_t out_size);

#ifdef __cplusplus
}
#endif
#endif
