/* roms_test_util.h - what the console-level ROM tests share: the test port's
 * captured output and big-endian reads of the RAM result block. */
#ifndef MDEMU_ROMS_TEST_UTIL_H
#define MDEMU_ROMS_TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define ROMS_PORT_OUTPUT_SIZE 8192

typedef struct PortOutput {
    char text[ROMS_PORT_OUTPUT_SIZE];
    size_t len;
} PortOutput;

/* mdemu_set_test_port's character callback: appends to a PortOutput. */
static inline void collect(void *ctx, int c)
{
    PortOutput *out = ctx;
    if (out->len + 1 < sizeof out->text)
        out->text[out->len++] = (char)c;
    out->text[out->len] = '\0';
}

/* A 32-bit value of 68000 memory (big-endian) at `at`. */
static inline uint32_t ram32(const uint8_t *ram, size_t at)
{
    return ((uint32_t)ram[at] << 24) | ((uint32_t)ram[at + 1] << 16) | ((uint32_t)ram[at + 2] << 8) | ram[at + 3];
}

#endif
