/* z80_sst.c - runs the SingleStepTests Z80 suite (testdata z80/v1) through the
 * core: every register (WZ, R, IFF1/2, IM, Q, EI, P), the listed RAM, the
 * written ports, the T-state count and the T-state of every bus access.
 *
 * Usage: z80_sst [--baseline FILE] [--write-baseline FILE] [--filter TEXT] [--verbose N]
 * With a baseline, a file whose pass count falls below its baseline entry is a
 * regression (test fails); without one, any failing test fails the run.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <cmocka.h>
#include <zlib.h>

#include "testdata.h"
#include "z80.h"

#define MAX_ACCESSES 64
#define MAX_PORTS 8
#define MAX_TOUCHED 64

typedef struct Access {
    uint32_t tstate; /* relative to the instruction start */
    uint16_t addr;
    char kind; /* r w i o */
} Access;

typedef struct TestBus {
    uint8_t ram[0x10000];
    uint16_t touched[MAX_TOUCHED];
    unsigned touched_count;
    Access accesses[MAX_ACCESSES];
    unsigned access_count;
    uint64_t start;
    const Z80 *cpu;
    /* ports: reads are answered from the test's list, writes recorded */
    uint16_t in_port[MAX_PORTS];
    uint8_t in_value[MAX_PORTS];
    unsigned in_count, in_next;
    uint16_t out_port[MAX_PORTS];
    uint8_t out_value[MAX_PORTS];
    unsigned out_count;
} TestBus;

static void record(TestBus *tb, uint16_t addr, char kind)
{
    if (tb->access_count < MAX_ACCESSES) {
        Access *a = &tb->accesses[tb->access_count];
        a->tstate = (uint32_t)(z80_tstates(tb->cpu) - tb->start);
        a->addr = addr;
        a->kind = kind;
    }
    tb->access_count++;
}

static uint8_t tb_read(void *ctx, uint16_t addr)
{
    TestBus *tb = ctx;
    record(tb, addr, 'r');
    return tb->ram[addr];
}

static void tb_write(void *ctx, uint16_t addr, uint8_t value)
{
    TestBus *tb = ctx;
    record(tb, addr, 'w');
    if (tb->touched_count < MAX_TOUCHED)
        tb->touched[tb->touched_count++] = addr;
    tb->ram[addr] = value;
}

static uint8_t tb_in(void *ctx, uint16_t port)
{
    TestBus *tb = ctx;
    record(tb, port, 'i');
    for (unsigned i = tb->in_next; i < tb->in_count; i++) {
        if (tb->in_port[i] == port) {
            tb->in_next = i + 1;
            return tb->in_value[i];
        }
    }
    return 0xFF;
}

static void tb_out(void *ctx, uint16_t port, uint8_t value)
{
    TestBus *tb = ctx;
    record(tb, port, 'o');
    if (tb->out_count < MAX_PORTS) {
        tb->out_port[tb->out_count] = port;
        tb->out_value[tb->out_count] = value;
    }
    tb->out_count++;
}

/* ---- JSON helpers --------------------------------------------------------- */

static int json_int(const cJSON *obj, const char *name, int *out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!cJSON_IsNumber(item))
        return 0;
    *out = item->valueint;
    return 1;
}

static const struct {
    const char *name;
    Z80Reg reg;
} word_regs[] = {
    {"pc", Z80_REG_PC},   {"sp", Z80_REG_SP},   {"ix", Z80_REG_IX},     {"iy", Z80_REG_IY},
    {"wz", Z80_REG_WZ},   {"af_", Z80_REG_AF_}, {"bc_", Z80_REG_BC_},   {"de_", Z80_REG_DE_},
    {"hl_", Z80_REG_HL_}, {"i", Z80_REG_I},     {"r", Z80_REG_R},       {"im", Z80_REG_IM},
    {"iff1", Z80_REG_IFF1}, {"iff2", Z80_REG_IFF2}, {"q", Z80_REG_Q},   {"ei", Z80_REG_EI},
    {"p", Z80_REG_P},
};

static const struct {
    const char *hi, *lo;
    Z80Reg reg;
} pair_regs[] = {
    {"a", "f", Z80_REG_AF}, {"b", "c", Z80_REG_BC}, {"d", "e", Z80_REG_DE}, {"h", "l", Z80_REG_HL},
};

