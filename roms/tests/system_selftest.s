| system_selftest.s - console-level checks: version register, work RAM and
| its mirrors, I/O ports, the Z80 bus request / reset handshake, Z80 RAM and
| the Z80 bank window, VDP status / HV counter sanity, VInt and HInt counts.
| Hardware facts: Sega "Genesis Software Manual" (memory map, Z80 control,
| VDP status bits), Charles MacDonald's "Sega Genesis VDP documentation"
| (HV counter, interrupt lines).
    .include "md.inc"
    ROM_HEADER "MDEMU SYSTEM SELFTEST", "GM MDEMU011-00"

    .equ STATUS_VBLANK, 3
    .equ STATUS_PAL, 0
    .equ TIMEOUT, 200000        | polling iterations before a wait gives up

| Z80 RAM addresses used by the Z80 program below.
    .equ Z80_BANK_BITS, 0x1E00  | nine bytes: bank bits A15..A23, one per byte
    .equ Z80_READ_ADDR, 0x1E10  | little-endian pointer into the bank window
    .equ Z80_STARTED,   0x1F00  | 0x5A once the program ran
    .equ Z80_BANK_DATA, 0x1F02  | two bytes read through the bank window
    .equ Z80_COUNTER,   0x1F04  | 16-bit counter the program keeps incrementing

    .text
    .global main
main:
    lea title, a0
    jsr test_begin
    jsr text_init
    lea title, a0
    moveq #1, d0
    moveq #1, d1
    moveq #0, d2
    jsr print_at
    jsr vdp_display_on

    bsr version_register
    bsr work_ram
    bsr io_ports
    bsr z80_handshake
    bsr vdp_status
    bsr vdp_dma
    bsr vint_count_check
    bsr hint_count_check

    lea -40(sp), sp
    move.l sp, a0
    jsr test_summary_string
    moveq #1, d0
    moveq #3, d1
    moveq #0, d2
    jsr print_at
    lea 40(sp), sp
    jmp test_end

| ---------------------------------------------------------------------------
| Version register: bit 6 = PAL must agree with the VDP's PAL status bit.
version_register:
    TP_PRINT "version="
    moveq #0, d0
    move.b VERSION_REG, d0
    move.l d0, d3
    moveq #2, d1
    jsr tp_puthex
    moveq #'\n', d0
    jsr tp_putc
    lsr.b #6, d3
    andi.l #1, d3
    moveq #0, d4
    move.w VDP_CTRL, d4
    andi.l #1 << STATUS_PAL, d4
    CHECK 0x101, d3, d4
    rts

| ---------------------------------------------------------------------------
work_ram:
    move.l #0x11223344, 0xFF9000    | big-endian byte order
    moveq #0, d0
    move.b 0xFF9000, d0
    CHECK 0x201, d0, #0x11
    move.b 0xFF9003, d0
    CHECK 0x202, d0, #0x44
    move.w 0xFF9002, d0
    CHECK 0x203, d0, #0x3344
    | 64 KiB of RAM repeat over 0xE00000-0xFFFFFF.
    CHECK 0x204, 0xE09000, #0x11223344
    CHECK 0x205, 0xF19000, #0x11223344
    move.l #0xCAFEF00D, 0xEF9004
    CHECK 0x206, 0xFF9004, #0xCAFEF00D
    CHECK 0x207, 0x000100, #0x53454741      | "SEGA" in the ROM header
    rts

| ---------------------------------------------------------------------------
io_ports:
    moveq #0, d0
    move.b PAD1_CTRL, d0        | control registers read back
    CHECK 0x301, d0, #0x40
    move.b #0x40, PAD1_DATA     | TH high: nothing pressed reads as all ones
    nop
    nop
    move.b PAD1_DATA, d0
    andi.l #0x7F, d0
    CHECK 0x302, d0, #0x7F
    moveq #0, d0
    jsr pad_read
    CHECK 0x303, d0, #0
    rts

| ---------------------------------------------------------------------------
| wait_z80_bus: request the bus and wait for the grant; d0 = 1 if granted.
wait_z80_bus:
    move.w #0x100, Z80_BUSREQ
    move.l #TIMEOUT, d1
1:  btst #0, Z80_BUSREQ
    beq.s 2f
    subq.l #1, d1
    bne.s 1b
    moveq #0, d0
    rts
2:  moveq #1, d0
    rts

