/* atomic_file.c - temp file + fsync + rename. */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

static void release(AtomicFile *af)
{
    free(af->path);
    free(af->temp_path);
    af->path = NULL;
    af->temp_path = NULL;
    af->file = NULL;
}

bool atomic_file_open(AtomicFile *af, const char *path, char *err, size_t err_size)
{
    memset(af, 0, sizeof *af);
    size_t n = strlen(path);
    af->path = dup_string(path);
    af->temp_path = malloc(n + sizeof ".tmp-XXXXXX");
    if (!af->path || !af->temp_path) {
        snprintf(err, err_size, "%s: out of memory", path);
        release(af);
        return false;
    }
    memcpy(af->temp_path, path, n);
    memcpy(af->temp_path + n, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
    int fd = mkstemp(af->temp_path);
    if (fd < 0) {
        snprintf(err, err_size, "%s: cannot create: %s", path, strerror(errno));
        release(af);
        return false;
    }
    /* mkstemp makes the file private; a saved file gets the usual mode. */
    fchmod(fd, 0644);
    af->file = fdopen(fd, "wb");
    if (!af->file) {
        snprintf(err, err_size, "%s: cannot open: %s", path, strerror(errno));
        close(fd);
        unlink(af->temp_path);
        release(af);
        return false;
    }
    return true;
}

void atomic_file_abort(AtomicFile *af)
{
    if (af->file)
        fclose(af->file);
    if (af->temp_path)
        unlink(af->temp_path);
    release(af);
}

bool atomic_file_commit(AtomicFile *af, char *err, size_t err_size)
{
    int failed_errno = 0;
    if (fflush(af->file) != 0 || ferror(af->file))
        failed_errno = errno ? errno : EIO;
    else if (fsync(fileno(af->file)) != 0)
        failed_errno = errno;
    if (fclose(af->file) != 0 && !failed_errno)
        failed_errno = errno;
    af->file = NULL;
    if (!failed_errno && rename(af->temp_path, af->path) != 0)
        failed_errno = errno;
    if (failed_errno) {
        snprintf(err, err_size, "%s: cannot write: %s", af->path, strerror(failed_errno));
        unlink(af->temp_path);
        release(af);
        return false;
    }
    /* Make the rename itself durable. */
    char *slash = strrchr(af->path, '/');
    const char *dir = ".";
    if (slash) {
        *slash = '\0';
        dir = slash == af->path ? "/" : af->path;
    }
    int dfd = open(dir, O_RDONLY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    release(af);
    return true;
}

bool atomic_file_write(const char *path, const void *data, size_t size, char *err, size_t err_size)
{
    AtomicFile af;
    if (!atomic_file_open(&af, path, err, err_size))
        return false;
    if (size && fwrite(data, 1, size, af.file) != size) {
        snprintf(err, err_size, "%s: cannot write: %s", path, strerror(errno));
        atomic_file_abort(&af);
        return false;
    }
    return atomic_file_commit(&af, err, err_size);
}
