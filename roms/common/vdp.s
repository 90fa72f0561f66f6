| vdp.s - VDP helper library. Register usage follows the C convention:
| d0-d1/a0-a1 may be clobbered, everything else is preserved.
| Register meanings: Sega "Genesis Software Manual", VDP chapter.
    .include "md.inc"
    .text

| Power-on register values: H40 / V28, planes 64x32, layout in md.inc,
| display off, VBlank interrupt and DMA enabled.
    .section .rodata
vdp_init_regs:
    .byte 0x04      | 0  HInt off, normal colour mode
    .byte 0x34      | 1  display off, VInt on, DMA on, V28, mode 5
    .byte VRAM_PLANE_A >> 10
    .byte VRAM_WINDOW >> 10
    .byte VRAM_PLANE_B >> 13
    .byte VRAM_SPRITES >> 9
    .byte 0x00      | 6
    .byte 0x00      | 7  backdrop = palette 0 colour 0
    .byte 0x00      | 8
    .byte 0x00      | 9
    .byte 0xFF      | 10 HInt counter
    .byte 0x00      | 11 full-screen H and V scroll
    .byte 0x81      | 12 H40, no interlace, no shadow/highlight
    .byte VRAM_HSCROLL >> 10
    .byte 0x00      | 14
    .byte 0x02      | 15 auto-increment 2
    .byte 0x01      | 16 planes 64x32 cells
    .byte 0x00      | 17 window off
    .byte 0x00      | 18
    .byte 0x00, 0x00, 0x00, 0x00, 0x00 | 19-23 DMA
    .even
    .text

    .global vdp_init
vdp_init:
    move.w VDP_CTRL, d0         | reading status cancels a half-written command
    lea vdp_init_regs, a0
    lea vdp_regs, a1
    moveq #0, d0
1:  move.b (a0)+, d1
    move.b d1, (a1)+
    move.w d0, -(sp)
    lsl.w #8, d0
    move.b d1, d0
    ori.w #0x8000, d0
    move.w d0, VDP_CTRL
    move.w (sp)+, d0
    addq.w #1, d0
    cmpi.w #24, d0
    bne 1b
    | Clear VRAM, CRAM and VSRAM with plain port writes.
    lea VDP_DATA, a0
    moveq #0, d1
    VRAM_WRITE 0
    move.w #0x10000 / 4 - 1, d0
2:  move.l d1, (a0)
    dbra d0, 2b
    CRAM_WRITE 0
    moveq #64 / 2 - 1, d0
3:  move.l d1, (a0)
    dbra d0, 3b
    VSRAM_WRITE 0
    moveq #40 / 2 - 1, d0
4:  move.l d1, (a0)
    dbra d0, 4b
    rts

| vdp_set_reg: d0.b register, d1.b value. Keeps a RAM copy in vdp_regs.
    .global vdp_set_reg
vdp_set_reg:
    andi.w #0x1F, d0
    lea vdp_regs, a0
    move.b d1, 0(a0, d0.w)
    lsl.w #8, d0
    move.b d1, d0
    ori.w #0x8000, d0
    move.w d0, VDP_CTRL
    rts

| vdp_get_reg: d0.b register -> d0.w last value written through this library.
    .global vdp_get_reg
vdp_get_reg:
    andi.w #0x1F, d0
    lea vdp_regs, a0
    move.b 0(a0, d0.w), d0
    andi.w #0xFF, d0
    rts

| vdp_display_on / vdp_display_off: toggle bit 6 of register 1.
    .global vdp_display_on, vdp_display_off
vdp_display_on:
    move.b vdp_regs + 1, d1
    ori.b #0x40, d1
    moveq #1, d0
    bra vdp_set_reg
vdp_display_off:
    move.b vdp_regs + 1, d1
    andi.b #0xBF, d1
    moveq #1, d0
    bra vdp_set_reg

| vdp_set_address: d0.w address, d1.l command kind (CMD_VRAM_WRITE, ...).
| Writes the control-port command that selects the address.
    .global vdp_set_address
vdp_set_address:
    move.l d2, -(sp)
    moveq #0, d2
    move.w d0, d2
    lsl.l #2, d2                | A15-A14 -> bits 17-16
    lsr.w #2, d2                | A13-A0 back to bits 13-0
    swap d2                     | A13-A0 in 29-16, A15-A14 in 1-0
    or.l d1, d2
    move.l d2, VDP_CTRL
    move.l (sp)+, d2
    rts

| vdp_write_vram / _cram / _vsram: a0 source, d0.w destination address,
| d1.w number of words. Copies through the data port.
    .global vdp_write_vram, vdp_write_cram, vdp_write_vsram
