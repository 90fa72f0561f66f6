/* replay.c - scripted key presses for tests and demos of the desktop app. */
#include "replay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool replay_load(Replay *r, const char *path, char *err, size_t err_size)
{
    memset(r, 0, sizeof *r);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, err_size, "%s: cannot open key replay file", path);
        return false;
    }
    char line[256];
    int line_no = 0;
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        line_no++;
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        long frame;
        char name[64];
        int n = sscanf(line, "%ld %63s", &frame, name);
        if (n <= 0) continue;
        SDL_Keymod mod = KMOD_NONE;
        const char *key_name = name;
        /* "Shift+F1" style modifiers. */
        if (!strncmp(key_name, "Shift+", 6)) { mod = KMOD_LSHIFT; key_name += 6; }
        else if (!strncmp(key_name, "Alt+", 4)) { mod = KMOD_LALT; key_name += 4; }
        SDL_Keycode key = n == 2 ? SDL_GetKeyFromName(key_name) : SDLK_UNKNOWN;
        if (n != 2 || frame < 0 || key == SDLK_UNKNOWN) {
            snprintf(err, err_size, "%s:%d: expected \"FRAME KEYNAME\"", path, line_no);
            fclose(f);
            replay_free(r);
            return false;
        }
        if (r->count == cap) {
            cap = cap ? cap * 2 : 16;
            ReplayKey *grown = realloc(r->keys, cap * sizeof *grown);
            if (!grown) {
                snprintf(err, err_size, "%s: out of memory", path);
                fclose(f);
                replay_free(r);
                return false;
            }
            r->keys = grown;
        }
        r->keys[r->count++] = (ReplayKey){ frame, key, mod };
    }
    fclose(f);
    return true;
}

static void push_key(Uint32 type, SDL_Keycode key, SDL_Keymod mod)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    ev.key.keysym.sym = key;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    ev.key.keysym.mod = (Uint16)mod;
    SDL_PushEvent(&ev);
}

void replay_push_due(Replay *r, long frame)
{
    /* Held for one whole frame, so pad buttons are seen by the game too. */
    for (size_t i = 0; i < r->count; i++) {
        if (r->keys[i].frame == frame) push_key(SDL_KEYDOWN, r->keys[i].key, r->keys[i].mod);
        if (r->keys[i].frame + 1 == frame) push_key(SDL_KEYUP, r->keys[i].key, r->keys[i].mod);
    }
}

void replay_free(Replay *r)
{
    free(r->keys);
    memset(r, 0, sizeof *r);
}
