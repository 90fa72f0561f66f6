/* disasm_trace_test.c - the one-line instruction traces of both CPUs: exact
 * format, instruction bytes from mapped pages and from bus callbacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "m68k.h"
#include "z80.h"

typedef struct TestMemory {
    uint8_t bytes[0x10000];
    int callback_reads;
} TestMemory;

static uint16_t mem_read16(void *ctx, uint32_t addr)
{
    TestMemory *m = ctx;
    m->callback_reads++;
    addr &= 0xFFFF;
    return (uint16_t)((m->bytes[addr] << 8) | m->bytes[(addr + 1) & 0xFFFF]);
}
static uint8_t mem_read8(void *ctx, uint32_t addr)
{
    TestMemory *m = ctx;
    m->callback_reads++;
    return m->bytes[addr & 0xFFFF];
}
static void mem_write16(void *ctx, uint32_t addr, uint16_t v) { (void)ctx; (void)addr; (void)v; }
static void mem_write8(void *ctx, uint32_t addr, uint8_t v) { (void)ctx; (void)addr; (void)v; }

static void put_words(TestMemory *m, uint32_t addr, const uint16_t *words, int count)
{
    for (int i = 0; i < count; i++) {
        m->bytes[(addr + 2u * (unsigned)i) & 0xFFFF] = (uint8_t)(words[i] >> 8);
        m->bytes[(addr + 2u * (unsigned)i + 1) & 0xFFFF] = (uint8_t)words[i];
    }
}

static void setup_m68k(M68k *cpu, TestMemory *mem, bool map_page, uint32_t start,
                       const uint16_t *words, int count)
{
    M68kBus bus;
    memset(&bus, 0, sizeof bus);
    bus.ctx = mem;
    bus.read8 = mem_read8;
    bus.read16 = mem_read16;
    bus.write8 = mem_write8;
    bus.write16 = mem_write16;
    m68k_init(cpu, &bus);
    if (map_page)
        m68k_map_pages(cpu, 0, 1, mem->bytes, mem->bytes, 0);
    put_words(mem, start, words, count);
    for (int i = 0; i < 8; i++) {
        m68k_set_reg(cpu, (M68kReg)(M68K_REG_D0 + i), 0x11111111u * (unsigned)i);
        m68k_set_reg(cpu, (M68kReg)(M68K_REG_A0 + i), 0x00FF0000u + 0x100u * (unsigned)i);
    }
    m68k_set_reg(cpu, M68K_REG_SR, 0x2704);
    /* The core's PC is the next prefetch address; IR/IRC hold the first words. */
    m68k_set_reg(cpu, M68K_REG_PC, start + 4);
    m68k_set_reg(cpu, M68K_REG_IR, words[0]);
    m68k_set_reg(cpu, M68K_REG_IRC, count > 1 ? words[1] : 0);
}

/* Both CPUs and 64 KiB of memory: on the heap, one per test. */
typedef struct TraceFixture {
    TestMemory mem;
    M68k cpu;
    Z80 z80;
} TraceFixture;

static int fixture_setup(void **state)
{
    *state = calloc(1, sizeof(TraceFixture));
    return *state ? 0 : -1;
}

static int fixture_teardown(void **state)
{
    free(*state);
    return 0;
}

static const char m68k_regs_text[] =
    "D0=00000000 D1=11111111 D2=22222222 D3=33333333 D4=44444444 D5=55555555 D6=66666666 "
    "D7=77777777 A0=00FF0000 A1=00FF0100 A2=00FF0200 A3=00FF0300 A4=00FF0400 A5=00FF0500 "
    "A6=00FF0600 A7=00FF0700 SR=2704";

static void test_m68k_trace_mapped(void **state)
{
    TraceFixture *fx = *state;
    TestMemory *mem = &fx->mem;
    M68k *cpu = &fx->cpu;
    memset(mem, 0, sizeof *mem);
    const uint16_t words[] = { 0x3218 }; /* move.w (a0)+,d1 */
    setup_m68k(cpu, mem, true, 0x1000, words, 1);
    char line[512];
    int len = m68k_trace_line(cpu, line, sizeof line);
    char expected[512];
    snprintf(expected, sizeof expected, "001000  %-34s  %s", "move.w  (a0)+,d1", m68k_regs_text);
    assert_string_equal(line, expected);
    assert_int_equal(len, (int)strlen(expected));
    assert_null(strchr(line, '\n'));
}

