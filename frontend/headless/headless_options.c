/* headless_options.c - command-line parsing and --help for mdemu-headless. */
#include "headless_options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void headless_print_help(const char *program)
{
    printf("Usage: %s ROM [options]\n"
           "Runs a Genesis / Mega Drive ROM without a window and prints, as its last line,\n"
           "  frames=N frame_hash=HEX audio_hash=HEX\n"
           "(64-bit FNV-1a of the last frame's pixels as little-endian 0x00RRGGBB, and of all\n"
           "int16 stereo audio samples, little-endian, at 48 kHz).\n"
           "\n"
           "Options (VALUE may also be given as --option=VALUE):\n"
           "  --frames N             run N frames (default %u; with --test-port or --until-pc\n"
           "                         the limit, default %u)\n"
           "  --screenshot FILE.png  save the last frame as PNG\n"
           "  --screenshot-every K DIR  save every K-th frame as DIR/frame_NNNNNN.png\n"
           "  --wav FILE             write the audio as 48 kHz 16-bit stereo WAV\n"
           "  --input FILE           pad script: lines 'FRAME PORT BUTTONS', e.g. '120 1 START',\n"
           "                         buttons joined with '+' (UP DOWN LEFT RIGHT A B C START\n"
           "                         X Y Z MODE); a line holds from that frame on, an empty\n"
           "                         button list releases; '#' starts a comment\n"
           "  --region R             ntsc|us (NTSC overseas), jp (NTSC domestic), pal|eu\n"
           "                         (default: from the ROM header)\n"
           "  --state-in FILE        load a save state before running\n"
           "  --state-out FILE       save a save state after running\n"
           "  --sram FILE            load battery memory before, save it (atomically) after\n"
           "  --trace-cpu FILE       write a 68000 instruction trace\n"
           "  --trace-z80 FILE       write a Z80 instruction trace\n"
           "  --until-pc ADDR        stop when the 68000 is about to execute ADDR (hex)\n"
           "  --expect-hash HEX      compare frame_hash with HEX\n"
           "  --benchmark            print fps (wall clock and process CPU time), speed\n"
           "                         relative to real time and peak RSS\n"
           "  --test-port[=ADDR]     enable the debug port (default ADDR 0x%06X): bytes\n"
           "                         written to ADDR go to stdout, a byte written to ADDR+1\n"
           "                         ends the run with that value as the exit code\n"
           "  --help                 show this text\n"
           "\n"
           "Exit codes: 0 ok; 1 expectation failed (--expect-hash mismatch, --until-pc not\n"
           "reached, test ROM did not exit); 2 usage or input error. With --test-port the\n"
           "exit code is the one the ROM wrote.\n",
           program, HEADLESS_DEFAULT_FRAMES, HEADLESS_DEFAULT_LIMIT_FRAMES,
           (unsigned)MDEMU_TEST_PORT_DEFAULT);
}

static bool parse_u64(const char *text, int base, uint64_t *out)
{
    if (!text || !*text || text[0] == '-' || text[0] == '+')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, base);
    if (*end || errno)
        return false;
    *out = v;
    return true;
}

/* Hex with optional "0x" or "$". */
static bool parse_hex(const char *text, uint64_t *out)
{
    if (!text)
        return false;
    if (text[0] == '$')
        text++;
    else if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        text += 2;
    return strlen(text) <= 16 && parse_u64(text, 16, out);
}

static bool parse_region(const char *text, MdemuRegion *out)
{
    if (!text)
        return false;
    if (!strcmp(text, "ntsc") || !strcmp(text, "us"))
        *out = MDEMU_REGION_US;
    else if (!strcmp(text, "jp"))
        *out = MDEMU_REGION_JP;
    else if (!strcmp(text, "pal") || !strcmp(text, "eu"))
        *out = MDEMU_REGION_EU;
    else
        return false;
    return true;
}

