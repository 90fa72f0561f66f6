/* mdemu_cart.c - cartridge logic: ROM pages, battery SRAM and its switch at
 * 0xA130F1, mappers (table below), serial EEPROM wiring (table below). */
#include "mdemu_internal.h"

#include <string.h>

#define SSF2_BANK_SIZE 0x80000u

/* 0xA130F1 (Sega mapper register, as used by SRAM carts over 2 MB):
 * bit 0 = SRAM replaces ROM in its range, bit 1 = SRAM write-protected. */
static bool write_a130_plain(Mdemu *md, uint32_t addr, uint8_t value)
{
    if ((addr & 0xFF) != 0xF1)
        return false;
    md->sys.sram_ctrl = value & 3;
    mdemu_cart_map(md);
    return true;
}

/* Sega's SSF2 mapper: 0xA130F3..FF (odd) select the 512 KiB bank shown in
 * slots 1..7 (0x080000..0x3FFFFF); slot 0 stays on bank 0. */
static bool write_a130_ssf2(Mdemu *md, uint32_t addr, uint8_t value)
{
    uint32_t reg = addr & 0xFF;
    if (reg == 0xF1)
        return write_a130_plain(md, addr, value);
    if (reg < 0xF3 || !(reg & 1))
        return false;
    unsigned slot = (reg - 0xF1) / 2;
    md->sys.ssf2_bank[slot] = value & 0x3F;
    mdemu_cart_map(md);
    return true;
}

static const MdemuMapper mapper_none = {"none", write_a130_plain};
static const MdemuMapper mapper_ssf2 = {"ssf2", write_a130_ssf2};

/* Which carts use which mapper: by header serial, or by size for ROMs that
 * do not fit the 4 MB window. Super Street Fighter II (T-12056, T-12043) is
 * the Sega SSF2 mapper's one licensed user. */
static const struct {
    const char *serial;
    const MdemuMapper *mapper;
} mapper_table[] = {
    {"T-12056", &mapper_ssf2},
    {"T-12043", &mapper_ssf2},
};

/* Serial EEPROM carts with Sega's wiring: SDA on D0 and SCL on D1 of 0x200001,
 * an X24C01 (128 bytes). Serials cross-checked against several public EEPROM
 * game lists (emulators' and flash carts' tables of serials and wiring);
 * each names these product codes with Sega wiring and a 24C01. */
static const MdemuEepromWiring eeprom_table[] = {
    /* Wonder Boy in Monster World (U/E) */
    {"G-4060", 0x200001, 0x200001, 0x200001, 0, 0, 1, 128},
    /* Wonder Boy V: Monster World III (J) */
    {"PR-1993", 0x200001, 0x200001, 0x200001, 0, 0, 1, 128},
    /* Mega Man: The Wily Wars (E) */
    {"T-12046", 0x200001, 0x200001, 0x200001, 0, 0, 1, 128},
    /* Rockman Mega World (J) */
    {"T-12053", 0x200001, 0x200001, 0x200001, 0, 0, 1, 128},
    /* Evander Holyfield's "Real Deal" Boxing */
    {"MK-1215", 0x200001, 0x200001, 0x200001, 0, 0, 1, 128},
};

static bool serial_matches(const char *serial_field, const char *key)
{
    /* serial field: "GM T-12046 -00": the product code follows the type. */
    const char *p = strchr(serial_field, ' ');
    p = p ? p + 1 : serial_field;
    while (*p == ' ')
        p++;
    return strncmp(p, key, strlen(key)) == 0;
}

void mdemu_cart_detect(Mdemu *md)
{
    md->mapper = &mapper_none;
    if (md->rom_size > 0x400000)
        md->mapper = &mapper_ssf2;
    for (size_t i = 0; i < sizeof mapper_table / sizeof mapper_table[0]; i++)
        if (serial_matches(md->info.serial, mapper_table[i].serial))
            md->mapper = mapper_table[i].mapper;
    md->info.mapper = md->mapper->name;

    md->eeprom = NULL;
    for (size_t i = 0; i < sizeof eeprom_table / sizeof eeprom_table[0]; i++)
        if (serial_matches(md->info.serial, eeprom_table[i].serial))
            md->eeprom = &eeprom_table[i];

    md->sram_size = 0;
    md->sram_base = 0;
    md->sram_always_on = false;
    md->info.save_type = "none";
    if (md->eeprom) {
        md->sram_size = md->eeprom->size;
        md->info.save_type = "eeprom";
        md->info.has_sram = false;
    } else if (md->info.has_sram) {
        uint32_t start = md->info.sram_start & 0xFFFFFE;
        uint32_t end = md->info.sram_end | 1;
        if (end < start || end - start + 1 > MDEMU_SRAM_MAX_SIZE || end >= 0x400000) {
            end = start + MDEMU_SRAM_MAX_SIZE - 1;
            if (end >= 0x400000)
                end = 0x3FFFFF;
        }
        md->sram_base = start;
        md->sram_size = end - start + 1;
        /* SRAM above the ROM needs no switching; SRAM overlapping ROM is
         * paged in through 0xA130F1. */
        md->sram_always_on = start >= md->rom_size;
        md->info.save_type = "sram";
    }
}

