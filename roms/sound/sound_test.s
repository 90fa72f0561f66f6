| sound_test.s - loads the Z80 driver (sound_driver.s), lets it play its
| YM2612 + PSG script, then checks what the driver reports: script finished,
| every command executed, one script frame per VBlank interrupt, and the
| YM2612 timer A status flag set and reset.
    .include "md.inc"
    ROM_HEADER "MDEMU SOUND TEST", "GM MDEMU030-00"

| Must match sound_driver.s.
    .equ DONE, 0x1FF0
    .equ STEPS, 0x1FF2
    .equ TIMER_SET, 0x1FF6
    .equ TIMER_CLEAR, 0x1FF7
    .equ END_FRAMES, 0x1FF8
    .equ SCRIPT_STEPS, 101      | commands in the script before CMD_END
    .equ SCRIPT_FRAMES, 190     | sum of its waits
    .equ PLAY_FRAMES, 240       | a margin over the script's length

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
    lea playing, a0
    moveq #1, d0
    moveq #3, d1
    jsr print_at
    jsr vdp_display_on

    | Load the driver with the Z80 held, then start it from address 0.
    move.w #0x100, Z80_BUSREQ
    move.w #0x100, Z80_RESET
    jsr z80_request_bus
    lea z80_driver, a0
    lea Z80_RAM, a1
    move.w #z80_driver_end - z80_driver - 1, d0
1:  move.b (a0)+, (a1)+
    dbra d0, 1b
    move.w #0, Z80_RESET
    jsr z80_release_bus
    move.w #0x100, Z80_RESET

    | Leave the Z80 alone while it plays: a bus request could make it miss
    | a VBlank interrupt.
    move.w #PLAY_FRAMES, d0
    jsr vdp_wait_frames

    jsr z80_request_bus
    moveq #0, d0
    move.b Z80_RAM + DONE, d0
    CHECK 1, d0, #0x5A
    bsr read_z80_word
    CHECK 2, d0, #SCRIPT_STEPS
    move.b Z80_RAM + TIMER_SET, d0
    CHECK 3, d0, #1
    move.b Z80_RAM + TIMER_CLEAR, d0
    CHECK 4, d0, #1
    lea Z80_RAM + END_FRAMES, a0
    bsr read_z80_word_at
    move.l d0, d3
    TP_PRINT "script frames="
    move.l d3, d0
    moveq #4, d1
    jsr tp_puthex
    moveq #'\n', d0
    jsr tp_putc
    move.l d3, d0
    | Interrupts are enabled only inside waits: exactly one per waited frame.
    CHECK 5, d0, #SCRIPT_FRAMES
    move.w #0, Z80_RESET
    jsr z80_release_bus
    jmp test_end

| read_z80_word: STEPS as a little-endian word -> d0.l.
read_z80_word:
    lea Z80_RAM + STEPS, a0
read_z80_word_at:
    moveq #0, d0
    move.b 1(a0), d0
    lsl.w #8, d0
    move.b (a0), d0
    rts

    .section .rodata
title:
    .asciz "sound_test"
playing:
    .asciz "FM + PSG SCRIPT ON THE Z80"
    .even
z80_driver:
    .incbin "sound_driver.bin"
z80_driver_end:
