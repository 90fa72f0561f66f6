/* app.c - the desktop app's loop: events, pads, pacing by the audio clock,
 * picture with on-screen text, save states, SRAM and screenshots. */
#include "app.h"

#include <SDL.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio_drc.h"
#include "demo_rom.h"
#include "mdemu.h"
#include "osd.h"
#include "paths.h"
#include "png_write.h"
#include "replay.h"

#define AUDIO_TARGET_MS 32   /* queued audio we aim for: total latency stays under 60 ms */
#define SRAM_FLUSH_MS 3000   /* a crash loses at most this much of the game's saves */
#define MESSAGE_MS 2000
#define FAST_FORWARD_PRESENT_EVERY 4
#define AXIS_DEADZONE 12000

typedef struct App {
    Settings s;
    Mdemu *md;
    char rom_path[1024];      /* names the SRAM/state files; "demo" for the bundled ROM */
    SDL_Window *window;
    SDL_Renderer *renderer;
    SDL_Texture *texture;
    int texture_w, texture_h;
    SDL_AudioDeviceID audio;
    AudioDrc drc;             /* dynamic rate control when vsync paces the loop */
    int16_t drc_buffer[2 * 2048];
    long audio_underruns;     /* times the device found the queue empty while running */
    SDL_GameController *controllers[2];
    uint16_t key_buttons;
    bool paused, step_frame, fast_forward, show_overlay, quit;
    int slot;
    char message[128];
    Uint64 message_until;
    double fps;
    long fps_frames;
    Uint64 fps_start, last_sram_flush, next_frame_time;
    long frames_run;
    Replay replay;
    uint32_t picture[320 * 480];
} App;

static void set_message(App *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->message, sizeof app->message, fmt, ap);
    va_end(ap);
    app->message_until = SDL_GetTicks64() + MESSAGE_MS;
    printf("mdemu: %s\n", app->message);
}

static void flush_sram(App *app, bool only_if_dirty)
{
    size_t size;
    if (!mdemu_sram(app->md, &size) || size == 0) return;
    if (only_if_dirty && !mdemu_sram_dirty(app->md)) return;
    char path[1200], err[512];
    if (!paths_rom_file(app->rom_path, ".srm", path, sizeof path)) return;
    if (mdemu_sram_save_file(app->md, path, err, sizeof err) != MDEMU_OK) set_message(app, "%s", err);
}

/* Loads a ROM (path, or the bundled demo when NULL). On failure the old ROM keeps running. */
static bool load_rom(App *app, const char *path, char *err, size_t err_size)
{
    MdemuResult r;
    if (path) r = mdemu_load_rom_file(app->md, path, err, err_size);
    else r = mdemu_load_rom_memory(app->md, mdemu_demo_rom, mdemu_demo_rom_size, "demo.bin", err, err_size);
    if (r != MDEMU_OK) return false;
    snprintf(app->rom_path, sizeof app->rom_path, "%s", path ? path : "demo");
    char sram_path[1200], sram_err[512];
    if (paths_rom_file(app->rom_path, ".srm", sram_path, sizeof sram_path) &&
        mdemu_sram_load_file(app->md, sram_path, sram_err, sizeof sram_err) != MDEMU_OK)
        set_message(app, "%s", sram_err);
    return true;
}

static void open_audio(App *app)
{
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = (int)app->s.audio_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 2;
    want.samples = 512;
    app->audio = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (!app->audio) {
        fprintf(stderr, "mdemu: no audio device (%s): running silent\n", SDL_GetError());
        return;
    }
    SDL_PauseAudioDevice(app->audio, 0);
}

static uint32_t queued_audio_frames(const App *app)
{
    return app->audio ? SDL_GetQueuedAudioSize(app->audio) / 4u : 0;
}

static void queue_audio(App *app)
{
    const int16_t *samples;
    size_t frames = mdemu_audio(app->md, &samples);
    if (!app->audio || frames == 0) return;
    uint32_t limit = app->s.audio_rate * AUDIO_TARGET_MS * 2 / 1000;
    if (app->fast_forward && queued_audio_frames(app) > limit) return; /* drop: don't build up latency */
    if (queued_audio_frames(app) == 0 && app->frames_run > 60 && !app->fast_forward) app->audio_underruns++;
    if (app->s.vsync && !app->fast_forward) {
        /* The monitor paces the loop: stretch this frame's sound by up to 0.5% so the
         * queue stays at its target instead of slowly filling or running dry. */
        double target = app->s.audio_rate * AUDIO_TARGET_MS / 1000.0;
        size_t out = drc_output_frames(&app->drc, frames, queued_audio_frames(app) / target);
        if (out <= sizeof app->drc_buffer / 4) {
            drc_stretch(samples, frames, app->drc_buffer, out);
            samples = app->drc_buffer;
            frames = out;
        }
    }
    SDL_QueueAudio(app->audio, samples, (Uint32)(frames * 4));
}

