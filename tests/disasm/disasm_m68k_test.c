/* disasm_m68k_test.c - 68000 disassembler: every instruction form against a
 * table of expected text, and every possible first word without a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "m68k.h"

typedef struct M68kDisasmCase {
    uint16_t words[6];
    int count;
    const char *text;
} M68kDisasmCase;

#include "disasm_m68k_cases.h"

#define CASE_PC 0x1000u

typedef struct WordSource {
    uint32_t base;
    const uint16_t *words;
    int count;
    uint16_t fill; /* returned past the given words */
    int reads_outside;
} WordSource;

static uint16_t source_read(void *ctx, uint32_t addr)
{
    WordSource *src = ctx;
    uint32_t index = (addr - src->base) / 2;
    if ((addr & 1) == 0 && addr >= src->base && index < (uint32_t)src->count)
        return src->words[index];
    src->reads_outside++;
    return src->fill;
}

static void test_table(void **state)
{
    (void)state;
    size_t count = sizeof m68k_disasm_cases / sizeof m68k_disasm_cases[0];
    int failures = 0;
    for (size_t i = 0; i < count; i++) {
        const M68kDisasmCase *c = &m68k_disasm_cases[i];
        WordSource src = { CASE_PC, c->words, c->count, 0xFFFF, 0 };
        char text[128];
        int len = m68k_disasm(CASE_PC, source_read, &src, text, sizeof text);
        if (strcmp(text, c->text) != 0 || len != 2 * c->count || src.reads_outside) {
            printf("case %zu (%04x): expected \"%s\" (%d bytes), got \"%s\" (%d bytes)\n", i,
                   c->words[0], c->text, 2 * c->count, text, len);
            failures++;
        }
    }
    printf("%zu cases, %d failures\n", count, failures);
    assert_int_equal(failures, 0);
}

/* Every first word, with extension words of several shapes: must decode to
 * something, consume 2..10 bytes, and never read past what it reports. */
static void test_every_word(void **state)
{
    (void)state;
    static const uint16_t fills[3][5] = {
        { 0x0000, 0x0000, 0x0000, 0x0000, 0x0000 },
        { 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF },
        { 0x8F01, 0x7FFE, 0x0881, 0xF800, 0x1234 },
    };
    int illegal = 0;
    for (unsigned f = 0; f < 3; f++) {
        for (uint32_t op = 0; op < 0x10000; op++) {
            uint16_t words[6] = { (uint16_t)op };
            memcpy(words + 1, fills[f], sizeof fills[f]);
            WordSource src = { 0xFFFFF0u, words, 6, 0, 0 };
            char text[128];
            int len = m68k_disasm(src.base, source_read, &src, text, sizeof text);
            assert_true(len >= 2 && len <= 10 && (len & 1) == 0);
            assert_int_equal(src.reads_outside, 0);
            assert_true(text[0] != '\0');
            assert_null(strchr(text, '?'));
            if (strncmp(text, "dc.w", 4) == 0) {
                assert_int_equal(len, 2);
                if (f == 0)
                    illegal++;
            }
            if ((op >> 12) == 0xA || (op >> 12) == 0xF)
                assert_memory_equal(text, "dc.w", 4);
        }
    }
    printf("%d of 65536 first words are not 68000 instructions\n", illegal);
    assert_true(illegal >= 8192); /* at least all of line A and line F */
}

static void test_small_buffers(void **state)
{
    (void)state;
    const uint16_t words[] = { 0x48E7, 0xFFFE }; /* movem.l d0-d7/a0-a6,-(sp) */
    WordSource src = { CASE_PC, words, 2, 0, 0 };
    char text[8];
    memset(text, 'x', sizeof text);
    assert_int_equal(m68k_disasm(CASE_PC, source_read, &src, text, sizeof text), 4);
    assert_string_equal(text, "movem.l");
    char one[1] = { 'x' };
    assert_int_equal(m68k_disasm(CASE_PC, source_read, &src, one, 1), 4);
    assert_int_equal(one[0], '\0');
    assert_int_equal(m68k_disasm(CASE_PC, source_read, &src, NULL, 0), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_every_word),
        cmocka_unit_test(test_small_buffers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
