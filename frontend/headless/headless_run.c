/* headless_run.c - the run loop of mdemu-headless: load, run frames with
 * scripted input, collect hashes, screenshots, audio and traces, report. */
#include "headless_run.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "atomic_file.h"
#include "frame_hash.h"
#include "input_script.h"
#include "mdemu.h"
#include "png_write.h"
#include "wav_writer.h"

#define HEADLESS_AUDIO_RATE 48000u

typedef struct TestPortOutput {
    int last_char; /* to end the ROM's text with a newline before the report */
} TestPortOutput;

typedef struct Run {
    const HeadlessOptions *opts;
    Mdemu *md;
    InputScript script;
    FILE *trace_cpu, *trace_z80;
    WavWriter wav;
    bool wav_open;
    TestPortOutput port_output;
    char err[1024];
} Run;

static void port_putc(void *ctx, int c)
{
    TestPortOutput *out = ctx;
    fputc(c, stdout);
    out->last_char = c;
}

static double clock_seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now_seconds(void) { return clock_seconds(CLOCK_MONOTONIC); }
/* The process's CPU time: on a machine shared with other work it measures
 * the emulator itself, where wall time also counts the waits for a core. */
static double cpu_seconds(void) { return clock_seconds(CLOCK_PROCESS_CPUTIME_ID); }

static void input_error(const char *message) { fprintf(stderr, "mdemu-headless: %s\n", message); }

static bool make_dir(const char *dir, char *err, size_t err_size)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return true;
        snprintf(err, err_size, "%s: not a directory", dir);
        return false;
    }
    if (mkdir(dir, 0755) != 0) {
        snprintf(err, err_size, "%s: cannot create directory: %s", dir, strerror(errno));
        return false;
    }
    return true;
}

static FILE *open_trace(const char *path, char *err, size_t err_size)
{
    FILE *f = fopen(path, "w");
    if (!f)
        snprintf(err, err_size, "%s: cannot create: %s", path, strerror(errno));
    return f;
}

static bool save_frame_png(const Mdemu *md, const char *path, char *err, size_t err_size)
{
    MdemuFrame f = mdemu_frame(md);
    return png_write_xrgb8888(path, f.pixels, f.width, f.height, f.pitch, err, err_size);
}

/* A console call's result; makes sure a failure has a message naming the file. */
static bool console_ok(Run *run, const char *path, MdemuResult r)
{
    if (r == MDEMU_OK)
        return true;
    if (run->err[0] == '\0')
        snprintf(run->err, sizeof run->err, "%s: %s", path, mdemu_result_string(r));
    return false;
}

/* Everything that can fail because of the user's input, before running. */
static bool prepare(Run *run)
{
    const HeadlessOptions *o = run->opts;
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    cfg.audio_rate = HEADLESS_AUDIO_RATE;
    cfg.region = o->region;
    run->md = mdemu_create(&cfg);
    if (!run->md) {
        snprintf(run->err, sizeof run->err, "cannot create the console (out of memory)");
        return false;
    }
    if (!console_ok(run, o->rom, mdemu_load_rom_file(run->md, o->rom, run->err, sizeof run->err)))
        return false;
    if (o->input && !input_script_load(&run->script, o->input, run->err, sizeof run->err))
        return false;
    if (o->sram && !console_ok(run, o->sram, mdemu_sram_load_file(run->md, o->sram, run->err, sizeof run->err)))
        return false;
    if (o->state_in &&
        !console_ok(run, o->state_in, mdemu_load_state_file(run->md, o->state_in, run->err, sizeof run->err)))
        return false;
    if (o->screenshot_dir && !make_dir(o->screenshot_dir, run->err, sizeof run->err))
        return false;
    if (o->trace_cpu && !(run->trace_cpu = open_trace(o->trace_cpu, run->err, sizeof run->err)))
        return false;
    if (o->trace_z80 && !(run->trace_z80 = open_trace(o->trace_z80, run->err, sizeof run->err)))
        return false;
    if (o->wav) {
        if (!wav_writer_open(&run->wav, o->wav, HEADLESS_AUDIO_RATE, run->err, sizeof run->err))
            return false;
        run->wav_open = true;
    }
    if (run->trace_cpu)
        mdemu_trace_cpu(run->md, run->trace_cpu);
    if (run->trace_z80)
        mdemu_trace_z80(run->md, run->trace_z80);
    if (o->test_port)
        mdemu_set_test_port(run->md, o->test_port, port_putc, &run->port_output);
    if (o->until_pc >= 0)
        mdemu_set_breakpoint(run->md, o->until_pc);
    return true;
}

static void cleanup(Run *run)
{
    if (run->md) {
        mdemu_trace_cpu(run->md, NULL);
        mdemu_trace_z80(run->md, NULL);
    }
    if (run->trace_cpu)
        fclose(run->trace_cpu);
    if (run->trace_z80)
        fclose(run->trace_z80);
    if (run->wav_open)
        wav_writer_abort(&run->wav);
    input_script_free(&run->script);
    if (run->md)
        mdemu_destroy(run->md);
}