/* Waits so that the loop runs at the console's rate: by the audio queue when
 * there is a device, by the clock otherwise. */
static void pace(App *app)
{
    if (app->fast_forward) return;
    if (app->audio) {
        uint32_t target = app->s.audio_rate * AUDIO_TARGET_MS / 1000;
        while (queued_audio_frames(app) > target) SDL_Delay(1);
        return;
    }
    Uint64 freq = SDL_GetPerformanceFrequency();
    Uint64 frame_ticks = (Uint64)(freq / mdemu_fps(app->md));
    Uint64 now = SDL_GetPerformanceCounter();
    if (app->next_frame_time == 0 || now > app->next_frame_time + 4 * frame_ticks) app->next_frame_time = now;
    app->next_frame_time += frame_ticks;
    while ((now = SDL_GetPerformanceCounter()) < app->next_frame_time) {
        Uint64 ms = (app->next_frame_time - now) * 1000 / freq;
        SDL_Delay(ms > 1 ? (Uint32)(ms - 1) : 0);
        if (ms <= 1) break;
    }
}

static uint16_t controller_buttons(const App *app, SDL_GameController *gc)
{
    if (!gc) return 0;
    uint16_t buttons = 0;
    for (int i = 0; i < SETTINGS_PAD_BUTTONS; i++)
        if (SDL_GameControllerGetButton(gc, app->s.buttons[i])) buttons |= (uint16_t)(1u << i);
    int ax = SDL_GameControllerGetAxis(gc, SDL_CONTROLLER_AXIS_LEFTX);
    int ay = SDL_GameControllerGetAxis(gc, SDL_CONTROLLER_AXIS_LEFTY);
    if (ax < -AXIS_DEADZONE) buttons |= MDEMU_BTN_LEFT;
    if (ax > AXIS_DEADZONE) buttons |= MDEMU_BTN_RIGHT;
    if (ay < -AXIS_DEADZONE) buttons |= MDEMU_BTN_UP;
    if (ay > AXIS_DEADZONE) buttons |= MDEMU_BTN_DOWN;
    return buttons;
}

static void controller_added(App *app, int device_index)
{
    for (int port = 0; port < 2; port++) {
        if (app->controllers[port]) continue;
        app->controllers[port] = SDL_GameControllerOpen(device_index);
        if (app->controllers[port])
            set_message(app, "Controller %s on port %d", SDL_GameControllerName(app->controllers[port]), port + 1);
        return;
    }
}

static void controller_removed(App *app, SDL_JoystickID id)
{
    for (int port = 0; port < 2; port++) {
        SDL_GameController *gc = app->controllers[port];
        if (gc && SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(gc)) == id) {
            SDL_GameControllerClose(gc);
            app->controllers[port] = NULL;
            set_message(app, "Controller on port %d removed", port + 1);
        }
    }
}

static void state_file(const App *app, char *out, size_t size)
{
    char suffix[16];
    snprintf(suffix, sizeof suffix, ".state%d", app->slot);
    if (!paths_rom_file(app->rom_path, suffix, out, size)) out[0] = '\0';
}

static void save_state(App *app)
{
    char path[1200], err[512];
    state_file(app, path, sizeof path);
    if (path[0] && mdemu_save_state_file(app->md, path, err, sizeof err) == MDEMU_OK)
        set_message(app, "State %d saved", app->slot);
    else
        set_message(app, "State %d not saved: %s", app->slot, path[0] ? err : "no data folder");
}

static void load_state(App *app)
{
    char path[1200], err[512];
    state_file(app, path, sizeof path);
    if (path[0] && mdemu_load_state_file(app->md, path, err, sizeof err) == MDEMU_OK)
        set_message(app, "State %d loaded", app->slot);
    else
        set_message(app, "State %d not loaded: %s", app->slot, path[0] ? err : "no data folder");
}

