/* settings.c - defaults, mdemu.ini (inih), and the command line for the desktop app. */
#include "settings.h"

#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "paths.h"

static const char *const pad_button_names[SETTINGS_PAD_BUTTONS] = {
    "up", "down", "left", "right", "a", "b", "c", "start", "x", "y", "z", "mode"
};

void settings_defaults(Settings *s)
{
    memset(s, 0, sizeof *s);
    s->scale = 3;
    s->vsync = true;
    s->audio_rate = 48000;
    s->region = MDEMU_REGION_AUTO;
    /* Default keyboard pad: arrows, A/B/C on Z/X/C, X/Y/Z on A/S/D, Start on Return, Mode on Right Shift. */
    const SDL_Keycode defaults[SETTINGS_PAD_BUTTONS] = {
        SDLK_UP, SDLK_DOWN, SDLK_LEFT, SDLK_RIGHT, SDLK_z, SDLK_x, SDLK_c, SDLK_RETURN,
        SDLK_a, SDLK_s, SDLK_d, SDLK_RSHIFT
    };
    memcpy(s->keys, defaults, sizeof defaults);
    /* Same positions as the libretro core's RetroPad mapping: left face A, bottom B, right C,
     * left shoulder X, top Y, right shoulder Z, Back = Mode. */
    const SDL_GameControllerButton pad_defaults[SETTINGS_PAD_BUTTONS] = {
        SDL_CONTROLLER_BUTTON_DPAD_UP, SDL_CONTROLLER_BUTTON_DPAD_DOWN, SDL_CONTROLLER_BUTTON_DPAD_LEFT,
        SDL_CONTROLLER_BUTTON_DPAD_RIGHT, SDL_CONTROLLER_BUTTON_X, SDL_CONTROLLER_BUTTON_A,
        SDL_CONTROLLER_BUTTON_B, SDL_CONTROLLER_BUTTON_START, SDL_CONTROLLER_BUTTON_LEFTSHOULDER,
        SDL_CONTROLLER_BUTTON_Y, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, SDL_CONTROLLER_BUTTON_BACK
    };
    memcpy(s->buttons, pad_defaults, sizeof pad_defaults);
    paths_config_file(s->config_path, sizeof s->config_path);
}

bool settings_parse_region(const char *text, MdemuRegion *out)
{
    if (!strcasecmp(text, "auto")) *out = MDEMU_REGION_AUTO;
    else if (!strcasecmp(text, "us") || !strcasecmp(text, "ntsc")) *out = MDEMU_REGION_US;
    else if (!strcasecmp(text, "eu") || !strcasecmp(text, "pal")) *out = MDEMU_REGION_EU;
    else if (!strcasecmp(text, "jp")) *out = MDEMU_REGION_JP;
    else return false;
    return true;
}

