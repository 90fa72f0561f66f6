/* mdemu_internal.h - the console's private structure and the functions the
 * system/ files share. Frontends never include this: they use mdemu.h. */
#ifndef MDEMU_INTERNAL_H
#define MDEMU_INTERNAL_H

#include "mdemu.h"

#include "audio_mixer.h"
#include "m68k.h"
#include "psg.h"
#include "vdp.h"
#include "ym2612.h"
#include "z80.h"

#define MDEMU_WORK_RAM_SIZE 0x10000u
#define MDEMU_Z80_RAM_SIZE 0x2000u
#define MDEMU_ROM_MAX_SIZE (16u * 1024u * 1024u)
#define MDEMU_ROM_MIN_SIZE 0x200u
#define MDEMU_SRAM_MAX_SIZE 0x10000u
#define MDEMU_LINES_NTSC 262u
#define MDEMU_LINES_PAL 313u
#define MDEMU_MAX_CHEATS 64
#define MDEMU_AUDIO_OUT_MAX 4096 /* stereo frames per emulated frame, any rate up to 192 kHz */
#define MDEMU_FM_BUF 1024        /* YM2612 samples gathered before a mixer push */
#define MDEMU_PSG_BUF 4096       /* PSG samples gathered before a mixer push */

/* One control port (pad side): registers at 0xA10003/9/F/11/13 and friends. */
typedef struct MdemuPortState {
    uint8_t data;        /* data register latch (bits driven when output) */
    uint8_t ctrl;        /* direction: bit set = output; bit 7 = TH interrupt enable */
    uint8_t tx_data;     /* serial transmit buffer */
    uint8_t rx_data;     /* serial receive buffer */
    uint8_t serial_ctrl;
    uint8_t th_edges;    /* 6-button: TH falling edges counted since the last timeout (0..4) */
    uint8_t th_level;    /* TH as the pad sees it */
    uint8_t pad_;
    uint16_t buttons;    /* MDEMU_BTN_* pressed */
    uint16_t pad2_;
    uint32_t pad3_;
    uint64_t th_changed_at; /* master clock of the last TH change */
} MdemuPortState;

/* Serial EEPROM (24C01-class, X24C01 addressing: 7-bit address + R/W in one byte). */
typedef struct MdemuEepromState {
    uint8_t scl, sda_in;   /* line levels driven by the 68000 */
    uint8_t sda_out;       /* level the EEPROM drives (1 = released) */
    uint8_t phase;         /* MdemuEepromPhase */
    uint8_t shift;         /* bits being received or sent */
    uint8_t bit_count;
    uint8_t address;
    uint8_t pad_;
} MdemuEepromState;

/* Everything of the board that a save state needs besides the chips and SRAM:
 * plain data, saved as bytes. */
typedef struct MdemuSysState {
    uint8_t work_ram[MDEMU_WORK_RAM_SIZE]; /* bus byte order */
    uint8_t z80_ram[MDEMU_Z80_RAM_SIZE];
    uint8_t z80_busreq;     /* the 68000 asks for the Z80 bus */
    uint8_t z80_reset;      /* 1 = Z80 (and YM2612) held in reset */
    uint16_t z80_bank;      /* 9 bits: A23..A15 of the Z80's window at 0x8000 */
    uint8_t tmss_unlocked;
    uint8_t tmss_latch[4];  /* what was written to 0xA14000..3 */
    uint8_t sram_ctrl;      /* 0xA130F1: bit 0 = SRAM mapped, bit 1 = write protect */
    uint8_t ssf2_bank[8];   /* 512 KiB bank of each 512 KiB slot of 0x000000-0x3FFFFF */
    uint8_t pad_[6];
    MdemuPortState port[3]; /* pad 1, pad 2, expansion */
    MdemuEepromState eeprom;
    uint64_t ym_clock;      /* YM clocks (master/7) the YM2612 has reached */
    uint64_t psg_clock;     /* PSG clocks (master/15) the PSG has reached */
    uint64_t frame_count;
    uint64_t z80_stall_master; /* master clocks of 68000 bus the Z80 has taken, not yet charged */
    uint64_t z80_busack_at;    /* master clock from which the requested Z80 bus is granted */
    uint32_t z80_window_wait_tenths; /* fraction of a T-state owed to the average 68000-bus waits (mdemu_busz80.c) */
    uint32_t pad4_;
} MdemuSysState;

