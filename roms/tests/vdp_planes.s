| vdp_planes.s - plane size (32x32 cells, so the 40-cell H40 screen shows
| the plane wrapping), tile flips, and plane A/B priority.
    .include "md.inc"
    .include "vdp_test.inc"
    ROM_HEADER "MDEMU VDP PLANES", "GM MDEMU020-00"

    .equ PLANE_W, 32
    .equ PA, VRAM_PLANE_A
    .equ PB, VRAM_PLANE_B
    .equ RED, NT_PAL1 + TILE_SOLID + 7
    .equ GREEN, NT_PAL2 + TILE_SOLID + 7

    .text
    .global main
main:
    lea name, a0
    jsr vt_setup
    moveq #16, d0               | planes 32x32 cells
    moveq #0x00, d1
    jsr vdp_set_reg

    | Plane B: grey checker everywhere.
    RECT PB, 0, 0, 32, 32, TILE_CHECKER
    | Plane row 0: a ruler of the 32 plane columns; screen columns 32-39
    | show 0-7 again because the plane is only 32 cells wide.
    TEXT PA, 0, 0, 0, "0123456789ABCDEFGHIJKLMNOPQRSTUV"
    | Rows 2-3: one arrow per flip combination.
    TEXT PA, 1, 2, 0, "FLIP: NONE H  V  HV"
    CELL PA, 8, 3, NT_PAL1 + TILE_ARROW
    CELL PA, 12, 3, NT_PAL1 + NT_HF + TILE_ARROW
    CELL PA, 15, 3, NT_PAL1 + NT_VF + TILE_ARROW
    CELL PA, 18, 3, NT_PAL1 + NT_VF + NT_HF + TILE_ARROW
    | Rows 6-14: red plane A square overlapping a green plane B square.
    | Left to right: A low/B high, A high/B low, both low, both high.
    TEXT PA, 1, 6, 0, "PRIORITY (A RED, B GREEN):"
    TEXT PA, 2, 7, 0, "B HI"
    TEXT PA, 10, 7, 0, "A HI"
    TEXT PA, 18, 7, 0, "LOW"
    TEXT PA, 26, 7, 0, "HIGH"
    RECT PA, 2, 8, 4, 4, RED
    RECT PB, 4, 10, 4, 4, NT_PRI + GREEN
    RECT PA, 10, 8, 4, 4, NT_PRI + RED
    RECT PB, 12, 10, 4, 4, GREEN
    RECT PA, 18, 8, 4, 4, RED
    RECT PB, 20, 10, 4, 4, GREEN
    RECT PA, 26, 8, 4, 4, NT_PRI + RED
    RECT PB, 28, 10, 4, 4, NT_PRI + GREEN
    | Both planes scroll 32 pixels down (V scroll -32), so plane rows 28-31
    | wrap round to the top four screen rows.
    TEXT PA, 1, 28, 0, "PLANE ROWS 28-31 WRAP TO TOP"
    RECT PA, 0, 30, 32, 1, NT_PAL3 + TILE_SOLID + 7
    TEXT PA, 1, 20, 0, "PLANES 32X32 CELLS"
    VSRAM_WRITE 0
    move.l #0x03E003E0, VDP_DATA

    CHECK_VRAM 1, PA + (3 * PLANE_W + 12) * 2, NT_PAL1 + NT_HF + TILE_ARROW
    CHECK_VRAM 2, PB + (10 * PLANE_W + 4) * 2, NT_PRI + GREEN
    CHECK_CRAM 3, (16 + 7) * 2, 0x000E
    jmp vt_finish

    .section .rodata
name:
    .asciz "vdp_planes"