static void test_m68k_trace_callbacks(void **state)
{
    TraceFixture *fx = *state;
    TestMemory *mem = &fx->mem;
    M68k *cpu = &fx->cpu;
    memset(mem, 0, sizeof *mem);
    /* move.l #$12345678,($ff0000).l: words 3..5 come through the callbacks */
    const uint16_t words[] = { 0x23FC, 0x1234, 0x5678, 0x00FF, 0x0000 };
    setup_m68k(cpu, mem, false, 0x2000, words, 5);
    mem->callback_reads = 0;
    char line[512];
    m68k_trace_line(cpu, line, sizeof line);
    char expected[512];
    snprintf(expected, sizeof expected, "002000  %-34s  %s", "move.l  #$12345678,($ff0000).l",
             m68k_regs_text);
    assert_string_equal(line, expected);
    assert_int_equal(mem->callback_reads, 3);
}

/* The prefetched IR/IRC are what will execute, even if memory changed since. */
static void test_m68k_trace_uses_prefetch(void **state)
{
    TraceFixture *fx = *state;
    TestMemory *mem = &fx->mem;
    M68k *cpu = &fx->cpu;
    memset(mem, 0, sizeof *mem);
    const uint16_t words[] = { 0x4E71 }; /* nop */
    setup_m68k(cpu, mem, true, 0x0100, words, 1);
    const uint16_t overwritten[] = { 0x4E75 }; /* rts */
    put_words(mem, 0x0100, overwritten, 1);
    char line[512];
    m68k_trace_line(cpu, line, sizeof line);
    assert_memory_equal(line, "000100  nop ", 12);
    char small[10];
    int len = m68k_trace_line(cpu, small, sizeof small);
    assert_string_equal(small, "000100  n");
    assert_int_equal(len, (int)strlen(line));
}

static uint8_t z80_mem_read(void *ctx, uint16_t addr) { return mem_read8(ctx, addr); }
static void z80_mem_write(void *ctx, uint16_t addr, uint8_t v) { mem_write8(ctx, addr, v); }

static void init_z80(Z80 *z80, TestMemory *mem, bool map_pages, uint16_t pc, const uint8_t *bytes,
                     int count)
{
    Z80Bus bus;
    memset(&bus, 0, sizeof bus);
    bus.ctx = mem;
    bus.read = z80_mem_read;
    bus.write = z80_mem_write;
    z80_init(z80, &bus);
    if (map_pages)
        z80_map_pages(z80, 0, Z80_PAGE_COUNT, mem->bytes, mem->bytes, 0);
    for (int i = 0; i < count; i++)
        mem->bytes[(uint16_t)(pc + i)] = bytes[i];
    z80_set_reg(z80, Z80_REG_PC, pc);
    z80_set_reg(z80, Z80_REG_AF, 0x1234);
    z80_set_reg(z80, Z80_REG_BC, 0x5678);
    z80_set_reg(z80, Z80_REG_DE, 0x9ABC);
    z80_set_reg(z80, Z80_REG_HL, 0xDEF0);
    z80_set_reg(z80, Z80_REG_IX, 0x1111);
    z80_set_reg(z80, Z80_REG_IY, 0x2222);
    z80_set_reg(z80, Z80_REG_SP, 0xDFF0);
}

static void test_z80_trace(void **state)
{
    TraceFixture *fx = *state;
    TestMemory *mem = &fx->mem;
    Z80 *z80 = &fx->z80;
    for (int mapped = 0; mapped < 2; mapped++) {
        memset(mem, 0, sizeof *mem);
        const uint8_t bytes[] = { 0xDD, 0x36, 0x05, 0x12 }; /* ld (ix+5),$12 */
        init_z80(z80, mem, mapped != 0, 0x0123, bytes, 4);
        mem->callback_reads = 0;
        char line[256];
        int len = z80_trace_line(z80, line, sizeof line);
        char expected[256];
        snprintf(expected, sizeof expected,
                 "0123  %-20s  AF=1234 BC=5678 DE=9ABC HL=DEF0 IX=1111 IY=2222 SP=DFF0",
                 "ld (ix+5),$12");
        assert_string_equal(line, expected);
        assert_int_equal(len, (int)strlen(expected));
        assert_int_equal(mem->callback_reads, mapped ? 0 : 4);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_m68k_trace_mapped, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_m68k_trace_callbacks, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_m68k_trace_uses_prefetch, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_z80_trace, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
