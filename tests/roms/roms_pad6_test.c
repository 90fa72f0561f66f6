/* roms_pad6_test.c - runs roms/tests/pad6_selftest.s on the whole console
 * and presses its buttons: before every frame the host reads the step the
 * ROM asks for (word at 0xFF00F0), sets each port's pad type and buttons
 * from the same table the ROM checks against, and runs the frame. The ROM
 * reads both ports with the TH protocol and reports through the test port
 * and the result block. Port 1 stays on AUTO, which the ROM header's '6'
 * resolves to a six-button pad. Also: wrong input must make the ROM fail.
 * Argument: the folder holding the built ROMs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mdemu.h"
#include "roms_test_util.h"

enum { MAX_FRAMES = 300, STEP_WORD = 0xF0, STEP_DONE = 0xFFFF };

typedef struct PadRow {
    int type[2];       /* 0 none, 3, 6 (as in the ROM's table) */
    uint16_t buttons[2];
} PadRow;

/* Same rows as `steps` and `timing_row` in pad6_selftest.s. */
static const PadRow rows[] = {
    {{6, 3}, {0x000, 0x000}}, {{6, 3}, {0x011, 0x022}}, {{6, 3}, {0x100, 0x0C0}},
    {{6, 3}, {0xE04, 0x078}}, {{6, 3}, {0xFF9, 0x096}}, {{6, 0}, {0x840, 0x0FF}},
    {{0, 3}, {0x123, 0x009}}, {{3, 6}, {0x114, 0x482}}, {{6, 6}, {0x300, 0xC00}},
    {{6, 3}, {0xC28, 0x000}},
};
enum { ROW_COUNT = sizeof rows / sizeof rows[0] };

/* How a run misbehaves on purpose (negative tests). */
typedef struct Sabotage {
    int force_type_port0; /* -1: follow the table; else an MdemuPadType for port 1 */
    int flip_step;        /* -1: none; else XOR flip_buttons into port 1 on this step */
    uint16_t flip_buttons;
} Sabotage;

static uint16_t ram16(const uint8_t *ram, size_t at) { return (uint16_t)((ram[at] << 8) | ram[at + 1]); }

static uint8_t *read_rom(const char *rom_dir, const char *name, size_t *size)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.bin", rom_dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_error("cannot open %s\n", path);
        fail();
    }
    uint8_t *data = malloc(0x400000);
    assert_non_null(data);
    *size = fread(data, 1, 0x400000, f);
    fclose(f);
    return data;
}

static MdemuPadType table_type(int type)
{
    return type == 6 ? MDEMU_PAD_6BUTTON : type == 3 ? MDEMU_PAD_3BUTTON : MDEMU_PAD_NONE;
}

/* Port 1 uses AUTO whenever the table wants a six-button pad, so the
 * header's device field is what makes it one. */
static void apply_row(Mdemu *md, const PadRow *row, const Sabotage *sab, unsigned step)
{
    for (int port = 0; port < 2; port++) {
        MdemuPadType want = table_type(row->type[port]);
        if (port == 0 && sab->force_type_port0 >= 0) {
            mdemu_set_pad_type(md, 0, (MdemuPadType)sab->force_type_port0);
        } else if (port == 0 && want == MDEMU_PAD_6BUTTON) {
            mdemu_set_pad_type(md, 0, MDEMU_PAD_AUTO);
            assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_6BUTTON);
        } else {
            mdemu_set_pad_type(md, port, want);
            assert_int_equal(mdemu_pad_type(md, port), want);
        }
        uint16_t buttons = row->buttons[port];
        if (port == 0 && sab->flip_step >= 0 && (unsigned)sab->flip_step == step)
            buttons ^= sab->flip_buttons;
        mdemu_set_pad(md, port, buttons);
    }
}

/* Runs the ROM, answering its step requests. Returns the exit code. */
static int run_pad_rom(const char *rom_dir, const Sabotage *sab, PortOutput *out, uint32_t *pass, uint32_t *failed,
                       uint16_t *first_failed_id, unsigned *steps_seen)
{
    size_t size = 0;
    uint8_t *rom = read_rom(rom_dir, "pad6_selftest", &size);
    Mdemu *md = mdemu_create(NULL);
    assert_non_null(md);
    char err[256] = "";
    assert_int_equal(mdemu_load_rom_memory(md, rom, size, "pad6_selftest", err, sizeof err), MDEMU_OK);
    assert_non_null(strchr(mdemu_rom_info(md)->devices, '6'));
    mdemu_set_test_port(md, MDEMU_TEST_PORT_DEFAULT, collect, out);
    size_t ram_size = 0;
    const uint8_t *ram = mdemu_work_ram(md, &ram_size);
    assert_true(ram_size >= 0x100);
    unsigned highest = 0;
    for (int frame = 0; frame < MAX_FRAMES && mdemu_test_port_exit(md) < 0; frame++) {
        unsigned step = ram16(ram, STEP_WORD);
        if (step < ROW_COUNT) {
            apply_row(md, &rows[step], sab, step);
            if (step > highest)
                highest = step;
        }
        mdemu_run_frame(md);
    }
    int code = mdemu_test_port_exit(md);
    *pass = ram32(ram, 0x04);
    *failed = ram32(ram, 0x08);
    *first_failed_id = ram16(ram, 0x10);
    *steps_seen = highest + 1;
    if (code >= 0) {
        assert_int_equal(ram32(ram, 0x00), 0x4D445452); /* 'MDTR' */
        assert_int_equal(ram16(ram, 0x0C), 1);
        assert_int_equal(ram16(ram, 0x0E), code);
        assert_int_equal(ram16(ram, STEP_WORD), STEP_DONE);
    }
    mdemu_destroy(md);
    free(rom);
    return code;
}

