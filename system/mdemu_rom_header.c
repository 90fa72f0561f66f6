/* mdemu_rom_header.c - the cartridge header at 0x100 (Sega Genesis Technical
 * Manual, "ROM header"): system type 100h, domestic title 120h, overseas title
 * 150h, serial 180h, checksum 18Eh, I/O support 190h, ROM range 1A0h, RAM
 * range 1A8h, external RAM "RA" 1B0h, regions 1F0h. */
#include "mdemu_internal.h"

#include <ctype.h>
#include <string.h>

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Copy a space-padded header field, dropping unprintable bytes and the padding. */
static void field(char *out, size_t out_size, const uint8_t *src, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < out_size; i++) {
        uint8_t c = src[i];
        out[n++] = (c >= 0x20 && c < 0x7F) ? (char)c : ' ';
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    /* collapse the runs of spaces some headers use for centring */
    size_t w = 0;
    for (size_t r = 0; r < n; r++)
        if (!(out[r] == ' ' && w > 0 && out[w - 1] == ' '))
            out[w++] = out[r];
    out[w] = '\0';
}

static void serial_field(char *out, size_t out_size, const uint8_t *src, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < out_size; i++)
        out[n++] = (src[i] >= 0x20 && src[i] < 0x7F) ? (char)src[i] : ' ';
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

void mdemu_parse_header(const uint8_t *rom, size_t size, MdemuRomInfo *info)
{
    memset(info, 0, sizeof *info);
    info->rom_size = (uint32_t)size;
    info->mapper = "none";
    info->save_type = "none";
    if (size < 0x200)
        return;
    field(info->system_type, sizeof info->system_type, rom + 0x100, 16);
    field(info->title_domestic, sizeof info->title_domestic, rom + 0x120, 48);
    field(info->title_overseas, sizeof info->title_overseas, rom + 0x150, 48);
    serial_field(info->serial, sizeof info->serial, rom + 0x180, 14);
    field(info->devices, sizeof info->devices, rom + 0x190, 16);
    serial_field(info->regions, sizeof info->regions, rom + 0x1F0, 3);
    info->checksum_header = (uint16_t)(rom[0x18E] << 8 | rom[0x18F]);

    /* Checksum: 16-bit sum of the big-endian words from 0x200 to the end. */
    uint16_t sum = 0;
    for (size_t i = 0x200; i + 1 < size; i += 2)
        sum = (uint16_t)(sum + (rom[i] << 8 | rom[i + 1]));
    if (size & 1)
        sum = (uint16_t)(sum + (rom[size - 1] << 8));
    info->checksum_computed = sum;
    info->checksum_ok = sum == info->checksum_header;

    /* "RA", then %1x1yz000: x = battery backup, yz = 10 even / 11 odd / 00 word. */
    if (rom[0x1B0] == 'R' && rom[0x1B1] == 'A') {
        uint32_t start = be32(rom + 0x1B4), end = be32(rom + 0x1B8);
        if (start < 0x400000 && end >= start) {
            info->has_sram = true;
            info->sram_start = start;
            info->sram_end = end;
        }
    }
}

/* Old style: letters J, U, E. New style (1994 on): one hex digit, bit 0 =
 * Japan, bit 2 = Americas, bit 3 = Europe. A lone "E" means Europe. */
MdemuRegion mdemu_region_from_header(const MdemuRomInfo *info)
{
    const char *r = info->regions;
    bool jp = false, us = false, eu = false;
    bool letters = strpbrk(r, "JUE") != NULL && !(strlen(r) == 1 && isxdigit((unsigned char)r[0]) &&
                                                   r[0] != 'E');
    if (letters) {
        jp = strchr(r, 'J') != NULL;
        us = strchr(r, 'U') != NULL;
        eu = strchr(r, 'E') != NULL;
    } else if (r[0] && isxdigit((unsigned char)r[0])) {
        unsigned bits = (unsigned)(isdigit((unsigned char)r[0]) ? r[0] - '0'
                                                               : toupper((unsigned char)r[0]) - 'A' + 10);
        jp = bits & 1;
        us = bits & 4;
        eu = bits & 8;
    }
    if (us || (!jp && !eu))
        return MDEMU_REGION_US;
    if (jp)
        return MDEMU_REGION_JP;
    return MDEMU_REGION_EU;
}
