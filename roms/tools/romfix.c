/* romfix - finishes a raw Genesis ROM image produced by objcopy: pads it to
 * an even size, writes the last ROM address at 0x1A4 and the checksum word
 * at 0x18E (16-bit sum of the big-endian words from 0x200 to the end, as
 * the header's checksum field is defined in Sega's Genesis Software Manual).
 * Usage: romfix IN OUT   (IN and OUT may be the same file). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { HEADER_END = 0x200, CHECKSUM_AT = 0x18E, ROM_END_AT = 0x1A4, MAX_ROM = 0x400000 };

static uint16_t rom_checksum(const uint8_t *rom, size_t size)
{
    uint16_t sum = 0;
    for (size_t i = HEADER_END; i + 1 < size; i += 2)
        sum = (uint16_t)(sum + ((rom[i] << 8) | rom[i + 1]));
    return sum;
}

static int fail(const char *what, const char *path)
{
    fprintf(stderr, "romfix: %s: %s\n", path, what);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: romfix IN.bin OUT.bin\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in)
        return fail("cannot open", argv[1]);
    uint8_t *rom = calloc(MAX_ROM + 1, 1);
    if (!rom) {
        fclose(in);
        return fail("out of memory", argv[1]);
    }
    size_t size = fread(rom, 1, MAX_ROM + 1, in);
    int read_error = ferror(in);
    fclose(in);
    if (read_error || size > MAX_ROM || size < HEADER_END) {
        free(rom);
        return fail(read_error ? "read error" : size > MAX_ROM ? "larger than 4 MiB"
                                                               : "smaller than the 0x200-byte header",
                    argv[1]);
    }
    size += size & 1; /* the pad byte is already zero */

    uint32_t last = (uint32_t)size - 1;
    rom[ROM_END_AT + 0] = (uint8_t)(last >> 24);
    rom[ROM_END_AT + 1] = (uint8_t)(last >> 16);
    rom[ROM_END_AT + 2] = (uint8_t)(last >> 8);
    rom[ROM_END_AT + 3] = (uint8_t)last;
    uint16_t sum = rom_checksum(rom, size);
    rom[CHECKSUM_AT + 0] = (uint8_t)(sum >> 8);
    rom[CHECKSUM_AT + 1] = (uint8_t)sum;

    FILE *out = fopen(argv[2], "wb");
    if (!out) {
        free(rom);
        return fail("cannot create", argv[2]);
    }
    int ok = fwrite(rom, 1, size, out) == size;
    ok = (fclose(out) == 0) && ok;
    free(rom);
    return ok ? 0 : fail("write error", argv[2]);
}
