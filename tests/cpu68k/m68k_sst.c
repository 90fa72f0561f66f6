/* m68k_sst.c - runs the SingleStepTests 68000 suite (see the testdata
 * README for the format) through cpu68k and ratchets the per-file pass
 * counts against tests/m68k_sst.baseline.
 *
 * usage: m68k_sst [--baseline FILE] [--write-baseline FILE] [--only NAME]
 *                 [--show N]   (print the first N failures of each file)
 *                 [--show-bus] (also show bus order/timing mismatches)
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "m68k.h"
#include "testdata.h"

#define RAM_SIZE (1u << 24)
#define MAX_BUS 256
#define MAX_TOUCHED 4096

typedef struct BusEvent {
    uint8_t write;
    uint32_t addr;
    uint32_t clock; /* m68k_cycles() at the callback, from the test's start */
} BusEvent;

typedef struct Rig {
    uint8_t *ram;
    uint32_t touched[MAX_TOUCHED];
    unsigned touched_count;
    BusEvent events[MAX_BUS];
    unsigned event_count;
    const M68k *cpu;
    uint64_t start_clock;
} Rig;

static void touch(Rig *rig, uint32_t addr)
{
    if (rig->touched_count < MAX_TOUCHED)
        rig->touched[rig->touched_count++] = addr;
}

static void record(Rig *rig, int write, uint32_t addr)
{
    if (rig->event_count < MAX_BUS) {
        rig->events[rig->event_count].write = (uint8_t)write;
        rig->events[rig->event_count].addr = addr;
        rig->events[rig->event_count].clock = (uint32_t)(m68k_cycles(rig->cpu) - rig->start_clock);
    }
    rig->event_count++;
}

static uint8_t rig_read8(void *ctx, uint32_t addr)
{
    Rig *rig = ctx;
    record(rig, 0, addr);
    return rig->ram[addr];
}
static uint16_t rig_read16(void *ctx, uint32_t addr)
{
    Rig *rig = ctx;
    record(rig, 0, addr);
    return (uint16_t)((rig->ram[addr] << 8) | rig->ram[addr + 1]);
}
static void rig_write8(void *ctx, uint32_t addr, uint8_t v)
{
    Rig *rig = ctx;
    record(rig, 1, addr);
    touch(rig, addr);
    rig->ram[addr] = v;
}
static void rig_write16(void *ctx, uint32_t addr, uint16_t v)
{
    Rig *rig = ctx;
    record(rig, 1, addr);
    touch(rig, addr);
    touch(rig, addr + 1);
    rig->ram[addr] = (uint8_t)(v >> 8);
    rig->ram[addr + 1] = (uint8_t)v;
}

/* ------------------------------------------------------------ parsing -- */
typedef struct Reader {
    const uint8_t *p, *end;
    int bad;
} Reader;

static uint32_t rd_u32(Reader *r)
{
    if (r->end - r->p < 4) {
        r->bad = 1;
        return 0;
    }
    uint32_t v = (uint32_t)r->p[0] | ((uint32_t)r->p[1] << 8) | ((uint32_t)r->p[2] << 16) |
                 ((uint32_t)r->p[3] << 24);
    r->p += 4;
    return v;
}
typedef struct CpuState {
    uint32_t regs[19];
    uint32_t prefetch[2];
    uint32_t ram_count;
    const uint8_t *ram; /* ram_count x {u32 addr, u16 word} */
} CpuState;

typedef struct Test {
    char name[128];
    CpuState initial, final;
    uint32_t cycles;
    uint32_t tr_count;
    const uint8_t *tr;
} Test;

static void parse_state(Reader *r, CpuState *s)
{
    rd_u32(r);
    if (rd_u32(r) != 0x01234567u)
        r->bad = 1;
    for (int i = 0; i < 19; i++)
        s->regs[i] = rd_u32(r);
    s->prefetch[0] = rd_u32(r);
    s->prefetch[1] = rd_u32(r);
    s->ram_count = rd_u32(r);
    s->ram = r->p;
    if ((size_t)(r->end - r->p) < (size_t)s->ram_count * 6u)
        r->bad = 1;
    else
        r->p += (size_t)s->ram_count * 6u;
}