vdp_write_vram:
    move.l d1, -(sp)
    move.l #CMD_VRAM_WRITE, d1
    bra vdp_write_common
vdp_write_cram:
    move.l d1, -(sp)
    move.l #CMD_CRAM_WRITE, d1
    bra vdp_write_common
vdp_write_vsram:
    move.l d1, -(sp)
    move.l #CMD_VSRAM_WRITE, d1
vdp_write_common:
    bsr vdp_set_address
    move.l (sp)+, d1
    lea VDP_DATA, a1
    bra 2f
1:  move.w (a0)+, (a1)
2:  dbra d1, 1b
    rts

| vdp_fill_vram: d0.w address, d1.w number of words, d2.w value.
    .global vdp_fill_vram
vdp_fill_vram:
    move.l d1, -(sp)
    move.l #CMD_VRAM_WRITE, d1
    bsr vdp_set_address
    move.l (sp)+, d1
    lea VDP_DATA, a1
    bra 2f
1:  move.w d2, (a1)
2:  dbra d1, 1b
    rts

| vdp_dma_vram: a0 source in 68000 memory (even), d0.w VRAM destination,
| d1.w length in words. The 68000 is halted until the transfer ends.
    .global vdp_dma_vram
vdp_dma_vram:
    movem.l d2-d3, -(sp)
    move.w d0, d3
    move.l a0, d2
    lsr.l #1, d2                | source registers hold address / 2
    lea VDP_CTRL, a1
    move.w #0x9300, d0          | 19: length low
    move.b d1, d0
    move.w d0, (a1)
    move.w #0x9400, d0          | 20: length high
    move.w d1, -(sp)
    move.b (sp)+, d0
    move.w d0, (a1)
    move.w #0x9500, d0          | 21: source bits 8-1
    move.b d2, d0
    move.w d0, (a1)
    lsr.l #8, d2
    move.w #0x9600, d0          | 22: source bits 16-9
    move.b d2, d0
    move.w d0, (a1)
    lsr.l #8, d2
    move.w #0x9700, d0          | 23: bit 7 = 0 selects 68000 -> VDP
    move.b d2, d0
    andi.b #0x7F, d0
    move.w d0, (a1)
    move.w d3, d0
    move.l #CMD_VRAM_WRITE + CMD_DMA, d1
    | The command's second word starts the transfer; write it from RAM
    | (the stack) as the manual recommends for 68000-source DMA.
    moveq #0, d2
    move.w d0, d2
    lsl.l #2, d2
    lsr.w #2, d2
    swap d2
    or.l d1, d2
    move.l d2, -(sp)
    move.w (sp)+, (a1)
    move.w (sp)+, (a1)
    movem.l (sp)+, d2-d3
    rts

| vdp_dma_fill: d0.w VRAM address, d1.w length in bytes, d2.b fill byte.
| Waits until the fill is done (status bit 1 = DMA busy).
    .global vdp_dma_fill
vdp_dma_fill:
    movem.l d2-d3, -(sp)
    lea VDP_CTRL, a1
    move.w #0x8F01, (a1)        | auto-increment 1 for a byte fill
    move.w #0x9300, d3
    move.b d1, d3
    move.w d3, (a1)
    move.w #0x9400, d3
    move.w d1, -(sp)
    move.b (sp)+, d3
    move.w d3, (a1)
    move.w #0x9780, (a1)        | 23: fill mode
    move.l #CMD_VRAM_WRITE + CMD_DMA, d1
    bsr vdp_set_address
    move.b d2, d3
    lsl.w #8, d3
    move.b d2, d3
    move.w d3, VDP_DATA         | the data write starts the fill
1:  move.w (a1), d3
    btst #1, d3
    bne 1b
    move.w #0x8F02, (a1)
    movem.l (sp)+, d2-d3
    rts

| vdp_wait_vblank: returns after the next VBlank interrupt. Sleeps in STOP
| (leaving SR = 0x2000: supervisor, all interrupts enabled) rather than
| spinning, so the CPU idles until an interrupt arrives.
    .global vdp_wait_vblank
vdp_wait_vblank:
    move.l vint_count, d0
1:  stop #0x2000
    cmp.l vint_count, d0
    beq 1b
    rts

| vdp_wait_frames: d0.w number of VBlanks to wait.
    .global vdp_wait_frames
vdp_wait_frames:
    move.l d2, -(sp)
    move.w d0, d2
    bra 2f
1:  bsr vdp_wait_vblank
2:  dbra d2, 1b
    move.l (sp)+, d2
    rts

    .bss
    .global vdp_regs
vdp_regs:
    .space 24