typedef struct MdemuCheat {
    uint32_t addr;
    uint16_t value;
    uint16_t original; /* ROM word before patching */
    bool is_rom;
} MdemuCheat;

/* Cartridge mappers: a table of these (mdemu_cart.c). */
typedef struct MdemuMapper {
    const char *name;
    /* Byte write to 0xA130xx; returns true if handled. */
    bool (*write_a130)(Mdemu *md, uint32_t addr, uint8_t value);
} MdemuMapper;

/* How an EEPROM's lines appear on the 68000 bus (a known-games table entry). */
typedef struct MdemuEepromWiring {
    const char *serial;   /* header serial prefix at 0x183 (after "GM ") */
    uint32_t sda_in_addr, sda_out_addr, scl_addr;
    uint8_t sda_in_bit, sda_out_bit, scl_bit;
    uint16_t size;        /* bytes */
} MdemuEepromWiring;

struct Mdemu {
    MdemuConfig cfg;
    M68k cpu;
    Z80 z80;
    Ym2612 ym;
    Psg psg;
    AudioMixer mixer;
    MdemuSysState sys;

    /* Cartridge (loaded once per ROM; not in save states except SRAM). */
    uint8_t *rom;          /* bus byte order, padded with 0xFF to rom_alloc */
    size_t rom_size;       /* size as loaded */
    size_t rom_alloc;      /* power of two >= 64 KiB */
    uint32_t rom_crc;      /* CRC32 of the loaded ROM, before cheats */
    char rom_name[256];
    MdemuRomInfo info;
    const MdemuMapper *mapper;
    const MdemuEepromWiring *eeprom;
    uint8_t *sram;         /* SRAM or EEPROM contents; NULL when none */
    size_t sram_size;
    uint32_t sram_base;    /* 68000 address of sram[0] */
    bool sram_always_on;   /* SRAM outside the ROM: no switching needed */
    bool sram_dirty;

    MdemuRegion region;    /* effective */
    bool pal;
    MdemuRegion region_setting;
    MdemuPadType pad_setting[2];
    MdemuPadType pad_type[2]; /* effective */
    uint8_t fm_mute, psg_mute; /* debugging mute masks, kept across power cycles */

    /* Per-frame audio. */
    /* Samples not yet pushed to the mixer; always empty between frames. */
    int16_t fm_buf[MDEMU_FM_BUF * 2];
    int16_t psg_buf[MDEMU_PSG_BUF];
    int fm_count, psg_count;
    int16_t audio_out[MDEMU_AUDIO_OUT_MAX * 2];
    size_t audio_frames;

    MdemuCheat cheats[MDEMU_MAX_CHEATS];
    int cheat_count;

    FILE *trace_cpu, *trace_z80;
    int64_t breakpoint;
    bool breakpoint_hit;
    uint32_t breakpoint_skip_pc; /* resume past a breakpoint that just stopped us */
    bool breakpoint_skip;
    uint32_t test_port;
    void (*test_putc)(void *ctx, int c);
    void *test_ctx;
    int test_exit;
    bool stop_requested;   /* end mdemu_run_frame after the current slice */
    unsigned debug_log_count;
    bool z80_active;       /* inside z80_run: no nested catch-up */

    /* Vdp is last: its frame buffer is large. */
    Vdp vdp;
};

