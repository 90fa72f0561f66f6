/* run_program.c - fork/exec with a pipe for standard output (POSIX). */
#include "run_program.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

bool run_program(const char *const *argv, ProgramOutput *result, char *err, size_t err_size)
{
    result->out = NULL;
    result->exit_code = -1;
    int fds[2];
    if (pipe(fds) != 0) {
        snprintf(err, err_size, "pipe: %s", strerror(errno));
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, err_size, "fork: %s", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], (char *const *)argv);
        fprintf(stderr, "%s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    size_t used = 0, cap = 4096;
    char *buf = malloc(cap);
    bool ok = buf != NULL;
    for (;;) {
        if (ok && used + 1 >= cap) {
            char *grown = realloc(buf, cap * 2);
            if (grown) {
                buf = grown;
                cap *= 2;
            } else {
                ok = false;
            }
        }
        char sink[4096];
        char *dst = ok ? buf + used : sink;
        size_t room = ok ? cap - used - 1 : sizeof sink;
        ssize_t n = read(fds[0], dst, room);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (ok)
            used += (size_t)n;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!ok) {
        free(buf);
        snprintf(err, err_size, "out of memory reading %s's output", argv[0]);
        return false;
    }
    buf[used] = '\0';
    result->out = buf;
    result->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return true;
}
