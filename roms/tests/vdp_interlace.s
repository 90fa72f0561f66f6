| vdp_interlace.s - interlace mode 2 (register 12 = 0x87): 8x16 tiles
| (64 bytes each), 448-line output. Plane B stripes alternate every line so
| the two fields differ; plane A shows text in double-height glyphs; a 2x2
| sprite (16x32 pixels) uses 8x16 cells too.
    .include "md.inc"
    .include "vdp_test.inc"
    ROM_HEADER "MDEMU VDP INTERLACE", "GM MDEMU026-00"

    .equ PLANE_W, 64
    .equ PA, VRAM_PLANE_A
    .equ PB, VRAM_PLANE_B
    .equ IM2_STRIPES, 0x80      | 8x16 tile numbers (VRAM = number * 64)
    .equ IM2_SOLID, 0x84        | 0x84-0x87: solid colours 4-7
    .equ IM2_FONT, 0x100        | 0x100 + ASCII code

    .text
    .global main
main:
    lea name, a0
    jsr vt_setup

    | Stripes: even lines colour 7, odd lines colour 2.
    VRAM_WRITE IM2_STRIPES * 64
    moveq #7, d0
1:  move.l #0x77777777, VDP_DATA
    move.l #0x22222222, VDP_DATA
    dbra d0, 1b
    | Solid 8x16 tiles in colours 4-7.
    VRAM_WRITE IM2_SOLID * 64
    move.l #0x44444444, d1
    moveq #3, d2
2:  moveq #15, d0
3:  move.l d1, VDP_DATA
    dbra d0, 3b
    addi.l #0x11111111, d1
    dbra d2, 2b
    | Double-height font: each glyph row twice, colour 15.
    VRAM_WRITE (IM2_FONT + 0x20) * 64
    lea font_glyphs, a0
    move.w #FONT_GLYPHS * 8 - 1, d3
4:  move.b (a0)+, d1
    moveq #0, d2
    moveq #7, d0
5:  lsl.l #4, d2
    add.b d1, d1
    bcc.s 6f
    ori.b #0x0F, d2
6:  dbra d0, 5b
    move.l d2, VDP_DATA
    move.l d2, VDP_DATA
    dbra d3, 4b

    RECT PB, 0, 0, 64, 32, NT_PAL2 + IM2_STRIPES
    RECT PA, 26, 8, 10, 6, NT_PAL1 + IM2_SOLID + 3
    TEXT PA, 2, 2, IM2_FONT, "INTERLACE MODE 2"
    TEXT PA, 2, 4, IM2_FONT, "8X16 TILES, 448 LINES"

    | One 2x2 sprite; in this mode Y counts half-lines from 256.
    VRAM_WRITE VRAM_SPRITES
    move.w #256 + 200, VDP_DATA
    move.w #0x0500, VDP_DATA
    move.w #NT_PAL3 + IM2_SOLID, VDP_DATA
    move.w #128 + 60, VDP_DATA

    moveq #12, d0
    move.w #0x87, d1            | H40 + interlace mode 2
    jsr vdp_set_reg

    CHECK_VRAM 1, IM2_STRIPES * 64 + 4, 0x2222
    CHECK_VRAM 2, PA + (2 * PLANE_W + 2) * 2, IM2_FONT + 'I'
    jmp vt_finish

    .section .rodata
name:
    .asciz "vdp_interlace"
