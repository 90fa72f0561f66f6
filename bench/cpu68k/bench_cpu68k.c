/* bench_cpu68k.c - emulated 68000 speed on a fixed workload (kernel.s:
 * CRC-32, insertion sort, LZ decompression) on a flat page-mapped RAM bus.
 * Prints emulated clocks/s, instructions/s and the ratio to a 7.67 MHz
 * Genesis 68000 (per second of process CPU time), after checking that the
 * kernel computed the right results. A second run holds the bus for the
 * Mega Drive's cartridge-port refresh over the whole space (period 128,
 * window 7, hold 2: system/mdemu_refresh.c), so the cost of emulating
 * refresh shows as a ratio of the two runs.
 *
 * usage: bench_cpu68k [SECONDS] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "m68k.h"

#define RAM_SIZE (1u << 24)
#define GENESIS_68K_HZ 7670453.0 /* NTSC master clock 53.693175 MHz / 7 */

/* CPU time of this process: the machine may be shared, and the figure is
 * about the core's speed, not about the other load. */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint8_t no_read8(void *ctx, uint32_t a) { (void)ctx; (void)a; return 0xFF; }
static uint16_t no_read16(void *ctx, uint32_t a) { (void)ctx; (void)a; return 0xFFFF; }
static void no_write8(void *ctx, uint32_t a, uint8_t v) { (void)ctx; (void)a; (void)v; }
static void no_write16(void *ctx, uint32_t a, uint16_t v) { (void)ctx; (void)a; (void)v; }

static uint32_t crc32_ref(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int b = 0; b < 8; b++)
            crc = (crc >> 1) ^ ((crc & 1) ? 0xEDB88320u : 0);
    }
    return ~crc;
}

static uint32_t be32(const uint8_t *p) { return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3]; }

/* The kernel's results, checked against the same work done here. */
static int kernel_results_ok(const uint8_t *ram)
{
    if (be32(ram + 0x20000) != crc32_ref(ram + 0x400, 256)) {
        fprintf(stderr, "bench_cpu68k: wrong CRC-32 %08x\n", be32(ram + 0x20000));
        return 0;
    }
    for (int i = 1; i < 64; i++) {
        int16_t prev = (int16_t)((ram[0x21000 + 2 * i - 2] << 8) | ram[0x21000 + 2 * i - 1]);
        int16_t cur = (int16_t)((ram[0x21000 + 2 * i] << 8) | ram[0x21000 + 2 * i + 1]);
        if (prev > cur) {
            fprintf(stderr, "bench_cpu68k: words not sorted at %d\n", i);
            return 0;
        }
    }
    static const char digits[] = "0123456789ABCDEF";
    for (int i = 0; i < 406; i++)
        if (ram[0x22000 + i] != (uint8_t)digits[i % 16]) {
            fprintf(stderr, "bench_cpu68k: wrong LZ output at %d\n", i);
            return 0;
        }
    for (int i = 0; i < 25; i++)
        if (ram[0x22000 + 406 + i] != (uint8_t)"hello"[i % 5]) {
            fprintf(stderr, "bench_cpu68k: wrong LZ output at %d\n", 406 + i);
            return 0;
        }
    return 1;
}

typedef struct RunFigures {
    double seconds;
    uint64_t clocks, instructions;
    uint32_t rounds;
    int ok;
} RunFigures;

/* Run the kernel from a fresh copy of its image for about `seconds`. */
static RunFigures run_kernel(uint8_t *ram, const uint8_t *image, size_t size, double seconds, int refresh)
{
    memset(ram, 0, RAM_SIZE);
    memcpy(ram, image, size);
    M68kBus bus = {.ctx = NULL, .read8 = no_read8, .read16 = no_read16, .write8 = no_write8, .write16 = no_write16};
    M68k *cpu = calloc(1, sizeof *cpu);
    m68k_init(cpu, &bus);
    m68k_map_pages(cpu, 0, M68K_PAGE_COUNT, ram, ram, 0);
    if (refresh) {
        m68k_set_refresh(cpu, 0, (M68kRefreshTiming){.period = 128, .window = 7, .hold = 2});
        m68k_map_refresh(cpu, 0, M68K_PAGE_COUNT, 0);
    }
    m68k_reset(cpu);

    const uint64_t slice = 1000000;
    RunFigures r = {0};
    double start = now_seconds();
    uint64_t instr0 = cpu->state.instructions;
    do {
        r.clocks += m68k_run(cpu, cpu->state.cycles + slice);
        r.seconds = now_seconds() - start;
    } while (r.seconds < seconds);
    r.instructions = cpu->state.instructions - instr0;
    /* Finish the round in progress so that the results are complete. */
    r.rounds = m68k_get_reg(cpu, M68K_REG_D7);
    while (m68k_get_reg(cpu, M68K_REG_D7) == r.rounds)
        m68k_step(cpu);
    r.rounds = m68k_get_reg(cpu, M68K_REG_D7);
    r.ok = r.rounds > 0 && kernel_results_ok(ram);
    free(cpu);
    return r;
}

static void print_figures(const char *what, const RunFigures *r)
{
    double clocks_per_s = (double)r->clocks / r->seconds;
    printf("bench_cpu68k%s: %.2f s, %llu clocks, %llu instructions, %u kernel rounds%s\n", what, r->seconds,
           (unsigned long long)r->clocks, (unsigned long long)r->instructions, r->rounds,
           r->ok ? "" : " (WRONG RESULTS)");
    printf("bench_cpu68k%s: %.1f M clocks/s, %.1f M instructions/s, %.1fx a 7.67 MHz 68000\n", what,
           clocks_per_s / 1e6, (double)r->instructions / r->seconds / 1e6, clocks_per_s / GENESIS_68K_HZ);
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 2.0;
    FILE *f = fopen(MDEMU_BENCH_KERNEL, "rb");
    if (!f) {
        fprintf(stderr, "bench_cpu68k: cannot open %s\n", MDEMU_BENCH_KERNEL);
        return 1;
    }
    uint8_t *image = calloc(RAM_SIZE, 1), *ram = calloc(RAM_SIZE, 1);
    size_t size = fread(image, 1, RAM_SIZE, f);
    fclose(f);
    if (size < 0x500) {
        fprintf(stderr, "bench_cpu68k: kernel too short\n");
        return 1;
    }
    RunFigures plain = run_kernel(ram, image, size, seconds, 0);
    print_figures("", &plain);
    RunFigures held = run_kernel(ram, image, size, seconds, 1);
    print_figures(" (refresh)", &held);
    printf("bench_cpu68k: with refresh holds %.3fx the instructions/s, %.2f%% more clocks per instruction\n",
           ((double)held.instructions / held.seconds) / ((double)plain.instructions / plain.seconds),
           100.0 * (((double)held.clocks / (double)held.instructions) /
                        ((double)plain.clocks / (double)plain.instructions) -
                    1.0));
    free(image);
    free(ram);
    return plain.ok && held.ok ? 0 : 1;
}
