| system_prog.s - a small program that keeps every part of the console busy
| (VDP registers/VRAM/CRAM, interrupts, pads, Z80 driving the YM2612 and PSG,
| the Z80 bank window) for the scheduler, save state and determinism tests.
| Addresses are written as differences from `base` so that no relocation is
| needed: the image is assembled at 0 and copied out with objcopy.
        .text
base:
        .long   0x00FFFE00              | initial SSP
        .long   start - base            | initial PC
        .rept   26
        .long   trap_any - base         | vectors 2..27
        .endr
        .long   hint - base             | 28: level 4 (HINT)
        .long   trap_any - base         | 29
        .long   vint - base             | 30: level 6 (VINT)
        .rept   33
        .long   trap_any - base
        .endr

        .org    0x100
        .ascii  "SEGA MEGA DRIVE "
        .ascii  "(C)MDEM 2026.NOV"
        .ascii  "MDEMU SYSTEM TEST                               "
        .ascii  "MDEMU SYSTEM TEST                               "
        .ascii  "GM 00000000-00"
        .word   0x0000
        .ascii  "J6              "
        .long   0x00000000, 0x0000FFFF
        .long   0x00FF0000, 0x00FFFFFF
        .ascii  "            "
        .ascii  "            "
        .ascii  "                                        "
        .ascii  "JUE             "

        .org    0x200
start:
        move.w  #0x2700, %sr
        move.l  #0x53454741, 0xA14000   | "SEGA" for consoles with TMSS
        lea     0xC00004, %a0
        lea     0xC00000, %a1
        move.w  #0x8004, (%a0)          | mode 1: no HINT
        move.w  #0x8174, (%a0)          | mode 2: display, VINT, DMA, mode 5
        move.w  #0x8230, (%a0)          | plane A at 0xC000
        move.w  #0x8407, (%a0)          | plane B at 0xE000
        move.w  #0x8578, (%a0)          | sprites at 0xF000
        move.w  #0x8700, (%a0)          | background: palette 0 colour 0
        move.w  #0x8C81, (%a0)          | H40
        move.w  #0x8D3F, (%a0)          | H scroll at 0xFC00
        move.w  #0x8F02, (%a0)          | auto-increment 2
        move.w  #0x9001, (%a0)          | 64x32 planes
        move.l  #0xC0000000, (%a0)      | CRAM 0
        move.w  #0x0E00, (%a1)
        move.w  #0x00E0, (%a1)
        move.w  #0x000E, (%a1)
        move.w  #0x0EEE, (%a1)
        move.l  #0x40200000, (%a0)      | VRAM 0x0020: tile 1
        moveq   #7, %d0
1:      move.l  #0x12312312, (%a1)
        dbf     %d0, 1b
        move.l  #0x40000003, (%a0)      | VRAM 0xC000: plane A row 0
        move.w  #63, %d0
2:      move.w  #0x0001, (%a1)
        dbf     %d0, 2b

        move.w  #0x0100, 0xA11100       | Z80 bus request
        move.w  #0x0100, 0xA11200       | Z80 out of reset
3:      btst    #0, 0xA11100
        bne.s   3b
        lea     z80prog(%pc), %a2
        lea     0xA00000, %a3
        move.w  #z80end - z80prog - 1, %d0
4:      move.b  (%a2)+, (%a3)+
        dbf     %d0, 4b
        move.w  #0x0000, 0xA11200       | reset the Z80 so it starts at 0
        move.w  #0x0000, 0xA11100
        move.w  #0x0100, 0xA11200

        move.b  #0x40, 0xA10009         | port 1: TH is an output
        move.w  #0x2000, %sr
main:
        addq.l  #1, 0xFF0000
        move.b  #0x40, 0xA10003
        nop
        move.b  0xA10003, 0xFF0008
        move.b  #0x00, 0xA10003
        nop
        move.b  0xA10003, 0xFF0009
        move.w  #0x2700, %sr
        move.l  #0x7C000003, (%a0)      | VRAM 0xFC00: H scroll
        move.w  0xFF0006, (%a1)
        move.w  #0x2000, %sr
        bra.s   main

