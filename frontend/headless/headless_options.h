/* headless_options.h - command line of mdemu-headless. */
#ifndef MDEMU_HEADLESS_OPTIONS_H
#define MDEMU_HEADLESS_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mdemu.h"

/* Exit codes (documented in --help). */
enum {
    HEADLESS_EXIT_OK = 0,
    HEADLESS_EXIT_EXPECTATION = 1, /* --expect-hash mismatch, --until-pc or test ROM exit not reached */
    HEADLESS_EXIT_USAGE = 2        /* bad command line, missing or unreadable input */
};

/* Frames run when --frames is absent; with --test-port/--until-pc the run
 * normally ends earlier and this is only the limit. */
#define HEADLESS_DEFAULT_FRAMES 600u
#define HEADLESS_DEFAULT_LIMIT_FRAMES 36000u

typedef struct HeadlessOptions {
    const char *rom;
    uint64_t frames;
    bool frames_given;
    const char *screenshot;
    uint64_t screenshot_every;   /* 0 = off */
    const char *screenshot_dir;
    const char *wav;
    const char *input;
    MdemuRegion region;
    const char *state_in, *state_out;
    const char *sram;
    const char *trace_cpu, *trace_z80;
    int64_t until_pc;            /* -1 = off */
    bool expect_hash_given;
    uint64_t expect_hash;
    bool benchmark;
    uint32_t test_port;          /* 0 = off */
    bool help;
} HeadlessOptions;

/* Parse argv. False with a one-line message in err on a usage error. */
bool headless_parse_options(int argc, char **argv, HeadlessOptions *opts, char *err, size_t err_size);
void headless_print_help(const char *program);

#endif
