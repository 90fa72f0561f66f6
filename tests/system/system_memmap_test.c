/* system_memmap_test.c - the 68000 and Z80 memory maps: every region, mirrors,
 * byte/word widths, Z80 bus handshake and reset, bank register, version
 * register per region, VDP decoding, TMSS, SRAM, SSF2 banking, EEPROM, test
 * port, peek. Accesses go through the buses exactly as the CPUs make them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "system_test_util.h"

static void test_rom_and_ram(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x20000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_non_null(md);
    size_t rom_size;
    const uint8_t *rom = mdemu_rom(md, &rom_size);
    assert_int_equal(rom_size, 0x20000);
    /* ROM through direct pages, mirrored past its end (128 KiB image). */
    assert_non_null(md->cpu.bus.page_read[0]);
    assert_null(md->cpu.bus.page_write[0]);
    assert_int_equal(bus_r8(md, 0x100), 'S');
    assert_int_equal(bus_r16(md, 0x1234), (rom[0x1234] << 8) | rom[0x1235]);
    assert_int_equal(bus_r8(md, 0x21234), rom[0x1234]);
    assert_int_equal(bus_r8(md, 0x3E1234), rom[0x1234]);
    /* ROM is not writable. */
    bus_w8(md, 0x1234, (uint8_t)~rom[0x1234]);
    assert_int_equal(bus_r8(md, 0x1234), rom[0x1234]);
    /* Work RAM mirrored over 0xE00000-0xFFFFFF. */
    bus_w16(md, 0xFF1234, 0xBEEF);
    assert_int_equal(bus_r16(md, 0xE01234), 0xBEEF);
    assert_int_equal(bus_r8(md, 0xEF1235), 0xEF);
    bus_w8(md, 0xE11235, 0x42);
    assert_int_equal(bus_r16(md, 0xFF1234), 0xBE42);
    size_t ram_size;
    uint8_t *ram = mdemu_work_ram(md, &ram_size);
    assert_int_equal(ram_size, 0x10000);
    assert_int_equal(ram[0x1234], 0xBE);
    assert_int_equal(mdemu_peek8(md, 0xFF1235), 0x42);
    assert_int_equal(mdemu_peek8(md, 0x000101), 'E');
    /* Unmapped space reads without crashing (open bus). */
    (void)bus_r16(md, 0x400000);
    (void)bus_r8(md, 0x900001);
    bus_w16(md, 0x800000, 0x1234);
    mdemu_destroy(md);
}

