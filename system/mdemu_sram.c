/* mdemu_sram.c - battery save memory and its file. The file is the raw
 * save memory (SRAM range or EEPROM bytes); writes are atomic. */
#include "mdemu_internal.h"

#include <stdlib.h>
#include <string.h>

uint8_t *mdemu_sram(Mdemu *md, size_t *size)
{
    if (size)
        *size = md->sram ? md->sram_size : 0;
    return md->sram;
}

bool mdemu_sram_dirty(const Mdemu *md) { return md->sram_dirty; }

MdemuResult mdemu_sram_load_file(Mdemu *md, const char *path, char *err, size_t err_size)
{
    if (!md || !path) {
        mdemu_set_error(err, err_size, path, "invalid argument");
        return MDEMU_ERR_ARG;
    }
    if (!md->rom) {
        mdemu_set_error(err, err_size, path, "no ROM loaded");
        return MDEMU_ERR_NO_ROM;
    }
    if (!md->sram)
        return MDEMU_OK;
    uint8_t *data;
    size_t size;
    MdemuResult r = mdemu_read_file(path, &data, &size, 16u * 1024u * 1024u);
    if (r == MDEMU_ERR_IO) {
        FILE *probe = fopen(path, "rb");
        if (!probe)
            return MDEMU_OK; /* no save yet */
        fclose(probe);
    }
    if (r != MDEMU_OK) {
        mdemu_set_error(err, err_size, path, "%s", mdemu_result_string(r));
        return r;
    }
    /* A shorter file (older layout, other emulator) fills what it covers. */
    memset(md->sram, 0xFF, md->sram_size);
    memcpy(md->sram, data, size < md->sram_size ? size : md->sram_size);
    free(data);
    md->sram_dirty = false;
    return MDEMU_OK;
}

MdemuResult mdemu_sram_save_file(Mdemu *md, const char *path, char *err, size_t err_size)
{
    if (!md || !path) {
        mdemu_set_error(err, err_size, path, "invalid argument");
        return MDEMU_ERR_ARG;
    }
    if (!md->sram)
        return MDEMU_OK;
    char why[160];
    MdemuResult r = mdemu_write_file_atomic(path, md->sram, md->sram_size, why, sizeof why);
    if (r != MDEMU_OK) {
        mdemu_set_error(err, err_size, path, "%s", why);
        return r;
    }
    md->sram_dirty = false;
    return MDEMU_OK;
}
