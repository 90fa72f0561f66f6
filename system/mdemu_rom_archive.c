/* mdemu_rom_archive.c - ROMs inside .gz (zlib) and .zip (minizip, read from
 * memory through a zlib_filefunc64_def over the buffer). */
#include "mdemu_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>
#include <minizip/unzip.h>

bool mdemu_is_gzip(const uint8_t *data, size_t size)
{
    return size >= 2 && data[0] == 0x1F && data[1] == 0x8B;
}

bool mdemu_is_zip(const uint8_t *data, size_t size)
{
    /* local file header, or the end record alone (an empty archive) */
    return size >= 4 && data[0] == 'P' && data[1] == 'K' &&
           ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

static MdemuResult gunzip(const uint8_t *data, size_t size, uint8_t **out, size_t *out_size,
                          char *why, size_t why_size)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
        snprintf(why, why_size, "cannot start gzip decoder");
        return MDEMU_ERR_NOMEM;
    }
    size_t cap = 1u << 20, len = 0;
    uint8_t *buf = malloc(cap);
    if (!buf) {
        inflateEnd(&zs);
        return MDEMU_ERR_NOMEM;
    }
    zs.next_in = (Bytef *)(uintptr_t)data;
    zs.avail_in = (uInt)(size > 0xFFFFFFFFu ? 0xFFFFFFFFu : size);
    int rc = Z_OK;
    MdemuResult result = MDEMU_OK;
    while (rc != Z_STREAM_END) {
        if (len == cap) {
            if (cap > MDEMU_ROM_MAX_SIZE) {
                snprintf(why, why_size, "decompressed size exceeds 16 MB");
                result = MDEMU_ERR_TOO_BIG;
                break;
            }
            uint8_t *grown = realloc(buf, cap * 2);
            if (!grown) {
                result = MDEMU_ERR_NOMEM;
                break;
            }
            buf = grown;
            cap *= 2;
        }
        zs.next_out = buf + len;
        zs.avail_out = (uInt)(cap - len);
        rc = inflate(&zs, Z_NO_FLUSH);
        len = cap - zs.avail_out;
        if (rc == Z_STREAM_END)
            break;
        if (rc != Z_OK || (zs.avail_in == 0 && zs.avail_out != 0)) {
            snprintf(why, why_size, "broken gzip data (%s)",
                     rc == Z_OK || rc == Z_BUF_ERROR ? "unexpected end" : (zs.msg ? zs.msg : "error"));
            result = MDEMU_ERR_ARCHIVE;
            break;
        }
    }
    inflateEnd(&zs);
    if (result == MDEMU_OK && len > MDEMU_ROM_MAX_SIZE) {
        snprintf(why, why_size, "decompressed size exceeds 16 MB");
        result = MDEMU_ERR_TOO_BIG;
    }
    if (result != MDEMU_OK) {
        free(buf);
        return result;
    }
    *out = buf;
    *out_size = len;
    return MDEMU_OK;
}

/* ---- minizip over a memory buffer --------------------------------------- */

typedef struct MemStream {
    const uint8_t *data;
    size_t size;
    size_t pos;
} MemStream;

static voidpf ZCALLBACK mem_open(voidpf opaque, const void *filename, int mode)
{
    (void)filename;
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
        return NULL;
    MemStream *s = opaque;
    s->pos = 0;
    return s;
}

static uLong ZCALLBACK mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    MemStream *s = stream;
    size_t left = s->size - s->pos;
    size_t n = size < left ? size : left;
    memcpy(buf, s->data + s->pos, n);
    s->pos += n;
    return (uLong)n;
}

static uLong ZCALLBACK mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    (void)opaque;
    (void)stream;
    (void)buf;
    (void)size;
    return 0;
}

static ZPOS64_T ZCALLBACK mem_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((MemStream *)stream)->pos;
}

static long ZCALLBACK mem_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    MemStream *s = stream;
    ZPOS64_T base;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = s->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = s->size; break;
    default: return -1;
    }
    if (offset > s->size - base)
        return -1;
    s->pos = (size_t)(base + offset);
    return 0;
}

