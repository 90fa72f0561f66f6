| vdp_window.s - the window plane: register 17 = 0x8C (window from cell 24
| to the right edge), register 18 = 0x05 (rows 0-4), over a scrolled plane A.
    .include "md.inc"
    .include "vdp_test.inc"
    ROM_HEADER "MDEMU VDP WINDOW", "GM MDEMU022-00"

    .equ PLANE_W, 64            | the window is 64 cells wide in H40
    .equ PA, VRAM_PLANE_A
    .equ PB, VRAM_PLANE_B
    .equ PW, VRAM_WINDOW

    .text
    .global main
main:
    lea name, a0
    jsr vt_setup
    RECT PB, 0, 0, 64, 32, NT_PAL2 + TILE_SOLID + 5    | green backdrop plane
    RECT PA, 0, 0, 64, 32, NT_PAL1 + TILE_CHECKER       | red checker
    TEXT PA, 2, 10, 0, "PLANE A: SCROLLED 12,8"
    RECT PW, 0, 0, 40, 28, NT_PAL3 + TILE_SOLID + 4     | blue window
    TEXT PW, 1, 1, NT_PAL3, "WINDOW ROWS 0-4, NOT SCROLLED"
    TEXT PW, 26, 8, NT_PAL3, "WINDOW FROM"
    TEXT PW, 26, 9, NT_PAL3, "CELL 24 TO"
    TEXT PW, 26, 10, NT_PAL3, "RIGHT EDGE"
    CELL PW, 24, 0, NT_PAL3 + TILE_FRAME
    CELL PW, 39, 27, NT_PAL3 + TILE_FRAME

    VRAM_WRITE VRAM_HSCROLL     | plane A right 12, plane B left 3
    move.l #0x000CFFFD, VDP_DATA
    VSRAM_WRITE 0
    move.l #0x00080000, VDP_DATA

    moveq #17, d0
    move.w #0x8C, d1            | RIGT = 1, WHP = 12 (2-cell units)
    jsr vdp_set_reg
    moveq #18, d0
    moveq #0x05, d1             | DOWN = 0, WVP = 5 rows
    jsr vdp_set_reg

    CHECK_VRAM 1, PW + (1 * PLANE_W + 1) * 2, NT_PAL3 + 'W'
    jmp vt_finish

    .section .rodata
name:
    .asciz "vdp_window"
