/* headless_test_rom.h - tiny Genesis ROM images for the headless tests:
 * 68000 vectors, a "SEGA MEGA DRIVE" header at $100 and the given code at $200. */
#ifndef MDEMU_HEADLESS_TEST_ROM_H
#define MDEMU_HEADLESS_TEST_ROM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEST_ROM_CODE_START 0x200u

/* Write a 128 KiB ROM to path; with sram, the header declares battery RAM on
 * odd bytes of $200001-$20FFFF. False if the file cannot be written. */
bool test_rom_write(const char *path, const uint8_t *code, size_t code_size, bool sram);

#endif
