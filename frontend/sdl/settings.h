/* settings.h - desktop app settings: defaults, then mdemu.ini, then the command line. */
#ifndef MDEMU_SDL_SETTINGS_H
#define MDEMU_SDL_SETTINGS_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "mdemu.h"

/* Pad buttons the keyboard can drive, in MDEMU_BTN_* bit order. */
#define SETTINGS_PAD_BUTTONS 12

typedef struct Settings {
    const char *rom_path;        /* NULL: the bundled demo ROM */
    int scale;                   /* initial integer window scale */
    bool aspect_correct;         /* stretch to 4:3 instead of integer scaling */
    bool fullscreen;
    bool vsync;
    uint32_t audio_rate;         /* 48000 or 44100 */
    MdemuRegion region;
    bool tmss;
    bool ym3438;
    bool show_fps;
    long frames;                 /* quit after this many frames (0 = run until closed) */
    const char *replay_keys;     /* file of "FRAME KEYNAME" lines injected as key presses */
    char config_path[1024];
    SDL_Keycode keys[SETTINGS_PAD_BUTTONS];
    SDL_GameControllerButton buttons[SETTINGS_PAD_BUTTONS]; /* game controller button per pad button */
} Settings;

void settings_defaults(Settings *s);
/* Reads the ini file (missing is fine); returns false with a message in err on a bad file. */
bool settings_load_ini(Settings *s, const char *path, char *err, size_t err_size);
/* 0 = go on, 1 = exit 0 (--help/--version printed), 2 = usage error (message printed). */
int settings_parse_args(Settings *s, int argc, char **argv);
void settings_print_help(const Settings *s);
/* "auto", "us", "eu", "jp" (also ntsc/pal); false if unknown. */
bool settings_parse_region(const char *text, MdemuRegion *out);

#endif