void mdemu_cart_reset(Mdemu *md)
{
    md->sys.sram_ctrl = 0;
    for (unsigned i = 0; i < 8; i++)
        md->sys.ssf2_bank[i] = (uint8_t)i;
    mdemu_eeprom_reset(&md->sys.eeprom);
    mdemu_cart_map(md);
}

static bool sram_active(const Mdemu *md)
{
    return md->sram && !md->eeprom && (md->sram_always_on || (md->sys.sram_ctrl & 1));
}

bool mdemu_cart_in_sram(const Mdemu *md, uint32_t addr)
{
    return sram_active(md) && addr >= md->sram_base && addr - md->sram_base < md->sram_size;
}

void mdemu_cart_map(Mdemu *md)
{
    M68k *cpu = &md->cpu;
    m68k_map_pages(cpu, 0, 64, NULL, NULL, 0);
    if (!md->rom)
        return;
    if (md->mapper == &mapper_ssf2) {
        for (unsigned slot = 0; slot < 8; slot++) {
            size_t offset = (size_t)md->sys.ssf2_bank[slot] * SSF2_BANK_SIZE;
            if (offset + SSF2_BANK_SIZE <= md->rom_alloc)
                m68k_map_pages(cpu, slot * 8, 8, md->rom + offset, NULL, 0);
        }
    } else {
        uint32_t window = md->rom_alloc < 0x400000 ? (uint32_t)md->rom_alloc : 0x400000u;
        m68k_map_pages(cpu, 0, 64, md->rom, NULL, window);
    }
    if (sram_active(md)) {
        unsigned first = md->sram_base >> 16;
        unsigned last = (unsigned)((md->sram_base + md->sram_size - 1) >> 16);
        m68k_map_pages(cpu, first, last - first + 1, NULL, NULL, 0);
    }
    if (md->eeprom) {
        m68k_map_pages(cpu, md->eeprom->sda_out_addr >> 16, 1, NULL, NULL, 0);
        m68k_map_pages(cpu, md->eeprom->scl_addr >> 16, 1, NULL, NULL, 0);
        m68k_map_pages(cpu, md->eeprom->sda_in_addr >> 16, 1, NULL, NULL, 0);
    }
}

static uint8_t rom_byte(const Mdemu *md, uint32_t addr)
{
    if (md->mapper == &mapper_ssf2) {
        size_t offset = (size_t)md->sys.ssf2_bank[(addr >> 19) & 7] * SSF2_BANK_SIZE + (addr & 0x7FFFF);
        return offset < md->rom_alloc ? md->rom[offset] : 0xFF;
    }
    size_t window = md->rom_alloc < 0x400000 ? md->rom_alloc : 0x400000;
    return md->rom[addr & (window - 1)];
}

uint8_t mdemu_cart_read8(Mdemu *md, uint32_t addr)
{
    if (!md->rom)
        return (uint8_t)((addr & 1) ? mdemu_open_bus(md) : mdemu_open_bus(md) >> 8);
    if (md->eeprom && addr == md->eeprom->sda_out_addr) {
        uint8_t bit = (uint8_t)(1u << md->eeprom->sda_out_bit);
        return (uint8_t)((rom_byte(md, addr) & ~bit) | (mdemu_eeprom_sda(md) ? bit : 0));
    }
    if (mdemu_cart_in_sram(md, addr))
        return md->sram[addr - md->sram_base];
    return rom_byte(md, addr);
}

void mdemu_cart_write8(Mdemu *md, uint32_t addr, uint8_t value)
{
    if (md->eeprom && (addr == md->eeprom->scl_addr || addr == md->eeprom->sda_in_addr)) {
        const MdemuEepromWiring *w = md->eeprom;
        int scl = md->sys.eeprom.scl, sda = md->sys.eeprom.sda_in;
        if (addr == w->scl_addr)
            scl = (value >> w->scl_bit) & 1;
        if (addr == w->sda_in_addr)
            sda = (value >> w->sda_in_bit) & 1;
        mdemu_eeprom_lines(md, scl, sda);
        return;
    }
    if (mdemu_cart_in_sram(md, addr)) {
        if (md->sys.sram_ctrl & 2)
            return;
        if (md->sram[addr - md->sram_base] != value) {
            md->sram[addr - md->sram_base] = value;
            md->sram_dirty = true;
        }
        return;
    }
    mdemu_debug_log(md, "write to cartridge ROM %06X", (unsigned)addr);
}

void mdemu_cart_a130_write(Mdemu *md, uint32_t addr, uint8_t value)
{
    if (md->rom && md->mapper && md->mapper->write_a130(md, addr, value))
        return;
    mdemu_debug_log(md, "write to cartridge register %06X", (unsigned)addr);
}