static void test_z80_bus_handshake(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_non_null(md);
    size_t zsize;
    uint8_t *zram = mdemu_z80_ram(md, &zsize);
    assert_int_equal(zsize, 0x2000);

    /* After power-on the Z80 is in reset and its bus not requested. */
    assert_int_equal(bus_r16(md, 0xA11100) & 0x0100, 0x0100);
    /* Without the bus, 68000 writes to Z80 RAM are lost. */
    bus_w8(md, 0xA00010, 0x55);
    assert_int_equal(zram[0x10], 0x00);
    /* Requested while in reset: not granted. */
    bus_w16(md, 0xA11100, 0x0100);
    assert_int_equal(bus_r16(md, 0xA11100) & 0x0100, 0x0100);
    assert_int_equal(bus_r8(md, 0xA11100) & 1, 1);
    /* Reset released: granted (bit reads 0) once the Z80 has had a clock
     * to give the bus up; the 68000's next access is later than that. */
    bus_w16(md, 0xA11200, 0x0100);
    m68k_add_cycles(&md->cpu, 8);
    assert_int_equal(bus_r16(md, 0xA11100) & 0x0100, 0x0000);
    assert_int_equal(bus_r8(md, 0xA11100) & 1, 0);
    MdemuZ80Regs zr;
    mdemu_z80_regs(md, &zr);
    assert_false(zr.running);

    /* Byte access, 8 KiB mirror, word reads see the byte twice, word writes the high byte. */
    bus_w8(md, 0xA00010, 0x55);
    assert_int_equal(zram[0x10], 0x55);
    assert_int_equal(bus_r8(md, 0xA02010), 0x55);
    assert_int_equal(bus_r16(md, 0xA00010), 0x5555);
    bus_w16(md, 0xA00020, 0xA1B2);
    assert_int_equal(zram[0x20], 0xA1);
    assert_int_equal(zram[0x21], 0x00);
    assert_int_equal(mdemu_peek8(md, 0xA00020), 0xA1);

    /* Z80 sees the same RAM, mirrored at 0x2000. */
    assert_int_equal(zbus_r8(md, 0x0010), 0x55);
    assert_int_equal(zbus_r8(md, 0x2010), 0x55);
    zbus_w8(md, 0x3FFF, 0x77);
    assert_int_equal(zram[0x1FFF], 0x77);

    /* Byte write to A11100 uses D0 of the even byte. */
    bus_w8(md, 0xA11100, 0x00);
    assert_int_equal(bus_r8(md, 0xA11100) & 1, 1);
    mdemu_z80_regs(md, &zr);
    assert_true(zr.running);
    bus_w8(md, 0xA11100, 0x01);
    m68k_add_cycles(&md->cpu, 8);
    assert_int_equal(bus_r8(md, 0xA11100) & 1, 0);

    /* Asserting reset restarts the Z80 at 0. */
    z80_set_reg(&md->z80, Z80_REG_PC, 0x1234);
    bus_w16(md, 0xA11200, 0x0000);
    assert_int_equal(z80_get_reg(&md->z80, Z80_REG_PC), 0);
    assert_int_equal(bus_r8(md, 0xA11100) & 1, 1); /* not granted while in reset */
    mdemu_destroy(md);
}

static void test_z80_bank_register(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x40000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_non_null(md);
    const uint8_t *rom = mdemu_rom(md, NULL);
    /* Nine writes of D0, A15 first: select 0x018000 (bank 3). */
    const int bank3[9] = {1, 1, 0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 9; i++)
        zbus_w8(md, 0x6000, (uint8_t)(bank3[i] | 0xFE));
    assert_int_equal(md->sys.z80_bank, 3);
    assert_int_equal(zbus_r8(md, 0x8000), rom[0x18000]);
    assert_int_equal(zbus_r8(md, 0xFFFF), rom[0x1FFFF]);
    /* Bank 0x1FF: the top of work RAM, writable from the Z80. */
    for (int i = 0; i < 9; i++)
        zbus_w8(md, 0x6000, 1);
    assert_int_equal(md->sys.z80_bank, 0x1FF);
    zbus_w8(md, 0x8005, 0x5A);
    assert_int_equal(mdemu_work_ram(md, NULL)[0x8005], 0x5A);
    assert_int_equal(zbus_r8(md, 0x8005), 0x5A);
    /* The window charges the 68000 for the bus. */
    assert_true(md->sys.z80_stall_master > 0);
    /* 68000 writes to the bank register through the Z80 space. */
    bus_w16(md, 0xA11100, 0x0100);
    bus_w16(md, 0xA11200, 0x0100);
    m68k_add_cycles(&md->cpu, 8);
    for (int i = 0; i < 9; i++)
        bus_w8(md, 0xA06000, 0);
    assert_int_equal(md->sys.z80_bank, 0);
    /* Through the window: the I/O chip answers (bank 0x142 = 0xA10000),
     * the Z80 control registers do not. */
    for (int i = 0; i < 9; i++)
        zbus_w8(md, 0x6000, (uint8_t)((0x142 >> i) & 1));
    assert_int_equal(md->sys.z80_bank, 0x142);
    assert_int_equal(zbus_r8(md, 0x8001), 0xA0);
    assert_int_equal(zbus_r8(md, 0x9100), 0xFF); /* 0xA11100 */
    /* Unused Z80 space reads as 0xFF. */
    assert_int_equal(zbus_r8(md, 0x7000), 0xFF);
    mdemu_destroy(md);
}