static bool parse_bool(const char *v, bool *out)
{
    if (!strcasecmp(v, "1") || !strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on")) *out = true;
    else if (!strcasecmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcasecmp(v, "off")) *out = false;
    else return false;
    return true;
}

static bool parse_rate(const char *v, uint32_t *out)
{
    long r = strtol(v, NULL, 10);
    if (r != 44100 && r != 48000) return false;
    *out = (uint32_t)r;
    return true;
}

typedef struct IniContext {
    Settings *s;
    char *err;
    size_t err_size;
    bool failed;
} IniContext;

static int ini_entry(void *user, const char *section, const char *name, const char *value)
{
    IniContext *ctx = user;
    Settings *s = ctx->s;
    bool ok = true;
    if (!strcasecmp(section, "video")) {
        if (!strcasecmp(name, "scale")) { s->scale = atoi(value); ok = s->scale >= 1 && s->scale <= 16; }
        else if (!strcasecmp(name, "aspect_correct")) ok = parse_bool(value, &s->aspect_correct);
        else if (!strcasecmp(name, "fullscreen")) ok = parse_bool(value, &s->fullscreen);
        else if (!strcasecmp(name, "vsync")) ok = parse_bool(value, &s->vsync);
        else if (!strcasecmp(name, "show_fps")) ok = parse_bool(value, &s->show_fps);
        else ok = false;
    } else if (!strcasecmp(section, "audio")) {
        if (!strcasecmp(name, "rate")) ok = parse_rate(value, &s->audio_rate);
        else ok = false;
    } else if (!strcasecmp(section, "system")) {
        if (!strcasecmp(name, "region")) ok = settings_parse_region(value, &s->region);
        else if (!strcasecmp(name, "tmss")) ok = parse_bool(value, &s->tmss);
        else if (!strcasecmp(name, "model")) {
            if (!strcasecmp(value, "ym2612")) s->ym3438 = false;
            else if (!strcasecmp(value, "ym3438")) s->ym3438 = true;
            else ok = false;
        } else ok = false;
    } else if (!strcasecmp(section, "keys")) {
        ok = false;
        for (int i = 0; i < SETTINGS_PAD_BUTTONS; i++) {
            if (!strcasecmp(name, pad_button_names[i])) {
                SDL_Keycode k = SDL_GetKeyFromName(value);
                if (k != SDLK_UNKNOWN) { s->keys[i] = k; ok = true; }
            }
        }
    } else if (!strcasecmp(section, "controller")) {
        ok = false;
        for (int i = 0; i < SETTINGS_PAD_BUTTONS; i++) {
            if (!strcasecmp(name, pad_button_names[i])) {
                SDL_GameControllerButton b = SDL_GameControllerGetButtonFromString(value);
                if (b != SDL_CONTROLLER_BUTTON_INVALID) { s->buttons[i] = b; ok = true; }
            }
        }
    } else {
        ok = false;
    }
    if (!ok && !ctx->failed) {
        ctx->failed = true;
        snprintf(ctx->err, ctx->err_size, "[%s] %s = %s is not a valid setting", section, name, value);
    }
    return 1;
}

bool settings_load_ini(Settings *s, const char *path, char *err, size_t err_size)
{
    FILE *f = fopen(path, "r");
    if (!f) return true; /* no config file: defaults */
    IniContext ctx = { s, err, err_size, false };
    int line = ini_parse_file(f, ini_entry, &ctx);
    fclose(f);
    if (line > 0) {
        snprintf(err, err_size, "%s: syntax error on line %d", path, line);
        return false;
    }
    if (ctx.failed) {
        char detail[256];
        snprintf(detail, sizeof detail, "%s", err);
        snprintf(err, err_size, "%s: %s", path, detail);
        return false;
    }
    return true;
}

void settings_print_help(const Settings *s)
{
    printf("Usage: mdemu [options] [ROM]\n"
           "Sega Genesis / Mega Drive emulator. Without ROM it runs the bundled demo ROM.\n"
           "ROM formats: .bin .md .gen .smd, or one of these inside .zip or .gz.\n\n"
           "Options:\n"
           "  --scale N          integer window scale (default 3)\n"
           "  --aspect           aspect-correct (4:3) scaling instead of integer scaling\n"
           "  --fullscreen       start in fullscreen\n"
           "  --no-vsync         do not wait for the display's vertical blank\n"
           "  --rate HZ          audio rate: 48000 (default) or 44100\n"
           "  --region R         auto (default), us, eu, jp (ntsc = us, pal = eu)\n"
           "  --tmss             emulate the TMSS lock-out of later models\n"
           "  --ym3438           integrated YM3438 sound (no DAC ladder effect)\n"
           "  --fps              show frames per second\n"
           "  --frames N         quit after N frames (for scripted runs)\n"
           "  --replay-keys FILE press keys at given frames: lines \"FRAME KEYNAME\" (SDL key names)\n"
           "  --config FILE      settings file (default %s)\n"
           "  --help, --version\n\n"
           "Pad 1 keys (remap in [keys] of the config file):\n"
           "  D-pad %s/%s/%s/%s  A %s  B %s  C %s  Start %s  X %s  Y %s  Z %s  Mode %s\n"
           "  Game controllers (two players, hot-plug; remap in [controller]): D-pad or left stick,\n"
           "  X/A/B = A/B/C, Start, LB/Y/RB = X/Y/Z, Back = Mode\n\n"
           "Hotkeys:\n"
           "  Esc quit   P pause   N frame advance (paused)   Tab fast-forward (hold)\n"
           "  F1 soft reset   Shift+F1 hard reset   F5 save state   F7 load state\n"
           "  0-9 select state slot   F9 debug overlay (68000/Z80 registers)   F10 FPS\n"
           "  F11 or Alt+Enter fullscreen   F12 screenshot (PNG)\n\n"
           "Files: save states and SRAM in $XDG_DATA_HOME/mdemu (~/.local/share/mdemu),\n"
           "screenshots in its screenshots/ folder.\n",
           s->config_path,
           SDL_GetKeyName(s->keys[0]), SDL_GetKeyName(s->keys[1]), SDL_GetKeyName(s->keys[2]),
           SDL_GetKeyName(s->keys[3]), SDL_GetKeyName(s->keys[4]), SDL_GetKeyName(s->keys[5]),
           SDL_GetKeyName(s->keys[6]), SDL_GetKeyName(s->keys[7]), SDL_GetKeyName(s->keys[8]),
           SDL_GetKeyName(s->keys[9]), SDL_GetKeyName(s->keys[10]), SDL_GetKeyName(s->keys[11]));
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "mdemu: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see mdemu --help)\n");
    return 2;
}

