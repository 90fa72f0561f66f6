| vdp_common.s - shared pieces of the VDP rendering test ROMs: test
| palettes and tiles, plane cell writers, VRAM read-back, and the common
| ending (display on, a few frames, report).
    .include "md.inc"
    .include "vdp_test.inc"
    .text

| vt_setup: a0 test name. Starts the report, loads palettes, the font (tile
| == ASCII, colour 15) and the test tiles (vdp_test.inc lists them).
    .global vt_setup
vt_setup:
    jsr test_begin
    lea vt_palettes, a0
    moveq #0, d0
    moveq #64, d1
    jsr vdp_write_cram
    moveq #15, d0
    jsr font_load
    movem.l d2-d4, -(sp)
    | Solid tiles 1-15: every pixel colour N.
    moveq #1, d2
1:  move.w d2, d0
    addi.w #TILE_SOLID, d0
    moveq #1, d1
    bsr vt_solid_tiles
    addq.w #1, d2
    cmpi.w #16, d2
    bne.s 1b
    | Pattern tiles copied from ROM.
    lea vt_pattern_tiles, a0
    move.w #TILE_ARROW * 32, d0
    move.w #(vt_pattern_tiles_end - vt_pattern_tiles) / 2, d1
    jsr vdp_write_vram
    movem.l (sp)+, d2-d4
    rts

| vt_solid_tiles: d0.w first tile, d1.w count, d2.b colour (0-15).
| Consecutive identical tiles, as multi-cell sprites need.
    .global vt_solid_tiles
vt_solid_tiles:
    movem.l d2-d3, -(sp)
    lsl.w #5, d0
    move.w d1, d3
    move.l #CMD_VRAM_WRITE, d1
    jsr vdp_set_address
    andi.l #0x0F, d2
    move.l d2, d0
    lsl.l #4, d0
    or.l d2, d0                 | 0x000000NN
    move.l d0, d1
    lsl.l #8, d1
    or.l d1, d0                 | 0x0000NNNN
    move.l d0, d1
    swap d1
    or.l d1, d0                 | 0xNNNNNNNN
    lsl.w #3, d3                | 8 rows per tile
    bra.s 2f
1:  move.l d0, VDP_DATA
2:  dbra d3, 1b
    movem.l (sp)+, d2-d3
    rts

| vt_put_cell: d0.w plane base, d1.w column, d2.w row, d3.w entry,
| d4.w plane width in cells. Preserves all registers.
    .global vt_put_cell
vt_put_cell:
    movem.l d0-d2, -(sp)
    mulu.w d4, d2
    add.w d1, d2
    add.w d2, d2
    add.w d2, d0
    move.l #CMD_VRAM_WRITE, d1
    jsr vdp_set_address
    move.w d3, VDP_DATA
    movem.l (sp)+, d0-d2
    rts

| vt_fill_rect: d0.w plane base, d1.w column, d2.w row, d3.w entry,
| d4.w plane width, d5.w width, d6.w height (cells).
    .global vt_fill_rect
vt_fill_rect:
    movem.l d0-d7, -(sp)
    move.w d0, d7               | plane base
    subq.w #1, d6
1:  move.w d5, -(sp)
    subq.w #1, d5
    move.w d1, -(sp)
2:  move.w d7, d0
    bsr vt_put_cell
    addq.w #1, d1
    dbra d5, 2b
    move.w (sp)+, d1
    move.w (sp)+, d5
    addq.w #1, d2
    dbra d6, 1b
    movem.l (sp)+, d0-d7
    rts

| vt_print: a0 string, d0.w plane base, d1.w column, d2.w row, d3.w attribute
| bits, d4.w plane width. Font tiles are the ASCII codes.
    .global vt_print
vt_print:
    movem.l d0-d3/d5, -(sp)
    move.w d0, d5