z80_handshake:
    | Startup left the Z80 in reset with the bus released. Request the bus
    | first, then release reset: the Z80 must not run before the bus is back.
    move.w #0x100, Z80_BUSREQ
    move.w #0x100, Z80_RESET
    bsr wait_z80_bus
    CHECK 0x401, d0, #1

    lea z80_program, a0         | load the program, clear the result bytes
    lea Z80_RAM, a1
    move.w #z80_program_end - z80_program - 1, d0
1:  move.b (a0)+, (a1)+
    dbra d0, 1b
    moveq #0, d0
    move.b d0, Z80_RAM + Z80_STARTED
    move.b d0, Z80_RAM + Z80_BANK_DATA
    move.b d0, Z80_RAM + Z80_BANK_DATA + 1
    move.b d0, Z80_RAM + Z80_COUNTER
    move.b d0, Z80_RAM + Z80_COUNTER + 1
    move.b Z80_RAM + 0x0C, d0   | reads back through the window
    CHECK 0x402, d0, #0x2A
    move.b Z80_RAM + 0x25, d0
    CHECK 0x403, d0, #0xF7

    | Bank window parameters: the marker in bank1_marker at ROM >= 0x8000.
    lea bank1_marker, a0
    move.l a0, d1
    moveq #15, d2
    lsr.l d2, d1                | bank number = address bits 23-15
    lea Z80_RAM + Z80_BANK_BITS, a1
    moveq #8, d2
2:  move.b d1, d0
    andi.b #1, d0
    move.b d0, (a1)+
    lsr.w #1, d1
    dbra d2, 2b
    move.l a0, d1
    andi.w #0x7FFF, d1
    ori.w #0x8000, d1
    move.b d1, Z80_RAM + Z80_READ_ADDR      | little-endian for the Z80
    lsr.w #8, d1
    move.b d1, Z80_RAM + Z80_READ_ADDR + 1

    | Held by the bus request for a whole frame: nothing may run.
    move.w #0, Z80_RESET
    move.w #0x100, Z80_RESET
    jsr vdp_wait_vblank
    moveq #0, d0
    move.b Z80_RAM + Z80_STARTED, d0
    CHECK 0x404, d0, #0

    | Held in reset with the bus released: still nothing may run.
    move.w #0, Z80_RESET
    move.w #0, Z80_BUSREQ
    jsr vdp_wait_vblank
    move.w #0x100, Z80_BUSREQ   | request before leaving reset
    move.w #0x100, Z80_RESET
    bsr wait_z80_bus
    CHECK 0x405, d0, #1
    moveq #0, d0
    move.b Z80_RAM + Z80_STARTED, d0
    CHECK 0x406, d0, #0

    | Let it run for a frame.
    move.w #0, Z80_BUSREQ
    moveq #0, d0
    move.b Z80_BUSREQ, d0       | bit 0 = 1: the Z80 owns its bus
    andi.b #1, d0
    CHECK 0x407, d0, #1
    jsr vdp_wait_vblank
    bsr wait_z80_bus
    CHECK 0x408, d0, #1
    moveq #0, d0
    move.b Z80_RAM + Z80_STARTED, d0
    CHECK 0x409, d0, #0x5A
    lea bank1_marker, a0
    move.b Z80_RAM + Z80_BANK_DATA, d0
    CHECK 0x40A, d0, #0xC3
    move.b Z80_RAM + Z80_BANK_DATA + 1, d0
    CHECK 0x40B, d0, #0x5D

    | The counter advances while the Z80 runs and stops while it is held.
    bsr read_z80_counter
    move.l d0, d3
    jsr vdp_wait_vblank
    bsr read_z80_counter
    CHECK 0x40C, d0, d3
    move.w #0, Z80_BUSREQ
    jsr vdp_wait_vblank
    bsr wait_z80_bus
    bsr read_z80_counter
    sub.w d3, d0
    andi.l #0xFFFF, d0
    cmpi.l #100, d0             | about a frame of loops (~1000), not exact
    shi d0
    andi.l #1, d0
    CHECK 0x40D, d0, #1

    move.w #0, Z80_RESET        | park it again as startup left it
    move.w #0, Z80_BUSREQ
    rts

| read_z80_counter: bus must be held. d0.l = 16-bit counter.
read_z80_counter:
    moveq #0, d0
    move.b Z80_RAM + Z80_COUNTER + 1, d0
    lsl.w #8, d0
    move.b Z80_RAM + Z80_COUNTER, d0
    rts

