| z80.s - Z80 bus helpers. At start the Z80 is given a two-instruction
| program (di; jr $) and then held in reset, so it never touches the bus.
    .include "md.inc"
    .text

| Request the Z80 bus and wait for the grant (bit 8 of 0xA11100 reads 0).
    .global z80_request_bus
z80_request_bus:
    move.w #0x100, Z80_BUSREQ
1:  btst #0, Z80_BUSREQ
    bne 1b
    rts

    .global z80_release_bus
z80_release_bus:
    move.w #0, Z80_BUSREQ
    rts

    .global z80_init
z80_init:
    move.w #0x100, Z80_BUSREQ
    move.w #0x100, Z80_RESET    | the grant only comes while reset is released
1:  btst #0, Z80_BUSREQ
    bne 1b
    lea Z80_RAM, a0
    move.w #0x2000 - 1, d0
2:  move.b #0, (a0)+
    dbra d0, 2b
    move.b #0xF3, Z80_RAM       | di
    move.b #0x18, Z80_RAM + 1   | jr $
    move.b #0xFE, Z80_RAM + 2
    move.w #0, Z80_RESET        | hold in reset...
    move.w #0, Z80_BUSREQ       | ...and hand the bus back
    rts
