/* mdemu_file.c - whole-file reads and crash-safe writes (temp file in the
 * same directory, fsync, rename: the old file stays intact until the new one
 * is complete on disk). */
#include "mdemu_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

MdemuResult mdemu_read_file(const char *path, uint8_t **out, size_t *size, size_t limit)
{
    *out = NULL;
    *size = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return MDEMU_ERR_IO;
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return MDEMU_ERR_IO;
    }
    if ((uint64_t)st.st_size > limit) {
        fclose(f);
        return MDEMU_ERR_TOO_BIG;
    }
    size_t want = (size_t)st.st_size;
    uint8_t *buf = malloc(want ? want : 1);
    if (!buf) {
        fclose(f);
        return MDEMU_ERR_NOMEM;
    }
    size_t got = fread(buf, 1, want, f);
    bool failed = ferror(f) != 0;
    fclose(f);
    if (failed || got != want) {
        free(buf);
        return MDEMU_ERR_IO;
    }
    *out = buf;
    *size = want;
    return MDEMU_OK;
}

static bool write_all(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* Make the rename itself durable. */
static void sync_parent_dir(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash) {
        strcpy(dir, ".");
    } else if (slash == path) {
        strcpy(dir, "/");
    } else {
        size_t n = (size_t)(slash - path);
        if (n >= sizeof dir)
            return;
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

MdemuResult mdemu_write_file_atomic(const char *path, const void *data, size_t size,
                                    char *why, size_t why_size)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path) >= (int)sizeof tmp) {
        snprintf(why, why_size, "path too long");
        return MDEMU_ERR_ARG;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(why, why_size, "cannot create temporary file: %s", strerror(errno));
        return MDEMU_ERR_IO;
    }
    bool ok = write_all(fd, data, size);
    int saved_errno = errno;
    if (ok && fsync(fd) != 0) {
        ok = false;
        saved_errno = errno;
    }
    if (close(fd) != 0 && ok) {
        ok = false;
        saved_errno = errno;
    }
    if (ok) {
        /* mkstemp creates 0600; a save file is an ordinary user file. */
        chmod(tmp, 0644);
        if (rename(tmp, path) != 0) {
            ok = false;
            saved_errno = errno;
        }
    }
    if (!ok) {
        unlink(tmp);
        snprintf(why, why_size, "cannot write: %s", strerror(saved_errno));
        return MDEMU_ERR_IO;
    }
    sync_parent_dir(path);
    return MDEMU_OK;
}