1:  moveq #0, d0
    move.b (a0)+, d0
    beq.s 2f
    move.l d3, -(sp)
    or.w d0, d3
    move.w d5, d0
    bsr vt_put_cell
    move.l (sp)+, d3
    addq.w #1, d1
    bra.s 1b
2:  movem.l (sp)+, d0-d3/d5
    rts

| vt_read_vram: d0.w address -> d0.l word read back through the data port.
    .global vt_read_vram
vt_read_vram:
    move.l #CMD_VRAM_READ, d1
    jsr vdp_set_address
    moveq #0, d0
    move.w VDP_DATA, d0
    rts

| vt_read_cram: d0.w address -> d0.l colour word (9 significant bits).
    .global vt_read_cram
vt_read_cram:
    move.l #CMD_CRAM_READ, d1
    jsr vdp_set_address
    moveq #0, d0
    move.w VDP_DATA, d0
    andi.w #0x0EEE, d0
    rts

| vt_finish: turns the display on, waits a few frames so the picture is
| settled, prints the summary and ends the run (never returns).
    .global vt_finish
vt_finish:
    jsr vdp_display_on
    moveq #VT_SETTLE_FRAMES, d0
    jsr vdp_wait_frames
    jmp test_end

    .section .rodata
| Palette 0: greys and primaries (colour 0 = backdrop); palettes 1-3: red,
| green, blue ramps (colours 1-7 dark to full, 8-14 full to pastel).
| Colour 15 of every palette is white for text.
vt_palettes:
    RGB 1,1,1
    RGB 0,0,0
    RGB 1,1,1
    RGB 2,2,2
    RGB 3,3,3
    RGB 4,4,4
    RGB 5,5,5
    RGB 6,6,6
    RGB 7,7,7
    RGB 7,0,0
    RGB 0,7,0
    RGB 0,0,7
    RGB 7,7,0
    RGB 0,7,7
    RGB 7,0,7
    RGB 7,7,7
    .irp pal, 1, 2, 3
    .word 0
    .irp level, 1, 2, 3, 4, 5, 6, 7
    .if \pal == 1
    RGB \level, 0, 0
    .elseif \pal == 2
    RGB 0, \level, 0
    .else
    RGB 0, 0, \level
    .endif
    .endr
    .irp level, 0, 1, 2, 3, 4, 5, 6
    .if \pal == 1
    RGB 7, \level, \level
    .elseif \pal == 2
    RGB \level, 7, \level
    .else
    RGB \level, \level, 7
    .endif
    .endr
    RGB 7,7,7
    .endr

| Asymmetric tiles so that flips and cell order are visible.
vt_pattern_tiles:
    | TILE_ARROW: an arrow pointing up-left, colour 7, with a colour 3 tail.
    .long 0x77777000
    .long 0x77700000
    .long 0x70700000
    .long 0x70070000
    .long 0x70007000
    .long 0x00000300
    .long 0x00000030
    .long 0x00000003
    | TILE_CHECKER: 2x2 checker of colours 2 and 5.
    .long 0x22552255
    .long 0x22552255
    .long 0x55225522
    .long 0x55225522
    .long 0x22552255
    .long 0x22552255
    .long 0x55225522
    .long 0x55225522
    | TILE_FRAME: outline in colour 15, inside transparent.
    .long 0xFFFFFFFF
    .long 0xF000000F
    .long 0xF000000F
    .long 0xF000000F
    .long 0xF000000F
    .long 0xF000000F
    .long 0xF000000F
    .long 0xFFFFFFFF
    | TILE_HSTRIPES: one-pixel horizontal stripes of colours 4 and 7.
    .long 0x44444444
    .long 0x77777777
    .long 0x44444444
    .long 0x77777777
    .long 0x44444444
    .long 0x77777777
    .long 0x44444444
    .long 0x77777777
    | TILE_VSTRIPES: two-pixel vertical stripes of colours 6 and 1.
    .rept 8
    .long 0x66116611
    .endr
vt_pattern_tiles_end:
