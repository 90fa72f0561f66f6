| vdp_sprites.s - sprites: the 16 sizes (cells lettered A-P in the
| hardware's column-major order), link-list order and an unlinked entry,
| the 20-sprites-per-line and 320-pixels-per-line limits of H40, and
| masking by a sprite at x = 0. Limits per Charles MacDonald's VDP notes.
    .include "md.inc"
    .include "vdp_test.inc"
    ROM_HEADER "MDEMU VDP SPRITES", "GM MDEMU023-00"

    .equ PLANE_W, 64
    .equ PA, VRAM_PLANE_A
    .equ SPRITE_COUNT, 80       | H40 table size

| SPR index, x, y, w, h, attr, link (x, y are screen coordinates).
.macro SPR index, x, y, w, h, attr, link
    .word \index, \x, \y, (((\w) - 1) << 2) + ((\h) - 1), \attr, \link
.endm

    .text
    .global main
main:
    lea name, a0
    jsr vt_setup
    TEXT PA, 21, 19, 0, "22 IN ROW: 20 SHOWN"
    TEXT PA, 1, 21, 0, "11 X 32 PX IN A ROW: 10 SHOWN"
    TEXT PA, 1, 23, 0, "X=0 SPRITE MASKS LATER ONES"
    TEXT PA, 26, 10, 0, "UNLINKED: NONE"

    | Fixed entries from the table.
    lea sprite_defs, a2
1:  move.w (a2)+, d0
    bmi.s 2f
    movem.w (a2)+, d1-d5
    bsr sprite_set
    bra.s 1b
2:
    | 22 8x8 sprites on lines 160-167 (entries 40-61).
    moveq #0, d6
3:  move.w d6, d0
    addi.w #40, d0
    move.w d6, d1
    mulu.w #14, d1
    addq.w #8, d1
    move.w #160, d2
    moveq #0, d3                | 1x1
    move.w d6, d4
    andi.w #3, d4
    addi.w #NT_PAL2 + TILE_SOLID + 9, d4
    move.w d0, d5
    addq.w #1, d5               | 61 links on to 62
    bsr sprite_set
    addq.w #1, d6
    cmpi.w #22, d6
    bne.s 3b
    | 11 32x8 sprites on lines 176-183 (entries 62-72).
    moveq #0, d6
4:  move.w d6, d0
    addi.w #62, d0
    move.w d6, d1
    mulu.w #28, d1
    addq.w #4, d1
    move.w #176, d2
    moveq #(3 << 2) + 0, d3     | 4x1
    move.w #NT_PAL3 + TILE_SOLID + 8, d4
    move.w d0, d5
    addq.w #1, d5               | 72 links on to 73
    bsr sprite_set
    addq.w #1, d6
    cmpi.w #11, d6
    bne.s 4b

    lea sprite_buf, a0
    move.w #VRAM_SPRITES, d0
    move.w #SPRITE_COUNT * 4, d1
    jsr vdp_write_vram

    CHECK_VRAM 1, VRAM_SPRITES + 15 * 8 + 2, 0x0F1E     | 4x4, link 30
    CHECK_VRAM 2, VRAM_SPRITES + 74 * 8 + 6, 0          | the x = 0 mask
    jmp vt_finish

| sprite_set: d0 index, d1 x, d2 y, d3 size byte, d4 attribute, d5 link.
sprite_set:
    lea sprite_buf, a0
    lsl.w #3, d0
    add.w d0, a0
    addi.w #128, d2
    andi.w #0x3FF, d2
    move.w d2, (a0)+
    move.b d3, (a0)+
    move.b d5, (a0)+
    move.w d4, (a0)+
    addi.w #128, d1
    andi.w #0x1FF, d1
    move.w d1, (a0)+
    rts

    .section .rodata
name:
    .asciz "vdp_sprites"
    .even
sprite_defs:
    | All 16 sizes: row = height 1-4, column = width 1-4; tiles 'A'...
    .irp h, 1, 2, 3, 4
    .irp w, 1, 2, 3, 4
    .if (\h == 4) && (\w == 4)
    SPR 15, 16 + 3 * 40, 16 + 3 * 36, 4, 4, 'A', 30
    .else
    SPR (\h - 1) * 4 + \w - 1, 16 + (\w - 1) * 40, 16 + (\h - 1) * 36, \w, \h, 'A', (\h - 1) * 4 + \w
    .endif
    .endr
    .endr
    | Link order 15 -> 30 -> 29 -> 28: the earlier entry is drawn on top,
    | so blue (30) covers green (29) covers red (28).
    SPR 30, 216, 36, 2, 2, NT_PAL3 + TILE_SOLID + 4, 29
    SPR 29, 208, 28, 2, 2, NT_PAL2 + TILE_SOLID + 4, 28
    SPR 28, 200, 20, 2, 2, NT_PAL1 + TILE_SOLID + 4, 40
    | Not in the list: must not appear.
    SPR 31, 260, 60, 2, 2, NT_PAL1 + TILE_SOLID + 12, 0
    | Masking on lines 192-207: the entry at x = 0 (screen -128) hides the
    | entries after it on its lines; the first one stays, the last one shows
    | only on lines 208-215 below the mask.
    SPR 73, 40, 192, 2, 2, NT_PAL1 + TILE_SOLID + 4, 74
    SPR 74, -128, 192, 1, 2, NT_PAL1 + TILE_SOLID + 7, 75
    SPR 75, 100, 192, 2, 2, NT_PAL2 + TILE_SOLID + 4, 76
    SPR 76, 160, 200, 2, 2, NT_PAL3 + TILE_SOLID + 4, 0
    .word -1

    .bss
    .even
sprite_buf:
    .space SPRITE_COUNT * 8
