/* mdemu.h - the console: the one API frontends (desktop app, headless runner,
 * libretro core) use. An Mdemu owns the 68000, Z80, VDP, YM2612 and PSG, the
 * memory maps, the cartridge, the pads and the master-clock scheduler.
 * No global or static mutable state: any number of instances may coexist.
 */
#ifndef MDEMU_H
#define MDEMU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MDEMU_MASTER_HZ_NTSC 53693175u
#define MDEMU_MASTER_HZ_PAL 53203424u

typedef struct Mdemu Mdemu;

typedef enum MdemuResult {
    MDEMU_OK = 0,
    MDEMU_ERR_IO,             /* file missing or unreadable */
    MDEMU_ERR_EMPTY,          /* zero-length file */
    MDEMU_ERR_TRUNCATED,      /* shorter than a ROM header / than declared */
    MDEMU_ERR_TOO_BIG,        /* over the largest supported ROM */
    MDEMU_ERR_NOT_ROM,        /* not a Genesis ROM in any known format */
    MDEMU_ERR_ARCHIVE,        /* broken .zip / .gz, or no ROM inside */
    MDEMU_ERR_NOMEM,
    MDEMU_ERR_NO_ROM,         /* operation needs a loaded ROM */
    MDEMU_ERR_STATE_CORRUPT,  /* bad magic, sizes or checksum */
    MDEMU_ERR_STATE_VERSION,  /* another version or console model */
    MDEMU_ERR_STATE_OTHER_ROM,/* saved with another ROM */
    MDEMU_ERR_BUFFER,         /* caller's buffer too small */
    MDEMU_ERR_ARG
} MdemuResult;

const char *mdemu_result_string(MdemuResult r);

typedef enum MdemuRegion {
    MDEMU_REGION_AUTO = 0, /* from the cartridge header */
    MDEMU_REGION_JP,       /* NTSC, domestic */
    MDEMU_REGION_US,       /* NTSC, overseas */
    MDEMU_REGION_EU        /* PAL, overseas */
} MdemuRegion;

typedef enum MdemuPadType {
    MDEMU_PAD_NONE = 0,
    MDEMU_PAD_3BUTTON,
    MDEMU_PAD_6BUTTON,
    MDEMU_PAD_AUTO /* 6-button when the header lists '6', else 3-button */
} MdemuPadType;

/* Pad buttons (bit set = pressed). */
enum {
    MDEMU_BTN_UP = 1 << 0, MDEMU_BTN_DOWN = 1 << 1, MDEMU_BTN_LEFT = 1 << 2,
    MDEMU_BTN_RIGHT = 1 << 3, MDEMU_BTN_A = 1 << 4, MDEMU_BTN_B = 1 << 5,
    MDEMU_BTN_C = 1 << 6, MDEMU_BTN_START = 1 << 7, MDEMU_BTN_X = 1 << 8,
    MDEMU_BTN_Y = 1 << 9, MDEMU_BTN_Z = 1 << 10, MDEMU_BTN_MODE = 1 << 11
};

typedef struct MdemuConfig {
    uint32_t audio_rate;  /* host sample rate, e.g. 48000 (default) or 44100 */
    MdemuRegion region;   /* default AUTO */
    bool tmss;            /* emulate the TMSS lock (default false) */
    bool ym3438;          /* YM3438 instead of discrete YM2612 (no ladder) */
    bool sprite_limit;    /* default true */
    bool audio_lowpass;   /* model 1 low-pass character (default false) */
    MdemuPadType pad[2];  /* default AUTO, AUTO */
    void (*log)(void *log_ctx, int level, const char *message); /* NULL: stderr */
    void *log_ctx;
} MdemuConfig;

void mdemu_config_default(MdemuConfig *cfg);

Mdemu *mdemu_create(const MdemuConfig *cfg);
void mdemu_destroy(Mdemu *md);

/* Load a ROM (.bin/.md/.gen/.smd, or one inside .zip/.gz; detected by content).
 * On error, err (if non-NULL) receives a one-line message naming the file and
 * the reason, and any previously loaded ROM stays loaded. A ROM load resets. */
MdemuResult mdemu_load_rom_file(Mdemu *md, const char *path, char *err, size_t err_size);
MdemuResult mdemu_load_rom_memory(Mdemu *md, const void *data, size_t size,
                                  const char *name, char *err, size_t err_size);
bool mdemu_has_rom(const Mdemu *md);

typedef struct MdemuRomInfo {
    char system_type[17];
    char title_domestic[49];
    char title_overseas[49];
    char serial[15];
    char regions[4];        /* header region field, e.g. "JUE" */
    char devices[17];       /* header I/O support field, e.g. "J6" */
    uint16_t checksum_header;
    uint16_t checksum_computed;
    bool checksum_ok;
    uint32_t rom_size;
    bool has_sram;
    uint32_t sram_start, sram_end;
    const char *mapper;     /* "none", "ssf2", ... */
    const char *save_type;  /* "none", "sram", "eeprom" */
} MdemuRomInfo;
const MdemuRomInfo *mdemu_rom_info(const Mdemu *md);

void mdemu_reset(Mdemu *md, bool hard); /* soft = reset button, hard = power cycle */

