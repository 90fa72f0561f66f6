/* mdemu_rom_load.c - loading a cartridge image: archives, .smd
 * de-interleaving, content checks, and installing the ROM in the console. */
#include "mdemu_internal.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define SMD_HEADER 512u
#define SMD_BLOCK 0x4000u

uint32_t mdemu_crc32(const void *data, size_t size)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    const uint8_t *p = data;
    while (size > 0) {
        uInt n = size > 0x40000000u ? 0x40000000u : (uInt)size;
        crc = crc32(crc, p, n);
        p += n;
        size -= n;
    }
    return (uint32_t)crc;
}

static bool has_sega(const uint8_t *rom, size_t size)
{
    return size >= 0x110 && (memcmp(rom + 0x100, "SEGA", 4) == 0 || memcmp(rom + 0x101, "SEGA", 4) == 0);
}

/* .smd (Super Magic Drive copier): 512-byte header, then 16 KiB blocks each
 * holding the block's odd bytes in its first half and even bytes in its
 * second half. The header has 0xAA 0xBB at offsets 8 and 9. */
static void smd_deinterleave_block(const uint8_t *in, uint8_t *out)
{
    const size_t half = SMD_BLOCK / 2;
    for (size_t i = 0; i < half; i++) {
        out[2 * i + 1] = in[i];
        out[2 * i] = in[half + i];
    }
}

static bool looks_like_smd(const uint8_t *data, size_t size)
{
    if (size < SMD_HEADER + SMD_BLOCK || (size - SMD_HEADER) % SMD_BLOCK != 0)
        return false;
    if (data[8] == 0xAA && data[9] == 0xBB)
        return true;
    uint8_t first[SMD_BLOCK];
    smd_deinterleave_block(data + SMD_HEADER, first);
    return has_sega(first, sizeof first);
}

/* Without "SEGA" in the header (homebrew, test programs) a ROM must still
 * start with a usable vector table; text and other files do not. */