bool headless_parse_options(int argc, char **argv, HeadlessOptions *opts, char *err, size_t err_size)
{
    memset(opts, 0, sizeof *opts);
    opts->frames = HEADLESS_DEFAULT_FRAMES;
    opts->until_pc = -1;
    opts->region = MDEMU_REGION_AUTO;

    for (int i = 1; i < argc; i++) {
        char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') {
            if (opts->rom) {
                snprintf(err, err_size, "more than one ROM given: '%s'", arg);
                return false;
            }
            opts->rom = arg;
            continue;
        }
        /* --name=value or --name value */
        char name[64];
        const char *inline_value = NULL;
        const char *eq = strchr(arg, '=');
        size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
        if (name_len >= sizeof name) {
            snprintf(err, err_size, "unknown option '%s' (see --help)", arg);
            return false;
        }
        memcpy(name, arg, name_len);
        name[name_len] = '\0';
        if (eq)
            inline_value = eq + 1;

#define TAKE_VALUE(var)                                                              \
    do {                                                                             \
        if (inline_value) {                                                          \
            (var) = inline_value;                                                    \
        } else if (i + 1 < argc) {                                                   \
            (var) = argv[++i];                                                       \
        } else {                                                                     \
            snprintf(err, err_size, "option %s needs a value (see --help)", name);   \
            return false;                                                            \
        }                                                                            \
    } while (0)

        const char *value = NULL;
        if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
            opts->help = true;
        } else if (!strcmp(name, "--frames")) {
            TAKE_VALUE(value);
            if (!parse_u64(value, 10, &opts->frames)) {
                snprintf(err, err_size, "--frames: '%s' is not a frame count", value);
                return false;
            }
            opts->frames_given = true;
        } else if (!strcmp(name, "--screenshot")) {
            TAKE_VALUE(opts->screenshot);
        } else if (!strcmp(name, "--screenshot-every")) {
            TAKE_VALUE(value);
            if (!parse_u64(value, 10, &opts->screenshot_every) || opts->screenshot_every == 0) {
                snprintf(err, err_size, "--screenshot-every: '%s' is not a positive frame count", value);
                return false;
            }
            if (i + 1 >= argc) {
                snprintf(err, err_size, "--screenshot-every needs K and DIR (see --help)");
                return false;
            }
            opts->screenshot_dir = argv[++i];
        } else if (!strcmp(name, "--wav")) {
            TAKE_VALUE(opts->wav);
        } else if (!strcmp(name, "--input")) {
            TAKE_VALUE(opts->input);
        } else if (!strcmp(name, "--region")) {
            TAKE_VALUE(value);
            if (!parse_region(value, &opts->region)) {
                snprintf(err, err_size, "--region: '%s' is not one of ntsc pal jp us eu", value);
                return false;
            }
        } else if (!strcmp(name, "--state-in")) {
            TAKE_VALUE(opts->state_in);
        } else if (!strcmp(name, "--state-out")) {
            TAKE_VALUE(opts->state_out);
        } else if (!strcmp(name, "--sram")) {
            TAKE_VALUE(opts->sram);
        } else if (!strcmp(name, "--trace-cpu")) {
            TAKE_VALUE(opts->trace_cpu);
        } else if (!strcmp(name, "--trace-z80")) {
            TAKE_VALUE(opts->trace_z80);
        } else if (!strcmp(name, "--until-pc")) {
            uint64_t pc;
            TAKE_VALUE(value);
            if (!parse_hex(value, &pc) || pc > 0xFFFFFF) {
                snprintf(err, err_size, "--until-pc: '%s' is not a 24-bit hex address", value);
                return false;
            }
            opts->until_pc = (int64_t)pc;
        } else if (!strcmp(name, "--expect-hash")) {
            TAKE_VALUE(value);
            if (!parse_hex(value, &opts->expect_hash)) {
                snprintf(err, err_size, "--expect-hash: '%s' is not a 64-bit hex value", value);
                return false;
            }
            opts->expect_hash_given = true;
        } else if (!strcmp(name, "--benchmark")) {
            opts->benchmark = true;
        } else if (!strcmp(name, "--test-port")) {
            /* The address is optional, so it is only taken from "=ADDR". */
            uint64_t addr = MDEMU_TEST_PORT_DEFAULT;
            if (inline_value && (!parse_hex(inline_value, &addr) || addr == 0 || addr > 0xFFFFFE)) {
                snprintf(err, err_size, "--test-port: '%s' is not a 24-bit hex address", inline_value);
                return false;
            }
            opts->test_port = (uint32_t)addr;
        } else {
            snprintf(err, err_size, "unknown option '%s' (see --help)", arg);
            return false;
        }
        if (inline_value && (!strcmp(name, "--help") || !strcmp(name, "-h") ||
                             !strcmp(name, "--benchmark"))) {
            snprintf(err, err_size, "option %s takes no '=' value", name);
            return false;
        }
#undef TAKE_VALUE
    }
    if (opts->help)
        return true;
    if (!opts->rom) {
        snprintf(err, err_size, "no ROM given (usage: mdemu-headless ROM [options], see --help)");
        return false;
    }
    if (!opts->frames_given && (opts->test_port || opts->until_pc >= 0))
        opts->frames = HEADLESS_DEFAULT_LIMIT_FRAMES;
    return true;
}
