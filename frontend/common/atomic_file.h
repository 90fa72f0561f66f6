/* atomic_file.h - replace a file atomically: write a temporary file beside it,
 * fsync, then rename over the target, so a crash never leaves a torn file. */
#ifndef MDEMU_ATOMIC_FILE_H
#define MDEMU_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A file being written; nothing is visible at `path` until atomic_file_commit. */
typedef struct AtomicFile {
    FILE *file;         /* write through this */
    char *path;         /* final name */
    char *temp_path;    /* temporary name beside it */
} AtomicFile;

/* Open a temporary file in the target's folder. On failure returns false and
 * writes a one-line reason naming the file into err. */
bool atomic_file_open(AtomicFile *af, const char *path, char *err, size_t err_size);
/* Flush, fsync, close and rename over the target. False (with err) on any
 * failure, in which case the temporary file is removed and the target untouched. */
bool atomic_file_commit(AtomicFile *af, char *err, size_t err_size);
/* Give up: close and remove the temporary file. */
void atomic_file_abort(AtomicFile *af);

/* Whole-buffer convenience: open, write, commit. */
bool atomic_file_write(const char *path, const void *data, size_t size, char *err, size_t err_size);

#ifdef __cplusplus
}
#endif
#endif