/* mdemu_log.c */
void mdemu_log(const Mdemu *md, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void mdemu_debug_log(Mdemu *md, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void mdemu_set_error(char *err, size_t err_size, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* mdemu_console.c */
void mdemu_install_hooks(Mdemu *md);
void mdemu_power_on(Mdemu *md);
/* mdemu_refresh.c: the bus arbiter's refresh holds on the 68000's bus. */
void mdemu_setup_refresh(Mdemu *md);

/* mdemu_scheduler.c: catch-up to the accessing CPU's time (master clocks). */
static inline uint64_t mdemu_now_68k(const Mdemu *md) { return md->cpu.state.cycles * 7u; }
static inline uint64_t mdemu_now_z80(const Mdemu *md) { return md->z80.state.tstates * 15u; }
void mdemu_catch_up_vdp(Mdemu *md, uint64_t master);
void mdemu_catch_up_audio(Mdemu *md, uint64_t master);
void mdemu_catch_up_z80(Mdemu *md);
void mdemu_flush_audio(Mdemu *md);
/* The VDP's interrupt state changed at master clock `change`: schedule the 68000's IPL. */
void mdemu_vdp_ipl_follow(Mdemu *md, uint64_t change);

/* mdemu_bus68k.c */
void mdemu_bus68k_init(M68kBus *bus, Mdemu *md);
uint16_t mdemu_read16_quiet(Mdemu *md, uint32_t addr); /* ROM/RAM/SRAM only: DMA and the Z80 window */
uint8_t mdemu_z80_window_read(Mdemu *md, uint32_t addr);
void mdemu_z80_window_write(Mdemu *md, uint32_t addr, uint8_t value);
uint16_t mdemu_open_bus(const Mdemu *md);
uint16_t mdemu_vdp_dma_read(void *ctx, uint32_t addr);

/* mdemu_vdp_ports.c */
uint16_t mdemu_vdp_read16(Mdemu *md, uint32_t addr);
void mdemu_vdp_write16(Mdemu *md, uint32_t addr, uint16_t value, bool byte_write);
void mdemu_lock_up(Mdemu *md, const char *why, uint32_t addr);

/* mdemu_bus68k.c: the 68000 owns the Z80 bus (requested, acknowledged, Z80 not in reset). */
bool mdemu_z80_bus_granted(const Mdemu *md);

/* mdemu_busz80.c */
void mdemu_busz80_init(Z80Bus *bus, Mdemu *md);
void mdemu_z80_set_reset(Mdemu *md, bool held);

/* mdemu_pads.c */
void mdemu_ports_reset(Mdemu *md);
uint8_t mdemu_io_read(Mdemu *md, uint32_t addr, bool side_effects);
void mdemu_io_write(Mdemu *md, uint32_t addr, uint8_t value);

/* mdemu_cart.c */
void mdemu_cart_map(Mdemu *md);      /* (re)build ROM/SRAM pages from the cart state */
void mdemu_cart_reset(Mdemu *md);
bool mdemu_cart_in_sram(const Mdemu *md, uint32_t addr);
uint8_t mdemu_cart_read8(Mdemu *md, uint32_t addr);
void mdemu_cart_write8(Mdemu *md, uint32_t addr, uint8_t value);
void mdemu_cart_a130_write(Mdemu *md, uint32_t addr, uint8_t value);
void mdemu_cart_detect(Mdemu *md);   /* mapper and save memory from the header and tables */

/* mdemu_eeprom.c */
void mdemu_eeprom_reset(MdemuEepromState *e);
void mdemu_eeprom_lines(Mdemu *md, int scl, int sda);
int mdemu_eeprom_sda(const Mdemu *md);

/* mdemu_rom_header.c */
void mdemu_parse_header(const uint8_t *rom, size_t size, MdemuRomInfo *info);
MdemuRegion mdemu_region_from_header(const MdemuRomInfo *info);

/* mdemu_rom_archive.c: unpack .gz/.zip into a malloc'd buffer. */
MdemuResult mdemu_unpack(const uint8_t *data, size_t size, uint8_t **out, size_t *out_size,
                         char *why, size_t why_size);
bool mdemu_is_gzip(const uint8_t *data, size_t size);
bool mdemu_is_zip(const uint8_t *data, size_t size);

/* mdemu_file.c */
MdemuResult mdemu_read_file(const char *path, uint8_t **out, size_t *size, size_t limit);
MdemuResult mdemu_write_file_atomic(const char *path, const void *data, size_t size,
                                    char *why, size_t why_size);

/* mdemu_cheats.c */
void mdemu_cheats_apply_ram(Mdemu *md);

/* mdemu_state.c needs the CRC. */
uint32_t mdemu_crc32(const void *data, size_t size);

#endif
