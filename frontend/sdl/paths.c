/* paths.c - XDG per-user folders. */
#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void base_dir(const char *xdg_var, const char *home_suffix, char *out, size_t size)
{
    const char *xdg = getenv(xdg_var);
    if (xdg && *xdg) {
        snprintf(out, size, "%s", xdg);
        return;
    }
    const char *home = getenv("HOME");
    snprintf(out, size, "%s/%s", home && *home ? home : ".", home_suffix);
}

void paths_config_file(char *out, size_t size)
{
    char base[768];
    base_dir("XDG_CONFIG_HOME", ".config", base, sizeof base);
    snprintf(out, size, "%s/mdemu/mdemu.ini", base);
}

/* mkdir -p for the folders we own. */
static bool make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int rc = mkdir(path, 0755);
        *p = '/';
        if (rc != 0 && errno != EEXIST) return false;
    }
    return mkdir(path, 0755) == 0 || errno == EEXIST;
}

bool paths_data_dir(char *out, size_t size)
{
    char base[768];
    base_dir("XDG_DATA_HOME", ".local/share", base, sizeof base);
    snprintf(out, size, "%s/mdemu", base);
    return make_dirs(out);
}

static void rom_base_name(const char *rom_path, char *out, size_t size)
{
    const char *slash = strrchr(rom_path, '/');
    const char *name = slash ? slash + 1 : rom_path;
    snprintf(out, size, "%s", name);
    char *dot = strrchr(out, '.');
    if (dot && dot != out) *dot = '\0';
}

bool paths_rom_file(const char *rom_path, const char *suffix, char *out, size_t size)
{
    char dir[900], name[256];
    if (!paths_data_dir(dir, sizeof dir)) return false;
    rom_base_name(rom_path, name, sizeof name);
    return snprintf(out, size, "%s/%s%s", dir, name, suffix) < (int)size;
}

bool paths_screenshot(const char *rom_path, char *out, size_t size)
{
    char dir[900], name[256];
    if (!paths_data_dir(dir, sizeof dir)) return false;
    size_t len = strlen(dir);
    snprintf(dir + len, sizeof dir - len, "/screenshots");
    if (!make_dirs(dir)) return false;
    rom_base_name(rom_path, name, sizeof name);
    for (int n = 1; n < 100000; n++) {
        snprintf(out, size, "%s/%s-%04d.png", dir, name, n);
        if (access(out, F_OK) != 0) return true;
    }
    return false;
}
