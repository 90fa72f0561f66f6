/* replay.h - scripted key presses ("FRAME KEYNAME" lines) for reproducible desktop-app runs. */
#ifndef MDEMU_SDL_REPLAY_H
#define MDEMU_SDL_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

typedef struct ReplayKey {
    long frame;
    SDL_Keycode key;
    SDL_Keymod mod;
} ReplayKey;

typedef struct Replay {
    ReplayKey *keys;
    size_t count, next;
} Replay;

bool replay_load(Replay *r, const char *path, char *err, size_t err_size);
/* Pushes key-down events for keys due at `frame` and key-up for those due the frame before. */
void replay_push_due(Replay *r, long frame);
void replay_free(Replay *r);

#endif
