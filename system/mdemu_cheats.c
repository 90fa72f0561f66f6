/* mdemu_cheats.c - Game Genie and raw "AAAAAA:VVVV" codes.
 *
 * Genesis Game Genie (Galoob, 1993): 8 characters from the alphabet
 * ABCDEFGHJKLMNPRSTVWXYZ0123456789, 5 bits each, 40 bits holding a 24-bit
 * address and a 16-bit value in a scrambled order (conversion method
 * published by Merlyn LeRoy on video game newsgroups; worked example:
 * SCRA-BJX0 = value 0x5478 at 0x009C76).
 * ROM codes patch the ROM word (restored when cleared); RAM codes force the
 * word in work RAM at the start of every scheduler slice (about a line). */
#include "mdemu_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char gg_alphabet[] = "ABCDEFGHJKLMNPRSTVWXYZ0123456789";

static bool decode_game_genie(const char *code, uint32_t *addr, uint16_t *value)
{
    uint64_t bits = 0;
    int count = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '-')
            continue;
        const char *hit = strchr(gg_alphabet, toupper((unsigned char)*p));
        if (!hit || !*p)
            return false;
        bits = bits << 5 | (uint64_t)(hit - gg_alphabet);
        count++;
    }
    if (count != 8)
        return false;
    /* 40 bits, most significant first: ijklmnop IJKLMNOP ABCDEFGH defghabc QRSTUVWX
     * where the address is ABCDEFGH IJKLMNOP QRSTUVWX and the value
     * abcdefgh ijklmnop. */
    uint32_t b0 = (uint32_t)(bits >> 32) & 0xFF; /* value bits 7..0 */
    uint32_t b1 = (uint32_t)(bits >> 24) & 0xFF; /* address bits 15..8 */
    uint32_t b2 = (uint32_t)(bits >> 16) & 0xFF; /* address bits 23..16 */
    uint32_t b3 = (uint32_t)(bits >> 8) & 0xFF;  /* value bits 12..8 (defgh), 15..13 (abc) */
    uint32_t b4 = (uint32_t)bits & 0xFF;         /* address bits 7..0 */
    *addr = b2 << 16 | b1 << 8 | b4;
    uint32_t high = ((b3 & 0x07) << 5) | (b3 >> 3);
    *value = (uint16_t)(high << 8 | b0);
    return true;
}

static bool decode_raw(const char *code, uint32_t *addr, uint16_t *value)
{
    char *end;
    unsigned long a = strtoul(code, &end, 16);
    if (end == code || *end != ':')
        return false;
    const char *v = end + 1;
    unsigned long val = strtoul(v, &end, 16);
    if (end == v || *end != '\0' || a > 0xFFFFFF || val > 0xFFFF)
        return false;
    *addr = (uint32_t)a;
    *value = (uint16_t)val;
    return true;
}

bool mdemu_cheat_add(Mdemu *md, const char *code)
{
    if (!md || !code || md->cheat_count >= MDEMU_MAX_CHEATS)
        return false;
    while (isspace((unsigned char)*code))
        code++;
    char clean[32];
    size_t n = strlen(code);
    while (n > 0 && isspace((unsigned char)code[n - 1]))
        n--;
    if (n == 0 || n >= sizeof clean)
        return false;
    memcpy(clean, code, n);
    clean[n] = '\0';

    uint32_t addr;
    uint16_t value;
    if (!decode_raw(clean, &addr, &value) && !decode_game_genie(clean, &addr, &value))
        return false;
    addr &= 0xFFFFFE;
    MdemuCheat *c = &md->cheats[md->cheat_count];
    c->addr = addr;
    c->value = value;
    c->is_rom = addr < 0x400000;
    if (c->is_rom) {
        if (!md->rom || addr + 1 >= md->rom_alloc)
            return false;
        c->original = (uint16_t)(md->rom[addr] << 8 | md->rom[addr + 1]);
        md->rom[addr] = (uint8_t)(value >> 8);
        md->rom[addr + 1] = (uint8_t)value;
    } else if (addr < 0xE00000) {
        return false; /* only ROM and work RAM can be patched */
    }
    md->cheat_count++;
    return true;
}

void mdemu_cheats_clear(Mdemu *md)
{
    /* Undo ROM patches newest first so stacked patches restore correctly. */
    for (int i = md->cheat_count - 1; i >= 0; i--) {
        const MdemuCheat *c = &md->cheats[i];
        if (c->is_rom && md->rom) {
            md->rom[c->addr] = (uint8_t)(c->original >> 8);
            md->rom[c->addr + 1] = (uint8_t)c->original;
        }
    }
    md->cheat_count = 0;
}

void mdemu_cheats_apply_ram(Mdemu *md)
{
    for (int i = 0; i < md->cheat_count; i++) {
        const MdemuCheat *c = &md->cheats[i];
        if (!c->is_rom) {
            md->sys.work_ram[c->addr & 0xFFFF] = (uint8_t)(c->value >> 8);
            md->sys.work_ram[(c->addr & 0xFFFF) + 1] = (uint8_t)c->value;
        }
    }
}
