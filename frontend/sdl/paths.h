/* paths.h - per-user folders (XDG) for config, save states, SRAM and screenshots. */
#ifndef MDEMU_SDL_PATHS_H
#define MDEMU_SDL_PATHS_H

#include <stdbool.h>
#include <stddef.h>

void paths_config_file(char *out, size_t size);          /* $XDG_CONFIG_HOME/mdemu/mdemu.ini */
bool paths_data_dir(char *out, size_t size);             /* $XDG_DATA_HOME/mdemu, created */
/* <data dir>/<rom base name><suffix>, e.g. suffix ".srm" or ".state3". */
bool paths_rom_file(const char *rom_path, const char *suffix, char *out, size_t size);
bool paths_screenshot(const char *rom_path, char *out, size_t size); /* unused numbered name */

#endif
