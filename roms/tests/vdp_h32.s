| vdp_h32.s - H32 mode (register 12 = 0x00): 256 pixels, 32 cells. A white
| frame marks the visible 32x28 cells, a ruler shows columns 0-V, sprites
| sit at both edges, and a row of 18 sprites shows the H32 limit of 16.
    .include "md.inc"
    .include "vdp_test.inc"
    ROM_HEADER "MDEMU VDP H32", "GM MDEMU025-00"

    .equ PLANE_W, 64
    .equ PA, VRAM_PLANE_A
    .equ PB, VRAM_PLANE_B

    .text
    .global main
main:
    lea name, a0
    jsr vt_setup
    moveq #12, d0
    moveq #0x00, d1             | H32, no interlace
    jsr vdp_set_reg

    RECT PB, 0, 0, 64, 32, TILE_CHECKER
    RECT PA, 0, 0, 32, 1, TILE_FRAME
    RECT PA, 0, 27, 32, 1, TILE_FRAME
    RECT PA, 0, 1, 1, 26, TILE_FRAME
    RECT PA, 31, 1, 1, 26, TILE_FRAME
    RECT PA, 32, 0, 8, 28, NT_PAL1 + TILE_SOLID + 7     | must stay off screen
    TEXT PA, 2, 2, 0, "H32: 256 X 224"
    TEXT PA, 0, 4, 0, "0123456789ABCDEFGHIJKLMNOPQRSTUV"
    TEXT PA, 2, 20, 0, "18 SPRITES: 16 SHOWN"

    | Sprites: 0 at the right edge, 1 half off the right, 2 half off the
    | left, then 18 8x8 sprites on lines 184-191 (entries 3-20).
    lea sprite_buf, a0
    move.l #((128 + 80) << 16) + (0x05 << 8) + 1, (a0)+
    move.l #((NT_PAL2 + TILE_SOLID + 4) << 16) + 128 + 240, (a0)+
    move.l #((128 + 104) << 16) + (0x05 << 8) + 2, (a0)+
    move.l #((NT_PAL3 + TILE_SOLID + 4) << 16) + 128 + 248, (a0)+
    move.l #((128 + 120) << 16) + (0x05 << 8) + 3, (a0)+
    move.l #((NT_PAL1 + TILE_SOLID + 4) << 16) + 128 - 8, (a0)+
    moveq #0, d6
1:  move.w #128 + 184, (a0)+
    move.w d6, d0
    addq.w #4, d0               | link to the next entry; the last ends
    cmpi.w #21, d0
    bne.s 2f
    moveq #0, d0
2:  move.w d0, (a0)+            | size 1x1 in the high byte (0)
    move.w d6, d0
    andi.w #3, d0
    addi.w #NT_PAL2 + TILE_SOLID + 9, d0
    move.w d0, (a0)+
    move.w d6, d0
    mulu.w #13, d0
    addi.w #128 + 8, d0
    move.w d0, (a0)+
    addq.w #1, d6
    cmpi.w #18, d6
    bne.s 1b

    lea sprite_buf, a0
    move.w #VRAM_SPRITES, d0
    move.w #21 * 4, d1
    jsr vdp_write_vram

    CHECK_VRAM 1, VRAM_SPRITES + 20 * 8 + 2, 0
    CHECK_VRAM 2, PA + 27 * PLANE_W * 2, TILE_FRAME
    jmp vt_finish

    .section .rodata
name:
    .asciz "vdp_h32"

    .bss
    .even
sprite_buf:
    .space 21 * 8
