/* disasm_z80_test.c - Z80 disassembler: every instruction form against a
 * table of expected text, and every prefix/opcode combination without a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "z80.h"

typedef struct Z80DisasmCase {
    uint8_t bytes[4];
    int count;
    const char *text;
} Z80DisasmCase;

#include "disasm_z80_cases.h"

#define CASE_PC 0x8000u

typedef struct ByteSource {
    uint16_t base;
    uint8_t bytes[8];
    int max_offset_read; /* highest offset from base that was read */
} ByteSource;

static uint8_t source_read(void *ctx, uint16_t addr)
{
    ByteSource *src = ctx;
    int offset = (uint16_t)(addr - src->base);
    if (offset > src->max_offset_read)
        src->max_offset_read = offset;
    return offset < 8 ? src->bytes[offset] : 0;
}

static int disasm_bytes(const uint8_t *bytes, int count, uint16_t pc, char *text, size_t size,
                        int *max_read)
{
    ByteSource src = { pc, { 0 }, -1 };
    memcpy(src.bytes, bytes, (size_t)count);
    int len = z80_disasm(pc, source_read, &src, text, size);
    if (max_read)
        *max_read = src.max_offset_read;
    return len;
}

static void test_table(void **state)
{
    (void)state;
    size_t count = sizeof z80_disasm_cases / sizeof z80_disasm_cases[0];
    int failures = 0;
    for (size_t i = 0; i < count; i++) {
        const Z80DisasmCase *c = &z80_disasm_cases[i];
        char text[64];
        int max_read;
        int len = disasm_bytes(c->bytes, 4, CASE_PC, text, sizeof text, &max_read);
        /* a lone DD/FD is recognised by peeking at the following prefix */
        int allowed_read = c->count == 1 ? 1 : c->count - 1;
        if (strcmp(text, c->text) != 0 || len != c->count || max_read > allowed_read) {
            printf("case %zu (%02x %02x %02x %02x): expected \"%s\" (%d), got \"%s\" (%d)\n", i,
                   c->bytes[0], c->bytes[1], c->bytes[2], c->bytes[3], c->text, c->count, text, len);
            failures++;
        }
    }
    printf("%zu cases, %d failures\n", count, failures);
    assert_int_equal(failures, 0);
}

static void check_sequence(const uint8_t bytes[4])
{
    char text[64];
    int max_read;
    int len = disasm_bytes(bytes, 4, (uint16_t)0xFFFE, text, sizeof text, &max_read);
    assert_true(len >= 1 && len <= 4);
    /* a DD/FD is only known to stand alone after peeking at the next byte */
    assert_true(max_read < len || (len == 1 && max_read == 1));
    assert_true(text[0] != '\0');
}

/* Every two-byte start, with displacement/immediate bytes of several values,
 * and every DDCB/FDCB operation byte. The pc sits at the top of memory so
 * that reads wrap around. */
static void test_every_combination(void **state)
{
    (void)state;
    static const uint8_t fills[3] = { 0x00, 0x80, 0xFF };
    for (unsigned b0 = 0; b0 < 256; b0++) {
        for (unsigned b1 = 0; b1 < 256; b1++) {
            bool index_cb = (b0 == 0xDD || b0 == 0xFD) && b1 == 0xCB;
            for (unsigned f = 0; f < 3; f++) {
                for (unsigned b3 = 0; b3 < (index_cb ? 256u : 1u); b3++) {
                    uint8_t bytes[4] = { (uint8_t)b0, (uint8_t)b1, fills[f],
                                         index_cb ? (uint8_t)b3 : fills[f] };
                    check_sequence(bytes);
                }
            }
        }
    }
}

/* A DD/FD prefix in front of an instruction that uses no HL, H, L or (HL)
 * changes nothing: same text, one byte longer. */
static void test_prefix_without_effect(void **state)
{
    (void)state;
    int unchanged = 0;
    for (unsigned op = 0; op < 256; op++) {
        if (op == 0xCB || op == 0xDD || op == 0xED || op == 0xFD)
            continue;
        uint8_t plain[4] = { (uint8_t)op, 0x05, 0x07, 0x09 };
        uint8_t prefixed[5] = { 0xDD, (uint8_t)op, 0x05, 0x07, 0x09 };
        char plain_text[64], prefixed_text[64];
        int plain_len = disasm_bytes(plain, 4, CASE_PC, plain_text, sizeof plain_text, NULL);
        int prefixed_len = disasm_bytes(prefixed, 5, CASE_PC, prefixed_text, sizeof prefixed_text, NULL);
        if (strstr(prefixed_text, "ix") == NULL) {
            /* relative jumps move their target by the extra byte */
            if (strstr(plain_text, "jr ") || strstr(plain_text, "djnz ")) {
                assert_int_equal(prefixed_len, plain_len + 1);
                continue;
            }
            assert_string_equal(prefixed_text, plain_text);
            assert_int_equal(prefixed_len, plain_len + 1);
            unchanged++;
        } else {
            /* the prefix replaced an HL, H, L or (HL) operand */
            assert_true(strstr(plain_text, "hl") != NULL || strstr(plain_text, ",h") != NULL ||
                        strstr(plain_text, ",l") != NULL || strstr(plain_text, " h") != NULL ||
                        strstr(plain_text, " l") != NULL);
        }
    }
    printf("%d opcodes unaffected by DD\n", unchanged);
    /* ex de,hl and exx keep their names; 256 - 4 prefixes - the HL users */
    assert_true(unchanged > 150);
}

static void test_small_buffers(void **state)
{
    (void)state;
    const uint8_t bytes[4] = { 0xDD, 0x36, 0x05, 0x12 }; /* ld (ix+5),$12 */
    char text[6];
    memset(text, 'x', sizeof text);
    assert_int_equal(disasm_bytes(bytes, 4, CASE_PC, text, sizeof text, NULL), 4);
    assert_string_equal(text, "ld (i");
    assert_int_equal(disasm_bytes(bytes, 4, CASE_PC, NULL, 0, NULL), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_every_combination),
        cmocka_unit_test(test_prefix_without_effect),
        cmocka_unit_test(test_small_buffers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
