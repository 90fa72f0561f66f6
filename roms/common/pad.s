| pad.s - 3-button pad reading (Genesis Software Manual, I/O section):
| with TH high the data port gives C B Right Left Down Up, with TH low it
| gives Start A 0 0 Down Up; all active low.
    .include "md.inc"
    .text
    .global pads_init
pads_init:
    move.b #0x40, PAD1_CTRL     | TH is an output, the rest inputs
    move.b #0x40, PAD2_CTRL
    move.b #0x40, EXP_CTRL
    move.b #0x40, PAD1_DATA
    move.b #0x40, PAD2_DATA
    rts

| pad_read: d0.w = port (0 or 1). Returns d0.w, bit set = pressed:
| 0 Up, 1 Down, 2 Left, 3 Right, 4 B, 5 C, 6 A, 7 Start. Clobbers d1/a0.
    .global pad_read
pad_read:
    lea PAD1_DATA, a0
    add.w d0, a0
    add.w d0, a0
    move.b #0x40, (a0)          | TH high
    nop
    nop
    move.b (a0), d1
    andi.w #0x3F, d1            | C B R L D U
    move.b #0x00, (a0)          | TH low
    nop
    nop
    move.b (a0), d0
    move.b #0x40, (a0)
    andi.w #0x30, d0            | Start A in bits 5-4
    lsl.w #2, d0                | -> bits 7-6
    or.w d1, d0
    not.b d0                    | active high
    andi.w #0xFF, d0
    rts
