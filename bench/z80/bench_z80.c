/* bench_z80.c - Z80 interpreter speed: runs zexdoc (its first tests: 16-bit
 * and 8-bit ALU, the hottest opcode mix) for a fixed number of T-states and
 * prints emulated T-states per host second and the multiple of real time.
 * The host is shared, so it repeats the run and also reports the best.
 * Usage: bench_z80 [TSTATES [RUNS]]   (default 2e9 T-states, 3 runs) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "testdata.h"
#include "z80_cpm_machine.h"

#define Z80_GENESIS_HZ 3579545.0 /* NTSC master clock 53.693175 MHz / 15 */

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) * 1e-9;
}

static double run_once(const char *path, uint64_t tstates)
{
    CpmMachine *m = calloc(1, sizeof *m);
    if (!m || !cpm_machine_load(m, path)) {
        free(m);
        return -1.0;
    }
    struct timespec w0, w1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &w0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    cpm_machine_run(m, tstates);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &w1);
    double wall = seconds_between(&w0, &w1), cpu = seconds_between(&c0, &c1);
    double t = (double)z80_tstates(&m->cpu);
    /* CPU time is the steadier figure on a shared host; wall time shown too. */
    double rate = t / cpu;
    printf("bench_z80: %.0f T-states: %.3f s CPU = %.1f M T-states/s (%.0fx real time); %.3f s wall = %.1f M/s\n",
           t, cpu, rate / 1e6, rate / Z80_GENESIS_HZ, wall, t / wall / 1e6);
    cpm_machine_free(m);
    free(m);
    return rate;
}

int main(int argc, char **argv)
{
    uint64_t tstates = argc > 1 ? strtoull(argv[1], NULL, 0) : 2000000000ull;
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    char path[4096];
    mdemu_testdata_path(path, sizeof path, "z80/zex/zexdoc.com");
    double best = 0.0;
    for (int i = 0; i < runs; i++) {
        double rate = run_once(path, tstates);
        if (rate < 0) {
            fprintf(stderr, "bench_z80: cannot load %s\n", path);
            return 1;
        }
        if (rate > best)
            best = rate;
    }
    printf("bench_z80: best %.1f M T-states per CPU second = %.0fx real time (Genesis Z80 at 3.58 MHz)\n", best / 1e6,
           best / Z80_GENESIS_HZ);
    return 0;
}
