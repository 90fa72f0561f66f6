/* mdemu_result.c - human-readable text for MdemuResult codes. */
#include "mdemu.h"

const char *mdemu_result_string(MdemuResult r)
{
    switch (r) {
    case MDEMU_OK: return "ok";
    case MDEMU_ERR_IO: return "cannot read file";
    case MDEMU_ERR_EMPTY: return "file is empty";
    case MDEMU_ERR_TRUNCATED: return "file is truncated";
    case MDEMU_ERR_TOO_BIG: return "file is too large for a cartridge";
    case MDEMU_ERR_NOT_ROM: return "not a Genesis/Mega Drive ROM";
    case MDEMU_ERR_ARCHIVE: return "broken archive or no ROM inside";
    case MDEMU_ERR_NOMEM: return "out of memory";
    case MDEMU_ERR_NO_ROM: return "no ROM loaded";
    case MDEMU_ERR_STATE_CORRUPT: return "save state is corrupt";
    case MDEMU_ERR_STATE_VERSION: return "save state is from another version or console model";
    case MDEMU_ERR_STATE_OTHER_ROM: return "save state belongs to another ROM";
    case MDEMU_ERR_BUFFER: return "buffer too small";
    case MDEMU_ERR_ARG: return "invalid argument";
    }
    return "unknown error";
}