static void test_version_register(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    const struct { MdemuRegion region; uint8_t value; bool pal; } cases[] = {
        {MDEMU_REGION_JP, 0x20, false},
        {MDEMU_REGION_US, 0xA0, false},
        {MDEMU_REGION_EU, 0xE0, true},
    };
    for (size_t i = 0; i < 3; i++) {
        Mdemu *md = test_console(&spec, cases[i].region);
        assert_non_null(md);
        assert_int_equal(bus_r8(md, 0xA10001), cases[i].value);
        assert_int_equal(bus_r16(md, 0xA10000), cases[i].value << 8 | cases[i].value);
        assert_int_equal(mdemu_is_pal(md), cases[i].pal);
        assert_int_equal(mdemu_region(md), cases[i].region);
        mdemu_destroy(md);
    }
    /* AUTO follows the header: "E" alone is Europe, new-style "1" is Japan. */
    TestRomSpec eu = {.size = 0x10000, .regions = "E"};
    Mdemu *md = test_console(&eu, MDEMU_REGION_AUTO);
    assert_int_equal(mdemu_region(md), MDEMU_REGION_EU);
    assert_int_equal(bus_r8(md, 0xA10001), 0xE0);
    assert_true(mdemu_fps(md) < 50.0 && mdemu_fps(md) > 49.5);
    /* A region change waits for a hard reset. */
    mdemu_set_region(md, MDEMU_REGION_JP);
    assert_int_equal(mdemu_region(md), MDEMU_REGION_EU);
    mdemu_reset(md, true);
    assert_int_equal(mdemu_region(md), MDEMU_REGION_JP);
    assert_int_equal(bus_r8(md, 0xA10001), 0x20);
    assert_true(mdemu_fps(md) > 59.9 && mdemu_fps(md) < 60.0);
    mdemu_destroy(md);
    TestRomSpec jp = {.size = 0x10000, .regions = "1"};
    md = test_console(&jp, MDEMU_REGION_AUTO);
    assert_int_equal(mdemu_region(md), MDEMU_REGION_JP);
    mdemu_destroy(md);
    TestRomSpec jue = {.size = 0x10000, .regions = "JUE"};
    md = test_console(&jue, MDEMU_REGION_AUTO);
    assert_int_equal(mdemu_region(md), MDEMU_REGION_US);
    mdemu_destroy(md);
}

static void test_io_registers(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    /* Control registers read back; word access uses the low byte and the
     * upper byte mirrors it. */
    bus_w8(md, 0xA10009, 0x40);
    assert_int_equal(bus_r8(md, 0xA10009), 0x40);
    bus_w16(md, 0xA1000A, 0x0023);
    assert_int_equal(bus_r8(md, 0xA1000B), 0x23);
    assert_int_equal(bus_r16(md, 0xA1000A), 0x2323);
    /* Serial registers: transmit buffer starts as 0xFF. */
    assert_int_equal(bus_r8(md, 0xA1000F), 0xFF);
    bus_w8(md, 0xA1000F, 0x3C);
    assert_int_equal(bus_r8(md, 0xA1000F), 0x3C);
    assert_int_equal(mdemu_peek8(md, 0xA1000F), 0x3C);
    /* Expansion port: nothing attached, inputs pulled up. */
    assert_int_equal(bus_r8(md, 0xA10007) & 0x7F, 0x7F);
    mdemu_destroy(md);
}

