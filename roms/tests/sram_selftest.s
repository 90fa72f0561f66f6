| sram_selftest.s - battery SRAM: 16 KiB on odd bytes at 0x200001-0x207FFF
| (header "RA" field), switched in and out by 0xA130F1 (bit 0 = SRAM
| instead of ROM, bit 1 = write protect; Sega mapper register as used by
| SRAM carts bigger than 2 MB). The ROM is a little over 2 MB so that SRAM
| and ROM share 0x200000-0x20FFFF and the switch really selects between them.
|
| SRAM layout (byte k at 0x200001 + 2k): k 0-3 signature "MDSR", k 4 boot
| count, k 8.. PATTERN_LEN pattern bytes, k SCRATCH a byte the switch tests
| write. First boot (no signature): writes signature, pattern, count 1.
| Later boots (the host saved SRAM with mdemu_sram_save_file and loaded it
| into a fresh console): the pattern must have survived; count + 1.
| The boot count is printed ("boot NN") and kept at BOOT_WORD.
    .include "md.inc"
    ROM_HEADER "MDEMU SRAM SELFTEST", "GM MDEMU021-00", "JUE", "J", 1

    .equ SRAM_CTRL, 0xA130F1
    .equ SRAM_ODD, 0x200001
    .equ SRAM_LAST, 0x207FFF
    .equ COUNT_AT, SRAM_ODD + 2 * 4
    .equ PATTERN_AT, SRAM_ODD + 2 * 8
    .equ PATTERN_LEN, 64
    .equ SCRATCH_AT, SRAM_ODD + 2 * 100
    .equ ROM_FILL, 0xA5             | ROM bytes under the SRAM range
    .equ BOOT_WORD, TR_BASE+0xF0    | boot count for the host

    .text
    .global main
main:
    lea name, a0
    jsr test_begin
    moveq #0, d0

    | After reset the switch is 0: ROM shows through the SRAM range.
    move.b SRAM_ODD, d0
    CHECK 1, d0, #ROM_FILL
    move.b SRAM_LAST, d0
    CHECK 2, d0, #ROM_FILL

    | SRAM in: the scratch byte's value d3 (unknown: fresh or last boot's).
    move.b #1, SRAM_CTRL
    moveq #0, d3
    move.b SCRATCH_AT, d3
    | ROM back: a write there changes neither ROM nor SRAM.
    move.b #0, SRAM_CTRL
    move.b d3, d0
    not.b d0
    move.b d0, SCRATCH_AT
    move.b SCRATCH_AT, d0
    CHECK 3, d0, #ROM_FILL
    move.b #1, SRAM_CTRL
    move.b SCRATCH_AT, d0
    CHECK 4, d0, d3

    | Write protect (bit 1): the write is dropped, reads still work.
    move.b #3, SRAM_CTRL
    move.b d3, d0
    not.b d0
    move.b d0, SCRATCH_AT
    move.b SCRATCH_AT, d0
    CHECK 5, d0, d3
    | Writable again: the inverted value sticks.
    move.b #1, SRAM_CTRL
    move.b d3, d0
    not.b d0
    move.b d0, SCRATCH_AT
    moveq #0, d1
    move.b SCRATCH_AT, d1
    CHECK 6, d1, d0

    | Boot: signature present -> verify the pattern, else write it.
    lea SRAM_ODD, a1
    lea signature, a2
    moveq #3, d1
1:  move.b (a1), d0
    cmp.b (a2)+, d0
    bne first_boot
    addq.l #2, a1
    dbra d1, 1b

    moveq #0, d4
    move.b COUNT_AT, d4
    addq.b #1, d4
    move.w #0x100, d2           | check ids 0x100 + k: pattern after reload
    bsr verify_pattern
    bra count_boot

first_boot:
    lea SRAM_ODD, a1
    lea signature, a2
    moveq #3, d1
1:  move.b (a2)+, (a1)
    addq.l #2, a1
    dbra d1, 1b
    lea PATTERN_AT, a1
    moveq #0, d1
2:  bsr pattern_byte
    move.b d0, (a1)
    addq.l #2, a1
    addq.w #1, d1
    cmpi.w #PATTERN_LEN, d1
    bne 2b
    moveq #1, d4
    move.w #0x200, d2           | check ids 0x200 + k: pattern just written
    bsr verify_pattern

count_boot:
    move.b d4, COUNT_AT
    moveq #0, d0
    move.b COUNT_AT, d0
    CHECK 7, d0, d4
    move.w d4, BOOT_WORD
    TP_PRINT "boot "
    move.l d4, d0
    moveq #2, d1
    jsr tp_puthex
    moveq #'\n', d0
    jsr tp_putc

    | Switch back: ROM again, SRAM untouched underneath.
    move.b #0, SRAM_CTRL
    moveq #0, d0
    move.b COUNT_AT, d0
    CHECK 8, d0, #ROM_FILL
    move.b #1, SRAM_CTRL
    move.b COUNT_AT, d0
    CHECK 9, d0, d4
    move.b #0, SRAM_CTRL
    jmp test_end

| pattern_byte: d1.w index -> d0.l pattern byte (never 0xFF or ROM_FILL
| for indices below 64, so a lost write shows).
pattern_byte:
    move.w d1, d0
    mulu.w #29, d0
    addi.w #0x11, d0
    andi.l #0x7F, d0
    rts

| verify_pattern: d2.w check id base. Compares the PATTERN_LEN odd bytes.
verify_pattern:
    movem.l d0-d5/a1, -(sp)
    lea PATTERN_AT, a1
    move.w d2, d3               | check id
    moveq #0, d5                | pattern index
1:  move.w d5, d1
    bsr pattern_byte
    move.l d0, d1               | test_check: d0 actual, d1 expected, d2 id
    moveq #0, d0
    move.b (a1), d0
    move.w d3, d2
    movem.l d2-d7/a1-a3, -(sp)
    jsr test_check
    movem.l (sp)+, d2-d7/a1-a3
    addq.l #2, a1
    addq.w #1, d3
    addq.w #1, d5
    cmpi.w #PATTERN_LEN, d5
    bne 1b
    movem.l (sp)+, d0-d5/a1
    rts

| ROM under the SRAM range: the code above ends well below 64 KiB, so the
| filler puts ROM_FILL bytes over all of 0x200000-0x20FFFF; constants
| (.rodata) follow above 0x210000, outside the switched range. Checks 1
| and 2 notice if the code ever grows past that.
    .p2align 1
rom_filler:
    .fill 0x1F0000, 1, 0
rom_under_sram:
    .fill 0x20000, 1, ROM_FILL

    .section .rodata
name:
    .asciz "sram_selftest"
signature:
    .ascii "MDSR"
