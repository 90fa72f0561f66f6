| vdp_shadow.s - shadow/highlight mode (register 12 bit 3): colour bars on
| plane B, low priority in the top half (shadowed) and high priority in the
| bottom half (normal), a high-priority plane A block, and sprites using
| palette 3 colours 14 (highlight operator) and 15 (shadow operator).
    .include "md.inc"
    .include "vdp_test.inc"
    ROM_HEADER "MDEMU VDP SHADOW", "GM MDEMU024-00"

    .equ PLANE_W, 64
    .equ PA, VRAM_PLANE_A
    .equ PB, VRAM_PLANE_B
    .equ RUN_HIGHLIGHT, 0x180   | 16 tiles of colour 14 each (4x4 sprites)
    .equ RUN_SHADOW, 0x190      | 16 tiles of colour 15
    .equ RUN_PLAIN, 0x1A0       | 16 tiles of colour 4

.macro SPR index, x, y, w, h, attr, link
    .word \index, \x, \y, (((\w) - 1) << 2) + ((\h) - 1), \attr, \link
.endm

    .text
    .global main
main:
    lea name, a0
    jsr vt_setup

    move.w #RUN_HIGHLIGHT, d0
    moveq #16, d1
    moveq #14, d2
    jsr vt_solid_tiles
    move.w #RUN_SHADOW, d0
    moveq #16, d1
    moveq #15, d2
    jsr vt_solid_tiles
    move.w #RUN_PLAIN, d0
    moveq #16, d1
    moveq #4, d2
    jsr vt_solid_tiles

    | Colour bars: column c uses palette 1 + c / 14, colour 1 + c % 14.
    moveq #0, d6
1:  moveq #0, d0
    move.w d6, d0
    divu.w #14, d0              | quotient = palette - 1, remainder = colour - 1
    move.l d0, d1
    swap d1
    addq.w #TILE_SOLID + 1, d1
    addq.w #1, d0
    ror.w #3, d0                | palette into bits 14-13
    or.w d0, d1
    move.w d1, d3
    movem.l d0-d6, -(sp)
    move.w #PB, d0
    move.w d6, d1
    moveq #0, d2
    moveq #PLANE_W, d4
    moveq #1, d5
    moveq #14, d6
    jsr vt_fill_rect            | rows 0-13: low priority
    ori.w #NT_PRI, d3
    moveq #14, d2
    jsr vt_fill_rect            | rows 14-27: high priority
    movem.l (sp)+, d0-d6
    addq.w #1, d6
    cmpi.w #40, d6
    bne.s 1b

    RECT PA, 2, 3, 10, 3, NT_PRI + TILE_SOLID + 8     | white, high priority
    TEXT PA, 1, 0, NT_PRI, "TOP: LOW PRIORITY = SHADOW"
    TEXT PA, 1, 14, NT_PRI, "BOTTOM: HIGH PRIORITY = NORMAL"
    TEXT PA, 1, 25, NT_PRI, "HIGHLIGHT  SHADOW  SPRITE  HI-PRI"

    lea sprite_defs, a2
    lea sprite_buf, a3
2:  move.w (a2)+, d0
    bmi.s 3f
    movem.w (a2)+, d1-d5
    lsl.w #3, d0
    lea 0(a3, d0.w), a0
    addi.w #128, d2
    move.w d2, (a0)+
    move.b d3, (a0)+
    move.b d5, (a0)+
    move.w d4, (a0)+
    addi.w #128, d1
    move.w d1, (a0)+
    bra.s 2b
3:  lea sprite_buf, a0
    move.w #VRAM_SPRITES, d0
    move.w #8 * 4, d1
    jsr vdp_write_vram

    moveq #12, d0
    move.w #0x89, d1            | H40 + shadow/highlight
    jsr vdp_set_reg

    CHECK_VRAM 1, PB + (20 * PLANE_W + 15) * 2, NT_PRI + NT_PAL2 + TILE_SOLID + 2
    jmp vt_finish

    .section .rodata
name:
    .asciz "vdp_shadow"
    .even
sprite_defs:
    | Top row low priority (over the shadowed half), bottom row high
    | priority (low-priority sprites would be hidden by plane B there).
    SPR 0, 24, 48, 4, 4, NT_PAL3 + RUN_HIGHLIGHT, 1          | highlight
    SPR 1, 24, 152, 4, 4, NT_PRI + NT_PAL3 + RUN_HIGHLIGHT, 2
    SPR 2, 96, 48, 4, 4, NT_PAL3 + RUN_SHADOW, 3             | shadow
    SPR 3, 96, 152, 4, 4, NT_PRI + NT_PAL3 + RUN_SHADOW, 4
    SPR 4, 168, 48, 4, 4, NT_PAL1 + RUN_PLAIN, 5             | plain sprite
    SPR 5, 168, 152, 4, 4, NT_PRI + NT_PAL1 + RUN_PLAIN, 6
    SPR 6, 240, 48, 4, 4, NT_PRI + NT_PAL3 + RUN_HIGHLIGHT, 7 | high-priority
    SPR 7, 240, 152, 4, 4, NT_PRI + NT_PAL3 + RUN_SHADOW, 0   | operators
    .word -1

    .bss
    .even
sprite_buf:
    .space 8 * 8