static int ZCALLBACK mem_close(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

static int ZCALLBACK mem_error(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

static bool rom_extension(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return false;
    static const char *const exts[] = {".bin", ".md", ".gen", ".smd", ".sg"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(dot, exts[i]) == 0)
            return true;
    return false;
}

static MdemuResult unzip(const uint8_t *data, size_t size, uint8_t **out, size_t *out_size,
                         char *why, size_t why_size)
{
    MemStream stream = {data, size, 0};
    zlib_filefunc64_def ff = {
        .zopen64_file = mem_open,
        .zread_file = mem_read,
        .zwrite_file = mem_write,
        .ztell64_file = mem_tell,
        .zseek64_file = mem_seek,
        .zclose_file = mem_close,
        .zerror_file = mem_error,
        .opaque = &stream,
    };
    unzFile zf = unzOpen2_64("memory.zip", &ff);
    if (!zf) {
        snprintf(why, why_size, "broken zip archive");
        return MDEMU_ERR_ARCHIVE;
    }
    /* Choose the entry with a ROM extension, else the largest file. */
    char name[512];
    unz_file_info64 fi;
    int best_score = -1;
    unz64_file_pos best = {0, 0};
    uint64_t best_size = 0;
    int rc = unzGoToFirstFile(zf);
    while (rc == UNZ_OK) {
        if (unzGetCurrentFileInfo64(zf, &fi, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK)
            break;
        size_t nlen = strlen(name);
        bool is_dir = nlen > 0 && name[nlen - 1] == '/';
        if (!is_dir) {
            int score = rom_extension(name) ? 2 : 1;
            if (score > best_score || (score == best_score && fi.uncompressed_size > best_size)) {
                best_score = score;
                best_size = fi.uncompressed_size;
                unzGetFilePos64(zf, &best);
            }
        }
        rc = unzGoToNextFile(zf);
    }
    if (best_score < 0) {
        unzClose(zf);
        snprintf(why, why_size, rc == UNZ_END_OF_LIST_OF_FILE ? "zip archive holds no file"
                                                              : "broken zip archive");
        return MDEMU_ERR_ARCHIVE;
    }
    if (best_size > MDEMU_ROM_MAX_SIZE) {
        unzClose(zf);
        snprintf(why, why_size, "file in zip is larger than 16 MB");
        return MDEMU_ERR_TOO_BIG;
    }
    if (unzGoToFilePos64(zf, &best) != UNZ_OK || unzOpenCurrentFile(zf) != UNZ_OK) {
        unzClose(zf);
        snprintf(why, why_size, "broken zip archive");
        return MDEMU_ERR_ARCHIVE;
    }
    uint8_t *buf = malloc(best_size ? (size_t)best_size : 1);
    if (!buf) {
        unzCloseCurrentFile(zf);
        unzClose(zf);
        return MDEMU_ERR_NOMEM;
    }
    size_t len = 0;
    int n;
    while (len < best_size &&
           (n = unzReadCurrentFile(zf, buf + len, (unsigned)(best_size - len > 65536 ? 65536 : best_size - len))) > 0)
        len += (size_t)n;
    /* One more read reports end of data or an error; closing checks the CRC. */
    uint8_t extra;
    int tail = unzReadCurrentFile(zf, &extra, 1);
    int crc = unzCloseCurrentFile(zf);
    unzClose(zf);
    if (len != best_size || tail != 0 || crc != UNZ_OK) {
        free(buf);
        snprintf(why, why_size, "broken zip archive (%s)", crc == UNZ_CRCERROR ? "CRC mismatch" : "bad data");
        return MDEMU_ERR_ARCHIVE;
    }
    *out = buf;
    *out_size = len;
    return MDEMU_OK;
}

MdemuResult mdemu_unpack(const uint8_t *data, size_t size, uint8_t **out, size_t *out_size,
                         char *why, size_t why_size)
{
    if (mdemu_is_gzip(data, size))
        return gunzip(data, size, out, out_size, why, why_size);
    if (mdemu_is_zip(data, size))
        return unzip(data, size, out, out_size, why, why_size);
    snprintf(why, why_size, "not an archive");
    return MDEMU_ERR_ARG;
}
