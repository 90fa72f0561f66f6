/* mdemu_state.c - save states: a versioned container of tagged sections.
 *
 *   header  "MDEMUSV1" magic, u32 format version, u32 console model,
 *           u32 ROM CRC32, u32 section count, u32 total size
 *   section u32 tag, u32 size, size bytes        (one per chip/board part)
 *   trailer u32 CRC32 of everything before it
 * Integers are little-endian. A state is validated completely before any of
 * it is applied, so a bad state leaves the running emulation untouched. */
#include "mdemu_internal.h"

#include <stdlib.h>
#include <string.h>

#define STATE_MAGIC "MDEMUSV1"
/* 2: the YM2612 state's key, envelope counter and LFO divider fields took
 * their die-level meanings (a version 1 state would load with other ones).
 * 3: the 68000 state holds the refresh periods; the VDP's FIFO keeps its old
 * words and a VRAM word's progress (fill_data's bytes took other meanings);
 * the mixer's levels changed scale. */
#define STATE_VERSION 3u
#define STATE_HEADER_SIZE 28u
#define SECTION_HEADER_SIZE 8u
#define SECTION_COUNT 9u

#define TAG(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

enum { SEC_M68K, SEC_Z80, SEC_VDP, SEC_YM, SEC_PSG, SEC_MIXER, SEC_BOARD, SEC_SRAM, SEC_PICTURE };

/* The picture drawn so far: a state taken mid-frame must finish the same
 * frame on load, and the VDP keeps its frame buffer beside its state. */
typedef struct PictureHeader {
    int32_t width, height;
} PictureHeader;
#define PICTURE_SIZE (sizeof(PictureHeader) + sizeof(((Vdp *)0)->framebuffer))

static const uint32_t section_tags[SECTION_COUNT] = {
    TAG('M', '6', '8', 'K'), TAG('Z', '8', '0', ' '), TAG('V', 'D', 'P', ' '), TAG('Y', 'M', '2', '6'),
    TAG('P', 'S', 'G', ' '), TAG('M', 'I', 'X', 'R'), TAG('B', 'O', 'R', 'D'), TAG('S', 'R', 'A', 'M'),
    TAG('P', 'I', 'C', 'T'),
};

static size_t section_size(const Mdemu *md, unsigned s)
{
    switch (s) {
    case SEC_M68K: return m68k_state_size();
    case SEC_Z80: return z80_state_size();
    case SEC_VDP: return vdp_state_size();
    case SEC_YM: return ym2612_state_size();
    case SEC_PSG: return psg_state_size();
    case SEC_MIXER: return audio_mixer_state_size();
    case SEC_BOARD: return sizeof(MdemuSysState);
    case SEC_PICTURE: return PICTURE_SIZE;
    default: return md->sram_size;
    }
}

/* What must match for a state to fit this console: the region and video
 * standard (the chip options are settings, not state). */
