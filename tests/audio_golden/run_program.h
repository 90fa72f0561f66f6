/* run_program.h - runs a program and captures its standard output. */
#ifndef AUDIO_GOLDEN_RUN_PROGRAM_H
#define AUDIO_GOLDEN_RUN_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ProgramOutput {
    char *out;      /* standard output, NUL-terminated; free() */
    int exit_code;  /* -1 when killed by a signal */
} ProgramOutput;

/* argv[0] is the program's path; argv ends with NULL. Standard error is
 * passed through so a failing run explains itself in the test log. */
bool run_program(const char *const *argv, ProgramOutput *result, char *err, size_t err_size);

#endif