static int parse_test(Reader *r, Test *t)
{
    uint32_t bytes = rd_u32(r);
    const uint8_t *next = r->p - 4 + bytes;
    if (rd_u32(r) != 0xABC12367u)
        return 0;
    rd_u32(r);
    if (rd_u32(r) != 0x89ABCDEFu)
        return 0;
    uint32_t len = rd_u32(r);
    if ((size_t)(r->end - r->p) < len)
        return 0;
    size_t n = len < sizeof t->name - 1 ? len : sizeof t->name - 1;
    memcpy(t->name, r->p, n);
    t->name[n] = 0;
    r->p += len;
    parse_state(r, &t->initial);
    parse_state(r, &t->final);
    rd_u32(r);
    if (rd_u32(r) != 0x456789ABu)
        return 0;
    t->cycles = rd_u32(r);
    t->tr_count = rd_u32(r);
    t->tr = r->p;
    r->p = next;
    return !r->bad && next <= r->end;
}

static uint32_t ram_addr(const uint8_t *p) { return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24); }
static uint16_t ram_word(const uint8_t *p) { return (uint16_t)(p[4] | (p[5] << 8)); }

/* ------------------------------------------------------------ running -- */
static const M68kReg reg_order[19] = {
    M68K_REG_D0, M68K_REG_D1, M68K_REG_D2, M68K_REG_D3, M68K_REG_D4, M68K_REG_D5, M68K_REG_D6,
    M68K_REG_D7, M68K_REG_A0, M68K_REG_A1, M68K_REG_A2, M68K_REG_A3, M68K_REG_A4, M68K_REG_A5,
    M68K_REG_A6, M68K_REG_USP, M68K_REG_SSP, M68K_REG_SR, M68K_REG_PC};
static const char *const reg_names[19] = {"D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "A0", "A1",
                                          "A2", "A3", "A4", "A5", "A6", "USP", "SSP", "SR", "PC"};

typedef struct Outcome {
    int state_ok, cycles_ok, bus_ok, timing_ok;
    int clocks;
} Outcome;

/* Bus check: the order and addresses of the real (non-faulting) bus cycles;
 * with `timing`, also the clock each one starts at. */
static int bus_matches(const Rig *rig, const Test *t, int timing)
{
    const uint8_t *p = t->tr;
    unsigned idx = 0;
    uint32_t clock = 0;
    for (uint32_t i = 0; i < t->tr_count; i++) {
        uint8_t kind = p[0];
        uint32_t start = clock;
        clock += (uint32_t)p[1] | ((uint32_t)p[2] << 8) | ((uint32_t)p[3] << 16) | ((uint32_t)p[4] << 24);
        p += 5;
        if (kind == 0)
            continue;
        uint32_t addr = (uint32_t)p[4] | ((uint32_t)p[5] << 8) | ((uint32_t)p[6] << 16) | ((uint32_t)p[7] << 24);
        p += 20;
        if (kind >= 4)
            continue;
        if (idx >= rig->event_count || idx >= MAX_BUS)
            return 0;
        const BusEvent *e = &rig->events[idx++];
        if (e->write != (kind == 1) || ((e->addr ^ addr) & 0xFFFFFEu))
            return 0;
        if (timing && e->clock != start)
            return 0;
    }
    return idx == rig->event_count;
}