static void load_state(Z80 *z, TestBus *tb, const cJSON *st)
{
    int v, lo;
    for (size_t i = 0; i < sizeof word_regs / sizeof word_regs[0]; i++)
        if (json_int(st, word_regs[i].name, &v))
            z80_set_reg(z, word_regs[i].reg, (uint32_t)v);
    for (size_t i = 0; i < sizeof pair_regs / sizeof pair_regs[0]; i++)
        if (json_int(st, pair_regs[i].hi, &v) && json_int(st, pair_regs[i].lo, &lo))
            z80_set_reg(z, pair_regs[i].reg, (uint32_t)((v << 8) | lo));
    const cJSON *ram = cJSON_GetObjectItemCaseSensitive(st, "ram");
    const cJSON *cell;
    cJSON_ArrayForEach(cell, ram)
    {
        uint16_t addr = (uint16_t)cJSON_GetArrayItem(cell, 0)->valueint;
        tb->ram[addr] = (uint8_t)cJSON_GetArrayItem(cell, 1)->valueint;
        if (tb->touched_count < MAX_TOUCHED)
            tb->touched[tb->touched_count++] = addr;
    }
}

typedef struct Verdict {
    char why[256];
    size_t len;
} Verdict;

static void note(Verdict *vd, const char *fmt, ...)
{
    if (vd->len >= sizeof vd->why - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(vd->why + vd->len, sizeof vd->why - vd->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        vd->len += (size_t)n;
    if (vd->len > sizeof vd->why - 1)
        vd->len = sizeof vd->why - 1;
}

static void compare_state(const Z80 *z, const TestBus *tb, const cJSON *st, Verdict *vd)
{
    int v, lo;
    for (size_t i = 0; i < sizeof word_regs / sizeof word_regs[0]; i++) {
        if (json_int(st, word_regs[i].name, &v) && (uint32_t)v != z80_get_reg(z, word_regs[i].reg))
            note(vd, " %s=%X(want %X)", word_regs[i].name, z80_get_reg(z, word_regs[i].reg), (unsigned)v);
    }
    for (size_t i = 0; i < sizeof pair_regs / sizeof pair_regs[0]; i++) {
        if (json_int(st, pair_regs[i].hi, &v) && json_int(st, pair_regs[i].lo, &lo)) {
            uint32_t want = (uint32_t)((v << 8) | lo), got = z80_get_reg(z, pair_regs[i].reg);
            if (want != got)
                note(vd, " %s%s=%04X(want %04X)", pair_regs[i].hi, pair_regs[i].lo, got, want);
        }
    }
    const cJSON *ram = cJSON_GetObjectItemCaseSensitive(st, "ram");
    const cJSON *cell;
    cJSON_ArrayForEach(cell, ram)
    {
        uint16_t addr = (uint16_t)cJSON_GetArrayItem(cell, 0)->valueint;
        uint8_t want = (uint8_t)cJSON_GetArrayItem(cell, 1)->valueint;
        if (tb->ram[addr] != want)
            note(vd, " ram[%04X]=%02X(want %02X)", addr, tb->ram[addr], want);
    }
}

/* Each bus access must sit where the test's per-T-state pin log shows it:
 * memory strobes one T-state into the machine cycle, I/O strobes two. */
static void compare_cycles(const TestBus *tb, const cJSON *cycles, Verdict *vd)
{
    int count = cJSON_GetArraySize(cycles);
    int expected = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cycles)
    {
        const char *pins = cJSON_GetArrayItem(c, 2)->valuestring;
        if (pins && (pins[0] == 'r' || pins[1] == 'w'))
            expected++;
    }
    if (tb->access_count != (unsigned)expected) {
        note(vd, " accesses=%u(want %d)", tb->access_count, expected);
        return;
    }
    for (unsigned i = 0; i < tb->access_count && i < MAX_ACCESSES; i++) {
        const Access *a = &tb->accesses[i];
        int is_io = a->kind == 'i' || a->kind == 'o';
        int at = (int)a->tstate + (is_io ? 2 : 1);
        const cJSON *entry = at < count ? cJSON_GetArrayItem(cycles, at) : NULL;
        const char *pins = entry ? cJSON_GetArrayItem(entry, 2)->valuestring : NULL;
        const cJSON *addr = entry ? cJSON_GetArrayItem(entry, 0) : NULL;
        int read = a->kind == 'r' || a->kind == 'i';
        if (!pins || pins[read ? 0 : 1] != (read ? 'r' : 'w') || (pins[3] == 'i') != is_io ||
            !cJSON_IsNumber(addr) || (uint16_t)addr->valueint != a->addr) {
            note(vd, " access%u(%c %04X @%u) misplaced", i, a->kind, a->addr, a->tstate);
            return;
        }
    }
}

static void set_ports(TestBus *tb, const cJSON *ports)
{
    const cJSON *p;
    tb->in_count = tb->in_next = tb->out_count = 0;
    cJSON_ArrayForEach(p, ports)
    {
        const char *dir = cJSON_GetArrayItem(p, 2)->valuestring;
        if (dir && dir[0] == 'r' && tb->in_count < MAX_PORTS) {
            tb->in_port[tb->in_count] = (uint16_t)cJSON_GetArrayItem(p, 0)->valueint;
            tb->in_value[tb->in_count++] = (uint8_t)cJSON_GetArrayItem(p, 1)->valueint;
        }
    }
}

static void compare_ports(const TestBus *tb, const cJSON *ports, Verdict *vd)
{
    unsigned n = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, ports)
    {
        const char *dir = cJSON_GetArrayItem(p, 2)->valuestring;
        if (!dir || dir[0] != 'w')
            continue;
        uint16_t port = (uint16_t)cJSON_GetArrayItem(p, 0)->valueint;
        uint8_t value = (uint8_t)cJSON_GetArrayItem(p, 1)->valueint;
        if (n >= tb->out_count || n >= MAX_PORTS || tb->out_port[n] != port || tb->out_value[n] != value)
            note(vd, " out%u(want %04X=%02X)", n, port, value);
        n++;
    }
    if (n != tb->out_count)
        note(vd, " outs=%u(want %u)", tb->out_count, n);
}