/* Run exactly one video frame of emulated time. */
void mdemu_run_frame(Mdemu *md);
uint64_t mdemu_frame_count(const Mdemu *md);
bool mdemu_is_pal(const Mdemu *md);
double mdemu_fps(const Mdemu *md); /* 59.92... NTSC, 49.70... PAL */
MdemuRegion mdemu_region(const Mdemu *md); /* the effective region */

typedef struct MdemuFrame {
    const uint32_t *pixels; /* XRGB8888 */
    int width, height;      /* 256/320 x 224/240 (448/480 interlaced) */
    int pitch;              /* bytes per row */
} MdemuFrame;
MdemuFrame mdemu_frame(const Mdemu *md);

/* Audio of the last mdemu_run_frame: interleaved int16 stereo at the
 * configured rate. Returns the number of stereo frames; *samples valid until
 * the next run. */
size_t mdemu_audio(const Mdemu *md, const int16_t **samples);
void mdemu_set_audio_rate(Mdemu *md, uint32_t rate);
void mdemu_set_audio_mute(Mdemu *md, uint32_t fm_channel_mask, uint32_t psg_channel_mask);
/* Options of MdemuConfig that can change while running (take effect at once). */
void mdemu_set_ym3438(Mdemu *md, bool ym3438);
void mdemu_set_sprite_limit(Mdemu *md, bool sprite_limit);
void mdemu_set_audio_lowpass(Mdemu *md, bool lowpass);

void mdemu_set_pad_type(Mdemu *md, int port, MdemuPadType type); /* port 0 or 1 */
MdemuPadType mdemu_pad_type(const Mdemu *md, int port); /* effective (AUTO resolved) */
void mdemu_set_pad(Mdemu *md, int port, uint16_t buttons);

void mdemu_set_region(Mdemu *md, MdemuRegion region); /* takes effect on next hard reset */

/* Save states: versioned container (magic, version, model, ROM checksum,
 * per-chip sections). Size is fixed for a loaded ROM. Loading a bad state
 * returns an error and leaves the running emulation untouched. */
size_t mdemu_state_size(const Mdemu *md);
MdemuResult mdemu_save_state(const Mdemu *md, void *buf, size_t size);
MdemuResult mdemu_load_state(Mdemu *md, const void *buf, size_t size);
MdemuResult mdemu_save_state_file(const Mdemu *md, const char *path, char *err, size_t err_size);
MdemuResult mdemu_load_state_file(Mdemu *md, const char *path, char *err, size_t err_size);

/* Battery save memory (SRAM or EEPROM contents); NULL/0 when the cartridge has none. */
uint8_t *mdemu_sram(Mdemu *md, size_t *size);
bool mdemu_sram_dirty(const Mdemu *md);  /* written since last save/load */
/* Atomic (temp file + rename); a missing file on load is not an error. */
MdemuResult mdemu_sram_load_file(Mdemu *md, const char *path, char *err, size_t err_size);
MdemuResult mdemu_sram_save_file(Mdemu *md, const char *path, char *err, size_t err_size);

/* Memory for debuggers, cheats and achievements. */
uint8_t *mdemu_work_ram(Mdemu *md, size_t *size);    /* 64 KiB, 68000 byte order */
uint8_t *mdemu_z80_ram(Mdemu *md, size_t *size);     /* 8 KiB */
const uint8_t *mdemu_rom(const Mdemu *md, size_t *size);
uint8_t mdemu_peek8(Mdemu *md, uint32_t addr);       /* 68000 map, no side effects */
/* Cheats: Game Genie ("ABCD-EFGH") or raw "AAAAAA:VVVV". Returns false if unparsable. */
bool mdemu_cheat_add(Mdemu *md, const char *code);
void mdemu_cheats_clear(Mdemu *md);

/* Debugging and tracing (NULL to stop). Each line: PC, disassembly, registers. */
void mdemu_trace_cpu(Mdemu *md, FILE *out);
void mdemu_trace_z80(Mdemu *md, FILE *out);
/* Stop mdemu_run_frame early when the 68000 is about to execute addr
 * (-1 = off); mdemu_breakpoint_hit tells whether it happened. */
void mdemu_set_breakpoint(Mdemu *md, int64_t addr);
bool mdemu_breakpoint_hit(const Mdemu *md);

/* The opt-in debug port for homebrew test ROMs: byte writes to addr go to
 * putc_fn, a byte write to addr+1 ends the run with that exit code
 * (mdemu_test_port_exit returns it, -1 while running). addr 0 = off. */
#define MDEMU_TEST_PORT_DEFAULT 0xA13080u
void mdemu_set_test_port(Mdemu *md, uint32_t addr, void (*putc_fn)(void *ctx, int c), void *ctx);
int mdemu_test_port_exit(const Mdemu *md);

typedef struct MdemuCpuRegs {
    uint32_t d[8], a[8], usp, ssp, pc;
    uint16_t sr;
    uint64_t cycles;
} MdemuCpuRegs;
typedef struct MdemuZ80Regs {
    uint16_t af, bc, de, hl, af_, bc_, de_, hl_, ix, iy, sp, pc;
    uint8_t i, r, iff1, iff2, im;
    bool halted, running; /* running = not held by reset or bus request */
} MdemuZ80Regs;
void mdemu_cpu_regs(const Mdemu *md, MdemuCpuRegs *out);
void mdemu_z80_regs(const Mdemu *md, MdemuZ80Regs *out);

#ifdef __cplusplus
}
#endif
#endif
