/* main.c - mdemu, the SDL2 desktop app: window, sound, pads, hotkeys.
 * Thin: all emulation is behind mdemu.h. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "paths.h"
#include "settings.h"

int main(int argc, char **argv)
{
    Settings settings;
    settings_defaults(&settings);
    /* --config must be known before the file is read; the command line then overrides the file. */
    for (int i = 1; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--config")) snprintf(settings.config_path, sizeof settings.config_path, "%s", argv[i + 1]);
    char err[512];
    if (!settings_load_ini(&settings, settings.config_path, err, sizeof err)) {
        fprintf(stderr, "mdemu: %s\n", err);
        return 2;
    }
    int rc = settings_parse_args(&settings, argc, argv);
    if (rc == 1) return 0;
    if (rc != 0) return 2;
    return app_run(&settings);
}