static const Sabotage honest = {-1, -1, 0};

static void pads_pass_with_right_input(void **state)
{
    const char *rom_dir = *state;
    PortOutput out = {{0}, 0};
    uint32_t pass = 0, failed = 0;
    uint16_t first = 0;
    unsigned steps = 0;
    int code = run_pad_rom(rom_dir, &honest, &out, &pass, &failed, &first, &steps);
    if (code != 0)
        print_error("pad6_selftest exit %d:\n%s\n", code, out.text);
    assert_int_equal(code, 0);
    assert_int_equal(failed, 0);
    assert_int_equal(steps, ROW_COUNT);
    /* 9 reads per port per step, 4 + 9 in the timing step. */
    assert_int_equal(pass, (ROW_COUNT - 1) * 2 * 9 + 4 + 9);
    assert_memory_equal(out.text, "pad6_selftest", strlen("pad6_selftest"));
    assert_non_null(strstr(out.text, "PASS "));
}

/* A three-button pad on port 1 lacks the signature and X/Y/Z/Mode: the
 * first six-button row already fails at its 3rd TH-low read (id 0x005). */
static void three_button_pad_where_six_expected_fails(void **state)
{
    const char *rom_dir = *state;
    Sabotage sab = {MDEMU_PAD_3BUTTON, -1, 0};
    PortOutput out = {{0}, 0};
    uint32_t pass = 0, failed = 0;
    uint16_t first = 0;
    unsigned steps = 0;
    assert_int_equal(run_pad_rom(rom_dir, &sab, &out, &pass, &failed, &first, &steps), 1);
    assert_true(failed > 0);
    assert_int_equal(first, 0x005);
    assert_non_null(strstr(out.text, "FAIL "));
}

/* An extra Y on step 2 shows up only in the read after the 3rd TH fall. */
static void wrong_button_is_caught(void **state)
{
    const char *rom_dir = *state;
    Sabotage sab = {-1, 2, MDEMU_BTN_Y};
    PortOutput out = {{0}, 0};
    uint32_t pass = 0, failed = 0;
    uint16_t first = 0;
    unsigned steps = 0;
    assert_int_equal(run_pad_rom(rom_dir, &sab, &out, &pass, &failed, &first, &steps), 1);
    assert_int_equal(failed, 1);
    assert_int_equal(first, 0x206);
    assert_non_null(strstr(out.text, "FAIL id=0206"));
}

/* AUTO follows the header: a ROM without '6' gets a three-button pad. */
static void auto_pad_follows_header(void **state)
{
    const char *rom_dir = *state;
    size_t size = 0;
    uint8_t *rom = read_rom(rom_dir, "testport_example", &size);
    Mdemu *md = mdemu_create(NULL);
    assert_non_null(md);
    char err[256] = "";
    assert_int_equal(mdemu_load_rom_memory(md, rom, size, "testport_example", err, sizeof err), MDEMU_OK);
    assert_null(strchr(mdemu_rom_info(md)->devices, '6'));
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_3BUTTON);
    assert_int_equal(mdemu_pad_type(md, 1), MDEMU_PAD_3BUTTON);
    free(rom);
    rom = read_rom(rom_dir, "pad6_selftest", &size);
    assert_int_equal(mdemu_load_rom_memory(md, rom, size, "pad6_selftest", err, sizeof err), MDEMU_OK);
    assert_int_equal(mdemu_pad_type(md, 0), MDEMU_PAD_6BUTTON);
    assert_int_equal(mdemu_pad_type(md, 1), MDEMU_PAD_6BUTTON);
    mdemu_destroy(md);
    free(rom);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: roms_pad6 ROM_DIR\n");
        return 1;
    }
    void *rom_dir = argv[1];
    const struct CMUnitTest tests[] = {
        {"pads_pass_with_right_input", pads_pass_with_right_input, NULL, NULL, rom_dir},
        {"three_button_pad_where_six_expected_fails", three_button_pad_where_six_expected_fails, NULL, NULL,
         rom_dir},
        {"wrong_button_is_caught", wrong_button_is_caught, NULL, NULL, rom_dir},
        {"auto_pad_follows_header", auto_pad_follows_header, NULL, NULL, rom_dir},
    };
    return cmocka_run_group_tests_name("roms_pad6", tests, NULL, NULL);
}