static bool plausible_vectors(const uint8_t *rom, size_t size)
{
    uint32_t ssp = (uint32_t)rom[0] << 24 | rom[1] << 16 | rom[2] << 8 | rom[3];
    uint32_t pc = (uint32_t)rom[4] << 24 | rom[5] << 16 | rom[6] << 8 | rom[7];
    if ((ssp & 1) || (pc & 1) || pc < 8 || (pc & 0xFF000000u))
        return false;
    if (pc >= size && pc < 0xE00000)
        return false;
    size_t text = 0;
    for (size_t i = 0; i < 0x200; i++) {
        uint8_t c = rom[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t')
            text++;
    }
    return text < 0x200;
}

/* Install a validated image: everything allocated before anything changes. */
static MdemuResult install(Mdemu *md, uint8_t *image, size_t size, const char *name)
{
    size_t alloc = 0x10000;
    while (alloc < size)
        alloc <<= 1;
    uint8_t *rom = malloc(alloc);
    if (!rom)
        return MDEMU_ERR_NOMEM;
    memcpy(rom, image, size);
    memset(rom + size, 0xFF, alloc - size);

    free(md->rom);
    free(md->sram);
    md->sram = NULL;
    md->rom = rom;
    md->rom_size = size;
    md->rom_alloc = alloc;
    md->rom_crc = mdemu_crc32(rom, size);
    snprintf(md->rom_name, sizeof md->rom_name, "%s", name ? name : "");
    md->cheat_count = 0;
    mdemu_parse_header(rom, size, &md->info);
    mdemu_cart_detect(md);
    if (md->sram_size) {
        md->sram = malloc(md->sram_size);
        if (!md->sram) {
            md->sram_size = 0;
            md->info.save_type = "none";
        } else {
            /* Blank EEPROM and fresh SRAM read as all ones. */
            memset(md->sram, 0xFF, md->sram_size);
        }
    }
    md->sram_dirty = false;
    mdemu_power_on(md);
    return MDEMU_OK;
}

MdemuResult mdemu_load_rom_memory(Mdemu *md, const void *data, size_t size,
                                  const char *name, char *err, size_t err_size)
{
    if (err && err_size)
        err[0] = '\0';
    if (!md || (!data && size)) {
        mdemu_set_error(err, err_size, name, "invalid argument");
        return MDEMU_ERR_ARG;
    }
    if (size == 0) {
        mdemu_set_error(err, err_size, name, "file is empty");
        return MDEMU_ERR_EMPTY;
    }
    const uint8_t *bytes = data;
    uint8_t *unpacked = NULL;
    char why[160];
    if (mdemu_is_gzip(bytes, size) || mdemu_is_zip(bytes, size)) {
        MdemuResult r = mdemu_unpack(bytes, size, &unpacked, &size, why, sizeof why);
        if (r != MDEMU_OK) {
            mdemu_set_error(err, err_size, name, "%s", r == MDEMU_ERR_NOMEM ? "out of memory" : why);
            return r;
        }
        bytes = unpacked;
        if (size == 0) {
            free(unpacked);
            mdemu_set_error(err, err_size, name, "the ROM inside the archive is empty");
            return MDEMU_ERR_EMPTY;
        }
    }
    MdemuResult result = MDEMU_OK;
    uint8_t *image = NULL;
    size_t image_size = size;
    if (size > MDEMU_ROM_MAX_SIZE + SMD_HEADER) {
        mdemu_set_error(err, err_size, name, "%zu bytes is larger than the 16 MB limit", size);
        result = MDEMU_ERR_TOO_BIG;
    } else if (size < MDEMU_ROM_MIN_SIZE) {
        mdemu_set_error(err, err_size, name, "%zu bytes is shorter than a ROM header (512 bytes)", size);
        result = MDEMU_ERR_TRUNCATED;
    } else if (!has_sega(bytes, size) && looks_like_smd(bytes, size)) {
        image_size = size - SMD_HEADER;
        image = malloc(image_size);
        if (!image) {
            result = MDEMU_ERR_NOMEM;
        } else {
            for (size_t off = 0; off < image_size; off += SMD_BLOCK)
                smd_deinterleave_block(bytes + SMD_HEADER + off, image + off);
        }
    } else if (size > MDEMU_ROM_MAX_SIZE) {
        mdemu_set_error(err, err_size, name, "%zu bytes is larger than the 16 MB limit", size);
        result = MDEMU_ERR_TOO_BIG;
    }
    const uint8_t *rom = image ? image : bytes;
    if (result == MDEMU_OK && !has_sega(rom, image_size) && !plausible_vectors(rom, image_size)) {
        mdemu_set_error(err, err_size, name, "not a Genesis/Mega Drive ROM (no SEGA header, no usable vectors)");
        result = MDEMU_ERR_NOT_ROM;
    }
    if (result == MDEMU_OK)
        result = install(md, (uint8_t *)rom, image_size, name);
    if (result == MDEMU_ERR_NOMEM)
        mdemu_set_error(err, err_size, name, "out of memory");
    free(image);
    free(unpacked);
    return result;
}

MdemuResult mdemu_load_rom_file(Mdemu *md, const char *path, char *err, size_t err_size)
{
    if (!md || !path) {
        mdemu_set_error(err, err_size, path, "invalid argument");
        return MDEMU_ERR_ARG;
    }
    uint8_t *data;
    size_t size;
    /* An SMD copy of a 16 MB ROM carries a 512-byte header. */
    MdemuResult r = mdemu_read_file(path, &data, &size, MDEMU_ROM_MAX_SIZE + SMD_HEADER);
    if (r == MDEMU_ERR_TOO_BIG) {
        mdemu_set_error(err, err_size, path, "file is larger than the 16 MB limit");
        return r;
    }
    if (r != MDEMU_OK) {
        mdemu_set_error(err, err_size, path, "%s", r == MDEMU_ERR_NOMEM ? "out of memory" : "cannot read file");
        return r;
    }
    r = mdemu_load_rom_memory(md, data, size, path, err, err_size);
    free(data);
    return r;
}

const uint8_t *mdemu_rom(const Mdemu *md, size_t *size)
{
    if (size)
        *size = md->rom ? md->rom_size : 0;
    return md->rom;
}
