/* system_test_util.h - helpers shared by the console tests: building small
 * ROM images in memory and reaching the 68000/Z80 buses the way the CPUs do. */
#ifndef SYSTEM_TEST_UTIL_H
#define SYSTEM_TEST_UTIL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mdemu_internal.h"

typedef struct TestRomSpec {
    size_t size;            /* image size (>= 0x200) */
    const char *serial;     /* 14 chars max, default "GM 00000001-00" */
    const char *devices;    /* default "J" */
    const char *regions;    /* default "JUE" */
    bool sram;              /* "RA" battery SRAM on odd bytes */
    uint32_t sram_start, sram_end;
    const uint8_t *code;    /* placed at 0x200, entry point */
    size_t code_size;
} TestRomSpec;

static inline void put_field(uint8_t *rom, size_t at, size_t len, const char *s)
{
    memset(rom + at, ' ', len);
    if (s)
        memcpy(rom + at, s, strlen(s) < len ? strlen(s) : len);
}

static inline void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* A ROM whose reset vector points at 0x200 where `code` (or an endless loop) sits. */
static inline uint8_t *test_rom_build(const TestRomSpec *spec)
{
    size_t size = spec->size < 0x400 ? 0x400 : spec->size;
    uint8_t *rom = malloc(size);
    for (size_t i = 0; i < size; i++)
        rom[i] = (uint8_t)(i * 7 + (i >> 8)); /* recognisable filler */
    put_be32(rom, 0x00FFFE00);
    put_be32(rom + 4, 0x200);
    for (int v = 2; v < 64; v++)
        put_be32(rom + v * 4, 0x200);
    put_field(rom, 0x100, 16, "SEGA MEGA DRIVE");
    put_field(rom, 0x110, 16, "(C)TEST 2026.NOV");
    put_field(rom, 0x120, 48, "DOMESTIC  TITLE");
    put_field(rom, 0x150, 48, "OVERSEAS TITLE");
    put_field(rom, 0x180, 14, spec->serial ? spec->serial : "GM 00000001-00");
    put_field(rom, 0x190, 16, spec->devices ? spec->devices : "J");
    put_be32(rom + 0x1A0, 0);
    put_be32(rom + 0x1A4, (uint32_t)size - 1);
    put_be32(rom + 0x1A8, 0xFF0000);
    put_be32(rom + 0x1AC, 0xFFFFFF);
    put_field(rom, 0x1B0, 12, "");
    if (spec->sram) {
        rom[0x1B0] = 'R';
        rom[0x1B1] = 'A';
        rom[0x1B2] = 0xF8;
        rom[0x1B3] = 0x20;
        put_be32(rom + 0x1B4, spec->sram_start);
        put_be32(rom + 0x1B8, spec->sram_end);
    }
    put_field(rom, 0x1BC, 52, "");
    put_field(rom, 0x1F0, 16, spec->regions ? spec->regions : "JUE");
    if (spec->code) {
        memcpy(rom + 0x200, spec->code, spec->code_size);
    } else {
        rom[0x200] = 0x60; /* bra.s * */
        rom[0x201] = 0xFE;
    }
    /* header checksum over 0x200..end */
    uint16_t sum = 0;
    for (size_t i = 0x200; i + 1 < size; i += 2)
        sum = (uint16_t)(sum + (rom[i] << 8 | rom[i + 1]));
    rom[0x18E] = (uint8_t)(sum >> 8);
    rom[0x18F] = (uint8_t)sum;
    return rom;
}

/* Bus accesses as the 68000 makes them: direct pages first, else callbacks. */
static inline uint8_t bus_r8(Mdemu *md, uint32_t a)
{
    const uint8_t *p = md->cpu.bus.page_read[(a >> 16) & 0xFF];
    return p ? p[a & 0xFFFF] : md->cpu.bus.read8(md->cpu.bus.ctx, a);
}
static inline uint16_t bus_r16(Mdemu *md, uint32_t a)
{
    const uint8_t *p = md->cpu.bus.page_read[(a >> 16) & 0xFF];
    return p ? (uint16_t)(p[a & 0xFFFF] << 8 | p[(a & 0xFFFF) + 1]) : md->cpu.bus.read16(md->cpu.bus.ctx, a);
}
static inline void bus_w8(Mdemu *md, uint32_t a, uint8_t v)
{
    uint8_t *p = md->cpu.bus.page_write[(a >> 16) & 0xFF];
    if (p)
        p[a & 0xFFFF] = v;
    else
        md->cpu.bus.write8(md->cpu.bus.ctx, a, v);
}
static inline void bus_w16(Mdemu *md, uint32_t a, uint16_t v)
{
    uint8_t *p = md->cpu.bus.page_write[(a >> 16) & 0xFF];
    if (p) {
        p[a & 0xFFFF] = (uint8_t)(v >> 8);
        p[(a & 0xFFFF) + 1] = (uint8_t)v;
    } else {
        md->cpu.bus.write16(md->cpu.bus.ctx, a, v);
    }
}
static inline uint8_t zbus_r8(Mdemu *md, uint16_t a)
{
    const uint8_t *p = md->z80.bus.page_read[a >> 10];
    return p ? p[a & 0x3FF] : md->z80.bus.read(md->z80.bus.ctx, a);
}
static inline void zbus_w8(Mdemu *md, uint16_t a, uint8_t v)
{
    uint8_t *p = md->z80.bus.page_write[a >> 10];
    if (p)
        p[a & 0x3FF] = v;
    else
        md->z80.bus.write(md->z80.bus.ctx, a, v);
}

static inline Mdemu *test_console(const TestRomSpec *spec, MdemuRegion region)
{
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    cfg.region = region;
    Mdemu *md = mdemu_create(&cfg);
    uint8_t *rom = test_rom_build(spec);
    char err[256];
    MdemuResult r = mdemu_load_rom_memory(md, rom, spec->size < 0x400 ? 0x400 : spec->size, "test.bin",
                                          err, sizeof err);
    free(rom);
    if (r != MDEMU_OK) {
        mdemu_destroy(md);
        return NULL;
    }
    return md;
}

#endif