static void screenshot(App *app)
{
    char path[1200], err[512];
    MdemuFrame f = mdemu_frame(app->md);
    if (!paths_screenshot(app->rom_path, path, sizeof path)) {
        set_message(app, "Screenshot failed: no data folder");
        return;
    }
    if (png_write_xrgb8888(path, f.pixels, f.width, f.height, f.pitch, err, sizeof err))
        set_message(app, "Screenshot %s", path);
    else
        set_message(app, "Screenshot failed: %s", err);
}

static void toggle_fullscreen(App *app)
{
    app->s.fullscreen = !app->s.fullscreen;
    SDL_SetWindowFullscreen(app->window, app->s.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

static void handle_key(App *app, const SDL_KeyboardEvent *key, bool down)
{
    /* Alt+Enter is a hotkey even though Return alone is a pad button. */
    if (key->keysym.sym == SDLK_RETURN && (key->keysym.mod & KMOD_ALT)) {
        if (down && !key->repeat) toggle_fullscreen(app);
        return;
    }
    for (int i = 0; i < SETTINGS_PAD_BUTTONS; i++) {
        if (key->keysym.sym != app->s.keys[i]) continue;
        if (down) app->key_buttons |= (uint16_t)(1u << i);
        else app->key_buttons &= (uint16_t)~(1u << i);
        return;
    }
    if (key->keysym.sym == SDLK_TAB) {
        app->fast_forward = down;
        return;
    }
    if (!down || key->repeat) return;
    bool shift = (key->keysym.mod & KMOD_SHIFT) != 0;
    switch (key->keysym.sym) {
    case SDLK_ESCAPE: app->quit = true; break;
    case SDLK_p:
    case SDLK_PAUSE:
        app->paused = !app->paused;
        set_message(app, app->paused ? "Paused" : "Running");
        break;
    case SDLK_n:
        if (app->paused) app->step_frame = true;
        break;
    case SDLK_F1:
        mdemu_reset(app->md, shift);
        set_message(app, shift ? "Hard reset" : "Reset");
        break;
    case SDLK_F5: save_state(app); break;
    case SDLK_F7: load_state(app); break;
    case SDLK_F9: app->show_overlay = !app->show_overlay; break;
    case SDLK_F10: app->s.show_fps = !app->s.show_fps; break;
    case SDLK_F11: toggle_fullscreen(app); break;
    case SDLK_F12: screenshot(app); break;
    default:
        if (key->keysym.sym >= SDLK_0 && key->keysym.sym <= SDLK_9) {
            app->slot = key->keysym.sym - SDLK_0;
            set_message(app, "State slot %d", app->slot);
        }
        break;
    }
}

static void handle_drop(App *app, char *file)
{
    char err[512];
    flush_sram(app, false);
    if (load_rom(app, file, err, sizeof err)) set_message(app, "Loaded %s", file);
    else set_message(app, "%s", err);
    SDL_free(file);
}

static void poll_events(App *app)
{
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) {
        switch (ev.type) {
        case SDL_QUIT: app->quit = true; break;
        case SDL_KEYDOWN: handle_key(app, &ev.key, true); break;
        case SDL_KEYUP: handle_key(app, &ev.key, false); break;
        case SDL_CONTROLLERDEVICEADDED: controller_added(app, ev.cdevice.which); break;
        case SDL_CONTROLLERDEVICEREMOVED: controller_removed(app, ev.cdevice.which); break;
        case SDL_DROPFILE: handle_drop(app, ev.drop.file); break;
        default: break;
        }
    }
}

static void draw_overlay(App *app, int w, int h)
{
    char line[96];
    int y = 2;
    if (app->show_overlay) {
        MdemuCpuRegs c;
        MdemuZ80Regs z;
        mdemu_cpu_regs(app->md, &c);
        mdemu_z80_regs(app->md, &z);
        for (int i = 0; i < 8; i += 4, y += OSD_GLYPH_H) {
            snprintf(line, sizeof line, "D%d %08X %08X %08X %08X", i, (unsigned)c.d[i], (unsigned)c.d[i + 1],
                     (unsigned)c.d[i + 2], (unsigned)c.d[i + 3]);
            osd_draw_text(app->picture, w, h, w, 2, y, line, 0xFFFFFF);
        }
        for (int i = 0; i < 8; i += 4, y += OSD_GLYPH_H) {
            snprintf(line, sizeof line, "A%d %08X %08X %08X %08X", i, (unsigned)c.a[i], (unsigned)c.a[i + 1],
                     (unsigned)c.a[i + 2], (unsigned)c.a[i + 3]);
            osd_draw_text(app->picture, w, h, w, 2, y, line, 0xFFFFFF);
        }
        snprintf(line, sizeof line, "PC %06X SR %04X USP %08X SSP %08X", (unsigned)c.pc, c.sr, (unsigned)c.usp,
                 (unsigned)c.ssp);
        osd_draw_text(app->picture, w, h, w, 2, y, line, 0xFFFFFF);
        y += OSD_GLYPH_H + 4;
        snprintf(line, sizeof line, "Z80 %s PC %04X SP %04X AF %04X BC %04X", z.running ? "RUN" : "HELD", z.pc,
                 z.sp, z.af, z.bc);
        osd_draw_text(app->picture, w, h, w, 2, y, line, 0x80FF80);
        y += OSD_GLYPH_H;
        snprintf(line, sizeof line, "DE %04X HL %04X IX %04X IY %04X IM%d", z.de, z.hl, z.ix, z.iy, z.im);
        osd_draw_text(app->picture, w, h, w, 2, y, line, 0x80FF80);
        y += OSD_GLYPH_H;
    }
    if (app->s.show_fps) {
        if (app->audio)
            snprintf(line, sizeof line, "%.1f FPS  AUDIO %uMS  UNDERRUNS %ld", app->fps,
                     (unsigned)(queued_audio_frames(app) * 1000u / app->s.audio_rate), app->audio_underruns);
        else
            snprintf(line, sizeof line, "%.1f FPS", app->fps);
        /* Below the register overlay when that is shown, else in the top corner. */
        osd_draw_text(app->picture, w, h, w, w - (int)strlen(line) * OSD_GLYPH_W - 2, y, line, 0xFFFF00);
    }
    if (app->message[0] && SDL_GetTicks64() < app->message_until)
        osd_draw_text(app->picture, w, h, w, 2, h - OSD_GLYPH_H - 2, app->message, 0xFFFFFF);
    else
        app->message[0] = '\0';
}

/* Destination rectangle: largest integer multiple that fits, or 4:3 aspect fit. */
static SDL_Rect display_rect(const App *app, int frame_w, int frame_h)
{
    int win_w, win_h;
    SDL_GetRendererOutputSize(app->renderer, &win_w, &win_h);
    int base_h = frame_h > 240 ? frame_h / 2 : frame_h; /* interlace mode 2 doubles lines, not the picture */
    SDL_Rect r;
    if (app->s.aspect_correct) {
        r.h = win_h;
        r.w = win_h * 4 / 3;
        if (r.w > win_w) {
            r.w = win_w;
            r.h = win_w * 3 / 4;
        }
    } else {
        int k = SDL_min(win_w / frame_w, win_h / base_h);
        if (k < 1) k = 1;
        r.w = frame_w * k;
        r.h = base_h * k;
    }
    r.x = (win_w - r.w) / 2;
    r.y = (win_h - r.h) / 2;
    return r;
}

static void present(App *app)
{
    MdemuFrame f = mdemu_frame(app->md);
    int w = f.width, h = f.height;
    for (int y = 0; y < h; y++)
        memcpy(app->picture + (size_t)y * (size_t)w, (const uint8_t *)f.pixels + (size_t)y * (size_t)f.pitch,
               (size_t)w * 4);
    draw_overlay(app, w, h);
    if (!app->texture || app->texture_w != w || app->texture_h != h) {
        if (app->texture) SDL_DestroyTexture(app->texture);
        app->texture = SDL_CreateTexture(app->renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING, w, h);
        app->texture_w = w;
        app->texture_h = h;
    }
    if (!app->texture) return;
    SDL_UpdateTexture(app->texture, NULL, app->picture, w * 4);
    SDL_SetRenderDrawColor(app->renderer, 0, 0, 0, 255);
    SDL_RenderClear(app->renderer);
    SDL_Rect dst = display_rect(app, w, h);
    SDL_RenderCopy(app->renderer, app->texture, NULL, &dst);
    SDL_RenderPresent(app->renderer);
}

static void count_fps(App *app)
{
    Uint64 now = SDL_GetTicks64();
    app->fps_frames++;
    if (now - app->fps_start >= 1000) {
        app->fps = app->fps_frames * 1000.0 / (double)(now - app->fps_start);
        app->fps_frames = 0;
        app->fps_start = now;
    }
}

static bool open_window(App *app)
{
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (app->s.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    app->window = SDL_CreateWindow("mdemu", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 320 * app->s.scale,
                                   224 * app->s.scale, flags);
    if (!app->window) return false;
    Uint32 rflags = app->s.vsync ? SDL_RENDERER_PRESENTVSYNC : 0;
    app->renderer = SDL_CreateRenderer(app->window, -1, rflags | SDL_RENDERER_ACCELERATED);
    if (!app->renderer) app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    return app->renderer != NULL;
}

static void fatal(App *app, const char *msg)
{
    fprintf(stderr, "mdemu: %s\n", msg);
    if (app->window) SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "mdemu", msg, app->window);
}

static void shutdown_app(App *app)
{
    if (app->audio_underruns)
        fprintf(stderr, "mdemu: the audio queue ran dry %ld times\n", app->audio_underruns);
    if (app->md) {
        if (mdemu_has_rom(app->md)) flush_sram(app, false);
        mdemu_destroy(app->md);
    }
    for (int port = 0; port < 2; port++)
        if (app->controllers[port]) SDL_GameControllerClose(app->controllers[port]);
    if (app->audio) SDL_CloseAudioDevice(app->audio);
    if (app->texture) SDL_DestroyTexture(app->texture);
    if (app->renderer) SDL_DestroyRenderer(app->renderer);
    if (app->window) SDL_DestroyWindow(app->window);
    replay_free(&app->replay);
    SDL_Quit();
    free(app);
}

static void run_one_frame(App *app)
{
    mdemu_set_pad(app->md, 0, app->key_buttons | controller_buttons(app, app->controllers[0]));
    mdemu_set_pad(app->md, 1, controller_buttons(app, app->controllers[1]));
    mdemu_run_frame(app->md);
    app->frames_run++;
    queue_audio(app);
    count_fps(app);
}

int app_run(const Settings *settings)
{
    App *app = calloc(1, sizeof *app);
    if (!app) {
        fprintf(stderr, "mdemu: out of memory\n");
        return 2;
    }
    app->s = *settings;
    char err[512];
    if (app->s.replay_keys && !replay_load(&app->replay, app->s.replay_keys, err, sizeof err)) {
        fprintf(stderr, "mdemu: %s\n", err);
        free(app);
        return 2;
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER) != 0) {
        fprintf(stderr, "mdemu: cannot start video: %s\n", SDL_GetError());
        replay_free(&app->replay);
        free(app);
        return 2;
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        fprintf(stderr, "mdemu: no audio (%s): running silent\n", SDL_GetError());

    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    cfg.audio_rate = app->s.audio_rate;
    cfg.region = app->s.region;
    cfg.tmss = app->s.tmss;
    cfg.ym3438 = app->s.ym3438;
    app->md = mdemu_create(&cfg);
    if (!app->md) {
        fatal(app, "out of memory");
        shutdown_app(app);
        return 2;
    }
    if (!load_rom(app, app->s.rom_path, err, sizeof err)) {
        fatal(app, err);
        shutdown_app(app);
        return 2;
    }
    if (!open_window(app)) {
        snprintf(err, sizeof err, "cannot open a window: %s", SDL_GetError());
        fatal(app, err);
        shutdown_app(app);
        return 2;
    }
    if (SDL_WasInit(SDL_INIT_AUDIO)) open_audio(app);
    SDL_SetWindowTitle(app->window, app->s.rom_path ? app->s.rom_path : "mdemu - demo");
    app->fps_start = app->last_sram_flush = SDL_GetTicks64();

    while (!app->quit) {
        /* Scripted keys for the coming frame go in before the events are read. */
        if (!app->paused || app->step_frame) replay_push_due(&app->replay, app->frames_run);
        poll_events(app);
        if (app->quit) break;
        if (!app->paused || app->step_frame) {
            app->step_frame = false;
            run_one_frame(app);
            if (app->s.frames && app->frames_run >= app->s.frames) app->quit = true;
        }
        if (!app->fast_forward || app->frames_run % FAST_FORWARD_PRESENT_EVERY == 0) present(app);
        if (app->paused) SDL_Delay(16);
        else pace(app);
        if (SDL_GetTicks64() - app->last_sram_flush >= SRAM_FLUSH_MS) {
            flush_sram(app, true);
            app->last_sram_flush = SDL_GetTicks64();
        }
    }
    shutdown_app(app);
    return 0;
}
