| pad6_selftest.s - both pad ports read with the TH protocol, checked
| against the buttons the test host presses (tests/roms/roms_pads_test.c).
|
| Pad protocol (Sega controller pinout; six-button pad as documented by
| homebrew developers): with TH high a pad returns C B Right Left Down Up,
| with TH low Start A 0 0 Down Up (active low; bits 2-3 grounded). The
| six-button pad counts TH falling edges: the 3rd TH-low read has bits 3-0
| low (the pad's signature), the TH-high read after it gives C B Mode X Y Z,
| the 4th TH-low read has bits 3-0 high. Its counter clears when TH has not
| changed for about 1.5 ms. No pad: every line pulled high.
|
| Handshake: the ROM writes the step it wants into STEP_WORD, the host sets
| pad types and buttons of that row of `steps` before each frame, and the
| ROM reads only after two VBlanks (so at least one whole frame boundary,
| where the host applies its input, lies between the request and the read).
| Check ids: step << 8 + port << 4 + read index (0-8).
    .include "md.inc"
    ROM_HEADER "MDEMU PAD6 SELFTEST", "GM MDEMU020-00", "JUE", "J6"

    .equ STEP_WORD, TR_BASE+0xF0    | step the ROM waits for; 0xFFFF = done
    .equ STEP_DONE, 0xFFFF
    .equ ROW_SIZE, 6                | type port 1, type port 2, buttons 1, 2
    | Busy-wait counts: one dbra iteration = 10 clocks of the 68000 at
    | 7.67 MHz (NTSC; 7.60 MHz PAL), i.e. about 1.3 us.
    .equ WAIT_1_0_MS, 767
    .equ WAIT_2_0_MS, 1534

| mdemu.h button bits: 0 Up 1 Down 2 Left 3 Right 4 A 5 B 6 C 7 Start
| 8 X 9 Y 10 Z 11 Mode.
    .text
    .global main
main:
    lea name, a0
    jsr test_begin
    moveq #0, d7
step_loop:
    move.w d7, STEP_WORD
    moveq #2, d0
    jsr vdp_wait_frames
    move.w d7, d0
    mulu.w #ROW_SIZE, d0
    lea steps, a3
    add.l d0, a3
    moveq #0, d6                | port
port_loop:
    lea reads, a2
    move.w d6, d0
    move.w #0x2700, sr          | no interrupt between the TH edges
    bsr read_sequence
    move.w #0x2000, sr
    move.b (a3,d6.w), d4        | pad type of this port
    move.w d6, d0
    add.w d0, d0
    move.w 2(a3,d0.w), d5       | buttons of this port
    move.w d7, d3
    lsl.w #8, d3
    move.w d6, d0
    lsl.w #4, d0
    or.w d0, d3                 | check id base
    lea reads, a2
    moveq #0, d2                | first read index
    moveq #9, d1                | reads
    bsr check_reads
    addq.w #1, d6
    cmpi.w #2, d6
    bne port_loop
    addq.w #1, d7
    cmpi.w #STEP_COUNT, d7
    bne step_loop

    | Counter reset timing on port 1 (the last row: a six-button pad).
    move.w d7, STEP_WORD
    moveq #2, d0
    jsr vdp_wait_frames
    moveq #6, d4
    move.w timing_buttons, d5

    | Two TH pulses, 1.0 ms without a TH change, then the rest of the cycle:
    | the counter has kept its count, so the next TH-low read is the 3rd.
    move.w #0x2700, sr
    lea PAD1_DATA, a0
    bsr two_pulses
    move.w #WAIT_1_0_MS, d0
1:  dbra d0, 1b
    lea reads+5, a2
    moveq #0x00, d1
    bsr read_th
    moveq #0x40, d1
    bsr read_th
    moveq #0x00, d1
    bsr read_th
    moveq #0x40, d1
    bsr read_th
    move.w #0x2000, sr
    move.w #0x0A00, d3
    lea reads+5, a2
    moveq #5, d2
    moveq #4, d1
    bsr check_reads

    | Two TH pulses, then 2.0 ms without a TH change: the counter clears and
    | a whole read cycle looks like the first one of a frame.
    moveq #2, d0
    jsr vdp_wait_frames
    move.w #0x2700, sr
    lea PAD1_DATA, a0
    bsr two_pulses
    move.w #WAIT_2_0_MS, d0
2:  dbra d0, 2b
    lea reads, a2
    moveq #0, d0
    bsr read_sequence
    move.w #0x2000, sr
    move.w #0x0B00, d3
    lea reads, a2
    moveq #0, d2
    moveq #9, d1
    bsr check_reads

    move.w #STEP_DONE, STEP_WORD
    jmp test_end

| two_pulses: a0 data port. TH high, low, high, low, high (two falling
| edges), no reads.
two_pulses:
    move.b #0x40, (a0)
    move.b #0x00, (a0)
    move.b #0x40, (a0)
    move.b #0x00, (a0)
    move.b #0x40, (a0)
    rts

| read_th: a0 data port, d1.b TH level (0x40 or 0) -> written, then the
| port read into (a2)+.
read_th:
    move.b d1, (a0)
    nop                         | lines settle after the TH edge
    nop
    move.b (a0), (a2)+
    rts

| read_sequence: d0.w port (0/1), a2 buffer of 9 bytes. Nine reads with TH
| high, low, high, ... high (four falling edges). Clobbers d0-d2/a0/a2.
read_sequence:
    lea PAD1_DATA, a0
    add.w d0, a0
    add.w d0, a0
    moveq #8, d2
    moveq #0x40, d1
1:  bsr read_th
    eori.b #0x40, d1
    dbra d2, 1b
    rts

| check_reads: a2 reads, d1.w count, d2.w index of the first, d3.w id base,
| d4.b pad type, d5.w buttons. Clobbers d0-d2/a2.
check_reads:
    movem.l d1-d3/d6, -(sp)
    move.w d2, d6
    add.w d6, d3
    subq.w #1, d1
1:  move.w d1, -(sp)
    bsr expected_read
    move.l d0, d1
    moveq #0, d0
    move.b (a2)+, d0
    move.w d3, d2
    movem.l d2-d7/a1-a3, -(sp)
    jsr test_check
    movem.l (sp)+, d2-d7/a1-a3
    move.w (sp)+, d1
    addq.w #1, d3
    addq.w #1, d6
    dbra d1, 1b
    movem.l (sp)+, d1-d3/d6
    rts

| expected_read: d4.b pad type (0, 3, 6), d5.w buttons, d6.w read index
| (even: TH high, odd: TH low; index 5 and 7 follow the 3rd and 4th
| falling edge) -> d0.l the byte the data port must return. Bit 6 reads
| back TH (an output), bit 7 the latch (0).
expected_read:
    movem.l d1-d3/a1, -(sp)
    move.w d5, d1
    btst #0, d6
    bne er_low
    moveq #0x7F, d0
    tst.b d4
    beq er_done
    lea dir_bits, a1
    cmpi.b #6, d4
    bne 1f
    cmpi.w #6, d6
    bne 1f
    lea xyz_bits, a1
1:  bsr map_pressed
    not.b d0
    andi.b #0x3F, d0
    ori.b #0x40, d0
    bra er_done
er_low:
    moveq #0x3F, d0
    tst.b d4
    beq er_done
    lea low_bits, a1
    bsr map_pressed
    not.b d0
    andi.b #0x33, d0            | bits 2-3 grounded
    cmpi.b #6, d4
    bne er_done
    cmpi.w #5, d6
    bne 2f
    andi.b #0x30, d0            | 3rd TH-low read: signature 0000
    bra er_done
2:  cmpi.w #7, d6
    bne er_done
    ori.b #0x0F, d0             | 4th TH-low read: 1111
er_done:
    andi.l #0xFF, d0
    movem.l (sp)+, d1-d3/a1
    rts

| map_pressed: d1.w buttons, a1 six button bit numbers for data bits 0-5
| (-1: never pressed) -> d0.b bits set where that button is pressed.
map_pressed:
    moveq #0, d0
    moveq #5, d2
1:  move.b (a1,d2.w), d3
    bmi 2f
    btst d3, d1
    beq 2f
    bset d2, d0
2:  dbra d2, 1b
    rts

    .section .rodata
name:
    .asciz "pad6_selftest"
dir_bits:   .byte 0, 1, 2, 3, 5, 6       | Up Down Left Right B C
xyz_bits:   .byte 10, 9, 8, 11, 5, 6     | Z Y X Mode B C
low_bits:   .byte 0, 1, -1, -1, 4, 7     | Up Down - - A Start
    .even
| Rows: pad type port 1, port 2 (0 none, 3, 6), buttons port 1, port 2.
| Never Up and Down together: a 3-button pad would then look like the
| six-button signature, as on real hardware.
steps:
    .byte 6, 3
    .word 0x000, 0x000
    .byte 6, 3
    .word 0x011, 0x022          | A+Up / B+Down
    .byte 6, 3
    .word 0x100, 0x0C0          | X / C+Start
    .byte 6, 3
    .word 0xE04, 0x078          | Y+Z+Mode+Left / Right+A+B+C
    .byte 6, 3
    .word 0xFF9, 0x096          | all but Down / Down+Left+A+Start
    .byte 6, 0
    .word 0x840, 0x0FF          | C+Mode / no pad (buttons ignored)
    .byte 0, 3
    .word 0x123, 0x009          | no pad / Up+Right
    .byte 3, 6
    .word 0x114, 0x482          | 3-button sees A+Left / Z+Start+Down
    .byte 6, 6
    .word 0x300, 0xC00          | X+Y / Z+Mode
steps_end:
    .equ STEP_COUNT, (steps_end - steps) / ROW_SIZE
| The timing step (row STEP_COUNT for the host): six-button pad on port 1
| with Mode+Z+B+Right, 3-button on port 2 with nothing pressed.
timing_row:
    .byte 6, 3
timing_buttons:
    .word 0xC28, 0x000

    .bss
reads:
    .space 10