static void test_vdp_ports(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    /* Register write through the control port and its mirrors (mode 5
     * first: registers above 10 do not exist in mode 4). */
    bus_w16(md, 0xC00004, 0x8104);
    bus_w16(md, 0xC00004, 0x8F02);
    assert_int_equal(md->vdp.state.regs[15], 0x02);
    bus_w16(md, 0xC00006, 0x8F04);
    assert_int_equal(md->vdp.state.regs[15], 0x04);
    bus_w16(md, 0xC80004, 0x8F06); /* A19 is not decoded */
    assert_int_equal(md->vdp.state.regs[15], 0x06);
    assert_false(md->cpu.state.halted);
    bus_w16(md, 0xC10004, 0x8F08); /* A16 set: not the VDP, the 68000 hangs */
    assert_int_equal(md->vdp.state.regs[15], 0x06);
    assert_true(md->cpu.state.halted);
    bus_w16(md, 0xC00024, 0x8F0A); /* A5 set: not the VDP */
    assert_int_equal(md->vdp.state.regs[15], 0x06);
    mdemu_reset(md, false); /* only a reset gets out */
    assert_false(md->cpu.state.halted);
    /* A byte write puts the byte on both halves: 0x8F8F. */
    bus_w8(md, 0xC00004, 0x8F);
    assert_int_equal(md->vdp.state.regs[15], 0x8F);
    bus_w8(md, 0xC00005, 0x8F);
    assert_int_equal(md->vdp.state.regs[15], 0x8F);
    /* PSG at the odd addresses 0xC00011..17. */
    bus_w8(md, 0xC00011, 0x9F);
    assert_int_equal(md->psg.state.attenuation[0], 0x0F);
    bus_w8(md, 0xC00017, 0x90);
    assert_int_equal(md->psg.state.attenuation[0], 0x00);
    bus_w16(md, 0xC00010, 0x00BF); /* word write: low byte */
    assert_int_equal(md->psg.state.attenuation[1], 0x0F);
    /* Status bits 15-10 are not driven by the VDP: they show the 68000's prefetch. */
    m68k_set_reg(&md->cpu, M68K_REG_IRC, 0xA400);
    assert_int_equal(bus_r16(md, 0xC00004) & 0xFC00, 0xA400);
    m68k_set_reg(&md->cpu, M68K_REG_IRC, 0x4E71);
    assert_int_equal(bus_r16(md, 0xC00004) & 0xFC00, 0x4C00);
    mdemu_destroy(md);
}

static void test_tmss(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    cfg.tmss = true;
    cfg.region = MDEMU_REGION_US;
    Mdemu *md = mdemu_create(&cfg);
    uint8_t *rom = test_rom_build(&spec);
    assert_int_equal(mdemu_load_rom_memory(md, rom, spec.size, "tmss.bin", NULL, 0), MDEMU_OK);
    free(rom);
    assert_int_equal(bus_r8(md, 0xA10001) & 0x0F, 1);
    uint8_t before = md->vdp.state.regs[1];
    bus_w16(md, 0xC00004, 0x8174);
    assert_int_equal(md->vdp.state.regs[1], before);
    assert_true(md->cpu.state.halted); /* a locked VDP never answers */
    mdemu_reset(md, true);
    bus_w16(md, 0xA14000, 0x5345);
    bus_w16(md, 0xA14002, 0x4741);
    bus_w16(md, 0xC00004, 0x8104);
    bus_w16(md, 0xC00004, 0x8F0C);
    assert_int_equal(md->vdp.state.regs[15], 0x0C);
    mdemu_destroy(md);
}

static void capture_putc(void *ctx, int c)
{
    char *buf = ctx;
    size_t n = strlen(buf);
    buf[n] = (char)c;
    buf[n + 1] = '\0';
}

static void test_test_port(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    char out[16] = "";
    /* Off by default. */
    bus_w8(md, 0xA13080, 'x');
    assert_string_equal(out, "");
    mdemu_set_test_port(md, MDEMU_TEST_PORT_DEFAULT, capture_putc, out);
    assert_int_equal(mdemu_test_port_exit(md), -1);
    bus_w8(md, 0xA13080, 'o');
    bus_w8(md, 0xA13080, 'k');
    assert_string_equal(out, "ok");
    bus_w8(md, 0xA13081, 7);
    assert_int_equal(mdemu_test_port_exit(md), 7);
    mdemu_destroy(md);
}

static void test_sram_mapping(void **state)
{
    (void)state;
    /* 1 MB ROM, SRAM above it: always mapped. */
    TestRomSpec small = {.size = 0x100000, .sram = true, .sram_start = 0x200001, .sram_end = 0x203FFF};
    Mdemu *md = test_console(&small, MDEMU_REGION_US);
    const MdemuRomInfo *info = mdemu_rom_info(md);
    assert_true(info->has_sram);
    assert_string_equal(info->save_type, "sram");
    size_t size;
    uint8_t *sram = mdemu_sram(md, &size);
    assert_non_null(sram);
    assert_int_equal(size, 0x4000);
    assert_false(mdemu_sram_dirty(md));
    bus_w8(md, 0x200001, 0x42);
    bus_w8(md, 0x200003, 0x43);
    assert_int_equal(bus_r8(md, 0x200001), 0x42);
    assert_int_equal(bus_r16(md, 0x200002) & 0xFF, 0x43);
    assert_int_equal(sram[1], 0x42);
    assert_true(mdemu_sram_dirty(md));
    assert_int_equal(mdemu_peek8(md, 0x200003), 0x43);
    mdemu_destroy(md);

    /* 4 MB ROM overlapping the SRAM: 0xA130F1 switches between them. */
    TestRomSpec big = {.size = 0x400000, .sram = true, .sram_start = 0x200001, .sram_end = 0x203FFF};
    md = test_console(&big, MDEMU_REGION_US);
    const uint8_t *rom = mdemu_rom(md, NULL);
    assert_int_equal(bus_r8(md, 0x200001), rom[0x200001]);
    bus_w8(md, 0x200001, 0x99); /* ROM: ignored */
    assert_int_equal(mdemu_sram(md, NULL)[1], 0xFF);
    bus_w8(md, 0xA130F1, 0x01);
    bus_w8(md, 0x200001, 0x99);
    assert_int_equal(bus_r8(md, 0x200001), 0x99);
    bus_w8(md, 0xA130F1, 0x03); /* write-protected */
    bus_w8(md, 0x200001, 0x11);
    assert_int_equal(bus_r8(md, 0x200001), 0x99);
    bus_w8(md, 0xA130F1, 0x00);
    assert_int_equal(bus_r8(md, 0x200001), rom[0x200001]);
    assert_int_equal(bus_r8(md, 0x210000), rom[0x210000]);
    mdemu_destroy(md);
}

static void test_ssf2_mapper(void **state)
{
    (void)state;
    const size_t size = 0x500000; /* 5 MB: needs banking */
    TestRomSpec spec = {.size = size};
    MdemuConfig cfg;
    mdemu_config_default(&cfg);
    Mdemu *md = mdemu_create(&cfg);
    uint8_t *rom = test_rom_build(&spec);
    for (size_t bank = 1; bank < size / 0x80000; bank++)
        memset(rom + bank * 0x80000, (int)bank, 0x80000);
    assert_int_equal(mdemu_load_rom_memory(md, rom, size, "ssf2.bin", NULL, 0), MDEMU_OK);
    free(rom);
    assert_string_equal(mdemu_rom_info(md)->mapper, "ssf2");
    assert_int_equal(bus_r8(md, 0x080000), 1);
    assert_int_equal(bus_r8(md, 0x380000), 7);
    bus_w8(md, 0xA130F3, 9); /* slot 1 -> bank 9 */
    assert_int_equal(bus_r8(md, 0x080000), 9);
    assert_int_equal(bus_r16(md, 0x0FFFFE), 0x0909);
    bus_w8(md, 0xA130FF, 8); /* slot 7 -> bank 8 */
    assert_int_equal(bus_r8(md, 0x3FFFFF), 8);
    assert_int_equal(bus_r8(md, 0x000100), 'S'); /* slot 0 fixed */
    /* A soft reset restores the power-on banks. */
    mdemu_reset(md, false);
    assert_int_equal(bus_r8(md, 0x080000), 1);
    mdemu_destroy(md);
}