| ---------------------------------------------------------------------------
| wait_status: d1 = bit, d2 = wanted value (0/1). d0 = 1 if seen in time.
wait_status:
    move.l #TIMEOUT, d0
1:  move.w VDP_CTRL, d3
    btst d1, d3
    sne d3
    andi.b #1, d3
    cmp.b d2, d3
    beq.s 2f
    subq.l #1, d0
    bne.s 1b
    rts
2:  moveq #1, d0
    rts

| wait_vblank_edge: returns once the VBlank status bit goes 0 -> 1.
wait_vblank_edge:
    moveq #STATUS_VBLANK, d1
    moveq #0, d2
    bsr wait_status
    move.l d0, d4
    moveq #STATUS_VBLANK, d1
    moveq #1, d2
    bsr wait_status
    and.l d4, d0
    rts

vdp_status:
    jsr vdp_wait_vblank         | right after VInt: VBlank set, V counter >= 0xE0
    move.w VDP_CTRL, d0
    andi.l #1 << STATUS_VBLANK, d0
    CHECK 0x501, d0, #1 << STATUS_VBLANK
    moveq #0, d0
    move.b VDP_HV, d0
    cmpi.b #0xE0, d0
    scc d0
    andi.l #1, d0
    CHECK 0x502, d0, #1
    move.w VDP_CTRL, d0         | idle VDP: FIFO empty, no DMA
    andi.l #0x0202, d0
    CHECK 0x503, d0, #0x0200

    moveq #STATUS_VBLANK, d1    | active display begins
    moveq #0, d2
    bsr wait_status
    CHECK 0x504, d0, #1
    move.w #200, d0             | a few lines in
1:  dbra d0, 1b
    moveq #0, d3
    move.b VDP_HV, d3
    move.w #300, d0             | ~4000 clocks, about 8 lines later
2:  dbra d0, 2b
    moveq #0, d4
    move.b VDP_HV, d4
    cmpi.b #0xE0, d3            | both inside the active area, increasing
    scs d0
    andi.l #1, d0
    CHECK 0x505, d0, #1
    cmp.b d3, d4
    shi d0
    andi.l #1, d0
    CHECK 0x506, d0, #1
    moveq #0, d3                | the H counter moves within a line
    move.b VDP_HV + 1, d3
    nop
    nop
    nop
    nop
    moveq #0, d4
    move.b VDP_HV + 1, d4
    cmp.b d3, d4
    sne d0
    andi.l #1, d0
    CHECK 0x507, d0, #1
    rts

| ---------------------------------------------------------------------------
| read_vram: d0.w address -> d0.l word, through the data port.
read_vram:
    move.l #CMD_VRAM_READ, d1
    jsr vdp_set_address
    moveq #0, d0
    move.w VDP_DATA, d0
    rts

| DMA: 64 words from work RAM to VRAM 0xF000, then a byte fill at 0xF200.
vdp_dma:
    lea dma_source, a0          | pattern 0x0100 * i + 0x11 * i
    moveq #0, d0
    moveq #63, d1
1:  move.w d0, (a0)+
    addi.w #0x0111, d0
    dbra d1, 1b
    lea dma_source, a0
    move.w #0xF000, d0
    moveq #64, d1
    jsr vdp_dma_vram
    move.w #0xF000, d0
    bsr read_vram
    CHECK 0x551, d0, #0x0000
    move.w #0xF000 + 2 * 5, d0
    bsr read_vram
    CHECK 0x552, d0, #5 * 0x0111
    move.w #0xF000 + 2 * 63, d0
    bsr read_vram
    CHECK 0x553, d0, #(63 * 0x0111) & 0xFFFF
    move.w VDP_CTRL, d0         | no DMA left running
    andi.l #0x0002, d0
    CHECK 0x554, d0, #0

    move.w #0xF200, d0          | fill 64 bytes with 0xA5
    moveq #64, d1
    move.w #0xA5, d2
    jsr vdp_dma_fill
    move.w #0xF200 + 32, d0
    bsr read_vram
    CHECK 0x555, d0, #0xA5A5
    move.w #0xF200 + 62, d0
    bsr read_vram
    CHECK 0x556, d0, #0xA5A5
    move.w #0xF200 + 68, d0     | and not far past the length
    bsr read_vram
    CHECK 0x557, d0, #0
    rts