int headless_run(const HeadlessOptions *opts)
{
    Run run;
    memset(&run, 0, sizeof run);
    run.opts = opts;
    run.port_output.last_char = '\n';
    if (!prepare(&run)) {
        input_error(run.err);
        cleanup(&run);
        return HEADLESS_EXIT_USAGE;
    }

    Mdemu *md = run.md;
    uint64_t audio_hash = HASH_FNV1A64_OFFSET;
    uint16_t pads[2] = { 0, 0 };
    size_t input_cursor = 0;
    uint64_t frames_run = 0;
    bool stopped_at_pc = false, rom_exited = false, output_failed = false;
    double start = now_seconds(), cpu_start = cpu_seconds();

    while (frames_run < opts->frames) {
        input_script_apply(&run.script, &input_cursor, frames_run, pads);
        mdemu_set_pad(md, 0, pads[0]);
        mdemu_set_pad(md, 1, pads[1]);
        mdemu_run_frame(md);
        frames_run++;

        const int16_t *samples = NULL;
        size_t count = mdemu_audio(md, &samples);
        audio_hash = hash_audio_s16(audio_hash, samples, count);
        if (run.wav_open && count)
            wav_writer_write(&run.wav, samples, count);

        if (opts->screenshot_every && frames_run % opts->screenshot_every == 0) {
            char path[4096];
            snprintf(path, sizeof path, "%s/frame_%06" PRIu64 ".png", opts->screenshot_dir, frames_run);
            if (!save_frame_png(md, path, run.err, sizeof run.err)) {
                input_error(run.err);
                output_failed = true;
                break;
            }
        }
        if (opts->test_port && mdemu_test_port_exit(md) >= 0) {
            rom_exited = true;
            break;
        }
        if (opts->until_pc >= 0 && mdemu_breakpoint_hit(md)) {
            stopped_at_pc = true;
            break;
        }
    }
    double elapsed = now_seconds() - start, cpu_elapsed = cpu_seconds() - cpu_start;

    if (run.port_output.last_char != '\n')
        fputc('\n', stdout);
    if (opts->screenshot && !output_failed && !save_frame_png(md, opts->screenshot, run.err, sizeof run.err)) {
        input_error(run.err);
        output_failed = true;
    }
    if (opts->state_out && !output_failed &&
        mdemu_save_state_file(md, opts->state_out, run.err, sizeof run.err) != MDEMU_OK) {
        input_error(run.err);
        output_failed = true;
    }
    run.err[0] = '\0';
    if (opts->sram && !output_failed &&
        !console_ok(&run, opts->sram, mdemu_sram_save_file(md, opts->sram, run.err, sizeof run.err))) {
        input_error(run.err);
        output_failed = true;
    }
    if (run.wav_open) {
        run.wav_open = false;
        if (!output_failed && !wav_writer_close(&run.wav, run.err, sizeof run.err)) {
            input_error(run.err);
            output_failed = true;
        } else if (output_failed) {
            wav_writer_abort(&run.wav);
        }
    }

    if (stopped_at_pc)
        printf("until_pc: reached $%06" PRIX64 " in frame %" PRIu64 "\n", (uint64_t)opts->until_pc, frames_run);
    if (opts->benchmark) {
        struct rusage usage;
        getrusage(RUSAGE_SELF, &usage);
        double fps = elapsed > 0 ? (double)frames_run / elapsed : 0.0;
        double cpu_fps = cpu_elapsed > 0 ? (double)frames_run / cpu_elapsed : 0.0;
        printf("benchmark: fps=%.1f speed=%.2fx peak_rss_kib=%ld seconds=%.6f cpu_fps=%.1f cpu_seconds=%.6f\n",
               fps, fps / mdemu_fps(md), usage.ru_maxrss, elapsed, cpu_fps, cpu_elapsed);
    }
    MdemuFrame frame = mdemu_frame(md);
    uint64_t frame_hash = hash_frame_xrgb8888(frame.pixels, frame.width, frame.height, frame.pitch);
    printf("frames=%" PRIu64 " frame_hash=%016" PRIx64 " audio_hash=%016" PRIx64 "\n", frames_run,
           frame_hash, audio_hash);
    fflush(stdout);

    int exit_code = HEADLESS_EXIT_OK;
    if (output_failed) {
        exit_code = HEADLESS_EXIT_USAGE;
    } else if (opts->test_port && !rom_exited) {
        fprintf(stderr, "mdemu-headless: the ROM did not write an exit code within %" PRIu64 " frames\n",
                frames_run);
        exit_code = HEADLESS_EXIT_EXPECTATION;
    } else if (rom_exited && mdemu_test_port_exit(md) != 0) {
        exit_code = mdemu_test_port_exit(md);
    } else if (opts->until_pc >= 0 && !stopped_at_pc) {
        fprintf(stderr, "mdemu-headless: pc $%06" PRIX64 " not reached within %" PRIu64 " frames\n",
                (uint64_t)opts->until_pc, frames_run);
        exit_code = HEADLESS_EXIT_EXPECTATION;
    } else if (opts->expect_hash_given && frame_hash != opts->expect_hash) {
        fprintf(stderr, "mdemu-headless: frame_hash %016" PRIx64 " != expected %016" PRIx64 "\n",
                frame_hash, opts->expect_hash);
        exit_code = HEADLESS_EXIT_EXPECTATION;
    }
    cleanup(&run);
    return exit_code;
}
