| vdp_scroll.s - scroll modes in three bands switched by HInt (register 11):
| lines 0-71 full H + full V, 72-143 cell H, 144-223 line H + 2-cell V.
| Plane A rows next to the band edges are empty, so the picture does not
| depend on the exact line a mid-frame register write takes effect.
    .include "md.inc"
    .include "vdp_test.inc"
    ROM_HEADER "MDEMU VDP SCROLL", "GM MDEMU021-00"

    .equ PLANE_W, 64
    .equ PA, VRAM_PLANE_A
    .equ PB, VRAM_PLANE_B
    .equ BAND_LINES, 72         | HInt counter 71: every 72 lines

    .text
    .global main
main:
    lea name, a0
    jsr vt_setup

    | Plane A: alternating bright/dark red columns (horizontal shifts are
    | visible), rows 8-10 and 17-19 left empty around the band edges.
    moveq #0, d0
1:  cmpi.w #8, d0
    bcs.s 2f
    cmpi.w #11, d0
    bcs.s 4f
    cmpi.w #17, d0
    bcs.s 2f
    cmpi.w #20, d0
    bcs.s 4f
2:  movem.l d0-d6, -(sp)
    move.w d0, d2
    moveq #0, d1
3:  move.w #NT_PAL1 + TILE_SOLID + 7, d3
    btst #0, d1
    beq.s 5f
    move.w #NT_PAL1 + TILE_SOLID + 4, d3
5:  move.w #PA, d0
    moveq #PLANE_W, d4
    jsr vt_put_cell
    addq.w #1, d1
    cmpi.w #PLANE_W, d1
    bne.s 3b
    movem.l (sp)+, d0-d6
4:  addq.w #1, d0
    cmpi.w #32, d0
    bne.s 1b

    | Plane B: labels, high priority, never scrolled.
    TEXT PB, 1, 8, NT_PRI, "ABOVE: FULL H, FULL V (4 PX)"
    TEXT PB, 1, 17, NT_PRI, "ABOVE: CELL H"
    TEXT PB, 1, 19, NT_PRI, "BELOW: LINE H, 2-CELL V"

    | H scroll table, one entry per line: plane A = 5 + (3 * line mod 32),
    | plane B = 0. Full mode uses line 0's entry, cell mode every 8th.
    VRAM_WRITE VRAM_HSCROLL
    moveq #0, d0
6:  move.w d0, d1
    mulu.w #3, d1
    andi.w #31, d1
    addq.w #5, d1
    move.w d1, VDP_DATA
    move.w #0, VDP_DATA
    addq.w #1, d0
    cmpi.w #224, d0
    bne.s 6b

    | V scroll RAM: plane A column pair k = 4 for k = 0, else 5k mod 16;
    | plane B always 0. Full mode uses pair 0.
    VSRAM_WRITE 0
    move.l #0x00040000, VDP_DATA
    moveq #1, d0
7:  move.w d0, d1
    mulu.w #5, d1
    andi.w #15, d1
    move.w d1, VDP_DATA
    move.w #0, VDP_DATA
    addq.w #1, d0
    cmpi.w #20, d0
    bne.s 7b

    CHECK_VRAM 1, VRAM_HSCROLL + 10 * 4, 35
    CHECK_VRAM 2, PA + (11 * PLANE_W + 1) * 2, NT_PAL1 + TILE_SOLID + 4

    moveq #10, d0               | HInt every 72 lines, then start the bands
    moveq #BAND_LINES - 1, d1
    jsr vdp_set_reg
    move.w #1, bands_on
    moveq #0, d0
    moveq #0x14, d1
    jsr vdp_set_reg
    jmp vt_finish

| Each frame starts in band 0 (full scroll).
    .global vblank_hook
vblank_hook:
    tst.w bands_on
    beq.s 1f
    move.w #0x8B00, VDP_CTRL
    clr.w band
1:  rts

    .global irq_hblank
irq_hblank:
    move.l d0, -(sp)
    move.w band, d0
    addq.w #1, band
    tst.w d0
    bne.s 1f
    move.w #0x8B02, VDP_CTRL    | cell H scroll
    bra.s 2f
1:  cmpi.w #1, d0
    bne.s 2f
    move.w #0x8B07, VDP_CTRL    | line H scroll, 2-cell V scroll
2:  move.l (sp)+, d0
    rte

    .section .rodata
name:
    .asciz "vdp_scroll"

    .bss
    .even
band:       .word 0
bands_on:   .word 0