static Outcome run_test(M68k *cpu, Rig *rig, const Test *t, FILE *detail)
{
    Outcome o = {1, 1, 1, 1, 0};
    const CpuState *in = &t->initial, *out = &t->final;
    for (uint32_t i = 0; i < in->ram_count; i++) {
        const uint8_t *e = in->ram + 6 * i;
        uint32_t a = ram_addr(e) & (RAM_SIZE - 1);
        uint16_t w = ram_word(e);
        rig->ram[a] = (uint8_t)(w >> 8);
        rig->ram[(a + 1) & (RAM_SIZE - 1)] = (uint8_t)w;
        touch(rig, a);
        touch(rig, (a + 1) & (RAM_SIZE - 1));
    }
    memset(&cpu->state, 0, sizeof cpu->state);
    m68k_set_reg(cpu, M68K_REG_SR, in->regs[17]);
    for (int i = 0; i < 17; i++)
        m68k_set_reg(cpu, reg_order[i], in->regs[i]);
    m68k_set_reg(cpu, M68K_REG_PC, in->regs[18]);
    m68k_set_reg(cpu, M68K_REG_IR, in->prefetch[0]);
    m68k_set_reg(cpu, M68K_REG_IRC, in->prefetch[1]);
    rig->event_count = 0;
    rig->start_clock = m68k_cycles(cpu);
    o.clocks = m68k_step(cpu);

    for (int i = 0; i < 19; i++) {
        uint32_t got = m68k_get_reg(cpu, reg_order[i]);
        if (got != out->regs[i]) {
            o.state_ok = 0;
            if (detail)
                fprintf(detail, "    %s: got %08x want %08x (was %08x)\n", reg_names[i], got, out->regs[i],
                        in->regs[i]);
        }
    }
    for (uint32_t i = 0; i < out->ram_count; i++) {
        const uint8_t *e = out->ram + 6 * i;
        uint32_t a = ram_addr(e) & (RAM_SIZE - 1);
        uint16_t want = ram_word(e);
        uint16_t got = (uint16_t)((rig->ram[a] << 8) | rig->ram[(a + 1) & (RAM_SIZE - 1)]);
        if (got != want) {
            o.state_ok = 0;
            if (detail)
                fprintf(detail, "    ram %06x: got %04x want %04x\n", a, got, want);
        }
    }
    if ((uint32_t)o.clocks != t->cycles) {
        o.cycles_ok = 0;
        if (detail)
            fprintf(detail, "    cycles: got %d want %u\n", o.clocks, t->cycles);
    }
    o.bus_ok = bus_matches(rig, t, 0);
    o.timing_ok = o.bus_ok && bus_matches(rig, t, 1);
    if (detail && !o.timing_ok) {
        fprintf(detail, "    bus: got ");
        for (unsigned i = 0; i < rig->event_count && i < MAX_BUS; i++)
            fprintf(detail, " %c%06x@%u", rig->events[i].write ? 'w' : 'r', rig->events[i].addr, rig->events[i].clock);
        fprintf(detail, "\n    bus: want");
        const uint8_t *p = t->tr;
        uint32_t clock = 0;
        for (uint32_t i = 0; i < t->tr_count; i++) {
            uint8_t kind = p[0];
            uint32_t start = clock;
            clock += (uint32_t)p[1] | ((uint32_t)p[2] << 8) | ((uint32_t)p[3] << 16) | ((uint32_t)p[4] << 24);
            p += 5;
            if (kind == 0)
                continue;
            uint32_t addr = (uint32_t)p[4] | ((uint32_t)p[5] << 8) | ((uint32_t)p[6] << 16) | ((uint32_t)p[7] << 24);
            p += 20;
            fprintf(detail, " %c%06x@%u", kind == 1 ? 'w' : kind == 2 ? 'r' : kind == 3 ? 't' : 'X',
                    addr & 0xFFFFFFu, start);
        }
        fprintf(detail, "\n");
    }
    for (unsigned i = 0; i < rig->touched_count; i++)
        rig->ram[rig->touched[i]] = 0;
    rig->touched_count = 0;
    return o;
}

static uint8_t *load_gz(const char *path, size_t *size)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1u << 20, len = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        int n = gzread(f, buf + len, (unsigned)(cap - len));
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    gzclose(f);
    *size = len;
    return buf;
}

/* ----------------------------------------------------------- baseline -- */
typedef struct FileResult {
    char name[96];
    int total, state_pass, cycle_pass, bus_pass, timing_pass, pass;
} FileResult;

static int name_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The data's authors flag these two files as doubtful: reported, not gated. */
static int is_ungated(const char *name) { return !strncmp(name, "TAS.", 4) || !strncmp(name, "TRAPV.", 6); }

static int baseline_lookup(const char *path, const char *name, int *count)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256], fname[200];
    int c, found = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%199s %d", fname, &c) == 2 && !strcmp(fname, name)) {
            *count = c;
            found = 1;
            break;
        }
    }
    fclose(f);
    return found;
}