/* X24C01 two-wire protocol, bit-banged through 0x200001 (SDA = D0, SCL = D1). */
static void ee_lines(Mdemu *md, int scl, int sda) { bus_w8(md, 0x200001, (uint8_t)(scl << 1 | sda)); }
static int ee_sda(Mdemu *md) { return bus_r8(md, 0x200001) & 1; }
static void ee_start(Mdemu *md) { ee_lines(md, 1, 1); ee_lines(md, 1, 0); ee_lines(md, 0, 0); }
static void ee_stop(Mdemu *md) { ee_lines(md, 0, 0); ee_lines(md, 1, 0); ee_lines(md, 1, 1); }
static int ee_send(Mdemu *md, uint8_t byte)
{
    for (int i = 7; i >= 0; i--) {
        int bit = (byte >> i) & 1;
        ee_lines(md, 0, bit);
        ee_lines(md, 1, bit);
        ee_lines(md, 0, bit);
    }
    ee_lines(md, 0, 1); /* release SDA for the acknowledge */
    ee_lines(md, 1, 1);
    int ack = ee_sda(md) == 0;
    ee_lines(md, 0, 1);
    return ack;
}
static uint8_t ee_recv(Mdemu *md, bool ack)
{
    uint8_t v = 0;
    for (int i = 0; i < 8; i++) {
        ee_lines(md, 1, 1);
        v = (uint8_t)(v << 1 | ee_sda(md));
        ee_lines(md, 0, 1);
    }
    ee_lines(md, 0, ack ? 0 : 1);
    ee_lines(md, 1, ack ? 0 : 1);
    ee_lines(md, 0, ack ? 0 : 1);
    return v;
}

static void test_eeprom(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x100000, .serial = "GM T-12046 -00"};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_string_equal(mdemu_rom_info(md)->save_type, "eeprom");
    size_t size;
    uint8_t *mem = mdemu_sram(md, &size);
    assert_int_equal(size, 128);
    /* write 0xA5, 0x3C at address 0x10 */
    ee_start(md);
    assert_true(ee_send(md, (uint8_t)(0x10 << 1 | 0)));
    assert_true(ee_send(md, 0xA5));
    assert_true(ee_send(md, 0x3C));
    ee_stop(md);
    assert_int_equal(mem[0x10], 0xA5);
    assert_int_equal(mem[0x11], 0x3C);
    assert_true(mdemu_sram_dirty(md));
    /* read them back sequentially */
    ee_start(md);
    assert_true(ee_send(md, (uint8_t)(0x10 << 1 | 1)));
    assert_int_equal(ee_recv(md, true), 0xA5);
    assert_int_equal(ee_recv(md, false), 0x3C);
    ee_stop(md);
    mdemu_destroy(md);
    /* The EEPROM table goes by product code only: Sonic the Hedgehog (MK-1079)
     * has no save memory, Evander Holyfield's Boxing (MK-1215) has the EEPROM. */
    TestRomSpec plain = {.size = 0x80000, .serial = "GM MK-1079 -00"};
    md = test_console(&plain, MDEMU_REGION_US);
    assert_string_equal(mdemu_rom_info(md)->save_type, "none");
    mdemu_destroy(md);
    TestRomSpec boxing = {.size = 0x80000, .serial = "GM MK-1215 -00"};
    md = test_console(&boxing, MDEMU_REGION_US);
    assert_string_equal(mdemu_rom_info(md)->save_type, "eeprom");
    mdemu_destroy(md);
}

