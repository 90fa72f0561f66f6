/* app.h - the desktop app's main loop. */
#ifndef MDEMU_SDL_APP_H
#define MDEMU_SDL_APP_H

#include "settings.h"

/* Runs until the window closes (or --frames is reached). Returns the exit code. */
int app_run(const Settings *settings);

#endif