int settings_parse_args(Settings *s, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { settings_print_help(s); return 1; }
        if (!strcmp(a, "--version")) { printf("mdemu %s\n", MDEMU_VERSION); return 1; }
        if (!strcmp(a, "--aspect")) { s->aspect_correct = true; continue; }
        if (!strcmp(a, "--fullscreen")) { s->fullscreen = true; continue; }
        if (!strcmp(a, "--no-vsync")) { s->vsync = false; continue; }
        if (!strcmp(a, "--tmss")) { s->tmss = true; continue; }
        if (!strcmp(a, "--ym3438")) { s->ym3438 = true; continue; }
        if (!strcmp(a, "--fps")) { s->show_fps = true; continue; }
        bool takes_value = !strcmp(a, "--scale") || !strcmp(a, "--rate") || !strcmp(a, "--region") ||
                           !strcmp(a, "--frames") || !strcmp(a, "--replay-keys") || !strcmp(a, "--config");
        if (takes_value) {
            if (!next) return usage_error("option %s needs a value", a);
            i++;
            if (!strcmp(a, "--scale")) {
                s->scale = atoi(next);
                if (s->scale < 1 || s->scale > 16) return usage_error("bad --scale '%s' (1..16)", next);
            } else if (!strcmp(a, "--rate")) {
                if (!parse_rate(next, &s->audio_rate)) return usage_error("bad --rate '%s' (48000 or 44100)", next);
            } else if (!strcmp(a, "--region")) {
                if (!settings_parse_region(next, &s->region)) return usage_error("bad --region '%s'", next);
            } else if (!strcmp(a, "--frames")) {
                char *end;
                s->frames = strtol(next, &end, 10);
                if (*end || s->frames < 1) return usage_error("bad --frames '%s'", next);
            } else if (!strcmp(a, "--replay-keys")) {
                s->replay_keys = next;
            } else {
                snprintf(s->config_path, sizeof s->config_path, "%s", next);
            }
            continue;
        }
        if (a[0] == '-' && a[1]) return usage_error("unknown option '%s'", a);
        if (s->rom_path) return usage_error("more than one ROM given ('%s')", a);
        s->rom_path = a;
    }
    return 0;
}
