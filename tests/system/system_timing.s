| system_timing.s - fixed code for the interrupt timing tests: the 68000
| runs a long NOP sled (one 4-clock instruction whose only bus cycle is its
| prefetch, so the boundary at which an interrupt is due is known exactly)
| followed by DIVUs (long instructions that cross slice ends), with VINT
| on; the Z80 runs its own NOP sled in IM 1. Assembled at 0: addresses are
| written as differences from `base`.
        .text
base:
        .long   0x00FFFE00              | initial SSP
        .long   start - base            | initial PC
        .rept   28
        .long   trap_any - base         | vectors 2..29
        .endr
        .long   vint - base             | 30: level 6 (VINT)
        .rept   33
        .long   trap_any - base
        .endr

        .org    0x100
        .ascii  "SEGA MEGA DRIVE "
        .ascii  "(C)MDEM 2026.NOV"
        .ascii  "MDEMU TIMING TEST                               "
        .ascii  "MDEMU TIMING TEST                               "
        .ascii  "GM 00000000-00"
        .word   0x0000
        .ascii  "J               "
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
        move.w  #0x8004, (%a0)          | mode 1: no HINT
        move.w  #0x8164, (%a0)          | mode 2: display, VINT, mode 5
        move.w  #0x0100, 0xA11100       | Z80 bus request
        move.w  #0x0100, 0xA11200       | Z80 out of reset
1:      btst    #0, 0xA11100
        bne.s   1b
        lea     z80prog - base, %a2
        lea     0xA00000, %a3
        move.w  #z80end - z80prog - 1, %d0
2:      move.b  (%a2)+, (%a3)+
        dbf     %d0, 2b
        move.w  #0x0000, 0xA11200       | reset the Z80 so it starts at 0
        move.w  #0x0000, 0xA11100
        move.w  #0x0100, 0xA11200
        moveq   #1, %d0
        move.w  #0x2000, %sr
        jmp     main - base

        .org    0x300
vint:
        addq.l  #1, 0xFF0000
        rte
trap_any:
        move.b  #0xEE, 0xA13081
3:      bra.s   3b

        .org    0x400
main:
        .rept   8000
        nop
        .endr
        .rept   64
        divu    #7, %d0
        .endr
        bra.w   main

| Z80: IM 1 with interrupts on, then a NOP sled. The handler outlasts the
| /INT pulse (one line, 228 T) before it enables interrupts again.
        .even
z80prog:
        .byte   0xF3                    | 00 di
        .byte   0x31, 0x00, 0x20        | 01 ld sp,2000h
        .byte   0xED, 0x56              | 04 im 1
        .byte   0xFB                    | 06 ei
        .byte   0xC3, 0x00, 0x01        | 07 jp 0100h
        .fill   0x38 - 0x0A, 1, 0
        .byte   0xF5                    | 38 push af
        .byte   0xC5                    | 39 push bc
        .byte   0x06, 0x14              | 3A ld b,20
        .byte   0x10, 0xFE              | 3C djnz 3Ch
        .byte   0xC1                    | 3E pop bc
        .byte   0xF1                    | 3F pop af
        .byte   0xFB                    | 40 ei
        .byte   0xC9                    | 41 ret
        .fill   0x100 - 0x42, 1, 0
        .fill   0x1000, 1, 0            | 0100 nop sled
        .byte   0xC3, 0x00, 0x01        | 1100 jp 0100h
z80end:
        .even
