| print.s - the 8x8 font in VRAM and text output on plane A.
    .include "md.inc"
    .text

| font_load: d0.b colour index (1-15). Expands the 1bpp glyphs into 4bpp
| tiles at VRAM_FONT so that tile number == ASCII code.
    .global font_load
font_load:
    movem.l d2-d4, -(sp)
    move.b d0, d4
    andi.b #0x0F, d4
    VRAM_WRITE VRAM_FONT
    lea font_glyphs, a0
    lea VDP_DATA, a1
    move.w #FONT_GLYPHS * 8 - 1, d3
1:  move.b (a0)+, d1
    moveq #0, d2
    moveq #7, d0
2:  lsl.l #4, d2
    add.b d1, d1                | leftmost pixel first, into carry
    bcc 3f
    or.b d4, d2
3:  dbra d0, 2b
    move.l d2, (a1)
    dbra d3, 1b
    movem.l (sp)+, d2-d4
    rts

| print_at: a0 NUL-terminated string, d0.w column, d1.w row, d2.w attribute
| bits added to every tile (palette << 13, priority << 15).
| '\n' moves to the next row at the starting column. Returns a0 past the NUL.
    .global print_at
print_at:
    movem.l d2-d5, -(sp)
    move.w d0, d4               | column
    move.w d1, d5               | row
1:  move.w d5, d0
    lsl.w #6, d0                | row * PLANE_WIDTH
    add.w d4, d0
    add.w d0, d0
    addi.w #VRAM_PLANE_A, d0
    move.l #CMD_VRAM_WRITE, d1
    jsr vdp_set_address
2:  moveq #0, d3
    move.b (a0)+, d3
    beq 4f
    cmpi.b #'\n', d3
    beq 3f
    or.w d2, d3
    move.w d3, VDP_DATA
    bra 2b
3:  addq.w #1, d5
    bra 1b
4:  movem.l (sp)+, d2-d5
    rts

| text_init: loads the font in colour 15, sets palette 0 to a dark blue
| backdrop and white text, and clears plane A.
    .global text_init
text_init:
    move.l d2, -(sp)
    moveq #15, d0
    bsr font_load
    CRAM_WRITE 0
    move.w #0x0400, VDP_DATA    | colour 0: dark blue
    CRAM_WRITE 30
    move.w #0x0EEE, VDP_DATA    | colour 15: white
    move.w #VRAM_PLANE_A, d0
    move.w #64 * 32, d1
    moveq #0, d2
    jsr vdp_fill_vram
    move.l (sp)+, d2
    rts

| hex_string: d0.l value, d1.w digit count (1-8), a0 buffer (count+1 bytes).
| Writes the digits and a NUL. Returns a0 at the NUL.
    .global hex_string
hex_string:
    move.l d2, -(sp)
    add.w d1, a0
    clr.b (a0)
    move.l a0, -(sp)
    bra 2f
1:  move.b d0, d2
    andi.w #0x0F, d2
    move.b hex_digits(pc, d2.w), -(a0)
    lsr.l #4, d0
2:  dbra d1, 1b
    move.l (sp)+, a0
    move.l (sp)+, d2
    rts
hex_digits:
    .ascii "0123456789ABCDEF"
    .even
