/* headless_test_process.c - fork/exec with captured output, scratch folders. */
#include "headless_test_process.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

uint8_t *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t capacity = 4096, used = 0;
    uint8_t *data = malloc(capacity + 1);
    while (data) {
        used += fread(data + used, 1, capacity - used, f);
        if (used < capacity)
            break;
        capacity *= 2;
        uint8_t *grown = realloc(data, capacity + 1);
        if (!grown) {
            free(data);
            data = NULL;
        } else {
            data = grown;
        }
    }
    fclose(f);
    if (data) {
        data[used] = '\0';
        if (size)
            *size = used;
    }
    return data;
}

bool process_run(const char *const *argv, const char *scratch_dir, ProcessResult *result)
{
    memset(result, 0, sizeof *result);
    char out_path[4096], err_path[4096];
    snprintf(out_path, sizeof out_path, "%s/.stdout", scratch_dir);
    snprintf(err_path, sizeof err_path, "%s/.stderr", scratch_dir);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0 || err < 0)
            _exit(126);
        dup2(out, 1);
        dup2(err, 2);
        close(out);
        close(err);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return false;
    result->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    result->out = (char *)read_file(out_path, NULL);
    result->err = (char *)read_file(err_path, NULL);
    if (!result->out || !result->err) {
        process_result_free(result);
        return false;
    }
    return true;
}

void process_result_free(ProcessResult *result)
{
    free(result->out);
    free(result->err);
    result->out = result->err = NULL;
}

void last_line(const char *text, char *buf, size_t size)
{
    size_t len = strlen(text);
    while (len > 0 && text[len - 1] == '\n')
        len--;
    size_t start = len;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    size_t n = len - start < size - 1 ? len - start : size - 1;
    memcpy(buf, text + start, n);
    buf[n] = '\0';
}

int line_count(const char *text)
{
    int n = 0;
    for (const char *p = text; *p; p++)
        n += *p == '\n';
    return n;
}

bool scratch_dir_create(char *buf, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(buf, size, "%s/mdemu_headless_XXXXXX", tmp && *tmp ? tmp : "/tmp");
    return mkdtemp(buf) != NULL;
}

void remove_tree(const char *path)
{
    DIR *dir = opendir(path);
    if (dir) {
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char child[4096];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            struct stat st;
            if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
                remove_tree(child);
            else
                unlink(child);
        }
        closedir(dir);
        rmdir(path);
    } else {
        unlink(path);
    }
}