| ---------------------------------------------------------------------------
| One VInt per frame while enabled, none while disabled.
vint_count_check:
    bsr wait_vblank_edge
    move.w #100, d0             | let the interrupt of that edge be taken
1:  dbra d0, 1b
    move.l vint_count, d5
    moveq #4, d6
2:  bsr wait_vblank_edge
    dbra d6, 2b
    move.w #100, d0
3:  dbra d0, 3b
    move.l vint_count, d0
    sub.l d5, d0
    CHECK 0x601, d0, #5

    moveq #1, d0                | VInt off (register 1 bit 5)
    jsr vdp_get_reg
    move.w d0, d7
    move.b d7, d1
    andi.b #0xDF, d1
    moveq #1, d0
    jsr vdp_set_reg
    move.l vint_count, d5
    moveq #2, d6
4:  bsr wait_vblank_edge
    dbra d6, 4b
    move.w #100, d0
5:  dbra d0, 5b
    move.l vint_count, d0
    sub.l d5, d0
    CHECK 0x602, d0, #0
    moveq #1, d0
    move.b d7, d1
    jsr vdp_set_reg
    rts

| HInt every 16 lines: 14 interrupts over the 224 active lines (a 15th is
| accepted for a counter also clocked on the first blank line).
    .global irq_hblank
irq_hblank:
    addq.l #1, hint_count
    rte

hint_count_check:
    moveq #10, d0
    moveq #15, d1
    jsr vdp_set_reg
    moveq #0, d0
    move.b #0x14, d1            | register 0: HInt on
    jsr vdp_set_reg
    jsr vdp_wait_vblank
    jsr vdp_wait_vblank
    move.l hint_count, d5
    jsr vdp_wait_vblank
    move.l hint_count, d0
    sub.l d5, d0
    move.l d0, d6
    TP_PRINT "hints/frame="
    move.l d6, d0
    moveq #2, d1
    jsr tp_puthex
    moveq #'\n', d0
    jsr tp_putc
    cmpi.l #14, d6
    scc d0
    cmpi.l #15, d6
    sls d1
    and.b d1, d0
    andi.l #1, d0
    CHECK 0x701, d0, #1
    moveq #0, d0
    move.b #0x04, d1            | HInt off again
    jsr vdp_set_reg
    rts

| ---------------------------------------------------------------------------
| Z80 program (hand-assembled; opcodes from the Zilog Z80 CPU User Manual):
| select the bank from the nine bytes at 0x1E00, copy two bytes from the
| window pointer at 0x1E10 to 0x1F02, mark 0x1F00 = 0x5A, then count
| forever in the 16-bit word at 0x1F04.
    .section .rodata
z80_program:
    .byte 0x21, 0x00, 0x1E      | 0000 ld hl, 0x1E00
    .byte 0x06, 0x09            | 0003 ld b, 9
    .byte 0x7E                  | 0005 ld a, (hl)
    .byte 0x32, 0x00, 0x60      | 0006 ld (0x6000), a   bank register
    .byte 0x23                  | 0009 inc hl
    .byte 0x10, 0xF9            | 000A djnz 0005
    .byte 0x2A, 0x10, 0x1E      | 000C ld hl, (0x1E10)
    .byte 0x7E                  | 000F ld a, (hl)
    .byte 0x32, 0x02, 0x1F      | 0010 ld (0x1F02), a
    .byte 0x23                  | 0013 inc hl
    .byte 0x7E                  | 0014 ld a, (hl)
    .byte 0x32, 0x03, 0x1F      | 0015 ld (0x1F03), a
    .byte 0x3E, 0x5A            | 0018 ld a, 0x5A
    .byte 0x32, 0x00, 0x1F      | 001A ld (0x1F00), a
    .byte 0x2A, 0x04, 0x1F      | 001D ld hl, (0x1F04)
    .byte 0x23                  | 0020 inc hl
    .byte 0x22, 0x04, 0x1F      | 0021 ld (0x1F04), hl
    .byte 0x18, 0xF7            | 0024 jr 001D
z80_program_end:
title:
    .asciz "system_selftest"

| A marker past the first 32 KiB of the ROM (bank 1), read by the Z80.
    .section .rodata.bank1, "a"
    .space 0x8000
bank1_marker:
    .byte 0xC3, 0x5D

    .bss
    .even
hint_count:
    .long 0
dma_source:
    .space 128
