/* headless_test_process.h - run mdemu-headless as a child process and capture
 * its exit code, stdout and stderr; scratch folders for the tests. */
#ifndef MDEMU_HEADLESS_TEST_PROCESS_H
#define MDEMU_HEADLESS_TEST_PROCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ProcessResult {
    int exit_code;   /* -1 when killed by a signal */
    int signal;
    char *out;       /* NUL-terminated captured stdout */
    char *err;       /* NUL-terminated captured stderr */
} ProcessResult;

/* argv[0] is the program path; argv ends with NULL. Output goes through files
 * in scratch_dir. */
bool process_run(const char *const *argv, const char *scratch_dir, ProcessResult *result);
void process_result_free(ProcessResult *result);

/* The last line of text (without newline) into buf. */
void last_line(const char *text, char *buf, size_t size);
/* Number of '\n'-terminated lines. */
int line_count(const char *text);

/* mkdtemp under $TMPDIR or /tmp; remove_tree deletes it again. */
bool scratch_dir_create(char *buf, size_t size);
void remove_tree(const char *path);

/* Read a whole file (NUL-terminated for convenience); NULL if unreadable. */
uint8_t *read_file(const char *path, size_t *size);

#endif