int main(int argc, char **argv)
{
    const char *baseline = MDEMU_SOURCE_DIR "/tests/m68k_sst.baseline";
    const char *write_baseline = NULL, *only = NULL;
    int show = 0, show_bus = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--baseline") && i + 1 < argc)
            baseline = argv[++i];
        else if (!strcmp(argv[i], "--write-baseline") && i + 1 < argc)
            write_baseline = argv[++i];
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--show") && i + 1 < argc)
            show = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--show-bus"))
            show_bus = 1;
        else {
            fprintf(stderr, "usage: %s [--baseline F] [--write-baseline F] [--only NAME] [--show N]\n", argv[0]);
            return 2;
        }
    }
    char dir[1024];
    mdemu_testdata_path(dir, sizeof dir, "m68000");
    DIR *d = opendir(dir);
    if (!d) {
        printf("m68k_sst: no test data at %s, skipping\n", dir);
        return MDEMU_TEST_SKIP;
    }
    char **names = NULL;
    size_t count = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n > 12 && !strcmp(de->d_name + n - 12, ".json.bin.gz")) {
            names = realloc(names, (count + 1) * sizeof *names);
            names[count++] = strdup(de->d_name);
        }
    }
    closedir(d);
    if (!count) {
        printf("m68k_sst: no *.json.bin.gz files in %s, skipping\n", dir);
        free(names);
        return MDEMU_TEST_SKIP;
    }
    qsort(names, count, sizeof *names, name_cmp);

    Rig *rig = calloc(1, sizeof *rig);
    rig->ram = calloc(RAM_SIZE + 1, 1);
    M68kBus bus = {.ctx = rig, .read8 = rig_read8, .read16 = rig_read16, .write8 = rig_write8, .write16 = rig_write16};
    M68k *cpu = calloc(1, sizeof *cpu);
    m68k_init(cpu, &bus);
    rig->cpu = cpu;

    FileResult *results = calloc(count, sizeof *results);
    long total_pass = 0, total_fail = 0;
    int regressions = 0, data_errors = 0;
    FILE *bw = write_baseline ? fopen(write_baseline, "w") : NULL;
    if (write_baseline && !bw) {
        fprintf(stderr, "cannot write %s\n", write_baseline);
        return 2;
    }
    for (size_t fi = 0; fi < count; fi++) {
        FileResult *fr = &results[fi];
        snprintf(fr->name, sizeof fr->name, "%.*s", (int)(strlen(names[fi]) - 12), names[fi]);
        if (only && strcmp(fr->name, only))
            continue;
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", dir, names[fi]);
        size_t size = 0;
        uint8_t *data = load_gz(path, &size);
        Reader r = {data, data + size, 0};
        if (!data || rd_u32(&r) != 0x1A3F5D71u) {
            printf("%-16s unreadable\n", fr->name);
            data_errors++;
            free(data);
            continue;
        }
        uint32_t n = rd_u32(&r);
        int shown = 0;
        for (uint32_t i = 0; i < n; i++) {
            Test t;
            if (!parse_test(&r, &t)) {
                printf("%-16s corrupt at test %u\n", fr->name, i);
                data_errors++;
                break;
            }
            Outcome o = run_test(cpu, rig, &t, NULL);
            fr->total++;
            fr->state_pass += o.state_ok;
            fr->cycle_pass += o.cycles_ok;
            fr->bus_pass += o.bus_ok;
            fr->timing_pass += o.timing_ok;
            fr->pass += o.state_ok && o.cycles_ok;
            if (show && !(o.state_ok && o.cycles_ok && (o.timing_ok || !show_bus)) && shown < show) {
                shown++;
                printf("  FAIL %s [%s]\n", fr->name, t.name);
                run_test(cpu, rig, &t, stdout);
            }
        }
        free(data);
        total_pass += fr->pass;
        total_fail += fr->total - fr->pass;
        int base = 0, have = baseline_lookup(baseline, fr->name, &base);
        const char *verdict = "";
        if (is_ungated(fr->name)) {
            verdict = " (not gated)";
        } else if (!write_baseline && have == 1 && fr->pass < base) {
            verdict = " REGRESSION";
            regressions++;
        } else if (!write_baseline && have != 1 && fr->pass < fr->total) {
            /* A file the baseline does not know must pass completely. */
            verdict = " NOT IN BASELINE";
            regressions++;
        }
        printf("%-16s regs+mem %4d/%d  cycles %4d/%d  bus %4d  bus+timing %4d  pass %4d (baseline %d)%s\n",
               fr->name, fr->state_pass, fr->total, fr->cycle_pass, fr->total, fr->bus_pass, fr->timing_pass,
               fr->pass, have == 1 ? base : 0, verdict);
        if (bw)
            fprintf(bw, "%s %d\n", fr->name, fr->pass);
        fflush(stdout);
    }
    if (bw)
        fclose(bw);
    printf("m68k_sst: %ld passed, %ld failed\n", total_pass, total_fail);
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    free(results);
    free(cpu);
    free(rig->ram);
    free(rig);
    if (data_errors)
        return 1;
    if (!write_baseline && !only) {
        FILE *f = fopen(baseline, "r");
        if (!f) {
            printf("m68k_sst: baseline %s missing (create it with --write-baseline)\n", baseline);
            return 1;
        }
        fclose(f);
    }
    return regressions ? 1 : 0;
}
