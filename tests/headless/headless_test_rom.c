/* headless_test_rom.c - builds minimal ROM images (header layout per the
 * Sega Genesis software manual's ROM header at $100-$1FF). */
#include "headless_test_rom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEST_ROM_SIZE 0x20000u
#define TEST_ROM_TRAP_HANDLER 0x400u /* every other vector: bra.s * */

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void put_text(uint8_t *p, size_t field, const char *text)
{
    memset(p, ' ', field);
    memcpy(p, text, strlen(text) < field ? strlen(text) : field);
}

bool test_rom_write(const char *path, const uint8_t *code, size_t code_size, bool sram)
{
    if (code_size > TEST_ROM_TRAP_HANDLER - TEST_ROM_CODE_START)
        return false;
    uint8_t *rom = calloc(1, TEST_ROM_SIZE);
    if (!rom)
        return false;
    put32(rom + 0, 0x00FFFE00u);           /* initial SSP */
    put32(rom + 4, TEST_ROM_CODE_START);   /* initial PC */
    for (unsigned v = 2; v < 64; v++)
        put32(rom + 4 * v, TEST_ROM_TRAP_HANDLER);
    put_text(rom + 0x100, 16, "SEGA MEGA DRIVE ");
    put_text(rom + 0x110, 16, "(C)MDEM 2026.NOV");
    put_text(rom + 0x120, 48, "MDEMU HEADLESS TEST");
    put_text(rom + 0x150, 48, "MDEMU HEADLESS TEST");
    put_text(rom + 0x180, 14, "GM 00000000-00");
    put_text(rom + 0x190, 16, "J");
    put32(rom + 0x1A0, 0);
    put32(rom + 0x1A4, TEST_ROM_SIZE - 1);
    put32(rom + 0x1A8, 0x00FF0000u);
    put32(rom + 0x1AC, 0x00FFFFFFu);
    put_text(rom + 0x1B0, 12, "");
    if (sram) {
        rom[0x1B0] = 'R';
        rom[0x1B1] = 'A';
        rom[0x1B2] = 0xF8; /* battery backed, odd bytes */
        rom[0x1B3] = 0x20;
        put32(rom + 0x1B4, 0x00200001u);
        put32(rom + 0x1B8, 0x0020FFFFu);
    }
    put_text(rom + 0x1BC, 52, "");
    put_text(rom + 0x1F0, 16, "JUE");
    memcpy(rom + TEST_ROM_CODE_START, code, code_size);
    rom[TEST_ROM_TRAP_HANDLER] = 0x60; /* bra.s * */
    rom[TEST_ROM_TRAP_HANDLER + 1] = 0xFE;
    uint16_t checksum = 0;
    for (uint32_t a = 0x200; a < TEST_ROM_SIZE; a += 2)
        checksum = (uint16_t)(checksum + ((rom[a] << 8) | rom[a + 1]));
    rom[0x18E] = (uint8_t)(checksum >> 8);
    rom[0x18F] = (uint8_t)checksum;

    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(rom, 1, TEST_ROM_SIZE, f) == TEST_ROM_SIZE;
    if (f && fclose(f) != 0)
        ok = false;
    free(rom);
    return ok;
}
