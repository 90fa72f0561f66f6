| startup.s - power-on/reset entry: TMSS unlock, clear RAM, copy .data,
| park the Z80, initialise pads and VDP, enable interrupts, call main.
    .include "md.inc"
    .section .text.startup, "ax"
    .global _start
_start:
    move.w #0x2700, sr
    | Units with a version > 0 have TMSS: the VDP stays locked until "SEGA"
    | is written to 0xA14000 (Genesis Software Manual, TMSS section).
    move.b VERSION_REG, d0
    andi.b #0x0F, d0
    beq 1f
    move.l #0x53454741, TMSS_REG
1:
    | Nothing is on the stack yet, so all 64 KiB of work RAM can be cleared.
    lea WORK_RAM, a0
    move.w #(0x10000 / 4) - 1, d0
    moveq #0, d1
2:  move.l d1, (a0)+
    dbra d0, 2b

    | Initialised data lives in ROM after the code and is copied to RAM.
    lea __data_load, a0
    lea __data_start, a1
    move.l #__data_end, d0
    sub.l a1, d0
    lsr.l #1, d0
    bra 4f
3:  move.w (a0)+, (a1)+
4:  dbra d0, 3b

    jsr z80_init
    jsr pads_init
    jsr vdp_init
    move.w #0x2000, sr
    jsr main
5:  bra 5b