static uint32_t console_model(const Mdemu *md)
{
    return (uint32_t)md->region | (md->pal ? 0x10u : 0);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

size_t mdemu_state_size(const Mdemu *md)
{
    if (!md || !md->rom)
        return 0;
    size_t total = STATE_HEADER_SIZE + 4;
    for (unsigned s = 0; s < SECTION_COUNT; s++)
        total += SECTION_HEADER_SIZE + section_size(md, s);
    return total;
}

MdemuResult mdemu_save_state(const Mdemu *md, void *buf, size_t size)
{
    if (!md || !buf)
        return MDEMU_ERR_ARG;
    if (!md->rom)
        return MDEMU_ERR_NO_ROM;
    size_t total = mdemu_state_size(md);
    if (size < total)
        return MDEMU_ERR_BUFFER;
    uint8_t *p = buf;
    memcpy(p, STATE_MAGIC, 8);
    put32(p + 8, STATE_VERSION);
    put32(p + 12, console_model(md));
    put32(p + 16, md->rom_crc);
    put32(p + 20, SECTION_COUNT);
    put32(p + 24, (uint32_t)total);
    size_t off = STATE_HEADER_SIZE;
    for (unsigned s = 0; s < SECTION_COUNT; s++) {
        size_t n = section_size(md, s);
        put32(p + off, section_tags[s]);
        put32(p + off + 4, (uint32_t)n);
        uint8_t *d = p + off + SECTION_HEADER_SIZE;
        switch (s) {
        case SEC_M68K: m68k_save_state(&md->cpu, d); break;
        case SEC_Z80: z80_save_state(&md->z80, d); break;
        case SEC_VDP: vdp_save_state(&md->vdp, d); break;
        case SEC_YM: ym2612_save_state(&md->ym, d); break;
        case SEC_PSG: psg_save_state(&md->psg, d); break;
        case SEC_MIXER: audio_mixer_save_state(&md->mixer, d); break;
        case SEC_BOARD: memcpy(d, &md->sys, n); break;
        case SEC_PICTURE: {
            PictureHeader h = {md->vdp.fb_width, md->vdp.fb_height};
            memcpy(d, &h, sizeof h);
            memcpy(d + sizeof h, md->vdp.framebuffer, sizeof md->vdp.framebuffer);
            break;
        }
        default: if (n) memcpy(d, md->sram, n); break;
        }
        off += SECTION_HEADER_SIZE + n;
    }
    put32(p + off, mdemu_crc32(p, off));
    return MDEMU_OK;
}

static MdemuResult validate(const Mdemu *md, const uint8_t *p, size_t size)
{
    if (size < STATE_HEADER_SIZE + 4 || memcmp(p, STATE_MAGIC, 8) != 0)
        return MDEMU_ERR_STATE_CORRUPT;
    if (get32(p + 8) != STATE_VERSION)
        return MDEMU_ERR_STATE_VERSION;
    uint32_t total = get32(p + 24);
    if (total != size)
        return MDEMU_ERR_STATE_CORRUPT;
    if (get32(p + size - 4) != mdemu_crc32(p, size - 4))
        return MDEMU_ERR_STATE_CORRUPT;
    if (get32(p + 12) != console_model(md))
        return MDEMU_ERR_STATE_VERSION;
    if (get32(p + 16) != md->rom_crc)
        return MDEMU_ERR_STATE_OTHER_ROM;
    /* Intact but laid out differently: written by a build whose chip
     * states differ from this one's. */
    if (size != mdemu_state_size(md) || get32(p + 20) != SECTION_COUNT)
        return MDEMU_ERR_STATE_VERSION;
    size_t off = STATE_HEADER_SIZE;
    for (unsigned s = 0; s < SECTION_COUNT; s++) {
        size_t n = section_size(md, s);
        if (get32(p + off) != section_tags[s] || get32(p + off + 4) != n)
            return MDEMU_ERR_STATE_VERSION;
        if (s == SEC_PICTURE) {
            PictureHeader h;
            memcpy(&h, p + off + SECTION_HEADER_SIZE, sizeof h);
            if (h.width < 0 || h.width > VDP_MAX_WIDTH || h.height < 0 || h.height > VDP_MAX_HEIGHT)
                return MDEMU_ERR_STATE_CORRUPT;
        }
        off += SECTION_HEADER_SIZE + n;
    }
    return MDEMU_OK;
}

MdemuResult mdemu_load_state(Mdemu *md, const void *buf, size_t size)
{
    if (!md || !buf)
        return MDEMU_ERR_ARG;
    if (!md->rom)
        return MDEMU_ERR_NO_ROM;
    const uint8_t *p = buf;
    MdemuResult r = validate(md, p, size);
    if (r != MDEMU_OK)
        return r;
    size_t off = STATE_HEADER_SIZE;
    for (unsigned s = 0; s < SECTION_COUNT; s++) {
        size_t n = section_size(md, s);
        const uint8_t *d = p + off + SECTION_HEADER_SIZE;
        switch (s) {
        case SEC_M68K: m68k_load_state(&md->cpu, d); break;
        case SEC_Z80: z80_load_state(&md->z80, d); break;
        case SEC_VDP: vdp_load_state(&md->vdp, d); break;
        case SEC_YM: ym2612_load_state(&md->ym, d); break;
        case SEC_PSG: psg_load_state(&md->psg, d); break;
        case SEC_MIXER: audio_mixer_load_state(&md->mixer, d); break;
        case SEC_BOARD: memcpy(&md->sys, d, n); break;
        case SEC_PICTURE: {
            PictureHeader h;
            memcpy(&h, d, sizeof h);
            md->vdp.fb_width = h.width;
            md->vdp.fb_height = h.height;
            memcpy(md->vdp.framebuffer, d + sizeof h, sizeof md->vdp.framebuffer);
            break;
        }
        default:
            if (n && memcmp(md->sram, d, n) != 0) {
                memcpy(md->sram, d, n);
                md->sram_dirty = true;
            }
            break;
        }
        off += SECTION_HEADER_SIZE + n;
    }
    /* Derived configuration: page tables follow the cartridge registers. */
    mdemu_cart_map(md);
    md->audio_frames = 0;
    md->breakpoint_hit = false;
    md->breakpoint_skip = false;
    md->stop_requested = false;
    md->test_exit = -1;
    return MDEMU_OK;
}

MdemuResult mdemu_save_state_file(const Mdemu *md, const char *path, char *err, size_t err_size)
{
    if (!md || !path) {
        mdemu_set_error(err, err_size, path, "invalid argument");
        return MDEMU_ERR_ARG;
    }
    size_t size = mdemu_state_size(md);
    if (!size) {
        mdemu_set_error(err, err_size, path, "no ROM loaded");
        return MDEMU_ERR_NO_ROM;
    }
    uint8_t *buf = malloc(size);
    if (!buf) {
        mdemu_set_error(err, err_size, path, "out of memory");
        return MDEMU_ERR_NOMEM;
    }
    MdemuResult r = mdemu_save_state(md, buf, size);
    char why[160];
    if (r == MDEMU_OK) {
        r = mdemu_write_file_atomic(path, buf, size, why, sizeof why);
        if (r != MDEMU_OK)
            mdemu_set_error(err, err_size, path, "%s", why);
    } else {
        mdemu_set_error(err, err_size, path, "%s", mdemu_result_string(r));
    }
    free(buf);
    return r;
}

MdemuResult mdemu_load_state_file(Mdemu *md, const char *path, char *err, size_t err_size)
{
    if (!md || !path) {
        mdemu_set_error(err, err_size, path, "invalid argument");
        return MDEMU_ERR_ARG;
    }
    if (!md->rom) {
        mdemu_set_error(err, err_size, path, "no ROM loaded");
        return MDEMU_ERR_NO_ROM;
    }
    uint8_t *buf;
    size_t size;
    /* A valid state is exactly mdemu_state_size bytes; read a little more to
     * tell a longer file apart. */
    MdemuResult r = mdemu_read_file(path, &buf, &size, mdemu_state_size(md) + 1024);
    if (r == MDEMU_ERR_TOO_BIG) {
        mdemu_set_error(err, err_size, path, "%s", mdemu_result_string(MDEMU_ERR_STATE_CORRUPT));
        return MDEMU_ERR_STATE_CORRUPT;
    }
    if (r != MDEMU_OK) {
        mdemu_set_error(err, err_size, path, "%s", mdemu_result_string(r));
        return r;
    }
    r = mdemu_load_state(md, buf, size);
    if (r != MDEMU_OK)
        mdemu_set_error(err, err_size, path, "%s", mdemu_result_string(r));
    free(buf);
    return r;
}