/* Runs one test; returns 1 on pass. */
static int run_one_test(TestBus *tb, const cJSON *test, Verdict *vd)
{
    Z80Bus bus = {.ctx = tb, .read = tb_read, .write = tb_write, .in = tb_in, .out = tb_out};
    Z80 z;
    z80_init(&z, &bus);
    tb->cpu = &z;
    tb->touched_count = 0;
    tb->access_count = 0;
    load_state(&z, tb, cJSON_GetObjectItemCaseSensitive(test, "initial"));
    const cJSON *ports = cJSON_GetObjectItemCaseSensitive(test, "ports");
    set_ports(tb, ports);
    tb->start = z80_tstates(&z);

    int took = z80_step(&z);

    const cJSON *cycles = cJSON_GetObjectItemCaseSensitive(test, "cycles");
    vd->len = 0;
    vd->why[0] = 0;
    compare_state(&z, tb, cJSON_GetObjectItemCaseSensitive(test, "final"), vd);
    if (took != cJSON_GetArraySize(cycles))
        note(vd, " tstates=%d(want %d)", took, cJSON_GetArraySize(cycles));
    else
        compare_cycles(tb, cycles, vd);
    compare_ports(tb, ports, vd);

    for (unsigned i = 0; i < tb->touched_count; i++)
        tb->ram[tb->touched[i]] = 0;
    return vd->len == 0;
}

static char *read_gzip(const char *path, size_t *size)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            char *grown = realloc(buf, cap + 1);
            if (!grown) {
                free(buf);
                gzclose(f);
                return NULL;
            }
            buf = grown;
        }
        int n = gzread(f, buf + len, (unsigned)(cap - len));
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    gzclose(f);
    buf[len] = 0;
    *size = len;
    return buf;
}

/* ---- per-file results and the baseline ------------------------------------- */

typedef struct FileResult {
    char name[64];
    int passed, total;
} FileResult;

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

typedef struct Suite {
    FileResult *files;
    size_t count;
    long passed, failed;
    const char *baseline;
    const char *write_baseline;
} Suite;