vint:
        addq.l  #1, 0xFF0004
        move.l  #0xC0000000, 0xC00004   | CRAM 0 follows the frame count
        move.w  0xFF0006, 0xC00000
        rte
hint:
        rte
trap_any:
        move.b  #0xEE, 0xA13081         | test port exit code when enabled
5:      bra.s   5b

| Z80 program: program the YM2612 from a table (waiting on the busy flag),
| then with interrupts on (IM 1) loop: count in Z80 RAM, write the count to
| the PSG, read the bank window. The VDP's Z80 interrupt (once per frame)
| counts at 1F02h.
        .even
z80prog:
        .byte   0xF3                    | 00 di
        .byte   0x31, 0x00, 0x20        | 01 ld sp,2000h
        .byte   0x21, 0x00, 0x40        | 04 ld hl,4000h
        .byte   0x11, 0x50, 0x00        | 07 ld de,0050h
        .byte   0x3A, 0x00, 0x40        | 0A ld a,(4000h)
        .byte   0x87                    | 0D add a,a
        .byte   0x38, 0xFA              | 0E jr c,0Ah
        .byte   0x1A                    | 10 ld a,(de)
        .byte   0xB7                    | 11 or a
        .byte   0x28, 0x09              | 12 jr z,1Dh
        .byte   0x77                    | 14 ld (hl),a
        .byte   0x13                    | 15 inc de
        .byte   0x1A                    | 16 ld a,(de)
        .byte   0x32, 0x01, 0x40        | 17 ld (4001h),a
        .byte   0x13                    | 1A inc de
        .byte   0x18, 0xED              | 1B jr 0Ah
        .byte   0xED, 0x56              | 1D im 1
        .byte   0xFB                    | 1F ei
        .byte   0x21, 0x00, 0x1F        | 20 ld hl,1F00h
        .byte   0x34                    | 23 inc (hl)
        .byte   0x7E                    | 24 ld a,(hl)
        .byte   0x32, 0x11, 0x7F        | 25 ld (7F11h),a
        .byte   0x3A, 0x00, 0x80        | 28 ld a,(8000h)
        .byte   0x32, 0x01, 0x1F        | 2B ld (1F01h),a
        .byte   0x18, 0xF3              | 2E jr 23h
        .fill   0x38 - 0x30, 1, 0
        | IM 1 handler. /INT stays asserted for about a line, so the handler
        | waits longer than that (~270 T) before enabling interrupts again.
        .byte   0xF5                    | 38 push af
        .byte   0xC5                    | 39 push bc
        .byte   0x06, 0x14              | 3A ld b,20
        .byte   0x10, 0xFE              | 3C djnz 3Ch
        .byte   0x3A, 0x02, 0x1F        | 3E ld a,(1F02h)
        .byte   0x3C                    | 41 inc a
        .byte   0x32, 0x02, 0x1F        | 42 ld (1F02h),a
        .byte   0xC1                    | 45 pop bc
        .byte   0xF1                    | 46 pop af
        .byte   0xFB                    | 47 ei
        .byte   0xC9                    | 48 ret
        .fill   0x50 - 0x49, 1, 0
        | YM2612 register/value pairs for channel 1, ended by 0
        .byte   0x22, 0x00, 0x27, 0x00, 0xB0, 0x07, 0xB4, 0xC0
        .byte   0x30, 0x01, 0x34, 0x02, 0x38, 0x03, 0x3C, 0x01
        .byte   0x40, 0x10, 0x44, 0x18, 0x48, 0x20, 0x4C, 0x10
        .byte   0x50, 0x1F, 0x54, 0x1F, 0x58, 0x1F, 0x5C, 0x1F
        .byte   0x80, 0x0F, 0x84, 0x0F, 0x88, 0x0F, 0x8C, 0x0F
        .byte   0xA4, 0x22, 0xA0, 0x69, 0x28, 0xF0, 0x00
z80end:
        .even
        .fill   0x400, 1, 0xFF