static void test_two_instances(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *a = test_console(&spec, MDEMU_REGION_US);
    Mdemu *b = test_console(&spec, MDEMU_REGION_EU);
    bus_w16(a, 0xFF0000, 0x1111);
    bus_w16(b, 0xFF0000, 0x2222);
    assert_int_equal(bus_r16(a, 0xFF0000), 0x1111);
    assert_int_equal(bus_r16(b, 0xFF0000), 0x2222);
    assert_int_equal(bus_r8(a, 0xA10001), 0xA0);
    assert_int_equal(bus_r8(b, 0xA10001), 0xE0);
    mdemu_destroy(a);
    mdemu_destroy(b);
}

static void test_cheats(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    const uint8_t *rom = mdemu_rom(md, NULL);
    uint16_t original = (uint16_t)(rom[0x1000] << 8 | rom[0x1001]);
    assert_true(mdemu_cheat_add(md, "001000:BEEF"));
    assert_int_equal(bus_r16(md, 0x1000), 0xBEEF);
    assert_true(mdemu_cheat_add(md, "FF0100:1234"));
    assert_false(mdemu_cheat_add(md, "nonsense"));
    assert_false(mdemu_cheat_add(md, "ABCD-EFGI")); /* I is not in the alphabet */
    assert_false(mdemu_cheat_add(md, "AAAA-AAA"));  /* too short */
    /* A Game Genie code of all 'A' is address 0, value 0. */
    assert_true(mdemu_cheat_add(md, "AAAA-AAAA"));
    assert_int_equal(bus_r16(md, 0x0000), 0x0000);
    /* The published worked example of the code format. */
    assert_true(mdemu_cheat_add(md, "SCRA-BJX0"));
    assert_int_equal(bus_r16(md, 0x9C76), 0x5478);
    assert_true(mdemu_cheat_add(md, "scrabjx0")); /* case and dash do not matter */
    mdemu_cheats_apply_ram(md);
    assert_int_equal(bus_r16(md, 0xFF0100), 0x1234);
    mdemu_cheats_clear(md);
    assert_int_equal(bus_r16(md, 0x1000), original);
    assert_int_equal(bus_r16(md, 0x0000), 0x00FF);
    mdemu_destroy(md);
}

static void test_runtime_options(void **state)
{
    (void)state;
    TestRomSpec spec = {.size = 0x10000};
    Mdemu *md = test_console(&spec, MDEMU_REGION_US);
    assert_true(md->vdp.sprite_limit);
    mdemu_set_sprite_limit(md, false);
    assert_false(md->vdp.sprite_limit);
    mdemu_set_ym3438(md, true);
    assert_int_equal(md->ym.model, YM2612_MODEL_YM3438);
    mdemu_set_audio_lowpass(md, true);
    assert_true(md->mixer.lowpass);
    mdemu_set_audio_mute(md, 0x21, 0x8);
    /* All of them survive a power cycle. */
    mdemu_reset(md, true);
    assert_false(md->vdp.sprite_limit);
    assert_int_equal(md->ym.model, YM2612_MODEL_YM3438);
    assert_true(md->mixer.lowpass);
    assert_int_equal(md->ym.mute_mask, 0x21);
    assert_int_equal(md->psg.mute_mask, 0x8);
    mdemu_destroy(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rom_and_ram),
        cmocka_unit_test(test_z80_bus_handshake),
        cmocka_unit_test(test_z80_bank_register),
        cmocka_unit_test(test_version_register),
        cmocka_unit_test(test_io_registers),
        cmocka_unit_test(test_vdp_ports),
        cmocka_unit_test(test_tmss),
        cmocka_unit_test(test_test_port),
        cmocka_unit_test(test_sram_mapping),
        cmocka_unit_test(test_ssf2_mapper),
        cmocka_unit_test(test_eeprom),
        cmocka_unit_test(test_two_instances),
        cmocka_unit_test(test_cheats),
        cmocka_unit_test(test_runtime_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