static int run_suite(Suite *suite, const char *dir, const char *filter, int verbose)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 8 || strcmp(e->d_name + len - 8, ".json.gz") != 0)
            continue;
        if (filter && !strstr(e->d_name, filter))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 2048;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);

    TestBus *tb = calloc(1, sizeof *tb);
    suite->files = calloc(n ? n : 1, sizeof *suite->files);
    suite->count = n;
    for (size_t i = 0; i < n; i++) {
        FileResult *fr = &suite->files[i];
        snprintf(fr->name, sizeof fr->name, "%.*s", (int)(strlen(names[i]) - 8), names[i]);
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t size;
        char *text = read_gzip(path, &size);
        cJSON *root = text ? cJSON_Parse(text) : NULL;
        free(text);
        if (!root) {
            fprintf(stderr, "z80_sst: cannot read %s\n", path);
            fr->total = 1;
            suite->failed++;
            continue;
        }
        const cJSON *test;
        int shown = 0;
        cJSON_ArrayForEach(test, root)
        {
            Verdict vd;
            fr->total++;
            if (run_one_test(tb, test, &vd)) {
                fr->passed++;
            } else if (shown < verbose) {
                shown++;
                const cJSON *name = cJSON_GetObjectItemCaseSensitive(test, "name");
                printf("FAIL %s:%s\n", name && name->valuestring ? name->valuestring : "?", vd.why);
            }
        }
        cJSON_Delete(root);
        suite->passed += fr->passed;
        suite->failed += fr->total - fr->passed;
        free(names[i]);
    }
    free(names);
    free(tb);
    return 0;
}

/* Baseline lines are "FILE PASSCOUNT"; FILE may contain spaces. */
static int check_baseline(const Suite *suite)
{
    FILE *f = fopen(suite->baseline, "r");
    if (!f) {
        printf("z80_sst: no baseline %s: every test must pass\n", suite->baseline);
        return suite->failed == 0;
    }
    int ok = 1;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *sep = strrchr(line, ' ');
        if (!sep)
            continue;
        *sep = 0;
        int want = atoi(sep + 1);
        for (size_t i = 0; i < suite->count; i++) {
            if (strcmp(suite->files[i].name, line) == 0 && suite->files[i].passed < want) {
                printf("z80_sst: REGRESSION %s: %d passed, baseline %d\n", line, suite->files[i].passed, want);
                ok = 0;
            }
        }
    }
    fclose(f);
    return ok;
}

static void write_baseline(const Suite *suite)
{
    FILE *f = fopen(suite->write_baseline, "w");
    if (!f) {
        fprintf(stderr, "z80_sst: cannot write %s\n", suite->write_baseline);
        return;
    }
    for (size_t i = 0; i < suite->count; i++)
        fprintf(f, "%s %d\n", suite->files[i].name, suite->files[i].passed);
    fclose(f);
    printf("z80_sst: baseline written to %s\n", suite->write_baseline);
}

static void test_no_regression(void **state)
{
    const Suite *suite = *state;
    assert_true(suite->count > 0);
    assert_true(check_baseline(suite));
}

int main(int argc, char **argv)
{
    Suite suite = {.baseline = MDEMU_SOURCE_DIR "/tests/z80_sst.baseline"};
    const char *filter = NULL;
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--baseline") && i + 1 < argc)
            suite.baseline = argv[++i];
        else if (!strcmp(argv[i], "--write-baseline") && i + 1 < argc)
            suite.write_baseline = argv[++i];
        else if (!strcmp(argv[i], "--filter") && i + 1 < argc)
            filter = argv[++i];
        else if (!strcmp(argv[i], "--verbose") && i + 1 < argc)
            verbose = atoi(argv[++i]);
    }
    char dir[4096];
    mdemu_testdata_path(dir, sizeof dir, "z80/v1");
    if (run_suite(&suite, dir, filter, verbose) != 0 || (suite.count == 0 && !filter)) {
        printf("z80_sst: test data not found in %s: skipped\n", dir);
        return MDEMU_TEST_SKIP;
    }
    for (size_t i = 0; i < suite.count; i++)
        if (suite.files[i].passed != suite.files[i].total && verbose)
            printf("  %s: %d/%d\n", suite.files[i].name, suite.files[i].passed, suite.files[i].total);
    printf("z80_sst: %ld passed, %ld failed\n", suite.passed, suite.failed);
    if (suite.write_baseline) {
        write_baseline(&suite);
        free(suite.files);
        return 0;
    }
    const struct CMUnitTest tests[] = {cmocka_unit_test_prestate(test_no_regression, &suite)};
    int rc = cmocka_run_group_tests_name("z80_sst", tests, NULL, NULL);
    free(suite.files);
    return rc;
}
